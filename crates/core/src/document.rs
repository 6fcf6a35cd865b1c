//! The coded document of SPEC §2 (schema `tacitus/1`): the [`Article`] and
//! every layer the stages add, each annotation a span of *character* offsets
//! (Unicode scalar values, end exclusive) into `article.text`.
//!
//! Stages work on bytes internally (Rust slices strings by byte); the
//! [`Document`] keeps an [`OffsetMap`] so they convert at the layer boundary
//! with [`Document::char_span`] and [`Document::byte_range`].
//!
//! ```
//! use tacitus_core::{Article, Document};
//!
//! let doc = Document::new(Article::from_text("Café Tokyo".to_string()));
//! // "Tokyo" is bytes 6..11 but characters 5..10.
//! let span = doc.char_span(6..11);
//! assert_eq!((span.start, span.end), (5, 10));
//! assert_eq!(doc.slice(span), "Tokyo");
//! ```

use std::borrow::Cow;
use std::ops::Range;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use tacitus_text::offsets::OffsetMap;
use tacitus_text::tokens::Token;

/// The schema name every document carries.
pub const SCHEMA: &str = "tacitus/1";

/// A span of character offsets into `article.text`, end exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (characters).
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// Number of characters covered.
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// True when the span covers nothing.
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
}

/// One news article as ingested: metadata and the body that all offsets index.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Stable id: the first 16 hex digits of the SHA-256 of `text`.
    pub id: String,
    /// Path or URL the article came from, or what the input named as its id.
    pub source: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// Standfirst under the headline.
    pub subtitle: Option<String>,
    /// Section name ("World News").
    pub section: Option<String>,
    /// Publication date: the reference time of relative expressions.
    pub published: Option<Date>,
    /// ISO 639-1 language code; Tacitus reads English.
    pub language: String,
    /// The body text.
    pub text: String,
}

impl Article {
    /// An article whose body is `text`, with no metadata.
    pub fn from_text(text: String) -> Self {
        Article {
            id: article_id(&text),
            source: None,
            title: None,
            subtitle: None,
            section: None,
            published: None,
            language: "en".to_string(),
            text,
        }
    }
}

/// The stable article id of a body: first 16 hex digits of its SHA-256.
pub fn article_id(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    digest.iter().take(8).map(|b| format!("{b:02x}")).collect()
}

/// A sentence.
pub type Sentence = Span;

/// A span with the text it covers, as SPEC §2 prints mentions and evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// The covered text.
    pub text: String,
}

/// What kind of thing an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// A named person.
    Person,
    /// A country as a whole.
    Country,
    /// A government ("Tokyo said", "the Trump administration").
    Government,
    /// An organization that is none of the kinds below.
    Organization,
    /// A business.
    Company,
    /// An intergovernmental organization or grouping of states.
    Igo,
    /// A news medium.
    Media,
    /// A non-state armed or social group.
    Group,
    /// A place that is not a country.
    Location,
}

/// An actor: one thing the text names, with all its mentions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// `E1`, `E2`, … in order of first mention.
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// Kind of actor.
    pub kind: EntityKind,
    /// CAMEO actor code as of the publication date.
    pub actor: Option<String>,
    /// ISO 3166 alpha-3 country.
    pub country: Option<String>,
    /// Role or title as the text gives it ("Prime Minister").
    pub role: Option<String>,
    /// Every mention by name, in text order.
    pub mentions: Vec<Mention>,
    /// Pronouns and phrases such as "the nation" that refer to it, in text
    /// order (absent from JSON when there are none).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<Mention>,
}

impl Entity {
    /// Its mentions by name, then its references.
    pub fn all_mentions(&self) -> impl Iterator<Item = &Mention> {
        self.mentions.iter().chain(&self.references)
    }
}

/// TIMEX3 type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    /// A calendar date or period.
    Date,
    /// A time of day.
    Time,
    /// A length of time.
    Duration,
    /// A recurrence.
    Set,
}

