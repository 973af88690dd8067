//! People, places, organisations and events: found in the document's passages, mentions as
//! input spans.
//!
//! The stages, each in its own file under `extract/`:
//!
//! 1. [`tokens`]: words, possessives and sentence starts of each passage;
//! 2. [`names`]: capitalised chunks, [`people`], [`places`] and [`events`] decide what they
//!    are, with the lists of [`lexicon`]; role phrases ([`people::roles`]) stand for unnamed
//!    actors; the learned [`tagger`] reads every passage, and [`tagged`] lets it correct the
//!    rules' people and places (organisations, works) and add the names no list knows;
//! 3. full names in title-case lines and a title that names the subject ([`people::unknown`]),
//!    named groups ([`people::groups`]) and road codes ([`roads`]);
//! 4. a second pass ([`propagate`]) finds every name already known elsewhere in the
//!    document (headlines, sentence starts, surnames alone), once [`people::coref`] has
//!    joined short names and titles to full names; then context names what is left: places,
//!    lists, and name-shaped runs of uncommon words ([`people::unknown`]); definite roles
//!    join the article's subject ([`people::subject`]);
//! 5. names the text marks as works or products ("the film Easy Rider", a title in italics)
//!    are left out ([`works`]);
//! 6. [`merge`] groups mentions into entities with aliases and display names, and
//!    [`salience`] orders them.
//!
//! Everything that makes a person is listed, with where it is decided, in [`people`].

pub mod bodies;
pub mod citations;
pub mod dates;
pub mod events;
pub mod lexicon;
pub mod lists;
pub mod merge;
pub mod names;
pub mod pass;
pub mod people;
pub mod places;
pub mod propagate;
pub mod roads;
pub mod salience;
pub mod tagged;
pub mod tagger;
pub mod teams;
pub mod tokens;
pub mod works;

use crate::document::{Document, Entity, EntityKind, Passage, Style, StyleKind};
use merge::Mention;
use pass::{Pass, Seen, lower};
use rustc_hash::FxHashSet as HashSet;
use std::ops::Range;
use tokens::{Kind, Token};

/// True for a passage set in title case, or in capitals: a headline, a caption heading, a
/// site name. Short, and most of its longer words capitalised.
fn looks_like_headline(text: &str, toks: &[Token]) -> bool {
    // Past 24 words it is no headline: the rest need not be gathered.
    let words: Vec<&str> =
        toks.iter().filter(|t| t.kind() == Kind::Word).map(|t| t.text(text)).take(25).collect();
    if words.is_empty() || words.len() > 24 {
        return false;
    }
    // A sentence: ends with a full stop (before any citation marks, "elected. [19]") and is
    // more than a few words long.
    let mut end = text.trim_end();
    while let Some(open) = end.strip_suffix(']').and_then(|e| e.rfind('[')) {
        end = end[..open].trim_end();
    }
    if words.len() >= 5 && end.ends_with(['.', '!', '?']) {
        return false;
    }
    let long: Vec<&&str> = words.iter().skip(1).filter(|w| w.chars().count() > 3).collect();
    if long.is_empty() {
        return words.len() <= 3;
    }
    let caps = long.iter().filter(|w| tokens::is_cap_word(w)).count();
    caps * 10 >= long.len() * 7
}

