//! The status line: title, search prompt or message, counter, section i/n, percent read.

use crate::tui::app::{App, Mouse, Overlay};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

/// Draws the status line in `area`.
pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    let t = app.theme;
    let width = area.width as usize;
    let buf = frame.buffer_mut();
    buf.set_style(area, t.status());
    if let Overlay::Search(input) = &app.overlay {
        let shown = super::fit_left(&format!("/{input}"), width.saturating_sub(1));
        buf.set_string(area.x, area.y, &shown, t.status_strong());
        let x = area.x + (shown.width() as u16).min(area.width.saturating_sub(1));
        frame.set_cursor_position(Position::new(x, area.y));
        return;
    }
    let mut right = Vec::new();
    if let Some(c) = app.counter() {
        right.push(Span::styled(c, t.status_strong()));
        right.push(Span::styled("  ", t.status()));
    }
    if app.mouse == Mouse::Released {
        right.push(Span::styled("mouse off  ", t.status()));
    }
    if app.partial.is_some() {
        right.push(Span::styled("loading…  ", t.status()));
    }
    let n = app.doc.sections.len();
    if n > 0 {
        right.push(Span::styled(format!("§ {}/{n}  ", app.current_section() + 1), t.status()));
    }
    right.push(Span::styled(format!("{:>3}% ", app.percent()), t.status()));
    let mut right_w: usize = right.iter().map(|s| s.content.width()).sum();
    if right_w + 8 > width {
        // Narrow: keep the counter and the percentage only.
        right.retain(|s| {
            !s.content.starts_with('§')
                && !s.content.starts_with("mouse")
                && !s.content.starts_with("loading")
        });
        right_w = right.iter().map(|s| s.content.width()).sum();
    }
    let (left, style) = match &app.message {
        Some(m) => (m.as_str(), t.status_strong()),
        None => (app.doc.title.as_ref().map_or(app.name.as_str(), |p| p.text.as_str()), t.status()),
    };
    let room = width.saturating_sub(right_w + 2);
    let left = super::fit(left, room);
    let gap = width.saturating_sub(left.width() + 1 + right_w);
    let mut spans = vec![
        Span::styled(" ", t.status()),
        Span::styled(left, style),
        Span::styled(" ".repeat(gap), t.status()),
    ];
    spans.extend(right);
    buf.set_line(area.x, area.y, &Line::from(spans), area.width);
}
