//! Sentence segmentation for news text: a compact rule-based splitter.
//!
//! [`Segmenter::split`] returns byte ranges, trimmed of surrounding
//! whitespace, in order, not overlapping, and covering every non-whitespace
//! char of the text. Whitespace is [`char::is_whitespace`].
//!
//! ```
//! use tacitus_text::sentences::Segmenter;
//!
//! let text = "The envoy moved to the U.S. He met Sen. Lopez at 3 p.m. Monday.\n\
//!             \"Is it over?\" she asked. \"We will win.\" He left.";
//! let seg = Segmenter::new();
//! let sentences: Vec<&str> = seg.split(text).into_iter().map(|r| &text[r]).collect();
//! assert_eq!(sentences, [
//!     "The envoy moved to the U.S.",
//!     "He met Sen. Lopez at 3 p.m. Monday.",
//!     "\"Is it over?\" she asked.",
//!     "\"We will win.\"",
//!     "He left.",
//! ]);
//! ```
//!
//! # Rules
//!
//! - Every line break (LF, CR, VT, FF, NEL, U+2028, U+2029) ends a sentence:
//!   news text here has one paragraph a line, and a headline, dateline or
//!   byline line without final punctuation is a sentence of its own.
//! - A candidate end is a run of `.` `!` `?` `…` `‽` plus any closing quotes
//!   and brackets after it (`"We will win."` keeps its quote), followed by
//!   whitespace. `3.5`, `U.S.-led` and `Amazon.com` are not candidates.
//!   CJK full stops (`。！？`) end a sentence with no space after them.
//! - No break when the next word (after any opening quotes or brackets)
//!   starts with a lowercase letter or with continuing punctuation
//!   (`"Is it?" she asked`, `etc. and`, `"Stop!" — he said`).
//! - `!`, `?` and ellipses break before anything else, except a closing
//!   quote followed by an attribution: `"Can we trust them?" Tanaka asked.`
//!   (up to four capitalized words, then a reporting verb from
//!   [`lexicon`](crate::lexicon) that ends the clause or is followed by a
//!   preposition or "reporters").
//! - A single `.` looks at the word before it, through
//!   [`abbreviation_kind`]:
//!   titles (`Mr.`, `Gen.`, `Sen.`) and inline forms (`e.g.`, `vs.`) never
//!   break; `No.`, `Vol.`, `p.` and the months (`Jan.`, `Sept.`) do not
//!   break before a digit; other abbreviations (`Corp.`, `Inc.`, `St.`,
//!   `Jr.`, `U.S.`, `a.m.`) and single-letter initials (`J. Smith`) break
//!   only when the next word is a frequent sentence starter
//!   ([`is_sentence_starter`]: "He", "The", "But", "In", "Officials"...), so
//!   "moved to the U.S. He said" splits and "the U.S. Senate" does not;
//!   ordinary words break before a capital, a digit or any other non-lowercase
//!   start. An opening double quote after an abbreviation also starts a new
//!   sentence ("at 7 p.m. “Clap for them.”"). A number alone at the start of a sentence is a list marker
//!   (`1. The ministry...`).
//! - No break inside a matched pair of `()` or `[]` on the same line, so
//!   "(founded by the U.N. in 1946. It...)" stays whole; an unmatched `(`
//!   protects nothing.
//! - Quotes protect nothing: `"We came to talk. They came to stall," he said.`
//!   is two sentences, as in most treebanks; straight quotes are too often
//!   unbalanced in scraped news to trust.
//!
//! # Why not `sentencex`
//!
//! `sentencex` 0.1.33 passed 148 of the first 161 cases of
//! `testdata/sentences.toml` (with a line-splitting layer on top) at about
//! 140 MB/s. It split inside a token ("Japan-U." | "S. alliance"), did not
//! break after "Ltd." before "A spokeswoman", split "3 p.m. | Monday" and
//! `"Can we trust them?" | Tanaka asked.`, and its library pulls in `clap`,
//! `regex` and `strum`. This splitter passes all the cases, shares its
//! abbreviation list with the tokenizer, has no dependencies and runs at
//! several hundred MB/s (see `bench/benches/text.rs`).

