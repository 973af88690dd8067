//! The tagger's names against the rules' mentions: the tagger decides what a capitalised
//! name is (a person, a place, an organisation, a work); the rules keep what they do
//! precisely (role phrases, aliases, coreference, dates, events).

use super::lexicon::Lexicon;
use super::merge::{Key, Mention, Occupied};
use super::pass::{Pass, Seen, lower};
use super::tagger::{self, Class};
use super::tokens::Kind;
use crate::document::EntityKind;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::ops::Range;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

/// A name the tagger found in a passage.
#[derive(Debug, Clone)]
pub struct Tagged {
    /// Byte range in the passage text.
    pub range: Range<usize>,
    /// Token range.
    pub tokens: Range<usize>,
    /// What it names.
    pub class: Class,
    /// How much its labels outscore no name, per token.
    pub margin: f32,
}

/// The names the tagger finds in one passage.
pub type Names = Vec<Tagged>;

/// Text length (bytes of passage text) from which the tagger uses a second thread.
const PARALLEL_BYTES: usize = 100_000;

/// The tagger's names of every passage (none when no model is available), with `meanwhile`
/// run on this thread.
///
/// The one place where work is split: the tagger reads each passage on its own (a quarter
/// of a book's time), so on a long text a second thread starts on the passages while this
/// one runs `meanwhile` (rules that need no tagger names), then both take the passages
/// left, one at a time. Which thread reads a passage changes nothing in its names. A short
/// text stays on one thread: starting another would cost more than it saves.
pub fn names(passes: &[Pass], lex: &Lexicon, seen: &Seen, meanwhile: impl FnOnce()) -> Vec<Names> {
    let Some(model) = tagger::get() else {
        meanwhile();
        return vec![Vec::new(); passes.len()];
    };
    // What the whole text says of its words, gathered by the first thread to need it (on a
    // long text the second one, while this one runs `meanwhile`).
    let context = std::sync::OnceLock::new();
    let gather = || {
        let mut ctx = tagger::features::Context::default();
        for p in passes {
            ctx.add(p, lex);
        }
        ctx
    };
    let next = AtomicUsize::new(0);
    let read = || {
        let ctx = context.get_or_init(gather);
        let mut forms = tagger::features::Forms::default();
        let mut read = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(p) = passes.get(i) else { break };
            let names: Names = model
                .names(p, lex, seen, ctx, &mut forms)
                .into_iter()
                .filter_map(|n| {
                    let (first, last) = (p.toks.get(n.tokens.start)?, p.toks.get(n.tokens.end - 1)?);
                    Some(Tagged {
                        range: first.start()..last.end(),
                        tokens: n.tokens,
                        class: n.class,
                        margin: n.margin,
                    })
                })
                .collect();
            read.push((i, names));
        }
        read
    };
    let long = passes.iter().map(|p| p.text.len()).sum::<usize>() > PARALLEL_BYTES;
    let read = std::thread::scope(|scope| {
        let other = long.then(|| scope.spawn(read));
        meanwhile();
        let mut all = read();
        if let Some(other) = other {
            all.extend(other.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)));
        }
        all
    });
    let mut out: Vec<Names> = vec![Vec::new(); passes.len()];
    for (i, names) in read {
        out[i] = names;
    }
    for (p, ns) in passes.iter().zip(out.iter_mut()) {
        coordinated(p, ns);
    }
    one_reading(passes, &mut out);
    let known: HashSet<&str> = passes
        .iter()
        .zip(out.iter())
        .filter(|(p, _)| !p.headline)
        .flat_map(|(p, ns)| {
            ns.iter().filter(|n| n.class == Class::Organization).filter_map(|n| p.text.get(n.range.clone()))
        })
        .collect();
    for (p, ns) in passes.iter().zip(out.iter_mut()) {
        joined(p, lex, ns);
        widened(p, lex, &known, ns);
    }
    organisations(passes, lex, &mut out);
    out
}

/// Names joined in a list are of one kind ("Louis Malle, Truffaut and others", "Kwok
/// Wai-keung and Park Joo-Ho"): the less sure of two neighbours takes the surer one's class,
/// and half its margin when that is more than its own.
fn coordinated(p: &Pass, ns: &mut [Tagged]) {
    for i in 1..ns.len() {
        let between = &p.toks[ns[i - 1].tokens.end.min(ns[i].tokens.start)..ns[i].tokens.start];
        let joins = |w: &str| matches!(w, "," | "and" | "or");
        if between.is_empty() || between.len() > 2 || !between.iter().all(|t| joins(t.text(p.text))) {
            continue;
        }
        let (sure, unsure) = if ns[i - 1].margin >= ns[i].margin { (i - 1, i) } else { (i, i - 1) };
        let (class, margin) = (ns[sure].class, ns[sure].margin / 2.0);
        let n = &mut ns[unsure];
        n.class = class;
        n.margin = n.margin.max(margin);
    }
}

/// Plural nouns of people that own an organisation's name ("People's Army").
const PEOPLE_PLURALS: &[&str] =
    &["people", "children", "women", "men", "workers", "veterans", "farmers", "citizens"];

/// Two organisations joined by "and" where the second ends in an organisation's word and
/// the first is no listed name are one ("the Harbour and Quay Commission"). A name of people
/// in the plural with a possessive, then an organisation, is one too ("the Korean People's
/// Army", "the Women's Institute").
fn joined(p: &Pass, lex: &Lexicon, ns: &mut Names) {
    let word = |k: usize| p.toks.get(k).map_or("", |t| t.text(p.text));
    let mut i = 1;
    while i < ns.len() {
        let (a, b) = (&ns[i - 1], &ns[i]);
        let next = b.tokens.start == a.tokens.end + 1;
        let and = next && matches!(word(a.tokens.end), "and" | "&");
        let last = word(b.tokens.end - 1);
        let first = p.text.get(a.range.clone()).unwrap_or("");
        let owners = next
            && p.toks.get(a.tokens.end).is_some_and(|t| t.kind() == Kind::Poss)
            && PEOPLE_PLURALS.contains(&&*lower(word(a.tokens.end - 1)));
        let both = a.class == Class::Organization && b.class == Class::Organization;
        if both && and && lex.org_cues.contains(last) && !lex.orgs.contains(first)
            || b.class == Class::Organization && owners && lex.org_cues.contains(last)
        {
            let b = ns.remove(i);
            let a = &mut ns[i - 1];
            a.class = Class::Organization;
            (a.range.end, a.tokens.end, a.margin) = (b.range.end, b.tokens.end, a.margin.max(b.margin));
            continue;
        }
        i += 1;
    }
}

