//! Named groups of people: peoples, nationalities and faiths written as plural proper nouns
//! ("the Tatars", "Muslims", "Russians").
//!
//! DESIGN.md leaves generic groups ("analysts", "officials") out of the sidebar; a named
//! group is different: it is a proper noun, an actor of the story ("the Vikings founded the
//! city"), and annotators of news and biographies list it with the people. Only the plural
//! noun counts: the adjective ("a Russian envoy", "Muslim pilgrims") names nobody.

use crate::document::EntityKind;
use crate::extract::lexicon::Lexicon;
use crate::extract::merge::{Key, Mention, add_unclaimed};
use crate::extract::pass::{Pass, lower};
use crate::extract::tokens::Kind;

/// True for a plural that names a people or a faith: a listed group, a listed plural
/// nationality ("Germans", "Arabs"), the plural of a listed nationality ("Greeks"), or a
/// regular plural of a place's people ("Russians", "Canadians").
pub fn is_group(lex: &Lexicon, w: &str) -> bool {
    if lex.groups.contains(w) {
        return true;
    }
    let Some(singular) = w.strip_suffix('s') else { return false };
    if singular.chars().count() < 3 || singular.ends_with('s') || !singular.starts_with(char::is_uppercase) {
        return false;
    }
    lex.demonyms.contains(w)
        || lex.demonyms.contains(singular)
        || singular.ends_with("an") && lex.is_demonym(w)
}

/// Finds named groups in every passage, where no other mention is.
pub fn find(passes: &[Pass], lex: &Lexicon, mentions: &mut Vec<Mention>) {
    let mut found: Vec<Mention> = Vec::new();
    // War and Peace says "Russians" hundreds of times: each word is judged once.
    let mut judged: rustc_hash::FxHashMap<&str, bool> = Default::default();
    for p in passes {
        for (i, t) in p.toks.iter().enumerate() {
            if t.kind() != Kind::Word || !t.is_cap(p.text) {
                continue;
            }
            let w = t.text(p.text);
            // An all-capitals word is a shout or an acronym, not a people.
            let group = *judged.entry(w).or_insert_with(|| is_group(lex, w));
            if !group || w.chars().all(|c| !c.is_lowercase()) {
                continue;
            }
            // "Young Americans", "Americans for Prosperity": part of a longer name.
            let cap_next = p.toks.get(i + 1).is_some_and(|n| n.is_cap(p.text) && !n.sent_start());
            let cap_prev = i > 0
                && p.toks[i - 1].is_cap(p.text)
                && !t.sent_start()
                && !lex.is_stop(&lower(p.toks[i - 1].text(p.text)));
            if cap_next || cap_prev && !p.headline {
                continue;
            }
            let mut m = Mention::named(EntityKind::Person, w, p.index, t.start()..t.end());
            m.key = Key::Group(lower(w).into());
            found.push(m);
        }
    }
    if found.is_empty() {
        return;
    }
    add_unclaimed(mentions, found);
}

#[cfg(test)]
mod tests {
    use crate::document::EntityKind;
    use crate::extract::test_entities;

    #[test]
    fn groups_examples() {
        // (text, named group that must be listed, or "" for none)
        let cases: &[(&str, &str)] = &[
            ("The city was taken by the Vikings in 866.", "Vikings"),
            ("Muslims from Myanmar fled by boat.", "Muslims"),
            ("The Russians arrived at the fortress.", "Russians"),
            ("Most Greeks worship in churches.", "Greeks"),
            ("A Russian envoy met Muslim pilgrims.", ""),
            ("Analysts and officials disagreed.", ""),
        ];
        for (text, want) in cases {
            let groups: Vec<String> = test_entities(text)
                .into_iter()
                .filter(|e| e.kind == EntityKind::Person)
                .map(|e| e.name)
                .collect();
            if want.is_empty() {
                assert!(groups.is_empty(), "{text}: {groups:?}");
            } else {
                assert!(groups.iter().any(|g| g == want), "{text}: {groups:?}");
            }
        }
    }
}
