//! Names written surname first, as reading lists and bibliographies write them ("Austen,
//! Jane. Pride and Prejudice", "Marx, Karl and Engels, Friedrich. The Communist Manifesto").

use crate::document::EntityKind;
use crate::extract::lexicon::Lexicon;
use crate::extract::merge::Mention;
use crate::extract::pass::{Pass, lower};
use crate::extract::tokens::{Kind, Token};

/// A capitalised word with lowercase letters ("Austen", "McGuire").
fn cap(w: &str) -> bool {
    w.starts_with(char::is_uppercase) && w.chars().any(char::is_lowercase)
}

/// The name that starts at token `i`: a surname, a comma, a given name (a census one, or the
/// well-known person's: "Engels, Friedrich") and any more given names; its range, its name in reading order and the token after it.
fn inverted(p: &Pass, lex: &Lexicon, i: usize) -> Option<(usize, usize, String, usize)> {
    let toks: &[Token] = p.toks;
    let word = |k: usize| toks.get(k).filter(|t| t.kind() == Kind::Word).map(|t| t.text(p.text));
    let surname = word(i).filter(|w| cap(w) && !lex.function.contains(lower(w).as_ref()))?;
    if toks.get(i + 1)?.kind() != Kind::Punct(',') {
        return None;
    }
    let given = word(i + 2).filter(|w| {
        lex.is_given(w) || cap(w) && lex.people.names.contains(format!("{w} {surname}").as_str())
    })?;
    let mut names = vec![given];
    let mut k = i + 3;
    while let Some(w) = word(k).filter(|w| cap(w)) {
        names.push(w);
        k += 1;
    }
    let end = toks.get(k - 1)?.end();
    Some((toks[i].start(), end, format!("{} {surname}", names.join(" ")), k))
}

/// Finds the surname-first names that open a paragraph and end with a full stop, one or two
/// of them joined by "and" ("Christie, Agatha. The Mysterious Affair at Styles"). Other
/// mentions inside them give way ("London" of "London, Jack").
pub fn find(passes: &[Pass], lex: &Lexicon, mentions: &mut Vec<Mention>) {
    let mut found = Vec::new();
    for p in passes {
        let mut names = Vec::new();
        let mut i = 0;
        while let Some((start, end, name, next)) = inverted(p, lex, i) {
            names.push((start, end, name));
            match p.toks.get(next) {
                Some(t) if t.kind() == Kind::Word && t.text(p.text) == "and" => i = next + 1,
                Some(t) if t.kind() == Kind::Punct('.') => {
                    found.extend(names.drain(..).map(|(s, e, n)| (p.index, s..e, n)));
                    break;
                }
                _ => break,
            }
        }
    }
    if found.is_empty() {
        return;
    }
    mentions.retain(|m| {
        !found.iter().any(|(p, r, _)| m.passage == *p && m.range.start < r.end && r.start < m.range.end)
    });
    for (p, r, n) in found {
        mentions.push(Mention::named(EntityKind::Person, &n, p, r));
    }
}

#[cfg(test)]
mod tests {
    use crate::document::EntityKind;
    use crate::extract::assert_names;

    #[test]
    fn surname_first_names() {
        let cases: &[(&str, &[&str])] = &[
            ("Austen, Jane. Pride and Prejudice", &["Jane Austen"]),
            ("Marx, Karl and Engels, Friedrich. The Communist Manifesto", &["Karl Marx", "Friedrich Engels"]),
            ("Alright, Mr. Sova, please proceed.", &["Sova"]),
            ("Later, John went home.", &["John"]),
        ];
        for (text, want) in cases {
            assert_names(text, |e| e.kind == EntityKind::Person, want);
        }
    }
}
