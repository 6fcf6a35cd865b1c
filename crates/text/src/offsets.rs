//! Byte ↔ char offset conversion for one text.
//!
//! This crate works in byte offsets (what `str` slicing needs); the Document
//! layer and the JSON output speak char offsets (Unicode scalar values, what
//! `text.chars().nth(i)` counts). [`OffsetMap`] is built once per text and
//! converts either way in O(1): a plain identity when the text is ASCII, two
//! lookup tables otherwise.
//!
//! Out-of-range input never panics: the plain methods clamp (to the end of
//! the text, or to the start of the char that contains a byte), the
//! `checked_` ones return `None`.
//!
//! ```
//! use tacitus_text::offsets::OffsetMap;
//!
//! let text = "Ishiba’s visit";
//! let map = OffsetMap::new(text);
//! let byte = text.find("visit").unwrap();        // 11: "’" takes 3 bytes
//! assert_eq!(map.char_of_byte(byte), 9);
//! assert_eq!(map.byte_of_char(9), byte);
//! assert_eq!(map.len_chars(), 14);
//! assert_eq!(map.char_of_byte(1_000), 14);        // clamped
//! assert_eq!(map.checked_char_of_byte(7), None);  // inside "’"
//! ```

use std::ops::Range;

/// Converts between byte and char offsets of one text in O(1).
///
/// Built by [`OffsetMap::new`]; it keeps no reference to the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OffsetMap {
    len_bytes: usize,
    len_chars: usize,
    tables: Tables,
}

