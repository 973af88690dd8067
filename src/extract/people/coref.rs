//! Which person mentions are one person: a surname or a given name alone ("Poisson", "Mr.
//! Trump") joins the full name it is part of, and a definite role ("the president", "the
//! Republican president") joins the one person the text gives that title.
//!
//! Two people who share a word stay two entries: full names are never joined to each other,
//! only shorter names to full ones, but where the text says one is the other's name ("Jerome
//! (Latin: Eusebius Sophronius Hieronymus)", "Jenna Nicole Mourey, better known by her
//! pseudonym Jenna Marbles").

use crate::document::EntityKind;
use crate::extract::lexicon::Lexicon;
use crate::extract::merge::{Key, Mention};
use crate::extract::pass::{Pass, lower};
use regex::Regex;
use rustc_hash::FxHashMap as HashMap;
use std::sync::{Arc, LazyLock};

/// Where a mention is in reading order.
type At = (usize, usize);

fn at(m: &Mention) -> At {
    (m.passage, m.range.start)
}

/// Links short names to full names, then definite roles to the holders of their titles.
pub fn link(passes: &[Pass], lex: &Lexicon, mentions: &mut [Mention]) {
    shared_surnames(passes, lex, mentions);
    link_short_names(mentions);
    link_titles(passes, lex, mentions);
    appositions(passes, mentions);
}

/// A character of a script beyond Latin (Greek, Arabic, Japanese...).
const SCRIPT: &str = r"[^\x00-\u{24F}\s]";

/// A language's label, if any ("Latin: ", "Old English: ").
const LABEL: &str = r"(?:[A-Z][a-z]+(?: [A-Z][a-z]+)?:\s*)?";

/// What a text writes between a person's name and another name of theirs: in brackets
/// after the name, a language's label, words in another script and "born", "also", "or"
/// ("(Latin: Eusebius Sophronius Hieronymus; Greek: ...)", "(樋口 一葉 Higuchi Ichiyō, ...)",
/// "(born Natsu Higuchi)"); or "also known as", "better known by her pseudonym" after it.
static OTHER_NAME: LazyLock<Regex> = LazyLock::new(|| {
    let cue = r"(?:born|also|or|né|née|aka|a\.k\.a\.|also known as|known as)?";
    let bracket = format!(r"^\s*\((?:[^()]*[;,]\s*)?{LABEL}(?:{SCRIPT}+\s*)*{cue}\s*$");
    let known = r"^(?:\s*\([^()]*\))?\s*,?\s*(?:also|better|commonly|popularly|professionally|widely)?\s*known\s+(?:as|by\s+(?:his|her|their)\s+(?:pseudonym|pen name|stage name|nickname|name)(?:\s*,)?)\s*$";
    Regex::new(&format!("{bracket}|{known}")).expect("a valid pattern")
});

/// What a text writes between two other names in one bracket ("; Greek: ").
static NEXT_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^\s*[;,]\s*{LABEL}(?:{SCRIPT}+\s*)*(?:or|also)?\s*$")).expect("a valid pattern")
});

/// A person's other names, where the text gives them right after the name, are that person
/// ("Jerome (Latin: Eusebius Sophronius Hieronymus)"): one entry, named as the text first
/// names them.
pub fn other_names(passes: &[Pass], mentions: &mut [Mention]) {
    let person = |m: &Mention| m.kind == EntityKind::Person && m.named && matches!(m.key, Key::Name(_));
    // The people of each passage, in text order.
    let mut by_passage: HashMap<usize, Vec<usize>> = HashMap::default();
    for (i, m) in mentions.iter().enumerate().filter(|(_, m)| person(m)) {
        by_passage.entry(m.passage).or_default().push(i);
    }
    let mut joins: Vec<(usize, usize)> = Vec::new();
    for ids in by_passage.values_mut() {
        ids.sort_by_key(|&i| mentions[i].range.start);
        // The name the last one joined: the next may follow it in the same bracket.
        let mut first: Option<usize> = None;
        for pair in ids.windows(2) {
            let (a, b) = (&mentions[pair[0]], &mentions[pair[1]]);
            let Some(p) = passes.get(a.passage) else { continue };
            // Within a sentence's reach, and no name of another between (they are in order).
            let between = p.text.get(a.range.end..b.range.start).filter(|t| t.len() <= 120).unwrap_or(")");
            let chained = first.filter(|_| NEXT_NAME.is_match(between));
            // Not a name alone in brackets: "Dean (Jensen Ackles)" is a role and its actor.
            let said = between.rsplit(['(', ';', ',']).next().is_some_and(|t| !t.trim().is_empty());
            if a.key != b.key && said && OTHER_NAME.is_match(between) {
                joins.push((pair[0], pair[1]));
                first = Some(pair[0]);
            } else if let Some(f) = chained {
                joins.push((f, pair[1]));
            } else {
                first = None;
            }
        }
    }
    // In reading order, so that a chain of names ("A (B; C)") ends at the first.
    joins.sort_unstable();
    for (a, b) in joins {
        let (key, name) = (mentions[a].key.clone(), mentions[a].name.clone());
        let old = mentions[b].key.clone();
        for m in mentions.iter_mut().filter(|m| m.kind == EntityKind::Person && m.key == old) {
            (m.key, m.name) = (key.clone(), name.clone());
        }
    }
}

