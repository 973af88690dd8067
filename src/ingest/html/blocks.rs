//! The page's tree to blocks, in document order: headings, paragraphs, captions and list items
//! of the main content, and every other visible text as boilerplate with a reason.
//!
//! Inside the main content a block is furniture by what it is made of, never by the words of
//! particular pages: mostly links and short; a label and links ("Filed under: …"); a headline
//! that is all link inside a list; a short line that only introduces such blocks; lines mostly
//! of links to several places after the article's end. A source named in brackets after a
//! paragraph ("[Engadget]") is text however linked, and a credit printed on its own ("Image
//! Credit: …") is the credit of the caption before it.

use super::content::Analysis;
use super::dom::{Dom, NodeId, NodeKind};
use super::flow::{Cell, Lists, STYLES, alert, alert_marker, join_tables, lang, style_bit};
use super::meta::{Meta, Title, crumbs, resolve};
use super::passage::{join, join_lines, span_of};
use crate::document::{self, Link, Passage, Reason, Style};
use crate::ingest::byline::{byline, written_date};
use crate::ingest::credit;
use crate::ingest::passage::slice;
use crate::ingest::{Block, BlockKind, Blocks};
use crate::span::OffsetMap;
use std::collections::HashMap;
use std::sync::OnceLock;

/// What stands between the entries of a list of tags or links.
const SEPARATORS: &[char] = &['|', ',', '·', '•', '/', '-', '–', '—', ';'];

/// Elements that start and end a block of text.
const BLOCK: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "nav",
    "aside",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "figure",
    "figcaption",
    "table",
    "tr",
    "td",
    "th",
    "caption",
    "thead",
    "tbody",
    "tfoot",
    "form",
    "fieldset",
    "address",
    "hr",
    "br",
    "details",
    "summary",
    "center",
    "body",
    "html",
    "menu",
    "legend",
    "option",
    "hgroup",
];

/// A piece of text waiting to become part of a block.
#[derive(Debug, Clone)]
struct Segment {
    node: NodeId,
    text: usize,
    href: Option<String>,
    credit: bool,
    /// Inside a link without a target: a control such as "more" or "less".
    control: bool,
    /// The innermost link with a target around it, whether folio can resolve it or not.
    link: Option<NodeId>,
    /// Inline style bits ([`STYLES`]).
    style: u8,
}

/// Everything the walk needs to read.
struct Walk<'a> {
    dom: &'a Dom,
    a: &'a Analysis,
    meta: &'a Meta,
    source: &'a OffsetMap,
    in_content: Vec<bool>,
    blocks: Blocks,
    segments: Vec<Segment>,
    open_blocks: Vec<NodeId>,
    /// Table cells, in document order.
    cells: Vec<Cell>,
    /// The cell the last body block was read from, and the block.
    last_cell: Option<(NodeId, usize)>,
    lists: Lists,
    /// The open quotes, each with the alert kind it opens with.
    quotes: Vec<Option<String>>,
    /// An alert's marker waits to be taken off the first block of its quote.
    alert_pending: bool,
    /// The blocks of the main content set aside as boilerplate, by index.
    content_boilerplate: Vec<usize>,
    /// Body blocks by index, with their share of text in links and their number of links.
    linkage: Vec<(usize, f32, usize)>,
}

