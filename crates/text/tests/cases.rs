//! Runs `testdata/sentences.toml`: every case must split as expected.

use std::path::PathBuf;

use serde::Deserialize;
use tacitus_text::Segmenter;

#[derive(Deserialize)]
struct CaseFile {
    case: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    text: String,
    expect: Vec<String>,
}

fn case_file() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../testdata/sentences.toml")
}

fn load() -> Vec<Case> {
    let path = case_file();
    let src = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let file: CaseFile =
        toml::from_str(&src).unwrap_or_else(|e| panic!("cannot parse {}: {e}", path.display()));
    file.case
}

#[test]
fn case_file_is_well_formed() {
    let cases = load();
    assert!(cases.len() >= 100, "only {} cases", cases.len());
    let mut names: Vec<&str> = cases.iter().map(|c| c.name.as_str()).collect();
    names.sort_unstable();
    let before = names.len();
    names.dedup();
    assert_eq!(before, names.len(), "duplicate case names");
    for c in &cases {
        for s in &c.expect {
            assert_eq!(s.trim(), s, "{}: expected sentence not trimmed", c.name);
            assert!(!s.is_empty(), "{}: empty expected sentence", c.name);
        }
    }
}

#[test]
fn sentence_cases() {
    let seg = Segmenter::new();
    let cases = load();
    let mut failures = Vec::new();
    for c in &cases {
        let got: Vec<&str> = seg.split(&c.text).into_iter().map(|r| &c.text[r]).collect();
        if got != c.expect {
            failures.push(format!(
                "{}:\n    text:   {:?}\n    got:    {:?}\n    expect: {:?}",
                c.name, c.text, got, c.expect
            ));
        }
    }
    let passed = cases.len() - failures.len();
    println!("sentence cases: {passed}/{} passed", cases.len());
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}
