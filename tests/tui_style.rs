//! What must stay visible without colour (NO_COLOR): focus, the current section, matches,
//! the current match and selected mentions are carried by bold, reverse and underline.

mod tui_support;

use folio::tui::Action;
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;
use tui_support::*;

/// The first cell of each row where `needle` is shown.
fn find(buf: &Buffer, needle: &str) -> Vec<(u16, u16)> {
    let mut out = Vec::new();
    for y in 0..buf.area.height {
        let row: String = (0..buf.area.width).map(|x| buf[(x, y)].symbol().to_string()).collect();
        if let Some(i) = row.find(needle) {
            let x = row[..i].chars().count() as u16;
            out.push((x, y));
        }
    }
    out
}

fn mods(buf: &Buffer, at: (u16, u16)) -> Modifier {
    buf[at].modifier
}

#[test]
fn matches_and_the_current_one_differ_without_colour() {
    let (_, doc) = essay();
    let mut app = app(doc, 140, 40);
    search(&mut app, "Varenne");
    let buf = draw(&app);
    let pane = app.layout.reading;
    let cells: Vec<_> = find(&buf, "Varenne")
        .into_iter()
        .filter(|&(x, y)| x > pane.x && x < pane.right() && y < pane.bottom())
        .collect();
    let with = |m: Modifier| cells.iter().filter(|&&c| mods(&buf, c).contains(m)).count();
    assert!(cells.len() >= 2, "{cells:?}");
    assert_eq!(with(Modifier::REVERSED), 1, "one current match");
    assert!(with(Modifier::UNDERLINED) >= 2, "every match is marked");
}

#[test]
fn focus_and_current_section_are_bold_or_reversed() {
    let (_, doc) = essay();
    let mut app = app(doc, 140, 40);
    send(&mut app, [Action::NextSection, Action::FocusPrev]);
    let buf = draw(&app);
    let title = find(&buf, " Sections ")[0];
    assert!(mods(&buf, title).contains(Modifier::REVERSED), "the focused pane's title");
    let reading = find(&buf, " essay.txt ")[0];
    assert!(!mods(&buf, reading).contains(Modifier::REVERSED));
    let current = find(&buf, "▸ The Ferry Years")[0];
    assert!(mods(&buf, current).contains(Modifier::BOLD));
}

#[test]
fn selected_mentions_are_underlined_and_bold() {
    let (_, doc) = essay();
    let mut app = app(doc, 140, 40);
    send(&mut app, [Action::FocusNext, Action::Open]);
    let buf = draw(&app);
    let reading = app.layout.reading;
    let shown: Vec<_> =
        find(&buf, "Marguerite").into_iter().filter(|&(x, _)| x > reading.x && x < reading.right()).collect();
    assert!(!shown.is_empty());
    for c in shown {
        assert!(mods(&buf, c).contains(Modifier::UNDERLINED | Modifier::BOLD), "{c:?}");
    }
}

#[test]
fn a_file_name_with_escapes_never_reaches_the_screen_raw() {
    let (_, doc) = essay();
    let app =
        folio::tui::App::new(doc, "evil\u{1b}[31m\u{202e}.txt", 80, 24, folio::tui::theme::Theme::new(true));
    let shown = screen(&app);
    assert!(!shown.contains('\u{1b}') && !shown.contains('\u{202e}'), "{shown}");
}
