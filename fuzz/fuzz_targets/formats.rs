//! HTML and Markdown structure from any bytes: no panic, spans in range and on character
//! boundaries, text free of controls.
#![no_main]

#[path = "checks.rs"]
mod checks;

use folio::Format;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for format in [Format::Html, Format::Markdown] {
        let Ok(doc) = folio::ingest::parse(data, format) else { continue };
        checks::passages_are_sound(&doc, data);
    }
});
