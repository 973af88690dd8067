//! Structure recovery for plain text: title, breadcrumbs, captions, headings, paragraphs,
//! boilerplate and source, from the shapes scraped articles take.
//!
//! Steps: [`lines::raw_blocks`] splits and joins lines; [`boilerplate::classify`] sets aside
//! page furniture; fenced or indented code and "> " quotes are marked; the top of the article
//! yields breadcrumbs and title; repeated or credited short blocks become captions;
//! heading-shaped lines followed by body text become headings.

pub mod boilerplate;
pub mod book;
pub mod classify;
pub mod flow;
pub mod lines;

use super::{Block, BlockKind, Blocks, Clean};
use crate::document::{self, Passage, Reason};
use crate::ingest::byline::{byline, written_date};
use lines::Raw;
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
        p.map.copy_range(&clean.map, line.clone(), p.text.len());
        p.text.push_str(&clean.text[line.clone()]);
        prev_end = Some(line.end);
    }
    p.span = p.map.to_input(0..p.text.len());
    // A book has tens of thousands of passages, all kept: no room for growth they won't use.
    p.text.shrink_to_fit();
    p.map.shrink_to_fit();
    p
}

/// What structure recovery decided for one raw block.
#[derive(Debug, Clone, PartialEq)]
enum Role {
    Paragraph,
    /// The headline, from this byte of the block's text on.
    Title(usize),
    /// Crumbs, and how many bytes of the block's text they take (the rest is the title).
    Crumbs(Vec<String>, usize),
    Caption(Option<String>, usize),
    Heading(u8),
    Boilerplate(Reason),
    /// Code: these bytes of the clean text, verbatim, and the language a fence names.
    Code(Range<usize>, Option<String>),
    /// Part of the code block before it.
    Merged,
    /// Quoted lines, this deep.
    Quote(u8),
}

