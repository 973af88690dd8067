//! The keys less and vim users reach for, driven by actions: counts, `gg`, percent, marks and
//! the jump back, search as a regex with accents and case folded, backward search, typing
//! highlights, history, the text width, unknown keys, the sidebar's filter and scope, and
//! the loader's news.

mod tui_support;

use folio::document::EntityKind;
use folio::tui::app::{Ask, Overlay, Pane, Prompt};
use folio::tui::marks::Source;
use folio::tui::side::{Row, Scope};
use folio::tui::{Action, App, Effect, update};
use tui_support::*;

fn typed(app: &mut App, keys: &str) {
    for c in keys.chars() {
        update(app, Action::Digit(c.to_digit(10).expect("a digit") as u8));
    }
}

/// A text of many sections, with accented names.
fn novel() -> (Vec<u8>, folio::Document) {
    use B::*;
    let mut blocks = vec![Title("A Novel of Names")];
    let chapters: Vec<String> = (1..=12).map(|i| format!("Chapter {i}")).collect();
    let chapters: Vec<&'static str> = chapters.into_iter().map(|c| &*Box::leak(c.into_boxed_str())).collect();
    for (i, c) in chapters.iter().enumerate() {
        blocks.push(H(1, c));
        blocks.push(P("Natásha came in from the garden, and the count looked up from his cards."));
        blocks.push(P("It was the year 1805, and nobody in the house spoke of anything but the war."));
        if i % 3 == 0 {
            blocks.push(P("Pierre said nothing; he was thinking of Natasha and of the ball."));
        }
    }
    let (input, mut doc) = build(&blocks);
    entity(&mut doc, &input, EntityKind::Person, "Natásha", &["Natásha"], 0.9);
    entity(&mut doc, &input, EntityKind::Person, "Pierre", &["Pierre"], 0.5);
    (input, doc)
}

#[test]
fn a_count_repeats_lines_sections_and_matches() {
    let (_, doc) = novel();
    let mut app = app(doc, 100, 30);
    typed(&mut app, "5");
    update(&mut app, Action::LineDown);
    assert_eq!(app.top, 5, "5j");
    update(&mut app, Action::Top);
    let headed: Vec<usize> =
        (0..app.doc.sections.len()).filter(|&s| app.doc.sections[s].heading.is_some()).collect();
    typed(&mut app, "3");
    update(&mut app, Action::NextSection);
    assert_eq!(app.current_section(), headed[2], "3] is the third heading");
    update(&mut app, Action::LineDown);
    assert_eq!(app.top, app.section_line(headed[2]) + 1, "the count is used once");
    update(&mut app, Action::Top);
    search(&mut app, "1805");
    let first = app.marks.as_ref().map(|m| m.current);
    typed(&mut app, "2");
    update(&mut app, Action::NextMatch);
    assert_eq!(app.marks.as_ref().map(|m| m.current), first.map(|c| c + 2), "2n");
}

#[test]
fn g_with_a_count_goes_to_that_line_and_gg_to_the_top() {
    let (_, doc) = novel();
    let mut app = app(doc, 100, 30);
    send(&mut app, [Action::PageDown, Action::Top, Action::Top]);
    assert_eq!(app.top, 0, "gg");
    typed(&mut app, "12");
    send(&mut app, [Action::Top, Action::Top]);
    assert_eq!(app.top, 11, "12gg is line 12, as in vim");
    typed(&mut app, "20");
    update(&mut app, Action::Bottom);
    assert_eq!(app.top, 19, "20G");
}

#[test]
fn percent_goes_that_far_and_the_first_screen_says_zero() {
    let (_, doc) = novel();
    let mut app = app(doc, 100, 30);
    assert_eq!(app.percent(), 0, "an article opened at its top is 0% read");
    typed(&mut app, "50");
    update(&mut app, Action::Percent);
    assert_eq!(app.percent(), 50);
    let scrollable = app.wrapped.lines.len() - app.view_height();
    assert_eq!(app.top, scrollable / 2);
    typed(&mut app, "100");
    update(&mut app, Action::Percent);
    assert_eq!(app.percent(), 100);
}

