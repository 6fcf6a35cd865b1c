//! Word lists shared by the sentence splitter and the tokenizer, in one
//! place: abbreviations that take a period, words that often start a
//! sentence, and reporting verbs.
//!
//! The splitter asks [`abbreviation_kind`] whether the word before a period
//! is an abbreviation and what kind, and [`is_sentence_starter`] whether the
//! next word makes a sentence break after an abbreviation likely ("moved to
//! the U.S. He said" splits, "the U.S. Senate" does not). The tokenizer asks
//! the same questions to keep "Corp." or "U.S." one token.
//!
//! ```
//! use tacitus_text::lexicon::{abbreviation_kind, AbbrevKind};
//!
//! assert_eq!(abbreviation_kind("Mr"), Some(AbbrevKind::Title));
//! assert_eq!(abbreviation_kind("U.S"), Some(AbbrevKind::Other));
//! assert_eq!(abbreviation_kind("Sept"), Some(AbbrevKind::Month));
//! assert_eq!(abbreviation_kind("talks"), None);
//! ```

/// How an abbreviation followed by a period behaves at a possible sentence end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AbbrevKind {
    /// A title or prefix before a name ("Mr.", "Gen.", "Sen."): never ends a
    /// sentence.
    Title,
    /// A Latin or connective abbreviation used mid-sentence ("e.g.", "i.e.",
    /// "vs."): never ends a sentence.
    Inline,
    /// Precedes a number ("No. 10", "Vol. 3", "pp. 4"): no break before a
    /// digit; otherwise the period is read as an ordinary full stop.
    Numeral,
    /// A month ("Jan.", "Sept."): no break before a digit ("Jan. 14"); before
    /// a word it behaves like [`AbbrevKind::Other`].
    Month,
    /// Any other abbreviation that may also end a sentence ("Corp.", "Inc.",
    /// "St.", "Jr.", "U.S.", "a.m.", an initial "J."): a break follows only
    /// when the next word is a frequent sentence starter.
    Other,
}

/// Abbreviations that take a period, without the final period, sorted by
/// byte order (a unit test checks it). Dotted forms ("U.S.", "a.m.", "Ph.D.")
/// are recognised by shape instead, see [`is_dotted_acronym`].
const ABBREVIATIONS: &[(&str, AbbrevKind)] = {
    use AbbrevKind::{Inline, Month, Numeral, Other, Title};
    &[
        ("Adm", Title),
        ("Ala", Other),
        ("Amb", Title),
        ("Apr", Month),
        ("Ariz", Other),
        ("Ark", Other),
        ("Art", Numeral),
        ("Assn", Other),
        ("Atty", Title),
        ("Aug", Month),
        ("Ave", Other),
        ("Bhd", Other),
        ("Blvd", Other),
        ("Brig", Title),
        ("Bros", Other),
        ("Calif", Other),
        ("Capt", Title),
        ("Cdr", Title),
        ("Ch", Numeral),
        ("Cmdr", Title),
        ("Co", Other),
        ("Col", Title),
        ("Colo", Other),
        ("Conn", Other),
        ("Corp", Other),
        ("Cos", Other),
        ("Cpl", Title),
        ("Dec", Month),
        ("Del", Other),
        ("Dept", Other),
        ("Det", Title),
        ("Dr", Title),
        ("Esq", Other),
        ("Feb", Month),
        ("Fig", Numeral),
        ("Fla", Other),
        ("Fr", Title),
        ("Ft", Other),
        ("Ga", Other),
        ("Gen", Title),
        ("Gov", Title),
        ("Govt", Other),
        ("Hon", Title),
        ("Ill", Other),
        ("Inc", Other),
        ("Ind", Other),
        ("Insp", Title),
        ("Intl", Other),
        ("Jan", Month),
        ("Jr", Other),
        ("Jul", Month),
        ("Jun", Month),
        ("Kan", Other),
        ("Ky", Other),
        ("La", Other),
        ("Lt", Title),
        ("Ltd", Other),
        ("Maj", Title),
        ("Mar", Month),
        ("Mass", Other),
        ("Md", Other),
        ("Messrs", Title),
        ("Mfg", Other),
        ("Mich", Other),
        ("Minn", Other),
        ("Miss", Other),
        ("Mlle", Title),
        ("Mme", Title),
        ("Mo", Other),
        ("Mont", Other),
        ("Mr", Title),
        ("Mrs", Title),
        ("Ms", Title),
        ("Msgr", Title),
        ("Mt", Other),
        ("Natl", Other),
        ("Neb", Other),
        ("Nev", Other),
        ("No", Numeral),
        ("Nos", Numeral),
        ("Nov", Month),
        ("Oct", Month),
        ("Okla", Other),
        ("Ore", Other),
        ("Pa", Other),
        ("Pres", Title),
        ("Prof", Title),
        ("Pte", Other),
        ("Pty", Other),
        ("Pvt", Title),
        ("Rd", Other),
        ("Rep", Title),
        ("Reps", Title),
        ("Rev", Title),
        ("Rs", Numeral),
        ("Rt", Title),
        ("Sec", Title),
        ("Sen", Title),
        ("Sens", Title),
        ("Sep", Month),
        ("Sept", Month),
        ("Sgt", Title),
        ("Sr", Other),
        ("St", Other),
        ("Supt", Title),
        ("Tenn", Other),
        ("Tex", Other),
        ("Univ", Other),
        ("Va", Other),
        ("Vol", Numeral),
        ("Vols", Numeral),
        ("Vt", Other),
        ("Wash", Other),
        ("Wis", Other),
        ("Wyo", Other),
        ("al", Other),
        ("approx", Other),
        ("cf", Inline),
        ("e.g", Inline),
        ("etc", Other),
        ("ft", Other),
        ("i.e", Inline),
        ("incl", Other),
        ("lb", Other),
        ("lbs", Other),
        ("no", Numeral),
        ("nos", Numeral),
        ("oz", Other),
        ("p", Numeral),
        ("pp", Numeral),
        ("viz", Inline),
        ("vol", Numeral),
        ("vs", Inline),
    ]
};

