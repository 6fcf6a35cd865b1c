//! The tokenizer and the word table the grammar reads.
//!
//! One pass over the bytes splits ASCII letter/digit runs into tokens and
//! keeps punctuation as one-byte tokens (a few typographic marks such as `’`
//! and `–` are folded into their ASCII counterparts). Every word is looked up
//! once in a small hash table ([`Lex`]); most words of a news text are not
//! temporal and get [`Lex::None`], which lets the grammar skip them at once.
//!
//! Tokens only ever start and end on ASCII bytes, so every span the grammar
//! builds from them lies on `char` boundaries.
//!
//! ```ignore
//! let toks = tokenize("On Jan. 20, 2025", &LEXICON);
//! assert_eq!(toks.len(), 7); // On Jan . 20 , 2025
//! ```

use std::hash::Hasher;

use tacitus_text::{ascii_word_end, non_word_bytes};

/// A unit of time, as used in durations and relative expressions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Weekend,
    Fortnight,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

/// What a word means to the grammar.
#[derive(Clone, Copy, Debug, Eq)]
pub(crate) enum Lex {
    None,
    Month(u8),
    MonAbbr(u8),
    Weekday(u8),
    Weekdays(u8),
    Unit(Unit),
    Units(Unit),
    // u16, not u32: a `Lex` then takes four bytes, and an [`Entry`] fits
    // in a register (it was returned through memory at every word)
    Num(u16),
    Ord(u16),
    Season(u8),
    Seasons(u8),
    Tod(u8),
    DecadeWord(u16),
    QuarterTag(u8),
    The,
    This,
    That,
    These,
    A,
    Last,
    Next,
    Past,
    Coming,
    Previous,
    Following,
    Current,
    Recent,
    Early,
    Mid,
    Late,
    Earlier,
    Later,
    Ago,
    Beginning,
    Middle,
    End,
    Half,
    Fiscal,
    Every,
    Each,
    Per,
    Of,
    In,
    On,
    At,
    For,
    Few,
    Several,
    Many,
    Some,
    Couple,
    Dozen,
    Today,
    Yesterday,
    Tomorrow,
    Tonight,
    Overnight,
    Now,
    PresentRef,
    PastRef,
    Soon,
    Future,
    Noon,
    Midnight,
    SetAdv(Unit),
    Approx,
    More,
    Less,
    Than,
    Over,
    Under,
    Least,
    Most,
    Up,
    To,
    Within,
    From,
    Before,
    After,
    Ahead,
    And,
    Or,
    Year,
    Christmas,
    Thanksgiving,
    Halloween,
    Easter,
    New,
    Eve,
    Day,
    Independence,
    Zone,
    Prep,
    Nearly,
    Another,
    Other,
    Full,
    Entire,
    Right,
    Days,
    Ending,
    Hundred,
    Thousand,
}

impl Lex {
    /// The number a meaning carries (0 for those without one).
    #[inline(always)]
    fn payload(self) -> u32 {
        match self {
            Lex::Month(x)
            | Lex::MonAbbr(x)
            | Lex::Weekday(x)
            | Lex::Weekdays(x)
            | Lex::Season(x)
            | Lex::Seasons(x)
            | Lex::Tod(x)
            | Lex::QuarterTag(x) => u32::from(x),
            Lex::Unit(u) | Lex::Units(u) | Lex::SetAdv(u) => u as u32,
            Lex::Num(n) | Lex::Ord(n) => u32::from(n),
            Lex::DecadeWord(d) => u32::from(d),
            _ => 0,
        }
    }
}

impl Lex {
    /// Can an expression start at a word of this meaning? `false` for
    /// words outside the table and for those that only ever continue an
    /// expression ("of", "day", "morning"); [`crate::grammar`] reads only
    /// from the other words (and numbers), which the tokenizer marks.
    #[inline(always)]
    pub(crate) fn may_open(self) -> bool {
        !matches!(
            self,
            Lex::None
                | Lex::Of
                | Lex::In
                | Lex::On
                | Lex::For
                | Lex::To
                | Lex::And
                | Lex::Or
                | Lex::Prep
                | Lex::From
                | Lex::Before
                | Lex::After
                | Lex::Than
                | Lex::Most
                | Lex::Least
                | Lex::Other
                | Lex::Another
                | Lex::Ending
                | Lex::Eve
                | Lex::Day
                | Lex::Zone
                | Lex::Hundred
                | Lex::Thousand
                | Lex::Ahead
                | Lex::Full
                | Lex::Entire
                | Lex::Half
                | Lex::Tod(_)
                | Lex::Future
        )
    }

    /// Does the grammar read at the token before a word of this meaning?
    /// At a noun before "week" or "day" ("the inauguration week"), and at
    /// "no" before "more" ("no more than"); reading at other tokens before
    /// these words finds nothing, so they are not told apart here.
    #[inline(always)]
    fn reads_before(self) -> bool {
        matches!(self, Lex::Unit(Unit::Week) | Lex::Day | Lex::More)
    }
}