/// Recovers the blocks of a plain-text article.
pub fn parse(clean: &Clean) -> Blocks {
    let raws = lines::raw_blocks(&clean.text);
    let mut roles: Vec<Role> = boilerplate::classify(&raws)
        .into_iter()
        .map(|r| r.map_or(Role::Paragraph, Role::Boilerplate))
        .collect();
    let open = |roles: &[Role], i: usize| roles[i] == Role::Paragraph;
    // The next block still undecided after `i`.
    let next_open =
        |roles: &[Role], i: usize| (i + 1..raws.len()).find(|&j| !matches!(roles[j], Role::Boilerplate(_)));

    if let Some((start, end)) = book::gutenberg_bounds(&raws) {
        for (i, role) in roles.iter_mut().enumerate() {
            if i <= start || i >= end {
                *role = Role::Boilerplate(Reason::Licence);
            }
        }
        if let Some((i, from)) =
            raws[..start].iter().enumerate().find_map(|(i, r)| Some((i, book::metadata_title(r)?)))
        {
            roles[i] = Role::Title(from);
        }
    } else if let Some(end) = book::gutenberg_trailer(&raws) {
        for role in &mut roles[end..] {
            *role = Role::Boilerplate(Reason::Licence);
        }
    }
    code(&clean.text, &raws, &mut roles);
    for (raw, role) in raws.iter().zip(roles.iter_mut()) {
        if raw.quote > 0 && *role == Role::Paragraph {
            *role = Role::Quote(raw.quote);
        }
    }
    if !roles.iter().any(|r| matches!(r, Role::Title(_))) {
        top(&raws, &mut roles);
    }
    for i in 0..raws.len() {
        if !open(&roles, i) {
            continue;
        }
        // A block printed twice in a row (not more: that is a pattern of the text) is a
        // caption; the copy is set aside.
        let twin = |a: Option<usize>| a.is_some_and(|a| raws[a].text == raws[i].text);
        if let Some(j) = next_open(&roles, i)
            && raws[j].text == raws[i].text
            && raws[i].words() <= 60
            && open(&roles, j)
            && !twin(next_open(&roles, j))
            && !twin((0..i).rev().find(|&k| !matches!(roles[k], Role::Boilerplate(_))))
        {
            let (len, credit) = match classify::split_credit(&raws[i].text) {
                Some((n, c)) => (n, Some(c)),
                None => (raws[i].text.len(), None),
            };
            roles[i] = Role::Caption(credit, len);
            roles[j] = Role::Boilerplate(Reason::Duplicate);
            continue;
        }
        if raws[i].words() <= 40
            && let Some((len, credit)) = classify::split_credit(&raws[i].text)
            && len > 0
        {
            roles[i] = Role::Caption(Some(credit), len);
        }
    }
    let divisions = raws
        .iter()
        .zip(&roles)
        .filter(|(r, role)| **role == Role::Paragraph && book::division_rank(&r.text).is_some())
        .count();
    if divisions >= 2 {
        divisions_as_headings(&raws, &mut roles);
    } else {
        headings(&raws, &mut roles);
    }
    // A publisher names itself in the page furniture: the head, the foot, the boilerplate.
    let n = raws.len();
    let texts: Vec<&str> = raws
        .iter()
        .zip(&roles)
        .enumerate()
        .filter(|(i, (_, role))| *i < 8 || i + 12 >= n || matches!(role, Role::Boilerplate(_)))
        .map(|(_, (r, _))| r.text.as_str())
        .collect();
    let mut blocks = Blocks { source: classify::find_source(&texts), ..Blocks::default() };
    // Who wrote it and when: a "By NAME" line or a date line near the top, set aside when
    // that is all the block says.
    for (raw, role) in raws.iter().zip(roles.iter_mut()).take(8) {
        // Who is quoted is not who wrote.
        if raw.quote > 0 {
            continue;
        }
        let open = matches!(role, Role::Paragraph | Role::Heading(_));
        if blocks.byline.is_none()
            && let Some(names) = byline(&raw.text)
        {
            blocks.byline = Some(names);
            if open && raw.words() <= 16 {
                *role = Role::Boilerplate(Reason::Byline);
            }
        }
        if blocks.published.is_none()
            && raw.words() <= 16
            && let Some(date) = written_date(&raw.text)
        {
            blocks.published = Some(date);
            if open && raw.words() <= 6 {
                *role = Role::Boilerplate(Reason::Byline);
            }
        }
    }
    // Each half of a long text's blocks built on its own thread.
    let mut first: Vec<(&Raw, Role)> = raws.iter().zip(roles).collect();
    let bytes = clean.text.len();
    let second = first.split_off(crate::halfway(&first, bytes, |(raw, _)| raw.text.len()));
    let build = |pairs: Vec<(&Raw, Role)>| {
        let mut out = Vec::with_capacity(pairs.len());
        for (raw, role) in pairs {
            block(clean, raw, role, &mut out);
        }
        out
    };
    let (built, more) = crate::both(bytes > crate::PARALLEL_BYTES, || build(first), || build(second));
    blocks.blocks = built;
    blocks.blocks.extend(more);
    blocks
}

/// Marks code: the blocks from a ``` fence to its closing fence, and indented blocks dense
/// with symbols.
fn code(text: &str, raws: &[Raw], roles: &mut [Role]) {
    let mut i = 0;
    while i < raws.len() {
        if roles[i] != Role::Paragraph || raws[i].quote > 0 {
            i += 1;
            continue;
        }
        if let Some((close, lang)) = flow::fence(text, raws, i)
            && (i..=close).all(|j| roles[j] == Role::Paragraph)
        {
            let open = raws[i].lines[0].clone();
            let close_line = raws[close].lines.iter().rev().find(|l| text[(*l).clone()].starts_with("```"));
            let close_line = close_line.cloned().unwrap_or(open.clone());
            roles[i] = Role::Code(flow::fenced_code(text, open, close_line), lang);
            for role in &mut roles[i + 1..=close] {
                *role = Role::Merged;
            }
            i = close + 1;
            continue;
        }
        if flow::indented_code(text, &raws[i]) {
            roles[i] = Role::Code(flow::code_lines(text, &raws[i].lines), None);
        }
        i += 1;
    }
}

