//! The theme taxonomy of the GKG stage (`data/themes.tsv`, format in
//! `docs/gkg.md`): world-news themes (TRADE_TARIFFS, ELECTION, SANCTIONS,
//! NATURAL_DISASTER, …), each with phrases matched on word boundaries and,
//! for ambiguous words, a context the sentence must have ("strike" is a
//! labor strike next to "workers", a military one next to "missile").
//!
//! ```
//! let themes = tacitus_dict::themes::Themes::builtin();
//! assert!(themes.names().len() >= 60);
//! let tariffs = themes.rules.iter().find(|r| r.theme == "TRADE_TARIFFS").unwrap();
//! assert!(tariffs.phrases.iter().any(|p| p.text == "tariff" && p.prefix));
//! ```

use std::collections::BTreeSet;
use std::sync::LazyLock;

use crate::tsv::{data_lines, fields};
use crate::{Error, ErrorKind};

/// A phrase or context word: lowercase words; `prefix` lets the last word go on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phrase {
    /// The phrase without its `*`.
    pub text: String,
    /// Written with a final `*`: the last word may continue ("tariff*": "tariffs").
    pub prefix: bool,
}

impl Phrase {
    fn parse(s: &str) -> Phrase {
        match s.strip_suffix('*') {
            Some(t) => Phrase {
                text: t.to_string(),
                prefix: true,
            },
            None => Phrase {
                text: s.to_string(),
                prefix: false,
            },
        }
    }
}

/// One line of `themes.tsv`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThemeRule {
    /// The theme's name (`TRADE_TARIFFS`).
    pub theme: String,
    /// The phrases that mention it.
    pub phrases: Vec<Phrase>,
    /// Words of which the sentence needs one (empty: none needed).
    pub context: Vec<Phrase>,
    /// Words the sentence must not have.
    pub veto: Vec<Phrase>,
    /// 1-based line in its file.
    pub line: usize,
}

/// Every theme rule.
#[derive(Debug, Clone, Default)]
pub struct Themes {
    /// The rules, in file order.
    pub rules: Vec<ThemeRule>,
}

static BUILTIN: LazyLock<Themes> = LazyLock::new(|| {
    Themes::parse("themes.tsv", include_str!("../data/themes.tsv"))
        .expect("the built-in themes.tsv is checked by tests")
});

impl Themes {
    /// The built-in taxonomy, parsed once.
    pub fn builtin() -> &'static Themes {
        &BUILTIN
    }

    /// The theme names, sorted.
    pub fn names(&self) -> BTreeSet<&str> {
        self.rules.iter().map(|r| r.theme.as_str()).collect()
    }

    /// Parses a file in the `themes.tsv` format; errors name file, line and field.
    pub fn parse(file: &str, text: &str) -> Result<Themes, Error> {
        let mut rules = Vec::new();
        for (i, line) in data_lines(text) {
            let err = |field, kind, message| Error {
                file: file.to_string(),
                line: i + 1,
                field,
                kind,
                message,
            };
            let f = fields(file, i, line, &["theme", "phrases", "context"])?;
            let (theme, phrases, context) = (f[0], f[1], f[2]);
            let good_name = !theme.is_empty()
                && theme
                    .bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_');
            if !good_name {
                return Err(err(
                    Some("theme"),
                    ErrorKind::BadCode,
                    format!("expected an UPPER_SNAKE_CASE name, found {theme:?}"),
                ));
            }
            let mut parsed = Vec::new();
            for p in phrases.split('|') {
                let bad = p.is_empty()
                    || p.trim() != p
                    || p.chars().any(|c| c.is_uppercase())
                    || p.trim_end_matches('*').contains('*')
                    || p == "*";
                if bad {
                    return Err(err(
                        Some("phrases"),
                        ErrorKind::BadKind,
                        format!("expected lowercase phrases separated by |, found {p:?}"),
                    ));
                }
                parsed.push(Phrase::parse(p));
            }
            let (mut need, mut veto) = (Vec::new(), Vec::new());
            if context != "-" {
                for w in context.split('|') {
                    let (list, word) = match w.strip_prefix('!') {
                        Some(v) => (&mut veto, v),
                        None => (&mut need, w),
                    };
                    if word.is_empty() || word.chars().any(|c| c.is_uppercase()) {
                        return Err(err(
                            Some("context"),
                            ErrorKind::BadKind,
                            format!("expected - or lowercase words separated by |, found {w:?}"),
                        ));
                    }
                    list.push(Phrase::parse(word));
                }
            }
            rules.push(ThemeRule {
                theme: theme.to_string(),
                phrases: parsed,
                context: need,
                veto,
                line: i + 1,
            });
        }
        Ok(Themes { rules })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn context_and_vetoes() {
        let t = Themes::parse(
            "t.tsv",
            "LABOR_STRIKE\tstrike|strikes\tworker*|union|!missile*\n",
        )
        .unwrap();
        let r = &t.rules[0];
        assert_eq!(r.phrases.len(), 2);
        assert_eq!(r.context[0].text, "worker");
        assert!(r.context[0].prefix);
        assert_eq!(r.veto[0].text, "missile");
    }

    #[test]
    fn errors_name_line_and_field() {
        let err = Themes::parse("t.tsv", "# c\nTrade\ttariff\t-\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "t.tsv:2: field theme: expected an UPPER_SNAKE_CASE name, found \"Trade\""
        );
        let err = Themes::parse("t.tsv", "TRADE\tTariff\t-\n").unwrap_err();
        assert!(err.to_string().contains("field phrases"), "{err}");
    }
}
