//! Tokens and sentence starts of one passage: words (with initials, abbreviations and inner
//! hyphens or apostrophes kept whole), numbers, possessive endings and punctuation.
//!
//! Hand-written rather than unicode-segmentation's word bounds because names need "U.S.",
//! "Dr.", "d'Herbinville" and "Galois'" split the way a reader of names splits them.

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Letters (and digits after a letter), with inner `-`, `'` or `.` ("US-Russia", "U.S.").
    Word,
    /// Digits, with inner `,` `.` `/` `:` ("4,000", "9/11") or an ordinal ending ("33rd").
    Num,
    /// A possessive ending: `'s` or a bare `'` after a final s.
    Poss,
    /// Any other character that is not a space.
    Punct(char),
}

/// One token: a byte range of the passage text.
///
/// Packed into 6 bytes because a long book has close to a million tokens, all alive at
/// once: the start is a `u32` (passages are far shorter than 4 GiB, the input itself is
/// capped; a longer one saturates, never wraps), and a `u16` holds the kind in `KIND`,
/// then for a word, number or possessive its sentence start and length (words are cut at
/// [`MAX_LEN`] bytes by the tokenizer), for punctuation its character (whose length is its
/// own) or, past `OTHER_PUNCT`, only that length.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(C, packed(2))]
pub struct Token {
    /// First byte.
    start: u32,
    /// Kind, then sentence start and length, or a character.
    code: u16,
}

/// The kind bits of a token's code: punctuation is zero.
const KIND: u16 = 0b11 << 14;
const WORD: u16 = 1 << 14;
const NUM: u16 = 2 << 14;
const POSS: u16 = 3 << 14;
/// Set in a word's code on the first word of a sentence.
const SENT_START: u16 = 1 << 13;
/// The longest token, in bytes: the tokenizer ends a word there.
pub const MAX_LEN: usize = (1 << 13) - 1;
/// Punctuation characters from here on are kept as their length only, and read as
/// [`char::REPLACEMENT_CHARACTER`] (emoji, CJK punctuation: no rule looks for them).
const OTHER_PUNCT: u16 = (1 << 14) - 4;

impl Token {
    /// A token of bytes `start..end`.
    pub fn new(start: usize, end: usize, kind: Kind) -> Token {
        let len = || end.saturating_sub(start).min(MAX_LEN) as u16;
        let code = match kind {
            Kind::Word => WORD | len(),
            Kind::Num => NUM | len(),
            Kind::Poss => POSS | len(),
            Kind::Punct(c) => match u16::try_from(c as u32) {
                Ok(c) if c < OTHER_PUNCT => c,
                _ => OTHER_PUNCT + (c.len_utf8() - 1) as u16,
            },
        };
        Token { start: u32::try_from(start).unwrap_or(u32::MAX), code }
    }

    /// First byte.
    pub fn start(&self) -> usize {
        self.start as usize
    }

    /// One past the last byte.
    pub fn end(&self) -> usize {
        let code = self.code;
        let len = match code & KIND {
            0 if code >= OTHER_PUNCT => (code - OTHER_PUNCT) as usize + 1,
            0 => char::from_u32(code.into()).map_or(1, char::len_utf8),
            _ => (code & !(KIND | SENT_START)) as usize,
        };
        self.start() + len
    }

    /// Its kind.
    pub fn kind(&self) -> Kind {
        let code = self.code;
        match code & KIND {
            WORD => Kind::Word,
            NUM => Kind::Num,
            POSS => Kind::Poss,
            _ => Kind::Punct(
                char::from_u32(code.into())
                    .filter(|_| code < OTHER_PUNCT)
                    .unwrap_or(char::REPLACEMENT_CHARACTER),
            ),
        }
    }

    /// The first word of a sentence, where capitals say nothing.
    pub fn sent_start(&self) -> bool {
        let code = self.code;
        code & KIND == WORD && code & SENT_START != 0
    }

    /// The token's text.
    pub fn text<'a>(&self, s: &'a str) -> &'a str {
        s.get(self.start()..self.end()).unwrap_or("")
    }

    /// True for a word whose first letter is a capital ("Paris", "d'Herbinville", "US").
    pub fn is_cap(&self, s: &str) -> bool {
        let code = self.code;
        code & KIND == WORD && is_cap_word(self.text(s))
    }
}

/// True for a word that starts with a capital, allowing a lowercase particle ("d'Herbinville",
/// "al-Haram" is not: its first part is the particle of a longer name).
pub fn is_cap_word(w: &str) -> bool {
    let mut chars = w.chars();
    match chars.next() {
        Some(c) if c.is_uppercase() => true,
        Some('d' | 'l') => {
            matches!(chars.next(), Some('\'' | '’')) && chars.next().is_some_and(char::is_uppercase)
        }
        _ => false,
    }
}

