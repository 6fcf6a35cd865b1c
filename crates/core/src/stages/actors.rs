//! The `actors` stage (`ActorTagger` in DESIGN.md): finds the people,
//! countries, governments, bodies, organizations and places an article
//! names, links their mentions (coreference) and codes them as CAMEO actors
//! with the role held on the publication date.
//!
//! Reads `tokens` and `sentences`; writes `entities`. Steps:
//!
//! 1. **Gazetteer**: every dictionary name and alias, matched over the
//!    normalized tokens, longest first (see `gazetteer`).
//! 2. **Names**: runs of capitalized words ("Phil Simmons", "Ministry of
//!    Defense") that the gazetteer does not cover, split at office titles;
//!    a title before a name makes a person with that role ("Prime Minister
//!    Shigeru Ishiba"); org keywords ("Corp.", "Party", "Ministry") make an
//!    organization, place keywords ("River") a place; a given name, a
//!    locative preposition or a results line are weaker cues. Sentence-initial
//!    words, headline capitals and function words never become names by
//!    themselves. All occurrences of one unknown name share the kind of its
//!    strongest cue in the document.
//! 3. **Coreference**, conservative: a bare surname is the person last named
//!    in full; "the nation" / "the country" a country named before it in the
//!    sentence, else the country last in subject position; "the kingdom" the
//!    monarchy (a country whose names say "Kingdom") last named within five
//!    sentences; he/she/his/her/him
//!    the first coded person of the sentence (or the one before); "the Trump
//!    administration" and "Tokyo said" the government; headline capitals
//!    the entity written the same way below.
//!
//! Mentions of people exclude their titles (as CoNLL, brat and spaCy do);
//! the title becomes the entity's `role`.
//!
//! ```
//! use tacitus_core::{Article, Pipeline};
//!
//! let mut article = Article::from_text(
//!     "Prime Minister Shigeru Ishiba met Nippon Steel Corp. executives. Ishiba said Japan would act."
//!         .to_string(),
//! );
//! article.published = Some(jiff::civil::date(2025, 1, 13));
//! let doc = Pipeline::standard().run(article).unwrap();
//! let ishiba = doc.entities.iter().find(|e| e.name == "Shigeru Ishiba").unwrap();
//! assert_eq!(ishiba.actor.as_deref(), Some("JPNGOV"));
//! assert_eq!(ishiba.mentions.len(), 2);
//! ```

mod gazetteer;
mod home;
mod lexicon;
mod names;
mod teams;
mod vocab;
pub(crate) use home::{dateline_place, home_country};
pub(crate) use lexicon::GOVERNMENT_HEADS;

use std::hint::select_unpredictable;
use std::sync::Arc;

use jiff::civil::Date;

use rustc_hash::{FxHashMap as FxMap, FxHashSet as FxSet};
use tacitus_dict::{Dictionary, NameKind, Org};
use tacitus_text::normalize::fold_into;
use tacitus_text::{TokenKind, is_capitalized};

use super::TITLE_QUALIFIERS;
use crate::document::{Document, Entity, EntityKind, Mention};
use crate::pipeline::{Layer, Stage, StageError};
use gazetteer::{Gazetteer, Ref, norm_token};
use lexicon::short_key;
use vocab::{DOC_AS_WORD, DOC_MID_CAP, Vocab, byte_id};

/// Recognizes, links and codes the actors of a document. Cheap to clone:
/// the dictionary and its gazetteer are shared.
#[derive(Debug, Clone)]
pub struct Actors {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    dict: Arc<Dictionary>,
    gaz: Gazetteer,
    /// Lowercase titles, to strip one that a person's alias starts with.
    title_words: FxSet<String>,
    /// First words of the titles, lowercase: a quick test before `title_words`.
    title_first: FxSet<String>,
    /// The role code of each title (for people titled at home).
    title_roles: home::TitleRoles,
    /// The closed word lists and the given and family names, one lookup.
    words: lexicon::WordTable,
    /// The index of the first country with each code.
    country_of_code: FxMap<Box<str>, u32>,
    /// The people of each country (by index), in dictionary order.
    people_of: Vec<Vec<u32>>,
    /// Names and aliases of the GKG gazetteer's cities and regions, as
    /// written, with their country's index and whether the name is also a
    /// common word or a personal name: types an unknown name that has no
    /// other cue (when it is not), and gives a place its country.
    geo_names: FxMap<&'static str, (Option<u32>, bool)>,
    /// This stage's number, unique in the process: whose word facts a
    /// thread's [`Vocab`] holds.
    id: u64,
}

thread_local! {
    /// The thread's words (taken out for a document and put back).
    static VOCAB: std::cell::RefCell<Vocab> = std::cell::RefCell::default();
}

/// A number no other stage built in this process has (`Inner::id`).
fn next_stage_id() -> u64 {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

impl Default for Actors {
    fn default() -> Self {
        Actors::new()
    }
}

/// Words after a news outlet's name that show it is one ("the Australian
/// reported"): see `Actors::bare_article_name`.
const MEDIA_CUES_AFTER: &[&str] = &[
    "newspaper",
    "daily",
    "magazine",
    "website",
    "reported",
    "reports",
    "said",
    "says",
    "wrote",
    "writes",
    "quoted",
    "cited",
    "revealed",
    "published",
    "obtained",
    "learned",
    "has",
    "had",
    "'s",
];

/// Words after a city team's name that make the name an institution of the
/// city instead ("Birmingham City University", "Cardiff City Hall").
const INSTITUTION_WORDS: &[&str] = &[
    "Airport",
    "College",
    "Hall",
    "Hospital",
    "School",
    "University",
];

/// Countries whose people's names are written family name first in English
/// news (Kim Jong Un, Xi Jinping, Hun Sen), so the bare first word is the
/// surname.
const FAMILY_FIRST: &[&str] = &["CHN", "HKG", "KHM", "KOR", "MAC", "PRK", "TWN", "VNM"];

/// The first words of a person's names of two words or more: their given
/// names ("Christopher", "Chris").
fn given_names(person: &tacitus_dict::Person) -> impl Iterator<Item = &str> {
    std::iter::once(&person.name)
        .chain(&person.aliases)
        .filter_map(|n| n.split_once(' '))
        .map(|(first, _)| first)
}

/// Whether two given names share their first three letters ("Chris",
/// "Christopher"; "Madeline", "Madeleine"), ignoring case.
fn same_stem(a: &str, b: &str) -> bool {
    let stem = |w: &str| {
        w.chars()
            .take(3)
            .flat_map(char::to_lowercase)
            .collect::<String>()
    };
    stem(a) == stem(b)
}

/// How far back (in tokens, about a paragraph) a namesake named in full
/// still holds a bare surname against a leader in office of that name.
const NAMESAKE_REACH: usize = 120;

/// Legal-form words that may follow a known organization's name without
/// changing it ("Nippon Steel Corp.").
const LEGAL_SUFFIXES: &[&str] = &[
    "AG",
    "Co",
    "Co.",
    "Corp",
    "Corp.",
    "Corporation",
    "GmbH",
    "Inc",
    "Inc.",
    "LLC",
    "Ltd",
    "Ltd.",
    "N.V.",
    "PLC",
    "Plc",
    "S.A.",
    "SA",
    "plc",
];

/// The identity of an entity, so mentions group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Key<'a> {
    /// A dictionary entry (country, body, organization, person, place, or a
    /// capital as a place).
    Ref(Ref),
    /// The government of a country (index).
    Gov(u32),
    /// A name the dictionaries lack, by its text.
    Name(&'a str),
}

/// A mention found, before entities are assembled.
#[derive(Debug, Clone, Copy)]
struct Cand<'a> {
    /// First token and one past the last.
    first: usize,
    last: usize,
    key: Key<'a>,
    /// Kind (for unknown names: of this occurrence's cue).
    kind: EntityKind,
    /// Cue strength for unknown names (the strongest wins per name).
    strength: u8,
    /// Country index from a cue.
    country: Option<u32>,
    /// Title as written (borrowed from the text or the dictionary).
    role: Option<&'a str>,
    /// Role code of the title (`GOV`).
    role_code: Option<&'a str>,
    /// A pronoun or "the nation": a reference, not a name.
    reference: bool,
}

/// Per-token facts of one document.
struct Toks<'a> {
    text: &'a str,
    /// Token byte ranges and kinds.
    toks: &'a [tacitus_text::Token],
    /// The distinct words (folded), their facts and normalized forms, and
    /// which the document has.
    vocab: &'a Vocab,
    /// Char offsets of byte offsets (for the mentions).
    chars: CharOffsets,
    /// The facts of each token.
    at: Vec<Tok>,
    /// How many number tokens each line has.
    line_numbers: Vec<u32>,
    /// The tokens whose normalized form starts a gazetteer name, in order.
    name_starts: Vec<u32>,
    /// The capitalized words (`F_CAP`), in order.
    cap_tokens: Vec<u32>,
    /// The `Word` tokens that are he/she/his/her/him or "the", in order.
    pronouns_the: Vec<u32>,
    /// Whether some token sits in a line of capitals.
    any_caps: bool,
    /// A sports report (three distinct `lexicon::W_SPORT` words): a bare
    /// city name there is most often a team.
    sports: bool,
}

/// Where one token sits and what it is, computed once.
#[derive(Debug, Clone, Copy, Default)]
struct Tok {
    /// Its distinct word (id in `Toks::vocab`).
    word: u32,
    /// Sentence index.
    sent: u32,
    /// Line index.
    line: u32,
    /// Word facts of this occurrence (`F_*`).
    flags: u8,
    /// First word of its sentence (or of a quotation).
    initial: bool,
    /// In a line of capitals (a headline).
    caps: bool,
}

/// The gazetteer match covering each token (`u32::MAX`: none).
struct GazAt(Vec<u32>);

impl GazAt {
    /// The map of `matches` over `n` tokens.
    fn of(matches: &[(usize, usize, Ref)], n: usize) -> Self {
        let mut at = vec![u32::MAX; n];
        for (m, &(a, b, _)) in matches.iter().enumerate() {
            at[a..b].fill(m as u32);
        }
        GazAt(at)
    }

    /// The index of the match covering token i, if any.
    #[inline]
    fn at(&self, i: usize) -> Option<usize> {
        let n = self.0[i];
        (n != u32::MAX).then_some(n as usize)
    }
}

/// Values (token indices, word ids) each kept or not by a condition,
/// written without a branch on it: a branch per token on data-dependent
/// facts (a capitalized word, a name's first word) is mispredicted often.
/// Each value is written past the last one kept, and the next overwrites
/// it unless it was kept.
#[derive(Debug, Default)]
struct Picks {
    /// The values kept, then room.
    at: Vec<u32>,
    /// How many are kept.
    len: usize,
}

impl Picks {
    /// None kept yet, with room for `n` values.
    fn with_room(n: usize) -> Self {
        let mut picks = Picks::default();
        picks.clear(n);
        picks
    }

    /// Keeps none, with room for `n` values.
    fn clear(&mut self, n: usize) {
        self.at.clear();
        self.at.resize(n, 0);
        self.len = 0;
    }

    /// Keeps `v` if `keep`.
    #[inline]
    fn push_if(&mut self, v: u32, keep: bool) {
        match self.at.get_mut(self.len) {
            Some(slot) => {
                *slot = v;
                self.len += usize::from(keep);
            }
            // Out of room (more values than said): as `Vec::push`.
            None if keep => {
                self.at.push(v);
                self.len += 1;
            }
            None => {}
        }
    }

    /// The values kept, in order.
    fn as_slice(&self) -> &[u32] {
        &self.at[..self.len]
    }

    /// The values kept, in order.
    fn into_vec(mut self) -> Vec<u32> {
        self.at.truncate(self.len);
        self.at
    }
}

/// What one distinct folded word is (in any document).
#[derive(Debug, Clone, Copy)]
struct WordFacts {
    /// Its `lexicon::W_*` bits.
    bits: u32,
    /// Its `ORG_WORDS` index (with `W_ORG`).
    org: u16,
    /// Starts with an uppercase letter.
    cap: bool,
    /// Has no lowercase letter.
    no_lower: bool,
    /// Has two letters or more.
    alpha2: bool,
    /// Starts with a lowercase letter.
    lower_start: bool,
    /// Its normalized form is a token of a gazetteer name: which
    /// (`lexicon::NO_NAME`: none).
    gaz_token: u32,
    /// Its normalized form is the first token of a gazetteer name.
    gaz_first: bool,
    /// he/she/his/her/him in any case.
    pronoun: bool,
    /// "the" in any case.
    the: bool,
    /// The flags (`F_*`) of a `Word` token of it; an `Abbreviation` token
    /// has them less `F_PRONOUN_THE`, other tokens none.
    tok_flags: u8,
}

