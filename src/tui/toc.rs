//! The section list's nesting: which sections lie inside which, which are folded, and the
//! rows the list shows. Sections carry their level (1 = book, 2 = chapter...); a section
//! holds the ones after it of a deeper level.

use super::app::App;

impl App {
    /// True when the section after `s` lies inside it (a deeper level).
    pub fn has_children(&self, s: usize) -> bool {
        let level = |s: usize| self.doc.sections.get(s).map(|x| x.level);
        matches!((level(s), level(s + 1)), (Some(a), Some(b)) if b > a)
    }

    /// True for a heading with no text of its own that opens deeper sections (a book whose
    /// first chapter follows at once).
    pub fn is_container(&self, s: usize) -> bool {
        self.has_children(s) && self.doc.sections.get(s).is_some_and(|x| x.paragraphs.is_empty())
    }

    /// The first section after `s` that is not inside it.
    pub fn children_end(&self, s: usize) -> usize {
        let Some(level) = self.doc.sections.get(s).map(|x| x.level) else { return s };
        let after = self.doc.sections.get(s + 1..).unwrap_or(&[]);
        s + 1 + after.iter().position(|x| x.level <= level).unwrap_or(after.len())
    }

    /// The section that `s` lies inside, if any.
    pub fn parent(&self, s: usize) -> Option<usize> {
        let level = self.doc.sections.get(s)?.level;
        self.doc.sections.get(..s)?.iter().rposition(|x| x.level < level)
    }

    /// Shows every section in the list.
    pub fn unfold_all(&mut self) {
        self.folded = vec![false; self.doc.sections.len()];
        self.refresh_toc();
    }

    /// Rebuilds the list's rows after a fold changed, keeping the cursor on its section.
    pub fn refresh_toc(&mut self) {
        let at = self.toc_rows.get(self.toc.cursor).copied();
        self.toc_rows.clear();
        let mut s = 0;
        while s < self.doc.sections.len() {
            self.toc_rows.push(s);
            s = if self.folded.get(s) == Some(&true) { self.children_end(s) } else { s + 1 };
        }
        self.toc.cursor = at.map_or(0, |s| self.toc_row_of(s));
        self.toc.offset = self.toc.offset.min(self.toc.cursor);
    }

    /// The row of the list that shows section `s`: its own, or that of the folded section
    /// it lies inside.
    pub fn toc_row_of(&self, s: usize) -> usize {
        self.toc_rows.partition_point(|&r| r <= s).saturating_sub(1)
    }

    /// The section on row `row` of the list.
    pub fn toc_section(&self, row: usize) -> usize {
        self.toc_rows.get(row).copied().unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Block, Document, Passage, Section};

    fn app(levels: &[u8], empty: &[usize]) -> App {
        let sections = levels
            .iter()
            .enumerate()
            .map(|(i, &level)| Section {
                heading: Some(Passage::default()),
                level,
                span: crate::Span::default(),
                paragraphs: if empty.contains(&i) { Vec::new() } else { vec![Block::default()] },
            })
            .collect();
        let doc = Document { sections, ..Document::default() };
        App::new(doc, "t", 100, 30, crate::tui::theme::Theme { color: false })
    }

    #[test]
    fn nesting_follows_the_levels() {
        // 0 lead, 1 book, 2-3 chapters, 4 book, 5 chapter, 6 its part, 7 chapter.
        let app = app(&[1, 1, 2, 2, 1, 2, 3, 2], &[1, 4]);
        assert_eq!((0..8).map(|s| app.children_end(s)).collect::<Vec<_>>(), [1, 4, 3, 4, 8, 7, 7, 8]);
        assert_eq!(
            (0..8).map(|s| app.parent(s)).collect::<Vec<_>>(),
            [None, None, Some(1), Some(1), None, Some(4), Some(5), Some(4)]
        );
        assert!(app.is_container(1) && app.is_container(4) && !app.is_container(5) && !app.is_container(0));
    }

    #[test]
    fn folding_hides_what_a_section_holds_and_rows_find_their_section() {
        let mut app = app(&[1, 1, 2, 2, 1, 2, 3, 2], &[1, 4]);
        app.folded[5] = true;
        app.refresh_toc();
        assert_eq!(app.toc_rows, [0, 1, 2, 3, 4, 5, 7]);
        app.folded[1] = true;
        app.refresh_toc();
        assert_eq!(app.toc_rows, [0, 1, 4, 5, 7]);
        assert_eq!((0..8).map(|s| app.toc_row_of(s)).collect::<Vec<_>>(), [0, 1, 1, 1, 2, 3, 3, 4]);
        app.unfold_all();
        assert_eq!(app.toc_rows.len(), 8);
    }
}
