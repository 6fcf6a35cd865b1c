//! Ingest tests: every input format of SPEC §1 over the fixtures in
//! `testdata/ingest/` (case tables `text.toml` and `html.toml`), bad inputs,
//! format detection, the seed article and the development corpus when
//! `../shared` is present, and a no-panic property over arbitrary bytes.

use std::fs;
use std::path::{Path, PathBuf};

use proptest::prelude::*;
use serde::Deserialize;
use tacitus_core::Article;
use tacitus_core::ingest::{
    IngestErrorKind, IngestOptions, InputFormat, MAX_INPUT_BYTES, detect_format, ingest,
};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn fixtures() -> PathBuf {
    repo().join("testdata/ingest")
}

/// `../shared` next to the repository, when this checkout has it.
fn shared() -> Option<PathBuf> {
    let dir = repo().join("../shared");
    dir.is_dir().then_some(dir)
}

fn opts(format: InputFormat) -> IngestOptions {
    IngestOptions {
        format,
        ..Default::default()
    }
}

/// The one article of a single-document input.
fn one(bytes: &[u8], name: &str, format: InputFormat) -> Article {
    let out = ingest(bytes, name, &opts(format)).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert_eq!(out.articles.len(), 1, "{name}");
    out.articles.into_iter().next().unwrap().unwrap()
}

#[derive(Debug, Deserialize)]
struct Cases {
    case: Vec<Case>,
}

#[derive(Debug, Deserialize)]
struct Case {
    name: String,
    file: Option<String>,
    text: Option<String>,
    title: Option<String>,
    subtitle: Option<String>,
    section: Option<String>,
    published: Option<String>,
    body_start: Option<String>,
    body_end: Option<String>,
    #[serde(default)]
    absent: Vec<String>,
}

fn cases(table: &str) -> Vec<Case> {
    let path = fixtures().join(table);
    let raw = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    toml::from_str::<Cases>(&raw).unwrap().case
}

fn check(case: &Case, a: &Article, how: &str) {
    let name = format!("{} ({how})", case.name);
    assert_eq!(a.title, case.title, "title: {name}");
    assert_eq!(a.subtitle, case.subtitle, "subtitle: {name}");
    assert_eq!(a.section, case.section, "section: {name}");
    assert_eq!(
        a.published.map(|d| d.to_string()),
        case.published,
        "published: {name}"
    );
    if let Some(start) = &case.body_start {
        assert!(
            a.text.starts_with(start.as_str()),
            "body start: {name}: {:?}",
            a.text
        );
    }
    if let Some(end) = &case.body_end {
        assert!(
            a.text.ends_with(end.as_str()),
            "body end: {name}: {:?}",
            a.text
        );
    }
    for phrase in &case.absent {
        assert!(
            !a.text.contains(phrase.as_str()),
            "{phrase:?} in the body: {name}: {:?}",
            a.text
        );
    }
}

#[test]
fn text_layouts() {
    for case in cases("text.toml") {
        let raw = match (&case.file, &case.text) {
            (Some(f), _) => fs::read_to_string(fixtures().join("text").join(f)).unwrap(),
            (None, Some(t)) => t.clone(),
            (None, None) => panic!("{}: no file or text", case.name),
        };
        let name = case
            .file
            .clone()
            .unwrap_or_else(|| "inline.txt".to_string());
        check(&case, &one(raw.as_bytes(), &name, InputFormat::Text), "LF");
        // Windows line endings change nothing but the line ends in the body.
        let crlf = raw.replace('\n', "\r\n");
        check(
            &case,
            &one(crlf.as_bytes(), &name, InputFormat::Auto),
            "CRLF",
        );
    }
}

#[test]
fn text_source_is_the_input_name() {
    let a = one(b"Talks resumed.", "notes/a.txt", InputFormat::Auto);
    assert_eq!(a.source.as_deref(), Some("notes/a.txt"));
    let a = one(b"Talks resumed.", "<stdin>", InputFormat::Auto);
    assert_eq!(a.source, None);
}

#[test]
fn date_option_overrides_the_article() {
    let raw = fs::read(fixtures().join("text/seed-like.txt")).unwrap();
    let date = "2030-05-06".parse().unwrap();
    let opts = IngestOptions {
        format: InputFormat::Auto,
        date: Some(date),
    };
    let out = ingest(&raw, "seed-like.txt", &opts).unwrap();
    let a = out.articles[0].as_ref().unwrap();
    assert_eq!(a.published, Some(date));
}

#[test]
fn html_pages() {
    for case in cases("html.toml") {
        let file = case.file.clone().expect("html cases name a file");
        let raw = fs::read(fixtures().join("html").join(&file)).unwrap();
        let a = one(&raw, &file, InputFormat::Auto);
        check(&case, &a, "html");
        assert_eq!(a.subtitle, None);
        assert!(
            !a.text.contains("  ") && !a.text.contains("\n\n\n"),
            "{file}: {:?}",
            a.text
        );
    }
}