/// As derived, but inlined: the grammar compares meanings at every step
/// (`lx(i) == Lex::The`), and the derived function was an out-of-line call.
impl PartialEq for Lex {
    #[inline(always)]
    fn eq(&self, other: &Lex) -> bool {
        std::mem::discriminant(self) == std::mem::discriminant(other)
            && self.payload() == other.payload()
    }
}

/// Words and what they mean. `Prep` words only matter for the month guard.
pub(crate) const WORDS: &[(&str, Lex)] = &[
    ("january", Lex::Month(1)),
    ("february", Lex::Month(2)),
    ("march", Lex::Month(3)),
    ("april", Lex::Month(4)),
    ("may", Lex::Month(5)),
    ("june", Lex::Month(6)),
    ("july", Lex::Month(7)),
    ("august", Lex::Month(8)),
    ("september", Lex::Month(9)),
    ("october", Lex::Month(10)),
    ("november", Lex::Month(11)),
    ("december", Lex::Month(12)),
    ("jan", Lex::MonAbbr(1)),
    ("feb", Lex::MonAbbr(2)),
    ("mar", Lex::MonAbbr(3)),
    ("apr", Lex::MonAbbr(4)),
    ("jun", Lex::MonAbbr(6)),
    ("jul", Lex::MonAbbr(7)),
    ("aug", Lex::MonAbbr(8)),
    ("sep", Lex::MonAbbr(9)),
    ("sept", Lex::MonAbbr(9)),
    ("oct", Lex::MonAbbr(10)),
    ("nov", Lex::MonAbbr(11)),
    ("dec", Lex::MonAbbr(12)),
    ("monday", Lex::Weekday(1)),
    ("tuesday", Lex::Weekday(2)),
    ("wednesday", Lex::Weekday(3)),
    ("thursday", Lex::Weekday(4)),
    ("friday", Lex::Weekday(5)),
    ("saturday", Lex::Weekday(6)),
    ("sunday", Lex::Weekday(7)),
    ("mondays", Lex::Weekdays(1)),
    ("tuesdays", Lex::Weekdays(2)),
    ("wednesdays", Lex::Weekdays(3)),
    ("thursdays", Lex::Weekdays(4)),
    ("fridays", Lex::Weekdays(5)),
    ("saturdays", Lex::Weekdays(6)),
    ("sundays", Lex::Weekdays(7)),
    ("second", Lex::Ord(2)),
    ("seconds", Lex::Units(Unit::Second)),
    ("minute", Lex::Unit(Unit::Minute)),
    ("minutes", Lex::Units(Unit::Minute)),
    ("hour", Lex::Unit(Unit::Hour)),
    ("hours", Lex::Units(Unit::Hour)),
    ("day", Lex::Day),
    ("days", Lex::Days),
    ("week", Lex::Unit(Unit::Week)),
    ("weeks", Lex::Units(Unit::Week)),
    ("weekend", Lex::Unit(Unit::Weekend)),
    ("weekends", Lex::Units(Unit::Weekend)),
    ("fortnight", Lex::Unit(Unit::Fortnight)),
    ("month", Lex::Unit(Unit::Month)),
    ("months", Lex::Units(Unit::Month)),
    ("quarter", Lex::Unit(Unit::Quarter)),
    ("quarters", Lex::Units(Unit::Quarter)),
    ("year", Lex::Year),
    ("years", Lex::Units(Unit::Year)),
    ("decade", Lex::Unit(Unit::Decade)),
    ("decades", Lex::Units(Unit::Decade)),
    ("century", Lex::Unit(Unit::Century)),
    ("centuries", Lex::Units(Unit::Century)),
    ("one", Lex::Num(1)),
    ("two", Lex::Num(2)),
    ("three", Lex::Num(3)),
    ("four", Lex::Num(4)),
    ("five", Lex::Num(5)),
    ("six", Lex::Num(6)),
    ("seven", Lex::Num(7)),
    ("eight", Lex::Num(8)),
    ("nine", Lex::Num(9)),
    ("ten", Lex::Num(10)),
    ("eleven", Lex::Num(11)),
    ("twelve", Lex::Num(12)),
    ("thirteen", Lex::Num(13)),
    ("fourteen", Lex::Num(14)),
    ("fifteen", Lex::Num(15)),
    ("sixteen", Lex::Num(16)),
    ("seventeen", Lex::Num(17)),
    ("eighteen", Lex::Num(18)),
    ("nineteen", Lex::Num(19)),
    ("twenty", Lex::Num(20)),
    ("thirty", Lex::Num(30)),
    ("forty", Lex::Num(40)),
    ("fifty", Lex::Num(50)),
    ("sixty", Lex::Num(60)),
    ("seventy", Lex::Num(70)),
    ("eighty", Lex::Num(80)),
    ("ninety", Lex::Num(90)),
    ("hundred", Lex::Hundred),
    ("thousand", Lex::Thousand),
    ("dozen", Lex::Dozen),
    ("first", Lex::Ord(1)),
    ("third", Lex::Ord(3)),
    ("fourth", Lex::Ord(4)),
    ("fifth", Lex::Ord(5)),
    ("sixth", Lex::Ord(6)),
    ("seventh", Lex::Ord(7)),
    ("eighth", Lex::Ord(8)),
    ("ninth", Lex::Ord(9)),
    ("tenth", Lex::Ord(10)),
    ("eleventh", Lex::Ord(11)),
    ("twelfth", Lex::Ord(12)),
    ("thirteenth", Lex::Ord(13)),
    ("fourteenth", Lex::Ord(14)),
    ("fifteenth", Lex::Ord(15)),
    ("sixteenth", Lex::Ord(16)),
    ("seventeenth", Lex::Ord(17)),
    ("eighteenth", Lex::Ord(18)),
    ("nineteenth", Lex::Ord(19)),
    ("twentieth", Lex::Ord(20)),
    ("thirtieth", Lex::Ord(30)),
    ("twenties", Lex::DecadeWord(2)),
    ("thirties", Lex::DecadeWord(3)),
    ("forties", Lex::DecadeWord(4)),
    ("fifties", Lex::DecadeWord(5)),
    ("sixties", Lex::DecadeWord(6)),
    ("seventies", Lex::DecadeWord(7)),
    ("eighties", Lex::DecadeWord(8)),
    ("nineties", Lex::DecadeWord(9)),
    ("spring", Lex::Season(0)),
    ("summer", Lex::Season(1)),
    ("fall", Lex::Season(2)),
    ("autumn", Lex::Season(2)),
    ("winter", Lex::Season(3)),
    ("springs", Lex::Seasons(0)),
    ("summers", Lex::Seasons(1)),
    ("autumns", Lex::Seasons(2)),
    ("winters", Lex::Seasons(3)),
    ("morning", Lex::Tod(0)),
    ("afternoon", Lex::Tod(1)),
    ("evening", Lex::Tod(2)),
    ("night", Lex::Tod(3)),
    ("q1", Lex::QuarterTag(1)),
    ("q2", Lex::QuarterTag(2)),
    ("q3", Lex::QuarterTag(3)),
    ("q4", Lex::QuarterTag(4)),
    ("the", Lex::The),
    ("this", Lex::This),
    ("that", Lex::That),
    ("these", Lex::These),
    ("a", Lex::A),
    ("an", Lex::A),
    ("last", Lex::Last),
    ("next", Lex::Next),
    ("past", Lex::Past),
    ("coming", Lex::Coming),
    ("upcoming", Lex::Coming),
    ("previous", Lex::Previous),
    ("prior", Lex::Previous),
    ("preceding", Lex::Previous),
    ("following", Lex::Following),
    ("current", Lex::Current),
    ("recent", Lex::Recent),
    ("early", Lex::Early),
    ("mid", Lex::Mid),
    ("late", Lex::Late),
    ("earlier", Lex::Earlier),
    ("later", Lex::Later),
    ("ago", Lex::Ago),
    ("beginning", Lex::Beginning),
    ("start", Lex::Beginning),
    ("middle", Lex::Middle),
    ("end", Lex::End),
    ("close", Lex::End),
    ("half", Lex::Half),
    ("fiscal", Lex::Fiscal),
    ("every", Lex::Every),
    ("each", Lex::Each),
    ("per", Lex::Per),
    ("of", Lex::Of),
    ("in", Lex::In),
    ("on", Lex::On),
    ("at", Lex::At),
    ("for", Lex::For),
    ("few", Lex::Few),
    ("several", Lex::Several),
    ("many", Lex::Many),
    ("some", Lex::Some),
    ("couple", Lex::Couple),
    ("today", Lex::Today),
    ("yesterday", Lex::Yesterday),
    ("tomorrow", Lex::Tomorrow),
    ("tonight", Lex::Tonight),
    ("overnight", Lex::Overnight),
    ("now", Lex::Now),
    ("currently", Lex::PresentRef),
    ("nowadays", Lex::PresentRef),
    ("presently", Lex::PresentRef),
    ("recently", Lex::PastRef),
    ("lately", Lex::PastRef),
    ("soon", Lex::Soon),
    ("future", Lex::Future),
    ("noon", Lex::Noon),
    ("midday", Lex::Noon),
    ("midnight", Lex::Midnight),
    ("daily", Lex::SetAdv(Unit::Day)),
    ("nightly", Lex::SetAdv(Unit::Day)),
    ("weekly", Lex::SetAdv(Unit::Week)),
    ("monthly", Lex::SetAdv(Unit::Month)),
    ("annually", Lex::SetAdv(Unit::Year)),
    ("yearly", Lex::SetAdv(Unit::Year)),
    ("hourly", Lex::SetAdv(Unit::Hour)),
    ("about", Lex::Approx),
    ("around", Lex::Approx),
    ("roughly", Lex::Approx),
    ("approximately", Lex::Approx),
    ("nearly", Lex::Nearly),
    ("almost", Lex::Nearly),
    ("more", Lex::More),
    ("less", Lex::Less),
    ("fewer", Lex::Less),
    ("than", Lex::Than),
    ("over", Lex::Over),
    ("under", Lex::Under),
    ("least", Lex::Least),
    ("most", Lex::Most),
    ("up", Lex::Up),
    ("to", Lex::To),
    ("within", Lex::Within),
    ("from", Lex::From),
    ("before", Lex::Before),
    ("after", Lex::After),
    ("ahead", Lex::Ahead),
    ("and", Lex::And),
    ("or", Lex::Or),
    ("christmas", Lex::Christmas),
    ("thanksgiving", Lex::Thanksgiving),
    ("halloween", Lex::Halloween),
    ("easter", Lex::Easter),
    ("new", Lex::New),
    ("eve", Lex::Eve),
    ("independence", Lex::Independence),
    ("est", Lex::Zone),
    ("edt", Lex::Zone),
    ("cst", Lex::Zone),
    ("cdt", Lex::Zone),
    ("mst", Lex::Zone),
    ("pst", Lex::Zone),
    ("pdt", Lex::Zone),
    ("gmt", Lex::Zone),
    ("utc", Lex::Zone),
    ("et", Lex::Zone),
    ("since", Lex::Prep),
    ("until", Lex::Prep),
    ("till", Lex::Prep),
    ("by", Lex::Prep),
    ("through", Lex::Prep),
    ("during", Lex::Prep),
    ("between", Lex::Prep),
    ("throughout", Lex::Prep),
    ("another", Lex::Another),
    ("other", Lex::Other),
    ("full", Lex::Full),
    ("whole", Lex::Entire),
    ("entire", Lex::Entire),
    ("right", Lex::Right),
    ("ending", Lex::Ending),
    ("ended", Lex::Ending),
];

