//! The bundled seed article's sidebar: its actors (named and by role), places and events,
//! each once, with no generic groups and no heading fragments.

use folio::{Entity, EntityKind};

fn entities() -> Vec<Entity> {
    folio::read(folio::SEED).expect("the seed reads").entities
}

fn find<'a>(es: &'a [Entity], kind: EntityKind, name: &str) -> Option<&'a Entity> {
    es.iter().find(|e| e.kind == kind && e.name == name)
}

#[test]
fn seed_sidebar_lists_actors_places_and_events_once() {
    let es = entities();
    let text = std::str::from_utf8(folio::SEED).expect("UTF-8 seed");
    let mention = |e: &Entity, i: usize| e.mentions.get(i).map(|m| &text[m.start..m.end]).unwrap_or("");
    for role in [
        "Russia’s special envoy",
        "prominent real estate executive",
        "key family advisor to the president",
        "Secretary of State",
    ] {
        assert!(find(&es, EntityKind::Person, role).is_some(), "no {role}: {es:#?}");
    }
    for place in ["United States", "Russia", "Ukraine", "Miami", "Odesa", "Eastern Europe"] {
        assert!(find(&es, EntityKind::Place, place).is_some(), "no {place}");
    }
    let us = find(&es, EntityKind::Place, "United States").expect("US");
    assert!((0..us.mentions.len()).any(|i| mention(us, i) == "US"), "US and United States are one entry");
    let talks =
        es.iter().find(|e| e.kind == EntityKind::Event && e.name.contains("Miami")).expect("the Miami talks");
    let forms: Vec<&str> = (0..talks.mentions.len()).map(|i| mention(talks, i)).collect();
    for form in ["The Miami discussions", "this Miami gathering", "the talks"] {
        assert!(forms.contains(&form), "{form} not in {forms:?}");
    }
    let invasion =
        es.iter().find(|e| e.kind == EntityKind::Event && e.name.contains("invasion")).expect("invasion");
    assert_eq!(invasion.date.as_deref(), Some("nearly four years ago"));
    assert!(es.iter().any(|e| e.kind == EntityKind::Event && e.name.contains("Ukraine war")));
    assert!(es.iter().any(|e| e.kind == EntityKind::Event && e.name == "missile strikes"));
    // Each once; no groups, no heading fragments.
    let mut names: Vec<(EntityKind, &str)> = es.iter().map(|e| (e.kind, e.name.as_str())).collect();
    names.sort();
    let n = names.len();
    names.dedup();
    assert_eq!(n, names.len(), "an entity listed twice");
    for bad in [
        "Analysts",
        "analysts",
        "officials",
        "Privacy Overview",
        "Key Players",
        "Global Stability",
        "Challenges",
    ] {
        assert!(!es.iter().any(|e| e.name.contains(bad)), "{bad} listed");
    }
}