#[test]
fn html_without_content_is_empty() {
    let err = ingest(
        b"<html><head><title>x</title></head><body><nav>Home</nav></body></html>",
        "a.html",
        &opts(InputFormat::Auto),
    )
    .unwrap_err();
    assert_eq!(err.kind, IngestErrorKind::Empty);
    assert_eq!(err.to_string(), "a.html: empty article body");
}

#[test]
fn timeml_documents() {
    let path = fixtures().join("timeml/wire-1998.tml");
    let a = one(
        &fs::read(&path).unwrap(),
        "wire-1998.tml",
        InputFormat::Auto,
    );
    assert_eq!(
        a.published.map(|d| d.to_string()).as_deref(),
        Some("1998-02-27")
    );
    assert_eq!(
        a.title.as_deref(),
        Some("Harbour strike ends after five days")
    );
    assert_eq!(a.source.as_deref(), Some("wire-1998.tml"));
    assert!(a.text.starts_with(
        "\nDock workers in Lisbon returned to work Thursday after a strike that lasted five days.\n"
    ));
    assert!(a.text.contains("The union & the port authority agreed to resume talks \"within a week\", a spokesman said.\n"));
    assert!(!a.text.contains('<'));
    // Offsets into TEXT: "Thursday" is where a TimeML consumer counts it.
    let start = a.text.find("Thursday").unwrap();
    assert_eq!(a.text[..start].chars().count(), 41);

    // On stdin the DOCID names the document; a compact DCT value is read.
    let raw = fs::read(fixtures().join("timeml/compact-dct.tml")).unwrap();
    let a = one(&raw, "<stdin>", InputFormat::Timeml);
    assert_eq!(a.source.as_deref(), Some("TAC19991104.0002"));
    assert_eq!(
        a.published.map(|d| d.to_string()).as_deref(),
        Some("1999-11-04")
    );
    assert_eq!(
        a.text,
        "Officials said the bridge would reopen next Monday."
    );
    assert_eq!(a.title, None);

    let raw = fs::read(fixtures().join("timeml/malformed.tml")).unwrap();
    let err = ingest(&raw, "malformed.tml", &opts(InputFormat::Auto)).unwrap_err();
    let msg = err.to_string();
    assert!(msg.starts_with("malformed.tml: malformed timeml"), "{msg}");
    assert!(!msg.contains('\n'), "{msg}");
}

#[test]
fn jsonl_lines() {
    let raw = fs::read(fixtures().join("jsonl/mixed.jsonl")).unwrap();
    let out = ingest(&raw, "mixed.jsonl", &opts(InputFormat::Auto)).unwrap();
    // The blank line gives nothing; every other line gives a result in order.
    assert_eq!(out.articles.len(), 6);
    let a1 = out.articles[0].as_ref().unwrap();
    assert_eq!(a1.source.as_deref(), Some("doc-1"));
    assert_eq!(a1.title.as_deref(), Some("Port strike ends"));
    assert_eq!(
        a1.published.map(|d| d.to_string()).as_deref(),
        Some("2025-01-13")
    );
    assert_eq!(a1.text, "Dock workers returned to work on Monday.");

    let e2 = out.articles[1].as_ref().unwrap_err();
    assert_eq!(e2.input, "mixed.jsonl:2");
    assert!(
        e2.to_string()
            .starts_with("mixed.jsonl:2: line is not valid JSON"),
        "{e2}"
    );

    let a3 = out.articles[2].as_ref().unwrap();
    assert_eq!(a3.source.as_deref(), Some("https://news.example/3"));
    assert_eq!(a3.text, "  Talks resumed.\n\nBoth sides were hopeful.  ");
    assert_eq!(
        a3.published.map(|d| d.to_string()).as_deref(),
        Some("2025-01-13")
    );

    let e5 = out.articles[3].as_ref().unwrap_err();
    assert_eq!(
        e5.to_string(),
        "mixed.jsonl:5: field \"date\": expected YYYY-MM-DD, found \"13/01/2025\""
    );
    let e6 = out.articles[4].as_ref().unwrap_err();
    assert_eq!(
        (e6.input.as_str(), &e6.kind),
        ("mixed.jsonl:6", &IngestErrorKind::Empty)
    );

    let a7 = out.articles[5].as_ref().unwrap();
    assert_eq!(a7.source.as_deref(), Some("https://news.example/6"));
    assert_eq!((a7.title.as_deref(), a7.published), (None, None));
    for r in &out.articles {
        if let Err(e) = r {
            assert!(!e.to_string().contains('\n'), "{e}");
        }
    }
}

