//! Extraction speed: the whole pipeline and the structure stages alone, on the seed article
//! and on War and Peace (3.2 MB; see `book/mod.rs` for where it comes from), and on the same
//! book as one paragraph, its line breaks made spaces: the time must grow with a
//! paragraph's length, not its square (the book in paragraphs and in one should cost about
//! the same).
//!
//! `cargo bench --bench extract`

#[path = "book/mod.rs"]
mod book;

use std::sync::OnceLock;

fn main() {
    divan::main();
}

/// The book with every line break a space: one paragraph of 3.2 MB.
fn one_paragraph() -> &'static [u8] {
    static ONE: OnceLock<Vec<u8>> = OnceLock::new();
    ONE.get_or_init(|| {
        book::book().iter().map(|&b| if matches!(b, b'\r' | b'\n') { b' ' } else { b }).collect()
    })
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

#[divan::bench(sample_count = 10)]
fn one_paragraph_read(b: divan::Bencher) {
    let text = one_paragraph();
    b.counter(divan::counter::BytesCount::new(text.len()))
        .bench(|| folio::read(divan::black_box(text)).map_or(0, |d| d.entities.len()));
}
