//! Integration tests of tacitus-core (one test binary, as STYLE.md asks):
//! ingest of every input format, and the pipeline over whole documents.

mod ingest;
mod pipeline;
