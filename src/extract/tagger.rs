//! A learned name tagger: which runs of tokens are names, and of which kind.
//!
//! A structured perceptron (averaged, Collins 2002) over BILOU labels, decoded with Viterbi.
//! Chosen over a CRF or a small network because it trains in seconds on the few thousand
//! names of the annotated articles, needs no numerical library, and its weights are one
//! table: hashed features ([`features`]) times labels, quantised to one byte each and
//! embedded in the binary, read in place (nothing to decode at start-up). The trainer is
//! `src/bin/train-tagger.rs`; `data/tagger.bin` says in its header what it was trained on.
//!
//! `FOLIO_TAGGER_WEIGHTS=FILE` makes the tagger read another weights file, for
//! cross-validation only: the figures of the README come from models that never saw the
//! articles they are scored on.

pub mod features;

use super::lexicon::Lexicon;
use super::pass::{Pass, Seen};
use std::borrow::Borrow;
use std::ops::Range;
use std::sync::LazyLock;

const EMBEDDED: &[u8] = include_bytes!("../../data/tagger.bin");

/// The line that ends the header of a weights file; the binary part follows it.
pub const MAGIC: &str = "FOLIO-TAGGER 1";

/// What a name is, as the tagger tells them apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Class {
    /// A person or a named group of people.
    Person,
    /// A place.
    Place,
    /// An organisation: a company, team, party, agency, school.
    Organization,
    /// A named event ("World War II").
    Event,
    /// A work or a product: a film, a book, a show, a ship.
    Work,
}

impl Class {
    /// Every class, in label order.
    pub const ALL: [Class; 5] = [Class::Person, Class::Place, Class::Organization, Class::Event, Class::Work];
}

/// Number of labels: O, then B, I, L, U of each class.
pub const LABELS: usize = 1 + 4 * Class::ALL.len();

/// The label index of a class at a position of its name (0 B, 1 I, 2 L, 3 U).
pub fn label(class: Class, pos: usize) -> usize {
    let c = Class::ALL.iter().position(|&k| k == class).unwrap_or(0);
    1 + 4 * c + pos
}

/// Position of a label in its name (0 B, 1 I, 2 L, 3 U) and its class; `None` for O.
pub fn parts(label: usize) -> Option<(usize, Class)> {
    let l = label.checked_sub(1)?;
    Some((l % 4, *Class::ALL.get(l / 4)?))
}

/// True when label `b` may follow label `a` (`None` is the start of a passage).
pub fn allowed(a: Option<usize>, b: usize) -> bool {
    let open = a.and_then(parts).filter(|(pos, _)| *pos <= 1);
    match (open, parts(b)) {
        (Some((_, ca)), Some((pb, cb))) => ca == cb && (pb == 1 || pb == 2),
        (Some(_), None) => false,
        (None, Some((pb, _))) => pb == 0 || pb == 3,
        (None, None) => true,
    }
}

/// A weights table, read in place.
#[derive(Debug)]
pub struct Model {
    /// Bucket mask: features are below `mask + 1`.
    pub mask: u32,
    /// Scale of the emission weights.
    scale: f32,
    /// Transition scores, `LABELS * LABELS`, previous label first.
    trans: Vec<f32>,
    /// Emission weights, `LABELS` per bucket, each an `i16` in two little-endian bytes.
    emit: &'static [u8],
}

impl Model {
    /// Parses a weights file: header lines, [`MAGIC`] and bucket bits on one line, then the
    /// scale and the transitions as little-endian `f32`, and the emission weights.
    pub fn parse(bytes: &'static [u8]) -> Option<Model> {
        let mut rest = bytes;
        loop {
            let nl = rest.iter().position(|&b| b == b'\n')?;
            let line = std::str::from_utf8(&rest[..nl]).ok()?;
            rest = &rest[nl + 1..];
            if let Some(bits) = line.strip_prefix(MAGIC) {
                let bits: u32 = bits.trim().parse().ok().filter(|b| (8..=24).contains(b))?;
                let f32s = |b: &[u8]| -> Vec<f32> {
                    b.chunks_exact(4).map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect()
                };
                let head = 4 * (1 + LABELS * LABELS);
                let floats = f32s(rest.get(..head)?);
                let emit = rest.get(head..)?;
                if emit.len() != (1usize << bits) * LABELS * 2 {
                    return None;
                }
                return Some(Model {
                    mask: (1 << bits) - 1,
                    scale: floats[0],
                    trans: floats[1..].to_vec(),
                    emit,
                });
            }
        }
    }

