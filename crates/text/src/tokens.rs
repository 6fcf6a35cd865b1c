//! Tokens with byte offsets: words, numbers, abbreviations, clitics and
//! punctuation, in one hand-written pass (no regex).
//!
//! ```
//! use tacitus_text::tokens::{tokenize, TokenKind};
//!
//! let text = "Ishiba’s Japan-U.S. talks don't start until mid-February.";
//! let toks: Vec<(&str, TokenKind)> =
//!     tokenize(text).iter().map(|t| (t.text(text), t.kind)).collect();
//! assert_eq!(toks, [
//!     ("Ishiba", TokenKind::Word),
//!     ("’s", TokenKind::Possessive),
//!     ("Japan", TokenKind::Word),
//!     ("-", TokenKind::Hyphen),
//!     ("U.S.", TokenKind::Abbreviation),
//!     ("talks", TokenKind::Word),
//!     ("do", TokenKind::Word),
//!     ("n't", TokenKind::Contraction),
//!     ("start", TokenKind::Word),
//!     ("until", TokenKind::Word),
//!     ("mid", TokenKind::Word),
//!     ("-", TokenKind::Hyphen),
//!     ("February", TokenKind::Word),
//!     (".", TokenKind::Punct),
//! ]);
//! ```
//!
//! # Rules
//!
//! - **Possessives** split: "Ishiba's" / "Ishiba’s" → `Ishiba` + `'s`
//!   ([`TokenKind::Possessive`]); "ministers'" → `ministers` + `'`, unless the
//!   word was opened by a single quote ('yes').
//! - **Contractions** split as in the Penn Treebank: "don't" → `do` + `n't`,
//!   "can't" → `ca` + `n't`, "won't" → `wo` + `n't`, "we're" → `we` + `'re`;
//!   `'s` after a pronoun ("it's", "there's", "let's") is a
//!   [`TokenKind::Contraction`], after anything else a possessive. Other
//!   apostrophes stay inside the word: "O'Brien", "d'Ivoire", "rock'n'roll".
//! - **Hyphenated compounds** split at every joining hyphen (`-`, `‐`, `‑`,
//!   and the en dash `–`) between two word parts: "Japan-U.S." → `Japan` `-`
//!   `U.S.`, "mid-February" → `mid` `-` `February`, "10-year" → `10` `-`
//!   `year`, and also "co-operate" → `co` `-` `operate`. Always splitting keeps
//!   the rule predictable and lets matchers see each part; the parts are
//!   adjacent (`a.end == hyphen.start`), so a compound is easy to rejoin.
//! - **Abbreviations** keep their period: listed ones ("Corp.", "Jan.",
//!   "Mr.", "No." before a number), dotted shapes ("U.S.", "a.m.", "Ph.D.",
//!   "e.g.") and an uppercase initial before more text ("J. Smith"). A period
//!   that also ends the sentence stays inside the abbreviation ("moved to the
//!   U.S." ends with the token `U.S.`); a single letter at the very end of the
//!   tokenized range ("World War I.") gives `I` + `.`. Tokenize a sentence
//!   range ([`tokenize_range`]) to get that right at sentence ends.
//! - Any other period is its own [`TokenKind::Punct`]; "..." is one token;
//!   "Amazon.com" and "www.example.gov" stay one word.
//! - **Numbers**: digits with inner `.` `,` `:` `/` between digits ("3.5",
//!   "1,200", "10:30", "9/11") and trailing letters ("1990s", "20th") are one
//!   [`TokenKind::Number`]; currency signs and `%` are separate
//!   [`TokenKind::Symbol`]s ("$1.2" → `$` `1.2`).
//! - Em dashes and spaced or doubled hyphens are [`TokenKind::Dash`]; all
//!   quotation marks, straight or curly, are [`TokenKind::Quote`].
//! - Scripts without spaces (CJK) are not segmented into words: a run of
//!   ideographs is one word.

use std::ops::Range;

use crate::chars::{
    char_at, char_before, is_apostrophe, is_closer, is_dash, is_joining_hyphen, is_quote,
    is_word_char,
};
use crate::lexicon::{AbbrevKind, abbreviation_kind, is_dotted_acronym};

/// One token: a byte range of the text and its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Token {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset just past the last byte.
    pub end: usize,
    /// What the token is.
    pub kind: TokenKind,
}

