//! Names no list knows: a run of two or three capitalised words in running text, none of
//! them a common English word, a place, an organisation or event word, is a person's name
//! ("Wim Wenders", "Luo Changpei", "Xander Bogaerts").
//!
//! Runs of common words are left alone: they are more often titles, bands and venues ("Easy
//! Rider", "Velvet Underground", "Desert Rose"). So are runs after "the" or after a
//! preposition of place ("in Anse Bertrand"), where a place or a thing is more likely.

use super::{name_shaped, person_context};
use crate::document::EntityKind;
use crate::extract::lexicon::Lexicon;
use crate::extract::merge::{Key, Mention};
use crate::extract::names::{CONNECTORS, Chunk};
use crate::extract::pass::{Pass, Seen, lower};
use rustc_hash::FxHashMap as HashMap;

/// True for a word that may be part of an unknown person's name.
fn name_word(lex: &Lexicon, seen: &Seen, w: &str) -> bool {
    name_word_or_common(lex, seen, w) && {
        let l = lower(w);
        lex.is_given(w) || lex.surnames.contains(w) || !lex.common.contains(&l)
    }
}

/// [`name_word`] without the test of common words: a given name that is also a word of
/// some language ("Axel", "Michelangelo") before a surname no list knows.
fn name_word_or_common(lex: &Lexicon, seen: &Seen, w: &str) -> bool {
    let l = lower(w);
    !seen.contains(&l)
        && !lex.place_heads.contains(w)
        && !lex.place_prefixes.contains(w)
        && !lex.titles.contains(w)
        && !lex.places.contains_key(w)
}

/// The words of the named people found so far, each with the key of the one person whose
/// name holds it ("Higuchi" → "Ichiyo Higuchi"); a word of several names is left out.
pub fn known_words(mentions: &[Mention]) -> HashMap<String, Key> {
    let mut map: HashMap<String, Key> = HashMap::default();
    let mut shared: Vec<String> = Vec::new();
    for m in mentions.iter().filter(|m| m.kind == EntityKind::Person && m.named) {
        let Some(name) = m.key.name() else { continue };
        for w in name.split(' ').filter(|w| w.chars().count() >= 3 && !CONNECTORS.contains(w)) {
            match map.get(w) {
                Some(k) if *k != m.key => shared.push(w.to_string()),
                Some(_) => {}
                None => {
                    map.insert(w.to_string(), m.key.clone());
                }
            }
        }
    }
    for w in shared {
        map.remove(&w);
    }
    map
}

/// Claims an unclaimed chunk of body text as a person when it is name-shaped and unknown.
/// A run whose every word is in one known person's name is another form of that name
/// ([`same_person`]).
pub fn person(
    p: &Pass,
    c: &Chunk,
    lex: &Lexicon,
    seen: &Seen,
    known: &HashMap<String, Key>,
    out: &mut Vec<Mention>,
) -> bool {
    let words = c.words(p);
    let caps: Vec<&&str> = words.iter().filter(|w| !CONNECTORS.contains(w)).collect();
    if caps.len() < 2 || caps.len() > 3 || words.len() - caps.len() > 1 {
        return false;
    }
    // A common word may open the name when the last word is no common word ("Axel Witsel",
    // "Michelangelo Antonioni"); a run of common words stays a title or a band's name.
    let rare_last = caps.last().is_some_and(|w| !lex.common.contains(&lower(w)));
    let word_ok = |i: usize, w: &str| {
        name_word(lex, seen, w) || i == 0 && rare_last && name_word_or_common(lex, seen, w)
    };
    if !name_shaped(lex, &words) || !caps.iter().enumerate().all(|(i, w)| word_ok(i, w)) {
        return false;
    }
    let w = |i: usize| p.toks.get(i).map(|t| lower(t.text(p.text))).unwrap_or_default();
    let prev = c.first.checked_sub(1).map(w).unwrap_or_default();
    let placey = matches!(&*prev, "the" | "in" | "at" | "near" | "from" | "to" | "on" | "into");
    // "Strynø Brovej 12": an address; people are not numbered. A score is not a house number
    // ("Tessa Vorlin 7-6").
    let num = |i: usize| p.toks.get(i).is_some_and(|t| t.kind() == crate::extract::tokens::Kind::Num);
    let dash = p.toks.get(c.end + 1).is_some_and(|t| matches!(t.text(p.text), "-" | "–" | "—"));
    let numbered = num(c.end) && !(dash && num(c.end + 2));
    if numbered || placey && !person_context(p, c.first, c.end, lex) {
        return false;
    }
    let mut m = Mention::named(EntityKind::Person, &words.join(" "), p.index, c.range(p));
    if let Some(key) = same_person(&words, known) {
        m.key = key.clone();
    }
    out.push(m);
    true
}

