//! The command line with HTML and Markdown: chosen by extension, by content on standard
//! input, or by `--format`.

use std::io::Write;
use std::process::{Command, Stdio};

fn fixture(path: &str) -> String {
    format!("{}/tests/fixtures/{path}", env!("CARGO_MANIFEST_DIR"))
}

fn json(args: &[&str], stdin: Option<&[u8]>) -> serde_json::Value {
    let mut child = Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("folio: {e}"));
    if let (Some(bytes), Some(mut pipe)) = (stdin, child.stdin.take()) {
        pipe.write_all(bytes).unwrap_or_else(|e| panic!("stdin: {e}"));
    }
    let out = child.wait_with_output().unwrap_or_else(|e| panic!("folio: {e}"));
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("bad JSON: {e}"))
}

fn title(v: &serde_json::Value) -> Option<&str> {
    v["title"].as_str()
}

#[test]
fn html_file_by_extension() {
    let v = json(&["--json", &fixture("html/breadcrumbs.html")], None);
    assert_eq!(title(&v), Some("Tides and the Moon, Explained"));
    assert_eq!(v["breadcrumbs"][1], "Science");
}

#[test]
fn html_on_stdin_by_content() {
    let page = std::fs::read(fixture("html/cookie_banner.html")).unwrap_or_default();
    let v = json(&["--json"], Some(&page));
    assert_eq!(title(&v), Some("Night Trains Return to the Valley"));
    assert_eq!(v["boilerplate"][0]["reason"], "cookie");
}

#[test]
fn markdown_file_and_format_override() {
    let v = json(&["--json", &fixture("markdown/notes.md")], None);
    assert_eq!(title(&v), Some("Field Notes: Lisbon"));
    let v = json(&["--json", "--format", "text", &fixture("markdown/notes.md")], None);
    let t = title(&v).unwrap_or_default();
    assert!(t.starts_with("---"), "read as plain text, front matter is text: {t:?}");
}

#[test]
fn plain_text_json_has_no_links_field() {
    let v = json(&["--json", "-"], Some(b"A Headline\n\nSome text about Paris.\n"));
    assert_eq!(title(&v), Some("A Headline"));
    assert!(v.get("links").is_none());
}