/// Decides breadcrumbs and title among the first undecided blocks.
fn top(raws: &[Raw], roles: &mut [Role]) {
    let mut open = (0..raws.len()).filter(|&i| roles[i] == Role::Paragraph);
    let Some(first) = open.next() else { return };
    let second = open.next();
    let a = &raws[first];
    if let Some(s) = second {
        let b = &raws[s];
        if classify::is_headline(b) {
            let third = open.next().map(|t| &raws[t].text);
            if a.text == b.text && third != Some(&a.text) {
                roles[first] = Role::Title(0);
                roles[s] = Role::Boilerplate(Reason::Duplicate);
                return;
            }
            // "Home News World The Headline" above "The Headline".
            if a.text.len() > b.text.len() && a.text.ends_with(&b.text) && a.lines.len() == 1 {
                let trail = a.text[..a.text.len() - b.text.len()]
                    .trim_end_matches([' ', '>', '›', '»', '/', '|', '·', '→', ':', '-', '–', '—']);
                roles[first] = Role::Crumbs(classify::split_crumbs(trail), trail.len());
                roles[s] = Role::Title(0);
                return;
            }
            if classify::looks_like_trail(&a.text) && a.lines.len() == 1 {
                roles[first] = Role::Crumbs(classify::split_crumbs(&a.text), a.text.len());
                roles[s] = Role::Title(0);
                return;
            }
        }
    }
    if classify::is_headline(a) && !a.text.ends_with(['.', '!']) || a.words() <= 12 {
        roles[first] = Role::Title(0);
    }
}

/// Longest subheading that may follow a heading directly ("Get in" / "By plane").
const SUBHEADING_WORDS: usize = 3;

/// Marks headings: in each run of short non-body blocks that ends at body text, the first
/// heading-shaped block is a heading; after it, only short sentence-case subheadings are, as
/// the title-case lines that follow a heading are usually picture captions.
fn headings(raws: &[Raw], roles: &mut [Role]) {
    let mut run: Vec<usize> = Vec::new();
    for i in 0..raws.len() {
        match roles[i] {
            Role::Boilerplate(_) | Role::Caption(..) => continue,
            Role::Paragraph if !classify::is_body(&raws[i]) => {
                run.push(i);
                continue;
            }
            // A quote is body text too.
            Role::Paragraph | Role::Quote(_) => {}
            _ => {
                run.clear();
                continue;
            }
        }
        // Body text at i closes the run before it; the line that leads into a list or a
        // quote is no heading ("They measured three things:", "She wrote:").
        let list = flow::item_marker(&raws[i].text).is_some() || matches!(roles[i], Role::Quote(_));
        if list && run.last().is_some_and(|&j| raws[j].text.ends_with(':')) {
            run.pop();
        }
        let mut previous_heading = false;
        for (n, &j) in run.iter().enumerate() {
            let text = &raws[j].text;
            let words = raws[j].words();
            let first = !run[..n].iter().any(|&k| classify::is_heading_like(&raws[k].text));
            let sub = previous_heading
                && words <= SUBHEADING_WORDS
                && (words == 1 || !classify::is_title_case(text));
            previous_heading = raws[j].lines.len() <= 2 && classify::is_heading_like(text) && (first || sub);
            if previous_heading {
                roles[j] = Role::Heading(1);
            }
        }
        run.clear();
    }
}

