//! The config file, `$XDG_CONFIG_HOME/folio/config.toml` (or `--config FILE`):
//!
//! ```toml
//! keymap = "vim"                  # "default", "less" or "vim"
//! theme = "light"                 # "dark", "light" or "terminal"
//! width = 80                      # the widest text column, in cells
//! mouse = false                   # start with the terminal handling the mouse
//! panes = ["reading", "sidebar"]  # which panes show at start
//!
//! [keys]                          # per-action keys, by the action's name
//! quit = ["q", "x"]
//! ```
//!
//! The file is read with toml's spanned tables, so every problem is reported with its line:
//! a file that cannot be used gives warnings and the defaults stand for what was wrong.

use super::app::Settings;
use super::keymap::{Key, Keymap, Preset};
use super::layout::Shown;
use super::theme::{Palette, Theme};
use std::path::{Path, PathBuf};
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// The narrowest and widest text column a config file may ask for.
pub const WIDTHS: std::ops::RangeInclusive<i64> = 20..=400;

/// The config file's usual place: `$XDG_CONFIG_HOME/folio/config.toml`.
pub fn default_path() -> Option<PathBuf> {
    let dirs = directories::ProjectDirs::from("", "", "folio")?;
    Some(dirs.config_dir().join("config.toml"))
}

/// Reads the settings at `path` over `base`, with a warning for each problem. A missing
/// file at the usual place is no problem; a missing file named with `--config` is.
pub fn load(path: &Path, named: bool, base: Settings) -> (Settings, Vec<String>) {
    let shown = crate::ingest::sanitize::scrub(&path.display().to_string());
    match std::fs::read(path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => {
                let (settings, warnings) = parse(&text, base);
                (settings, warnings.into_iter().map(|w| format!("{shown}: {w}")).collect())
            }
            Err(_) => (base, vec![format!("{shown}: not UTF-8 text; the defaults are used")]),
        },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !named => (base, Vec::new()),
        Err(e) => (base, vec![format!("{shown}: cannot be read ({}); the defaults are used", e.kind())]),
    }
}

/// The 1-based line of a byte offset.
fn line(text: &str, at: usize) -> usize {
    text.as_bytes().iter().take(at).filter(|&&b| b == b'\n').count() + 1
}

/// Reads the settings in `text` over `base`, with a warning ("line 3: …") for each problem.
pub fn parse(text: &str, base: Settings) -> (Settings, Vec<String>) {
    let mut warnings = Vec::new();
    let table = match DeTable::parse(text) {
        Ok(t) => t.into_inner(),
        Err(e) => {
            let at = e.span().map_or(String::new(), |s| format!("line {}: ", line(text, s.start)));
            let why = e.message().lines().next().unwrap_or("not TOML").trim().to_string();
            return (base, vec![format!("{at}{why}; the defaults are used")]);
        }
    };
    let mut s = base;
    let mut warn = |at: &std::ops::Range<usize>, what: String| {
        warnings.push(format!("line {}: {what}", line(text, at.start)));
    };
    // The keymap first, so that [keys] changes it whatever the order in the file.
    if let Some(v) = table.iter().find(|(k, _)| k.get_ref() == "keymap").map(|(_, v)| v) {
        match v.get_ref().as_str().and_then(Preset::parse) {
            Some(p) => s.keymap = Keymap::preset(p),
            None => warn(&v.span(), "keymap must be \"default\", \"less\" or \"vim\"".into()),
        }
    }
    for (key, value) in &table {
        let span = key.span();
        let v = value.get_ref();
        match key.get_ref().as_ref() {
            "keymap" => {}
            "theme" => match v.as_str().and_then(Palette::parse) {
                Some(palette) => s.theme = Theme { palette, ..s.theme },
                None => warn(&value.span(), "theme must be \"dark\", \"light\" or \"terminal\"".into()),
            },
            "width" => match v.as_integer().and_then(|i| i64::from_str_radix(i.as_str(), i.radix()).ok()) {
                Some(w) if WIDTHS.contains(&w) => s.width = w as u16,
                _ => warn(
                    &value.span(),
                    format!("width must be a number of cells from {} to {}", WIDTHS.start(), WIDTHS.end()),
                ),
            },
            "mouse" => match v.as_bool() {
                Some(m) => s.mouse = m,
                None => warn(&value.span(), "mouse must be true or false".into()),
            },
            "panes" => match panes(value) {
                Ok((sections, sidebar)) => (s.sections, s.sidebar) = (sections, sidebar),
                Err((at, why)) => warn(&at, why),
            },
            "keys" => match v.as_table() {
                Some(keys) => {
                    for (name, list) in keys {
                        if let Err((at, why)) = bind(&mut s.keymap, name, list) {
                            warn(&at, why);
                        }
                    }
                }
                None => warn(&value.span(), "keys must be a table: [keys] then quit = [\"q\", \"x\"]".into()),
            },
            other => {
                warn(&span, format!("“{other}” is not a setting (keymap, theme, width, mouse, panes, keys)"))
            }
        }
    }
    (s, warnings)
}

