//! The `quotes` stage: direct quotations in straight or curly double quotes
//! (also when split by "he said"), each with its speaker: the person (or,
//! failing one, the organization) named next to a reporting verb right
//! after or right before the quote, pronouns resolved by the actors stage.
//!
//! Reads `sentences`, `entities`; writes `quotes`. A short quoted phrase
//! (fewer than four words) is a quotation only when it has a speaker and a
//! lowercase word: "condemned the attack as a "heinous act"" is the
//! subject's words; slogans and names ("America First") are not quotations.

use tacitus_text::is_capitalized;
use tacitus_text::lexicon::is_reporting_verb;

use crate::document::{Document, EntityKind, Quote};
use crate::pipeline::{Layer, Stage, StageError};

/// Words a quotation has at least.
const MIN_WORDS: usize = 4;
/// How far (bytes) from the quote the speaker and the reporting verb may stand.
const REACH: usize = 80;

/// Finds quotations and their speakers.
#[derive(Debug, Default)]
pub struct Quotes;

impl Quotes {
    /// The stage.
    pub fn new() -> Self {
        Quotes
    }
}

impl Stage for Quotes {
    fn name(&self) -> &'static str {
        "quotes"
    }

    fn requires(&self) -> &'static [Layer] {
        &[Layer::Sentences, Layer::Entities]
    }

    fn assigns(&self) -> &'static [Layer] {
        &[Layer::Quotes]
    }

    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        let spans = quoted_spans(doc.text());
        let mut quotes = Vec::new();
        for (start, end) in spans {
            let inner = &doc.text()[start..end];
            let speaker = if inner.split_whitespace().count() >= MIN_WORDS {
                speaker(doc, start, end).or_else(|| subject_before(doc, start))
            } else if inner
                .split_whitespace()
                .any(|w| w.starts_with(char::is_lowercase))
            {
                let found = subject_before(doc, start).or_else(|| speaker(doc, start, end));
                if found.is_none() {
                    continue;
                }
                found
            } else {
                continue;
            };
            let m = doc.mention(start..end);
            quotes.push(Quote {
                start: m.start,
                end: m.end,
                text: m.text,
                speaker,
            });
        }
        doc.quotes = quotes;
        Ok(())
    }
}

/// Byte ranges of the text inside double quotes. Curly quotes pair by
/// direction; straight ones pair in order within a paragraph, so an
/// unclosed quote never swallows the rest of the article.
fn quoted_spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match c {
            '\n' => open = None,
            '“' | '„' => open = Some(i + c.len_utf8()),
            '”' => {
                if let Some(s) = open.take() {
                    out.push((s, i));
                }
            }
            '"' => match open.take() {
                Some(s) => out.push((s, i)),
                None => open = Some(i + 1),
            },
            _ => {}
        }
    }
    out.into_iter()
        .map(|(s, e)| {
            // Trim spaces and a closing comma inside the quote.
            let inner = &text[s..e];
            let lead = inner.len() - inner.trim_start().len();
            let trimmed = inner.trim_end().trim_end_matches(',');
            (s + lead, s + trimmed.trim_end().len())
        })
        .filter(|(s, e)| s < e)
        .collect()
}

/// The subject whose words a partial quotation before `start` (bytes)
/// gives: the last person of its sentence with a reporting verb between
/// them ("Murillo later said the government had "overcome the impasse""),
/// else the sentence's first person ("Farmajo condemned the attack as a
/// "heinous act"").
fn subject_before(doc: &Document, start: usize) -> Option<String> {
    let text = doc.text();
    let sentence = doc
        .sentences
        .iter()
        .map(|s| doc.byte_range(*s))
        .find(|r| r.start <= start && start < r.end)?;
    let people: Vec<(std::ops::Range<usize>, &str)> = doc
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .flat_map(|e| {
            e.mentions.iter().map(move |m| {
                (
                    doc.byte_range(crate::Span::new(m.start, m.end)),
                    e.id.as_str(),
                )
            })
        })
        .filter(|(r, _)| r.start >= sentence.start && r.end <= start)
        .collect();
    let reporting = people
        .iter()
        .filter(|(r, _)| text.get(r.end..start).and_then(reporting_verb).is_some())
        .max_by_key(|(r, _)| r.start);
    let first = people.iter().min_by_key(|(r, _)| r.start);
    reporting.or(first).map(|(_, id)| id.to_string())
}

