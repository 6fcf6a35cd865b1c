//! Reader for plain-text inputs: news pages copied as text, with the site
//! chrome of SPEC §1 recognized and turned into metadata.
//!
//! A page copied from a browser often starts like this (the seed article):
//!
//! ```text
//! Today : Jan 13, 2025          ← labelled date: chrome
//! World News                    ← section
//! 13 January 2025               ← dateline date: published
//!
//! Japan Prepares For …          ← headline: title
//!
//! Prime Minister Ishiba's …     ← standfirst: subtitle
//!
//! Japan is taking proactive …   ← body: article.text, to the end
//! ```
//!
//! The reader walks the header top-down and only takes what it is sure of;
//! anything it does not recognize starts the body, so plain prose is all body.
//!
//! - **Chrome** before the headline: date lines in the formats of
//!   [`super::dates`], optionally labelled ("Today :", "Published:",
//!   "Updated …"); bylines ("By Jane Doe"); a section name (a breadcrumb
//!   "World > Asia", a line made of section words such as "World News", or a
//!   short label between two date lines of one block); lone widget words
//!   ("Advertisement", "Share").
//! - **Headline**: the first line after that chrome, alone in its paragraph,
//!   at most 200 characters (250 after a date line), followed by more text.
//!   Without any chrome before it, it must also look like a headline: start
//!   with a capital or digit, have at least two words and not end like a
//!   sentence (`.`, `,`, `;`, `:`, `!`); otherwise the text is all body.
//! - **Standfirst**: the paragraph right after the headline (bylines and date
//!   lines may sit between) when it is one line of 4+ words, at most 250
//!   characters and two sentences, not a wire dateline, shorter than the
//!   paragraph after it, and either the page had chrome beyond a bare date
//!   line (a label, a section, a byline) or it is one sentence of at least 6
//!   words with no final punctuation (a standfirst is rarely punctuated as a sentence; a lede
//!   always is). When unsure, it is body: the corpus layout "date, title,
//!   body" has ledes of every length that must stay in the body.
//! - **Wire datelines** ("TOKYO, Jan 13, 2025 (Reuters) - …") stay in the
//!   body as written; a date with a year in them is the publication date when
//!   no date line gave one. A dateline without a year gives no date (the
//!   caller's `--date` may supply one).
//!
//! Publication date precedence: a bare or "Published" date line, then a wire
//! dateline date, then "Updated", then "Today"; the first of a rank wins.
//!
//! ```
//! use tacitus_core::ingest::text::parse;
//!
//! let a = parse("World News\n13 January 2025\n\nJapan Plans Talks\n\nJapan is preparing talks. More follows.\n");
//! assert_eq!(a.title.as_deref(), Some("Japan Plans Talks"));
//! assert_eq!(a.section.as_deref(), Some("World News"));
//! assert_eq!(a.published.unwrap().to_string(), "2025-01-13");
//! assert_eq!(a.text, "Japan is preparing talks. More follows.");
//!
//! let prose = parse("Japan is preparing talks.\n\nMore follows.");
//! assert_eq!(prose.title, None);
//! assert_eq!(prose.text, "Japan is preparing talks.\n\nMore follows.");
//! ```

use jiff::civil::Date;

use super::dates::{self, DateLabel};
use crate::document::Article;

/// Longest headline without a date line before it, in characters.
const MAX_TITLE: usize = 200;
/// Longest headline after a date line (the corpus layout), in characters.
const MAX_TITLE_AFTER_DATE: usize = 250;
/// Longest standfirst, in characters.
const MAX_STANDFIRST: usize = 250;
/// Header lines looked at before giving up on finding a headline.
const MAX_CHROME_LINES: usize = 12;

/// Parses a plain-text news page into an article.
pub fn parse(raw: &str) -> Article {
    let lines = split_lines(raw);
    let header = read_header(&lines);
    let body = match header.body_start {
        Some(start) => raw.get(start..).unwrap_or("").trim(),
        None => "",
    };
    // Detection must never eat the whole article: then it is all body.
    let (body, header) = if body.is_empty() {
        (raw.trim(), Header::default())
    } else {
        (body, header)
    };
    let mut article = Article::from_text(body.to_string());
    article.title = header.title;
    article.subtitle = header.subtitle;
    article.section = header.section;
    let wire = wire_dateline(body).flatten();
    article.published = match (header.published, wire) {
        (Some((rank, _)), Some(w)) if rank < Rank::Wire => Some(w),
        (Some((_, d)), _) => Some(d),
        (None, w) => w,
    };
    article
}

