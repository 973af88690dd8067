//! Class and id cues (`data/html_cues.txt`): which elements hold the article, which are furniture.

use crate::document::Reason;
use std::sync::OnceLock;

/// What a class or id says about its element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cue {
    /// Nothing.
    None,
    /// Looks like the article body.
    Positive,
    /// Looks like furniture of this kind.
    Negative(Reason),
    /// Describes a picture.
    Caption,
}

struct Table {
    positive: Vec<String>,
    caption: Vec<String>,
    negative: Vec<(String, Reason)>,
}

fn reason(kind: &str) -> Option<Reason> {
    Some(match kind {
        "cookie" => Reason::Cookie,
        "share" => Reason::Share,
        "related" => Reason::Related,
        "subscribe" => Reason::Subscribe,
        "follow" => Reason::Follow,
        "comments" => Reason::Comments,
        "navigation" => Reason::Navigation,
        "advertisement" => Reason::Advertisement,
        "copyright" => Reason::Copyright,
        "byline" => Reason::Byline,
        _ => return None,
    })
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = Table { positive: Vec::new(), caption: Vec::new(), negative: Vec::new() };
        for line in include_str!("../../../data/html_cues.txt").lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let Some((kind, word)) = line.split_once(' ') else { continue };
            let word = word.trim().to_ascii_lowercase();
            if kind == "positive" {
                t.positive.push(word);
            } else if kind == "caption" {
                t.caption.push(word);
            } else if let Some(r) = reason(kind) {
                t.negative.push((word, r));
            }
        }
        t
    })
}

fn matches(cue: &str, word: &str) -> bool {
    word == cue || (cue.len() >= 5 && word.contains(cue))
}

/// The cue of an element's class and id attributes together. An element that names both
/// the article and furniture ("article-footer") counts as furniture only when the furniture
/// word is not merely a qualifier of an article word, so it is left alone.
pub fn classify(class_and_id: &str) -> Cue {
    if class_and_id.is_empty() {
        return Cue::None;
    }
    let lower = class_and_id.to_ascii_lowercase();
    let words: Vec<&str> =
        lower.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let t = table();
    let negative = t.negative.iter().find(|(cue, _)| words.iter().any(|w| matches(cue, w)));
    let positive = t.positive.iter().any(|cue| words.iter().any(|w| matches(cue, w)));
    if t.caption.iter().any(|cue| words.iter().any(|w| matches(cue, w))) {
        return Cue::Caption;
    }
    match (positive, negative) {
        (_, Some(&(_, r))) if !positive => Cue::Negative(r),
        (true, _) => Cue::Positive,
        (false, _) => Cue::None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cues_from_the_table() {
        let cases: &[(&str, Cue)] = &[
            ("cookie-banner", Cue::Negative(Reason::Cookie)),
            ("social-share-bar", Cue::Negative(Reason::Share)),
            ("sharedaddy sd-sharing-enabled", Cue::Negative(Reason::Share)),
            ("ad", Cue::Negative(Reason::Advertisement)),
            ("shadow", Cue::None),
            ("entry-content", Cue::Positive),
            ("article-footer", Cue::Positive),
            ("related-posts", Cue::Negative(Reason::Related)),
            ("social-media-embed", Cue::Positive),
            ("wp-caption-text", Cue::Caption),
            ("", Cue::None),
        ];
        for (attr, want) in cases {
            assert_eq!(classify(attr), *want, "{attr}");
        }
    }
}
