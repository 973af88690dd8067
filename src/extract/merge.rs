//! Mentions become entities: coreferent names grouped ("Trump", "Donald Trump", "President
//! Trump"), names known once found everywhere, display names chosen.

use super::lexicon::{Lexicon, PlaceKind};
use super::names;
use super::{Pass, Seen, lower};
use crate::document::{Entity, EntityKind};
use crate::span::Span;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::ops::Range;
use std::rc::Rc;

/// One mention found in a passage, before grouping.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// Person, place or event.
    pub kind: EntityKind,
    /// Mentions with equal kind and key are one entity (before alias linking).
    pub key: Rc<str>,
    /// The proper form this mention offers as display name (often the key itself, shared).
    pub name: Rc<str>,
    /// Which pass.
    pub passage: usize,
    /// Byte range in the passage text.
    pub range: Range<usize>,
    /// A proper name (not a description such as "the talks" or "the Secretary of State").
    pub named: bool,
    /// Role, date and place, which few mentions carry: apart, so that the many that carry
    /// none stay small (a long book has tens of thousands of mentions).
    extra: Option<Box<Extra>>,
}

/// What some mentions say besides a name.
#[derive(Debug, Clone, PartialEq, Default)]
struct Extra {
    /// For a person referred to by role, the role phrase.
    role: Option<String>,
    /// For an event, its date or time expression.
    date: Option<String>,
    /// For an event, where it happens.
    place: Option<String>,
}

impl Mention {
    /// A named mention whose key is its name.
    pub fn named(kind: EntityKind, name: &str, passage: usize, range: Range<usize>) -> Mention {
        let name: Rc<str> = Rc::from(name);
        Mention { kind, key: Rc::clone(&name), name, passage, range, named: true, extra: None }
    }

    /// For a person referred to by role, the role phrase.
    pub fn role(&self) -> Option<&str> {
        self.extra.as_ref()?.role.as_deref()
    }

    /// For an event, its date or time expression.
    pub fn date(&self) -> Option<&str> {
        self.extra.as_ref()?.date.as_deref()
    }

    /// For an event, where it happens.
    pub fn place(&self) -> Option<&str> {
        self.extra.as_ref()?.place.as_deref()
    }

    /// The extra fields, made when one is set (not when one is cleared).
    fn extra_for(&mut self, set: bool) -> Option<&mut Extra> {
        if set { Some(self.extra.get_or_insert_default()) } else { self.extra.as_deref_mut() }
    }

    /// Sets the role phrase.
    pub fn set_role(&mut self, role: Option<String>) {
        if let Some(e) = self.extra_for(role.is_some()) {
            e.role = role;
        }
    }

    /// Sets the date expression.
    pub fn set_date(&mut self, date: Option<String>) {
        if let Some(e) = self.extra_for(date.is_some()) {
            e.date = date;
        }
    }

    /// Sets where the event happens.
    pub fn set_place(&mut self, place: Option<String>) {
        if let Some(e) = self.extra_for(place.is_some()) {
            e.place = place;
        }
    }
}

/// The text ranges mentions occupy, per passage: answers "is this range taken?" without a scan
/// of every mention of the document (War and Peace has tens of thousands).
#[derive(Debug, Default)]
pub struct Occupied {
    /// Passage, start and end of each range, sorted (32 bits each: they are many).
    ranges: Vec<(u32, u32, u32)>,
}

/// Adds the `found` mentions that overlap none already in `mentions`.
pub fn add_unclaimed(mentions: &mut Vec<Mention>, mut found: Vec<Mention>) {
    let occupied = Occupied::of(mentions, &[]);
    found.retain(|m| !occupied.overlaps(m.passage, &m.range));
    mentions.append(&mut found);
}

impl Occupied {
    /// The ranges of these mentions (of any kind when `kinds` is empty).
    pub fn of(mentions: &[Mention], kinds: &[EntityKind]) -> Occupied {
        let narrow = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        let mut ranges: Vec<(u32, u32, u32)> = mentions
            .iter()
            .filter(|m| kinds.is_empty() || kinds.contains(&m.kind))
            .map(|m| (narrow(m.passage), narrow(m.range.start), narrow(m.range.end)))
            .collect();
        ranges.sort_unstable();
        Occupied { ranges }
    }

    /// The taken ranges of a passage.
    fn of_passage(&self, passage: usize) -> impl Iterator<Item = Range<usize>> + '_ {
        let first = self.ranges.partition_point(|r| (r.0 as usize) < passage);
        self.ranges[first..]
            .iter()
            .take_while(move |r| r.0 as usize == passage)
            .map(|r| r.1 as usize..r.2 as usize)
    }

    /// True when a taken range overlaps `range`.
    pub fn overlaps(&self, passage: usize, range: &Range<usize>) -> bool {
        self.of_passage(passage).any(|r| r.start < range.end && range.start < r.end)
    }

    /// True when a taken range contains `range`.
    pub fn contains(&self, passage: usize, range: &Range<usize>) -> bool {
        self.of_passage(passage).any(|r| r.start <= range.start && range.end <= r.end)
    }
}

