//! The keys of less and vim users, end to end: the real binary in a pseudo-terminal with a
//! config file in its home, its screen read with vt100.

#[path = "tui_support/pty.rs"]
mod pty;

use pty::{Session, state_dir};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn roman(mut n: usize) -> String {
    let mut out = String::new();
    for (v, s) in [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")] {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

/// A book of thirty chapters whose heroine's name has an accent.
fn book(dir: &Path) -> PathBuf {
    let mut text = String::from("A Book of Keys\n\n");
    for i in 1..=30 {
        text.push_str(&format!("CHAPTER {}\n\n", roman(i)));
        for p in 0..6 {
            text.push_str(&format!(
                "Natásha walked in the garden of house number {i}, paragraph {p}, and thought of \
                 the letters she had not yet written to her brother at the front.\n\n"
            ));
        }
    }
    let path = dir.join("book.txt");
    std::fs::write(&path, text).expect("write the book");
    path
}

fn config(dir: &Path, text: &str) {
    let d = dir.join(".config").join("folio");
    std::fs::create_dir_all(&d).expect("config dir");
    std::fs::write(d.join("config.toml"), text).expect("write the config");
}

fn open(name: &str, config_text: Option<&str>) -> (PathBuf, Session) {
    open_at(name, config_text, 140)
}

fn open_at(name: &str, config_text: Option<&str>, cols: u16) -> (PathBuf, Session) {
    let dir = state_dir(name);
    if let Some(c) = config_text {
        config(&dir, c);
    }
    let file = book(&dir);
    let s = Session::start(&dir, &[file.to_str().expect("utf-8 path")], cols, 30);
    s.wait_for("the reader", |t| t.contains("Sections") && t.contains("CHAPTER I"));
    (dir, s)
}

fn status(s: &Session) -> String {
    s.row(29)
}

fn quit(mut s: Session, dir: PathBuf) {
    // Esc just before would join q into Alt-q.
    std::thread::sleep(Duration::from_millis(150));
    s.keys(b"q");
    assert_eq!(s.exit_code(), 0);
    s.assert_restored();
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn counts_percent_marks_and_the_jump_back() {
    let (dir, mut s) = open("counts", None);
    s.keys(b"jjjjj");
    std::thread::sleep(Duration::from_millis(300));
    let five = s.row(1);
    s.keys(b"g");
    s.wait_for("the top", |_| status(&s).trim_end().ends_with("0%"));
    s.keys(b"5j");
    s.wait_for("5j", |_| s.row(1) == five);
    s.keys(b"g3]");
    s.wait_for("3]", |_| s.row(1).contains("CHAPTER III"));
    s.keys(b"ma");
    s.wait_for("the mark", |_| status(&s).contains("mark a set"));
    s.keys(b"50%");
    s.wait_for("50%", |_| status(&s).contains(" 50%"));
    s.keys(b"'a");
    s.wait_for("'a", |_| s.row(1).contains("CHAPTER III"));
    s.keys(b"''");
    s.wait_for("'' back", |_| status(&s).contains(" 50%"));
    s.keys(b"g]]]");
    s.wait_for("]]]", |_| s.row(1).contains("CHAPTER III"));
    s.keys(b"10]''");
    s.wait_for("'' from a section jump", |_| s.row(1).contains("CHAPTER III"));
    s.keys(b"x");
    s.wait_for("the unknown key", |_| status(&s).contains("x: not a key here"));
    quit(s, dir);
}

#[test]
fn search_folds_accents_and_less_searches_backward() {
    let (dir, mut s) = open("search", Some("keymap = \"less\"\n"));
    s.keys(b"/natasha\r");
    s.wait_for("the accent-folded match", |_| status(&s).contains("/natasha 1/180"));
    s.keys(b"G?garden\r");
    s.wait_for("a backward search from the end", |_| status(&s).contains("?garden 17"));
    let at = |s: &Session| {
        let st = status(s);
        let n = st
            .split("?garden ")
            .nth(1)
            .and_then(|r| r.split('/').next())
            .and_then(|n| n.parse::<usize>().ok());
        n.unwrap_or(0)
    };
    let first = at(&s);
    assert!(first > 170, "found near the end: {}", status(&s));
    s.keys(b"n");
    s.wait_for("n goes on backward", |_| at(&s) == first - 1);
    s.keys(b"/\x1b[A");
    s.wait_for("Up recalls the last query", |_| status(&s).starts_with("/garden"));
    s.keys(b"\x1b");
    std::thread::sleep(Duration::from_millis(100));
    s.keys(b"/hou.e number 2\\d\r");
    s.wait_for("a regex", |_| status(&s).contains("/hou.e number 2\\d ") && status(&s).contains("/60 "));
    s.keys(b"h");
    s.wait_for("help on h in the less preset", |t| t.contains("Keys · Esc closes"));
    s.keys(b"\x1b");
    quit(s, dir);
}

#[test]
fn the_width_keys_narrow_and_restore_the_text() {
    let (dir, mut s) = open_at("width", None, 200);
    s.keys(b"----");
    s.wait_for("narrower", |_| status(&s).contains("text width 84"));
    s.keys(b"=");
    s.wait_for("the default", |_| status(&s).contains("text width 100"));
    s.keys(b"-");
    s.wait_for("narrower again", |_| status(&s).contains("text width 96"));
    s.keys(b"q");
    assert_eq!(s.exit_code(), 0);
    // The width is remembered: the next run opens at it.
    let file = dir.join("book.txt");
    let mut s = Session::start(&dir, &[file.to_str().expect("utf-8 path")], 200, 30);
    s.wait_for("the reader", |t| t.contains("Sections"));
    s.keys(b"+");
    s.wait_for("remembered", |_| status(&s).contains("text width 100"));
    quit(s, dir);
}

#[test]
fn a_config_file_with_the_vim_preset_and_a_light_theme() {
    let (dir, mut s) =
        open("vim", Some("keymap = \"vim\"\ntheme = \"light\"\n[keys]\nquit = [\"q\", \"x\"]\n"));
    let bg =
        |s: &Session| s.screen.lock().map(|p| p.screen().cell(29, 5).map(|c| c.bgcolor())).ok().flatten();
    // The frame may still be arriving: wait for its last line.
    s.wait_for("the light theme's status line", |_| bg(&s) == Some(vt100::Color::Idx(254)));
    s.keys(b"?chapter\r");
    s.wait_for("? searches backward in vim's preset", |_| status(&s).contains("?chapter"));
    s.keys(b"\x1bOP");
    s.wait_for("help on F1", |t| t.contains("Keys · Esc closes"));
    s.keys(b"\x1b");
    std::thread::sleep(Duration::from_millis(100));
    s.keys(b"x");
    assert_eq!(s.exit_code(), 0, "x quits, as the [keys] table says");
    s.assert_restored();
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_broken_config_file_is_a_warning_with_its_line_and_the_reader_opens() {
    let (dir, s) = open("badconf", Some("theme = \"light\"\nwidth = 5\n"));
    s.wait_for("the warning", |_| status(&s).contains("config.toml: line 2: width"));
    quit(s, dir);
    let (dir, s) = open("notoml", Some("keymap = vim\n"));
    s.wait_for("the warning", |_| status(&s).contains("config.toml: line 1:"));
    quit(s, dir);
    let dir = state_dir("missingconf");
    let file = book(&dir);
    let s = Session::start(
        &dir,
        &["--config", "/nonexistent/folio.toml", file.to_str().expect("utf-8")],
        140,
        30,
    );
    s.wait_for("the warning", |_| status(&s).contains("folio.toml: cannot be read"));
    quit(s, dir);
}

#[test]
fn q_quits_at_once_while_a_long_one_line_text_is_still_being_read() {
    let dir = state_dir("oneline");
    let file = dir.join("line.txt");
    let mut line = String::with_capacity(2_400_000);
    while line.len() < 2_300_000 {
        line.push_str("words without end in a single line of text ");
    }
    std::fs::write(&file, &line).expect("write");
    let mut s = Session::start(&dir, &[file.to_str().expect("utf-8 path")], 100, 30);
    s.wait_for("the first look", |t| t.contains("words without end") && t.contains("loading…"));
    let asked = Instant::now();
    s.keys(b"q");
    assert_eq!(s.exit_code(), 0);
    // Generous, but far below reading the rest (the loading thread is never waited for).
    assert!(asked.elapsed() < Duration::from_secs(3), "{:?}", asked.elapsed());
    s.assert_restored();
    let _ = std::fs::remove_dir_all(dir);
}
