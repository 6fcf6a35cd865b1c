//! `--format gdelt`: the events of a document as GDELT 2.0 Events rows —
//! 61 TAB-separated columns in GDELT's order, no header, one row per
//! distinct happening (events of the document with the same actors, code
//! and date fold into one row, whose `NumMentions` counts them). Columns
//! Tacitus does not know (ethnic and religion codes, ADM2) are empty, as
//! GDELT leaves what it does not know. `docs/gdelt.md` maps every column.
//!
//! ```
//! use tacitus_core::{Article, Pipeline, gdelt};
//!
//! let mut article = Article::from_text("Japan criticized China on Monday.".into());
//! article.published = Some(jiff::civil::date(2025, 1, 15));
//! let doc = Pipeline::standard().run(article).unwrap();
//! let mut out = Vec::new();
//! gdelt::write(&mut out, &doc).unwrap();
//! let row = String::from_utf8(out).unwrap();
//! let cols: Vec<&str> = row.trim_end_matches('\n').split('\t').collect();
//! assert_eq!(cols.len(), gdelt::COLUMNS.len());
//! assert_eq!(cols[1], "20250113"); // Day: the Monday before publication
//! assert_eq!((cols[5], cols[15], cols[28]), ("JPN", "CHN", "11"));
//! ```

use std::io::{self, Write};

use jiff::civil::{Date, ISOWeekDate, Weekday};
use sha2::{Digest, Sha256};

use crate::document::{Document, EntityKind, Event, EventActor, Place};
use crate::stages::gkg::{country_place, place_facts};

/// GDELT 2.0 Events column names, in order.
pub const COLUMNS: [&str; 61] = [
    "GlobalEventID",
    "Day",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
];

/// Role segments that become GDELT type codes.
const TYPES: &[&str] = &[
    "AGR", "BUS", "COP", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "GOV", "HLH", "HRI", "IGO",
    "IMG", "INS", "JUD", "LAB", "LEG", "MED", "MIL", "MNC", "MOD", "NGO", "OPP", "PTY", "RAD",
    "REB", "REF", "REL", "SEP", "SET", "SPY", "UAF",
];

/// The stable GlobalEventID of an event: the first 13 hex digits (52 bits,
/// exact in a double) of the SHA-256 of `"{article id}:{event id}"`.
pub fn global_event_id(doc: &Document, event: &Event) -> u64 {
    let digest = Sha256::digest(format!("{}:{}", doc.article.id, event.id).as_bytes());
    let hex: String = digest.iter().take(7).map(|b| format!("{b:02x}")).collect();
    u64::from_str_radix(&hex[..13], 16).unwrap_or(0)
}

/// The calendar day of an event's TIMEX3 date: the day itself, the first
/// day of a month, ISO week, quarter or year; else the publication date.
pub fn event_day(doc: &Document, event: &Event) -> Option<Date> {
    event
        .date
        .as_deref()
        .and_then(first_day)
        .or(doc.article.published)
}

fn first_day(value: &str) -> Option<Date> {
    let year: i16 = value.get(..4)?.parse().ok()?;
    let rest = value.get(4..).unwrap_or("");
    if rest.is_empty() {
        return Date::new(year, 1, 1).ok();
    }
    let rest = rest.strip_prefix('-')?;
    if let Some(w) = rest.strip_prefix('W') {
        let week: i8 = w.get(..2)?.parse().ok()?;
        return ISOWeekDate::new(year, week, Weekday::Monday)
            .ok()
            .map(|d| d.date());
    }
    if let Some(q) = rest.strip_prefix('Q') {
        let q: i8 = q.get(..1)?.parse().ok()?;
        return Date::new(year, (q - 1) * 3 + 1, 1).ok();
    }
    let month: i8 = rest.get(..2)?.parse().ok()?;
    let day: i8 = match rest.get(2..) {
        Some(d) if d.starts_with('-') => d.get(1..3)?.parse().ok()?,
        _ => 1,
    };
    Date::new(year, month, day).ok()
}

/// The split of a CAMEO actor code into GDELT's actor columns.
#[derive(Debug, Default, PartialEq, Eq)]
struct ActorCols {
    code: String,
    country: String,
    group: String,
    types: Vec<String>,
}

