//! The `events` stage: who did — or plans, hopes, threatens to do — what to
//! whom, when. Shallow and precision-first: a verb or noun pattern of the
//! event dictionaries (`docs/verbs.md`) anchored on its rarest word, slots
//! filled by actors (compounds expand, groupings with known members expand
//! for reciprocal verbs), modality from the cues around the predicate, the
//! date from a timex of the same sentence.
//!
//! Each sentence is read as items: words (interned), possessives, and
//! actors — the actors stage's entities, and what this stage reads itself
//! (country + actor noun, "we" in a quotation, "it", "them", "the two
//! countries", "the president"). A slot's subject may stand across a time
//! adjunct, a parenthesis, a participle or a second predicate; see
//! `docs/verbs.md`, "How the slots are filled".
//!
//! Reads `sentences`, `tokens`, `entities`, `timexes`, `quotes`; writes
//! `events`.
//!
//! A person's actor code is the role held on the event's date (a
//! president-elect's visit after the inauguration is the government's).
//!
//! On purpose: a slot is never a bare common noun ("the attack"), and an
//! event needs both a source and a target (a compound's pairs for
//! reciprocal patterns).

use std::borrow::Cow;
use std::cell::OnceCell;
use std::collections::HashSet;

use rustc_hash::{FxHashMap as HashMap, FxHashSet};
use std::ops::Range;
use std::rc::Rc;
use std::sync::Arc;

use tacitus_dict::cameo::{CameoCode, CameoTable};
use tacitus_dict::verbs::{CueModality, Element, PastForms, VerbDictionary};
use tacitus_dict::{Dictionary, Person};
use tacitus_text::TokenKind;
use tacitus_text::normalize::fold_char;

use super::TITLE_QUALIFIERS;
use crate::document::{Document, EntityKind, Event, EventActor, Modality, Span};
use crate::pipeline::{Layer, Stage, StageError};
use crate::stages::actors::{GOVERNMENT_HEADS, dateline_place, home_country};

/// Words that may stand between two pattern words.
const GAP: usize = 3;
/// Words that may stand between a subject and its predicate ("is set to").
const SUBJECT_GAP: usize = 5;
/// Words before the match that cues are looked for in.
const CUE_BEFORE: usize = 4;
/// Words after the match that cues are looked for in ("planned for").
const CUE_AFTER: usize = 6;

#[derive(Debug, Clone)]
enum Part {
    Source,
    Target,
    Possessive,
    Word {
        /// The word's forms, as ids of the [`Vocabulary`].
        forms: Vec<u32>,
        optional: bool,
        /// A preposition ("with", "on"): it follows the word before it
        /// directly ("trade with", not "trade war with").
        preposition: bool,
    },
}

/// Prepositions that tie a pattern's words together.
const PREPOSITIONS: &[&str] = &[
    "about", "against", "at", "between", "by", "for", "from", "in", "into", "of", "on", "over",
    "to", "toward", "towards", "upon", "with",
];

#[derive(Debug, Clone)]
struct Compiled {
    code: String,
    /// The built-in table's entry of `code`, looked up once.
    cameo: Option<&'static CameoCode>,
    /// `file:line: pattern as written`, the event's `rule`.
    rule: String,
    parts: Vec<Part>,
    anchor: usize,
    /// Required words: a longer pattern is more specific and wins.
    weight: usize,
    /// No TARGET, and a reciprocal predicate: pairs of a compound subject.
    reciprocal: bool,
    /// No TARGET, not reciprocal, and specific enough to stand for an event
    /// with its source alone ("SOURCE claim responsibility for"): see
    /// [`is_solo`].
    solo: bool,
}

/// A pattern its anchor word leads to, with the [`WordGroups`] of up to
/// four of its other required words, stored inline so that ruling it out
/// touches no other memory.
#[derive(Debug, Clone)]
struct Candidate {
    pattern: u32,
    /// Group ids; [`NO_GROUP`] for none.
    required: [u32; 4],
    /// The forms of the first group that are one mask of
    /// [`WordGroups::masks`] (most are), else [`NO_GROUP`]: most candidates
    /// are ruled out by that group, tested here with no other memory read.
    first: (u32, u64),
}

/// An empty slot of [`Candidate::required`].
const NO_GROUP: u32 = u32::MAX;

/// The distinct form sets of the patterns' required words ("meet, meets,
/// met, meeting"), numbered: a sentence is matched against a pattern only
/// when a form of each of its required words is in it.
#[derive(Debug, Default)]
struct WordGroups {
    ids: HashMap<Vec<u32>, u32>,
    /// The forms of group `g`, as bits of a [`SentenceWords`] set: (index of
    /// a 64-bit word, its bits) for each word of the set a form falls in, in
    /// `masks[starts[g]..starts[g + 1]]`. A lemma's forms are interned
    /// together, with neighbouring ids: most groups are one or two masks.
    starts: Vec<u32>,
    masks: Vec<(u32, u64)>,
}

impl WordGroups {
    fn group(&mut self, forms: &[u32]) -> u32 {
        if let Some(&g) = self.ids.get(forms) {
            return g;
        }
        let g = u32::try_from(self.ids.len()).expect("fewer than 4 billion groups");
        self.ids.insert(forms.to_vec(), g);
        if self.starts.is_empty() {
            self.starts.push(0);
        }
        let first = self.masks.len();
        for &f in forms {
            let (index, bit) = (f / 64, 1 << (f % 64));
            match self.masks[first..].iter_mut().find(|(i, _)| *i == index) {
                Some((_, bits)) => *bits |= bit,
                None => self.masks.push((index, bit)),
            }
        }
        self.starts
            .push(u32::try_from(self.masks.len()).expect("fewer than 4 billion"));
        g
    }

    /// Whether a form of group `g` is in `words`, a sentence's words as a
    /// [`SentenceWords`] bit set (always for [`NO_GROUP`]). A common word
    /// is a form of many groups, and a sentence is tested for a few: the
    /// few are looked up, not the many set.
    fn present(&self, words: &SentenceWords, g: u32) -> bool {
        if g == NO_GROUP {
            return true;
        }
        (self.masks_of(g).iter()).any(|&mask| words.has(mask))
    }

    /// The masks of group `g` (none for [`NO_GROUP`]).
    fn masks_of(&self, g: u32) -> &[(u32, u64)] {
        match (self.starts.get(g as usize), self.starts.get(g as usize + 1)) {
            (Some(&from), Some(&to)) => &self.masks[from as usize..to as usize],
            _ => &[],
        }
    }
}

/// What one pass over a sentence's items finds for the passes after it;
/// its lists are reused by each sentence.
#[derive(Debug, Default)]
struct Scan {
    /// Whether a word anchors a pattern: without one nothing matches.
    anchored: bool,
    /// Whether a word anchors a [`Compiled::solo`] pattern.
    solo_anchored: bool,
    /// Whether an [`EVENT_NOUN`] is among the words.
    event_noun: bool,
    /// The indices of the items that are actors.
    runs: Vec<usize>,
    /// The indices of the items with a [`PASS_WORD`].
    pass: Vec<usize>,
}

impl Scan {
    /// Reads `items`. Inlined: a call left the loop reloading the lists
    /// after each push (three times the cost).
    #[inline]
    fn read(&mut self, items: &[Item]) {
        self.anchored = false;
        self.solo_anchored = false;
        self.event_noun = false;
        self.runs.clear();
        self.pass.clear();
        for (i, it) in items.iter().enumerate() {
            let flags = it.known.flags;
            self.anchored |= flags & ANCHOR != 0;
            self.solo_anchored |= flags & SOLO_ANCHOR != 0;
            self.event_noun |= flags & EVENT_NOUN != 0;
            if flags & PASS_WORD != 0 {
                self.pass.push(i);
            }
            if it.actors().is_some() {
                self.runs.push(i);
            }
        }
    }
}

/// The ids of the [`GROUPED`] words of a sentence, as a bit set over the
/// [`Vocabulary`]: one per document, filled and emptied by each sentence.
struct SentenceWords {
    bits: Vec<u64>,
    /// The words set, to clear.
    ids: Vec<u32>,
}

impl SentenceWords {
    /// An empty set for `n` words.
    fn new(n: usize) -> Self {
        SentenceWords {
            bits: vec![0; n.div_ceil(64)],
            ids: Vec::new(),
        }
    }

    /// Whether a word of the mask (see [`WordGroups::masks`]) is set.
    fn has(&self, (index, bits): (u32, u64)) -> bool {
        self.bits.get(index as usize).is_some_and(|w| w & bits != 0)
    }

    /// Sets the bits of the [`GROUPED`] words of `items`.
    fn fill(&mut self, items: &[Item]) {
        for it in items.iter().filter(|it| it.known.flags & GROUPED != 0) {
            let w = it.known.id;
            if let Some(bits) = self.bits.get_mut(w as usize / 64) {
                *bits |= 1 << (w % 64);
                self.ids.push(w);
            }
        }
    }

    /// Clears the bits [`SentenceWords::fill`] set.
    fn clear(&mut self) {
        for &w in &self.ids {
            self.bits[w as usize / 64] &= !(1 << (w % 64));
        }
        self.ids.clear();
    }
}

#[derive(Debug, Clone)]
struct CompiledCue {
    /// Each word's forms, as ids of the [`Vocabulary`].
    words: Vec<Vec<u32>>,
    modality: CueModality,
    after: bool,
}

/// The words of the patterns and cues, interned: each word of a sentence is
/// looked up once, and patterns compare numbers.
#[derive(Debug, Default)]
struct Vocabulary {
    /// Words of up to 7 bytes — most words of a text, and the commonest —
    /// by their bytes packed into one number: a probe compares keys in the
    /// table itself, with no string to fetch, and the table stays small.
    tiny: HashMap<u64, Known>,
    /// Words of 8 to 15 bytes, packed the same way.
    short: HashMap<u128, Known>,
    /// One bit per short word (a one-hash Bloom filter of 64K bits that stays
    /// in cache): most words of a text are in no pattern, and a clear bit
    /// says so without touching the table.
    filter: Vec<u64>,
    /// Longer words.
    long: HashMap<String, Known>,
    words: Vec<String>,
    /// Each word's [`SLOT_BARRIER`], [`BARRIER`], … bits; copied into the
    /// tables' [`Known`] values by [`Vocabulary::finish`].
    flags: Vec<u32>,
    /// Lemma → the ids of its forms, computed once per lemma.
    lemmas: HashMap<String, Vec<u32>>,
    /// The entry of each one-byte word (punctuation, "a", "I"), by its
    /// byte: commas and periods are many of a text's words, and a load from
    /// this small array replaces the key, the filter and the table probe.
    /// Empty until [`Vocabulary::finish`].
    single: Vec<Known>,
}

/// A word of the [`Vocabulary`]: its id and its bits, stored together so
/// that the probe that finds the word brings its bits along. Two `u32`s,
/// with no padding: it moves as one 64-bit word.
#[derive(Debug, Clone, Copy)]
struct Known {
    id: u32,
    flags: u32,
}

/// What [`Vocabulary::lookup`] answers for a word it does not have.
const NOT_KNOWN: Known = Known {
    id: UNKNOWN,
    flags: 0,
};

/// A word of up to 15 bytes as one number: its bytes, then its length in
/// the byte after them (so that no two words share a key); `None` when
/// longer. A word of up to 7 bytes fits in 64 bits.
fn packed(word: &str) -> Option<u128> {
    let b = word.as_bytes();
    let n = b.len();
    // Two overlapping loads read any length with no copy through memory (a
    // byte-wise copy into a buffer stalled the wide load that read it
    // back); where they overlap they hold the same bytes at the same place.
    // Most words have up to 7 bytes: their key is computed in 64 bits
    // (shifts of 128-bit numbers by a variable count cost several
    // instructions each).
    let tiny = match n {
        0 => 0,
        1..=3 => {
            u64::from(b[0])
                | u64::from(b[n / 2]) << (8 * (n / 2))
                | u64::from(b[n - 1]) << (8 * (n - 1))
        }
        4..=7 => {
            u64::from(u32::from_le_bytes(le(&b[..4])))
                | u64::from(u32::from_le_bytes(le(&b[n - 4..]))) << (8 * (n - 4))
        }
        8..=15 => {
            let bytes = u128::from(u64::from_le_bytes(le(&b[..8])))
                | u128::from(u64::from_le_bytes(le(&b[n - 8..]))) << (8 * (n - 8));
            return Some(bytes | (n as u128) << (8 * n));
        }
        _ => return None,
    };
    Some(u128::from(tiny | (n as u64) << (8 * n)))
}

/// `bytes`, of length `N`, as an array.
fn le<const N: usize>(bytes: &[u8]) -> [u8; N] {
    bytes.try_into().unwrap_or([0; N])
}

/// The size of [`Vocabulary::filter`].
const FILTER_BITS: usize = 1 << 16;

/// A word's [`packed`] key and its [`filter_bit`], computed once for the
/// several filters and tables a word is looked up in; `None` for a word
/// longer than a key holds.
fn keyed(word: &str) -> Option<(u128, usize)> {
    packed(word).map(|key| (key, filter_bit(key)))
}

