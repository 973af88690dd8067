//! HTML pages of each shape folio meets, written for these tests: the Document each gives,
//! as a JSON snapshot, and the properties that must hold whatever the snapshot says.

use folio::{Document, Format};

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/html/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn read(name: &str) -> (Vec<u8>, Document) {
    let bytes = fixture(name);
    let doc = folio::ingest::parse(&bytes, Format::Html).unwrap_or_else(|e| panic!("{name}: {e}"));
    check_spans(&bytes, &doc);
    (bytes, doc)
}

/// Every span lies in the input, on character boundaries when the input is UTF-8, and no
/// shown text carries a control or escape character.
fn check_spans(input: &[u8], doc: &Document) {
    let utf8 = std::str::from_utf8(input).ok();
    let boilerplate = doc.boilerplate.iter().map(|b| &b.passage);
    for p in doc.passages().chain(boilerplate) {
        assert!(p.span.start <= p.span.end && p.span.end <= input.len(), "{:?} out of range", p.span);
        if let Some(s) = utf8 {
            assert!(s.is_char_boundary(p.span.start) && s.is_char_boundary(p.span.end), "{:?}", p.span);
        }
        // Line breaks stand in code and between the rows of a table; nothing else.
        assert!(!p.text.chars().any(|c| c.is_control() && c != '\n'), "control character in {:?}", p.text);
    }
    for l in &doc.links {
        assert!(l.span.end <= input.len());
    }
}

fn text_at(input: &[u8], span: folio::Span) -> String {
    String::from_utf8_lossy(&input[span.start..span.end]).into_owned()
}

#[test]
fn article_with_nav_sidebar_and_footer() {
    let (input, doc) = read("article_layout.html");
    insta::assert_json_snapshot!("article_layout", doc);
    let title = doc.title.as_ref().map(|t| t.text.as_str());
    assert_eq!(title, Some("Harbour Town Opens Its New Library"));
    assert_eq!(doc.source.as_deref(), Some("The Coastal Courier"));
    let headings: Vec<_> =
        doc.sections.iter().filter_map(|s| s.heading.as_ref()).map(|h| h.text.as_str()).collect();
    assert_eq!(headings, ["A building for the whole town", "Opening hours"]);
    let body: String = doc.sections.iter().flat_map(|s| &s.paragraphs).map(|p| p.text.as_str()).collect();
    for furniture in ["Sport", "Most read", "All rights reserved", "Mara Lindqvist"] {
        assert!(!body.contains(furniture), "{furniture} in the body");
        assert!(doc.boilerplate.iter().any(|b| b.passage.text.contains(furniture)), "{furniture} lost");
    }
    let link = &doc.links[0];
    assert_eq!(link.href, "https://courier.example/news/quay.html");
    assert_eq!(text_at(&input, link.span), "the quay redevelopment");
}

#[test]
fn cookie_banner_and_newsletter_are_boilerplate() {
    let (_, doc) = read("cookie_banner.html");
    insta::assert_json_snapshot!("cookie_banner", doc);
    let reason_of =
        |needle: &str| doc.boilerplate.iter().find(|b| b.passage.text.contains(needle)).map(|b| b.reason);
    assert_eq!(reason_of("cookies"), Some(folio::document::Reason::Cookie));
    assert_eq!(reason_of("newsletter"), Some(folio::document::Reason::Subscribe));
    assert_eq!(doc.sections[0].paragraphs.len(), 3);
}

#[test]
fn figures_give_captions_with_credits() {
    let (input, doc) = read("figure_caption.html");
    insta::assert_json_snapshot!("figure_caption", doc);
    let caps: Vec<_> = doc.captions.iter().map(|c| (c.passage.text.as_str(), c.credit.as_deref())).collect();
    assert_eq!(
        caps,
        [
            ("The orchid grows in the shade of old beech trees.", Some("Ana Ruiz")),
            ("The slope above the village.", Some("Park Service")),
            (
                "Volunteers on the slope during last spring's count, when they found more than two hundred plants.",
                None
            ),
        ]
    );
    // The shortened copy of the last caption is set aside, and neither keeps its toggle.
    let dup = doc.boilerplate.iter().find(|b| b.reason == folio::document::Reason::Duplicate);
    assert_eq!(
        dup.map(|b| b.passage.text.as_str()),
        Some("Volunteers on the slope during last spring's count, when they found more...")
    );
    assert_eq!(text_at(&input, doc.captions[1].passage.span), "The slope above the village.");
    assert_eq!(doc.source.as_deref(), Some("Nature Weekly"));
}

#[test]
fn breadcrumb_list_gives_crumbs() {
    let (_, doc) = read("breadcrumbs.html");
    insta::assert_json_snapshot!("breadcrumbs", doc);
    assert_eq!(doc.breadcrumbs, ["Home", "Science", "Explainers"]);
    assert_eq!(doc.sections[0].paragraphs.len(), 2);
}

