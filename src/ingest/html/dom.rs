//! HTML text to a small element tree whose text nodes know their source byte ranges.
//!
//! html5ever's tokenizer reports line numbers only, so the tokens come from html5gum, a
//! WHATWG-compliant tokenizer that tracks the byte position of what it reads: a thin emitter
//! wrapper records, for every piece of text the tokenizer emits, where in the source it was
//! read. Plain characters map one to one; a character reference (`&amp;`, `&#27;`) maps as a
//! replaced run over its source bytes, so entities are decoded exactly once, here. The tree is
//! built with the HTML parsing algorithm's implied-end-tag rules for the elements articles use
//! (paragraphs, list items, table cells, headings); a full tree builder would move nodes around
//! (foster parenting, adoption agency) in ways that matter to browsers but not to finding the
//! article in a page, and would cost the byte positions of the text.

use crate::span::OffsetMap;
use html5gum::emitters::callback::{Callback, CallbackEmitter, CallbackEvent};
use html5gum::{Emitter, ForwardingEmitter, Span as GumSpan, Tokenizer};
use std::cell::RefCell;
use std::convert::Infallible;
use std::rc::Rc;

/// Index of a node in [`Dom::nodes`]; the document root is 0.
pub type NodeId = usize;

/// An element: lowercase name and attributes as written (entities decoded).
#[derive(Debug, Clone, Default)]
pub struct Element {
    /// Tag name, lowercase.
    pub name: String,
    /// Attribute names (lowercase) and values.
    pub attrs: Vec<(String, String)>,
}

impl Element {
    /// The value of an attribute.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }
}

/// A run of text and its map back to the HTML source.
#[derive(Debug, Clone, Default)]
pub struct Text {
    /// Decoded text (references resolved, whitespace as written).
    pub text: String,
    /// From offsets of `text` to offsets of the HTML source string.
    pub map: OffsetMap,
}

/// What a node is.
#[derive(Debug, Clone)]
pub enum NodeKind {
    /// The document itself (node 0).
    Root,
    /// An element.
    Element(Element),
    /// Text, an index into [`Dom::texts`].
    Text(usize),
}

/// One node of the tree.
#[derive(Debug, Clone)]
pub struct Node {
    /// The parent (the root is its own parent).
    pub parent: NodeId,
    /// What it is.
    pub kind: NodeKind,
    /// Children in document order.
    pub children: Vec<NodeId>,
}

/// The parsed page.
#[derive(Debug, Clone)]
pub struct Dom {
    /// All nodes; 0 is the root.
    pub nodes: Vec<Node>,
    /// All text runs.
    pub texts: Vec<Text>,
}

impl Dom {
    /// The element of a node, if it is one.
    pub fn element(&self, id: NodeId) -> Option<&Element> {
        match &self.nodes.get(id)?.kind {
            NodeKind::Element(e) => Some(e),
            _ => None,
        }
    }

    /// The tag name of a node, "" for text and the root.
    pub fn name(&self, id: NodeId) -> &str {
        self.element(id).map_or("", |e| e.name.as_str())
    }

    /// Node ids of the subtree under `id` (itself included), in document order.
    pub fn descendants(&self, id: NodeId) -> Vec<NodeId> {
        let mut out = Vec::new();
        let mut stack = vec![id];
        while let Some(n) = stack.pop() {
            out.push(n);
            if let Some(node) = self.nodes.get(n) {
                stack.extend(node.children.iter().rev());
            }
        }
        out
    }
}

/// Elements that never have children.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Start tags that close an open `<p>`.
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "details",
    "dialog",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "ul",
    "li",
    "dd",
    "dt",
];

/// Deepest nesting kept: deeper elements become siblings at this depth, as browsers also
/// cap their trees, so that no search through open elements can take quadratic time.
const MAX_DEPTH: usize = 256;

/// Elements whose open count is kept, so that the implied-end-tag searches for them are
/// skipped when none is open.
const COUNTED: &[&str] =
    &["p", "li", "dt", "dd", "option", "tr", "td", "th", "a", "body", "html", "head", "table"];

