//! Tacitus dictionaries: the actor file formats of `docs/dictionaries.md`
//! (countries, international bodies, titles, people with dated roles,
//! organizations, places, given and family names), the built-in data
//! compiled from `crates/dict/data/*.tsv`, users' files merged over it, and
//! the time-aware role of a person.
//!
//! The built-in files are listed by `build.rs` (every `data/*.tsv`), so a new
//! data file is compiled in without a code change. A file's kind comes from
//! its name (`countries*.tsv`, `people-g20.tsv`, …), else from the column
//! names of its header comment.
//!
//! ```
//! use tacitus_dict::Dictionary;
//!
//! let dict = Dictionary::parse_str(
//!     "people.tsv",
//!     "# name\taliases\tcountry\tactor\ttitle\tfrom\tto\n\
//!      Donald Trump\tTrump\tUSA\tUSAELI\tPresident-elect\t2024-11-06\t2025-01-19\n\
//!      Donald Trump\tTrump\tUSA\tUSAGOV\tPresident\t2025-01-20\t-\n",
//! )
//! .unwrap();
//! let trump = dict.person("Donald Trump").unwrap();
//! let jan13 = jiff::civil::date(2025, 1, 13);
//! assert_eq!(trump.actor_on(Some(jan13)), "USAELI");
//! assert_eq!(trump.actor_on(Some(jiff::civil::date(2025, 2, 1))), "USAGOV");
//! assert_eq!(trump.actor_on(Some(jiff::civil::date(2010, 1, 1))), "USAELI");
//! ```

#![deny(missing_docs)]

use std::borrow::Cow;
use std::fmt;
use std::path::Path;
use std::sync::{Arc, LazyLock};

use rustc_hash::{FxHashMap, FxHashSet};

use jiff::civil::Date;

pub mod cameo;
pub mod geo;
mod parse;
pub mod themes;
pub mod tone;
mod tsv;
pub mod verbs;

pub use parse::is_actor_code;

include!(concat!(env!("OUT_DIR"), "/builtin.rs"));

/// What went wrong in a dictionary file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// The file could not be read.
    Io,
    /// The file's kind is given neither by its name nor by its header.
    UnknownKind,
    /// A line has the wrong number of TAB-separated fields.
    FieldCount,
    /// A required field is empty or `-`.
    Empty,
    /// A field is not a valid CAMEO or ISO code.
    BadCode,
    /// A field is not a `YYYY-MM-DD` date.
    BadDate,
    /// A role period ends before it starts.
    DateOrder,
    /// A field is not one of the allowed words.
    BadKind,
}

/// An error in a dictionary file: the file, the line (1-based, 0 for the
/// file as a whole) and the field.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct Error {
    /// File name or path.
    pub file: String,
    /// 1-based line number; 0 for the whole file.
    pub line: usize,
    /// The column's name, when one field is at fault.
    pub field: Option<&'static str>,
    /// What went wrong.
    pub kind: ErrorKind,
    /// Lowercase, says what was expected and what was found.
    pub message: String,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if self.line > 0 {
            write!(f, ":{}", self.line)?;
        }
        if let Some(field) = self.field {
            write!(f, ": field {field}")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// The kinds of dictionary file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FileKind {
    /// `countries*.tsv`.
    Countries,
    /// `igos*.tsv`.
    Igos,
    /// `titles*.tsv`.
    Titles,
    /// `people*.tsv`.
    People,
    /// `orgs*.tsv`.
    Orgs,
    /// `places*.tsv`.
    Places,
    /// `names*.tsv`: given and family names.
    Names,
}

impl FileKind {
    /// Every kind.
    pub const ALL: [FileKind; 7] = [
        FileKind::Countries,
        FileKind::Igos,
        FileKind::Titles,
        FileKind::People,
        FileKind::Orgs,
        FileKind::Places,
        FileKind::Names,
    ];

    /// The kind a file name announces (`people-g20.tsv` → `People`).
    pub fn from_file_name(name: &str) -> Option<FileKind> {
        let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
        let base = base.to_ascii_lowercase();
        let prefixes: [(&str, FileKind); 8] = [
            ("countries", FileKind::Countries),
            ("igos", FileKind::Igos),
            ("titles", FileKind::Titles),
            ("people", FileKind::People),
            ("orgs", FileKind::Orgs),
            ("organizations", FileKind::Orgs),
            ("places", FileKind::Places),
            ("names", FileKind::Names),
        ];
        prefixes
            .iter()
            .find(|(p, _)| base.starts_with(p))
            .map(|&(_, k)| k)
    }