/// A given name alone coordinated with a full name takes its surname ("Joe and Hunter
/// Biden": Joe Biden), and is then one person with every "Joe Biden" of the text.
fn shared_surnames(passes: &[Pass], lex: &Lexicon, mentions: &mut [Mention]) {
    let mut starts: HashMap<(usize, usize), Arc<str>> = HashMap::default();
    for m in mentions.iter().filter(|m| m.kind == EntityKind::Person && m.named) {
        if let Some(name) = m.key.name().filter(|n| n.contains(' ')) {
            starts.insert((m.passage, m.range.start), Arc::from(name));
        }
    }
    if starts.is_empty() {
        return;
    }
    for m in mentions.iter_mut().filter(|m| m.kind == EntityKind::Person && m.named) {
        let Some(given) = m.key.name().filter(|n| !n.contains(' ') && lex.is_given(n)) else { continue };
        let Some(p) = passes.get(m.passage) else { continue };
        let after = p.text.get(m.range.end..).unwrap_or("");
        let Some(rest) = after.strip_prefix(" and ").or_else(|| after.strip_prefix(" & ")) else { continue };
        let at = m.range.end + (after.len() - rest.len());
        let Some(full) = starts.get(&(m.passage, at)) else { continue };
        let Some((first, surname)) = full.split_once(' ') else { continue };
        if !lex.is_given(first) || first == given {
            continue;
        }
        let name: Arc<str> = Arc::from(format!("{given} {surname}"));
        m.key = Key::Name(Arc::clone(&name));
        m.name = name;
    }
}

/// A role phrase set beside a name with a comma is that person ("Mr. Trump's personal
/// lawyer, Rudy Giuliani"): one entry, named by the name.
fn appositions(passes: &[Pass], mentions: &mut [Mention]) {
    let mut starts: HashMap<(usize, usize), (Key, Arc<str>)> = HashMap::default();
    for m in mentions.iter().filter(|m| m.kind == EntityKind::Person && m.named) {
        if matches!(m.key, Key::Name(_)) {
            starts.insert((m.passage, m.range.start), (m.key.clone(), m.name.clone()));
        }
    }
    for m in mentions.iter_mut().filter(|m| m.kind == EntityKind::Person && !m.named) {
        if !matches!(m.key, Key::Role(_)) {
            continue;
        }
        let Some(p) = passes.get(m.passage) else { continue };
        let after = p.text.get(m.range.end..).unwrap_or("");
        let Some(rest) = after.strip_prefix(',') else { continue };
        let rest = rest.trim_start_matches(' ');
        let at = m.range.end + (after.len() - rest.len());
        if let Some((key, name)) = starts.get(&(m.passage, at)) {
            m.key = key.clone();
            m.name = name.clone();
        }
    }
}

