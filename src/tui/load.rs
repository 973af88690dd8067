//! A fast first frame on big inputs: the structure of a prefix is drawn first, and the whole
//! input is read on a background thread, started only once that frame is out (two cores
//! are not always free), and swapped in (see [`super::App::replace_document`]). The flow
//! stays one-directional; it simply runs twice.
//!
//! The background thread also does everything else that costs time in proportion to the
//! input: hashing it to name the saved position, extracting entities, and wrapping the whole
//! text at the reader's width, so the swap on the event loop costs next to nothing.
//!
//! It reads through [`crate::read_owned`], which drops each stage's input as soon as the
//! next stage has been built: the input bytes, the decoded text and the sanitised text are
//! never all alive at once, which bounds peak memory.

use super::flow::{Flow, Wrapped};
use super::state::Store;
use crate::Format;
use crate::document::Document;
use crate::ingest::InputError;
use std::sync::Arc;
use std::sync::atomic::{AtomicU16, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};

/// Inputs longer than this are read in two steps.
pub const PREFIX: usize = 64 * 1024;

/// The whole document, read and laid out at one width.
#[derive(Debug)]
pub struct Prepared {
    /// The document, entities included.
    pub doc: Document,
    /// Its items.
    pub flow: Flow,
    /// Its lines at [`Prepared::wrapped`]`.width`.
    pub wrapped: Wrapped,
}

/// What the background thread reports, in this order.
#[derive(Debug)]
pub enum News {
    /// Where the input's reading position is kept (`None` without a home directory).
    Store(Option<Store>),
    /// The whole document, or why it could not be read.
    Whole(Result<Box<Prepared>, String>),
}

/// The rest of a big input, not yet started.
#[derive(Debug)]
pub struct Pending {
    input: Vec<u8>,
    format: Format,
    /// Bytes of input the first document covers.
    pub prefix: usize,
}

/// The whole document, on its way.
#[derive(Debug)]
pub struct Loading {
    rx: Receiver<News>,
    width: Arc<AtomicU16>,
    /// Bytes of input the first document covers.
    pub prefix: usize,
}

impl Pending {
    /// Starts reading the whole input on a thread that wraps it at `width` cells; without
    /// a thread to be had, reads it here.
    pub fn spawn(self, width: u16) -> Loading {
        let (tx, rx) = channel();
        let shared = Arc::new(AtomicU16::new(width));
        let loading = Loading { rx, width: Arc::clone(&shared), prefix: self.prefix };
        // Shared by the two copies of `work`, whichever runs takes the input.
        let theirs = Arc::new(std::sync::Mutex::new(Some(self.input)));
        let format = self.format;
        let work = move || {
            let Some(bytes) = theirs.lock().ok().and_then(|mut i| i.take()) else { return };
            let _ = tx.send(News::Store(Store::for_input(&bytes)));
            let whole = crate::read_owned(bytes, format).map_err(|e| format!("only the start is shown: {e}"));
            let whole = whole.map(|doc| prepare(doc, shared.load(Ordering::Relaxed)));
            let _ = tx.send(News::Whole(whole.map(Box::new)));
        };
        let spawned = std::thread::Builder::new().name("load".into()).spawn(work.clone());
        if spawned.is_err() {
            work();
        }
        loading
    }
}

impl Loading {
    /// Tells the thread the width the reader now wraps at.
    pub fn set_width(&self, width: u16) {
        self.width.store(width, Ordering::Relaxed);
    }

    /// The next piece of news, if any has come; a thread that died says so once.
    pub fn poll(&self) -> Option<News> {
        match self.rx.try_recv() {
            Ok(news) => Some(news),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => {
                Some(News::Whole(Err("only the start is shown: reading the rest failed".into())))
            }
        }
    }
}

/// Reads `input`: all of it when small; otherwise the structure of its start now (no
/// entities yet), and the rest once [`Pending::spawn`] is called. Errors on the input's
/// start (binary data) are returned at once.
pub fn start(input: Vec<u8>, format: Format) -> Result<(Document, Option<Pending>), InputError> {
    let cut = crate::prefix(&input, PREFIX).len();
    if cut >= input.len() {
        return crate::read_owned(input, format).map(|doc| (doc, None));
    }
    let first = crate::structure_as(&input[..cut], format)?;
    Ok((first, Some(Pending { input, format, prefix: cut })))
}

/// The document laid out at `width`.
pub fn prepare(doc: Document, width: u16) -> Prepared {
    let flow = Flow::new(&doc);
    let wrapped = Wrapped::new(&doc, &flow, width);
    Prepared { doc, flow, wrapped }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn long_text() -> String {
        let mut text = String::from("Title\n\n");
        for i in 0..4000 {
            text.push_str(&format!("Paragraph {i} of a long text.\r\n\r\n"));
        }
        text
    }

    #[test]
    fn the_whole_document_arrives_after_the_store() {
        let text = long_text();
        let (first, pending) = start(text.clone().into_bytes(), Format::Text).expect("text");
        let loading = pending.expect("read in two steps").spawn(60);
        let mut news = Vec::new();
        while news.len() < 2 {
            match loading.poll() {
                Some(n) => news.push(n),
                None => std::thread::sleep(std::time::Duration::from_millis(5)),
            }
        }
        assert!(matches!(news[0], News::Store(_)));
        let News::Whole(Ok(whole)) = news.remove(1) else { panic!("the whole document") };
        assert!(first.word_count() < whole.doc.word_count());
        assert_eq!(whole.doc, crate::read(text.as_bytes()).expect("whole"));
        assert_eq!(whole.wrapped.width, 60);
    }

    #[test]
    fn reading_by_stages_gives_what_read_gives() {
        for text in
            [long_text().into_bytes(), b"\xef\xbb\xbfBOM\r\n\r\nbad \xff byte\x1b[31m".to_vec(), Vec::new()]
        {
            assert_eq!(crate::read_owned(text.clone(), Format::Text), crate::read(&text));
        }
        assert!(crate::read_owned(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec(), Format::Text).is_err());
    }
}
