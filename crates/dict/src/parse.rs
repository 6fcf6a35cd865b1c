//! Parsers of the dictionary files (docs/dictionaries.md): one entry a line,
//! TAB-separated fields, `#` comments, `-` for an empty field, `|` between
//! list items. Every error names the file, the line and the field.

use jiff::civil::Date;

use crate::{
    Country, Error, ErrorKind, FileKind, Igo, Name, NameKind, Org, Place, RolePeriod, Title,
};

/// One parsed line of a people file, before the lines of a name are grouped
/// (the name borrowed from the file's text: grouping needs no copy).
#[derive(Debug, Clone)]
pub(crate) struct PersonLine<'a> {
    pub name: &'a str,
    pub aliases: Vec<String>,
    pub country: String,
    pub period: RolePeriod,
}

/// The entries of one file, by kind.
#[derive(Debug, Default)]
pub(crate) struct Parsed<'a> {
    pub countries: Vec<Country>,
    pub igos: Vec<Igo>,
    pub titles: Vec<Title>,
    pub people: Vec<PersonLine<'a>>,
    pub orgs: Vec<Org>,
    pub places: Vec<Place>,
    pub names: Vec<Name>,
}

/// The most columns a kind has.
const MAX_COLUMNS: usize = 7;

/// The context of one line: where errors point.
struct Line<'f, 'a> {
    file: &'f str,
    line: usize,
    /// The first [`MAX_COLUMNS`] fields, trimmed (`""` past the last): an
    /// array, not a `Vec`, as start-up reads thousands of lines.
    fields: [&'a str; MAX_COLUMNS],
    /// The number of fields up to the last non-blank one.
    found: usize,
    columns: &'static [&'static str],
}

impl<'a> Line<'_, 'a> {
    fn err(&self, field: Option<&'static str>, kind: ErrorKind, message: String) -> Error {
        Error {
            file: self.file.to_string(),
            line: self.line,
            field,
            kind,
            message,
        }
    }

    /// The raw field at column `i`, trimmed.
    fn raw(&self, i: usize) -> &'a str {
        self.fields.get(i).copied().unwrap_or("")
    }

    /// A required field.
    fn required(&self, i: usize) -> Result<&'a str, Error> {
        let v = self.raw(i);
        if v.is_empty() || v == "-" {
            return Err(self.err(
                Some(self.columns[i]),
                ErrorKind::Empty,
                format!("expected a value, found {:?}", v),
            ));
        }
        Ok(v)
    }

    /// An optional field (`-` or empty is `None`).
    fn optional(&self, i: usize) -> Option<&'a str> {
        let v = self.raw(i);
        (!v.is_empty() && v != "-").then_some(v)
    }

    /// A `|`-separated list (`-` or empty is the empty list).
    fn list(&self, i: usize) -> Vec<String> {
        self.optional(i)
            .map(|v| {
                v.split('|')
                    .map(crate::tsv::trim)
                    .filter(|s| !s.is_empty() && *s != "-")
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default()
    }

    fn code(&self, i: usize, required: bool) -> Result<Option<String>, Error> {
        let v = if required {
            Some(self.required(i)?)
        } else {
            self.optional(i)
        };
        match v {
            None => Ok(None),
            Some(v) if is_actor_code(v) => Ok(Some(v.to_string())),
            Some(v) => Err(self.err(
                Some(self.columns[i]),
                ErrorKind::BadCode,
                format!("expected a CAMEO code (three-letter uppercase segments), found {v:?}"),
            )),
        }
    }

    fn date(&self, i: usize) -> Result<Option<Date>, Error> {
        match self.optional(i) {
            None => Ok(None),
            Some(v) => v.parse::<Date>().map(Some).map_err(|_| {
                self.err(
                    Some(self.columns[i]),
                    ErrorKind::BadDate,
                    format!("expected a date as YYYY-MM-DD or -, found {v:?}"),
                )
            }),
        }
    }

    fn one_of(&self, i: usize, allowed: &[&str]) -> Result<String, Error> {
        let v = self.required(i)?;
        if allowed.contains(&v) {
            Ok(v.to_string())
        } else {
            Err(self.err(
                Some(self.columns[i]),
                ErrorKind::BadKind,
                format!("expected one of {}, found {v:?}", allowed.join(", ")),
            ))
        }
    }
}

/// Whether `s` is a CAMEO actor code: one or more three-letter uppercase
/// ASCII segments ("JPN", "JPNGOV", "IGOWSTNAT").
pub fn is_actor_code(s: &str) -> bool {
    !s.is_empty() && s.len().is_multiple_of(3) && s.bytes().all(|b| b.is_ascii_uppercase())
}

/// The columns of each kind, as the header comment names them.
pub(crate) fn columns(kind: FileKind) -> &'static [&'static str] {
    match kind {
        FileKind::Countries => &["code", "name", "aliases", "adjectives", "capitals"],
        FileKind::Igos => &["code", "name", "aliases", "members"],
        FileKind::Titles => &["title", "role", "kind"],
        FileKind::People => &["name", "aliases", "country", "actor", "title", "from", "to"],
        FileKind::Orgs => &["name", "aliases", "kind", "country", "actor"],
        FileKind::Places => &["name", "aliases", "country", "kind"],
        FileKind::Names => &["name", "kind"],
    }
}