/// Marks the division headings of a long text ("BOOK ONE", "CHAPTER I"), nested by rank.
///
/// A run of divisions without body text between them is a table of contents, except its
/// last few lines of strictly smaller rank, which open the body ("BOOK ONE" then "CHAPTER I").
fn divisions_as_headings(raws: &[Raw], roles: &mut [Role]) {
    let ranks: Vec<Option<u8>> = raws
        .iter()
        .zip(roles.iter())
        .map(|(r, role)| if *role == Role::Paragraph { book::division_rank(&r.text) } else { None })
        .collect();
    let mut present: Vec<u8> = ranks.iter().flatten().copied().collect();
    present.sort_unstable();
    present.dedup();
    let level = |rank: u8| present.iter().position(|&r| r == rank).map_or(1, |p| p as u8 + 1);
    let mut run: Vec<usize> = Vec::new();
    for i in 0..=raws.len() {
        if i < raws.len() {
            if matches!(roles[i], Role::Boilerplate(_) | Role::Caption(..)) {
                continue;
            }
            if ranks[i].is_some() || (book::is_contents(&raws[i].text) && run.is_empty()) {
                run.push(i);
                continue;
            }
        }
        // Body text (or the end) closes the run: keep its tail of strictly growing rank.
        let mut keep = run.len();
        while keep > 0 {
            let Some(rank) = ranks[run[keep - 1]] else { break };
            if keep < run.len() && ranks[run[keep]].is_some_and(|next| next <= rank) {
                break;
            }
            keep -= 1;
        }
        let body_follows = i < raws.len();
        for (n, &j) in run.iter().enumerate() {
            roles[j] = match ranks[j] {
                Some(rank) if n >= keep && body_follows => Role::Heading(level(rank)),
                _ => Role::Boilerplate(Reason::Contents),
            };
        }
        run.clear();
    }
}

/// Body text: running text, or list items when its first line opens one (each line that
/// opens an item starts the next), with the web addresses in it as links.
fn body(clean: &Clean, raw: &Raw, out: &mut Vec<Block>) {
    let text = &clean.text;
    let first_is_item = raw.lines.first().is_some_and(|l| flow::item_marker(&text[l.clone()]).is_some());
    if !first_is_item {
        let p = passage(clean, &raw.lines);
        out.push(Block { links: flow::urls(&p), ..Block::new(BlockKind::Paragraph, p) });
        return;
    }
    let mut items: Vec<(String, u8, Vec<Range<usize>>)> = Vec::new();
    for line in &raw.lines {
        match flow::item_marker(&text[line.clone()]) {
            Some((marker, len)) => {
                let line_start = text[..line.start].rfind('\n').map_or(0, |n| n + 1);
                let depth = ((line.start - line_start) / 2 + 1).min(8) as u8;
                items.push((marker, depth, std::iter::once(line.start + len..line.end).collect()));
            }
            None => {
                if let Some(last) = items.last_mut() {
                    last.2.push(line.clone());
                }
            }
        }
    }
    for (marker, depth, lines) in items {
        let p = passage(clean, &lines);
        let links = flow::urls(&p);
        let flow = document::BlockKind::Item { marker, depth };
        out.push(Block { kind: BlockKind::Paragraph, passage: p, flow, links, styles: Vec::new() });
    }
}

