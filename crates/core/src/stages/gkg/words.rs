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
/// follow another such char) whose first byte is wanted, in order.
pub(super) struct WordStarts(Vec<usize>);

impl WordStarts {
    /// The word starts of `text` at a byte of `wanted`.
    pub(super) fn new(text: &str, wanted: &FirstBytes) -> WordStarts {
        /// ASCII text is read in blocks of this many bytes, one bit each.
        const BLOCK: usize = 64;
        let bytes = text.as_bytes();
        let mut starts = Vec::with_capacity(bytes.len() / 8);
        // Whether a letter or digit is right before `i`.
        let mut after_word = false;
        let mut i = 0;
        while i < bytes.len() {
            let block = &bytes[i..bytes.len().min(i + BLOCK)];
            if block.is_ascii() {
                // A bit per byte for "letter or digit" and for "wanted",
                // with no branch per byte: a branch at each word's end was
                // mispredicted at about every word.
                let (mut word, mut want) = (0u64, 0u64);
                for (k, &b) in block.iter().enumerate() {
                    word |= u64::from(is_ascii_word_byte(b)) << k;
                    want |= u64::from(wanted[usize::from(b)]) << k;
                }
                let mut found = want & !(word << 1 | u64::from(after_word));
                while found != 0 {
                    starts.push(i + found.trailing_zeros() as usize);
                    found &= found - 1;
                }
                after_word = word >> (block.len() - 1) & 1 == 1;
                i += block.len();
            } else {
                // Char by char to the end of the block (or of the char
                // that crosses it).
                let end = i + block.len();
                while let Some(&b) = bytes.get(i).filter(|_| i < end) {
                    if !after_word && wanted[usize::from(b)] {
                        starts.push(i);
                    }
                    let (len, alnum) = if b.is_ascii() {
                        (1, is_ascii_word_byte(b))
                    } else {
                        wide_char(text, i)
                    };
                    after_word = alnum;
                    i += len;
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
        let short = "In Zürich, 3 «big» talks";
        let long = format!(
            "{short}, {}: «Über» 42x {}",
            "a b ".repeat(20),
            "x".repeat(70)
        );
        let letters = first_bytes(&["a", "b", "i", "t", "x", "z", "ü"], true);
        for text in [short, &long] {
            for wanted in [[true; 256], letters] {
                let starts: Vec<usize> = WordStarts::new(text, &wanted).iter().collect();
                let expected: Vec<usize> = text
                    .char_indices()
                    .map(|(i, _)| i)
                    .filter(|&i| left_boundary(text, i) && wanted[usize::from(text.as_bytes()[i])])
                    .collect();
                assert_eq!(starts, expected, "{text}");
            }
        }
        let text = short;
        assert_eq!(word_end(text, 3), "In Zürich".len());
    }

    #[test]
    fn general_punctuation_has_no_letter_or_digit() {
        assert!(('\u{2000}'..='\u{206F}').all(|c| !c.is_alphanumeric()));
    }
}
