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
/// little-endian words, zero-padded: the key of the lexicon's longest words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct PackedWord([u64; 3]);

impl std::hash::Hash for PackedWord {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        let [a, b, c] = self.0;
        state.write_u64(a ^ b.rotate_left(21) ^ c.rotate_left(42));
    }
}

/// The longest word of [`ToneIndex::short`], in bytes: one `u64`.
const MAX_SHORT: usize = 8;

/// The longest word of [`ToneIndex::medium`], in bytes: two `u64`.
const MAX_MEDIUM: usize = 16;

/// Bit 7 of each byte.
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The bit of a slot of [`ToneIndex::short`] or [`ToneIndex::medium`] that
/// says the word is negative (bit 7 of a key's last byte: clear in every
/// ASCII key).
const NEGATIVE: u64 = 1 << 63;

/// The tone lexicon for lookups: its ASCII words of up to 16 bytes in two
/// open-addressed tables, the longer ones packed in a map, the others by
/// text.
///
/// Tone looks up every word of every article, and most are short: a word
/// of up to eight bytes is one load from the text, masked and lowercased
/// in a register, one multiplication and most often one slot compared. (A
/// packed three-word key, a Bloom filter and a hash map cost about twice as
/// much.)
struct ToneIndex {
    /// The lexicon's ASCII words of 2 to [`MAX_SHORT`] bytes, at most a
    /// quarter full: a slot is the word's lowercase bytes as one
    /// little-endian `u64`, zero-padded, with [`NEGATIVE`] set for a
    /// negative word; 0 is an empty slot.
    short: Box<[u64]>,
    /// The same for the words of 9 to [`MAX_MEDIUM`] bytes, in two `u64`;
    /// [`NEGATIVE`] is set in the second. A slot whose second `u64` is 0 is
    /// empty.
    medium: Box<[[u64; 2]]>,
    /// The lexicon's longer ASCII words.
    long: FxHashMap<PackedWord, Polarity>,
    lexicon: &'static ToneLexicon,
}

impl ToneIndex {
    fn new(lexicon: &'static ToneLexicon) -> Self {
        let (mut shorts, mut mediums) = (Vec::new(), Vec::new());
        let mut long = FxHashMap::default();
        for (w, p) in lexicon.iter() {
            let Some(key) = pack_lowercase(w.as_bytes()) else {
                continue;
            };
            let neg = if p == Polarity::Negative { NEGATIVE } else { 0 };
            if w.len() <= MAX_SHORT {
                shorts.push(key.0[0] | neg);
            } else if w.len() <= MAX_MEDIUM {
                mediums.push([key.0[0], key.0[1] | neg]);
            } else {
                long.insert(key, p);
            }
        }
        let mut short = vec![0u64; (shorts.len() * 4).next_power_of_two()].into_boxed_slice();
        for slot in shorts {
            let mut i = slot_of(slot & !NEGATIVE, short.len());
            while short[i] != 0 {
                i = (i + 1) & (short.len() - 1);
            }
            short[i] = slot;
        }
        let mut medium =
            vec![[0u64; 2]; (mediums.len() * 4).next_power_of_two()].into_boxed_slice();
        for [a, b] in mediums {
            let mut i = slot_of(a ^ (b & !NEGATIVE).rotate_left(29), medium.len());
            while medium[i][1] != 0 {
                i = (i + 1) & (medium.len() - 1);
            }
            medium[i] = [a, b];
        }
        ToneIndex {
            short,
            medium,
            long,
            lexicon,
        }
    }