/// The tokens of every passage, in one vector (a long book has close to a million, alive
/// for the whole extraction), and the range of each passage's tokens in it.
fn tokenize_all(doc: &Document) -> (Vec<Token>, Vec<Range<usize>>) {
    let prose: Vec<(&Passage, &[Style])> = doc.prose().collect();
    let bytes: usize = prose.iter().map(|(p, _)| p.text.len()).sum();
    // About one token for every five bytes of text: the first half's vector is reserved for
    // the whole text once, so it rarely grows, and takes the second half's tokens after it.
    let tokenize = |part: &[(&Passage, &[Style])], room: usize| {
        let mut all = Vec::with_capacity(room / 4);
        let ranges: Vec<Range<usize>> = part
            .iter()
            .map(|(p, styles)| {
                let start = all.len();
                tokens::tokenize_into(&p.text, &mut all);
                mask_code(p, styles, start, &mut all);
                start..all.len()
            })
            .collect();
        (all, ranges)
    };
    let mid = crate::halfway(&prose, bytes, |(p, _)| p.text.len());
    let (first, second) = prose.split_at(mid);
    let second_bytes = second.iter().map(|(p, _)| p.text.len()).sum();
    let parallel = bytes > crate::PARALLEL_BYTES;
    let ((mut all, mut ranges), (more, more_ranges)) =
        crate::both(parallel, || tokenize(first, bytes), || tokenize(second, second_bytes));
    let shift = all.len();
    all.extend_from_slice(&more);
    ranges.extend(more_ranges.into_iter().map(|r| r.start + shift..r.end + shift));
    // Hands back the room reserved beyond the estimate.
    all.shrink_to_fit();
    (all, ranges)
}

/// Inline code is not prose: each run of tokens inside a code style becomes one punctuation
/// token, so no name is read in it ("press `Esc`") and none runs across it.
fn mask_code(p: &Passage, styles: &[Style], start: usize, all: &mut Vec<Token>) {
    let code: Vec<Range<usize>> =
        styles.iter().filter(|s| s.style == StyleKind::Code).filter_map(|s| p.to_text(s.span)).collect();
    if code.is_empty() {
        return;
    }
    // Tokens and code ranges are both in text order: one cursor walks the ranges.
    let mut kept = start;
    let mut next = 0;
    let mut masked: Option<usize> = None;
    for i in start..all.len() {
        let t = all[i];
        while code.get(next).is_some_and(|r| r.end <= t.start()) {
            next += 1;
        }
        let inside = code.get(next).is_some_and(|r| r.start <= t.start() && t.end() <= r.end);
        match inside.then_some(next) {
            Some(k) if masked == Some(k) => continue,
            Some(k) => {
                masked = Some(k);
                let c = p.text[t.start()..].chars().next().unwrap_or('`');
                all[kept] = Token::new(t.start(), t.start() + c.len_utf8(), Kind::Punct(c));
            }
            None => {
                masked = None;
                all[kept] = t;
            }
        }
        kept += 1;
    }
    all.truncate(kept);
}

/// Builds the passes of a document: headlines are the title, the headings, and title-case lines.
fn passes<'a>(doc: &'a Document, all: &'a [Token], ranges: &[Range<usize>]) -> Vec<Pass<'a>> {
    // The headings' addresses, sorted: a long book has hundreds of headings and thousands
    // of passages.
    let mut heads: Vec<*const Passage> = doc.title.iter().map(|p| p as *const Passage).collect();
    heads.extend(doc.sections.iter().filter_map(|s| s.heading.as_ref()).map(|p| p as *const Passage));
    heads.sort_unstable();
    doc.prose()
        .zip(ranges)
        .enumerate()
        .map(|(index, ((passage, styles), range))| {
            let text = passage.text.as_str();
            let toks = all.get(range.clone()).unwrap_or(&[]);
            let headline =
                heads.binary_search(&(passage as *const Passage)).is_ok() || looks_like_headline(text, toks);
            Pass { passage, text, styles, toks, headline, index }
        })
        .collect()
}

/// Calls `f` with each passage of a document as the tagger sees it: what the trainer reads.
pub fn with_passes(doc: &Document, mut f: impl FnMut(&Pass, &lexicon::Lexicon, &Seen)) {
    let lex = lexicon::get();
    let (all, ranges) = tokenize_all(doc);
    let passes = passes(doc, &all, &ranges);
    let seen = Seen::of(&passes);
    for p in &passes {
        f(p, lex, &seen);
    }
}

