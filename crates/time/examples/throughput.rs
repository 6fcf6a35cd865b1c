//! Measures tagging throughput over the `.txt` files of a folder, without
//! criterion (for quick checks and profiling; the benchmark proper is
//! `bench/benches/time.rs`).
//!
//! ```text
//! cargo run --release -p tacitus-time --example throughput -- ../shared/corpus/modern [ROUNDS]
//! ```
//!
//! `ROUNDS` (100 by default) can be lowered to run it under callgrind.

use std::time::Instant;

use tacitus_time::{TimexTagger, parse_dct};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args().nth(1).ok_or("usage: throughput DIR")?;
    let mut texts = Vec::new();
    for e in std::fs::read_dir(dir)? {
        let p = e?.path();
        if p.extension().is_some_and(|x| x == "txt") {
            texts.push(std::fs::read_to_string(p)?);
        }
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    let tagger = TimexTagger::new();
    let dct = parse_dct("2025-01-13").ok();
    let rounds: usize = match std::env::args().nth(2) {
        Some(r) => r.parse()?,
        None => 100,
    };
    let t0 = Instant::now();
    let mut n = 0;
    for _ in 0..rounds {
        for t in &texts {
            n += tagger.tag(t, dct).len();
        }
    }
    let secs = t0.elapsed().as_secs_f64();
    println!(
        "{} texts, {bytes} bytes, {} timexes a round: {:.1} MB/s",
        texts.len(),
        n / rounds,
        (bytes * rounds) as f64 / secs / 1e6
    );
    Ok(())
}