/// Elements that bound the search for an element to close implicitly.
const SCOPE: &[&str] =
    &["table", "td", "th", "caption", "html", "body", "button", "object", "marquee", "template"];

/// Parses HTML source (already decoded to UTF-8).
pub fn parse(src: &str) -> Dom {
    let builder = Rc::new(RefCell::new(Builder {
        dom: Dom {
            nodes: vec![Node { parent: 0, kind: NodeKind::Root, children: Vec::new() }],
            texts: Vec::new(),
        },
        open: vec![0],
        counts: [0; COUNTED.len()],
        tag: None,
        pieces: Vec::new(),
    }));
    let mut inner = CallbackEmitter::new(Shared(Rc::clone(&builder)));
    inner.naively_switch_states(true);
    let emitter = Positions { inner, builder: Rc::clone(&builder), src, pos: 0, string_start: 0 };
    // Reading a &str cannot fail.
    let _ = Tokenizer::new_with_emitter(src, emitter).finish();
    std::mem::replace(&mut builder.borrow_mut().dom, Dom { nodes: Vec::new(), texts: Vec::new() })
}

/// A piece of emitted text and the source range it was read from.
#[derive(Debug)]
struct Piece {
    len: usize,
    start: usize,
    end: usize,
    exact: bool,
}

/// Wraps the callback emitter to record where each emitted piece of text came from.
#[derive(Debug)]
struct Positions<'a> {
    inner: CallbackEmitter<Shared, Infallible, ()>,
    builder: Rc<RefCell<Builder>>,
    src: &'a str,
    /// Bytes of `src` read so far.
    pos: usize,
    /// Where the text being accumulated started.
    string_start: usize,
}

impl ForwardingEmitter for Positions<'_> {
    type Token = Infallible;

    fn inner(&mut self) -> &mut impl Emitter<Token = Self::Token> {
        &mut self.inner
    }

    fn move_position(&mut self, offset: isize) {
        self.pos = self.pos.saturating_add_signed(offset).min(self.src.len());
        self.inner.move_position(offset);
    }

    fn init_string(&mut self) {
        if self.builder.borrow().pieces.is_empty() {
            self.string_start = self.pos;
        }
        self.inner.init_string();
    }

    fn emit_string(&mut self, s: &[u8]) {
        let end = self.pos;
        let bytes = self.src.as_bytes();
        let piece = if end >= s.len() && bytes.get(end - s.len()..end) == Some(s) {
            Piece { len: s.len(), start: end - s.len(), end, exact: true }
        } else {
            let start = self.builder.borrow().pieces.last().map_or(self.string_start, |p| p.end).min(end);
            Piece {
                len: s.len(),
                start: floor_char(self.src, start),
                end: floor_char(self.src, end),
                exact: false,
            }
        };
        self.builder.borrow_mut().pieces.push(piece);
        self.inner.emit_string(s);
    }
}

