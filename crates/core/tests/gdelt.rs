//! `--format gdelt`: rows read back with GDELT 2.0's column names, types and
//! values checked, on our fixtures and (when present) the seed article.

use std::collections::HashMap;

use tacitus_core::ingest::{self, IngestOptions};
use tacitus_core::{Document, Pipeline, gdelt};

/// GDELT 2.0 Events columns, as the codebook lists them (written out here,
/// not taken from the crate, so the order itself is tested).
const NAMES: &str = "GlobalEventID Day MonthYear Year FractionDate Actor1Code Actor1Name \
    Actor1CountryCode Actor1KnownGroupCode Actor1EthnicCode Actor1Religion1Code \
    Actor1Religion2Code Actor1Type1Code Actor1Type2Code Actor1Type3Code Actor2Code Actor2Name \
    Actor2CountryCode Actor2KnownGroupCode Actor2EthnicCode Actor2Religion1Code \
    Actor2Religion2Code Actor2Type1Code Actor2Type2Code Actor2Type3Code IsRootEvent EventCode \
    EventBaseCode EventRootCode QuadClass GoldsteinScale NumMentions NumSources NumArticles \
    AvgTone Actor1Geo_Type Actor1Geo_FullName Actor1Geo_CountryCode Actor1Geo_ADM1Code \
    Actor1Geo_ADM2Code Actor1Geo_Lat Actor1Geo_Long Actor1Geo_FeatureID Actor2Geo_Type \
    Actor2Geo_FullName Actor2Geo_CountryCode Actor2Geo_ADM1Code Actor2Geo_ADM2Code \
    Actor2Geo_Lat Actor2Geo_Long Actor2Geo_FeatureID ActionGeo_Type ActionGeo_FullName \
    ActionGeo_CountryCode ActionGeo_ADM1Code ActionGeo_ADM2Code ActionGeo_Lat ActionGeo_Long \
    ActionGeo_FeatureID DATEADDED SOURCEURL";

const INTS: &[&str] = &[
    "GlobalEventID",
    "Day",
    "MonthYear",
    "Year",
    "IsRootEvent",
    "QuadClass",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "Actor1Geo_Type",
    "Actor2Geo_Type",
    "ActionGeo_Type",
    "DATEADDED",
];
const FLOATS: &[&str] = &[
    "FractionDate",
    "GoldsteinScale",
    "AvgTone",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "ActionGeo_Lat",
    "ActionGeo_Long",
];

fn coded(path: &std::path::Path) -> Vec<Document> {
    let bytes = std::fs::read(path).unwrap();
    let name = path.display().to_string();
    let ingested = ingest::ingest(&bytes, &name, &IngestOptions::default()).unwrap();
    ingested
        .articles
        .into_iter()
        .map(|a| Pipeline::standard().run(a.unwrap()).unwrap())
        .collect()
}

/// Reads the TSV back as records keyed by GDELT's names and checks every
/// field's type; returns the records.
fn read_back(doc: &Document) -> Vec<HashMap<&'static str, String>> {
    let names: Vec<&'static str> = NAMES.split_whitespace().collect();
    assert_eq!(names.len(), 61);
    assert_eq!(gdelt::COLUMNS.to_vec(), names, "the crate's column order");
    let mut out = Vec::new();
    gdelt::write(&mut out, doc).unwrap();
    let text = String::from_utf8(out).unwrap();
    let mut records = Vec::new();
    for line in text.lines() {
        let fields: Vec<&str> = line.split('\t').collect();
        assert_eq!(fields.len(), 61, "{line}");
        let rec: HashMap<&'static str, String> = names
            .iter()
            .zip(&fields)
            .map(|(n, f)| (*n, f.to_string()))
            .collect();
        for (n, v) in &rec {
            if v.is_empty() {
                continue;
            }
            if INTS.contains(n) {
                assert!(v.parse::<i64>().is_ok(), "{n} = {v:?} is not an integer");
            }
            if FLOATS.contains(n) {
                assert!(v.parse::<f64>().is_ok(), "{n} = {v:?} is not a number");
            }
        }
        // Values every row has, with GDELT's shapes.
        assert_eq!(rec["Day"].len(), 8);
        assert_eq!(rec["MonthYear"], rec["Day"][..6]);
        assert_eq!(rec["Year"], rec["Day"][..4]);
        let year: f64 = rec["Year"].parse().unwrap();
        let frac: f64 = rec["FractionDate"].parse().unwrap();
        assert!((year..year + 1.1).contains(&frac));
        assert!(rec["EventCode"].starts_with(&rec["EventBaseCode"]));
        assert!(rec["EventBaseCode"].starts_with(&rec["EventRootCode"]));
        assert!(["1", "2", "3", "4"].contains(&rec["QuadClass"].as_str()));
        assert!(["0", "1"].contains(&rec["IsRootEvent"].as_str()));
        let g: f64 = rec["GoldsteinScale"].parse().unwrap();
        assert!((-10.0..=10.0).contains(&g));
        assert!(rec["NumMentions"].parse::<u32>().unwrap() >= 1);
        assert_eq!(
            (rec["NumSources"].as_str(), rec["NumArticles"].as_str()),
            ("1", "1")
        );
        for geo in ["Actor1Geo", "Actor2Geo", "ActionGeo"] {
            let cc = &rec[format!("{geo}_CountryCode").as_str()];
            assert!(cc.is_empty() || cc.len() == 2, "{geo}: FIPS {cc}");
            let lat = &rec[format!("{geo}_Lat").as_str()];
            if let Ok(lat) = lat.parse::<f64>() {
                assert!((-90.0..=90.0).contains(&lat));
            }
        }
        for actor in ["Actor1", "Actor2"] {
            let code = &rec[format!("{actor}Code").as_str()];
            let cc = &rec[format!("{actor}CountryCode").as_str()];
            assert!(cc.is_empty() || code.starts_with(cc.as_str()));
        }
        records.push(rec);
    }
    records
}

