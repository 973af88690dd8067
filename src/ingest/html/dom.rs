//! The parsed page: a small element tree whose text nodes know their source byte ranges.
//!
//! [`super::tree`] builds it: html5gum tokenizes (it reports where each piece of text was
//! read, so a character reference such as `&amp;` or `&#27;` maps as a replaced run over its
//! source bytes and is decoded exactly once, there), and html5ever's tree builder arranges the
//! tokens the way browsers do.

use crate::span::OffsetMap;

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

/// Parses HTML source (already decoded to UTF-8).
pub fn parse(src: &str) -> Dom {
    super::tree::parse(src)
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
        assert!(depth <= 300, "depth {depth}");
        assert_eq!(dom.texts.last().map(|t| t.text.as_str()), Some("deep text"));
    }

    #[test]
    fn script_is_raw_text() {
        let dom = parse("<script>if (a<b) x='&amp;'</script><p>t</p>");
        assert_eq!(dom.texts[0].text, "if (a<b) x='&amp;'");
    }
}
