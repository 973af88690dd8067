//! The document model: what folio recovered from an article, every span a byte range of the input.
//!
//! The model holds no view state. It is built once from [`crate::ingest::Blocks`] and read
//! by the exporters, the extraction and the reader.

use crate::span::{OffsetMap, Span};
use serde::{Serialize, Serializer};
use std::ops::Range;

/// A piece of cleaned text shown to the reader, with its way back to the input bytes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Passage {
    /// Cleaned text: lines joined with single spaces, controls removed.
    pub text: String,
    /// Where the passage lies in the input.
    pub span: Span,
    /// From offsets of `text` to offsets of the input.
    pub map: OffsetMap,
}

impl Passage {
    /// A passage whose text is a verbatim copy of input bytes starting at `input`.
    pub fn verbatim(text: &str, input: usize) -> Self {
        Passage {
            text: text.to_string(),
            span: Span::new(input, input + text.len()),
            map: OffsetMap::exact(0, input, text.len()),
        }
    }

    /// The input span of a byte range of `text`.
    pub fn to_input(&self, range: Range<usize>) -> Span {
        self.map.to_input(range)
    }

    /// The byte range of `text` that an input span covers, if it falls inside this passage.
    pub fn to_text(&self, span: Span) -> Option<Range<usize>> {
        if !self.span.overlaps(span) {
            return None;
        }
        let range = self.map.to_text(span)?;
        // Exact runs keep character boundaries; clamp defensively for replaced ones.
        let fix = |mut i: usize| {
            i = i.min(self.text.len());
            while !self.text.is_char_boundary(i) {
                i -= 1;
            }
            i
        };
        let (start, end) = (fix(range.start), fix(range.end));
        (end > start).then_some(start..end)
    }
}

impl Serialize for Passage {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Out<'a> {
            text: &'a str,
            start: usize,
            end: usize,
        }
        Out { text: &self.text, start: self.span.start, end: self.span.end }.serialize(s)
    }
}

/// A photo or figure caption, printed once, with its credit split off.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Caption {
    /// The caption text without the credit.
    #[serde(flatten)]
    pub passage: Passage,
    /// "THINK TANK PRODUCTIONS" from "…, Photo THINK TANK PRODUCTIONS".
    pub credit: Option<String>,
}

/// A section: an optional heading and the paragraphs up to the next heading.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Section {
    /// The heading; the lead section before the first heading has none.
    #[serde(serialize_with = "heading_text")]
    pub heading: Option<Passage>,
    /// Nesting depth: 1 for top-level sections, 2 for a chapter inside a book, and so on.
    pub level: u8,
    /// From the heading (or first paragraph) to the end of the last paragraph.
    #[serde(flatten)]
    pub span: Span,
    /// The body, in order.
    pub paragraphs: Vec<Passage>,
}

fn heading_text<S: Serializer>(h: &Option<Passage>, s: S) -> Result<S::Ok, S::Error> {
    h.as_ref().map(|p| p.text.as_str()).serialize(s)
}

/// Why a block was set aside as boilerplate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// Cookie or privacy notice.
    Cookie,
    /// Share bar ("Share on Facebook").
    Share,
    /// "Related articles", "Read more".
    Related,
    /// Newsletter or subscription prompt.
    Subscribe,
    /// "Follow us" row.
    Follow,
    /// Copyright or all-rights-reserved line.
    Copyright,
    /// Adblock notice.
    Adblock,
    /// Navigation links or menus.
    Navigation,
    /// Advertisement marker.
    Advertisement,
    /// Comment section prompt.
    Comments,
    /// A caption or headline printed a second time.
    Duplicate,
    /// Licence text, headers and trailers of an electronic edition.
    Licence,
    /// A table of contents (the sections list replaces it).
    Contents,
    /// An author, date or reading-time line.
    Byline,
    /// Page furniture outside the article's main content (menus, sidebars, teasers).
    Outside,
}

/// A link inside the body: where its text lies in the input and where it points.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Link {
    /// The target: an http, https or mailto URL, without control characters.
    pub href: String,
    /// The input span of the link text.
    #[serde(flatten)]
    pub span: Span,
}

/// A block removed from the sections, kept so nothing is silently lost.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Boilerplate {
    /// The removed text.
    #[serde(flatten)]
    pub passage: Passage,
    /// Why it was removed.
    pub reason: Reason,
}