/// Gives each person mention whose name is the start or end of a longer name the longer
/// name's key ("Poisson" → "Siméon Poisson"). Of several longer names, the one mentioned
/// most, then first: a biography's subject over its relatives ("Padalecki" is Jared, not
/// his son Thomas Colton Padalecki, named last). Measured: the one named last before the
/// short name lost a tenth of the biographies' mentions.
fn link_short_names(mentions: &mut [Mention]) {
    // Every mention of each full name, in reading order.
    let mut full: HashMap<Key, Vec<At>> = HashMap::default();
    let long = |k: &Key| k.name().is_some_and(|n| n.contains(' '));
    for m in mentions.iter().filter(|m| m.kind == EntityKind::Person && m.named && long(&m.key)) {
        full.entry(m.key.clone()).or_default().push(at(m));
    }
    if full.is_empty() {
        return;
    }
    for v in full.values_mut() {
        v.sort_unstable();
    }
    let full_words: Vec<(&Key, Vec<&str>)> =
        full.keys().filter_map(|f| Some((f, f.name()?.split(' ').collect()))).collect();
    // The longer names each short key could stand for.
    let mut longer: HashMap<Key, Vec<Key>> = HashMap::default();
    for m in mentions.iter().filter(|m| m.kind == EntityKind::Person && m.named) {
        if longer.contains_key(&m.key) {
            continue;
        }
        let Some(name) = m.key.name() else { continue };
        let short: Vec<&str> = name.split(' ').collect();
        let mut of: Vec<Key> = full_words
            .iter()
            .filter(|(_, w)| w.len() > short.len() && (w.ends_with(&short) || w.starts_with(&short)))
            .map(|(f, _)| (*f).clone())
            .collect();
        of.sort();
        longer.insert(m.key.clone(), of);
    }
    let best = |of: &[Key]| {
        of.iter()
            .max_by_key(|k| {
                let v = &full[*k];
                (v.len(), std::cmp::Reverse(v.first().copied()))
            })
            .cloned()
    };
    for m in mentions.iter_mut().filter(|m| m.kind == EntityKind::Person) {
        if let Some(k) = longer.get(&m.key).and_then(|of| best(of)) {
            m.key = k;
        }
    }
}

/// Modifiers that make a role someone else than the title's holder ("the former president",
/// "the vice president", "another senator").
const OTHER: &[&str] = &[
    "former",
    "late",
    "ex",
    "previous",
    "then",
    "next",
    "future",
    "outgoing",
    "incoming",
    "acting",
    "deputy",
    "vice",
    "assistant",
    "another",
    "other",
    "first",
    "last",
    "new",
];

/// Party words, listed with the nationalities but no sign of another country's holder ("the
/// Republican president" may be the president named before; "the French president" is not).
const PARTIES: &[&str] = &["republican", "democratic", "democrat", "conservative", "labour", "liberal"];

/// The role noun a title stands for: itself in lowercase ("president", "secretary of state"),
/// or for an abbreviation the one title it abbreviates ("Sen." → "senator", "Gov." →
/// "governor"). Honorifics ("Mr.", "Dr.") stand for no role: "the doctor" is no evidence
/// that Dr. Smith is meant.
fn title_role(lex: &Lexicon, title: &str) -> Option<String> {
    let Some(stem) = title.strip_suffix('.') else { return Some(lower(title).into_owned()) };
    let full = |stem: &str| {
        let mut of = lex
            .titles
            .iter()
            .filter(|t| t.len() > stem.len() && t.starts_with(stem) && !t.contains(['.', ' ']));
        match (of.next(), of.next()) {
            (Some(t), None) => Some(lower(t).into_owned()),
            _ => None,
        }
    };
    // "Sens." abbreviates the plural of "Senator".
    full(stem).or_else(|| stem.strip_suffix('s').and_then(full))
}

/// The role noun of a definite role phrase ("the Republican president" → "president"), none
/// when a modifier makes it someone else or the phrase is not definite.
fn role_noun(lex: &Lexicon, surface: &str, role: &str) -> Option<String> {
    if !(surface.starts_with("the ") || surface.starts_with("The ")) {
        return None;
    }
    let words: Vec<String> = role.split_whitespace().map(|w| lower(w).into_owned()).collect();
    let n = words.len();
    if n == 0 {
        return None;
    }
    let head = if n >= 2 && lex.roles.contains(words[n - 2..].join(" ").as_str()) { 2 } else { 1 };
    if !lex.roles.contains(words[n - head..].join(" ").as_str()) && n > 1 {
        return Some(words.join(" "));
    }
    let mods = &words[..n - head];
    let other = mods.iter().any(|w| {
        OTHER.contains(&w.as_str())
            || w.contains('\'')
            || w.contains('’')
            || lex.is_demonym(&capitalise(w)) && !PARTIES.contains(&w.as_str())
            || lex.places.contains_key(capitalise(w).as_str())
    });
    (!other).then(|| words[n - head..].join(" "))
}