/// The key of the one known person whose name holds every word of `words` ("Higuchi Ichiyo"
/// for "Ichiyo Higuchi", "Matthew Goode" for "Matthew William Goode"). Sharing one word is
/// not enough: "Singh Jabarjung" is not "Lakshiwnder Singh".
fn same_person<'a>(words: &[&str], known: &'a HashMap<String, Key>) -> Option<&'a Key> {
    let caps = || words.iter().filter(|w| !CONNECTORS.contains(*w));
    let key = caps().find_map(|w| known.get(*w))?;
    let name = key.name()?;
    caps().all(|w| name.split(' ').any(|k| k == *w)).then_some(key)
}

/// A full name in a title-case line (a caption's credit, "Image: David Shankbone"), where
/// capitals are no evidence: the whole chunk is a census given name and one or two words
/// that are neither common words (unless census surnames) nor places.
pub fn headline_person(
    p: &Pass,
    c: &Chunk,
    lex: &Lexicon,
    seen: &Seen,
    known: &HashMap<String, Key>,
    out: &mut Vec<Mention>,
) {
    let words = c.words(p);
    if !(2..=3).contains(&words.len()) || !name_shaped(lex, &words) {
        return;
    }
    let first_ok = lex.is_given(words[0]) && !lex.places.contains_key(words[0]);
    if !first_ok || !words[1..].iter().all(|w| name_word(lex, seen, w)) {
        return;
    }
    let mut m = Mention::named(EntityKind::Person, &words.join(" "), p.index, c.range(p));
    if let Some(key) = same_person(&words, known) {
        m.key = key.clone();
    }
    out.push(m);
}

/// A title that is a person's name ("Yuen Ren Chao" over a biography): name-shaped words,
/// none a common word unless a census name, and its last word used again in the body. The
/// title becomes the person's first mention; the body's mentions are found by propagation.
pub fn title_subject(p: &Pass, lex: &Lexicon, seen: &Seen, out: &mut Vec<Mention>) {
    let words: Vec<&str> = p.toks.iter().map(|t| t.text(p.text)).collect();
    let caps = words.iter().filter(|w| !CONNECTORS.contains(w)).count();
    // "Theodorus of Tabennese": after "of" is more often a place than a surname.
    if words.contains(&"of")
        || !(2..=4).contains(&caps)
        || words.len() - caps > 1
        || p.toks.iter().any(|t| t.kind() != crate::extract::tokens::Kind::Word)
    {
        return;
    }
    let initial = |w: &str| w.ends_with('.') && w.chars().filter(|c| c.is_alphabetic()).count() <= 2;
    // A middle name may be a common word ("Yuen Ren Chao"); the first and last may not.
    let ends = [words[0], words[words.len() - 1]];
    let ok = name_shaped(lex, &words)
        && ends.iter().all(|w| {
            initial(w)
                || !lex.places.contains_key(w)
                    && !lex.titles.contains(*w)
                    && !lex.place_heads.contains(*w)
                    && !lex.place_prefixes.contains(*w)
                    && (lex.is_given(w) || lex.surnames.contains(w) || !lex.common.contains(&lower(w)))
        });
    let Some(last) = words.last() else { return };
    if !ok || seen.count(last) < 2 {
        return;
    }
    let range = p.toks[0].start()..p.toks[p.toks.len() - 1].end();
    let mut m = Mention::named(EntityKind::Person, &words.join(" "), p.index, range);
    // "Matthew Goode" over "Matthew William Goode": the body's fuller name is the same person.
    // Not "Jane Smith" over "John Smith": every word of the title is in the fuller name.
    let fuller = out.iter().find(|o| {
        o.kind == EntityKind::Person
            && o.named
            && o.key.name().is_some_and(|k| {
                k.contains(' ')
                    && k.split(' ').next_back() == Some(*last)
                    && words.iter().all(|w| k.split(' ').any(|x| x == *w))
            })
    });
    if let Some(o) = fuller {
        m.key = o.key.clone();
        m.name = o.name.clone();
    }
    out.push(m);
}

