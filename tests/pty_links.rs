//! End to end: `o` lists a document's links in the real binary, and `O` hands the chosen
//! web address to `$BROWSER` as one argument, without a shell and without waiting for it.
//! (Enter opens it inside folio: see pty_web.rs.)

#[path = "tui_support/pty.rs"]
mod pty;

use pty::{Session, state_dir};
use std::time::{Duration, Instant};

#[test]
fn o_lists_the_links_and_shift_o_hands_one_to_the_browser() {
    let dir = state_dir("links");
    let page = dir.join("page.md");
    std::fs::write(
        &page,
        "# Reading List\n\nStart with the [field guide](https://example.org/guide) and then the \
[notes on kilns](https://example.org/notes?a=1&b=two%20words), both short.\n",
    )
    .expect("page");
    // A browser that writes down how many arguments it got and the first, then lingers:
    // the reader must not wait for it.
    let browser = dir.join("browser.sh");
    std::fs::write(&browser, "#!/bin/sh\nprintf '%s\\n' \"$#\" \"$1\" > \"$0.out\"\nsleep 2\n")
        .expect("script");
    let chmod = std::process::Command::new("chmod").arg("+x").arg(&browser).status().expect("chmod");
    assert!(chmod.success());
    let setting = format!("BROWSER={}", browser.display());
    let folio = env!("CARGO_BIN_EXE_folio");
    let page = page.display().to_string();
    let mut s = Session::run("env", &dir, &[&setting, folio, &page], 100, 30);
    s.wait_for("the reader", |t| t.contains("Reading List") && t.contains("guide[1]"));
    s.keys(b"o");
    s.wait_for("the link list", |t| t.contains("Links 2") && t.contains("[2] notes on kilns"));
    assert!(s.text().contains("https://example.org/guide"), "{}", s.text());
    s.keys(b"jO");
    let out = dir.join("browser.sh.out");
    let start = Instant::now();
    while !out.exists() && start.elapsed() < Duration::from_secs(10) {
        std::thread::sleep(Duration::from_millis(30));
    }
    std::thread::sleep(Duration::from_millis(100));
    let got = std::fs::read_to_string(&out).expect("the browser ran");
    assert_eq!(got, "1\nhttps://example.org/notes?a=1&b=two%20words\n");
    s.wait_for("the reader, still answering", |t| {
        t.contains("opening https://example.org/notes") && !t.contains("Links 2")
    });
    s.keys(b"j");
    s.keys(b"q");
    assert_eq!(s.exit_code(), 0);
    s.assert_restored();
    let _ = std::fs::remove_dir_all(&dir);
}
