//! Markdown to blocks, with pulldown-cmark: headings become nested sections, the front matter
//! or a leading top-level heading gives the title; list items, code blocks (verbatim, with
//! their language), quotes (with GitHub's alert kinds), tables, emphasis and links become the
//! flow's blocks, styles and links.
//!
//! pulldown-cmark reports the source range of every event, so each piece of text maps back to
//! the input: text that equals its source maps byte for byte, anything it decoded (entities,
//! escapes) maps as a replaced run. The joined text then goes through the sanitiser, as HTML's
//! does, so a reference such as `&#27;` cannot bring an escape character back.

use super::byline::iso_date;
use super::passage::{collapse, compose, join_cells, keep_lines};
use super::{Block, BlockKind, Blocks, Decoded, InputError, decode};
use crate::document::{self, Link, Passage, Style, StyleKind};
use crate::span::OffsetMap;
use pulldown_cmark::{BlockQuoteKind, CodeBlockKind, Event, MetadataBlockKind, Options, Parser, Tag, TagEnd};
use std::ops::Range;

/// Text gathered for one block, mapped to the decoded input.
#[derive(Debug, Default)]
struct Gather {
    text: String,
    map: OffsetMap,
}

impl Gather {
    /// Appends `piece`, read from `src[range]`.
    fn push(&mut self, src: &str, piece: &str, range: Range<usize>) {
        let at = self.text.len();
        if src.get(range.clone()) == Some(piece) {
            self.map.push_exact(at, range.start, piece.len());
        } else if let Some(i) =
            src.get(range.clone()).filter(|s| s.starts_with('`')).and_then(|s| s.find(piece))
        {
            // A code span: the text inside its backticks.
            self.map.push_exact(at, range.start + i, piece.len());
        } else {
            self.map.push_replaced(at, piece.len(), range.start, range.len());
        }
        self.text.push_str(piece);
    }
}

/// A table being read: its finished rows, the row being read, and the styles and links of
/// its cells as input spans.
#[derive(Debug, Default)]
struct Table {
    rows: Vec<Vec<Passage>>,
    row: Vec<Passage>,
    styles: Vec<Style>,
    links: Vec<Link>,
}

/// An open list item: its marker, its depth, and whether a block has taken the marker yet.
#[derive(Debug)]
struct Item {
    marker: String,
    depth: u8,
    used: bool,
}

struct Reader<'a> {
    src: &'a str,
    decoded_map: &'a OffsetMap,
    blocks: Blocks,
    gather: Gather,
    /// Open emphasis and strong: their style and where they start in the gathered text.
    open_styles: Vec<(StyleKind, usize)>,
    styles: Vec<(StyleKind, Range<usize>)>,
    /// Open links: the target (when followable) and where the text starts.
    open_links: Vec<(Option<String>, usize)>,
    links: Vec<(String, Range<usize>)>,
    heading: Option<u8>,
    /// Inside a code block, with its language.
    code: Option<Option<String>>,
    /// Open lists: the next number of a numbered one.
    lists: Vec<Option<u64>>,
    items: Vec<Item>,
    /// Open quotes, with their alert kind.
    quotes: Vec<Option<String>>,
    table: Option<Table>,
    /// The image being read: its alt text and its title.
    image: Option<(Gather, Option<String>)>,
    /// An image that stands alone so far in its paragraph: a figure, its alt text the caption.
    figure: Option<(Gather, Option<String>)>,
    skip: usize,
}