/// Lookup tables; `u32` entries unless the text is 4 GiB or more.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Tables {
    /// ASCII text: byte and char offsets are equal.
    Identity,
    Narrow(Table<u32>),
    Wide(Table<usize>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Table<T> {
    /// For each byte offset `0..=len`, the index of the char containing it.
    char_of_byte: Vec<T>,
    /// For each char index `0..=len_chars`, its byte offset.
    byte_of_char: Vec<T>,
}

/// An unsigned offset type the tables can store.
trait Offset: Copy {
    fn from_usize(n: usize) -> Self;
    fn to_usize(self) -> usize;
}

impl Offset for u32 {
    #[inline]
    fn from_usize(n: usize) -> Self {
        // Only used when the text is shorter than u32::MAX bytes, so the
        // cast never truncates; a plain cast lets the table fill vectorize.
        n as u32
    }
    #[inline]
    fn to_usize(self) -> usize {
        self as usize
    }
}

impl Offset for usize {
    #[inline]
    fn from_usize(n: usize) -> Self {
        n
    }
    #[inline]
    fn to_usize(self) -> usize {
        self
    }
}

impl<T: Offset> Table<T> {
    fn build(text: &str, len_chars: usize) -> Self {
        let bytes = text.as_bytes();
        let mut char_of_byte = Vec::with_capacity(bytes.len() + 1);
        let mut byte_of_char = Vec::with_capacity(len_chars + 1);
        // Runs of ASCII, where both tables count up by one, are filled with
        // ranges (news text is mostly ASCII); each other char on its own.
        let (mut bi, mut ci) = (0usize, 0usize);
        while bi < bytes.len() {
            let run = ascii_prefix_len(bytes.get(bi..).unwrap_or_default());
            char_of_byte.extend((ci..ci + run).map(T::from_usize));
            byte_of_char.extend((bi..bi + run).map(T::from_usize));
            bi += run;
            ci += run;
            if bi < bytes.len() {
                // A multi-byte char: its lead byte and continuation bytes.
                let tail = bytes.get(bi + 1..).unwrap_or_default();
                let len = 1 + tail.iter().take_while(|&&b| is_continuation(b)).count();
                char_of_byte.extend(std::iter::repeat_n(T::from_usize(ci), len));
                byte_of_char.push(T::from_usize(bi));
                bi += len;
                ci += 1;
            }
        }
        char_of_byte.push(T::from_usize(len_chars));
        byte_of_char.push(T::from_usize(text.len()));
        Table {
            char_of_byte,
            byte_of_char,
        }
    }
}

/// The number of ASCII bytes `bytes` starts with; whole 16-byte chunks are
/// tested at once.
fn ascii_prefix_len(bytes: &[u8]) -> usize {
    let whole = bytes
        .chunks_exact(16)
        .take_while(|chunk| chunk.is_ascii())
        .count()
        * 16;
    let rest = bytes.get(whole..).unwrap_or_default();
    whole + rest.iter().take_while(|b| b.is_ascii()).count()
}

/// Whether `b` is a UTF-8 continuation byte (10xxxxxx).
#[inline]
fn is_continuation(b: u8) -> bool {
    b & 0xC0 == 0x80
}

impl OffsetMap {
    /// Builds the map for `text`: O(n) time; no allocation when the text is
    /// ASCII, otherwise about 4 bytes per byte plus 4 per char.
    pub fn new(text: &str) -> Self {
        if text.is_ascii() {
            return OffsetMap {
                len_bytes: text.len(),
                len_chars: text.len(),
                tables: Tables::Identity,
            };
        }
        let len_chars = text.chars().count();
        let tables = if u32::try_from(text.len()).is_ok_and(|n| n < u32::MAX) {
            Tables::Narrow(Table::build(text, len_chars))
        } else {
            Tables::Wide(Table::build(text, len_chars))
        };
        OffsetMap {
            len_bytes: text.len(),
            len_chars,
            tables,
        }
    }

    /// Length of the text in bytes.
    pub fn len_bytes(&self) -> usize {
        self.len_bytes
    }

    /// Length of the text in chars.
    pub fn len_chars(&self) -> usize {
        self.len_chars
    }

    /// Whether the text was empty.
    pub fn is_empty(&self) -> bool {
        self.len_bytes == 0
    }

    /// Whether the text was pure ASCII (byte and char offsets are equal).
    pub fn is_ascii(&self) -> bool {
        matches!(self.tables, Tables::Identity)
    }

    /// The char index of byte offset `byte`.
    ///
    /// Clamps: a byte past the end gives [`len_chars`](Self::len_chars); a
    /// byte inside a multi-byte char gives the index of that char.
    pub fn char_of_byte(&self, byte: usize) -> usize {
        let byte = byte.min(self.len_bytes);
        match &self.tables {
            Tables::Identity => byte,
            Tables::Narrow(t) => lookup(&t.char_of_byte, byte, self.len_chars),
            Tables::Wide(t) => lookup(&t.char_of_byte, byte, self.len_chars),
        }
    }

    /// The byte offset of char index `ch`; clamps to
    /// [`len_bytes`](Self::len_bytes) past the end.
    pub fn byte_of_char(&self, ch: usize) -> usize {
        let ch = ch.min(self.len_chars);
        match &self.tables {
            Tables::Identity => ch,
            Tables::Narrow(t) => lookup(&t.byte_of_char, ch, self.len_bytes),
            Tables::Wide(t) => lookup(&t.byte_of_char, ch, self.len_bytes),
        }
    }

    /// The char index of `byte`, or `None` if it is past the end or not on a
    /// char boundary.
    pub fn checked_char_of_byte(&self, byte: usize) -> Option<usize> {
        if byte > self.len_bytes {
            return None;
        }
        let ch = self.char_of_byte(byte);
        (self.byte_of_char(ch) == byte).then_some(ch)
    }

    /// The byte offset of char index `ch`, or `None` if it is past the end.
    pub fn checked_byte_of_char(&self, ch: usize) -> Option<usize> {
        (ch <= self.len_chars).then(|| self.byte_of_char(ch))
    }

    /// Converts a byte range to a char range, clamping both ends like
    /// [`char_of_byte`](Self::char_of_byte). A range inside one char gives
    /// an empty range; `start > end` gives an empty range at `start`.
    pub fn char_range(&self, bytes: Range<usize>) -> Range<usize> {
        let start = self.char_of_byte(bytes.start);
        // The end rounds up, so a byte range ending inside a char keeps it.
        let mut end = self.char_of_byte(bytes.end);
        if bytes.end <= self.len_bytes && self.byte_of_char(end) < bytes.end {
            end += 1;
        }
        start..end.max(start)
    }

    /// Converts a char range to a byte range, clamping both ends like
    /// [`byte_of_char`](Self::byte_of_char); `start > end` gives an empty
    /// range at `start`.
    pub fn byte_range(&self, chars: Range<usize>) -> Range<usize> {
        let start = self.byte_of_char(chars.start);
        let end = self.byte_of_char(chars.end);
        start..end.max(start)
    }
}

/// `table[i]`, or `fallback` if out of bounds (cannot happen after clamping;
/// kept so that no input can panic).
#[inline]
fn lookup<T: Offset>(table: &[T], i: usize, fallback: usize) -> usize {
    table.get(i).map_or(fallback, |v| v.to_usize())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reference implementation by counting.
    fn check_against_chars(text: &str) {
        let map = OffsetMap::new(text);
        assert_eq!(map.len_bytes(), text.len());
        assert_eq!(map.len_chars(), text.chars().count());
        assert_eq!(map.is_ascii(), text.is_ascii());
        for (ci, (bi, _)) in text.char_indices().enumerate() {
            assert_eq!(map.char_of_byte(bi), ci, "{text:?} byte {bi}");
            assert_eq!(map.byte_of_char(ci), bi, "{text:?} char {ci}");
            assert_eq!(map.checked_char_of_byte(bi), Some(ci));
        }
        assert_eq!(map.char_of_byte(text.len()), map.len_chars());
        assert_eq!(map.byte_of_char(map.len_chars()), text.len());
        for b in 0..=text.len() {
            let ch = map.char_of_byte(b);
            let starts_before = text.char_indices().filter(|(i, _)| *i < b).count();
            let expect = starts_before - usize::from(!text.is_char_boundary(b));
            assert_eq!(ch, expect, "{text:?} byte {b}");
            assert_eq!(
                map.checked_char_of_byte(b).is_some(),
                text.is_char_boundary(b)
            );
        }
    }

    #[test]
    fn ascii_is_identity() {
        check_against_chars("The U.S. envoy left.");
        let map = OffsetMap::new("abc");
        assert!(map.is_ascii());
        assert_eq!(map.char_of_byte(2), 2);
    }

    #[test]
    fn empty() {
        let map = OffsetMap::new("");
        assert!(map.is_empty());
        assert_eq!(map.char_of_byte(0), 0);
        assert_eq!(map.byte_of_char(5), 0);
        assert_eq!(map.checked_byte_of_char(1), None);
        assert_eq!(map.checked_byte_of_char(0), Some(0));
    }

    #[test]
    fn multibyte() {
        check_against_chars("Ishiba’s visit to Zürich — “soon” 会談は終わった。 🇯🇵!");
        check_against_chars("é");
        check_against_chars("\u{10FFFF}x\u{80}");
    }

    #[test]
    fn clamps_out_of_range() {
        let text = "a€b";
        let map = OffsetMap::new(text);
        assert_eq!(map.char_of_byte(usize::MAX), 3);
        assert_eq!(map.byte_of_char(usize::MAX), 5);
        assert_eq!(map.char_of_byte(2), 1); // inside "€" → that char
        assert_eq!(map.checked_char_of_byte(2), None);
        assert_eq!(map.checked_char_of_byte(6), None);
        assert_eq!(map.checked_byte_of_char(4), None);
    }

    #[test]
    fn ranges() {
        let text = "“Go,” he said";
        let map = OffsetMap::new(text);
        let b = text.find("he").unwrap();
        assert_eq!(map.char_range(b..b + 2), 6..8);
        assert_eq!(map.byte_range(6..8), b..b + 2);
        assert_eq!(map.char_range(0..3), 0..1);
        assert_eq!(map.char_range(0..1), 0..1); // ends inside "“": rounds up
        assert_eq!(map.char_range(Range { start: 5, end: 2 }), 3..3);
        assert_eq!(map.byte_range(100..200), text.len()..text.len());
    }
}