    /// Emission scores of one token, `LABELS` of them.
    fn emissions(&self, feats: &[u32], out: &mut [f32; LABELS]) {
        let mut sums = [0i32; LABELS];
        for &f in feats {
            let at = f as usize * LABELS * 2;
            if let Some(row) = self.emit.get(at..at + LABELS * 2) {
                for (s, w) in sums.iter_mut().zip(row.chunks_exact(2)) {
                    *s += i32::from(i16::from_le_bytes([w[0], w[1]]));
                }
            }
        }
        for (o, s) in out.iter_mut().zip(sums) {
            *o = s as f32 * self.scale;
        }
    }

    /// The best label sequence for tokens whose features `emit` scored.
    pub fn viterbi(&self, scores: &[Scores]) -> Vec<usize> {
        viterbi(scores, |a, b| self.trans[a * LABELS + b])
    }

    /// The names of a passage: token ranges, classes and margins.
    pub fn names<'a>(
        &self,
        p: &Pass<'a>,
        lex: &Lexicon,
        seen: &Seen,
        ctx: &features::Context,
        forms: &mut features::Forms<'a>,
    ) -> Vec<Name> {
        let (mut feats, mut offsets) = (Vec::new(), Vec::new());
        features::passage(p, lex, seen, ctx, forms, self.mask, &mut feats, &mut offsets);
        // Only the tokens with features have scores, a few of a long passage's tokens: their
        // rows are held together, and every token has a reference to its row or none.
        let rows: Vec<[f32; LABELS]> = offsets
            .windows(2)
            .zip(p.toks.iter())
            .filter(|(w, _)| w[0] < w[1])
            .map(|(w, t)| {
                let mut s = [0.0; LABELS];
                self.emissions(&feats[w[0] as usize..w[1] as usize], &mut s);
                inside_only(t.text(p.text), &mut s);
                s
            })
            .collect();
        drop(feats);
        let mut row = rows.iter();
        let scores: Vec<Option<&[f32; LABELS]>> =
            offsets.windows(2).map(|w| if w[0] < w[1] { row.next() } else { None }).collect();
        drop(offsets);
        let labels = viterbi(&scores, |a, b| self.trans[a * LABELS + b]);
        spans(&labels)
            .into_iter()
            .map(|(tokens, class)| {
                let margin = self.margin(&scores, &labels, tokens.clone());
                Name { margin: margin / tokens.len() as f32, tokens, class }
            })
            .collect()
    }

    /// How much the best path loses when the name's tokens are labelled outside any name.
    fn margin(&self, scores: &[Option<&[f32; LABELS]>], labels: &[usize], tokens: Range<usize>) -> f32 {
        let t = |a: usize, b: usize| self.trans[a * LABELS + b];
        let emit = |i: usize, l: usize| scores[i].map_or(0.0, |s| s[l]);
        let (mut name, mut none) = (0.0, 0.0);
        if let Some(prev) = tokens.start.checked_sub(1).map(|i| labels[i]) {
            name += t(prev, labels[tokens.start]);
            none += t(prev, 0);
        }
        for i in tokens.clone() {
            name += emit(i, labels[i]);
            none += emit(i, 0);
            if i + 1 < tokens.end {
                name += t(labels[i], labels[i + 1]);
                none += t(0, 0);
            }
        }
        if let Some(&next) = labels.get(tokens.end) {
            name += t(labels[tokens.end - 1], next);
            none += t(0, next);
        }
        name - none
    }

    /// The labels of tokens whose features [`features::passage`] found, `forms` being the
    /// tokens' text, decoded as [`Model::names`] decodes them.
    pub fn tag_features<S: AsRef<str>>(&self, feats: &[u32], offsets: &[u32], forms: &[S]) -> Vec<usize> {
        let scores: Vec<Scores> = offsets
            .windows(2)
            .zip(forms)
            .map(|(w, form)| {
                let f = &feats[w[0] as usize..w[1] as usize];
                let mut s = [0.0; LABELS];
                (!f.is_empty()).then(|| {
                    self.emissions(f, &mut s);
                    inside_only(form.as_ref(), &mut s);
                    s
                })
            })
            .collect();
        self.viterbi(&scores)
    }
}

