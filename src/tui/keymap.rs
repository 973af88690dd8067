//! The one table of keys: the event loop reads it to turn keys into actions, and the help
//! overlay is generated from it, so the two cannot disagree. No other file names a key.

use super::action::Action;
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

/// A key as the table spells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// A printable character, shifted or not.
    Char(char),
    /// Control plus a letter.
    Ctrl(char),
    /// Alt plus a character (Esc followed quickly by a key arrives this way).
    Alt(char),
    /// A named key.
    Code(KeyCode),
}

impl Key {
    /// How the help overlay writes the key.
    pub fn label(self) -> String {
        match self {
            Key::Char(' ') => "Space".to_string(),
            Key::Char(c) => c.to_string(),
            Key::Ctrl(c) => format!("Ctrl-{c}"),
            Key::Alt(c) => format!("Alt-{c}"),
            Key::Code(code) => match code {
                KeyCode::Down => "↓".to_string(),
                KeyCode::Up => "↑".to_string(),
                KeyCode::PageDown => "PgDn".to_string(),
                KeyCode::PageUp => "PgUp".to_string(),
                KeyCode::Home => "Home".to_string(),
                KeyCode::End => "End".to_string(),
                KeyCode::Tab => "Tab".to_string(),
                KeyCode::BackTab => "Shift-Tab".to_string(),
                KeyCode::Enter => "Enter".to_string(),
                KeyCode::Esc => "Esc".to_string(),
                KeyCode::F(n) => format!("F{n}"),
                other => format!("{other:?}"),
            },
        }
    }

    fn matches(self, ev: &KeyEvent) -> bool {
        let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
        let alt = ev.modifiers.contains(KeyModifiers::ALT);
        match (self, ev.code) {
            (Key::Char(c), KeyCode::Char(k)) => !ctrl && !alt && c == k,
            (Key::Ctrl(c), KeyCode::Char(k)) => ctrl && !alt && c.eq_ignore_ascii_case(&k),
            (Key::Alt(c), KeyCode::Char(k)) => alt && !ctrl && c == k,
            (Key::Code(c), k) => !ctrl && !alt && c == k,
            _ => false,
        }
    }
}

/// One row of the key map: the keys, what they do, and how the help overlay says it.
#[derive(Debug)]
pub struct Binding {
    /// Every key that does it.
    pub keys: &'static [Key],
    /// What it does.
    pub action: Action,
    /// The help overlay's words for it.
    pub help: &'static str,
}

use Key::{Alt, Char, Code, Ctrl};

/// Every key of the reader, in the order the help overlay lists them.
pub const KEYMAP: &[Binding] = &[
    Binding { keys: &[Char('j'), Code(KeyCode::Down)], action: Action::LineDown, help: "line down" },
    Binding { keys: &[Char('k'), Code(KeyCode::Up)], action: Action::LineUp, help: "line up" },
    Binding {
        keys: &[Char(' '), Char('f'), Code(KeyCode::PageDown), Ctrl('f')],
        action: Action::PageDown,
        help: "page down",
    },
    Binding { keys: &[Char('b'), Code(KeyCode::PageUp), Ctrl('b')], action: Action::PageUp, help: "page up" },
    Binding { keys: &[Char('d'), Ctrl('d')], action: Action::HalfDown, help: "half page down" },
    Binding { keys: &[Char('u'), Ctrl('u')], action: Action::HalfUp, help: "half page up" },
    Binding { keys: &[Char('g'), Code(KeyCode::Home)], action: Action::Top, help: "top" },
    Binding { keys: &[Char('G'), Code(KeyCode::End)], action: Action::Bottom, help: "bottom" },
    Binding { keys: &[Char(']')], action: Action::NextSection, help: "next section" },
    Binding { keys: &[Char('[')], action: Action::PrevSection, help: "previous section" },
    Binding { keys: &[Code(KeyCode::Tab)], action: Action::FocusNext, help: "focus next pane" },
    Binding { keys: &[Code(KeyCode::BackTab)], action: Action::FocusPrev, help: "focus previous pane" },
    Binding {
        keys: &[Code(KeyCode::Enter)],
        action: Action::Open,
        help: "open selected section, entity or mention",
    },
    Binding { keys: &[Char('i')], action: Action::Details, help: "entity details: aliases, every mention" },
    Binding { keys: &[Char('o')], action: Action::Links, help: "list the links; Enter opens one" },
    Binding { keys: &[Char('/')], action: Action::Search, help: "search" },
    Binding { keys: &[Char('n')], action: Action::NextMatch, help: "next match or mention" },
    Binding { keys: &[Char('N')], action: Action::PrevMatch, help: "previous match or mention" },
    Binding {
        keys: &[Code(KeyCode::Esc)],
        action: Action::Clear,
        help: "clear search or selection, close overlay",
    },
    Binding { keys: &[Char('z')], action: Action::Fold, help: "fold or unfold a book in the list" },
    Binding { keys: &[Char('Z')], action: Action::FoldAll, help: "fold or unfold every book" },
    Binding { keys: &[Char('t')], action: Action::ToggleSections, help: "toggle section list" },
    Binding { keys: &[Char('s')], action: Action::ToggleSidebar, help: "toggle sidebar" },
    Binding {
        keys: &[Char('m')],
        action: Action::ToggleMouse,
        help: "toggle mouse capture (text selection)",
    },
    Binding { keys: &[Char('?'), Code(KeyCode::F(1))], action: Action::Help, help: "this help" },
    Binding { keys: &[Ctrl('z')], action: Action::Suspend, help: "suspend (fg resumes)" },
    Binding {
        keys: &[Char('q'), Alt('q')],
        action: Action::Quit,
        help: "quit (closes help or details first)",
    },
    Binding { keys: &[Ctrl('c')], action: Action::QuitNow, help: "quit at once, from anywhere" },
];

