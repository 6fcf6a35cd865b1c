//! The gazetteer of the GKG stage (`docs/gkg.md`): a representative point
//! and FIPS code for every country (`data/geo-countries.tsv`), 6,000 cities
//! with coordinates, population and GeoNames id (`data/geo-places.tsv`,
//! generated from GeoNames data by `tools/make_geo_places.py`), and named
//! regions, states and seas (`data/geo-regions.tsv`).
//!
//! ```
//! let geo = tacitus_dict::geo::Geo::builtin();
//! let japan = geo.country("JPN").unwrap();
//! assert_eq!((japan.fips, japan.lat, japan.lon), ("JA", 36.0, 138.0));
//! assert!(geo.places.len() >= 5_000);
//! let paris = geo.places.iter().find(|p| p.name == "Paris").unwrap();
//! assert_eq!(paris.country.as_deref(), Some("FRA"));
//! assert!(geo.regions.iter().any(|r| r.name == "Indo-Pacific"));
//! ```

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use crate::tsv::{data_lines, fields, max_lines};
use crate::{Error, ErrorKind};

/// A country's representative point and its FIPS 10-4 code. The text
/// fields borrow the compiled-in files: start-up makes no copy of each.
#[derive(Debug, Clone, PartialEq)]
pub struct GeoCountry {
    /// ISO 3166 alpha-3 (CAMEO's where it differs), as in `countries.tsv`.
    pub code: &'static str,
    /// FIPS 10-4 code, which GDELT's geo columns use.
    pub fips: &'static str,
    /// Latitude in degrees.
    pub lat: f64,
    /// Longitude in degrees.
    pub lon: f64,
}

/// A city, region, state or sea with a point (text borrowed as
/// [`GeoCountry`]'s).
#[derive(Debug, Clone, PartialEq)]
pub struct GeoPlace {
    /// Name as news writes it.
    pub name: &'static str,
    /// Other names (without diacritics, former names).
    pub aliases: Vec<&'static str>,
    /// ISO alpha-3 country; `None` for places across borders.
    pub country: Option<&'static str>,
    /// Latitude in degrees.
    pub lat: f64,
    /// Longitude in degrees.
    pub lon: f64,
    /// Population (0 for regions).
    pub population: u64,
    /// First-level division code (GeoNames', or the US postal code).
    pub admin1: Option<&'static str>,
    /// GeoNames id (cities only).
    pub geonameid: Option<u64>,
    /// `capital`, `city`, `state`, `region`, `sea`, `continent`, …
    pub kind: &'static str,
}

impl GeoPlace {
    /// Whether the place is a national capital.
    pub fn is_capital(&self) -> bool {
        self.kind == "capital"
    }

    /// Whether the place is a city (a capital or not).
    pub fn is_city(&self) -> bool {
        self.kind == "capital" || self.kind == "city"
    }
}

/// The built-in gazetteer.
#[derive(Debug, Clone, Default)]
pub struct Geo {
    /// Every country's point, sorted by code.
    pub countries: Vec<GeoCountry>,
    /// Cities.
    pub places: Vec<GeoPlace>,
    /// Regions, states, seas, continents.
    pub regions: Vec<GeoPlace>,
    by_code: FxHashMap<&'static str, usize>,
}

static BUILTIN: LazyLock<Geo> = LazyLock::new(|| {
    Geo::parse(
        include_str!("../data/geo-countries.tsv"),
        include_str!("../data/geo-places.tsv"),
        include_str!("../data/geo-regions.tsv"),
    )
    .expect("the built-in geo-*.tsv files are checked by tests")
});

impl Geo {
    /// The built-in gazetteer, parsed once.
    pub fn builtin() -> &'static Geo {
        &BUILTIN
    }

    /// Parses the three files (country points, cities, regions); the
    /// places borrow their text.
    pub fn parse(
        countries: &'static str,
        places: &'static str,
        regions: &'static str,
    ) -> Result<Geo, Error> {
        let countries = parse_countries("geo-countries.tsv", countries)?;
        let by_code = countries
            .iter()
            .enumerate()
            .map(|(i, c)| (c.code, i))
            .collect();
        Ok(Geo {
            countries,
            places: parse_places("geo-places.tsv", places)?,
            regions: parse_regions("geo-regions.tsv", regions)?,
            by_code,
        })
    }

    /// The point of a country by its code.
    pub fn country(&self, code: &str) -> Option<&GeoCountry> {
        self.by_code.get(code).map(|&i| &self.countries[i])
    }
}

struct Field<'a> {
    file: &'a str,
    line: usize,
}

impl Field<'_> {
    fn err(&self, field: Option<&'static str>, kind: ErrorKind, message: String) -> Error {
        Error {
            file: self.file.to_string(),
            line: self.line,
            field,
            kind,
            message,
        }
    }

    fn degrees(&self, value: &str, field: &'static str, max: f64) -> Result<f64, Error> {
        value
            .parse::<f64>()
            .ok()
            .filter(|v| v.is_finite() && v.abs() <= max)
            .ok_or_else(|| {
                self.err(
                    Some(field),
                    ErrorKind::BadCode,
                    format!("expected degrees from -{max} to {max}, found {value:?}"),
                )
            })
    }

    fn country<'v>(&self, value: &'v str, required: bool) -> Result<Option<&'v str>, Error> {
        if value == "-" && !required {
            return Ok(None);
        }
        if value.len() == 3 && value.bytes().all(|b| b.is_ascii_uppercase()) {
            return Ok(Some(value));
        }
        Err(self.err(
            Some("country"),
            ErrorKind::BadCode,
            format!("expected an ISO alpha-3 code, found {value:?}"),
        ))
    }

    fn required<'v>(&self, value: &'v str, field: &'static str) -> Result<&'v str, Error> {
        let v = crate::tsv::trim(value);
        if v.is_empty() || v == "-" {
            return Err(self.err(
                Some(field),
                ErrorKind::Empty,
                "expected a value, found nothing".to_string(),
            ));
        }
        Ok(v)
    }
}

