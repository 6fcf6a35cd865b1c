//! Theme matching: every phrase of `themes.tsv`, matched ASCII
//! case-insensitively at each word start of the body, leftmost-longest
//! ("trade war" before "war"), kept on word boundaries; a rule with a
//! context counts only when its sentence has one of the context words and
//! none of the vetoes. Each match is one mention of each theme it names.

use rustc_hash::FxHashMap;
use tacitus_dict::themes::{Phrase, Themes};

use tacitus_text::non_word_bytes;

use super::words::{FirstBytes, WordStarts, first_bytes, left_boundary, load8, right_boundary};
use crate::document::{Document, Theme};

/// One phrase's rules: (rule index, prefix).
type Uses = Vec<(u32, bool)>;

struct Rule {
    theme: u32,
    context: Vec<Phrase>,
    veto: Vec<Phrase>,
}

pub(super) struct ThemeMatcher {
    /// The phrases (lowercase, without their `*`), by pattern id.
    patterns: Vec<String>,
    /// The phrases that may start at a word, by their first bytes.
    index: PhraseIndex,
    /// Whether a rule lets the last word of the pattern go on (`*`), by
    /// pattern id.
    prefix: Vec<bool>,
    /// The bytes a phrase may start with, in either ASCII case.
    first: FirstBytes,
    uses: Vec<Uses>,
    rules: Vec<Rule>,
    names: Vec<String>,
}

impl ThemeMatcher {
    pub(super) fn new(themes: &Themes) -> Self {
        let mut names: Vec<String> = Vec::new();
        let mut theme_ids: FxHashMap<&str, u32> = FxHashMap::default();
        let mut patterns: Vec<&str> = Vec::new();
        let mut pattern_ids: FxHashMap<&str, usize> = FxHashMap::default();
        let mut uses: Vec<Uses> = Vec::new();
        let mut rules = Vec::new();
        for rule in &themes.rules {
            let theme = *theme_ids.entry(&rule.theme).or_insert_with(|| {
                names.push(rule.theme.clone());
                (names.len() - 1) as u32
            });
            let r = rules.len() as u32;
            rules.push(Rule {
                theme,
                context: rule.context.clone(),
                veto: rule.veto.clone(),
            });
            for p in &rule.phrases {
                let id = *pattern_ids.entry(&p.text).or_insert_with(|| {
                    patterns.push(&p.text);
                    uses.push(Vec::new());
                    patterns.len() - 1
                });
                uses[id].push((r, p.prefix));
            }
        }
        let prefix: Vec<bool> = uses.iter().map(|u| u.iter().any(|&(_, p)| p)).collect();
        ThemeMatcher {
            index: PhraseIndex::new(&patterns, &prefix),
            prefix,
            first: first_bytes(&patterns, true),
            patterns: patterns.into_iter().map(str::to_string).collect(),
            uses,
            rules,
            names,
        }
    }

    /// The bytes a phrase may start with.
    pub(super) fn first_bytes(&self) -> &FirstBytes {
        &self.first
    }