/// Reads a Markdown document into blocks.
pub fn parse(bytes: &[u8]) -> Result<Blocks, InputError> {
    let decoded = decode(bytes)?;
    let src = decoded.text.as_str();
    let mut r = Reader {
        src,
        decoded_map: &decoded.map,
        blocks: Blocks::default(),
        gather: Gather::default(),
        open_styles: Vec::new(),
        styles: Vec::new(),
        open_links: Vec::new(),
        links: Vec::new(),
        heading: None,
        code: None,
        lists: Vec::new(),
        items: Vec::new(),
        quotes: Vec::new(),
        table: None,
        image: None,
        figure: None,
        skip: 0,
    };
    let options = Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_GFM;
    let mut in_front_matter = false;
    for (event, range) in Parser::new_ext(src, options).into_offset_iter() {
        match event {
            Event::Start(Tag::MetadataBlock(MetadataBlockKind::YamlStyle)) => in_front_matter = true,
            Event::End(TagEnd::MetadataBlock(_)) => in_front_matter = false,
            Event::Text(t) if in_front_matter => r.front_matter(&t, range),
            Event::Start(tag) => r.start(tag),
            Event::End(tag) => r.end(tag),
            Event::Text(t) if r.skip == 0 => match &mut r.image {
                Some((alt, _)) => alt.push(src, &t, range),
                None => r.gather.push(src, &t, range),
            },
            Event::Code(t) if r.skip == 0 => {
                let at = r.gather.text.len();
                r.gather.push(src, &t, range);
                r.styles.push((StyleKind::Code, at..r.gather.text.len()));
            }
            Event::SoftBreak | Event::HardBreak if r.skip == 0 => {
                let piece = if r.code.is_some() { "\n" } else { " " };
                r.gather.push(src, piece, range);
            }
            _ => {}
        }
    }
    r.flush();
    let mut blocks = r.blocks;
    title_and_levels(&mut blocks);
    blocks.warnings.splice(0..0, decoded.warnings);
    Ok(blocks)
}

/// The name of a GitHub alert kind, as its marker writes it ("[!Important]").
fn alert_name(kind: BlockQuoteKind) -> &'static str {
    match kind {
        BlockQuoteKind::Note => "Note",
        BlockQuoteKind::Tip => "Tip",
        BlockQuoteKind::Important => "Important",
        BlockQuoteKind::Warning => "Warning",
        BlockQuoteKind::Caution => "Caution",
    }
}

