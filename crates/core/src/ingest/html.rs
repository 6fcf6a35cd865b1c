//! Reader for `html` inputs: one article page → title, date, section and the
//! main text, with navigation, scripts, cookie banners and related links left
//! out.
//!
//! - **Body**: the main content as `dom_smoothie` (a port of Mozilla's
//!   Readability) finds it; when it finds none, the page's `<article>`,
//!   `<main>` or `<body>` without `nav`, `header`, `footer`, `aside` and
//!   forms. The text is one paragraph per block element (`p`, headings, list
//!   items, quotes, `<br>`-separated runs), whitespace inside a paragraph
//!   collapsed to single spaces, paragraphs joined by a blank line (`"\n\n"`,
//!   like the text inputs). Figures and their captions are not body, nor is a
//!   leading heading that repeats the title.
//! - **Title**: `og:title`, else the JSON-LD `headline`, else `twitter:title`,
//!   else `<title>` (or the page's `<h1>` when `<title>` starts with it). A
//!   " | Site" / " - Site" suffix (or "Site | " prefix) is cut when it names
//!   the site (`og:site_name`, `application-name`, JSON-LD `publisher.name`);
//!   in `<title>` also when the site is unknown but the suffix is a short
//!   name (at most three capitalized words) after a longer headline.
//! - **Published**: `article:published_time` and the other usual meta tags
//!   (`date`, `pubdate`, `dc.date`, `sailthru.date`, `parsely-pub-date`,
//!   `itemprop=datePublished`, …), else JSON-LD `datePublished` of an article
//!   object (found in `@graph`s and arrays too), else a `<time>` marked as the
//!   publication date or inside the article. The date is the one written in
//!   the timestamp (the publisher's local date), not converted to UTC.
//! - **Section**: `article:section`, else JSON-LD `articleSection`.
//! - **Subtitle**: none. `og:description` is a teaser written for social
//!   cards, often not on the page at all, so it is not taken as a standfirst.
//!
//! ```
//! use tacitus_core::ingest::html::parse;
//!
//! let page = r#"<html><head><title>Talks resume | Daily Planet</title>
//! <meta property="og:site_name" content="Daily Planet">
//! <meta property="article:published_time" content="2025-01-13T08:00:00+09:00">
//! </head><body><nav><a href="/">Home</a></nav><article>
//! <p>Japan and India resumed talks on Monday after a pause of two years.</p>
//! <p>Both sides said the mood was good and that a deal was near.</p></article></body></html>"#;
//! let a = parse(page).unwrap();
//! assert_eq!(a.title.as_deref(), Some("Talks resume"));
//! assert_eq!(a.published.unwrap().to_string(), "2025-01-13");
//! assert!(a.text.starts_with("Japan and India resumed talks"));
//! assert!(!a.text.contains("Home"));
//! ```

use std::collections::HashMap;

use dom_query::{Document, NodeRef};
use dom_smoothie::{Config, Readability};
use jiff::civil::Date;
use serde_json::Value;

use super::dates;
use crate::document::Article;

/// Parses one html document into an article.
pub fn parse(raw: &str) -> Result<Article, String> {
    // html5ever and Readability slow down with the square of the nesting
    // depth; no article page nests anywhere near this deep.
    if nesting_estimate(raw) > MAX_NESTING {
        return Err(format!(
            "html nested more than {MAX_NESTING} elements deep, not an article page"
        ));
    }
    let doc = Document::from(raw);
    let meta = Meta::read(&doc);
    let ld = JsonLd::read(&doc);
    let site = meta
        .get(&["og:site_name", "application-name"])
        .or_else(|| ld.publisher.clone());
    let title = title(&doc, &meta, &ld, site.as_deref());
    let published = meta_date(&meta)
        .or(ld.published)
        .or_else(|| time_date(&doc));
    let section = meta
        .get(&["article:section"])
        .or_else(|| ld.section.clone());

    remove_furniture(&doc);
    let fallback = fallback_text(&doc);
    let (mut paras, rd_date) = match readability_content(doc, published.is_none()) {
        Some((content, date)) => (paragraphs_of(&Document::from(content.as_str())), date),
        None => (Vec::new(), None),
    };
    if paras.is_empty() {
        paras = fallback;
    }
    paras.retain(|p| !super::text::is_widget(p));
    if let (Some(t), Some(first)) = (&title, paras.first())
        && same_text(t, first)
    {
        paras.remove(0);
    }
    let mut article = Article::from_text(paras.join("\n\n"));
    article.title = title;
    article.section = section;
    article.published = published.or(rd_date);
    Ok(article)
}