/// The blocks for a raw block and its role, with passages cut to the parts they cover.
fn block(clean: &Clean, raw: &Raw, role: Role, out: &mut Vec<Block>) {
    let whole = || passage(clean, &raw.lines);
    let (kind, passage) = match role {
        Role::Paragraph => return body(clean, raw, out),
        Role::Merged => return,
        Role::Quote(depth) => {
            let p = passage(clean, &raw.lines);
            let flow = document::BlockKind::Quote { depth, alert: None };
            out.push(Block { links: flow::urls(&p), flow, ..Block::new(BlockKind::Paragraph, p) });
            return;
        }
        Role::Code(range, lang) => {
            let mut p = Passage { text: clean.text[range.clone()].to_string(), ..Passage::default() };
            p.map.copy_range(&clean.map, range, 0);
            p.span = p.map.to_input(0..p.text.len());
            if !p.text.trim().is_empty() {
                let flow = document::BlockKind::Code { lang, depth: 0 };
                out.push(Block { flow, ..Block::new(BlockKind::Paragraph, p) });
            }
            return;
        }
        Role::Title(from) => (BlockKind::Title, slice(clean, raw, from, raw.text.len())),
        Role::Heading(level) => {
            // A heading's final colon is dropped.
            let mut lines = raw.lines.clone();
            if raw.text.ends_with(':')
                && let Some(last) = lines.last_mut()
            {
                last.end -= 1;
                let trimmed = clean.text[last.clone()].trim_end().len();
                last.end = last.start + trimmed;
            }
            (BlockKind::Heading { level }, passage(clean, &lines))
        }
        Role::Crumbs(crumbs, len) => (BlockKind::Breadcrumbs(crumbs), slice(clean, raw, 0, len)),
        Role::Caption(credit, len) => (BlockKind::Caption { credit }, slice(clean, raw, 0, len)),
        Role::Boilerplate(reason) => (BlockKind::Boilerplate(reason), whole()),
    };
    out.push(Block::new(kind, passage));
}

/// The passage of bytes `from..to` of a raw block's joined text (lines joined by one space).
fn slice(clean: &Clean, raw: &Raw, from: usize, to: usize) -> Passage {
    let mut lines = Vec::new();
    let mut at = 0;
    for line in &raw.lines {
        let (start, end) = (at, at + line.len());
        let (s, e) = (start.max(from), end.min(to));
        if s < e {
            lines.push(line.start + (s - start)..line.start + (e - start));
        }
        at = end + 1;
    }
    passage(clean, &lines)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{decode, sanitize};

    fn kinds(input: &str) -> Vec<(String, String)> {
        let clean = sanitize(&decode(input.as_bytes()).unwrap());
        parse(&clean)
            .blocks
            .into_iter()
            .map(|b| {
                let k = match b.kind {
                    BlockKind::Breadcrumbs(c) => format!("crumbs {}", c.join("|")),
                    BlockKind::Title => "title".into(),
                    BlockKind::Caption { credit } => format!("caption {}", credit.unwrap_or_default()),
                    BlockKind::Heading { level } => format!("h{level}"),
                    BlockKind::Paragraph => "p".into(),
                    BlockKind::Boilerplate(r) => format!("boilerplate {r:?}"),
                };
                (k, b.passage.text)
            })
            .collect()
    }

    const BODY: &str = "The committee met on Tuesday to discuss the new budget, and the talks went on late.";

    #[test]
    fn crumbs_title_and_repeated_caption() {
        let input = format!(
            "Home > World > The Big Headline Here\n\nThe Big Headline Here\n\n\
             A Bridge at Dawn, Photo JANE DOE\nA Bridge at Dawn, Photo JANE DOE\n\n{BODY}\n"
        );
        let k = kinds(&input);
        assert_eq!(k[0], ("crumbs Home|World".into(), "Home > World".into()));
        assert_eq!(k[1], ("title".into(), "The Big Headline Here".into()));
        assert_eq!(k[2], ("caption JANE DOE".into(), "A Bridge at Dawn".into()));
        assert_eq!(k[3].0, "boilerplate Duplicate");
        assert_eq!(k[4].0, "p");
    }

    #[test]
    fn headings_need_body_after_them() {
        let input = format!("Title Line\n\n{BODY}\n\nWhat Happened Next:\n\n{BODY}\n\nA Lonely Last Line\n");
        let k = kinds(&input);
        assert_eq!(k[2], ("h1".into(), "What Happened Next".into()));
        assert_eq!(k[4].0, "p");
    }

    #[test]
    fn a_trailing_newsletter_prompt_is_boilerplate() {
        let input = format!("Title Line\n\n{BODY}\n\n{BODY}\n\nSign up for our newsletter\n");
        let k = kinds(&input);
        assert_eq!(k.last().map(|x| x.0.as_str()), Some("boilerplate Subscribe"));
    }
}
