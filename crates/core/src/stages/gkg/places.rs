//! Locations: the places an article names, with coordinates, and where its
//! events happen.
//!
//! Places come from two sources. (1) The actors stage's countries and
//! locations: a country gets its representative point (`geo-countries.tsv`),
//! a location the gazetteer entry of its name (`geo-places.tsv`,
//! `geo-regions.tsv`), in the entity's country when it has one. (2) The
//! gazetteer's names matched in the text (case as written, on word
//! boundaries) where no entity stands: "Kharkiv" or "the Sahel" that the
//! actors dictionaries lack. Such a match is dropped when it is part of a
//! longer capitalized name ("Sydney Smith", "Paris Saint-Germain"), is the
//! first word of a sentence (unless a capital or a city of a million), or
//! when its one word is also a personal name or an English word ("Nice",
//! "Mobile", "Reading") and no preposition of place stands before it ("in
//! Nice").
//!
//! A name several places share goes to the one in the entity's country,
//! else in a country the article names, else a region over a city of the
//! same name ("Gaza"), a capital, the most populous.
//!
//! An event's `location`: for a visit (CAMEO 042) the place visited (the
//! target, or the city "in"/"at" which it happens in the target's country),
//! for hosting a visit (043) the host's place; otherwise the place right
//! after "in" or "at" in the event's sentence, from the start of the
//! evidence to 100 characters past its end, or a sentence-opening "In
//! PLACE,". Nothing else: an event without such words has no location.

use std::ops::Range;
use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHashSet};
use tacitus_dict::Dictionary;
use tacitus_dict::geo::Geo;
use tacitus_text::ascii_word_end;

use super::words::{FirstBytes, WordStarts, first_bytes, load8, right_boundary, word_end};
use crate::document::{Document, EntityKind, Location, Mention, Place, Span};

/// What kind of place, as GDELT's `Geo_Type` tells them apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GeoKind {
    /// A country as a whole (GDELT 1).
    Country,
    /// A US state (GDELT 2).
    UsState,
    /// A US city (GDELT 3).
    UsCity,
    /// A city outside the US (GDELT 4).
    City,
    /// A state or province outside the US (GDELT 5).
    State,
    /// A region, sea or continent: GDELT has no type for it.
    Region,
}

impl GeoKind {
    /// GDELT's `Geo_Type` number, `None` for a region.
    pub fn gdelt_type(self) -> Option<u8> {
        match self {
            GeoKind::Country => Some(1),
            GeoKind::UsState => Some(2),
            GeoKind::UsCity => Some(3),
            GeoKind::City => Some(4),
            GeoKind::State => Some(5),
            GeoKind::Region => None,
        }
    }
}

/// What the gazetteer knows of a [`Place`], for the GDELT geo columns.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceFacts {
    /// Country, city, state or region.
    pub kind: GeoKind,
    /// "City, State, Country" as GDELT writes `FullName`.
    pub full_name: String,
    /// FIPS 10-4 country code.
    pub fips: Option<String>,
    /// FIPS country code + first-level division code (`USTX`), or the
    /// country code alone for a country.
    pub adm1: Option<String>,
    /// GeoNames id of a city; the FIPS code of a country.
    pub feature_id: Option<String>,
}

/// The representative point of a country by its code (`geo-countries.tsv`).
pub fn country_place(code: &str) -> Option<Place> {
    GeoIndex::builtin()
        .country_place(code)
        .map(PlaceRef::to_place)
}

/// The gazetteer facts of a place of this document (a `locations` entry or
/// an event's `location`), or `None` when the gazetteer does not know it.
pub fn place_facts(place: &Place) -> Option<PlaceFacts> {
    GeoIndex::builtin().facts(place)
}

#[derive(Debug)]
struct Entry {
    name: &'static str,
    country: Option<&'static str>,
    lat: f64,
    lon: f64,
    population: u64,
    city: bool,
    capital: bool,
    /// A region, sea, continent (not a state).
    region: bool,
    admin1: Option<&'static str>,
    geonameid: Option<u64>,
}

#[derive(Debug)]
struct Form {
    entries: Vec<u32>,
    /// One word that is also a personal name or an English word.
    ambiguous: bool,
    /// More than one word.
    multiword: bool,
}

