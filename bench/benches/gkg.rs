//! The GKG stage alone (tone, themes, locations, event locations) over
//! documents that every earlier stage has coded: the project's own
//! articles and, when present, `../shared/corpus/modern`; and the stage's
//! build (gazetteer, theme and tone matchers).
//!
//! `cargo bench -p tacitus-bench --bench gkg`

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use tacitus_bench::{modern_corpus, own_articles};
use tacitus_core::stages::{Actors, Events, Gkg, Quotes, Segment, Timexes};
use tacitus_core::{Article, Document, Pipeline, Stage};

fn gkg(c: &mut Criterion) {
    let before = Pipeline::new(vec![
        Box::new(Segment::new()),
        Box::new(Actors::new()),
        Box::new(Timexes::new()),
        Box::new(Events::new()),
        Box::new(Quotes::new()),
    ])
    .expect("the standard order is valid");
    let stage = Gkg::new();
    let mut group = c.benchmark_group("gkg");
    for (name, texts) in [("own", own_articles()), ("modern", modern_corpus())] {
        if texts.is_empty() {
            continue;
        }
        let docs: Vec<Document> = texts
            .iter()
            .filter_map(|t| {
                let mut a = Article::from_text(t.clone());
                a.published = Some(jiff::civil::date(2025, 1, 13));
                before.run(a).ok()
            })
            .collect();
        let bytes: usize = docs.iter().map(|d| d.text().len()).sum();
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_function(name, |b| {
            let mut work = docs.clone();
            b.iter(|| {
                let mut n = 0;
                for doc in &mut work {
                    if stage.process(doc).is_ok() {
                        n += doc.locations.len() + doc.themes.len();
                    }
                }
                n
            })
        });
    }
    group.finish();
}

criterion_group!(benches, gkg);
criterion_main!(benches);
