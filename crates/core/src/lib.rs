//! Tacitus core: the [`Document`] that every stage annotates, news
//! [`ingest`] (text, HTML, TimeML, JSONL), the [`Pipeline`] of stages and the
//! output writers (JSON, JSONL, TimeML and GDELT 2.0 Events: [`gdelt`]).
//!
//! Data flows one way: bytes → [`Article`] → [`Document`] → layers → output.
//!
//! ```
//! use tacitus_core::{Article, Pipeline};
//!
//! let pipeline = Pipeline::standard();
//! let article = Article::from_text("Japan and India signed a pact. It was hailed.".to_string());
//! let doc = pipeline.run(article).unwrap();
//! assert_eq!(doc.sentences.len(), 2);
//! assert_eq!(doc.schema, "tacitus/1");
//! ```

#![deny(missing_docs)]

pub mod document;
pub mod gdelt;
pub mod ingest;
pub mod output;
pub mod pipeline;
pub mod stages;

pub use document::{Article, Document, Span};
pub use pipeline::{Layer, Pipeline, PipelineError, Stage, StageError};
