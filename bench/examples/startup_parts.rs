//! The start-up's parts, one after another on one thread, each in a function
//! of its own: under `valgrind --tool=callgrind`, the inclusive count of
//! each `part_*` is what that part costs (the parts before it built).
//!
//! `cargo build --release -p tacitus-bench --example startup_parts`, then
//! `valgrind --tool=callgrind target/release/examples/startup_parts` and
//! `callgrind_annotate --inclusive=yes OUT | grep part_`.

use std::hint::black_box;
use std::time::Instant;

// The benchmarks' allocator (mimalloc, as the command line's).
use tacitus_bench as _;
use tacitus_core::stages::{Actors, Events, Gkg, Timexes};
use tacitus_dict::Dictionary;
use tacitus_dict::geo::Geo;
use tacitus_dict::verbs::VerbDictionary;

#[inline(never)]
fn part_dictionary() {
    black_box(Dictionary::builtin());
}

#[inline(never)]
fn part_verbs() {
    black_box(VerbDictionary::builtin());
}

#[inline(never)]
fn part_geo() {
    black_box(Geo::builtin());
}

#[inline(never)]
fn part_actors() -> Actors {
    Actors::new()
}

#[inline(never)]
fn part_events() -> Events {
    Events::with_dictionaries(VerbDictionary::builtin(), Dictionary::builtin())
}

#[inline(never)]
fn part_timexes() -> Timexes {
    Timexes::new()
}

#[inline(never)]
fn part_gkg() -> Gkg {
    Gkg::new()
}

fn main() {
    let t = Instant::now();
    let mut last = t;
    let mut lap = |name: &str| {
        let now = Instant::now();
        eprintln!("{name:>10} {:6.2} ms", (now - last).as_secs_f64() * 1e3);
        last = now;
    };
    part_dictionary();
    lap("dictionary");
    part_verbs();
    lap("verbs");
    part_geo();
    lap("geo");
    let a = part_actors();
    lap("actors");
    let e = part_events();
    lap("events");
    let ti = part_timexes();
    lap("timexes");
    let g = part_gkg();
    lap("gkg");
    eprintln!("{:>10} {:6.2} ms", "total", t.elapsed().as_secs_f64() * 1e3);
    std::mem::forget((a, e, ti, g));
}
