//! The whole pipeline with extraction: no panic; mentions inside the input, on character
//! boundaries, sorted and non-overlapping within each entity.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(doc) = folio::read(data) else { return };
    let text = std::str::from_utf8(data).ok();
    for e in &doc.entities {
        assert!(!e.name.chars().any(folio::ingest::sanitize::is_unsafe));
        for w in e.mentions.windows(2) {
            assert!(w[0].end <= w[1].start, "mentions overlap or are unsorted: {:?}", e.mentions);
        }
        for m in &e.mentions {
            assert!(m.start < m.end && m.end <= data.len());
            if let Some(t) = text {
                assert!(t.is_char_boundary(m.start) && t.is_char_boundary(m.end));
            }
        }
    }
});
