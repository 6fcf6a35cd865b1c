//! The TAB-separated data files: their data lines and fields, for every
//! parser of the crate that reads one line as one record.

use crate::{Error, ErrorKind};

/// The lines of `text` as `str::lines` splits them, without the `\r`s at
/// their ends. Found with `memchr`, as the fields of a line are by
/// [`split_tabs`]: start-up reads some 1.3 MB of data files, and the
/// standard library's searches for one char cost several instructions a
/// byte there.
pub(crate) fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let (line, next) = match memchr::memchr(b'\n', rest.as_bytes()) {
            Some(i) => (&rest[..i], &rest[i + 1..]),
            None => (rest, ""),
        };
        rest = next;
        Some(line.trim_end_matches('\r'))
    })
}

/// An upper bound of the number of lines of `text`, counted fast: the
/// capacity of a list of its entries, which then grows by no copy (a
/// list of thousands of entries grown step by step copies them and
/// touches twice the memory).
pub(crate) fn max_lines(text: &str) -> usize {
    memchr::memchr_iter(b'\n', text.as_bytes()).count() + 1
}

/// The TAB-separated fields of `line`, as `line.split('\t')` gives them.
pub(crate) fn split_tabs(line: &str) -> impl Iterator<Item = &str> {
    let mut start = 0;
    memchr::memchr_iter(b'\t', line.as_bytes())
        .chain(std::iter::once(line.len()))
        .map(move |end| {
            let field = &line[start..end];
            start = end + 1;
            field
        })
}

/// `s.trim()`, without its search when `s` starts and ends with an ASCII
/// character that is not white space (nearly every field of the data
/// files: start-up trims some 60,000 of them).
#[inline]
pub(crate) fn trim(s: &str) -> &str {
    // The ASCII characters `char::is_whitespace` is true of.
    let space = |b: u8| matches!(b, b'\t'..=b'\r' | b' ');
    match s.as_bytes() {
        [first, .., last]
            if first.is_ascii() && last.is_ascii() && !space(*first) && !space(*last) =>
        {
            s
        }
        [only] if only.is_ascii() && !space(*only) => s,
        _ => s.trim(),
    }
}

/// The data lines of `text` (no blank lines, no `#` comments, no `\r`),
/// with their 0-based line index.
pub(crate) fn data_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    lines(text)
        .enumerate()
        .filter(|(_, l)| !trim(l).is_empty() && !l.starts_with('#'))
}

/// The fields of the line at 0-based index `i`, exactly as many as `names`;
/// else an error naming the file, line and expected columns.
///
/// An array, not a `Vec`: start-up reads over ten thousand lines, and an
/// allocation per line showed in its profile.
pub(crate) fn fields<'a, const N: usize>(
    file: &str,
    i: usize,
    line: &'a str,
    names: &[&str; N],
) -> Result<[&'a str; N], Error> {
    let mut f = [""; N];
    let mut found = 0;
    for field in split_tabs(line) {
        if let Some(slot) = f.get_mut(found) {
            *slot = field;
        }
        found += 1;
    }
    if found != N {
        return Err(Error {
            file: file.to_string(),
            line: i + 1,
            field: None,
            kind: ErrorKind::FieldCount,
            message: format!(
                "expected {} TAB-separated fields ({}), found {}",
                names.len(),
                names.join(", "),
                found
            ),
        });
    }
    Ok(f)
}

#[cfg(test)]
mod tests {
    #[test]
    fn trim_is_str_trim() {
        for s in [
            "",
            " ",
            "a",
            " a",
            "a ",
            "\u{b}a\u{b}",
            "a\u{a0}",
            "\u{3000}a",
            "é",
            "ab",
            "\tNew York\r",
            "x\u{85}",
            "-",
        ] {
            assert_eq!(super::trim(s), s.trim(), "{s:?}");
        }
    }
}