/// A packed word's bit in [`Vocabulary::filter`].
fn filter_bit(key: u128) -> usize {
    let mixed =
        ((key as u64) ^ ((key >> 64) as u64).rotate_left(29)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (mixed >> 48) as usize
}

/// A one-hash Bloom filter over words of up to 15 bytes (by [`packed`]
/// key): a clear bit proves a word absent without hashing the string and
/// probing a table. Longer words always pass. For lists of hundreds of
/// words: 8K bits (1 KB, in cache) pass about one absent word in twenty.
#[derive(Debug, Default)]
struct WordFilter {
    bits: Vec<u64>,
}

/// The size of a [`WordFilter`].
const WORD_FILTER_BITS: usize = 1 << 13;

impl WordFilter {
    fn insert(&mut self, word: &str) {
        if let Some(key) = packed(word) {
            if self.bits.is_empty() {
                self.bits = vec![0; WORD_FILTER_BITS / 64];
            }
            let bit = filter_bit(key) % WORD_FILTER_BITS;
            self.bits[bit / 64] |= 1 << (bit % 64);
        }
    }

    /// False when `word` was surely never inserted.
    fn may_contain(&self, word: &str) -> bool {
        self.may_contain_keyed(keyed(word))
    }

    /// [`WordFilter::may_contain`] of a word by its [`keyed`] key.
    fn may_contain_keyed(&self, key: Option<(u128, usize)>) -> bool {
        match key {
            Some((_, bit)) => {
                let bit = bit % WORD_FILTER_BITS;
                self.bits
                    .get(bit / 64)
                    .is_some_and(|w| w >> (bit % 64) & 1 == 1)
            }
            None => true,
        }
    }
}

/// A word of [`SLOT_BARRIERS`].
const SLOT_BARRIER: u32 = 1;
/// Punctuation no gap crosses.
const BARRIER: u32 = 2;
/// A pronoun [`pronoun_actor`] reads.
const PRONOUN: u32 = 4;
/// "to", which a subject may stand before ("hopes to meet").
const TO: u32 = 8;
/// An actor that is never a source ("Chinese goods").
const OBJECT_ONLY: u32 = 16;
/// A determiner or number word: what follows it is a noun phrase.
const DETERMINER: u32 = 32;
/// A capitalized word inside a run of capitalized words in a sentence
/// written in lowercase: part of a name ("The Hague Court"), never a
/// pattern's anchor.
const NAME_WORD: u32 = 1 << 20;
/// A pronoun in the subject form ("he", "they"): no verb's object ("warned
/// they would retaliate" warns no one of them).
const NOMINATIVE: u32 = 1 << 21;
/// A word of [`LEVIES`]: the passes over a levy's words ([`goods_from`],
/// [`levy_fillers`]) run only in a sentence with one.
const LEVY: u32 = 1 << 22;
/// "each other", "one another": an object that stands for every actor of
/// the subject but the one acting ("Peru and Chile accused each other").
const EACH_OTHER: u32 = 1 << 23;
/// "each" or "one", the first word of [`EACH_OTHER`]'s.
const EACH_WORD: u32 = 1 << 24;
/// Part of a time adjunct ("on Friday"), which a subject may stand before.
const TIME_ADJUNCT: u32 = 64;
/// A verb whose object is the subject of the infinitive after it ("urged
/// Damascus to normalize …").
const CONTROL: u32 = 128;
/// A word that anchors a pattern: a sentence without one has no event.
const ANCHOR: u32 = 256;
/// A form of one of the [`WordGroups`].
const GROUPED: u32 = 512;
/// An actor read from a bare noun ("told reporters", "police"): an audience
/// is no target of a statement.
const BARE: u32 = 1024;
/// A country adjective before a noun ("Chinese spying"): a slot may take
/// it, but a pattern's words may lie beyond it.
const MODIFIER: u32 = 2048;
/// A place adjunct: "in Istanbul, Ankara and Izmir", "near Kharkiv" — a
/// preposition and the places after it, which take no room and stop no
/// search for a pattern's words.
const PLACE_ADJUNCT: u32 = 4096;
/// A word one of the passes over a sentence's items looks for
/// ([`PASS_WORDS`]): the others it skips with no string compared.
const PASS_WORD: u32 = 8192;
/// An actor that carries its noun's id ("the British envoy": envoy), for
/// a pattern word right after its slot only: no other pattern word is it.
const HEAD_NOUN: u32 = 16384;
/// A word that anchors a [`Compiled::solo`] pattern, the only ones tried in
/// a sentence with one actor.
const SOLO_ANCHOR: u32 = 32768;
/// An event noun read as its event's source ("welcomed the decision"):
/// [`name_the_event`].
const ANAPHOR: u32 = 65536;
/// A noun of [`EVENT_NOUNS`].
const EVENT_NOUN: u32 = 131072;
/// A form of [`BACK_PARTICLE_VERBS`].
const BACK_PARTICLE: u32 = 262144;
/// A form of [`DEMAND_VERBS`].
const DEMAND: u32 = 524288;

/// The words [`open_quantities`], [`open_place_of`],
/// [`mark_place_adjuncts`] and [`name_the_group`] act at.
const PASS_WORDS: &[&str] = &[
    "at", "than", "to", "about", "over", "around", "nearly", "almost", "some", "of", "in",
    "across", "near", "the", "both",
];

/// First words of modality cues that are no verbs and whose regular
/// "inflections" are other words: "not" is no lemma of "noted", "will" none
/// of "willing", "future" none of "futures".
const NOT_VERBS: &[&str] = &[
    "can",
    "future",
    "may",
    "next",
    "no",
    "not",
    "potential",
    "will",
];

/// Verbs of [`CONTROL`], as lemmas.
const CONTROL_VERBS: &[&str] = &[
    "urge",
    "ask",
    "call",
    "press",
    "tell",
    "invite",
    "persuade",
    "force",
    "pressure",
    "encourage",
    "allow",
    "help",
    "order",
    "push",
];

/// Nouns whose "of" names the place or people a slot stands for:
/// "shelled residential districts of Kharkiv", "the port of Odesa".
const PLACE_HEADS: &[&str] = &[
    "areas",
    "capital",
    "cities",
    "city",
    "districts",
    "outskirts",
    "parts",
    "people",
    "port",
    "province",
    "region",
    "residents",
    "suburbs",
    "territory",
    "town",
    "towns",
    "villages",
];

/// Lets a slot reach past the words of a quantity: "arrested at least 50
/// people", "more than 2,000 troops", "up to 10,000 soldiers", "about 300
/// civilians". `pass` are the indices of the items with [`PASS_WORD`].
fn open_quantities(items: &mut [Item], pass: &[usize]) {
    let number = |it: Option<&Item>| {
        it.and_then(Item::word).is_some_and(|w| {
            w.starts_with(|c: char| c.is_ascii_digit()) || NUMBER_WORDS.contains(&w)
        })
    };
    for &i in pass {
        let open = match items[i].word() {
            Some("at") => matches!(
                items.get(i + 1).and_then(Item::word),
                Some("least" | "most")
            ),
            Some("than") => matches!(
                i.checked_sub(1).and_then(|j| items[j].word()),
                Some("more" | "less" | "fewer")
            ),
            Some("to") => i > 0 && items[i - 1].word() == Some("up") && number(items.get(i + 1)),
            Some("about" | "over" | "around" | "nearly" | "almost" | "some") => {
                number(items.get(i + 1))
            }
            _ => false,
        };
        if open {
            items[i].known.flags &= !(SLOT_BARRIER | BARRIER);
        }
    }
}

/// Numbers written as words, which [`open_quantities`] reads.
const NUMBER_WORDS: &[&str] = &[
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "dozens",
    "hundreds",
    "thousands",
    "dozen",
    "hundred",
    "thousand",
    "million",
    "tens",
];

/// Nouns of something done to someone, whose "of" names them: "protested
/// against the detention of Istanbul's mayor", "condemned the arrest of".
const DONE_TO_HEADS: &[&str] = &[
    "arrest",
    "assassination",
    "detention",
    "execution",
    "expulsion",
    "imprisonment",
    "jailing",
    "killing",
    "murder",
    "ouster",
    "removal",
];

/// Lets a slot reach past "of" after a [`PLACE_HEADS`] or
/// [`DONE_TO_HEADS`] noun. `pass` are the indices of the items with
/// [`PASS_WORD`].
fn open_place_of(items: &mut [Item], pass: &[usize]) {
    for &i in pass.iter().filter(|&&i| i > 0) {
        if items[i].word() == Some("of")
            && items[i - 1]
                .word()
                .is_some_and(|w| PLACE_HEADS.contains(&w) || DONE_TO_HEADS.contains(&w))
        {
            items[i].known.flags &= !SLOT_BARRIER;
        }
    }
}

/// Flags [`NAME_WORD`]s: in a sentence with more lowercase words than
/// capitalized ones (not a headline in title case), a capitalized word
/// after the first that has a capitalized word right before or after it.
fn mark_name_words(items: &mut [Item], text: &str) {
    // Most sentences have no capitalized anchor after their first word.
    let capitalized_anchor = items.iter().skip(1).any(|it| {
        it.known.flags & (ANCHOR | SOLO_ANCHOR) != 0
            && text
                .as_bytes()
                .get(it.bytes.start)
                .is_some_and(|b| !b.is_ascii_lowercase())
    });
    if !capitalized_anchor {
        return;
    }
    // A name's words are words or actors ("The Hague Court").
    let capitalized =
        |it: &Item| !matches!(it.kind, ItemKind::Possessive) && first_case(text, &it.bytes).1;
    // The words in lowercase and those capitalized, in one pass.
    let (mut lowercase, mut upper) = (0, 0);
    for it in items.iter() {
        if matches!(it.kind, ItemKind::Word(_)) {
            let (lower, capital) = first_case(text, &it.bytes);
            lowercase += usize::from(lower);
            upper += usize::from(capital);
        }
    }
    if upper == 0 || upper * 2 >= lowercase {
        return;
    }
    let named: Vec<bool> = (0..items.len())
        .map(|i| {
            i > 0
                && matches!(items[i].kind, ItemKind::Word(_))
                && capitalized(&items[i])
                && (capitalized(&items[i - 1]) || items.get(i + 1).is_some_and(capitalized))
        })
        .collect();
    for (it, named) in items.iter_mut().zip(named) {
        if named {
            it.known.flags |= NAME_WORD;
        }
    }
}

/// Whether `text[bytes]` starts with a lowercase letter, and whether with
/// an uppercase one: an ASCII first byte is read as it is, with no
/// character decoded.
fn first_case(text: &str, bytes: &Range<usize>) -> (bool, bool) {
    match text.get(bytes.clone()).map(str::as_bytes) {
        Some([b, ..]) if b.is_ascii() => (b.is_ascii_lowercase(), b.is_ascii_uppercase()),
        Some([_, ..]) => {
            let c = text.get(bytes.clone()).and_then(|w| w.chars().next());
            (
                c.is_some_and(char::is_lowercase),
                c.is_some_and(char::is_uppercase),
            )
        }
        _ => (false, false),
    }
}

/// Flags the items of a time expression (of `timexes`, sorted by start), and
/// the preposition that opens it, as [`TIME_ADJUNCT`]s: "China on Friday
/// criticized Japan".
fn mark_time_adjuncts(items: &mut [Item], timexes: &[Range<usize>]) {
    let (Some(first), Some(last)) = (items.first(), items.last()) else {
        return;
    };
    let sentence = first.bytes.start..last.bytes.end;
    // `timexes` are sorted by start.
    let from = timexes.partition_point(|t| t.start < sentence.start);
    for t in timexes[from..]
        .iter()
        .take_while(|t| t.start <= sentence.end)
        .filter(|t| t.end <= sentence.end)
    {
        // Items follow each other: those inside the timex are a run from
        // the first that starts in it.
        let from = items.partition_point(|it| it.bytes.start < t.start);
        let mut opened = None;
        for (i, item) in items.iter_mut().enumerate().skip(from) {
            if item.bytes.start > t.end {
                break;
            }
            if item.bytes.end <= t.end {
                item.known.flags |= TIME_ADJUNCT;
                opened.get_or_insert(i);
            }
        }
        if let Some(i) = opened.and_then(|i| i.checked_sub(1))
            && matches!(
                items[i].word(),
                Some("on" | "in" | "at" | "during" | "since" | "until" | "by")
            )
        {
            items[i].known.flags |= TIME_ADJUNCT;
        }
    }
}

/// Flags "in"/"across"/"near" and the places (cities, regions: no
/// countries) right after it as [`PLACE_ADJUNCT`]s. `pass` are the indices
/// of the items with [`PASS_WORD`].
fn mark_place_adjuncts(items: &mut [Item], pass: &[usize], doc: &Document) {
    let len = items.len();
    for i in pass.iter().map(|&p| p + 1).filter(|&i| i < len) {
        let places = items[i].actors().is_some_and(|actors| {
            actors.iter().all(|a| {
                a.entity
                    .is_some_and(|e| doc.entities[e].kind == EntityKind::Location)
            })
        });
        if places && matches!(items[i - 1].word(), Some("in" | "across" | "near")) {
            items[i - 1].known.flags |= PLACE_ADJUNCT;
            items[i].known.flags |= PLACE_ADJUNCT;
        }
    }
}

/// The id of a word no pattern or cue has.
const UNKNOWN: u32 = u32::MAX;

impl Vocabulary {
    fn intern(&mut self, word: &str) -> u32 {
        let known = self.get(word);
        if known != UNKNOWN {
            return known;
        }
        let id = u32::try_from(self.words.len()).expect("fewer than 4 billion words");
        match packed(word) {
            Some(key) => {
                if self.filter.is_empty() {
                    self.filter = vec![0; FILTER_BITS / 64];
                }
                let bit = filter_bit(key);
                self.filter[bit / 64] |= 1 << (bit % 64);
                let known = Known { id, flags: 0 };
                match u64::try_from(key) {
                    Ok(tiny) => self.tiny.insert(tiny, known),
                    Err(_) => self.short.insert(key, known),
                }
            }
            None => self.long.insert(word.to_string(), Known { id, flags: 0 }),
        };
        self.words.push(word.to_string());
        self.flags.push(0);
        id
    }

    /// Sets `flag` on each of `words`.
    fn mark(&mut self, words: &[&str], flag: u32) {
        for w in words {
            let id = self.intern(w);
            self.flags[id as usize] |= flag;
        }
    }

    /// The ids of every form of each of `lemmas`, sorted.
    fn forms_of(&mut self, verbs: &VerbDictionary, lemmas: &[String]) -> Vec<u32> {
        let mut ids = Vec::new();
        for lemma in lemmas {
            if let Some(known) = self.lemmas.get(lemma.as_str()) {
                if lemmas.len() == 1 {
                    // One lemma's forms are sorted and distinct already.
                    return known.clone();
                }
                ids.extend_from_slice(known);
            } else {
                let mut forms = Vec::with_capacity(4);
                verbs.for_each_form(lemma, |w| forms.push(self.intern(w)));
                forms.sort_unstable();
                forms.dedup();
                ids.extend_from_slice(&forms);
                self.lemmas.insert(lemma.clone(), forms);
            }
        }
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    fn intern_all(&mut self, words: impl IntoIterator<Item = String>) -> Vec<u32> {
        let mut ids: Vec<u32> = words.into_iter().map(|w| self.intern(&w)).collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    /// Copies each word's bits into the tables, once every word is marked.
    fn finish(&mut self) {
        let flags = &self.flags;
        let known = (self.tiny.values_mut())
            .chain(self.short.values_mut())
            .chain(self.long.values_mut());
        for k in known {
            k.flags = flags[k.id as usize];
        }
        self.single = (0..128u8)
            .map(|b| self.lookup(char::from(b).encode_utf8(&mut [0; 1])))
            .collect();
    }

    /// The id of `word`, else [`UNKNOWN`].
    fn get(&self, word: &str) -> u32 {
        self.lookup(word).id
    }

    /// The id and bits of `word` (after [`Vocabulary::finish`]).
    /// Inlined up to the filter, where most words of a text stop: they
    /// cost no call.
    #[inline]
    fn lookup(&self, word: &str) -> Known {
        self.lookup_keyed(word, keyed(word))
    }

    /// [`Vocabulary::lookup`] of a word whose [`keyed`] key is known.
    #[inline]
    fn lookup_keyed(&self, word: &str, key: Option<(u128, usize)>) -> Known {
        if let [b] = word.as_bytes()
            && let Some(&known) = self.single.get(usize::from(*b))
        {
            return known;
        }
        match key {
            Some((key, bit)) => {
                if self
                    .filter
                    .get(bit / 64)
                    .is_none_or(|w| w >> (bit % 64) & 1 == 0)
                {
                    return NOT_KNOWN;
                }
                self.probe(key)
            }
            None => self.probe_long(word),
        }
    }

    /// The entry of a packed word that passed the filter.
    #[inline(never)]
    fn probe(&self, key: u128) -> Known {
        match u64::try_from(key) {
            Ok(tiny) => self.tiny.get(&tiny),
            Err(_) => self.short.get(&key),
        }
        .copied()
        .unwrap_or(NOT_KNOWN)
    }

    /// The entry of a word of more than 15 bytes.
    #[inline(never)]
    fn probe_long(&self, word: &str) -> Known {
        self.long.get(word).copied().unwrap_or(NOT_KNOWN)
    }
}

/// Codes events from verb and noun patterns.
pub struct Events {
    patterns: Vec<Compiled>,
    vocabulary: Vocabulary,
    /// Past tenses: an event in one is no event of a later date.
    pasts: PastForms,
    /// Word id → the patterns it anchors: those of word `w` are
    /// `candidates[index[w]..index[w + 1]]` (one array, no list per word:
    /// the offsets of neighbouring ids share a cache line, the lists follow
    /// each other).
    index: Vec<u32>,
    candidates: Vec<Candidate>,
    word_groups: WordGroups,
    cues: Vec<CompiledCue>,
    /// Word id → the cues whose first word it is a form of.
    cue_index: Vec<Vec<usize>>,
    groups: HashMap<String, Vec<String>>,
    /// Dictionary people by name, for their role on an event's date (one
    /// copy of each person, shared by their name and aliases).
    people: HashMap<String, Arc<Person>>,
    agents: Agents,
}

/// Generic actor nouns after a country or its adjective: "Japanese
/// officials", "U.S. troops", "the Ugandan police". They name no entity, but
/// they are actors: the country with the noun's role (JPNGOV, USAMIL, UGACOP).
#[derive(Debug, Default)]
struct Agents {
    /// Lowercase country adjective → country code.
    adjectives: HashMap<String, String>,
    /// The keys of `adjectives`: most capitalized words are none.
    adjective_filter: WordFilter,
    /// Lowercase actor noun (of one or more words) → role code.
    nouns: HashMap<String, String>,
    /// The first word of each of `nouns`: most words after a country start
    /// none.
    noun_starts: WordFilter,
    /// The most words a noun has.
    longest: usize,
    /// Every title of `titles.tsv`, lowercase ("president", "foreign
    /// minister", "king").
    titles: FxHashSet<String>,
    /// The first word of each of `titles`.
    title_starts: FxHashSet<String>,
    /// The same: most words after "the" start no title.
    title_start_filter: WordFilter,
    /// Every title with a role, ambiguous ones too ("military", "court"):
    /// after a country's possessive they are nouns.
    owned: HashMap<String, String>,
    /// The group and institution nouns that stand for a country's agents
    /// when no country is written ("police", "the army", "protesters"):
    /// lowercase noun → role. See [`Agents::bare_noun_at`].
    bare: HashMap<String, String>,
    /// The first word of each of `bare`.
    bare_starts: WordFilter,
    /// The phrases some longer key of `nouns`, `bare`, `owned`, `titles`
    /// starts with, up to a space ("foreign" for "foreign minister"):
    /// [`longest_phrase`] reads no further word once its phrase is none.
    noun_prefixes: FxHashSet<String>,
    bare_prefixes: FxHashSet<String>,
    owned_prefixes: FxHashSet<String>,
    title_prefixes: FxHashSet<String>,
}

/// The proper prefixes of `keys` that end before a space: the phrases a
/// longer key continues.
fn word_prefixes<'k>(keys: impl IntoIterator<Item = &'k String>) -> FxHashSet<String> {
    keys.into_iter()
        .flat_map(|k| k.match_indices(' ').map(|(i, _)| k[..i].to_string()))
        .collect()
}

/// The roles of [`Agents::bare`]: agents of the country where the story
/// happens. Envoys, migrants, companies and the like are left out: bare,
/// they are as often foreign as not.
const HOME_ROLES: &[&str] = &[
    "COP", "MIL", "GOV", "LEG", "JUD", "OPP", "REB", "UAF", "CVL", "LAB", "EDU", "HLH", "REL",
    "AGR",
];

/// Nouns of [`HOME_ROLES`] that, bare, are most often foreigners or no
/// agents at all.
const NOT_HOME_NOUNS: &[&str] = &[
    "ambassador",
    "ambassadors",
    "consulate",
    "delegation",
    "delegations",
    "diplomats",
    "embassy",
    "envoy",
    "envoys",
    "governments",
    "immigrants",
    "leaders",
    "migrants",
    "ministers",
    "passengers",
    "peacekeepers",
    "settlers",
    "tourists",
];

/// Nouns after a country adjective that stand for its agents though they
/// are not titles: "Russian positions" (RUSMIL), "Chinese goods" (the
/// country itself: tariffs on them are on China).
const EXTRA_AGENT_NOUNS: &[(&str, &str)] = &[
    ("forces", "MIL"),
    ("positions", "MIL"),
    ("bases", "MIL"),
    ("warships", "MIL"),
    ("warplanes", "MIL"),
    ("jets", "MIL"),
    ("airstrikes", "MIL"),
    ("goods", ""),
    ("products", ""),
    ("exports", ""),
    ("imports", ""),
    ("businesses", "BUS"),
    ("nationals", "CVL"),
    ("people", "CVL"),
    ("crowds", "CVL"),
];

/// Title words that are also common adjectives or verbs ("the Japanese
/// official visit", "Chinese military drills", "a general strike"): not
/// generic actors by themselves.
const AMBIGUOUS_NOUNS: &[&str] = &[
    "official",
    "military",
    "court",
    "executive",
    "executives",
    "media",
    "cabinet",
    "treasury",
    "general",
    "speaker",
    "premier",
    "king",
    "queen",
    "chancellor",
    "mp",
    "mps",
    "ngo",
    "ngos",
];

impl Agents {
    fn new(actors: &Dictionary) -> Self {
        let mut agents = Agents::default();
        for c in &actors.countries {
            for a in &c.adjectives {
                agents.adjectives.insert(a.to_lowercase(), c.code.clone());
            }
        }
        for (noun, role) in EXTRA_AGENT_NOUNS {
            agents.nouns.insert(noun.to_string(), role.to_string());
            // "Russia's forces" as "Russian forces".
            if !role.is_empty() {
                agents.owned.insert(noun.to_string(), role.to_string());
            }
        }
        for t in &actors.titles {
            let noun = t.title.to_lowercase();
            agents.titles.insert(noun.clone());
            if let Some(first) = noun.split(' ').next() {
                agents.title_starts.insert(first.to_string());
            }
            if let Some(role) = &t.role {
                agents.owned.insert(noun.clone(), role.clone());
            }
            if let Some(role) = &t.role
                && !AMBIGUOUS_NOUNS.contains(&noun.as_str())
                && noun.chars().all(|c| c.is_alphabetic() || c == ' ')
            {
                agents.longest = agents.longest.max(noun.split(' ').count());
                agents.nouns.insert(noun, role.clone());
            }
        }
        let groups = actors
            .titles
            .iter()
            .filter(|t| matches!(t.kind.as_str(), "group" | "organization"))
            .map(|t| t.title.to_lowercase())
            .chain(EXTRA_AGENT_NOUNS.iter().map(|(noun, _)| noun.to_string()));
        for noun in groups {
            if let Some(role) = agents.nouns.get(&noun)
                && HOME_ROLES.contains(&role.as_str())
                && !NOT_HOME_NOUNS.contains(&noun.as_str())
            {
                agents.bare.insert(noun, role.clone());
            }
        }
        for noun in agents.bare.keys() {
            agents
                .bare_starts
                .insert(noun.split(' ').next().unwrap_or_default());
        }
        for a in agents.adjectives.keys() {
            agents.adjective_filter.insert(a);
        }
        for t in &agents.title_starts {
            agents.title_start_filter.insert(t);
        }
        for noun in agents.nouns.keys() {
            agents
                .noun_starts
                .insert(noun.split(' ').next().unwrap_or_default());
        }
        agents.noun_prefixes = word_prefixes(agents.nouns.keys());
        agents.bare_prefixes = word_prefixes(agents.bare.keys());
        agents.owned_prefixes = word_prefixes(agents.owned.keys());
        agents.title_prefixes = word_prefixes(&agents.titles);
        agents
    }

    /// The role of the actor noun that starts at `tokens[from]`, written in
    /// lowercase and not followed by a name, and the byte where it ends.
    fn noun_at(
        &self,
        text: &str,
        tokens: &[tacitus_text::Token],
        from: usize,
    ) -> Option<(&str, usize)> {
        // A word in lowercase ASCII is its own lowercase form: when no noun
        // starts with it, no phrase from it is one.
        if let Some(w) = word_at(text, tokens, from)
            && w.bytes().all(|b| b.is_ascii_lowercase())
            && !self.noun_starts.may_contain(w)
        {
            return None;
        }
        let (role, last) = longest_phrase(
            text,
            tokens,
            from,
            self.longest,
            true,
            &self.noun_prefixes,
            |p| self.nouns.get(p).map(String::as_str),
        )?;
        // "Japanese foreign minister Takeshi Iwaya": the title of a name.
        (!name_follows(text, tokens, last)).then(|| (role, tokens[last].end))
    }

    /// The country of the capitalized adjective at `tokens[k]`, of one
    /// word or two ("Chinese", "South Korean"), and its last token.
    fn adjective_at(
        &self,
        text: &str,
        lower: &str,
        tokens: &[tacitus_text::Token],
        k: usize,
    ) -> Option<(&String, usize)> {
        let tok = tokens.get(k).filter(|t| t.kind == TokenKind::Word)?;
        if !text
            .get(tok.start..tok.end)?
            .starts_with(char::is_uppercase)
        {
            return None;
        }
        match lower
            .get(tok.start..tok.end)
            .and_then(|w| self.adjectives.get(w))
        {
            Some(country) => Some((country, k)),
            None => self.two_word_adjective(text, lower, tokens, k),
        }
    }

    /// The country of an adjective of two capitalized words from
    /// `tokens[k]` ("South Korean"), read from the lowercased text `lower`
    /// when one space parts them, and its last token.
    fn two_word_adjective(
        &self,
        text: &str,
        lower: &str,
        tokens: &[tacitus_text::Token],
        k: usize,
    ) -> Option<(&String, usize)> {
        let (first, next) = (tokens.get(k)?, tokens.get(k + 1)?);
        if next.kind != TokenKind::Word
            || next.start != first.end + 1
            || !text
                .as_bytes()
                .get(next.start)
                .is_some_and(u8::is_ascii_uppercase)
        {
            return None;
        }
        let phrase = lower.get(first.start..next.end)?;
        if !self.adjective_filter.may_contain(phrase) {
            return None;
        }
        self.adjectives.get(phrase).map(|country| (country, k + 1))
    }

    /// The role of the [`Agents::bare`] noun that starts at `tokens[from]`
    /// (whose first word, lowercase, has the [`keyed`] `key`) and the byte
    /// where it ends: written in lowercase (but for its first letter where
    /// a clause starts, after the items `before`: see [`clause_start`]), not
    /// part of a longer title ("opposition leader") and not followed by a
    /// name.
    fn bare_noun_at(
        &self,
        text: &str,
        tokens: &[tacitus_text::Token],
        from: usize,
        key: Option<(u128, usize)>,
        before: &[Item],
    ) -> Option<(&str, usize)> {
        if !self.bare_starts.may_contain_keyed(key) {
            return None;
        }
        let initial = clause_start(before);
        let w = word_at(text, tokens, from)?;
        let first_ok = if initial {
            w.chars().skip(1).all(|c| !c.is_uppercase())
        } else {
            w.starts_with(|c: char| c.is_ascii_lowercase())
        };
        if !first_ok {
            return None;
        }
        let lowercase_only = !initial;
        let (role, last) = longest_phrase(
            text,
            tokens,
            from,
            self.longest,
            lowercase_only,
            &self.bare_prefixes,
            |p| self.bare.get(p).map(String::as_str),
        )?;
        let (_, longest) = longest_phrase(
            text,
            tokens,
            from,
            self.longest,
            lowercase_only,
            &self.noun_prefixes,
            |p| self.nouns.get(p),
        )?;
        (longest == last && !name_follows(text, tokens, last)).then(|| (role, tokens[last].end))
    }

    /// "the Venezuelan military to protect": after a country's adjective, a
    /// title that is also an adjective or verb ([`AMBIGUOUS_NOUNS`]) is a
    /// noun when a clause goes on after it ("to", a comma, "has", "said"),
    /// not a noun it qualifies ("Chinese military drills"). Its role and
    /// the byte it ends at.
    fn ambiguous_noun_at(
        &self,
        text: &str,
        tokens: &[tacitus_text::Token],
        from: usize,
    ) -> Option<(&str, usize)> {
        let word = word_at(text, tokens, from)?;
        if !AMBIGUOUS_NOUNS.contains(&word) {
            return None;
        }
        let role = self.owned.get(word)?;
        let next = tokens.get(from + 1).and_then(|t| text.get(t.start..t.end));
        let clause_goes_on = next.is_none_or(|w| {
            matches!(
                w,
                "to" | ","
                    | "."
                    | ";"
                    | "and"
                    | "has"
                    | "had"
                    | "have"
                    | "is"
                    | "was"
                    | "were"
                    | "are"
                    | "will"
                    | "would"
                    | "said"
                    | "says"
            )
        });
        clause_goes_on.then(|| (role.as_str(), tokens[from].end))
    }

    /// "Brazil's Federal Police", "Russia's foreign ministry", "China's
    /// military": after a country's possessive, a title of any case, with
    /// up to two words before it, not followed by a name. Its role and the
    /// byte it ends at.
    fn owned_noun_at(
        &self,
        text: &str,
        tokens: &[tacitus_text::Token],
        from: usize,
    ) -> Option<(&str, usize)> {
        for skip in 0..=2 {
            let found = longest_phrase(
                text,
                tokens,
                from + skip,
                3,
                false,
                &self.owned_prefixes,
                |p| self.owned.get(p).map(String::as_str),
            );
            if let Some((role, last)) = found {
                return (!name_follows(text, tokens, last)).then(|| (role, tokens[last].end));
            }
            word_at(text, tokens, from + skip)?;
        }
        None
    }
}

/// The text of `tokens[k]` when it is a word.
fn word_at<'t>(text: &'t str, tokens: &[tacitus_text::Token], k: usize) -> Option<&'t str> {
    tokens
        .get(k)
        .filter(|t| t.kind == TokenKind::Word)
        .and_then(|t| text.get(t.start..t.end))
}

/// Whether a capitalized word (a name) follows `tokens[last]`.
fn name_follows(text: &str, tokens: &[tacitus_text::Token], last: usize) -> bool {
    word_at(text, tokens, last + 1).is_some_and(|w| w.starts_with(char::is_uppercase))
}

/// The longest phrase of up to `max` words from `tokens[from]` (lowercased;
/// with `lowercase_only`, written in lowercase) that `find` knows: what it
/// found and the index of the phrase's last token. `continues` holds the
/// phrases a longer key starts with (see [`word_prefixes`]): a phrase that is
/// none ends the search, as no longer one can be found.
fn longest_phrase<R>(
    text: &str,
    tokens: &[tacitus_text::Token],
    from: usize,
    max: usize,
    lowercase_only: bool,
    continues: &FxHashSet<String>,
    mut find: impl FnMut(&str) -> Option<R>,
) -> Option<(R, usize)> {
    // A first word in lowercase ASCII is its own phrase, read in place: most
    // searches end with it, and build no string.
    let mut first: Option<&str> = None;
    let mut phrase = String::new();
    let mut found = None;
    for n in 0..max {
        let Some(w) = word_at(text, tokens, from + n)
            .filter(|w| !lowercase_only || w.starts_with(char::is_lowercase))
        else {
            break;
        };
        if n == 0 && w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
            first = Some(w);
        } else {
            if let Some(f) = first.take() {
                phrase.push_str(f);
            }
            if n > 0 {
                phrase.push(' ');
            }
            if w.is_ascii() {
                let at = phrase.len();
                phrase.push_str(w);
                phrase[at..].make_ascii_lowercase();
            } else {
                phrase.extend(w.chars().flat_map(char::to_lowercase));
            }
        }
        let current = first.unwrap_or(&phrase);
        if let Some(r) = find(current) {
            found = Some((r, from + n));
        }
        if !continues.contains(current) {
            break;
        }
    }
    found
}

