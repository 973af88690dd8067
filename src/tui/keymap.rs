//! The one table of keys: the event loop reads it to turn keys into actions, and the help
//! overlay is generated from it, so the two cannot disagree. No other file names a key.
//!
//! Three presets share the table: `default`, `less` and `vim` (in both of the latter `?`
//! searches backward; help moves to `h` in less's and stays on F1 in both). A config file
//! may then give any action its own keys by the action's name (see [`Keymap::set`]).

use super::action::Action;
use super::app::Pane;
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

/// Named keys as config files and the help write them.
const NAMES: &[(&str, KeyCode)] = &[
    ("Down", KeyCode::Down),
    ("Up", KeyCode::Up),
    ("Left", KeyCode::Left),
    ("Right", KeyCode::Right),
    ("PgDn", KeyCode::PageDown),
    ("PgUp", KeyCode::PageUp),
    ("Home", KeyCode::Home),
    ("End", KeyCode::End),
    ("Tab", KeyCode::Tab),
    ("Shift-Tab", KeyCode::BackTab),
    ("Enter", KeyCode::Enter),
    ("Esc", KeyCode::Esc),
    ("Backspace", KeyCode::Backspace),
    ("Delete", KeyCode::Delete),
    ("Insert", KeyCode::Insert),
];

impl Key {
    /// How the help overlay writes the key.
    pub fn label(self) -> String {
        match self {
            Key::Char(' ') => "Space".to_string(),
            Key::Char(c) => c.to_string(),
            Key::Ctrl(c) => format!("Ctrl-{c}"),
            Key::Alt(c) => format!("Alt-{c}"),
            Key::Code(KeyCode::Down) => "↓".to_string(),
            Key::Code(KeyCode::Up) => "↑".to_string(),
            Key::Code(KeyCode::F(n)) => format!("F{n}"),
            Key::Code(code) => {
                NAMES.iter().find(|(_, c)| *c == code).map_or(format!("{code:?}"), |(n, _)| n.to_string())
            }
        }
    }

    /// Reads a key as a config file writes it: `q`, `Space`, `Ctrl-f`, `Alt-q`, `F1`,
    /// `PgDn`, `Enter`, `Shift-Tab`... (names are matched without regard to case).
    pub fn parse(s: &str) -> Result<Key, String> {
        let bad = || format!("“{s}” is not a key (try q, Space, Ctrl-f, Alt-q, F1, PgDn, Enter)");
        let mut chars = s.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            return if c.is_control() { Err(bad()) } else { Ok(Key::Char(c)) };
        }
        if s.eq_ignore_ascii_case("space") {
            return Ok(Key::Char(' '));
        }
        if let Some(&(_, code)) = NAMES.iter().find(|(n, _)| n.eq_ignore_ascii_case(s)) {
            return Ok(Key::Code(code));
        }
        let lower = s.to_ascii_lowercase();
        if let Some(n) =
            lower.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()).filter(|n| (1..=12).contains(n))
        {
            return Ok(Key::Code(KeyCode::F(n)));
        }
        let one = |rest: &str| {
            let mut c = rest.chars();
            match (c.next(), c.next()) {
                (Some(ch), None) if !ch.is_control() => Some(ch),
                _ => None,
            }
        };
        for (prefix, ctrl) in [("ctrl-", true), ("c-", true), ("alt-", false), ("m-", false)] {
            if lower.starts_with(prefix)
                && let Some(c) = one(&s[prefix.len()..])
            {
                return Ok(if ctrl { Key::Ctrl(c.to_ascii_lowercase()) } else { Key::Alt(c) });
            }
        }
        Err(bad())
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

    /// The key an event is, as the table would spell it.
    fn of(ev: &KeyEvent) -> Option<Key> {
        let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
        let alt = ev.modifiers.contains(KeyModifiers::ALT);
        match ev.code {
            KeyCode::Char(c) if ctrl => Some(Key::Ctrl(c)),
            KeyCode::Char(c) if alt => Some(Key::Alt(c)),
            KeyCode::Char(c) => Some(Key::Char(c)),
            KeyCode::Modifier(_) | KeyCode::Null => None,
            code => Some(Key::Code(code)),
        }
    }
}

/// Where a binding holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Everywhere.
    All,
    /// While the sidebar has the keyboard (before the table's other rows).
    Sidebar,
}

