//! Pipeline stages on a long book: decode, sanitise, structure, extraction, and the whole.
//!
//! The book is War and Peace from Project Gutenberg: set FOLIO_BOOK to its path, or keep the
//! default `../shared/corpus/war-and-peace-pg2600.txt`; without it a synthetic book of the
//! same size is used. Run: `cargo bench --bench pipeline`.

#[path = "book/mod.rs"]
mod book;

use book::book;

fn main() {
    divan::main();
}

#[divan::bench]
fn decode() -> folio::ingest::Decoded {
    folio::ingest::decode(divan::black_box(book())).expect("text")
}

#[divan::bench]
fn sanitize(b: divan::Bencher) {
    let decoded = folio::ingest::decode(book()).expect("text");
    b.bench(|| folio::ingest::sanitize(divan::black_box(&decoded)));
}

#[divan::bench]
fn structure(b: divan::Bencher) {
    let clean = folio::ingest::sanitize(&folio::ingest::decode(book()).expect("text"));
    b.bench(|| folio::ingest::text::parse(divan::black_box(&clean)).into_document());
}

#[divan::bench]
fn extraction(b: divan::Bencher) {
    let doc = folio::structure(book()).expect("text");
    b.bench(|| folio::extract::entities(divan::black_box(&doc)));
}

#[divan::bench(sample_count = 20)]
fn whole_pipeline_to_json() -> String {
    folio::export::json(&folio::read(divan::black_box(book())).expect("text"))
}
