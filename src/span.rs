//! Byte spans of the original input, and the maps that carry text offsets back to them.
//!
//! Every stage that changes text (decoding, sanitising, joining wrapped lines) keeps an
//! [`OffsetMap`], so whatever the model shows can be pointed at in the input file.

use serde::Serialize;
use std::ops::Range;

/// A byte range `start..end` of the original input (end exclusive, on character boundaries).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from a range.
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no byte.
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// One piece of a map: `text` bytes stand for `input` bytes.
///
/// When exact the two ranges hold the same bytes, so offsets inside map one to one;
/// otherwise (a replaced or normalised character) the piece maps as a whole.
///
/// Packed into 16 bytes because a hard-wrapped book has a run per line in every passage
/// map, all kept: offsets are `u32` (the input is capped far below 4 GiB; a longer one
/// saturates, never wraps) and the exact flag is the top bit of the input length.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Run {
    text: u32,
    text_len: u32,
    input: u32,
    /// The input length, with [`EXACT`] set when the bytes are identical on both sides.
    input_len: u32,
}

/// The exact flag of a run, in its input length.
const EXACT: u32 = 1 << 31;

/// An offset or a length as stored in a run.
fn narrow(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl Run {
    fn new(text: usize, text_len: usize, input: usize, input_len: usize, exact: bool) -> Run {
        let input_len = narrow(input_len).min(EXACT - 1) | if exact { EXACT } else { 0 };
        Run { text: narrow(text), text_len: narrow(text_len), input: narrow(input), input_len }
    }

    /// Start in the derived text.
    pub fn text(&self) -> usize {
        self.text as usize
    }

    /// Length in the derived text.
    pub fn text_len(&self) -> usize {
        self.text_len as usize
    }

    /// Start in the input.
    pub fn input(&self) -> usize {
        self.input as usize
    }

    /// Length in the input.
    pub fn input_len(&self) -> usize {
        (self.input_len & !EXACT) as usize
    }

    /// The bytes are identical on both sides.
    pub fn is_exact(&self) -> bool {
        self.input_len & EXACT != 0
    }

    /// End in the derived text.
    pub fn text_end(&self) -> usize {
        self.text() + self.text_len()
    }

    /// End in the input.
    pub fn input_end(&self) -> usize {
        self.input() + self.input_len()
    }
}

/// A monotone map from offsets of a derived text to offsets of the input.
///
/// Runs are sorted and do not overlap on either side; input bytes that were dropped
/// (escape sequences, indentation) simply fall between runs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OffsetMap {
    runs: Vec<Run>,
}

impl OffsetMap {
    /// An empty map.
    pub fn new() -> Self {
        OffsetMap::default()
    }

    /// The identity map of `len` bytes starting at input offset `input`.
    pub fn exact(text: usize, input: usize, len: usize) -> Self {
        let mut map = OffsetMap::new();
        map.push_exact(text, input, len);
        map
    }

    /// Frees the room kept for runs not pushed: a finished passage's map stays as it is.
    pub fn shrink_to_fit(&mut self) {
        self.runs.shrink_to_fit();
    }

    /// The runs, in order.
    pub fn runs(&self) -> &[Run] {
        &self.runs
    }

    /// Appends `len` identical bytes, merging with the previous run when contiguous.
    pub fn push_exact(&mut self, text: usize, input: usize, len: usize) {
        if len == 0 {
            return;
        }
        if let Some(last) = self.runs.last_mut()
            && last.is_exact()
            && last.text_end() == text
            && last.input_end() == input
            && let Some(merged) = last.text_len().checked_add(len).filter(|&n| n < EXACT as usize)
        {
            *last = Run::new(last.text(), merged, last.input(), merged, true);
            return;
        }
        self.runs.push(Run::new(text, len, input, len, true));
    }

    /// Appends a replacement: `text_len` derived bytes standing for `input_len` input bytes.
    pub fn push_replaced(&mut self, text: usize, text_len: usize, input: usize, input_len: usize) {
        if text_len == 0 {
            return;
        }
        self.runs.push(Run::new(text, text_len, input, input_len, false));
    }

    /// Appends a run as it is (exact runs merge with a contiguous predecessor).
    pub fn push(&mut self, run: Run) {
        if run.is_exact() && run.text_len() == run.input_len() {
            self.push_exact(run.text(), run.input(), run.text_len());
        } else {
            self.push_replaced(run.text(), run.text_len(), run.input(), run.input_len());
        }
    }

