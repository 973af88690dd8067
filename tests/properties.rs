//! Property tests: any bytes give a Document or a clean refusal, never a panic, with every
//! span inside the input.

mod common;

use proptest::prelude::*;

/// Text-like input: words, newlines, controls, escapes and odd Unicode mixed together.
fn texty() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        "[A-Za-z]{1,9}".prop_map(String::into_bytes),
        Just(b" ".to_vec()),
        Just(b"\n".to_vec()),
        Just(b"\n\n".to_vec()),
        Just(b"\r\n".to_vec()),
        Just(b".".to_vec()),
        Just(b"\x1b[31m".to_vec()),
        Just(b"\x1b]0;title\x07".to_vec()),
        Just(b"\x1b]8;;http://x".to_vec()),
        Just(b"\x1b".to_vec()),
        Just("\u{202e}".as_bytes().to_vec()),
        Just("\u{9b}".as_bytes().to_vec()),
        Just("é漢字😀\u{301}".as_bytes().to_vec()),
        Just(b"\xff\xfe".to_vec()),
        Just(b"\xe9".to_vec()),
        Just(b"\0".to_vec()),
        Just(b"Photo: Someone".to_vec()),
        Just(b"Home > News".to_vec()),
    ];
    proptest::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

fn check(input: &[u8]) {
    match folio::read(input) {
        Ok(doc) => {
            common::assert_spans_valid(input, &doc);
            for p in doc.passages() {
                assert!(
                    !p.text.chars().any(folio::ingest::sanitize::is_unsafe),
                    "unsafe character in {:?}",
                    p.text
                );
            }
        }
        Err(folio::InputError::Binary { .. }) => {}
        Err(e) => panic!("unexpected error {e}"),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn any_bytes_give_a_document_or_a_refusal(input in proptest::collection::vec(any::<u8>(), 0..400)) {
        check(&input);
    }

    #[test]
    fn text_like_input_keeps_spans_in_range(input in texty()) {
        check(&input);
    }
}
