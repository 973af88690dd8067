//! What a block of a page is in the flow: list items with their markers, code with its
//! language, quotes (with GitHub's alert kinds), tables of cells, and the inline styles of its
//! text.

use super::dom::{Dom, NodeId, NodeKind};
use crate::document::{self, StyleKind};
use crate::ingest::passage::join_cells;
use crate::ingest::{Block, BlockKind};

/// Inline styles as bits of a text run: emphasis, strong, code.
pub const STYLES: [(u8, StyleKind); 3] = [(1, StyleKind::Em), (2, StyleKind::Strong), (4, StyleKind::Code)];

/// The style bit an element sets on the text inside it.
pub fn style_bit(name: &str) -> u8 {
    match name {
        "em" | "i" | "cite" | "dfn" => 1,
        "strong" | "b" => 2,
        "code" | "kbd" | "samp" | "tt" => 4,
        _ => 0,
    }
}

/// The language of a code block, from a `language-x` or `lang-x` class on the `pre` or on a
/// `code` inside it.
pub fn lang(dom: &Dom, pre: NodeId) -> Option<String> {
    let code = dom.descendants(pre).into_iter().find(|&d| dom.name(d) == "code");
    [Some(pre), code].into_iter().flatten().find_map(|id| {
        let class = dom.element(id)?.attr("class")?;
        class.split_whitespace().find_map(|c| {
            let l = c.strip_prefix("language-").or_else(|| c.strip_prefix("lang-"))?;
            let ok = !l.is_empty()
                && l.len() <= 32
                && l.chars().all(|c| c.is_ascii_alphanumeric() || "+-#_.".contains(c));
            ok.then(|| l.to_ascii_lowercase())
        })
    })
}

/// An open list item: its element, marker and depth, and whether a block took the marker.
#[derive(Debug)]
struct Item {
    li: NodeId,
    marker: String,
    depth: u8,
    used: bool,
}

/// The lists open at a point of the walk.
#[derive(Debug, Default)]
pub struct Lists {
    /// The next number of each open list; none for a bulleted one.
    lists: Vec<Option<u64>>,
    items: Vec<Item>,
}

impl Lists {
    /// The walk enters an element.
    pub fn enter(&mut self, dom: &Dom, id: NodeId) {
        let e = dom.element(id);
        match dom.name(id) {
            "ul" | "menu" => self.lists.push(None),
            "ol" => {
                let start = e.and_then(|e| e.attr("start")).and_then(|s| s.trim().parse::<u64>().ok());
                self.lists.push(Some(start.unwrap_or(1)));
            }
            "li" => {
                let value = e.and_then(|e| e.attr("value")).and_then(|s| s.trim().parse::<u64>().ok());
                let marker = match self.lists.last_mut() {
                    Some(Some(n)) => {
                        let at = value.unwrap_or(*n);
                        *n = at.saturating_add(1);
                        format!("{at}.")
                    }
                    _ => "•".to_string(),
                };
                let depth = self.lists.len().clamp(1, u8::MAX as usize) as u8;
                self.items.push(Item { li: id, marker, depth, used: false });
            }
            _ => {}
        }
    }

    /// The walk leaves an element.
    pub fn exit(&mut self, dom: &Dom, id: NodeId) {
        match dom.name(id) {
            "ul" | "menu" | "ol" => {
                self.lists.pop();
            }
            "li" if self.items.last().is_some_and(|i| i.li == id) => {
                self.items.pop();
            }
            _ => {}
        }
    }

    /// The kind of a body block inside the innermost open item: the item's marker for its
    /// first block, none for the blocks that continue it.
    pub fn item(&mut self) -> Option<document::BlockKind> {
        let item = self.items.last_mut()?;
        let marker = if item.used { String::new() } else { item.marker.clone() };
        item.used = true;
        Some(document::BlockKind::Item { marker, depth: item.depth })
    }
}

/// A table cell met by the walk: the body block holding its text (none for an empty cell),
/// its row and its table.
#[derive(Debug, Clone, Copy)]
pub struct Cell {
    /// The block read from the cell's own text.
    pub block: Option<usize>,
    /// The `tr`.
    pub row: NodeId,
    /// The `table`.
    pub table: NodeId,
}

/// The cells of each table of plain cells become one table block (cells joined within a row
/// by " | ", rows by line breaks), each separator standing for the markup between two cells.
/// A row whose cells hold other blocks (a layout table) stays as it is, and so does a table
/// of one column.
pub fn join_tables(dom: &Dom, blocks: &mut Vec<Block>, cells: &[Cell]) {
    let plain_row = |row: &[Cell]| {
        let cols =
            dom.nodes[row[0].row].children.iter().filter(|&&c| matches!(dom.name(c), "td" | "th")).count();
        row.len() == cols && row.iter().any(|c| c.block.is_some())
    };
    let rows: Vec<&[Cell]> = cells.chunk_by(|a, b| a.row == b.row).filter(|r| plain_row(r)).collect();
    let mut gone = vec![false; blocks.len()];
    for table in rows.chunk_by(|a, b| a[0].table == b[0].table) {
        let indices: Vec<usize> = table.iter().flat_map(|r| r.iter().filter_map(|c| c.block)).collect();
        let consecutive = indices.windows(2).all(|w| w[1] == w[0] + 1);
        if !consecutive || table.iter().all(|r| r.len() < 2) {
            continue;
        }
        let Some(&first) = indices.first() else { continue };
        let (mut styles, mut links) = (Vec::new(), Vec::new());
        let passages = table
            .iter()
            .map(|r| {
                r.iter()
                    .map(|c| {
                        let Some(i) = c.block else { return Default::default() };
                        styles.append(&mut blocks[i].styles);
                        links.append(&mut blocks[i].links);
                        gone[i] = i != first;
                        std::mem::take(&mut blocks[i].passage)
                    })
                    .collect()
            })
            .collect();
        let (passage, rows) = join_cells(passages);
        let flow = document::BlockKind::Table { rows };
        blocks[first] = Block { kind: BlockKind::Paragraph, passage, flow, styles, links };
    }
    let mut k = 0;
    blocks.retain(|_| {
        k += 1;
        !gone[k - 1]
    });
}

/// GitHub's alert kinds, as their markers write them ("[!IMPORTANT]" gives "Important").
const ALERTS: [&str; 5] = ["Note", "Tip", "Important", "Warning", "Caution"];

/// The alert a quote opens with, as the Markdown reader reads "> [!NOTE]": the quote's first
/// shown text starts with the marker.
pub fn alert(dom: &Dom, quote: NodeId, dropped: &[bool]) -> Option<String> {
    let first = dom.descendants(quote).into_iter().find_map(|d| match dom.nodes[d].kind {
        NodeKind::Text(t) if !dropped[d] && !dom.texts[t].text.trim().is_empty() => Some(t),
        _ => None,
    })?;
    let text = dom.texts[first].text.trim_start();
    let kind = text.strip_prefix("[!")?;
    let kind = &kind[..kind.find(']')?];
    ALERTS.into_iter().find(|k| k.eq_ignore_ascii_case(kind)).map(str::to_string)
}

/// The bytes an alert marker takes at the start of a block's text, with the space after it.
pub fn alert_marker(text: &str) -> Option<usize> {
    let rest = text.strip_prefix("[!")?;
    let end = rest.find(']')?;
    ALERTS.iter().any(|k| k.eq_ignore_ascii_case(&rest[..end])).then(|| {
        let after = &text[end + 3..];
        text.len() - after.trim_start().len()
    })
}
