//! folio: a terminal reader for articles.
//!
//! The pipeline runs in one direction, one public function per arrow:
//!
//! 1. [`ingest::parse`]: input bytes in a [`Format`] → the [`Document`] model, every span a
//!    byte range of the input (decoding, sanitising, the format's reader and
//!    [`ingest::Blocks::into_document`], as the [`ingest`] module doc lays out);
//! 2. [`extract::entities`]: → the people, places and events, then [`export`] or the reader in `tui`.
//!
//! [`read`] and its kin run both.
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
pub use ingest::Format;
pub use ingest::InputError;
pub use span::Span;
use std::borrow::Cow;

/// The seed article bundled in the binary, opened when no file is given.
pub const SEED: &[u8] = include_bytes!("../seeds/000_8d917ad8edb6566b.txt");
/// The seed's file name, shown in the status line.
pub const SEED_NAME: &str = "000_8d917ad8edb6566b.txt";

/// The structure stages on plain text: bytes to a [`Document`] without entities
/// ([`ingest::parse`] as [`Format::Text`]).
pub fn structure(bytes: &[u8]) -> Result<Document, InputError> {
    ingest::parse(bytes, Format::Text)
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

/// Texts longer than this (in bytes) have the steps that split by block or passage done on
/// two threads, half of the text each: below it a thread costs more than it saves.
pub(crate) const PARALLEL_BYTES: usize = 100_000;

/// Where to cut `items` in two runs of about the same bytes, `bytes` of them in all.
pub(crate) fn halfway<T>(items: &[T], bytes: usize, len: impl Fn(&T) -> usize) -> usize {
    let mut sum = 0;
    items
        .iter()
        .position(|x| {
            sum += len(x);
            sum * 2 >= bytes
        })
        .map_or(items.len(), |i| i + 1)
}

/// Runs `a` and `b`, on two threads when `parallel`.
pub(crate) fn both<A: Send, B: Send>(
    parallel: bool,
    a: impl FnOnce() -> A + Send,
    b: impl FnOnce() -> B + Send,
) -> (A, B) {
    if !parallel {
        return (a(), b());
    }
    std::thread::scope(|scope| {
        let b = scope.spawn(b);
        let a = a();
        (a, b.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
    })
}

/// Runs the whole pipeline on plain text: bytes to a [`Document`] with its entities.
pub fn read(bytes: &[u8]) -> Result<Document, InputError> {
    read_as(bytes, Format::Text)
}

/// Runs the whole pipeline with the reader for `format`.
pub fn read_as(bytes: &[u8], format: Format) -> Result<Document, InputError> {
    read_with(Cow::Borrowed(bytes), format, ingest::html::Hints::default())
}

/// [`read_with`], and the document's JSON ([`export::json`]). On a long text the JSON is
/// written on a second thread while the entities are extracted, and they are set into it.
pub fn read_json(
    input: Cow<'_, [u8]>,
    format: Format,
    hints: ingest::html::Hints,
) -> Result<(Document, String), InputError> {
    let long = input.len() > PARALLEL_BYTES;
    let mut doc = parse_while_loading(input, format, hints)?;
    let (entities, json) = both(long, || extract::entities(&doc), || export::json(&doc));
    let json = export::with_entities(json, &entities);
    doc.entities = entities;
    Ok((doc, json))
}

/// The document without its entities; the word lists are parsed on another thread while the
/// input is read, ready for the extraction that follows.
fn parse_while_loading(
    input: Cow<'_, [u8]>,
    format: Format,
    hints: ingest::html::Hints,
) -> Result<Document, InputError> {
    std::thread::scope(|scope| {
        scope.spawn(extract::lexicon::get);
        ingest::parse_with(input, format, hints)
    })
}

/// Runs the whole pipeline on input it may own (freed once decoded) and with what a page's
/// server said of it (see [`ingest::parse_with`]).
pub fn read_with(
    input: Cow<'_, [u8]>,
    format: Format,
    hints: ingest::html::Hints,
) -> Result<Document, InputError> {
    let mut doc = parse_while_loading(input, format, hints)?;
    doc.entities = extract::entities(&doc);
    Ok(doc)
}
