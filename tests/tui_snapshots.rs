//! Whole screens drawn with ratatui's TestBackend, at the sizes people use and tiny ones.
//!
//! The seed's screens follow the structure recovery: when it improves, review the new
//! snapshots (`cargo insta review`) rather than trusting the old ones.

mod tui_support;

use folio::tui::Action;
use insta::assert_snapshot;
use tui_support::*;

const SIZES: [(u16, u16); 4] = [(140, 40), (80, 24), (50, 20), (20, 5)];

#[test]
fn seed_at_every_size() {
    for (w, h) in SIZES {
        let (_, doc) = seed();
        let mut app = app(doc, w, h);
        app.name = folio::SEED_NAME.to_string();
        assert_snapshot!(format!("seed_{w}x{h}"), screen(&app));
    }
}

#[test]
fn essay_at_every_size() {
    for (w, h) in SIZES {
        let (_, doc) = essay();
        let app = app(doc, w, h);
        assert_snapshot!(format!("essay_{w}x{h}"), screen(&app));
    }
}

#[test]
fn essay_after_two_next_sections() {
    let (_, doc) = essay();
    let mut app = app(doc, 80, 24);
    send(&mut app, [Action::NextSection, Action::NextSection]);
    assert_snapshot!(screen(&app));
}

#[test]
fn essay_with_an_entity_selected() {
    let (_, doc) = essay();
    let mut app = app(doc, 140, 40);
    send(&mut app, [Action::FocusNext, Action::LineDown, Action::LineDown, Action::Open, Action::NextMatch]);
    assert_snapshot!(screen(&app));
}

#[test]
fn essay_search_prompt_and_result() {
    let (_, doc) = essay();
    let mut app = app(doc, 80, 24);
    send(&mut app, [Action::Search, Action::Input('f'), Action::Input('l')]);
    assert_snapshot!("essay_prompt", screen(&app));
    send(&mut app, [Action::Input('o'), Action::Input('o'), Action::Input('d'), Action::Submit]);
    assert_snapshot!("essay_search", screen(&app));
}

#[test]
fn essay_help_overlay() {
    let (_, doc) = essay();
    let mut app = app(doc, 80, 50);
    send(&mut app, [Action::Help]);
    let shown = screen(&app);
    for b in app.keymap.bindings().iter().filter(|b| !b.keys.is_empty()) {
        assert!(shown.contains(b.help), "help lists {}", b.help);
    }
    assert_snapshot!(shown);
}

#[test]
fn essay_entity_details() {
    let (_, doc) = essay();
    let mut app = app(doc, 140, 40);
    send(&mut app, [Action::FocusNext, Action::Details, Action::LineDown]);
    assert_snapshot!(screen(&app));
}

#[test]
fn essay_overlays_on_a_narrow_terminal() {
    let (_, doc) = essay();
    let mut app = app(doc, 50, 20);
    send(&mut app, [Action::ToggleSidebar]);
    assert_snapshot!("essay_sidebar_overlay", screen(&app));
    send(&mut app, [Action::Clear, Action::ToggleSections]);
    assert_snapshot!("essay_sections_overlay", screen(&app));
}

#[test]
fn no_size_panics_whatever_is_open() {
    let opened: [&[Action]; 8] = [
        &[Action::Resize(50, 20), Action::ToggleSidebar],
        &[Action::Resize(50, 20), Action::ToggleSections],
        &[],
        &[Action::Help],
        &[Action::ToggleSections],
        &[Action::ToggleSidebar],
        &[Action::FocusNext, Action::Details],
        &[Action::Search, Action::Input('x')],
    ];
    for actions in opened {
        let (_, doc) = essay();
        let mut app = app(doc, 120, 30);
        send(&mut app, actions.iter().cloned());
        for w in (0..40).chain([99, 100, 101, 140]) {
            for h in 0..12 {
                send(&mut app, [Action::Resize(w, h), Action::LineDown, Action::NextSection]);
                let shown = screen(&app);
                if (18..20).contains(&w) && h >= 1 {
                    assert!(shown.contains("terminal too small"), "{w}x{h}");
                }
            }
        }
    }
}
