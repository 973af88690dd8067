//! The reader on a long book: wrapping, the first frame, a key and its frame, a resize.
//!
//! Frames are drawn into ratatui's `TestBackend` at 120×40, so these figures leave out the
//! terminal itself (`scripts/bench_reader.py` measures that, side by side with less). The
//! book is War and Peace from Project Gutenberg: set FOLIO_BOOK to its path, or keep the
//! default `../shared/corpus/war-and-peace-pg2600.txt`; without it a synthetic book of the
//! same size is used. Run: `cargo bench --bench reader`.

use divan::{Bencher, black_box};
use folio::tui::flow::{Flow, Wrapped};
use folio::tui::{Action, App, load, theme::Theme, ui, update};
use ratatui::{Terminal, backend::TestBackend};
use std::sync::OnceLock;

#[path = "book/mod.rs"]
mod book;

use book::book;

fn main() {
    divan::main();
}

const W: u16 = 120;
const H: u16 = 40;

fn whole() -> &'static folio::Document {
    static DOC: OnceLock<folio::Document> = OnceLock::new();
    DOC.get_or_init(|| folio::read(book()).expect("the book reads"))
}

fn reader() -> App {
    App::new(whole().clone(), "book.txt", W, H, Theme::new(true))
}

fn frame(term: &mut Terminal<TestBackend>, app: &App) {
    let _ = term.draw(|f| ui::draw(f, app));
}

/// Every passage of the book wrapped at 100 cells: what a resize to a new width costs.
#[divan::bench]
fn wrap_the_whole_book(b: Bencher) {
    let doc = whole();
    let flow = Flow::new(doc);
    b.bench(|| Wrapped::new(doc, &flow, black_box(100)));
}

/// From the input bytes to the first frame: the structure of the first 64 KiB, the reader's
/// state, one frame.
#[divan::bench]
fn first_frame(b: Bencher) {
    let mut term = Terminal::new(TestBackend::new(W, H)).expect("terminal");
    b.with_inputs(|| book().to_vec()).bench_local_values(|input| {
        let (doc, _rest) = load::start(input, folio::Format::Text).expect("the book reads");
        let app = App::new(doc, "book.txt", W, H, Theme::new(true));
        frame(&mut term, &app);
    });
}

/// One key and the frame after it, on the whole book.
#[divan::bench(args = ["]", "[", "page down", "G", "g", "j"])]
fn key_and_frame(b: Bencher, key: &str) {
    let action = match key {
        "]" => Action::NextSection,
        "[" => Action::PrevSection,
        "page down" => Action::PageDown,
        "G" => Action::Bottom,
        "g" => Action::Top,
        _ => Action::LineDown,
    };
    let mut app = reader();
    // From the middle of the book, so every key moves.
    for _ in 0..150 {
        update(&mut app, Action::NextSection);
    }
    let mut term = Terminal::new(TestBackend::new(W, H)).expect("terminal");
    b.bench_local(|| {
        update(&mut app, action.clone());
        frame(&mut term, &app);
    });
}

/// A resize to a width not seen before, keeping the position, and the frame after it.
#[divan::bench(sample_count = 30)]
fn resize_and_frame(b: Bencher) {
    let mut app = reader();
    for _ in 0..150 {
        update(&mut app, Action::NextSection);
    }
    // More widths than the reader keeps wrapped, so each one is new.
    let mut widths = [100u16, 104, 108, 112, 116, 120, 124].into_iter().cycle();
    b.bench_local(|| {
        let w = widths.next().unwrap_or(W);
        update(&mut app, Action::Resize(w, H));
        let mut term = Terminal::new(TestBackend::new(w, H)).expect("terminal");
        frame(&mut term, &app);
    });
}

/// Swapping the whole book in for its first part, once it has been read and laid out.
#[divan::bench(sample_count = 30)]
fn swap_in_the_whole(b: Bencher) {
    let (first, _) = load::start(book().to_vec(), folio::Format::Text).expect("the book reads");
    let width = App::new(first.clone(), "book.txt", W, H, Theme::new(true)).layout.text_column().width;
    b.with_inputs(|| {
        let app = App::new(first.clone(), "book.txt", W, H, Theme::new(true));
        (app, load::prepare(whole().clone(), width))
    })
    .bench_local_values(|(mut app, prepared)| {
        app.replace_document(prepared);
        app
    });
}