#[test]
fn marks_and_the_jump_back() {
    let (_, doc) = novel();
    let mut app = app(doc, 100, 30);
    send(&mut app, [Action::NextSection, Action::NextSection, Action::LineDown]);
    let marked = app.top;
    send(&mut app, [Action::MarkSet, Action::SetMark('a')]);
    send(&mut app, [Action::Bottom]);
    let end = app.top;
    assert_ne!(end, marked);
    send(&mut app, [Action::MarkJump, Action::JumpMark('a')]);
    assert_eq!(app.top, marked, "'a");
    update(&mut app, Action::JumpBack);
    assert_eq!(app.top, end, "'' back to the end");
    update(&mut app, Action::JumpBack);
    assert_eq!(app.top, marked, "'' again goes forth");
    let before = app.top;
    update(&mut app, Action::NextSection);
    update(&mut app, Action::JumpBack);
    assert_eq!(app.top, before, "'' returns from a section jump");
    send(&mut app, [Action::MarkJump, Action::JumpMark('q')]);
    assert!(app.message.as_deref().is_some_and(|m| m.contains("no mark q")), "{:?}", app.message);
    send(&mut app, [Action::MarkSet, Action::Clear]);
    assert_eq!(app.mode(), folio::tui::keymap::Mode::Normal(Pane::Reading), "Esc after m sets nothing");
}

#[test]
fn marks_survive_a_resize() {
    let (_, doc) = novel();
    let mut app = app(doc, 100, 30);
    send(&mut app, [Action::NextSection, Action::NextSection]);
    let section = app.current_section();
    send(&mut app, [Action::MarkSet, Action::SetMark('b'), Action::Top, Action::Resize(60, 20)]);
    send(&mut app, [Action::MarkJump, Action::JumpMark('b')]);
    assert_eq!(app.current_section(), section);
}

#[test]
fn search_folds_accents_and_case_and_takes_a_regex() {
    let (_, doc) = novel();
    let mut app = app(doc, 100, 30);
    search(&mut app, "natasha");
    let m = app.marks.clone().expect("matches");
    let found: Vec<&str> = m.hits.iter().map(|h| &app.flow.text(&app.doc, h.item)[h.start..h.end]).collect();
    assert!(found.contains(&"Natásha") && found.contains(&"Natasha"), "{found:?}");
    search(&mut app, r"18\d5");
    assert_eq!(app.marks.as_ref().map(|m| m.hits.len()), Some(12));
    search(&mut app, "(the");
    assert!(app.marks.is_none(), "an invalid regex is searched as text: none here");
    assert!(app.message.as_deref().is_some_and(|m| m.contains("(the")));
}

#[test]
fn a_backward_search_starts_behind_and_n_goes_on_backward() {
    let (_, doc) = novel();
    let mut app = app(doc, 100, 30);
    typed(&mut app, "6");
    update(&mut app, Action::NextSection);
    let here = app.top;
    update(&mut app, Action::SearchBack);
    for c in "war".chars() {
        update(&mut app, Action::Input(c));
    }
    update(&mut app, Action::Submit);
    let m = app.marks.clone().expect("matches");
    assert!(m.back);
    let line = |i: usize| {
        app.wrapped.line_of(folio::tui::flow::Anchor { item: m.hits[i].item, offset: m.hits[i].start })
    };
    assert!(line(m.current) < here, "the match found is before the top");
    let before = m.current;
    update(&mut app, Action::NextMatch);
    assert_eq!(app.marks.as_ref().map(|m| m.current), Some(before - 1), "n goes backward");
    assert!(app.counter().is_some_and(|c| c.starts_with("?war")));
}

#[test]
fn typing_highlights_and_esc_goes_back() {
    let (_, doc) = novel();
    let mut app = app(doc, 100, 30);
    update(&mut app, Action::Search);
    for c in "pierre".chars() {
        update(&mut app, Action::Input(c));
    }
    assert!(matches!(app.marks.as_ref().map(|m| &m.source), Some(Source::Search(q)) if q == "pierre"));
    update(&mut app, Action::Clear);
    assert!(app.marks.is_none() && app.top == 0 && app.overlay == Overlay::None);
}

