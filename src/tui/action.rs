//! What the reader can be asked to do: every key, click and resize becomes one [`Action`],
//! and so does news from the loading thread; [`Effect`] is what `update` asks of the loop.

use super::load::Prepared;
use super::state::Position;
use crate::document::Entity;
use std::path::PathBuf;

/// One thing to do, independent of the key or event that asked for it.
///
/// Movement actions act on the focused pane: `LineDown` scrolls the reading pane but moves
/// the cursor in the section list or the sidebar.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// One line down (or the next item of a list).
    LineDown,
    /// One line up.
    LineUp,
    /// One screen down.
    PageDown,
    /// One screen up.
    PageUp,
    /// Half a screen down.
    HalfDown,
    /// Half a screen up.
    HalfUp,
    /// To the beginning.
    Top,
    /// To the end.
    Bottom,
    /// Bring the next heading to the top of the reading pane.
    NextSection,
    /// Bring the previous heading to the top of the reading pane.
    PrevSection,
    /// Focus the next visible pane.
    FocusNext,
    /// Focus the previous visible pane.
    FocusPrev,
    /// Open what is selected: jump to a section, select an entity, jump to a mention.
    Open,
    /// Show the details of the entity under the sidebar cursor (aliases, every mention).
    Details,
    /// Open the search prompt.
    Search,
    /// Open the prompt of a backward search.
    SearchBack,
    /// In a prompt: bring back the query before the one shown (Up).
    HistoryPrev,
    /// In a prompt: the query after the one shown (Down).
    HistoryNext,
    /// A digit of a count ("5" of `5j`).
    Digit(u8),
    /// Go to the count's percent of the text (`50%`).
    Percent,
    /// The next key names a mark to set (`m`).
    MarkSet,
    /// The next key names a mark to jump to (`'`).
    MarkJump,
    /// Set mark `a`–`z` here.
    SetMark(char),
    /// Jump to mark `a`–`z`.
    JumpMark(char),
    /// Back to where the reader was before the last jump (`''`, Ctrl-o).
    JumpBack,
    /// Narrow the text column.
    Narrower,
    /// Widen the text column.
    Wider,
    /// The text column at its default width.
    DefaultWidth,
    /// Draw the whole screen again (Ctrl-l).
    Redraw,
    /// Open the file in the editor at the line shown (`v`).
    Edit,
    /// In the sidebar: type a filter on the names.
    Filter,
    /// In the sidebar: list only the current section's entities, or all again.
    SectionOnly,
    /// A key that means nothing here, as the help would write it.
    Unknown(String),
    /// Next search match or entity mention.
    NextMatch,
    /// Previous search match or entity mention.
    PrevMatch,
    /// Close an overlay, or clear the search or entity selection.
    Clear,
    /// Fold or unfold the section under the section list's cursor (or the one it lies in).
    Fold,
    /// Fold every section that holds others, or unfold them all.
    FoldAll,
    /// Show or hide the section list.
    ToggleSections,
    /// Show or hide the sidebar.
    ToggleSidebar,
    /// Show or hide the help overlay.
    Help,
    /// Open the list of the document's links.
    Links,
    /// Follow link `n` of the document (numbered `n + 1` in the text and the list): a web
    /// page opens inside folio.
    FollowLink(usize),
    /// Hand the link under the link list's cursor to the system's browser.
    Browse,
    /// Hand link `n` to the system's browser.
    BrowseLink(usize),
    /// Back to the page before (after following a link).
    Back,
    /// Forward again to the page left by going back.
    Forward,
    /// Turn mouse capture on or off (off lets the terminal select text).
    ToggleMouse,
    /// Stop the process until the shell resumes it (Ctrl-Z).
    Suspend,
    /// Leave the reader; in the help or detail view, close it first.
    Quit,
    /// Leave the reader at once, from anywhere (Ctrl-C).
    QuitNow,
    /// A character typed into the search prompt.
    Input(char),
    /// Erase the last character of the search prompt.
    Erase,
    /// Run the search typed into the prompt.
    Submit,
    /// The loading thread's news: the start and the end of a long text, structured and
    /// wrapped, the middle still to come (what `G` shows at once).
    Tail(Box<Prepared>),
    /// The loading thread's news: the whole text, structured and wrapped.
    Loaded(Box<Prepared>),
    /// The loading thread's news: the entities of the whole text.
    Entities(Vec<Entity>),
    /// The loading thread's news: reading the rest failed, and why.
    LoadFailed(String),
    /// A saved reading position to go back to.
    Restore(Position),
    /// The document shown covers only this many input bytes; the rest is on its way.
    Partial(usize),
    /// A warning or note for the status line (a config file's problem, a corrupt state file).
    Say(String),
    /// The terminal now has this many columns and rows.
    Resize(u16, u16),
    /// The mouse wheel turned over a cell: positive `lines` scroll down.
    Wheel {
        /// Column of the pointer.
        col: u16,
        /// Row of the pointer.
        row: u16,
        /// Lines to scroll, negative for up.
        lines: i16,
    },
    /// A click on a cell.
    Click {
        /// Column of the pointer.
        col: u16,
        /// Row of the pointer.
        row: u16,
    },
}

/// What the event loop must do after an action, beyond drawing the next frame.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Leave the reader.
    Quit,
    /// Turn mouse reporting on (true) or off.
    Mouse(bool),
    /// Stop the process until the shell resumes it.
    Suspend,
    /// Forget the last frame and draw the whole screen.
    Redraw,
    /// Hand a web address to the system's opener.
    Open(String),
    /// Fetch a web address and open it inside folio (see [`super::nav::Browser`]).
    Follow(String),
    /// Open `path` in the editor at the line holding input byte `input`.
    Edit {
        /// The file.
        path: PathBuf,
        /// An input byte on the line to open at.
        input: usize,
    },
}
