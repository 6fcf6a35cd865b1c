//! A person the dictionaries don't know but the article gives a title
//! ("President William Ruto", "Interior Minister Gerald Darmanin") belongs,
//! when nothing else says, to the international body named right before
//! the title ("U.N. envoy …"), else to the country the article is about:
//! the one
//! its countries, places, people, governments and groups are named for
//! most, at least twice and twice as often as any other (or more often
//! than any other when its dateline, a place in capitals, is there).

use std::ops::Range;

use rustc_hash::FxHashMap;
use tacitus_dict::Dictionary;

use crate::document::{Entity, EntityKind};

/// The article's own country, when one dominates.
pub(crate) fn home_country(entities: &[Entity], text: &str) -> Option<String> {
    let mut counts: FxHashMap<&str, usize> = FxHashMap::default();
    // The dateline's place ("CARACAS - …") is where the story was filed
    // from, not what it is about: not counted (it settles close counts).
    let mut dateline_place: Option<Option<&str>> = None;
    for e in entities {
        // Companies and media are often foreign to the story.
        if matches!(
            e.kind,
            EntityKind::Country
                | EntityKind::Location
                | EntityKind::Person
                | EntityKind::Government
                | EntityKind::Group
        ) && let Some(c) = e.country.as_deref()
        {
            let mut n = e.mentions.len() + e.references.len();
            if e.kind == EntityKind::Location
                && let Some(m) = e
                    .mentions
                    .iter()
                    .find(|m| !m.text.chars().any(char::is_lowercase))
                && *dateline_place.get_or_insert_with(|| dateline(text)) == Some(m.text.as_str())
            {
                n -= 1;
            }
            *counts.entry(c).or_default() += n;
        }
    }
    // The country named most (the first code of those named as often) and
    // how often the next one is: one pass, no sort.
    let mut best: Option<(&str, usize)> = None;
    let mut next = None;
    for (c, n) in counts {
        match best {
            Some((b, m)) if n < m || (n == m && c > b) => next = next.max(Some(n)),
            _ => {
                next = next.max(best.map(|(_, m)| m));
                best = Some((c, n));
            }
        }
    }
    let (c, n) = best.filter(|&(_, n)| n >= 2)?;
    let home = match next {
        None => true,
        Some(m) if 2 * m <= n => true,
        // A close second: the dateline decides (only now looked for).
        Some(m) => m < n && dateline_country(entities, text) == Some(c),
    };
    home.then(|| c.to_string())
}

/// The country of the place a dateline ("CARACAS - …", "KADUNA, Nigeria
/// -") names: where the story is reported from, the place whose name it
/// writes in capitals.
fn dateline_country<'e>(entities: &'e [Entity], text: &str) -> Option<&'e str> {
    let place = dateline(text)?;
    entities
        .iter()
        .filter(|e| matches!(e.kind, EntityKind::Location | EntityKind::Country))
        .find(|e| {
            e.name
                .chars()
                .flat_map(char::to_uppercase)
                .eq(place.chars())
        })
        .and_then(|e| e.country.as_deref())
}

/// The role code of each title of a dictionary, by the title in ASCII
/// lowercase (the first title of that spelling wins): one lookup instead
/// of a scan of the titles.
#[derive(Debug, Default)]
pub(super) struct TitleRoles(FxHashMap<String, Option<String>>);

impl TitleRoles {
    pub(super) fn new(dict: &Dictionary) -> TitleRoles {
        let mut roles = FxHashMap::default();
        for t in &dict.titles {
            roles
                .entry(t.title.to_ascii_lowercase())
                .or_insert_with(|| t.role.clone());
        }
        TitleRoles(roles)
    }

    /// The role code of the first title written as `title`, ignoring ASCII
    /// case (as `eq_ignore_ascii_case`).
    fn get(&self, title: &str) -> Option<&str> {
        self.0
            .get(&title.to_ascii_lowercase())
            .and_then(|r| r.as_deref())
    }
}

/// The place of a dateline: the capitals that open one of the first lines
/// of the text, before a comma, a dash or a parenthesis ("CARACAS -",
/// "NEW DELHI (Reuters) -", "KADUNA, Nigeria -"), as a byte range. It says
/// where the story was filed: the events stage takes it for no actor.
pub(crate) fn dateline_place(text: &str) -> Option<Range<usize>> {
    let mut next = 0;
    for line in text.split_inclusive('\n').take(6) {
        let at = next;
        next += line.len();
        // The place ends at the first of these; up to there, every char
        // must be a capital, a space, a period or an apostrophe (or other
        // white space, trimmed): a line stops at the first other char,
        // without a search of the rest (body lines are long).
        let Some((end, _)) = line
            .char_indices()
            .find(|&(_, c)| !(c.is_uppercase() || c.is_whitespace() || matches!(c, '.' | '\'')))
            .filter(|&(_, c)| matches!(c, ',' | '(' | '-' | '—' | '–'))
        else {
            continue;
        };
        let lead = line[..end].len() - line[..end].trim_start().len();
        let place = line[..end].trim();
        let letters = place.chars().filter(|c| c.is_alphabetic()).count();
        if letters >= 3
            && place.len() <= 40
            && place
                .chars()
                .all(|c| c.is_uppercase() || c == ' ' || c == '.' || c == '\'')
        {
            return Some(at + lead..at + lead + place.len());
        }
    }
    None
}

