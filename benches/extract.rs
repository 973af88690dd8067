//! Extraction speed: the whole pipeline and the structure stages alone, on the seed article
//! and on War and Peace (3.2 MB) when the shared corpus is beside the repository.
//!
//! `cargo bench --bench extract`

use std::path::Path;

fn main() {
    divan::main();
}

/// War and Peace from the shared corpus, or the seed article repeated to a similar size.
fn big() -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/war-and-peace-pg2600.txt");
    std::fs::read(path).unwrap_or_else(|_| folio::SEED.repeat(3_200_000 / folio::SEED.len()))
}

#[divan::bench]
fn seed_read() -> usize {
    folio::read(divan::black_box(folio::SEED)).map_or(0, |d| d.entities.len())
}

#[divan::bench(sample_count = 10)]
fn big_structure(b: divan::Bencher) {
    let text = big();
    b.counter(divan::counter::BytesCount::new(text.len()))
        .bench(|| folio::structure(divan::black_box(&text)).map_or(0, |d| d.sections.len()));
}

#[divan::bench(sample_count = 10)]
fn big_read(b: divan::Bencher) {
    let text = big();
    b.counter(divan::counter::BytesCount::new(text.len()))
        .bench(|| folio::read(divan::black_box(&text)).map_or(0, |d| d.entities.len()));
}
