//! Places: gazetteer names (GeoNames, with aliases such as "US" for the United States),
//! names of features and facilities ("Montparnasse Cemetery", "Lake Geneva"), and the parts
//! of hyphenated compounds ("US-Russia" mentions both).

use super::lexicon::{Lexicon, PlaceKind};
use super::merge::Mention;
use super::names::Chunk;
use super::pass::{Pass, Seen, lower};
use crate::document::EntityKind;
use std::ops::Range;

fn place_mention(lex: &Lexicon, name: &str, p: &Pass, range: Range<usize>) -> Mention {
    let canonical = lex.places.get(name).map_or(name, |pl| pl.canonical);
    Mention::named(EntityKind::Place, canonical, p.index, range)
}

/// A chunk that is a gazetteer name as a whole ("Bourg-la-Reine", "New York City"), or
/// "X, Y" where both are places is left to the two chunks.
pub fn whole(p: &Pass, c: &Chunk, lex: &Lexicon, seen: &Seen, out: &mut Vec<Mention>) -> bool {
    let text = c.text(p);
    let mut range = c.range(p);
    // "the Netherlands": the article is part of a few names.
    if c.first > 0 && p.toks[c.first - 1].text(p.text) == "the" {
        let with_the = format!("the {text}");
        if lex.places.contains_key(with_the.as_str()) {
            out.push(place_mention(lex, &with_the, p, range));
            return true;
        }
    }
    // "Southern California", "Kowloon East": a part of a known place is a place of its own.
    let words = c.words(p);
    if words.len() == 2 {
        let compass = |w: &str| {
            matches!(
                w,
                "Northern"
                    | "Southern"
                    | "Eastern"
                    | "Western"
                    | "Central"
                    | "North"
                    | "South"
                    | "East"
                    | "West"
                    | "Upper"
                    | "Lower"
                    | "Greater"
            )
        };
        let known = |w: &str| {
            lex.places.get(w).is_some_and(|pl| pl.kind != PlaceKind::City || pl.population >= 100_000)
        };
        if (compass(words[0]) && known(words[1]) || known(words[0]) && compass(words[1]))
            && !lex.places.contains_key(text)
        {
            out.push(Mention::named(EntityKind::Place, text, p.index, range));
            return true;
        }
    }
    if !lex.places.contains_key(text) {
        // A leading title that is also a place word ("Saint Vincent") or a known place followed
        // by a generic word is left to the other rules.
        return false;
    }
    // A small town named like a census surname ("Whitman", "Buckley") is read as the
    // surname unless the context says place.
    let small_surname = lex.surnames.contains(text)
        && lex.places.get(text).is_some_and(|pl| pl.kind == PlaceKind::City && pl.population < 100_000);
    if c.len() == 1 && (lex.given.contains(text) && !big(lex, text) || small_surname) {
        // "Florence", "Georgia": a person unless the context says place.
        let prev = c.first.checked_sub(1).and_then(|i| p.toks.get(i)).map(|t| t.text(p.text));
        // "Irving, Texas": a town before its state or country.
        let w = |i: usize| p.toks.get(i).map(|t| t.text(p.text)).unwrap_or("");
        let region_after = w(c.end) == ","
            && lex
                .places
                .get(w(c.end + 1))
                .is_some_and(|pl| matches!(pl.kind, PlaceKind::Region | PlaceKind::Country));
        if !matches!(prev, Some("in" | "at" | "from" | "to" | "near" | "of"))
            && !seen.placed(text)
            && !region_after
        {
            return false;
        }
    }
    range.end = range.end.min(p.text.len());
    out.push(place_mention(lex, text, p, range));
    true
}

/// True for a country, continent, region or city of a million people or more.
fn big(lex: &Lexicon, name: &str) -> bool {
    lex.places.get(name).is_some_and(|pl| pl.kind != PlaceKind::City || pl.population >= 1_000_000)
}