/// A fast hasher for short ASCII keys (FxHash's mixing step), used by the
/// tense cue table.
#[derive(Default)]
pub(crate) struct Fx(u64);

impl Hasher for Fx {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut buf = [0u8; 8];
            buf[..chunk.len()].copy_from_slice(chunk);
            self.write_u64(u64::from_le_bytes(buf));
        }
    }
    /// One step of [`Hasher::write`]'s loop, without the copy.
    #[inline]
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

/// The word table: lowercase ASCII word → meaning.
///
/// A cuckoo hash table keyed by the word's (at most 16) lowercased bytes
/// packed in two `u64`: a word is in one of two slots, both given by one
/// multiply, so a lookup reads both and picks the entry that matches
/// without a jump. Every word of every text is looked up, and whether it is
/// in the table is as good as random from one word to the next: a branch on
/// it (or on a probe going on) was mispredicted often.
///
/// The tables have a fixed size and sit behind one pointer, so that the
/// tokenizer's loop keeps one register for them and indexes them without
/// bounds checks (a masked index is always in range).
pub(crate) struct Lexicon {
    t: Box<Tables>,
}

/// The tables of a [`Lexicon`].
struct Tables {
    /// For the first two bytes of a word (each `& 31`, so case-blind), the
    /// lengths of the table's words that start so, as bits: most long words
    /// of a text are ruled out by this one load, without reading on.
    lengths: [u32; 32 * 32],
    /// The cuckoo table, [`SLOTS`] long.
    slots: [Slot; SLOTS],
    /// The second half of the key (`b`) of the word in each slot, kept
    /// apart: only a word of eight bytes or more needs it, and a slot
    /// without it is 16 bytes, so that a short word's lookup touches less of
    /// the table (most of which is not in the cache at the start of a text).
    tails: [u64; SLOTS],
}

