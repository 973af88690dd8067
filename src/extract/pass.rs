//! The passage as every rule reads it (its text, tokens and styles) and what the whole
//! document says about single words: the types the extraction's modules share, in a leaf
//! module that imports none of them.

use super::tokens::{Kind, Token};
use crate::document::{Passage, Style};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::borrow::Cow;
use std::ops::Range;

/// One passage, tokenised, with what the extraction needs to know about it.
#[derive(Debug)]
pub struct Pass<'a> {
    /// The passage.
    pub passage: &'a Passage,
    /// Its text.
    pub text: &'a str,
    /// Its inline styles (italics mark titles of works).
    pub styles: &'a [Style],
    /// Its tokens.
    pub toks: &'a [Token],
    /// Title, heading or a title-case line: capitals there are not evidence of a name.
    pub headline: bool,
    /// Position in reading order.
    pub index: usize,
}

impl Pass<'_> {
    /// The tokens a byte range covers exactly: it starts at a token's start and holds whole
    /// tokens only.
    pub fn tokens_of(&self, range: &Range<usize>) -> Option<Range<usize>> {
        let first = self.toks.partition_point(|t| t.start() < range.start);
        let end = self.toks.partition_point(|t| t.end() <= range.end);
        (first < end && self.toks[first].start() == range.start).then_some(first..end)
    }
}

/// Lowercases a word, borrowing it when it has no capital (most words of running text).
pub fn lower(w: &str) -> Cow<'_, str> {
    if w.bytes().all(|b| b.is_ascii_lowercase() || !b.is_ascii_alphabetic() && b.is_ascii()) {
        Cow::Borrowed(w)
    } else if w.is_ascii() {
        Cow::Owned(w.to_ascii_lowercase())
    } else if w.chars().all(|c| !c.is_uppercase() && c.to_lowercase().eq([c])) {
        Cow::Borrowed(w)
    } else {
        Cow::Owned(w.to_lowercase())
    }
}

/// What the whole document says about single words, borrowed from its passages (a long
/// book has tens of thousands of distinct words: no copies of them).
#[derive(Debug, Default)]
pub struct Seen<'a> {
    /// Words the document writes in lowercase somewhere: written with a capital at a
    /// sentence start they are common words, not names.
    lower: HashSet<&'a str>,
    /// Capitalised words written right after "in", "at" or "near" somewhere: "Cleveland" is
    /// then the city, not the given name.
    placed: HashSet<&'a str>,
    /// How often each capitalised word occurs.
    caps: HashMap<&'a str, u32>,
}

impl Seen<'_> {
    /// True when the lowercase word occurs in lowercase.
    pub fn contains(&self, lower: &str) -> bool {
        self.lower.contains(lower)
    }

    /// How often the capitalised word occurs.
    pub fn count(&self, word: &str) -> u32 {
        self.caps.get(word).copied().unwrap_or(0)
    }

    /// True when the capitalised word occurs after "in", "at" or "near".
    pub fn placed(&self, word: &str) -> bool {
        self.placed.contains(word)
    }
}

/// `f` on each half of the passages (by bytes), the two on their own threads for a long
/// text: for a rule that reads each passage on its own and whose findings are joined after.
pub(crate) fn halves<'p, 'a, T: Send>(
    passes: &'p [Pass<'a>],
    f: impl Fn(&'p [Pass<'a>]) -> T + Sync,
) -> (T, T) {
    let bytes: usize = passes.iter().map(|p| p.text.len()).sum();
    let (first, second) = passes.split_at(crate::halfway(passes, bytes, |p| p.text.len()));
    crate::both(bytes > crate::PARALLEL_BYTES, || f(first), || f(second))
}

impl<'a> Seen<'a> {
    /// What the document says about its words: on a long text, each half of the passages
    /// counted on its own thread and the two joined.
    pub fn of(passes: &[Pass<'a>]) -> Seen<'a> {
        let (mut seen, other) = halves(passes, seen_in);
        seen.lower.extend(other.lower);
        seen.placed.extend(other.placed);
        for (w, n) in other.caps {
            *seen.caps.entry(w).or_default() += n;
        }
        seen
    }
}

fn seen_in<'a>(passes: &[Pass<'a>]) -> Seen<'a> {
    let mut seen = Seen::default();
    for p in passes {
        let mut prev = "";
        for t in p.toks {
            let w = t.text(p.text);
            if t.kind() == Kind::Word {
                if w.starts_with(|c: char| c.is_lowercase()) {
                    seen.lower.insert(w);
                } else {
                    *seen.caps.entry(w).or_default() += 1;
                    if matches!(prev, "in" | "at" | "near") {
                        seen.placed.insert(w);
                    }
                }
            }
            prev = w;
        }
    }
    seen
}
