//! The word lists and gazetteers of `data/`, embedded in the binary and parsed once.
//!
//! Every list is data with a header naming its source; this file only parses them. The
//! places a headline or a split name holds are found as whole words in running text
//! ([`PlaceNames`]); the other lists are sets looked up per token. The four big lists (places,
//! given names, surnames, common words) stay in the embedded text, indexed by [`Lines`].

use aho_corasick::{AhoCorasick, MatchKind};
use hashbrown::HashTable;
use rustc_hash::{FxBuildHasher, FxHashMap as HashMap, FxHashSet as HashSet};
use std::hash::BuildHasher;
use std::sync::LazyLock;

static PLACES: &str = include_str!("../../data/places.tsv");
static PLACE_ALIASES: &str = include_str!("../../data/place_aliases.tsv");
static GIVEN_NAMES: &str = include_str!("../../data/given_names.txt");
static SURNAMES: &str = include_str!("../../data/surnames.txt");
static STOPWORDS: &str = include_str!("../../data/stopwords.txt");
static TITLES: &str = include_str!("../../data/titles.txt");
static ROLES: &str = include_str!("../../data/roles.txt");
static EVENTS: &str = include_str!("../../data/events.tsv");
static EVENT_HEADS: &str = include_str!("../../data/event_heads.txt");
static PLACE_CUES: &str = include_str!("../../data/place_cues.txt");
static ORG_CUES: &str = include_str!("../../data/org_cues.txt");
static COMPANY_HEADS: &str = include_str!("../../data/company_heads.txt");
static ORG_NOUNS: &str = include_str!("../../data/org_nouns.txt");
static ORG_NAMES: &str = include_str!("../../data/org_names.txt");
static ORG_WORDNET: &str = include_str!("../../data/org_wordnet.txt");
static PEOPLE_WORDNET: &str = include_str!("../../data/people_wordnet.txt");
static DEMONYMS: &str = include_str!("../../data/demonyms.txt");
static GROUPS: &str = include_str!("../../data/groups.txt");
static COMMON_WORDS: &str = include_str!("../../data/common_words.txt");
static FUNCTION_WORDS: &str = include_str!("../../data/function_words.txt");

/// What kind of place a gazetteer entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceKind {
    /// A continent or a large region ("Eastern Europe").
    Continent,
    /// A sovereign country.
    Country,
    /// A state, province or county.
    Region,
    /// A city or town.
    City,
}

/// One gazetteer entry.
#[derive(Debug, Clone, Copy)]
pub struct Place {
    /// Its kind.
    pub kind: PlaceKind,
    /// The name shown for every alias ("United States" for "US").
    pub canonical: &'static str,
    /// Population, 0 when unknown; ranks ambiguous names.
    pub population: u64,
}

/// The lines of an embedded data file, found by their first field (up to a tab).
///
/// A hash table of line offsets: 4 bytes an entry, where a map of string slices takes 16
/// and more, and nothing is copied out of the text.
#[derive(Debug)]
pub struct Lines {
    data: &'static str,
    index: HashTable<u32>,
}

impl Lines {
    /// Indexes the lines of `data` (without header comments and blank lines) that `keep`
    /// accepts; of lines with the same key, the last one counts.
    fn new(data: &'static str, mut keep: impl FnMut(&'static str) -> bool) -> Lines {
        // Sized once, for as many entries as the text has lines: growing would hash every
        // key again, finding each in the text.
        let mut index = HashTable::with_capacity(data.bytes().filter(|&b| b == b'\n').count() + 1);
        let hash = |key: &str| FxBuildHasher.hash_one(key);
        for line in lines(data).filter(|l| keep(l)) {
            let at = (line.as_ptr() as usize - data.as_ptr() as usize) as u32;
            let key = key_of(line);
            let entry =
                index.entry(hash(key), |&o| has_key(data, o, key), |&o| hash(key_of(line_at(data, o))));
            match entry {
                hashbrown::hash_table::Entry::Occupied(mut e) => *e.get_mut() = at,
                hashbrown::hash_table::Entry::Vacant(e) => {
                    e.insert(at);
                }
            }
        }
        Lines { data, index }
    }

    /// No lines of `data`: a place held until the lines are indexed.
    fn empty(data: &'static str) -> Lines {
        Lines { data, index: HashTable::new() }
    }

    /// Where the line whose key is `key` starts.
    fn find(&self, key: &str) -> Option<u32> {
        let hash = FxBuildHasher.hash_one(key);
        self.index.find(hash, |&o| has_key(self.data, o, key)).copied()
    }

    /// The line whose key is `key`.
    pub fn get(&self, key: &str) -> Option<&'static str> {
        self.find(key).map(|at| line_at(self.data, at))
    }

    /// True when a line has the key `key`.
    pub fn contains(&self, key: &str) -> bool {
        self.find(key).is_some()
    }
}

