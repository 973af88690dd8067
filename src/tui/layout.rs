//! Where each pane goes at a terminal size, and which panes fit.

use ratatui::layout::{Position, Rect};

/// Below this many columns the sidebar is not docked (`s` shows it as an overlay).
pub const SIDEBAR_MIN_COLS: u16 = 100;
/// Below this many columns the section list is not docked (`t` shows it as an overlay).
pub const SECTIONS_MIN_COLS: u16 = 70;
/// Below this size the reader shows one line saying so.
pub const MIN_COLS: u16 = 20;
/// Below this many rows the reader shows one line saying so.
pub const MIN_ROWS: u16 = 5;
/// The longest comfortable line in the reading pane, in cells (the default; `-`, `+` and a
/// config file's `width` change it).
pub const MEASURE: u16 = 100;

/// Whether a side pane is wanted (the user's `t`/`s`); it still needs room to dock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    /// Docked when the terminal is wide enough.
    Docked,
    /// Hidden by the user.
    Hidden,
}

/// The panes' rectangles at one size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Layout {
    /// The whole terminal.
    pub area: Rect,
    /// The docked section list, if any.
    pub sections: Option<Rect>,
    /// The reading pane (always present unless the terminal is too small).
    pub reading: Rect,
    /// The docked sidebar, if any.
    pub sidebar: Option<Rect>,
    /// The status line.
    pub status: Rect,
    /// True when nothing but a "too small" line fits.
    pub too_small: bool,
    /// The widest the text column may be, in cells.
    pub measure: u16,
}

impl Layout {
    /// Splits a terminal of `width` × `height` cells.
    pub fn new(width: u16, height: u16, sections: Shown, sidebar: Shown) -> Layout {
        let area = Rect::new(0, 0, width, height);
        if width < MIN_COLS || height < MIN_ROWS {
            return Layout { area, too_small: true, measure: MEASURE, ..Layout::default() };
        }
        let body_h = height - 1;
        let status = Rect::new(0, body_h, width, 1);
        let mut x = 0;
        let mut right = width;
        let side = if sidebar == Shown::Docked && width >= SIDEBAR_MIN_COLS {
            let w = (width / 4).clamp(26, 36);
            right -= w;
            Some(Rect::new(right, 0, w, body_h))
        } else {
            None
        };
        let list = if sections == Shown::Docked && width >= SECTIONS_MIN_COLS {
            let w = (width / 5).clamp(22, 32);
            x = w;
            Some(Rect::new(0, 0, w, body_h))
        } else {
            None
        };
        let reading = Rect::new(x, 0, right - x, body_h);
        Layout { area, sections: list, reading, sidebar: side, status, too_small: false, measure: MEASURE }
    }

    /// The same layout with a text column of at most `measure` cells.
    pub fn measured(self, measure: u16) -> Layout {
        Layout { measure: measure.max(1), ..self }
    }

    /// The inside of a bordered pane.
    pub fn inner(r: Rect) -> Rect {
        Rect::new(
            r.x.saturating_add(1),
            r.y.saturating_add(1),
            r.width.saturating_sub(2),
            r.height.saturating_sub(2),
        )
    }

    /// The reading pane's text column: at most [`Layout::measure`] cells, centred, one cell
    /// of margin.
    pub fn text_column(&self) -> Rect {
        let inner = Layout::inner(self.reading);
        let w = inner.width.saturating_sub(2).clamp(1, self.measure.max(1));
        let x = inner.x + (inner.width.saturating_sub(w)) / 2;
        Rect::new(x, inner.y, w, inner.height)
    }

    /// A box for an overlay pane on the left or right edge (narrow terminals).
    pub fn side_overlay(&self, left: bool) -> Rect {
        let body = Rect::new(0, 0, self.area.width, self.area.height.saturating_sub(1));
        let w = body.width.saturating_sub(4).clamp(1, 40);
        let x = if left { 0 } else { body.width.saturating_sub(w) };
        Rect::new(x, 0, w, body.height)
    }

    /// A centred box of at most `w` × `h` cells.
    pub fn centred(&self, w: u16, h: u16) -> Rect {
        let body = Rect::new(0, 0, self.area.width, self.area.height.saturating_sub(1));
        let w = w.min(body.width.saturating_sub(2)).max(1);
        let h = h.min(body.height).max(1);
        Rect::new((body.width - w.min(body.width)) / 2, (body.height - h.min(body.height)) / 2, w, h)
    }

    /// True when the point lies in the rectangle.
    pub fn hit(r: Rect, col: u16, row: u16) -> bool {
        r.contains(Position::new(col, row))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panes_collapse_as_the_terminal_narrows() {
        let wide = Layout::new(140, 40, Shown::Docked, Shown::Docked);
        assert!(wide.sections.is_some() && wide.sidebar.is_some());
        let mid = Layout::new(80, 24, Shown::Docked, Shown::Docked);
        assert!(mid.sections.is_some() && mid.sidebar.is_none());
        let narrow = Layout::new(50, 20, Shown::Docked, Shown::Docked);
        assert!(narrow.sections.is_none() && narrow.sidebar.is_none());
        assert!(Layout::new(19, 5, Shown::Docked, Shown::Docked).too_small);
        assert!(Layout::new(0, 0, Shown::Docked, Shown::Docked).too_small);
    }

    #[test]
    fn the_text_column_is_centred_and_bounded() {
        let l = Layout::new(220, 40, Shown::Hidden, Shown::Hidden);
        let c = l.text_column();
        assert_eq!(c.width, MEASURE);
        assert_eq!(c.x - 1, 220 - 1 - (c.x + c.width));
        let l = Layout::new(20, 5, Shown::Docked, Shown::Docked);
        assert!(l.text_column().width >= 1);
    }
}
