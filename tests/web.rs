//! `folio URL` against servers the tests start on 127.0.0.1: pages, redirects, errors,
//! timeouts, caps, compression, charsets, feeds and the cache.

mod web_support;

use std::io::Write;
use std::process::{Command, Output};
use std::time::{Duration, Instant};
use web_support::{Reply, Request, serve};

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/web/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// A cache and state directory of the test's own, so no test touches the user's; removed
/// when the test ends.
fn home(name: &str) -> tempfile::TempDir {
    tempfile::Builder::new().prefix(&format!("folio-web-{name}-")).tempdir().unwrap_or_else(|e| panic!("{e}"))
}

fn folio(home: &tempfile::TempDir, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(args)
        .env("XDG_CACHE_HOME", home.path().join("cache"))
        .env("XDG_STATE_HOME", home.path().join("state"))
        .output()
        .unwrap_or_else(|e| panic!("folio: {e}"))
}

fn json(out: &Output) -> serde_json::Value {
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("bad JSON: {e}"))
}

/// One line on standard error, exit status 1.
fn fails(out: &Output) -> String {
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert_eq!(err.trim_end().lines().count(), 1, "{err:?}");
    assert!(out.stdout.is_empty());
    err.trim_end().to_string()
}

fn site(r: &Request) -> Reply {
    match r.path.as_str() {
        "/page.html" => Reply::ok("text/html; charset=utf-8", fixture("page.html")),
        "/second.html" => Reply::ok("text/html", fixture("second.html")),
        "/r1" => Reply::redirect("/r2"),
        "/r2" => Reply::redirect("/page.html"),
        "/loop-a" => Reply::redirect("/loop-b"),
        "/loop-b" => Reply::redirect("/loop-a"),
        "/far" => Reply::redirect("/far/1"),
        p if p.starts_with("/far/") => {
            let n: u32 = p[5..].parse().unwrap_or(0);
            Reply::redirect(&format!("/far/{}", n + 1))
        }
        "/boom" => Reply::status("500 Internal Server Error"),
        "/silent" => Reply::Silence(Duration::from_secs(8)),
        "/endless" => Reply::Endless,
        "/image.png" => Reply::ok("image/png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec()),
        "/gzip.html" => {
            let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
            let _ = gz.write_all(&fixture("page.html"));
            Reply::ok("text/html", gz.finish().unwrap_or_default()).with("Content-Encoding", "gzip")
        }
        "/deflate.html" => {
            let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
            let _ = z.write_all(&fixture("page.html"));
            Reply::ok("text/html", z.finish().unwrap_or_default()).with("Content-Encoding", "deflate")
        }
        "/cyrillic.html" => {
            let page = "<html><head><meta charset=\"iso-8859-1\"><title>Паромы снова ходят</title></head>\
                        <body><article><h1>Паромы снова ходят</h1><p>Паромы в Лиссабоне снова ходят после \
                        недели штормов, сообщили в порту.</p></article></body></html>";
            Reply::ok(
                "text/html; charset=windows-1251",
                encoding_rs::WINDOWS_1251.encode(page).0.into_owned(),
            )
        }
        "/feed.rss" => Reply::ok("application/rss+xml", fixture("feed.rss")),
        "/feed.atom" => Reply::ok("application/atom+xml", fixture("feed.atom")),
        "/feed.json" => Reply::ok("application/feed+json", fixture("feed.json")),
        _ => Reply::status("404 Not Found"),
    }
}

#[test]
fn a_page_reads_as_its_file_does_plus_its_url() {
    let server = serve(site);
    let dir = home("page");
    let url = server.url("/page.html");
    let mut web = json(&folio(&dir, &["--json", &url]));
    let file = format!("{}/tests/fixtures/web/page.html", env!("CARGO_MANIFEST_DIR"));
    let mut saved = json(&folio(&dir, &["--json", &file]));
    assert_eq!(web["url"], url.as_str());
    assert_eq!(saved["url"], serde_json::Value::Null);
    // Links read as in the saved copy: this one names no address of its own, so only its
    // absolute links are kept (the reader follows the relative ones from where it is), and
    // a javascript: link is dropped.
    let hrefs: Vec<&str> =
        web["links"].as_array().into_iter().flatten().filter_map(|l| l["href"].as_str()).collect();
    assert_eq!(hrefs, ["https://example.org/ferries"]);
    for v in [&mut web, &mut saved] {
        v.as_object_mut().map(|o| o.remove("url"));
    }
    assert_eq!(web, saved);
}

#[test]
fn the_canonical_address_names_the_page() {
    let server = serve(site);
    let dir = home("canonical");
    let v = json(&folio(&dir, &["--json", &server.url("/second.html")]));
    assert_eq!(v["url"], "https://courier.example/news/second-crossing");
    let file = format!("{}/tests/fixtures/web/second.html", env!("CARGO_MANIFEST_DIR"));
    assert_eq!(json(&folio(&dir, &["--json", &file])), v, "the same as the saved page");
    assert_eq!(v["links"][0]["href"], "https://courier.example/news/page.html");
}

#[test]
fn redirects_are_followed_and_loops_refused() {
    let server = serve(site);
    let dir = home("redirects");
    let v = json(&folio(&dir, &["--json", &server.url("/r1")]));
    assert_eq!(v["title"], "Harbour Ferries Run Again");
    assert_eq!(v["url"], server.url("/page.html").as_str());
    let url = server.url("/loop-a");
    assert_eq!(fails(&folio(&dir, &["--json", &url])), format!("folio: {url}: redirect loop"));
    let url = server.url("/far");
    assert_eq!(fails(&folio(&dir, &["--json", &url])), format!("folio: {url}: more than 10 redirects"));
    assert_eq!(server.paths().iter().filter(|p| p.starts_with("/far")).count(), 11);
}

#[test]
fn error_statuses_are_one_line() {
    let server = serve(site);
    let dir = home("status");
    let url = server.url("/missing");
    assert_eq!(fails(&folio(&dir, &["--json", &url])), format!("folio: {url}: HTTP 404 Not Found"));
    let url = server.url("/boom");
    assert_eq!(
        fails(&folio(&dir, &["--json", &url])),
        format!("folio: {url}: HTTP 500 Internal Server Error")
    );
    let url = server.url("/image.png");
    assert_eq!(fails(&folio(&dir, &["--json", &url])), format!("folio: {url}: not a page (image/png)"));
}

#[test]
fn a_closed_port_and_a_silent_server_fail_in_time() {
    let free = std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).expect("port");
    let dir = home("timeouts");
    let url = format!("http://{free}/page.html");
    let err = fails(&folio(&dir, &["--json", &url]));
    assert_eq!(err, format!("folio: {url}: could not connect (connection refused)"));
    let server = serve(site);
    let url = server.url("/silent");
    let started = Instant::now();
    let err = fails(&folio(&dir, &["--json", "--timeout", "0.5", &url]));
    assert_eq!(err, format!("folio: {url}: timed out after 0.5 s"));
    assert!(started.elapsed() < Duration::from_secs(5), "{:?}", started.elapsed());
}

