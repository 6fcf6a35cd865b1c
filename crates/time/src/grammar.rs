//! The TIMEX3 grammar: hand-written rules over the token stream.
//!
//! [`scan`] walks the tokens left to right. At each token that can open a
//! temporal expression (a word of the [`Lex`] table or a number) it tries
//! every rule and keeps the longest match, then jumps past it. Rules build a
//! calendar period ([`Pt`]) from the DCT and the tense of the clause, so the
//! normalized value comes out with the match. Nothing is compiled per
//! document: the only per-document work is tokenizing.
//!
//! Conventions follow the TempEval-3 (TimeBank) annotation: determiners are
//! part of "the past 18 months" and "the 1990s" but prepositions ("on",
//! "in") are not; quantity modifiers ("about", "more than") are inside the
//! span and become `mod`.
//!
//! ```ignore
//! let found = scan(text, &toks, Some(dct));
//! ```

use jiff::civil::Date;

use crate::resolve::{
    Dir, Pt, Tense, add_days, add_months, date, easter, month_day, month_year, nth_weekday,
    quarter_of, season_of, spelled, tense_dir, week_of, weekday_near, weekday_num,
};
use crate::tense::tense_at;
use crate::token::{Kind, Lex, Sfx, Tok, Unit};
use crate::{TimexMod, TimexType};

/// One match, on token indices `s..e`.
#[derive(Debug)]
pub(crate) struct Found {
    pub s: usize,
    pub e: usize,
    pub kind: TimexType,
    pub value: String,
    pub modifier: Option<TimexMod>,
}

/// A quantity: a known number or "several"/"a few" (written `X`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Qty {
    N(u32),
    X,
}

/// The relative words before a unit ("last week", "the coming year").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Rel {
    This,
    Last,
    Next,
}

struct P<'a> {
    text: &'a str,
    toks: &'a [Tok],
    dct: Option<Date>,
    /// Index where the current attempt starts: a paragraph break before it
    /// is allowed, one inside the match is not.
    start: std::cell::Cell<usize>,
    /// The last date the text itself gave, for "the following month",
    /// "the previous day", "that year".
    anchor: std::cell::Cell<Option<(Date, Gran)>>,
}

/// Granularity of an anchor date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Gran {
    Day,
    Month,
    Quarter,
    Year,
}

/// The anchor a DATE value gives: `2025-01-20`, `2025-01`, `2025-Q1`, `2025`.
fn anchor_of(v: &str) -> Option<(Date, Gran)> {
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let x = v.get(r)?;
        if x.bytes().all(|b| b.is_ascii_digit()) {
            x.parse().ok()
        } else {
            None
        }
    };
    let y = i32::try_from(num(0..4)?).ok()?;
    match v.len() {
        4 => Some((date(y, 1, 1)?, Gran::Year)),
        7 if v.as_bytes().get(5) == Some(&b'Q') => {
            let q = num(6..7)?;
            Some((date(y, q.checked_sub(1)? * 3 + 1, 1)?, Gran::Quarter))
        }
        7 => Some((date(y, num(5..7)?, 1)?, Gran::Month)),
        10 => Some((date(y, num(5..7)?, num(8..10)?)?, Gran::Day)),
        _ => None,
    }
}

/// Finds every timex of `text`, reading at the tokens marked
/// [`Tok::read`] (at the others nothing can start).
///
/// Not inlined, like [`crate::token::tokenize`]: the two loops inlined
/// together keep fewer values in registers.
#[inline(never)]
pub(crate) fn scan(text: &str, toks: &[Tok], dct: Option<Date>) -> Vec<Found> {
    let mut scan = Scan {
        p: P {
            text,
            toks,
            dct,
            start: std::cell::Cell::new(0),
            anchor: std::cell::Cell::new(None),
        },
        out: Vec::new(),
        events: Vec::new(),
    };
    // The tokens to read at are found 64 at a time, as the bits of a mask,
    // without a branch per token (whether a token is read is as good as
    // random, and a jump on it was mispredicted often). `next` is where the
    // last match ended: tokens inside it are not read.
    let mut next = 0;
    for (c, chunk) in toks.chunks(64).enumerate() {
        let mut mask = chunk
            .iter()
            .enumerate()
            .fold(0u64, |m, (k, t)| m | u64::from(t.read) << k);
        while mask != 0 {
            let i = c * 64 + mask.trailing_zeros() as usize;
            mask &= mask - 1;
            if i >= next {
                next = scan.read(i);
            }
        }
    }
    scan.out
}

/// The state of [`scan`].
struct Scan<'a> {
    p: P<'a>,
    /// The timexes found so far.
    out: Vec<Found>,
    /// Events dated in the text ("the inauguration on January 20"): the
    /// noun's token and its date, so that "the inauguration week" can be
    /// resolved.
    events: Vec<(usize, Date)>,
}

impl Scan<'_> {
    /// Reads from token `i`: the expression that starts there, if any.
    /// Returns the next token to read.
    fn read(&mut self, i: usize) -> usize {
        let p = &self.p;
        let t = &p.toks[i];
        let start = match t.lex {
            Lex::None => {
                if !self.events.is_empty()
                    && matches!(p.lx(i + 1), Lex::Unit(Unit::Week) | Lex::Day)
                    && let Some(f) = p.event_anchored(i, &self.events)
                {
                    let next = f.e;
                    self.out.push(f);
                    return next;
                }
                matches!(t.kind, Kind::Num { .. })
                    || (t.end - t.start == 2 && p.lx(i + 1) == Lex::More && p.word_is(i, "no"))
            }
            l => p.may_start(l, i),
        };
        p.start.set(i);
        let Some(mut f) = start.then(|| p.at(i)).flatten() else {
            return i + 1;
        };
        let next = f.e.max(i + 1);
        p.anchor_year_ago(&mut f, &self.out);
        if let Some(ev) = p.event_of(&f) {
            // keep the most recent few: lookups stay constant-time
            if self.events.len() == 16 {
                self.events.remove(0);
            }
            self.events.push(ev);
        }
        if f.kind == TimexType::Date
            && let Some(a) = anchor_of(&f.value)
        {
            p.anchor.set(Some(a));
        }
        self.out.push(f);
        next
    }
}

fn is_ord_num(k: Kind) -> Option<u32> {
    match k {
        Kind::Num {
            val,
            digits: 1..=2,
            sfx: Sfx::Ord,
        } => Some(val),
        _ => None,
    }
}

fn unit_code(u: Unit) -> (&'static str, &'static str, u32) {
    // (prefix, designator, multiplier)
    match u {
        Unit::Second => ("PT", "S", 1),
        Unit::Minute => ("PT", "M", 1),
        Unit::Hour => ("PT", "H", 1),
        Unit::Day => ("P", "D", 1),
        Unit::Week => ("P", "W", 1),
        Unit::Weekend => ("P", "WE", 1),
        Unit::Fortnight => ("P", "W", 2),
        Unit::Month => ("P", "M", 1),
        Unit::Quarter => ("P", "Q", 1),
        Unit::Year => ("P", "Y", 1),
        Unit::Decade => ("P", "Y", 10),
        Unit::Century => ("P", "Y", 100),
    }
}

fn dur_value(q: Qty, u: Unit) -> String {
    let (p, d, k) = unit_code(u);
    match q {
        Qty::N(n) => format!("{p}{}{d}", n.saturating_mul(k)),
        Qty::X => match u {
            Unit::Decade => "PXDE".to_string(),
            Unit::Century => "PXCE".to_string(),
            _ => format!("{p}X{d}"),
        },
    }
}

/// `n` and a half units: "P1Y6M", "PT5H30M".
fn half_value(n: u32, u: Unit) -> String {
    match u {
        Unit::Second => format!("PT{n}.5S"),
        Unit::Minute => format!("PT{n}M30S"),
        Unit::Hour => format!("PT{n}H30M"),
        Unit::Day => format!("P{n}DT12H"),
        Unit::Week | Unit::Fortnight => format!("P{}DT12H", n.saturating_mul(7).saturating_add(3)),
        Unit::Month => format!("P{n}M15D"),
        Unit::Year => format!("P{n}Y6M"),
        Unit::Decade => format!("P{}Y", n.saturating_mul(10).saturating_add(5)),
        Unit::Century => format!("P{}Y", n.saturating_mul(100).saturating_add(50)),
        Unit::Quarter | Unit::Weekend => dur_value(Qty::N(n), u),
    }
}

/// The rules [`P::at`] tries, one per kind of expression, in the order
/// they are tried (which decides ties). `Ago` and the ones before it are
/// DATE rules ([`P::date`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Rule {
    QuantityMod,
    PartOf,
    MonthDate,
    DayMonth,
    NumericDate,
    YearExpr,
    Decade,
    Century,
    Quarter,
    Season,
    Holiday,
    RelativeDay,
    RelUnit,
    Weekday,
    TheNth,
    YearAgoAdj,
    WeekOfDate,
    Ago,
    Duration,
    Set,
    Time,
    Refs,
}

/// A set of [`Rule`]s, one bit each.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Rules(u32);

/// The DATE rules ([`P::date_with`]).
const DATE_RULES: Rules = Rules::of(&[
    Rule::MonthDate,
    Rule::DayMonth,
    Rule::NumericDate,
    Rule::YearExpr,
    Rule::Decade,
    Rule::Century,
    Rule::Quarter,
    Rule::Season,
    Rule::Holiday,
    Rule::RelativeDay,
    Rule::RelUnit,
    Rule::Weekday,
    Rule::TheNth,
    Rule::YearAgoAdj,
    Rule::WeekOfDate,
    Rule::Ago,
]);

impl Rules {
    const NONE: Rules = Rules(0);

    const fn of(rules: &[Rule]) -> Rules {
        let mut bits = 0;
        let mut k = 0;
        while k < rules.len() {
            bits |= 1 << rules[k] as u32;
            k += 1;
        }
        Rules(bits)
    }

    /// The rules in either set.
    fn or(self, other: Rules) -> Rules {
        Rules(self.0 | other.0)
    }

    /// The rules in both sets.
    fn and(self, other: Rules) -> Rules {
        Rules(self.0 & other.0)
    }

    fn has(self, r: Rule) -> bool {
        self.0 & (1 << r as u32) != 0
    }
}

impl<'a> P<'a> {
    // ---- token helpers -------------------------------------------------