/// A feature or facility: a chunk ending in a place head ("Montparnasse Cemetery",
/// "Tulsa International Airport") or starting with a place prefix ("Lake Geneva", "Fort Lee").
pub fn featured(p: &Pass, c: &Chunk, lex: &Lexicon, out: &mut Vec<Mention>) -> bool {
    let words = c.words(p);
    if words.len() < 2 {
        return false;
    }
    let last = words[words.len() - 1].trim_end_matches('.');
    // "Cleveland Museum of Art", "Palace of Forty Columns": a head before "of" counts too.
    let head_of = words.windows(2).any(|w| w[1] == "of" && lex.place_heads.contains(w[0]));
    let head = lex.place_heads.contains(last) || lex.place_heads.contains(words[words.len() - 1]) || head_of;
    let prefix = lex.place_prefixes.contains(words[0]);
    if !(head || prefix) || words.iter().any(|w| lex.org_cues.contains(w)) {
        return false;
    }
    // "Marc Lamont Hill": a given name first and a surname for a head is a person.
    if lex.is_given(words[0]) && !lex.places.contains_key(words[0]) && lex.surnames.contains(last) && !head_of
    {
        return false;
    }
    // "Stéphanie-Félicie Poterin du Motel": a name particle before the head makes it a
    // surname (a title does not: "Madame Tussauds Museum", "Shah Mosque").
    if !head_of && matches!(words[words.len() - 2], "du" | "de" | "von" | "van" | "der" | "le") {
        return false;
    }
    out.push(Mention::named(EntityKind::Place, &words.join(" "), p.index, c.range(p)));
    true
}

/// Places inside a hyphenated compound of places ("US-Russia"; "Trump-Putin" is left to people).
pub fn compound(p: &Pass, c: &Chunk, lex: &Lexicon, out: &mut Vec<Mention>) -> bool {
    let mut any = false;
    for t in &p.toks[c.first..c.end] {
        let w = t.text(p.text);
        if !w.contains('-') {
            continue;
        }
        // "Wai-keung", "Joo-Ho": a hyphenated given name, not a pair of places. Every part of a
        // compound of names is capitalised, and a two-letter part is an acronym ("US").
        let parts_ok = w.split('-').all(|part| {
            super::tokens::is_cap_word(part) && (part.chars().count() > 2 || super::names::is_acronym(part))
        });
        // "García-Paje", "Mary-Kate", "Pro-Beijing": a place beside a part that is no place is
        // a double surname, a double given name or a stance, not a pair of places; a code
        // ("OSU-Tulsa") or a place prefix ("Dallas-Fort Worth") may stand beside one.
        let placed = |part: &str| {
            lex.places.contains_key(part)
                || super::names::is_acronym(part)
                || lex.place_prefixes.contains(part)
        };
        if !parts_ok || !w.split('-').all(placed) {
            continue;
        }
        let mut at = t.start();
        for part in w.split('-') {
            let range = at..at + part.len();
            at += part.len() + 1;
            if lex.places.contains_key(part) && (!lex.is_stop(&lower(part)) || super::names::is_acronym(part))
            {
                out.push(place_mention(lex, part, p, range));
                any = true;
            }
        }
    }
    any
}

/// Gazetteer places inside a longer name: after "of" ("University of California"), at its
/// start when well known ("Malaysia Tourism Board", "Cleveland Museum of Art"), or a country
/// or region anywhere.
pub fn nested(p: &Pass, c: &Chunk, lex: &Lexicon, out: &mut Vec<Mention>) {
    nested_in(p, c.first..c.end, lex, false, out);
}

/// [`nested`] over the tokens `toks` of a pass.
fn nested_in(p: &Pass, toks: Range<usize>, lex: &Lexicon, org: bool, out: &mut Vec<Mention>) {
    let Some(ts) = p.toks.get(toks.clone()) else { return };
    let words: Vec<&str> = ts.iter().map(|t| t.text(p.text)).collect();
    let mut i = 0;
    while i < words.len() {
        let mut hit = 0;
        for n in (1..=(words.len() - i).min(4)).rev() {
            if n == words.len() {
                continue;
            }
            let name = words[i..i + n].join(" ");
            let Some(pl) = lex.places.get(name.as_str()) else { continue };
            let after_of = i > 0 && words[i - 1] == "of";
            // At the start a well-known place ("Malaysia Tourism Board"); small towns there were
            // more often part of a team or company name than a place of the story.
            // A small town at the start of an organisation's name ("Pawtucket Red Sox") is
            // its home, unless the word is also a name or a common word ("Campbell Soup").
            let plain = |w: &str| {
                !lex.surnames.contains(w) && !lex.given.contains(w) && !lex.common.contains(&lower(w))
            };
            if org && pl.kind != PlaceKind::City {
                continue;
            }
            let small = org && words[i..i + n].iter().all(|w| plain(w));
            let known = small || pl.kind != PlaceKind::City || pl.population >= 100_000;
            if (after_of || known && (i == 0 || pl.kind != PlaceKind::City)) && !lex.is_stop(&lower(&name)) {
                let s = ts[i].start();
                let e = ts[i + n - 1].end();
                out.push(place_mention(lex, &name, p, s..e));
                hit = n;
                break;
            }
        }
        i += hit.max(1);
    }
}

