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
    "April",
    "Are",
    "Around",
    "As",
    "At",
    "Aug",
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
    "February",
    "Few",
    "Finally",
    "First",
    "Following",
    "For",
    "Four",
    "Fri",
    "Friday",
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
    "January",
    "Jul",
    "July",
    "Jun",
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
    "March",
    "May",
    "Maybe",
    "Me",
    "Meanwhile",
    "Men",
    "Mon",
    "Monday",
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
    "November",
    "Now",
    "Oct",
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
    "Saturday",
    "Second",
    "Sep",
    "Sept",
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
    "Thursday",
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
    "Tuesday",
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
    "Wednesday",
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
    "Gulf",
    "Harbour",
    "Heights",
    "Highlands",
    "Hills",
    "Island",
    "Islands",
    "Lake",
    "Mount",
    "Mountain",
    "Mountains",
    "Mt.",
    "Ocean",
    "Oval",
    "Peninsula",
    "Plain",
    "Plains",
    "Plateau",
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

/// A small, fast hasher (FxHash) for the short strings the stage looks up
/// per token; SipHash's DoS resistance buys nothing here.
#[derive(Default, Clone, Copy)]
pub(crate) struct Fx(u64);

impl std::hash::Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.write(&[i]);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// A `HashSet` / `HashMap` hasher built on [`Fx`].
pub(crate) type FxBuild = std::hash::BuildHasherDefault<Fx>;

/// Which lists a word is in: one hash lookup per word instead of a binary
/// search per list (the stage asks several per capitalized word).
const IN_NOT_NAMES: u16 = 1;
const IN_NOT_ALONE: u16 = 2;
const IN_CONNECTORS: u16 = 4;
const IN_PERSON_CUES: u16 = 8;
const IN_ORG_WORDS: u16 = 16;
const IN_PLACE_WORDS: u16 = 32;
const IN_LOCATIVE: u16 = 64;
const IN_GOVERNMENT_VERBS: u16 = 128;
const IN_CALENDAR: u16 = 256;

/// Days and months (and their abbreviations): capitalized anywhere, never names.
const CALENDAR: &[&str] = &[
    "Apr",
    "April",
    "Aug",
    "August",
    "Dec",
    "December",
    "Feb",
    "February",
    "Fri",
    "Friday",
    "Jan",
    "January",
    "Jul",
    "July",
    "Jun",
    "June",
    "Mar",
    "March",
    "May",
    "Mon",
    "Monday",
    "Nov",
    "November",
    "Oct",
    "October",
    "Sat",
    "Saturday",
    "Sep",
    "Sept",
    "September",
    "Sun",
    "Sunday",
    "Thu",
    "Thursday",
    "Tue",
    "Tuesday",
    "Wed",
    "Wednesday",
];

/// Word → (list bits, index into `ORG_WORDS` when it is an organization keyword).
static WORDS: std::sync::LazyLock<std::collections::HashMap<&'static str, (u16, u16), FxBuild>> =
    std::sync::LazyLock::new(|| {
        let mut map: std::collections::HashMap<&'static str, (u16, u16), FxBuild> =
            std::collections::HashMap::default();
        let lists: [(&[&'static str], u16); 8] = [
            (NOT_NAMES, IN_NOT_NAMES),
            (NOT_ALONE, IN_NOT_ALONE),
            (CONNECTORS, IN_CONNECTORS),
            (PERSON_CUES, IN_PERSON_CUES),
            (PLACE_WORDS, IN_PLACE_WORDS),
            (LOCATIVE, IN_LOCATIVE),
            (GOVERNMENT_VERBS, IN_GOVERNMENT_VERBS),
            (CALENDAR, IN_CALENDAR),
        ];
        for (list, bit) in lists {
            for w in list {
                map.entry(*w).or_default().0 |= bit;
            }
        }
        for (i, (w, _)) in ORG_WORDS.iter().enumerate() {
            let e = map.entry(*w).or_default();
            e.0 |= IN_ORG_WORDS;
            e.1 = i as u16;
        }
        map
    });

#[inline]
fn bits(word: &str) -> (u16, u16) {
    WORDS.get(word).copied().unwrap_or((0, 0))
}

/// A capitalized word that is not a name by itself.
pub(crate) fn is_not_name(word: &str) -> bool {
    bits(word).0 & IN_NOT_NAMES != 0 || tacitus_text::lexicon::is_sentence_starter(word)
}

/// Days and months (and "I"): capitalized anywhere, never names.
pub(crate) fn is_calendar(word: &str) -> bool {
    bits(word).0 & IN_CALENDAR != 0 || word == "I"
}

/// A word that is not a name by itself but may be part of one.
pub(crate) fn is_not_alone(word: &str) -> bool {
    bits(word).0 & IN_NOT_ALONE != 0
}

/// A lowercase word that may sit inside a name.
pub(crate) fn is_connector(word: &str) -> bool {
    word.len() <= 4 && bits(word).0 & IN_CONNECTORS != 0
}

/// A word before a name that makes it a person.
pub(crate) fn is_person_cue(word: &str) -> bool {
    bits(word).0 & IN_PERSON_CUES != 0
}

/// The organization kind a keyword gives.
pub(crate) fn org_word(word: &str) -> Option<&'static str> {
    let (b, i) = bits(word);
    (b & IN_ORG_WORDS != 0).then(|| ORG_WORDS[i as usize].1)
}

/// A keyword that makes a name a place.
pub(crate) fn is_place_word(word: &str) -> bool {
    bits(word).0 & IN_PLACE_WORDS != 0
}

/// A preposition of place.
pub(crate) fn is_locative(word: &str) -> bool {
    bits(word).0 & IN_LOCATIVE != 0
}

/// A verb after a capital that makes it the government.
pub(crate) fn is_government_verb(word: &str) -> bool {
    bits(word).0 & IN_GOVERNMENT_VERBS != 0
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
    fn lists_are_sorted() {
        sorted(NOT_NAMES);
        sorted(NOT_ALONE);
        sorted(CALENDAR);
        sorted(CONNECTORS);
        sorted(PERSON_CUES);
        sorted(PLACE_WORDS);
        sorted(LOCATIVE);
        sorted(GOVERNMENT_VERBS);
        sorted(&ORG_WORDS.iter().map(|(w, _)| *w).collect::<Vec<_>>());
    }
}
