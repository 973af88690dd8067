//! The status line: title or message on the left; on the right, typed parts that give way
//! in order when the line is short: the mouse and loading notes first, then the section's
//! path shrinks to its innermost heading and then to "§ i/n".

use crate::tui::app::{App, MarkKey, Mouse, Overlay};
use crate::tui::toc;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

/// How much of the section's place the line names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Where {
    /// Nothing.
    Nothing,
    /// "§ 31/383".
    Number,
    /// "CHAPTER I  § 31/383".
    Inner,
    /// "BOOK TWO › CHAPTER I  § 31/383".
    Path,
}

/// One part of the right side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    /// A count or a mark key typed and not yet used ("5", "m").
    Pending(String),
    /// "/Odesa 1/3" or "Name 2/7".
    Counter(String),
    /// Mouse capture is off.
    MouseOff,
    /// The rest of a big input is still being read.
    Loading,
    /// Where the reader is.
    Section(Where),
    /// How far the reader has come.
    Percent(usize),
}

/// Cells the left side keeps before the section's path gives way.
const LEFT_ROOM: usize = 24;

/// The right side's parts at a width of `width` cells, beside a left side `left` cells wide.
pub fn parts(app: &App, width: usize, left: usize) -> Vec<Part> {
    let mut parts = Vec::new();
    let typed = match app.pending.mark {
        Some(MarkKey::Set) => Some("m".to_string()),
        Some(MarkKey::Jump) => Some("'".to_string()),
        None => app.pending.count.map(|n| n.to_string()),
    };
    parts.extend(typed.map(Part::Pending));
    parts.extend(app.counter().map(Part::Counter));
    if app.mouse == Mouse::Released {
        parts.push(Part::MouseOff);
    }
    if app.loading.partial.is_some() || app.loading.entities {
        parts.push(Part::Loading);
    }
    let sectioned = !app.doc.sections.is_empty();
    if sectioned {
        parts.push(Part::Section(Where::Path));
    }
    parts.push(Part::Percent(app.percent()));
    let fits = |parts: &[Part]| {
        let right: usize = parts.iter().map(|p| text(app, p).width()).sum();
        right + 2 + left.min(LEFT_ROOM) <= width
    };
    for give in [Where::Inner, Where::Number] {
        if fits(&parts) {
            break;
        }
        parts.retain(|p| !matches!(p, Part::MouseOff | Part::Loading));
        for p in &mut parts {
            if let Part::Section(w) = p {
                *w = give;
            }
        }
    }
    if !fits(&parts) {
        parts.retain(|p| !matches!(p, Part::Section(_)));
    }
    parts
}

/// A part as the line shows it, with the spaces after it.
fn text(app: &App, part: &Part) -> String {
    match part {
        Part::Pending(s) => format!("{s}  "),
        Part::Counter(c) => format!("{c}  "),
        Part::MouseOff => "mouse off  ".to_string(),
        Part::Loading => "loading…  ".to_string(),
        Part::Section(w) => {
            let s = app.current_section();
            let number = format!("§ {}/{}  ", s + 1, app.doc.sections.len());
            let path = toc::path(&app.doc.sections, s);
            let named = |names: &[&str]| {
                let joined = names.iter().map(|n| super::label(n, 40)).collect::<Vec<_>>().join(" › ");
                format!("{}  {number}", super::fit(&joined, 60))
            };
            match w {
                Where::Nothing => String::new(),
                _ if path.is_empty() => number,
                Where::Number => number,
                Where::Inner => named(&path[path.len().saturating_sub(1)..]),
                Where::Path => named(&path),
            }
        }
        Part::Percent(p) => format!("{p:>3}% "),
    }
}

/// Draws the status line in `area`.
pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    let t = app.theme;
    let width = area.width as usize;
    let buf = frame.buffer_mut();
    buf.set_style(area, t.status());
    if let Overlay::Prompt(p) = &app.overlay {
        let shown = super::fit_left(&format!("{}{}", p.sigil(), p.text), width.saturating_sub(1));
        buf.set_string(area.x, area.y, &shown, t.status_strong());
        let x = area.x + (shown.width() as u16).min(area.width.saturating_sub(1));
        frame.set_cursor_position(Position::new(x, area.y));
        return;
    }
    let (left, style) = match &app.message {
        Some(m) => (m.as_str(), t.status_strong()),
        None => (app.doc.title.as_ref().map_or(app.name.as_str(), |p| p.text.as_str()), t.status()),
    };
    let left_w = super::label(left, width).width();
    let right: Vec<Span> = parts(app, width, left_w)
        .iter()
        .map(|p| {
            let strong = matches!(p, Part::Counter(_) | Part::Pending(_));
            Span::styled(text(app, p), if strong { t.status_strong() } else { t.status() })
        })
        .collect();
    let right_w: usize = right.iter().map(|s| s.content.width()).sum();
    let room = width.saturating_sub(right_w + 2);
    let left = super::fit(left, room);
    let gap = width.saturating_sub(left.width() + 1 + right_w);
    let mut spans: Vec<Span> = vec![
        Span::styled(" ", t.status()),
        Span::styled(left, style),
        Span::styled(" ".repeat(gap), t.status()),
    ];
    spans.extend(right);
    buf.set_line(area.x, area.y, &Line::from(spans), area.width);
}
