//! The pipeline: an ordered list of [`Stage`]s, each reading the layers
//! before it and adding its own, as spaCy's `Pipe` and lindera's token
//! filters do.
//!
//! [`Pipeline::new`] checks that every layer a stage `requires` is assigned
//! by a stage before it, so a wrong order fails at construction, not on the
//! thousandth article.
//!
//! ```
//! use tacitus_core::{Article, Pipeline};
//! use tacitus_core::stages::Segment;
//!
//! let pipeline = Pipeline::new(vec![Box::new(Segment::new())]).unwrap();
//! let doc = pipeline.run(Article::from_text("One. Two.".to_string())).unwrap();
//! assert_eq!(doc.sentences.len(), 2);
//! ```

use std::fmt;
use std::path::PathBuf;

use tacitus_dict::Dictionary;
use tacitus_dict::verbs::VerbDictionary;

use crate::document::{Article, Document};
use crate::stages::{Actors, Events, Gkg, Quotes, Segment, Timexes};

/// A layer of the [`Document`] that stages read and write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Layer {
    /// `sentences`.
    Sentences,
    /// `tokens` (internal).
    Tokens,
    /// `entities`.
    Entities,
    /// `timexes`.
    Timexes,
    /// `events`.
    Events,
    /// `quotes`.
    Quotes,
    /// `locations`.
    Locations,
    /// `tone`.
    Tone,
    /// `themes`.
    Themes,
}

/// Why a stage could not run at all on a document.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("stage {stage}: {message}")]
pub struct StageError {
    /// The stage's name.
    pub stage: &'static str,
    /// What went wrong, lowercase.
    pub message: String,
}

/// One step of the pipeline: built once, applied to many documents.
pub trait Stage: Send + Sync {
    /// Stable name, used in messages and golden files.
    fn name(&self) -> &'static str;
    /// Layers this stage reads.
    fn requires(&self) -> &'static [Layer] {
        &[]
    }
    /// Layers this stage writes.
    fn assigns(&self) -> &'static [Layer];
    /// Adds this stage's layers to `doc`. Problems in part of the article go
    /// to `doc.diagnostics`; `Err` means the stage could not run at all.
    fn process(&self, doc: &mut Document) -> Result<(), StageError>;
}

/// A stage that requires a layer no earlier stage assigns.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("stage {stage} requires {layer:?}, which no stage before it assigns")]
pub struct OrderError {
    /// The stage.
    pub stage: &'static str,
    /// The missing layer.
    pub layer: Layer,
}

/// Why a pipeline could not be built.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PipelineError {
    /// A stage name that the standard pipeline does not have.
    #[error("unknown stage {name:?}; the stages are: {known}")]
    UnknownStage {
        /// The name given.
        name: String,
        /// The names there are.
        known: String,
    },
    /// Stages in an order that cannot work.
    #[error(transparent)]
    Order(#[from] OrderError),
    /// A dictionary file that cannot be read or parsed.
    #[error(transparent)]
    Dictionary(#[from] tacitus_dict::Error),
}

/// What a pipeline is built from: the built-in dictionaries plus the
/// users' files (`tacitus code --actors FILE --verbs FILE`), whose entries win.
#[derive(Debug, Clone, Default)]
pub struct PipelineConfig {
    /// Extra actor dictionaries (`docs/dictionaries.md`).
    pub actor_files: Vec<PathBuf>,
    /// Extra verb-pattern dictionaries (`docs/verbs.md`).
    pub verb_files: Vec<PathBuf>,
}

/// The stages of the standard pipeline, in order, from `config`.
///
/// A cold start builds the dictionaries on two threads: the actors' on this
/// one; the verbs', places', themes', tone words' and time words' on the
/// other, with the events stage too when it codes with the built-in actors
/// (else it waits for the users' actors). The work, and the stages built,
/// are the same; on two cores a start takes about three quarters of the
/// time.
fn standard_stages(config: &PipelineConfig) -> Result<Vec<Box<dyn Stage>>, PipelineError> {
    std::thread::scope(|scope| {
        let side = scope.spawn(|| -> Result<_, PipelineError> {
            let verbs = user_verbs(&config.verb_files)?;
            let events = config.actor_files.is_empty().then(|| {
                Events::with_dictionaries(
                    verbs.as_ref().unwrap_or_else(|| VerbDictionary::builtin()),
                    Dictionary::builtin(),
                )
            });
            Ok((verbs, events, Timexes::new(), Gkg::new()))
        });
        // The actors' files are checked first, as they are read first.
        let actors = if config.actor_files.is_empty() {
            Ok(Actors::new())
        } else {
            Actors::with_user_files(&config.actor_files)
        };
        let side = side
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        let actors = actors?;
        let (verbs, events, timexes, gkg) = side?;
        let events = events.unwrap_or_else(|| {
            Events::with_dictionaries(
                verbs.as_ref().unwrap_or_else(|| VerbDictionary::builtin()),
                actors.dictionary(),
            )
        });
        Ok(vec![
            Box::new(Segment::new()) as Box<dyn Stage>,
            Box::new(actors),
            Box::new(timexes),
            Box::new(Quotes::new()),
            Box::new(events),
            Box::new(gkg),
        ])
    })
}

/// The built-in verb patterns with the users' files (`None` without any).
fn user_verbs(paths: &[PathBuf]) -> Result<Option<VerbDictionary>, PipelineError> {
    if paths.is_empty() {
        return Ok(None);
    }
    let mut files = Vec::new();
    for path in paths {
        let name = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| tacitus_dict::Error {
            file: name.clone(),
            line: 0,
            field: None,
            kind: tacitus_dict::ErrorKind::Io,
            message: format!("cannot read: {}", e.to_string().to_lowercase()),
        })?;
        files.push((name, text));
    }
    Ok(Some(VerbDictionary::with_user_patterns(&files)?))
}

