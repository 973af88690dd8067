//! html5gum's tokens, with their source positions, through html5ever's tree builder.
//!
//! The tree builder is the HTML standard's (implied tags, foster parenting, the adoption
//! agency, raw-text states it switches the tokenizer into); it only ever sees decoded text.
//! Every character token is queued here with its map to the source before it is handed over,
//! and each text the builder appends is matched, character by character, against that queue:
//! the builder appends characters in token order and only ever drops some (whitespace it
//! ignores, a newline after `<pre>`) or turns a NUL into U+FFFD, so the match never goes back.

use super::dom::{Dom, Element, Node, NodeKind, Text};
use crate::span::OffsetMap;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{Doctype, Tag, TagKind, Token, TokenSink, TokenSinkResult};
use html5ever::tree_builder::{ElemName, ElementFlags, NodeOrText, QuirksMode, TreeBuilder, TreeSink};
use html5ever::{Attribute, LocalName, Namespace, QualName};
use html5gum::emitters::callback::{Callback, CallbackEmitter, CallbackEvent};
use html5gum::{Emitter, ForwardingEmitter, Span as GumSpan, State, Tokenizer};
use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::VecDeque;
use std::convert::Infallible;
use std::rc::Rc;

/// Parses HTML source (already decoded to UTF-8) into a [`Dom`] whose text maps to `src`.
pub fn parse(src: &str) -> Dom {
    let glue = Rc::new(RefCell::new(Glue {
        builder: TreeBuilder::new(Sink::default(), Default::default()),
        tag: None,
        pieces: Vec::new(),
        next_state: None,
    }));
    let inner = CallbackEmitter::new(Shared(Rc::clone(&glue)));
    let emitter = Positions { inner, glue: Rc::clone(&glue), src, pos: 0, string_start: 0 };
    // Reading a &str cannot fail.
    let _ = Tokenizer::new_with_emitter(src, emitter).finish();
    let glue = glue.borrow();
    let _ = glue.builder.process_token(Token::EOFToken, 1);
    glue.builder.end();
    glue.builder.sink.to_dom()
}

/// Deepest nesting the tree builder is given; deeper start tags are left out (their text
/// stays, in the deepest element).
const MAX_DEPTH: usize = 256;

/// Elements that never have children, so never deepen the tree.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param", "source",
    "track", "wbr",
];

/// A piece of emitted text and the source range it was read from.
#[derive(Debug)]
struct Piece {
    len: usize,
    start: usize,
    end: usize,
    exact: bool,
}

/// Wraps the callback emitter to record where each emitted piece of text came from, and
/// to switch the tokenizer into the state the tree builder asks for.
#[derive(Debug)]
struct Positions<'a> {
    inner: CallbackEmitter<Shared, Infallible, ()>,
    glue: Rc<RefCell<Glue>>,
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
        if self.glue.borrow().pieces.is_empty() {
            self.string_start = self.pos;
        }
        self.inner.init_string();
    }

    fn emit_string(&mut self, s: &[u8]) {
        let end = self.pos;
        let piece = if end >= s.len() && self.src.as_bytes().get(end - s.len()..end) == Some(s) {
            Piece { len: s.len(), start: end - s.len(), end, exact: true }
        } else {
            let start = self.glue.borrow().pieces.last().map_or(self.string_start, |p| p.end).min(end);
            Piece {
                len: s.len(),
                start: floor_char(self.src, start),
                end: floor_char(self.src, end),
                exact: false,
            }
        };
        self.glue.borrow_mut().pieces.push(piece);
        self.inner.emit_string(s);
    }

    fn emit_current_tag(&mut self) -> Option<State> {
        let _ = self.inner.emit_current_tag();
        let next = self.glue.borrow_mut().next_state.take();
        if next.is_some() {
            ForwardingEmitter::init_string(self);
        }
        next
    }
}

fn floor_char(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Turns tokenizer events into tree-builder tokens.
struct Glue {
    builder: TreeBuilder<usize, Sink>,
    /// The start tag being read.
    tag: Option<Tag>,
    /// Text pieces emitted since the last text event.
    pieces: Vec<Piece>,
    /// The tokenizer state the tree builder asked for.
    next_state: Option<State>,
}

impl std::fmt::Debug for Glue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Glue").field("pieces", &self.pieces.len()).finish_non_exhaustive()
    }
}