fn repo(path: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(path)
}

#[test]
fn fixture_rows_read_back_with_gdelt_names() {
    let docs = coded(&repo("testdata/articles/gkg-summit.txt"));
    let doc = &docs[0];
    let rows = read_back(doc);
    assert!(!rows.is_empty(), "the fixture has events");
    // A visit to Surabaya: the place visited, a city of Indonesia.
    let visit = rows
        .iter()
        .find(|r| r["EventRootCode"] == "04" && r["ActionGeo_FullName"].starts_with("Surabaya"));
    let v = visit.expect("the visit to Surabaya");
    assert_eq!(v["ActionGeo_Type"], "4");
    assert_eq!(v["ActionGeo_CountryCode"], "ID");
    assert_eq!(v["Actor1Code"], "VNMGOV");
    // "in Beijing": the criticism happened in China's capital.
    let blame = rows
        .iter()
        .find(|r| r["EventCode"] == "111")
        .expect("China criticized the Philippines");
    assert_eq!(blame["ActionGeo_FullName"], "Beijing, China");
    assert_eq!(blame["ActionGeo_CountryCode"], "CH");
    assert_eq!(blame["Actor2CountryCode"], "PHL");
    for r in &rows {
        assert_eq!(
            r["SOURCEURL"],
            repo("testdata/articles/gkg-summit.txt")
                .display()
                .to_string()
        );
        assert_eq!(r["AvgTone"], format!("{}", doc.tone.as_ref().unwrap().tone));
    }
}

#[test]
fn sample_article_rows() {
    let docs = coded(&repo("examples/sample-article.txt"));
    let rows = read_back(&docs[0]);
    let visit = rows
        .iter()
        .find(|r| r["EventCode"] == "042")
        .expect("Paul Hart's visit");
    assert_eq!(visit["Actor1Code"], "CANGOVENV");
    assert_eq!(
        (
            visit["Actor1CountryCode"].as_str(),
            visit["Actor1Type1Code"].as_str(),
            visit["Actor1Type2Code"].as_str()
        ),
        ("CAN", "GOV", "ENV")
    );
    assert_eq!(visit["Actor1Name"], "PAUL HART");
    assert_eq!(visit["ActionGeo_FullName"], "Monterrey, Mexico");
    assert_eq!(visit["ActionGeo_CountryCode"], "MX");
    assert_eq!(visit["ActionGeo_FeatureID"], "3995465");
    assert_eq!(visit["DATEADDED"], "20260304000000");
    // "next week" from Wednesday 4 March 2026: the ISO week starting Monday 9 March.
    assert_eq!(visit["Day"], "20260309");
    assert_eq!(visit["FractionDate"], "2026.2712");
}

#[test]
fn seed_article_rows() {
    let path = repo("../shared/examples/seed/article.txt");
    if !path.exists() {
        eprintln!("skipped: {} is absent", path.display());
        return;
    }
    let docs = coded(&path);
    let rows = read_back(&docs[0]);
    let visit = rows
        .iter()
        .find(|r| r["EventCode"] == "042" && r["Actor2Code"] == "USA")
        .expect("Ishiba's visit to the United States");
    assert_eq!(visit["Actor1Code"], "JPNGOV");
    assert_eq!(visit["Actor1CountryCode"], "JPN");
    assert_eq!(visit["MonthYear"], "202502");
    assert_eq!(visit["ActionGeo_Type"], "1");
    assert_eq!(visit["ActionGeo_CountryCode"], "US");
    assert_eq!(visit["ActionGeo_Lat"], "39.8");
    assert_eq!(visit["DATEADDED"], "20250113000000");
    // The Quad's meeting: one row per pair of members.
    let pairs = rows.iter().filter(|r| r["EventRootCode"] == "04").count();
    assert!(pairs >= 4, "{pairs}");
}

#[test]
fn ids_are_stable_and_distinct() {
    let a = coded(&repo("examples/sample-article.txt"));
    let b = coded(&repo("examples/sample-article.txt"));
    let ids = |d: &Document| -> Vec<u64> {
        d.events
            .iter()
            .map(|e| gdelt::global_event_id(d, e))
            .collect()
    };
    assert_eq!(ids(&a[0]), ids(&b[0]));
    let mut sorted = ids(&a[0]);
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(sorted.len(), a[0].events.len());
    assert!(sorted.iter().all(|&id| id < 1 << 52));
}
