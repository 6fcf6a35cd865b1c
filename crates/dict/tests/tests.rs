//! Integrity of the built-in dictionaries and behaviour of the parsers (one
//! test binary, as STYLE.md asks).
//!
//! Integrity: every built-in file has a known kind and parses; every code
//! names a known country or body; role periods are ordered and a person's
//! periods do not overlap; files are sorted; no alias names two different
//! actors of the same kind (across kinds the documented precedence decides;
//! a one-word alias shared by two people is a surname, left to coreference).

use std::collections::{BTreeMap, BTreeSet};

use tacitus_dict::{Dictionary, ErrorKind, FileKind};

/// Role segments of CAMEO actor codes (SPEC §2) and the CAMEO body codes.
const ROLES: &[&str] = &[
    "AGR", "BUS", "COP", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "GOV", "HLH", "HRI", "IGO",
    "IMG", "INS", "JUD", "LAB", "LEG", "MED", "MIL", "MNC", "MOD", "NGO", "OPP", "PTY", "RAD",
    "REB", "REF", "REL", "SEP", "SET", "SPY", "UAF",
];

fn dict() -> &'static Dictionary {
    Dictionary::builtin()
}

fn countries() -> BTreeSet<String> {
    dict().countries.iter().map(|c| c.code.clone()).collect()
}

/// Whether an actor code starts with a known country or an international
/// prefix (IGO, NGO, IMG, MNC) and is made of three-letter segments (CAMEO
/// adds religion, ethnic and group segments after the role, so those are
/// not checked one by one).
fn known_actor(code: &str, countries: &BTreeSet<String>, bodies: &BTreeSet<String>) -> bool {
    if bodies.contains(code) {
        return true;
    }
    let head = code.get(..3).unwrap_or("");
    (countries.contains(head) || ["IGO", "NGO", "IMG", "MNC"].contains(&head))
        && tacitus_dict::is_actor_code(code)
}

#[test]
fn every_builtin_file_has_a_kind_and_parses() {
    // Files of other dictionaries (verbs, CAMEO codes) share data/; an
    // actor file is named for its kind.
    let actor_files = Dictionary::builtin_files()
        .filter(|(name, _)| FileKind::from_file_name(name).is_some())
        .count();
    assert!(actor_files >= 2, "the built-in actor files are missing");
    let problems: Vec<String> = dict().problems.iter().map(|e| e.to_string()).collect();
    assert!(
        problems.is_empty(),
        "built-in lines that do not parse:\n{}",
        problems.join("\n")
    );
}

#[test]
fn every_code_is_known() {
    let countries = countries();
    let bodies: BTreeSet<String> = dict().igos.iter().map(|i| i.code.clone()).collect();
    let mut bad = Vec::new();
    for i in &dict().igos {
        for m in &i.members {
            if !countries.contains(m) {
                bad.push(format!("igo {}: member {m}", i.name));
            }
        }
    }
    for p in &dict().people {
        if !countries.contains(&p.country) && !p.country.starts_with("IGO") {
            bad.push(format!("person {}: country {}", p.name, p.country));
        }
        for r in &p.roles {
            if !known_actor(&r.actor, &countries, &bodies) {
                bad.push(format!("person {}: actor {}", p.name, r.actor));
            }
        }
    }
    for o in &dict().orgs {
        if let Some(c) = &o.country
            && !countries.contains(c)
        {
            bad.push(format!("org {}: country {c}", o.name));
        }
        if let Some(a) = &o.actor
            && !known_actor(a, &countries, &bodies)
        {
            bad.push(format!("org {}: actor {a}", o.name));
        }
    }
    for p in &dict().places {
        if let Some(c) = &p.country
            && !countries.is_empty()
            && !countries.contains(c)
        {
            bad.push(format!("place {}: country {c}", p.name));
        }
    }
    for t in &dict().titles {
        if let Some(r) = &t.role
            && !ROLES.contains(&r.get(..3).unwrap_or(""))
        {
            bad.push(format!("title {}: role {r}", t.title));
        }
    }
    assert!(bad.is_empty(), "unknown codes:\n{}", bad.join("\n"));
}

