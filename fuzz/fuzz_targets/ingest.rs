//! Decode, sanitise and structure any bytes: no panic, spans in range and on character
//! boundaries, sanitised text free of controls.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(doc) = folio::structure(data) else { return };
    let text = std::str::from_utf8(data).ok();
    for p in doc.passages().chain(doc.boilerplate.iter().map(|b| &b.passage)) {
        assert!(p.span.start <= p.span.end && p.span.end <= data.len());
        if let Some(t) = text {
            assert!(t.is_char_boundary(p.span.start) && t.is_char_boundary(p.span.end));
        }
        assert!(!p.text.chars().any(folio::ingest::sanitize::is_unsafe), "{:?}", p.text);
        // Every byte range of the text maps back inside the input.
        let span = p.to_input(0..p.text.len());
        assert!(span.end <= data.len());
    }
});
