//! How each kind of block lies in the reading pane: the prefix before its lines (a list
//! marker and hanging indent, a quote's bars, a code block's margin), its lines (prose
//! wrapped, code line by line as written, a table a row to a line) and a table's columns.
//!
//! Pure functions of a block's text and the width: the flow calls them when it wraps, the
//! reading pane when it draws, so the two always agree.

use super::wrap::{cells, str_cells, wrap_with};
use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

/// The shape of a block, as the reader lays it out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape<'a> {
    /// Prose, wrapped to the width.
    Prose,
    /// A list item: its marker ("•", "3.") and nesting depth (1 = top level).
    Item {
        /// What stands before the first line.
        marker: &'a str,
        /// 1 for a top-level item.
        depth: u8,
    },
    /// Code: verbatim, a line of the text to a line of the screen, long ones clipped.
    Code {
        /// The depth of the list item it belongs to (0 outside lists), under whose text it
        /// is indented.
        depth: u8,
    },
    /// A quotation `depth` deep, with the label of an alert ("Important") when it is one.
    Quote {
        /// 1 for a quotation in the body.
        depth: u8,
        /// The alert's label, drawn on a line of its own before the text.
        alert: Option<&'a str>,
    },
    /// A table: each row its cells as byte ranges of the text, the header row first.
    Table {
        /// The rows.
        rows: &'a [Vec<Range<usize>>],
    },
}

/// Between two table columns.
pub const COLUMN_GAP: &str = " │ ";

/// The cells of [`COLUMN_GAP`].
const GAP_CELLS: usize = 3;

/// Shown at the end of a code line cut at the pane's edge.
pub const CLIPPED: &str = "→";

/// Shown at the end of a table cell cut to its column.
pub const ELLIPSIS: &str = "…";

/// The prefix of a block's lines at `width` cells: the first line's, or the others'. Both
/// take the same cells, at most half the width (the nesting gives way first, then the marker).
pub fn prefix(shape: Shape, width: usize, first: bool) -> String {
    let room = width / 2;
    match shape {
        Shape::Item { .. } if room < 2 => String::new(),
        Shape::Item { marker, depth } => {
            let marker = &marker[..fit(marker, room.saturating_sub(1)).0];
            let marker_cells = str_cells(marker, 0);
            let nest = (2 * (depth.max(1) as usize - 1)).min(room.saturating_sub(marker_cells + 1));
            if first { format!("{}{marker} ", " ".repeat(nest)) } else { " ".repeat(nest + marker_cells + 1) }
        }
        Shape::Quote { depth, .. } => "│ ".repeat((depth.max(1) as usize).min(room / 2)),
        Shape::Code { depth } if width >= 8 => " ".repeat((2 + 2 * depth as usize).min(room)),
        Shape::Code { .. } | Shape::Prose | Shape::Table { .. } => String::new(),
    }
}

/// The cells of a block's prefix at `width`.
pub fn indent(shape: Shape, width: usize) -> usize {
    match shape {
        Shape::Prose | Shape::Table { .. } => 0,
        _ => str_cells(&prefix(shape, width, false), 0),
    }
}

/// A block's lines at `width` cells, as byte ranges of its text. `extra` are cells drawn
/// inside the text, `(byte, cells)` sorted by byte (a link's reference number), which the
/// wrapping makes room for. An alert's label takes an empty first line.
pub fn lines(text: &str, shape: Shape, width: usize, extra: &[(usize, usize)]) -> Vec<Range<usize>> {
    let room = width.saturating_sub(indent(shape, width)).max(1);
    match shape {
        Shape::Code { .. } => code_lines(text),
        Shape::Table { rows } if rows.iter().any(|r| !r.is_empty()) => {
            rows.iter().filter_map(|r| Some(r.first()?.start..r.last()?.end)).collect()
        }
        Shape::Quote { alert: Some(_), .. } => {
            let mut out = wrap_with(text, room, extra);
            out.insert(0, 0..0);
            out
        }
        _ => wrap_with(text, room, extra),
    }
}

