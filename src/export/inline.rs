//! A block's inline styles and links as ranges of its text, for the exporters.

use crate::document::{Block, StyleKind};
use std::ops::Range;

/// One inline mark: a style, or the link with this number (counted from 1 over the document).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// Emphasis, strong or code.
    Style(StyleKind),
    /// A link and its number.
    Link(usize),
}

/// The marks of a block as byte ranges of its text, trimmed of surrounding whitespace, sorted
/// by start (longer first), without marks that cross another instead of nesting in it.
/// `first_link` is the number of the block's first link.
pub fn marks(block: &Block, first_link: usize) -> Vec<(Range<usize>, Mark)> {
    let text = &block.text;
    let trim = |r: Range<usize>| {
        let s = &text[r.clone()];
        let start = r.start + (s.len() - s.trim_start().len());
        let end = r.start + s.trim_end().len();
        (start < end).then_some(start..end)
    };
    let styles =
        block.styles.iter().filter_map(|s| Some((trim(block.to_text(s.span)?)?, Mark::Style(s.style))));
    let links = block
        .links
        .iter()
        .enumerate()
        .filter_map(|(i, l)| Some((trim(block.to_text(l.span)?)?, Mark::Link(first_link + i))));
    let mut all: Vec<(Range<usize>, Mark)> = styles.chain(links).collect();
    // Over the same text a link holds the styles, and code is innermost.
    let rank = |m: &Mark| match m {
        Mark::Link(_) => 0,
        Mark::Style(StyleKind::Strong) => 1,
        Mark::Style(StyleKind::Em) => 2,
        Mark::Style(StyleKind::Code) => 3,
    };
    all.sort_by_key(|(r, m)| (r.start, std::cmp::Reverse(r.end), rank(m)));
    all.dedup();
    let mut kept: Vec<(Range<usize>, Mark)> = Vec::with_capacity(all.len());
    for (r, m) in all {
        // Crossing marks cannot both be written: the earlier one is kept. Nothing nests in
        // code, and a style nests in itself to no effect.
        let crosses = kept.iter().any(|(k, km)| {
            let inside = k.start <= r.start && r.end <= k.end;
            (r.start < k.end && k.end < r.end)
                || (inside && (*km == Mark::Style(StyleKind::Code) || *km == m))
        });
        if !crosses {
            kept.push((r, m));
        }
    }
    kept
}