impl Tables {
    /// Puts `new` in the cuckoo table: in its first slot, and a word it
    /// moves out into that word's other slot, and so on. `false` if that
    /// goes on for more than [`MAX_MOVES`] words.
    fn insert(&mut self, new: Slot, tail: u64) -> bool {
        let (mut cur, mut tail) = (new, tail);
        let mut i = slots_of(cur.a, tail)[0];
        for _ in 0..MAX_MOVES {
            std::mem::swap(&mut self.slots[i], &mut cur);
            std::mem::swap(&mut self.tails[i], &mut tail);
            if cur.a == 0 {
                return true;
            }
            let [h1, h2] = slots_of(cur.a, tail);
            i = if i == h1 { h2 } else { h1 };
        }
        false
    }
}

/// The size of the word table: a power of two, loaded under one half so
/// that the cuckoo insertion settles quickly (1024 slots of 16 bytes).
const SLOTS: usize = 1024;

/// The index into [`Lexicon::lengths`] of a word starting with `b0` and
/// then `b1` (0 for a one-letter word).
fn prefix_slot(b0: u8, b1: u8) -> usize {
    usize::from(b0 & 31) << 5 | usize::from(b1 & 31)
}

/// One slot of the word table: the first half of a word's key ([`key`]; 0
/// when empty) and its entry.
#[derive(Clone, Copy)]
struct Slot {
    a: u64,
    entry: Entry,
}