fn actor_cols(code: &str) -> ActorCols {
    let segs: Vec<&str> = (0..code.len() / 3)
        .filter_map(|i| code.get(i * 3..i * 3 + 3))
        .collect();
    let mut c = ActorCols {
        code: code.to_string(),
        ..ActorCols::default()
    };
    let Some(&first) = segs.first() else {
        return c;
    };
    let rest = if country_place(first).is_some() {
        c.country = first.to_string();
        &segs[1..]
    } else {
        &segs[..]
    };
    let body = c.country.is_empty() && matches!(first, "IGO" | "NGO" | "IMG" | "MNC");
    for (i, s) in rest.iter().enumerate() {
        if body && i > 0 {
            // IGOUNO, IGOWSTNAT: the body's last segment is GDELT's known group.
            if i == rest.len() - 1 {
                c.group = s.to_string();
            }
        } else if TYPES.contains(s) {
            if c.types.len() < 3 {
                c.types.push(s.to_string());
            }
        } else if c.group.is_empty() {
            c.group = s.to_string();
        }
    }
    c
}

/// The place of one side of an event: the place entity itself, else the
/// place its mention is a location of, else its actor's country.
fn actor_place(doc: &Document, side: Option<&EventActor>) -> Option<Place> {
    let side = side?;
    if let Some(entity) = side
        .entity
        .as_deref()
        .and_then(|id| doc.entities.iter().find(|e| e.id == id))
        && matches!(entity.kind, EntityKind::Country | EntityKind::Location)
    {
        let found = doc.locations.iter().find(|l| {
            l.mentions.iter().any(|m| {
                entity
                    .all_mentions()
                    .any(|em| em.start == m.start && em.end == m.end)
            })
        });
        if let Some(l) = found {
            return Some(Place {
                name: l.name.clone(),
                country: l.country.clone(),
                lat: l.lat,
                lon: l.lon,
            });
        }
    }
    let code = side.actor.as_deref()?;
    country_place(code.get(..3)?)
}

fn name_of(doc: &Document, side: Option<&EventActor>) -> String {
    let Some(side) = side else {
        return String::new();
    };
    let entity = side
        .entity
        .as_deref()
        .and_then(|id| doc.entities.iter().find(|e| e.id == id));
    match entity {
        Some(e) => e.name.to_uppercase(),
        None => side
            .actor
            .as_deref()
            .and_then(|a| country_place(a.get(..3)?))
            .map(|p| p.name.to_uppercase())
            .unwrap_or_default(),
    }
}

