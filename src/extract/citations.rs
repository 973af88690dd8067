//! Authors cited by name and year are people, though their surnames are places too
//! ("Navarro (2016)", "Paraíso, (2000)", "(Thorell, Lindqvist, Nutley, & Bohlin, 2009)").
//! A country or a continent cited so is a report's author and stays a place ("(Canada,
//! 2010)"), and so does a title in a list of works with their years ("The Lookout (2007),
//! Halden (2013)").

use super::lexicon::{Lexicon, PlaceKind};
use super::merge::Mention;
use super::names::Chunk;
use super::pass::{Pass, lower};
use super::tokens::Kind;
use crate::document::EntityKind;
use std::ops::Range;

/// True for a year of publication at token `i` ("2009", "2009a").
fn year(p: &Pass, i: usize) -> bool {
    p.toks.get(i).is_some_and(|t| {
        let w = t.text(p.text);
        let digits = w.trim_end_matches(|c: char| c.is_ascii_lowercase());
        digits.len() == 4
            && w.len() <= 5
            && digits.bytes().all(|b| b.is_ascii_digit())
            && (1500..2100).contains(&digits.parse::<u32>().unwrap_or(0))
    })
}

/// True for a token of a list of authors: a capitalised word, a comma, "&", "and", "et",
/// "al" or a full stop.
fn author_list(p: &Pass, i: usize) -> bool {
    p.toks.get(i).is_some_and(|t| {
        let w = t.text(p.text);
        t.is_cap(p.text) || matches!(w, "," | "&" | "and" | "et" | "al" | "al." | "." | "-")
    })
}

/// True when the name at `toks` is cited: a year in brackets after it ("Navarro (2016)",
/// "Navarro's (2016)", "Paraíso, (2000)"), or a name in a bracketed list of authors that
/// ends in a year ("(Thorell, Lindqvist, & Bohlin, 2009)", "(García-Paje, 1991)").
fn cited(p: &Pass, toks: &Range<usize>) -> bool {
    dated(p, toks) || listed(p, toks)
}

/// True when a year in brackets follows the name at `toks` ("Navarro (2016)", "Navarro's
/// (2016)", "Paraíso, (2000)"), and the name does not end a title ("The Lady Who Walked in
/// the Sea (1992)").
fn dated(p: &Pass, toks: &Range<usize>) -> bool {
    let text = |i: usize| p.toks.get(i).map_or("", |t| t.text(p.text));
    let mut e = toks.end;
    if p.toks.get(e).is_some_and(|t| t.kind() == Kind::Poss) {
        e += 1;
    }
    if text(e) == "," && text(e + 1) == "(" {
        e += 1;
    }
    let titled = toks.start > 0 && matches!(text(toks.start - 1), "the" | "a" | "an" | "of" | "in");
    text(e) == "(" && year(p, e + 1) && !titled
}

/// True when the name at `toks` is in a bracketed list of authors that ends in a year:
/// back to "(" or ";" and on to ", year" over authors' names only ("(Thorell, Lindqvist, &
/// Bohlin, 2009)", "(Klingberg et al., 2005; Dye & Bavelier, 2010)").
fn listed(p: &Pass, toks: &Range<usize>) -> bool {
    let text = |i: usize| p.toks.get(i).map_or("", |t| t.text(p.text));
    let mut b = toks.start;
    while b > 0 && author_list(p, b - 1) && toks.start - b < 16 {
        b -= 1;
    }
    let opened = b > 0 && matches!(text(b - 1), "(" | ";");
    let mut f = toks.end;
    while author_list(p, f) && f - toks.end < 16 {
        f += 1;
    }
    opened && f > toks.end && text(f - 1) == "," && year(p, f)
}

/// True when a text cites by author and year: it has two bracketed lists of authors or more
/// that end in a year ("(Dye & Bavelier, 2010)"). Elsewhere a name before a year in
/// brackets is more often a film's or a book's ("Fargo (1996)") or a publisher's ("(Grand
/// Central Publishing, 2018)") than an author's.
pub fn scholarly(passes: &[Pass]) -> bool {
    // A digit first is tested before anything else: every token of a book is looked at.
    let digit = |p: &Pass, i: usize| p.text.as_bytes().get(p.toks[i].start()).is_some_and(u8::is_ascii_digit);
    let cites = |p: &Pass, i: usize| {
        digit(p, i)
            && p.toks[i - 1].text(p.text) == ","
            && year(p, i)
            && p.toks[i - 2].is_cap(p.text)
            && listed(p, &(i - 2..i - 1))
    };
    let body = passes.iter().filter(|p| !p.headline);
    body.flat_map(|p| (2..p.toks.len()).filter(move |&i| cites(p, i))).nth(1).is_some()
}

