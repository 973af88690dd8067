//! Events: named ones ("World War II", "the 2017 Brit Awards", "Battle of Chudnov") and
//! trigger nouns with their modifiers ("the Miami talks", "missile strikes"), grouped when
//! they corefer ("the Miami discussions", "this Miami gathering", "the talks"), with the date
//! and place the text gives.
//!
//! Named events are claimed with the other capitalised chunks ([`named`]); the rest is
//! [`find`], in two steps: finding the trigger-noun phrases of every passage with their
//! modifiers and complements ("the launch of the iPhone"), then keying them in reading
//! order, where a phrase that says nothing new ("the hearing") joins the latest event of its
//! class. Each step is one pass over the text, so the time grows with its length.

use super::lexicon::Lexicon;
use super::merge::{Key, Mention, Occupied};
use super::names::Chunk;
use super::pass::{Pass, lower};
use super::tagged::Names;
use super::tagger::Class;
use super::tokens::{Kind, Token, is_cap_word};
use crate::document::EntityKind;
use rustc_hash::FxHashMap as HashMap;

/// Words that open a named event ("Battle of Chudnov", "Siege of Savannah").
const OPENERS: &[&str] = &["Battle", "Siege", "Invasion", "Fall", "Sack", "Treaty", "Congress", "Council"];

/// Triggers that do not head a name: "Chicago Fire" is a team, "Mission Bay" a place, "The
/// Call" a film; the events they name are described ("the phone call", "the fire").
const NOT_HEADS: &[&str] = &[
    "fire",
    "mission",
    "tour",
    "call",
    "deal",
    "visit",
    "trip",
    "probe",
    "listing",
    "vote",
    "rally",
    "rallies",
    "speech",
    "agreement",
    "scandal",
    "raid",
    "raids",
    "hearing",
    "hearings",
    "killing",
    "parade",
    "ipo",
];

/// True for a trigger noun that may head a name, written with a capital ("Gulf War").
fn trigger_head(lex: &Lexicon, w: &str) -> bool {
    let l = lower(w);
    is_cap_word(w) && lex.triggers.contains_key(&*l) && !NOT_HEADS.contains(&&*l)
}

fn event_head(lex: &Lexicon, words: &[&str]) -> bool {
    let n = words.len();
    let last = words[n - 1].trim_end_matches('.');
    // "Magi-Fest", "Comic-Con": the head may close a hyphenated word.
    let part = last.rsplit('-').next().unwrap_or(last);
    // "Festival of Angels", "Council of Nicaea": a capitalised trigger before "of".
    let trigger_of = n >= 3
        && words[1] == "of"
        && is_cap_word(words[0])
        && (OPENERS.contains(&words[0]) || trigger_head(lex, words[0]));
    lex.event_heads.contains(last)
        || part != last && lex.event_heads.contains(part)
        || trigger_of
        || n >= 2 && lex.event_heads.contains(words[n - 2..].join(" ").as_str())
        || trigger_head(lex, last)
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
        // "Metro Toronto Convention Centre": a building named after what it hosts.
        if words.get(n).is_some_and(|w| lex.place_heads.contains(*w)) {
            return false;
        }
    }
    let single_ok = words.len() > 1
        || lex.event_heads.contains(words[0])
        || words[0].contains('-') && words[0].rsplit('-').next().is_some_and(|h| lex.event_heads.contains(h))
        || !p.toks[c.first].sent_start() && trigger_head(lex, words[0]);
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

/// Triggers too common to make an entry alone: "the meeting", "a game" are listed only with a
/// modifier or a complement that says which ("the Miami meeting", "the first game of the day").
const GENERIC: &[&str] = &[
    "meeting",
    "meetings",
    "gathering",
    "game",
    "match",
    "call",
    "calls",
    "deal",
    "visit",
    "trip",
    "talks",
    "discussions",
    "conference",
    "interview",
    "debate",
    "crisis",
    "event",
    "competition",
    "contest",
    "attack",
    "attacks",
    "strike",
    "strikes",
    "accident",
    "collapse",
    "birth",
    "death",
    "arrest",
    "draft",
    "debut",
    "ruling",
    "vote",
    "speech",
    "campaign",
    "agreement",
    "hearing",
    "inquiry",
    "investigation",
];

