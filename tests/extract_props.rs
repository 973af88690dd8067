//! Property test: whatever the input, every entity's mentions lie inside the input, on
//! character boundaries, sorted and without overlap.

use proptest::prelude::*;

/// Words that make the extraction fire (names, places, titles, triggers) mixed with noise.
fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "Paris",
            "US-Russia",
            "Ukraine’s",
            "President",
            "Trump",
            "Dr.",
            "K.C.",
            "Maurer",
            "the",
            "talks",
            "war",
            "Miami",
            "Siméon",
            "Poisson",
            "a",
            "special",
            "envoy",
            "Battle",
            "of",
            "Chudnov",
            "2011",
            "nearly",
            "four",
            "years",
            "ago",
            "Galois'",
            "Secretary",
            "State",
            "U.S.",
            ".",
            ",",
            "\n\n",
            "é",
            "Ørsted",
            "\u{202e}",
            "\r\n",
        ])
        .prop_map(str::to_string),
        "\\PC{0,8}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]
    #[test]
    fn mentions_are_inside_on_boundaries_sorted_and_disjoint(words in prop::collection::vec(word(), 0..60)) {
        let text = words.join(" ");
        let Ok(doc) = folio::read(text.as_bytes()) else { return Ok(()) };
        for e in &doc.entities {
            prop_assert!(!e.mentions.is_empty());
            let mut prev_end = 0;
            for m in &e.mentions {
                prop_assert!(m.start < m.end && m.end <= text.len(), "{m:?} outside {}", text.len());
                prop_assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
                prop_assert!(m.start >= prev_end, "{:?} sorted and disjoint", e.mentions);
                prev_end = m.end;
            }
        }
    }
}