impl Slot {
    /// No word.
    const EMPTY: Slot = Slot {
        a: 0,
        entry: Entry::NONE,
    };
}

/// A word's meaning with what the tokenizer derives from it, computed once
/// when the table is built: deciding [`Lex::may_open`] and
/// [`Lex::reads_before`] per token took two jump tables (indirect branches
/// the predictor often misses).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Entry {
    pub(crate) lex: Lex,
    /// [`Lex::may_open`].
    pub(crate) opens: bool,
    /// [`Lex::reads_before`].
    pub(crate) before: bool,
}

impl Entry {
    /// The entry of a word outside the table.
    const NONE: Entry = Entry {
        lex: Lex::None,
        opens: false,
        before: false,
    };

    fn of(lex: Lex) -> Entry {
        Entry {
            lex,
            opens: lex.may_open(),
            before: lex.reads_before(),
        }
    }
}

/// Longest word in [`WORDS`]; longer words are never looked up.
const MAX_WORD: usize = 16;

/// The packed, lowercased key of a word, if it is short enough. Tokens
/// are ASCII letters and digits only, so setting bit 5 of every byte
/// lowercases letters and leaves digits alone (padding becomes 0x20 on both
/// sides of the comparison).
pub(crate) fn key(word: &[u8]) -> Option<(u64, u64)> {
    if word.len() > MAX_WORD || word.is_empty() {
        return None;
    }
    let mut buf = [0u8; MAX_WORD];
    buf[..word.len()].copy_from_slice(word);
    let (lo, hi) = buf.split_at(8);
    const LOWER: u64 = 0x2020_2020_2020_2020;
    Some((
        u64::from_le_bytes(lo.try_into().ok()?) | LOWER,
        u64::from_le_bytes(hi.try_into().ok()?) | LOWER,
    ))
}

