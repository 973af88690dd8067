//! The reader on a document as it was written: list items with markers and hanging
//! indents, code line by line, quotes with bars, tables in columns, inline styles that show
//! without colour, numbered links and their list (`o`), a byline, a caption in place.
//!
//! The document is built here block by block, every passage a verbatim slice of its input,
//! so these screens follow the reader alone, whatever the readers of each format make.

mod tui_support;

use folio::document::{Block, BlockKind, EntityKind, Link, Section, Style, StyleKind};
use folio::tui::{Action, App, Overlay};
use folio::{Document, Passage, Span};
use insta::assert_snapshot;
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;
use tui_support::*;

/// A block as written: its text, kind, and the words styled or linked in it.
struct Spec {
    text: &'static str,
    kind: BlockKind,
    styles: &'static [(StyleKind, &'static str)],
    links: &'static [(&'static str, &'static str)],
}

fn spec(text: &'static str, kind: BlockKind) -> Spec {
    Spec { text, kind, styles: &[], links: &[] }
}

fn item(marker: &str, depth: u8, text: &'static str) -> Spec {
    spec(text, BlockKind::Item { marker: marker.to_string(), depth })
}

const TABLE: &str = "Stage | Target (°C) | Hold\n\
Candle | 120 | overnight\n\
Bisque | 1000 | 10 minutes\n\
Glaze | 1240 | 15 minutes, then a slow cool to room temperature";

const CODE: &str = "cargo install kiln-controller --locked\n\
kiln-controller --port /dev/ttyUSB0 --profile bisque --log ./firings/2024-05-01-bisque-test-run.log\n\
\n\
kiln-controller --status";

/// The cells of [`TABLE`], as the model gives them: byte ranges of the text.
fn table_rows() -> Vec<Vec<std::ops::Range<usize>>> {
    let mut rows = Vec::new();
    let mut at = 0;
    for line in TABLE.split('\n') {
        let mut row = Vec::new();
        let mut c = at;
        for cell in line.split(" | ") {
            row.push(c..c + cell.len());
            c += cell.len() + 3;
        }
        rows.push(row);
        at += line.len() + 1;
    }
    rows
}

/// Input bytes and the document of every block kind, a heading before each group.
fn kiln() -> (Vec<u8>, Document) {
    let sections: Vec<(Option<&str>, Vec<Spec>)> = vec![
        (
            None,
            vec![Spec {
                text: "A weekend project for potters who want to fire small pieces. The plans follow the \
Potters' Guild notes and the very good advice in Firing for Beginners, with the kiln.toml \
settings kept under version control.",
                kind: BlockKind::Text,
                styles: &[
                    (StyleKind::Em, "very"),
                    (StyleKind::Strong, "Firing for Beginners"),
                    (StyleKind::Code, "kiln.toml"),
                ],
                links: &[("Potters' Guild notes", "https://guild.example.org/kilns")],
            }],
        ),
        (
            Some("What you need"),
            vec![
                item("1.", 1, "Forty firebricks, rated for 1300 °C or more, stacked dry without mortar"),
                item("2.", 1, "A steel frame:"),
                item("•", 2, "four angle irons, each 60 cm long"),
                item("•", 2, "bolts and nuts, stainless if you can get them"),
                item("10.", 1, "A controller that reads a type K thermocouple"),
                spec(
                    "A loaf of bread in the finished kiln.",
                    BlockKind::Caption { credit: Some("Jonas Berg".into()) },
                ),
            ],
        ),
        (
            Some("Setting it up"),
            vec![
                spec("Install the controller software, then start it:", BlockKind::Text),
                spec(CODE, BlockKind::Code { lang: Some("sh".into()), depth: 0 }),
                spec(
                    "Never leave a firing unattended. A kiln reaches temperatures that ignite wood and paper in seconds.",
                    BlockKind::Quote { depth: 1, alert: None },
                ),
                spec("Keep a fire extinguisher by the door.", BlockKind::Quote { depth: 2, alert: None }),
                spec(
                    "Check the thermocouple before every firing.",
                    BlockKind::Quote { depth: 1, alert: Some("IMPORTANT".into()) },
                ),
            ],
        ),
        (
            Some("Firing schedule"),
            vec![
                Spec {
                    text: TABLE,
                    kind: BlockKind::Table { rows: table_rows() },
                    styles: &[],
                    links: &[("Bisque", "https://example.org/bisque")],
                },
                Spec {
                    text: "See the guild forum for firing logs, or write to the guild.",
                    kind: BlockKind::Text,
                    styles: &[],
                    links: &[
                        ("guild forum", "https://forum.example.org/t/kilns"),
                        ("write to the guild", "mailto:kilns@guild.example.org"),
                    ],
                },
            ],
        ),
    ];
    let mut input = String::new();
    let passage = |text: &str, input: &mut String| {
        let p = Passage::verbatim(text, input.len());
        input.push_str(text);
        input.push_str("\n\n");
        p
    };
    let mut doc = Document {
        title: Some(passage("Building a Kiln at Home", &mut input)),
        byline: Some("Mara Lindqvist".into()),
        published: Some("2024-05-01T09:30:00Z".into()),
        ..Document::default()
    };
    for (heading, blocks) in sections {
        let heading = heading.map(|h| passage(h, &mut input));
        let mut section =
            Section { span: Span::new(input.len(), input.len()), heading, level: 1, paragraphs: Vec::new() };
        for s in blocks {
            let p = passage(s.text, &mut input);
            let at = |words: &str| {
                let i = s.text.find(words).unwrap_or_else(|| panic!("{words} in {}", s.text));
                Span::new(p.span.start + i, p.span.start + i + words.len())
            };
            let styles = s.styles.iter().map(|&(style, w)| Style { style, span: at(w) }).collect();
            let links = s
                .links
                .iter()
                .map(|&(w, href)| Link { text: w.into(), href: href.into(), span: at(w) })
                .collect();
            if let BlockKind::Caption { credit } = &s.kind {
                doc.captions.push(folio::document::Caption { passage: p.clone(), credit: credit.clone() });
            }
            section.span.end = p.span.end;
            section.paragraphs.push(Block { passage: p, kind: s.kind, styles, links });
        }
        doc.sections.push(section);
    }
    (input.into_bytes(), doc)
}

