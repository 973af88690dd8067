//! The features of each token of a passage, hashed into a fixed table of buckets.
//!
//! The same function serves the trainer and the reader, so what the model learnt is exactly
//! what it sees. Word lists are features here, never verdicts: a given name, a surname, a
//! gazetteer entry, a word the document writes in lowercase elsewhere. A [`Context`] adds what
//! the rest of the document says about the same form (after a title there, after "in" or
//! "the", in a run with an organisation cue), so that one plain occurrence informs the bare ones.

use super::super::lexicon::{Lexicon, NameList};
use super::super::tokens::{Kind, is_cap_word};
use crate::extract::pass::{Pass, Seen, lower};
use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;

/// FNV-1a over bytes: stable across builds and platforms (the weights depend on it).
#[derive(Clone, Copy)]
struct Hash(u64);

impl Hash {
    const fn new(template: u8) -> Hash {
        Hash(0xcbf2_9ce4_8422_2325).byte(template)
    }

    const fn byte(self, b: u8) -> Hash {
        Hash((self.0 ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3))
    }

    const fn str(mut self, s: &str) -> Hash {
        let bytes = s.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            self = self.byte(bytes[i]);
            i += 1;
        }
        self.byte(0x1f)
    }

    fn bucket(self, mask: u32) -> u32 {
        ((self.0 ^ (self.0 >> 29) ^ (self.0 >> 47)) as u32) & mask
    }
}

/// What the lists say about one word, as bits.
mod flag {
    pub const CAP: u32 = 1;
    pub const ALLCAPS: u32 = 1 << 1;
    pub const SENT_START: u32 = 1 << 2;
    pub const GIVEN: u32 = 1 << 3;
    pub const SURNAME: u32 = 1 << 4;
    pub const PLACE: u32 = 1 << 5;
    pub const COMMON: u32 = 1 << 6;
    pub const SEEN_LOWER: u32 = 1 << 7;
    pub const TITLE: u32 = 1 << 8;
    pub const ROLE: u32 = 1 << 9;
    pub const ORG_CUE: u32 = 1 << 10;
    pub const PLACE_HEAD: u32 = 1 << 11;
    pub const DEMONYM: u32 = 1 << 12;
    pub const EVENT_HEAD: u32 = 1 << 13;
    pub const STOP: u32 = 1 << 14;
    pub const GROUP: u32 = 1 << 15;
    pub const TRIGGER: u32 = 1 << 16;
    pub const PLACE_PHRASE: u32 = 1 << 17;
    pub const INITIAL: u32 = 1 << 18;
    pub const ORG_NAME: u32 = 1 << 19;
    pub const KNOWN_PERSON: u32 = 1 << 20;
    pub const NAMES: [&str; 21] = [
        "cap",
        "allcaps",
        "sent",
        "given",
        "surname",
        "place",
        "common",
        "seenlow",
        "title",
        "role",
        "orgcue",
        "placehead",
        "demonym",
        "eventhead",
        "stop",
        "group",
        "trigger",
        "placephrase",
        "initial",
        "orgname",
        "knownperson",
    ];
    /// The flags a neighbour contributes.
    pub const NEIGHBOUR: u32 = CAP | GIVEN | SURNAME | PLACE | TITLE | ROLE | ORG_CUE | PLACE_HEAD | DEMONYM;
}

/// `Hash::new(template).str(name)` for each name: the features that begin with the name of a
/// flag or of a context bit go on from these, worked out at compile time.
const fn named<const N: usize>(template: u8, names: [&str; N]) -> [Hash; N] {
    let mut out = [Hash(0); N];
    let mut i = 0;
    while i < N {
        out[i] = Hash::new(template).str(names[i]);
        i += 1;
    }
    out
}

/// Templates 21 (the word's flag), 22 (with its run), 23 to 26 (a neighbour's flag).
const FLAG_FEATURES: [[Hash; flag::NAMES.len()]; 6] = [
    named(21, flag::NAMES),
    named(22, flag::NAMES),
    named(23, flag::NAMES),
    named(24, flag::NAMES),
    named(25, flag::NAMES),
    named(26, flag::NAMES),
];

/// Templates 27 (a context bit) and 28 (with the run).
const DOC_FEATURES: [[Hash; doc::NAMES.len()]; 2] = [named(27, doc::NAMES), named(28, doc::NAMES)];

