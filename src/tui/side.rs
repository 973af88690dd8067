//! The sidebar as a component: its rows (People, Places, Events, each by salience), a name
//! filter, the choice of every entity or only the current section's, its cursor and
//! scroll, and how many screen lines each row takes. Drawing is in `ui::sidebar`.

use super::find::fold_text;
use super::list::List;
use super::wrap::wrap;
use crate::document::{Document, EntityKind};

/// One row of the sidebar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    /// A group header: kind and how many entities it has.
    Group(EntityKind, usize),
    /// An entity (index into `doc.entities`).
    Entity(usize),
    /// Said under a group with no entity.
    Empty,
}

/// The groups, in the order the sidebar shows them.
pub const GROUPS: [EntityKind; 4] =
    [EntityKind::Person, EntityKind::Place, EntityKind::Organization, EntityKind::Event];

/// Lines an entity's name may take.
const MAX_LINES: usize = 2;

/// Which entities the sidebar lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Scope {
    /// Every entity of the document.
    #[default]
    All,
    /// Those mentioned in this section.
    Section(usize),
}

/// The sidebar: rows, filter, scope, cursor and the size it is drawn at.
#[derive(Debug, Clone, Default)]
pub struct Sidebar {
    /// Cursor and scroll, as indices into [`Sidebar::rows`].
    pub list: List,
    /// The rows shown.
    pub rows: Vec<Row>,
    /// Only names containing this (case and accents ignored) are listed.
    pub filter: String,
    /// Every entity, or the current section's.
    pub scope: Scope,
    /// Cells across the inside, margins included.
    width: usize,
    /// Lines down the inside.
    height: usize,
}

impl Sidebar {
    /// Every entity of `doc`, the cursor on the first.
    pub fn new(doc: &Document) -> Sidebar {
        let mut side = Sidebar::default();
        side.rebuild(doc);
        side
    }

    /// The sidebar is now drawn `width` × `height` cells inside its frame.
    pub fn resize(&mut self, doc: &Document, width: usize, height: usize) {
        if (width, height.max(1)) != (self.width, self.height) {
            // Rows change height with the width: scroll anew, as little as the cursor needs.
            (self.width, self.height) = (width, height.max(1));
            self.list.offset = 0;
        }
        self.reveal(doc);
    }

    /// Lines down the inside.
    pub fn height(&self) -> usize {
        self.height
    }

    /// The text width inside the one-cell margins.
    pub fn text_width(&self) -> usize {
        self.width.saturating_sub(2)
    }

    /// Lists only the names containing `filter`.
    pub fn set_filter(&mut self, doc: &Document, filter: &str) {
        self.filter = filter.to_string();
        self.rebuild(doc);
    }

    /// Toggles between every entity and the entities of section `current`.
    pub fn toggle_scope(&mut self, doc: &Document, current: usize) {
        self.scope = match self.scope {
            Scope::All => Scope::Section(current),
            Scope::Section(_) => Scope::All,
        };
        self.rebuild(doc);
    }

    /// When listing one section's entities, follows the reader into section `s`.
    pub fn follow_section(&mut self, doc: &Document, s: usize) {
        if matches!(self.scope, Scope::Section(at) if at != s) {
            self.scope = Scope::Section(s);
            self.rebuild(doc);
        }
    }

    /// Rebuilds the rows for the filter and scope, keeping the cursor on its entity.
    fn rebuild(&mut self, doc: &Document) {
        let at = match self.rows.get(self.list.cursor) {
            Some(&Row::Entity(e)) => Some(e),
            _ => None,
        };
        let filter = fold_text(&self.filter).to_lowercase();
        let span = match self.scope {
            Scope::Section(s) => doc.sections.get(s).map(|x| x.span),
            Scope::All => None,
        };
        let keep = |i: usize| {
            let e = &doc.entities[i];
            let named = filter.is_empty()
                || std::iter::once(&e.name)
                    .chain(&e.aliases)
                    .any(|n| fold_text(n).to_lowercase().contains(&filter));
            named && span.is_none_or(|s| e.mentions.iter().any(|m| m.start < s.end && s.start < m.end))
        };
        self.rows.clear();
        for kind in GROUPS {
            let mut of_kind: Vec<usize> =
                (0..doc.entities.len()).filter(|&i| doc.entities[i].kind == kind && keep(i)).collect();
            of_kind.sort_by(|&a, &b| {
                let (a, b) = (&doc.entities[a], &doc.entities[b]);
                b.salience.total_cmp(&a.salience).then(b.mentions.len().cmp(&a.mentions.len()))
            });
            // Organisations only where the article names one: most articles name none.
            if kind == EntityKind::Organization && of_kind.is_empty() {
                continue;
            }
            self.rows.push(Row::Group(kind, of_kind.len()));
            if of_kind.is_empty() {
                self.rows.push(Row::Empty);
            }
            self.rows.extend(of_kind.into_iter().map(Row::Entity));
        }
        let first = self.rows.iter().position(|r| matches!(r, Row::Entity(_))).unwrap_or(0);
        self.list.cursor =
            at.and_then(|e| self.rows.iter().position(|r| *r == Row::Entity(e))).unwrap_or(first);
        self.list.offset = 0;
        self.reveal(doc);
    }

