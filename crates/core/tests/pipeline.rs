//! The standard pipeline over whole documents: char offsets everywhere,
//! layers in bounds and ordered, for our fixtures and for arbitrary text.

use proptest::prelude::*;
use tacitus_core::{Article, Document, Pipeline, Span};

fn check_layers(doc: &Document) {
    let text = doc.text();
    let chars: Vec<char> = text.chars().collect();
    let slice = |start: usize, end: usize| chars[start..end].iter().collect::<String>();
    let mut last = 0;
    for s in &doc.sentences {
        assert!(
            last <= s.start && s.start < s.end && s.end <= chars.len(),
            "{s:?}"
        );
        assert_eq!(doc.slice(*s), slice(s.start, s.end));
        assert_eq!(doc.slice(*s).trim(), doc.slice(*s), "sentences are trimmed");
        last = s.end;
    }
    // Every non-space character is in a sentence.
    let mut covered = vec![false; chars.len()];
    for s in &doc.sentences {
        covered[s.start..s.end].fill(true);
    }
    for (i, c) in chars.iter().enumerate() {
        assert!(
            covered[i] || c.is_whitespace(),
            "char {i} {c:?} is in no sentence"
        );
    }
    for t in &doc.timexes {
        assert!(t.start < t.end && t.end <= chars.len());
        assert_eq!(t.text, slice(t.start, t.end), "timex text is its span");
    }
    for tok in &doc.tokens {
        assert!(text.is_char_boundary(tok.start) && text.is_char_boundary(tok.end));
    }
}

fn code(text: &str) -> Document {
    let mut article = Article::from_text(text.to_string());
    article.published = Some(jiff::civil::date(2025, 1, 13));
    Pipeline::standard()
        .run(article)
        .expect("the pipeline runs")
}

#[test]
fn offsets_are_chars_not_bytes() {
    // "Zürich" and the curly quotes are multi-byte: char offsets differ from bytes.
    let doc = code("Zürich hosted “talks” on Tuesday. Officials met on January 20.");
    check_layers(&doc);
    assert_eq!(doc.sentences, vec![Span::new(0, 33), Span::new(34, 62)]);
    let jan = doc
        .timexes
        .iter()
        .find(|t| t.text == "January 20")
        .expect("January 20 is found");
    assert_eq!((jan.start, jan.end), (51, 61));
    assert_eq!(jan.value, "2025-01-20");
    let json = serde_json::to_value(&doc).unwrap();
    assert_eq!(json["timexes"].as_array().unwrap().len(), doc.timexes.len());
    assert_eq!(json["schema"], "tacitus/1");
    assert!(json.get("tokens").is_none(), "tokens are internal");
}

#[test]
fn documents_round_trip_through_json() {
    let doc = code("Peru and Chile signed a treaty on 3 March 2024.");
    let json = serde_json::to_string(&doc).unwrap();
    let back: Document = serde_json::from_str(&json).unwrap();
    assert_eq!(back.article, doc.article);
    assert_eq!(back.sentences, doc.sentences);
    assert_eq!(back.timexes, doc.timexes);
    // A deserialized document still maps offsets.
    assert_eq!(back.slice(back.sentences[0]), doc.text());
}

#[test]
fn every_own_article_has_valid_layers() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    for dir in ["examples", "testdata/articles"] {
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            let doc = code(&text);
            check_layers(&doc);
            assert!(!doc.sentences.is_empty(), "{}", path.display());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_text_gives_valid_layers(text in "\\PC{0,300}") {
        check_layers(&code(&text));
    }

    #[test]
    fn news_like_text_gives_valid_layers(
        parts in proptest::collection::vec(
            prop_oneof![
                Just("U.S."), Just("Jan. 20"), Just("“Yes,” he said."), Just("Mr. Abe"),
                Just("mid-February"), Just("\n\n"), Just("the 1990s"), Just("3 p.m."),
                Just("Ishiba’s"), Just("Japan-U.S."), Just("(see above.)"), Just("No. 2"),
                Just("é"), Just("—"), Just("."), Just(" "), Just("last Tuesday"), Just("?!"),
            ],
            0..40,
        )
    ) {
        check_layers(&code(&parts.join(" ")));
    }
}
