//! Event dictionaries (`docs/verbs.md`): verb and noun patterns
//! (`verbs*.tsv`) → CAMEO codes, irregular inflections (`inflections.tsv`)
//! and modality cues (`modality.tsv`), parsed into a form the event coder
//! matches word by word.
//!
//! Every literal word of a pattern or cue matches its inflections: the
//! irregular forms of `inflections.tsv`, else the regular ones (`-s`, `-es`,
//! `-ies`, `-ed`, `-d`, `-ied`, `-ing`). Nouns get their plural the same way.
//!
//! ```
//! use tacitus_dict::verbs::{Element, VerbDictionary};
//!
//! let dict = VerbDictionary::builtin();
//! assert!(dict.forms("meet").contains(&"met".to_string()));
//! assert!(dict.forms("visit").contains(&"visited".to_string()));
//! let p = VerbDictionary::parse_patterns("my.tsv", "042\tSOURCE visit TARGET\tKato visited Peru.\n").unwrap();
//! assert_eq!(p[0].elements[0], Element::Source);
//! ```

use std::collections::HashMap;
use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::tsv::{data_lines, fields, max_lines};
use crate::{Error, ErrorKind};

/// One element of a pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Element {
    /// The actor who acts.
    Source,
    /// The actor acted upon.
    Target,
    /// The possessive clitic `'s`.
    Possessive,
    /// One word out of `lemmas` (a choice `{a|b}` has several), matched in
    /// any inflection; `optional` for `[word]`.
    Word {
        /// The lemmas, lowercase.
        lemmas: Vec<String>,
        /// Whether the word may be absent.
        optional: bool,
    },
}

/// A verb or noun pattern and the code it gives.
#[derive(Debug, Clone, PartialEq)]
pub struct Pattern {
    /// CAMEO event code.
    pub code: String,
    /// The pattern as written.
    pub text: String,
    /// Its elements, in order.
    pub elements: Vec<Element>,
    /// Also codes the passive ("TARGET was VERBed by SOURCE").
    pub passive: bool,
    /// `file:line`, the rule id events carry.
    pub rule: String,
    /// The example sentence, in which the pattern must fire.
    pub example: Option<String>,
}

/// How an event stands, as a modality cue says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CueModality {
    /// Scheduled, set, expected.
    Planned,
    /// Wanted, hoped for.
    Intended,
    /// Could, may, might.
    Possible,
    /// Not, never, refused to.
    Negated,
}

/// A modality cue: words (lemmas) that, before or after a predicate, set its modality.
#[derive(Debug, Clone, PartialEq)]
pub struct Cue {
    /// The cue's words, lowercase lemmas.
    pub words: Vec<String>,
    /// The modality it gives.
    pub modality: CueModality,
    /// True when the cue follows the predicate ("set for").
    pub after: bool,
}

/// The event dictionaries: patterns, inflections and cues.
#[derive(Debug, Clone, Default)]
pub struct VerbDictionary {
    /// Every pattern; user patterns first, so they win.
    pub patterns: Vec<Pattern>,
    /// Modality cues.
    pub cues: Vec<Cue>,
    irregular: FxHashMap<String, Inflections>,
    /// Every irregular past tense and past participle.
    pasts: PastForms,
}

/// The forms of a lemma with irregular inflections.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Inflections {
    /// Every form, the lemma first.
    pub forms: Vec<String>,
    /// The past participles ("met", "shaken").
    pub participles: Vec<String>,
    /// The past tense forms ("met", "shook").
    pub pasts: Vec<String>,
}

/// The past tenses and past participles: the irregular ones of
/// `inflections.tsv` ("met", "held", "shook") and every "-ed" form.
#[derive(Debug, Clone, Default)]
pub struct PastForms(FxHashSet<String>);

impl PastForms {
    /// Whether a lowercase word is a past tense or past participle.
    pub fn contains(&self, word: &str) -> bool {
        word.ends_with("ed") || self.0.contains(word)
    }
}