use std::ops::Range;

use crate::chars::{
    char_at, char_before, continues_sentence, is_cjk_terminator, is_closer, is_dash, is_line_break,
    is_opener, is_quote, is_terminator,
};
use crate::lexicon::{
    AbbrevKind, abbreviation_kind, is_capitalized, is_reporting_verb, is_sentence_starter,
};

/// Splits text into sentences. Build once and share: it holds no state
/// between calls and is `Send + Sync`.
#[derive(Debug, Clone, Default)]
pub struct Segmenter {
    _private: (),
}

/// Bytes at which the scan has something to look at: line breaks,
/// terminators, opening brackets, and lead bytes of the multi-byte line
/// breaks and terminators.
static INTERESTING: [bool; 256] = {
    let mut t = [false; 256];
    t[b'\n' as usize] = true;
    t[b'\r' as usize] = true;
    t[0x0B] = true;
    t[0x0C] = true;
    t[b'.' as usize] = true;
    t[b'!' as usize] = true;
    t[b'?' as usize] = true;
    t[b'(' as usize] = true;
    t[b'[' as usize] = true;
    t[0xC2] = true; // U+0085 NEL
    t[0xE2] = true; // U+2026 …, U+203D ‽, U+2028/U+2029, U+2047..U+2049
    t[0xE3] = true; // U+3002 。
    t[0xEF] = true; // U+FF01 ！, U+FF1F ？, U+FF61 ｡
    t
};

/// Whether `b` may be [`INTERESTING`]: any non-ASCII byte counts, so that
/// the test is plain comparisons joined by `|` without branches, which the
/// compiler vectorizes over a chunk ([`next_interesting`]).
#[inline]
fn maybe_interesting(b: u8) -> bool {
    let line_break = b.wrapping_sub(b'\n') < 4; // LF, VT, FF, CR
    (b >= 0x80) | line_break | (b == b'.') | (b == b'!') | (b == b'?') | (b == b'(') | (b == b'[')
}

/// The offset of the first [`INTERESTING`] byte of `bytes` at or after `i`,
/// or `bytes.len()`. Skips 16 bytes at a time where none may be interesting
/// (most chunks of a text).
fn next_interesting(bytes: &[u8], mut i: usize) -> usize {
    let interesting = |b: &u8| INTERESTING[usize::from(*b)];
    loop {
        let Some(chunk) = bytes.get(i..).and_then(<[u8]>::first_chunk::<16>) else {
            let rest = bytes.get(i..).unwrap_or_default();
            return i + rest.iter().position(interesting).unwrap_or(rest.len());
        };
        // The test of each byte written to an array, then the array read
        // as one number: the compiler tests the sixteen bytes in a few
        // vector instructions. (A fold of the tests into one flag was
        // vectorized with dozens of shuffles: 4.5 instructions a byte.)
        let mut maybe = [0u8; 16];
        for (m, &b) in maybe.iter_mut().zip(chunk) {
            *m = u8::from(maybe_interesting(b));
        }
        if u128::from_ne_bytes(maybe) != 0
            && let Some(p) = chunk.iter().position(interesting)
        {
            return i + p;
        }
        i += 16;
    }
}

/// Words that may follow an attribution verb ("Tanaka said on Tuesday").
const AFTER_ATTRIBUTION: &[&str] = &[
    "after",
    "again",
    "as",
    "at",
    "before",
    "during",
    "earlier",
    "from",
    "in",
    "journalists",
    "last",
    "late",
    "later",
    "on",
    "reporters",
    "then",
    "to",
    "today",
    "when",
    "while",
    "with",
    "yesterday",
];

impl Segmenter {
    /// A segmenter with the built-in English news rules.
    pub fn new() -> Self {
        Segmenter { _private: () }
    }

    /// The sentences of `text` as byte ranges (see the module docs).
    pub fn split(&self, text: &str) -> Vec<Range<usize>> {
        let mut out = Vec::with_capacity(text.len() / 120 + 1);
        self.split_into(text, &mut out);
        out
    }