/// The two slots the word with key `(a, b)` may sit in: two ranges of the
/// high bits of one multiply (the well-mixed ones).
fn slots_of(a: u64, b: u64) -> [usize; 2] {
    let h = (a ^ b.rotate_left(29)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    [
        (h >> 40) as usize & (SLOTS - 1),
        (h >> 54) as usize & (SLOTS - 1),
    ]
}

/// How many words one insertion may move before the table counts as full
/// ([`Lexicon::new`] asserts that the built-in words fit, so every test
/// that builds one checks it).
const MAX_MOVES: usize = 64;

impl Lexicon {
    pub(crate) fn new() -> Self {
        let mut t = Box::new(Tables {
            lengths: [0; 32 * 32],
            slots: [Slot::EMPTY; SLOTS],
            tails: [0; SLOTS],
        });
        for &(w, lex) in WORDS {
            let b = w.as_bytes();
            if let Some(&b0) = b.first()
                && let Some(bits) = t
                    .lengths
                    .get_mut(prefix_slot(b0, b.get(1).copied().unwrap_or(0)))
            {
                *bits |= 1 << w.len();
            }
            let Some((a, b)) = key(w.as_bytes()) else {
                continue;
            };
            let placed = t.insert(
                Slot {
                    a,
                    entry: Entry::of(lex),
                },
                b,
            );
            assert!(placed, "the built-in word table is checked by tests");
        }
        Lexicon { t }
    }

    /// The meaning of the word `text[s..e]`.
    #[cfg(test)]
    pub(crate) fn get_at(&self, text: &[u8], s: usize, e: usize) -> Lex {
        self.entry_at(text, s, e).lex
    }

    /// The [`Entry`] of the word `text[s..e]`: like [`Lexicon::entry`], but
    /// reads the key with two unaligned loads when 16 bytes are available
    /// (a variable-length copy per word shows in profiles).
    fn entry_at(&self, text: &[u8], s: usize, e: usize) -> Entry {
        let n = e.saturating_sub(s);
        if n == 0 || n > MAX_WORD {
            return Entry::NONE;
        }
        let b0 = text.get(s).copied().unwrap_or(0);
        let b1 = if n > 1 {
            text.get(s + 1).copied().unwrap_or(0)
        } else {
            0
        };
        let known = self.t.lengths[prefix_slot(b0, b1)];
        if known & (1 << n) == 0 {
            return Entry::NONE;
        }
        let (Some(lo), Some(hi)) = (text.get(s..s + 8), text.get(s + 8..s + 16)) else {
            return text.get(s..e).map_or(Entry::NONE, |w| self.entry(w));
        };
        let (Ok(lo), Ok(hi)) = (<[u8; 8]>::try_from(lo), <[u8; 8]>::try_from(hi)) else {
            return Entry::NONE;
        };
        let mask = |k: usize| {
            if k >= 8 {
                u64::MAX
            } else {
                (1u64 << (8 * k)) - 1
            }
        };
        const LOWER: u64 = 0x2020_2020_2020_2020;
        let a = (u64::from_le_bytes(lo) & mask(n)) | LOWER;
        let b = (u64::from_le_bytes(hi) & mask(n.saturating_sub(8))) | LOWER;
        self.probe(a, b)
    }

    /// The meaning of a word of `n` bytes, 1 to 7, read with what follows
    /// it as the eight bytes `head` (little-endian): no other load.
    /// Unlike a long word, not ruled out by [`Tables::lengths`] first: the
    /// jump on that test was mispredicted more often than hashing costs.
    #[inline]
    fn get_short(&self, head: u64, n: usize) -> Entry {
        const LOWER: u64 = 0x2020_2020_2020_2020;
        let a = (head & u64::MAX >> (64 - 8 * n)) | LOWER;
        let [i, j] = slots_of(a, LOWER);
        let (s, t) = (&self.t.slots[i], &self.t.slots[j]);
        // a short key has padding bytes in `a`, which the `a` of a long key
        // never has: `a` alone tells it apart, and the tail is not read
        let e = std::hint::select_unpredictable(s.a == a, s.entry, Entry::NONE);
        std::hint::select_unpredictable(t.a == a, t.entry, e)
    }

    /// The meaning of `word` (any case).
    #[cfg(test)]
    pub(crate) fn get(&self, word: &[u8]) -> Lex {
        self.entry(word).lex
    }

    /// The [`Entry`] of `word` (any case).
    fn entry(&self, word: &[u8]) -> Entry {
        let Some((a, b)) = key(word) else {
            return Entry::NONE;
        };
        self.probe(a, b)
    }

    /// The entry of the word whose key is `(a, b)`. The key alone tells
    /// words apart: its padding bytes (0x20) are never those of a letter or
    /// digit, so the length is in it.
    #[inline]
    fn probe(&self, a: u64, b: u64) -> Entry {
        let [i, j] = slots_of(a, b);
        let (s, t) = (&self.t.slots[i], &self.t.slots[j]);
        let e = std::hint::select_unpredictable(
            (s.a == a) & (self.t.tails[i] == b),
            s.entry,
            Entry::NONE,
        );
        std::hint::select_unpredictable((t.a == a) & (self.t.tails[j] == b), t.entry, e)
    }
}

/// What follows the digits of a number token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Sfx {
    /// Only digits.
    None,
    /// `1990s`, `90s`.
    S,
    /// `20th`, `1st`.
    Ord,
    /// `3am`, `3pm`.
    Am,
    /// `3pm`.
    Pm,
    /// Anything else (`3D`, `A380` is a word).
    Other,
}

/// The kind of a token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A run of letters (possibly with digits after the first letter).
    Word,
    /// A run of digits with an optional letter suffix.
    Num {
        /// Value of the digits (saturating).
        val: u32,
        /// Number of digits.
        digits: u8,
        /// Letters after the digits.
        sfx: Sfx,
    },
    /// One punctuation mark (ASCII, typographic marks folded).
    Punct(u8),
}

/// One token: a byte span of the text and what it is.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    pub lex: Lex,
    /// Whitespace before: 0 none, 1 spaces, 2 a line break, 3 a blank line.
    pub ws: u8,
    /// Does the grammar read here? Set for the tokens an expression can
    /// start at or that look at the next token: words whose meaning
    /// [`Lex::may_open`], numbers, and the token before a word that
    /// [`Lex::reads_before`]. Most tokens are none of these; the flag saves
    /// the grammar's scan several tests per token and a call at the
    /// frequent "of", "in", "to", "and".
    pub read: bool,
}

impl Tok {
    /// Does the token start with an uppercase letter (`text` is the text
    /// it comes from)? Read when needed, which is rarely.
    pub(crate) fn cap(&self, text: &[u8]) -> bool {
        text.get(self.start).is_some_and(u8::is_ascii_uppercase)
    }
}

/// What a byte starts, for the tokenizer's dispatch.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Lower,
    Upper,
    Digit,
    /// A space or a tab.
    Space,
    /// `\n` or `\r`.
    Newline,
    /// Any other ASCII byte: a punctuation token.
    Mark,
    /// The first byte of a multi-byte character.
    Multi,
}

