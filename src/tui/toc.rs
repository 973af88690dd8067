//! The section list as a component: its rows (every section not inside a folded one), its
//! fold state, its cursor and scroll, and how many screen lines each entry takes at the
//! list's width. Sections carry their level (1 = book, 2 = chapter...); a section holds
//! the ones after it of a deeper level. Drawing is in `ui::sections`, which only reads this.

use super::list::List;
use super::wrap::wrap;
use crate::document::{Document, Section};
use unicode_width::UnicodeWidthStr;

/// What the list calls a section without a heading (the text before the first heading).
pub const OPENING: &str = "Opening";

/// Lines one entry may take.
const MAX_LINES: usize = 2;

/// True when the section after `s` lies inside it (a deeper level).
pub fn has_children(sections: &[Section], s: usize) -> bool {
    let level = |s: usize| sections.get(s).map(|x| x.level);
    matches!((level(s), level(s + 1)), (Some(a), Some(b)) if b > a)
}

/// True for a heading with no text of its own that opens deeper sections (a book whose
/// first chapter follows at once).
pub fn is_container(sections: &[Section], s: usize) -> bool {
    has_children(sections, s) && sections.get(s).is_some_and(|x| x.paragraphs.is_empty())
}

/// The first section after `s` that is not inside it.
pub fn children_end(sections: &[Section], s: usize) -> usize {
    let Some(level) = sections.get(s).map(|x| x.level) else { return s };
    let after = sections.get(s + 1..).unwrap_or(&[]);
    s + 1 + after.iter().position(|x| x.level <= level).unwrap_or(after.len())
}

/// The section that `s` lies inside, if any.
pub fn parent(sections: &[Section], s: usize) -> Option<usize> {
    let level = sections.get(s)?.level;
    sections.get(..s)?.iter().rposition(|x| x.level < level)
}

/// The headings from the outermost section down to `s` ("BOOK TWO", "CHAPTER I"); empty
/// for the text before the first heading.
pub fn path(sections: &[Section], s: usize) -> Vec<&str> {
    let mut out = Vec::new();
    let mut at = Some(s);
    while let Some(i) = at {
        out.extend(sections.get(i).and_then(|x| x.heading.as_ref()).map(|h| h.text.as_str()));
        at = parent(sections, i);
    }
    out.reverse();
    out
}

/// The section list: rows, folds, cursor and the size it is drawn at.
#[derive(Debug, Clone, Default)]
pub struct Toc {
    /// Cursor and scroll, as indices into [`Toc::rows`].
    pub list: List,
    /// The sections the list shows, in order.
    pub rows: Vec<usize>,
    /// For each section, whether the list folds the sections inside it.
    pub folded: Vec<bool>,
    /// Cells across the list's inside.
    width: usize,
    /// Lines down the list's inside.
    height: usize,
}

impl Toc {
    /// The list of `doc`'s sections, all unfolded.
    pub fn new(doc: &Document) -> Toc {
        let mut toc = Toc { folded: vec![false; doc.sections.len()], ..Toc::default() };
        toc.refresh(doc);
        toc
    }

    /// The list is now drawn `width` × `height` cells inside its frame.
    pub fn resize(&mut self, doc: &Document, width: usize, height: usize) {
        (self.width, self.height) = (width, height.max(1));
        self.reveal(doc);
    }

    /// Lines down the list's inside.
    pub fn height(&self) -> usize {
        self.height
    }

    /// The lines of section `s`'s entry, indent included.
    pub fn entry_lines(&self, doc: &Document, s: usize) -> Vec<String> {
        let width = self.width;
        let Some(section) = doc.sections.get(s) else { return Vec::new() };
        // Two lines of the list at most: a huge heading is cut before it is wrapped.
        let heading =
            super::ui::label(section.heading.as_ref().map_or(OPENING, |h| h.text.as_str()), 2 * width);
        let indent = 2 + 2 * section.level.saturating_sub(1).min(4) as usize;
        // A folded entry says how many it hides, or at least that it hides some.
        let label = if self.folded.get(s) == Some(&true) {
            let counted = format!("{heading} (+{})", children_end(&doc.sections, s) - s - 1);
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
            *last = super::ui::fit(&label[r.start..], room);
        }
        let first = width.saturating_sub(indent).max(1);
        if ranges.len() > 1 && super::ui::fit(label, first) == label {
            // It fits on one line after all, using the two cells kept for the hang.
            lines = vec![label.to_string()];
        }
        lines
            .into_iter()
            .enumerate()
            .map(|(k, l)| format!("{}{l}", " ".repeat(if k == 0 { indent } else { indent + 2 })))
            .collect()
    }

    fn entry_height(&self, doc: &Document, row: usize) -> usize {
        self.entry_lines(doc, self.section(row)).len().max(1)
    }

    /// The row (an index into [`Toc::rows`]) drawn on line `line` of the list's inside.
    pub fn row_at(&self, doc: &Document, line: usize) -> Option<usize> {
        self.list.row_at(line, self.rows.len(), |r| self.entry_height(doc, r))
    }

    /// The row of the list that shows section `s`: its own, or that of the folded section
    /// it lies inside.
    pub fn row_of(&self, s: usize) -> usize {
        self.rows.partition_point(|&r| r <= s).saturating_sub(1)
    }

    /// The section on row `row` of the list.
    pub fn section(&self, row: usize) -> usize {
        self.rows.get(row).copied().unwrap_or(0)
    }

    /// The section under the cursor.
    pub fn selected(&self) -> usize {
        self.section(self.list.cursor)
    }

    /// Moves the cursor to `row` and scrolls so its entry shows.
    pub fn select(&mut self, doc: &Document, row: usize) {
        self.list.cursor = row.min(self.rows.len().saturating_sub(1));
        self.reveal(doc);
    }

