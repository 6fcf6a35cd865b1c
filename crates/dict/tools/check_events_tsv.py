#!/usr/bin/env python3
"""Check the event dictionary TSV files against docs/verbs.md.

Usage:
    python3 crates/dict/tools/check_events_tsv.py            # the files below
    python3 crates/dict/tools/check_events_tsv.py FILE...    # the given files only

Without arguments it checks, in crates/dict/data/ and crates/dict/data/events/,
cameo.tsv, inflections.tsv, modality.tsv and every verbs*.tsv. The file kind
comes from the file name (cameo, inflections, modality, verbs*). The CAMEO
codes that verbs files refer to come from the cameo.tsv among the given files,
else from crates/dict/data/cameo.tsv (or data/events/cameo.tsv).

Checked for every file:

- UTF-8 without byte-order mark, LF line ends, a final newline;
- the first line is a `#` comment naming the kind's columns (TAB-separated);
- one TAB between fields, the exact column count, no empty field (`-` stands
  for empty), no spaces around a field, no double spaces;
- sorted by the first column (cameo: as a string; the others:
  case-insensitively), no duplicate keys.

cameo.tsv (code name goldstein quad_class plover):
- a code is 2, 3 or 4 digits; all 20 roots 01..20 are present; the parent of
  every 3-digit (its root) and 4-digit code (its 3-digit code) exists;
- goldstein is a number with one decimal in -10.0 .. 10.0;
- quad_class is 1 (roots 01-05), 2 (06-09), 3 (10-14) or 4 (15-20);
- plover is one of the PLOVER types of docs/verbs.md or `-`; a root's own
  type is shared by at least one of its codes (warning otherwise).

inflections.tsv (lemma third_person past past_participle gerund):
- lemma and forms are lowercase words (letters, `'`, `-`); forms may list
  `|`-separated variants; no `-` (every form is known);
- the gerund ends in -ing, the third person in -s (be: is|are|am).

modality.tsv (cue modality position):
- cue: lowercase words separated by single spaces (letters, `'`, `-`);
- modality one of planned, intended, possible, negated; position before or
  after; no cue listed twice for one position.

verbs*.tsv (code pattern example):
- code exists in cameo.tsv;
- pattern: words separated by single spaces, a SOURCE or TARGET slot (each at
  most once), at least one lowercase word, `{a|b}` choices and `[word]`
  optional words balanced and not nested, `'s` only as a word of its own,
  `+passive` only as the last word;
- example non-empty (not `-`), and names at least one capitalized word.

Exit status 0 when every file passes, 1 otherwise. Standard library only.
"""

import glob
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.normpath(os.path.join(HERE, "..", "data"))

COLUMNS = {
    "cameo": ["code", "name", "goldstein", "quad_class", "plover"],
    "inflections": ["lemma", "third_person", "past", "past_participle", "gerund"],
    "modality": ["cue", "modality", "position"],
    "verbs": ["code", "pattern", "example"],
}

PLOVER = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
    "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION",
    "MOBILIZE", "COERCE", "ASSAULT", "FIGHT", "MASS_VIOLENCE",
}
MODALITIES = {"planned", "intended", "possible", "negated"}
POSITIONS = {"before", "after"}

CODE_RE = re.compile(r"^\d{2,4}$")
GOLDSTEIN_RE = re.compile(r"^-?\d{1,2}\.\d$")
WORD_RE = re.compile(r"^[a-z](?:[a-z'\-]*[a-z])?$")
CUE_WORD_RE = re.compile(r"^(?:'[a-z]+|[a-z](?:[a-z'\-]*[a-z])?|n't|[a-z]+n't)$")
PATTERN_WORD_RE = re.compile(r"^[a-z0-9](?:[a-z0-9'\-\.]*[a-z0-9])?$")


def fold(s):
    """Case- and width-insensitive key (NFKC + casefold)."""
    return unicodedata.normalize("NFKC", s).casefold()


def kind_of(path):
    base = os.path.basename(path)
    if not base.endswith(".tsv"):
        return None
    stem = base[:-4]
    if stem in ("cameo", "inflections", "modality"):
        return stem
    if stem.startswith("verbs"):
        return "verbs"
    return None


def quad_of_root(root):
    r = int(root)
    if 1 <= r <= 5:
        return "1"
    if 6 <= r <= 9:
        return "2"
    if 10 <= r <= 14:
        return "3"
    if 15 <= r <= 20:
        return "4"
    return None


