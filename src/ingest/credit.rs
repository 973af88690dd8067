//! Photo credits, for every reader: where a caption's own words end and its credit begins
//! ("The harbour at dawn. Photo: Jane Doe", "Crowds in the square (Reuters/John Roe)"), and
//! whether a line is nothing but a credit ("Image Credit: WeWork").
//!
//! Markers match without regard to case. A marker that is a word alone ("Photo") counts only
//! after punctuation inside a caption and before a capitalised name, so "He kept a Photo album"
//! keeps its words.

/// Markers that introduce a credit, longest first where one contains another.
const MARKERS: &[&str] = &[
    "photo credits:",
    "photo credit:",
    "image credits:",
    "image credit:",
    "picture credit:",
    "credits:",
    "credit:",
    "photographs by",
    "photograph by",
    "photograph:",
    "photos by",
    "photo by",
    "photos:",
    "photo:",
    "images:",
    "image by",
    "image:",
    "picture:",
    "illustration by",
    "illustration:",
    "courtesy of",
    "©",
    "photo",
];

/// Words that mark a parenthesised credit: "(Reuters/Jane Doe)", "(AP Photo/John Roe)".
const AGENCY_HINTS: &[&str] =
    &["Photo", "Getty", "Reuters", "AP", "AFP", "Images", "EPA", "Shutterstock", "Credit"];

/// The longest credit, in words.
const CREDIT_WORDS: usize = 8;

/// A marker that is a word alone, without a colon or a following "by"/"of".
fn bare(marker: &str) -> bool {
    marker.ends_with(|c: char| c.is_ascii_alphabetic())
        && !marker.ends_with(" by")
        && !marker.ends_with(" of")
}

/// Splits a credit off a caption: `(caption length in bytes, credit)`; a length of 0 means
/// the text is only a credit.
pub fn split(text: &str) -> Option<(usize, String)> {
    let text = text.trim_end();
    // "(Reuters/Jane Doe)" or "(Photo: Getty Images)" at the end.
    if text.ends_with(')')
        && let Some(open) = text.rfind('(')
    {
        let inner = &text[open + 1..text.len() - 1];
        if (inner.contains('/')
            || AGENCY_HINTS.iter().any(|h| inner.split_whitespace().any(|w| w.starts_with(h))))
            && inner.split_whitespace().count() <= CREDIT_WORDS
        {
            let credit = strip_marker(inner.trim()).to_string();
            return Some((caption_end(text, open), credit));
        }
    }
    // ASCII lowercasing keeps every byte offset.
    let lower = text.to_ascii_lowercase();
    // Most blocks hold no marker at all: one pass for the shortest common part rules them out.
    if !lower.contains("photo") && !MARKERS.iter().any(|m| lower.contains(m)) {
        return None;
    }
    for marker in MARKERS {
        let Some(at) = lower.rfind(marker) else { continue };
        let before = &text[..at];
        let after = text[at + marker.len()..].trim().trim_end_matches(')').trim_end();
        let boundary = at == 0 || before.ends_with([' ', '(', '|', ',', '-', '–', '—', '/']);
        if !boundary
            || after.is_empty()
            || after.split_whitespace().count() > CREDIT_WORDS
            || after.ends_with('.')
        {
            continue;
        }
        let after_punct = at > 0 && before.trim_end().ends_with([',', '|', '-', '–', '—']);
        if bare(marker) && !(after_punct && after.chars().next().is_some_and(char::is_uppercase)) {
            continue;
        }
        // "© 2019 Jane Doe": the year is part of the notice, not of the name.
        let credit = after.trim_start_matches(|c: char| c.is_ascii_digit() || c == ' ').trim();
        let credit = if credit.is_empty() { after } else { credit };
        return Some((caption_end(text, at), credit.to_string()));
    }
    None
}

/// True when the whole text is a credit: "Image Credit: WeWork", "Photo: Reuters".
pub fn is_credit_line(text: &str) -> bool {
    split(text).is_some_and(|(len, _)| len == 0)
}

/// A credit as an element marked as one holds it, without its marker: "Photo: Jane Doe"
/// gives "Jane Doe".
pub fn strip_marker(s: &str) -> &str {
    let s = s.trim();
    let lower = s.to_ascii_lowercase();
    for m in MARKERS.iter().filter(|m| !bare(m)) {
        if lower.starts_with(m) {
            let rest = s[m.len()..].trim();
            if !rest.is_empty() {
                return rest;
            }
        }
    }
    s
}

/// Where the caption text ends before a credit starting at `at`: trailing separators dropped.
fn caption_end(text: &str, at: usize) -> usize {
    text[..at].trim_end_matches([' ', ',', ';', ':', '|', '-', '–', '—', '(', '/']).len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credits_split_off_captions() {
        let examples: &[(&str, Option<(&str, &str)>)] = &[
            (
                "Why Did the Talks Fail, Photo ACME PICTURES",
                Some(("Why Did the Talks Fail", "ACME PICTURES")),
            ),
            ("The harbour at dawn. Photo: Jane Doe", Some(("The harbour at dawn.", "Jane Doe"))),
            ("Crowds in the square (Reuters/John Roe)", Some(("Crowds in the square", "Reuters/John Roe"))),
            (
                "Crowds in the square. (Photo: Jane Doe/Agency)",
                Some(("Crowds in the square.", "Jane Doe/Agency")),
            ),
            (
                "A bridge over the river. Credit: City Archive",
                Some(("A bridge over the river.", "City Archive")),
            ),
            ("Image: NASA", Some(("", "NASA"))),
            ("Image Credit: WeWork", Some(("", "WeWork"))),
            ("PHOTO: Reuters", Some(("", "Reuters"))),
            ("The old mill | © 2019 Ana Ruiz", Some(("The old mill", "Ana Ruiz"))),
            ("The photo was taken in the rain.", None),
            ("He kept a Photo album for years", None),
            ("Photo Essay: Life on the river", None),
            ("No credit here", None),
        ];
        for (text, want) in examples {
            let got = split(text).map(|(n, c)| (text[..n].to_string(), c));
            assert_eq!(got, want.map(|(a, b)| (a.to_string(), b.to_string())), "{text}");
        }
    }

    #[test]
    fn credit_lines_and_markers() {
        assert!(is_credit_line("Photo: Reuters"));
        assert!(is_credit_line("Image Credits: Jane Doe / Agency"));
        assert!(!is_credit_line("The harbour at dawn. Photo: Jane Doe"));
        assert!(!is_credit_line("Photography is a hobby of hers."));
        assert_eq!(strip_marker("Photograph: Jane Doe"), "Jane Doe");
        assert_eq!(strip_marker("Getty Images"), "Getty Images");
    }
}
