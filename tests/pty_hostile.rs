//! Hostile input in the real terminal: the nastiest files of tests/hostile/ (and a hostile
//! file name) shown by the real binary in a pseudo-terminal, with checks on the RAW bytes it
//! wrote. Whatever the input, the terminal receives only what folio draws: control
//! sequences introduced by CSI and nothing else (no OSC, DCS, APC, PM or SOS, so no title,
//! clipboard, hyperlink or graphics), no C1 control, no bidi override or isolate.

#[path = "tui_support/pty.rs"]
mod pty;

use pty::{Session, state_dir};
use std::path::Path;

/// The files to show, and text of theirs that must never reach the terminal (payloads of
/// the sequences they carry).
const NASTY: &[(&str, &[&str])] = &[
    ("csi.txt", &[]),
    ("osc_title.txt", &["pwned title", "another title"]),
    ("osc8_hyperlink.txt", &["evil.example"]),
    ("osc52_clipboard.txt", &["cm0gLXJmIH4K"]),
    ("dcs.txt", &["$r0m", "#0;2;0;0;0"]),
    ("apc_pm_sos.txt", &["Gf=100", "AAAA"]),
    ("c1_controls.txt", &[]),
    ("raw_8bit_c1.txt", &[]),
    ("unterminated_osc.txt", &["this title never ends"]),
    ("unterminated_at_eof.txt", &["AAAA"]),
    ("lone_esc_at_eof.txt", &[]),
    ("bidi_overrides.txt", &[]),
    ("combining_flood.txt", &[]),
    ("zero_width_flood.txt", &[]),
    ("emoji_zwj_and_cjk.txt", &[]),
    ("nul_inside_text.txt", &[]),
    ("invalid_utf8.txt", &[]),
    ("del_and_backspace.txt", &[]),
];

/// Checks every byte written to the terminal; returns what is wrong, if anything.
fn leaks(raw: &[u8], payloads: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < raw.len() {
        match raw[i] {
            0x1b => {
                // Only CSI: ESC [ parameters intermediates final.
                if raw.get(i + 1) != Some(&b'[') {
                    found.push(format!("ESC {:?} at {i}", raw.get(i + 1).map(|&b| b as char)));
                    i += 1;
                    continue;
                }
                let mut j = i + 2;
                while raw.get(j).is_some_and(|b| (0x20..=0x3f).contains(b)) {
                    j += 1;
                }
                if !raw.get(j).is_some_and(|b| (0x40..=0x7e).contains(b)) {
                    found.push(format!(
                        "unfinished CSI at {i}: {:?}",
                        String::from_utf8_lossy(&raw[i..j.min(raw.len())])
                    ));
                }
                i = j + 1;
            }
            b'\r' | b'\n' => i += 1,
            b if b < 0x20 || b == 0x7f => {
                found.push(format!("control byte {b:#04x} at {i}"));
                i += 1;
            }
            _ => i += 1,
        }
    }
    let text = String::from_utf8_lossy(raw);
    for c in text.chars() {
        let c1 = ('\u{80}'..='\u{9f}').contains(&c);
        let bidi = matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{061c}' | '\u{200e}' | '\u{200f}');
        if c1 || bidi || c == '\u{feff}' {
            found.push(format!("character {:#06x}", c as u32));
        }
    }
    if raw.windows(3).any(|w| w[0] == 0xc2 && (0x80..=0x9f).contains(&w[1])) {
        found.push("a C1 control encoded as UTF-8".to_string());
    }
    for p in payloads {
        if text.contains(p) {
            found.push(format!("payload {p:?}"));
        }
    }
    found.sort();
    found.dedup();
    found
}

/// Opens `file` at `cols`×`rows`, goes to the end and back, quits; returns every byte written.
fn show(file: &Path, cols: u16, rows: u16) -> Vec<u8> {
    // One directory per file and size: the tests run in parallel.
    let stem = file
        .file_stem()
        .map(|s| s.to_string_lossy().chars().filter(char::is_ascii_alphanumeric).collect::<String>());
    let dir = state_dir(&format!("hostile-{}-{cols}x{rows}", stem.unwrap_or_default()));
    let mut s = Session::start(&dir, &[file.to_str().expect("utf-8 path")], cols, rows);
    s.wait_for("the reader", |t| t.contains('%') || t.contains("too small"));
    for keys in [&b"G"[..], b"]", b"[", b"g", b"/a\r", b"n"] {
        s.keys(keys);
    }
    s.keys(b"\x1bq");
    assert_eq!(s.exit_code(), 0, "{}", file.display());
    s.assert_restored();
    let _ = std::fs::remove_dir_all(&dir);
    s.raw.lock().map(|r| r.clone()).unwrap_or_default()
}

#[test]
fn nothing_from_hostile_files_reaches_the_terminal_raw() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile");
    for (name, payloads) in NASTY {
        for (cols, rows) in [(80, 24), (24, 6)] {
            let raw = show(&corpus.join(name), cols, rows);
            assert!(raw.len() > 100, "{name}: something was drawn");
            let found = leaks(&raw, payloads);
            assert!(found.is_empty(), "{name} at {cols}x{rows}: {found:?}");
        }
    }
}

#[test]
fn a_hostile_file_name_is_shown_scrubbed() {
    let dir = state_dir("hostile-name");
    let file = dir.join("report\u{1b}]0;pwned title\u{7}\u{202e}txt.exe\u{9b}2J.txt");
    std::fs::write(&file, "A Headline\n\nSome text.\n").expect("write");
    let raw = show(&file, 100, 30);
    let found = leaks(&raw, &["pwned title"]);
    assert!(found.is_empty(), "{found:?}");
    assert!(String::from_utf8_lossy(&raw).contains("report"), "the rest of the name is shown");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_leak_check_catches_leaks() {
    assert!(leaks(b"\x1b[1;1Hok\x1b[0m", &[]).is_empty());
    assert!(!leaks(b"\x1b]0;t\x07", &[]).is_empty());
    assert!(!leaks(b"\x1bPq\x1b\\", &[]).is_empty());
    assert!(!leaks("a\u{202e}b".as_bytes(), &[]).is_empty());
    assert!(!leaks("a\u{9b}b".as_bytes(), &[]).is_empty());
    assert!(!leaks(b"\x07", &[]).is_empty());
    assert!(!leaks(b"see evil.example", &["evil.example"]).is_empty());
}

#[test]
fn huge_lines_words_and_counts_open_and_close_cleanly() {
    let dir = state_dir("hostile-big");
    let cases = [
        ("line.txt", format!("Title\n\n{}\n", "word ".repeat(400_000))),
        ("word.txt", format!("Title\n\n{} end\n", "x".repeat(200_000))),
        ("paragraphs.txt", (0..100_000).map(|i| format!("Paragraph {i}.\n\n")).collect()),
        ("headings.txt", (0..5_000).map(|i| format!("CHAPTER {i}\n\n")).collect::<String>() + "The end.\n"),
        ("marks.txt", format!("Title\n\n{}\n", format!("Z{} ", "\u{301}".repeat(5_000)).repeat(100))),
    ];
    for (name, text) in cases {
        let file = dir.join(name);
        std::fs::write(&file, text).expect("write");
        for (cols, rows) in [(80, 24), (22, 6)] {
            let raw = show(&file, cols, rows);
            let found = leaks(&raw, &[]);
            assert!(found.is_empty(), "{name} at {cols}x{rows}: {found:?}");
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}
