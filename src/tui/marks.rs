//! Highlights that can be stepped through with n/N: search matches and an entity's mentions.

use super::flow::Flow;
use crate::document::Document;

/// One highlighted range: an item of the flow and a byte range of its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Hit {
    /// Index into the flow's items.
    pub item: usize,
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

/// What the highlights come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A search for this text.
    Search(String),
    /// The mentions of this entity (index into `doc.entities`).
    Entity(usize),
}

/// The highlighted ranges, in reading order, and the one being looked at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marks {
    /// Where they come from.
    pub source: Source,
    /// Sorted by item, then offset.
    pub hits: Vec<Hit>,
    /// Index into `hits`.
    pub current: usize,
    /// True when `n` steps backward (a search made with `?`).
    pub back: bool,
}

impl Marks {
    /// The hits that overlap `start..end` of `item`, as indices into `hits`.
    pub fn on_line(&self, item: usize, start: usize, end: usize) -> std::ops::Range<usize> {
        let first = self.hits.partition_point(|h| (h.item, h.end) <= (item, start));
        let last = first + self.hits[first..].partition_point(|h| h.item == item && h.start < end);
        first..last.max(first)
    }
}

/// Every mention of an entity as highlighted text, found through the input spans.
pub fn mentions(doc: &Document, flow: &Flow, entity: usize) -> Vec<Hit> {
    let Some(e) = doc.entities.get(entity) else {
        return Vec::new();
    };
    let mut hits: Vec<Hit> = e
        .mentions
        .iter()
        .flat_map(|&span| flow.locate(doc, span))
        .map(|(item, r)| Hit { item, start: r.start, end: r.end })
        .collect();
    hits.sort();
    hits.dedup();
    hits
}

pub use super::side::Row;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hits_on_a_line_are_found_by_overlap() {
        let hit = |item, start, end| Hit { item, start, end };
        let m = Marks {
            source: Source::Search("x".into()),
            hits: vec![hit(0, 5, 8), hit(1, 0, 3), hit(1, 10, 14), hit(1, 20, 22), hit(3, 0, 1)],
            current: 0,
            back: false,
        };
        assert_eq!(m.on_line(1, 0, 12), 1..3);
        assert_eq!(m.on_line(1, 12, 20), 2..3);
        assert_eq!(m.on_line(1, 14, 20), 3..3);
        assert_eq!(m.on_line(2, 0, 50), 4..4);
    }
}
