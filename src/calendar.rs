//! Month and weekday names, lowercase: structure recovery reads datelines with them, and
//! extraction knows them for capitalised words that never name anyone.

/// The months.
pub const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The months as datelines abbreviate them.
pub const MONTH_ABBREVIATIONS: [&str; 12] =
    ["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"];

/// The days of the week.
pub const WEEKDAYS: [&str; 7] =
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// True for a month or weekday name written out, lowercase.
pub fn is_month_or_weekday(lower: &str) -> bool {
    MONTHS.contains(&lower) || WEEKDAYS.contains(&lower)
}

/// True for a month name written as in running text: "June", not "june" or "JUNE".
pub fn is_capitalised_month(word: &str) -> bool {
    let mut chars = word.chars();
    let Some(first) = chars.next().filter(char::is_ascii_uppercase) else { return false };
    let rest = chars.as_str();
    MONTHS.iter().any(|m| m.starts_with(first.to_ascii_lowercase()) && m[1..] == *rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_and_weekdays_are_known_in_their_forms() {
        assert!(is_month_or_weekday("june") && is_month_or_weekday("sunday") && !is_month_or_weekday("jun"));
        assert!(is_capitalised_month("June") && is_capitalised_month("May"));
        assert!(
            !is_capitalised_month("june") && !is_capitalised_month("JUNE") && !is_capitalised_month("Junes")
        );
    }
}