impl std::fmt::Debug for Events {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Events({} patterns)", self.patterns.len())
    }
}

impl Default for Events {
    fn default() -> Self {
        Events::new()
    }
}

impl Events {
    /// The stage with the built-in dictionaries.
    pub fn new() -> Self {
        Events::with_dictionaries(VerbDictionary::builtin(), Dictionary::builtin())
    }

    /// The stage with these verb patterns (users' first) and actors (for the
    /// members of groupings).
    pub fn with_dictionaries(verbs: &VerbDictionary, actors: &Dictionary) -> Self {
        let mut vocabulary = Vocabulary::default();
        let mut patterns = Vec::new();
        for p in &verbs.patterns {
            let mut parts: Vec<Part> = Vec::with_capacity(p.elements.len());
            for e in &p.elements {
                parts.push(match e {
                    Element::Source => Part::Source,
                    Element::Target => Part::Target,
                    Element::Possessive => Part::Possessive,
                    Element::Word { lemmas, optional } => Part::Word {
                        forms: vocabulary.forms_of(verbs, lemmas),
                        optional: *optional,
                        preposition: lemmas.iter().all(|l| PREPOSITIONS.contains(&l.as_str())),
                    },
                });
            }
            // `format!` costs several times these pushes, for 3,000 rules.
            let mut rule = String::with_capacity(p.rule.len() + 2 + p.text.len());
            rule.push_str(&p.rule);
            rule.push_str(": ");
            rule.push_str(&p.text);
            // "talks between SOURCE and TARGET": the actors stage reads
            // "Chile and Peru" as one compound, which such a pattern then
            // takes whole, as a reciprocal subject (every pair of it).
            let pair = parts.windows(3).position(|w| {
                matches!(w, [Part::Source, Part::Word { forms, .. }, Part::Target]
                    if forms.iter().any(|&f| vocabulary.words[f as usize] == "and"))
            });
            if let Some(at) = pair {
                let mut joined = parts.clone();
                joined.drain(at + 1..at + 3);
                push_compiled(&mut patterns, &vocabulary, &p.code, rule.clone(), joined);
                if let Some(last) = patterns.last_mut() {
                    last.reciprocal = true;
                    last.solo = false;
                }
            }
            push_compiled(&mut patterns, &vocabulary, &p.code, rule, parts);
            // "TARGET was VERBed by SOURCE" for SOURCE VERB TARGET patterns;
            // only a participle makes a passive ("an orderly exit by Britain"
            // is none).
            if p.passive
                && let [
                    Element::Source,
                    Element::Word { lemmas, .. },
                    Element::Target,
                    ..,
                ] = p.elements.as_slice()
            {
                let verb = Part::Word {
                    forms: vocabulary.intern_all(lemmas.iter().flat_map(|l| verbs.participles(l))),
                    optional: false,
                    preposition: false,
                };
                // "by" right after the participle: "was condemned by X", not
                // "condemned the launch by X".
                let by = literal_part(&mut vocabulary, &["by"], true);
                let passive = vec![Part::Target, verb.clone(), by, Part::Source];
                push_compiled(
                    &mut patterns,
                    &vocabulary,
                    &p.code,
                    format!("{} (passive)", p.rule),
                    passive,
                );
                // An arrest or charge with no agent is the state's where it
                // happened: "was detained in Iran", "was arrested at
                // Pyongyang's airport".
                if p.code.starts_with("173") {
                    let place = literal_part(&mut vocabulary, &["in", "at"], true);
                    let be = literal_part(
                        &mut vocabulary,
                        &["is", "are", "was", "were", "been", "being"],
                        false,
                    );
                    push_compiled(
                        &mut patterns,
                        &vocabulary,
                        &p.code,
                        format!("{} (passive, place)", p.rule),
                        vec![Part::Target, be, verb, place, Part::Source],
                    );
                }
            }
        }
        let cues: Vec<CompiledCue> = verbs
            .cues
            .iter()
            .map(|c| CompiledCue {
                // The first word is a lemma unless it is no verb; the
                // others are literals ("plan to", "be called off").
                words: c
                    .words
                    .iter()
                    .enumerate()
                    .map(|(i, w)| {
                        if i == 0 && !NOT_VERBS.contains(&w.as_str()) {
                            vocabulary.forms_of(verbs, std::slice::from_ref(w))
                        } else {
                            vec![vocabulary.intern(w)]
                        }
                    })
                    .collect(),
                modality: c.modality,
                after: c.after,
            })
            .collect();
        vocabulary.mark(SLOT_BARRIERS, SLOT_BARRIER);
        vocabulary.mark(AUDIENCES, SLOT_BARRIER);
        vocabulary.mark(&[";", ":", ".", "?", "!", "\"", "(", ")"], BARRIER);
        vocabulary.mark(
            &["we", "us", "our", "i", "me", "my", "them", "they", "it"],
            PRONOUN,
        );
        vocabulary.mark(&["to"], TO);
        vocabulary.mark(DETERMINERS, DETERMINER);
        vocabulary.mark(PASS_WORDS, PASS_WORD);
        vocabulary.mark(LEVIES, LEVY);
        vocabulary.mark(&["each", "one"], EACH_WORD);
        for (nouns, _) in EVENT_NOUNS {
            vocabulary.mark(nouns, EVENT_NOUN);
        }
        for (lemmas, flag) in [
            (CONTROL_VERBS, CONTROL),
            (BACK_PARTICLE_VERBS, BACK_PARTICLE),
            (DEMAND_VERBS, DEMAND),
        ] {
            for lemma in lemmas {
                let forms = verbs.forms(lemma);
                let forms: Vec<&str> = forms.iter().map(String::as_str).collect();
                vocabulary.mark(&forms, flag);
            }
        }
        let mut index = vec![Vec::new(); vocabulary.words.len()];
        let mut word_groups = WordGroups::default();
        for (i, p) in patterns.iter().enumerate() {
            if let Part::Word { forms, .. } = &p.parts[p.anchor] {
                let mut required = [NO_GROUP; 4];
                let others = p
                    .parts
                    .iter()
                    .enumerate()
                    .filter_map(|(j, part)| match part {
                        Part::Word {
                            forms,
                            optional: false,
                            ..
                        } if j != p.anchor => Some(forms),
                        _ => None,
                    });
                for (slot, forms) in required.iter_mut().zip(others) {
                    *slot = word_groups.group(forms);
                }
                let first = required
                    .iter()
                    .find_map(|&g| match word_groups.masks_of(g) {
                        [mask] => Some(*mask),
                        _ => None,
                    })
                    .unwrap_or((NO_GROUP, 0));
                for &f in forms {
                    index[f as usize].push(Candidate {
                        pattern: u32::try_from(i).expect("fewer than 4 billion patterns"),
                        required,
                        first,
                    });
                }
            }
        }
        for &f in word_groups.ids.keys().flatten() {
            vocabulary.flags[f as usize] |= GROUPED;
        }
        for (id, candidates) in index.iter().enumerate() {
            if !candidates.is_empty() {
                vocabulary.flags[id] |= ANCHOR;
            }
            if candidates.iter().any(|c| patterns[c.pattern as usize].solo) {
                vocabulary.flags[id] |= SOLO_ANCHOR;
            }
        }
        let mut candidates = Vec::with_capacity(index.iter().map(Vec::len).sum());
        let mut starts = Vec::with_capacity(index.len() + 1);
        starts.push(0);
        for list in index {
            candidates.extend(list);
            starts.push(u32::try_from(candidates.len()).expect("fewer than 4 billion"));
        }
        let index = starts;
        vocabulary.finish();
        let mut cue_index = vec![Vec::new(); vocabulary.words.len()];
        for (i, c) in cues.iter().enumerate() {
            for &f in c.words.first().into_iter().flatten() {
                cue_index[f as usize].push(i);
            }
        }
        let groups = actors
            .igos
            .iter()
            .filter(|g| g.members.len() >= 2)
            .map(|g| (g.code.clone(), g.members.clone()))
            .collect();
        // By name and by alias: an entity is named as the article writes it
        // ("Nicolas Maduro" for "Nicolás Maduro").
        let mut people: HashMap<String, Arc<Person>> = HashMap::default();
        for p in &actors.people {
            let mut shared: Option<Arc<Person>> = None;
            for name in std::iter::once(&p.name).chain(&p.aliases) {
                if !people.contains_key(name.as_str()) {
                    let p = shared.get_or_insert_with(|| Arc::new(p.clone()));
                    people.insert(name.clone(), Arc::clone(p));
                }
            }
        }
        Events {
            patterns,
            vocabulary,
            pasts: verbs.past_forms().clone(),
            index,
            candidates,
            word_groups,
            cues,
            cue_index,
            groups,
            people,
            agents: Agents::new(actors),
        }
    }
}

/// The side a domestic event names no one for: a protest, strike or
/// blockade (root 14) is against the country's government; restrictions,
/// curfews, martial law and repression (172x, 175) fall on its people, and
/// so does their easing (081x, 082). Other events of a source alone have
/// no target. A source of no country (an international body) has none.
fn domestic_target<'a>(code: &str, source: &Actor) -> Option<Actor<'a>> {
    let country = source.code.get(..3).filter(|c| {
        !matches!(*c, "IGO" | "NGO" | "MNC") && c.bytes().all(|b| b.is_ascii_uppercase())
    })?;
    let state = |role: &str| matches!(role, "GOV" | "COP" | "MIL" | "JUD" | "LEG" | "SPY");
    let role = source.code.get(3..6).unwrap_or("");
    let target_role = if code.starts_with("14") {
        "GOV"
    } else if ["172", "175", "081", "082"]
        .iter()
        .any(|p| code.starts_with(p))
    {
        if state(role) || role.is_empty() {
            "CVL"
        } else {
            "GOV"
        }
    } else {
        return None;
    };
    Some(Actor::coded(format!("{country}{target_role}")))
}

/// Whether a pattern codes an event with its source alone: it has a SOURCE
/// and no TARGET, is not reciprocal, and names two required words or more
/// ("SOURCE claim responsibility", "SOURCE impose curfew"): one verb alone
/// ("SOURCE say", "SOURCE quit") says too little to be an event without
/// the other side, and neither does a bare statement (010).
fn is_solo(code: &str, parts: &[Part], weight: usize, has_target: bool, reciprocal: bool) -> bool {
    !has_target
        && !reciprocal
        && code != "010"
        && parts.iter().any(|p| matches!(p, Part::Source))
        && weight >= 3
}

fn push_compiled(
    out: &mut Vec<Compiled>,
    vocabulary: &Vocabulary,
    code: &str,
    rule: String,
    parts: Vec<Part>,
) {
    // The anchor is the required word with the longest shortest form: a
    // rare word ("resistance") is tried far less often than "the" or "to".
    let Some(anchor) = parts
        .iter()
        .enumerate()
        .filter_map(|(i, p)| match p {
            Part::Word {
                forms,
                optional: false,
                ..
            } => Some((
                i,
                forms
                    .iter()
                    .map(|&f| vocabulary.words[f as usize].len())
                    .min()
                    .unwrap_or(0),
            )),
            _ => None,
        })
        .max_by_key(|&(i, len)| (len, std::cmp::Reverse(i)))
        .map(|(i, _)| i)
    else {
        return;
    };
    let weight = parts
        .iter()
        .filter(|p| !matches!(p, Part::Word { optional: true, .. }))
        .count();
    let has_target = parts.iter().any(|p| matches!(p, Part::Target));
    let joint = mutual(code);
    let reciprocal = !has_target
        && parts.iter().any(|p| {
            matches!(p, Part::Word { forms, optional: false, .. }
            if forms.iter().any(|&f| {
                let w = vocabulary.words[f as usize].as_str();
                RECIPROCAL.contains(&w) || (joint && JOINT_NOUNS.contains(&w))
            }))
        });
    let solo = is_solo(code, &parts, weight, has_target, reciprocal);
    out.push(Compiled {
        code: code.to_string(),
        cameo: CameoTable::builtin().get(code),
        rule,
        parts,
        anchor,
        weight,
        reciprocal,
        solo,
    });
}

/// One actor a slot can hold.
#[derive(Debug, Clone)]
struct Actor<'a> {
    code: Cow<'a, str>,
    /// Index of its entity in the document.
    entity: Option<usize>,
}

impl<'a> Actor<'a> {
    /// An actor the events stage read itself, with no entity.
    fn coded(code: impl Into<Cow<'a, str>>) -> Self {
        Actor {
            code: code.into(),
            entity: None,
        }
    }
}

/// A word, a possessive, or a run of actors ("Japan, India and Australia").
#[derive(Debug, Clone)]
enum ItemKind<'a> {
    /// Folded and lowercase; borrowed from the text when it is so already.
    Word(Cow<'a, str>),
    Possessive,
    Actors(Vec<Actor<'a>>),
}

#[derive(Debug, Clone)]
struct Item<'a> {
    kind: ItemKind<'a>,
    /// A word's id and bits in the [`Vocabulary`], else [`NOT_KNOWN`]
    /// (one field: written as one, it is read back whole).
    known: Known,
    bytes: Range<usize>,
}

impl<'a> Item<'a> {
    /// A run of actors over `bytes`.
    fn of_actors(actors: Vec<Actor<'a>>, bytes: Range<usize>) -> Self {
        Item {
            kind: ItemKind::Actors(actors),
            known: NOT_KNOWN,
            bytes,
        }
    }

    fn word(&self) -> Option<&str> {
        match &self.kind {
            ItemKind::Word(w) => Some(w),
            _ => None,
        }
    }

    fn actors(&self) -> Option<&[Actor<'a>]> {
        match &self.kind {
            ItemKind::Actors(a) => Some(a),
            _ => None,
        }
    }
}

/// Where a pattern matched.
#[derive(Debug, Clone)]
struct Match {
    pattern: usize,
    source: Option<usize>,
    target: Option<usize>,
    first: usize,
    last: usize,
    anchor: usize,
    /// The source is the subject of the sentence a participle clause hangs on.
    participle: bool,
}

impl Stage for Events {
    fn name(&self) -> &'static str {
        "events"
    }

    fn requires(&self) -> &'static [Layer] {
        &[Layer::Sentences, Layer::Tokens, Layer::Entities]
    }

    fn assigns(&self) -> &'static [Layer] {
        &[Layer::Events]
    }

    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        // Lowercased once: a capitalized word's lowercase form is a slice of
        // it, not a new string.
        let lower = doc.text().to_ascii_lowercase();
        let mut context = Context {
            mentions: MentionStarts::new(doc),
            quotes: quote_speakers(doc),
            titled: titled_people(doc),
            previous: None,
            home: OnceCell::new(),
            last_of_role: HashMap::default(),
            last_of_head: HashMap::default(),
        };
        // "Brussels" in a story about the EU is the EU.
        let eu = doc
            .entities
            .iter()
            .any(|e| e.actor.as_deref() == Some(EU) && e.kind != EntityKind::Person);
        let mut timexes: Vec<Range<usize>> = doc
            .timexes
            .iter()
            .map(|t| doc.byte_range(Span::new(t.start, t.end)))
            .collect();
        // By start: a sentence's are found by a binary search.
        timexes.sort_by_key(|t| t.start);
        let mut events: Vec<Event> = Vec::new();
        let mut seen = HashSet::new();
        // The last two actors the text paired ("the two countries"), and
        // the last three, four, five it joined ("the three governments").
        let mut groups: [Option<Vec<Actor>>; 6] = Default::default();
        // The sentence that last named the pair, and the last that joined
        // one ("X and Y").
        let mut pair_sentence: Option<usize> = None;
        let mut joined_pair: Option<usize> = None;
        let mut start = Start::default();
        // Where the last sentence's items ended: the next one's first token,
        // or near it.
        let mut next_token = 0;
        // Reused by each sentence.
        let mut scan = Scan::default();
        let mut items: Vec<Item> = Vec::with_capacity(64);
        let mut words = SentenceWords::new(self.vocabulary.words.len());
        for (s, sentence) in doc.sentences.iter().enumerate() {
            let bytes = doc.byte_range(*sentence);
            start = Start {
                token: count_before(&doc.tokens, next_token, bytes.start, |t| t.start),
                mention: count_before(&context.mentions.starts, start.mention, bytes.start, |m| {
                    m.0
                }),
            };
            let read = self.items(doc, bytes.clone(), start, &lower, &mut context, &mut items);
            next_token = start.token + read;
            context.previous = sentence_subject(&items)
                .and_then(|j| items[j].actors())
                .and_then(|a| a.first())
                .filter(|a| {
                    a.entity
                        .is_none_or(|e| doc.entities[e].kind != EntityKind::Person)
                })
                .cloned();
            // Without a word that anchors a pattern nothing matches: only
            // what the next sentences read is done.
            scan.read(&items);
            if scan.anchored {
                mark_name_words(&mut items, doc.text());
                mark_time_adjuncts(&mut items, &timexes);
                mark_place_adjuncts(&mut items, &scan.pass, doc);
                open_place_of(&mut items, &scan.pass);
                open_quantities(&mut items, &scan.pass);
            }
            if eu {
                brussels_is_the_eu(&mut items, &scan.runs, doc.text());
            }
            // Only when a group is known, or two or more were just named.
            if (groups.iter().any(Option::is_some)
                || scan.runs.len() >= 2
                || (scan.runs.iter()).any(|&i| items[i].actors().is_some_and(|a| a.len() >= 3)))
                && name_the_group(
                    &mut items,
                    &scan.pass,
                    &groups,
                    pair_sentence.is_some_and(|p| p + 1 == s),
                )
            {
                scan.read(&items);
            }
            let read_back = scan.anchored
                && scan.event_noun
                && name_the_event(&mut items, &scan.pass, &events, doc, s);
            if read_back {
                scan.read(&items);
            }
            if scan.anchored {
                for m in self.matches(&items, &scan, &mut words) {
                    self.emit(doc, s, &items, &m, &mut events, &mut seen);
                }
            }
            // An event's source read back is no actor the sentence names:
            // no pair for "the two countries" after it.
            if read_back {
                scan.runs.retain(|&i| items[i].known.flags & ANAPHOR == 0);
            }
            // Two countries only named together do not replace a pair the
            // text joined a few sentences before ("Saudi Arabia and Iran
            // agreed … The White House said Iran … the two countries").
            if let Some((last, joined)) = last_pair(&items, &scan.runs)
                && (joined || joined_pair.is_none_or(|j| j + PAIR_REACH < s))
            {
                groups[2] = Some(last);
                pair_sentence = Some(s);
                if joined {
                    joined_pair = Some(s);
                }
            }
            for &i in &scan.runs {
                if let Some(actors) = items[i].actors()
                    && (3..groups.len()).contains(&actors.len())
                    && distinct_countries(actors)
                {
                    groups[actors.len()] = Some(actors.to_vec());
                }
            }
        }
        drop(items);
        doc.events = events;
        Ok(())
    }
}

/// The European Union's actor code.
const EU: &str = "IGOEUREEC";

/// "accused Brussels of blackmail": in a story about the EU, its seat is it.
/// `runs` are the indices of the items that are actors.
fn brussels_is_the_eu(items: &mut [Item], runs: &[usize], text: &str) {
    for &i in runs {
        let item = &mut items[i];
        if text.get(item.bytes.clone()) == Some("Brussels")
            && let ItemKind::Actors(actors) = &mut item.kind
            && let [actor] = actors.as_mut_slice()
        {
            actor.code = Cow::Borrowed(EU);
            actor.entity = None;
        }
    }
}

/// Nouns for a country's representatives at an international body.
const ENVOYS: &[&str] = &[
    "ambassador",
    "envoy",
    "representative",
    "mission",
    "delegation",
];

/// Nouns that "the two …" and "both …" make a pair of.
const PAIR_NOUNS: &[&str] = &[
    "allies",
    "countries",
    "governments",
    "leaders",
    "nations",
    "neighbors",
    "neighbours",
    "sides",
];

/// Nouns of people after "the two", which name a pair only just named
/// ("the two men", "the two ministers").
const PAIR_PEOPLE: &[&str] = &["men", "ministers", "presidents", "women"];
/// Words after "the two" that make it such a pair by itself ("the two
/// could discuss", "the two met").
const PAIR_FOLLOWERS: &[&str] = &[
    "agreed",
    "also",
    "are",
    "can",
    "could",
    "discussed",
    "have",
    "held",
    "may",
    "met",
    "might",
    "must",
    "said",
    "should",
    "signed",
    "spoke",
    "were",
    "will",
    "would",
];

/// "the two countries", "both sides", "the three governments" → the
/// actors the text last named together in that number (`groups`, by
/// size; three or more also earlier in the sentence). Whether it named one.
/// `pass` are the indices of the items with a [`PASS_WORD`].
fn name_the_group<'a>(
    items: &mut Vec<Item<'a>>,
    pass: &[usize],
    groups: &[Option<Vec<Actor<'a>>>],
    recent_pair: bool,
) -> bool {
    let mut named = false;
    // Each group named replaces its words by one item: the indices after
    // them move down by `removed`, and those before `next` are gone.
    let mut removed = 0;
    let mut next = 0;
    for &p in pass {
        let Some(i) = p.checked_sub(removed).filter(|&i| i >= next) else {
            continue;
        };
        let (size, len) = match (items[i].word(), items.get(i + 1).and_then(Item::word)) {
            (Some("the"), Some("two")) => (2, 3),
            (Some("the"), Some("three")) => (3, 3),
            (Some("the"), Some("four")) => (4, 3),
            (Some("the"), Some("five")) => (5, 3),
            (Some("both"), _) => (2, 2),
            _ => (0, 0),
        };
        let noun = (len > 0)
            .then(|| items.get(i + len - 1).and_then(Item::word))
            .flatten();
        let mut names_group = noun.is_some_and(|w| PAIR_NOUNS.contains(&w));
        // "the two men", "the two could discuss": only the pair just named,
        // in the sentence before or before it in this one ("X met Y, and
        // the two agreed").
        let mut len = len;
        let mut here = None;
        let follower = noun.is_some_and(|w| PAIR_FOLLOWERS.contains(&w));
        if size == 2 && len == 3 && (follower || noun.is_some_and(|w| PAIR_PEOPLE.contains(&w))) {
            here = two_countries(items[..i].iter().filter_map(Item::actors).flatten());
            if recent_pair || here.is_some() {
                names_group = true;
                if follower {
                    len = 2;
                }
            }
        }
        // Three or more named earlier in the sentence ("Spain, Ireland and
        // Norway … Israel recalled its ambassadors from the three
        // countries"), else in an earlier one.
        let earlier = || {
            // A pair is the last of an earlier sentence: "the two sides"
            // after "talks between X and Y" names them, not the compound
            // before it.
            if size < 3 {
                return here.clone();
            }
            items[..i].iter().rev().find_map(|it| {
                let actors = it.actors()?;
                (actors.len() == size && distinct_countries(actors)).then(|| actors.to_vec())
            })
        };
        if names_group
            && let Some(group) = earlier().or_else(|| groups.get(size).cloned().flatten())
        {
            let bytes = items[i].bytes.start..items[i + len - 1].bytes.end;
            items.splice(i..i + len, [Item::of_actors(group, bytes)]);
            named = true;
            removed += len - 1;
            next = i + 1;
        }
    }
    named
}

