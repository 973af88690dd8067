//! Regression over the public benchmark pages in `../shared/eval/html-dev`: every page reads
//! without error, its spans stay in the input, and the body text keeps the score it had.
//!
//! The pages belong to their publishers, so they are not in this repository; when the folder
//! is absent the test says that it skipped and passes.

use std::collections::HashMap;
use std::path::Path;

/// The floor set for HTML extraction: the body-text F1 of the benchmark's shingle metric.
const FLOOR_F1: f64 = 0.93;

fn words(text: &str) -> Vec<&str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_')).filter(|w| !w.is_empty()).collect()
}

/// Multiset of 4-word shingles, as the benchmark's scorer counts them.
fn shingles(text: &str) -> HashMap<Vec<&str>, usize> {
    let w = words(text);
    let mut out = HashMap::new();
    if w.is_empty() {
        return out;
    }
    for i in 0..w.len().saturating_sub(3).max(1) {
        *out.entry(w[i..(i + 4).min(w.len())].to_vec()).or_insert(0) += 1;
    }
    out
}

/// Matched, extra and missing shingles of a page.
fn counts(gold: &str, got: &str) -> (f64, f64, f64) {
    let (g, p) = (shingles(gold), shingles(got));
    let tp: usize = g.iter().map(|(k, n)| (*n).min(p.get(k).copied().unwrap_or(0))).sum();
    let gn: usize = g.values().sum();
    let pn: usize = p.values().sum();
    (tp as f64, (pn - tp) as f64, (gn - tp) as f64)
}

#[test]
fn html_dev_pages_keep_their_score() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/html-dev");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        println!("skipped: {} is absent", dir.display());
        return;
    };
    let mut pages: Vec<_> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    pages.sort();
    let (mut ps, mut rs) = (Vec::new(), Vec::new());
    for page in &pages {
        let bytes = std::fs::read(page).unwrap_or_default();
        let gold = std::fs::read_to_string(page.with_extension("body.txt")).unwrap_or_default();
        let doc = folio::ingest::parse(&bytes, folio::Format::Html)
            .unwrap_or_else(|e| panic!("{}: {e}", page.display()));
        let mut body = Vec::new();
        for s in &doc.sections {
            body.extend(s.heading.iter().map(|h| h.text.as_str()));
            // As the scorer does, captions are left out of the body.
            let caption =
                |b: &&folio::document::Block| matches!(b.kind, folio::document::BlockKind::Caption { .. });
            body.extend(s.paragraphs.iter().filter(|b| !caption(b)).map(|p| p.text.as_str()));
            for p in s.heading.iter().chain(s.paragraphs.iter().map(|b| &b.passage)) {
                assert!(p.span.end <= bytes.len(), "{}: span out of range", page.display());
            }
        }
        let (tp, fp, fn_) = counts(&gold, &body.join("\n\n"));
        if tp + fp > 0.0 {
            ps.push(if fp == 0.0 && fn_ == 0.0 { 1.0 } else { tp / (tp + fp) });
        }
        if tp + fn_ > 0.0 {
            rs.push(if fp == 0.0 && fn_ == 0.0 { 1.0 } else { tp / (tp + fn_) });
        }
    }
    let mean = |v: &[f64]| if v.is_empty() { 0.0 } else { v.iter().sum::<f64>() / v.len() as f64 };
    let (p, r) = (mean(&ps), mean(&rs));
    let f1 = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
    println!("html-dev: {} pages, P {p:.3} R {r:.3} F1 {f1:.3}", pages.len());
    assert!(f1 >= FLOOR_F1, "body F1 {f1:.3} fell below {FLOOR_F1}");
}
