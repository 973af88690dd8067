//! Finding the article in a page: which elements are dropped, which are furniture, and which
//! subtree holds the main content.
//!
//! Furniture is known by tag, ARIA role or class/id cue, and by shape where the markup names
//! nothing ([`furniture_shape`]): a run of like siblings that are mostly links (teaser lists,
//! menus, tag lists), a short bar of links without text (share and follow icons), and a card
//! of an image and links inside a paragraph (a hover preview), which is dropped.
//!
//! The scoring follows Readability.js, the extractor browsers' reader modes grew from: every
//! paragraph-like element gives points (one, plus its commas, plus its length in hundreds of
//! characters up to three) to its parent and, halved and thirded, to the ancestors above;
//! class and id cues and the tag add or take points; link density scales the total down. The
//! best candidate may then give way to an ancestor that scores better, and its siblings join
//! it when they score well or read like prose.

use super::cues::{Cue, classify};
use super::dom::{Dom, NodeId, NodeKind};
use crate::document::Reason;
use std::collections::HashMap;

/// Elements whose content is never article text.
const DROPPED: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "iframe", "head", "button", "select", "input",
    "textarea", "canvas", "object", "embed", "video", "audio", "map", "dialog", "title", "meta", "link",
];

/// Per-node facts the extraction needs.
#[derive(Debug)]
pub struct Analysis {
    /// Never shown: scripts, styles, hidden elements.
    pub dropped: Vec<bool>,
    /// Furniture by tag, role or class/id cue, inherited by descendants.
    pub furniture: Vec<Option<Reason>>,
    /// Characters of visible text under the node (whitespace runs count once).
    pub text_len: Vec<u32>,
    /// Of which inside links.
    pub link_len: Vec<u32>,
    /// Links with a target under the node, and of those the ones without text (icons).
    pub links: Vec<u32>,
    pub bare_links: Vec<u32>,
    /// Commas in that text.
    pub commas: Vec<u32>,
    /// Class/id cue of the node itself.
    pub cue: Vec<Cue>,
    /// Inside an element whose class says it is a caption.
    pub caption: Vec<bool>,
}

impl Analysis {
    /// Share of the node's text inside links.
    pub fn link_density(&self, id: NodeId) -> f32 {
        let t = self.text_len[id];
        if t == 0 { 0.0 } else { self.link_len[id] as f32 / t as f32 }
    }
}

fn hidden(dom: &Dom, id: NodeId) -> bool {
    let Some(e) = dom.element(id) else { return false };
    if e.attr("hidden").is_some() || e.attr("aria-hidden") == Some("true") {
        return true;
    }
    e.attr("style").is_some_and(|s| {
        let s: String = s.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
        s.contains("display:none") || s.contains("visibility:hidden")
    })
}

/// Furniture by tag or ARIA role.
fn furniture_tag(dom: &Dom, id: NodeId) -> Option<Reason> {
    let e = dom.element(id)?;
    let by_role = match e.attr("role").unwrap_or("") {
        "navigation" | "menubar" | "menu" => Some(Reason::Navigation),
        "banner" | "contentinfo" | "complementary" => Some(Reason::Outside),
        _ => None,
    };
    by_role.or(match e.name.as_str() {
        "nav" => Some(Reason::Navigation),
        "footer" | "aside" | "header" => Some(Reason::Outside),
        "form" if e.attr("role") == Some("search") => Some(Reason::Navigation),
        _ => None,
    })
}