/// Removes what is never body before Readability scores the page: scripts,
/// styles, forms, navigation, asides, footers, page headers outside the
/// article, hidden elements, and furniture recognized by role, class or id
/// (cookie banners, share bars, newsletter boxes, related links, ads).
fn remove_furniture(doc: &Document) {
    doc.select(
        "script, style, noscript, template, iframe, svg, form, button, nav, aside, footer, dialog, \
         [hidden], [aria-hidden=true]",
    )
    .remove();
    let mut doomed = Vec::new();
    for node in doc.select("header, [class], [id], [role]").nodes() {
        let name = node
            .node_name()
            .map(|n| n.to_ascii_lowercase())
            .unwrap_or_default();
        if matches!(name.as_str(), "html" | "body" | "main" | "article") {
            continue;
        }
        let furniture = if name == "header" {
            !inside(node, &["article", "main"])
        } else {
            is_hidden(node)
        };
        // A container with many paragraphs is content whatever its class says.
        let paragraphs = node
            .descendants_it()
            .filter(|d| d.node_name().is_some_and(|n| n.eq_ignore_ascii_case("p")))
            .take(6)
            .count();
        if furniture && paragraphs <= 5 {
            doomed.push(*node);
        }
    }
    for node in doomed {
        node.remove_from_parent();
    }
}

/// Deepest element nesting [`parse`] accepts (by [`nesting_estimate`]).
const MAX_NESTING: usize = 1000;

/// An estimate of the element nesting depth of an html source from its tags
/// alone: void and self-closing elements, and those that close themselves
/// (`p`, `li`, `td`, …), do not count; the insides of `script`, `style` and
/// comments are skipped.
fn nesting_estimate(raw: &str) -> usize {
    const NO_DEPTH: &[&str] = &[
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr", "p", "li", "td", "th", "tr", "dt", "dd", "option", "param", "keygen",
    ];
    let b = raw.as_bytes();
    let (mut depth, mut max, mut i) = (0usize, 0usize, 0usize);
    while let Some(off) = b
        .get(i..)
        .and_then(|rest| rest.iter().position(|&c| c == b'<'))
    {
        let start = i + off + 1;
        i = start;
        if b.get(start..start + 3) == Some(b"!--") {
            i = find(b, start, b"-->").unwrap_or(b.len());
            continue;
        }
        if b.get(start) == Some(&b'/') {
            depth = depth.saturating_sub(1);
            continue;
        }
        let name_len = b[start..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric())
            .count();
        if name_len == 0 || !b[start].is_ascii_alphabetic() {
            continue;
        }
        let name = String::from_utf8_lossy(&b[start..start + name_len]).to_ascii_lowercase();
        // Without a `>` there are no more tags; skipping to it keeps the scan linear.
        let Some(end) = find(b, start, b">") else {
            break;
        };
        i = end;
        if matches!(name.as_str(), "script" | "style" | "textarea" | "title") {
            let close = format!("</{name}");
            i = find_ci(b, end, close.as_bytes()).unwrap_or(b.len());
            continue;
        }
        let self_closing = end > 0 && b.get(end - 1) == Some(&b'/');
        if !self_closing && !NO_DEPTH.contains(&name.as_str()) {
            depth += 1;
            max = max.max(depth);
        }
    }
    max
}