impl Reader<'_> {
    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Heading { level, .. } => {
                self.flush();
                self.heading = Some(level as u8);
            }
            Tag::CodeBlock(kind) => {
                self.flush();
                let lang = match kind {
                    CodeBlockKind::Fenced(info) => info.split_whitespace().next().map(str::to_string),
                    CodeBlockKind::Indented => None,
                };
                self.code = Some(lang);
            }
            Tag::List(start) => {
                self.flush();
                self.lists.push(start);
            }
            Tag::Item => {
                self.flush();
                let marker = match self.lists.last_mut() {
                    Some(Some(n)) => {
                        *n += 1;
                        format!("{}.", *n - 1)
                    }
                    _ => "•".to_string(),
                };
                let depth = self.lists.len().clamp(1, u8::MAX as usize) as u8;
                self.items.push(Item { marker, depth, used: false });
            }
            Tag::BlockQuote(kind) => {
                self.flush();
                self.quotes.push(kind.map(|k| alert_name(k).to_string()));
            }
            Tag::Table(_) => {
                self.flush();
                self.table = Some(Table::default());
            }
            Tag::Paragraph | Tag::TableCell | Tag::FootnoteDefinition(_) => self.flush(),
            Tag::Emphasis => self.open_styles.push((StyleKind::Em, self.gather.text.len())),
            Tag::Strong => self.open_styles.push((StyleKind::Strong, self.gather.text.len())),
            Tag::Link { dest_url, .. } => self.open_links.push((href(&dest_url), self.gather.text.len())),
            Tag::Image { title, .. } if self.image.is_none() && self.skip == 0 => {
                let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
                self.image = Some((Gather::default(), (!title.is_empty()).then_some(title)));
            }
            Tag::Image { .. } | Tag::HtmlBlock => self.skip += 1,
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        let at = self.gather.text.len();
        match tag {
            TagEnd::Heading(_) => {
                self.flush();
                self.heading = None;
            }
            TagEnd::CodeBlock => {
                self.flush();
                self.code = None;
            }
            TagEnd::List(_) => {
                self.flush();
                self.lists.pop();
            }
            TagEnd::Item => {
                self.flush();
                self.items.pop();
            }
            TagEnd::BlockQuote(_) => {
                self.flush();
                self.quotes.pop();
            }
            TagEnd::TableCell => self.cell(),
            TagEnd::TableHead | TagEnd::TableRow => {
                if let Some(t) = &mut self.table {
                    let row = std::mem::take(&mut t.row);
                    t.rows.push(row);
                }
            }
            TagEnd::Table => self.end_table(),
            TagEnd::Paragraph | TagEnd::FootnoteDefinition => self.flush(),
            TagEnd::Emphasis | TagEnd::Strong => {
                if let Some((style, start)) = self.open_styles.pop()
                    && start < at
                {
                    self.styles.push((style, start..at));
                }
            }
            TagEnd::Link => {
                if let Some((Some(href), start)) = self.open_links.pop()
                    && start < at
                {
                    self.links.push((href, start..at));
                }
            }
            TagEnd::Image if self.skip == 0 => {
                let image = self.image.take();
                self.figure = image.filter(|_| self.gather.text.trim().is_empty() && self.figure.is_none());
            }
            TagEnd::Image | TagEnd::HtmlBlock => self.skip = self.skip.saturating_sub(1),
            _ => {}
        }
    }

    /// `title: …` in the front matter becomes the title.
    fn front_matter(&mut self, text: &str, range: Range<usize>) {
        let base = range.start + self.src.get(range.clone()).and_then(|s| s.find(text)).unwrap_or(0);
        let mut offset = 0;
        for line in text.split_inclusive('\n') {
            let start = offset;
            offset += line.len();
            for (key, field) in [
                ("author:", &mut self.blocks.byline),
                ("date:", &mut self.blocks.published),
                ("url:", &mut self.blocks.url),
            ] {
                if let Some(v) = line.strip_prefix(key).map(unquote).filter(|v| !v.is_empty()) {
                    *field = Some(v);
                }
            }
            self.blocks.published = self.blocks.published.take().and_then(|d| iso_date(&d));
            let Some(value) = line.strip_prefix("title:") else { continue };
            let value_start = start + 6 + (value.len() - value.trim_start().len());
            let v = value.trim();
            let v = v
                .strip_prefix(['"', '\''])
                .and_then(|v| v.strip_suffix(['"', '\'']))
                .map_or(v, |inner| inner);
            let quote = usize::from(v.len() != value.trim().len());
            let mut g = Gather::default();
            g.push(self.src, v, base + value_start + quote..base + value_start + quote + v.len());
            let passage = self.passage(&g, false);
            if !passage.text.is_empty() {
                self.blocks.blocks.push(Block::new(BlockKind::Title, passage));
            }
        }
    }

    fn passage(&self, g: &Gather, verbatim: bool) -> Passage {
        let d =
            Decoded { text: g.text.clone(), map: compose(&g.map, self.decoded_map), warnings: Vec::new() };
        if verbatim { keep_lines(&d) } else { collapse(&d) }
    }

    /// The gathered text as a passage, with its styles and links as input spans.
    fn take(&mut self) -> Option<(Passage, Vec<Style>, Vec<Link>)> {
        let g = std::mem::take(&mut self.gather);
        let styles = std::mem::take(&mut self.styles);
        let links = std::mem::take(&mut self.links);
        if g.text.trim().is_empty() {
            return None;
        }
        let passage = self.passage(&g, self.code.is_some());
        if passage.text.is_empty() {
            return None;
        }
        let map = compose(&g.map, self.decoded_map);
        let styles = styles.into_iter().map(|(style, r)| Style { style, span: map.to_input(r) }).collect();
        let links = links
            .into_iter()
            .map(|(href, r)| Link { text: String::new(), href, span: map.to_input(r) })
            .collect();
        Some((passage, styles, links))
    }

    /// The block's kind in the flow, from the innermost container: code (as deep as the
    /// item it is in), list item, quote.
    fn flow(&mut self) -> document::BlockKind {
        if let Some(lang) = &self.code {
            let depth = self.items.last().map_or(0, |i| i.depth);
            return document::BlockKind::Code { lang: lang.clone(), depth };
        }
        if let Some(item) = self.items.last_mut() {
            // A further paragraph of the item continues it without a marker.
            let marker = if item.used { String::new() } else { item.marker.clone() };
            item.used = true;
            return document::BlockKind::Item { marker, depth: item.depth };
        }
        if !self.quotes.is_empty() {
            let depth = self.quotes.len().min(u8::MAX as usize) as u8;
            let alert = self.quotes.iter().flatten().next().cloned();
            return document::BlockKind::Quote { depth, alert };
        }
        document::BlockKind::Text
    }

    fn flush(&mut self) {
        if self.table.is_some() {
            // Text between a table's cells belongs to no cell.
            self.gather = Gather::default();
            return;
        }
        // A paragraph that is one image and nothing else is a figure: its alt text the
        // caption, its title the credit.
        if let Some((alt, credit)) = self.figure.take()
            && self.gather.text.trim().is_empty()
        {
            let passage = self.passage(&alt, false);
            if !passage.text.is_empty() {
                self.blocks.blocks.push(Block::new(BlockKind::Caption { credit }, passage));
            }
        }
        let Some((passage, styles, links)) = self.take() else { return };
        let block = match self.heading {
            Some(level) => Block::new(BlockKind::Heading { level }, passage),
            None => Block { kind: BlockKind::Paragraph, passage, flow: self.flow(), styles, links },
        };
        self.blocks.blocks.push(block);
    }

    /// A table cell ends: its text becomes a cell of the row.
    fn cell(&mut self) {
        let taken = self.take();
        let Some(t) = &mut self.table else { return };
        let (passage, styles, links) = taken.unwrap_or_default();
        t.row.push(passage);
        t.styles.extend(styles);
        t.links.extend(links);
    }

    fn end_table(&mut self) {
        let Some(t) = self.table.take() else { return };
        if t.rows.iter().flatten().all(|c| c.text.is_empty()) {
            return;
        }
        let (passage, rows) = join_cells(t.rows);
        let flow = document::BlockKind::Table { rows };
        self.blocks.blocks.push(Block {
            kind: BlockKind::Paragraph,
            passage,
            flow,
            styles: t.styles,
            links: t.links,
        });
    }
}

