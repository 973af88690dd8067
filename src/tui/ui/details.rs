//! The entity detail view: what the entity is, its aliases, and every mention in its sentence.

use crate::document::EntityKind;
use crate::tui::app::{App, Details};
use crate::tui::layout::Layout;
use crate::tui::marks::Hit;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Rows from the top of the box to the first mention (border, four header rows, a rule).
pub const HEADER_ROWS: usize = 5;

/// The box of the detail view: as tall as its mentions need, within the screen.
pub fn area(layout: &Layout, d: &Details) -> Rect {
    layout.centred(90, (HEADER_ROWS + 1 + d.hits.len()).min(u16::MAX as usize) as u16)
}

/// How many mentions the box shows at once.
pub fn mention_rows(area: Rect) -> usize {
    (area.height as usize).saturating_sub(HEADER_ROWS + 1).max(1)
}

/// Draws the details of `d.entity` in `area`.
pub fn render(frame: &mut Frame, area: Rect, app: &App, d: &Details) {
    let t = app.theme;
    let Some(e) = app.doc.entities.get(d.entity) else { return };
    super::clear(frame, area);
    frame.render_widget(super::pane(&e.name, true, t), area);
    let inner = Layout::inner(area);
    // A cell of margin inside the frame on each side.
    let inner = Rect { x: inner.x + 1, width: inner.width.saturating_sub(2), ..inner };
    let w = inner.width as usize;
    let kind = match e.kind {
        EntityKind::Person => "Person",
        EntityKind::Place => "Place",
        EntityKind::Organization => "Organisation",
        EntityKind::Event => "Event",
    };
    let mut about = vec![kind.to_string()];
    about.extend(e.role.iter().map(|r| format!("role: {r}")));
    about.extend(e.date.iter().map(|r| format!("when: {r}")));
    about.extend(e.place.iter().map(|r| format!("where: {r}")));
    let aliases = if e.aliases.is_empty() { "none".to_string() } else { e.aliases.join(", ") };
    let header = [
        Line::from(Span::styled(super::fit(&about.join(" · "), w), t.dim())),
        Line::from(vec![
            Span::styled("Also called: ", t.dim()),
            Span::raw(super::fit(&aliases, w.saturating_sub(13))),
        ]),
        Line::from(Span::styled(
            format!(
                "{} mention{} · Enter jumps · Esc closes",
                d.hits.len(),
                if d.hits.len() == 1 { "" } else { "s" }
            ),
            t.group(),
        )),
    ];
    let buf = frame.buffer_mut();
    for (y, line) in header.iter().enumerate().take(inner.height as usize) {
        buf.set_line(inner.x, inner.y + y as u16, line, inner.width);
    }
    let first = (HEADER_ROWS - 1) as u16;
    let room = inner.height.saturating_sub(first) as usize;
    let mut list = d.list;
    list.reveal(room);
    for (y, (i, hit)) in d.hits.iter().enumerate().skip(list.offset).take(room).enumerate() {
        let cursor = i == list.cursor;
        let line = snippet(app, *hit, w, if cursor { t.cursor(true) } else { t.text() }, t.mention());
        buf.set_line(inner.x, inner.y + first + y as u16, &line, inner.width);
    }
}

/// The sentence around a mention, cut to `width` cells with the mention kept in view.
fn snippet(app: &App, hit: Hit, width: usize, base: Style, mark: Style) -> Line<'static> {
    let text = app.flow.text(&app.doc, hit.item);
    let (s, e) = sentence(text, hit.start, hit.end);
    let (Some(before), Some(name), Some(after)) =
        (text.get(s..hit.start), text.get(hit.start..hit.end), text.get(hit.end..e))
    else {
        return Line::default();
    };
    // Which section the mention is in, named as the status line names it, so the list
    // reads as a map of the text.
    let section = app.flow.item_section.get(hit.item).map_or(String::new(), |&s| {
        let path = crate::tui::toc::path(&app.doc.sections, s);
        let name = path.last().map_or(crate::tui::toc::OPENING, |n| n);
        format!("{} ", super::fit(name, (width / 4).max(4)))
    });
    let room = width.saturating_sub(section.width());
    let name = super::fit(name, room);
    let side = room.saturating_sub(name.width());
    let (before, after) = (before.trim_start(), after.trim_end());
    let before = super::fit_left(before, (side / 2).max(side.saturating_sub(after.width())));
    let after = super::fit(after, side.saturating_sub(before.width()));
    let mut line = Line::from(vec![
        Span::styled(section, base.patch(app.theme.dim())),
        Span::styled(before, base),
        Span::styled(name, base.patch(mark)),
        Span::styled(after, base),
    ]);
    let used = line.width();
    line.spans.push(Span::styled(" ".repeat(width.saturating_sub(used)), base));
    line
}

/// The byte range of the sentences around `start..end`.
fn sentence(text: &str, start: usize, end: usize) -> (usize, usize) {
    let mut s = 0;
    let mut e = text.len();
    for (i, sent) in text.split_sentence_bound_indices() {
        if i <= start {
            s = i;
        }
        if i + sent.len() >= end {
            e = i + sent.len();
            break;
        }
    }
    (s, e)
}

#[cfg(test)]
mod tests {
    use super::sentence;

    #[test]
    fn the_sentence_of_a_mention() {
        let text = "First one. Then Miami hosts talks. Last.";
        let at = text.find("Miami").unwrap_or(0);
        let (s, e) = sentence(text, at, at + 5);
        assert_eq!(text[s..e].trim(), "Then Miami hosts talks.");
    }
}
