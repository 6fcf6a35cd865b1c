//! Calendar arithmetic against the document creation time (DCT) and the
//! TIMEX3 spelling of the periods the grammar recognizes.
//!
//! The grammar builds a [`Pt`] ("the week before the DCT", "March of the year
//! the tense points to") and [`Pt::value`] spells it as TIMEX3 does:
//! `2025-01-20`, `2025-02`, `2025-W03`, `2025-Q1`, `2025-SU`, `199` (a
//! decade), `19` (a century). Every operation is checked: a DCT near the ends
//! of `jiff`'s range gives `None`, never a panic.
//!
//! ```ignore
//! let dct = jiff::civil::date(2025, 1, 13);
//! assert_eq!(Pt::Week(week_of(dct)).value(), "2025-W03");
//! ```

use jiff::Span;
use jiff::civil::{Date, Weekday};

/// Tense of the clause a timex sits in, as far as nearby words show it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Tense {
    Past,
    Present,
    Future,
    Unknown,
}

/// A calendar period, resolved or spelled with `X` placeholders.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Pt {
    Day(Date),
    Month(i32, u8),
    Year(i32),
    Week(i32, u8),
    Weekend(i32, u8),
    Quarter(i32, u8),
    Half(i32, u8),
    Season(i32, u8),
    Decade(i32),
    Century(i32),
    /// An already spelled value (underspecified ones such as `XXXX-02`).
    Raw(String),
}

/// TIMEX3 season codes, in the grammar's order (spring, summer, fall, winter).
pub(crate) const SEASONS: [&str; 4] = ["SP", "SU", "FA", "WI"];

/// A year as TIMEX3 spells it: at least four digits ("0900"), with room
/// for what usually follows ("-01-20").
fn y4(y: i32) -> String {
    let mut s = String::with_capacity(16);
    match u32::try_from(y) {
        Ok(v @ 0..=9999) => {
            push2(&mut s, v / 100);
            push2(&mut s, v % 100);
        }
        _ => s.push_str(&y.to_string()),
    }
    s
}

/// Appends `n` with at least two digits ("03"), as `format!("{n:02}")`
/// (a value is built for every timex; `format!` showed in profiles).
fn push2(s: &mut String, n: u32) {
    match (u8::try_from(n / 10), u8::try_from(n % 10)) {
        (Ok(tens @ 0..=9), Ok(ones)) => {
            s.push(char::from(b'0' + tens));
            s.push(char::from(b'0' + ones));
        }
        _ => s.push_str(&n.to_string()),
    }
}

/// `prefix`, then `n` with at least `width` digits (1 or 2), as
/// `format!("{prefix}{n:0width$}")`: "XXXX-WXX-5", "XXXX-03".
pub(crate) fn spelled(prefix: &str, n: u8, width: usize) -> String {
    let mut s = String::with_capacity(prefix.len() + 8);
    s.push_str(prefix);
    match n {
        0..=9 if width < 2 => s.push(char::from(b'0' + n)),
        _ => push2(&mut s, n.into()),
    }
    s
}

/// `y4(y)`, then `sep` and `n` with two digits: "2025-02", "2025-W03".
fn y4_then(y: i32, sep: &str, n: u32) -> String {
    let mut s = y4(y);
    s.push_str(sep);
    push2(&mut s, n);
    s
}

impl Pt {
    /// The TIMEX3 `value`.
    pub(crate) fn value(self) -> String {
        match self {
            Pt::Day(d) => ymd(d),
            Pt::Month(y, m) => y4_then(y, "-", m.into()),
            Pt::Year(y) => y4(y),
            Pt::Week(y, w) => y4_then(y, "-W", w.into()),
            Pt::Weekend(y, w) => y4_then(y, "-W", w.into()) + "-WE",
            Pt::Quarter(y, q) => format!("{}-Q{q}", y4(y)),
            Pt::Half(y, h) => format!("{}-H{h}", y4(y)),
            Pt::Season(y, s) => format!("{}-{}", y4(y), SEASONS[usize::from(s).min(3)]),
            Pt::Decade(d) => format!("{d:03}"),
            Pt::Century(c) => format!("{c:02}"),
            Pt::Raw(s) => s,
        }
    }
}

/// `YYYY-MM-DD`.
pub(crate) fn ymd(d: Date) -> String {
    let mut s = y4_then(
        i32::from(d.year()),
        "-",
        u32::try_from(d.month()).unwrap_or(0),
    );
    s.push('-');
    push2(&mut s, u32::try_from(d.day()).unwrap_or(0));
    s
}

