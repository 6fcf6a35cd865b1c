//! The tense heuristic: which way an ambiguous timex ("Friday", "in March",
//! "the fourth quarter") points from the publication date.
//!
//! We have no parser, so we read the words of the same sentence around the
//! timex. Walking left from the timex (at most 12 tokens, stopping at a
//! sentence end), the nearest cue wins:
//!
//! * future: `will`, `'ll`, `shall`, `would`, `going to`, `plans`/`planned`,
//!   `scheduled`, `expected`, `set to`, `due`, `slated`, `aims`, `hopes`,
//!   `intends`, `next`, `upcoming`, `is to`;
//! * past: `was`, `were`, `had`, `did`, `has`/`have` (perfect), `said`, `ago`,
//!   `last`, irregular past forms (`met`, `told`, `began`…), and any word of
//!   five letters or more ending in `-ed`;
//! * present: `is`, `are`, `am`.
//!
//! Some words are not cues in context: a word after a determiner is a noun
//! ("the plan"), "next to" is a preposition, "set" looks ahead only before
//! "to"/"for", a reporting verb after "be"/"will"/"to" does not date the
//! saying, and a passive participle ("to be completed") takes the tense of
//! the word governing it. "had been due to" is past.
//!
//! When nothing is found on the left, the same cues are looked for in up to
//! eight tokens on the right ("On Friday, the minister will …").
//!
//! ```text
//! "The ministers will meet on Friday"  → future: Friday on or after the DCT
//! "The ministers met on Friday"        → past: Friday on or before the DCT
//! "Elections will be held in March"    → future ("held" follows "will be")
//! ```

use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::LazyLock;

use crate::resolve::Tense;
use crate::token::{Fx, Kind, Tok, key};

fn lower_eq(w: &[u8], s: &str) -> bool {
    w.eq_ignore_ascii_case(s.as_bytes())
}

const FUTURE: &[&str] = &[
    "will",
    "shall",
    "would",
    "plans",
    "plan",
    "planned",
    "planning",
    "scheduled",
    "expected",
    "expects",
    "expect",
    "due",
    "slated",
    "aims",
    "aim",
    "hopes",
    "intends",
    "intend",
    "next",
    "upcoming",
    "tomorrow",
    "coming",
    "ll",
    "wo",
    "soon",
    "anticipated",
    "looming",
    "forthcoming",
    "prepares",
    "preparing",
    "set",
];
const PAST: &[&str] = &[
    "was",
    "were",
    "had",
    "did",
    "has",
    "have",
    "ago",
    "last",
    "met",
    "told",
    "began",
    "went",
    "came",
    "took",
    "made",
    "gave",
    "held",
    "saw",
    "left",
    "won",
    "lost",
    "fell",
    "rose",
    "hit",
    "sold",
    "bought",
    "paid",
    "spent",
    "led",
    "sent",
    "found",
    "got",
    "brought",
    "kept",
    "became",
    "ran",
    "fought",
    "struck",
    "stood",
    "spoke",
    "wrote",
    "thought",
    "knew",
    "built",
    "broke",
    "chose",
    "drove",
    "flew",
    "grew",
    "heard",
    "meant",
    "put",
    "read",
    "set",
    "shot",
    "shut",
    "slid",
    "split",
    "spread",
    "swept",
    "taught",
    "threw",
    "understood",
    "withdrew",
    "yesterday",
    "earlier",
    "recently",
    "lit",
];
const PRESENT: &[&str] = &["is", "are", "am"];
/// Reporting verbs say nothing about the tense of the reported clause
/// ("said he will go on Friday"): they are skipped.
const REPORT: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "announced",
    "reported",
    "added",
    "stated",
    "noted",
    "according",
    "explained",
    "declared",
    "insisted",
    "warned",
    "confirmed",
];

/// Words before a verb form that make it non-finite ("will be announced").
const NONFINITE: &[&str] = &[
    "be", "been", "being", "to", "will", "would", "could", "should", "may", "might", "must", "can",
];
/// Determiners: the word after one is a noun ("the plan", "a set").
const DETS: &[&str] = &["the", "a", "an", "its", "their", "his", "her", "our"];

