//! The reader's state: the document, and view state kept apart from it (focus, scroll,
//! lists, highlights, overlays). [`super::update()`] is the only writer; drawing only reads.

use super::find::Folded;
use super::flow::{Anchor, Flow, Wrapped};
use super::keymap::{Keymap, Mode};
use super::layout::{Layout, MEASURE, Shown};
use super::links::LinkList;
pub use super::list::List;
use super::load::Prepared;
use super::marks::{Hit, Marks, Source};
use super::side::Sidebar;
use super::theme::Theme;
use super::toc::{self, Toc};
use crate::document::Document;
use ratatui::layout::Rect;
use std::path::PathBuf;
use std::sync::Arc;

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
    /// A prompt on the bottom line: a search, or the sidebar's filter.
    Prompt(Prompt),
    /// The section list over the reading pane (when too narrow to dock it).
    Sections,
    /// The sidebar over the reading pane (when too narrow to dock it).
    Sidebar,
    /// An entity's details: aliases and every mention.
    Entity(Details),
    /// The document's links.
    Links(LinkList),
}

/// What a prompt is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ask {
    /// A search forward (`/`) or backward (`?` in the less and vim presets).
    Search {
        /// True for a backward search.
        back: bool,
    },
    /// The sidebar's filter on entity names.
    Filter,
}

/// A prompt being typed into.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    /// What it asks for.
    pub ask: Ask,
    /// What has been typed.
    pub text: String,
    /// Which history entry Up/Down last brought back (0 = the latest).
    pub recall: Option<usize>,
}

impl Prompt {
    /// The character the prompt line starts with.
    pub fn sigil(&self) -> &'static str {
        match self.ask {
            Ask::Search { back: false } => "/",
            Ask::Search { back: true } => "?",
            Ask::Filter => "filter: ",
        }
    }
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

/// How a big input is coming in.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Loading {
    /// While only the start is shown: how many input bytes it covers.
    pub partial: Option<usize>,
    /// True while the entities are still being extracted.
    pub entities: bool,
    /// Set by a jump to the end while only the start is shown: the whole document then
    /// opens at its end, as the reader asked.
    pub to_the_end: bool,
    /// A saved position past the start, restored when the whole document is in.
    pub restore: Option<super::state::Position>,
    /// The start and the end of the input, read ahead of the whole, for a jump to the end.
    pub tail: Option<Box<Prepared>>,
}

/// What was typed before a command: a count ("5" of `5j`) and what a counted `g` leaves.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Pending {
    /// The count typed so far.
    pub count: Option<usize>,
    /// The key read next names a mark to set or to jump to.
    pub mark: Option<MarkKey>,
    /// The last command was a counted `g`: a second `g` (vim's `5gg`) adds nothing.
    pub counted_g: bool,
}

/// What the key after `m` or `'` does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkKey {
    /// `m{a-z}`.
    Set,
    /// `'{a-z}` (and `''`).
    Jump,
}

/// A place to come back to: the exact line while the text and its width are the same, and
/// the input byte once they changed (a resize, the whole document replacing its start).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spot {
    /// The top line.
    pub line: usize,
    /// The width the line was counted at.
    pub width: u16,
    /// Which reading of the document it was counted in ([`App::generation`]).
    pub generation: u32,
    /// The input byte at the top.
    pub input: usize,
}

/// Named marks and the place before the last jump.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Jumps {
    /// `a` to `z`.
    pub marks: [Option<Spot>; 26],
    /// Where the reader was before the last jump (`''`, Ctrl-o).
    pub back: Option<Spot>,
}

/// Searches typed before, and where the reader was when the prompt opened.
#[derive(Debug, Clone, Default)]
pub struct Searching {
    /// Earlier queries, oldest first.
    pub history: Vec<String>,
    /// The top line and highlights when the prompt opened, for Esc.
    pub origin: Option<(usize, Option<Marks>)>,
    /// The text with accents folded away, built at the first search.
    pub folded: Option<Folded>,
}

/// How the reader starts: everything a config file can set.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Styles.
    pub theme: Theme,
    /// The keys.
    pub keymap: Keymap,
    /// The widest text column, in cells.
    pub width: u16,
    /// Whether the mouse is captured at start.
    pub mouse: bool,
    /// Whether the section list and the sidebar are shown at start.
    pub sections: Shown,
    /// Whether the sidebar is shown at start.
    pub sidebar: Shown,
    /// The file, for `v` (opens it in the editor); `None` for standard input.
    pub path: Option<PathBuf>,
    /// The width chosen with `-` and `+` in an earlier run, which wins over `width`.
    pub remembered: Option<u16>,
}

impl Settings {
    /// The defaults, with this theme.
    pub fn new(theme: Theme) -> Settings {
        Settings {
            theme,
            keymap: Keymap::default(),
            width: MEASURE,
            mouse: true,
            sections: Shown::Docked,
            sidebar: Shown::Docked,
            path: None,
            remembered: None,
        }
    }
}

