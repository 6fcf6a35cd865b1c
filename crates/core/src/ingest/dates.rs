//! Publication dates as news pages print them, for the `text` and `html`
//! readers: "13 January 2025", "Jan. 13, 2025", "Monday, 13 January 2025",
//! "2025-01-13T08:00:00Z", each optionally followed by a time of day
//! ("08:30 GMT", "8:30 a.m. ET"), and labelled lines such as
//! "Today : Jan 13, 2025", "Published: 13 January 2025", "Updated 8:13 p.m. ET".
//!
//! Everything here is a whole-string match: "13 January 2025 was cold" is not a
//! date line. Ambiguous numeric forms ("13.01.2025", "01/02/2025") are not read,
//! and impossible dates ("30 February 2025") are not dates.
//!
//! ```
//! use tacitus_core::ingest::dates::{parse_date, parse_date_line, DateLabel};
//!
//! assert_eq!(parse_date("Jan. 13, 2025").unwrap().to_string(), "2025-01-13");
//! let (label, date) = parse_date_line("Today : Monday, 13 January 2025").unwrap();
//! assert_eq!(label, DateLabel::Today);
//! assert_eq!(date.unwrap().to_string(), "2025-01-13");
//! assert!(parse_date("30 February 2025").is_none());
//! ```

use jiff::civil::Date;

/// What a labelled date line says the date is, in increasing order of trust
/// as a publication date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum DateLabel {
    /// "Today : …": the day the page was seen, often but not always the day
    /// it was published.
    Today,
    /// "Updated …", "Last updated …".
    Updated,
    /// A bare date line, "Published …", "Posted …", "Date: …".
    Published,
}

/// Labels that may precede a date, longest first so "last updated" wins over
/// "updated"; each with what it means.
const LABELS: &[(&str, DateLabel)] = &[
    ("first published on", DateLabel::Published),
    ("first published", DateLabel::Published),
    ("originally published", DateLabel::Published),
    ("last updated on", DateLabel::Updated),
    ("last updated", DateLabel::Updated),
    ("last modified", DateLabel::Updated),
    ("published on", DateLabel::Published),
    ("published", DateLabel::Published),
    ("posted on", DateLabel::Published),
    ("posted", DateLabel::Published),
    ("updated on", DateLabel::Updated),
    ("updated", DateLabel::Updated),
    ("modified", DateLabel::Updated),
    ("dated", DateLabel::Published),
    ("date", DateLabel::Published),
    ("today", DateLabel::Today),
];

/// A whole line that is a (labelled) date, or a label with only a time
/// ("Updated 8:13 p.m. ET"), which is chrome without a date (`None`).
///
/// Returns `None` when the line is anything else.
pub fn parse_date_line(line: &str) -> Option<(DateLabel, Option<Date>)> {
    let line = line.trim();
    if line.is_empty() || line.chars().count() > 100 {
        return None;
    }
    // ASCII lowercasing keeps byte offsets, so `rest` can index `line`.
    let lower = line.to_ascii_lowercase();
    for &(label, kind) in LABELS {
        if let Some(rest) = lower.strip_prefix(label) {
            // The label must be a whole word: "Dateline" is not "Date" + "line".
            if rest.starts_with(|c: char| c.is_alphanumeric()) {
                continue;
            }
            let rest = &line[line.len() - rest.len()..];
            let rest = rest.trim_start_matches(|c: char| {
                c.is_whitespace() || matches!(c, ':' | '-' | '–' | '—' | '|')
            });
            if let Some(date) = parse_date(rest) {
                return Some((kind, Some(date)));
            }
            if kind != DateLabel::Today && !rest.is_empty() && is_time_only(rest) {
                return Some((kind, None));
            }
            return None;
        }
    }
    parse_date(line).map(|d| (DateLabel::Published, Some(d)))
}

/// A date, optionally after a weekday and before a time of day, and nothing else.
pub fn parse_date(s: &str) -> Option<Date> {
    let tokens = tokenize(s);
    let mut toks: &[&str] = &tokens;
    if let Some(first) = toks.first()
        && is_weekday(first)
    {
        toks = &toks[1..];
    }
    let (date, used) = date_at(toks)?;
    let rest = &toks[used..];
    rest.iter().all(|t| is_time_token(t)).then_some(date)
}

