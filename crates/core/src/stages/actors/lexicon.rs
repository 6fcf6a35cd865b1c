//! Closed word lists of the actors stage: words that are capitalized but are
//! not names, the cue words before a person's name, and the keywords that
//! make a capitalized name an organization or a place. Facts of English, not
//! dictionary data, so they live in code; every list is sorted (tested).

/// Capitalized words that never start or end a name by themselves: function
/// words, sentence adverbs, days, months, pronouns, generic heads.
const NOT_NAMES: &[&str] = &[
    "A",
    "AI",
    "AM",
    "About",
    "Above",
    "According",
    "Across",
    "Actually",
    "Add",
    "After",
    "Afterwards",
    "Again",
    "Against",
    "Ahead",
    "All",
    "Almost",
    "Along",
    "Already",
    "Also",
    "Although",
    "Always",
    "Among",
    "An",
    "And",
    "Another",
    "Any",
    "Anyway",
    "Apr",
    "Apr.",
    "April",
    "Are",
    "Around",
    "As",
    "At",
    "Aug",
    "Aug.",
    "August",
    "Back",
    "Based",
    "Be",
    "Because",
    "Before",
    "Behind",
    "Being",
    "Below",
    "Besides",
    "Between",
    "Beyond",
    "Both",
    "But",
    "By",
    "CEO",
    "COVID",
    "Can",
    "Certainly",
    "Clearly",
    "Could",
    "Daily",
    "Dec",
    "Dec.",
    "December",
    "Despite",
    "Did",
    "Do",
    "Does",
    "Down",
    "During",
    "Each",
    "Earlier",
    "Either",
    "Else",
    "Even",
    "Eventually",
    "Ever",
    "Every",
    "Everyone",
    "Everything",
    "Except",
    "Feb",
    "Feb.",
    "February",
    "Few",
    "Finally",
    "First",
    "Following",
    "For",
    "Four",
    "Fri",
    "Fri.",
    "Friday",
    "Fridays",
    "From",
    "Further",
    "Furthermore",
    "GDP",
    "Given",
    "Had",
    "Has",
    "Have",
    "He",
    "Her",
    "Here",
    "Hers",
    "Herself",
    "Him",
    "Himself",
    "His",
    "How",
    "However",
    "I",
    "If",
    "In",
    "Including",
    "Indeed",
    "Initially",
    "Inside",
    "Instead",
    "Into",
    "Is",
    "It",
    "Its",
    "Itself",
    "Jan",
    "Jan.",
    "January",
    "Jul",
    "Jul.",
    "July",
    "Jun",
    "Jun.",
    "June",
    "Just",
    "Last",
    "Late",
    "Later",
    "Latest",
    "Less",
    "Let",
    "Like",
    "Many",
    "Mar",
    "Mar.",
    "March",
    "May",
    "Maybe",
    "Me",
    "Meanwhile",
    "Men",
    "Mon",
    "Mon.",
    "Monday",
    "Mondays",
    "Month",
    "More",
    "Moreover",
    "Most",
    "Mostly",
    "Much",
    "Must",
    "My",
    "Near",
    "Nearly",
    "Neither",
    "Never",
    "Nevertheless",
    "Next",
    "No",
    "Nobody",
    "None",
    "Nor",
    "Not",
    "Nothing",
    "Nov",
    "Nov.",
    "November",
    "Now",
    "Oct",
    "Oct.",
    "October",
    "Of",
    "Off",
    "Often",
    "Oh",
    "On",
    "Once",
    "One",
    "Only",
    "Or",
    "Other",
    "Others",
    "Otherwise",
    "Our",
    "Ours",
    "Out",
    "Outside",
    "Over",
    "Overall",
    "PM",
    "Perhaps",
    "Please",
    "Previously",
    "Rather",
    "Recently",
    "Regarding",
    "Sat",
    "Sat.",
    "Saturday",
    "Saturdays",
    "Second",
    "Sep",
    "Sep.",
    "Sept",
    "Sept.",
    "September",
    "Several",
    "Shall",
    "She",
    "Should",
    "Similarly",
    "Since",
    "So",
    "Some",
    "Someone",
    "Something",
    "Sometimes",
    "Soon",
    "Still",
    "Such",
    "Sun",
    "Sunday",
    "Sundays",
    "TV",
    "Than",
    "Thanks",
    "That",
    "The",
    "Their",
    "Theirs",
    "Them",
    "Themselves",
    "Then",
    "There",
    "Therefore",
    "These",
    "They",
    "Third",
    "This",
    "Those",
    "Though",
    "Three",
    "Thu",
    "Thu.",
    "Thur.",
    "Thurs.",
    "Thursday",
    "Thursdays",
    "Thus",
    "To",
    "Today",
    "Together",
    "Tomorrow",
    "Tonight",
    "Too",
    "Toward",
    "Towards",
    "Tue",
    "Tue.",
    "Tues.",
    "Tuesday",
    "Tuesdays",
    "Two",
    "UV",
    "Under",
    "Unless",
    "Unlike",
    "Until",
    "Up",
    "Upon",
    "Us",
    "Very",
    "Via",
    "Was",
    "We",
    "Wed",
    "Wed.",
    "Wednesday",
    "Wednesdays",
    "Week",
    "Well",
    "Were",
    "What",
    "Whatever",
    "When",
    "Whenever",
    "Where",
    "Whereas",
    "Whether",
    "Which",
    "While",
    "Who",
    "Whoever",
    "Whom",
    "Whose",
    "Why",
    "Will",
    "With",
    "Within",
    "Without",
    "Women",
    "Would",
    "Year",
    "Yes",
    "Yesterday",
    "Yet",
    "You",
    "Your",
    "Yours",
];

