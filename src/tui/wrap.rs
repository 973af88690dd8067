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

/// Characters that are always a grapheme of their own when no other kind of character is
/// near: Latin up to the combining marks (except CR, which pairs with LF) and the general
/// punctuation of prose (dashes, curly quotes, ellipsis), leaving out the joiners and the
/// invisible format characters around them. Text made only of these is measured per
/// character, without the cost of grapheme segmentation.
fn simple(c: char) -> bool {
    (c < '\u{300}' && c != '\r') || matches!(c, '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205e}')
}

/// A byte that is a whole character one cell wide. (ASCII controls are measured like any
/// other character: sanitised text has none, but the measure must agree with itself.)
fn printable_ascii(b: u8) -> bool {
    (b' '..=b'~').contains(&b)
}

/// Cells `s` takes starting at column `col`.
pub fn str_cells(s: &str, col: usize) -> usize {
    if !s.contains('\t') {
        if s.bytes().all(printable_ascii) {
            return s.len();
        }
        if s.chars().all(simple) {
            let mut buf = [0u8; 4];
            return s.chars().map(|c| c.encode_utf8(&mut buf).width()).sum();
        }
    }
    s.graphemes(true).fold(col, |c, g| c + cells(g, c)) - col
}

/// Breaks `text` into lines of at most `width` cells, at spaces where possible.
///
/// Each line is a byte range of `text` without the spaces at the break. Words longer than
/// a line are cut between graphemes; a single grapheme wider than the whole width (a wide
/// character in one cell) stands alone on its line. An empty text gives one empty line.
///
/// The cost is linear in the text whatever its shape (a 2 MB line, a 200 KB word): the
/// scan is over bytes (a space or tab byte never occurs inside a UTF-8 sequence), and only
/// words with non-ASCII characters are measured by character or grapheme.
pub fn wrap(text: &str, width: usize) -> Vec<Range<usize>> {
    wrap_with(text, width, &[])
}

/// [`wrap`], with room made for cells drawn inside the text: `extra` holds `(byte, cells)`
/// sorted by byte, each counted with the word that ends at (or holds) that byte. A link's
/// reference number "[3]" after its last word moves to the next line with that word.
#[inline]
pub fn wrap_with(text: &str, width: usize, extra: &[(usize, usize)]) -> Vec<Range<usize>> {
    let width = width.max(1);
    let mut extra = extra.iter().peekable();
    let bytes = text.as_bytes();
    let is_space = |b: u8| b == b' ' || b == b'\t';
    let mut lines = Vec::with_capacity(text.len() / width + 1);
    let (mut start, mut end, mut col) = (0usize, 0usize, 0usize);
    let mut pos = 0;
    while pos < bytes.len() {
        // A token: a run of non-space characters, then the spaces after it.
        let mut word_end = pos;
        let mut ascii = true;
        while let Some(&b) = bytes.get(word_end).filter(|&&b| !is_space(b)) {
            ascii &= printable_ascii(b);
            word_end += 1;
        }
        let mut space_end = word_end;
        let mut tab = false;
        while let Some(&b) = bytes.get(space_end).filter(|&&b| is_space(b)) {
            tab |= b == b'\t';
            space_end += 1;
        }
        let word = &text[pos..word_end];
        // A word holds no tab, so its width does not depend on the column it starts at.
        let mut word_w = if ascii { word.len() } else { str_cells(word, 0) };
        while let Some(&&(_, cells)) = extra.peek().filter(|(at, _)| *at <= word_end) {
            word_w += cells;
            extra.next();
        }
        if col > 0 && col + word_w > width {
            lines.push(start..end);
            start = pos;
            col = 0;
        }
        if word_w > width - col.min(width) {
            // Cut an overlong word between graphemes.
            for (i, g) in word.grapheme_indices(true) {
                let w = cells(g, col);
                if col > 0 && col + w > width {
                    lines.push(start..pos + i);
                    start = pos + i;
                    col = 0;
                }
                col += w;
            }
        } else {
            col += word_w;
        }
        end = word_end;
        col += if tab { str_cells(&text[word_end..space_end], col) } else { space_end - word_end };
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
    fn the_per_character_shortcut_agrees_with_graphemes() {
        let all: String = ('\0'..'\u{2100}').filter(|&c| simple(c) && c != '\t').collect();
        let by_graphemes = |s: &str| s.graphemes(true).map(|g| cells(g, 0)).sum::<usize>();
        assert_eq!(str_cells(&all, 0), by_graphemes(&all));
        for word in ["Pávlovna", "Schérer’s", "naïve café", "“Well, Prince—”"] {
            assert_eq!(str_cells(word, 0), by_graphemes(word), "{word}");
        }
    }

    #[test]
    fn control_characters_are_measured_alike_when_cutting_and_after() {
        // Found by fuzzing: a word of ASCII controls and `@`s was cut by one measure and
        // checked by another.
        let text = format!("a{}\r\n{}", "\n".repeat(44), "@".repeat(40));
        for width in 1..100 {
            for r in wrap(&text, width) {
                let line = &text[r];
                assert!(
                    str_cells(line, 0) <= width || line.graphemes(true).count() == 1,
                    "{width}: {line:?}"
                );
            }
        }
    }

    #[test]
    fn a_grapheme_wider_than_the_width_stands_alone_but_for_zero_width_ones() {
        // Found by fuzzing: a lone variation selector and joiner, then a wide emoji, at
        // width 1. Nothing fits one cell there; the emoji gets a line with no other
        // visible grapheme.
        let text = "\u{fe0f}\u{200d}🌈 a\u{200b}日本";
        for width in 1..4 {
            for r in wrap(text, width) {
                let line = &text[r];
                let visible = line.graphemes(true).filter(|g| cells(g, 0) > 0).count();
                assert!(str_cells(line, 0) <= width || visible == 1, "{width}: {line:?}");
            }
        }
    }

    #[test]
    fn huge_lines_and_words_wrap_within_the_width() {
        let line = "word ".repeat(400_000);
        let word = "x".repeat(200_000) + &"é".repeat(50_000);
        for text in [line.as_str(), word.as_str()] {
            let lines = wrap(text, 77);
            assert!(lines.len() >= text.chars().count() / 77);
            assert!(lines.iter().all(|r| str_cells(&text[r.clone()], 0) <= 77));
        }
    }

    #[test]
    fn room_is_made_for_cells_drawn_inside_the_text() {
        let text = "see the docs here now";
        let with = |extra: &[(usize, usize)], width| -> Vec<&str> {
            wrap_with(text, width, extra).into_iter().map(|r| &text[r]).collect()
        };
        // "[1]" after "docs" (byte 12): "see the docs[1]" is 15 cells, one too many for 14.
        assert_eq!(with(&[], 14), ["see the docs", "here now"]);
        assert_eq!(with(&[(12, 3)], 14), ["see the", "docs here", "now"]);
        assert_eq!(with(&[(12, 3)], 15), ["see the docs", "here now"]);
        // At the end of the text, and at its start.
        assert_eq!(with(&[(21, 4)], 12), ["see the docs", "here now"]);
        assert_eq!(with(&[(21, 5)], 12), ["see the docs", "here", "now"]);
        assert_eq!(with(&[(0, 9)], 12), ["see", "the docs", "here now"]);
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
