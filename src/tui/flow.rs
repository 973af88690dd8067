//! The reading pane's content: the document as a flat list of items, and its lines at a width.
//!
//! Items point into the [`Document`] (no text is copied except the joined breadcrumbs and
//! byline). A [`Wrapped`] holds every line as `(item, byte range)`, built once per width, so
//! scrolling and drawing cost only the visible lines. Each block is laid out by its
//! [`Shape`]; plain paragraphs, nearly all of a book, take [`wrap`] directly.

use super::shape::{self, Shape};
use super::wrap::wrap;
use crate::document::{Block, BlockKind, Document, Link, Passage, StyleKind};
use crate::span::Span;
use std::ops::Range;

/// One block of the reading pane, in reading order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    /// The breadcrumbs, joined.
    Crumbs,
    /// The headline.
    Title,
    /// Who wrote it and when, joined.
    Byline,
    /// The credit of a caption in the flow (index into `captions`).
    Credit(usize),
    /// A section heading.
    Heading(usize),
    /// A block of the flow (paragraph, item, code, quote, table, caption): section, index.
    Para(usize, usize),
}

/// An inline mark of a block, on a byte range of its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Inline {
    /// One of the model's inline styles.
    Style(StyleKind),
    /// A link, with its number in the document (from 1).
    Link(usize),
}

/// A logical reading position: an item and a byte offset in its text. Survives re-wrapping.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Anchor {
    /// Index into [`Flow::items`].
    pub item: usize,
    /// Byte offset into the item's text.
    pub offset: usize,
}

/// The document as items, with the indexes the reader needs.
#[derive(Debug, Clone, PartialEq)]
pub struct Flow {
    /// Every item in reading order.
    pub items: Vec<Item>,
    /// The breadcrumbs joined for display.
    pub crumbs: String,
    /// The byline and the date joined for display.
    pub byline: String,
    /// Every link of the flow's blocks in reading order, as `(item, index in the block)`:
    /// link `n` is numbered `n + 1` in the text and the link list.
    pub links: Vec<(u32, u32)>,
    /// The section each item belongs to (items before the first section count as section 0).
    pub item_section: Vec<usize>,
    /// The first item of each section (its heading, or first paragraph).
    pub section_item: Vec<usize>,
    /// Items that have a passage, as `(input span, item)` sorted by span start.
    by_input: Vec<(Span, usize)>,
}

impl Flow {
    /// Lays out the document's items.
    pub fn new(doc: &Document) -> Flow {
        let mut items = Vec::new();
        let mut item_section = Vec::new();
        let mut section_item = Vec::new();
        let mut push = |item: Item, section: usize, items: &mut Vec<Item>| {
            items.push(item);
            item_section.push(section);
        };
        if !doc.breadcrumbs.is_empty() {
            push(Item::Crumbs, 0, &mut items);
        }
        if doc.title.is_some() {
            push(Item::Title, 0, &mut items);
        }
        let byline = byline(doc);
        if !byline.is_empty() {
            push(Item::Byline, 0, &mut items);
        }
        // Captions stand in the flow where their figures stood, in the order of `captions`.
        let mut caption = 0;
        let mut links = Vec::new();
        for (s, section) in doc.sections.iter().enumerate() {
            section_item.push(items.len());
            if section.heading.is_some() {
                push(Item::Heading(s), s, &mut items);
            }
            for (p, block) in section.paragraphs.iter().enumerate() {
                links.extend((0..block.links.len()).map(|l| (items.len() as u32, l as u32)));
                push(Item::Para(s, p), s, &mut items);
                if let BlockKind::Caption { credit } = &block.kind {
                    if credit.is_some() {
                        push(Item::Credit(caption), s, &mut items);
                    }
                    caption += 1;
                }
            }
        }
        let mut flow = Flow {
            crumbs: doc.breadcrumbs.join(" › "),
            byline,
            links,
            items,
            item_section,
            section_item,
            by_input: Vec::new(),
        };
        let mut by_input: Vec<(Span, usize)> =
            (0..flow.items.len()).filter_map(|i| flow.passage(doc, i).map(|p| (p.span, i))).collect();
        by_input.sort_by_key(|(span, _)| span.start);
        flow.by_input = by_input;
        flow
    }

