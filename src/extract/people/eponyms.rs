//! People inside the names of places named after them ("Will Rogers Turnpike", "Carnegie
//! Hall", "the Leigh Block Museum of Art").
//!
//! The place stays what it is; the person it is named after is mentioned too, and annotators
//! of news, biographies and travel guides list that person with the others. Organisations
//! are left alone ("Dick Clark Productions"): measured on real pages, their founders are
//! not listed as people.

use crate::document::EntityKind;
use crate::extract::lexicon::Lexicon;
use crate::extract::merge::{Mention, Occupied};
use crate::extract::pass::Pass;
use crate::extract::tokens::Kind;

/// A word that may be part of a person's name inside a longer name: capitalised, with
/// lowercase letters, and no place head, organisation cue or title ("Hall", "Park").
fn name_word(lex: &Lexicon, w: &str) -> bool {
    w.starts_with(char::is_uppercase)
        && w.chars().any(char::is_lowercase)
        && w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\'')
        && !lex.place_heads.contains(w)
        && !lex.org_cues.contains(w)
        && !lex.titles.contains(w)
}

/// Finds the person at the start of each named place of two words or more: a given name and a surname before the rest ("Jack Alter Fort Lee Community
/// Center"), or a well-known person's surname ("Carnegie Hall"). Words some other person
/// mention holds are left alone.
pub fn find(passes: &[Pass], lex: &Lexicon, mentions: &mut Vec<Mention>) {
    let taken = Occupied::of(mentions, &[EntityKind::Person]);
    let mut found = Vec::new();
    for m in mentions.iter().filter(|m| m.kind == EntityKind::Place && m.named) {
        let Some(p) = passes.get(m.passage) else { continue };
        let first = p.toks.partition_point(|t| t.start() < m.range.start);
        let words: Vec<(usize, usize, &str)> = p.toks[first..]
            .iter()
            .take_while(|t| t.end() <= m.range.end)
            .filter(|t| t.kind() == Kind::Word)
            .map(|t| (t.start(), t.end(), t.text(p.text)))
            .collect();
        let words = match words.first() {
            Some((_, _, "The" | "the")) => &words[1..],
            _ => &words[..],
        };
        let range = match words {
            [(s, _, g), (_, e, sur), _, ..]
                if lex.is_given(g)
                    && name_word(lex, g)
                    && name_word(lex, sur)
                    && lex.surnames.contains(sur)
                    && p.text.get(*s..*e).is_some_and(|two| !lex.places.contains_key(two)) =>
            {
                *s..*e
            }
            [(s, e, w), _, ..]
                if lex.people.names.contains(w)
                    && name_word(lex, w)
                    && !lex.is_given(w)
                    && !lex.is_demonym(w) =>
            {
                *s..*e
            }
            _ => continue,
        };
        if taken.overlaps(m.passage, &range) {
            continue;
        }
        let Some(name) = p.text.get(range.clone()) else { continue };
        let mut person = Mention::named(EntityKind::Person, name, m.passage, range);
        // A surname alone is the person of the text who has it ("the Warhol Foundation" of
        // an article about Andy Warhol).
        let suffix = format!(" {name}");
        if let Some(known) =
            mentions.iter().find(|o| o.kind == EntityKind::Person && o.named && o.name.ends_with(&suffix))
        {
            person.key = known.key.clone();
            person.name = known.name.clone();
        }
        found.push(person);
    }
    mentions.append(&mut found);
}

#[cfg(test)]
mod tests {
    use crate::document::EntityKind;
    use crate::extract::assert_names;

    #[test]
    fn people_inside_names() {
        let cases: &[(&str, &[&str])] = &[
            ("She once performed at Carnegie Hall in New York.", &["Carnegie"]),
            ("We drove the Will Rogers Turnpike to Tulsa.", &["Will Rogers"]),
            ("He studied at the University of Oxford.", &[]),
        ];
        for (text, want) in cases {
            assert_names(text, |e| e.kind == EntityKind::Person, want);
        }
    }
}