    /// Appends the runs of `from` that cover `range` of its text, cut to it and moved to
    /// start at text offset `at`.
    pub fn copy_range(&mut self, from: &OffsetMap, range: Range<usize>, at: usize) {
        let first = from.runs.partition_point(|r| r.text_end() <= range.start);
        for r in &from.runs[first..] {
            if r.text() >= range.end {
                break;
            }
            let (ts, te) = (r.text().max(range.start), r.text_end().min(range.end));
            let out = at + (ts - range.start);
            if r.is_exact() {
                self.push_exact(out, r.input() + (ts - r.text()), te - ts);
            } else {
                self.push_replaced(out, te - ts, r.input(), r.input_len());
            }
        }
    }

    /// Appends all of `from`, its text moved to start at `at`.
    pub fn append(&mut self, from: &OffsetMap, at: usize) {
        let end = from.runs.last().map_or(0, Run::text_end);
        self.copy_range(from, 0..end, at);
    }

    /// Index of the run holding text offset `pos`, or of the nearest one.
    fn run_at_text(&self, pos: usize) -> Option<&Run> {
        if self.runs.is_empty() {
            return None;
        }
        let i = self.runs.partition_point(|r| r.text_end() <= pos);
        Some(&self.runs[i.min(self.runs.len() - 1)])
    }

    /// Index of the run holding input offset `pos`, or of the next one after it.
    fn run_at_input(&self, pos: usize) -> Option<&Run> {
        if self.runs.is_empty() {
            return None;
        }
        let i = self.runs.partition_point(|r| r.input_end() <= pos);
        Some(&self.runs[i.min(self.runs.len() - 1)])
    }

    /// Input offset of the derived text offset `pos`, seen as the start of a span.
    pub fn input_start(&self, pos: usize) -> usize {
        match self.run_at_text(pos) {
            None => 0,
            Some(r) if pos < r.text() => r.input(),
            Some(r) if pos >= r.text_end() => r.input_end(),
            Some(r) if r.is_exact() => r.input() + (pos - r.text()),
            Some(r) => r.input(),
        }
    }

    /// Input offset of the derived text offset `pos`, seen as the end of a span.
    pub fn input_end(&self, pos: usize) -> usize {
        match self.run_at_text(pos.saturating_sub(1)) {
            None => 0,
            Some(r) if pos <= r.text() => r.input(),
            Some(r) if pos >= r.text_end() => r.input_end(),
            Some(r) if r.is_exact() => r.input() + (pos - r.text()),
            Some(r) => r.input_end(),
        }
    }

    /// The input span of a derived text range.
    pub fn to_input(&self, range: Range<usize>) -> Span {
        let start = self.input_start(range.start);
        if range.end <= range.start {
            return Span::new(start, start);
        }
        Span::new(start, self.input_end(range.end).max(start))
    }

    /// The derived text range of an input span, clipped to what this map covers;
    /// `None` when the span lies outside it.
    pub fn to_text(&self, span: Span) -> Option<Range<usize>> {
        let first = self.runs.first()?;
        let last = self.runs.last()?;
        if span.end <= first.input() || span.start >= last.input_end() {
            return None;
        }
        let r = self.run_at_input(span.start)?;
        let start = if span.start < r.input() {
            r.text()
        } else if r.is_exact() {
            r.text() + (span.start - r.input())
        } else {
            r.text()
        };
        let r = self.run_at_input(span.end.saturating_sub(1))?;
        let end = if span.end <= r.input() {
            r.text()
        } else if r.is_exact() && span.end <= r.input_end() {
            r.text() + (span.end - r.input())
        } else {
            r.text_end()
        };
        (end > start).then_some(start..end)
    }