/// Abbreviations that keep their final period ("Dr.", "St.") and do not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Mt", "Ft", "Jr", "Sr", "Gen", "Col", "Capt", "Lt", "Sgt", "Maj",
    "Rev", "Sen", "Sens", "Rep", "Reps", "Gov", "Govs", "Drs", "Profs", "Gens", "Mlle", "Mme", "Mmes",
    "Messrs", "Ave", "Blvd", "Rd", "vs", "Inc", "Ltd", "Co", "Corp", "No", "Nos", "Vol", "pp", "ca",
    "approx", "etc", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    "Univ", "Dept", "Fig", "e.g", "i.e",
];

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Splits a passage into tokens and marks sentence starts.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    tokenize_into(text, &mut out);
    out
}

/// Appends the tokens of a passage to `all`, which holds the tokens of the passages before
/// it: one allocation for a whole book rather than one per paragraph.
pub fn tokenize_into(text: &str, all: &mut Vec<Token>) {
    let base = all.len();
    tokens_of(text, base, all);
    mark_sentences(text, &mut all[base..]);
}

/// Pushes the tokens of `text` onto `out`, whose tokens from `base` on are this passage's.
fn tokens_of(text: &str, base: usize, out: &mut Vec<Token>) {
    let bytes = text.as_bytes();
    let mut i = 0;
    let next_char = |i: usize| text.get(i..).and_then(|s| s.chars().next());
    while let Some(c) = next_char(i) {
        let clen = c.len_utf8();
        if c.is_whitespace() {
            i += clen;
            continue;
        }
        if !is_word_char(c) {
            // A possessive: 's or ’s closing a word, or a bare apostrophe after a final s.
            if matches!(c, '\'' | '’')
                && out[base..].last().is_some_and(|t| t.end() == i && t.kind() == Kind::Word)
            {
                let after = i + clen;
                let s_next = next_char(after);
                let word_after = s_next.and_then(|_| next_char(after + 1));
                if matches!(s_next, Some('s' | 'S')) && !word_after.is_some_and(is_word_char) {
                    out.push(Token::new(i, after + 1, Kind::Poss));
                    i = after + 1;
                    continue;
                }
                let prev = out[base..].last().map(|t| t.text(text)).unwrap_or("");
                if prev.ends_with('s') && !s_next.is_some_and(is_word_char) {
                    out.push(Token::new(i, after, Kind::Poss));
                    i = after;
                    continue;
                }
            }
            out.push(Token::new(i, i + clen, Kind::Punct(c)));
            i += clen;
            continue;
        }
        let start = i;
        let numeric = c.is_ascii_digit();
        let mut seg_start = i;
        i += clen;
        while let Some(c) = next_char(i) {
            // A token holds MAX_LEN bytes at most: a longer run of letters goes on in the next.
            if i + 4 - start > MAX_LEN {
                break;
            }
            if is_word_char(c) {
                i += c.len_utf8();
                continue;
            }
            let after = next_char(i + c.len_utf8());
            let joins = match c {
                '-' | '‐' => !numeric && after.is_some_and(is_word_char),
                '\'' | '’' => {
                    // Keep "d'Herbinville" and "don't" whole, but not a possessive 's.
                    let rest = text.get(i + c.len_utf8()..).unwrap_or("");
                    let mut rc = rest.chars();
                    let poss = matches!(rc.next(), Some('s' | 'S')) && !rc.next().is_some_and(is_word_char);
                    !numeric && !poss && after.is_some_and(char::is_alphabetic)
                }
                // Initials chains ("U.S", "K.C", "M.Sc"): segments of one or two letters.
                '.' if numeric => after.is_some_and(|a| a.is_ascii_digit()),
                '.' => {
                    i - seg_start <= 2 && after.is_some_and(char::is_alphabetic) && {
                        let rest = text.get(i + 1..).unwrap_or("");
                        let seg: usize =
                            rest.chars().take_while(|c| c.is_alphabetic()).map(char::len_utf8).sum();
                        seg <= 2
                    }
                }
                ',' | '/' | ':' => numeric && after.is_some_and(|a| a.is_ascii_digit()),
                _ => false,
            };
            if !joins {
                break;
            }
            i += c.len_utf8();
            seg_start = i;
        }
        // A final period belongs to an initial ("K."), an initials chain ("U.S.") or an abbreviation.
        let word = &text[start..i];
        if bytes.get(i) == Some(&b'.') && !numeric && i + 1 - start <= MAX_LEN {
            let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
            let chain = word.contains('.');
            // "No." abbreviates only before a number ("No. 5"); "No. I will not" ends a sentence.
            let numbered = !matches!(word, "No" | "Nos")
                || text[i + 1..].trim_start().starts_with(|c: char| c.is_ascii_digit());
            if initial || chain || ABBREVIATIONS.contains(&word) && numbered {
                i += 1;
            }
        }
        let kind = if numeric { Kind::Num } else { Kind::Word };
        out.push(Token::new(start, i, kind));
    }
}

