//! Bytes to a [`Document`]: one entry, [`parse`], for every format.
//!
//! The flow, one direction, each stage freed once the next is built:
//!
//! 1. the [`Format`] (chosen once, in [`format`]: the server's media type, the file's
//!    extension, then the content, unless the user names one);
//! 2. bytes → text: [`decode()`] (BOM, UTF-16, invalid bytes, binary refusal); an HTML page
//!    decodes by its own charset rules ([`html::charset`]);
//! 3. text → [`Blocks`], by the format's reader: plain text is first [`sanitize()`]d and then
//!    read by [`text::parse`]; [`html::parse_with`] and [`markdown::parse`] read the decoded
//!    text themselves and send each block's text through the same sanitiser;
//! 4. [`Blocks::into_document`] → the [`Document`]: headings open sections, body text fills
//!    them, the rest goes to title, breadcrumbs, captions and boilerplate.
//!
//! Every span stays a byte range of the input bytes throughout. Only decoding can refuse
//! input (binary data, see [`InputError`]); everything after it turns odd text into
//! paragraphs rather than errors.

pub mod byline;
pub mod credit;
pub mod decode;
pub mod format;
pub mod html;
pub mod markdown;
pub mod passage;
pub mod sanitize;
pub mod text;

pub use decode::{Decoded, decode};
pub use format::Format;
pub use sanitize::{Clean, sanitize};

use crate::document::{self, Boilerplate, Caption, Document, Link, Passage, Reason, Section, Style};
use std::borrow::Cow;
use std::fmt;

/// Reads input bytes in `format` into a [`Document`] without entities: the one entry to
/// ingest for every format. Fails only on input that is not text (or over a cap).
///
/// ```
/// use folio::ingest::{Format, parse};
/// let page = b"<title>Quay Library | Courier</title><p>It opened on the quay &amp; at noon.</p>";
/// let doc = parse(page, Format::Html).unwrap();
/// assert_eq!(doc.title.as_ref().map(|t| t.text.as_str()), Some("Quay Library"));
/// let p = &doc.sections[0].paragraphs[0];
/// assert_eq!(p.text, "It opened on the quay & at noon.");
/// assert_eq!(&page[p.span.start..p.span.end], b"It opened on the quay &amp; at noon.");
/// ```
pub fn parse(bytes: &[u8], format: Format) -> Result<Document, InputError> {
    parse_with(Cow::Borrowed(bytes), format, html::Hints::default())
}

/// [`parse`] with what is known of the input beyond its bytes: input it owns is freed as
/// soon as it is decoded (which lowers the peak memory of a big book), and a page's server
/// said its charset and address ([`html::Hints`]). The document's `url` is the page's
/// canonical address, or else the one it came from.
pub fn parse_with(input: Cow<'_, [u8]>, format: Format, hints: html::Hints) -> Result<Document, InputError> {
    let mut doc = match format {
        Format::Text => {
            let decoded = decode(&input)?;
            drop(input);
            text_document(decoded)
        }
        Format::Html => html::parse_with(&input, hints)?.into_document(),
        Format::Markdown => markdown::parse(&input)?.into_document(),
    };
    doc.url = doc.url.or(hints.url.map(str::to_string));
    Ok(said_if_empty(doc))
}

/// [`parse`] on plain text that starts `at` bytes into a larger input (the end of a long
/// book, read ahead of the rest): its spans are spans of the whole input.
pub fn parse_text_at(bytes: &[u8], at: usize) -> Result<Document, InputError> {
    let mut decoded = decode(bytes)?;
    let map = std::mem::take(&mut decoded.map);
    for r in map.runs() {
        if r.is_exact() {
            decoded.map.push_exact(r.text(), r.input() + at, r.text_len());
        } else {
            decoded.map.push_replaced(r.text(), r.text_len(), r.input() + at, r.input_len());
        }
    }
    Ok(said_if_empty(text_document(decoded)))
}

/// Says so when a document came out empty.
fn said_if_empty(mut doc: Document) -> Document {
    if doc.passages().next().is_none() {
        doc.warnings.push("the input holds no text".to_string());
    }
    doc
}

/// Plain text from decoded to a document, freeing each stage once the next is built, so the
/// decoded text, the sanitised text and the blocks are never all alive at once.
fn text_document(decoded: Decoded) -> Document {
    let clean = sanitize(&decoded);
    let mut warnings = decoded.warnings;
    drop((decoded.text, decoded.map));
    let blocks = text::parse(&clean);
    warnings.extend(clean.warnings);
    drop((clean.text, clean.map));
    let mut doc = blocks.into_document();
    warnings.append(&mut doc.warnings);
    doc.warnings = warnings;
    doc
}

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