/// An organisation's name takes the capitalised words right before it that no other name
/// has ("the Zorvist Party", "The New Dunmore Herald": the tagger learnt adjectives and
/// "New" outside names), but a sentence's first common word, a function word or a weekday.
fn widened(p: &Pass, lex: &Lexicon, known: &HashSet<&str>, ns: &mut [Tagged]) {
    for i in 0..ns.len() {
        if ns[i].class != Class::Organization {
            continue;
        }
        let floor = if i > 0 { ns[i - 1].tokens.end } else { 0 };
        let mut start = ns[i].tokens.start;
        while start > floor {
            let Some(t) = p.toks.get(start - 1) else { break };
            let w = t.text(p.text);
            let l = lower(w);
            let plain = lex.function.contains(&*l)
                || crate::calendar::is_month_or_weekday(&l)
                || lex.titles.contains(w)
                || lex.places.contains_key(w);
            // A sentence's first common word only where the text names the whole elsewhere
            // ("Home Zorvex" after "the Home Zorvex chain").
            let opening = t.sent_start()
                && lex.common.contains(&l)
                && !p.text.get(t.start()..ns[i].range.end).is_some_and(|whole| known.contains(whole));
            if t.kind() != Kind::Word || !t.is_cap(p.text) || plain || opening {
                break;
            }
            start -= 1;
        }
        // Not over a place's name that ends in the organisation's first word ("United Arab
        // Emirates"), but into a newspaper's name ("The New York Times").
        let end = ns[i].tokens.start + 1;
        let place = |s: usize| {
            let (a, b) = (p.toks[s].start(), p.toks[end - 1].end());
            p.text.get(a..b).is_some_and(|t| lex.places.contains_key(t))
        };
        let paper = || {
            let whole = p.text.get(p.toks[start].start()..ns[i].range.end).unwrap_or("");
            newspaper(lex, &whole.split_whitespace().collect::<Vec<_>>())
        };
        if start < ns[i].tokens.start
            && (!(start..ns[i].tokens.start).any(place) || paper())
            && let Some(t) = p.toks.get(start)
        {
            ns[i].range.start = t.start();
            ns[i].tokens.start = start;
        }
        // What an institution is of goes on over "and" and capitalised common words ("the
        // Academy of Painting and Sculpture", "the Union of Atheists and Agnostics").
        let next_start = ns.get(i + 1).map_or(p.toks.len(), |n| n.tokens.start);
        let word = |k: usize| p.toks.get(k).map_or("", |t| t.text(p.text));
        let common_cap = |k: usize| {
            k < next_start
                && p.toks.get(k).is_some_and(|t| t.kind() == Kind::Word && t.is_cap(p.text))
                && lex.common.contains(&lower(word(k)))
        };
        let end = ns[i].tokens.end;
        if (ns[i].tokens.start + 1..end).any(|k| word(k) == "of")
            && common_cap(end - 1)
            && word(end) == "and"
            && common_cap(end + 1)
        {
            let mut j = end + 1;
            while common_cap(j) {
                j += 1;
            }
            // Not where more of a name follows ("and Sculpture Zorvex").
            if !p.toks.get(j).is_some_and(|t| t.kind() == Kind::Word && t.is_cap(p.text)) {
                ns[i].range.end = p.toks[j - 1].end();
                ns[i].tokens.end = j;
                continue;
            }
        }
        // An institution's name goes on over what it is of, on or for ("the Zorvex Institute
        // on Harbour Studies", "the Society for the Care of Quill Birds").
        if !lex.org_cues.contains(word(end - 1)) {
            continue;
        }
        // A weekday or a month after "on" or "to" says when ("the Army on Monday").
        let cap = |k: usize| {
            k < next_start
                && p.toks.get(k).is_some_and(|t| {
                    t.kind() == Kind::Word
                        && t.is_cap(p.text)
                        && !crate::calendar::is_month_or_weekday(&lower(t.text(p.text)))
                })
        };
        let join = |k: usize| {
            k < next_start
                && p.toks.get(k).is_some_and(|t| matches!(t.text(p.text), "of" | "on" | "for" | "the" | "to"))
        };
        let (mut k, mut end) = (ns[i].tokens.end, ns[i].tokens.end);
        while k < ns[i].tokens.end + 10 {
            let mut j = k;
            while join(j) && j < k + 2 {
                j += 1;
            }
            if j == k || !cap(j) {
                break;
            }
            while cap(j) {
                j += 1;
            }
            (k, end) = (j, j);
        }
        if end > ns[i].tokens.end
            && let Some(t) = p.toks.get(end - 1)
        {
            ns[i].range.end = t.end();
            ns[i].tokens.end = end;
        }
    }
}

/// One reading per name in a document: each occurrence of a name takes the class its
/// occurrences were given most, weighted by their margins ("Chelsea" the club throughout,
/// not the club in one sentence and a person in the next).
fn one_reading(passes: &[Pass], out: &mut [Names]) {
    let mut votes: HashMap<&str, [f32; Class::ALL.len()]> = HashMap::default();
    for (p, ns) in passes.iter().zip(out.iter()).filter(|(p, _)| !p.headline) {
        for n in ns {
            let c = Class::ALL.iter().position(|&k| k == n.class).unwrap_or(0);
            votes.entry(p.text.get(n.range.clone()).unwrap_or("")).or_default()[c] += n.margin.max(0.0);
        }
    }
    for (p, ns) in passes.iter().zip(out.iter_mut()) {
        for n in ns.iter_mut() {
            let Some(v) = votes.get(p.text.get(n.range.clone()).unwrap_or("")) else { continue };
            let best = (0..v.len()).fold(0, |a, i| if v[i] > v[a] { i } else { a });
            if v[best] > 0.0 {
                n.class = Class::ALL[best];
            }
        }
    }
}

/// Nouns for what a company has and a person does not, right after a name or its
/// possessive ("WeWork founder", "Audi's shares", "his WeWork shares").
const COMPANY_NOUNS: &[&str] = &[
    "ceo",
    "ceos",
    "cfo",
    "coo",
    "cto",
    "founder",
    "founders",
    "co-founder",
    "cofounder",
    "shares",
    "stock",
    "stocks",
    "shareholders",
    "shareholder",
    "stockholders",
    "investors",
    "revenue",
    "revenues",
    "earnings",
    "profit",
    "profits",
    "ipo",
    "valuation",
    "subsidiary",
    "subsidiaries",
    "headquarters",
    "hq",
    "employees",
    "workforce",
    "customers",
    "subscribers",
];

/// True for a noun of what a company has ([`COMPANY_NOUNS`]).
pub(super) fn company_noun(w: &str) -> bool {
    COMPANY_NOUNS.contains(&w)
}

/// Nouns for a company, a band or a paper right before its name ("the energy company
/// Zorvex", "the band Quillpoint"): said of a person, the name would follow a role instead.
const ORG_KINDS: &[&str] = &[
    "company",
    "firm",
    "startup",
    "start-up",
    "retailer",
    "maker",
    "manufacturer",
    "automaker",
    "carmaker",
    "chipmaker",
    "conglomerate",
    "carrier",
    "airline",
    "broadcaster",
    "newspaper",
    "publisher",
    "insurer",
    "lender",
    "bank",
    "band",
    "label",
    "studio",
    "agency",
    "nonprofit",
    "non-profit",
    "charity",
    "organisation",
    "organization",
];

/// The same nouns in an apposition after a name ("Zorvex, a group co-founded by..."),
/// where a group and a giant are said of companies too.
fn org_apposition(w: &str) -> bool {
    ORG_KINDS.contains(&w) || matches!(w, "group" | "giant" | "brand" | "chain" | "provider" | "developer")
}

/// Last words of a newspaper's name after its place ("the Dunmore Herald"; the place
/// itself must be listed).
const PAPER_HEADS: &[&str] = &[
    "Times",
    "Post",
    "Herald",
    "Journal",
    "Tribune",
    "Gazette",
    "Chronicle",
    "Courier",
    "Leader",
    "Register",
    "Examiner",
    "Inquirer",
    "Observer",
    "Sentinel",
    "Dispatch",
    "Telegraph",
    "Star-Telegram",
    "Bee",
    "Globe",
    "Enquirer",
    "Argus",
    "Weekly",
];