/// Towns and cities nested in the names of organisations however they were found, at the
/// start or after "of" ("Houston Astros", "University of Chicago"), unless a place already
/// holds the words. A company is often named for a place it has no tie to ("Ceres
/// Robotics"); a team, school or agency bears its home's name.
pub fn in_organisations(passes: &[Pass], lex: &Lexicon, mentions: &mut Vec<Mention>) {
    let mut found = Vec::new();
    for m in mentions.iter().filter(|m| m.kind == EntityKind::Organization && m.named) {
        let Some(p) = passes.get(m.passage) else { continue };
        let first = p.toks.partition_point(|t| t.start() < m.range.start);
        let end = p.toks.partition_point(|t| t.end() <= m.range.end);
        let company = end > first && lex.company_heads.contains(p.toks[end - 1].text(p.text));
        if first < end && !company {
            nested_in(p, first..end, lex, true, &mut found);
        }
    }
    if found.is_empty() {
        return;
    }
    let mut placed: rustc_hash::FxHashMap<usize, Vec<Range<usize>>> = Default::default();
    for m in mentions.iter().filter(|m| m.kind == EntityKind::Place) {
        placed.entry(m.passage).or_default().push(m.range.clone());
    }
    found.retain(|f| {
        placed
            .get(&f.passage)
            .is_none_or(|rs| !rs.iter().any(|r| r.start < f.range.end && f.range.start < r.end))
    });
    found.dedup_by(|a, b| a.passage == b.passage && a.range == b.range);
    mentions.append(&mut found);
}

/// Lowercase nouns that make the name before them a geographic feature.
const GEO_NOUNS: &[&str] = &[
    "river",
    "mountains",
    "mountain",
    "island",
    "islands",
    "lake",
    "valley",
    "desert",
    "sea",
    "bay",
    "coast",
    "peninsula",
    "archipelago",
    "province",
    "county",
    "district",
    "neighborhood",
    "neighbourhood",
    "suburb",
    "village",
    "town",
    "city",
    "airport",
    "station",
    "canal",
    "strait",
    "plateau",
    "glacier",
    "region",
];

/// Compass regions written as names after "the" ("the South", "the Midwest").
const COMPASS: &[&str] = &[
    "North",
    "South",
    "East",
    "West",
    "Midwest",
    "Northeast",
    "Northwest",
    "Southeast",
    "Southwest",
    "Middle East",
    "Far East",
];

/// Words that name a facility or road when a number follows ("Terminal 4", "Route 66").
const NUMBERED: &[&str] =
    &["Terminal", "Gate", "Gates", "Route", "Highway", "Hwy", "Interstate", "Pier", "Platform"];

/// Places that a number completes: "Terminal 4", "Route 66", and street addresses
/// ("1214 Anderson Ave", "47th Street"), and compass regions after "the" ("the South").
pub fn numbered(p: &Pass, c: &Chunk, lex: &Lexicon, out: &mut Vec<Mention>) -> bool {
    let words = c.words(p);
    let Some(&last) = words.last() else { return false };
    let next_num = p.toks.get(c.end).is_some_and(|t| t.kind() == super::tokens::Kind::Num);
    if NUMBERED.contains(&last) && next_num {
        let range = c.range(p).start..p.toks[c.end].end();
        let name = p.text.get(range.clone()).unwrap_or("").to_string();
        out.push(Mention::named(EntityKind::Place, &name, p.index, range));
        return true;
    }
    let prev_num = c.first > 0 && p.toks[c.first - 1].kind() == super::tokens::Kind::Num;
    let street = lex.place_heads.contains(last.trim_end_matches('.'))
        && [
            "Street",
            "St",
            "Avenue",
            "Ave",
            "Road",
            "Rd",
            "Boulevard",
            "Blvd",
            "Lane",
            "Drive",
            "Way",
            "Terrace",
        ]
        .contains(&last.trim_end_matches('.'));
    if prev_num && street {
        let range = p.toks[c.first - 1].start()..c.range(p).end;
        let name = p.text.get(range.clone()).unwrap_or("").to_string();
        out.push(Mention::named(EntityKind::Place, &name, p.index, range));
        return true;
    }
    let the = c.first > 0 && p.toks[c.first - 1].text(p.text) == "the";
    let compass = the && COMPASS.contains(&words.join(" ").as_str()) && !p.toks[c.first].sent_start();
    if compass {
        out.push(Mention::named(EntityKind::Place, &words.join(" "), p.index, c.range(p)));
        return true;
    }
    false
}

