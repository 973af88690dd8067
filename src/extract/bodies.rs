//! Names the rules or the tagger left as people or places that the text shows to be
//! organisations: a facility that acts as a body, a company by what is said of it, a name
//! whose acronym the text defines. Every occurrence of such a name is the organisation.
//!
//! - A facility's name ("Zorvex Space Center", "the Quill Observatory") where someone works
//!   for it ("a scientist at NASA's Zorvex Space Center", "researchers at the Quill
//!   Observatory"); a hall of fame, which inducts, honours and has classes, wherever no
//!   preposition of place stands before it and no museum after it ("the Hall of Fame and
//!   Museum" is the building).
//! - A company by its shares, its spokesperson, its statements, its products or what it
//!   makes ("shares of Zorvex", "a spokesperson for Zorvex", "Zorvex said in a statement",
//!   "one of Zorvex's cameras", "Zorvex, which makes", "analysts surveyed by Zorvex"): never
//!   a given name or a person's name, and, for what a person may do too, no surname either.
//! - A maker's name written alone ("Teens love Apple's AirPods", "Google has bought").
//! - An institution's name in another language ("Universidade da Coruña", "Conservatoire
//!   de Paris").
//! - An award read as an organisation is none ("the Stirling Prize").
//! - A person's name followed by its acronym in brackets ("Zorvex Nano Systems (ZNS)"):
//!   people have no acronyms (places do: "United Arab Emirates (UAE)").

use super::lexicon::Lexicon;
use super::merge::Mention;
use super::pass::{Pass, lower};
use super::tokens::Kind;
use crate::document::EntityKind;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::ops::Range;

/// Last words of a facility's name that may name the body running it.
const FACILITY_HEADS: &[&str] =
    &["Center", "Centre", "Observatory", "Laboratory", "Lab", "Museum", "Institute", "Library"];

/// Prepositions of place before a hall of fame: there it is the building.
const PLACE_PREPS: &[&str] = &["in", "at", "near", "outside", "inside", "to", "visit", "visited", "visiting"];

/// Nouns of a company's products after its possessive ("Zorvex's cameras").
const PRODUCTS: &[&str] = &[
    "products",
    "devices",
    "cameras",
    "phones",
    "smartphones",
    "laptops",
    "tablets",
    "speakers",
    "apps",
    "services",
    "stores",
    "platform",
    "software",
    "chips",
    "vehicles",
    "cars",
    "flights",
];

/// Words before "of" that make what follows a company ("shares of Zorvex").
const OWNED_OF: &[&str] =
    &["shares", "stock", "stake", "shareholders", "stockholders", "ceo", "cfo", "owner"];

/// Words before "for" that make what follows an organisation ("a spokesperson for Zorvex").
const SPEAKS_FOR: &[&str] = &["spokesperson", "spokesman", "spokeswoman", "spokespeople", "representative"];

/// Participles before "by" whose agent is a data firm or a buyer ("analysts surveyed by
/// Zorvex", "acquired by Zorvex").
const BY_FIRM: &[&str] = &["surveyed", "polled", "compiled", "acquired"];

/// Verbs of a company's trade after ", which" ("Zorvex, which makes").
const TRADES: &[&str] = &["makes", "sells", "owns", "operates", "manufactures", "produces", "develops"];

/// The lowercase form of token `i`, "" outside the passage.
fn word<'a>(p: &Pass<'a>, i: usize) -> std::borrow::Cow<'a, str> {
    p.toks.get(i).map_or("".into(), |t| lower(t.text(p.text)))
}

/// The token before a name over "the" and an owner's possessive ("at NASA's Zorvex
/// Center", "at the Quill Observatory"): its index, if any.
fn before_name(p: &Pass, start: usize) -> Option<usize> {
    let mut i = start.checked_sub(1)?;
    if p.toks[i].kind() == Kind::Poss {
        i = i.checked_sub(1)?;
        while i > 0 && p.toks[i].is_cap(p.text) && p.toks[i - 1].is_cap(p.text) {
            i -= 1;
        }
        i = i.checked_sub(1)?;
    }
    if word(p, i) == "the" {
        i = i.checked_sub(1)?;
    }
    Some(i)
}

