#!/usr/bin/env python3
"""Check the actor dictionary TSV files against docs/dictionaries.md.

Usage:
    python3 crates/dict/tools/check_tsv.py            # every crates/dict/data/*.tsv
    python3 crates/dict/tools/check_tsv.py FILE...    # the given files only

The file kind comes from the file name's prefix (countries, igos, titles,
people, orgs).  Checked:

- UTF-8; one TAB between fields; the exact column count of the kind; no
  empty field (`-` stands for empty), no empty or duplicated list item, no
  `-` inside a list, no stray spaces around fields or list items;
- the first line is a `#` comment naming the kind's columns;
- lines sorted by the first column, case-insensitively (then by `from` for
  people);
- dates are `YYYY-MM-DD` (a real date) or `-`, and `from` <= `to`;
- actor codes are CAMEO-shaped: three-letter uppercase segments (country
  codes are exactly one segment); `members` lists country codes;
- no duplicate keys (countries: code; igos: name; titles: title;
  people: name + title + from; orgs: name), case-insensitively;
- no name/alias/adjective/capital that means two different countries, and no
  igo name/alias that means two different bodies;
- igo `members` and people/orgs `country` codes exist in the countries files
  (when those files are among the checked ones).

Exit status 0 when every file passes, 1 otherwise.  Standard library only.
"""

import datetime
import os
import re
import sys
import unicodedata

KINDS = {
    "countries": ["code", "name", "aliases", "adjectives", "capitals"],
    "igos": ["code", "name", "aliases", "members"],
    "titles": ["title", "role", "kind"],
    "people": ["name", "aliases", "country", "actor", "title", "from", "to"],
    "orgs": ["name", "aliases", "kind", "country", "actor"],
}

# Columns that hold `|`-separated lists.
LIST_COLUMNS = {
    "countries": {"aliases", "adjectives", "capitals"},
    "igos": {"aliases", "members"},
    "titles": set(),
    "people": {"aliases"},
    "orgs": {"aliases"},
}

TITLE_KINDS = {"person", "group", "organization"}
ORG_KINDS = {"company", "media", "government", "organization", "group"}