    fn lx(&self, i: usize) -> Lex {
        match self.toks.get(i) {
            Some(t) if t.kind == Kind::Word && (t.ws < 3 || i <= self.start.get()) => t.lex,
            _ => Lex::None,
        }
    }
    /// Like `lx`, ignoring paragraph breaks (for looking backwards).
    fn lx_raw(&self, i: usize) -> Lex {
        match self.toks.get(i) {
            Some(t) if t.kind == Kind::Word => t.lex,
            _ => Lex::None,
        }
    }
    fn punct(&self, i: usize, c: u8) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Kind::Punct(c))
    }
    fn tight(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.ws == 0)
    }
    fn joined(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.ws < 3 || i <= self.start.get())
    }
    fn cap(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.cap(self.text.as_bytes()))
    }
    fn kind(&self, i: usize) -> Option<Kind> {
        self.toks.get(i).map(|t| t.kind)
    }
    /// A bare number token (digits only).
    fn num(&self, i: usize) -> Option<(u32, u8)> {
        match self.kind(i) {
            Some(Kind::Num {
                val,
                digits,
                sfx: Sfx::None,
            }) if self.joined(i) => Some((val, digits)),
            _ => None,
        }
    }
    fn word_is(&self, i: usize, w: &str) -> bool {
        self.toks.get(i).is_some_and(|t| {
            t.kind == Kind::Word
                && self
                    .text
                    .as_bytes()
                    .get(t.start..t.end)
                    .is_some_and(|b| b.eq_ignore_ascii_case(w.as_bytes()))
        })
    }
    /// Skips an optional "." after an abbreviation.
    fn dot(&self, i: usize) -> usize {
        if self.punct(i, b'.') && self.tight(i) {
            i + 1
        } else {
            i
        }
    }
    fn tense(&self, s: usize, e: usize) -> Tense {
        tense_at(self.text, self.toks, s, e)
    }
    fn dct_year(&self) -> Option<i32> {
        self.dct.map(|d| i32::from(d.year()))
    }

    fn found(
        &self,
        s: usize,
        e: usize,
        kind: TimexType,
        pt: Pt,
        m: Option<TimexMod>,
    ) -> Option<Found> {
        Some(Found {
            s,
            e,
            kind,
            value: pt.value(),
            modifier: m,
        })
    }

    // ---- entry ---------------------------------------------------------

    /// "the inauguration on January 20", "Trump's inauguration, January 20":
    /// the event noun before a day timex, to anchor later mentions.
    fn event_of(&self, f: &Found) -> Option<(usize, Date)> {
        let b = f.value.as_bytes();
        if f.kind != TimexType::Date || b.len() != 10 {
            return None;
        }
        let d = date(
            f.value.get(..4)?.parse().ok()?,
            f.value.get(5..7)?.parse().ok()?,
            f.value.get(8..10)?.parse().ok()?,
        )?;
        let mut k = f.s.checked_sub(1)?;
        if self.lx_raw(k) == Lex::On || self.punct(k, b',') {
            k = k.checked_sub(1)?;
        }
        let t = self.toks.get(k)?;
        let w = self.text.as_bytes().get(t.start..t.end)?;
        // a lowercase noun-like word: not a verb form in -ed/-ing, not short
        let nounish = t.kind == Kind::Word
            && t.lex == Lex::None
            && !t.cap(self.text.as_bytes())
            && w.len() >= 5
            && !w.ends_with(b"ed")
            && !w.ends_with(b"ing");
        nounish.then_some((k, d))
    }

    /// "the inauguration week", "inauguration day" after the inauguration
    /// was dated: the week (or day) of that event.
    fn event_anchored(&self, i: usize, events: &[(usize, Date)]) -> Option<Found> {
        let t = self.toks.get(i)?;
        let w = self.text.as_bytes().get(t.start..t.end)?;
        let (_, d) = events.iter().rev().find(|(k, _)| {
            self.toks
                .get(*k)
                .and_then(|e| self.text.as_bytes().get(e.start..e.end))
                .is_some_and(|n| n.eq_ignore_ascii_case(w))
                && *k != i
        })?;
        let pt = match self.lx(i + 1) {
            Lex::Unit(Unit::Week) => {
                let (y, wk) = week_of(*d);
                Pt::Week(y, wk)
            }
            Lex::Day
                if self.cap(i) || self.cap(i + 1) || self.lx_raw(i.checked_sub(1)?) == Lex::The =>
            {
                Pt::Day(*d)
            }
            _ => return None,
        };
        self.found(i, i + 2, TimexType::Date, pt, None)
    }

    /// A cheap filter before trying every rule at a word: function words
    /// never open a timex, and "the", "a", "at"… only do before another
    /// temporal word or a number. Most words of a text stop here.
    fn may_start(&self, l: Lex, i: usize) -> bool {
        match l {
            _ if !l.may_open() => false,
            Lex::Right => self.lx(i + 1) == Lex::Now,
            Lex::That => {
                matches!(self.lx(i + 1), Lex::Day | Lex::Year | Lex::Unit(_))
                    || self.word_is(i + 1, "same")
            }
            Lex::The
            | Lex::A
            | Lex::Some
            | Lex::Approx
            | Lex::Nearly
            | Lex::At
            | Lex::Up
            | Lex::More
            | Lex::Less
            | Lex::Over
            | Lex::Under
            | Lex::Within
            | Lex::This
            | Lex::These => match self.toks.get(i + 1) {
                Some(t) if t.kind == Kind::Word && t.lex == Lex::None => {
                    l == Lex::The
                        && matches!(t.end - t.start, 4 | 6 | 10 | 13)
                        && (self.word_is(i + 1, "near")
                            || self.word_is(i + 1, "comparable")
                            || self.word_is(i + 1, "corresponding")
                            || self.word_is(i + 1, "latest"))
                }
                Some(t) => !matches!(t.kind, Kind::Punct(c) if c != b'\'' && c != b'-'),
                None => false,
            },
            _ => true,
        }
    }

    /// The rules that can start at "the" before token `j` (each needs a
    /// certain kind of word or number after "the").
    fn after_the(&self, j: usize) -> Rules {
        use Rule::*;
        match (self.kind(j), self.lx(j)) {
            (Some(Kind::Word), l) => match l {
                // "the comparable year-ago quarter", "the latest quarter",
                // "the near future"
                Lex::None => Rules::of(&[Quarter, YearAgoAdj, Refs]),
                Lex::Year => Rules::of(&[PartOf, YearExpr, YearAgoAdj, Duration]),
                Lex::Early | Lex::Mid | Lex::Beginning | Lex::Middle | Lex::End => {
                    Rules::of(&[PartOf])
                }
                Lex::Late => Rules::of(&[PartOf, Refs]),
                Lex::Ord(_) => Rules::of(&[PartOf, Century, Quarter, Duration]),
                Lex::Last => Rules::of(&[PartOf, Quarter, RelUnit, Duration]),
                Lex::Full | Lex::Entire => Rules::of(&[YearExpr, Duration]),
                Lex::Current => Rules::of(&[YearExpr, Quarter, RelUnit]),
                Lex::DecadeWord(_) => Rules::of(&[Decade]),
                Lex::Num(_) => Rules::of(&[Century, Duration]),
                Lex::This | Lex::Fiscal | Lex::Recent | Lex::Unit(Unit::Quarter) => {
                    Rules::of(&[Quarter])
                }
                Lex::Next | Lex::Previous => Rules::of(&[Quarter, RelUnit, Duration]),
                Lex::Past | Lex::Coming => Rules::of(&[Quarter, RelUnit, Duration, Refs]),
                Lex::Following => Rules::of(&[RelUnit, Duration]),
                Lex::Unit(Unit::Weekend) => Rules::of(&[RelUnit]),
                Lex::Unit(Unit::Week) => Rules::of(&[WeekOfDate]),
                Lex::Season(_) => Rules::of(&[Season]),
                Lex::Day => Rules::of(&[RelativeDay]),
                Lex::Future | Lex::Units(_) | Lex::Days => Rules::of(&[Refs]),
                Lex::A | Lex::Several | Lex::Few | Lex::Many | Lex::Couple | Lex::Dozen => {
                    Rules::of(&[Duration])
                }
                _ => Rules::NONE,
            },
            (Some(Kind::Num { digits, sfx, .. }), _) => match (sfx, digits) {
                (Sfx::Ord, 1..=2) => Rules::of(&[DayMonth, Century, Quarter, TheNth]),
                // "the 1988 third quarter", "the 18 months", "the 5 1/2 years"
                (Sfx::None, _) => Rules::of(&[Quarter, Duration]),
                (Sfx::S, _) => Rules::of(&[Decade]),
                _ => Rules::NONE,
            },
            // "the '90s"
            (Some(Kind::Punct(b'\'')), _) => Rules::of(&[Decade]),
            _ => Rules::NONE,
        }
    }

    /// Every rule if token `j` can go on a quantity word ("a", "two",
    /// "several"): a unit, a hyphen ("two-year", "twenty-four"), "more",
    /// "of" ("a couple of"), or another number word ("a few", "a hundred",
    /// "nineteen ninety"); else none.
    fn after_quantity(&self, j: usize) -> Rules {
        let goes_on = match self.kind(j) {
            Some(Kind::Punct(b'-')) => true,
            Some(Kind::Word) => matches!(
                self.lx(j),
                Lex::Unit(_)
                    | Lex::Units(_)
                    | Lex::Year
                    | Lex::Day
                    | Lex::Days
                    | Lex::More
                    | Lex::Of
                    | Lex::Few
                    | Lex::Couple
                    | Lex::Dozen
                    | Lex::Hundred
                    | Lex::Thousand
                    | Lex::Num(_)
            ),
            _ => false,
        };
        if goes_on {
            Rules(u32::MAX)
        } else {
            Rules::NONE
        }
    }

    /// The rules that can start at a bare number (not a year) before token
    /// `j`: a month ("20 January"), a separator ("1/20/2025", "10:30"), a
    /// unit ("three years", "18-month"), "a.m." or "pm", or the "1/2" of
    /// "5 1/2 hours".
    fn after_count(&self, j: usize) -> Rules {
        use Rule::*;
        match (self.kind(j), self.lx(j)) {
            (Some(Kind::Word), Lex::Month(_) | Lex::MonAbbr(_) | Lex::Of) => Rules::of(&[DayMonth]),
            (
                Some(Kind::Word),
                Lex::Unit(_) | Lex::Units(_) | Lex::Year | Lex::Day | Lex::Days | Lex::More,
            ) => Rules::of(&[Ago, Duration]),
            (Some(Kind::Word), Lex::A | Lex::None) => Rules::of(&[Time]),
            (Some(Kind::Punct(b'-')), _) => Rules::of(&[NumericDate, Ago, Duration]),
            (Some(Kind::Punct(b'/')), _) => Rules::of(&[NumericDate]),
            (Some(Kind::Punct(b':')), _) => Rules::of(&[Time]),
            (Some(Kind::Num { .. }), _) => Rules::of(&[Duration]),
            _ => Rules::NONE,
        }
    }

    /// "a year ago" / "a year earlier" right after a quarter ("profit in the
    /// third quarter rose from $5 million a year earlier") means that quarter
    /// a year before, not the DCT's year: the quarter is its anchor.
    fn anchor_year_ago(&self, f: &mut Found, before: &[Found]) {
        if f.kind != TimexType::Date || f.e < f.s + 3 {
            return;
        }
        let last = self.lx(f.e - 1);
        if !(matches!(last, Lex::Ago | Lex::Earlier)
            && self.lx(f.e - 2) == Lex::Year
            && matches!(self.lx(f.e - 3), Lex::A | Lex::Num(1)))
        {
            return;
        }
        for prev in before.iter().rev().take(3) {
            if f.s.saturating_sub(prev.e) > 80 {
                return;
            }
            let v = prev.value.as_bytes();
            if v.len() == 7
                && v[4] == b'-'
                && v[5] == b'Q'
                && (b'1'..=b'4').contains(&v[6])
                && let Some(Ok(y)) = prev.value.get(..4).map(str::parse::<i32>)
            {
                f.value = Pt::Quarter(y - 1, v[6] - b'0').value();
                return;
            }
        }
    }

    /// Every rule that can start at `i`; the longest match wins, the first
    /// tried on a tie.
    ///
    /// Only the rules of the set run, and only a match is moved: passing
    /// every rule's `None` through a comparison copied the whole `Found`
    /// each time, at every attempt.
    fn at(&self, i: usize) -> Option<Found> {
        let r = self.rules_at(i);
        let mut best: Option<Found> = None;
        let mut keep = |f: Option<Found>| {
            if let Some(f) = f
                && best.as_ref().is_none_or(|b| f.e > b.e)
            {
                best = Some(f);
            }
        };
        if r.has(Rule::QuantityMod) {
            keep(self.quantity_mod(i));
        }
        if r.has(Rule::PartOf) {
            keep(self.part_of(i));
        }
        if r.and(DATE_RULES) != Rules::NONE
            && let Some((e, pt, m)) = self.date_with(i, r)
        {
            keep(self.found(i, e, TimexType::Date, pt, m));
        }
        if r.has(Rule::Duration) {
            keep(self.duration(i));
        }
        if r.has(Rule::Set) {
            keep(self.set(i));
        }
        if r.has(Rule::Time) {
            keep(self.time(i));
        }
        if r.has(Rule::Refs) {
            keep(self.refs(i));
        }
        best
    }

    /// The rules that can match at token `i`, judged from that token (and,
    /// after "the" or a bare number, the next one): the first token of every
    /// match of a rule is one of the words or number shapes listed for it
    /// here (`tests::index_is_sound_*` check this at every token of the
    /// test texts). Most attempts then try two or three rules instead of all
    /// of them.
    fn rules_at(&self, i: usize) -> Rules {
        use Rule::*;
        let Some(t) = self.toks.get(i) else {
            return Rules::NONE;
        };
        match t.kind {
            Kind::Num { digits, sfx, .. } => match (sfx, digits) {
                (Sfx::None, 1..=2) => Rules::of(&[DayMonth, NumericDate, Ago, Duration, Time])
                    .and(self.after_count(i + 1)),
                (Sfx::None, 4) => Rules::of(&[NumericDate, Ago, Duration])
                    .and(self.after_count(i + 1))
                    .or(Rules::of(&[YearExpr])),
                (Sfx::None, _) => Rules::of(&[Ago, Duration]).and(self.after_count(i + 1)),
                (Sfx::Ord, 1) => Rules::of(&[DayMonth, Century, Quarter]),
                (Sfx::Ord, 2) => Rules::of(&[DayMonth, Century]),
                (Sfx::S, 4) => Rules::of(&[Decade]),
                (Sfx::Am | Sfx::Pm, 1..=2) => Rules::of(&[Time]),
                _ => Rules::NONE,
            },
            // "'90s"
            Kind::Punct(b'\'') => Rules::of(&[Decade]),
            Kind::Punct(_) => Rules::NONE,
            Kind::Word => match self.lx(i) {
                // "no more than", "comparable year-ago"
                Lex::None => Rules::of(&[QuantityMod, YearAgoAdj]),
                Lex::The => self.after_the(i + 1),
                Lex::Approx
                | Lex::Nearly
                | Lex::Some
                | Lex::More
                | Lex::Less
                | Lex::Under
                | Lex::At
                | Lex::Up => Rules::of(&[QuantityMod]),
                Lex::Year => Rules::of(&[PartOf, YearAgoAdj]),
                Lex::Earlier
                | Lex::Later
                | Lex::Early
                | Lex::Mid
                | Lex::Late
                | Lex::Beginning
                | Lex::Middle
                | Lex::End => Rules::of(&[PartOf]),
                Lex::Month(_) | Lex::MonAbbr(_) => Rules::of(&[MonthDate]),
                Lex::Fiscal => Rules::of(&[YearExpr, Quarter]),
                Lex::Num(_) => {
                    Rules::of(&[YearExpr, Century, Ago, Duration]).and(self.after_quantity(i + 1))
                }
                Lex::A | Lex::Several | Lex::Few | Lex::Many | Lex::Couple | Lex::Dozen => {
                    Rules::of(&[Ago, Duration]).and(self.after_quantity(i + 1))
                }
                Lex::Ord(_) => Rules::of(&[Century, Quarter]),
                Lex::QuarterTag(_) => Rules::of(&[Quarter]),
                Lex::This | Lex::Last => Rules::of(&[Quarter, Season, RelUnit, Time]),
                Lex::Next => Rules::of(&[Quarter, Season, RelUnit, Duration]),
                Lex::Current | Lex::Coming => Rules::of(&[Quarter, Season, RelUnit, Refs]),
                Lex::Past => Rules::of(&[Season, RelUnit, Duration]),
                Lex::Previous => Rules::of(&[Season, RelUnit]),
                Lex::Following | Lex::That => Rules::of(&[RelUnit]),
                Lex::Season(_) => Rules::of(&[Season]),
                Lex::Christmas
                | Lex::New
                | Lex::Halloween
                | Lex::Independence
                | Lex::Thanksgiving
                | Lex::Easter => Rules::of(&[Holiday]),
                Lex::Today | Lex::Yesterday | Lex::Tomorrow => Rules::of(&[RelativeDay, Time]),
                Lex::Weekday(_) => Rules::of(&[Weekday, Time]),
                Lex::Units(_) => Rules::of(&[Duration]),
                Lex::SetAdv(_) | Lex::Every | Lex::Each | Lex::Per | Lex::Weekdays(_) => {
                    Rules::of(&[Set])
                }
                Lex::Noon | Lex::Midnight | Lex::Tonight => Rules::of(&[Time]),
                Lex::Right
                | Lex::Now
                | Lex::PresentRef
                | Lex::PastRef
                | Lex::Recent
                | Lex::Soon
                | Lex::These => Rules::of(&[Refs]),
                _ => Rules::NONE,
            },
        }
    }

    // ---- numbers and units --------------------------------------------

    /// A quantity at `i`: digits, number words ("twenty-four"), "a", "a few",
    /// "several", "a couple of". Returns the end and the quantity.
    fn qty(&self, i: usize) -> Option<(usize, Qty)> {
        if let Some((v, d)) = self.num(i) {
            if d > 6 {
                return None;
            }
            // the "2" of "5 1/2 hours" or of "2.5 years" is not a quantity
            if i >= 2
                && self.tight(i)
                && matches!(self.kind(i - 1), Some(Kind::Punct(b'/' | b'.' | b',')))
                && matches!(self.kind(i - 2), Some(Kind::Num { .. }))
            {
                return None;
            }
            // "2 1/2" and "1.5" are not handled: bail out rather than misread.
            if (self.punct(i + 1, b'.') || self.punct(i + 1, b',') || self.punct(i + 1, b'/'))
                && self.tight(i + 1)
                && self.num(i + 2).is_some()
                && self.tight(i + 2)
            {
                return None;
            }
            return Some((i + 1, Qty::N(v)));
        }
        match self.lx(i) {
            Lex::Num(n) => {
                let mut v = u32::from(n);
                let mut j = i + 1;
                if n >= 20 && n % 10 == 0 {
                    let k = if self.punct(j, b'-') && self.tight(j) {
                        j + 1
                    } else {
                        j
                    };
                    if let Lex::Num(m) = self.lx(k)
                        && m < 10
                    {
                        v += u32::from(m);
                        j = k + 1;
                    }
                }
                if self.lx(j) == Lex::Hundred {
                    v *= 100;
                    j += 1;
                }
                if self.lx(j) == Lex::Dozen {
                    v *= 12;
                    j += 1;
                }
                Some((j, Qty::N(v)))
            }
            Lex::A => match self.lx(i + 1) {
                Lex::Few => Some((i + 2, Qty::X)),
                Lex::Couple => Some((
                    if self.lx(i + 2) == Lex::Of {
                        i + 3
                    } else {
                        i + 2
                    },
                    Qty::N(2),
                )),
                Lex::Dozen => Some((i + 2, Qty::N(12))),
                Lex::Hundred => Some((i + 2, Qty::N(100))),
                Lex::Half => None,
                _ => Some((i + 1, Qty::N(1))),
            },
            Lex::Several | Lex::Few | Lex::Many => Some((i + 1, Qty::X)),
            Lex::Couple => Some((
                if self.lx(i + 1) == Lex::Of {
                    i + 2
                } else {
                    i + 1
                },
                Qty::N(2),
            )),
            Lex::Dozen => Some((i + 1, Qty::N(12))),
            _ => None,
        }
    }

    /// A unit word at `i`: (end, unit, plural).
    fn unit(&self, i: usize) -> Option<(usize, Unit, bool)> {
        match self.lx(i) {
            Lex::Unit(u) => Some((i + 1, u, false)),
            Lex::Units(u) => Some((i + 1, u, true)),
            Lex::Year => Some((i + 1, Unit::Year, false)),
            Lex::Day => Some((i + 1, Unit::Day, false)),
            Lex::Days => Some((i + 1, Unit::Day, true)),
            _ => None,
        }
    }

    /// A quantity followed by a unit, "two years", "18-month", "a decade".
    fn qty_unit(&self, i: usize) -> Option<(usize, Qty, Unit, bool)> {
        let (j, q) = self.qty(i)?;
        let mut k = j;
        let mut adj = false;
        if self.punct(k, b'-') && self.tight(k) && self.tight(k + 1) {
            k += 1;
            adj = true;
        }
        // "two more weeks", "20 more years"
        if !adj && self.lx(k) == Lex::More && self.unit(k + 1).is_some() {
            k += 1;
        }
        let (e, u, plural) = self.unit(k)?;
        // "a year-earlier quarter" is `year_ago_adj`.
        if self.punct(e, b'-') && self.tight(e) && matches!(self.lx(e + 1), Lex::Ago | Lex::Earlier)
        {
            return None;
        }
        // "a year-and-a-half ago" (not handled), "year over year", "a day of mourning"
        if (self.punct(e, b'-') && self.tight(e) && self.lx(e + 1) == Lex::And)
            || (u == Unit::Year && self.lx(e) == Lex::Over && self.lx(e + 1) == Lex::Year)
            || (q == Qty::N(1) && self.lx(i) == Lex::A && self.lx(e) == Lex::Of && u == Unit::Day)
        {
            return None;
        }
        // "a 6-year-old", "52 years old": ages are not annotated.
        if (self.punct(e, b'-') && self.tight(e) && self.word_is(e + 1, "old"))
            || (plural && self.word_is(e, "old"))
        {
            return None;
        }
        // "three-quarters" is a fraction; "the 1988 quarter" a period.
        if adj && u == Unit::Quarter {
            return None;
        }
        if let Some((v, 4)) = self.num(i)
            && (1000..=2199).contains(&v)
            && !plural
            && !adj
        {
            return None;
        }
        // "a" goes only with a singular unit; "one week", "18-month" too.
        let a_word = self.lx(i) == Lex::A;
        // "five year low", "three hour" are durations too (TimeBank tags them).
        match q {
            Qty::N(1) if plural => return None,
            Qty::N(n) if n != 1 && !plural && !adj && !a_word && n > 10_000 => return None,
            _ => {}
        }
        if matches!(u, Unit::Quarter) && !plural && q == Qty::N(1) && self.lx(i) == Lex::A {
            // "a quarter of the votes"
            if self.lx(e) == Lex::Of {
                return None;
            }
        }
        Some((e, q, u, adj))
    }

    // ---- quantity modifiers (about, more than, at least …) -------------

    fn qmod_prefix(&self, i: usize) -> Option<(usize, TimexMod)> {
        if self.word_is(i, "no") && self.lx(i + 1) == Lex::More && self.lx(i + 2) == Lex::Than {
            return Some((i + 3, TimexMod::EqualOrLess));
        }
        match self.lx(i) {
            Lex::Approx | Lex::Nearly => Some((i + 1, TimexMod::Approx)),
            Lex::Some if self.qty(i + 1).is_some_and(|(_, q)| q != Qty::X) => {
                Some((i + 1, TimexMod::Approx))
            }
            Lex::More if self.lx(i + 1) == Lex::Than => Some((i + 2, TimexMod::MoreThan)),
            Lex::Less if self.lx(i + 1) == Lex::Than => Some((i + 2, TimexMod::LessThan)),
            Lex::Under if self.qty(i + 1).is_some() => Some((i + 1, TimexMod::LessThan)),
            Lex::At if self.lx(i + 1) == Lex::Least => Some((i + 2, TimexMod::EqualOrMore)),
            Lex::At if self.lx(i + 1) == Lex::Most => Some((i + 2, TimexMod::EqualOrLess)),
            Lex::Up if self.lx(i + 1) == Lex::To => Some((i + 2, TimexMod::EqualOrLess)),
            _ => None,
        }
    }

    fn quantity_mod(&self, i: usize) -> Option<Found> {
        let (j, m) = self.qmod_prefix(i)?;
        if let Some(f) = self.duration(j)
            && f.s == j
        {
            return Some(Found {
                s: i,
                modifier: Some(m),
                ..f
            });
        }
        if m == TimexMod::Approx
            && let Some(f) = self.clock(j)
        {
            return Some(Found {
                s: i,
                modifier: Some(m),
                ..f
            });
        }
        if let Some((e, pt, _)) = self.ago(j) {
            let m = match m {
                TimexMod::MoreThan | TimexMod::EqualOrMore => TimexMod::Before,
                TimexMod::LessThan | TimexMod::EqualOrLess => TimexMod::After,
                m => m,
            };
            return self.found(i, e, TimexType::Date, pt, Some(m));
        }
        None
    }

    // ---- part of a period: early 2025, mid-February, the end of the year

    fn part_of(&self, i: usize) -> Option<Found> {
        if let Some(f) = self.year_end(i).or_else(|| self.earlier_in_the(i)) {
            return Some(f);
        }
        let mut j = i;
        if self.lx(j) == Lex::The {
            j += 1;
        }
        let m = match self.lx(j) {
            Lex::Early => TimexMod::Start,
            Lex::Mid => TimexMod::Mid,
            Lex::Late => TimexMod::End,
            Lex::Earlier if j == i => TimexMod::Start,
            Lex::Later if j == i => TimexMod::End,
            Lex::Beginning | Lex::Middle | Lex::End => return self.part_of_of(i, j),
            Lex::Ord(1) | Lex::Ord(2) | Lex::Last if self.lx(j + 1) == Lex::Half && j > i => {
                return self.half_of(i, j);
            }
            _ => return None,
        };
        let mut k = j + 1;
        if self.punct(k, b'-') && self.tight(k) {
            k += 1;
        }
        if matches!(self.lx(j), Lex::Earlier | Lex::Later) {
            // "earlier this year", "later this month", "earlier today"
            if !matches!(
                self.lx(k),
                Lex::This | Lex::Today | Lex::Tonight | Lex::Last | Lex::Next
            ) {
                return None;
            }
        }
        if matches!(self.lx(j), Lex::Late | Lex::Early)
            && self.lx(k) == Lex::Last
            && self.unit(k + 1).is_none()
        {
            return None;
        }
        let Some((e, pt, _)) = self.date(k) else {
            // "later this afternoon", "early Monday morning"
            let f = self.time(k)?;
            return Some(Found {
                s: i,
                modifier: Some(m),
                ..f
            });
        };
        if let Pt::Raw(ref v) = pt
            && v.ends_with("_REF")
        {
            return None;
        }
        // "early Monday" etc. keep DATE; "later this afternoon" is a TIME.
        self.found(i, e, TimexType::Date, pt, Some(m))
    }

    /// "year-end", "year end", "year's end" (also after "the"): the end of
    /// the DCT's year; after "since", the end of the year before.
    fn year_end(&self, i: usize) -> Option<Found> {
        let j = if self.lx(i) == Lex::The { i + 1 } else { i };
        if self.lx(j) != Lex::Year {
            return None;
        }
        let mut k = j + 1;
        if self.punct(k, b'-') && self.tight(k) {
            k += 1;
        } else if self.punct(k, b'\'') && self.tight(k) && self.word_is(k + 1, "s") {
            k += 2;
        }
        if self.lx(k) != Lex::End {
            return None;
        }
        // "year-end results", "year-end bonus": an adjective, not a date.
        if self.punct(j + 1, b'-')
            && self.lx_raw(k + 1) == Lex::None
            && self.kind(k + 1) == Some(Kind::Word)
            && self.toks.get(k + 1).is_some_and(|t| t.ws > 0)
        {
            return None;
        }
        let since = i > 0 && self.word_is(i - 1, "since");
        let pt = self.this_unit(Unit::Year, if since { -1 } else { 0 })?;
        self.found(i, k + 1, TimexType::Date, pt, Some(TimexMod::End))
    }

    /// "earlier in the year", "later in the week": that unit around the
    /// DCT, with START / END.
    fn earlier_in_the(&self, i: usize) -> Option<Found> {
        let m = match self.lx(i) {
            Lex::Earlier => TimexMod::Start,
            Lex::Later => TimexMod::End,
            _ => return None,
        };
        if !(self.lx(i + 1) == Lex::In && self.lx(i + 2) == Lex::The) {
            return None;
        }
        let (e, u, false) = self.unit(i + 3)? else {
            return None;
        };
        // ("earlier in the day" is left alone: TimeBank rarely tags it)
        if !matches!(u, Unit::Week | Unit::Month | Unit::Year) || self.lx(e) == Lex::Of {
            return None;
        }
        let pt = self.this_unit(u, 0)?;
        self.found(i, e, TimexType::Date, pt, Some(m))
    }

    /// "the beginning/middle/end of X".
    fn part_of_of(&self, i: usize, j: usize) -> Option<Found> {
        let m = match self.lx(j) {
            Lex::Beginning => TimexMod::Start,
            Lex::Middle => TimexMod::Mid,
            _ => TimexMod::End,
        };
        if self.lx(j + 1) != Lex::Of {
            return None;
        }
        let k = j + 2;
        let (e, pt) = if let Some((e, pt, _)) = self.date(k) {
            (e, pt)
        } else if self.lx(k) == Lex::The {
            // "the end of the year / month / week / decade"
            let (e, u, plural) = self.unit(k + 1)?;
            if plural {
                return None;
            }
            (e, self.this_unit(u, 0)?)
        } else {
            return None;
        };
        let s = if j > i { i } else { j };
        self.found(s, e, TimexType::Date, pt, Some(m))
    }

    /// "the first half [of 2025]".
    fn half_of(&self, i: usize, j: usize) -> Option<Found> {
        let h = if self.lx(j) == Lex::Ord(1) { 1 } else { 2 };
        let mut e = j + 2;
        let y = if self.lx(e) == Lex::Of {
            if let Some((e2, y)) = self.year_ref(e + 1) {
                e = e2;
                y
            } else {
                self.dct_year()?
            }
        } else if let Some((e2, y)) = self.year_ref(e) {
            e = e2;
            y
        } else {
            self.dct_year()?
        };
        self.found(i, e, TimexType::Date, Pt::Half(y, h), None)
    }

    /// The period of unit `u` that contains the DCT shifted by `n` units.
    fn this_unit(&self, u: Unit, n: i64) -> Option<Pt> {
        let Some(d) = self.dct else {
            return Some(Pt::Raw(
                match u {
                    Unit::Day => "XXXX-XX-XX",
                    Unit::Week | Unit::Fortnight => "XXXX-WXX",
                    Unit::Weekend => "XXXX-WXX-WE",
                    Unit::Month => "XXXX-XX",
                    Unit::Quarter => "XXXX-QX",
                    Unit::Decade => "XXX",
                    Unit::Century => "XX",
                    _ => "XXXX",
                }
                .to_string(),
            ));
        };
        let y = i32::from(d.year());
        Some(match u {
            Unit::Day => Pt::Day(add_days(d, n)?),
            Unit::Week | Unit::Fortnight => {
                let (y, w) = week_of(add_days(d, n.checked_mul(7)?)?);
                Pt::Week(y, w)
            }
            Unit::Weekend => {
                let (y, w) = week_of(add_days(d, n.checked_mul(7)?)?);
                Pt::Weekend(y, w)
            }
            Unit::Month => {
                let m = add_months(d, n)?;
                Pt::Month(i32::from(m.year()), u8::try_from(m.month()).ok()?)
            }
            Unit::Quarter => {
                let m = add_months(d, n.checked_mul(3)?)?;
                Pt::Quarter(
                    i32::from(m.year()),
                    quarter_of(u8::try_from(m.month()).ok()?),
                )
            }
            Unit::Year => Pt::Year(y.checked_add(i32::try_from(n).ok()?)?),
            Unit::Decade => Pt::Decade(y.div_euclid(10).checked_add(i32::try_from(n).ok()?)?),
            Unit::Century => Pt::Century(y.div_euclid(100).checked_add(i32::try_from(n).ok()?)?),
            Unit::Hour | Unit::Minute | Unit::Second => Pt::Day(d),
        })
    }

    // ---- dates -----------------------------------------------------------

    /// Every DATE rule; returns (end, period, mod).
    fn date(&self, i: usize) -> Option<(usize, Pt, Option<TimexMod>)> {
        self.date_with(i, self.rules_at(i))
    }

    /// The DATE rules of `r` (the rules that can start at `i`).
    fn date_with(&self, i: usize, r: Rules) -> Option<(usize, Pt, Option<TimexMod>)> {
        let mut best: Option<(usize, Pt, Option<TimexMod>)> = None;
        let mut take = |c: Option<(usize, Pt)>| {
            if let Some((e, pt)) = c
                && best.as_ref().is_none_or(|b| e > b.0)
            {
                best = Some((e, pt, None));
            }
        };
        // As in `at`: a rule outside the set costs one test.
        if r.has(Rule::MonthDate) {
            take(self.month_date(i));
        }
        if r.has(Rule::DayMonth) {
            take(self.day_month(i));
        }
        if r.has(Rule::NumericDate) {
            take(self.numeric_date(i));
        }
        if r.has(Rule::YearExpr) {
            take(self.year_expr(i));
        }
        if r.has(Rule::Decade) {
            take(self.decade(i));
        }
        if r.has(Rule::Century) {
            take(self.century(i));
        }
        if r.has(Rule::Quarter) {
            take(self.quarter(i));
        }
        if r.has(Rule::Season) {
            take(self.season(i));
        }
        if r.has(Rule::Holiday) {
            take(self.holiday(i));
        }
        if r.has(Rule::RelativeDay) {
            take(self.relative_day(i));
        }
        if r.has(Rule::RelUnit) {
            take(self.rel_unit(i));
        }
        if r.has(Rule::Weekday) {
            take(self.weekday(i));
        }
        if r.has(Rule::TheNth) {
            take(self.the_nth(i));
        }
        if r.has(Rule::YearAgoAdj) {
            take(self.year_ago_adj(i));
        }
        if r.has(Rule::WeekOfDate) {
            take(self.week_of_date(i));
        }
        if r.has(Rule::Ago) {
            take(self.ago(i).map(|(e, pt, _)| (e, pt)));
        }
        best
    }

    /// "2025", "of 2025", "this year", "last year" after a month or season.
    fn year_ref(&self, i: usize) -> Option<(usize, i32)> {
        let mut j = i;
        if self.punct(j, b',') {
            j += 1;
        }
        if self.lx(j) == Lex::Of {
            j += 1;
        }
        if let Some((v, 4)) = self.num(j)
            && (1000..=2199).contains(&v)
            && !self.punct(j + 1, b'%')
        {
            return Some((j + 1, i32::try_from(v).ok()?));
        }
        if let Some((e, y)) = self.spoken_year(j) {
            return Some((e, y));
        }
        if self.punct(j, b'\'')
            && let Some((v, 2)) = self.num(j + 1)
            && self.tight(j + 1)
        {
            let y = self.dct_year().unwrap_or(2000);
            let c = y.div_euclid(100) * 100;
            let v = i32::try_from(v).ok()?;
            let yy = if c + v > y + 10 { c - 100 + v } else { c + v };
            return Some((j + 2, yy));
        }
        let k = if self.punct(j, b',') { j + 1 } else { j };
        let n = match self.lx(k) {
            Lex::This => 0,
            Lex::Last => -1,
            Lex::Next => 1,
            _ => return None,
        };
        if self.lx(k + 1) != Lex::Year {
            return None;
        }
        Some((k + 2, self.dct_year()? + n))
    }

    fn month_at(&self, i: usize) -> Option<(usize, u8)> {
        match self.lx(i) {
            Lex::Month(m) if self.cap(i) => Some((i + 1, m)),
            Lex::MonAbbr(m) if self.cap(i) => {
                let j = self.dot(i + 1);
                if j > i + 1 || self.num(j).is_some() || is_ord_num(self.kind(j)?).is_some() {
                    Some((j, m))
                } else {
                    None
                }
            }
            _ => None,
        }
    }

    /// A day of month at `i` (1–31, "20", "20th").
    fn day_num(&self, i: usize) -> Option<u8> {
        if !self.joined(i) {
            return None;
        }
        let v = match self.kind(i)? {
            Kind::Num {
                val,
                digits: 1..=2,
                sfx: Sfx::None | Sfx::Ord,
            } => val,
            _ => return None,
        };
        // "Jan. 20:30", "March 3-2 vote", "May 5.5%"
        if (self.punct(i + 1, b':') || self.punct(i + 1, b'.') || self.punct(i + 1, b'/'))
            && self.tight(i + 1)
            && self.num(i + 2).is_some()
        {
            return None;
        }
        if self.punct(i + 1, b'%') {
            return None;
        }
        (1..=31)
            .contains(&v)
            .then(|| u8::try_from(v).ok())
            .flatten()
    }

    fn resolve_md(&self, m: u8, d: u8, s: usize, e: usize) -> Option<Pt> {
        match self.dct {
            Some(dct) => Some(Pt::Day(month_day(dct, m, d, self.tense(s, e))?)),
            None => {
                // Feb 30 is not a date in any year.
                date(2000, m.into(), d.into())?;
                let month = spelled("XXXX-", m, 2);
                Some(Pt::Raw(spelled(&(month + "-"), d, 2)))
            }
        }
    }

    fn resolve_m(&self, m: u8, s: usize, e: usize) -> Pt {
        match self.dct {
            Some(dct) => Pt::Month(month_year(dct, m, self.tense(s, e)), m),
            None => Pt::Raw(spelled("XXXX-", m, 2)),
        }
    }

    /// "January 20", "Jan. 20, 2025", "January 2025", "January of 2025",
    /// "January this year", and a bare "January" (guarded).
    fn month_date(&self, i: usize) -> Option<(usize, Pt)> {
        let (j, m) = self.month_at(i)?;
        if let Some(d) = self.day_num(j) {
            // "May 5" — but not "March 3-2" nor a range "5-7" (take the first day).
            let mut e = j + 1;
            if let Some((e2, y)) = self.year_ref(e) {
                let k = e;
                // "Jan. 20, 2025" or "January 20 2025"
                if self.num(k).is_some() || self.punct(k, b',') || self.lx(k) == Lex::Of {
                    e = e2;
                    return Some((e, Pt::Day(date(y, m.into(), d.into())?)));
                }
            }
            return Some((e, self.resolve_md(m, d, i, e)?));
        }
        if let Some((e, y)) = self.year_ref(j) {
            return Some((e, Pt::Month(y, m)));
        }
        // A bare month: "May" and "March" are verbs and "June"/"April" names,
        // so a bare month needs a preposition or determiner before it.
        let prev = if i > 0 { self.lx_raw(i - 1) } else { Lex::None };
        let prev_ok = matches!(
            prev,
            Lex::In
                | Lex::On
                | Lex::Of
                | Lex::Prep
                | Lex::Last
                | Lex::Next
                | Lex::This
                | Lex::Early
                | Lex::Late
                | Lex::Mid
                | Lex::Every
                | Lex::Each
                | Lex::Before
                | Lex::After
                | Lex::From
                | Lex::To
                | Lex::And
                | Lex::Or
                | Lex::Month(_)
        ) || (i > 0 && self.punct(i - 1, b'-') && self.tight(i));
        let ambiguous = matches!(m, 3 | 5) || matches!(self.lx(i), Lex::MonAbbr(_));
        if !prev_ok
            && (ambiguous || (self.cap(j) && self.kind(j) == Some(Kind::Word) && self.joined(j)))
        {
            return None;
        }
        if ambiguous && !prev_ok {
            return None;
        }
        Some((j, self.resolve_m(m, i, j)))
    }

    /// "20 January [2025]", "20th of January", "the 20th of January".
    fn day_month(&self, i: usize) -> Option<(usize, Pt)> {
        let mut j = i;
        if self.lx(j) == Lex::The && is_ord_num(self.kind(j + 1)?).is_some() {
            j += 1;
        }
        let d = self.day_num(j)?;
        let mut k = j + 1;
        if self.lx(k) == Lex::Of {
            k += 1;
        }
        let (e, m) = match self.lx(k) {
            Lex::Month(m) if self.cap(k) => (k + 1, m),
            Lex::MonAbbr(m) if self.cap(k) => (self.dot(k + 1), m),
            _ => return None,
        };
        if let Some(y) = self
            .num(e)
            .filter(|&(v, d)| d == 4 && (1000..=2199).contains(&v))
            .map(|(v, _)| v)
        {
            return Some((
                e + 1,
                Pt::Day(date(i32::try_from(y).ok()?, m.into(), d.into())?),
            ));
        }
        Some((e, self.resolve_md(m, d, i, e)?))
    }

    /// "2025-01-20", "1/20/2025", "2025/01/20".
    fn numeric_date(&self, i: usize) -> Option<(usize, Pt)> {
        let (a, ad) = self.num(i)?;
        let sep = match self.kind(i + 1)? {
            Kind::Punct(c @ (b'-' | b'/')) if self.tight(i + 1) => c,
            _ => return None,
        };
        let (b, _) = self.num(i + 2).filter(|_| self.tight(i + 2))?;
        if !(self.punct(i + 3, sep) && self.tight(i + 3) && self.tight(i + 4)) {
            return None;
        }
        let (c, cd) = self.num(i + 4)?;
        // A fourth part ("555-123-4567-8") is something else.
        if (self.punct(i + 5, b'-') || self.punct(i + 5, b'/'))
            && self.tight(i + 5)
            && self.num(i + 6).is_some()
        {
            return None;
        }
        let (y, m, d) = if ad == 4 {
            (a, b, c)
        } else if sep == b'/' && (cd == 4 || cd == 2) && ad <= 2 {
            let y = if cd == 4 {
                c
            } else if c < 50 {
                2000 + c
            } else {
                1900 + c
            };
            if a > 12 { (y, b, a) } else { (y, a, b) }
        } else {
            return None;
        };
        if !(1000..=2199).contains(&y) {
            return None;
        }
        Some((i + 5, Pt::Day(date(i32::try_from(y).ok()?, m, d)?)))
    }

    /// A plausible year: "2004", "the year 2000", "fiscal 1989", "fiscal year 2025".
    fn year_expr(&self, i: usize) -> Option<(usize, Pt)> {
        let mut j = i;
        let mut lead = false;
        if self.lx(j) == Lex::The && self.lx(j + 1) == Lex::Year {
            j += 2;
            lead = true;
        } else if self.lx(j) == Lex::Fiscal {
            j += 1;
            if self.lx(j) == Lex::Year {
                j += 1;
            }
            lead = true;
        }
        if let Some((e, y)) = self.spoken_year(j) {
            return Some((e, Pt::Year(y)));
        }
        // "the full year", "the current fiscal year"
        if self.lx(i) == Lex::The
            && matches!(self.lx(i + 1), Lex::Full | Lex::Current | Lex::Entire)
        {
            let k = if self.lx(i + 2) == Lex::Fiscal {
                i + 3
            } else {
                i + 2
            };
            if self.lx(k) == Lex::Year {
                return Some((k + 1, self.this_unit(Unit::Year, 0)?));
            }
        }
        let (v, 4) = self.num(j)? else { return None };
        if !(1000..=2199).contains(&v) {
            return None;
        }
        if !lead && !self.plausible_year(j) {
            return None;
        }
        Some((j + 1, Pt::Year(i32::try_from(v).ok()?)))
    }

    /// "nineteen ninety-six", "two thousand", "two thousand and one" (in
    /// broadcast transcripts).
    fn spoken_year(&self, j: usize) -> Option<(usize, i32)> {
        match self.lx(j) {
            Lex::Num(c @ (11..=19)) => {
                let Lex::Num(t) = self.lx(j + 1) else {
                    return None;
                };
                if !((10..=19).contains(&t) || (t >= 20 && t % 10 == 0)) {
                    return None;
                }
                let mut v = t;
                let mut e = j + 2;
                if t >= 20 {
                    let k = if self.punct(e, b'-') && self.tight(e) {
                        e + 1
                    } else {
                        e
                    };
                    if let Lex::Num(u @ 1..=9) = self.lx(k) {
                        v += u;
                        e = k + 1;
                    }
                }
                if self.unit(e).is_some() || matches!(self.lx(e), Lex::Hundred | Lex::Thousand) {
                    return None;
                }
                Some((e, i32::from(c * 100 + v)))
            }
            Lex::Num(2) if self.lx(j + 1) == Lex::Thousand => {
                let mut e = j + 2;
                let mut v = 2000;
                let k = if self.lx(e) == Lex::And { e + 1 } else { e };
                if let Some((e2, Qty::N(n))) =
                    self.qty(k).filter(|(_, q)| matches!(q, Qty::N(1..=99)))
                    && self.lx(k) != Lex::A
                {
                    v += i32::try_from(n).ok()?;
                    e = e2;
                }
                // only in "the year two thousand" ("... has passed" too)
                if self.unit(e).is_some() || j == 0 || self.lx_raw(j - 1) != Lex::Year {
                    return None;
                }
                Some((e, v))
            }
            _ => None,
        }
    }

    /// "year-ago", "year-earlier", "the year-ago quarter", "the year-earlier
    /// period": the same quarter a year before (financial reporting).
    fn year_ago_adj(&self, i: usize) -> Option<(usize, Pt)> {
        let mut j = i;
        if self.lx(j) == Lex::The {
            j += 1;
        }
        if self.word_is(j, "comparable") || self.word_is(j, "corresponding") {
            j += 1;
        }
        if !(self.lx(j) == Lex::Year
            && self.punct(j + 1, b'-')
            && self.tight(j + 1)
            && matches!(self.lx(j + 2), Lex::Ago | Lex::Earlier))
        {
            return None;
        }
        let mut e = j + 3;
        let mut q = None;
        if let Lex::Ord(n @ 1..=4) = self.lx(e)
            && self.lx(e + 1) == Lex::Unit(Unit::Quarter)
        {
            q = u8::try_from(n).ok();
            e += 2;
        } else if self.lx(e) == Lex::Unit(Unit::Quarter) || self.word_is(e, "period") {
            e += 1;
        } else if j > i {
            return None;
        }
        let d = self.dct?;
        let y = i32::from(d.year());
        let dq = quarter_of(u8::try_from(d.month()).ok()?);
        let (py, pq) = if dq == 1 { (y - 1, 4) } else { (y, dq - 1) };
        Some((
            e,
            match q {
                Some(q) => Pt::Quarter(if q > dq { y - 2 } else { y - 1 }, q),
                None => Pt::Quarter(py - 1, pq),
            },
        ))
    }

    /// Is the 4-digit number at `j` a year rather than a count, an amount, a
    /// phone number or part of a score?
    fn plausible_year(&self, j: usize) -> bool {
        let prev = j.checked_sub(1);
        if let Some(p) = prev
            && self.tight(j)
        {
            // "mid-2023", "pre-2020", "post-1959" are years.
            let prefixed = self.punct(p, b'-')
                && p > 0
                && (matches!(self.lx_raw(p - 1), Lex::Mid | Lex::Early | Lex::Late)
                    || self.word_is(p - 1, "pre")
                    || self.word_is(p - 1, "post"));
            match self.kind(p) {
                Some(Kind::Punct(b'-')) if prefixed => {}
                Some(Kind::Punct(b'$' | b'#' | b'-' | b'/' | b'.' | b':' | b',' | b'+' | 0x80)) => {
                    return false;
                }
                Some(Kind::Word) | Some(Kind::Num { .. }) => return false,
                _ => {}
            }
        }
        if let Some(p) = prev
            && matches!(self.kind(p), Some(Kind::Num { .. }))
        {
            return false;
        }
        if let Some(Kind::Punct(c)) = self.kind(j + 1)
            && self.tight(j + 1)
            && matches!(c, b'%' | b'-' | b'/' | b':' | b'.' | b',')
            && matches!(self.kind(j + 2), Some(Kind::Num { .. }))
            && self.tight(j + 2)
        {
            return false;
        }
        if self.punct(j + 1, b'%') {
            return false;
        }
        // "more than 2000 troops", "2004 troops": a count before a plural noun.
        if let Some(t) = self.toks.get(j + 1)
            && t.kind == Kind::Word
            && !t.cap(self.text.as_bytes())
            && t.lex == Lex::None
            && t.ws < 2
        {
            let w = self.text.as_bytes().get(t.start..t.end).unwrap_or_default();
            let plural =
                w.len() > 2 && w.ends_with(b"s") && !w.ends_with(b"ss") && !w.ends_with(b"us");
            if plural {
                return false;
            }
            if let Some(p) = prev
                && matches!(
                    self.lx_raw(p),
                    Lex::Approx | Lex::Nearly | Lex::Than | Lex::Some | Lex::Over | Lex::Under
                )
            {
                return false;
            }
        }
        if let Some(p) = prev
            && matches!(self.lx_raw(p), Lex::Than | Lex::Nearly | Lex::Approx)
            && matches!(self.lx(j + 1), Lex::Units(_) | Lex::Days)
        {
            return false;
        }
        true
    }

    /// "the 1990s", "1990s", "the '90s", "the nineties".
    fn decade(&self, i: usize) -> Option<(usize, Pt)> {
        let mut j = i;
        if self.lx(j) == Lex::The {
            j += 1;
        }
        if let Lex::DecadeWord(d) = self.lx(j) {
            if j == i {
                return None;
            }
            let c = self
                .dct_year()
                .map_or(19, |y| if d == 2 && y >= 2020 { 20 } else { 19 })
                * 10;
            return Some((j + 1, Pt::Decade(c + i32::from(d))));
        }
        let apos = self.punct(j, b'\'') && self.tight(j + 1);
        if apos {
            j += 1;
        }
        match self.kind(j)? {
            Kind::Num {
                val,
                digits: 4,
                sfx: Sfx::S,
            } if val % 10 == 0 && (1000..=2190).contains(&val) && !apos => {
                Some((j + 1, Pt::Decade(i32::try_from(val / 10).ok()?)))
            }
            Kind::Num {
                val,
                digits: 2,
                sfx: Sfx::S,
            } if val % 10 == 0 && (apos || j > i) => {
                let v = i32::try_from(val).ok()?;
                let y = self.dct_year().unwrap_or(1999);
                let c = y.div_euclid(100) * 100;
                let full = if c + v > y { c - 100 + v } else { c + v };
                Some((j + 1, Pt::Decade(full.div_euclid(10))))
            }
            _ => None,
        }
    }

    /// "the 20th century", "the twenty-first century", "this century".
    fn century(&self, i: usize) -> Option<(usize, Pt)> {
        let mut j = i;
        if self.lx(j) == Lex::The {
            j += 1;
        }
        let n = match (self.lx(j), self.kind(j)?) {
            (Lex::Num(20), _)
                if self.punct(j + 1, b'-') && matches!(self.lx(j + 2), Lex::Ord(1..=9)) =>
            {
                let Lex::Ord(k) = self.lx(j + 2) else {
                    return None;
                };
                j += 2;
                20 + u32::from(k)
            }
            (Lex::Ord(n), _) => u32::from(n),
            (
                _,
                Kind::Num {
                    val,
                    digits: 1..=2,
                    sfx: Sfx::Ord,
                },
            ) => val,
            _ => return None,
        };
        let mut k = j + 1;
        if self.punct(k, b'-') && self.tight(k) {
            k += 1;
        }
        if self.lx(k) != Lex::Unit(Unit::Century) || n == 0 {
            return None;
        }
        Some((k + 1, Pt::Century(i32::try_from(n).ok()? - 1)))
    }

    /// "the third quarter [of 2025]", "third-quarter", "Q3 2025", "the
    /// quarter", "the latest quarter", "the fiscal first quarter".
    fn quarter(&self, i: usize) -> Option<(usize, Pt)> {
        if let Lex::QuarterTag(q) = self.lx(i) {
            let (e, y) = match self.year_ref(i + 1) {
                Some((e, y)) => (e, Some(y)),
                None => (i + 1, None),
            };
            return Some((e, self.quarter_pt(q, y, i, e)));
        }
        let mut j = i;
        let the = self.lx(j) == Lex::The;
        if the {
            j += 1;
        }
        // "the 1988 third quarter", "this year's third quarter"
        let mut year: Option<i32> = None;
        if the
            && let Some((v, 4)) = self.num(j)
            && (1000..=2199).contains(&v)
        {
            year = i32::try_from(v).ok();
            j += 1;
        } else if matches!(self.lx(j), Lex::This | Lex::Last | Lex::Next)
            && self.lx(j + 1) == Lex::Year
            && self.punct(j + 2, b'\'')
            && self.word_is(j + 3, "s")
        {
            let n = match self.lx(j) {
                Lex::Last => -1,
                Lex::Next => 1,
                _ => 0,
            };
            year = Some(self.dct_year()? + n);
            j += 4;
        }
        if self.lx(j) == Lex::Fiscal {
            j += 1;
        }
        let q = match (self.lx(j), self.kind(j)?) {
            (Lex::Ord(q @ 1..=4), _) => Some(u32::from(q)),
            (
                _,
                Kind::Num {
                    val: q @ 1..=4,
                    digits: 1,
                    sfx: Sfx::Ord,
                },
            ) => Some(q),
            (Lex::Last | Lex::Past | Lex::Previous | Lex::Recent, _)
                if the || self.lx(j) == Lex::Last =>
            {
                None
            }
            (Lex::Current | Lex::This | Lex::Next | Lex::Coming, _) => None,
            (Lex::Unit(Unit::Quarter), _) if the => None,
            _ => {
                if self.word_is(j, "latest") && the {
                    None
                } else {
                    return None;
                }
            }
        };
        let rel_word = self.lx(j);
        let mut k = if matches!(rel_word, Lex::Unit(Unit::Quarter)) {
            j
        } else {
            j + 1
        };
        if self.punct(k, b'-') && self.tight(k) {
            k += 1;
        }
        if self.lx(k) == Lex::Fiscal {
            k += 1;
        }
        // "quarter-to-quarter" is a comparison, not a quarter
        if self.lx(k) != Lex::Unit(Unit::Quarter) || (self.punct(k + 1, b'-') && self.tight(k + 1))
        {
            return None;
        }
        let e = k + 1;
        // "the third-quarter results": the article belongs to the noun.
        if the && year.is_none() && k > j + 1 && self.punct(j + 1, b'-') {
            return None;
        }
        if let Some(q) = q {
            let q = u8::try_from(q).ok()?;
            let (e2, y) = match self.year_ref(e) {
                Some((e2, y)) => (e2, Some(y)),
                None => (e, year),
            };
            return Some((e2, self.quarter_pt(q, y, i, e2)));
        }
        if let Some(y) = year {
            // "the 1988 quarter", "last year's quarter": the quarter of the
            // DCT's reporting season, in that year.
            let d = self.dct?;
            let dq = quarter_of(u8::try_from(d.month()).ok()?);
            return Some((e, Pt::Quarter(y, if dq == 1 { 4 } else { dq - 1 })));
        }
        let n = match rel_word {
            Lex::Current | Lex::This => 0,
            Lex::Next | Lex::Coming => 1,
            _ => -1,
        };
        Some((e, self.this_unit(Unit::Quarter, n)?))
    }

    fn quarter_pt(&self, q: u8, y: Option<i32>, s: usize, e: usize) -> Pt {
        if let Some(y) = y {
            return Pt::Quarter(y, q);
        }
        match self.dct {
            Some(d) => {
                let dy = i32::from(d.year());
                let dq = quarter_of(u8::try_from(d.month()).unwrap_or(1));
                // Quarters are mostly reported after they end: a later
                // quarter than the DCT's is last year's unless the clause
                // is in the future tense; an earlier one is never next year's.
                let y = match self.tense(s, e) {
                    Tense::Future | Tense::Present => dy,
                    _ if q > dq => dy - 1,
                    _ => dy,
                };
                Pt::Quarter(y, q)
            }
            None => Pt::Raw(format!("XXXX-Q{q}")),
        }
    }

    /// "this summer", "last fall", "summer 2025", "the summer of 2024",
    /// "in the spring".
    fn season(&self, i: usize) -> Option<(usize, Pt)> {
        let mut j = i;
        let det = self.lx(j);
        let n: Option<i64> = match det {
            Lex::This | Lex::Current => Some(0),
            Lex::Last | Lex::Past | Lex::Previous => Some(-1),
            Lex::Next | Lex::Coming => Some(1),
            Lex::The => None,
            Lex::Season(_) => None,
            _ => return None,
        };
        if !matches!(det, Lex::Season(_)) {
            j += 1;
        }
        let Lex::Season(s) = self.lx(j) else {
            return None;
        };
        let e = j + 1;
        if let Some((e2, y)) = self.year_ref(e) {
            return Some((e2, Pt::Season(y, s)));
        }
        // "the fall of Rome", "the spring in her step", "prices fall"
        // ("last fall in his home" is still a season)
        if (matches!(self.lx(e), Lex::Of | Lex::From | Lex::To)
            || (self.lx(e) == Lex::In && n.is_none()))
            || self.punct(e, b'-')
        {
            return None;
        }
        if matches!(det, Lex::Season(_)) {
            // bare season: only capitalized or after "in"/"this"... handled above
            let prev = if i > 0 { self.lx_raw(i - 1) } else { Lex::None };
            if !matches!(
                prev,
                Lex::In | Lex::Prep | Lex::Early | Lex::Late | Lex::Mid
            ) || s == 2
            {
                return None;
            }
        }
        let Some(d) = self.dct else {
            return Some((
                e,
                Pt::Raw(format!(
                    "XXXX-{}",
                    crate::resolve::SEASONS[usize::from(s).min(3)]
                )),
            ));
        };
        let (cy, cs) = season_of(d);
        let y = match n {
            Some(0) => {
                if s < cs && s != 3 && cs == 3 && d.month() <= 2 {
                    cy + 1
                } else {
                    cy
                }
            }
            Some(-1) => {
                if s < cs {
                    cy
                } else {
                    cy - 1
                }
            }
            Some(_) => {
                if s > cs {
                    cy
                } else {
                    cy + 1
                }
            }
            None => match self.tense(i, e) {
                Tense::Past if s > cs => cy - 1,
                Tense::Future if s < cs => cy + 1,
                _ => cy,
            },
        };
        Some((e, Pt::Season(y, s)))
    }

    /// Christmas, New Year's Day, Thanksgiving, Easter, Halloween,
    /// Independence Day, with an optional year.
    fn holiday(&self, i: usize) -> Option<(usize, Pt)> {
        if !self.cap(i) {
            return None;
        }
        let (e, m, d): (usize, u8, u8) = match self.lx(i) {
            Lex::Christmas => match self.lx(i + 1) {
                Lex::Eve => (i + 2, 12, 24),
                Lex::Day => (i + 2, 12, 25),
                _ => (i + 1, 12, 25),
            },
            Lex::New
                if self.lx(i + 1) == Lex::Year
                    && self.punct(i + 2, b'\'')
                    && self.word_is(i + 3, "s") =>
            {
                match self.lx(i + 4) {
                    Lex::Eve => (i + 5, 12, 31),
                    Lex::Day => (i + 5, 1, 1),
                    _ => (i + 4, 1, 1),
                }
            }
            Lex::Halloween => (i + 1, 10, 31),
            Lex::Independence if self.lx(i + 1) == Lex::Day && self.cap(i + 1) => (i + 2, 7, 4),
            Lex::Thanksgiving => {
                let e = if self.lx(i + 1) == Lex::Day {
                    i + 2
                } else {
                    i + 1
                };
                let y = match self.year_ref(e) {
                    Some((e2, y)) => return Some((e2, Pt::Day(nth_weekday(y, 11, 4, 4)?))),
                    None => self.holiday_year(11, 27, i, e),
                };
                return Some((
                    e,
                    match y {
                        Some(y) => Pt::Day(nth_weekday(y, 11, 4, 4)?),
                        None => Pt::Raw("XXXX-11-XX".into()),
                    },
                ));
            }
            Lex::Easter => {
                let e = if self.word_is(i + 1, "Sunday") {
                    i + 2
                } else {
                    i + 1
                };
                let y = match self.year_ref(e) {
                    Some((e2, y)) => return Some((e2, Pt::Day(easter(y)?))),
                    None => self.holiday_year(4, 1, i, e),
                };
                return Some((
                    e,
                    match y {
                        Some(y) => Pt::Day(easter(y)?),
                        None => Pt::Raw("XXXX-XX-XX".into()),
                    },
                ));
            }
            _ => return None,
        };
        if let Some((e2, y)) = self.year_ref(e) {
            return Some((e2, Pt::Day(date(y, m.into(), d.into())?)));
        }
        Some((e, self.resolve_md(m, d, i, e)?))
    }

    fn holiday_year(&self, m: u8, d: u8, s: usize, e: usize) -> Option<i32> {
        let dct = self.dct?;
        month_day(dct, m, d, self.tense(s, e)).map(|x| i32::from(x.year()))
    }

    /// today, yesterday, tomorrow, "the day before yesterday".
    fn relative_day(&self, i: usize) -> Option<(usize, Pt)> {
        let (e, n) = match self.lx(i) {
            Lex::Today => {
                // "today's" is still today, but "USA Today" is a newspaper.
                if i > 0 && self.word_is(i - 1, "usa") {
                    return None;
                }
                (i + 1, 0)
            }
            Lex::Yesterday => (i + 1, -1),
            Lex::Tomorrow => (i + 1, 1),
            Lex::The if self.lx(i + 1) == Lex::Day => match (self.lx(i + 2), self.lx(i + 3)) {
                (Lex::Before, Lex::Yesterday) => (i + 4, -2),
                (Lex::After, Lex::Tomorrow) => (i + 4, 2),
                _ => return None,
            },
            _ => return None,
        };
        Some((e, self.this_unit(Unit::Day, n)?))
    }

    /// "last week", "this year", "next month", "the past year", "last
    /// Tuesday", "next March", "this weekend", "the weekend", "last decade".
    fn rel_unit(&self, i: usize) -> Option<(usize, Pt)> {
        let mut j = i;
        let the = self.lx(j) == Lex::The;
        if the {
            j += 1;
        }
        if let Some(r) = self.anchored(j, the) {
            return Some(r);
        }
        // "this coming Sunday", "this past weekend"
        if !the && self.lx(j) == Lex::This && matches!(self.lx(j + 1), Lex::Coming | Lex::Past) {
            j += 1;
        }
        let rel = match self.lx(j) {
            Lex::This | Lex::Current if !the || self.lx(j) == Lex::Current => Rel::This,
            Lex::Last | Lex::Past | Lex::Previous => Rel::Last,
            Lex::Next | Lex::Coming | Lex::Following => Rel::Next,
            Lex::Unit(Unit::Weekend) if the => {
                return Some((j + 1, self.the_weekend(i, j + 1)?));
            }
            _ => return None,
        };
        // "the last" with a number is a duration; with "past" and no "the"
        // ("past decade") TimeBank has a duration too, but a date reads better.
        let k = j + 1;
        let n: i64 = match rel {
            Rel::This => 0,
            Rel::Last => -1,
            Rel::Next => 1,
        };
        match self.lx(k) {
            Lex::Unit(u)
                if !matches!(
                    u,
                    Unit::Hour | Unit::Minute | Unit::Second | Unit::Fortnight
                ) =>
            {
                if u == Unit::Quarter {
                    return None; // handled by `quarter`
                }
                // "the past week" reads as a date in TimeBank only for year.
                Some((k + 1, self.this_unit(u, n)?))
            }
            Lex::Year => Some((k + 1, self.this_unit(Unit::Year, n)?)),
            Lex::Weekday(wd) => {
                if the && !matches!(self.lx(j), Lex::Previous | Lex::Following) {
                    return None;
                }
                let dir = match rel {
                    Rel::This => match self.tense(i, k + 1) {
                        Tense::Past => Dir::OnOrBefore,
                        _ => Dir::OnOrAfter,
                    },
                    Rel::Last => Dir::Before,
                    Rel::Next => Dir::After,
                };
                Some((k + 1, self.weekday_pt(wd, dir)?))
            }
            Lex::Month(m) if self.cap(k) && !the => {
                let Some(d) = self.dct else {
                    return Some((k + 1, Pt::Raw(format!("XXXX-{m:02}"))));
                };
                let y = i32::from(d.year());
                let dm = u8::try_from(d.month()).ok()?;
                let y = match rel {
                    Rel::This => y,
                    Rel::Last => {
                        if m < dm {
                            y
                        } else {
                            y - 1
                        }
                    }
                    Rel::Next => {
                        if m > dm {
                            y
                        } else {
                            y + 1
                        }
                    }
                };
                Some((k + 1, Pt::Month(y, m)))
            }
            Lex::Day if the && rel != Rel::This => None,
            _ => None,
        }
    }

    /// "the following month", "the previous day", "the next day", "that
    /// year", "that same day": relative to the last date of the text, when
    /// it gave one at least as fine as the unit.
    fn anchored(&self, j: usize, the: bool) -> Option<(usize, Pt)> {
        let n: i64 = match self.lx(j) {
            Lex::Following if the => 1,
            Lex::Next if the && self.lx(j + 1) == Lex::Day => 1,
            Lex::Previous if the => -1,
            Lex::That if !the => 0,
            _ => return None,
        };
        let mut k = j + 1;
        if n == 0 && self.word_is(k, "same") {
            k += 1;
        }
        // "said that year-end results…", "so that day-to-day…"
        if self.punct(k + 1, b'-') && self.tight(k + 1) {
            return None;
        }
        let (d, g) = self.anchor.get()?;
        let fine = |need: Gran| match need {
            Gran::Day => g == Gran::Day,
            Gran::Month => matches!(g, Gran::Day | Gran::Month),
            Gran::Quarter => g != Gran::Year,
            Gran::Year => true,
        };
        let pt = match self.lx(k) {
            Lex::Day if fine(Gran::Day) => Pt::Day(add_days(d, n)?),
            Lex::Unit(Unit::Week) if fine(Gran::Day) => {
                let (y, w) = week_of(add_days(d, n.checked_mul(7)?)?);
                Pt::Week(y, w)
            }
            Lex::Unit(Unit::Month) if fine(Gran::Month) => {
                let m = add_months(d, n)?;
                Pt::Month(i32::from(m.year()), u8::try_from(m.month()).ok()?)
            }
            Lex::Unit(Unit::Quarter) if fine(Gran::Quarter) => {
                let m = add_months(d, n.checked_mul(3)?)?;
                Pt::Quarter(
                    i32::from(m.year()),
                    quarter_of(u8::try_from(m.month()).ok()?),
                )
            }
            Lex::Year => Pt::Year(i32::from(d.year()).checked_add(i32::try_from(n).ok()?)?),
            _ => return None,
        };
        Some((k + 1, pt))
    }

    fn the_weekend(&self, s: usize, e: usize) -> Option<Pt> {
        let Some(d) = self.dct else {
            return Some(Pt::Raw("XXXX-WXX-WE".into()));
        };
        let wd = weekday_num(d);
        let back = match self.tense(s, e) {
            Tense::Future => false,
            _ => wd < 5,
        };
        let (y, w) = week_of(if back { add_days(d, -7)? } else { d });
        Some(Pt::Weekend(y, w))
    }

    fn weekday_pt(&self, wd: u8, dir: Dir) -> Option<Pt> {
        match self.dct {
            Some(d) => Some(Pt::Day(weekday_near(d, wd, dir)?)),
            None => Some(Pt::Raw(spelled("XXXX-WXX-", wd, 1))),
        }
    }

    /// "Friday", "Friday, Jan. 24", "Friday, January 24, 2025".
    fn weekday(&self, i: usize) -> Option<(usize, Pt)> {
        let (wd, dated) = self.weekday_dated(i)?;
        if dated.is_some() {
            return dated;
        }
        let Some(dct) = self.dct else {
            return Some((i + 1, self.weekday_pt(wd, Dir::Nearest)?));
        };
        let dir = match tense_dir(self.tense(i, i + 1)) {
            // Without a tense cue, news weekdays are mostly past ones; but
            // the day after the DCT ("Tuesday" in Monday's paper) is usually
            // meant as tomorrow.
            Dir::Nearest if (i64::from(wd) - i64::from(weekday_num(dct))).rem_euclid(7) == 1 => {
                Dir::OnOrAfter
            }
            Dir::Nearest => Dir::OnOrBefore,
            d => d,
        };
        Some((i + 1, self.weekday_pt(wd, dir)?))
    }

    /// A weekday at `i` that can be a date (capitalized, not "a Tuesday"),
    /// with the date written after it if there is one ("Friday, Jan. 24").
    fn weekday_dated(&self, i: usize) -> Option<(u8, Option<(usize, Pt)>)> {
        let Lex::Weekday(wd) = self.lx(i) else {
            return None;
        };
        // "on a Tuesday" is any Tuesday.
        if !self.cap(i) || (i > 0 && self.lx_raw(i - 1) == Lex::A) {
            return None;
        }
        let mut j = i + 1;
        if self.punct(j, b',') {
            j += 1;
        }
        let dated = self
            .month_date(j)
            .or_else(|| self.day_month(j))
            .filter(|(_, pt)| matches!(pt, Pt::Day(_)));
        Some((wd, dated))
    }

    /// "the week of March 3": the ISO week holding that day.
    fn week_of_date(&self, i: usize) -> Option<(usize, Pt)> {
        if !(self.lx(i) == Lex::The
            && self.lx(i + 1) == Lex::Unit(Unit::Week)
            && self.lx(i + 2) == Lex::Of)
        {
            return None;
        }
        let (e, pt) = self.month_date(i + 3).or_else(|| self.day_month(i + 3))?;
        let Pt::Day(d) = pt else { return None };
        let (y, w) = week_of(d);
        Some((e, Pt::Week(y, w)))
    }

    /// "the 20th" (day of the DCT's month, or the next/previous by tense).
    fn the_nth(&self, i: usize) -> Option<(usize, Pt)> {
        if self.lx(i) != Lex::The {
            return None;
        }
        let d = is_ord_num(self.kind(i + 1)?)?;
        if !(1..=31).contains(&d) || !self.joined(i + 1) {
            return None;
        }
        // "the 20th century", "the 5th Fleet", "the 10th anniversary"
        if let Some(t) = self.toks.get(i + 2)
            && t.kind == Kind::Word
            && (t.cap(self.text.as_bytes())
                || t.lex == Lex::None
                || matches!(t.lex, Lex::Unit(_) | Lex::Units(_) | Lex::Year | Lex::Day))
            && t.ws < 2
        {
            return None;
        }
        let d = u8::try_from(d).ok()?;
        let Some(dct) = self.dct else {
            return Some((i + 2, Pt::Raw(format!("XXXX-XX-{d:02}"))));
        };
        let m = u8::try_from(dct.month()).ok()?;
        let y = i32::from(dct.year());
        let this = date(y, m.into(), d.into());
        let pt = match (self.tense(i, i + 2), this) {
            (Tense::Future, Some(t)) if t < dct => add_months(t, 1)?,
            (Tense::Past, Some(t)) if t > dct => add_months(t, -1)?,
            (_, Some(t)) => t,
            (_, None) => return None,
        };
        Some((i + 2, Pt::Day(pt)))
    }

    /// "two years ago", "a week earlier", "three days from now", "several
    /// years ago" (PAST_REF).
    fn ago(&self, i: usize) -> Option<(usize, Pt, Option<TimexMod>)> {
        let (j, q, u, adj) = self.qty_unit(i)?;
        if adj {
            return None;
        }
        let (e, sign) = match self.lx(j) {
            Lex::Ago => (j + 1, -1i64),
            Lex::Earlier => (j + 1, -1),
            Lex::Later => (j + 1, 1),
            Lex::From if self.lx(j + 1) == Lex::Now => (j + 2, 1),
            _ => return None,
        };
        let Qty::N(n) = q else {
            return Some((
                e,
                Pt::Raw(if sign < 0 { "PAST_REF" } else { "FUTURE_REF" }.into()),
                None,
            ));
        };
        if matches!(u, Unit::Hour | Unit::Minute | Unit::Second) {
            return Some((
                e,
                Pt::Raw(if sign < 0 { "PAST_REF" } else { "FUTURE_REF" }.into()),
                None,
            ));
        }
        let n = i64::from(n) * sign;
        let pt = match u {
            Unit::Fortnight => self.this_unit(Unit::Week, n * 2)?,
            Unit::Weekend => self.this_unit(Unit::Weekend, n)?,
            Unit::Decade => match self.dct {
                Some(d) => Pt::Decade(
                    (i64::from(d.year()) + n * 10)
                        .div_euclid(10)
                        .try_into()
                        .ok()?,
                ),
                None => Pt::Raw("XXX".into()),
            },
            u => self.this_unit(u, n)?,
        };
        Some((e, pt, None))
    }

    // ---- durations -------------------------------------------------------

    /// "three days", "the past 18 months", "the first nine months", "a
    /// decade", "two-year", "years".
    fn duration(&self, i: usize) -> Option<Found> {
        let mut j = i;
        let the = self.lx(j) == Lex::The;
        if the {
            j += 1;
        }
        let qual = match self.lx(j) {
            Lex::Past
            | Lex::Last
            | Lex::Next
            | Lex::Coming
            | Lex::Previous
            | Lex::Following
            | Lex::Ord(1)
            | Lex::Full
            | Lex::Entire
                if the || matches!(self.lx(j), Lex::Past | Lex::Next) =>
            {
                j += 1;
                true
            }
            Lex::Past if !the => {
                j += 1;
                true
            }
            _ => false,
        };
        // "5 1/2 hours"
        if let Some((n, _)) = self.num(j)
            && self.num(j + 1) == Some((1, 1))
            && self.punct(j + 2, b'/')
            && self.tight(j + 2)
            && self.num(j + 3) == Some((2, 1))
            && self.tight(j + 3)
            && let Some((e, u, _)) = self.unit(j + 4)
        {
            let s = if qual || the { i } else { j };
            return Some(Found {
                s,
                e,
                kind: TimexType::Duration,
                value: half_value(n, u),
                modifier: None,
            });
        }
        if let Some((e, q, u, adj)) = self.qty_unit(j) {
            // "four flights a week", "$2 million a year", "24 hours a day":
            // a rate, not a duration (TimeBank leaves these untagged).
            if !the && !qual && self.lx(j) == Lex::A && self.after_amount(j) {
                return None;
            }
            // "two years ago" is a date (see `ago`); "the last two weeks" is not.
            if !adj && matches!(self.lx(e), Lex::Ago) {
                return None;
            }
            // "a week" alone after "once/twice" or a price is a set; keep it simple.
            // "the two-week truce": the article belongs to the noun.
            let s = if qual || (the && !adj) { i } else { j };
            let mut e = e;
            // "the past two months" / "the next two weeks"; "a year and a half"
            if self.lx(e) == Lex::And && self.lx(e + 1) == Lex::A && self.lx(e + 2) == Lex::Half {
                e += 3;
                if let Qty::N(n) = q {
                    return Some(Found {
                        s,
                        e,
                        kind: TimexType::Duration,
                        value: half_value(n, u),
                        modifier: None,
                    });
                }
            }
            if u == Unit::Second && q == Qty::N(1) {
                return None;
            }
            return Some(Found {
                s,
                e,
                kind: TimexType::Duration,
                value: dur_value(q, u),
                modifier: None,
            });
        }
        // bare plurals: "years", "for months", "decades" (not "the years")
        if !the
            && !qual
            && let Lex::Units(
                u @ (Unit::Year | Unit::Month | Unit::Week | Unit::Decade | Unit::Century),
            ) = self.lx(j)
        {
            if self.lx(j + 1) == Lex::Ago {
                return Some(Found {
                    s: i,
                    e: j + 2,
                    kind: TimexType::Date,
                    value: "PAST_REF".into(),
                    modifier: None,
                });
            }
            let prev = if i > 0 { self.lx_raw(i - 1) } else { Lex::None };
            if matches!(
                prev,
                Lex::For
                    | Lex::In
                    | Lex::Prep
                    | Lex::Over
                    | Lex::Within
                    | Lex::Of
                    | Lex::Recent
                    | Lex::Coming
            ) || self.word_is(i.wrapping_sub(1), "took")
                || self.stretch_of(i, j)
            {
                if prev == Lex::Recent || prev == Lex::Coming {
                    return None;
                }
                return Some(Found {
                    s: i,
                    e: j + 1,
                    kind: TimexType::Duration,
                    value: dur_value(Qty::X, u),
                    modifier: None,
                });
            }
        }
        // "the past/last/next few weeks" handled by qty(); "for the year"
        if the
            && !qual
            && self.lx(j) == Lex::Year
            && i > 0
            && matches!(self.lx_raw(i - 1), Lex::For | Lex::Prep)
        {
            return Some(Found {
                s: i,
                e: j + 1,
                kind: TimexType::Duration,
                value: "P1Y".into(),
                modifier: None,
            });
        }
        None
    }

    /// "after months of talks", "follows years of war": a bare plural unit
    /// before "of", after an ordinary word (not "the", "its", "early"…).
    fn stretch_of(&self, i: usize, j: usize) -> bool {
        self.lx(j + 1) == Lex::Of
            && i > 0
            && matches!(self.lx_raw(i - 1), Lex::None | Lex::Ending)
            && matches!(self.kind(i - 1), Some(Kind::Word))
            && ![
                "its", "their", "his", "her", "our", "my", "your", "whose", "those", "these",
                "many", "two", "three", "four", "five",
            ]
            .iter()
            .any(|w| self.word_is(i - 1, w))
    }

    /// Is token `j` ("a") preceded, within a short noun phrase, by an amount
    /// ("700 seats", "$2 million", "20%", "twice")?
    fn after_amount(&self, j: usize) -> bool {
        (1..=3).any(|k| {
            let Some(i) = j.checked_sub(k) else {
                return false;
            };
            matches!(
                self.kind(i),
                Some(Kind::Num { .. }) | Some(Kind::Punct(b'$' | b'%'))
            ) || matches!(self.lx_raw(i), Lex::Num(_) | Lex::Hundred | Lex::Thousand)
                || ["once", "twice", "times", "million", "billion"]
                    .iter()
                    .any(|w| self.word_is(i, w))
        })
    }

    // ---- sets --------------------------------------------------------------

    fn set(&self, i: usize) -> Option<Found> {
        let set = |e: usize, v: String| {
            Some(Found {
                s: i,
                e,
                kind: TimexType::Set,
                value: v,
                modifier: None,
            })
        };
        match self.lx(i) {
            // "Daily Mail", "Daily Briefing": part of a name
            Lex::SetAdv(_)
                if self.cap(i) && self.cap(i + 1) && self.kind(i + 1) == Some(Kind::Word) =>
            {
                None
            }
            Lex::SetAdv(u) => {
                // "daily" as a noun ("the daily") or adjective ("daily life")
                // is still a set in TimeBank.
                let v = match u {
                    Unit::Quarter => "P3M".to_string(),
                    u => dur_value(Qty::N(1), u),
                };
                set(i + 1, v)
            }
            Lex::Every | Lex::Each => {
                let mut j = i + 1;
                if self.lx(j) == Lex::Other {
                    // every other week = every two weeks
                    if let Some((e, u, false)) = self.unit(j + 1) {
                        return set(e, dur_value(Qty::N(2), u));
                    }
                    return None;
                }
                if let Lex::Weekday(wd) = self.lx(j) {
                    if let Lex::Tod(t) = self.lx(j + 1) {
                        return set(j + 2, format!("XXXX-WXX-{wd}T{}", TOD[usize::from(t)]));
                    }
                    return set(j + 1, format!("XXXX-WXX-{wd}"));
                }
                if let Lex::Month(m) = self.lx(j) {
                    return set(j + 1, format!("XXXX-{m:02}"));
                }
                if let Lex::Season(s) = self.lx(j) {
                    return set(
                        j + 1,
                        format!("XXXX-{}", crate::resolve::SEASONS[usize::from(s).min(3)]),
                    );
                }
                if let Lex::Tod(t) = self.lx(j) {
                    return set(j + 1, format!("XXXX-XX-XXT{}", TOD[usize::from(t)]));
                }
                let q = if let Some((k, q)) = self.qty(j).filter(|(_, q)| *q != Qty::X) {
                    if self.lx(j) == Lex::A {
                        return None;
                    }
                    j = k;
                    q
                } else {
                    Qty::N(1)
                };
                let (e, u, plural) = self.unit(j)?;
                if plural != (q != Qty::N(1)) {
                    return None;
                }
                if u == Unit::Quarter && q == Qty::N(1) {
                    return set(e, "P1Q".into());
                }
                set(e, dur_value(q, u))
            }
            Lex::Per => {
                let (e, u, false) = self.unit(i + 1)? else {
                    return None;
                };
                set(e, dur_value(Qty::N(1), u))
            }
            Lex::Weekdays(wd) if self.cap(i) => {
                if let Lex::Tod(t) = self.lx(i + 1) {
                    return set(i + 2, format!("XXXX-WXX-{wd}T{}", TOD[usize::from(t)]));
                }
                set(i + 1, format!("XXXX-WXX-{wd}"))
            }
            _ => None,
        }
    }

    // ---- times -------------------------------------------------------------

    /// "3 p.m.", "10:30 a.m. EST Wednesday", "noon Thursday", "this
    /// morning", "Monday night", "tonight", "last night".
    fn time(&self, i: usize) -> Option<Found> {
        if let Some(f) = self.clock(i) {
            return Some(f);
        }
        // part of day after a day word
        let (k, day): (usize, Option<Pt>) = match self.lx(i) {
            Lex::Tonight => return self.tod_found(i, i + 1, self.this_unit(Unit::Day, 0)?, 3),
            Lex::This => (i + 1, self.this_unit(Unit::Day, 0)),
            Lex::Today => (i + 1, self.this_unit(Unit::Day, 0)),
            Lex::Yesterday => (i + 1, self.this_unit(Unit::Day, -1)),
            Lex::Tomorrow => (i + 1, self.this_unit(Unit::Day, 1)),
            Lex::Last if self.lx(i + 1) == Lex::Tod(3) => (i + 1, self.this_unit(Unit::Day, -1)),
            Lex::Weekday(_) if self.cap(i) => {
                // "Monday night", "Friday, Jan. 24, morning": resolving the
                // weekday alone (the tense) is only worth it before a part of day.
                let (e, pt) = match self.weekday_dated(i)? {
                    (_, Some(dated)) => dated,
                    (_, None) if matches!(self.lx(i + 1), Lex::Tod(_)) => self.weekday(i)?,
                    (_, None) => return None,
                };
                (e, Some(pt))
            }
            _ => return None,
        };
        let Lex::Tod(t) = self.lx(k) else { return None };
        self.tod_found(i, k + 1, day?, t)
    }

    fn tod_found(&self, s: usize, e: usize, day: Pt, t: u8) -> Option<Found> {
        let d = match day {
            Pt::Day(d) => crate::resolve::ymd(d),
            Pt::Raw(r) => r,
            _ => return None,
        };
        Some(Found {
            s,
            e,
            kind: TimexType::Time,
            value: format!("{d}T{}", TOD[usize::from(t).min(3)]),
            modifier: None,
        })
    }

    /// Clock times with an optional zone and day after them.
    fn clock(&self, i: usize) -> Option<Found> {
        let (mut h, mut mi, mut j, mut explicit) = (0u32, 0u32, i, false);
        match self.lx(i) {
            Lex::Noon => {
                h = 12;
                j = i + 1;
                explicit = true;
            }
            Lex::Midnight => {
                h = 24;
                j = i + 1;
                explicit = true;
            }
            _ => {}
        }
        if !explicit {
            let (hv, hd, sfx) = match self.kind(i)? {
                Kind::Num {
                    val,
                    digits: 1..=2,
                    sfx,
                } if self.joined(i) => (val, 2, sfx),
                _ => return None,
            };
            let _ = hd;
            h = hv;
            j = i + 1;
            let mut has_min = false;
            if sfx == Sfx::None && self.punct(j, b':') && self.tight(j) && self.tight(j + 1) {
                match self.kind(j + 1)? {
                    Kind::Num {
                        val,
                        digits: 2,
                        sfx: s2,
                    } if val < 60 => {
                        mi = val;
                        j += 2;
                        has_min = true;
                        if s2 == Sfx::Am || s2 == Sfx::Pm {
                            h = ampm(h, s2 == Sfx::Pm)?;
                            explicit = true;
                        }
                    }
                    _ => return None,
                }
            } else if sfx == Sfx::Am || sfx == Sfx::Pm {
                h = ampm(h, sfx == Sfx::Pm)?;
                explicit = true;
            } else if sfx != Sfx::None {
                return None;
            }
            if !explicit {
                // "a.m." / "p.m." / "am" / "pm" as separate tokens
                if let Some((e, pm)) = self.ampm_words(j) {
                    h = ampm(h, pm)?;
                    j = e;
                    explicit = true;
                }
            }
            if !explicit {
                // "14:30 GMT", "at 14:30"
                let prev_at =
                    i > 0 && matches!(self.lx_raw(i - 1), Lex::At | Lex::Prep | Lex::From);
                if !(has_min && h < 24 && (prev_at || self.lx(j) == Lex::Zone)) {
                    return None;
                }
            }
            if h > 24 {
                return None;
            }
        }
        if self.lx(j) == Lex::Zone {
            j += 1;
        }
        // day after: "Wednesday", ", Nov. 9", "today", "yesterday"
        let mut k = j;
        if self.punct(k, b',') {
            k += 1;
        }
        let mut day = None;
        match self.lx(k) {
            Lex::Today
            | Lex::Tomorrow
            | Lex::Yesterday
            | Lex::Weekday(_)
            | Lex::Month(_)
            | Lex::MonAbbr(_) => {
                if let Some((e, pt)) = self
                    .relative_day(k)
                    .or_else(|| self.weekday(k))
                    .or_else(|| self.month_date(k))
                    && matches!(pt, Pt::Day(_))
                {
                    day = Some(pt);
                    j = e;
                }
            }
            _ => {}
        }
        let day = match day {
            Some(d) => d,
            None => self.this_unit(Unit::Day, 0)?,
        };
        let d = match day {
            Pt::Day(d) => crate::resolve::ymd(d),
            Pt::Raw(r) => r,
            _ => return None,
        };
        let value = if mi == 0 && (self.lx(i) == Lex::Noon || self.lx(i) == Lex::Midnight) {
            format!("{d}T{h:02}:00")
        } else {
            format!("{d}T{h:02}:{mi:02}")
        };
        Some(Found {
            s: i,
            e: j,
            kind: TimexType::Time,
            value,
            modifier: None,
        })
    }

    /// "a.m.", "p.m.", "am", "pm" at `j`.
    fn ampm_words(&self, j: usize) -> Option<(usize, bool)> {
        let t = self.toks.get(j)?;
        if t.kind != Kind::Word || t.ws >= 2 {
            return None;
        }
        let w = self.text.as_bytes().get(t.start..t.end)?;
        if w.eq_ignore_ascii_case(b"am") || w.eq_ignore_ascii_case(b"pm") {
            return Some((j + 1, w[0].eq_ignore_ascii_case(&b'p')));
        }
        if (w.eq_ignore_ascii_case(b"a") || w.eq_ignore_ascii_case(b"p"))
            && self.punct(j + 1, b'.')
            && self.word_is(j + 2, "m")
        {
            let e = if self.punct(j + 3, b'.') && self.tight(j + 3) {
                j + 4
            } else {
                j + 3
            };
            return Some((e, w[0].eq_ignore_ascii_case(&b'p')));
        }
        None
    }

    // ---- PRESENT_REF, PAST_REF, FUTURE_REF -------------------------------

    fn refs(&self, i: usize) -> Option<Found> {
        let r = |e: usize, v: &str| {
            Some(Found {
                s: i,
                e,
                kind: TimexType::Date,
                value: v.to_string(),
                modifier: None,
            })
        };
        match self.lx(i) {
            Lex::Right if self.lx(i + 1) == Lex::Now => r(i + 2, "PRESENT_REF"),
            Lex::Now => {
                // "now-defunct" is an adjective prefix; "from now" belongs to a duration.
                if self.punct(i + 1, b'-') && self.tight(i + 1) {
                    return None;
                }
                r(i + 1, "PRESENT_REF")
            }
            Lex::PresentRef => r(i + 1, "PRESENT_REF"),
            Lex::PastRef => r(i + 1, "PAST_REF"),
            Lex::Current => {
                // "current account", "electric current" are not timexes: the
                // adjective needs a determiner or possessive before it.
                // "the nation's current levels"
                let possessive = i >= 2 && self.word_is(i - 1, "s") && self.punct(i - 2, b'\'');
                let det = possessive
                    || i > 0
                        && (self.lx_raw(i - 1) == Lex::The
                            || ["its", "their", "his", "her", "our", "your", "whose", "the"]
                                .iter()
                                .any(|w| self.word_is(i - 1, w)));
                if !det && !self.cap(i) {
                    return None;
                }
                let next = self.toks.get(i + 1)?;
                if next.kind != Kind::Word
                    || self.word_is(i + 1, "account")
                    || self.word_is(i + 1, "accounts")
                {
                    return None;
                }
                if matches!(self.lx(i + 1), Lex::Unit(_) | Lex::Year) {
                    return None;
                }
                r(i + 1, "PRESENT_REF")
            }
            Lex::Recent => {
                if let Some((e, _, true)) = self.unit(i + 1) {
                    return r(e, "PAST_REF");
                }
                if self.lx(i + 1) == Lex::Past || self.lx(i + 1) == Lex::Weekdays(1) {
                    return None;
                }
                r(i + 1, "PAST_REF")
            }
            // "soon after the war" is anchored to the war, not to now.
            Lex::Soon if matches!(self.lx(i + 1), Lex::After | Lex::Before) => None,
            Lex::Soon => {
                if i > 0 && matches!(self.lx_raw(i - 1), Lex::None) && self.word_is(i - 1, "as") {
                    return None;
                }
                r(i + 1, "FUTURE_REF")
            }
            // A bare "future" is mostly an adjective ("future talks"); only
            // "the (near) future" is a timex.
            Lex::Future => None,
            Lex::The => match self.lx(i + 1) {
                // "the future of the alliance" is not a time
                Lex::Future if self.lx(i + 2) != Lex::Of => r(i + 2, "FUTURE_REF"),
                Lex::Past
                    if !matches!(
                        self.lx(i + 2),
                        Lex::Unit(_)
                            | Lex::Units(_)
                            | Lex::Year
                            | Lex::Day
                            | Lex::Days
                            | Lex::Num(_)
                            | Lex::Few
                            | Lex::Several
                            | Lex::Couple
                            | Lex::A
                            | Lex::Weekday(_)
                            | Lex::Month(_)
                            | Lex::Season(_)
                            | Lex::Seasons(_)
                            | Lex::DecadeWord(_)
                    ) && !matches!(self.kind(i + 2), Some(Kind::Num { .. })) =>
                {
                    r(i + 2, "PAST_REF")
                }
                Lex::Coming => match self.unit(i + 2) {
                    Some((e, _, true)) => r(e, "FUTURE_REF"),
                    _ => None,
                },
                Lex::Units(_) | Lex::Days if self.lx(i + 2) == Lex::Ahead => r(i + 3, "FUTURE_REF"),
                Lex::Late if self.lx(i + 2) == Lex::Future => r(i + 3, "FUTURE_REF"),
                Lex::None if self.word_is(i + 1, "near") && self.lx(i + 2) == Lex::Future => {
                    r(i + 3, "FUTURE_REF")
                }
                _ => None,
            },
            Lex::Coming => match self.unit(i + 1) {
                Some((e, _, true)) if i > 0 && self.lx_raw(i - 1) != Lex::The => r(e, "FUTURE_REF"),
                _ => None,
            },
            Lex::These if self.lx(i + 1) == Lex::Days => r(i + 2, "PRESENT_REF"),
            _ => None,
        }
    }
}

