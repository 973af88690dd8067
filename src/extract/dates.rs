//! Date and time expressions ("nearly four years ago", "30 May 1832", "April 13, 2011",
//! "in 2025", "yesterday"), each given to the event it dates.

use super::merge::Mention;
use super::pass::{Pass, lower};
use super::tokens::Kind;
use crate::document::EntityKind;
use rustc_hash::FxHashMap as HashMap;

/// Number words that count years, months or days before "ago".
const COUNTS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several", "a", "few",
    "many",
];
const UNITS: &[&str] =
    &["year", "years", "month", "months", "week", "weeks", "day", "days", "decade", "decades"];

/// Date or time expressions of a passage: token ranges ("nearly four years ago", "30 May
/// 1832", "April 13, 2011", "in 2025", "yesterday").
pub fn date_spans(p: &Pass) -> Vec<(usize, usize)> {
    let toks = &p.toks;
    let w = |i: usize| toks.get(i).map(|t| t.text(p.text)).unwrap_or("");
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        if w(i) == "ago" && i >= 2 && UNITS.contains(&w(i - 1)) {
            let mut s = i - 2;
            if !(COUNTS.contains(&&*lower(w(s))) || toks[s].kind() == Kind::Num) {
                i += 1;
                continue;
            }
            if s > 0 && matches!(w(s - 1), "nearly" | "almost" | "about" | "some" | "over" | "around") {
                s -= 1;
            }
            out.push((s, i + 1));
        } else if crate::calendar::is_capitalised_month(w(i))
            && !(w(i) == "May" && toks.get(i + 1).is_some_and(|n| n.kind() == Kind::Word))
        {
            let mut s = i;
            let mut e = i + 1;
            if i > 0 && toks[i - 1].kind() == Kind::Num && w(i - 1).len() <= 2 {
                s = i - 1;
            }
            if toks.get(e).is_some_and(|n| n.kind() == Kind::Num) {
                e += 1;
                if w(e) == ","
                    && toks.get(e + 1).is_some_and(|n| n.kind() == Kind::Num && w(e + 1).len() == 4)
                {
                    e += 2;
                }
            }
            if e - s > 1 {
                out.push((s, e));
            }
            i = e;
            continue;
        } else if t.kind() == Kind::Num
            && w(i).len() == 4
            && i > 0
            && matches!(w(i - 1), "in" | "since" | "during")
            || matches!(w(i), "yesterday" | "today" | "tonight" | "tomorrow")
        {
            out.push((i, i + 1));
        }
        i += 1;
    }
    out
}

/// Gives each date expression to the nearest event mention before it in the same sentence
/// (or right after it), unless that event already has one. One walk through each passage
/// with its events sorted by end: a long paragraph costs its length, not its square.
pub fn attach(passes: &[Pass], mentions: &mut [Mention]) {
    let mut by_passage: HashMap<usize, Vec<usize>> = HashMap::default();
    for (i, m) in mentions.iter().enumerate().filter(|(_, m)| m.kind == EntityKind::Event) {
        by_passage.entry(m.passage).or_default().push(i);
    }
    for p in passes {
        let Some(events) = by_passage.get_mut(&p.index) else { continue };
        // Stable: of events that end together, the last found wins, as before.
        events.sort_by_key(|&i| mentions[i].range.end);
        // Where the sentence of the current date starts: date spans come in text order.
        let (mut sentence_start, mut scanned) = (0, 0);
        for (s, e) in date_spans(p) {
            let (Some(ds), Some(de)) = (p.toks.get(s), p.toks.get(e - 1)) else { continue };
            let date = p.text.get(ds.start()..de.end()).unwrap_or("").to_string();
            if s < scanned {
                // "ago" reaches back before the end of the date before it: look again.
                sentence_start =
                    p.toks[..s].iter().rposition(|t| t.sent_start()).map_or(0, |k| p.toks[k].start());
            } else {
                for t in &p.toks[scanned..s] {
                    if t.sent_start() {
                        sentence_start = t.start();
                    }
                }
            }
            scanned = s;
            let before = events.partition_point(|&i| mentions[i].range.end <= ds.start());
            let best = events[..before]
                .iter()
                .rev()
                .take_while(|&&i| ds.start() - mentions[i].range.end < 60)
                .copied()
                .find(|&i| mentions[i].date().is_none() && mentions[i].range.start >= sentence_start);
            if let Some(m) = best.and_then(|i| mentions.get_mut(i)) {
                m.set_date(Some(date));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::date_spans;
    use crate::extract::test_pass;

    #[test]
    fn dates_examples() {
        let cases: &[(&str, &[&str])] = &[
            ("It began nearly four years ago in Kyiv.", &["nearly four years ago"]),
            ("He died on 30 May 1832 and was buried on 2 June.", &["30 May 1832", "2 June"]),
            ("The fire of April 13, 2011 spread.", &["April 13, 2011"]),
            ("Talks resumed in 2025 and again yesterday.", &["2025", "yesterday"]),
            ("May we begin? The years ago were long.", &[]),
        ];
        for (text, want) in cases {
            let (p, _) = test_pass(text);
            let got: Vec<&str> = date_spans(&p)
                .into_iter()
                .map(|(s, e)| &p.text[p.toks[s].start()..p.toks[e - 1].end()])
                .collect();
            assert_eq!(got, *want, "{text}");
        }
    }
}