/// Words that, after "U.S.", show that its period also ended the sentence.
const SENTENCE_OPENERS: &[&str] =
    &["The", "A", "An", "In", "It", "He", "She", "They", "We", "This", "That", "But", "And", "However", "I"];

/// Marks the first word after a sentence end (". ! ? :" or the passage start), looking
/// through quotes, brackets and citation marks ("[12]").
fn mark_sentences(text: &str, toks: &mut [Token]) {
    let mut boundary = true;
    let mut prev_abbrev_end = false;
    for t in toks.iter_mut() {
        match t.kind() {
            Kind::Punct('.' | '!' | '?' | ':' | ';' | '…' | '•' | '|') => boundary = true,
            Kind::Punct(_) | Kind::Poss => {}
            Kind::Num if boundary => {}
            Kind::Num => boundary = false,
            Kind::Word => {
                if boundary || prev_abbrev_end {
                    // "in the U.S. The talks": a chain's period may end the sentence too.
                    if boundary || SENTENCE_OPENERS.contains(&t.text(text)) {
                        t.code |= SENT_START;
                    }
                }
                let w = t.text(text);
                prev_abbrev_end =
                    w.ends_with('.') && w.contains('.') && w.len() > 3 && w[..w.len() - 1].contains('.');
                boundary = false;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(s: &str) -> Vec<String> {
        tokenize(s)
            .iter()
            .map(|t| format!("{}{}", if t.sent_start() { "^" } else { "" }, t.text(s)))
            .collect()
    }

    #[test]
    fn tokens_split_the_way_names_need() {
        let cases: &[(&str, &[&str])] = &[
            ("US-Russia talks.", &["^US-Russia", "talks", "."]),
            ("Ukraine’s Odesa region", &["^Ukraine", "’s", "Odesa", "region"]),
            ("Galois' paper", &["^Galois", "'", "paper"]),
            ("in the U.S. and Dr. Chao said", &["^in", "the", "U.S.", "and", "Dr.", "Chao", "said"]),
            ("K.C. Maurer and L. D. Smith", &["^K.C.", "Maurer", "and", "L.", "D.", "Smith"]),
            ("d'Herbinville won't 4,000 9/11", &["^d'Herbinville", "won't", "4,000", "9/11"]),
            ("It ended. [4] Poisson asked", &["^It", "ended", ".", "[", "4", "]", "^Poisson", "asked"]),
            ("No. I'm fine, said No. 5", &["^No", ".", "^I'm", "fine", ",", "said", "No.", "5"]),
        ];
        for (text, want) in cases {
            assert_eq!(show(text), *want, "{text}");
        }
    }

    #[test]
    fn passages_share_one_vector_without_touching() {
        // A passage opening with "'s" is not the possessive of the word ending the one before.
        let mut all = Vec::new();
        tokenize_into("Paris", &mut all);
        tokenize_into("'s", &mut all);
        assert_eq!(all[0].kind(), Kind::Word);
        assert_eq!(all[1].kind(), Kind::Punct('\''));
        assert_eq!(tokenize("Paris"), all[..1]);
        assert_eq!(tokenize("'s"), all[1..]);
    }

    #[test]
    fn tokens_are_small_and_offsets_saturate() {
        assert!(std::mem::size_of::<Token>() <= 6);
        for kind in [Kind::Word, Kind::Num, Kind::Poss, Kind::Punct('.'), Kind::Punct('’')] {
            assert_eq!(Token::new(0, 1, kind).kind(), kind);
        }
        let mut toks = tokenize("Paris. Rome");
        assert!(toks.iter().all(|t| t.kind() == Kind::Word || !t.sent_start()));
        toks.retain(Token::sent_start);
        assert_eq!(toks.iter().map(Token::kind).collect::<Vec<_>>(), [Kind::Word, Kind::Word]);
        let far = Token::new(usize::MAX - 1, usize::MAX, Kind::Word);
        assert_eq!((far.start(), far.end()), (u32::MAX as usize, u32::MAX as usize + 1));
        assert_eq!(far.text("text"), "");
        // A word longer than a token holds goes on in the next token, cut between characters.
        let long = "é".repeat(MAX_LEN);
        let toks = tokenize(&long);
        assert!(
            toks.len() >= 2 && toks.iter().all(|t| t.kind() == Kind::Word && t.end() - t.start() <= MAX_LEN)
        );
        assert_eq!(toks.iter().map(|t| t.text(&long)).collect::<String>(), long);
        // Punctuation past the kept characters keeps its length.
        let toks = tokenize("Paris 😀 。");
        assert_eq!(toks.iter().map(|t| t.end() - t.start()).collect::<Vec<_>>(), [5, 4, 3]);
    }
}
