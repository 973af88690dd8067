//! Names without a title: a census given name ("Hermann Weyl"), initials ("J.J. Abrams"), a
//! census surname last, or context that only people have ("cosmonaut Yuri Gagarin", "Obama
//! said", "Galois, a French mathematician"); hyphenated pairs in headlines ("Trump-Putin
//! Talks").

use crate::document::EntityKind;
use crate::extract::lexicon::Lexicon;
use crate::extract::merge::Mention;
use crate::extract::names::{CONNECTORS, Chunk};
use crate::extract::pass::{Pass, Seen, lower};
use crate::extract::tokens::{Kind, is_cap_word};

/// Words that follow a person's possessive ("Galois' cousin", "her father's death").
const KIN: &[&str] = &[
    "father",
    "mother",
    "son",
    "daughter",
    "brother",
    "sister",
    "wife",
    "husband",
    "cousin",
    "uncle",
    "aunt",
    "nephew",
    "niece",
    "grandfather",
    "grandmother",
    "parents",
    "family",
    "widow",
    "friend",
    "friends",
    "career",
    "death",
    "birth",
    "childhood",
    "funeral",
    "biography",
    "biographers",
    "girlfriend",
    "boyfriend",
    "fiancé",
    "fiancée",
    "successor",
    "predecessor",
    "life",
];

/// Verbs that follow a person's name ("Dumas said", "Galois died").
const PERSON_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "tells",
    "added",
    "explained",
    "wrote",
    "writes",
    "died",
    "married",
    "argued",
    "recalled",
    "noted",
    "asked",
    "replied",
    "stated",
    "claimed",
    "insisted",
    "announced",
    "admitted",
];

/// True when every word could be part of a person's name.
pub fn name_shaped(lex: &Lexicon, words: &[&str]) -> bool {
    words.iter().all(|w| {
        CONNECTORS.contains(w)
            || is_cap_word(w)
                && !lex.org_cues.contains(w)
                && !lex.event_heads.contains(w)
                && !lex.is_demonym(w)
                && !lex.is_stop(&lower(w))
                && !lex.places.get(w).is_some_and(|p| {
                    p.kind != crate::extract::lexicon::PlaceKind::City
                        || p.population >= 100_000
                        || p.canonical != *w
                })
                && !(w.chars().count() >= 2 && w.chars().all(|c| c.is_uppercase()))
                && (w.chars().count() <= 3 || w.chars().any(char::is_lowercase))
                && !brand_like(w)
    })
}

/// A word with a capital inside, after three letters or more ("HealthSpace",
/// "YouTube", "PayPal"): a brand's name, not a person's. Name prefixes keep theirs
/// ("McDonald", "DeShawn", "MacArthur", "VanDyke", "FitzGerald").
fn brand_like(w: &str) -> bool {
    let mut prev_lower = false;
    for (i, c) in w.char_indices() {
        if c.is_uppercase() && prev_lower {
            let prefix = w[..i].rsplit(['-', '\'', '’']).next().unwrap_or("");
            let name_prefix =
                matches!(prefix, "Mac" | "Van" | "Von" | "Del" | "Della" | "Des" | "Dos" | "Fitz" | "Ten");
            return prefix.chars().count() >= 3 && !name_prefix;
        }
        prev_lower = c.is_lowercase();
    }
    false
}

/// Positions written before a name as titles are ("Administrator Jim Bridenstine",
/// "guitarist Tom Johnston"), besides the role nouns of the lexicon.
const POSITIONS: &[&str] = &[
    "administrator",
    "commissioner",
    "sheriff",
    "superintendent",
    "treasurer",
    "inspector",
    "guitarist",
    "drummer",
    "bassist",
    "quarterback",
];

/// True for a word that is no part of a person's name: a title or a role ("Lt", "Col.",
/// "Administrator", "Singer-guitarists"), an organisation word, a place, a nationality, an
/// abbreviation in capitals ("DL", "CEO") or a word the document writes in lowercase.
pub fn not_name_word(lex: &Lexicon, seen: &Seen, w: &str) -> bool {
    let l = lower(w);
    let role = |x: &str| {
        let one = x.strip_suffix('s').unwrap_or(x);
        [x, one].iter().any(|x| lex.roles.contains(*x) || POSITIONS.contains(x))
    };
    lex.titles.contains(w)
        || lex.titles.contains(format!("{w}.").as_str())
        || role(&l)
        || l.contains('-') && l.split('-').any(role)
        || lex.org_cues.contains(w)
        || lex.places.contains_key(w) && !lex.is_given(w)
        || lex.is_demonym(w)
        || w.chars().count() >= 2 && w.chars().all(|c| c.is_uppercase())
        || seen.contains(&l)
}