/// Capitalized words that often begin a sentence in news text, sorted. After
/// an [`AbbrevKind::Other`] abbreviation a break is made only before one of
/// these. Weekdays and months are left out on purpose ("3 p.m. Monday").
const SENTENCE_STARTERS: &[&str] = &[
    "A",
    "About",
    "According",
    "Across",
    "After",
    "Again",
    "Against",
    "Ahead",
    "All",
    "Also",
    "Although",
    "Amid",
    "Among",
    "An",
    "Analysts",
    "And",
    "Another",
    "Any",
    "As",
    "Asked",
    "At",
    "Authorities",
    "Because",
    "Before",
    "Both",
    "But",
    "By",
    "Critics",
    "Despite",
    "Diplomats",
    "During",
    "Each",
    "Earlier",
    "Either",
    "Even",
    "Every",
    "Experts",
    "Finally",
    "For",
    "From",
    "Further",
    "Furthermore",
    "He",
    "Her",
    "Here",
    "His",
    "How",
    "However",
    "I",
    "If",
    "In",
    "Indeed",
    "Instead",
    "Investors",
    "It",
    "Its",
    "Just",
    "Last",
    "Later",
    "Like",
    "Many",
    "Meanwhile",
    "More",
    "Moreover",
    "Most",
    "Much",
    "My",
    "Neither",
    "Nevertheless",
    "Next",
    "Nonetheless",
    "Nor",
    "Not",
    "Now",
    "Officials",
    "On",
    "Once",
    "One",
    "Only",
    "Or",
    "Other",
    "Others",
    "Our",
    "Over",
    "Protesters",
    "Residents",
    "Separately",
    "Several",
    "Shares",
    "She",
    "Since",
    "So",
    "Some",
    "Still",
    "Such",
    "That",
    "The",
    "Their",
    "Then",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "Though",
    "Thus",
    "To",
    "Today",
    "Under",
    "Unlike",
    "Until",
    "We",
    "What",
    "When",
    "Where",
    "Whether",
    "Which",
    "While",
    "Who",
    "Why",
    "With",
    "Within",
    "Without",
    "Witnesses",
    "Yesterday",
    "Yet",
    "You",
    "Your",
];