/// Nouns that refer back to an event the text just reported ("welcomed the
/// decision", "condemned the strikes"), with the roots such an event may
/// have.
const EVENT_NOUNS: &[(&[&str], &[&str])] = &[
    (
        &[
            "decision",
            "move",
            "step",
            "announcement",
            "measure",
            "measures",
            "action",
        ],
        &[
            "03", "04", "05", "06", "07", "08", "10", "12", "13", "14", "15", "16", "17", "18",
            "19", "20",
        ],
    ),
    (
        &[
            "agreement",
            "deal",
            "accord",
            "pact",
            "treaty",
            "ceasefire",
            "truce",
        ],
        &["03", "05", "06", "08"],
    ),
    (
        &[
            "attack",
            "attacks",
            "strike",
            "strikes",
            "airstrike",
            "airstrikes",
            "bombing",
            "shelling",
            "assault",
            "raid",
            "launch",
            "test",
            "invasion",
            "incursion",
            "offensive",
            "killing",
            "killings",
            "annexation",
            "occupation",
            "seizure",
        ],
        &["15", "18", "19", "20"],
    ),
    (&["probe", "investigation", "inquiry"], &["09"]),
    (
        &[
            "drills",
            "exercises",
            "maneuvers",
            "manoeuvres",
            "deployment",
        ],
        &["06", "15"],
    ),
    (
        &["call", "appeal", "request", "demand", "demands"],
        &["02", "10"],
    ),
    (&["plan", "proposal", "offer"], &["03"]),
    (&["visit", "trip", "meeting", "talks", "summit"], &["04"]),
    (
        &[
            "arrest",
            "arrests",
            "detention",
            "detentions",
            "expulsion",
            "expulsions",
            "crackdown",
        ],
        &["17"],
    ),
    (&["sanctions", "tariffs", "embargo"], &["16"]),
    (
        &[
            "accusation",
            "accusations",
            "allegation",
            "allegations",
            "charge",
            "charges",
        ],
        &["11"],
    ),
];

/// The roots of what is said or done about an event ([`ANAPHOR`]): public
/// statements, hosting or attending it (a meeting), approval,
/// investigation, demands, disapproval, rejection, threats.
const ABOUT_AN_EVENT: &[&str] = &["01", "04", "05", "09", "10", "11", "12", "13"];

/// "the decision", "the strikes", "the agreement" after an event of that
/// kind in the sentences before (`events`, in text order; `sentence` is
/// this one's index) → the source of the first such event, the story's
/// main one (all its sources when a compound acted), as an actor that is
/// never a source and whose noun is the word after its slot ("welcomed the
/// decision": `SOURCE welcome TARGET {decision|…}`). Not when the noun
/// names its participants itself ("the attack on Kyiv", "the decision by
/// Berlin"). Whether it named one.
fn name_the_event<'a>(
    items: &mut [Item<'a>],
    pass: &[usize],
    events: &[Event],
    doc: &Document,
    sentence: usize,
) -> bool {
    if events.is_empty() {
        return false;
    }
    let mut named = false;
    for &i in pass {
        if items[i].word() != Some("the") {
            continue;
        }
        let Some(noun) = items
            .get(i + 1)
            .filter(|it| it.known.flags & EVENT_NOUN != 0)
            .and_then(Item::word)
        else {
            continue;
        };
        let Some(&(_, roots)) = EVENT_NOUNS.iter().find(|(nouns, _)| nouns.contains(&noun)) else {
            continue;
        };
        // "the attack on Kyiv", "the decision by Berlin", "the move to
        // …", but not "the strikes on civilian infrastructure".
        let actor_at = |j: usize| {
            items
                .get(j)
                .is_some_and(|it| it.actors().is_some() || matches!(it.kind, ItemKind::Possessive))
        };
        let participants = actor_at(i + 2)
            || items.get(i + 2).and_then(Item::word).is_some_and(|w| {
                w == "to"
                    || matches!(
                        w,
                        "of" | "by" | "on" | "against" | "between" | "with" | "in"
                    ) && (actor_at(i + 3) || actor_at(i + 4))
            });
        if participants {
            continue;
        }
        let fits = |e: &&Event| e.sentence < sentence && roots.contains(&e.root.as_str());
        let Some(antecedent) = events.iter().find(fits) else {
            continue;
        };
        let mut actors: Vec<Actor<'a>> = Vec::new();
        for e in events.iter().filter(|e| e.group == antecedent.group) {
            let Some(source) = &e.source else { continue };
            let Some(code) = source.actor.clone() else {
                continue;
            };
            if actors.iter().any(|a| a.code == code.as_str()) {
                continue;
            }
            let entity = (source.entity.as_ref())
                .and_then(|id| doc.entities.iter().position(|x| &x.id == id));
            actors.push(Actor {
                code: Cow::Owned(code),
                entity,
            });
        }
        if actors.is_empty() {
            continue;
        }
        let known = Known {
            id: items[i + 1].known.id,
            flags: items[i + 1].known.flags & GROUPED | HEAD_NOUN | OBJECT_ONLY | ANAPHOR,
        };
        let bytes = items[i].bytes.start..items[i + 1].bytes.end;
        items[i + 1] = Item {
            kind: ItemKind::Actors(actors),
            known,
            bytes,
        };
        named = true;
    }
    named
}

/// The two actors of different countries among `actors`, when they are of
/// exactly two countries. A news outlet ("WASHINGTON (Reuters) -") is no
/// party to a pair.
fn two_countries<'a, 'b>(actors: impl Iterator<Item = &'b Actor<'a>>) -> Option<Vec<Actor<'a>>>
where
    'a: 'b,
{
    // Borrowed until the answer is known: most sentences name one country
    // or more than two.
    let mut seen: Vec<&Actor> = Vec::new();
    for a in actors {
        if a.code.ends_with("MED") || seen.iter().any(|s| s.code.get(..3) == a.code.get(..3)) {
            continue;
        }
        if seen.len() == 2 {
            return None;
        }
        seen.push(a);
    }
    (seen.len() == 2).then(|| seen.into_iter().cloned().collect())
}

/// Whether no two of `actors` share a country.
fn distinct_countries(actors: &[Actor]) -> bool {
    actors.iter().enumerate().all(|(i, a)| {
        actors[..i]
            .iter()
            .all(|b| a.code.get(..3) != b.code.get(..3))
    })
}

/// How many sentences a pair joined by "and" outlives two countries merely
/// named together.
const PAIR_REACH: usize = 3;

/// The last compound of two actors of different countries in `items`
/// ("Saudi Arabia and Iran"), else the two countries of a sentence that
/// names exactly two; and whether it was a compound. `runs` are the
/// indices of the items that are actors.
fn last_pair<'a>(items: &[Item<'a>], runs: &[usize]) -> Option<(Vec<Actor<'a>>, bool)> {
    fn country<'c>(a: &'c Actor) -> Option<&'c str> {
        a.code.get(..3)
    }
    let compound = runs.iter().rev().find_map(|&i| {
        let actors = items[i].actors()?;
        (actors.len() == 2 && country(&actors[0]) != country(&actors[1])).then(|| actors.to_vec())
    });
    match compound {
        Some(pair) => Some((pair, true)),
        // A place where something happens is no party to it: "Trump met
        // Kim in Singapore".
        None => two_countries(
            runs.iter()
                .filter(|&&i| !(i > 0 && matches!(items[i - 1].word(), Some("in" | "at" | "near"))))
                .filter_map(|&i| items[i].actors())
                .flatten(),
        )
        .map(|pair| (pair, false)),
    }
}

/// What the items of a sentence are read with: the document's mentions,
/// quotations, titled people, and the subject of the sentence before.
struct Context<'a> {
    mentions: MentionStarts,
    quotes: Vec<(Range<usize>, usize)>,
    titled: Vec<Titled>,
    /// The last sentence's subject when it was no person ("it").
    previous: Option<Actor<'a>>,
    /// The country the article is about, when one dominates.
    /// Computed when first needed: few articles have a bare noun.
    home: OnceCell<Option<String>>,
    /// The country last written with each role ("Kenyan police" → COP:
    /// KEN): the country of the bare nouns of that role after it ("police"
    /// again).
    last_of_role: HashMap<String, String>,
    /// The agent last written with each head noun and where ("Russia's
    /// foreign ministry" → ministry: RUSGOV): what "the ministry" is when no
    /// named body is nearer.
    last_of_head: HashMap<String, (usize, String)>,
}

/// A coded person's mention and the title they hold, lowercase.
struct Titled {
    start: usize,
    entity: usize,
    /// Shared by the person's mentions.
    role: Rc<str>,
}

/// Every mention of a coded person with a role, in text order.
fn titled_people(doc: &Document) -> Vec<Titled> {
    let mut out: Vec<Titled> = doc
        .entities
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind == EntityKind::Person && e.actor.is_some())
        .filter_map(|(i, e)| Some((i, e, Rc::from(e.role.as_deref()?.to_lowercase()))))
        .flat_map(|(i, e, role)| {
            e.all_mentions().map(move |m| Titled {
                start: doc.byte_range(Span::new(m.start, m.end)).start,
                entity: i,
                role: Rc::clone(&role),
            })
        })
        .collect();
    out.sort_by_key(|t| t.start);
    out
}

/// "the president", "the foreign minister" at `tokens[k]` ("the"): the
/// person last named before it whose title ends with those words, and the
/// byte the reference ends at. Not when a name follows ("the president,
/// Lula" is named anyway) or nobody before holds the title.
fn title_reference(
    text: &str,
    tokens: &[tacitus_text::Token],
    k: usize,
    titled: &[Titled],
    agents: &Agents,
) -> Option<(usize, usize)> {
    let at = tokens.get(k)?.start;
    // Nobody named before: no search.
    if titled.first().is_none_or(|t| t.start >= at) {
        return None;
    }
    let next = word_at(text, tokens, k + 1)?;
    let plain = next.bytes().all(|b| b.is_ascii_lowercase());
    if plain && !(agents.title_start_filter.may_contain(next) && agents.title_starts.contains(next))
    {
        return None;
    }
    let before = &titled[..titled.partition_point(|t| t.start < at)];
    let continues = &agents.title_prefixes;
    let (entity, last) = longest_phrase(text, tokens, k + 1, 3, true, continues, |title| {
        if !agents.titles.contains(title) {
            return None;
        }
        let holder = before.iter().rev().find(|t| {
            *t.role == *title
                || t.role
                    .strip_suffix(title)
                    .is_some_and(|head| head.ends_with(' '))
        })?;
        Some(holder.entity)
    })?;
    let comma = tokens.get(last + 1).and_then(|t| text.get(t.start..t.end)) == Some(",");
    (!name_follows(text, tokens, last) && !comma).then(|| (entity, tokens[last].end))
}

/// Whether the next word starts a sentence or clause, where a capital
/// says nothing: first in the sentence, after a dateline's dash ("KADUNA,
/// Nigeria - Gunmen …"), a colon or an opening quotation mark.
fn clause_start(out: &[Item]) -> bool {
    out.last()
        .is_none_or(|it| matches!(it.word(), Some("-" | "—" | "–" | ":" | "\"" | "(")))
}

/// Participles after "X-" that make X qualify a noun rather than act:
/// "Iran-aligned", "U.S.-brokered" ("Saudi-led", "Houthi-held" are left
/// out: what X leads or holds is X's).
const QUALIFIERS: &[&str] = &[
    "aligned",
    "allied",
    "backed",
    "based",
    "brokered",
    "funded",
    "made",
    "sponsored",
    "supported",
];

/// Head nouns of a definite description that stands for a body named
/// before ("the bloc", "the council"), and what such a body is: a word of
/// its name, or its kind.
const DEFINITE_HEADS: &[(&str, Option<EntityKind>)] = &[
    // The heads of the actors stage's `GOVERNMENT_HEADS` here stand for
    // the last government body, or person in a government role, named
    // before ("President Rivas said … The administration imposed …"), as
    // that country's government. Not "the regime": news uses it for
    // another country's government as often as for the one last named.
    ("administration", Some(EntityKind::Government)),
    ("agency", None),
    ("cabinet", Some(EntityKind::Government)),
    ("alliance", None),
    ("bloc", Some(EntityKind::Igo)),
    ("coalition", None),
    ("commission", None),
    ("company", Some(EntityKind::Company)),
    ("council", None),
    ("court", None),
    ("firm", Some(EntityKind::Company)),
    ("government", Some(EntityKind::Government)),
    ("group", Some(EntityKind::Group)),
    ("militia", Some(EntityKind::Group)),
    ("ministry", None),
    ("movement", None),
    ("organisation", None),
    ("organization", None),
    ("party", None),
    ("tribunal", None),
    ("union", None),
];

/// The first letters of [`DEFINITE_HEADS`], one bit each (`a` is bit 0):
/// most words after "the" start with none.
const HEAD_INITIALS: u32 = {
    let mut bits = 0;
    let mut i = 0;
    while i < DEFINITE_HEADS.len() {
        bits |= 1 << (DEFINITE_HEADS[i].0.as_bytes()[0] - b'a');
        i += 1;
    }
    bits
};

/// A required pattern word that is one of `words` as written.
fn literal_part(vocabulary: &mut Vocabulary, words: &[&str], preposition: bool) -> Part {
    let mut forms: Vec<u32> = words.iter().map(|w| vocabulary.intern(w)).collect();
    forms.sort_unstable();
    Part::Word {
        forms,
        optional: false,
        preposition,
    }
}

/// How far back (bytes) a definite description looks for its body.
const DEFINITE_REACH: usize = 1500;

/// Notes the agent written over `bytes` under its head noun (its last
/// word, lowercase) for [`definite_reference`].
fn remember_head(
    heads: &mut HashMap<String, (usize, String)>,
    text: &str,
    bytes: Range<usize>,
    code: String,
) {
    if let Some(head) = text.get(bytes.clone()).and_then(|t| t.rsplit(' ').next())
        && DEFINITE_HEADS
            .iter()
            .any(|(h, _)| head.eq_ignore_ascii_case(h))
    {
        heads.insert(head.to_ascii_lowercase(), (bytes.start, code));
    }
}

/// "the bloc", "the Security Council … the council", "the militant group":
/// at "the" (`tokens[k]`), up to two modifiers and a [`DEFINITE_HEADS`]
/// noun not followed by a name stand for the last body named before it
/// (within [`DEFINITE_REACH`] bytes) whose name has that noun or that is of
/// its kind, or for the agent last written with that noun (`heads`: "Russia's
/// foreign ministry … the ministry") when that is nearer. The actor and the
/// byte where the description ends.
fn definite_reference<'a>(
    doc: &'a Document,
    tokens: &[tacitus_text::Token],
    k: usize,
    mentions: &[(usize, usize, usize)],
    heads: &HashMap<String, (usize, String)>,
) -> Option<(Actor<'a>, usize)> {
    let text = doc.text();
    let at = tokens.get(k)?.start;
    // Most words after "the" are no head: a length test first.
    let (head, kind, last) = (k + 1..k + 4).find_map(|j| {
        let w = word_at(text, tokens, j)?;
        let initial = w.as_bytes()[0].wrapping_sub(b'a');
        if !(4..=14).contains(&w.len()) || initial >= 26 || HEAD_INITIALS >> initial & 1 == 0 {
            return None;
        }
        DEFINITE_HEADS
            .iter()
            .find(|(h, _)| *h == w)
            .map(|&(h, kind)| (h, kind, j))
    })?;
    // Every word before the head is a word ("the 27-nation bloc", "the
    // Lebanese group"), not punctuation.
    if (k + 1..last).any(|j| word_at(text, tokens, j).is_none()) || name_follows(text, tokens, last)
    {
        return None;
    }
    let government = GOVERNMENT_HEADS.contains(&head);
    // "the new government", but not "the Obama administration" (a name
    // the actors stage read) or "the government of Iraq", "the government
    // in Kabul" (its country follows).
    if government
        && ((k + 1..last)
            .any(|j| word_at(text, tokens, j).is_some_and(|w| w.starts_with(char::is_uppercase)))
            || word_at(text, tokens, last + 1).is_some_and(|w| matches!(w, "of" | "in")))
    {
        return None;
    }
    let governing = |e: &crate::document::Entity| {
        e.kind == EntityKind::Person && e.actor.as_deref().is_some_and(|a| a.ends_with("GOV"))
    };
    let named = |e: &crate::document::Entity| {
        let has = |word: &str| {
            e.name
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| w.eq_ignore_ascii_case(word))
        };
        kind == Some(e.kind)
            || (government && governing(e))
            || has(head)
            || (head == "organisation" && has("organization"))
            || (head == "alliance" && e.kind == EntityKind::Igo && has("treaty"))
    };
    let before = &mentions[..mentions.partition_point(|m| m.0 < at)];
    let body = before
        .iter()
        .rev()
        .take_while(|m| m.0 + DEFINITE_REACH >= at)
        .find(|m| named(&doc.entities[m.2]));
    let agent = heads
        .get(head)
        .filter(|(start, _)| start + DEFINITE_REACH >= at);
    // A government head stands for the government of the body's country.
    let body_actor = |e: usize| match doc.entities[e].country.as_deref() {
        Some(country) if government => Actor::coded(format!("{country}GOV")),
        _ => entity_actor(doc, e),
    };
    let actor = match (body, agent) {
        (Some(m), Some((start, _))) if m.0 > *start => body_actor(m.2),
        (_, Some((_, code))) => Actor::coded(code.clone()),
        (Some(m), None) => body_actor(m.2),
        (None, None) => return None,
    };
    Some((actor, tokens[last].end))
}

/// The mentions of coded entities by byte start: the longest at each
/// start (the first entity's on a tie).
#[derive(Debug, Default)]
struct MentionStarts {
    /// (byte start, byte end, entity index), sorted by start, one per start.
    starts: Vec<(usize, usize, usize)>,
}

impl MentionStarts {
    fn new(doc: &Document) -> Self {
        let mut starts = Vec::new();
        // The dateline's place says where the story was filed: no actor.
        let dateline = dateline_place(doc.text()).unwrap_or_default();
        for (i, e) in doc.entities.iter().enumerate() {
            if e.actor.is_none() && e.country.is_none() {
                continue;
            }
            for m in e.all_mentions() {
                let r = doc.byte_range(Span::new(m.start, m.end));
                if !(dateline.start <= r.start && r.end <= dateline.end) {
                    starts.push((r.start, r.end, i));
                }
            }
        }
        // Longest first at each start; among equals the entity listed first.
        starts.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
        starts.dedup_by_key(|m| m.0);
        MentionStarts { starts }
    }
}

/// Where a sentence starts: its first token and its first mention, as
/// indices into the document's tokens and [`MentionStarts`].
#[derive(Debug, Default, Clone, Copy)]
struct Start {
    token: usize,
    mention: usize,
}

/// How many of `list` (sorted by `key`) come before byte `start`, from
/// `cursor`, the count for an earlier byte: sentences come in text order,
/// so a walk from there reads each entry once where a binary search over
/// the whole document missed the cache at each step.
fn count_before<T>(list: &[T], cursor: usize, start: usize, key: impl Fn(&T) -> usize) -> usize {
    if cursor > 0 && key(&list[cursor - 1]) >= start {
        return list.partition_point(|x| key(x) < start);
    }
    cursor + list[cursor..].iter().take_while(|x| key(x) < start).count()
}

/// The mention that starts at byte `start`, with `ahead` the mentions from
/// some earlier byte on, moved up to `start`: its byte end and entity.
fn mention_at(ahead: &mut &[(usize, usize, usize)], start: usize) -> Option<(usize, usize)> {
    while let [first, rest @ ..] = *ahead
        && first.0 < start
    {
        *ahead = rest;
    }
    ahead.first().filter(|m| m.0 == start).map(|m| (m.1, m.2))
}

impl Events {
    /// What the vocabulary knows of the last word in `bytes` of `text`: the
    /// noun of an actor such as "U.S. ambassador" or "police".
    fn head_of(&self, text: &str, bytes: Range<usize>) -> Known {
        let head = text
            .get(bytes)
            .and_then(|t| t.rsplit(' ').next())
            .unwrap_or("");
        self.vocabulary.lookup(&head.to_lowercase())
    }

    /// [`Events::head_of`] for the patterns that name the noun right after
    /// the actor's slot: its id, and of its bits only [`GROUPED`] (the
    /// actor anchors no pattern) and [`HEAD_NOUN`].
    fn head_known(&self, text: &str, bytes: Range<usize>) -> Known {
        let known = self.head_of(text, bytes);
        Known {
            id: known.id,
            flags: known.flags & GROUPED | HEAD_NOUN,
        }
    }

