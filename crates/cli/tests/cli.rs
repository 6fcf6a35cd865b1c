//! End-to-end tests of the `tacitus` binary: options, exit codes, batches
//! with bad inputs, and the seed article of `../shared` when it is present.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn tacitus() -> Command {
    Command::new(env!("CARGO_BIN_EXE_tacitus"))
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn run(args: &[&str]) -> Output {
    tacitus().args(args).output().expect("tacitus runs")
}

fn run_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = tacitus()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("tacitus runs");
    child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(input)
        .expect("stdin takes the input");
    child.wait_with_output().expect("tacitus ends")
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tacitus-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

#[test]
fn sample_article_codes_to_one_pretty_document() {
    let sample = repo().join("examples/sample-article.txt");
    let out = run(&["code", sample.to_str().unwrap()]);
    assert!(out.status.success(), "stderr: {}", stderr(&out));
    let doc: Value = serde_json::from_str(&stdout(&out)).expect("one JSON document");
    assert_eq!(doc["schema"], "tacitus/1");
    assert_eq!(doc["article"]["published"], "2026-03-04");
    assert_eq!(doc["article"]["section"], "World News");
    assert_eq!(
        doc["article"]["title"],
        "Canada And Mexico Open Talks On Shared Water Rights"
    );
    let text = doc["article"]["text"].as_str().unwrap();
    assert!(text.starts_with("Canada and Mexico opened two days of talks"));
    assert_eq!(doc["article"]["id"].as_str().unwrap().len(), 16);
    assert!(doc["sentences"].as_array().unwrap().len() >= 6);
    // Pretty JSON spans many lines.
    assert!(stdout(&out).lines().count() > 20);
}

#[test]
fn stdin_is_read_when_no_file_is_given() {
    let out = run_stdin(
        &["code", "--date", "2024-05-02"],
        b"Kenya and Uganda signed a pact.",
    );
    assert!(out.status.success(), "stderr: {}", stderr(&out));
    let doc: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(doc["article"]["published"], "2024-05-02");
    assert_eq!(doc["article"]["text"], "Kenya and Uganda signed a pact.");
    assert_eq!(doc["article"]["source"], Value::Null);
}

#[test]
fn a_bad_input_is_named_and_the_batch_goes_on() {
    let dir = temp_dir("batch");
    std::fs::write(
        dir.join("a.txt"),
        "Peru recalled its ambassador. Chile objected.",
    )
    .unwrap();
    std::fs::write(dir.join("b.bin"), b"\x00\x01\x02binary").unwrap();
    std::fs::write(dir.join("c.txt"), "   \n\n  ").unwrap();
    std::fs::write(dir.join("d.txt"), "Ghana hosted the summit.").unwrap();
    let out = run(&["code", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "stderr: {}", stderr(&out));
    let lines: Vec<Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("jsonl line"))
        .collect();
    assert_eq!(
        lines.len(),
        2,
        "a folder gives jsonl, one line per good article"
    );
    assert!(
        lines[0]["article"]["source"]
            .as_str()
            .unwrap()
            .ends_with("a.txt")
    );
    assert!(
        lines[1]["article"]["source"]
            .as_str()
            .unwrap()
            .ends_with("d.txt")
    );
    let err = stderr(&out);
    let errs: Vec<&str> = err.lines().collect();
    assert_eq!(errs.len(), 2, "one line per rejected input: {err}");
    assert!(
        errs[0].contains("b.bin") && errs[0].contains("binary"),
        "{err}"
    );
    assert!(
        errs[1].contains("c.txt") && errs[1].contains("empty"),
        "{err}"
    );
}

#[test]
fn a_missing_file_is_rejected_with_its_name() {
    let out = run(&["code", "no/such/article.txt"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out).trim(),
        "tacitus: no/such/article.txt: cannot open: no such file"
    );
}