/// Verbs that attribute a quotation ("..." Tanaka asked), sorted.
const REPORTING_VERBS: &[&str] = &[
    "according",
    "acknowledged",
    "added",
    "adds",
    "admitted",
    "announced",
    "answered",
    "argued",
    "argues",
    "asked",
    "asks",
    "cautioned",
    "chanted",
    "conceded",
    "continued",
    "countered",
    "cried",
    "declared",
    "declares",
    "demanded",
    "emphasised",
    "emphasized",
    "exclaimed",
    "explained",
    "explains",
    "insisted",
    "insists",
    "joked",
    "noted",
    "notes",
    "observed",
    "pleaded",
    "posted",
    "quipped",
    "recalled",
    "remarked",
    "replied",
    "responded",
    "retorted",
    "said",
    "say",
    "says",
    "screamed",
    "shouted",
    "stated",
    "stressed",
    "stresses",
    "suggested",
    "tells",
    "told",
    "tweeted",
    "urged",
    "vowed",
    "warned",
    "warns",
    "wondered",
    "writes",
    "wrote",
    "yelled",
];

/// The kind of abbreviation `word` is when followed by a period, if any.
///
/// `word` is given without the final period ("Corp", "U.S", "a.m"). Listed
/// abbreviations match exactly, or in all capitals ("CORP"); dotted shapes
/// such as "U.S", "a.m" or "Ph.D" are [`AbbrevKind::Other`], except "e.g" and
/// "i.e" which are [`AbbrevKind::Inline`]; a single letter ("J" in
/// "J. Smith") is [`AbbrevKind::Other`].
pub fn abbreviation_kind(word: &str) -> Option<AbbrevKind> {
    if word.is_empty() {
        return None;
    }
    // Longer than every listed one and no dots: most words stop here.
    if word.len() > MAX_ABBREVIATION_LEN && !word.contains('.') {
        return None;
    }
    if let Some(k) = listed_kind(word.as_bytes()) {
        return Some(k);
    }
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return c.is_alphabetic().then_some(AbbrevKind::Other);
    }
    if let Some(k) = uppercase_kind(word) {
        return Some(k);
    }
    if is_dotted_acronym(word) {
        return Some(AbbrevKind::Other);
    }
    None
}

/// Byte length of the longest entry of [`ABBREVIATIONS`] (a unit test
/// checks it).
const MAX_ABBREVIATION_LEN: usize = 6;

/// The kind of `word` if it is listed exactly.
fn listed_kind(word: &[u8]) -> Option<AbbrevKind> {
    let i = ABBREVIATION_KEYS.binary_search(&pack(word)?).ok()?;
    ABBREVIATIONS.get(i).map(|(_, k)| *k)
}

/// A word of at most 7 bytes packed big-endian into a `u64`, zero-padded,
/// with its length in the last byte: packed words sort as the words do, so
/// one integer binary search finds an abbreviation.
const fn pack(word: &[u8]) -> Option<u64> {
    if word.len() > 7 {
        return None;
    }
    let mut key = 0u64;
    let mut i = 0;
    while i < 7 {
        key <<= 8;
        if i < word.len() {
            key |= word[i] as u64;
        }
        i += 1;
    }
    Some(key << 8 | word.len() as u64)
}

/// [`ABBREVIATIONS`] packed by [`pack`], in the same (sorted) order.
static ABBREVIATION_KEYS: [u64; ABBREVIATIONS.len()] = {
    let mut keys = [0u64; ABBREVIATIONS.len()];
    let mut i = 0;
    while i < keys.len() {
        keys[i] = match pack(ABBREVIATIONS[i].0.as_bytes()) {
            Some(k) => k,
            None => panic!("an abbreviation is longer than 7 bytes"),
        };
        i += 1;
    }
    keys
};

/// The kind of an all-capitals `word` ("CORP") whose capitalized or
/// lowercase form is listed. Every entry is one of those two forms, and the
/// capitalized one sorts first, as a case-insensitive scan would find it.
fn uppercase_kind(word: &str) -> Option<AbbrevKind> {
    let bytes = word.as_bytes();
    if bytes.len() < 2
        || bytes.len() > MAX_ABBREVIATION_LEN
        || !bytes.iter().all(u8::is_ascii_uppercase)
    {
        return None;
    }
    let mut buf = [0u8; MAX_ABBREVIATION_LEN];
    let folded = buf.get_mut(..bytes.len())?;
    folded.copy_from_slice(bytes);
    folded.get_mut(1..)?.make_ascii_lowercase();
    if let Some(k) = listed_kind(folded) {
        return Some(k);
    }
    folded.make_ascii_lowercase();
    listed_kind(folded)
}