/// The dateline's place as written ([`dateline_place`]).
fn dateline(text: &str) -> Option<&str> {
    dateline_place(text).and_then(|r| text.get(r))
}

/// Gives each titled person without a country the code of the
/// international body named right before the title ("U.N. envoy Martin
/// Griffiths" → IGOUNO), else the article's own country and that country's
/// code with the title's role.
pub(super) fn titled_people_at_home(entities: &mut [Entity], roles: &TitleRoles, text: &str) {
    let home = home_country(entities, text);
    // Where each mention of a coded international body ends, and its code.
    let bodies: Vec<(usize, String)> = entities
        .iter()
        .filter(|e| e.kind == EntityKind::Igo)
        .filter_map(|e| Some((e, e.actor.clone()?)))
        .flat_map(|(e, code)| e.mentions.iter().map(move |m| (m.end, code.clone())))
        .collect();
    for e in entities
        .iter_mut()
        .filter(|e| e.kind == EntityKind::Person && e.country.is_none() && e.actor.is_none())
    {
        let Some(role) = e.role.as_deref() else {
            continue;
        };
        if let Some(body) = body_before(&e.mentions, role, &bodies, text) {
            e.actor = Some(body);
            continue;
        }
        if let (Some(home), Some(code)) = (&home, roles.get(role)) {
            e.country = Some(home.clone());
            e.actor = Some(format!("{home}{code}"));
        }
    }
}

/// The code of a body whose mention ends right before `role` and one of
/// `mentions` ("U.N." + "envoy" + "Martin Griffiths"); offsets are chars.
fn body_before(
    mentions: &[crate::document::Mention],
    role: &str,
    bodies: &[(usize, String)],
    text: &str,
) -> Option<String> {
    let room = role.chars().count() + 2;
    mentions.iter().find_map(|m| {
        bodies
            .iter()
            .filter(|(end, _)| *end <= m.start && m.start - end <= room)
            .find(|(end, _)| {
                let between: String = text.chars().skip(*end).take(m.start - end).collect();
                between.trim().eq_ignore_ascii_case(role)
            })
            .map(|(_, code)| code.clone())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Mention;

    fn entity(name: &str, kind: EntityKind, country: Option<&str>, n: usize) -> Entity {
        Entity {
            id: name.into(),
            name: name.into(),
            kind,
            actor: None,
            country: country.map(str::to_string),
            role: None,
            mentions: vec![
                Mention {
                    start: 0,
                    end: 1,
                    text: name.into(),
                };
                n
            ],
            references: Vec::new(),
        }
    }

    #[test]
    fn a_titled_stranger_belongs_to_the_articles_country() {
        let mut ruto = entity("William Ruto", EntityKind::Person, None, 2);
        ruto.role = Some("President".into());
        let mut es = vec![
            entity("Kenya", EntityKind::Country, Some("KEN"), 3),
            entity("Nairobi", EntityKind::Location, Some("KEN"), 1),
            entity("Uganda", EntityKind::Country, Some("UGA"), 1),
            ruto,
        ];
        titled_people_at_home(&mut es, &TitleRoles::new(Dictionary::builtin()), "");
        assert_eq!(es[3].actor.as_deref(), Some("KENGOV"));
        // Two countries named as often: nobody's home.
        es[3].actor = None;
        es[3].country = None;
        let mut more = es[0].mentions.clone();
        more.push(more[0].clone());
        es[2].mentions = more;
        titled_people_at_home(&mut es, &TitleRoles::new(Dictionary::builtin()), "");
        assert_eq!(es[3].actor, None);
    }

    #[test]
    fn a_dateline_settles_a_close_count() {
        assert_eq!(dateline("March 3\n\nLIMA (Reuters) - Text."), Some("LIMA"));
        assert_eq!(dateline("KADUNA, Nigeria - Gunmen …"), Some("KADUNA"));
        assert_eq!(dateline("Peru Talks Open\n\nPeru and Chile met."), None);
        let es = vec![
            entity("Lima", EntityKind::Location, Some("PER"), 1),
            entity("Peru", EntityKind::Country, Some("PER"), 2),
            entity("Chile", EntityKind::Country, Some("CHL"), 2),
        ];
        // Three against two is no home of itself; the dateline makes it one.
        assert_eq!(home_country(&es, "Peru and Chile met."), None);
        assert_eq!(
            home_country(&es, "LIMA - Peru and Chile met.").as_deref(),
            Some("PER")
        );
    }

    #[test]
    fn a_body_named_before_the_title_is_the_persons() {
        let text = "LIMA - Peru and Peru again. U.N. envoy Ana Ruiz visited Lima.";
        let mut un = entity("United Nations", EntityKind::Igo, None, 1);
        un.actor = Some("IGOUNO".into());
        un.mentions[0] = Mention {
            start: 28,
            end: 32,
            text: "U.N.".into(),
        };
        let mut ruiz = entity("Ana Ruiz", EntityKind::Person, None, 1);
        ruiz.role = Some("envoy".into());
        ruiz.mentions[0] = Mention {
            start: 39,
            end: 47,
            text: "Ana Ruiz".into(),
        };
        let mut es = vec![
            entity("Peru", EntityKind::Country, Some("PER"), 2),
            un,
            ruiz,
        ];
        titled_people_at_home(&mut es, &TitleRoles::new(Dictionary::builtin()), text);
        assert_eq!(es[2].actor.as_deref(), Some("IGOUNO"));
        assert_eq!(es[2].country, None, "no country of her own");
    }
}