fn reader(w: u16, h: u16) -> App {
    let mut app = app(kiln().1, w, h);
    app.name = "kiln.md".to_string();
    app
}

/// Every line of the reading pane's text column at a terminal width, on a screen tall
/// enough for all.
fn all_lines(width: u16) -> Vec<String> {
    let app = reader(width, 120);
    assert_eq!(column(width), app.layout.text_column().width as usize);
    assert!(app.wrapped.lines.len() < app.layout.text_column().height as usize, "the whole document in view");
    text_column(&app)
}

/// The width of the text column in a terminal `width` wide.
fn column(width: u16) -> usize {
    reader(width, 120).layout.text_column().width as usize
}

/// The modifiers of the first cell showing `needle` in the reading pane.
fn style_of(app: &App, buf: &Buffer, needle: &str) -> Option<Modifier> {
    let pane = app.layout.text_column();
    for y in pane.y..pane.y + pane.height {
        let cells: Vec<u16> = (pane.x..pane.x + pane.width).collect();
        let row: String = cells.iter().map(|&x| buf[(x, y)].symbol().to_string()).collect();
        if let Some(i) = row.find(needle) {
            return Some(buf[(cells[row[..i].chars().count()], y)].modifier);
        }
    }
    None
}

#[test]
fn every_kind_at_100x30_and_60x20() {
    for (w, h) in [(100, 30), (60, 20)] {
        assert_snapshot!(format!("kiln_{w}x{h}"), pages(&mut reader(w, h)));
    }
}

#[test]
fn every_code_line_is_a_row_of_its_own_as_written() {
    for width in [220, 140, 100, 60, 30] {
        let lines = all_lines(width);
        let room = column(width) - 2;
        let at = lines.iter().position(|l| l.contains("cargo install")).expect("code");
        let rows: Vec<&str> = lines[at..at + 4].iter().map(|l| l.strip_prefix("  ").unwrap_or(l)).collect();
        for (row, want) in rows.iter().zip(CODE.lines()) {
            match row.strip_suffix('→') {
                // A line too long for the pane is cut at its edge, never wrapped.
                Some(cut) => assert!(want.starts_with(cut) && cut.len() < want.len(), "{width}: {row:?}"),
                None => assert_eq!(*row, want, "{width}"),
            }
        }
        assert_eq!(rows[2], "", "{width}: the blank line of the code stays");
        let long = CODE.lines().nth(1).map_or(0, str::len);
        assert_eq!(rows[1].ends_with('→'), long > room, "{width}: {rows:?}");
    }
}