#[test]
fn a_jsonl_file_of_no_article_is_one_error() {
    // A manifest: records without "text". One error names the file.
    let raw =
        b"{\"id\": \"a\", \"words\": 120}\n{\"id\": \"b\", \"words\": 80}\n\n{\"id\": \"c\"}\n";
    let e = ingest(raw, "manifest.jsonl", &opts(InputFormat::Auto)).unwrap_err();
    assert_eq!(
        e.to_string(),
        "manifest.jsonl: no line is an article: missing field \"text\" on all 3 lines"
    );
    // Lines failing in different ways keep their own errors.
    let raw = b"{\"id\": \"a\"}\n{\n";
    let out = ingest(raw, "two.jsonl", &opts(InputFormat::Auto)).unwrap();
    assert_eq!(out.articles.len(), 2);
}

#[test]
fn bad_inputs() {
    let o = opts(InputFormat::Auto);
    let err = ingest(b"PK\x03\x04\0\0binary", "a.zip", &o).unwrap_err();
    assert_eq!(err.kind, IngestErrorKind::Binary);
    assert_eq!(
        err.to_string(),
        "a.zip: binary data (NUL bytes), expected text"
    );

    for empty in [&b""[..], b" \n\t\r\n", b"\xef\xbb\xbf  \n"] {
        let err = ingest(empty, "blank.txt", &o).unwrap_err();
        assert_eq!(err.kind, IngestErrorKind::Empty, "{empty:?}");
        assert_eq!(err.to_string(), "blank.txt: empty article body");
    }

    let big = vec![b'a'; MAX_INPUT_BYTES + 1];
    let err = ingest(&big, "big.txt", &o).unwrap_err();
    assert_eq!(err.kind, IngestErrorKind::TooLarge(MAX_INPUT_BYTES + 1));
    assert!(
        err.to_string()
            .starts_with("big.txt: 20000001 bytes is over the")
    );

    let out = ingest(b"Caf\xe9 talks resumed in Lisbon.", "latin1.txt", &o).unwrap();
    let a = out.articles[0].as_ref().unwrap();
    assert_eq!(a.text, "Caf\u{fffd} talks resumed in Lisbon.");
    assert_eq!(out.warnings.len(), 1);
    assert!(out.warnings[0].starts_with("latin1.txt: invalid UTF-8"));

    for (bytes, name) in [
        (&b"{}"[..], "x.jsonl"),
        (b"<TimeML></TimeML>", "x.tml"),
        (b"\n\n\n", "x.jsonl"),
    ] {
        let err = ingest(bytes, name, &o).unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with(name), "{msg}");
        assert!(!msg.contains('\n') && !msg.ends_with('.'), "{msg}");
        let reason = msg
            .trim_start_matches(name)
            .trim_start_matches(|c: char| c == ':' || c.is_ascii_digit() || c == ' ');
        assert!(
            reason.chars().next().is_some_and(|c| !c.is_uppercase()),
            "{msg}"
        );
    }
}

#[test]
fn format_detection() {
    use InputFormat::*;
    let cases: &[(&str, &str, InputFormat)] = &[
        ("a.html", "", Html),
        ("A.HTM", "", Html),
        ("a.tml", "", Timeml),
        ("a.jsonl", "", Jsonl),
        ("a.ndjson", "", Jsonl),
        ("a.txt", "<html>", Text),
        ("dir.v2/a", "Plain words.", Text),
        ("<stdin>", "  <!DOCTYPE html><html>", Html),
        ("<stdin>", "<html lang=\"en\">", Html),
        ("<stdin>", "<?xml version=\"1.0\"?>\n<TimeML>", Timeml),
        ("a.xml", "<TimeML xmlns:xsi=\"x\">", Timeml),
        ("<stdin>", "<p>Some fragment</p>", Text),
        ("<stdin>", "<htmlish> text", Text),
        ("<stdin>", "{\"text\": \"a\"}\n{\"text\": \"b\"}", Jsonl),
        ("<stdin>", "{Editor's note} The talks resumed.", Text),
        ("<stdin>", "", Text),
    ];
    for (name, text, want) in cases {
        assert_eq!(detect_format(name, text), *want, "{name} {text:?}");
    }
}

