//! The one place state changes: `update(&mut App, Action)`.

mod pointer;

use super::action::Action;
use super::app::{App, Details, List, Mouse, Overlay, Pane, Running};
use super::layout::{Layout, SECTIONS_MIN_COLS, SIDEBAR_MIN_COLS, Shown};
use super::links;
use super::marks::{self, Marks, Row, Source};

/// Applies an action to the reader's state.
pub fn update(app: &mut App, action: Action) {
    if !matches!(action, Action::Resize(..) | Action::Wheel { .. }) {
        app.message = None;
    }
    if let Overlay::Search(input) = &mut app.overlay {
        match action {
            // Typed or pasted controls would be echoed raw on the prompt line.
            Action::Input(c) if crate::ingest::sanitize::is_unsafe(c) => return,
            Action::Input(c) => return input.push(c),
            Action::Erase => {
                if input.pop().is_none() {
                    app.overlay = Overlay::None;
                }
                return;
            }
            Action::Submit => {
                let query = std::mem::take(input);
                app.overlay = Overlay::None;
                return run_search(app, query);
            }
            Action::Clear => {
                app.overlay = Overlay::None;
                return;
            }
            _ => {}
        }
    }
    if let Some(done) = links::handle(app, &action) {
        return done;
    }
    if !matches!(action, Action::Resize(..) | Action::Bottom) {
        app.to_the_end = false;
    }
    match action {
        Action::Resize(w, h) => {
            app.resize(w, h);
            if let Overlay::Help(scroll) = &mut app.overlay {
                *scroll = (*scroll).min(super::ui::help::max_scroll(&app.layout));
            }
        }
        Action::Quit => match app.overlay {
            Overlay::Help(_) | Overlay::Entity(_) => app.overlay = Overlay::None,
            _ => app.running = Running::Quit,
        },
        Action::QuitNow => app.running = Running::Quit,
        Action::Help => {
            app.overlay =
                if matches!(app.overlay, Overlay::Help(_)) { Overlay::None } else { Overlay::Help(0) }
        }
        Action::Clear => clear(app),
        Action::Search => app.overlay = Overlay::Search(String::new()),
        Action::NextMatch => step(app, 1),
        Action::PrevMatch => step(app, -1),
        Action::NextSection => {
            // Section lines grow with the section number: the first one below the top is
            // found by bisection, then containers are stepped over.
            let top = app.top;
            let n = app.doc.sections.len();
            let first = partition(n, |s| app.section_line(s) <= top);
            if let Some(s) = (first..n).find(|&s| stops_at(app, s)) {
                app.scroll_to(app.section_line(s));
            }
        }
        Action::PrevSection => {
            let top = app.top;
            let before = partition(app.doc.sections.len(), |s| app.section_line(s) < top);
            let prev = (0..before).rev().find(|&s| stops_at(app, s));
            app.scroll_to(prev.map_or(0, |s| app.section_line(s)));
        }
        Action::FocusNext | Action::FocusPrev => {
            let panes = app.focusable();
            let i = panes.iter().position(|&p| p == app.focus).unwrap_or(0);
            let n = panes.len();
            let next = if action == Action::FocusNext { (i + 1) % n } else { (i + n - 1) % n };
            app.focus = panes[next];
        }
        Action::Fold => fold(app),
        Action::FoldAll => fold_all(app),
        Action::ToggleSections => toggle_side(app, Pane::Sections),
        Action::ToggleSidebar => toggle_side(app, Pane::Sidebar),
        Action::ToggleMouse => {
            app.mouse = match app.mouse {
                Mouse::Captured => Mouse::Released,
                Mouse::Released => Mouse::Captured,
            };
            app.message = Some(match app.mouse {
                Mouse::Captured => "mouse on".to_string(),
                Mouse::Released => "mouse off: the terminal selects text; m turns it back on".to_string(),
            });
        }
        Action::Open => open(app),
        Action::Details => details(app),
        Action::Links => links::open(app),
        Action::FollowLink(n) => links::follow(app, n),
        Action::LineDown => movement(app, Move::Lines(1)),
        Action::LineUp => movement(app, Move::Lines(-1)),
        Action::PageDown => movement(app, Move::Pages(2)),
        Action::PageUp => movement(app, Move::Pages(-2)),
        Action::HalfDown => movement(app, Move::Pages(1)),
        Action::HalfUp => movement(app, Move::Pages(-1)),
        Action::Top => movement(app, Move::Start),
        Action::Bottom => {
            movement(app, Move::End);
            app.to_the_end =
                app.partial.is_some() && app.focus == Pane::Reading && app.overlay == Overlay::None;
        }
        Action::Wheel { col, row, lines } => pointer::wheel(app, col, row, lines),
        Action::Click { col, row } => pointer::click(app, col, row),
        Action::Suspend | Action::Input(_) | Action::Erase | Action::Submit => {}
    }
}

