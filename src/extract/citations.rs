//! Authors cited by name and year are people, though their surnames are places too
//! ("Navarro (2016)", "Paraíso, (2000)", "(Thorell, Lindqvist, Nutley, & Bohlin, 2009)").
//! A country or a continent cited so is a report's author and stays a place ("(Canada,
//! 2010)"), and so does a title in a list of works with their years ("The Lookout (2007),
//! Halden (2013)").

use super::lexicon::{Lexicon, PlaceKind};
use super::merge::Mention;
use super::pass::Pass;
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
/// "Navarro's (2016)", "Paraíso, (2000)"), or a place in a bracketed list of authors that
/// ends in a year ("(Thorell, Lindqvist, & Bohlin, 2009)", "(García-Paje, 1991)").
fn cited(p: &Pass, toks: &Range<usize>) -> bool {
    let text = |i: usize| p.toks.get(i).map_or("", |t| t.text(p.text));
    let mut e = toks.end;
    if p.toks.get(e).is_some_and(|t| t.kind() == Kind::Poss) {
        e += 1;
    }
    if text(e) == "," && text(e + 1) == "(" {
        e += 1;
    }
    // Not a title's last word ("The Lady Who Walked in the Sea (1992)").
    let titled = toks.start > 0 && matches!(text(toks.start - 1), "the" | "a" | "an" | "of" | "in");
    if text(e) == "(" && year(p, e + 1) && !titled {
        return true;
    }
    // Inside brackets: back to "(" or ";" and on to a year over authors' names only.
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
}
