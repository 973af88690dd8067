//! Coordination: an unknown name listed with known ones is of their kind ("Jesse Lingard,
//! Harry Maguire and John Stones", "Faaborg, Svendborg and Marstal").

use super::lexicon::Lexicon;
use super::merge::Mention;
use super::names::Chunk;
use super::pass::{Pass, Seen, lower};
use super::tokens::{Kind, is_cap_word};
use crate::document::EntityKind;
use rustc_hash::FxHashMap as HashMap;

/// Where named mentions end (or start): passage and byte offset, and their kind.
pub type Edges = HashMap<(u32, u32), EntityKind>;

/// Names the unclaimed chunk `c` after the kind of a named neighbour in a list: a mention that
/// ends right before ", " or " and ", or starts right after them.
pub fn coordinated(
    p: &Pass,
    c: &Chunk,
    lex: &Lexicon,
    seen: &Seen,
    ends: &Edges,
    starts: &Edges,
    out: &mut Vec<Mention>,
) -> bool {
    let words = c.words(p);
    if words.len() > 3
        || words.iter().any(|w| {
            !is_cap_word(w)
                || lex.org_cues.contains(w)
                || lex.event_heads.contains(w)
                || lex.is_demonym(w)
                || seen.contains(&lower(w))
        })
        || p.toks.get(c.first).is_some_and(|t| t.sent_start())
        // "Serbia's Novak Djokovic": whose it is, not a list of places.
        || c.first.checked_sub(1).and_then(|k| p.toks.get(k)).is_some_and(|t| t.kind() == Kind::Poss)
    {
        return false;
    }
    let link = |t: usize| {
        p.toks.get(t).is_some_and(|t| matches!(t.kind(), Kind::Punct(',')) || t.text(p.text) == "and")
    };
    let before = c.first.checked_sub(1).filter(|&k| link(k)).and_then(|k| {
        // ", and" counts as one link.
        let k = if k > 0 && p.toks[k].text(p.text) == "and" && link(k - 1) { k - 1 } else { k };
        k.checked_sub(1).and_then(|j| ends.get(&(p.index as u32, p.toks[j].end() as u32)))
    });
    let after = link(c.end)
        .then(|| {
            let k = if p.toks.get(c.end + 1).is_some_and(|t| t.text(p.text) == "and") {
                c.end + 2
            } else {
                c.end + 1
            };
            p.toks.get(k).and_then(|t| starts.get(&(p.index as u32, t.start() as u32))).filter(|_| {
                // "and Britain's Andy Murray": the place says whose the next name is.
                !p.toks[k..].iter().take(4).any(|t| t.kind() == Kind::Poss)
            })
        })
        .flatten();
    let kind = match (before, after) {
        (Some(a), Some(b)) if a == b => *a,
        (Some(a), None) | (None, Some(a)) => *a,
        _ => return false,
    };
    // A person needs a full name; a single word is enough for a place.
    if kind == EntityKind::Event || kind == EntityKind::Person && words.len() < 2 {
        return false;
    }
    out.push(Mention::named(kind, &words.join(" "), p.index, c.range(p)));
    true
}

#[cfg(test)]
mod tests {
    use crate::document::EntityKind;
    use crate::extract::test_entities;

    #[test]
    fn lists_examples() {
        // (text, kind, name that must be found)
        let cases: &[(&str, EntityKind, &str, bool)] = &[
            (
                "Goals came from Harry Kane, Jesse Lingard and Ruben Loftus-Cheek.",
                EntityKind::Person,
                "Ruben Loftus-Cheek",
                true,
            ),
            ("We sailed to Svendborg, Faaborg and Marstal.", EntityKind::Place, "Marstal", true),
            // The list rule alone leaves a single word out; the tagger reads it as a person.
            ("Films by Louis Malle, Truffaut and others.", EntityKind::Person, "Truffaut", true),
        ];
        for (text, kind, name, found) in cases {
            let es = test_entities(text);
            assert_eq!(es.iter().any(|e| e.kind == *kind && e.name == *name), *found, "{text}: {es:?}");
        }
    }
}
