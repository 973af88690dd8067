//! HTML bytes to text in the page's own character encoding, mapped back to input bytes.
//!
//! The order follows the HTML standard's sniffing: a byte order mark, then bytes that are
//! valid UTF-8 (a declaration that says otherwise is more often wrong than the bytes), then
//! the charset the server sent (`Content-Type`, which outranks the page's own), then the
//! encoding a `<meta>` declares, then chardetng's guess. Legacy encodings are decoded
//! with encoding_rs one character at a time where the bytes are not ASCII, so every
//! character keeps the input range it came from.

use crate::ingest::{Decoded, InputError, decode as decode_text};
use encoding_rs::{DecoderResult, Encoding, UTF_8};

/// How far into the page a `<meta charset>` is looked for.
const PRESCAN: usize = 4096;

/// Decodes an HTML page.
pub fn decode(bytes: &[u8]) -> Result<Decoded, InputError> {
    decode_with(bytes, None)
}

/// Decodes an HTML page whose server named a charset (a label such as "windows-1251"; an
/// unknown label counts as none).
pub fn decode_with(bytes: &[u8], header: Option<&str>) -> Result<Decoded, InputError> {
    let has_bom = bytes.starts_with(b"\xef\xbb\xbf")
        || bytes.starts_with(b"\xff\xfe")
        || bytes.starts_with(b"\xfe\xff");
    if has_bom || std::str::from_utf8(bytes).is_ok() {
        return decode_text(bytes);
    }
    refuse_binary(bytes)?;
    let header = header.and_then(|l| Encoding::for_label(l.trim().as_bytes()));
    let (encoding, how) = match header
        .map(|e| (e, "sent by the server"))
        .or(declared(bytes).map(|e| (e, "declared by the page")))
    {
        Some(found) => found,
        None => {
            let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
            detector.feed(bytes, true);
            (detector.guess(None, chardetng::Utf8Detection::Allow), "guessed from the page")
        }
    };
    if encoding == UTF_8 || !encoding.is_ascii_compatible() {
        // UTF-16 declarations in a byte stream without a BOM are wrong by definition, and
        // ISO-2022-JP is rare enough on article pages to read as UTF-8 with replacements.
        return decode_text(bytes);
    }
    let mut d = legacy(bytes, encoding);
    d.warnings.insert(0, format!("decoded as {} ({how})", encoding.name()));
    Ok(d)
}

/// Refuses what is not text even in a legacy encoding: a known binary signature, or a start
/// that is mostly control bytes. (Invalid UTF-8 alone is no sign here: a page in
/// windows-1251 is nearly all of it.)
fn refuse_binary(bytes: &[u8]) -> Result<(), InputError> {
    // The plain-text decoder checks signatures first, and a prefix too short for its other
    // checks gets only that one.
    decode_text(&bytes[..bytes.len().min(15)])?;
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    let controls =
        sample.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c | 0x1b)).count();
    if sample.len() >= 16 && controls * 10 > sample.len() {
        return Err(InputError::Binary {
            why: format!("{controls} control bytes in the first {}", sample.len()),
        });
    }
    Ok(())
}

