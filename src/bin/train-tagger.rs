//! Trains folio's name tagger on annotated articles and writes its weights.
//!
//! Reads, for every `NAME.mentions.tsv` of a directory, `NAME.txt` and `NAME.tokens.tsv` (the
//! layout of GUM's gum-train cases). The names to learn are the named mentions of persons,
//! places, organisations, events and objects (works, products), cut to their proper nouns
//! ("the mathematician Hermann Weyl" → "Hermann Weyl"), outermost first. Deterministic: the
//! documents are read in name order and shuffled each epoch by a fixed seed. Five perceptrons,
//! each on its own shuffled order, are averaged into one table: a single one's figures move by
//! a point with any small change of features, the mean's much less (epochs and shuffles were
//! chosen by cross-validation, `scripts/cv_tagger.sh`).
//!
//! ```text
//! train-tagger --data DIR --out data/tagger.bin              # train on every document
//! train-tagger --data DIR --folds 6 --holdout 2 --out F.bin  # leave fold 2 out, list it
//! train-tagger --data DIR --folds 6 --cv [--errors]          # exact-name CV figures
//! ```

use anyhow::{Context, Result, bail};
use clap::Parser;
use folio::extract::tagger::{self, Class, LABELS, Model};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Trains the name tagger.
#[derive(Parser, Debug)]
struct Args {
    /// Directory of NAME.txt, NAME.tokens.tsv and NAME.mentions.tsv.
    #[arg(long)]
    data: PathBuf,
    /// Where to write the weights.
    #[arg(long)]
    out: Option<PathBuf>,
    /// Passes over the training documents.
    #[arg(long, default_value_t = 4)]
    epochs: usize,
    /// Models trained on differently shuffled orders and averaged into one: less variance.
    #[arg(long, default_value_t = 5)]
    shuffles: usize,
    /// Feature table size, as a power of two.
    #[arg(long, default_value_t = 16)]
    bits: u32,
    /// Number of folds (documents by name order, document i in fold i mod folds).
    #[arg(long, default_value_t = 6)]
    folds: usize,
    /// Leave this fold out of training; its documents are printed, one a line.
    #[arg(long)]
    holdout: Option<usize>,
    /// Cross-validate: train on all folds but one, for each, and print span P/R/F1.
    #[arg(long)]
    cv: bool,
    /// With --cv, print each wrong and each missed name.
    #[arg(long)]
    errors: bool,
}

/// One passage: hashed features per token and gold labels.
struct Seq {
    words: Vec<String>,
    feats: Vec<u32>,
    offsets: Vec<u32>,
    gold: Vec<usize>,
}

struct Doc {
    name: String,
    seqs: Vec<Seq>,
}

fn class_of(etype: &str) -> Option<Class> {
    Some(match etype {
        "person" => Class::Person,
        "place" => Class::Place,
        "organization" => Class::Organization,
        "event" => Class::Event,
        "object" => Class::Work,
        _ => return None,
    })
}

fn tsv(path: &Path) -> Result<Vec<BTreeMap<String, String>>> {
    let text = std::fs::read_to_string(path).with_context(|| path.display().to_string())?;
    let mut lines = text.lines();
    let head: Vec<&str> = lines.next().unwrap_or("").split('\t').collect();
    Ok(lines
        .map(|l| head.iter().zip(l.split('\t')).map(|(h, v)| (h.to_string(), v.to_string())).collect())
        .collect())
}

fn num(row: &BTreeMap<String, String>, key: &str) -> usize {
    row.get(key).and_then(|v| v.parse().ok()).unwrap_or(0)
}

