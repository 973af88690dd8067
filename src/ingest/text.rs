//! Structure recovery for plain text: title, breadcrumbs, captions, headings, paragraphs, boilerplate.

use super::{Block, BlockKind, Blocks, Clean};
use crate::document::Passage;
use std::ops::Range;

/// Builds a passage from trimmed line ranges of the clean text, joined with single spaces.
pub fn passage(clean: &Clean, lines: &[Range<usize>]) -> Passage {
    let mut p = Passage::default();
    let mut prev_end: Option<usize> = None;
    for line in lines {
        if line.is_empty() {
            continue;
        }
        if let Some(end) = prev_end {
            // The joining space stands for the line break and indentation between the lines.
            let gap = clean.map.to_input(end..line.start);
            p.map.push_replaced(p.text.len(), 1, gap.start, gap.len());
            p.text.push(' ');
        }
        let runs = clean.map.runs();
        let first = runs.partition_point(|r| r.text + r.text_len <= line.start);
        for run in &runs[first..] {
            if run.text >= line.end {
                break;
            }
            let (ts, te) = (run.text.max(line.start), (run.text + run.text_len).min(line.end));
            let at = p.text.len();
            if run.exact {
                p.map.push_exact(at, run.input + (ts - run.text), te - ts);
            } else {
                p.map.push_replaced(at, te - ts, run.input, run.input_len);
            }
            p.text.push_str(&clean.text[ts..te]);
        }
        prev_end = Some(line.end);
    }
    p.span = p.map.to_input(0..p.text.len());
    p
}

/// Recovers the blocks of a plain-text article.
pub fn parse(clean: &Clean) -> Blocks {
    let mut blocks = Blocks::default();
    let mut current: Vec<Range<usize>> = Vec::new();
    let mut offset = 0;
    let flush = |current: &mut Vec<Range<usize>>, blocks: &mut Blocks| {
        if current.is_empty() {
            return;
        }
        let kind = if blocks.blocks.is_empty() { BlockKind::Title } else { BlockKind::Paragraph };
        blocks.blocks.push(Block { kind, passage: passage(clean, current) });
        current.clear();
    };
    for line in clean.text.split('\n') {
        let start = offset;
        offset += line.len() + 1;
        let trimmed = line.trim();
        if trimmed.is_empty() {
            flush(&mut current, &mut blocks);
            continue;
        }
        let lead = line.len() - line.trim_start().len();
        current.push(start + lead..start + lead + trimmed.len());
    }
    flush(&mut current, &mut blocks);
    blocks
}
