//! Events: named ones ("World War II", "the 2017 Brit Awards", "Battle of Chudnov") and
//! trigger nouns with their modifiers ("the Miami talks", "missile strikes"), grouped when
//! they corefer ("the Miami discussions", "this Miami gathering", "the talks"), with the date
//! and place the text gives.

use super::lexicon::Lexicon;
use super::merge::{Key, Mention};
use super::names::Chunk;
use super::tokens::{Kind, Token, is_cap_word};
use super::{Pass, lower};
use crate::document::EntityKind;
use rustc_hash::FxHashMap as HashMap;

/// Words that open a named event ("Battle of Chudnov", "Siege of Savannah").
const OPENERS: &[&str] = &["Battle", "Siege", "Invasion", "Fall", "Sack", "Treaty", "Congress", "Council"];

fn event_head(lex: &Lexicon, words: &[&str]) -> bool {
    let n = words.len();
    let last = words[n - 1].trim_end_matches('.');
    // "Magi-Fest", "Comic-Con": the head may close a hyphenated word.
    let part = last.rsplit('-').next().unwrap_or(last);
    // "Festival of Angels", "Council of Nicaea": a capitalised trigger before "of".
    let trigger_of = n >= 3
        && words[1] == "of"
        && is_cap_word(words[0])
        && (OPENERS.contains(&words[0]) || lex.triggers.contains_key(&*lower(words[0])));
    lex.event_heads.contains(last)
        || part != last && lex.event_heads.contains(part)
        || trigger_of
        || n >= 2 && lex.event_heads.contains(words[n - 2..].join(" ").as_str())
        || lex.triggers.contains_key(&*lower(last)) && is_cap_word(last)
        || n >= 3 && OPENERS.contains(&words[0]) && words[1] == "of"
}

/// A named event: a capitalised chunk ending in an event head, with a year or ordinal and
/// "the" before it and a year or number after it ("the 33rd Berlin International Film Festival",
/// "Apollo 17", "San Diego Comic-Con 2015").
pub fn named(p: &Pass, c: &Chunk, lex: &Lexicon, out: &mut Vec<Mention>) -> bool {
    let words = c.words(p);
    let roman = |w: &str| w.len() <= 4 && w.chars().all(|c| matches!(c, 'I' | 'V' | 'X'));
    let mut n = words.len();
    while n > 1 && roman(words[n - 1]) {
        n -= 1;
    }
    // "Cannes Film Festival Award for Best Actress": the event ends at its head.
    let mut len = c.len();
    if !event_head(lex, &words[..n]) {
        while n > 2 && !event_head(lex, &words[..n]) {
            n -= 1;
        }
        len = n;
    }
    let single_ok = words.len() > 1
        || lex.event_heads.contains(words[0])
        || words[0].contains('-') && words[0].rsplit('-').next().is_some_and(|h| lex.event_heads.contains(h))
        || !p.toks[c.first].sent_start() && lex.triggers.contains_key(&*lower(words[0]));
    if !event_head(lex, &words[..n]) || !single_ok {
        return false;
    }
    let mut first = c.first;
    let mut end = c.first + len;
    if first > 0 && matches!(p.toks[first - 1].kind(), Kind::Num) {
        first -= 1;
    }
    if end == c.end && p.toks.get(end).is_some_and(|t| t.kind() == Kind::Num && t.end() - t.start() <= 4) {
        end += 1;
    }
    let range = p.toks[first].start()..p.toks[end - 1].end();
    let name = p.text.get(range.clone()).unwrap_or("").to_string();
    let mut m = Mention::named(EntityKind::Event, &name, p.index, range);
    m.key = Key::Event(lower(&name).into());
    m.set_date(year_in(&name));
    out.push(m);
    true
}

fn year_in(s: &str) -> Option<String> {
    s.split(|c: char| !c.is_ascii_digit())
        .find(|w| w.len() == 4 && (w.starts_with('1') || w.starts_with('2')))
        .map(str::to_string)
}

/// Determiners that open an event phrase; demonstratives point back to a known event.
fn determiner(w: &str) -> Option<bool> {
    match w {
        "the" | "a" | "an" | "its" | "their" | "his" | "her" | "our" => Some(false),
        "this" | "these" | "that" | "those" => Some(true),
        _ => None,
    }
}