/// How much a date source is trusted as the publication date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Rank {
    Today,
    Updated,
    Wire,
    Published,
}

#[derive(Debug, Default)]
struct Header {
    title: Option<String>,
    subtitle: Option<String>,
    section: Option<String>,
    published: Option<(Rank, Date)>,
    /// Byte offset where the body starts (`None`: nothing is left).
    body_start: Option<usize>,
}

impl Header {
    fn date(&mut self, label: DateLabel, date: Date) {
        let rank = match label {
            DateLabel::Today => Rank::Today,
            DateLabel::Updated => Rank::Updated,
            DateLabel::Published => Rank::Published,
        };
        if self.published.is_none_or(|(r, _)| rank > r) {
            self.published = Some((rank, date));
        }
    }
}

/// One line of the input: its byte range and trimmed text.
#[derive(Debug)]
struct Line<'a> {
    start: usize,
    text: &'a str,
    /// Index of its paragraph (runs of non-blank lines).
    block: usize,
}

fn split_lines(raw: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut block = 0;
    let mut prev_blank = true;
    for piece in raw.split_inclusive('\n') {
        let text = piece.trim();
        let blank = text.is_empty();
        if !blank && prev_blank && !out.is_empty() {
            block += 1;
        }
        if !blank {
            out.push(Line { start, text, block });
        }
        prev_blank = blank;
        start += piece.len();
    }
    out
}

/// What a header line is, when it is chrome.
enum Chrome {
    Date(DateLabel, Option<Date>, bool),
    Byline,
    Section(String),
    Widget,
}