#[derive(Debug)]
struct CountryPoint {
    name: String,
    fips: String,
    lat: f64,
    lon: f64,
}

/// A place of the index, borrowed until it is written into the document.
#[derive(Debug, Clone, Copy)]
struct PlaceRef<'a> {
    name: &'a str,
    country: Option<&'a str>,
    lat: f64,
    lon: f64,
}

impl PlaceRef<'_> {
    fn to_place(self) -> Place {
        Place {
            name: self.name.to_string(),
            country: self.country.map(str::to_string),
            lat: Some(self.lat),
            lon: Some(self.lon),
        }
    }
}

/// The gazetteer compiled for matching and lookup.
#[derive(Debug)]
pub(crate) struct GeoIndex {
    entries: Vec<Entry>,
    /// The names matched in the text: one per form.
    patterns: Vec<&'static str>,
    /// Patterns by their first word (the letters and digits they start
    /// with), longest first.
    by_first_word: FxHashMap<&'static str, Vec<u32>>,
    /// One bit for each key of `by_first_word`, at [`first_word_bit`].
    first_words: Vec<u64>,
    /// The bytes a pattern may start with.
    first: FirstBytes,
    forms: Vec<Form>,
    by_name: FxHashMap<String, Vec<u32>>,
    countries: FxHashMap<String, CountryPoint>,
    /// US state names by postal code.
    us_states: FxHashMap<String, String>,
}

/// Words that are also place names in the gazetteer and mean something
/// else more often in news; a one-word place among them needs "in", "at"…
/// before it. Personal names and the tone lexicon's words are added.
const COMMON_WORDS: &[&str] = &[
    "Aurora",
    "Bath",
    "Batman",
    "Bar",
    "Columbia",
    "Concord",
    "Deal",
    "Eden",
    "Enterprise",
    "Florence",
    "Independence",
    "Liberty",
    "Male",
    "Mary",
    "March",
    "May",
    "Mobile",
    "Nice",
    "Of",
    "Orange",
    "Police",
    "Providence",
    "Reading",
    "Salem",
    "Split",
    "Spring",
    "Surprise",
    "Temple",
    "Union",
    "Unity",
    "Van",
    "Victoria",
    "Vista",
    "Wells",
    "Worth",
];

/// The test of a one-word place name that is also an English word or a
/// personal name ("Mobile", "Nice", "Florence"), on its lowercase form: such a
/// name is a place only after a preposition of place. The actors stage
/// applies the same test.
pub(crate) struct CommonWords(FxHashSet<String>);

impl CommonWords {
    fn new(dict: &Dictionary) -> CommonWords {
        let mut common = FxHashSet::default();
        common.reserve(COMMON_WORDS.len() + dict.names.len());
        common.extend(COMMON_WORDS.iter().map(|w| fold(w)));
        common.extend(dict.names.iter().map(|n| fold(&n.name)));
        CommonWords(common)
    }

    /// Whether `folded`, a lowercase word, is a common word.
    pub(crate) fn contains(&self, folded: &str) -> bool {
        self.0.contains(folded)
            || tacitus_dict::tone::ToneLexicon::builtin()
                .get(folded)
                .is_some()
    }
}

/// The common words of the built-in dictionary, made once for the actors
/// and GKG stages both.
static BUILTIN_COMMON: LazyLock<CommonWords> =
    LazyLock::new(|| CommonWords::new(Dictionary::builtin()));

/// Calls `f` with the common words of `dict` (those of the built-in
/// dictionary are made once).
pub(crate) fn with_common_words<R>(dict: &Dictionary, f: impl FnOnce(&CommonWords) -> R) -> R {
    if std::ptr::eq(dict, Dictionary::builtin()) {
        f(&BUILTIN_COMMON)
    } else {
        f(&CommonWords::new(dict))
    }
}

/// Words before a place that say "at this place".
const LOCATIVE: &[&str] = &[
    "across",
    "around",
    "at",
    "from",
    "in",
    "inside",
    "into",
    "near",
    "outside",
    "throughout",
    "to",
    "toward",
    "towards",
    "via",
    "visit",
    "visited",
    "visiting",
    "visits",
    "within",
];