/// The speaker of the quote at `start..end` (bytes): an entity mentioned
/// within reach after the quote, else before it, next to a reporting verb.
fn speaker(doc: &Document, start: usize, end: usize) -> Option<String> {
    let text = doc.text();
    let close = text[end..]
        .char_indices()
        .find(|&(_, c)| c == '"' || c == '”')
        .map_or(end, |(i, c)| end + i + c.len_utf8());
    let open = text[..start]
        .char_indices()
        .rev()
        .find(|&(_, c)| c == '"' || c == '“')
        .map_or(start, |(i, _)| i);
    let sentences: Vec<std::ops::Range<usize>> =
        doc.sentences.iter().map(|s| doc.byte_range(*s)).collect();
    let sentence_of = |byte: usize| {
        sentences
            .iter()
            .position(|r| r.start <= byte && byte < r.end)
    };
    let after = close..floor(text, close + REACH);
    let before = floor(text, open.saturating_sub(REACH))..open;
    let closing_sentence = sentence_of(end.saturating_sub(1));
    for (window, is_after) in [(after, true), (before, false)] {
        let Some(words) = text.get(window.clone()) else {
            continue;
        };
        // The reporting verb of the window, and the speaker next to it
        // ("Iwaya stated", "said Iwaya", "he warned").
        let Some(verb) =
            reporting_verb(words).map(|r| r.start + window.start..r.end + window.start)
        else {
            continue;
        };
        let verb_sentence = sentence_of(verb.start);
        // After the quote, only a verb of the sentence the quote closes in
        // ("…," he said): the next sentence is someone else's statement.
        if is_after && verb_sentence != closing_sentence {
            continue;
        }
        let mut best: Option<(usize, &str, bool)> = None;
        for e in &doc.entities {
            let person = e.kind == EntityKind::Person;
            let speaks = matches!(
                e.kind,
                EntityKind::Organization
                    | EntityKind::Government
                    | EntityKind::Igo
                    | EntityKind::Country
            );
            if !person && !speaks {
                continue;
            }
            for m in &e.mentions {
                let r = doc.byte_range(crate::Span::new(m.start, m.end));
                if r.start < window.start || r.end > window.end {
                    continue;
                }
                // In the verb's sentence, with no quote between them; not a
                // possessor ("said Banton's mother").
                if sentence_of(r.start) != verb_sentence {
                    continue;
                }
                let (a, b) = if r.end <= verb.start {
                    (r.end, verb.start)
                } else {
                    (verb.end, r.start.max(verb.end))
                };
                let between = text.get(a..b).unwrap_or("\"");
                let possessor = text[r.end..].starts_with("'s") || text[r.end..].starts_with("’s");
                if possessor || between.contains(['"', '“', '”']) {
                    continue;
                }
                let distance = b - a;
                let better = match best {
                    None => true,
                    Some((d, _, p)) => (person && !p) || (person == p && distance < d),
                };
                // A body speaks only right next to its verb ("Tokyo said").
                let near = person || (distance <= 2 && is_capitalized(&m.text));
                if better && near {
                    best = Some((distance, e.id.as_str(), person));
                }
            }
        }
        if let Some((_, id, _)) = best {
            return Some(id.to_string());
        }
    }
    None
}

/// The byte range of the first reporting verb in `words`.
fn reporting_verb(words: &str) -> Option<std::ops::Range<usize>> {
    let mut start = None;
    for (i, c) in words.char_indices().chain([(words.len(), ' ')]) {
        if c.is_alphanumeric() {
            start.get_or_insert(i);
        } else if let Some(s) = start.take()
            && is_reporting_verb_any_case(&words[s..i])
        {
            return Some(s..i);
        }
    }
    None
}

/// [`is_reporting_verb`] for a word in any case; lowercases only when it must.
fn is_reporting_verb_any_case(word: &str) -> bool {
    if word.bytes().any(|b| b.is_ascii_uppercase()) || !word.is_ascii() {
        is_reporting_verb(&word.to_lowercase())
    } else {
        is_reporting_verb(word)
    }
}

/// The largest char boundary of `text` at or below `i`.
fn floor(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}
