//! Works and products are not people or places: films, shows, books, songs, paintings,
//! games, software, ships and spacecraft. A name the text marks as one is left out, and so
//! is every other occurrence of the same name in the document.
//!
//! The marks are those a reader goes by:
//!
//! - a work noun before the name ("the 1969 film Easy Rider", "a pilot titled Young
//!   MacGyver", "the cruise ship, Freewinds") or after it ("Cry Wolf, another horror film");
//! - for a person, a performance in it ("starred in Cry Wolf", "a role in Gilmore Girls"),
//!   a person's possessive before it ("Lagrange's Mécanique Analytique"), quotation marks
//!   around it ("the painting "Joan of Arc"");
//! - a year in brackets after a title-like name ("The Lookout (2007)", "(Les Amants, 1959)"),
//!   and after every name of a list that has two such titles ("Stoker (2013), Belle (2013)");
//!   not after a surname alone, which is a citation ("Quilis (1964)");
//! - italics around the name, where the document has styles (HTML, Markdown);
//! - for a product, anywhere in the document: its maker's name right before it ("Sony
//!   Walkman", "Toyota Camry"), a model word after it ("Chromecast Ultra", "the 11 Pro
//!   Max"), a device's or a service's noun ("an Orca device", "Orca users", "Orca-enabled",
//!   "the voice assistant Orca"); and a capitalised head after the name ("Hubble Space
//!   Telescope").
//!
//! A place or an organisation in a product's or a market index's name ("Shanghai
//! Composite", "Nikkei 225 fell") is left out where it stands, and stays elsewhere.

use super::lexicon::Lexicon;
use super::merge::Mention;
use super::pass::{Pass, lower};
use super::tokens::Kind;
use crate::document::{EntityKind, StyleKind};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::ops::Range;
use std::sync::LazyLock;

static BRANDS: &str = include_str!("../../data/brands.txt");

/// Makers whose name stands right before their products' names (data/brands.txt).
pub(super) fn brands() -> &'static HashSet<&'static str> {
    static SET: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
        BRANDS.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect()
    });
    &SET
}

/// Words that follow a product's name for its model ("Chromecast Ultra", "iPhone 11 Pro
/// Max", "Galaxy S10 Plus").
const MODEL_WORDS: &[&str] = &["Pro", "Max", "Ultra", "Mini", "Plus", "Lite", "XL"];

/// Capitalised heads that end a product's, an instrument's or a market index's name after
/// another name ("Hubble Space Telescope", "Hang Seng Index", "Shanghai Composite").
const PRODUCT_HEADS: &[&str] = &[
    "Average",
    "Composite",
    "Console",
    "Earbuds",
    "Headphones",
    "Index",
    "Lander",
    "Orbiter",
    "Rover",
    "Smartphone",
    "Speaker",
    "Telescope",
];

/// Lowercase nouns right after a product's or a service's name ("Orca users", "an Orca
/// device", "Orca built-in", "the Orca port").
const PRODUCT_NOUNS: &[&str] = &[
    "app",
    "apps",
    "built-in",
    "console",
    "consoles",
    "controller",
    "controllers",
    "device",
    "devices",
    "earbuds",
    "firmware",
    "handset",
    "handsets",
    "headphones",
    "headset",
    "owners",
    "port",
    "smartphone",
    "smartphones",
    "speaker",
    "speakers",
    "subscribers",
    "tablet",
    "tablets",
    "user",
    "users",
];

/// Endings of a hyphenated word that make its first part a product or a service
/// ("Orca-enabled", "Orca-compatible").
const PRODUCT_SUFFIXES: &[&str] = &["-enabled", "-compatible", "-equipped", "-certified"];

/// Verbs of a market index's move, after its name and a number ("the Nikkei 225 fell").
const INDEX_MOVES: &[&str] = &[
    "advanced",
    "climbed",
    "declined",
    "dipped",
    "dropped",
    "eased",
    "edged",
    "fell",
    "gained",
    "jumped",
    "plunged",
    "rallied",
    "retreated",
    "rose",
    "sank",
    "slipped",
    "slumped",
    "surged",
    "tumbled",
];

