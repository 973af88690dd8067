//! Long texts: "BOOK ONE: 1805" and "CHAPTER I" headings as nested sections, tables of
//! contents, and the header and licence trailer of Project Gutenberg editions.

use super::lines::Raw;

/// Division names by rank, largest first. Ordinals ("FIRST EPILOGUE") rank as books.
const DIVISIONS: &[(&str, u8)] = &[
    ("volume", 1),
    ("part", 2),
    ("book", 3),
    ("epilogue", 3),
    ("prologue", 3),
    ("chapter", 4),
    ("act", 3),
    ("scene", 4),
];
const NUMBER_WORDS: &[&str] = &[
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "the",
];
const ORDINALS: &[&str] =
    &["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "last"];

fn is_numeral(w: &str) -> bool {
    let w = w.trim_end_matches(['.', ':', ',']);
    !w.is_empty()
        && (w.chars().all(|c| c.is_ascii_digit())
            || w.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C' | 'D' | 'M'))
            || w.chars().all(|c| matches!(c, 'i' | 'v' | 'x' | 'l' | 'c'))
            || NUMBER_WORDS.contains(&w.to_lowercase().as_str()))
}

/// The rank of a division heading ("CHAPTER XII", "Book Two: 1806", "FIRST EPILOGUE: 1813 - 20"),
/// larger divisions first; `None` for other lines.
pub fn division_rank(text: &str) -> Option<u8> {
    if text.split_whitespace().nth(12).is_some() {
        return None;
    }
    let mut words = text.split_whitespace();
    let first = words.next()?;
    if !first.chars().next()?.is_uppercase() {
        return None;
    }
    let word = |w: &str| w.trim_end_matches([':', '.']).to_lowercase();
    let rank_of = |w: &str| DIVISIONS.iter().find(|(name, _)| *name == word(w)).map(|&(_, r)| r);
    if ORDINALS.contains(&word(first).as_str()) {
        return words.next().and_then(rank_of);
    }
    let rank = rank_of(first)?;
    match words.next() {
        Some(n) if is_numeral(n) => Some(rank),
        // "EPILOGUE" alone.
        None if rank == 3 && first.len() > 4 => Some(rank),
        _ => None,
    }
}

/// True for a "Contents" line that opens a table of contents.
pub fn is_contents(text: &str) -> bool {
    let t = text.trim_end_matches([':', '.']);
    t.eq_ignore_ascii_case("contents") || t.eq_ignore_ascii_case("table of contents")
}

/// Where a Project Gutenberg edition's own text starts and ends: the indices of its
/// "*** START OF …" and "*** END OF …" marker blocks.
pub fn gutenberg_bounds(raws: &[Raw]) -> Option<(usize, usize)> {
    let marker = |r: &Raw, what: &str| {
        let t = r.text.trim_start_matches(['*', ' ']);
        t.get(..what.len()).is_some_and(|start| start.eq_ignore_ascii_case(what))
            && t.to_uppercase().contains("PROJECT GUTENBERG")
    };
    let start = raws.iter().position(|r| marker(r, "START OF"))?;
    let end = raws.iter().rposition(|r| marker(r, "END OF")).filter(|&e| e > start).unwrap_or(raws.len());
    Some((start, with_closing_line(raws, start + 1, end)))
}

/// Where the licence trailer of a Project Gutenberg edition starts in a text that does not
/// hold the edition's header (its end, read on its own): the last "*** END OF …" marker.
pub fn gutenberg_trailer(raws: &[Raw]) -> Option<usize> {
    let end = raws.iter().rposition(|r| {
        let t = r.text.trim_start_matches(['*', ' ']);
        t.get(..6).is_some_and(|s| s.eq_ignore_ascii_case("END OF"))
            && t.to_uppercase().contains("PROJECT GUTENBERG")
    })?;
    Some(with_closing_line(raws, 0, end))
}

/// "End of the Project Gutenberg EBook of …" just before the end marker (and not before
/// block `first`) belongs to the trailer.
fn with_closing_line(raws: &[Raw], first: usize, end: usize) -> usize {
    if end > first && raws[end - 1].text.to_uppercase().starts_with("END OF THE PROJECT") {
        end - 1
    } else {
        end
    }
}

/// The byte offset of the title in a "Title: War and Peace" header line.
pub fn metadata_title(raw: &Raw) -> Option<usize> {
    let rest = raw.text.strip_prefix("Title:")?;
    let lead = rest.len() - rest.trim_start().len();
    (!rest.trim().is_empty() && raw.lines.len() <= 2).then_some("Title:".len() + lead)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn division_examples() {
        let examples: &[(&str, Option<u8>)] = &[
            ("CHAPTER I", Some(4)),
            ("CHAPTER XXVIII", Some(4)),
            ("Chapter 12", Some(4)),
            ("Chapter 3. The Storm", Some(4)),
            ("BOOK ONE: 1805", Some(3)),
            ("FIRST EPILOGUE: 1813 - 20", Some(3)),
            ("PART II", Some(2)),
            ("VOLUME III", Some(1)),
            ("Chapter and verse were quoted at length by the old priest.", None),
            ("Booking a room", None),
            ("The book was long", None),
        ];
        for (text, want) in examples {
            assert_eq!(division_rank(text), *want, "{text}");
        }
    }

    #[test]
    fn gutenberg_markers() {
        let raw = |s: &str| Raw::new(std::iter::once(0..s.len()).collect(), s.to_string());
        let raws = vec![
            raw("The Project Gutenberg EBook of X"),
            raw("*** START OF THIS PROJECT GUTENBERG EBOOK X ***"),
            raw("Text."),
            raw("End of the Project Gutenberg EBook of X"),
            raw("*** END OF THIS PROJECT GUTENBERG EBOOK X ***"),
            raw("Licence."),
        ];
        assert_eq!(gutenberg_bounds(&raws), Some((1, 3)));
        // The end of such a text, read without its header, still ends in the trailer.
        assert_eq!(gutenberg_bounds(&raws[2..]), None);
        assert_eq!(gutenberg_trailer(&raws[2..]), Some(1));
        assert_eq!(gutenberg_trailer(&raws[..3]), None);
        assert_eq!(metadata_title(&raw("Title: War and Peace")), Some(7));
    }
}
