//! The reading pane: only the visible lines are built, each from its item's text slice, laid
//! out by the block's shape (list markers, code, quote bars, table columns).

use super::inline::{self, Insert, Layer};
use crate::document::{BlockKind, StyleKind};
use crate::tui::app::{App, Overlay, Pane};
use crate::tui::flow::{self, Inline, Item};
use crate::tui::layout::Layout;
use crate::tui::marks::Source;
use crate::tui::shape::{self, Shape};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Scrollbar, ScrollbarOrientation, ScrollbarState};
use std::ops::Range;
use unicode_width::UnicodeWidthStr;

/// Draws the reading pane in `area`.
pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    let focused = app.focus == Pane::Reading && !matches!(app.overlay, Overlay::Sections | Overlay::Sidebar);
    frame.render_widget(super::pane(&app.name, focused, app.theme), area);
    let total = app.wrapped.lines.len();
    let visible = app.view_height();
    if total > visible && area.height > 2 {
        // Where the view lies in the text, drawn over the pane's right border.
        let mut state = ScrollbarState::new(total.saturating_sub(visible))
            .position(app.top)
            .viewport_content_length(visible);
        let bar = Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(None)
            .end_symbol(None)
            .track_symbol(None)
            .thumb_symbol("┃")
            .thumb_style(app.theme.border(focused));
        let track = Rect { y: area.y + 1, height: area.height - 2, ..area };
        frame.render_stateful_widget(bar, track, &mut state);
    }
    let column = app.layout.text_column();
    let column = column.intersection(Layout::inner(area));
    if column.is_empty() {
        return;
    }
    let end = (app.top + column.height as usize).min(app.wrapped.lines.len());
    // A block's inline marks serve each of its lines on screen: found once per block.
    let mut inline: Option<(usize, Marks)> = None;
    for (row, line) in app.wrapped.lines.get(app.top..end).unwrap_or(&[]).iter().enumerate() {
        if line.is_blank() {
            continue;
        }
        let item = line.item as usize;
        if inline.as_ref().is_none_or(|(i, _)| *i != item) {
            inline = Some((item, app.flow.inline(&app.doc, item)));
        }
        let marks = inline.as_ref().map_or(&[][..], |(_, m)| m.as_slice());
        let first = app.wrapped.is_first(app.top + row);
        let range = line.start as usize..line.end as usize;
        let built = build(app, item, range, first, marks, column.width as usize);
        frame.buffer_mut().set_line(column.x, column.y + row as u16, &built, column.width);
    }
}

/// A block's inline marks, as [`crate::tui::flow::Flow::inline`] gives them.
type Marks = Vec<(Range<usize>, Inline)>;

fn base_style(app: &App, item: usize) -> Style {
    let t = app.theme;
    match app.flow.items.get(item) {
        Some(Item::Crumbs | Item::Credit(_) | Item::Byline) => t.dim(),
        Some(Item::Title) => t.title(),
        Some(Item::Heading(_)) => t.heading(),
        Some(Item::Para(..)) => match app.flow.block(&app.doc, item).map(|b| &b.kind) {
            Some(BlockKind::Caption { .. }) => t.caption(),
            Some(BlockKind::Code { .. }) => t.code_block(),
            _ => t.text(),
        },
        None => t.text(),
    }
}

