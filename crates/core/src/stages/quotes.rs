//! The `quotes` stage: direct quotations in straight or curly double quotes
//! (also when split by "he said"), each with its speaker: the person (or,
//! failing one, the organization) named next to a reporting verb right
//! after or right before the quote, pronouns resolved by the actors stage.
//!
//! Reads `sentences`, `entities`; writes `quotes`. A short quoted phrase
//! (fewer than four words) is a quotation only when it has a speaker and a
//! lowercase word: "condemned the attack as a "heinous act"" is the
//! subject's words; slogans and names ("America First") are not quotations.

use std::ops::Range;

use tacitus_text::lexicon::is_reporting_verb;
use tacitus_text::{ascii_word_end, is_capitalized};

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
        if spans.is_empty() {
            doc.quotes = Vec::new();
            return Ok(());
        }
        let layout = Layout::new(doc);
        let mut quotes = Vec::new();
        for (start, end) in spans {
            let inner = &doc.text()[start..end];
            // At least MIN_WORDS words: counted no further.
            let speaker = if inner.split_whitespace().nth(MIN_WORDS - 1).is_some() {
                speaker(doc, &layout, start, end).or_else(|| subject_before(doc, &layout, start))
            } else if inner
                .split_whitespace()
                .any(|w| w.starts_with(char::is_lowercase))
            {
                let found = subject_before(doc, &layout, start)
                    .or_else(|| speaker(doc, &layout, start, end));
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

/// The document's sentences and speaker mentions as byte ranges, computed
/// once for all its quotes.
struct Layout {
    /// Sentences, in text order.
    sentences: Vec<Range<usize>>,
    /// Mentions of people and of bodies that speak, by start: (bytes,
    /// entity index, whether a person).
    mentions: Vec<(Range<usize>, usize, bool)>,
}

impl Layout {
    fn new(doc: &Document) -> Self {
        let sentences = doc.sentences.iter().map(|s| doc.byte_range(*s)).collect();
        let mut mentions: Vec<(Range<usize>, usize, bool)> = Vec::new();
        for (i, e) in doc.entities.iter().enumerate() {
            let person = e.kind == EntityKind::Person;
            let speaks = matches!(
                e.kind,
                EntityKind::Organization
                    | EntityKind::Government
                    | EntityKind::Igo
                    | EntityKind::Country
            );
            if person || speaks {
                mentions.extend(
                    e.all_mentions()
                        .map(|m| (doc.byte_range(crate::Span::new(m.start, m.end)), i, person)),
                );
            }
        }
        // Stable: entity order, then mention order, among equal starts.
        mentions.sort_by_key(|(r, _, _)| r.start);
        Layout {
            sentences,
            mentions,
        }
    }

    /// The index of the sentence that holds `byte`.
    fn sentence_of(&self, byte: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|r| r.end <= byte);
        self.sentences
            .get(i)
            .is_some_and(|r| r.start <= byte)
            .then_some(i)
    }

    /// The mentions that lie within `window`.
    fn mentions_in(
        &self,
        window: Range<usize>,
    ) -> impl Iterator<Item = &(Range<usize>, usize, bool)> {
        let first = self
            .mentions
            .partition_point(|(r, _, _)| r.start < window.start);
        self.mentions[first..]
            .iter()
            .take_while(move |(r, _, _)| r.start < window.end)
            .filter(move |(r, _, _)| r.end <= window.end)
    }
}

/// Byte ranges of the text inside double quotes. Curly quotes pair by
/// direction; straight ones pair in order within a paragraph, so an
/// unclosed quote never swallows the rest of the article.
fn quoted_spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    // Bytes, not chars: '\n' and '"' are ASCII, and the curly quotes are
    // U+201C, U+201D and U+201E (E2 80 9C/9D/9E), so no byte of another
    // char can be taken for one of them.
    // Quotation marks are rare: the bytes between them are skipped by
    // `memchr3` (many bytes at a time) instead of matched one by one.
    let bytes = text.as_bytes();
    for i in memchr::memchr3_iter(b'\n', b'"', 0xE2, bytes) {
        match bytes[i] {
            b'\n' => open = None,
            b'"' => match open.take() {
                Some(s) => out.push((s, i)),
                None => open = Some(i + 1),
            },
            0xE2 if bytes.get(i + 1) == Some(&0x80) => match bytes.get(i + 2) {
                // “ „
                Some(0x9C | 0x9E) => open = Some(i + 3),
                // ”
                Some(0x9D) => {
                    if let Some(s) = open.take() {
                        out.push((s, i));
                    }
                }
                _ => {}
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
fn subject_before(doc: &Document, layout: &Layout, start: usize) -> Option<String> {
    let text = doc.text();
    let sentence = &layout.sentences[layout.sentence_of(start)?];
    let people = layout
        .mentions_in(sentence.start..start)
        .filter(|(_, _, person)| *person);
    let mut reporting = None;
    let mut first: Option<&(Range<usize>, usize, bool)> = None;
    for m in people {
        // The first by start (the entity listed first on a tie).
        if first.is_none_or(|f| m.0.start < f.0.start) {
            first = Some(m);
        }
        // The last by start (the entity listed last on a tie).
        if text.get(m.0.end..start).and_then(reporting_verb).is_some() {
            reporting = Some(m);
        }
    }
    reporting
        .or(first)
        .map(|(_, e, _)| doc.entities[*e].id.clone())
}

/// The speaker of the quote at `start..end` (bytes): an entity mentioned
/// within reach after the quote, else before it, next to a reporting verb.
fn speaker(doc: &Document, layout: &Layout, start: usize, end: usize) -> Option<String> {
    let text = doc.text();
    // The closing mark after the quote ('"' or '”' = E2 80 9D) and the
    // opening one before it ('"' or '“' = E2 80 9C), found by bytes.
    let bytes = text.as_bytes();
    let close = bytes[end..]
        .iter()
        .enumerate()
        .find_map(|(i, &b)| match b {
            b'"' => Some(end + i + 1),
            0xE2 if bytes[end + i..].starts_with("”".as_bytes()) => Some(end + i + 3),
            _ => None,
        })
        .unwrap_or(end);
    let open = bytes[..start]
        .iter()
        .enumerate()
        .rev()
        .find(|&(i, &b)| b == b'"' || (b == 0xE2 && bytes[i..].starts_with("“".as_bytes())))
        .map_or(start, |(i, _)| i);
    let sentence_of = |byte: usize| layout.sentence_of(byte);
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
        // The nearest person, else the nearest body; on a tie the entity
        // listed first.
        let mut best: Option<(bool, usize, usize)> = None;
        for (r, e, person) in layout.mentions_in(window.clone()) {
            let (r, person) = (r.clone(), *person);
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
            // A body speaks only right next to its verb ("Tokyo said").
            let near = person || (b - a <= 2 && is_capitalized(&text[r.clone()]));
            let key = (!person, b - a, *e);
            if near && best.is_none_or(|k| key < k) {
                best = Some(key);
            }
        }
        if let Some((_, _, e)) = best {
            return Some(doc.entities[e].id.clone());
        }
    }
    None
}

/// The byte range of the first reporting verb in `words`: the first run of
/// alphanumeric chars that is one, in any case.
fn reporting_verb(words: &str) -> Option<Range<usize>> {
    let bytes = words.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        // ASCII bytes are tested as bytes; only other chars are decoded.
        if b.is_ascii() && !b.is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        let start = i;
        let mut ascii = true;
        // ASCII letters and digits eight bytes at a time; only other chars
        // are decoded.
        loop {
            i = ascii_word_end(bytes, i);
            match bytes.get(i) {
                Some(b) if !b.is_ascii() => {
                    match words.get(i..).and_then(|rest| rest.chars().next()) {
                        // Curly quotes and dashes: General Punctuation has
                        // no letter or digit (spares the Unicode tables).
                        Some(c)
                            if !('\u{2000}'..='\u{206F}').contains(&c) && c.is_alphanumeric() =>
                        {
                            ascii = false;
                            i += c.len_utf8();
                        }
                        _ => break,
                    }
                }
                _ => break,
            }
        }
        if i == start {
            // A char that is not alphanumeric: step over it.
            i += words
                .get(i..)
                .and_then(|rest| rest.chars().next())
                .map_or(1, char::len_utf8);
            continue;
        }
        let word = &words[start..i];
        let upper = word.bytes().any(|b| b.is_ascii_uppercase());
        let verb = if !upper && ascii {
            is_reporting_verb(word)
        } else {
            is_reporting_verb_any_case(word, ascii)
        };
        if verb {
            return Some(start..i);
        }
    }
    None
}

/// [`is_reporting_verb`] for a word with capitals or non-ASCII letters.
fn is_reporting_verb_any_case(word: &str, ascii: bool) -> bool {
    // A short ASCII word ("Said") is lowercased on the stack, not in a new
    // `String`.
    let mut buf = [0u8; 32];
    if ascii && let Some(lower) = buf.get_mut(..word.len()) {
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        return std::str::from_utf8(lower).is_ok_and(is_reporting_verb);
    }
    is_reporting_verb(&word.to_lowercase())
}

/// The largest char boundary of `text` at or below `i`.
fn floor(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The plain definition: runs of alphanumeric chars, lowercased.
    fn reporting_verb_by_chars(words: &str) -> Option<Range<usize>> {
        let mut start = None;
        for (i, c) in words.char_indices().chain([(words.len(), ' ')]) {
            if c.is_alphanumeric() {
                start.get_or_insert(i);
            } else if let Some(s) = start.take()
                && is_reporting_verb(&words[s..i].to_lowercase())
            {
                return Some(s..i);
            }
        }
        None
    }

    #[test]
    fn reporting_verb_reads_words_as_chars_do() {
        for words in [
            "",
            "said",
            ", he said.",
            "Said the minister",
            "SAID",
            "the minister, who Ｓaid",
            "Müller said",
            "Müllersaid told",
            "élysée\u{a0}said",
            "Iwaya stated on Friday",
            "ΣAID no verb here",
            "İstanbul warned",
            "x2said said",
            "«Said» — ‘told’…",
            "“no”, said…",
            "ＳＡＩＤ said",
            "\u{212A}ept asKed warned",
            "a very long word withoutanyverbatallinsideitthoughitgoesonandon said",
        ] {
            assert_eq!(
                reporting_verb(words),
                reporting_verb_by_chars(words),
                "{words:?}"
            );
        }
    }
}