/// The set bits of `bits`, lowest first.
fn set_bits(mut bits: u32) -> impl Iterator<Item = usize> {
    std::iter::from_fn(move || {
        let b = bits.trailing_zeros();
        bits &= bits.wrapping_sub(1);
        (b < 32).then_some(b as usize)
    })
}

/// What the whole document says about each capitalised word form: the company it keeps
/// wherever it occurs. A name is often plain in one sentence ("Mr. Trump", "in Houston",
/// "Google Inc.") and bare in the next; these features carry the plain reading to the bare one.
#[derive(Debug, Default)]
pub struct Context {
    /// Bits of [`doc`] per form, keyed by the form's hash.
    forms: HashMap<u64, u32>,
}

/// The bits of a [`Context`].
mod doc {
    pub const TITLED: u32 = 1;
    pub const PLACED: u32 = 1 << 1;
    pub const THE: u32 = 1 << 2;
    pub const AFTER_GIVEN: u32 = 1 << 3;
    pub const BEFORE_CAP: u32 = 1 << 4;
    pub const ORG_RUN: u32 = 1 << 5;
    pub const POSS: u32 = 1 << 6;
    pub const SAID: u32 = 1 << 7;
    pub const MID: u32 = 1 << 8;
    pub const ALONE: u32 = 1 << 9;
    pub const PLACE_RUN: u32 = 1 << 10;
    pub const COMMA_PLACE: u32 = 1 << 11;
    pub const MANY: u32 = 1 << 12;
    pub const ORG_NOUN: u32 = 1 << 13;
    pub const NAMES: [&str; 14] = [
        "titled",
        "placed",
        "the",
        "aftergiven",
        "beforecap",
        "orgrun",
        "poss",
        "said",
        "mid",
        "alone",
        "placerun",
        "commaplace",
        "many",
        "orgnoun",
    ];
}

fn form_key(w: &str) -> u64 {
    Hash::new(0xff).str(w).0
}

impl Context {
    /// Adds what one passage says about its capitalised words. Headlines say nothing: every
    /// word has a capital there.
    pub fn add(&mut self, p: &Pass, lex: &Lexicon) {
        if p.headline {
            return;
        }
        let toks = p.toks;
        let word = |i: usize| toks.get(i).map_or("", |t| t.text(p.text));
        let cap =
            |i: usize| toks.get(i).is_some_and(|t| t.kind() == Kind::Word && is_cap_word(t.text(p.text)));
        let mut i = 0;
        while i < toks.len() {
            if !cap(i) {
                i += 1;
                continue;
            }
            let mut end = i + 1;
            while cap(end) {
                end += 1;
            }
            let run_org = (i..end).any(|k| lex.org_cues.contains(word(k)));
            let run_place = (i..end).any(|k| {
                let w = word(k);
                lex.place_heads.contains(w) || lex.place_prefixes.contains(w)
            });
            let before = if i > 0 { word(i - 1) } else { "" };
            // "Mr. Trump": the title's full stop may be a token of its own.
            let titled = lex.titles.contains(before)
                || before == "."
                    && i > 1
                    && word(i - 2).len() <= 4
                    && lex.titles.contains(format!("{}.", word(i - 2)).as_str());
            let after = word(end);
            for k in i..end {
                let w = word(k);
                let mut bits = 0;
                let prev = if k > i { word(k - 1) } else { before };
                if k > i && lex.titles.contains(prev) || k == i && titled {
                    bits |= doc::TITLED;
                }
                if k == i && matches!(before, "in" | "at" | "near" | "from" | "to" | "of") {
                    bits |= doc::PLACED;
                }
                if k == i && matches!(before, "the" | "The") {
                    bits |= doc::THE;
                }
                if k > i && lex.is_given(prev) {
                    bits |= doc::AFTER_GIVEN;
                }
                if k + 1 < end {
                    bits |= doc::BEFORE_CAP;
                }
                if run_org {
                    bits |= doc::ORG_RUN;
                }
                if run_place {
                    bits |= doc::PLACE_RUN;
                }
                if k + 1 == end && toks.get(end).is_some_and(|t| t.kind() == Kind::Poss) {
                    bits |= doc::POSS;
                }
                let near_said = |x: &str| matches!(x, "said" | "says" | "told" | "added" | "asked");
                if k + 1 == end && near_said(after) || k == i && near_said(before) {
                    bits |= doc::SAID;
                }
                if !toks[k].sent_start() {
                    bits |= doc::MID;
                    if end - i == 1 {
                        bits |= doc::ALONE;
                    }
                }
                if k + 1 == end && after == "," && cap(end + 1) && lex.places.contains_key(word(end + 1)) {
                    bits |= doc::COMMA_PLACE;
                }
                // "the WeWork founder", "Audi's shares": what an organisation has.
                let poss = toks.get(end).is_some_and(|t| t.kind() == Kind::Poss);
                if k + 1 == end && lex.org_nouns.contains(lower(word(end + usize::from(poss))).as_ref()) {
                    bits |= doc::ORG_NOUN;
                }
                let e = self.forms.entry(form_key(w)).or_default();
                // The count of occurrences sits above the bits.
                *e = (*e | bits).saturating_add(1 << 16);
            }
            i = end;
        }
    }

