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

    /// The row drawn on screen line `line` (0 = first line inside), the rows from the offset
    /// to `len` taking `height(row)` lines each.
    pub fn row_at(&self, line: usize, len: usize, height: impl Fn(usize) -> usize) -> Option<usize> {
        let mut y = 0;
        (self.offset..len).find(|&r| {
            y += height(r);
            line < y
        })
    }

    /// How many rows from `offset` fit whole in `lines` screen lines (at least one), the
    /// rows up to `len` taking `height(row)` lines each.
    pub fn fitting(offset: usize, len: usize, lines: usize, height: impl Fn(usize) -> usize) -> usize {
        let mut used = 0;
        (offset..len)
            .take_while(|&r| {
                used += height(r);
                used <= lines
            })
            .count()
            .max(1)
    }
}

#[cfg(test)]
mod tests {
    use super::List;

    #[test]
    fn rows_of_several_lines_are_found_by_screen_line() {
        // Rows 2, 3, 4 shown, taking 2, 1 and 3 lines.
        let list = List { cursor: 2, offset: 2 };
        let height = |r: usize| [1, 1, 2, 1, 3][r];
        let rows: Vec<Option<usize>> = (0..7).map(|line| list.row_at(line, 5, height)).collect();
        assert_eq!(rows, [Some(2), Some(2), Some(3), Some(4), Some(4), Some(4), None]);
    }

    #[test]
    fn rows_that_fit_whole_are_counted() {
        let height = |r: usize| [1, 1, 2, 1, 3][r];
        assert_eq!(List::fitting(0, 5, 4, height), 3);
        assert_eq!(List::fitting(2, 5, 5, height), 2);
        assert_eq!(List::fitting(4, 5, 2, height), 1, "a row taller than the list still counts once");
    }
}
