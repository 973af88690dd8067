//! folio: a terminal reader for articles.
//!
//! The pipeline runs in one direction, one public function per arrow:
//!
//! 1. [`ingest::decode()`]: input bytes → [`ingest::Decoded`] text (BOM, UTF-16, invalid bytes, binary refusal);
//! 2. [`ingest::sanitize()`]: → [`ingest::Clean`] text without escape sequences or controls, mapped back to input bytes;
//! 3. [`ingest::text::parse`] (or [`ingest::html::parse`], [`ingest::markdown::parse`], chosen by [`Format`]):
//!    → [`ingest::Blocks`]: title, breadcrumbs, captions, headings, paragraphs, boilerplate;
//! 4. [`ingest::Blocks::into_document`]: → the [`Document`] model, every span a byte range of the input;
//! 5. [`extract::entities`]: → the people, places and events, then [`export`] or the reader in `tui`.
//!
//! ```
//! let doc = folio::read(b"A Headline\n\nSome text about Paris.\n").unwrap();
//! assert_eq!(doc.title.as_ref().map(|t| t.text.as_str()), Some("A Headline"));
//! assert_eq!(doc.sections[0].paragraphs[0].text, "Some text about Paris.");
//! ```

pub mod calendar;
pub mod cli;
pub mod document;
pub mod export;
pub mod extract;
pub mod feed;
pub mod fetch;
pub mod ingest;
pub mod input;
pub mod span;
pub mod tui;

pub use document::{Document, Entity, EntityKind, Passage, Section};
pub use ingest::InputError;
pub use ingest::format::Format;
pub use span::Span;

/// The seed article bundled in the binary, opened when no file is given.
pub const SEED: &[u8] = include_bytes!("../seeds/000_8d917ad8edb6566b.txt");
/// The seed's file name, shown in the status line.
pub const SEED_NAME: &str = "000_8d917ad8edb6566b.txt";

/// Runs the structure stages on plain text: bytes to a [`Document`] without entities.
pub fn structure(bytes: &[u8]) -> Result<Document, InputError> {
    structure_as(bytes, Format::Text)
}

/// Runs the structure stages with the reader for `format` (HTML and Markdown parse the
/// bytes themselves, then send their text through the same sanitiser).
///
/// ```
/// use folio::{Format, structure_as};
/// let page = b"<title>Quay Library | Courier</title><p>It opened on the quay &amp; at noon.</p>";
/// let doc = structure_as(page, Format::Html).unwrap();
/// assert_eq!(doc.title.as_ref().map(|t| t.text.as_str()), Some("Quay Library"));
/// let p = &doc.sections[0].paragraphs[0];
/// assert_eq!(p.text, "It opened on the quay & at noon.");
/// assert_eq!(&page[p.span.start..p.span.end], b"It opened on the quay &amp; at noon.");
/// ```
pub fn structure_as(bytes: &[u8], format: Format) -> Result<Document, InputError> {
    match format {
        Format::Text => Ok(text_document(ingest::decode(bytes)?)),
        Format::Html => Ok(finish(ingest::html::parse(bytes)?.into_document())),
        Format::Markdown => Ok(finish(ingest::markdown::parse(bytes)?.into_document())),
    }
}

/// Plain text from decoded to a document, freeing each stage once the next is built, so the
/// decoded text, the sanitised text and the blocks are never all alive at once.
fn text_document(decoded: ingest::Decoded) -> Document {
    let clean = ingest::sanitize(&decoded);
    let mut warnings = decoded.warnings;
    drop((decoded.text, decoded.map));
    let blocks = ingest::text::parse(&clean);
    warnings.extend(clean.warnings);
    drop((clean.text, clean.map));
    let mut doc = blocks.into_document();
    warnings.append(&mut doc.warnings);
    doc.warnings = warnings;
    finish(doc)
}

/// Says so when a document came out empty.
fn finish(mut doc: Document) -> Document {
    if doc.passages().next().is_none() {
        doc.warnings.push("the input holds no text".to_string());
    }
    doc
}

/// The start of a long input, cut after a line break at or before `max` bytes (in a text
/// of one long line, after a space, or at a character's end), for a first look while the
/// whole is processed; the whole input when it is short or not UTF-8-like.
///
/// Spans of a document built from the prefix are spans of the whole input too.
pub fn prefix(bytes: &[u8], max: usize) -> &[u8] {
    if bytes.len() <= max || bytes.starts_with(b"\xff\xfe") || bytes.starts_with(b"\xfe\xff") {
        return bytes;
    }
    let head = &bytes[..max];
    if let Some(cut) =
        head.iter().rposition(|&b| b == b'\n').or_else(|| head.iter().rposition(|&b| b == b' '))
    {
        return &bytes[..=cut];
    }
    // No break at all: cut before the character that straddles `max`.
    let start = (0..=max).rev().find(|&i| bytes.get(i).is_none_or(|&b| b & 0xC0 != 0x80)).unwrap_or(0);
    &bytes[..start]
}

/// [`structure_as`] on input it owns: the input bytes are freed as soon as they are
/// decoded, which lowers the peak memory of a big book.
pub fn structure_owned(input: Vec<u8>, format: Format) -> Result<Document, InputError> {
    match format {
        Format::Text => {
            let decoded = ingest::decode(&input)?;
            drop(input);
            Ok(text_document(decoded))
        }
        _ => structure_as(&input, format),
    }
}

/// The structure of a stretch of plain text that starts `at` bytes into its input (the end
/// of a long book, read ahead of the rest): its spans are spans of the whole input.
pub fn structure_at(bytes: &[u8], at: usize) -> Result<Document, InputError> {
    let mut decoded = ingest::decode(bytes)?;
    let map = std::mem::take(&mut decoded.map);
    for r in map.runs() {
        if r.is_exact() {
            decoded.map.push_exact(r.text(), r.input() + at, r.text_len());
        } else {
            decoded.map.push_replaced(r.text(), r.text_len(), r.input() + at, r.input_len());
        }
    }
    Ok(text_document(decoded))
}

/// Runs the whole pipeline on plain text: bytes to a [`Document`] with its entities.
pub fn read(bytes: &[u8]) -> Result<Document, InputError> {
    read_as(bytes, Format::Text)
}

/// Runs the whole pipeline with the reader for `format`.
pub fn read_as(bytes: &[u8], format: Format) -> Result<Document, InputError> {
    let mut doc = structure_as(bytes, format)?;
    doc.entities = extract::entities(&doc);
    Ok(doc)
}

/// [`read_as`] on a page fetched from the web: the server's charset outranks the page's, links
/// resolve against the page's address, and the document's `url` is the page's canonical
/// address or else the one it came from.
pub fn read_page(bytes: &[u8], format: Format, hints: ingest::html::Hints) -> Result<Document, InputError> {
    let mut doc = match format {
        Format::Html => finish(ingest::html::parse_with(bytes, hints)?.into_document()),
        _ => structure_as(bytes, format)?,
    };
    doc.url = doc.url.or(hints.url.map(str::to_string));
    doc.entities = extract::entities(&doc);
    Ok(doc)
}

/// [`read_as`] on input it owns: the input bytes are freed as soon as they are decoded,
/// which lowers the peak memory of a big book.
pub fn read_owned(input: Vec<u8>, format: Format) -> Result<Document, InputError> {
    let mut doc = structure_owned(input, format)?;
    doc.entities = extract::entities(&doc);
    Ok(doc)
}