#[test]
fn up_in_the_prompt_brings_back_the_last_query() {
    let (_, doc) = novel();
    let mut app = app(doc, 100, 30);
    search(&mut app, "count");
    search(&mut app, "garden");
    update(&mut app, Action::Search);
    update(&mut app, Action::HistoryPrev);
    let text = |app: &App| match &app.overlay {
        Overlay::Prompt(Prompt { text, .. }) => text.clone(),
        _ => String::new(),
    };
    assert_eq!(text(&app), "garden");
    update(&mut app, Action::HistoryPrev);
    assert_eq!(text(&app), "count");
    update(&mut app, Action::HistoryNext);
    assert_eq!(text(&app), "garden");
    update(&mut app, Action::HistoryNext);
    assert_eq!(text(&app), "");
}

#[test]
fn the_width_keys_narrow_widen_and_restore() {
    let (_, doc) = novel();
    let mut app = app(doc, 140, 30);
    let full = app.layout.text_column().width;
    update(&mut app, Action::Narrower);
    assert_eq!(app.layout.text_column().width, full - 4);
    assert_eq!(app.wrapped.width, full - 4, "re-wrapped");
    send(&mut app, [Action::Narrower, Action::Wider]);
    assert_eq!(app.layout.text_column().width, full - 4);
    update(&mut app, Action::DefaultWidth);
    assert_eq!(app.layout.text_column().width, full);
    for _ in 0..100 {
        update(&mut app, Action::Narrower);
    }
    assert_eq!(app.layout.text_column().width, 20, "never narrower than 20");
}

#[test]
fn an_unknown_key_says_so() {
    let (_, doc) = novel();
    let mut app = app(doc, 100, 30);
    update(&mut app, Action::Unknown("x".into()));
    assert_eq!(app.message.as_deref(), Some("x: not a key here, ? for help"));
}

#[test]
fn effects_come_back_from_update() {
    let (_, doc) = novel();
    let mut app = app(doc, 100, 30);
    assert_eq!(update(&mut app, Action::Redraw), Some(Effect::Redraw));
    assert_eq!(update(&mut app, Action::Suspend), Some(Effect::Suspend));
    assert_eq!(update(&mut app, Action::ToggleMouse), Some(Effect::Mouse(false)));
    assert_eq!(update(&mut app, Action::Edit), None, "no file: standard input");
    assert!(app.message.as_deref().is_some_and(|m| m.contains("no file")));
}

#[test]
fn enter_in_the_reading_pane_is_a_line_down() {
    let (_, doc) = novel();
    let mut app = app(doc, 100, 30);
    typed(&mut app, "3");
    update(&mut app, Action::Open);
    assert_eq!(app.top, 3);
}

#[test]
fn the_sidebar_filters_and_shows_the_current_section_only() {
    let (_, doc) = novel();
    let mut app = app(doc, 140, 30);
    update(&mut app, Action::FocusNext);
    assert_eq!(app.focus, Pane::Sidebar);
    update(&mut app, Action::Filter);
    assert!(matches!(app.overlay, Overlay::Prompt(Prompt { ask: Ask::Filter, .. })));
    for c in "pie".chars() {
        update(&mut app, Action::Input(c));
    }
    let entities = |app: &App| app.side.rows.iter().filter(|r| matches!(r, Row::Entity(_))).count();
    assert_eq!(entities(&app), 1, "only Pierre");
    update(&mut app, Action::Submit);
    assert_eq!(app.side.filter, "pie", "Enter keeps the filter");
    update(&mut app, Action::Clear);
    assert_eq!(entities(&app), 2, "Esc clears it");
    update(&mut app, Action::SectionOnly);
    assert_eq!(app.side.scope, Scope::Section(app.current_section()));
    update(&mut app, Action::FocusPrev);
    typed(&mut app, "2");
    update(&mut app, Action::NextSection);
    let s = app.current_section();
    assert_eq!(app.side.scope, Scope::Section(s), "the sidebar follows the reader");
    let pierre = app.doc.sections[s].paragraphs.iter().any(|p| p.passage.text.contains("Pierre"));
    assert!(!pierre, "the second chapter does not mention Pierre");
    assert_eq!(entities(&app), 1, "only Natásha is in it");
}

