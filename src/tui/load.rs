//! A fast first frame on big inputs: the pipeline runs on a prefix first, the reader draws
//! it, and the whole input is read on a background thread and swapped in (see
//! [`super::App::replace_document`]). The flow stays one-directional; it simply runs twice.

use crate::document::Document;
use crate::ingest::InputError;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

/// Inputs longer than this are read in two steps.
pub const PREFIX: usize = 64 * 1024;

/// The whole document, on its way.
#[derive(Debug)]
pub struct Loading {
    rx: Receiver<Result<Document, InputError>>,
    /// Bytes of input the first document covers.
    pub prefix: usize,
}

impl Loading {
    /// The whole document once it is ready, or why it could not be read; `None` while
    /// it is on its way.
    pub fn poll(&self) -> Option<Result<Document, String>> {
        match self.rx.try_recv() {
            Ok(Ok(doc)) => Some(Ok(doc)),
            Ok(Err(e)) => Some(Err(format!("only the start is shown: {e}"))),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => {
                Some(Err("only the start is shown: reading the rest failed".into()))
            }
        }
    }
}

/// Reads `input`: all of it when small, otherwise a prefix now and the rest in the background.
/// Errors on the input's start (binary data) are returned at once.
pub fn start(input: Vec<u8>) -> Result<(Document, Option<Loading>), InputError> {
    let cut = prefix_end(&input);
    if cut >= input.len() {
        return crate::read(&input).map(|doc| (doc, None));
    }
    let first = crate::read(&input[..cut])?;
    let (tx, rx) = channel();
    let input = std::sync::Arc::new(input);
    let shared = std::sync::Arc::clone(&input);
    let spawned = std::thread::Builder::new().name("load".into()).spawn(move || {
        let _ = tx.send(crate::read(&shared));
    });
    match spawned {
        Ok(_) => Ok((first, Some(Loading { rx, prefix: cut }))),
        // No thread to be had: read it all now, slower but whole.
        Err(_) => crate::read(&input).map(|doc| (doc, None)),
    }
}

/// Where to cut a prefix: at the last blank line before [`PREFIX`], so no paragraph is
/// split; the whole input when it is short, or not plainly UTF-8 (UTF-16 must be decoded
/// whole).
pub fn prefix_end(input: &[u8]) -> usize {
    let utf16 = input.starts_with(&[0xFF, 0xFE]) || input.starts_with(&[0xFE, 0xFF]);
    if input.len() <= PREFIX || utf16 {
        return input.len();
    }
    let head = &input[..PREFIX];
    let blank = head.windows(2).rposition(|w| w == b"\n\n").map(|i| i + 2);
    let line = head.iter().rposition(|&b| b == b'\n').map(|i| i + 1);
    match blank.or(line) {
        Some(cut) if cut > PREFIX / 2 => cut,
        _ => input.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_end_at_a_blank_line() {
        let mut text = "word ".repeat(PREFIX / 8);
        text.push_str("\n\n");
        let at = text.len();
        text.push_str(&"more ".repeat(PREFIX / 4));
        assert_eq!(prefix_end(text.as_bytes()), at);
        assert_eq!(prefix_end(b"short"), 5);
        let one_line = "x".repeat(PREFIX * 2);
        assert_eq!(prefix_end(one_line.as_bytes()), one_line.len(), "no good cut: read it whole");
    }

    #[test]
    fn the_whole_document_arrives() {
        let mut text = String::from("Title\n\n");
        for i in 0..4000 {
            text.push_str(&format!("Paragraph {i} of a long text.\n\n"));
        }
        let (first, loading) = start(text.clone().into_bytes()).expect("text");
        let loading = loading.expect("read in two steps");
        let whole = loop {
            if let Some(doc) = loading.poll() {
                break doc.expect("whole");
            }
            std::thread::sleep(std::time::Duration::from_millis(5));
        };
        assert!(first.word_count() < whole.word_count());
        assert_eq!(whole, crate::read(text.as_bytes()).expect("whole"));
    }
}
