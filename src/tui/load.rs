//! A fast first frame on big inputs: the structure of a prefix is drawn first, and the whole
//! input is read on a background thread, started only once that frame is out (two cores
//! are not always free). The thread's news comes to the event loop as two actions, in this
//! order: [`Action::Loaded`], the whole text structured and wrapped at the reader's width,
//! which makes all of it readable (`G`, search, `]`) at once; then [`Action::Entities`],
//! once extraction, the slowest stage, is done. The flow stays one-directional; it simply
//! runs twice.
//!
//! The structure stages drop each stage's input as soon as the next has been built (see
//! [`crate::structure_owned`]), which bounds peak memory. The event loop never waits for
//! the thread: quitting leaves it to the process's end.

use super::action::Action;
use super::flow::{Flow, Wrapped};
use crate::Format;
use crate::document::Document;
use crate::ingest::InputError;
use std::sync::Arc;
use std::sync::atomic::{AtomicU16, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};

/// Inputs longer than this are read in two steps.
pub const PREFIX: usize = 64 * 1024;

/// A document laid out at one width.
#[derive(Debug, Clone, PartialEq)]
pub struct Prepared {
    /// The document (shared with the thread that extracts its entities).
    pub doc: Arc<Document>,
    /// Its items.
    pub flow: Flow,
    /// Its lines at [`Prepared::wrapped`]`.width`.
    pub wrapped: Wrapped,
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
    rx: Receiver<Action>,
    width: Arc<AtomicU16>,
    /// True once the last piece of news has come.
    done: bool,
}

impl Pending {
    /// Starts reading the whole input on a thread that wraps it at `width` cells; without
    /// a thread to be had, reads it here.
    pub fn spawn(self, width: u16) -> Loading {
        let (tx, rx) = channel();
        let shared = Arc::new(AtomicU16::new(width));
        let loading = Loading { rx, width: Arc::clone(&shared), done: false };
        // Shared by the two copies of `work`, whichever runs takes the input.
        let theirs = Arc::new(std::sync::Mutex::new(Some(self.input)));
        let format = self.format;
        let work = move || {
            let Some(bytes) = theirs.lock().ok().and_then(|mut i| i.take()) else { return };
            let doc = match crate::structure_owned(bytes, format) {
                Ok(doc) => Arc::new(doc),
                Err(e) => {
                    let _ = tx.send(Action::LoadFailed(format!("only the start is shown: {e}")));
                    return;
                }
            };
            let prepared = prepare_shared(Arc::clone(&doc), shared.load(Ordering::Relaxed));
            if tx.send(Action::Loaded(Box::new(prepared))).is_err() {
                return;
            }
            let entities = crate::extract::entities(&doc);
            // The reader then holds the only reference, and adds the entities in place.
            drop(doc);
            let _ = tx.send(Action::Entities(entities));
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
    pub fn poll(&mut self) -> Option<Action> {
        if self.done {
            return None;
        }
        match self.rx.try_recv() {
            Ok(news) => {
                self.done = matches!(news, Action::Entities(_) | Action::LoadFailed(_));
                Some(news)
            }
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => {
                self.done = true;
                Some(Action::LoadFailed("reading the rest of the input failed".into()))
            }
        }
    }

    /// True once every piece of news has come.
    pub fn done(&self) -> bool {
        self.done
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
    prepare_shared(Arc::new(doc), width)
}

fn prepare_shared(doc: Arc<Document>, width: u16) -> Prepared {
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
    fn the_whole_text_arrives_before_its_entities() {
        let text = long_text();
        let (first, pending) = start(text.clone().into_bytes(), Format::Text).expect("text");
        let mut loading = pending.expect("read in two steps").spawn(60);
        let mut news = Vec::new();
        while !loading.done() {
            match loading.poll() {
                Some(n) => news.push(n),
                None => std::thread::sleep(std::time::Duration::from_millis(5)),
            }
        }
        let [Action::Loaded(whole), Action::Entities(entities)] = &news[..] else { panic!("{news:?}") };
        assert!(first.word_count() < whole.doc.word_count());
        let read = crate::read(text.as_bytes()).expect("whole");
        assert_eq!(whole.doc.sections, read.sections);
        assert_eq!(*entities, read.entities);
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
