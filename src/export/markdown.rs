//! The cleaned article as Markdown (`--markdown`): front matter with the author, date and
//! address, the title, headings, lists, code fences, tables, quotes, emphasis and links.
//!
//! What it writes, folio's Markdown reader reads back into the same blocks: text is escaped
//! wherever Markdown would read it as markup, and marks that cross each other are not written.

use super::inline::{Mark, marks};
use crate::document::{Block, BlockKind, Document, StyleKind};
use std::fmt::Write as _;
use std::ops::Range;

/// The Markdown of a document.
pub fn markdown(doc: &Document) -> String {
    let mut out = String::new();
    let meta = [("author", &doc.byline), ("date", &doc.published), ("url", &doc.url)];
    if meta.iter().any(|(_, v)| v.is_some()) {
        out.push_str("---\n");
        for (key, value) in meta {
            if let Some(v) = value {
                let _ = writeln!(out, "{key}: {}", yaml_string(v));
            }
        }
        out.push_str("---\n\n");
    }
    if let Some(t) = &doc.title {
        let _ = writeln!(out, "# {}\n", escape(&t.text, true));
    }
    let mut link = 1;
    for s in &doc.sections {
        if let Some(h) = &s.heading {
            let hashes = "#".repeat((s.level as usize + 1).min(6));
            let _ = writeln!(out, "{hashes} {}\n", escape(&h.text, true));
        }
        let mut items: Vec<usize> = Vec::new();
        for (i, b) in s.paragraphs.iter().enumerate() {
            block(&mut out, b, link, &mut items);
            link += b.links.len();
            let next = s.paragraphs.get(i + 1).map(|b| &b.kind);
            let tight = matches!(b.kind, BlockKind::Item { .. })
                && matches!(next, Some(BlockKind::Item { marker, .. }) if !marker.is_empty());
            if !tight {
                out.push('\n');
            }
            // A list goes on through its items and the code inside them.
            let in_list = |k: &BlockKind| match k {
                BlockKind::Item { .. } => true,
                BlockKind::Code { depth, .. } => *depth > 0,
                _ => false,
            };
            if !next.is_some_and(in_list) {
                items.clear();
            }
        }
    }
    while out.ends_with('\n') {
        out.pop();
    }
    out
}

/// A YAML scalar in double quotes.
fn yaml_string(s: &str) -> String {
    let escaped: String = s
        .chars()
        .filter(|c| !c.is_control())
        .flat_map(|c| match c {
            '"' | '\\' => vec!['\\', c],
            c => vec![c],
        })
        .collect();
    format!("\"{escaped}\"")
}