/// True for a role noun or its plural ("scientist", "researchers").
fn role(lex: &Lexicon, w: &str) -> bool {
    lex.roles.contains(w) || w.strip_suffix('s').is_some_and(|s| lex.roles.contains(s))
}

/// True when someone works for the name at `toks`: a role and "at", "of" or "with" before
/// it ("a planetary scientist at NASA's Zorvex Center", "the director of the Quill Lab").
fn works_for(p: &Pass, toks: &Range<usize>, lex: &Lexicon) -> bool {
    let Some(i) = before_name(p, toks.start) else { return false };
    matches!(word(p, i).as_ref(), "at" | "of" | "with") && i > 0 && role(lex, &word(p, i - 1))
}

/// The token range of "Hall of Fame" in a name, if it has one.
fn hall_of_fame(p: &Pass, toks: &Range<usize>) -> Option<usize> {
    (toks.start..toks.end.saturating_sub(2)).find(|&i| {
        p.toks[i].text(p.text) == "Hall" && word(p, i + 1) == "of" && p.toks[i + 2].text(p.text) == "Fame"
    })
}

/// True when what the text says at the name at `toks` is said of a company. `strong` cues
/// are said of companies alone; the others of a person at times too.
fn company(p: &Pass, toks: &Range<usize>) -> (bool, bool) {
    let (s, e) = (toks.start, toks.end);
    let w = |i: Option<usize>| i.map_or("".into(), |i| word(p, i));
    let (b1, b2) = (w(s.checked_sub(1)), w(s.checked_sub(2)));
    let poss = p.toks.get(e).is_some_and(|t| t.kind() == Kind::Poss);
    let owned = poss && super::tagged::company_noun(&word(p, e + 1));
    let strong = b1 == "of" && OWNED_OF.contains(&b2.as_ref())
        || b1 == "for" && SPEAKS_FOR.contains(&b2.as_ref())
        || b1 == "by" && BY_FIRM.contains(&b2.as_ref())
        || owned
        || word(p, e) == "," && word(p, e + 1) == "which" && TRADES.contains(&word(p, e + 2).as_ref());
    let said = word(p, e) == "said"
        && word(p, e + 1) == "in"
        && matches!(word(p, e + 2).as_ref(), "a" | "an")
        && matches!(word(p, e + 3).as_ref(), "statement" | "filing" | "release");
    let products = poss && PRODUCTS.contains(&word(p, e + 1).as_ref())
        || poss
            && p.toks.get(e + 1).is_some_and(|t| t.kind() == Kind::Word && !t.is_cap(p.text))
            && PRODUCTS.contains(&word(p, e + 2).as_ref());
    (strong, said || products)
}

/// True for an acronym of the name at `toks` in brackets right after it.
fn acronym_after(p: &Pass, toks: &Range<usize>) -> bool {
    if word(p, toks.end) != "(" || word(p, toks.end + 2) != ")" {
        return false;
    }
    let short = p.toks.get(toks.end + 1).map_or("", |t| t.text(p.text));
    let initials: String = p.toks[toks.clone()]
        .iter()
        .filter_map(|t| t.text(p.text).chars().next())
        .filter(char::is_ascii_uppercase)
        .collect();
    short.len() >= 2 && short == initials
}

/// Verbs after a maker's name at a sentence's start that make it the maker ("Apple is
/// holding", "Zorvex has bought"), not a common word ("Apple trees").
const MAKER_VERBS: &[&str] = &[
    "is",
    "was",
    "has",
    "had",
    "will",
    "would",
    "said",
    "says",
    "announced",
    "unveiled",
    "launched",
    "released",
    "bought",
    "acquired",
    "reported",
    "plans",
    "wants",
    "makes",
    "sells",
    "offers",
    "confirmed",
    "denied",
];