/// Nouns for a work or a product that may stand right before or after its name.
const WORK_NOUNS: &[&str] = &[
    "album",
    "albums",
    "anthology",
    "app",
    "autobiography",
    "ballet",
    "battleship",
    "biopic",
    "boat",
    "browser",
    "cartoon",
    "comedy",
    "console",
    "destroyer",
    "documentary",
    "drama",
    "earbuds",
    "episode",
    "film",
    "films",
    "franchise",
    "frigate",
    "headphones",
    "liner",
    "magazine",
    "memoir",
    "miniseries",
    "movie",
    "movies",
    "mural",
    "musical",
    "novel",
    "novella",
    "novels",
    "opera",
    "painting",
    "paintings",
    "poem",
    "podcast",
    "prequel",
    "print",
    "probe",
    "rocket",
    "rover",
    "satellite",
    "sculpture",
    "sequel",
    "series",
    "sitcom",
    "smartphone",
    "smartwatch",
    "software",
    "song",
    "songs",
    "spacecraft",
    "steamer",
    "submarine",
    "symphony",
    "telescope",
    "telenovela",
    "thriller",
    "trilogy",
    "vessel",
    "videogame",
    "warship",
    "yacht",
];

/// Work nouns that are also verbs ("polls show Smith"): a work noun only after a
/// determiner, a possessive, a year or a word that makes it one ("the show", "a TV show").
const VERB_NOUNS: &[&str] = &["book", "books", "game", "play", "show", "single", "story", "track"];

/// Words before a [`VERB_NOUNS`] noun that make it a noun.
const DETERMINERS: &[&str] = &[
    "a",
    "an",
    "another",
    "board",
    "comic",
    "debut",
    "first",
    "game",
    "her",
    "his",
    "hit",
    "its",
    "latest",
    "my",
    "new",
    "next",
    "our",
    "picture",
    "radio",
    "reality",
    "stage",
    "talk",
    "television",
    "that",
    "the",
    "their",
    "this",
    "tv",
    "video",
    "whose",
    "your",
];

/// Verbs and nouns of performing, before "in" and a work ("starred in", "a role in").
const PERFORMED: &[&str] = &[
    "appeared",
    "appearing",
    "appears",
    "cameo",
    "cast",
    "co-starred",
    "co-starring",
    "performance",
    "role",
    "roles",
    "starred",
    "starring",
    "stars",
];

/// Drops the named people and places the text marks as works or products, with every other
/// mention of the same name.
pub fn drop_works(passes: &[Pass], lex: &Lexicon, mentions: &mut Vec<Mention>) {
    let candidate = |m: &Mention| m.named && matches!(m.kind, EntityKind::Person | EntityKind::Place);
    // The mentions of each passage together, so that no rule looks through the mentions of
    // a whole book; a passage's titles listed with years are looked for where a candidate is.
    let look = |half: &[&Mention]| {
        let mut works: HashSet<&str> = HashSet::default();
        for here in half.chunk_by(|a, b| a.passage == b.passage) {
            let Some(p) = passes.get(here[0].passage).filter(|_| here.iter().any(|m| candidate(m))) else {
                continue;
            };
            let starts = titles_in(p, lex, 2);
            for m in here.iter().filter(|m| candidate(m)) {
                let Some(toks) = tokens_of(p, &m.range) else { continue };
                if marked(p, &toks, m.kind, lex, here) || starts.contains(&toks.start) {
                    works.insert(p.text.get(m.range.clone()).unwrap_or(""));
                }
            }
        }
        works
    };
    let (mut works, more) = super::merge::passage_halves(passes, mentions, look);
    works.extend(more);
    works.remove("");
    let (products, parts) = products(passes, lex, mentions);
    if works.is_empty() && products.is_empty() && parts.is_empty() {
        return;
    }
    let mut works: HashSet<String> = works.into_iter().map(str::to_string).collect();
    works.extend(products);
    mentions.retain(|m| {
        let text = passes.get(m.passage).and_then(|p| p.text.get(m.range.clone())).unwrap_or("");
        let work = works.contains(text);
        !(candidate(m) && work || parts.contains(&(m.passage, m.range.start, m.range.end)))
    });
}

/// A name's words and its kind.
type Named<'a> = (Vec<&'a str>, EntityKind);

/// Mentions by passage, first and last byte.
type Parts = HashSet<(usize, usize, usize)>;