/// The ordered stages.
pub struct Pipeline {
    stages: Vec<Box<dyn Stage>>,
}

impl fmt::Debug for Pipeline {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list()
            .entries(self.stages.iter().map(|s| s.name()))
            .finish()
    }
}

impl Pipeline {
    /// A pipeline of `stages` in order; fails when a stage requires a layer
    /// that no stage before it assigns.
    pub fn new(stages: Vec<Box<dyn Stage>>) -> Result<Self, OrderError> {
        let mut assigned: Vec<Layer> = Vec::new();
        for stage in &stages {
            if let Some(&layer) = stage.requires().iter().find(|l| !assigned.contains(l)) {
                return Err(OrderError {
                    stage: stage.name(),
                    layer,
                });
            }
            assigned.extend_from_slice(stage.assigns());
        }
        Ok(Pipeline { stages })
    }

    /// Every stage Tacitus has, in order, with the built-in dictionaries.
    pub fn standard() -> Self {
        Pipeline::configured(&PipelineConfig::default(), None)
            .expect("the standard order and the built-in dictionaries are checked by tests")
    }

    /// Only the named stages of the standard pipeline; see [`Pipeline::configured`].
    pub fn only(names: &[&str]) -> Result<Self, PipelineError> {
        Pipeline::configured(&PipelineConfig::default(), Some(names))
    }

    /// The standard pipeline built from `config`, or only the stages it
    /// `only` names, in the standard order. A name may also be a stage's
    /// alias (`time` for `timexes`, `text` for `segment`). Fails on a bad
    /// dictionary file (naming file, line and field), an unknown stage name,
    /// or a named stage that needs a layer no named stage before it assigns.
    pub fn configured(
        config: &PipelineConfig,
        only: Option<&[&str]>,
    ) -> Result<Self, PipelineError> {
        fn canonical(name: &str) -> &str {
            match name {
                "time" => "timexes",
                "text" => "segment",
                other => other,
            }
        }
        let stages = standard_stages(config)?;
        let Some(names) = only else {
            return Ok(Pipeline::new(stages)?);
        };
        let known: Vec<&'static str> = stages.iter().map(|s| s.name()).collect();
        if let Some(unknown) = names.iter().find(|n| !known.contains(&canonical(n))) {
            return Err(PipelineError::UnknownStage {
                name: unknown.to_string(),
                known: known.join(", "),
            });
        }
        let chosen = stages
            .into_iter()
            .filter(|s| names.iter().any(|n| canonical(n) == s.name()))
            .collect();
        Ok(Pipeline::new(chosen)?)
    }

    /// The stages' names, in order.
    pub fn names(&self) -> Vec<&'static str> {
        self.stages.iter().map(|s| s.name()).collect()
    }

    /// The stages, in order (to run or time them one by one).
    pub fn stages(&self) -> impl Iterator<Item = &dyn Stage> {
        self.stages.iter().map(|s| s.as_ref())
    }

    /// Runs every stage over a new document for `article`.
    pub fn run(&self, article: Article) -> Result<Document, StageError> {
        let mut doc = Document::new(article);
        self.process(&mut doc)?;
        Ok(doc)
    }

    /// Runs every stage over `doc`.
    pub fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        for stage in &self.stages {
            stage.process(doc)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Needs;
    impl Stage for Needs {
        fn name(&self) -> &'static str {
            "needs-sentences"
        }
        fn requires(&self) -> &'static [Layer] {
            &[Layer::Sentences]
        }
        fn assigns(&self) -> &'static [Layer] {
            &[]
        }
        fn process(&self, _doc: &mut Document) -> Result<(), StageError> {
            Ok(())
        }
    }

    #[test]
    fn wrong_order_fails_at_construction() {
        let err = Pipeline::new(vec![Box::new(Needs), Box::new(Segment::new())]).unwrap_err();
        assert_eq!(
            err.to_string(),
            "stage needs-sentences requires Sentences, which no stage before it assigns"
        );
        assert!(Pipeline::new(vec![Box::new(Segment::new()), Box::new(Needs)]).is_ok());
    }

    #[test]
    fn standard_order_is_valid() {
        let p = Pipeline::standard();
        assert_eq!(
            p.names(),
            vec!["segment", "actors", "timexes", "quotes", "events", "gkg"]
        );
    }

    #[test]
    fn only_picks_stages_by_name_or_alias() {
        assert_eq!(Pipeline::only(&["time"]).unwrap().names(), vec!["timexes"]);
        assert_eq!(
            Pipeline::only(&["timexes", "text"]).unwrap().names(),
            vec!["segment", "timexes"]
        );
        let err = Pipeline::only(&["sentiment"]).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("unknown stage \"sentiment\"; the stages are: segment")
        );
    }
}
