//! The actors stage over `../shared/corpus/modern`, a fixed number of
//! passes, for instruction counts under valgrind (timings on shared
//! machines are noisy):
//!
//! `valgrind --tool=callgrind target/release/examples/actors_profile 3`
//!
//! Segmentation runs once before the passes; compare the inclusive count
//! of `Actors::process` between builds.

use tacitus_bench::modern_corpus;
use tacitus_core::stages::{Actors, Segment};
use tacitus_core::{Article, Document, Pipeline, Stage};

fn main() {
    let passes: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1);
    let actors = Actors::new();
    let segment = Pipeline::new(vec![Box::new(Segment::new())]).expect("segment alone is valid");
    let mut docs: Vec<Document> = modern_corpus()
        .into_iter()
        .filter_map(|t| {
            let mut a = Article::from_text(t);
            a.published = Some(jiff::civil::date(2025, 1, 13));
            segment.run(a).ok()
        })
        .collect();
    let bytes: usize = docs.iter().map(|d| d.text().len()).sum();
    let mut n = 0;
    for _ in 0..passes {
        for doc in &mut docs {
            if actors.process(doc).is_ok() {
                n += doc.entities.len();
            }
        }
    }
    println!("{} documents, {bytes} bytes, {n} entities", docs.len());
}
