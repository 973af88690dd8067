//! Wrapping and the reader's layout at random sizes: no panic, no line wider than the width
//! (a grapheme wider than the whole width stands alone, but for zero-width ones), every byte of the text on
//! exactly one line or in the spaces between two, and a whole frame drawn at any size.
#![no_main]

use folio::tui::wrap::{str_cells, wrap};
use libfuzzer_sys::fuzz_target;
use unicode_segmentation::UnicodeSegmentation;

fuzz_target!(|data: &[u8]| {
    let [w, h, rest @ ..] = data else { return };
    let width = (*w as usize % 160) + 1;
    let text = String::from_utf8_lossy(rest);
    let lines = wrap(&text, width);
    let mut at = 0;
    for r in &lines {
        assert!(r.start >= at && r.start <= r.end && r.end <= text.len(), "{r:?} after {at}");
        assert!(text[at..r.start].chars().all(|c| c == ' ' || c == '\t'), "only spaces between lines");
        let line = &text[r.clone()];
        let cells = str_cells(line, 0);
        let visible = line.graphemes(true).filter(|g| str_cells(g, 0) > 0).count();
        assert!(cells <= width || visible == 1, "{cells} cells in {width}: {line:?}");
        at = r.end;
    }
    assert!(text[at..].chars().all(|c| c == ' ' || c == '\t'), "nothing after the last line");

    // The whole reader on the same bytes, at a random size, drawn once after a few keys.
    let Ok(doc) = folio::structure(rest) else { return };
    let (cols, rows) = (*w as u16 % 200, *h as u16 % 70);
    let mut app = folio::tui::App::new(doc, "fuzz", cols, rows, folio::tui::theme::Theme { color: false });
    for a in [folio::tui::Action::Bottom, folio::tui::Action::PrevSection, folio::tui::Action::PageUp] {
        folio::tui::update(&mut app, a);
    }
    let backend = ratatui::backend::TestBackend::new(cols, rows);
    let Ok(mut term) = ratatui::Terminal::new(backend);
    let _ = term.draw(|f| folio::tui::ui::draw(f, &app));
});
