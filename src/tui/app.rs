//! The reader's state: the document, and view state kept apart from it (focus, scroll,
//! lists, highlights, overlays). [`super::update()`] changes it; drawing only reads it.

use super::flow::{Anchor, Flow, Wrapped};
use super::layout::{Layout, Shown};
use super::links::LinkList;
pub use super::list::List;
use super::load::Prepared;
use super::marks::{self, Hit, Marks, Row};
use super::theme::Theme;
use crate::document::Document;
use ratatui::layout::Rect;

/// A pane that can have the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    /// The section list.
    Sections,
    /// The reading pane.
    Reading,
    /// The sidebar of entities.
    Sidebar,
}

/// What is drawn over the panes, if anything.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    /// Nothing.
    None,
    /// The key map, scrolled by this many rows.
    Help(usize),
    /// The search prompt on the bottom line, with what has been typed.
    Search(String),
    /// The section list over the reading pane (when too narrow to dock it).
    Sections,
    /// The sidebar over the reading pane (when too narrow to dock it).
    Sidebar,
    /// An entity's details: aliases and every mention.
    Entity(Details),
    /// The document's links.
    Links(LinkList),
}

/// The entity detail view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Details {
    /// Index into `doc.entities`.
    pub entity: usize,
    /// Every mention, in reading order.
    pub hits: Vec<Hit>,
    /// The mention under the cursor.
    pub list: List,
}

/// Mouse reporting: on for wheel and clicks, off so the terminal can select text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mouse {
    /// The reader receives wheel and clicks.
    Captured,
    /// The terminal handles the mouse.
    Released,
}

/// Whether the reader goes on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Running {
    /// Waiting for the next event.
    Yes,
    /// The user asked to leave.
    Quit,
}

/// Everything the reader shows, and where it is.
#[derive(Debug)]
pub struct App {
    /// The article.
    pub doc: Document,
    /// The file name, sanitised.
    pub name: String,
    /// The article as items.
    pub flow: Flow,
    /// The lines at the current text width.
    pub wrapped: Wrapped,
    /// Lines at widths used before, so a resize back costs nothing.
    cache: Vec<Wrapped>,
    /// Pane rectangles at the current size.
    pub layout: Layout,
    /// Styles.
    pub theme: Theme,
    /// The pane with the keyboard.
    pub focus: Pane,
    /// What is drawn on top.
    pub overlay: Overlay,
    /// First line shown in the reading pane.
    pub top: usize,
    /// The logical position of `top`: kept through resizes, saved between runs.
    pub anchor: Anchor,
    /// The section list; its rows are [`App::toc_rows`].
    pub toc: List,
    /// The sections the list shows, in order: every one not inside a folded section.
    pub toc_rows: Vec<usize>,
    /// For each section, whether the list folds the sections inside it.
    pub folded: Vec<bool>,
    /// The sidebar.
    pub side: List,
    /// The sidebar's rows.
    pub rows: Vec<Row>,
    /// Search matches or an entity's mentions.
    pub marks: Option<Marks>,
    /// A one-off message for the status line.
    pub message: Option<String>,
    /// Mouse capture.
    pub mouse: Mouse,
    /// The user's wish for the section list.
    pub sections_shown: Shown,
    /// The user's wish for the sidebar.
    pub sidebar_shown: Shown,
    /// Whether to go on.
    pub running: Running,
    /// A web address the reader asked to follow, for the event loop to hand to the system's
    /// opener (see [`super::links::follow`]).
    pub follow: Option<String>,
    /// While only the start of a big input is shown: how many input bytes it covers.
    pub partial: Option<usize>,
    /// Set by a jump to the end while only the start is shown: the whole document then
    /// opens at its end, as the reader asked.
    pub to_the_end: bool,
}

/// How many wrapped widths are kept.
const CACHED_WIDTHS: usize = 4;

impl App {
    /// A reader on `doc` for a terminal of `width` × `height` cells.
    pub fn new(doc: Document, name: &str, width: u16, height: u16, theme: Theme) -> App {
        let flow = Flow::new(&doc);
        let layout = Layout::new(width, height, Shown::Docked, Shown::Docked);
        let wrapped = Wrapped::new(&doc, &flow, layout.text_column().width);
        let rows = marks::sidebar_rows(&doc);
        let mut app = App {
            name: crate::ingest::sanitize::scrub(name),
            doc,
            flow,
            wrapped,
            cache: Vec::new(),
            layout,
            theme,
            focus: Pane::Reading,
            overlay: Overlay::None,
            top: 0,
            anchor: Anchor::default(),
            toc: List::default(),
            toc_rows: Vec::new(),
            folded: Vec::new(),
            side: List::default(),
            rows,
            marks: None,
            message: None,
            mouse: Mouse::Captured,
            sections_shown: Shown::Docked,
            sidebar_shown: Shown::Docked,
            running: Running::Yes,
            follow: None,
            partial: None,
            to_the_end: false,
        };
        app.side.cursor = app.rows.iter().position(|r| matches!(r, Row::Entity(_))).unwrap_or(0);
        app.message = app.doc.warnings.first().cloned();
        app.unfold_all();
        app
    }

