//! The reader on a Markdown file and a web page as they were written, read by folio's own
//! readers (`folio::ingest::parse`): every code line on its own row, markers and numbers,
//! table columns aligned, links numbered and listed by `o`, the page's byline and date.

mod tui_support;

use folio::Format;
use folio::tui::{Action, App};
use insta::assert_snapshot;
use tui_support::*;

fn reader(name: &str, format: Format, w: u16, h: u16) -> App {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let input = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let doc = folio::ingest::parse(&input, format).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut app = app(doc, w, h);
    app.name = name.rsplit('/').next().unwrap_or(name).to_string();
    app
}

fn markdown(w: u16, h: u16) -> App {
    reader("markdown/reader_blocks.md", Format::Markdown, w, h)
}

fn html(w: u16, h: u16) -> App {
    reader("html/reader_blocks.html", Format::Html, w, h)
}

/// The text column's lines, the whole document on one tall screen.
fn lines(mut app: App) -> Vec<String> {
    let w = app.layout.area.width;
    send(&mut app, [Action::Resize(w, 300)]);
    text_column(&app)
}

/// The reader on a fixture, every page at 100x30 and at 60x20, as snapshots `{stem}_{w}x{h}`.
fn snapshots(stem: &str, name: &str, format: Format) {
    for (w, h) in [(100, 30), (60, 20)] {
        assert_snapshot!(format!("{stem}_{w}x{h}"), pages(&mut reader(name, format, w, h)));
    }
}

fn find(lines: &[String], s: &str) -> usize {
    lines.iter().position(|l| l.contains(s)).unwrap_or_else(|| panic!("{s}: {lines:#?}"))
}

#[test]
fn markdown_at_100x30_and_60x20() {
    snapshots("reader_blocks_md", "markdown/reader_blocks.md", Format::Markdown);
}

#[test]
fn html_at_100x30_and_60x20() {
    snapshots("reader_blocks_html", "html/reader_blocks.html", Format::Html);
}

#[test]
fn markdown_reads_as_written() {
    let lines = lines(markdown(160, 40));
    for code in ["cargo install kiln-controller --locked", "kiln-controller --status"] {
        assert_eq!(lines[find(&lines, code)].trim(), code);
    }
    assert!(lines[find(&lines, "Forty firebricks")].starts_with("1. "), "{lines:#?}");
    assert!(lines[find(&lines, "four angle irons")].trim_start().starts_with("• "), "{lines:#?}");
    assert!(lines[find(&lines, "Gloves")].starts_with("• "), "{lines:#?}");
    assert!(lines[find(&lines, "Never leave")].starts_with("│ "), "{lines:#?}");
    let rows: Vec<&String> = lines.iter().filter(|l| l.contains(" │ ") && !l.starts_with('│')).collect();
    assert_eq!(rows.len(), 4, "{lines:#?}");
    let bar = |l: &str| l.chars().position(|c| c == '│');
    assert!(rows.iter().all(|r| bar(r) == bar(rows[0])), "{rows:#?}");
    assert!(lines.iter().any(|l| l.contains("Guild notes[1]")), "{lines:#?}");
}

#[test]
fn a_web_page_reads_as_written_with_its_byline() {
    let lines = lines(html(160, 40));
    let title = find(&lines, "Sourdough Without Fuss");
    assert!(
        lines[title + 1].contains("Mara Lindqvist") && lines[title + 1].contains("2023-03-14"),
        "{lines:#?}"
    );
    let code = "timer.bake(temperature=230, minutes=25, lid=False)";
    assert_eq!(lines[find(&lines, code)].trim(), code);
    assert!(lines[find(&lines, "Mix the flour")].starts_with("1. "), "{lines:#?}");
    assert!(lines[find(&lines, "500 g bread flour")].starts_with("• "), "{lines:#?}");
    let caption = find(&lines, "second rise");
    assert!(find(&lines, "bakers' cooperative") < caption && caption < find(&lines, "Ingredients"));
    assert!(lines.iter().any(|l| l.contains("cooperative[1]")), "{lines:#?}");
}

#[test]
fn code_in_a_list_item_stands_under_the_items_text() {
    snapshots("list_code_md", "markdown/list_code.md", Format::Markdown);
    let lines = lines(reader("markdown/list_code.md", Format::Markdown, 100, 30));
    let column = |s: &str| {
        let l = &lines[find(&lines, s)];
        l[..l.find(s).unwrap_or(0)].chars().count()
    };
    // Code stands two cells further in for each level of the list it is in, past the text
    // of its item ("1. Fetch…" at 3, "• for one gauge" at 4).
    let top = column("tide-logger --once");
    assert_eq!(column("git clone"), top + 2, "{lines:#?}");
    assert_eq!(column("port = /dev/ttyUSB0"), top + 4, "{lines:#?}");
    assert!(column("git clone") > column("Fetch the source"), "{lines:#?}");
    assert!(column("port = /dev/ttyUSB0") > column("for one gauge"), "{lines:#?}");
}

#[test]
fn quoted_plain_text_has_bars_as_deep_as_its_markers() {
    snapshots("quotes_txt", "text/quotes.txt", Format::Text);
    let lines = lines(reader("text/quotes.txt", Format::Text, 100, 30));
    assert!(lines[find(&lines, "Will the early boat")].starts_with("│ Will"), "{lines:#?}");
    assert!(lines[find(&lines, "Bicycles travel free")].starts_with("│ │ Bicycles"), "{lines:#?}");
    assert!(!lines[find(&lines, "Water temperatures")].starts_with('│'), "{lines:#?}");
}

#[test]
fn o_lists_a_pages_links() {
    let mut app = html(100, 30);
    send(&mut app, [Action::Links]);
    let shown = screen(&app);
    assert!(shown.contains("https://bakers.example.org/method"), "{shown}");
    assert!(shown.contains("mailto:desk@bread.example.com"), "{shown}");
}