/// The lines of code as written, without their line breaks (a final one ends the last line
/// rather than opening an empty one).
pub fn code_lines(text: &str) -> Vec<Range<usize>> {
    let body = text.strip_suffix('\n').unwrap_or(text);
    let mut out = Vec::new();
    let mut start = 0;
    for (i, _) in body.match_indices('\n') {
        out.push(start..i);
        start = i + 1;
    }
    out.push(start..body.len());
    out
}

/// The longest start of `s` that takes at most `cells` cells (tabs counted from the start
/// of `s`): its length in bytes, and whether all of `s` fits.
pub fn fit(s: &str, cells_max: usize) -> (usize, bool) {
    if str_cells(s, 0) <= cells_max {
        return (s.len(), true);
    }
    let mut col = 0;
    for (i, g) in s.grapheme_indices(true) {
        let w = cells(g, col);
        if col + w > cells_max {
            return (i, false);
        }
        col += w;
    }
    (s.len(), true)
}

/// What a line of code or a table cell shows in `cells_max` cells: the byte length of the
/// start kept, and whether a marker (one cell) follows it because the rest was cut.
pub fn clip(s: &str, cells_max: usize) -> (usize, bool) {
    match fit(s, cells_max) {
        (all, true) => (all, false),
        _ => (fit(s, cells_max.saturating_sub(1)).0, cells_max > 0),
    }
}

