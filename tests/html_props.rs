//! Any bytes read as HTML (or Markdown) give a Document: no panic, every span inside the input
//! and on its character boundaries, and every exactly mapped run equal to the input bytes.

use folio::{Document, Format};
use proptest::prelude::*;

fn check(input: &[u8], doc: &Document) -> Result<(), TestCaseError> {
    let utf8 = std::str::from_utf8(input).ok();
    let passages = doc.passages().chain(doc.boilerplate.iter().map(|b| &b.passage));
    for p in passages {
        prop_assert!(
            p.span.start <= p.span.end && p.span.end <= input.len(),
            "{:?} of {}",
            p.span,
            input.len()
        );
        if let Some(s) = utf8 {
            prop_assert!(s.is_char_boundary(p.span.start) && s.is_char_boundary(p.span.end));
        }
        for r in p.map.runs() {
            prop_assert!(r.input_end() <= input.len());
            prop_assert!(p.text.is_char_boundary(r.text()) && p.text.is_char_boundary(r.text_end()));
            if r.is_exact() {
                prop_assert_eq!(&input[r.input()..r.input_end()], &p.text.as_bytes()[r.text()..r.text_end()]);
            }
        }
        prop_assert!(!p.text.chars().any(|c| c.is_control() && c != '\n' && c != '\t'));
    }
    for l in &doc.links {
        prop_assert!(l.span.end <= input.len());
    }
    Ok(())
}

/// Fragments that make HTML-shaped input: tags of article pages, references, scripts,
/// broken markup, escape characters and non-ASCII text.
fn html_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("<p>".to_string()),
        Just("</p>".to_string()),
        Just("<div class=\"content\">".to_string()),
        Just("<div class='share'>".to_string()),
        Just("</div>".to_string()),
        Just("<h2>".to_string()),
        Just("</h2>".to_string()),
        Just("<li>".to_string()),
        Just("<ul>".to_string()),
        Just("<figure><figcaption>".to_string()),
        Just("<span class=credit>".to_string()),
        Just("<a href=\"/x\">".to_string()),
        Just("</a>".to_string()),
        Just("<script>".to_string()),
        Just("</script>".to_string()),
        Just("<title>".to_string()),
        Just("<nav aria-label=breadcrumb>".to_string()),
        Just("<!-- c -->".to_string()),
        Just("&amp;".to_string()),
        Just("&#27;[31m".to_string()),
        Just("&#x202e;".to_string()),
        Just("&notin".to_string()),
        Just("&#0;".to_string()),
        Just("\u{1b}]0;t\u{7}".to_string()),
        Just("\r\n".to_string()),
        Just("<".to_string()),
        Just("café ".to_string()),
        Just("日本語 ".to_string()),
        "[a-z ,.]{0,40}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_bytes_as_html(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        if let Ok(doc) = folio::ingest::parse(&bytes, Format::Html) {
            check(&bytes, &doc)?;
        }
    }

    #[test]
    fn html_shaped_text(pieces in proptest::collection::vec(html_piece(), 0..60)) {
        let input = pieces.concat();
        // Text can still be refused as binary when control bytes make up much of it.
        if let Ok(doc) = folio::ingest::parse(input.as_bytes(), Format::Html) {
            check(input.as_bytes(), &doc)?;
        }
    }

    #[test]
    fn latin1_html(pieces in proptest::collection::vec(html_piece(), 0..40)) {
        let text = format!("<meta charset=latin1>{}", pieces.concat());
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&text);
        if let Ok(doc) = folio::ingest::parse(&bytes, Format::Html) {
            check(&bytes, &doc)?;
        }
    }

    #[test]
    fn any_text_as_markdown(text in "(#{0,3} |[-*>] |```\n|\\[l\\]\\(http://x\\) |&amp;|&#27;|\u{1b}\\[1m|[a-zé ]{0,12}|\n){0,40}") {
        if let Ok(doc) = folio::ingest::parse(text.as_bytes(), Format::Markdown) {
            check(text.as_bytes(), &doc)?;
        }
    }
}