/// Counts that open an event phrase like an article ("two referendums", "several strikes").
const COUNTS: &[&str] = &["two", "three", "four", "five", "several", "many", "multiple"];

/// Words after which a trigger with neither article nor modifier is still a noun ("after war").
const BEFORE_NOUN: &[&str] =
    &["of", "in", "after", "before", "during", "since", "from", "for", "until", "into", "at", "by"];

/// An event phrase around a trigger noun, as found, before it is keyed.
#[derive(Debug)]
struct Phrase {
    /// The trigger's class ("talks" for "discussions").
    class: &'static str,
    /// The mention, its key still to be given.
    mention: Mention,
    /// Proper modifiers and complements, canonical and sorted ("Miami").
    proper: Vec<String>,
    /// No modifier that tells it apart ("the talks", "this gathering").
    bare: bool,
    /// Neither article nor modifier ("war broke out").
    lone: bool,
    /// An indefinite or possessive article or an "of" complement ("a duel", "his death",
    /// "the death of its founder"): the phrase introduces an event rather than pointing back.
    introduces: bool,
    /// Opened by "a", "an" or a count ("two referendums"): a new event, not one told before.
    indefinite: bool,
    /// Followed by an "of" complement ("the first game of the day"): says which event.
    complement: bool,
    /// The trigger word in lowercase.
    trigger: String,
    /// The day the phrase gives ("July 25" of "the July 25 call").
    day: Option<String>,
}

/// Trigger-noun events everywhere (headlines included: "Will Miami Talks End the Ukraine
/// War?"), keyed by class and proper modifiers; a bare "the talks" joins the latest event
/// of its class with a proper modifier. An event the text describes rather than names is
/// listed when it is mentioned twice or more; one that only a common trigger names ("the
/// meeting") when something tells it apart. Works the tagger recognises ("Star Wars") are
/// not events.
pub fn find(passes: &[Pass], lex: &Lexicon, tagged: &[Names], mentions: &mut Vec<Mention>) {
    drop_works(tagged, mentions);
    let phrases = phrases(passes, lex, mentions);
    let (keyed, specific) = keys(passes, lex, phrases, mentions);
    let first = mentions.len();
    mentions.extend(keyed);
    super::dates::attach(passes, mentions);
    // What each described entry holds: how many mentions, whether one says more than a
    // common trigger alone, and whether the text says when, where or whose it is.
    let mut holds: HashMap<&Key, (usize, bool, bool)> = HashMap::default();
    for (m, &(specific, proper)) in mentions[first..].iter().zip(&specific) {
        let e = holds.entry(&m.key).or_default();
        e.0 += 1;
        e.1 |= specific;
        e.2 |= proper || m.date().is_some() || m.place().is_some();
    }
    let keep: Vec<bool> = mentions[first..]
        .iter()
        .map(|m| {
            matches!(m.key, Key::Event(_))
                || holds.get(&m.key).is_some_and(|&(n, specific, anchored)| specific && (n >= 2 || anchored))
        })
        .collect();
    drop(holds);
    let mut at = 0;
    mentions.retain(|_| {
        at += 1;
        at <= first || keep[at - 1 - first]
    });
}

/// How much a work's labels must outscore no name, per token, for the tagger to overrule a
/// named event: by cross-validation (scripts/cv_tagger.sh), the tagger's organisations and
/// unsure works drop more true events ("Cannes Film Festival") than false ones.
const SURE: f32 = 20.0;

/// Drops the named events the tagger reads as the title of a work ("Star Wars", "The
/// Imitation Game"): the chunk rules see a capitalised head, the tagger its context.
fn drop_works(tagged: &[Names], mentions: &mut Vec<Mention>) {
    mentions.retain(|m| {
        if m.kind != EntityKind::Event || !m.named {
            return true;
        }
        let Some(names) = tagged.get(m.passage) else { return true };
        !names.iter().any(|n| {
            n.class == Class::Work && n.margin >= SURE && {
                let overlap = n.range.end.min(m.range.end).saturating_sub(n.range.start.max(m.range.start));
                overlap * 2 > m.range.len()
            }
        })
    });
}

