// Which of VADER's entries the tone lexicon keeps. Shared, through
// `include!`, by `build.rs` (which writes the kept words at build time) and
// `tone.rs` (whose test checks them against the crate's lexicon), so the
// rule is written once.

/// The mean VADER valence a word needs (in absolute value) to count.
pub const VALENCE_THRESHOLD: f64 = 1.0;

/// Whether VADER's entry `word`, of mean `valence`, counts: a single word
/// (lowercase letters, inner hyphens and apostrophes) with |valence| >=
/// [`VALENCE_THRESHOLD`].
pub fn vader_word_counts(word: &str, valence: f64) -> bool {
    let plain = word
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b == b'-' || b == b'\'')
        && word.bytes().next().is_some_and(|b| b.is_ascii_lowercase());
    plain && valence.abs() >= VALENCE_THRESHOLD
}