/// True for a newspaper's name: a listed place, maybe a word more, and a newspaper's head
/// ("Dunmore Evening Herald", "Sioux City Journal").
fn newspaper(lex: &Lexicon, words: &[&str]) -> bool {
    let Some((last, rest)) = words.split_last() else { return false };
    if !PAPER_HEADS.contains(last) || rest.is_empty() {
        return false;
    }
    let rest = if rest.first() == Some(&"The") { &rest[1..] } else { rest };
    (1..=rest.len().min(3))
        .any(|k| rest.len() - k <= 1 && lex.places.contains_key(rest[..k].join(" ").as_str()))
}

/// True for a word in capitals that may be an acronym ("ACME", "NTSB"), not an initial.
fn acronym(w: &str) -> bool {
    w.len() >= 2 && w.len() <= 6 && w.bytes().all(|b| b.is_ascii_uppercase())
}

/// Names the tagger read as people that the text shows to be organisations:
///
/// - a name ending in a word of an organisation's name ("Hong Kong Polytechnic University",
///   "Alden Capital", "Tequila Works"), unless it is a given name and a surname ("Nathan
///   Law");
/// - a name that somewhere has what only a company has, right after it or its possessive
///   ("WeWork founder Adam Neumann", "Ascom's shares"), and nowhere a title or a given name
///   before it: every occurrence.
fn organisations<'a>(passes: &[Pass<'a>], lex: &Lexicon, out: &mut [Names]) {
    // The forms of the tagger's people; per form, whether some occurrence of it has a
    // company's noun after it, and whether some has a title or a given name before it.
    let people: HashSet<&str> = passes
        .iter()
        .zip(out.iter())
        .flat_map(|(p, ns)| {
            ns.iter().filter(|n| n.class == Class::Person).map(|n| p.text.get(n.range.clone()).unwrap_or(""))
        })
        .collect();
    // Each half of a long text read on its own thread, the marks of the two joined.
    let look = |half: &[Pass<'a>]| {
        let mut marks: HashMap<&'a str, (bool, bool)> = HashMap::default();
        for p in half.iter().filter(|p| !p.headline) {
            let cap = |i: usize| p.toks.get(i).is_some_and(|t| t.kind() == Kind::Word && t.is_cap(p.text));
            let mut i = 0;
            while i < p.toks.len() {
                if !cap(i) {
                    i += 1;
                    continue;
                }
                let mut end = i + 1;
                while cap(end) || p.toks.get(end).is_some_and(|t| t.text(p.text) == ".") && cap(end + 1) {
                    end += 1;
                }
                let run_end = p.toks[end - 1].end();
                let poss = p.toks.get(end).is_some_and(|t| t.kind() == Kind::Poss);
                let after = p.toks.get(end + usize::from(poss)).map_or("".into(), |t| lower(t.text(p.text)));
                // A company's noun after it, a company's kind before it ("the energy company
                // Zorvex") or in an apposition after it ("Zorvex, a group founded by").
                let company =
                    COMPANY_NOUNS.contains(&after.as_ref()) || apposition(p, end) || its_after(p, end);
                for k in i..end {
                    let Some(form) = p.text.get(p.toks[k].start()..run_end) else { continue };
                    if !people.contains(form) {
                        continue;
                    }
                    let e = marks.entry(form).or_default();
                    // What follows the run is said of the name after a sentence's first word too
                    // ("Yesterday Zorvex's shares").
                    if k == i || k == i + 1 && p.toks[i].sent_start() {
                        e.0 |= company;
                    }
                    if k == i {
                        let kind_before =
                            i > 0 && ORG_KINDS.contains(&lower(p.toks[i - 1].text(p.text)).as_ref());
                        e.0 |= kind_before;
                    } else {
                        let before = p.toks[k - 1].text(p.text);
                        let before =
                            if before == "." && k >= i + 2 { p.toks[k - 2].text(p.text) } else { before };
                        e.1 |= lex.titles.contains(before)
                            || lex.titles.contains(format!("{before}.").as_str())
                            || lex.is_given(before);
                    }
                }
                i = end;
            }
        }
        marks
    };
    let (mut marks, more) = super::pass::halves(passes, look);
    for (form, (company, personal)) in more {
        let e = marks.entry(form).or_default();
        e.0 |= company;
        e.1 |= personal;
    }
    // The first words of the tagger's organisations of two words or more: "Zorvex" alone
    // after "Zorvex Nano Systems" is the company.
    let mut heads: HashSet<&str> = HashSet::default();
    for (p, ns) in passes.iter().zip(out.iter()) {
        for n in ns.iter().filter(|n| n.class == Class::Organization && n.tokens.len() >= 2) {
            if let Some(t) = p.toks.get(n.tokens.start) {
                heads.insert(t.text(p.text));
            }
        }
    }
    for (p, ns) in passes.iter().zip(out.iter_mut()) {
        for n in ns.iter_mut().filter(|n| matches!(n.class, Class::Person | Class::Place)) {
            let Some(text) = p.text.get(n.range.clone()) else { continue };
            let words: Vec<&str> = text.split_whitespace().collect();
            if newspaper(lex, &words) {
                n.class = Class::Organization;
                continue;
            }
            if n.class != Class::Person {
                continue;
            }
            let Some(first) = words.first() else { continue };
            let headed = company_named(lex, text);
            let personal = marks.get(text).is_some_and(|&(_, personal)| personal);
            let person_shaped = lex.person_shaped(&words);
            let company = marks.get(text).is_some_and(|&(company, _)| company);
            let given_alone = words.len() == 1 && lex.is_given(first);
            let shown = company && !personal && !person_shaped && !given_alone;
            // An acronym, or the first word of an organisation's longer name, with no title
            // or given name before it anywhere.
            let alone = words.len() == 1
                && !personal
                && !lex.is_given(first)
                && (acronym(first) || heads.contains(first) && !lex.surnames.contains(first));
            if headed || shown || alone {
                n.class = Class::Organization;
            }
        }
    }
}

/// True for a name ending in a word of an organisation's name ("Hong Kong Polytechnic
/// University", "Alden Capital", "Tequila Works"), unless it is a given name and a surname
/// ("Nathan Law").
fn company_named(lex: &Lexicon, name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    let Some(last) = words.last() else { return false };
    let person_shaped = lex.person_shaped(&words);
    (lex.org_cues.contains(last) || lex.company_heads.contains(last)) && !person_shaped
}

/// True when "its" follows soon after a name with no other noun phrase or person between
/// ("Zorvex not only caught up with its rivals"): the name is a thing's.
fn its_after(p: &Pass, end: usize) -> bool {
    for t in p.toks.iter().skip(end).take(7) {
        let w = t.text(p.text);
        if w == "its" {
            return true;
        }
        let opens = matches!(
            w,
            "the"
                | "a"
                | "an"
                | "this"
                | "that"
                | "these"
                | "those"
                | "he"
                | "she"
                | "his"
                | "her"
                | "him"
                | "they"
                | "their"
                | "them"
                | "who"
                | "which"
        );
        if t.kind() != Kind::Word || t.is_cap(p.text) || opens {
            return false;
        }
    }
    false
}

