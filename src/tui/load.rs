//! A fast first frame on big inputs: the structure of a prefix is drawn first, and the whole
//! input is read on a background thread, started only once that frame is out (two cores
//! are not always free). The thread's news comes to the event loop as two actions, in this
//! order: [`Action::Loaded`], the whole text structured and wrapped at the reader's width,
//! which makes all of it readable (`G`, search, `]`) at once; then [`Action::Entities`],
//! once extraction, the slowest stage, is done. The flow stays one-directional; it simply
//! runs twice.
//!
//! Before either, a plain text twice as long as the prefix has its end read too (the
//! structure of its last [`PREFIX`] bytes, from a paragraph break on) and sent as
//! [`Action::Tail`]: its start and its end in one document, with the middle still to come,
//! so that `G` pressed at once shows the end within a millisecond or two instead of waiting
//! for the whole (see [`joined`]).
//!
//! The structure stages drop each stage's input as soon as the next has been built (see
//! [`crate::ingest::parse_with`]), which bounds peak memory. The event loop never waits for
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
    /// The first document, joined to the end when that is read ahead.
    head: Option<Document>,
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
        let theirs = Arc::new(std::sync::Mutex::new(Some((self.input, self.head))));
        let format = self.format;
        let work = move || {
            let Some((bytes, head)) = theirs.lock().ok().and_then(|mut i| i.take()) else { return };
            if let Some(both) = head.and_then(|head| tail(&head, &bytes, format)) {
                let prepared = prepare(both, shared.load(Ordering::Relaxed));
                if tx.send(Action::Tail(Box::new(prepared))).is_err() {
                    return;
                }
            }
            let doc = match crate::ingest::parse_with(bytes.into(), format, Default::default()) {
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
        return crate::read_with(input.into(), format, Default::default()).map(|doc| (doc, None));
    }
    let first = crate::ingest::parse(&input[..cut], format)?;
    let head = (format == Format::Text && input.len() >= 2 * PREFIX).then(|| first.clone());
    Ok((first, Some(Pending { input, format, prefix: cut, head })))
}

/// The start of a plain text and its end read on its own, as one document (see [`joined`]);
/// `None` when the end cannot be read apart: no paragraph break in its last [`PREFIX`]
/// bytes, or not UTF-8 there.
fn tail(head: &Document, input: &[u8], format: Format) -> Option<Document> {
    if format != Format::Text {
        return None;
    }
    let from = input.len().checked_sub(PREFIX)?;
    let at = from + paragraph_break(input.get(from..)?)?;
    let end = input.get(at..)?;
    std::str::from_utf8(end).ok()?;
    let end = crate::ingest::parse_text_at(end, at).ok()?;
    Some(joined(head, end))
}

/// Where the first paragraph of `bytes` after a blank line starts.
fn paragraph_break(bytes: &[u8]) -> Option<usize> {
    let mut line_start = None;
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'\n' if line_start.is_some() => return Some(i + 1),
            b'\n' => line_start = Some(i),
            b' ' | b'\t' | b'\r' => {}
            _ => line_start = None,
        }
    }
    None
}

