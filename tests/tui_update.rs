//! The reader's behaviour, driven by actions (no terminal): sections, search, entities,
//! resizing, mouse, overlays.

mod tui_support;

use folio::tui::Effect;
use folio::tui::app::{Ask, Overlay, Pane, Prompt};
use folio::tui::flow::Item;
use folio::tui::marks::Source;
use folio::tui::{Action, update};
use tui_support::*;

fn heading_at_top(app: &folio::tui::App) -> Option<String> {
    let l = app.wrapped.lines[app.top];
    match app.flow.items[l.item as usize] {
        Item::Heading(s) => app.doc.sections[s].heading.as_ref().map(|h| h.text.clone()),
        _ => None,
    }
}

#[test]
fn brackets_put_each_heading_at_the_top() {
    let (_, doc) = essay();
    let headings: Vec<String> =
        doc.sections.iter().filter_map(|s| s.heading.as_ref().map(|h| h.text.clone())).collect();
    let mut app = app(doc, 140, 40);
    for want in &headings {
        update(&mut app, Action::NextSection);
        assert_eq!(heading_at_top(&app).as_ref(), Some(want));
        assert_eq!(app.toc.list.cursor, app.current_section(), "the section list follows");
    }
    let last = app.top;
    update(&mut app, Action::NextSection);
    assert_eq!(app.top, last, "] at the last section stays");
    update(&mut app, Action::PrevSection);
    assert_eq!(heading_at_top(&app).as_ref(), headings.get(headings.len() - 2));
    update(&mut app, Action::Top);
    assert_eq!(app.top, 0);
    update(&mut app, Action::Bottom);
    assert_eq!(app.percent(), 100);
}

#[test]
fn prev_section_from_inside_a_section_goes_to_its_heading() {
    let (_, doc) = essay();
    let mut app = app(doc, 80, 24);
    send(&mut app, [Action::NextSection, Action::LineDown, Action::LineDown]);
    let section = app.current_section();
    update(&mut app, Action::PrevSection);
    assert_eq!(app.current_section(), section);
    assert!(heading_at_top(&app).is_some());
}

#[test]
fn paging_moves_by_screens_and_stays_in_bounds() {
    let (_, doc) = essay();
    let mut app = app(doc, 80, 24);
    let h = app.view_height();
    update(&mut app, Action::PageDown);
    assert_eq!(app.top, h - 2);
    update(&mut app, Action::HalfDown);
    assert_eq!(app.top, h - 2 + h / 2);
    send(&mut app, [Action::PageUp, Action::PageUp, Action::LineUp]);
    assert_eq!(app.top, 0);
    for _ in 0..1000 {
        update(&mut app, Action::LineDown);
    }
    assert_eq!(app.top, app.max_top());
}

#[test]
fn enter_in_the_section_list_jumps() {
    let (_, doc) = essay();
    let mut app = app(doc, 140, 40);
    update(&mut app, Action::FocusPrev);
    assert_eq!(app.focus, Pane::Sections);
    send(&mut app, [Action::LineDown, Action::LineDown, Action::LineDown, Action::Open]);
    assert_eq!(app.current_section(), 3);
    assert_eq!(heading_at_top(&app).as_deref(), Some("Rivals"));
}

#[test]
fn search_finds_every_match_and_steps_through_them() {
    let (_, doc) = essay();
    let expected: usize = doc.passages().map(|p| p.text.matches("bridge").count()).sum::<usize>()
        + doc.passages().map(|p| p.text.matches("Bridge").count()).sum::<usize>();
    let mut app = app(doc, 80, 24);
    search(&mut app, "bridge");
    let n = app.marks.as_ref().map_or(0, |m| m.hits.len());
    assert_eq!(n, expected, "lowercase queries ignore case");
    assert_eq!(app.counter(), Some(format!("/bridge 1/{n}")));
    update(&mut app, Action::NextMatch);
    assert_eq!(app.counter(), Some(format!("/bridge 2/{n}")));
    send(&mut app, [Action::PrevMatch, Action::PrevMatch]);
    assert_eq!(app.counter(), Some(format!("/bridge {n}/{n}")), "N wraps around");
    assert!(app.message.as_deref().is_some_and(|m| m.contains("last")), "and says so");
    let hit = app.marks.as_ref().map(|m| m.hits[m.current]).expect("a hit");
    let line = app.wrapped.line_of(folio::tui::flow::Anchor { item: hit.item, offset: hit.start });
    assert!(line >= app.top && line < app.top + app.view_height(), "the current match is shown");
    update(&mut app, Action::Clear);
    assert!(app.marks.is_none());
    search(&mut app, "Bridge");
    assert!(app.marks.as_ref().is_some_and(|m| m.hits.len() < n), "a capital makes it exact");
}

