//! The JSON contract of DESIGN.md on the seed article and on fixtures of other shapes.

mod common;

use common::{assert_passages_match_input, assert_spans_valid, squash};
use folio::document::BlockKind;
use serde_json::Value;

fn json_of(input: &[u8]) -> Value {
    let doc = folio::read(input).expect("text input");
    serde_json::from_str(&folio::export::json(&doc)).expect("valid JSON")
}

#[test]
fn seed_has_title_crumbs_caption_sections_and_cookie_notice() {
    let doc = folio::read(folio::SEED).expect("seed reads");
    let title = doc.title.as_ref().map(|t| t.text.as_str()).unwrap_or_default();
    assert!(title.starts_with("Will Miami Talks"), "{title}");
    assert!(!title.starts_with("Home"), "the title holds no crumbs");
    assert_eq!(doc.breadcrumbs.first().map(String::as_str), Some("Home"));
    assert_eq!(doc.captions.len(), 1);
    assert!(doc.captions[0].credit.is_some());
    assert!(!doc.captions[0].passage.text.contains("Photo"));
    let text = |s: &folio::Section| s.paragraphs.iter().filter(|p| p.kind == BlockKind::Text).count();
    let counts: Vec<usize> = doc.sections.iter().map(text).collect();
    assert_eq!(counts, vec![1, 2, 3, 2, 3]);
    // The caption stands in the flow as well as in the list.
    let in_flow = doc.sections.iter().flat_map(|s| &s.paragraphs).filter(|p| p.kind.name() == "caption");
    assert_eq!(in_flow.map(|p| p.span).collect::<Vec<_>>(), [doc.captions[0].passage.span]);
    assert!(doc.sections[0].heading.is_none());
    assert!(doc.sections[1..].iter().all(|s| s.heading.is_some()));
    assert!(doc.boilerplate.iter().any(|b| b.passage.text == "Privacy Overview"));
    let body: String =
        doc.sections.iter().flat_map(|s| s.paragraphs.iter().map(|p| p.text.as_str())).collect();
    assert!(!body.contains("Privacy Overview") && !body.contains("cookies"));
    assert_passages_match_input(folio::SEED, &doc);
    assert_spans_valid(folio::SEED, &doc);
}

#[test]
fn seed_json_has_every_contract_field() {
    let v = json_of(folio::SEED);
    for key in
        ["title", "source", "breadcrumbs", "captions", "sections", "boilerplate", "entities", "warnings"]
    {
        assert!(v.get(key).is_some(), "missing {key}");
    }
    let caption = &v["captions"][0];
    for key in ["text", "credit", "start", "end"] {
        assert!(caption.get(key).is_some(), "caption lacks {key}");
    }
    let para = &v["sections"][0]["paragraphs"][0];
    assert!(para["start"].as_u64() < para["end"].as_u64());
    assert!(v["boilerplate"][0]["reason"].is_string());
}

#[test]
fn seed_json_snapshot() {
    let mut v = json_of(folio::SEED);
    // Entities have their own tests; the snapshot pins the structure.
    v["entities"] = Value::Null;
    insta::assert_json_snapshot!("seed_document", v);
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/tests/fixtures/text/{name}", env!("CARGO_MANIFEST_DIR"))).expect("fixture")
}

#[test]
fn fixtures_of_other_shapes() {
    for name in
        ["no_breadcrumb.txt", "no_headings.txt", "hard_wrapped.txt", "crlf.txt", "trailing_newsletter.txt"]
    {
        let input = fixture(name);
        let doc = folio::read(&input).expect("fixture reads");
        assert_spans_valid(&input, &doc);
        assert_passages_match_input(&input, &doc);
        let mut v = json_of(&input);
        v["entities"] = Value::Null;
        insta::assert_json_snapshot!(name.trim_end_matches(".txt"), v);
    }
}

