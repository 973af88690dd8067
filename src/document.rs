//! The document model: what folio recovered from an article, every span a byte range of the input.
//!
//! The model holds no view state. It is built once from the ingest stage's blocks
//! (`ingest::Blocks::into_document`) and read by the exporters, the extraction and the reader.

use crate::span::{OffsetMap, Span};
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};
use std::ops::{Deref, Range};

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
    /// The body, in order: paragraphs, list items, code, quotes, tables and captions.
    pub paragraphs: Vec<Block>,
}

/// One block of the text flow: a paragraph, list item, code block, quote, table or caption.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Block {
    /// Its text and spans.
    pub passage: Passage,
    /// What the block is.
    pub kind: BlockKind,
    /// Inline emphasis, strong and code, in input order.
    pub styles: Vec<Style>,
    /// Links inside the block, in input order.
    pub links: Vec<Link>,
}

impl Block {
    /// A block of running text without styles or links.
    pub fn text(passage: Passage) -> Block {
        Block { passage, ..Block::default() }
    }
}

impl Deref for Block {
    type Target = Passage;
    fn deref(&self) -> &Passage {
        &self.passage
    }
}

/// What a block of the flow is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum BlockKind {
    /// Running text.
    #[default]
    Text,
    /// A list item.
    Item {
        /// "•" for a bulleted list, the number ("3.") for a numbered one.
        marker: String,
        /// Nesting depth: 1 for the top level.
        depth: u8,
    },
    /// Preformatted code; the text keeps its line breaks and indentation exactly.
    Code {
        /// The language, where the source names it ("rust").
        lang: Option<String>,
        /// The depth of the list item the code belongs to, and is indented with; 0 outside
        /// lists.
        depth: u8,
    },
    /// A block quote.
    Quote {
        /// Nesting depth: 1 for a quote, 2 for a quote inside one.
        depth: u8,
        /// The kind of a GitHub alert ("> [!Important]" gives "Important").
        alert: Option<String>,
    },
    /// A table: the text is its cells joined by " | " within a row and rows by "\n".
    Table {
        /// Each cell as a byte range of the text, row by row, the header row first.
        rows: Vec<Vec<Range<usize>>>,
    },
    /// A photo or figure caption, where the page put its figure.
    Caption {
        /// "Reuters/Jane Doe", "THINK TANK PRODUCTIONS".
        credit: Option<String>,
    },
}

impl BlockKind {
    /// The name the JSON export gives the kind.
    pub fn name(&self) -> &'static str {
        match self {
            BlockKind::Text => "text",
            BlockKind::Item { .. } => "item",
            BlockKind::Code { .. } => "code",
            BlockKind::Quote { .. } => "quote",
            BlockKind::Table { .. } => "table",
            BlockKind::Caption { .. } => "caption",
        }
    }
}

impl Serialize for Block {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("text", &self.passage.text)?;
        m.serialize_entry("start", &self.passage.span.start)?;
        m.serialize_entry("end", &self.passage.span.end)?;
        m.serialize_entry("kind", self.kind.name())?;
        match &self.kind {
            BlockKind::Text => {}
            BlockKind::Item { marker, depth } => {
                m.serialize_entry("marker", marker)?;
                m.serialize_entry("depth", depth)?;
            }
            BlockKind::Code { lang, depth } => {
                m.serialize_entry("lang", lang)?;
                m.serialize_entry("depth", depth)?;
            }
            BlockKind::Quote { depth, alert } => {
                m.serialize_entry("depth", depth)?;
                m.serialize_entry("alert", alert)?;
            }
            BlockKind::Table { rows } => {
                let text = &self.passage.text;
                let cells: Vec<Vec<&str>> = rows
                    .iter()
                    .map(|row| row.iter().map(|c| text.get(c.clone()).unwrap_or("")).collect())
                    .collect();
                m.serialize_entry("rows", &cells)?;
            }
            BlockKind::Caption { credit } => m.serialize_entry("credit", credit)?,
        }
        m.serialize_entry("styles", &self.styles)?;
        m.serialize_entry("links", &self.links)?;
        m.end()
    }
}

/// An inline style.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StyleKind {
    /// Emphasis (italic).
    Em,
    /// Strong importance (bold).
    Strong,
    /// Inline code.
    Code,
}

/// A styled stretch of a block, as an input span.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Style {
    /// Which style.
    pub style: StyleKind,
    /// The input bytes it covers.
    #[serde(flatten)]
    pub span: Span,
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

impl Reason {
    /// The reason a data file names, as the JSON writes it ("cookie", "share", "byline"…).
    pub fn named(name: &str) -> Option<Reason> {
        Some(match name {
            "cookie" => Reason::Cookie,
            "share" => Reason::Share,
            "related" => Reason::Related,
            "subscribe" => Reason::Subscribe,
            "follow" => Reason::Follow,
            "copyright" => Reason::Copyright,
            "adblock" => Reason::Adblock,
            "navigation" => Reason::Navigation,
            "advertisement" => Reason::Advertisement,
            "comments" => Reason::Comments,
            "duplicate" => Reason::Duplicate,
            "licence" => Reason::Licence,
            "contents" => Reason::Contents,
            "byline" => Reason::Byline,
            "outside" => Reason::Outside,
            _ => return None,
        })
    }
}

/// A link inside the body: where its text lies in the input and where it points.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Link {
    /// The link text as shown.
    pub text: String,
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
    /// A company, team, party, agency, school or other body of people.
    Organization,
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
    /// The author or authors, as the page or text states them.
    pub byline: Option<String>,
    /// The publication date in ISO 8601 ("2019-11-19", or with a time).
    pub published: Option<String>,
    /// The page's canonical or fetched address.
    pub url: Option<String>,
}

impl Document {
    /// Every passage shown to the reader, once: title, captions, then each section's heading
    /// and paragraphs (a caption in the flow is the one listed in `captions`).
    pub fn passages(&self) -> impl Iterator<Item = &Passage> {
        self.title.iter().chain(self.captions.iter().map(|c| &c.passage)).chain(
            self.sections.iter().flat_map(|s| {
                let body = s.paragraphs.iter().filter(|b| !matches!(b.kind, BlockKind::Caption { .. }));
                s.heading.iter().chain(body.map(|b| &b.passage))
            }),
        )
    }

    /// The passages read as prose, for the extraction: every passage but code, each with
    /// its inline styles (the extraction reads no name inside inline code either).
    pub fn prose(&self) -> impl Iterator<Item = (&Passage, &[Style])> {
        self.title.iter().chain(self.captions.iter().map(|c| &c.passage)).map(|p| (p, &[][..])).chain(
            self.sections.iter().flat_map(|s| {
                let body = s
                    .paragraphs
                    .iter()
                    .filter(|b| !matches!(b.kind, BlockKind::Caption { .. } | BlockKind::Code { .. }));
                s.heading.iter().map(|h| (h, &[][..])).chain(body.map(|b| (&b.passage, b.styles.as_slice())))
            }),
        )
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
