//! End to end: the reader on pages served from 127.0.0.1: open a URL, follow a link inside
//! folio, go back to the same position and forward again, open a feed's entry and come back.

#[path = "tui_support/pty.rs"]
mod pty;
mod web_support;

use pty::{Session, state_dir};
use web_support::{Reply, Request, serve};

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

fn reader(dir: &std::path::PathBuf, url: &str) -> Session {
    let cache = format!("XDG_CACHE_HOME={}", dir.join("cache").display());
    Session::run("env", dir, &[&cache, env!("CARGO_BIN_EXE_folio"), url], 110, 30)
}

#[test]
fn a_link_opens_inside_folio_and_back_returns_to_the_same_place() {
    let server = serve(site);
    let dir = state_dir("web-links");
    let mut s = reader(&dir, &server.url("/page.html"));
    s.wait_for("the first page", |t| t.contains("Harbour Ferries Run Again") && t.contains("127.0.0.1"));
    s.keys(b"jj");
    std::thread::sleep(std::time::Duration::from_millis(200));
    let before = s.row(1);
    s.keys(b"o");
    s.wait_for("the link list", |t| t.contains("[1] second crossing"));
    s.keys(b"\r");
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
    s.keys(b"q");
    assert_eq!(s.exit_code(), 0);
    s.assert_restored();
    assert!(
        server.paths().iter().filter(|p| p.as_str() == "/second.html").count() == 1,
        "forward reuses the page"
    );
    assert_eq!(server.paths().iter().filter(|p| p.as_str() == "/page.html").count(), 2);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_feed_lists_its_entries_and_enter_opens_one() {
    let server = serve(site);
    let dir = state_dir("web-feed");
    let mut s = reader(&dir, &server.url("/feed.rss"));
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
    s.keys(b"q");
    assert_eq!(s.exit_code(), 0);
    s.assert_restored();
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_page_that_fails_says_why_and_the_reader_stays() {
    let server = serve(|r: &Request| match r.path.as_str() {
        "/page.html" => Reply::ok("text/html", fixture("page.html")),
        _ => Reply::status("404 Not Found"),
    });
    let dir = state_dir("web-fail");
    let mut s = reader(&dir, &server.url("/page.html"));
    s.wait_for("the page", |t| t.contains("Harbour Ferries Run Again"));
    s.keys(b"o");
    s.wait_for("the link list", |t| t.contains("[1] second crossing"));
    s.keys(b"\r");
    s.wait_for("the reason", |t| t.contains("HTTP 404 Not Found"));
    assert!(s.text().contains("Harbour Ferries Run Again"));
    s.keys(b"q");
    assert_eq!(s.exit_code(), 0);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_page_on_its_way_can_be_cancelled_and_the_current_one_stays_usable() {
    let server = serve(|r: &Request| match r.path.as_str() {
        "/page.html" => Reply::ok("text/html", fixture("page.html")),
        _ => Reply::Silence(std::time::Duration::from_secs(8)),
    });
    let dir = state_dir("web-cancel");
    let mut s = reader(&dir, &server.url("/page.html"));
    s.wait_for("the page", |t| t.contains("Harbour Ferries Run Again"));
    s.keys(b"o");
    s.wait_for("the link list", |t| t.contains("[1] second crossing"));
    s.keys(b"\r");
    s.wait_for("the page on its way", |t| t.contains("loading 127.0.0.1") && t.contains("Esc cancels"));
    s.keys(b"G");
    s.wait_for("the current page still moves", |t| t.contains("100%"));
    s.keys(b"\x1b");
    s.wait_for("cancelled", |t| t.contains("cancelled") && t.contains("Harbour Ferries Run Again"));
    s.keys(b"q");
    assert_eq!(s.exit_code(), 0);
    s.assert_restored();
    let _ = std::fs::remove_dir_all(&dir);
}
