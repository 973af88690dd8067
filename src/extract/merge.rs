//! Mentions become entities: coreferent names grouped ("Trump", "Donald Trump", "President
//! Trump") by the keys [`super::propagate`] linked, display names chosen.

use super::lexicon::Lexicon;
use super::pass::{Pass, lower};
use crate::document::{Entity, EntityKind};
use crate::span::Span;
use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;
use std::sync::Arc;

/// What makes mentions one entity: mentions with equal kind and key are one (before alias
/// linking, which rewrites keys).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Key {
    /// A proper name as the text writes it ("Donald Trump"): people, places, organisations.
    /// Its words are the name's words.
    Name(Arc<str>),
    /// An unnamed actor, by the role phrase in lowercase ("russia's special envoy").
    Role(Arc<str>),
    /// A named group of people, in lowercase ("democrats").
    Group(Arc<str>),
    /// A named event, in lowercase ("world war ii").
    Event(Arc<str>),
    /// An event described by a trigger noun: its class ("talks") and what tells it from
    /// others of its class, the proper modifiers ("Miami") or the phrase in lowercase
    /// ("full-scale invasion"); empty for the one event of its class the text tells
    /// without either ("a duel", "the fire").
    Described(&'static str, Arc<str>),
}

impl Key {
    /// The words of a proper name; none for the other keys.
    pub fn name(&self) -> Option<&str> {
        match self {
            Key::Name(n) => Some(n),
            _ => None,
        }
    }
}

/// One mention found in a passage, before grouping.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// Person, place or event.
    pub kind: EntityKind,
    /// Mentions with equal kind and key are one entity (before alias linking).
    pub key: Key,
    /// The proper form this mention offers as display name (often the key itself, shared).
    pub name: Arc<str>,
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

/// True for a text long enough that a rule's halves are worth a thread each.
fn long(passes: &[Pass]) -> bool {
    passes.iter().map(|p| p.text.len()).sum::<usize>() > crate::PARALLEL_BYTES
}

/// `f` on each half of `mentions`, with the index of its first; on two threads for a long
/// text. For a rule that reads each mention on its own and whose findings are joined after.
pub(crate) fn halves<'m, T: Send>(
    passes: &[Pass],
    mentions: &'m [Mention],
    f: impl Fn(usize, &'m [Mention]) -> T + Sync,
) -> (T, T) {
    let mid = mentions.len() / 2;
    let (first, second) = mentions.split_at(mid);
    crate::both(long(passes), || f(0, first), || f(mid, second))
}

/// `mentions.retain_mut(keep)`, each half on its own thread for a long text: for a test of
/// each mention on its own.
pub(crate) fn retain_halves(
    passes: &[Pass],
    mentions: &mut Vec<Mention>,
    keep: impl Fn(&mut Mention) -> bool + Sync,
) {
    if !long(passes) {
        mentions.retain_mut(keep);
        return;
    }
    let mut second = mentions.split_off(mentions.len() / 2);
    crate::both(true, || mentions.retain_mut(&keep), || second.retain_mut(&keep));
    mentions.append(&mut second);
}