/// One line of an item: its prefix, then its text (a wrapped line, a line of code clipped
/// at the edge, a table row in its columns, an alert's label), styled and highlighted.
fn build(
    app: &App,
    item: usize,
    range: Range<usize>,
    first: bool,
    marks: &[(Range<usize>, Inline)],
    width: usize,
) -> Line<'static> {
    let t = app.theme;
    let text = app.flow.text(&app.doc, item);
    let shape = app.flow.shape(&app.doc, item);
    let base = base_style(app, item);
    let (layers, inserts) = decor(app, item, &range, marks);
    let mut spans = Vec::new();
    let prefix = shape::prefix(shape, width, first);
    let col = prefix.width();
    if !prefix.is_empty() {
        let style = if matches!(shape, Shape::Quote { .. }) { t.rule() } else { t.strong() };
        spans.push(Span::styled(prefix, style));
    }
    let room = width.saturating_sub(col);
    match shape {
        Shape::Quote { alert: Some(label), .. } if first && range.is_empty() => {
            spans.push(Span::styled(crate::tui::ui::fit(&alert_label(label), room), t.label()));
        }
        Shape::Code { .. } => {
            let (keep, cut) = text.get(range.clone()).map_or((0, false), |s| shape::clip(s, room));
            inline::spans(text, range.start..range.start + keep, base, &layers, &inserts, 0, &mut spans);
            if cut {
                spans.push(Span::styled(shape::CLIPPED, t.reference()));
            }
        }
        Shape::Table { rows } => {
            let starts = |r: &Vec<Range<usize>>| r.first().is_some_and(|c| c.start == range.start);
            let row = rows.partition_point(|r| r.first().is_some_and(|c| c.start < range.start));
            let row = if rows.get(row).is_some_and(starts) {
                row
            } else {
                rows.iter().position(starts).unwrap_or(row)
            };
            let base = if row == 0 { base.patch(t.label()) } else { base };
            let cells = rows.get(row).map_or(&[][..], Vec::as_slice);
            let widths = app.wrapped.columns(item);
            for (c, &w) in widths.iter().enumerate() {
                if c > 0 {
                    spans.push(Span::styled(shape::COLUMN_GAP, t.rule()));
                }
                let cell = cells.get(c).cloned().unwrap_or(0..0);
                // Room is kept for the numbers of the links in the cell.
                let inside = inserts.iter().filter(|i| cell.start < i.at && i.at <= cell.end);
                let room = w.saturating_sub(inside.map(|i| i.text.width()).sum());
                let (keep, cut) = text.get(cell.clone()).map_or((0, false), |s| shape::clip(s, room));
                let kept = cell.start..cell.start + keep;
                let used = inline::spans(text, kept, base, &layers, &inserts, 0, &mut spans);
                if cut {
                    spans.push(Span::styled(shape::ELLIPSIS, t.reference()));
                }
                let pad = w.saturating_sub(used + usize::from(cut));
                if pad > 0 && c + 1 < widths.len() {
                    spans.push(Span::raw(" ".repeat(pad)));
                }
            }
        }
        _ => {
            inline::spans(text, range, base, &layers, &inserts, 0, &mut spans);
        }
    }
    Line::from(spans)
}

/// "IMPORTANT" and "important" are shown "Important".
fn alert_label(label: &str) -> String {
    let mut chars = label.chars();
    chars
        .next()
        .map_or(String::new(), |c| c.to_uppercase().chain(chars.flat_map(char::to_lowercase)).collect())
}

/// The layers over a line's text (inline styles and links, then highlights on top) and the
/// link numbers drawn inside it.
fn decor(
    app: &App,
    item: usize,
    range: &Range<usize>,
    marks: &[(Range<usize>, Inline)],
) -> (Vec<Layer>, Vec<Insert>) {
    let t = app.theme;
    let overlaps = |r: &Range<usize>| r.start < range.end && range.start < r.end;
    let mut layers = Vec::new();
    let mut inserts = Vec::new();
    for (r, m) in marks.iter().filter(|(r, _)| overlaps(r) || r.end == range.end) {
        let style = match m {
            Inline::Style(StyleKind::Em) => t.em(),
            Inline::Style(StyleKind::Strong) => t.strong(),
            Inline::Style(StyleKind::Code) => t.code(),
            Inline::Link(n) => {
                inserts.push(Insert { at: r.end, text: flow::reference(*n), style: t.reference() });
                t.link()
            }
        };
        layers.push(Layer { range: r.clone(), style });
    }
    if let Some(m) = &app.marks {
        let mark = match m.source {
            Source::Search(_) => t.matched(),
            Source::Entity(_) => t.mention(),
        };
        for i in m.on_line(item, range.start, range.end) {
            let h = m.hits[i];
            let style = if i == m.current { mark.patch(t.current()) } else { mark };
            layers.push(Layer { range: h.start..h.end, style });
        }
    }
    (layers, inserts)
}