/// The gold names of a document as input byte ranges: named mentions cut to their first run
/// of proper nouns (one connecting word or mark allowed between two: "University of North
/// Carolina at Chapel Hill", "King Arthur's Court"), outermost first, none overlapping another.
fn gold_names(dir: &Path, name: &str) -> Result<Vec<(usize, usize, Class)>> {
    let tokens = tsv(&dir.join(format!("{name}.tokens.tsv")))?;
    let toks: Vec<(usize, usize, bool, bool)> = tokens
        .iter()
        .map(|t| {
            let upos = t.get("upos").map_or("", String::as_str);
            let form = t.get("form").map_or("", String::as_str);
            let joins =
                matches!(upos, "ADP" | "DET" | "CCONJ" | "PART") || matches!(form, "-" | "&" | "." | "'");
            (num(t, "start"), num(t, "end"), upos == "PROPN", joins)
        })
        .collect();
    let mut names = Vec::new();
    for m in tsv(&dir.join(format!("{name}.mentions.tsv")))? {
        let Some(class) = m.get("etype").and_then(|e| class_of(e)) else { continue };
        if m.get("named").is_none_or(|n| n != "1") {
            continue;
        }
        let (s, e) = (num(&m, "start"), num(&m, "end"));
        let inside: Vec<&(usize, usize, bool, bool)> = toks.iter().filter(|t| t.0 >= s && t.1 <= e).collect();
        let Some(first) = inside.iter().position(|t| t.2) else { continue };
        let mut last = first;
        while let Some(next) = inside.get(last + 1) {
            if next.2 {
                last += 1;
            } else if next.3 && inside.get(last + 2).is_some_and(|t| t.2) {
                last += 2;
            } else {
                break;
            }
        }
        names.push((inside[first].0, inside[last].1, class, e - s));
    }
    names.sort_by_key(|&(s, e, _, len)| (std::cmp::Reverse(len), s, e));
    let mut kept: Vec<(usize, usize, Class)> = Vec::new();
    for (s, e, c, _) in names {
        if !kept.iter().any(|&(a, b, _)| a < e && s < b) {
            kept.push((s, e, c));
        }
    }
    Ok(kept)
}

fn load(dir: &Path, name: &str, mask: u32) -> Result<Doc> {
    let bytes = std::fs::read(dir.join(format!("{name}.txt")))?;
    let doc = folio::structure(&bytes).map_err(|e| anyhow::anyhow!("{name}: {e}"))?;
    let gold = gold_names(dir, name)?;
    let mut seqs = Vec::new();
    let mut ctx = tagger::features::Context::default();
    folio::extract::with_passes(&doc, |p, lex, _| ctx.add(p, lex));
    folio::extract::with_passes(&doc, |p, lex, seen| {
        let (mut feats, mut offsets) = (Vec::new(), Vec::new());
        let mut forms = tagger::features::Forms::default();
        tagger::features::passage(p, lex, seen, &ctx, &mut forms, mask, &mut feats, &mut offsets);
        let spans: Vec<_> = p.toks.iter().map(|t| p.passage.to_input(t.start()..t.end())).collect();
        let mut labels = vec![0; spans.len()];
        for &(s, e, class) in &gold {
            let inside: Vec<usize> =
                (0..spans.len()).filter(|&i| spans[i].start >= s && spans[i].end <= e).collect();
            let n = inside.len();
            for (k, &i) in inside.iter().enumerate() {
                let pos = match (n, k) {
                    (1, _) => 3,
                    (_, 0) => 0,
                    (_, k) if k + 1 == n => 2,
                    _ => 1,
                };
                labels[i] = tagger::label(class, pos);
            }
        }
        let words = p.toks.iter().map(|t| t.text(p.text).to_string()).collect();
        seqs.push(Seq { words, feats, offsets, gold: labels });
    });
    Ok(Doc { name: name.to_string(), seqs })
}

/// Averaged perceptron weights: current, and the sum of updates weighted by their step.
struct Weights {
    emit: Vec<f32>,
    emit_sum: Vec<f32>,
    trans: Vec<f32>,
    trans_sum: Vec<f32>,
    step: f32,
}

impl Weights {
    fn new(mask: u32) -> Weights {
        let n = (mask as usize + 1) * LABELS;
        Weights {
            emit: vec![0.0; n],
            emit_sum: vec![0.0; n],
            trans: vec![0.0; LABELS * LABELS],
            trans_sum: vec![0.0; LABELS * LABELS],
            step: 1.0,
        }
    }

    fn decode(&self, s: &Seq) -> Vec<usize> {
        let scores: Vec<tagger::Scores> = s
            .offsets
            .windows(2)
            .map(|w| {
                let feats = &s.feats[w[0] as usize..w[1] as usize];
                let mut out = [0.0; LABELS];
                for &f in feats {
                    let row = &self.emit[f as usize * LABELS..][..LABELS];
                    for (o, x) in out.iter_mut().zip(row) {
                        *o += x;
                    }
                }
                (!feats.is_empty()).then_some(out)
            })
            .collect();
        tagger::viterbi(&scores, |a, b| self.trans[a * LABELS + b])
    }