class Checker:
    def __init__(self):
        self.errors = []
        self.warnings = []
        self.cameo_codes = None  # set of codes once a cameo.tsv was read

    def err(self, path, lineno, msg):
        self.errors.append(f"{path}:{lineno}: {msg}")

    def warn(self, path, lineno, msg):
        self.warnings.append(f"{path}:{lineno}: warning: {msg}")

    # ---- reading -----------------------------------------------------------

    def read_rows(self, path, kind):
        """Yields (lineno, row dict) for every data line that has the right
        column count, after the file-level and field-level checks."""
        cols = COLUMNS[kind]
        try:
            with open(path, "rb") as fh:
                raw = fh.read()
        except OSError as e:
            self.err(path, 0, f"cannot read: {e}")
            return []
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            self.err(path, 0, f"not UTF-8: {e}")
            return []
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
            header = [c.strip() for c in lines[0].lstrip("#").split("\t") if c.strip()]
            if header != cols:
                self.err(path, 1, f"header names {header}, expected {cols} "
                         "(TAB-separated)")
        out = []
        for lineno, line in enumerate(lines, 1):
            if line.startswith("#"):
                continue
            if line.strip() == "":
                continue
            fields = line.split("\t")
            if len(fields) != len(cols):
                self.err(path, lineno, f"{len(fields)} fields, expected {len(cols)} "
                         f"({' '.join(cols)})")
                continue
            ok = True
            for c, v in zip(cols, fields):
                if v == "":
                    self.err(path, lineno, f"column '{c}' is empty (use '-')")
                    ok = False
                elif v != v.strip():
                    self.err(path, lineno, f"column '{c}' has leading/trailing spaces: {v!r}")
                elif "  " in v:
                    self.err(path, lineno, f"column '{c}' has a double space: {v!r}")
            if ok:
                out.append((lineno, dict(zip(cols, fields))))
        if not out:
            self.warn(path, 0, "no entries")
        return out

    def check_sorted(self, path, rows, col, key):
        prev = None
        for lineno, row in rows:
            k = key(row[col])
            if prev is not None and k < prev[0]:
                self.err(path, lineno, f"not sorted: {row[col]!r} comes after {prev[1]!r}")
            prev = (k, row[col])

    def split_forms(self, path, lineno, col, value):
        items = value.split("|")
        seen = set()
        for item in items:
            if item == "":
                self.err(path, lineno, f"column '{col}' has an empty list item")
            elif item == "-":
                self.err(path, lineno, f"column '{col}' has '-' (every form must be given)")
            elif not WORD_RE.match(item):
                self.err(path, lineno, f"column '{col}' is not a lowercase word: {item!r}")
            elif item in seen:
                self.err(path, lineno, f"column '{col}' repeats {item!r}")
            seen.add(item)
        return [i for i in items if i and i != "-"]

    # ---- kinds -------------------------------------------------------------

    def check_cameo(self, path):
        rows = self.read_rows(path, "cameo")
        self.check_sorted(path, rows, "code", lambda s: s)
        codes = {}
        for lineno, row in rows:
            code = row["code"]
            if not CODE_RE.match(code):
                self.err(path, lineno, f"code is not 2-4 digits: {code!r}")
                continue
            if code in codes:
                self.err(path, lineno, f"duplicate code {code} (first at line {codes[code][0]})")
                continue
            codes[code] = (lineno, row)
        for lineno, row in rows:
            code = row["code"]
            if not CODE_RE.match(code):
                continue
            root = code[:2]
            if not ("01" <= root <= "20"):
                self.err(path, lineno, f"code {code}: root {root} is not 01..20")
                continue
            if len(code) >= 3 and code[:len(code) - 1] not in codes:
                self.err(path, lineno, f"code {code}: parent {code[:len(code) - 1]} missing")
            if not re.search(r"[A-Za-z]", row["name"]) or row["name"] == "-":
                self.err(path, lineno, f"code {code}: no name")
            g = row["goldstein"]
            if not GOLDSTEIN_RE.match(g):
                self.err(path, lineno, f"code {code}: goldstein is not a number with "
                         f"one decimal: {g!r}")
            elif not -10.0 <= float(g) <= 10.0:
                self.err(path, lineno, f"code {code}: goldstein {g} outside -10..10")
            want = quad_of_root(root)
            if row["quad_class"] != want:
                self.err(path, lineno, f"code {code}: quad_class {row['quad_class']!r}, "
                         f"expected {want}")
            p = row["plover"]
            if p != "-" and p not in PLOVER:
                self.err(path, lineno, f"code {code}: unknown PLOVER type {p!r}")
        for r in range(1, 21):
            root = f"{r:02d}"
            if root not in codes:
                self.err(path, 0, f"root {root} missing")
            else:
                lineno, row = codes[root]
                kids = [v[1]["plover"] for c, v in codes.items() if c != root and c[:2] == root]
                if kids and row["plover"] not in kids:
                    self.warn(path, lineno, f"root {root}'s PLOVER type {row['plover']} "
                              "is used by none of its codes")
        self.cameo_codes = set(codes)
        self.counts.append(f"{path}: {len(codes)} codes "
                           f"({sum(len(c) == 2 for c in codes)} roots, "
                           f"{sum(len(c) == 3 for c in codes)} 3-digit, "
                           f"{sum(len(c) == 4 for c in codes)} 4-digit)")

    def check_inflections(self, path):
        rows = self.read_rows(path, "inflections")
        self.check_sorted(path, rows, "lemma", fold)
        seen = {}
        for lineno, row in rows:
            lemma = row["lemma"]
            if not WORD_RE.match(lemma):
                self.err(path, lineno, f"lemma is not a lowercase word: {lemma!r}")
            if lemma in seen:
                self.err(path, lineno, f"duplicate lemma {lemma!r} (first at line {seen[lemma]})")
            seen.setdefault(lemma, lineno)
            forms = {}
            for c in COLUMNS["inflections"][1:]:
                forms[c] = self.split_forms(path, lineno, c, row[c])
            for f in forms["gerund"]:
                if not f.endswith("ing"):
                    self.err(path, lineno, f"gerund {f!r} does not end in -ing")
            for f in forms["third_person"]:
                if not f.endswith("s") and lemma != "be":
                    self.err(path, lineno, f"third person {f!r} does not end in -s")
        self.counts.append(f"{path}: {len(rows)} verbs")

    def check_modality(self, path):
        rows = self.read_rows(path, "modality")
        self.check_sorted(path, rows, "cue", fold)
        seen = {}
        counts = {}
        for lineno, row in rows:
            cue = row["cue"]
            words = cue.split(" ")
            for w in words:
                if not CUE_WORD_RE.match(w):
                    self.err(path, lineno, f"cue word is not a lowercase word: {w!r}")
            if row["modality"] not in MODALITIES:
                self.err(path, lineno, f"modality {row['modality']!r} is not one of "
                         f"{', '.join(sorted(MODALITIES))}")
            if row["position"] not in POSITIONS:
                self.err(path, lineno, f"position {row['position']!r} is not before or after")
            key = (fold(cue), row["position"])
            if key in seen:
                self.err(path, lineno, f"cue {cue!r} ({row['position']}) listed twice "
                         f"(first at line {seen[key]})")
            seen.setdefault(key, lineno)
            counts[row["modality"]] = counts.get(row["modality"], 0) + 1
        self.counts.append(f"{path}: {len(rows)} cues ("
                           + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())) + ")")

    def check_pattern(self, path, lineno, pattern):
        words = pattern.split(" ")
        slots = {"SOURCE": 0, "TARGET": 0}
        lower = 0
        for i, w in enumerate(words):
            if w == "":
                self.err(path, lineno, f"pattern has an empty word (double space?): {pattern!r}")
                continue
            if w in slots:
                slots[w] += 1
                continue
            if w == "+passive":
                if i != len(words) - 1:
                    self.err(path, lineno, "'+passive' must be the last word of the pattern")
                continue
            if w == "'s":
                continue
            opens = w.count("{") + w.count("[")
            closes = w.count("}") + w.count("]")
            if opens or closes:
                m = re.match(r"^\{([^{}\[\]]+)\}$", w) or re.match(r"^\[([^{}\[\]]+)\]$", w)
                if not m:
                    self.err(path, lineno, f"unbalanced or nested {{}}/[] in {w!r}")
                    continue
                inner = m.group(1).split("|") if w.startswith("{") else [m.group(1)]
                if w.startswith("{") and len(inner) < 2:
                    self.err(path, lineno, f"choice {w!r} has fewer than two words")
                if w.startswith("[") and "|" in m.group(1):
                    self.err(path, lineno, f"optional word {w!r} holds a choice; use {{}}")
                for item in inner:
                    if not (PATTERN_WORD_RE.match(item) or item == "'s"):
                        self.err(path, lineno, f"{item!r} in {w!r} is not a lowercase word")
                lower += 1
                continue
            if "|" in w:
                self.err(path, lineno, f"'|' outside a {{}} choice in {w!r}")
                continue
            if PATTERN_WORD_RE.match(w):
                lower += 1
            else:
                self.err(path, lineno, f"pattern word {w!r} is neither SOURCE, TARGET, 's, "
                         "+passive nor a lowercase word")
        if slots["SOURCE"] + slots["TARGET"] == 0:
            self.err(path, lineno, f"pattern has no SOURCE or TARGET slot: {pattern!r}")
        for s, n in slots.items():
            if n > 1:
                self.err(path, lineno, f"pattern has {s} {n} times")
        if lower == 0:
            self.err(path, lineno, f"pattern has no lowercase word: {pattern!r}")
        if pattern.count("{") != pattern.count("}") or pattern.count("[") != pattern.count("]"):
            self.err(path, lineno, f"unbalanced {{}} or [] in {pattern!r}")

    def check_verbs(self, path):
        rows = self.read_rows(path, "verbs")
        if self.cameo_codes is None:
            self.warn(path, 0, "no cameo.tsv read: codes not checked against it")
        seen = {}
        for lineno, row in rows:
            code = row["code"]
            if not CODE_RE.match(code):
                self.err(path, lineno, f"code is not 2-4 digits: {code!r}")
            elif self.cameo_codes is not None and code not in self.cameo_codes:
                self.err(path, lineno, f"code {code} is not in cameo.tsv")
            self.check_pattern(path, lineno, row["pattern"])
            ex = row["example"]
            if ex == "-" or not ex.strip():
                self.err(path, lineno, "example is empty")
            elif not re.search(r"\b[A-Z]", ex):
                self.err(path, lineno, "example names no capitalized actor")
            key = (code, row["pattern"])
            if key in seen:
                self.err(path, lineno, f"duplicate pattern {row['pattern']!r} for {code} "
                         f"(first at line {seen[key]})")
            seen.setdefault(key, lineno)
        self.counts.append(f"{path}: {len(rows)} patterns")

    # ---- driver ------------------------------------------------------------

    def run(self, paths):
        self.counts = []
        order = {"cameo": 0, "inflections": 1, "modality": 2, "verbs": 3}
        known = []
        for p in paths:
            k = kind_of(p)
            if k is None:
                self.warn(p, 0, "skipped: not cameo.tsv, inflections.tsv, modality.tsv "
                          "or verbs*.tsv")
                continue
            known.append((order[k], p, k))
        known.sort()
        if not any(k == "cameo" for _, _, k in known) and any(k == "verbs" for _, _, k in known):
            for d in (DATA, os.path.join(DATA, "events")):
                c = os.path.join(d, "cameo.tsv")
                if os.path.isfile(c):
                    saved = (self.errors, self.warnings, self.counts)
                    self.errors, self.warnings, self.counts = [], [], []
                    self.check_cameo(c)
                    self.errors, self.warnings, self.counts = saved
                    break
        for _, p, k in known:
            getattr(self, "check_" + k)(p)


def default_paths():
    out = []
    for d in (DATA, os.path.join(DATA, "events")):
        for name in ("cameo.tsv", "inflections.tsv", "modality.tsv"):
            p = os.path.join(d, name)
            if os.path.isfile(p):
                out.append(p)
        out.extend(sorted(glob.glob(os.path.join(d, "verbs*.tsv"))))
    return out


def main(argv):
    paths = argv[1:] or default_paths()
    if not paths:
        print("no event dictionary files found", file=sys.stderr)
        return 1
    c = Checker()
    c.run(paths)
    for line in c.counts:
        print(line)
    for w in c.warnings:
        print(w, file=sys.stderr)
    for e in c.errors:
        print(e, file=sys.stderr)
    if c.errors:
        print(f"{len(c.errors)} error(s)", file=sys.stderr)
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