/// The kind a header comment announces (its column names), if any.
pub(crate) fn kind_from_header(text: &str) -> Option<FileKind> {
    for line in text
        .lines()
        .take_while(|l| l.starts_with('#') || l.trim().is_empty())
    {
        let cols: Vec<&str> = line
            .trim_start_matches('#')
            .split('\t')
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .collect();
        for kind in FileKind::ALL {
            if cols == columns(kind) {
                return Some(kind);
            }
        }
    }
    None
}

/// Parses `text` (the file `file`) as `kind`. With `lenient`, a bad line is
/// skipped and its error pushed to `problems`; otherwise the first bad line
/// is the error.
pub(crate) fn parse<'a>(
    file: &str,
    text: &'a str,
    kind: FileKind,
    lenient: bool,
    problems: &mut Vec<Error>,
) -> Result<Parsed<'a>, Error> {
    let mut out = Parsed::default();
    let lines = crate::tsv::max_lines(text);
    match kind {
        FileKind::Countries => out.countries.reserve_exact(lines),
        FileKind::Igos => out.igos.reserve_exact(lines),
        FileKind::Titles => out.titles.reserve_exact(lines),
        FileKind::People => out.people.reserve_exact(lines),
        FileKind::Orgs => out.orgs.reserve_exact(lines),
        FileKind::Places => out.places.reserve_exact(lines),
        FileKind::Names => out.names.reserve_exact(lines),
    }
    let columns = columns(kind);
    for (i, raw) in crate::tsv::lines(text).enumerate() {
        let start = raw.trim_start();
        if start.is_empty() || start.starts_with('#') {
            continue;
        }
        let mut fields = [""; MAX_COLUMNS];
        let mut found = 0;
        for (k, field) in crate::tsv::split_tabs(raw).enumerate() {
            let field = crate::tsv::trim(field);
            if let Some(slot) = fields.get_mut(k) {
                *slot = field;
            }
            if !field.is_empty() {
                found = k + 1;
            }
        }
        let line = Line {
            file,
            line: i + 1,
            fields,
            found,
            columns,
        };
        match parse_line(&line, kind, &mut out) {
            Ok(()) => {}
            Err(e) if lenient => problems.push(e),
            Err(e) => return Err(e),
        }
    }
    Ok(out)
}