    /// Lines in the reading pane.
    pub fn view_height(&self) -> usize {
        (self.layout.text_column().height as usize).max(1)
    }

    /// The furthest `top` may go: the end of the text, or the last heading at the top.
    pub fn max_top(&self) -> usize {
        let total = self.wrapped.lines.len();
        let end = total.saturating_sub(self.view_height());
        let last = self.flow.section_item.last().map_or(0, |&i| self.section_line_of_item(i));
        end.max(last).min(total.saturating_sub(1))
    }

    fn section_line_of_item(&self, item: usize) -> usize {
        self.wrapped.line_of(Anchor { item, offset: 0 })
    }

    /// The first line of section `s`.
    pub fn section_line(&self, s: usize) -> usize {
        self.flow.section_item.get(s).map_or(0, |&i| self.section_line_of_item(i))
    }

    /// The section being read: the one the top line belongs to; once the end of the text
    /// is in view, the last section whose start is in view (a short last section is read
    /// without ever reaching the top), unless the text starts in view too.
    pub fn current_section(&self) -> usize {
        let item = self.wrapped.lines.get(self.top).map_or(0, |l| l.item as usize);
        let at_top = self.flow.item_section.get(item).copied().unwrap_or(0);
        let bottom = self.top + self.view_height();
        if self.top == 0 || bottom < self.wrapped.lines.len() {
            return at_top;
        }
        (at_top..self.doc.sections.len()).rev().find(|&s| self.section_line(s) < bottom).unwrap_or(at_top)
    }

    /// How much has been read, in percent: the share of lines at or above the pane's bottom.
    pub fn percent(&self) -> usize {
        let total = self.wrapped.lines.len().max(1);
        ((self.top + self.view_height()).min(total) * 100) / total
    }

    /// Scrolls the reading pane so `line` is the top line; the section list follows.
    pub fn scroll_to(&mut self, line: usize) {
        self.top = line.min(self.max_top());
        self.anchor = self.wrapped.anchor_of(self.top);
        let height = self.list_height(Pane::Sections);
        self.toc.select(self.toc_row_of(self.current_section()), self.toc_rows.len(), height);
        self.reveal_toc();
    }

    /// Scrolls so a highlighted range is in view (a third down the pane when it was not).
    pub fn reveal(&mut self, hit: Hit) {
        let line = self.wrapped.line_of(Anchor { item: hit.item, offset: hit.start });
        let h = self.view_height();
        if line < self.top || line >= self.top + h {
            self.scroll_to(line.saturating_sub(h / 3));
        }
    }

    /// Scrolls the section list so the cursor's entry shows whole (entries may take two
    /// lines, which [`List::reveal`] does not know).
    pub fn reveal_toc(&mut self) {
        if self.toc.cursor < self.toc.offset {
            self.toc.offset = self.toc.cursor;
        }
        while self.toc.offset < self.toc.cursor
            && super::ui::sections::fitting(self, self.toc.offset) <= self.toc.cursor - self.toc.offset
        {
            self.toc.offset += 1;
        }
    }

    /// Scrolls the sidebar so the cursor's row shows whole (names may take two lines).
    pub fn reveal_side(&mut self) {
        if self.side.cursor < self.side.offset {
            self.side.offset = self.side.cursor;
        }
        while self.side.offset < self.side.cursor
            && super::ui::sidebar::fitting(self, self.side.offset) <= self.side.cursor - self.side.offset
        {
            self.side.offset += 1;
        }
    }

    /// Where the section list is drawn, docked or as an overlay.
    pub fn sections_rect(&self) -> Option<Rect> {
        match self.overlay {
            Overlay::Sections => Some(self.layout.side_overlay(true)),
            _ => self.layout.sections,
        }
    }

    /// Where the sidebar is drawn, docked or as an overlay.
    pub fn sidebar_rect(&self) -> Option<Rect> {
        match self.overlay {
            Overlay::Sidebar => Some(self.layout.side_overlay(false)),
            _ => self.layout.sidebar,
        }
    }

    /// Rows visible in a list pane.
    pub fn list_height(&self, pane: Pane) -> usize {
        let rect = match pane {
            Pane::Sections => self.sections_rect(),
            Pane::Sidebar => self.sidebar_rect(),
            Pane::Reading => Some(self.layout.reading),
        };
        rect.map_or(1, |r| Layout::inner(r).height.max(1) as usize)
    }

