//! Text nodes to a shown passage: joined, mapped to input bytes, sanitised, whitespace collapsed.

use super::dom::Dom;
use crate::document::Passage;
use crate::ingest::{Decoded, sanitize};
use crate::span::{OffsetMap, Span};
use std::ops::Range;

/// Joins text runs (indices into [`Dom::texts`]) into one passage. `source` maps the HTML
/// source string to the input bytes. The joined text goes through [`sanitize()`], so a control
/// character that a reference such as `&#27;` produced is removed like any other, and then
/// every run of whitespace becomes one space, mapped over the whitespace it stands for.
pub fn join(dom: &Dom, texts: &[usize], source: &OffsetMap) -> Passage {
    collapse(&joined(dom, texts, source))
}

/// Joins text runs like [`join`] but keeps their lines, for `<pre>`.
pub fn join_lines(dom: &Dom, texts: &[usize], source: &OffsetMap) -> Passage {
    keep_lines(&joined(dom, texts, source))
}

fn joined(dom: &Dom, texts: &[usize], source: &OffsetMap) -> Decoded {
    let mut d = Decoded::default();
    for &t in texts {
        let Some(text) = dom.texts.get(t) else { continue };
        let base = d.text.len();
        d.map.append(&compose(&text.map, source), base);
        d.text.push_str(&text.text);
    }
    d
}

/// The input span of a text run, trimmed of surrounding whitespace.
pub fn span_of(dom: &Dom, t: usize, source: &OffsetMap) -> Option<Span> {
    let text = dom.texts.get(t)?;
    let start = text.text.len() - text.text.trim_start().len();
    let end = text.text.trim_end().len();
    (end > start).then(|| compose(&text.map, source).to_input(start..end))
}

/// `outer` (text → middle) followed by `inner` (middle → input), like [`OffsetMap::then`],
/// but reading only the inner runs that `outer` reaches: a page in a legacy encoding has a
/// run per non-ASCII character, and composing each text node with all of them would take
/// quadratic time.
pub fn compose(outer: &OffsetMap, inner: &OffsetMap) -> OffsetMap {
    let (Some(first), Some(last)) = (outer.runs().first(), outer.runs().last()) else {
        return OffsetMap::new();
    };
    let runs = inner.runs();
    let from = runs.partition_point(|r| r.text_end() <= first.input());
    let to = runs.partition_point(|r| r.text() < last.input_end()).max(from);
    let mut window = OffsetMap::new();
    for r in &runs[from..to] {
        window.push(*r);
    }
    outer.then(&window)
}

/// Sanitises decoded text and collapses its whitespace.
pub fn collapse(d: &Decoded) -> Passage {
    let clean = sanitize(d);
    let mut words: Vec<Range<usize>> = Vec::new();
    let mut start = None;
    for (i, c) in clean.text.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                words.push(s..i);
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        words.push(s..clean.text.len());
    }
    // The words joined by single spaces, as the lines of a plain-text paragraph are.
    crate::ingest::text::passage(&clean, &words)
}

/// Sanitises decoded text keeping its lines and indentation (code, preformatted text),
/// without the blank lines around it.
pub fn keep_lines(d: &Decoded) -> Passage {
    let clean = sanitize(d);
    let start = clean.text.len() - clean.text.trim_start_matches(['\n', '\r']).len();
    let end = clean.text.trim_end().len().max(start);
    let whole = Passage { text: clean.text, map: clean.map, span: Span::default() };
    slice(&whole, start..end)
}

/// The part of a passage's text in `range` (on character boundaries), with its own map.
pub fn slice(p: &Passage, range: Range<usize>) -> Passage {
    let mut out = Passage { text: p.text[range.clone()].to_string(), ..Passage::default() };
    out.map.copy_range(&p.map, range, 0);
    out.span = out.map.to_input(0..out.text.len());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_collapses_and_escapes_never_survive() {
        let src = "<p>  one&#27;[31m \n two&nbsp;three </p>";
        let dom = super::super::dom::parse(src);
        let p = join(&dom, &[0], &OffsetMap::exact(0, 0, src.len()));
        assert_eq!(p.text, "one two three");
        assert!(!p.text.contains('\u{1b}'));
        assert_eq!(&src[p.span.start..p.span.end], "one&#27;[31m \n two&nbsp;three");
        let two = p.text.find("two").unwrap_or(0);
        let s = p.to_input(two..two + 3);
        assert_eq!(&src[s.start..s.end], "two");
    }

    #[test]
    fn composing_reads_only_the_runs_it_needs() {
        let mut inner = OffsetMap::new();
        inner.push_exact(0, 0, 4);
        inner.push_replaced(4, 2, 4, 1);
        inner.push_exact(6, 5, 4);
        let outer = OffsetMap::exact(0, 3, 5);
        assert_eq!(compose(&outer, &inner), outer.then(&inner));
        assert_eq!(compose(&OffsetMap::new(), &inner), OffsetMap::new());
    }

    #[test]
    fn preformatted_text_keeps_its_lines() {
        let src = "<pre>\nfn main() {\n    go();\n}\n</pre>";
        let dom = super::super::dom::parse(src);
        let p = join_lines(&dom, &[0], &OffsetMap::exact(0, 0, src.len()));
        assert_eq!(p.text, "fn main() {\n    go();\n}");
        assert_eq!(&src[p.span.start..p.span.end], p.text);
    }

    #[test]
    fn slices_keep_their_spans() {
        let p = Passage::verbatim("Headline | Site", 10);
        let s = slice(&p, 0..8);
        assert_eq!(s.text, "Headline");
        assert_eq!(s.span, Span::new(10, 18));
    }
}
