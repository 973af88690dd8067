//! The interactive reader: three panes over a [`Document`](crate::Document), keys turned into actions in one
//! table ([`keymap`]), state changed in one function ([`update()`]), drawing that only reads
//! ([`ui::draw`]). The event loop below only feeds actions to `update` (keys, resizes, the
//! loading thread's news) and carries out the [`Effect`]s it returns.

pub mod action;
pub mod app;
pub mod config;
pub mod find;
pub mod flow;
pub mod keymap;
pub mod layout;
pub mod links;
pub mod list;
pub mod load;
pub mod marks;
pub mod nav;
pub mod opener;
pub mod shape;
pub mod side;
pub mod state;
pub mod terminal;
pub mod theme;
pub mod toc;
pub mod ui;
pub mod update;
pub mod wrap;

pub use action::{Action, Effect};
pub use app::{App, Overlay, Pane, Settings};
pub use update::update;

use ratatui::crossterm::event;
use ratatui::{Terminal, backend::CrosstermBackend};
use state::{Position, Prefs, Store};
use std::path::PathBuf;
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
    let input = app.input_here();
    let text = app.flow.text(&app.doc, app.anchor.item);
    let mut end = text.len().min(state::LEAD_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    Position {
        input,
        section: app.current_section(),
        lead: text[..end].to_string(),
        offset: app.anchor.offset,
    }
}

/// What the command line adds to the input.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The file read, for `v` and to name the saved position.
    pub path: Option<PathBuf>,
    /// A config file named on the command line (instead of the usual place).
    pub config: Option<PathBuf>,
    /// The web address the input came from: the saved position is kept by it.
    pub url: Option<String>,
    /// For a feed, each section's article address (Enter in the section list opens it).
    pub entries: Option<Vec<Option<String>>>,
    /// A web address to open at once: the reader starts empty and says how much has come.
    pub open: Option<String>,
    /// How pages are fetched when a link is followed.
    pub fetching: crate::fetch::Options,
}

/// The settings of the config file (and the width remembered from the last run), with the
/// warnings to show.
fn settings(opts: &Options) -> (Settings, Vec<String>) {
    let base = Settings::new(theme::Theme::from_env());
    let named = opts.config.is_some();
    let (mut s, warnings) = match opts.config.clone().or_else(config::default_path) {
        Some(path) => config::load(&path, named, base),
        None => (base, Vec::new()),
    };
    s.path = opts.path.clone();
    s.remembered = state::state_dir().and_then(|d| Prefs::load(&d).width);
    (s, warnings)
}

/// Reads `input` and opens the reader on it until the user quits. A big input shows its
/// start at once while the rest is read ([`load`]).
pub fn run(input: Vec<u8>, name: &str, format: crate::Format, opts: &Options) -> anyhow::Result<()> {
    let (settings, warnings) = settings(opts);
    let head = input[..input.len().min(load::PREFIX)].to_vec();
    let (doc, mut pending) = load::start(input, format).map_err(|e| anyhow::anyhow!("{name}: {e}"))?;
    let title = doc.title.as_ref().map(|t| t.text.clone());
    let store = match (&opts.url, &opts.open) {
        (_, Some(_)) => None,
        (Some(url), None) => nav::store_for(url),
        (None, None) => Store::for_key(&state::key(opts.path.as_deref(), title.as_deref(), &head)),
    };
    drop(head);
    let here = nav::Here { url: opts.url.clone(), entries: opts.entries.clone(), store };
    let mut browser = nav::Browser::new(here, opts.fetching.clone(), settings.clone());
    terminal::install_panic_hook();
    terminal::handle_signals(save_last)?;
    let _guard = terminal::Guard;
    terminal::enter(settings.mouse)?;
    let mut term = Terminal::new(CrosstermBackend::new(terminal::FrameOut::default()))?;
    let size = term.size()?;
    let mut app = App::with(doc, name, size.width, size.height, settings);
    let mut news: Vec<Action> = warnings.into_iter().map(Action::Say).collect();
    news.extend(pending.as_ref().map(|p| Action::Partial(p.prefix)));
    match browser.here.store.as_ref().map(Store::load) {
        Some(Ok(Some(pos))) => news.push(Action::Restore(pos)),
        Some(Err(warning)) => news.push(Action::Say(warning)),
        _ => {}
    }
    for n in news {
        update(&mut app, n);
    }
    if let Some(url) = &opts.open {
        browser.open_first(&mut app, url);
    }
    let mut failed = None;
    let mut loading: Option<load::Loading> = None;
    let mut dirty = true;
    'reading: loop {
        let size = term.size()?;
        if (size.width, size.height) != (app.layout.area.width, app.layout.area.height) {
            update(&mut app, Action::Resize(size.width, size.height));
            dirty = true;
        }
        match browser.poll(&mut app) {
            Ok(changed) => dirty |= changed,
            Err(why) => {
                failed = Some(why);
                break 'reading;
            }
        }
        if browser.moved() {
            // A big input still loading belongs to the page left; it stays as far as it got.
            loading = None;
            pending = None;
        }
        if let Some(store) = &browser.here.store
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
        if let Some(l) = &mut loading {
            l.set_width(app.layout.text_column().width);
            if let Some(news) = l.poll() {
                update(&mut app, news);
                dirty = true;
                continue;
            }
            if l.done() {
                loading = None;
            } else if !event::poll(Duration::from_millis(20))? {
                continue;
            }
        }
        // A page on its way is shown arriving.
        if browser.busy() && !event::poll(Duration::from_millis(50))? {
            continue;
        }
        // Take every event already waiting before drawing again: a storm of resizes or
        // wheel turns costs one frame.
        let mut event = event::read()?;
        dirty = true;
        loop {
            let action = keymap::translate(&app.keymap, &event, app.mode());
            let action = action.and_then(|a| browser.take(&mut app, a));
            match action.and_then(|a| update(&mut app, a)) {
                Some(Effect::Follow(url)) => browser.follow(&mut app, &url),
                Some(Effect::Quit) => break 'reading,
                Some(Effect::Mouse(on)) => terminal::set_mouse(on)?,
                Some(Effect::Suspend) => {
                    terminal::suspend(app.mouse == app::Mouse::Captured)?;
                    // Forget the last frame so the next one is drawn whole. (`Terminal::clear`
                    // would ask the terminal where its cursor is, and not every one answers.)
                    term.draw(|_| {})?;
                }
                Some(Effect::Redraw) => {
                    term.draw(|_| {})?;
                    terminal::clear_screen()?;
                }
                Some(Effect::Open(url)) => {
                    if let Err(why) = opener::open(&url) {
                        update(&mut app, Action::Say(why));
                    }
                }
                Some(Effect::Edit { path, input }) => {
                    if let Err(e) = terminal::edit(&path, input, app.mouse == app::Mouse::Captured) {
                        update(&mut app, Action::Say(format!("the editor did not run: {e}")));
                    }
                    term.draw(|_| {})?;
                }
                None => {}
            }
            if !event::poll(Duration::ZERO)? {
                break;
            }
            event = event::read()?;
        }
    }
    terminal::restore();
    if let Some(why) = failed {
        anyhow::bail!(why);
    }
    if let Some(store) = &browser.here.store
        && let Err(e) = store.save(position(&app))
    {
        eprintln!("folio: could not save the reading position in {}: {e}", store.path().display());
    }
    if let Some(dir) = state::state_dir() {
        let width = (app.measure.0 != app.measure.1).then_some(app.measure.0);
        if width != app.remembered {
            let _ = Prefs { width }.save(&dir);
        }
    }
    Ok(())
}