/// Claims an unclaimed chunk of body text of a text that cites so ([`scholarly`]) as a person
/// when it names an author cited by name and year: in a bracketed list of authors ("(Dye
/// & Bavelier, 2010)", "(Boot, Kramer, & Gratton, 2008)") or before a bracketed year
/// ("Prensky (2001) argues"). Acronyms, months, words of organisations' names ("Institute",
/// "Publishing"), part of a longer name and titles in a list of works with their years are
/// not authors.
pub fn author(p: &Pass, c: &Chunk, lex: &Lexicon, out: &mut Vec<Mention>) -> bool {
    let words = c.words(p);
    let toks = c.first..c.end;
    let acronym =
        |w: &str| w.chars().filter(|c| c.is_alphabetic()).count() > 1 && !w.chars().any(char::is_lowercase);
    let plain = |w: &&str| {
        let l = lower(w);
        !acronym(w)
            && !lex.org_cues.contains(*w)
            && !lex.company_heads.contains(*w)
            && !lex.function.contains(&*l)
            && !crate::calendar::is_month_or_weekday(&l)
    };
    // The whole of a name: no capitalised word before it ("(Three Sinners, 1950)").
    let whole = c.first == 0 || !p.toks[c.first - 1].is_cap(p.text);
    if words.is_empty() || words.len() > 3 || !words.iter().all(plain) || !whole {
        return false;
    }
    if !cited(p, &toks) || super::works::titles_in(p, lex, 1).contains(&c.first) {
        return false;
    }
    out.push(Mention::named(EntityKind::Person, &words.join(" "), p.index, c.range(p)));
    true
}

/// Turns the places cited as authors into people.
pub fn find(passes: &[Pass], lex: &Lexicon, mentions: &mut [Mention]) {
    for m in mentions.iter_mut().filter(|m| m.named && m.kind == EntityKind::Place) {
        let Some(p) = passes.get(m.passage).filter(|p| !p.headline) else { continue };
        let Some(toks) = p.tokens_of(&m.range) else { continue };
        let Some(text) = p.text.get(m.range.clone()) else { continue };
        let nation = lex
            .places
            .get(text)
            .is_some_and(|pl| matches!(pl.kind, PlaceKind::Country | PlaceKind::Continent));
        // Not a name in a passage of names with years of which one is shaped like a title
        // ("The Lookout (2007), Halden (2013)").
        if !nation && cited(p, &toks) && !super::works::titles_in(p, lex, 1).contains(&toks.start) {
            m.kind = EntityKind::Person;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::document::EntityKind;
    use crate::extract::assert_names;

    #[test]
    fn places_cited_as_authors_are_people() {
        let text = "Working memory grows with training (Klingberg et al., 2005; Thorell, Lindqvist, \
            Dunmore, & Klingberg, 2009). Others, such as Navarro (2016), disagree.";
        assert_names(text, |e| e.kind == EntityKind::Place, &[]);
        assert_names(text, |e| e.kind == EntityKind::Person && e.name == "Navarro", &["Navarro"]);
        // A country is a report's author.
        let report = "Prices rose (Canada, 2010).";
        assert_names(report, |e| e.kind == EntityKind::Place, &["Canada"]);
    }

    #[test]
    fn authors_cited_with_years_are_people_though_their_names_are_words() {
        let text = "Action games train attention (Dye & Bavelier, 2010; Boot, Kramer, & Gratton, \
            2008). Prensky (2001) agrees, as do others (McManus & Marsden, 2017).";
        let people = |e: &crate::document::Entity| e.kind == EntityKind::Person;
        assert_names(
            text,
            people,
            &["Bavelier", "Boot", "Dye", "Gratton", "Kramer", "Marsden", "McManus", "Prensky"],
        );
        // Where nobody is cited so, a name before a year is a film's or a book's.
        let films = "She starred in Heat (1995) and Ransom (1996).";
        assert_names(films, people, &[]);
    }
}