/// Capitalized words that may follow a place name ("in Paris on Tuesday").
const FOLLOWERS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "I",
    "The",
];

static BUILTIN: LazyLock<GeoIndex> =
    LazyLock::new(|| GeoIndex::new(Geo::builtin(), Dictionary::builtin()));

fn fold(s: &str) -> String {
    s.to_lowercase()
}

/// `fold(s)` into `out` (cleared first): start-up folds some 50,000 names,
/// most only to look them up.
pub(crate) fn fold_into(s: &str, out: &mut String) {
    out.clear();
    if s.is_ascii() {
        out.push_str(s);
        out.make_ascii_lowercase();
    } else if s.contains('Σ') {
        // A final sigma lowercases by its place in the word.
        out.push_str(&s.to_lowercase());
    } else {
        // As `to_lowercase`, char by char into the buffer: some 2,500
        // place names have a letter beyond ASCII.
        for c in s.chars() {
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            } else {
                out.extend(c.to_lowercase());
            }
        }
    }
}

impl GeoIndex {
    pub(crate) fn builtin() -> &'static GeoIndex {
        &BUILTIN
    }

    fn new(geo: &'static Geo, dict: &'static Dictionary) -> GeoIndex {
        let places = geo.places.len() + geo.regions.len();
        let mut entries = Vec::with_capacity(places);
        let mut names: Vec<(&'static str, u32)> = Vec::with_capacity(2 * places);
        for p in geo.places.iter().chain(&geo.regions) {
            let i = entries.len() as u32;
            entries.push(Entry {
                name: p.name,
                country: p.country,
                lat: p.lat,
                lon: p.lon,
                population: p.population,
                city: p.is_city(),
                capital: p.is_capital(),
                region: !p.is_city() && p.kind != "state" && p.kind != "territory",
                admin1: p.admin1,
                geonameid: p.geonameid,
            });
            names.push((p.name, i));
            for &a in &p.aliases {
                names.push((a, i));
            }
        }
        let mut by_name: FxHashMap<String, Vec<u32>> = FxHashMap::default();
        by_name.reserve(names.len());
        // The folded names are looked up in one buffer; a key is made only
        // for a name not seen yet.
        let mut folded = String::new();
        for &(n, i) in &names {
            fold_into(n, &mut folded);
            match by_name.get_mut(folded.as_str()) {
                Some(ids) => ids.push(i),
                None => {
                    by_name.insert(folded.clone(), vec![i]);
                }
            }
        }
        // The actors' place names and capitals name the same places: their
        // aliases ("Bombay", "Brasília") become forms of the entry.
        let mut extra: Vec<(&'static str, u32)> = Vec::new();
        let mut link = |all: &[&'static str], country: Option<&str>, want_city: bool| {
            let found = all.iter().find_map(|n| {
                fold_into(n, &mut folded);
                by_name.get(folded.as_str()).and_then(|ids| {
                    ids.iter().copied().find(|&i| {
                        let e = &entries[i as usize];
                        e.country == country && (!want_city || e.city)
                    })
                })
            });
            if let Some(i) = found {
                extra.extend(all.iter().map(|&n| (n, i)));
            }
        };
        let mut all: Vec<&'static str> = Vec::new();
        for p in &dict.places {
            all.clear();
            all.push(p.name.as_str());
            all.extend(p.aliases.iter().map(String::as_str));
            link(&all, p.country.as_deref(), false);
        }
        for c in &dict.countries {
            for cap in &c.capitals {
                if cap.chars().next().is_some_and(char::is_uppercase) {
                    link(&[cap.as_str()], Some(&c.code), true);
                }
            }
        }
        for (n, i) in extra {
            fold_into(n, &mut folded);
            let ids = match by_name.get_mut(folded.as_str()) {
                Some(ids) => ids,
                None => by_name.entry(folded.clone()).or_default(),
            };
            if !ids.contains(&i) {
                ids.push(i);
                names.push((n, i));
            }
        }

        let mut country_names = FxHashSet::default();
        let mut countries = FxHashMap::default();
        for c in &dict.countries {
            country_names.insert(fold(&c.name));
            for a in &c.aliases {
                country_names.insert(fold(a.trim_start_matches("the ")));
            }
            if let Some(g) = geo.country(&c.code) {
                countries.insert(
                    c.code.clone(),
                    CountryPoint {
                        name: c.name.clone(),
                        fips: g.fips.to_string(),
                        lat: g.lat,
                        lon: g.lon,
                    },
                );
            }
        }

        let mut pattern_ids: FxHashMap<&'static str, usize> = FxHashMap::default();
        pattern_ids.reserve(names.len());
        let mut patterns: Vec<&'static str> = Vec::new();
        let mut forms: Vec<Form> = Vec::new();
        with_common_words(dict, |common| {
            for &(n, i) in &names {
                // Short forms and country names are left to the actors stage.
                if !n.chars().next().is_some_and(char::is_uppercase) || n.chars().nth(2).is_none() {
                    continue;
                }
                fold_into(n, &mut folded);
                if country_names.contains(folded.as_str()) {
                    continue;
                }
                let id = *pattern_ids.entry(n).or_insert_with(|| {
                    let multiword = n.contains(' ');
                    forms.push(Form {
                        // Most forms name one place: no room for more yet.
                        entries: Vec::with_capacity(1),
                        ambiguous: !multiword && common.contains(&folded),
                        multiword,
                    });
                    patterns.push(n);
                    forms.len() - 1
                });
                if !forms[id].entries.contains(&i) {
                    forms[id].entries.push(i);
                }
            }
        });
        let mut by_first_word: FxHashMap<&'static str, Vec<u32>> = FxHashMap::default();
        for (id, &p) in patterns.iter().enumerate() {
            let first_word = &p[..word_end(p, 0)];
            by_first_word
                .entry(first_word)
                .or_insert_with(|| Vec::with_capacity(1))
                .push(id as u32);
        }
        let mut first_words = vec![0u64; FIRST_WORD_BITS / 64];
        for (word, ids) in by_first_word.iter_mut() {
            ids.sort_by_key(|&id| std::cmp::Reverse(patterns[id as usize].len()));
            let (w, bit) = first_word_bit(word.as_bytes());
            first_words[w] |= bit;
        }
        let us_states = entries
            .iter()
            .filter(|e| e.country == Some("USA") && !e.city && !e.region)
            .filter_map(|e| Some((e.admin1?.to_string(), e.name.to_string())))
            .collect();
        GeoIndex {
            entries,
            first: first_bytes(&patterns, false),
            patterns,
            by_first_word,
            first_words,
            forms,
            by_name,
            countries,
            us_states,
        }
    }

    /// The bytes a name may start with.
    pub(super) fn first_bytes(&self) -> &FirstBytes {
        &self.first
    }

    /// The gazetteer names in `text` on word boundaries: at each word start,
    /// left to right and past the previous match, the longest name that
    /// starts there and ends at the end of a word: (start, end, form).
    fn names_in(&self, text: &str, starts: &WordStarts) -> Vec<(usize, usize, usize)> {
        let bytes = text.as_bytes();
        let mut out: Vec<(usize, usize, usize)> = Vec::new();
        for s in starts.iter() {
            if !self.first[usize::from(bytes[s])] || out.last().is_some_and(|m| s < m.1) {
                continue;
            }
            // A name on word boundaries starts with the whole first word of
            // the text there.
            let ascii_end = ascii_word_end(bytes, s);
            let word = if bytes.get(ascii_end).is_some_and(|b| !b.is_ascii()) {
                word_end(text, s)
            } else {
                ascii_end
            };
            // Most capitalized words start no name: a clear bit says so
            // before the map, whose entries miss the cache.
            let (w, bit) = first_word_bit_in(bytes, s..word);
            if self.first_words[w] & bit == 0 {
                continue;
            }
            let found = self.by_first_word.get(&text[s..word]).and_then(|ids| {
                ids.iter().find_map(|&id| {
                    let p = self.patterns[id as usize];
                    let e = s + p.len();
                    (bytes[s..].starts_with(p.as_bytes()) && right_boundary(bytes, text, e))
                        .then_some((e, id as usize))
                })
            });
            if let Some((e, id)) = found {
                out.push((s, e, id));
            }
        }
        out
    }

    /// The best entry among `ids`: in `hint`'s country, else in a country
    /// the article names, then region over city, capital, population.
    fn best(&self, ids: &[u32], hint: Option<&str>, doc_countries: &[&str]) -> Option<u32> {
        ids.iter().copied().max_by_key(|&i| {
            let e = &self.entries[i as usize];
            let c = e.country;
            (
                c.is_some_and(|c| doc_countries.contains(&c)),
                hint.is_some() && c == hint,
                !e.city,
                e.capital,
                e.population,
                std::cmp::Reverse(i),
            )
        })
    }

    fn place(&self, i: u32) -> PlaceRef<'_> {
        let e = &self.entries[i as usize];
        PlaceRef {
            name: e.name,
            country: e.country,
            lat: e.lat,
            lon: e.lon,
        }
    }

    fn country_place(&self, code: &str) -> Option<PlaceRef<'_>> {
        let (code, c) = self.countries.get_key_value(code)?;
        Some(PlaceRef {
            name: &c.name,
            country: Some(code),
            lat: c.lat,
            lon: c.lon,
        })
    }

    fn facts(&self, place: &Place) -> Option<PlaceFacts> {
        let country = place.country.as_deref();
        let point = country.and_then(|c| self.countries.get(c));
        if let Some(p) = point
            && p.name == place.name
        {
            return Some(PlaceFacts {
                kind: GeoKind::Country,
                full_name: p.name.clone(),
                fips: Some(p.fips.clone()),
                adm1: Some(p.fips.clone()),
                feature_id: Some(p.fips.clone()),
            });
        }
        let ids = self.by_name.get(&fold(&place.name))?;
        let i = ids
            .iter()
            .copied()
            .find(|&i| self.entries[i as usize].country == country)?;
        let e = &self.entries[i as usize];
        let us = country == Some("USA");
        let kind = match (e.city, e.region, us) {
            (true, _, true) => GeoKind::UsCity,
            (true, _, false) => GeoKind::City,
            (false, false, true) => GeoKind::UsState,
            (false, false, false) if country.is_some() => GeoKind::State,
            _ => GeoKind::Region,
        };
        let fips = point.map(|p| p.fips.clone());
        let adm1 = match (&fips, e.admin1) {
            (Some(f), Some(a)) if kind != GeoKind::Region => Some(format!("{f}{a}")),
            (Some(f), _) => Some(f.clone()),
            _ => None,
        };
        let mut full = vec![e.name.to_string()];
        if kind == GeoKind::UsCity
            && let Some(state) = e.admin1.and_then(|a| self.us_states.get(a))
        {
            full.push(state.clone());
        }
        if let Some(p) = point {
            full.push(p.name.clone());
        }
        Some(PlaceFacts {
            kind,
            full_name: full.join(", "),
            fips,
            adm1,
            feature_id: e.geonameid.map(|g| g.to_string()),
        })
    }
}

