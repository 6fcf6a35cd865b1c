//! The words a thread's documents had: each distinct folded word once, with
//! its facts and normalized form, and which of them the current document
//! has.
//!
//! A word's facts are the same in every document, and most words of a
//! document were in one before; so a token costs one lookup here (none for
//! a one-byte word), which gives its word's id, facts and forms at once. A
//! table per document and a memo of facts beside it cost a second lookup
//! for each distinct word of each document, and a copy of its facts.

use super::WordFacts;
use super::lexicon::short_key;

/// The distinct words (folded) of a thread's documents, by id: ids below
/// 128 are the one-byte ASCII words, the others come as they are met.
#[derive(Default)]
pub(super) struct Vocab {
    /// The stage (`Inner::id`) whose dictionaries gave the facts.
    pub(super) owner: u64,
    /// The ids of the words of two bytes or more (or none), by [`key`]:
    /// `(key, id)`, `(0, _)` for a free slot. Open addressing with linear
    /// probing, at most half full: a word found at its first slot costs a
    /// multiplication and one compare, a third of a `HashMap` lookup,
    /// and there is one per token.
    slots: Vec<(u64, u32)>,
    /// Each word's facts, text and normalized form.
    words: Vec<Word>,
    /// Where a new word's normalized form is written first.
    scratch: String,
    /// Each word's `DOC_*` bits in the current document.
    doc: Vec<u8>,
    /// The words of the current document (with [`DOC_SEEN`]), in order.
    seen: Vec<u32>,
}

/// One distinct word: its facts, text and normalized form (`None`: the
/// word itself). Each text is a box of its own: reading one is a load, not
/// a range to check.
struct Word {
    facts: WordFacts,
    text: Box<str>,
    norm: Option<Box<str>>,
}

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

/// The key of a word of two bytes or more (or none): a word of up to
/// seven bytes is its key ([`short_key`], whose top byte is its length); a
/// longer word's is a hash of it with the top byte 0xFF, which other words
/// may share.
#[inline]
fn key(b: &[u8]) -> u64 {
    if (2..=7).contains(&b.len()) {
        short_key(b)
    } else {
        use std::hash::BuildHasher;
        rustc_hash::FxBuildHasher.hash_one(b) | (0xFF << 56)
    }
}

/// Whether a [`key`] is the word itself.
#[inline]
fn exact(key: u64) -> bool {
    key >> 56 <= 7
}

/// How the facts of a new word are computed: `facts(word, key, norm)`
/// with its [`short_key`] when it has two to seven bytes, appending its
/// normalized form to `norm` and telling whether that is the word as is
/// (then it appends nothing).
pub(super) trait FactsOf: Fn(&str, Option<u64>, &mut String) -> (WordFacts, bool) {}
impl<F: Fn(&str, Option<u64>, &mut String) -> (WordFacts, bool)> FactsOf for F {}

impl Vocab {
    /// Words the table holds before it starts over, at the next document
    /// (some 10 MB with their texts).
    const MAX: usize = 1 << 17;

    /// Readies the table for a new document of the stage `owner`: no word
    /// is in the document yet; the table starts over if another stage
    /// filled it or it is full.
    pub(super) fn start(&mut self, owner: u64, facts: impl FactsOf) {
        if self.owner != owner || self.words.len() >= Vocab::MAX || self.words.is_empty() {
            *self = Vocab {
                owner,
                slots: vec![(0, 0); 1 << 12],
                ..Vocab::default()
            };
            for c in 0..128u8 {
                let w = char::from(c).to_string();
                self.add(&w, None, &facts);
            }
        }
        for &id in &self.seen {
            self.doc[id as usize] = 0;
        }
        self.seen.clear();
    }

    /// The id of the word of bytes `b`, whose text is `w()`: added with
    /// `facts` if new.
    #[inline]
    pub(super) fn id<'w>(
        &mut self,
        b: &[u8],
        w: impl FnOnce() -> &'w str,
        facts: impl FactsOf,
    ) -> u32 {
        if let &[c] = b
            && c < 128
        {
            return byte_id(c);
        }
        let key = key(b);
        match self.find(b, key) {
            Ok(id) => id,
            Err(slot) => {
                let short = exact(key).then_some(key);
                let id = self.add(w(), short, facts);
                self.slots[slot] = (key, id);
                self.filled();
                id
            }
        }
    }

    /// The id of the word of bytes `b` (two or more, or none) with key
    /// `key`, or the free slot where it would go.
    #[inline]
    fn find(&self, b: &[u8], key: u64) -> Result<u32, usize> {
        let mask = self.slots.len() - 1;
        let mut slot = self.slot(key);
        loop {
            let (k, id) = self.slots[slot];
            if k == key && (exact(key) || *self.words[id as usize].text.as_bytes() == *b) {
                return Ok(id);
            }
            if k == 0 {
                return Err(slot);
            }
            slot = (slot + 1) & mask;
        }
    }

    /// The first slot to try for `key` (multiplicative hashing: the top
    /// bits of the product).
    #[inline]
    fn slot(&self, key: u64) -> usize {
        let bits = self.slots.len().trailing_zeros();
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - bits)) as usize
    }

    /// After a slot is taken: doubles the slots when more than half are.
    fn filled(&mut self) {
        // Words below 128 have no slot.
        if 2 * (self.words.len() - 128) <= self.slots.len() {
            return;
        }
        self.slots = vec![(0, 0); 2 * self.slots.len()];
        for id in 128..self.words.len() as u32 {
            let key = key(self.words[id as usize].text.as_bytes());
            let mut slot = self.slot(key);
            while self.slots[slot].0 != 0 {
                slot = (slot + 1) & (self.slots.len() - 1);
            }
            self.slots[slot] = (key, id);
        }
    }

    /// Adds word `w` (with its [`short_key`] `key` if it has two to seven
    /// bytes); returns its id.
    fn add(&mut self, w: &str, key: Option<u64>, facts: impl FactsOf) -> u32 {
        let id = self.words.len() as u32;
        self.scratch.clear();
        let (facts, as_is) = facts(w, key, &mut self.scratch);
        self.words.push(Word {
            facts,
            text: Box::from(w),
            norm: (!as_is).then(|| Box::from(self.scratch.as_str())),
        });
        self.doc.push(0);
        id
    }

    /// Marks word `id` as in the current document; true if it was not yet.
    #[inline]
    pub(super) fn see(&mut self, id: u32) -> bool {
        let bits = &mut self.doc[id as usize];
        let first = *bits & DOC_SEEN == 0;
        if first {
            *bits = DOC_SEEN;
            self.seen.push(id);
        }
        first
    }

    /// Sets `DOC_*` bits of word `id` in the current document.
    #[inline]
    pub(super) fn mark(&mut self, id: u32, bits: u8) {
        self.doc[id as usize] |= bits;
    }

    /// The `DOC_*` bits of word `id` in the current document.
    #[inline]
    pub(super) fn doc_bits(&self, id: u32) -> u8 {
        self.doc[id as usize]
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