#[test]
fn role_periods_are_ordered_and_do_not_overlap() {
    let mut bad = Vec::new();
    for p in &dict().people {
        for r in &p.roles {
            if let (Some(f), Some(t)) = (r.from, r.to) {
                assert!(f <= t, "{}: {f} after {t}", p.name);
            }
        }
        for w in p.roles.windows(2) {
            let (a, b) = (&w[0], &w[1]);
            let overlap = match (a.to, b.from) {
                (Some(end), Some(start)) => end >= start,
                _ => true,
            };
            if overlap && a.actor != b.actor {
                bad.push(format!(
                    "{}: {} {:?}..{:?} overlaps {} {:?}..{:?}",
                    p.name, a.actor, a.from, a.to, b.actor, b.from, b.to
                ));
            }
        }
    }
    assert!(bad.is_empty(), "overlapping roles:\n{}", bad.join("\n"));
}

#[test]
fn files_are_sorted_by_first_column() {
    let mut bad = Vec::new();
    for (name, text) in Dictionary::builtin_files() {
        let keys: Vec<(String, String)> = text
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .map(|l| {
                let f: Vec<&str> = l.split('\t').collect();
                let from = if FileKind::from_file_name(name) == Some(FileKind::People) {
                    f.get(5).copied().unwrap_or("").replace('-', "")
                } else {
                    String::new()
                };
                (f[0].to_lowercase(), from)
            })
            .collect();
        for (i, w) in keys.windows(2).enumerate() {
            if w[0] > w[1] {
                bad.push(format!(
                    "{name}: entry {} {:?} before {:?}",
                    i + 1,
                    w[0].0,
                    w[1].0
                ));
            }
        }
    }
    assert!(bad.is_empty(), "unsorted:\n{}", bad.join("\n"));
}

#[test]
fn no_alias_names_two_actors_of_one_kind() {
    // alias -> set of codes, per kind.
    let mut bad = Vec::new();
    let mut check = |kind: &str, pairs: Vec<(String, String)>| {
        let mut by: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (alias, code) in pairs {
            by.entry(alias).or_default().insert(code);
        }
        for (alias, codes) in by {
            if codes.len() > 1 {
                bad.push(format!("{kind} alias {alias:?} names {codes:?}"));
            }
        }
    };
    let d = dict();
    let mut pairs = Vec::new();
    for c in &d.countries {
        for a in std::iter::once(&c.name).chain(&c.aliases) {
            pairs.push((a.clone(), c.code.clone()));
        }
    }
    check("country", pairs);
    let mut pairs = Vec::new();
    for c in &d.countries {
        for a in &c.capitals {
            pairs.push((a.clone(), c.code.clone()));
        }
    }
    check("capital", pairs);
    let mut pairs = Vec::new();
    for c in &d.igos {
        for a in std::iter::once(&c.name).chain(&c.aliases) {
            pairs.push((a.clone(), c.code.clone()));
        }
    }
    check("igo", pairs);
    let mut pairs = Vec::new();
    for o in &d.orgs {
        for a in std::iter::once(&o.name).chain(&o.aliases) {
            pairs.push((a.clone(), o.name.clone()));
        }
    }
    check("org", pairs);
    // People: a shared alias of more than one word is a conflict.
    let mut pairs = Vec::new();
    for p in &d.people {
        for a in std::iter::once(&p.name).chain(&p.aliases) {
            if a.split_whitespace().count() > 1 {
                pairs.push((a.clone(), p.name.clone()));
            }
        }
    }
    check("person", pairs);
    assert!(bad.is_empty(), "conflicting aliases:\n{}", bad.join("\n"));
}

#[test]
fn builtin_loads_fast() {
    // Parsing is done once; in an optimized build it takes a few ms (see
    // the `actors` benchmark). Here only that it loads and has content.
    let d = dict();
    assert!(!d.names.is_empty());
    assert!(!d.places.is_empty());
}

#[test]
fn errors_name_file_line_and_field() {
    let err = Dictionary::parse_str(
        "people-x.tsv",
        "# name\taliases\tcountry\tactor\ttitle\tfrom\tto\nA B\t-\tJPN\tJPNGOV\tPM\t2025-02-01\t2025-01-01\n",
    )
    .unwrap_err();
    assert_eq!(err.kind, ErrorKind::DateOrder);
    assert_eq!(
        err.to_string(),
        "people-x.tsv:2: field to: expected a date on or after 2025-02-01, found 2025-01-01"
    );
    let err = Dictionary::parse_str("orgs-x.tsv", "Acme\t-\tcompany\tJPN\n").unwrap_err();
    assert_eq!(err.kind, ErrorKind::FieldCount);
    assert_eq!(
        err.to_string(),
        "orgs-x.tsv:1: expected 5 TAB-separated fields (name, aliases, kind, country, actor), found 4"
    );
    let err = Dictionary::parse_str("orgs-x.tsv", "Acme\t-\tshop\tJPN\tJPNBUS\n").unwrap_err();
    assert_eq!(err.kind, ErrorKind::BadKind);
    assert!(
        err.to_string()
            .starts_with("orgs-x.tsv:1: field kind: expected one of company")
    );
    let err = Dictionary::parse_str("titles.tsv", "Prime Minister\tgov\tperson\n").unwrap_err();
    assert_eq!(
        err.to_string(),
        "titles.tsv:1: field role: expected a role code such as GOV or MIL, found \"gov\""
    );
    let err = Dictionary::parse_str("mine.tsv", "x\ty\n").unwrap_err();
    assert_eq!(err.kind, ErrorKind::UnknownKind);
}