/// What the document says of a name wherever it writes it: a product's cue makes it a
/// product.
#[derive(Debug, Default, Clone, Copy)]
struct Said {
    /// A cue of a product anywhere ("Orca users", "Vela Orca").
    product: bool,
    /// A capitalised head or a model word after it somewhere ("Orca Space Telescope").
    headed: bool,
}

/// The named people and places the document marks as products wherever it writes their
/// names (each name's text; never a place of the gazetteer, "Madrid Composite"), and the
/// mentions, by passage and bytes, that are a word of a product's or an index's name
/// ("Shanghai Composite", "Nikkei 225 fell").
fn products(passes: &[Pass], lex: &Lexicon, mentions: &[Mention]) -> (HashSet<String>, Parts) {
    // The names to look for, by their first two words ("" for a name of one word): their
    // words and what kind they are.
    let mut names: HashMap<(&str, &str), Vec<Named>> = HashMap::default();
    let mut firsts: HashSet<&str> = HashSet::default();
    let mut seen: HashSet<(&str, EntityKind)> = HashSet::default();
    for m in mentions.iter().filter(|m| m.named) {
        let Some(p) = passes.get(m.passage) else { continue };
        let Some(text) = p.text.get(m.range.clone()) else { continue };
        if !seen.insert((text, m.kind)) {
            continue;
        }
        let Some(toks) = tokens_of(p, &m.range) else { continue };
        let words: Vec<&str> = p.toks[toks].iter().map(|t| t.text(p.text)).collect();
        if let Some(first) = words.first().copied() {
            firsts.insert(first);
            let second = words.get(1).copied().unwrap_or("");
            names.entry((first, second)).or_default().push((words, m.kind));
        }
    }
    // The bytes the names begin with: most words begin with none of them.
    let mut first_bytes = [false; 256];
    for w in &firsts {
        if let Some(b) = w.bytes().next() {
            first_bytes[usize::from(b)] = true;
        }
    }
    if names.is_empty() {
        return (HashSet::default(), Parts::default());
    }
    // Each half of a long text looked through on its own thread.
    let look = |half: &[Pass]| said_in(half, lex, &names, &firsts, &first_bytes);
    let ((mut said, mut parts), (other, more)) = super::pass::halves(passes, look);
    for (text, o) in other {
        let e = said.entry(text).or_default();
        e.product |= o.product;
        e.headed |= o.headed;
    }
    parts.extend(more);
    let mut works = HashSet::default();
    for m in mentions.iter().filter(|m| m.named) {
        let Some(text) = passes.get(m.passage).and_then(|p| p.text.get(m.range.clone())) else { continue };
        let Some(said) = said.get(text) else { continue };
        let listed = lex.places.contains_key(text);
        let work = match m.kind {
            EntityKind::Person => said.product || said.headed,
            EntityKind::Place => (said.product || said.headed) && !listed,
            _ => false,
        };
        if work {
            works.insert(text.to_string());
        }
    }
    (works, parts)
}

/// What the passages say of the names wherever they write them, and the mentions that are a
/// word of a product's or an index's name (see [`products`]).
fn said_in(
    passes: &[Pass],
    lex: &Lexicon,
    names: &HashMap<(&str, &str), Vec<Named>>,
    firsts: &HashSet<&str>,
    first_bytes: &[bool; 256],
) -> (HashMap<String, Said>, Parts) {
    let mut said: HashMap<String, Said> = HashMap::default();
    let mut parts = Parts::default();
    for p in passes {
        for (s, t) in p.toks.iter().enumerate() {
            let w = t.text(p.text);
            // "Orca-enabled": the first part is a product.
            if w.contains('-')
                && let Some(head) = PRODUCT_SUFFIXES.iter().find_map(|x| w.strip_suffix(x))
                && firsts.contains(head)
            {
                said.entry(head.to_string()).or_default().product = true;
            }
            if !w.bytes().next().is_some_and(|b| first_bytes[usize::from(b)]) || !firsts.contains(w) {
                continue;
            }
            let next = p.toks.get(s + 1).map_or("", |t| t.text(p.text));
            let one = names.get(&(w, "")).into_iter().flatten();
            for (words, kind) in
                one.chain(names.get(&(w, next)).filter(|_| !next.is_empty()).into_iter().flatten())
            {
                let e = s + words.len();
                let same = p
                    .toks
                    .get(s..e)
                    .is_some_and(|ts| ts.iter().zip(words).all(|(t, w)| t.text(p.text) == *w));
                if !same {
                    continue;
                }
                let text = p.text.get(t.start()..p.toks[e - 1].end()).unwrap_or("");
                let headed = head_after(p, e) || index_after(p, e);
                if headed && *kind != EntityKind::Person {
                    parts.insert((p.index, t.start(), p.toks[e - 1].end()));
                }
                let product = *kind != EntityKind::Organization && product_cue(p, s, e, lex);
                if headed || product {
                    let entry = said.entry(text.to_string()).or_default();
                    entry.headed |= headed;
                    entry.product |= product;
                }
                // The name after the maker's ("Vela Orca" and then "Orca").
                if product && words.len() >= 2 && brand(lex, words[0]) {
                    let rest = p.text.get(p.toks[s + 1].start()..p.toks[e - 1].end()).unwrap_or("");
                    said.entry(rest.to_string()).or_default().product = true;
                }
            }
        }
    }
    (said, parts)
}