/// `d` plus `n` days, if representable.
pub(crate) fn add_days(d: Date, n: i64) -> Option<Date> {
    d.checked_add(Span::new().try_days(n).ok()?).ok()
}

/// `d` plus `n` months (clamped to the month's last day), if representable.
pub(crate) fn add_months(d: Date, n: i64) -> Option<Date> {
    d.checked_add(Span::new().try_months(n).ok()?).ok()
}

/// A valid civil date, if `y-m-d` is one.
pub(crate) fn date(y: i32, m: u32, d: u32) -> Option<Date> {
    Date::new(
        i16::try_from(y).ok()?,
        i8::try_from(m).ok()?,
        i8::try_from(d).ok()?,
    )
    .ok()
}

/// ISO week (year, week) of `d`.
pub(crate) fn week_of(d: Date) -> (i32, u8) {
    let w = d.iso_week_date();
    (i32::from(w.year()), u8::try_from(w.week()).unwrap_or(1))
}

/// Quarter (1–4) of a month.
pub(crate) fn quarter_of(m: u8) -> u8 {
    (m.saturating_sub(1)) / 3 + 1
}

/// 1 = Monday … 7 = Sunday.
pub(crate) fn weekday_num(d: Date) -> u8 {
    u8::try_from(d.weekday().to_monday_one_offset()).unwrap_or(1)
}

/// How to pick a weekday (or a date without year) relative to the DCT.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Dir {
    /// On or before the DCT.
    OnOrBefore,
    /// On or after the DCT.
    OnOrAfter,
    /// Strictly before.
    Before,
    /// Strictly after.
    After,
    /// Closest either way.
    Nearest,
}

/// The weekday `wd` (1 = Monday) near `dct` in direction `dir`.
pub(crate) fn weekday_near(dct: Date, wd: u8, dir: Dir) -> Option<Date> {
    let _ = Weekday::from_monday_one_offset(i8::try_from(wd).ok()?).ok()?;
    let cur = i64::from(weekday_num(dct));
    let wd = i64::from(wd);
    let back = (cur - wd).rem_euclid(7); // days back to the last wd (0 = today)
    let fwd = (wd - cur).rem_euclid(7);
    let off = match dir {
        Dir::OnOrBefore => -back,
        Dir::OnOrAfter => fwd,
        Dir::Before => -(if back == 0 { 7 } else { back }),
        Dir::After => {
            if fwd == 0 {
                7
            } else {
                fwd
            }
        }
        Dir::Nearest => {
            if back <= fwd {
                -back
            } else {
                fwd
            }
        }
    };
    add_days(dct, off)
}

/// Direction implied by a tense.
pub(crate) fn tense_dir(t: Tense) -> Dir {
    match t {
        Tense::Future => Dir::OnOrAfter,
        Tense::Past => Dir::OnOrBefore,
        Tense::Present | Tense::Unknown => Dir::Nearest,
    }
}

/// The year of month `m` (no year written) relative to `dct` and the tense:
/// future tense → this month or later; past → this month or earlier; else
/// the nearest occurrence, keeping the DCT's year unless that is more than
/// six months away.
pub(crate) fn month_year(dct: Date, m: u8, t: Tense) -> i32 {
    let y = i32::from(dct.year());
    let dm = i32::from(dct.month());
    let m = i32::from(m);
    match t {
        Tense::Future if m < dm => y + 1,
        // A month just after the DCT in a past clause is usually reported
        // speech about the near future ("said talks are due in November").
        Tense::Past if m > dm + 1 => y - 1,
        Tense::Future | Tense::Past => y,
        _ => {
            if m - dm > 6 {
                y - 1
            } else if dm - m > 6 {
                y + 1
            } else {
                y
            }
        }
    }
}

/// The date of `m`/`d` (no year written) relative to `dct` and the tense.
pub(crate) fn month_day(dct: Date, m: u8, d: u8, t: Tense) -> Option<Date> {
    let y = i32::from(dct.year());
    let cands = [
        date(y - 1, m.into(), d.into()),
        date(y, m.into(), d.into()),
        date(y + 1, m.into(), d.into()),
    ];
    let this = cands[1].or(cands[0]).or(cands[2])?;
    match t {
        // Margins: a date a few days before the DCT in a future clause, or a
        // few weeks after it in a past one, is more often this year's.
        Tense::Future if add_days(this, 7).is_some_and(|t| t < dct) => cands[2].or(Some(this)),
        Tense::Past if add_days(this, -31).is_some_and(|t| t > dct) => cands[0].or(Some(this)),
        Tense::Future | Tense::Past => Some(this),
        _ => {
            let dist =
                |c: &Date| (c.since(dct).ok().map(|s| s.get_days().abs())).unwrap_or(i32::MAX);
            cands.iter().flatten().min_by_key(|c| dist(c)).copied()
        }
    }
}