    /// The passage behind an item, when it has one.
    pub fn passage<'a>(&self, doc: &'a Document, item: usize) -> Option<&'a Passage> {
        match *self.items.get(item)? {
            Item::Crumbs | Item::Byline | Item::Credit(_) => None,
            Item::Title => doc.title.as_ref(),
            Item::Heading(s) => doc.sections.get(s)?.heading.as_ref(),
            Item::Para(..) => self.block(doc, item).map(|b| &b.passage),
        }
    }

    /// The block behind an item of the flow's body.
    pub fn block<'a>(&self, doc: &'a Document, item: usize) -> Option<&'a Block> {
        match *self.items.get(item)? {
            Item::Para(s, p) => doc.sections.get(s)?.paragraphs.get(p),
            _ => None,
        }
    }

    /// The text an item shows.
    pub fn text<'a>(&'a self, doc: &'a Document, item: usize) -> &'a str {
        match self.items.get(item) {
            Some(Item::Crumbs) => &self.crumbs,
            Some(Item::Byline) => &self.byline,
            Some(Item::Credit(i)) => doc.captions.get(*i).and_then(|c| c.credit.as_deref()).unwrap_or(""),
            _ => self.passage(doc, item).map_or("", |p| p.text.as_str()),
        }
    }

    /// How an item is laid out.
    pub fn shape<'a>(&self, doc: &'a Document, item: usize) -> Shape<'a> {
        let Some(block) = self.block(doc, item) else { return Shape::Prose };
        match &block.kind {
            BlockKind::Text | BlockKind::Caption { .. } => Shape::Prose,
            BlockKind::Item { marker, depth } => Shape::Item { marker, depth: *depth },
            BlockKind::Code { depth, .. } => Shape::Code { depth: *depth },
            BlockKind::Quote { depth, alert } => Shape::Quote { depth: *depth, alert: alert.as_deref() },
            BlockKind::Table { rows } if rows.iter().any(|r| !r.is_empty()) => Shape::Table { rows },
            BlockKind::Table { .. } => Shape::Prose,
        }
    }

    /// Link `n` of the document (numbered `n + 1`), and the item it is in.
    pub fn link<'a>(&self, doc: &'a Document, n: usize) -> Option<(usize, &'a Link)> {
        let &(item, i) = self.links.get(n)?;
        Some((item as usize, self.block(doc, item as usize)?.links.get(i as usize)?))
    }

    /// The number of the first link at or after `item`, counted from 0.
    pub fn first_link_from(&self, item: usize) -> usize {
        self.links.partition_point(|&(i, _)| (i as usize) < item)
    }

    /// An item's inline styles and links as byte ranges of its text, links with their
    /// numbers; a link's range ends at its last visible character, where its number goes.
    pub fn inline(&self, doc: &Document, item: usize) -> Vec<(Range<usize>, Inline)> {
        let Some(block) = self.block(doc, item) else { return Vec::new() };
        if block.styles.is_empty() && block.links.is_empty() {
            return Vec::new();
        }
        let mut out: Vec<(Range<usize>, Inline)> = block
            .styles
            .iter()
            .filter_map(|s| Some((block.to_text(s.span)?, Inline::Style(s.style))))
            .collect();
        let first = self.first_link_from(item);
        for (i, link) in block.links.iter().enumerate() {
            if let Some(mut r) = block.to_text(link.span) {
                let shown = block.text[r.clone()].trim_end().len();
                r.end = r.start + shown;
                if !r.is_empty() {
                    out.push((r, Inline::Link(first + i + 1)));
                }
            }
        }
        out
    }

    /// The cells each link's number takes after its text, for the wrapping: `(byte, cells)`.
    pub fn references(&self, doc: &Document, item: usize) -> Vec<(usize, usize)> {
        let mut out: Vec<(usize, usize)> = (self.inline(doc, item).into_iter())
            .filter_map(|(r, m)| match m {
                Inline::Link(n) => Some((r.end, reference(n).len())),
                Inline::Style(_) => None,
            })
            .collect();
        out.sort_unstable();
        out
    }

    /// Where an input span shows: every `(item, text range)` it covers, found through the
    /// passages' offset maps (never by searching for the words again).
    pub fn locate(&self, doc: &Document, span: Span) -> Vec<(usize, Range<usize>)> {
        let mut out = Vec::new();
        let first = self.by_input.partition_point(|(s, _)| s.end <= span.start);
        // Passages are disjoint in the input, so the candidates follow one another.
        let after_start = self.by_input.partition_point(|(s, _)| s.start < span.end);
        for &(_, item) in self.by_input.get(first.saturating_sub(1)..after_start).unwrap_or(&[]) {
            if let Some(range) = self.passage(doc, item).and_then(|p| p.to_text(span)) {
                out.push((item, range));
            }
        }
        out
    }

    /// The item and text offset of an input byte, for restoring a saved position.
    pub fn anchor_of_input(&self, doc: &Document, input: usize) -> Option<Anchor> {
        let i = self.by_input.partition_point(|(s, _)| s.end <= input);
        let &(span, item) = self.by_input.get(i)?;
        if span.start >= input {
            return Some(Anchor { item, offset: 0 });
        }
        let range = self.passage(doc, item)?.to_text(Span::new(input, input + 1))?;
        Some(Anchor { item, offset: range.start })
    }

    /// The input byte of an anchor, for saving a position: the nearest passage at or after it.
    pub fn input_of_anchor(&self, doc: &Document, anchor: Anchor) -> Option<usize> {
        let (item, offset) = (anchor.item..self.items.len()).find_map(|i| {
            self.passage(doc, i).map(|p| (p, if i == anchor.item { anchor.offset } else { 0 }))
        })?;
        Some(item.to_input(offset..offset).start)
    }
}

