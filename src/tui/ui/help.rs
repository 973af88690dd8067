//! The help overlay, generated from the key map so it lists every key there is.

use crate::tui::app::App;
use crate::tui::keymap::{KEYMAP, MOUSE_HELP};
use crate::tui::layout::Layout;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

/// The help's rows: keys, then what they do.
pub fn rows() -> Vec<(String, &'static str)> {
    let mut rows: Vec<(String, &'static str)> = KEYMAP
        .iter()
        .map(|b| (b.keys.iter().map(|k| k.label()).collect::<Vec<_>>().join(" "), b.help))
        .collect();
    rows.extend(MOUSE_HELP.iter().map(|(k, h)| (format!("mouse {k}"), *h)));
    rows
}

/// Draws the help overlay in `area`, scrolled by `scroll` rows.
pub fn render(frame: &mut Frame, area: Rect, app: &App, scroll: usize) {
    let t = app.theme;
    let rows = rows();
    let area = Rect { height: area.height.min(rows.len() as u16 + 2), ..area };
    super::clear(frame, area);
    frame.render_widget(super::pane("Keys · Esc closes", true, t), area);
    let inner = Layout::inner(area);
    let keys_w = rows.iter().map(|(k, _)| k.width()).max().unwrap_or(0).min(inner.width as usize / 2);
    let scroll = scroll.min(rows.len().saturating_sub(inner.height as usize));
    for (y, (keys, help)) in rows.iter().skip(scroll).take(inner.height as usize).enumerate() {
        let keys = super::fit(keys, keys_w);
        let pad = " ".repeat(keys_w - keys.width().min(keys_w));
        let line = Line::from(vec![
            Span::styled(format!(" {keys}{pad}"), t.heading()),
            Span::raw("  "),
            Span::styled(help.to_string(), t.text()),
        ]);
        frame.buffer_mut().set_line(inner.x, inner.y + y as u16, &line, inner.width);
    }
}
