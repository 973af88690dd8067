//! Text that is safe to show: escape sequences, controls and bidi overrides removed.
//!
//! A hand-written state machine rather than a crate: the terminal-parser crates (vte and
//! friends) report what a sequence does, but folio needs the exact input range each one
//! covered, including unterminated ones, to keep every offset pointing into the input.

use super::Decoded;
use crate::span::OffsetMap;

/// Sanitised text and its map back to the input bytes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Clean {
    /// Text with only printable characters, `\n` and `\t`.
    pub text: String,
    /// From offsets of `text` to offsets of the input.
    pub map: OffsetMap,
    /// What was removed, counted.
    pub warnings: Vec<String>,
}

const ESC: char = '\u{1b}';
const BEL: char = '\u{7}';
/// 8-bit String Terminator.
const ST8: char = '\u{9c}';
/// Longest control sequence (CSI) accepted before it is abandoned.
const MAX_CSI: usize = 256;
/// Most combining or zero-width characters kept in a row; floods ("Zalgo" text) are cut.
pub const MAX_MARKS: usize = 16;

/// Combining marks, zero-width characters and variation selectors: they stack on the
/// character before them and take no cell of their own.
fn is_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036f}' | '\u{0483}'..='\u{0489}' | '\u{0591}'..='\u{05bd}' | '\u{0610}'..='\u{061a}'
        | '\u{064b}'..='\u{065f}' | '\u{0e31}' | '\u{0e34}'..='\u{0e3a}' | '\u{0e47}'..='\u{0e4e}'
        | '\u{1ab0}'..='\u{1aff}' | '\u{1dc0}'..='\u{1dff}' | '\u{200b}'..='\u{200d}' | '\u{20d0}'..='\u{20ff}'
        | '\u{fe00}'..='\u{fe0f}' | '\u{fe20}'..='\u{fe2f}' | '\u{e0100}'..='\u{e01ef}')
}

/// What a character is to the sanitiser.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{061c}')
}

/// True for characters that never reach the screen from input text.
pub fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || is_bidi_control(c) || c == '\u{feff}'
}

/// Removes anything from `s` that could act on a terminal; for strings that did not come
/// through [`sanitize`] (file names, error messages).
pub fn scrub(s: &str) -> String {
    let d = Decoded { text: s.to_string(), map: OffsetMap::exact(0, 0, s.len()), warnings: Vec::new() };
    sanitize(&d).text.replace(['\n', '\t'], " ")
}

/// Strips escape sequences (CSI, OSC, DCS, SOS, PM, APC, in 7-bit and 8-bit forms, payload
/// included), C0 and C1 controls other than newline and tab, DEL, and bidi embedding,
/// override and isolate characters. CRLF, lone CR, form feed, vertical tab and the Unicode
/// line and paragraph separators become `\n`.
pub fn sanitize(decoded: &Decoded) -> Clean {
    let src = decoded.text.as_str();
    let needs_work = src.chars().any(|c| {
        if c.is_ascii() {
            // The test below, for ASCII: controls other than newline and tab.
            return !matches!(c, ' '..='~' | '\n' | '\t');
        }
        is_unsafe(c) || is_mark(c) || matches!(c, '\r' | '\u{0c}' | '\u{0b}' | '\u{2028}' | '\u{2029}')
    });
    if !needs_work {
        return Clean { text: src.to_string(), map: decoded.map.clone(), warnings: Vec::new() };
    }
    let mut m = Machine {
        src,
        out: String::with_capacity(src.len()),
        map: OffsetMap::new(),
        sequences: 0,
        controls: 0,
        marks: 0,
        no_terminator_from: usize::MAX,
    };
    m.run();
    let mut warnings = Vec::new();
    if m.sequences > 0 {
        warnings.push(format!("{} terminal escape sequences removed", m.sequences));
    }
    if m.controls > 0 {
        warnings.push(format!("{} control characters removed", m.controls));
    }
    if m.marks > 0 {
        warnings
            .push(format!("{} stacked combining marks removed (more than {MAX_MARKS} in a row)", m.marks));
    }
    Clean { text: m.out, map: m.map.then(&decoded.map), warnings }
}