/// Auxiliaries that carry tense themselves.
fn is_aux(w: &[u8]) -> bool {
    ["was", "were", "had", "did", "has", "have"]
        .iter()
        .any(|s| lower_eq(w, s))
}

/// What a word says about tense, from the lists above.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Cue {
    Report,
    Tense(Tense),
}

/// The cue words in one hash table, built once (`tense_at` runs for every
/// ambiguous timex, so a linear scan of the lists would show in profiles).
/// Keyed like the word table, by the lowercased bytes packed in two `u64`
/// ([`key`]): hashing them is two multiplies, with no copy of the word.
static CUES: LazyLock<HashMap<(u64, u64), Cue, BuildHasherDefault<Fx>>> = LazyLock::new(|| {
    let mut m = HashMap::default();
    // Later lists do not override earlier ones: "set" stays a future cue.
    for (list, cue) in [
        (REPORT, Cue::Report),
        (FUTURE, Cue::Tense(Tense::Future)),
        (PAST, Cue::Tense(Tense::Past)),
        (PRESENT, Cue::Tense(Tense::Present)),
    ] {
        for w in list {
            if let Some(k) = key(w.as_bytes()) {
                m.entry(k).or_insert(cue);
            }
        }
    }
    m
});

/// The cue of a word (letters and digits, any case).
fn lookup(w: &[u8]) -> Option<Cue> {
    CUES.get(&key(w)?).copied()
}

fn is_report(w: &[u8]) -> bool {
    lookup(w) == Some(Cue::Report)
}

/// Classifies one word as a tense cue.
fn cue(w: &[u8]) -> Option<Tense> {
    if w.len() < 2 {
        return None;
    }
    match lookup(w) {
        Some(Cue::Report) => return None,
        Some(Cue::Tense(t)) => return Some(t),
        None => {}
    }
    let n = w.len();
    if n >= 5
        && w[n - 2].eq_ignore_ascii_case(&b'e')
        && w[n - 1].eq_ignore_ascii_case(&b'd')
        && w[0].is_ascii_lowercase()
    {
        return Some(Tense::Past);
    }
    None
}

fn is_sentence_end(text: &[u8], toks: &[Tok], i: usize) -> bool {
    match toks.get(i).map(|t| t.kind) {
        Some(Kind::Punct(b'!' | b'?' | b';')) => true,
        Some(Kind::Punct(b'.')) => {
            // "Jan." and "U.S." do not end sentences; a full stop before a
            // capitalized word after a space usually does.
            let prev_long =
                i > 0 && toks[i - 1].end - toks[i - 1].start > 3 && toks[i - 1].kind == Kind::Word;
            let next_cap = toks.get(i + 1).is_some_and(|t| t.cap(text) && t.ws > 0);
            prev_long && next_cap
        }
        _ => toks.get(i).is_some_and(|t| t.ws >= 3),
    }
}

