//! The reading pane: only the visible lines are built, each from its item's text slice.

use crate::tui::app::{App, Overlay, Pane};
use crate::tui::flow::Item;
use crate::tui::layout::Layout;
use crate::tui::marks::Source;
use crate::tui::wrap::{expand_tabs, str_cells};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Scrollbar, ScrollbarOrientation, ScrollbarState};

/// Draws the reading pane in `area`.
pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    let focused = app.focus == Pane::Reading && !matches!(app.overlay, Overlay::Sections | Overlay::Sidebar);
    frame.render_widget(super::pane(&app.name, focused, app.theme), area);
    let total = app.wrapped.lines.len();
    let visible = app.view_height();
    if total > visible && area.height > 2 {
        // Where the view lies in the text, drawn over the pane's right border.
        let mut state = ScrollbarState::new(total.saturating_sub(visible))
            .position(app.top)
            .viewport_content_length(visible);
        let bar = Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(None)
            .end_symbol(None)
            .track_symbol(None)
            .thumb_symbol("┃")
            .thumb_style(app.theme.border(focused));
        let track = Rect { y: area.y + 1, height: area.height - 2, ..area };
        frame.render_stateful_widget(bar, track, &mut state);
    }
    let column = app.layout.text_column();
    let column = column.intersection(Layout::inner(area));
    if column.is_empty() {
        return;
    }
    let end = (app.top + column.height as usize).min(app.wrapped.lines.len());
    for (row, line) in app.wrapped.lines.get(app.top..end).unwrap_or(&[]).iter().enumerate() {
        if line.is_blank() {
            continue;
        }
        let built = build(app, line.item as usize, line.start as usize, line.end as usize);
        frame.buffer_mut().set_line(column.x, column.y + row as u16, &built, column.width);
    }
}

fn base_style(app: &App, item: usize) -> Style {
    let t = app.theme;
    match app.flow.items.get(item) {
        Some(Item::Crumbs) | Some(Item::Credit(_)) => t.dim(),
        Some(Item::Title) => t.title(),
        Some(Item::Caption(_)) => t.caption(),
        Some(Item::Heading(_)) => t.heading(),
        Some(Item::Para(..)) | None => t.text(),
    }
}

/// One line of text, cut into spans where highlights begin and end.
fn build(app: &App, item: usize, start: usize, end: usize) -> Line<'static> {
    let text = app.flow.text(&app.doc, item);
    let Some(slice) = text.get(start..end) else {
        return Line::default();
    };
    let base = base_style(app, item);
    // Boundaries inside the line, each with the style that starts there.
    let mut cuts: Vec<(usize, Style)> = vec![(start, base)];
    if let Some(m) = &app.marks {
        let mark = match m.source {
            Source::Search(_) => app.theme.matched(),
            Source::Entity(_) => app.theme.mention(),
        };
        for i in m.on_line(item, start, end) {
            let h = m.hits[i];
            let style =
                if i == m.current { base.patch(mark).patch(app.theme.current()) } else { base.patch(mark) };
            let (s, e) = (h.start.max(start), h.end.min(end));
            if s < e && text.is_char_boundary(s) && text.is_char_boundary(e) {
                cuts.retain(|&(at, _)| at < s);
                cuts.push((s, style));
                cuts.push((e, base));
            }
        }
    }
    let mut spans = Vec::with_capacity(cuts.len());
    let mut col = 0;
    for (i, &(at, style)) in cuts.iter().enumerate() {
        let to = cuts.get(i + 1).map_or(end, |c| c.0);
        if at >= to {
            continue;
        }
        let piece = &slice[at - start..to - start];
        spans.push(Span::styled(expand_tabs(piece, col).into_owned(), style));
        col += str_cells(piece, col);
    }
    Line::from(spans)
}
