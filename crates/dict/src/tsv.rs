//! The TAB-separated data files: their data lines and fields, for every
//! parser of the crate that reads one line as one record.

use crate::{Error, ErrorKind};

/// The data lines of `text` (no blank lines, no `#` comments, no `\r`),
/// with their 0-based line index.
pub(crate) fn data_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .map(|l| l.trim_end_matches('\r'))
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
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
    for field in line.split('\t') {
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
