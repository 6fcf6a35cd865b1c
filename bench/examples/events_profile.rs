//! The events stage alone over `../shared/corpus/modern`: the stages before
//! it run once, then `Events::process` runs `ROUNDS` times over every
//! document; prints its best round in ms per MB, its mean time on the CPU
//! (Linux; on a shared machine the wall time counts other processes' turns),
//! the events it found (a checksum between builds) and the stage's start-up
//! (the built-in verb dictionary parsed, then `Events::with_dictionaries`).
//!
//! `cargo run --release -p tacitus-bench --example events_profile [ROUNDS]`;
//! under `valgrind --tool=callgrind` compare the inclusive count of
//! `Events::process` between builds.

use std::time::{Duration, Instant};

use tacitus_bench::{modern_corpus, own_articles};
use tacitus_core::document::Document;
use tacitus_core::ingest::{IngestOptions, ingest};
use tacitus_core::stages::{Actors, Events};
use tacitus_core::{Pipeline, Stage};
use tacitus_dict::verbs::VerbDictionary;

fn main() {
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(10);
    let mut texts = modern_corpus();
    if texts.is_empty() {
        texts = own_articles();
    }
    let t = Instant::now();
    let verbs = VerbDictionary::builtin();
    let parse = t.elapsed();
    let actors = Actors::new();
    let mut build = Duration::MAX;
    let mut events = None;
    for _ in 0..5 {
        let t = Instant::now();
        let built = Events::with_dictionaries(verbs, actors.dictionary());
        build = build.min(t.elapsed());
        events = Some(built);
    }
    let events = events.expect("built above");
    let pipeline = Pipeline::standard();
    let before: Vec<&dyn Stage> = pipeline
        .stages()
        .take_while(|s| s.name() != "events")
        .collect();
    let opts = IngestOptions::default();
    let mut docs: Vec<Document> = Vec::new();
    for text in &texts {
        let Ok(ingested) = ingest(text.as_bytes(), "bench.txt", &opts) else {
            continue;
        };
        for article in ingested.articles.into_iter().flatten() {
            let mut doc = Document::new(article);
            for stage in &before {
                stage.process(&mut doc).expect("stage runs");
            }
            docs.push(doc);
        }
    }
    let bytes: usize = docs.iter().map(|d| d.text().len()).sum();
    let mut best = Duration::MAX;
    let mut found = 0;
    let cpu = on_cpu();
    for _ in 0..rounds {
        found = 0;
        let t = Instant::now();
        for doc in &mut docs {
            events.process(doc).expect("stage runs");
            found += doc.events.len();
        }
        best = best.min(t.elapsed());
    }
    // Over all rounds: the count is updated at scheduler ticks, too coarse
    // for one round.
    let cpu = on_cpu().saturating_sub(cpu) / u32::try_from(rounds.max(1)).unwrap_or(u32::MAX);
    println!(
        "{} documents, {:.2} MB, {found} events; events {:.2} ms/MB (best of {rounds}), \
         {:.2} ms/MB on the CPU (mean); verb dictionary parsed in {:.1} ms, Events built in {:.1} ms \
         (best of 5)",
        docs.len(),
        bytes as f64 / 1e6,
        best.as_secs_f64() * 1e3 / (bytes as f64 / 1e6),
        cpu.as_secs_f64() * 1e3 / (bytes as f64 / 1e6),
        parse.as_secs_f64() * 1e3,
        build.as_secs_f64() * 1e3,
    );
}

/// The time this thread has run on a CPU (Linux's `schedstat`; zero
/// elsewhere): on a shared machine, a round's wall time counts the time
/// other processes had the core.
fn on_cpu() -> Duration {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .map_or(Duration::ZERO, Duration::from_nanos)
}