COUNTRY_RE = re.compile(r"^[A-Z]{3}$")
CODE_RE = re.compile(r"^(?:[A-Z]{3})+$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def fold(s):
    """Case- and width-insensitive key (NFKC + casefold)."""
    return unicodedata.normalize("NFKC", s).casefold()


def kind_of(path):
    base = os.path.basename(path)
    for kind in KINDS:
        if base.startswith(kind) and base.endswith(".tsv"):
            return kind
    return None


class Checker:
    def __init__(self):
        self.errors = []
        self.warnings = []
        # fold(term) -> {code: (path, lineno)}: every country term.
        self.country_terms = {}
        self.country_codes = set()
        self.igo_terms = {}
        # (path, lineno, code, what) of references to country codes.
        self.country_refs = []
        self.keys = {}  # kind -> {key: (path, lineno)}

    def err(self, path, lineno, msg):
        self.errors.append(f"{path}:{lineno}: {msg}")

    def warn(self, path, lineno, msg):
        self.warnings.append(f"{path}:{lineno}: warning: {msg}")

    # ---- per-field helpers -------------------------------------------------

    def check_text(self, path, lineno, col, value):
        if value == "":
            self.err(path, lineno, f"column '{col}' is empty (use '-')")
            return False
        if value != value.strip():
            self.err(path, lineno, f"column '{col}' has leading/trailing spaces: {value!r}")
        if "  " in value:
            self.err(path, lineno, f"column '{col}' has a double space: {value!r}")
        return True

    def split_list(self, path, lineno, col, value):
        if value == "-":
            return []
        items = value.split("|")
        seen = set()
        exact = set()
        out = []
        for item in items:
            if item == "":
                self.err(path, lineno, f"column '{col}' has an empty list item")
                continue
            if item != item.strip():
                self.err(path, lineno, f"column '{col}' item has spaces around it: {item!r}")
            if item == "-":
                self.err(path, lineno, f"column '{col}' has '-' inside a list")
                continue
            f = fold(item)
            if item in exact:
                self.err(path, lineno, f"column '{col}' repeats {item!r}")
            elif f in seen:
                # Case variants may be deliberate (an acronym matched
                # case-sensitively next to its lower-case form).
                self.warn(path, lineno, f"column '{col}' repeats {item!r} in another case")
            seen.add(f)
            exact.add(item)
            out.append(item)
        return out

    def check_date(self, path, lineno, col, value):
        if value == "-":
            return None
        if not DATE_RE.match(value):
            self.err(path, lineno, f"column '{col}' is not YYYY-MM-DD or '-': {value!r}")
            return None
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            self.err(path, lineno, f"column '{col}' is not a real date: {value!r}")
            return None

    def check_code(self, path, lineno, col, value, country=False):
        rx = COUNTRY_RE if country else CODE_RE
        if not rx.match(value):
            shape = "a 3-letter uppercase country code" if country else \
                "CAMEO-shaped (3-letter uppercase segments)"
            self.err(path, lineno, f"column '{col}' is not {shape}: {value!r}")
            return False
        return True

    def add_key(self, kind, key, path, lineno, shown):
        table = self.keys.setdefault(kind, {})
        if key in table:
            p, n = table[key]
            self.err(path, lineno, f"duplicate key {shown!r} (first at {p}:{n})")
        else:
            table[key] = (path, lineno)

    # ---- files ---------------------------------------------------------------

    def check_file(self, path):
        kind = kind_of(path)
        if kind is None:
            self.warn(path, 0, "skipped: not a kind this checker knows (name must start "
                      "with " + ", ".join(KINDS) + ")")
            return
        cols = KINDS[kind]
        try:
            with open(path, "rb") as fh:
                raw = fh.read()
        except OSError as e:
            self.err(path, 0, f"cannot read: {e}")
            return
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            self.err(path, 0, f"not UTF-8: {e}")
            return
        if text.startswith("\ufeff"):
            self.err(path, 1, "file starts with a byte-order mark")
            text = text[1:]
        if "\r" in text:
            self.err(path, 0, "file has CR characters (use LF line ends)")
        if text and not text.endswith("\n"):
            self.err(path, 0, "file does not end with a newline")
        lines = text.split("\n")
        if lines and lines[-1] == "":
            lines.pop()

        if not lines or not lines[0].startswith("#"):
            self.err(path, 1, "file must open with a '#' comment naming its columns")
        else:
            header = lines[0].lstrip("#").split()
            if header != cols:
                self.err(path, 1, f"header names {header}, expected {cols}")

        prev_sort = None
        prev_first = None
        rows = 0
        for lineno, line in enumerate(lines, 1):
            if line.strip() == "" or line.startswith("#"):
                continue
            rows += 1
            fields = line.split("\t")
            if len(fields) != len(cols):
                self.err(path, lineno, f"{len(fields)} fields, expected {len(cols)} "
                         f"({' '.join(cols)})")
                continue
            row = dict(zip(cols, fields))
            for c in cols:
                self.check_text(path, lineno, c, row[c])
            lists = {c: self.split_list(path, lineno, c, row[c]) for c in LIST_COLUMNS[kind]}

            # sortedness
            sort_key = (fold(fields[0]),)
            if kind == "people":
                sort_key += ("" if row["from"] == "-" else row["from"],)
            if prev_sort is not None and sort_key < prev_sort:
                self.err(path, lineno, f"not sorted: {fields[0]!r} comes after "
                         f"{prev_first!r}")
            prev_sort = sort_key
            prev_first = fields[0]

            getattr(self, "row_" + kind)(path, lineno, row, lists)
        if rows == 0:
            self.warn(path, 0, "no entries")

    # ---- kinds -------------------------------------------------------------

    def add_country_term(self, path, lineno, term, code):
        f = fold(term)
        owners = self.country_terms.setdefault(f, {})
        if owners and code not in owners:
            other, (p, n) = next(iter(owners.items()))
            self.err(path, lineno, f"{term!r} means both {code} and {other} "
                     f"(see {p}:{n})")
        owners.setdefault(code, (path, lineno))

    def row_countries(self, path, lineno, row, lists):
        code = row["code"]
        self.check_code(path, lineno, "code", code, country=True)
        self.add_key("countries", code, path, lineno, code)
        self.country_codes.add(code)
        terms = [row["name"]] + lists["aliases"] + lists["adjectives"] + lists["capitals"]
        # A term may appear once per row (e.g. a name repeated as an alias).
        seen = set()
        for t in terms:
            if fold(t) in seen:
                self.err(path, lineno, f"{t!r} appears twice in the row")
                continue
            seen.add(fold(t))
            self.add_country_term(path, lineno, t, code)

    def row_igos(self, path, lineno, row, lists):
        code = row["code"]
        self.check_code(path, lineno, "code", code)
        self.add_key("igos", fold(row["name"]), path, lineno, row["name"])
        seen = set()
        for t in [row["name"]] + lists["aliases"]:
            f = fold(t)
            if f in seen:
                self.err(path, lineno, f"{t!r} appears twice in the row")
                continue
            seen.add(f)
            owners = self.igo_terms.setdefault(f, {})
            if owners and code not in owners:
                other, (p, n) = next(iter(owners.items()))
                self.err(path, lineno, f"{t!r} means both {code} and {other} "
                         f"(see {p}:{n})")
            owners.setdefault(code, (path, lineno))
        for m in lists["members"]:
            if self.check_code(path, lineno, "members", m, country=True):
                self.country_refs.append((path, lineno, m, "members"))

    def row_titles(self, path, lineno, row, lists):
        self.add_key("titles", fold(row["title"]), path, lineno, row["title"])
        self.check_code(path, lineno, "role", row["role"])
        if row["kind"] not in TITLE_KINDS:
            self.err(path, lineno, f"kind {row['kind']!r} not one of {sorted(TITLE_KINDS)}")

    def row_people(self, path, lineno, row, lists):
        # One person may hold two offices at once (finance and defence
        # minister), so the key is name + title + from.
        self.add_key("people", (fold(row["name"]), fold(row["title"]), row["from"]), path,
                     lineno, f"{row['name']} as {row['title']} from {row['from']}")
        if self.check_code(path, lineno, "country", row["country"], country=True):
            self.country_refs.append((path, lineno, row["country"], "country"))
        self.check_code(path, lineno, "actor", row["actor"])
        d0 = self.check_date(path, lineno, "from", row["from"])
        d1 = self.check_date(path, lineno, "to", row["to"])
        if d0 and d1 and d0 > d1:
            self.err(path, lineno, f"from {row['from']} is after to {row['to']}")

    def row_orgs(self, path, lineno, row, lists):
        self.add_key("orgs", fold(row["name"]), path, lineno, row["name"])
        if row["kind"] not in ORG_KINDS:
            self.err(path, lineno, f"kind {row['kind']!r} not one of {sorted(ORG_KINDS)}")
        if row["country"] != "-":
            if self.check_code(path, lineno, "country", row["country"], country=True):
                self.country_refs.append((path, lineno, row["country"], "country"))
        # `-`: no political actor (sports teams).
        if row["actor"] != "-":
            self.check_code(path, lineno, "actor", row["actor"])

    # ---- cross-file --------------------------------------------------------

    def finish(self):
        # A term that names both a country and an international body is
        # worth a look (not an error: "Congo" the river is no body).
        for f, owners in self.igo_terms.items():
            if f in self.country_terms:
                (ic, (p, n)), = list(owners.items())[:1]
                cc = ", ".join(sorted(self.country_terms[f]))
                self.warn(p, n, f"{f!r} names {ic} here and country {cc} in the countries files")
        if self.country_codes:
            for path, lineno, code, col in self.country_refs:
                if code not in self.country_codes:
                    self.err(path, lineno, f"column '{col}': {code} is not in the countries files")




def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    data = os.path.normpath(os.path.join(here, "..", "data"))
    paths = argv[1:]
    if not paths:
        if not os.path.isdir(data):
            print(f"no data folder at {data}", file=sys.stderr)
            return 1
        paths = sorted(os.path.join(data, f) for f in os.listdir(data) if f.endswith(".tsv"))
    # countries first, so cross-references can be resolved in any order
    paths.sort(key=lambda p: (kind_of(p) != "countries", p))
    c = Checker()
    for p in paths:
        c.check_file(p)
    c.finish()
    for w in c.warnings:
        print(w)
    for e in c.errors:
        print(e)
    print(f"{len(paths)} files checked, {len(c.errors)} errors, {len(c.warnings)} warnings")
    return 1 if c.errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