/// The glue as the tokenizer's callback; shared with [`Positions`].
#[derive(Debug)]
struct Shared(Rc<RefCell<Glue>>);

impl Callback<Infallible, ()> for Shared {
    fn handle_event(&mut self, event: CallbackEvent<'_>, _span: GumSpan<()>) -> Option<Infallible> {
        self.0.borrow_mut().event(event);
        None
    }
}

fn lossy(b: &[u8]) -> StrTendril {
    StrTendril::from_slice(&String::from_utf8_lossy(b))
}

impl Glue {
    fn event(&mut self, event: CallbackEvent<'_>) {
        match event {
            CallbackEvent::OpenStartTag { name } => {
                self.tag = Some(Tag {
                    kind: TagKind::StartTag,
                    name: LocalName::from(&*String::from_utf8_lossy(name)),
                    self_closing: false,
                    attrs: Vec::new(),
                    had_duplicate_attributes: false,
                });
            }
            CallbackEvent::AttributeName { name } => {
                if let Some(tag) = &mut self.tag {
                    let local = LocalName::from(&*String::from_utf8_lossy(name).to_ascii_lowercase());
                    let name = QualName::new(None, Namespace::from(""), local);
                    tag.attrs.push(Attribute { name, value: StrTendril::new() });
                }
            }
            CallbackEvent::AttributeValue { value } => {
                if let Some(a) = self.tag.as_mut().and_then(|t| t.attrs.last_mut()) {
                    a.value.push_slice(&String::from_utf8_lossy(value));
                }
            }
            CallbackEvent::CloseStartTag { self_closing } => {
                if let Some(mut tag) = self.tag.take() {
                    tag.self_closing = self_closing;
                    // Browsers stop nesting deeper than a few hundred elements; so does this,
                    // or each start tag's scope check would walk an ever longer stack.
                    if self.builder.sink.open_estimate() < MAX_DEPTH || VOID.contains(&&*tag.name) {
                        self.send(Token::TagToken(tag));
                    }
                }
            }
            CallbackEvent::EndTag { name } => self.send(Token::TagToken(Tag {
                kind: TagKind::EndTag,
                name: LocalName::from(&*String::from_utf8_lossy(name)),
                self_closing: false,
                attrs: Vec::new(),
                had_duplicate_attributes: false,
            })),
            CallbackEvent::String { value } => self.text(value),
            CallbackEvent::Comment { value } => self.send(Token::CommentToken(lossy(value))),
            CallbackEvent::Doctype { name, public_identifier, system_identifier, force_quirks } => {
                self.send(Token::DoctypeToken(Doctype {
                    name: Some(name).filter(|n| !n.is_empty()).map(lossy),
                    public_id: public_identifier.map(lossy),
                    system_id: system_identifier.map(lossy),
                    force_quirks,
                }))
            }
            CallbackEvent::Error(_) => {}
        }
    }

    fn send(&mut self, token: Token) {
        self.next_state = match self.builder.process_token(token, 1) {
            TokenSinkResult::Plaintext => Some(State::PlainText),
            TokenSinkResult::RawData(RawKind::Rcdata) => Some(State::RcData),
            TokenSinkResult::RawData(RawKind::Rawtext) => Some(State::RawText),
            TokenSinkResult::RawData(RawKind::ScriptData | RawKind::ScriptDataEscaped(_)) => {
                Some(State::ScriptData)
            }
            TokenSinkResult::Script(_) => Some(State::Data),
            _ => self.next_state.take(),
        };
    }

