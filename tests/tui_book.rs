//! A book in the reader: nested books and chapters, `]`/`[` by chapter, folding, the end,
//! and keys on a book-sized text landing where they should. (How fast they are is measured
//! by `benches/reader.rs` and `scripts/bench_reader.py`, never asserted here.)

mod tui_support;

use folio::tui::app::Pane;
use folio::tui::flow::Item;
use folio::tui::{Action, App, update};
use tui_support::*;

fn fixture() -> Vec<u8> {
    std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/text/gutenberg_book.txt"))
        .expect("fixture")
}

/// The Gutenberg fixture, its chapters repeated until it is a long book, through the real
/// pipeline.
fn long_book() -> Vec<u8> {
    // The fixture has CRLF line ends, as Gutenberg's files do.
    let text = String::from_utf8(fixture()).expect("utf-8").replace("\r\n", "\n");
    let start = text.find("BOOK ONE: SPRING\n\nCHAPTER I\n\nThe wind").expect("the first book");
    let end = text.find("End of the Project Gutenberg").expect("the trailer");
    let mut chapter = String::new();
    for _ in 0..30 {
        chapter.push_str("The wind came over the hill and the people of the valley watched it go by.\n\n");
    }
    let mut body = String::new();
    for book in ["ONE: SPRING", "TWO: SUMMER", "THREE: AUTUMN", "FOUR: WINTER"] {
        body.push_str(&format!("BOOK {book}\n\n"));
        for n in ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"] {
            body.push_str(&format!("CHAPTER {n}\n\n{chapter}"));
        }
    }
    body.push_str("And that was the very end of the book.\n\n");
    format!("{}{body}{}", &text[..start], &text[end..]).into_bytes()
}

fn reader(input: &[u8], w: u16, h: u16) -> App {
    let doc = folio::read(input).expect("the book reads");
    app(doc, w, h)
}

fn heading_at_top(app: &App) -> Option<String> {
    let l = app.wrapped.lines.get(app.top)?;
    match app.flow.items.get(l.item as usize)? {
        Item::Heading(s) => app.doc.sections[*s].heading.as_ref().map(|h| h.text.clone()),
        _ => None,
    }
}

#[test]
fn the_book_opens_on_its_title_and_the_first_bracket_reaches_chapter_one() {
    let mut app = reader(&fixture(), 120, 40);
    assert_eq!(app.top, 0);
    assert!(screen(&app).lines().nth(1).is_some_and(|l| l.contains("The Quiet Valley")), "{}", screen(&app));
    update(&mut app, Action::NextSection);
    assert_eq!(heading_at_top(&app).as_deref(), Some("CHAPTER I"));
    assert_eq!(app.doc.sections[app.current_section()].level, 2);
    update(&mut app, Action::NextSection);
    assert_eq!(heading_at_top(&app).as_deref(), Some("CHAPTER II"));
    update(&mut app, Action::NextSection);
    assert_eq!(heading_at_top(&app).as_deref(), Some("CHAPTER I"), "the first chapter of book two");
    assert!(
        app.doc.sections[..app.current_section()]
            .iter()
            .any(|s| s.heading.as_ref().is_some_and(|h| h.text == "BOOK TWO: AUTUMN"))
    );
    update(&mut app, Action::PrevSection);
    assert_eq!(heading_at_top(&app).as_deref(), Some("CHAPTER II"), "[ passes the book heading too");
}

#[test]
fn the_section_list_shows_the_nesting_and_folds_it() {
    let mut app = reader(&fixture(), 140, 40);
    let shown = screen(&app);
    assert!(shown.contains("│  BOOK ONE: SPRING") && shown.contains("│    CHAPTER II"), "{shown}");
    // Fold the book the cursor is in (from the reading pane, the cursor follows the text).
    send(&mut app, [Action::NextSection, Action::Fold]);
    let shown = screen(&app);
    assert!(shown.contains("BOOK ONE: SPRING (+2)") && !shown.contains("│    CHAPTER II"), "{shown}");
    assert_eq!(app.toc.selected(), 1, "the cursor rests on the folded book");
    assert!(shown.contains("▸ BOOK ONE"), "the folded book is marked as being read: {shown}");
    // Enter on the folded book goes to it; z again unfolds.
    send(&mut app, [Action::FocusPrev, Action::Fold]);
    assert_eq!(app.focus, Pane::Sections);
    assert!(screen(&app).contains("│    CHAPTER II"));
    send(&mut app, [Action::FoldAll]);
    assert_eq!(app.toc.rows, vec![0, 1, 4], "every book folded");
    send(&mut app, [Action::LineDown, Action::LineDown, Action::Open]);
    assert_eq!(heading_at_top(&app).as_deref(), Some("BOOK TWO: AUTUMN"), "Enter opens a folded book");
    send(&mut app, [Action::FoldAll]);
    assert_eq!(app.toc.rows.len(), app.doc.sections.len(), "and unfolded");
    send(&mut app, [Action::Top, Action::Fold]);
    assert!(app.message.as_deref().is_some_and(|m| m.contains("nothing to fold")));
}