/// The line of `data` starting at byte `at`, without its line break.
fn line_at(data: &'static str, at: u32) -> &'static str {
    let rest = data.get(at as usize..).unwrap_or("");
    rest.split('\n').next().unwrap_or("").trim_end()
}

/// True when the line of `data` at byte `at` has the key `key`, read without finding the
/// line's end.
fn has_key(data: &str, at: u32, key: &str) -> bool {
    let rest = data.as_bytes().get(at as usize..).unwrap_or(&[]);
    rest.starts_with(key.as_bytes()) && matches!(rest.get(key.len()), None | Some(b'\t' | b'\n' | b'\r'))
}

/// A line's first field.
fn key_of(line: &str) -> &str {
    fields(line).next().unwrap_or(line)
}

/// The tab-separated fields of a line. A byte loop: for fields this short, a searcher's
/// set-up costs more than the search (the gazetteer's 40,000 lines are split at start-up).
fn fields(line: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(line);
    std::iter::from_fn(move || {
        let s = rest?;
        match s.bytes().position(|b| b == b'\t') {
            Some(i) => {
                rest = s.get(i + 1..);
                s.get(..i)
            }
            None => rest.take(),
        }
    })
}

/// True for a name the chunker splits: one holding " and " or ", ".
fn joins(name: &str) -> bool {
    let b = name.as_bytes();
    (0..b.len()).any(|i| b[i..].starts_with(b", ") || b[i..].starts_with(b" and "))
}

/// The gazetteer: names and aliases of places, exact case.
#[derive(Debug)]
pub struct Places {
    /// `name<TAB>kind<TAB>canonical<TAB>population` lines.
    table: Lines,
    /// Other names of places ("US", "America"), over the table.
    aliases: HashMap<&'static str, Place>,
}

impl Places {
    /// The place named `name`.
    pub fn get(&self, name: &str) -> Option<Place> {
        self.aliases.get(name).copied().or_else(|| self.table.get(name).and_then(place))
    }

    /// True when `name` names a place.
    pub fn contains_key(&self, name: &str) -> bool {
        self.aliases.contains_key(name) || self.table.contains(name)
    }
}

/// The place of a gazetteer line.
fn place(line: &'static str) -> Option<Place> {
    let mut f = fields(line);
    let (Some(_), Some(kind), Some(canonical)) = (f.next(), f.next(), f.next()) else {
        return None;
    };
    let population = f.next().and_then(|p| p.parse().ok()).unwrap_or(0);
    Some(Place { kind: place_kind(kind), canonical, population })
}

/// Gazetteer names found as whole words in running text, where the chunker cannot be relied
/// on: headlines, where capitals are no evidence, and names holding a lowercase word or a
/// comma ("Bosnia and Herzegovina", "Washington, D.C."). A set looked up from each word's
/// start, longest first: building an automaton of the four thousand names cost more at
/// start-up than a whole short article's extraction.
#[derive(Debug)]
pub struct PlaceNames {
    names: HashSet<&'static str>,
    /// The longest name's bytes: how far a look-up reaches from a word's start.
    longest: usize,
    /// The names that hold " and " or ", ", for text the chunker split, and their
    /// automaton (a few dozen names: built in microseconds, one pass over a long text).
    joined: Vec<&'static str>,
    joined_matcher: AhoCorasick,
}

impl PlaceNames {
    fn new(names: impl IntoIterator<Item = &'static str>) -> PlaceNames {
        let names: HashSet<&'static str> = names.into_iter().collect();
        let longest = names.iter().map(|n| n.len()).max().unwrap_or(0);
        let mut joined: Vec<&'static str> = names.iter().copied().filter(|n| joins(n)).collect();
        joined.sort_unstable();
        let joined_matcher = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&joined)
            .expect("the gazetteer's joined names build an automaton");
        PlaceNames { names, longest, joined, joined_matcher }
    }

    /// The names in `text` as whole words (neither letter nor digit on either side), each
    /// the longest from its start, left to right and not overlapping.
    pub fn find(&self, text: &str) -> Vec<(std::ops::Range<usize>, &'static str)> {
        let alnum_at = |i: usize| text[i..].chars().next().is_some_and(char::is_alphanumeric);
        let mut found = Vec::new();
        let mut from = 0;
        let mut prev_alnum = false;
        for (s, c) in text.char_indices() {
            let starts = !prev_alnum && c.is_alphanumeric();
            prev_alnum = c.is_alphanumeric();
            if s < from || !starts {
                continue;
            }
            let rest = &text[s..];
            let mut ends: Vec<usize> = rest
                .char_indices()
                .map(|(k, ch)| k + ch.len_utf8())
                .take_while(|&k| k <= self.longest)
                .filter(|&k| !alnum_at(s + k))
                .collect();
            ends.reverse();
            if let Some(name) = ends.into_iter().find_map(|k| self.names.get(&rest[..k])) {
                found.push((s..s + name.len(), *name));
                from = s + name.len();
            }
        }
        found
    }

    /// The names holding " and " or ", " in `text`, as whole words, leftmost and longest
    /// first.
    pub fn find_joined(&self, text: &str) -> Vec<(std::ops::Range<usize>, &'static str)> {
        let boundary = |c: Option<char>| !c.is_some_and(char::is_alphanumeric);
        self.joined_matcher
            .find_iter(text)
            .filter(|m| {
                boundary(text[..m.start()].chars().next_back()) && boundary(text[m.end()..].chars().next())
            })
            .filter_map(|m| Some((m.range(), *self.joined.get(m.pattern().as_usize())?)))
            .collect()
    }
}

