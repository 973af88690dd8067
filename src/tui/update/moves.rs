//! Moving: lines, pages, sections, ends, percent, marks and the jump back, and the text
//! column's width. A jump (a section, an end, a percent, a mark, a match) remembers where
//! it left, for `''`.

use super::pointer;
use crate::tui::action::{Action, Effect};
use crate::tui::app::{App, Overlay, Pane};
use crate::tui::layout::Layout;
use crate::tui::ui;

/// A movement: lines, half pages (`Pages(±1)`) or whole pages (`Pages(±2)`), or an end.
#[derive(Debug, Clone, Copy)]
pub enum Move {
    Lines(isize),
    Pages(isize),
    Start,
    End,
}

fn target(current: usize, len: usize, height: usize, mv: Move) -> usize {
    let by = |n: isize| current.saturating_add_signed(n).min(len.saturating_sub(1));
    match mv {
        Move::Lines(n) => by(n),
        Move::Pages(n) => by(n.saturating_mul((height.max(2) / 2) as isize)),
        Move::Start => 0,
        Move::End => len.saturating_sub(1),
    }
}

/// Moves whatever has the keyboard: an overlay's list, the reading pane or a side list.
pub fn movement(app: &mut App, mv: Move) {
    match (&mut app.overlay, app.focus) {
        (Overlay::Help(scroll), _) => {
            let max = ui::help::max_scroll(&app.layout, &app.keymap);
            let h = Layout::inner(ui::help::area(&app.layout, &app.keymap)).height as usize;
            *scroll = target(*scroll, max + 1, h, mv);
        }
        (Overlay::Entity(d), _) => {
            let h = ui::details::mention_rows(ui::details::area(&app.layout, d));
            let to = target(d.list.cursor, d.hits.len(), h, mv);
            d.list.select(to, d.hits.len(), h);
        }
        (_, Pane::Reading) => {
            let h = app.view_height();
            let page = h.saturating_sub(2).max(1) as isize;
            let line = match mv {
                Move::End => app.wrapped.lines.len().saturating_sub(h),
                Move::Pages(n) if n % 2 == 0 => app.top.saturating_add_signed((n / 2).saturating_mul(page)),
                _ => target(app.top, app.wrapped.lines.len(), h, mv),
            };
            app.scroll_to(line);
        }
        (_, Pane::Sections) => {
            let h = app.toc.height();
            let to = target(app.toc.list.cursor, app.toc.rows.len(), h, mv);
            app.toc.select(&app.doc, to);
        }
        (_, Pane::Sidebar) => {
            let h = app.side.height();
            let to = target(app.side.list.cursor, app.side.rows.len(), h, mv);
            app.side.select(&app.doc, to);
        }
    }
}

/// Resizes and wheel turns: they move nothing the user asked for.
pub fn passive(app: &mut App, action: Action) -> Option<Effect> {
    match action {
        Action::Resize(w, h) => {
            app.resize(w, h);
            if let Overlay::Help(scroll) = &mut app.overlay {
                *scroll = (*scroll).min(ui::help::max_scroll(&app.layout, &app.keymap));
            }
        }
        Action::Wheel { col, row, lines } => pointer::wheel(app, col, row, lines),
        _ => {}
    }
    None
}