/// Easter Sunday (Gregorian, anonymous algorithm).
pub(crate) fn easter(y: i32) -> Option<Date> {
    let a = y.rem_euclid(19);
    let b = y.div_euclid(100);
    let c = y.rem_euclid(100);
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    date(y, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// The `n`th weekday `wd` of a month (Thanksgiving: 4th Thursday of November).
pub(crate) fn nth_weekday(y: i32, m: u8, wd: u8, n: u8) -> Option<Date> {
    let first = date(y, m.into(), 1)?;
    let off =
        (i64::from(wd) - i64::from(weekday_num(first))).rem_euclid(7) + 7 * (i64::from(n) - 1);
    add_days(first, off)
}

/// Season (0 spring … 3 winter) and its year for a date.
pub(crate) fn season_of(d: Date) -> (i32, u8) {
    let y = i32::from(d.year());
    match d.month() {
        3..=5 => (y, 0),
        6..=8 => (y, 1),
        9..=11 => (y, 2),
        12 => (y, 3),
        _ => (y - 1, 3),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_spell_as_format_does() {
        for y in (-20_000..-9_990)
            .chain(-20..120)
            .chain(950..2100)
            .chain(9_990..10_020)
        {
            assert_eq!(
                y4(y),
                if (0..=9999).contains(&y) {
                    format!("{y:04}")
                } else {
                    y.to_string()
                }
            );
            for n in [0u8, 1, 9, 10, 12, 53, 99, 100, 255] {
                assert_eq!(Pt::Month(y, n).value(), format!("{}-{n:02}", y4(y)));
                assert_eq!(Pt::Week(y, n).value(), format!("{}-W{n:02}", y4(y)));
                assert_eq!(Pt::Weekend(y, n).value(), format!("{}-W{n:02}-WE", y4(y)));
            }
        }
        for n in 0..=255u8 {
            assert_eq!(spelled("XXXX-", n, 2), format!("XXXX-{n:02}"));
            assert_eq!(spelled("XXXX-WXX-", n, 1), format!("XXXX-WXX-{n}"));
        }
        for d in [
            date(2025, 1, 3),
            date(900, 12, 31),
            date(-5, 6, 7),
            date(9999, 2, 28),
        ] {
            let d = d.expect("a date");
            let want = format!(
                "{}-{:02}-{:02}",
                y4(i32::from(d.year())),
                d.month(),
                d.day()
            );
            assert_eq!(ymd(d), want);
        }
    }
    use jiff::civil::date as d;

    #[test]
    fn weekdays() {
        let mon = d(2025, 1, 13);
        assert_eq!(weekday_near(mon, 5, Dir::OnOrBefore), Some(d(2025, 1, 10)));
        assert_eq!(weekday_near(mon, 5, Dir::OnOrAfter), Some(d(2025, 1, 17)));
        assert_eq!(weekday_near(mon, 1, Dir::Before), Some(d(2025, 1, 6)));
        assert_eq!(weekday_near(mon, 1, Dir::OnOrBefore), Some(mon));
        assert_eq!(weekday_near(mon, 2, Dir::Nearest), Some(d(2025, 1, 14)));
    }

    #[test]
    fn years_for_months() {
        let dct = d(2025, 1, 13);
        assert_eq!(month_year(dct, 3, Tense::Future), 2025);
        assert_eq!(month_year(dct, 12, Tense::Unknown), 2024);
        assert_eq!(month_year(dct, 12, Tense::Future), 2025);
        assert_eq!(
            month_day(dct, 12, 20, Tense::Unknown),
            Some(d(2024, 12, 20))
        );
        assert_eq!(month_day(dct, 1, 20, Tense::Unknown), Some(d(2025, 1, 20)));
        assert_eq!(month_day(dct, 1, 2, Tense::Future), Some(d(2026, 1, 2)));
    }

    #[test]
    fn holidays() {
        assert_eq!(easter(2025), Some(d(2025, 4, 20)));
        assert_eq!(nth_weekday(2024, 11, 4, 4), Some(d(2024, 11, 28)));
    }

    #[test]
    fn extremes_do_not_panic() {
        let max = d(9999, 12, 31);
        assert_eq!(add_days(max, 1), None);
        assert_eq!(weekday_near(max, 1, Dir::After), None);
        let _ = month_day(max, 12, 31, Tense::Future);
        assert_eq!(Pt::Week(2025, 3).value(), "2025-W03");
        assert_eq!(Pt::Decade(199).value(), "199");
    }
}