    /// The panes that can take focus, in Tab order.
    pub fn focusable(&self) -> Vec<Pane> {
        let mut panes = Vec::new();
        if self.sections_rect().is_some() {
            panes.push(Pane::Sections);
        }
        panes.push(Pane::Reading);
        if self.sidebar_rect().is_some() {
            panes.push(Pane::Sidebar);
        }
        panes
    }

    /// Lays the panes out for a terminal size, re-wrapping at a new width while keeping the
    /// reading position (the anchor, not the row).
    pub fn resize(&mut self, width: u16, height: u16) {
        self.layout = Layout::new(width, height, self.sections_shown, self.sidebar_shown);
        if self.layout.sections.is_some() && self.overlay == Overlay::Sections
            || self.layout.sidebar.is_some() && self.overlay == Overlay::Sidebar
        {
            self.overlay = Overlay::None;
        }
        let width = self.layout.text_column().width;
        if width != self.wrapped.width {
            let fresh = match self.cache.iter().position(|w| w.width == width) {
                Some(i) => self.cache.swap_remove(i),
                None => Wrapped::new(&self.doc, &self.flow, width),
            };
            let old = std::mem::replace(&mut self.wrapped, fresh);
            self.cache.push(old);
            if self.cache.len() > CACHED_WIDTHS {
                self.cache.remove(0);
            }
        }
        let anchor = self.anchor;
        self.top = self.wrapped.line_of(anchor).min(self.max_top());
        if !self.focusable().contains(&self.focus) {
            self.focus = Pane::Reading;
        }
        let (toc_h, side_h) = (self.list_height(Pane::Sections), self.list_height(Pane::Sidebar));
        self.toc.reveal(toc_h);
        self.reveal_toc();
        self.side.reveal(side_h);
        self.reveal_side();
    }

    /// Swaps in a new reading of the same input (the whole of it after a prefix), keeping
    /// the reading position by input offset and re-running a search; an entity selection
    /// is dropped, since entities are numbered anew.
    ///
    /// The new document comes laid out (see [`super::load::prepare`]), so the swap costs
    /// no wrapping unless the width changed meanwhile.
    pub fn replace_document(&mut self, new: Prepared) {
        let input = self.flow.input_of_anchor(&self.doc, self.anchor);
        let query = match self.marks.as_ref().map(|m| &m.source) {
            Some(marks::Source::Search(q)) => Some(q.clone()),
            _ => None,
        };
        let Prepared { doc, flow, wrapped } = new;
        self.flow = flow;
        self.doc = doc;
        self.partial = None;
        self.cache.clear();
        let width = self.layout.text_column().width;
        self.wrapped =
            if wrapped.width == width { wrapped } else { Wrapped::new(&self.doc, &self.flow, width) };
        self.rows = marks::sidebar_rows(&self.doc);
        self.side = List::default();
        self.side.cursor = self.rows.iter().position(|r| matches!(r, Row::Entity(_))).unwrap_or(0);
        self.toc = List::default();
        self.unfold_all();
        if matches!(self.overlay, Overlay::Entity(_)) {
            self.overlay = Overlay::None;
        }
        self.marks = None;
        self.anchor = Anchor::default();
        self.top = 0;
        if std::mem::take(&mut self.to_the_end) {
            let end = self.wrapped.lines.len().saturating_sub(self.view_height());
            self.scroll_to(end);
        } else if let Some(anchor) = input.and_then(|i| self.flow.anchor_of_input(&self.doc, i)) {
            let line = self.wrapped.line_of(anchor);
            self.scroll_to(line);
            self.anchor = anchor;
        }
        if let Some(q) = query {
            let hits = marks::search(&self.doc, &self.flow, &q);
            let here = self.anchor;
            let current =
                hits.iter().position(|h| (h.item, h.start) >= (here.item, here.offset)).unwrap_or(0);
            if !hits.is_empty() {
                self.marks = Some(Marks { source: marks::Source::Search(q), hits, current });
            }
        }
    }

    /// The status line's counter: "Odesa 1/1" for a search, "Name 2/7" for mentions.
    pub fn counter(&self) -> Option<String> {
        let m = self.marks.as_ref()?;
        let what = match &m.source {
            marks::Source::Search(q) => format!("/{q}"),
            marks::Source::Entity(e) => self.doc.entities.get(*e).map_or(String::new(), |e| e.name.clone()),
        };
        Some(format!("{what} {}/{}", m.current + 1, m.hits.len()))
    }

    /// The entity whose mentions are highlighted, if any.
    pub fn selected_entity(&self) -> Option<usize> {
        match self.marks.as_ref()?.source {
            marks::Source::Entity(e) => Some(e),
            marks::Source::Search(_) => None,
        }
    }
}