/// The size of [`GeoIndex::first_words`] in bits (a power of two).
const FIRST_WORD_BITS: usize = 1 << 16;

/// The word of [`GeoIndex::first_words`] for a first word and its bit in
/// it: a hash of its first and last eight bytes and its length.
fn first_word_bit(word: &[u8]) -> (usize, u64) {
    first_word_bit_in(word, 0..word.len())
}

/// [`first_word_bit`] of `bytes[range]`, read in place: eight-byte loads
/// with the bytes past the word masked off (no copy into a buffer).
fn first_word_bit_in(bytes: &[u8], range: Range<usize>) -> (usize, u64) {
    let n = range.len();
    let head = match n {
        8.. => load8(bytes, range.start),
        _ => load8(bytes, range.start) & ((1u64 << (8 * n)) - 1),
    };
    let tail = if n > 8 {
        load8(bytes, range.end - 8)
    } else {
        head
    };
    let h = (head ^ tail.rotate_left(29) ^ n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    let h = (h >> (64 - FIRST_WORD_BITS.trailing_zeros())) as usize;
    (h / 64, 1 << (h % 64))
}

/// The place an entity of the actors stage stands for, if it is one.
fn entity_place<'a>(
    index: &'a GeoIndex,
    doc: &Document,
    e: usize,
    doc_countries: &[&str],
) -> Option<PlaceRef<'a>> {
    let entity = doc.entities.get(e)?;
    match entity.kind {
        EntityKind::Country => index.country_place(entity.country.as_deref()?),
        EntityKind::Location => {
            let hint = entity.country.as_deref();
            let ids = index.by_name.get(&fold(&entity.name)).or_else(|| {
                entity
                    .mentions
                    .iter()
                    .find_map(|m| index.by_name.get(&fold(&m.text)))
            })?;
            let i = index.best(ids, hint, doc_countries)?;
            let e = &index.entries[i as usize];
            // A name the gazetteer has only in a country neither the entity
            // nor the article names is another place.
            let named = e
                .country
                .is_none_or(|c| hint == Some(c) || doc_countries.contains(&c));
            if hint.is_some() && !named {
                return None;
            }
            Some(index.place(i))
        }
        _ => None,
    }
}