    fn bits(&self, w: &str) -> u32 {
        let e = self.forms.get(&form_key(w)).copied().unwrap_or(0);
        let many = if e >> 16 >= 3 { doc::MANY } else { 0 };
        e & 0xffff | many
    }
}

/// What the lists say about each word form of a document, worked out once per form (a long
/// book writes the same names thousands of times). Only a memo: the features are the same
/// with a fresh one for every passage.
#[derive(Debug, Default)]
pub struct Forms<'a> {
    flags: HashMap<&'a str, u32>,
}

/// One token as the features see it.
struct Word<'a> {
    form: &'a str,
    /// A word with a capital.
    cap: bool,
    /// Its lowercase form: a range of the passage's lowercase words.
    lower: (u32, u32),
    shape: Shape,
    flags: u32,
    /// Position in its run of capitalised words: B, I, L, U or O.
    run: u8,
    /// Length of that run, capped.
    run_len: u8,
    /// Position in a listed organisation's name (B, I, L, U or O), then `t` when "the" comes
    /// before the name, else `-`.
    org: [u8; 2],
    /// The same in a well-known person's name.
    person: [u8; 2],
}

/// A word's shape, held in place: at most 12 bytes and one more character.
#[derive(Clone, Copy, Default)]
struct Shape {
    bytes: [u8; 16],
    len: u8,
}

impl Shape {
    fn push(&mut self, c: char) {
        let at = self.len as usize;
        if let Some(room) = self.bytes.get_mut(at..at + c.len_utf8()) {
            self.len += c.encode_utf8(room).len() as u8;
        }
    }

    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.bytes[..self.len as usize]).unwrap_or("")
    }
}

/// A word's shape: capitals X, lowercase x, digits d, runs of one class cut at two ("Xx", "XX", "d.d").
fn shape(w: &str) -> Shape {
    let mut out = Shape::default();
    let (mut last, mut count) = ('\0', 0);
    for c in w.chars() {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if s == last {
            count += 1;
        } else {
            (last, count) = (s, 1);
        }
        if count <= 2 {
            out.push(s);
        }
        if out.len > 12 {
            break;
        }
    }
    out
}

fn flags<'a>(p: &Pass<'a>, i: usize, lex: &Lexicon, seen: &Seen, forms: &mut Forms<'a>) -> u32 {
    let t = p.toks[i];
    if t.kind() != Kind::Word {
        return 0;
    }
    let w = t.text(p.text);
    let f = *forms.flags.entry(w).or_insert_with(|| word_flags(w, lex, seen));
    if t.sent_start() { f | flag::SENT_START } else { f }
}

/// The flags of a word that depend on its form alone (all but the sentence start).
fn word_flags(w: &str, lex: &Lexicon, seen: &Seen) -> u32 {
    let mut f = 0;
    let l = lower(w);
    let cap = is_cap_word(w);
    if lex.common.contains(&l) {
        f |= flag::COMMON;
    }
    if lex.is_stop(&l) {
        f |= flag::STOP;
    }
    if lex.roles.contains(&*l) {
        f |= flag::ROLE;
    }
    if lex.triggers.contains_key(&*l) {
        f |= flag::TRIGGER;
    }
    if !cap {
        return f;
    }
    f |= flag::CAP;
    if w.chars().count() >= 2 && w.chars().all(|c| !c.is_lowercase()) {
        f |= flag::ALLCAPS;
    }
    if w.ends_with('.') && w.chars().filter(|c| c.is_alphabetic()).count() <= 2 {
        f |= flag::INITIAL;
    }
    let checks = [
        (lex.is_given(w), flag::GIVEN),
        (lex.surnames.contains(w), flag::SURNAME),
        (lex.places.contains_key(w), flag::PLACE),
        (seen.contains(&l), flag::SEEN_LOWER),
        (lex.titles.contains(w), flag::TITLE),
        (lex.org_cues.contains(w), flag::ORG_CUE),
        (lex.place_heads.contains(w) || lex.place_prefixes.contains(w), flag::PLACE_HEAD),
        (lex.event_heads.contains(w), flag::EVENT_HEAD),
        (lex.groups.contains(w), flag::GROUP),
    ];
    for (hit, bit) in checks {
        if hit {
            f |= bit;
        }
    }
    if f & flag::PLACE == 0 && lex.is_demonym(w) {
        f |= flag::DEMONYM;
    }
    f
}

