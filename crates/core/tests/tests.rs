//! Integration tests of tacitus-core (one test binary, as STYLE.md asks):
//! ingest of every input format, the pipeline over whole documents, and
//! the actors stage over its case file, and the events stage.

mod actors;
mod events;
mod ingest;
mod pipeline;