/// Words that are not a name alone but may be part of one ("Democratic",
/// "Liberal Democratic Party"): demonym-like adjectives of parties, faiths
/// and blocs, and event words.
const NOT_ALONE: &[&str] = &[
    "Anti",
    "Arab",
    "Arabs",
    "Brexit",
    "Catholic",
    "Catholics",
    "Central",
    "Christian",
    "Christians",
    "Democrat",
    "Democratic",
    "Democrats",
    "East",
    "Eastern",
    "Islamic",
    "Islamist",
    "Islamists",
    "Jew",
    "Jewish",
    "Jews",
    "Liberal",
    "Liberals",
    "Muslim",
    "Muslims",
    "North",
    "Northern",
    "Republican",
    "Republicans",
    "Shia",
    "Shiite",
    "Shiites",
    "South",
    "Southern",
    "Sunni",
    "Sunnis",
    "West",
    "Western",
];

/// Lowercase words inside a name between capitalized words ("Bank of
/// England", "Ministry of Foreign Affairs", "Ludwig van Beethoven").
const CONNECTORS: &[&str] = &[
    "al", "bin", "d'", "da", "de", "del", "della", "der", "des", "di", "do", "dos", "du", "el",
    "for", "la", "le", "of", "van", "von",
];

/// Words before a name that make it a person and are not part of it:
/// honorifics and ranks (capitalized) and roles (lowercase).
const PERSON_CUES: &[&str] = &[
    "Adm.",
    "Admiral",
    "Ambassador",
    "Archbishop",
    "Ayatollah",
    "Bishop",
    "Brig.",
    "Capt.",
    "Captain",
    "Cardinal",
    "Chairman",
    "Chairwoman",
    "Chancellor",
    "Col.",
    "Colonel",
    "Commissioner",
    "Cpl.",
    "Dame",
    "Dr",
    "Dr.",
    "Father",
    "Gen.",
    "General",
    "Gov.",
    "Governor",
    "Imam",
    "Judge",
    "Justice",
    "King",
    "Lady",
    "Lord",
    "Lt.",
    "Maj.",
    "Major",
    "Mayor",
    "Minister",
    "Miss",
    "Mr",
    "Mr.",
    "Mrs",
    "Mrs.",
    "Ms",
    "Ms.",
    "Mullah",
    "Pope",
    "Premier",
    "President",
    "Prince",
    "Princess",
    "Prof.",
    "Professor",
    "Queen",
    "Rabbi",
    "Rep.",
    "Rev.",
    "Sen.",
    "Senator",
    "Sergeant",
    "Sgt.",
    "Sheikh",
    "Sir",
    "Sister",
    "Speaker",
    "St.",
    "actor",
    "actress",
    "adviser",
    "advisor",
    "aide",
    "all-rounder",
    "analyst",
    "attacker",
    "author",
    "back",
    "batsman",
    "bishop",
    "boss",
    "bowler",
    "boxer",
    "brother",
    "captain",
    "challenger",
    "champion",
    "chief",
    "coach",
    "colleague",
    "commander",
    "compatriot",
    "counterpart",
    "cyclist",
    "daughter",
    "defender",
    "deputy",
    "director",
    "driver",
    "economist",
    "envoy",
    "executive",
    "father",
    "forward",
    "founder",
    "goalkeeper",
    "golfer",
    "guard",
    "head",
    "husband",
    "jockey",
    "journalist",
    "keeper",
    "lawyer",
    "leader",
    "manager",
    "midfielder",
    "minister",
    "mother",
    "novelist",
    "official",
    "opener",
    "opponent",
    "partner",
    "pitcher",
    "player",
    "playmaker",
    "premier",
    "president",
    "professor",
    "prosecutor",
    "rider",
    "rookie",
    "runner",
    "secretary",
    "seed",
    "sister",
    "skipper",
    "son",
    "spinner",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "sprinter",
    "star",
    "striker",
    "substitute",
    "swimmer",
    "teammate",
    "veteran",
    "wife",
    "winger",
    "winner",
];