impl Default for WordFacts {
    fn default() -> Self {
        WordFacts {
            bits: 0,
            org: 0,
            cap: false,
            no_lower: false,
            alpha2: false,
            lower_start: false,
            gaz_token: lexicon::NO_NAME,
            gaz_first: false,
            pronoun: false,
            the: false,
            tok_flags: 0,
        }
    }
}

impl WordFacts {
    /// The flags (`F_*`) of a `Word` token of this word.
    fn token_flags(&self) -> u8 {
        let mut f = 0;
        if self.pronoun || self.the {
            f |= F_PRONOUN_THE;
        }
        if self.cap {
            f |= F_CAP;
            if self.bits & lexicon::W_NOT_NAME != 0 {
                f |= F_NOT_NAME;
            }
            // Capitals only: two letters or more, none lowercase.
            if self.alpha2 && self.no_lower {
                f |= F_UPPER;
            }
        } else if self.bits & lexicon::W_CONNECTOR != 0 {
            f |= F_CONNECTOR;
        }
        f
    }
}

/// A capitalized word or abbreviation.
const F_CAP: u8 = 1;
/// A function word that is not a name by itself.
const F_NOT_NAME: u8 = 2;
/// A lowercase connector inside names.
const F_CONNECTOR: u8 = 4;
/// A word in capitals only (two letters or more, none lowercase).
const F_UPPER: u8 = 8;
/// A `Word` token that is he/she/his/her/him or "the" (in any case).
const F_PRONOUN_THE: u8 = 16;
/// All the `F_*` bits.
const F_ALL: u8 = F_CAP | F_NOT_NAME | F_CONNECTOR | F_UPPER | F_PRONOUN_THE;

impl<'a> Toks<'a> {
    fn len(&self) -> usize {
        self.toks.len()
    }
    /// The text of tokens a..b (a < b), as written.
    fn span(&self, a: usize, b: usize) -> &'a str {
        &self.text[self.toks[a].start..self.toks[b - 1].end]
    }
    fn word(&self, i: usize) -> &str {
        self.at.get(i).map_or("", |t| self.vocab.text(t.word))
    }
    /// Whether token i is in a line of capitals (a headline).
    fn caps(&self, i: usize) -> bool {
        self.at[i].caps
    }
    /// Whether token i is the first word of its sentence (or of a quotation).
    fn initial(&self, i: usize) -> bool {
        self.at[i].initial
    }
    /// The sentence index of token i.
    fn sent(&self, i: usize) -> u32 {
        self.at[i].sent
    }
    /// The facts of token i's word (all false past the end).
    fn facts(&self, i: usize) -> WordFacts {
        self.at
            .get(i)
            .map_or_else(WordFacts::default, |t| *self.vocab.facts(t.word))
    }
    /// Whether the article capitalizes token i's word away from a sentence
    /// start and from a headline.
    fn mid_cap(&self, i: usize) -> bool {
        self.at
            .get(i)
            .is_some_and(|t| self.vocab.doc_bits(t.word) & DOC_MID_CAP != 0)
    }
    /// Whether the document has word `w` (folded) as a `Word` token that
    /// starts with a lowercase letter.
    fn has_lowercase_word(&self, w: &str) -> bool {
        self.vocab.in_doc(w).is_some_and(|id| {
            self.vocab.doc_bits(id) & DOC_AS_WORD != 0 && self.vocab.facts(id).lower_start
        })
    }
    /// Whether token i's word has a `lexicon::W_*` bit (as
    /// `lexicon::is_*(tk.word(i))` would say).
    fn has(&self, i: usize, bit: u32) -> bool {
        self.facts(i).bits & bit != 0
    }
    /// The organization kind of token i's word, if it is an org keyword.
    fn org_word(&self, i: usize) -> Option<&'static str> {
        let f = self.facts(i);
        (f.bits & lexicon::W_ORG != 0).then(|| lexicon::org_kind_at(f.org))
    }
    /// Appends tokens a..b normalized, each after a space: " tok tok" (as
    /// `norm_token` of each after a space).
    fn norm_span(&self, a: usize, b: usize, out: &mut String) {
        for k in a..b {
            out.push(' ');
            out.push_str(self.norm(k));
        }
    }
    /// Token i's word lowercased (as `self.word(i).to_lowercase()`): an
    /// ASCII word's normalized form is that, with no copy.
    fn lower(&self, i: usize) -> std::borrow::Cow<'_, str> {
        let w = self.word(i);
        if w.is_ascii() {
            std::borrow::Cow::Borrowed(self.norm(i))
        } else {
            std::borrow::Cow::Owned(w.to_lowercase())
        }
    }
    /// Token i normalized (folded, lowercased).
    fn norm(&self, i: usize) -> &str {
        self.at.get(i).map_or("", |t| self.vocab.norm(t.word))
    }
    /// The mention of tokens a..b (as `Document::mention` of their bytes).
    fn mention(&self, a: usize, b: usize) -> Mention {
        let (start, end) = (self.toks[a].start, self.toks[b - 1].end);
        let (cs, ce) = (self.chars.at(start), self.chars.at(end.max(start)));
        Mention {
            start: cs,
            end: ce,
            text: self.text.get(start..end).unwrap_or("").to_string(),
        }
    }
    fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind.is_wordlike())
    }
    fn kind(&self, i: usize) -> Option<TokenKind> {
        self.toks.get(i).map(|t| t.kind)
    }
    /// A capitalized word token.
    fn is_cap(&self, i: usize) -> bool {
        self.at.get(i).is_some_and(|t| t.flags & F_CAP != 0)
    }
    fn not_name(&self, i: usize) -> bool {
        self.at.get(i).is_some_and(|t| t.flags & F_NOT_NAME != 0)
    }
    fn connector(&self, i: usize) -> bool {
        self.at.get(i).is_some_and(|t| t.flags & F_CONNECTOR != 0)
    }
    /// Whether token i directly touches token j (no space between).
    fn adjacent(&self, i: usize, j: usize) -> bool {
        match (self.toks.get(i), self.toks.get(j)) {
            (Some(a), Some(b)) => a.end == b.start,
            _ => false,
        }
    }
    fn same_sentence(&self, i: usize, j: usize) -> bool {
        self.at.get(i).map(|t| t.sent) == self.at.get(j).map(|t| t.sent)
    }
}

impl Actors {
    /// The stage with the built-in dictionaries.
    pub fn new() -> Self {
        static BUILTIN: std::sync::LazyLock<Actors> =
            std::sync::LazyLock::new(|| Actors::with_dictionary(Dictionary::builtin_shared()));
        BUILTIN.clone()
    }

    /// The stage with a dictionary (built-in merged with users' files:
    /// [`Dictionary::load_user`]).
    pub fn with_dictionary(dict: Arc<Dictionary>) -> Self {
        let gaz = Gazetteer::new(&dict);
        // The sets and maps below are made at their size at once, not
        // grown (and rehashed) step by step.
        let given_count = (dict.names.iter())
            .filter(|n| n.kind == NameKind::Given)
            .count();
        let mut given: FxSet<&str> = FxSet::default();
        given.reserve(given_count);
        let mut family: FxSet<&str> = FxSet::default();
        family.reserve(dict.names.len() - given_count);
        for n in &dict.names {
            match n.kind {
                NameKind::Given => given.insert(&n.name),
                NameKind::Family => family.insert(&n.name),
            };
        }
        let words = lexicon::WordTable::with_name_tokens(
            given.iter().copied(),
            family.iter().copied(),
            gaz.name_tokens()
                .map(|(s, id)| (s, id, gaz.starts_name(id))),
        );
        let mut country_of_code: FxMap<Box<str>, u32> = FxMap::default();
        country_of_code.reserve(dict.countries.len());
        for (i, c) in dict.countries.iter().enumerate() {
            country_of_code
                .entry(Box::from(c.code.as_str()))
                .or_insert(i as u32);
        }
        let mut people_by_code: FxMap<&str, Vec<u32>> = FxMap::default();
        people_by_code.reserve(dict.countries.len());
        for (i, p) in dict.people.iter().enumerate() {
            people_by_code.entry(&p.country).or_default().push(i as u32);
        }
        let people_of = dict
            .countries
            .iter()
            .map(|c| {
                people_by_code
                    .get(c.code.as_str())
                    .cloned()
                    .unwrap_or_default()
            })
            .collect();
        // One word that is also an English word or a personal name
        // ("Mobile", "Nice") is a place only after a preposition of place,
        // by the GKG stage's test.
        let geo = tacitus_dict::geo::Geo::builtin();
        let mut geo_names: FxMap<&'static str, (Option<u32>, bool)> = FxMap::default();
        geo_names.reserve(
            (geo.places.iter().chain(&geo.regions))
                .map(|p| 1 + p.aliases.len())
                .sum(),
        );
        let mut folded = String::new();
        crate::stages::gkg::places::with_common_words(&dict, |common| {
            for p in geo.places.iter().chain(&geo.regions) {
                let country = p.country.and_then(|c| country_of_code.get(c).copied());
                for &name in std::iter::once(&p.name).chain(&p.aliases) {
                    geo_names.entry(name).or_insert_with(|| {
                        let is_common = !name.contains(' ') && {
                            crate::stages::gkg::places::fold_into(name, &mut folded);
                            common.contains(&folded)
                        };
                        (country, is_common)
                    });
                }
            }
        });
        Actors {
            inner: Arc::new(Inner {
                geo_names,
                id: next_stage_id(),
                title_words: dict.titles.iter().map(|t| t.title.to_lowercase()).collect(),
                title_first: dict
                    .titles
                    .iter()
                    .filter_map(|t| t.title.split_whitespace().next())
                    .map(str::to_lowercase)
                    .collect(),
                title_roles: home::TitleRoles::new(&dict),
                words,
                country_of_code,
                people_of,
                dict,
                gaz,
            }),
        }
    }

    /// The stage with the built-in dictionaries and users' files merged over
    /// them (`tacitus code --actors FILE`); a bad file is an error naming
    /// file, line and field.
    pub fn with_user_files<P: AsRef<std::path::Path>>(
        paths: &[P],
    ) -> Result<Self, tacitus_dict::Error> {
        Ok(Actors::with_dictionary(Arc::new(Dictionary::load_user(
            paths,
        )?)))
    }

    /// The dictionary the stage codes with.
    pub fn dictionary(&self) -> &Dictionary {
        &self.inner.dict
    }

    /// The actor code of `entity` as of `date` (events use the event's
    /// date): a dictionary person's role then, else the entity's own code.
    pub fn actor_on(&self, entity: &Entity, date: Option<Date>) -> Option<String> {
        if entity.kind == EntityKind::Person
            && let Some(p) = self
                .inner
                .dict
                .people
                .iter()
                .find(|p| p.name == entity.name)
        {
            return Some(p.actor_on(date));
        }
        entity.actor.clone()
    }
}

impl Stage for Actors {
    fn name(&self) -> &'static str {
        "actors"
    }

    fn requires(&self) -> &'static [Layer] {
        &[Layer::Sentences, Layer::Tokens]
    }

    fn assigns(&self) -> &'static [Layer] {
        &[Layer::Entities]
    }

    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        let mut entities = self.tag(doc);
        names::as_written(&mut entities);
        home::titled_people_at_home(&mut entities, &self.inner.title_roles, doc.text());
        doc.entities = entities;
        Ok(())
    }
}

/// How many ASCII capitals and lowercase letters `b` has; `None` unless
/// it is all ASCII. Eight bytes at a time ([`ascii_cases_of`]).
fn ascii_cases(b: &[u8]) -> Option<(u32, u32)> {
    let (mut upper, mut lower) = (0, 0);
    let mut words = b.chunks_exact(8);
    for word in &mut words {
        let (u, l) = ascii_cases_of(u64::from_le_bytes(word.try_into().unwrap_or_default()))?;
        (upper, lower) = (upper + u, lower + l);
    }
    let rest = words.remainder();
    if !rest.is_empty() {
        let (u, l) = ascii_cases_of(short_key(rest) & ((1 << 56) - 1))?;
        (upper, lower) = (upper + u, lower + l);
    }
    Some((upper, lower))
}