/// A temporal expression, normalized against the publication date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Timex {
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// The covered text.
    pub text: String,
    /// TIMEX3 type.
    #[serde(rename = "type")]
    pub kind: TimexType,
    /// TIMEX3 value (`2025-02`, `P3D`, `PRESENT_REF`, …).
    pub value: String,
    /// TIMEX3 modifier (`MID`, `START`, …).
    #[serde(rename = "mod")]
    pub modifier: Option<String>,
}

/// How an event stands: happened, planned, wanted, possible or denied.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Modality {
    /// Happened or is happening.
    Asserted,
    /// Scheduled, set, expected, "will".
    Planned,
    /// Wanted, hoped, aimed at.
    Intended,
    /// Could, may, might.
    Possible,
    /// Did not, will not, refused to.
    Negated,
}

/// One side of an event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventActor {
    /// CAMEO actor code as of the event's date.
    pub actor: Option<String>,
    /// The entity id, when the actor is an entity of this document.
    pub entity: Option<String>,
}

/// A place with coordinates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Place {
    /// Name.
    pub name: String,
    /// ISO 3166 alpha-3 country.
    pub country: Option<String>,
    /// Latitude in degrees.
    pub lat: Option<f64>,
    /// Longitude in degrees.
    pub lon: Option<f64>,
}

/// A coded event: who did (or plans to do) what to whom, when.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// `V1`, `V2`, …
    pub id: String,
    /// Index of the sentence in `sentences`.
    pub sentence: usize,
    /// Who acts.
    pub source: Option<EventActor>,
    /// Who is acted upon.
    pub target: Option<EventActor>,
    /// CAMEO event code (2–4 digits).
    pub code: String,
    /// First two digits of `code`.
    pub root: String,
    /// 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    pub quad_class: u8,
    /// Goldstein score of `code`.
    pub goldstein: f64,
    /// PLOVER event type.
    pub plover: String,
    /// Asserted, planned, intended, possible or negated.
    pub modality: Modality,
    /// When it happens: a TIMEX3 value.
    pub date: Option<String>,
    /// TIMEX3 modifier of `date`.
    pub date_mod: Option<String>,
    /// Where it happens.
    pub location: Option<Place>,
    /// The smallest span that shows the event.
    pub evidence: Mention,
    /// The dictionary rule that fired.
    pub rule: String,
    /// Id of the first event expanded from the same mention.
    pub group: String,
}

/// A direct quotation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// The quoted words.
    pub text: String,
    /// Entity id of the speaker.
    pub speaker: Option<String>,
}

/// A place the article mentions, with its mentions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Location {
    /// Name.
    pub name: String,
    /// ISO 3166 alpha-3 country.
    pub country: Option<String>,
    /// Latitude in degrees.
    pub lat: Option<f64>,
    /// Longitude in degrees.
    pub lon: Option<f64>,
    /// Every mention.
    pub mentions: Vec<Mention>,
}

/// GDELT-style tone: percentages of words in the positive and negative lexicons.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Tone {
    /// positive − negative.
    pub tone: f64,
    /// Percentage of positive words.
    pub positive: f64,
    /// Percentage of negative words.
    pub negative: f64,
    /// positive + negative.
    pub polarity: f64,
    /// Words counted.
    pub words: usize,
}

/// A theme of the taxonomy with how often it is mentioned.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Theme {
    /// Theme name (`TRADE_TARIFFS`).
    pub theme: String,
    /// Number of mentions.
    pub mentions: usize,
}

/// A problem a stage met in part of an article; the stage carried on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The stage that met it.
    pub stage: &'static str,
    /// What happened, lowercase, no final period.
    pub message: String,
}