fn floor_char(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Builds the tree from the tokenizer's events.
#[derive(Debug)]
struct Builder {
    dom: Dom,
    /// Open elements, innermost last; 0 (the root) is always at the bottom.
    open: Vec<NodeId>,
    /// How many of each of [`COUNTED`] are open.
    counts: [u32; COUNTED.len()],
    /// The start tag being read.
    tag: Option<Element>,
    /// Text pieces emitted since the last text event.
    pieces: Vec<Piece>,
}

/// The builder as the tokenizer's callback; shared with [`Positions`], which adds the text
/// positions.
#[derive(Debug)]
struct Shared(Rc<RefCell<Builder>>);

impl Callback<Infallible, ()> for Shared {
    fn handle_event(&mut self, event: CallbackEvent<'_>, _span: GumSpan<()>) -> Option<Infallible> {
        self.0.borrow_mut().event(event);
        None
    }
}

impl Builder {
    fn event(&mut self, event: CallbackEvent<'_>) {
        match event {
            CallbackEvent::OpenStartTag { name } => {
                self.tag = Some(Element { name: lossy(name), attrs: Vec::new() });
            }
            CallbackEvent::AttributeName { name } => {
                if let Some(tag) = &mut self.tag {
                    tag.attrs.push((lossy(name).to_ascii_lowercase(), String::new()));
                }
            }
            CallbackEvent::AttributeValue { value } => {
                if let Some((_, v)) = self.tag.as_mut().and_then(|t| t.attrs.last_mut()) {
                    v.push_str(&String::from_utf8_lossy(value));
                }
            }
            CallbackEvent::CloseStartTag { self_closing } => {
                if let Some(tag) = self.tag.take() {
                    self.start(tag, self_closing);
                }
            }
            CallbackEvent::EndTag { name } => self.end(&lossy(name)),
            CallbackEvent::String { value } => self.text(value),
            CallbackEvent::Comment { .. } | CallbackEvent::Doctype { .. } | CallbackEvent::Error(_) => {}
        }
    }
}

fn lossy(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

impl Builder {
    fn current(&self) -> NodeId {
        self.open.last().copied().unwrap_or(0)
    }

    fn append(&mut self, kind: NodeKind) -> NodeId {
        let parent = self.current();
        let id = self.dom.nodes.len();
        self.dom.nodes.push(Node { parent, kind, children: Vec::new() });
        self.dom.nodes[parent].children.push(id);
        id
    }

    /// Index in `open` of the innermost open element named one of `names`, searching no
    /// further out than an element named in `stop`.
    fn is_open(&self, name: &str) -> bool {
        COUNTED.iter().position(|&c| c == name).is_none_or(|i| self.counts[i] > 0)
    }

    fn push_open(&mut self, id: NodeId) {
        if let Some(i) = COUNTED.iter().position(|&c| c == self.dom.name(id)) {
            self.counts[i] += 1;
        }
        self.open.push(id);
    }

    /// Closes the open elements from index `i` (never the root).
    fn close_from(&mut self, i: usize) {
        let i = i.max(1);
        while self.open.len() > i {
            if let Some(id) = self.open.pop()
                && let Some(k) = COUNTED.iter().position(|&c| c == self.dom.name(id))
            {
                self.counts[k] = self.counts[k].saturating_sub(1);
            }
        }
    }

    fn in_scope(&self, names: &[&str], stop: &[&str]) -> Option<usize> {
        if !names.iter().any(|n| self.is_open(n)) {
            return None;
        }
        for (i, &id) in self.open.iter().enumerate().rev() {
            let n = self.dom.name(id);
            if names.contains(&n) {
                return Some(i);
            }
            if stop.contains(&n) {
                return None;
            }
        }
        None
    }

    fn close_implied(&mut self, names: &[&str], stop: &[&str]) {
        if let Some(i) = self.in_scope(names, stop) {
            self.close_from(i);
        }
    }

    fn start(&mut self, el: Element, self_closing: bool) {
        let name = el.name.as_str();
        if CLOSES_P.contains(&name) {
            self.close_implied(&["p"], SCOPE);
        }
        match name {
            "li" => self.close_implied(&["li"], &["ul", "ol", "menu", "table", "td", "th"]),
            "dt" | "dd" => self.close_implied(&["dt", "dd"], &["dl", "table", "td", "th"]),
            "option" => self.close_implied(&["option"], &["select", "datalist"]),
            "tr" => self.close_implied(&["tr", "td", "th"], &["table", "tbody", "thead", "tfoot"]),
            "td" | "th" => self.close_implied(&["td", "th"], &["tr", "table"]),
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                let top = self.dom.name(self.current());
                if matches!(top, "h1" | "h2" | "h3" | "h4" | "h5" | "h6") {
                    self.close_from(self.open.len() - 1);
                }
            }
            "a" => self.close_implied(&["a"], SCOPE),
            // A repeated or misplaced document element: keep its attributes out of the way.
            "body" | "html" | "head" if self.is_open(name) => return,
            _ => {}
        }
        let void = VOID.contains(&name);
        let id = self.append(NodeKind::Element(el));
        if !void && !self_closing && self.open.len() < MAX_DEPTH {
            self.push_open(id);
        }
    }

    fn end(&mut self, name: &str) {
        if !self.is_open(name) {
            return;
        }
        if let Some(i) = self.open.iter().rposition(|&id| self.dom.name(id) == name)
            && i > 0
        {
            self.close_from(i);
        }
    }

    fn text(&mut self, value: &[u8]) {
        let pieces = std::mem::take(&mut self.pieces);
        let text = String::from_utf8_lossy(value).into_owned();
        let mut map = OffsetMap::new();
        let total: usize = pieces.iter().map(|p| p.len).sum();
        if total == value.len() {
            let mut at = 0;
            for p in &pieces {
                // Pieces follow UTF-8 boundaries of the decoded text except for a reference
                // that decoded to part of a character, which cannot happen for valid input.
                if p.exact {
                    map.push_exact(at, p.start, p.len);
                } else {
                    map.push_replaced(at, p.len, p.start, p.end - p.start);
                }
                at += p.len;
            }
        } else if let (Some(first), Some(last)) = (pieces.first(), pieces.last()) {
            map.push_replaced(0, text.len(), first.start, last.end.saturating_sub(first.start));
        }
        let idx = self.dom.texts.len();
        self.dom.texts.push(Text { text, map });
        self.append(NodeKind::Text(idx));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    fn texts(src: &str) -> Vec<(String, Vec<Span>)> {
        let dom = parse(src);
        dom.texts
            .iter()
            .map(|t| {
                let spans = (0..t.text.len())
                    .filter(|&i| t.text.is_char_boundary(i))
                    .map(|i| {
                        let j = (i + 1..=t.text.len()).find(|&j| t.text.is_char_boundary(j)).unwrap_or(i);
                        t.map.to_input(i..j)
                    })
                    .collect();
                (t.text.clone(), spans)
            })
            .collect()
    }

    #[test]
    fn plain_text_maps_exactly() {
        let src = "<p class=x>Hello <b>big</b> world</p>";
        let dom = parse(src);
        for t in &dom.texts {
            let s = t.map.to_input(0..t.text.len());
            assert_eq!(&src[s.start..s.end], t.text);
        }
        assert_eq!(dom.texts.len(), 3);
    }

    #[test]
    fn references_map_over_their_source() {
        let src = "<p>a &amp; b&#233;c &amp d</p>";
        let t = texts(src);
        assert_eq!(t[0].0, "a & béc & d");
        let amp = t[0].1[2];
        assert_eq!(&src[amp.start..amp.end], "&amp;");
        let e = t[0].1[5];
        assert_eq!(&src[e.start..e.end], "&#233;");
        let amp2 = t[0].1[8];
        assert_eq!(&src[amp2.start..amp2.end], "&amp");
    }

    #[test]
    fn implied_end_tags_close_paragraphs_and_items() {
        let dom = parse("<ul><li>one<li>two</ul><p>a<p>b<div>c</div>");
        let lis: Vec<_> = (0..dom.nodes.len()).filter(|&i| dom.name(i) == "li").collect();
        assert_eq!(lis.len(), 2);
        assert_eq!(dom.nodes[lis[0]].parent, dom.nodes[lis[1]].parent);
        let ps: Vec<_> = (0..dom.nodes.len()).filter(|&i| dom.name(i) == "p").collect();
        assert_eq!(dom.nodes[ps[0]].parent, dom.nodes[ps[1]].parent);
        let div = (0..dom.nodes.len()).find(|&i| dom.name(i) == "div").unwrap_or(0);
        assert_ne!(dom.name(dom.nodes[div].parent), "p");
    }

    #[test]
    fn nesting_is_capped() {
        let src = "<div>".repeat(5000) + "deep text" + &"</span>".repeat(5000);
        let dom = parse(&src);
        let mut depth = 0;
        let mut id = dom.nodes.len() - 1;
        while id != 0 {
            id = dom.nodes[id].parent;
            depth += 1;
        }
        assert!(depth <= MAX_DEPTH + 1, "depth {depth}");
        assert_eq!(dom.texts.last().map(|t| t.text.as_str()), Some("deep text"));
    }

    #[test]
    fn script_is_raw_text() {
        let dom = parse("<script>if (a<b) x='&amp;'</script><p>t</p>");
        assert_eq!(dom.texts[0].text, "if (a<b) x='&amp;'");
    }
}
