//! A Markdown document written for these tests: its Document as a JSON snapshot, and the
//! properties that must hold.

mod common;

use common::{fixture_bytes, kinds_and_texts};
use folio::document::BlockKind;
use folio::{Format, export};

fn fixture(name: &str) -> Vec<u8> {
    fixture_bytes(&format!("markdown/{name}"))
}

#[test]
fn markdown_notes() {
    let input = fixture("notes.md");
    assert_eq!(Format::detect(None, &input), Format::Markdown);
    let doc = folio::ingest::parse(&input, Format::Markdown).unwrap_or_else(|e| panic!("{e}"));
    insta::assert_json_snapshot!("markdown_notes", doc);
    let at = |s: folio::Span| String::from_utf8_lossy(&input[s.start..s.end]).into_owned();
    assert_eq!(doc.title.as_ref().map(|t| at(t.span)), Some("Field Notes: Lisbon".to_string()));
    let headings: Vec<_> =
        doc.sections.iter().map(|s| (s.heading.as_ref().map(|h| h.text.clone()), s.level)).collect();
    assert_eq!(
        headings,
        [
            (Some("Arrival".to_string()), 1),
            (Some("The trams".to_string()), 2),
            (Some("Notes to self".to_string()), 2)
        ]
    );
    let trams = &doc.sections[1].paragraphs;
    assert!(trams[0].text.contains("see the timetable for hours. Avoid the & crowded"));
    assert_eq!(trams[1].text, "Buy a day ticket.");
    assert_eq!(trams[3].text, "The best view is from the Graça terrace.");
    let code = &doc.sections[2].paragraphs[0];
    assert_eq!(code.text, "ticket: 6.80 EUR\n  (valid 24 h)");
    assert_eq!(at(code.span), "ticket: 6.80 EUR\n  (valid 24 h)");
    assert_eq!(doc.links.len(), 1);
    assert_eq!(at(doc.links[0].span), "timetable");
    for p in doc.passages() {
        assert!(p.span.end <= input.len());
        let i = p.text.find(' ').unwrap_or(0);
        let s = p.to_input(0..i);
        assert_eq!(at(s), p.text[..i], "first word of {:?}", p.text);
    }
}

#[test]
fn code_in_a_list_item_keeps_the_items_depth() {
    let doc = folio::ingest::parse(&fixture("list_code.md"), Format::Markdown).expect("markdown");
    let all = kinds_and_texts(&doc);
    let code = |lang: Option<&str>, depth, text: &str| {
        (BlockKind::Code { lang: lang.map(str::to_string), depth }, text.to_string())
    };
    let codes: Vec<_> = all.iter().filter(|(k, _)| k.name() == "code").cloned().collect();
    assert_eq!(
        codes,
        [
            code(Some("sh"), 1, "git clone https://example.org/tide-logger.git\ncd tide-logger && make"),
            code(None, 2, "port = /dev/ttyUSB0\ninterval = 60"),
            code(Some("sh"), 0, "tide-logger --once"),
        ]
    );
    // The item goes on after its code, without a second marker; the list after it.
    let after = all.iter().position(|(_, t)| t.starts_with("The build takes")).expect("the item goes on");
    assert_eq!(all[after].0, BlockKind::Item { marker: String::new(), depth: 1 });
    assert_eq!(all[after + 1].0, BlockKind::Item { marker: "2.".into(), depth: 1 });

    // Plain text: code under its item's text, top-level code at the margin it always had.
    let plain = export::plain(&doc);
    assert!(plain.contains("\n      git clone https://example.org/tide-logger.git\n"), "{plain}");
    assert!(plain.contains("\n        port = /dev/ttyUSB0\n        interval = 60\n"), "{plain}");
    assert!(plain.trim_end().ends_with("\n\n    tide-logger --once"), "{plain}");

    // Markdown: the fences stand under the item's text, so reading it back keeps them there.
    let md = export::markdown(&doc);
    assert!(md.contains("\n   ```sh\n   git clone"), "{md}");
    let again = folio::ingest::parse(md.as_bytes(), Format::Markdown).expect("markdown");
    assert_eq!(kinds_and_texts(&again), all, "{md}");
    insta::assert_snapshot!("list_code_plain", plain);
    insta::assert_snapshot!("list_code_markdown", md);
}