/// One article and every layer the pipeline adds: exactly what SPEC §2 serializes.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Document {
    /// Always `tacitus/1`.
    pub schema: String,
    /// The article; all offsets index `article.text`.
    pub article: Article,
    /// Sentences in text order.
    pub sentences: Vec<Sentence>,
    /// Actors.
    pub entities: Vec<Entity>,
    /// Temporal expressions.
    pub timexes: Vec<Timex>,
    /// Coded events.
    pub events: Vec<Event>,
    /// Direct quotations.
    pub quotes: Vec<Quote>,
    /// Places.
    pub locations: Vec<Location>,
    /// Tone, once the GKG stage has run.
    pub tone: Option<Tone>,
    /// Themes.
    pub themes: Vec<Theme>,
    /// Tokens with *byte* offsets into `article.text` (internal; not serialized).
    #[serde(skip)]
    pub tokens: Vec<Token>,
    /// Problems stages met and carried on past (not serialized).
    #[serde(skip)]
    pub diagnostics: Vec<Diagnostic>,
    #[serde(skip)]
    offsets: Option<OffsetMap>,
}

impl Document {
    /// A document holding `article` with no layers yet.
    pub fn new(article: Article) -> Self {
        let offsets = Some(OffsetMap::new(&article.text));
        Document {
            schema: SCHEMA.to_string(),
            article,
            sentences: Vec::new(),
            entities: Vec::new(),
            timexes: Vec::new(),
            events: Vec::new(),
            quotes: Vec::new(),
            locations: Vec::new(),
            tone: None,
            themes: Vec::new(),
            tokens: Vec::new(),
            diagnostics: Vec::new(),
            offsets,
        }
    }

    /// The body text.
    pub fn text(&self) -> &str {
        &self.article.text
    }

    /// The char↔byte map of the body (rebuilt only for a deserialized document).
    fn offsets(&self) -> Cow<'_, OffsetMap> {
        match &self.offsets {
            Some(map) => Cow::Borrowed(map),
            None => Cow::Owned(OffsetMap::new(&self.article.text)),
        }
    }

    /// The char span of a byte range of the body (clamped to the text).
    pub fn char_span(&self, bytes: Range<usize>) -> Span {
        let r = self.offsets().char_range(bytes);
        Span::new(r.start, r.end)
    }

    /// The byte range of a char span of the body (clamped to the text).
    pub fn byte_range(&self, span: Span) -> Range<usize> {
        self.offsets().byte_range(span.start..span.end)
    }

    /// The text a char span covers ("" when out of bounds).
    pub fn slice(&self, span: Span) -> &str {
        self.article.text.get(self.byte_range(span)).unwrap_or("")
    }

    /// A [`Mention`] for a byte range of the body.
    pub fn mention(&self, bytes: Range<usize>) -> Mention {
        let span = self.char_span(bytes.clone());
        Mention {
            start: span.start,
            end: span.end,
            text: self.article.text.get(bytes).unwrap_or("").to_string(),
        }
    }

    /// One line per annotation in a stable order, for golden tests and debugging.
    pub fn render(&self) -> String {
        use std::fmt::Write;
        let mut out = String::new();
        let a = &self.article;
        let _ = writeln!(
            out,
            "article {} published={:?}",
            a.id,
            a.published.map(|d| d.to_string())
        );
        for (key, value) in [
            ("title", &a.title),
            ("subtitle", &a.subtitle),
            ("section", &a.section),
        ] {
            if let Some(v) = value {
                let _ = writeln!(out, "{key} {v}");
            }
        }
        for (i, s) in self.sentences.iter().enumerate() {
            let _ = writeln!(
                out,
                "sentence {i} {}..{} {}",
                s.start,
                s.end,
                self.slice(*s)
            );
        }
        for t in &self.timexes {
            let m = t.modifier.as_deref().unwrap_or("-");
            let _ = writeln!(
                out,
                "timex {}..{} {:?} {} {m} {}",
                t.start, t.end, t.kind, t.value, t.text
            );
        }
        out
    }
}
