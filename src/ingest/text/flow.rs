//! What a paragraph of plain text is in the flow: list items ("- ", "* ", "• ", "1. "), code
//! (fenced by ``` lines, or indented and dense with symbols), quotes ("> ", "> > "), and the
//! web addresses in it.

use super::lines::Raw;
use crate::document::{Link, Passage};
use std::ops::Range;

/// The marker of a list item opening a line ("•" for a bullet, "3." for a number), and the
/// bytes it takes with the space after it.
pub fn item_marker(line: &str) -> Option<(String, usize)> {
    for bullet in ["- ", "* ", "• "] {
        if line.starts_with(bullet) && line.len() > bullet.len() {
            return Some(("•".to_string(), bullet.len()));
        }
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &line[digits..];
    let numbered = (1..=3).contains(&digits) && (rest.starts_with(". ") || rest.starts_with(") "));
    numbered.then(|| (format!("{}.", &line[..digits]), digits + 2))
}

/// The depth of a quoted line ("> " for 1, "> > " or ">> " for 2…, or the markers alone) and
/// the bytes its markers take with the blanks after them. A marker must be followed by a
/// blank or the line's end, so ">5 degrees" and "->" quote nothing.
pub fn quote_marker(line: &str) -> Option<(u8, usize)> {
    let bytes = line.as_bytes();
    let (mut depth, mut end) = (0u8, 0);
    loop {
        let next = end + bytes[end..].iter().take_while(|&&b| b == b' ').count();
        if bytes.get(next) != Some(&b'>') {
            break;
        }
        depth = depth.saturating_add(1);
        end = next + 1;
    }
    let blanks = bytes[end..].iter().take_while(|&&b| b == b' ' || b == b'\t').count();
    (depth > 0 && (blanks > 0 || end == bytes.len())).then_some((depth.min(8), end + blanks))
}

/// The raw blocks from `i` that a code fence opened at `i` spans, up to its closing fence,
/// and the code's language; none when `i` opens no fence or it never closes.
pub fn fence(text: &str, raws: &[Raw], i: usize) -> Option<(usize, Option<String>)> {
    let first = raws[i].lines.first()?;
    let info = text[first.clone()].strip_prefix("```")?;
    let lang = info.split_whitespace().next().map(str::to_string);
    let closes = |r: &Raw, skip_first: bool| {
        r.lines.iter().skip(usize::from(skip_first)).any(|l| text[l.clone()].starts_with("```"))
    };
    (i..raws.len()).take(200).find(|&j| closes(&raws[j], j == i)).map(|j| (j, lang))
}

/// The clean-text range of the code between a fence opening at `open` and closing at
/// `close` (lines as written, indentation kept).
pub fn fenced_code(text: &str, open: Range<usize>, close: Range<usize>) -> Range<usize> {
    let start = text[open.end..].find('\n').map_or(open.end, |n| open.end + n + 1);
    let end = text[..close.start].trim_end().len().max(start);
    start..end
}

/// True for a block of code indented under running text: every line indented four spaces or
/// a tab, and symbols that prose seldom uses ({ } ( ) ; = < > and the like) dense in it.
pub fn indented_code(text: &str, raw: &Raw) -> bool {
    let indented = raw.lines.iter().all(|l| {
        let line_start = text[..l.start].rfind('\n').map_or(0, |n| n + 1);
        let lead = &text[line_start..l.start];
        lead.starts_with("    ") || lead.starts_with('\t')
    });
    if !indented {
        return false;
    }
    let body = &raw.text;
    let symbols = body.chars().filter(|c| "{}()[];=<>_$#/\\|".contains(*c)).count();
    let chars = body.chars().filter(|c| !c.is_whitespace()).count().max(1);
    symbols * 12 >= chars
}

/// The code block of lines `range` of the clean text, verbatim, indentation and all.
pub fn code_lines(text: &str, lines: &[Range<usize>]) -> Range<usize> {
    let (Some(first), Some(last)) = (lines.first(), lines.last()) else { return 0..0 };
    let line_start = text[..first.start].rfind('\n').map_or(0, |n| n + 1);
    line_start..last.end
}

/// Web addresses written out in a passage's text, as links to themselves.
pub fn urls(p: &Passage) -> Vec<Link> {
    let mut links = Vec::new();
    let text = &p.text;
    let mut from = 0;
    while let Some(at) = text[from..].find("http").map(|i| from + i) {
        let rest = &text[at..];
        let scheme = ["https://", "http://"].iter().find(|s| rest.starts_with(*s));
        let len = rest.find(|c: char| c.is_whitespace() || "<>\"'".contains(c)).unwrap_or(rest.len());
        // Closing punctuation after an address belongs to the sentence.
        let url = rest[..len].trim_end_matches(['.', ',', ';', ':', '!', '?', ')', ']']);
        let starts_word = at == 0 || !text[..at].ends_with(|c: char| c.is_alphanumeric());
        match scheme {
            Some(s) if starts_word && url.len() > s.len() + 1 => {
                let span = p.to_input(at..at + url.len());
                links.push(Link { text: String::new(), href: url.to_string(), span });
                from = at + url.len();
            }
            _ => from = at + 4,
        }
    }
    links
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_open_items() {
        assert_eq!(item_marker("- one"), Some(("•".to_string(), 2)));
        assert_eq!(item_marker("12. twelve"), Some(("12.".to_string(), 4)));
        assert_eq!(item_marker("2019. A year"), None);
        assert_eq!(item_marker("-5 degrees"), None);
    }

    #[test]
    fn markers_open_quotes_as_deep_as_they_nest() {
        assert_eq!(quote_marker("> said"), Some((1, 2)));
        assert_eq!(quote_marker("> > said"), Some((2, 4)));
        assert_eq!(quote_marker(">>  said"), Some((2, 4)));
        assert_eq!(quote_marker(">"), Some((1, 1)));
        assert_eq!(quote_marker("> >"), Some((2, 3)));
        assert_eq!(quote_marker(">5 degrees"), None);
        assert_eq!(quote_marker("->"), None);
        assert_eq!(quote_marker("a > b"), None);
    }

    #[test]
    fn addresses_become_links() {
        let p = Passage::verbatim("See https://example.org/a?b=1, or http://x.y.", 0);
        let hrefs: Vec<String> = urls(&p).into_iter().map(|l| l.href).collect();
        assert_eq!(hrefs, ["https://example.org/a?b=1", "http://x.y"]);
    }
}
