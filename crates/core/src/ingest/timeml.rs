//! Reader for `timeml` inputs: TempEval-3 style `.tml` documents.
//!
//! ```text
//! <TimeML>
//! <DOCID>wsj_0001</DOCID>
//! <DCT><TIMEX3 tid="t0" type="DATE" value="1998-02-27" functionInDocument="CREATION_TIME">02/27/1998</TIMEX3></DCT>
//! <TITLE>…</TITLE>
//! <TEXT>… <EVENT eid="e1" class="OCCURRENCE">said</EVENT> … </TEXT>
//! </TimeML>
//! ```
//!
//! - `article.text` is the character content of `<TEXT>` with every tag
//!   removed and entities decoded, *exactly* as an XML parser reports it: not
//!   trimmed, and with XML's end-of-line normalization (`\r\n` → `\n`). So
//!   offsets agree with what a TimeML consumer (the TempEval-3 tools, Python's
//!   ElementTree) counts when it strips the tags of `<TEXT>`. Unknown entities
//!   (no DTD is read) are kept as written, `&name;`.
//! - `published` is the date of the DCT's TIMEX3 `value` (`1998-02-27`,
//!   `19980227`, `1998-02-27T08:00`), or of any TIMEX3 whose
//!   `functionInDocument` is `CREATION_TIME` when there is no `<DCT>`.
//! - `title` is the `<TITLE>` text, whitespace collapsed; `source` is the
//!   `<DOCID>` (the caller replaces it with the file name when there is one).
//!
//! Malformed XML (mismatched or unclosed tags, a missing `<TEXT>`) is an error
//! with a one-line reason and the byte position.
//!
//! ```
//! use tacitus_core::ingest::timeml::parse;
//!
//! let tml = r#"<TimeML><DOCID>d1</DOCID><DCT><TIMEX3 tid="t0" type="DATE" value="1998-02-27" functionInDocument="CREATION_TIME">Feb 27</TIMEX3></DCT>
//! <TEXT> Sales rose <TIMEX3 tid="t1" type="DATE" value="1998-02-26">yesterday</TIMEX3> &amp; fell. </TEXT></TimeML>"#;
//! let a = parse(tml).unwrap();
//! assert_eq!(a.text, " Sales rose yesterday & fell. ");
//! assert_eq!(a.published.unwrap().to_string(), "1998-02-27");
//! assert_eq!(a.source.as_deref(), Some("d1"));
//! ```

use jiff::civil::Date;
use quick_xml::Reader;
use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesStart, Event};

use super::dates::parse_iso_date;
use crate::document::Article;

/// Where the reader is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Text,
    Title,
    DocId,
    Other,
}

/// Parses one timeml document into an article.
pub fn parse(raw: &str) -> Result<Article, String> {
    let mut reader = Reader::from_str(raw);
    let config = reader.config_mut();
    config.check_end_names = true;
    config.expand_empty_elements = false;

    // Open elements with the part each is in (kept per element so that a
    // deeply nested document costs no more per event than a flat one).
    let mut stack: Vec<(String, Part)> = Vec::new();
    let mut text: Option<String> = None;
    let mut title = String::new();
    let mut doc_id = String::new();
    let mut dct: Option<Date> = None;
    let mut creation_time: Option<Date> = None;
    let mut in_dct = false;
    let mut saw_root = false;
    let mut texts_seen = 0;

    loop {
        let pos = reader.buffer_position();
        let event = reader.read_event().map_err(|e| {
            format!(
                "malformed timeml at byte {pos}: {}",
                one_line(&e.to_string())
            )
        })?;
        let part = stack.last().map_or(Part::Other, |(_, p)| *p);
        match event {
            Event::Start(e) => {
                let name = local_name(&e);
                saw_root = true;
                if name.eq_ignore_ascii_case("TEXT") && part != Part::Text {
                    texts_seen += 1;
                    if texts_seen > 1 {
                        return Err("more than one <TEXT> element in timeml document".to_string());
                    }
                    text = Some(String::new());
                }
                if name.eq_ignore_ascii_case("DCT") {
                    in_dct = true;
                }
                timex_date(&e, in_dct, &mut dct, &mut creation_time);
                let inner = part_of(&name).unwrap_or(part);
                stack.push((name, inner));
            }
            Event::Empty(e) => {
                saw_root = true;
                timex_date(&e, in_dct, &mut dct, &mut creation_time);
            }
            Event::End(e) => {
                let name = e.local_name().as_ref().to_string();
                if name.eq_ignore_ascii_case("DCT") {
                    in_dct = false;
                }
                stack.pop();
            }
            Event::Text(t) => push(part, &t.xml10_content(), &mut text, &mut title, &mut doc_id),
            Event::CData(t) => push(part, &t.xml10_content(), &mut text, &mut title, &mut doc_id),
            Event::GeneralRef(r) => {
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    Ok(None) => {
                        let name = r.xml10_content();
                        match resolve_predefined_entity(&name) {
                            Some(s) => s.to_string(),
                            None => format!("&{name};"),
                        }
                    }
                    Err(e) => {
                        return Err(format!(
                            "malformed timeml at byte {pos}: {}",
                            one_line(&e.to_string())
                        ));
                    }
                };
                push(part, &resolved, &mut text, &mut title, &mut doc_id);
            }
            Event::Eof => break,
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => {}
        }
    }
    if let Some((open, _)) = stack.last() {
        return Err(format!("malformed timeml: <{open}> is never closed"));
    }
    if !saw_root {
        return Err("not a timeml document: no elements".to_string());
    }
    let Some(text) = text else {
        return Err("no <TEXT> element in timeml document".to_string());
    };
    let mut article = Article::from_text(text);
    let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    article.title = Some(squash(&title)).filter(|t| !t.is_empty());
    article.source = Some(squash(&doc_id)).filter(|t| !t.is_empty());
    article.published = dct.or(creation_time);
    Ok(article)
}