    /// The polarity of a lowercase ASCII word of 2 to [`MAX_SHORT`] bytes,
    /// packed into one `u64`.
    #[inline]
    fn get_short(&self, key: u64) -> Option<Polarity> {
        let mask = self.short.len() - 1;
        let mut i = slot_of(key, self.short.len());
        loop {
            let slot = self.short.get(i).copied().unwrap_or(0);
            if slot & !NEGATIVE == key {
                return Some(polarity(slot));
            }
            if slot == 0 {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    /// The polarity of a lowercase ASCII word of 9 to [`MAX_MEDIUM`] bytes,
    /// packed into two `u64`.
    #[inline]
    fn get_medium(&self, a: u64, b: u64) -> Option<Polarity> {
        let mask = self.medium.len() - 1;
        let mut i = slot_of(a ^ b.rotate_left(29), self.medium.len());
        loop {
            let [sa, sb] = self.medium.get(i).copied().unwrap_or_default();
            if sa == a && sb & !NEGATIVE == b {
                return Some(polarity(sb));
            }
            if sb == 0 {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    /// The polarity of `text[range]` (any case), a word of 2 to
    /// [`MAX_LOOKUP`] bytes.
    #[inline]
    fn get_in(
        &self,
        text: &str,
        range: std::ops::Range<usize>,
        buf: &mut String,
    ) -> Option<Polarity> {
        let bytes = text.as_bytes();
        let n = range.len();
        let a = words::load8(bytes, range.start);
        if n <= MAX_SHORT {
            let a = a & low_bytes(n);
            if a & HIGH == 0 {
                return self.get_short(lowercase(a));
            }
        } else if n <= MAX_MEDIUM {
            let b = words::load8(bytes, range.start + 8) & low_bytes(n - 8);
            if (a | b) & HIGH == 0 {
                return self.get_medium(lowercase(a), lowercase(b));
            }
        } else if let Some(key) = pack_lowercase_in(bytes, range.clone()) {
            return self.long.get(&key).copied();
        }
        self.get_wide(text.get(range)?, buf)
    }

    /// The polarity of a word as written (any case).
    #[cfg(test)]
    fn get(&self, word: &str, buf: &mut String) -> Option<Polarity> {
        self.get_in(word, 0..word.len(), buf)
    }

    /// The polarity of a word that is not ASCII. Out of line: it is rare,
    /// and inlined its buffer cost the usual word's loop registers.
    #[cold]
    #[inline(never)]
    fn get_wide(&self, word: &str, buf: &mut String) -> Option<Polarity> {
        buf.clear();
        buf.extend(word.chars().flat_map(char::to_lowercase).map(|c| match c {
            '’' | '‘' => '\'',
            c => c,
        }));
        self.lexicon.get(buf)
    }
}

/// The polarity a slot's [`NEGATIVE`] bit says.
#[inline]
fn polarity(slot: u64) -> Polarity {
    if slot & NEGATIVE != 0 {
        Polarity::Negative
    } else {
        Polarity::Positive
    }
}

/// The first slot to probe for `hash` in a table of `len` slots (a power
/// of two).
#[inline]
fn slot_of(hash: u64, len: usize) -> usize {
    (hash.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - len.trailing_zeros())) as usize
}

/// A mask of the low `n` bytes of a `u64`, `n` from 1 to 8.
#[inline]
fn low_bytes(n: usize) -> u64 {
    u64::MAX >> (64 - 8 * n)
}

/// Eight ASCII bytes with their uppercase letters lowered.
#[inline]
fn lowercase(x: u64) -> u64 {
    // Per ASCII byte: bit 7 of `x + 0x3F` is set from 'A' on, of
    // `x + 0x25` from past 'Z' on; an uppercase letter gains 0x20.
    let upper =
        x.wrapping_add(0x3F3F_3F3F_3F3F_3F3F) & !x.wrapping_add(0x2525_2525_2525_2525) & HIGH;
    x | (upper >> 2)
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
    let word = text.get(range.clone())?;
    if word.len() > MAX_LOOKUP {
        return None;
    }
    let mut packed = [0u64; 3];
    let mut high = 0;
    for (p, from) in packed.iter_mut().zip(range.clone().step_by(8)) {
        let n = (range.end - from).min(8);
        let x = match text.get(from..from + 8) {
            Some(chunk) => u64::from_le_bytes(chunk.try_into().ok()?) & low_bytes(n),
            None => {
                let mut chunk = [0u8; 8];
                chunk[..n].copy_from_slice(&text[from..from + n]);
                u64::from_le_bytes(chunk)
            }
        };
        high |= x;
        *p = lowercase(x);
    }
    (high & HIGH == 0).then_some(PackedWord(packed))
}

/// GDELT-style tone over the word tokens: the percentage of words in the
/// positive and in the negative lexicon, their difference and their sum.
/// Percentages are rounded to two decimals. (Out of line, so that profiles
/// show its cost.)
#[inline(never)]
fn tone(doc: &Document, lexicon: &ToneIndex) -> Tone {
    let text = doc.text();
    let (mut words, mut pos, mut neg) = (0usize, 0usize, 0usize);
    let mut buf = String::new();
    for t in &doc.tokens {
        if t.kind != TokenKind::Word {
            continue;
        }
        words += 1;
        // Lexicon words are 2 to 20 letters; skip the lookup for others.
        if !(2..=MAX_LOOKUP).contains(&t.end.saturating_sub(t.start)) {
            continue;
        }
        match lexicon.get_in(text, t.start..t.end, &mut buf) {
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
        let index = ToneIndex::new(ToneLexicon::builtin());
        let mut buf = String::new();
        assert_eq!(index.get("Peace", &mut buf), Some(Polarity::Positive));
        assert_eq!(index.get("KILLED", &mut buf), Some(Polarity::Negative));
        assert_eq!(index.get("minister", &mut buf), None);
    }

    #[test]
    fn every_lexicon_word_is_found_in_any_case() {
        let lexicon = ToneLexicon::builtin();
        let index = ToneIndex::new(lexicon);
        let mut buf = String::new();
        let mut lengths = [0usize; 3];
        for (w, p) in lexicon.iter() {
            if !(2..=MAX_LOOKUP).contains(&w.len()) {
                continue;
            }
            lengths[usize::from(w.len() > MAX_SHORT) + usize::from(w.len() > MAX_MEDIUM)] += 1;
            for form in [
                w.to_string(),
                w.to_uppercase(),
                format!("{w}s"),
                format!("x{w}"),
            ] {
                let text = format!("{form} and more after it");
                assert_eq!(
                    index.get_in(&text, 0..form.len(), &mut buf),
                    lexicon
                        .get(&form.to_lowercase())
                        .or((form.len() == w.len()).then_some(p)),
                    "{form}"
                );
                assert_eq!(
                    index.get(&form, &mut buf),
                    lexicon
                        .get(&form.to_lowercase())
                        .or((form.len() == w.len()).then_some(p)),
                    "{form}"
                );
            }
        }
        assert!(lengths.iter().all(|&n| n > 0), "{lengths:?}");
    }
}