/// True for a maker's name: listed, and no given name ("Dell" may be a person).
fn brand(lex: &Lexicon, w: &str) -> bool {
    brands().contains(w) && !lex.is_given(w)
}

/// A cue of a product at the name written at tokens `s..e`: its maker right before it or as
/// its first word ("Vela Orca"), model words ("Orca Pro", "the 11 Pro Max"), a device's or
/// a service's noun after it ("Orca users"). Not "the new" before it: a changed person is
/// "the new Tessa" too.
fn product_cue(p: &Pass, s: usize, e: usize, lex: &Lexicon) -> bool {
    let text = |i: usize| p.toks.get(i).map_or("", |t| t.text(p.text));
    let cap = |i: usize| p.toks.get(i).is_some_and(|t| t.is_cap(p.text));
    let before = s.checked_sub(1);
    let model = |i: usize| MODEL_WORDS.contains(&text(i));
    let first = text(s);
    let maker = before.is_some_and(|b| brand(lex, text(b)) && p.toks[b].kind() == Kind::Word && !cap(e))
        || e - s >= 2 && brand(lex, first) && !lex.is_given(text(s + 1));
    // "Orca Pro", "AirDesk Max": no given name or title first ("Peter Max").
    let ends_model = e - s >= 2 && model(e - 1) && !lex.is_given(first) && !lex.titles.contains(first);
    // "the 11 Pro Max", "a 737 Max jet": model words alone after a number.
    let numbered = (s..e).all(model) && before.is_some_and(|b| p.toks[b].kind() == Kind::Num) && !cap(e);
    let noun = PRODUCT_NOUNS.contains(&&*word(p, e));
    maker || ends_model || numbered || noun
}

/// A capitalised head or a model word after the name ending before token `e`, over at most
/// two more capitalised words ("Orca Space Telescope", "Orca Ultra", "Hang Seng Index").
fn head_after(p: &Pass, e: usize) -> bool {
    let cap = |i: usize| p.toks.get(i).is_some_and(|t| t.is_cap(p.text) && !t.sent_start());
    let text = |i: usize| p.toks.get(i).map_or("", |t| t.text(p.text));
    if cap(e) && MODEL_WORDS.contains(&text(e)) {
        return true;
    }
    (e..e + 3).take_while(|&i| cap(i)).any(|i| PRODUCT_HEADS.contains(&text(i)) && !cap(i + 1))
}

/// A market index's name: "index" after the name ("the Orca index"), or a number and a
/// verb of its move, over a code in brackets ("Orca 225 (O225) fell").
fn index_after(p: &Pass, e: usize) -> bool {
    if word(p, e) == "index" {
        return true;
    }
    if p.toks.get(e).is_none_or(|t| t.kind() != Kind::Num) {
        return false;
    }
    let mut i = e + 1;
    if word(p, i) == "(" {
        match (i + 1..(i + 5).min(p.toks.len())).find(|&k| word(p, k) == ")") {
            Some(k) => i = k + 1,
            None => return false,
        }
    }
    INDEX_MOVES.contains(&&*word(p, i))
}

/// The tokens a byte range of a passage covers.
fn tokens_of(p: &Pass, range: &Range<usize>) -> Option<Range<usize>> {
    let start = p.toks.partition_point(|t| t.start() < range.start);
    let end = p.toks.partition_point(|t| t.start() < range.end);
    (start < end).then_some(start..end)
}

