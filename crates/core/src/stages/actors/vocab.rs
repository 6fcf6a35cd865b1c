//! The words a thread's documents had: each distinct folded word once, with
//! its facts and normalized form, and which of them the current document
//! has.
//!
//! A word's facts are the same in every document, and most words of a
//! document were in one before; so a token costs one lookup here (none for
//! a one-byte word), which gives its word's id, facts and forms at once. A
//! table per document and a memo of facts beside it cost a second lookup
//! for each distinct word of each document, and a copy of its facts.

use std::hint::select_unpredictable;
use std::ops::Range;

use super::lexicon::{self, short_key};
use super::{F_ALL, Picks, WordFacts};

/// The distinct words (folded) of a thread's documents, by id: ids below
/// 128 are the one-byte ASCII words, the others come as they are met.
#[derive(Default)]
pub(super) struct Vocab {
    /// The stage (`Inner::id`) whose dictionaries gave the facts.
    pub(super) owner: u64,
    /// The ids of the words of two bytes or more (or none), by [`key`]
    /// ([`FREE`] for a free slot), and each word's key by id ([`Key::FREE`]
    /// below 128). Open addressing with linear probing, at most half
    /// full: a word found at its first slot costs a multiplication and a
    /// compare, a third of a `HashMap` lookup, and there is one per token.
    /// Four bytes a slot, and the keys in order of first use (the common
    /// words together): slots of (key, id), six times the size, missed
    /// the cache for most distinct words of a document.
    slots: Vec<u32>,
    keys: Vec<Key>,
    /// Each word's facts, text and normalized form.
    words: Vec<Word>,
    /// Where a new word's normalized form is written first.
    scratch: String,
    /// What the loops over a document's tokens read of each word, two
    /// bytes a word: most words of a document are looked at there only,
    /// and a 56-byte [`Word`] each (one more cache line) cost more than
    /// the rest of a token.
    hot: Vec<Hot>,
    /// The words of the current document (with [`DOC_SEEN`]), in order.
    seen: Picks,
}

/// One distinct word: its facts, text and normalized form (`None`: the
/// word itself). Each text is a box of its own: reading one is a load, not
/// a range to check.
struct Word {
    facts: WordFacts,
    text: Box<str>,
    norm: Option<Box<str>>,
}

/// What the loops over the tokens read of a word.
#[derive(Clone, Copy)]
struct Hot {
    /// The flags of a `Word` token of it (`F_*`: [`WordFacts::tok_flags`]),
    /// [`HOT_NAME_FIRST`] and [`HOT_SPORT`].
    word: u8,
    /// Its `DOC_*` bits in the current document.
    doc: u8,
}

/// A gazetteer name starts with the word ([`WordFacts::gaz_first`]).
const HOT_NAME_FIRST: u8 = 1 << 6;
/// A word of sports reports (`lexicon::W_SPORT`).
const HOT_SPORT: u8 = 1 << 7;
const _: () = assert!(F_ALL & (HOT_NAME_FIRST | HOT_SPORT) == 0);

/// The current document has the word.
pub(super) const DOC_SEEN: u8 = 1;
/// Some token of it is a `Word` (not an abbreviation or number).
pub(super) const DOC_AS_WORD: u8 = 2;
/// Some token of it is capitalized away from a sentence start and from a
/// headline.
pub(super) const DOC_MID_CAP: u8 = 4;

/// The id of the one-byte word `c` (ASCII), in every table.
#[inline]
pub(super) fn byte_id(c: u8) -> u32 {
    u32::from(c)
}

/// A free slot of [`Vocab::slots`].
const FREE: u32 = u32::MAX;

/// The key of a word of two bytes or more (or none), [`key`].
#[derive(Clone, Copy, PartialEq, Eq)]
struct Key {
    lo: u64,
    hi: u64,
}

impl Key {
    /// No word's key (nor a one-byte word's).
    const FREE: Key = Key { lo: 0, hi: 0 };