/// [`ascii_cases`] of the eight bytes of `x` (little-endian; zero bytes
/// are neither).
#[inline]
fn ascii_cases_of(x: u64) -> Option<(u32, u32)> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = ONES * 0x80;
    if x & HIGH != 0 {
        return None;
    }
    // Bit 7 of each byte in `lo..=hi`: adding `0x80 - lo` to an ASCII byte
    // sets its bit 7 from `lo` up, and no byte carries into the next.
    // Counted by summing the bytes (0 or 1 each) in the top byte.
    let in_range = |lo: u8, hi: u8| {
        let bits =
            (x + ONES * u64::from(0x80 - lo)) & !(x + ONES * u64::from(0x80 - hi - 1)) & HIGH;
        ((bits >> 7).wrapping_mul(ONES) >> 56) as u32
    };
    Some((in_range(b'A', b'Z'), in_range(b'a', b'z')))
}

/// Char offsets of the byte offsets of a text: a byte offset less the
/// UTF-8 continuation bytes before it.
#[derive(Debug, Default)]
struct CharOffsets {
    /// Bit j of block i: byte `64 i + j` is a continuation byte (empty for
    /// ASCII text).
    blocks: Vec<u64>,
    /// The continuation bytes before each block.
    before: Vec<u32>,
    /// All the continuation bytes.
    total: usize,
}

impl CharOffsets {
    /// The char offset of byte offset `at` (a char boundary).
    fn at(&self, at: usize) -> usize {
        match (self.blocks.get(at / 64), self.before.get(at / 64)) {
            (Some(&block), Some(&before)) => {
                let below = block & ((1u64 << (at % 64)) - 1);
                at - before as usize - below.count_ones() as usize
            }
            _ => at - self.total,
        }
    }
}

/// The byte offsets of the lead bytes of `text`'s non-ASCII chars (in
/// order), and its char offsets.
fn non_ascii_bytes(text: &str) -> (Vec<u32>, CharOffsets) {
    let mut leads = Vec::new();
    let mut chars = CharOffsets::default();
    let bytes = text.as_bytes();
    let mut add = |at: usize| {
        if bytes[at] >= 0xC0 {
            leads.push(at as u32);
        } else {
            if chars.blocks.is_empty() {
                chars.blocks = vec![0; bytes.len().div_ceil(64)];
            }
            chars.blocks[at / 64] |= 1 << (at % 64);
        }
    };
    // The bytes of `part` (at offset `base`) eight at a time: their high
    // bits, one by one where set.
    let mut scan = |base: usize, part: &[u8]| {
        let mut words = part.chunks_exact(8);
        for (i, word) in (&mut words).enumerate() {
            let mut high =
                u64::from_le_bytes(word.try_into().unwrap_or_default()) & 0x8080_8080_8080_8080;
            while high != 0 {
                add(base + i * 8 + (high.trailing_zeros() / 8) as usize);
                high &= high - 1;
            }
        }
        let rest = base + part.len() - words.remainder().len();
        for (j, &b) in words.remainder().iter().enumerate() {
            if b >= 0x80 {
                add(rest + j);
            }
        }
    };
    // Blocks of 64 bytes, most of them all ASCII: skipped after one test
    // (`is_ascii` reads many bytes at a time).
    let mut blocks = bytes.chunks_exact(64);
    for (i, block) in (&mut blocks).enumerate() {
        if !block.is_ascii() {
            scan(i * 64, block);
        }
    }
    scan(bytes.len() - blocks.remainder().len(), blocks.remainder());
    chars.before = chars
        .blocks
        .iter()
        .map(|&block| {
            let before = chars.total as u32;
            if block != 0 {
                chars.total += block.count_ones() as usize;
            }
            before
        })
        .collect();
    (leads, chars)
}

/// Whether a line (of `text`) is written in capitals: a headline or a
/// dateline, where case tells nothing.
fn caps_lines(text: &str) -> Vec<(usize, bool)> {
    let mut out = Vec::with_capacity(text.len() / 64);
    let bytes = text.as_bytes();
    let mut start = 0;
    // The ends of the lines (as `split_inclusive('\n')`): after each
    // newline (found by `memchr`, many bytes at a time), and the end of a
    // text that does not end with one.
    let last = (!bytes.is_empty() && !bytes.ends_with(b"\n")).then_some(bytes.len());
    for end in memchr::memchr_iter(b'\n', bytes)
        .map(|at| at + 1)
        .chain(last)
    {
        let line = &bytes[start..end];
        // ASCII letters only: other scripts and accents do not decide a headline.
        let (mut up, mut low) = (0usize, 0usize);
        // In blocks with byte counters, which the compiler vectorizes.
        let mut blocks = line.chunks_exact(64);
        let mut left = line.len();
        let mut lower_wins = false;
        for block in &mut blocks {
            let (mut u, mut l) = (0u8, 0u8);
            for &b in block {
                u += u8::from(b.is_ascii_uppercase());
                l += u8::from(b.is_ascii_lowercase());
            }
            up += usize::from(u);
            low += usize::from(l);
            left -= block.len();
            // Even were every byte left a capital, the lowercase letters
            // would be too many: a body line (the answer is settled).
            if low * 5 >= up + left {
                lower_wins = true;
                break;
            }
        }
        if !lower_wins {
            for &b in blocks.remainder() {
                up += usize::from(b.is_ascii_uppercase());
                low += usize::from(b.is_ascii_lowercase());
            }
        }
        out.push((start, !lower_wins && up >= 2 && low * 5 < up));
        start = end;
    }
    out
}

impl Actors {
    fn tag(&self, doc: &Document) -> Vec<Entity> {
        if doc.tokens.is_empty() {
            return Vec::new();
        }
        let mut buf = String::new();
        let mut vocab = VOCAB.take();
        let tk = self.prepare(doc, &mut buf, &mut vocab);

        // 1. Gazetteer.
        let mut gm = Vec::with_capacity(tk.name_starts.len());
        self.inner.gaz.find(
            &tk.name_starts,
            |k| {
                let id = tk
                    .at
                    .get(k)
                    .map_or(lexicon::NO_NAME, |t| tk.vocab.facts(t.word).gaz_token);
                (id != lexicon::NO_NAME).then_some(id)
            },
            |k| tk.norm(k),
            |k| tk.word(k),
            |k| tk.at[k].caps,
            &mut gm,
        );
        let published = doc.article.published;
        // A person's one-word alias after a capitalized given name: a form
        // of the person's own ("FBI Director Chris Wray") joins the mention;
        // another ("Dave Barr" in 1996, when William Barr held no office)
        // makes it someone else's surname (the name run then makes that
        // person). A person in office keeps the alias.
        gm.retain_mut(|m| match self.given_name_before(&tk, *m) {
            Some((_, true)) => {
                m.0 -= 1;
                true
            }
            Some((person, false)) => published.is_none() || person.role_on(published).is_some(),
            None => true,
        });
        let mut gaz_at = GazAt::of(&gm, tk.len());
        // "Jordan's King Abdullah" is not Saudi Arabia's: a dictionary
        // person after another country's cue is someone the dictionary
        // lacks (the title and the cue then make that person).
        let foreign = |&(a, _, r): &(usize, usize, Ref)| match r {
            Ref::Person(p) => self.country_before(&tk, &gm, &gaz_at, a).is_some_and(|c| {
                self.inner.dict.countries[c as usize].code
                    != self.inner.dict.people[p as usize].country
            }),
            _ => false,
        };
        if gm.iter().any(foreign) {
            let keep: Vec<bool> = gm.iter().map(|m| !foreign(m)).collect();
            let mut keep = keep.into_iter();
            gm.retain(|_| keep.next().unwrap_or(true));
            gaz_at = GazAt::of(&gm, tk.len());
        }
        // 2. Walk the tokens.
        let mut cands: Vec<Cand> = Vec::with_capacity(tk.cap_tokens.len() + gm.len());
        let mut i = 0;
        // Only where a match starts or a capitalized word stands may
        // something start: from one such token to the next.
        let (mut next_match, mut next_cap) = (0, 0);
        loop {
            while gm.get(next_match).is_some_and(|m| m.0 < i) {
                next_match += 1;
            }
            while tk
                .cap_tokens
                .get(next_cap)
                .is_some_and(|&k| (k as usize) < i)
            {
                next_cap += 1;
            }
            let next = match (gm.get(next_match), tk.cap_tokens.get(next_cap)) {
                (Some(m), Some(&k)) => m.0.min(k as usize),
                (Some(m), None) => m.0,
                (None, Some(&k)) => k as usize,
                (None, None) => break,
            };
            i = next;
            if let Some(n) = gaz_at.at(i) {
                let (a, b, r) = gm[n];
                if a == i && !self.org_not_meant(&tk, &gm, &gaz_at, a, b, r) {
                    i = self.on_gazetteer(&tk, &gm, &gaz_at, a, b, r, published, &mut cands);
                    continue;
                }
            }
            if tk.is_cap(i) && !(tk.caps(i) && tk.word(i).chars().all(|c| !c.is_lowercase())) {
                i = self.on_run(&tk, &gm, &gaz_at, i, None, &mut cands);
                continue;
            }
            i += 1;
        }

        // Headline capitals: only what the body names the same way.
        self.caps_mentions(&tk, &gaz_at, &mut cands);

        cands.sort_by_key(|c| (c.first, c.last));
        self.vote_and_link(&tk, &mut cands, published);
        self.pronouns(&tk, &mut cands);
        let mut entities = self.assemble(&tk, &gm, cands, published);
        if tk.sports {
            teams::places_as_teams(doc, &mut entities);
        }
        VOCAB.set(vocab);
        entities
    }

    /// The dictionary person of a one-word alias right after a capitalized
    /// given name, and whether that name is a form of one of the person's
    /// own (the same first three letters: "Chris" for Christopher Wray,
    /// "Madeline" for Madeleine Albright).
    fn given_name_before(
        &self,
        tk: &Toks,
        (a, b, r): (usize, usize, Ref),
    ) -> Option<(&tacitus_dict::Person, bool)> {
        let Ref::Person(p) = r else {
            return None;
        };
        if b != a + 1 || a == 0 || !tk.is_cap(a - 1) || !tk.has(a - 1, lexicon::W_GIVEN) {
            return None;
        }
        let person = &self.inner.dict.people[p as usize];
        let own = given_names(person).any(|first| same_stem(first, tk.word(a - 1)));
        Some((person, own))
    }