    /// Puts the cursor on the row of section `s`.
    pub fn follow(&mut self, doc: &Document, s: usize) {
        self.select(doc, self.row_of(s));
    }

    /// Scrolls by `lines` rows without moving the cursor.
    pub fn scroll(&mut self, lines: isize) {
        self.list.scroll(lines, self.rows.len(), self.height);
    }

    /// Folds or unfolds the section under the cursor, or the one it lies inside; `Err`
    /// when it lies in none.
    pub fn fold(&mut self, doc: &Document) -> Result<(), &'static str> {
        let s = self.selected();
        let target = if has_children(&doc.sections, s) { Some(s) } else { parent(&doc.sections, s) };
        let Some(target) = target else { return Err("nothing to fold: this section holds no others") };
        if let Some(f) = self.folded.get_mut(target) {
            *f = !*f;
        }
        self.refresh(doc);
        self.select(doc, self.row_of(target));
        Ok(())
    }

    /// Folds every section that holds others, or unfolds them all when all are folded; the
    /// cursor goes to the row of section `current`.
    pub fn fold_all(&mut self, doc: &Document, current: usize) {
        let n = doc.sections.len();
        let fold = (0..n).any(|s| has_children(&doc.sections, s) && !self.folded[s]);
        for s in 0..n {
            self.folded[s] = fold && has_children(&doc.sections, s);
        }
        self.refresh(doc);
        self.follow(doc, current);
    }

    /// Rebuilds the rows after a fold changed, keeping the cursor on its section.
    fn refresh(&mut self, doc: &Document) {
        let at = self.rows.get(self.list.cursor).copied();
        self.rows.clear();
        let mut s = 0;
        while s < doc.sections.len() {
            self.rows.push(s);
            s = if self.folded.get(s) == Some(&true) { children_end(&doc.sections, s) } else { s + 1 };
        }
        self.list.cursor = at.map_or(0, |s| self.row_of(s));
        self.reveal(doc);
    }

    /// Scrolls so the cursor's entry shows whole (entries may take two lines), and never
    /// further than needed to fill the list: after a fold, the rows above come back into
    /// view rather than leaving blank lines below the last.
    fn reveal(&mut self, doc: &Document) {
        let cursor = self.list.cursor;
        self.list.offset = self.list.offset.min(cursor);
        while self.list.offset < cursor && self.fitting(doc, self.list.offset) <= cursor - self.list.offset {
            self.list.offset += 1;
        }
        // Back up while the entry above still fits below the last one.
        while self.list.offset > 0 {
            let above = self.entry_height(doc, self.list.offset - 1);
            // Counted only as far as the list's height: a long list stops at once.
            let room = self.height.saturating_sub(above);
            let mut used = 0;
            for r in self.list.offset..self.rows.len() {
                used += self.entry_height(doc, r);
                if used > room {
                    break;
                }
            }
            if used > room {
                break;
            }
            self.list.offset -= 1;
        }
    }

    /// How many entries, from `offset` on, fit whole in the list.
    fn fitting(&self, doc: &Document, offset: usize) -> usize {
        List::fitting(offset, self.rows.len(), self.height, |r| self.entry_height(doc, r))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Block, Document, Passage, Section};

    fn doc(levels: &[u8], empty: &[usize]) -> Document {
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
        Document { sections, ..Document::default() }
    }

    #[test]
    fn nesting_follows_the_levels() {
        // 0 lead, 1 book, 2-3 chapters, 4 book, 5 chapter, 6 its part, 7 chapter.
        let d = doc(&[1, 1, 2, 2, 1, 2, 3, 2], &[1, 4]);
        let s = &d.sections;
        assert_eq!((0..8).map(|i| children_end(s, i)).collect::<Vec<_>>(), [1, 4, 3, 4, 8, 7, 7, 8]);
        assert_eq!(
            (0..8).map(|i| parent(s, i)).collect::<Vec<_>>(),
            [None, None, Some(1), Some(1), None, Some(4), Some(5), Some(4)]
        );
        assert!(is_container(s, 1) && is_container(s, 4) && !is_container(s, 5) && !is_container(s, 0));
        assert_eq!(path(s, 6).len(), 3);
    }

    #[test]
    fn folding_hides_what_a_section_holds_and_rows_find_their_section() {
        let d = doc(&[1, 1, 2, 2, 1, 2, 3, 2], &[1, 4]);
        let mut toc = Toc::new(&d);
        toc.resize(&d, 20, 10);
        toc.folded[5] = true;
        toc.refresh(&d);
        assert_eq!(toc.rows, [0, 1, 2, 3, 4, 5, 7]);
        toc.folded[1] = true;
        toc.refresh(&d);
        assert_eq!(toc.rows, [0, 1, 4, 5, 7]);
        assert_eq!((0..8).map(|s| toc.row_of(s)).collect::<Vec<_>>(), [0, 1, 1, 1, 2, 3, 3, 4]);
    }

    #[test]
    fn folding_everything_from_the_end_fills_the_list_again() {
        let levels: Vec<u8> = (0..60).map(|i| if i % 10 == 0 { 1 } else { 2 }).collect();
        let d = doc(&levels, &[]);
        let mut toc = Toc::new(&d);
        toc.resize(&d, 20, 8);
        toc.follow(&d, 59);
        assert!(toc.list.offset > 40);
        toc.fold_all(&d, 59);
        assert_eq!(toc.rows.len(), 6);
        assert_eq!(toc.list.offset, 0, "all six books show, none hidden above blank rows");
        assert_eq!(toc.list.cursor, 5);
    }
}
