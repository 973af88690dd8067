//! Roads written as codes: motorways and numbered routes ("the M1", "the A64", "I-44",
//! "US-75", "US 169"), which travel guides name as places.
//!
//! A code alone ("A1", "M1") is also a paper size or a grade, so it needs the article before
//! it and nothing after it that would make it a model or a product ("the A380 aircraft").

use super::merge::{Mention, add_unclaimed};
use super::pass::{Pass, lower};
use super::tokens::Kind;
use crate::document::EntityKind;

/// Words that may follow a road code.
const AFTER: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northbound",
    "southbound",
    "eastbound",
    "westbound",
    "motorway",
    "road",
    "to",
    "from",
    "and",
    "or",
    "at",
    "in",
    "near",
    "between",
    "through",
    "towards",
    "toward",
    "provide",
    "provides",
    "link",
    "links",
    "runs",
    "on",
    "around",
    "junction",
    "exit",
];

/// True for a British road code: "M1", "A64", "A1M", "A1237", "B1228".
fn british(w: &str) -> bool {
    let mut chars = w.chars();
    let Some('M' | 'A' | 'B') = chars.next() else { return false };
    let rest: &str = chars.as_str();
    let digits = rest.strip_suffix('M').unwrap_or(rest);
    (1..=4).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit()) && !digits.starts_with('0')
}

/// True for an American route code with a hyphen: "I-44", "US-75", "SR-51".
fn american(w: &str) -> bool {
    let Some((prefix, digits)) = w.split_once('-') else { return false };
    matches!(prefix, "I" | "US" | "SR")
        && (1..=3).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
}

/// Finds road codes in body text where no other mention is.
pub fn find(passes: &[Pass], mentions: &mut Vec<Mention>) {
    let mut routes: Vec<(usize, usize)> = Vec::new();
    let mut found = Vec::new();
    for p in passes {
        let word = |i: usize| p.toks.get(i).map(|t| t.text(p.text)).unwrap_or("");
        for (i, t) in p.toks.iter().enumerate() {
            // Every code starts with one of these capitals and holds a digit, or is "US".
            if t.kind() != Kind::Word
                || !matches!(p.text.as_bytes().get(t.start()), Some(b'A' | b'B' | b'I' | b'M' | b'S' | b'U'))
            {
                continue;
            }
            let w = t.text(p.text);
            if !(w == "US" || w.bytes().any(|b| b.is_ascii_digit())) {
                continue;
            }
            let next = p.toks.get(i + 1);
            let end_ok = || {
                next.is_none_or(|n| {
                    matches!(n.kind(), Kind::Punct(_)) || AFTER.contains(&&*lower(n.text(p.text)))
                })
            };
            let mut range = t.start()..t.end();
            let road = if american(w) {
                true
            } else if w == "US" && next.is_some_and(|n| n.kind() == Kind::Num && n.end() - n.start() <= 3) {
                // "US 169": the number is its own token, and "US" is no longer the country.
                range.end = next.map_or(t.end(), |n| n.end());
                routes.push((p.index, t.start()));
                true
            } else {
                british(w) && i > 0 && word(i - 1) == "the" && end_ok()
            };
            if !road {
                continue;
            }
            let name = p.text.get(range.clone()).unwrap_or(w).replace(' ', "-");
            found.push(Mention::named(EntityKind::Place, &name, p.index, range));
        }
    }
    if found.is_empty() {
        return;
    }
    if !routes.is_empty() {
        mentions.retain(|m| m.kind != EntityKind::Place || !routes.contains(&(m.passage, m.range.start)));
    }
    add_unclaimed(mentions, found);
}

#[cfg(test)]
mod tests {
    use crate::document::EntityKind;
    use crate::extract::assert_names;

    #[test]
    fn roads_examples() {
        // (text, roads that must be listed)
        let cases: &[(&str, &[&str])] = &[
            ("Take the M1 northbound, then the A64 to York.", &["M1", "A64"]),
            ("From Missouri take I-44 West or US 169.", &["I-44", "US-169"]),
            ("She printed it on A4 paper and flew on the A380 aircraft.", &[]),
        ];
        for (text, want) in cases {
            let road =
                |e: &crate::Entity| e.kind == EntityKind::Place && e.name.chars().any(|c| c.is_ascii_digit());
            assert_names(text, road, want);
        }
    }
}