/// Everything the reader shows, and where it is.
#[derive(Debug)]
pub struct App {
    /// The article (shared with the loading thread while it extracts entities).
    pub doc: Arc<Document>,
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
    /// The keys, for the help overlay and the event loop.
    pub keymap: Keymap,
    /// The pane with the keyboard.
    pub focus: Pane,
    /// What is drawn on top.
    pub overlay: Overlay,
    /// First line shown in the reading pane.
    pub top: usize,
    /// The logical position of `top`: kept through resizes, saved between runs.
    pub anchor: Anchor,
    /// The section list.
    pub toc: Toc,
    /// The sidebar.
    pub side: Sidebar,
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
    /// How much of a big input is in.
    pub loading: Loading,
    /// A count or mark key typed and not yet used.
    pub pending: Pending,
    /// Marks and the jump back.
    pub jumps: Jumps,
    /// Search history and state.
    pub searching: Searching,
    /// The widest text column (`-`, `+`, `=`), and the one `=` goes back to.
    pub measure: (u16, u16),
    /// The file shown, when there is one.
    pub path: Option<PathBuf>,
    /// The width remembered from an earlier run, if any.
    pub remembered: Option<u16>,
    /// How many times the document was replaced (by the whole of a big input).
    pub generation: u32,
}

/// How many wrapped widths are kept.
const CACHED_WIDTHS: usize = 4;

impl App {
    /// A reader on `doc` for a terminal of `width` × `height` cells, default settings.
    pub fn new(doc: Document, name: &str, width: u16, height: u16, theme: Theme) -> App {
        App::with(doc, name, width, height, Settings::new(theme))
    }

    /// A reader on `doc` with these settings.
    pub fn with(doc: Document, name: &str, width: u16, height: u16, s: Settings) -> App {
        let flow = Flow::new(&doc);
        let measure = s.remembered.unwrap_or(s.width);
        let layout = Layout::new(width, height, s.sections, s.sidebar).measured(measure);
        let wrapped = Wrapped::new(&doc, &flow, layout.text_column().width);
        let mut app = App {
            name: crate::ingest::sanitize::scrub(name),
            toc: Toc::new(&doc),
            side: Sidebar::new(&doc),
            message: doc.warnings.first().cloned(),
            doc: Arc::new(doc),
            flow,
            wrapped,
            cache: Vec::new(),
            layout,
            theme: s.theme,
            keymap: s.keymap,
            focus: Pane::Reading,
            overlay: Overlay::None,
            top: 0,
            anchor: Anchor::default(),
            marks: None,
            mouse: if s.mouse { Mouse::Captured } else { Mouse::Released },
            sections_shown: s.sections,
            sidebar_shown: s.sidebar,
            loading: Loading::default(),
            pending: Pending::default(),
            jumps: Jumps::default(),
            searching: Searching::default(),
            measure: (measure, s.width),
            path: s.path,
            remembered: s.remembered,
            generation: 0,
        };
        app.size_lists();
        app
    }

