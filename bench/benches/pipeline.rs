//! The whole pipeline per article (ingest of plain text, then every stage),
//! over the project's own articles and, when present, `../shared/corpus/modern`.
//!
//! `cargo bench -p tacitus-bench --bench pipeline`

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use tacitus_bench::{modern_corpus, own_articles};
use tacitus_core::Pipeline;
use tacitus_core::ingest::{IngestOptions, ingest};

fn pipeline(c: &mut Criterion) {
    let pipeline = Pipeline::standard();
    let opts = IngestOptions::default();
    let mut group = c.benchmark_group("pipeline");
    for (name, texts) in [("own", own_articles()), ("modern", modern_corpus())] {
        if texts.is_empty() {
            continue;
        }
        let bytes: usize = texts.iter().map(String::len).sum();
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_function(name, |b| {
            b.iter(|| {
                let mut sentences = 0;
                for text in &texts {
                    let Ok(ingested) = ingest(text.as_bytes(), "bench.txt", &opts) else {
                        continue;
                    };
                    for article in ingested.articles.into_iter().flatten() {
                        if let Ok(doc) = pipeline.run(article) {
                            sentences += doc.sentences.len();
                        }
                    }
                }
                sentences
            })
        });
    }
    group.finish();
}

criterion_group!(benches, pipeline);
criterion_main!(benches);