fn local_name(e: &BytesStart<'_>) -> String {
    e.local_name().as_ref().to_string()
}

/// The part of the document an element opens, if it opens one.
fn part_of(name: &str) -> Option<Part> {
    if name.eq_ignore_ascii_case("TEXT") {
        Some(Part::Text)
    } else if name.eq_ignore_ascii_case("TITLE") {
        Some(Part::Title)
    } else if name.eq_ignore_ascii_case("DOCID") {
        Some(Part::DocId)
    } else {
        None
    }
}

fn push(part: Part, s: &str, text: &mut Option<String>, title: &mut String, doc_id: &mut String) {
    match part {
        Part::Text => {
            if let Some(t) = text.as_mut() {
                t.push_str(s);
            }
        }
        Part::Title => title.push_str(s),
        Part::DocId => doc_id.push_str(s),
        Part::Other => {}
    }
}

/// Records the date of a TIMEX3 in the DCT, or one marked as creation time.
fn timex_date(
    e: &BytesStart<'_>,
    in_dct: bool,
    dct: &mut Option<Date>,
    creation: &mut Option<Date>,
) {
    if !local_name(e).eq_ignore_ascii_case("TIMEX3") {
        return;
    }
    let mut value = None;
    let mut function = None;
    for attr in e.attributes().with_checks(false).flatten() {
        let key = attr.key.local_name().as_ref().to_string();
        let Ok(v) = attr.normalized_value(quick_xml::XmlVersion::Implicit1_0) else {
            continue;
        };
        if key == "value" {
            value = Some(v.into_owned());
        } else if key == "functionInDocument" {
            function = Some(v.into_owned());
        }
    }
    let date = value.as_deref().and_then(parse_iso_date);
    if in_dct && dct.is_none() {
        *dct = date;
    } else if function.as_deref() == Some("CREATION_TIME") && creation.is_none() {
        *creation = date;
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors() {
        assert!(
            parse("<TimeML><TEXT>a</TimeML>")
                .unwrap_err()
                .starts_with("malformed timeml")
        );
        assert_eq!(
            parse("<TimeML><DCT/></TimeML>").unwrap_err(),
            "no <TEXT> element in timeml document"
        );
        assert!(
            parse("<TimeML><TEXT>a")
                .unwrap_err()
                .contains("never closed")
        );
        assert!(parse("plain words").is_err());
    }

    #[test]
    fn entities_and_crlf() {
        let a = parse("<TimeML><TEXT>a &lt;b&gt; &#233;\r\nc &nbsp;</TEXT></TimeML>").unwrap();
        assert_eq!(a.text, "a <b> é\nc &nbsp;");
        assert_eq!(a.published, None);
    }

    #[test]
    fn compact_dct() {
        let a = parse(r#"<TimeML><DCT><TIMEX3 value="19980227"/></DCT><TEXT>x</TEXT></TimeML>"#)
            .unwrap();
        assert_eq!(
            a.published.map(|d| d.to_string()).as_deref(),
            Some("1998-02-27")
        );
    }
}
