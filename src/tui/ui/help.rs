//! The help overlay, generated from the key map so it lists every key there is.

use crate::tui::app::App;
use crate::tui::keymap::{Keymap, MORE_HELP};
use crate::tui::layout::Layout;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

/// The help's rows: keys, then what they do (actions without a key are left out).
pub fn rows(keymap: &Keymap) -> Vec<(String, &'static str)> {
    let mut rows: Vec<(String, &'static str)> = keymap
        .bindings()
        .iter()
        .filter(|b| !b.keys.is_empty())
        .map(|b| (b.keys.iter().map(|k| k.label()).collect::<Vec<_>>().join(" "), b.help))
        .collect();
    rows.extend(MORE_HELP.iter().map(|(k, h)| (k.to_string(), *h)));
    rows
}

/// The help's box: as tall as its rows, within the screen.
pub fn area(layout: &Layout, keymap: &Keymap) -> Rect {
    layout.centred(72, rows(keymap).len() as u16 + 2)
}

/// How far the help can scroll at this size.
pub fn max_scroll(layout: &Layout, keymap: &Keymap) -> usize {
    rows(keymap).len().saturating_sub(Layout::inner(area(layout, keymap)).height as usize)
}

/// Draws the help overlay in `area`, scrolled by `scroll` rows.
pub fn render(frame: &mut Frame, area: Rect, app: &App, scroll: usize) {
    let t = app.theme;
    let rows = rows(&app.keymap);
    super::clear(frame, area);
    let mut block = super::pane("Keys · Esc closes", true, t);
    let max = max_scroll(&app.layout, &app.keymap);
    if max > 0 {
        let more = match scroll {
            0 => " j ↓ more ",
            s if s >= max => " k ↑ more ",
            _ => " j k more ",
        };
        block = block.title_bottom(Line::from(Span::styled(more, t.pane_title(false))).right_aligned());
    }
    frame.render_widget(block, area);
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