    /// The themes of a document, most mentioned first, then by name.
    pub(super) fn themes(&self, doc: &Document, starts: &WordStarts) -> Vec<Theme> {
        let text = doc.text();
        let bytes = text.as_bytes();
        let mut counts = vec![0usize; self.names.len()];
        let mut sentences: Option<Vec<std::ops::Range<usize>>> = None;
        let mut lower = String::new();
        let mut lowered_for = usize::MAX;
        let mut fired: Vec<u32> = Vec::new();
        let found = self.longest_valid(starts, text);
        for (s, e, p) in found {
            let whole_word = right_boundary(bytes, text, e);
            fired.clear();
            for &(r, prefix) in &self.uses[p] {
                if !(prefix || whole_word) {
                    continue;
                }
                let rule = &self.rules[r as usize];
                if fired.contains(&rule.theme) {
                    continue;
                }
                if !rule.context.is_empty() || !rule.veto.is_empty() {
                    let sents = sentences.get_or_insert_with(|| {
                        doc.sentences.iter().map(|s| doc.byte_range(*s)).collect()
                    });
                    let i = sents.partition_point(|r| r.end <= s);
                    let range = sents.get(i).cloned().unwrap_or(s..e);
                    if lowered_for != i {
                        lower.clear();
                        lower.push_str(text.get(range).unwrap_or(""));
                        lower.make_ascii_lowercase();
                        lowered_for = i;
                    }
                    let needed =
                        rule.context.is_empty() || rule.context.iter().any(|w| has_word(&lower, w));
                    if !needed || rule.veto.iter().any(|w| has_word(&lower, w)) {
                        continue;
                    }
                }
                fired.push(rule.theme);
                counts[rule.theme as usize] += 1;
            }
        }
        let mut out: Vec<Theme> = counts
            .into_iter()
            .enumerate()
            .filter(|&(_, n)| n > 0)
            .map(|(i, n)| Theme {
                theme: self.names[i].clone(),
                mentions: n,
            })
            .collect();
        out.sort_by(|a, b| b.mentions.cmp(&a.mentions).then(a.theme.cmp(&b.theme)));
        out
    }
}

/// Whether lowercase `hay` has the phrase on word boundaries.
fn has_word(hay: &str, w: &Phrase) -> bool {
    // Most sentences lack the word: `contains` says so fastest.
    if !hay.contains(w.text.as_str()) {
        return false;
    }
    let bytes = hay.as_bytes();
    hay.match_indices(w.text.as_str()).any(|(i, m)| {
        left_boundary(hay, i) && (w.prefix || right_boundary(bytes, hay, i + m.len()))
    })
}

impl ThemeMatcher {
    /// The leftmost-longest phrases that start on a word boundary and end on
    /// one (or may go on, for a `*` phrase): (start, end, pattern). At each
    /// word start, left to right and past the previous match, the longest
    /// such phrase that starts there is kept. Checking the end before
    /// choosing keeps a phrase that a longer candidate failing its word
    /// boundary would hide ("the euro" in "The European Commission").
    fn longest_valid(&self, starts: &WordStarts, text: &str) -> Vec<(usize, usize, usize)> {
        let bytes = text.as_bytes();
        let mut out: Vec<(usize, usize, usize)> = Vec::new();
        // First the starts whose key (or a shorter key a `*` phrase may
        // have) is in the index, with no branch on the test: it fails at
        // about two starts in three, unpredictably (a mispredicted branch
        // cost more than the rest of the test).
        //
        // The key is read from the raw bytes: its bytes are ASCII letters
        // and digits, which `| 0x20` lowercases (a digit has that bit
        // already), so no byte needs [`lower8`]. The test may keep a start
        // no phrase begins at (its first byte begins none): `find` says so.
        // Each start is kept with its key, which `find` needs next.
        let mut candidates: Vec<(usize, u32)> = starts.iter().map(|s| (s, 0)).collect();
        let mut n = 0;
        for i in 0..candidates.len() {
            let s = candidates[i].0;
            let raw = load8(bytes, s);
            let len = (non_word_bytes(raw).trailing_zeros() / 8) as usize;
            let lower = raw as u32 | 0x2020_2020;
            let key = lower & key_mask(len.min(KEY_BYTES));
            let mut hit = self.index.has_key(key);
            for &k in &self.index.short_lens {
                hit |= (k < len) & self.index.has_key(lower & key_mask(k));
            }
            candidates[n] = (s, key);
            n += usize::from(hit);
        }
        for &(s, key) in &candidates[..n] {
            if out.last().is_some_and(|m| s < m.1) {
                continue;
            }
            let rest = &bytes[s..];
            let head = lower8(rest);
            let matches = |p: &IndexedPhrase| {
                let len = p.len as usize;
                head & head_mask(len) == p.head
                    && len <= rest.len()
                    && (len <= 8
                        || rest[8..len]
                            .eq_ignore_ascii_case(&self.patterns[p.id as usize].as_bytes()[8..]))
                    && (self.prefix[p.id as usize] || right_boundary(bytes, text, s + len))
            };
            // Longest phrases first: those of the word's key, then those of
            // shorter keys that a `*` lets go on.
            let mut found = self.index.find(key, matches);
            if found.is_none() && self.index.short_prefix != 0 {
                found = (1..key_of(head).1)
                    .rev()
                    .filter(|&k| self.index.short_prefix & (1 << k) != 0)
                    .find_map(|k| {
                        let key = head as u32 & ((1u64 << (8 * k)) - 1) as u32;
                        self.index.find(key, matches)
                    });
            }
            if let Some(p) = found {
                out.push((s, s + p.len as usize, p.id as usize));
            }
        }
        out
    }
}