#[test]
fn jsonl_input_goes_on_past_a_bad_line() {
    let input = b"{\"text\": \"Oman mediated.\", \"id\": \"a1\"}\nnot json\n{\"text\": \"Qatar hosted talks.\", \"id\": \"a3\"}\n";
    let out = run_stdin(&["code", "--input-format", "jsonl"], input);
    assert_eq!(out.status.code(), Some(1));
    let sources: Vec<String> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap()["article"]["source"].to_string())
        .collect();
    assert_eq!(sources, ["\"a1\"", "\"a3\""]);
    assert!(stderr(&out).contains("<stdin>:2"), "{}", stderr(&out));
}

#[test]
fn explicit_json_with_several_articles_is_an_array() {
    let dir = temp_dir("array");
    std::fs::write(dir.join("a.txt"), "Peru recalled its ambassador.").unwrap();
    std::fs::write(dir.join("b.txt"), "Chile objected.").unwrap();
    let out = run(&["code", "--format", "json", dir.to_str().unwrap()]);
    assert!(out.status.success());
    let docs: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(docs.as_array().map(Vec::len), Some(2));
}

#[test]
fn stages_not_yet_built_fail_clearly() {
    for args in [vec!["serve"], vec!["events", "--actor", "JPN"]] {
        let out = run(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            stderr(&out).contains("not yet available"),
            "{args:?}: {}",
            stderr(&out)
        );
        assert!(out.stdout.is_empty(), "{args:?} prints nothing on stdout");
    }
}

