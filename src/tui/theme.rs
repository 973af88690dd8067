//! Styles. Every state that matters (focus, current section, matches, mentions) is carried by
//! a modifier (bold, reverse, underline) first and colour second, so NO_COLOR loses nothing.

use ratatui::style::{Color, Modifier, Style};

/// Colours for a dark background, a light one, or the terminal's own sixteen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Palette {
    /// Light colours on a dark background.
    #[default]
    Dark,
    /// Dark colours on a light background.
    Light,
    /// Only the terminal's basic colours, as its own theme sets them.
    Terminal,
}

impl Palette {
    /// The palette of a config file's `theme = "…"`.
    pub fn parse(s: &str) -> Option<Palette> {
        match s {
            "dark" => Some(Palette::Dark),
            "light" => Some(Palette::Light),
            "terminal" => Some(Palette::Terminal),
            _ => None,
        }
    }

    /// The colour standing for `dark`'s colour in this palette.
    fn pick(self, dark: Color) -> Color {
        match self {
            Palette::Dark => dark,
            Palette::Light => match dark {
                Color::LightYellow => Color::Rgb(0x8a, 0x5a, 0x00),
                Color::LightCyan => Color::Rgb(0x00, 0x55, 0x8a),
                Color::LightGreen => Color::Rgb(0x1a, 0x6b, 0x1a),
                Color::LightMagenta => Color::Rgb(0x8a, 0x1a, 0x6b),
                Color::DarkGray => Color::Rgb(0xa0, 0xa0, 0xa0),
                other => other,
            },
            Palette::Terminal => match dark {
                Color::LightYellow => Color::Yellow,
                Color::LightCyan => Color::Cyan,
                Color::LightGreen => Color::Green,
                Color::LightMagenta => Color::Magenta,
                other => other,
            },
        }
    }
}

/// The styles of the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// False when NO_COLOR is set.
    pub color: bool,
    /// Which colours, when there are colours.
    pub palette: Palette,
}

impl Theme {
    /// Colour unless the NO_COLOR convention (<https://no-color.org>) says otherwise.
    pub fn from_env() -> Theme {
        Theme::new(std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()))
    }

    /// The dark palette, in colour or not.
    pub fn new(color: bool) -> Theme {
        Theme { color, palette: Palette::Dark }
    }

    fn fg(self, style: Style, color: Color) -> Style {
        if self.color { style.fg(self.palette.pick(color)) } else { style }
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
            Style::default().bg(self.palette.pick(Color::Yellow)).fg(Color::Black)
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
            let bg = self.palette.pick(Color::LightMagenta);
            let fg = if self.palette == Palette::Light { Color::White } else { Color::Black };
            Style::default().bg(bg).fg(fg).add_modifier(Modifier::BOLD)
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
        if self.color && self.palette != Palette::Terminal {
            let (bg, fg) = match self.palette {
                Palette::Light => (Color::Indexed(254), Color::Indexed(236)),
                _ => (Color::Indexed(236), Color::Indexed(250)),
            };
            Style::default().bg(bg).fg(fg)
        } else {
            Style::default().add_modifier(Modifier::REVERSED)
        }
    }
    /// The counter and messages in the status line.
    pub fn status_strong(self) -> Style {
        self.status().add_modifier(Modifier::BOLD)
    }
}
