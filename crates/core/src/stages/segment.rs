//! The `segment` stage: sentences (char spans, serialized) and tokens (byte
//! spans, internal) from `tacitus-text`.

use tacitus_text::sentences::Segmenter;
use tacitus_text::tokens::tokenize_into;

use crate::document::Document;
use crate::pipeline::{Layer, Stage, StageError};

/// Splits the body into sentences and tokens.
#[derive(Debug, Default)]
pub struct Segment {
    segmenter: Segmenter,
}

impl Segment {
    /// The stage, with its segmenter built once.
    pub fn new() -> Self {
        Segment {
            segmenter: Segmenter::new(),
        }
    }
}

impl Stage for Segment {
    fn name(&self) -> &'static str {
        "segment"
    }

    fn assigns(&self) -> &'static [Layer] {
        &[Layer::Sentences, Layer::Tokens]
    }

    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        let ranges = self.segmenter.split(doc.text());
        let sentences = ranges.iter().map(|r| doc.char_span(r.clone())).collect();
        // Tokenized a sentence at a time: a sentence-final period is split
        // from a lone capital only at a sentence's end.
        // About one token per five bytes of news text: one allocation.
        let mut tokens = Vec::with_capacity(doc.text().len() / 5 + 16);
        for range in &ranges {
            tokenize_into(doc.text(), range.clone(), &mut tokens);
        }
        doc.sentences = sentences;
        doc.tokens = tokens;
        Ok(())
    }
}