/// Where a person's name starts in a run of capitalised words: after the last word that is
/// no part of a name, when a given name follows it ("Cleveland DL Larry Ogunjobi", "European
/// Union Gordon Sondland", "Lt Col Alexander Vindman"), or any name after titles and roles
/// alone ("Administrator Bridenstine"). The words before say whose title or team it is; 0
/// when the run is a name throughout.
pub fn name_start(lex: &Lexicon, seen: &Seen, words: &[&str]) -> usize {
    let n = words.len();
    if n < 2 {
        return 0;
    }
    let Some(last_not) = (0..n - 1).rev().find(|&i| not_name_word(lex, seen, words[i])) else { return 0 };
    let k = last_not + 1;
    // "University of Santa Catarina": a name after "of" is what the title or the
    // organisation is of.
    if CONNECTORS.contains(&words[last_not]) || CONNECTORS.contains(&words[k]) || !is_cap_word(words[k]) {
        return 0;
    }
    let titles_only = words[..k].iter().all(|w| {
        let l = lower(w);
        lex.titles.contains(*w)
            || lex.titles.contains(format!("{w}.").as_str())
            || lex.roles.contains(&*l)
            || POSITIONS.contains(&&*l)
    });
    // The name left is a name: no common word but a given name or a surname ("NASA Glenn
    // Research" is no person).
    let namely = |w: &&str| lex.is_given(w) || lex.surnames.contains(w) || !lex.common.contains(&lower(w));
    let given = lex.is_given(words[k]) && n - k >= 2 && !CONNECTORS.contains(&words[k + 1]);
    if (given || titles_only) && words[k..].iter().all(namely) { k } else { 0 }
}

/// A named person: a given name first ("Hermann Weyl"), initials ("Charles J. Fillmore"), a
/// census surname last, or context that only people have: a role noun before ("mathematician
/// Hermann Weyl"), a verb of saying, "who" or an appositive role after ("Dumas said",
/// "Galois, a French mathematician"). A single word needs a given name or such context.
pub fn named(p: &Pass, c: &Chunk, lex: &Lexicon, seen: &Seen, out: &mut Vec<Mention>) -> bool {
    let mut words = c.words(p);
    let mut end = c.end;
    let mut affiliation = None;
    // A trailing honour in capitals ("Daniel Bernoulli FRS") is not part of the name.
    while words.len() > 1 && words.last().is_some_and(|w| w.len() >= 2 && w.chars().all(|c| c.is_uppercase()))
    {
        words.pop();
        end -= 1;
    }
    // "Raymond Chan of People Power", "Gary Chan of DAB": a full name before "of" is the
    // person, and what follows is whose member they are. A trailing honour gone, "of" ends
    // no name ("Gary Chan of").
    let of = words.iter().position(|w| *w == "of");
    if let Some(k) = of.filter(|&k| full_before_of(lex, seen, &words[..k])) {
        affiliation = p.toks.get(c.first + k + 1).zip(p.toks.get(c.end - 1)).map(|(s, e)| s.start()..e.end());
        words.truncate(k);
        end = c.first + k;
    }
    while words.len() > 1 && words.last().is_some_and(|w| CONNECTORS.contains(w)) {
        words.pop();
        end -= 1;
    }
    // "Cleveland DL Larry Ogunjobi": the team and the position before the name are not
    // part of it; a place there is a place of its own.
    let start = name_start(lex, seen, &words);
    let whose: Vec<&str> = words.drain(..start).collect();
    let first_tok = c.first + start;
    let full_name = words.len() >= 2
        && lex.is_given(words[0])
        && lex.surnames.contains(words[words.len() - 1])
        && words.iter().all(|w| is_cap_word(w) && !lex.org_cues.contains(w));
    if words.len() > 4 || !full_name && !name_shaped(lex, &words) {
        return false;
    }
    if words.iter().filter(|w| CONNECTORS.contains(w)).count() > 1 {
        return false;
    }
    let first = words[0];
    let last = words[words.len() - 1];
    let given = lex.is_given(first) && !lex.places.contains_key(first);
    let initials =
        words.iter().any(|w| w.ends_with('.') && w.chars().filter(|c| c.is_alphabetic()).count() <= 2);
    // Surnames that are also words ("Chasing Liberty", "Burning Man") need every word unseen in lowercase.
    let surname = lex.surnames.contains(last)
        && words.iter().all(|w| !seen.contains(&lower(w)) && !w.ends_with("ing") && !w.ends_with("ed"));
    // "Leung Kwok-hung": a surname, then a romanised Chinese or Korean given name.
    let surname = surname || words.len() == 2 && lex.surnames.contains(first) && hyphenated_given(last);
    let context = person_context(p, first_tok, c.end, lex);
    // Measured on the annotated articles and left out: a re-mention by the last word alone, a
    // census surname alone, a personal pronoun after the name, or any two unknown words never
    // written in lowercase gave more false people (film titles, teams, foreign place names)
    // than true ones.
    let ok = match words.len() {
        // A given name alone is a person only with context, or as part of a full name found later.
        1 => context || given && seen.count(first) >= 2 && !c_sent_start(p, c),
        _ => given || initials || surname || context,
    };
    if !ok {
        return false;
    }
    let (Some(s), Some(e)) = (p.toks.get(first_tok), p.toks.get(end - 1)) else { return false };
    let mut m = Mention::named(EntityKind::Person, &words.join(" "), p.index, s.start()..e.end());
    if !whose.is_empty()
        && whose.iter().all(|w| {
            lex.titles.contains(*w) || lex.roles.contains(&*lower(w)) || POSITIONS.contains(&&*lower(w))
        })
    {
        m.set_role(Some(whose.join(" ")));
    }
    out.push(m);
    // "Rita Okafor of Ohio": the place is one of its own.
    if let Some(r) = affiliation
        && let Some(pl) = p.text.get(r.clone()).and_then(|a| lex.places.get(a))
    {
        out.push(Mention::named(EntityKind::Place, pl.canonical, p.index, r));
    }
    let (Some(pl), Some(s), Some(e)) = (
        lex.places.get(whose.join(" ").as_str()),
        p.toks.get(c.first),
        p.toks.get(first_tok.wrapping_sub(1)),
    ) else {
        return true;
    };
    out.push(Mention::named(EntityKind::Place, pl.canonical, p.index, s.start()..e.end()));
    true
}

