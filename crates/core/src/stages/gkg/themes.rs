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
        ThemeMatcher {
            index: PhraseIndex::new(&patterns),
            first: first_bytes(&patterns, true),
            patterns: patterns.into_iter().map(str::to_string).collect(),
            uses,
            rules,
            names,
        }
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
            let best = self.index.candidates(&bytes[s..]).find_map(|p| {
                let phrase = self.patterns[p as usize].as_bytes();
                let e = s + phrase.len();
                let found = bytes
                    .get(s..e)
                    .is_some_and(|t| t.eq_ignore_ascii_case(phrase))
                    && (right_boundary(bytes, text, e)
                        || self.uses[p as usize].iter().any(|u| u.1));
                found.then_some((s, e, p as usize))
            });
            out.extend(best);
        }
        out
    }
}

/// The most bytes of a phrase's start that [`PhraseIndex`] keys on.
const KEY_BYTES: usize = 4;

/// The size of [`PhraseIndex::seen`] in bits (a power of two).
const SEEN_BITS: usize = 1 << 15;

/// The phrases by their first [`KEY_BYTES`] bytes, lowercased (all of a
/// shorter phrase): a word start of the text finds the only phrases that
/// may start there in one small map, where an automaton walked from every
/// word start missed the cache at almost every byte of its large table.
struct PhraseIndex {
    /// Pattern ids by key, longest phrase first.
    by_key: FxHashMap<u32, Vec<u32>>,
    /// A bit for each key of `by_key` (a Bloom filter with one hash): at
    /// most word starts no phrase begins, and a clear bit says so cheaper.
    seen: Vec<u64>,
    /// Bit `n` is set when some key is `n` bytes long.
    key_lens: u8,
}

impl PhraseIndex {
    fn new(patterns: &[&str]) -> PhraseIndex {
        let mut by_key: FxHashMap<u32, Vec<u32>> = FxHashMap::default();
        let mut seen = vec![0u64; SEEN_BITS / 64];
        let mut key_lens = 0u8;
        for (id, p) in patterns.iter().enumerate() {
            let n = p.len().min(KEY_BYTES);
            if n == 0 {
                continue;
            }
            let key = key_of(p.as_bytes(), n);
            by_key.entry(key).or_default().push(id as u32);
            let bit = seen_bit(key);
            seen[bit / 64] |= 1 << (bit % 64);
            key_lens |= 1 << n;
        }
        for ids in by_key.values_mut() {
            ids.sort_by_key(|&id| std::cmp::Reverse(patterns[id as usize].len()));
        }
        PhraseIndex {
            by_key,
            seen,
            key_lens,
        }
    }

    /// The patterns that may start `text` (every one that does, and some
    /// that do not), longest first.
    fn candidates<'a>(&'a self, text: &'a [u8]) -> impl Iterator<Item = u32> + 'a {
        (1..=KEY_BYTES.min(text.len()))
            .rev()
            .filter(move |&n| self.key_lens & (1 << n) != 0)
            .map(|n| key_of(text, n))
            .filter(|&key| {
                let bit = seen_bit(key);
                self.seen[bit / 64] & (1 << (bit % 64)) != 0
            })
            .flat_map(|key| self.by_key.get(&key).into_iter().flatten().copied())
    }
}

/// The first `n` (at most [`KEY_BYTES`]) bytes of `bytes`, ASCII
/// lowercased, little-endian in a `u32`, zero-padded.
fn key_of(bytes: &[u8], n: usize) -> u32 {
    let mut key = [0u8; KEY_BYTES];
    for (k, b) in key.iter_mut().zip(&bytes[..n]) {
        *k = b.to_ascii_lowercase();
    }
    u32::from_le_bytes(key)
}

/// The bit of a key in [`PhraseIndex::seen`].
fn seen_bit(key: u32) -> usize {
    (u64::from(key).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - SEEN_BITS.trailing_zeros()))
        as usize
}