/// Appends what [`lower`] gives for a word, without allocating for the common cases.
fn lower_into(w: &str, out: &mut String) {
    if w.is_ascii() {
        out.extend(w.bytes().map(|b| char::from(b.to_ascii_lowercase())));
    } else if w.contains('Σ') {
        // A final sigma lowercases by its place in the word.
        out.push_str(&lower(w));
    } else {
        out.extend(w.chars().flat_map(char::to_lowercase));
    }
}

/// Marks the words of gazetteer names of two or three words ("New York", "Bosnia and Herzegovina").
fn place_phrases(p: &Pass, words: &mut [Word], lex: &Lexicon) {
    let n = words.len();
    for i in 0..n {
        if words[i].run == b'O' || words[i].flags & flag::CAP == 0 {
            continue;
        }
        for len in 2..=3 {
            let end = i + len;
            if end > n || words[end - 1].flags & flag::CAP == 0 {
                continue;
            }
            let range = p.toks[i].start()..p.toks[end - 1].end();
            let Some(text) = p.text.get(range) else { continue };
            if lex.places.contains_key(text) {
                for w in &mut words[i..end] {
                    w.flags |= flag::PLACE_PHRASE;
                }
            }
        }
    }
}

/// Marks the words of listed names of organisations ("Cleveland Browns", "The New York
/// Times", "NASA") and of well-known people ("Albert Einstein", "Einstein"), each word with
/// its position in the name.
fn listed_names(p: &Pass, words: &mut [Word], lex: &Lexicon) {
    for (names, flag, person) in [(&lex.orgs, flag::ORG_NAME, false), (&lex.people, flag::KNOWN_PERSON, true)]
    {
        for (range, the) in listed(p, words, names) {
            for (k, w) in words[range.clone()].iter_mut().enumerate() {
                let pos = match (range.len(), k) {
                    (1, _) => b'U',
                    (_, 0) => b'B',
                    (len, k) if k + 1 == len => b'L',
                    _ => b'I',
                };
                let at = if person { &mut w.person } else { &mut w.org };
                *at = [pos, if the { b't' } else { b'-' }];
                w.flags |= flag;
            }
        }
    }
}

/// The token ranges of listed names, the longest from each word on, and whether "the"
/// comes before. A name starts at a word that may be a name.
fn listed(p: &Pass, words: &[Word], names: &NameList) -> Vec<(Range<usize>, bool)> {
    let n = words.len();
    let mut out = Vec::new();
    let mut joined = String::new();
    let mut i = 0;
    while i < n {
        if words[i].run == b'O' {
            i += 1;
            continue;
        }
        let start = p.toks[i].start();
        let mut found = None;
        // The text from `start` grows a token at a time, and only its new bytes are read:
        // whether it has a line break or a double space (then it is looked up with single
        // spaces), and its spaces. A text that goes on past a space with no name's beginning
        // before it starts no name, and no longer text is looked up.
        let mut broken = false;
        let mut read = start;
        'grow: for (j, t) in p.toks.iter().enumerate().skip(i).take(12) {
            if t.end() - start > names.longest {
                break;
            }
            let (Some(text), Some(new)) = (p.text.get(start..t.end()), p.text.get(read..t.end())) else {
                break;
            };
            let space_before = read > start && p.text[..read].ends_with(' ');
            broken = broken
                || new.contains(['\n', '\t', '\r'])
                || new.contains("  ")
                || space_before && new.starts_with(' ');
            for (at, _) in new.char_indices().filter(|(_, c)| c.is_whitespace()) {
                let before = &text[..read - start + at];
                if !names.prefixes.contains(before) && !names.prefixes.contains(spaced(before, &mut joined)) {
                    break 'grow;
                }
            }
            read = t.end();
            let hit = if broken { names.contains(spaced(text, &mut joined)) } else { names.contains(text) };
            if hit {
                found = Some(j + 1);
            }
        }
        let Some(end) = found else {
            i += 1;
            continue;
        };
        out.push((i..end, i > 0 && matches!(words[i - 1].form, "the" | "The")));
        i = end;
    }
    out
}

