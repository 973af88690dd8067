//! Decoded text to shown passages, for every reader: sanitised, whitespace collapsed or lines
//! kept, cut, and joined into table rows, each with its map back to the input bytes.

use crate::document::Passage;
use crate::ingest::{Decoded, sanitize};
use crate::span::{OffsetMap, Span};
use std::ops::Range;

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

/// What stands between the cells of a table row.
pub const CELL_SEPARATOR: &str = " | ";

/// Joins the cells of a table into one passage (cells by [`CELL_SEPARATOR`] within a row,
/// rows by a line break), each separator mapped over the input between the two cells; also
/// gives each cell's byte range in the joined text, row by row.
pub fn join_cells(rows: Vec<Vec<Passage>>) -> (Passage, Vec<Vec<Range<usize>>>) {
    let mut p = Passage::default();
    let mut ranges = Vec::with_capacity(rows.len());
    // Where the input stands between cells: after the last cell with text (before the first
    // one for separators ahead of it).
    let first = rows.iter().flatten().find(|c| !c.text.is_empty()).map_or(0, |c| c.span.start);
    let mut end = first;
    for (r, row) in rows.into_iter().enumerate() {
        let mut cells = Vec::with_capacity(row.len());
        for (c, cell) in row.into_iter().enumerate() {
            if r > 0 || c > 0 {
                let sep = if c == 0 { "\n" } else { CELL_SEPARATOR };
                let gap = if cell.text.is_empty() { 0 } else { cell.span.start.saturating_sub(end) };
                p.map.push_replaced(p.text.len(), sep.len(), end, gap);
                p.text.push_str(sep);
            }
            let at = p.text.len();
            p.map.append(&cell.map, at);
            p.text.push_str(&cell.text);
            cells.push(at..p.text.len());
            if !cell.text.is_empty() {
                end = end.max(cell.span.end);
            }
        }
        ranges.push(cells);
    }
    p.span = p.map.to_input(0..p.text.len());
    (p, ranges)
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn slices_keep_their_spans() {
        let p = Passage::verbatim("Headline | Site", 10);
        let s = slice(&p, 0..8);
        assert_eq!(s.text, "Headline");
        assert_eq!(s.span, Span::new(10, 18));
    }

    #[test]
    fn cells_join_into_rows_and_keep_their_ranges() {
        let cells = vec![
            vec![Passage::verbatim("Team", 4), Passage::verbatim("Won", 13)],
            vec![Passage::verbatim("Ajax", 30), Passage::default(), Passage::verbatim("3", 45)],
        ];
        let (p, rows) = join_cells(cells);
        assert_eq!(p.text, "Team | Won\nAjax |  | 3");
        assert_eq!(rows[1].iter().map(|r| &p.text[r.clone()]).collect::<Vec<_>>(), ["Ajax", "", "3"]);
        assert_eq!(p.span, Span::new(4, 46));
        let at = p.text.find("Ajax").unwrap_or(0);
        assert_eq!(p.to_input(at..at + 4), Span::new(30, 34));
    }
}