#[test]
fn seed_article() {
    let Some(shared) = shared() else {
        println!("skipped: ../shared is absent");
        return;
    };
    let path = shared.join("examples/seed/article.txt");
    let Ok(raw) = fs::read(&path) else {
        println!("skipped: {} is absent", path.display());
        return;
    };
    let a = one(&raw, "article.txt", InputFormat::Auto);
    assert_eq!(
        a.title.as_deref(),
        Some("Japan Prepares For Diplomatic Talks With Trump Administration")
    );
    let subtitle = a.subtitle.as_deref().unwrap_or("");
    assert!(
        subtitle.starts_with("Prime Minister Ishiba's visit"),
        "{subtitle:?}"
    );
    assert!(subtitle.ends_with("trade tensions."), "{subtitle:?}");
    assert_eq!(a.section.as_deref(), Some("World News"));
    assert_eq!(
        a.published.map(|d| d.to_string()).as_deref(),
        Some("2025-01-13")
    );
    assert!(
        a.text.starts_with("Japan is taking proactive steps"),
        "{:?}",
        &a.text[..40]
    );
    let raw = String::from_utf8_lossy(&raw);
    assert!(
        raw.trim_end().ends_with(&a.text),
        "the body runs to the end"
    );
}

#[test]
fn modern_corpus() {
    let Some(shared) = shared() else {
        println!("skipped: ../shared is absent");
        return;
    };
    let Ok(dir) = fs::read_dir(shared.join("corpus/modern")) else {
        println!("skipped: ../shared/corpus/modern is absent");
        return;
    };
    let mut paths: Vec<PathBuf> = dir
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    let mut subtitles = 0;
    for path in &paths {
        let raw = fs::read_to_string(path).unwrap();
        let lines: Vec<&str> = raw.lines().collect();
        let name = path.display().to_string();
        let a = one(raw.as_bytes(), &name, InputFormat::Auto);
        let first = lines[0].trim();
        let date = jiff::civil::Date::strptime("%d %B %Y", first).unwrap();
        assert_eq!(a.published, Some(date), "{name}");
        assert_eq!(a.title.as_deref(), Some(lines[2].trim()), "{name}");
        if let Some(sub) = &a.subtitle {
            subtitles += 1;
            assert_eq!(sub, lines[4].trim(), "{name}");
            assert!(
                sub.chars().count() <= 250,
                "{name}: a long first paragraph as subtitle"
            );
            assert!(
                !sub.ends_with('.'),
                "{name}: a punctuated lede as subtitle: {sub}"
            );
        }
        assert!(!a.text.is_empty(), "{name}");
        assert!(
            raw.trim_end().ends_with(&a.text),
            "{name}: the body runs to the end"
        );
    }
    println!(
        "{} corpus files, {subtitles} with a standfirst",
        paths.len()
    );
}

#[test]
fn real_jsonl_corpora() {
    let Some(shared) = shared() else {
        println!("skipped: ../shared is absent");
        return;
    };
    for file in [
        "corpus/conll2003/testa.input.jsonl",
        "corpus/timebank/timebank.jsonl",
    ] {
        let Ok(raw) = fs::read(shared.join(file)) else {
            println!("skipped: {file} is absent");
            continue;
        };
        let out = ingest(&raw, file, &opts(InputFormat::Auto)).unwrap();
        assert!(out.articles.len() > 100, "{file}");
        for (i, line) in String::from_utf8_lossy(&raw).lines().enumerate() {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            let a = out.articles[i].as_ref().unwrap();
            assert_eq!(
                Some(a.text.as_str()),
                v["text"].as_str(),
                "{file}:{}",
                i + 1
            );
            assert_eq!(a.source.as_deref(), v["id"].as_str(), "{file}:{}", i + 1);
            // Timestamps ("1990-08-15T13:37") give their date.
            let date = a.published.map(|d| d.to_string());
            let want = v["date"].as_str().and_then(|d| d.get(..10));
            assert_eq!(date.as_deref(), want, "{file}:{}", i + 1);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn ingest_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        for format in [InputFormat::Auto, InputFormat::Text, InputFormat::Html, InputFormat::Timeml, InputFormat::Jsonl] {
            if let Ok(out) = ingest(&bytes, "prop", &opts(format)) {
                for a in out.articles.iter().flatten() {
                    prop_assert!(!a.text.trim().is_empty());
                }
            }
        }
    }

    #[test]
    fn ingest_never_panics_on_page_like_text(
        lines in proptest::collection::vec(
            prop_oneof![
                Just(String::new()),
                Just("Today : Jan 13, 2025".to_string()),
                Just("World News".to_string()),
                Just("By Jane Doe".to_string()),
                Just("TOKYO, Jan 13 (Reuters) - ".to_string()),
                Just("<p>".to_string()),
                Just("<TEXT>".to_string()),
                Just("{\"text\": ".to_string()),
                "\\PC{0,80}",
            ],
            0..12,
        )
    ) {
        let raw = lines.join("\n");
        for format in [InputFormat::Text, InputFormat::Html, InputFormat::Timeml, InputFormat::Jsonl] {
            if let Ok(out) = ingest(raw.as_bytes(), "prop", &opts(format)) {
                for a in out.articles.iter().flatten() {
                    prop_assert!(!a.text.trim().is_empty());
                }
            }
        }
    }
}
