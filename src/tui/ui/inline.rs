//! A line's text cut into styled spans: the block's style, with inline styles, links and
//! highlights laid over byte ranges of the text, and cells drawn inside it (a link's "[3]").

use crate::tui::wrap::{expand_tabs, str_cells};
use ratatui::style::Style;
use ratatui::text::Span;
use std::ops::Range;

/// A style laid over a byte range of a block's text.
#[derive(Debug, Clone, PartialEq)]
pub struct Layer {
    /// Bytes of the text it covers.
    pub range: Range<usize>,
    /// Patched over the style beneath.
    pub style: Style,
}

/// Cells drawn inside the text, after the byte before `at`.
#[derive(Debug, Clone, PartialEq)]
pub struct Insert {
    /// The byte it follows the text up to.
    pub at: usize,
    /// What is drawn (never taken from the input unsanitised).
    pub text: String,
    /// How.
    pub style: Style,
}

/// Appends the spans of `text[range]` to `out`: `base` with every layer covering a piece
/// patched over it in order (later layers on top), and the inserts whose byte ends a piece
/// drawn after it. `col` is the column the range starts at, for tab stops; returns the
/// column after the last span.
pub fn spans(
    text: &str,
    range: Range<usize>,
    base: Style,
    layers: &[Layer],
    inserts: &[Insert],
    mut col: usize,
    out: &mut Vec<Span<'static>>,
) -> usize {
    let (start, end) = (range.start, range.end);
    // A cut off a character boundary moves back to one, so no text is lost to it.
    let inside = |at: usize| start < at && at < end;
    let floor = |mut at: usize| {
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        at
    };
    let mut cuts = vec![start, end];
    for l in layers {
        cuts.extend([l.range.start, l.range.end].into_iter().filter(|&at| inside(at)).map(floor));
    }
    cuts.extend(inserts.iter().map(|i| i.at).filter(|&at| inside(at)).map(floor));
    cuts.sort_unstable();
    cuts.dedup();
    for pair in cuts.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        if let Some(piece) = text.get(a..b) {
            let mut style = base;
            for l in layers.iter().filter(|l| l.range.start <= a && b <= l.range.end) {
                style = style.patch(l.style);
            }
            out.push(Span::styled(expand_tabs(piece, col).into_owned(), style));
            col += str_cells(piece, col);
        }
        for i in inserts.iter().filter(|i| i.at == b) {
            out.push(Span::styled(i.text.clone(), i.style));
            col += str_cells(&i.text, col);
        }
    }
    col
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Modifier;

    fn shown(out: &[Span]) -> Vec<(String, Modifier)> {
        out.iter().map(|s| (s.content.to_string(), s.style.add_modifier)).collect()
    }

    #[test]
    fn layers_patch_the_pieces_they_cover_and_inserts_follow_their_byte() {
        let text = "read the fine manual now";
        let bold = Style::default().add_modifier(Modifier::BOLD);
        let under = Style::default().add_modifier(Modifier::UNDERLINED);
        let layers = [Layer { range: 5..20, style: under }, Layer { range: 9..13, style: bold }];
        let inserts = [Insert { at: 20, text: "[1]".into(), style: Style::default() }];
        let mut out = Vec::new();
        let col = spans(text, 0..24, Style::default(), &layers, &inserts, 0, &mut out);
        assert_eq!(
            shown(&out),
            [
                ("read ".to_string(), Modifier::empty()),
                ("the ".to_string(), Modifier::UNDERLINED),
                ("fine".to_string(), Modifier::UNDERLINED | Modifier::BOLD),
                (" manual".to_string(), Modifier::UNDERLINED),
                ("[1]".to_string(), Modifier::empty()),
                (" now".to_string(), Modifier::empty()),
            ]
        );
        assert_eq!(col, 27);
        // A line that ends where the link does draws its number; the next line does not.
        let mut out = Vec::new();
        spans(text, 9..20, Style::default(), &layers, &inserts, 0, &mut out);
        assert_eq!(out.last().map(|s| s.content.to_string()), Some("[1]".to_string()));
        let mut out = Vec::new();
        spans(text, 20..24, Style::default(), &layers, &inserts, 0, &mut out);
        assert_eq!(shown(&out), [(" now".to_string(), Modifier::empty())]);
    }

    #[test]
    fn cuts_off_character_boundaries_move_back_to_one() {
        let text = "café au lait";
        let layers = [Layer { range: 4..8, style: Style::default().add_modifier(Modifier::ITALIC) }];
        let mut out = Vec::new();
        spans(text, 0..text.len(), Style::default(), &layers, &[], 0, &mut out);
        let drawn: String = out.iter().map(|s| s.content.to_string()).collect();
        assert_eq!(drawn, text);
    }
}