/// Text fit for a TSV field: no TABs or line breaks.
fn clean(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

fn push_actor(row: &mut Vec<String>, doc: &Document, side: Option<&EventActor>) {
    let cols = side
        .and_then(|s| s.actor.as_deref())
        .map(actor_cols)
        .unwrap_or_default();
    row.push(cols.code);
    row.push(clean(&name_of(doc, side)));
    row.push(cols.country);
    row.push(cols.group);
    row.extend(std::iter::repeat_n(String::new(), 3)); // ethnic, religion 1 and 2
    for i in 0..3 {
        row.push(cols.types.get(i).cloned().unwrap_or_default());
    }
}

fn push_geo(row: &mut Vec<String>, place: Option<&Place>) {
    let Some(p) = place else {
        row.extend(std::iter::repeat_n(String::new(), 8));
        return;
    };
    let facts = place_facts(p);
    let f = facts.as_ref();
    row.push(
        f.and_then(|f| f.kind.gdelt_type())
            .map(|t| t.to_string())
            .unwrap_or_default(),
    );
    row.push(clean(
        &f.map_or_else(|| p.name.clone(), |f| f.full_name.clone()),
    ));
    row.push(f.and_then(|f| f.fips.clone()).unwrap_or_default());
    row.push(f.and_then(|f| f.adm1.clone()).unwrap_or_default());
    row.push(String::new()); // ADM2
    row.push(p.lat.map(|x| format!("{x}")).unwrap_or_default());
    row.push(p.lon.map(|x| format!("{x}")).unwrap_or_default());
    row.push(f.and_then(|f| f.feature_id.clone()).unwrap_or_default());
}

/// The events of `doc` as GDELT 2.0 Events rows, one per distinct happening.
pub fn rows(doc: &Document) -> Vec<Vec<String>> {
    // Events with the same actors, code and date are one happening.
    type Key = (Option<String>, Option<String>, String, Option<String>);
    let key = |e: &'_ Event| -> Key {
        (
            e.source.as_ref().and_then(|s| s.actor.clone()),
            e.target.as_ref().and_then(|s| s.actor.clone()),
            e.code.clone(),
            e.date.clone(),
        )
    };
    let mut firsts: Vec<(usize, usize)> = Vec::new(); // (event index, mentions)
    let mut seen: Vec<Key> = Vec::new();
    for (i, e) in doc.events.iter().enumerate() {
        let k = key(e);
        match seen.iter().position(|s| *s == k) {
            Some(j) => firsts[j].1 += 1,
            None => {
                seen.push(k);
                firsts.push((i, 1));
            }
        }
    }
    // The lead paragraph: up to the first line break after some text.
    let text = doc.text();
    let lead_end_byte = text
        .trim_start()
        .find('\n')
        .map_or(text.len(), |i| i + (text.len() - text.trim_start().len()));
    let lead_end = doc.char_span(lead_end_byte..lead_end_byte).start;
    let tone = doc.tone.as_ref().map(|t| format!("{}", t.tone));
    let added = doc
        .article
        .published
        .map(|d| format!("{}000000", d.strftime("%Y%m%d")));
    let mut out = Vec::new();
    for (i, mentions) in firsts {
        let e = &doc.events[i];
        let mut row: Vec<String> = Vec::with_capacity(COLUMNS.len());
        row.push(global_event_id(doc, e).to_string());
        match event_day(doc, e) {
            Some(d) => {
                row.push(d.strftime("%Y%m%d").to_string());
                row.push(d.strftime("%Y%m").to_string());
                row.push(d.year().to_string());
                let frac = (f64::from(d.month()) * 30.0 + f64::from(d.day())) / 365.0;
                row.push(format!("{:.4}", f64::from(d.year()) + frac));
            }
            None => row.extend(std::iter::repeat_n(String::new(), 4)),
        }
        push_actor(&mut row, doc, e.source.as_ref());
        push_actor(&mut row, doc, e.target.as_ref());
        row.push(
            if e.evidence.start < lead_end {
                "1"
            } else {
                "0"
            }
            .to_string(),
        );
        row.push(e.code.clone());
        row.push(e.code.get(..3).unwrap_or(&e.code).to_string());
        row.push(e.root.clone());
        row.push(e.quad_class.to_string());
        row.push(format!("{}", e.goldstein));
        row.push(mentions.to_string());
        row.push("1".to_string());
        row.push("1".to_string());
        row.push(tone.clone().unwrap_or_default());
        push_geo(&mut row, actor_place(doc, e.source.as_ref()).as_ref());
        push_geo(&mut row, actor_place(doc, e.target.as_ref()).as_ref());
        push_geo(&mut row, e.location.as_ref());
        row.push(added.clone().unwrap_or_default());
        row.push(clean(doc.article.source.as_deref().unwrap_or("")));
        debug_assert_eq!(row.len(), COLUMNS.len());
        out.push(row);
    }
    out
}

/// Writes the rows of `doc`, each ended by a newline.
pub fn write<W: Write>(out: &mut W, doc: &Document) -> io::Result<()> {
    for row in rows(doc) {
        out.write_all(row.join("\t").as_bytes())?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_days_of_timex_values() {
        let d = |s| first_day(s).map(|d| d.to_string());
        assert_eq!(d("2025-02-14").as_deref(), Some("2025-02-14"));
        assert_eq!(d("2025-02").as_deref(), Some("2025-02-01"));
        assert_eq!(d("2025-W04").as_deref(), Some("2025-01-20"));
        assert_eq!(d("2025-Q2").as_deref(), Some("2025-04-01"));
        assert_eq!(d("2025").as_deref(), Some("2025-01-01"));
        assert_eq!(d("PRESENT_REF"), None);
        assert_eq!(d("XXXX-02"), None);
    }

    #[test]
    fn actor_codes_split_into_columns() {
        let c = actor_cols("CANGOVENV");
        assert_eq!(
            (c.country.as_str(), c.types.clone()),
            ("CAN", vec!["GOV".to_string(), "ENV".to_string()])
        );
        let c = actor_cols("IGOUNO");
        assert_eq!((c.country.as_str(), c.group.as_str()), ("", "UNO"));
        assert_eq!(c.types, vec!["IGO".to_string()]);
        let c = actor_cols("IGOWSTNAT");
        assert_eq!(c.group, "NAT");
    }
}