/// The most bytes of a phrase's start that [`PhraseIndex`] keys on.
const KEY_BYTES: usize = 4;

/// The phrases by their key: their first [`KEY_BYTES`] bytes, ASCII
/// lowercased, up to the first that is not an ASCII letter or digit ("war"
/// for "war", "war crime" and "war-torn"). At a word start of the text, the
/// phrases that may start there are those of the text's key (a phrase that
/// ends there ends a word) and, for a `*` phrase shorter than its word,
/// those of a shorter key: one probe of a small map for most words. (An
/// automaton walked from every word start missed the cache at almost every
/// byte of its large table.)
struct PhraseIndex {
    /// One bit for each key, at [`PhraseIndex::key_bit`]: most word starts
    /// begin no phrase, and a clear bit says so without probing `slots`.
    keys: Vec<u64>,
    /// The range of `phrases` of each key, open-addressed by
    /// [`key_slot`] (linear probing; an empty slot ends a probe): one
    /// multiplication and most often one slot per lookup, cheaper than a
    /// general hash map.
    slots: Vec<Slot>,
    /// The phrases grouped by key, longest first in each group.
    phrases: Vec<IndexedPhrase>,
    /// Bit `n` is set when a `*` phrase is all letters and digits and `n`
    /// bytes long, less than [`KEY_BYTES`]: its word may go on past its key.
    short_prefix: u8,
    /// The lengths of the bits of `short_prefix`.
    short_lens: Vec<usize>,
}

/// A key of [`PhraseIndex`] and the range of its phrases; `end == 0` for an
/// empty slot (a key has at least one phrase).
#[derive(Clone, Copy, Default)]
struct Slot {
    key: u32,
    start: u32,
    end: u32,
}

/// A phrase of [`PhraseIndex`], with its first eight bytes ready to compare
/// with the text's in one step.
#[derive(Clone, Copy)]
struct IndexedPhrase {
    /// The first eight bytes, as [`lower8`] reads them.
    head: u64,
    /// Its length in bytes.
    len: u32,
    /// Its pattern id.
    id: u32,
}

impl PhraseIndex {
    /// The index of `patterns`; `prefix[id]` when a rule lets the last word
    /// of pattern `id` go on.
    fn new(patterns: &[&str], prefix: &[bool]) -> PhraseIndex {
        let mut groups: FxHashMap<u32, Vec<IndexedPhrase>> = FxHashMap::default();
        let mut short_prefix = 0u8;
        for (id, p) in patterns.iter().enumerate() {
            let (Ok(len), Ok(id32)) = (u32::try_from(p.len()), u32::try_from(id)) else {
                continue;
            };
            if p.is_empty() {
                continue;
            }
            let head = lower8(p.as_bytes());
            let (key, n) = key_of(head);
            if prefix[id] && n == p.len() && n < KEY_BYTES {
                short_prefix |= 1 << n;
            }
            groups.entry(key).or_default().push(IndexedPhrase {
                head,
                len,
                id: id32,
            });
        }
        // Half full at most, so probes stay short and always end.
        assert!(
            patterns.len() * 2 <= SLOTS,
            "themes.tsv has more phrases than the key table holds"
        );
        let mut slots = vec![Slot::default(); SLOTS];
        let mut phrases = Vec::with_capacity(patterns.len());
        let mut keys = vec![0u64; KEY_BITS / 64];
        for (key, mut group) in groups {
            let (word, bit) = key_bit(key);
            keys[word] |= bit;
            group.sort_by_key(|p| std::cmp::Reverse(p.len));
            let start = phrases.len() as u32;
            phrases.extend(group);
            let mut i = key_slot(key);
            while slots[i].end != 0 {
                i = (i + 1) % SLOTS;
            }
            slots[i] = Slot {
                key,
                start,
                end: phrases.len() as u32,
            };
        }
        PhraseIndex {
            keys,
            slots,
            phrases,
            short_prefix,
            short_lens: (1..KEY_BYTES)
                .filter(|&k| short_prefix & (1 << k) != 0)
                .collect(),
        }
    }

