//! The actors stage alone (documents already segmented) over the project's
//! own articles and, when present, `../shared/corpus/modern`; and the load
//! of the built-in dictionaries (parse + automaton), which must stay under
//! 50 ms.
//!
//! `cargo bench -p tacitus-bench --bench actors`

use std::sync::Arc;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use tacitus_bench::{modern_corpus, own_articles};
use tacitus_core::stages::{Actors, Segment};
use tacitus_core::{Article, Document, Pipeline, Stage};
use tacitus_dict::Dictionary;

fn actors(c: &mut Criterion) {
    let actors = Actors::new();
    let segment = Pipeline::new(vec![Box::new(Segment::new())]).expect("segment alone is valid");
    let mut group = c.benchmark_group("actors");
    for (name, texts) in [("own", own_articles()), ("modern", modern_corpus())] {
        if texts.is_empty() {
            continue;
        }
        let docs: Vec<Document> = texts
            .iter()
            .filter_map(|t| {
                let mut a = Article::from_text(t.clone());
                a.published = Some(jiff::civil::date(2025, 1, 13));
                segment.run(a).ok()
            })
            .collect();
        let bytes: usize = docs.iter().map(|d| d.text().len()).sum();
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_function(name, |b| {
            let mut work = docs.clone();
            b.iter(|| {
                let mut n = 0;
                for doc in &mut work {
                    if actors.process(doc).is_ok() {
                        n += doc.entities.len();
                    }
                }
                n
            })
        });
    }
    group.finish();
}

fn load(c: &mut Criterion) {
    let mut group = c.benchmark_group("actors-load");
    group.sample_size(20);
    group.bench_function("builtin-dictionaries", |b| {
        b.iter(|| Actors::with_dictionary(Arc::new(Dictionary::parse_builtin())))
    });
    group.finish();
}

criterion_group!(benches, actors, load);
criterion_main!(benches);