/// The tense around tokens `s..e` of `text`.
pub(crate) fn tense_at(text: &str, toks: &[Tok], s: usize, e: usize) -> Tense {
    let b = text.as_bytes();
    let word = |i: usize| -> Option<&[u8]> {
        let t = toks.get(i)?;
        (t.kind == Kind::Word)
            .then(|| b.get(t.start..t.end))
            .flatten()
    };
    // Left.
    let mut i = s;
    let mut n = 0;
    while i > 0 && n < 12 {
        if toks.get(i).is_some_and(|t| t.ws >= 3) {
            break;
        }
        i -= 1;
        n += 1;
        if is_sentence_end(b, toks, i) {
            break;
        }
        if let Some(w) = word(i) {
            let prev = i.checked_sub(1).and_then(word);
            let prev_is = |list: &[&str]| prev.is_some_and(|p| list.iter().any(|s| lower_eq(p, s)));
            // "said Friday", "said on Friday": the timex dates the saying;
            // not "will be announced Friday", "to be reported Friday".
            if n <= 2 && is_report(w) && !prev_is(NONFINITE) {
                return Tense::Past;
            }
            // "next to the embassy"; "the plan", "a set": nouns, not cues.
            if (lower_eq(w, "next") && word(i + 1).is_some_and(|w| lower_eq(w, "to")))
                || (!is_aux(w) && prev_is(DETS))
            {
                continue;
            }
            // "set to", "set for" look ahead; "set aside", "set fire" are past.
            if lower_eq(w, "set")
                && !word(i + 1).is_some_and(|w| lower_eq(w, "to") || lower_eq(w, "for"))
            {
                return Tense::Past;
            }
            if let Some(t) = cue(w) {
                // "to be completed", "will be held": a passive participle
                // takes the tense of what governs it, further left.
                if t == Tense::Past && !is_aux(w) && prev_is(&["be", "been", "being"]) {
                    match (2..=4)
                        .filter_map(|k| i.checked_sub(k).and_then(word))
                        .find_map(cue)
                    {
                        Some(Tense::Past) => {}
                        Some(g) => return g,
                        None => continue,
                    }
                }
                // "had been due to", "had been scheduled for": a plan that
                // was for the past.
                if t == Tense::Future
                    && prev_is(&["been"])
                    && i.checked_sub(2)
                        .and_then(word)
                        .is_some_and(|w| lower_eq(w, "had"))
                {
                    return Tense::Past;
                }
                // "will be held", "is expected to be signed": a participle
                // after an auxiliary takes the auxiliary's tense.
                if t == Tense::Past && !is_aux(w) {
                    for k in 1..=3 {
                        let Some(w2) = i.checked_sub(k).and_then(word) else {
                            break;
                        };
                        match cue(w2) {
                            Some(Tense::Future) => return Tense::Future,
                            Some(Tense::Present) if !lower_eq(w2, "has") => return Tense::Present,
                            _ => {}
                        }
                    }
                }
                // "to" + verb after "is"/"are" ("is to visit") reads future.
                if t == Tense::Present && word(i + 1).is_some_and(|w| lower_eq(w, "to")) {
                    return Tense::Future;
                }
                if t == Tense::Present && word(i + 1).is_some_and(|w| lower_eq(w, "going")) {
                    return Tense::Future;
                }
                return t;
            }
        }
    }
    // Right.
    let mut i = e;
    let mut n = 0;
    while i < toks.len() && n < 8 {
        if is_sentence_end(b, toks, i) || (i > e && toks[i].ws >= 3) {
            break;
        }
        if let Some(w) = word(i)
            && lower_eq(w, "set")
            && !word(i + 1).is_some_and(|w| lower_eq(w, "to") || lower_eq(w, "for"))
        {
            return Tense::Past;
        }
        if let Some(t) = word(i).and_then(cue) {
            return t;
        }
        i += 1;
        n += 1;
    }
    Tense::Unknown
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::{Lexicon, tokenize};

    fn t(text: &str, at: &str) -> Tense {
        let lx = Lexicon::new();
        let toks = tokenize(text, &lx);
        let off = text.find(at).unwrap_or(0);
        let s = toks.iter().position(|t| t.start >= off).unwrap_or(0);
        tense_at(text, &toks, s, s + 1)
    }

    #[test]
    fn cues() {
        assert_eq!(
            t("The ministers will meet on Friday.", "Friday"),
            Tense::Future
        );
        assert_eq!(t("The ministers met on Friday.", "Friday"), Tense::Past);
        assert_eq!(t("He resigned on Friday.", "Friday"), Tense::Past);
        assert_eq!(
            t("He said on Friday that he would resign.", "Friday"),
            Tense::Past
        );
        assert_eq!(
            t("He said the talks would resume on Friday.", "Friday"),
            Tense::Future
        );
        assert_eq!(
            t("On Friday, the minister will travel.", "Friday"),
            Tense::Future
        );
        assert_eq!(t("Talks are to resume in March.", "March"), Tense::Future);
        assert_eq!(t("In March.", "March"), Tense::Unknown);
        assert_eq!(
            t("Elections will be held in March.", "March"),
            Tense::Future
        );
        assert_eq!(t("Elections were held in March.", "March"), Tense::Past);
    }
}