/// Builds the blocks of a page whose main content is `content`.
pub fn build(dom: &Dom, a: &Analysis, meta: &Meta, content: &[NodeId], source: &OffsetMap) -> Blocks {
    let mut in_content = vec![false; dom.nodes.len()];
    in_content[0] = content.contains(&0);
    for id in 1..dom.nodes.len() {
        in_content[id] = in_content[dom.nodes[id].parent] || content.contains(&id);
    }
    let mut w = Walk {
        dom,
        a,
        meta,
        source,
        in_content,
        blocks: Blocks::default(),
        segments: Vec::new(),
        open_blocks: Vec::new(),
        cells: Vec::new(),
        last_cell: None,
        lists: Lists::default(),
        quotes: Vec::new(),
        alert_pending: false,
        content_boilerplate: Vec::new(),
        linkage: Vec::new(),
    };
    w.walk();
    w.drop_teaser_labels();
    w.drop_trailers();
    join_tables(dom, &mut w.blocks.blocks, &w.cells);
    w.drop_empty_sections();
    if let Some(Title::Head(id, headline)) = &meta.title {
        let texts: Vec<usize> = text_ids(dom, *id);
        let p = join(dom, &texts, source);
        let range = p.text.find(headline.as_str()).map_or(0..p.text.len(), |i| i..i + headline.len());
        let title = slice(&p, range);
        if !title.text.is_empty() {
            w.blocks.blocks.insert(0, Block::new(BlockKind::Title, title));
        }
    }
    w.drop_repeated_title();
    w.drop_repeated_paragraphs();
    if meta.breadcrumbs.is_none() && !meta.linked_crumbs.is_empty() {
        let kind = BlockKind::Breadcrumbs(meta.linked_crumbs.clone());
        w.blocks.blocks.insert(0, Block::new(kind, Passage::default()));
    }
    w.blocks.source = meta.source.clone();
    w.blocks.published = meta.published.clone();
    w.blocks.byline = meta.byline.clone();
    // Else the article's own "By NAME" line, set aside as boilerplate, says who and when.
    let mut body = 0;
    for b in &w.blocks.blocks {
        body += usize::from(b.kind == BlockKind::Paragraph);
        let near_top = b.kind == BlockKind::Paragraph && body <= 3;
        if !(near_top || b.kind == BlockKind::Boilerplate(Reason::Byline)) {
            continue;
        }
        if w.blocks.byline.is_none() {
            w.blocks.byline = byline(&b.passage.text);
        }
        if w.blocks.published.is_none() && b.kind == BlockKind::Boilerplate(Reason::Byline) {
            w.blocks.published = written_date(&b.passage.text);
        }
    }
    w.blocks
}

fn text_ids(dom: &Dom, id: NodeId) -> Vec<usize> {
    dom.descendants(id)
        .into_iter()
        .filter_map(|d| match dom.nodes[d].kind {
            NodeKind::Text(t) => Some(t),
            _ => None,
        })
        .collect()
}

fn heading_level(name: &str) -> Option<u8> {
    match name {
        "h1" | "h2" => Some(1),
        "h3" => Some(2),
        "h4" | "h5" | "h6" => Some(3),
        _ => None,
    }
}

