//! A TIMEX3 temporal tagger for English news, in the spirit of HeidelTime.
//!
//! [`TimexTagger`] finds dates ("January 20", "mid-February", "last
//! Tuesday"), times ("3 p.m.", "Monday morning"), durations ("the past 18
//! months") and sets ("every year", "weekly") in raw text, and normalizes
//! them against the document creation time (DCT, the publication date):
//! TIMEX3 `type`, `value` and `mod`, as in the TempEval-3 corpora.
//!
//! In Tacitus it is the `timexes` stage: the `tacitus code` pipeline calls
//! [`TimexTagger::tag`] on each article body, converts the byte spans to
//! character offsets, and the event coder dates each event from the timex of
//! its clause. [`timeml::write`] gives the same result as a TempEval-3 `.tml`
//! document for the standard scorers.
//!
//! How it works: one pass tokenizes the text (ASCII letter and digit runs,
//! punctuation) and looks every word up in a small table; hand-written rules
//! then try, at each temporal word or number, every pattern and keep the
//! longest (`grammar`). Ambiguous expressions ("Friday", "in March") are
//! resolved with the tense of nearby words (`tense`). The tagger is built
//! once and shared: nothing is compiled per document.
//!
//! Conventions follow TempEval-3 (TimeBank): "the" is inside "the past 18
//! months" (DURATION `P18M`) and "the 1990s" (`199`) but prepositions are
//! not; "about", "more than", "at least" are inside the span and become
//! `mod`; bare "now" is `PRESENT_REF`, "years" is `PXY`. A few anchors are
//! read from the text itself: "a year earlier" right after "the third
//! quarter" is the same quarter a year before, and "the inauguration week"
//! after "the inauguration on January 20" is that week.
//!
//! ```
//! use tacitus_time::{TimexMod, TimexTagger, TimexType, parse_dct};
//!
//! let tagger = TimexTagger::new();
//! let dct = parse_dct("2025-01-13")?;
//! let text = "Ishiba will visit Washington in mid-February, after the inauguration on January 20.";
//! let t = tagger.tag(text, Some(dct));
//! assert_eq!(&text[t[0].start..t[0].end], "mid-February");
//! assert_eq!((t[0].kind, t[0].value.as_str(), t[0].modifier), (TimexType::Date, "2025-02", Some(TimexMod::Mid)));
//! assert_eq!(t[1].value, "2025-01-20");
//! # Ok::<(), tacitus_time::Error>(())
//! ```

#![deny(missing_docs)]

mod error;
mod grammar;
mod resolve;
mod tense;
pub mod timeml;
mod token;

use std::fmt;

pub use error::{Error, ErrorKind};
pub use jiff::civil::Date;

/// The TIMEX3 `type` of an expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TimexType {
    /// A calendar date or period: "January 20", "2025", "last week", "now".
    Date,
    /// A time of day: "3 p.m.", "Monday morning", "tonight".
    Time,
    /// A length of time: "three days", "the past 18 months".
    Duration,
    /// A recurrence: "every year", "weekly".
    Set,
}

impl TimexType {
    /// The TimeML spelling: `DATE`, `TIME`, `DURATION`, `SET`.
    pub fn as_str(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

impl fmt::Display for TimexType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The TIMEX3 `mod` attribute.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TimexMod {
    /// "early 2025", "the beginning of March".
    Start,
    /// "mid-February".
    Mid,
    /// "late last month", "the end of the year".
    End,
    /// "about two years".
    Approx,
    /// "more than two years ago".
    Before,
    /// "less than a week ago".
    After,
    /// "no later than".
    OnOrBefore,
    /// "no earlier than".
    OnOrAfter,
    /// "less than a week".
    LessThan,
    /// "more than three years".
    MoreThan,
    /// "up to 180 days".
    EqualOrLess,
    /// "at least 30 days".
    EqualOrMore,
}

impl TimexMod {
    /// The TimeML spelling: `START`, `MID`, `END`, `APPROX`, …
    pub fn as_str(self) -> &'static str {
        match self {
            TimexMod::Start => "START",
            TimexMod::Mid => "MID",
            TimexMod::End => "END",
            TimexMod::Approx => "APPROX",
            TimexMod::Before => "BEFORE",
            TimexMod::After => "AFTER",
            TimexMod::OnOrBefore => "ON_OR_BEFORE",
            TimexMod::OnOrAfter => "ON_OR_AFTER",
            TimexMod::LessThan => "LESS_THAN",
            TimexMod::MoreThan => "MORE_THAN",
            TimexMod::EqualOrLess => "EQUAL_OR_LESS",
            TimexMod::EqualOrMore => "EQUAL_OR_MORE",
        }
    }
}

impl fmt::Display for TimexMod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One temporal expression: a byte span of the text and its TIMEX3
/// attributes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Timex {
    /// Byte offset of the first byte (on a `char` boundary).
    pub start: usize,
    /// Byte offset one past the last byte (on a `char` boundary).
    pub end: usize,
    /// TIMEX3 `type`.
    pub kind: TimexType,
    /// TIMEX3 `value`: `2025-01-20`, `2025-W03`, `P3D`, `PRESENT_REF`, …
    pub value: String,
    /// TIMEX3 `mod`, if any.
    pub modifier: Option<TimexMod>,
}

/// The tagger: its word table is built once; share it between threads.
pub struct TimexTagger {
    lexicon: token::Lexicon,
}

