//! HTML and Markdown structure from any bytes: no panic, spans in range and on character
//! boundaries, text free of controls.
#![no_main]

use folio::Format;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for format in [Format::Html, Format::Markdown] {
        let Ok(doc) = folio::structure_as(data, format) else { continue };
        let text = std::str::from_utf8(data).ok();
        for p in doc.passages().chain(doc.boilerplate.iter().map(|b| &b.passage)) {
            assert!(p.span.start <= p.span.end && p.span.end <= data.len());
            if let Some(t) = text {
                assert!(t.is_char_boundary(p.span.start) && t.is_char_boundary(p.span.end));
            }
            assert!(!p.text.chars().any(folio::ingest::sanitize::is_unsafe), "{:?}", p.text);
        }
    }
});
