//! Fuzz target: arbitrary bytes through every ingest format, then the
//! standard pipeline (segmentation, tokens, timexes). Nothing may panic, and
//! every sentence span must slice the text.
//!
//! `cargo fuzz run ingest -s none` (stable) or with `RUSTC_BOOTSTRAP=1` for ASan.
//! Its sibling `timex` fuzzes the TIMEX3 tagger alone.

#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use tacitus_core::Pipeline;
use tacitus_core::ingest::{IngestOptions, InputFormat, ingest};

static PIPELINE: LazyLock<Pipeline> = LazyLock::new(Pipeline::standard);

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else {
        return;
    };
    let format = match selector % 5 {
        0 => InputFormat::Auto,
        1 => InputFormat::Text,
        2 => InputFormat::Html,
        3 => InputFormat::Timeml,
        _ => InputFormat::Jsonl,
    };
    let opts = IngestOptions { format, date: None };
    let Ok(ingested) = ingest(bytes, "fuzz", &opts) else {
        return;
    };
    for article in ingested.articles.into_iter().flatten() {
        let Ok(doc) = PIPELINE.run(article) else {
            continue;
        };
        let chars = doc.text().chars().count();
        let mut last = 0;
        for s in &doc.sentences {
            assert!(s.start >= last && s.start < s.end && s.end <= chars);
            last = s.end;
        }
        for t in &doc.timexes {
            assert!(t.start < t.end && t.end <= chars);
        }
    }
});
