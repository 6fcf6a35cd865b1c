//! Theme matching: every phrase of `themes.tsv` in one ASCII
//! case-insensitive aho-corasick automaton over the body, leftmost-longest
//! ("trade war" before "war"), kept on word boundaries; a rule with a
//! context counts only when its sentence has one of the context words and
//! none of the vetoes. Each match is one mention of each theme it names.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use rustc_hash::FxHashMap;
use tacitus_dict::themes::{Phrase, Themes};

use crate::document::{Document, Theme};

/// One phrase's rules: (rule index, prefix).
type Uses = Vec<(u32, bool)>;

struct Rule {
    theme: u32,
    context: Vec<Phrase>,
    veto: Vec<Phrase>,
}

pub(super) struct ThemeMatcher {
    ac: Option<AhoCorasick>,
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
        let ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            // A DFA: the automaton is searched over every byte of every article.
            .kind(Some(AhoCorasickKind::DFA))
            .ascii_case_insensitive(true)
            .build(&patterns)
            .ok();
        ThemeMatcher {
            ac,
            uses,
            rules,
            names,
        }
    }

    /// The themes of a document, most mentioned first, then by name.
    pub(super) fn themes(&self, doc: &Document) -> Vec<Theme> {
        let Some(ac) = &self.ac else {
            return Vec::new();
        };
        let text = doc.text();
        let bytes = text.as_bytes();
        let mut counts = vec![0usize; self.names.len()];
        let mut sentences: Option<Vec<std::ops::Range<usize>>> = None;
        let mut lower = String::new();
        let mut lowered_for = usize::MAX;
        let mut fired: Vec<u32> = Vec::new();
        let found = longest_valid(ac, text, |s, e, p| {
            left_boundary(text, s)
                && (right_boundary(bytes, text, e) || self.uses[p].iter().any(|u| u.1))
        });
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

/// The matches of an overlapping automaton that `ok` accepts, then the
/// leftmost-longest of them that do not overlap: (start, end, pattern).
/// Checking before choosing keeps a phrase that a longer candidate failing
/// its word boundary would hide ("the euro" in "The European Commission").
pub(super) fn longest_valid(
    ac: &AhoCorasick,
    text: &str,
    ok: impl Fn(usize, usize, usize) -> bool,
) -> Vec<(usize, usize, usize)> {
    let mut all: Vec<(usize, usize, usize)> = ac
        .find_overlapping_iter(text)
        .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
        .filter(|&(s, e, p)| ok(s, e, p))
        .collect();
    all.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    let mut out = Vec::with_capacity(all.len());
    let mut end = 0;
    for m in all {
        if m.0 >= end {
            end = m.1;
            out.push(m);
        }
    }
    out
}

/// Whether a word starts at byte `s` (no letter or digit right before it).
pub(super) fn left_boundary(text: &str, s: usize) -> bool {
    text.get(..s)
        .and_then(|t| t.chars().next_back())
        .is_none_or(|c| !c.is_alphanumeric())
}

/// Whether a word ends at byte `e` (no letter or digit right after it).
pub(super) fn right_boundary(bytes: &[u8], text: &str, e: usize) -> bool {
    match bytes.get(e) {
        None => true,
        Some(b) if b.is_ascii() => !b.is_ascii_alphanumeric(),
        Some(_) => text
            .get(e..)
            .and_then(|t| t.chars().next())
            .is_none_or(|c| !c.is_alphanumeric()),
    }
}

/// Whether lowercase `hay` has the phrase on word boundaries.
fn has_word(hay: &str, w: &Phrase) -> bool {
    let bytes = hay.as_bytes();
    hay.match_indices(w.text.as_str()).any(|(i, m)| {
        left_boundary(hay, i) && (w.prefix || right_boundary(bytes, hay, i + m.len()))
    })
}
