//! Extraction speed: the whole pipeline and the structure stages alone, on the seed article
//! and on War and Peace (3.2 MB; see `book/mod.rs` for where it comes from).
//!
//! `cargo bench --bench extract`

#[path = "book/mod.rs"]
mod book;

fn main() {
    divan::main();
}

#[divan::bench]
fn seed_read() -> usize {
    folio::read(divan::black_box(folio::SEED)).map_or(0, |d| d.entities.len())
}

#[divan::bench(sample_count = 10)]
fn big_structure(b: divan::Bencher) {
    let text = book::book();
    b.counter(divan::counter::BytesCount::new(text.len()))
        .bench(|| folio::structure(divan::black_box(text)).map_or(0, |d| d.sections.len()));
}

#[divan::bench(sample_count = 10)]
fn big_read(b: divan::Bencher) {
    let text = book::book();
    b.counter(divan::counter::BytesCount::new(text.len()))
        .bench(|| folio::read(divan::black_box(text)).map_or(0, |d| d.entities.len()));
}
