//! The mouse: the wheel scrolls the pane under the pointer, a click opens what it lands on.

use super::lists::open;
use super::moves::{Move, movement};
use crate::tui::app::{App, Overlay, Pane};
use crate::tui::layout::Layout;
use crate::tui::side::Row;

/// The pane under a point, with the row inside its list.
fn pane_at(app: &App, col: u16, row: u16) -> Option<(Pane, usize)> {
    let inside = |r: Option<ratatui::layout::Rect>| {
        r.map(Layout::inner).filter(|i| Layout::hit(*i, col, row)).map(|i| (row - i.y) as usize)
    };
    // Overlays lie on top, so they are asked first.
    if let Some(r) = inside(app.sections_rect().filter(|_| app.overlay == Overlay::Sections)) {
        return Some((Pane::Sections, r));
    }
    if let Some(r) = inside(app.sidebar_rect().filter(|_| app.overlay == Overlay::Sidebar)) {
        return Some((Pane::Sidebar, r));
    }
    if let Some(r) = inside(app.layout.sections) {
        return Some((Pane::Sections, r));
    }
    if let Some(r) = inside(app.layout.sidebar) {
        return Some((Pane::Sidebar, r));
    }
    Layout::hit(app.layout.reading, col, row).then_some((Pane::Reading, 0))
}

pub fn wheel(app: &mut App, col: u16, row: u16, lines: i16) {
    if matches!(app.overlay, Overlay::Help(_) | Overlay::Entity(_)) {
        let mv = Move::Lines(lines as isize);
        return movement(app, mv);
    }
    match pane_at(app, col, row) {
        Some((Pane::Sections, _)) => app.toc.scroll(lines as isize),
        Some((Pane::Sidebar, _)) => app.side.scroll(lines as isize),
        Some((Pane::Reading, _)) => app.scroll_to(app.top.saturating_add_signed(lines as isize)),
        None => {}
    }
}

pub fn click(app: &mut App, col: u16, row: u16) {
    if let Overlay::Entity(d) = &mut app.overlay {
        // Mention rows start below the entity's header block, see ui::details.
        let area = crate::tui::ui::details::area(&app.layout, d);
        let first = area.y as usize + crate::tui::ui::details::HEADER_ROWS;
        if (row as usize) >= first && Layout::hit(area, col, row) {
            let i = d.list.offset + row as usize - first;
            if i < d.hits.len() {
                d.list.cursor = i;
                return open(app);
            }
        }
        return;
    }
    if matches!(app.overlay, Overlay::Help(_)) {
        app.overlay = Overlay::None;
        return;
    }
    match pane_at(app, col, row) {
        Some((Pane::Sections, r)) => {
            if let Some(i) = app.toc.row_at(&app.doc, r) {
                app.focus = Pane::Sections;
                app.toc.list.cursor = i;
                open(app);
            }
        }
        Some((Pane::Sidebar, r)) => {
            app.focus = Pane::Sidebar;
            if let Some(i) = app.side.row_at(&app.doc, r)
                && matches!(app.side.rows.get(i), Some(Row::Entity(_)))
            {
                app.side.click(i);
                open(app);
            }
        }
        Some((Pane::Reading, _)) => {
            if matches!(app.overlay, Overlay::Sections | Overlay::Sidebar) {
                app.overlay = Overlay::None;
            }
            app.focus = Pane::Reading;
        }
        None => {}
    }
}