    /// Whether a key may have phrases (a false positive now and then).
    #[inline]
    fn has_key(&self, key: u32) -> bool {
        let (word, bit) = key_bit(key);
        self.keys[word] & bit != 0
    }

    /// The phrases of a key.
    fn group(&self, key: u32) -> &[IndexedPhrase] {
        let mut i = key_slot(key);
        loop {
            let slot = self.slots[i];
            if slot.end == 0 {
                return &[];
            }
            if slot.key == key {
                return &self.phrases[slot.start as usize..slot.end as usize];
            }
            i = (i + 1) % SLOTS;
        }
    }

    /// The first phrase of a key's group (so the longest) that `matches`.
    /// (Inlined: a call copied the closure's captures at each candidate.)
    #[inline(always)]
    fn find(&self, key: u32, matches: impl Fn(&IndexedPhrase) -> bool) -> Option<&IndexedPhrase> {
        self.group(key).iter().find(|p| matches(p))
    }
}

/// The size of [`PhraseIndex::keys`] in bits (a power of two): some 600
/// keys leave about one bit in fifty set, so few starts whose key has no
/// phrase probe the slots (with 8,192 bits, one in fourteen did).
const KEY_BITS: usize = 1 << 15;

/// The size of [`PhraseIndex::slots`] (a power of two, at least twice the
/// phrases, so at least twice the keys).
const SLOTS: usize = 1 << 12;

/// The first slot of [`PhraseIndex::slots`] to probe for a key.
#[inline]
fn key_slot(key: u32) -> usize {
    (key.wrapping_mul(0x9E37_79B1) >> (32 - SLOTS.trailing_zeros())) as usize
}

/// The word of [`PhraseIndex::keys`] for a key and its bit in it.
#[inline]
fn key_bit(key: u32) -> (usize, u64) {
    let h = key.wrapping_mul(0x9E37_79B1) >> (32 - KEY_BITS.trailing_zeros());
    ((h / 64) as usize, 1 << (h % 64))
}

/// The key of a text or phrase whose first bytes are `head` (from
/// [`lower8`]), and its length: the first [`KEY_BYTES`] bytes up to the
/// first that is not an ASCII letter or digit, the others zeroed.
fn key_of(head: u64) -> (u32, usize) {
    const LOW: u32 = 0x7F7F_7F7F;
    const HIGH: u32 = !LOW;
    let x = head as u32;
    // Per byte, on its low seven bits (no carry crosses bytes), bit 7 of
    // `+ k` is set from byte `0x80 - k` on: from 'a', past 'z', from '0',
    // past '9'. A byte with bit 7 set is not ASCII.
    let low = x & LOW;
    let letter = low.wrapping_add(0x1F1F_1F1F) & !low.wrapping_add(0x0505_0505);
    let digit = low.wrapping_add(0x5050_5050) & !low.wrapping_add(0x4646_4646);
    let other = (!(letter | digit) | x) & HIGH;
    let n = (other.trailing_zeros() / 8) as usize;
    (x & ((1u64 << (8 * n)) - 1) as u32, n)
}