/// Finds, everywhere in the document, the names already known from body text: in headlines,
/// at sentence starts, and surnames or given names standing alone ("Galois" after "Évariste
/// Galois"). Also links each shorter person name to the one full name it is part of.
pub fn propagate(passes: &[Pass], lex: &Lexicon, seen: &Seen, mentions: &mut Vec<Mention>) {
    link_person_keys(mentions);
    link_titles(mentions);
    // Surface form (words joined by spaces) → (kind, key, name).
    let mut known: HashMap<String, (EntityKind, Rc<str>, Rc<str>)> = HashMap::default();
    let mut ambiguous: HashSet<String> = HashSet::default();
    for m in mentions.iter().filter(|m| m.named) {
        let Some(p) = passes.get(m.passage) else { continue };
        let surface: Vec<&str> = p.text.get(m.range.clone()).unwrap_or("").split_whitespace().collect();
        let mut forms = vec![surface.join(" "), m.name.to_string()];
        if m.kind == EntityKind::Person {
            let words: Vec<&str> = m.key.split(' ').collect();
            // A surname or given name alone, unless it is also a well-known place ("Boston").
            let well_known = |w: &str| {
                lex.places.get(w).is_some_and(|pl| pl.kind != PlaceKind::City || pl.population >= 100_000)
            };
            if words.len() >= 2 {
                let last = words.len() - 1;
                if !well_known(words[last]) {
                    forms.push(words[last].to_string());
                }
                if lex.given.contains(words[0]) && !well_known(words[0]) {
                    forms.push(words[0].to_string());
                }
                if names::CONNECTORS.contains(&words[last.saturating_sub(1)]) {
                    forms.push(words[last - 1..].join(" "));
                }
            }
        }
        for f in forms {
            if f.is_empty()
                || lex.is_stop(&lower(&f)) && !names::is_acronym(&f)
                || lex.titles.contains(f.as_str())
            {
                continue;
            }
            let small_town = |f: &str| {
                lex.places.get(f).is_none_or(|pl| pl.kind == PlaceKind::City && pl.population < 1_000_000)
            };
            match known.get(&f) {
                // A person's surname wins over a small town of the same name ("Holt").
                Some((EntityKind::Place, _, _)) if m.kind == EntityKind::Person && small_town(&f) => {
                    known.insert(f, (m.kind, m.key.clone(), m.name.clone()));
                }
                Some((EntityKind::Person, _, _)) if m.kind == EntityKind::Place && small_town(&f) => {}
                Some((k, key, _)) if *k != m.kind || *key != m.key => {
                    // Exact full names win over parts of other names.
                    if *f != *m.key {
                        ambiguous.insert(f);
                    }
                }
                _ => {
                    known.insert(f, (m.kind, m.key.clone(), m.name.clone()));
                }
            }
        }
    }
    for a in &ambiguous {
        if known.get(a).is_some_and(|(_, key, _)| **key != **a) {
            known.remove(a);
        }
    }
    if known.is_empty() {
        return;
    }
    let max_words = 5;
    let occupied = Occupied::of(mentions, &[]);
    let firsts: HashSet<&str> = known.keys().filter_map(|k| k.split(' ').next()).collect();
    let mut found = Vec::new();
    for p in passes {
        let mut i = 0;
        while i < p.toks.len() {
            if !p.toks[i].is_cap(p.text) || !firsts.contains(p.toks[i].text(p.text)) {
                i += 1;
                continue;
            }
            let mut hit = None;
            for n in (1..=max_words).rev() {
                let Some(last) = p.toks.get(i + n - 1) else { continue };
                let words: Vec<&str> = p.toks[i..i + n].iter().map(|t| t.text(p.text)).collect();
                // Whole names only: the next token must not continue a capitalised run.
                if p.toks.get(i + n).is_some_and(|t| t.is_cap(p.text) && !p.headline) {
                    continue;
                }
                if let Some(k) = known.get(&words.join(" ")) {
                    hit = Some((n, p.toks[i].start()..last.end(), k.clone()));
                    break;
                }
            }
            match hit {
                Some((n, range, (kind, key, name))) => {
                    let single_common = n == 1 && p.toks[i].sent_start() && {
                        let l = lower(p.toks[i].text(p.text));
                        seen.contains(&l) || lex.is_stop(&l)
                    };
                    if !single_common && !occupied.overlaps(p.index, &range) {
                        let mut m = Mention::named(kind, "", p.index, range);
                        (m.key, m.name) = (key, name);
                        found.push(m);
                    }
                    i += n;
                }
                None => i += 1,
            }
        }
    }
    // Exactly the room needed: a long book has tens of thousands of mentions.
    mentions.reserve_exact(found.len());
    mentions.extend(found);
    // A small town that shares a name with a person of this document is that person
    // ("Fillmore" in Charles J. Fillmore's biography).
    for m in mentions.iter_mut().filter(|m| m.kind == EntityKind::Place && m.named) {
        let Some(p) = passes.get(m.passage) else { continue };
        let surface = p.text.get(m.range.clone()).unwrap_or("");
        let small =
            lex.places.get(surface).is_none_or(|pl| pl.kind == PlaceKind::City && pl.population < 1_000_000);
        if let Some((EntityKind::Person, key, name)) = known.get(surface)
            && small
            && !surface.contains(' ')
        {
            m.kind = EntityKind::Person;
            m.key = key.clone();
            m.name = name.clone();
        }
    }
}

