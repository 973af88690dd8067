//! The sidebar: People, Places and Events with counts, entities by salience.

use super::sections::pad;
use crate::document::EntityKind;
use crate::tui::app::{App, Pane};
use crate::tui::layout::Layout;
use crate::tui::marks::Row;
use crate::tui::wrap::wrap;
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

/// Lines an entity's name may take.
const MAX_LINES: usize = 2;

/// The sidebar's inside, wherever it is drawn, and the text width within its margins.
fn inner(app: &App) -> Option<(Rect, usize)> {
    let inner = app.sidebar_rect().map(Layout::inner)?;
    Some((inner, (inner.width as usize).saturating_sub(2)))
}

/// An entity's name in lines of at most `room` cells (two at most, the last cut).
fn name_lines(name: &str, room: usize) -> Vec<String> {
    let name = super::label(name, MAX_LINES * room.max(1));
    let ranges = wrap(name, room.max(1));
    let mut lines: Vec<String> = ranges.iter().take(MAX_LINES).map(|r| name[r.clone()].to_string()).collect();
    if let (Some(last), Some(r)) = (lines.last_mut(), ranges.get(MAX_LINES - 1))
        && ranges.len() > MAX_LINES
    {
        *last = super::fit(&name[r.start..], room);
    }
    lines
}

/// The text lines of row `i` at `width` cells: the name's lines and the mention count.
fn entity_lines(app: &App, e: usize, width: usize) -> (Vec<String>, String) {
    let Some(entity) = app.doc.entities.get(e) else { return (vec![String::new()], String::new()) };
    let count = entity.mentions.len().to_string();
    // Two cells of indent, a space before the count, and two more for continuation lines.
    let room = width.saturating_sub(count.len() + 3 + 2);
    (name_lines(&entity.name, room), count)
}

/// How many screen lines row `i` takes.
fn row_height(app: &App, i: usize, width: usize) -> usize {
    match app.rows.get(i) {
        Some(&Row::Entity(e)) => entity_lines(app, e, width).0.len().max(1),
        _ => 1,
    }
}

/// How many rows, from `offset` on, fit whole in the sidebar.
pub fn fitting(app: &App, offset: usize) -> usize {
    let Some((inner, width)) = inner(app) else { return 1 };
    let mut used = 0;
    let mut n = 0;
    for i in offset..app.rows.len() {
        used += row_height(app, i, width);
        if used > inner.height as usize {
            break;
        }
        n += 1;
    }
    n.max(1)
}

/// The row drawn on screen line `line` of the sidebar (0 = first line inside).
pub fn row_at(app: &App, line: usize) -> Option<usize> {
    let (_, width) = inner(app)?;
    app.side.row_at(line, app.rows.len(), |i| row_height(app, i, width))
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
    let mut y = 0;
    for (i, row) in app.rows.iter().enumerate().skip(app.side.offset) {
        let lines = match *row {
            Row::Group(kind, n) => vec![super::row(
                vec![Span::styled(group_name(kind).to_string(), t.group())],
                Some(Span::styled(n.to_string(), t.group())),
                width,
            )],
            Row::Empty => {
                // Entities of a big input are extracted with the rest of it, in the background.
                let note = if app.partial.is_some() { "  still reading…" } else { "  none found" };
                vec![super::row(vec![Span::styled(note.to_string(), t.dim())], None, width)]
            }
            Row::Entity(e) => {
                let mut style = if selected == Some(e) { t.selected() } else { t.text() };
                let cursor = focused && i == app.side.cursor;
                if cursor {
                    style = style.patch(t.cursor(true));
                }
                let (names, count) = entity_lines(app, e, width);
                let count = Span::styled(count, if cursor { style } else { t.dim() });
                names
                    .into_iter()
                    .enumerate()
                    .map(|(k, name)| {
                        let text =
                            Span::styled(format!("{}{name}", if k == 0 { "  " } else { "    " }), style);
                        let line = super::row(vec![text], (k == 0).then(|| count.clone()), width);
                        if cursor { pad(line, width, style).style(style) } else { line }
                    })
                    .collect()
            }
        };
        for mut line in lines {
            if y >= inner.height {
                return;
            }
            line.spans.insert(0, Span::styled(" ", line.style));
            line.spans.push(Span::styled(" ", line.style));
            frame.buffer_mut().set_line(inner.x, inner.y + y, &line, inner.width);
            y += 1;
        }
    }
}
