//! Integration tests of tacitus-text (one test binary, as STYLE.md asks):
//! the sentence case file, token tables, normalization and offsets, property
//! tests, and a robustness pass over the development corpus when present.

mod cases;
mod corpus;
mod normalize;
mod props;
mod tokens;