/// Gives a bare title ("the Secretary of State", "the president") the key of the one named
/// person who carries that title in the text ("Secretary of State John Kerry").
fn link_titles(mentions: &mut [Mention]) {
    let mut holders: HashMap<String, Vec<Rc<str>>> = HashMap::default();
    for m in mentions.iter().filter(|m| m.kind == EntityKind::Person && m.named) {
        if let Some(t) = m.role() {
            let v = holders.entry(lower(t).into_owned()).or_default();
            if !v.contains(&m.key) {
                v.push(m.key.clone());
            }
        }
    }
    for m in mentions.iter_mut().filter(|m| m.kind == EntityKind::Person && !m.named) {
        let Some(role) = m.role().map(lower) else { continue };
        if let Some([key]) = holders.get(&*role).map(Vec::as_slice) {
            m.key = key.clone();
            m.named = true;
        }
    }
}

/// Gives each person mention whose name is the start or end of exactly one longer name the
/// longer name's key ("Poisson" → "Siméon Poisson", "President" roles keep their own key).
fn link_person_keys(mentions: &mut [Mention]) {
    let full: Vec<Rc<str>> = {
        let mut v: Vec<Rc<str>> = mentions
            .iter()
            .filter(|m| m.kind == EntityKind::Person && m.named && m.key.contains(' '))
            .map(|m| m.key.clone())
            .collect();
        v.sort();
        v.dedup();
        v
    };
    // Mentions per key, and the first one's position in reading order.
    type First = std::cmp::Reverse<(usize, usize)>;
    let mut counts: HashMap<&str, (usize, First)> = HashMap::default();
    for m in mentions.iter().filter(|m| m.kind == EntityKind::Person) {
        let at = (m.passage, m.range.start);
        let e = counts.entry(&*m.key).or_insert((0, std::cmp::Reverse(at)));
        e.0 += 1;
        e.1 = e.1.max(std::cmp::Reverse(at));
    }
    let full_words: Vec<(&Rc<str>, Vec<&str>)> = full.iter().map(|f| (f, f.split(' ').collect())).collect();
    let named: HashSet<&Rc<str>> =
        mentions.iter().filter(|m| m.kind == EntityKind::Person && m.named).map(|m| &m.key).collect();
    let mut map: HashMap<Rc<str>, Rc<str>> = HashMap::default();
    for key in named {
        let short: Vec<&str> = key.split(' ').collect();
        let longer: Vec<&Rc<str>> = full_words
            .iter()
            .filter(|(_, w)| w.len() > short.len() && (w.ends_with(&short) || w.starts_with(&short)))
            .map(|(f, _)| *f)
            .collect();
        // One longer name, or the one mentioned most, then first (a biography's subject
        // over its relatives).
        let best = longer.iter().max_by_key(|k| counts.get(&k[..]).copied());
        if let Some(one) = best {
            map.insert(Rc::clone(key), Rc::clone(one));
        }
    }
    for m in mentions.iter_mut() {
        if m.kind == EntityKind::Person
            && let Some(k) = map.get(&m.key)
        {
            m.key = k.clone();
        }
    }
}

/// "Trump-Putin Talks" as a sentence would write it: "Trump-Putin talks".
fn lower_last_word(s: &str) -> String {
    match s.rsplit_once(' ') {
        Some((head, last)) => format!("{head} {}", lower(last)),
        None if s.contains('-') => s.to_string(),
        None => lower(s).into_owned(),
    }
}

