//! The `timexes` stage: TIMEX3 dates, times, durations and sets from
//! `tacitus-time`, normalized against `article.published`.

use tacitus_time::{TimexTagger, TimexType as TimeType};

use crate::document::{Document, Timex, TimexType};
use crate::pipeline::{Layer, Stage, StageError};

/// Finds and normalizes temporal expressions.
#[derive(Debug, Default)]
pub struct Timexes {
    tagger: TimexTagger,
}

impl Timexes {
    /// The stage, with its tagger built once.
    pub fn new() -> Self {
        Timexes {
            tagger: TimexTagger::new(),
        }
    }
}

impl Stage for Timexes {
    fn name(&self) -> &'static str {
        "timexes"
    }

    fn assigns(&self) -> &'static [Layer] {
        &[Layer::Timexes]
    }

    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        let found = self.tagger.tag(doc.text(), doc.article.published);
        let timexes = found
            .into_iter()
            .map(|t| {
                let m = doc.mention(t.start..t.end);
                Timex {
                    start: m.start,
                    end: m.end,
                    text: m.text,
                    kind: match t.kind {
                        TimeType::Date => TimexType::Date,
                        TimeType::Time => TimexType::Time,
                        TimeType::Duration => TimexType::Duration,
                        TimeType::Set => TimexType::Set,
                    },
                    value: t.value,
                    modifier: t.modifier.map(|m| m.to_string()),
                }
            })
            .collect();
        doc.timexes = timexes;
        Ok(())
    }
}
