//! The cleaned article as plain text, for pipes: headings underlined, bullets and numbers
//! with hanging indents, code indented and verbatim, tables in aligned columns, quotes behind
//! a bar, and links numbered [n] with their addresses listed at the end, as `lynx -dump` does.

use super::inline::{Mark, marks};
use crate::document::{Block, BlockKind, Document};
use std::fmt::Write as _;
use unicode_width::UnicodeWidthStr;

/// Width that list items and quotes are wrapped to (running text stays one line a paragraph).
const WIDTH: usize = 78;

/// The plain text of a document.
pub fn plain(doc: &Document) -> String {
    let mut out = String::new();
    if let Some(t) = &doc.title {
        let _ = writeln!(out, "{}\n{}\n", t.text, "=".repeat(t.text.width().clamp(1, WIDTH)));
    }
    let by = [doc.byline.as_deref().map(|b| format!("By {b}")), doc.published.clone()];
    let by: Vec<String> = by.into_iter().flatten().collect();
    if !by.is_empty() {
        let _ = writeln!(out, "{}\n", by.join(" · "));
    }
    let mut links: Vec<&str> = Vec::new();
    for s in &doc.sections {
        if let Some(h) = &s.heading {
            let rule = if s.level <= 1 { "-" } else { "~" };
            let _ = writeln!(out, "{}\n{}\n", h.text, rule.repeat(h.text.width().clamp(1, WIDTH)));
        }
        for (i, b) in s.paragraphs.iter().enumerate() {
            block(&mut out, b, links.len() + 1);
            links.extend(b.links.iter().map(|l| l.href.as_str()));
            // Items of one list stay together; everything else is followed by a blank line.
            let next_is_item = matches!(s.paragraphs.get(i + 1).map(|b| &b.kind), Some(BlockKind::Item { marker, .. }) if !marker.is_empty());
            if !(matches!(b.kind, BlockKind::Item { .. }) && next_is_item) {
                out.push('\n');
            }
        }
    }
    if !links.is_empty() {
        let _ = writeln!(out, "References\n");
        let w = links.len().to_string().len();
        for (i, href) in links.iter().enumerate() {
            let _ = writeln!(out, "  {:>w$}. {href}", i + 1);
        }
    }
    // The caller ends the text with one line break.
    while out.ends_with('\n') {
        out.pop();
    }
    out
}

/// A block's text with each link's number after its text ("the notes[3]").
fn numbered(b: &Block, first_link: usize) -> String {
    let mut ends: Vec<(usize, usize)> = marks(b, first_link)
        .into_iter()
        .filter_map(|(r, m)| match m {
            Mark::Link(n) => Some((r.end, n)),
            Mark::Style(_) => None,
        })
        .collect();
    ends.sort_unstable();
    let mut s = String::with_capacity(b.text.len() + ends.len() * 4);
    let mut at = 0;
    for (end, n) in ends {
        s.push_str(&b.text[at..end]);
        let _ = write!(s, "[{n}]");
        at = end;
    }
    s.push_str(&b.text[at..]);
    s
}

fn block(out: &mut String, b: &Block, first_link: usize) {
    match &b.kind {
        BlockKind::Text => {
            let _ = writeln!(out, "{}", numbered(b, first_link));
        }
        BlockKind::Item { marker, depth } => {
            let indent = 2 * (*depth as usize).saturating_sub(1);
            let lead = format!("{}{marker} ", " ".repeat(indent));
            // A further paragraph of an item hangs under the item's text.
            let hang = " ".repeat(indent + if marker.is_empty() { 2 } else { marker.width() + 1 });
            let first = if marker.is_empty() { hang.clone() } else { lead };
            wrap_into(out, &numbered(b, first_link), &first, &hang);
        }
        BlockKind::Code { depth, .. } => {
            // In a list, under the item's text.
            let indent = " ".repeat(4 + 2 * *depth as usize);
            for line in b.text.lines() {
                let _ = writeln!(out, "{indent}{line}");
            }
        }
        BlockKind::Quote { depth, alert } => {
            let bar = "│ ".repeat((*depth).max(1) as usize);
            if let Some(a) = alert {
                let _ = writeln!(out, "{bar}{a}:");
            }
            wrap_into(out, &numbered(b, first_link), &bar, &bar);
        }
        BlockKind::Table { rows } => table(out, b, rows),
        BlockKind::Caption { credit } => match credit {
            Some(c) => {
                let _ = writeln!(out, "[{}] ({c})", b.text);
            }
            None => {
                let _ = writeln!(out, "[{}]", b.text);
            }
        },
    }
}

/// Cells padded to their column's width, the header row underlined.
fn table(out: &mut String, b: &Block, rows: &[Vec<std::ops::Range<usize>>]) {
    let cell = |r: &std::ops::Range<usize>| b.text.get(r.clone()).unwrap_or("");
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut widths = vec![0; cols];
    for row in rows {
        for (i, c) in row.iter().enumerate() {
            widths[i] = widths[i].max(cell(c).width());
        }
    }
    for (n, row) in rows.iter().enumerate() {
        let mut line = String::new();
        for (i, w) in widths.iter().enumerate() {
            let text = row.get(i).map_or("", cell);
            if i + 1 < cols {
                let _ = write!(line, "{text}{}  ", " ".repeat(w - text.width()));
            } else {
                line.push_str(text);
            }
        }
        let _ = writeln!(out, "  {}", line.trim_end());
        if n == 0 && rows.len() > 1 {
            let rule: Vec<String> = widths.iter().map(|w| "-".repeat((*w).max(1))).collect();
            let _ = writeln!(out, "  {}", rule.join("  "));
        }
    }
}

/// Words wrapped to [`WIDTH`], the first line after `first`, the others after `rest`.
fn wrap_into(out: &mut String, text: &str, first: &str, rest: &str) {
    let mut line = first.to_string();
    let mut empty = true;
    for word in text.split_whitespace() {
        if !empty && line.width() + 1 + word.width() > WIDTH {
            let _ = writeln!(out, "{}", line.trim_end());
            line = rest.to_string();
            empty = true;
        }
        if !empty {
            line.push(' ');
        }
        line.push_str(word);
        empty = false;
    }
    let _ = writeln!(out, "{}", line.trim_end());
}