/// A maker's name written alone is the maker (data/brands.txt): "Teens love Apple's
/// AirPods", "Google has bought". Not before another capitalised word ("Amazon Alexa" is a
/// product's name), after an article or an owner ("the Amazon", "Webb's Ford"), after a
/// title, at a sentence's start but before a verb of the maker, nor a word of a person's
/// name in the text ("Nikola Tesla").
fn makers<'a>(passes: &[Pass<'a>], lex: &Lexicon, mentions: &mut Vec<Mention>) {
    let brands = super::works::brands();
    // Each half of a long text looked through on its own thread.
    let look = |half: &[Pass<'a>]| {
        let mut found: Vec<(usize, Range<usize>, &'a str)> = Vec::new();
        let mut titled: HashSet<&'a str> = HashSet::default();
        for p in half.iter().filter(|p| !p.headline) {
            let cap = |i: usize| p.toks.get(i).is_some_and(|t| t.is_cap(p.text));
            for (i, t) in p.toks.iter().enumerate() {
                let w = t.text(p.text);
                // Every maker's name has a capital ("eBay" too): most words are looked up in no list.
                let cased = |w: &str| w.bytes().any(|b| b.is_ascii_uppercase()) || !w.is_ascii();
                if t.kind() != Kind::Word || !cased(w) || !brands.contains(w) || lex.is_given(w) {
                    continue;
                }
                let prev = i.checked_sub(1).map_or("", |b| p.toks[b].text(p.text));
                if lex.titles.contains(prev) {
                    titled.insert(w);
                }
                let opening = t.sent_start() && !MAKER_VERBS.contains(&word(p, i + 1).as_ref());
                // "a Ford", "Webb's Ford": an owner's or an article before it makes it a product.
                let owned = i > 0 && p.toks[i - 1].kind() == Kind::Poss
                    || matches!(
                        prev,
                        "the" | "a" | "an" | "his" | "her" | "my" | "their" | "our" | "your" | "its"
                    );
                if i > 0 && cap(i - 1) && !t.sent_start() || cap(i + 1) || owned || opening {
                    continue;
                }
                found.push((p.index, t.start()..t.end(), w));
            }
        }
        (found, titled)
    };
    let ((mut found, mut titled), (more, also)) = super::pass::halves(passes, look);
    found.extend(more);
    titled.extend(also);
    found.retain(|(_, _, w)| !titled.contains(w));
    // No word of a person's name of two words or more ("Henry Ford") is a maker.
    if !found.is_empty() {
        let person_words: HashSet<&str> = mentions
            .iter()
            .filter(|m| m.named && m.kind == EntityKind::Person)
            .filter_map(|m| passes.get(m.passage)?.text.get(m.range.clone()))
            .filter(|t| t.contains(' '))
            .flat_map(str::split_whitespace)
            .collect();
        found.retain(|(_, _, w)| !person_words.contains(w));
    }
    if found.is_empty() {
        return;
    }
    let taken = super::merge::Occupied::of(mentions, &[]);
    let at: HashMap<(usize, usize, usize), usize> =
        mentions.iter().enumerate().map(|(i, m)| ((m.passage, m.range.start, m.range.end), i)).collect();
    for (passage, range, w) in found {
        match at.get(&(passage, range.start, range.end)) {
            Some(&i) => {
                let m = &mut mentions[i];
                if m.named && matches!(m.kind, EntityKind::Person | EntityKind::Place) {
                    m.kind = EntityKind::Organization;
                }
            }
            None if !taken.overlaps(passage, &range) => {
                mentions.push(Mention::named(EntityKind::Organization, w, passage, range));
            }
            None => {}
        }
    }
}

/// Last words of an award's name: an award is no organisation ("the Stirling Prize", "the
/// Royal Gold Medal"), though the words mark names that are no person's or place's. A
/// ceremony's "Awards" is an event's.
const AWARDS: &[&str] = &["Prize", "Award", "Medal", "Trophy"];

/// First words of institutions' names in other languages ("Universidade da Coruña",
/// "Conservatoire de Paris", "Centro de investigación").
const OPENERS: &[&str] = &[
    "Universidade",
    "Universidad",
    "Università",
    "Université",
    "Universität",
    "Universiteit",
    "Conservatoire",
    "Conservatorio",
    "Instituto",
    "Institut",
    "Istituto",
    "Centro",
    "Escola",
    "Escuela",
    "Colegio",
    "Collège",
    "Lycée",
    "Académie",
    "Academia",
    "Fundación",
    "Fundação",
    "Fondazione",
    "Banco",
    "Banque",
    "Compagnie",
    "Société",
    "Sociedad",
    "Partido",
    "Parti",
    "Ministerio",
    "Ministère",
];

/// Lowercase words after an institution's first word in other languages.
const OPENER_JOINS: &[&str] = &["de", "da", "do", "di", "du", "des", "del", "della", "der", "für", "per"];

/// True for an institution's name in another language: an opener and another word, or an
/// opener alone before a preposition ("Centro de investigación").
fn foreign_institution(p: &Pass, toks: &Range<usize>) -> bool {
    let first = p.toks[toks.start].text(p.text);
    OPENERS.contains(&first) && (toks.len() >= 2 || OPENER_JOINS.contains(&word(p, toks.end).as_ref()))
}

/// Last words of an organisation's name besides a company's heads (data/company_heads.txt):
/// a capitalised name ending in one is an organisation ("the Quillmoor Water Authority",
/// "The Zorvex Nano Corporation").
const ORG_HEADS: &[&str] = &[
    "Corporation",
    "Company",
    "Party",
    "Association",
    "Society",
    "Foundation",
    "Institute",
    "University",
    "College",
    "Academy",
    "Council",
    "Committee",
    "Commission",
    "Agency",
    "Authority",
    "Administration",
    "Department",
    "Ministry",
    "Bureau",
    "Court",
    "Parliament",
    "Police",
    "Bank",
    "League",
    "Federation",
    "Organisation",
    "Organization",
    "Airlines",
    "Airways",
    "Orchestra",
];

/// Words inside an organisation's name ("Zorvex & Quill Partners"); not "and", which
/// joins names in lists ("Kettering, Halvorsen Dynamics and Odessa Works").
const JOINS: &[&str] = &["of", "for", "&"];

/// Capitalised names ending in an organisation's head that no rule and no tagger name
/// took, or read as a person or a place: organisations. Names inside them stay (a place in "the Quillmoor Water
/// Authority"), but an organisation read in part. A club's name is left to the others (a
/// nightclub is a place).
fn headed(passes: &[Pass], lex: &Lexicon, mentions: &mut Vec<Mention>) {
    // Each half of a long text looked through on its own thread.
    let look = |half: &[Pass]| {
        let mut found: Vec<Mention> = Vec::new();
        for p in half.iter().filter(|p| !p.headline) {
            let cap = |i: usize| p.toks.get(i).is_some_and(|t| t.kind() == Kind::Word && t.is_cap(p.text));
            let mut i = 0;
            while i < p.toks.len() {
                if !cap(i) {
                    i += 1;
                    continue;
                }
                let mut end = i + 1;
                while cap(end)
                    || JOINS.contains(&p.toks.get(end).map_or("", |t| t.text(p.text))) && cap(end + 1)
                {
                    end += 1;
                }
                let last = p.toks[end - 1].text(p.text);
                let mut start = i;
                i = end;
                if !(ORG_HEADS.contains(&last) || lex.company_heads.contains(last)) {
                    continue;
                }
                // Not an article, a title or a sentence's first common word.
                while start < end - 1 {
                    let t = &p.toks[start];
                    let w = t.text(p.text);
                    let l = lower(w);
                    let plain = matches!(w, "The" | "A" | "An")
                        || lex.titles.contains(w)
                        || t.sent_start() && (lex.common.contains(&l) || lex.function.contains(&*l))
                        || crate::calendar::is_month_or_weekday(&l);
                    if !plain {
                        break;
                    }
                    start += 1;
                }
                let first = p.toks[start].text(p.text);
                let person = lex.is_given(first) && lex.surnames.contains(last);
                // A company's head after common words alone names a field or a nickname
                // ("Geographic Information Systems", "the Oil Capital").
                let plain = |k: usize| {
                    let w = p.toks[k].text(p.text);
                    JOINS.contains(&w) || lex.common.contains(&lower(w))
                };
                let field = !ORG_HEADS.contains(&last) && (start..end - 1).all(plain);
                // A role and what it is of ("Director of Media and Communications").
                let role = lex.roles.contains(&*lower(first));
                if end - start < 2 || person || field || role {
                    continue;
                }
                let range = p.toks[start].start()..p.toks[end - 1].end();
                let name = p.text.get(range.clone()).unwrap_or("");
                found.push(Mention::named(EntityKind::Organization, name, p.index, range));
            }
        }
        found
    };
    let (mut found, more) = super::pass::halves(passes, look);
    found.extend(more);
    if found.is_empty() {
        return;
    }
    // Where a mention reaches out of the name, the mention stands; an organisation inside
    // it gives way.
    let mut keep: Vec<bool> = vec![true; found.len()];
    let index: HashMap<usize, Vec<usize>> =
        found.iter().enumerate().fold(HashMap::default(), |mut a, (k, m)| {
            a.entry(m.passage).or_default().push(k);
            a
        });
    let mut parts: HashSet<usize> = HashSet::default();
    let overlapping = |m: &Mention| -> Vec<usize> {
        let ks = index.get(&m.passage).map_or(&[][..], Vec::as_slice);
        ks.iter()
            .copied()
            .filter(|&k| m.range.start < found[k].range.end && found[k].range.start < m.range.end)
            .collect()
    };
    for m in mentions.iter().filter(|m| m.named) {
        for k in overlapping(m) {
            let f = &found[k].range;
            if !(f.start <= m.range.start && m.range.end <= f.end) || m.range == *f {
                keep[k] = false;
            }
        }
    }
    for (j, m) in mentions.iter().enumerate().filter(|(_, m)| m.named && m.kind == EntityKind::Organization) {
        if overlapping(m).into_iter().any(|k| keep[k]) {
            parts.insert(j);
        }
    }
    // A person or a place read with the very name is the organisation.
    let mut same: HashSet<usize> = HashSet::default();
    for (j, m) in mentions.iter().enumerate() {
        let named = m.named && matches!(m.kind, EntityKind::Person | EntityKind::Place);
        if named && overlapping(m).into_iter().any(|k| found[k].range == m.range) {
            same.insert(j);
        }
    }
    for &j in &same {
        mentions[j].kind = EntityKind::Organization;
    }
    let mut j = 0;
    mentions.retain(|_| {
        j += 1;
        !parts.contains(&(j - 1))
    });
    mentions.extend(found.into_iter().zip(keep).filter(|(_, k)| *k).map(|(m, _)| m));
}

/// Turns the named people and places that the text shows to be organisations into
/// organisations, every occurrence of each; drops the awards read as organisations.
pub fn find(passes: &[Pass], lex: &Lexicon, mentions: &mut Vec<Mention>) {
    mentions.retain(|m| {
        !(m.named
            && m.kind == EntityKind::Organization
            && m.name.rsplit(' ').next().is_some_and(|w| AWARDS.contains(&w)))
    });
    makers(passes, lex, mentions);
    headed(passes, lex, mentions);
    let candidate = |m: &Mention| m.named && matches!(m.kind, EntityKind::Person | EntityKind::Place);
    // Each half of the mentions on its own thread for a long text.
    let look = |offset: usize, half: &[Mention]| {
        let mut bodies: HashSet<&str> = HashSet::default();
        // Names with a title, a given name or a place's preposition before them somewhere.
        let mut personal: HashSet<&str> = HashSet::default();
        // A hall of fame's name over "A and" before it ("Rock and Roll Hall of Fame"), cut after
        // "Fame": the mention, its new range and the range of the words it takes in.
        let mut halls: Vec<(usize, Range<usize>, Range<usize>)> = Vec::new();
        for (at, m) in half.iter().enumerate().map(|(k, m)| (offset + k, m)).filter(|(_, m)| candidate(m)) {
            let Some(p) = passes.get(m.passage).filter(|p| !p.headline) else { continue };
            let Some(toks) = p.tokens_of(&m.range) else { continue };
            let Some(text) = p.text.get(m.range.clone()) else { continue };
            let words: Vec<&str> = text.split_whitespace().collect();
            let (Some(first), Some(last)) = (words.first(), words.last()) else { continue };
            let before = toks.start.checked_sub(1).map_or("", |i| p.toks[i].text(p.text));
            if lex.titles.contains(before) || lex.is_given(before) {
                personal.insert(text);
            }
            if let Some(h) = hall_of_fame(p, &toks) {
                let mut start = toks.start;
                // "Rock and Roll Hall of Fame": one word and "and" before the name.
                if start >= 2
                    && word(p, start - 1) == "and"
                    && p.toks[start - 2].is_cap(p.text)
                    && (start < 3 || !p.toks[start - 3].is_cap(p.text))
                {
                    start -= 2;
                }
                let prev = start.checked_sub(1).map_or("".into(), |i| word(p, i));
                let prev =
                    if prev == "the" { start.checked_sub(2).map_or("".into(), |i| word(p, i)) } else { prev };
                // "the Hall of Fame and Museum" is the building.
                let building = word(p, h + 3) == "and" && p.toks.get(h + 4).is_some_and(|t| t.is_cap(p.text));
                if !PLACE_PREPS.contains(&prev.as_ref()) && !building {
                    let range = p.toks[start].start()..p.toks[h + 2].end();
                    let taken = p.toks[start].start()..p.toks[toks.start].start();
                    halls.push((at, range, taken));
                }
                continue;
            }
            let facility = words.len() >= 2 && FACILITY_HEADS.contains(last) && works_for(p, &toks, lex);
            let person_shaped = lex.person_shaped(&words);
            let (strong, weak) = company(p, &toks);
            let place = m.kind == EntityKind::Place && lex.places.contains_key(text);
            let named_person = lex.is_given(first) || person_shaped;
            let shown = !place
                && !named_person
                && (strong || weak && !(words.len() == 1 && lex.surnames.contains(first)));
            let defined = m.kind == EntityKind::Person && acronym_after(p, &toks);
            if facility || shown || defined || foreign_institution(p, &toks) {
                bodies.insert(text);
            }
        }
        (bodies, personal, halls)
    };
    let ((bodies, mut personal, mut halls), (more, also, further)) =
        super::merge::halves(passes, mentions, look);
    let mut bodies: HashSet<String> = bodies.into_iter().chain(more).map(str::to_string).collect();
    personal.extend(also);
    halls.extend(further);
    for t in &personal {
        bodies.remove(*t);
    }
    // The halls of fame: the name from its first word to "Fame", every word it takes in left
    // to it.
    let mut gone: Vec<(usize, Range<usize>)> = Vec::new();
    for (at, range, taken) in &halls {
        let m = &mut mentions[*at];
        let Some(p) = passes.get(m.passage) else { continue };
        let name = p.text.get(range.clone()).unwrap_or("").to_string();
        *m = Mention::named(EntityKind::Organization, &name, m.passage, range.clone());
        if !taken.is_empty() {
            gone.push((m.passage, taken.clone()));
        }
        bodies.insert(name);
    }
    if bodies.is_empty() {
        return;
    }
    mentions.retain(|m| {
        !(candidate(m)
            && gone.iter().any(|(passage, r)| {
                *passage == m.passage && r.start <= m.range.start && m.range.end <= r.end
            }))
    });
    for m in mentions.iter_mut().filter(|m| candidate(m)) {
        let text = passes.get(m.passage).and_then(|p| p.text.get(m.range.clone())).unwrap_or("");
        if bodies.contains(text) {
            m.kind = EntityKind::Organization;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::document::EntityKind;
    use crate::extract::assert_names;

    fn organisations(text: &str, want: &[&str]) {
        assert_names(text, |e| e.kind == EntityKind::Organization, want);
    }

    #[test]
    fn every_maker_has_a_capital() {
        // `makers` looks up only the words with a capital.
        let lower: Vec<&&str> =
            crate::extract::works::brands().iter().filter(|b| !b.chars().any(char::is_uppercase)).collect();
        assert!(lower.is_empty(), "{lower:?}");
    }

    fn places(text: &str, want: &[&str]) {
        assert_names(text, |e| e.kind == EntityKind::Place, want);
    }

    #[test]
    fn a_facility_someone_works_for_is_a_body() {
        organisations(
            "\"It is rare,\" said Maren Oltveit, a planetary scientist at the Quillmoor Space \
             Center in Dunmore.",
            &["Quillmoor Space Center"],
        );
        places(
            "Visitors walk through the Quillmoor Space Center in Boston.",
            &["Quillmoor Space Center", "Boston"],
        );
    }

    #[test]
    fn a_hall_of_fame_is_a_body_but_where_it_stands() {
        organisations(
            "The band is nominated for the Jazz and Blues Hall of Fame's class of 2020.",
            &["Jazz and Blues Hall of Fame"],
        );
    }

    #[test]
    fn what_is_said_of_a_company_makes_one() {
        organisations(
            "Analysts surveyed by Quorvix expected a loss. Traders sold shares of Zentrova on \
             Monday. You need one of Vellumo's security cameras.",
            &["Quorvix", "Zentrova", "Vellumo"],
        );
        // A given name is a person's.
        organisations("Analysts surveyed by Mary expected a loss.", &[]);
    }

    #[test]
    fn an_institution_named_in_another_language_is_one() {
        organisations("She later studied at the Conservatoire de Paris.", &["Conservatoire de Paris"]);
    }

    #[test]
    fn a_name_ending_in_an_organisations_head_is_one() {
        organisations(
            "Officials at the Quillmoor Water Authority said the dam held. They test \
             Geographic Information Systems.",
            &["Quillmoor Water Authority"],
        );
    }

    #[test]
    fn an_award_is_no_organisation() {
        let (p, _) = crate::extract::test_pass("the Quill Prize and the Quill Bank");
        let org = |name: &str, at: usize| {
            super::Mention::named(EntityKind::Organization, name, 0, at..at + name.len())
        };
        let mut ms = vec![org("Quill Prize", 4), org("Quill Bank", 24)];
        super::find(&[p], crate::extract::lexicon::get(), &mut ms);
        let names: Vec<&str> = ms.iter().map(|m| &*m.name).collect();
        assert_eq!(names, ["Quill Bank"]);
    }

    #[test]
    fn a_makers_name_alone_is_the_maker() {
        organisations("Teens love Sony's headphones. Nokia has bought a startup.", &["Sony", "Nokia"]);
        // A product, a common word opening a sentence, a person.
        organisations("Maren Oltveit drove her Ford to work. Seat belts save lives.", &[]);
    }
}