/// A date at the start of `tokens`, and how many tokens it took, for callers
/// that allow text after it (wire datelines).
pub(crate) fn date_at(toks: &[&str]) -> Option<(Date, usize)> {
    let first = *toks.first()?;
    if let Some(d) = parse_iso_date(first) {
        return Some((d, 1));
    }
    if toks.len() < 3 {
        return None;
    }
    // "13 January 2025"
    if let (Some(day), Some(month), Some(year)) =
        (day_of(first), month_of(toks[1]), year_of(toks[2]))
    {
        return Date::new(year, month, day).ok().map(|d| (d, 3));
    }
    // "January 13, 2025"
    if let (Some(month), Some(day), Some(year)) =
        (month_of(first), day_of(toks[1]), year_of(toks[2]))
    {
        return Date::new(year, month, day).ok().map(|d| (d, 3));
    }
    None
}

/// An ISO 8601 date, or the date part of a timestamp: "2025-01-13",
/// "2025-01-13T08:00:00Z", "2025-01-13 08:00", and the basic form "20250113".
pub fn parse_iso_date(s: &str) -> Option<Date> {
    let s = s.trim();
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| -> Option<i32> {
        let part = s.get(r)?;
        if part.bytes().all(|c| c.is_ascii_digit()) {
            part.parse().ok()
        } else {
            None
        }
    };
    let (y, m, d, used) = if b.len() >= 10 && b[4] == b'-' && b[7] == b'-' {
        (digits(0..4)?, digits(5..7)?, digits(8..10)?, 10)
    } else if b.len() >= 8 && b[..8].iter().all(u8::is_ascii_digit) {
        (digits(0..4)?, digits(4..6)?, digits(6..8)?, 8)
    } else {
        return None;
    };
    match b.get(used) {
        None | Some(b'T' | b't' | b' ') => {}
        _ => return None,
    }
    if !(1000..=2999).contains(&y) {
        return None;
    }
    Date::new(
        i16::try_from(y).ok()?,
        i8::try_from(m).ok()?,
        i8::try_from(d).ok()?,
    )
    .ok()
}

/// Splits on whitespace and commas, keeping other punctuation on the token.
pub(crate) fn tokenize(s: &str) -> Vec<&str> {
    s.split(|c: char| c.is_whitespace() || c == ',')
        .filter(|t| !t.is_empty())
        .collect()
}

/// Whether `t` names a weekday, in full or abbreviated ("Tue.", "Thurs").
pub(crate) fn is_weekday(t: &str) -> bool {
    let t = t.trim_end_matches('.').to_ascii_lowercase();
    const DAYS: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    DAYS.iter().any(|d| {
        *d == t || (t.len() >= 3 && d.starts_with(t.as_str()) && (3..=5).contains(&t.len()))
    })
}

pub(crate) fn month_of(t: &str) -> Option<i8> {
    let t = t.trim_end_matches('.').to_ascii_lowercase();
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    for (i, m) in MONTHS.iter().enumerate() {
        let n = i8::try_from(i + 1).ok()?;
        if *m == t || (t.len() == 3 && m.starts_with(t.as_str())) || (t == "sept" && n == 9) {
            return Some(n);
        }
    }
    None
}

fn day_of(t: &str) -> Option<i8> {
    let t = t.trim_end_matches('.');
    let t = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|s| t.strip_suffix(s))
        .unwrap_or(t);
    if t.is_empty() || t.len() > 2 || !t.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let d: i8 = t.parse().ok()?;
    (1..=31).contains(&d).then_some(d)
}

fn year_of(t: &str) -> Option<i16> {
    let t = t.trim_end_matches(['.', ';']);
    if t.len() != 4 || !t.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let y: i16 = t.parse().ok()?;
    (1000..=2999).contains(&y).then_some(y)
}

/// True when `s` is a time of day and nothing else ("8:13 p.m. ET").
fn is_time_only(s: &str) -> bool {
    let toks = tokenize(s);
    !toks.is_empty() && toks.iter().any(|t| is_clock(t)) && toks.iter().all(|t| is_time_token(t))
}

