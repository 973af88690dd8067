//! Sports teams named by their place: in a report of games, "Lakeview beat Carver 38-17",
//! "Carver's quarterback" and "a loss at Carver" name sides, not places. A place name the
//! text shows to be a side somewhere is an organisation throughout, but where a preposition
//! of place stands before it ("the rematch in Carver").
//!
//! Only in a story about games: "Minnesota" in a weather or a politics story stays a place.

use super::merge::Mention;
use super::pass::{Pass, lower};
use super::tokens::Kind;
use crate::document::EntityKind;
use aho_corasick::AhoCorasick;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::ops::Range;
use std::sync::LazyLock;

/// Words that only a report of games uses much.
const STRONG: &[&str] = &[
    "quarterback",
    "quarterbacks",
    "touchdown",
    "touchdowns",
    "halftime",
    "half-time",
    "inning",
    "innings",
    "goalkeeper",
    "striker",
    "midfielder",
    "linebacker",
    "playoff",
    "playoffs",
    "postseason",
    "fumble",
    "rebounds",
    "pitcher",
    "wicket",
    "wickets",
    "referee",
    "kickoff",
    "scoreboard",
    "rushing",
    "interceptions",
];

/// Words that a report of games uses, and other stories sometimes.
const WEAK: &[&str] = &[
    "game",
    "games",
    "match",
    "matches",
    "season",
    "coach",
    "league",
    "team",
    "teams",
    "scored",
    "goal",
    "goals",
    "win",
    "won",
    "victory",
    "defeated",
    "beat",
    "fans",
    "stadium",
    "tournament",
    "championship",
    "players",
    "player",
    "yards",
    "points",
    "final",
    "cup",
    "title",
    "champion",
    "squad",
    "club",
];

/// Nouns of a side: after its name ("Carver quarterback") or its possessive ("Carver's
/// defense", "Carver's first win").
const SIDE_NOUNS: &[&str] = &[
    "quarterback",
    "coach",
    "offense",
    "offence",
    "defense",
    "defence",
    "roster",
    "lineup",
    "squad",
    "fans",
    "players",
    "striker",
    "midfielder",
    "defender",
    "goalkeeper",
    "linebacker",
    "receiver",
    "pitcher",
    "kicker",
];

/// Nouns after a side's possessive besides those of [`SIDE_NOUNS`].
const SIDE_POSSESSED: &[&str] = &[
    "game", "games", "win", "wins", "victory", "loss", "losses", "defeat", "goal", "goals", "season",
    "player",
];

/// Sports before a noun of a player or a team ("a Carver soccer player"): a side anywhere.
const SPORTS: &[&str] =
    &["soccer", "football", "basketball", "baseball", "hockey", "rugby", "cricket", "volleyball", "softball"];

/// What a sport's name before makes a side: "Carver football coach", "Carver soccer star".
const SPORT_PEOPLE: &[&str] =
    &["player", "players", "star", "team", "club", "coach", "fans", "program", "squad"];

/// Verbs and prepositions right before a side ("beat Carver", "against Carver").
const BEFORE: &[&str] = &[
    "beat",
    "beats",
    "beating",
    "defeated",
    "defeat",
    "defeats",
    "defeating",
    "edged",
    "routed",
    "routs",
    "blanked",
    "topped",
    "downed",
    "upset",
    "stunned",
    "thrashed",
    "outlasted",
    "outscored",
    "faced",
    "faces",
    "facing",
    "against",
    "joined",
    "joins",
    "joining",
    "vs",
    "vs.",
    "versus",
];

/// A word before a side and the words that may come before it: "rolled past Carver",
/// "lost to Carver", "a win over Carver", "a loss at Carver", "two goals for Carver", "24 games
/// for Carver", "signed with Carver".
const AFTER_WORD: &[(&str, &[&str])] = &[
    ("past", &["rolled", "cruised", "rallied", "romped", "powered", "slipped", "edged", "raced"]),
    ("to", &["lost", "loss", "losses", "losing", "fell", "falls", "falling"]),
    ("over", &["win", "wins", "victory", "victories", "triumph", "lead"]),
    ("at", &["loss", "losses", "game", "games", "win", "victory", "defeat", "lost", "won"]),
    (
        "for",
        &[
            "goal",
            "goals",
            "scored",
            "touchdown",
            "touchdowns",
            "yards",
            "carries",
            "points",
            "lead",
            "games",
            "appearances",
            "starts",
            "played",
            "plays",
            "pitched",
        ],
    ),
    ("with", &["signed", "re-signed", "played", "playing", "opened", "debuted", "spent"]),
];

/// Verbs right after a side ("Carver beat", "Carver rallied").
const AFTER: &[&str] = &[
    "beat",
    "beats",
    "defeated",
    "defeats",
    "edged",
    "edges",
    "routed",
    "routs",
    "rolled",
    "rallied",
    "rallies",
    "blanked",
    "topped",
    "downed",
    "stunned",
    "thrashed",
    "outscored",
    "outlasted",
    "won",
    "wins",
    "lost",
    "loses",
    "drew",
    "tied",
    "scored",
    "scores",
    "trailed",
    "trails",
    "faced",
    "faces",
    "hosts",
    "hosted",
];