    /// Appends the sentences of `text` to `out`, as [`split`](Self::split).
    pub fn split_into(&self, text: &str, out: &mut Vec<Range<usize>>) {
        let mut scan = Scan {
            text,
            out,
            sent_start: 0,
            line_start: 0,
            seen_open: false,
            parens: Vec::new(),
            parens_line: None,
        };
        scan.run();
    }
}

/// State of one pass over a text.
struct Scan<'t, 'o> {
    text: &'t str,
    out: &'o mut Vec<Range<usize>>,
    /// Start of the current sentence (possibly at whitespace).
    sent_start: usize,
    /// Start of the current line.
    line_start: usize,
    /// Whether an opening bracket was seen on the current line.
    seen_open: bool,
    /// Outermost matched bracket pairs of line `parens_line`, sorted.
    parens: Vec<(usize, usize)>,
    parens_line: Option<usize>,
}

impl Scan<'_, '_> {
    fn run(&mut self) {
        let bytes = self.text.as_bytes();
        let mut i = 0;
        loop {
            i = next_interesting(bytes, i);
            if i >= bytes.len() {
                break;
            }
            // Interesting bytes are ASCII or lead bytes, so `i` is a boundary.
            let Some(c) = char_at(self.text, i) else {
                i += 1;
                continue;
            };
            if is_line_break(c) {
                let next = i + c.len_utf8();
                self.push(i);
                self.sent_start = next;
                self.line_start = next;
                self.seen_open = false;
                i = next;
            } else if c == '(' || c == '[' {
                self.seen_open = true;
                i += 1;
            } else if is_terminator(c) {
                i = self.at_terminator(i);
            } else {
                i += c.len_utf8();
            }
        }
        self.push(self.text.len());
    }

    /// Pushes `sent_start..end`, trimmed, if anything is left; moves
    /// `sent_start` to `end`.
    fn push(&mut self, end: usize) {
        let start = self.sent_start;
        self.sent_start = end;
        let Some(piece) = self.text.get(start..end) else {
            return;
        };
        let lead = piece.len() - piece.trim_start().len();
        let trimmed = piece.trim();
        if !trimmed.is_empty() {
            let s = start + lead;
            self.out.push(s..s + trimmed.len());
        }
    }

    /// Handles the terminator at `i`; returns where scanning resumes.
    fn at_terminator(&mut self, i: usize) -> usize {
        let text = self.text;
        // The run of terminators: ".", "?!", "...", "…".
        let mut j = i;
        let mut count = 0usize;
        let mut only_periods = true;
        let mut strong = false;
        let mut cjk = false;
        while let Some(c) = char_at(text, j).filter(|&c| is_terminator(c)) {
            count += 1;
            only_periods &= c == '.';
            strong |= !matches!(c, '.' | '…' | '。' | '｡');
            cjk |= is_cjk_terminator(c);
            j += c.len_utf8();
        }
        // Closing quotes and brackets (and stray terminators among them).
        let mut end = j;
        let mut closed_quote = false;
        while let Some(c) = char_at(text, end).filter(|&c| is_closer(c) || is_terminator(c)) {
            closed_quote |= is_quote(c);
            end += c.len_utf8();
        }
        if cjk {
            self.boundary(end);
            return end;
        }
        match char_at(text, end) {
            Some(c) if c.is_whitespace() && !is_line_break(c) => {}
            // End of text, end of line (the line break ends the sentence),
            // or no space after ("3.5", "U.S.-led").
            _ => return end,
        }
        // Skip the spaces, then any opening quotes or brackets.
        let mut k = end;
        while let Some(c) = char_at(text, k).filter(|&c| c.is_whitespace() && !is_line_break(c)) {
            k += c.len_utf8();
        }
        let mut k2 = k;
        let mut opened_quote = false;
        while let Some(c) = char_at(text, k2).filter(|&c| is_opener(c)) {
            opened_quote |= matches!(c, '"' | '“' | '„' | '«');
            k2 += c.len_utf8();
        }
        let Some(next) = char_at(text, k2) else {
            return k;
        };
        if next.is_lowercase() || next.is_whitespace() || continues_sentence(next) {
            return k;
        }
        let split = if strong || !only_periods || count > 1 {
            !(strong && closed_quote && is_attribution(text, k2))
        } else {
            self.breaks_after_period(i, k2, next, opened_quote)
        };
        if split {
            self.boundary(end);
        }
        k
    }