/// Keywords that make a capitalized name an organization, with the kind.
const ORG_WORDS: &[(&str, &str)] = &[
    ("A.G.", "company"),
    ("AG", "company"),
    ("Academy", "organization"),
    ("Administration", "government"),
    ("Agency", "organization"),
    ("Air", "company"),
    ("Airlines", "company"),
    ("Airways", "company"),
    ("Albion", "organization"),
    ("Alliance", "group"),
    ("Army", "government"),
    ("Assembly", "government"),
    ("Associates", "company"),
    ("Association", "organization"),
    ("Athletic", "organization"),
    ("Athletico", "organization"),
    ("Authority", "government"),
    ("BV", "company"),
    ("Bancorp", "company"),
    ("Bank", "company"),
    ("Board", "organization"),
    ("Brigade", "group"),
    ("Brigades", "group"),
    ("Bureau", "government"),
    ("Cabinet", "government"),
    ("Centre", "organization"),
    ("Chamber", "organization"),
    ("Church", "organization"),
    ("Club", "organization"),
    ("Co", "company"),
    ("Co.", "company"),
    ("Coalition", "group"),
    ("College", "organization"),
    ("Command", "government"),
    ("Commission", "government"),
    ("Committee", "organization"),
    ("Communications", "company"),
    ("Company", "company"),
    ("Congress", "government"),
    ("Corp", "company"),
    ("Corp.", "company"),
    ("Corporation", "company"),
    ("Council", "government"),
    ("Court", "government"),
    ("Daily", "media"),
    ("Department", "government"),
    ("Dinamo", "organization"),
    ("Dynamo", "organization"),
    ("Electric", "company"),
    ("Electronics", "company"),
    ("Energy", "company"),
    ("Enterprises", "company"),
    ("Exchange", "organization"),
    ("F.C.", "organization"),
    ("FC", "organization"),
    ("Federation", "organization"),
    ("Forces", "government"),
    ("Foundation", "organization"),
    ("Front", "group"),
    ("Fund", "organization"),
    ("Gazette", "media"),
    ("GmbH", "company"),
    ("Government", "government"),
    ("Group", "company"),
    ("Guard", "government"),
    ("Herald", "media"),
    ("Holdings", "company"),
    ("Hospital", "organization"),
    ("Hotspur", "organization"),
    ("Inc", "company"),
    ("Inc.", "company"),
    ("Industries", "company"),
    ("Institute", "organization"),
    ("Insurance", "company"),
    ("International", "organization"),
    ("Journal", "media"),
    ("L.P.", "company"),
    ("LLC", "company"),
    ("League", "organization"),
    ("Limited", "company"),
    ("Ltd", "company"),
    ("Ltd.", "company"),
    ("Ministry", "government"),
    ("Motor", "company"),
    ("Motors", "company"),
    ("Movement", "group"),
    ("N.V.", "company"),
    ("NV", "company"),
    ("Navy", "government"),
    ("News", "media"),
    ("Newsroom", "media"),
    ("Office", "government"),
    ("Oil", "company"),
    ("Organisation", "organization"),
    ("Organization", "organization"),
    ("PLC", "company"),
    ("Parliament", "government"),
    ("Partners", "company"),
    ("Party", "group"),
    ("Petroleum", "company"),
    ("Pharmaceuticals", "company"),
    ("Plc", "company"),
    ("Police", "government"),
    ("Post", "media"),
    ("Press", "media"),
    ("Radio", "media"),
    ("Rangers", "organization"),
    ("Reserve", "government"),
    ("Rovers", "organization"),
    ("S.A.", "company"),
    ("SA", "company"),
    ("Securities", "company"),
    ("Senate", "government"),
    ("Service", "government"),
    ("Services", "company"),
    ("Society", "organization"),
    ("SpA", "company"),
    ("Systems", "company"),
    ("Technologies", "company"),
    ("Telecom", "company"),
    ("Telegraph", "media"),
    ("Television", "media"),
    ("Times", "media"),
    ("Tribune", "media"),
    ("Trust", "organization"),
    ("Union", "organization"),
    ("United", "organization"),
    ("University", "organization"),
    ("Wanderers", "organization"),
    ("plc", "company"),
];