/// The place of each entity, found on first use.
struct EntityPlaces<'a>(Vec<Option<Option<PlaceRef<'a>>>>);

impl<'a> EntityPlaces<'a> {
    fn new(entities: usize) -> Self {
        EntityPlaces(vec![None; entities])
    }

    fn get(
        &mut self,
        index: &'a GeoIndex,
        doc: &Document,
        e: usize,
        doc_countries: &[&str],
    ) -> Option<PlaceRef<'a>> {
        *self
            .0
            .get_mut(e)?
            .get_or_insert_with(|| entity_place(index, doc, e, doc_countries))
    }
}

/// Whether a mention is written as a name (not "the nation", "it").
fn is_name(text: &str) -> bool {
    text.split_whitespace()
        .next_back()
        .and_then(|w| w.chars().next())
        .is_some_and(char::is_uppercase)
}

/// The word that ends right before byte `s` (skipping spaces and one "the").
fn word_before(text: &str, s: usize) -> &str {
    let head = text
        .get(..s)
        .unwrap_or("")
        .trim_end_matches([' ', '\u{a0}']);
    let start = head.rfind(|c: char| !c.is_alphanumeric()).map_or(0, |i| {
        i + head[i..].chars().next().map_or(1, char::len_utf8)
    });
    let w = &head[start..];
    if w.eq_ignore_ascii_case("the") {
        return word_before(text, start);
    }
    w
}