/// Prepositions of place: "in Carver" stays the place even where Carver is a side.
const PLACE_PREPS: &[&str] = &["in", "from", "near", "across", "around", "throughout", "into", "outside"];

/// True when the body text is a report of games: weighted sports words and scores, at
/// least 8 points (each distinct word once, two scores at most).
fn about_games(passes: &[Pass]) -> bool {
    // Each half of a long text is read on its own, and stops once it alone has the points.
    let ((words, scores), (more, also)) = super::pass::halves(passes, games_in);
    let points =
        |words: &HashSet<&str>| words.iter().map(|w| if STRONG.contains(w) { 2 } else { 1 }).sum::<usize>();
    let union: HashSet<&str> = words.union(&more).copied().collect();
    points(&union) + 2 * (scores + also).min(2) >= 8
}

/// The sports words of `passes` and the scores (two at most), until they make 8 points.
fn games_in(passes: &[Pass]) -> (HashSet<&'static str>, usize) {
    // Each sports word by its text: true for a strong one.
    static WEIGHTS: LazyLock<HashMap<&'static str, bool>> =
        LazyLock::new(|| WEAK.iter().map(|w| (*w, false)).chain(STRONG.iter().map(|w| (*w, true))).collect());
    let mut seen: HashSet<&'static str> = HashSet::default();
    let (mut points, mut scores) = (0, 0);
    for p in passes.iter().filter(|p| !p.headline) {
        for (i, t) in p.toks.iter().enumerate() {
            if t.kind() == Kind::Word {
                let w = t.text(p.text);
                if let Some((w, strong)) = WEIGHTS.get_key_value(w)
                    && seen.insert(w)
                {
                    points += if *strong { 2 } else { 1 };
                }
            } else if scores < 2 && score_at(p, i) {
                scores += 1;
                points += 2;
            }
            if points >= 8 {
                return (seen, scores);
            }
        }
    }
    (seen, scores)
}

/// True for a score starting at token `i`: two small numbers joined by a dash ("38-17",
/// "1 – 0").
fn score_at(p: &Pass, i: usize) -> bool {
    let small = |i: usize| {
        p.toks.get(i).is_some_and(|t| {
            let w = t.text(p.text);
            t.kind() == Kind::Num && w.len() <= 3 && w.bytes().all(|b| b.is_ascii_digit())
        })
    };
    let dash = p.toks.get(i + 1).is_some_and(|t| matches!(t.kind(), Kind::Punct('-' | '–' | '—')));
    small(i) && dash && small(i + 2)
}

/// True when the text around tokens `first..end` shows a side.
fn shows_side(p: &Pass, first: usize, end: usize, games: bool) -> bool {
    let word = |i: usize| p.toks.get(i).map_or("".into(), |t| lower(t.text(p.text)));
    let next = word(end);
    // "Carver soccer player": a side in any story.
    if SPORTS.contains(&next.as_ref()) && SPORT_PEOPLE.contains(&word(end + 1).as_ref()) {
        return true;
    }
    if !games {
        return false;
    }
    let prev = first.checked_sub(1).map(word).unwrap_or_default();
    let prev2 = first.checked_sub(2).map(word).unwrap_or_default();
    let poss = p.toks.get(end).is_some_and(|t| t.kind() == Kind::Poss);
    // "Carver 38, Lakeview 17", "Carver, 45-17", "Carver 1 – 0 Lakeview".
    let comma = usize::from(next == ",");
    let score = score_at(p, end + comma)
        || p.toks.get(end).is_some_and(|t| t.kind() == Kind::Num)
            && p.toks
                .get(end + 1)
                .is_none_or(|t| matches!(t.kind(), Kind::Punct(',' | ';')) || t.is_cap(p.text));
    let before = BEFORE.contains(&prev.as_ref())
        || AFTER_WORD.iter().any(|(w, pre)| prev == *w && pre.contains(&prev2.as_ref()));
    let after = !poss && (AFTER.contains(&next.as_ref()) || SIDE_NOUNS.contains(&next.as_ref()));
    // "Carver's quarterback", "Carver's first win": a noun of a side within three words.
    let owned = poss
        && (end + 1..end + 4)
            .map_while(|i| p.toks.get(i).filter(|t| t.kind() == Kind::Word && !t.is_cap(p.text)))
            .any(|t| {
                let w = t.text(p.text);
                SIDE_NOUNS.contains(&w) || SIDE_POSSESSED.contains(&w)
            });
    score || before || after || owned
}

