//! Who wrote an article and when, from the ways pages and texts state it: "By NAME" lines and
//! dates written out ("March 5, 2024", "5 March 2024") or in ISO 8601.

use crate::calendar::MONTHS;

/// Where a byline's names end: the date or the outlet that follows them.
const NAME_ENDS: &[&str] =
    &[" · ", " | ", " — ", " – ", " - ", " / ", " on ", " published", " updated", "\n"];

/// The names of a "By NAME" line ("By Mara Lind · March 5, 2024" gives "Mara Lind"), if the
/// line is one: short, and the words after "By" start with capitals.
pub fn byline(line: &str) -> Option<String> {
    let line = line.trim();
    if line.split_whitespace().count() > 16 {
        return None;
    }
    let rest = line.get(..3).filter(|by| by.eq_ignore_ascii_case("by "))?;
    let mut names = line[rest.len()..].trim_start();
    let lower = names.to_lowercase();
    if let Some(end) = NAME_ENDS.iter().filter_map(|e| lower.find(e)).min() {
        names = &names[..end];
    }
    let names = names.trim().trim_end_matches([',', ';', ':', '|', '·']).trim();
    let capitals = names
        .split_whitespace()
        .filter(|w| !matches!(*w, "and" | "&" | "de" | "van" | "von" | "la" | "le" | "da" | "del" | "of"))
        .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    (!names.is_empty() && capitals && names.split_whitespace().count() <= 10).then(|| names.to_string())
}

/// A date as ISO 8601: a value already in that form keeps its time ("2024-03-05T09:30:00Z");
/// a date written out in English ("March 5, 2024", "5 Mar 2024") becomes "2024-03-05".
pub fn iso_date(text: &str) -> Option<String> {
    let t = text.trim();
    let b = t.as_bytes();
    let digits = |r: std::ops::Range<usize>| b.get(r).is_some_and(|s| s.iter().all(u8::is_ascii_digit));
    if digits(0..4) && b.get(4) == Some(&b'-') && digits(5..7) && b.get(7) == Some(&b'-') && digits(8..10) {
        let end = t.find(char::is_whitespace).unwrap_or(t.len());
        return Some(t[..end].to_string());
    }
    written_date(t)
}

/// The first date written out in English in `text`, as "YYYY-MM-DD".
pub fn written_date(text: &str) -> Option<String> {
    let words: Vec<String> = text
        .split(|c: char| c.is_whitespace() || c == ',' || c == '.')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let month = |w: &str| MONTHS.iter().position(|m| w.len() >= 3 && m.starts_with(w)).map(|i| i + 1);
    let day = |w: &str| {
        let n: u32 = w.trim_end_matches(|c: char| c.is_ascii_alphabetic()).parse().ok()?;
        (1..=31).contains(&n).then_some(n)
    };
    let year = |w: &str| w.parse::<u32>().ok().filter(|y| (1800..=2200).contains(y) && w.len() == 4);
    for (i, w) in words.iter().enumerate() {
        let Some(m) = month(w) else { continue };
        let next = |k: usize| words.get(i + k).map(String::as_str).unwrap_or("");
        let prev = if i > 0 { words[i - 1].as_str() } else { "" };
        let (d, y) = match (day(next(1)), year(next(2)), day(prev), year(next(1))) {
            (Some(d), Some(y), _, _) => (d, y),
            (_, _, Some(d), Some(y)) => (d, y),
            _ => continue,
        };
        return Some(format!("{y:04}-{m:02}-{d:02}"));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines_give_their_names() {
        let cases = [
            ("By Mara Lind · March 5, 2024", Some("Mara Lind")),
            ("By JOHN DOE and Jane Roe", Some("JOHN DOE and Jane Roe")),
            ("by Ana Ruiz, Associated Press", Some("Ana Ruiz, Associated Press")),
            ("By the end of the week the river had risen", None),
            ("Bypass roads were closed", None),
        ];
        for (line, want) in cases {
            assert_eq!(byline(line).as_deref(), want, "{line}");
        }
    }

    #[test]
    fn dates_become_iso() {
        assert_eq!(iso_date("2024-03-05T09:30:00Z").as_deref(), Some("2024-03-05T09:30:00Z"));
        assert_eq!(iso_date("March 5, 2024").as_deref(), Some("2024-03-05"));
        assert_eq!(iso_date("Updated 5 Mar. 2024, 10:00").as_deref(), Some("2024-03-05"));
        assert_eq!(iso_date("in May the river rose"), None);
    }
}
