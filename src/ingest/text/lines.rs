//! Lines to raw blocks: blank-line separation, hard-wrapped lines joined, quoted lines
//! ("> ") apart from the rest and joined by their depth.

use super::flow::quote_marker;
use std::ops::Range;

/// A run of lines that reads as one unit (paragraph, heading, caption…), before classification.
#[derive(Debug, Clone, PartialEq)]
pub struct Raw {
    /// Trimmed line ranges of the clean text.
    pub lines: Vec<Range<usize>>,
    /// The lines joined with single spaces, for classification.
    pub text: String,
    /// Number of whitespace-separated words, counted once.
    words: usize,
    /// For quoted lines, how deep they are quoted (their markers are not in `lines`); 0 for
    /// the rest.
    pub quote: u8,
}

impl Raw {
    /// A raw block of these lines and their joined text.
    pub fn new(lines: Vec<Range<usize>>, text: String) -> Self {
        let words = text.split_whitespace().count();
        Raw { lines, text, words, quote: 0 }
    }

    /// Number of whitespace-separated words.
    pub fn words(&self) -> usize {
        self.words
    }
}

/// Trimmed, non-empty lines grouped by blank lines.
fn groups(text: &str) -> Vec<Vec<Range<usize>>> {
    let mut groups = Vec::new();
    let mut current = Vec::new();
    let mut offset = 0;
    for line in text.split('\n') {
        let start = offset;
        offset += line.len() + 1;
        let trimmed = line.trim();
        if trimmed.is_empty() {
            if !current.is_empty() {
                groups.push(std::mem::take(&mut current));
            }
            continue;
        }
        let lead = line.len() - line.trim_start().len();
        current.push(start + lead..start + lead + trimmed.len());
    }
    if !current.is_empty() {
        groups.push(current);
    }
    groups
}

/// A group's lines in runs of one quoting depth (0 for lines not quoted), the quoted ones cut
/// after their markers. A line of markers alone ends its run, as a blank line ends a
/// paragraph.
fn quote_runs(text: &str, group: Vec<Range<usize>>) -> Vec<(u8, Vec<Range<usize>>)> {
    if !group.iter().any(|l| text[l.clone()].starts_with('>')) {
        return vec![(0, group)];
    }
    let mut runs: Vec<(u8, Vec<Range<usize>>)> = Vec::new();
    let mut open = false;
    for line in group {
        let (depth, line) = match quote_marker(&text[line.clone()]) {
            Some((depth, len)) => (depth, line.start + len..line.end),
            None => (0, line),
        };
        if line.is_empty() {
            open = false;
            continue;
        }
        match runs.last_mut() {
            Some((d, lines)) if open && *d == depth => lines.push(line),
            _ => runs.push((depth, vec![line])),
        }
        open = true;
    }
    runs
}

/// The width the text was hard-wrapped at, if it was: most lines of multi-line groups are
/// within a narrow band below a common maximum.
fn wrap_width(text: &str, groups: &[Vec<Range<usize>>]) -> Option<usize> {
    let mut lens: Vec<usize> = groups
        .iter()
        .filter(|g| g.len() > 1)
        .flat_map(|g| g.iter().map(|r| text[r.clone()].chars().count()))
        .collect();
    let all_lines: usize = groups.iter().map(Vec::len).sum();
    if lens.len() < 4 || lens.len() * 3 < all_lines {
        return None;
    }
    lens.sort_unstable();
    let p90 = lens[lens.len() * 9 / 10];
    (p90 <= 120).then_some(p90)
}

fn ends_sentence(s: &str) -> bool {
    let s = s.trim_end_matches(['"', '\'', '”', '’', ')', ']']);
    s.ends_with(['.', '!', '?', ':'])
}

/// Splits the clean text into raw blocks.
///
/// In hard-wrapped text a group's lines are joined, except where a line ends a sentence well
/// short of the wrap width (a paragraph ended without a blank line). In text that is not
/// hard-wrapped, each line is a block of its own: scraped pages often put one paragraph per line.
/// Quoted lines of one depth are one block, wrapped or not, as in Markdown.
pub fn raw_blocks(text: &str) -> Vec<Raw> {
    let mut first = groups(text);
    let width = wrap_width(text, &first);
    // Groups are read alone: each half of a long text's groups on its own thread.
    let bytes = |g: &Vec<Range<usize>>| g.iter().map(|l| l.len() + 1).sum::<usize>();
    let second = first.split_off(crate::halfway(&first, text.len(), bytes));
    let (mut out, more) = crate::both(
        text.len() > crate::PARALLEL_BYTES,
        || blocks_of(text, first, width),
        || blocks_of(text, second, width),
    );
    out.extend(more);
    out
}