    /// The column names of the kind, as its header comment lists them.
    pub fn columns(self) -> &'static [&'static str] {
        parse::columns(self)
    }
}

/// A state or territory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Country {
    /// ISO 3166 alpha-3 (CAMEO's where it differs).
    pub code: String,
    /// Short English name.
    pub name: String,
    /// Other names that mean the country.
    pub aliases: Vec<String>,
    /// Demonyms and adjectives.
    pub adjectives: Vec<String>,
    /// Capitals and seats of government used for the government.
    pub capitals: Vec<String>,
    /// From a user's file.
    pub user: bool,
}

/// An international body or grouping.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Igo {
    /// CAMEO code (or the documented code of a grouping CAMEO lacks).
    pub code: String,
    /// Name.
    pub name: String,
    /// Other names.
    pub aliases: Vec<String>,
    /// ISO codes of the members, for groupings the events stage expands.
    pub members: Vec<String>,
    /// From a user's file.
    pub user: bool,
}

/// An office title or a generic actor word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Title {
    /// The title as written ("Prime Minister", "rebels").
    pub title: String,
    /// Role code (`GOV`, `MIL`, …), `None` for titles without one.
    pub role: Option<String>,
    /// `person`, `group`, …
    pub kind: String,
    /// From a user's file.
    pub user: bool,
}

/// One role of a person, for a range of dates (both ends inclusive).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RolePeriod {
    /// CAMEO actor code for these dates.
    pub actor: String,
    /// The title held.
    pub title: Option<String>,
    /// First day; `None` is "since before 1979".
    pub from: Option<Date>,
    /// Last day; `None` is "still in office".
    pub to: Option<Date>,
}

impl RolePeriod {
    /// Whether `date` falls in the period.
    pub fn contains(&self, date: Date) -> bool {
        self.from.is_none_or(|f| f <= date) && self.to.is_none_or(|t| date <= t)
    }
}

/// A named person and their dated roles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// Full name, the entity name.
    pub name: String,
    /// Other names (surname, with middle initial, …).
    pub aliases: Vec<String>,
    /// Nationality (ISO alpha-3).
    pub country: String,
    /// Role periods, sorted by `from`.
    pub roles: Vec<RolePeriod>,
    /// From a user's file.
    pub user: bool,
}

impl Person {
    /// The role period in force on `date`. Without a date, the current one
    /// (open-ended), else the latest.
    pub fn role_on(&self, date: Option<Date>) -> Option<&RolePeriod> {
        match date {
            Some(d) => self.roles.iter().rev().find(|r| r.contains(d)),
            None => self
                .roles
                .iter()
                .rev()
                .find(|r| r.to.is_none())
                .or(self.roles.last()),
        }
    }

    /// The CAMEO actor code on `date`: the role held then, else the
    /// country's elite (`USAELI`) — never an office held earlier or later.
    pub fn actor_on(&self, date: Option<Date>) -> String {
        match self.role_on(date) {
            Some(r) => r.actor.clone(),
            None => format!("{}ELI", self.country.get(..3).unwrap_or("")),
        }
    }

    /// The title held on `date`, if any.
    pub fn title_on(&self, date: Option<Date>) -> Option<&str> {
        self.role_on(date).and_then(|r| r.title.as_deref())
    }
}

/// A company, medium, office or other organization.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Org {
    /// Name.
    pub name: String,
    /// Other names.
    pub aliases: Vec<String>,
    /// `company`, `media`, `government`, `organization`, `group` (or `igo`).
    pub kind: String,
    /// ISO alpha-3 country.
    pub country: Option<String>,
    /// CAMEO actor code.
    pub actor: Option<String>,
    /// From a user's file.
    pub user: bool,
}

/// A place that is not a country: city, region, state, sea…
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// Name.
    pub name: String,
    /// Other names.
    pub aliases: Vec<String>,
    /// ISO alpha-3 country (`None` for continents, seas).
    pub country: Option<String>,
    /// `city`, `region`, `state`, `continent`, `sea`, …
    pub kind: String,
    /// From a user's file.
    pub user: bool,
}

/// Given name or family name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NameKind {
    /// A given (first) name: a cue that a person's name starts here.
    Given,
    /// A family name: a weak cue for a person.
    Family,
}

/// A personal name from the names list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Name {
    /// The name, capitalized ("James").
    pub name: String,
    /// Given or family.
    pub kind: NameKind,
}

