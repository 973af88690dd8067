//! The section list: every heading, the one being read marked, the cursor when focused.

use crate::tui::app::{App, Pane};
use crate::tui::layout::Layout;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Span;

/// What the list calls a section without a heading (the text before the first heading).
pub const OPENING: &str = "Opening";

/// Draws the section list in `area`.
pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    let focused = app.focus == Pane::Sections;
    let t = app.theme;
    frame.render_widget(super::pane("Sections", focused, t), area);
    let inner = Layout::inner(area);
    let current = app.current_section();
    let rows = app.doc.sections.iter().enumerate().skip(app.toc.offset).take(inner.height as usize);
    for (y, (i, section)) in rows.enumerate() {
        let label = section.heading.as_ref().map_or(OPENING, |h| h.text.as_str());
        let indent = "  ".repeat(section.level.saturating_sub(1).min(4) as usize);
        let (marker, mut style) = if i == current { ("▸ ", t.current_section()) } else { ("  ", t.text()) };
        if section.heading.is_none() {
            style = style.patch(t.dim());
        }
        if focused && i == app.toc.cursor {
            style = style.patch(t.cursor(true));
        }
        let width = inner.width as usize;
        let line = super::row(vec![Span::styled(format!("{marker}{indent}{label}"), style)], None, width);
        let line = if focused && i == app.toc.cursor { pad(line, width, style) } else { line };
        frame.buffer_mut().set_line(inner.x, inner.y + y as u16, &line, inner.width);
    }
}

/// Fills a row to the full width so a reversed cursor reads as a bar.
pub fn pad(
    mut line: ratatui::text::Line<'static>,
    width: usize,
    style: ratatui::style::Style,
) -> ratatui::text::Line<'static> {
    let w = line.width();
    if w < width {
        line.spans.push(Span::styled(" ".repeat(width - w), style));
    }
    line
}