/// All lists, parsed.
#[derive(Debug)]
pub struct Lexicon {
    /// Place names and aliases, exact case.
    pub places: Places,
    /// The places looked for in running text: countries, regions, large cities and names
    /// the chunker splits.
    pub place_names: PlaceNames,
    /// Given names, capitalised ("Mary").
    pub given: Lines,
    /// Surnames, capitalised ("Poisson").
    pub surnames: Lines,
    /// Lowercase words that are never names on their own.
    pub stop: HashSet<&'static str>,
    /// Titles and honorifics, exact case, possibly several words.
    pub titles: HashSet<&'static str>,
    /// Lowercase role nouns, possibly several words.
    pub roles: HashSet<&'static str>,
    /// First words of the roles of several words ("prime" of "prime minister").
    pub role_firsts: HashSet<&'static str>,
    /// Lowercase trigger noun to its coreference class.
    pub triggers: HashMap<&'static str, &'static str>,
    /// Capitalised heads of named events, possibly several words.
    pub event_heads: HashSet<&'static str>,
    /// Last words of feature and facility names.
    pub place_heads: HashSet<&'static str>,
    /// First words of feature and facility names.
    pub place_prefixes: HashSet<&'static str>,
    /// Words marking organisations and works.
    pub org_cues: HashSet<&'static str>,
    /// Words that end company names ("Capital", "Robotics", "LLC"): read by rules only.
    pub company_heads: HashSet<&'static str>,
    /// Lowercase nouns that follow an organisation's name ("founder", "shares", "coach").
    pub org_nouns: HashSet<&'static str>,
    /// Names of organisations, exact case ("Cleveland Browns", "NASA", "The New York Times").
    pub orgs: NameList,
    /// Names of well-known people, exact case ("Albert Einstein", "Einstein", "Cleopatra").
    pub people: NameList,
    /// Lowercase function words: they end a run of modifiers, and never start a name.
    pub function: HashSet<&'static str>,
    /// Nationality words ("Russian", "French"): neither people nor places.
    pub demonyms: HashSet<&'static str>,
    /// Named peoples and faiths written as plurals ("Tatars", "Sikhs").
    pub groups: HashSet<&'static str>,
    /// Frequent English words, lowercase: a name made of them is more often a title or a venue.
    pub common: Lines,
}

/// Names of several words, matched whole over running text.
#[derive(Debug)]
pub struct NameList {
    /// The names, exact case, words spaced once.
    pub names: HashSet<&'static str>,
    /// Every name up to each of its spaces ("The", "The New" of "The New York Times"): a
    /// text that goes on past a space with none of them before it starts no name.
    pub prefixes: HashSet<&'static str>,
    /// The longest name, in bytes.
    pub longest: usize,
}

impl NameList {
    fn new(names: HashSet<&'static str>) -> NameList {
        let prefixes = names
            .iter()
            .flat_map(|n| n.char_indices().filter(|(_, c)| c.is_whitespace()).map(|(at, _)| &n[..at]))
            .collect();
        let longest = names.iter().map(|n| n.len()).max().unwrap_or(0);
        NameList { names, prefixes, longest }
    }

    /// True when `name` is listed.
    pub fn contains(&self, name: &str) -> bool {
        self.names.contains(name)
    }
}