/// True when the tokens from `end` on are an apposition that names a company's kind:
/// ", a group founded by", ", the energy company that".
fn apposition(p: &Pass, end: usize) -> bool {
    let word = |i: usize| p.toks.get(i).map_or("", |t| t.text(p.text));
    if word(end) != "," || !matches!(word(end + 1), "a" | "an" | "the") {
        return false;
    }
    let lex = super::lexicon::get();
    (end + 2..end + 5).take_while(|&i| word(i).starts_with(char::is_lowercase)).any(|i| {
        let w = word(i);
        let next = lower(word(i + 1));
        org_apposition(w) && !lex.org_nouns.contains(next.as_ref()) && !lex.roles.contains(next.as_ref())
    })
}

fn kind_of(class: Class) -> Option<EntityKind> {
    match class {
        Class::Person => Some(EntityKind::Person),
        Class::Place => Some(EntityKind::Place),
        Class::Organization => Some(EntityKind::Organization),
        Class::Event | Class::Work => None,
    }
}

/// True when at least half of `inner` lies in `outer`.
fn mostly_in(inner: &Range<usize>, outer: &Range<usize>) -> bool {
    let overlap = inner.end.min(outer.end).saturating_sub(inner.start.max(outer.start));
    overlap * 2 >= inner.len().max(1)
}

/// Corrects the rules' named people and places by the tagger, and adds the tagger's names
/// no rule found. A rule's person the tagger reads as an organisation becomes one, and so
/// does a place whose name is a listed organisation; one it
/// reads as a work or product ("Star Trek", "Atlantis") is dropped, and so is a place
/// inside a longer person's or organisation's name ("Chad" of "Chad Thomas", "Tottenham"
/// of "Tottenham Hotspur"; not "California" of "University of California"); one it leaves
/// out stays, since the rules are precise where they speak.
///
/// Returns the names it doubted (but for those in lists): no later rule may claim them.
pub fn reconcile(
    passes: &[Pass],
    names: &[Names],
    lex: &Lexicon,
    seen: &Seen,
    mentions: &mut Vec<Mention>,
) -> Vec<Mention> {
    super::merge::retain_halves(passes, mentions, |m| {
        if !m.named || !matches!(m.kind, EntityKind::Person | EntityKind::Place) {
            return true;
        }
        // A rule's person whose name ends in a word of a company's name ("the Quill
        // Brothers"), but a given name and a surname.
        if m.kind == EntityKind::Person && m.key.name().is_some_and(|n| company_named(lex, n)) {
            m.kind = EntityKind::Organization;
            return true;
        }
        let (Some(ns), Some(p)) = (names.get(m.passage), passes.get(m.passage)) else { return true };
        // The names are in text order and apart: those that end after the mention starts.
        let after = ns.partition_point(|n| n.range.end <= m.range.start);
        let mut near = ns[after..].iter().take_while(|n| n.range.start < m.range.end.max(m.range.start + 1));
        // A rule's person that ends in the tagger's organisation after words that are no
        // name ("Rival Zorvex's shares"): the organisation.
        if m.kind == EntityKind::Person
            && let Some(n) = ns[after..].iter().take_while(|n| n.range.start < m.range.end).find(|n| {
                n.class == Class::Organization && n.range.start > m.range.start && n.range.end == m.range.end
            })
            && p.text.get(m.range.start..n.range.start).is_some_and(|head| {
                head.split_whitespace()
                    .all(|w| lex.common.contains(&lower(w)) && !lex.is_given(w) && !lex.titles.contains(w))
            })
        {
            let name = p.text.get(n.range.clone()).unwrap_or("");
            *m = Mention::named(EntityKind::Organization, name, m.passage, n.range.clone());
            return true;
        }
        let Some(Tagged { range: r, class, .. }) = near.find(|n| mostly_in(&m.range, &n.range)) else {
            return true;
        };
        // Longer by words: "US-Russia" is one word, not a name holding "US".
        let words = |r: &Range<usize>| p.text.get(r.clone()).map_or(0, |t| t.split_whitespace().count());
        let longer = words(r) > words(&m.range);
        let after_of = p.text.get(..m.range.start).is_some_and(|b| b.trim_end().ends_with(" of"));
        // The same name: four fifths of the longer of the two in common ("Russia" is not "US-Russia").
        let overlap = r.end.min(m.range.end).saturating_sub(r.start.max(m.range.start));
        let same = overlap * 5 >= r.len().max(m.range.len()) * 4;
        // An institution named after its place keeps the place ("Kyoto University"); a
        // club or a company does not ("Tottenham Hotspur").
        let cued = *class == Class::Organization
            && p.text.get(r.clone()).is_some_and(|t| t.split_whitespace().any(|w| lex.org_cues.contains(w)));
        match class {
            // A place the tagger reads as an organisation stays a place ("Russia said",
            // "London's mayor") unless the name is a listed organisation ("Chelsea"):
            // cross-validated, turning the others made place and organisation F1 lower. A
            // given name and a surname stay a person in a list of parties ("Tanya Chan of
            // the Civic Party").
            Class::Organization
                if same
                    && (m.kind != EntityKind::Place
                        || p.text.get(r.clone()).is_some_and(|t| lex.orgs.contains(t)))
                    && !(m.kind == EntityKind::Person && given_and_surname(lex, &m.name)) =>
            {
                m.kind = EntityKind::Organization;
                true
            }
            Class::Work => !same,
            Class::Person | Class::Organization => m.kind != EntityKind::Place || !longer || after_of || cued,
            _ => true,
        }
    });
    // An organisation's name may hold a place ("University of California").
    let places = Occupied::of(mentions, &[EntityKind::Place]);
    let others = Occupied::of(mentions, &[EntityKind::Person, EntityKind::Organization, EntityKind::Event]);
    // Each half of a long text on its own thread.
    let bytes: usize = passes.iter().map(|p| p.text.len()).sum();
    let mid = crate::halfway(passes, bytes, |p| p.text.len());
    let ((passes_a, passes_b), (names_a, names_b)) =
        (passes.split_at(mid), names.split_at(mid.min(names.len())));
    let look = |passes: &[Pass], names: &[Names]| read_names(passes, names, lex, seen, &places, &others);
    let ((mut doubted, added), (more, also)) =
        crate::both(bytes > crate::PARALLEL_BYTES, || look(passes_a, names_a), || look(passes_b, names_b));
    doubted.extend(more);
    mentions.extend(added);
    mentions.extend(also);
    listed_orgs(passes, lex, seen, mentions, &doubted);
    parties(passes, mentions);
    org_aliases(passes, mentions);
    doubted
}