/// Text escaped so that Markdown reads it as text: every character that could open markup,
/// and at the start of a block the characters that would make it a heading, list or quote.
fn escape(text: &str, at_start: bool) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (i, c) in text.char_indices() {
        let start = at_start && i == 0;
        let needs = match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '~' | '|' | '&' | '!' | '$' => true,
            '-' | '+' | '=' => start,
            '.' | ')' => at_start && text[..i].chars().all(|d| d.is_ascii_digit()) && i > 0,
            _ => false,
        };
        if needs {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A block's text with its styles and links written as Markdown.
fn inline(b: &Block, first_link: usize) -> String {
    inline_in(b, first_link, 0..b.text.len(), true)
}

/// The part `range` of a block's text with the styles and links inside it written as
/// Markdown; `block_start` when it starts a block.
fn inline_in(b: &Block, first_link: usize, range: Range<usize>, block_start: bool) -> String {
    let text = &b.text;
    let marks: Vec<_> = marks(b, first_link)
        .into_iter()
        .filter(|(r, _)| range.start <= r.start && r.end <= range.end)
        .collect();
    let mut out = String::with_capacity(text.len() + marks.len() * 4);
    // Marks open at `start` and close at `end`; the innermost closes first.
    let mut open: Vec<(usize, Mark)> = Vec::new();
    let mut at = range.start;
    let mut next = marks.into_iter().peekable();
    let close = |out: &mut String, m: Mark| match m {
        Mark::Style(StyleKind::Em) => out.push('*'),
        Mark::Style(StyleKind::Strong) => out.push_str("**"),
        Mark::Style(StyleKind::Code) => {}
        Mark::Link(n) => {
            let href = b.links.get(n - first_link).map_or("", |l| l.href.as_str());
            let _ = write!(out, "]({})", href.replace(' ', "%20").replace('(', "%28").replace(')', "%29"));
        }
    };
    loop {
        let close_at = open.last().map(|(end, _)| *end);
        let open_at = next.peek().map(|(r, _)| r.start);
        let pos = match (close_at, open_at) {
            (Some(c), Some(o)) => c.min(o),
            (Some(c), None) => c,
            (None, Some(o)) => o,
            (None, None) => break,
        };
        out.push_str(&escape(&text[at..pos], block_start && at == range.start));
        at = pos;
        if close_at == Some(pos) {
            if let Some((_, m)) = open.pop() {
                close(&mut out, m);
            }
            continue;
        }
        let Some((r, m)) = next.next() else { break };
        match m {
            Mark::Style(StyleKind::Code) => {
                // Code is written whole, its text as it is, and nothing nests in it.
                let code = &text[r.clone()];
                let ticks = "`".repeat(longest_run(code, '`') + 1);
                let pad = if code.starts_with('`') || code.ends_with('`') { " " } else { "" };
                let _ = write!(out, "{ticks}{pad}{code}{pad}{ticks}");
                at = r.end;
                while next.peek().is_some_and(|(n, _)| n.start < r.end) {
                    next.next();
                }
            }
            Mark::Style(StyleKind::Em) => out.push('*'),
            Mark::Style(StyleKind::Strong) => out.push_str("**"),
            Mark::Link(_) => out.push('['),
        }
        if !matches!(m, Mark::Style(StyleKind::Code)) {
            open.push((r.end, m));
        }
    }
    out.push_str(&escape(&text[at..range.end], block_start && at == range.start));
    out
}

fn longest_run(s: &str, c: char) -> usize {
    s.split(|x| x != c).map(str::len).max().unwrap_or(0)
}

/// Writes one block. `items` holds the content indent of each open list level.
fn block(out: &mut String, b: &Block, first_link: usize, items: &mut Vec<usize>) {
    match &b.kind {
        BlockKind::Text => {
            let _ = writeln!(out, "{}", inline(b, first_link));
        }
        BlockKind::Item { marker, depth } => {
            let depth = (*depth).max(1) as usize;
            items.truncate(depth);
            let indent = if depth > 1 { items.get(depth - 2).copied().unwrap_or(2 * (depth - 1)) } else { 0 };
            let pad = " ".repeat(indent);
            if marker.is_empty() {
                // A further paragraph of the item, under its text.
                let under = items.get(depth - 1).copied().unwrap_or(indent + 2);
                let _ = writeln!(out, "{}{}", " ".repeat(under), inline(b, first_link));
                return;
            }
            let md_marker = if marker == "•" { "-".to_string() } else { marker.clone() };
            items.resize(depth - 1, indent);
            items.push(indent + md_marker.len() + 1);
            let _ = writeln!(out, "{pad}{md_marker} {}", inline(b, first_link));
        }
        BlockKind::Code { lang, depth } => {
            let fence = "`".repeat((longest_run(&b.text, '`') + 1).max(3));
            // Code of a list item stands under the item's text, so that it stays in the item.
            let depth = *depth as usize;
            let under = match depth {
                0 => 0,
                d => items.get(d - 1).copied().unwrap_or(2 * d),
            };
            let pad = " ".repeat(under);
            let _ = writeln!(out, "{pad}{fence}{}", lang.as_deref().unwrap_or(""));
            for line in b.text.split('\n') {
                let pad = if line.is_empty() { "" } else { pad.as_str() };
                let _ = writeln!(out, "{pad}{line}");
            }
            let _ = writeln!(out, "{pad}{fence}");
        }
        BlockKind::Quote { depth, alert } => {
            let bar = "> ".repeat((*depth).max(1) as usize);
            if let Some(a) = alert {
                let _ = writeln!(out, "{bar}[!{}]", a.to_uppercase());
            }
            let _ = writeln!(out, "{bar}{}", inline(b, first_link));
        }
        BlockKind::Table { rows } => {
            let cols = rows.iter().map(Vec::len).max().unwrap_or(0).max(1);
            for (n, row) in rows.iter().enumerate() {
                let cells: Vec<String> = (0..cols)
                    .map(|i| row.get(i).map_or(String::new(), |r| inline_in(b, first_link, r.clone(), false)))
                    .collect();
                let _ = writeln!(out, "| {} |", cells.join(" | "));
                if n == 0 {
                    let _ = writeln!(out, "|{}", " --- |".repeat(cols));
                }
            }
        }
        BlockKind::Caption { credit } => {
            // A figure: an image alone in its paragraph, the caption its alt text, the credit
            // its title (the picture itself is not part of the document).
            let credit =
                credit.as_deref().map(|c| format!(" \"{}\"", c.replace('"', "\\\""))).unwrap_or_default();
            let _ = writeln!(out, "![{}](<>{credit})", escape(&b.text, false));
        }
    }
}