#[test]
fn search_crosses_line_wraps() {
    let (_, doc) = essay();
    let mut app = app(doc, 50, 20);
    let phrase = "the upper and lower towns was in the end";
    search(&mut app, phrase);
    let m = app.marks.clone().expect("found");
    assert_eq!(m.hits.len(), 3);
    let hit = m.hits[0];
    let lines: Vec<_> = app
        .wrapped
        .lines
        .iter()
        .filter(|l| {
            !l.is_blank() && m.on_line(l.item as usize, l.start as usize, l.end as usize).contains(&0)
        })
        .collect();
    assert!(lines.len() >= 2, "the phrase spans a wrap at 50 columns");
    assert_eq!(&app.flow.text(&app.doc, hit.item)[hit.start..hit.end], phrase);
}

#[test]
fn the_search_prompt_edits_and_cancels() {
    let (_, doc) = essay();
    let mut app = app(doc, 80, 24);
    send(&mut app, [Action::Search, Action::Input('x'), Action::Erase]);
    assert_eq!(update(&mut app, Action::Input('q')), None, "q in the prompt is text");
    let prompt = Prompt { ask: Ask::Search { back: false }, text: "q".into(), recall: None };
    assert_eq!(app.overlay, Overlay::Prompt(prompt));
    update(&mut app, Action::Clear);
    assert_eq!(app.overlay, Overlay::None);
    search(&mut app, "zzzz");
    assert!(app.marks.is_none());
    assert!(app.message.as_deref().is_some_and(|m| m.contains("zzzz")));
}

#[test]
fn enter_on_an_entity_lights_its_mentions_by_span() {
    let (input, doc) = essay();
    let mut app = app(doc, 140, 40);
    update(&mut app, Action::FocusNext);
    assert_eq!(app.focus, Pane::Sidebar);
    update(&mut app, Action::Open);
    let entity = &app.doc.entities[0];
    assert_eq!(entity.name, "Marguerite Aubin", "the most salient person comes first");
    let m = app.marks.clone().expect("selected");
    assert_eq!(m.source, Source::Entity(0));
    assert_eq!(m.hits.len(), entity.mentions.len());
    for (hit, span) in m.hits.iter().zip(&entity.mentions) {
        let passage = app.flow.passage(&app.doc, hit.item).expect("a passage");
        assert_eq!(passage.to_input(hit.start..hit.end), *span);
        assert_eq!(&input[span.start..span.end], &passage.text.as_bytes()[hit.start..hit.end]);
    }
    let n = m.hits.len();
    assert_eq!(app.counter(), Some(format!("Marguerite Aubin 1/{n}")));
    update(&mut app, Action::NextMatch);
    assert_eq!(app.counter(), Some(format!("Marguerite Aubin 2/{n}")));
    update(&mut app, Action::Clear);
    assert!(app.marks.is_none());
}

#[test]
fn the_sidebar_cursor_skips_group_headers() {
    let (_, doc) = essay();
    let mut app = app(doc, 140, 40);
    send(&mut app, [Action::FocusNext, Action::LineDown, Action::LineDown, Action::Open]);
    let name = app.selected_entity().map(|e| app.doc.entities[e].name.clone());
    assert_eq!(name.as_deref(), Some("Varenne"), "People has two entries, then Places");
}

#[test]
fn the_detail_view_lists_mentions_and_jumps() {
    let (_, doc) = essay();
    let mut app = app(doc, 140, 40);
    send(&mut app, [Action::FocusNext, Action::Details]);
    let Overlay::Entity(d) = &app.overlay else { panic!("details open") };
    assert_eq!(d.hits.len(), app.doc.entities[0].mentions.len());
    send(&mut app, [Action::LineDown, Action::LineDown, Action::Open]);
    assert_eq!(app.overlay, Overlay::None);
    assert_eq!(app.marks.as_ref().map(|m| m.current), Some(2));
    assert!(screen(&app).contains("Marguerite Aubin 3/"));
}

#[test]
fn resizing_keeps_the_reading_position() {
    let (_, doc) = essay();
    let mut app = app(doc, 140, 40);
    send(
        &mut app,
        [Action::NextSection, Action::NextSection, Action::LineDown, Action::LineDown, Action::LineDown],
    );
    let (anchor, top, text) = (app.anchor, app.top, top_text(&app));
    for (w, h) in [(60, 20), (1, 1), (0, 0), (33, 7), (200, 60), (80, 24)] {
        update(&mut app, Action::Resize(w, h));
        assert_eq!(app.anchor, anchor, "at {w}x{h}");
        let _ = screen(&app);
    }
    update(&mut app, Action::Resize(140, 40));
    assert_eq!((app.top, top_text(&app)), (top, text));
}

#[test]
fn narrow_terminals_hide_panes_and_bring_them_back_as_overlays() {
    let (_, doc) = essay();
    let mut app = app(doc, 50, 20);
    assert!(app.layout.sections.is_none() && app.layout.sidebar.is_none());
    update(&mut app, Action::ToggleSections);
    assert_eq!((app.overlay.clone(), app.focus), (Overlay::Sections, Pane::Sections));
    send(&mut app, [Action::LineDown, Action::Open]);
    assert_eq!((app.overlay.clone(), app.current_section()), (Overlay::None, 1));
    update(&mut app, Action::ToggleSidebar);
    assert_eq!(app.focus, Pane::Sidebar);
    update(&mut app, Action::Open);
    assert!(app.marks.is_some());
    assert_eq!(app.focus, Pane::Reading);
    // Wide again: t hides and shows the docked list.
    update(&mut app, Action::Resize(140, 40));
    update(&mut app, Action::ToggleSections);
    assert!(app.layout.sections.is_none());
    update(&mut app, Action::ToggleSections);
    assert!(app.layout.sections.is_some());
}