/// Words that end the run of modifiers before a trigger noun.
fn stops_modifiers(lex: &Lexicon, t: &Token, text: &str) -> bool {
    let w = t.text(text);
    let l = lower(w);
    match t.kind() {
        Kind::Word => {
            t.sent_start() && !lex.places.contains_key(w)
                || w.contains(['\'', '’'])
                || determiner(&l).is_some()
                || lex.is_stop(&l) && !matches!(&*l, "key" | "major" | "new" | "great" | "first" | "second")
                || l.ends_with("ly")
                    && !matches!(&*l, "family" | "daily" | "weekly" | "monthly" | "yearly" | "early")
                || l.ends_with("ing") && !is_cap_word(w)
                || l.ends_with('s') && !l.ends_with("ss") && !l.ends_with("us") && !is_cap_word(w)
                || l.ends_with("ed") && !is_cap_word(w) && !w.contains('-')
                || lex.triggers.contains_key(&*l)
        }
        Kind::Num => false,
        _ => true,
    }
}

struct Found {
    lone: bool,
    introduces: bool,
    class: &'static str,
    mention: Mention,
    proper: Vec<String>,
    bare: bool,
    /// The key it takes; none when the event is not enough to list.
    key: Option<Key>,
}

/// Trigger-noun events everywhere (headlines included: "Will Miami Talks End the Ukraine
/// War?"), grouped by class and proper modifiers; a bare "the talks" joins the latest event
/// of its class with a proper modifier.
pub fn find(passes: &[Pass], lex: &Lexicon, mentions: &mut Vec<Mention>) {
    let place_at: HashMap<(usize, usize), String> = mentions
        .iter()
        .filter(|m| m.kind == EntityKind::Place)
        .map(|m| ((m.passage, m.range.start), m.name.to_string()))
        .collect();
    let named_at = super::merge::Occupied::of(mentions, &[EntityKind::Event, EntityKind::Person]);
    let mut found: Vec<Found> = Vec::new();
    // Lone triggers ("discussions continue") that no earlier event of their class explains are dropped.
    for p in passes {
        let toks = &p.toks;
        for (i, t) in toks.iter().enumerate() {
            if t.kind() != Kind::Word {
                continue;
            }
            let l = lower(t.text(p.text));
            let Some(&class) = lex.triggers.get(&*l) else { continue };
            if named_at.contains(p.index, &(t.start()..t.end())) {
                continue;
            }
            // A capitalised trigger inside body text belongs to a name the chunker saw.
            if is_cap_word(t.text(p.text)) && !p.headline && !t.sent_start() {
                continue;
            }
            // "talks" as a verb: "he talks", "talks to".
            if toks.get(i + 1).is_some_and(|n| matches!(n.text(p.text), "to" | "about" | "with" | "that"))
                && toks.get(i.wrapping_sub(1)).is_none_or(|b| determiner(&lower(b.text(p.text))).is_none())
            {
                continue;
            }
            let mut j = i;
            while j > 0 && i - j < 4 && !stops_modifiers(lex, &toks[j - 1], p.text) {
                j -= 1;
            }
            // "two referendums", "several strikes": a count opens the phrase like an article.
            if j == i
                && j > 0
                && matches!(
                    &*lower(toks[j - 1].text(p.text)),
                    "two" | "three" | "four" | "five" | "several" | "many" | "multiple"
                )
            {
                j -= 1;
            }
            let det_word = j.checked_sub(1).and_then(|k| toks.get(k)).map(|d| lower(d.text(p.text)));
            let det = det_word.as_deref().and_then(determiner);
            let start = if det.is_some() { j - 1 } else { j };
            let mut proper: Vec<String> = Vec::new();
            let mut place = None;
            for m in &toks[j..i] {
                let w = m.text(p.text);
                for part in w.split('-') {
                    if is_cap_word(part) && !lex.is_demonym(part) {
                        proper.push(lex.places.get(part).map_or(part, |pl| pl.canonical).to_string());
                    }
                }
                if let Some(pl) = place_at.get(&(p.index, m.start())) {
                    place = place.or(Some(pl.clone()));
                }
            }
            // "the conflict in Ukraine", "the invasion of Ukraine": the place is a modifier too.
            if let (Some(prep), Some(n)) = (toks.get(i + 1), toks.get(i + 2))
                && matches!(prep.text(p.text), "in" | "of" | "on")
                && let Some(pl) = place_at.get(&(p.index, n.start()))
            {
                proper.push(pl.clone());
                place = place.or(Some(pl.clone()));
            }
            proper.sort();
            proper.dedup();
            let bare = proper.is_empty() && (i == j || det == Some(true) && i - j <= 1);
            // A lone trigger with neither article nor modifier is often a verb or an adjective
            // ("to launch", "an offensive remark"): kept only as a coreferent of a known event.
            let lone = i == j && det.is_none();
            let verb_use = toks.get(i.wrapping_sub(1)).is_some_and(|b| b.text(p.text) == "to")
                || toks.get(i + 1).is_some_and(|n| determiner(&lower(n.text(p.text))).is_some());
            if lone && verb_use {
                continue;
            }
            let range = toks[start].start()..t.end();
            let phrase = &p.text[toks[j].start()..t.end()];
            let mut m = Mention::named(EntityKind::Event, phrase, p.index, range);
            m.named = false;
            m.set_place(place);
            // "a duel", "his death" introduce an event; "the talks" points back to one.
            // "the death of its founder": a complement says which one.
            let introduces =
                matches!(det_word.as_deref(), Some("a" | "an" | "his" | "her" | "their" | "its" | "our"))
                    || toks.get(i + 1).is_some_and(|n| n.text(p.text) == "of");
            found.push(Found { lone, introduces, class, mention: m, proper, bare, key: None });
        }
    }
    // Named events take part in the same walk, in reading order, as proper mentions.
    let named: Vec<(usize, usize, &'static str, Key, Vec<String>)> = mentions
        .iter()
        .filter(|m| m.kind == EntityKind::Event && matches!(m.key, Key::Event(_)))
        .filter_map(|m| {
            let words: Vec<String> = m.name.split_whitespace().map(|w| lower(w).into_owned()).collect();
            let class = words.iter().rev().find_map(|w| lex.triggers.get(w.as_str()).copied())?;
            Some((m.passage, m.range.start, class, m.key.clone(), words))
        })
        .collect();
    let named_keys = link_named(mentions);
    let mut order: Vec<(usize, usize, Option<usize>, Option<usize>)> = found
        .iter()
        .enumerate()
        .map(|(i, f)| (f.mention.passage, f.mention.range.start, Some(i), None))
        .chain(named.iter().enumerate().map(|(i, n)| (n.0, n.1, None, Some(i))))
        .collect();
    order.sort();
    // Keys: class and proper modifiers; bare mentions join the latest proper one of their class.
    // Before any in body text, the first in a headline (the title names the article's topic).
    let mut latest: HashMap<&'static str, Key> = HashMap::default();
    let mut first_head: HashMap<&'static str, Key> = HashMap::default();
    let mut introduced: Vec<&'static str> = Vec::new();
    for (passage, _, fi, ni) in order {
        let headline = passes.get(passage).is_some_and(|p| p.headline);
        if let Some(n) = ni.and_then(|i| named.get(i)) {
            let key = named_keys.get(&n.3).cloned().unwrap_or_else(|| n.3.clone());
            if headline {
                first_head.entry(n.2).or_insert(key);
            } else {
                latest.insert(n.2, key);
            }
            continue;
        }
        let Some(f) = fi.and_then(|i| found.get_mut(i)) else { continue };
        // "the lantern festival" after "the Taipei Lantern Festival": the named event.
        let modifiers: Vec<String> =
            f.mention.name.split_whitespace().map(|w| lower(w).into_owned()).collect();
        let same_named = named
            .iter()
            .find(|n| n.2 == f.class && modifiers.len() > 1 && modifiers.iter().all(|w| n.4.contains(w)));
        let key = if let Some(n) = same_named {
            Some(named_keys.get(&n.3).cloned().unwrap_or_else(|| n.3.clone()))
        } else if !f.proper.is_empty() {
            let k = Key::Described(f.class, f.proper.join(" ").into());
            if headline {
                first_head.entry(f.class).or_insert_with(|| k.clone());
            } else {
                latest.insert(f.class, k.clone());
            }
            Some(k)
        } else if f.bare {
            match latest.get(f.class).or_else(|| first_head.get(f.class)) {
                Some(k) => Some(k.clone()),
                None if f.lone => None,
                // "the talks" with nothing before it to point back to: not enough to list.
                None if !f.introduces && !introduced.contains(&f.class) => None,
                None => {
                    introduced.push(f.class);
                    Some(Key::Described(f.class, "".into()))
                }
            }
        } else {
            Some(Key::Described(f.class, lower(&f.mention.name).into()))
        };
        f.key = key;
    }
    mentions.extend(found.into_iter().filter_map(|mut f| {
        f.mention.key = f.key?;
        Some(f.mention)
    }));
    super::dates::attach(passes, mentions);
}

/// Links named events whose words are a part of a longer named event's words ("Revolutionary
/// War" and "American Revolutionary War", "Fan Expo" and "Fan Expo Canada 2016"): key → key.
fn link_named(mentions: &mut [Mention]) -> HashMap<Key, Key> {
    let mut keys: Vec<Key> =
        mentions.iter().filter(|m| matches!(m.key, Key::Event(_))).map(|m| m.key.clone()).collect();
    keys.sort();
    keys.dedup();
    let words = |k: &Key| -> Vec<String> {
        let Key::Event(name) = k else { return Vec::new() };
        name.split_whitespace()
            .filter(|w| *w != "the" && !w.chars().all(|c| c.is_ascii_digit()))
            .map(str::to_string)
            .collect()
    };
    let mut map = HashMap::default();
    for k in &keys {
        let w = words(k);
        let longer: Vec<&Key> = keys
            .iter()
            .filter(|o| {
                let ow = words(o);
                *o != k
                    && ow.len() > w.len()
                    && !w.is_empty()
                    && ow.windows(w.len()).any(|win| win == w.as_slice())
            })
            .collect();
        if let [one] = longer.as_slice() {
            map.insert(k.clone(), (*one).clone());
        }
    }
    for m in mentions.iter_mut() {
        if let Some(k) = map.get(&m.key) {
            m.key = k.clone();
        }
    }
    map
}

#[cfg(test)]
mod tests {
    use crate::document::EntityKind;
    use crate::extract::test_entities;

    #[test]
    fn events_examples() {
        // (text, [(event name, number of mentions, date)])
        type Expected<'a> = &'a [(&'a str, usize, Option<&'a str>)];
        let cases: &[(&str, Expected)] = &[
            (
                "The Miami discussions began. Yet this Miami gathering is new, and the talks go on.",
                &[("Miami discussions", 3, None)],
            ),
            (
                "The Ukraine war erupted into a full-scale invasion nearly four years ago.",
                &[("Ukraine war", 1, None), ("full-scale invasion", 1, Some("nearly four years ago"))],
            ),
            // "The war" with nothing before it to point back to is not listed.
            ("The war was long.", &[]),
            ("He fought a duel at dawn. The duel was fatal.", &[("duel", 2, None)]),
            (
                "He fought in World War II and in the Battle of Chudnov.",
                &[("World War II", 1, None), ("Battle of Chudnov", 1, None)],
            ),
            ("She talks to everyone.", &[]),
            (
                "They performed at Magi-Fest and at the Festival of Angels.",
                &[("Magi-Fest", 1, None), ("Festival of Angels", 1, None)],
            ),
            ("Privacy Overview", &[]),
        ];
        for (text, want) in cases {
            let got: Vec<_> =
                test_entities(text).into_iter().filter(|e| e.kind == EntityKind::Event).collect();
            assert_eq!(got.len(), want.len(), "{text}: {got:?}");
            for (name, n, date) in *want {
                let e = got.iter().find(|e| e.name == *name);
                assert!(e.is_some(), "{text}: no {name} in {got:?}");
                if let Some(e) = e {
                    assert_eq!(e.mentions.len(), *n, "{text}: {name}");
                    assert_eq!(e.date.as_deref(), *date, "{text}: {name}");
                }
            }
        }
    }
}