fn find(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| from + p)
}

fn find_ci(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
        .map(|p| from + p)
}

/// Runs Readability; its HTML content and, when asked, its publication date.
fn readability_content(doc: Document, want_date: bool) -> Option<(String, Option<Date>)> {
    let cfg = Config {
        max_elements_to_parse: 200_000,
        ..Default::default()
    };
    let mut r = Readability::with_document(doc, None, Some(cfg)).ok()?;
    let article = r.parse().ok()?;
    let date = if want_date {
        article.published_time.as_deref().and_then(parse_any_date)
    } else {
        None
    };
    Some((article.content.to_string(), date))
}

/// `<meta>` values by lowercased `property`, `name` or `itemprop`; the first wins.
struct Meta(HashMap<String, String>);

impl Meta {
    fn read(doc: &Document) -> Meta {
        let mut map = HashMap::new();
        for node in doc.select("meta").nodes() {
            let Some(content) = node.attr("content") else {
                continue;
            };
            let content = squash(&content);
            if content.is_empty() {
                continue;
            }
            for key in ["property", "name", "itemprop"] {
                if let Some(k) = node.attr(key) {
                    map.entry(k.trim().to_ascii_lowercase())
                        .or_insert_with(|| content.clone());
                }
            }
        }
        Meta(map)
    }

    fn get(&self, keys: &[&str]) -> Option<String> {
        keys.iter().find_map(|k| self.0.get(*k).cloned())
    }
}

/// What the page's JSON-LD says about its article.
#[derive(Default)]
struct JsonLd {
    headline: Option<String>,
    published: Option<Date>,
    section: Option<String>,
    publisher: Option<String>,
}

const ARTICLE_TYPES: &[&str] = &[
    "article",
    "newsarticle",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "backgroundnewsarticle",
    "reviewnewsarticle",
    "blogposting",
    "liveblogposting",
    "report",
    "socialmediaposting",
];

impl JsonLd {
    fn read(doc: &Document) -> JsonLd {
        let mut values = Vec::new();
        for node in doc.select("script").nodes() {
            let is_ld = node
                .attr("type")
                .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
            if !is_ld {
                continue;
            }
            if let Ok(value) = serde_json::from_str::<Value>(node.text().trim()) {
                values.push(value);
            }
        }
        let mut objects = Vec::new();
        for value in &values {
            collect_objects(value, &mut objects, 0);
        }
        let mut ld = JsonLd::default();
        // Article objects first, then anything else that has the field.
        let (articles, others): (Vec<_>, Vec<_>) = objects.into_iter().partition(|o| is_article(o));
        for o in articles.iter().chain(others.iter()) {
            if ld.headline.is_none() && is_article(o) {
                ld.headline = str_of(o.get("headline"))
                    .map(|s| squash(&s))
                    .filter(|s| !s.is_empty());
            }
            if ld.published.is_none() {
                ld.published = str_of(o.get("datePublished")).and_then(|s| parse_any_date(&s));
            }
            if ld.section.is_none() {
                ld.section = str_of(o.get("articleSection")).filter(|s| !s.trim().is_empty());
            }
            if ld.publisher.is_none() {
                ld.publisher = o.get("publisher").and_then(|p| str_of(p.get("name")));
            }
        }
        ld
    }
}

/// Objects of a JSON-LD value: itself, the members of arrays and `@graph`s.
fn collect_objects<'a>(
    v: &'a Value,
    out: &mut Vec<&'a serde_json::Map<String, Value>>,
    depth: usize,
) {
    if depth > 8 {
        return;
    }
    match v {
        Value::Array(items) => items
            .iter()
            .for_each(|i| collect_objects(i, out, depth + 1)),
        Value::Object(o) => {
            out.push(o);
            if let Some(g) = o.get("@graph") {
                collect_objects(g, out, depth + 1);
            }
            if let Some(m) = o.get("mainEntity") {
                collect_objects(m, out, depth + 1);
            }
        }
        _ => {}
    }
}