    /// The sentence as items, in `out` (emptied first; one buffer serves
    /// every sentence): words (folded, lowercase), possessives and runs of
    /// actors. How many tokens from `start` it read. `start` is where it
    /// starts in the tokens and mentions; `lower` is the document's text
    /// with ASCII letters in lowercase.
    fn items<'a>(
        &'a self,
        doc: &'a Document,
        sentence: Range<usize>,
        start: Start,
        lower: &'a str,
        context: &mut Context<'a>,
        buffer: &mut Vec<Item<'a>>,
    ) -> usize {
        let Context {
            mentions,
            quotes,
            titled,
            previous,
            home,
            last_of_role,
            last_of_head,
        } = context;
        let agents = &self.agents;
        let text = doc.text();
        let mut out = std::mem::take(buffer);
        out.clear();
        let mut ahead = &mentions.starts[start.mention..];
        let mut skip_until = 0;
        // The closing mark of a short quotation inside a clause.
        let mut scare_close = usize::MAX;
        let tokens = &doc.tokens[start.token..];
        let mut read = 0;
        // Most sentences are ASCII (one test of their bytes, a fast one),
        // and so is each of their words.
        let ascii = lower.get(sentence.clone()).is_some_and(str::is_ascii);
        for (k, tok) in tokens
            .iter()
            .enumerate()
            .take_while(|(_, t)| t.end <= sentence.end)
        {
            read = k + 1;
            if tok.start < skip_until {
                continue;
            }
            if let Some((end, e)) = mention_at(&mut ahead, tok.start) {
                // "met his Chinese counterpart Wang Yi": a possessive before
                // a country adjective determines another actor.
                if lower
                    .get(tok.start..end)
                    .is_some_and(|w| POSSESSIVE_PRONOUNS.contains(&w))
                    && agents.adjective_at(text, lower, tokens, k + 1).is_some()
                {
                    out.push(Item {
                        kind: ItemKind::Word(Cow::Borrowed(
                            lower.get(tok.start..end).unwrap_or(""),
                        )),
                        known: NOT_KNOWN,
                        bytes: tok.start..end,
                    });
                    continue;
                }
                let mut actor = entity_actor(doc, e);
                let mut end = end;
                // "U.S. officials": the country's agents.
                // A mention is a few tokens long: walking them is cheaper
                // than a binary search over the rest of the document.
                let next = k + tokens[k..].iter().take_while(|t| t.start < end).count();
                // "the Iran-aligned group", "U.S.-brokered talks": the
                // mention qualifies what follows, which is no agent of it.
                if let [hyphen, word, ..] = &tokens[next.min(tokens.len())..]
                    && hyphen.kind == TokenKind::Hyphen
                    && hyphen.start == end
                    && word.start == hyphen.end
                    && text
                        .get(word.start..word.end)
                        .is_some_and(|w| QUALIFIERS.contains(&w.to_ascii_lowercase().as_str()))
                {
                    out.push(Item {
                        kind: ItemKind::Word(Cow::Borrowed(
                            lower.get(tok.start..word.end).unwrap_or(""),
                        )),
                        known: NOT_KNOWN,
                        bytes: tok.start..word.end,
                    });
                    skip_until = word.end;
                    continue;
                }
                let mut head = NOT_KNOWN;
                if actor.code.len() == 3
                    && let Some((role, noun_end)) = agents.noun_at(text, tokens, next)
                {
                    actor.code.to_mut().push_str(role);
                    head = self.head_known(text, tok.start..noun_end);
                    end = noun_end;
                }
                // "Canada's House of Commons", "India's Supreme Court": a
                // body the dictionary knows in one country, owned by another.
                if actor.code.len() > 3
                    && !actor.code.starts_with("IGO")
                    && let [.., owner, possessive] = out.as_slice()
                    && matches!(possessive.kind, ItemKind::Possessive)
                    && let Some([country]) = owner.actors()
                    && country.code.len() == 3
                    && !actor.code.starts_with(country.code.as_ref())
                {
                    let code = format!("{}{}", country.code, &actor.code[3..]);
                    let start = owner.bytes.start;
                    out.truncate(out.len() - 2);
                    out.push(Item::of_actors(vec![Actor::coded(code)], start..end));
                    skip_until = end;
                    continue;
                }
                // "Iran's U.N. ambassador" speaks for Iran, not the U.N.
                let envoy = tokens
                    .get(next)
                    .and_then(|t| text.get(t.start..t.end))
                    .is_some_and(|w| ENVOYS.contains(&w));
                if envoy
                    && actor.code.starts_with("IGO")
                    && let [.., owner, possessive] = out.as_slice()
                    && matches!(possessive.kind, ItemKind::Possessive)
                    && let Some([country]) = owner.actors()
                    && country.code.len() == 3
                {
                    let code = format!("{}GOV", country.code);
                    let start = owner.bytes.start;
                    out.truncate(out.len() - 2);
                    out.push(Item::of_actors(
                        vec![Actor::coded(code)],
                        start..tokens[next].end,
                    ));
                    skip_until = tokens[next].end;
                    continue;
                }
                // "President Emmanuel Macron": the title before a person's
                // name is part of the actor ("Modi and President Emmanuel
                // Macron" is a compound).
                let title = match actor.entity.map(|e| doc.entities[e].kind) {
                    Some(EntityKind::Person) => capitalized_title_before(
                        text,
                        &out,
                        tok.start,
                        &agents.titles,
                        &agents.adjectives,
                    ),
                    _ => 0,
                };
                let start = out[out.len() - title..]
                    .first()
                    .map_or(tok.start, |it| it.bytes.start);
                // "summoned U.S. Ambassador John Sullivan": the title's noun.
                if title > 0
                    && let Some(noun) = out.last()
                {
                    head = Known {
                        id: noun.known.id,
                        flags: noun.known.flags & GROUPED | HEAD_NOUN,
                    };
                }
                out.truncate(out.len() - title);
                let mut item = Item::of_actors(vec![actor], start..end);
                item.known = head;
                out.push(item);
                skip_until = end;
                continue;
            }
            // "two-day", "half-mast": a hyphenated compound is one word.
            let mut end = tok.end;
            let mut j = k;
            while tok.kind == TokenKind::Word
                && let [hyphen, next, ..] = &tokens[(j + 1).min(tokens.len())..]
                && hyphen.kind == TokenKind::Hyphen
                && hyphen.start == end
                && next.kind == TokenKind::Word
                && next.start == hyphen.end
                && next.end <= sentence.end
                && mention_at(&mut { ahead }, next.start).is_none()
            {
                end = next.end;
                j += 2;
            }
            skip_until = end;
            // `lower` has the text's bytes but for ASCII capitals: the same
            // slice of it is valid, and ASCII when the word is.
            let lowered = lower.get(tok.start..end).unwrap_or("");
            let raw = || text.get(tok.start..end).unwrap_or("");
            let word: Cow<'a, str> = if ascii || lowered.is_ascii() {
                // ASCII folds to itself.
                Cow::Borrowed(lowered)
            } else {
                Cow::Owned(
                    raw()
                        .chars()
                        .map(fold_char)
                        .flat_map(char::to_lowercase)
                        .collect(),
                )
            };
            // "the king", "the foreign minister": the person last named
            // with that title.
            if word == "the"
                && let Some((e, end)) = title_reference(text, tokens, k, titled, agents)
            {
                out.push(Item::of_actors(vec![entity_actor(doc, e)], tok.start..end));
                skip_until = end;
                continue;
            }
            // "the bloc", "the council", "the militant group": the body last
            // named that way.
            if word == "the"
                && let Some((actor, end)) =
                    definite_reference(doc, tokens, k, &mentions.starts, last_of_head)
            {
                out.push(Item::of_actors(vec![actor], tok.start..end));
                skip_until = end;
                continue;
            }
            // "Armenian and Azerbaijani forces": both countries' agents.
            let token_text = |j: usize| {
                tokens
                    .get(j)
                    .and_then(|t| text.get(t.start..t.end))
                    .unwrap_or("")
            };
            // A country's adjective or demonym ("Japanese", "Americans").
            let capitalized = match text.as_bytes().get(tok.start) {
                _ if lowered.is_empty() => false,
                Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
                _ => raw().starts_with(char::is_uppercase),
            };
            // One key for the lookups of this word below.
            let key = keyed(&word);
            let adjective = if capitalized && agents.adjective_filter.may_contain_keyed(key) {
                agents.adjectives.get(word.as_ref())
            } else {
                None
            };
            // "South Korean officials": an adjective of two words. `adj`
            // is the adjective's last token, `adj_end` where it ends.
            let (adjective, adj, adj_end) = match adjective {
                None if capitalized
                    && let Some((country, last)) =
                        agents.two_word_adjective(text, lower, tokens, k) =>
                {
                    (Some(country), last, tokens[last].end)
                }
                adjective => (adjective, k, end),
            };
            if let Some(first) = adjective
                && token_text(adj + 1) == "and"
                && token_text(adj + 2).starts_with(char::is_uppercase)
                && let Some(second) = agents.adjectives.get(&token_text(adj + 2).to_lowercase())
                && let Some((role, end)) = agents.noun_at(text, tokens, adj + 3)
                && !role.is_empty()
            {
                let agent = |country: &str| Actor::coded(format!("{country}{role}"));
                out.push(Item::of_actors(
                    vec![agent(first), agent(second)],
                    tok.start..end,
                ));
                skip_until = end;
                continue;
            }
            // "Japanese officials".
            if let Some(country) = adjective
                && let Some((role, end)) = agents
                    .noun_at(text, tokens, adj + 1)
                    .or_else(|| agents.ambiguous_noun_at(text, tokens, adj + 1))
            {
                if !role.is_empty() {
                    last_of_role.insert(role.to_string(), country.clone());
                    remember_head(
                        last_of_head,
                        text,
                        tok.start..end,
                        format!("{country}{role}"),
                    );
                }
                let mut item = Item::of_actors(
                    vec![Actor::coded(format!("{country}{role}"))],
                    tok.start..end,
                );
                item.known = self.head_known(text, tok.start..end);
                // "Chinese goods" are acted on; they do nothing.
                if role.is_empty() {
                    item.known.flags |= OBJECT_ONLY;
                }
                out.push(item);
                skip_until = end;
                continue;
            }
            // "six Americans", "Israelis and Palestinians": the country.
            if let Some(country) = adjective
                && (lower.get(tok.start..adj_end)).is_some_and(|a| a.ends_with('s'))
            {
                out.push(Item::of_actors(
                    vec![Actor::coded(country.as_str())],
                    tok.start..adj_end,
                ));
                skip_until = adj_end;
                continue;
            }
            // "a Philippine fisheries vessel", "Chinese coast guard ships":
            // before a noun that is no agent, the country as well (not
            // before a name: "Russian citizen Maria Butina").
            if let Some(country) = adjective
                && let Some(next) = word_at(text, tokens, adj + 1)
                && next.starts_with(char::is_lowercase)
                && (matches!(next, "and" | "or") || !name_follows(text, tokens, adj + 1))
            {
                let mut item =
                    Item::of_actors(vec![Actor::coded(country.as_str())], tok.start..adj_end);
                item.known.flags = MODIFIER;
                out.push(item);
                skip_until = adj_end;
                continue;
            }
            // "Brazil's Federal Police": the country's agents; so are a
            // government's, named by its seat ("Kabul's forces": AFGMIL).
            let seat = |a: &Actor| {
                a.code.len() == 6
                    && a.code.ends_with("GOV")
                    && a.entity
                        .is_some_and(|e| doc.entities[e].kind == EntityKind::Government)
            };
            if tok.kind == TokenKind::Possessive
                && let Some(owner) = out.last()
                && let Some([owner_actor]) = owner.actors()
                && (owner_actor.code.len() == 3 || seat(owner_actor))
                && let Some(country) = owner_actor.code.get(..3).map(Actor::coded)
                && let Some((role, noun_end)) = agents.owned_noun_at(text, tokens, k + 1)
                // A noun the patterns name stays a word ("summoned China's
                // ambassador", "Russia's military build-up"), unless it is
                // a group or institution ("Brazil's Federal Police accused").
                && text
                    .get(tok.end..noun_end)
                    .and_then(|t| t.rsplit(' ').next())
                    .map(str::to_lowercase)
                    .is_none_or(|head| {
                        agents.bare.contains_key(&head)
                            || self.vocabulary.get(&head) == UNKNOWN
                    })
            {
                last_of_role.insert(role.to_string(), country.code.to_string());
                let code = format!("{}{role}", country.code);
                remember_head(last_of_head, text, tok.start..noun_end, code.clone());
                let start = owner.bytes.start;
                out.pop();
                out.push(Item::of_actors(vec![Actor::coded(code)], start..noun_end));
                skip_until = noun_end;
                continue;
            }
            // "Police fired tear gas at protesters": with no country
            // written, the one last written with the role, else the
            // article's own. Not after a name ("Houthi rebels", "Hamas
            // militants") or a possessive ("the city's police").
            let after_name = |out: &[Item]| {
                out.last().is_some_and(|it| match it.kind {
                    ItemKind::Word(_) => {
                        it.known.flags & DETERMINER == 0
                            && text
                                .get(it.bytes.clone())
                                .is_some_and(|w| w.starts_with(char::is_uppercase))
                    }
                    _ => true,
                })
            };
            if tok.kind == TokenKind::Word
                && let Some((role, noun_end)) = agents.bare_noun_at(text, tokens, k, key, &out)
                && !after_name(&out)
                && let Some(country) = last_of_role.get(role).or_else(|| {
                    home.get_or_init(|| home_country(&doc.entities, text))
                        .as_ref()
                })
            {
                let mut item = Item::of_actors(
                    vec![Actor::coded(format!("{country}{role}"))],
                    tok.start..noun_end,
                );
                // A pattern may name the noun as a word ("sent troops into").
                let known = self.head_of(text, tok.start..noun_end);
                item.known = Known {
                    id: known.id,
                    flags: known.flags | BARE,
                };
                out.push(item);
                skip_until = noun_end;
                continue;
            }
            // Each arm pushes its own item: an item assembled after the
            // match went through two copies on the stack, the second read
            // back wider than the first was written (a stall per word).
            let bytes = tok.start..end;
            // `called the decision "extremely dangerous"`: the marks of a
            // short quotation inside a clause split nothing.
            let scare = tok.kind == TokenKind::Quote
                && (k == scare_close
                    || short_quotation(text, tokens, k)
                        .inspect(|&c| scare_close = c)
                        .is_some());
            match tok.kind {
                _ if scare => {}
                TokenKind::Possessive => out.push(Item {
                    kind: ItemKind::Possessive,
                    known: NOT_KNOWN,
                    bytes,
                }),
                // A closing quotation mark before a preposition splits no
                // clause: `"… build trust" with the administration`.
                _ if word == "\""
                    && tokens
                        .get(k + 1)
                        .and_then(|t| text.get(t.start..t.end))
                        .is_some_and(|w| PREPOSITIONS.contains(&w)) => {}
                _ => {
                    let mut known = self.vocabulary.lookup_keyed(&word, key);
                    // "re-engage" is "engage" when only that is known.
                    // Only a joined compound has a hyphen in a word: a
                    // token holds one only when it is all dashes.
                    if known.id == UNKNOWN
                        && end != tok.end
                        && word.as_bytes().contains(&b'-')
                        && let Some((_, last)) = word.rsplit_once('-')
                    {
                        known = self.vocabulary.lookup(last);
                    }
                    let pronoun = (known.flags & PRONOUN != 0)
                        .then(|| {
                            pronoun_actor(doc, quotes, &out, previous.as_ref(), tok.start, &word)
                        })
                        .flatten();
                    match pronoun {
                        Some(actors) => {
                            let mut item = Item::of_actors(actors, bytes);
                            if matches!(word.as_ref(), "he" | "she" | "they" | "we" | "i") {
                                item.known.flags |= NOMINATIVE;
                            }
                            out.push(item);
                        }
                        None => out.push(Item {
                            kind: ItemKind::Word(word),
                            known,
                            bytes,
                        }),
                    }
                }
            }
        }
        // One pass finds which of the passes below can change anything:
        // most sentences need none of them.
        let mut shape = Shape::of(&out, lower);
        if shape.elliptical && join_elliptical_pairs(&mut out) {
            shape = Shape::of(&out, lower);
        }
        if shape.possessor {
            possessive_pronouns(&mut out, lower);
        }
        if shape.each_other {
            reciprocal_objects(&mut out);
        }
        if shape.levy {
            goods_from(&mut out);
            levy_fillers(&mut out);
        }
        *buffer = if shape.compound {
            merge_compounds(out)
        } else {
            out
        };
        read
    }
}

/// Which of the passes over a sentence's items after they are read may
/// change them: each is `false` only when its pass would find nothing.
/// Most items are words: only actors and their neighbours are read.
#[derive(Debug, Default, Clone, Copy)]
struct Shape {
    /// "north and" before an actor: see [`join_elliptical_pairs`].
    elliptical: bool,
    /// An actor written as a possessive pronoun ("his"): see
    /// [`possessive_pronouns`].
    possessor: bool,
    /// A levy word: see [`goods_from`] and [`levy_fillers`].
    levy: bool,
    /// "each" or "one": see [`reciprocal_objects`].
    each_other: bool,
    /// An actor before a joiner: see [`merge_compounds`].
    compound: bool,
}

impl Shape {
    /// The shape of `items`, of a text whose lowercase copy is `lower`.
    fn of(items: &[Item], lower: &str) -> Self {
        let mut shape = Shape::default();
        for (i, it) in items.iter().enumerate() {
            shape.levy |= it.known.flags & LEVY != 0;
            shape.each_other |= it.known.flags & EACH_WORD != 0;
            if let ItemKind::Actors(_) = it.kind {
                shape.elliptical |= i >= 2
                    && items[i - 1].word() == Some("and")
                    && matches!(items[i - 2].word(), Some("north" | "south"));
                shape.possessor |= it.bytes.len() <= 5
                    && (lower.get(it.bytes.clone()))
                        .is_some_and(|w| POSSESSIVE_PRONOUNS.contains(&w));
                shape.compound |= (items.get(i + 1))
                    .and_then(Item::word)
                    .is_some_and(|w| JOINERS.contains(&w));
            }
        }
        shape
    }
}

/// "ahead of his visit to the United States": a possessive pronoun the
/// actors stage resolved is its actor and a possessive, as "Macron's" is,
/// for the patterns' `SOURCE 's` and `TARGET 's`.
fn possessive_pronouns(items: &mut Vec<Item>, lower: &str) {
    let possessor = |it: &Item| {
        it.bytes.len() <= 5
            && it.actors().is_some()
            && lower
                .get(it.bytes.clone())
                .is_some_and(|w| POSSESSIVE_PRONOUNS.contains(&w))
    };
    // Most sentences have no short actor: a test of each item's kind and
    // length rules them out before any text is read.
    let short_actor = |it: &Item| it.bytes.len() <= 5 && matches!(it.kind, ItemKind::Actors(_));
    if !items.iter().any(|it| short_actor(it) && possessor(it)) {
        return;
    }
    let mut i = 0;
    while i < items.len() {
        if possessor(&items[i])
            && !items
                .get(i + 1)
                .is_some_and(|it| matches!(it.kind, ItemKind::Possessive))
        {
            let end = items[i].bytes.end;
            items.insert(
                i + 1,
                Item {
                    kind: ItemKind::Possessive,
                    known: NOT_KNOWN,
                    bytes: end..end,
                },
            );
            i += 1;
        }
        i += 1;
    }
}

/// Words of a levy on trade, before the goods it falls on.
const LEVIES: &[&str] = &[
    "tariff",
    "tariffs",
    "duty",
    "duties",
    "levy",
    "levies",
    "tax",
    "taxes",
    "ban",
    "bans",
    "restrictions",
    "curbs",
    "quotas",
];

/// What a levy falls on, named by its origin.
const TRADED: &[&str] = &["goods", "products", "imports", "exports", "shipments"];

/// "tariffs on $300 billion of goods from China", "tariffs on imports of
/// steel from the United States": after a levy, the goods from a country
/// are that country's, acted on as "Chinese goods" are (one object-only
/// item of the country), so "tariffs on … of TARGET" reads it.
fn goods_from(items: &mut Vec<Item<'_>>) {
    let mut i = 1;
    while i + 2 < items.len() {
        let levied = || {
            items[i.saturating_sub(10)..i]
                .iter()
                .any(|it| it.known.flags & LEVY != 0)
        };
        // "imports of steel from China": the goods' kind may come between.
        let from = if items[i + 1].word() == Some("of") && items[i + 2].word().is_some() {
            i + 3
        } else {
            i + 1
        };
        // "from the United States"
        let country = if items.get(from + 1).and_then(Item::word) == Some("the") {
            from + 2
        } else {
            from + 1
        };
        // The cheapest tests first: most items are no "from" before an actor.
        if items.get(from).and_then(Item::word) == Some("from")
            && let Some(actors) = items.get(country).and_then(Item::actors)
            && items[i].word().is_some_and(|w| TRADED.contains(&w))
            && levied()
        {
            let bytes = items[i].bytes.start..items[country].bytes.end;
            let mut item = Item::of_actors(actors.to_vec(), bytes);
            item.known.flags |= OBJECT_ONLY;
            items.splice(i..=country, [item]);
        }
        i += 1;
    }
}

/// "tariffs of up to 25% on 517 types of American farm products": the
/// rate after a levy and the quantity before the goods' origin are left
/// out, so the levy reads as "tariffs on American …" and `… on TARGET`
/// finds its target.
fn levy_fillers(items: &mut Vec<Item<'_>>) {
    let mut i = 0;
    while i + 2 < items.len() {
        if items[i].known.flags & LEVY != 0 {
            if items[i + 1].word() == Some("of")
                && let Some(len) = rate_len(&items[i + 2..])
            {
                items.drain(i + 1..i + 2 + len);
            }
            if items.get(i + 1).and_then(Item::word) == Some("on")
                && let Some(len) = quantity_len(items.get(i + 2..).unwrap_or_default())
            {
                items.drain(i + 2..i + 2 + len);
            }
        }
        i += 1;
    }
}

/// How many items a levy's rate takes after its "of": "up to 25 %",
/// "10 percent".
fn rate_len(rest: &[Item]) -> Option<usize> {
    for (k, it) in rest.iter().take(5).enumerate() {
        match it.word()? {
            "%" | "percent" => return (k > 0).then_some(k + 1),
            "up" | "to" => {}
            w if w.starts_with(|c: char| c.is_ascii_digit()) => {}
            _ => return None,
        }
    }
    None
}

/// How many words of quantity come before the country the goods are from
/// ("517 types of", "$16 billion of the"): the country must follow "of"
/// (or "of the") and name the goods ("Chinese goods" is one object-only
/// item) or be followed by them within three words.
fn quantity_len(rest: &[Item]) -> Option<usize> {
    let k = rest.iter().take(8).position(|it| it.word().is_none())?;
    rest[k].actors()?;
    let before = |n: usize| k.checked_sub(n).and_then(|j| rest[j].word());
    let of = before(1) == Some("of") || (before(1) == Some("the") && before(2) == Some("of"));
    let goods = rest[k].known.flags & OBJECT_ONLY != 0
        || rest[k + 1..]
            .iter()
            .take(3)
            .map_while(Item::word)
            .any(|w| TRADED.contains(&w));
    (of && goods).then_some(k)
}