/// One row of the key map: the keys, what they do, and how the help overlay says it.
#[derive(Debug, Clone, PartialEq)]
pub struct Binding {
    /// The action's name in a config file's `[keys]` table.
    pub name: &'static str,
    /// Every key that does it.
    pub keys: Vec<Key>,
    /// What it does.
    pub action: Action,
    /// The help overlay's words for it.
    pub help: &'static str,
    /// Where it holds.
    pub scope: Scope,
}

use Key::{Alt, Char, Code, Ctrl};

/// The default table: name, keys, action, help, scope; in the order the help lists them.
fn defaults() -> Vec<Binding> {
    let b = |name, keys: &[Key], action, help| Binding {
        name,
        keys: keys.to_vec(),
        action,
        help,
        scope: Scope::All,
    };
    let side = |name, keys: &[Key], action, help| Binding {
        name,
        keys: keys.to_vec(),
        action,
        help,
        scope: Scope::Sidebar,
    };
    vec![
        b(
            "line_down",
            &[Char('j'), Code(KeyCode::Down), Char('e'), Ctrl('e'), Ctrl('n')],
            Action::LineDown,
            "line down",
        ),
        b(
            "line_up",
            &[Char('k'), Code(KeyCode::Up), Char('y'), Ctrl('y'), Ctrl('p')],
            Action::LineUp,
            "line up",
        ),
        b(
            "page_down",
            &[Char(' '), Char('f'), Code(KeyCode::PageDown), Ctrl('f')],
            Action::PageDown,
            "page down",
        ),
        b("page_up", &[Char('b'), Code(KeyCode::PageUp), Ctrl('b')], Action::PageUp, "page up"),
        b("half_down", &[Char('d'), Ctrl('d')], Action::HalfDown, "half page down"),
        b("half_up", &[Char('u'), Ctrl('u')], Action::HalfUp, "half page up"),
        b("top", &[Char('g'), Code(KeyCode::Home)], Action::Top, "top (5g: line 5; gg too)"),
        b("bottom", &[Char('G'), Code(KeyCode::End)], Action::Bottom, "bottom (5G: line 5)"),
        b("percent", &[Char('%')], Action::Percent, "go to a percent of the text: 50%"),
        b("next_section", &[Char(']')], Action::NextSection, "next section"),
        b("prev_section", &[Char('[')], Action::PrevSection, "previous section"),
        b("set_mark", &[Char('m')], Action::MarkSet, "set a mark: m then a letter"),
        b(
            "jump_mark",
            &[Char('\''), Char('`')],
            Action::MarkJump,
            "jump to a mark: ' then a letter; '' back",
        ),
        b("jump_back", &[Ctrl('o')], Action::JumpBack, "back to before the last jump"),
        b("focus_next", &[Code(KeyCode::Tab)], Action::FocusNext, "focus next pane"),
        b("focus_prev", &[Code(KeyCode::BackTab)], Action::FocusPrev, "focus previous pane"),
        b("open", &[Code(KeyCode::Enter)], Action::Open, "open selected section, entity or mention"),
        b("details", &[Char('i')], Action::Details, "entity details: aliases, every mention"),
        b("links", &[Char('o')], Action::Links, "list the links; Enter opens one inside folio"),
        b("browse", &[Char('O')], Action::Browse, "in the link list: open the link in the browser"),
        b("back", &[Code(KeyCode::Backspace), Char('H')], Action::Back, "back to the page before"),
        b("forward", &[Char('L')], Action::Forward, "forward to the page after"),
        b("search", &[Char('/')], Action::Search, "search (a regex; Up recalls)"),
        b("search_back", &[], Action::SearchBack, "search backward"),
        b("next_match", &[Char('n')], Action::NextMatch, "next match or mention"),
        b("prev_match", &[Char('N')], Action::PrevMatch, "previous match or mention"),
        b("clear", &[Code(KeyCode::Esc)], Action::Clear, "clear search or selection, close overlay"),
        side("filter", &[Char('f')], Action::Filter, "in the sidebar: filter the names"),
        side(
            "section_only",
            &[Char('c')],
            Action::SectionOnly,
            "in the sidebar: this section's only, or all",
        ),
        b("fold", &[Char('z')], Action::Fold, "fold or unfold a book in the list"),
        b("fold_all", &[Char('Z')], Action::FoldAll, "fold or unfold every book"),
        b("toggle_sections", &[Char('t')], Action::ToggleSections, "toggle section list"),
        b("toggle_sidebar", &[Char('s')], Action::ToggleSidebar, "toggle sidebar"),
        b("narrower", &[Char('-')], Action::Narrower, "narrower text"),
        b("wider", &[Char('+')], Action::Wider, "wider text"),
        b("default_width", &[Char('=')], Action::DefaultWidth, "default text width"),
        b("mouse", &[Char('M')], Action::ToggleMouse, "toggle mouse capture (text selection)"),
        b("edit", &[Char('v')], Action::Edit, "open the file in $VISUAL or $EDITOR"),
        b("redraw", &[Ctrl('l')], Action::Redraw, "redraw the screen"),
        b("help", &[Char('?'), Code(KeyCode::F(1))], Action::Help, "this help"),
        b("suspend", &[Ctrl('z')], Action::Suspend, "suspend (fg resumes)"),
        b("quit", &[Char('q'), Alt('q')], Action::Quit, "quit (closes help or details first)"),
        b("quit_now", &[Ctrl('c')], Action::QuitNow, "quit at once, from anywhere"),
    ]
}