static BUILTIN: LazyLock<VerbDictionary> = LazyLock::new(|| {
    let mut dict = VerbDictionary::default();
    // All the patterns in one list made at its size.
    let lines = (crate::BUILTIN_FILES.iter())
        .filter(|(name, _)| name.starts_with("verbs"))
        .map(|(_, text)| max_lines(text))
        .sum();
    dict.patterns.reserve_exact(lines);
    for (name, text) in crate::BUILTIN_FILES {
        let result = if name.starts_with("verbs") {
            VerbDictionary::parse_patterns(name, text).map(|p| dict.patterns.extend(p))
        } else if name.starts_with("inflections") {
            VerbDictionary::parse_inflections(name, text).map(|m| dict.irregular.extend(m))
        } else if name.starts_with("modality") {
            VerbDictionary::parse_cues(name, text).map(|c| dict.cues.extend(c))
        } else {
            Ok(())
        };
        result.expect("built-in event dictionaries are checked by tests");
    }
    dict.pasts = PastForms(
        (dict.irregular.values())
            .flat_map(|i| i.pasts.iter().chain(&i.participles))
            .cloned()
            .collect(),
    );
    dict
});

impl VerbDictionary {
    /// The built-in dictionaries, parsed once.
    pub fn builtin() -> &'static VerbDictionary {
        &BUILTIN
    }

    /// The built-in dictionaries with a user's pattern files first (theirs win).
    pub fn with_user_patterns(files: &[(String, String)]) -> Result<VerbDictionary, Error> {
        let mut dict = Self::builtin().clone();
        let mut user = Vec::new();
        for (name, text) in files {
            user.extend(Self::parse_patterns(name, text)?);
        }
        user.append(&mut dict.patterns);
        dict.patterns = user;
        Ok(dict)
    }

    /// Parses a `verbs*.tsv` file.
    pub fn parse_patterns(file: &str, text: &str) -> Result<Vec<Pattern>, Error> {
        let mut out = Vec::with_capacity(max_lines(text));
        for (i, line) in data_lines(text) {
            let f = fields(file, i, line, &["code", "pattern", "example"])?;
            let err = |field, kind, message: String| Error {
                file: file.to_string(),
                line: i + 1,
                field: Some(field),
                kind,
                message,
            };
            let code = f[0];
            if !(2..=4).contains(&code.len()) || !code.bytes().all(|b| b.is_ascii_digit()) {
                return Err(err(
                    "code",
                    ErrorKind::BadCode,
                    format!("expected a CAMEO code of 2 to 4 digits, found {code:?}"),
                ));
            }
            let mut passive = false;
            let mut elements = Vec::new();
            for word in f[1].split_whitespace() {
                let element = match word {
                    "SOURCE" => Element::Source,
                    "TARGET" => Element::Target,
                    "'s" => Element::Possessive,
                    "+passive" => {
                        passive = true;
                        continue;
                    }
                    w => {
                        let (optional, inner) =
                            match w.strip_prefix('[').and_then(|w| w.strip_suffix(']')) {
                                Some(inner) => (true, inner),
                                None => (false, w),
                            };
                        let inner = inner
                            .strip_prefix('{')
                            .and_then(|w| w.strip_suffix('}'))
                            .unwrap_or(inner);
                        let lemmas: Vec<String> = inner.split('|').map(lowercase).collect();
                        if lemmas
                            .iter()
                            .any(|l| l.is_empty() || l.contains(['[', ']', '{', '}']))
                        {
                            return Err(err(
                                "pattern",
                                ErrorKind::BadKind,
                                format!("cannot read the pattern word {w:?}"),
                            ));
                        }
                        Element::Word { lemmas, optional }
                    }
                };
                elements.push(element);
            }
            let has_slot = elements
                .iter()
                .any(|e| matches!(e, Element::Source | Element::Target));
            let has_word = elements.iter().any(|e| {
                matches!(
                    e,
                    Element::Word {
                        optional: false,
                        ..
                    }
                )
            });
            if !has_slot || !has_word {
                return Err(err(
                    "pattern",
                    ErrorKind::Empty,
                    format!(
                        "expected a SOURCE or TARGET slot and a word, found {:?}",
                        f[1]
                    ),
                ));
            }
            out.push(Pattern {
                code: code.to_string(),
                text: f[1].to_string(),
                elements,
                passive,
                rule: rule_id(file, i + 1),
                example: (f[2] != "-" && !f[2].is_empty()).then(|| f[2].to_string()),
            });
        }
        Ok(out)
    }

    /// Parses an `inflections.tsv` file: lemma → its forms.
    pub fn parse_inflections(
        file: &str,
        text: &str,
    ) -> Result<HashMap<String, Inflections>, Error> {
        let mut out = HashMap::new();
        for (i, line) in data_lines(text) {
            let f = fields(
                file,
                i,
                line,
                &["lemma", "third_person", "past", "past_participle", "gerund"],
            )?;
            let mut forms = vec![f[0].to_lowercase()];
            for field in &f[1..] {
                forms.extend(
                    field
                        .split('|')
                        .filter(|w| *w != "-")
                        .map(str::to_lowercase),
                );
            }
            forms.dedup();
            let column = |field: &str| {
                field
                    .split('|')
                    .filter(|w| *w != "-")
                    .map(str::to_lowercase)
                    .collect()
            };
            let (pasts, participles) = (column(f[2]), column(f[3]));
            out.insert(
                f[0].to_lowercase(),
                Inflections {
                    forms,
                    participles,
                    pasts,
                },
            );
        }
        Ok(out)
    }

    /// Parses a `modality.tsv` file.
    pub fn parse_cues(file: &str, text: &str) -> Result<Vec<Cue>, Error> {
        let mut out = Vec::with_capacity(max_lines(text));
        for (i, line) in data_lines(text) {
            let f = fields(file, i, line, &["cue", "modality", "position"])?;
            let err = |field, message: String| Error {
                file: file.to_string(),
                line: i + 1,
                field: Some(field),
                kind: ErrorKind::BadKind,
                message,
            };
            let modality = match f[1] {
                "planned" => CueModality::Planned,
                "intended" => CueModality::Intended,
                "possible" => CueModality::Possible,
                "negated" => CueModality::Negated,
                other => {
                    return Err(err(
                        "modality",
                        format!("expected planned, intended, possible or negated, found {other:?}"),
                    ));
                }
            };
            let after = match f[2] {
                "before" => false,
                "after" => true,
                other => {
                    return Err(err(
                        "position",
                        format!("expected before or after, found {other:?}"),
                    ));
                }
            };
            out.push(Cue {
                words: f[0].split_whitespace().map(str::to_lowercase).collect(),
                modality,
                after,
            });
        }
        Ok(out)
    }

    /// Every surface form of a lemma: its irregular forms, else the regular
    /// inflections (which also give a noun's plural).
    pub fn forms(&self, lemma: &str) -> Vec<String> {
        if let Some(irregular) = self.irregular.get(lemma) {
            return irregular.forms.clone();
        }
        regular_forms(lemma)
    }

    /// Calls `f` with each of [`VerbDictionary::forms`] of `lemma`, in the
    /// same order, with no `String` for each (start-up takes the forms of
    /// every word of every pattern).
    pub fn for_each_form(&self, lemma: &str, mut f: impl FnMut(&str)) {
        match self.irregular.get(lemma) {
            Some(irregular) => irregular.forms.iter().for_each(|w| f(w)),
            None => for_each_regular_form(lemma, f),
        }
    }

    /// The past tenses and participles of the dictionary's verbs.
    pub fn past_forms(&self) -> &PastForms {
        &self.pasts
    }

    /// The past participles of a verb ("met", "visited"): what a passive
    /// ("was visited by") is made of.
    pub fn participles(&self, lemma: &str) -> Vec<String> {
        if let Some(irregular) = self.irregular.get(lemma) {
            return irregular.participles.clone();
        }
        regular_forms(lemma)
            .into_iter()
            .filter(|f| f.ends_with("ed") && f != lemma)
            .collect()
    }
}