/// The kind of a [`Token`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters (of any script), possibly with inner apostrophes or dots:
    /// "talks", "O'Brien", "Amazon.com".
    Word,
    /// Starts with a digit: "2025", "3.5", "1,200", "1990s", "10:30".
    Number,
    /// An abbreviation with its period: "U.S.", "Corp.", "Jan.", "J.".
    Abbreviation,
    /// The possessive clitic: "'s", "’s", or a lone "'" after a plural.
    Possessive,
    /// A contraction clitic: "n't", "'re", "'ve", "'ll", "'d", "'m", and "'s"
    /// after a pronoun.
    Contraction,
    /// A hyphen joining two parts of a compound.
    Hyphen,
    /// A dash that is not inside a compound: "—", " - ", "--".
    Dash,
    /// A quotation mark: `"` `'` `“` `”` `‘` `’` `«` `»`...
    Quote,
    /// Other punctuation: `.` `,` `;` `:` `!` `?` `(` `)` `...` `…`...
    Punct,
    /// Symbols: `$` `€` `%` `&` `@` `#` `+`, emoji...
    Symbol,
}

impl TokenKind {
    /// Whether the token carries words: `Word`, `Number` or `Abbreviation`.
    pub fn is_wordlike(self) -> bool {
        matches!(
            self,
            TokenKind::Word | TokenKind::Number | TokenKind::Abbreviation
        )
    }
}