/// What the mouse and counts do, for the help overlay.
pub const MORE_HELP: &[(&str, &str)] = &[
    ("1-9", "a count before a key: 5j, 3], 2n, 50%"),
    ("mouse wheel", "scroll the pane under the pointer"),
    ("mouse click", "open a section, entity or mention"),
];

/// A starting set of keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Preset {
    /// The design's keys.
    #[default]
    Default,
    /// As in less: `?` searches backward, `h` is help.
    Less,
    /// As in vim: `?` searches backward, help on F1.
    Vim,
}

impl Preset {
    /// The preset of a config file's `keymap = "…"`.
    pub fn parse(s: &str) -> Option<Preset> {
        match s {
            "default" => Some(Preset::Default),
            "less" => Some(Preset::Less),
            "vim" => Some(Preset::Vim),
            _ => None,
        }
    }
}

/// The keys in use: a preset, then a config file's changes.
#[derive(Debug, Clone, PartialEq)]
pub struct Keymap {
    bindings: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Keymap {
        Keymap::preset(Preset::Default)
    }
}

impl Keymap {
    /// The keys of a preset.
    pub fn preset(preset: Preset) -> Keymap {
        let mut map = Keymap { bindings: defaults() };
        let set = |map: &mut Keymap, name: &str, keys: &[Key]| {
            let _ = map.set(name, keys);
        };
        match preset {
            Preset::Default => {}
            Preset::Less => {
                set(&mut map, "search_back", &[Char('?')]);
                set(&mut map, "help", &[Char('h'), Code(KeyCode::F(1))]);
                set(&mut map, "percent", &[Char('%'), Char('p')]);
            }
            Preset::Vim => {
                set(&mut map, "search_back", &[Char('?')]);
                set(&mut map, "help", &[Code(KeyCode::F(1))]);
            }
        }
        map
    }

    /// Gives the action called `name` exactly these keys, taking them from any other
    /// action of the same scope; `Err` names an unknown action.
    pub fn set(&mut self, name: &str, keys: &[Key]) -> Result<(), String> {
        let Some(i) = self.bindings.iter().position(|b| b.name == name) else {
            return Err(format!("“{name}” is not an action (the help lists them; e.g. quit, line_down)"));
        };
        let scope = self.bindings[i].scope;
        for b in self.bindings.iter_mut().filter(|b| b.scope == scope) {
            b.keys.retain(|k| !keys.contains(k));
        }
        self.bindings[i].keys = keys.to_vec();
        Ok(())
    }

    /// Every binding, in the help's order.
    pub fn bindings(&self) -> &[Binding] {
        &self.bindings
    }

    /// The keys of the action called `name`, as the help writes them ("" when unbound).
    pub fn keys_of(&self, name: &str) -> String {
        let b = self.bindings.iter().find(|b| b.name == name);
        b.map_or(String::new(), |b| b.keys.first().map_or(String::new(), |k| k.label()))
    }

