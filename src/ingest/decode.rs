//! Bytes to text: byte order marks, UTF-16, invalid UTF-8 and the refusal of binary data.

use super::InputError;
use crate::span::OffsetMap;

/// Decoded text and its map back to the input bytes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Decoded {
    /// The text, still with any control characters the input had.
    pub text: String,
    /// From offsets of `text` to offsets of the input.
    pub map: OffsetMap,
    /// "invalid UTF-8 replaced at byte 12" and the like.
    pub warnings: Vec<String>,
}

/// Byte signatures of common binary formats.
const MAGIC: &[(&[u8], &str)] = &[
    (b"\x89PNG", "a PNG image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"\x7fELF", "an ELF executable"),
    (b"\x1f\x8b", "gzip data"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"BZh", "bzip2 data"),
    (b"\xfd7zXZ\x00", "xz data"),
    (b"\x28\xb5\x2f\xfd", "zstd data"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\x00asm", "WebAssembly"),
    (b"MZ\x90\x00", "a Windows executable"),
];

/// How many invalid UTF-8 positions are named one by one before the rest are counted.
const NAMED_INVALID: usize = 3;

/// Decodes input bytes to text.
///
/// UTF-8 (with or without BOM) and UTF-16 with a BOM are decoded; UTF-16 without a BOM is
/// recognised by its zero bytes. Invalid UTF-8 becomes U+FFFD with a warning naming the byte
/// offset. Data that looks binary is refused.
pub fn decode(bytes: &[u8]) -> Result<Decoded, InputError> {
    if let Some(rest) = bytes.strip_prefix(b"\xef\xbb\xbf") {
        return Ok(utf8(rest, 3));
    }
    if bytes.starts_with(b"\xff\xfe") {
        return Ok(utf16(bytes, 2, false));
    }
    if bytes.starts_with(b"\xfe\xff") {
        return Ok(utf16(bytes, 2, true));
    }
    if let Some((_, what)) = MAGIC.iter().find(|(m, _)| bytes.starts_with(m)) {
        return Err(InputError::Binary { why: format!("it starts like {what}") });
    }
    if let Some(big_endian) = bomless_utf16(bytes) {
        let mut d = utf16(bytes, 0, big_endian);
        d.warnings.insert(0, "decoded as UTF-16 without a byte order mark".to_string());
        return Ok(d);
    }
    sniff_binary(bytes)?;
    Ok(utf8(bytes, 0))
}

/// Refuses data whose first 64 KiB are mostly control bytes or invalid UTF-8.
fn sniff_binary(bytes: &[u8]) -> Result<(), InputError> {
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    if sample.len() < 16 {
        return Ok(());
    }
    let controls =
        sample.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c | 0x1b)).count();
    let invalid: usize = sample.utf8_chunks().map(|c| c.invalid().len()).sum();
    // Text with a few stray NULs or Latin-1 bytes stays text; an image or archive does not.
    if controls * 10 > sample.len() {
        return Err(InputError::Binary {
            why: format!("{controls} control bytes in the first {}", sample.len()),
        });
    }
    if invalid * 4 > sample.len() {
        return Err(InputError::Binary {
            why: format!("{invalid} bytes of invalid UTF-8 in the first {}", sample.len()),
        });
    }
    Ok(())
}

/// Recognises UTF-16 without a BOM: zero bytes in most even (big-endian) or odd positions.
fn bomless_utf16(bytes: &[u8]) -> Option<bool> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    if sample.len() < 8 {
        return None;
    }
    let pairs = sample.len() / 2;
    let even = sample.chunks_exact(2).filter(|p| p[0] == 0 && p[1] != 0).count();
    let odd = sample.chunks_exact(2).filter(|p| p[1] == 0 && p[0] != 0).count();
    if even * 10 >= pairs * 9 {
        Some(true)
    } else if odd * 10 >= pairs * 9 {
        Some(false)
    } else {
        None
    }
}

