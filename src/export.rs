//! Output for pipes and programs: the JSON contract, the plain cleaned article and Markdown.

mod inline;
mod markdown;
mod plain;

use crate::document::Document;
pub use markdown::markdown;
pub use plain::plain;
use std::io::Write;

/// What to print.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    /// The JSON contract.
    Json,
    /// The cleaned article as plain text.
    Plain,
    /// The cleaned article as Markdown.
    Markdown,
}

/// Writes the document to `out` in the given form; for plain text and Markdown its warnings
/// go to standard error. A reader that stops early (`folio FILE | head`) is not an error.
pub fn write(doc: &Document, output: Output, out: &mut impl Write) -> std::io::Result<()> {
    let json = output == Output::Json;
    let text = match output {
        Output::Json => self::json(doc),
        Output::Plain => plain(doc),
        Output::Markdown => markdown(doc),
    };
    for w in doc.warnings.iter().filter(|_| !json) {
        eprintln!("folio: warning: {w}");
    }
    match writeln!(out, "{text}").and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        r => r,
    }
}

/// The JSON contract of DESIGN.md, pretty-printed.
pub fn json(doc: &Document) -> String {
    // Serialising plain structs of strings and numbers cannot fail.
    serde_json::to_string_pretty(doc).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}
