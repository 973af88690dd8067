//! The reader stays responsive on a book: per-key work depends on the screen, not the text.
//!
//! The bounds are loose (a debug build on a busy machine passes them with a wide margin);
//! what they catch is work proportional to the document on every key or frame.

mod tui_support;

use folio::tui::Action;
use std::time::Instant;
use tui_support::*;

/// A book-sized document: 3 MB of paragraphs under 400 headings.
fn book() -> folio::Document {
    let para = "Pierre looked at the crowd on the bridge and thought of the letter he had not \
written, of the estate, of his wife's salon and of the war that everyone said would come. ";
    let mut text = String::from("A Long Book\n\n");
    for chapter in 0..400 {
        text.push_str(&format!("CHAPTER {chapter}\n\n"));
        for _ in 0..40 {
            text.push_str(&para.repeat(2));
            text.push_str("\n\n");
        }
    }
    let mut blocks = Vec::new();
    for (i, chunk) in text.split("\n\n").enumerate() {
        if chunk.starts_with("CHAPTER") {
            blocks.push((chunk.to_string(), true));
        } else if i > 0 && !chunk.is_empty() {
            blocks.push((chunk.to_string(), false));
        }
    }
    let leaked: Vec<B> = blocks
        .into_iter()
        .map(|(t, h)| {
            let t: &'static str = Box::leak(t.into_boxed_str());
            if h { B::H(1, t) } else { B::P(t) }
        })
        .collect();
    build(&leaked).1
}

#[test]
fn keys_and_frames_cost_the_screen_not_the_book() {
    let doc = book();
    assert!(doc.sections.len() == 400);
    let started = Instant::now();
    let mut app = app(doc, 140, 40);
    let open = started.elapsed();
    let started = Instant::now();
    let keys = [
        Action::PageDown,
        Action::NextSection,
        Action::LineDown,
        Action::Bottom,
        Action::PrevSection,
        Action::Top,
    ];
    for i in 0..300 {
        send(&mut app, [keys[i % keys.len()].clone()]);
        let _ = screen(&app);
    }
    let per_key = started.elapsed() / 300;
    let started = Instant::now();
    search(&mut app, "letter");
    for _ in 0..100 {
        send(&mut app, [Action::NextMatch]);
    }
    let search_time = started.elapsed();
    let started = Instant::now();
    send(&mut app, [Action::Resize(90, 30), Action::Resize(140, 40)]);
    let resize = started.elapsed();
    eprintln!(
        "open {open:?}, per key and frame {per_key:?}, search + 100 n {search_time:?}, two resizes {resize:?}"
    );
    assert!(per_key.as_millis() < 40, "per key and frame: {per_key:?}");
}
