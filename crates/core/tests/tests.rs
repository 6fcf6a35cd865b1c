//! Integration tests of tacitus-core (one test binary, as STYLE.md asks):
//! ingest of every input format, the pipeline over whole documents, and
//! the actors stage over its case file, the events and quotes stages.

mod actors;
mod events;
mod gdelt;
mod gkg;
mod ingest;
mod pipeline;
mod quotes;
