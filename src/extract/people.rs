//! People: every decision that makes a person, and where it is made.
//!
//! Found in body text, chunk by chunk (called from [`super::entities`]' `classify`):
//!
//! - [`titled`]: a name after a title ("President Donald Trump", "Mr. Trump", "Sens. Cory
//!   Booker"), also after whose title it is ("Disney CEO Bob Iger", "Hong Kong Chief
//!   Executive Carrie Lam"); the title is the mention's role; a place after the name is
//!   apart ("Gov. Gavin Newsom of California"). A bare title after "the" is a role.
//! - [`named`]: a census given name, initials or a census surname, or context that only
//!   people have (a role noun before, a verb of saying or an appositive after); also the
//!   shape tests other rules share ([`name_shaped`], [`person_context`]).
//! - [`roles`]: role phrases for unnamed actors ("Russia's special envoy", "the president").
//! - [`groups`]: named peoples and faiths ("the Vikings", "Muslims").
//!
//! Found with the whole document in view:
//!
//! - [`unknown`]: name-shaped runs no list knows ("Wim Wenders"), full names in title-case
//!   lines and a title that names the article's subject;
//! - the learned tagger ([`super::tagged`]) adds names no rule found and corrects the
//!   rules' people (organisations, works); [`super::places::inside_names`] turns a place
//!   word inside a person's name into the person ("Chad Thomas");
//! - [`super::lists`]: an unknown full name listed with known people;
//! - [`eponyms`]: the person a place is named after ("Carnegie Hall", "Will Rogers
//!   Turnpike"), beside the place;
//! - [`inverted`]: surname-first names of reading lists ("Austen, Jane. Pride and
//!   Prejudice");
//! - [`super::works`] takes back the names the text marks as works or products ("the film
//!   Easy Rider", "starred in Cry Wolf", a title in italics).
//!
//! Which mentions are one person:
//!
//! - [`coref`]: a surname or given name alone, or with an honorific, joins the full name
//!   ("Mr. Trump" → Donald Trump); a definite role joins the one holder of its title named
//!   before it ("the Republican president"); two people who share a word stay apart;
//! - [`super::propagate`] then finds every known name again (sentence starts, headlines);
//! - [`subject`]: definite roles left join the article's main person ("the author");
//! - [`super::merge`] groups mentions by key and names each person by the fullest proper
//!   name, never a bare title.

pub mod coref;
pub mod eponyms;
pub mod groups;
pub mod inverted;
pub mod named;
pub mod roles;
pub mod subject;
pub mod titled;
pub mod unattested;
pub mod unknown;

pub use named::{apposed_person, headline_pairs, name_shaped, named, person_context, verb_like};
pub use titled::titled;

#[cfg(test)]
mod tests {
    #[test]
    fn titles_one_after_another_are_all_titles() {
        let es = crate::extract::test_entities("Yesterday Lieutenant Colonel Harold Brandt met the press.");
        let people: Vec<&str> =
            es.iter().filter(|e| e.kind == EntityKind::Person).map(|e| e.name.as_str()).collect();
        assert_eq!(people, ["Harold Brandt"]);
    }

    use crate::document::EntityKind;
    use crate::extract::assert_names;

    #[test]
    fn people_examples() {
        let cases: &[(&str, &[&str])] = &[
            ("Siméon Poisson reviewed the paper. Later Poisson declared it lost.", &["Siméon Poisson"]),
            ("President Donald Trump met the press. Trump said nothing.", &["Donald Trump"]),
            ("Russia's special envoy called the talks constructive.", &["Russia's special envoy"]),
            (
                "Envoys include a prominent real estate executive and a key family advisor to the president.",
                &["prominent real estate executive", "key family advisor to the president"],
            ),
            ("Then the Secretary of State may join.", &["Secretary of State"]),
            ("Analysts suggest that officials will wait.", &[]),
            ("Privacy Overview", &[]),
            ("English captain Harry Kane scored twice.", &["Harry Kane"]),
            ("He was Professor of Linguistics at Berkeley.", &[]),
            ("Minister of Education Stefania Giannini spoke.", &["Stefania Giannini"]),
            // Whose title it is comes before it: an organisation or a place, not the name.
            ("Yesterday Acme CEO Dara Quillfeather resigned.", &["Dara Quillfeather"]),
            ("On Monday Hong Kong Chief Executive Mirela Tsang spoke.", &["Mirela Tsang"]),
            ("Yesterday Chinese Vice Premier Zhou Anbo arrived.", &["Zhou Anbo"]),
            // A plural title and a place after the name are not part of it.
            ("Sens. Amos Pelleter and Ruth Kibbe objected.", &["Amos Pelleter", "Ruth Kibbe"]),
            ("Gov. Rita Okafor of Ohio signed it.", &["Rita Okafor"]),
            // Where an untitled person is from or whose member they are is not their name.
            ("The seat went to Gary Chan of Pakistan and Elena Marsh of FTU.", &["Gary Chan", "Elena Marsh"]),
            // A census surname and a romanised given name.
            ("The motion came from Leung Kwok-hung of LSD.", &["Leung Kwok-hung"]),
            // Whose team, position or title it is comes before the name, not in it.
            ("Later Cleveland DL Larry Ogunjobi was suspended.", &["Larry Ogunjobi"]),
            ("In May Administrator Jim Bridenstine spoke.", &["Jim Bridenstine"]),
            ("Lawmakers grilled Lt Col Alexander Vindman on Tuesday.", &["Alexander Vindman"]),
            // A name after "of" is what a title is of.
            ("She taught at the Federal University of Santa Catarina.", &[]),
        ];
        for (text, want) in cases {
            assert_names(text, |e| e.kind == EntityKind::Person, want);
        }
    }
}