impl Walk<'_> {
    fn walk(&mut self) {
        enum Step {
            Enter(NodeId),
            Exit(NodeId),
        }
        let dom = self.dom;
        let mut stack = vec![Step::Enter(0)];
        let mut links: Vec<Option<String>> = Vec::new();
        let mut credits: Vec<NodeId> = Vec::new();
        let mut controls = 0usize;
        // The links with a target open at this point.
        let mut targets: Vec<NodeId> = Vec::new();
        // How many elements of each inline style are open.
        let mut styled = [0usize; 3];
        while let Some(step) = stack.pop() {
            match step {
                Step::Enter(id) => {
                    if self.a.dropped[id] {
                        continue;
                    }
                    let name = dom.name(id);
                    if let NodeKind::Text(t) = dom.nodes[id].kind {
                        let href = links.iter().rev().flatten().next().cloned();
                        let credit = !credits.is_empty();
                        let control = controls > 0;
                        let link = targets.last().copied();
                        let style = STYLES
                            .iter()
                            .zip(styled)
                            .filter(|(_, n)| *n > 0)
                            .fold(0, |bits, ((bit, _), _)| bits | bit);
                        self.segments.push(Segment { node: id, text: t, href, credit, control, link, style });
                        continue;
                    }
                    if self.meta.breadcrumbs == Some(id) {
                        self.flush();
                        self.whole(id, BlockKind::Breadcrumbs(crumbs(dom, id)));
                        continue;
                    }
                    if self.meta.title == Some(Title::Element(id)) {
                        self.flush();
                        self.whole(id, BlockKind::Title);
                        continue;
                    }
                    let block = BLOCK.contains(&name);
                    if block {
                        self.flush();
                        self.open_blocks.push(id);
                    }
                    self.lists.enter(dom, id);
                    if name == "blockquote" {
                        let kind = alert(dom, id, &self.a.dropped);
                        self.alert_pending |= kind.is_some();
                        self.quotes.push(kind);
                    }
                    if let Some(i) = STYLES.iter().position(|(bit, _)| *bit == style_bit(name)) {
                        styled[i] += 1;
                    }
                    if name == "a" {
                        let href = dom.element(id).and_then(|e| e.attr("href"));
                        controls += usize::from(href.is_none());
                        if href.is_some() {
                            targets.push(id);
                        }
                        links.push(href.and_then(|h| resolve(h, self.meta.base.as_deref())));
                    }
                    if (self.in_caption() || self.a.caption[id]) && is_credit(dom, self.a, id) {
                        credits.push(id);
                    }
                    stack.push(Step::Exit(id));
                    stack.extend(dom.nodes[id].children.iter().rev().map(|&c| Step::Enter(c)));
                }
                Step::Exit(id) => {
                    let name = dom.name(id);
                    if BLOCK.contains(&name) {
                        self.flush();
                        self.open_blocks.pop();
                    }
                    self.lists.exit(dom, id);
                    if name == "blockquote" {
                        self.quotes.pop();
                    }
                    if let Some(i) = STYLES.iter().position(|(bit, _)| *bit == style_bit(name)) {
                        styled[i] = styled[i].saturating_sub(1);
                    }
                    if matches!(name, "td" | "th") {
                        self.cell(id);
                    }
                    if name == "a" {
                        links.pop();
                        if targets.last() == Some(&id) {
                            targets.pop();
                        }
                        if dom.element(id).is_some_and(|e| e.attr("href").is_none()) {
                            controls = controls.saturating_sub(1);
                        }
                    }
                    if credits.last() == Some(&id) {
                        credits.pop();
                    }
                }
            }
        }
        self.flush();
    }

    /// A table cell ends: it is a plain cell when the last block came from its own text, an
    /// empty one when it has none, and otherwise holds blocks of its own (none recorded).
    fn cell(&mut self, id: NodeId) {
        let dom = self.dom;
        let p = dom.nodes[id].parent;
        let row = if dom.name(p) == "tr" { p } else { return };
        let Some(table) = self.open_blocks.iter().rev().copied().find(|&b| dom.name(b) == "table") else {
            return;
        };
        let block = match self.last_cell.take() {
            Some((cell, i)) if cell == id => Some(i),
            _ if self.a.text_len[id] == 0 => None,
            _ => return,
        };
        self.cells.push(Cell { block, row, table });
    }

    fn in_caption(&self) -> bool {
        self.open_blocks.iter().any(|&b| self.dom.name(b) == "figcaption")
    }

    /// One block from all the text under an element.
    fn whole(&mut self, id: NodeId, kind: BlockKind) {
        let p = join(self.dom, &text_ids(self.dom, id), self.source);
        if !p.text.is_empty() || matches!(kind, BlockKind::Breadcrumbs(_)) {
            self.blocks.blocks.push(Block::new(kind, p));
        }
    }

    fn flush(&mut self) {
        if self.segments.is_empty() {
            return;
        }
        let segments = std::mem::take(&mut self.segments);
        let (dom, a) = (self.dom, self.a);
        let texts: Vec<usize> = segments.iter().filter(|s| !s.credit).map(|s| s.text).collect();
        let preformatted = self.open_blocks.iter().any(|&b| dom.name(b) == "pre");
        let mut passage =
            if preformatted { join_lines(dom, &texts, self.source) } else { join(dom, &texts, self.source) };
        if passage.text.is_empty() {
            // A credit in an element of its own belongs to the caption before it.
            let credit_texts: Vec<usize> = segments.iter().filter(|s| s.credit).map(|s| s.text).collect();
            let credit = join(dom, &credit_texts, self.source).text;
            if !credit.is_empty() {
                self.credit_last_caption(credit::strip_marker(&credit).to_string());
            }
            return;
        }
        if std::mem::take(&mut self.alert_pending)
            && let Some(n) = alert_marker(&passage.text)
        {
            passage = slice(&passage, n..passage.text.len());
            if passage.text.is_empty() {
                return;
            }
        }
        let first = segments[0].node;
        let furniture = segments.iter().find_map(|s| a.furniture[s.node]);
        let in_content = self.in_content[first];
        let heading = self.open_blocks.iter().rev().find_map(|&b| heading_level(dom.name(b)));
        let caption = self.in_caption() || a.caption[first];
        let link_chars: usize = segments
            .iter()
            .filter(|s| s.link.is_some())
            .map(|s| dom.texts[s.text].text.trim().chars().count())
            .sum();
        let density = link_chars as f32 / passage.text.chars().count().max(1) as f32;
        let words = passage.text.split_whitespace().count();
        let kind = if !in_content {
            BlockKind::Boilerplate(furniture.unwrap_or(Reason::Outside))
        } else if caption && label(&passage.text).is_none() {
            let credit_texts: Vec<usize> = segments.iter().filter(|s| s.credit).map(|s| s.text).collect();
            let credit = join(dom, &credit_texts, self.source).text;
            let shown: Vec<usize> =
                segments.iter().filter(|s| !s.credit && !s.control).map(|s| s.text).collect();
            self.caption(join(dom, &shown, self.source), (!credit.is_empty()).then_some(credit));
            return;
        } else if let Some(r) = furniture.or_else(|| label(&passage.text)) {
            BlockKind::Boilerplate(r)
        } else if credit::is_credit_line(&passage.text) {
            // A credit line printed apart from its caption: the caption's credit when it
            // follows one, else set aside.
            if let Some((_, c)) = credit::split(&passage.text)
                && self.credit_last_caption(c)
            {
                return;
            }
            // In brackets it is read as a note of the text.
            if passage.text.starts_with('(') {
                BlockKind::Paragraph
            } else {
                BlockKind::Boilerplate(Reason::Copyright)
            }
        } else if let Some(r) = self.tag_line(&segments) {
            BlockKind::Boilerplate(r)
        } else if let Some(level) = heading {
            // A headline that is all link, in a list, teases another page.
            let teaser = density > 0.9 && self.open_blocks.iter().any(|&b| dom.name(b) == "li");
            if teaser { BlockKind::Boilerplate(Reason::Related) } else { BlockKind::Heading { level } }
        } else if density > 0.6 && words < 40 && !self.attribution(&passage.text) {
            BlockKind::Boilerplate(Reason::Navigation)
        } else {
            BlockKind::Paragraph
        };
        if matches!(kind, BlockKind::Boilerplate(_)) && in_content {
            self.content_boilerplate.push(self.blocks.blocks.len());
        }
        let mut block = Block::new(kind, passage);
        if block.kind == BlockKind::Paragraph {
            let mut links: Vec<NodeId> = segments.iter().filter_map(|s| s.link).collect();
            links.dedup();
            self.linkage.push((self.blocks.blocks.len(), density, links.len()));
            block.links = self.links(&segments);
            block.flow = self.flow();
            if !matches!(block.flow, document::BlockKind::Code { .. }) {
                block.styles = self.styles(&segments);
            }
            if let Some(&cell) = self.open_blocks.last().filter(|&&b| matches!(dom.name(b), "td" | "th")) {
                self.last_cell = Some((cell, self.blocks.blocks.len()));
            }
        }
        self.blocks.blocks.push(block);
    }

    /// What a body block is in the flow: code, a list item, a quote or running text.
    fn flow(&mut self) -> document::BlockKind {
        let dom = self.dom;
        if let Some(&pre) = self.open_blocks.iter().find(|&&b| dom.name(b) == "pre") {
            return document::BlockKind::Code { lang: lang(dom, pre), depth: 0 };
        }
        if let Some(item) = self.lists.item() {
            return item;
        }
        if !self.quotes.is_empty() {
            let depth = self.quotes.len().min(u8::MAX as usize) as u8;
            let alert = self.quotes.iter().flatten().next().cloned();
            return document::BlockKind::Quote { depth, alert };
        }
        document::BlockKind::Text
    }

    /// The inline styles of a block's text runs, a run of one style over several text nodes
    /// as one span.
    fn styles(&self, segments: &[Segment]) -> Vec<Style> {
        let mut out: Vec<Style> = Vec::new();
        for &(bit, style) in &STYLES {
            let mut open: Option<Style> = None;
            for s in segments.iter().filter(|s| !s.credit) {
                if s.style & bit == 0 {
                    out.extend(open.take());
                    continue;
                }
                let Some(span) = span_of(self.dom, s.text, self.source) else { continue };
                match &mut open {
                    Some(o) => o.span.end = o.span.end.max(span.end),
                    None => open = Some(Style { style, span }),
                }
            }
            out.extend(open);
        }
        out.sort_by_key(|s| (s.span.start, s.span.end));
        out
    }

    fn caption(&mut self, passage: Passage, credit: Option<String>) {
        let (passage, credit) = match credit {
            Some(c) => (passage, Some(credit::strip_marker(&c).to_string())),
            None => match credit::split(&passage.text) {
                Some((len, c)) if len > 0 => (slice(&passage, 0..len), Some(c)),
                // Only a credit ("Image Credit: WeWork"): the caption before it has it.
                Some((_, c)) if self.credit_last_caption(c.clone()) => return,
                _ => (passage, None),
            },
        };
        if passage.text.is_empty() {
            if let Some(c) = credit {
                self.credit_last_caption(c);
            }
            return;
        }
        // The same caption again, or a shortened copy ("… more"), is a duplicate; a fuller
        // copy of an earlier shortened one takes its place.
        let stem =
            |t: &str| t.trim_end_matches(|c: char| c == '.' || c == '…' || c.is_whitespace()).to_string();
        let new = stem(&passage.text);
        let mut seen = false;
        for b in &mut self.blocks.blocks {
            if !matches!(b.kind, BlockKind::Caption { .. }) {
                continue;
            }
            let old = stem(&b.passage.text);
            if old.starts_with(&new) {
                seen = true;
            } else if new.starts_with(&old) {
                b.kind = BlockKind::Boilerplate(Reason::Duplicate);
            }
        }
        let kind =
            if seen { BlockKind::Boilerplate(Reason::Duplicate) } else { BlockKind::Caption { credit } };
        self.blocks.blocks.push(Block::new(kind, passage));
    }

    /// A label and links: "Filed under: News | World", "Tags: rain, wind" (navigation), "Read
    /// more: A headline of another story" (related). One short link after a label ("Source:
    /// Engadget") is an attribution and stays.
    fn tag_line(&self, segments: &[Segment]) -> Option<Reason> {
        let dom = self.dom;
        let linked = |s: &&Segment| s.link.is_some();
        let plain: String =
            segments.iter().filter(|s| !linked(s)).map(|s| dom.texts[s.text].text.as_str()).collect();
        let (label, rest) = plain.split_once(':')?;
        let words = label.split_whitespace().count();
        if !(1..=3).contains(&words) || !rest.chars().all(|c| c.is_whitespace() || SEPARATORS.contains(&c)) {
            return None;
        }
        // Links by the element that holds them.
        let mut hrefs: Vec<NodeId> = segments.iter().filter_map(|s| s.link).collect();
        hrefs.dedup();
        let link_words: usize =
            segments.iter().filter(linked).map(|s| dom.texts[s.text].text.split_whitespace().count()).sum();
        match hrefs.len() {
            0 => None,
            1 if !rest.trim().is_empty() => Some(Reason::Navigation),
            1 if link_words >= 4 => Some(Reason::Related),
            1 => None,
            _ => Some(Reason::Navigation),
        }
    }

    /// A source named in brackets right after a paragraph ("[Engadget]", "(Tom's Guide)"), as a
    /// review round-up cites the outlet it quotes: part of the text, link or not.
    fn attribution(&self, text: &str) -> bool {
        let bracketed =
            (text.starts_with('[') && text.ends_with(']')) || (text.starts_with('(') && text.ends_with(')'));
        let after_body = self
            .blocks
            .blocks
            .iter()
            .rev()
            .find(|b| !matches!(b.kind, BlockKind::Boilerplate(_)))
            .is_some_and(|b| b.kind == BlockKind::Paragraph);
        bracketed && text.split_whitespace().count() <= 4 && after_body
    }

    /// The lines after the article's end that are mostly links to several places ("Follow us
    /// on Instagram, Facebook and YouTube", "Sources: …") go; the first line of prose met from
    /// the end stops the search.
    fn drop_trailers(&mut self) {
        for &(i, density, links) in self.linkage.iter().rev() {
            let b = &mut self.blocks.blocks[i];
            let words = b.passage.text.split_whitespace().count();
            if b.kind != BlockKind::Paragraph {
                continue;
            }
            if links < 3 || density < 0.4 || words > 60 {
                break;
            }
            b.kind = BlockKind::Boilerplate(Reason::Follow);
            self.content_boilerplate.push(i);
        }
        self.content_boilerplate.sort_unstable();
    }

    /// A short line that only introduces boilerplate of the content ("Don't miss", "Explore
    /// further", "Tags:" before the links they stand over) goes with it.
    fn drop_teaser_labels(&mut self) {
        let blocks = &mut self.blocks.blocks;
        for &i in self.content_boilerplate.iter().rev() {
            let reason = match blocks[i].kind {
                BlockKind::Boilerplate(
                    r @ (Reason::Navigation | Reason::Related | Reason::Share | Reason::Follow),
                ) => r,
                _ => continue,
            };
            let Some(prev) = i.checked_sub(1) else { continue };
            let text = &blocks[prev].passage.text;
            let short = text.split_whitespace().count() <= 5 && text.chars().count() <= 40;
            if blocks[prev].kind == BlockKind::Paragraph
                && short
                && !text.ends_with(['.', '!', '?', '"', '”'])
            {
                blocks[prev].kind = BlockKind::Boilerplate(reason);
            }
        }
    }

    /// Gives a credit printed on its own to the caption just before it (boilerplate between
    /// them aside), if that caption has none; false when there is no such caption.
    fn credit_last_caption(&mut self, credit: String) -> bool {
        let last = self.blocks.blocks.iter_mut().rev().find(|b| !matches!(b.kind, BlockKind::Boilerplate(_)));
        match last {
            Some(Block { kind: BlockKind::Caption { credit: c @ None }, .. }) if !credit.is_empty() => {
                *c = Some(credit);
                true
            }
            _ => false,
        }
    }

    fn links(&self, segments: &[Segment]) -> Vec<Link> {
        let mut links: Vec<Link> = Vec::new();
        for s in segments {
            let (Some(href), Some(span)) = (&s.href, span_of(self.dom, s.text, self.source)) else {
                continue;
            };
            match links.last_mut() {
                Some(last)
                    if &last.href == href
                        && last.span.end <= span.start
                        && span.start - last.span.end < 16 =>
                {
                    last.span.end = span.end;
                }
                _ => links.push(Link { text: String::new(), href: href.clone(), span }),
            }
        }
        links
    }

    /// A short paragraph printed twice in a row (a byline in both the desktop and the mobile
    /// markup of a page) is read once: four words or more and at most 200 bytes, so bylines,
    /// datelines and credits, not prose and not the cells of a table ("0", "0").
    fn drop_repeated_paragraphs(&mut self) {
        let mut prev: Option<usize> = None;
        for i in 0..self.blocks.blocks.len() {
            let b = &self.blocks.blocks[i];
            match b.kind {
                BlockKind::Boilerplate(_) => continue,
                BlockKind::Paragraph => {}
                _ => {
                    prev = None;
                    continue;
                }
            }
            let text = &b.passage.text;
            let short = text.len() <= 200 && text.split_whitespace().nth(3).is_some();
            if short && prev.is_some_and(|j| self.blocks.blocks[j].passage.text == *text) {
                self.blocks.blocks[i].kind = BlockKind::Boilerplate(Reason::Duplicate);
            } else {
                prev = Some(i);
            }
        }
    }

    /// A heading or paragraph that repeats the headline is a duplicate, not body.
    fn drop_repeated_title(&mut self) {
        let blocks = &mut self.blocks.blocks;
        let Some(title) =
            blocks.iter().find(|b| b.kind == BlockKind::Title).map(|b| b.passage.text.to_lowercase())
        else {
            return;
        };
        for b in blocks.iter_mut() {
            if matches!(b.kind, BlockKind::Heading { .. } | BlockKind::Paragraph)
                && b.passage.text.to_lowercase() == title
            {
                b.kind = BlockKind::Boilerplate(Reason::Duplicate);
            }
        }
    }

    /// A heading followed by nothing but boilerplate (up to the next heading of its level or
    /// above) heads a teaser list, not a section.
    fn drop_empty_sections(&mut self) {
        let blocks = &mut self.blocks.blocks;
        for i in 0..blocks.len() {
            let BlockKind::Heading { level: own } = blocks[i].kind else { continue };
            let has_body = blocks[i + 1..]
                .iter()
                .take_while(|b| !matches!(b.kind, BlockKind::Heading { level } if level <= own))
                .any(|b| matches!(b.kind, BlockKind::Paragraph | BlockKind::Heading { .. }));
            if !has_body {
                blocks[i].kind = BlockKind::Boilerplate(Reason::Related);
            }
        }
    }
}