    /// The table's action for a key, in `pane`.
    pub fn lookup(&self, key: &KeyEvent, pane: Pane) -> Option<Action> {
        let scoped = |scope: Scope| {
            self.bindings
                .iter()
                .filter(|b| b.scope == scope)
                .find(|b| b.keys.iter().any(|k| k.matches(key)))
                .map(|b| b.action.clone())
        };
        let found = if pane == Pane::Sidebar { scoped(Scope::Sidebar) } else { None };
        let found = found.or_else(|| scoped(Scope::All));
        if found.is_none() && key.modifiers == KeyModifiers::ALT && matches!(key.code, KeyCode::Char(_)) {
            // Esc then a key, read together as Alt+key: the key is what was meant.
            return self.lookup(&KeyEvent::new(key.code, KeyModifiers::NONE), pane);
        }
        found
    }
}

/// How keys are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Keys are commands, in the focused pane.
    Normal(Pane),
    /// Keys are typed into a prompt.
    Prompt,
    /// The key names a mark to set.
    SetMark,
    /// The key names a mark to jump to.
    JumpMark,
}

/// The action a terminal event asks for, if any. A key that means nothing in normal mode
/// becomes [`Action::Unknown`], so the reader can say so.
pub fn translate(keymap: &Keymap, event: &Event, mode: Mode) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => match mode {
            Mode::Normal(pane) => normal_key(keymap, key, pane),
            Mode::Prompt => prompt_key(key),
            Mode::SetMark | Mode::JumpMark => Some(mark_key(key, mode)),
        },
        Event::Mouse(mouse) => mouse_action(mouse),
        Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
        _ => None,
    }
}

fn normal_key(keymap: &Keymap, key: &KeyEvent, pane: Pane) -> Option<Action> {
    if let Some(action) = keymap.lookup(key, pane) {
        return Some(action);
    }
    match (key.code, key.modifiers - KeyModifiers::SHIFT) {
        (KeyCode::Char(c @ '0'..='9'), KeyModifiers::NONE) => Some(Action::Digit(c as u8 - b'0')),
        _ => Key::of(key).map(|k| Action::Unknown(k.label())),
    }
}

fn mark_key(key: &KeyEvent, mode: Mode) -> Action {
    let plain = !key.modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
    match (key.code, mode) {
        (KeyCode::Char('\'' | '`'), Mode::JumpMark) if plain => Action::JumpBack,
        (KeyCode::Char(c), Mode::SetMark) if plain => Action::SetMark(c),
        (KeyCode::Char(c), _) if plain => Action::JumpMark(c),
        // Esc, or any other key: no mark after all.
        _ => Action::Clear,
    }
}

