//! The GKG stage: every theme on its sentence (`testdata/themes.toml`),
//! tone, locations with coordinates and the places of events.

use std::collections::BTreeSet;

use serde::Deserialize;
use tacitus_core::{Article, Document, Pipeline};

fn code(text: &str) -> Document {
    let mut article = Article::from_text(text.to_string());
    article.published = Some(jiff::civil::date(2025, 1, 13));
    Pipeline::standard()
        .run(article)
        .expect("the pipeline runs")
}

#[derive(Deserialize)]
struct Case {
    theme: String,
    text: String,
    mentions: Option<usize>,
}

#[derive(Deserialize)]
struct Cases {
    case: Vec<Case>,
    absent: Vec<Case>,
}

fn mentions(doc: &Document, theme: &str) -> usize {
    doc.themes
        .iter()
        .find(|t| t.theme == theme)
        .map_or(0, |t| t.mentions)
}

#[test]
fn every_theme_on_its_sentence() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../testdata/themes.toml");
    let cases: Cases = toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut bad = Vec::new();
    for c in &cases.case {
        let doc = code(&c.text);
        let want = c.mentions.unwrap_or(1);
        let got = mentions(&doc, &c.theme);
        if got != want {
            bad.push(format!(
                "{}: {want} expected, {got} found in {:?}",
                c.theme, c.text
            ));
        }
    }
    for c in &cases.absent {
        let got = mentions(&code(&c.text), &c.theme);
        if got != 0 {
            bad.push(format!("{}: found in {:?}", c.theme, c.text));
        }
    }
    assert!(bad.is_empty(), "theme cases:\n{}", bad.join("\n"));
    // Every theme of the taxonomy has a case.
    let tested: BTreeSet<&str> = cases.case.iter().map(|c| c.theme.as_str()).collect();
    let all = tacitus_dict::themes::Themes::builtin().names();
    let missing: Vec<&&str> = all.iter().filter(|t| !tested.contains(**t)).collect();
    assert!(missing.is_empty(), "themes without a case: {missing:?}");
}

#[test]
fn themes_are_sorted_by_mentions() {
    let doc = code("Tariffs, tariffs and more tariffs. The election is near.");
    assert_eq!(doc.themes[0].theme, "TRADE_TARIFFS");
    assert_eq!(doc.themes[0].mentions, 3);
    assert_eq!(doc.themes[1].theme, "ELECTION");
}

#[test]
fn tone_is_percent_of_words() {
    // 10 words: "peace" positive, "rebels" and "killed" negative.
    let doc = code("The peace talks ended after rebels killed two guards there.");
    let tone = doc.tone.clone().unwrap();
    assert_eq!(tone.words, 10);
    assert_eq!(tone.positive, 10.0);
    assert_eq!(tone.negative, 20.0);
    assert_eq!(tone.tone, -10.0);
    assert_eq!(tone.polarity, 30.0);
    let sad = code("Floods killed dozens and destroyed homes; thousands are homeless.");
    assert!(sad.tone.unwrap().tone < -10.0);
    let empty = code("");
    assert_eq!(empty.tone.unwrap().words, 0);
}

fn location<'a>(doc: &'a Document, name: &str) -> Option<&'a tacitus_core::document::Location> {
    doc.locations.iter().find(|l| l.name == name)
}

#[test]
fn countries_cities_and_regions_get_coordinates() {
    let doc = code(
        "Japan and India discussed the Indo-Pacific. Shelling hit Kharkiv and Zaporizhzhia \
         overnight, officials in Kyiv said. Ships crossed the South China Sea.",
    );
    let japan = location(&doc, "Japan").unwrap();
    assert_eq!(
        (japan.country.as_deref(), japan.lat, japan.lon),
        (Some("JPN"), Some(36.0), Some(138.0))
    );
    let ip = location(&doc, "Indo-Pacific").unwrap();
    assert_eq!(ip.country, None);
    assert!(ip.lat.is_some());
    let kharkiv = location(&doc, "Kharkiv").unwrap();
    assert_eq!(kharkiv.country.as_deref(), Some("UKR"));
    assert!((kharkiv.lat.unwrap() - 50.0).abs() < 0.5);
    assert!(location(&doc, "Kyiv").is_some());
    assert!(location(&doc, "South China Sea").is_some());
    // Mentions are the text at their offsets.
    let chars: Vec<char> = doc.text().chars().collect();
    for l in &doc.locations {
        for m in &l.mentions {
            assert_eq!(chars[m.start..m.end].iter().collect::<String>(), m.text);
        }
    }
}

#[test]
fn names_that_are_not_places_are_left_alone() {
    // A person named like a city, a club, an English word, a sentence start.
    for text in [
        "Sydney Smith wrote the report.",
        "Paris Saint-Germain won again.",
        "The phone maker said Mobile sales rose.",
        "Reading the report took hours.",
        "Split decisions are common, she said.",
    ] {
        let doc = code(text);
        assert!(doc.locations.is_empty(), "{text}: {:?}", doc.locations);
    }
    // With a preposition of place the same words are places.
    let doc = code("The talks were held in Nice, not in Mobile.");
    let nice = location(&doc, "Nice").unwrap();
    assert_eq!(nice.country.as_deref(), Some("FRA"));
    assert!(location(&doc, "Mobile").is_some());
}

#[test]
fn shared_names_follow_the_article_countries() {
    let lebanon = code("Lebanon's army deployed troops in Tripoli after clashes.");
    let t = location(&lebanon, "Tripoli").unwrap();
    assert_eq!(t.country.as_deref(), Some("LBN"));
    let libya = code("Fighting broke out in Tripoli, the capital, overnight.");
    assert_eq!(
        location(&libya, "Tripoli").unwrap().country.as_deref(),
        Some("LBY")
    );
}

#[test]
fn events_happen_where_the_text_says() {
    let doc = code("Prime Minister Shigeru Ishiba will visit the United States in February.");
    let visit = doc
        .events
        .iter()
        .find(|e| e.code.starts_with("042"))
        .expect("a visit");
    let place = visit.location.as_ref().expect("the visit has a place");
    assert_eq!(place.name, "United States");
    assert_eq!((place.lat, place.lon), (Some(39.8), Some(-98.6)));

    let doc = code("Ukraine accused Russia of shelling Kharkiv. Police arrested a man in Lyon.");
    for e in &doc.events {
        if let Some(p) = &e.location {
            assert!(
                doc.slice(tacitus_core::Span::new(e.evidence.start, e.evidence.end))
                    .len()
                    + 200
                    > 0,
                "{p:?}"
            );
        }
    }
    // No place words, no location.
    let doc = code("Japan criticized China.");
    assert!(doc.events.iter().all(|e| e.location.is_none()));
}