#[test]
fn latin1_page_is_decoded_and_spans_point_at_its_bytes() {
    let (input, doc) = read("latin1.html");
    insta::assert_json_snapshot!("latin1", doc);
    assert!(std::str::from_utf8(&input).is_err(), "the fixture must not be UTF-8");
    let p = &doc.sections[0].paragraphs[0];
    assert!(p.text.starts_with("Fermé depuis l'hiver"));
    let e = p.text.find('é').unwrap_or(0);
    let span = p.to_input(e..e + 'é'.len_utf8());
    assert_eq!(&input[span.start..span.end], b"\xe9");
    assert!(doc.warnings.iter().any(|w| w.contains("windows-1252")));
}

#[test]
fn references_decode_once_and_scripts_never_show() {
    let (input, doc) = read("escapes_scripts.html");
    insta::assert_json_snapshot!("escapes_scripts", doc);
    let all: Vec<&str> =
        doc.passages().chain(doc.boilerplate.iter().map(|b| &b.passage)).map(|p| p.text.as_str()).collect();
    let joined = all.join("\n");
    assert!(!joined.contains('\u{1b}') && !joined.contains('\u{7}') && !joined.contains('\u{202e}'));
    assert!(!joined.contains("owned"), "an OSC title payload survived: {joined}");
    assert!(!joined.contains("Injected") && !joined.contains("not a paragraph"));
    assert!(!joined.contains("enable scripts"));
    assert!(joined.contains("fooled by &#27; written out"));
    let title = doc.title.as_ref().map(|t| (t.text.as_str(), text_at(&input, t.span)));
    assert_eq!(
        title,
        Some((
            "Terminal Tricks in Web Pages & Why They Fail",
            "Terminal Tricks in Web Pages &amp; Why They Fail".into()
        ))
    );
}

#[test]
fn format_is_detected_from_content_when_piped() {
    let bytes = fixture("cookie_banner.html");
    assert_eq!(Format::detect(None, &bytes), Format::Html);
    assert_eq!(Format::detect(Some(std::path::Path::new("page.htm")), b"x"), Format::Html);
}

#[test]
fn a_line_printed_twice_in_a_row_is_read_once_but_table_cells_stay() {
    let page = b"<html><head><title>Budget Vote | Courier</title></head><body><article>\
        <h1>Budget Vote</h1><p>Associated Press November 19, 2019</p>\
        <p>Associated Press November 19, 2019</p>\
        <p>The council voted on the budget late on Tuesday, after a long debate about schools.</p>\
        <table><tr><td>0</td></tr><tr><td>0</td></tr></table></article></body></html>";
    let doc = folio::ingest::parse(page, Format::Html).expect("page");
    check_spans(page, &doc);
    let body: Vec<&str> = doc.sections.iter().flat_map(|s| &s.paragraphs).map(|p| p.text.as_str()).collect();
    assert_eq!(body.iter().filter(|t| t.starts_with("Associated Press")).count(), 1, "{body:?}");
    assert_eq!(body.iter().filter(|t| **t == "0").count(), 2, "{body:?}");
    let dup =
        doc.boilerplate.iter().find(|b| b.reason == folio::document::Reason::Duplicate).expect("duplicate");
    assert_eq!(dup.passage.text, "Associated Press November 19, 2019");
}

#[test]
fn a_table_reads_as_rows_of_cells() {
    let page = "<html><body><article><h1>Standings</h1>\
        <p>The table after the last race of the season, with the points of each driver.</p>\
        <table><tr><th>Pos.</th><th>Driver</th><th>Points</th></tr>\
        <tr><td>1</td><td>Kyle Busch</td><td>5040</td></tr>\n<tr><td>2</td><td>Martin Truex</td><td></td></tr></table>\
        </article></body></html>";
    let doc = folio::ingest::parse(page.as_bytes(), Format::Html).expect("page");
    check_spans(page.as_bytes(), &doc);
    let table =
        doc.sections.iter().flat_map(|s| &s.paragraphs).find(|b| b.kind.name() == "table").expect("table");
    assert_eq!(table.text, "Pos. | Driver | Points\n1 | Kyle Busch | 5040\n2 | Martin Truex | ");
    let folio::document::BlockKind::Table { rows } = &table.kind else { unreachable!() };
    let cells: Vec<Vec<&str>> =
        rows.iter().map(|r| r.iter().map(|c| &table.text[c.clone()]).collect()).collect();
    assert_eq!(
        cells,
        [vec!["Pos.", "Driver", "Points"], vec!["1", "Kyle Busch", "5040"], vec!["2", "Martin Truex", ""]]
    );
    // The table's span runs from its first cell to its last, and a cell maps to its own bytes.
    assert!(text_at(page.as_bytes(), table.span).starts_with("Pos.</th>"));
    let at = table.text.find("Kyle").expect("cell");
    assert_eq!(text_at(page.as_bytes(), table.to_input(at..at + 10)), "Kyle Busch");
}

