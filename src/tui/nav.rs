//! Pages inside the reader, as in a browser made for reading: a followed web link is fetched
//! and read on a background thread while the current page stays usable (Esc cancels), and
//! the pages left behind are kept whole, each at its reading position, for back
//! (Backspace, H) and forward (L).
//!
//! Only http and https are fetched. An address whose name says it is no page (an image, a
//! PDF, an archive) goes straight to the system's opener, as does one whose server says so.

use super::action::Action;
use super::app::{App, Overlay, Pane, Settings};
use super::state::Store;
use crate::fetch;
use crate::input::{Opened, Refusal};
use std::sync::mpsc::{Receiver, TryRecvError, channel};

/// Extensions of addresses that are not pages, handed to the system's opener unfetched.
const NOT_PAGES: &[&str] = &[
    "png", "jpg", "jpeg", "gif", "webp", "svg", "avif", "bmp", "ico", "tif", "tiff", "pdf", "zip", "gz",
    "tgz", "bz2", "xz", "zst", "7z", "rar", "tar", "mp3", "mp4", "m4a", "ogg", "oga", "webm", "mov", "avi",
    "mkv", "wav", "flac", "epub", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "exe", "dmg", "iso",
    "deb", "rpm", "apk",
];

/// What following an address comes to before anything is fetched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// Fetch it and read it inside folio.
    Fetch(String),
    /// Hand it to the system's opener: its name says it is no page.
    Opener(String),
    /// Refused, with the reason.
    Refuse(String),
}

/// Where an address leads: http and https pages are fetched, what is plainly not a page
/// goes to the opener, and every other scheme is refused.
pub fn route(href: &str) -> Route {
    let shown = crate::ingest::sanitize::scrub(href);
    let Ok(url) = fetch::parse_url(href) else {
        return Route::Refuse(format!("not followed: {shown} (only http and https are)"));
    };
    let ext = url.path().rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    if NOT_PAGES.contains(&ext.as_str()) {
        Route::Opener(url.to_string())
    } else {
        Route::Fetch(url.to_string())
    }
}

/// News from the fetching thread.
enum News {
    Arrived(u64),
    Done(Box<Result<Opened, Refusal>>),
}

/// A page on its way.
#[derive(Debug)]
pub struct Fetching {
    /// The address asked for.
    pub url: String,
    /// Body bytes received so far.
    pub arrived: u64,
    rx: Receiver<News>,
}

impl std::fmt::Debug for News {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            News::Arrived(n) => write!(f, "Arrived({n})"),
            News::Done(_) => write!(f, "Done"),
        }
    }
}

impl Fetching {
    /// Starts fetching and reading `url` on a thread of its own. Dropping the result cancels
    /// it: the thread finishes (within its timeout) and its page is thrown away.
    pub fn start(url: &str, opts: fetch::Options) -> Fetching {
        let (tx, rx) = channel();
        let theirs = url.to_string();
        let work = move || {
            let progress_tx = tx.clone();
            let mut progress = |n: u64| {
                let _ = progress_tx.send(News::Arrived(n));
            };
            let result = crate::input::open_url(&theirs, &opts, &mut progress);
            let _ = tx.send(News::Done(Box::new(result)));
        };
        let fetching = Fetching { url: url.to_string(), arrived: 0, rx };
        if let Err(e) = std::thread::Builder::new().name("fetch".into()).spawn(work) {
            // Without a thread the page cannot load in the background: say so.
            let (tx, rx) = channel();
            let _ =
                tx.send(News::Done(Box::new(Err(Refusal::Failed(format!("could not start fetching: {e}"))))));
            return Fetching { rx, ..fetching };
        }
        fetching
    }

    /// The page once it is read, or why not; `None` while it is on its way.
    pub fn poll(&mut self) -> Option<Result<Opened, Refusal>> {
        loop {
            match self.rx.try_recv() {
                Ok(News::Arrived(n)) => self.arrived = n,
                Ok(News::Done(result)) => return Some(*result),
                Err(TryRecvError::Empty) => return None,
                Err(TryRecvError::Disconnected) => {
                    return Some(Err(Refusal::Failed(format!("{}: fetching stopped", self.url))));
                }
            }
        }
    }

    /// "loading example.org/a… 12 KiB (Esc cancels)", for the status line.
    pub fn status(&self) -> String {
        let shown = crate::ingest::sanitize::scrub(&self.url);
        let shown = shown.split_once("://").map_or(shown.as_str(), |(_, rest)| rest);
        if self.arrived == 0 {
            format!("loading {shown}… (Esc cancels)")
        } else {
            format!("loading {shown}… {} KiB (Esc cancels)", self.arrived.div_ceil(1024))
        }
    }
}

/// The pages before and after the current one.
#[derive(Debug)]
pub struct History<T> {
    back: Vec<T>,
    forward: Vec<T>,
}

impl<T> Default for History<T> {
    fn default() -> Self {
        History { back: Vec::new(), forward: Vec::new() }
    }
}

