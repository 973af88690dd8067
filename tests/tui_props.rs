//! Any sequence of actions, at any size, leaves the reader drawable and its state in bounds.

mod tui_support;

use folio::tui::Action;
use proptest::prelude::*;
use tui_support::*;

const ESC: char = '\x1b';

fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        Just(Action::LineDown),
        Just(Action::LineUp),
        Just(Action::PageDown),
        Just(Action::PageUp),
        Just(Action::HalfDown),
        Just(Action::Top),
        Just(Action::Bottom),
        Just(Action::NextSection),
        Just(Action::PrevSection),
        Just(Action::FocusNext),
        Just(Action::FocusPrev),
        Just(Action::Open),
        Just(Action::Details),
        Just(Action::Search),
        Just(Action::NextMatch),
        Just(Action::PrevMatch),
        Just(Action::Clear),
        Just(Action::ToggleSections),
        Just(Action::ToggleSidebar),
        Just(Action::Help),
        Just(Action::Submit),
        Just(Action::Erase),
        prop::sample::select(vec!['a', 'e', 'V', ' ', '日', '\u{1b}']).prop_map(Action::Input),
        (0u16..160, 0u16..50).prop_map(|(w, h)| Action::Resize(w, h)),
        (0u16..160, 0u16..50, -5i16..5).prop_map(|(col, row, lines)| Action::Wheel { col, row, lines }),
        (0u16..160, 0u16..50).prop_map(|(col, row)| Action::Click { col, row }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_actions_keep_the_reader_sound(actions in prop::collection::vec(action(), 1..60)) {
        let (_, doc) = essay();
        let mut app = app(doc, 100, 30);
        for a in actions {
            folio::tui::update(&mut app, a);
            prop_assert!(app.top <= app.max_top());
            prop_assert!(app.toc.list.cursor < app.doc.sections.len().max(1));
            prop_assert!(app.side.list.cursor < app.side.rows.len().max(1));
            if let Some(m) = &app.marks {
                prop_assert!(m.current < m.hits.len());
            }
            let shown = screen(&app);
            prop_assert!(!shown.contains(ESC), "no escape character is drawn");
        }
    }
}
