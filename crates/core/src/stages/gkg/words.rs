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
/// follow another such char) whose first byte is an ASCII letter or digit or
/// is wanted, in order. (ASCII letters and digits are all taken: the
/// matchers test their own first bytes, and most letters start a phrase.)
pub(super) struct WordStarts(Vec<usize>);

/// Bit 7 of each of sixteen bytes.
const HIGH: u128 = u128::MAX / 0xFF * 0x80;

/// Eight bytes of `bytes` from `at`, little-endian, zero-padded past the end.
#[inline]
pub(super) fn load8(bytes: &[u8], at: usize) -> u64 {
    match bytes.get(at..at + 8) {
        Some(chunk) => u64::from_le_bytes(chunk.try_into().unwrap_or_default()),
        None => {
            let mut chunk = [0u8; 8];
            let rest = bytes.get(at..).unwrap_or_default();
            chunk[..rest.len()].copy_from_slice(rest);
            u64::from_le_bytes(chunk)
        }
    }
}

impl WordStarts {
    /// The word starts of `text` at an ASCII letter or digit or a byte of
    /// `wanted`.
    pub(super) fn new(text: &str, wanted: &FirstBytes) -> WordStarts {
        let bytes = text.as_bytes();
        // The wanted ASCII bytes that are not letters or digits ('%'),
        // tested sixteen bytes at a time like the letters and digits when
        // there are at most `OTHERS` of them (padded with a letter, which
        // is wanted anyway); otherwise every char is tested on its own.
        const OTHERS: usize = 4;
        let mut others = [b'a'; OTHERS];
        let mut n_others = 0;
        for b in 0..128u8 {
            if wanted[usize::from(b)] && !is_ascii_word_byte(b) {
                if let Some(o) = others.get_mut(n_others) {
                    *o = b;
                }
                n_others += 1;
            }
        }
        let chunks = n_others <= OTHERS;
        // The starts found are `starts[..n]`; the rest is room to write
        // the starts of the next sixteen bytes without a branch per start.
        let mut starts = vec![0; bytes.len() / 4 + 32];
        let mut n = 0;
        // Whether a letter or digit is right before `i`.
        let mut after_word = false;
        let mut i = 0;
        while i < bytes.len() {
            // Room for the starts of the next sixteen bytes: at most one a
            // char, and `write_flagged` writes eight slots a half at most.
            if starts.len() < n + 16 {
                starts.resize(2 * starts.len(), 0);
            }
            if let Some(chunk) = bytes.get(i..).and_then(<[u8]>::first_chunk::<16>)
                && chunks
                && u128::from_le_bytes(*chunk) & HIGH == 0
            {
                // Sixteen ASCII bytes. Bit 7 of each byte of `alnum` flags
                // a letter or digit, of `want` a byte a word may start
                // with; a start is a wanted byte with no letter or digit
                // right before it: no branch per byte (a branch at each
                // word's end was mispredicted at about every word). Each
                // byte's flags are written to arrays read as numbers, which
                // the compiler computes in a few vector instructions.
                let mut alnum = [0u8; 16];
                let mut want = [0u8; 16];
                for ((a, w), &b) in alnum.iter_mut().zip(&mut want).zip(chunk) {
                    let letter = b.is_ascii_alphanumeric();
                    let other = others.iter().fold(false, |any, &o| any | (b == o));
                    *a = u8::from(letter) << 7;
                    *w = u8::from(letter | other) << 7;
                }
                let alnum = u128::from_le_bytes(alnum);
                let before = alnum << 8 | u128::from(after_word) << 7;
                let found = u128::from_le_bytes(want) & !before;
                n = write_flagged(&mut starts, n, i, found as u64);
                n = write_flagged(&mut starts, n, i + 8, (found >> 64) as u64);
                after_word = alnum >> 127 == 1;
                i += 16;
                continue;
            }
            // A char that is not ASCII in these sixteen bytes (rare but
            // for curly quotes and dashes), or the text's last bytes: char
            // by char up to the first char boundary at or past them.
            let stop = i + 16;
            while i < stop && i < bytes.len() {
                let b = bytes[i];
                let (width, alnum) = if b.is_ascii() {
                    (1, is_ascii_word_byte(b))
                } else {
                    wide_char(text, i)
                };
                // Written at every char, kept at a start: no branch.
                starts[n] = i;
                n += usize::from(!after_word & (wanted[usize::from(b)] | is_ascii_word_byte(b)));
                after_word = alnum;
                i += width;
            }
        }
        starts.truncate(n);
        WordStarts(starts)
    }

    /// The word starts, in order.
    pub(super) fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.0.iter().copied()
    }
}

/// Writes `at + k` for each byte `k` of `flags` whose bit 7 is set (its
/// other bits clear) to `out` from `n` on, which has room for eight; returns
/// `n` past them. Up to four (most often) are written without a branch on
/// their number: a loop that ends at the last one was mispredicted at about
/// every end, once or twice per sixteen bytes.
#[inline]
fn write_flagged(out: &mut [usize], n: usize, at: usize, mut flags: u64) -> usize {
    // The flags summed into the top byte (`count_ones` without a POPCNT).
    let count = ((flags >> 7).wrapping_mul(0x0101_0101_0101_0101) >> 56) as usize;
    let (most, rest) = out[n..n + 8].split_at_mut(4);
    let mut write = |slots: &mut [usize]| {
        for slot in slots {
            // Past the last flag this writes `at + 8`, which the next
            // write or the final length drops.
            *slot = at + (flags.trailing_zeros() / 8) as usize;
            flags &= flags.wrapping_sub(1);
        }
    };
    write(most);
    if count > 4 {
        write(rest);
    }
    n + count
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
            "{short}, {}: «Über» 42x {} 5% %%, ü{} {}",
            "a b ".repeat(20),
            "x".repeat(70),
            "é«—ü x".repeat(30),
            "%%%%% a%b%c%d%e%f ".repeat(8)
        );
        let letters = first_bytes(&["a", "b", "i", "t", "x", "z", "ü", "%", "«"], true);
        for text in [short, &long, &long[1..], &long[2..], &long[3..]] {
            for wanted in [[true; 256], letters] {
                let starts: Vec<usize> = WordStarts::new(text, &wanted).iter().collect();
                let expected: Vec<usize> = text
                    .char_indices()
                    .map(|(i, _)| i)
                    .filter(|&i| {
                        let b = text.as_bytes()[i];
                        left_boundary(text, i) && (wanted[usize::from(b)] || is_ascii_word_byte(b))
                    })
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