    /// The per-token and per-word facts of a document (`buf` holds the
    /// folded forms of non-ASCII tokens; `vocab` the thread's words).
    fn prepare<'a>(
        &self,
        doc: &'a Document,
        buf: &'a mut String,
        vocab: &'a mut Vocab,
    ) -> Toks<'a> {
        let text = doc.text();
        let toks = &doc.tokens;
        let n = toks.len();
        let (leads, chars) = non_ascii_bytes(text);
        // Folded token texts: ASCII tokens are their own folded form (no
        // copy); the others, the tokens holding a non-ASCII char's lead
        // byte, are folded into `buf` first (by token index).
        let mut non_ascii: Vec<(usize, usize, usize)> = Vec::new();
        // The leads are in order: each search starts at the token of the
        // one before and gallops forward (steps of 1, 2, 4, ... tokens, then
        // a binary search within the last step), which reads only tokens
        // near the next lead.
        let before = |k: usize, lead: usize| toks.get(k).is_some_and(|t| t.end <= lead);
        let mut k = 0;
        for &lead in &leads {
            let lead = lead as usize;
            let mut step = 1;
            while before(k + step - 1, lead) {
                k += step;
                step *= 2;
            }
            // Token k + step - 1 (or the end) is past the lead.
            let end = (k + step - 1).min(toks.len());
            k += toks[k..end].partition_point(|t| t.end <= lead);
            if toks.get(k).is_some_and(|t| t.start <= lead)
                && non_ascii.last().is_none_or(|&(last, _, _)| last != k)
            {
                let s = buf.len();
                fold_into(text.get(toks[k].start..toks[k].end).unwrap_or(""), buf);
                non_ascii.push((k, s, buf.len()));
            }
        }
        let buf: &'a str = buf;
        let mut next_folded = 0;
        let mut folded_at = non_ascii.first().map_or(usize::MAX, |x| x.0);
        // Distinct words of sports reports (three make one).
        let mut sport_words = 0u32;
        // First each token's word (its facts and normalized form computed
        // the first time a thread meets it) and which words the document
        // has: a loop of its own, with few values to keep in registers.
        let facts_of = |w: &str, key: Option<u64>, norm: &mut String| self.facts_of(w, key, norm);
        vocab.start(self.inner.id, n, facts_of);
        let bytes = text.as_bytes();
        let mut ids: Vec<u32> = Vec::with_capacity(n);
        for (k, t) in toks.iter().enumerate() {
            // The token's folded bytes: its text is only needed for a new word.
            // (One compare for most tokens: the next folded one's index.)
            let folded = (k == folded_at).then(|| &non_ascii[next_folded]);
            if folded.is_some() {
                next_folded += 1;
                folded_at = non_ascii.get(next_folded).map_or(usize::MAX, |x| x.0);
            }
            let (from, at) = match folded {
                Some(&(_, s, e)) => (buf.as_bytes(), s..e),
                None => (bytes, t.start..t.end),
            };
            let w = || {
                match folded {
                    Some(&(_, s, e)) => buf.get(s..e),
                    None => text.get(t.start..t.end),
                }
                .unwrap_or("")
            };
            let id = vocab.id(from, at, w, facts_of);
            let first = vocab.see(id);
            sport_words += u32::from(first & vocab.sport(id));
            ids.push(id);
        }
        // Then sentences, lines, sentence-initial words, per-token flags.
        let lines = caps_lines(text);
        let mut name_starts = Picks::with_room(n);
        let mut pronouns_the = Picks::with_room(n);
        let mut cap_tokens = Picks::with_room(n);
        let mut at: Vec<Tok> = Vec::with_capacity(n);
        let mut line_numbers = vec![0u32; lines.len()];
        let (mut si, mut li) = (0usize, 0usize);
        // The end of sentence `si` while another follows, and the start of
        // line `li + 1`: where to move on.
        let sent_end = |si: usize| {
            doc.sentences
                .get(si + 1)
                .map_or(usize::MAX, |_| doc.byte_range(doc.sentences[si]).end)
        };
        let line_start = |li: usize| lines.get(li + 1).map_or(usize::MAX, |l| l.0);
        let (mut next_sent, mut next_line) = (sent_end(0), line_start(0));
        let mut caps_line = lines.first().is_some_and(|l| l.1);
        let mut any_caps = false;
        let mut seen_word = false;
        // The token before opens a quotation or a clause.
        let mut prev_opener = false;
        for (k, (t, &id)) in toks.iter().zip(&ids).enumerate() {
            let tok_flags = vocab.token_flags(id);
            while next_sent <= t.start {
                si += 1;
                seen_word = false;
                next_sent = sent_end(si);
            }
            while next_line <= t.start {
                li += 1;
                caps_line = lines[li].1;
                next_line = line_start(li);
            }
            if let Some(slot) = line_numbers.get_mut(li) {
                *slot += u32::from(t.kind == TokenKind::Number);
            }
            let after_opener = prev_opener;
            // (`|`, not `||`: no jump per token.)
            prev_opener = matches!(t.kind, TokenKind::Quote | TokenKind::Dash)
                | [b':', b'(', b';'].map(|c| byte_id(c) == id).contains(&true);
            let wordlike = t.kind.is_wordlike();
            let initial = wordlike && (!seen_word || after_opener);
            seen_word |= wordlike;

            name_starts.push_if(k as u32, vocab.starts_name(id));
            // The flags of a `Word`; an `Abbreviation` has them less
            // `F_PRONOUN_THE`, other tokens none (picked with no jump on
            // the kind).
            let word = t.kind == TokenKind::Word;
            vocab.mark(id, select_unpredictable(word, DOC_AS_WORD, 0));
            let abbreviation = t.kind == TokenKind::Abbreviation;
            let f = tok_flags
                & select_unpredictable(
                    word,
                    F_ALL,
                    select_unpredictable(abbreviation, F_ALL & !F_PRONOUN_THE, 0),
                );
            pronouns_the.push_if(k as u32, f & F_PRONOUN_THE != 0);
            cap_tokens.push_if(k as u32, f & F_CAP != 0);
            any_caps |= caps_line;
            at.push(Tok {
                word: id,
                sent: si as u32,
                line: li as u32,
                flags: f,
                initial,
                caps: caps_line,
            });
        }
        let (name_starts, pronouns_the) = (name_starts.into_vec(), pronouns_the.into_vec());
        let cap_tokens = cap_tokens.into_vec();
        // Both rules below are about capitalized words only.
        let up = |at: &[Tok], k: usize| at.get(k).is_some_and(|t| t.flags & F_UPPER != 0);
        for &k in &cap_tokens {
            let k = k as usize;
            // Two capitals-only words in a row are a headline or dateline
            // too ("NEW DELHI, June 1 -"), and so is one that starts its line
            // before a comma or a dash ("BOGOTA, Colombia", "GERMANY - Bunds").
            let line_start = k == 0 || at[k - 1].line != at[k].line;
            let punct_after = || {
                toks.get(k + 1)
                    .and_then(|t| bytes.get(t.start..t.end))
                    .is_some_and(|w| matches!(w, b"," | b"-" | b"--"))
            };
            if up(&at, k)
                && !at[k].caps
                && ((k > 0 && up(&at, k - 1)) || up(&at, k + 1) || (line_start && punct_after()))
            {
                at[k].caps = true;
                any_caps = true;
            }
            // Which words the article capitalizes away from a sentence start.
            let t = at[k];
            if !t.initial && !t.caps {
                vocab.mark(t.word, DOC_MID_CAP);
            }
        }
        let sports = sport_words >= 3;
        let vocab: &'a Vocab = vocab;
        Toks {
            sports,
            text,
            toks,
            vocab,
            chars,
            at,
            line_numbers,
            name_starts,
            cap_tokens,
            pronouns_the,
            any_caps,
        }
    }

    /// The facts of a distinct word (folded, with its [`short_key`] when
    /// it has two to seven bytes) with its tokens' flags, and whether its
    /// normalized form, written to `norm`, is the word as is
    /// ([`Actors::word_facts`] of its word table entry).
    fn facts_of(&self, w: &str, key: Option<u64>, norm: &mut String) -> (WordFacts, bool) {
        let entry = self.inner.words.lookup_word(w, key);
        let (facts, as_is) = self.word_facts(w, key, entry, norm);
        let facts = WordFacts {
            tok_flags: facts.token_flags(),
            ..facts
        };
        (facts, as_is)
    }

    /// The facts of a distinct word (folded, with its [`short_key`] when it
    /// has one, and its word table entry: [`lexicon::WordTable::lookup`]);
    /// writes its normalized form (folded, lowercased) to `norm` and tells
    /// whether that is `w` as is.
    fn word_facts(
        &self,
        w: &str,
        key: Option<u64>,
        entry: (u32, u16, u32),
        norm: &mut String,
    ) -> (WordFacts, bool) {
        let (bits, org, name_token) = entry;
        let b = w.as_bytes();
        // A word of up to seven bytes is in its key already.
        let cases = match key {
            Some(key) => ascii_cases_of(key & ((1 << 56) - 1)),
            None => ascii_cases(b),
        };
        if let Some((upper, lower)) = cases {
            let s = norm.len();
            if upper > 0 {
                norm.push_str(w);
                norm[s..].make_ascii_lowercase();
            }
            let first_upper = b.first().is_some_and(u8::is_ascii_uppercase);
            let rest_upper = upper > u32::from(first_upper);
            let no_lower = lower == 0;
            // Written lowercase, capitalized or in capitals, the word table
            // knows whether a name has it; otherwise ask the gazetteer.
            // A name token's entry also says whether a name starts with it.
            let (gaz_token, gaz_first) = if !rest_upper || no_lower {
                (name_token, bits & lexicon::W_NAME_FIRST != 0)
            } else {
                self.gaz_token(&norm[s..])
            };
            let facts = WordFacts {
                bits,
                org,
                cap: first_upper,
                no_lower,
                alpha2: upper + lower >= 2,
                lower_start: b.first().is_some_and(u8::is_ascii_lowercase),
                pronoun: bits & lexicon::W_PRONOUN != 0,
                the: bits & lexicon::W_THE != 0,
                gaz_token,
                gaz_first,
                tok_flags: 0,
            };
            (facts, upper == 0)
        } else {
            let s = norm.len();
            norm_token(w, norm);
            let (gaz_token, gaz_first) = self.gaz_token(&norm[s..]);
            let facts = WordFacts {
                bits,
                org,
                cap: is_capitalized(w),
                no_lower: !w.chars().any(char::is_lowercase),
                alpha2: w.chars().filter(|c| c.is_alphabetic()).count() >= 2,
                lower_start: w.starts_with(char::is_lowercase),
                // ASCII words only.
                pronoun: false,
                the: false,
                gaz_token,
                gaz_first,
                tok_flags: 0,
            };
            (facts, false)
        }
    }

    /// The gazetteer's id of a normalized token ([`lexicon::NO_NAME`] if no
    /// name has it) and whether a name starts with it.
    fn gaz_token(&self, norm: &str) -> (u32, bool) {
        let id = self.inner.gaz.token_id(norm).unwrap_or(lexicon::NO_NAME);
        (id, self.inner.gaz.starts_name(id))
    }

    /// Handles the gazetteer match `n` = tokens a..b; returns the next token.
    #[allow(clippy::too_many_arguments)] // one call site; a struct would only rename them
    fn on_gazetteer<'a>(
        &'a self,
        tk: &Toks<'a>,
        gm: &[(usize, usize, Ref)],
        gaz_at: &GazAt,
        a: usize,
        b: usize,
        r: Ref,
        published: Option<Date>,
        cands: &mut Vec<Cand<'a>>,
    ) -> usize {
        let cand = |key: Key<'a>, kind: EntityKind, country: Option<u32>| Cand {
            first: a,
            last: b,
            key,
            kind,
            strength: 9,
            country,
            role: None,
            role_code: None,
            reference: false,
        };
        match r {
            Ref::Title(t) => {
                let title = &self.inner.dict.titles[t as usize];
                let cue = self.country_before(tk, gm, gaz_at, a);
                // "the Foreign Ministry", "the Ministry of Defense": a body
                // written as a name (every word capitalized) is an organization.
                let all_caps_words = (a..b)
                    .all(|k| !tk.is_word(k) || tk.is_cap(k) || tk.has(k, lexicon::W_CONNECTOR));
                if title.kind != "person"
                    && all_caps_words
                    && !tk.caps(a)
                    && !(b - a == 1 && tk.initial(a))
                {
                    let kind = match title.role.as_deref().map(|r| r.get(..3).unwrap_or("")) {
                        Some("GOV" | "MIL" | "JUD" | "LEG" | "COP" | "SPY") => {
                            EntityKind::Government
                        }
                        Some("MED") => EntityKind::Media,
                        Some("BUS") => EntityKind::Company,
                        _ => org_kind(&title.kind),
                    };
                    cands.push(Cand {
                        role_code: title.role.as_deref(),
                        ..cand(Key::Name(tk.span(a, b)), kind, cue)
                    });
                    return b;
                }
                let role = Some(tk.span(a, b));
                // A name after the title (skipping a comma is not allowed: "the minister, Mr X").
                let name_start = b;
                if title.kind == "person" && tk.is_cap(name_start) {
                    if let Some(m) = gaz_at.at(name_start)
                        && gm[m].0 == name_start
                        && matches!(gm[m].2, Ref::Person(_))
                    {
                        let (pa, pb, pr) = gm[m];
                        cands.push(Cand {
                            first: pa,
                            last: pb,
                            key: Key::Ref(pr),
                            kind: EntityKind::Person,
                            strength: 9,
                            country: cue,
                            role,
                            role_code: title.role.as_deref(),
                            reference: false,
                        });
                        return pb;
                    }
                    if gaz_at.at(name_start).is_none() {
                        let end = self.on_run(
                            tk,
                            gm,
                            gaz_at,
                            name_start,
                            Some((cue, role, title.role.as_deref())),
                            cands,
                        );
                        return end.max(b);
                    }
                }
                // A title without a name, with a nationality: the holder of
                // that office on the publication date, if the dictionary knows.
                // Only a definite description: "the Japanese foreign minister",
                // "Japan's prime minister" (not "nominated for U.S. Secretary of State").
                let definite = {
                    let mut k = a;
                    // Back over the cue: "Japanese", "U.S.", "Japan 's".
                    if k > 0 && tk.kind(k - 1) == Some(TokenKind::Possessive) {
                        k = 0; // a possessive country is definite by itself
                    } else if let Some(n) = k.checked_sub(1).and_then(|p| gaz_at.at(p)) {
                        k = gm[n].0;
                    }
                    k == 0 && a > 0 && tk.kind(a - 1) == Some(TokenKind::Possessive)
                        || (k > 0 && tk.word(k - 1).eq_ignore_ascii_case("the"))
                };
                if title.kind == "person"
                    && definite
                    && let Some(c) = cue
                {
                    let want = title.title.to_lowercase();
                    let people = &self.inner.dict.people;
                    let mut holders = self.inner.people_of[c as usize].iter().filter(|&&i| {
                        published.is_some()
                            && people[i as usize]
                                .title_on(published)
                                .is_some_and(|t| t.to_lowercase() == want)
                    });
                    if let (Some(&only), None) = (holders.next(), holders.next()) {
                        cands.push(Cand {
                            role: Some(&title.title),
                            role_code: title.role.as_deref(),
                            ..cand(Key::Ref(Ref::Person(only)), EntityKind::Person, cue)
                        });
                    }
                }
                b
            }
            Ref::Adjective(_) => b,
            Ref::Country(c) => {
                // "Japan Airlines", "China Construction Bank": a country that
                // starts a name with an organization keyword is part of it.
                if tk.is_cap(b) && tk.same_sentence(a, b) && gaz_at.at(b).is_none() {
                    let end = self.run_end(tk, gm, gaz_at, b);
                    if self.org_keyword(tk, b, end).is_some() {
                        return self.on_run(tk, gm, gaz_at, a, None, cands);
                    }
                }
                cands.push(cand(Key::Ref(r), EntityKind::Country, Some(c)));
                b
            }
            Ref::Capital(c) => {
                let next = tk.word(b);
                let next = if next == "'s" || next == "'" {
                    "'s"
                } else {
                    next
                };
                let gov = lexicon::is_government_verb(next)
                    || (next == "'s" && !lexicon::is_locative(&tk.lower(a.wrapping_sub(1))));
                let locative = a > 0 && lexicon::is_locative(&tk.lower(a - 1));
                // "ties with New Delhi", "talks between Tokyo and Seoul".
                let partner = a > 0 && matches!(tk.word(a - 1), "with" | "between");
                if (gov || partner) && !locative && !tk.caps(a) {
                    cands.push(cand(Key::Gov(c), EntityKind::Government, Some(c)));
                } else {
                    if tk.is_cap(b) && gaz_at.at(b).is_none() {
                        let end = self.run_end(tk, gm, gaz_at, b);
                        if self.org_keyword(tk, b, end).is_some() {
                            return self.on_run(tk, gm, gaz_at, a, None, cands);
                        }
                    }
                    cands.push(cand(Key::Ref(r), EntityKind::Location, Some(c)));
                }
                b
            }
            Ref::Place(_) => {
                if tk.is_cap(b) && gaz_at.at(b).is_none() {
                    let end = self.run_end(tk, gm, gaz_at, b);
                    // "Fukushima Prefecture", "Kharkiv Oblast": a place
                    // word after the place makes a longer name too.
                    if self.org_keyword(tk, b, end).is_some() || tk.has(b, lexicon::W_PLACE) {
                        return self.on_run(tk, gm, gaz_at, a, None, cands);
                    }
                }
                let mut c = cand(Key::Ref(r), EntityKind::Location, None);
                if self.results_line(tk, a, b) || schedule_line(tk, a, b) {
                    // "Leeds 2 Chelsea 1", "KANSAS CITY AT DETROIT": a city
                    // in a results line, or visiting in a schedule, is its team.
                    c.key = Key::Name(tk.span(a, b));
                    c.kind = EntityKind::Organization;
                    c.strength = 6;
                }
                cands.push(c);
                b
            }
            Ref::Person(_) => {
                let mut c = cand(Key::Ref(r), EntityKind::Person, None);
                // An alias that starts with a title ("President Clinton"):
                // the title is the role, not part of the mention.
                let maybe_title = b - a >= 2 && {
                    let mut first = String::new();
                    norm_token(tk.word(a), &mut first);
                    self.inner.title_first.contains(&first)
                };
                for len in (1..(b - a).min(4)).rev().filter(|_| maybe_title) {
                    let words: Vec<&str> = (a..a + len).map(|k| tk.word(k)).collect();
                    let t = words.join(" ").to_lowercase();
                    if self.inner.title_words.contains(&t) {
                        c.first = a + len;
                        c.role = Some(tk.span(a, a + len));
                        break;
                    }
                }
                if let Some((role, code)) = self.person_cue_before(tk, gm, gaz_at, a) {
                    c.role = role;
                    c.role_code = code;
                }
                cands.push(c);
                self.government_head(tk, a, b, cands);
                b
            }
            Ref::Igo(_) => {
                cands.push(cand(Key::Ref(r), EntityKind::Igo, None));
                b
            }
            Ref::Org(o) => {
                let org = &self.inner.dict.orgs[o as usize];
                // "Nippon Steel Corp.": legal suffixes extend the mention.
                let mut end = b;
                while end < tk.len()
                    && LEGAL_SUFFIXES.contains(&tk.word(end))
                    && tk.same_sentence(a, end)
                {
                    end += 1;
                }
                let kind = org_kind(&org.kind);
                cands.push(Cand {
                    last: end,
                    ..cand(Key::Ref(r), kind, None)
                });
                end
            }
        }
    }

    /// The end of the run of capitalized words (and inner connectors,
    /// hyphens, "&") that starts at `i`, stopping at gazetteer matches.
    fn run_end(
        &self,
        tk: &Toks<'_>,
        gm: &[(usize, usize, Ref)],
        gaz_at: &GazAt,
        i: usize,
    ) -> usize {
        let mut j = i;
        while j < tk.len() && tk.same_sentence(i, j) {
            if j > i
                && let Some(n) = gaz_at.at(j)
                && !self.org_tail(tk, gaz_at, j)
            {
                // "All Nippon Airways": a place inside a name that ends as an organization.
                let (_, b, r) = gm[n];
                let place = matches!(r, Ref::Country(_) | Ref::Capital(_) | Ref::Place(_));
                let inner = place
                    && ((tk.is_cap(b) && gaz_at.at(b).is_none() && {
                        let end = self.run_end(tk, gm, gaz_at, b);
                        self.org_keyword(tk, b, end).is_some()
                    })
                        // "Air France", "Bank Indonesia": a keyword before the place.
                        || self.org_keyword(tk, i, j).is_some());
                if !inner {
                    break;
                }
                j = b;
                continue;
            }
            let w = tk.word(j);
            if tk.is_cap(j) && !(j > i && tk.not_name(j) && !tk.caps(j)) {
                j += 1;
                continue;
            }
            // Inner pieces: a connector, hyphen or "&" between capitals.
            let inner = (tk.connector(j) && j > i && !tk.caps(j))
                || (tk.kind(j) == Some(TokenKind::Hyphen)
                    && tk.adjacent(j - 1, j)
                    && tk.adjacent(j, j + 1))
                || w == "&";
            // "Department of Health and Human Services": "and" joins the
            // capitals after an organization's "of" or "for".
            let inner = inner
                || (w == "and"
                    && (i + 1..j).any(|k| {
                        matches!(tk.word(k), "of" | "for") && self.org_keyword(tk, i, k).is_some()
                    }));
            if inner && j > i && tk.is_cap(j + 1) && !tk.not_name(j + 1) {
                j += 1;
                continue;
            }
            // "Ata-ur-Rehman", "Inzamam-ul-Haq": a compound glued to a capital.
            if tk.kind(j) == Some(TokenKind::Hyphen)
                && j > i
                && tk.adjacent(j - 1, j)
                && tk.adjacent(j, j + 1)
                && tk.kind(j + 1) == Some(TokenKind::Word)
            {
                j += 2;
                continue;
            }
            break;
        }
        j
    }

    /// Whether a gazetteer match at `j` continues an organization name
    /// ("Bank of Japan" where "Japan" is a country).
    fn org_tail(&self, tk: &Toks<'_>, gaz_at: &GazAt, j: usize) -> bool {
        let _ = gaz_at;
        j >= 2 && matches!(tk.word(j - 1), "of" | "for") && {
            // The name so far has an organization keyword.
            let mut k = j - 1;
            let mut found = false;
            while k > 0 && (tk.is_cap(k - 1) || tk.has(k - 1, lexicon::W_CONNECTOR)) {
                k -= 1;
                if tk.has(k, lexicon::W_ORG) {
                    found = true;
                    break;
                }
            }
            found
        }
    }

    /// Whether the gazetteer match `a..b` of an organization's name is not
    /// the organization here: [`Actors::starts_longer_name`],
    /// [`Actors::bare_article_name`], [`Actors::foreign_company`].
    fn org_not_meant(
        &self,
        tk: &Toks<'_>,
        gm: &[(usize, usize, Ref)],
        gaz_at: &GazAt,
        a: usize,
        b: usize,
        r: Ref,
    ) -> bool {
        let Ref::Org(o) = r else {
            return false;
        };
        let org = &self.inner.dict.orgs[o as usize];
        self.starts_longer_name(tk, gaz_at, a, b, org)
            || self.bare_article_name(tk, a, b, org)
            || self.foreign_company(tk, gm, gaz_at, a, b, org)
    }

    /// Whether the gazetteer match `a..b` is one word of an organization
    /// known as "The …" ("The National", "The Hill") that starts a longer
    /// capitalized name instead ("National Retail Federation"), or a team
    /// (an organization without an actor) before an office or institution
    /// of its city ("Birmingham City Council", "Birmingham City University").
    fn starts_longer_name(
        &self,
        tk: &Toks<'_>,
        gaz_at: &GazAt,
        a: usize,
        b: usize,
        org: &Org,
    ) -> bool {
        if org.actor.is_none()
            && b < tk.len()
            && tk.same_sentence(a, b)
            && tk.is_cap(b)
            && (tk.org_word(b) == Some("government") || INSTITUTION_WORDS.contains(&tk.word(b)))
        {
            return true;
        }
        b == a + 1
            && org.name.starts_with("The ")
            && tk.same_sentence(a, b)
            && tk.is_cap(b)
            && !tk.not_name(b)
            && gaz_at.at(b).is_none()
    }

    /// Whether the gazetteer match `a..b` is the one word of an organization
    /// known as "The …" that the text uses as a word here: "The Australian"
    /// is the newspaper after "the" and next to a media cue ("the Australian
    /// reported", "told the Australian", "newspaper The Australian"), not in
    /// "Australian officials",
    /// "the Australian ambassador", "Hindu nationalists" or "crossed the
    /// Atlantic on Monday".
    fn bare_article_name(&self, tk: &Toks<'_>, a: usize, b: usize, org: &Org) -> bool {
        if b != a + 1 || !org.name.starts_with("The ") {
            return false;
        }
        let the = a > 0 && tk.word(a - 1).eq_ignore_ascii_case("the");
        let cue_after = b < tk.len() && MEDIA_CUES_AFTER.contains(&tk.word(b));
        let cue_before = a >= 2
            && (matches!(
                tk.word(a - 2),
                "told" | "to" | "by" | "with" | "newspaper" | "daily" | "magazine" | "website"
            ) || (a >= 3 && tk.word(a - 3) == "according"));
        !(the && (cue_after || cue_before))
    }

    /// Whether a one-word company name follows another country's cue:
    /// "Brazil's Amazon", "the Brazilian Amazon" are the rainforest, not
    /// the American company (a country's own firm keeps its cue: "Japan's
    /// Toyota").
    fn foreign_company(
        &self,
        tk: &Toks<'_>,
        gm: &[(usize, usize, Ref)],
        gaz_at: &GazAt,
        a: usize,
        b: usize,
        org: &Org,
    ) -> bool {
        if b != a + 1 || org.kind != "company" {
            return false;
        }
        let Some(c) = self.country_before(tk, gm, gaz_at, a) else {
            return false;
        };
        let cue = &self.inner.dict.countries[c as usize].code;
        org.country.as_ref().is_some_and(|home| home != cue)
    }

    /// The organization keyword of tokens i..j, with its kind.
    fn org_keyword(&self, tk: &Toks<'_>, i: usize, j: usize) -> Option<&'static str> {
        (i..j).rev().find_map(|k| tk.org_word(k))
    }

    /// Country index of a nationality cue ending just before token `a`
    /// ("Japanese", "U.S.", "Japan's"), also before a word that qualifies a
    /// title ("Thailand's acting Prime Minister").
    fn country_before(
        &self,
        tk: &Toks<'_>,
        gm: &[(usize, usize, Ref)],
        gaz_at: &GazAt,
        a: usize,
    ) -> Option<u32> {
        let mut k = a;
        if k > 0 && TITLE_QUALIFIERS.contains(&tk.word(k - 1)) {
            k -= 1;
        }
        if k > 0 && tk.kind(k - 1) == Some(TokenKind::Possessive) {
            k -= 1;
        }
        if k == 0 {
            return None;
        }
        let n = gaz_at.at(k - 1)?;
        match gm[n].2 {
            Ref::Country(c) | Ref::Adjective(c) | Ref::Capital(c) => Some(c),
            _ => None,
        }
    }

    /// A title or honorific right before a known person: (role text, role code).
    fn person_cue_before<'a>(
        &'a self,
        tk: &Toks<'a>,
        gm: &[(usize, usize, Ref)],
        gaz_at: &GazAt,
        a: usize,
    ) -> Option<(Option<&'a str>, Option<&'a str>)> {
        if a == 0 {
            return None;
        }
        if let Some(n) = gaz_at.at(a - 1)
            && let (ta, tb, Ref::Title(t)) = gm[n]
            && tb == a
        {
            let title = &self.inner.dict.titles[t as usize];
            return Some((Some(tk.span(ta, tb)), title.role.as_deref()));
        }
        None
    }

    /// "the Trump administration": a person followed by a government head
    /// word is also a mention of that person's government.
    fn government_head<'a>(&self, tk: &Toks<'a>, a: usize, b: usize, cands: &mut Vec<Cand<'a>>) {
        if tk.has(b, lexicon::W_GOV_HEAD) {
            cands.push(Cand {
                first: a,
                last: b + 1,
                key: Key::Name(""), // resolved in assemble: the person's country
                kind: EntityKind::Government,
                strength: 9,
                country: None,
                role: None,
                role_code: None,
                reference: false,
            });
        }
    }

    /// Whether tokens a..b sit in a results line: a number right after them
    /// and another name-number pair on the line ("Leeds 2 Chelsea 1").
    fn results_line(&self, tk: &Toks<'_>, a: usize, b: usize) -> bool {
        // A score: a small whole number, not a date or bowling figures ("10-1-45-2").
        let score = tk.kind(b) == Some(TokenKind::Number)
            && tk.word(b).len() <= 3
            && tk.word(b).bytes().all(|c| c.is_ascii_digit())
            && tk.kind(b + 1) != Some(TokenKind::Hyphen);
        if !score {
            return false;
        }
        tk.line_numbers
            .get(tk.at[a].line as usize)
            .is_some_and(|&n| n >= 2)
    }

    /// Handles a run of capitalized words starting at `i` (a gazetteer
    /// country, capital or place may start it when an organization keyword
    /// follows). `titled` carries the cue of a title right before it.
    #[allow(clippy::type_complexity)] // (country, role, role code)
    fn on_run<'a>(
        &'a self,
        tk: &Toks<'a>,
        gm: &[(usize, usize, Ref)],
        gaz_at: &GazAt,
        i: usize,
        titled: Option<(Option<u32>, Option<&'a str>, Option<&'a str>)>,
        cands: &mut Vec<Cand<'a>>,
    ) -> usize {
        // Where the run starts: a leading gazetteer match is skipped over.
        let mut start = i;
        let mut lead_country = None;
        if let Some(n) = gaz_at.at(i) {
            let (_, b, r) = gm[n];
            if let Ref::Country(c) | Ref::Capital(c) = r {
                lead_country = Some(c);
            }
            start = b;
        }
        let end = self.run_end(tk, gm, gaz_at, start);
        if end <= start {
            return i + 1;
        }
        // Trim function words at the edges ("According", "Overall", "The").
        let mut a = i;
        let mut b = end;
        // A function word inside a sentence, capitalized anyway, is part of
        // the name ("All Nippon Airways"), unless it is a day or month.
        while a < b
            && gaz_at.at(a).is_none()
            && tk.has(a, lexicon::W_NOT_NAME)
            && (tk.initial(a) || tk.caps(a) || tk.has(a, lexicon::W_CALENDAR) || b - a == 1)
        {
            a += 1;
        }
        // "Mr.", "President": an honorific before the name is a cue, not part of it.
        let mut cue_before = false;
        while a + 1 < b && gaz_at.at(a).is_none() && tk.has(a, lexicon::W_PERSON_CUE) {
            a += 1;
            cue_before = true;
        }
        if a >= b
            || (b - a == 1
                && (tk.has(a, lexicon::W_NOT_ALONE)
                    || (tk.has(a, lexicon::W_PERSON_CUE)
                        && (tk.initial(a) || tk.word(a).ends_with('.') || tk.word(a).len() <= 3))))
        {
            return end;
        }
        // "Shares of Harlow Corp.": a sentence-initial word and a connector.
        if a + 2 < b
            && tk.initial(a)
            && tk.has(a + 1, lexicon::W_CONNECTOR)
            && gaz_at.at(a).is_none()
        {
            a += 2;
        }
        while a < b && tk.has(a, lexicon::W_CONNECTOR) {
            a += 1;
        }
        while b > a
            && (tk.has(b - 1, lexicon::W_NOT_NAME)
                || tk.has(b - 1, lexicon::W_CONNECTOR)
                || tk.kind(b - 1) == Some(TokenKind::Hyphen))
        {
            b -= 1;
        }
        // "NOT", "THE": a function word in capitals for emphasis.
        if b - a == 1 {
            let w = tk.word(a);
            if w.len() > 1 && tk.facts(a).no_lower {
                let mut title = String::with_capacity(w.len());
                for (n, ch) in w.chars().enumerate() {
                    if n == 0 {
                        title.push(ch);
                    } else {
                        title.extend(ch.to_lowercase());
                    }
                }
                if lexicon::is_not_name(&title) || lexicon::is_not_alone(&title) {
                    return end;
                }
            }
        }
        // (`alpha2`: two letters or more.)
        if a >= b || (b - a == 1 && !tk.facts(a).alpha2) {
            return end;
        }
        let surface = tk.span(a, b);
        let n_words = (a..b).filter(|&k| tk.is_word(k)).count();
        let key = Key::Name(surface);
        let mut c = Cand {
            first: a,
            last: b,
            key,
            kind: EntityKind::Organization,
            strength: 0,
            country: lead_country,
            role: None,
            role_code: None,
            reference: false,
        };
        if let Some((country, role, code)) = titled {
            c.kind = EntityKind::Person;
            c.strength = 8;
            c.country = country;
            c.role = role;
            c.role_code = code;
        } else if let Some(kind) = self.org_keyword(tk, a, b) {
            c.kind = org_kind(kind);
            c.strength = 7;
            if c.country.is_none() {
                c.country = self.country_before(tk, gm, gaz_at, a);
            }
        } else if (a..b).any(|k| tk.has(k, lexicon::W_PLACE)) || place_of_before(tk, a) {
            c.kind = EntityKind::Location;
            c.strength = 6;
        } else if cue_before
            || (a > 0 && tk.has(a - 1, lexicon::W_PERSON_CUE))
            || (a > 0
                && gaz_at
                    .at(a - 1)
                    .is_some_and(|n| matches!(gm[n].2, Ref::Title(_))))
        {
            c.kind = EntityKind::Person;
            c.strength = 6;
        } else if (a..b).any(|k| tk.word(k) == "&") {
            c.kind = EntityKind::Company;
            c.strength = 5;
        } else if n_words >= 2 && is_initial(tk.word(a)) && tk.kind(a + 1) == Some(TokenKind::Word)
        {
            // "S. Waugh", "J. Smith".
            c.kind = EntityKind::Person;
            c.strength = 4;
        } else if scorecard_player(tk, a, b)
            || (n_words >= 2
                && tk.has(a, lexicon::W_GIVEN)
                && tk
                    .line_numbers
                    .get(tk.at[a].line as usize)
                    .is_some_and(|&n| n >= 4))
        {
            // "c Vaas b Muralitharan", "Dharmasena 9-0-49-1", and a
            // leaderboard's "Ian Woosnam 70 68 70 208": players, not teams.
            c.kind = EntityKind::Person;
            c.strength = 5;
        } else if self.results_line(tk, a, b) || schedule_line(tk, a, b) {
            c.kind = EntityKind::Organization;
            c.strength = 5;
        } else if n_words >= 2 && tk.has(a, lexicon::W_GIVEN) {
            c.kind = EntityKind::Person;
            c.strength = 4;
        } else if let Some(&(country, false)) = self.inner.geo_names.get(surface)
            && !tk.sports
        {
            // "Freiburg", "Jiangsu": a city or region the GKG gazetteer knows.
            c.kind = EntityKind::Location;
            c.strength = 3;
            if c.country.is_none() {
                c.country = country;
            }
        } else if a > 0 && tk.has(a - 1, lexicon::W_LOCATIVE) {
            c.kind = EntityKind::Location;
            c.strength = 2;
        } else if (2..=3).contains(&n_words) && (a..b).all(|k| tk.kind(k) == Some(TokenKind::Word))
        {
            c.kind = EntityKind::Person;
            c.strength = if tk.has(b - 1, lexicon::W_FAMILY) {
                2
            } else {
                1
            };
        } else if n_words == 1 && tk.has(a, lexicon::W_FAMILY | lexicon::W_GIVEN) {
            c.kind = EntityKind::Person;
            c.strength = 1;
        } else {
            c.kind = EntityKind::Organization;
            c.strength = 0;
        }
        // A place the GKG gazetteer knows gets its country ("Belgorod Oblast").
        if c.kind == EntityKind::Location && c.country.is_none() {
            c.country = self.inner.geo_names.get(surface).and_then(|g| g.0);
        }
        // A lone sentence-initial word without any cue is only a name if the
        // article writes it capitalized elsewhere too (checked in vote_and_link).
        if c.kind == EntityKind::Person && c.strength >= 4 {
            self.government_head(tk, a, b, cands);
        }
        cands.push(c);
        end
    }

    /// Mentions in headline capitals: a gazetteer match there is kept by
    /// the gazetteer; here an all-capitals word run that spells a name the
    /// body has (case-insensitively) becomes a mention of it.
    fn caps_mentions<'a>(&self, tk: &Toks<'a>, gaz_at: &GazAt, cands: &mut Vec<Cand<'a>>) {
        // A mention starts at a capitalized word in capitals outside the
        // gazetteer's matches: none, nothing to do.
        let starts_here = |i: usize| tk.caps(i) && gaz_at.at(i).is_none();
        if !tk.any_caps || !tk.cap_tokens.iter().any(|&k| starts_here(k as usize)) {
            return;
        }
        // Names the body has, by their normalized tokens: the first candidate.
        let mut keys = String::new();
        let mut spans: Vec<(usize, usize, usize)> = Vec::new();
        for (n, c) in cands.iter().enumerate() {
            if tk.caps(c.first) {
                continue;
            }
            let s = keys.len();
            tk.norm_span(c.first, c.last, &mut keys);
            spans.push((s, keys.len(), n));
        }
        if spans.is_empty() {
            return;
        }
        let mut known: FxMap<&str, usize> = FxMap::default();
        for &(s, e, n) in &spans {
            known.entry(&keys[s..e]).or_insert(n);
        }
        let mut key = String::new();
        let max_len = 4;
        // The first token a mention may start at (after the one before).
        let mut next = 0;
        for &i in &tk.cap_tokens {
            let i = i as usize;
            if i < next || !starts_here(i) {
                continue;
            }
            let mut hit = None;
            for len in (1..=max_len).rev() {
                if i + len > tk.len() || (i..i + len).any(|k| gaz_at.at(k).is_some() || !tk.caps(k))
                {
                    continue;
                }
                key.clear();
                tk.norm_span(i, i + len, &mut key);
                if let Some(&n) = known.get(key.as_str()) {
                    hit = Some((len, cands[n]));
                    break;
                }
            }
            if let Some((len, c)) = hit {
                cands.push(Cand {
                    first: i,
                    last: i + len,
                    strength: 0,
                    role: None,
                    ..c
                });
                next = i + len;
            }
        }
    }

    /// Gives every occurrence of an unknown name the kind of its strongest
    /// cue; links bare surnames to the person last named in full; drops
    /// lone sentence-initial words the article never capitalizes elsewhere.
    fn vote_and_link<'a>(&self, tk: &Toks<'a>, cands: &mut Vec<Cand<'a>>, published: Option<Date>) {
        // Strongest cue per unknown name (`names`), and each candidate's
        // name in it (`name_of`, `u32::MAX`: none), so one lookup per candidate.
        let n = cands.len();
        let mut names: Vec<(u8, EntityKind, Option<u32>)> = Vec::with_capacity(n);
        let mut name_ix: FxMap<&str, u32> = FxMap::with_capacity_and_hasher(n, Default::default());
        let mut name_of: Vec<u32> = Vec::with_capacity(cands.len());
        for c in cands.iter() {
            let mut id = u32::MAX;
            if let Key::Name(n) = c.key
                && !n.is_empty()
            {
                id = *name_ix.entry(n).or_insert_with(|| {
                    names.push((c.strength, c.kind, c.country));
                    (names.len() - 1) as u32
                });
                let e = &mut names[id as usize];
                if c.strength > e.0 {
                    *e = (c.strength, c.kind, c.country.or(e.2));
                } else if e.2.is_none() {
                    e.2 = c.country;
                }
            }
            name_of.push(id);
        }
        let best = |i: usize| names.get(name_of[i] as usize);
        // A one-word dictionary organization or place ("Total", "Target",
        // "Amazon") that may be a common word at a sentence start.
        let initial_word_entry = |c: &Cand| matches!(c.key, Key::Ref(Ref::Org(_) | Ref::Place(_)));
        // Which weak one-word names the article also writes in lowercase
        // (as a word token starting with a lowercase letter).
        let mut lowercase_seen: FxSet<std::borrow::Cow<'_, str>> = FxSet::default();
        for (i, c) in cands.iter().enumerate() {
            if c.last == c.first + 1
                && (matches!(c.key, Key::Name(_) if best(i).is_some_and(|b| b.0 <= 1))
                    || (initial_word_entry(c) && tk.initial(c.first)))
            {
                let w = tk.lower(c.first);
                if tk.has_lowercase_word(&w) {
                    lowercase_seen.insert(w);
                }
            }
        }
        // Persons named in full (two words or more), by last word.
        let mut keep = vec![true; cands.len()];
        let mut full_by_last: FxMap<&str, Vec<(usize, Key)>> =
            FxMap::with_capacity_and_hasher(n / 4, Default::default());
        let mut full_by_first: FxMap<&str, Vec<(usize, Key)>> = FxMap::default();
        for (i, c) in cands.iter().enumerate() {
            let is_person = match c.key {
                Key::Name(_) => best(i).is_some_and(|b| b.1 == EntityKind::Person),
                Key::Ref(Ref::Person(_)) => true,
                _ => false,
            };
            let n_words = (c.first..c.last).filter(|&k| tk.is_word(k)).count();
            if is_person && n_words >= 2 {
                let last = (c.first..c.last)
                    .rev()
                    .find(|&k| tk.is_word(k))
                    .unwrap_or(c.first);
                full_by_last
                    .entry(tk.norm(last))
                    .or_default()
                    .push((c.first, c.key));
                // "Jansher Khan … Jansher", "Xiao Qiang … Xiao": the first
                // word of a person of two words the dictionaries do not
                // know, for a lone unknown name (below).
                if matches!(c.key, Key::Name(_))
                    && n_words == 2
                    && best(i).is_some_and(|b| b.0 >= 2)
                {
                    full_by_first
                        .entry(tk.norm(c.first))
                        .or_default()
                        .push((c.first, c.key));
                }
                // "Kim Jong Un … Kim", "Xi Jinping … Xi": a dictionary
                // person of a country that writes the family name first.
                if let Key::Ref(Ref::Person(p)) = c.key
                    && FAMILY_FIRST.contains(&self.inner.dict.people[p as usize].country.as_str())
                {
                    full_by_last
                        .entry(tk.norm(c.first))
                        .or_default()
                        .push((c.first, c.key));
                }
            }
        }
        for (idx, c) in cands.iter_mut().enumerate() {
            // "Total sales rose … total revenue": a sentence-initial dictionary
            // word the article also writes in lowercase is that word.
            if c.last == c.first + 1
                && initial_word_entry(c)
                && tk.initial(c.first)
                && !lowercase_seen.is_empty()
                && lowercase_seen.contains(&*tk.lower(c.first))
            {
                keep[idx] = false;
                continue;
            }
            let single = (c.first..c.last).filter(|&k| tk.is_word(k)).count() == 1;
            if single && let Some(list) = full_by_last.get(tk.norm(c.first)) {
                // The person last named in full before this mention, else the
                // first after; a dictionary person out of office then ("his
                // father Kim Jong Il") only when no one else is.
                let former = |key: &Key| match key {
                    Key::Ref(Ref::Person(p)) => self.inner.dict.people[*p as usize]
                        .role_on(published)
                        .is_none(),
                    _ => false,
                };
                let in_office = |key: &Key| match key {
                    Key::Ref(Ref::Person(_)) => !former(key),
                    _ => false,
                };
                let before = || list.iter().rev().filter(|(at, _)| *at < c.first);
                let mut pick = before()
                    .find(|(_, key)| !former(key))
                    .or_else(|| before().next())
                    .or_else(|| list.first());
                // "Tony Kim was detained … (paragraphs on) … Kim met with
                // Xi": a namesake named in full far back yields to the
                // leader in office the article names.
                if let Some((at, key)) = pick
                    && !in_office(key)
                    && at + NAMESAKE_REACH < c.first
                    && let Some(leader) = list.iter().rev().find(|(_, key)| in_office(key))
                {
                    pick = Some(leader);
                }
                // "Melania Trump … Trump", "Hunter Biden … Biden": a
                // dictionary person's own alias stays theirs against another
                // dictionary person of that surname.
                let alias_holds = matches!(c.key, Key::Ref(Ref::Person(_)))
                    && matches!(pick, Some((_, Key::Ref(Ref::Person(_)))));
                if let Some((_, key)) = pick
                    && matches!(
                        c.key,
                        Key::Name(_) | Key::Ref(Ref::Person(_) | Ref::Place(_) | Ref::Capital(_))
                    )
                    && *key != c.key
                    && !alias_holds
                {
                    c.key = *key;
                    c.kind = EntityKind::Person;
                    continue;
                }
            }
            if single
                && matches!(c.key, Key::Name(n) if !n.is_empty())
                && best(idx).is_some_and(|b| b.0 == 0 || (b.1 == EntityKind::Person && b.0 == 1))
                && let Some(list) = full_by_first.get(tk.norm(c.first))
                && let Some(&(_, key)) = list
                    .iter()
                    .rev()
                    .find(|(at, _)| *at < c.first)
                    .or_else(|| list.first())
                && key != c.key
            {
                c.key = key;
                c.kind = EntityKind::Person;
                continue;
            }
            if let Key::Name(n) = c.key {
                if n.is_empty() {
                    continue;
                }
                let Some(&(strength, kind, country)) = best(idx) else {
                    continue;
                };
                c.kind = kind;
                if c.country.is_none() {
                    c.country = country;
                }
                if single && strength <= 1 {
                    // Capitalized elsewhere, away from a sentence start.
                    let lone_initial = tk.initial(c.first) && !tk.mid_cap(c.first);
                    let headline = tk.caps(c.first);
                    // "Total", "National": a common word the article also writes in lowercase.
                    let common =
                        !lowercase_seen.is_empty() && lowercase_seen.contains(&*tk.lower(c.first));
                    if lone_initial || headline || common {
                        keep[idx] = false;
                    }
                }
            }
        }
        let mut k = 0;
        cands.retain(|_| {
            k += 1;
            keep[k - 1]
        });
    }

    /// he/she/his/her/him → the first coded person of the sentence before
    /// the pronoun, else of the sentence before; "the nation", "the
    /// country" → a country named before it in its sentence, else the
    /// country last first-mentioned in a sentence.
    fn pronouns<'a>(&self, tk: &Toks<'a>, cands: &mut Vec<Cand<'a>>) {
        let coded = |c: &Cand| match &c.key {
            Key::Ref(Ref::Person(_)) => true,
            Key::Name(_) => {
                c.kind == EntityKind::Person && c.role_code.is_some() && c.country.is_some()
            }
            _ => false,
        };
        // First coded person of each sentence (by sentence index; `NONE`:
        // none), and first mention of each sentence: the candidates are in
        // text order, so a sentence's first is one whose sentence differs
        // from the one before's.
        const NONE: usize = usize::MAX;
        let sentences = tk.at.last().map_or(0, |t| t.sent as usize + 1);
        let mut first_person = vec![NONE; sentences];
        let mut subject_country: Vec<(u32, usize)> = Vec::with_capacity(cands.len() / 2);
        let mut last_sent = None;
        for (n, c) in cands.iter().enumerate() {
            let s = tk.sent(c.first);
            // A person used as a modifier ("the Trump administration") is not
            // the subject a pronoun goes back to.
            let modifier = tk.has(c.last, lexicon::W_GOV_HEAD);
            if coded(c) && !modifier && first_person[s as usize] == NONE {
                first_person[s as usize] = n;
            }
            let sentence_first = last_sent != Some(s);
            last_sent = Some(s);
            if sentence_first && c.kind == EntityKind::Country {
                let prev = if c.first > 0 {
                    tk.word(c.first - 1)
                } else {
                    ""
                };
                let locative = c.first > 0 && tk.has(c.first - 1, lexicon::W_LOCATIVE);
                if !locative && !matches!(prev, "of" | "with" | "for" | "by" | "from") {
                    subject_country.push((s, n));
                }
            }
        }
        let mut added = Vec::with_capacity(tk.pronouns_the.len());
        for &k in &tk.pronouns_the {
            let k = k as usize;
            let f = tk.facts(k);
            if f.pronoun {
                let s = tk.sent(k);
                let first_of = |s: u32| Some(first_person[s as usize]).filter(|&n| n != NONE);
                let here = first_of(s).filter(|&n| cands[n].first < k);
                let pick = here.or_else(|| s.checked_sub(1).and_then(first_of));
                if let Some(n) = pick {
                    let p = &cands[n];
                    added.push(Cand {
                        first: k,
                        last: k + 1,
                        strength: 0,
                        role: None,
                        reference: true,
                        ..*p
                    });
                }
            }
            // "the kingdom" (also "the Kingdom", not "the Kingdom of …"):
            // the monarchy last named, within five sentences.
            let kingdom = f.the
                && tk.word(k + 1).eq_ignore_ascii_case("kingdom")
                && !tk.word(k + 2).eq_ignore_ascii_case("of");
            let nation =
                f.the && matches!(tk.word(k + 1), "nation" | "country") && !tk.is_cap(k + 1);
            let s = tk.sent(k);
            let pick = if kingdom {
                let monarchy = |c: &Cand| match c.key {
                    Key::Ref(Ref::Country(i)) => {
                        let x = &self.inner.dict.countries[i as usize];
                        std::iter::once(&x.name)
                            .chain(&x.aliases)
                            .any(|n| n.contains("Kingdom"))
                    }
                    _ => false,
                };
                cands
                    .iter()
                    .rposition(|c| c.first < k && tk.sent(c.first) + 5 >= s && monarchy(c))
            } else if nation {
                // A country named earlier in the same sentence ("talks with
                // Seoul, as he visits the nation"), else the last subject.
                let in_sentence = cands.iter().rposition(|c| {
                    c.first < k && tk.sent(c.first) == s && c.kind == EntityKind::Country
                });
                in_sentence.or_else(|| {
                    subject_country
                        .iter()
                        .rev()
                        .find(|(cs, n)| *cs + 3 >= s && cands[*n].first < k)
                        .map(|&(_, n)| n)
                })
            } else {
                None
            };
            if let Some(n) = pick {
                added.push(Cand {
                    first: k,
                    last: k + 2,
                    reference: true,
                    ..cands[n]
                });
            }
            // "the North", "the South" (alone): the one country named
            // before whose name starts so ("North Korea … the North").
            if f.the && matches!(tk.word(k + 1), "North" | "South") && !tk.is_cap(k + 2) {
                let side = tk.word(k + 1);
                let named = |c: &Cand| {
                    c.first < k
                        && c.kind == EntityKind::Country
                        && c.country.is_some_and(|i| {
                            self.inner.dict.countries[i as usize]
                                .name
                                .strip_prefix(side)
                                .is_some_and(|rest| rest.starts_with(' '))
                        })
                };
                let mut of_side = cands.iter().enumerate().filter(|(_, c)| named(c));
                if let Some((n, first)) = of_side.next()
                    && of_side.all(|(_, c)| c.country == first.country)
                {
                    added.push(Cand {
                        first: k,
                        last: k + 2,
                        reference: true,
                        ..cands[n]
                    });
                }
            }
        }
        cands.extend(added);
        cands.sort_by_key(|c| (c.first, c.last));
    }

    /// Groups the mentions into entities, in order of first mention.
    fn assemble(
        &self,
        tk: &Toks<'_>,
        gm: &[(usize, usize, Ref)],
        mut cands: Vec<Cand<'_>>,
        published: Option<Date>,
    ) -> Vec<Entity> {
        let _ = gm;
        // "the Trump administration": the government of the person's country.
        for n in 0..cands.len() {
            if cands[n].kind == EntityKind::Government && cands[n].key == Key::Name("") {
                let person = cands[..n]
                    .iter()
                    .rev()
                    .find(|p| p.first == cands[n].first && p.kind == EntityKind::Person);
                let country = person.and_then(|p| match &p.key {
                    Key::Ref(Ref::Person(i)) => {
                        let code = self.inner.dict.people[*i as usize].country.as_str();
                        self.inner.country_of_code.get(code).copied()
                    }
                    _ => p.country,
                });
                match country {
                    Some(c) => {
                        cands[n].key = Key::Gov(c);
                        cands[n].country = Some(c);
                    }
                    None => cands[n].key = Key::Name("-"),
                }
            }
        }
        cands.retain(|c| !matches!(c.key, Key::Name("-")));

        if cands.is_empty() {
            return Vec::new();
        }
        // Groups in order of first mention: the group of each candidate, then
        // the candidates of each group in order (one flat list).
        let mut index: FxMap<&Key, u32> =
            FxMap::with_capacity_and_hasher(cands.len(), Default::default());
        let mut first_of: Vec<usize> = Vec::with_capacity(cands.len());
        let grp: Vec<u32> = cands
            .iter()
            .enumerate()
            .map(|(n, c)| {
                *index.entry(&c.key).or_insert_with(|| {
                    first_of.push(n);
                    (first_of.len() - 1) as u32
                })
            })
            .collect();
        let mut bounds = vec![0usize; first_of.len() + 1];
        for &g in &grp {
            bounds[g as usize + 1] += 1;
        }
        for g in 0..first_of.len() {
            bounds[g + 1] += bounds[g];
        }
        let mut fill = bounds.clone();
        let mut members: Vec<&Cand> = vec![&cands[0]; cands.len()];
        for (c, &g) in cands.iter().zip(&grp) {
            members[fill[g as usize]] = c;
            fill[g as usize] += 1;
        }
        let code_of =
            |c: Option<u32>| c.map(|c| self.inner.dict.countries[c as usize].code.clone());
        let mut out = Vec::with_capacity(first_of.len());
        for (g, &first) in first_of.iter().enumerate() {
            let key = &cands[first].key;
            let list = &members[bounds[g]..bounds[g + 1]];
            let span_text = |c: &Cand| &tk.text[tk.toks[c.first].start..tk.toks[c.last - 1].end];
            // Sized at once: a growing list cost a reallocation or two.
            let references_n = list.iter().filter(|c| c.reference).count();
            let mut mentions = Vec::with_capacity(list.len() - references_n);
            let mut references = Vec::with_capacity(references_n);
            for c in list {
                let m = tk.mention(c.first, c.last);
                if c.reference {
                    references.push(m);
                } else {
                    mentions.push(m);
                }
            }
            for list in [&mut mentions, &mut references] {
                list.sort_by_key(|m| (m.start, m.end));
                list.dedup_by_key(|m| (m.start, m.end));
            }
            let role = list.iter().find_map(|c| c.role);
            let role_code = list.iter().find_map(|c| c.role_code);
            let country_cue = list.iter().find_map(|c| c.country);
            let (name, kind, country, actor, role) = match &key {
                Key::Ref(Ref::Country(c)) => {
                    let x = &self.inner.dict.countries[*c as usize];
                    (
                        x.name.clone(),
                        EntityKind::Country,
                        Some(x.code.clone()),
                        Some(x.code.clone()),
                        None,
                    )
                }
                Key::Ref(Ref::Capital(c)) => {
                    let x = &self.inner.dict.countries[*c as usize];
                    // As the body writes it, not a dateline's capitals.
                    let name = list
                        .iter()
                        .find(|c| span_text(c).chars().any(char::is_lowercase))
                        .or(list.first())
                        .map(|c| span_text(c).to_string())
                        .unwrap_or_default();
                    (name, EntityKind::Location, Some(x.code.clone()), None, None)
                }
                Key::Gov(c) => {
                    let x = &self.inner.dict.countries[*c as usize];
                    (
                        concat(&x.name, " government"),
                        EntityKind::Government,
                        Some(x.code.clone()),
                        Some(concat(&x.code, "GOV")),
                        None,
                    )
                }
                Key::Ref(Ref::Igo(i)) => {
                    let x = &self.inner.dict.igos[*i as usize];
                    (
                        x.name.clone(),
                        EntityKind::Igo,
                        None,
                        Some(x.code.clone()),
                        None,
                    )
                }
                Key::Ref(Ref::Org(i)) => {
                    let x = &self.inner.dict.orgs[*i as usize];
                    // The fullest form the article uses, without a legal suffix.
                    let mut name = x.name.clone();
                    for c in list {
                        let mut last = c.last;
                        while last > c.first + 1 && LEGAL_SUFFIXES.contains(&tk.word(last - 1)) {
                            last -= 1;
                        }
                        let t = &tk.text[tk.toks[c.first].start..tk.toks[last - 1].end];
                        if t.len() > name.len() && x.aliases.iter().any(|a| a == t) {
                            name = t.to_string();
                        }
                    }
                    (
                        name,
                        org_kind(&x.kind),
                        x.country.clone(),
                        x.actor.clone(),
                        None,
                    )
                }
                Key::Ref(Ref::Person(i)) => {
                    let p = &self.inner.dict.people[*i as usize];
                    let role = role.or_else(|| p.title_on(published)).map(str::to_string);
                    (
                        p.name.clone(),
                        EntityKind::Person,
                        Some(p.country.clone()),
                        Some(p.actor_on(published)),
                        role,
                    )
                }
                Key::Ref(Ref::Place(i)) => {
                    let p = &self.inner.dict.places[*i as usize];
                    (
                        p.name.clone(),
                        EntityKind::Location,
                        p.country.clone(),
                        None,
                        None,
                    )
                }
                Key::Ref(Ref::Title(_) | Ref::Adjective(_)) => continue,
                Key::Name(n) => {
                    let kind = list.first().map_or(EntityKind::Organization, |c| c.kind);
                    let country = code_of(country_cue);
                    let actor = match (kind, &country) {
                        (_, Some(cc)) if role_code.is_some() => role_code.map(|r| concat(cc, r)),
                        (EntityKind::Company, Some(cc)) => Some(concat(cc, "BUS")),
                        (EntityKind::Media, Some(cc)) => Some(concat(cc, "MED")),
                        (EntityKind::Government, Some(cc)) => Some(concat(cc, "GOV")),
                        _ => None,
                    };
                    (
                        n.to_string(),
                        kind,
                        country,
                        actor,
                        role.map(str::to_string),
                    )
                }
            };
            out.push(Entity {
                id: entity_id(out.len() + 1),
                name,
                kind,
                actor,
                country,
                role,
                mentions,
                references,
            });
        }
        out
    }
}

