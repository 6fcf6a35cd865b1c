//! Reader for JSONL inputs (SPEC §1): one article a line,
//! `{"text": …, "title"?: …, "date"?: …, "url"?: …, "source"?: …, "id"?: …}`.
//!
//! - `text` is the body exactly as given: no site-chrome detection and no
//!   trimming, since callers' offsets index it.
//! - `date` is `YYYY-MM-DD`, or an ISO 8601 timestamp whose date part is taken
//!   (`2025-01-13T08:00:00Z`); anything else is an error naming the field.
//! - `article.source` is `source`, else `id`, else `url`: SPEC keeps `id` as
//!   the source "unless `source` is given too", so outputs can be matched to
//!   inputs; a URL is the fallback for lines that name nothing else. An `id`
//!   may be a string or a number.
//! - `null` means absent; unknown fields (`entities`, `timexes`, …) are ignored.
//!
//! ```
//! use tacitus_core::ingest::jsonl::parse_line;
//!
//! let a = parse_line(r#"{"id": "d1", "date": "2025-01-13", "text": " Japan met India. "}"#)
//!     .unwrap()
//!     .unwrap();
//! assert_eq!(a.text, " Japan met India. ");
//! assert_eq!(a.source.as_deref(), Some("d1"));
//! assert_eq!(a.published.unwrap().to_string(), "2025-01-13");
//! assert!(parse_line("").unwrap().is_none());
//! assert!(parse_line("{").unwrap_err().starts_with("line is not valid JSON"));
//! ```

use serde_json::{Map, Value};

use super::dates::parse_iso_date;
use crate::document::Article;

/// Parses one line; `Ok(None)` for a blank line.
pub fn parse_line(line: &str) -> Result<Option<Article>, String> {
    if line.trim().is_empty() {
        return Ok(None);
    }
    let value: Value =
        serde_json::from_str(line).map_err(|e| format!("line is not valid JSON: {e}"))?;
    let Value::Object(mut obj) = value else {
        return Err(format!(
            "expected a JSON object with a \"text\" field, found {}",
            kind(&value)
        ));
    };
    // Taken out of the object, not copied: it is the bulk of the line.
    let text = match obj.remove("text") {
        Some(Value::String(s)) => s,
        None | Some(Value::Null) => return Err("missing field \"text\"".to_string()),
        Some(other) => {
            return Err(format!(
                "field \"text\": expected a string, found {}",
                kind(&other)
            ));
        }
    };
    let mut article = Article::from_text(text);
    article.title = string_field(&obj, "title")?;
    article.source = match string_field(&obj, "source")? {
        Some(s) => Some(s),
        None => match id_field(&obj)? {
            Some(id) => Some(id),
            None => string_field(&obj, "url")?,
        },
    };
    if let Some(date) = string_field(&obj, "date")? {
        let parsed = parse_iso_date(&date).ok_or_else(|| {
            format!(
                "field \"date\": expected YYYY-MM-DD, found {}",
                quoted(&date)
            )
        })?;
        article.published = Some(parsed);
    }
    Ok(Some(article))
}

/// A string field; `null` or absent is `None`, another type an error.
fn string_field(obj: &Map<String, Value>, name: &str) -> Result<Option<String>, String> {
    match obj.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(other) => Err(format!(
            "field \"{name}\": expected a string, found {}",
            kind(other)
        )),
    }
}

/// `id` may be a number in some datasets.
fn id_field(obj: &Map<String, Value>) -> Result<Option<String>, String> {
    match obj.get("id") {
        Some(Value::Number(n)) => Ok(Some(n.to_string())),
        _ => string_field(obj, "id"),
    }
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// A value for a one-line message: quoted, escaped, and cut at 40 characters.
fn quoted(s: &str) -> String {
    let cut: String = s.chars().take(40).collect();
    let more = if cut.len() < s.len() { "…" } else { "" };
    format!("{:?}{more}", cut)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn precedence() {
        let src = |l: &str| parse_line(l).unwrap().unwrap().source;
        assert_eq!(
            src(r#"{"text":"a","id":"i","url":"u","source":"s"}"#).as_deref(),
            Some("s")
        );
        assert_eq!(
            src(r#"{"text":"a","id":"i","url":"u"}"#).as_deref(),
            Some("i")
        );
        assert_eq!(
            src(r#"{"text":"a","url":"u","source":null}"#).as_deref(),
            Some("u")
        );
        assert_eq!(src(r#"{"text":"a","id":7}"#).as_deref(), Some("7"));
        assert_eq!(src(r#"{"text":"a"}"#), None);
    }

    #[test]
    fn dates() {
        let p = |l: &str| parse_line(l).map(|a| a.and_then(|a| a.published).map(|d| d.to_string()));
        assert_eq!(
            p(r#"{"text":"a","date":"2025-01-13T08:00:00Z"}"#),
            Ok(Some("2025-01-13".into()))
        );
        assert_eq!(p(r#"{"text":"a","date":null}"#), Ok(None));
        let err = p(r#"{"text":"a","date":"2025-02-30"}"#).unwrap_err();
        assert_eq!(
            err,
            "field \"date\": expected YYYY-MM-DD, found \"2025-02-30\""
        );
    }

    #[test]
    fn errors() {
        assert!(parse_line("[1]").unwrap_err().contains("JSON object"));
        assert_eq!(
            parse_line(r#"{"title":"t"}"#).unwrap_err(),
            "missing field \"text\""
        );
        assert!(
            parse_line(r#"{"text":1}"#)
                .unwrap_err()
                .contains("\"text\"")
        );
        let e = parse_line("{\"text\": \"a\",").unwrap_err();
        assert!(!e.contains('\n'), "{e}");
    }
}
