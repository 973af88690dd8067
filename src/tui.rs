//! The interactive reader: three panes over a [`Document`](crate::Document), keys turned into actions in one
//! table ([`keymap`]), state changed in one function ([`update()`]), drawing that only reads
//! ([`ui::draw`]).

pub mod action;
pub mod app;
pub mod flow;
pub mod keymap;
pub mod layout;
pub mod links;
pub mod list;
pub mod load;
pub mod marks;
pub mod opener;
pub mod shape;
pub mod state;
pub mod terminal;
pub mod theme;
pub mod toc;
pub mod ui;
pub mod update;
pub mod wrap;

pub use action::Action;
pub use app::{App, Overlay, Pane};
pub use update::update;

use app::{Mouse, Running};
use keymap::Mode;
use ratatui::crossterm::event;
use ratatui::{Terminal, backend::CrosstermBackend};
use state::{Position, Store};
use std::sync::Mutex;
use std::time::Duration;

/// The position to save if a signal ends the reader.
static LAST: Mutex<Option<(Store, Position)>> = Mutex::new(None);

fn save_last() {
    if let Some((store, pos)) = LAST.lock().ok().and_then(|mut l| l.take()) {
        let _ = store.save(pos);
    }
}

/// The position the reader is at, as saved between runs.
pub fn position(app: &App) -> Position {
    let input = app.flow.input_of_anchor(&app.doc, app.anchor).unwrap_or(0);
    Position { input, section: app.current_section() }
}

/// Reads `input` and opens the reader on it until the user quits. A big input shows its
/// start at once while the rest is read ([`load`]). The hash of `input` names the saved
/// reading position.
pub fn run(input: Vec<u8>, name: &str, format: crate::Format) -> anyhow::Result<()> {
    // A small input is hashed here; a big one on the loading thread, after the first frame.
    let mut store = if input.len() <= load::PREFIX { Store::for_input(&input) } else { None };
    let (doc, mut pending) = load::start(input, format).map_err(|e| anyhow::anyhow!("{name}: {e}"))?;
    terminal::install_panic_hook();
    terminal::handle_signals(save_last)?;
    let _guard = terminal::Guard;
    terminal::enter(true)?;
    let mut term = Terminal::new(CrosstermBackend::new(terminal::FrameOut::default()))?;
    let size = term.size()?;
    let mut app = App::new(doc, name, size.width, size.height, theme::Theme::from_env());
    app.partial = pending.as_ref().map(|p| p.prefix);
    if let Some(store) = &store {
        restore_saved(&mut app, store, None);
    }
    let mut loading: Option<load::Loading> = None;
    // A saved position past the prefix is restored when the whole document is in.
    let mut restore_later = None;
    let mut dirty = true;
    loop {
        let size = term.size()?;
        if (size.width, size.height) != (app.layout.area.width, app.layout.area.height) {
            update(&mut app, Action::Resize(size.width, size.height));
            dirty = true;
        }
        if let Some(store) = &store
            && let Ok(mut last) = LAST.lock()
        {
            *last = Some((store.clone(), position(&app)));
        }
        if dirty {
            let _writing = terminal::lock();
            term.draw(|f| ui::draw(f, &app))?;
            dirty = false;
        }
        // The rest of a big input is read once the first frame is out.
        if let Some(p) = pending.take() {
            loading = Some(p.spawn(app.layout.text_column().width));
        }
        if let Some(l) = &loading {
            l.set_width(app.layout.text_column().width);
            match l.poll() {
                Some(load::News::Store(s)) => {
                    store = s;
                    if let Some(store) = &store {
                        restore_later = restore_saved(&mut app, store, Some(l.prefix));
                    }
                    continue;
                }
                Some(load::News::Whole(Ok(whole))) => {
                    // Restore the saved position unless the reader has moved meanwhile.
                    let untouched = app.anchor == flow::Anchor::default();
                    app.replace_document(*whole);
                    if let Some(input) = restore_later.take()
                        && untouched
                    {
                        update::restore(&mut app, input);
                    }
                    loading = None;
                    dirty = true;
                    continue;
                }
                Some(load::News::Whole(Err(why))) => {
                    app.message = Some(why);
                    app.partial = None;
                    loading = None;
                    dirty = true;
                    continue;
                }
                None if !event::poll(Duration::from_millis(20))? => continue,
                None => {}
            }
        }
        // Take every event already waiting before drawing again: a storm of resizes or
        // wheel turns costs one frame.
        let mut event = event::read()?;
        dirty = true;
        loop {
            let mode = if matches!(app.overlay, Overlay::Search(_)) { Mode::Prompt } else { Mode::Normal };
            let mouse = app.mouse;
            match keymap::translate(&event, mode) {
                Some(Action::Suspend) => {
                    terminal::suspend(app.mouse == Mouse::Captured)?;
                    // Forget the last frame so the next one is drawn whole. (`Terminal::clear`
                    // would ask the terminal where its cursor is, and not every one answers.)
                    term.draw(|_| {})?;
                }
                Some(action) => {
                    update(&mut app, action);
                    if let Some(url) = app.follow.take()
                        && let Err(why) = opener::open(&url)
                    {
                        app.message = Some(why);
                    }
                }
                None => {}
            }
            if app.mouse != mouse {
                terminal::set_mouse(app.mouse == Mouse::Captured)?;
            }
            if app.running == Running::Quit || !event::poll(Duration::ZERO)? {
                break;
            }
            event = event::read()?;
        }
        if app.running == Running::Quit {
            break;
        }
    }
    terminal::restore();
    if let Some(store) = &store
        && let Err(e) = store.save(position(&app))
    {
        eprintln!("folio: could not save the reading position in {}: {e}", store.path().display());
    }
    Ok(())
}

/// Restores the position saved in `store`, or says why it cannot. With only the first
/// `prefix` bytes read, a position past them is returned, to be restored later.
fn restore_saved(app: &mut App, store: &Store, prefix: Option<usize>) -> Option<usize> {
    match store.load() {
        Ok(Some(pos)) if prefix.is_some_and(|p| pos.input >= p) => return Some(pos.input),
        // Only while the reader has not moved (the store of a big input comes late).
        Ok(Some(pos)) if app.anchor == flow::Anchor::default() => update::restore(app, pos.input),
        Ok(_) => {}
        Err(warning) => app.message = Some(warning),
    }
    None
}