/// Every actor dictionary, merged: built-in data and users' files.
#[derive(Debug, Clone, Default)]
pub struct Dictionary {
    /// States and territories.
    pub countries: Vec<Country>,
    /// International bodies and groupings.
    pub igos: Vec<Igo>,
    /// Office titles and generic actors.
    pub titles: Vec<Title>,
    /// Named people with their role periods.
    pub people: Vec<Person>,
    /// Companies, media, offices and other organizations.
    pub orgs: Vec<Org>,
    /// Places that are not countries.
    pub places: Vec<Place>,
    /// Given and family names.
    pub names: Vec<Name>,
    /// Lines of the built-in files that did not parse and were skipped
    /// (always empty for a dictionary made only from users' files).
    pub problems: Vec<Error>,
}

/// Shared, so that a stage coding with the built-in dictionaries holds it
/// without a copy ([`Dictionary::builtin_shared`]).
static BUILTIN: LazyLock<Arc<Dictionary>> = LazyLock::new(|| Arc::new(Dictionary::parse_builtin()));

impl Dictionary {
    /// Parses the built-in files afresh (what [`Dictionary::builtin`] does
    /// once; public for the load-time benchmark).
    pub fn parse_builtin() -> Dictionary {
        let mut dict = Dictionary::default();
        // Each kind's list made at its size at once (the lines of its
        // files), not grown file by file.
        let files: Vec<(&str, &str, FileKind)> = (BUILTIN_FILES.iter())
            .filter_map(|&(name, text)| {
                // data/ also holds the other dictionaries (verbs, CAMEO codes): skip them.
                let kind =
                    FileKind::from_file_name(name).or_else(|| parse::kind_from_header(text))?;
                Some((name, text, kind))
            })
            .collect();
        let lines = |kind: FileKind| -> usize {
            (files.iter())
                .filter(|f| f.2 == kind)
                .map(|f| tsv::max_lines(f.1))
                .sum()
        };
        dict.countries.reserve_exact(lines(FileKind::Countries));
        dict.igos.reserve_exact(lines(FileKind::Igos));
        dict.titles.reserve_exact(lines(FileKind::Titles));
        dict.people.reserve_exact(lines(FileKind::People));
        dict.orgs.reserve_exact(lines(FileKind::Orgs));
        dict.places.reserve_exact(lines(FileKind::Places));
        dict.names.reserve_exact(lines(FileKind::Names));
        for (name, text, _) in files {
            let mut problems = Vec::new();
            match Dictionary::parse_with(name, text, false, true, &mut problems) {
                Ok(d) => dict.merge(d),
                Err(e) => problems.push(e),
            }
            dict.problems.extend(problems);
        }
        dict
    }
}

