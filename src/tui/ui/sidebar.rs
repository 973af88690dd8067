//! The sidebar: People, Places and Events with counts, entities by salience.

use super::sections::pad;
use crate::document::EntityKind;
use crate::tui::app::{App, Pane};
use crate::tui::layout::Layout;
use crate::tui::marks::Row;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Span;

/// The group header of a kind.
pub fn group_name(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "People",
        EntityKind::Place => "Places",
        EntityKind::Event => "Events",
    }
}

/// Draws the sidebar in `area`.
pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    let focused = app.focus == Pane::Sidebar;
    let t = app.theme;
    frame.render_widget(super::pane("Entities", focused, t), area);
    let inner = Layout::inner(area);
    // One cell of margin on each side, but the cursor bar spans the whole row.
    let width = (inner.width as usize).saturating_sub(2);
    let selected = app.selected_entity();
    let rows = app.rows.iter().enumerate().skip(app.side.offset).take(inner.height as usize);
    for (y, (i, row)) in rows.enumerate() {
        let line = match *row {
            Row::Group(kind, n) => super::row(
                vec![Span::styled(group_name(kind).to_string(), t.group())],
                Some(Span::styled(n.to_string(), t.group())),
                width,
            ),
            Row::Empty => super::row(vec![Span::styled("  none found".to_string(), t.dim())], None, width),
            Row::Entity(e) => {
                let Some(entity) = app.doc.entities.get(e) else { continue };
                let mut style = if selected == Some(e) { t.selected() } else { t.text() };
                let cursor = focused && i == app.side.cursor;
                if cursor {
                    style = style.patch(t.cursor(true));
                }
                let count =
                    Span::styled(entity.mentions.len().to_string(), if cursor { style } else { t.dim() });
                let line =
                    super::row(vec![Span::styled(format!("  {}", entity.name), style)], Some(count), width);
                if cursor { pad(line, width, style).style(style) } else { line }
            }
        };
        let mut line = line;
        line.spans.insert(0, Span::styled(" ", line.style));
        line.spans.push(Span::styled(" ", line.style));
        frame.buffer_mut().set_line(inner.x, inner.y + y as u16, &line, inner.width);
    }
}
