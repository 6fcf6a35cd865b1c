//! Where the pipeline's time goes: wall time of ingest, each stage and the
//! JSONL writer over `../shared/corpus/modern` (or the project's own
//! articles), repeated until about two seconds of work, on one thread.
//!
//! `cargo run --release -p tacitus-bench --example stage_times [ROUNDS]`

use std::time::{Duration, Instant};

use tacitus_bench::{modern_corpus, own_articles};
use tacitus_core::Pipeline;
use tacitus_core::document::Document;
use tacitus_core::ingest::{IngestOptions, ingest};
use tacitus_core::output::write_jsonl;

fn main() {
    let mut texts = modern_corpus();
    if texts.is_empty() {
        texts = own_articles();
    }
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(10);
    let start = Instant::now();
    let pipeline = Pipeline::standard();
    let startup = start.elapsed();
    let opts = IngestOptions::default();
    let names: Vec<&str> = pipeline.names();
    let mut times = vec![Duration::ZERO; names.len()];
    let (mut ingest_time, mut new_time, mut write_time) =
        (Duration::ZERO, Duration::ZERO, Duration::ZERO);
    let mut out = Vec::with_capacity(1 << 20);
    let mut bytes = 0usize;
    for _ in 0..rounds {
        for text in &texts {
            bytes += text.len();
            let t = Instant::now();
            let Ok(ingested) = ingest(text.as_bytes(), "bench.txt", &opts) else {
                continue;
            };
            ingest_time += t.elapsed();
            for article in ingested.articles.into_iter().flatten() {
                let t = Instant::now();
                let mut doc = Document::new(article);
                new_time += t.elapsed();
                for (stage, time) in pipeline.stages().zip(times.iter_mut()) {
                    let t = Instant::now();
                    stage.process(&mut doc).expect("stage runs");
                    *time += t.elapsed();
                }
                let t = Instant::now();
                out.clear();
                write_jsonl(&mut out, &doc).expect("writes to memory");
                write_time += t.elapsed();
            }
        }
    }
    let mb = bytes as f64 / 1e6;
    let total: Duration = times.iter().sum::<Duration>() + ingest_time + new_time + write_time;
    println!(
        "{mb:.2} MB in {rounds} rounds; start-up {:.1} ms",
        startup.as_secs_f64() * 1e3
    );
    let row = |name: &str, d: Duration| {
        println!(
            "{name:>12} {:>8.1} ms/MB {:>5.1}%",
            d.as_secs_f64() * 1e3 / mb,
            100.0 * d.as_secs_f64() / total.as_secs_f64()
        );
    };
    row("ingest", ingest_time);
    row("document", new_time);
    for (name, d) in names.iter().zip(&times) {
        row(name, *d);
    }
    row("write jsonl", write_time);
    println!(
        "{:>12} {:>8.1} ms/MB = {:.1} MB/s",
        "total",
        total.as_secs_f64() * 1e3 / mb,
        mb / total.as_secs_f64()
    );
}