/// The mentions the tagger's names of body text make (see [`reconcile`]), and the names
/// left in doubt: the tagger's sure works, and the names no rule may read.
fn read_names(
    passes: &[Pass],
    names: &[Names],
    lex: &Lexicon,
    seen: &Seen,
    places: &Occupied,
    others: &Occupied,
) -> (Vec<Mention>, Vec<Mention>) {
    let (mut doubted, mut added) = (Vec::new(), Vec::new());
    // Headlines capitalise every word: the rules read them.
    for (p, ns) in passes.iter().zip(names).filter(|(p, _)| !p.headline) {
        for n in ns {
            // A work or a product the tagger is sure of: no later rule makes it a person.
            if n.class == Class::Work && n.margin >= WORK_MARGIN {
                doubted.push(Mention::named(EntityKind::Person, "", p.index, n.range.clone()));
                continue;
            }
            let (range, Some(mut kind)) = (&n.range, kind_of(n.class)) else { continue };
            if kind == EntityKind::Organization && land(p, n, lex) {
                kind = EntityKind::Place;
            }
            if kind != EntityKind::Person && crate::extract::people::apposed_person(p, n.tokens.end, lex) {
                kind = EntityKind::Person;
            }
            if others.overlaps(p.index, range)
                || kind != EntityKind::Organization && places.overlaps(p.index, range)
            {
                continue;
            }
            match doubtful(p, n, kind, lex, seen, places, others) {
                Doubt::None => {}
                Doubt::Listed => continue,
                Doubt::Left => {
                    doubted.push(Mention::named(kind, "", p.index, range.clone()));
                    continue;
                }
            }
            let Some(text) = p.text.get(range.clone()) else { continue };
            let words: Vec<&str> = text.split_whitespace().collect();
            // A title before a person's name is not part of the name ("Mr. Trump" is Trump),
            // nor is whose title it is ("Cleveland DL Larry Ogunjobi", "European Union Gordon
            // Sondland"): the mention starts at the name after those.
            let (skip, from) = if kind == EntityKind::Person {
                let titles =
                    words.iter().take_while(|w| lex.titles.contains(*w)).count().min(words.len() - 1);
                let start = crate::extract::people::named::name_start(lex, seen, &words);
                if start > titles { (start, start) } else { (titles, 0) }
            } else {
                (0, 0)
            };
            // A weekday after a name is when, not part of it ("the Zorvex Committee Tuesday").
            let mut words = words;
            let mut keep = text.len();
            while words.len() > skip + 1
                && words.last().is_some_and(|w| crate::calendar::WEEKDAYS.contains(&lower(w).as_ref()))
            {
                let Some(at) = text[..keep].trim_end().rfind(char::is_whitespace) else { break };
                words.pop();
                keep = text[..at].trim_end().len();
            }
            let mut range = range.start..range.start + keep;
            let name = words[skip..].join(" ");
            // A title and what it is of ("Professor of Linguistics"), or a title and whose it
            // is ("U.S. Ambassador"), name nobody.
            let titles_only = kind == EntityKind::Person
                && words[skip..].iter().any(|w| lex.titles.contains(*w) || lex.roles.contains(&*lower(w)))
                && words[skip..].iter().all(|w| {
                    crate::extract::names::CONNECTORS.contains(w)
                        || crate::extract::people::named::not_name_word(lex, seen, w)
                });
            if !name.starts_with(char::is_uppercase) || titles_only {
                continue;
            }
            if from > 0
                && let Some((at, _)) = text
                    .match_indices(|c: char| c.is_whitespace())
                    .filter(|(i, _)| !text[i + 1..].starts_with(char::is_whitespace))
                    .nth(from - 1)
            {
                range.start += at + 1;
            }
            added.push(Mention::named(kind, &name, p.index, range));
        }
    }
    (doubted, added)
}

/// Last words of the names of landforms and waters ("the Ozark Plateau").
const LANDFORMS: &[&str] = &[
    "Archipelago",
    "Basin",
    "Bay",
    "Canyon",
    "Coast",
    "Delta",
    "Desert",
    "Falls",
    "Forest",
    "Glacier",
    "Gulf",
    "Highlands",
    "Hills",
    "Island",
    "Islands",
    "Lagoon",
    "Lake",
    "Lowlands",
    "Mountains",
    "Ocean",
    "Peninsula",
    "Plain",
    "Plains",
    "Plateau",
    "Reef",
    "River",
    "Sea",
    "Strait",
    "Valley",
];

/// Nouns of a stretch of land after its name ("the Tulsa Metro area", "the Green Country
/// region").
const LAND_NOUNS: &[&str] = &["area", "region", "county", "district", "province", "peninsula", "valley"];

/// True for a name the tagger reads as an organisation that names land: a landform's head
/// ("the Ozark Plateau"), a noun of land after it ("the Green Country region"), or a
/// point of the compass before a listed place ("North Yorkshire"); never a listed
/// organisation or a name with an organisation's word.
fn land(p: &Pass, n: &Tagged, lex: &Lexicon) -> bool {
    let Some(text) = p.text.get(n.range.clone()) else { return false };
    let words: Vec<&str> = text.split_whitespace().collect();
    let (Some(first), Some(last)) = (words.first(), words.last()) else { return false };
    if lex.orgs.contains(text) || words.iter().any(|w| lex.org_cues.contains(w)) {
        return false;
    }
    let next = p.toks.get(n.tokens.end).map_or("", |t| t.text(p.text));
    let compass = words.len() == 2 && matches!(*first, "North" | "South" | "East" | "West");
    words.len() >= 2 && LANDFORMS.contains(last)
        || LAND_NOUNS.contains(&next)
        || compass && lex.places.contains_key(last)
}

/// True for a name of two words, a given name and a surname of the census lists ("Raymond
/// Chan").
fn given_and_surname(lex: &Lexicon, name: &str) -> bool {
    let words: Vec<&str> = name.split(' ').collect();
    words.len() == 2 && lex.person_shaped(&words)
}

/// Lowercase words that may sit inside an organisation's name ("Bank of Zorvia", "Zorvex
/// and Quill Partners").
const ORG_JOINS: &[&str] = &["of", "and", "for", "the", "on", "de", "&"];

/// Listed organisations that neither the tagger nor a rule took ("worked with the ZBI to"):
/// a listed name that is a whole capitalised run where no mention is. A single word that is
/// also a place or a given name or surname is left to the others, and so is a common word
/// opening a sentence.
fn listed_orgs(
    passes: &[Pass],
    lex: &Lexicon,
    seen: &Seen,
    mentions: &mut Vec<Mention>,
    doubted: &[Mention],
) {
    let mut taken = Occupied::of(mentions, &[]);
    taken.add(doubted);
    // Each half of a long text looked through on its own thread.
    let look = |half: &[Pass]| {
        let mut found = Vec::new();
        for p in half.iter().filter(|p| !p.headline) {
            let word = |i: usize| p.toks.get(i).map_or("", |t| t.text(p.text));
            let cap = |i: usize| p.toks.get(i).is_some_and(|t| t.kind() == Kind::Word && t.is_cap(p.text));
            let mut i = 0;
            while i < p.toks.len() {
                if !cap(i) || i > 0 && cap(i - 1) && word(i - 1) != "The" {
                    i += 1;
                    continue;
                }
                // The longest listed name from here that ends a capitalised run.
                let mut best = None;
                let mut end = i + 1;
                while end <= p.toks.len() && end - i <= 8 {
                    if cap(end - 1) && !cap(end) {
                        let range = p.toks[i].start()..p.toks[end - 1].end();
                        if p.text.get(range.clone()).is_some_and(|t| lex.orgs.contains(t)) {
                            best = Some((end, range));
                        }
                    }
                    if !(cap(end) || ORG_JOINS.contains(&word(end)) && cap(end + 1)) {
                        break;
                    }
                    end += 1;
                }
                let Some((end, range)) = best else {
                    i += 1;
                    continue;
                };
                let text = p.text.get(range.clone()).unwrap_or("");
                let l = lower(text);
                let single = end - i == 1;
                let ambiguous = single
                    && (lex.places.contains_key(text)
                        || lex.is_given(text)
                        || lex.surnames.contains(text)
                        || p.toks[i].sent_start() && (seen.contains(&l) || lex.common.contains(&l)));
                if !ambiguous && !taken.overlaps(p.index, &range) {
                    found.push(Mention::named(EntityKind::Organization, text, p.index, range));
                }
                i = end;
            }
        }
        found
    };
    let (found, more) = super::pass::halves(passes, look);
    mentions.extend(found);
    mentions.extend(more);
}