/// Computes the per-node facts.
pub fn analyse(dom: &Dom) -> Analysis {
    let n = dom.nodes.len();
    let mut a = Analysis {
        dropped: vec![false; n],
        furniture: vec![None; n],
        text_len: vec![0; n],
        link_len: vec![0; n],
        links: vec![0; n],
        bare_links: vec![0; n],
        commas: vec![0; n],
        cue: vec![Cue::None; n],
        caption: vec![false; n],
    };
    // Parents come before children in node order, so one forward pass inherits and one
    // backward pass sums.
    for id in 1..n {
        let p = dom.nodes[id].parent;
        a.dropped[id] = a.dropped[p] || DROPPED.contains(&dom.name(id)) || hidden(dom, id);
    }
    for id in (1..n).rev() {
        if a.dropped[id] {
            continue;
        }
        if let NodeKind::Text(t) = dom.nodes[id].kind {
            let text = &dom.texts[t].text;
            let mut len = 0u32;
            let mut space = true;
            for c in text.chars() {
                if c.is_whitespace() {
                    if !space {
                        len += 1;
                    }
                    space = true;
                } else {
                    len += 1;
                    space = false;
                }
                if matches!(c, ',' | '，' | '、') {
                    a.commas[id] += 1;
                }
            }
            a.text_len[id] = len;
        }
        if dom.name(id) == "a" {
            a.link_len[id] = a.text_len[id];
            if dom.element(id).is_some_and(|e| e.attr("href").is_some()) {
                a.links[id] += 1;
                a.bare_links[id] += u32::from(a.text_len[id] == 0);
            }
        }
        let p = dom.nodes[id].parent;
        a.text_len[p] += a.text_len[id];
        a.link_len[p] += a.link_len[id];
        a.links[p] += a.links[id];
        a.bare_links[p] += a.bare_links[id];
        a.commas[p] += a.commas[id];
    }
    drop_cards(dom, &mut a);
    // A wrapper holding most of the page is not furniture whatever its class says
    // ("page has-sidebar").
    let total = find(dom, "body").map_or(a.text_len[0], |b| a.text_len[b]).max(1);
    let runs = linky_runs(dom, &a);
    for id in 1..n {
        let p = dom.nodes[id].parent;
        let name = dom.name(id);
        if let Some(e) = dom.element(id) {
            let mut ci = String::new();
            for key in ["class", "id"] {
                if let Some(v) = e.attr(key) {
                    ci.push_str(v);
                    ci.push(' ');
                }
            }
            a.cue[id] = classify(&ci);
        }
        // A caption is short; a page-wide class that mentions captions is not one.
        let short = a.text_len[id] < 400 && !matches!(name, "body" | "html" | "main" | "article");
        a.caption[id] = a.caption[p] || name == "figcaption" || (a.cue[id] == Cue::Caption && short);
        if a.furniture[p].is_some() {
            a.furniture[id] = a.furniture[p];
            continue;
        }
        let wrapper = a.text_len[id] * 2 > total && a.link_density(id) < 0.4;
        if wrapper || matches!(name, "body" | "html" | "main" | "article" | "a") {
            continue;
        }
        let furniture = furniture_tag(dom, id)
            .or(match a.cue[id] {
                Cue::Negative(r) => Some(r),
                Cue::Mixed(r @ (Reason::Related | Reason::Navigation))
                    if a.link_density(id) >= MIXED_LINKS =>
                {
                    Some(r)
                }
                _ => None,
            })
            .or_else(|| furniture_shape(dom, &a, &runs, id));
        a.furniture[id] = furniture;
    }
    a
}

/// Share of text in links from which an element whose class names both the article and a
/// list of links elsewhere ("content-recirculation", "post-nav") is furniture. An embedded
/// post ("social-media-embed") is short and may be mostly links, and stays.
const MIXED_LINKS: f32 = 0.5;

/// Longest text of a bar of icons, in characters: "Follow us on" and a row of logos.
const BAR_TEXT: u32 = 40;
/// Fewest like siblings that make a teaser list.
const RUN: usize = 3;

/// Furniture by shape, for an element no tag or cue marks: a short bar of links without text
/// (share and follow icons, with their label), or a member of a run of like siblings that
/// are mostly links ([`linky_runs`]).
fn furniture_shape(dom: &Dom, a: &Analysis, runs: &[Option<Reason>], id: NodeId) -> Option<Reason> {
    if a.bare_links[id] >= 2 && a.text_len[id] <= BAR_TEXT && !a.caption[id] && !holds_figure(dom, id) {
        return Some(Reason::Share);
    }
    runs[id]
}

fn holds_figure(dom: &Dom, id: NodeId) -> bool {
    dom.descendants(id).into_iter().any(|d| matches!(dom.name(d), "figure" | "figcaption"))
}