/// The first of `0..n` for which `pred` is false (`pred` holds for a prefix).
fn partition(n: usize, pred: impl Fn(usize) -> bool) -> usize {
    let (mut lo, mut hi) = (0, n);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if pred(mid) { lo = mid + 1 } else { hi = mid }
    }
    lo
}

/// Whether `]` and `[` stop at section `s`: a heading with text of its own. A heading that
/// only opens deeper ones (a book whose first chapter follows at once) is passed over, so
/// the brackets move by the innermost level: chapter to chapter across books.
fn stops_at(app: &App, s: usize) -> bool {
    let Some(section) = app.doc.sections.get(s) else { return false };
    section.heading.is_some() && !app.is_container(s)
}

/// A movement: lines, half pages (`Pages(±1)`) or whole pages (`Pages(±2)`), or an end.
#[derive(Debug, Clone, Copy)]
enum Move {
    Lines(isize),
    Pages(isize),
    Start,
    End,
}

fn target(current: usize, len: usize, height: usize, mv: Move) -> usize {
    let by = |n: isize| current.saturating_add_signed(n).min(len.saturating_sub(1));
    match mv {
        Move::Lines(n) => by(n),
        Move::Pages(n) => by(n * (height.max(2) / 2) as isize),
        Move::Start => 0,
        Move::End => len.saturating_sub(1),
    }
}

fn movement(app: &mut App, mv: Move) {
    match (&mut app.overlay, app.focus) {
        (Overlay::Help(scroll), _) => {
            let max = super::ui::help::max_scroll(&app.layout);
            let h = Layout::inner(super::ui::help::area(&app.layout)).height as usize;
            *scroll = target(*scroll, max + 1, h, mv);
        }
        (Overlay::Entity(d), _) => {
            let h = super::ui::details::mention_rows(super::ui::details::area(&app.layout, d));
            let to = target(d.list.cursor, d.hits.len(), h, mv);
            d.list.select(to, d.hits.len(), h);
        }
        (_, Pane::Reading) => {
            let h = app.view_height();
            let line = match mv {
                Move::End => app.wrapped.lines.len().saturating_sub(h),
                Move::Pages(2) => app.top + h.saturating_sub(2).max(1),
                Move::Pages(-2) => app.top.saturating_sub(h.saturating_sub(2).max(1)),
                _ => target(app.top, app.wrapped.lines.len(), h, mv),
            };
            app.scroll_to(line);
        }
        (_, Pane::Sections) => {
            let h = app.list_height(Pane::Sections);
            let to = target(app.toc.cursor, app.toc_rows.len(), h, mv);
            app.toc.select(to, app.toc_rows.len(), h);
            app.reveal_toc();
        }
        (_, Pane::Sidebar) => {
            let h = app.list_height(Pane::Sidebar);
            let to = target(app.side.cursor, app.rows.len(), h, mv);
            // The cursor rests on entities only; headers and notes are skipped.
            let down = to >= app.side.cursor;
            let on_entity = |i: &usize| matches!(app.rows.get(*i), Some(Row::Entity(_)));
            let found = if down {
                (to..app.rows.len()).find(on_entity).or_else(|| (0..to).rev().find(on_entity))
            } else {
                (0..=to).rev().find(on_entity).or_else(|| (to..app.rows.len()).find(on_entity))
            };
            app.side.select(found.unwrap_or(to), app.rows.len(), h);
            if found.is_none() || to == 0 {
                app.side.offset = 0;
            }
            app.reveal_side();
        }
    }
}

fn clear(app: &mut App) {
    if app.overlay != Overlay::None {
        if matches!(app.overlay, Overlay::Sections | Overlay::Sidebar) {
            app.focus = Pane::Reading;
        }
        app.overlay = Overlay::None;
    } else if app.marks.is_some() {
        app.marks = None;
    } else {
        app.focus = Pane::Reading;
    }
}

fn run_search(app: &mut App, query: String) {
    if query.is_empty() {
        return;
    }
    let hits = marks::search(&app.doc, &app.flow, &query);
    if hits.is_empty() {
        app.message = Some(format!("no match for “{query}”"));
        app.marks = None;
        return;
    }
    let here = app.anchor;
    let current = hits.iter().position(|h| (h.item, h.start) >= (here.item, here.offset)).unwrap_or(0);
    let hit = hits[current];
    app.marks = Some(Marks { source: Source::Search(query), hits, current });
    app.reveal(hit);
}