/// Labels (whole blocks) and byline openings from `data/html_labels.txt`.
struct Labels {
    whole: HashMap<String, Reason>,
    byline: Vec<String>,
}

/// The reason a block that is only a furniture label ("Advertisement", "Share") or a short
/// author and date line ("Posted: Fri 6:45 PM") is set aside.
fn label(text: &str) -> Option<Reason> {
    static LABELS: OnceLock<Labels> = OnceLock::new();
    let labels = LABELS.get_or_init(|| {
        let mut l = Labels { whole: HashMap::new(), byline: Vec::new() };
        let lines = include_str!("../../../data/html_labels.txt").lines().filter(|l| !l.starts_with('#'));
        for (reason, text) in lines.filter_map(|l| l.split_once('\t')) {
            let text = text.trim().to_lowercase();
            if reason == "byline" {
                l.byline.push(text);
            } else if let Some(r) = Reason::named(reason) {
                l.whole.insert(text, r);
            }
        }
        l
    });
    if text.split_whitespace().count() > 15 {
        return None;
    }
    let lower = text.to_lowercase();
    if labels.byline.iter().any(|b| lower.starts_with(b.as_str())) {
        return Some(Reason::Byline);
    }
    let key = lower.trim_matches(|c: char| !c.is_alphanumeric());
    labels.whole.get(key).copied()
}

/// Longest credit an element marked as one holds, in characters: a wrapper round the
/// caption and its credit whose class mentions both is not the credit.
const CREDIT_CHARS: u32 = 100;

/// An element of a caption that holds its credit, by class or item property.
fn is_credit(dom: &Dom, a: &Analysis, id: NodeId) -> bool {
    a.text_len[id] <= CREDIT_CHARS
        && dom.element(id).is_some_and(|e| {
            let c = format!("{} {}", e.attr("class").unwrap_or(""), e.attr("itemprop").unwrap_or(""))
                .to_ascii_lowercase();
            ["credit", "copyright", "author", "source", "attribution"].iter().any(|w| c.contains(w))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_recognised_whole() {
        assert_eq!(label("ADVERTISEMENT"), Some(Reason::Advertisement));
        assert_eq!(label("Share this article:"), Some(Reason::Share));
        assert_eq!(label("Share prices fell"), None);
        assert_eq!(label("Posted: Fri 6:45 PM, Feb 16, 2018 |"), Some(Reason::Byline));
    }
}