fn is_article(o: &serde_json::Map<String, Value>) -> bool {
    let is = |t: &Value| {
        t.as_str()
            .is_some_and(|t| ARTICLE_TYPES.contains(&t.to_ascii_lowercase().as_str()))
    };
    match o.get("@type") {
        Some(Value::Array(ts)) => ts.iter().any(is),
        Some(t) => is(t),
        None => false,
    }
}

/// A string, or the first string of an array.
fn str_of(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(s.clone()),
        Value::Array(items) => items.iter().find_map(|i| i.as_str().map(str::to_string)),
        _ => None,
    }
}

fn title(doc: &Document, meta: &Meta, ld: &JsonLd, site: Option<&str>) -> Option<String> {
    if let Some(t) = meta
        .get(&["og:title"])
        .or_else(|| ld.headline.clone())
        .or_else(|| meta.get(&["twitter:title"]))
    {
        return Some(strip_site(&t, site, false));
    }
    let page_title = doc
        .select("title")
        .nodes()
        .first()
        .map(|n| squash(&n.text()))
        .filter(|t| !t.is_empty());
    let h1s: Vec<String> = doc
        .select("h1")
        .nodes()
        .iter()
        .map(|n| squash(&n.text()))
        .filter(|t| !t.is_empty())
        .collect();
    match page_title {
        Some(t) => {
            if let Some(h1) = h1s
                .iter()
                .find(|h| h.chars().count() >= 10 && t.starts_with(h.as_str()))
            {
                return Some(h1.clone());
            }
            Some(strip_site(&t, site, true))
        }
        None => h1s.into_iter().next(),
    }
}

/// Cuts a site name off a title: "Talks resume | Daily Planet" → "Talks resume".
fn strip_site(title: &str, site: Option<&str>, guess: bool) -> String {
    const SEPS: &[&str] = &[
        " | ", " - ", " – ", " — ", " · ", " :: ", " « ", " » ", " || ",
    ];
    let names_site = |part: &str| {
        site.is_some_and(|s| {
            let (p, s) = (part.trim().to_lowercase(), s.trim().to_lowercase());
            !s.is_empty() && (p == s || p.contains(&s) || (s.contains(&p) && p.len() >= 3))
        })
    };
    for sep in SEPS {
        if let Some((head, tail)) = title.rsplit_once(sep)
            && !head.trim().is_empty()
        {
            if names_site(tail) {
                return head.trim().to_string();
            }
            let tail_words: Vec<&str> = tail.split_whitespace().collect();
            let short_name = tail_words.len() <= 3
                && tail.chars().count() <= 25
                && tail_words.iter().all(|w| {
                    w.chars()
                        .next()
                        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                });
            if guess && site.is_none() && short_name && head.split_whitespace().count() >= 4 {
                return head.trim().to_string();
            }
        }
        if let Some((head, tail)) = title.split_once(sep)
            && !tail.trim().is_empty()
            && names_site(head)
        {
            return tail.trim().to_string();
        }
    }
    title.trim().to_string()
}

const DATE_KEYS: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "published_time",
    "article:published",
    "datepublished",
    "article.published",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "publication_date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "dcterms.created",
    "date",
    "sailthru.date",
    "parsely-pub-date",
    "cxenseparse:recs:publishtime",
    "article_date_original",
    "original-publish-date",
    "displaydate",
];

fn meta_date(meta: &Meta) -> Option<Date> {
    DATE_KEYS
        .iter()
        .find_map(|k| meta.0.get(*k).and_then(|v| parse_any_date(v)))
}