/// Prepositions of movement or position that put an unknown word on the map ("ferries from
/// Marstal", "on Lolland").
const MOVED: &[&str] = &["from", "to", "on", "via", "across", "towards", "toward", "at", "around"];

/// An unknown name that context makes a place: "X, Texas" (a town before its region or
/// country), "in X" or "near X" for a single unknown word no other rule claimed.
pub fn by_context(p: &Pass, c: &Chunk, lex: &Lexicon, seen: &Seen, out: &mut Vec<Mention>) -> bool {
    let words = c.words(p);
    if words.len() > 3
        || words.iter().any(|w| lex.org_cues.contains(w) || lex.is_demonym(w) || lex.given.contains(w))
    {
        return false;
    }
    let w = |i: usize| p.toks.get(i).map(|t| t.text(p.text)).unwrap_or("");
    // "the Zagros mountain range", "the Ouse river": a lowercase geographic noun after the name.
    if GEO_NOUNS.contains(&w(c.end))
        && !words.iter().any(|x| lex.surnames.contains(x) && lex.given.contains(x))
    {
        out.push(Mention::named(EntityKind::Place, &words.join(" "), p.index, c.range(p)));
        return true;
    }
    let region_after = w(c.end) == ","
        && lex
            .places
            .get(w(c.end + 1))
            .is_some_and(|pl| matches!(pl.kind, PlaceKind::Region | PlaceKind::Country))
        && !p.toks.get(c.end + 2).is_some_and(|t| t.is_cap(p.text));
    let prev = c.first.checked_sub(1).map(w).unwrap_or("");
    // "runs on Mediawiki software": a name that modifies the noun after it.
    let modified = |i: usize| {
        p.toks.get(i).is_some_and(|t| {
            t.kind() == super::tokens::Kind::Word
                && !t.is_cap(p.text)
                && !lex.function.contains(t.text(p.text))
        })
    };
    // "Santa Cruz Lectures on Deixis": a preposition inside a title; "from Marstal on Ærø",
    // where the word before is a place by the same rule, is no title.
    let titled = |first: usize| {
        let Some(k) = first.checked_sub(2) else { return false };
        let before = w(k);
        // A code or a compass point before ("the A19 on Bootham", "South from X") is no title.
        p.toks[k].is_cap(p.text)
            && before.chars().all(char::is_alphabetic)
            && before.chars().any(char::is_lowercase)
            && !COMPASS.contains(&before)
            && !p.toks[k].sent_start()
            && !lex.places.contains_key(before)
            && !k
                .checked_sub(1)
                .is_some_and(|j| MOVED.contains(&lower(w(j)).as_ref()) || matches!(w(j), "in" | "near"))
    };
    let abstract_noun = |x: &&str| {
        ["ology", "ism", "ity", "ics", "phobia", "ship", "ment", "ness", "ion"].iter().any(|s| x.ends_with(s))
            || x.chars().skip(1).any(char::is_uppercase)
    };
    let plain = !words.iter().any(abstract_noun)
        && !words.iter().any(|x| seen.contains(&lower(x)) || lex.surnames.contains(x))
        && !p.toks.get(c.end).is_some_and(|t| t.kind() == super::tokens::Kind::Poss);
    let in_x = matches!(prev, "in" | "near") && words.len() <= 2 && plain;
    // "From Spodsbjerg on Langeland", "ferries to Tårs": a single unknown word after a
    // preposition of movement or position, not a common word nor a name.
    let moved = MOVED.contains(&lower(prev).as_ref())
        && words.len() == 1
        && plain
        && words[0].chars().filter(|c| c.is_alphabetic()).count() > 2
        && !lex.common.contains(&lower(words[0]))
        && !lex.is_stop(&lower(words[0]))
        && !words[0].contains('.')
        && !super::names::is_acronym(words[0])
        && !modified(c.end)
        && !titled(c.first);
    if !(region_after || in_x || moved) {
        return false;
    }
    out.push(Mention::named(EntityKind::Place, &words.join(" "), p.index, c.range(p)));
    true
}