/// The [`Class`] of every byte.
static CLASS: [Class; 256] = {
    let mut t = [Class::Multi; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = match c {
            b'a'..=b'z' => Class::Lower,
            b'A'..=b'Z' => Class::Upper,
            b'0'..=b'9' => Class::Digit,
            b' ' | b'\t' => Class::Space,
            b'\n' | b'\r' => Class::Newline,
            _ => Class::Mark,
        };
        b += 1;
    }
    t
};

/// The word that starts at `s` (with a letter): its end and its meaning.
/// A word of up to seven bytes is found and looked up from one load of
/// eight bytes.
#[inline]
fn word_at(b: &[u8], s: usize, lexicon: &Lexicon) -> (usize, Entry) {
    if let Some(Ok(head)) = b.get(s..s + 8).map(<[u8; 8]>::try_from) {
        let head = u64::from_le_bytes(head);
        let stop = non_word_bytes(head);
        // byte 0 is a letter, so a stop is at 1 to 7, or none (8)
        let n = (stop.trailing_zeros() / 8) as usize;
        if (1..8).contains(&n) {
            return (s + n, lexicon.get_short(head, n));
        }
        // a long word: most are ruled out from the bytes at hand
        let e = ascii_word_end(b, s + 8);
        let n = e - s;
        let known = n <= MAX_WORD
            && lexicon.t.lengths[prefix_slot(head as u8, (head >> 8) as u8)] & (1 << n) != 0;
        return (
            e,
            if known {
                lexicon.entry_at(b, s, e)
            } else {
                Entry::NONE
            },
        );
    }
    let e = ascii_word_end(b, s + 1);
    (e, lexicon.entry_at(b, s, e))
}

/// The suffix of a number token, from the letters after its digits.
fn suffix(letters: &[u8]) -> Sfx {
    match letters {
        [] => Sfx::None,
        [b's' | b'S'] => Sfx::S,
        x if x.eq_ignore_ascii_case(b"th")
            || x.eq_ignore_ascii_case(b"st")
            || x.eq_ignore_ascii_case(b"nd")
            || x.eq_ignore_ascii_case(b"rd") =>
        {
            Sfx::Ord
        }
        x if x.eq_ignore_ascii_case(b"am") => Sfx::Am,
        x if x.eq_ignore_ascii_case(b"pm") => Sfx::Pm,
        _ => Sfx::Other,
    }
}

/// Splits `text` into tokens.
///
/// Not inlined: inside its caller the loop's registers are spilled
/// (measured: 10% more instructions).
#[inline(never)]
pub(crate) fn tokenize(text: &str, lexicon: &Lexicon) -> Vec<Tok> {
    let b = text.as_bytes();
    let mut toks: Vec<Tok> = Vec::with_capacity(b.len() / 4 + 16);
    let mut i = 0;
    let mut ws: u8 = 0;
    while let Some(&c) = b.get(i) {
        let s = i;
        match CLASS[usize::from(c)] {
            Class::Lower | Class::Upper => {
                // a run of words and single spaces, without a dispatch each
                let mut s = s;
                loop {
                    let entry;
                    (i, entry) = word_at(b, s, lexicon);
                    if entry.before
                        && let Some(t) = toks.last_mut()
                    {
                        t.read = true;
                    }
                    toks.push(Tok {
                        start: s,
                        end: i,
                        kind: Kind::Word,
                        lex: entry.lex,
                        ws,
                        read: entry.opens,
                    });
                    ws = 0;
                    if b.get(i) != Some(&b' ') {
                        break;
                    }
                    ws = 1;
                    i += 1;
                    if !b.get(i).is_some_and(u8::is_ascii_alphabetic) {
                        break;
                    }
                    s = i;
                }
            }
            Class::Space => {
                ws = ws.max(1);
                i += 1;
            }
            Class::Digit => {
                let mut val: u32 = 0;
                while let Some(&d) = b.get(i)
                    && d.is_ascii_digit()
                {
                    val = val.saturating_mul(10).saturating_add(u32::from(d - b'0'));
                    i += 1;
                }
                let digits = u8::try_from(i - s).unwrap_or(u8::MAX);
                let ls = i;
                i = ascii_word_end(b, i);
                toks.push(Tok {
                    start: s,
                    end: i,
                    kind: Kind::Num {
                        val,
                        digits,
                        sfx: suffix(&b[ls..i]),
                    },
                    lex: Lex::None,
                    ws,
                    read: true,
                });
                ws = 0;
            }
            Class::Newline => {
                ws = if ws >= 2 && c == b'\n' { 3 } else { ws.max(2) };
                i += 1;
            }
            Class::Mark => {
                i += 1;
                toks.push(punct(s, i, c, ws));
                // the space that often follows (", "), taken without a jump
                // or a dispatch of its own
                let space = b.get(i) == Some(&b' ');
                i += usize::from(space);
                ws = u8::from(space);
            }
            Class::Multi => {
                // A multi-byte character: fold a few typographic marks.
                i += 1;
                while i < b.len() && (b[i] & 0xC0) == 0x80 {
                    i += 1;
                }
                let mark = match &b[s..i] {
                    // no-break space
                    [0xC2, 0xA0] => {
                        ws = ws.max(1);
                        continue;
                    }
                    // ’ and ‘
                    [0xE2, 0x80, 0x98 | 0x99] => b'\'',
                    // – and —
                    [0xE2, 0x80, 0x93 | 0x94] => b'-',
                    _ => 0x80,
                };
                toks.push(punct(s, i, mark, ws));
                ws = 0;
            }
        }
    }
    toks
}

