//! Search as less and vim users expect it: a query is a regular expression (one that is not
//! a valid one is searched as text), case is ignored unless the query has a capital, and
//! accents are ignored unless the query has one (`/natasha` finds "Natásha").
//!
//! Accents are folded by decomposing each character (unicode-normalization) and dropping
//! the combining marks; the folded text keeps a map back to the shown text's bytes, so a
//! match is highlighted where it is.

use super::flow::Flow;
use super::marks::Hit;
use crate::document::Document;
use regex::{Regex, RegexBuilder};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// `s` without its accents ("Natásha" → "Natasha").
pub fn fold_text(s: &str) -> String {
    if s.is_ascii() {
        return s.to_string();
    }
    s.nfd().filter(|&c| !is_combining_mark(c)).collect()
}

/// One item's text with accents folded away, and for each of its bytes the byte of the
/// shown text it comes from.
#[derive(Debug, Clone)]
struct FoldedItem {
    text: String,
    from: Vec<u32>,
}

impl FoldedItem {
    fn new(shown: &str) -> FoldedItem {
        let mut text = String::with_capacity(shown.len());
        let mut from = Vec::with_capacity(shown.len());
        let mut buf = [0u8; 4];
        for (at, c) in shown.char_indices() {
            for d in std::iter::once(c).nfd().filter(|&d| !is_combining_mark(d)) {
                let n = d.encode_utf8(&mut buf).len();
                text.push(d);
                from.extend(std::iter::repeat_n(at as u32, n));
            }
        }
        FoldedItem { text, from }
    }

    /// The shown text's range of a folded range; `len` is the shown text's length.
    fn unfold(&self, start: usize, end: usize, len: usize) -> (usize, usize) {
        let at = |i: usize| self.from.get(i).map_or(len, |&b| b as usize);
        (at(start), at(end))
    }
}

/// The document's items with accents folded, for those that have any (an ASCII item is
/// searched as it is).
#[derive(Debug, Clone, Default)]
pub struct Folded {
    items: Vec<Option<FoldedItem>>,
}

impl Folded {
    /// Folds every item of `flow` that has a non-ASCII character.
    pub fn new(doc: &Document, flow: &Flow) -> Folded {
        let items = (0..flow.items.len())
            .map(|i| {
                let t = flow.text(doc, i);
                (!t.is_ascii()).then(|| FoldedItem::new(t)).filter(|f| f.text.len() != t.len() || f.text != t)
            })
            .collect();
        Folded { items }
    }
}

/// A compiled query.
#[derive(Debug, Clone)]
pub struct Query {
    re: Regex,
    /// True when accents are ignored.
    fold: bool,
}

impl Query {
    /// Reads a query: a regular expression when it is one, else its text; `None` for an
    /// empty query.
    pub fn new(query: &str) -> Option<Query> {
        if query.is_empty() {
            return None;
        }
        let ignore_case = !query.chars().any(char::is_uppercase);
        let fold = fold_text(query) == query;
        let build = |pattern: &str| {
            RegexBuilder::new(pattern).case_insensitive(ignore_case).size_limit(1 << 22).build()
        };
        let re = build(query).or_else(|_| build(&regex::escape(query))).ok()?;
        Some(Query { re, fold })
    }

    /// Whether accents are ignored, and so the folded text is needed.
    pub fn folds(&self) -> bool {
        self.fold
    }

    /// Every match in the document, in reading order; `folded` is needed when
    /// [`Query::folds`]. Empty matches (`a*`) are skipped: there is nothing to show.
    pub fn hits(&self, doc: &Document, flow: &Flow, folded: Option<&Folded>) -> Vec<Hit> {
        let mut hits = Vec::new();
        for item in 0..flow.items.len() {
            let shown = flow.text(doc, item);
            let f = folded.filter(|_| self.fold).and_then(|f| f.items.get(item)).and_then(Option::as_ref);
            let text = f.map_or(shown, |f| f.text.as_str());
            for m in self.re.find_iter(text) {
                if m.is_empty() {
                    continue;
                }
                let (start, end) =
                    f.map_or((m.start(), m.end()), |f| f.unfold(m.start(), m.end(), shown.len()));
                if start < end {
                    hits.push(Hit { item, start, end });
                }
            }
        }
        hits
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(text: &str, query: &str) -> Vec<String> {
        let doc = crate::structure(text.as_bytes()).expect("text");
        let flow = Flow::new(&doc);
        let folded = Folded::new(&doc, &flow);
        let q = Query::new(query).expect("a query");
        q.hits(&doc, &flow, Some(&folded))
            .into_iter()
            .map(|h| flow.text(&doc, h.item)[h.start..h.end].to_string())
            .collect()
    }

    #[test]
    fn accents_and_case_are_ignored_unless_the_query_has_them() {
        let text = "Natásha came in. Then natasha again, and Natasha.\n";
        assert_eq!(find(text, "natasha"), ["Natásha", "natasha", "Natasha"]);
        assert_eq!(find(text, "Natasha"), ["Natásha", "Natasha"], "a capital keeps case, not accents");
        assert_eq!(find(text, "Natásha"), ["Natásha"]);
        assert_eq!(find(text, "natásha"), ["Natásha"]);
    }

    #[test]
    fn a_query_is_a_regex_unless_it_is_not_one() {
        let text = "The year 1805 and 1812; see (note) or [1].\n";
        assert_eq!(find(text, r"18\d\d"), ["1805", "1812"]);
        assert_eq!(find(text, "(note"), ["(note"]);
        assert_eq!(find(text, "[1"), ["[1"]);
        assert_eq!(find(text, "x*"), Vec::<String>::new());
    }

    #[test]
    fn decomposed_text_is_matched_whole() {
        // "é" written as e + combining acute: the match covers the mark too.
        let text = "Cafe\u{301} noir\n";
        assert_eq!(find(text, "cafe"), ["Cafe\u{301}"]);
    }
}