#[test]
fn kind_comes_from_the_header_when_the_name_says_nothing() {
    let d = Dictionary::parse_str(
        "mine.tsv",
        "# name\taliases\tkind\tcountry\tactor\nAcme Widgets\tAcme\tcompany\tJPN\tJPNBUS\n",
    )
    .unwrap();
    assert_eq!(d.orgs.len(), 1);
    assert_eq!(d.orgs[0].actor.as_deref(), Some("JPNBUS"));
}

#[test]
fn user_entries_win_over_builtin_ones() {
    let mut d = Dictionary::parse_str(
        "orgs.tsv",
        "Acme\t-\tcompany\tJPN\tJPNBUS\nOther\t-\tcompany\tJPN\tJPNBUS\n",
    )
    .unwrap();
    let user = Dictionary::parse_str("orgs-user.tsv", "Acme\t-\tmedia\tUSA\tUSAMED\n").unwrap();
    d.merge(user);
    let acme: Vec<_> = d.orgs.iter().filter(|o| o.name == "Acme").collect();
    assert_eq!(acme.len(), 1);
    assert_eq!(acme[0].actor.as_deref(), Some("USAMED"));
    assert_eq!(d.orgs.len(), 2);
}

#[test]
fn role_as_of_a_date() {
    let d = Dictionary::parse_str(
        "people.tsv",
        "# name\taliases\tcountry\tactor\ttitle\tfrom\tto\n\
         Joe Biden\tBiden\tUSA\tUSAGOV\tVice President\t2009-01-20\t2017-01-20\n\
         Joe Biden\tBiden\tUSA\tUSAGOV\tPresident\t2021-01-20\t2025-01-20\n",
    )
    .unwrap();
    let day = |y, m, d| Some(jiff::civil::date(y, m, d));
    assert_eq!(
        d.actor_on("Joe Biden", day(2024, 6, 1)).as_deref(),
        Some("USAGOV")
    );
    assert_eq!(
        d.actor_on("Biden", day(2019, 6, 1)).as_deref(),
        Some("USAELI")
    );
    assert_eq!(
        d.actor_on("Joe Biden", day(2025, 1, 20)).as_deref(),
        Some("USAGOV")
    );
    assert_eq!(
        d.actor_on("Joe Biden", day(2025, 1, 21)).as_deref(),
        Some("USAELI")
    );
    let p = d.person("Joe Biden").unwrap();
    assert_eq!(p.title_on(day(2010, 1, 1)), Some("Vice President"));
    assert_eq!(d.actor_on("Nobody", None), None);
}

// ---- GKG dictionaries: gazetteer, themes, tone lexicon ----

mod gkg {
    use std::collections::{BTreeSet, HashMap};

    use tacitus_dict::Dictionary;
    use tacitus_dict::geo::{Geo, distance_km};
    use tacitus_dict::themes::Themes;
    use tacitus_dict::tone::{Polarity, ToneLexicon};