    /// Whether the key is the word itself (else other words may share it).
    #[inline]
    fn exact(self) -> bool {
        self.hi >> 56 != 0xFF
    }

    /// The word's [`short_key`] if it has two to seven bytes.
    #[inline]
    fn short(self) -> Option<u64> {
        (self.hi == 0).then_some(self.lo)
    }
}

/// The key of a word of two bytes or more (or none). Most words are their
/// key, compared without a load of their text: up to seven bytes, its
/// [`short_key`] (whose top byte is the length, not zero) and zero; eight
/// to fifteen bytes, the first eight and the [`short_key`] of the rest
/// with the top bit set. A longer word's key is a hash of it with the top
/// byte of `hi` 0xFF, checked against the word's text.
#[inline]
fn key(b: &[u8]) -> Key {
    match b.len() {
        2..=7 => Key {
            lo: short_key(b),
            hi: 0,
        },
        8..=15 => Key {
            lo: u64::from_le_bytes(b[..8].try_into().unwrap_or_default()),
            hi: short_key(&b[8..]) | (1 << 63),
        },
        _ => {
            use std::hash::BuildHasher;
            let hash = rustc_hash::FxBuildHasher.hash_one(b);
            Key {
                lo: hash,
                hi: hash | (0xFF << 56),
            }
        }
    }
}

/// [`key`] of the word `text[at]`, read with no branch on its length
/// when sixteen bytes follow its start: a branch per token on the length
/// of its word is mispredicted often.
#[inline]
fn key_at(text: &[u8], at: Range<usize>) -> Key {
    let n = at.len();
    if let (2..=15, Some(bytes)) = (n, text.get(at.start..).and_then(<[u8]>::first_chunk)) {
        let bytes: &[u8; 16] = bytes;
        let eight = |b: &[u8]| u64::from_le_bytes(b.try_into().unwrap_or_default());
        let (head, rest) = (eight(&bytes[..8]), eight(&bytes[8..]));
        let long = n >= 8;
        // The bytes past the first eight, or the word's bytes if fewer:
        // the word's are kept ([`short_key`]).
        let tail_len = (n % 8) as u64;
        let tail = select_unpredictable(long, rest, head);
        let tail = (tail & ((1 << (8 * tail_len)) - 1)) | (tail_len << 56);
        return Key {
            lo: select_unpredictable(long, head, tail),
            hi: select_unpredictable(long, tail | (1 << 63), 0),
        };
    }
    key(text.get(at).unwrap_or_default())
}

/// How the facts of a new word are computed: `facts(word, key, norm)`
/// with its [`short_key`] when it has two to seven bytes, appending its
/// normalized form to `norm` and telling whether that is the word as is
/// (then it appends nothing).
pub(super) trait FactsOf: Fn(&str, Option<u64>, &mut String) -> (WordFacts, bool) {}
impl<F: Fn(&str, Option<u64>, &mut String) -> (WordFacts, bool)> FactsOf for F {}

impl Vocab {
    /// Words the table holds before it starts over, at the next document
    /// (some 12 MB with their texts).
    const MAX: usize = 1 << 17;

    /// Readies the table for a new document of the stage `owner`, of
    /// `tokens` tokens: no word is in the document yet; the table starts
    /// over if another stage filled it or it is full.
    pub(super) fn start(&mut self, owner: u64, tokens: usize, facts: impl FactsOf) {
        if self.owner != owner || self.words.len() >= Vocab::MAX || self.words.is_empty() {
            *self = Vocab {
                owner,
                slots: vec![FREE; 1 << 12],
                ..Vocab::default()
            };
            for c in 0..128u8 {
                let w = char::from(c).to_string();
                self.add(&w, None, &facts);
            }
        }
        for &id in self.seen.as_slice() {
            self.hot[id as usize].doc = 0;
        }
        self.seen.clear(tokens);
    }