fn list(value: &str) -> Vec<&str> {
    if value == "-" {
        return Vec::new();
    }
    value
        .split('|')
        .map(crate::tsv::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

fn optional(value: &str) -> Option<&str> {
    (value != "-" && !value.is_empty()).then_some(value)
}

/// Parses `geo-countries.tsv`: `code fips lat lon`.
pub fn parse_countries(file: &str, text: &'static str) -> Result<Vec<GeoCountry>, Error> {
    let mut out = Vec::with_capacity(max_lines(text));
    for (i, line) in data_lines(text) {
        let f = fields(file, i, line, &["code", "fips", "lat", "lon"])?;
        let at = Field { file, line: i + 1 };
        let fips = f[1];
        if fips.len() != 2 || !fips.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(at.err(
                Some("fips"),
                ErrorKind::BadCode,
                format!("expected a two-letter FIPS 10-4 code, found {fips:?}"),
            ));
        }
        out.push(GeoCountry {
            code: at.country(f[0], true)?.unwrap_or_default(),
            fips,
            lat: at.degrees(f[2], "lat", 90.0)?,
            lon: at.degrees(f[3], "lon", 180.0)?,
        });
    }
    Ok(out)
}

/// Parses `geo-places.tsv`:
/// `name aliases country lat lon population admin1 geonameid kind`.
pub fn parse_places(file: &str, text: &'static str) -> Result<Vec<GeoPlace>, Error> {
    const COLUMNS: [&str; 9] = [
        "name",
        "aliases",
        "country",
        "lat",
        "lon",
        "population",
        "admin1",
        "geonameid",
        "kind",
    ];
    let mut out = Vec::with_capacity(max_lines(text));
    for (i, line) in data_lines(text) {
        let f = fields(file, i, line, &COLUMNS)?;
        let at = Field { file, line: i + 1 };
        let number = |i: usize, field: &'static str| {
            f[i].parse::<u64>().map_err(|_| {
                at.err(
                    Some(field),
                    ErrorKind::BadCode,
                    format!("expected a whole number, found {:?}", f[i]),
                )
            })
        };
        let kind = f[8];
        if kind != "capital" && kind != "city" {
            return Err(at.err(
                Some("kind"),
                ErrorKind::BadKind,
                format!("expected capital or city, found {kind:?}"),
            ));
        }
        out.push(GeoPlace {
            name: at.required(f[0], "name")?,
            aliases: list(f[1]),
            country: at.country(f[2], true)?,
            lat: at.degrees(f[3], "lat", 90.0)?,
            lon: at.degrees(f[4], "lon", 180.0)?,
            population: number(5, "population")?,
            admin1: optional(f[6]),
            geonameid: Some(number(7, "geonameid")?),
            kind,
        });
    }
    Ok(out)
}

/// The kinds a region line may have.
pub const REGION_KINDS: &[&str] = &[
    "canal",
    "continent",
    "former country",
    "region",
    "river",
    "sea",
    "state",
    "territory",
];

/// Parses `geo-regions.tsv`: `name aliases country lat lon kind admin1`.
pub fn parse_regions(file: &str, text: &'static str) -> Result<Vec<GeoPlace>, Error> {
    let mut out = Vec::with_capacity(max_lines(text));
    for (i, line) in data_lines(text) {
        let columns = ["name", "aliases", "country", "lat", "lon", "kind", "admin1"];
        let f = fields(file, i, line, &columns)?;
        let at = Field { file, line: i + 1 };
        let kind = f[5];
        if !REGION_KINDS.contains(&kind) {
            return Err(at.err(
                Some("kind"),
                ErrorKind::BadKind,
                format!(
                    "expected one of {}, found {kind:?}",
                    REGION_KINDS.join(", ")
                ),
            ));
        }
        out.push(GeoPlace {
            name: at.required(f[0], "name")?,
            aliases: list(f[1]),
            country: at.country(f[2], false)?,
            lat: at.degrees(f[3], "lat", 90.0)?,
            lon: at.degrees(f[4], "lon", 180.0)?,
            population: 0,
            admin1: optional(f[6]),
            geonameid: None,
            kind,
        });
    }
    Ok(out)
}

/// Great-circle distance in kilometres between two points.
pub fn distance_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (la1, lo1) = (a.0.to_radians(), a.1.to_radians());
    let (la2, lo2) = (b.0.to_radians(), b.1.to_radians());
    let h = ((la2 - la1) / 2.0).sin().powi(2)
        + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().min(1.0).asin()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_name_line_and_field() {
        let err =
            parse_countries("c.tsv", "# code\tfips\tlat\tlon\nJPN\tJA\t136\t138\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "c.tsv:2: field lat: expected degrees from -90 to 90, found \"136\""
        );
        let err = parse_regions("r.tsv", "Sahel\t-\t-\t14\t5\tdesert\t-\n").unwrap_err();
        assert!(
            err.to_string()
                .starts_with("r.tsv:1: field kind: expected one of canal")
        );
    }

    #[test]
    fn distance_is_great_circle() {
        let tokyo = (35.69, 139.69);
        let paris = (48.85, 2.35);
        let d = distance_km(tokyo, paris);
        assert!((9_600.0..9_800.0).contains(&d), "{d}");
    }
}
