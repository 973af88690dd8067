//! Names known once are found everywhere: in headlines, at sentence starts, and as
//! surnames or given names standing alone ("Galois" after "Évariste Galois"), once
//! [`super::people::coref`] has linked shorter person names and titles to full names.

use super::lexicon::{Lexicon, PlaceKind};
use super::merge::{Key, Mention, Occupied};
use super::names;
use super::pass::{Pass, Seen, lower};
use crate::document::EntityKind;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::ops::Range;
use std::sync::Arc;

/// Finds, everywhere in the document, the names already known from body text: in headlines,
/// at sentence starts, and surnames or given names standing alone ("Galois" after "Évariste
/// Galois"). Also links each shorter person name to the one full name it is part of.
pub fn propagate(passes: &[Pass], lex: &Lexicon, seen: &Seen, mentions: &mut Vec<Mention>) {
    super::people::coref::link(passes, lex, mentions);
    spread(passes, lex, seen, mentions, 0);
}

/// Finds everywhere the names of `mentions[from..]`, where no mention is yet: the names that
/// only context made known ("in Tabennese") reach their bare occurrences too.
pub fn spread(passes: &[Pass], lex: &Lexicon, seen: &Seen, mentions: &mut Vec<Mention>, from: usize) {
    // Surface form (words joined by spaces) → (kind, key, name).
    let mut known: HashMap<String, (EntityKind, Key, Arc<str>)> = HashMap::default();
    let mut ambiguous: HashSet<String> = HashSet::default();
    for m in mentions.get(from..).unwrap_or_default().iter().filter(|m| m.named) {
        let Some(p) = passes.get(m.passage) else { continue };
        let surface: Vec<&str> = p.text.get(m.range.clone()).unwrap_or("").split_whitespace().collect();
        let mut forms = vec![surface.join(" "), m.name.to_string()];
        if m.kind == EntityKind::Person
            && let Some(key) = m.key.name()
        {
            let words: Vec<&str> = key.split(' ').collect();
            // A surname or given name alone, unless it is also a well-known place ("Boston").
            let well_known = |w: &str| {
                lex.places.get(w).is_some_and(|pl| pl.kind != PlaceKind::City || pl.population >= 100_000)
            };
            if words.len() >= 2 {
                let last = words.len() - 1;
                // After "of" the last word is a place ("Theodorus of Tabennese"), not a surname.
                if !well_known(words[last]) && words[last - 1] != "of" {
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
                    if m.key.name() != Some(f.as_str()) {
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
        if known.get(a).is_some_and(|(_, key, _)| key.name() != Some(a.as_str())) {
            known.remove(a);
        }
    }
    if known.is_empty() {
        return;
    }
    let occupied = Occupied::of(mentions, &[]);
    // The forms by number, for the threads that look for them.
    let forms: Vec<_> = known.iter().collect();
    let numbers: HashMap<&str, usize> = forms.iter().enumerate().map(|(n, (f, _))| (f.as_str(), n)).collect();
    let firsts: HashSet<&str> = known.keys().filter_map(|k| k.split(' ').next()).collect();
    let bytes: usize = passes.iter().map(|p| p.text.len()).sum();
    let (first, second) = passes.split_at(crate::halfway(passes, bytes, |p| p.text.len()));
    let find = |passes: &[Pass]| find_forms(passes, lex, seen, &numbers, &firsts, &occupied);
    let (mut hits, more) = crate::both(bytes > crate::PARALLEL_BYTES, || find(first), || find(second));
    hits.extend(more);
    let mut found = Vec::with_capacity(hits.len());
    for (passage, range, n) in hits {
        let (kind, key, name) = forms[n].1;
        let mut m = Mention::named(*kind, "", passage, range);
        (m.key, m.name) = (key.clone(), name.clone());
        found.push(m);
    }
    // Exactly the room needed: a long book has tens of thousands of mentions.
    mentions.reserve_exact(found.len());
    mentions.extend(found);
    // A town that shares its name with the surname of one person of this document is that
    // person ("Fillmore" in Charles J. Fillmore's biography, "Richardson" after Sheldon
    // Richardson), unless the text places it ("in Richardson", "Richardson, Texas"). A big
    // city is the person only where no mention places it and one reads as a person's
    // ("Paris's father" after Valeska Paris): then all its mentions are.
    let mut surnames: HashMap<&str, Option<(Key, Arc<str>)>> = HashMap::default();
    for m in mentions.iter().filter(|m| m.kind == EntityKind::Person && m.named) {
        let Some((_, last)) = m.key.name().and_then(|n| n.rsplit_once(' ')) else { continue };
        let entry = surnames.entry(last).or_insert_with(|| Some((m.key.clone(), m.name.clone())));
        if entry.as_ref().is_some_and(|(k, _)| *k != m.key) {
            *entry = None;
        }
    }
    let mut placed = Vec::new();
    // Each big city's person, its mentions, whether one reads as a person's, whether one is
    // placed.
    type City<'a> = (&'a (Key, Arc<str>), Vec<usize>, bool, bool);
    let mut cities: HashMap<&str, City> = HashMap::default();
    for (i, m) in mentions.iter().enumerate().filter(|(_, m)| m.kind == EntityKind::Place && m.named) {
        let Some(p) = passes.get(m.passage) else { continue };
        let surface = p.text.get(m.range.clone()).unwrap_or("");
        if surface.contains(' ') {
            continue;
        }
        let small =
            lex.places.get(surface).is_none_or(|pl| pl.kind == PlaceKind::City && pl.population < 1_000_000);
        if small && let Some((EntityKind::Person, key, name)) = known.get(surface) {
            placed.push((i, key.clone(), name.clone()));
            continue;
        }
        let before = p.text.get(..m.range.start).unwrap_or("").trim_end();
        let prep = ["in", "at", "from", "to", "near", "of", "In", "At", "From", "Near"]
            .iter()
            .any(|w| before.strip_suffix(w).is_some_and(|b| b.is_empty() || b.ends_with(' ')));
        let region = p.text.get(m.range.end..).and_then(|t| t.strip_prefix(", ")).is_some_and(|t| {
            let next: String = t.chars().take_while(|c| c.is_alphabetic() || *c == ' ').collect();
            let mut words = next.split(' ');
            let one = words.next().unwrap_or("");
            let two = format!("{one} {}", words.next().unwrap_or(""));
            [one, two.as_str()].iter().any(|w| {
                lex.places.get(w).is_some_and(|pl| matches!(pl.kind, PlaceKind::Region | PlaceKind::Country))
            })
        });
        let Some(Some(whose)) = surnames.get(surface) else { continue };
        if small {
            if !prep && !region {
                placed.push((i, whose.0.clone(), whose.1.clone()));
            }
        } else if let Some(toks) = p.tokens_of(&m.range) {
            let city = cities.entry(surface).or_insert_with(|| (whose, Vec::new(), false, false));
            city.1.push(i);
            city.2 |= super::people::person_context(p, toks.start, toks.end, lex);
            city.3 |= prep || region;
        }
    }
    for ((key, name), found, _, _) in cities.into_values().filter(|c| c.2 && !c.3) {
        placed.extend(found.into_iter().map(|i| (i, key.clone(), name.clone())));
    }
    for (i, key, name) in placed {
        if let Some(m) = mentions.get_mut(i) {
            m.kind = EntityKind::Person;
            m.key = key;
            m.name = name;
        }
    }
}

/// The occurrences in `passes` of the forms `numbers` holds, where no mention is yet: the
/// passage, the bytes and the form's number of each.
fn find_forms(
    passes: &[Pass],
    lex: &Lexicon,
    seen: &Seen,
    numbers: &HashMap<&str, usize>,
    firsts: &HashSet<&str>,
    occupied: &Occupied,
) -> Vec<(usize, Range<usize>, usize)> {
    const MAX_WORDS: usize = 5;
    let mut found = Vec::new();
    // The words from token `i` on joined by spaces, and where the first n of them end.
    let mut joined = String::new();
    let mut ends = [0; 1 + MAX_WORDS];
    for p in passes {
        let mut i = 0;
        while i < p.toks.len() {
            if !p.toks[i].is_cap(p.text) || !firsts.contains(p.toks[i].text(p.text)) {
                i += 1;
                continue;
            }
            joined.clear();
            for (n, t) in p.toks[i..].iter().take(MAX_WORDS).enumerate() {
                if n > 0 {
                    joined.push(' ');
                }
                joined.push_str(t.text(p.text));
                ends[n + 1] = joined.len();
            }
            let mut hit = None;
            for n in (1..=MAX_WORDS).rev() {
                let Some(last) = p.toks.get(i + n - 1) else { continue };
                // Whole names only: the next token must not continue a capitalised run.
                if p.toks.get(i + n).is_some_and(|t| t.is_cap(p.text) && !p.headline) {
                    continue;
                }
                if let Some(&k) = numbers.get(&joined[..ends[n]]) {
                    hit = Some((n, p.toks[i].start()..last.end(), k));
                    break;
                }
            }
            match hit {
                Some((n, range, k)) => {
                    let single_common = n == 1 && p.toks[i].sent_start() && {
                        let l = lower(p.toks[i].text(p.text));
                        seen.contains(&l) || lex.is_stop(&l)
                    };
                    if !single_common && !occupied.overlaps(p.index, &range) {
                        found.push((p.index, range, k));
                    }
                    i += n;
                }
                None => i += 1,
            }
        }
    }
    found
}
