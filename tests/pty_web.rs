//! End to end: the reader on pages served from 127.0.0.1: open a URL, follow a link inside
//! folio, go back to the same position and forward again, open a feed's entry and come back.

#[path = "tui_support/pty.rs"]
mod pty;
mod web_support;

use pty::{Session, state_dir};
use std::path::PathBuf;
use web_support::{Reply, Request, Server, serve};

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/web/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn site(r: &Request) -> Reply {
    match r.path.as_str() {
        "/page.html" => Reply::ok("text/html; charset=utf-8", fixture("page.html")),
        "/second.html" => Reply::ok("text/html", fixture("second.html")),
        "/feed.rss" => Reply::ok("application/rss+xml", fixture("feed.rss")),
        _ => Reply::status("404 Not Found"),
    }
}

/// The reader opened on `path` of a server that answers with `site`, its home, state and
/// cache in a directory of the test's own.
struct Web {
    server: Server,
    dir: PathBuf,
    s: Session,
}

impl Web {
    fn open(name: &str, site: impl Fn(&Request) -> Reply + Send + Sync + 'static, path: &str) -> Web {
        let server = serve(site);
        let dir = state_dir(name);
        let cache = format!("XDG_CACHE_HOME={}", dir.join("cache").display());
        let url = server.url(path);
        let s = Session::run("env", &dir, &[&cache, env!("CARGO_BIN_EXE_folio"), &url], 110, 30);
        Web { server, dir, s }
    }

    /// `o`, then Enter on the first link of the list.
    fn follow_first_link(&mut self) {
        self.s.keys(b"o");
        self.s.wait_for("the link list", |t| t.contains("[1] second crossing"));
        self.s.keys(b"\r");
    }

    /// Quits: the reader ends well and leaves the terminal as it found it.
    fn quit(mut self) {
        self.s.keys(b"q");
        assert_eq!(self.s.exit_code(), 0);
        self.s.assert_restored();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// A site of one page whose other addresses get `other`.
fn one_page(other: fn() -> Reply) -> impl Fn(&Request) -> Reply + Send + Sync + 'static {
    move |r: &Request| match r.path.as_str() {
        "/page.html" => Reply::ok("text/html", fixture("page.html")),
        _ => other(),
    }
}

#[test]
fn a_link_opens_inside_folio_and_back_returns_to_the_same_place() {
    let mut web = Web::open("web-links", site, "/page.html");
    let s = &mut web.s;
    s.wait_for("the first page", |t| t.contains("Harbour Ferries Run Again") && t.contains("127.0.0.1"));
    s.keys(b"jj");
    std::thread::sleep(std::time::Duration::from_millis(200));
    let before = s.row(1);
    web.follow_first_link();
    let s = &mut web.s;
    s.wait_for("the second page", |t| t.contains("The Second Crossing") && t.contains("Cais do Sodre"));
    s.keys(b"\x7f");
    s.wait_for("the first page again", |t| t.contains("Harbour Ferries Run Again"));
    s.wait_for("at the same position", |_| s.row(1) == before);
    s.keys(b"L");
    s.wait_for("the second page again", |t| t.contains("Cais do Sodre"));
    s.keys(b"H");
    s.wait_for("and back", |t| t.contains("Harbour Ferries Run Again"));
    s.keys(b"L");
    s.wait_for("forward", |t| t.contains("Cais do Sodre"));
    // The second page names another address for itself; its relative link still leads
    // to where it was fetched from.
    s.keys(b"o");
    s.wait_for("its link list", |t| t.contains("[1] harbour ferries") && t.contains("127.0.0.1"));
    s.keys(b"\r");
    s.wait_for("the first page by the link", |t| {
        t.contains("Harbour Ferries Run Again") && !t.contains("Cais do")
    });
    let asked = |path: &str| web.server.paths().iter().filter(|p| p.as_str() == path).count();
    assert_eq!(asked("/second.html"), 1, "forward reuses the page");
    assert_eq!(asked("/page.html"), 2);
    web.quit();
}

#[test]
fn a_feed_lists_its_entries_and_enter_opens_one() {
    let mut web = Web::open("web-feed", site, "/feed.rss");
    let s = &mut web.s;
    s.wait_for("the entries", |t| {
        t.contains("Harbour Ferries Run Again") && t.contains("The Second Crossing")
    });
    // Focus the section list, the second entry, Enter: its article.
    s.keys(b"\x1b[Z");
    std::thread::sleep(std::time::Duration::from_millis(100));
    s.keys(b"j\r");
    s.wait_for("the article", |t| {
        t.contains("The Second Crossing") && t.contains("half past seven and reaches")
    });
    s.keys(b"\x7f");
    s.wait_for("the feed again", |t| t.contains("The Quay Courier") && t.contains("read the article"));
    web.quit();
}

#[test]
fn a_page_that_fails_says_why_and_the_reader_stays() {
    let mut web = Web::open("web-fail", one_page(|| Reply::status("404 Not Found")), "/page.html");
    web.s.wait_for("the page", |t| t.contains("Harbour Ferries Run Again"));
    web.follow_first_link();
    web.s.wait_for("the reason", |t| t.contains("HTTP 404 Not Found"));
    assert!(web.s.text().contains("Harbour Ferries Run Again"));
    web.quit();
}

#[test]
fn a_page_on_its_way_can_be_cancelled_and_the_current_one_stays_usable() {
    let silence = || Reply::Silence(std::time::Duration::from_secs(8));
    let mut web = Web::open("web-cancel", one_page(silence), "/page.html");
    web.s.wait_for("the page", |t| t.contains("Harbour Ferries Run Again"));
    web.follow_first_link();
    let s = &mut web.s;
    s.wait_for("the page on its way", |t| t.contains("loading 127.0.0.1") && t.contains("Esc cancels"));
    s.keys(b"G");
    s.wait_for("the current page still moves", |t| t.contains("100%"));
    s.keys(b"\x1b");
    s.wait_for("cancelled", |t| t.contains("cancelled") && t.contains("Harbour Ferries Run Again"));
    web.quit();
}