#[test]
fn list_items_show_markers_numbers_nesting_and_hang() {
    let lines = all_lines(60);
    let find =
        |s: &str| lines.iter().position(|l| l.contains(s)).unwrap_or_else(|| panic!("{s}: {lines:#?}"));
    assert!(lines[find("Forty firebricks")].starts_with("1. Forty"));
    assert!(lines[find("A steel frame")].starts_with("2. A steel"));
    assert!(lines[find("four angle irons")].starts_with("  • four"));
    assert!(lines[find("type K")].starts_with("10. A controller"));
    // Items follow one another without a blank line, and a wrapped one hangs under its text.
    assert_eq!(find("A steel frame") + 1, find("four angle irons"));
    let narrow = all_lines(30);
    let at = narrow.iter().position(|l| l.contains("Forty")).expect("the item");
    assert!(narrow[at + 1].starts_with("   ") && !narrow[at + 1].starts_with("    "), "{narrow:#?}");
}

#[test]
fn table_columns_line_up_and_wide_ones_are_cut_with_an_ellipsis() {
    for width in [220, 140, 60, 40, 24] {
        let lines = all_lines(width);
        let rows: Vec<&String> = lines.iter().filter(|l| l.contains(" │ ") && !l.starts_with('│')).collect();
        assert_eq!(rows.len(), 4, "{width}: {lines:#?}");
        let bars = |l: &str| -> Vec<usize> {
            let mut col = 0;
            let mut at = Vec::new();
            for g in unicode_segmentation::UnicodeSegmentation::graphemes(l, true) {
                if g == "│" {
                    at.push(col);
                }
                col += unicode_width::UnicodeWidthStr::width(g);
            }
            at
        };
        for r in &rows {
            assert_eq!(bars(r), bars(rows[0]), "{width}: {rows:#?}");
            assert!(unicode_width::UnicodeWidthStr::width(r.as_str()) <= column(width));
        }
        // Three columns of 9 ("Bisque[2]"), 11 and 48 cells and two gaps of 3.
        assert_eq!(rows.iter().any(|r| r.contains('…')), column(width) < 74, "{width}: {rows:#?}");
    }
}

#[test]
fn quotes_have_bars_and_an_alert_its_label() {
    let lines = all_lines(100);
    let find =
        |s: &str| lines.iter().position(|l| l.contains(s)).unwrap_or_else(|| panic!("{s}: {lines:#?}"));
    assert!(lines[find("Never leave a firing")].starts_with("│ Never"));
    assert!(lines[find("fire extinguisher")].starts_with("│ │ Keep"));
    let label = find("Important");
    assert_eq!(lines[label], "│ Important");
    assert!(lines[label + 1].starts_with("│ Check the thermocouple"));
}

#[test]
fn byline_and_date_under_the_title_and_the_caption_where_it_stood() {
    let lines = all_lines(100);
    let find =
        |s: &str| lines.iter().position(|l| l.contains(s)).unwrap_or_else(|| panic!("{s}: {lines:#?}"));
    assert_eq!(lines[1], "By Mara Lindqvist · 2024-05-01");
    let caption = find("A loaf of bread");
    assert!(find("type K") < caption && caption < find("Setting it up"));
    assert_eq!(lines[caption + 1], "Jonas Berg");
}

#[test]
fn styles_show_without_colour_and_links_are_numbered_in_order() {
    let app = reader(100, 30);
    let buf = draw(&app);
    let has = |needle: &str, m: Modifier| style_of(&app, &buf, needle).is_some_and(|s| s.contains(m));
    assert!(has("very", Modifier::ITALIC), "em");
    assert!(has("Firing for", Modifier::BOLD), "strong");
    assert!(has("kiln.toml", Modifier::REVERSED), "code");
    assert!(has("Potters'", Modifier::UNDERLINED), "link");
    assert!(!has("plans", Modifier::UNDERLINED | Modifier::ITALIC | Modifier::BOLD | Modifier::REVERSED));
    let text = all_lines(100).join("\n");
    assert!(text.contains("Guild notes[1]"), "{text}");
    assert!(text.contains("Bisque[2]"), "a link in a table cell: {text}");
    assert!(text.contains("forum[3]") && text.contains("guild[4]."), "{text}");
}

