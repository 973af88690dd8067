//! A cursor and a scroll offset over rows: the section list, the sidebar, the detail view.

/// A cursor and a scroll offset into a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct List {
    /// The selected row.
    pub cursor: usize,
    /// The first row shown.
    pub offset: usize,
}

impl List {
    /// Moves the cursor to `to` (clamped to `len`) and scrolls so it shows in `height` rows.
    pub fn select(&mut self, to: usize, len: usize, height: usize) {
        self.cursor = to.min(len.saturating_sub(1));
        self.reveal(height);
    }

    /// Scrolls so the cursor shows in `height` rows.
    pub fn reveal(&mut self, height: usize) {
        let height = height.max(1);
        if self.cursor < self.offset {
            self.offset = self.cursor;
        } else if self.cursor >= self.offset + height {
            self.offset = self.cursor + 1 - height;
        }
    }

    /// Scrolls by `lines` without moving the cursor.
    pub fn scroll(&mut self, lines: isize, len: usize, height: usize) {
        let max = len.saturating_sub(height.max(1));
        self.offset = self.offset.saturating_add_signed(lines).min(max);
    }
}