/// The body blocks of a page in order, as (kind, text); captions among them.
fn flow(doc: &Document) -> Vec<(String, String)> {
    use folio::document::BlockKind;
    let mut out = Vec::new();
    for s in &doc.sections {
        if let Some(h) = &s.heading {
            out.push(("heading".to_string(), h.text.clone()));
        }
        for b in &s.paragraphs {
            let kind = match &b.kind {
                BlockKind::Caption { .. } => "caption".to_string(),
                BlockKind::Quote { alert: Some(a), .. } => format!("quote {a}"),
                BlockKind::Quote { .. } => "quote".to_string(),
                BlockKind::Item { .. } => "item".to_string(),
                _ => "text".to_string(),
            };
            out.push((kind, b.passage.text.clone()));
        }
    }
    out
}

#[test]
fn furniture_goes_by_its_shape_and_attributions_stay() {
    use folio::document::Reason;
    let (_, doc) = read("furniture_shapes.html");
    let flow = flow(&doc);
    let body: Vec<&str> = flow.iter().map(|(_, t)| t.as_str()).collect();
    let reason_of = |needle: &str| {
        assert!(!body.iter().any(|t| t.contains(needle)), "{needle:?} in the body");
        doc.boilerplate.iter().find(|b| b.passage.text.contains(needle)).map(|b| b.reason)
    };
    // A label and links; a label and a headline; icons with their label; a line that only
    // introduces a run of headline links, and the links; a run of like teasers under a heading.
    assert_eq!(reason_of("Filed under"), Some(Reason::Navigation));
    assert_eq!(reason_of("Follow the Ledger"), Some(Reason::Follow));
    assert_eq!(reason_of("Read more"), Some(Reason::Related));
    assert_eq!(reason_of("Follow us on"), Some(Reason::Share));
    assert!(reason_of("Don't miss").is_some());
    assert!(reason_of("ferry timetable").is_some());
    assert_eq!(reason_of("Elsewhere in the Ledger"), Some(Reason::Related));
    for teaser in ["coast road", "Two hours ago", "harbour fees", "Sunday"] {
        assert_eq!(reason_of(teaser), Some(Reason::Related), "{teaser}");
    }
    // The preview card inside a sentence is never shown; the name it hangs on stays.
    assert!(body.iter().any(|t| t.contains("made by Ines Okafor's company, lasts two full days")));
    assert!(!doc.boilerplate.iter().any(|b| b.passage.text.contains("second factory")));
    assert!(!body.iter().any(|t| t.contains("second factory")));
    // The outlets a round-up quotes stay where they were cited, and so does a source named in a
    // sentence; a short list of prose items stays a list.
    let at = |t: &str| body.iter().position(|b| *b == t);
    assert_eq!(
        at("[Engadget]"),
        at("\"The battery is the best we have tested, and the screen is bright enough to read in the sun.\"")
            .map(|i| i + 1)
    );
    assert!(at("[Tom's Guide]").is_some());
    assert!(body.iter().any(|t| t.ends_with("Source: Wire")));
    // Links to several places in the middle of the article are text; only after its end do
    // they read as a list of places to go.
    assert!(body.iter().any(|t| t.starts_with("Read the full reviews of the first phone")));
    assert_eq!(flow.iter().filter(|(k, _)| k == "item").count(), 2);
}

#[test]
fn credits_join_their_captions_and_captions_keep_their_place() {
    let (_, doc) = read("furniture_shapes.html");
    let caps: Vec<_> = doc.captions.iter().map(|c| (c.passage.text.as_str(), c.credit.as_deref())).collect();
    assert_eq!(
        caps,
        [
            ("The design studio where the phone was drawn, in the old harbour warehouse.", Some("WeWork")),
            ("The three phones side by side on a desk in the newsroom.", Some("Ana Ruiz")),
        ]
    );
    let flow = flow(&doc);
    assert!(!flow.iter().any(|(_, t)| t.contains("Image Credit") || t.contains("Photo:")));
    // Each caption stands between the paragraphs its figure stood between.
    let kinds: Vec<&str> = flow.iter().map(|(k, _)| k.as_str()).collect();
    let first = kinds.iter().position(|k| *k == "caption");
    assert_eq!(first.map(|i| flow[i - 1].1.as_str()), Some("[Tom's Guide]"));
    assert!(first.is_some_and(|i| flow[i + 1].1.starts_with("The second phone costs")));
}

#[test]
fn quotes_that_open_with_an_alert_marker_are_alerts() {
    let (_, doc) = read("furniture_shapes.html");
    let quotes: Vec<_> = flow(&doc).into_iter().filter(|(k, _)| k.starts_with("quote")).collect();
    assert_eq!(
        quotes,
        [
            (
                "quote Note".to_string(),
                "Prices are those of the makers' own shops on the day of writing.".to_string()
            ),
            ("quote Warning".to_string(), "Two of the three phones lack a headphone socket.".to_string()),
        ]
    );
}