/// True for a person's full name before "of" ("Raymond Chan of People Power", "Leung
/// Kwok-hung of LSD"): two words or more, capitalised and none an organisation's, a place's
/// or a title's word, with a given name first, a census surname last, or a surname and a
/// hyphenated given name ("Leung Kwok-hung"). One word is a title's ("Catherine of Aragon").
fn full_before_of(lex: &Lexicon, seen: &Seen, words: &[&str]) -> bool {
    let (Some(first), Some(last)) = (words.first(), words.last()) else { return false };
    (2..=3).contains(&words.len())
        && words.iter().all(|w| {
            is_cap_word(w)
                && !lex.org_cues.contains(w)
                && !lex.place_heads.contains(w)
                && !lex.titles.contains(w)
                && !seen.contains(&lower(w))
        })
        && (lex.is_given(first) && !lex.places.contains_key(first)
            || lex.surnames.contains(last)
            || lex.surnames.contains(first) && hyphenated_given(last))
}

/// True for a hyphenated given name of two short syllables, the second in lowercase, as
/// Chinese and Korean given names are romanised ("Kwok-hung", "Chi-fung", "Joo-ho").
pub fn hyphenated_given(w: &str) -> bool {
    let Some((a, b)) = w.split_once('-') else { return false };
    let syllable =
        |s: &str| (2..=5).contains(&s.chars().count()) && s.chars().all(|c| c.is_ascii_alphabetic());
    syllable(a)
        && syllable(b)
        && a.starts_with(|c: char| c.is_ascii_uppercase())
        && a.chars().skip(1).all(|c| c.is_ascii_lowercase())
        && b.chars().all(|c| c.is_ascii_lowercase())
}

fn c_sent_start(p: &Pass, c: &Chunk) -> bool {
    p.toks.get(c.first).is_some_and(|t| t.sent_start())
}