/// `a` then `b` (as `format!("{a}{b}")`, without the formatting machinery).
fn concat(a: &str, b: &str) -> String {
    let mut s = String::with_capacity(a.len() + b.len());
    s.push_str(a);
    s.push_str(b);
    s
}

/// The id of the n-th entity: "E1", "E2", … (as `format!("E{n}")`,
/// without the formatting machinery, which cost more than the rest of an
/// entity's strings).
fn entity_id(n: usize) -> String {
    // The digits from the last one.
    let mut digits = [0u8; 20];
    let (mut n, mut first) = (n, digits.len());
    loop {
        first -= 1;
        digits[first] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    let mut id = String::with_capacity(1 + digits.len() - first);
    id.push('E');
    id.extend(digits[first..].iter().map(|&d| char::from(d)));
    id
}

/// A capital initial with its period ("S.").
fn is_initial(w: &str) -> bool {
    let mut c = w.chars();
    matches!((c.next(), c.next(), c.next()), (Some(x), Some('.'), None) if x.is_uppercase())
}

fn org_kind(kind: &str) -> EntityKind {
    match kind {
        "company" => EntityKind::Company,
        "media" => EntityKind::Media,
        "government" => EntityKind::Government,
        "group" => EntityKind::Group,
        "igo" => EntityKind::Igo,
        _ => EntityKind::Organization,
    }
}

/// Whether "of" after a word of places comes right before token `a`: "the
/// town of Tavildara", "the province of Quebec", "east of Tavildara".
fn place_of_before(tk: &Toks<'_>, a: usize) -> bool {
    a >= 2 && tk.word(a - 1) == "of" && lexicon::is_place_of(&tk.lower(a - 2))
}

/// Whether tokens `a..b` name a player on a cricket scorecard of a sports
/// report: after the "c" (caught), "b" (bowled) or "st" (stumped) of a
/// dismissal, or before bowling figures ("9-0-49-1").
fn scorecard_player(tk: &Toks<'_>, a: usize, b: usize) -> bool {
    let number = |k: usize| tk.kind(k) == Some(TokenKind::Number);
    let hyphen = |k: usize| tk.kind(k) == Some(TokenKind::Hyphen);
    tk.sports
        && ((a > 0 && matches!(tk.word(a - 1), "b" | "c" | "st"))
            || (number(b) && hyphen(b + 1) && number(b + 2) && hyphen(b + 3) && number(b + 4)))
}

/// Whether tokens `a..b` start a line of a sports report and "at" follows:
/// a schedule line ("KANSAS CITY AT DETROIT") names the visiting team first
/// and the place it plays at after "at".
fn schedule_line(tk: &Toks<'_>, a: usize, b: usize) -> bool {
    let line = tk.at[a].line;
    tk.sports
        && matches!(tk.word(b), "at" | "AT")
        && (a == 0 || tk.at[a - 1].line != line)
        && tk.at.get(b + 1).is_some_and(|t| t.line == line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_keys_are_the_bytes_and_the_length() {
        let naive = |b: &[u8]| {
            let mut k = (b.len() as u64) << 56;
            for (i, &x) in b.iter().enumerate() {
                k |= u64::from(x) << (8 * i);
            }
            k
        };
        for w in [
            "", "a", "ab", "abc", "abcd", "abcde", "abcdef", "abcdefg", "\0", "\0\0",
        ] {
            assert_eq!(short_key(w.as_bytes()), naive(w.as_bytes()), "{w:?}");
        }
        assert_ne!(short_key(b"a"), short_key(b"a\0"));
    }

    #[test]
    fn ascii_cases_count_capitals_and_lowercase_letters() {
        let naive = |w: &str| {
            w.is_ascii().then(|| {
                let count = |f: fn(&u8) -> bool| w.bytes().filter(f).count() as u32;
                (count(u8::is_ascii_uppercase), count(u8::is_ascii_lowercase))
            })
        };
        for w in [
            "",
            "a",
            "Z",
            "@[`{",
            "AZaz",
            "Shigeru",
            "NIPPON-Steel",
            "U.S.",
            "x1234567890Y",
            "Côte",
            "abcdefgh",
            "ABCDEFGHi",
            "\x7f~",
            "caf\u{e9}s and more",
        ] {
            assert_eq!(ascii_cases(w.as_bytes()), naive(w), "{w:?}");
        }
    }

    #[test]
    fn char_offsets_count_chars_before_a_byte_offset() {
        let text = format!("{}é—x{}ü{}", "a".repeat(70), "b".repeat(100), "c".repeat(3));
        let (leads, chars) = non_ascii_bytes(&text);
        assert_eq!(leads.len(), 3);
        for (at, _) in text.char_indices().chain([(text.len(), ' ')]) {
            assert_eq!(chars.at(at), text[..at].chars().count(), "{at}");
        }
        assert_eq!(non_ascii_bytes("plain").1.at(5), 5);
    }

    #[test]
    fn caps_lines_split_as_split_inclusive() {
        let naive = |text: &str| {
            let mut start = 0;
            text.split_inclusive('\n')
                .map(|line| {
                    let up = line.bytes().filter(u8::is_ascii_uppercase).count();
                    let low = line.bytes().filter(u8::is_ascii_lowercase).count();
                    let at = start;
                    start += line.len();
                    (at, up >= 2 && low * 5 < up)
                })
                .collect::<Vec<_>>()
        };
        let long = format!("{}\n{}", "A".repeat(150), "word ".repeat(40));
        for text in ["", "\n", "AB\n", "AB", "HEADLINE\nbody text\n\nMORE", &long] {
            assert_eq!(caps_lines(text), naive(text), "{text:?}");
        }
    }

    #[test]
    fn entity_ids_count_from_one() {
        for n in [0, 1, 9, 10, 42, 100, 12345, usize::MAX] {
            assert_eq!(entity_id(n), format!("E{n}"));
        }
        assert_eq!(concat("JPN", "GOV"), "JPNGOV");
    }
}