/// A party named by its members' plural ("the Zorvists", "the Quillocrats") where the text
/// names the party ("the Zorvist Party", "the Quillocratic Party"): the party.
fn parties(passes: &[Pass], mentions: &mut [Mention]) {
    let mut named: HashMap<String, (Key, Arc<str>)> = HashMap::default();
    for m in mentions.iter().filter(|m| m.kind == EntityKind::Organization && m.named) {
        if m.name.ends_with(" Party") {
            named.entry(m.name.to_string()).or_insert_with(|| (m.key.clone(), m.name.clone()));
        }
    }
    if named.is_empty() {
        return;
    }
    for m in mentions.iter_mut().filter(|m| m.kind == EntityKind::Person && matches!(m.key, Key::Group(_))) {
        let Some(stem) =
            passes.get(m.passage).and_then(|p| p.text.get(m.range.clone())).and_then(|t| t.strip_suffix('s'))
        else {
            continue;
        };
        let party =
            [format!("{stem} Party"), format!("{stem}ic Party")].into_iter().find_map(|n| named.get(&n));
        if let Some((key, name)) = party {
            m.kind = EntityKind::Organization;
            (m.key, m.name) = (key.clone(), name.clone());
        }
    }
}

/// The capitalised initials of a name's words, hyphenated parts apart ("Zorvex Nano-Tech
/// and Quill" is ZNTQ).
fn initials(name: &str) -> String {
    name.split([' ', '-']).filter_map(|w| w.chars().next()).filter(char::is_ascii_uppercase).collect()
}

/// One organisation under its short forms: an acronym in brackets after its name ("the
/// Zorvex Nano Corporation (ZNC)"), an acronym of its name's capitalised words, and its
/// first word alone ("Zorvex") take the full name's entry when they fit one name only.
fn org_aliases(passes: &[Pass], mentions: &mut Vec<Mention>) {
    let org = |m: &Mention| m.kind == EntityKind::Organization && m.named;
    let longs: Vec<(Key, Arc<str>)> = {
        let mut seen: HashSet<&Key> = HashSet::default();
        mentions
            .iter()
            .filter(|m| org(m) && m.name.contains(' ') && seen.insert(&m.key))
            .map(|m| (m.key.clone(), m.name.clone()))
            .collect()
    };
    if longs.is_empty() {
        return;
    }
    // An acronym in brackets right after the name.
    let taken = Occupied::of(mentions, &[]);
    let mut found = Vec::new();
    for m in mentions.iter().filter(|m| org(m) && m.name.contains(' ')) {
        let Some(p) = passes.get(m.passage) else { continue };
        let Some(rest) = p.text.get(m.range.end..).and_then(|t| t.strip_prefix(" (")) else { continue };
        let Some(short) = rest.split(')').next().filter(|a| acronym(a)) else { continue };
        let start = m.range.end + 2;
        let range = start..start + short.len();
        if !taken.overlaps(p.index, &range) {
            let mut a = Mention::named(EntityKind::Organization, short, p.index, range);
            (a.key, a.name) = (m.key.clone(), m.name.clone());
            found.push(a);
        }
    }
    mentions.append(&mut found);
    // A place or a people before another organisation's full name is whose it is ("the
    // United Kingdom Home Office" is the Home Office), where one name only is made so
    // ("the Boston Red Sox" and "the Pawtucket Red Sox" are two teams).
    let lex = super::lexicon::get();
    let by_name: HashMap<&str, &Key> = longs.iter().map(|(key, name)| (&**name, key)).collect();
    let whose = |name: &str| {
        name.match_indices(' ').find_map(|(at, _)| {
            let (head, tail) = (&name[..at], &name[at + 1..]);
            let place = lex.places.contains_key(head) || lex.is_demonym(head);
            by_name
                .get_key_value(tail)
                .filter(|_| place && tail.contains(' '))
                .map(|(tail, key)| (*tail, *key))
        })
    };
    // Per organisation's name, the names made of it and its key.
    let mut owners: HashMap<&str, (HashSet<Arc<str>>, &Key)> = HashMap::default();
    for m in mentions.iter().filter(|m| org(m)) {
        if let Some((tail, key)) = whose(&m.name) {
            owners.entry(tail).or_insert_with(|| (HashSet::default(), key)).0.insert(m.name.clone());
        }
    }
    let joins: HashMap<Arc<str>, Key> = owners
        .into_values()
        .filter(|(names, _)| names.len() == 1)
        .flat_map(|(names, key)| names.into_iter().map(move |n| (n, key.clone())))
        .collect();
    for m in mentions.iter_mut().filter(|m| org(m)) {
        if let Some(key) = joins.get(&m.name) {
            m.key = key.clone();
        }
    }
    for m in mentions.iter_mut().filter(|m| org(m) && !m.name.contains(' ')) {
        let Some(short) = m.key.name().map(str::to_string) else { continue };
        let fits = |name: &str| {
            let bare = name.strip_prefix("The ").unwrap_or(name);
            let first = bare.split(' ').next().unwrap_or("");
            let tail = name.split_once(' ').map_or("", |(_, t)| t);
            let last = name.rsplit(' ').next().unwrap_or("");
            (first == short || last == short) && !acronym(&short)
                || acronym(&short) && (initials(name) == short || initials(tail) == short)
        };
        let mut fit = longs.iter().filter(|(_, name)| fits(name));
        if let (Some((key, name)), None) = (fit.next(), fit.next()) {
            (m.key, m.name) = (key.clone(), name.clone());
        }
    }
}

/// How sure the tagger must be of a work for no later rule to claim it.
const WORK_MARGIN: f32 = 20.0;

/// Why a name of the tagger is not taken.
enum Doubt {
    /// It is taken.
    None,
    /// Listed with names of another kind, or labelled by its neighbours more than by
    /// itself: the rules decide.
    Listed,
    /// Left out.
    Left,
}