    fn update(&mut self, s: &Seq, pred: &[usize]) {
        let c = self.step;
        for (t, (&g, &p)) in s.gold.iter().zip(pred).enumerate() {
            if g != p {
                for &f in &s.feats[s.offsets[t] as usize..s.offsets[t + 1] as usize] {
                    let at = f as usize * LABELS;
                    self.emit[at + g] += 1.0;
                    self.emit_sum[at + g] += c;
                    self.emit[at + p] -= 1.0;
                    self.emit_sum[at + p] -= c;
                }
            }
            let (gp, pp) = if t == 0 { (0, 0) } else { (s.gold[t - 1], pred[t - 1]) };
            if (gp, g) != (pp, p) {
                self.trans[gp * LABELS + g] += 1.0;
                self.trans_sum[gp * LABELS + g] += c;
                self.trans[pp * LABELS + p] -= 1.0;
                self.trans_sum[pp * LABELS + p] -= c;
            }
        }
    }

    fn averaged(&self) -> (Vec<f32>, Vec<f32>) {
        let avg = |w: &[f32], sum: &[f32]| w.iter().zip(sum).map(|(w, s)| w - s / self.step).collect();
        (avg(&self.emit, &self.emit_sum), avg(&self.trans, &self.trans_sum))
    }
}

/// A fixed-seed xorshift: the same order on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

const SEED: u64 = 0x5eed_f011_0000_0001;

/// The mean of [`train_one`]'s weights over `args.shuffles` orders of the passages.
fn train(docs: &[&Doc], args: &Args) -> (Vec<f32>, Vec<f32>) {
    let n = args.shuffles.max(1);
    let (mut emit, mut trans) = train_one(docs, args, SEED);
    for k in 1..n {
        let (e, t) = train_one(docs, args, SEED.wrapping_add(k as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15));
        emit.iter_mut().zip(e).for_each(|(a, b)| *a += b);
        trans.iter_mut().zip(t).for_each(|(a, b)| *a += b);
    }
    let mean = |v: &mut Vec<f32>| v.iter_mut().for_each(|x| *x /= n as f32);
    mean(&mut emit);
    mean(&mut trans);
    (emit, trans)
}

/// One averaged perceptron, the passages shuffled each epoch from `seed`.
fn train_one(docs: &[&Doc], args: &Args, seed: u64) -> (Vec<f32>, Vec<f32>) {
    let mask = (1u32 << args.bits) - 1;
    let mut w = Weights::new(mask);
    let mut order: Vec<&Seq> = docs.iter().flat_map(|d| &d.seqs).collect();
    let mut rng = Rng(seed);
    for _ in 0..args.epochs {
        for i in (1..order.len()).rev() {
            order.swap(i, rng.next(i + 1));
        }
        for s in &order {
            let pred = w.decode(s);
            if pred != s.gold {
                w.update(s, &pred);
            }
            w.step += 1.0;
        }
    }
    w.averaged()
}

/// The weights file: header, then scale, transitions and emission weights.
fn encode(emit: &[f32], trans: &[f32], args: &Args, docs: usize) -> Vec<u8> {
    let top = emit.iter().fold(0.0f32, |m, w| m.max(w.abs()));
    let scale = (top / f32::from(i16::MAX)).max(f32::MIN_POSITIVE);
    let mut out = format!(
        "# folio name tagger: averaged structured perceptron, BILOU labels over person, place,\n\
         # organization, event and work; hashed features (src/extract/tagger/features.rs).\n\
         # Trained by src/bin/train-tagger.rs on {docs} documents of GUM (https://gucorpling.org/gum/;\n\
         # Zeldes 2017, doi:10.1007/s10579-016-9343-x): annotations CC BY 4.0; texts CC BY 2.5\n\
         # (Wikinews), CC BY-SA 3.0 (Wikipedia, Wikivoyage), CC BY 4.0 (academic, court).\n\
         # The weights are derived from them and offered under CC BY-SA 3.0.\n\
         # Parameters: epochs {}, shuffles {} averaged, feature bits {}, seed {SEED:#x}; emission weights i16 x {scale:e}.\n\
         {} {}\n",
        args.epochs,
        args.shuffles,
        args.bits,
        tagger::MAGIC,
        args.bits
    )
    .into_bytes();
    out.extend(scale.to_le_bytes());
    for t in trans {
        out.extend(t.to_le_bytes());
    }
    for w in emit {
        out.extend(((w / scale).round() as i16).to_le_bytes());
    }
    out
}

/// Exact-span counts per class: (true positives, predicted, gold).
type Counts = BTreeMap<String, (usize, usize, usize)>;