/// A document's start and its end read on their own, as one document: the start's title,
/// sections and captions, then the end's sections from its first heading (what the end's
/// own reading took for a title or byline is left out), with nothing between. Its spans are
/// the input's, so the reading position carries over to the whole document when it comes.
pub fn joined(head: &Document, end: Document) -> Document {
    let mut doc = head.clone();
    let mut sections = end.sections;
    let first = sections.iter().position(|s| s.heading.is_some()).unwrap_or(0);
    sections.drain(..first);
    let from = sections.first().map_or(usize::MAX, |s| s.span.start);
    // The flow numbers captions in order: those of the sections left out go too.
    doc.captions.extend(end.captions.into_iter().filter(|c| c.passage.span.start >= from));
    doc.links.extend(end.links.into_iter().filter(|l| l.span.start >= from));
    doc.boilerplate.extend(end.boilerplate);
    doc.sections.extend(sections);
    doc
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
        let news = news(&mut pending.expect("read in two steps").spawn(60));
        let [Action::Tail(_), Action::Loaded(whole), Action::Entities(entities)] = &news[..] else {
            panic!("{} pieces of news", news.len())
        };
        assert!(first.word_count() < whole.doc.word_count());
        let read = crate::read(text.as_bytes()).expect("whole");
        assert_eq!(whole.doc.sections, read.sections);
        assert_eq!(*entities, read.entities);
        assert_eq!(whole.wrapped.width, 60);
    }

    /// A book of chapters over four prefixes long, with an edition's licence trailer.
    fn book() -> String {
        let mut text = String::from("The Book\n\n*** START OF THE PROJECT GUTENBERG EBOOK THE BOOK ***\n\n");
        for chapter in 1..=80 {
            text.push_str(&format!("CHAPTER {chapter}\n\n"));
            for i in 0..60 {
                text.push_str(&format!("Line {i} of chapter {chapter}, a paragraph\nwrapped by hand.\n\n"));
            }
        }
        text.push_str("End of the Project Gutenberg EBook of The Book\n\n");
        text.push_str("*** END OF THE PROJECT GUTENBERG EBOOK THE BOOK ***\n\nLicence terms.\n");
        text
    }

    /// Everything the loading thread says, in order.
    fn news(loading: &mut Loading) -> Vec<Action> {
        let mut news = Vec::new();
        while !loading.done() {
            match loading.poll() {
                Some(n) => news.push(n),
                None => std::thread::sleep(std::time::Duration::from_millis(5)),
            }
        }
        news
    }

    /// The text of a document's lines at the end, `n` of them.
    fn last_lines(p: &Prepared, n: usize) -> Vec<String> {
        let lines = &p.wrapped.lines[p.wrapped.lines.len() - n..];
        let text = |l: &super::super::flow::Line| match l.is_blank() {
            true => String::new(),
            false => p.flow.text(&p.doc, l.item as usize)[l.start as usize..l.end as usize].to_string(),
        };
        lines.iter().map(text).collect()
    }

    #[test]
    fn the_end_of_a_long_text_comes_first_joined_to_its_start() {
        let text = book();
        assert!(text.len() > 3 * PREFIX);
        let (first, pending) = start(text.clone().into_bytes(), Format::Text).expect("text");
        let news = news(&mut pending.expect("read in two steps").spawn(60));
        let [Action::Tail(both), Action::Loaded(whole), Action::Entities(_)] = &news[..] else {
            panic!("{} pieces of news", news.len())
        };
        // The start as it was, then the end's chapters as the whole reads them, the licence
        // set aside in both.
        let n = first.sections.len();
        assert_eq!(both.doc.sections[..n], first.sections[..]);
        let end = &both.doc.sections[n..];
        assert!(end.len() >= 2 && end.len() < whole.doc.sections.len() / 2, "{}", end.len());
        assert_eq!(end, &whole.doc.sections[whole.doc.sections.len() - end.len()..]);
        assert_eq!(both.doc.title, whole.doc.title);
        let last = |p: &Prepared| p.flow.text(&p.doc, p.flow.items.len() - 1).to_string();
        assert_eq!(last(both), "Line 59 of chapter 80, a paragraph wrapped by hand.");
        assert_eq!(last_lines(both, 30), last_lines(whole, 30));
        // Spans are the input's.
        let p = &end[0].paragraphs[0];
        assert_eq!(text[p.span.start..p.span.end].replace('\n', " "), p.text);
    }

    #[test]
    fn a_jump_to_the_end_shows_the_end_before_the_whole_is_in() {
        use crate::tui::{App, theme::Theme, update};
        let text = book();
        for early in [true, false] {
            let (first, pending) = start(text.clone().into_bytes(), Format::Text).expect("text");
            let pending = pending.expect("read in two steps");
            let mut app = App::new(first, "book", 100, 30, Theme::new(false));
            update(&mut app, Action::Partial(pending.prefix));
            let mut news = news(&mut pending.spawn(app.layout.text_column().width)).into_iter();
            // G before or after the end has come.
            if early {
                update(&mut app, Action::Bottom);
            }
            update(&mut app, news.next().expect("the end"));
            if !early {
                update(&mut app, Action::Bottom);
            }
            let shown =
                app.flow.text(&app.doc, app.wrapped.lines[app.top + app.view_height() - 1].item as usize);
            assert_eq!(shown, "Line 59 of chapter 80, a paragraph wrapped by hand.", "early {early}");
            assert!(app.loading.partial.is_some());
            // The whole opens at the end too.
            update(&mut app, news.next().expect("the whole"));
            assert!(app.loading.partial.is_none());
            assert_eq!(app.top + app.view_height(), app.wrapped.lines.len());
        }
    }

    #[test]
    fn an_end_without_paragraph_breaks_is_not_read_apart() {
        assert_eq!(paragraph_break(b"one line\nanother\n"), None);
        assert_eq!(paragraph_break(b"end of one\n \r\nnext"), Some(14));
        let line = "word ".repeat(3 * PREFIX / 5);
        let (_, pending) = start(line.into_bytes(), Format::Text).expect("text");
        let news = news(&mut pending.expect("two steps").spawn(60));
        assert!(matches!(&news[..], [Action::Loaded(_), Action::Entities(_)]), "{}", news.len());
    }

    #[test]
    fn reading_by_stages_gives_what_read_gives() {
        for text in
            [long_text().into_bytes(), b"\xef\xbb\xbfBOM\r\n\r\nbad \xff byte\x1b[31m".to_vec(), Vec::new()]
        {
            let owned = crate::read_with(text.clone().into(), Format::Text, Default::default());
            assert_eq!(owned, crate::read(&text));
        }
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        assert!(crate::read_with(png.into(), Format::Text, Default::default()).is_err());
    }
}
