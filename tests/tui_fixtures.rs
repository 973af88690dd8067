//! The reader on a Markdown file and a web page as they were written, read by folio's own
//! readers (`folio::structure_as`): every code line on its own row, markers and numbers,
//! table columns aligned, links numbered and listed by `o`, the page's byline and date.

mod tui_support;

use folio::Format;
use folio::tui::{Action, App};
use insta::assert_snapshot;
use tui_support::*;

fn reader(name: &str, format: Format, w: u16, h: u16) -> App {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let input = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let doc = folio::structure_as(&input, format).unwrap_or_else(|e| panic!("{path}: {e}"));
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

/// Every screen from the top, a page down at a time.
fn pages(app: &mut App) -> String {
    let mut out = String::new();
    loop {
        out.push_str(&screen(app));
        let top = app.top;
        send(app, [Action::PageDown]);
        if app.top == top {
            return out;
        }
        out.push_str(&"~".repeat(app.layout.area.width as usize));
        out.push('\n');
    }
}

/// The text column's lines, the whole document on one tall screen.
fn lines(mut app: App) -> Vec<String> {
    let w = app.layout.area.width;
    send(&mut app, [Action::Resize(w, 300)]);
    let pane = app.layout.text_column();
    screen(&app)
        .lines()
        .skip(pane.y as usize)
        .take(pane.height as usize)
        .map(|l| {
            l.chars()
                .skip(pane.x as usize)
                .take(pane.width as usize)
                .collect::<String>()
                .trim_end()
                .to_string()
        })
        .collect()
}

fn find(lines: &[String], s: &str) -> usize {
    lines.iter().position(|l| l.contains(s)).unwrap_or_else(|| panic!("{s}: {lines:#?}"))
}

#[test]
fn markdown_at_100x30_and_60x20() {
    for (w, h) in [(100, 30), (60, 20)] {
        assert_snapshot!(format!("reader_blocks_md_{w}x{h}"), pages(&mut markdown(w, h)));
    }
}

#[test]
fn html_at_100x30_and_60x20() {
    for (w, h) in [(100, 30), (60, 20)] {
        assert_snapshot!(format!("reader_blocks_html_{w}x{h}"), pages(&mut html(w, h)));
    }
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
fn o_lists_a_pages_links() {
    let mut app = html(100, 30);
    send(&mut app, [Action::Links]);
    let shown = screen(&app);
    assert!(shown.contains("https://bakers.example.org/method"), "{shown}");
    assert!(shown.contains("mailto:desk@bread.example.com"), "{shown}");
}
