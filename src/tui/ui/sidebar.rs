//! The sidebar: People, Places, Organisations and Events with counts, entities by salience. Its rows,
//! filter and scope are [`crate::tui::side::Sidebar`]'s.

use super::sections::pad;
use crate::document::EntityKind;
use crate::tui::app::{App, Pane};
use crate::tui::layout::Layout;
use crate::tui::side::{Row, Scope};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Span;

/// The group header of a kind.
pub fn group_name(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "People",
        EntityKind::Place => "Places",
        EntityKind::Organization => "Organisations",
        EntityKind::Event => "Events",
    }
}

/// Draws the sidebar in `area`.
pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    let focused = app.focus == Pane::Sidebar;
    let t = app.theme;
    let side = &app.side;
    let mut title = String::from("Entities");
    if let Scope::Section(_) = side.scope {
        title.push_str(" · this section");
    }
    if !side.filter.is_empty() {
        title.push_str(&format!(" · “{}”", side.filter));
    }
    frame.render_widget(
        super::pane(&super::fit(&title, (area.width as usize).saturating_sub(4)), focused, t),
        area,
    );
    let inner = Layout::inner(area);
    // One cell of margin on each side, but the cursor bar spans the whole row.
    let width = (inner.width as usize).saturating_sub(2);
    let selected = app.selected_entity();
    let mut y = 0;
    for (i, row) in side.rows.iter().enumerate().skip(side.list.offset) {
        let lines = match *row {
            Row::Group(kind, n) => vec![super::row(
                vec![Span::styled(group_name(kind).to_string(), t.group())],
                Some(Span::styled(n.to_string(), t.group())),
                width,
            )],
            Row::Empty => {
                // Entities of a big input are extracted with the rest of it, in the background.
                let note = if app.loading.partial.is_some() || app.loading.entities {
                    "  still reading…"
                } else if !side.filter.is_empty() || side.scope != Scope::All {
                    "  none here"
                } else {
                    "  none found"
                };
                vec![super::row(vec![Span::styled(note.to_string(), t.dim())], None, width)]
            }
            Row::Entity(e) => {
                let mut style = if selected == Some(e) { t.selected() } else { t.text() };
                let cursor = focused && i == side.list.cursor;
                if cursor {
                    style = style.patch(t.cursor(true));
                }
                let (names, count) = side.entity_lines(&app.doc, e);
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
