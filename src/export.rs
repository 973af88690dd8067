//! Output for pipes and programs: the JSON contract and the plain cleaned article.

use crate::document::Document;
use std::fmt::Write as _;
use std::io::Write;

/// Writes the document to `out` as JSON, or as plain text with its warnings on standard
/// error. A reader that stops early (`folio FILE | head`) is not an error.
pub fn write(doc: &Document, json: bool, out: &mut impl Write) -> std::io::Result<()> {
    let text = if json { self::json(doc) } else { plain(doc) };
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

/// The cleaned article as plain text: title, sections with headings, no boilerplate.
pub fn plain(doc: &Document) -> String {
    let mut out = String::new();
    if let Some(t) = &doc.title {
        let _ = writeln!(out, "{}\n", t.text);
    }
    for c in &doc.captions {
        match &c.credit {
            Some(credit) => {
                let _ = writeln!(out, "[{}] ({credit})\n", c.passage.text);
            }
            None => {
                let _ = writeln!(out, "[{}]\n", c.passage.text);
            }
        }
    }
    for s in &doc.sections {
        if let Some(h) = &s.heading {
            let _ = writeln!(out, "{}\n", h.text);
        }
        for p in &s.paragraphs {
            let _ = writeln!(out, "{}\n", p.text);
        }
    }
    // The caller ends the text with one line break.
    while out.ends_with('\n') {
        out.pop();
    }
    out
}