/// Whether `word` has the dotted shape of "U.S", "a.m", "D.C" or "Ph.D":
/// at least two runs of one to three letters, separated by single periods.
/// A final period, if present, is allowed ("U.S." is accepted too).
pub fn is_dotted_acronym(word: &str) -> bool {
    let word = word.strip_suffix('.').unwrap_or(word);
    if !word.contains('.') {
        return false; // one part only
    }
    let mut parts = 0usize;
    for part in word.split('.') {
        let n = part.chars().count();
        if n == 0 || n > 3 || !part.chars().all(char::is_alphabetic) {
            return false;
        }
        parts += 1;
    }
    parts >= 2
}

/// The words [`is_sentence_starter`] knows, sorted (for callers that merge
/// them into their own tables).
pub fn sentence_starters() -> &'static [&'static str] {
    SENTENCE_STARTERS
}

/// Whether `word` is a capitalized word that often begins a sentence ("The",
/// "He", "But", "In"...). Case-sensitive: "the" and "THE" are not.
pub fn is_sentence_starter(word: &str) -> bool {
    SENTENCE_STARTERS.binary_search(&word).is_ok()
}

/// Whether `word` (lowercase) is a verb that attributes a quotation ("said",
/// "asked", "told"...).
pub fn is_reporting_verb(word: &str) -> bool {
    // Most words are ruled out by their first and last letter.
    let (Some(&first), Some(&last)) = (word.as_bytes().first(), word.as_bytes().last()) else {
        return false;
    };
    let (f, l) = (first.wrapping_sub(b'a'), last.wrapping_sub(b'a'));
    f < 26
        && l < 26
        && REPORTING_ENDS[f as usize] >> l & 1 == 1
        // "and" passes the letters: the length rules most such words out.
        && REPORTING_LENGTHS[f as usize]
            .checked_shr(word.len() as u32)
            .is_some_and(|lengths| lengths & 1 == 1)
        && REPORTING_VERBS.binary_search(&word).is_ok()
}

/// For each first letter of [`REPORTING_VERBS`], the set of their lengths
/// (bit `n` for `n` bytes; all are shorter than 32).
const REPORTING_LENGTHS: [u32; 26] = {
    let mut lengths = [0u32; 26];
    let mut i = 0;
    while i < REPORTING_VERBS.len() {
        let w = REPORTING_VERBS[i].as_bytes();
        assert!(w.len() < 32);
        lengths[(w[0] - b'a') as usize] |= 1 << w.len();
        i += 1;
    }
    lengths
};

/// For each first letter of [`REPORTING_VERBS`], the set of their last
/// letters (bit 0 for 'a').
const REPORTING_ENDS: [u32; 26] = {
    let mut ends = [0u32; 26];
    let mut i = 0;
    while i < REPORTING_VERBS.len() {
        let w = REPORTING_VERBS[i].as_bytes();
        ends[(w[0] - b'a') as usize] |= 1 << (w[w.len() - 1] - b'a');
        i += 1;
    }
    ends
};

