//! The list of the document's links, opened with `o`: a row each with its number, text and
//! address, the current section's first link selected. Enter asks for
//! [`Action::FollowLink`], which opens a web page inside folio (see [`super::nav`]); `O`
//! for [`Action::BrowseLink`], which hands it to the system's browser.

use super::action::{Action, Effect};
use super::app::{App, Overlay};
use super::layout::Layout;
use super::list::List;
use super::opener;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

/// The link list's state: a cursor over the document's links, in reading order (link `n`
/// is numbered `n + 1`, as in the text).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LinkList {
    /// The link under the cursor and the first row shown.
    pub list: List,
}

/// What an action comes to while the list is open.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Handled here; the list stays open.
    Stay,
    /// The list closes.
    Close,
    /// The list closes and the reader goes on with this action.
    Then(Action),
    /// Not the list's business (a resize, a quit at once): the reader handles it.
    Pass,
}

impl LinkList {
    /// A list of `len` links with link `first` under the cursor, in a box of `height` rows.
    pub fn new(first: usize, len: usize, height: usize) -> LinkList {
        let mut list = List::default();
        list.select(first, len, height);
        LinkList { list }
    }

    /// Moves the cursor, closes, or follows the link under the cursor.
    pub fn handle(&mut self, action: &Action, len: usize, height: usize) -> Outcome {
        let cursor = self.list.cursor;
        let page = height.max(2) - 1;
        let to = match action {
            Action::LineDown => cursor + 1,
            Action::LineUp => cursor.saturating_sub(1),
            Action::PageDown => cursor + page,
            Action::PageUp => cursor.saturating_sub(page),
            Action::HalfDown => cursor + height / 2,
            Action::HalfUp => cursor.saturating_sub(height / 2),
            Action::Top => 0,
            Action::Bottom => len.saturating_sub(1),
            Action::Open if len > 0 => return Outcome::Then(Action::FollowLink(cursor)),
            Action::Browse if len > 0 => return Outcome::Then(Action::BrowseLink(cursor)),
            Action::Open | Action::Clear | Action::Quit | Action::Links => return Outcome::Close,
            Action::Resize(..)
            | Action::QuitNow
            | Action::Suspend
            | Action::FollowLink(_)
            | Action::BrowseLink(_) => {
                return Outcome::Pass;
            }
            _ => return Outcome::Stay,
        };
        self.list.select(to, len, height);
        Outcome::Stay
    }
}

/// Opens the list on the current section's first link (or the first after it).
pub fn open(app: &mut App) {
    let len = app.flow.links.len();
    if len == 0 {
        app.message = Some("no links in this document".to_string());
        return;
    }
    let item = app.flow.section_item.get(app.current_section()).copied().unwrap_or(0);
    let first = app.flow.first_link_from(item).min(len - 1);
    app.overlay = Overlay::Links(LinkList::new(first, len, rows(area(&app.layout, len))));
}

/// Sends an action to the list when it is open: `Some` when the list dealt with it (with
/// what the reader must do then), `None` when the reader handles it as usual.
pub fn handle(app: &mut App, action: &Action) -> Option<Option<Effect>> {
    let Overlay::Links(list) = &mut app.overlay else { return None };
    let len = app.flow.links.len();
    let height = rows(area(&app.layout, len));
    match list.handle(action, len, height) {
        Outcome::Stay => Some(None),
        Outcome::Close => {
            app.overlay = Overlay::None;
            Some(None)
        }
        Outcome::Then(next) => {
            app.overlay = Overlay::None;
            Some(super::update(app, next))
        }
        Outcome::Pass => None,
    }
}

/// Follows link `n`: a web address goes to the event loop, to open inside folio or, when
/// `outside`, in the system's browser (said in the status line); another (mailto) is only
/// shown.
pub fn follow(app: &mut App, n: usize, outside: bool) -> Option<Effect> {
    let (_, link) = app.flow.link(&app.doc, n)?;
    let href = crate::ingest::sanitize::scrub(&link.href);
    if opener::is_web(&href) && outside {
        app.message = Some(format!("opening {href}"));
        Some(Effect::Open(href))
    } else if opener::is_web(&href) {
        Some(Effect::Follow(href))
    } else {
        app.message = Some(format!("not a web link: {href}"));
        None
    }
}

/// The list's box: as tall as its links need, within the screen.
pub fn area(layout: &Layout, len: usize) -> Rect {
    layout.centred(100, (len.max(1) + 2).min(u16::MAX as usize) as u16)
}

/// Links shown at once in a box.
pub fn rows(area: Rect) -> usize {
    (Layout::inner(area).height as usize).max(1)
}

/// Draws the list in `area`.
pub fn render(frame: &mut Frame, area: Rect, app: &App, state: &LinkList) {
    let t = app.theme;
    let len = app.flow.links.len();
    super::ui::clear(frame, area);
    let title = format!("Links {len} · Enter opens · O in the browser · Esc closes");
    frame.render_widget(super::ui::pane(&title, true, t), area);
    let inner = Layout::inner(area);
    let width = inner.width as usize;
    if len == 0 {
        let line = Line::from(Span::styled(" no links in this document", t.dim()));
        frame.buffer_mut().set_line(inner.x, inner.y, &line, inner.width);
        return;
    }
    let mut list = state.list;
    list.reveal(rows(area));
    let number_w = len.to_string().len() + 2;
    for (y, n) in (list.offset..len).take(inner.height as usize).enumerate() {
        let Some((_, link)) = app.flow.link(&app.doc, n) else { continue };
        let base = if n == list.cursor { t.cursor(true) } else { t.text() };
        let number = format!("{:>w$} ", format!("[{}]", n + 1), w = number_w);
        let text = crate::ingest::sanitize::scrub(&link.text);
        let href = crate::ingest::sanitize::scrub(&link.href);
        // The text takes up to half the row, the address the rest.
        let room = width.saturating_sub(number.width() + 1);
        let text = super::ui::fit(text.trim(), (room / 2).max(room.saturating_sub(href.width() + 2)));
        let href = super::ui::fit(&href, room.saturating_sub(text.width() + 2));
        let mut line = Line::from(vec![
            Span::styled(number, base.patch(t.dim())),
            Span::styled(text.clone(), base),
            Span::styled("  ", base),
            Span::styled(href, base.patch(t.link_address())),
        ]);
        let used = line.width();
        line.spans.push(Span::styled(" ".repeat(width.saturating_sub(used)), base));
        frame.buffer_mut().set_line(inner.x, inner.y + y as u16, &line, inner.width);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_moves_closes_and_follows() {
        let mut l = LinkList::new(2, 5, 3);
        assert_eq!(l.handle(&Action::LineDown, 5, 3), Outcome::Stay);
        assert_eq!(l.list.cursor, 3);
        l.handle(&Action::PageDown, 5, 3);
        assert_eq!(l.list.cursor, 4, "clamped to the last link");
        l.handle(&Action::Top, 5, 3);
        assert_eq!((l.list.cursor, l.list.offset), (0, 0));
        assert_eq!(l.handle(&Action::Open, 5, 3), Outcome::Then(Action::FollowLink(0)));
        assert_eq!(l.handle(&Action::Browse, 5, 3), Outcome::Then(Action::BrowseLink(0)));
        assert_eq!(l.handle(&Action::Open, 0, 3), Outcome::Close);
        assert_eq!(l.handle(&Action::Clear, 5, 3), Outcome::Close);
        assert_eq!(l.handle(&Action::Resize(80, 24), 5, 3), Outcome::Pass);
        assert_eq!(l.handle(&Action::Search, 5, 3), Outcome::Stay);
    }
}
