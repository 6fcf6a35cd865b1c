//! Throughput of the TIMEX3 tagger (`tacitus-time`) alone, in bytes per
//! second: over the texts of `testdata/timex.toml`, the project's own sample
//! articles and, when present, the news corpus in `../shared/corpus/modern/`
//! (read at run time, never copied).
//!
//! ```text
//! cargo bench -p tacitus-bench --bench time
//! ```

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use tacitus_time::{TimexTagger, parse_dct};

/// The `text` fields of the case table, joined as one document.
fn case_texts() -> String {
    let path = tacitus_bench::repo_root().join("testdata/timex.toml");
    let Ok(src) = std::fs::read_to_string(&path) else {
        eprintln!("note: {} is absent", path.display());
        return String::new();
    };
    let Ok(value) = src.parse::<toml::Table>() else {
        return String::new();
    };
    let mut out = String::new();
    if let Some(cases) = value.get("case").and_then(|c| c.as_array()) {
        for c in cases {
            if let Some(t) = c.get("text").and_then(|t| t.as_str()) {
                out.push_str(t);
                out.push('\n');
            }
        }
    }
    out
}

fn bench_time(c: &mut Criterion) {
    let tagger = TimexTagger::new();
    let dct = parse_dct("2025-01-13").ok();
    let mut group = c.benchmark_group("time");

    let cases = case_texts();
    if !cases.is_empty() {
        group.throughput(Throughput::Bytes(cases.len() as u64));
        group.bench_function("cases", |b| b.iter(|| tagger.tag(black_box(&cases), dct)));
    }

    let mut news = tacitus_bench::modern_corpus();
    news.extend(tacitus_bench::own_articles());
    let bytes: usize = news.iter().map(String::len).sum();
    if bytes > 0 {
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_function("news", |b| {
            b.iter(|| {
                news.iter()
                    .map(|t| tagger.tag(black_box(t), dct).len())
                    .sum::<usize>()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench_time);
criterion_main!(benches);
