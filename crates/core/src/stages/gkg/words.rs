//! Word boundaries for the theme and place matchers: where words start and
//! end, found in one pass over the body that both matchers share.

use tacitus_text::is_ascii_word_byte;

/// Which bytes a pattern may start with.
pub(super) type FirstBytes = [bool; 256];

/// The first bytes of `patterns` (in both ASCII cases when `fold_case`).
pub(super) fn first_bytes<P: AsRef<str>>(patterns: &[P], fold_case: bool) -> FirstBytes {
    let mut first = [false; 256];
    for p in patterns {
        if let Some(&b) = p.as_ref().as_bytes().first() {
            first[usize::from(b)] = true;
            if fold_case {
                first[usize::from(b.to_ascii_lowercase())] = true;
                first[usize::from(b.to_ascii_uppercase())] = true;
            }
        }
    }
    first
}

/// The offsets of a text where a word may start: every char boundary with no
/// letter or digit right before it (so also spaces and punctuation that
/// follow another such char), in order.
pub(super) struct WordStarts(Vec<usize>);

impl WordStarts {
    /// The word starts of `text`.
    pub(super) fn new(text: &str) -> WordStarts {
        let bytes = text.as_bytes();
        let mut starts = Vec::with_capacity(bytes.len() / 4);
        let mut i = 0;
        // Here no letter or digit is right before `i`.
        while let Some(&b) = bytes.get(i) {
            starts.push(i);
            let alnum = if b.is_ascii() {
                i += 1;
                is_ascii_word_byte(b)
            } else {
                let (len, alnum) = wide_char(text, i);
                i += len;
                alnum
            };
            if !alnum {
                continue;
            }
            // Past the rest of the word and the char that ends it.
            while let Some(&b) = bytes.get(i) {
                let (len, alnum) = if b.is_ascii() {
                    (1, is_ascii_word_byte(b))
                } else {
                    wide_char(text, i)
                };
                i += len;
                if !alnum {
                    break;
                }
            }
        }
        WordStarts(starts)
    }

    /// The word starts, in order.
    pub(super) fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.0.iter().copied()
    }
}

/// The length of the non-ASCII char at byte `i` (a char boundary) and
/// whether it is a letter or digit.
fn wide_char(text: &str, i: usize) -> (usize, bool) {
    text[i..].chars().next().map_or((1, false), |c| {
        // Curly quotes and dashes are most of the non-ASCII chars in news:
        // no letter or digit is in their block (General Punctuation), which
        // spares the Unicode tables.
        let punctuation = ('\u{2000}'..='\u{206F}').contains(&c);
        (c.len_utf8(), !punctuation && c.is_alphanumeric())
    })
}

/// Whether a word starts at byte `s` (no letter or digit right before it).
pub(super) fn left_boundary(text: &str, s: usize) -> bool {
    match s.checked_sub(1).map(|i| text.as_bytes()[i]) {
        None => true,
        Some(b) if b.is_ascii() => !b.is_ascii_alphanumeric(),
        Some(_) => text
            .get(..s)
            .and_then(|t| t.chars().next_back())
            .is_none_or(|c| !c.is_alphanumeric()),
    }
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

/// The end of the run of letters and digits that starts at byte `s`.
pub(super) fn word_end(text: &str, s: usize) -> usize {
    let bytes = text.as_bytes();
    let mut e = s;
    while let Some(&b) = bytes.get(e) {
        let (len, alnum) = if b.is_ascii() {
            (1, is_ascii_word_byte(b))
        } else {
            wide_char(text, e)
        };
        if !alnum {
            break;
        }
        e += len;
    }
    e
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_starts_follow_no_letter_or_digit() {
        let text = "In Zürich, 3 «big» talks";
        let starts: Vec<usize> = WordStarts::new(text).iter().collect();
        let expected: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .filter(|&i| left_boundary(text, i))
            .collect();
        assert_eq!(starts, expected);
        assert_eq!(word_end(text, 3), "In Zürich".len());
    }

    #[test]
    fn general_punctuation_has_no_letter_or_digit() {
        assert!(('\u{2000}'..='\u{206F}').all(|c| !c.is_alphanumeric()));
    }
}
