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
    let cut = crate::prefix(&input, PREFIX).len();
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

#[cfg(test)]
mod tests {
    use super::*;

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
