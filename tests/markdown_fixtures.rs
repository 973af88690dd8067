//! A Markdown document written for these tests: its Document as a JSON snapshot, and the
//! properties that must hold.

use folio::Format;

#[test]
fn markdown_notes() {
    let path = format!("{}/tests/fixtures/markdown/notes.md", env!("CARGO_MANIFEST_DIR"));
    let input = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    assert_eq!(Format::detect(None, &input), Format::Markdown);
    let doc = folio::structure_as(&input, Format::Markdown).unwrap_or_else(|e| panic!("{e}"));
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
