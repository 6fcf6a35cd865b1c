//! Ingest: bytes of one input (a file, stdin) → articles.
//!
//! Detects the format (SPEC §1: `text`, `html`, `timeml`, `jsonl`), decodes,
//! rejects what cannot be an article (binary data, an empty body, more than
//! [`MAX_INPUT_BYTES`]) with a one-line reason naming the input, and hands the
//! text to the format's reader. A JSONL input gives one result per line, so
//! one bad line does not stop the others.
//!
//! ```
//! use tacitus_core::ingest::{ingest, IngestOptions};
//!
//! let out = ingest(b"Japan and India signed a pact.", "note.txt", &IngestOptions::default()).unwrap();
//! let article = out.articles[0].as_ref().unwrap();
//! assert_eq!(article.text, "Japan and India signed a pact.");
//! assert_eq!(article.source.as_deref(), Some("note.txt"));
//! ```

pub mod dates;
pub mod html;
pub mod jsonl;
pub mod text;
pub mod timeml;

use std::fmt;

use jiff::civil::Date;

use crate::document::Article;

/// Inputs larger than this are rejected (20 MB).
pub const MAX_INPUT_BYTES: usize = 20 * 1000 * 1000;

/// An input format of SPEC §1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum InputFormat {
    /// Decide by extension, then by content.
    #[default]
    Auto,
    /// Plain text, with site-chrome detection.
    Text,
    /// An article page.
    Html,
    /// A TempEval-3 style TimeML document.
    Timeml,
    /// One JSON article a line.
    Jsonl,
}

/// How to read an input.
#[derive(Debug, Clone, Default)]
pub struct IngestOptions {
    /// The format, or `Auto`.
    pub format: InputFormat,
    /// Publication date that overrides what the article says (`--date`).
    pub date: Option<Date>,
}

/// Why an input (or one line of it) was rejected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IngestErrorKind {
    /// NUL bytes: not text.
    Binary,
    /// Nothing but whitespace where the body should be.
    Empty,
    /// Over [`MAX_INPUT_BYTES`].
    TooLarge(usize),
    /// The format's reader could not read it; the reason says why.
    Malformed(String),
}

/// A rejected input: which one and why. Displays as one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IngestError {
    /// The input's name (path, `<stdin>`, `file.jsonl:12`).
    pub input: String,
    /// The reason.
    pub kind: IngestErrorKind,
}

impl fmt::Display for IngestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let input = &self.input;
        match &self.kind {
            IngestErrorKind::Binary => write!(f, "{input}: binary data (NUL bytes), expected text"),
            IngestErrorKind::Empty => write!(f, "{input}: empty article body"),
            IngestErrorKind::TooLarge(n) => {
                write!(
                    f,
                    "{input}: {n} bytes is over the 20 MB limit for one input"
                )
            }
            IngestErrorKind::Malformed(why) => write!(f, "{input}: {why}"),
        }
    }
}

impl std::error::Error for IngestError {}

/// What one input gave: an article (or a rejection) per document, and warnings.
#[derive(Debug, Default)]
pub struct Ingested {
    /// One entry per document in the input, in order.
    pub articles: Vec<Result<Article, IngestError>>,
    /// Things worth telling the user that did not stop the input.
    pub warnings: Vec<String>,
}