#[test]
fn the_whole_text_and_then_its_entities_arrive_as_news() {
    let (input, whole) = novel();
    let cut = folio::prefix(&input, 400).len();
    let first = folio::structure(&input[..cut]).expect("the start reads");
    let mut app = app(first, 100, 30);
    update(&mut app, Action::Partial(cut));
    update(&mut app, Action::Bottom);
    let mut structure = whole.clone();
    structure.entities.clear();
    let width = app.layout.text_column().width;
    update(&mut app, Action::Loaded(Box::new(folio::tui::load::prepare(structure, width))));
    assert_eq!(app.loading.partial, None, "all of the text is in");
    assert!(app.loading.entities);
    assert_eq!(app.percent(), 100, "G before the whole came lands at the end of the whole");
    update(&mut app, Action::Entities(whole.entities.clone()));
    assert!(!app.loading.entities);
    assert_eq!(app.doc.entities, whole.entities);
    assert!(app.side.rows.contains(&Row::Entity(0)));
}

#[test]
fn a_warning_about_the_start_only_goes_when_the_whole_arrives() {
    let (input, whole) = novel();
    let mut first = folio::structure(b"").expect("empty");
    assert!(!first.warnings.is_empty(), "an empty start holds no text");
    first.warnings.truncate(1);
    let mut app = app(first, 100, 30);
    assert!(app.message.is_some());
    let width = app.layout.text_column().width;
    update(&mut app, Action::Loaded(Box::new(folio::tui::load::prepare(whole, width))));
    assert_eq!(app.message, None, "no stale warning over the loaded text");
    drop(input);
}

#[test]
fn a_changed_text_reopens_at_the_paragraph_left() {
    let (input, doc) = novel();
    let mut app = app(doc, 100, 30);
    typed(&mut app, "7");
    update(&mut app, Action::NextSection);
    send(&mut app, [Action::LineDown, Action::LineDown]);
    let pos = folio::tui::position(&app);
    let heading =
        |app: &App| app.doc.sections[app.current_section()].heading.as_ref().map(|h| h.text.clone());
    // A line added near the start moves every byte after it.
    let text = String::from_utf8(input).expect("utf-8");
    let changed =
        text.replacen("\n\n", "\n\nA comment added to the page, long enough to move things.\n\n", 1);
    let doc = folio::structure(changed.as_bytes()).expect("the changed text reads");
    let mut again = tui_support::app(doc, 100, 30);
    update(&mut again, Action::Restore(pos));
    assert_eq!(heading(&again), heading(&app), "the same chapter");
    assert_eq!(top_text(&again), top_text(&app), "the same line of it");
    assert_ne!(again.input_here(), app.input_here(), "though its bytes moved");
}

#[test]
fn folding_every_book_from_the_end_shows_them_all() {
    use B::*;
    let mut blocks = vec![Title("Books")];
    let names: Vec<&'static str> =
        (1..=8).map(|b| &*Box::leak(format!("BOOK {b}").into_boxed_str())).collect();
    let chapters: Vec<&'static str> =
        (1..=10).map(|c| &*Box::leak(format!("CHAPTER {c}").into_boxed_str())).collect();
    for b in &names {
        blocks.push(H(1, b));
        for c in &chapters {
            blocks.push(H(2, c));
            blocks.push(P("Some text of the chapter, a line or two of it."));
        }
    }
    let (_, doc) = build(&blocks);
    let mut app = app(doc, 120, 30);
    send(&mut app, [Action::Bottom, Action::FoldAll]);
    assert_eq!(app.toc.rows.len(), 8);
    assert_eq!(app.toc.list.offset, 0, "every folded book in view, no blank rows");
    let shown = screen(&app);
    assert!(shown.contains("BOOK 1") && shown.contains("BOOK 8"), "{shown}");
}