/// The encoding a `<meta charset=…>` or `<meta http-equiv … content="…charset=…">` names.
fn declared(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(PRESCAN)];
    let lower = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = find(&lower[from..], b"<meta") {
        let start = from + i;
        let end = find(&lower[start..], b">").map_or(lower.len(), |j| start + j);
        let tag = &lower[start..end];
        if let Some(k) = find(tag, b"charset") {
            let rest = &tag[k + 7..];
            let rest = rest.trim_ascii_start().strip_prefix(b"=").unwrap_or(rest).trim_ascii_start();
            let rest = rest.strip_prefix(b"\"").or_else(|| rest.strip_prefix(b"'")).unwrap_or(rest);
            let len = rest
                .iter()
                .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':')))
                .unwrap_or(rest.len());
            if let Some(e) = Encoding::for_label(&rest[..len]) {
                return Some(e);
            }
        }
        from = end.max(start + 1);
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Decodes an ASCII-compatible legacy encoding, mapping each character to its bytes.
fn legacy(bytes: &[u8], encoding: &'static Encoding) -> Decoded {
    let mut d = Decoded { text: String::with_capacity(bytes.len() + bytes.len() / 4), ..Decoded::default() };
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut buf = String::with_capacity(16);
    let mut invalid = 0usize;
    let mut i = 0;
    let mut seq_start = 0;
    while i < bytes.len() {
        if seq_start == i && bytes[i].is_ascii() {
            // Between characters an ASCII byte stands for itself in these encodings.
            let run = bytes[i..].iter().position(|b| !b.is_ascii()).unwrap_or(bytes.len() - i);
            d.map.push_exact(d.text.len(), i, run);
            d.text.push_str(std::str::from_utf8(&bytes[i..i + run]).unwrap_or_default());
            i += run;
            seq_start = i;
            continue;
        }
        buf.clear();
        let last = i + 1 == bytes.len();
        let (result, _read) = decoder.decode_to_string_without_replacement(&bytes[i..i + 1], &mut buf, last);
        i += 1;
        match result {
            DecoderResult::Malformed(_, _) => {
                invalid += 1;
                d.map.push_replaced(d.text.len(), '\u{FFFD}'.len_utf8(), seq_start, i - seq_start);
                d.text.push('\u{FFFD}');
                d.text.push_str(&buf);
                seq_start = i;
            }
            DecoderResult::InputEmpty | DecoderResult::OutputFull => {
                if !buf.is_empty() {
                    d.map.push_replaced(d.text.len(), buf.len(), seq_start, i - seq_start);
                    d.text.push_str(&buf);
                    seq_start = i;
                }
            }
        }
    }
    if invalid > 0 {
        d.warnings.push(format!("{invalid} byte sequences invalid in {} replaced", encoding.name()));
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    #[test]
    fn declared_latin1_is_decoded_with_offsets() {
        let page = b"<meta charset=\"iso-8859-1\"><p>caf\xe9 cr\xe8me</p>";
        let d = decode(page).unwrap();
        assert!(d.text.contains("café crème"), "{}", d.text);
        let at = d.text.find('é').unwrap_or(0);
        assert_eq!(d.map.to_input(at..at + 2), Span::new(33, 34));
        assert!(d.warnings[0].contains("windows-1252"));
    }

    #[test]
    fn shift_jis_multibyte_characters_map_to_their_bytes() {
        let (bytes, _, _) = encoding_rs::SHIFT_JIS.encode("<meta charset=shift_jis><p>日本a</p>");
        let d = decode(&bytes).unwrap();
        let at = d.text.find('本').unwrap_or(0);
        let span = d.map.to_input(at..at + 3);
        assert_eq!(span.len(), 2);
        assert_eq!(&bytes[span.start..span.end], &encoding_rs::SHIFT_JIS.encode("本").0[..]);
    }

    #[test]
    fn binary_is_refused_whatever_the_label() {
        assert!(decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\xff\xfe").is_err());
        let noise: Vec<u8> = (0..4096u32).map(|i| (i.wrapping_mul(2654435761) >> 13) as u8).collect();
        assert!(decode(&noise).is_err());
        let cyrillic =
            encoding_rs::WINDOWS_1251.encode("<meta charset=windows-1251><p>Привет, мир. Это абзац.").0;
        assert!(decode(&cyrillic).is_ok());
    }

    #[test]
    fn the_servers_charset_wins_over_the_pages() {
        let page = encoding_rs::WINDOWS_1251.encode("<meta charset=iso-8859-1><p>Привет</p>").0;
        let d = decode_with(&page, Some("windows-1251")).unwrap();
        assert!(d.text.contains("Привет"), "{}", d.text);
        assert!(d.warnings[0].contains("sent by the server"));
        assert!(!decode(&page).unwrap().text.contains("Привет"));
        assert!(decode_with(&page, Some("no-such-charset")).unwrap().warnings[0].contains("declared"));
    }

    #[test]
    fn valid_utf8_wins_over_a_wrong_declaration() {
        let d = decode("<meta charset=latin1><p>café</p>".as_bytes()).unwrap();
        assert!(d.text.contains("café"));
    }
}