/// Whether two list items one after the other, `(marker, depth)`, belong to one list: a
/// nested item always does; at the top level a bullet follows a bullet of the same kind, and
/// a number its predecessor ("1." after "3." starts a list anew).
fn same_list(before: (&str, u8), now: (&str, u8)) -> bool {
    let number = |m: &str| m.trim_end_matches(['.', ')']).parse::<u64>().ok();
    if before.1 > 1 || now.1 > 1 {
        return true;
    }
    match (number(before.0), number(now.0)) {
        (Some(a), Some(b)) => b == a + 1,
        (None, None) => before.0 == now.0,
        _ => false,
    }
}

/// How a link's number is drawn after its text.
pub fn reference(n: usize) -> String {
    format!("[{n}]")
}

/// The byline and the publication date (its day, without the time), as the reader shows them.
fn byline(doc: &Document) -> String {
    let date = doc.published.as_deref().map(|d| d.split('T').next().unwrap_or(d));
    let by = doc
        .byline
        .as_deref()
        .map(|b| if b.to_lowercase().starts_with("by ") { b.to_string() } else { format!("By {b}") });
    by.into_iter().chain(date.map(str::to_string)).collect::<Vec<_>>().join(" · ")
}

/// One line of the reading pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    /// The item it belongs to (a blank line belongs to the item after it).
    pub item: u32,
    /// Byte range in the item's text; `start == end == BLANK` for blank lines.
    pub start: u32,
    /// End of the byte range.
    pub end: u32,
}

/// Marks a blank line.
pub const BLANK: u32 = u32::MAX;

impl Line {
    /// True for the empty lines between items.
    pub fn is_blank(&self) -> bool {
        self.start == BLANK
    }
}

/// Fewer items than this are wrapped on one thread.
const ITEMS_PER_PART: usize = 2000;

/// Wraps the items in `range` at `width`; its `item_line` counts from its own first line.
fn wrap_items(doc: &Document, flow: &Flow, width: u16, range: Range<usize>) -> Wrapped {
    let mut lines = Vec::new();
    let mut item_line = Vec::with_capacity(range.len());
    let mut tables = Vec::new();
    let mut last_item: Option<(&str, u8)> = None;
    for i in range {
        let block = flow.block(doc, i);
        let item = match block.map(|b| &b.kind) {
            Some(BlockKind::Item { marker, depth }) => Some((marker.as_str(), *depth)),
            _ => None,
        };
        let gap = match flow.items.get(i) {
            _ if i == 0 => 0,
            Some(Item::Heading(_)) => 2,
            Some(Item::Credit(_) | Item::Byline) => 0,
            // The items of a list follow one another.
            _ if item.zip(last_item).is_some_and(|(now, before)| same_list(before, now)) => 0,
            _ => 1,
        };
        last_item = item;
        for _ in 0..gap {
            lines.push(Line { item: i as u32, start: BLANK, end: BLANK });
        }
        item_line.push(lines.len());
        let text = flow.text(doc, i);
        let ranges = match block {
            Some(b) if !matches!(b.kind, BlockKind::Text) || !b.links.is_empty() => {
                let shape = flow.shape(doc, i);
                let references = flow.references(doc, i);
                if let Shape::Table { rows } = shape {
                    tables.push((i, shape::columns(text, rows, width as usize, &references)));
                }
                shape::lines(text, shape, width as usize, &references)
            }
            _ => wrap(text, width as usize),
        };
        for r in ranges {
            lines.push(Line { item: i as u32, start: r.start as u32, end: r.end as u32 });
        }
    }
    Wrapped { width, lines, item_line, tables }
}

/// Every line of the reading pane at one width.
#[derive(Debug, Clone, PartialEq)]
pub struct Wrapped {
    /// The width the text was wrapped to.
    pub width: u16,
    /// All lines, in order.
    pub lines: Vec<Line>,
    /// The first text line (after its blank lines) of each item.
    pub item_line: Vec<usize>,
    /// The column widths of each table at this width, by item.
    pub tables: Vec<(usize, Vec<usize>)>,
}