    /// An entity's name in lines, and its mention count.
    pub fn entity_lines(&self, doc: &Document, e: usize) -> (Vec<String>, String) {
        let Some(entity) = doc.entities.get(e) else { return (vec![String::new()], String::new()) };
        let count = entity.mentions.len().to_string();
        // Two cells of indent, a space before the count, and two more for continuation lines.
        let room = self.text_width().saturating_sub(count.len() + 3 + 2).max(1);
        let name = super::ui::label(&entity.name, MAX_LINES * room);
        let ranges = wrap(name, room);
        let mut lines: Vec<String> =
            ranges.iter().take(MAX_LINES).map(|r| name[r.clone()].to_string()).collect();
        if let (Some(last), Some(r)) = (lines.last_mut(), ranges.get(MAX_LINES - 1))
            && ranges.len() > MAX_LINES
        {
            *last = super::ui::fit(&name[r.start..], room);
        }
        (lines, count)
    }

    /// How many screen lines row `i` takes.
    fn row_height(&self, doc: &Document, i: usize) -> usize {
        match self.rows.get(i) {
            Some(&Row::Entity(e)) => self.entity_lines(doc, e).0.len().max(1),
            _ => 1,
        }
    }

    /// The row drawn on line `line` of the inside.
    pub fn row_at(&self, doc: &Document, line: usize) -> Option<usize> {
        self.list.row_at(line, self.rows.len(), |i| self.row_height(doc, i))
    }

    /// The entity under the cursor, if the cursor is on one.
    pub fn selected(&self) -> Option<usize> {
        match self.rows.get(self.list.cursor) {
            Some(&Row::Entity(e)) => Some(e),
            _ => None,
        }
    }

    /// Moves the cursor toward row `to`, resting on entities only (headers and notes are
    /// passed over).
    pub fn select(&mut self, doc: &Document, to: usize) {
        let to = to.min(self.rows.len().saturating_sub(1));
        let down = to >= self.list.cursor;
        let on_entity = |i: &usize| matches!(self.rows.get(*i), Some(Row::Entity(_)));
        let found = if down {
            (to..self.rows.len()).find(on_entity).or_else(|| (0..to).rev().find(on_entity))
        } else {
            (0..=to).rev().find(on_entity).or_else(|| (to..self.rows.len()).find(on_entity))
        };
        self.list.cursor = found.unwrap_or(to);
        if found.is_none() || to == 0 {
            self.list.offset = 0;
        }
        self.reveal(doc);
    }

    /// Puts the cursor on row `i` as it is (a click).
    pub fn click(&mut self, i: usize) {
        self.list.cursor = i.min(self.rows.len().saturating_sub(1));
    }

    /// Scrolls by `lines` rows without moving the cursor.
    pub fn scroll(&mut self, lines: isize) {
        self.list.scroll(lines, self.rows.len(), self.height);
    }

    /// Scrolls so the cursor's row shows whole (names may take two lines).
    fn reveal(&mut self, doc: &Document) {
        let cursor = self.list.cursor;
        self.list.offset = self.list.offset.min(cursor);
        while self.list.offset < cursor && self.fitting(doc, self.list.offset) <= cursor - self.list.offset {
            self.list.offset += 1;
        }
    }

    /// How many rows, from `offset` on, fit whole.
    fn fitting(&self, doc: &Document, offset: usize) -> usize {
        List::fitting(offset, self.rows.len(), self.height, |r| self.row_height(doc, r))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Entity;
    use crate::span::Span;

    fn person(name: &str, at: usize) -> Entity {
        Entity {
            kind: EntityKind::Person,
            name: name.to_string(),
            mentions: vec![Span::new(at, at + 3)],
            aliases: Vec::new(),
            salience: 0.5,
            role: None,
            date: None,
            place: None,
        }
    }

    #[test]
    fn the_filter_ignores_case_and_accents() {
        let doc = Document {
            entities: vec![person("Natásha Rostóva", 0), person("Pierre", 10), person("Nikolái", 20)],
            ..Document::default()
        };
        let mut side = Sidebar::new(&doc);
        side.resize(&doc, 30, 20);
        side.set_filter(&doc, "nat");
        assert_eq!(side.rows.iter().filter(|r| matches!(r, Row::Entity(_))).count(), 1);
        assert_eq!(side.selected(), Some(0));
        side.set_filter(&doc, "");
        assert_eq!(side.rows.iter().filter(|r| matches!(r, Row::Entity(_))).count(), 3);
    }
}