impl<T> History<T> {
    /// Leaves `current` for a new page: it goes on the back list, and forward is forgotten.
    pub fn leave(&mut self, current: T) {
        self.back.push(current);
        self.forward.clear();
    }

    /// The page one step `way` from `current`, which goes on the list the other way;
    /// `Err(current)` when there is none that way.
    pub fn go(&mut self, way: Way, current: T) -> Result<T, T> {
        let (from, to) = match way {
            Way::Back => (&mut self.back, &mut self.forward),
            Way::Forward => (&mut self.forward, &mut self.back),
        };
        match from.pop() {
            Some(page) => {
                to.push(current);
                Ok(page)
            }
            None => Err(current),
        }
    }

    /// How many pages lie `way`.
    pub fn depth(&self, way: Way) -> usize {
        match way {
            Way::Back => self.back.len(),
            Way::Forward => self.forward.len(),
        }
    }
}

/// A direction through the pages visited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Way {
    /// To the pages left behind.
    Back,
    /// To the pages left by going back.
    Forward,
}

/// What the reader knows of the page it shows, beside the [`App`].
#[derive(Debug, Clone, Default)]
pub struct Here {
    /// Where it came from, for a web page.
    pub url: Option<String>,
    /// For a feed, each section's article address.
    pub entries: Option<Vec<Option<String>>>,
    /// Where its reading position is kept.
    pub store: Option<Store>,
}

/// A page the reader has left: all of its state, so it comes back as it was.
#[derive(Debug)]
struct Visit {
    app: App,
    here: Here,
}

/// The reader's pages: the one shown is the event loop's [`App`]; the others wait here, and
/// a followed link is on its way here.
#[derive(Debug)]
pub struct Browser {
    history: History<Visit>,
    fetching: Option<Fetching>,
    /// Whether the page on its way is the first (the reader opened on an address): it
    /// replaces the empty reader rather than going into the history, and if it fails the
    /// reader ends with the reason.
    first: bool,
    /// Whether another page than the first has been shown.
    moved: bool,
    /// The page shown.
    pub here: Here,
    opts: fetch::Options,
    settings: Settings,
}

/// The key a web page's reading position is kept under: its address.
pub fn store_for(url: &str) -> Option<Store> {
    Store::for_key(&[b"url:".as_slice(), url.as_bytes()].concat())
}

impl Browser {
    /// The browser of a reader that starts on `here`, opening pages with `settings`.
    pub fn new(here: Here, opts: fetch::Options, settings: Settings) -> Browser {
        Browser {
            history: History::default(),
            fetching: None,
            first: false,
            moved: false,
            here,
            opts,
            settings,
        }
    }

    /// Starts on `url`: the reader is open (and empty) while the page loads.
    pub fn open_first(&mut self, app: &mut App, url: &str) {
        self.follow(app, url);
        self.first = self.fetching.is_some();
    }

    /// Whether the reader has left the page it started on.
    pub fn moved(&self) -> bool {
        self.moved
    }

    /// Whether a page is on its way (the event loop then wakes to show its progress).
    pub fn busy(&self) -> bool {
        self.fetching.is_some()
    }

    /// Takes the actions that are the browser's (back, forward, cancel, a feed's entry) and
    /// gives back the rest for [`super::update()`].
    pub fn take(&mut self, app: &mut App, action: Action) -> Option<Action> {
        match action {
            Action::Back => self.go(app, Way::Back),
            Action::Forward => self.go(app, Way::Forward),
            Action::Clear if self.fetching.is_some() && !self.first && app.overlay == Overlay::None => {
                self.fetching = None;
                app.message = Some("cancelled".to_string());
            }
            Action::Open if app.focus == Pane::Sections && self.here.entries.is_some() => {
                let entry = self.here.entries.as_ref().and_then(|e| e.get(app.toc.selected()).cloned());
                match entry.flatten() {
                    Some(link) => self.follow(app, &link),
                    None => app.message = Some("this entry links to no article".to_string()),
                }
            }
            other => return Some(other),
        }
        None
    }

    /// Follows `href`: a web page is fetched in the background, what is plainly not a page
    /// goes to the system's opener, anything else is refused with the reason.
    pub fn follow(&mut self, app: &mut App, href: &str) {
        match route(href) {
            Route::Fetch(url) => {
                let fetching = Fetching::start(&url, self.opts.clone());
                app.message = Some(fetching.status());
                self.fetching = Some(fetching);
            }
            Route::Opener(url) => outside(app, &url, None),
            Route::Refuse(why) => app.message = Some(why),
        }
    }