impl Dictionary {
    /// The built-in dictionaries (parsed once). Lines that do not parse are
    /// skipped and listed in `problems`, which the integrity tests keep empty.
    pub fn builtin() -> &'static Dictionary {
        &BUILTIN
    }

    /// The built-in dictionaries, shared: the same data as
    /// [`Dictionary::builtin`], for a holder that also takes users'
    /// dictionaries (an `Arc` of its own) and should not copy this one.
    pub fn builtin_shared() -> Arc<Dictionary> {
        Arc::clone(&BUILTIN)
    }

    /// The built-in data files, (name, text), the actor ones and the others.
    pub fn builtin_files() -> impl Iterator<Item = (&'static str, &'static str)> {
        BUILTIN_FILES.iter().copied()
    }

    /// Parses one file's text strictly: the first bad line is the error.
    /// `name` gives the kind (and is named in errors).
    pub fn parse_str(name: &str, text: &str) -> Result<Dictionary, Error> {
        Dictionary::parse_with(name, text, false, false, &mut Vec::new())
    }

    /// Reads a user's file (kind by name, else by header comment); its
    /// entries are marked as the user's, so they win when merged.
    pub fn read_user(path: &Path) -> Result<Dictionary, Error> {
        let file = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| Error {
            file: file.clone(),
            line: 0,
            field: None,
            kind: ErrorKind::Io,
            message: format!("cannot read the file ({e})"),
        })?;
        Dictionary::parse_with(&file, &text, true, false, &mut Vec::new())
    }

    /// The built-in dictionaries with the users' files merged over them.
    pub fn load_user<P: AsRef<Path>>(paths: &[P]) -> Result<Dictionary, Error> {
        let mut dict = Dictionary::builtin().clone();
        for p in paths {
            dict.merge(Dictionary::read_user(p.as_ref())?);
        }
        Ok(dict)
    }

    fn parse_with(
        name: &str,
        text: &str,
        user: bool,
        lenient: bool,
        problems: &mut Vec<Error>,
    ) -> Result<Dictionary, Error> {
        let kind = FileKind::from_file_name(name)
            .or_else(|| parse::kind_from_header(text))
            .ok_or_else(|| Error {
                file: name.to_string(),
                line: 0,
                field: None,
                kind: ErrorKind::UnknownKind,
                message: "expected a file named countries*, igos*, titles*, people*, orgs*, \
                          places* or names*.tsv, or a header comment naming the columns of one"
                    .to_string(),
            })?;
        let p = parse::parse(name, text, kind, lenient, problems)?;
        let mut d = Dictionary {
            countries: p.countries,
            igos: p.igos,
            titles: p.titles,
            people: Vec::with_capacity(p.people.len()),
            orgs: p.orgs,
            places: p.places,
            names: p.names,
            problems: Vec::new(),
        };
        // Group the role lines of each person, in file order of first line.
        let mut index: FxHashMap<&str, usize> = FxHashMap::default();
        index.reserve(p.people.len());
        for line in p.people {
            let i = match index.entry(line.name) {
                std::collections::hash_map::Entry::Occupied(e) => *e.get(),
                std::collections::hash_map::Entry::Vacant(e) => {
                    d.people.push(Person {
                        name: line.name.to_string(),
                        aliases: Vec::with_capacity(line.aliases.len()),
                        // Moved, not copied: the line's own.
                        country: line.country,
                        // Most people hold one role.
                        roles: Vec::with_capacity(1),
                        user,
                    });
                    *e.insert(d.people.len() - 1)
                }
            };
            let person = &mut d.people[i];
            for a in line.aliases {
                if !person.aliases.contains(&a) {
                    person.aliases.push(a);
                }
            }
            person.roles.push(line.period);
        }
        for person in &mut d.people {
            person.roles.sort_by_key(|r| r.from);
        }
        for c in &mut d.countries {
            c.user = user;
        }
        for c in &mut d.igos {
            c.user = user;
        }
        for c in &mut d.titles {
            c.user = user;
        }
        for c in &mut d.orgs {
            c.user = user;
        }
        for c in &mut d.places {
            c.user = user;
        }
        Ok(d)
    }

    /// Merges `other` over `self`: an entry of `other` replaces the entry of
    /// `self` with the same key (country by code, title by its
    /// lowercase text, body, person, organization and place by name).
    pub fn merge(&mut self, other: Dictionary) {
        // Each file holds one kind: most lists of `other` are empty and
        // leave `self`'s as they are, and the keys are borrowed where they
        // can be (start-up merges the built-in files one by one).
        fn over<T>(mine: &mut Vec<T>, theirs: Vec<T>, key: impl Fn(&T) -> Cow<'_, str>) {
            if theirs.is_empty() {
                return;
            }
            if mine.is_empty() {
                if mine.capacity() < theirs.len() {
                    *mine = theirs;
                } else {
                    mine.extend(theirs);
                }
                return;
            }
            {
                let keys: FxHashSet<Cow<'_, str>> = theirs.iter().map(&key).collect();
                mine.retain(|x| !keys.contains(&key(x)));
            }
            mine.extend(theirs);
        }
        over(&mut self.countries, other.countries, |c| {
            Cow::Borrowed(&c.code)
        });
        over(&mut self.igos, other.igos, |c| Cow::Borrowed(&c.name));
        over(&mut self.titles, other.titles, |t| {
            Cow::Owned(t.title.to_lowercase())
        });
        over(&mut self.people, other.people, |p| Cow::Borrowed(&p.name));
        over(&mut self.orgs, other.orgs, |o| Cow::Borrowed(&o.name));
        over(&mut self.places, other.places, |p| Cow::Borrowed(&p.name));
        self.names.extend(other.names);
        self.problems.extend(other.problems);
    }

    /// The person with this name (or, failing that, with this alias).
    pub fn person(&self, name: &str) -> Option<&Person> {
        self.people.iter().find(|p| p.name == name).or_else(|| {
            self.people
                .iter()
                .find(|p| p.aliases.iter().any(|a| a == name))
        })
    }

    /// The actor code of a named person on `date` (see [`Person::actor_on`]).
    pub fn actor_on(&self, person: &str, date: Option<Date>) -> Option<String> {
        self.person(person).map(|p| p.actor_on(date))
    }

    /// The country with this ISO code.
    pub fn country(&self, code: &str) -> Option<&Country> {
        self.countries.iter().find(|c| c.code == code)
    }
}