/// Extracts the entities of a document, most salient first within each kind.
pub fn entities(doc: &Document) -> Vec<Entity> {
    let lex = lexicon::get();
    let (all, ranges) = tokenize_all(doc);
    let passes = passes(doc, &all, &ranges);
    if !english(&passes, lex) {
        return Vec::new();
    }
    let seen = Seen::of(&passes);
    let mut chunks: Vec<Vec<names::Chunk>> = Vec::new();
    let mut mentions: Vec<Mention> = Vec::new();
    // The rules below need none of the tagger's names: on a long text they run while the
    // tagger reads passages on a second thread.
    let tagged = tagged::names(&passes, lex, &seen, || {
        chunks = passes.iter().map(|p| names::chunks(p, lex, &seen)).collect();
        for (p, chunks) in passes.iter().zip(&chunks) {
            if p.headline {
                places::headline_places(p, lex, &mut mentions);
                people::headline_pairs(p, lex, &mut mentions);
            } else {
                let before = mentions.len();
                places::dateline(p, lex, &mut mentions);
                places::joined(p, lex, &mut mentions);
                let joined = merge::Occupied::of(&mentions[before..], &[]);
                for c in chunks.iter().filter(|c| !joined.overlaps(p.index, &c.range(p))) {
                    classify(p, c, lex, &seen, &mut mentions);
                }
                people::roles::roles(p, lex, &mut mentions);
            }
        }
        // Full names in title-case lines, joined with a body name of the same surname.
        let known = people::unknown::known_words(&mentions);
        let taken = merge::Occupied::of(&mentions, &[]);
        let has_title = doc.title.is_some();
        for (p, chunks) in
            passes.iter().zip(&chunks).filter(|(p, _)| p.headline && !(has_title && p.index == 0))
        {
            for c in chunks.iter().filter(|c| !taken.overlaps(p.index, &c.range(p))) {
                people::unknown::headline_person(p, c, lex, &seen, &known, &mut mentions);
            }
        }
        if let Some(title) = passes.first().filter(|p| doc.title.is_some() && p.headline) {
            people::unknown::title_subject(title, lex, &seen, &mut mentions);
        }
        people::groups::find(&passes, lex, &mut mentions);
        roads::find(&passes, &mut mentions);
    });
    let doubted = tagged::reconcile(&passes, &tagged, lex, &seen, &mut mentions);
    places::inside_names(&passes, lex, &mut mentions);
    propagate::propagate(&passes, lex, &seen, &mut mentions);
    // Chunks of body text no rule has claimed yet.
    let occupied = merge::Occupied::of(&mentions, &[]);
    let mut unclaimed: Vec<(&Pass, names::Chunk)> = passes
        .iter()
        .zip(&chunks)
        .filter(|(p, _)| !p.headline)
        .flat_map(|(p, cs)| cs.iter().map(move |c| (p, *c)))
        .filter(|(p, c)| !occupied.overlaps(p.index, &c.range(p)))
        .collect();
    // Authors cited by name and year, though their names are common words ("Boot", "Dye")
    // and the tagger may read one as a work's title ("(McManus & Marsden, 2017)").
    if citations::scholarly(&passes) {
        unclaimed.retain(|(p, c)| !citations::author(p, c, lex, &mut mentions));
    }
    // No later rule claims what the tagger doubted.
    let doubted = merge::Occupied::of(&doubted, &[]);
    unclaimed.retain(|(p, c)| !doubted.overlaps(p.index, &c.range(p)));
    // What is left of a long book's working set goes as soon as no rule needs it.
    drop((chunks, occupied, doubted));
    let before_context = mentions.len();
    // Unknown names that context makes places, once every known name has claimed its words.
    unclaimed.retain(|(p, c)| !places::by_context(p, c, lex, &seen, &mut mentions));
    // Name-shaped runs of words that are neither known nor common: people.
    let known = people::unknown::known_words(&mentions);
    unclaimed.retain(|(p, c)| !people::unknown::person(p, c, lex, &seen, &known, &mut mentions));
    // Unknown names listed with known ones, twice so a list is filled from both ends; only
    // the passages with unclaimed names need their neighbours looked up.
    for _ in 0..2 {
        let listed: HashSet<usize> = unclaimed.iter().map(|(p, _)| p.index).collect();
        let named = mentions.iter().filter(|m| m.named && listed.contains(&m.passage));
        let ends: lists::Edges =
            named.clone().map(|m| ((m.passage as u32, m.range.end as u32), m.kind)).collect();
        let starts: lists::Edges =
            named.map(|m| ((m.passage as u32, m.range.start as u32), m.kind)).collect();
        let mut found = Vec::new();
        unclaimed.retain(|(p, c)| !lists::coordinated(p, c, lex, &seen, &ends, &starts, &mut found));
        mentions.append(&mut found);
    }
    drop((unclaimed, known));
    propagate::spread(&passes, lex, &seen, &mut mentions, before_context);
    drop(seen);
    people::coref::other_names(&passes, &mut mentions);
    people::unattested::places_not_people(&passes, lex, &mut mentions);
    teams::find(&passes, &mut mentions);
    places::organisations(&passes, lex, &mut mentions);
    places::in_organisations(&passes, lex, &mut mentions);
    citations::find(&passes, lex, &mut mentions);
    works::drop_works(&passes, lex, &mut mentions);
    bodies::find(&passes, lex, &mut mentions);
    people::eponyms::find(&passes, lex, &mut mentions);
    people::inverted::find(&passes, lex, &mut mentions);
    people::subject::attach_roles(&passes, &mut mentions);
    events::find(&passes, lex, &tagged, &mut mentions);
    // Acronyms of common words ("sea surface salinity (SSS)") are terms, never names.
    let terms = names::defined_terms(&passes);
    if !terms.is_empty() {
        mentions.retain(|m| {
            m.kind == EntityKind::Event
                || passes
                    .get(m.passage)
                    .and_then(|p| p.text.get(m.range.clone()))
                    .is_none_or(|t| !terms.contains(t))
        });
    }
    let mut entities = merge::entities(&passes, mentions);
    salience::rank(&mut entities, doc);
    entities
}