impl Token {
    /// The byte range `start..end`.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// The token's text in `text` (the text it was made from); empty if the
    /// range does not fit `text`.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// Tokenizes all of `text`.
pub fn tokenize(text: &str) -> Vec<Token> {
    tokenize_range(text, 0..text.len())
}

/// Tokenizes `text[range]` (typically one sentence); offsets are into
/// `text`. The range is clamped to the text and widened to char boundaries,
/// so no input panics.
pub fn tokenize_range(text: &str, range: Range<usize>) -> Vec<Token> {
    let mut out = Vec::with_capacity(range.len() / 5 + 1);
    tokenize_into(text, range, &mut out);
    out
}

/// Appends the tokens of `text[range]` to `out`, as [`tokenize_range`].
pub fn tokenize_into(text: &str, range: Range<usize>, out: &mut Vec<Token>) {
    let mut start = range.start.min(text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = range.end.min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    let Some(s) = text.get(start..end) else {
        return;
    };
    Lexer {
        s,
        base: start,
        out,
    }
    .run();
}

/// One pass over `s`, which starts at byte `base` of the full text.
struct Lexer<'s, 'o> {
    s: &'s str,
    base: usize,
    out: &'o mut Vec<Token>,
}

impl Lexer<'_, '_> {
    fn emit(&mut self, start: usize, end: usize, kind: TokenKind) {
        if start < end {
            self.out.push(Token {
                start: self.base + start,
                end: self.base + end,
                kind,
            });
        }
    }

    /// Emits `s[start..end]` as a `Word` or a `Number`.
    fn emit_word(&mut self, start: usize, end: usize) {
        let kind = match self.s.as_bytes().get(start) {
            Some(b) if b.is_ascii_digit() => TokenKind::Number,
            Some(b) if b.is_ascii() => TokenKind::Word,
            _ => match char_at(self.s, start) {
                Some(c) if c.is_numeric() => TokenKind::Number,
                _ => TokenKind::Word,
            },
        };
        self.emit(start, end, kind);
    }

    fn run(&mut self) {
        let s = self.s;
        let bytes = s.as_bytes();
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            // ASCII fast paths: most bytes are spaces or start a word.
            if b.is_ascii_whitespace() {
                i += 1;
                continue;
            }
            if is_ascii_word_byte(b) {
                // A plain ASCII word ending at a space or at punctuation that
                // no rule of `word` reads is emitted here.
                let p = ascii_word_end(bytes, i);
                // `word` reads on past '.', apostrophes, hyphens and
                // non-ASCII chars, and past ',' ':' '/' only between two
                // digits ("1,200"): a word before a comma is emitted here.
                let between_digits = |p: usize| {
                    p.checked_sub(1)
                        .and_then(|q| bytes.get(q))
                        .is_some_and(u8::is_ascii_digit)
                        && bytes.get(p + 1).is_some_and(u8::is_ascii_digit)
                };
                match bytes.get(p) {
                    Some(&n)
                        if !n.is_ascii()
                            || matches!(n, b'.' | b'\'' | b'-')
                            || (matches!(n, b',' | b':' | b'/') && between_digits(p)) =>
                    {
                        i = self.word(i, p);
                    }
                    _ => {
                        let kind = if b.is_ascii_digit() {
                            TokenKind::Number
                        } else {
                            TokenKind::Word
                        };
                        self.emit(i, p, kind);
                        i = p;
                    }
                }
                continue;
            }
            let Some(c) = char_at(s, i) else {
                break;
            };
            let len = c.len_utf8();
            // Non-ASCII whitespace (NBSP, thin spaces); VT is not skipped.
            if !c.is_ascii() && c.is_whitespace() {
                i += len;
            } else if is_word_char(c) {
                i = self.word(i, i);
            } else if c == '.' {
                let dots = s
                    .get(i..)
                    .map_or(1, |r| r.bytes().take_while(|&b| b == b'.').count());
                self.emit(i, i + dots, TokenKind::Punct);
                i += dots;
            } else if is_dash(c) {
                let mut j = i + len;
                while char_at(s, j) == Some(c) {
                    j += len;
                }
                let attached = j == i + len
                    && is_joining_hyphen(c)
                    && char_before(s, i).is_some_and(is_word_char);
                let kind = if attached {
                    TokenKind::Hyphen
                } else {
                    TokenKind::Dash
                };
                self.emit(i, j, kind);
                i = j;
            } else if is_quote(c) {
                self.emit(i, i + len, TokenKind::Quote);
                i += len;
            } else {
                let kind = if is_punct(c) {
                    TokenKind::Punct
                } else {
                    TokenKind::Symbol
                };
                self.emit(i, i + len, kind);
                i += len;
            }
        }
    }

    /// Lexes the word, number or compound starting at `start`, whose word
    /// chars are known to reach at least `scanned`; returns the byte after it.
    fn word(&mut self, start: usize, scanned: usize) -> usize {
        let s = self.s;
        let bytes = s.as_bytes();
        let mut tok = start; // start of the current part
        let mut p = scanned;
        let mut inner_dot = false;
        loop {
            p = word_run_end(s, p);
            let Some(n) = char_at(s, p) else {
                self.emit_word(tok, p);
                return p;
            };
            // Most words end at a char that none of the rules below reads.
            if !matches!(n, ',' | ':' | '/' | '.') && !is_apostrophe(n) && !is_joining_hyphen(n) {
                self.emit_word(tok, p);
                return p;
            }
            let nlen = n.len_utf8();
            let prev_digit = p > 0 && bytes.get(p - 1).is_some_and(u8::is_ascii_digit);
            let next = char_at(s, p + nlen);
            // "1,200", "10:30", "9/11".
            if matches!(n, ',' | ':' | '/')
                && prev_digit
                && next.is_some_and(|c| c.is_ascii_digit())
            {
                p += 1;
                continue;
            }
            if n == '.' {
                if next.is_some_and(char::is_alphanumeric) {
                    // "U.S", "3.5", "Amazon.com": the dot is inside.
                    inner_dot = true;
                    p += 1;
                    continue;
                }
                let w = s.get(tok..p).unwrap_or("");
                if !self.period_belongs(w, inner_dot, p) {
                    self.emit_word(tok, p);
                    return p;
                }
                p += 1;
                self.emit(tok, p, TokenKind::Abbreviation);
                // "U.S.-led": a hyphen may follow the abbreviation.
                match char_at(s, p) {
                    Some(h) if is_joining_hyphen(h) && self.word_char_at(p + h.len_utf8()) => {
                        self.emit(p, p + h.len_utf8(), TokenKind::Hyphen);
                        p += h.len_utf8();
                        tok = p;
                        inner_dot = false;
                        continue;
                    }
                    // "Corp.'s", "U.S.'s": a possessive after the period.
                    Some(a)
                        if is_apostrophe(a)
                            && matches!(char_at(s, p + a.len_utf8()), Some('s' | 'S'))
                            && !self.word_char_at(p + a.len_utf8() + 1) =>
                    {
                        let end = p + a.len_utf8() + 1;
                        self.emit(p, end, TokenKind::Possessive);
                        return end;
                    }
                    _ => return p,
                }
            }
            if is_apostrophe(n) {
                match self.apostrophe(start, tok, p, nlen) {
                    Some(end) => return end,
                    None => {
                        // Part of the word: "O'Brien".
                        p += nlen;
                        continue;
                    }
                }
            }
            if is_joining_hyphen(n) && next.is_some_and(is_word_char) {
                self.emit_word(tok, p);
                self.emit(p, p + nlen, TokenKind::Hyphen);
                p += nlen;
                tok = p;
                inner_dot = false;
                continue;
            }
            self.emit_word(tok, p);
            return p;
        }
    }

    fn word_char_at(&self, p: usize) -> bool {
        char_at(self.s, p).is_some_and(is_word_char)
    }

    /// Whether the period at `p`, after the word part `w`, belongs to it.
    fn period_belongs(&self, w: &str, inner_dot: bool, p: usize) -> bool {
        if inner_dot {
            return is_dotted_acronym(w);
        }
        let after = self.s.get(p + 1..).unwrap_or("");
        match abbreviation_kind(w) {
            Some(AbbrevKind::Numeral) => after
                .trim_start()
                .starts_with(|c: char| c.is_ascii_digit() || c == '#'),
            Some(_) if w.chars().count() == 1 => {
                // An initial: uppercase, and more text follows in the range.
                w.chars().all(char::is_uppercase)
                    && !after
                        .trim_start_matches(|c: char| is_closer(c) || c.is_whitespace())
                        .is_empty()
            }
            Some(_) => true,
            None => false,
        }
    }

    /// Handles the apostrophe at `p` (of `alen` bytes) after the word part
    /// `s[tok..p]` of the word that began at `start`. Returns the end of what
    /// it emitted, or `None` when the apostrophe is inside the word.
    fn apostrophe(&mut self, start: usize, tok: usize, p: usize, alen: usize) -> Option<usize> {
        let s = self.s;
        let w = s.get(tok..p).unwrap_or("");
        let after = p + alen;
        let sfx_len = s.get(after..).map_or(0, |r| {
            r.char_indices()
                .find(|(_, c)| !c.is_alphabetic())
                .map_or(r.len(), |(i, _)| i)
        });
        if sfx_len > 0 {
            let sfx_end = after + sfx_len;
            if self.word_char_at(sfx_end) {
                return None; // "rock'n'roll", "Qur'an2"
            }
            let sfx = s.get(after..sfx_end).unwrap_or("");
            let is = |x: &str| sfx.eq_ignore_ascii_case(x);
            if is("t") && w.ends_with(['n', 'N']) && w.len() > 1 {
                self.emit_word(tok, p - 1);
                self.emit(p - 1, sfx_end, TokenKind::Contraction);
                return Some(sfx_end);
            }
            if is("s") {
                self.emit_word(tok, p);
                let kind = if is_s_contraction(w) {
                    TokenKind::Contraction
                } else {
                    TokenKind::Possessive
                };
                self.emit(p, sfx_end, kind);
                return Some(sfx_end);
            }
            if is("re") || is("ve") || is("ll") || is("d") || is("m") {
                self.emit_word(tok, p);
                self.emit(p, sfx_end, TokenKind::Contraction);
                return Some(sfx_end);
            }
            return None;
        }
        // A trailing apostrophe: plural possessive, or a closing quote.
        let opened_by_quote = matches!(char_before(s, start), Some('\'' | '‘'));
        self.emit_word(tok, p);
        if w.ends_with(['s', 'S']) && !opened_by_quote {
            self.emit(p, after, TokenKind::Possessive);
            return Some(after);
        }
        Some(p)
    }
}

/// ASCII letters and digits, the ASCII word chars, as a byte table.
static ASCII_WORD: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// Whether `b` is an ASCII letter or digit, by a table (for scans that test
/// every byte of a text).
#[inline]
pub fn is_ascii_word_byte(b: u8) -> bool {
    ASCII_WORD[usize::from(b)]
}

/// Bit 7 of every byte of `w` (eight bytes of text, little-endian) that is
/// not an ASCII letter or digit.
///
/// Each byte is tested on its own: the additions never carry into the next
/// byte (the low seven bits plus at most 0x50 stay below 0x100).
#[inline]
pub fn non_word_bytes(w: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = ONES * 0x80;
    let low = w & !HIGH;
    // bit 7 set where the byte (below 0x80) is at least `t`
    let at_least = |x: u64, t: u8| (x + ONES * u64::from(0x80 - t)) & HIGH;
    let digit = at_least(low, b'0') & !at_least(low, b'9' + 1);
    let folded = low | (ONES * 0x20);
    let letter = at_least(folded, b'a') & !at_least(folded, b'z' + 1);
    (!(digit | letter) & HIGH) | (w & HIGH)
}

/// The end of the run of ASCII letters and digits starting at byte `p`,
/// eight bytes at a time: most words end within the first eight, found
/// without a loop whose exit the branch predictor keeps missing.
#[inline]
pub fn ascii_word_end(bytes: &[u8], mut p: usize) -> usize {
    while let Some(chunk) = bytes.get(p..p + 8) {
        let Ok(w) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        let stop = non_word_bytes(u64::from_le_bytes(w));
        if stop != 0 {
            return p + (stop.trailing_zeros() / 8) as usize;
        }
        p += 8;
    }
    while bytes.get(p).is_some_and(|&b| is_ascii_word_byte(b)) {
        p += 1;
    }
    p
}

/// The end of the run of word chars ([`is_word_char`]) starting at byte `p`
/// of `s`; ASCII letters and digits are tested as bytes.
#[inline]
fn word_run_end(s: &str, mut p: usize) -> usize {
    let bytes = s.as_bytes();
    while let Some(&b) = bytes.get(p) {
        if is_ascii_word_byte(b) {
            p += 1;
        } else if b.is_ascii() {
            break;
        } else {
            match char_at(s, p) {
                Some(c) if is_word_char(c) => p += c.len_utf8(),
                _ => break,
            }
        }
    }
    p
}

/// Words after which "'s" is "is" or "has" (or "us" in "let's").
fn is_s_contraction(w: &str) -> bool {
    const WORDS: &[&str] = &[
        "everybody",
        "everyone",
        "everything",
        "he",
        "here",
        "how",
        "it",
        "let",
        "nobody",
        "nothing",
        "she",
        "somebody",
        "someone",
        "something",
        "that",
        "there",
        "what",
        "when",
        "where",
        "who",
        "why",
    ];
    WORDS.iter().any(|x| x.eq_ignore_ascii_case(w))
}

/// Punctuation (as opposed to symbols) outside the quote and dash classes.
fn is_punct(c: char) -> bool {
    matches!(
        c,
        ',' | ';' | ':' | '!' | '?' | '(' | ')' | '[' | ']' | '{' | '}'
    ) || matches!(c,
        '¡' | '¿' | '§' | '¶' | '·'
        | '\u{2016}'..='\u{2027}'
        | '\u{2030}'..='\u{205E}'
        | '\u{3001}'..='\u{3003}'
        | '\u{3008}'..='\u{3011}'
        | '\u{3014}'..='\u{301F}'
        | '\u{FF01}'..='\u{FF0F}'
        | '\u{FF1A}'..='\u{FF1F}'
        | '\u{FF61}'..='\u{FF65}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commas_colons_and_slashes_join_digits_only() {
        assert_eq!(
            toks("Paris, 1,200 a,b 10:30 x:1 2:y 9/11 and/or 3, 4,5."),
            [
                "Paris", ",", "1,200", "a", ",", "b", "10:30", "x", ":", "1", "2", ":", "y",
                "9/11", "and", "/", "or", "3", ",", "4,5", "."
            ]
        );
    }

    #[test]
    fn word_ends_match_the_byte_table() {
        // every byte value at every position of an otherwise word chunk
        for v in 0..=255u8 {
            for k in 0..8 {
                let mut w = *b"abcXYZ09";
                w[k] = v;
                let stop = non_word_bytes(u64::from_le_bytes(w));
                for (j, &c) in w.iter().enumerate() {
                    let want = !is_ascii_word_byte(c);
                    assert_eq!(stop >> (8 * j + 7) & 1 == 1, want, "byte {c:#04x} at {j}");
                }
                let mut text = b"xy".to_vec();
                text.extend_from_slice(&w);
                text.extend_from_slice(b"abcdefghij; z");
                for p in 0..text.len() {
                    let want = p + text[p..]
                        .iter()
                        .position(|&b| !is_ascii_word_byte(b))
                        .unwrap_or(text.len() - p);
                    assert_eq!(ascii_word_end(&text, p), want, "{text:?} from {p}");
                }
            }
        }
    }

    fn toks(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn empty_and_spaces() {
        assert!(tokenize("").is_empty());
        assert!(tokenize(" \n\t\u{a0}").is_empty());
    }

    #[test]
    fn range_is_clamped_and_widened() {
        let text = "a’b c";
        // 2 is inside "’" (bytes 1..4): widened to 1..
        let t = tokenize_range(text, 2..100);
        assert_eq!(t.first().map(|t| t.start), Some(1));
        assert!(tokenize_range(text, 50..60).is_empty());
        assert!(tokenize_range(text, Range { start: 3, end: 1 }).is_empty());
    }

    #[test]
    fn offsets_are_absolute() {
        let text = "He said. She left.";
        let t = tokenize_range(text, 9..18);
        assert_eq!(t.first().map(|t| t.text(text)), Some("She"));
        assert_eq!(t.last().map(|t| (t.start, t.end)), Some((17, 18)));
    }

    #[test]
    fn initial_at_range_end() {
        assert_eq!(toks("World War I."), ["World", "War", "I", "."]);
        assert_eq!(toks("J. Smith"), ["J.", "Smith"]);
    }

    #[test]
    fn s_contraction_words_are_lowercase() {
        assert!(is_s_contraction("It"));
        assert!(!is_s_contraction("Ishiba"));
    }
}