/// Context around tokens `first..end` that only people have.
pub fn person_context(p: &Pass, first: usize, end: usize, lex: &Lexicon) -> bool {
    let w = |i: usize| p.toks.get(i).map(|t| t.text(p.text)).unwrap_or("");
    let next = w(end);
    if PERSON_VERBS.contains(&next) || next == "(" && matches!(w(end + 1), "born" | "née" | "b.") {
        return true;
    }
    // "Galois' cousin", "Padalecki's father": kin and life words after a possessive.
    if p.toks.get(end).is_some_and(|t| t.kind() == Kind::Poss) && KIN.contains(&w(end + 1)) {
        return true;
    }
    // "(1811–1832)", "(born 1970)": life dates.
    if next == "("
        && p.toks.get(end + 1).is_some_and(|t| t.kind() == Kind::Num && t.end() - t.start() == 4)
        && matches!(w(end + 2), "–" | "-" | "—")
    {
        return true;
    }
    // "directed by X", "written by X".
    if first >= 2
        && w(first - 1) == "by"
        && ["directed", "written", "painted", "composed", "founded", "led"].contains(&w(first - 2))
    {
        return true;
    }
    // ", who", ", a retired teacher": an apposition that only a person has.
    if next == "," && w(end + 1) == "who" || apposed_person(p, end, lex) {
        return true;
    }
    // "mathematician Hermann Weyl", "French realist Jules Bastien-Lepage".
    first > 0 && {
        let prev = lower(w(first - 1));
        lex.roles.contains(&*prev)
            || ["realist", "painter", "poet", "singer", "rapper", "actress"].contains(&&*prev)
    }
}

/// Nouns for a person in an apposition after a name ("Valeska Paris, an Australian woman").
const PERSON_NOUNS: &[&str] = &[
    "woman",
    "man",
    "girl",
    "boy",
    "teenager",
    "mother",
    "father",
    "son",
    "daughter",
    "wife",
    "husband",
    "widow",
    "grandmother",
    "grandfather",
];

/// True when the name that ends before token `end` is set beside a person's noun, after a
/// comma and an article ("Valeska Paris, an Australian woman and former Scientologist", "X,
/// the mother of two", "X, a retired teacher"): whatever else the name could be, the text
/// says it is a person.
pub fn apposed_person(p: &Pass, end: usize, lex: &Lexicon) -> bool {
    let w = |i: usize| p.toks.get(i).map(|t| t.text(p.text)).unwrap_or("");
    w(end) == ","
        && matches!(w(end + 1), "a" | "an" | "the")
        && (end + 2..end + 6)
            .map_while(|i| p.toks.get(i).filter(|t| t.kind() == Kind::Word))
            .map(|t| lower(t.text(p.text)))
            .any(|l| PERSON_NOUNS.contains(&&*l) || lex.roles.contains(&*l))
}

/// In a headline, a pair of names joined by a hyphen before an event word ("Trump-Putin
/// Talks"): the parts are the participants.
pub fn headline_pairs(p: &Pass, lex: &Lexicon, out: &mut Vec<Mention>) {
    for (i, t) in p.toks.iter().enumerate() {
        let w = t.text(p.text);
        if t.kind() != Kind::Word || !w.contains('-') {
            continue;
        }
        let next = p.toks.get(i + 1).map(|t| lower(t.text(p.text))).unwrap_or_default();
        if !lex.triggers.contains_key(&*next) {
            continue;
        }
        let parts: Vec<&str> = w.split('-').collect();
        if parts.len() != 2 || !parts.iter().all(|x| is_cap_word(x) && name_shaped(lex, &[x])) {
            continue;
        }
        if parts.iter().any(|x| lex.places.contains_key(x)) {
            continue;
        }
        let mut at = t.start();
        for part in parts {
            out.push(Mention::named(EntityKind::Person, part, p.index, at..at + part.len()));
            at += part.len() + 1;
        }
    }
}

/// A word that reads as a verb after a role noun ("the envoy said", "the minister arrives").
pub fn verb_like(w: &str) -> bool {
    PERSON_VERBS.contains(&w) || w.ends_with("ed") || w.ends_with('s') && !w.ends_with("ss")
}

#[cfg(test)]
mod tests {
    use super::brand_like;

    #[test]
    fn brands_are_told_from_name_prefixes() {
        for (w, brand) in [
            ("HealthSpace", true),
            ("YouTube", true),
            ("PayPal", true),
            ("McDonald", false),
            ("DeShawn", false),
            ("MacArthur", false),
            ("FitzGerald", false),
            ("Jean-Louis", false),
            ("O'Brien", false),
            ("Smith", false),
        ] {
            assert_eq!(brand_like(w), brand, "{w}");
        }
    }
}
