//! Drawing: every function takes `(frame, area, &App)` and only reads.
//!
//! ```text
//! ┌ Sections ───┐┌ article.txt ─────────────────────────┐┌ Entities ─────┐
//! │▸ Opening    ││   Home › World › Politics            ││ PEOPLE 3      │
//! │  Context    ││   The Headline Of The Article        ││   Jane Doe  4 │
//! │  Key Players││                                      ││ PLACES 2      │
//! │             ││   Paragraph text, wrapped by folio   ││   Miami     3 │
//! │             ││   at most 100 columns, centred.      ││ EVENTS 1      │
//! └─────────────┘└──────────────────────────────────────┘└───────────────┘
//!  The Headline Of The Article          /Odesa 1/1   § 2/5   37%
//! ```
//!
//! Below 100 columns the sidebar goes, below 70 the section list (`s`/`t` bring them back
//! as overlays); below 20×5 a single line says the terminal is too small.

pub mod details;
pub mod help;
pub mod inline;
pub mod reading;
pub mod sections;
pub mod sidebar;
pub mod status;

use super::app::{App, Overlay};
use super::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::symbols::border;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Words shown when nothing else fits.
pub const TOO_SMALL: &str = "terminal too small";

/// Draws the whole screen.
pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    if area.union(app.layout.area) != area {
        // The terminal shrank after the last resize event; the next one redraws.
        return;
    }
    if app.layout.too_small {
        return too_small(frame, area);
    }
    if let Some(r) = app.layout.sections {
        sections::render(frame, r, app);
    }
    reading::render(frame, app.layout.reading, app);
    if let Some(r) = app.layout.sidebar {
        sidebar::render(frame, r, app);
    }
    status::render(frame, app.layout.status, app);
    match &app.overlay {
        Overlay::Sections => {
            let r = app.layout.side_overlay(true);
            clear(frame, r);
            sections::render(frame, r, app);
        }
        Overlay::Sidebar => {
            let r = app.layout.side_overlay(false);
            clear(frame, r);
            sidebar::render(frame, r, app);
        }
        Overlay::Help(scroll) => help::render(frame, help::area(&app.layout, &app.keymap), app, *scroll),
        Overlay::Entity(d) => details::render(frame, details::area(&app.layout, d), app, d),
        Overlay::Links(l) => crate::tui::links::render(
            frame,
            crate::tui::links::area(&app.layout, app.flow.links.len()),
            app,
            l,
        ),
        Overlay::None | Overlay::Prompt(_) => {}
    }
}

/// Clears a box for an overlay. A wide character cut by its left edge is blanked too: its
/// second half lies under the box, and a terminal would otherwise keep showing it.
pub fn clear(frame: &mut Frame, r: Rect) {
    frame.render_widget(Clear, r);
    if r.x > 0 {
        let buf = frame.buffer_mut();
        for y in r.top()..r.bottom() {
            if let Some(cell) = buf.cell_mut((r.x - 1, y))
                && cell.symbol().width() > 1
            {
                cell.set_symbol(" ");
            }
        }
    }
}

fn too_small(frame: &mut Frame, area: Rect) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let text = fit(TOO_SMALL, area.width as usize);
    let x = area.x + (area.width - text.width() as u16) / 2;
    frame.buffer_mut().set_string(x, area.y + area.height / 2, text, Style::default());
}

/// A pane's frame: rounded, bold and coloured when focused, with a title.
pub fn pane(title: &str, focused: bool, theme: Theme) -> Block<'static> {
    Block::default()
        .borders(Borders::ALL)
        .border_set(border::ROUNDED)
        .border_style(theme.border(focused))
        .title(Line::from(Span::styled(format!(" {title} "), theme.pane_title(focused))))
}

/// `s` cut to `width` cells, with an ellipsis when cut.
///
/// The cost depends on `width`, not on `s`: a heading or title of megabytes (hostile input)
/// is measured only as far as it can show.
pub fn fit(s: &str, width: usize) -> String {
    let head = label(s, width);
    if head.len() == s.len() && s.width() <= width {
        return s.to_string();
    }
    let s = head;
    let mut out = String::new();
    let mut w = 0;
    for g in s.graphemes(true) {
        let gw = g.width();
        if w + gw + 1 > width {
            break;
        }
        out.push_str(g);
        w += gw;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// The start of `s` that can matter on `lines` lines of `width` cells: at most
/// [`LABEL_BYTES_PER_CELL`] bytes a cell (a cell's grapheme plus its combining marks, which
/// ingest caps), cut on a character boundary. Labels (headings, titles, names) are cut to
/// it before they are wrapped or measured, so drawing them costs the screen, not the text.
pub fn label(s: &str, cells: usize) -> &str {
    let mut end = s.len().min(cells.saturating_add(2).saturating_mul(LABEL_BYTES_PER_CELL));
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// Bytes a cell of a label may take: a 4-byte character and 16 combining marks of up to 4.
pub const LABEL_BYTES_PER_CELL: usize = 4 + 16 * 4;

/// `s` cut from the left to `width` cells, with an ellipsis when cut.
pub fn fit_left(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    let mut kept: Vec<&str> = Vec::new();
    let mut w = 0;
    for g in s.graphemes(true).rev() {
        let gw = g.width();
        if w + gw + 1 > width {
            break;
        }
        kept.push(g);
        w += gw;
    }
    let mut out = String::from(if width > 0 { "…" } else { "" });
    out.extend(kept.into_iter().rev());
    out
}

/// A row of a list: left text and a right-aligned note, fitted to `width` cells.
pub fn row(left: Vec<Span<'static>>, right: Option<Span<'static>>, width: usize) -> Line<'static> {
    let right_w = right.as_ref().map_or(0, |r| r.content.width() + 1);
    let room = width.saturating_sub(right_w);
    let mut spans = Vec::new();
    let mut used = 0;
    for s in left {
        let t = fit(&s.content, room.saturating_sub(used));
        used += t.width();
        spans.push(Span::styled(t, s.style));
        if used >= room {
            break;
        }
    }
    if let Some(r) = right {
        spans.push(Span::raw(" ".repeat(width.saturating_sub(used + r.content.width()))));
        spans.push(r);
    }
    Line::from(spans)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fitting_never_exceeds_the_width() {
        for w in 0..12 {
            assert!(fit("日本語のテキスト and more", w).width() <= w.max(1));
            assert!(fit_left("日本語のテキスト and more", w).width() <= w.max(1));
        }
        assert_eq!(fit("abc", 3), "abc");
        assert_eq!(fit("abcdef", 4), "abc…");
        assert_eq!(fit_left("abcdef", 4), "…def");
    }

    #[test]
    fn huge_labels_are_cut_before_they_are_measured() {
        let huge = "é".repeat(1_000_000);
        assert_eq!(fit(&huge, 10), format!("{}…", "é".repeat(9)));
        assert!(label(&huge, 10).len() <= 12 * LABEL_BYTES_PER_CELL);
        assert_eq!(label("short", 10), "short");
        assert_eq!(label("日本語", 0), "日本語");
    }
}