/// A `<time>` that gives the publication date: one marked as such, else the
/// first inside the article or main content.
fn time_date(doc: &Document) -> Option<Date> {
    for sel in [
        "time[itemprop=datePublished]",
        "[itemprop=datePublished]",
        "time[pubdate]",
        "article time",
        "main time",
        "time",
    ] {
        for node in doc.select(sel).nodes() {
            if sel == "time" && inside(node, &["nav", "aside", "footer"]) {
                continue;
            }
            let value = node
                .attr("datetime")
                .or_else(|| node.attr("content"))
                .map(|v| v.to_string())
                .unwrap_or_else(|| squash(&node.text()));
            if let Some(d) = parse_any_date(&value) {
                return Some(d);
            }
        }
    }
    None
}

fn inside(node: &NodeRef<'_>, names: &[&str]) -> bool {
    node.ancestors_it(Some(64)).any(|a| {
        a.node_name()
            .is_some_and(|n| names.contains(&n.to_ascii_lowercase().as_str()))
    })
}

/// ISO dates and timestamps, "2025/01/13", and the text forms of [`dates`].
fn parse_any_date(s: &str) -> Option<Date> {
    let s = s.trim();
    if let Some(d) = dates::parse_iso_date(s) {
        return Some(d);
    }
    // "2025/01/13" (year first is unambiguous).
    let head = s.split([' ', 'T']).next().unwrap_or("");
    let parts: Vec<&str> = head.split('/').collect();
    if let [y, m, d] = parts.as_slice()
        && y.len() == 4
        && let (Ok(y), Ok(m), Ok(d)) = (y.parse::<i16>(), m.parse::<i8>(), d.parse::<i8>())
    {
        return Date::new(y, m, d).ok();
    }
    dates::parse_date(s).or_else(|| dates::parse_date_line(s).and_then(|(_, d)| d))
}

/// Elements whose text is never body.
const SKIP: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "canvas",
    "iframe",
    "object",
    "embed",
    "video",
    "audio",
    "figure",
    "figcaption",
    "picture",
    "img",
    "button",
    "input",
    "select",
    "textarea",
    "form",
    "nav",
    "aside",
    "footer",
    "header",
    "menu",
    "dialog",
    "head",
    "title",
    "meta",
    "link",
];

/// Elements that start and end a paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "caption",
    "address",
    "hr",
    "br",
    "center",
    "details",
    "summary",
    "body",
    "html",
];

/// Paragraph texts of a document, in order, one per block element.
fn paragraphs_of(doc: &Document) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let flush = |current: &mut String, out: &mut Vec<String>| {
        let p = squash(current);
        if !p.is_empty() {
            out.push(p);
        }
        current.clear();
    };
    // Depth-first without recursion, so deeply nested pages cannot overflow the stack.
    enum Step<'a> {
        Enter(NodeRef<'a>),
        Leave,
    }
    let mut stack = vec![Step::Enter(doc.root())];
    while let Some(step) = stack.pop() {
        let node = match step {
            Step::Leave => {
                flush(&mut current, &mut out);
                continue;
            }
            Step::Enter(node) => node,
        };
        if node.is_text() {
            current.push_str(&node.text());
            continue;
        }
        if !(node.is_element() || node.is_document() || node.is_fragment()) {
            continue;
        }
        let name = node
            .node_name()
            .map(|n| n.to_ascii_lowercase())
            .unwrap_or_default();
        if SKIP.contains(&name.as_str()) || is_hidden(&node) {
            continue;
        }
        let block = BLOCKS.contains(&name.as_str());
        if block {
            flush(&mut current, &mut out);
            stack.push(Step::Leave);
        }
        let children: Vec<NodeRef<'_>> = node.children_it(true).collect();
        stack.extend(children.into_iter().map(Step::Enter));
    }
    flush(&mut current, &mut out);
    out
}

