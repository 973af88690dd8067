//! Bytes to blocks: decoding, sanitising and structure recovery. Total: never fails on text.
//!
//! Only [`decode()`] can refuse input (binary data); everything after it turns odd text into
//! paragraphs rather than errors.

pub mod byline;
pub mod decode;
pub mod format;
pub mod html;
pub mod markdown;
pub mod passage;
pub mod sanitize;
pub mod text;

pub use decode::{Decoded, decode};
pub use sanitize::{Clean, sanitize};

use crate::document::{self, Boilerplate, Caption, Document, Link, Passage, Reason, Section, Style};
use std::fmt;

/// Why input was refused. Shown to users as one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputError {
    /// The bytes are not text (an image, an archive, an executable…).
    Binary {
        /// What gave it away.
        why: String,
    },
    /// The input is larger than the cap.
    TooLarge {
        /// The cap in bytes.
        limit: u64,
    },
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::Binary { why } => write!(f, "this looks like binary data, not text ({why})"),
            InputError::TooLarge { limit } => {
                write!(f, "input is larger than {limit} bytes (raise the cap with --max-bytes)")
            }
        }
    }
}

impl std::error::Error for InputError {}

/// What a block of the article is.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum BlockKind {
    /// Navigation crumbs before the headline, split where the text allows.
    Breadcrumbs(Vec<String>),
    /// The headline.
    Title,
    /// A photo or figure caption with its credit split off.
    Caption {
        /// "Reuters/Jane Doe", "THINK TANK PRODUCTIONS".
        credit: Option<String>,
    },
    /// A section heading at a nesting level (1 = top).
    Heading {
        /// Nesting level.
        level: u8,
    },
    /// Body text.
    #[default]
    Paragraph,
    /// Set aside, with a reason.
    Boilerplate(Reason),
}

/// One block of the article: its kind and its cleaned text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Block {
    /// What the block is.
    pub kind: BlockKind,
    /// Its text and spans.
    pub passage: Passage,
    /// For body text, what it is in the flow: running text, a list item, code…
    pub flow: document::BlockKind,
    /// Inline styles of body text.
    pub styles: Vec<Style>,
    /// Links of body text.
    pub links: Vec<Link>,
}

impl Block {
    /// A block of a kind, as running text without styles or links.
    pub fn new(kind: BlockKind, passage: Passage) -> Block {
        Block { kind, passage, ..Block::default() }
    }
}

/// The article as a sequence of classified blocks: the input of [`Blocks::into_document`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Blocks {
    /// In input order.
    pub blocks: Vec<Block>,
    /// Publisher or site name, where the text states it.
    pub source: Option<String>,
    /// Warnings from structure recovery.
    pub warnings: Vec<String>,
    /// The author or authors, where the input states them.
    pub byline: Option<String>,
    /// The publication date, ISO 8601.
    pub published: Option<String>,
    /// The input's canonical address.
    pub url: Option<String>,
}

impl Blocks {
    /// Builds the model: headings open sections, body text and captions fill them, the rest
    /// goes to title, breadcrumbs, captions and boilerplate.
    pub fn into_document(self) -> Document {
        let mut doc = Document {
            source: self.source,
            warnings: self.warnings,
            byline: self.byline,
            published: self.published,
            url: self.url,
            ..Document::default()
        };
        for block in self.blocks {
            let p = block.passage;
            let body = match block.kind {
                BlockKind::Breadcrumbs(crumbs) => {
                    doc.breadcrumbs.extend(crumbs);
                    continue;
                }
                BlockKind::Title if doc.title.is_none() => {
                    doc.title = Some(p);
                    continue;
                }
                BlockKind::Title => {
                    doc.boilerplate.push(Boilerplate { passage: p, reason: Reason::Duplicate });
                    continue;
                }
                BlockKind::Boilerplate(reason) => {
                    doc.boilerplate.push(Boilerplate { passage: p, reason });
                    continue;
                }
                BlockKind::Heading { level } => {
                    doc.sections.push(Section {
                        span: p.span,
                        heading: Some(p),
                        level: level.max(1),
                        paragraphs: Vec::new(),
                    });
                    continue;
                }
                BlockKind::Caption { credit } => {
                    doc.captions.push(Caption { passage: p.clone(), credit: credit.clone() });
                    document::Block {
                        passage: p,
                        kind: document::BlockKind::Caption { credit },
                        ..Default::default()
                    }
                }
                BlockKind::Paragraph => {
                    document::Block { passage: p, kind: block.flow, styles: block.styles, links: block.links }
                }
            };
            let mut body = body;
            // Styles and links that show no text are dropped; a link's text is what the
            // block shows of it.
            fn shown(p: &Passage, span: crate::span::Span) -> Option<&str> {
                p.to_text(span).map(|r| p.text[r].trim()).filter(|t| !t.is_empty())
            }
            body.styles.retain(|s| shown(&body.passage, s.span).is_some());
            // A style inside the same style ("*_x_*") adds nothing.
            body.styles.sort_by_key(|s| (s.span.start, std::cmp::Reverse(s.span.end), s.style));
            let mut kept: Vec<Style> = Vec::with_capacity(body.styles.len());
            for s in body.styles.drain(..) {
                if !kept
                    .iter()
                    .any(|k| k.style == s.style && k.span.start <= s.span.start && s.span.end <= k.span.end)
                {
                    kept.push(s);
                }
            }
            body.styles = kept;
            body.links.retain_mut(|l| match shown(&body.passage, l.span) {
                Some(text) => {
                    l.text = text.to_string();
                    true
                }
                None => false,
            });
            if doc.sections.is_empty() {
                doc.sections.push(Section {
                    heading: None,
                    level: 1,
                    span: body.span,
                    paragraphs: Vec::new(),
                });
            }
            if let Some(s) = doc.sections.last_mut() {
                s.span.end = s.span.end.max(body.span.end);
                s.paragraphs.push(body);
            }
        }
        doc.links =
            doc.sections.iter().flat_map(|s| &s.paragraphs).flat_map(|b| b.links.iter().cloned()).collect();
        // A book has hundreds of sections, all kept: no room for growth they won't use.
        for s in &mut doc.sections {
            s.paragraphs.shrink_to_fit();
        }
        doc.sections.shrink_to_fit();
        doc
    }
}