/// `f` on each half of the mentions put in passage order (a stable sort keeps each
/// passage's in their order), cut between two passages; on two threads for a long text.
/// For a rule that reads the mentions of each passage together.
pub(crate) fn passage_halves<'m, T: Send>(
    passes: &[Pass],
    mentions: &'m [Mention],
    f: impl Fn(&[&'m Mention]) -> T + Sync,
) -> (T, T) {
    let mut sorted: Vec<&Mention> = mentions.iter().collect();
    sorted.sort_by_key(|m| m.passage);
    let mut mid = sorted.len() / 2;
    while mid > 0 && mid < sorted.len() && sorted[mid - 1].passage == sorted[mid].passage {
        mid += 1;
    }
    let (first, second) = sorted.split_at(mid);
    crate::both(long(passes), || f(first), || f(second))
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
        let name: Arc<str> = Arc::from(name);
        Mention { kind, key: Key::Name(Arc::clone(&name)), name, passage, range, named: true, extra: None }
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
    /// For each range, the furthest end of it and the ranges before it in its passage: a
    /// lookup is then two binary searches, not a scan of the passage's ranges (one long
    /// paragraph may hold them all).
    reach: Vec<u32>,
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
        let ranges: Vec<(u32, u32, u32)> = mentions
            .iter()
            .filter(|m| kinds.is_empty() || kinds.contains(&m.kind))
            .map(|m| (narrow(m.passage), narrow(m.range.start), narrow(m.range.end)))
            .collect();
        let mut occupied = Occupied { ranges, reach: Vec::new() };
        occupied.index();
        occupied
    }

    /// Sorts the ranges and computes how far each reaches.
    fn index(&mut self) {
        self.ranges.sort_unstable();
        self.reach.clear();
        let mut prev = None;
        for &(passage, _, end) in &self.ranges {
            let far = match (prev, self.reach.last()) {
                (Some(p), Some(&r)) if p == passage => r.max(end),
                _ => end,
            };
            self.reach.push(far);
            prev = Some(passage);
        }
    }

    /// Takes the ranges of these mentions too.
    pub fn add(&mut self, mentions: &[Mention]) {
        let narrow = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        self.ranges
            .extend(mentions.iter().map(|m| (narrow(m.passage), narrow(m.range.start), narrow(m.range.end))));
        self.index();
    }

    /// The furthest end of the passage's ranges that start before `start` (or at it, when
    /// `at` is true).
    fn reach_before(&self, passage: usize, start: usize, at: bool) -> Option<usize> {
        let (passage, start) = (passage as u64, start as u64);
        let first = self.ranges.partition_point(|r| u64::from(r.0) < passage);
        let end = self.ranges.partition_point(|r| {
            let s = u64::from(r.1);
            u64::from(r.0) < passage || u64::from(r.0) == passage && (s < start || at && s == start)
        });
        (end > first).then(|| self.reach[end - 1] as usize)
    }

    /// True when a taken range overlaps `range`.
    pub fn overlaps(&self, passage: usize, range: &Range<usize>) -> bool {
        self.reach_before(passage, range.end, false).is_some_and(|far| far > range.start)
    }

    /// True when a taken range contains `range`.
    pub fn contains(&self, passage: usize, range: &Range<usize>) -> bool {
        self.reach_before(passage, range.start, true).is_some_and(|far| far >= range.end)
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

/// True for a proper name: capitalised, and not a title or a role word alone ("President",
/// "Sen.", "president").
fn proper(lex: &Lexicon, name: &str) -> bool {
    name.starts_with(char::is_uppercase) && !lex.titles.contains(name) && !lex.roles.contains(&*lower(name))
}

/// Groups mentions by kind and key into entities; mentions become sorted, non-overlapping input spans.
///
/// Words that are both a place and an organisation's name in one spot are the place ("the
/// Cleveland Museum of Art", "England"), and so are a place's last words ("Union" of
/// "Soviet Union"): the reader finds one entry for them, not two.
pub fn entities(passes: &[Pass], mut mentions: Vec<Mention>) -> Vec<Entity> {
    let lex = super::lexicon::get();
    // Where each place's words end, and the first word of the longest that ends there.
    let mut places: HashMap<(usize, usize), usize> = HashMap::default();
    for m in mentions.iter().filter(|m| m.kind == EntityKind::Place) {
        let start = places.entry((m.passage, m.range.end)).or_insert(m.range.start);
        *start = (*start).min(m.range.start);
    }
    mentions.retain(|m| {
        m.kind != EntityKind::Organization
            || places.get(&(m.passage, m.range.end)).is_none_or(|&start| start > m.range.start)
    });
    // Groups hold the indices of their mentions: a long book has tens of thousands, and a
    // second copy of them all would be the largest thing alive at that point.
    let mut groups: Vec<(EntityKind, Vec<usize>)> = Vec::new();
    let mut index: HashMap<(EntityKind, &Key), usize> = HashMap::default();
    for (i, m) in mentions.iter().enumerate() {
        match index.get(&(m.kind, &m.key)) {
            Some(&g) => groups[g].1.push(i),
            None => {
                index.insert((m.kind, &m.key), groups.len());
                groups.push((m.kind, vec![i]));
            }
        }
    }
    drop(index);
    // Each half of the groups (by mentions) made into entries on its own thread for a long text.
    let build = |groups: &[(EntityKind, Vec<usize>)]| -> Vec<Entity> {
        groups.iter().filter_map(|(kind, members)| entry(passes, lex, &mentions, *kind, members)).collect()
    };
    let count: usize = groups.iter().map(|(_, ms)| ms.len()).sum();
    let (first, second) = groups.split_at(crate::halfway(&groups, count, |(_, ms)| ms.len()));
    let (mut out, more) = crate::both(long(passes), || build(first), || build(second));
    out.extend(more);
    out
}

/// The entry of one group of mentions of a kind (their indices in `mentions`): its spans,
/// its display name and aliases; none for a group with no span or no name.
fn entry(
    passes: &[Pass],
    lex: &Lexicon,
    mentions: &[Mention],
    kind: EntityKind,
    members: &[usize],
) -> Option<Entity> {
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
    let mut best = None;
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
        // The fullest proper form: a proper name over a role word ("Trump" over "president"),
        // then the longest, then body text over headlines.
        let rank = (m.named && proper(lex, &m.name), m.name.chars().count(), m.named && !p.headline);
        if kind == EntityKind::Event && !m.named {
            let e =
                event_forms.entry(lower(&m.name).into_owned()).or_insert((0, m.name.to_string(), p.headline));
            e.0 += 1;
            if e.2 && !p.headline {
                *e = (e.0, m.name.to_string(), false);
            }
            continue_named = true;
        }
        if best.is_none_or(|b| rank > b) {
            name = m.name.to_string();
            best = Some(rank);
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
    // A title alone names no one ("Major", "Sen."): a title as a role has its article
    // ("the Secretary of State") and is no proper name.
    let bare_title =
        kind == EntityKind::Person && lex.titles.contains(name.as_str()) && ms().all(|m| m.named);
    if merged.is_empty() || name.is_empty() || bare_title {
        return None;
    }
    let aliases = forms.into_iter().filter(|f| *f != name).take(8).collect();
    Some(Entity { kind, name, mentions: merged, aliases, salience: 0.0, role, date, place })
}

#[cfg(test)]
mod tests {
    use crate::document::EntityKind;
    use crate::extract::test_entities;

    #[test]
    fn a_place_is_no_organisation_in_the_same_words() {
        let (p, _) = crate::extract::test_pass("Visitors to the Quillby Museum of Art came.");
        let at = p.text.find("Quillby").unwrap_or(0)..p.text.find(" came").unwrap_or(0);
        let mentions = vec![
            super::Mention::named(EntityKind::Organization, "Quillby Museum of Art", 0, at.clone()),
            super::Mention::named(EntityKind::Place, "Quillby Museum of Art", 0, at),
        ];
        let kinds: Vec<EntityKind> =
            super::entities(std::slice::from_ref(&p), mentions).iter().map(|e| e.kind).collect();
        assert_eq!(kinds, [EntityKind::Place]);
        let (p, _) = crate::extract::test_pass("Visitors to the Zorvish Union came.");
        let union = p.text.find("Union").unwrap_or(0)..p.text.find(" came").unwrap_or(0);
        let whole = p.text.find("Zorvish").unwrap_or(0)..union.end;
        let mentions = vec![
            super::Mention::named(EntityKind::Organization, "Union", 0, union),
            super::Mention::named(EntityKind::Place, "Zorvish Union", 0, whole),
        ];
        let kinds: Vec<EntityKind> =
            super::entities(std::slice::from_ref(&p), mentions).iter().map(|e| e.kind).collect();
        assert_eq!(kinds, [EntityKind::Place]);
    }

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