/// The runs of like siblings (same tag and class, [`RUN`] or more) most of which are short
/// and mostly links: a list of headlines, a menu, a list of tags. The whole run goes, its
/// members with a line of text too.
fn linky_runs(dom: &Dom, a: &Analysis) -> Vec<Option<Reason>> {
    let mut out = vec![None; dom.nodes.len()];
    let mut groups: HashMap<(&str, &str), Vec<NodeId>> = HashMap::new();
    for (p, node) in dom.nodes.iter().enumerate() {
        if node.children.len() < RUN || a.dropped[p] || a.link_density(p) < 0.4 {
            continue;
        }
        groups.clear();
        for &c in &node.children {
            let Some(e) = dom.element(c) else { continue };
            if a.text_len[c] > 0
                && matches!(e.name.as_str(), "li" | "div" | "article" | "section" | "dt" | "dd")
            {
                groups.entry((e.name.as_str(), e.attr("class").unwrap_or(""))).or_default().push(c);
            }
        }
        for run in groups.values().filter(|r| r.len() >= RUN) {
            let linky = run.iter().filter(|&&c| a.link_density(c) >= 0.5 && a.text_len[c] < 300).count();
            if linky * 3 < run.len() * 2 {
                continue;
            }
            // Headlines run to several words; menu and tag entries to a word or two.
            let chars = run.iter().map(|&c| a.link_len[c]).sum::<u32>() / run.len() as u32;
            let reason = if chars >= 25 { Reason::Related } else { Reason::Navigation };
            for &c in run {
                out[c] = Some(reason);
            }
        }
    }
    out
}

/// Whether the first thing an element shows is an image, before any text.
fn opens_with_image(dom: &Dom, a: &Analysis, id: NodeId) -> bool {
    dom.descendants(id)
        .into_iter()
        .find(|&d| {
            dom.name(d) == "img" || (matches!(dom.nodes[d].kind, NodeKind::Text(_)) && a.text_len[d] > 0)
        })
        .is_some_and(|d| dom.name(d) == "img")
}

/// Drops a card of an image and links set inside a paragraph (a preview shown on hover), and
/// takes its text out of its ancestors' counts.
fn drop_cards(dom: &Dom, a: &mut Analysis) {
    let n = dom.nodes.len();
    let mut in_p = vec![false; n];
    for id in 1..n {
        let p = dom.nodes[id].parent;
        in_p[id] = in_p[p] || (dom.name(p) == "p");
        let card = in_p[id]
            && !a.dropped[id]
            && matches!(dom.name(id), "span" | "div")
            && a.links[id] >= 2
            && a.text_len[id] > 0
            && a.link_len[id] == a.text_len[id]
            && opens_with_image(dom, a, id);
        if !card {
            continue;
        }
        let (t, l, k, c) = (a.text_len[id], a.link_len[id], a.links[id], a.commas[id]);
        let b = a.bare_links[id];
        for d in dom.descendants(id) {
            a.dropped[d] = true;
        }
        let mut anc = p;
        loop {
            a.text_len[anc] -= t;
            a.link_len[anc] -= l;
            a.links[anc] -= k;
            a.bare_links[anc] -= b;
            a.commas[anc] -= c;
            if anc == 0 {
                break;
            }
            anc = dom.nodes[anc].parent;
        }
    }
}

/// The first element with this name.
pub fn find(dom: &Dom, name: &str) -> Option<NodeId> {
    (0..dom.nodes.len()).find(|&i| dom.name(i) == name)
}

fn tag_weight(name: &str) -> f32 {
    match name {
        "article" => 10.0,
        "div" | "main" | "section" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    }
}

fn cue_weight(cue: Cue) -> f32 {
    match cue {
        Cue::Positive | Cue::Mixed(_) => 25.0,
        Cue::Negative(_) => -25.0,
        Cue::None | Cue::Caption => 0.0,
    }
}