/// Whether a capitalized word (not a day or month) follows byte `e` after one space.
fn next_is_capitalized(text: &str, e: usize) -> bool {
    text.get(e..).is_some_and(|t| {
        let t = t.strip_prefix(' ').unwrap_or("");
        let w: &str = t.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
        w.chars().next().is_some_and(char::is_uppercase) && !FOLLOWERS.contains(&w)
    })
}

fn locative(word: &str) -> bool {
    LOCATIVE.iter().any(|l| l.eq_ignore_ascii_case(word))
}

/// Fills `doc.locations` and the `location` of events.
pub(super) fn locate(doc: &mut Document, index: &GeoIndex, starts: &WordStarts) {
    let text = doc.text();
    // Countries the article names: they settle names places share.
    let mut doc_countries: Vec<&str> = Vec::new();
    for e in &doc.entities {
        if matches!(e.kind, EntityKind::Country | EntityKind::Government)
            && let Some(c) = e.country.as_deref()
            && !doc_countries.contains(&c)
        {
            doc_countries.push(c);
        }
    }

    // Entity mentions as byte ranges, sorted: (range, entity).
    let mut mentions: Vec<(Range<usize>, usize)> =
        Vec::with_capacity(doc.entities.iter().map(|e| e.mentions.len()).sum());
    for (i, e) in doc.entities.iter().enumerate() {
        for m in e.all_mentions() {
            mentions.push((doc.byte_range(Span::new(m.start, m.end)), i));
        }
    }
    // By range, then entity: the order they were pushed in.
    mentions.sort_unstable_by_key(|(r, i)| (r.start, r.end, *i));

    // (place, byte range) of every place mention found.
    let mut found: Vec<(PlaceRef, Range<usize>)> = Vec::new();
    let mut entity_places = EntityPlaces::new(doc.entities.len());
    for (r, e) in &mentions {
        let kind = doc.entities[*e].kind;
        if !matches!(kind, EntityKind::Country | EntityKind::Location) {
            continue;
        }
        if !is_name(text.get(r.clone()).unwrap_or("")) {
            continue;
        }
        // "Sydney Smith": a place name that starts a longer name is not the place.
        if kind == EntityKind::Location && next_is_capitalized(text, r.end) {
            continue;
        }
        if let Some(p) = entity_places.get(index, doc, *e, &doc_countries) {
            found.push((p, r.clone()));
        }
    }

    // Gazetteer names where no entity stands.
    {
        let bytes = text.as_bytes();
        for (s, e, pattern) in index.names_in(text, starts) {
            // A hyphen or an apostrophe glued to the name makes it part of a word.
            if matches!(bytes.get(e), Some(b'-')) || (s > 0 && bytes[s - 1] == b'-') {
                continue;
            }
            let first = mentions.partition_point(|(r, _)| r.end <= s);
            if let Some((r, ent)) = mentions.get(first)
                && r.start < e
            {
                let entity = &doc.entities[*ent];
                let unknown_name = entity.kind == EntityKind::Organization
                    && entity.actor.is_none()
                    && entity.country.is_none()
                    && *r == (s..e);
                if !unknown_name {
                    continue;
                }
            }
            let form = &index.forms[pattern];
            let before = word_before(text, s);
            let at_char = doc.char_span(s..s).start;
            let sentence_initial = doc
                .sentences
                .binary_search_by_key(&at_char, |sentence| sentence.start)
                .is_ok()
                || text.get(..s).is_some_and(|h| {
                    h.trim_end().is_empty()
                        || h.trim_end().ends_with(['\n', '.', '!', '?', '"', '“'])
                });
            let loc_cue = locative(before);
            // Part of a longer capitalized name.
            let next_cap = next_is_capitalized(text, e);
            let prev_cap = !sentence_initial
                && !loc_cue
                && before.chars().next().is_some_and(char::is_uppercase)
                && text.get(..s).is_some_and(|h| h.ends_with(' '));
            if next_cap || prev_cap {
                continue;
            }
            let ids = &form.entries;
            let Some(i) = index.best(ids, None, &doc_countries) else {
                continue;
            };
            let entry = &index.entries[i as usize];
            if sentence_initial
                && !form.multiword
                && !entry.capital
                && entry.population < 1_000_000
                && (!entry.region || form.ambiguous)
            {
                continue;
            }
            if form.ambiguous && !loc_cue {
                continue;
            }
            found.push((index.place(i), s..e));
        }
    }

    // Group by place, in order of first mention.
    found.sort_by_key(|(_, r)| (r.start, r.end));
    let mut locations: Vec<Location> = Vec::new();
    let mut at: FxHashMap<(&str, Option<&str>), usize> = FxHashMap::default();
    let mut spans: Vec<(Span, usize)> = Vec::new();
    for (p, r) in found {
        let li = *at.entry((p.name, p.country)).or_insert_with(|| {
            let p = p.to_place();
            locations.push(Location {
                name: p.name,
                country: p.country,
                lat: p.lat,
                lon: p.lon,
                mentions: Vec::new(),
            });
            locations.len() - 1
        });
        let m: Mention = doc.mention(r.clone());
        spans.push((Span::new(m.start, m.end), li));
        let list = &mut locations[li].mentions;
        if list.last().is_none_or(|l| l.start != m.start) {
            list.push(m);
        }
    }

    // Event locations.
    let mut event_places: Vec<Option<Place>> = Vec::with_capacity(doc.events.len());
    for ev in &doc.events {
        event_places.push(event_place(
            doc,
            index,
            ev,
            &spans,
            &locations,
            &mut entity_places,
            &doc_countries,
        ));
    }
    for (ev, p) in doc.events.iter_mut().zip(event_places) {
        ev.location = p;
    }
    doc.locations = locations;
}