impl Default for TimexTagger {
    fn default() -> Self {
        Self::new()
    }
}

impl fmt::Debug for TimexTagger {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("TimexTagger")
    }
}

impl TimexTagger {
    /// Builds the tagger (the word table; a few microseconds).
    pub fn new() -> Self {
        TimexTagger {
            lexicon: token::Lexicon::new(),
        }
    }

    /// Finds and normalizes the temporal expressions of `text`, in order and
    /// without overlaps. Offsets are bytes into `text`.
    ///
    /// `dct` is the document creation (publication) date. Without it, values
    /// that need it stay underspecified ("XXXX-02", "XXXX-WXX-5") rather than
    /// guessed. Never panics, whatever the text or the date.
    pub fn tag(&self, text: &str, dct: Option<Date>) -> Vec<Timex> {
        let toks = token::tokenize(text, &self.lexicon);
        grammar::scan(text, &toks, dct)
            .into_iter()
            .filter_map(|f| {
                let start = toks.get(f.s)?.start;
                let end = toks.get(f.e.checked_sub(1)?)?.end;
                (start < end).then_some(Timex {
                    start,
                    end,
                    kind: f.kind,
                    value: f.value,
                    modifier: f.modifier,
                })
            })
            .collect()
    }
}

/// Parses a document creation time: `YYYY-MM-DD`, optionally followed by a
/// time (`2025-01-13T08:00:00`, `2025-01-13 08:00`) or the compact TimeML
/// form `20250113`.
///
/// ```
/// use tacitus_time::{ErrorKind, parse_dct};
/// assert_eq!(parse_dct("2025-01-13")?.to_string(), "2025-01-13");
/// assert_eq!(parse_dct("2025-02-30").unwrap_err().kind(), ErrorKind::InvalidDct);
/// # Ok::<(), tacitus_time::Error>(())
/// ```
pub fn parse_dct(s: &str) -> Result<Date, Error> {
    let t = s.trim();
    let b = t.as_bytes();
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        let x = b.get(r)?;
        if x.iter().all(u8::is_ascii_digit) {
            std::str::from_utf8(x).ok()?.parse().ok()
        } else {
            None
        }
    };
    let parts = if b.len() >= 10 && b.get(4) == Some(&b'-') && b.get(7) == Some(&b'-') {
        let rest_ok = b.len() == 10 || matches!(b.get(10), Some(b'T' | b' ' | b't'));
        rest_ok
            .then(|| Some((digits(0..4)?, digits(5..7)?, digits(8..10)?)))
            .flatten()
    } else if b.len() == 8 || (b.len() > 8 && matches!(b.get(8), Some(b'T' | b' '))) {
        (|| Some((digits(0..4)?, digits(4..6)?, digits(6..8)?)))()
    } else {
        None
    };
    let Some((y, m, d)) = parts else {
        return Err(Error::invalid_dct(format!(
            "expected a date like 2025-01-13, found {t:?}"
        )));
    };
    resolve_ymd(y, m, d).ok_or_else(|| {
        Error::invalid_dct(format!(
            "{t:?} is not a calendar date (year {y}, month {m}, day {d})"
        ))
    })
}

fn resolve_ymd(y: u32, m: u32, d: u32) -> Option<Date> {
    resolve::date(i32::try_from(y).ok()?, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn is_send_sync<T: Send + Sync>() {}

    #[test]
    fn tagger_is_send_sync() {
        is_send_sync::<TimexTagger>();
    }

    #[test]
    fn dct_errors() {
        assert!(parse_dct("2025-01-13").is_ok());
        assert!(parse_dct("20250113").is_ok());
        assert!(parse_dct("2025-01-13T10:00:00Z").is_ok());
        for bad in [
            "2025-02-30",
            "yesterday",
            "",
            "99999-01-01",
            "2025-13-01",
            "2025-1-3",
            "2025-01-13x",
        ] {
            let e = parse_dct(bad).unwrap_err();
            assert_eq!(e.kind(), ErrorKind::InvalidDct, "{bad}");
            assert!(e.to_string().starts_with("invalid dct"), "{e}");
        }
    }

    #[test]
    fn underspecified_without_dct() {
        let tg = TimexTagger::new();
        let text = "They met on Friday and on January 31, and will meet in March.";
        let got: Vec<_> = tg.tag(text, None).into_iter().map(|t| t.value).collect();
        assert_eq!(got, ["XXXX-WXX-5", "XXXX-01-31", "XXXX-03"]);
    }

    #[test]
    fn seed_article_sentences() {
        let tg = TimexTagger::new();
        let dct = parse_dct("2025-01-13").ok();
        let text = "The nation is preparing for the visit, planned for mid-February, with the minister set to attend the inauguration on January 20. Diplomats are expected to convene for discussions on January 21. The Quad was formed following the 2004 Indian Ocean tsunami.";
        let got: Vec<_> = tg
            .tag(text, dct)
            .into_iter()
            .map(|t| (text[t.start..t.end].to_string(), t.value, t.modifier))
            .collect();
        assert_eq!(
            got,
            vec![
                ("mid-February".into(), "2025-02".into(), Some(TimexMod::Mid)),
                ("January 20".into(), "2025-01-20".into(), None),
                ("January 21".into(), "2025-01-21".into(), None),
                ("2004".into(), "2004".into(), None),
            ]
        );
    }
}
