//! Hostile input: every case either gives a Document whose text is safe to show, or a clean
//! one-line refusal with exit status 1. The small corpus lives in tests/hostile/ (written by
//! scripts/gen_hostile.py); the large cases are generated here.

mod common;

use folio::ingest::sanitize::is_unsafe;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_folio")).args(args).stdin(Stdio::null()).output().expect("folio runs")
}

fn corpus() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile");
    let mut files: Vec<PathBuf> =
        std::fs::read_dir(dir).expect("corpus").filter_map(|e| Some(e.ok()?.path())).collect();
    files.sort();
    assert!(files.len() >= 25, "the corpus is missing; run scripts/gen_hostile.py");
    files
}

/// Every string in a JSON value.
fn strings(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) => out.push(s.clone()),
        Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
        Value::Object(o) => o.values().for_each(|x| strings(x, out)),
        _ => {}
    }
}

fn assert_safe_bytes(bytes: &[u8], what: &str) {
    assert!(!bytes.contains(&0x1b), "{what}: raw ESC in output");
    let text = String::from_utf8_lossy(bytes);
    let bad: Vec<char> = text.chars().filter(|&c| is_unsafe(c) && c != '\r').collect();
    assert!(bad.is_empty(), "{what}: unsafe characters {bad:?}");
}

#[test]
fn corpus_in_json_mode() {
    for path in corpus() {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_string();
        let o = run(&["--json", path.to_str().expect("utf8 path")]);
        let stderr = String::from_utf8_lossy(&o.stderr);
        if name.starts_with("refuse_") {
            assert_eq!(o.status.code(), Some(1), "{name} should be refused");
            assert_eq!(stderr.lines().count(), 1, "{name}: {stderr}");
            assert!(stderr.contains("binary"), "{name}: {stderr}");
            assert!(o.stdout.is_empty());
            continue;
        }
        assert_eq!(o.status.code(), Some(0), "{name}: {stderr}");
        let v: Value = serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{name}: {e}"));
        let mut all = Vec::new();
        strings(&v, &mut all);
        for s in &all {
            assert!(!s.chars().any(is_unsafe), "{name}: unsafe character in {s:?}");
        }
        let input = std::fs::read(&path).expect("read");
        let doc = folio::read(&input).expect("reads in-process too");
        common::assert_spans_valid(&input, &doc);
    }
}

#[test]
fn corpus_in_plain_mode_emits_nothing_raw() {
    for path in corpus().into_iter().filter(|p| !p.to_string_lossy().contains("refuse_")) {
        let o = run(&[path.to_str().expect("utf8 path")]);
        assert!(o.status.success(), "{path:?}");
        assert_safe_bytes(&o.stdout, &path.to_string_lossy());
        assert_safe_bytes(&o.stderr, &path.to_string_lossy());
    }
}

fn doc_of(name: &str) -> folio::Document {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile").join(name);
    folio::read(&std::fs::read(path).expect("fixture")).expect("document")
}

fn body(doc: &folio::Document) -> String {
    doc.passages().map(|p| p.text.as_str()).collect::<Vec<_>>().join("\n")
}

#[test]
fn specific_behaviours() {
    assert!(doc_of("empty.txt").warnings.iter().any(|w| w.contains("no text")));
    assert!(body(&doc_of("unterminated_osc.txt")).contains("next line survives"));
    assert!(body(&doc_of("osc8_hyperlink.txt")).contains("click here now"));
    assert!(body(&doc_of("osc52_clipboard.txt")).contains("copy this"));
    assert!(!body(&doc_of("osc52_clipboard.txt")).contains("cm0g"));
    assert!(body(&doc_of("utf16le_bom.txt")).contains("漢字"));
    assert!(body(&doc_of("emoji_zwj_and_cjk.txt")).contains("👩‍👩‍👧‍👦 family"));
    assert!(doc_of("combining_flood.txt").warnings.iter().any(|w| w.contains("combining")));
    assert!(doc_of("invalid_utf8.txt").warnings.iter().any(|w| w.contains("invalid UTF-8")));
    assert!(body(&doc_of("nul_inside_text.txt")).contains("Sometextwith NUL"));
    assert!(body(&doc_of("crlf_cr_ff_tabs.txt")).contains("line old Mac form feed"));
}

#[test]
fn large_shapes_give_documents() {
    let line = "word ".repeat(400_000);
    let doc = folio::read(line.as_bytes()).expect("2 MB line");
    assert_eq!(doc.passages().count(), 1);

    let word = format!("Title\n\n{}\n", "x".repeat(200_000));
    let doc = folio::read(word.as_bytes()).expect("200 KB word");
    assert_eq!(doc.sections[0].paragraphs[0].text.len(), 200_000);

    let paragraphs = "A short paragraph of text.\n\n".repeat(100_000);
    let doc = folio::read(paragraphs.as_bytes()).expect("100,000 paragraphs");
    assert_eq!(doc.passages().count(), 100_000);
    common::assert_spans_valid(paragraphs.as_bytes(), &doc);

    let headings: String = (0..5000).map(|i| format!("Heading Number {i}\n\n")).collect();
    let doc = folio::read(headings.as_bytes()).expect("5,000 headings");
    assert_eq!(doc.passages().count(), 5000);
}

#[test]
fn files_that_are_not_files() {
    let o = run(&["--json", env!("CARGO_MANIFEST_DIR")]);
    assert_eq!(o.status.code(), Some(1));
    let o = run(&["--json", "/no/such/file"]);
    assert_eq!(o.status.code(), Some(1));
    let o = run(&["--json", "--max-bytes", "1048576", "/dev/zero"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("larger than 1048576 bytes"));
}

#[test]
fn stdin_closed_at_once_is_an_empty_document() {
    let o = run(&["--json", "-"]);
    assert!(o.status.success());
    let v: Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(v["sections"], Value::Array(vec![]));
}
