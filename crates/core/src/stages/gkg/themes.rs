//! Theme matching: every phrase of `themes.tsv` in one ASCII
//! case-insensitive aho-corasick automaton, walked anchored from each word
//! start of the body, leftmost-longest ("trade war" before "war"), kept on
//! word boundaries; a rule with a context counts only when its sentence has
//! one of the context words and none of the vetoes. Each match is one
//! mention of each theme it names.

use aho_corasick::automaton::Automaton;
use aho_corasick::dfa::DFA;
use aho_corasick::{Anchored, MatchKind, StartKind};
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
    ac: Option<DFA>,
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
        // Walked anchored from each word start, a few bytes at a time: a DFA
        // with only the anchored start state builds at about half the cost
        // of a full one and steps in a table lookup (a contiguous NFA builds
        // cheaper still but walks at about twice the cost).
        let ac = DFA::builder()
            .match_kind(MatchKind::Standard)
            .start_kind(StartKind::Anchored)
            .prefilter(false)
            .ascii_case_insensitive(true)
            .build(&patterns)
            .ok();
        ThemeMatcher {
            ac,
            first: first_bytes(&patterns, true),
            uses,
            rules,
            names,
        }
    }

    /// The themes of a document, most mentioned first, then by name.
    pub(super) fn themes(&self, doc: &Document, starts: &WordStarts) -> Vec<Theme> {
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
        let found = longest_valid(ac, &self.first, starts, text, |_, e, p| {
            right_boundary(bytes, text, e) || self.uses[p].iter().any(|u| u.1)
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

/// The leftmost-longest matches of the automaton's patterns that start on a
/// word boundary and that `ok` accepts: (start, end, pattern). From each
/// word start, left to right and past the previous match, the automaton is
/// walked anchored and the longest accepted pattern starting there is kept.
/// Checking before choosing keeps a phrase that a longer candidate failing
/// its word boundary would hide ("the euro" in "The European Commission").
fn longest_valid<A: Automaton>(
    aut: &A,
    first: &FirstBytes,
    starts: &WordStarts,
    text: &str,
    ok: impl Fn(usize, usize, usize) -> bool,
) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let Ok(start) = aut.start_state(Anchored::Yes) else {
        return out;
    };
    let bytes = text.as_bytes();
    for s in starts.iter() {
        if !first[usize::from(bytes[s])] || out.last().is_some_and(|m: &(_, usize, _)| s < m.1) {
            continue;
        }
        let mut best = None;
        let mut sid = start;
        for (i, &b) in bytes[s..].iter().enumerate() {
            sid = aut.next_state(Anchored::Yes, sid, b);
            if !aut.is_special(sid) {
                continue;
            }
            if aut.is_dead(sid) {
                break;
            }
            if aut.is_match(sid) {
                let e = s + i + 1;
                // A match state also lists the patterns that end here but
                // start later (suffixes): keep the one starting at `s`.
                for k in 0..aut.match_len(sid) {
                    let p = aut.match_pattern(sid, k);
                    if aut.pattern_len(p) == e - s && ok(s, e, p.as_usize()) {
                        best = Some((e, p.as_usize()));
                    }
                }
            }
        }
        if let Some((e, p)) = best {
            out.push((s, e, p));
        }
    }
    out
}
