//! What the reader can be asked to do: every key, click and resize becomes one [`Action`].

/// One thing to do, independent of the key or event that asked for it.
///
/// Movement actions act on the focused pane: `LineDown` scrolls the reading pane but moves
/// the cursor in the section list or the sidebar.
#[derive(Debug, Clone, PartialEq, Eq)]
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
    /// Follow link `n` of the document (numbered `n + 1` in the text and the list).
    FollowLink(usize),
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