    /// Queues the text with its source map, then hands it over (NULs as their own tokens).
    fn text(&mut self, value: &[u8]) {
        let pieces = std::mem::take(&mut self.pieces);
        let text = String::from_utf8_lossy(value).into_owned();
        let mut map = OffsetMap::new();
        let total: usize = pieces.iter().map(|p| p.len).sum();
        if total == value.len() {
            let mut at = 0;
            for p in &pieces {
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
        self.builder.sink.queue(Text { text: text.clone(), map });
        for (i, part) in text.split('\0').enumerate() {
            if i > 0 {
                self.send(Token::NullCharacterToken);
            }
            if !part.is_empty() {
                self.send(Token::CharacterTokens(StrTendril::from_slice(part)));
            }
        }
    }
}

/// A node of the builder's tree.
#[derive(Debug)]
struct TreeNode {
    parent: Option<usize>,
    name: QualName,
    attrs: Vec<(String, String)>,
    /// For text nodes, the index into the texts.
    text: Option<usize>,
    element: bool,
    children: Vec<usize>,
    integration_point: bool,
    /// Depth below the document when inserted.
    depth: usize,
}

/// The tree as html5ever builds it, with the queue of text still to be placed.
#[derive(Debug, Default)]
struct Sink {
    state: RefCell<SinkState>,
}

#[derive(Debug, Default)]
struct SinkState {
    nodes: Vec<TreeNode>,
    texts: Vec<Text>,
    /// Character tokens handed over and not yet appended: text, map, and how far consumed.
    queue: VecDeque<(Text, usize)>,
    /// Depth in the tree of the node that last received a child: the builder's current node,
    /// so about the depth of its stack of open elements.
    insertion_depth: usize,
}

/// An element name owned by the caller, so no borrow of the tree outlives the call.
#[derive(Debug)]
struct Name(QualName);

impl ElemName for Name {
    fn ns(&self) -> &Namespace {
        &self.0.ns
    }
    fn local_name(&self) -> &LocalName {
        &self.0.local
    }
}

fn empty_name() -> QualName {
    QualName::new(None, Namespace::from(""), LocalName::from(""))
}

impl SinkState {
    fn node(&mut self, name: QualName, element: bool) -> usize {
        if self.nodes.is_empty() {
            self.nodes.push(TreeNode::new(empty_name(), false));
        }
        self.nodes.push(TreeNode::new(name, element));
        self.nodes.len() - 1
    }

    fn detach(&mut self, id: usize) {
        if let Some(p) = self.nodes.get(id).and_then(|n| n.parent)
            && let Some(parent) = self.nodes.get_mut(p)
        {
            parent.children.retain(|&c| c != id);
        }
        if let Some(n) = self.nodes.get_mut(id) {
            n.parent = None;
        }
    }

    /// Inserts `child` into `parent` at `index` (the end when `None`).
    fn insert(&mut self, parent: usize, index: Option<usize>, child: NodeOrText<usize>) {
        if self.nodes.is_empty() {
            self.nodes.push(TreeNode::new(empty_name(), false));
        }
        let at = index.unwrap_or(self.nodes[parent].children.len());
        let depth = self.nodes[parent].depth + 1;
        self.insertion_depth = self.nodes[parent].depth;
        match child {
            NodeOrText::AppendNode(id) => {
                self.detach(id);
                self.nodes[id].parent = Some(parent);
                self.nodes[id].depth = depth;
                self.nodes[parent].children.insert(at, id);
            }
            NodeOrText::AppendText(t) => {
                let text = self.place(&t);
                let before = at.checked_sub(1).and_then(|i| self.nodes[parent].children.get(i).copied());
                if let Some(t_idx) = before.and_then(|b| self.nodes[b].text) {
                    let existing = &mut self.texts[t_idx];
                    let base = existing.text.len();
                    for r in text.map.runs() {
                        existing.map.push(crate::span::Run { text: r.text + base, ..*r });
                    }
                    existing.text.push_str(&text.text);
                    return;
                }
                self.texts.push(text);
                let id = self.node(empty_name(), false);
                self.nodes[id].text = Some(self.texts.len() - 1);
                self.nodes[id].parent = Some(parent);
                self.nodes[parent].children.insert(at, id);
            }
        }
    }

    /// Matches appended text against the queue of character tokens, in order: common runs
    /// are copied whole, a queued character the builder dropped is skipped.
    fn place(&mut self, t: &str) -> Text {
        let mut out = Text { text: t.to_string(), map: OffsetMap::new() };
        let mut last_end = 0;
        let mut i = 0;
        while i < t.len() {
            let Some((front, pos)) = self.queue.front_mut() else {
                out.map.push_replaced(i, t.len() - i, last_end, 0);
                break;
            };
            let (a, b) = (&t[i..], &front.text[*pos..]);
            let Some(qc) = b.chars().next() else {
                self.queue.pop_front();
                continue;
            };
            let common = common_prefix(a, b);
            if common > 0 {
                copy_runs(&front.map, *pos..*pos + common, &mut out.map, i);
                last_end = front.map.to_input(*pos..*pos + common).end;
                i += common;
                *pos += common;
                continue;
            }
            *pos += qc.len_utf8();
            if qc == '\0' && a.starts_with('\u{FFFD}') {
                let span = front.map.to_input(*pos - 1..*pos);
                out.map.push_replaced(i, '\u{FFFD}'.len_utf8(), span.start, span.len());
                last_end = span.end;
                i += '\u{FFFD}'.len_utf8();
            }
        }
        out
    }

    fn to_dom(&self) -> Dom {
        let mut dom = Dom { nodes: Vec::new(), texts: Vec::new() };
        dom.nodes.push(Node { parent: 0, kind: NodeKind::Root, children: Vec::new() });
        if self.nodes.is_empty() {
            return dom;
        }
        // Pre-order from the document, so parents come before children in the new numbering.
        let mut stack: Vec<(usize, usize)> = self.nodes[0].children.iter().rev().map(|&c| (c, 0)).collect();
        while let Some((old, parent)) = stack.pop() {
            let n = &self.nodes[old];
            let kind = if let Some(t) = n.text {
                let Some(text) = self.texts.get(t) else { continue };
                dom.texts.push(text.clone());
                NodeKind::Text(dom.texts.len() - 1)
            } else if n.element {
                NodeKind::Element(Element { name: n.name.local.to_string(), attrs: n.attrs.clone() })
            } else {
                continue;
            };
            let id = dom.nodes.len();
            dom.nodes.push(Node { parent, kind, children: Vec::new() });
            dom.nodes[parent].children.push(id);
            stack.extend(n.children.iter().rev().map(|&c| (c, id)));
        }
        dom
    }
}

/// Length in bytes of the longest common prefix of two strings, on a character boundary.
fn common_prefix(a: &str, b: &str) -> usize {
    let n = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    floor_char(a, n)
}

/// Copies the runs of `from` covering `range` into `to`, shifted to start at `at`.
fn copy_runs(from: &OffsetMap, range: std::ops::Range<usize>, to: &mut OffsetMap, at: usize) {
    let runs = from.runs();
    let first = runs.partition_point(|r| r.text + r.text_len <= range.start);
    for r in &runs[first..] {
        if r.text >= range.end {
            break;
        }
        let (ts, te) = (r.text.max(range.start), (r.text + r.text_len).min(range.end));
        let out = at + (ts - range.start);
        if r.exact {
            to.push_exact(out, r.input + (ts - r.text), te - ts);
        } else {
            to.push_replaced(out, te - ts, r.input, r.input_len);
        }
    }
}

impl TreeNode {
    fn new(name: QualName, element: bool) -> Self {
        TreeNode {
            parent: None,
            name,
            attrs: Vec::new(),
            text: None,
            element,
            children: Vec::new(),
            integration_point: false,
            depth: 0,
        }
    }
}

impl Sink {
    fn queue(&self, text: Text) {
        self.state.borrow_mut().queue.push_back((text, 0));
    }

    fn to_dom(&self) -> Dom {
        self.state.borrow().to_dom()
    }

    fn open_estimate(&self) -> usize {
        self.state.borrow().insertion_depth
    }
}

impl TreeSink for Sink {
    type Handle = usize;
    type Output = ();
    type ElemName<'a>
        = Name
    where
        Self: 'a;

    fn finish(self) -> Self::Output {}

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> usize {
        let mut s = self.state.borrow_mut();
        if s.nodes.is_empty() {
            s.nodes.push(TreeNode::new(empty_name(), false));
        }
        0
    }

    fn elem_name<'a>(&'a self, target: &'a usize) -> Name {
        Name(self.state.borrow().nodes.get(*target).map_or_else(empty_name, |n| n.name.clone()))
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> usize {
        let mut s = self.state.borrow_mut();
        let id = s.node(name, true);
        s.nodes[id].attrs =
            attrs.into_iter().map(|a| (a.name.local.to_string(), a.value.to_string())).collect();
        s.nodes[id].integration_point = flags.mathml_annotation_xml_integration_point;
        id
    }

    fn create_comment(&self, _text: StrTendril) -> usize {
        self.state.borrow_mut().node(empty_name(), false)
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> usize {
        self.state.borrow_mut().node(empty_name(), false)
    }

    fn append(&self, parent: &usize, child: NodeOrText<usize>) {
        self.state.borrow_mut().insert(*parent, None, child);
    }

    fn append_based_on_parent_node(&self, element: &usize, prev_element: &usize, child: NodeOrText<usize>) {
        let has_parent = self.state.borrow().nodes.get(*element).is_some_and(|n| n.parent.is_some());
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _name: StrTendril, _public: StrTendril, _system: StrTendril) {}

    fn get_template_contents(&self, _target: &usize) -> usize {
        // Template contents are never shown: they go to a detached node.
        self.state.borrow_mut().node(empty_name(), false)
    }

    fn same_node(&self, x: &usize, y: &usize) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &usize, new_node: NodeOrText<usize>) {
        let mut s = self.state.borrow_mut();
        let Some(parent) = s.nodes.get(*sibling).and_then(|n| n.parent) else { return };
        let index = s.nodes[parent].children.iter().position(|c| c == sibling);
        s.insert(parent, index, new_node);
    }

    fn add_attrs_if_missing(&self, target: &usize, attrs: Vec<Attribute>) {
        let mut s = self.state.borrow_mut();
        let Some(node) = s.nodes.get_mut(*target) else { return };
        for a in attrs {
            let name = a.name.local.to_string();
            if !node.attrs.iter().any(|(n, _)| *n == name) {
                node.attrs.push((name, a.value.to_string()));
            }
        }
    }

    fn remove_from_parent(&self, target: &usize) {
        self.state.borrow_mut().detach(*target);
    }

    fn reparent_children(&self, node: &usize, new_parent: &usize) {
        let mut s = self.state.borrow_mut();
        let children = std::mem::take(&mut s.nodes[*node].children);
        for &c in &children {
            s.nodes[c].parent = Some(*new_parent);
        }
        s.nodes[*new_parent].children.extend(children);
    }

    fn is_mathml_annotation_xml_integration_point(&self, handle: &usize) -> bool {
        self.state.borrow().nodes.get(*handle).is_some_and(|n| n.integration_point)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every text run maps to exactly its source bytes when the source spells it plainly.
    fn assert_texts_map(src: &str) -> Dom {
        let dom = parse(src);
        for t in &dom.texts {
            let span = t.map.to_input(0..t.text.len());
            assert_eq!(&src[span.start..span.end], t.text, "in {src:?}");
        }
        dom
    }

    #[test]
    fn foster_parented_text_keeps_its_source() {
        let dom = assert_texts_map("<table>stray<tr><td>cell</td></tr></table>");
        let stray = dom
            .nodes
            .iter()
            .position(|n| matches!(n.kind, NodeKind::Text(t) if dom.texts[t].text == "stray"));
        let table = (0..dom.nodes.len()).find(|&i| dom.name(i) == "table");
        // Foster parenting puts the text before the table, not inside it.
        assert!(stray.is_some() && table.is_some());
        assert_ne!(stray.map(|s| dom.nodes[s].parent), table);
    }

    #[test]
    fn misnested_formatting_is_repaired() {
        let dom = assert_texts_map("<p><b>bold<p>again</b> after</p>");
        let ps = (0..dom.nodes.len()).filter(|&i| dom.name(i) == "p").count();
        let bs = (0..dom.nodes.len()).filter(|&i| dom.name(i) == "b").count();
        assert_eq!((ps, bs), (2, 2), "the adoption agency reopens <b> in the second paragraph");
    }

    #[test]
    fn dropped_characters_do_not_shift_the_rest() {
        // The builder drops the newline after <pre> and whitespace before <html>.
        let dom = assert_texts_map("  \n<pre>\nline one\nline two</pre><p>after</p>");
        assert!(dom.texts.iter().any(|t| t.text == "line one\nline two"));
        // A NUL in body text is dropped; the text around it keeps its bytes.
        let src = "<p>a\0b</p>";
        let dom = parse(src);
        let t = dom.texts.iter().find(|t| t.text == "ab");
        let b = t.map(|t| t.map.to_input(1..2));
        assert_eq!(b.map(|s| &src[s.start..s.end]), Some("b"));
    }
}
