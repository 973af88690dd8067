//! Documents as they were written: a fixture of every block kind in each format, its JSON,
//! plain and Markdown output as snapshots, every style and link span a range of the input,
//! and the round trip (folio's Markdown output read back by folio gives the same blocks).

use folio::document::{Block, BlockKind, Document};
use folio::{Format, export};
use proptest::prelude::*;

const FIXTURES: &[(&str, Format)] = &[
    ("html/blocks.html", Format::Html),
    ("markdown/blocks.md", Format::Markdown),
    ("text/blocks.txt", Format::Text),
];

fn read(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Every span of a block, its styles and its links lies in the input on character
/// boundaries, inside the block's own span; a link's text is the block's text there.
fn check_spans(input: &[u8], doc: &Document) {
    let text = std::str::from_utf8(input).expect("fixture is UTF-8");
    let ok = |s: folio::Span| {
        s.start <= s.end
            && s.end <= input.len()
            && text.is_char_boundary(s.start)
            && text.is_char_boundary(s.end)
    };
    for b in doc.sections.iter().flat_map(|s| &s.paragraphs) {
        assert!(ok(b.span), "block {:?}", b.span);
        for s in b.styles.iter().map(|s| s.span).chain(b.links.iter().map(|l| l.span)) {
            assert!(ok(s) && b.span.start <= s.start && s.end <= b.span.end, "{s:?} outside {:?}", b.span);
            assert!(b.to_text(s).is_some(), "{s:?} shows nowhere in {:?}", b.text);
        }
        for l in &b.links {
            assert_eq!(b.to_text(l.span).map(|r| b.text[r].trim()), Some(l.text.as_str()));
        }
        if let BlockKind::Table { rows } = &b.kind {
            assert!(rows.iter().flatten().all(|c| b.text.get(c.clone()).is_some()));
        }
    }
}

/// What must survive the round trip: the title, byline and date, and per section its heading,
/// level and blocks, each with its kind, text, styled text and links.
fn shape(doc: &Document) -> String {
    let mut out = format!("{:?} {:?} {:?}\n", doc.title.as_ref().map(|t| &t.text), doc.byline, doc.published);
    for s in &doc.sections {
        out += &format!("## {:?} {}\n", s.heading.as_ref().map(|h| &h.text), s.level);
        for b in &s.paragraphs {
            out += &format!("{:?} {:?}\n", b.kind, b.text);
            out += &format!(
                "  styles {:?}\n  links {:?}\n",
                styled(b),
                b.links.iter().map(|l| (&l.text, &l.href)).collect::<Vec<_>>()
            );
        }
    }
    out
}

/// The styled texts of a block that show something, in text order; styles that cover the same text compare in a
/// fixed order, since `***x***` may be read as em inside strong or strong inside em.
fn styled(b: &Block) -> Vec<(usize, &str, folio::document::StyleKind)> {
    let mut out: Vec<_> = b
        .styles
        .iter()
        .filter_map(|s| {
            let mut r = b.to_text(s.span)?;
            // A table shows its cells alone: a style is what it covers of one cell.
            if let BlockKind::Table { rows } = &b.kind {
                let cell = rows.iter().flatten().find(|c| c.start < r.end && r.start < c.end)?;
                r = r.start.max(cell.start)..r.end.min(cell.end);
            }
            let raw = b.text.get(r.clone())?;
            let shown = raw.trim();
            // A style over blanks alone (a code span of one space in a table cell, whose
            // cell text is trimmed) shows nothing, and Markdown has no way to write it back.
            let at = r.start + (raw.len() - raw.trim_start().len());
            (!shown.is_empty()).then_some((at, shown, s.style))
        })
        .collect();
    out.sort();
    out
}

fn round_trip(doc: &Document) -> Document {
    let md = export::markdown(doc);
    folio::ingest::parse(md.as_bytes(), Format::Markdown).unwrap_or_else(|e| panic!("{e}\n{md}"))
}

#[test]
fn every_kind_in_every_format() {
    for &(name, format) in FIXTURES {
        let input = read(name);
        let doc = folio::ingest::parse(&input, format).unwrap_or_else(|e| panic!("{name}: {e}"));
        check_spans(&input, &doc);
        let kinds: Vec<&str> =
            doc.sections.iter().flat_map(|s| &s.paragraphs).map(|b| b.kind.name()).collect();
        for kind in ["text", "item", "code", "caption"] {
            assert!(kinds.contains(&kind), "{name}: no {kind} in {kinds:?}");
        }
        if format != Format::Text {
            assert!(kinds.contains(&"table") && kinds.contains(&"quote"), "{name}: no table or quote");
            let styles: Vec<_> =
                doc.sections.iter().flat_map(|s| &s.paragraphs).flat_map(|b| &b.styles).collect();
            assert!(!styles.is_empty(), "{name}: no styles");
        }
        assert!(doc.byline.is_some() && doc.published.is_some(), "{name}: no byline or date");
        assert!(!doc.links.is_empty(), "{name}: no links");
        let stem = name.replace(['/', '.'], "_");
        insta::assert_json_snapshot!(format!("{stem}_json"), doc);
        insta::assert_snapshot!(format!("{stem}_plain"), export::plain(&doc));
        insta::assert_snapshot!(format!("{stem}_markdown"), export::markdown(&doc));
    }
}

#[test]
fn markdown_output_reads_back_into_the_same_blocks() {
    for &(name, format) in FIXTURES {
        let doc = folio::ingest::parse(&read(name), format).unwrap_or_else(|e| panic!("{name}: {e}"));
        let again = round_trip(&doc);
        assert_eq!(shape(&again), shape(&doc), "{name}:\n{}", export::markdown(&doc));
        // And the Markdown of the copy is the Markdown of the original.
        assert_eq!(export::markdown(&again), export::markdown(&doc), "{name}");
    }
}

#[test]
fn plain_output_numbers_links_and_lists_them_at_the_end() {
    let doc = folio::ingest::parse(&read("html/blocks.html"), Format::Html).expect("page");
    let plain = export::plain(&doc);
    assert!(plain.contains("notes[1]"), "{plain}");
    assert!(plain.trim_end().ends_with("1. https://courier.example/yard"), "{plain}");
    assert!(plain.contains("\n    max_rpm = 1800\n"), "code indented and verbatim");
    assert!(plain.contains("\n3. Strip the hull"), "numbers kept from the list's start");
}

/// Text that Markdown could misread: markup characters, list and heading openings.
fn words() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            "[a-zA-Zé]{1,8}",
            Just("*".to_string()),
            Just("_x_".to_string()),
            Just("[a]".to_string()),
            Just("#".to_string()),
            Just("1.".to_string()),
            Just("-".to_string()),
            Just("`".to_string()),
            Just("&amp;".to_string()),
            Just("<b>".to_string()),
            Just("|".to_string()),
            Just("\\".to_string()),
        ],
        1..8,
    )
    .prop_map(|w| w.join(" "))
}