/// True unless the body text is plainly in another language: English function words ("the",
/// "of", "is") make a fifth to a half of English prose and a few hundredths of German,
/// Portuguese or Indonesian, and a language detector (`whatlang`) names the other language
/// with confidence (a sports results table is short of function words too, yet English).
/// The word lists and the tagger know English only; elsewhere every capitalised noun of a
/// German page would be listed as a person, and no list beats a wrong one.
fn english(passes: &[Pass], lex: &lexicon::Lexicon) -> bool {
    let body = || passes.iter().filter(|p| !p.headline);
    let words = body().flat_map(|p| p.toks.iter().filter(|t| t.kind() == Kind::Word).map(|t| t.text(p.text)));
    let (mut all, mut function) = (0usize, 0usize);
    for w in words.take(2000) {
        all += 1;
        function += usize::from(lex.function.contains(lower(w).as_ref()));
    }
    if all < 40 || function * 100 >= all * 6 {
        return true;
    }
    let mut sample = String::new();
    for p in body() {
        if sample.len() >= 4000 {
            break;
        }
        sample.push_str(p.text);
        sample.push('\n');
    }
    whatlang::detect(&sample).is_none_or(|info| info.lang() == whatlang::Lang::Eng || !info.is_reliable())
}

/// Decides what a chunk of body text names, if anything.
/// Places nested in longer names ("University of California") are found whatever the chunk is,
/// except inside a person's name.
fn classify(p: &Pass, c: &names::Chunk, lex: &lexicon::Lexicon, seen: &Seen, out: &mut Vec<Mention>) {
    if places::whole(p, c, lex, seen, out) {
        return;
    }
    let person = if events::named(p, c, lex, out)
        || places::featured(p, c, lex, out)
        || places::numbered(p, c, lex, out)
    {
        false
    } else if people::titled(p, c, lex, out) {
        true
    } else if places::compound(p, c, lex, out) {
        return;
    } else {
        people::named(p, c, lex, seen, out)
    };
    if !person {
        places::nested(p, c, lex, out);
    }
}

/// A passage from a test sentence, with the lowercase words it shows.
#[cfg(test)]
pub(crate) fn test_pass(text: &str) -> (Pass<'static>, Seen<'static>) {
    let passage: &'static Passage = Box::leak(Box::new(Passage::verbatim(text, 0)));
    let toks = Box::leak(tokens::tokenize(&passage.text).into_boxed_slice());
    let p = Pass { passage, text: &passage.text, styles: &[], toks, headline: false, index: 0 };
    let seen = Seen::of(std::slice::from_ref(&p));
    (p, seen)
}