/// The bits of the first `n` bytes of a key (`n` at most [`KEY_BYTES`]).
#[inline]
fn key_mask(n: usize) -> u32 {
    ((1u64 << (8 * n)) - 1) as u32
}

/// The first eight bytes of `bytes` (zero-padded when it is shorter) in a
/// little-endian `u64`, ASCII lowercased.
fn lower8(bytes: &[u8]) -> u64 {
    const LOW: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    const HIGH: u64 = !LOW;
    let x = match bytes.first_chunk::<8>() {
        Some(chunk) => u64::from_le_bytes(*chunk),
        None => {
            let mut chunk = [0u8; 8];
            chunk[..bytes.len()].copy_from_slice(bytes);
            u64::from_le_bytes(chunk)
        }
    };
    // Per byte, on its low seven bits (so no carry crosses bytes): bit 7
    // of `+ 0x3F` is set from 'A' on, of `+ 0x25` from past 'Z' on; an
    // ASCII uppercase letter gains 0x20, other bytes stay as they are.
    let low = x & LOW;
    let upper = low.wrapping_add(0x3F3F_3F3F_3F3F_3F3F)
        & !low.wrapping_add(0x2525_2525_2525_2525)
        & !x
        & HIGH;
    x | (upper >> 2)
}

/// The bits of the first `len` bytes of [`lower8`]'s `u64` (all for eight
/// or more).
fn head_mask(len: usize) -> u64 {
    u64::MAX >> (8 * 8usize.saturating_sub(len))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower8_lowercases_ascii_only() {
        for b in 0..=255u8 {
            let bytes = [b'Q', b, b'x', b, b'-', b'Z', b, 0xC3];
            let mut expected = [0u8; 8];
            for (e, x) in expected.iter_mut().zip(bytes) {
                *e = x.to_ascii_lowercase();
            }
            assert_eq!(lower8(&bytes), u64::from_le_bytes(expected), "byte {b:#x}");
            assert_eq!(lower8(&bytes[..3]) >> 24, 0);
        }
    }

    #[test]
    fn keys_end_at_the_first_byte_not_a_letter_or_digit() {
        let key = |s: &str| {
            let (key, n) = key_of(lower8(s.as_bytes()));
            (key.to_le_bytes(), n)
        };
        assert_eq!(key("Trade war"), (*b"trad", 4));
        assert_eq!(key("war-torn"), (*b"war\0", 3));
        assert_eq!(key("5G"), (*b"5g\0\0", 2));
        assert_eq!(key("g-7"), (*b"g\0\0\0", 1));
        assert_eq!(key("Zé"), (*b"z\0\0\0", 1));
        assert_eq!(key("@09z"), ([0; 4], 0));
        for b in 0..=255u8 {
            let alnum = b.is_ascii_alphanumeric() && !b.is_ascii_uppercase();
            assert_eq!(key_of(u64::from(b)).1, usize::from(alnum), "{b:#x}");
        }
    }

    #[test]
    fn longest_phrase_on_word_boundaries() {
        let themes = Themes::parse(
            "t.tsv",
            "EU\tthe european commission|european union|eu*\t-\nMONEY\tthe euro\t-\n\
             TRADE\ttrade|trade war|tariff*\t-\nWAR\twar\t-\n",
        )
        .unwrap();
        let m = ThemeMatcher::new(&themes);
        let text = "The European Commission and the euro. TRADE WARS, tariffs, a trade war. EUwide";
        let found: Vec<&str> = m
            .longest_valid(&WordStarts::new(text, m.first_bytes()), text)
            .into_iter()
            .map(|(s, e, _)| &text[s..e])
            .collect();
        assert_eq!(
            found,
            [
                "The European Commission",
                "the euro",
                "TRADE",
                "tariff",
                "trade war",
                "EU"
            ]
        );
    }
}
