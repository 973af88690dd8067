//! Capitalised-sequence chunking: runs of capitalised words ("Jean Maximilien Lamarque",
//! "Battle of Chudnov") that may be names, aware of sentence starts and headlines.
//!
//! A chunk is only a candidate; people, places and events decide what it is.

use super::lexicon::Lexicon;
use super::pass::{Pass, Seen, lower};
use super::tokens::{Kind, Token, is_cap_word};
use rustc_hash::FxHashSet as HashSet;

/// Lowercase words that may sit inside a name between capitalised words.
/// "and" is not one: "Miami and Odesa" are two names (the gazetteer knows "Antigua and Barbuda").
pub const CONNECTORS: &[&str] = &[
    "of", "de", "du", "la", "le", "des", "von", "van", "der", "den", "da", "di", "del", "al", "bin", "ibn",
    "y",
];

/// A run of capitalised words: token indices `first..end` of a passage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Chunk {
    /// First token.
    pub first: usize,
    /// One past the last token.
    pub end: usize,
}

impl Chunk {
    /// The chunk's words, as written.
    pub fn words<'a>(&self, p: &'a Pass) -> Vec<&'a str> {
        p.toks[self.first..self.end].iter().map(|t| t.text(p.text)).collect()
    }

    /// The chunk's text range in the passage.
    pub fn range(&self, p: &Pass) -> std::ops::Range<usize> {
        let s = p.toks.get(self.first).map_or(0, |t| t.start());
        let e = p.toks.get(self.end.saturating_sub(1)).map_or(s, |t| t.end());
        s..e
    }

    /// The chunk's text.
    pub fn text<'a>(&self, p: &'a Pass) -> &'a str {
        p.text.get(self.range(p)).unwrap_or("")
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.end - self.first
    }

    /// True when the chunk has no token.
    pub fn is_empty(&self) -> bool {
        self.end <= self.first
    }
}

/// True when a word written in capitals says nothing about it being a name: it opens a
/// sentence and is a common word (listed, or seen in lowercase elsewhere in the document).
pub fn uninformative(lex: &Lexicon, lower_seen: &Seen, t: &Token, text: &str) -> bool {
    let w = t.text(text);
    let l = lower(w);
    // Inside a sentence a capital is evidence: only function and calendar words are dropped
    // ("New York", "Main Street" keep their first word).
    if !t.sent_start() {
        // "Will Rogers": mid-sentence, a capitalised function word that is a given name is one.
        // Month and day names: capitalised everywhere, never a name of their own.
        let calendar = crate::calendar::is_month_or_weekday(&l);
        let name = lex.given.contains(w) && !calendar;
        return !is_acronym(w) && (lex.function.contains(&*l) && !name || calendar);
    }
    if lex.is_stop(&l) && !is_acronym(w) {
        return true;
    }
    if lex.titles.contains(w) || lex.given.contains(w) || lex.places.contains_key(w) {
        return false;
    }
    t.sent_start() && lower_seen.contains(&l)
}

/// True for a short word in capitals ("US", "UK", "EU"): an acronym, never the stopword it spells.
pub fn is_acronym(w: &str) -> bool {
    w.len() >= 2 && w.len() <= 5 && w.chars().all(|c| c.is_ascii_uppercase() || c == '.')
}

/// Acronyms a passage defines by common words in brackets after them ("global sea surface
/// salinity (SSS)", "radio frequency interference (RFI)"): terms of a field, not names,
/// wherever the text writes them. An acronym of a name is defined by capitalised words
/// ("the European Space Agency (ESA)") and is not one of these.
pub fn defined_terms<'a>(passes: &[Pass<'a>]) -> HashSet<&'a str> {
    let mut terms = HashSet::default();
    for p in passes.iter().filter(|p| p.text.contains('(')) {
        let text = |i: usize| p.toks.get(i).map_or("", |t| t.text(p.text));
        for (i, t) in p.toks.iter().enumerate() {
            let short = text(i + 1);
            if t.kind() != Kind::Punct('(') || text(i + 2) != ")" || !is_acronym(short) || short.contains('.')
            {
                continue;
            }
            if spelled_by_common_words(p, i, short) {
                terms.insert(short);
            }
        }
    }
    terms
}

/// Words not counted in an acronym ("soil moisture and ocean salinity (SMOS)").
const ACRONYM_SKIPS: &[&str] = &["of", "and", "the", "for", "in", "on", "to", "a", "an", "by", "with"];