fn score(tag: &dyn Fn(&Seq) -> Vec<usize>, docs: &[&Doc], counts: &mut Counts, errors: bool) {
    for s in docs.iter().flat_map(|d| &d.seqs) {
        let pred = tagger::spans(&tag(s));
        let gold = tagger::spans(&s.gold);
        if errors {
            for (r, c) in pred.iter().filter(|x| !gold.contains(x)) {
                let g = gold.iter().find(|(g, _)| g.start < r.end && r.start < g.end);
                let gs =
                    g.map(|(g, c)| format!("{:?} {}", c, s.words[g.clone()].join(" "))).unwrap_or_default();
                println!("FP {c:?} {} | gold: {gs}", s.words[r.clone()].join(" "));
            }
            for (r, c) in
                gold.iter().filter(|x| !pred.iter().any(|(p, _)| p.start < x.0.end && x.0.start < p.end))
            {
                println!("FN {c:?} {}", s.words[r.clone()].join(" "));
            }
        }
        for (name, sel) in [("all", None), ("person", Some(Class::Person)), ("place", Some(Class::Place))]
            .into_iter()
            .chain([("organization", Some(Class::Organization)), ("event", Some(Class::Event))])
            .chain([("work", Some(Class::Work))])
        {
            let keep = |c: &Class| sel.is_none_or(|k| k == *c);
            let p: Vec<_> = pred.iter().filter(|(_, c)| keep(c)).collect();
            let g: Vec<_> = gold.iter().filter(|(_, c)| keep(c)).collect();
            let tp = p.iter().filter(|x| g.contains(x)).count();
            let e = counts.entry(name.to_string()).or_default();
            *e = (e.0 + tp, e.1 + p.len(), e.2 + g.len());
        }
    }
}

fn main() -> Result<()> {
    let args = Args::parse();
    if args.folds == 0 || args.holdout.is_some_and(|h| h >= args.folds) {
        bail!("--holdout must be below --folds");
    }
    let mut names: Vec<String> = std::fs::read_dir(&args.data)?
        .filter_map(|e| e.ok()?.file_name().to_str()?.strip_suffix(".mentions.tsv").map(str::to_string))
        .collect();
    names.sort();
    let mask = (1u32 << args.bits) - 1;
    let docs: Vec<Doc> = names.iter().map(|n| load(&args.data, n, mask)).collect::<Result<_>>()?;
    let fold = |i: usize| i % args.folds;
    if args.cv {
        let mut counts = Counts::new();
        for k in 0..args.folds {
            let train_docs: Vec<&Doc> =
                docs.iter().enumerate().filter(|(i, _)| fold(*i) != k).map(|d| d.1).collect();
            let test: Vec<&Doc> =
                docs.iter().enumerate().filter(|(i, _)| fold(*i) == k).map(|d| d.1).collect();
            let (emit, trans) = train(&train_docs, &args);
            let bytes: &'static [u8] =
                Box::leak(encode(&emit, &trans, &args, train_docs.len()).into_boxed_slice());
            let model = Model::parse(bytes).context("weights do not parse")?;
            score(
                &|s: &Seq| model.tag_features(&s.feats, &s.offsets, &s.words),
                &test,
                &mut counts,
                args.errors,
            );
        }
        println!("{:<13} {:>6} {:>6} {:>6}  tp/pred/gold", "exact spans", "P", "R", "F1");
        for (name, (tp, p, g)) in &counts {
            let (pr, rc) = (*tp as f64 / (*p).max(1) as f64, *tp as f64 / (*g).max(1) as f64);
            let f = if pr + rc > 0.0 { 2.0 * pr * rc / (pr + rc) } else { 0.0 };
            println!("{name:<13} {pr:>6.3} {rc:>6.3} {f:>6.3}  {tp}/{p}/{g}");
        }
        return Ok(());
    }
    let train_docs: Vec<&Doc> =
        docs.iter().enumerate().filter(|(i, _)| Some(fold(*i)) != args.holdout).map(|d| d.1).collect();
    let (emit, trans) = train(&train_docs, &args);
    let bytes = encode(&emit, &trans, &args, train_docs.len());
    if let Some(out) = &args.out {
        std::fs::write(out, &bytes).with_context(|| out.display().to_string())?;
    }
    if args.holdout.is_some() {
        let mut stdout = std::io::stdout().lock();
        for (i, d) in docs.iter().enumerate() {
            if Some(fold(i)) == args.holdout {
                writeln!(stdout, "{}", d.name)?;
            }
        }
    }
    Ok(())
}
