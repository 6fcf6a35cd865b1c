//! The CAMEO event table (`data/cameo.tsv`, format in `docs/verbs.md`):
//! every CAMEO 1.1b3 event code with its name, Goldstein value, QuadClass
//! and PLOVER type. The event coder takes an event's `goldstein`,
//! `quad_class` and `plover` from here.
//!
//! ```
//! let table = tacitus_dict::cameo::CameoTable::builtin();
//! let visit = table.get("042").unwrap();
//! assert_eq!(visit.name, "Make a visit");
//! assert_eq!((visit.goldstein, visit.quad_class), (1.9, 1));
//! assert_eq!(visit.plover.as_deref(), Some("CONSULT"));
//! assert_eq!(table.get("042").unwrap().root(), "04");
//! ```

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use crate::tsv::{data_lines, fields};
use crate::{Error, ErrorKind};

/// One CAMEO event code.
#[derive(Debug, Clone, PartialEq)]
pub struct CameoCode {
    /// The code: 2, 3 or 4 digits.
    pub code: String,
    /// The codebook's name.
    pub name: String,
    /// Goldstein value, −10 (most conflictual) to +10.
    pub goldstein: f64,
    /// 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    pub quad_class: u8,
    /// The PLOVER event type, or `None` where PLOVER drops the code.
    pub plover: Option<String>,
}

impl CameoCode {
    /// The root: the first two digits.
    pub fn root(&self) -> &str {
        self.code.get(..2).unwrap_or(&self.code)
    }
}

/// Every CAMEO event code, by code.
#[derive(Debug, Clone, Default)]
pub struct CameoTable {
    /// By code, hashed with FxHash: the events stage looks a code up for
    /// each event it codes.
    codes: FxHashMap<String, CameoCode>,
}

static BUILTIN: LazyLock<CameoTable> = LazyLock::new(|| {
    CameoTable::parse("cameo.tsv", include_str!("../data/cameo.tsv"))
        .expect("the built-in cameo.tsv is checked by tests")
});

impl CameoTable {
    /// The built-in table, parsed once.
    pub fn builtin() -> &'static CameoTable {
        &BUILTIN
    }

    /// Parses a table in the `cameo.tsv` format; errors name file, line and field.
    pub fn parse(file: &str, text: &str) -> Result<CameoTable, Error> {
        let mut codes = FxHashMap::default();
        for (i, line) in data_lines(text) {
            let err = |field: Option<&'static str>, kind, message: String| Error {
                file: file.to_string(),
                line: i + 1,
                field,
                kind,
                message,
            };
            let f = fields(
                file,
                i,
                line,
                &["code", "name", "goldstein", "quad_class", "plover"],
            )?;
            let (code, name, goldstein, quad_class, plover) = (f[0], f[1], f[2], f[3], f[4]);
            if !(2..=4).contains(&code.len()) || !code.bytes().all(|b| b.is_ascii_digit()) {
                return Err(err(
                    Some("code"),
                    ErrorKind::BadCode,
                    format!("expected 2 to 4 digits, found {code:?}"),
                ));
            }
            let goldstein: f64 = goldstein
                .parse()
                .ok()
                .filter(|g: &f64| (-10.0..=10.0).contains(g))
                .ok_or_else(|| {
                    err(
                        Some("goldstein"),
                        ErrorKind::BadCode,
                        format!("expected a number from -10 to 10, found {goldstein:?}"),
                    )
                })?;
            let quad_class: u8 = quad_class
                .parse()
                .ok()
                .filter(|q| (1..=4).contains(q))
                .ok_or_else(|| {
                    err(
                        Some("quad_class"),
                        ErrorKind::BadCode,
                        format!("expected 1, 2, 3 or 4, found {quad_class:?}"),
                    )
                })?;
            let entry = CameoCode {
                code: code.to_string(),
                name: name.to_string(),
                goldstein,
                quad_class,
                plover: (plover != "-").then(|| plover.to_string()),
            };
            codes.insert(code.to_string(), entry);
        }
        Ok(CameoTable { codes })
    }

    /// The entry of a code.
    pub fn get(&self, code: &str) -> Option<&CameoCode> {
        self.codes.get(code)
    }

    /// Every code, sorted.
    pub fn codes(&self) -> Vec<&CameoCode> {
        let mut all: Vec<&CameoCode> = self.codes.values().collect();
        all.sort_by(|a, b| a.code.cmp(&b.code));
        all
    }

    /// Number of codes.
    pub fn len(&self) -> usize {
        self.codes.len()
    }

    /// True when the table has no code.
    pub fn is_empty(&self) -> bool {
        self.codes.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_table_is_complete_and_consistent() {
        let table = CameoTable::builtin();
        for root in 1..=20 {
            let root = format!("{root:02}");
            assert!(table.get(&root).is_some(), "root {root} is missing");
        }
        for c in table.codes() {
            // Every 3- and 4-digit code hangs under an existing parent.
            if c.code.len() > 2 {
                let parent = &c.code[..c.code.len() - 1];
                let parent = if parent.len() == 2 { c.root() } else { parent };
                assert!(
                    table.get(parent).is_some(),
                    "{} has no parent {parent}",
                    c.code
                );
            }
            let root: u8 = c.root().parse().unwrap();
            let quad = match root {
                1..=5 => 1,
                6..=9 => 2,
                10..=14 => 3,
                _ => 4,
            };
            assert_eq!(c.quad_class, quad, "{}", c.code);
            assert!(!c.name.is_empty());
        }
        // The codebook's 3-digit "not specified below" codes of each root.
        for code in [
            "010", "020", "030", "040", "050", "060", "070", "080", "090", "100",
        ] {
            assert!(table.get(code).is_some(), "{code}");
        }
        assert!(table.len() >= 300, "only {} codes", table.len());
    }

    #[test]
    fn known_values() {
        let t = CameoTable::builtin();
        let check = |code: &str, goldstein: f64, plover: Option<&str>| {
            let c = t.get(code).unwrap_or_else(|| panic!("{code} missing"));
            assert_eq!(c.goldstein, goldstein, "{code}");
            assert_eq!(c.plover.as_deref(), plover, "{code}");
        };
        check("042", 1.9, Some("CONSULT"));
        check("057", 8.0, Some("AGREE"));
        check("163", -8.0, Some("SANCTION"));
        check("190", -10.0, Some("FIGHT"));
        check("010", 0.0, None);
    }

    #[test]
    fn errors_name_line_and_field() {
        let err = CameoTable::parse("my.tsv", "# header\n042\tMake a visit\tlots\t1\tCONSULT\n")
            .unwrap_err();
        assert_eq!((err.line, err.field), (2, Some("goldstein")));
        assert!(err.message.contains("found \"lots\""));
        let err = CameoTable::parse("my.tsv", "04x\tVisit\t1.9\t1\t-\n").unwrap_err();
        assert_eq!((err.line, err.field), (1, Some("code")));
        let err = CameoTable::parse("my.tsv", "042\tVisit\n").unwrap_err();
        assert_eq!(err.kind, ErrorKind::FieldCount);
    }
}