/// A table's column widths at `width` cells: each column as wide as its widest cell (with
/// the `extra` cells drawn inside it, as for [`lines`]), and when the table is wider than the
/// pane, the widest columns narrowed to one limit (cells cut to them end in an ellipsis) so
/// that the columns and their gaps fit.
pub fn columns(text: &str, rows: &[Vec<Range<usize>>], width: usize, extra: &[(usize, usize)]) -> Vec<usize> {
    let n = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut natural = vec![0usize; n];
    for row in rows {
        for (c, cell) in row.iter().enumerate() {
            let w = text.get(cell.clone()).map_or(0, |s| str_cells(s, 0));
            let inside = extra.iter().filter(|(at, _)| cell.start < *at && *at <= cell.end);
            natural[c] = natural[c].max(w + inside.map(|(_, cells)| cells).sum::<usize>());
        }
    }
    let room = width.saturating_sub(GAP_CELLS * n.saturating_sub(1));
    let total = |limit: usize| natural.iter().map(|&w| w.min(limit)).sum::<usize>();
    if total(usize::MAX) <= room {
        return natural;
    }
    // The largest limit at which the table fits, found by bisection; the cells it leaves
    // over go one each to the cut columns, left to right.
    let (mut lo, mut hi) = (1, natural.iter().copied().max().unwrap_or(1));
    while lo < hi {
        let mid = lo + (hi - lo).div_ceil(2);
        if total(mid) <= room { lo = mid } else { hi = mid - 1 }
    }
    let mut spare = room.saturating_sub(total(lo));
    natural
        .iter()
        .map(|&w| {
            let mut c = w.min(lo).max(1);
            if w > c && spare > 0 {
                c += 1;
                spare -= 1;
            }
            c
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(text: &str, shape: Shape, width: usize) -> Vec<String> {
        lines(text, shape, width, &[])
            .into_iter()
            .enumerate()
            .map(|(i, r)| format!("{}{}", prefix(shape, width, i == 0), &text[r]))
            .collect()
    }

    #[test]
    fn items_hang_under_their_marker_and_nest() {
        let item = Shape::Item { marker: "•", depth: 1 };
        assert_eq!(
            shown("milk, eggs and a loaf of bread", item, 14),
            ["• milk, eggs", "  and a loaf", "  of bread"]
        );
        let nested = Shape::Item { marker: "12.", depth: 2 };
        assert_eq!(shown("stir the sauce well", nested, 16), ["  12. stir the", "      sauce well"]);
        // Deep nesting gives way before the text does.
        let deep = Shape::Item { marker: "•", depth: 9 };
        assert_eq!(prefix(deep, 10, true), "   • ");
        assert_eq!(indent(deep, 10), 5);
        for width in 0..12 {
            assert!(indent(nested, width) <= width / 2);
            assert_eq!(str_cells(&prefix(nested, width, true), 0), indent(nested, width));
        }
    }

    #[test]
    fn quotes_have_a_bar_for_each_level_and_an_alert_its_own_line() {
        let quote = Shape::Quote { depth: 2, alert: None };
        assert_eq!(shown("to be or not to be", quote, 14), ["│ │ to be or", "│ │ not to be"]);
        let alert = Shape::Quote { depth: 1, alert: Some("Important") };
        assert_eq!(lines("Back up first.", alert, 40, &[]), [0..0, 0..14]);
    }

    #[test]
    fn code_keeps_its_lines_whatever_the_width() {
        let code = "fn main() {\n    println!(\"hi\");\n\n}\n";
        let got: Vec<&str> =
            lines(code, Shape::Code { depth: 0 }, 12, &[]).into_iter().map(|r| &code[r]).collect();
        assert_eq!(got, ["fn main() {", "    println!(\"hi\");", "", "}"]);
        // In a list, under the item's text; never more than half the width.
        assert_eq!(prefix(Shape::Code { depth: 0 }, 40, true), "  ");
        assert_eq!(prefix(Shape::Code { depth: 2 }, 40, false), "      ");
        assert_eq!(indent(Shape::Code { depth: 9 }, 12), 6);
        assert_eq!(code_lines("").len(), 1);
        assert!(code_lines("")[0].is_empty());
        assert_eq!(clip("cargo run --release", 10), (9, true));
        assert_eq!(clip("cargo run", 10), (9, false));
        assert_eq!(clip("日本語", 4), (3, true));
        assert_eq!(clip("\tx", 3), (0, true));
    }

    #[test]
    fn a_table_is_a_row_to_a_line() {
        let text = "Name | Age\nAnn | 31\nBo | 4";
        let rows = vec![vec![0..4, 7..10], vec![11..14, 17..19], vec![20..22, 25..26]];
        let table = Shape::Table { rows: &rows };
        assert_eq!(lines(text, table, 5, &[]), [0..10, 11..19, 20..26]);
        assert_eq!(lines("no cells", Shape::Table { rows: &[vec![]] }, 5, &[]), [0..2, 3..8]);
    }

    #[test]
    fn columns_fit_the_width_narrowing_the_widest_first() {
        let text = "a | bb | a much longer cell here";
        let rows = vec![vec![0..1, 4..6, 9..32]];
        assert_eq!(columns(text, &rows, 80, &[]), [1, 2, 23]);
        // A link's number after "bb" widens its column.
        assert_eq!(columns(text, &rows, 80, &[(6, 3)]), [1, 5, 23]);
        // 1 + 2 + 23 + two gaps of 3 is 32: at 20 the long column gives up 12 cells.
        assert_eq!(columns(text, &rows, 20, &[]), [1, 2, 11]);
        let wide = "aaaaaaaaaa | bbbbbbbbbb | cc";
        let rows = vec![vec![0..10, 13..23, 26..28]];
        assert_eq!(columns(wide, &rows, 20, &[]), [6, 6, 2]);
        assert_eq!(columns(wide, &rows, 19, &[]), [6, 5, 2]);
        for width in 0..40 {
            let widths = columns(wide, &rows, width, &[]);
            let used: usize = widths.iter().sum::<usize>() + GAP_CELLS * 2;
            assert!(used <= width.max(3 + GAP_CELLS * 2), "{width}: {widths:?}");
            assert!(widths.iter().all(|&w| w >= 1));
        }
        // Ragged rows and ranges outside the text cost nothing.
        let ragged = [vec![0..2, 0..0], vec![0..1, 5..9]];
        assert_eq!(columns("ab", &ragged, 10, &[]), [2, 0]);
    }
}