    /// Ends the current sentence at `end` unless `end` is inside brackets.
    fn boundary(&mut self, end: usize) {
        if !self.inside_brackets(end) {
            self.push(end);
        }
    }

    /// Whether a single period at `i`, followed after spaces and openers by
    /// `next` at `k2` (not lowercase), ends the sentence. `opened_quote`:
    /// the openers include a double quote, which after an abbreviation starts
    /// a new sentence ("at 7 p.m. “Clap for them.”").
    fn breaks_after_period(&self, i: usize, k2: usize, next: char, opened_quote: bool) -> bool {
        let text = self.text;
        let region = text.get(self.sent_start..i).unwrap_or("");
        let word_start = region
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map_or(self.sent_start, |(p, c)| self.sent_start + p + c.len_utf8());
        let raw = text.get(word_start..i).unwrap_or("");
        let word = raw.trim_start_matches(is_opener);
        if word.ends_with(is_closer) {
            // `"a trap".`: a quotation ends here, not an abbreviation.
            return true;
        }
        // "Japan-U.S." is judged by its last part.
        let last = word
            .rsplit(|c: char| is_dash(c) || c == '/')
            .next()
            .unwrap_or(word);
        match abbreviation_kind(last) {
            Some(AbbrevKind::Title | AbbrevKind::Inline) => false,
            Some(AbbrevKind::Numeral) => !(next.is_ascii_digit() || next == '#'),
            Some(AbbrevKind::Month) => {
                !next.is_ascii_digit() && (opened_quote || starter_follows(text, k2))
            }
            Some(AbbrevKind::Other) => opened_quote || starter_follows(text, k2),
            None => {
                let list_marker = !word.is_empty()
                    && word.bytes().all(|b| b.is_ascii_digit())
                    && word_start == self.first_non_space();
                !list_marker
            }
        }
    }

    /// Byte offset of the first non-whitespace char of the current sentence.
    fn first_non_space(&self) -> usize {
        let rest = self.text.get(self.sent_start..).unwrap_or("");
        self.sent_start + (rest.len() - rest.trim_start().len())
    }

    /// Whether a sentence ending at `end` would end strictly inside a
    /// matched bracket pair of the current line.
    fn inside_brackets(&mut self, end: usize) -> bool {
        if !self.seen_open {
            return false;
        }
        if self.parens_line != Some(self.line_start) {
            self.parens_line = Some(self.line_start);
            outermost_pairs(self.text, self.line_start, &mut self.parens);
        }
        let last = end - char_before(self.text, end).map_or(0, char::len_utf8);
        let idx = self.parens.partition_point(|&(open, _)| open < last);
        idx > 0
            && self
                .parens
                .get(idx - 1)
                .is_some_and(|&(_, close)| last < close)
    }
}

/// The outermost matched `()` / `[]` pairs of the line starting at `from`,
/// as (open, close) byte offsets sorted by `open`.
fn outermost_pairs(text: &str, from: usize, out: &mut Vec<(usize, usize)>) {
    out.clear();
    // One stack per bracket type, so that matching stays O(1) per char.
    let (mut round, mut square) = (Vec::new(), Vec::new());
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    let rest = text.get(from..).unwrap_or("");
    for (p, c) in rest.char_indices() {
        match c {
            '(' => round.push(from + p),
            '[' => square.push(from + p),
            ')' | ']' => {
                let stack = if c == ')' { &mut round } else { &mut square };
                if let Some(open) = stack.pop() {
                    pairs.push((open, from + p));
                }
            }
            c if is_line_break(c) => break,
            _ => {}
        }
    }
    pairs.sort_unstable();
    for (open, close) in pairs {
        match out.last() {
            Some(&(_, prev_close)) if open < prev_close => {}
            _ => out.push((open, close)),
        }
    }
}