/// Gazetteer names that hold a lowercase word or a comma ("Bosnia and Herzegovina",
/// "Washington, D.C."), which the chunker splits: found in body text with the automaton.
pub fn joined(p: &Pass, lex: &Lexicon, out: &mut Vec<Mention>) {
    if !p.text.contains(" and ") && !p.text.contains(", D.C.") {
        return;
    }
    for (range, name) in lex.place_names.find_joined(p.text) {
        out.push(place_mention(lex, name, p, range));
    }
}

/// Places in a headline, where capitals are no evidence: gazetteer names of countries,
/// regions and large cities, as whole words, also inside hyphenated compounds.
pub fn headline_places(p: &Pass, lex: &Lexicon, out: &mut Vec<Mention>) {
    for (range, name) in lex.place_names.find(p.text) {
        // Capitals shouted in a site name ("THE THINK TANK") are no place names.
        let shout = name.chars().count() > 3 && name.chars().all(|c| !c.is_lowercase());
        if lex.is_stop(&lower(name)) && !super::names::is_acronym(name) || shout || !big(lex, name) {
            continue;
        }
        out.push(place_mention(lex, name, p, range));
    }
}

/// True for a word in capitals ("WASHINGTON", "ST.", "NEW").
fn shouted(w: &str) -> bool {
    w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase)
}