/// "each other", "one another" → one object-only item of no actor with
/// [`EACH_OTHER`].
fn reciprocal_objects(items: &mut Vec<Item<'_>>) {
    let mut i = 0;
    while i + 1 < items.len() {
        let pair = match items[i].word() {
            Some("each") => matches!(items[i + 1].word(), Some("other" | "others")),
            Some("one") => items[i + 1].word() == Some("another"),
            _ => false,
        };
        if pair {
            let bytes = items[i].bytes.start..items[i + 1].bytes.end;
            let mut item = Item::of_actors(Vec::new(), bytes);
            item.known.flags |= EACH_OTHER | OBJECT_ONLY;
            items.splice(i..i + 2, [item]);
        }
        i += 1;
    }
}

/// Countries whose names share a word an elliptical coordination leaves
/// out: "North and South Korea" (the word before "and", the country
/// named after it, the country the word stands for).
const ELLIPTICAL_PAIRS: &[(&str, &str, &str)] = &[("north", "KOR", "PRK"), ("south", "PRK", "KOR")];

/// "North and South Korea" → one item of both Koreas (with the role the
/// named one has: "North and South Korean officials").
/// Whether it joined any.
fn join_elliptical_pairs(items: &mut Vec<Item<'_>>) -> bool {
    let mut joined = false;
    let mut i = 0;
    while i + 2 < items.len() {
        if let Some(other) = elliptical_partner(&items[i..i + 3]) {
            let named = items[i + 2].actors().unwrap_or_default().to_vec();
            let bytes = items[i].bytes.start..items[i + 2].bytes.end;
            let both = std::iter::once(other).chain(named).collect();
            items.splice(i..i + 3, [Item::of_actors(both, bytes)]);
            joined = true;
        }
        i += 1;
    }
    joined
}

/// The country the first word of `window` stands for in "North and South
/// Korea" ([`ELLIPTICAL_PAIRS`]).
fn elliptical_partner<'a>(window: &[Item<'a>]) -> Option<Actor<'a>> {
    let [word, and, named] = window else {
        return None;
    };
    let [actor] = named.actors()? else {
        return None;
    };
    if and.word() != Some("and") {
        return None;
    }
    ELLIPTICAL_PAIRS
        .iter()
        .find(|(w, code, _)| word.word() == Some(*w) && actor.code.starts_with(code))
        .map(|(_, _, other)| Actor::coded(format!("{other}{}", actor.code.get(3..).unwrap_or(""))))
}

/// How many of the last `items` are a capitalized title written right
/// before byte `at` ("President", "Prime Minister"): 0 when none.
fn capitalized_title_before(
    text: &str,
    items: &[Item],
    at: usize,
    titles: &FxHashSet<String>,
    adjectives: &HashMap<String, String>,
) -> usize {
    let mut found = 0;
    let mut phrase = String::new();
    let mut end = at;
    for (n, item) in items.iter().rev().take(3).enumerate() {
        let (Some(word), Some(raw)) = (item.word(), text.get(item.bytes.clone())) else {
            break;
        };
        // Adjacent capitalized words: "Foreign Minister Wang Yi".
        let gap = text.get(item.bytes.end..end).unwrap_or("x");
        if !gap.chars().all(char::is_whitespace) || !raw.starts_with(char::is_uppercase) {
            break;
        }
        phrase = if phrase.is_empty() {
            word.to_string()
        } else {
            format!("{word} {phrase}")
        };
        if titles.contains(&phrase) {
            found = n + 1;
        }
        end = item.bytes.start;
    }
    // "French President Emmanuel Macron": the country's adjective too.
    if found > 0
        && let Some(before) = items.len().checked_sub(found + 1).map(|i| &items[i])
        && let (Some(word), Some(raw)) = (before.word(), text.get(before.bytes.clone()))
        && raw.starts_with(char::is_uppercase)
        && adjectives.contains_key(word)
        && text
            .get(before.bytes.end..items[items.len() - found].bytes.start)
            .is_some_and(|gap| gap.chars().all(char::is_whitespace))
    {
        found += 1;
    } else if found > 0
        // "U.S. President Donald Trump": a country's name as its adjective.
        && let Some(before) = items.len().checked_sub(found + 1).map(|i| &items[i])
        && before
            .actors()
            .is_some_and(|a| a.len() == 1 && a[0].code.len() == 3)
        && text
            .get(before.bytes.end..items[items.len() - found].bytes.start)
            .is_some_and(|gap| gap.chars().all(char::is_whitespace))
    {
        found += 1;
    } else if found > 0 {
        // "Thailand's acting Prime Minister Phumtham": the country's
        // possessive too, with a word that qualifies the title.
        let before = &items[..items.len() - found];
        let qualifier = before
            .last()
            .and_then(Item::word)
            .is_some_and(|w| TITLE_QUALIFIERS.contains(&w));
        let rest = &before[..before.len() - usize::from(qualifier)];
        if let [.., owner, possessive] = rest
            && matches!(possessive.kind, ItemKind::Possessive)
            && owner
                .actors()
                .is_some_and(|a| a.len() == 1 && a[0].code.len() == 3)
        {
            found += 2 + usize::from(qualifier);
        }
    }
    found
}

/// The actor an entity stands for.
fn entity_actor(doc: &Document, e: usize) -> Actor<'_> {
    let entity = &doc.entities[e];
    Actor {
        code: Cow::Borrowed(
            entity
                .actor
                .as_deref()
                .or(entity.country.as_deref())
                .unwrap_or_default(),
        ),
        entity: Some(e),
    }
}

/// Conjunctions of a temporal or causal clause, whose "it" is mostly the
/// main clause's subject.
const TEMPORAL_CONJUNCTIONS: &[&str] = &[
    "after", "although", "as", "because", "before", "once", "since", "though", "until", "when",
    "while",
];

/// "Russia accused Washington of … and said it would …": the subject of
/// a saying verb coordinated with an earlier predicate ("and said it") is
/// its clause's first actor (the clause opens the sentence or follows
/// "while", "but", "whereas" or a semicolon).
fn coordinated_sayer<'i, 'a>(before: &'i [Item<'a>]) -> Option<&'i Actor<'a>> {
    let [.., and, said] = before else {
        return None;
    };
    if and.word() != Some("and") || !said.word().is_some_and(|w| SAYING.contains(&w)) {
        return None;
    }
    let clause = before
        .iter()
        .rposition(|it| matches!(it.word(), Some("while" | "but" | "whereas" | ";")))
        .map_or(0, |j| j + 1);
    before[clause..]
        .iter()
        .find_map(Item::actors)
        .and_then(|a| a.last())
}

/// A pronoun the actors stage leaves alone, as actors: "we", "us", "our",
/// "I", "me", "my" inside a quotation are its speaker; "they" and "them"
/// are the last actors before it in the sentence when they are plural
/// ("Spain, Ireland and Norway said on Friday they would …", "reached out
/// to U.S. officials, urging them to …").
fn pronoun_actor<'a>(
    doc: &'a Document,
    quotes: &[(Range<usize>, usize)],
    before: &[Item<'a>],
    previous: Option<&Actor<'a>>,
    at: usize,
    word: &str,
) -> Option<Vec<Actor<'a>>> {
    match word {
        "we" | "us" | "our" | "i" | "me" | "my" => quotes
            .iter()
            .find(|(r, _)| r.contains(&at))
            .map(|&(_, e)| vec![entity_actor(doc, e)]),
        // "Russia said it would …", "It also revoked …": the last actor of
        // the sentence that is no person — as the subject of a temporal or
        // causal clause, no object of a preposition either ("Tehran has no
        // plans for a confrontation with the U.S. after it fired …"; but
        // "sanctions against the court if it investigates …") — else the
        // last sentence's subject.
        "it" => coordinated_sayer(before)
            .or_else(|| {
                let temporal = before
                    .last()
                    .and_then(Item::word)
                    .is_some_and(|w| TEMPORAL_CONJUNCTIONS.contains(&w));
                before
                    .iter()
                    .enumerate()
                    .rev()
                    .filter(|&(j, _)| {
                        if !temporal {
                            return true;
                        }
                        let mut p = j;
                        while p > 0 && matches!(before[p - 1].word(), Some("the" | "a" | "an")) {
                            p -= 1;
                        }
                        !p.checked_sub(1)
                            .and_then(|p| before[p].word())
                            .is_some_and(|w| PREPOSITIONS.contains(&w))
                    })
                    .filter_map(|(_, it)| it.actors())
                    .filter_map(|a| a.last())
                    .find(|a| {
                        a.entity
                            .is_none_or(|e| doc.entities[e].kind != EntityKind::Person)
                    })
            })
            .or(previous)
            .map(|a| vec![a.clone()]),
        "they" | "them" => {
            // Only a plural actor: "U.S. officials", "Japan and India" (its
            // members are still apart: compounds are joined later).
            let j = before.iter().rposition(|it| it.actors().is_some())?;
            let mut actors = before[j].actors()?.to_vec();
            let mut first = j;
            while first >= 2
                && matches!(before[first - 1].word(), Some("and" | "," | "&"))
                && let Some(more) = before[first - 2].actors()
            {
                actors.splice(0..0, more.iter().cloned());
                first -= 2;
            }
            let last_word = |it: &Item| {
                doc.text()
                    .get(it.bytes.clone())
                    .and_then(|t| t.rsplit(' ').next())
                    .unwrap_or("")
                    .to_lowercase()
            };
            let plural = actors.len() > 1
                || PLURAL_PEOPLE.contains(&last_word(&before[j]).as_str())
                || before
                    .get(j + 1)
                    .and_then(Item::word)
                    .is_some_and(|w| PLURAL_PEOPLE.contains(&w));
            // "them" stands for the last of a compound, as it did.
            if word == "them" {
                actors.drain(..actors.len().saturating_sub(1));
            }
            plural.then_some(actors)
        }
        _ => None,
    }
}

/// Plural nouns after an actor that make it a group "them" can stand for.
const PLURAL_PEOPLE: &[&str] = &[
    "officials",
    "leaders",
    "authorities",
    "diplomats",
    "ministers",
    "lawmakers",
    "negotiators",
    "counterparts",
    "representatives",
    "envoys",
    "delegates",
    "politicians",
    "legislators",
    "commanders",
    "forces",
    "troops",
];

/// Byte range of every quotation with a coded speaker → the speaker's entity.
fn quote_speakers(doc: &Document) -> Vec<(Range<usize>, usize)> {
    doc.quotes
        .iter()
        .filter_map(|q| {
            let speaker = q.speaker.as_deref()?;
            let e = doc.entities.iter().position(|e| e.id == speaker)?;
            let coded = doc.entities[e].actor.is_some() || doc.entities[e].country.is_some();
            coded.then(|| (doc.byte_range(Span::new(q.start, q.end)), e))
        })
        .collect()
}

