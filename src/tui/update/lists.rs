//! The side lists and overlays: opening what is selected, details, folds, showing and
//! hiding the panes, the sidebar's filter and scope, and Esc.

use super::moves::jump;
use super::search::select_entity;
use crate::tui::app::{App, Ask, Details, List, Overlay, Pane, Prompt};
use crate::tui::layout::{SECTIONS_MIN_COLS, SIDEBAR_MIN_COLS, Shown};
use crate::tui::marks;

/// Esc: closes an overlay, else clears the highlights, else gives the reading pane the keys.
pub fn clear(app: &mut App) {
    if app.overlay != Overlay::None {
        if matches!(app.overlay, Overlay::Sections | Overlay::Sidebar) {
            app.focus = Pane::Reading;
        }
        app.overlay = Overlay::None;
        app.size_lists();
    } else if app.marks.is_some() {
        app.marks = None;
    } else if !app.side.filter.is_empty() && app.focus == Pane::Sidebar {
        app.side.set_filter(&app.doc, "");
    } else {
        app.focus = Pane::Reading;
    }
}

/// Enter: jumps to the selected section or mention, or selects the entity.
pub fn open(app: &mut App) {
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
            let line = app.section_line(app.toc.selected());
            jump(app, line);
            if app.overlay == Overlay::Sections {
                app.overlay = Overlay::None;
                app.focus = Pane::Reading;
            }
        }
        Pane::Sidebar => {
            if let Some(e) = app.side.selected() {
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

/// `i`: the entity under the sidebar's cursor, or the selected one, in detail.
pub fn details(app: &mut App) {
    let entity = match (app.focus, app.side.selected()) {
        (Pane::Sidebar, Some(e)) => Some(e),
        _ => app.selected_entity(),
    };
    let Some(entity) = entity else {
        app.message = Some("select an entity in the sidebar first (Tab, then i)".to_string());
        return;
    };
    let hits = marks::mentions(&app.doc, &app.flow, entity);
    app.overlay = Overlay::Entity(Details { entity, hits, list: List::default() });
}

/// `z`.
pub fn fold(app: &mut App) {
    if let Err(why) = app.toc.fold(&app.doc) {
        app.message = Some(why.to_string());
    }
}

/// `Z`.
pub fn fold_all(app: &mut App) {
    let current = app.current_section();
    app.toc.fold_all(&app.doc, current);
}

/// `f` in the sidebar: the filter prompt.
pub fn filter(app: &mut App) {
    let text = app.side.filter.clone();
    app.overlay = Overlay::Prompt(Prompt { ask: Ask::Filter, text, recall: None });
}

/// `c` in the sidebar: only the current section's entities, or all again.
pub fn section_only(app: &mut App) {
    let current = app.current_section();
    app.side.toggle_scope(&app.doc, current);
    app.message = Some(match app.side.scope {
        crate::tui::side::Scope::All => "every entity".to_string(),
        crate::tui::side::Scope::Section(_) => "the entities of this section only".to_string(),
    });
}

/// `t` and `s`: docks or hides a side pane; where it cannot dock, shows it over the text.
pub fn toggle_side(app: &mut App, pane: Pane) {
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
        app.size_lists();
    } else {
        app.overlay = overlay;
        app.focus = pane;
        app.size_lists();
    }
}
