//! HTML to blocks: the page's charset, a parse that keeps source positions, then the article
//! found among the page's furniture.
//!
//! 1. [`charset::decode`]: bytes → text, by BOM, UTF-8 validity, `<meta charset>` or a guess;
//! 2. [`dom::parse`] (see [`tree`]): text → an element tree built by html5ever's tree builder
//!    from html5gum's tokens, whose text runs map to source bytes, references decoded once;
//! 3. [`content::analyse`] and [`content::main_content`]: hidden and furniture elements, then
//!    the subtree that holds the article;
//! 4. [`meta::read`]: headline, site name, breadcrumbs;
//! 5. [`blocks::build`]: blocks in document order, each text through the sanitiser.

pub mod blocks;
pub mod charset;
pub mod content;
pub mod cues;
pub mod dom;
pub mod flow;
pub mod meta;
pub mod passage;
pub mod sink;
pub mod tree;

use super::{Blocks, InputError};

/// What the server said about a page it sent: the page's own statements do not outrank it.
#[derive(Debug, Clone, Copy, Default)]
pub struct Hints<'a> {
    /// The charset of the `Content-Type` header.
    pub charset: Option<&'a str>,
    /// The address the page was fetched from (after redirects): the document's `url` when
    /// the page names none.
    pub url: Option<&'a str>,
    /// Whether relative links resolve against `url` (or the page's `<base href>`), where the
    /// page really is, rather than against the address the page names for itself, as in a
    /// saved copy. The reader follows links so; `--json` reads a fetched page as it reads the
    /// same page saved.
    pub links_from_url: bool,
}

/// Reads an HTML page into blocks. Fails only on input that is not text at all.
pub fn parse(bytes: &[u8]) -> Result<Blocks, InputError> {
    parse_with(bytes, Hints::default())
}

/// Reads an HTML page fetched from the web, with what its server said about it.
pub fn parse_with(bytes: &[u8], hints: Hints) -> Result<Blocks, InputError> {
    let decoded = charset::decode_with(bytes, hints.charset)?;
    let dom = dom::parse(&decoded.text);
    let analysis = content::analyse(&dom);
    let mut meta = meta::read(&dom, &analysis);
    // The canonical address names the page; links resolve against where it really is.
    let canonical = meta.base.clone();
    if let Some(url) = hints.url.filter(|_| hints.links_from_url) {
        let base_href = content::find(&dom, "base").and_then(|id| dom.element(id)?.attr("href"));
        meta.base =
            Some(base_href.and_then(|b| meta::resolve(b, Some(url))).unwrap_or_else(|| url.to_string()));
    }
    let main = content::main_content(&dom, &analysis);
    let mut blocks = blocks::build(&dom, &analysis, &meta, &main, &decoded.map);
    let has_body = |b: &Blocks| b.blocks.iter().any(|b| matches!(b.kind, super::BlockKind::Paragraph));
    if !has_body(&blocks) {
        // Total, like the text reader: a page whose best candidate gave no paragraph (or
        // that has no element around its text at all) is read whole.
        let whole = content::find(&dom, "body").unwrap_or(0);
        let again = blocks::build(&dom, &analysis, &meta, &[whole], &decoded.map);
        if has_body(&again) {
            blocks = again;
        }
    }
    let mut warnings = decoded.warnings;
    let unsafe_chars: usize = (0..dom.nodes.len())
        .filter(|&id| !analysis.dropped[id])
        .filter_map(|id| match dom.nodes[id].kind {
            dom::NodeKind::Text(t) => {
                Some(dom.texts[t].text.chars().filter(|&c| super::sanitize::is_unsafe(c)).count())
            }
            _ => None,
        })
        .sum();
    if unsafe_chars > 0 {
        warnings.push(format!("{unsafe_chars} control characters removed from the page's text"));
    }
    warnings.append(&mut blocks.warnings);
    blocks.warnings = warnings;
    blocks.url = canonical
        .and_then(|c| meta::resolve(&c, hints.url.or(meta.base.as_deref())))
        .filter(|u| !u.starts_with("mailto:"));
    Ok(blocks)
}