#[cfg(test)]
mod tests {
    use crate::document::EntityKind;
    use crate::extract::test_entities;

    #[test]
    fn a_title_that_is_a_name_is_the_subject() {
        // (article, person that must be listed with at least two mentions, or "" for none;
        // a place that must be listed with at least two mentions, or "")
        let cases: &[(&str, &str, &str)] = &[
            ("Yuen Ren Chao\n\nIn 1920 Chao taught physics. Later Chao moved west.\n", "Yuen Ren Chao", ""),
            ("Theodorus of Tabennese\n\nHe lived in Tabennese. Tabennese was a village.\n", "", "Tabennese"),
        ];
        for (text, want, place) in cases {
            let es = crate::read(text.as_bytes()).map(|d| d.entities).unwrap_or_default();
            let found = es.iter().find(|e| e.kind == EntityKind::Person && e.name == *want);
            if !want.is_empty() {
                assert!(found.is_some_and(|e| e.mentions.len() >= 2), "{text}: {es:?}");
            }
            if !place.is_empty() {
                let found = es.iter().find(|e| e.kind == EntityKind::Place && e.name == *place);
                assert!(found.is_some_and(|e| e.mentions.len() >= 2), "{text}: {es:?}");
            }
        }
    }

    #[test]
    fn a_credit_in_a_caption_names_a_person() {
        let text = "Report\n\nThe editors met on Monday in the office.\n\nPhoto: David Shankbone\n";
        let es = crate::read(text.as_bytes()).map(|d| d.entities).unwrap_or_default();
        assert!(es.iter().any(|e| e.kind == EntityKind::Person && e.name == "David Shankbone"), "{es:?}");
        let text = "Report\n\nThe editors met on Monday in the office.\n\nWill Miami Talks End\n";
        let es = crate::read(text.as_bytes()).map(|d| d.entities).unwrap_or_default();
        assert!(!es.iter().any(|e| e.kind == EntityKind::Person), "{es:?}");
    }

    #[test]
    fn unknown_names_examples() {
        // (text, person that must be listed, or "" for none)
        let cases: &[(&str, &str)] = &[
            ("She worked with directors such as Wim Wenders and others.", "Wim Wenders"),
            ("Among his students was Luo Changpei, later a linguist.", "Luo Changpei"),
            ("Critics praised Silent Harvest twice.", ""),
            ("We stayed in Hapupu Kaingaroa for a week.", ""),
            ("He sang with the Zorvik Kalamari for years.", ""),
            // A score after a name is not a house number.
            ("In the final Tomas Brevik edged Kaspar Oltveit 7-6 on Monday.", "Kaspar Oltveit"),
            ("The shop is at Strynø Brovej 12 by the harbour.", ""),
            // A given name that is also a common word, before a surname no list knows.
            ("Late in the game the coach replaced Axel Vantrobbe with a younger man.", "Axel Vantrobbe"),
            // Common words alone stay a title.
            ("Critics praised Golden Harvest twice.", ""),
        ];
        for (text, want) in cases {
            let people: Vec<String> = test_entities(text)
                .into_iter()
                .filter(|e| e.kind == EntityKind::Person)
                .map(|e| e.name)
                .collect();
            if want.is_empty() {
                assert!(people.is_empty(), "{text}: {people:?}");
            } else {
                assert!(people.iter().any(|g| g == want), "{text}: {people:?}");
            }
        }
    }
}
