//! End to end: the real binary in a pseudo-terminal, its screen read with vt100.
//!
//! Each test checks what a person sees and what the terminal is left with: main screen,
//! cursor shown, no mouse reporting.

#[path = "tui_support/pty.rs"]
mod pty;

use pty::{Session, state_dir};
use std::time::Duration;
/// Where the seed's reading position is kept under a test's state directory: the seed has
/// no file, so it is named by its title.
fn seed_store(dir: &std::path::Path) -> folio::tui::state::Store {
    let doc = folio::structure(folio::SEED).expect("seed");
    let key = folio::tui::state::key(None, doc.title.as_ref().map(|t| t.text.as_str()), folio::SEED);
    folio::tui::state::Store::in_dir(&dir.join("state").join("folio"), &key)
}

/// The first heading of the seed as the library reads it, if its structure has one.
fn first_heading() -> Option<String> {
    let doc = folio::read(folio::SEED).expect("seed");
    doc.sections.iter().find_map(|s| s.heading.as_ref().map(|h| h.text.clone()))
}

#[test]
fn next_section_then_quit_leaves_the_terminal_as_it_was() {
    let dir = state_dir("quit");
    let mut s = Session::start(&dir, &[], 140, 40);
    s.wait_for("the reader", |t| t.contains("Sections") && t.contains("Events"));
    let before = s.text();
    s.keys(b"]");
    match first_heading() {
        Some(h) => {
            let start: String = h.chars().take(40).collect();
            s.wait_for("the heading at the top", |_| s.row(1).contains(&start));
            assert!(s.text().contains("§ 2/") || s.text().contains("§ 1/"), "{}", s.text());
        }
        None => {
            std::thread::sleep(Duration::from_millis(300));
            assert_eq!(s.text(), before, "without headings ] stays");
        }
    }
    s.keys(b"q");
    assert_eq!(s.exit_code(), 0);
    s.assert_restored();
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn ctrl_c_quits_cleanly() {
    let dir = state_dir("ctrlc");
    let mut s = Session::start(&dir, &[], 100, 30);
    s.wait_for("the reader", |t| t.contains("Sections"));
    s.keys(b"\x03");
    assert_eq!(s.exit_code(), 0);
    s.assert_restored();
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn sigterm_restores_the_terminal() {
    let dir = state_dir("term");
    let mut s = Session::start(&dir, &[], 100, 30);
    s.wait_for("the reader", |t| t.contains("Sections"));
    s.keys(b"G");
    s.wait_for("the end", |t| t.trim_end().ends_with("100%"));
    let pid = s.child.process_id().expect("pid");
    let killed = std::process::Command::new("kill").args(["-TERM", &pid.to_string()]).status().expect("kill");
    assert!(killed.success());
    assert_eq!(s.exit_code(), 128 + 15);
    s.assert_restored();
    let store = seed_store(&dir);
    assert!(store.load().is_ok_and(|p| p.is_some_and(|p| p.input > 0)), "the position was saved");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn resize_bursts_down_to_one_cell_leave_it_alive_readable_and_restorable() {
    let dir = state_dir("resize");
    let mut s = Session::start(&dir, &[], 120, 36);
    s.wait_for("the reader", |t| t.contains("Sections"));
    for burst in 0..3 {
        for (cols, rows) in [(1, 1), (60, 20), (10, 3), (200, 50), (0, 0), (1, 1), (19, 4), (33, 9), (80, 24)]
        {
            s.resize(cols, rows);
            std::thread::sleep(Duration::from_millis(if burst == 1 { 0 } else { 15 }));
        }
        s.resize(1, 1);
        std::thread::sleep(Duration::from_millis(100));
        s.resize(120, 36);
        s.keys(b"g");
        s.wait_for("a readable screen", |t| t.contains("Sections") && t.contains("Entities"));
        assert!(s.child.try_wait().expect("wait").is_none(), "still running after burst {burst}");
    }
    s.keys(b"q");
    assert_eq!(s.exit_code(), 0);
    s.assert_restored();
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_reading_position_is_remembered() {
    let dir = state_dir("position");
    let mut s = Session::start(&dir, &[], 100, 30);
    s.wait_for("the reader", |t| t.contains("Sections"));
    std::thread::sleep(Duration::from_millis(200));
    let first = s.row(1);
    s.keys(b"jjjjjjjjjj");
    s.wait_for("scrolled", |_| s.row(1) != first);
    std::thread::sleep(Duration::from_millis(200));
    let top = s.row(1);
    s.keys(b"q");
    assert_eq!(s.exit_code(), 0);
    let mut again = Session::start(&dir, &[], 100, 30);
    again.wait_for("the reader", |t| t.contains("Sections"));
    std::thread::sleep(Duration::from_millis(200));
    assert_eq!(again.row(1), top);
    again.keys(b"q");
    assert_eq!(again.exit_code(), 0);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_big_input_shows_its_start_then_all_of_it() {
    let dir = state_dir("big");
    let mut text = String::from("A Big Input\n\n");
    for i in 0..6000 {
        text.push_str(&format!("Paragraph number {i} of a long and patient text about rivers.\n\n"));
    }
    text.push_str("The very last paragraph of the big input.\n");
    let file = dir.join("big.txt");
    std::fs::write(&file, &text).expect("write");
    let mut s = Session::start(&dir, &[file.to_str().expect("utf-8 path")], 100, 30);
    // The status line is written last and left to right: once it shows the percentage, a
    // "loading…" before it would show too.
    s.wait_for("the reader", |t| t.contains("A Big Input") && t.trim_end().ends_with('%'));
    s.wait_for("the whole input", |t| !t.contains("loading…") && t.trim_end().ends_with('%'));
    s.keys(b"G");
    s.wait_for("the end of the whole input", |t| t.contains("The very last paragraph"));
    s.keys(b"q");
    assert_eq!(s.exit_code(), 0);
    s.assert_restored();
    // The saved position lies past the first part: it is restored once the whole is in.
    let mut again = Session::start(&dir, &[file.to_str().expect("utf-8 path")], 100, 30);
    again.wait_for("the saved end", |t| t.contains("The very last paragraph"));
    again.keys(b"q");
    assert_eq!(again.exit_code(), 0);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn binary_input_is_refused_before_the_screen_changes() {
    let dir = state_dir("binary");
    let file = dir.join("image.png");
    std::fs::write(&file, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01").expect("write");
    let mut s = Session::start(&dir, &[file.to_str().expect("utf-8 path")], 100, 30);
    assert_ne!(s.exit_code(), 0);
    assert!(s.text().contains("folio:"), "{}", s.text());
    s.assert_restored();
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn ctrl_z_suspends_with_the_terminal_restored_and_fg_resumes() {
    // An interactive shell, so the reader runs under job control as people run it.
    let dir = state_dir("suspend");
    let mut s = Session::run("bash", &dir, &["--norc", "--noprofile", "-i"], 100, 30);
    s.keys(format!("PS1='$ '; {}\n", env!("CARGO_BIN_EXE_folio")).as_bytes());
    s.wait_for("the reader", |t| t.contains("Sections") && t.contains("Entities"));
    s.keys(b"\x1a");
    s.wait_for("the shell", |t| t.contains("Stopped"));
    s.assert_restored();
    s.keys(b"fg\n");
    s.wait_for("the reader again", |t| t.contains("Sections") && t.contains("Entities"));
    assert!(s.screen.lock().map(|p| p.screen().alternate_screen()).unwrap_or(false));
    s.keys(b"q");
    s.wait_for("the shell again", |t| !t.contains("Sections") && t.contains("fg"));
    s.assert_restored();
    s.keys(b"exit\n");
    let _ = s.exit_code();
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_terminal_that_goes_away_ends_the_reader() {
    let dir = state_dir("hangup");
    let mut s = Session::start(&dir, &[], 100, 30);
    s.wait_for("the reader", |t| t.contains("Sections"));
    s.signal("-HUP");
    assert_eq!(s.exit_code(), 128 + 1, "no orphan left spinning");
    s.assert_restored();
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_corrupt_saved_position_is_a_warning_not_an_error() {
    let dir = state_dir("corrupt");
    let store = seed_store(&dir);
    std::fs::create_dir_all(store.path().parent().expect("dir")).expect("mkdir");
    std::fs::write(store.path(), b"\x00{ not json").expect("write");
    let mut s = Session::start(&dir, &[], 100, 30);
    s.wait_for("the warning", |t| t.contains("corrupt"));
    s.keys(b"jq");
    assert_eq!(s.exit_code(), 0);
    assert!(store.load().is_ok_and(|p| p.is_some()), "a good position replaced the corrupt one");
    let _ = std::fs::remove_dir_all(&dir);
}

/// A long input, so a signal can come while the rest of it is being read.
fn big_input(dir: &std::path::Path) -> String {
    let mut text = String::from("A Big Input\n\n");
    for i in 0..40_000 {
        text.push_str(&format!("Paragraph number {i} of a long and patient text about rivers.\n\n"));
    }
    let file = dir.join("big.txt");
    std::fs::write(&file, &text).expect("write");
    file.to_str().expect("utf-8 path").to_string()
}

#[test]
fn every_signal_restores_the_terminal_even_while_loading() {
    for (sig, code) in [("-TERM", 15), ("-HUP", 1), ("-INT", 2)] {
        let dir = state_dir(&format!("loading{code}"));
        let file = big_input(&dir);
        let mut s = Session::start(&dir, &[&file], 100, 30);
        s.wait_for("the first frame", |t| t.contains("A Big Input"));
        s.signal(sig);
        assert_eq!(s.exit_code(), 128 + code, "{sig}");
        s.assert_restored();
        let _ = std::fs::remove_dir_all(&dir);
    }
}

#[test]
fn ctrl_c_in_the_search_prompt_and_in_an_overlay_quits_cleanly() {
    for keys in [&b"/rive"[..], b"s"] {
        let dir = state_dir("ctrlc-overlay");
        let mut s = Session::start(&dir, &[], 60, 20);
        s.wait_for("the reader", |t| t.contains('%'));
        s.keys(keys);
        std::thread::sleep(Duration::from_millis(100));
        s.keys(b"\x03");
        assert_eq!(s.exit_code(), 0, "{:?}", String::from_utf8_lossy(keys));
        s.assert_restored();
        let _ = std::fs::remove_dir_all(&dir);
    }
}

#[test]
fn an_html_page_opens_in_the_reader_as_a_document() {
    let dir = state_dir("html");
    let page = dir.join("page.html");
    std::fs::create_dir_all(&dir).expect("state dir");
    let body =
        "<p>The harbour reopened on Monday after a week of storms, and the first ferries left at dawn.</p>";
    let html = format!(
        "<!doctype html><html><head><title>Harbour Reopens | The Courier</title></head><body>\
         <nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article><h1>Harbour Reopens</h1>{body}\
         <h2>What Comes Next</h2>{body}</article><footer>Sign up for our newsletter</footer></body></html>"
    );
    std::fs::write(&page, html).expect("write page");
    let mut s = Session::start(&dir, &[page.to_str().expect("utf8 path")], 120, 30);
    s.wait_for("the page as a document", |t| t.contains("What Comes Next") && t.contains("harbour reopened"));
    assert!(!s.text().contains("<p>") && !s.text().contains("newsletter"), "{}", s.text());
    s.keys(b"q");
    assert_eq!(s.exit_code(), 0);
    s.assert_restored();
    let _ = std::fs::remove_dir_all(&dir);
}
