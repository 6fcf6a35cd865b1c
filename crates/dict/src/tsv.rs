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
pub(crate) fn fields<'a>(
    file: &str,
    i: usize,
    line: &'a str,
    names: &[&str],
) -> Result<Vec<&'a str>, Error> {
    // Split at TAB bytes in one pass (no char searcher per field, one
    // allocation): the gazetteer alone has 6,500 lines to split at start-up.
    let mut f: Vec<&str> = Vec::with_capacity(names.len());
    let mut start = 0;
    for (i, b) in line.bytes().enumerate() {
        if b == b'\t' {
            f.push(&line[start..i]);
            start = i + 1;
        }
    }
    f.push(&line[start..]);
    if f.len() != names.len() {
        return Err(Error {
            file: file.to_string(),
            line: i + 1,
            field: None,
            kind: ErrorKind::FieldCount,
            message: format!(
                "expected {} TAB-separated fields ({}), found {}",
                names.len(),
                names.join(", "),
                f.len()
            ),
        });
    }
    Ok(f)
}