/// The raw blocks of some of the text's groups, hard-wrapped at `width` if at all.
fn blocks_of(text: &str, groups: Vec<Vec<Range<usize>>>, width: Option<usize>) -> Vec<Raw> {
    let mut out = Vec::with_capacity(groups.len());
    let make = |lines: Vec<Range<usize>>| {
        let mut joined = String::with_capacity(lines.iter().map(|r| r.len() + 1).sum());
        for (i, r) in lines.iter().enumerate() {
            if i > 0 {
                joined.push(' ');
            }
            joined.push_str(&text[r.clone()]);
        }
        Raw::new(lines, joined)
    };
    for (quote, group) in groups.into_iter().flat_map(|g| quote_runs(text, g)) {
        if quote > 0 {
            out.push(Raw { quote, ..make(group) });
            continue;
        }
        let Some(width) = width else {
            // One paragraph per line, except where a line plainly continues the sentence
            // of the line before (it starts in lowercase).
            let mut current: Vec<Range<usize>> = Vec::new();
            for line in group {
                let continues = text[line.clone()].chars().next().is_some_and(char::is_lowercase);
                if !continues && !current.is_empty() {
                    out.push(make(std::mem::take(&mut current)));
                }
                current.push(line);
            }
            out.push(make(current));
            continue;
        };
        let mut current: Vec<Range<usize>> = Vec::new();
        for (i, line) in group.iter().enumerate() {
            current.push(line.clone());
            let Some(next) = group.get(i + 1) else { break };
            let s = &text[line.clone()];
            let len = s.chars().count();
            let next_word = text[next.clone()].split_whitespace().next().map_or(0, |w| w.chars().count());
            // A line that would have had room for the next word ended on purpose.
            let short = len + 1 + next_word < width.saturating_sub(width / 8);
            let first_short_title = i == 0 && short && !ends_sentence(s) && len * 2 < width;
            if (short && ends_sentence(s)) || first_short_title {
                out.push(make(std::mem::take(&mut current)));
            }
        }
        if !current.is_empty() {
            out.push(make(current));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<String> {
        raw_blocks(s).into_iter().map(|r| r.text).collect()
    }

    #[test]
    fn one_paragraph_per_line_when_not_wrapped() {
        let long = format!("Word {}", "word ".repeat(40));
        let s = format!("{long}\n{long}\n\n{long}");
        assert_eq!(texts(&s).len(), 3);
    }

    #[test]
    fn a_line_starting_in_lowercase_continues_the_one_before() {
        let s = "One line that was broken in the middle of the\nsentence by a careless editor.\nA new one.";
        assert_eq!(texts(s).len(), 2);
    }

    #[test]
    fn quoted_lines_are_blocks_by_depth() {
        let s =
            "She wrote:\n> The ferry runs again\n> from Monday.\n>\n> Bring a coat.\n> > Said twice.\nBack.";
        let got: Vec<(u8, String)> = raw_blocks(s).into_iter().map(|r| (r.quote, r.text)).collect();
        let want = [
            (0, "She wrote:"),
            (1, "The ferry runs again from Monday."),
            (1, "Bring a coat."),
            (2, "Said twice."),
            (0, "Back."),
        ];
        assert_eq!(got, want.map(|(d, t)| (d, t.to_string())));
    }

    #[test]
    fn hard_wrapped_lines_are_joined() {
        let s = "This is a paragraph that was wrapped at a fixed width by\n\
                 an editor long ago, so its lines all end near the same\n\
                 column and must be joined back into one paragraph.\n\n\
                 A second paragraph follows it after a blank line and it\n\
                 is wrapped in just the same way as the first one was.\n";
        let t = texts(s);
        assert_eq!(t.len(), 2);
        assert!(t[0].starts_with("This is") && t[0].ends_with("one paragraph."));
        assert!(t[0].contains("by an editor"));
    }

    #[test]
    fn a_short_sentence_end_splits_wrapped_paragraphs() {
        let s = "The first paragraph runs over two lines of about the same\n\
                 width and ends here.\n\
                 The second one starts on the next line without any blank\n\
                 line between them, which older texts sometimes do here.\n\
                 And a third line keeps the width so that wrapping is seen.\n";
        assert_eq!(texts(s).len(), 2);
    }
}