/// True when the text marks the name at `toks` as a work.
/// `mentions` are those of the passage.
fn marked(p: &Pass, toks: &Range<usize>, kind: EntityKind, lex: &Lexicon, mentions: &[&Mention]) -> bool {
    let person = kind == EntityKind::Person;
    noun_before(p, toks.start, toks.end)
        || noun_after(p, toks.end)
        || person && (performed_in(p, toks) || owned(p, toks, lex, mentions) || quoted(p, toks, lex))
        || year_after(p, toks) && title_like(p, toks, lex)
        || italic(p, toks)
}

/// The lowercase form of token `i`, "" outside the passage.
fn word<'a>(p: &Pass<'a>, i: usize) -> std::borrow::Cow<'a, str> {
    p.toks.get(i).map_or("".into(), |t| lower(t.text(p.text)))
}

fn is_quote(w: &str) -> bool {
    matches!(w, "\"" | "“" | "”" | "‘" | "’" | "'" | "«" | "»")
}

/// A work noun right before token `start`, over an article, a comma, a quotation mark and a
/// verb of naming ("the film Easy Rider", "the ship, Freewinds", "a pilot titled Young
/// MacGyver", "the series The Crown"). "Titled" and "entitled" mark a work alone.
fn noun_before(p: &Pass, start: usize, end: usize) -> bool {
    let mut i = start;
    let skip = |ok: &dyn Fn(&str) -> bool, i: &mut usize| {
        if *i > 0 && ok(&word(p, *i - 1)) {
            *i -= 1;
        }
    };
    skip(&|w| is_quote(w), &mut i);
    skip(&|w| w == "the", &mut i);
    skip(&|w| is_quote(w), &mut i);
    if i > 0 && matches!(&*word(p, i - 1), "titled" | "entitled") {
        return true;
    }
    skip(&|w| matches!(w, "called" | "named"), &mut i);
    // "The cruise ship, Freewinds.": the name closes the apposition ("after films, Goode
    // has appeared" is a clause).
    let closes = p.toks.get(end).is_none_or(|t| matches!(t.kind(), Kind::Punct(_)));
    if i > 0 && word(p, i - 1) == "," {
        if !closes {
            return false;
        }
        i -= 1;
    }
    let Some(k) = i.checked_sub(1) else { return false };
    work_noun(p, k)
}

/// True when token `k` is a work noun used as one.
fn work_noun(p: &Pass, k: usize) -> bool {
    let w = word(p, k);
    if WORK_NOUNS.contains(&&*w) {
        return true;
    }
    // "The voice assistant Orca"; not a person's assistant ("his assistant Mara").
    if w == "assistant" {
        return k.checked_sub(1).is_some_and(|b| matches!(&*word(p, b), "voice" | "virtual" | "digital"));
    }
    if !VERB_NOUNS.contains(&&*w) {
        return false;
    }
    let Some(before) = k.checked_sub(1).and_then(|b| p.toks.get(b)) else { return false };
    matches!(before.kind(), Kind::Num | Kind::Poss) || DETERMINERS.contains(&&*lower(before.text(p.text)))
}

/// An apposition whose head is a work noun after the name ending before token `end`
/// ("Cry Wolf, another horror film,"). Not a work noun that qualifies another noun ("Ann
/// Lee, a film director").
fn noun_after(p: &Pass, end: usize) -> bool {
    if word(p, end) != "," || !matches!(&*word(p, end + 1), "a" | "an" | "another" | "the" | "his" | "her") {
        return false;
    }
    (end + 2..(end + 6).min(p.toks.len())).find(|&k| work_noun(p, k)).is_some_and(|k| {
        let modifiers = (end + 2..k)
            .all(|i| p.toks[i].kind() == Kind::Num || p.toks[i].text(p.text).starts_with(char::is_lowercase));
        let next = p.toks.get(k + 1);
        let head = next.is_none_or(|t| matches!(t.kind(), Kind::Punct(_)))
            || matches!(
                &*word(p, k + 1),
                "by" | "about" | "from" | "that" | "which" | "directed" | "written"
            );
        modifiers && head
    })
}

