//! What each raw block is: title, breadcrumbs, caption or heading, by shape and position.
//!
//! Every rule here looks at the form of the text (length, case, punctuation, repetition,
//! neighbours), never at particular words of particular articles.

use super::lines::Raw;

/// Crumb separators seen in scraped navigation trails.
const CRUMB_SEPARATORS: &[&str] = &[" > ", " › ", " » ", " / ", " | ", " · ", " → ", " :: "];
/// Words that start a navigation trail.
const CRUMB_ROOTS: &[&str] = &["Home", "Start", "Main", "Homepage", "Front Page"];
/// Lowercase words allowed inside a title-case line.
const MINOR_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "by", "with", "from",
    "as", "vs", "vs.", "via", "into", "over", "per", "than", "upon", "amid", "after", "before", "about",
    "is", "are", "be", "de", "la", "le", "van", "von", "der", "del", "du", "da", "di", "y", "et", "&", "–",
    "—", "-",
];

/// Longest headline, in words.
const TITLE_WORDS: usize = 30;
/// Longest heading, in words and characters.
const HEADING_WORDS: usize = 12;
const HEADING_CHARS: usize = 100;
/// Longest heading written in sentence case rather than title case.
const SENTENCE_CASE_HEADING_WORDS: usize = 6;
/// A word of a dateline besides its numbers: a month or weekday name, or "Updated"
/// ("Tuesday, June 19, 2018", "Updated Jan 5").
fn is_date_word(lower: &str) -> bool {
    use crate::calendar::{MONTH_ABBREVIATIONS, is_month_or_weekday};
    is_month_or_weekday(lower)
        || MONTH_ABBREVIATIONS.contains(&lower)
        || matches!(lower, "updated" | "published")
}

/// A line that only states a date: "Tuesday, June 19, 2018", "19 June 2018".
pub fn is_date_line(text: &str) -> bool {
    let mut has_month = false;
    let mut has_number = false;
    for w in text.split_whitespace() {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
        if w.is_empty() {
            continue;
        }
        if is_date_word(&w) {
            has_month = true;
        } else if w.chars().all(|c| c.is_ascii_digit())
            || w.trim_end_matches(['s', 't', 'n', 'd', 'r', 'h']).chars().all(|c| c.is_ascii_digit())
        {
            has_number = true;
        } else if !matches!(w.as_str(), "at" | "on" | "am" | "pm" | "utc" | "gmt" | "et" | "pt") {
            return false;
        }
    }
    has_month && has_number
}

/// True when the words of `s` are capitalised as in a title (minor words aside).
pub fn is_title_case(s: &str) -> bool {
    let mut capitalised = 0;
    let mut total = 0;
    for w in s.split_whitespace() {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        let Some(first) = w.chars().next() else { continue };
        if MINOR_WORDS.contains(&w.to_lowercase().as_str()) && total > 0 {
            continue;
        }
        total += 1;
        if first.is_uppercase() || first.is_numeric() {
            capitalised += 1;
        }
    }
    total > 0 && capitalised * 5 >= total * 4
}

/// A headline: short, one unit, not a sentence of body text.
pub fn is_headline(b: &Raw) -> bool {
    let words = b.words();
    words > 0 && words <= TITLE_WORDS && b.text.chars().count() <= 250 && b.lines.len() <= 3
}

/// The shape of a heading: short, starts with a capital or digit, and either ends with a
/// colon, or is in title case (a question allowed), or is a short phrase without final
/// punctuation.
pub fn is_heading_like(text: &str) -> bool {
    let words = text.split_whitespace().count();
    if words == 0 || words > HEADING_WORDS || text.chars().count() > HEADING_CHARS {
        return false;
    }
    let Some(first) = text.chars().find(|c| !matches!(c, '"' | '\'' | '“' | '‘' | '(' | '[')) else {
        return false;
    };
    if !(first.is_uppercase() || first.is_numeric()) || is_date_line(text) {
        return false;
    }
    // Speech broken off ("the questions are --") is not a heading.
    if text.ends_with(['-', '–', '—']) {
        return false;
    }
    let last = text.chars().last().unwrap_or(' ');
    match last {
        ':' => true,
        '?' => is_title_case(text),
        '.' | ',' | ';' | '!' | '"' | '”' | '…' => false,
        _ => is_title_case(text) || (words <= SENTENCE_CASE_HEADING_WORDS && !text.contains(", ")),
    }
}

/// Body text: a sentence or more.
pub fn is_body(b: &Raw) -> bool {
    let t = b.text.trim_end_matches(['"', '\'', '”', '’', ')']);
    b.words() > HEADING_WORDS || (b.words() >= 4 && t.ends_with(['.', '!', '?']))
}

/// Splits a navigation trail into crumbs where the text allows: at separators, and after a
/// leading root word ("Home"); otherwise the trail stays whole.
pub fn split_crumbs(trail: &str) -> Vec<String> {
    let trail = trail.trim();
    for sep in CRUMB_SEPARATORS {
        if trail.contains(sep) {
            return trail.split(sep).map(str::trim).filter(|c| !c.is_empty()).map(str::to_string).collect();
        }
    }
    for root in CRUMB_ROOTS {
        if let Some(rest) = trail.strip_prefix(root)
            && rest.starts_with(' ')
        {
            let mut out = vec![root.to_string()];
            out.extend(split_crumbs(rest));
            return out;
        }
    }
    if trail.is_empty() { Vec::new() } else { vec![trail.to_string()] }
}

