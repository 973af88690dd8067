//! The section list: every heading (wrapped to two lines at most), the one being read
//! marked, the cursor when focused. Its rows and folds are [`crate::tui::toc::Toc`]'s.

use crate::tui::app::{App, Pane};
use crate::tui::layout::Layout;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

pub use crate::tui::toc::OPENING;

/// Draws the section list in `area`.
pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    let focused = app.focus == Pane::Sections;
    let t = app.theme;
    frame.render_widget(super::pane("Sections", focused, t), area);
    let inner = Layout::inner(area);
    let width = inner.width as usize;
    let toc = &app.toc;
    let current = toc.row_of(app.current_section());
    let mut y = 0;
    for r in toc.list.offset..toc.rows.len() {
        let s = toc.section(r);
        let mut style = if r == current { t.current_section() } else { t.text() };
        if app.doc.sections[s].heading.is_none() {
            style = style.patch(t.dim());
        }
        let cursor = focused && r == toc.list.cursor;
        if cursor {
            style = style.patch(t.cursor(true));
        }
        for (k, text) in toc.entry_lines(&app.doc, s).into_iter().enumerate() {
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