fn parse_line<'a>(line: &Line<'_, 'a>, kind: FileKind, out: &mut Parsed<'a>) -> Result<(), Error> {
    let n = line.columns.len();
    // Trailing empty fields (a stray TAB at the end) are forgiven.
    let found = line.found;
    if found > n || (found < n && kind != FileKind::Names) {
        return Err(line.err(
            None,
            ErrorKind::FieldCount,
            format!(
                "expected {n} TAB-separated fields ({}), found {found}",
                line.columns.join(", ")
            ),
        ));
    }
    match kind {
        FileKind::Countries => {
            let code = line.code(0, true)?.unwrap_or_default();
            if code.len() != 3 {
                return Err(line.err(
                    Some("code"),
                    ErrorKind::BadCode,
                    format!("expected an ISO 3166 alpha-3 code, found {code:?}"),
                ));
            }
            out.countries.push(Country {
                code,
                name: line.required(1)?.to_string(),
                aliases: line.list(2),
                adjectives: line.list(3),
                capitals: line.list(4),
                user: false,
            });
        }
        FileKind::Igos => {
            let code = line.code(0, true)?.unwrap_or_default();
            let members = line.list(3);
            if let Some(bad) = members.iter().find(|m| m.len() != 3 || !is_actor_code(m)) {
                return Err(line.err(
                    Some("members"),
                    ErrorKind::BadCode,
                    format!("expected ISO alpha-3 codes separated by |, found {bad:?}"),
                ));
            }
            out.igos.push(Igo {
                code,
                name: line.required(1)?.to_string(),
                aliases: line.list(2),
                members,
                user: false,
            });
        }
        FileKind::Titles => {
            let role = match line.optional(1) {
                None => None,
                Some(r) => {
                    // "GOV", "GOVMIL" or "GOV|MIL" / "GOV/MIL": the first is the role.
                    let first = r.split(['|', '/']).next().unwrap_or("").trim();
                    if !is_actor_code(first) {
                        return Err(line.err(
                            Some("role"),
                            ErrorKind::BadCode,
                            format!("expected a role code such as GOV or MIL, found {r:?}"),
                        ));
                    }
                    Some(first.to_string())
                }
            };
            out.titles.push(Title {
                title: line.required(0)?.to_string(),
                role,
                kind: line.one_of(
                    2,
                    &[
                        "person",
                        "group",
                        "government",
                        "organization",
                        "media",
                        "company",
                        "igo",
                    ],
                )?,
                user: false,
            });
        }
        FileKind::People => {
            let country = line.code(2, true)?.unwrap_or_default();
            if country.len() != 3 && !country.starts_with("IGO") {
                return Err(line.err(
                    Some("country"),
                    ErrorKind::BadCode,
                    format!("expected an ISO alpha-3 code, found {country:?}"),
                ));
            }
            let from = line.date(5)?;
            let to = line.date(6)?;
            if let (Some(f), Some(t)) = (from, to)
                && f > t
            {
                return Err(line.err(
                    Some("to"),
                    ErrorKind::DateOrder,
                    format!("expected a date on or after {f}, found {t}"),
                ));
            }
            out.people.push(PersonLine {
                name: line.required(0)?,
                aliases: line.list(1),
                country,
                period: RolePeriod {
                    actor: line.code(3, true)?.unwrap_or_default(),
                    title: line.optional(4).map(str::to_string),
                    from,
                    to,
                },
            });
        }
        FileKind::Orgs => {
            let country = line.code(3, false)?;
            out.orgs.push(Org {
                name: line.required(0)?.to_string(),
                aliases: line.list(1),
                kind: line.one_of(
                    2,
                    &[
                        "company",
                        "media",
                        "government",
                        "organization",
                        "group",
                        "igo",
                    ],
                )?,
                country,
                actor: line.code(4, false)?,
                user: false,
            });
        }
        FileKind::Places => {
            let country = line.code(2, false)?;
            out.places.push(Place {
                name: line.required(0)?.to_string(),
                aliases: line.list(1),
                country,
                kind: line.required(3)?.to_string(),
                user: false,
            });
        }
        FileKind::Names => {
            let kind = match line.optional(1).unwrap_or("given") {
                "given" => NameKind::Given,
                "family" => NameKind::Family,
                other => {
                    return Err(line.err(
                        Some("kind"),
                        ErrorKind::BadKind,
                        format!("expected given or family, found {other:?}"),
                    ));
                }
            };
            out.names.push(Name {
                name: line.required(0)?.to_string(),
                kind,
            });
        }
    }
    Ok(())
}