struct Machine<'a> {
    src: &'a str,
    out: String,
    /// Clean text → decoded text.
    map: OffsetMap,
    sequences: usize,
    controls: usize,
    /// Combining marks dropped from floods.
    marks: usize,
    /// An earlier search found no string terminator at or after this offset.
    no_terminator_from: usize,
}

impl Machine<'_> {
    fn run(&mut self) {
        let bytes = self.src.as_bytes();
        let mut i = 0;
        let mut plain_from = 0;
        let mut marks_in_row = 0;
        while i < self.src.len() {
            // Printable ASCII, newline and tab, most of any text, are kept as they are.
            if matches!(bytes[i], 0x20..=0x7e | b'\n' | b'\t') {
                marks_in_row = 0;
                i += 1;
                continue;
            }
            let Some(c) = self.src[i..].chars().next() else { break };
            let n = c.len_utf8();
            let mark = is_mark(c);
            marks_in_row = if mark { marks_in_row + 1 } else { 0 };
            let safe = !(is_unsafe(c) || matches!(c, '\r' | '\u{2028}' | '\u{2029}'));
            if safe && marks_in_row <= MAX_MARKS {
                i += n;
                continue;
            }
            self.copy(plain_from, i);
            if mark && marks_in_row > MAX_MARKS {
                self.marks += 1;
                i += n;
                plain_from = i;
                continue;
            }
            if matches!(c, ESC | '\u{9b}' | '\u{9d}' | '\u{90}' | '\u{98}' | '\u{9e}' | '\u{9f}') {
                self.sequences += 1;
            }
            i = match c {
                ESC => self.escape(i),
                '\u{9b}' => self.csi(i + n),
                '\u{9d}' | '\u{90}' | '\u{98}' | '\u{9e}' | '\u{9f}' => self.string(i + n),
                '\r' => {
                    let len = if bytes.get(i + 1) == Some(&b'\n') { 2 } else { 1 };
                    self.newline(i, len)
                }
                '\u{0c}' | '\u{0b}' | '\u{2028}' | '\u{2029}' => self.newline(i, n),
                _ => {
                    self.controls += 1;
                    i + n
                }
            };
            plain_from = i;
        }
        self.copy(plain_from, self.src.len());
    }

    fn copy(&mut self, from: usize, to: usize) {
        if to > from {
            self.map.push_exact(self.out.len(), from, to - from);
            self.out.push_str(&self.src[from..to]);
        }
    }

    fn newline(&mut self, at: usize, len: usize) -> usize {
        self.map.push_replaced(self.out.len(), 1, at, len);
        self.out.push('\n');
        at + len
    }

    /// ESC at `at`: dispatch on the next character.
    fn escape(&mut self, at: usize) -> usize {
        let next = at + 1;
        match self.src.as_bytes().get(next) {
            None => next,
            Some(b'[') => self.csi(next + 1),
            Some(b']' | b'P' | b'X' | b'^' | b'_') => self.string(next + 1),
            Some(_) => {
                // nF sequences: intermediates 0x20–0x2F, then one final byte 0x30–0x7E.
                let bytes = self.src.as_bytes();
                let mut j = next;
                while j < bytes.len() && (0x20..=0x2f).contains(&bytes[j]) {
                    j += 1;
                }
                if j < bytes.len() && (0x30..=0x7e).contains(&bytes[j]) { j + 1 } else { j }
            }
        }
    }

    /// Control sequence: parameters and intermediates, then a final byte 0x40–0x7E.
    fn csi(&mut self, body: usize) -> usize {
        let bytes = self.src.as_bytes();
        let mut j = body;
        while j < bytes.len() && j - body < MAX_CSI {
            match bytes[j] {
                0x20..=0x3f => j += 1,
                0x40..=0x7e => return j + 1,
                // Anything else aborts the sequence; that character is kept.
                _ => return j,
            }
        }
        j
    }

    /// String sequence (OSC, DCS, SOS, PM, APC): payload up to BEL or ST, removed whole.
    /// Unterminated, it ends at the end of its line, so one broken sequence cannot swallow
    /// the rest of the article.
    fn string(&mut self, body: usize) -> usize {
        let rest = &self.src[body..];
        if body < self.no_terminator_from {
            let found = rest.char_indices().find_map(|(k, c)| match c {
                BEL | ST8 => Some(body + k + c.len_utf8()),
                ESC if rest[k + 1..].starts_with('\\') => Some(body + k + 2),
                _ => None,
            });
            match found {
                Some(end) => return end,
                None => self.no_terminator_from = body,
            }
        }
        rest.find('\n').map_or(self.src.len(), |k| body + k)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::decode;
    use crate::span::Span;

    fn clean(input: &[u8]) -> Clean {
        sanitize(&decode(input).unwrap())
    }

    #[test]
    fn escape_families_are_removed_whole() {
        let cases: &[(&[u8], &str)] = &[
            (b"a\x1b[31mred\x1b[0m b", "ared b"),
            (b"a\x1b]0;evil title\x07b", "ab"),
            (b"a\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\b", "alinkb"),
            (b"a\x1b]52;c;ZXZpbA==\x07b", "ab"),
            (b"a\x1bPq#0;2;0;0;0\x1b\\b", "ab"),
            (b"a\x1b_apc payload\x1b\\b", "ab"),
            (b"a\x1b^pm\x1b\\b \x1bXsos\x1b\\c", "ab c"),
            (b"a\x1b(Bb\x1bcc\x1b7d", "abcd"),
            ("a\u{9b}31mb\u{9d}0;t\u{9c}c".as_bytes(), "abc"),
            ("x\u{85}y\u{9f}apc\u{9c}z".as_bytes(), "xyz"),
        ];
        for (input, want) in cases {
            assert_eq!(clean(input).text, *want, "input {:?}", String::from_utf8_lossy(input));
        }
    }

    #[test]
    fn unterminated_string_sequence_ends_at_its_line() {
        assert_eq!(clean(b"keep\x1b]0;no end here\nnext line").text, "keep\nnext line");
        assert_eq!(clean(b"tail\x1b]0;no end").text, "tail");
        assert_eq!(clean(b"tail\x1b").text, "tail");
        assert_eq!(clean(b"tail\x1b[12;3").text, "tail");
    }

    #[test]
    fn controls_and_bidi_are_removed_newlines_normalised() {
        assert_eq!(clean(b"a\r\nb\rc\x0cd").text, "a\nb\nc\nd");
        assert_eq!(clean(b"a\0b\x7fc\x08d\te").text, "abcd\te");
        assert_eq!(clean("x\u{202e}y\u{2066}z\u{2069}".as_bytes()).text, "xyz");
    }

    #[test]
    fn spans_point_into_the_input() {
        let input = b"ab\x1b[1mcd\r\nef";
        let c = clean(input);
        assert_eq!(c.text, "abcd\nef");
        assert_eq!(c.map.to_input(2..4), Span::new(6, 8));
        assert_eq!(c.map.to_input(5..7), Span::new(10, 12));
        assert_eq!(c.map.to_input(4..5), Span::new(8, 10));
    }

    #[test]
    fn combining_floods_are_cut() {
        let zalgo = format!("Z{}a", "\u{301}".repeat(500));
        let c = clean(zalgo.as_bytes());
        assert_eq!(c.text, format!("Z{}a", "\u{301}".repeat(MAX_MARKS)));
        assert!(c.warnings[0].contains("combining"));
        // Ordinary accents and emoji sequences are untouched.
        assert_eq!(
            clean("e\u{301}t\u{e9} 👩\u{200d}👩\u{200d}👧".as_bytes()).text,
            "e\u{301}t\u{e9} 👩\u{200d}👩\u{200d}👧"
        );
    }

    #[test]
    fn scrub_flattens_names_and_messages() {
        assert_eq!(scrub("file\x1b]0;x\x07name\n.txt"), "filename .txt");
    }
}