/// The trigger-noun phrases of every passage, with their modifiers, in reading order.
fn phrases(passes: &[Pass], lex: &Lexicon, mentions: &[Mention]) -> Vec<Phrase> {
    let place_at: HashMap<(usize, usize), String> = mentions
        .iter()
        .filter(|m| m.kind == EntityKind::Place)
        .map(|m| ((m.passage, m.range.start), m.name.to_string()))
        .collect();
    let named_at = Occupied::of(mentions, &[EntityKind::Event, EntityKind::Person]);
    // Each half of a long text on its own thread.
    let look = |half: &[Pass]| {
        let mut found: Vec<Phrase> = Vec::new();
        for p in half {
            let toks = &p.toks;
            let word = |k: usize| toks.get(k).map_or("", |t| t.text(p.text));
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
                let acronym = t.text(p.text).chars().all(|c| c.is_uppercase());
                if is_cap_word(t.text(p.text)) && !acronym && !p.headline && !t.sent_start() {
                    continue;
                }
                // "talks" as a verb: "he talks", "talks to".
                if matches!(word(i + 1), "to" | "about" | "with" | "that")
                    && i.checked_sub(1)
                        .is_none_or(|b| determiner(&lower(word(b))).is_none() && toks[b].kind() != Kind::Num)
                {
                    continue;
                }
                let mut j = i;
                while j > 0 && i - j < 4 && !stops_modifiers(lex, &toks[j - 1], p.text) {
                    j -= 1;
                }
                // "two referendums", "several strikes": a count opens the phrase like an article.
                if j == i && j > 0 && COUNTS.contains(&&*lower(word(j - 1))) {
                    j -= 1;
                }
                // "the July 25 call": the day belongs to the phrase, and says when.
                let mut day = None;
                if j > 0 && toks[j].kind() == Kind::Num && crate::calendar::is_capitalised_month(word(j - 1))
                {
                    day = Some(p.text[toks[j - 1].start()..toks[j].end()].to_string());
                    j -= 1;
                }
                let det_word = j.checked_sub(1).map(|k| lower(word(k)));
                // "the company's stock listing", "Galois' duel": a possessive opens it like "its",
                // and the phrase starts at its owner.
                let possessive = j >= 2 && toks[j - 1].kind() == Kind::Poss;
                let det = det_word.as_deref().and_then(determiner).or(possessive.then_some(false));
                let start = if possessive {
                    j - 2
                } else if det.is_some() {
                    j - 1
                } else {
                    j
                };
                let mut proper: Vec<String> = Vec::new();
                let mut place = None;
                for m in &toks[j..i] {
                    let w = m.text(p.text);
                    for part in w.split('-') {
                        if is_cap_word(part)
                            && !lex.is_demonym(part)
                            && !crate::calendar::is_capitalised_month(part)
                        {
                            proper.push(lex.places.get(part).map_or(part, |pl| pl.canonical).to_string());
                        }
                    }
                    if let Some(pl) = place_at.get(&(p.index, m.start())) {
                        place = place.or(Some(pl.clone()));
                    }
                }
                // "the conflict in Ukraine", "the invasion of Ukraine": the place is a modifier too.
                if matches!(word(i + 1), "in" | "of" | "on")
                    && let Some(pl) = toks.get(i + 2).and_then(|n| place_at.get(&(p.index, n.start())))
                {
                    proper.push(pl.clone());
                    place = place.or(Some(pl.clone()));
                }
                // "missile strikes on critical infrastructure in Ukraine's Odesa region": where,
                // said in the complement.
                for k in i + 1..(i + 8).min(toks.len()) {
                    let w = word(k);
                    if matches!(toks[k].kind(), Kind::Punct(_))
                        || matches!(
                            w,
                            "that" | "which" | "who" | "was" | "were" | "is" | "are" | "has" | "have" | "had"
                        )
                    {
                        break;
                    }
                    if matches!(word(k - 1), "in" | "on" | "at" | "near" | "across")
                        && let Some(pl) = place_at.get(&(p.index, toks[k].start()))
                    {
                        place = place.or(Some(pl.clone()));
                        break;
                    }
                }
                // "the launch of the iPhone", "a call between Putin and Zelensky": the names of
                // a complement say which event.
                if matches!(word(i + 1), "of" | "between") {
                    let mut k = i + 2;
                    if matches!(word(k), "the" | "a" | "an") {
                        k += 1;
                    }
                    while let Some(n) = toks.get(k).filter(|n| n.kind() == Kind::Word) {
                        let w = n.text(p.text);
                        if n.is_cap(p.text) && !n.sent_start() && !lex.is_stop(&lower(w)) {
                            let w =
                                w.trim_end_matches(['\'', '’']).trim_end_matches("'s").trim_end_matches("’s");
                            proper.push(lex.places.get(w).map_or(w, |pl| pl.canonical).to_string());
                        } else if w != "and" || k == i + 2 {
                            break;
                        }
                        k += 1;
                    }
                }
                proper.sort();
                proper.dedup();
                let bare = proper.is_empty() && (i == j || det == Some(true) && i - j <= 1);
                // A lone trigger with neither article nor modifier is often a verb or an adjective
                // ("to launch", "an offensive remark"): kept only as a coreferent of a known event,
                // and only where a noun stands ("after war").
                let lone = i == j && det.is_none();
                let prev = i.checked_sub(1).map(|b| lower(word(b)));
                let verb_use = prev.as_deref() == Some("to") || determiner(&lower(word(i + 1))).is_some();
                if lone && (verb_use || !prev.as_deref().is_some_and(|w| BEFORE_NOUN.contains(&w))) {
                    continue;
                }
                // "The Persians call it", "rebels attack them": a verb with its object.
                if matches!(word(i + 1), "it" | "him" | "them" | "us" | "me" | "you") {
                    continue;
                }
                let range = toks[start].start()..t.end();
                let phrase = &p.text[toks[j].start()..t.end()];
                let mut m = Mention::named(EntityKind::Event, phrase, p.index, range);
                m.named = false;
                m.set_place(place);
                m.set_date(day.clone());
                let introduces =
                    matches!(det_word.as_deref(), Some("a" | "an" | "his" | "her" | "their" | "its" | "our"))
                        || possessive
                        || word(i + 1) == "of";
                let indefinite = matches!(det_word.as_deref(), Some("a" | "an"))
                    || det.is_none()
                        && j < i
                        && toks[j].kind() == Kind::Word
                        && COUNTS.contains(&&*lower(word(j)));
                let complement = word(i + 1) == "of";
                found.push(Phrase {
                    lone,
                    introduces,
                    indefinite,
                    complement,
                    class,
                    mention: m,
                    proper,
                    bare,
                    trigger: l.into_owned(),
                    day,
                });
            }
        }
        found
    };
    let (mut found, more) = super::pass::halves(passes, look);
    found.extend(more);
    found
}