fn as_place(l: &Location) -> Place {
    Place {
        name: l.name.clone(),
        country: l.country.clone(),
        lat: l.lat,
        lon: l.lon,
    }
}

/// The place after "in"/"at" near the event, or a sentence-opening "In X,".
fn explicit_place(
    doc: &Document,
    ev: &crate::document::Event,
    spans: &[(Span, usize)],
    locations: &[Location],
) -> Option<Place> {
    let sentence = *doc.sentences.get(ev.sentence)?;
    let text = doc.text();
    let reach = ev.evidence.end + 100;
    let mut opening = None;
    for &(span, li) in spans {
        if span.start < sentence.start || span.end > sentence.end {
            continue;
        }
        let bytes = doc.byte_range(span);
        let before = word_before(text, bytes.start);
        if !(before.eq_ignore_ascii_case("in") || before.eq_ignore_ascii_case("at")) {
            continue;
        }
        if span.start >= ev.evidence.start && span.start <= reach {
            // No clause break between the evidence and the place.
            let gap_from = doc.byte_range(Span::new(ev.evidence.end.min(span.start), span.start));
            if !text.get(gap_from).unwrap_or("").contains([';', '—']) {
                return Some(as_place(&locations[li]));
            }
        }
        let head = doc.byte_range(Span::new(sentence.start, span.start));
        let head = text.get(head).unwrap_or("").trim();
        let opens = head.eq_ignore_ascii_case("in") || head.eq_ignore_ascii_case("at");
        let after = doc.byte_range(Span::new(span.end, sentence.end));
        if opens && text.get(after).unwrap_or("").starts_with(',') && opening.is_none() {
            opening = Some(as_place(&locations[li]));
        }
    }
    opening
}