/// Groups mentions by kind and key into entities; mentions become sorted, non-overlapping input spans.
pub fn entities(passes: &[Pass], mentions: Vec<Mention>) -> Vec<Entity> {
    // Groups hold the indices of their mentions: a long book has tens of thousands, and a
    // second copy of them all would be the largest thing alive at that point.
    let mut groups: Vec<(EntityKind, Vec<usize>)> = Vec::new();
    let mut index: HashMap<(EntityKind, &str), usize> = HashMap::default();
    for (i, m) in mentions.iter().enumerate() {
        match index.get(&(m.kind, &*m.key)) {
            Some(&g) => groups[g].1.push(i),
            None => {
                index.insert((m.kind, &*m.key), groups.len());
                groups.push((m.kind, vec![i]));
            }
        }
    }
    drop(index);
    let mut out = Vec::new();
    for (kind, members) in groups {
        let ms = || members.iter().filter_map(|&i| mentions.get(i));
        let mut spans: Vec<Span> = Vec::new();
        let mut forms: Vec<String> = Vec::new();
        let mut name = String::new();
        let mut role = None;
        let mut date = None;
        let mut place = None;
        // Events described rather than named: the most frequent form, as body text writes it.
        let mut event_forms: HashMap<String, (usize, String, bool)> = HashMap::default();
        let mut continue_named = false;
        for m in ms() {
            let Some(p) = passes.get(m.passage) else { continue };
            let span = p.passage.to_input(m.range.clone());
            if !span.is_empty() {
                spans.push(span);
            }
            let surface = p.text.get(m.range.clone()).unwrap_or("").to_string();
            if !forms.contains(&surface) {
                forms.push(surface);
            }
            // The fullest proper form: the longest named mention (headline forms only as a last resort).
            let better = if m.named { !p.headline || name.is_empty() } else { name.is_empty() };
            if kind == EntityKind::Event && !m.named {
                let e = event_forms.entry(lower(&m.name).into_owned()).or_insert((
                    0,
                    m.name.to_string(),
                    p.headline,
                ));
                e.0 += 1;
                if e.2 && !p.headline {
                    *e = (e.0, m.name.to_string(), false);
                }
                continue_named = true;
            }
            if better && (m.name.chars().count() > name.chars().count() || name.is_empty()) {
                name = m.name.to_string();
            }
            role = role.or_else(|| m.role().map(str::to_string));
            date = date.or_else(|| m.date().map(str::to_string));
            place = place.or_else(|| m.place().map(str::to_string));
        }
        spans.sort();
        let mut merged: Vec<Span> = Vec::new();
        for s in spans {
            match merged.last_mut() {
                Some(last) if s.start < last.end => last.end = last.end.max(s.end),
                _ => merged.push(s),
            }
        }
        let named_event = ms().any(|m| m.named);
        if continue_named && !named_event {
            let best = event_forms.values().max_by(|a, b| {
                a.0.cmp(&b.0).then((!a.2).cmp(&!b.2)).then(a.1.len().cmp(&b.1.len())).then(b.1.cmp(&a.1))
            });
            if let Some((_, form, headline)) = best {
                name = if *headline { lower_last_word(form) } else { form.clone() };
            }
        }
        if merged.is_empty() || name.is_empty() {
            continue;
        }
        let aliases = forms.into_iter().filter(|f| *f != name).take(8).collect();
        out.push(Entity { kind, name, mentions: merged, aliases, salience: 0.0, role, date, place });
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::document::EntityKind;
    use crate::extract::test_entities;

    #[test]
    fn aliases_are_one_entry_named_by_the_fullest_form() {
        // (text, kind, display name, aliases that must be listed)
        let cases: &[(&str, EntityKind, &str, &[&str])] = &[
            (
                "Donald Trump met reporters. Later, President Trump spoke. Trump said little.",
                EntityKind::Person,
                "Donald Trump",
                &["President Trump", "Trump"],
            ),
            (
                "The US and the U.S. are the United States, which some call America.",
                EntityKind::Place,
                "United States",
                &["US", "U.S.", "America"],
            ),
            (
                "Siméon Poisson reviewed the paper. Poisson's report was late.",
                EntityKind::Person,
                "Siméon Poisson",
                &["Poisson"],
            ),
        ];
        for (text, kind, name, aliases) in cases {
            let es: Vec<_> = test_entities(text).into_iter().filter(|e| e.kind == *kind).collect();
            assert_eq!(es.len(), 1, "{text}: {es:?}");
            assert_eq!(es[0].name, *name, "{text}");
            for a in *aliases {
                assert!(es[0].aliases.iter().any(|x| x == a), "{text}: {a} not in {:?}", es[0].aliases);
            }
        }
    }

    #[test]
    fn headlines_and_site_furniture_name_nobody() {
        for text in ["Privacy Overview", "Challenges and Opportunities", "Key Players and the Big Picture:"] {
            assert!(test_entities(text).is_empty(), "{text}");
        }
    }
}
