//! Robustness on real news: the sentence and token invariants over every
//! file of `../shared/corpus/modern` beside the repository, skipped with a
//! note when that folder is absent (it is never copied into the repo).

use std::path::PathBuf;

use tacitus_text::normalize::fold;
use tacitus_text::{OffsetMap, Segmenter};

use crate::props::{check_sentences, check_tokens};

#[test]
fn modern_corpus_invariants() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/modern");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        println!("skipped: {} is absent", dir.display());
        return;
    };
    let seg = Segmenter::new();
    let (mut files, mut sentences, mut bytes) = (0, 0, 0);
    for entry in entries.flatten() {
        let path = entry.path();
        if path.extension().is_none_or(|x| x != "txt") {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let ranges = seg.split(&text);
        if let Err(e) = check_sentences(&text, &ranges) {
            panic!("{}: {e}", path.display());
        }
        for r in &ranges {
            if let Err(e) = check_tokens(&text, r.clone()) {
                panic!("{}: {e}", path.display());
            }
        }
        let map = OffsetMap::new(&text);
        assert_eq!(map.len_chars(), fold(&text).chars().count());
        files += 1;
        sentences += ranges.len();
        bytes += text.len();
    }
    println!("corpus: {files} files, {bytes} bytes, {sentences} sentences");
}