/// TIMEX3 part-of-day codes, indexed like `Lex::Tod`.
const TOD: [&str; 4] = ["MO", "AF", "EV", "NI"];

fn ampm(h: u32, pm: bool) -> Option<u32> {
    match (h, pm) {
        (1..=11, true) => Some(h + 12),
        (12, true) => Some(12),
        (12, false) => Some(0),
        (1..=11, false) => Some(h),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::{Lexicon, tokenize};

    /// Every rule, in the order of [`Rule`].
    const ALL: [Rule; 22] = [
        Rule::QuantityMod,
        Rule::PartOf,
        Rule::MonthDate,
        Rule::DayMonth,
        Rule::NumericDate,
        Rule::YearExpr,
        Rule::Decade,
        Rule::Century,
        Rule::Quarter,
        Rule::Season,
        Rule::Holiday,
        Rule::RelativeDay,
        Rule::RelUnit,
        Rule::Weekday,
        Rule::TheNth,
        Rule::YearAgoAdj,
        Rule::WeekOfDate,
        Rule::Ago,
        Rule::Duration,
        Rule::Set,
        Rule::Time,
        Rule::Refs,
    ];

    /// Does rule `r` match at `i`?
    fn matches(p: &P, r: Rule, i: usize) -> bool {
        match r {
            Rule::QuantityMod => p.quantity_mod(i).is_some(),
            Rule::PartOf => p.part_of(i).is_some(),
            Rule::MonthDate => p.month_date(i).is_some(),
            Rule::DayMonth => p.day_month(i).is_some(),
            Rule::NumericDate => p.numeric_date(i).is_some(),
            Rule::YearExpr => p.year_expr(i).is_some(),
            Rule::Decade => p.decade(i).is_some(),
            Rule::Century => p.century(i).is_some(),
            Rule::Quarter => p.quarter(i).is_some(),
            Rule::Season => p.season(i).is_some(),
            Rule::Holiday => p.holiday(i).is_some(),
            Rule::RelativeDay => p.relative_day(i).is_some(),
            Rule::RelUnit => p.rel_unit(i).is_some(),
            Rule::Weekday => p.weekday(i).is_some(),
            Rule::TheNth => p.the_nth(i).is_some(),
            Rule::YearAgoAdj => p.year_ago_adj(i).is_some(),
            Rule::WeekOfDate => p.week_of_date(i).is_some(),
            Rule::Ago => p.ago(i).is_some(),
            Rule::Duration => p.duration(i).is_some(),
            Rule::Set => p.set(i).is_some(),
            Rule::Time => p.time(i).is_some(),
            Rule::Refs => p.refs(i).is_some(),
        }
    }

    /// Checks at every token of `text`, with and without a DCT and an
    /// anchor, that every rule that matches is one `rules_at` lists.
    /// Returns how many matches were seen. With `upto`, only the tokens
    /// before it are checked.
    fn check_index(text: &str, lexicon: &Lexicon, upto: Option<usize>) -> usize {
        let toks = tokenize(text, lexicon);
        let dct = date(2025, 1, 13);
        let mut seen = 0;
        for (dct, anchor) in [
            (dct, None),
            (dct, dct.map(|d| (d, Gran::Day))),
            (None, dct.map(|d| (d, Gran::Month))),
        ] {
            let p = P {
                text,
                toks: &toks,
                dct,
                start: std::cell::Cell::new(0),
                anchor: std::cell::Cell::new(anchor),
            };
            for i in 0..=upto.unwrap_or(toks.len()).min(toks.len()) {
                for start in [i, 0] {
                    p.start.set(start);
                    let listed = p.rules_at(i);
                    for r in ALL {
                        if matches(&p, r, i) {
                            seen += 1;
                            let t = toks.get(i);
                            assert!(
                                listed.has(r),
                                "{r:?} matches at {:?} ({:?}) but rules_at leaves it out; text {text:?}",
                                t.map(|t| &text[t.start..t.end]),
                                t.map(|t| (t.kind, t.lex)),
                            );
                        }
                    }
                }
            }
        }
        seen
    }

    /// Checks that reading only at the tokens the tokenizer marks
    /// ([`Tok::read`]) finds what reading at every token finds.
    fn check_starts(text: &str, lexicon: &Lexicon) {
        let toks = tokenize(text, lexicon);
        let mut every = toks.clone();
        for t in &mut every {
            t.read = true;
        }
        for dct in [date(2025, 1, 13), None] {
            let marked = format!("{:?}", scan(text, &toks, dct));
            let all = format!("{:?}", scan(text, &every, dct));
            assert_eq!(marked, all, "{text}");
        }
    }

    #[test]
    fn starts_find_what_every_token_finds() {
        let lexicon = Lexicon::new();
        for text in [
            "The inauguration on January 20 ended. The inauguration week was busy.",
            "They met on Jan. 20; the \u{e9}t week after, no more than 3 days. NO MORE!",
            "He left Monday. A caf\u{e9} week, the summit day, 1990s day and no more than a year.",
        ] {
            check_starts(text, &lexicon);
        }
    }

    #[test]
    fn rule_list_is_complete() {
        assert_eq!(ALL.len(), Rule::Refs as usize + 1);
        assert_eq!(Rules::of(&ALL), Rules((1 << ALL.len()) - 1));
        for (k, r) in ALL.iter().enumerate() {
            assert_eq!(*r as usize, k);
        }
    }

    /// The rule index on the case table, our articles and, when present,
    /// the shared corpora.
    #[test]
    fn index_is_sound_on_texts() {
        let lexicon = Lexicon::new();
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
        let mut texts = Vec::new();
        let cases = std::fs::read_to_string(format!("{root}/testdata/timex.toml"))
            .expect("testdata/timex.toml is readable");
        let cases: toml::Table = cases.parse().expect("timex.toml parses");
        for c in cases["case"].as_array().expect("cases") {
            texts.push(c["text"].as_str().expect("case text").to_string());
        }
        for dir in ["testdata/articles", "../shared/corpus/modern"] {
            let Ok(entries) = std::fs::read_dir(format!("{root}/{dir}")) else {
                continue;
            };
            for e in entries.flatten() {
                if e.path().extension().is_some_and(|x| x == "txt") {
                    texts.push(std::fs::read_to_string(e.path()).expect("readable"));
                }
            }
        }
        for f in ["timebank.jsonl", "aquaint.jsonl"] {
            let Ok(src) = std::fs::read_to_string(format!("{root}/../shared/corpus/timebank/{f}"))
            else {
                continue;
            };
            for line in src.lines() {
                let v: serde_json::Value = serde_json::from_str(line).expect("json line");
                texts.push(v["text"].as_str().unwrap_or_default().to_string());
            }
        }
        let seen: usize = texts.iter().map(|t| check_index(t, &lexicon, None)).sum();
        for t in &texts {
            check_starts(t, &lexicon);
        }
        assert!(
            seen > 1000,
            "only {seen} matches: the test texts are missing"
        );
    }

    /// The words and numbers of the word soup: one spelling of each meaning
    /// of the word table, lowercase and capitalized, words the rules spell
    /// out, and numbers and marks of every shape the rules look at.
    fn soup_vocabulary() -> Vec<String> {
        let mut vocab: Vec<String> = Vec::new();
        let mut meanings = Vec::new();
        for (w, lex) in crate::token::WORDS {
            if meanings.contains(lex) {
                continue;
            }
            meanings.push(*lex);
            vocab.push(w.to_string());
            let mut cap = w.to_string();
            cap[..1].make_ascii_uppercase();
            vocab.push(cap);
        }
        for w in [
            "no",
            "same",
            "near",
            "comparable",
            "corresponding",
            "latest",
            "s",
            "USA",
            "am",
            "pm",
            "a",
            "p",
            "m",
            "old",
            "period",
            "Sunday",
            "as",
            "took",
            "account",
            "pre",
            "post",
            "its",
            "The",
            "Year",
            "Day",
            "Eve",
            "Quarter",
            "1",
            "2",
            "3",
            "4",
            "7",
            "12",
            "20",
            "24",
            "31",
            "45",
            "59",
            "99",
            "100",
            "500",
            "2000",
            "1990",
            "2025",
            "12345",
            "1234567",
            "1st",
            "2nd",
            "3rd",
            "4th",
            "20th",
            "21st",
            "1990s",
            "90s",
            "3pm",
            "11am",
            "10AM",
            "3D",
            ",",
            ".",
            "-",
            "'",
            "/",
            ":",
            "%",
            "$",
            "’",
            "–",
            "\n\n",
        ] {
            vocab.push(w.to_string());
        }
        vocab
    }

    /// The rule index on runs of temporal words, numbers and punctuation,
    /// where rules meet in ways real texts rarely show: every pair of
    /// soup words followed by random ones, "the" and every pair, then
    /// random runs.
    #[test]
    fn index_is_sound_on_word_soup() {
        let lexicon = Lexicon::new();
        let vocab = soup_vocabulary();
        // xorshift: a fixed, reproducible sequence
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n as u64) as usize
        };
        let mut seen = 0;
        let mut text = String::new();
        let push = |text: &mut String, w: &str, sep: usize| {
            match sep {
                0 => {}
                1 => text.push_str("\n\n"),
                _ => text.push(' '),
            }
            text.push_str(w);
        };
        for a in &vocab {
            for b in &vocab {
                text.clear();
                text.push_str(a);
                push(&mut text, b, next(8));
                for _ in 0..4 {
                    push(&mut text, &vocab[next(vocab.len())], next(8));
                }
                seen += check_index(&text, &lexicon, Some(1));
            }
        }
        // "the" depends most on what follows: every pair after it too
        for b in &vocab {
            for c in &vocab {
                text.clear();
                text.push_str("the");
                push(&mut text, b, 2);
                push(&mut text, c, next(8));
                for _ in 0..3 {
                    push(&mut text, &vocab[next(vocab.len())], next(8));
                }
                seen += check_index(&text, &lexicon, Some(0));
            }
        }
        for _ in 0..5000 {
            text.clear();
            for _ in 0..12 {
                push(&mut text, &vocab[next(vocab.len())], next(8));
            }
            seen += check_index(&text, &lexicon, None);
            check_starts(&text, &lexicon);
        }
        assert!(seen > 1000, "only {seen} matches");
    }
}
