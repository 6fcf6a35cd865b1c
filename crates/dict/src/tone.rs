//! The tone lexicon of the GKG stage (`docs/gkg.md`): VADER's lexicon
//! (Hutto and Gilbert 2014, bundled by the `vader_sentiment` crate) split
//! into positive and negative words at a mean valence of ±1.0, adjusted for
//! news by `data/tone.tsv` (words added, words dropped).
//!
//! ```
//! use tacitus_dict::tone::{Polarity, ToneLexicon};
//!
//! let lex = ToneLexicon::builtin();
//! assert_eq!(lex.get("peace"), Some(Polarity::Positive));
//! assert_eq!(lex.get("killed"), Some(Polarity::Negative));
//! assert_eq!(lex.get("sanctions"), Some(Polarity::Negative)); // added by tone.tsv
//! assert_eq!(lex.get("like"), None); // dropped: a preposition in news
//! assert_eq!(lex.get("minister"), None);
//! ```

use std::borrow::Cow;
use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use crate::tsv::{data_lines, fields};
use crate::{Error, ErrorKind};

include!("vader_select.rs");

/// Whether a word is positive or negative.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Polarity {
    /// In the positive list.
    Positive,
    /// In the negative list.
    Negative,
}

/// Lowercase words with their polarity.
#[derive(Debug, Clone, Default)]
pub struct ToneLexicon {
    /// The built-in words borrowed from the compiled-in list (no copy of
    /// each at start-up), the words of other files owned.
    words: FxHashMap<Cow<'static, str>, Polarity>,
}

/// VADER's words that count, `word<TAB>+` or `word<TAB>-` a line: the
/// lexicon of the `vader_sentiment` crate filtered by `build.rs` at build
/// time (parsing all of it at start-up cost more than the rest of the tone
/// stage).
const VADER_TONE: &str = include_str!(concat!(env!("OUT_DIR"), "/vader-tone.tsv"));

static BUILTIN: LazyLock<ToneLexicon> = LazyLock::new(|| {
    ToneLexicon::from_vader("tone.tsv", include_str!("../data/tone.tsv"))
        .expect("the built-in tone.tsv is checked by tests")
});

impl ToneLexicon {
    /// The built-in lexicon, built once.
    pub fn builtin() -> &'static ToneLexicon {
        &BUILTIN
    }

    /// VADER's single-word entries (lowercase letters, inner hyphens and
    /// apostrophes) with |valence| ≥ [`VALENCE_THRESHOLD`], then the
    /// changes of `changes` (the `tone.tsv` format).
    pub fn from_vader(file: &str, changes: &str) -> Result<ToneLexicon, Error> {
        let mut words = FxHashMap::default();
        words.reserve(VADER_TONE.len() / 8);
        for (_, line) in data_lines(VADER_TONE) {
            let (word, sign) = line.split_once('\t').unwrap_or((line, "+"));
            let polarity = if sign == "-" {
                Polarity::Negative
            } else {
                Polarity::Positive
            };
            words.insert(Cow::Borrowed(word), polarity);
        }
        let mut lex = ToneLexicon { words };
        lex.apply(file, changes)?;
        Ok(lex)
    }

    /// Applies a `tone.tsv` file: `word polarity` with `+`, `-` or `0`.
    pub fn apply(&mut self, file: &str, text: &str) -> Result<(), Error> {
        for (i, line) in data_lines(text) {
            let err = |field, kind, message| Error {
                file: file.to_string(),
                line: i + 1,
                field,
                kind,
                message,
            };
            let f = fields(file, i, line, &["word", "polarity"])?;
            let (word, polarity) = (f[0], f[1]);
            if word.is_empty() || word.chars().any(|c| c.is_uppercase() || c.is_whitespace()) {
                return Err(err(
                    Some("word"),
                    ErrorKind::BadKind,
                    format!("expected one lowercase word, found {word:?}"),
                ));
            }
            match polarity {
                "+" => self
                    .words
                    .insert(Cow::Owned(word.into()), Polarity::Positive),
                "-" => self
                    .words
                    .insert(Cow::Owned(word.into()), Polarity::Negative),
                "0" => self.words.remove(word),
                other => {
                    return Err(err(
                        Some("polarity"),
                        ErrorKind::BadKind,
                        format!("expected +, - or 0, found {other:?}"),
                    ));
                }
            };
        }
        Ok(())
    }

    /// The polarity of a lowercase word.
    pub fn get(&self, word: &str) -> Option<Polarity> {
        self.words.get(word).copied()
    }

    /// Every word with its polarity (in no particular order).
    pub fn iter(&self) -> impl Iterator<Item = (&str, Polarity)> {
        self.words.iter().map(|(w, &p)| (&**w, p))
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// True when there are no words.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_lexicon_has_both_lists() {
        let lex = ToneLexicon::builtin();
        let pos = lex.iter().filter(|(_, p)| *p == Polarity::Positive).count();
        let neg = lex.len() - pos;
        assert!(pos > 1_000 && neg > 1_500, "{pos} positive, {neg} negative");
    }

    #[test]
    fn vader_words_are_the_crates() {
        let mut expected: Vec<(&str, Polarity)> = vader_sentiment::LEXICON
            .iter()
            .filter(|&(word, &valence)| vader_word_counts(word, valence))
            .map(|(word, &valence)| {
                let word: &str = word;
                let polarity = if valence > 0.0 {
                    Polarity::Positive
                } else {
                    Polarity::Negative
                };
                (word, polarity)
            })
            .collect();
        expected.sort_unstable_by_key(|&(w, _)| w);
        let lex = ToneLexicon::from_vader("none.tsv", "").unwrap();
        let mut found: Vec<(&str, Polarity)> = lex.iter().collect();
        found.sort_unstable_by_key(|&(w, _)| w);
        assert_eq!(found, expected);
    }

    #[test]
    fn bad_polarity_names_line_and_field() {
        let mut lex = ToneLexicon::default();
        let err = lex
            .apply("t.tsv", "# word\tpolarity\npeace\tyes\n")
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "t.tsv:2: field polarity: expected +, - or 0, found \"yes\""
        );
    }
}
