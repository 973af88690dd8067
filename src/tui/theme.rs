//! Styles. Every state that matters (focus, current section, matches, mentions) is carried by
//! a modifier (bold, reverse, underline) first and colour second, so NO_COLOR loses nothing.

use ratatui::style::{Color, Modifier, Style};

/// The styles of the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// False when NO_COLOR is set.
    pub color: bool,
}

impl Theme {
    /// Colour unless the NO_COLOR convention (<https://no-color.org>) says otherwise.
    pub fn from_env() -> Theme {
        Theme { color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) }
    }

    fn fg(self, style: Style, color: Color) -> Style {
        if self.color { style.fg(color) } else { style }
    }

    /// Body text.
    pub fn text(self) -> Style {
        Style::default()
    }
    /// Breadcrumbs, credits, notes: quiet.
    pub fn dim(self) -> Style {
        Style::default().add_modifier(Modifier::DIM)
    }
    /// The headline.
    pub fn title(self) -> Style {
        self.fg(Style::default().add_modifier(Modifier::BOLD), Color::LightYellow)
    }
    /// Section headings.
    pub fn heading(self) -> Style {
        self.fg(Style::default().add_modifier(Modifier::BOLD), Color::LightCyan)
    }
    /// A caption.
    pub fn caption(self) -> Style {
        Style::default().add_modifier(Modifier::ITALIC)
    }
    /// Emphasis (`em`, `i`, `*x*`).
    pub fn em(self) -> Style {
        Style::default().add_modifier(Modifier::ITALIC)
    }
    /// Strong emphasis (`strong`, `b`, `**x**`).
    pub fn strong(self) -> Style {
        Style::default().add_modifier(Modifier::BOLD)
    }
    /// Code inside a line: reversed without colour, a quiet background with it.
    pub fn code(self) -> Style {
        if self.color {
            Style::default().bg(Color::Indexed(237)).fg(Color::Indexed(216))
        } else {
            Style::default().add_modifier(Modifier::REVERSED)
        }
    }
    /// A code block's text (its margin and line-by-line layout mark it without colour).
    pub fn code_block(self) -> Style {
        self.fg(Style::default(), Color::Indexed(216))
    }
    /// A link's text.
    pub fn link(self) -> Style {
        self.fg(Style::default().add_modifier(Modifier::UNDERLINED), Color::LightBlue)
    }
    /// A link's reference number, and the marks of a cut (an ellipsis, a clipped line).
    pub fn reference(self) -> Style {
        self.fg(Style::default().add_modifier(Modifier::DIM), Color::LightBlue)
    }
    /// A link's address in the link list.
    pub fn link_address(self) -> Style {
        self.fg(Style::default(), Color::LightBlue)
    }
    /// The bars before a quotation, and a table's column rules.
    pub fn rule(self) -> Style {
        self.fg(Style::default().add_modifier(Modifier::DIM), Color::DarkGray)
    }
    /// An alert's label ("Important") and a table's header row.
    pub fn label(self) -> Style {
        self.fg(Style::default().add_modifier(Modifier::BOLD), Color::LightMagenta)
    }
    /// A search match.
    pub fn matched(self) -> Style {
        if self.color {
            Style::default().bg(Color::Yellow).fg(Color::Black)
        } else {
            Style::default().add_modifier(Modifier::UNDERLINED)
        }
    }
    /// An entity's mention.
    pub fn mention(self) -> Style {
        self.fg(Style::default().add_modifier(Modifier::UNDERLINED | Modifier::BOLD), Color::LightGreen)
    }
    /// The current match or mention: reversed without colour, a strong colour with it.
    pub fn current(self) -> Style {
        if self.color {
            Style::default().bg(Color::LightMagenta).fg(Color::Black).add_modifier(Modifier::BOLD)
        } else {
            Style::default().add_modifier(Modifier::REVERSED | Modifier::BOLD)
        }
    }
    /// A pane's border.
    pub fn border(self, focused: bool) -> Style {
        if focused {
            self.fg(Style::default().add_modifier(Modifier::BOLD), Color::LightCyan)
        } else {
            self.fg(Style::default(), Color::DarkGray)
        }
    }
    /// A pane's title.
    pub fn pane_title(self, focused: bool) -> Style {
        if focused {
            Style::default().add_modifier(Modifier::REVERSED | Modifier::BOLD)
        } else {
            Style::default().add_modifier(Modifier::BOLD)
        }
    }
    /// The list row under the cursor of the focused list.
    pub fn cursor(self, focused: bool) -> Style {
        if focused {
            Style::default().add_modifier(Modifier::REVERSED)
        } else {
            Style::default().add_modifier(Modifier::UNDERLINED)
        }
    }
    /// The section being read, in the section list.
    pub fn current_section(self) -> Style {
        self.fg(Style::default().add_modifier(Modifier::BOLD), Color::LightYellow)
    }
    /// Group headers in the sidebar.
    pub fn group(self) -> Style {
        self.fg(Style::default().add_modifier(Modifier::BOLD), Color::LightMagenta)
    }
    /// The selected entity in the sidebar.
    pub fn selected(self) -> Style {
        self.fg(Style::default().add_modifier(Modifier::BOLD | Modifier::UNDERLINED), Color::LightGreen)
    }
    /// The status line.
    pub fn status(self) -> Style {
        if self.color {
            Style::default().bg(Color::Indexed(236)).fg(Color::Indexed(250))
        } else {
            Style::default().add_modifier(Modifier::REVERSED)
        }
    }
    /// The counter and messages in the status line.
    pub fn status_strong(self) -> Style {
        self.status().add_modifier(Modifier::BOLD)
    }
}
