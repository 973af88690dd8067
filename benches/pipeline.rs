//! Pipeline stages on a long book: decode, sanitise, structure, extraction, and the whole.
//!
//! The book is War and Peace from Project Gutenberg: set FOLIO_BOOK to its path, or keep the
//! default `../shared/corpus/war-and-peace-pg2600.txt`; without it a synthetic book of the
//! same size is used. Run: `cargo bench --bench pipeline`.

use std::sync::OnceLock;

fn main() {
    divan::main();
}

fn book() -> &'static [u8] {
    static BOOK: OnceLock<Vec<u8>> = OnceLock::new();
    BOOK.get_or_init(|| {
        let path = std::env::var("FOLIO_BOOK").unwrap_or_else(|_| {
            concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/war-and-peace-pg2600.txt").into()
        });
        std::fs::read(&path).unwrap_or_else(|_| synthetic())
    })
}

/// About 3.2 MB of chapters and hard-wrapped paragraphs.
fn synthetic() -> Vec<u8> {
    let para = "Prince Andrew looked at the road to Moscow, where the army had passed on the\r\n\
                morning of the battle, and thought of his father at Bald Hills.\r\n\r\n";
    let mut out = String::from("WAR AND PEACE\r\n\r\n");
    let mut chapter = 0;
    while out.len() < 3_200_000 {
        chapter += 1;
        out.push_str(&format!("CHAPTER {chapter}\r\n\r\n"));
        for _ in 0..40 {
            out.push_str(para);
        }
    }
    out.into_bytes()
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
    b.bench(|| folio::Document::from_blocks(folio::ingest::text::parse(divan::black_box(&clean))));
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
