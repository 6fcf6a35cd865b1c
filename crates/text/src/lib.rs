//! The text layer of Tacitus: sentences, tokens, offsets and normalization
//! for matching, for English news text.
//!
//! Everything here works in **byte offsets** into the original text, which
//! is never modified. The Document layer (`tacitus-core`) converts them to
//! the char offsets of its output with an [`OffsetMap`] built once per text.
//!
//! - [`sentences`]: [`Segmenter`] splits a text into sentence ranges, robust
//!   to news abbreviations ("U.S.", "Corp.", "Sept.", "Gen."), initials,
//!   numbers, quotations, brackets and one-paragraph-a-line layout.
//! - [`tokens`]: [`tokenize`] makes word, number, abbreviation, clitic and
//!   punctuation tokens ("Ishiba's" → `Ishiba` `'s`, "Japan-U.S." → `Japan`
//!   `-` `U.S.`).
//! - [`normalize`]: [`fold`] maps curly quotes, dashes and unusual spaces to
//!   plain ASCII forms, one char for one char, so char offsets do not move.
//! - [`offsets`]: [`OffsetMap`] converts byte ↔ char offsets in O(1).
//! - [`lexicon`]: the abbreviation and sentence-starter lists that the
//!   splitter and the tokenizer share.
//!
//! No function here panics on any input (property-tested).
//!
//! ```
//! use tacitus_text::{OffsetMap, Segmenter, tokenize_range};
//!
//! let text = "“We will win.” Gen. Mendez left the U.S. He said so.";
//! let seg = Segmenter::new();
//! let map = OffsetMap::new(text);
//! let sentences = seg.split(text);
//! assert_eq!(sentences.len(), 3);
//! assert_eq!(&text[sentences[1].clone()], "Gen. Mendez left the U.S.");
//! assert_eq!(map.char_range(sentences[1].clone()), 15..40);
//!
//! let words: Vec<&str> = tokenize_range(text, sentences[1].clone())
//!     .iter()
//!     .map(|t| t.text(text))
//!     .collect();
//! assert_eq!(words, ["Gen.", "Mendez", "left", "the", "U.S."]);
//! ```

#![deny(missing_docs)]

mod chars;
pub mod lexicon;
pub mod normalize;
pub mod offsets;
pub mod sentences;
pub mod tokens;

pub use lexicon::is_capitalized;
pub use normalize::{fold, fold_char};
pub use offsets::OffsetMap;
pub use sentences::Segmenter;
pub use tokens::{
    Token, TokenKind, ascii_word_end, is_ascii_word_byte, non_word_bytes, tokenize, tokenize_range,
};
