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

pub(crate) mod places;
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
    tone: ToneIndex,
    themes: themes::ThemeMatcher,
    places: &'static places::GeoIndex,
    /// The bytes a theme phrase or a place name may start with.
    word_first: words::FirstBytes,
}

static INNER: LazyLock<Arc<Inner>> = LazyLock::new(|| {
    let themes = themes::ThemeMatcher::new(tacitus_dict::themes::Themes::builtin());
    let places = places::GeoIndex::builtin();
    let mut word_first = *themes.first_bytes();
    for (w, &p) in word_first.iter_mut().zip(places.first_bytes()) {
        *w |= p;
    }
    Arc::new(Inner {
        tone: ToneIndex::new(ToneLexicon::builtin()),
        themes,
        places,
        word_first,
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
        let starts = words::WordStarts::new(doc.text(), &self.inner.word_first);
        doc.themes = self.inner.themes.themes(doc, &starts);
        places::locate(doc, self.inner.places, &starts);
        Ok(())
    }
}

/// The longest word looked up in the tone lexicon, in bytes.
const MAX_LOOKUP: usize = 24;

/// A lowercase ASCII word of at most [`MAX_LOOKUP`] bytes packed into three
/// little-endian words, zero-padded: a key that hashes and compares in a
/// few instructions (tone looks up every word of every article).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct PackedWord([u64; 3]);

impl PackedWord {
    /// The three words folded into one.
    fn mix(self) -> u64 {
        let [a, b, c] = self.0;
        a ^ b.rotate_left(21) ^ c.rotate_left(42)
    }

    /// The word of [`ToneIndex::seen`] for this word and its two bits in
    /// it (from disjoint bits of one hash).
    fn seen_bits(self) -> (usize, u64) {
        let h = self.mix().wrapping_mul(0x9E37_79B9_7F4A_7C15);
        let word = (h >> (64 - (SEEN_BITS / 64).trailing_zeros())) as usize;
        (word, 1 << ((h >> 20) & 63) | 1 << ((h >> 26) & 63))
    }
}

impl std::hash::Hash for PackedWord {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        state.write_u64(self.mix());
    }
}

/// The size of [`ToneIndex::seen`] in bits (a power of two).
const SEEN_BITS: usize = 1 << 16;

/// The tone lexicon for lookups: its ASCII words packed, the others by text.
struct ToneIndex {
    ascii: FxHashMap<PackedWord, Polarity>,
    /// Two bits set in one `u64` for each word of `ascii` (a blocked Bloom
    /// filter: one load, about a third of the false positives of one bit):
    /// most words of an article are in no lexicon, and a clear bit says so
    /// cheaper than the map, whose entries miss the cache.
    seen: Vec<u64>,
    lexicon: &'static ToneLexicon,
}

impl ToneIndex {
    fn new(lexicon: &'static ToneLexicon) -> Self {
        let mut ascii: FxHashMap<PackedWord, Polarity> = FxHashMap::default();
        ascii.reserve(lexicon.len());
        ascii.extend(
            lexicon
                .iter()
                .filter_map(|(w, p)| Some((pack_lowercase(w.as_bytes())?, p))),
        );
        let mut seen = vec![0u64; SEEN_BITS / 64];
        for key in ascii.keys() {
            let (word, bits) = key.seen_bits();
            seen[word] |= bits;
        }
        ToneIndex {
            ascii,
            seen,
            lexicon,
        }
    }

    /// The polarity of a packed word.
    fn get_packed(&self, key: PackedWord) -> Option<Polarity> {
        let (word, bits) = key.seen_bits();
        if self.seen[word] & bits != bits {
            return None;
        }
        self.ascii.get(&key).copied()
    }

    /// The polarity of a word as written (any case).
    #[cfg(test)]
    fn get(&self, word: &str, buf: &mut String) -> Option<Polarity> {
        if let Some(key) = pack_lowercase(word.as_bytes()) {
            return self.get_packed(key);
        }
        self.get_wide(word, buf)
    }

    /// The polarity of a word that is not ASCII.
    fn get_wide(&self, word: &str, buf: &mut String) -> Option<Polarity> {
        buf.clear();
        buf.extend(word.chars().flat_map(char::to_lowercase).map(|c| match c {
            '’' | '‘' => '\'',
            c => c,
        }));
        self.lexicon.get(buf)
    }
}

/// An ASCII word of at most [`MAX_LOOKUP`] bytes, lowercased and packed;
/// `None` for other words.
fn pack_lowercase(word: &[u8]) -> Option<PackedWord> {
    pack_lowercase_in(word, 0..word.len())
}

/// [`pack_lowercase`] of `text[range]`, read from `text` in eight-byte
/// chunks with the bytes past the word masked off. (Copying the word into a
/// zeroed buffer first made each chunk's load wait for the byte stores: a
/// store-forwarding stall on every word of every article.)
fn pack_lowercase_in(text: &[u8], range: std::ops::Range<usize>) -> Option<PackedWord> {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let word = text.get(range.clone())?;
    if word.len() > MAX_LOOKUP {
        return None;
    }
    let mut packed = [0u64; 3];
    let mut high = 0;
    for (p, from) in packed.iter_mut().zip(range.clone().step_by(8)) {
        let n = (range.end - from).min(8);
        let x = match text.get(from..from + 8) {
            Some(chunk) => u64::from_le_bytes(chunk.try_into().ok()?) & (u64::MAX >> (64 - 8 * n)),
            None => {
                let mut chunk = [0u8; 8];
                chunk[..n].copy_from_slice(&text[from..from + n]);
                u64::from_le_bytes(chunk)
            }
        };
        high |= x;
        // Per ASCII byte: bit 7 of `x + 0x3F` is set from 'A' on, of
        // `x + 0x25` from past 'Z' on; an uppercase letter gains 0x20.
        let upper =
            x.wrapping_add(0x3F3F_3F3F_3F3F_3F3F) & !x.wrapping_add(0x2525_2525_2525_2525) & HIGH;
        *p = x | (upper >> 2);
    }
    (high & HIGH == 0).then_some(PackedWord(packed))
}

/// [`pack_lowercase_in`] of the `len` bytes (at most eight) at `start`,
/// which lie in `text`: one load.
#[inline]
fn pack_short(text: &[u8], start: usize, len: usize) -> Option<PackedWord> {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let x = words::load8(text, start) & (u64::MAX >> (64 - 8 * len));
    let upper =
        x.wrapping_add(0x3F3F_3F3F_3F3F_3F3F) & !x.wrapping_add(0x2525_2525_2525_2525) & HIGH;
    (x & HIGH == 0).then_some(PackedWord([x | (upper >> 2), 0, 0]))
}

/// GDELT-style tone over the word tokens: the percentage of words in the
/// positive and in the negative lexicon, their difference and their sum.
/// Percentages are rounded to two decimals.
fn tone(doc: &Document, lexicon: &ToneIndex) -> Tone {
    let text = doc.text();
    let (mut words, mut pos, mut neg) = (0usize, 0usize, 0usize);
    let mut buf = String::new();
    for t in &doc.tokens {
        if t.kind != TokenKind::Word {
            continue;
        }
        // Lexicon words are 2 to 20 letters; skip the lookup for others.
        let lookup = 2..=MAX_LOOKUP;
        // The usual word: ASCII (so on char boundaries), looked up packed;
        // one of at most eight bytes (most words) in one load.
        let len = t.end.wrapping_sub(t.start);
        let packed = if (2..=8).contains(&len) && t.end <= text.len() {
            pack_short(text.as_bytes(), t.start, len)
        } else if lookup.contains(&len) && t.end <= text.len() {
            pack_lowercase_in(text.as_bytes(), t.start..t.end)
        } else {
            None
        };
        let polarity = if let Some(key) = packed {
            lexicon.get_packed(key)
        } else {
            let Some(word) = text.get(t.start..t.end) else {
                continue;
            };
            if !lookup.contains(&word.len()) {
                words += 1;
                continue;
            }
            lexicon.get_wide(word, &mut buf)
        };
        words += 1;
        match polarity {
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

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packed_words_are_lowercase() {
        assert_eq!(pack_lowercase(b"Killed"), pack_lowercase(b"killed"));
        assert_eq!(pack_lowercase(b"KILLED@[Z`"), pack_lowercase(b"killed@[z`"));
        assert_ne!(pack_lowercase(b"kill"), pack_lowercase(b"killed"));
        assert_eq!(pack_lowercase("café".as_bytes()), None);
        assert_eq!(pack_lowercase(&[b'a'; 25]), None);
        let text = b"x Peacekeepers-KILLED\xC3";
        assert_eq!(
            pack_lowercase_in(text, 2..14),
            pack_lowercase(b"peacekeepers")
        );
        assert_eq!(pack_lowercase_in(text, 15..21), pack_lowercase(b"killed"));
        assert_eq!(pack_lowercase_in(text, 15..22), None);
        assert_eq!(pack_lowercase_in(text, 15..23), None);
        for (start, len) in [(2, 2), (2, 8), (15, 6), (15, 7), (20, 2), (21, 2)] {
            assert_eq!(
                pack_short(text, start, len),
                pack_lowercase_in(text, start..start + len),
                "{start} {len}"
            );
        }
        let index = ToneIndex::new(ToneLexicon::builtin());
        let mut buf = String::new();
        assert_eq!(index.get("Peace", &mut buf), Some(Polarity::Positive));
        assert_eq!(index.get("KILLED", &mut buf), Some(Polarity::Negative));
        assert_eq!(index.get("minister", &mut buf), None);
    }
}