/// The elements holding the article, in document order: the best candidate and the siblings
/// that belong with it.
pub fn main_content(dom: &Dom, a: &Analysis) -> Vec<NodeId> {
    let n = dom.nodes.len();
    let mut score = vec![f32::NAN; n];
    let usable = |id: NodeId| !a.dropped[id] && a.furniture[id].is_none();
    for id in 1..n {
        if !usable(id) {
            continue;
        }
        let name = dom.name(id);
        let paragraph_like = matches!(name, "p" | "pre" | "td" | "blockquote")
            || (matches!(name, "div" | "section" | "article" | "li" | "span" | "font")
                && direct_text(dom, a, id) >= 25);
        if !paragraph_like || a.text_len[id] < 25 {
            continue;
        }
        let points = 1.0 + a.commas[id] as f32 + (a.text_len[id] as f32 / 100.0).min(3.0);
        let mut anc = dom.nodes[id].parent;
        for level in 0..5 {
            if anc == 0 || dom.element(anc).is_none() {
                break;
            }
            if score[anc].is_nan() {
                score[anc] = tag_weight(dom.name(anc)) + cue_weight(a.cue[anc]);
            }
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f32 * 3.0,
            };
            score[anc] += points / divider;
            anc = dom.nodes[anc].parent;
        }
    }
    let final_score = |id: NodeId| {
        if score[id].is_nan() || !usable(id) { f32::NAN } else { score[id] * (1.0 - a.link_density(id)) }
    };
    let mut best: Option<(NodeId, f32)> = None;
    for id in 1..n {
        let s = final_score(id);
        if !s.is_nan() && best.is_none_or(|(_, b)| s > b) {
            best = Some((id, s));
        }
    }
    let body = find(dom, "body").unwrap_or(0);
    let Some((mut top, mut top_score)) = best else { return vec![body] };
    if matches!(dom.name(top), "body" | "html") {
        return vec![top];
    }
    // Walk up while an ancestor scores better, as long as the scores do not drop too low.
    let threshold = top_score / 3.0;
    let mut last = top_score;
    let mut parent = dom.nodes[top].parent;
    while parent != 0 && !matches!(dom.name(parent), "body" | "html") {
        let s = final_score(parent);
        if s.is_nan() {
            parent = dom.nodes[parent].parent;
            continue;
        }
        if s < threshold {
            break;
        }
        if s > last {
            top = parent;
            top_score = s;
            break;
        }
        last = s;
        parent = dom.nodes[parent].parent;
    }
    // A candidate that is its parent's only child with text gives way to the parent.
    loop {
        let p = dom.nodes[top].parent;
        if p == 0 || matches!(dom.name(p), "body" | "html") || !usable(p) {
            break;
        }
        let with_text = dom.nodes[p].children.iter().filter(|&&c| a.text_len[c] > 0).count();
        if with_text != 1 {
            break;
        }
        top = p;
    }
    let parent = dom.nodes[top].parent;
    let threshold = (top_score * 0.2).max(10.0);
    let mut out = Vec::new();
    for &s in &dom.nodes[parent].children {
        if s == top {
            out.push(s);
            continue;
        }
        if !usable(s) || dom.element(s).is_none() || a.text_len[s] == 0 {
            continue;
        }
        let mut bonus = 0.0;
        if a.cue[s] == a.cue[top] && a.cue[top] != Cue::None {
            bonus = top_score * 0.2;
        }
        let fs = final_score(s);
        let append = (!fs.is_nan() && fs + bonus >= threshold)
            || {
                // Part of an article split over sibling containers: prose, few links.
                let prose = prose(dom, a, s);
                prose >= 140 && prose * 2 >= a.text_len[s] && a.link_density(s) < 0.25
            }
            || {
                let len = a.text_len[s];
                let density = a.link_density(s);
                dom.name(s) == "p"
                    && ((len > 80 && density < 0.25)
                        || (len > 0 && density == 0.0 && len < 80 && ends_sentence(dom, s)))
            };
        if append {
            out.push(s);
        }
    }
    out
}

/// Visible text directly inside an element (not in child elements).
fn direct_text(dom: &Dom, a: &Analysis, id: NodeId) -> u32 {
    dom.nodes[id]
        .children
        .iter()
        .filter(|&&c| {
            matches!(dom.nodes[c].kind, NodeKind::Text(_))
                || matches!(dom.name(c), "a" | "b" | "i" | "em" | "strong" | "span")
        })
        .map(|&c| a.text_len[c])
        .sum()
}

fn ends_sentence(dom: &Dom, id: NodeId) -> bool {
    let mut last = String::new();
    for d in dom.descendants(id) {
        if let NodeKind::Text(t) = dom.nodes[d].kind {
            last = dom.texts[t].text.trim_end().to_string();
        }
    }
    last.ends_with('.') || last.ends_with('!') || last.ends_with('?')
}

/// Characters of text in the paragraphs under an element that are not mostly links: what a
/// part of an article split over sibling containers has plenty of, and a teaser list has not.
fn prose(dom: &Dom, a: &Analysis, id: NodeId) -> u32 {
    dom.descendants(id)
        .into_iter()
        .filter(|&d| matches!(dom.name(d), "p" | "pre" | "blockquote"))
        .filter(|&d| a.furniture[d].is_none() && !a.dropped[d] && a.link_density(d) < 0.3)
        .map(|d| a.text_len[d])
        .sum()
}
