//! The article's main person: a definite role phrase that no title links to anyone ("the
//! author", "the inventor") refers, in a biography or a profile, to the person the article
//! is about.

use crate::document::EntityKind;
use crate::extract::merge::{Key, Mention};
use crate::extract::pass::Pass;
use rustc_hash::FxHashMap as HashMap;

/// Mentions the main person must have, and how many times the runner-up's, to be the subject.
const MIN_MENTIONS: usize = 5;
const LEAD: usize = 2;

/// Gives unlinked definite role mentions ("the author") the key of the document's subject:
/// the named person mentioned most, by a clear lead. Articles with no such person (news with
/// several actors) keep their roles as entries of their own.
pub fn attach_roles(passes: &[Pass], mentions: &mut [Mention]) {
    let mut counts: HashMap<&Key, usize> = HashMap::default();
    for m in
        mentions.iter().filter(|m| m.kind == EntityKind::Person && m.named && !matches!(m.key, Key::Group(_)))
    {
        *counts.entry(&m.key).or_default() += 1;
    }
    let mut ranked: Vec<(&Key, usize)> = counts.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let Some(&(top, n)) = ranked.first() else { return };
    let second = ranked.get(1).map_or(0, |r| r.1);
    if n < MIN_MENTIONS || n < LEAD * second {
        return;
    }
    let top = top.clone();
    for m in mentions
        .iter_mut()
        .filter(|m| m.kind == EntityKind::Person && !m.named && matches!(m.key, Key::Role(_)))
    {
        let Some(p) = passes.get(m.passage) else { continue };
        let surface = p.text.get(m.range.clone()).unwrap_or("");
        if surface.starts_with("the ") || surface.starts_with("The ") {
            m.key = top.clone();
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::document::EntityKind;
    use crate::extract::test_entities;

    #[test]
    fn definite_roles_join_the_subject() {
        let bio = "Siméon Poisson was born in 1781. Poisson studied in Paris. Poisson taught there. \
                   Poisson wrote books. Poisson died in 1840. The author left many papers.";
        let es = test_entities(bio);
        let people: Vec<&str> =
            es.iter().filter(|e| e.kind == EntityKind::Person).map(|e| e.name.as_str()).collect();
        assert_eq!(people, ["Siméon Poisson"], "{es:?}");
        // Without a clear subject a role stays an entry of its own.
        let news = "Anna Berg met Tom Holt. Later the envoy arrived.";
        let es = test_entities(news);
        assert!(es.iter().any(|e| e.kind == EntityKind::Person && e.name == "envoy"), "{es:?}");
    }
}