/// Lines of a data file without header comments and blank lines.
fn lines(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn words(data: &'static str) -> impl Iterator<Item = &'static str> {
    lines(data).flat_map(str::split_whitespace)
}

fn place_kind(s: &str) -> PlaceKind {
    match s {
        "continent" => PlaceKind::Continent,
        "country" => PlaceKind::Country,
        "region" => PlaceKind::Region,
        _ => PlaceKind::City,
    }
}

impl Lexicon {
    fn load() -> Lexicon {
        // The big word lists are indexed on a second thread while the gazetteer is read.
        std::thread::scope(|scope| {
            let lists = scope.spawn(|| {
                (
                    Lines::new(GIVEN_NAMES, |_| true),
                    Lines::new(SURNAMES, |_| true),
                    Lines::new(COMMON_WORDS, |_| true),
                    NameList::new(lines(PEOPLE_WORDNET).collect()),
                )
            });
            let rest = Lexicon::gazetteer();
            let (given, surnames, common, people) =
                lists.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            Lexicon { given, surnames, common, people, ..rest }
        })
    }

    /// Everything but the lists [`Lexicon::load`] indexes on its second thread.
    fn gazetteer() -> Lexicon {
        let mut place_heads = HashSet::default();
        let mut place_prefixes = HashSet::default();
        for w in lines(PLACE_CUES) {
            match w.strip_prefix('^') {
                Some(p) => place_prefixes.insert(p),
                None => place_heads.insert(w),
            };
        }
        // Small towns named like a word of other names ("University", "Airport", "Bay"): the
        // word is far more often part of an organisation's or a feature's name.
        let org_cues: HashSet<&'static str> = lines(ORG_CUES).collect();
        let titles: HashSet<&'static str> = lines(TITLES).collect();
        let orgs: HashSet<&'static str> = lines(ORG_NAMES).chain(lines(ORG_WORDNET)).collect();
        // Headlines are searched for countries, regions and cities of a million people, and
        // body text for names the chunker splits ("Bosnia and Herzegovina", "Washington,
        // D.C."): only those are looked for, a tenth of the gazetteer, picked while the
        // gazetteer is read, each line parsed once.
        let compiled =
            |name: &str, p: &Place| p.kind != PlaceKind::City || p.population >= 1_000_000 || joins(name);
        // The words a small town must not be named like, in one set: one look-up a line.
        let cues: HashSet<&str> =
            org_cues.iter().chain(&place_heads).chain(&place_prefixes).chain(&titles).copied().collect();
        let mut place_names: Vec<&'static str> = Vec::new();
        let table = Lines::new(PLACES, |line| {
            let name = key_of(line);
            let Some(p) = place(line) else { return false };
            let kept = p.kind != PlaceKind::City || p.population >= 100_000 || !cues.contains(name);
            if kept && compiled(name, &p) {
                place_names.push(name);
            }
            kept
        });
        let mut aliases = HashMap::default();
        for line in lines(PLACE_ALIASES) {
            let Some((alias, canonical)) = line.split_once('\t') else { continue };
            let target = table.get(canonical).and_then(place);
            let place = target.unwrap_or(Place { kind: PlaceKind::Continent, canonical, population: 0 });
            aliases.insert(alias, place);
        }
        // An alias stands for the gazetteer's line of the same name.
        place_names.retain(|name| !aliases.contains_key(name));
        place_names.extend(aliases.iter().filter(|(name, p)| compiled(name, p)).map(|(name, _)| *name));
        let places = Places { table, aliases };
        Lexicon {
            places,
            place_names: PlaceNames::new(place_names),
            given: Lines::empty(GIVEN_NAMES),
            surnames: Lines::empty(SURNAMES),
            stop: words(STOPWORDS).collect(),
            titles,
            roles: lines(ROLES).collect(),
            role_firsts: lines(ROLES).filter_map(|r| r.split_once(' ').map(|(first, _)| first)).collect(),
            triggers: lines(EVENTS).filter_map(|l| l.split_once('\t')).collect(),
            event_heads: lines(EVENT_HEADS).collect(),
            place_heads,
            place_prefixes,
            org_cues,
            company_heads: lines(COMPANY_HEADS).collect(),
            org_nouns: words(ORG_NOUNS).collect(),
            orgs: NameList::new(orgs),
            people: NameList::new(HashSet::default()),
            demonyms: lines(DEMONYMS).collect(),
            groups: lines(GROUPS).collect(),
            common: Lines::empty(COMMON_WORDS),
            function: words(FUNCTION_WORDS).collect(),
        }
    }

    /// True for a name of two words or more, a given name first and a surname last ("Nathan
    /// Law", "Mary Ann Chan"): a person's shape, whatever the words around say.
    pub fn person_shaped(&self, words: &[&str]) -> bool {
        matches!(words, [first, .., last] if self.is_given(first) && self.surnames.contains(last))
    }

    /// True for a given name, also hyphenated ("Jean-Louis", "Mary-Kate") or with accents the
    /// census lists do not write ("François", "Gérard", "Iván").
    pub fn is_given(&self, word: &str) -> bool {
        let first = word.split('-').next().unwrap_or(word);
        self.given.contains(first) || !first.is_ascii() && self.given.contains(fold(first).as_str())
    }

    /// True for a lowercase word that is never a name on its own.
    pub fn is_stop(&self, lower: &str) -> bool {
        self.stop.contains(lower)
    }

    /// True for a nationality word: a listed one, or a place name plus a demonym ending
    /// ("Ukrainian" from "Ukraine", "Korean" from "Korea", "Japanese" from "Japan").
    pub fn is_demonym(&self, word: &str) -> bool {
        if self.demonyms.contains(word) {
            return true;
        }
        let word = word.strip_suffix('s').filter(|w| w.ends_with("an")).unwrap_or(word);
        for suffix in ["ian", "an", "ese", "ish", "i", "n"] {
            if let Some(stem) = word.strip_suffix(suffix)
                && stem.chars().count() >= 3
            {
                for end in ["", "a", "e", "y", "o", "ia"] {
                    let mut s = stem.to_string();
                    s.push_str(end);
                    if self.places.get(s.as_str()).is_some_and(|p| p.kind != PlaceKind::City) {
                        return true;
                    }
                }
            }
        }
        false
    }
}

/// A word with the accents of Latin letters removed ("François" → "Francois").
pub fn fold(word: &str) -> String {
    word.chars()
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
            'ç' | 'ć' | 'č' => 'c',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ñ' | 'ń' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ý' | 'ÿ' => 'y',
            'ł' => 'l',
            'ś' | 'š' => 's',
            'ź' | 'ż' | 'ž' => 'z',
            'É' => 'E',
            'Á' => 'A',
            'Ł' => 'L',
            'Ś' | 'Š' => 'S',
            'Ž' => 'Z',
            other => other,
        })
        .collect()
}