/// `text` with its words spaced once, in `buf`.
fn spaced<'b>(text: &str, buf: &'b mut String) -> &'b str {
    buf.clear();
    for (k, w) in text.split_whitespace().enumerate() {
        if k > 0 {
            buf.push(' ');
        }
        buf.push_str(w);
    }
    buf
}

/// Runs of capitalised words, with the connectors that sit inside names ("Battle of Hastings").
fn runs(words: &mut [Word]) {
    let n = words.len();
    let mut i = 0;
    while i < n {
        if !words[i].cap {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        loop {
            if end < n && words[end].cap {
                end += 1;
            } else if end + 1 < n
                && super::super::names::CONNECTORS.contains(&words[end].form)
                && words[end + 1].cap
            {
                end += 2;
            } else {
                break;
            }
        }
        let len = end - i;
        for (k, w) in words[i..end].iter_mut().enumerate() {
            w.run = match (len, k) {
                (1, _) => b'U',
                (_, 0) => b'B',
                (_, k) if k + 1 == len => b'L',
                _ => b'I',
            };
            w.run_len = len.min(5) as u8;
        }
        i = end;
    }
}

/// The hashed features of every token of a passage: token `i`'s are
/// `feats[offsets[i]..offsets[i + 1]]`, each below `mask + 1`. Only the words of capitalised
/// runs may be names (a name without a capital is left to the rules); every other token has
/// no features, and the tagger labels it outside any name without scoring it, which keeps
/// tagging a long book cheap.
#[allow(clippy::too_many_arguments)]
pub fn passage<'a>(
    p: &Pass<'a>,
    lex: &Lexicon,
    seen: &Seen,
    ctx: &Context,
    forms: &mut Forms<'a>,
    mask: u32,
    feats: &mut Vec<u32>,
    offsets: &mut Vec<u32>,
) {
    feats.clear();
    offsets.clear();
    let mut words: Vec<Word> = p
        .toks
        .iter()
        .map(|t| {
            let form = t.text(p.text);
            let cap = t.kind() == Kind::Word && is_cap_word(form);
            Word {
                form,
                cap,
                lower: (0, 0),
                shape: Shape::default(),
                flags: 0,
                run: b'O',
                run_len: 0,
                org: [b'O', b'-'],
                person: [b'O', b'-'],
            }
        })
        .collect();
    runs(&mut words);
    let n = words.len();
    // The words a candidate's features look at: two either side.
    let mut near = vec![false; n];
    for i in (0..n).filter(|&i| words[i].run != b'O') {
        for x in &mut near[i.saturating_sub(2)..(i + 3).min(n)] {
            *x = true;
        }
    }
    // Room reserved once for what is pushed below (growing a vector a push at a time cost a
    // tenth of this function): the near words' lowercase forms, an offset for every token
    // and about forty features for every word of a run.
    let mut lowers =
        String::with_capacity(words.iter().zip(&near).filter(|(_, n)| **n).map(|(w, _)| w.form.len()).sum());
    offsets.reserve(n + 1);
    feats.reserve(40 * words.iter().filter(|w| w.run != b'O').count());
    for (i, w) in words.iter_mut().enumerate().filter(|(i, _)| near[*i]) {
        let start = lowers.len() as u32;
        lower_into(w.form, &mut lowers);
        w.lower = (start, lowers.len() as u32);
        w.shape = shape(w.form);
        w.flags = flags(p, i, lex, seen, forms);
    }
    place_phrases(p, &mut words, lex);
    listed_names(p, &mut words, lex);
    let head = if p.headline { "h" } else { "b" };
    let get = |i: isize| -> Option<&Word> { usize::try_from(i).ok().and_then(|i| words.get(i)) };
    let low = |w: &Word| lowers.get(w.lower.0 as usize..w.lower.1 as usize).unwrap_or("");
    let lw = |i: isize| get(i).map_or(if i < 0 { "<s>" } else { "</s>" }, low);
    let sh = |i: isize| get(i).map_or("", |w| w.shape.as_str());
    offsets.push(0);
    for (i, w) in words.iter().enumerate() {
        if w.run == b'O' {
            offsets.push(feats.len() as u32);
            continue;
        }
        let ii = i as isize;
        let mut push = |h: Hash| feats.push(h.bucket(mask));
        push(Hash::new(0));
        push(Hash::new(1).str(low(w)));
        push(Hash::new(2).str(w.shape.as_str()));
        push(Hash::new(3).str(w.shape.as_str()).str(head));
        let l = low(w);
        let count = l.chars().count();
        for (t, k) in [(4u8, 2usize), (5, 3), (6, 4)] {
            if count > k {
                let at = l.char_indices().rev().nth(k - 1).map_or(0, |(i, _)| i);
                push(Hash::new(t).str(&l[at..]));
            }
        }
        if count > 3 {
            let at = l.char_indices().nth(3).map_or(l.len(), |(i, _)| i);
            push(Hash::new(7).str(&l[..at]));
        }
        push(Hash::new(8).str(lw(ii - 1)));
        push(Hash::new(9).str(lw(ii + 1)));
        push(Hash::new(10).str(lw(ii - 2)));
        push(Hash::new(11).str(lw(ii + 2)));
        push(Hash::new(12).str(sh(ii - 1)).str(w.shape.as_str()));
        push(Hash::new(13).str(w.shape.as_str()).str(sh(ii + 1)));
        push(Hash::new(14).str(sh(ii - 1)).str(w.shape.as_str()).str(sh(ii + 1)));
        push(Hash::new(15).str(lw(ii - 1)).str(w.shape.as_str()));
        push(Hash::new(16).str(w.shape.as_str()).str(lw(ii + 1)));
        push(Hash::new(17).str(lw(ii - 1)).str(low(w)));
        push(Hash::new(18).str(low(w)).str(lw(ii + 1)));
        let run = [w.run, b'0' + w.run_len];
        let run = std::str::from_utf8(&run).unwrap_or("");
        push(Hash::new(19).str(run));
        push(Hash::new(20).str(run).str(head));
        // Flags of the word, then of its neighbours (templates 23 to 26: before, after, two
        // before, two after), flag by flag; only the flags set anywhere are visited.
        let beside = [-1, 1, -2, 2].map(|d| get(ii + d).map_or(0, |x| x.flags & flag::NEIGHBOUR));
        let all = (1 << flag::NAMES.len()) - 1;
        for b in set_bits((w.flags | beside[0] | beside[1] | beside[2] | beside[3]) & all) {
            if w.flags & (1 << b) != 0 {
                push(FLAG_FEATURES[0][b]);
                push(FLAG_FEATURES[1][b].str(run));
            }
            for (k, f) in beside.iter().enumerate() {
                if f & (1 << b) != 0 {
                    push(FLAG_FEATURES[2 + k][b]);
                }
            }
        }
        if w.org[0] != b'O' {
            let org = std::str::from_utf8(&w.org).unwrap_or("");
            push(Hash::new(40).str(org));
            push(Hash::new(41).str(org).str(run));
        }
        if w.person[0] != b'O' {
            let person = std::str::from_utf8(&w.person).unwrap_or("");
            push(Hash::new(42).str(person));
            push(Hash::new(43).str(person).str(run));
        }
        // What the rest of the document says about the form.
        for b in set_bits(ctx.bits(w.form) & ((1 << doc::NAMES.len()) - 1)) {
            push(DOC_FEATURES[0][b]);
            push(DOC_FEATURES[1][b].str(run));
        }
        offsets.push(feats.len() as u32);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_document_context_carries_a_plain_reading_to_a_bare_one() {
        let lex = crate::extract::lexicon::get();
        let (p, _) = crate::extract::test_pass("Mr. Trump spoke in Houston. Trump left Houston for the Fed.");
        let mut ctx = Context::default();
        ctx.add(&p, lex);
        assert_ne!(ctx.bits("Trump") & doc::TITLED, 0);
        assert_eq!(ctx.bits("Houston") & doc::TITLED, 0);
        assert_ne!(ctx.bits("Houston") & doc::PLACED, 0);
        assert_ne!(ctx.bits("Fed") & doc::THE, 0);
        assert_eq!(ctx.bits("Trump") & doc::MANY, 0);
    }
}
