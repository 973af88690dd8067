//! Boilerplate: cookie notices, share bars, subscription prompts and the like, by cue phrase
//! (data/boilerplate.txt) and by position (what trails the article's end).

use super::lines::Raw;
use crate::document::Reason;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::sync::OnceLock;

const CUES: &str = include_str!("../../../data/boilerplate.txt");

/// A block longer than this is body text unless a strong cue marks it.
const SHORT_WORDS: usize = 40;

struct Cues {
    matcher: AhoCorasick,
    /// Per pattern: its reason and whether it is strong.
    meta: Vec<(Reason, bool)>,
}

fn cues() -> &'static Cues {
    static CUES_CELL: OnceLock<Cues> = OnceLock::new();
    CUES_CELL.get_or_init(|| {
        let mut phrases = Vec::new();
        let mut meta = Vec::new();
        for line in CUES.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
            let Some((name, phrase)) = line.split_once('\t') else { continue };
            let strong = name.ends_with('!');
            let Some(r) = Reason::named(name.trim_end_matches('!')) else { continue };
            phrases.push(phrase.to_string());
            meta.push((r, strong));
        }
        let matcher = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(&phrases)
            .unwrap_or_else(|_| AhoCorasick::new(Vec::<String>::new()).expect("empty matcher builds"));
        Cues { matcher, meta }
    })
}

/// What the cue phrases say of a block's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cue {
    /// The reason of the first cue found.
    pub reason: Reason,
    /// A strong cue was found ("we use cookies").
    pub strong: bool,
    /// How many cue phrases were found.
    pub hits: usize,
    /// Bytes of the text the cue phrases cover.
    pub covered: usize,
}

/// Finds cue phrases in `text`, at word boundaries.
pub fn cue(text: &str) -> Option<Cue> {
    let c = cues();
    let bytes = text.as_bytes();
    let mut found: Option<Cue> = None;
    for m in c.matcher.find_iter(text) {
        let before_ok = m.start() == 0 || !bytes[m.start() - 1].is_ascii_alphanumeric();
        let last = bytes[m.end() - 1];
        let after_ok = m.end() >= bytes.len()
            || !last.is_ascii_alphanumeric()
            || !bytes[m.end()].is_ascii_alphanumeric();
        if !(before_ok && after_ok) {
            continue;
        }
        let (reason, strong) = c.meta[m.pattern().as_usize()];
        match &mut found {
            None => found = Some(Cue { reason, strong, hits: 1, covered: m.len() }),
            Some(f) => {
                f.hits += 1;
                f.covered += m.len();
                if strong && !f.strong {
                    f.reason = reason;
                    f.strong = true;
                }
            }
        }
    }
    found
}

/// Reasons for the blocks that are boilerplate, by index.
///
/// A strong cue marks any block. A weak cue marks a short block when the cue phrases make up
/// much of it, when there are several, or when the block lies in the second half of the
/// article and the cue is a fair part of it; a long block needs three. Once boilerplate appears in the second half, the short
/// blocks after it go with it (a "Related articles" list, a footer), until body text resumes.
pub fn classify(blocks: &[Raw]) -> Vec<Option<Reason>> {
    // The cues of each half of a long text's blocks found on its own thread.
    let bytes: usize = blocks.iter().map(|b| b.text.len()).sum();
    let (first, second) = blocks.split_at(crate::halfway(blocks, bytes, |b| b.text.len()));
    let cues_in = |blocks: &[Raw]| blocks.iter().map(|b| cue(&b.text)).collect::<Vec<_>>();
    let (mut cues, more) = crate::both(bytes > crate::PARALLEL_BYTES, || cues_in(first), || cues_in(second));
    cues.extend(more);
    let mut out: Vec<Option<Reason>> = vec![None; blocks.len()];
    let mut trailing: Option<Reason> = None;
    for ((i, b), cue) in blocks.iter().enumerate().zip(cues) {
        let words = b.words();
        let late = i * 2 + 1 >= blocks.len();
        let found = cue.filter(|c| {
            let short = words <= SHORT_WORDS;
            c.strong
                || (short
                    && (c.covered * 10 >= b.text.len() * 3
                        || c.hits >= 2
                        || (late && c.covered * 7 >= b.text.len())))
                || c.hits >= 3
        });
        match found {
            Some(c) => {
                out[i] = Some(c.reason);
                if late {
                    trailing = Some(c.reason);
                }
            }
            None => match trailing {
                Some(r) if words <= SHORT_WORDS / 2 => out[i] = Some(r),
                _ => trailing = None,
            },
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(s: &str) -> Raw {
        Raw::new(std::iter::once(0..s.len()).collect(), s.to_string())
    }

    #[test]
    fn cue_examples() {
        let examples: &[(&str, Option<Reason>)] = &[
            ("Privacy Overview", Some(Reason::Cookie)),
            (
                "This website uses cookies so that we can provide you with the best experience.",
                Some(Reason::Cookie),
            ),
            ("Share on Facebook Share on X", Some(Reason::Share)),
            ("Sign up for our newsletter", Some(Reason::Subscribe)),
            ("© 2024 The Daily Planet. All rights reserved.", Some(Reason::Copyright)),
            ("Follow us on Instagram", Some(Reason::Follow)),
            ("Please disable your ad blocker to continue.", Some(Reason::Adblock)),
            ("The talks began on Monday in Miami.", None),
            ("He shared one experience with xenon lamps.", None),
            ("Subscribers", None),
        ];
        for (text, want) in examples {
            assert_eq!(cue(text).map(|c| c.reason), *want, "{text}");
        }
    }

    #[test]
    fn long_body_text_needs_a_strong_cue() {
        let body = format!("{} and a newsletter.", "The council met to discuss the budget again ".repeat(8));
        let blocks = vec![raw(&body), raw(&body)];
        assert_eq!(classify(&blocks), vec![None, None]);
        // A weak cue inside an early sentence is not enough either.
        let early = raw("It should have been the most popular war of modern times.");
        assert_eq!(classify(&[early, raw(&body), raw(&body)]), vec![None, None, None]);
    }

    #[test]
    fn short_blocks_trailing_a_late_cue_go_with_it() {
        let body = "A paragraph of ordinary article text that says something. ".repeat(6);
        let blocks = vec![
            raw(&body),
            raw(&body),
            raw("Related Articles"),
            raw("Ten Things About Trains"),
            raw("Why Cats Sleep All Day"),
        ];
        let r = classify(&blocks);
        assert_eq!(r, vec![None, None, Some(Reason::Related), Some(Reason::Related), Some(Reason::Related)]);
    }
}
