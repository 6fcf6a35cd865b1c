//! The `gkg` stage (`Gkg` in DESIGN.md), after GDELT's Global Knowledge
//! Graph: the document's **tone** (percentages of words in the positive and
//! negative lexicons), its **themes** (a taxonomy of world-news themes with
//! mention counts) and its **locations** (countries, cities and named
//! regions with coordinates), and the `location` of events where the text
//! says where they happen.
//!
//! Reads `tokens`, `sentences`, `entities` and `events`; writes `tone`,
//! `themes`, `locations` and `events[].location`. Runs last. The
//! dictionaries are `tone.tsv` (over VADER's lexicon), `themes.tsv` and the
//! `geo-*.tsv` gazetteer of `tacitus-dict`; `docs/gkg.md` says how each
//! layer is computed.
//!
//! ```
//! use tacitus_core::{Article, Pipeline};
//!
//! let doc = Pipeline::standard()
//!     .run(Article::from_text(
//!         "Protesters rallied in Nairobi against new tariffs. Police killed two protesters.".into(),
//!     ))
//!     .unwrap();
//! let tone = doc.tone.as_ref().unwrap();
//! assert!(tone.negative > 0.0 && tone.tone < 0.0);
//! assert!(doc.themes.iter().any(|t| t.theme == "PROTEST" && t.mentions == 3));
//! assert!(doc.themes.iter().any(|t| t.theme == "TRADE_TARIFFS"));
//! let nairobi = doc.locations.iter().find(|l| l.name == "Nairobi").unwrap();
//! assert_eq!(nairobi.country.as_deref(), Some("KEN"));
//! ```

mod places;
mod themes;
mod words;

use std::sync::{Arc, LazyLock};

use rustc_hash::FxHashMap;
use tacitus_dict::tone::{Polarity, ToneLexicon};
use tacitus_text::TokenKind;

use crate::document::{Document, Tone};
use crate::pipeline::{Layer, Stage, StageError};

pub use places::{GeoKind, PlaceFacts, country_place, place_facts};

/// The dictionaries compiled into matchers, built once and shared.
struct Inner {
    /// The tone lexicon by the bytes of its lowercase words.
    tone: FxHashMap<Box<[u8]>, Polarity>,
    themes: themes::ThemeMatcher,
    places: &'static places::GeoIndex,
}

static INNER: LazyLock<Arc<Inner>> = LazyLock::new(|| {
    Arc::new(Inner {
        tone: ToneLexicon::builtin()
            .iter()
            .map(|(w, p)| (Box::from(w.as_bytes()), p))
            .collect(),
        themes: themes::ThemeMatcher::new(tacitus_dict::themes::Themes::builtin()),
        places: places::GeoIndex::builtin(),
    })
});

/// Tone, themes and locations. Cheap to clone: the matchers are shared.
#[derive(Clone)]
pub struct Gkg {
    inner: Arc<Inner>,
}

impl std::fmt::Debug for Gkg {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Gkg").finish_non_exhaustive()
    }
}

impl Default for Gkg {
    fn default() -> Self {
        Gkg::new()
    }
}

impl Gkg {
    /// The stage with the built-in dictionaries.
    pub fn new() -> Self {
        Gkg {
            inner: Arc::clone(&INNER),
        }
    }
}

impl Stage for Gkg {
    fn name(&self) -> &'static str {
        "gkg"
    }

    fn requires(&self) -> &'static [Layer] {
        &[Layer::Sentences, Layer::Tokens, Layer::Entities]
    }

    fn assigns(&self) -> &'static [Layer] {
        &[Layer::Tone, Layer::Themes, Layer::Locations]
    }

    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        doc.tone = Some(tone(doc, &self.inner.tone));
        let starts = words::WordStarts::new(doc.text());
        doc.themes = self.inner.themes.themes(doc, &starts);
        places::locate(doc, self.inner.places, &starts);
        Ok(())
    }
}

/// GDELT-style tone over the word tokens: the percentage of words in the
/// positive and in the negative lexicon, their difference and their sum.
/// Percentages are rounded to two decimals.
fn tone(doc: &Document, lexicon: &FxHashMap<Box<[u8]>, Polarity>) -> Tone {
    let text = doc.text();
    let (mut words, mut pos, mut neg) = (0usize, 0usize, 0usize);
    let mut buf = String::new();
    let mut ascii = [0u8; MAX_LOOKUP];
    for t in &doc.tokens {
        if t.kind != TokenKind::Word {
            continue;
        }
        let Some(word) = text.get(t.start..t.end) else {
            continue;
        };
        words += 1;
        // Lexicon words are 2 to 20 letters; skip the lookup for others.
        if word.len() < 2 || word.len() > MAX_LOOKUP {
            continue;
        }
        let key = match ascii_lowercase(word.as_bytes(), &mut ascii) {
            Some(lower) => lower,
            None => {
                buf.clear();
                buf.extend(word.chars().flat_map(char::to_lowercase).map(|c| match c {
                    '’' | '‘' => '\'',
                    c => c,
                }));
                buf.as_bytes()
            }
        };
        match lexicon.get(key) {
            Some(Polarity::Positive) => pos += 1,
            Some(Polarity::Negative) => neg += 1,
            None => {}
        }
    }
    let pct = |n: usize| {
        if words == 0 {
            0.0
        } else {
            round2(n as f64 * 100.0 / words as f64)
        }
    };
    let (positive, negative) = (pct(pos), pct(neg));
    Tone {
        tone: round2(positive - negative),
        positive,
        negative,
        polarity: round2(positive + negative),
        words,
    }
}

/// The longest word looked up in the tone lexicon, in bytes.
const MAX_LOOKUP: usize = 24;

/// An ASCII `word` (at most [`MAX_LOOKUP`] bytes) in lowercase, written into
/// `buf`; `None` when the word is not ASCII.
fn ascii_lowercase<'a>(word: &[u8], buf: &'a mut [u8; MAX_LOOKUP]) -> Option<&'a [u8]> {
    let lower = buf.get_mut(..word.len())?;
    let mut high = 0;
    for (l, &b) in lower.iter_mut().zip(word) {
        high |= b;
        *l = b.to_ascii_lowercase();
    }
    high.is_ascii().then_some(lower)
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}