/// True when the lowercase words before token `open` begin with the letters of `short`, in
/// order, but for [`ACRONYM_SKIPS`]; hyphenated parts count apart ("light-emitting diode").
fn spelled_by_common_words(p: &Pass, open: usize, short: &str) -> bool {
    let mut letters: Vec<char> = short.chars().map(|c| c.to_ascii_lowercase()).collect();
    for t in p.toks[..open].iter().rev() {
        if letters.is_empty() {
            break;
        }
        let w = t.text(p.text);
        if t.kind() != Kind::Word || !w.starts_with(|c: char| c.is_lowercase()) {
            return false;
        }
        if ACRONYM_SKIPS.contains(&w) {
            continue;
        }
        for part in w.rsplit('-') {
            if letters.last().is_some_and(|&l| part.starts_with(l)) {
                letters.pop();
            } else {
                return false;
            }
        }
    }
    letters.is_empty()
}

/// True for a capitalised word that can be part of a name (not an all-capitals shout in a
/// headline, not a lone pronoun "I").
fn name_word(p: &Pass, t: &Token) -> bool {
    if !t.is_cap(p.text) {
        return false;
    }
    // The pronoun, also contracted ("I'm", "I’ll").
    let w = t.text(p.text);
    w != "I" && !w.strip_prefix('I').is_some_and(|rest| rest.starts_with(['\'', '’']))
}

/// The capitalised chunks of a passage. Sentence-initial common words are dropped from the
/// front; listed common words never start a chunk.
pub fn chunks(p: &Pass, lex: &Lexicon, lower_seen: &Seen) -> Vec<Chunk> {
    let toks = &p.toks;
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !name_word(p, &toks[i]) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        loop {
            match toks.get(end) {
                Some(t) if name_word(p, t) => end += 1,
                Some(t) if t.kind() == Kind::Word && CONNECTORS.contains(&t.text(p.text)) => {
                    // Connectors only join when a capitalised word follows them.
                    let mut j = end;
                    while toks
                        .get(j)
                        .is_some_and(|t| t.kind() == Kind::Word && CONNECTORS.contains(&t.text(p.text)))
                    {
                        j += 1;
                    }
                    if j - end <= 2 && toks.get(j).is_some_and(|t| name_word(p, t) && !t.sent_start()) {
                        end = j + 1;
                    } else {
                        break;
                    }
                }
                _ => break,
            }
        }
        i = end;
        // Drop uninformative words from the front ("Despite", "The", sentence-initial "Analysts").
        let mut s = start;
        let place_at = |s: usize| {
            (s + 1..=end.min(s + 4)).any(|e| {
                let (a, b) = (toks[s].start(), toks[e - 1].end());
                p.text.get(a..b).is_some_and(|n| lex.places.contains_key(n))
            })
        };
        while s < end && uninformative(lex, lower_seen, &toks[s], p.text) && !(s + 1 < end && place_at(s)) {
            s += 1;
            while s < end && toks[s].kind() == Kind::Word && !is_cap_word(toks[s].text(p.text)) {
                s += 1;
            }
        }
        // And a trailing connector never ends a chunk.
        let mut e = end;
        while e > s && !is_cap_word(toks[e - 1].text(p.text)) {
            e -= 1;
        }
        if e > s {
            out.push(Chunk { first: s, end: e });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{lexicon, test_pass};

    #[test]
    fn acronyms_of_common_words_are_terms() {
        let terms = |text: &'static str| {
            let (p, _) = test_pass(text);
            let mut t: Vec<&str> = defined_terms(std::slice::from_ref(&p)).into_iter().collect();
            t.sort_unstable();
            t
        };
        assert_eq!(
            terms("Maps of sea surface salinity (SSS) and of soil moisture and ocean salinity (SMOS) agree."),
            ["SMOS", "SSS"]
        );
        assert_eq!(terms("a segmented light-emitting diode (SLED) bulb"), ["SLED"]);
        // A name's acronym, or letters the words do not spell, are no terms.
        assert!(terms("the European Space Agency (ESA) and the sea breeze (SST)").is_empty());
    }

    #[test]
    fn chunks_find_capitalised_runs() {
        let cases: &[(&str, &[&str])] = &[
            ("Despite the talks, Vladimir Putin met Donald Trump.", &["Vladimir Putin", "Donald Trump"]),
            ("The Battle of Chudnov was fought in Ukraine.", &["Battle of Chudnov", "Ukraine"]),
            ("He visited the Hôpital Cochin and Bourg-la-Reine.", &["Hôpital Cochin", "Bourg-la-Reine"]),
            ("I think so. Yet Paris is far.", &["Paris"]),
            ("The talks of Miami and Odesa ended.", &["Miami", "Odesa"]),
            ("A statue of Will Rogers stands here.", &["Will Rogers"]),
        ];
        let lex = lexicon::get();
        for (text, want) in cases {
            let (p, seen) = test_pass(text);
            let got: Vec<&str> = chunks(&p, lex, &seen).iter().map(|c| c.text(&p)).collect();
            assert_eq!(got, *want, "{text}");
        }
    }
}