/// A performance in the name ("starred in Cry Wolf", "roles in Supernatural"); not a
/// person's work ("appeared in Malle's films").
fn performed_in(p: &Pass, toks: &Range<usize>) -> bool {
    let Some(k) = toks.start.checked_sub(2) else { return false };
    let poss = p.toks.get(toks.end).is_some_and(|t| t.kind() == Kind::Poss);
    word(p, k + 1) == "in" && PERFORMED.contains(&&*word(p, k)) && !poss
}

/// A person's full name and possessive right before the name ("Joseph Louis Lagrange's
/// Mécanique Analytique"); not before a given name ("Ann Lowe's Tom"), and not a single
/// word, which is as often an organisation's ("Youngspiration's Baggio Leung").
fn owned(p: &Pass, toks: &Range<usize>, lex: &Lexicon, mentions: &[&Mention]) -> bool {
    let Some(poss) = toks.start.checked_sub(1).and_then(|i| p.toks.get(i)) else { return false };
    let first = p.toks.get(toks.start).map_or("", |t| t.text(p.text));
    poss.kind() == Kind::Poss
        && !lex.is_given(first)
        && mentions.iter().any(|m| {
            let full = p.text.get(m.range.clone()).is_some_and(|t| t.contains(' '));
            m.passage == p.index
                && m.kind == EntityKind::Person
                && m.named
                && m.range.end == poss.start()
                && full
        })
}

/// Quotation marks right around a name of two words or more in running text ("the
/// painting "Joan of Arc""; a headline's quotation marks are as often scare quotes around
/// a person); not a name as a word ("the name "Marbles"", "known as "Jenna Marbles"") nor a
/// title and a name ("her dog "Mr. Marbles"").
fn quoted(p: &Pass, toks: &Range<usize>, lex: &Lexicon) -> bool {
    let Some(open) = toks.start.checked_sub(1) else { return false };
    let named = open.checked_sub(1).is_some_and(|i| {
        let w = word(p, i);
        let naming =
            ["name", "named", "called", "nicknamed", "as", "surname", "nickname", "pseudonym", "alias"];
        naming.contains(&&*w) || w.ends_with("name")
    });
    let first = p.toks.get(toks.start).map_or("", |t| t.text(p.text));
    let initial = first.ends_with('.') && first.chars().filter(|c| c.is_alphabetic()).count() <= 2;
    !p.headline
        && toks.len() >= 2
        && !named
        && !initial
        && !lex.titles.contains(first)
        && is_quote(&word(p, open))
        && is_quote(&word(p, toks.end))
}

/// A year in brackets after the name, alone or after a comma inside the brackets around the
/// name ("Stoker (2013)", "(Les Amants, 1959)").
fn year_after(p: &Pass, toks: &Range<usize>) -> bool {
    let year = |i: usize| {
        p.toks.get(i).is_some_and(|t| {
            let w = t.text(p.text);
            t.kind() == Kind::Num
                && w.len() == 4
                && (w.starts_with("18") || w.starts_with("19") || w.starts_with("20"))
        })
    };
    let e = toks.end;
    let after = word(p, e) == "(" && year(e + 1) && word(p, e + 2) == ")";
    let inside = toks.start > 0
        && word(p, toks.start - 1) == "("
        && word(p, e) == ","
        && year(e + 1)
        && word(p, e + 2) == ")";
    after || inside
}

/// A name shaped like a title, not like a person's: after "The" or "A", or holding a common
/// word that is no census name ("The Lookout", "Burning Man", "Leap Year").
fn title_like(p: &Pass, toks: &Range<usize>, lex: &Lexicon) -> bool {
    let article = |w: &str| matches!(w, "The" | "A" | "An");
    let first = p.toks.get(toks.start).map_or("", |t| t.text(p.text));
    let before = toks.start.checked_sub(1).and_then(|i| p.toks.get(i)).map_or("", |t| t.text(p.text));
    article(first)
        || article(before)
        || p.toks[toks.clone()].iter().any(|t| {
            let w = t.text(p.text);
            let l = lower(w);
            t.kind() == Kind::Word && lex.common.contains(&l) && !lex.is_given(w) && !lex.surnames.contains(w)
        })
}

