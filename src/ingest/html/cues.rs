//! Class and id cues (`data/html_cues.txt`): which elements hold the article, which are furniture.

use crate::document::Reason;
use aho_corasick::AhoCorasick;
use std::collections::HashMap;
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
    /// Names both the article and furniture ("article-footer", "content-recirculation"):
    /// scored as the article, furniture only when it is mostly links.
    Mixed(Reason),
    /// Describes a picture.
    Caption,
}

/// What one cue word says.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Positive,
    Caption,
    Negative(Reason),
}

/// The cue words: short ones match whole words only, long ones anywhere inside a word
/// (one Aho-Corasick pass per word). Earlier lines of the file win among furniture reasons.
struct Table {
    short: HashMap<String, (usize, Kind)>,
    long: AhoCorasick,
    long_kinds: Vec<(usize, Kind)>,
}

/// Cue words shorter than this match whole words only ("ad" must not match "shadow").
const SUBSTRING_FROM: usize = 5;

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut short = HashMap::new();
        let (mut long_words, mut long_kinds) = (Vec::new(), Vec::new());
        let lines = include_str!("../../../data/html_cues.txt").lines().map(str::trim);
        for (order, line) in lines.filter(|l| !l.is_empty() && !l.starts_with('#')).enumerate() {
            let Some((kind, word)) = line.split_once(' ') else { continue };
            let kind = match kind {
                "positive" => Kind::Positive,
                "caption" => Kind::Caption,
                other => match Reason::named(other) {
                    Some(r) => Kind::Negative(r),
                    None => continue,
                },
            };
            let word = word.trim().to_ascii_lowercase();
            if word.len() >= SUBSTRING_FROM {
                long_words.push(word);
                long_kinds.push((order, kind));
            } else {
                short.entry(word).or_insert((order, kind));
            }
        }
        // The patterns are plain words from a file compiled into the binary.
        let long = AhoCorasick::new(&long_words).unwrap_or_else(|e| panic!("cue words: {e}"));
        Table { short, long, long_kinds }
    })
}

/// The cue of an element's class and id attributes together. An element that names both
/// the article and furniture ("article-footer") is [`Cue::Mixed`]: the furniture word is most
/// often a qualifier there, but not always ("content-recirculation").
pub fn classify(class_and_id: &str) -> Cue {
    if class_and_id.is_empty() {
        return Cue::None;
    }
    let lower = class_and_id.to_ascii_lowercase();
    let t = table();
    let (mut positive, mut caption) = (false, false);
    let mut negative: Option<(usize, Reason)> = None;
    let mut note = |(order, kind): (usize, Kind)| match kind {
        Kind::Positive => positive = true,
        Kind::Caption => caption = true,
        Kind::Negative(r) => {
            if negative.is_none_or(|(o, _)| order < o) {
                negative = Some((order, r));
            }
        }
    };
    for word in lower.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()) {
        if let Some(&k) = t.short.get(word) {
            note(k);
        }
        if word.len() >= SUBSTRING_FROM {
            for m in t.long.find_overlapping_iter(word) {
                note(t.long_kinds[m.pattern().as_usize()]);
            }
        }
    }
    match (caption, positive, negative) {
        (true, _, _) => Cue::Caption,
        (false, false, Some((_, r))) => Cue::Negative(r),
        (false, true, Some((_, r))) => Cue::Mixed(r),
        (false, true, None) => Cue::Positive,
        (false, false, None) => Cue::None,
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
            ("article-footer", Cue::Mixed(Reason::Navigation)),
            ("related-posts", Cue::Negative(Reason::Related)),
            ("social-media-embed", Cue::Mixed(Reason::Share)),
            ("content-recirculation", Cue::Mixed(Reason::Related)),
            ("wp-caption-text", Cue::Caption),
            ("", Cue::None),
        ];
        for (attr, want) in cases {
            assert_eq!(classify(attr), *want, "{attr}");
        }
    }
}
