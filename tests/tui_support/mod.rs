//! Documents for the reader's tests: the seed, and a fixture of another shape (a long
//! essay with nested sections, a caption, tabs, wide characters and an overlong word), each
//! with hand-made entities whose mentions are real spans of the input.

#![allow(dead_code)]

use folio::document::{Document, Entity, EntityKind};
use folio::ingest::{Block, BlockKind, Blocks};
use folio::tui::theme::Theme;
use folio::tui::{Action, App, update};
use folio::{Passage, Span};
use ratatui::buffer::Buffer;

/// How a fixture line becomes a block.
pub enum B {
    Crumbs(&'static [&'static str]),
    Title(&'static str),
    Caption(&'static str, &'static str),
    H(u8, &'static str),
    P(&'static str),
}

/// Builds input bytes and a document whose every passage is a verbatim slice of them.
pub fn build(blocks: &[B]) -> (Vec<u8>, Document) {
    let mut input = String::new();
    let mut out = Blocks::default();
    for b in blocks {
        let (kind, text) = match b {
            B::Crumbs(c) => {
                input.push_str(&c.join(" > "));
                input.push_str("\n\n");
                let crumbs = BlockKind::Breadcrumbs(c.iter().map(|s| s.to_string()).collect());
                out.blocks.push(Block::new(crumbs, Passage::default()));
                continue;
            }
            B::Title(t) => (BlockKind::Title, *t),
            B::Caption(t, credit) => (BlockKind::Caption { credit: Some(credit.to_string()) }, *t),
            B::H(level, t) => (BlockKind::Heading { level: *level }, *t),
            B::P(t) => (BlockKind::Paragraph, *t),
        };
        let at = input.len();
        input.push_str(text);
        input.push_str("\n\n");
        out.blocks.push(Block::new(kind, Passage::verbatim(text, at)));
    }
    (input.into_bytes(), out.into_document())
}

/// Adds an entity whose mentions are every occurrence of each form in the input.
pub fn entity(doc: &mut Document, input: &[u8], kind: EntityKind, name: &str, forms: &[&str], salience: f32) {
    let text = String::from_utf8_lossy(input);
    let mut mentions: Vec<Span> = forms
        .iter()
        .flat_map(|f| text.match_indices(f).map(|(i, m)| Span::new(i, i + m.len())).collect::<Vec<_>>())
        .collect();
    mentions.sort();
    mentions.dedup_by(|b, a| a.overlaps(*b));
    doc.entities.push(Entity {
        kind,
        name: name.to_string(),
        mentions,
        aliases: forms.iter().filter(|f| **f != name).map(|f| f.to_string()).collect(),
        salience,
        role: None,
        date: None,
        place: None,
    });
}

/// The seed article through the real pipeline, with entities made by hand.
pub fn seed() -> (Vec<u8>, Document) {
    let input = folio::SEED.to_vec();
    let mut doc = folio::read(&input).expect("the seed reads");
    doc.entities.clear();
    use EntityKind::*;
    entity(&mut doc, &input, Person, "Russia’s special envoy", &["Russia’s special envoy"], 0.6);
    entity(&mut doc, &input, Person, "the Secretary of State", &["the Secretary of State"], 0.4);
    entity(&mut doc, &input, Place, "Ukraine", &["Ukraine"], 0.9);
    entity(&mut doc, &input, Place, "Miami", &["Miami"], 0.8);
    entity(&mut doc, &input, Place, "Odesa", &["Odesa"], 0.3);
    entity(
        &mut doc,
        &input,
        Event,
        "the Miami talks",
        &["Miami Talks", "Miami talks", "Miami discussions"],
        0.9,
    );
    entity(&mut doc, &input, Event, "the Ukraine war", &["Ukraine war", "Ukraine War"], 0.7);
    (input, doc)
}

const LONG: &str = "The river was the city's first road, and for most of its history the only one \
that mattered: grain came down it in autumn, salt and cloth came up it in spring, and every \
quarrel between the upper and lower towns was in the end a quarrel about the water between them.";

/// A document of another shape than the seed: many nested sections, no breadcrumbs.
pub fn essay() -> (Vec<u8>, Document) {
    use B::*;
    let (input, mut doc) = build(&[
        Title("A River and Its Towns: Notes Toward a History"),
        Caption("The old bridge at Varenne in winter", "Archive of the Lower Town"),
        P("Before the bridge there was the ferry, and before the ferry there was Marguerite Aubin, \
who rowed people across for a coin and a story. This essay follows the river from her crossing to \
the flood of 1910."),
        H(1, "The Ferry Years"),
        P(LONG),
        P("Marguerite Aubin kept a ledger.\tEach crossing has a line: the date, the fare, and \
sometimes a word about the passenger. The ledger is now in Varenne, in the archive of the lower town."),
        H(2, "The Ledger"),
        P("Read end to end, the ledger is a census of who needed to cross and why. Merchants from \
Castelnau appear every week; pilgrims once a year, before the feast; soldiers only in the years of \
the war."),
        H(2, "Rivals"),
        P("A second ferry, run by Henri Delorme from the Castelnau bank, lasted three summers. \
The two crossings cut their fares until neither could pay for rope."),
        H(1, "The Bridge"),
        P("The bridge opened in 1887 after eleven years of argument. Henri Delorme spoke at the \
opening; Marguerite Aubin, by then old, was rowed across one last time as the crowd watched."),
        P(LONG),
        H(2, "Engineering"),
        P("The piers stand on oak piles driven into the gravel; the engineers' report, titled \
https://archive.example.org/reports/varenne-bridge-1887-piers-and-foundations-final-revision.pdf \
in the digital catalogue, runs to four hundred pages."),
        H(2, "河の名前"),
        P("In the guide printed for Japanese visitors the river is called 河の名前, and the bridge \
is drawn from the Varenne bank with the Castelnau towers behind it."),
        H(1, "The Flood of 1910"),
        P("The flood of 1910 took the lower town's archive but spared the ledger, which Marguerite \
Aubin's grandson had carried up to Castelnau the week before. The bridge held."),
        P(LONG),
        H(1, "Afterword"),
        P("Rivers make towns and then divide them; bridges are the towns' reply."),
    ]);
    use EntityKind::*;
    entity(&mut doc, &input, Person, "Marguerite Aubin", &["Marguerite Aubin"], 0.9);
    entity(&mut doc, &input, Person, "Henri Delorme", &["Henri Delorme"], 0.5);
    entity(&mut doc, &input, Place, "Varenne", &["Varenne"], 0.8);
    entity(&mut doc, &input, Place, "Castelnau", &["Castelnau"], 0.7);
    entity(&mut doc, &input, Place, "the archive of the lower town", &["archive of the lower town"], 0.2);
    entity(&mut doc, &input, Event, "the flood of 1910", &["flood of 1910"], 0.8);
    entity(
        &mut doc,
        &input,
        Event,
        "the opening of the bridge",
        &["The bridge opened in 1887", "the opening"],
        0.4,
    );
    (input, doc)
}

/// A reader with colours off, so snapshots and style checks do not depend on the environment.
pub fn app(doc: Document, w: u16, h: u16) -> App {
    App::new(doc, "essay.txt", w, h, Theme::new(false))
}

/// Sends actions in order.
pub fn send(app: &mut App, actions: impl IntoIterator<Item = Action>) {
    for a in actions {
        update(app, a);
    }
}

/// Types a search and submits it.
pub fn search(app: &mut App, query: &str) {
    update(app, Action::Search);
    for c in query.chars() {
        update(app, Action::Input(c));
    }
    update(app, Action::Submit);
}

/// The text of the line at the top of the reading pane.
pub fn top_text(app: &App) -> String {
    let l = app.wrapped.lines[app.top];
    if l.is_blank() {
        return String::new();
    }
    app.flow.text(&app.doc, l.item as usize)[l.start as usize..l.end as usize].to_string()
}

/// Draws the whole screen into a buffer, as a terminal of the reader's size would show it.
pub fn draw(app: &App) -> Buffer {
    let (w, h) = (app.layout.area.width, app.layout.area.height);
    let mut term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).expect("test terminal");
    term.draw(|f| folio::tui::ui::draw(f, app)).expect("draw").buffer.clone()
}

/// Draws the whole screen and returns it as text, one line per row.
pub fn screen(app: &App) -> String {
    let buf = draw(app);
    let (w, h) = (buf.area.width, buf.area.height);
    let mut out = String::new();
    for y in 0..h {
        let mut line = String::new();
        let mut skip = 0;
        for x in 0..w {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let sym = buf[(x, y)].symbol();
            skip = unicode_width::UnicodeWidthStr::width(sym).saturating_sub(1);
            line.push_str(sym);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Every screen of the document from where the reader is, a page down at a time, each
/// after a row of `~`.
pub fn pages(app: &mut App) -> String {
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

/// The rows of the reading pane's text column as drawn, without trailing blanks.
pub fn text_column(app: &App) -> Vec<String> {
    let pane = app.layout.text_column();
    screen(app)
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
