//! Character classes shared by the splitter and the tokenizer (crate-private).
//!
//! Whitespace everywhere in this crate is [`char::is_whitespace`] (Unicode
//! `White_Space`, which includes NBSP and the thin spaces). Line breaks are
//! the subset that always ends a sentence.

/// Characters that end a line: LF, CR, VT, FF, NEL, LINE SEPARATOR and
/// PARAGRAPH SEPARATOR.
#[inline]
pub(crate) fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// Sentence-final punctuation: `.` `!` `?` `…` `‽` and the CJK full stops.
#[inline]
pub(crate) fn is_terminator(c: char) -> bool {
    matches!(
        c,
        '.' | '!' | '?' | '…' | '‽' | '。' | '！' | '？' | '｡' | '⁇' | '⁈' | '⁉'
    )
}

/// CJK terminators, which end a sentence with no space after them.
#[inline]
pub(crate) fn is_cjk_terminator(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '｡')
}

/// Closing quotes and brackets that stay with the sentence they close.
#[inline]
pub(crate) fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '}' | '」' | '』' | '）' | '〕' | '】'
    )
}

/// Opening quotes and brackets that may precede a sentence's first word.
#[inline]
pub(crate) fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '‘' | '„' | '‚' | '«' | '‹' | '(' | '[' | '{' | '「' | '『' | '（'
    )
}

/// Quotation marks of any direction (the tokenizer's `Quote` kind).
#[inline]
pub(crate) fn is_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '`'
            | '“'
            | '”'
            | '„'
            | '‟'
            | '‘'
            | '’'
            | '‚'
            | '‛'
            | '«'
            | '»'
            | '‹'
            | '›'
            | '「'
            | '」'
            | '『'
            | '』'
            | '＂'
            | '＇'
    )
}

/// Apostrophes that can start a clitic ("'s", "n't").
#[inline]
pub(crate) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

/// Hyphens that join the parts of a compound ("Japan-U.S.", "mid-February").
/// The en dash joins too ("2019–20").
#[inline]
pub(crate) fn is_joining_hyphen(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑' | '–')
}

/// Every dash and hyphen, joining or not.
#[inline]
pub(crate) fn is_dash(c: char) -> bool {
    matches!(
        c,
        '-' | '‐'
            | '‑'
            | '‒'
            | '–'
            | '—'
            | '―'
            | '−'
            | '⁃'
            | '⸺'
            | '⸻'
            | '﹘'
            | '﹣'
            | '－'
    )
}

/// Punctuation after a period that shows the sentence goes on.
#[inline]
pub(crate) fn continues_sentence(c: char) -> bool {
    matches!(
        c,
        ',' | ';' | ':' | ')' | ']' | '}' | '%' | '&' | '/' | '.' | '…' | '!' | '?'
    ) || is_dash(c)
}

/// Whether `c` belongs inside a word or number token: letters and digits of
/// any script, combining marks, and other non-ASCII characters that are not
/// whitespace, punctuation or symbols (so CJK runs and accented letters in
/// decomposed form stay whole).
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    is_non_ascii_word_char(c)
}

/// [`is_word_char`] for a non-ASCII char: kept out of line so that the ASCII
/// test inlines into the tokenizer's loops.
#[inline(never)]
fn is_non_ascii_word_char(c: char) -> bool {
    // No whitespace, quote or dash is alphanumeric: the cheap tests first
    // (the usual non-ASCII chars of news text are curly quotes and dashes).
    if c.is_whitespace() || is_quote(c) || is_dash(c) {
        return false;
    }
    !is_symbol_or_punct(c) || c.is_alphanumeric()
}

/// Non-alphanumeric characters in the usual punctuation and symbol blocks.
#[inline]
fn is_symbol_or_punct(c: char) -> bool {
    matches!(c,
        '\u{A1}'..='\u{BF}'
        | '\u{D7}'
        | '\u{F7}'
        | '\u{2000}'..='\u{206F}'
        | '\u{20A0}'..='\u{20CF}'
        | '\u{2100}'..='\u{214F}'
        | '\u{2190}'..='\u{2BFF}'
        | '\u{2E00}'..='\u{2E7F}'
        | '\u{3000}'..='\u{303F}'
        | '\u{FE10}'..='\u{FE6F}'
        | '\u{FF00}'..='\u{FF0F}'
        | '\u{FF1A}'..='\u{FF20}'
        | '\u{FF3B}'..='\u{FF40}'
        | '\u{FF5B}'..='\u{FF65}'
        | '\u{FFF0}'..='\u{FFFF}'
        | '\u{1F000}'..='\u{1FAFF}'
    )
}

/// The char starting at byte `i` of `s`, or `None` at the end or when `i` is
/// not a char boundary. ASCII fast path.
#[inline]
pub(crate) fn char_at(s: &str, i: usize) -> Option<char> {
    let b = *s.as_bytes().get(i)?;
    if b < 0x80 {
        return Some(b as char);
    }
    s.get(i..)?.chars().next()
}

/// The char ending at byte `i` of `s` (the one before `i`), if any.
#[inline]
pub(crate) fn char_before(s: &str, i: usize) -> Option<char> {
    if i == 0 {
        return None;
    }
    let b = *s.as_bytes().get(i - 1)?;
    if b < 0x80 {
        return Some(b as char);
    }
    s.get(..i)?.chars().next_back()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        assert!(is_word_char('é'));
        assert!(is_word_char('\u{301}'));
        assert!(is_word_char('会'));
        assert!(!is_word_char('…'));
        assert!(!is_word_char('€'));
        assert!(!is_word_char('\u{a0}'));
        assert!(!is_word_char('’'));
        assert!(is_line_break('\u{2029}'));
        assert!(!is_line_break(' '));
    }

    #[test]
    fn word_chars_are_alphanumerics_and_unlisted_chars() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let listed = c.is_whitespace() || is_quote(c) || is_dash(c) || is_symbol_or_punct(c);
            let expected = if c.is_ascii() {
                c.is_ascii_alphanumeric()
            } else {
                c.is_alphanumeric() || !listed
            };
            assert_eq!(is_word_char(c), expected, "{c:?}");
        }
    }

    #[test]
    fn char_at_and_before() {
        let s = "a’b";
        assert_eq!(char_at(s, 0), Some('a'));
        assert_eq!(char_at(s, 1), Some('’'));
        assert_eq!(char_at(s, 2), None);
        assert_eq!(char_at(s, 4), Some('b'));
        assert_eq!(char_at(s, 5), None);
        assert_eq!(char_before(s, 4), Some('’'));
        assert_eq!(char_before(s, 0), None);
        assert_eq!(char_before(s, 3), None);
    }
}