fn select_entity(app: &mut App, entity: usize) {
    let hits = marks::mentions(&app.doc, &app.flow, entity);
    let Some(&first) = hits.first() else {
        app.message = Some("no mention of it is shown in the text".to_string());
        return;
    };
    app.marks = Some(Marks { source: Source::Entity(entity), hits, current: 0 });
    app.reveal(first);
}

fn step(app: &mut App, by: isize) {
    let Some(m) = app.marks.as_mut() else {
        app.message = Some("nothing to step through: / searches, Enter in the sidebar selects".to_string());
        return;
    };
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
        app.reveal(hit);
    }
}

fn open(app: &mut App) {
    if let Overlay::Entity(d) = &app.overlay {
        let (entity, cursor) = (d.entity, d.list.cursor);
        app.overlay = Overlay::None;
        if app.selected_entity() != Some(entity) {
            select_entity(app, entity);
        }
        if let Some(m) = app.marks.as_mut() {
            m.current = cursor.min(m.hits.len().saturating_sub(1));
            if let Some(&hit) = m.hits.get(m.current) {
                app.reveal(hit);
            }
        }
        return;
    }
    match app.focus {
        Pane::Sections => {
            let line = app.section_line(app.toc_section(app.toc.cursor));
            app.scroll_to(line);
            if app.overlay == Overlay::Sections {
                app.overlay = Overlay::None;
                app.focus = Pane::Reading;
            }
        }
        Pane::Sidebar => {
            if let Some(&Row::Entity(e)) = app.rows.get(app.side.cursor) {
                select_entity(app, e);
                if app.overlay == Overlay::Sidebar {
                    app.overlay = Overlay::None;
                    app.focus = Pane::Reading;
                }
            }
        }
        Pane::Reading => {}
    }
}

fn details(app: &mut App) {
    let entity = match (app.focus, app.rows.get(app.side.cursor)) {
        (Pane::Sidebar, Some(&Row::Entity(e))) => Some(e),
        _ => app.selected_entity(),
    };
    let Some(entity) = entity else {
        app.message = Some("select an entity in the sidebar first (Tab, then i)".to_string());
        return;
    };
    let hits = marks::mentions(&app.doc, &app.flow, entity);
    app.overlay = Overlay::Entity(Details { entity, hits, list: List::default() });
}

/// Folds or unfolds the section under the list's cursor, or the one it lies inside.
fn fold(app: &mut App) {
    let s = app.toc_section(app.toc.cursor);
    let Some(target) = (if app.has_children(s) { Some(s) } else { app.parent(s) }) else {
        app.message = Some("nothing to fold: this section holds no others".to_string());
        return;
    };
    if let Some(f) = app.folded.get_mut(target) {
        *f = !*f;
    }
    app.refresh_toc();
    app.toc.cursor = app.toc_row_of(target);
    app.toc.reveal(app.list_height(Pane::Sections));
    app.reveal_toc();
}

/// Folds every section that holds others, or unfolds them all when all are folded.
fn fold_all(app: &mut App) {
    let n = app.doc.sections.len();
    let fold = (0..n).any(|s| app.has_children(s) && !app.folded[s]);
    for s in 0..n {
        app.folded[s] = fold && app.has_children(s);
    }
    app.refresh_toc();
    let current = app.toc_row_of(app.current_section());
    app.toc.select(current, app.toc_rows.len(), app.list_height(Pane::Sections));
    app.reveal_toc();
}

fn toggle_side(app: &mut App, pane: Pane) {
    let (min, overlay) = match pane {
        Pane::Sidebar => (SIDEBAR_MIN_COLS, Overlay::Sidebar),
        _ => (SECTIONS_MIN_COLS, Overlay::Sections),
    };
    let (w, h) = (app.layout.area.width, app.layout.area.height);
    if w >= min {
        let shown = if pane == Pane::Sidebar { &mut app.sidebar_shown } else { &mut app.sections_shown };
        *shown = if *shown == Shown::Docked { Shown::Hidden } else { Shown::Docked };
        app.resize(w, h);
    } else if app.overlay == overlay {
        app.overlay = Overlay::None;
        app.focus = Pane::Reading;
    } else {
        app.overlay = overlay;
        app.focus = pane;
        let height = app.list_height(pane);
        app.toc.reveal(height);
        app.reveal_toc();
        app.side.reveal(height);
        app.reveal_side();
    }
}

/// Puts the reading position at a saved input byte, if the document still has it.
pub fn restore(app: &mut App, input: usize) {
    if let Some(anchor) = app.flow.anchor_of_input(&app.doc, input) {
        let line = app.wrapped.line_of(anchor);
        app.scroll_to(line);
        app.anchor = anchor;
    }
}
