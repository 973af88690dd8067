//! News from outside the keyboard: the loading thread's pieces of a big input, and the
//! saved reading position.

use crate::tui::action::{Action, Effect};
use crate::tui::app::{App, Overlay};
use crate::tui::flow::Anchor;
use crate::tui::side::Sidebar;
use crate::tui::state::Position;
use std::sync::Arc;

/// Applies a piece of news.
pub fn apply(app: &mut App, action: Action) -> Option<Effect> {
    match action {
        Action::Loaded(whole) => {
            // The saved position is restored only if the reader has not moved meanwhile.
            let untouched = app.anchor == Anchor::default() && !app.loading.to_the_end;
            let later = app.loading.restore.take();
            app.loading.entities = true;
            app.loading.tail = None;
            app.replace_document(*whole);
            if let Some(pos) = later.filter(|_| untouched) {
                restore(app, &pos);
            }
        }
        Action::Entities(entities) => {
            app.loading.entities = false;
            Arc::make_mut(&mut app.doc).entities = entities;
            let (filter, scope) = (app.side.filter.clone(), app.side.scope);
            app.side = Sidebar::new(&app.doc);
            app.side.scope = scope;
            app.side.set_filter(&app.doc, &filter);
            app.size_lists();
        }
        Action::Tail(both) if app.loading.partial.is_some() => {
            // A jump to the end made before it came is made now.
            if app.loading.to_the_end {
                app.show_tail(*both);
            } else {
                app.loading.tail = Some(both);
            }
        }
        Action::LoadFailed(why) => {
            app.message = Some(why);
            app.loading.partial = None;
            app.loading.tail = None;
            app.loading.entities = false;
        }
        Action::Partial(prefix) => app.loading.partial = Some(prefix),
        Action::Say(what) => app.message = Some(what),
        Action::Restore(pos) => match app.loading.partial {
            Some(prefix) if pos.input >= prefix => app.loading.restore = Some(pos),
            _ if app.anchor == Anchor::default() => restore(app, &pos),
            _ => {}
        },
        _ => {}
    }
    None
}

/// Puts the reading position at a saved one: the paragraph that starts as the saved one
/// did, nearest the saved input byte (the text may have changed before it), or else the
/// saved byte itself, if the document still has it.
pub fn restore(app: &mut App, pos: &Position) {
    let anchor = found_again(app, pos).or_else(|| app.flow.anchor_of_input(&app.doc, pos.input));
    if let Some(anchor) = anchor {
        let line = app.wrapped.line_of(anchor);
        app.scroll_to(line);
        app.anchor = anchor;
    }
    if matches!(app.overlay, Overlay::Entity(_)) {
        app.overlay = Overlay::None;
    }
}

fn found_again(app: &App, pos: &Position) -> Option<Anchor> {
    if pos.lead.is_empty() {
        return None;
    }
    let (doc, flow) = (&app.doc, &app.flow);
    (0..flow.items.len())
        .filter(|&i| flow.text(doc, i).starts_with(&pos.lead))
        .filter_map(|i| flow.passage(doc, i).map(|p| (i, p.span.start.abs_diff(pos.input))))
        .min_by_key(|&(_, distance)| distance)
        .map(|(item, _)| {
            let text = flow.text(doc, item);
            let mut offset = pos.offset.min(text.len());
            while !text.is_char_boundary(offset) {
                offset -= 1;
            }
            Anchor { item, offset }
        })
}
