//! Theme matching: every phrase of `themes.tsv`, matched ASCII
//! case-insensitively at each word start of the body, leftmost-longest
//! ("trade war" before "war"), kept on word boundaries; a rule with a
//! context counts only when its sentence has one of the context words and
//! none of the vetoes. Each match is one mention of each theme it names.

use rustc_hash::FxHashMap;
use tacitus_dict::themes::{Phrase, Themes};

use super::words::{FirstBytes, WordStarts, first_bytes, left_boundary, right_boundary};
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
            index: PhraseIndex::new(&patterns),
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
        for s in starts.iter() {
            if !self.first[usize::from(bytes[s])] || out.last().is_some_and(|m| s < m.1) {
                continue;
            }
            let rest = &bytes[s..];
            let head = lower8(rest);
            // Longest keys first: their phrases are the longest.
            for n in (1..=KEY_BYTES.min(rest.len())).rev() {
                let found = self.index.get(n, head).iter().find(|p| {
                    let len = p.len as usize;
                    head & head_mask(len) == p.head
                        && len <= rest.len()
                        && (len <= 8
                            || rest[8..len].eq_ignore_ascii_case(
                                &self.patterns[p.id as usize].as_bytes()[8..],
                            ))
                        && (self.prefix[p.id as usize] || right_boundary(bytes, text, s + len))
                });
                if let Some(p) = found {
                    out.push((s, s + p.len as usize, p.id as usize));
                    break;
                }
            }
        }
        out
    }
}

/// The most bytes of a phrase's start that [`PhraseIndex`] keys on.
const KEY_BYTES: usize = 4;

/// The phrases by their first [`KEY_BYTES`] bytes (all of a shorter
/// phrase), ASCII lowercased: at a word start of the text, the only phrases
/// that may start there are in a small map. (An automaton walked from every
/// word start missed the cache at almost every byte of its large table.)
struct PhraseIndex {
    /// The range of `phrases` of each key.
    by_key: FxHashMap<u32, (u32, u32)>,
    /// The phrases grouped by key, longest first in each group.
    phrases: Vec<IndexedPhrase>,
    /// Bit `n` is set when some key is `n` bytes long.
    key_lens: u8,
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
    fn new(patterns: &[&str]) -> PhraseIndex {
        let mut groups: FxHashMap<u32, Vec<IndexedPhrase>> = FxHashMap::default();
        let mut key_lens = 0u8;
        for (id, p) in patterns.iter().enumerate() {
            let n = p.len().min(KEY_BYTES);
            let (Ok(len), Ok(id)) = (u32::try_from(p.len()), u32::try_from(id)) else {
                continue;
            };
            if n == 0 {
                continue;
            }
            let head = lower8(p.as_bytes());
            groups
                .entry(head as u32 & key_mask(n))
                .or_default()
                .push(IndexedPhrase { head, len, id });
            key_lens |= 1 << n;
        }
        let mut by_key = FxHashMap::default();
        let mut phrases = Vec::with_capacity(patterns.len());
        for (key, mut group) in groups {
            group.sort_by_key(|p| std::cmp::Reverse(p.len));
            let start = phrases.len() as u32;
            phrases.extend(group);
            by_key.insert(key, (start, phrases.len() as u32));
        }
        PhraseIndex {
            by_key,
            phrases,
            key_lens,
        }
    }

    /// The phrases whose first `n` bytes (all of them, when `n` is less
    /// than [`KEY_BYTES`]) may be the first `n` bytes of `head` (from
    /// [`lower8`]), longest first: every one that is, and some that are not.
    fn get(&self, n: usize, head: u64) -> &[IndexedPhrase] {
        if self.key_lens & (1 << n) == 0 {
            return &[];
        }
        match self.by_key.get(&(head as u32 & key_mask(n))) {
            Some(&(start, end)) => &self.phrases[start as usize..end as usize],
            None => &[],
        }
    }
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

/// The bits of the first `n` bytes of a key (1 to [`KEY_BYTES`]).
fn key_mask(n: usize) -> u32 {
    u32::MAX >> (8 * (KEY_BYTES - n))
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
    fn longest_phrase_on_word_boundaries() {
        let themes = Themes::parse(
            "t.tsv",
            "EU\tthe european commission|european union\t-\nMONEY\tthe euro\t-\n\
             TRADE\ttrade|trade war|tariff*\t-\nWAR\twar\t-\n",
        )
        .unwrap();
        let m = ThemeMatcher::new(&themes);
        let text = "The European Commission and the euro. TRADE WARS, tariffs, a trade war.";
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
                "trade war"
            ]
        );
    }
}