#[test]
fn an_endless_body_stops_at_the_cap() {
    let server = serve(site);
    let url = server.url("/endless");
    let err = fails(&folio(&home("cap"), &["--json", "--max-bytes", "200000", &url]));
    assert!(err.starts_with(&format!("folio: {url}: page is larger than 200000 bytes")), "{err}");
}

#[test]
fn compressed_bodies_are_read() {
    let server = serve(site);
    let dir = home("compressed");
    for path in ["/gzip.html", "/deflate.html"] {
        let v = json(&folio(&dir, &["--json", &server.url(path)]));
        assert_eq!(v["title"], "Harbour Ferries Run Again", "{path}");
    }
    let log = server
        .log
        .lock()
        .map(|l| l.iter().filter_map(|r| r.header("accept-encoding").map(String::from)).collect::<Vec<_>>());
    assert!(log.unwrap_or_default().iter().all(|a| a.contains("gzip") && a.contains("deflate")));
    let agents: Vec<String> = server
        .log
        .lock()
        .map(|l| l.iter().filter_map(|r| r.header("user-agent").map(String::from)).collect())
        .unwrap_or_default();
    assert!(agents.iter().all(|a| a == concat!("folio/", env!("CARGO_PKG_VERSION"))), "{agents:?}");
}

#[test]
fn the_servers_charset_outranks_the_meta_tag() {
    let server = serve(site);
    let v = json(&folio(&home("charset"), &["--json", &server.url("/cyrillic.html")]));
    assert_eq!(v["title"], "Паромы снова ходят");
    let text = v["sections"][0]["paragraphs"][0]["text"].as_str().unwrap_or_default();
    assert!(text.starts_with("Паромы в Лиссабоне"), "{text}");
}