fn capitalise(w: &str) -> String {
    let mut c = w.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

/// One person who carries a title: key, first mention, name and how often the title is
/// given to them.
type Holder = (Key, At, Arc<str>, usize);

/// How many times more often than anyone else a holder must carry a title for the title alone
/// to mean them ("President Trump" three times, "President Zelensky" once: "the president"
/// is Trump).
const TITLE_LEAD: usize = 2;

/// The holder a definite role means: the only one, or one given the title far more often.
fn dominant(holders: &[Holder]) -> Option<&Holder> {
    let top = holders.iter().max_by_key(|h| (h.3, std::cmp::Reverse(h.1)))?;
    let runner = holders.iter().filter(|h| h.0 != top.0).map(|h| h.3).max().unwrap_or(0);
    (top.3 >= TITLE_LEAD * runner.max(1) || runner == 0).then_some(top)
}

/// Gives a definite role ("the Secretary of State", "the president", "the Republican
/// president") the key of the one named person who carries that title in the text, named
/// before it ("Secretary of State John Kerry", "President Trump"), or the one given it at
/// least twice as often as any other. Two holders given the title alike, or none before the
/// role, leave it an entry of its own.
fn link_titles(passes: &[Pass], lex: &Lexicon, mentions: &mut [Mention]) {
    // Role noun → the people who carry it, with their first mention and name.
    let mut holders: HashMap<String, Vec<Holder>> = HashMap::default();
    for m in mentions.iter().filter(|m| m.kind == EntityKind::Person && m.named) {
        let Some(role) = m.role().and_then(|t| title_role(lex, t)) else { continue };
        // "former President Barack Obama" holds the title no more.
        let before = passes.get(m.passage).and_then(|p| p.text.get(..m.range.start)).unwrap_or("");
        if before.split_whitespace().next_back().is_some_and(|w| OTHER.contains(&&*lower(w))) {
            continue;
        }
        let v = holders.entry(role).or_default();
        match v.iter_mut().find(|h| h.0 == m.key) {
            Some(h) => {
                h.1 = h.1.min(at(m));
                h.3 += 1;
            }
            None => v.push((m.key.clone(), at(m), m.name.clone(), 1)),
        }
    }
    if holders.is_empty() {
        return;
    }
    for m in mentions.iter_mut().filter(|m| m.kind == EntityKind::Person && !m.named) {
        let Some(surface) = passes.get(m.passage).and_then(|p| p.text.get(m.range.clone())) else { continue };
        let Some(role) = m.role() else { continue };
        // The whole title ("the Home Secretary"), else its role noun ("the Republican president").
        let whole = lower(role).into_owned();
        let noun = if holders.contains_key(&whole) { Some(whole) } else { role_noun(lex, surface, role) };
        let Some(noun) = noun.filter(|_| surface.starts_with("the ") || surface.starts_with("The ")) else {
            continue;
        };
        if let Some((key, first, name, _)) = holders.get(&noun).and_then(|v| dominant(v))
            && *first < at(m)
        {
            m.key = key.clone();
            m.name = name.clone();
            m.named = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::document::EntityKind;
    use crate::extract::test_entities;

    /// The people of a text: display name and every surface form, sorted.
    fn people(text: &str) -> Vec<(String, Vec<String>)> {
        let mut v: Vec<(String, Vec<String>)> = test_entities(text)
            .into_iter()
            .filter(|e| e.kind == EntityKind::Person)
            .map(|e| {
                let mut a = e.aliases;
                a.sort();
                (e.name, a)
            })
            .collect();
        v.sort();
        v
    }

    #[test]
    fn a_title_and_a_surname_join_the_full_name() {
        let cases: &[(&str, &str, &str)] = &[
            (
                "Mayor Edith Varga opened the bridge. Later Mrs. Varga thanked the crews.",
                "Edith Varga",
                "Mrs. Varga",
            ),
            (
                "Sen. Amos Pelleter voted no. Sen. Pelleter later explained why.",
                "Amos Pelleter",
                "Sen. Pelleter",
            ),
            (
                "Gov. Rita Okafor of Ohio signed it. Gov. Okafor said it was overdue.",
                "Rita Okafor",
                "Gov. Okafor",
            ),
            ("Doctors praised Dr. Helen Marsh. Dr. Marsh thanked them.", "Helen Marsh", "Dr. Marsh"),
        ];
        for (text, name, alias) in cases {
            let ps = people(text);
            let found = ps.iter().find(|(n, _)| n == name);
            assert!(found.is_some_and(|(_, a)| a.iter().any(|x| x == alias)), "{text}: {ps:?}");
            assert_eq!(ps.len(), 1, "{text}: {ps:?}");
        }
    }

    #[test]
    fn the_president_joins_only_the_one_plain_holder() {
        // One holder named before: "the president" and "the Republican president" are him.
        let ps = people(
            "President Walter Brandt met the envoy's team. The president said little. \
             Later the Republican president left.",
        );
        let brandt = ps.iter().find(|(n, _)| n == "Walter Brandt");
        assert!(brandt.is_some_and(|(_, a)| a.len() >= 2), "{ps:?}");
        assert!(!ps.iter().any(|(n, _)| n.contains("president")), "{ps:?}");
        // A former president is someone else.
        let ps = people("President Walter Brandt spoke. The former president stayed home.");
        assert!(ps.iter().any(|(n, _)| n == "former president"), "{ps:?}");
        // Two holders: the role is no one's in particular.
        let ps = people("President Walter Brandt met President Ana Lutz. Then the president said no.");
        assert!(ps.iter().any(|(n, _)| n == "president"), "{ps:?}");
    }

    #[test]
    fn a_given_name_listed_with_a_full_name_shares_its_surname() {
        let ps =
            people("He did not urge anyone to investigate Joe and Hunter Biden. Later Joe Biden denied it.");
        let names: Vec<&str> = ps.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["Hunter Biden", "Joe Biden"], "{ps:?}");
    }

    #[test]
    fn a_role_beside_a_name_is_that_person() {
        let ps = people("On Monday a personal lawyer, Rudy Okafor, spoke to Walter Brandt.");
        let names: Vec<&str> = ps.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["Rudy Okafor", "Walter Brandt"], "{ps:?}");
    }

    #[test]
    fn the_president_is_the_one_given_the_title_most() {
        let ps = people(
            "President Walter Brandt called President Ana Lutz. President Brandt spoke first, and \
             President Brandt spoke last. Then the president left.",
        );
        assert!(!ps.iter().any(|(n, _)| n == "president"), "{ps:?}");
    }

    #[test]
    fn the_doctor_is_not_a_named_doctor_without_evidence() {
        let ps = people("Dr. Helen Marsh runs the ward. Yesterday the doctor said the ward was full.");
        assert!(ps.iter().any(|(n, _)| n == "doctor"), "{ps:?}");
        assert!(ps.iter().any(|(n, _)| n == "Helen Marsh"), "{ps:?}");
    }

    #[test]
    fn people_who_share_a_word_stay_apart() {
        let ps = people(
            "Dr. Jane Holloway treated him. John Holloway, her brother, is a lawyer. \
             Dr. Holloway said he would appeal.",
        );
        let names: Vec<&str> = ps.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["Jane Holloway", "John Holloway"], "{ps:?}");
        let ps = people("Police named the victims as Singh Jabarjung and Lakshiwnder Singh.");
        let names: Vec<&str> = ps.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["Lakshiwnder Singh", "Singh Jabarjung"], "{ps:?}");
    }

    #[test]
    fn a_persons_other_names_are_that_person() {
        let ps = people(
            "Marta Okonkwo (Latin: Martha Oconquia; Greek: Μάρθα Οκόνκβο; 1920 – 1990) was a writer.              Okonkwo wrote novels.",
        );
        let names: Vec<&str> = ps.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["Marta Okonkwo"], "{ps:?}");
        let ps = people(
            "Daniela Ferreira Costa (born May 2, 1986), better known by her pseudonym Dani Brisa,              is a singer. Costa tours often.",
        );
        assert_eq!(ps.len(), 1, "{ps:?}");
        assert!(ps[0].1.contains(&"Dani Brisa".to_string()), "{ps:?}");
        // A role and the actor who plays it stay two.
        let ps = people("Sam and his brother Dean (Jensen Ackles) drive across the country.");
        assert!(ps.iter().any(|(n, _)| n == "Jensen Ackles"), "{ps:?}");
    }
}