/// What an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    /// A named individual, or one referred to by role.
    Person,
    /// A country, region, city, feature or facility.
    Place,
    /// A named or salient happening.
    Event,
}

/// A person, place or event the article talks about, with every mention.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entity {
    /// Person, place or event.
    pub kind: EntityKind,
    /// Display name: the fullest proper form.
    pub name: String,
    /// Input spans, sorted and non-overlapping.
    pub mentions: Vec<Span>,
    /// Other forms the text uses ("Trump", "President Trump").
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// How central the entity is to the article; higher first.
    pub salience: f32,
    /// For a person named only by role, the role phrase.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// For an event, the date or time expression the text gives.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// For an event, where it happens.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
}

/// An article as folio understands it.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Document {
    /// The headline.
    #[serde(serialize_with = "heading_text")]
    pub title: Option<Passage>,
    /// Publisher or site name, where the text states it.
    pub source: Option<String>,
    /// Navigation crumbs printed before the headline.
    pub breadcrumbs: Vec<String>,
    /// Each distinct caption once.
    pub captions: Vec<Caption>,
    /// The body, in reading order.
    pub sections: Vec<Section>,
    /// Blocks set aside, with reasons.
    pub boilerplate: Vec<Boilerplate>,
    /// People, places and events.
    pub entities: Vec<Entity>,
    /// Things the reader should know about the input ("invalid UTF-8 replaced at byte 12").
    pub warnings: Vec<String>,
    /// Links of the body's paragraphs, in input order; a paragraph's links are those whose
    /// span lies inside its span. Plain text has none, and then the field is left out.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
}

impl Document {
    /// Every passage shown to the reader, in reading order: title, captions, then each
    /// section's heading and paragraphs.
    pub fn passages(&self) -> impl Iterator<Item = &Passage> {
        self.title
            .iter()
            .chain(self.captions.iter().map(|c| &c.passage))
            .chain(self.sections.iter().flat_map(|s| s.heading.iter().chain(s.paragraphs.iter())))
    }

    /// The links inside a passage's span.
    pub fn links_in<'a>(&'a self, p: &'a Passage) -> impl Iterator<Item = &'a Link> {
        self.links.iter().filter(move |l| p.span.start <= l.span.start && l.span.end <= p.span.end)
    }

    /// Number of words in the body, for reading statistics.
    pub fn word_count(&self) -> usize {
        self.passages().map(|p| p.text.split_whitespace().count()).sum()
    }
}

impl Document {
    /// Builds the model from classified blocks: headings open sections, paragraphs fill them,
    /// the rest goes to title, breadcrumbs, captions and boilerplate.
    pub fn from_blocks(blocks: crate::ingest::Blocks) -> Document {
        use crate::ingest::BlockKind;
        let mut doc = Document {
            source: blocks.source,
            warnings: blocks.warnings,
            links: blocks.links,
            ..Document::default()
        };
        for block in blocks.blocks {
            let p = block.passage;
            match block.kind {
                BlockKind::Breadcrumbs(crumbs) => doc.breadcrumbs.extend(crumbs),
                BlockKind::Title if doc.title.is_none() => doc.title = Some(p),
                BlockKind::Title => {
                    doc.boilerplate.push(Boilerplate { passage: p, reason: Reason::Duplicate })
                }
                BlockKind::Caption { credit } => doc.captions.push(Caption { passage: p, credit }),
                BlockKind::Boilerplate(reason) => doc.boilerplate.push(Boilerplate { passage: p, reason }),
                BlockKind::Heading { level } => doc.sections.push(Section {
                    span: p.span,
                    heading: Some(p),
                    level: level.max(1),
                    paragraphs: Vec::new(),
                }),
                BlockKind::Paragraph => {
                    if doc.sections.is_empty() {
                        doc.sections.push(Section {
                            heading: None,
                            level: 1,
                            span: p.span,
                            paragraphs: Vec::new(),
                        });
                    }
                    if let Some(s) = doc.sections.last_mut() {
                        s.span.end = s.span.end.max(p.span.end);
                        s.paragraphs.push(p);
                    }
                }
            }
        }
        // A book has hundreds of sections, all kept: no room for growth they won't use.
        for s in &mut doc.sections {
            s.paragraphs.shrink_to_fit();
        }
        doc.sections.shrink_to_fit();
        doc
    }
}