#[test]
fn feeds_list_their_entries() {
    let server = serve(site);
    let dir = home("feeds");
    let v = json(&folio(&dir, &["--json", &server.url("/feed.rss")]));
    assert_eq!(v["title"], "The Quay Courier");
    assert_eq!(v["entries"][0]["title"], "Harbour Ferries Run Again");
    assert_eq!(v["entries"][0]["link"], server.url("/page.html").as_str());
    assert_eq!(v["entries"][0]["published"], "2026-12-01T09:30:00Z");
    assert_eq!(v["entries"][0]["summary"], "The harbour ferries of Lisbon ran again on Monday.");
    assert_eq!(v["entries"][1]["summary"], "The second crossing leaves Cais do Sodre at half past seven.");
    for path in ["/feed.atom", "/feed.json"] {
        let v = json(&folio(&dir, &["--json", &server.url(path)]));
        assert_eq!(v["entries"][0]["title"], "Harbour Ferries Run Again", "{path}");
        assert_eq!(v["entries"][0]["link"], "http://courier.example/page.html", "{path}");
        assert_eq!(v["entries"][0]["published"], "2026-12-01T09:30:00Z", "{path}");
    }
    // From a file, by content.
    let file = format!("{}/tests/fixtures/web/feed.atom", env!("CARGO_MANIFEST_DIR"));
    let v = json(&folio(&dir, &["--json", &file]));
    assert_eq!(v["entries"][0]["summary"], "The ferries of Lisbon ran again on Monday.");
}

#[test]
fn a_page_read_before_opens_from_the_cache_when_the_server_is_gone() {
    let dir = home("cache");
    let server = serve(|r: &Request| {
        if r.header("if-none-match") == Some("\"v1\"") {
            return Reply::Full { status: "304 Not Modified", headers: Vec::new(), body: Vec::new() };
        }
        Reply::ok("text/html", fixture("page.html")).with("ETag", "\"v1\"")
    });
    let url = server.url("/page.html");
    let first = json(&folio(&dir, &["--json", &url]));
    let again = json(&folio(&dir, &["--json", &url]));
    assert_eq!(first, again);
    let revalidated =
        server.log.lock().map(|l| l[1].header("if-none-match").map(String::from)).unwrap_or_default();
    assert_eq!(revalidated.as_deref(), Some("\"v1\""));
    // A corrupt copy is ignored with a warning, and the page fetched again.
    for f in std::fs::read_dir(dir.path().join("cache/folio/pages")).into_iter().flatten().flatten() {
        let _ = std::fs::write(f.path(), b"folio-cache 1\n{not json");
    }
    let out = folio(&dir, &["--json", &url]);
    assert_eq!(json(&out), first);
    assert!(String::from_utf8_lossy(&out.stderr).contains("corrupt"));
    // The same address with nobody listening: the copy, with a warning that says so.
    drop(server);
    let out = folio(&dir, &["--json", &url]);
    assert_eq!(json(&out), first);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("could not connect") && err.contains("the copy kept from"), "{err}");
}
