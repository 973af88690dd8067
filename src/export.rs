//! Output for pipes and programs: the JSON contract, the plain cleaned article and Markdown.

mod inline;
mod markdown;
mod plain;

use crate::document::{Document, Entity};
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

/// The document in the given form.
pub fn render(doc: &Document, output: Output) -> String {
    match output {
        Output::Json => self::json(doc),
        Output::Plain => plain(doc),
        Output::Markdown => markdown(doc),
    }
}

/// Writes `text`, the document rendered in the given form ([`render`]), to `out`; for plain
/// text and Markdown the document's warnings go to standard error. A reader that stops early
/// (`folio FILE | head`) is not an error.
pub fn write(doc: &Document, text: &str, output: Output, out: &mut impl Write) -> std::io::Result<()> {
    for w in doc.warnings.iter().filter(|_| output != Output::Json) {
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

/// The JSON of a document that has no entities yet ([`json`]), with `entities` set in: the
/// same text as the JSON of the document holding them. So a long text's JSON is written
/// while its entities are extracted.
pub fn with_entities(mut json: String, entities: &[Entity]) -> String {
    // Only the top level indents a key by two spaces: string values escape their newlines.
    const EMPTY: &str = "\n  \"entities\": []";
    // The key comes after the sections, near the end of a long document's JSON.
    let Some(at) = json.rfind(EMPTY).filter(|_| !entities.is_empty()) else { return json };
    let list = serde_json::to_string_pretty(entities).unwrap_or_default();
    // One level deeper than on its own: two more spaces on every line but the first.
    let list = list.replace('\n', "\n  ");
    json.replace_range(at + EMPTY.len() - 2..at + EMPTY.len(), &list);
    json
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities_set_into_the_json_give_the_json_of_the_whole_document() {
        let text = "Vote in Lisbon\n\nMaria Lopes of the Civic Party spoke in Lisbon on Monday. \
                    Lopes said the \"vote\" was close.\n";
        let doc = crate::read(text.as_bytes()).expect("text reads");
        assert!(!doc.entities.is_empty());
        let bare = Document { entities: Vec::new(), ..doc.clone() };
        assert_eq!(with_entities(json(&bare), &doc.entities), json(&doc));
        // A document without entities keeps its JSON.
        assert_eq!(with_entities(json(&bare), &[]), json(&bare));
    }
}