/// Hidden elements and obvious page furniture (cookie banners, share bars,
/// related links) by their role, class or id.
fn is_hidden(node: &NodeRef<'_>) -> bool {
    if node.has_attr("hidden") || node.attr("aria-hidden").is_some_and(|v| v.trim() == "true") {
        return true;
    }
    if node.attr("role").is_some_and(|r| {
        matches!(
            r.trim(),
            "navigation" | "banner" | "contentinfo" | "complementary" | "dialog" | "alert"
        )
    }) {
        return true;
    }
    const FURNITURE: &[&str] = &[
        "ad",
        "ads",
        "adslot",
        "advert",
        "advertisement",
        "banner",
        "breadcrumb",
        "breadcrumbs",
        "comment",
        "comments",
        "consent",
        "cookie",
        "cookies",
        "gdpr",
        "masthead",
        "menu",
        "modal",
        "mostread",
        "most-read",
        "newsletter",
        "outbrain",
        "paywall",
        "popular",
        "popup",
        "promo",
        "recommended",
        "related",
        "share",
        "sharing",
        "sidebar",
        "signup",
        "social",
        "sponsor",
        "sponsored",
        "subscribe",
        "subscription",
        "taboola",
        "toolbar",
        "trending",
    ];
    ["class", "id"]
        .iter()
        .filter_map(|k| node.attr(k))
        .any(|v| {
            v.to_ascii_lowercase().split_whitespace().any(|token| {
                FURNITURE.contains(&token)
                    || token
                        .split(['-', '_'])
                        .any(|part| FURNITURE.contains(&part))
            })
        })
}

/// Paragraphs of the page when Readability finds no content: its `<article>`,
/// else `<main>`, else `<body>`, without furniture.
fn fallback_text(doc: &Document) -> Vec<String> {
    for sel in ["article", "main", "[role=main]", "body"] {
        let nodes = doc.select(sel);
        let Some(node) = nodes.nodes().first() else {
            continue;
        };
        let html = node.html().to_string();
        let paras = paragraphs_of(&Document::from(html.as_str()));
        if !paras.is_empty() {
            return paras;
        }
    }
    Vec::new()
}

/// Collapses runs of whitespace to one space and trims.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn same_text(a: &str, b: &str) -> bool {
    squash(a).eq_ignore_ascii_case(&squash(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_suffix() {
        assert_eq!(
            strip_site("Talks resume | Daily Planet", Some("Daily Planet"), false),
            "Talks resume"
        );
        assert_eq!(
            strip_site("Daily Planet - Talks resume", Some("Daily Planet"), false),
            "Talks resume"
        );
        assert_eq!(
            strip_site("Japan and India resume talks - World News", None, true),
            "Japan and India resume talks"
        );
        assert_eq!(
            strip_site("Brexit - what happens next", None, true),
            "Brexit - what happens next"
        );
        assert_eq!(
            strip_site("Talks resume | Other", Some("Daily Planet"), false),
            "Talks resume | Other"
        );
    }

    #[test]
    fn any_dates() {
        let d = |s| parse_any_date(s).map(|d| d.to_string());
        assert_eq!(
            d("2025-01-13T23:30:00-05:00").as_deref(),
            Some("2025-01-13")
        );
        assert_eq!(
            d("Mon, 13 Jan 2025 08:00:00 GMT").as_deref(),
            Some("2025-01-13")
        );
        assert_eq!(d("2025/01/13").as_deref(), Some("2025-01-13"));
        assert_eq!(d("January 13, 2025").as_deref(), Some("2025-01-13"));
        assert_eq!(d("01/13/2025"), None);
    }

    #[test]
    fn nesting() {
        let deep = "<div>".repeat(50_000) + "text";
        assert!(parse(&deep).unwrap_err().contains("nested"));
        assert_eq!(
            nesting_estimate("<div><p>a<p>b<br><img src=x/></div><script>if (a<b) {}</script>"),
            1
        );
        assert_eq!(nesting_estimate("<!-- <div><div> --><div></div>"), 1);
        let deep = "<div>".repeat(500) + "text";
        let paras = paragraphs_of(&Document::from(deep.as_str()));
        assert_eq!(paras, ["text"]);
    }
}
