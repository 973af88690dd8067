//! The section list: every heading (wrapped to two lines at most), the one being read
//! marked, the cursor when focused.

use crate::tui::app::{App, Pane};
use crate::tui::layout::Layout;
use crate::tui::wrap::wrap;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

/// What the list calls a section without a heading (the text before the first heading).
pub const OPENING: &str = "Opening";

/// Lines one entry may take.
const MAX_LINES: usize = 2;

/// The lines of section `s`'s entry in a list `width` cells wide, indent included.
pub fn entry_lines(app: &App, s: usize, width: usize) -> Vec<String> {
    let Some(section) = app.doc.sections.get(s) else { return Vec::new() };
    // Two lines of the list at most: a huge heading is cut before it is wrapped.
    let heading = super::label(section.heading.as_ref().map_or(OPENING, |h| h.text.as_str()), 2 * width);
    let indent = 2 + 2 * section.level.saturating_sub(1).min(4) as usize;
    // A folded entry says how many it hides, or at least that it hides some.
    let label = if app.folded.get(s) == Some(&true) {
        let counted = format!("{heading} (+{})", app.children_end(s) - s - 1);
        if counted.width() + indent <= width { counted } else { format!("{heading} …") }
    } else {
        heading.to_string()
    };
    let label = label.as_str();
    // Continuation lines hang two cells further in, so entries stay apart.
    let room = width.saturating_sub(indent + 2).max(1);
    let ranges = wrap(label, room);
    let mut lines: Vec<String> =
        ranges.iter().take(MAX_LINES).map(|r| label[r.clone()].to_string()).collect();
    if let (Some(last), Some(r)) = (lines.last_mut(), ranges.get(MAX_LINES - 1))
        && ranges.len() > MAX_LINES
    {
        *last = super::fit(&label[r.start..], room);
    }
    let first = width.saturating_sub(indent).max(1);
    if ranges.len() > 1 && super::fit(label, first) == label {
        // It fits on one line after all, using the two cells kept for the hang.
        lines = vec![label.to_string()];
    }
    lines
        .into_iter()
        .enumerate()
        .map(|(k, l)| format!("{}{l}", " ".repeat(if k == 0 { indent } else { indent + 2 })))
        .collect()
}

/// The section list's inside, wherever it is drawn.
fn inner(app: &App) -> Option<Rect> {
    app.sections_rect().map(Layout::inner)
}

/// How many entries, from `offset` on, fit whole in the list.
pub fn fitting(app: &App, offset: usize) -> usize {
    let Some(inner) = inner(app) else { return 1 };
    let mut used = 0;
    let mut n = 0;
    for &s in app.toc_rows.get(offset..).unwrap_or(&[]) {
        used += entry_lines(app, s, inner.width as usize).len().max(1);
        if used > inner.height as usize {
            break;
        }
        n += 1;
    }
    n.max(1)
}

/// The list row (an index into [`App::toc_rows`]) whose entry is drawn on screen row `row`
/// of the list (0 = first row inside).
pub fn section_at(app: &App, row: usize) -> Option<usize> {
    let width = inner(app)?.width as usize;
    app.toc.row_at(row, app.toc_rows.len(), |r| entry_lines(app, app.toc_section(r), width).len().max(1))
}

/// Draws the section list in `area`.
pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    let focused = app.focus == Pane::Sections;
    let t = app.theme;
    frame.render_widget(super::pane("Sections", focused, t), area);
    let inner = Layout::inner(area);
    let width = inner.width as usize;
    let current = app.toc_row_of(app.current_section());
    let mut y = 0;
    for r in app.toc.offset..app.toc_rows.len() {
        let s = app.toc_section(r);
        let mut style = if r == current { t.current_section() } else { t.text() };
        if app.doc.sections[s].heading.is_none() {
            style = style.patch(t.dim());
        }
        let cursor = focused && r == app.toc.cursor;
        if cursor {
            style = style.patch(t.cursor(true));
        }
        for (k, text) in entry_lines(app, s, width).into_iter().enumerate() {
            if y >= inner.height {
                return;
            }
            let mut text = text;
            if k == 0 && r == current {
                text.replace_range(0..1, "▸");
            }
            let line = Line::from(Span::styled(text, style));
            let line = if cursor { pad(line, width, style) } else { line };
            frame.buffer_mut().set_line(inner.x, inner.y + y, &line, inner.width);
            y += 1;
        }
    }
}

/// Fills a row to the full width so a reversed cursor reads as a bar.
pub fn pad(mut line: Line<'static>, width: usize, style: Style) -> Line<'static> {
    let w = line.width();
    if w < width {
        line.spans.push(Span::styled(" ".repeat(width - w), style));
    }
    line
}
