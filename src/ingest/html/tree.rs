//! html5gum's tokens, with their source positions, through html5ever's tree builder.
//!
//! The tree builder is the HTML standard's (implied tags, foster parenting, the adoption
//! agency, raw-text states it switches the tokenizer into); it only ever sees decoded text.
//! Every character token is queued (in [`super::sink`]) with its map to the source before it
//! is handed over, and each text the builder appends is matched against that queue: the
//! builder appends characters in token order and only ever drops some (whitespace it ignores,
//! a newline after `<pre>`) or turns a NUL into U+FFFD, so the match never goes back.

use super::dom::{Dom, Text};
use super::sink::Sink;
use crate::span::OffsetMap;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{Doctype, Tag, TagKind, Token, TokenSink, TokenSinkResult};
use html5ever::tree_builder::TreeBuilder;
use html5ever::{Attribute, LocalName, Namespace, QualName};
use html5gum::emitters::callback::{Callback, CallbackEmitter, CallbackEvent};
use html5gum::{Emitter, ForwardingEmitter, Span as GumSpan, State, Tokenizer};
use std::cell::RefCell;
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

pub(super) fn floor_char(s: &str, mut i: usize) -> usize {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::html::dom::NodeKind;

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