    /// How keys are read now.
    pub fn mode(&self) -> Mode {
        match (&self.overlay, self.pending.mark) {
            (Overlay::Prompt(_), _) => Mode::Prompt,
            (_, Some(MarkKey::Set)) => Mode::SetMark,
            (_, Some(MarkKey::Jump)) => Mode::JumpMark,
            _ => Mode::Normal(self.focus),
        }
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

    /// The section being read: the one the top line belongs to. (Every heading can be
    /// brought to the top, see [`App::max_top`], so a short last section is reached too.)
    pub fn current_section(&self) -> usize {
        let item = self.wrapped.lines.get(self.top).map_or(0, |l| l.item as usize);
        self.flow.item_section.get(item).copied().unwrap_or(0)
    }

    /// How far the reader has come, in percent: 0 on the first screen, 100 once the end
    /// of the text is in view.
    pub fn percent(&self) -> usize {
        let scrollable = self.wrapped.lines.len().saturating_sub(self.view_height());
        if scrollable == 0 {
            return 100;
        }
        (self.top * 100 / scrollable).min(100)
    }

    /// Whether a side pane is a true section nest (books holding chapters).
    pub fn is_container(&self, s: usize) -> bool {
        toc::is_container(&self.doc.sections, s)
    }

    /// Scrolls the reading pane so `line` is the top line; the section list follows (and the
    /// sidebar, when it shows only the current section's entities).
    pub fn scroll_to(&mut self, line: usize) {
        self.top = line.min(self.max_top());
        self.anchor = self.wrapped.anchor_of(self.top);
        self.follow();
    }

    /// The lists follow the reading position.
    pub(super) fn follow(&mut self) {
        let s = self.current_section();
        self.toc.follow(&self.doc, s);
        self.side.follow_section(&self.doc, s);
    }

    /// Scrolls so a highlighted range is in view (a third down the pane when it was not).
    pub fn reveal(&mut self, hit: Hit) {
        let line = self.line_of_hit(hit);
        let h = self.view_height();
        if line < self.top || line >= self.top + h {
            self.scroll_to(line.saturating_sub(h / 3));
        }
    }

    /// The line a highlighted range starts on.
    pub fn line_of_hit(&self, hit: Hit) -> usize {
        self.wrapped.line_of(Anchor { item: hit.item, offset: hit.start })
    }

    /// Where the reader is, to come back to.
    pub fn spot(&self) -> Spot {
        Spot {
            line: self.top,
            width: self.wrapped.width,
            generation: self.generation,
            input: self.input_here(),
        }
    }

    /// The top line that puts the reader back at `spot`.
    pub fn line_of_spot(&self, spot: Spot) -> Option<usize> {
        if (spot.width, spot.generation) == (self.wrapped.width, self.generation) {
            return Some(spot.line);
        }
        let anchor = self.flow.anchor_of_input(&self.doc, spot.input)?;
        Some(self.wrapped.line_of(anchor))
    }

    /// The input byte at the top of the reading pane.
    pub fn input_here(&self) -> usize {
        self.flow.input_of_anchor(&self.doc, self.anchor).unwrap_or(0)
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

    /// Tells the lists the size they are drawn at (docked, as overlays, or not at all).
    pub(super) fn size_lists(&mut self) {
        let inside = |r: Option<Rect>| r.map(Layout::inner).map_or((1, 1), |i| (i.width, i.height));
        let (w, h) = inside(self.sections_rect());
        self.toc.resize(&self.doc, w as usize, h as usize);
        let (w, h) = inside(self.sidebar_rect());
        self.side.resize(&self.doc, w as usize, h as usize);
    }

    /// Lays the panes out for a terminal size, re-wrapping at a new width while keeping the
    /// reading position (the anchor, not the row).
    pub fn resize(&mut self, width: u16, height: u16) {
        self.layout =
            Layout::new(width, height, self.sections_shown, self.sidebar_shown).measured(self.measure.0);
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
        self.size_lists();
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
            Some(Source::Search(q)) => Some(q.clone()),
            _ => None,
        };
        // The start's warnings ("holds no text" of a page whose first bytes are all script)
        // were about the start only.
        if self.message.as_ref().is_some_and(|m| self.doc.warnings.contains(m)) {
            self.message = None;
        }
        let Prepared { doc, flow, wrapped } = new;
        if self.message.is_none() {
            self.message = doc.warnings.first().cloned();
        }
        self.flow = flow;
        self.doc = doc;
        self.generation += 1;
        self.loading.partial = None;
        self.cache.clear();
        self.searching.folded = None;
        let width = self.layout.text_column().width;
        self.wrapped =
            if wrapped.width == width { wrapped } else { Wrapped::new(&self.doc, &self.flow, width) };
        self.toc = Toc::new(&self.doc);
        self.side = Sidebar::new(&self.doc);
        self.size_lists();
        if matches!(self.overlay, Overlay::Entity(_)) {
            self.overlay = Overlay::None;
        }
        self.marks = None;
        self.anchor = Anchor::default();
        self.top = 0;
        if std::mem::take(&mut self.loading.to_the_end) {
            let end = self.wrapped.lines.len().saturating_sub(self.view_height());
            self.scroll_to(end);
        } else if let Some(anchor) = input.and_then(|i| self.flow.anchor_of_input(&self.doc, i)) {
            let line = self.wrapped.line_of(anchor);
            self.scroll_to(line);
            self.anchor = anchor;
        } else {
            self.follow();
        }
        if let Some(q) = query {
            super::update::search::rerun(self, q);
        }
    }

    /// Shows the start and the end of a big input (see [`super::load::joined`]) while the
    /// rest is still read: like [`App::replace_document`], but what is still to come stays
    /// so (a jump to the end made before opens at the end, now and when the whole comes).
    pub fn show_tail(&mut self, both: Prepared) {
        let (partial, restore, to_the_end) =
            (self.loading.partial, self.loading.restore.take(), self.loading.to_the_end);
        self.replace_document(both);
        self.loading.partial = partial;
        self.loading.restore = restore;
        self.loading.to_the_end = to_the_end;
    }

    /// The status line's counter: "/Odesa 1/1" for a search, "Name 2/7" for mentions.
    pub fn counter(&self) -> Option<String> {
        let m = self.marks.as_ref()?;
        let what = match &m.source {
            Source::Search(q) => format!("{}{q}", if m.back { "?" } else { "/" }),
            Source::Entity(e) => self.doc.entities.get(*e).map_or(String::new(), |e| e.name.clone()),
        };
        Some(format!("{what} {}/{}", m.current + 1, m.hits.len()))
    }

    /// The entity whose mentions are highlighted, if any.
    pub fn selected_entity(&self) -> Option<usize> {
        match self.marks.as_ref()?.source {
            Source::Entity(e) => Some(e),
            Source::Search(_) => None,
        }
    }
}