/// Turns the places that the text shows to be sports teams into organisations, with the
/// places inside their names ("Michigan" of "Eastern Michigan") and their occurrences in
/// headlines.
pub fn find(passes: &[Pass], mentions: &mut Vec<Mention>) {
    let games = about_games(passes);
    let is_place = |m: &Mention| m.kind == EntityKind::Place && m.named;
    // The names shown to be sides, by the text they are written with.
    let mut sides: HashSet<String> = HashSet::default();
    for m in mentions.iter().filter(|m| is_place(m)) {
        let Some(p) = passes.get(m.passage).filter(|p| !p.headline) else { continue };
        let Some(t) = p.tokens_of(&m.range) else { continue };
        if shows_side(p, t.start, t.end, games)
            && let Some(text) = p.text.get(m.range.clone())
        {
            sides.insert(text.to_string());
        }
    }
    if sides.is_empty() {
        return;
    }
    // Where the story shows sides, "on" before a place is an opponent's ("a one-game lead on
    // Carver", "our focus is on Carver"): a town is "in" or "at", not "on" (but an island).
    if games {
        let lex = super::lexicon::get();
        for m in mentions.iter().filter(|m| is_place(m)) {
            let Some(p) = passes.get(m.passage).filter(|p| !p.headline) else { continue };
            let Some(t) = p.tokens_of(&m.range) else { continue };
            let Some(text) = p.text.get(m.range.clone()) else { continue };
            let on = t.start > 0 && p.toks[t.start - 1].text(p.text) == "on";
            let land = lex.places.get(text).is_some_and(|pl| pl.kind != super::lexicon::PlaceKind::Continent);
            let island = text.ends_with("Island") || text.ends_with("Islands");
            if on && land && !island {
                sides.insert(text.to_string());
            }
        }
    }
    // Every occurrence of a side's name is the side, also where the rules read only the
    // known place in it (a headline, "Eastern" at a sentence start), but after a
    // preposition of place.
    let mut held: HashMap<usize, Vec<Range<usize>>> = HashMap::default();
    for m in mentions.iter() {
        held.entry(m.passage).or_default().push(m.range.clone());
    }
    let sides: Vec<String> = sides.into_iter().collect();
    let Ok(finder) = AhoCorasick::new(&sides) else { return };
    // Each half of a long text looked through on its own thread: the occurrences by
    // passage, each with its side.
    let look = |half: &[Pass]| {
        let mut found: Vec<(usize, Range<usize>, usize)> = Vec::new();
        for p in half {
            let held = held.get(&p.index).map_or(&[][..], Vec::as_slice);
            for hit in finder.find_overlapping_iter(p.text) {
                let (at, range) = (hit.start(), hit.range());
                let edge = |c: Option<char>| !c.is_some_and(char::is_alphanumeric);
                if !edge(p.text[..at].chars().next_back()) || !edge(p.text[range.end..].chars().next()) {
                    continue;
                }
                let prev = p.text[..at].split_whitespace().next_back().unwrap_or("");
                // Nor inside a longer name ("Carver State University").
                let longer = |r: &Range<usize>| r.start <= at && range.end <= r.end && r.len() > range.len();
                if !PLACE_PREPS.contains(&prev) && !held.iter().any(longer) {
                    found.push((p.index, range, hit.pattern().as_usize()));
                }
            }
        }
        found
    };
    let (mut found, more) = super::pass::halves(passes, look);
    found.extend(more);
    let added = found.len();
    let mut turned: HashMap<usize, Vec<Range<usize>>> = HashMap::default();
    for (passage, range, side) in found {
        mentions.push(Mention::named(EntityKind::Organization, &sides[side], passage, range.clone()));
        turned.entry(passage).or_default().push(range);
    }
    // The places and organisations the rules read there give way.
    let added = mentions.len() - added;
    let inside = |m: &Mention| {
        turned
            .get(&m.passage)
            .is_some_and(|rs| rs.iter().any(|r| r.start <= m.range.start && m.range.end <= r.end))
    };
    let mut i = 0;
    mentions.retain(|m| {
        i += 1;
        i > added || !(m.named && matches!(m.kind, EntityKind::Place | EntityKind::Organization) && inside(m))
    });
}

#[cfg(test)]
mod tests {
    use crate::document::EntityKind;
    use crate::extract::assert_names;

    fn places(text: &str, want: &[&str]) {
        assert_names(text, |e| e.kind == EntityKind::Place, want);
    }

    fn organisations(text: &str, want: &[&str]) {
        assert_names(text, |e| e.kind == EntityKind::Organization, want);
    }

    #[test]
    fn places_that_play_are_sides() {
        let game = "Ohio beat Oregon 31-24 on Saturday. Ohio's quarterback threw for two touchdowns \
            and 280 yards, and the coach said the defense won the game at halftime. The team \
            hosts its next game in Oregon.";
        organisations(game, &["Ohio", "Oregon"]);
        // The city of the rematch stays a place.
        places(game, &["Oregon"]);
    }

    #[test]
    fn a_place_after_on_in_a_story_of_games_is_an_opponent() {
        let game = "Ohio beat Oregon 31-24 on Saturday. Ohio's quarterback threw for two touchdowns \
            and 280 yards, and the coach said the defense won the game at halftime. The win gives \
            Ohio a one-game lead on Utah.";
        organisations(game, &["Ohio", "Oregon", "Utah"]);
    }

    #[test]
    fn a_place_in_a_story_of_no_games_stays_a_place() {
        let weather = "Snow fell across Ohio on Saturday. Ohio's roads were closed and Oregon \
            lost power, officials said.";
        places(weather, &["Ohio", "Oregon"]);
        organisations(weather, &[]);
    }
}