    /// Shows how much of the page on its way has come, and opens it once it is read.
    /// Returns whether anything changed on screen, or, when the first page failed, why.
    pub fn poll(&mut self, app: &mut App) -> Result<bool, String> {
        let Some(fetching) = &mut self.fetching else { return Ok(false) };
        let result = fetching.poll();
        let Some(result) = result else {
            app.message = Some(fetching.status());
            return Ok(true);
        };
        self.fetching = None;
        let first = std::mem::take(&mut self.first);
        match result {
            Ok(page) if first => {
                self.arrive(app, page);
                self.history = History::default();
            }
            Ok(page) => self.arrive(app, page),
            Err(Refusal::NotAPage(url, media)) if first => {
                return Err(format!(
                    "{}: {}",
                    crate::ingest::sanitize::scrub(&url),
                    fetch::FetchError::NotAPage(media)
                ));
            }
            Err(Refusal::Failed(why)) if first => return Err(why),
            Err(Refusal::NotAPage(url, media)) => outside(app, &url, Some(&media)),
            Err(Refusal::Failed(why)) => app.message = Some(why),
        }
        Ok(true)
    }

    /// Shows a page that has been read, keeping the one it replaces for back.
    fn arrive(&mut self, app: &mut App, page: Opened) {
        self.save(app);
        let (w, h) = (app.layout.area.width, app.layout.area.height);
        let mut settings = self.settings.clone();
        settings.path = None;
        let mut next = App::with(page.doc, &page.name, w, h, settings);
        next.mouse = app.mouse;
        let here = Here { store: store_for(&page.url), url: Some(page.url), entries: page.entries };
        match here.store.as_ref().map(Store::load) {
            Some(Ok(Some(pos))) => _ = super::update(&mut next, Action::Restore(pos)),
            Some(Err(warning)) => next.message = Some(warning),
            _ => {}
        }
        if let Some(w) = page.warnings.first() {
            next.message = Some(w.clone());
        }
        self.moved = true;
        let previous = std::mem::replace(app, next);
        let left = std::mem::replace(&mut self.here, here);
        self.history.leave(Visit { app: previous, here: left });
    }

    /// Shows the page one step `way`, keeping the one shown for the step back.
    fn go(&mut self, app: &mut App, way: Way) {
        if self.history.depth(way) == 0 {
            let side = if way == Way::Back { "before" } else { "after" };
            app.message = Some(format!("no page {side} this one"));
            return;
        }
        self.save(app);
        let current = self.take_current(app);
        let (Ok(shown) | Err(shown)) = self.history.go(way, current);
        self.show(app, shown);
    }

    /// The current page, leaving an empty reader in its place until [`Browser::show`].
    fn take_current(&mut self, app: &mut App) -> Visit {
        let (w, h) = (app.layout.area.width, app.layout.area.height);
        let empty = App::with(crate::Document::default(), "", w, h, self.settings.clone());
        Visit { app: std::mem::replace(app, empty), here: std::mem::take(&mut self.here) }
    }

    fn show(&mut self, app: &mut App, visit: Visit) {
        self.moved = true;
        let (w, h) = (app.layout.area.width, app.layout.area.height);
        let mouse = app.mouse;
        *app = visit.app;
        app.mouse = mouse;
        self.here = visit.here;
        // The terminal may have changed size while the page waited.
        if (app.layout.area.width, app.layout.area.height) != (w, h) {
            super::update(app, Action::Resize(w, h));
        }
    }

    /// Keeps the reading position of the page shown.
    fn save(&self, app: &App) {
        if let Some(store) = &self.here.store {
            let _ = store.save(super::position(app));
        }
    }
}

/// Hands `url` to the system's opener, saying so (with the media type when the server named it).
fn outside(app: &mut App, url: &str, media: Option<&str>) {
    let shown = crate::ingest::sanitize::scrub(url);
    let what = media.map_or(String::new(), |m| format!(" ({})", crate::ingest::sanitize::scrub(m)));
    app.message = Some(match super::opener::open(url) {
        Ok(()) => format!("not a page{what}: handed to the system's opener: {shown}"),
        Err(why) => format!("not a page{what}: {why}"),
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_pages_are_fetched() {
        assert_eq!(route("http://127.0.0.1:8/a.html"), Route::Fetch("http://127.0.0.1:8/a.html".into()));
        assert_eq!(
            route("https://example.org/photo.JPG"),
            Route::Opener("https://example.org/photo.JPG".into())
        );
        assert_eq!(
            route("https://example.org/report.pdf?x=1"),
            Route::Opener("https://example.org/report.pdf?x=1".into())
        );
        for bad in ["javascript:alert(1)", "mailto:a@b.c", "file:///etc/passwd", "data:text/html,x"] {
            assert!(matches!(route(bad), Route::Refuse(_)), "{bad}");
        }
    }

    #[test]
    fn back_and_forward_keep_every_page() {
        let mut h = History::default();
        h.leave(1);
        h.leave(2);
        assert_eq!(h.go(Way::Back, 3), Ok(2));
        assert_eq!(h.go(Way::Back, 2), Ok(1));
        assert_eq!(h.go(Way::Back, 1), Err(1), "nothing before the first page");
        assert_eq!(h.go(Way::Forward, 1), Ok(2));
        assert_eq!((h.depth(Way::Back), h.depth(Way::Forward)), (1, 1));
        h.leave(2);
        assert_eq!(h.go(Way::Forward, 4), Err(4), "a new page forgets what was ahead");
    }
}
