//! The text layer alone: sentence segmentation, tokenization (per sentence)
//! and folding, over the texts of `testdata/sentences.toml` joined one a
//! line and, when present, `../shared/corpus/modern` (read at run time).
//!
//! `cargo bench -p tacitus-bench --bench text`

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use serde::Deserialize;
use tacitus_bench::{modern_corpus, repo_root};
use tacitus_text::{Segmenter, fold, tokens::tokenize_into};

#[derive(Deserialize)]
struct CaseFile {
    case: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    text: String,
}

/// The case texts of `testdata/sentences.toml`, one a line.
fn case_text() -> String {
    let path = repo_root().join("testdata/sentences.toml");
    let Ok(src) = std::fs::read_to_string(&path) else {
        eprintln!("note: {} is missing", path.display());
        return String::new();
    };
    match toml::from_str::<CaseFile>(&src) {
        Ok(file) => file
            .case
            .iter()
            .map(|c| c.text.as_str())
            .collect::<Vec<_>>()
            .join("\n"),
        Err(e) => {
            eprintln!("note: {}: {e}", path.display());
            String::new()
        }
    }
}

fn text(c: &mut Criterion) {
    let seg = Segmenter::new();
    let inputs = [
        ("cases", case_text()),
        ("modern", modern_corpus().join("\n")),
    ];
    for (name, input) in &inputs {
        if input.is_empty() {
            continue;
        }
        let mut group = c.benchmark_group(format!("text/{name}"));
        group.throughput(Throughput::Bytes(input.len() as u64));
        group.bench_function("segment", |b| b.iter(|| seg.split(input).len()));
        let sentences = seg.split(input);
        group.bench_function("tokenize", |b| {
            let mut tokens = Vec::new();
            b.iter(|| {
                tokens.clear();
                for s in &sentences {
                    tokenize_into(input, s.clone(), &mut tokens);
                }
                tokens.len()
            })
        });
        group.bench_function("segment+tokenize", |b| {
            let mut tokens = Vec::new();
            b.iter(|| {
                tokens.clear();
                for s in seg.split(input) {
                    tokenize_into(input, s, &mut tokens);
                }
                tokens.len()
            })
        });
        group.bench_function("fold", |b| b.iter(|| fold(input).len()));
        group.finish();
    }
}

criterion_group!(benches, text);
criterion_main!(benches);