fn prompt_key(key: &KeyEvent) -> Option<Action> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    match key.code {
        KeyCode::Char('c') if ctrl => Some(Action::QuitNow),
        KeyCode::Char('u') if ctrl => Some(Action::Clear),
        KeyCode::Char('p') if ctrl => Some(Action::HistoryPrev),
        KeyCode::Char('n') if ctrl => Some(Action::HistoryNext),
        // Esc followed quickly by a key arrives as Alt+key: take it as Esc.
        KeyCode::Char(_) if key.modifiers.contains(KeyModifiers::ALT) => Some(Action::Clear),
        KeyCode::Char(c) if !ctrl => Some(Action::Input(c)),
        KeyCode::Backspace => Some(Action::Erase),
        KeyCode::Enter => Some(Action::Submit),
        KeyCode::Esc => Some(Action::Clear),
        KeyCode::Up => Some(Action::HistoryPrev),
        KeyCode::Down => Some(Action::HistoryNext),
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

    fn normal(k: KeyEvent) -> Option<Action> {
        translate(&Keymap::default(), &Event::Key(k), Mode::Normal(Pane::Reading))
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
            (key(KeyCode::Char('m'), KeyModifiers::NONE), Action::MarkSet),
            (key(KeyCode::Char('o'), KeyModifiers::CONTROL), Action::JumpBack),
            (key(KeyCode::Char('5'), KeyModifiers::NONE), Action::Digit(5)),
            (key(KeyCode::Char('%'), KeyModifiers::SHIFT), Action::Percent),
            (key(KeyCode::Char('x'), KeyModifiers::NONE), Action::Unknown("x".into())),
        ];
        for (k, want) in cases {
            assert_eq!(normal(k), Some(want), "{k:?}");
        }
    }

    #[test]
    fn no_key_is_bound_twice_in_a_scope_in_any_preset() {
        for preset in [Preset::Default, Preset::Less, Preset::Vim] {
            let map = Keymap::preset(preset);
            for scope in [Scope::All, Scope::Sidebar] {
                let all: Vec<Key> =
                    map.bindings().iter().filter(|b| b.scope == scope).flat_map(|b| b.keys.clone()).collect();
                for (i, k) in all.iter().enumerate() {
                    assert!(!all[i + 1..].contains(k), "{preset:?}: {k:?} bound twice");
                }
            }
        }
    }

    #[test]
    fn presets_move_search_back_and_help() {
        let q = key(KeyCode::Char('?'), KeyModifiers::NONE);
        let h = key(KeyCode::Char('h'), KeyModifiers::NONE);
        let f1 = key(KeyCode::F(1), KeyModifiers::NONE);
        let less = Keymap::preset(Preset::Less);
        assert_eq!(less.lookup(&q, Pane::Reading), Some(Action::SearchBack));
        assert_eq!(less.lookup(&h, Pane::Reading), Some(Action::Help));
        let vim = Keymap::preset(Preset::Vim);
        assert_eq!(vim.lookup(&q, Pane::Reading), Some(Action::SearchBack));
        assert_eq!(vim.lookup(&f1, Pane::Reading), Some(Action::Help));
        assert_eq!(vim.lookup(&h, Pane::Reading), None);
    }

    #[test]
    fn a_key_given_to_another_action_leaves_the_first() {
        let mut map = Keymap::default();
        map.set("quit", &[Char('q'), Char('x')]).expect("quit is an action");
        map.set("help", &[Char('q')]).expect("help is an action");
        let q = key(KeyCode::Char('q'), KeyModifiers::NONE);
        let x = key(KeyCode::Char('x'), KeyModifiers::NONE);
        assert_eq!(map.lookup(&q, Pane::Reading), Some(Action::Help));
        assert_eq!(map.lookup(&x, Pane::Reading), Some(Action::Quit));
        assert!(map.set("frobnicate", &[]).is_err_and(|e| e.contains("frobnicate")));
    }

    #[test]
    fn keys_are_read_as_config_files_write_them() {
        for (s, k) in [
            ("q", Char('q')),
            ("Space", Char(' ')),
            ("Ctrl-f", Ctrl('f')),
            ("C-F", Ctrl('f')),
            ("Alt-q", Alt('q')),
            ("F1", Code(KeyCode::F(1))),
            ("pgdn", Code(KeyCode::PageDown)),
            ("Shift-Tab", Code(KeyCode::BackTab)),
        ] {
            assert_eq!(Key::parse(s), Ok(k), "{s}");
            assert_eq!(Key::parse(&k.label()).map(|p| p.label()), Ok(k.label()), "{s}");
        }
        for bad in ["", "Ctrl-", "Hyper-x", "F13", "\u{7}"] {
            assert!(Key::parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn the_sidebar_has_keys_of_its_own() {
        let f = key(KeyCode::Char('f'), KeyModifiers::NONE);
        let map = Keymap::default();
        assert_eq!(map.lookup(&f, Pane::Sidebar), Some(Action::Filter));
        assert_eq!(map.lookup(&f, Pane::Reading), Some(Action::PageDown));
    }

    #[test]
    fn the_prompt_takes_letters_as_text_and_marks_take_a_letter() {
        let map = Keymap::default();
        let q = Event::Key(key(KeyCode::Char('q'), KeyModifiers::NONE));
        assert_eq!(translate(&map, &q, Mode::Prompt), Some(Action::Input('q')));
        assert_eq!(translate(&map, &q, Mode::Normal(Pane::Reading)), Some(Action::Quit));
        assert_eq!(translate(&map, &q, Mode::SetMark), Some(Action::SetMark('q')));
        let tick = Event::Key(key(KeyCode::Char('\''), KeyModifiers::NONE));
        assert_eq!(translate(&map, &tick, Mode::JumpMark), Some(Action::JumpBack));
        let up = Event::Key(key(KeyCode::Up, KeyModifiers::NONE));
        assert_eq!(translate(&map, &up, Mode::Prompt), Some(Action::HistoryPrev));
    }
}