/// The parsed lists, built on first use.
pub fn get() -> &'static Lexicon {
    static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::load);
    &LEXICON
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn place_names_are_found_as_whole_words_longest_first() {
        let names = PlaceNames::new(["New York", "York", "Russia", "US", "Bosnia and Herzegovina", "Bosnia"]);
        let found =
            |text: &'static str| names.find(text).into_iter().map(|(r, n)| (&text[r], n)).collect::<Vec<_>>();
        assert_eq!(
            found("New York, Yorkshire and US-Russia talks"),
            [("New York", "New York"), ("US", "US"), ("Russia", "Russia")]
        );
        assert_eq!(
            found("BUS stops in Bosnia and Herzegovina"),
            [("Bosnia and Herzegovina", "Bosnia and Herzegovina")]
        );
        assert!(found("Yorkers, Bosnians").is_empty());
        let joined = |text: &str| names.find_joined(text).into_iter().map(|(_, n)| n).collect::<Vec<_>>();
        assert_eq!(joined("from Bosnia and Herzegovina and York"), ["Bosnia and Herzegovina"]);
        assert!(joined("Bosnia and Herzegovinan").is_empty());
    }

    #[test]
    fn lists_load_and_answer() {
        let lex = get();
        let cases: &[(&str, bool)] =
            &[("Ukraine", true), ("Miami", true), ("US", true), ("Privacy", false), ("University", false)];
        for &(name, place) in cases {
            assert_eq!(lex.places.contains_key(name), place, "{name}");
        }
        assert_eq!(lex.places.get("US").map(|p| p.canonical), Some("United States"));
        assert_eq!(lex.places.get("America").map(|p| p.canonical), Some("United States"));
        assert!(lex.given.contains("Mary") && !lex.given.contains("Privacy"));
        for (word, demonym) in [("Ukrainian", true), ("Russian", true), ("Italian", true), ("Miami", false)] {
            assert_eq!(lex.is_demonym(word), demonym, "{word}");
        }
        assert_eq!(lex.triggers.get("talks"), Some(&"talks"));
        for (word, given) in
            [("Françoise", true), ("Jean-Louis", true), ("Iván", true), ("Mary", true), ("Ukraine", false)]
        {
            assert_eq!(lex.is_given(word), given, "{word}");
        }
    }
}