/// Reads one input named `name` (used in messages and as `article.source`).
///
/// `Err` means the whole input was rejected; a JSONL input with some bad lines
/// is `Ok` with those lines' errors in [`Ingested::articles`].
pub fn ingest(bytes: &[u8], name: &str, opts: &IngestOptions) -> Result<Ingested, IngestError> {
    let reject = |kind| IngestError {
        input: name.to_string(),
        kind,
    };
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(reject(IngestErrorKind::TooLarge(bytes.len())));
    }
    if bytes.contains(&0) {
        return Err(reject(IngestErrorKind::Binary));
    }
    let mut out = Ingested::default();
    // Valid UTF-8 (nearly every input) is checked by `from_utf8`, which
    // reads ASCII a word at a time; `from_utf8_lossy` walks it in chunks
    // and is several times slower.
    let decoded = match std::str::from_utf8(bytes) {
        Ok(text) => std::borrow::Cow::Borrowed(text),
        Err(_) => String::from_utf8_lossy(bytes),
    };
    if matches!(decoded, std::borrow::Cow::Owned(_)) {
        out.warnings.push(format!(
            "{name}: invalid UTF-8, decoded with U+FFFD replacement characters"
        ));
    }
    let raw = decoded.strip_prefix('\u{feff}').unwrap_or(&decoded);
    let format = match opts.format {
        InputFormat::Auto => detect_format(name, raw),
        f => f,
    };
    let finish = |article: Result<Article, String>, input: &str, default_source: Option<&str>| {
        let mut article = article.map_err(|why| IngestError {
            input: input.to_string(),
            kind: IngestErrorKind::Malformed(why),
        })?;
        if article.text.trim().is_empty() {
            return Err(IngestError {
                input: input.to_string(),
                kind: IngestErrorKind::Empty,
            });
        }
        // The readers build articles with `Article::from_text`, which set
        // the id from the final body; it is not hashed twice.
        debug_assert_eq!(article.id, crate::document::article_id(&article.text));
        if article.source.is_none() {
            article.source = default_source.map(str::to_string);
        }
        if opts.date.is_some() {
            article.published = opts.date;
        }
        Ok(article)
    };
    let source = (name != "<stdin>").then_some(name);
    match format {
        InputFormat::Jsonl => {
            for (i, line) in raw.lines().enumerate() {
                let input = format!("{name}:{}", i + 1);
                match jsonl::parse_line(line) {
                    Ok(None) => {}
                    Ok(Some(article)) => out.articles.push(finish(Ok(article), &input, None)),
                    Err(why) => out.articles.push(finish(Err(why), &input, None)),
                }
            }
            if out.articles.is_empty() {
                return Err(reject(IngestErrorKind::Empty));
            }
            // A JSONL file that holds no article at all (a manifest, a
            // list of records): one error for the file, not one a line.
            if let [Err(first), rest @ ..] = out.articles.as_slice()
                && !rest.is_empty()
                && rest
                    .iter()
                    .all(|r| r.as_ref().err().is_some_and(|e| e.kind == first.kind))
                && let IngestErrorKind::Malformed(why) = &first.kind
            {
                let lines = rest.len() + 1;
                return Err(reject(IngestErrorKind::Malformed(format!(
                    "no line is an article: {why} on all {lines} lines"
                ))));
            }
        }
        InputFormat::Html => out.articles.push(finish(html::parse(raw), name, source)),
        InputFormat::Timeml => {
            // The file name identifies a .tml document; its DOCID stands in on stdin.
            let article = timeml::parse(raw).map(|mut a| {
                if source.is_some() {
                    a.source = None;
                }
                a
            });
            out.articles.push(finish(article, name, source))
        }
        InputFormat::Text | InputFormat::Auto => {
            out.articles
                .push(finish(Ok(text::parse(raw)), name, source))
        }
    }
    if let [Err(e)] = out.articles.as_slice() {
        return Err(e.clone());
    }
    Ok(out)
}

/// The format of an input, by extension first, then by its first bytes.
///
/// Extensions: `.html`/`.htm`/`.xhtml`/`.shtml` html, `.tml`/`.timeml` timeml,
/// `.jsonl`/`.ndjson`/`.json` jsonl, `.txt`/`.text`/`.md` text; `.xml` and
/// anything else are decided by content: a `<TimeML>` root is timeml, an
/// html doctype or `<html>`/`<head>`/`<body>` is html, a first line that is
/// a JSON object is jsonl, and the rest is text.
///
/// ```
/// use tacitus_core::ingest::{detect_format, InputFormat};
///
/// assert_eq!(detect_format("a.htm", ""), InputFormat::Html);
/// assert_eq!(detect_format("-", "<?xml version=\"1.0\"?>\n<TimeML>"), InputFormat::Timeml);
/// assert_eq!(detect_format("-", "{\"text\": \"a\"}\n"), InputFormat::Jsonl);
/// assert_eq!(detect_format("-", "{Editor's note} Talks resumed."), InputFormat::Text);
/// ```
pub fn detect_format(name: &str, text: &str) -> InputFormat {
    let lower = name.to_ascii_lowercase();
    let file = lower.rsplit(['/', '\\']).next().unwrap_or("");
    let ext = file.rsplit_once('.').map(|(_, e)| e).unwrap_or("");
    match ext {
        "html" | "htm" | "xhtml" | "shtml" => return InputFormat::Html,
        "tml" | "timeml" => return InputFormat::Timeml,
        "jsonl" | "ndjson" | "json" => return InputFormat::Jsonl,
        "txt" | "text" | "md" => return InputFormat::Text,
        _ => {}
    }
    let head = text.trim_start();
    let head_lower: String = head
        .chars()
        .take(2048)
        .collect::<String>()
        .to_ascii_lowercase();
    let has_tag = |tag: &str| {
        head_lower.match_indices(tag).any(|(i, _)| {
            head_lower[i + tag.len()..]
                .chars()
                .next()
                .is_none_or(|c| c == '>' || c.is_whitespace() || c == '/')
        })
    };
    if head_lower.starts_with('<') {
        if has_tag("<timeml") {
            return InputFormat::Timeml;
        }
        if head_lower.starts_with("<!doctype html")
            || has_tag("<html")
            || has_tag("<head")
            || has_tag("<body")
        {
            return InputFormat::Html;
        }
    }
    let first_line = head.lines().next().unwrap_or("");
    if first_line.starts_with('{')
        && serde_json::from_str::<serde_json::Value>(first_line).is_ok_and(|v| v.is_object())
    {
        return InputFormat::Jsonl;
    }
    InputFormat::Text
}
