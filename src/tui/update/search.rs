//! The prompt (search and the sidebar's filter), searching, and stepping through matches
//! and mentions with `n` and `N`.

use super::moves::jump;
use crate::tui::action::{Action, Effect};
use crate::tui::app::{App, Ask, Overlay, Prompt};
use crate::tui::find::{Folded, Query};
use crate::tui::marks::{self, Hit, Marks, Source};

/// Queries kept in the history.
const HISTORY: usize = 100;

/// Opens the search prompt, remembering where the reader is for Esc.
pub fn open(app: &mut App, back: bool) {
    app.searching.origin = Some((app.top, app.marks.clone()));
    app.overlay = Overlay::Prompt(Prompt { ask: Ask::Search { back }, text: String::new(), recall: None });
}

/// A key in the prompt; `None` when the prompt does not take it.
pub fn prompt(app: &mut App, action: &Action) -> Option<Option<Effect>> {
    let Overlay::Prompt(p) = &mut app.overlay else { return None };
    match action {
        // Typed or pasted controls would be echoed raw on the prompt line.
        Action::Input(c) if crate::ingest::sanitize::is_unsafe(*c) => {}
        Action::Input(c) => {
            p.text.push(*c);
            live(app);
        }
        Action::Erase => {
            if p.text.pop().is_none() {
                cancel(app);
            } else {
                live(app);
            }
        }
        Action::HistoryPrev | Action::HistoryNext => recall(app, *action == Action::HistoryPrev),
        Action::Submit => {
            let p = p.clone();
            app.overlay = Overlay::None;
            if let Ask::Search { back } = p.ask {
                submit(app, p.text, back);
            }
        }
        Action::Clear => cancel(app),
        _ => return None,
    }
    Some(None)
}

/// Esc: a search puts back the position and highlights it started from; a filter is
/// cleared.
fn cancel(app: &mut App) {
    let Overlay::Prompt(p) = std::mem::replace(&mut app.overlay, Overlay::None) else { return };
    match p.ask {
        Ask::Search { .. } => {
            if let Some((top, marks)) = app.searching.origin.take() {
                app.marks = marks;
                app.scroll_to(top);
            }
        }
        Ask::Filter => app.side.set_filter(&app.doc, ""),
    }
}

/// Up and Down: earlier queries.
fn recall(app: &mut App, older: bool) {
    let Overlay::Prompt(p) = &mut app.overlay else { return };
    if p.ask == Ask::Filter || app.searching.history.is_empty() {
        return;
    }
    let n = app.searching.history.len();
    let next = match (p.recall, older) {
        (None, true) => Some(0),
        (None, false) => None,
        (Some(i), true) => Some((i + 1).min(n - 1)),
        (Some(0), false) => None,
        (Some(i), false) => Some(i - 1),
    };
    p.recall = next;
    p.text = next.map_or(String::new(), |i| app.searching.history[n - 1 - i].clone());
    live(app);
}

/// While typing: a search highlights its matches and shows the nearest; a filter narrows
/// the sidebar.
fn live(app: &mut App) {
    let Overlay::Prompt(p) = &app.overlay else { return };
    let (ask, text) = (p.ask, p.text.clone());
    match ask {
        Ask::Filter => app.side.set_filter(&app.doc, &text),
        Ask::Search { back } => {
            let Some((top, before)) = app.searching.origin.clone() else { return };
            app.scroll_to(top);
            let hits = hits(app, &text);
            if hits.is_empty() {
                app.marks = before;
                return;
            }
            let current = nearest(app, &hits, back);
            let hit = hits[current];
            app.marks = Some(Marks { source: Source::Search(text), hits, current, back });
            app.reveal(hit);
        }
    }
}

/// Every match of `query`, the folded text built at the first search that needs it.
fn hits(app: &mut App, query: &str) -> Vec<Hit> {
    let Some(q) = Query::new(query) else { return Vec::new() };
    if q.folds() && app.searching.folded.is_none() {
        app.searching.folded = Some(Folded::new(&app.doc, &app.flow));
    }
    q.hits(&app.doc, &app.flow, app.searching.folded.as_ref())
}

/// The first hit at or after the top line's anchor (the last before it, searching back).
fn nearest(app: &App, hits: &[Hit], back: bool) -> usize {
    let here = (app.anchor.item, app.anchor.offset);
    let after = hits.partition_point(|h| (h.item, h.start) < here);
    if back { after.checked_sub(1).unwrap_or(hits.len() - 1) } else { after % hits.len() }
}

fn submit(app: &mut App, query: String, back: bool) {
    let origin = app.searching.origin.take();
    if query.is_empty() {
        if let Some((top, marks)) = origin {
            app.marks = marks;
            app.scroll_to(top);
        }
        return;
    }
    app.searching.history.retain(|q| *q != query);
    app.searching.history.push(query.clone());
    if app.searching.history.len() > HISTORY {
        app.searching.history.remove(0);
    }
    // The jump is from where the prompt opened, whatever typing showed meanwhile.
    if let Some((top, _)) = &origin {
        app.scroll_to(*top);
    }
    let hits = hits(app, &query);
    if hits.is_empty() {
        app.message = Some(format!("no match for “{query}”"));
        app.marks = None;
        return;
    }
    let current = nearest(app, &hits, back);
    let hit = hits[current];
    app.marks = Some(Marks { source: Source::Search(query), hits, current, back });
    reveal_as_jump(app, hit);
}

/// Runs a search again on a new reading of the document, from where the reader is.
pub fn rerun(app: &mut App, query: String) {
    let hits = hits(app, &query);
    if !hits.is_empty() {
        let current = nearest(app, &hits, false);
        app.marks = Some(Marks { source: Source::Search(query), hits, current, back: false });
    }
}

/// Shows a hit, as a jump when it was out of view.
fn reveal_as_jump(app: &mut App, hit: Hit) {
    let line = app.line_of_hit(hit);
    let h = app.view_height();
    if line < app.top || line >= app.top + h {
        jump(app, line.saturating_sub(h / 3));
    }
}

/// Highlights an entity's mentions and shows the first.
pub fn select_entity(app: &mut App, entity: usize) {
    let hits = marks::mentions(&app.doc, &app.flow, entity);
    let Some(&first) = hits.first() else {
        app.message = Some("no mention of it is shown in the text".to_string());
        return;
    };
    app.marks = Some(Marks { source: Source::Entity(entity), hits, current: 0, back: false });
    reveal_as_jump(app, first);
}

/// `n` (`by` > 0) and `N`, by as many as the count; a backward search steps backward.
pub fn step(app: &mut App, by: isize) {
    let Some(m) = app.marks.as_mut() else {
        app.message = Some("nothing to step through: / searches, Enter in the sidebar selects".to_string());
        return;
    };
    let by = if m.back { -by } else { by };
    let n = m.hits.len() as isize;
    let next = m.current as isize + by;
    m.current = next.rem_euclid(n.max(1)) as usize;
    let hit = m.hits.get(m.current).copied();
    if next >= n {
        app.message = Some("past the last one, back to the first".to_string());
    } else if next < 0 {
        app.message = Some("before the first one, on to the last".to_string());
    }
    if let Some(hit) = hit {
        reveal_as_jump(app, hit);
    }
}
