//! The interactive reader.

use crate::document::Document;

/// Opens the reader on a document until the user quits.
pub fn run(doc: Document, name: &str) -> anyhow::Result<()> {
    let _ = (doc, name);
    anyhow::bail!("the interactive reader is not available yet")
}