/// The first tokens of every name with a year in brackets in a passage that lists at least
/// `least` title-like ones (two for a list of works) ("A Single Man (2009), Cemetery
/// Junction (2010), Stoker (2013)"): all of them are titles.
pub(super) fn titles_in(p: &Pass, lex: &Lexicon, least: usize) -> HashSet<usize> {
    let mut names = Vec::new();
    let mut start = None;
    for (i, t) in p.toks.iter().enumerate() {
        let cap = t.is_cap(p.text) || start.is_some() && matches!(&*word(p, i), "of" | "the" | "and");
        if cap {
            start = start.or(Some(i));
            continue;
        }
        if let Some(s) = start.take()
            && year_after(p, &(s..i))
        {
            names.push(s..i);
        }
    }
    let titles = names.iter().filter(|r| title_like(p, r, lex)).count();
    if titles >= least { names.into_iter().map(|r| r.start).collect() } else { HashSet::default() }
}

/// Italics around the name and nothing else but an article ("*The Dragon Waiting*"): not
/// a name inside a longer italic title ("*Washington Post*", "*Light a Wish by Ann Lee*"),
/// nor a paragraph all in italics.
fn italic(p: &Pass, toks: &Range<usize>) -> bool {
    let (Some(first), Some(last)) = (p.toks.get(toks.start), p.toks.get(toks.end - 1)) else { return false };
    let name = first.start()..last.end();
    p.styles.iter().filter(|s| s.style == StyleKind::Em).any(|s| {
        p.passage.to_text(s.span).is_some_and(|r| {
            let Some(text) = p.text.get(r.clone()) else { return false };
            let lead = text.len() - text.trim_start_matches(|c: char| !c.is_alphanumeric()).len();
            let body = text.trim_matches(|c: char| !c.is_alphanumeric());
            let article = ["The ", "A ", "An "].iter().find(|a| body.starts_with(**a)).map_or(0, |a| a.len());
            let start = r.start + lead;
            let end = start + body.len();
            // A whole italic paragraph is a caption or a dateline, not a title.
            let whole = body.len() == p.text.trim_matches(|c: char| !c.is_alphanumeric()).len();
            !whole && (name.start == start || name.start == start + article) && name.end == end
        })
    })
}

#[cfg(test)]
mod tests {
    use crate::document::EntityKind;
    use crate::extract::test_entities;

    fn people(text: &str) -> Vec<String> {
        test_entities(text).into_iter().filter(|e| e.kind == EntityKind::Person).map(|e| e.name).collect()
    }

    #[test]
    fn works_marked_by_the_text_are_not_people() {
        // (text, a name that must not be a person, a person that must stay, or "")
        let cases: &[(&str, &str, &str)] = &[
            ("She was praised for the 1994 film Silver Harbour by critics.", "Silver Harbour", ""),
            ("Mara Kovac wrote the novel Dunmore Lights in Vienna.", "Dunmore Lights", "Mara Kovac"),
            ("Later he filmed a pilot titled Young Orlando that failed.", "Young Orlando", ""),
            ("Tom Reyes starred in Quiet Orchard with Ann Lowe.", "Quiet Orchard", "Tom Reyes"),
            ("In 2005 he was in Grey Tallow, another horror film, as Tom.", "Grey Tallow", ""),
            ("They admired Luis Velasco's Verano Gris at the museum.", "Verano Gris", ""),
            ("They stood before the painting \"Joan Ferris\" for an hour.", "Joan Ferris", ""),
            ("Her films include The Lookout (2007), Halden (2013) and Morrow (2014).", "Halden", ""),
            // A surname with a year is a citation: the author stays a person.
            ("As Martin Fenwick (1964) argued, the verse runs on.", "", "Martin Fenwick"),
            // A work noun that qualifies another noun names no work.
            ("Yesterday Ann Lee, a film director, spoke.", "", "Ann Lee"),
            ("The polls show Dara Quillfeather ahead.", "", "Dara Quillfeather"),
            ("After three films, Dara Quillfeather retired.", "", "Dara Quillfeather"),
            ("Her stage name \"Ann Tully\" stuck.", "", "Ann Tully"),
        ];
        for (text, work, person) in cases {
            let got = people(text);
            assert!(work.is_empty() || !got.iter().any(|g| g == work), "{text}: {got:?}");
            assert!(person.is_empty() || got.iter().any(|g| g == person), "{text}: {got:?}");
        }
    }