/// A front-matter value without its quotes, escapes read, whitespace collapsed.
fn unquote(v: &str) -> String {
    let v = v.trim();
    let inner = v.strip_prefix('"').and_then(|v| v.strip_suffix('"'));
    let v = match inner {
        Some(inner) => inner.replace("\\\"", "\"").replace("\\\\", "\\"),
        None => v.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')).unwrap_or(v).to_string(),
    };
    v.chars().filter(|c| !c.is_control()).collect::<String>().split_whitespace().collect::<Vec<_>>().join(" ")
}

/// An http, https or mailto target, without control characters or whitespace.
fn href(url: &str) -> Option<String> {
    let url: String = url.chars().filter(|c| !c.is_control() && !c.is_whitespace()).collect();
    let lower = url.to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("mailto:"))
        .then_some(url)
}

/// Without a front-matter title, a leading top-level heading is the title; heading levels are
/// then counted from the highest level left, so `##` sections of a `#`-titled file are level 1.
fn title_and_levels(blocks: &mut Blocks) {
    let has_title = blocks.blocks.iter().any(|b| b.kind == BlockKind::Title);
    let h1 = BlockKind::Heading { level: 1 };
    let lone_h1_first = blocks.blocks.first().is_some_and(|b| b.kind == h1)
        && !blocks.blocks.iter().skip(1).any(|b| b.kind == h1);
    if !has_title
        && lone_h1_first
        && let Some(first) = blocks.blocks.first_mut()
    {
        first.kind = BlockKind::Title;
    }
    let top = blocks
        .blocks
        .iter()
        .filter_map(|b| match b.kind {
            BlockKind::Heading { level } => Some(level),
            _ => None,
        })
        .min()
        .unwrap_or(1);
    for b in &mut blocks.blocks {
        if let BlockKind::Heading { level } = &mut b.kind {
            *level = *level - top + 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(src: &str) -> Vec<(BlockKind, String)> {
        parse(src.as_bytes())
            .map(|b| b.blocks.into_iter().map(|b| (b.kind, b.passage.text)).collect())
            .unwrap_or_default()
    }

    #[test]
    fn headings_nest_and_the_first_h1_is_the_title() {
        let k = kinds("# Title\n\nLead.\n\n## One\n\nText *here*.\n\n### Deeper\n\nMore.\n");
        assert_eq!(k[0], (BlockKind::Title, "Title".to_string()));
        assert_eq!(k[2], (BlockKind::Heading { level: 1 }, "One".to_string()));
        assert_eq!(k[3], (BlockKind::Paragraph, "Text here.".to_string()));
        assert_eq!(k[4], (BlockKind::Heading { level: 2 }, "Deeper".to_string()));
    }

    #[test]
    fn front_matter_title_and_verbatim_code() {
        let src =
            "---\ntitle: \"Notes\"\n---\n\nSome `code` &amp; text.\n\n```\nfn main() {\n    x\n}\n```\n";
        let b = parse(src.as_bytes()).unwrap_or_default();
        assert_eq!(b.blocks[0].kind, BlockKind::Title);
        let t = &b.blocks[0].passage;
        assert_eq!(&src[t.span.start..t.span.end], "Notes");
        assert_eq!(b.blocks[1].passage.text, "Some code & text.");
        let amp = b.blocks[1].passage.text.find('&').unwrap_or(0);
        let s = b.blocks[1].passage.to_input(amp..amp + 1);
        assert_eq!(&src[s.start..s.end], "&amp;");
        assert_eq!(b.blocks[2].passage.text, "fn main() {\n    x\n}");
    }

    #[test]
    fn links_are_kept_and_escapes_are_not() {
        let src = "See [the site](https://example.org) and [bad](javascript:x) &#27;[31mred.\n";
        let b = parse(src.as_bytes()).unwrap_or_default();
        let links = &b.blocks[0].links;
        assert_eq!(links.len(), 1);
        assert_eq!(&src[links[0].span.start..links[0].span.end], "the site");
        assert!(!b.blocks[0].passage.text.contains('\u{1b}'));
    }

    fn flows(src: &str) -> Vec<(document::BlockKind, String)> {
        parse(src.as_bytes())
            .map(|b| b.blocks.into_iter().map(|b| (b.flow, b.passage.text)).collect())
            .unwrap_or_default()
    }

    fn item(marker: &str, depth: u8) -> document::BlockKind {
        document::BlockKind::Item { marker: marker.to_string(), depth }
    }

    #[test]
    fn lists_nest_and_count_from_their_start() {
        let f = flows("- one\n- two\n  1. inner\n  2. next\n\n3. three\n4. four\n");
        let want =
            [("•", 1, "one"), ("•", 1, "two"), ("1.", 2, "inner"), ("2.", 2, "next"), ("3.", 1, "three")];
        for (i, (m, d, t)) in want.iter().enumerate() {
            assert_eq!(f[i], (item(m, *d), t.to_string()));
        }
    }

    #[test]
    fn code_in_a_list_item_is_as_deep_as_the_item() {
        let f = flows(
            "1. Build it:\n\n   ```sh\n   make\n   ```\n2. Then:\n   - nested\n\n         indented\n\n```\nout\n```\n",
        );
        let code =
            |lang: Option<&str>, depth| document::BlockKind::Code { lang: lang.map(str::to_string), depth };
        assert_eq!(f[1], (code(Some("sh"), 1), "make".to_string()));
        assert_eq!(f[4], (code(None, 2), "indented".to_string()));
        assert_eq!(f[5], (code(None, 0), "out".to_string()));
    }

    #[test]
    fn code_quotes_alerts_and_tables() {
        let src = "```rust\nfn main() {}\n```\n\n> Said **once**.\n\n> [!IMPORTANT]\n> Read this.\n\n\
                   | a | b |\n|---|---|\n| 1 | `x` |\n";
        let b = parse(src.as_bytes()).unwrap_or_default();
        let kinds: Vec<_> = b.blocks.iter().map(|b| b.flow.clone()).collect();
        assert_eq!(kinds[0], document::BlockKind::Code { lang: Some("rust".into()), depth: 0 });
        assert_eq!(kinds[1], document::BlockKind::Quote { depth: 1, alert: None });
        assert_eq!(kinds[2], document::BlockKind::Quote { depth: 1, alert: Some("Important".into()) });
        assert_eq!(b.blocks[2].passage.text, "Read this.");
        let table = &b.blocks[3];
        assert_eq!(table.passage.text, "a | b\n1 | x");
        let document::BlockKind::Table { rows } = &table.flow else { panic!("not a table") };
        assert_eq!(rows.len(), 2);
        assert_eq!(&table.passage.text[rows[1][1].clone()], "x");
        let strong = b.blocks[1].styles[0];
        assert_eq!((strong.style, &src[strong.span.start..strong.span.end]), (StyleKind::Strong, "once"));
        let code = table.styles[0];
        assert_eq!((code.style, &src[code.span.start..code.span.end]), (StyleKind::Code, "x"));
    }
}