/// Keywords that make a capitalized name a place.
const PLACE_WORDS: &[&str] = &[
    "Airport",
    "Avenue",
    "Basin",
    "Bay",
    "Beach",
    "Boulevard",
    "Bridge",
    "Canal",
    "Canyon",
    "Cape",
    "Coast",
    "County",
    "Creek",
    "Desert",
    "District",
    "Falls",
    "Gardens",
    "Governorate",
    "Gulf",
    "Harbour",
    "Heights",
    "Highlands",
    "Hills",
    "Island",
    "Islands",
    "Krai",
    "Lake",
    "Lawn",
    "Mount",
    "Mountain",
    "Mountains",
    "Mt.",
    "Oblast",
    "Ocean",
    "Oval",
    "Peninsula",
    "Plain",
    "Plains",
    "Plateau",
    "Plaza",
    "Prefecture",
    "Province",
    "Region",
    "Ridge",
    "River",
    "Road",
    "Sea",
    "Square",
    "Stadium",
    "Strait",
    "Street",
    "Valley",
];

/// Prepositions after which an unknown name is most likely a place.
/// Words of places before "of" and a name: "the town of Tavildara", "east
/// of Tavildara" (sorted).
const PLACE_OF: &[&str] = &[
    "city",
    "county",
    "district",
    "east",
    "island",
    "north",
    "northeast",
    "northwest",
    "outskirts",
    "port",
    "province",
    "region",
    "south",
    "southeast",
    "southwest",
    "suburb",
    "town",
    "village",
    "west",
];

/// Whether `word` (lowercase) names a kind of place before "of" ([`PLACE_OF`]).
pub(crate) fn is_place_of(word: &str) -> bool {
    PLACE_OF.binary_search(&word).is_ok()
}

const LOCATIVE: &[&str] = &["across", "around", "at", "in", "inside", "near", "outside"];

/// Words that make a following capitalized subject a government: "Tokyo
/// said", "Washington has warned".
const GOVERNMENT_VERBS: &[&str] = &[
    "accused",
    "agreed",
    "announced",
    "asked",
    "blamed",
    "called",
    "condemned",
    "denied",
    "has",
    "have",
    "insisted",
    "is",
    "plans",
    "protested",
    "rejected",
    "responded",
    "said",
    "says",
    "threatened",
    "urged",
    "wants",
    "warned",
    "was",
    "will",
    "would",
];

/// Heads that turn a leader's name into that leader's government: "the
/// Trump administration", "the Ishiba government".
pub(crate) const GOVERNMENT_HEADS: &[&str] = &["administration", "cabinet", "government", "regime"];

/// Days and months (and their abbreviations): capitalized anywhere, never names.
/// Words of sports reports: an article with three of them is one, and
/// there a bare city name is most often its team ("Nice beat Lyon").
const SPORTS: &[&str] = &[
    "athletics",
    "baseball",
    "basketball",
    "batsman",
    "bowled",
    "bowler",
    "boxing",
    "championship",
    "coach",
    "cricket",
    "cup",
    "cycling",
    "cyclist",
    "defender",
    "draw",
    "footballer",
    "goal",
    "goalkeeper",
    "goals",
    "golf",
    "golfer",
    "halftime",
    "hockey",
    "inning",
    "innings",
    "league",
    "match",
    "matches",
    "midfielder",
    "motorsport",
    "olympic",
    "pitcher",
    "playoff",
    "playoffs",
    "quarterback",
    "referee",
    "rugby",
    "semi-final",
    "semifinal",
    "soccer",
    "squad",
    "stadium",
    "standings",
    "striker",
    "tennis",
    "touchdown",
    "tournament",
    "umpire",
    "wicket",
    "wickets",
];

const CALENDAR: &[&str] = &[
    "Apr",
    "Apr.",
    "April",
    "Aug",
    "Aug.",
    "August",
    "Dec",
    "Dec.",
    "December",
    "Feb",
    "Feb.",
    "February",
    "Fri",
    "Fri.",
    "Friday",
    "Fridays",
    "Jan",
    "Jan.",
    "January",
    "Jul",
    "Jul.",
    "July",
    "Jun",
    "Jun.",
    "June",
    "Mar",
    "Mar.",
    "March",
    "May",
    "Mon",
    "Mon.",
    "Monday",
    "Mondays",
    "Nov",
    "Nov.",
    "November",
    "Oct",
    "Oct.",
    "October",
    "Sat",
    "Sat.",
    "Saturday",
    "Saturdays",
    "Sep",
    "Sep.",
    "Sept",
    "Sept.",
    "September",
    "Sun",
    "Sunday",
    "Sundays",
    "Thu",
    "Thu.",
    "Thur.",
    "Thurs.",
    "Thursday",
    "Thursdays",
    "Tue",
    "Tue.",
    "Tues.",
    "Tuesday",
    "Tuesdays",
    "Wed",
    "Wed.",
    "Wednesday",
    "Wednesdays",
];