/// "Japan, the United States, Australia, and India" → one run of four actors.
fn merge_compounds(mut items: Vec<Item<'_>>) -> Vec<Item<'_>> {
    // Most sentences have no compound: they are left as they are.
    let first = (0..items.len())
        .find(|&i| items[i].actors().is_some() && compound_end(&items, i + 1).is_some());
    let Some(first) = first else {
        return items;
    };
    // In place: the items kept are moved down over those read (a run's
    // joiners and the actors appended to it are dropped).
    let mut kept = first;
    let mut i = first;
    while i < items.len() {
        let taken = Item {
            kind: ItemKind::Possessive,
            known: NOT_KNOWN,
            bytes: 0..0,
        };
        let mut item = std::mem::replace(&mut items[i], taken);
        i += 1;
        if let ItemKind::Actors(actors) = &mut item.kind
            && let Some(end) = compound_end(&items, i)
        {
            for joined in &mut items[i..end] {
                if let ItemKind::Actors(more) = &mut joined.kind {
                    actors.append(more);
                }
            }
            item.bytes.end = items[end - 1].bytes.end;
            i = end;
        }
        items[kept] = item;
        kept += 1;
    }
    items.truncate(kept);
    items
}

/// Words that join the actors of a compound.
const JOINERS: &[&str] = &[",", "and", "&", "the", "both"];

/// The end (the index after its last actor) of the compound an actor right
/// before `items[k]` starts: the chain of actors joined to it by commas and
/// "and", when an "and" joins it ("A, B and C"), so that an apposition
/// ("the administration, Iwaya said") stays apart. Between the chain's
/// actors stand only joiners.
fn compound_end(items: &[Item], mut k: usize) -> Option<usize> {
    let mut has_and = false;
    loop {
        let mut j = k;
        let mut and_here = false;
        while j < items.len() && items[j].word().is_some_and(|w| JOINERS.contains(&w)) {
            and_here |= matches!(items[j].word(), Some("and") | Some("&"));
            j += 1;
        }
        if j == k || items.get(j).and_then(Item::actors).is_none() {
            break;
        }
        has_and |= and_here;
        k = j + 1;
        if and_here {
            break;
        }
    }
    has_and.then_some(k)
}

impl Events {
    /// The best match anchored on each word of the sentence, as `scan`
    /// read it; `words` is an empty [`SentenceWords`], left empty.
    fn matches(&self, items: &[Item], scan: &Scan, words: &mut SentenceWords) -> Vec<Match> {
        let runs = &scan.runs;
        let mut out = Vec::new();
        // No pair without two actors: two runs, a run of two, or a grouping
        // whose members pair up (a pattern's slots are distinct items). With
        // one actor only the patterns that stand for an event with their
        // source alone can match.
        let solo_only = match (runs.first().and_then(|&i| items[i].actors()), runs.len()) {
            (None, _) => return out,
            (Some([one]), 1) if !self.groups.contains_key(one.code.as_ref()) => true,
            _ => false,
        };
        let anchor = if solo_only { SOLO_ANCHOR } else { ANCHOR };
        if solo_only && !scan.solo_anchored {
            return out;
        }
        words.fill(items);
        let present = &*words;
        for (at, item) in items.iter().enumerate() {
            if item.known.flags & anchor == 0 || item.known.flags & NAME_WORD != 0 {
                continue;
            }
            let w = item.known.id as usize;
            let (Some(&from), Some(&to)) = (self.index.get(w), self.index.get(w + 1)) else {
                continue;
            };
            let candidates = &self.candidates[from as usize..to as usize];
            // The most specific match with a target, and the most specific
            // one with its source alone, which stands in when the first
            // pairs no one ("Ecuador imposed a curfew in Quito": Ecuador
            // and its capital are one side).
            let (mut best, mut best_solo): (Option<Match>, Option<Match>) = (None, None);
            // More specific first; on a tie the earlier pattern (users' come
            // first).
            let rank = |m: &Match| {
                (
                    self.patterns[m.pattern].weight,
                    std::cmp::Reverse(m.pattern),
                )
            };
            let found = candidates
                .iter()
                .filter(|c| {
                    (!solo_only || self.patterns[c.pattern as usize].solo)
                        && (c.first.0 == NO_GROUP || present.has(c.first))
                        && (c.required.iter()).all(|&g| self.word_groups.present(present, g))
                })
                .filter_map(|c| self.try_match(c.pattern as usize, items, at));
            for m in found {
                let slot = if self.patterns[m.pattern].solo {
                    &mut best_solo
                } else {
                    &mut best
                };
                if slot.as_ref().is_none_or(|o| rank(&m) > rank(o)) {
                    *slot = Some(m);
                }
            }
            let best = match best {
                Some(b) if best_solo.is_some() && self.dyads(items, &b).is_empty() => best_solo,
                None => best_solo,
                b => b,
            };
            if let Some(m) = best {
                out.push(m);
            }
        }
        words.clear();
        // Two patterns over one clause with the same slots ("call on X to"
        // and "call on X to show restraint"): the more specific one only.
        let weight = |m: &Match| self.patterns[m.pattern].weight;
        // A match with its source alone is shadowed by any match of the
        // same source with a target over the same words ("denied
        // involvement in the attack on Kyiv").
        let shadowed = |m: &Match| {
            out.iter().any(|o| {
                ((weight(o) > weight(m) && o.target == m.target)
                    || (m.target.is_none()
                        && o.target.is_some()
                        && !self.patterns[m.pattern].reciprocal))
                    && o.source == m.source
                    && o.first <= m.last
                    && m.first <= o.last
            })
        };
        let keep: Vec<bool> = out.iter().map(|m| !shadowed(m)).collect();
        let mut keep = keep.into_iter();
        out.retain(|_| keep.next().unwrap_or(true));
        out
    }

    fn try_match(&self, p: usize, items: &[Item], at: usize) -> Option<Match> {
        let pattern = &self.patterns[p];
        let mut m = Match {
            pattern: p,
            source: None,
            target: None,
            first: at,
            last: at,
            anchor: at,
            participle: false,
        };
        let is_word = |part: &Part| matches!(part, Part::Word { .. });
        let is_preposition = |part: &Part| {
            matches!(
                part,
                Part::Word {
                    preposition: true,
                    ..
                }
            )
        };
        // Forward from the anchor.
        let mut pos = at + 1;
        let mut prev = &pattern.parts[pattern.anchor];
        for part in &pattern.parts[pattern.anchor + 1..] {
            match part {
                Part::Possessive => {
                    if !matches!(items.get(pos)?.kind, ItemKind::Possessive) {
                        return None;
                    }
                    m.last = pos;
                    pos += 1;
                }
                // "summoned the British envoy": the noun of the slot's
                // actor ("British envoy" is one) is the pattern's word.
                Part::Word { forms, .. }
                    if matches!(prev, Part::Source | Part::Target)
                        && head_noun_in(&items[m.last], forms) => {}
                // "summoned U.S. Ambassador John Sullivan": so is the title
                // of the person right after the slot, who then ends the match.
                Part::Word { forms, .. }
                    if matches!(prev, Part::Source | Part::Target)
                        && items.get(pos).is_some_and(|it| head_noun_in(it, forms)) =>
                {
                    m.last = pos;
                    pos += 1;
                }
                Part::Word {
                    forms, optional, ..
                } => {
                    // A preposition follows the word before it directly,
                    // or after a noun coordinated with it ("a team of
                    // firefighters and rescue dogs to Turkey").
                    let direct = is_preposition(part) && is_word(prev);
                    let from = if direct {
                        pos + coordinated_noun(items, pos) + topic_phrase(items, pos, forms)
                    } else {
                        pos
                    };
                    let gap = if direct { 0 } else { GAP };
                    let found = find_forward(items, from, gap, is_word_barrier, |it| {
                        is_word_of(it, forms)
                    });
                    match found {
                        Some(j) => {
                            m.last = j;
                            pos = j + 1;
                        }
                        None if *optional => {}
                        None => return None,
                    }
                }
                Part::Source | Part::Target => {
                    let j =
                        find_forward(items, pos, GAP, is_slot_barrier, |it| it.actors().is_some())?;
                    // "released a statement detailing his talks": the verb's
                    // object is the noun phrase, not an actor after its
                    // participle ("detained a second Canadian citizen" is).
                    if pos == at + 1
                        && matches!(items[pos].word(), Some("a" | "an"))
                        && items[pos + 1..j]
                            .iter()
                            .any(|it| it.word().is_some_and(|w| w.len() > 4 && w.ends_with("ing")))
                    {
                        return None;
                    }
                    if matches!(part, Part::Source) {
                        if items[j].known.flags & OBJECT_ONLY != 0 {
                            return None;
                        }
                        m.source = Some(j);
                    } else {
                        if items[j].known.flags & NOMINATIVE != 0 {
                            return None;
                        }
                        m.target = Some(j);
                    }
                    m.last = j;
                    pos = j + 1;
                }
            }
            prev = part;
        }
        // "six detained Americans", "the planned visit": after a number or
        // a determiner the word is an adjective, not the verb of a clause.
        if matches!(
            pattern.parts.get(pattern.anchor.wrapping_sub(1)),
            Some(Part::Source)
        ) && at > 0
            && items[at - 1].known.flags & DETERMINER != 0
        {
            return None;
        }
        // "take back what he said", "pushed them back": "back" after a
        // verb or a pronoun is its particle, not the verb "back".
        if items[at].word() == Some("back")
            && at > 0
            && items[at - 1].known.flags & (PRONOUN | BACK_PARTICLE) != 0
        {
            return None;
        }
        // Backward from the anchor.
        let mut pos = at; // exclusive end of the search
        let mut next = &pattern.parts[pattern.anchor];
        for part in pattern.parts[..pattern.anchor].iter().rev() {
            match part {
                Part::Possessive => {
                    // "Kato's visit", "Kato's planned visit": at most one word between.
                    let j = find_backward(items, pos, 1, is_barrier, |it| {
                        matches!(it.kind, ItemKind::Possessive)
                    })?;
                    m.first = j;
                    pos = j;
                }
                Part::Word {
                    forms, optional, ..
                } => {
                    let gap = if is_preposition(next) { 0 } else { GAP };
                    let found =
                        find_backward(items, pos, gap, is_word_barrier, |it| is_word_of(it, forms));
                    match found {
                        Some(j) => {
                            m.first = j;
                            pos = j;
                        }
                        None if *optional => {}
                        None => return None,
                    }
                }
                Part::Source | Part::Target => {
                    // The possessor stands right before its 's.
                    let gap = if matches!(next, Part::Possessive) {
                        0
                    } else {
                        SUBJECT_GAP
                    };
                    // "Iwaya spoke to U.S. officials, urging them to …": the
                    // subject of a participle clause is the sentence's.
                    // `pos` is the verb the slot is the subject of.
                    let subject = if !matches!(next, Part::Word { .. }) {
                        None
                    } else if shares_subject(items, pos) {
                        complement_subject(items, pos)
                            .or_else(|| sentence_subject(items).filter(|&j| j < pos))
                    } else {
                        parenthetical_subject(items, pos)
                    };
                    m.participle = subject.is_some();
                    let j = subject
                        .or_else(|| {
                            // "Protesters in Istanbul attacked …": no place
                            // adjunct is the subject.
                            find_backward(items, pos, gap, is_subject_barrier, |it| {
                                it.actors().is_some() && it.known.flags & PLACE_ADJUNCT == 0
                            })
                        })
                        .or_else(|| relative_antecedent(items, pos));
                    // "After meeting with Putin, Trump …": the subject of a
                    // fronted participle clause follows it. The match then
                    // starts at the clause.
                    let (j, fronted) = match j {
                        Some(j) => (j, false),
                        None if matches!(part, Part::Source)
                            && std::ptr::eq(part, &pattern.parts[0]) =>
                        {
                            (fronted_participle_subject(items, pos)?, true)
                        }
                        None => return None,
                    };
                    // "Dendias will fly to Ankara to meet …": the place
                    // travelled to is not the subject of what follows.
                    let j = if subject.is_none() && !fronted && travelled_to(items, j, pos) {
                        sentence_subject(items).filter(|&s| s < j)?
                    } else {
                        j
                    };
                    if matches!(part, Part::Source) {
                        if items[j].known.flags & OBJECT_ONLY != 0 {
                            return None;
                        }
                        // "Trump urged Sharaa to normalize relations": the
                        // infinitive's subject is the object, not Trump.
                        // ("was forced to ask", "push to readmit": no object.)
                        if subject.is_none()
                            && (j + 1..pos).any(|c| {
                                items[c].known.flags & CONTROL != 0
                                    && items.get(c + 1).is_some_and(|it| it.known.flags & TO == 0)
                            })
                        {
                            return None;
                        }
                        // "The EU asked Serbia to recognise Kosovo",
                        // "called for Barr to step down": what the object
                        // of an appeal is asked to do has not happened
                        // (the appeal is the event).
                        if asked_to(items, j) {
                            return None;
                        }
                        m.source = Some(j);
                    } else {
                        m.target = Some(j);
                    }
                    m.first = if fronted { pos - 1 } else { j };
                    pos = j.min(pos);
                }
            }
            next = part;
        }
        Some(m)
    }

    fn modality(&self, items: &[Item], m: &Match) -> Modality {
        // A participle clause's cues are its own, not its sentence's.
        let start = if m.participle { m.anchor } else { m.first };
        // Before the clause, cues stop at a comma or a barrier: "On All
        // Things Considered on Sunday, Pelosi criticized …" is asserted.
        let lo = (start.saturating_sub(CUE_BEFORE)..start)
            .rev()
            .find(|&j| items[j].word() == Some(",") || is_barrier(&items[j]))
            .map_or(start.saturating_sub(CUE_BEFORE), |j| j + 1);
        let before = lo..m.anchor;
        let after = m.anchor + 1..(m.last + 1 + CUE_AFTER).min(items.len());
        let parts = &self.patterns[m.pattern].parts;
        // "Trump plans to visit China and meet Xi": a verb joined to another
        // by "and" shares its subject's cues, right after that subject. The
        // verb is the word the pattern spells after its source, which need
        // not be its anchor ("and slap sanctions on …").
        let shared = match m.source {
            Some(s) if s < m.anchor => {
                let verb = parts
                    .iter()
                    .position(|p| matches!(p, Part::Source))
                    .and_then(|p| match parts.get(p + 1) {
                        Some(Part::Word { forms, .. }) => (s + 1..m.anchor)
                            .find(|&j| forms.binary_search(&items[j].known.id).is_ok()),
                        _ => None,
                    })
                    .unwrap_or(m.anchor);
                // "John Bolton, the adviser, will …", "Trump's adviser, John
                // Bolton, will …": after an apposition.
                let comma = |j: &usize| items[*j].word() == Some(",");
                let start = (s + 1..(s + 7).min(m.anchor))
                    .find(comma)
                    .and_then(|c| (c + 1..(c + 8).min(m.anchor)).find(comma))
                    .map_or(s + 1, |c| c + 1);
                conjunction_before(items, verb)
                    .filter(|&and| and > start && items[and].word() != Some("but"))
                    .map_or(0..0, |and| start..(start + CUE_BEFORE).min(and))
            }
            _ => 0..0,
        };
        // Every cue that occurs, as (first item, length, modality); a cue
        // inside a longer one does not count ("would" in "would like to").
        let mut hits: Vec<(usize, usize, CueModality)> = Vec::new();
        for (window, is_after) in [(shared.clone(), false), (before, false), (after, true)] {
            for i in window
                .clone()
                .filter(|&i| items[i].known.flags & HEAD_NOUN == 0)
            {
                let Some(cues) = self.cue_index.get(items[i].known.id as usize) else {
                    continue;
                };
                for cue in cues.iter().map(|&c| &self.cues[c]) {
                    let n = cue.words.len();
                    let here = cue.after == is_after
                        && i + n <= window.end
                        && cue.words[1..]
                            .iter()
                            .zip(&items[i + 1..])
                            .all(|(forms, it)| forms.binary_search(&it.known.id).is_ok());
                    if here {
                        hits.push((i, n, cue.modality));
                    }
                }
            }
        }
        let inside = |&(i, n, _): &(usize, usize, CueModality)| {
            hits.iter()
                .any(|&(j, m, _)| m > n && j <= i && i + n <= j + m)
        };
        // A cue the pattern itself spells ("agree to" in "agree to deepen
        // cooperation", coded as intent) is its predicate, not a cue.
        let own = |&(i, _, _): &(usize, usize, CueModality)| {
            (m.first..=m.last).contains(&i)
                && parts.iter().any(|p| {
                    matches!(p, Part::Word { forms, .. }
                        if forms.binary_search(&items[i].known.id).is_ok())
                })
        };
        // "did not comment on Trump's meeting with Sharaa": the negation of
        // a verb whose preposition takes a possessive event noun is that
        // verb's; the meeting took place.
        let nominal = matches!(parts.as_slice(), [Part::Source, Part::Possessive, ..]);
        let governs_noun = |&(i, n, modality): &(usize, usize, CueModality)| {
            !(nominal
                && modality == CueModality::Negated
                && i + n <= m.first
                && items[i + n..m.first]
                    .iter()
                    .any(|it| it.word().is_some_and(|w| PREPOSITIONS.contains(&w))))
        };
        // A negation stays in its own conjunct ("did not visit Seoul and
        // flew to Tokyo").
        let found = hits
            .iter()
            .filter(|h| !inside(h) && !own(h) && governs_noun(h))
            .filter(|h| !(shared.contains(&h.0) && h.2 == CueModality::Negated))
            .map(|&(_, _, modality)| modality)
            .max();
        match found {
            None => Modality::Asserted,
            Some(CueModality::Planned) => Modality::Planned,
            Some(CueModality::Intended) => Modality::Intended,
            Some(CueModality::Possible) => Modality::Possible,
            Some(CueModality::Negated) => Modality::Negated,
        }
    }

    /// The dyads a match stands for: every source × target, every pair of
    /// a compound (or a grouping's members) when the pattern is reciprocal,
    /// or every source alone when the pattern is [`Compiled::solo`].
    fn dyads<'a>(&'a self, items: &[Item<'a>], m: &Match) -> Vec<(Actor<'a>, Option<Actor<'a>>)> {
        let slot = |i: Option<usize>| i.and_then(|i| items[i].actors()).unwrap_or(&[]);
        let sources = slot(m.source);
        let pattern = &self.patterns[m.pattern];
        // "Peru and Chile accused each other": every other actor of the
        // subject is a target; once a pair when they meet or agree (roots
        // 04-06 and 08, as reciprocal patterns have it).
        let each_other = m
            .target
            .is_some_and(|t| items[t].known.flags & EACH_OTHER != 0);
        let once_a_pair = each_other && mutual(&pattern.code);
        let targets = if each_other { sources } else { slot(m.target) };
        let mut out = Vec::new();
        if pattern.solo {
            return sources
                .iter()
                .map(|s| (s.clone(), domestic_target(&pattern.code, s)))
                .collect();
        }
        if m.target.is_none() && !pattern.reciprocal {
            return out;
        }
        // "the Quad meeting", "G7 leaders meeting": without an object an
        // -ing form right after the subject is a noun unless a form of "be"
        // makes it a verb ("were meeting"). ("held a meeting": the noun
        // is the pattern's own.)
        let be = ["is", "are", "was", "were", "be", "been", "'re"];
        if m.target.is_none()
            && matches!(
                pattern.parts.get(pattern.anchor.wrapping_sub(1)),
                Some(Part::Source)
            )
            && items[m.anchor].word().is_some_and(|w| w.ends_with("ing"))
            && !m
                .anchor
                .checked_sub(1)
                .and_then(|i| items[i].word())
                .is_some_and(|w| be.contains(&w))
        {
            return out;
        }
        if m.target.is_some() && m.source.is_some() {
            for (i, s) in sources.iter().enumerate() {
                for t in targets.iter().skip(if once_a_pair { i + 1 } else { 0 }) {
                    out.push((s.clone(), Some(t.clone())));
                }
            }
        } else {
            let mut members: Vec<Actor> = Vec::new();
            for a in sources.iter().chain(targets) {
                match self.groups.get(a.code.as_ref()) {
                    Some(codes) => members.extend(codes.iter().map(|c| Actor::coded(c.as_str()))),
                    None => members.push(a.clone()),
                }
            }
            for i in 0..members.len() {
                for j in i + 1..members.len() {
                    out.push((members[i].clone(), Some(members[j].clone())));
                }
            }
        }
        // Nobody acts on themselves, and a country's own agents acting on
        // the bare country ("Trump met other U.S. officials") is no event
        // between actors; agents with roles on both sides are (USALEG →
        // USAGOV: "lawmakers criticized the president"), and so is the
        // state facing a named armed or opposition group of its own
        // ("Colombia held talks with the ELN": COL → COLREB).
        let group = |a: &Actor| {
            a.entity.is_some() && GROUP_ROLES.iter().any(|r| a.code.get(3..6) == Some(*r))
        };
        out.retain(|(s, t)| {
            let Some(t) = t else { return true };
            let same_country = s.code.get(..3) == t.code.get(..3);
            s.code != t.code
                && !(s.entity.is_some() && s.entity == t.entity)
                && !(same_country
                    && (s.code.len() == 3 || t.code.len() == 3)
                    && !group(s)
                    && !group(t))
        });
        out
    }

    fn emit(
        &self,
        doc: &Document,
        sentence: usize,
        items: &[Item],
        m: &Match,
        events: &mut Vec<Event>,
        seen: &mut HashSet<(String, String, String, Option<String>, Modality)>,
    ) {
        let pattern = &self.patterns[m.pattern];
        let Some(code) = pattern.cameo else {
            return;
        };
        // "told reporters", "told lawmakers", "told Reuters": an audience,
        // and a news medium is no party to cooperation (roots 01-09: "does not receive
        // the funding, Politico reported").
        let media_target = m.target.and_then(|t| items[t].actors()).is_some_and(|a| {
            !a.is_empty()
                && a.iter().all(|a| {
                    a.entity
                        .is_some_and(|e| doc.entities[e].kind == EntityKind::Media)
                })
        });
        let audience = m.target.is_some_and(|t| items[t].known.flags & BARE != 0);
        if (code.root() == "01" && audience) || (code.quad_class <= 2 && media_target) {
            return;
        }
        // An event read back ("the bombing") is the target of what is said
        // or done about it (welcomed, condemned, investigated, vetoed), not
        // of help or force ("helped plan the bombing").
        let anaphor = m
            .target
            .is_some_and(|t| items[t].known.flags & ANAPHOR != 0);
        if anaphor && !ABOUT_AN_EVENT.contains(&code.root()) {
            return;
        }
        let dyads = self.dyads(items, m);
        if dyads.is_empty() {
            return;
        }
        let mut modality = self.modality(items, m);
        let anchor_start = items[m.anchor].bytes.start;
        let sentence_bytes = items[0].bytes.start..items[items.len() - 1].bytes.end;
        let matched = items[m.first].bytes.start..items[m.last].bytes.end;
        let past = items[m.first..=m.last]
            .iter()
            .any(|it| it.word().is_some_and(|w| self.pasts.contains(w)));
        let (date, date_mod, later) =
            self.date(doc, sentence_bytes, anchor_start, &matched, modality, past);
        // "days before Trump meets Kim in Singapore on June 12": a present
        // tense or a noun dated after the article is scheduled.
        if later && modality == Modality::Asserted {
            modality = Modality::Planned;
        }
        let evidence = doc.mention(items[m.first].bytes.start..items[m.last].bytes.end);
        let on = date.as_deref().and_then(representative_day);
        let mut group: Option<String> = None;
        for (mut s, mut t) in dyads {
            // Roles as of the event's date: a president-elect's visit after
            // the inauguration is the government's.
            for side in std::iter::once(&mut s).chain(t.as_mut()) {
                let person = side
                    .entity
                    .map(|e| &doc.entities[e])
                    .filter(|e| e.kind == EntityKind::Person)
                    .and_then(|e| self.people.get(&e.name));
                if let Some(p) = person {
                    side.code = Cow::Owned(p.actor_on(on.or(doc.article.published)));
                }
            }
            // "Trump attacked Trudeau": one person attacking another in the
            // news is criticism (111), not force.
            let person = |a: &Actor| {
                a.entity
                    .is_some_and(|e| doc.entities[e].kind == EntityKind::Person)
            };
            let verbal = code.root() == "19"
                && items[m.anchor]
                    .word()
                    .is_some_and(|w| ATTACK_FORMS.contains(&w))
                && person(&s)
                && t.as_ref().is_some_and(person);
            let (code, rule) = match CameoTable::builtin().get("111") {
                Some(criticize) if verbal => {
                    (criticize, format!("{} (person to person)", pattern.rule))
                }
                _ => (code, pattern.rule.clone()),
            };
            let key = (
                s.code.to_string(),
                t.as_ref().map_or(String::new(), |t| t.code.to_string()),
                code.code.clone(),
                date.clone(),
                modality,
            );
            if !seen.insert(key) {
                continue;
            }
            let id = format!("V{}", events.len() + 1);
            let group_id = group.get_or_insert_with(|| id.clone()).clone();
            events.push(Event {
                id,
                sentence,
                source: Some(EventActor {
                    actor: Some(s.code.into_owned()),
                    entity: s.entity.map(|e| doc.entities[e].id.clone()),
                }),
                target: t.map(|t| EventActor {
                    actor: Some(t.code.into_owned()),
                    entity: t.entity.map(|e| doc.entities[e].id.clone()),
                }),
                code: code.code.clone(),
                root: code.root().to_string(),
                quad_class: code.quad_class,
                goldstein: code.goldstein,
                plover: code.plover.clone().unwrap_or_default(),
                modality,
                date: date.clone(),
                date_mod: date_mod.clone(),
                location: None,
                evidence: evidence.clone(),
                rule,
                group: group_id,
            });
        }
    }

    /// The date of an event: a calendar timex of its sentence (after the
    /// predicate first, then before it), else the publication date.
    fn date(
        &self,
        doc: &Document,
        sentence: Range<usize>,
        anchor: usize,
        matched: &Range<usize>,
        modality: Modality,
        past: bool,
    ) -> (Option<String>, Option<String>, bool) {
        let published = doc.article.published;
        // What has happened cannot be dated after the article: "said on
        // Wednesday they would recognise it on May 28, and Israel recalled
        // its ambassadors" — May 28 is the recognition's. (A present tense
        // or a noun can: it is then scheduled.)
        let after_article =
            |value: &str| published.is_some_and(|p| earliest_day(value).is_some_and(|d| d > p));
        let possible =
            |value: &str| !(modality == Modality::Asserted && past && after_article(value));
        let calendar: Vec<_> = doc
            .timexes
            .iter()
            .filter(|t| t.value.starts_with(|c: char| c.is_ascii_digit()))
            .map(|t| (doc.byte_range(Span::new(t.start, t.end)), t))
            .filter(|(r, _)| r.start >= sentence.start && r.end <= sentence.end)
            .filter(|(r, _)| !modifies_another_noun(doc, r, matched))
            .filter(|(_, t)| possible(&t.value))
            .collect();
        // One between the subject and the predicate ("al-Shabaab on Monday
        // claimed responsibility for the bombing on Saturday") is the
        // predicate's own; else the first after the predicate, else the
        // last before it. One in a relative clause there is the clause's
        // ("Oman, which hosted talks in 2021, praised …").
        let text = doc.text();
        let relative = |r: Range<usize>| {
            text.get(r)
                .is_none_or(|t| t.contains(", which") || t.contains(", who"))
        };
        let between = |r: &Range<usize>| r.start > matched.start && r.end <= anchor;
        // One across "and" yields to the predicate's own after it: in "met
        // Xi on Tuesday … and also met this month with Moon" Tuesday is the
        // first meeting's.
        let across_and =
            |r: &Range<usize>| text.get(r.end..anchor).is_some_and(|t| t.contains(" and "));
        // One after the match behind a clause of its own is that clause's:
        // "tested a weapon stronger than the one the US dropped in 1945",
        // "violated the treaty that it signed in 1990".
        let another_clause = |r: &Range<usize>| {
            r.start >= matched.end
                && text.get(matched.end..r.start).is_some_and(|t| {
                    [
                        " than ", " that ", " which ", " who ", " whom ", " whose ", " where ",
                    ]
                    .iter()
                    .any(|w| t.contains(w))
                        // Not a clause that schedules the event itself:
                        // "his meeting with Kim, which is set to take place
                        // Tuesday".
                        && !["take place", "scheduled", "set for", "due to", "held on"]
                            .iter()
                            .any(|w| t.contains(w))
                })
                // The date of the saying that reports the event is its
                // date all the same: "…, which could be extended, an
                // official said on Wednesday".
                && !after_saying(text, r.start)
        };
        let calendar = calendar.iter().filter(|(r, _)| {
            !(another_clause(r) || between(r) && relative(matched.start..r.start))
        });
        let chosen = calendar
            .clone()
            .find(|(r, _)| between(r) && !across_and(r))
            .or_else(|| calendar.clone().find(|(r, _)| r.start >= anchor))
            .or_else(|| calendar.clone().find(|(r, _)| between(r)))
            .or_else(|| calendar.rev().find(|(r, _)| r.start < anchor));
        match chosen {
            Some((r, t)) => {
                // A weekday of the saying before "that" is no later
                // weekday of what was said: "saying on Sunday … that he
                // would keep pursuing talks".
                let reported = r.end <= matched.start
                    && text
                        .get(r.end..matched.start)
                        .is_some_and(|t| t.contains(" that "));
                let mut value = (!reported)
                    .then(|| planned_weekday(text, r, &t.value, modality, published))
                    .flatten()
                    .unwrap_or_else(|| t.value.clone());
                // An event's date is a day: "Wednesday night"
                // (`2018-03-07TNI`) dates it 2018-03-07.
                if value.as_bytes().get(10) == Some(&b'T') {
                    value.truncate(10);
                }
                let later = after_article(&value);
                (Some(value), t.modifier.clone(), later)
            }
            None => (doc.article.published.map(|d| d.to_string()), None, false),
        }
    }
}

/// A timex right after a verb of saying ("said on Wednesday", "told
/// reporters Monday", "announced Tuesday"), which dates the saying.
fn after_saying(text: &str, timex_start: usize) -> bool {
    let before = text.get(..timex_start).unwrap_or_default().trim_end();
    let before = before.strip_suffix(" on").unwrap_or(before);
    let verb = before
        .rsplit(' ')
        .find(|w| !AUDIENCES.contains(w))
        .unwrap_or_default();
    SAYING.contains(&verb) || matches!(verb, "told" | "reported")
}

/// Forms of the verbs of saying that report what follows.
const SAYING: &[&str] = &["said", "says", "added", "announced", "stated"];

/// "ahead of his Tuesday meeting with Kim": a weekday the time stage read
/// as the one before the article (nothing in its words looks ahead) is the
/// one after it when the event is planned or intended.
fn planned_weekday(
    text: &str,
    timex: &Range<usize>,
    value: &str,
    modality: Modality,
    published: Option<jiff::civil::Date>,
) -> Option<String> {
    let published = published?;
    let ahead = matches!(modality, Modality::Planned | Modality::Intended);
    let weekday = text
        .get(timex.clone())
        .is_some_and(crate::ingest::dates::is_weekday);
    let day: jiff::civil::Date = value.parse().ok()?;
    (ahead && weekday && day < published)
        .then(|| day.checked_add(jiff::Span::new().days(7)).ok())
        .flatten()
        .map(|d| d.to_string())
}

/// "the 2020 election", "its 2022 defeat", "last year's vote": a date that
/// modifies a noun dates that noun, not the clause's event — unless the
/// noun is part of the event's match ("Russia's 2014 annexation of Crimea",
/// "cancel next month's summit").
fn modifies_another_noun(doc: &Document, timex: &Range<usize>, matched: &Range<usize>) -> bool {
    let text = doc.text();
    let at = doc.tokens.partition_point(|t| t.start < timex.start);
    let word = |k: Option<usize>| {
        k.and_then(|k| doc.tokens.get(k))
            .and_then(|t| text.get(t.start..t.end))
    };
    let after = doc.tokens[at..].partition_point(|t| t.start < timex.end) + at;
    let determiner = word(at.checked_sub(1)).is_some_and(|w| {
        matches!(
            w,
            "the" | "The" | "a" | "its" | "his" | "her" | "their" | "our" | "'s" | "’s"
        )
    });
    // A lowercase noun, maybe after one or two names ("the 2016 U.S.
    // election", "the 2015 Paris agreement").
    let noun = (after..after + 3)
        .find(|&k| !word(Some(k)).is_some_and(|w| w.starts_with(char::is_uppercase)))
        .is_some_and(|k| word(Some(k)).is_some_and(|w| w.starts_with(char::is_lowercase)));
    // The modified noun: after the possessive, if there is one.
    let possessive = doc
        .tokens
        .get(after)
        .is_some_and(|t| t.kind == TokenKind::Possessive);
    let head = if possessive { after + 1 } else { after };
    let predicate = doc
        .tokens
        .get(head)
        .is_some_and(|t| matched.contains(&t.start));
    // "during the 2016 campaign" is a time adjunct all the same; "in" or
    // "at" after a noun of action is that noun's ("meddling in the 2016
    // election", "interference in the 2020 vote").
    let action_noun = word(at.checked_sub(3)).is_some_and(|w| {
        w.starts_with(char::is_lowercase)
            && ["ing", "ence", "ion", "ment", "ance"]
                .iter()
                .any(|end| w.ends_with(end))
    });
    let adjunct = word(at.checked_sub(2)).is_some_and(|w| {
        let w = w.to_ascii_lowercase();
        let w = w.as_str();
        matches!(
            w,
            "during" | "since" | "before" | "after" | "throughout" | "until"
        ) || (matches!(w, "in" | "at") && !action_noun)
    });
    // "last year's election".
    !predicate && (possessive || (determiner && noun && !adjunct))
}

/// The first item from `from` on, within `gap` other items (time adjuncts
/// not counted), that `want`s; none when a barrier comes first.
/// How many items at `at` coordinate a noun with the one before: "and"
/// or "or" and one or two plain words ("firefighters and rescue dogs"),
/// else 0. Plain words are no actors, barriers or prepositions.
fn coordinated_noun(items: &[Item], at: usize) -> usize {
    if !matches!(items.get(at).and_then(Item::word), Some("and" | "or")) {
        return 0;
    }
    let plain = |it: &Item| {
        it.word()
            .is_some_and(|w| !PREPOSITIONS.contains(&w) && w.chars().all(char::is_alphabetic))
            && !is_barrier(it)
    };
    let words = items
        .get(at + 1..)
        .unwrap_or_default()
        .iter()
        .take(2)
        .take_while(|it| plain(it))
        .count();
    match words {
        0 => 0,
        n => 1 + n,
    }
}

/// The prepositions of a topic ("talks on Syria with", "a call about the
/// crisis with").
const TOPIC_PREPOSITIONS: &[&str] = &["on", "about", "over", "regarding", "concerning"];

/// How many items a topic phrase at `at` takes before a pattern's
/// preposition (`forms`): "talks on Syria with Macron", "a conversation
/// about trade with Japan" — a topic preposition that is not the pattern's
/// own and one to three words or one actor, right before the preposition;
/// else 0.
fn topic_phrase(items: &[Item], at: usize, forms: &[u32]) -> usize {
    let Some(first) = items.get(at) else {
        return 0;
    };
    if !first
        .word()
        .is_some_and(|w| TOPIC_PREPOSITIONS.contains(&w))
        || is_word_of(first, forms)
    {
        return 0;
    }
    let mut actors = 0;
    for (n, it) in items.iter().enumerate().skip(at + 1).take(4) {
        if n > at + 1 && is_word_of(it, forms) {
            return n - at;
        }
        match &it.kind {
            ItemKind::Actors(_) => actors += 1,
            ItemKind::Word(w) if !PREPOSITIONS.contains(&w.as_ref()) && !is_barrier(it) => {}
            _ => return 0,
        }
        if actors > 1 {
            return 0;
        }
    }
    0
}

fn find_forward(
    items: &[Item],
    from: usize,
    gap: usize,
    barrier: fn(&Item) -> bool,
    want: impl Fn(&Item) -> bool,
) -> Option<usize> {
    // A time or place adjunct takes no room: "met on Monday with",
    // "Canada's arrest on Dec. 1 of", "protested in Istanbul against".
    let mut counted = 0;
    for (j, item) in items.iter().enumerate().skip(from) {
        if want(item) {
            return Some(j);
        }
        if barrier(item) {
            return None;
        }
        if item.known.flags & (TIME_ADJUNCT | PLACE_ADJUNCT) == 0 {
            counted += 1;
            if counted > gap {
                return None;
            }
        }
    }
    None
}

/// [`find_forward`] towards the start of the sentence, from before `to`
/// (time and place adjuncts not counted either).
fn find_backward(
    items: &[Item],
    to: usize,
    gap: usize,
    barrier: fn(&Item) -> bool,
    want: impl Fn(&Item) -> bool,
) -> Option<usize> {
    let mut counted = 0;
    for j in (0..to).rev() {
        let item = &items[j];
        if want(item) {
            return Some(j);
        }
        if barrier(item) {
            return None;
        }
        if item.known.flags & (TIME_ADJUNCT | PLACE_ADJUNCT) == 0 {
            counted += 1;
            if counted > gap {
                return None;
            }
        }
    }
    None
}

/// The "and", "or" or "but" joining the verb at `at` to one before it
/// ("and also met"), if any.
fn conjunction_before(items: &[Item], at: usize) -> Option<usize> {
    // Up to four adverbs or auxiliaries between: "and also met", "and is
    // expected to meet".
    let j = (at.saturating_sub(5)..at)
        .rev()
        .find(|&j| !items[j].word().is_some_and(conjunct_filler))?;
    matches!(items[j].word(), Some("and" | "or" | "but")).then_some(j)
}

/// Adverbs and auxiliaries that may stand between "and" and a verb sharing
/// the subject ("and also met", "and is expected to meet"). A `match`, not
/// a list search: this runs for every subject slot tried.
fn conjunct_filler(word: &str) -> bool {
    matches!(
        word,
        "also"
            | "again"
            | "then"
            | "later"
            | "subsequently"
            | "separately"
            | "even"
            | "still"
            | "eventually"
            | "finally"
            | "quickly"
            | "immediately"
            | "reportedly"
            | "repeatedly"
            | "publicly"
            | "is"
            | "are"
            | "was"
            | "were"
            | "will"
            | "would"
            | "could"
            | "may"
            | "might"
            | "can"
            | "has"
            | "have"
            | "had"
            | "be"
            | "been"
            | "expected"
            | "set"
            | "due"
            | "scheduled"
            | "plans"
            | "planned"
            | "hopes"
            | "wants"
            | "to"
    )
}

/// Whether the predicate at `at` shares the sentence's subject: an -ing
/// verb right after a comma, "by", or the object of "with", "to" or
/// "before" opens a participle clause ("…, urging them to", "retaliated by
/// announcing tariffs", "filed a complaint with the Security Council
/// accusing Israel"); a verb right after "and" or "but" is a second
/// predicate of the subject ("Peskov dismissed the report and accused the
/// EU of …").
fn shares_subject(items: &[Item], at: usize) -> bool {
    let is_ing = |it: &Item| it.word().is_some_and(|w| w.len() > 5 && w.ends_with("ing"));
    let preposition = |j: usize| matches!(items[j].word(), Some("with" | "to" | "before"));
    if at >= 2
        && items[at - 1].actors().is_some()
        && is_ing(&items[at])
        && (preposition(at - 2)
            || (at >= 3 && items[at - 2].word() == Some("the") && preposition(at - 3)))
    {
        return true;
    }
    // "and met", "but then rejected", "and is expected to meet".
    if conjunction_before(items, at).is_some_and(|j| items[j].word() != Some("or")) {
        return true;
    }
    // "…, urging them to", "retaliated by announcing tariffs".
    let before = at.checked_sub(1).and_then(|j| items[j].word());
    matches!(before, Some("," | "by")) && is_ing(&items[at])
}

/// "accused the EU of prolonging the war by arming Kyiv": a "by" clause
/// after an "of" + -ing complement is done by that complement's subject,
/// the actor right before "of".
fn complement_subject(items: &[Item], at: usize) -> Option<usize> {
    if items.get(at.checked_sub(1)?)?.word() != Some("by") {
        return None;
    }
    let is_ing = |w: &str| w.len() > 5 && w.ends_with("ing");
    let of = (at.saturating_sub(12)..at - 1).rev().find(|&j| {
        items[j].word() == Some("of") && items.get(j + 1).and_then(Item::word).is_some_and(is_ing)
    })?;
    let subject = of.checked_sub(1)?;
    items[subject].actors().map(|_| subject)
}

/// Verbs (lemmas; every form is marked [`DEMAND`]) whose "that" clause
/// says what is demanded, not what happened ("demanded that Berlin
/// approve the transfers").
const DEMAND_VERBS: &[&str] = &["demand", "insist", "urge", "ask", "request"];

/// Whether the actor at `j` is asked to act rather than acting: the
/// object of a verb of appeal or command and the subject of the
/// infinitive after it ("asked Serbia to", "urged both sides to", "called
/// for Barr to", "called on Moscow to"), or the subject of a demanded
/// "that" clause ("demanded that Berlin approve").
fn asked_to(items: &[Item], j: usize) -> bool {
    // "demanded that the government withdraw the law".
    let that = match j.checked_sub(1).and_then(|c| items[c].word()) {
        Some("the") => j.checked_sub(2),
        _ => j.checked_sub(1),
    };
    let demanded_that = that.is_some_and(|c| {
        c >= 1 && items[c].word() == Some("that") && items[c - 1].known.flags & DEMAND != 0
    });
    if demanded_that {
        return true;
    }
    let control = |c: usize| items[c].known.flags & CONTROL != 0;
    // "called on the court to": the object's article comes between.
    let before = match j.checked_sub(1) {
        Some(c) if items[c].word() == Some("the") => c.checked_sub(1),
        c => c,
    };
    let verb_before = match before {
        Some(c) if control(c) => true,
        Some(c) if c >= 1 && matches!(items[c].word(), Some("for" | "on" | "upon")) => {
            control(c - 1)
        }
        _ => false,
    };
    verb_before && items.get(j + 1).is_some_and(|it| it.known.flags & TO != 0)
}

/// Whether `item` is a pattern word of `forms`: a word, or an event noun
/// read back ([`ANAPHOR`]: "accused Cambodia of violating the ceasefire"),
/// not the noun of another actor ([`HEAD_NOUN`]).
fn is_word_of(item: &Item, forms: &[u32]) -> bool {
    item.known.flags & (HEAD_NOUN | ANAPHOR) != HEAD_NOUN
        && forms.binary_search(&item.known.id).is_ok()
}

/// Whether `item` is an actor whose noun ([`HEAD_NOUN`]) is one of `forms`.
fn head_noun_in(item: &Item, forms: &[u32]) -> bool {
    item.known.flags & HEAD_NOUN != 0 && forms.binary_search(&item.known.id).is_ok()
}

/// The index of the closing mark of a short quotation that opens at
/// `tokens[k]` inside a clause (after a word that is no verb of saying, and
/// of at most eight words with no punctuation): a quoted complement
/// ("called the move "a provocation"") rather than reported speech.
fn short_quotation(text: &str, tokens: &[tacitus_text::Token], k: usize) -> Option<usize> {
    let before = tokens.get(k.checked_sub(1)?)?;
    let word_before = text.get(before.start..before.end)?;
    if !before.kind.is_wordlike()
        || tacitus_text::lexicon::is_reporting_verb(&word_before.to_ascii_lowercase())
        || !tokens.get(k + 1)?.kind.is_wordlike()
    {
        return None;
    }
    (k + 2..(k + 10).min(tokens.len()))
        .take_while(|&j| {
            matches!(
                tokens[j].kind,
                TokenKind::Word
                    | TokenKind::Number
                    | TokenKind::Abbreviation
                    | TokenKind::Hyphen
                    | TokenKind::Possessive
                    | TokenKind::Quote
            )
        })
        .find(|&j| tokens[j].kind == TokenKind::Quote)
}

/// Verbs (lemmas; every form is marked [`BACK_PARTICLE`]) whose particle
/// "back" is no verb ("take back", "pushed back", "scaled back").
const BACK_PARTICLE_VERBS: &[&str] = &[
    "bring", "call", "claw", "come", "cut", "fall", "fight", "get", "give", "go", "hit", "hold",
    "look", "pay", "pull", "push", "put", "roll", "scale", "send", "set", "step", "take", "turn",
    "walk", "win",
];

/// Possessive determiners: "his Turkish counterpart" is the counterpart.
const POSSESSIVE_PRONOUNS: &[&str] = &["his", "her", "its", "their"];

/// Verbs of travel whose destination ("fly to Ankara") is no subject.
const TRAVEL_VERBS: &[&str] = &[
    "arrive",
    "arrived",
    "arrives",
    "arriving",
    "came",
    "come",
    "comes",
    "coming",
    "flew",
    "flies",
    "fly",
    "flying",
    "go",
    "goes",
    "going",
    "gone",
    "head",
    "headed",
    "heading",
    "heads",
    "return",
    "returned",
    "returning",
    "returns",
    "travel",
    "traveled",
    "traveling",
    "travelled",
    "travelling",
    "travels",
    "went",
];

/// Whether the actor `items[j]` is where a traveller goes ("will fly to
/// Ankara", "arrived in Beijing") and the predicate at `pos` follows it as
/// the traveller's purpose or next step ("… to meet", "… and met").
fn travelled_to(items: &[Item], j: usize, pos: usize) -> bool {
    j >= 2
        && matches!(items[j - 1].word(), Some("to" | "in" | "into" | "at"))
        && items[j - 2]
            .word()
            .is_some_and(|w| TRAVEL_VERBS.contains(&w))
        && pos > j + 1
        && matches!(items[pos - 1].word(), Some("to" | "and"))
}

/// "Imran Khan, who wants talks with New Delhi, urged India …", "China, a
/// close ally of Pakistan, called on …": a verb right after a comma (or
/// after an adverb or auxiliary there: "…, also praised", "…, has
/// repeatedly urged") has for subject the actor right before the comma that
/// opens the parenthesis.
fn parenthetical_subject(items: &[Item], at: usize) -> Option<usize> {
    let close = (at.saturating_sub(3)..at)
        .rev()
        .take_while(|&j| {
            items[j]
                .word()
                .is_some_and(|w| w == "," || PARENTHESIS_ADVERBS.contains(&w))
        })
        .find(|&j| items[j].word() == Some(","))?;
    if close < 1 {
        return None;
    }
    let at = close + 1;
    let open = (0..at - 1).rev().find(|&j| items[j].word() == Some(","))?;
    // "The U.N. force in Lebanon, UNIFIL, urged …": a name in apposition
    // is the subject itself.
    if open + 2 == close && items[open + 1].actors().is_some() {
        return Some(open + 1);
    }
    let subject = open.checked_sub(1)?;
    items[subject].actors().map(|_| subject)
}

/// Adverbs and auxiliaries between a parenthesis and its subject's verb.
const PARENTHESIS_ADVERBS: &[&str] = &[
    "also",
    "later",
    "then",
    "too",
    "again",
    "already",
    "has",
    "have",
    "had",
    "jointly",
    "repeatedly",
    "publicly",
    "formally",
    "swiftly",
    "quickly",
    "immediately",
    "separately",
];

/// The sentence's subject: its first actor, when only an opening adverbial
/// ("On Monday,") stands before it.
fn sentence_subject(items: &[Item]) -> Option<usize> {
    // "WASHINGTON (Reuters) - …": the dateline's agency is no subject.
    let from = items
        .iter()
        .take(8)
        .zip(items.iter().skip(1))
        .position(|(a, b)| a.word() == Some(")") && matches!(b.word(), Some("-" | "—" | "–")))
        .map_or(0, |j| j + 2);
    let j = from
        + items[from..]
            .iter()
            .take(6)
            .position(|it| it.actors().is_some())?;
    // "On Thursday it also …": a time adjunct before the subject is fine.
    let adverbial_only = items[from..j].iter().all(|it| {
        it.known.flags & TIME_ADJUNCT != 0 || it.word().is_some_and(|w| !LOCATIVES.contains(&w))
    });
    adverbial_only.then_some(j)
}

/// The words that open a participle clause before its sentence's subject
/// ("After meeting with Putin, Trump …", "In jailing her, the court …").
const FRONTED_OPENERS: &[&str] = &[
    "after", "before", "while", "since", "in", "by", "upon", "on", "when",
];

/// The subject of a participle clause that opens the sentence, for its
/// participle at `at`: an opener ([`FRONTED_OPENERS`]) first in the
/// sentence right before the participle, and the first actor after the
/// clause's comma (after at most "the" and one more word).
fn fronted_participle_subject(items: &[Item], at: usize) -> Option<usize> {
    if at != 1
        || !items[0]
            .word()
            .is_some_and(|w| FRONTED_OPENERS.contains(&w))
        || !items[at]
            .word()
            .is_some_and(|w| w.len() > 4 && w.ends_with("ing"))
    {
        return None;
    }
    let comma = (at + 1..items.len())
        .take(12)
        .find(|&j| items[j].word() == Some(","))?;
    (comma + 1..items.len())
        .take(3)
        .find(|&j| items[j].actors().is_some())
        .filter(|&j| {
            items[comma + 1..j].iter().all(|it| {
                it.word()
                    .is_some_and(|w| w.chars().all(char::is_alphabetic))
            })
        })
}

/// Prepositions that make the actor after them a place or an object, not a
/// subject.
const LOCATIVES: &[&str] = &["in", "at", "from", "to", "with", "of", "by", "for", "on"];

/// A relative "which"/"who" after a comma, at most a few words before `to`,
/// stands for the phrase before the comma: "who" for the actor right before
/// it ("the U.S. authorities, who arrested …"); "which" for a possessor in
/// the phrase ("Nippon Steel's bid for U.S. Steel, which met resistance
/// from …" is Nippon Steel's), else that actor.
fn relative_antecedent(items: &[Item], to: usize) -> Option<usize> {
    let lowest = to.saturating_sub(SUBJECT_GAP + 1);
    let rel = (lowest..to)
        .rev()
        .take_while(|&j| items[j].actors().is_none())
        .find(|&j| matches!(items[j].word(), Some("which" | "who")))?;
    if rel < 2 || items[rel - 1].word() != Some(",") {
        return None;
    }
    let comma = rel - 1;
    let last = (items[comma - 1].actors().is_some()).then_some(comma - 1);
    if items[rel].word() == Some("who") {
        return last;
    }
    let clause_break = |it: &Item| matches!(it.word(), Some("," | ";" | ":" | "." | "-"));
    let start = (0..comma)
        .rev()
        .find(|&j| clause_break(&items[j]))
        .map_or(0, |j| j + 1);
    (start..comma)
        .find(|&j| {
            items[j].actors().is_some()
                && matches!(
                    items.get(j + 1).map(|it| &it.kind),
                    Some(ItemKind::Possessive)
                )
        })
        .or(last)
}

/// Words after which a verb form is an adjective ("six detained Americans").
const DETERMINERS: &[&str] = &[
    "a",
    "an",
    "the",
    "this",
    "that",
    "these",
    "those",
    "its",
    "their",
    "his",
    "her",
    "our",
    "several",
    "many",
    "some",
    "few",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "dozens",
    "hundreds",
    "thousands",
];

/// Words a gap before a slot never crosses: they open an adjunct ("warned
/// during the debate") or another clause, so the actor after them is not
/// the pattern's.
const SLOT_BARRIERS: &[&str] = &[
    "about",
    "after",
    "against",
    "alongside",
    "although",
    "amid",
    "among",
    "and",
    "as",
    "at",
    "because",
    "before",
    "besides",
    "but",
    "by",
    "despite",
    "during",
    "except",
    "for",
    "from",
    "if",
    "in",
    "including",
    "into",
    "of",
    "on",
    "or",
    "over",
    "since",
    "than",
    "that",
    "though",
    "through",
    "to",
    "under",
    "unless",
    "unlike",
    "until",
    "via",
    "when",
    "where",
    "whereas",
    "which",
    "while",
    "who",
    "with",
    "within",
    "without",
];

/// The audience of a saying, which a gap before a slot never crosses
/// either: in "told reporters Macron's comments were nasty" the actor after
/// it starts the reported clause; it is not the one told.
const AUDIENCES: &[&str] = &["reporters", "journalists", "correspondents"];

/// A word of [`SLOT_BARRIERS`] that opens no time adjunct, or a barrier.
fn is_slot_barrier(item: &Item) -> bool {
    item.known.flags & (SLOT_BARRIER | TIME_ADJUNCT) == SLOT_BARRIER || is_barrier(item)
}

/// Before a predicate the subject may stand before an infinitive's "to"
/// ("Ishiba hopes to meet") or a time adjunct, not before a pronoun.
fn is_subject_barrier(item: &Item) -> bool {
    // A pronoun left a word stands for nobody known, and is the subject:
    // "Migrants who spoke with the AP said they arrived" is not the AP's.
    let pronoun = item.known.flags & PRONOUN != 0 && item.word().is_some();
    pronoun
        || (item.known.flags & TIME_ADJUNCT == 0
            && ((item.known.flags & (SLOT_BARRIER | TO) == SLOT_BARRIER) || is_barrier(item)))
}

/// The forms of "attack", which [`Events::emit`] reads as criticism between
/// two people.
const ATTACK_FORMS: &[&str] = &["attack", "attacks", "attacked", "attacking"];

/// CAMEO roles of armed and opposition groups, which face their own
/// country's state as another side ([`Events::dyads`]).
const GROUP_ROLES: &[&str] = &["REB", "OPP", "INS", "SEP"];

/// Verbs that, with a compound subject and no object, code one event per
/// pair of the subject's members (SPEC §2): "Japan and India met".
const RECIPROCAL: &[&str] = &[
    "talks",
    "consultations",
    "discussions",
    "negotiations",
    "ties",
    "relations",
    "fire",
    "gunfire",
    "meet",
    "convene",
    "talk",
    "consult",
    "negotiate",
    "confer",
    "discuss",
    "cooperate",
    "reconcile",
    "sign",
    "clash",
    "fight",
    "agree",
    "exchange",
    "swap",
    "joint",
    "combined",
];

/// Whether a CAMEO code is one both sides of a pair do together:
/// consultation, cooperation, aid or yielding (roots 04, 05, 06, 08).
fn mutual(code: &str) -> bool {
    matches!(code.get(..2), Some("04" | "05" | "06" | "08"))
}

/// Nouns of joint undertakings, which make a pattern with no TARGET
/// reciprocal when it codes consultation, cooperation or yielding (roots
/// 04, 05, 06, 08): "Japan and India held a summit", "reached an
/// agreement", "exchanged prisoners" — but not an appeal for one ("Egypt
/// and Qatar called for a ceasefire").
const JOINT_NOUNS: &[&str] = &[
    "summit",
    "meeting",
    "meetings",
    "agreement",
    "deal",
    "accord",
    "pact",
    "treaty",
    "ceasefire",
    "cease-fire",
    "truce",
    "prisoners",
    "detainees",
    "captives",
    "insults",
    "barbs",
    "jibes",
    "accusations",
    "threats",
];

/// What stops the search for a pattern's next word: a barrier that is no
/// place adjunct ("protested in Istanbul against …").
fn is_word_barrier(item: &Item) -> bool {
    item.known.flags & PLACE_ADJUNCT == 0 && is_barrier(item)
}

/// Items a gap never crosses: another actor, a clause break.
fn is_barrier(item: &Item) -> bool {
    match &item.kind {
        ItemKind::Actors(_) => item.known.flags & MODIFIER == 0,
        ItemKind::Word(_) => item.known.flags & BARRIER != 0,
        ItemKind::Possessive => false,
    }
}

/// A day that stands for a TIMEX3 calendar value: the day itself, the 15th
/// of a month, the Monday of an ISO week, 1 July of a year.
fn representative_day(value: &str) -> Option<jiff::civil::Date> {
    calendar_day(value, false)
}

/// The first day of a TIMEX3 calendar value (a day, the Monday of an ISO
/// week, the 1st of a month, 1 January of a year).
fn earliest_day(value: &str) -> Option<jiff::civil::Date> {
    calendar_day(value, true)
}

/// A day of a TIMEX3 calendar value: its first, or the one that stands for
/// it (mid-month, mid-year).
fn calendar_day(value: &str, first: bool) -> Option<jiff::civil::Date> {
    let num = |s: &str| s.parse::<i16>().ok();
    match value.split('-').collect::<Vec<_>>().as_slice() {
        [y, m, d] if m.len() == 2 && d.len() >= 2 => {
            jiff::civil::Date::new(num(y)?, num(m)? as i8, num(d.get(..2)?)? as i8).ok()
        }
        [y, w] if w.starts_with('W') => {
            let week = w.get(1..3)?.parse::<i8>().ok()?;
            jiff::civil::ISOWeekDate::new(num(y)?, week, jiff::civil::Weekday::Monday)
                .ok()
                .map(|d| d.date())
        }
        [y, m] if m.len() == 2 => {
            jiff::civil::Date::new(num(y)?, num(m)? as i8, if first { 1 } else { 15 }).ok()
        }
        [y] if y.len() == 4 => {
            let (month, day) = if first { (1, 1) } else { (7, 1) };
            jiff::civil::Date::new(num(y)?, month, day).ok()
        }
        _ => None,
    }
}