#[test]
fn search_finds_text_in_cells_code_items_and_quotes() {
    let mut app = reader(100, 30);
    for query in ["overnight", "--status", "angle irons", "fire extinguisher", "thermocouple before", "Jonas"]
    {
        search(&mut app, query);
        let Some(m) = &app.marks else { panic!("no match for {query}") };
        assert_eq!(m.hits.len(), 1, "{query}");
        let buf = draw(&app);
        let shown = style_of(&app, &buf, query).unwrap_or_else(|| panic!("{query} in view"));
        assert!(shown.contains(Modifier::REVERSED), "{query}: the current match");
        send(&mut app, [Action::Clear]);
    }
}

#[test]
fn an_entity_mentioned_in_a_table_cell_and_an_item_lights_up() {
    let (input, mut doc) = kiln();
    entity(&mut doc, &input, EntityKind::Event, "Bisque", &["angle irons", "Bisque"], 0.5);
    let mut app = app(doc, 140, 40);
    send(&mut app, [Action::FocusNext, Action::Open]);
    let hits = app.marks.as_ref().map_or(0, |m| m.hits.len());
    assert_eq!(hits, 2, "the item and the table cell");
    send(&mut app, [Action::NextMatch]);
    let buf = draw(&app);
    assert!(
        style_of(&app, &buf, "Bisque").is_some_and(|s| s.contains(Modifier::BOLD | Modifier::UNDERLINED))
    );
}

#[test]
fn o_lists_the_links_from_the_current_sections_first() {
    let mut app = reader(100, 30);
    send(&mut app, [Action::Links]);
    assert!(matches!(&app.overlay, Overlay::Links(l) if l.list.cursor == 0));
    let shown = screen(&app);
    assert!(shown.contains("[1] Potters' Guild notes  https://guild.example.org/kilns"), "{shown}");
    assert!(shown.contains("[4] write to the guild  mailto:kilns@guild.example.org"), "{shown}");
    assert_snapshot!("kiln_links", shown);
    send(&mut app, [Action::LineDown, Action::LineDown, Action::LineDown]);
    send(&mut app, [Action::LineDown]);
    assert!(matches!(&app.overlay, Overlay::Links(l) if l.list.cursor == 3), "stops at the last");
    send(&mut app, [Action::LineUp, Action::Clear]);
    assert_eq!(app.overlay, Overlay::None);
    // In the last section, the list opens on its first link.
    send(&mut app, [Action::Bottom, Action::Links]);
    assert!(matches!(&app.overlay, Overlay::Links(l) if l.list.cursor == 1));
    send(&mut app, [Action::Links]);
    assert_eq!(app.overlay, Overlay::None, "o again closes it");
}

#[test]
fn the_list_fits_small_screens() {
    for (w, h) in [(60, 20), (30, 8), (20, 5)] {
        let mut app = reader(w, h);
        send(&mut app, [Action::Links, Action::Bottom]);
        let shown = screen(&app);
        assert!(shown.lines().count() == h as usize, "{shown}");
    }
}

#[test]
fn enter_follows_the_link_under_the_cursor() {
    let mut app = reader(100, 30);
    send(&mut app, [Action::Links, Action::LineDown]);
    let follow = Some(folio::tui::Effect::Follow("https://example.org/bisque".into()));
    assert_eq!(folio::tui::update(&mut app, Action::Open), follow, "inside folio");
    assert_eq!(app.overlay, Overlay::None);
    send(&mut app, [Action::Links, Action::LineDown]);
    let open = Some(folio::tui::Effect::Open("https://example.org/bisque".into()));
    assert_eq!(folio::tui::update(&mut app, Action::Browse), open, "O: the system's browser");
    assert_eq!(app.message.as_deref(), Some("opening https://example.org/bisque"));
    assert_eq!(folio::tui::update(&mut app, Action::FollowLink(3)), None, "only web links are handed on");
    assert_eq!(app.message.as_deref(), Some("not a web link: mailto:kilns@guild.example.org"));
    assert_eq!(folio::tui::update(&mut app, Action::FollowLink(99)), None);
}

#[test]
fn a_document_without_links_says_so() {
    let (_, doc) = essay();
    let mut app = app(doc, 100, 30);
    send(&mut app, [Action::Links]);
    assert_eq!(app.overlay, Overlay::None);
    assert_eq!(app.message.as_deref(), Some("no links in this document"));
}
