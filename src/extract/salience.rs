//! Salience: how central an entity is, from how often and how early it is mentioned and
//! whether the headline names it. Orders the sidebar within each kind.

use crate::document::{Document, Entity};

/// Scores every entity and sorts by kind, then salience (highest first), then name.
pub fn rank(entities: &mut [Entity], doc: &Document) {
    let total = doc.passages().last().map_or(1, |p| p.span.end.max(1)) as f32;
    let heads: Vec<crate::span::Span> = doc
        .title
        .iter()
        .chain(doc.sections.iter().filter_map(|s| s.heading.as_ref()))
        .map(|p| p.span)
        .collect();
    for e in entities.iter_mut() {
        let n = e.mentions.len() as f32;
        let first = e.mentions.first().map_or(total, |m| m.start as f32);
        let early = 1.0 - (first / total).clamp(0.0, 1.0);
        let headline = e.mentions.iter().any(|m| heads.iter().any(|h| h.overlaps(*m)));
        e.salience = (1.0 + n).ln() + 0.5 * early + if headline { 1.0 } else { 0.0 };
    }
    entities.sort_by(|a, b| {
        a.kind.cmp(&b.kind).then(b.salience.total_cmp(&a.salience)).then_with(|| a.name.cmp(&b.name))
    });
}