impl Wrapped {
    /// Wraps every item at `width` cells, a blank line between items and two before headings.
    ///
    /// A long text is wrapped in parts, one per core (up to four), so that a resize costs
    /// the slowest part rather than the whole; without a thread to be had, a part is wrapped
    /// here.
    pub fn new(doc: &Document, flow: &Flow, width: u16) -> Wrapped {
        let n = flow.items.len();
        let cores = std::thread::available_parallelism().map_or(1, |c| c.get().min(4));
        Wrapped::in_parts(doc, flow, width, cores.min(n / ITEMS_PER_PART).max(1))
    }

    /// Wraps the items in `parts` parts, all but the first on threads of their own.
    fn in_parts(doc: &Document, flow: &Flow, width: u16, parts: usize) -> Wrapped {
        let n = flow.items.len();
        let ranges: Vec<Range<usize>> = (0..parts).map(|k| k * n / parts..(k + 1) * n / parts).collect();
        let mut pieces: Vec<Wrapped> = Vec::with_capacity(parts);
        std::thread::scope(|s| {
            let spawned: Vec<_> = ranges
                .iter()
                .skip(1)
                .map(|r| {
                    let r = r.clone();
                    std::thread::Builder::new().spawn_scoped(s, move || wrap_items(doc, flow, width, r))
                })
                .collect();
            pieces.push(wrap_items(doc, flow, width, ranges.first().cloned().unwrap_or(0..n)));
            for (handle, r) in spawned.into_iter().zip(ranges.iter().skip(1)) {
                let piece = handle.ok().and_then(|h| h.join().ok());
                pieces.push(piece.unwrap_or_else(|| wrap_items(doc, flow, width, r.clone())));
            }
        });
        let mut whole = Wrapped {
            width,
            lines: Vec::with_capacity(pieces.iter().map(|p| p.lines.len()).sum()),
            item_line: Vec::with_capacity(n),
            tables: Vec::new(),
        };
        for piece in pieces {
            let base = whole.lines.len();
            whole.item_line.extend(piece.item_line.iter().map(|l| l + base));
            whole.lines.extend_from_slice(&piece.lines);
            whole.tables.extend(piece.tables);
        }
        whole
    }

    /// The column widths of the table at `item`, at this width.
    pub fn columns(&self, item: usize) -> &[usize] {
        match self.tables.binary_search_by_key(&item, |(i, _)| *i) {
            Ok(k) => &self.tables[k].1,
            Err(_) => &[],
        }
    }

    /// Whether `line` is the first of its item.
    pub fn is_first(&self, line: usize) -> bool {
        self.lines.get(line).is_some_and(|l| self.item_line.get(l.item as usize) == Some(&line))
    }

    /// The line showing an anchor.
    pub fn line_of(&self, anchor: Anchor) -> usize {
        let Some(&first) = self.item_line.get(anchor.item) else {
            return self.lines.len().saturating_sub(1);
        };
        let last = self.item_line.get(anchor.item + 1).copied().unwrap_or(self.lines.len());
        let own = &self.lines[first..last];
        let n = own.partition_point(|l| {
            !l.is_blank() && l.item as usize == anchor.item && l.start as usize <= anchor.offset
        });
        first + n.saturating_sub(1)
    }

    /// The anchor of a line (a blank line anchors to the start of the item after it).
    pub fn anchor_of(&self, line: usize) -> Anchor {
        match self.lines.get(line) {
            Some(l) if !l.is_blank() => Anchor { item: l.item as usize, offset: l.start as usize },
            Some(l) => Anchor { item: l.item as usize, offset: 0 },
            None => Anchor::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_of_one_list_follow_one_another_and_a_new_list_stands_apart() {
        assert!(same_list(("1.", 1), ("2.", 1)));
        assert!(same_list(("•", 1), ("•", 1)));
        assert!(same_list(("3.", 1), ("•", 2)) && same_list(("•", 2), ("4.", 1)));
        assert!(!same_list(("3.", 1), ("•", 1)));
        assert!(!same_list(("3.", 1), ("1.", 1)));
        assert!(!same_list(("•", 1), ("-", 1)));
    }

    #[test]
    fn a_long_text_wrapped_in_parts_is_the_text_wrapped_whole() {
        let mut text = String::from("A Long Text\n\n");
        for i in 0..3 * ITEMS_PER_PART {
            if i % 50 == 0 {
                text.push_str(&format!("Chapter {i}\n\n"));
            }
            text.push_str(&format!("Paragraph {i} says a few words, enough to wrap at a narrow width.\n\n"));
        }
        let doc = crate::structure(text.as_bytes()).expect("text");
        let flow = Flow::new(&doc);
        assert!(flow.items.len() > 2 * ITEMS_PER_PART);
        for width in [1, 17, 80] {
            let parts = Wrapped::in_parts(&doc, &flow, width, 3);
            let whole = wrap_items(&doc, &flow, width, 0..flow.items.len());
            assert_eq!(parts.lines, whole.lines, "{width}");
            assert_eq!(parts.item_line, whole.item_line, "{width}");
        }
    }
}
