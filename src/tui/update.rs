//! The one place state changes: `update(&mut App, Action) -> Option<Effect>`. What the
//! event loop must do besides drawing (quit, suspend, mouse capture, the editor) comes back
//! as an [`Effect`]; the loop never looks into `App` to find out.

mod lists;
mod moves;
mod news;
mod pointer;
pub(super) mod search;

use super::action::{Action, Effect};
use super::app::{App, MarkKey, Mouse, Overlay, Pane};
pub use news::restore;

/// The largest count a key takes (more digits are ignored).
const MAX_COUNT: usize = 1_000_000;

/// Applies an action to the reader's state, and says what the loop must do.
pub fn update(app: &mut App, action: Action) -> Option<Effect> {
    match action {
        Action::Resize(..) | Action::Wheel { .. } => {}
        Action::Loaded(_)
        | Action::Tail(_)
        | Action::Entities(_)
        | Action::LoadFailed(_)
        | Action::Restore(_)
        | Action::Partial(_)
        | Action::Say(_) => {
            return news::apply(app, action);
        }
        _ => app.message = None,
    }
    if matches!(app.overlay, Overlay::Prompt(_))
        && let Some(done) = search::prompt(app, &action)
    {
        return done;
    }
    if let Some(done) = super::links::handle(app, &action) {
        return done;
    }
    if let Action::Digit(d) = action {
        let n = app.pending.count.unwrap_or(0).saturating_mul(10).saturating_add(d as usize);
        app.pending.count = Some(n.min(MAX_COUNT));
        return None;
    }
    if matches!(action, Action::Resize(..) | Action::Wheel { .. }) {
        return moves::passive(app, action);
    }
    let count = app.pending.count.take();
    let counted_g = std::mem::take(&mut app.pending.counted_g);
    if app.pending.mark.take().is_some() && action == Action::Clear {
        // Esc after m or ': no mark after all.
        return None;
    }
    if action != Action::Bottom {
        app.loading.to_the_end = false;
    }
    let n = count.unwrap_or(1).max(1);
    match action {
        Action::Quit => match app.overlay {
            Overlay::Help(_) | Overlay::Entity(_) => app.overlay = Overlay::None,
            _ => return Some(Effect::Quit),
        },
        Action::QuitNow => return Some(Effect::Quit),
        Action::Suspend => return Some(Effect::Suspend),
        Action::Redraw => return Some(Effect::Redraw),
        Action::Help => {
            app.overlay =
                if matches!(app.overlay, Overlay::Help(_)) { Overlay::None } else { Overlay::Help(0) }
        }
        Action::Clear => lists::clear(app),
        Action::Search | Action::SearchBack => search::open(app, action == Action::SearchBack),
        Action::NextMatch => search::step(app, n as isize),
        Action::PrevMatch => search::step(app, -(n as isize)),
        Action::NextSection => moves::sections(app, n, true),
        Action::PrevSection => moves::sections(app, n, false),
        Action::Top | Action::Bottom => moves::ends(app, action == Action::Top, count, counted_g),
        Action::Percent => moves::percent(app, count.unwrap_or(0)),
        Action::MarkSet => app.pending.mark = Some(MarkKey::Set),
        Action::MarkJump => app.pending.mark = Some(MarkKey::Jump),
        Action::SetMark(c) => moves::set_mark(app, c),
        Action::JumpMark(c) => moves::jump_mark(app, c),
        Action::JumpBack => moves::jump_back(app),
        Action::Narrower | Action::Wider | Action::DefaultWidth => moves::width(app, &action),
        Action::FocusNext | Action::FocusPrev => {
            let panes = app.focusable();
            let i = panes.iter().position(|&p| p == app.focus).unwrap_or(0);
            let k = panes.len();
            let next = if action == Action::FocusNext { (i + 1) % k } else { (i + k - 1) % k };
            app.focus = panes[next];
        }
        Action::Fold => lists::fold(app),
        Action::FoldAll => lists::fold_all(app),
        Action::ToggleSections => lists::toggle_side(app, Pane::Sections),
        Action::ToggleSidebar => lists::toggle_side(app, Pane::Sidebar),
        Action::Filter => lists::filter(app),
        Action::SectionOnly => lists::section_only(app),
        Action::ToggleMouse => {
            app.mouse = match app.mouse {
                Mouse::Captured => Mouse::Released,
                Mouse::Released => Mouse::Captured,
            };
            let key = app.keymap.keys_of("mouse");
            app.message = Some(match app.mouse {
                Mouse::Captured => "mouse on".to_string(),
                Mouse::Released => format!("mouse off: the terminal selects text; {key} turns it back on"),
            });
            return Some(Effect::Mouse(app.mouse == Mouse::Captured));
        }
        Action::Edit => return edit(app),
        Action::Open if app.focus == Pane::Reading && app.overlay == Overlay::None => {
            moves::movement(app, moves::Move::Lines(n as isize))
        }
        Action::Open => lists::open(app),
        Action::Details => lists::details(app),
        Action::Links => super::links::open(app),
        Action::FollowLink(i) => return super::links::follow(app, i, false),
        Action::BrowseLink(i) => return super::links::follow(app, i, true),
        Action::Browse => app.message = Some("O opens a link of the o list in the browser".to_string()),
        // The event loop's browser takes these first (see super::nav); a reader without
        // one has no other page.
        Action::Back | Action::Forward => app.message = Some("no other page".to_string()),
        Action::LineDown => moves::movement(app, moves::Move::Lines(n as isize)),
        Action::LineUp => moves::movement(app, moves::Move::Lines(-(n as isize))),
        Action::PageDown => moves::movement(app, moves::Move::Pages(2 * n as isize)),
        Action::PageUp => moves::movement(app, moves::Move::Pages(-2 * n as isize)),
        Action::HalfDown => moves::movement(app, moves::Move::Pages(n as isize)),
        Action::HalfUp => moves::movement(app, moves::Move::Pages(-(n as isize))),
        Action::Click { col, row } => pointer::click(app, col, row),
        Action::Unknown(key) => {
            let help = app.keymap.keys_of("help");
            app.message = Some(format!("{key}: not a key here, {help} for help"));
        }
        // Prompt keys outside a prompt, and what was handled above.
        Action::Input(_)
        | Action::Erase
        | Action::Submit
        | Action::HistoryPrev
        | Action::HistoryNext
        | Action::Digit(_)
        | Action::Resize(..)
        | Action::Wheel { .. }
        | Action::Loaded(_)
        | Action::Tail(_)
        | Action::Entities(_)
        | Action::LoadFailed(_)
        | Action::Restore(_)
        | Action::Partial(_)
        | Action::Say(_) => {}
    }
    None
}

/// `v`: the file in the editor, at the line shown at the top.
fn edit(app: &mut App) -> Option<Effect> {
    match &app.path {
        Some(path) => Some(Effect::Edit { path: path.clone(), input: app.input_here() }),
        None => {
            app.message = Some("no file to edit: this text came from standard input".to_string());
            None
        }
    }
}
