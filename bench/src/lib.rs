//! Shared helpers for the Tacitus benchmarks: the texts they run over.
//!
//! Benchmarks read the project's own fixtures from `testdata/` and, when it is
//! present beside the repository, the development corpus in
//! `../shared/corpus/modern/` (read at run time, never copied).

use std::path::{Path, PathBuf};

/// The allocator the `tacitus` binary uses, so benchmarks measure what it runs.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The repository root (the folder holding `testdata/`).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

/// The `modern/` news corpus beside the repository, one string per article;
/// empty (with a note on stderr) when `../shared` is absent.
pub fn modern_corpus() -> Vec<String> {
    let dir = repo_root().join("../shared/corpus/modern");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!(
            "note: {} is absent; benchmarking on fixtures only",
            dir.display()
        );
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect()
}

/// The project's own sample articles under `examples/` and `testdata/articles/`.
pub fn own_articles() -> Vec<String> {
    let root = repo_root();
    let mut out = Vec::new();
    for dir in ["examples", "testdata/articles"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for p in paths {
            if p.extension().is_some_and(|x| x == "txt")
                && let Ok(s) = std::fs::read_to_string(&p)
            {
                out.push(s);
            }
        }
    }
    out
}
