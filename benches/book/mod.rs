//! The book both benchmark suites read: War and Peace from `FOLIO_BOOK` or the shared
//! corpus, or a synthetic book of the same size when neither is there.

use std::sync::OnceLock;

/// The book's bytes, read once.
pub fn book() -> &'static [u8] {
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