/// Scrolls the reading pane to `line` as a jump: `''` comes back to where it left.
pub fn jump(app: &mut App, line: usize) {
    let here = app.spot();
    app.scroll_to(line);
    if app.top != here.line {
        app.jumps.back = Some(here);
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

/// `]` (or `[`) `n` times: the `n`-th heading after (or before) the top line.
pub fn sections(app: &mut App, n: usize, forward: bool) {
    let top = app.top;
    let count = app.doc.sections.len();
    // Section lines grow with the section number: the first one past the top is found by
    // bisection, then containers are stepped over.
    let line = if forward {
        let first = partition(count, |s| app.section_line(s) <= top);
        let stops: Vec<usize> = (first..count).filter(|&s| stops_at(app, s)).take(n).collect();
        match stops.last() {
            Some(&s) => app.section_line(s),
            None => return,
        }
    } else {
        let before = partition(count, |s| app.section_line(s) < top);
        let stops: Vec<usize> = (0..before).rev().filter(|&s| stops_at(app, s)).take(n).collect();
        if stops.len() < n { 0 } else { stops.last().map_or(0, |&s| app.section_line(s)) }
    };
    jump(app, line);
}

/// `g` and `G`; with a count, that line (as in less; vim's `5gg` is the same, its second
/// `g` adding nothing).
pub fn ends(app: &mut App, top: bool, count: Option<usize>, counted_g: bool) {
    if app.focus != Pane::Reading || app.overlay != Overlay::None {
        return movement(app, if top { Move::Start } else { Move::End });
    }
    if let Some(n) = count {
        app.pending.counted_g = top;
        return jump(app, n.saturating_sub(1));
    }
    if top && counted_g {
        return;
    }
    if !top && let Some(both) = app.loading.tail.take() {
        app.show_tail(*both);
    }
    let line = if top { 0 } else { app.wrapped.lines.len().saturating_sub(app.view_height()) };
    jump(app, line);
    if !top {
        // While only the start is read, the whole document opens at its end.
        app.loading.to_the_end = app.loading.partial.is_some();
    }
}

/// `50%`: half way through the text (0% the top, 100% the end in view).
pub fn percent(app: &mut App, percent: usize) {
    let scrollable = app.wrapped.lines.len().saturating_sub(app.view_height());
    let line = scrollable * percent.min(100) / 100;
    jump(app, line);
}

fn mark_index(c: char) -> Option<usize> {
    c.is_ascii_lowercase().then(|| (c as u8 - b'a') as usize)
}

/// `m{a-z}`.
pub fn set_mark(app: &mut App, c: char) {
    let Some(i) = mark_index(c) else {
        app.message = Some(format!("{c}: marks are the letters a to z"));
        return;
    };
    app.jumps.marks[i] = Some(app.spot());
    app.message = Some(format!("mark {c} set"));
}

/// `'{a-z}`.
pub fn jump_mark(app: &mut App, c: char) {
    let Some(i) = mark_index(c) else {
        app.message = Some(format!("{c}: marks are the letters a to z ('' goes back)"));
        return;
    };
    match app.jumps.marks[i] {
        Some(spot) => jump_to_spot(app, spot),
        None => app.message = Some(format!("no mark {c}: m{c} sets it")),
    }
}

/// `''` and Ctrl-o: back to before the last jump (and, again, forth).
pub fn jump_back(app: &mut App) {
    match app.jumps.back {
        Some(spot) => jump_to_spot(app, spot),
        None => app.message = Some("no jump to go back from yet".to_string()),
    }
}

fn jump_to_spot(app: &mut App, spot: crate::tui::app::Spot) {
    let Some(line) = app.line_of_spot(spot) else { return };
    let here = app.spot();
    app.scroll_to(line);
    app.jumps.back = Some(here);
}

/// The narrowest text column `-` makes.
const NARROWEST: u16 = 20;
/// The widest text column `+` makes.
const WIDEST: u16 = 400;
/// Cells `-` and `+` take off or add.
const STEP: u16 = 4;

/// `-`, `+` and `=`: the text column's width, kept through re-wrapping by the anchor.
pub fn width(app: &mut App, action: &Action) {
    let shown = app.layout.text_column().width;
    let (mut measure, default) = app.measure;
    match action {
        Action::Narrower => measure = shown.min(measure).saturating_sub(STEP).max(NARROWEST),
        Action::Wider => measure = measure.max(shown).saturating_add(STEP).min(WIDEST),
        _ => measure = default,
    }
    app.measure.0 = measure;
    let (w, h) = (app.layout.area.width, app.layout.area.height);
    app.resize(w, h);
    let now = app.layout.text_column().width;
    app.message = Some(if *action == Action::Wider && now == shown {
        "the text is as wide as the pane".to_string()
    } else {
        format!("text width {now}")
    });
}
