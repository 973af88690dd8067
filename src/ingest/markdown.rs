//! Markdown to blocks, with pulldown-cmark: headings become nested sections, the front matter
//! or a leading top-level heading gives the title, code blocks stay verbatim.
//!
//! pulldown-cmark reports the source range of every event, so each piece of text maps back to
//! the input: text that equals its source maps byte for byte, anything it decoded (entities,
//! escapes) maps as a replaced run. The joined text then goes through the sanitiser, as HTML's
//! does, so a reference such as `&#27;` cannot bring an escape character back.

use super::html::passage::{collapse, compose, keep_lines};
use super::{Block, BlockKind, Blocks, Decoded, InputError, decode};
use crate::document::{Link, Passage};
use crate::span::OffsetMap;
use pulldown_cmark::{Event, MetadataBlockKind, Options, Parser, Tag, TagEnd};
use std::ops::Range;

/// What the text being gathered belongs to.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Context {
    Paragraph,
    Heading(u8),
    Code,
}

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

struct Reader<'a> {
    src: &'a str,
    decoded_map: &'a OffsetMap,
    blocks: Blocks,
    gather: Gather,
    links: Vec<(Option<String>, Vec<Range<usize>>)>,
    pending_links: Vec<(String, Range<usize>)>,
    context: Vec<Context>,
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
        links: Vec::new(),
        pending_links: Vec::new(),
        context: Vec::new(),
        skip: 0,
    };
    let options = Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_TASKLISTS;
    let mut in_front_matter = false;
    for (event, range) in Parser::new_ext(src, options).into_offset_iter() {
        match event {
            Event::Start(Tag::MetadataBlock(MetadataBlockKind::YamlStyle)) => in_front_matter = true,
            Event::End(TagEnd::MetadataBlock(_)) => in_front_matter = false,
            Event::Text(t) if in_front_matter => r.front_matter(&t, range),
            Event::Start(tag) => r.start(tag),
            Event::End(tag) => r.end(tag),
            Event::Text(t) | Event::Code(t) if r.skip == 0 => {
                r.gather.push(src, &t, range.clone());
                if let Some((_, ranges)) = r.links.last_mut() {
                    let len = r.gather.text.len();
                    ranges.push(len - t.len()..len);
                }
            }
            Event::SoftBreak | Event::HardBreak if r.skip == 0 => {
                let piece = if r.context.last() == Some(&Context::Code) { "\n" } else { " " };
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

impl Reader<'_> {
    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Heading { level, .. } => {
                self.flush();
                self.context.push(Context::Heading(level as u8));
            }
            Tag::CodeBlock(_) => {
                self.flush();
                self.context.push(Context::Code);
            }
            Tag::Paragraph | Tag::Item | Tag::BlockQuote(_) | Tag::TableCell | Tag::FootnoteDefinition(_) => {
                self.flush();
                self.context.push(Context::Paragraph);
            }
            Tag::Link { dest_url, .. } => {
                self.links.push((href(&dest_url), Vec::new()));
            }
            Tag::Image { .. } | Tag::HtmlBlock => self.skip += 1,
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Heading(_)
            | TagEnd::CodeBlock
            | TagEnd::Paragraph
            | TagEnd::Item
            | TagEnd::BlockQuote(_)
            | TagEnd::TableCell
            | TagEnd::FootnoteDefinition => {
                self.flush();
                self.context.pop();
            }
            TagEnd::Link => {
                if let Some((Some(href), ranges)) = self.links.pop()
                    && let (Some(first), Some(last)) = (ranges.first(), ranges.last())
                {
                    self.pending_links.push((href, first.start..last.end));
                }
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

    fn flush(&mut self) {
        let g = std::mem::take(&mut self.gather);
        let links = std::mem::take(&mut self.pending_links);
        if g.text.trim().is_empty() {
            return;
        }
        let context = self.context.last().copied().unwrap_or(Context::Paragraph);
        let passage = self.passage(&g, context == Context::Code);
        if passage.text.is_empty() {
            return;
        }
        let kind = match context {
            Context::Heading(level) => BlockKind::Heading { level },
            Context::Paragraph | Context::Code => BlockKind::Paragraph,
        };
        if kind == BlockKind::Paragraph {
            for (href, range) in links {
                let span = compose(&g.map, self.decoded_map).to_input(range);
                self.blocks.links.push(Link { text: String::new(), href, span });
            }
        }
        self.blocks.blocks.push(Block::new(kind, passage));
    }
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
        assert_eq!(b.links.len(), 1);
        assert_eq!(&src[b.links[0].span.start..b.links[0].span.end], "the site");
        assert!(!b.blocks[0].passage.text.contains('\u{1b}'));
    }
}