fn utf8(bytes: &[u8], base: usize) -> Decoded {
    let mut d = Decoded { text: String::with_capacity(bytes.len()), ..Decoded::default() };
    let mut invalid_at = Vec::new();
    let mut pos = 0;
    for chunk in bytes.utf8_chunks() {
        let valid = chunk.valid();
        d.map.push_exact(d.text.len(), base + pos, valid.len());
        d.text.push_str(valid);
        pos += valid.len();
        let bad = chunk.invalid();
        if !bad.is_empty() {
            invalid_at.push(base + pos);
            d.map.push_replaced(d.text.len(), '\u{FFFD}'.len_utf8(), base + pos, bad.len());
            d.text.push('\u{FFFD}');
            pos += bad.len();
        }
    }
    if !invalid_at.is_empty() {
        let named: Vec<String> = invalid_at.iter().take(NAMED_INVALID).map(|o| o.to_string()).collect();
        let mut w = format!("invalid UTF-8 replaced at byte {}", named.join(", "));
        if invalid_at.len() > NAMED_INVALID {
            w.push_str(&format!(" and {} more places", invalid_at.len() - NAMED_INVALID));
        }
        d.warnings.push(w);
    }
    d
}

fn utf16(bytes: &[u8], base: usize, big_endian: bool) -> Decoded {
    let body = &bytes[base..];
    let units = body.chunks_exact(2).map(|p| {
        if big_endian { u16::from_be_bytes([p[0], p[1]]) } else { u16::from_le_bytes([p[0], p[1]]) }
    });
    let mut d = Decoded { text: String::with_capacity(body.len()), ..Decoded::default() };
    let mut pos = base;
    let mut unpaired = 0usize;
    for c in char::decode_utf16(units) {
        let (c, width) = match c {
            Ok(c) => (c, c.len_utf16() * 2),
            Err(_) => {
                unpaired += 1;
                ('\u{FFFD}', 2)
            }
        };
        d.map.push_replaced(d.text.len(), c.len_utf8(), pos, width);
        d.text.push(c);
        pos += width;
    }
    if unpaired > 0 {
        d.warnings.push(format!("{unpaired} unpaired UTF-16 surrogates replaced"));
    }
    if body.len() % 2 == 1 {
        d.warnings.push("a trailing odd byte after UTF-16 text was ignored".to_string());
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    #[test]
    fn utf8_bom_is_stripped_and_offsets_kept() {
        let d = decode(b"\xef\xbb\xbfhello").unwrap();
        assert_eq!(d.text, "hello");
        assert_eq!(d.map.to_input(0..5), Span::new(3, 8));
    }

    #[test]
    fn utf16_with_bom_is_decoded() {
        let le: Vec<u8> =
            [0xff, 0xfe].into_iter().chain("hé".encode_utf16().flat_map(u16::to_le_bytes)).collect();
        let d = decode(&le).unwrap();
        assert_eq!(d.text, "hé");
        assert_eq!(d.map.to_input(1..3), Span::new(4, 6));
        let be: Vec<u8> =
            [0xfe, 0xff].into_iter().chain("hi".encode_utf16().flat_map(u16::to_be_bytes)).collect();
        assert_eq!(decode(&be).unwrap().text, "hi");
    }

    #[test]
    fn utf16_without_bom_is_recognised() {
        let le: Vec<u8> = "plain old text".encode_utf16().flat_map(u16::to_le_bytes).collect();
        let d = decode(&le).unwrap();
        assert_eq!(d.text, "plain old text");
        assert!(d.warnings[0].contains("UTF-16"));
    }

    #[test]
    fn invalid_utf8_is_replaced_with_a_warning() {
        let d = decode(b"caf\xe9 au lait").unwrap();
        assert_eq!(d.text, "caf\u{FFFD} au lait");
        assert_eq!(d.warnings, vec!["invalid UTF-8 replaced at byte 3".to_string()]);
        assert_eq!(d.map.to_input(3..6), Span::new(3, 4));
        assert_eq!(d.map.to_input(7..9), Span::new(5, 7));
    }

    #[test]
    fn binary_is_refused() {
        assert!(matches!(decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), Err(InputError::Binary { .. })));
        let noise: Vec<u8> = (0..4096u32).map(|i| (i.wrapping_mul(2654435761) >> 13) as u8).collect();
        assert!(matches!(decode(&noise), Err(InputError::Binary { .. })));
        let zeros = vec![0u8; 1000];
        assert!(decode(&zeros).is_err());
    }

    #[test]
    fn stray_nuls_in_text_are_not_binary() {
        assert!(decode(b"some ordinary text with a \0 NUL inside it").is_ok());
        assert!(decode(b"").is_ok());
    }
}
