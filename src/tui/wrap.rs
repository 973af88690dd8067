//! Line breaking: a passage's text into lines of at most `width` cells.
//!
//! Written here rather than taken from textwrap because folio needs each line as a byte
//! range of the passage (highlights and the reading anchor are byte offsets), and tabs
//! expanded the same way when measuring and when drawing. Cells come from unicode-width,
//! breaks never split a grapheme (unicode-segmentation).

use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Tab stops every this many cells, counted from the start of the line.
pub const TAB: usize = 4;

/// Cells a grapheme takes at column `col`.
pub fn cells(g: &str, col: usize) -> usize {
    if g == "\t" { TAB - col % TAB } else { g.width() }
}

/// Cells `s` takes starting at column `col`.
pub fn str_cells(s: &str, col: usize) -> usize {
    if s.is_ascii() && !s.contains('\t') {
        return s.len();
    }
    s.graphemes(true).fold(col, |c, g| c + cells(g, c)) - col
}

/// Breaks `text` into lines of at most `width` cells, at spaces where possible.
///
/// Each line is a byte range of `text` without the spaces at the break. Words longer than
/// a line are cut between graphemes. An empty text gives one empty line.
pub fn wrap(text: &str, width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let (mut start, mut end, mut col) = (0usize, 0usize, 0usize);
    let mut pos = 0;
    let bytes = text.as_bytes();
    while pos < text.len() {
        // A token: a run of non-space characters, then the spaces after it.
        let word_end = text[pos..].find([' ', '\t']).map_or(text.len(), |i| pos + i);
        let space_end = bytes[word_end..]
            .iter()
            .position(|&b| b != b' ' && b != b'\t')
            .map_or(text.len(), |i| word_end + i);
        let word = &text[pos..word_end];
        let word_w = str_cells(word, col);
        if col > 0 && col + word_w > width {
            lines.push(start..end);
            start = pos;
            col = 0;
        }
        let word_w = str_cells(word, col);
        if word_w > width - col.min(width) {
            // Cut an overlong word between graphemes.
            for (i, g) in word.grapheme_indices(true) {
                let w = cells(g, col);
                if col > 0 && col + w > width {
                    lines.push(start..pos + i);
                    start = pos + i;
                    col = 0;
                }
                col += cells(g, col);
            }
        } else {
            col += word_w;
        }
        end = word_end;
        col += str_cells(&text[word_end..space_end], col);
        pos = space_end;
    }
    lines.push(start..end);
    lines
}

/// The text of a line with tabs expanded to spaces, for drawing.
pub fn expand_tabs(s: &str, col: usize) -> std::borrow::Cow<'_, str> {
    if !s.contains('\t') {
        return s.into();
    }
    let mut out = String::with_capacity(s.len() + TAB);
    let mut c = col;
    for g in s.graphemes(true) {
        let w = cells(g, c);
        if g == "\t" {
            out.extend(std::iter::repeat_n(' ', w));
        } else {
            out.push_str(g);
        }
        c += w;
    }
    out.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str, width: usize) -> Vec<&str> {
        wrap(text, width).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn breaks_at_spaces_within_the_width() {
        assert_eq!(lines("the quick brown fox jumps", 10), ["the quick", "brown fox", "jumps"]);
        assert_eq!(lines("exactly ten", 11), ["exactly ten"]);
        assert_eq!(lines("", 5), [""]);
    }

    #[test]
    fn cuts_long_words_between_graphemes() {
        assert_eq!(lines("abcdefgh ij", 3), ["abc", "def", "gh", "ij"]);
        // "é" as e + combining acute stays whole.
        assert_eq!(lines("e\u{301}e\u{301}e\u{301}", 2), ["e\u{301}e\u{301}", "e\u{301}"]);
    }

    #[test]
    fn wide_characters_take_two_cells() {
        assert_eq!(lines("日本語のテキスト", 6), ["日本語", "のテキ", "スト"]);
        for width in 1..10 {
            for r in wrap("日本 語の text テキスト", width) {
                assert!(str_cells(&"日本 語の text テキスト"[r], 0) <= width.max(2));
            }
        }
    }

    #[test]
    fn tabs_expand_to_stops() {
        assert_eq!(str_cells("a\tb", 0), TAB + 1);
        assert_eq!(expand_tabs("a\tb", 0), format!("a{}b", " ".repeat(TAB - 1)));
        assert_eq!(lines("ab\tcd ef", TAB + 2), ["ab\tcd", "ef"]);
    }

    #[test]
    fn every_byte_is_on_a_line_or_a_break() {
        let text = "One two  three\tfour fivesixseveneight nine";
        for width in 1..20 {
            let ls = wrap(text, width);
            for pair in ls.windows(2) {
                assert!(text[pair[0].end..pair[1].start].trim().is_empty(), "width {width}");
            }
            for r in &ls {
                assert!(str_cells(&text[r.clone()], 0) <= width, "width {width}: {:?}", &text[r.clone()]);
            }
        }
    }
}
