//! What every document built from any bytes must hold, shared by the fuzz targets.

use folio::Document;

/// Spans in range and on character boundaries, text free of controls, and every byte range
/// of a passage's text mapping back inside the input.
pub fn passages_are_sound(doc: &Document, data: &[u8]) {
    let text = std::str::from_utf8(data).ok();
    for p in doc.passages().chain(doc.boilerplate.iter().map(|b| &b.passage)) {
        assert!(p.span.start <= p.span.end && p.span.end <= data.len());
        if let Some(t) = text {
            assert!(t.is_char_boundary(p.span.start) && t.is_char_boundary(p.span.end));
        }
        assert!(!p.text.chars().any(folio::ingest::sanitize::is_unsafe), "{:?}", p.text);
        let span = p.to_input(0..p.text.len());
        assert!(span.end <= data.len());
    }
}