/// The run of alphabetic chars starting at `at`, and the byte after it.
fn word_at(text: &str, at: usize) -> (&str, usize) {
    let rest = text.get(at..).unwrap_or("");
    let len = rest
        .char_indices()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(rest.len(), |(p, _)| p);
    (rest.get(..len).unwrap_or(""), at + len)
}

/// Whether the word at `at` is a sentence starter (and not an initial such as
/// the first "A." of "A. A. Milne").
fn starter_follows(text: &str, at: usize) -> bool {
    let (word, end) = word_at(text, at);
    if word.chars().count() == 1 && char_at(text, end) == Some('.') {
        return false;
    }
    is_sentence_starter(word)
}

/// Whether the text at `at` reads as the attribution of a quotation that just
/// closed: up to four capitalized words, then a reporting verb that ends the
/// clause or is followed by a preposition ("Tanaka asked.", "President Lee
/// said on Tuesday").
fn is_attribution(text: &str, at: usize) -> bool {
    let mut p = at;
    for n in 0..5 {
        let (word, end) = word_at(text, p);
        if word.is_empty() {
            return false;
        }
        if n > 0 && is_reporting_verb(word) {
            return match char_at(text, end) {
                None => true,
                Some(c) if is_line_break(c) || matches!(c, '.' | ',' | ';' | '!' | '?') => true,
                Some(' ') => {
                    let (after, _) = word_at(text, end + 1);
                    AFTER_ATTRIBUTION.binary_search(&after).is_ok()
                }
                Some(_) => false,
            };
        }
        if !is_capitalized(word) {
            return false;
        }
        p = end;
        if char_at(text, p) == Some('.') {
            p += 1; // "Mr. Tanaka said"
        }
        if char_at(text, p) != Some(' ') {
            return false;
        }
        p += 1;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_chunk_test_covers_every_interesting_byte() {
        for b in 0..=u8::MAX {
            assert!(
                !INTERESTING[usize::from(b)] || maybe_interesting(b),
                "{b:#x}"
            );
        }
        let text = "no stop here at all, none; x (y).";
        assert_eq!(
            next_interesting(text.as_bytes(), 0),
            text.find('(').unwrap()
        );
        assert_eq!(next_interesting(b"abc", 0), 3);
    }

    fn split(text: &str) -> Vec<&str> {
        Segmenter::new()
            .split(text)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn after_attribution_is_sorted() {
        assert!(AFTER_ATTRIBUTION.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn segmenter_is_send_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Segmenter>();
    }

    #[test]
    fn basic() {
        assert_eq!(split("It rained. We left."), ["It rained.", "We left."]);
        assert_eq!(split(""), Vec::<&str>::new());
        assert_eq!(split("x"), ["x"]);
        assert_eq!(split(" . "), ["."]);
    }

    #[test]
    fn line_separators() {
        assert_eq!(
            split("One\u{2028}Two\u{85}Three\u{0C}Four"),
            ["One", "Two", "Three", "Four"]
        );
    }

    #[test]
    fn brackets() {
        let mut pairs = Vec::new();
        outermost_pairs("a (b [c] d) e) (f\n(g)", 0, &mut pairs);
        assert_eq!(pairs, [(2, 10)]);
        outermost_pairs("x (a (b) c", 0, &mut pairs);
        assert_eq!(pairs, [(5, 7)]);
        assert_eq!(
            split("He left (see No. 4. It was late). Then."),
            ["He left (see No. 4. It was late).", "Then."]
        );
    }

    #[test]
    fn attribution() {
        assert!(is_attribution("Tanaka asked.", 0));
        assert!(is_attribution("Mr. Tanaka said on Monday", 0));
        assert!(!is_attribution("Tanaka asked the court", 0));
        assert!(!is_attribution("asked Tanaka", 0));
        assert!(!is_attribution("A B C D E said", 0));
    }
}
