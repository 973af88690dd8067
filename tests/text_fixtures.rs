//! Plain text as it was written, read by folio's text reader: quoted lines ("> ", "> > ")
//! become quotes as deep as their markers, and a line of markers alone parts two quoted
//! paragraphs. The fixture's JSON, plain and Markdown output are snapshots.

mod common;

use common::{fixture_bytes, kinds_and_texts};
use folio::document::BlockKind;
use folio::{Format, export};

fn fixture(name: &str) -> Vec<u8> {
    fixture_bytes(&format!("text/{name}"))
}

#[test]
fn quoted_lines_are_quotes_as_deep_as_their_markers() {
    let input = fixture("quotes.txt");
    let doc = folio::ingest::parse(&input, Format::Text).expect("text");
    let quote = |depth| BlockKind::Quote { depth, alert: None };
    let quotes: Vec<(BlockKind, String)> =
        kinds_and_texts(&doc).into_iter().filter(|(k, _)| matches!(k, BlockKind::Quote { .. })).collect();
    let want = [
        (
            1,
            "Will the early boat still leave at six? Many of us work in the port and cannot wait for the seven o'clock.",
        ),
        (1, "And will bicycles be allowed on board?"),
        (1, "The first crossing leaves the north pier at 06:00 on weekdays."),
        (2, "Bicycles travel free outside the rush hours."),
    ];
    assert_eq!(quotes, want.map(|(d, t)| (quote(d), t.to_string())));
    // A quote's span is its text in the input, without the markers before it.
    let text = String::from_utf8_lossy(&input);
    for b in doc.sections.iter().flat_map(|s| &s.paragraphs).filter(|b| b.kind.name() == "quote") {
        let first = b.text.split(' ').next().unwrap_or_default();
        assert!(text[b.span.start..].starts_with(first), "{:?}", b.text);
        assert!(text[..b.span.start].ends_with("> "), "{:?}", b.text);
    }
    // The text around the quotes reads as before: title, byline, date, body text.
    assert_eq!(doc.title.as_ref().map(|t| t.text.as_str()), Some("The Ferry Board Answers Its Readers"));
    assert_eq!(doc.byline.as_deref(), Some("Tomas Lindgren"));
    assert_eq!(doc.published.as_deref(), Some("2025-03-03"));
    assert!(
        doc.sections.iter().all(|s| s.heading.is_none()),
        "the line that leads into a quote is no heading"
    );
    let last = kinds_and_texts(&doc).pop().expect("blocks");
    assert_eq!(last.0, BlockKind::Text);
    insta::assert_json_snapshot!("quotes_json", doc);
    insta::assert_snapshot!("quotes_plain", export::plain(&doc));
    insta::assert_snapshot!("quotes_markdown", export::markdown(&doc));
}

#[test]
fn quotes_read_back_from_markdown_as_they_were() {
    let doc = folio::ingest::parse(&fixture("quotes.txt"), Format::Text).expect("text");
    let md = export::markdown(&doc);
    let again = folio::ingest::parse(md.as_bytes(), Format::Markdown).expect("markdown");
    assert_eq!(kinds_and_texts(&again), kinds_and_texts(&doc), "{md}");
}