/// The closed lists alone (no dictionary names), for the tests below that
/// take a word other than a token as written.
static LISTS: std::sync::LazyLock<WordTable> = std::sync::LazyLock::new(|| WordTable::new([], []));

/// A capitalized word that is not a name by itself.
pub(crate) fn is_not_name(word: &str) -> bool {
    LISTS.get(word).0 & W_NOT_NAME != 0
}

/// A word that is not a name by itself but may be part of one.
pub(crate) fn is_not_alone(word: &str) -> bool {
    LISTS.get(word).0 & W_NOT_ALONE != 0
}

/// A preposition of place.
pub(crate) fn is_locative(word: &str) -> bool {
    LISTS.get(word).0 & W_LOCATIVE != 0
}

/// A verb after a capital that makes it the government.
pub(crate) fn is_government_verb(word: &str) -> bool {
    LISTS.get(word).0 & W_GOV_VERB != 0
}

/// What a word is, as one set of bits (`W_*`): the answer of every
/// `is_*` test of this module (and of the dictionary's given and family
/// names) for one word, from one lookup. The actors stage looks each
/// distinct word of a document up once.
pub(crate) const W_NOT_NAME: u32 = 1;
pub(crate) const W_CALENDAR: u32 = 1 << 1;
pub(crate) const W_NOT_ALONE: u32 = 1 << 2;
pub(crate) const W_CONNECTOR: u32 = 1 << 3;
pub(crate) const W_PERSON_CUE: u32 = 1 << 4;
pub(crate) const W_ORG: u32 = 1 << 5;
pub(crate) const W_PLACE: u32 = 1 << 6;
pub(crate) const W_LOCATIVE: u32 = 1 << 7;
pub(crate) const W_GOV_VERB: u32 = 1 << 8;
pub(crate) const W_GOV_HEAD: u32 = 1 << 9;
pub(crate) const W_GIVEN: u32 = 1 << 10;
pub(crate) const W_FAMILY: u32 = 1 << 11;
/// he/she/his/her/him in any case.
pub(crate) const W_PRONOUN: u32 = 1 << 12;
/// "the" in any case.
pub(crate) const W_THE: u32 = 1 << 13;
/// An ASCII word whose lowercase form is a token of a gazetteer name,
/// written in lowercase, capitalized or in capitals (see
/// [`WordTable::add_name_tokens`]).
pub(crate) const W_NAME_TOKEN: u32 = 1 << 14;
/// With [`W_NAME_TOKEN`]: a gazetteer name starts with that token.
pub(crate) const W_NAME_FIRST: u32 = 1 << 15;
/// A word of sports reports (`SPORTS`).
pub(crate) const W_SPORT: u32 = 1 << 16;

/// Word → (`W_*` bits, index into `ORG_WORDS`, gazetteer token id or
/// `NO_NAME`), case as written.
#[derive(Debug, Default)]
pub(crate) struct WordTable {
    /// The entries of the words of no byte or of eight bytes and more.
    map: rustc_hash::FxHashMap<Box<str>, (u32, u16, u32)>,
    /// The entries of the words of one to seven bytes, by [`short_key`]
    /// (one integer to hash and compare, and no string to allocate: most
    /// of the table's words are that short). [`WordTable::entry`] and
    /// [`WordTable::lookup`] choose the table by the word's length.
    short: rustc_hash::FxHashMap<u64, (u32, u16, u32)>,
    /// Two bits in one 64-bit word per key of `short` and per longer word
    /// of `map` (a blocked Bloom filter, [`filter_slot`]): most words of a
    /// text are in no entry, and a clear bit says so without a probe of
    /// the large tables. 32 KiB, small enough to stay in the cache between
    /// documents (a 128 KiB filter of one bit per key missed the L2 cache
    /// on half the words in the whole pipeline); for the some 24,000 words
    /// of the built-in table, about 3% false positives (estimated).
    filter: Vec<u64>,
}

/// The number of 64-bit words of [`WordTable::filter`], as a power of two.
const FILTER_WORDS_LOG2: u32 = 12;

/// The word of [`WordTable::filter`] and its two bits for `hash`.
#[inline]
fn filter_slot(hash: u64) -> (usize, u64) {
    let h = hash.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    let word = (h >> (64 - FILTER_WORDS_LOG2)) as usize;
    (word, (1 << ((h >> 20) & 63)) | (1 << ((h >> 26) & 63)))
}

/// The [`filter_slot`] hash of a word of eight bytes or more.
#[inline]
fn long_hash(word: &str) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(word)
}