/// One block of Markdown source, as a writer would put it.
fn md_block() -> impl Strategy<Value = String> {
    prop_oneof![
        words().prop_map(|w| format!("Some {w} here.")),
        (words(), words()).prop_map(|(a, b)| format!("Text *{a}* and **{b}** end.")),
        words().prop_map(|w| format!("See [{w}](https://example.org/a) now.")),
        prop::collection::vec(words(), 1..4)
            .prop_map(|items| items.iter().map(|i| format!("- x {i}\n")).collect()),
        prop::collection::vec(words(), 1..4).prop_map(|items| items
            .iter()
            .enumerate()
            .map(|(n, i)| format!("{}. x {i}\n", n + 2))
            .collect()),
        words().prop_map(|w| format!("```\n{w}\n  indented\n```")),
        (words(), words()).prop_map(|(a, b)| format!("- x {a}\n\n  ```\n  {b}\n  ```\n- y")),
        words().prop_map(|w| format!("> quoted {w}")),
        (words(), words()).prop_map(|(a, b)| format!("| h | k |\n|---|---|\n| x {a} | y {b} |")),
        words().prop_map(|w| format!("## Heading {w}")),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn markdown_round_trips(blocks in prop::collection::vec(md_block(), 1..8)) {
        let src = format!("# Title\n\n{}\n", blocks.join("\n\n"));
        let doc = folio::ingest::parse(src.as_bytes(), Format::Markdown).expect("markdown");
        check_spans(src.as_bytes(), &doc);
        let again = round_trip(&doc);
        prop_assert_eq!(shape(&again), shape(&doc), "{}", export::markdown(&doc));
    }
}

#[test]
fn code_gives_no_entities() {
    let md = "# Notes\n\nThe mayor of Lisbon, Carlos Moedas, opened the line.\n\n```\nlet paris = \"Vladimir Putin\";\n```\n";
    let doc = folio::read_as(md.as_bytes(), Format::Markdown).expect("markdown");
    let names: Vec<&str> = doc.entities.iter().map(|e| e.name.as_str()).collect();
    assert!(names.iter().any(|n| n.contains("Lisbon")), "{names:?}");
    assert!(!names.iter().any(|n| n.contains("Putin")), "{names:?}");
}

#[test]
fn styles_over_the_same_text_survive_the_round_trip() {
    let src = "# Title\n\nText *A* and **_x_ <b>** end.\n";
    let doc = folio::ingest::parse(src.as_bytes(), Format::Markdown).expect("markdown");
    assert_eq!(shape(&round_trip(&doc)), shape(&doc), "{}", export::markdown(&doc));
}

#[test]
fn a_blank_code_span_in_a_table_cell_survives_the_round_trip() {
    let src = "# Title\n\n| h | k |\n|---|---|\n| x ` ` | y a |\n";
    let doc = folio::ingest::parse(src.as_bytes(), Format::Markdown).expect("markdown");
    assert_eq!(shape(&round_trip(&doc)), shape(&doc), "{}", export::markdown(&doc));
}
