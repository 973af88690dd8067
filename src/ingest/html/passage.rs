//! Text nodes to a shown passage: joined, mapped to input bytes, sanitised, whitespace collapsed.

use super::dom::Dom;
use crate::document::Passage;
use crate::ingest::Decoded;
use crate::ingest::passage::{collapse, compose, keep_lines};
use crate::span::{OffsetMap, Span};

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
    fn preformatted_text_keeps_its_lines() {
        let src = "<pre>\nfn main() {\n    go();\n}\n</pre>";
        let dom = super::super::dom::parse(src);
        let p = join_lines(&dom, &[0], &OffsetMap::exact(0, 0, src.len()));
        assert_eq!(p.text, "fn main() {\n    go();\n}");
        assert_eq!(&src[p.span.start..p.span.end], p.text);
    }
}