#[test]
fn no_breadcrumb_fixture_has_title_and_headings_only() {
    let doc = folio::read(&fixture("no_breadcrumb.txt")).expect("reads");
    assert!(doc.breadcrumbs.is_empty());
    let headings: Vec<&str> =
        doc.sections.iter().filter_map(|s| s.heading.as_ref()).map(|h| h.text.as_str()).collect();
    assert_eq!(headings, vec!["A Long Campaign", "What Comes Next"]);
}

#[test]
fn no_headings_fixture_is_one_section() {
    let doc = folio::read(&fixture("no_headings.txt")).expect("reads");
    assert_eq!(doc.sections.len(), 1);
    assert_eq!(doc.sections[0].paragraphs.len(), 3);
}

#[test]
fn hard_wrapped_lines_join_into_paragraphs() {
    let doc = folio::read(&fixture("hard_wrapped.txt")).expect("reads");
    let headings: Vec<&str> =
        doc.sections.iter().filter_map(|s| s.heading.as_ref()).map(|h| h.text.as_str()).collect();
    assert_eq!(headings, vec!["Chapter One", "Chapter Two"]);
    assert_eq!(doc.sections[0].paragraphs.len(), 2);
    assert!(doc.sections[0].paragraphs[0].text.contains("a lamp in one hand"));
}

#[test]
fn windows_line_endings_keep_exact_spans() {
    let input = fixture("crlf.txt");
    let doc = folio::read(&input).expect("reads");
    assert_eq!(doc.sections.len(), 2);
    let p = &doc.sections[0].paragraphs[0];
    assert!(p.text.contains("suburbs with the hospital"));
    assert!(!p.text.contains('\r'));
    let text = std::str::from_utf8(&input).expect("utf8");
    assert_eq!(squash(&text[p.span.start..p.span.end]), p.text);
}

#[test]
fn trailing_newsletter_prompt_is_boilerplate() {
    let doc = folio::read(&fixture("trailing_newsletter.txt")).expect("reads");
    let body: Vec<&str> =
        doc.sections.iter().flat_map(|s| s.paragraphs.iter().map(|p| p.text.as_str())).collect();
    assert_eq!(body.len(), 3, "{body:?}");
    let reasons: Vec<String> = doc.boilerplate.iter().map(|b| format!("{:?}", b.reason)).collect();
    assert_eq!(reasons, vec!["Subscribe", "Subscribe", "Share", "Copyright"]);
    assert_eq!(doc.source.as_deref(), Some("Example Science Weekly"));
}

#[test]
fn a_gutenberg_book_has_nested_divisions_and_its_licence_set_aside() {
    let input = fixture("gutenberg_book.txt");
    let doc = folio::read(&input).expect("reads");
    assert_eq!(doc.title.as_ref().map(|t| t.text.as_str()), Some("The Quiet Valley"));
    let outline: Vec<(u8, &str)> =
        doc.sections.iter().filter_map(|s| Some((s.level, s.heading.as_ref()?.text.as_str()))).collect();
    assert_eq!(
        outline,
        vec![
            (1, "BOOK ONE: SPRING"),
            (2, "CHAPTER I"),
            (2, "CHAPTER II"),
            (1, "BOOK TWO: AUTUMN"),
            (2, "CHAPTER I")
        ]
    );
    let reasons = |r: folio::document::Reason| doc.boilerplate.iter().filter(|b| b.reason == r).count();
    assert_eq!(reasons(folio::document::Reason::Contents), 6);
    assert!(reasons(folio::document::Reason::Licence) >= 5);
    assert_spans_valid(&input, &doc);
    assert_passages_match_input(&input, &doc);
}

#[test]
fn a_prefix_document_has_the_spans_of_the_whole() {
    let input = fixture("gutenberg_book.txt");
    let head = folio::prefix(&input, 900);
    assert!(head.len() <= 900 && head.ends_with(b"\n"));
    let early = folio::structure(head).expect("prefix reads");
    let whole = folio::structure(&input).expect("whole reads");
    assert_eq!(early.title, whole.title);
    let first = |d: &folio::Document| d.passages().nth(1).map(|p| (p.span, p.text.clone()));
    assert_eq!(first(&early), first(&whole));
    assert_eq!(folio::prefix(b"short", 900), b"short");
}