/// The entities of one test text read as a whole article.
#[cfg(test)]
pub(crate) fn test_entities(text: &str) -> Vec<Entity> {
    crate::read(format!("Test\n\n{text}\n").as_bytes()).map(|d| d.entities).unwrap_or_default()
}

/// Asserts that the entities of `text` that `keep` selects are exactly `want`, in any order.
#[cfg(test)]
pub(crate) fn assert_names(text: &str, keep: impl Fn(&Entity) -> bool, want: &[&str]) {
    let mut got: Vec<String> = test_entities(text).into_iter().filter(|e| keep(e)).map(|e| e.name).collect();
    got.sort();
    let mut want: Vec<String> = want.iter().map(|s| s.to_string()).collect();
    want.sort();
    assert_eq!(got, want, "{text}");
}

#[cfg(test)]
mod tests {
    use super::{looks_like_headline, tokens};
    use crate::document::EntityKind;

    #[test]
    fn a_text_in_another_language_lists_no_entities() {
        let german = "Bericht\n\nDie Digitalisierung zieht sich durch fast alle Branchen, sei es im \
            Finanzbereich oder in der Industrie. Patienten erhalten Zugriff auf ihre Befunde, und \
            Ärzte sehen Diagnosen und Therapien auf einen Blick. Relevante Dokumente liegen auf \
            Servern der Kliniken, die Synchronisation der Daten erfolgt nach dem Gesetz.\n";
        let es = crate::read(german.as_bytes()).map(|d| d.entities).unwrap_or_default();
        assert!(es.is_empty(), "{es:?}");
        // A results table is short of function words, and English.
        let scores = "Results\n\nPalm Bay d. Rockledge 70-44. Palm Bay (1-0): Tolivert 25 points, \
            Davis 17. Rockledge (0-1): Armani Sheffield 12 points, Kelli Howard 9, Kairi Brooks 8. \
            Melbourne d. Eau Gallie 55-31. Melbourne (2-0): Adrianna Knight 14 points, Syniah \
            Johnson 11. Eau Gallie (0-2): Shaniya Fluellen 10 points, Ashley Cathon 6.\n";
        let es = crate::read(scores.as_bytes()).map(|d| d.entities).unwrap_or_default();
        assert!(es.iter().any(|e| e.kind == EntityKind::Person && e.name == "Armani Sheffield"), "{es:?}");
    }

    #[test]
    fn no_name_is_read_inside_inline_code() {
        let md = b"# Keys\n\nPress `Esc` or `Ctrl-y Ctrl-p` to leave, as Margaret Hopkins wrote in Paris.\n";
        let doc = crate::ingest::markdown::parse(md).expect("markdown").into_document();
        let entities = super::entities(&doc);
        let names: Vec<(EntityKind, &str)> = entities.iter().map(|e| (e.kind, e.name.as_str())).collect();
        assert!(names.iter().all(|(_, n)| !n.contains("Esc") && !n.contains("Ctrl")), "{names:?}");
        assert!(names.contains(&(EntityKind::Person, "Margaret Hopkins")), "{names:?}");
        assert!(names.contains(&(EntityKind::Place, "Paris")), "{names:?}");
    }

    #[test]
    fn headlines_are_told_from_sentences() {
        let cases = [
            ("Will Miami Talks End the Ukraine War? US-Russia Diplomats Seek Common Ground", true),
            ("Why Did Trump-Putin Talks Skip Ukraine’s Ceasefire, Photo THINK TANK PRODUCTIONS", true),
            ("Privacy Overview", true),
            ("Key Players and the Miami Talks:", true),
            ("Jensen Ackles and Misha Collins supported Beto O'Rourke in Texas. [19]", false),
            ("Representatives from the United States and Russia met in Miami.", false),
            (
                "The Miami discussions bring together influential figures tasked with bridging deep divides.",
                false,
            ),
        ];
        for (text, want) in cases {
            assert_eq!(looks_like_headline(text, &tokens::tokenize(text)), want, "{text}");
        }
    }
}
