//! Highlights that can be stepped through with n/N: search matches and an entity's mentions.

use super::flow::Flow;
use crate::document::{Document, EntityKind};
use aho_corasick::AhoCorasick;

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
}

impl Marks {
    /// The hits that overlap `start..end` of `item`, as indices into `hits`.
    pub fn on_line(&self, item: usize, start: usize, end: usize) -> std::ops::Range<usize> {
        let first = self.hits.partition_point(|h| (h.item, h.end) <= (item, start));
        let last = first + self.hits[first..].partition_point(|h| h.item == item && h.start < end);
        first..last.max(first)
    }
}

/// Every match of `query` in the shown text, crossing line wraps (lines are a view; the
/// search runs on whole passages). Case is ignored unless the query has a capital letter.
pub fn search(doc: &Document, flow: &Flow, query: &str) -> Vec<Hit> {
    if query.is_empty() {
        return Vec::new();
    }
    let fold = !query.chars().any(char::is_uppercase);
    let Ok(ac) = AhoCorasick::builder().ascii_case_insensitive(fold).build([query]) else {
        return Vec::new();
    };
    let mut hits = Vec::new();
    for item in 0..flow.items.len() {
        for m in ac.find_iter(flow.text(doc, item)) {
            hits.push(Hit { item, start: m.start(), end: m.end() });
        }
    }
    hits
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

/// One row of the sidebar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    /// A group header: kind and how many entities it has.
    Group(EntityKind, usize),
    /// An entity (index into `doc.entities`).
    Entity(usize),
    /// Said under a group with no entity.
    Empty,
}

/// The sidebar's rows: People, Places, Events, each by salience, most salient first.
pub fn sidebar_rows(doc: &Document) -> Vec<Row> {
    let mut rows = Vec::new();
    for kind in [EntityKind::Person, EntityKind::Place, EntityKind::Event] {
        let mut of_kind: Vec<usize> =
            (0..doc.entities.len()).filter(|&i| doc.entities[i].kind == kind).collect();
        of_kind.sort_by(|&a, &b| {
            let (a, b) = (&doc.entities[a], &doc.entities[b]);
            b.salience.total_cmp(&a.salience).then(b.mentions.len().cmp(&a.mentions.len()))
        });
        rows.push(Row::Group(kind, of_kind.len()));
        if of_kind.is_empty() {
            rows.push(Row::Empty);
        }
        rows.extend(of_kind.into_iter().map(Row::Entity));
    }
    rows
}

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
        };
        assert_eq!(m.on_line(1, 0, 12), 1..3);
        assert_eq!(m.on_line(1, 12, 20), 2..3);
        assert_eq!(m.on_line(1, 14, 20), 3..3);
        assert_eq!(m.on_line(2, 0, 50), 4..4);
    }
}
