//! Salience: how central an entity is, from how often and how early it is mentioned and
//! whether the headline names it. Orders the sidebar within each kind.

use crate::document::{Document, Entity};

/// Scores every entity and sorts by kind, then salience (highest first), then name.
pub fn rank(entities: &mut [Entity], doc: &Document) {
    let total = doc.passages().last().map_or(1, |p| p.span.end.max(1)) as f32;
    let mut heads: Vec<crate::span::Span> = doc
        .title
        .iter()
        .chain(doc.sections.iter().filter_map(|s| s.heading.as_ref()))
        .map(|p| p.span)
        .collect();
    // Headings by start, each with the furthest end of those up to it: a mention overlaps a
    // heading when one that starts before the mention's end reaches past its start, found by
    // binary search (a book has hundreds of headings and tens of thousands of mentions).
    heads.sort_by_key(|h| h.start);
    let reach: Vec<usize> = heads
        .iter()
        .scan(0, |end, h| {
            *end = h.end.max(*end);
            Some(*end)
        })
        .collect();
    let in_heading = |m: &crate::span::Span| {
        let before = heads.partition_point(|h| h.start < m.end);
        before > 0 && reach[before - 1] > m.start
    };
    for e in entities.iter_mut() {
        let n = e.mentions.len() as f32;
        let first = e.mentions.first().map_or(total, |m| m.start as f32);
        let early = 1.0 - (first / total).clamp(0.0, 1.0);
        let headline = e.mentions.iter().any(in_heading);
        e.salience = (1.0 + n).ln() + 0.5 * early + if headline { 1.0 } else { 0.0 };
    }
    entities.sort_by(|a, b| {
        a.kind.cmp(&b.kind).then(b.salience.total_cmp(&a.salience)).then_with(|| a.name.cmp(&b.name))
    });
}

#[cfg(test)]
mod tests {
    use crate::document::EntityKind;
    use crate::extract::test_entities;

    #[test]
    fn more_and_earlier_mentions_rank_first_within_kind() {
        let text = "Paris hosted the talks. Paris was calm, and Paris was sunny. Lyon sent envoys.";
        let places: Vec<String> =
            test_entities(text).into_iter().filter(|e| e.kind == EntityKind::Place).map(|e| e.name).collect();
        assert_eq!(places, ["Paris", "Lyon"]);
        let kinds: Vec<EntityKind> = test_entities(text).into_iter().map(|e| e.kind).collect();
        let mut sorted = kinds.clone();
        sorted.sort();
        assert_eq!(kinds, sorted, "grouped by kind");
    }
}