/// A name the tagger found.
#[derive(Debug, Clone, PartialEq)]
pub struct Name {
    /// Its tokens.
    pub tokens: Range<usize>,
    /// What it names.
    pub class: Class,
    /// How much its labels outscore no name, per token: the tagger's confidence.
    pub margin: f32,
}

/// Scores of one token's labels; `None` for a token that is outside any name.
pub type Scores = Option<[f32; LABELS]>;

/// The labels that may precede each label (those [`allowed`] lets it follow), in label order,
/// and the labels a passage may start with: worked out once, so decoding a long book never
/// asks [`allowed`].
struct Preds {
    /// `of[l][..len[l]]` are the labels that may precede `l`.
    of: [[u8; LABELS]; LABELS],
    len: [u8; LABELS],
    first: [bool; LABELS],
}

impl Preds {
    fn new() -> Preds {
        let mut p = Preds { of: [[0; LABELS]; LABELS], len: [0; LABELS], first: [false; LABELS] };
        for l in 0..LABELS {
            for k in (0..LABELS).filter(|&k| allowed(Some(k), l)) {
                p.of[l][p.len[l] as usize] = k as u8;
                p.len[l] += 1;
            }
            p.first[l] = allowed(None, l);
        }
        p
    }

    fn of(&self, l: usize) -> &[u8] {
        &self.of[l][..self.len[l] as usize]
    }
}

static PREDS: LazyLock<Preds> = LazyLock::new(Preds::new);

/// Viterbi over BILOU labels with transition scores `trans(previous, next)`; only allowed
/// transitions, and the sequence ends outside a name. A token without scores is outside.
/// Each token's scores are held by value ([`Scores`]) or by reference.
pub fn viterbi<S: Borrow<[f32; LABELS]>>(
    scores: &[Option<S>],
    trans: impl Fn(usize, usize) -> f32,
) -> Vec<usize> {
    let preds = &*PREDS;
    let n = scores.len();
    let mut back = vec![[0u8; LABELS]; n];
    let mut best = [f32::NEG_INFINITY; LABELS];
    // True while only O ends a path: then a token without scores stays outside at once.
    let mut outside = false;
    for (t, s) in scores.iter().enumerate() {
        let s: Option<&[f32; LABELS]> = s.as_ref().map(Borrow::borrow);
        if outside && s.is_none() {
            best[0] += trans(0, 0);
            continue;
        }
        outside = s.is_none();
        let mut next = [f32::NEG_INFINITY; LABELS];
        let labels = if s.is_some() { LABELS } else { 1 };
        for l in 0..labels {
            let (mut top, mut from) = (f32::NEG_INFINITY, 0);
            if t == 0 {
                if preds.first[l] {
                    top = 0.0;
                }
            } else {
                for &k in preds.of(l) {
                    let b = best[k as usize];
                    // Labels no path reaches are skipped, as NaN would be.
                    if b.is_nan() || b == f32::NEG_INFINITY {
                        continue;
                    }
                    let v = b + trans(k as usize, l);
                    if v > top {
                        (top, from) = (v, k);
                    }
                }
            }
            next[l] = top + s.map_or(0.0, |s| s[l]);
            back[t][l] = from;
        }
        best = next;
    }
    let ends = |l: usize| parts(l).is_none_or(|(pos, _)| pos >= 2);
    let mut last = (0..LABELS).filter(|&l| ends(l)).fold(0, |a, l| if best[l] > best[a] { l } else { a });
    let mut out = vec![0; n];
    for t in (0..n).rev() {
        out[t] = last;
        last = back[t][last] as usize;
    }
    out
}