    /// The id of the word of bytes `text[at]`, whose text is `w()`: added
    /// with `facts` if new.
    #[inline]
    pub(super) fn id<'w>(
        &mut self,
        text: &[u8],
        at: Range<usize>,
        w: impl FnOnce() -> &'w str,
        facts: impl FactsOf,
    ) -> u32 {
        let b = text.get(at.clone()).unwrap_or_default();
        if let &[c] = b
            && c < 128
        {
            return byte_id(c);
        }
        let key = key_at(text, at);
        match self.find(b, key) {
            Ok(id) => id,
            Err(slot) => {
                let id = self.add(w(), key.short(), facts);
                self.keys[id as usize] = key;
                self.slots[slot] = id;
                self.filled();
                id
            }
        }
    }

    /// The id of the word of bytes `b` (two or more, or none) with key
    /// `key`, or the free slot where it would go.
    #[inline(always)] // one call a token: not worth a call
    fn find(&self, b: &[u8], key: Key) -> Result<u32, usize> {
        let mask = self.slots.len() - 1;
        let mut slot = self.slot(key);
        loop {
            let id = self.slots[slot];
            if id == FREE {
                return Err(slot);
            }
            if self.keys[id as usize] == key
                && (key.exact() || *self.words[id as usize].text.as_bytes() == *b)
            {
                return Ok(id);
            }
            slot = (slot + 1) & mask;
        }
    }

    /// The first slot to try for `key` (multiplicative hashing: the top
    /// bits of the product).
    #[inline]
    fn slot(&self, key: Key) -> usize {
        let bits = self.slots.len().trailing_zeros();
        let mixed = key.lo ^ key.hi.rotate_left(32);
        (mixed.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - bits)) as usize
    }

    /// After a slot is taken: doubles the slots when more than half are.
    fn filled(&mut self) {
        // Words below 128 have no slot.
        if 2 * (self.words.len() - 128) <= self.slots.len() {
            return;
        }
        self.slots = vec![FREE; 2 * self.slots.len()];
        for id in 128..self.words.len() as u32 {
            let mut slot = self.slot(self.keys[id as usize]);
            while self.slots[slot] != FREE {
                slot = (slot + 1) & (self.slots.len() - 1);
            }
            self.slots[slot] = id;
        }
    }

    /// Adds word `w` (with its [`short_key`] `key` if it has two to seven
    /// bytes); returns its id.
    fn add(&mut self, w: &str, key: Option<u64>, facts: impl FactsOf) -> u32 {
        let id = self.words.len() as u32;
        self.scratch.clear();
        let (facts, as_is) = facts(w, key, &mut self.scratch);
        let mut word = facts.tok_flags;
        if facts.gaz_first {
            word |= HOT_NAME_FIRST;
        }
        if facts.bits & lexicon::W_SPORT != 0 {
            word |= HOT_SPORT;
        }
        self.hot.push(Hot { word, doc: 0 });
        self.keys.push(Key::FREE);
        self.words.push(Word {
            facts,
            text: Box::from(w),
            norm: (!as_is).then(|| Box::from(self.scratch.as_str())),
        });
        id
    }

    /// Marks word `id` as in the current document; true if it was not yet.
    #[inline]
    pub(super) fn see(&mut self, id: u32) -> bool {
        let bits = &mut self.hot[id as usize].doc;
        let first = *bits & DOC_SEEN == 0;
        *bits |= DOC_SEEN;
        self.seen.push_if(id, first);
        first
    }

    /// Sets `DOC_*` bits of word `id` in the current document.
    #[inline]
    pub(super) fn mark(&mut self, id: u32, bits: u8) {
        self.hot[id as usize].doc |= bits;
    }

    /// The `DOC_*` bits of word `id` in the current document.
    #[inline]
    pub(super) fn doc_bits(&self, id: u32) -> u8 {
        self.hot[id as usize].doc
    }

    /// The flags (`F_*`) of a `Word` token of word `id`
    /// ([`WordFacts::tok_flags`]).
    #[inline]
    pub(super) fn token_flags(&self, id: u32) -> u8 {
        self.hot[id as usize].word & F_ALL
    }

    /// Whether a gazetteer name starts with word `id`
    /// ([`WordFacts::gaz_first`]).
    #[inline]
    pub(super) fn starts_name(&self, id: u32) -> bool {
        self.hot[id as usize].word & HOT_NAME_FIRST != 0
    }

    /// Whether word `id` is a word of sports reports (`lexicon::W_SPORT`).
    #[inline]
    pub(super) fn sport(&self, id: u32) -> bool {
        self.hot[id as usize].word & HOT_SPORT != 0
    }

    /// The id of word `w` (folded), if the current document has it.
    pub(super) fn in_doc(&self, w: &str) -> Option<u32> {
        let id = match w.as_bytes() {
            &[c] if c < 128 => byte_id(c),
            b => self.find(b, key(b)).ok()?,
        };
        (self.doc_bits(id) & DOC_SEEN != 0).then_some(id)
    }

    /// The facts of word `id`.
    #[inline]
    pub(super) fn facts(&self, id: u32) -> &WordFacts {
        &self.words[id as usize].facts
    }

    /// The text of word `id` (folded).
    #[inline]
    pub(super) fn text(&self, id: u32) -> &str {
        &self.words[id as usize].text
    }

    /// The normalized form of word `id` (folded, lowercased).
    #[inline]
    pub(super) fn norm(&self, id: u32) -> &str {
        let w = &self.words[id as usize];
        w.norm.as_deref().unwrap_or(&w.text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Facts that tell words apart: the length as `bits`.
    fn facts(w: &str, _: Option<u64>, _: &mut String) -> (WordFacts, bool) {
        let facts = WordFacts {
            bits: w.len() as u32,
            ..WordFacts::default()
        };
        (facts, true)
    }

    #[test]
    fn keys_read_with_the_bytes_after_are_the_keys() {
        let text: Vec<u8> = (0..40u8).map(|i| b'a' + i % 26).collect();
        for start in 0..text.len() {
            for end in start..=text.len() {
                let b = &text[start..end];
                assert!(key_at(&text, start..end) == key(b), "{start}..{end}");
            }
        }
    }

    #[test]
    fn each_word_has_one_id_whatever_its_length() {
        let mut vocab = Vocab::default();
        vocab.start(1, 0, facts);
        // Words of each length up to 20 bytes, some the same but for the
        // last byte or a byte past the eighth, and more than the first
        // slots hold (the table doubles).
        let words: Vec<String> = (1..=20)
            .flat_map(|n| {
                (0..300).map(move |i| {
                    let mut w = "x".repeat(n);
                    let last = char::from(b'a' + (i % 26) as u8);
                    w.replace_range(n - 1.., &last.to_string());
                    if n > 9 {
                        w.replace_range(8..9, &char::from(b'A' + (i / 26) as u8).to_string());
                    }
                    w
                })
            })
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        let ids: Vec<u32> = (words.iter())
            .map(|w| vocab.id(w.as_bytes(), 0..w.len(), || w, facts))
            .collect();
        let distinct: std::collections::BTreeSet<u32> = ids.iter().copied().collect();
        assert_eq!(distinct.len(), words.len());
        for (w, &id) in words.iter().zip(&ids) {
            assert_eq!(vocab.id(w.as_bytes(), 0..w.len(), || w, facts), id, "{w}");
            assert_eq!(vocab.text(id), w);
            assert_eq!(vocab.facts(id).bits, w.len() as u32);
            assert_eq!(vocab.in_doc(w), None, "not seen yet: {w}");
        }
        vocab.see(ids[0]);
        assert_eq!(vocab.in_doc(&words[0]), Some(ids[0]));
        // A new document: no word seen, the ids kept.
        vocab.start(1, 0, facts);
        assert_eq!(vocab.in_doc(&words[0]), None);
        let w = &words[5];
        assert_eq!(vocab.id(w.as_bytes(), 0..w.len(), || w, facts), ids[5]);
    }
}