/// A token that may follow a date on a dateline: a clock time, am/pm, a time
/// zone abbreviation or offset, "at", separators.
fn is_time_token(t: &str) -> bool {
    let t = t.trim_matches(|c| c == '(' || c == ')');
    if t.is_empty() || matches!(t, "|" | "-" | "–" | "—" | "·" | "•" | "/") {
        return true;
    }
    let lower = t.to_ascii_lowercase();
    if matches!(
        lower.as_str(),
        "at" | "am" | "pm" | "a.m." | "p.m." | "a.m" | "p.m" | "hrs" | "h"
    ) {
        return true;
    }
    if is_clock(t) {
        return true;
    }
    // Time zones: "GMT", "ET", "JST", "UTC+9", "GMT+09:00", "+0900".
    let (name, offset) = match t.find(['+', '-']) {
        Some(i) => (&t[..i], &t[i + 1..]),
        None => (t, ""),
    };
    let name_ok = (2..=5).contains(&name.len()) && name.bytes().all(|c| c.is_ascii_uppercase())
        || name.is_empty() && !offset.is_empty();
    let offset_ok = offset.bytes().all(|c| c.is_ascii_digit() || c == b':') && offset.len() <= 5;
    name_ok && offset_ok
}

/// "08:30", "8.30", "8:30pm", "08:30:15", "0830GMT" is not.
fn is_clock(t: &str) -> bool {
    let lower = t.to_ascii_lowercase();
    let core = ["a.m.", "p.m.", "am", "pm"]
        .iter()
        .find_map(|s| lower.strip_suffix(s))
        .unwrap_or(&lower);
    let mut parts = core.split([':', '.']);
    let Some(h) = parts.next() else { return false };
    let Some(m) = parts.next() else { return false };
    let sec = parts.next();
    if parts.next().is_some() {
        return false;
    }
    let num = |p: &str, max: u32| {
        !p.is_empty()
            && p.len() <= 2
            && p.bytes().all(|c| c.is_ascii_digit())
            && p.parse::<u32>().is_ok_and(|v| v <= max)
    };
    num(h, 23) && m.len() == 2 && num(m, 59) && sec.is_none_or(|s| s.len() == 2 && num(s, 59))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Option<String> {
        parse_date(s).map(|d| d.to_string())
    }

    #[test]
    fn formats() {
        for s in [
            "13 January 2025",
            "Jan 13, 2025",
            "January 13, 2025",
            "Jan. 13, 2025",
            "2025-01-13",
            "Monday, 13 January 2025",
            "13 Jan 2025",
            "Jan 13 2025",
            "13th January 2025",
            "Mon 13 Jan 2025 08.00 GMT",
            "Monday, January 13, 2025, 8:30 a.m. ET",
            "Jan 13, 2025 at 08:30 (JST)",
            "2025-01-13T08:00:00Z",
            "Sept. 13, 2025",
        ] {
            assert!(d(s).is_some(), "{s}");
        }
        assert_eq!(d("Sept. 13, 2025").as_deref(), Some("2025-09-13"));
    }

    #[test]
    fn not_dates() {
        for s in [
            "13.01.2025",
            "01/02/2025",
            "30 February 2025",
            "13 January 2025 was cold",
            "January 2025",
            "World News",
            "May 5",
            "",
        ] {
            assert!(d(s).is_none(), "{s}");
        }
    }

    #[test]
    fn labels() {
        let l = |s| parse_date_line(s).map(|(k, d)| (k, d.map(|d| d.to_string())));
        assert_eq!(
            l("Today : Jan 13, 2025"),
            Some((DateLabel::Today, Some("2025-01-13".into())))
        );
        assert_eq!(
            l("Published: 13 January 2025"),
            Some((DateLabel::Published, Some("2025-01-13".into())))
        );
        assert_eq!(
            l("Last updated on 14 Jan 2025 10:00 GMT"),
            Some((DateLabel::Updated, Some("2025-01-14".into())))
        );
        assert_eq!(l("Updated 8:13 p.m. ET"), Some((DateLabel::Updated, None)));
        assert_eq!(l("Updated rules for trade"), None);
        assert_eq!(l("Dateline: Tokyo"), None);
        assert_eq!(l("Today the minister spoke"), None);
    }

    #[test]
    fn iso() {
        assert_eq!(
            parse_iso_date("19980227").map(|d| d.to_string()).as_deref(),
            Some("1998-02-27")
        );
        assert_eq!(
            parse_iso_date("1998-02-27T08:00")
                .map(|d| d.to_string())
                .as_deref(),
            Some("1998-02-27")
        );
        assert!(parse_iso_date("1998-02-30").is_none());
        assert!(parse_iso_date("19980227x").is_none());
        assert!(parse_iso_date("é").is_none());
    }
}