/// Whether `word` starts with an uppercase or titlecase letter ("Ishiba",
/// "U.S.", "Élysée"). Uncased scripts and digits are not capitalized.
pub fn is_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_sorted_unique(words: &[&str]) {
        for pair in words.windows(2) {
            assert!(pair[0] < pair[1], "not sorted or duplicated: {pair:?}");
        }
    }

    #[test]
    fn lists_are_sorted_without_duplicates() {
        let abbrevs: Vec<&str> = ABBREVIATIONS.iter().map(|(w, _)| *w).collect();
        assert_sorted_unique(&abbrevs);
        assert_sorted_unique(SENTENCE_STARTERS);
        assert_sorted_unique(REPORTING_VERBS);
    }

    #[test]
    fn every_reporting_verb_passes_the_letter_filter() {
        for w in REPORTING_VERBS {
            assert!(is_reporting_verb(w), "{w}");
        }
        for w in ["the", "and", "Said", "", "s", "president"] {
            assert!(!is_reporting_verb(w), "{w}");
        }
    }

    #[test]
    fn packed_keys_keep_the_order() {
        assert!(ABBREVIATION_KEYS.windows(2).all(|w| w[0] < w[1]));
        for (w, k) in ABBREVIATIONS {
            assert_eq!(listed_kind(w.as_bytes()), Some(*k), "{w}");
        }
        assert_eq!(listed_kind(b"Corps"), None);
        assert_eq!(listed_kind(b"Mr\0"), None);
    }

    #[test]
    fn longest_entry() {
        let longest = ABBREVIATIONS.iter().map(|(w, _)| w.len()).max();
        assert_eq!(longest, Some(MAX_ABBREVIATION_LEN));
    }

    #[test]
    fn uppercase_forms_match_a_case_insensitive_scan() {
        for (w, _) in ABBREVIATIONS {
            let upper = w.to_ascii_uppercase();
            if !upper.bytes().all(|b| b.is_ascii_uppercase()) || upper.len() < 2 {
                continue;
            }
            let scan = ABBREVIATIONS
                .iter()
                .find(|(x, _)| x.eq_ignore_ascii_case(&upper))
                .map(|(_, k)| *k);
            assert_eq!(uppercase_kind(&upper), scan, "{upper}");
        }
        assert_eq!(uppercase_kind("CORPS"), None);
    }

    #[test]
    fn no_entry_has_a_final_period() {
        assert!(ABBREVIATIONS.iter().all(|(w, _)| !w.ends_with('.')));
    }

    #[test]
    fn kinds() {
        assert_eq!(abbreviation_kind("Gen"), Some(AbbrevKind::Title));
        assert_eq!(abbreviation_kind("Corp"), Some(AbbrevKind::Other));
        assert_eq!(abbreviation_kind("CORP"), Some(AbbrevKind::Other));
        assert_eq!(abbreviation_kind("No"), Some(AbbrevKind::Numeral));
        assert_eq!(abbreviation_kind("Jan"), Some(AbbrevKind::Month));
        assert_eq!(abbreviation_kind("e.g"), Some(AbbrevKind::Inline));
        assert_eq!(abbreviation_kind("vs"), Some(AbbrevKind::Inline));
        assert_eq!(abbreviation_kind("a.m"), Some(AbbrevKind::Other));
        assert_eq!(abbreviation_kind("Ph.D"), Some(AbbrevKind::Other));
        assert_eq!(abbreviation_kind("J"), Some(AbbrevKind::Other));
        assert_eq!(abbreviation_kind("Amazon.com"), None);
        assert_eq!(abbreviation_kind("talks"), None);
        assert_eq!(abbreviation_kind("corp"), None);
        assert_eq!(abbreviation_kind(""), None);
        assert_eq!(abbreviation_kind("7"), None);
    }

    #[test]
    fn dotted_shapes() {
        assert!(is_dotted_acronym("U.S"));
        assert!(is_dotted_acronym("U.S."));
        assert!(is_dotted_acronym("U.S.A"));
        assert!(!is_dotted_acronym("US"));
        assert!(!is_dotted_acronym("example.com"));
        assert!(!is_dotted_acronym("3.5"));
        assert!(!is_dotted_acronym("U..S"));
        assert!(!is_dotted_acronym("."));
    }

    #[test]
    fn starters_and_verbs() {
        assert!(is_sentence_starter("The"));
        assert!(!is_sentence_starter("the"));
        assert!(!is_sentence_starter("Senate"));
        assert!(!is_sentence_starter("Monday"));
        assert!(is_reporting_verb("asked"));
        assert!(!is_reporting_verb("walked"));
    }

    #[test]
    fn capitalized() {
        assert!(is_capitalized("Ishiba"));
        assert!(is_capitalized("Élysée"));
        assert!(!is_capitalized("ishiba"));
        assert!(!is_capitalized("1990s"));
        assert!(!is_capitalized(""));
    }
}
