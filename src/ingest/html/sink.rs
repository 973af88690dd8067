//! The tree html5ever builds, kept in an arena, with the queue that gives appended text its
//! source positions (see [`super::tree`]).

use super::dom::{Dom, Element, Node, NodeKind, Text};
use super::tree::floor_char;
use crate::span::OffsetMap;
use html5ever::tendril::StrTendril;
use html5ever::tree_builder::{ElemName, ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{Attribute, LocalName, Namespace, QualName};
use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::VecDeque;

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
pub struct Sink {
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
pub struct Name(QualName);

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
                    existing.map.append(&text.map, base);
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
                out.map.copy_range(&front.map, *pos..*pos + common, i);
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
    /// Queues a character token's text and map before it is handed to the builder.
    pub fn queue(&self, text: Text) {
        self.state.borrow_mut().queue.push_back((text, 0));
    }

    /// The finished tree, numbered in document order.
    pub fn to_dom(&self) -> Dom {
        self.state.borrow().to_dom()
    }

    /// About how deep the builder's stack of open elements is.
    pub fn open_estimate(&self) -> usize {
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