    /// Composes `self` (derived → middle) with `inner` (middle → input): derived → input.
    pub fn then(&self, inner: &OffsetMap) -> OffsetMap {
        let mut out = OffsetMap::new();
        let inner_runs = inner.runs();
        let mut j = 0;
        for r in &self.runs {
            if !r.is_exact() {
                let span = inner.to_input(r.input()..r.input_end());
                out.push_replaced(r.text(), r.text_len(), span.start, span.len());
                continue;
            }
            // Split an exact run along the inner runs it crosses.
            let (mut pos, end) = (r.input(), r.input_end());
            while j < inner_runs.len() && inner_runs[j].text_end() <= pos {
                j += 1;
            }
            let mut k = j;
            while pos < end {
                let Some(ir) = inner_runs.get(k) else {
                    break;
                };
                let piece_end = end.min(ir.text_end());
                let text = r.text() + (pos - r.input());
                if ir.is_exact() {
                    let start = ir.input() + (pos.max(ir.text()) - ir.text());
                    out.push_exact(text, start, piece_end - pos.max(ir.text()));
                } else {
                    out.push_replaced(text, piece_end - pos, ir.input(), ir.input_len());
                }
                pos = piece_end;
                k += 1;
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_runs_map_one_to_one_and_merge() {
        let mut m = OffsetMap::new();
        m.push_exact(0, 3, 5);
        m.push_exact(5, 8, 5);
        assert_eq!(m.runs().len(), 1);
        assert_eq!(m.to_input(2..7), Span::new(5, 10));
        assert_eq!(m.to_text(Span::new(5, 10)), Some(2..7));
    }

    #[test]
    fn replaced_runs_map_as_a_whole() {
        // "ab\n" where "\n" stood for "\r\n" at input 2..4, then "cd" at 4..6.
        let mut m = OffsetMap::new();
        m.push_exact(0, 0, 2);
        m.push_replaced(2, 1, 2, 2);
        m.push_exact(3, 4, 2);
        assert_eq!(m.to_input(0..3), Span::new(0, 4));
        assert_eq!(m.to_input(3..5), Span::new(4, 6));
        assert_eq!(m.to_text(Span::new(4, 6)), Some(3..5));
        assert_eq!(m.to_text(Span::new(1, 3)), Some(1..3));
    }

    #[test]
    fn dropped_input_falls_between_runs() {
        // text "ab" from input "a\x1b[0mb": 'a' at 0, 'b' at 5.
        let mut m = OffsetMap::new();
        m.push_exact(0, 0, 1);
        m.push_exact(1, 5, 1);
        assert_eq!(m.to_input(0..2), Span::new(0, 6));
        assert_eq!(m.to_input(1..2), Span::new(5, 6));
        assert_eq!(m.to_text(Span::new(1, 6)), Some(1..2));
        assert_eq!(m.to_text(Span::new(7, 9)), None);
    }

    #[test]
    fn composition_follows_both_maps() {
        // inner: middle "xyz" is input 10..13 exactly; outer: text "yz" is middle 1..3.
        let inner = OffsetMap::exact(0, 10, 3);
        let outer = OffsetMap::exact(0, 1, 2);
        let both = outer.then(&inner);
        assert_eq!(both.to_input(0..2), Span::new(11, 13));
        // A replaced inner run (1 middle byte for 3 input bytes) stays whole.
        let mut inner = OffsetMap::new();
        inner.push_exact(0, 0, 2);
        inner.push_replaced(2, 1, 2, 3);
        inner.push_exact(3, 5, 2);
        let outer = OffsetMap::exact(0, 0, 5);
        let both = outer.then(&inner);
        assert_eq!(both.to_input(2..3), Span::new(2, 5));
        assert_eq!(both.to_input(3..5), Span::new(5, 7));
    }

    #[test]
    fn ranges_are_copied_cut_and_moved() {
        // "ab" exact at input 10, " " for "\r\n" at 12..14, "cd" exact at 14.
        let mut m = OffsetMap::new();
        m.push_exact(0, 10, 2);
        m.push_replaced(2, 1, 12, 2);
        m.push_exact(3, 14, 2);
        let mut out = OffsetMap::exact(0, 0, 4);
        out.copy_range(&m, 1..4, 4);
        assert_eq!(out.to_input(4..5), Span::new(11, 12));
        assert_eq!(out.to_input(5..6), Span::new(12, 14));
        assert_eq!(out.to_input(6..7), Span::new(14, 15));
        assert_eq!(out.to_input(0..7), Span::new(0, 15));
        let mut all = OffsetMap::new();
        all.append(&m, 0);
        assert_eq!(all, m);
    }

    #[test]
    fn runs_are_small_and_offsets_saturate() {
        assert!(std::mem::size_of::<Run>() <= 16);
        let mut m = OffsetMap::new();
        m.push_exact(0, usize::MAX - 4, 2);
        let r = m.runs()[0];
        assert!(r.is_exact());
        assert_eq!((r.input(), r.input_len()), (u32::MAX as usize, 2));
        // An input length past the flag bit stays a length, and the run stays replaced.
        m.push_replaced(2, 1, 0, usize::MAX);
        assert!(!m.runs()[1].is_exact());
    }
}