/// Rules out the labels that begin or end a name for a connector word ("of", "de"): it sits
/// only inside a name, so "Gary Chan of DAB" is a person and an organisation, never the name
/// "Gary Chan of".
pub fn inside_only(form: &str, scores: &mut [f32; LABELS]) {
    if super::names::CONNECTORS.contains(&form) {
        for class in Class::ALL {
            for pos in [0, 2, 3] {
                scores[label(class, pos)] = f32::NEG_INFINITY;
            }
        }
    }
}

/// Names in a label sequence: token ranges and classes.
pub fn spans(labels: &[usize]) -> Vec<(Range<usize>, Class)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, Class)> = None;
    for (i, &l) in labels.iter().enumerate() {
        match parts(l) {
            Some((0, c)) => open = Some((i, c)),
            Some((1, _)) => {}
            Some((2, c)) => {
                if let Some((s, oc)) = open.take().filter(|(_, oc)| *oc == c) {
                    out.push((s..i + 1, oc));
                }
            }
            Some((_, c)) => out.push((i..i + 1, c)),
            None => open = None,
        }
    }
    out
}

/// The model in use: the embedded one, or the file `FOLIO_TAGGER_WEIGHTS` names.
pub fn get() -> Option<&'static Model> {
    static MODEL: LazyLock<Option<Model>> = LazyLock::new(|| {
        let bytes: &'static [u8] = match std::env::var_os("FOLIO_TAGGER_WEIGHTS") {
            Some(path) => match std::fs::read(&path) {
                Ok(b) => Box::leak(b.into_boxed_slice()),
                Err(e) => {
                    eprintln!("folio: FOLIO_TAGGER_WEIGHTS: {e}; using the embedded tagger");
                    EMBEDDED
                }
            },
            None => EMBEDDED,
        };
        Model::parse(bytes)
    });
    MODEL.as_ref()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bilou_transitions_and_spans() {
        let (b, l, u) = (label(Class::Person, 0), label(Class::Person, 2), label(Class::Place, 3));
        assert!(allowed(None, b) && allowed(Some(b), l) && allowed(Some(l), u));
        assert!(!allowed(Some(b), 0) && !allowed(None, l) && !allowed(Some(b), label(Class::Place, 2)));
        assert_eq!(spans(&[0, b, l, u, 0]), vec![(1..3, Class::Person), (3..4, Class::Place)]);
    }

    #[test]
    fn viterbi_keeps_to_allowed_paths() {
        // The best labels alone would be an I with no B; the path must open the name.
        let mut scores = vec![[0.0; LABELS]; 3];
        scores[1][label(Class::Person, 1)] = 5.0;
        scores[1][label(Class::Person, 0)] = 1.0;
        scores[2][label(Class::Person, 2)] = 1.0;
        let scores: Vec<Scores> = scores.into_iter().map(Some).collect();
        let path = viterbi(&scores, |_, _| 0.0);
        assert!(spans(&path).iter().all(|(r, _)| r.end <= 3));
        assert!(path.windows(2).all(|w| allowed(Some(w[0]), w[1])));
    }

    #[test]
    fn a_connector_neither_begins_nor_ends_a_name() {
        // "Chan of DAB": the scores alone would end the person on "of".
        let (b, i, l, u) = (
            label(Class::Person, 0),
            label(Class::Person, 1),
            label(Class::Person, 2),
            label(Class::Organization, 3),
        );
        let mut scores = vec![[0.0; LABELS]; 3];
        scores[0][b] = 2.0;
        scores[1][l] = 3.0;
        scores[1][i] = 1.0;
        scores[2][u] = 2.0;
        for (form, s) in ["Chan", "of", "DAB"].iter().zip(&mut scores) {
            inside_only(form, s);
        }
        let scores: Vec<Scores> = scores.into_iter().map(Some).collect();
        let path = viterbi(&scores, |_, _| 0.0);
        assert!(spans(&path).iter().all(|(r, _)| r.end != 2 && r.start != 1), "{path:?}");
    }

    #[test]
    fn the_embedded_weights_parse() {
        assert!(Model::parse(EMBEDDED).is_some());
    }
}