#[test]
fn gdelt_format_prints_61_columns_per_event() {
    let sample = repo().join("examples/sample-article.txt");
    let out = run(&["code", "--format", "gdelt", sample.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.lines().count() >= 1, "{text}");
    for line in text.lines() {
        assert_eq!(line.split('\t').count(), 61, "{line}");
    }
    assert!(text.contains("\t042\t042\t04\t1\t1.9\t"), "{text}");
}

#[test]
fn user_actor_dictionaries_load_and_win() {
    let dir = temp_dir("actors-user");
    let people = dir.join("people-mine.tsv");
    std::fs::write(
        &people,
        "# name\taliases\tcountry\tactor\ttitle\tfrom\tto\n\
         Jane Quill\tQuill\tGBR\tGBRGOV\tFinance Minister\t2020-01-01\t-\n",
    )
    .unwrap();
    let out = run_stdin(
        &[
            "code",
            "--date",
            "2025-01-13",
            "--actors",
            people.to_str().unwrap(),
        ],
        b"Jane Quill spoke in London. Quill said talks would go on.",
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let doc: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let quill = doc["entities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == "Jane Quill")
        .expect("the user's person is found");
    assert_eq!(quill["actor"], "GBRGOV");
    assert_eq!(quill["mentions"].as_array().unwrap().len(), 2);
}

#[test]
fn a_bad_actor_dictionary_is_a_usage_error_naming_file_and_line() {
    let dir = temp_dir("actors-bad");
    let bad = dir.join("countries-bad.tsv");
    std::fs::write(
        &bad,
        "# code\tname\taliases\tadjectives\tcapitals\nXQ\tNowhere\t-\t-\t-\n",
    )
    .unwrap();
    let sample = repo().join("examples/sample-article.txt");
    let out = run(&[
        "code",
        "--actors",
        bad.to_str().unwrap(),
        sample.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("countries-bad.tsv:2: field code"), "{err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn user_verb_patterns_load_and_win() {
    let dir = temp_dir("verbs-user");
    let verbs = dir.join("verbs-mine.tsv");
    // A user's reading of "stonewall": a rejection (120) rather than nothing.
    std::fs::write(
        &verbs,
        "# code\tpattern\texample\n120\tSOURCE stonewall TARGET\tChile stonewalled Peru.\n",
    )
    .unwrap();
    let input = b"Chile stonewalled Peru on Monday.";
    let out = run_stdin(&["code", "--date", "2025-01-15"], input);
    let doc: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(
        doc["events"].as_array().unwrap().len(),
        0,
        "no built-in pattern for stonewall"
    );
    let out = run_stdin(
        &[
            "code",
            "--date",
            "2025-01-15",
            "--verbs",
            verbs.to_str().unwrap(),
        ],
        input,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let doc: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let events = doc["events"].as_array().unwrap();
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(events[0]["code"], "120");
    assert_eq!(events[0]["source"]["actor"], "CHL");
    assert_eq!(events[0]["target"]["actor"], "PER");
    assert_eq!(events[0]["date"], "2025-01-13");
    assert!(
        events[0]["rule"]
            .as_str()
            .unwrap()
            .contains("verbs-mine.tsv:2")
    );

    let bad = dir.join("verbs-bad.tsv");
    std::fs::write(&bad, "120\tstonewall\tx\n").unwrap();
    let out = run_stdin(&["code", "--verbs", bad.to_str().unwrap()], input);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("verbs-bad.tsv:1: field pattern"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn usage_errors_exit_2() {
    let out = run(&["code", "--date", "2025-02-30", "x.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("expected a date as YYYY-MM-DD"),
        "{}",
        stderr(&out)
    );
    let out = run(&["code", "--format", "xml"]);
    assert_eq!(out.status.code(), Some(2));
    let out = run(&["code", "--only", "tone", "x.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out)
            .starts_with("tacitus: --only: unknown stage \"tone\"; the stages are: segment"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn help_has_examples() {
    let out = run(&["code", "--help"]);
    assert!(out.status.success());
    let help = stdout(&out);
    assert!(help.contains("Examples:"));
    assert!(help.contains("--input-format"));
    assert!(help.contains("Exit status"));
}

/// The canonical article of `../shared/examples/seed`, when present.
#[test]
fn seed_article_metadata_and_body() {
    let seed = repo().join("../shared/examples/seed/article.txt");
    if !seed.exists() {
        eprintln!("skipped: {} is absent", seed.display());
        return;
    }
    let out = run(&["code", "--format", "json", seed.to_str().unwrap()]);
    assert!(out.status.success(), "stderr: {}", stderr(&out));
    let doc: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(doc["schema"], "tacitus/1");
    let article = &doc["article"];
    assert_eq!(article["published"], "2025-01-13");
    assert_eq!(article["section"], "World News");
    assert_eq!(
        article["title"],
        "Japan Prepares For Diplomatic Talks With Trump Administration"
    );
    assert!(
        article["subtitle"]
            .as_str()
            .unwrap()
            .starts_with("Prime Minister Ishiba's visit aims")
    );
    assert!(
        article["text"]
            .as_str()
            .unwrap()
            .starts_with("Japan is taking proactive steps")
    );

    // The project's scorer agrees, when python3 is here.
    let scorer = repo().join("../shared/tools/score.py");
    let gold = repo().join("../shared/examples/seed/gold.json");
    let out_file = temp_dir("seed").join("seed.json");
    std::fs::write(&out_file, &out.stdout).unwrap();
    let Ok(score) = Command::new("python3")
        .arg(&scorer)
        .arg("--gold")
        .arg(&gold)
        .arg("--output")
        .arg(&out_file)
        .args(["--min-event-recall", "0.9", "--min-event-precision", "0.8"])
        .args(["--min-quotes", "1.0", "--min-timexes", "1.0"])
        .output()
    else {
        eprintln!("skipped score.py: python3 is absent");
        return;
    };
    let summary = String::from_utf8_lossy(&score.stdout);
    assert!(summary.contains("article=1.00"), "score.py: {summary}");
    assert!(score.status.success(), "score.py thresholds: {summary}");
}

#[test]
fn an_input_over_20_mb_is_rejected_by_its_size() {
    let dir = temp_dir("large");
    let big = dir.join("big.txt");
    let file = std::fs::File::create(&big).unwrap();
    file.set_len(20_000_001).unwrap();
    std::fs::write(dir.join("small.txt"), "Fiji joined the pact.").unwrap();
    let out = run(&[
        "code",
        big.to_str().unwrap(),
        dir.join("small.txt").to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("big.txt: 20000001 bytes is over the 20 MB limit"),
        "{}",
        stderr(&out)
    );
    let doc: Value = serde_json::from_str(stdout(&out).lines().next().unwrap()).unwrap();
    assert_eq!(doc["article"]["text"], "Fiji joined the pact.");
}

#[test]
fn timeml_in_and_out_keeps_the_dct_and_tags_timexes() {
    let tml = r#"<?xml version="1.0" ?>
<TimeML>
<DOCID>wire_0042</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-02-27" temporalFunction="false" functionInDocument="CREATION_TIME">February 27, 1998</TIMEX3></DCT>
<TEXT>
The ministers will meet again next Friday &amp; report in mid-March.
</TEXT>
</TimeML>
"#;
    let dir = temp_dir("timeml");
    let input = dir.join("wire_0042.tml");
    std::fs::write(&input, tml).unwrap();
    let out = run(&[
        "code",
        "--only",
        "time",
        "--format",
        "timeml",
        input.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "stderr: {}", stderr(&out));
    let got = stdout(&out);
    assert!(got.contains("<DOCID>wire_0042</DOCID>"), "{got}");
    assert!(
        got.contains(
            r#"value="1998-02-27" temporalFunction="false" functionInDocument="CREATION_TIME""#
        ),
        "{got}"
    );
    assert!(
        got.contains(r#"type="DATE" value="1998-03-06">next Friday</TIMEX3> &amp; report"#),
        "{got}"
    );
    assert!(
        got.contains(r#"value="1998-03" mod="MID">mid-March</TIMEX3>"#),
        "{got}"
    );

    // One file per article in a folder, for the TempEval-3 scorers.
    let outdir = dir.join("out");
    let out = run(&[
        "code",
        "--format",
        "timeml",
        "--output-dir",
        outdir.to_str().unwrap(),
        input.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "stderr: {}", stderr(&out));
    assert!(out.stdout.is_empty());
    let written = std::fs::read_to_string(outdir.join("wire_0042.tml")).unwrap();
    assert_eq!(
        written, got,
        "--only time gives the same timexes as the full pipeline"
    );
}

#[test]
fn timeml_output_without_a_date_names_the_input() {
    let out = run_stdin(&["code", "--format", "timeml"], b"They met on Friday.");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("<stdin>: TimeML output needs a publication date"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn only_time_fills_timexes_and_nothing_else() {
    let out = run_stdin(
        &["code", "--only", "time", "--date", "2025-01-13"],
        b"The summit is set for January 21. Leaders will arrive on Tuesday.",
    );
    assert!(out.status.success(), "stderr: {}", stderr(&out));
    let doc: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(doc["sentences"].as_array().unwrap().len(), 0);
    let values: Vec<&str> = doc["timexes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["value"].as_str().unwrap())
        .collect();
    assert_eq!(values, ["2025-01-21", "2025-01-14"]);
}

/// Our event fixtures (testdata/events: articles we wrote, with gold in the
/// seed's format) scored by the project's score.py: micro recall and
/// precision over every article must stay at or above these floors.
#[test]
fn event_fixtures_score_above_the_floor() {
    let dir = repo().join("testdata/events");
    let check = Command::new("python3")
        .arg(dir.join("check_gold.py"))
        .current_dir(&dir)
        .output();
    let Ok(check) = check else {
        eprintln!("skipped the event fixtures: python3 is absent");
        return;
    };
    assert!(
        check.status.success(),
        "check_gold.py: {}",
        String::from_utf8_lossy(&check.stdout)
    );
    let scorer = repo().join("../shared/tools/score.py");
    if !scorer.exists() {
        eprintln!(
            "skipped scoring the event fixtures: {} is absent",
            scorer.display()
        );
        return;
    }
    let out = Command::new("python3")
        .arg(dir.join("score_all.py"))
        .args(["--tacitus", env!("CARGO_BIN_EXE_tacitus")])
        .arg("--dir")
        .arg(&dir)
        .arg("--score-py")
        .arg(&scorer)
        .args(["--min-recall", "0.40", "--min-precision", "0.90"])
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&out.stdout);
    let summary = report.lines().last().unwrap_or_default();
    eprintln!("event fixtures: {summary}");
    assert!(out.status.success(), "score_all.py: {report}");
}