/// A word in capitals as a name writes it ("DELHI" → "Delhi", "ST." → "St.").
fn title_case(w: &str) -> String {
    let mut out = String::with_capacity(w.len());
    let mut first = true;
    for c in w.chars() {
        if first {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
        first = !c.is_alphabetic();
    }
    out
}

/// A dateline opening a news story: the place it is filed from, in capitals, then maybe its
/// region, a date and the agency, then a dash ("WASHINGTON —", "NEW DELHI (Reuters) -",
/// "LONDON, March 3 -", "KYIV, Ukraine —"). The place is a gazetteer name, or any name in
/// capitals before a known region or country.
pub fn dateline(p: &Pass, lex: &Lexicon, out: &mut Vec<Mention>) {
    use super::tokens::Kind;
    let toks = p.toks;
    let word = |i: usize| toks.get(i).filter(|t| t.kind() == Kind::Word).map(|t| t.text(p.text));
    let caps = (0..4).take_while(|&i| word(i).is_some_and(shouted)).count();
    if caps == 0 {
        return;
    }
    let mut i = caps;
    let mut region = None;
    // ", Ukraine" or ", March 3": at most two such parts.
    for _ in 0..2 {
        if !matches!(toks.get(i).map(|t| t.kind()), Some(Kind::Punct(','))) {
            break;
        }
        let words = (i + 1..i + 4)
            .take_while(|&k| word(k).is_some_and(|w| w.starts_with(char::is_uppercase)))
            .count();
        let name = (words > 0).then(|| (i + 1..i + 1 + words).filter_map(word).collect::<Vec<_>>().join(" "));
        let mut k = i + 1 + words;
        if toks.get(k).is_some_and(|t| t.kind() == Kind::Num) {
            k += 1;
        } else if let Some(name) = name.as_deref()
            && lex
                .places
                .get(name)
                .is_some_and(|pl| matches!(pl.kind, PlaceKind::Region | PlaceKind::Country))
        {
            region = Some((name.to_string(), i + 1..k));
        } else if !name.as_deref().is_some_and(shouted) {
            return;
        }
        i = k;
    }
    // "(Reuters)", "(AP)".
    if matches!(toks.get(i).map(|t| t.kind()), Some(Kind::Punct('('))) {
        match (i + 1..i + 5).find(|&k| matches!(toks.get(k).map(|t| t.kind()), Some(Kind::Punct(')')))) {
            Some(close) => i = close + 1,
            None => return,
        }
    }
    if !matches!(toks.get(i).map(|t| t.kind()), Some(Kind::Punct('—' | '–' | '-'))) {
        return;
    }
    let name: Vec<String> = (0..caps).filter_map(word).map(title_case).collect();
    let name = name.join(" ");
    let canonical = match lex.places.get(name.as_str()) {
        Some(pl) => pl.canonical.to_string(),
        None if region.is_some() => name,
        None => return,
    };
    let (Some(first), Some(last)) = (toks.first(), toks.get(caps - 1)) else { return };
    out.push(Mention::named(EntityKind::Place, &canonical, p.index, first.start()..last.end()));
    if let Some((region, r)) = region
        && let (Some(s), Some(e)) = (toks.get(r.start), toks.get(r.end - 1))
    {
        out.push(place_mention(lex, &region, p, s.start()..e.end()));
    }
}

/// A one-word place that is part of a person's name: a given name before a surname ("Chad"
/// of "Chad Thomas"), or a surname after a given name ("York" of "Kate York"). The place
/// becomes the person, with the word beside it (and the person mention holding it).
pub fn inside_names(passes: &[Pass], lex: &Lexicon, mentions: &mut Vec<Mention>) {
    use super::tokens::Kind;
    // Passage and start of each mention's first token, and end of its last.
    let mut starts: rustc_hash::FxHashMap<(usize, usize), usize> = Default::default();
    let mut ends: rustc_hash::FxHashMap<(usize, usize), usize> = Default::default();
    for (i, m) in mentions.iter().enumerate() {
        starts.insert((m.passage, m.range.start), i);
        ends.insert((m.passage, m.range.end), i);
    }
    let mut drop = Vec::new();
    let mut found = Vec::new();
    for (i, m) in mentions.iter().enumerate() {
        if m.kind != EntityKind::Place || !m.named {
            continue;
        }
        let Some(p) = passes.get(m.passage) else { continue };
        let Some(surface) = p.text.get(m.range.clone()) else { continue };
        if surface.contains(' ') || !surface.chars().any(char::is_lowercase) {
            continue;
        }
        let t = p.toks.partition_point(|t| t.start() < m.range.start);
        if p.toks.get(t).is_none_or(|t| t.start() != m.range.start) {
            continue;
        }
        // A capitalised word beside the place: its text, range and the mention that holds it.
        let beside = |k: Option<usize>| {
            let n = p.toks.get(k?)?;
            let w = n.text(p.text);
            let name_word = n.kind() == Kind::Word
                && n.is_cap(p.text)
                && w.chars().any(char::is_lowercase)
                && !lex.places.contains_key(w)
                && !lex.place_heads.contains(w)
                && !lex.org_cues.contains(w)
                && !lex.titles.contains(w);
            if !name_word {
                return None;
            }
            let holder = starts.get(&(m.passage, n.start())).or_else(|| ends.get(&(m.passage, n.end())));
            match holder.and_then(|&h| mentions.get(h).map(|o| (h, o))) {
                Some((h, o)) if o.kind == EntityKind::Person && o.named => {
                    Some((w, o.range.clone(), Some(h)))
                }
                Some(_) => None,
                None => Some((w, n.start()..n.end(), None)),
            }
        };
        let next = beside(Some(t + 1)).filter(|(w, r, _)| {
            lex.given.contains(surface) && lex.surnames.contains(w) && r.start > m.range.end
        });
        let prev = beside(t.checked_sub(1))
            .filter(|(w, r, _)| lex.surnames.contains(surface) && lex.is_given(w) && r.end < m.range.start);
        let Some((_, r, holder)) = next.or(prev) else { continue };
        let range = r.start.min(m.range.start)..r.end.max(m.range.end);
        let Some(name) = p.text.get(range.clone()) else { continue };
        drop.push(i);
        drop.extend(holder);
        found.push(Mention::named(EntityKind::Person, name, m.passage, range));
    }
    if found.is_empty() {
        return;
    }
    drop.sort_unstable();
    drop.dedup();
    for i in drop.into_iter().rev() {
        mentions.remove(i);
    }
    mentions.append(&mut found);
}

/// Nouns for a business right before its name ("the carrier Zenjet", "retailer Bixby").
const BUSINESS_BEFORE: &[&str] = &[
    "airline",
    "carrier",
    "company",
    "firm",
    "startup",
    "start-up",
    "retailer",
    "automaker",
    "carmaker",
    "bank",
    "lender",
    "insurer",
    "brokerage",
    "conglomerate",
    "manufacturer",
    "chipmaker",
    "broadcaster",
    "publisher",
    "supplier",
    "contractor",
    "operator",
];

/// Plural nouns for organisations that announce a list of them ("the nine companies
/// chosen last year: Zenjet, Bixby and Corvo").
const ORGS_LISTED: &[&str] = &[
    "companies",
    "firms",
    "startups",
    "carriers",
    "airlines",
    "banks",
    "lenders",
    "insurers",
    "retailers",
    "automakers",
    "manufacturers",
    "contractors",
    "suppliers",
    "organizations",
    "organisations",
    "agencies",
    "universities",
    "clubs",
];

/// Verbs of an organisation's statements ("the Corvo Animal Shelter announced"): a
/// facility that speaks is the body that runs it.
const STATES: &[&str] =
    &["announced", "said", "says", "stated", "reported", "confirmed", "tweeted", "posted"];

/// Places that the text shows to be organisations: a name right after a noun of a business
/// ("the carrier Zenjet"), an airline named "Air" and a place ("Air Corvo"), a member of a
/// list of companies ("the firms chosen: Zenjet, Corvo and Bixby"), and a facility that
/// makes statements ("the Corvo Animal Shelter announced"); and then every place of the
/// same name.
pub fn organisations(passes: &[Pass], lex: &Lexicon, mentions: &mut [Mention]) {
    use super::tokens::Kind;
    let mut turned: Vec<String> = Vec::new();
    for m in mentions.iter_mut().filter(|m| m.kind == EntityKind::Place && m.named) {
        let Some(p) = passes.get(m.passage).filter(|p| !p.headline) else { continue };
        let first = p.toks.partition_point(|t| t.start() < m.range.start);
        let end = p.toks.partition_point(|t| t.end() <= m.range.end);
        if first >= end || p.toks[first].start() != m.range.start {
            continue;
        }
        let word = |i: usize| p.toks.get(i).map_or("", |t| t.text(p.text));
        let prev = first.checked_sub(1).map_or("", word);
        let Some(text) = p.text.get(m.range.clone()) else { continue };
        if prev == "Air" && first >= 1 {
            let start = p.toks[first - 1].start();
            let name = format!("Air {text}");
            *m = Mention::named(EntityKind::Organization, &name, m.passage, start..m.range.end);
            continue;
        }
        let business = BUSINESS_BEFORE.contains(&prev);
        // A facility (a name of two words or more, no gazetteer place) that speaks.
        let facility = text.contains(' ') && !lex.places.contains_key(text);
        let speaks = facility && STATES.contains(&word(end));
        // A list after a colon or a dash whose clause names organisations in the plural.
        let listed = || {
            let mut i = first;
            while i > 0 {
                i -= 1;
                let t = p.toks[i];
                match t.kind() {
                    Kind::Punct(':' | '—' | '–') => break,
                    Kind::Punct(',') => {}
                    Kind::Punct(_) => return false,
                    _ if t.is_cap(p.text) || t.text(p.text) == "and" => {}
                    _ => return false,
                }
            }
            // The clause before the colon, back to its sentence start.
            let mut k = i;
            while k > 0 && !p.toks[k].sent_start() {
                k -= 1;
                if ORGS_LISTED.contains(&word(k)) {
                    return true;
                }
            }
            false
        };
        if business || speaks || listed() {
            m.kind = EntityKind::Organization;
            turned.push(text.to_string());
        }
    }
    if turned.is_empty() {
        return;
    }
    for m in mentions.iter_mut().filter(|m| m.kind == EntityKind::Place && m.named) {
        let text = passes.get(m.passage).and_then(|p| p.text.get(m.range.clone()));
        if text.is_some_and(|t| turned.iter().any(|n| n == t)) {
            m.kind = EntityKind::Organization;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::document::EntityKind;
    use crate::extract::merge::Mention;
    use crate::extract::test_entities;

    #[test]
    fn places_examples() {
        // (text, a place that must be found with this name, or "" for none)
        let cases: &[(&str, &[&str])] = &[
            (
                "Representatives from the United States and Russia met in Miami.",
                &["United States", "Russia", "Miami"],
            ),
            (
                "The US-Russia talks went on in Ukraine’s Odesa region.",
                &["United States", "Russia", "Ukraine", "Odesa"],
            ),
            (
                "He was buried in the Montparnasse Cemetery near Bourg-la-Reine.",
                &["Montparnasse Cemetery", "Bourg-la-Reine"],
            ),
            ("Privacy Overview", &[]),
            ("Despite the rain, analysts stayed home.", &[]),
            ("Eric Temple Bell wrote a book.", &[]),
            ("The winners were Kwok Wai-keung and Park Joo-Ho.", &[]),
            ("Concerts fill the Wolstein Center on weekends.", &["Wolstein Center"]),
            ("As Whitman wrote, the poem is long.", &[]),
            ("She grew up in Whitman and left.", &["Whitman"]),
            // Datelines name the place a story is filed from.
            ("WASHINGTON — The vote was close, aides said.", &["Washington"]),
            ("NEW DELHI (Reuters) - The vote was close, aides said.", &["New Delhi"]),
            ("LONDON, March 3 - Shares rose on Monday.", &["London"]),
            ("ODESA, Ukraine — The port reopened on Monday.", &["Odesa", "Ukraine"]),
            ("UPDATE — The vote was close, aides said.", &[]),
            // Codes in capitals are no places ("LOS" is no Lagos, "SPX" no Giza).
            ("The SPX index fell while LOS traders watched.", &[]),
            // Nor is a plural title ("Sens." is no town in France).
            ("Sens. Amos Pelleter and Ruth Kibbe objected.", &[]),
            // A name after a place's possessive is whose it is, not a list of places.
            ("Serbia’s Novak Djokovic and Britain’s Andy Murray will play.", &["Serbia", "United Kingdom"]),
            // A city named like a person's surname is the person, unless the text places it.
            ("Browns DL Sheldon Richardson spoke. Later Richardson said no.", &[]),
            // A big city is the person only where the text reads it so once and never places it.
            ("Valeska Paris, an Australian woman, spoke. Paris's father agreed. Paris left.", &[]),
            ("Valeska Paris spoke. Paris's father agreed. She was born in Paris.", &["Paris"]),
            // A team bears its home's name; a company often a name it has no tie to.
            ("Holt later played against the Houston Astros.", &["Houston"]),
            ("The rover was built by Ceres Robotics last year.", &[]),
            // An unknown word after a preposition of movement or position is a place, unless
            // it is part of a title or modifies the noun after it.
            ("A bus runs from Kelvoss via Orrefjord to the coast.", &["Kelvoss", "Orrefjord"]),
            ("She gave the Whitcombe Lectures on Deixis twice.", &[]),
            ("The site runs on Mediawiki software.", &[]),
            // A place beside a part that is no place in a compound is part of a name.
            ("The Pro-Beijing camp cited García-Paje at length.", &[]),
        ];
        for (text, want) in cases {
            let got: Vec<String> = test_entities(text)
                .into_iter()
                .filter(|e| e.kind == EntityKind::Place)
                .map(|e| e.name)
                .collect();
            let mut got_sorted = got.clone();
            got_sorted.sort();
            let mut want_sorted: Vec<String> = want.iter().map(|s| s.to_string()).collect();
            want_sorted.sort();
            assert_eq!(got_sorted, want_sorted, "{text}");
        }
    }

    #[test]
    fn places_the_text_shows_to_be_organisations() {
        use crate::extract::assert_names;
        let orgs = |e: &crate::document::Entity| e.kind == EntityKind::Organization;
        let places = |e: &crate::document::Entity| e.kind == EntityKind::Place;
        // A business noun before the name, an airline named after its city.
        let text = "Orders came from the regional carrier Lisbon and from Air Toronto this spring.";
        assert_names(text, orgs, &["Lisbon", "Air Toronto"]);
        assert_names(text, places, &[]);
        // The members of a list of companies, wherever their names recur.
        let text = "The agency picked four firms announced in March: Kettering, Halvorsen Dynamics \
            and Odessa Works. Later Kettering won a second contract.";
        assert_names(text, places, &[]);
        assert_names(text, orgs, &["Kettering"]);
        // A facility that makes a statement is the body that runs it.
        let text = "The Dayton Bird Refuge announced a new program. Volunteers came to the Dayton \
            Bird Refuge on Sunday.";
        assert_names(text, places, &["Dayton"]);
        // A place named after such a noun elsewhere in lowercase stays a place.
        let text = "The company moved its offices to Lisbon, and Air travel to Toronto grew.";
        assert_names(text, orgs, &[]);
    }

    #[test]
    fn a_place_word_inside_a_persons_name_is_the_person() {
        let lex = crate::extract::lexicon::get();
        // (text, the place the rules saw, the person it belongs to, or "" when it stays a place)
        let cases = [
            ("Kate York wrote the report.", "York", "Kate York"),
            ("Chad Thomas coached the side.", "Chad", "Chad Thomas"),
            ("They flew to Chad on Monday.", "Chad", ""),
            ("Mary visited York in May.", "York", ""),
        ];
        for (text, place, person) in cases {
            let (p, _) = crate::extract::test_pass(text);
            let at = text.find(place).unwrap_or(0);
            let mut ms = vec![Mention::named(EntityKind::Place, place, 0, at..at + place.len())];
            super::inside_names(std::slice::from_ref(&p), lex, &mut ms);
            let got: Vec<(EntityKind, &str)> = ms.iter().map(|m| (m.kind, &text[m.range.clone()])).collect();
            let want =
                if person.is_empty() { (EntityKind::Place, place) } else { (EntityKind::Person, person) };
            assert_eq!(got, [want], "{text}");
        }
    }
}
