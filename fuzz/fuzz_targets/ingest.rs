//! Decode, sanitise and structure any bytes: no panic, spans in range and on character
//! boundaries, sanitised text free of controls.
#![no_main]

#[path = "checks.rs"]
mod checks;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(doc) = folio::structure(data) else { return };
    checks::passages_are_sound(&doc, data);
});
