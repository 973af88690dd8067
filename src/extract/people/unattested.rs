//! People the document never treats as people: in a text dense with places (a travel
//! guide), a name that no mention gives a title, a role, a verb of saying, a life date or a
//! personal pronoun after it is more often a foreign place's name (an island, a palace, a
//! street in another language) than a person's. Such a name is a place when a mention of it reads as one (after
//! "in" or "visit", a place word at its end, an entry of a list: the name, then ":" or a
//! dash and a description, or an address or a phone number after it), and no entity
//! otherwise.

use super::person_context;
use crate::document::EntityKind;
use crate::extract::lexicon::Lexicon;
use crate::extract::merge::{Key, Mention};
use crate::extract::pass::{Pass, lower};
use crate::extract::tokens::Kind;
use rustc_hash::FxHashMap as HashMap;

/// Pronouns that refer to a person.
const PRONOUNS: &[&str] = &["he", "she", "him", "his", "her", "himself", "herself", "hers"];

/// Words before a place's name ("visit Varenne", "near Quillot Bay").
const BEFORE_PLACE: &[&str] = &[
    "in", "at", "near", "to", "from", "around", "into", "visit", "visiting", "via", "towards", "toward",
    "across", "through", "between", "off", "outside", "inside",
];

/// Share of the named mentions of places and attested people that are places, at or above
/// which a document counts as dense with places; chosen by cross-validation (0.75 to 0.8 give
/// the same figures, 0.7 loses people of news articles).
const DENSITY: f32 = 0.8;

/// Named mentions of places a document needs at least before its people are doubted: an
/// academic paper citing authors has few places and few pronouns.
const MIN_PLACES: usize = 10;

/// The token range of a mention in its passage.
fn tokens(p: &Pass, m: &Mention) -> (usize, usize) {
    let first = p.toks.partition_point(|t| t.start() < m.range.start);
    let end = p.toks.partition_point(|t| t.start() < m.range.end);
    (first, end.max(first + 1))
}

/// True when a personal pronoun follows the mention in its sentence or the next one.
fn pronoun_after(p: &Pass, end: usize) -> bool {
    let mut starts = 0;
    for t in p.toks.iter().skip(end) {
        if t.sent_start() {
            starts += 1;
            if starts > 1 {
                break;
            }
        }
        if t.kind() == Kind::Word && PRONOUNS.contains(&&*lower(t.text(p.text))) {
            return true;
        }
    }
    false
}

/// True when the document says of the mention what it says of people.
fn attested(p: &Pass, m: &Mention, lex: &Lexicon) -> bool {
    if m.role().is_some() || !m.named {
        return true;
    }
    let (first, end) = tokens(p, m);
    person_context(p, first, end, lex) || pronoun_after(p, end) || cited(p, end)
}

/// A citation after an author's name: "et al.", or a year after a comma or a parenthesis
/// ("Klingberg, 2010", "Pratt (2012)").
fn cited(p: &Pass, end: usize) -> bool {
    let w = |i: usize| p.toks.get(i).map(|t| t.text(p.text)).unwrap_or("");
    let year = |i: usize| {
        p.toks.get(i).is_some_and(|t| t.kind() == Kind::Num)
            && w(i).parse::<u32>().is_ok_and(|y| (1500..=2100).contains(&y))
    };
    w(end) == "et" || matches!(w(end), "," | "(") && year(end + 1)
}

/// True when the mention reads as a place's name.
fn placelike(p: &Pass, m: &Mention, lex: &Lexicon) -> bool {
    let (first, end) = tokens(p, m);
    let w = |i: usize| p.toks.get(i).map(|t| t.text(p.text)).unwrap_or("");
    let kind = |i: usize| p.toks.get(i).map(|t| t.kind());
    let prev = first.checked_sub(1).map(|i| lower(w(i))).unwrap_or_default();
    if BEFORE_PLACE.contains(&&*prev) {
        return true;
    }
    if m.name.split(' ').next_back().is_some_and(|h| lex.place_heads.contains(h)) {
        return true;
    }
    // An entry of a list: the name opens its line, then ":" or a dash and a description.
    let next = w(end);
    if first == 0 && matches!(next, ":" | "-" | "–" | "—") {
        return true;
    }
    // An address, a phone number or a price after the name.
    next == "," && kind(end + 1) == Some(Kind::Num) || kind(end) == Some(Kind::Num)
}

/// Turns the people no mention attests into places, or drops them, in a document dense
/// with places.
pub fn places_not_people(passes: &[Pass], lex: &Lexicon, mentions: &mut Vec<Mention>) {
    // Per person key: attested, and read as a place somewhere.
    let mut verdict: HashMap<Key, (bool, bool)> = HashMap::default();
    for m in mentions.iter().filter(|m| m.kind == EntityKind::Person && matches!(m.key, Key::Name(_))) {
        let Some(p) = passes.get(m.passage) else { continue };
        // A long book names a person hundreds of times: each verdict is looked for until found.
        let v = verdict.entry(m.key.clone()).or_default();
        v.0 = v.0 || attested(p, m, lex);
        v.1 = v.1 || !p.headline && placelike(p, m, lex);
    }
    // A census given name first ("Paul Budd", "Kim Jong-un") is a person's unless a mention
    // reads as a place ("Marie Galante: the biggest island").
    for (key, v) in verdict.iter_mut() {
        let first = key.name().and_then(|n| n.split(' ').next()).unwrap_or("");
        let words = key.name().map_or(0, |n| n.split(' ').count());
        v.0 |= words >= 2 && lex.is_given(first) && !v.1;
    }
    // Dense with places: the places' mentions against the attested people's.
    let people = mentions
        .iter()
        .filter(|m| m.named && m.kind == EntityKind::Person && verdict.get(&m.key).is_none_or(|v| v.0))
        .count();
    let places = mentions.iter().filter(|m| m.named && m.kind == EntityKind::Place).count();
    if places < MIN_PLACES || (places as f32) < DENSITY * (people + places) as f32 {
        return;
    }
    mentions.retain_mut(|m| {
        if m.kind != EntityKind::Person {
            return true;
        }
        match verdict.get(&m.key) {
            Some((false, place)) => {
                if *place {
                    m.kind = EntityKind::Place;
                }
                *place
            }
            _ => true,
        }
    });
}

#[cfg(test)]
mod tests {
    use crate::document::EntityKind;
    use crate::extract::test_entities;

    fn kinds(text: &str, name: &str) -> Vec<EntityKind> {
        test_entities(text).into_iter().filter(|e| e.name == name).map(|e| e.kind).collect()
    }

    #[test]
    fn a_name_no_mention_attests_is_a_place_in_a_text_dense_with_places() {
        let entry = "Varenne Quillot: a quiet island with white beaches and a lighthouse.\n\n\
            The ferry to Varenne Quillot leaves Nantes daily.\n\n\
            In Lyon, Odile Brantome said the trains are late.";
        let cities = "Travel from Paris to Lyon and Marseille. Trains run to Nice, Toulouse and \
            Bordeaux. Lille, Nantes, Strasbourg and Rennes are near.\n\n";
        let dense = format!("{cities}{entry}");
        assert_eq!(kinds(&dense, "Varenne Quillot"), [EntityKind::Place]);
        // The person the text says something of stays a person.
        assert_eq!(kinds(&dense, "Odile Brantome"), [EntityKind::Person]);
        // Without the places around it the same entry is read as a person's name.
        assert_eq!(kinds(entry, "Varenne Quillot"), [EntityKind::Person]);
    }
}