    fn builtin(name: &str) -> &'static str {
        Dictionary::builtin_files()
            .find(|(n, _)| *n == name)
            .map(|(_, t)| t)
            .unwrap_or_else(|| panic!("{name} is built in"))
    }

    /// The first column of the data lines, folded.
    fn keys(text: &str) -> Vec<String> {
        text.lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .map(|l| l.split('\t').next().unwrap_or("").to_lowercase())
            .collect()
    }

    #[test]
    fn geo_files_are_sorted() {
        for name in [
            "geo-countries.tsv",
            "geo-regions.tsv",
            "themes.tsv",
            "tone.tsv",
        ] {
            let k = keys(builtin(name));
            let mut sorted = k.clone();
            sorted.sort();
            assert_eq!(k, sorted, "{name} is sorted by its first column");
        }
        // Cities: by name (case-insensitively, as Python's casefold), then country.
        let text = builtin("geo-places.tsv");
        let rows: Vec<(String, String)> = text
            .lines()
            .filter(|l| !l.starts_with('#'))
            .map(|l| {
                let f: Vec<&str> = l.split('\t').collect();
                (f[0].to_lowercase(), f[2].to_string())
            })
            .collect();
        let mut dups = BTreeSet::new();
        for w in rows.windows(2) {
            if w[0] == w[1] {
                dups.insert(w[0].clone());
            }
        }
        assert!(dups.is_empty(), "one city a name per country: {dups:?}");
    }

    #[test]
    fn every_country_has_a_point_and_every_code_is_known() {
        let geo = Geo::builtin();
        let dict = Dictionary::builtin();
        let ours: BTreeSet<&str> = dict.countries.iter().map(|c| c.code.as_str()).collect();
        let points: BTreeSet<&str> = geo.countries.iter().map(|c| c.code).collect();
        assert_eq!(
            ours, points,
            "geo-countries.tsv covers countries.tsv exactly"
        );
        let fips: BTreeSet<&str> = geo.countries.iter().map(|c| c.fips).collect();
        assert_eq!(fips.len(), geo.countries.len(), "FIPS codes are unique");
        for p in geo.places.iter().chain(&geo.regions) {
            if let Some(c) = &p.country {
                assert!(ours.contains(c), "{}: unknown country {c}", p.name);
            }
        }
    }

    #[test]
    fn gazetteer_has_every_capital_and_five_thousand_places() {
        let geo = Geo::builtin();
        assert!(geo.places.len() >= 5_000, "{} places", geo.places.len());
        let capitals = geo.places.iter().filter(|p| p.is_capital()).count();
        assert!(capitals >= 185, "{capitals} capitals");
        for name in [
            "Indo-Pacific",
            "Middle East",
            "Indian Ocean",
            "South China Sea",
            "Balkans",
            "Sahel",
            "Gulf",
            "Korean Peninsula",
        ] {
            assert!(geo.regions.iter().any(|r| r.name == name), "{name}");
        }
    }

    /// A country's point lies near its capital: catches swapped or
    /// sign-flipped coordinates (the largest countries allowed more).
    #[test]
    fn country_points_are_near_their_capitals() {
        let geo = Geo::builtin();
        let mut capital: HashMap<&str, (f64, f64)> = HashMap::new();
        for p in geo.places.iter().filter(|p| p.is_capital()) {
            if let Some(c) = &p.country {
                capital.insert(c, (p.lat, p.lon));
            }
        }
        let mut far = Vec::new();
        for c in &geo.countries {
            let Some(&cap) = capital.get(c.code) else {
                continue;
            };
            let limit = match c.code {
                "RUS" | "CAN" | "USA" | "AUS" | "BRA" | "CHN" | "KIR" | "FSM" | "CHL" | "ARG"
                | "IDN" | "KAZ" | "MYS" => 4_500.0,
                _ => 1_200.0,
            };
            let d = distance_km((c.lat, c.lon), cap);
            if d > limit {
                far.push(format!("{} {d:.0} km", c.code));
            }
        }
        assert!(far.is_empty(), "points far from the capital: {far:?}");
    }

    #[test]
    fn sixty_themes_each_with_phrases() {
        let themes = Themes::builtin();
        let names = themes.names();
        assert!(names.len() >= 60, "{} themes", names.len());
        for required in [
            "TRADE_TARIFFS",
            "DIPLOMACY_SUMMIT",
            "ELECTION",
            "INAUGURATION",
            "MILITARY_SPENDING",
            "ALLIANCE",
            "SANCTIONS",
            "MERGER_ACQUISITION",
            "NATURAL_DISASTER",
            "TERRORISM",
            "PROTEST",
            "REFUGEES",
            "NUCLEAR",
            "CYBER",
            "ENERGY",
        ] {
            assert!(names.contains(required), "{required}");
        }
        // A phrase belongs to one rule of a theme only.
        let mut seen = BTreeSet::new();
        for r in &themes.rules {
            for p in &r.phrases {
                let key = (
                    r.theme.clone(),
                    p.text.clone(),
                    p.prefix,
                    r.context.is_empty(),
                );
                assert!(seen.insert(key), "{}: {} twice", r.theme, p.text);
            }
        }
    }

    #[test]
    fn tone_changes_apply() {
        let lex = ToneLexicon::builtin();
        assert_eq!(lex.get("ceasefire"), Some(Polarity::Positive));
        assert_eq!(lex.get("casualties"), Some(Polarity::Negative));
        assert_eq!(lex.get("united"), None);
        assert_eq!(lex.get("party"), None);
        assert!(lex.len() > 3_000);
    }
}
