//! The page's tree to blocks, in document order: headings, paragraphs, captions and list items
//! of the main content, and every other visible text as boilerplate with a reason.

use super::content::Analysis;
use super::dom::{Dom, NodeId, NodeKind};
use super::flow::{Cell, Lists, STYLES, join_tables, lang, style_bit};
use super::meta::{Meta, Title, crumbs, resolve};
use super::passage::{join, join_lines, span_of};
use crate::document::{self, Link, Passage, Reason, Style};
use crate::ingest::byline::{byline, written_date};
use crate::ingest::passage::slice;
use crate::ingest::{Block, BlockKind, Blocks};
use crate::span::OffsetMap;
use std::collections::HashMap;
use std::sync::OnceLock;

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

/// Markers that start a photo credit at the end of a caption.
const CREDIT_MARKERS: &[&str] = &[
    "Photograph:",
    "Photo:",
    "Photos:",
    "Credit:",
    "Image:",
    "Picture:",
    "Photo by ",
    "Photograph by ",
    "©",
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
    };
    w.walk();
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
                        let style = STYLES
                            .iter()
                            .zip(styled)
                            .filter(|(_, n)| *n > 0)
                            .fold(0, |bits, ((bit, _), _)| bits | bit);
                        self.segments.push(Segment { node: id, text: t, href, credit, control, style });
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
                    if let Some(i) = STYLES.iter().position(|(bit, _)| *bit == style_bit(name)) {
                        styled[i] += 1;
                    }
                    if name == "a" {
                        let href = dom.element(id).and_then(|e| e.attr("href"));
                        controls += usize::from(href.is_none());
                        links.push(href.and_then(|h| resolve(h, self.meta.base.as_deref())));
                    }
                    if self.in_caption() && is_credit(dom, id) {
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
                    if let Some(i) = STYLES.iter().position(|(bit, _)| *bit == style_bit(name)) {
                        styled[i] = styled[i].saturating_sub(1);
                    }
                    if matches!(name, "td" | "th") {
                        self.cell(id);
                    }
                    if name == "a" {
                        links.pop();
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
        let passage =
            if preformatted { join_lines(dom, &texts, self.source) } else { join(dom, &texts, self.source) };
        if passage.text.is_empty() {
            return;
        }
        let first = segments[0].node;
        let furniture = segments.iter().find_map(|s| a.furniture[s.node]);
        let in_content = self.in_content[first];
        let heading = self.open_blocks.iter().rev().find_map(|&b| heading_level(dom.name(b)));
        let caption = self.in_caption() || a.caption[first];
        let link_chars: usize = segments
            .iter()
            .filter(|s| s.href.is_some() || a.link_len[s.node] > 0)
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
        } else if words <= 12 && CREDIT_MARKERS.iter().any(|m| passage.text.starts_with(m)) {
            // A credit line printed apart from its caption.
            BlockKind::Boilerplate(Reason::Copyright)
        } else if let Some(level) = heading {
            BlockKind::Heading { level }
        } else if density > 0.6 && words < 40 {
            BlockKind::Boilerplate(Reason::Navigation)
        } else {
            BlockKind::Paragraph
        };
        let mut block = Block::new(kind, passage);
        if block.kind == BlockKind::Paragraph {
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
        let quotes = self.open_blocks.iter().filter(|&&b| dom.name(b) == "blockquote").count();
        if quotes > 0 {
            return document::BlockKind::Quote { depth: quotes.min(u8::MAX as usize) as u8, alert: None };
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
            Some(c) => {
                let marker = CREDIT_MARKERS.iter().find(|m| c.starts_with(*m));
                let c = marker.map_or(c.as_str(), |m| &c[m.len()..]).trim().to_string();
                (passage, Some(c))
            }
            None => split_credit(passage),
        };
        if passage.text.is_empty() {
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

fn is_credit(dom: &Dom, id: NodeId) -> bool {
    dom.element(id).is_some_and(|e| {
        let c = format!("{} {}", e.attr("class").unwrap_or(""), e.attr("itemprop").unwrap_or(""))
            .to_ascii_lowercase();
        c.contains("credit") || c.contains("copyright") || c.contains("author") || c.contains("source")
    })
}

/// Splits "Caption text. Photo: Jane Doe" into the caption and the credit.
fn split_credit(p: Passage) -> (Passage, Option<String>) {
    for m in CREDIT_MARKERS {
        let Some(i) = p.text.rfind(m) else { continue };
        let credit = p.text[i + m.len()..].trim().trim_end_matches(')').trim().to_string();
        let head = p.text[..i].trim_end().trim_end_matches(['(', '/', '|', '-']).trim_end();
        if credit.is_empty() {
            continue;
        }
        if head.is_empty() {
            return (p, None);
        }
        let caption = slice(&p, 0..head.len());
        return (caption, Some(credit));
    }
    (p, None)
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

    #[test]
    fn credits_split_off_captions() {
        let (c, credit) =
            split_credit(Passage::verbatim("Crowds in the square. (Photo: Jane Doe/Agency)", 0));
        assert_eq!(c.text, "Crowds in the square.");
        assert_eq!(credit.as_deref(), Some("Jane Doe/Agency"));
        let (c, credit) = split_credit(Passage::verbatim("No credit here", 0));
        assert_eq!((c.text.as_str(), credit), ("No credit here", None));
    }
}