type Problem = (std::ops::Range<usize>, String);

fn strings<'a>(value: &'a Spanned<DeValue>) -> Result<Vec<(&'a str, std::ops::Range<usize>)>, Problem> {
    match value.get_ref() {
        DeValue::String(one) => Ok(vec![(one.as_ref(), value.span())]),
        DeValue::Array(list) => list
            .iter()
            .map(|v| {
                v.get_ref().as_str().map(|s| (s, v.span())).ok_or((v.span(), "expected a string".to_string()))
            })
            .collect(),
        _ => Err((value.span(), "expected a string or a list of strings".to_string())),
    }
}

fn panes(value: &Spanned<DeValue>) -> Result<(Shown, Shown), Problem> {
    let (mut sections, mut sidebar) = (Shown::Hidden, Shown::Hidden);
    for (name, at) in strings(value)? {
        match name {
            "sections" => sections = Shown::Docked,
            "sidebar" => sidebar = Shown::Docked,
            "reading" => {}
            other => return Err((at, format!("“{other}” is not a pane (sections, reading, sidebar)"))),
        }
    }
    Ok((sections, sidebar))
}

fn bind(
    keymap: &mut Keymap,
    name: &Spanned<std::borrow::Cow<str>>,
    list: &Spanned<DeValue>,
) -> Result<(), Problem> {
    let keys = strings(list)?
        .into_iter()
        .map(|(k, at)| Key::parse(k).map_err(|why| (at, why)))
        .collect::<Result<Vec<Key>, Problem>>()?;
    keymap.set(name.get_ref(), &keys).map_err(|why| (name.span(), why))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::action::Action;
    use crate::tui::app::Pane;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    fn base() -> Settings {
        Settings::new(Theme::new(true))
    }

    fn press(map: &Keymap, c: char) -> Option<Action> {
        map.lookup(&KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE), Pane::Reading)
    }

    #[test]
    fn every_setting_takes_effect() {
        let text = "keymap = \"less\"\ntheme = \"light\"\nwidth = 72\nmouse = false\n\
                    panes = [\"reading\", \"sidebar\"]\n\n[keys]\nquit = [\"q\", \"x\"]\n";
        let (s, warnings) = parse(text, base());
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(s.theme.palette, Palette::Light);
        assert_eq!((s.width, s.mouse), (72, false));
        assert_eq!((s.sections, s.sidebar), (Shown::Hidden, Shown::Docked));
        assert_eq!(press(&s.keymap, 'x'), Some(Action::Quit));
        assert_eq!(press(&s.keymap, '?'), Some(Action::SearchBack), "the less preset");
    }

    #[test]
    fn problems_name_their_line_and_the_rest_stands() {
        let text =
            "theme = \"light\"\nwidth = 5\ncolour = 1\n[keys]\nfrobnicate = \"q\"\nquit = [\"Hyper-q\"]\n";
        let (s, warnings) = parse(text, base());
        assert_eq!(s.theme.palette, Palette::Light, "the good line is kept");
        assert_eq!(s.width, base().width);
        let joined = warnings.join("\n");
        for want in ["line 2: width", "line 3: “colour”", "line 5: “frobnicate”", "line 6: “Hyper-q”"]
        {
            assert!(joined.contains(want), "{want} in {joined}");
        }
    }

    #[test]
    fn a_file_that_is_not_toml_gives_the_defaults_and_its_line() {
        let (s, warnings) = parse("width = 80\nkeymap = vim\n", base());
        assert_eq!(s.width, base().width);
        assert!(warnings.len() == 1 && warnings[0].starts_with("line 2:"), "{warnings:?}");
    }
}
