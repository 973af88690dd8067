//! Output for pipes and programs: the JSON contract and the plain cleaned article.

use crate::document::Document;
use std::fmt::Write as _;

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
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}
