//! Output writers: `json` (one pretty document), `jsonl` (one document a
//! line), as SPEC §2 serializes them.

use std::io::{self, Write};

use serde::Serialize;

use crate::document::Document;

/// An output format of `tacitus code`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputFormat {
    /// Pretty JSON: one document, or an array of them.
    Json,
    /// One compact JSON document a line.
    Jsonl,
    /// TempEval-3 style TimeML with the TIMEX3 tags found.
    Timeml,
}

/// Writes one document as pretty JSON followed by a newline.
pub fn write_json<W: Write>(out: &mut W, doc: &Document) -> io::Result<()> {
    pretty(out, doc)
}

/// Writes documents as one pretty JSON array followed by a newline.
pub fn write_json_array<W: Write>(out: &mut W, docs: &[Document]) -> io::Result<()> {
    pretty(out, docs)
}

/// Writes one document as one line of compact JSON.
pub fn write_jsonl<W: Write>(out: &mut W, doc: &Document) -> io::Result<()> {
    serde_json::to_writer(&mut *out, doc).map_err(io::Error::other)?;
    out.write_all(b"\n")
}

fn pretty<W: Write, T: Serialize + ?Sized>(out: &mut W, value: &T) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value).map_err(io::Error::other)?;
    out.write_all(b"\n")
}