/// A word of one to seven bytes as one integer: its bytes and its length.
#[inline]
pub(crate) fn short_key(b: &[u8]) -> u64 {
    let n = b.len();
    debug_assert!(n <= 7);
    // Two overlapping reads: the bytes they share land in the same place.
    let bytes = match n {
        4.. => {
            let lo = u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
            let hi = u32::from_le_bytes([b[n - 4], b[n - 3], b[n - 2], b[n - 1]]);
            u64::from(lo) | (u64::from(hi) << (8 * (n - 4)))
        }
        2.. => {
            let lo = u16::from_le_bytes([b[0], b[1]]);
            let hi = u16::from_le_bytes([b[n - 2], b[n - 1]]);
            u64::from(lo) | (u64::from(hi) << (8 * (n - 2)))
        }
        1 => u64::from(b[0]),
        _ => 0,
    };
    bytes | ((n as u64) << 56)
}

/// No gazetteer token id (see [`WordTable::lookup`]).
pub(crate) const NO_NAME: u32 = u32::MAX;

impl WordTable {
    /// The closed lists of this module and the dictionary's given and
    /// family names.
    pub(crate) fn new<'a>(
        given: impl IntoIterator<Item = &'a str>,
        family: impl IntoIterator<Item = &'a str>,
    ) -> WordTable {
        let mut t = WordTable::lists(given, family);
        t.index_filter();
        t
    }

    /// [`WordTable::new`] with [`WordTable::add_name_tokens`], the lookup
    /// tables made once, at the end.
    pub(crate) fn with_name_tokens<'a, 'n>(
        given: impl IntoIterator<Item = &'a str>,
        family: impl IntoIterator<Item = &'a str>,
        tokens: impl IntoIterator<Item = (&'n str, u32, bool)>,
    ) -> WordTable {
        let mut t = WordTable::lists(given, family);
        t.mark_name_tokens(tokens);
        t.index_filter();
        t
    }

    /// The entry of `word`, made empty if new, in the table its length
    /// chooses (see [`WordTable::short`]).
    fn entry(&mut self, word: &str) -> &mut (u32, u16, u32) {
        const EMPTY: (u32, u16, u32) = (0, 0, NO_NAME);
        if (1..=7).contains(&word.len()) {
            return self
                .short
                .entry(short_key(word.as_bytes()))
                .or_insert(EMPTY);
        }
        // Looked up first: most words come more than once (the key of a
        // new entry is the only allocation).
        if self.map.contains_key(word) {
            return self.map.get_mut(word).expect("just found");
        }
        self.map.entry(Box::from(word)).or_insert(EMPTY)
    }

    /// The words of [`WordTable::new`] in `map` only.
    fn lists<'a>(
        given: impl IntoIterator<Item = &'a str>,
        family: impl IntoIterator<Item = &'a str>,
    ) -> WordTable {
        let (given, family) = (given.into_iter(), family.into_iter());
        let mut t = WordTable::default();
        t.short.reserve(given.size_hint().0 + family.size_hint().0);
        let mut add = |w: &str, bit: u32| {
            t.entry(w).0 |= bit;
        };
        let lists: [(&[&str], u32); 8] = [
            (SPORTS, W_SPORT),
            (NOT_NAMES, W_NOT_NAME),
            (tacitus_text::lexicon::sentence_starters(), W_NOT_NAME),
            (NOT_ALONE, W_NOT_ALONE),
            (PERSON_CUES, W_PERSON_CUE),
            (PLACE_WORDS, W_PLACE),
            (LOCATIVE, W_LOCATIVE),
            (GOVERNMENT_VERBS, W_GOV_VERB),
        ];
        for (list, bit) in lists {
            for w in list {
                add(w, bit);
            }
        }
        // Sports tables and their headlines are written in capitals
        // ("BASEBALL - MAJOR LEAGUE STANDINGS").
        for w in SPORTS {
            add(&w.to_ascii_uppercase(), W_SPORT);
        }
        for w in CALENDAR.iter().chain(&["I"]) {
            add(w, W_CALENDAR);
        }
        for w in CONNECTORS.iter().filter(|w| w.len() <= 4) {
            add(w, W_CONNECTOR);
        }
        for w in GOVERNMENT_HEADS {
            add(w, W_GOV_HEAD);
        }
        for w in given {
            add(w, W_GIVEN);
        }
        for w in family {
            add(w, W_FAMILY);
        }
        for (i, (w, _)) in ORG_WORDS.iter().enumerate() {
            let e = t.entry(w);
            e.0 |= W_ORG;
            e.1 = i as u16;
        }
        // Every ASCII casing of the pronouns and of "the".
        for (word, bit) in [
            ("he", W_PRONOUN),
            ("she", W_PRONOUN),
            ("his", W_PRONOUN),
            ("her", W_PRONOUN),
            ("him", W_PRONOUN),
            ("the", W_THE),
        ] {
            for mask in 0..1u32 << word.len() {
                let cased: String = word
                    .bytes()
                    .enumerate()
                    .map(|(i, b)| {
                        if mask & (1 << i) != 0 {
                            char::from(b.to_ascii_uppercase())
                        } else {
                            char::from(b)
                        }
                    })
                    .collect();
                t.entry(&cased).0 |= bit;
            }
        }
        t
    }

    /// Fills `filter` from the keys of `short` and the longer words of `map`.
    fn index_filter(&mut self) {
        let mut filter = vec![0u64; 1 << FILTER_WORDS_LOG2];
        let short = self.short.keys().copied();
        let long = self
            .map
            .keys()
            .filter(|w| w.len() > 7)
            .map(|w| long_hash(w));
        for (word, bits) in short.chain(long).map(filter_slot) {
            filter[word] |= bits;
        }
        self.filter = filter;
    }

    /// Marks the lowercase, capitalized and capitals forms of each ASCII
    /// token of the gazetteer's names (`tokens`, normalized: ASCII
    /// lowercase, with the gazetteer's id of it and whether a name starts
    /// with it) with [`W_NAME_TOKEN`], the id and, for a first token,
    /// [`W_NAME_FIRST`].
    #[cfg(test)]
    pub(crate) fn add_name_tokens<'a>(
        &mut self,
        tokens: impl IntoIterator<Item = (&'a str, u32, bool)>,
    ) {
        self.mark_name_tokens(tokens);
        self.index_filter();
    }

    /// [`WordTable::add_name_tokens`] in `map` only.
    fn mark_name_tokens<'a>(&mut self, tokens: impl IntoIterator<Item = (&'a str, u32, bool)>) {
        let tokens = tokens.into_iter();
        self.short.reserve(3 * tokens.size_hint().0);
        let mut form = String::new();
        for (s, id, first) in tokens.filter(|s| s.0.is_ascii()) {
            for casing in 0..3 {
                form.clear();
                form.push_str(s);
                match casing {
                    0 => {}
                    1 => {
                        if let Some(first) = form.get_mut(..1) {
                            first.make_ascii_uppercase();
                        }
                    }
                    _ => form.make_ascii_uppercase(),
                }
                let e = self.entry(&form);
                e.0 |= W_NAME_TOKEN;
                if first {
                    e.0 |= W_NAME_FIRST;
                }
                e.2 = id;
            }
        }
    }

    /// The bits of `word` and its `ORG_WORDS` index (0 when not one).
    #[inline]
    pub(crate) fn get(&self, word: &str) -> (u32, u16) {
        let (bits, org, _) = self.lookup(word);
        (bits, org)
    }

    /// The bits of `word`, its `ORG_WORDS` index (0 when not one) and,
    /// with [`W_NAME_TOKEN`], the gazetteer's id of its normalized form
    /// ([`NO_NAME`] without).
    #[inline]
    pub(crate) fn lookup(&self, word: &str) -> (u32, u16, u32) {
        if (1..=7).contains(&word.len()) {
            self.short.get(&short_key(word.as_bytes()))
        } else {
            self.map.get(word)
        }
        .copied()
        .unwrap_or((0, 0, NO_NAME))
    }

    /// [`WordTable::lookup`] of `word`, whose [`short_key`] is `key` if
    /// it has two to seven bytes: by that key, or by the word's own bits
    /// in the filter before the table of longer words.
    #[inline]
    pub(crate) fn lookup_word(&self, word: &str, key: Option<u64>) -> (u32, u16, u32) {
        let (hash, key) = match key {
            Some(key) => (key, Some(key)),
            None if (1..=7).contains(&word.len()) => {
                let key = short_key(word.as_bytes());
                (key, Some(key))
            }
            None => (long_hash(word), None),
        };
        if !self.filter_has(hash) {
            return (0, 0, NO_NAME);
        }
        match key {
            Some(key) => self.short.get(&key).copied(),
            None => self.map.get(word).copied(),
        }
        .unwrap_or((0, 0, NO_NAME))
    }

    /// Whether the filter's bits of `hash` (a short key or [`long_hash`])
    /// are set (else no entry has that word).
    #[inline]
    fn filter_has(&self, hash: u64) -> bool {
        let (word, bits) = filter_slot(hash);
        self.filter.get(word).is_some_and(|&w| w & bits == bits)
    }
}