#[test]
fn the_mouse_scrolls_the_pane_under_it_and_clicks_open() {
    let (_, doc) = essay();
    let mut app = app(doc, 140, 9);
    let side = app.layout.sidebar.expect("sidebar");
    update(&mut app, Action::Wheel { col: side.x + 2, row: 3, lines: 3 });
    assert_eq!((app.top, app.side.list.offset), (0, 3));
    let reading = app.layout.reading;
    update(&mut app, Action::Wheel { col: reading.x + 5, row: 3, lines: 3 });
    assert_eq!(app.top, 3);
    let list = app.layout.sections.expect("list");
    update(&mut app, Action::Click { col: list.x + 3, row: list.y + 1 + 4 });
    assert_eq!(app.current_section(), 4);
    assert_eq!(app.focus, Pane::Sections);
    update(&mut app, Action::ToggleMouse);
    assert_eq!(app.mouse, folio::tui::app::Mouse::Released);
}

#[test]
fn help_opens_and_closes_and_q_closes_it_first() {
    let (_, doc) = essay();
    let mut app = app(doc, 80, 24);
    update(&mut app, Action::Help);
    assert!(matches!(app.overlay, Overlay::Help(_)));
    assert_eq!(update(&mut app, Action::Quit), None);
    assert_eq!(app.overlay, Overlay::None);
    send(&mut app, [Action::Help, Action::Clear]);
    assert_eq!(app.overlay, Overlay::None);
    assert_eq!(update(&mut app, Action::Quit), Some(Effect::Quit));
}

#[test]
fn ctrl_c_quits_even_from_the_help() {
    let (_, doc) = essay();
    let mut app = app(doc, 80, 24);
    update(&mut app, Action::Help);
    assert_eq!(update(&mut app, Action::QuitNow), Some(Effect::Quit));
}

#[test]
fn a_saved_position_is_restored_by_input_offset() {
    let (_, doc) = essay();
    let mut app = app(doc.clone(), 140, 40);
    send(&mut app, [Action::NextSection, Action::NextSection, Action::NextSection]);
    let pos = folio::tui::position(&app);
    let mut other = tui_support::app(doc, 60, 20);
    update(&mut other, Action::Restore(pos));
    assert_eq!(other.anchor, app.anchor);
    assert_eq!(heading_at_top(&other), heading_at_top(&app));
}

#[test]
fn an_empty_document_and_no_entities_are_fine() {
    let mut app = tui_support::app(folio::Document::default(), 140, 40);
    for a in [
        Action::NextSection,
        Action::PrevSection,
        Action::PageDown,
        Action::Bottom,
        Action::NextMatch,
        Action::FocusNext,
        Action::Open,
        Action::Details,
    ] {
        update(&mut app, a);
    }
    search(&mut app, "x");
    assert!(screen(&app).contains("none found"));
}

/// A page whose last sections are short (a recipe's "Instructions", then comments): `]`
/// brings each heading to the top, and the list and the status line name that section,
/// not the last one whose start is in view; `[` then goes back one by one.
#[test]
fn the_current_section_is_the_one_at_the_top_even_near_the_end() {
    let (_, doc) = seed();
    let n = doc.sections.len();
    let mut app = app(doc, 140, 40);
    assert_eq!(app.current_section(), 0);
    let mut visited = Vec::new();
    for _ in 0..n + 2 {
        update(&mut app, Action::NextSection);
        let s = app.current_section();
        assert!(heading_at_top(&app).is_some());
        assert_eq!(app.toc.list.cursor, app.toc.row_of(s), "the list marks the section at the top");
        assert!(screen(&app).contains(&format!("§ {}/{n}", s + 1)));
        visited.push(s);
    }
    visited.dedup();
    assert_eq!(visited, (1..n).collect::<Vec<_>>(), "every section in turn, the last one too");
    update(&mut app, Action::PrevSection);
    assert_eq!(app.current_section(), n - 2, "[ goes back one");
}

#[test]
fn a_click_on_either_line_of_a_wrapped_name_selects_it() {
    let (_, doc) = essay();
    let mut app = app(doc, 140, 40);
    let side = folio::tui::layout::Layout::inner(app.layout.sidebar.expect("sidebar"));
    let name = |app: &folio::tui::App| app.selected_entity().map(|e| app.doc.entities[e].name.clone());
    update(&mut app, Action::Click { col: side.x + 4, row: side.y + 7 });
    assert_eq!(name(&app).as_deref(), Some("the archive of the lower town"));
    update(&mut app, Action::Click { col: side.x + 4, row: side.y + 9 });
    assert_eq!(name(&app).as_deref(), Some("the flood of 1910"));
}