fn read_header(lines: &[Line<'_>]) -> Header {
    let mut h = Header::default();
    let Some(first) = lines.first() else {
        return h;
    };
    h.body_start = Some(first.start);
    let mut chrome_seen = false;
    let mut page_chrome = false;
    let mut i = 0;
    // Chrome before the headline.
    while i < lines.len() && i < MAX_CHROME_LINES {
        let Some(chrome) = classify(lines, i, true) else {
            break;
        };
        take_chrome(&mut h, chrome, &mut chrome_seen, &mut page_chrome);
        i += 1;
    }
    let Some(line) = lines.get(i) else {
        h.body_start = None;
        return h;
    };
    h.body_start = Some(line.start);
    if !is_title(lines, i, chrome_seen) {
        return h;
    }
    h.title = Some(line.text.to_string());
    i += 1;
    // Bylines and dates between headline and standfirst or body. They say
    // nothing about the page's layout: only chrome above the headline makes
    // a punctuated standfirst likely.
    let mut after_title = false;
    skip_chrome(lines, &mut i, &mut h, &mut chrome_seen, &mut after_title);
    if is_standfirst(lines, i, page_chrome) {
        h.subtitle = Some(lines[i].text.to_string());
        i += 1;
        skip_chrome(lines, &mut i, &mut h, &mut chrome_seen, &mut after_title);
    }
    h.body_start = lines.get(i).map(|l| l.start);
    h
}

fn skip_chrome(
    lines: &[Line<'_>],
    i: &mut usize,
    h: &mut Header,
    seen: &mut bool,
    page: &mut bool,
) {
    while *i < lines.len() {
        // A section word after the headline is rarely a section: only dates,
        // bylines and widgets are skipped here.
        match classify(lines, *i, false) {
            Some(Chrome::Section(_)) | None => break,
            Some(chrome) => take_chrome(h, chrome, seen, page),
        }
        *i += 1;
    }
}

fn take_chrome(h: &mut Header, chrome: Chrome, seen: &mut bool, page: &mut bool) {
    *seen = true;
    match chrome {
        Chrome::Date(label, date, labelled) => {
            *page |= labelled;
            if let Some(d) = date {
                h.date(label, d);
            }
        }
        Chrome::Section(name) => {
            *page = true;
            h.section.get_or_insert(name);
        }
        Chrome::Byline | Chrome::Widget => *page = true,
    }
}

fn classify(lines: &[Line<'_>], i: usize, allow_section: bool) -> Option<Chrome> {
    let text = lines[i].text;
    if let Some((label, date)) = dates::parse_date_line(text) {
        let labelled = dates::parse_date(text).is_none();
        return Some(Chrome::Date(label, date, labelled));
    }
    if is_byline(text) {
        return Some(Chrome::Byline);
    }
    if is_widget(text) {
        return Some(Chrome::Widget);
    }
    if allow_section {
        if let Some(name) = breadcrumb(text) {
            return Some(Chrome::Section(name));
        }
        if is_section_words(text) || is_short_label(text) && between_dates(lines, i) {
            return Some(Chrome::Section(text.to_string()));
        }
    }
    None
}

/// Line `i` sits between date lines of its paragraph, as "World News" does
/// between "Today : Jan 13, 2025" and "13 January 2025".
fn between_dates(lines: &[Line<'_>], i: usize) -> bool {
    let block = lines[i].block;
    let is_date = |l: &Line<'_>| dates::parse_date_line(l.text).is_some_and(|(_, d)| d.is_some());
    let before = lines[..i]
        .iter()
        .rev()
        .take_while(|l| l.block == block)
        .any(is_date);
    let after = lines
        .get(i + 1)
        .is_some_and(|l| l.block == block && is_date(l));
    before && after
}

/// Line `i` stands alone in its paragraph but for chrome after it
/// ("Headline\n13 January 2025").
fn separate_but_chrome(lines: &[Line<'_>], i: usize) -> bool {
    let b = lines[i].block;
    lines[i + 1..]
        .iter()
        .take_while(|l| l.block == b)
        .all(|l| dates::parse_date_line(l.text).is_some() || is_byline(l.text))
}

fn alone_in_block(lines: &[Line<'_>], i: usize) -> bool {
    let b = lines[i].block;
    let before = i.checked_sub(1).is_none_or(|p| lines[p].block != b);
    let after = lines.get(i + 1).is_none_or(|n| n.block != b);
    before && after
}

fn is_title(lines: &[Line<'_>], i: usize, chrome_seen: bool) -> bool {
    let text = lines[i].text;
    let Some(next) = lines.get(i + 1) else {
        return false;
    };
    let n = text.chars().count();
    let max = if chrome_seen {
        MAX_TITLE_AFTER_DATE
    } else {
        MAX_TITLE
    };
    if n > max || wire_dateline(text).is_some() || is_byline(text) {
        return false;
    }
    let separate = separate_but_chrome(lines, i);
    // One paragraph a line with no blank lines between: the headline must be
    // clearly shorter than what follows (a hard-wrapped paragraph is not).
    let short_before_body =
        next.block == lines[i].block && chrome_seen && next.text.chars().count() >= 2 * n;
    if !(separate || short_before_body) {
        return false;
    }
    if chrome_seen {
        return true;
    }
    looks_like_headline(text)
}

fn looks_like_headline(text: &str) -> bool {
    let starts_well = text
        .chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(|c| !c.is_lowercase());
    let words = text.split_whitespace().count();
    let last = text.chars().next_back();
    // "30 February 2025" is shaped like a date though it is none: content, not a headline.
    let date_shaped = dates::tokenize(text).iter().all(|t| {
        t.trim_end_matches('.').bytes().all(|c| c.is_ascii_digit()) || dates::month_of(t).is_some()
    });
    starts_well
        && words >= 2
        && !date_shaped
        && !matches!(last, Some('.' | ',' | ';' | ':' | '!' | '…'))
}

fn is_standfirst(lines: &[Line<'_>], i: usize, page_chrome: bool) -> bool {
    let Some(line) = lines.get(i) else {
        return false;
    };
    let text = line.text;
    // The body must go on after it (past any byline or date), in a longer paragraph.
    let Some(next) = lines[i + 1..].iter().find(|l| !is_chrome_line(l.text)) else {
        return false;
    };
    if !alone_in_block(lines, i)
        && lines[i + 1].block == line.block
        && lines[i + 1].text.len() < 2 * text.len()
    {
        return false;
    }
    let n = text.chars().count();
    let words = text.split_whitespace().count();
    if n > MAX_STANDFIRST || words < 4 || sentences(text) > 2 || next.text.chars().count() <= n {
        return false;
    }
    if wire_dateline(text).is_some() || text.ends_with(':') || is_byline(text) {
        return false;
    }
    let starts_well = text
        .chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(|c| !c.is_lowercase());
    if !starts_well {
        return false;
    }
    if page_chrome {
        return true;
    }
    let unpunctuated = !text.ends_with(|c: char| {
        matches!(
            c,
            '.' | '!' | '?' | ',' | ';' | ':' | '…' | '"' | '”' | '\'' | '’' | ')'
        )
    });
    unpunctuated && words >= 6 && sentences(text) == 1 && !is_name_list(text)
}

/// A date line, byline or widget: what may sit between standfirst and body.
fn is_chrome_line(text: &str) -> bool {
    dates::parse_date_line(text).is_some() || is_byline(text) || is_widget(text)
}

/// Sentences in a line: sentence punctuation followed by a space and a capital.
fn sentences(text: &str) -> usize {
    let chars: Vec<char> = text.chars().collect();
    let mut n = 1;
    for w in chars.windows(3) {
        if matches!(w[0], '.' | '!' | '?')
            && w[1] == ' '
            && (w[2].is_uppercase() || matches!(w[2], '"' | '“'))
        {
            n += 1;
        }
    }
    n
}

/// "Deirdre Shesgreen and Kim Hjelmgaard": a byline without "By".
fn is_name_list(text: &str) -> bool {
    text.split_whitespace()
        .all(|w| matches!(w, "and" | "&" | "|") || w.chars().next().is_some_and(char::is_uppercase))
}

fn is_byline(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    let Some(rest) = lower.strip_prefix("by ") else {
        return false;
    };
    let rest_orig = &text[text.len() - rest.len()..];
    let words: Vec<&str> = rest_orig.split_whitespace().collect();
    if words.is_empty() || words.len() > 12 || text.chars().count() > 100 {
        return false;
    }
    let capitalized = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    let ends_sentence = text.ends_with('.') && words.last().is_some_and(|w| w.chars().count() > 2);
    words[0].chars().next().is_some_and(char::is_uppercase)
        && 2 * capitalized >= words.len()
        && !ends_sentence
}

/// A lone widget word or phrase ("Advertisement", "Share this article").
pub(crate) fn is_widget(text: &str) -> bool {
    const WIDGETS: &[&str] = &[
        "advertisement",
        "advertisements",
        "sponsored",
        "share",
        "share this",
        "share this article",
        "share on facebook",
        "share on twitter",
        "skip to content",
        "skip to main content",
        "listen to this article",
        "print",
        "email",
        "comments",
        "subscribe",
        "sign up",
        "sign in",
        "log in",
        "menu",
        "close",
        "read more",
        "follow",
        "toggle caption",
        "hide caption",
    ];
    let t = text.trim_end_matches([':', '.']).to_ascii_lowercase();
    WIDGETS.contains(&t.as_str())
}

/// Words that make up section names; a line made only of them is a section.
const SECTION_WORDS: &[&str] = &[
    "&",
    "africa",
    "americas",
    "analysis",
    "and",
    "arts",
    "asia",
    "asia-pacific",
    "breaking",
    "business",
    "china",
    "climate",
    "commentary",
    "culture",
    "defence",
    "defense",
    "diplomacy",
    "domestic",
    "east",
    "economy",
    "editorial",
    "elections",
    "energy",
    "entertainment",
    "environment",
    "europe",
    "features",
    "finance",
    "foreign",
    "global",
    "health",
    "home",
    "india",
    "international",
    "investigations",
    "japan",
    "latest",
    "lifestyle",
    "local",
    "markets",
    "middle",
    "military",
    "national",
    "nation",
    "news",
    "opinion",
    "pacific",
    "politics",
    "region",
    "science",
    "security",
    "sport",
    "sports",
    "tech",
    "technology",
    "top",
    "trade",
    "travel",
    "u.k.",
    "u.s.",
    "uk",
    "us",
    "world",
];

fn is_section_words(text: &str) -> bool {
    let words: Vec<String> = text.split_whitespace().map(|w| w.to_lowercase()).collect();
    !words.is_empty()
        && words.len() <= 4
        && words.iter().all(|w| SECTION_WORDS.contains(&w.as_str()))
        && words.iter().any(|w| !matches!(w.as_str(), "&" | "and"))
}

/// A short label-like line: "Asia Pacific", "Diplomacy".
fn is_short_label(text: &str) -> bool {
    let words = text.split_whitespace().count();
    let starts_upper = text.chars().next().is_some_and(char::is_uppercase);
    let no_final = !text.ends_with(['.', '!', '?', ',', ';', ':']);
    (1..=4).contains(&words)
        && text.chars().count() <= 40
        && starts_upper
        && no_final
        && !text.chars().any(|c| c.is_ascii_digit())
}

/// "Home > World > Asia" → "Asia".
fn breadcrumb(text: &str) -> Option<String> {
    if text.chars().count() > 80 {
        return None;
    }
    for sep in [" > ", " › ", " » ", " / ", " | "] {
        if !text.contains(sep) {
            continue;
        }
        let parts: Vec<&str> = text.split(sep).map(str::trim).collect();
        let ok = parts.len() >= 2
            && parts
                .iter()
                .all(|p| !p.is_empty() && p.split_whitespace().count() <= 3 && is_short_label(p));
        if ok {
            return parts
                .iter()
                .rev()
                .find(|p| !p.eq_ignore_ascii_case("home"))
                .map(|p| p.to_string());
        }
    }
    None
}

/// A wire dateline at the start of `text` ("TOKYO, Jan 13 (Reuters) - …",
/// "WASHINGTON (AP) — …", "(Reuters) - …"): `Some(date)` when there is one,
/// the date when it has a year.
fn wire_dateline(text: &str) -> Option<Option<Date>> {
    // The first line, within the first 120 chars.
    let head = text
        .char_indices()
        .nth(120)
        .map_or(text, |(end, _)| &text[..end]);
    let first_line = head.lines().next().unwrap_or("");
    // Every separator holds a '-' or the lead byte of '–' or '—': most
    // lines have neither, and are ruled out without a substring search.
    memchr::memchr2(b'-', 0xE2, first_line.as_bytes())?;
    let sep = [" - ", " – ", " — ", " -- ", " —", "— "]
        .iter()
        .filter_map(|s| first_line.find(s))
        .min()?;
    let prefix = first_line.get(..sep)?.trim();
    if prefix.is_empty() {
        return None;
    }
    // An agency in parentheses, or a place in capitals, must start it.
    let (place, rest) = match prefix.find([',', '(']) {
        Some(k) => (prefix[..k].trim(), &prefix[k..]),
        None => (prefix, ""),
    };
    let letters: Vec<char> = place.chars().filter(|c| c.is_alphabetic()).collect();
    let place_ok = letters.len() >= 3 && letters.iter().all(|c| c.is_uppercase());
    let agency_only = place.is_empty() && rest.starts_with('(');
    if !(place_ok || agency_only) {
        return None;
    }
    // Drop the agency and look for a date in what is left.
    let without_agency: String = match (rest.find('('), rest.rfind(')')) {
        (Some(a), Some(b)) if a < b => format!("{} {}", &rest[..a], &rest[b + 1..]),
        _ => rest.to_string(),
    };
    let toks = dates::tokenize(&without_agency);
    for k in 0..toks.len() {
        if let Some((date, _)) = dates::date_at(&toks[k..]) {
            return Some(Some(date));
        }
    }
    Some(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datelines() {
        let d = |s: &str| wire_dateline(s).map(|d| d.map(|d| d.to_string()));
        assert_eq!(d("TOKYO, Jan 13 (Reuters) - Japan's talks"), Some(None));
        assert_eq!(
            d("TOKYO, Jan. 13, 2025 (Reuters) - Japan's talks"),
            Some(Some("2025-01-13".into()))
        );
        assert_eq!(d("MADISON, Wis. (AP) — Electronics giant"), Some(None));
        assert_eq!(d("(Reuters) - Gilead Sciences"), Some(None));
        assert_eq!(d("Japan - the country - is big"), None);
        assert_eq!(d("HANOI – One hotel"), Some(None));
    }

    #[test]
    fn bylines() {
        assert!(is_byline("By Jane Doe"));
        assert!(is_byline("By JANE DOE and John Roe, Reuters"));
        assert!(!is_byline("By the end of the year, prices rose."));
        assert!(!is_byline("Bypass"));
    }

    #[test]
    fn sections() {
        assert!(is_section_words("World News"));
        assert!(!is_section_words("And"));
        assert_eq!(breadcrumb("Home > World > Asia").as_deref(), Some("Asia"));
        assert_eq!(breadcrumb("Trade war: a > b"), None);
    }

    #[test]
    fn empty_and_odd() {
        for s in [
            "",
            "\n\n",
            "13 January 2025",
            "By Jane Doe\n",
            "é\r\nTOKYO —",
        ] {
            let a = parse(s);
            assert_eq!(a.text, s.trim(), "{s:?}");
        }
    }
}
