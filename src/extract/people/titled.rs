//! Names after a title ("President Trump", "Disney CEO Bob Iger", "Sens. Cory Booker") and
//! titles standing alone for an unnamed actor ("the Secretary of State").

use crate::document::EntityKind;
use crate::extract::lexicon::Lexicon;
use crate::extract::merge::{Key, Mention};
use crate::extract::names::{CONNECTORS, Chunk};
use crate::extract::pass::{Pass, lower};
use crate::extract::tokens::is_cap_word;

/// The number of leading words of `words` that form a title ("Prime Minister", "Dr.").
fn title_len(lex: &Lexicon, words: &[&str]) -> usize {
    (1..=words.len().min(4)).rev().find(|&n| lex.titles.contains(words[..n].join(" ").as_str())).unwrap_or(0)
}

/// Where the title of a chunk starts: after at most three words that say whose title it is
/// ("US President Barack Obama", "Disney CEO Bob Iger", "Hong Kong Chief Executive Carrie
/// Lam"), with a name after it; or at the start. The words before are an organisation or
/// a place, never part of the name.
fn title_start(lex: &Lexicon, words: &[&str]) -> usize {
    if title_len(lex, words) > 0 {
        return 0;
    }
    (1..=words.len().saturating_sub(2).min(3))
        .find(|&k| {
            let n = title_len(lex, &words[k..]);
            n > 0
                && k + n < words.len()
                && words[..k].iter().all(|w| is_cap_word(w) && !lex.titles.contains(*w))
                && !CONNECTORS.contains(&words[k + n])
        })
        .unwrap_or(0)
}

/// True for a place that is not also a person's name: after a title, "Dr. Holloway" and
/// "Queen Victoria" are people, "President Ukraine" is no one.
fn place_not_name(lex: &Lexicon, w: &str) -> bool {
    lex.places.get(w).is_some_and(|pl| {
        pl.kind != crate::extract::lexicon::PlaceKind::City || !(lex.surnames.contains(w) || lex.is_given(w))
    })
}

/// A name after a title ("General Jean Maximilien Lamarque"), or a title alone written as a
/// name ("the Secretary of State"), which stands for an unnamed actor.
pub fn titled(p: &Pass, c: &Chunk, lex: &Lexicon, out: &mut Vec<Mention>) -> bool {
    let all = c.words(p);
    let skip = title_start(lex, &all);
    let words = &all[skip..];
    let n = title_len(lex, words);
    if n == 0 {
        return false;
    }
    // "Mr. President": titles only.
    let mut n =
        if n < words.len() && title_len(lex, &words[n..]) == words.len() - n { words.len() } else { n };
    // "Lieutenant Colonel Denísov", "General Prince Bagratión": titles one after another.
    while n < words.len() {
        let more = title_len(lex, &words[n..]);
        if more == 0 || n + more >= words.len() {
            break;
        }
        n += more;
    }
    let mut rest = &words[n..];
    // "Minister of Education Stefania Giannini": the name starts at the given name after the
    // title's complement.
    let mut lead = 0;
    if rest.first().is_some_and(|w| CONNECTORS.contains(w))
        && let Some(k) = (2..rest.len().saturating_sub(1)).find(|&k| lex.is_given(rest[k]))
    {
        lead = k;
        rest = &rest[k..];
    }
    if rest.is_empty() && skip == 0 {
        // A bare title: a role only with an article before it ("the President", not "President").
        let prev = c.first.checked_sub(1).and_then(|i| p.toks.get(i)).map(|t| t.text(p.text));
        if !matches!(prev, Some("the" | "The")) || c.len() == 1 && words[0].ends_with('.') {
            return true;
        }
        // "the Office of the Inspector General": the title ends an organisation's name.
        let word = |k: Option<usize>| k.and_then(|k| p.toks.get(k)).map(|t| t.text(p.text));
        if word(c.first.checked_sub(2)) == Some("of") && word(c.first.checked_sub(3)).is_some_and(is_cap_word)
        {
            return true;
        }
        let mut range = c.range(p);
        if let Some(t) = p.toks.get(c.first - 1) {
            range.start = t.start();
        }
        let role = words.join(" ");
        let mut m = Mention::named(EntityKind::Person, &role, p.index, range);
        m.key = Key::Role(lower(&role).into());
        m.named = false;
        m.set_role(Some(role));
        out.push(m);
        return true;
    }
    // "Professor of Linguistics", "Emperor of Russia": a role of someone, not a name.
    if rest.is_empty()
        || CONNECTORS.contains(&rest[0])
        || rest.iter().any(|w| lex.org_cues.contains(w) || rest.len() == 1 && place_not_name(lex, w))
    {
        return false;
    }
    // "Gov. Gavin Newsom of California": the place after the name is not part of it.
    let of_place = rest.iter().position(|w| *w == "of").filter(|&j| {
        j >= 1 && lex.places.contains_key(rest[j + 1..].join(" ").as_str()) && rest.len() > j + 1
    });
    let name_len = of_place.unwrap_or(rest.len());
    let name = rest[..name_len].join(" ");
    let first_tok = c.first + skip + n + lead;
    let last_tok = first_tok + name_len - 1;
    // The mention holds the title ("President Trump"), not what it is of.
    let from = if lead > 0 { first_tok } else { c.first + skip };
    let mut range = c.range(p);
    if let (Some(t), Some(e)) = (p.toks.get(from), p.toks.get(last_tok)) {
        range = t.start()..e.end();
    }
    if skip > 0 {
        // The place the title is of ("US President", "Hong Kong Chief Executive").
        let (Some(s), Some(e)) = (p.toks.get(c.first), p.toks.get(c.first + skip - 1)) else { return false };
        let whose = all[..skip].join(" ");
        if let Some(pl) = lex.places.get(whose.as_str()) {
            out.push(Mention::named(EntityKind::Place, pl.canonical, p.index, s.start()..e.end()));
        }
    }
    if let Some(j) = of_place {
        let (Some(s), Some(e)) = (p.toks.get(last_tok + 2), p.toks.get(c.end - 1)) else { return false };
        let place = rest[j + 1..].join(" ");
        if let Some(pl) = lex.places.get(place.as_str()) {
            out.push(Mention::named(EntityKind::Place, pl.canonical, p.index, s.start()..e.end()));
        }
    }
    let mut m = Mention::named(EntityKind::Person, &name, p.index, range);
    m.set_role(Some(words[..n].join(" ")));
    out.push(m);
    true
}
