//! Role phrases that stand for one unnamed actor ("Russia's special envoy", "a key family
//! advisor to the president").

use super::verb_like;
use crate::document::EntityKind;
use crate::extract::lexicon::Lexicon;
use crate::extract::merge::{Key, Mention};
use crate::extract::pass::{Pass, lower};
use crate::extract::tokens::{Kind, is_cap_word};

/// Role phrases for unnamed actors: an article or possessive, modifiers, and a singular role
/// noun, with "to the X" after it ("a key family advisor to the president"). A name right
/// after the role makes it a title ("captain Harry Kane") and no role.
pub fn roles(p: &Pass, lex: &Lexicon, out: &mut Vec<Mention>) {
    let toks = &p.toks;
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        if t.kind() != Kind::Word || t.is_cap(p.text) && !t.sent_start() {
            i += 1;
            continue;
        }
        let w = lower(t.text(p.text));
        // Two-word roles first ("prime minister").
        let two = toks
            .get(i + 1)
            .filter(|_| lex.role_firsts.contains(&*w))
            .map(|n| format!("{w} {}", lower(n.text(p.text))));
        let (role_end, is_role) = match two {
            Some(ref two) if lex.roles.contains(two.as_str()) => (i + 2, true),
            _ => (i + 1, lex.roles.contains(&*w)),
        };
        if !is_role || is_cap_word(t.text(p.text)) && !t.sent_start() {
            i += 1;
            continue;
        }
        // Not a title before a name, not a compound's first noun ("president's office" is fine).
        if let Some(n) = toks.get(role_end)
            && (n.is_cap(p.text)
                || n.kind() == Kind::Word
                    && !lex.function.contains(&*lower(n.text(p.text)))
                    && !verb_like(n.text(p.text)))
        {
            i = role_end;
            continue;
        }
        // Walk left over modifiers to an article or a possessive.
        let mut j = i;
        let mut start = None;
        let mut mods = 0;
        while j > 0 && mods <= 4 {
            let prev = &toks[j - 1];
            let pw = lower(prev.text(p.text));
            match prev.kind() {
                Kind::Word if matches!(&*pw, "a" | "an" | "the") => {
                    start = Some(j - 1);
                    break;
                }
                Kind::Poss if j >= 2 && toks[j - 2].is_cap(p.text) => {
                    start = Some(j - 2);
                    break;
                }
                Kind::Word if !lex.function.contains(&*pw) => {
                    mods += 1;
                    j -= 1;
                }
                _ => break,
            }
        }
        let Some(start) = start else {
            i = role_end;
            continue;
        };
        // "X was a Swiss mathematician", "X, an American actor": a description of someone named.
        let before = start.checked_sub(1).and_then(|k| toks.get(k)).map(|t| lower(t.text(p.text)));
        if toks[start].kind() == Kind::Word
            && before.as_deref().is_some_and(|b| {
                matches!(
                    b,
                    "is" | "was"
                        | "are"
                        | "were"
                        | "be"
                        | "been"
                        | "being"
                        | "became"
                        | "become"
                        | "becomes"
                        | "as"
                        | ","
                        | "("
                        | "remains"
                        | "remained"
                )
            })
        {
            i = role_end;
            continue;
        }
        let mut end = role_end;
        // "to the president", "of the company": a role after "to the" completes the phrase.
        if toks.get(end).is_some_and(|t| t.text(p.text) == "to")
            && toks.get(end + 1).is_some_and(|t| t.text(p.text) == "the")
            && toks.get(end + 2).is_some_and(|t| lex.roles.contains(&*lower(t.text(p.text))))
        {
            end += 3;
        }
        let range = toks[start].start()..toks[end - 1].end();
        let phrase = p.text.get(range.clone()).unwrap_or("");
        let shown = phrase.strip_prefix("the ").or_else(|| phrase.strip_prefix("The ")).unwrap_or(phrase);
        let shown = shown.strip_prefix("a ").or_else(|| shown.strip_prefix("an ")).unwrap_or(shown);
        let shown = shown.strip_prefix("A ").or_else(|| shown.strip_prefix("An ")).unwrap_or(shown);
        let mut m = Mention::named(EntityKind::Person, shown, p.index, range);
        m.key = Key::Role(lower(shown).replace('’', "'").into());
        m.named = false;
        m.set_role(Some(shown.to_string()));
        out.push(m);
        i = end;
    }
}