#[test]
fn the_help_lists_the_fold_keys() {
    let mut app = reader(&fixture(), 120, 60);
    update(&mut app, Action::Help);
    let shown = screen(&app);
    assert!(
        shown.contains("fold or unfold a book") && shown.contains("fold or unfold every book"),
        "{shown}"
    );
}

#[test]
fn keys_on_a_long_book_land_where_they_should() {
    let input = long_book();
    let mut app = reader(&input, 140, 40);
    let chapters = app.doc.sections.iter().filter(|s| s.level == 2).count();
    assert_eq!(chapters, 40);
    // ] visits every chapter, in order, and no book heading.
    let mut seen = 0;
    loop {
        let top = app.top;
        update(&mut app, Action::NextSection);
        if app.top == top {
            break;
        }
        seen += 1;
        assert!(heading_at_top(&app).is_some_and(|h| h.starts_with("CHAPTER")), "{:?}", heading_at_top(&app));
        assert_eq!(app.toc.list.cursor, app.toc.row_of(app.current_section()));
    }
    assert_eq!(seen, chapters);
    update(&mut app, Action::Bottom);
    assert!(screen(&app).contains("And that was the very end of the book."));
    assert_eq!(app.percent(), 100);
    assert!(!screen(&app).contains("Project Gutenberg"), "the licence trailer is not shown");
    for _ in 0..chapters {
        update(&mut app, Action::PrevSection);
    }
    assert_eq!(heading_at_top(&app).as_deref(), Some("CHAPTER I"));
    update(&mut app, Action::PrevSection);
    assert_eq!(app.top, 0, "[ before the first chapter goes to the title");
    for a in [Action::PageDown, Action::HalfDown, Action::LineDown, Action::Resize(60, 20), Action::PageUp] {
        update(&mut app, a);
        assert!(app.top <= app.max_top());
    }
}

#[test]
fn g_while_only_the_start_is_read_shows_the_end_of_the_whole_once_it_arrives() {
    let input = long_book();
    let cut = folio::prefix(&input, 4096).len();
    assert!(cut < input.len());
    let first = folio::structure(&input[..cut]).expect("the start reads");
    let whole = folio::read(&input).expect("the book reads");
    for (keys, at_end) in [(vec![Action::Bottom], true), (vec![Action::Bottom, Action::LineUp], false)] {
        let mut app = app(first.clone(), 100, 30);
        app.loading.partial = Some(cut);
        send(&mut app, keys);
        let width = app.layout.text_column().width;
        app.replace_document(folio::tui::load::prepare(whole.clone(), width));
        assert_eq!(screen(&app).contains("And that was the very end of the book."), at_end);
        assert_eq!(app.top == app.max_top(), at_end);
    }
}

/// `G` then `Z` on a long book: the folded books fill the list (it once showed only the
/// last one over blank rows).
#[test]
fn every_book_folded_from_the_end() {
    let input = long_book();
    let mut app = reader(&input, 100, 20);
    send(&mut app, [Action::Bottom, Action::FoldAll]);
    let list: String = screen(&app).lines().map(|l| l.chars().take(24).collect::<String>() + "\n").collect();
    insta::assert_snapshot!(list);
}

/// The status line names where the reader is as far as its width allows: the whole path,
/// the innermost heading, the number alone.
#[test]
fn the_status_line_names_the_section_at_every_width() {
    let input = long_book();
    let mut lines = String::new();
    for w in [140, 100, 80, 60, 40, 24] {
        let mut app = reader(&input, w, 20);
        send(&mut app, [Action::Digit(1), Action::Digit(3), Action::NextSection]);
        let status = screen(&app).lines().last().unwrap_or("").to_string();
        lines.push_str(&format!("{w:>3} |{status}\n"));
    }
    insta::assert_snapshot!(lines);
}