/// A named event in the walk of [`keys`]: where it is, its class, key and words.
struct NamedEvent {
    at: (usize, usize),
    class: &'static str,
    key: Key,
    words: Vec<String>,
}

/// Keys the phrases in reading order, with the named events: class and proper modifiers;
/// bare mentions join the latest proper one of their class (before any in body text, the
/// first in a headline: the title names the article's topic). Returns the keyed phrases,
/// each with whether it says more than a common trigger alone ("the Miami meeting", "a
/// duel", not "the meeting") and whether it has proper modifiers ("the Ukraine war").
fn keys(
    passes: &[Pass],
    lex: &Lexicon,
    mut phrases: Vec<Phrase>,
    mentions: &mut [Mention],
) -> (Vec<Mention>, Vec<(bool, bool)>) {
    let named: Vec<NamedEvent> = mentions
        .iter()
        .filter(|m| m.kind == EntityKind::Event && matches!(m.key, Key::Event(_)))
        .filter_map(|m| {
            let words: Vec<String> = m.name.split_whitespace().map(|w| lower(w).into_owned()).collect();
            let class = words.iter().rev().find_map(|w| lex.triggers.get(w.as_str()).copied())?;
            Some(NamedEvent { at: (m.passage, m.range.start), class, key: m.key.clone(), words })
        })
        .collect();
    let named_keys = link_named(mentions);
    let linked = |k: &Key| named_keys.get(k).cloned().unwrap_or_else(|| k.clone());
    // Phrases and named events in reading order: (position, phrase or named event).
    let mut order: Vec<((usize, usize), Result<usize, usize>)> = phrases
        .iter()
        .enumerate()
        .map(|(i, f)| ((f.mention.passage, f.mention.range.start), Ok(i)))
        .chain(named.iter().enumerate().map(|(i, n)| (n.at, Err(i))))
        .collect();
    order.sort();
    let mut latest: HashMap<&'static str, Key> = HashMap::default();
    let mut first_head: HashMap<&'static str, Key> = HashMap::default();
    let mut keys: Vec<Option<Key>> = vec![None; phrases.len()];
    for ((passage, _), which) in order {
        let headline = passes.get(passage).is_some_and(|p| p.headline);
        let f = match which {
            Err(n) => {
                let n = &named[n];
                if headline {
                    first_head.entry(n.class).or_insert_with(|| linked(&n.key));
                } else {
                    latest.insert(n.class, linked(&n.key));
                }
                continue;
            }
            Ok(i) => i,
        };
        let Some(ph) = phrases.get(f) else { continue };
        // "the lantern festival" after "the Taipei Lantern Festival": the named event.
        let modifiers: Vec<String> =
            ph.mention.name.split_whitespace().map(|w| lower(w).into_owned()).collect();
        let same_named = named.iter().find(|n| {
            n.class == ph.class && modifiers.len() > 1 && modifiers.iter().all(|w| n.words.contains(w))
        });
        keys[f] = if let Some(n) = same_named {
            Some(linked(&n.key))
        } else if let Some(day) = &ph.day {
            // "Trump's July 25 call", "the July 25 phone call between Trump and Zelensky":
            // one event of a class on one day.
            let k = Key::Described(ph.class, day.as_str().into());
            latest.insert(ph.class, k.clone());
            Some(k)
        } else if !ph.proper.is_empty() {
            let k = Key::Described(ph.class, ph.proper.join(" ").into());
            if headline {
                first_head.entry(ph.class).or_insert_with(|| k.clone());
            } else {
                latest.insert(ph.class, k.clone());
            }
            Some(k)
        } else if ph.bare {
            match latest.get(ph.class).or_else(|| first_head.get(ph.class)) {
                Some(k) => Some(k.clone()),
                None if ph.lone => None,
                // "a duel", or "the fire" with nothing before it to point back to: the one
                // event of its class so far, listed if the text comes back to it.
                None => {
                    let k = Key::Described(ph.class, "".into());
                    if ph.introduces && !headline {
                        latest.insert(ph.class, k.clone());
                    }
                    Some(k)
                }
            }
        } else if let Some(k) = latest.get(ph.class).filter(|_| !ph.indefinite && !ph.complement && !headline)
        {
            // "Galois' fatal duel" after "a duel": the same event described again.
            Some(k.clone())
        } else {
            // "the impeachment hearing": a new event, which a later "the hearing" joins.
            let k = Key::Described(ph.class, lower(&ph.mention.name).into());
            if headline {
                first_head.entry(ph.class).or_insert_with(|| k.clone());
            } else {
                latest.insert(ph.class, k.clone());
            }
            Some(k)
        };
    }
    phrases
        .drain(..)
        .zip(keys)
        .filter_map(|(mut ph, key)| {
            ph.mention.key = key?;
            let specific = !ph.bare || !GENERIC.contains(&ph.trigger.as_str());
            Some((ph.mention, (specific, !ph.proper.is_empty())))
        })
        .unzip()
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
            // An event noun with what says which, joined by the bare noun after it.
            (
                "The impeachment hearing opened on Tuesday. Lawmakers questioned him at the hearing.",
                &[("impeachment hearing", 2, None)],
            ),
            (
                "They spoke of a phone call between Trump and Zelensky. The call lasted an hour.",
                &[("phone call", 2, None)],
            ),
            // The day of an event is part of its phrase, not a modifier that names it.
            (
                "He listened in on Trump's July 25 call with Zelensky. The July 25 phone call between \
                 Trump and Zelensky worried him.",
                &[("July 25 phone call", 2, Some("July 25"))],
            ),
            (
                "The company's stock listing was delayed, and the listing waits.",
                &[("stock listing", 2, None)],
            ),
            ("The launch of the iPhone drew crowds. The launch was late.", &[("launch", 2, None)]),
            // A common noun alone is no entry, however often; nor one event said once.
            ("They held a meeting. The meeting ended. Another meeting began.", &[]),
            ("They had their subsequent discussions.", &[]),
            ("The Persians call it a feast.", &[]),
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
