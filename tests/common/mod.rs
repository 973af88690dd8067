//! Helpers shared by the integration tests.
#![allow(dead_code)]

use folio::Document;
use folio::document::BlockKind;

/// The bytes of `tests/fixtures/{path}`.
pub fn fixture_bytes(path: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Each block of the text flow as its kind and text, in order.
pub fn kinds_and_texts(doc: &Document) -> Vec<(BlockKind, String)> {
    doc.sections.iter().flat_map(|s| &s.paragraphs).map(|b| (b.kind.clone(), b.text.clone())).collect()
}

/// Collapses runs of whitespace to one space.
pub fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Asserts every span of the document lies in the input, on character boundaries when the
/// input is UTF-8, with start <= end.
pub fn assert_spans_valid(input: &[u8], doc: &Document) {
    let text = std::str::from_utf8(input).ok();
    let mut spans: Vec<folio::Span> = doc.passages().map(|p| p.span).collect();
    spans.extend(doc.boilerplate.iter().map(|b| b.passage.span));
    spans.extend(doc.entities.iter().flat_map(|e| e.mentions.iter().copied()));
    for s in spans {
        assert!(s.start <= s.end && s.end <= input.len(), "span {s:?} outside input of {}", input.len());
        if let Some(t) = text {
            assert!(
                t.is_char_boundary(s.start) && t.is_char_boundary(s.end),
                "span {s:?} splits a character"
            );
        }
    }
}

/// Asserts each passage's input bytes equal its text up to whitespace (inputs without
/// escape sequences or controls).
pub fn assert_passages_match_input(input: &[u8], doc: &Document) {
    let text = std::str::from_utf8(input).expect("fixture is UTF-8");
    for p in doc.passages().chain(doc.boilerplate.iter().map(|b| &b.passage)) {
        assert_eq!(squash(&text[p.span.start..p.span.end]), squash(&p.text), "passage at {:?}", p.span);
    }
}