    #[test]
    fn products_are_not_people_or_places() {
        // (text, a name that must be no person or place, one that must stay, or "")
        let cases: &[(&str, &str, &str)] = &[
            (
                "Millions of Nora Quill users stream music every day, and Nora Quill answers them.",
                "Nora Quill",
                "",
            ),
            ("Owners of an Amazon Nora Quill device can ask it for the weather.", "Amazon Nora Quill", ""),
            ("The earbuds have Nora Quill built-in, and they cost less than rival models.", "Nora Quill", ""),
            (
                "Buyers waited for the Dara Lane Ultra, and the Dara Lane sold out in Japan.",
                "Dara Lane",
                "Japan",
            ),
            ("The Dara Lane-enabled speakers sold out in Japan.", "Dara Lane-enabled", "Japan"),
            (
                "Players can ask the voice assistant Nora Quill about the weather in Oslo.",
                "Nora Quill",
                "Oslo",
            ),
            ("The Dara Lane app lets drivers in Oslo pay for parking.", "Dara Lane", "Oslo"),
            ("Sales of the 8 Max rose again, and the 8 Max returns to service in June.", "Max", ""),
            ("The Quill Space Telescope found water. Quill's images show plumes near the pole.", "Quill", ""),
            // Model words, nouns and "new" that make no product.
            ("Max Ferrand arrived in Madrid in 2019. In 2019 Max Ferrand won the race.", "", "Max Ferrand"),
            ("His assistant Mara Quell booked the flight to Oslo.", "", "Mara Quell"),
            ("Peter Max painted the wall of the station.", "", "Peter Max"),
            ("Mara Quell joined the firm in Oslo. Her new Tom Vance is a painter.", "", "Tom Vance"),
            ("Tom Vance left for Oslo, and the new Tom Vance came home a stranger.", "", "Tom Vance"),
        ];
        for (text, work, kept) in cases {
            let got: Vec<String> = test_entities(text)
                .into_iter()
                .filter(|e| matches!(e.kind, EntityKind::Person | EntityKind::Place))
                .map(|e| e.name)
                .collect();
            assert!(work.is_empty() || !got.iter().any(|g| g == work), "{text}: {got:?}");
            assert!(kept.is_empty() || got.iter().any(|g| g == kept), "{text}: {got:?}");
        }
    }

    #[test]
    fn a_place_in_an_index_name_is_left_out_there_only() {
        let cases = [
            "Traders said the Lisbon 300 (LIS) slipped 0.4% before noon, and brokers in Lisbon stayed calm.",
            "Traders watched the Lisbon index all day, while brokers in Lisbon stayed calm.",
            "The Lisbon Composite fell 1% on Monday, but brokers in Lisbon stayed calm.",
        ];
        for text in cases {
            let places: Vec<(String, usize)> = test_entities(text)
                .into_iter()
                .filter(|e| e.kind == EntityKind::Place)
                .map(|e| (e.name, e.mentions.len()))
                .collect();
            assert_eq!(places, [("Lisbon".to_string(), 1)], "{text}");
        }
    }

    #[test]
    fn a_city_name_cut_inside_a_word_is_no_place() {
        let lex = crate::extract::lexicon::get();
        for fragment in ["Mosco", "Istanbu", "Damascu"] {
            assert!(!lex.places.contains_key(fragment), "{fragment}");
        }
        // A whole first word and a transliteration without its final h stay.
        for name in ["Rio", "Basra", "Moscow"] {
            assert!(lex.places.contains_key(name), "{name}");
        }
    }

    #[test]
    fn a_name_marked_once_is_a_work_throughout() {
        let got = people("We saw the film Marlow Keene twice. Marlow Keene won every prize.");
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn an_italic_title_is_not_a_person() {
        let md = b"# Books\n\nShe wrote *Web of Angels* and *Darrow Quill* in one year, said Ann Tully.\n";
        let doc = crate::ingest::markdown::parse(md).expect("markdown").into_document();
        let names: Vec<(EntityKind, String)> =
            crate::extract::entities(&doc).into_iter().map(|e| (e.kind, e.name)).collect();
        assert!(!names.iter().any(|(k, n)| *k == EntityKind::Person && n.contains("Darrow")), "{names:?}");
        assert!(names.contains(&(EntityKind::Person, "Ann Tully".to_string())), "{names:?}");
    }
}