/// A punctuation token.
fn punct(start: usize, end: usize, mark: u8, ws: u8) -> Tok {
    Tok {
        start,
        end,
        kind: Kind::Punct(mark),
        lex: Lex::None,
        ws,
        read: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_table_has_no_duplicates() {
        let mut seen = std::collections::HashSet::new();
        for (w, _) in WORDS {
            assert!(seen.insert(*w), "duplicate word {w}");
            assert!(w.len() <= MAX_WORD);
            assert_eq!(*w, w.to_ascii_lowercase());
        }
        assert!(WORDS.len() * 2 <= SLOTS, "the word table is over half full");
    }

    #[test]
    fn meanings_are_small() {
        // see `Lex::Num`: an `Entry` fits in a register
        assert_eq!(std::mem::size_of::<Lex>(), 4);
        assert!(std::mem::size_of::<Entry>() <= 8);
        // see `Tables::tails`
        assert_eq!(std::mem::size_of::<Slot>(), 16);
        assert_eq!(std::mem::size_of::<Tok>(), 32);
        for (w, lex) in WORDS {
            if let Lex::Num(n) | Lex::Ord(n) = lex {
                assert!(*n < 1000, "{w}");
            }
        }
    }

    #[test]
    fn every_word_is_found() {
        let lx = Lexicon::new();
        for (w, lex) in WORDS {
            assert_eq!(lx.get(w.as_bytes()), *lex, "{w}");
            assert_eq!(lx.get(w.to_ascii_uppercase().as_bytes()), *lex, "{w}");
        }
        for (w, lex) in WORDS {
            for form in [w.to_string(), w.to_ascii_uppercase()] {
                let text = format!("{form} and some more text after it");
                assert_eq!(lx.get_at(text.as_bytes(), 0, w.len()), *lex, "{form}");
                assert_eq!(lx.get_at(form.as_bytes(), 0, w.len()), *lex, "{form}");
            }
        }
        assert_eq!(lx.get(b"tacitus"), Lex::None);
        assert_eq!(lx.get(b"januaryx"), Lex::None);
        assert_eq!(lx.get(b"internationalization"), Lex::None);
        let text = b"said Friday that the past years were long, xx";
        for (s, e, want) in [
            (5, 11, Lex::Weekday(5)),
            (17, 20, Lex::The),
            (21, 25, Lex::Past),
            (26, 31, Lex::Units(Unit::Year)),
            (0, 4, Lex::None),
            (43, 45, Lex::None),
        ] {
            assert_eq!(
                lx.get_at(text, s, e),
                want,
                "{}",
                String::from_utf8_lossy(&text[s..e])
            );
        }
    }

    #[test]
    fn word_ends_are_the_ends_of_letter_and_digit_runs() {
        let text = "Tuesday's 1990s x reorganization2025, zz ab\u{e9}c q";
        let b = text.as_bytes();
        for s in 0..b.len() {
            if !b[s].is_ascii_alphabetic() {
                continue;
            }
            let mut e = s;
            while e < b.len() && b[e].is_ascii_alphanumeric() {
                e += 1;
            }
            assert_eq!(word_at(b, s, &Lexicon::new()).0, e, "word at {s}");
            assert_eq!(ascii_word_end(b, s), e, "run at {s}");
        }
    }

    #[test]
    fn tokens() {
        let lx = Lexicon::new();
        let t = tokenize("On Jan. 20th, the 1990s’ end–3pm", &lx);
        let kinds: Vec<_> = t.iter().map(|t| t.kind).collect();
        assert_eq!(t[1].lex, Lex::MonAbbr(1));
        assert_eq!(
            kinds[3],
            Kind::Num {
                val: 20,
                digits: 2,
                sfx: Sfx::Ord
            }
        );
        assert_eq!(
            kinds[6],
            Kind::Num {
                val: 1990,
                digits: 4,
                sfx: Sfx::S
            }
        );
        assert_eq!(kinds[7], Kind::Punct(b'\''));
        assert_eq!(kinds[9], Kind::Punct(b'-'));
        assert_eq!(
            kinds[10],
            Kind::Num {
                val: 3,
                digits: 1,
                sfx: Sfx::Pm
            }
        );
    }
}