/// Names the tagger offers that a reader would doubt, left out: a code with digits ("A380"),
/// a common word opening a sentence ("Envoys include"), a person after an article or a
/// preposition of place ("the Zorvik Kalamari" is a band, "in Hapupu Kaingaroa" a place), a single word listed with names of another kind ("Svendborg,
/// Faaborg and Marstal": the list decides).
fn doubtful(
    p: &Pass,
    n: &Tagged,
    kind: EntityKind,
    lex: &Lexicon,
    seen: &Seen,
    places: &Occupied,
    others: &Occupied,
) -> Doubt {
    let text = p.text.get(n.range.clone()).unwrap_or("");
    // A name the tagger is unsure of: the rules decide. The margins were chosen by
    // cross-validation (scripts/cv_tagger.sh), each kind's tried between 0 and 60.
    let min = match kind {
        EntityKind::Organization => 5.0,
        EntityKind::Place => 30.0,
        _ if n.tokens.len() == 1 => 20.0,
        _ => 40.0,
    };
    if n.margin < min {
        return Doubt::Listed;
    }
    if text.chars().any(|c| c.is_ascii_digit()) {
        return Doubt::Left;
    }
    let word = |i: usize| p.toks.get(i).map_or("", |t| t.text(p.text));
    let first = p.toks.get(n.tokens.start);
    if n.tokens.len() == 1 && first.is_some_and(|t| t.sent_start()) {
        let l = lower(text);
        // Nor an unknown word written with a capital nowhere else.
        let listed = lex.is_given(text)
            || lex.surnames.contains(text)
            || lex.places.contains_key(text)
            || lex.orgs.contains(text);
        if seen.contains(&l) || lex.common.contains(&l) || lex.is_stop(&l) || !listed && seen.count(text) < 2
        {
            return Doubt::Left;
        }
    }
    let before = n.tokens.start.checked_sub(1).map_or("", word);
    if kind == EntityKind::Person && matches!(before, "the" | "a" | "an" | "in" | "at" | "near") {
        return Doubt::Left;
    }
    if n.tokens.len() == 1 {
        let listed_with = |i: Option<usize>| {
            let Some(t) = i.and_then(|i| p.toks.get(i)) else { return false };
            let r = t.start()..t.end();
            let other = if kind == EntityKind::Place { others } else { places };
            other.overlaps(p.index, &r)
        };
        let joins = |w: &str| matches!(w, "," | "and" | "or");
        let prev = n.tokens.start.checked_sub(2).filter(|_| joins(before));
        let next = Some(n.tokens.end + 1).filter(|_| joins(word(n.tokens.end)));
        if listed_with(prev) || listed_with(next) {
            return Doubt::Listed;
        }
    }
    Doubt::None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{lexicon, test_entities, test_pass};

    /// The names of the entities of a kind.
    fn named(text: &str, kind: EntityKind) -> Vec<String> {
        test_entities(text).into_iter().filter(|e| e.kind == kind).map(|e| e.name).collect()
    }

    #[test]
    fn a_given_name_and_a_surname_stay_a_person() {
        let lex = lexicon::get();
        assert!(given_and_surname(lex, "Raymond Chan"));
        assert!(!given_and_surname(lex, "Civic Party"));
        assert!(!given_and_surname(lex, "Raymond"));
        let text = "The other two elects were Hui Chi-fung from the Democratic Party and Tanya Chan \
                    of the Civic Party, both in the camp.";
        let orgs = named(text, EntityKind::Organization);
        assert!(!orgs.iter().any(|o| o.contains("Chan")), "{orgs:?}");
        assert!(named(text, EntityKind::Person).contains(&"Tanya Chan".to_string()));
    }

    /// A name as the tagger would give it: the first occurrence of `name` in the passage.
    fn tag(p: &Pass, name: &str, class: Class) -> Tagged {
        let at = p.text.find(name).expect("name in text");
        let first = p.toks.iter().position(|t| t.start() == at).expect("token start");
        let end = p.toks.iter().position(|t| t.end() == at + name.len()).expect("token end") + 1;
        Tagged { range: at..at + name.len(), tokens: first..end, class, margin: 30.0 }
    }

    #[test]
    fn a_name_set_beside_a_persons_noun_is_a_person() {
        let lex = lexicon::get();
        let kinds = |text: &str, name: &str, class: Class| {
            let (p, seen) = test_pass(text);
            let names = vec![vec![Tagged { margin: 50.0, ..tag(&p, name, class) }]];
            let none = Occupied::of(&[], &[]);
            let (_, added) = read_names(std::slice::from_ref(&p), &names, lex, &seen, &none, &none);
            added.into_iter().map(|m| m.kind).collect::<Vec<_>>()
        };
        let text = "Valeska Paris, an Australian woman and former Scientologist, has claimed it.";
        assert_eq!(kinds(text, "Valeska Paris", Class::Place), [EntityKind::Person]);
        let text = "Valeska Paris, an Australian town on the coast, has flooded again.";
        assert_eq!(kinds(text, "Valeska Paris", Class::Place), [EntityKind::Place]);
    }

    /// The class each of `names` has after [`organisations`] read the tagger's names.
    fn classes(text: &str, names: &[(&str, Class)]) -> Vec<Class> {
        let (p, _) = test_pass(text);
        let mut out = vec![names.iter().map(|&(n, c)| tag(&p, n, c)).collect::<Names>()];
        out[0].sort_by_key(|n| n.range.start);
        organisations(std::slice::from_ref(&p), lexicon::get(), &mut out);
        names
            .iter()
            .map(|(n, _)| out[0].iter().find(|t| p.text[t.range.clone()] == **n).unwrap().class)
            .collect()
    }

    #[test]
    fn organisations_the_text_shows_are_no_people() {
        use Class::{Organization as O, Person as P, Place as L};
        // (text, the tagger's names and classes, their classes after the rules)
        type Case<'a> = (&'a str, &'a [(&'a str, Class)], &'a [Class]);
        let cases: &[Case] = &[
            // An acronym with no title or given name before it; a person keeps a given name.
            ("On Sunday NTV's Olga Brenner pressed him.", &[("NTV", P), ("Olga Brenner", P)], &[O, P]),
            ("On Sunday Olga met the judge.", &[("Olga", P)], &[P]),
            // A company's kind before the name, or in an apposition after it.
            ("Lawmakers asked to investigate the mining company Vortenza at once.", &[("Vortenza", P)], &[O]),
            ("The deal is with Quillmark, a group co-founded by a goalkeeper.", &[("Quillmark", P)], &[O]),
            ("The deal is with Quillmark, a group leader in the city.", &[("Quillmark", P)], &[P]),
            // "its" soon after the name, with no other noun phrase between.
            ("Yesterday Vortenza not only caught up with its rivals.", &[("Vortenza", P)], &[O]),
            ("Yesterday Vortenza bought the house for its view.", &[("Vortenza", P)], &[P]),
            // A newspaper: a listed place and a paper's head.
            ("That was reported by the Boise Sentinel on Monday.", &[("Boise Sentinel", L)], &[O]),
            // The first word of an organisation's longer name.
            (
                "They chose Harvel Orbital Systems. Its chief said Harvel would grow.",
                &[("Harvel Orbital Systems", O), ("Harvel", P)],
                &[O, O],
            ),
        ];
        for (text, names, want) in cases {
            assert_eq!(classes(text, names), *want, "{text}");
        }
    }

    #[test]
    fn organisation_names_are_whole() {
        let lex = lexicon::get();
        // The adjective before an organisation's name is part of it ("the Liberal Party").
        let (p, _) = test_pass("He left the Progressive Party in May.");
        let mut ns = vec![tag(&p, "Party", Class::Organization)];
        widened(&p, lex, &HashSet::default(), &mut ns);
        assert_eq!(&p.text[ns[0].range.clone()], "Progressive Party");
        let (p, _) = test_pass("Workers praised hardworking Home Depot employees.");
        let mut ns = vec![tag(&p, "Depot", Class::Organization)];
        widened(&p, lex, &HashSet::default(), &mut ns);
        assert_eq!(&p.text[ns[0].range.clone()], "Home Depot");
        // Two halves of one name joined by "and".
        let (p, _) = test_pass("Analysts at the Harbour and Quay Commission agreed.");
        let mut ns =
            vec![tag(&p, "Harbour", Class::Organization), tag(&p, "Quay Commission", Class::Organization)];
        joined(&p, lex, &mut ns);
        assert_eq!(ns.len(), 1);
        assert_eq!(&p.text[ns[0].range.clone()], "Harbour and Quay Commission");
        // What an academy is of, in two common words joined by "and".
        let (p, _) = test_pass("He joined the Quill Academy of Painting and Sculpture in 1780.");
        let mut ns = vec![tag(&p, "Quill Academy of Painting", Class::Organization)];
        widened(&p, lex, &HashSet::default(), &mut ns);
        assert_eq!(&p.text[ns[0].range.clone()], "Quill Academy of Painting and Sculpture");
        // Whose army it is, in the plural with a possessive.
        let (p, _) = test_pass("An order of the Zorvish People's Army came.");
        let mut ns = vec![tag(&p, "Zorvish People", Class::Place), tag(&p, "Army", Class::Organization)];
        joined(&p, lex, &mut ns);
        assert_eq!(ns.len(), 1);
        assert_eq!(&p.text[ns[0].range.clone()], "Zorvish People's Army");
        assert_eq!(ns[0].class, Class::Organization);
        // An institute's name goes on over what it is on.
        let (p, _) = test_pass("She joined the Grey Institute on Harbour Safety in 2004.");
        let mut ns = vec![tag(&p, "Grey Institute", Class::Organization)];
        widened(&p, lex, &HashSet::default(), &mut ns);
        assert_eq!(&p.text[ns[0].range.clone()], "Grey Institute on Harbour Safety");
        // Not over when it is.
        let (p, _) = test_pass("She joined the Grey Institute on Monday.");
        let mut ns = vec![tag(&p, "Grey Institute", Class::Organization)];
        widened(&p, lex, &HashSet::default(), &mut ns);
        assert_eq!(&p.text[ns[0].range.clone()], "Grey Institute");
    }

    #[test]
    fn groups_bands_and_listed_names() {
        // A band of brothers; a party's plural where the party is named; a listed
        // organisation the tagger leaves out.
        let text = "The Pellow Brothers will tour next year with singer Amy Lott. The Pellow Brothers \
            have sold records for decades.";
        assert_eq!(named(text, EntityKind::Person), ["Amy Lott"], "{text}");
        assert_eq!(named(text, EntityKind::Organization), ["Pellow Brothers"], "{text}");
        let text = "The Liberal Party lost the vote in the spring. The Liberals blamed the weather.";
        assert!(named(text, EntityKind::Person).is_empty(), "{text}");
        assert_eq!(named(text, EntityKind::Organization), ["Liberal Party"], "{text}");
        let text = "Detectives worked with the FBI to investigate the threats, police said.";
        assert_eq!(named(text, EntityKind::Organization), ["FBI"], "{text}");
        // A listed name opening a sentence, written nowhere else.
        let text = "The show opened on Monday. Ubisoft, Microsoft, and Sony all had large areas set up.";
        let orgs = named(text, EntityKind::Organization);
        assert!(orgs.contains(&"Ubisoft".to_string()), "{orgs:?}");
    }

    #[test]
    fn land_the_tagger_reads_as_an_organisation_is_a_place() {
        let lex = lexicon::get();
        let cases = [
            ("They met where the plains end at the Quarro Plateau.", "Quarro Plateau", true),
            ("Ranches fill the Vessa Country region of the state.", "Vessa Country", true),
            ("Farms spread over East Texas and beyond.", "East Texas", true),
            ("Grants come from the Quarro Plateau Society each year.", "Quarro Plateau Society", false),
            ("She joined Vessa Partners last spring.", "Vessa Partners", false),
        ];
        for (text, name, want) in cases {
            let (p, _) = test_pass(text);
            assert_eq!(land(&p, &tag(&p, name, Class::Organization), lex), want, "{text}");
        }
    }

    #[test]
    fn a_short_form_that_fits_one_organisation_joins_it() {
        let (p, _) = test_pass(
            "The Brindle printed it. Brindle Harbour Office sent it, and the Office and the Brindle agreed.",
        );
        let org = |name: &str, nth: usize| {
            let at = p.text.match_indices(name).nth(nth).expect("name in text").0;
            Mention::named(EntityKind::Organization, name, 0, at..at + name.len())
        };
        let mut mentions = vec![org("The Brindle", 0), org("Brindle Harbour Office", 0), org("Office", 1)];
        mentions.push(Mention::named(EntityKind::Organization, "Brindle", 0, 100..107));
        org_aliases(std::slice::from_ref(&p), &mut mentions);
        let names: Vec<&str> = mentions.iter().map(|m| m.key.name().unwrap_or("")).collect();
        // "Brindle" is the first word of two names: it stays itself; "Office" ends one only.
        assert_eq!(names, ["The Brindle", "Brindle Harbour Office", "Brindle Harbour Office", "Brindle"]);
        let mut mentions = vec![org("The Brindle", 0), org("Office", 1)];
        mentions.push(Mention::named(EntityKind::Organization, "Brindle", 0, 100..107));
        org_aliases(std::slice::from_ref(&p), &mut mentions);
        let names: Vec<&str> = mentions.iter().map(|m| m.key.name().unwrap_or("")).collect();
        // After "The", the first word of the name.
        assert_eq!(names, ["The Brindle", "Office", "The Brindle"]);
    }

    #[test]
    fn a_place_before_an_organisations_name_says_whose_it_is() {
        let text = "The Boston Grey Herons won. The Grey Herons lost. The Pawtucket Grey Herons drew.";
        let (p, _) = test_pass(text);
        let org = |name: &str| {
            let at = p.text.find(name).expect("name in text");
            Mention::named(EntityKind::Organization, name, 0, at..at + name.len())
        };
        let keys = |names: &[&str]| {
            let mut mentions: Vec<Mention> = names.iter().map(|n| org(n)).collect();
            org_aliases(std::slice::from_ref(&p), &mut mentions);
            mentions.iter().map(|m| m.key.name().unwrap_or("").to_string()).collect::<Vec<_>>()
        };
        assert_eq!(keys(&["Boston Grey Herons", "Grey Herons"]), ["Grey Herons", "Grey Herons"]);
        // Two places make two teams of the name.
        assert_eq!(
            keys(&["Boston Grey Herons", "Grey Herons", "Pawtucket Grey Herons"]),
            ["Boston Grey Herons", "Grey Herons", "Pawtucket Grey Herons"]
        );
    }

    #[test]
    fn short_forms_join_the_full_name() {
        let text = "She joined the National Institute on Harbour Safety (NIHS) in 2004. NIHS later hired \
            her brother.";
        let es: Vec<_> =
            test_entities(text).into_iter().filter(|e| e.kind == EntityKind::Organization).collect();
        assert_eq!(es.len(), 1, "{es:?}");
        assert_eq!(es[0].name, "National Institute on Harbour Safety");
        assert!(es[0].aliases.iter().any(|a| a == "NIHS"), "{es:?}");
        assert_eq!(initials("Harbour and Quay Nano-Tech Commission"), "HQNTC");
    }
}