fn event_place<'a>(
    doc: &Document,
    index: &'a GeoIndex,
    ev: &crate::document::Event,
    spans: &[(Span, usize)],
    locations: &[Location],
    entity_places: &mut EntityPlaces<'a>,
    doc_countries: &[&str],
) -> Option<Place> {
    let explicit = explicit_place(doc, ev, spans, locations);
    let side = if ev.code.starts_with("042") {
        ev.target.as_ref()
    } else if ev.code.starts_with("043") {
        ev.source.as_ref()
    } else {
        return explicit;
    };
    let side = side?;
    let from_entity = side
        .entity
        .as_deref()
        .and_then(|id| doc.entities.iter().position(|e| e.id == id))
        .and_then(|e| entity_places.get(index, doc, e, doc_countries))
        .map(PlaceRef::to_place);
    let country = side
        .actor
        .as_deref()
        .and_then(|a| a.get(..3))
        .filter(|c| index.countries.contains_key(*c));
    // A city named "in"/"at" inside the visited country is more precise.
    if let Some(p) = &explicit
        && country.is_some()
        && p.country.as_deref() == country
    {
        return explicit;
    }
    from_entity.or_else(|| {
        country
            .and_then(|c| index.country_place(c))
            .map(PlaceRef::to_place)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facts_of_countries_cities_and_states() {
        let index = GeoIndex::builtin();
        let japan = index.country_place("JPN").unwrap().to_place();
        let f = index.facts(&japan).unwrap();
        assert_eq!(f.kind, GeoKind::Country);
        assert_eq!(f.fips.as_deref(), Some("JA"));
        let houston = index.place(index.by_name["houston"][0]).to_place();
        let f = index.facts(&houston).unwrap();
        assert_eq!(f.kind, GeoKind::UsCity);
        assert_eq!(f.full_name, "Houston, Texas, United States");
        assert_eq!(f.adm1.as_deref(), Some("USTX"));
        let texas = index.place(index.by_name["texas"][0]).to_place();
        assert_eq!(index.facts(&texas).unwrap().kind, GeoKind::UsState);
        let sahel = index.place(index.by_name["sahel"][0]).to_place();
        assert_eq!(index.facts(&sahel).unwrap().kind, GeoKind::Region);
    }

    #[test]
    fn word_before_skips_the() {
        assert_eq!(word_before("talks in the Sahel", 13), "in");
        assert_eq!(word_before("Sahel", 0), "");
        assert_eq!(word_before("met in Ottawa", 7), "in");
    }
}