/// The organization kind of an `ORG_WORDS` index from [`WordTable::get`].
pub(crate) fn org_kind_at(i: u16) -> &'static str {
    ORG_WORDS[i as usize].1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(words: &[&str]) {
        for w in words.windows(2) {
            assert!(w[0] < w[1], "not sorted or duplicated: {w:?}");
        }
    }

    #[test]
    fn word_table_agrees_with_the_lists() {
        let t = WordTable::new(["Akira"], ["Ishiba"]);
        let has = |list: &[&str], w: &str| list.binary_search(&w).is_ok();
        let org_words: Vec<&str> = ORG_WORDS.iter().map(|(w, _)| *w).collect();
        let mut all: Vec<&str> = [
            NOT_NAMES,
            NOT_ALONE,
            CALENDAR,
            SPORTS,
            CONNECTORS,
            PERSON_CUES,
            PLACE_WORDS,
            LOCATIVE,
            GOVERNMENT_VERBS,
            GOVERNMENT_HEADS,
            tacitus_text::lexicon::sentence_starters(),
            &org_words,
        ]
        .concat();
        sorted(PLACE_OF);
        // Sports words in capitals too (tables and their headlines).
        assert_ne!(t.get("BASEBALL").0 & W_SPORT, 0);
        all.extend(["I", "Akira", "Ishiba", "Zzyzx", "the", ""]);
        for w in all {
            let (bits, org) = t.get(w);
            let is = |bit: u32| bits & bit != 0;
            let starter = tacitus_text::lexicon::is_sentence_starter(w);
            assert_eq!(is(W_NOT_NAME), has(NOT_NAMES, w) || starter, "{w}");
            assert_eq!(is(W_CALENDAR), has(CALENDAR, w) || w == "I", "{w}");
            assert_eq!(is(W_NOT_ALONE), has(NOT_ALONE, w), "{w}");
            assert_eq!(is(W_SPORT), has(SPORTS, w), "{w}");
            assert_eq!(is(W_CONNECTOR), w.len() <= 4 && has(CONNECTORS, w), "{w}");
            assert_eq!(is(W_PERSON_CUE), has(PERSON_CUES, w), "{w}");
            assert_eq!(is(W_PLACE), has(PLACE_WORDS, w), "{w}");
            assert_eq!(is(W_LOCATIVE), has(LOCATIVE, w), "{w}");
            assert_eq!(is(W_GOV_VERB), has(GOVERNMENT_VERBS, w), "{w}");
            assert_eq!(is(W_GOV_HEAD), GOVERNMENT_HEADS.contains(&w), "{w}");
            assert_eq!(is(W_GIVEN), w == "Akira", "{w}");
            assert_eq!(is(W_FAMILY), w == "Ishiba", "{w}");
            assert_eq!(is(W_ORG), has(&org_words, w), "{w}");
            if is(W_ORG) {
                assert_eq!(ORG_WORDS[org as usize].0, w);
            }
        }
    }

    #[test]
    fn pronouns_the_and_name_tokens_in_any_casing() {
        let mut t = WordTable::new([], []);
        t.add_name_tokens([("trump", 0, true), ("u.s.", 1, false), ("côte", 2, true)]);
        let is = |w: &str, bit: u32| t.get(w).0 & bit != 0;
        for w in ["he", "He", "HE", "hE", "she", "sHe", "HIS", "her", "Him"] {
            assert!(is(w, W_PRONOUN), "{w}");
        }
        for w in ["the", "The", "THE", "tHe"] {
            assert!(is(w, W_THE), "{w}");
        }
        for w in ["hers", "h", "thee", "them"] {
            assert!(!is(w, W_PRONOUN) && !is(w, W_THE), "{w}");
        }
        for w in ["trump", "Trump", "TRUMP", "u.s.", "U.s.", "U.S."] {
            assert!(is(w, W_NAME_TOKEN), "{w}");
            assert_eq!(is(w, W_NAME_FIRST), w.starts_with(['t', 'T']), "{w}");
        }
        // Mixed case and non-ASCII words are left to the gazetteer.
        for w in ["tRump", "TRump", "côte", "Côte"] {
            assert!(!is(w, W_NAME_TOKEN), "{w}");
        }
    }

    #[test]
    fn lists_are_sorted() {
        sorted(NOT_NAMES);
        sorted(NOT_ALONE);
        sorted(CALENDAR);
        sorted(SPORTS);
        sorted(CONNECTORS);
        sorted(PERSON_CUES);
        sorted(PLACE_WORDS);
        sorted(LOCATIVE);
        sorted(GOVERNMENT_VERBS);
        sorted(&ORG_WORDS.iter().map(|(w, _)| *w).collect::<Vec<_>>());
    }
}