/// `s.to_lowercase()`, with no second pass for an ASCII word.
fn lowercase(s: &str) -> String {
    if s.is_ascii() {
        let mut out = s.to_string();
        out.make_ascii_lowercase();
        out
    } else {
        s.to_lowercase()
    }
}

/// A pattern's rule id: its file and line.
fn rule_id(file: &str, line: usize) -> String {
    use std::fmt::Write;
    // Made at its size, not by `format!` (which grows its string): start-up
    // makes one for each of some 2,900 patterns.
    let mut id = String::with_capacity(file.len() + 1 + 6);
    id.push_str(file);
    id.push(':');
    write!(id, "{line}").expect("a String takes any text");
    id
}

/// The regular inflections of an English verb (or plural of a noun).
fn regular_forms(lemma: &str) -> Vec<String> {
    let mut out = Vec::with_capacity(4);
    for_each_regular_form(lemma, |w| out.push(w.to_string()));
    out
}

/// Calls `f` with the lemma, then each of its regular inflections (see
/// [`regular_forms`]), each made in one buffer.
fn for_each_regular_form(lemma: &str, mut f: impl FnMut(&str)) {
    f(lemma);
    // Multi-letter tokens only; "'s", numbers and the like stay as they are.
    if lemma.chars().count() < 2 || !lemma.chars().all(|c| c.is_alphabetic() || c == '-') {
        return;
    }
    let ends = |s: &str| lemma.ends_with(s);
    let stem = |n: usize| &lemma[..lemma.len() - n];
    let vowel = |c: char| "aeiou".contains(c);
    let before_last = lemma.chars().rev().nth(1).unwrap_or('a');
    let mut buf = String::with_capacity(lemma.len() + 3);
    let mut form = |stem: &str, suffix: &str| {
        buf.clear();
        buf.push_str(stem);
        buf.push_str(suffix);
        f(&buf);
    };
    if ends("y") && !vowel(before_last) {
        form(stem(1), "ies");
        form(stem(1), "ied");
        form(lemma, "ing");
    } else if ends("s") || ends("x") || ends("z") || ends("ch") || ends("sh") {
        form(lemma, "es");
        form(lemma, "ed");
        form(lemma, "ing");
    } else if ends("e") {
        form(lemma, "s");
        form(lemma, "d");
        if !ends("ee") {
            form(stem(1), "ing");
        } else {
            form(lemma, "ing");
        }
    } else {
        form(lemma, "s");
        form(lemma, "ed");
        form(lemma, "ing");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_event_dictionaries_parse() {
        let d = VerbDictionary::builtin();
        assert!(d.patterns.len() >= 1500, "{} patterns", d.patterns.len());
        assert!(d.cues.len() >= 100);
        let table = crate::cameo::CameoTable::builtin();
        for p in &d.patterns {
            assert!(
                table.get(&p.code).is_some(),
                "{}: unknown code {}",
                p.rule,
                p.code
            );
        }
    }

    #[test]
    fn participles_are_the_passive_forms() {
        let d = VerbDictionary::builtin();
        assert_eq!(d.participles("visit"), vec!["visited"]);
        assert_eq!(d.participles("agree"), vec!["agreed"]);
        assert_eq!(d.participles("deny"), vec!["denied"]);
        assert_eq!(d.participles("meet"), vec!["met"]);
        assert!(d.participles("shake").contains(&"shaken".to_string()));
    }

    #[test]
    fn every_root_has_patterns() {
        let d = VerbDictionary::builtin();
        for root in 1..=20 {
            let root = format!("{root:02}");
            assert!(
                d.patterns.iter().any(|p| p.code.starts_with(&root)),
                "root {root}"
            );
        }
    }

    #[test]
    fn inflections() {
        let d = VerbDictionary::builtin();
        for (lemma, form) in [
            ("visit", "visited"),
            ("urge", "urging"),
            ("meet", "met"),
            ("ban", "banned"),
            ("carry", "carried"),
            ("talk", "talks"),
            ("impose", "imposes"),
            ("be", "was"),
        ] {
            assert!(d.forms(lemma).iter().any(|f| f == form), "{lemma} → {form}");
        }
    }

    #[test]
    fn rule_ids_are_file_and_line() {
        for line in [1, 9, 10, 99, 100, 1234, 20_000] {
            assert_eq!(rule_id("verbs.tsv", line), format!("verbs.tsv:{line}"));
        }
        assert_eq!(lowercase("Visit"), "visit");
        assert_eq!(lowercase("ÉTATS"), "états");
    }

    #[test]
    fn pattern_syntax() {
        let p = VerbDictionary::parse_patterns(
            "u.tsv",
            "163\tSOURCE impose {tariffs|sanctions} [new] on TARGET +passive\tx\n",
        )
        .unwrap();
        let p = &p[0];
        assert!(p.passive);
        assert_eq!(p.rule, "u.tsv:1");
        assert_eq!(
            p.elements[2],
            Element::Word {
                lemmas: vec!["tariffs".into(), "sanctions".into()],
                optional: false
            }
        );
        assert_eq!(
            p.elements[3],
            Element::Word {
                lemmas: vec!["new".into()],
                optional: true
            }
        );
        let err = VerbDictionary::parse_patterns("u.tsv", "# c\n042\tvisit\tx\n").unwrap_err();
        assert_eq!((err.line, err.field), (2, Some("pattern")));
        let err = VerbDictionary::parse_patterns("u.tsv", "42x\tSOURCE visit\tx\n").unwrap_err();
        assert_eq!(err.field, Some("code"));
    }
}
