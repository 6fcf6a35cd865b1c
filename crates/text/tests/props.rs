//! Property tests: for arbitrary text (unicode, quotes, periods, newlines)
//! nothing panics, sentence ranges are trimmed, ordered, disjoint, on char
//! boundaries and cover all non-whitespace text; tokens are ordered and in
//! bounds; folding keeps the char count; OffsetMap agrees with counting.

use std::ops::Range;

use proptest::prelude::*;
use tacitus_text::normalize::fold;
use tacitus_text::tokens::{tokenize, tokenize_range};
use tacitus_text::{OffsetMap, Segmenter};

/// Checks the sentence invariants; shared with the corpus test.
pub fn check_sentences(text: &str, sentences: &[Range<usize>]) -> Result<(), String> {
    let mut prev_end = 0;
    for r in sentences {
        if r.start < prev_end || r.start >= r.end || r.end > text.len() {
            return Err(format!("bad range {r:?} after {prev_end}"));
        }
        let Some(s) = text.get(r.clone()) else {
            return Err(format!("{r:?} is not on char boundaries"));
        };
        if s.trim() != s {
            return Err(format!("{r:?} is not trimmed: {s:?}"));
        }
        let gap = &text[prev_end..r.start];
        if !gap.chars().all(char::is_whitespace) {
            return Err(format!("text between sentences not covered: {gap:?}"));
        }
        prev_end = r.end;
    }
    let tail = &text[prev_end..];
    if !tail.chars().all(char::is_whitespace) {
        return Err(format!(
            "text after the last sentence not covered: {tail:?}"
        ));
    }
    Ok(())
}

/// Checks the token invariants over `range` of `text`.
pub fn check_tokens(text: &str, range: Range<usize>) -> Result<(), String> {
    let mut prev_end = range.start;
    for t in tokenize_range(text, range.clone()) {
        if t.start < prev_end || t.start >= t.end || t.end > range.end {
            return Err(format!("bad token {t:?} after {prev_end} in {range:?}"));
        }
        let Some(s) = text.get(t.range()) else {
            return Err(format!("token {t:?} is not on char boundaries"));
        };
        if s.chars().any(char::is_whitespace) {
            return Err(format!("token {t:?} contains whitespace: {s:?}"));
        }
        let gap = &text[prev_end..t.start];
        if !gap.chars().all(char::is_whitespace) {
            return Err(format!("text between tokens not covered: {gap:?}"));
        }
        prev_end = t.end;
    }
    if !text[prev_end..range.end].chars().all(char::is_whitespace) {
        return Err("text after the last token not covered".into());
    }
    Ok(())
}

/// Text built from news-like pieces, to reach the interesting branches.
fn newsish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("U.S."),
        Just("Corp."),
        Just("Mr."),
        Just("Jan."),
        Just("No."),
        Just("J."),
        Just("a.m."),
        Just("etc."),
        Just("e.g."),
        Just("The"),
        Just("He"),
        Just("said"),
        Just("3.5"),
        Just("1,200"),
        Just("$"),
        Just("."),
        Just("..."),
        Just("…"),
        Just("?"),
        Just("!"),
        Just("\""),
        Just("'"),
        Just("“"),
        Just("”"),
        Just("’s"),
        Just("'s"),
        Just("n't"),
        Just("("),
        Just(")"),
        Just("["),
        Just("]"),
        Just("-"),
        Just("—"),
        Just("–"),
        Just(" "),
        Just("  "),
        Just("\n"),
        Just("\r\n"),
        Just("\n\n"),
        Just("\u{a0}"),
        Just("\u{2028}"),
        Just("。"),
        Just("会談"),
        Just("é"),
        Just("e\u{301}"),
        Just("Ishiba"),
        Just("asked"),
        Just("1."),
        Just("x"),
        Just("ʼ"),
        Just("🇯🇵"),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), "[ a-zA-Z.!?\"'()\\-\n]{0,80}", newsish()]
}

proptest! {
    // No regression files: a failure found here becomes a named test case
    // (STYLE.md "Regressions"), and the persistence lookup wants a lib.rs.
    #![proptest_config(ProptestConfig {
        cases: 1024,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn sentences_are_well_formed(text in any_text()) {
        let sentences = Segmenter::new().split(&text);
        if let Err(e) = check_sentences(&text, &sentences) {
            prop_assert!(false, "{e}\ntext: {text:?}\nsentences: {sentences:?}");
        }
    }

    #[test]
    fn tokens_are_well_formed(text in any_text()) {
        if let Err(e) = check_tokens(&text, 0..text.len()) {
            prop_assert!(false, "{e}\ntext: {text:?}\ntokens: {:?}", tokenize(&text));
        }
        for r in Segmenter::new().split(&text) {
            if let Err(e) = check_tokens(&text, r.clone()) {
                prop_assert!(false, "{e}\ntext: {text:?}\nsentence: {r:?}");
            }
        }
    }

    #[test]
    fn tokenize_range_never_panics(text in any_text(), a in 0usize..200, b in 0usize..200) {
        for t in tokenize_range(&text, a..b) {
            prop_assert!(text.get(t.range()).is_some());
        }
    }

    #[test]
    fn fold_keeps_char_count(text in any_text()) {
        let folded = fold(&text);
        prop_assert_eq!(folded.chars().count(), text.chars().count());
        prop_assert_eq!(fold(&folded), folded);
    }

    #[test]
    fn offset_map_agrees_with_counting(text in any_text(), probe in 0usize..400) {
        let map = OffsetMap::new(&text);
        prop_assert_eq!(map.len_chars(), text.chars().count());
        for (ci, (bi, _)) in text.char_indices().enumerate() {
            prop_assert_eq!(map.char_of_byte(bi), ci);
            prop_assert_eq!(map.byte_of_char(ci), bi);
        }
        // Arbitrary probes never panic and stay in range.
        prop_assert!(map.char_of_byte(probe) <= map.len_chars());
        prop_assert!(map.byte_of_char(probe) <= text.len());
        prop_assert_eq!(map.checked_char_of_byte(probe).is_some(),
            probe <= text.len() && text.is_char_boundary(probe));
        let r = map.char_range(probe / 2..probe);
        prop_assert!(r.start <= r.end && r.end <= map.len_chars());
    }
}

/// Inputs that would take quadratic time if a scan restarted from the start
/// of a line, sentence or word: each must finish (well under a second).
#[test]
fn pathological_inputs_finish() {
    let n = 100_000;
    let inputs = [
        "(".repeat(n) + &"]".repeat(n) + &". The".repeat(n),
        "( A. The ".repeat(n),
        "a.".repeat(n * 2) + " The",
        "x".repeat(n * 4) + ". The end",
        ". ".repeat(n * 2),
        "J. ".repeat(n),
        "U.S. He ".repeat(n),
        "\"Why?\" Tanaka ".repeat(n),
        "'".repeat(n) + &"a'".repeat(n),
        "don't ".repeat(n),
        "-".repeat(n * 2) + "a-".repeat(n).as_str(),
        "1,".repeat(n * 2),
        "é.".repeat(n) + " Éa",
        "\n".repeat(n) + &"\r\n".repeat(n),
    ];
    let seg = Segmenter::new();
    for text in &inputs {
        let started = std::time::Instant::now();
        let sentences = seg.split(text);
        check_sentences(text, &sentences).expect("sentence invariants");
        check_tokens(text, 0..text.len()).expect("token invariants");
        assert!(
            started.elapsed().as_secs() < 20,
            "too slow on {:?}...",
            &text[..40.min(text.len())]
        );
    }
}
