//! Bytes to blocks: decoding, sanitising and structure recovery. Total: never fails on text.
//!
//! Only [`decode()`] can refuse input (binary data); everything after it turns odd text into
//! paragraphs rather than errors.

pub mod decode;
pub mod format;
pub mod html;
pub mod markdown;
pub mod sanitize;
pub mod text;

pub use decode::{Decoded, decode};
pub use sanitize::{Clean, sanitize};

use crate::document::{Passage, Reason};
use std::fmt;

/// Why input was refused. Shown to users as one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputError {
    /// The bytes are not text (an image, an archive, an executable…).
    Binary {
        /// What gave it away.
        why: String,
    },
    /// The input is larger than the cap.
    TooLarge {
        /// The cap in bytes.
        limit: u64,
    },
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::Binary { why } => write!(f, "this looks like binary data, not text ({why})"),
            InputError::TooLarge { limit } => {
                write!(f, "input is larger than {limit} bytes (raise the cap with --max-bytes)")
            }
        }
    }
}

impl std::error::Error for InputError {}

/// What a block of the article is.
#[derive(Debug, Clone, PartialEq)]
pub enum BlockKind {
    /// Navigation crumbs before the headline, split where the text allows.
    Breadcrumbs(Vec<String>),
    /// The headline.
    Title,
    /// A photo or figure caption with its credit split off.
    Caption {
        /// "Reuters/Jane Doe", "THINK TANK PRODUCTIONS".
        credit: Option<String>,
    },
    /// A section heading at a nesting level (1 = top).
    Heading {
        /// Nesting level.
        level: u8,
    },
    /// Body text.
    Paragraph,
    /// Set aside, with a reason.
    Boilerplate(Reason),
}

/// One block of the article: its kind and its cleaned text.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    /// What the block is.
    pub kind: BlockKind,
    /// Its text and spans.
    pub passage: Passage,
}

/// The article as a sequence of classified blocks: the input of [`crate::Document::from_blocks`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Blocks {
    /// In input order.
    pub blocks: Vec<Block>,
    /// Publisher or site name, where the text states it.
    pub source: Option<String>,
    /// Warnings from structure recovery.
    pub warnings: Vec<String>,
    /// Links inside body paragraphs (HTML and Markdown input).
    pub links: Vec<crate::document::Link>,
}