/// True when a line reads as a navigation trail on its own.
pub fn looks_like_trail(text: &str) -> bool {
    let seps = CRUMB_SEPARATORS.iter().map(|s| text.matches(s).count()).sum::<usize>();
    let words = text.split_whitespace().count();
    (seps >= 1 && words <= 20 && !text.ends_with('.'))
        || CRUMB_ROOTS.iter().any(|r| text.starts_with(r) && text[r.len()..].starts_with(' ') && words <= 12)
}

/// Splits a photo credit off a caption (the one splitter every reader uses).
pub use crate::ingest::credit::split as split_credit;

/// Publisher or site name where the text states it.
pub fn find_source(texts: &[&str]) -> Option<String> {
    for t in texts {
        if let Some(s) = source_in(t) {
            return Some(s);
        }
    }
    None
}

fn source_in(text: &str) -> Option<String> {
    if let Some(agency) = dateline_agency(text) {
        return Some(agency.to_string());
    }
    let lower = text.to_lowercase();
    // "THE DAILY JOURNAL - ONLINE EDITION": the name before an edition marker.
    for marker in ["online edition", "digital edition", "web edition"] {
        if let Some(at) = lower.find(marker)
            && lower.is_char_boundary(at)
        {
            let name = text[..at].trim_end_matches([' ', '-', '–', '—', ':', '|']).trim();
            let name = last_phrase(name);
            if !name.is_empty() {
                return Some(tidy_name(name));
            }
        }
    }
    // "© 2024 The Daily Journal." / "Copyright 2024 The Daily Journal, all rights reserved"
    for marker in ["©", "copyright"] {
        let Some(at) = lower.find(marker) else { continue };
        if text.split_whitespace().count() > 40 {
            continue;
        }
        let rest = text.get(at + marker.len()..)?;
        let rest = rest
            .trim_start_matches(|c: char| c == '©' || c == ' ' || c.is_ascii_digit() || c == '-' || c == '–');
        let end = rest.find(['.', '|', ',', ';']).unwrap_or(rest.len());
        let name = rest[..end].trim();
        let name = name.split(" All rights").next().unwrap_or(name).trim();
        let words = name.split_whitespace().count();
        if (1..=6).contains(&words) && name.chars().next().is_some_and(char::is_uppercase) {
            return Some(tidy_name(name));
        }
    }
    None
}

/// The agency of a wire dateline: "WASHINGTON (Reuters) — …" gives "Reuters".
fn dateline_agency(text: &str) -> Option<&str> {
    let open = text.find(" (")?;
    let place = &text[..open];
    if place.is_empty() || place.len() > 40 || place.chars().any(|c| c.is_lowercase()) {
        return None;
    }
    let rest = &text[open + 2..];
    let close = rest.find(')')?;
    let agency = rest[..close].trim();
    let after = rest[close + 1..].trim_start();
    let words = agency.split_whitespace().count();
    let dash = after.starts_with(['-', '–', '—']);
    (dash && (1..=3).contains(&words) && agency.chars().next().is_some_and(char::is_uppercase))
        .then_some(agency)
}

/// The trailing run of capitalised words of `s`, as a name.
fn last_phrase(s: &str) -> &str {
    let words: Vec<&str> = s.split_whitespace().collect();
    let keep = words
        .iter()
        .rev()
        .take_while(|w| w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_numeric()))
        .count();
    if keep == 0 {
        return "";
    }
    let first = words[words.len() - keep];
    let start = s.rfind(first).unwrap_or(0);
    // rfind could land inside a later repeat; the phrase is still a suffix of s.
    s[start..].trim()
}

/// "THE DAILY JOURNAL" → "The Daily Journal"; mixed case is kept as written.
fn tidy_name(name: &str) -> String {
    let letters: Vec<char> = name.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() < 4 || letters.iter().any(|c| c.is_lowercase()) {
        return name.to_string();
    }
    name.split_whitespace()
        .map(|w| {
            let mut cs = w.chars();
            match cs.next() {
                Some(f) => f.to_uppercase().chain(cs.flat_map(char::to_lowercase)).collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<String>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heading_shapes() {
        let examples: &[(&str, bool)] = &[
            ("The Context of the Conflict and Recent Escalations", true),
            ("Key Players and the Talks:", true),
            ("Early life and education", true),
            ("Get in", true),
            ("Will the Talks End the War?", true),
            ("What inspired you to create a cocktail after the contest?", false),
            ("He left.", false),
            ("Tuesday, June 19, 2018", false),
            ("So the questions are --", false),
            ("Dixam, in the centre of the island", false),
            ("it was late", false),
            ("This paragraph is far too long to be a heading because it keeps going on and on", false),
        ];
        for (text, want) in examples {
            assert_eq!(is_heading_like(text), *want, "{text}");
        }
    }

    #[test]
    fn crumbs_split_where_the_text_allows() {
        assert_eq!(split_crumbs("Home > World > Europe"), vec!["Home", "World", "Europe"]);
        assert_eq!(split_crumbs("Home World Affairs"), vec!["Home", "World Affairs"]);
        assert_eq!(split_crumbs("News | Sport"), vec!["News", "Sport"]);
    }

    #[test]
    fn sources_where_stated() {
        assert_eq!(
            find_source(&["THE DAILY LEDGER- ONLINE EDITION OF This website uses cookies"]),
            Some("The Daily Ledger".to_string())
        );
        assert_eq!(
            find_source(&["© 2024 Harbour Media. All rights reserved."]),
            Some("Harbour Media".to_string())
        );
        assert_eq!(find_source(&["Nothing to see here."]), None);
        assert_eq!(
            find_source(&["LONDON (Reuters) — Markets fell on Monday as traders weighed the news."]),
            Some("Reuters".to_string())
        );
        assert_eq!(find_source(&["He said (quietly) - nothing."]), None);
    }
}