/// What the mouse does, for the help overlay.
pub const MOUSE_HELP: &[(&str, &str)] =
    &[("wheel", "scroll the pane under the pointer"), ("click", "open a section, entity or mention")];

/// How keys are read: by the table, or as text for the search prompt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Keys are commands.
    Normal,
    /// Keys are typed into the search prompt.
    Prompt,
}

/// The action a terminal event asks for, if any.
pub fn translate(event: &Event, mode: Mode) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => match mode {
            Mode::Normal => lookup(key),
            Mode::Prompt => prompt_key(key),
        },
        Event::Mouse(mouse) => mouse_action(mouse),
        Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
        _ => None,
    }
}

/// The table's action for a key.
pub fn lookup(key: &KeyEvent) -> Option<Action> {
    let found = KEYMAP.iter().find(|b| b.keys.iter().any(|k| k.matches(key))).map(|b| b.action.clone());
    if found.is_none() && key.modifiers == KeyModifiers::ALT && matches!(key.code, KeyCode::Char(_)) {
        // Esc then a key, read together as Alt+key: the key is what was meant.
        return lookup(&KeyEvent::new(key.code, KeyModifiers::NONE));
    }
    found
}

fn prompt_key(key: &KeyEvent) -> Option<Action> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    match key.code {
        KeyCode::Char('c') if ctrl => Some(Action::QuitNow),
        KeyCode::Char('u') if ctrl => Some(Action::Clear),
        // Esc followed quickly by a key arrives as Alt+key: take it as Esc.
        KeyCode::Char(_) if key.modifiers.contains(KeyModifiers::ALT) => Some(Action::Clear),
        KeyCode::Char(c) if !ctrl => Some(Action::Input(c)),
        KeyCode::Backspace => Some(Action::Erase),
        KeyCode::Enter => Some(Action::Submit),
        KeyCode::Esc => Some(Action::Clear),
        _ => None,
    }
}

fn mouse_action(m: &MouseEvent) -> Option<Action> {
    let (col, row) = (m.column, m.row);
    match m.kind {
        MouseEventKind::ScrollDown => Some(Action::Wheel { col, row, lines: 3 }),
        MouseEventKind::ScrollUp => Some(Action::Wheel { col, row, lines: -3 }),
        MouseEventKind::Down(MouseButton::Left) => Some(Action::Click { col, row }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn the_design_key_map_is_bound() {
        let cases = [
            (key(KeyCode::Char('j'), KeyModifiers::NONE), Action::LineDown),
            (key(KeyCode::Char('G'), KeyModifiers::SHIFT), Action::Bottom),
            (key(KeyCode::Char('f'), KeyModifiers::CONTROL), Action::PageDown),
            (key(KeyCode::Char(' '), KeyModifiers::NONE), Action::PageDown),
            (key(KeyCode::Char(']'), KeyModifiers::NONE), Action::NextSection),
            (key(KeyCode::BackTab, KeyModifiers::SHIFT), Action::FocusPrev),
            (key(KeyCode::F(1), KeyModifiers::NONE), Action::Help),
            (key(KeyCode::Char('c'), KeyModifiers::CONTROL), Action::QuitNow),
            (key(KeyCode::Char('q'), KeyModifiers::ALT), Action::Quit),
            (key(KeyCode::Char('j'), KeyModifiers::ALT), Action::LineDown),
            (key(KeyCode::Char('z'), KeyModifiers::CONTROL), Action::Suspend),
        ];
        for (k, want) in cases {
            assert_eq!(lookup(&k), Some(want), "{k:?}");
        }
        assert_eq!(lookup(&key(KeyCode::Char('x'), KeyModifiers::NONE)), None);
    }

    #[test]
    fn no_key_is_bound_twice() {
        let all: Vec<Key> = KEYMAP.iter().flat_map(|b| b.keys.iter().copied()).collect();
        for (i, k) in all.iter().enumerate() {
            assert!(!all[i + 1..].contains(k), "{k:?} bound twice");
        }
    }

    #[test]
    fn the_prompt_takes_letters_as_text() {
        let q = Event::Key(key(KeyCode::Char('q'), KeyModifiers::NONE));
        assert_eq!(translate(&q, Mode::Prompt), Some(Action::Input('q')));
        assert_eq!(translate(&q, Mode::Normal), Some(Action::Quit));
    }
}
