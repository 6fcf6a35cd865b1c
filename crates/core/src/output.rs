//! Output writers: `json` (one pretty document), `jsonl` (one document a
//! line), as SPEC §2 serializes them, `timeml` (the body with the TIMEX3
//! tags found, for the TempEval-3 scorers); `gdelt` rows are written by
//! [`crate::gdelt`].

use std::io::{self, Write};

use serde::Serialize;

use tacitus_time::{TimexMod, TimexType as TimeType};

use crate::document::{Document, TimexType};

/// An output format of `tacitus code`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputFormat {
    /// Pretty JSON: one document, or an array of them.
    Json,
    /// One compact JSON document a line.
    Jsonl,
    /// TempEval-3 style TimeML with the TIMEX3 tags found.
    Timeml,
    /// GDELT 2.0 Events TSV, 61 columns, no header ([`crate::gdelt`]).
    Gdelt,
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

/// Every TIMEX3 modifier, to map the document's strings back to the tagger's.
const MODIFIERS: [TimexMod; 12] = [
    TimexMod::Start,
    TimexMod::Mid,
    TimexMod::End,
    TimexMod::Approx,
    TimexMod::Before,
    TimexMod::After,
    TimexMod::OnOrBefore,
    TimexMod::OnOrAfter,
    TimexMod::LessThan,
    TimexMod::MoreThan,
    TimexMod::EqualOrLess,
    TimexMod::EqualOrMore,
];

/// The document as TempEval-3 TimeML: its DCT (the publication date) and
/// its text with inline TIMEX3 tags. The DOCID is the source's file stem,
/// else the article id. `Err` when the document has no publication date,
/// which TimeML requires.
pub fn timeml(doc: &Document) -> Result<String, String> {
    let Some(dct) = doc.article.published else {
        return Err("TimeML output needs a publication date; give one with --date".to_string());
    };
    let timexes: Vec<tacitus_time::Timex> = doc
        .timexes
        .iter()
        .map(|t| {
            let bytes = doc.byte_range(crate::Span::new(t.start, t.end));
            tacitus_time::Timex {
                start: bytes.start,
                end: bytes.end,
                kind: match t.kind {
                    TimexType::Date => TimeType::Date,
                    TimexType::Time => TimeType::Time,
                    TimexType::Duration => TimeType::Duration,
                    TimexType::Set => TimeType::Set,
                },
                value: t.value.clone(),
                modifier: t
                    .modifier
                    .as_deref()
                    .and_then(|m| MODIFIERS.into_iter().find(|x| x.as_str() == m)),
            }
        })
        .collect();
    let id = doc
        .article
        .source
        .as_deref()
        .and_then(|s| std::path::Path::new(s).file_stem()?.to_str())
        .unwrap_or(&doc.article.id);
    Ok(tacitus_time::timeml::write(doc.text(), dct, &timexes, id))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Article, Pipeline};

    #[test]
    fn timeml_tags_the_body_and_keeps_the_dct() {
        let mut article =
            Article::from_text("Talks resume in mid-February & end on Friday.".into());
        article.published = Some(jiff::civil::date(2025, 1, 13));
        article.source = Some("news/wire-17.txt".into());
        let doc = Pipeline::standard().run(article).unwrap();
        let tml = timeml(&doc).unwrap();
        assert!(tml.contains("<DOCID>wire-17</DOCID>"), "{tml}");
        assert!(
            tml.contains(r#"functionInDocument="CREATION_TIME">2025-01-13</TIMEX3>"#),
            "{tml}"
        );
        assert!(
            tml.contains(r#"<TIMEX3 tid="t1" type="DATE" value="2025-02" mod="MID">mid-February</TIMEX3> &amp; end"#),
            "{tml}"
        );
    }

    #[test]
    fn timeml_needs_a_date() {
        let doc = Pipeline::standard()
            .run(Article::from_text("On Friday.".into()))
            .unwrap();
        assert!(timeml(&doc).unwrap_err().contains("--date"));
    }
}
