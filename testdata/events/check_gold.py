#!/usr/bin/env python3
"""Check the event fixtures in this folder (NN-slug.txt + NN-slug.gold.json).

    python3 check_gold.py [DIR]

For every pair it checks that the gold file is valid JSON in the expected shape,
that the article header (date line, headline, optional standfirst) agrees with
`article`, that the body is 120-300 words, and that every event item is well
formed: 2-digit CAMEO roots 01-20, modalities from the five allowed, actor keys
of three capital letters or "*", ISO dates, and a `hint` that occurs in the body
(case-insensitively) inside a single sentence. Quote hints must lie inside a
quotation and their speaker must be named in the body. It then prints the
coverage counts (per root, per modality) and fails when a root is a `must` item
in fewer than two articles or a modality is never used. Plain python3, no
dependencies. Exit status 0 when all is well, 1 otherwise.
"""
import collections
import datetime as dt
import glob
import json
import os
import re
import sys

ROOTS = [f"{i:02d}" for i in range(1, 21)]
MODALITIES = ["asserted", "planned", "intended", "possible", "negated"]
ACTOR = re.compile(r"^(\*|[A-Z]{3})$")
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2}(T(MO|AF|EV|NI))?)?|-W\d{2})?$")
MONTHS = {m: i + 1 for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"])}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
# Words after which a period does not end a sentence.
ABBREV = {"u.s", "u.n", "u.k", "e.u", "mr", "mrs", "ms", "dr", "st", "gen", "jr", "sr", "no",
          "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec", "vs", "inc",
          "corp", "co", "ltd", "lt", "col", "sgt", "rep", "sen", "gov", "prof", "d.c", "a.m", "p.m"}
MIN_WORDS, MAX_WORDS = 120, 300


def parse_date_line(line):
    """The date of a header line such as "12 February 2025", "June 20, 2024",
    "Monday, 17 April 2023", "Aug. 29, 2018", "2024-06-26" or "Today : Jan 22, 2022"."""
    text = re.sub(r"^(today|published|updated|posted|date)\s*:?\s*", "", line.strip(), flags=re.I)
    weekday = None
    m = re.match(r"^([A-Za-z]+),\s*(.*)$", text)
    if m and m.group(1).lower() in WEEKDAYS:
        weekday, text = WEEKDAYS.index(m.group(1).lower()), m.group(2)
    d = None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        d = dt.date.fromisoformat(text)
    m = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?\s+(\d{4})", text)
    if m and m.group(2)[:3].lower() in MONTHS:
        d = dt.date(int(m.group(3)), MONTHS[m.group(2)[:3].lower()], int(m.group(1)))
    m = re.fullmatch(r"([A-Za-z]+)\.?\s+(\d{1,2}),\s*(\d{4})", text)
    if m and m.group(1)[:3].lower() in MONTHS:
        d = dt.date(int(m.group(3)), MONTHS[m.group(1)[:3].lower()], int(m.group(2)))
    if d and weekday is not None and d.weekday() != weekday:
        raise ValueError(f"weekday does not match the date in {line!r}")
    return d


def split_article(raw, gold_article):
    """(header lines, body) of a fixture: the body starts after the standfirst
    when there is one, else after the headline."""
    lines = raw.split("\n")
    title = gold_article.get("title")
    sub = gold_article.get("subtitle")
    if title not in lines:
        raise ValueError(f"headline {title!r} is not a line of the article")
    t = lines.index(title)
    if lines[t - 1] != "" or lines[t + 1] != "":
        raise ValueError("headline must stand alone in its paragraph")
    end = t
    if sub is not None:
        if t + 2 >= len(lines) or lines[t + 2] != sub or lines[t + 3] != "":
            raise ValueError(f"standfirst {sub!r} must be the paragraph right after the headline")
        end = t + 2
    return lines[:t], "\n".join(lines[end + 1:]).strip("\n")


def sentences(body):
    """Rough sentence spans of the body: split at . ! ? (and a closing quote)
    followed by space and a capital or quote, unless the word is an abbreviation
    or an initial; paragraphs always end a sentence."""
    spans = []
    for para in re.finditer(r"[^\n]+", body):
        text, base, start = para.group(0), para.start(), 0
        for m in re.finditer(r"[.!?][\"”’)]?\s+(?=[A-Z\"“‘(])", text):
            word = re.search(r"(\S+)$", text[start:m.start()])
            w = (word.group(1) if word else "").lower().strip("\"“(")
            if w in ABBREV or re.fullmatch(r"[a-z]", w):
                continue
            spans.append(text[start:m.end()].strip())
            start = m.end()
        spans.append(text[start:].strip())
    return [s for s in spans if s]


def quoted_spans(body):
    return [m.group(1) for m in re.finditer(r"[\"“]([^\"”]+)[\"”]", body)]


def check_event(e, where, body_l, sents_l, must, errors, warnings):
    if not isinstance(e.get("what"), str) or not e["what"]:
        errors.append(f"{where}: missing 'what'")
    pairs = e.get("pairs")
    if pairs is not None:
        if not isinstance(pairs, list) or not pairs:
            errors.append(f"{where}: 'pairs' must be a non-empty list")
            pairs = []
        for p in pairs:
            if not (isinstance(p, list) and len(p) == 2 and all(isinstance(x, str) and ACTOR.match(x) for x in p)):
                errors.append(f"{where}: bad pair {p!r}")
        if "source" in e or "target" in e:
            errors.append(f"{where}: give either pairs or source/target")
    else:
        for side in ("source", "target"):
            if not (isinstance(e.get(side), str) and ACTOR.match(e[side])):
                errors.append(f"{where}: bad {side} {e.get(side)!r}")
    if "either_way" in e and not isinstance(e["either_way"], bool):
        errors.append(f"{where}: either_way must be true or false")
    roots = e.get("roots")
    if not (isinstance(roots, list) and roots and all(r in ROOTS for r in roots)):
        errors.append(f"{where}: bad roots {roots!r}")
    elif len(set(roots)) != len(roots):
        errors.append(f"{where}: repeated root")
    mods = e.get("modality")
    if not (isinstance(mods, list) and mods and all(m in MODALITIES for m in mods)):
        errors.append(f"{where}: bad modality {mods!r}")
    if "date" in e:
        if not (isinstance(e["date"], list) and e["date"] and all(isinstance(d, str) and DATE.match(d) for d in e["date"])):
            errors.append(f"{where}: bad date {e['date']!r}")
    hint = e.get("hint")
    if hint is None:
        if must:
            errors.append(f"{where}: a must item needs a hint")
        return
    if not isinstance(hint, str) or not hint.strip():
        errors.append(f"{where}: empty hint")
        return
    h = hint.lower()
    if h not in body_l:
        errors.append(f"{where}: hint {hint!r} not in the article body")
    elif not any(h in s for s in sents_l):
        errors.append(f"{where}: hint {hint!r} crosses a sentence boundary")
    elif must and body_l.count(h) > 1:
        warnings.append(f"{where}: hint {hint!r} occurs {body_l.count(h)} times")


def check_pair(txt, gold_path, errors, warnings):
    name = os.path.basename(gold_path)
    try:
        with open(gold_path, encoding="utf-8") as f:
            gold = json.load(f)
    except (OSError, ValueError) as ex:
        errors.append(f"{name}: cannot read JSON: {ex}")
        return None
    with open(txt, encoding="utf-8") as f:
        raw = f.read()
    allowed = {"about", "article", "events", "quotes"}
    extra = set(gold) - allowed
    if extra:
        errors.append(f"{name}: unexpected sections {sorted(extra)}")
    if not isinstance(gold.get("about"), str) or not gold["about"]:
        errors.append(f"{name}: missing 'about'")
    art = gold.get("article") or {}
    if set(art) - {"published", "title", "subtitle"} or not {"published", "title"} <= set(art):
        errors.append(f"{name}: article must have published, title and optionally subtitle")
        return None
    try:
        header, body = split_article(raw, art)
        dates = [d for d in (parse_date_line(l) for l in header) if d]
        if not dates:
            errors.append(f"{name}: no date line before the headline")
        elif dates[-1].isoformat() != art["published"]:
            errors.append(f"{name}: date line says {dates[-1]}, published is {art['published']}")
    except ValueError as ex:
        errors.append(f"{name}: {ex}")
        return None
    words = len(body.split())
    if not MIN_WORDS <= words <= MAX_WORDS:
        errors.append(f"{name}: body has {words} words, want {MIN_WORDS}-{MAX_WORDS}")
    body_l = body.lower()
    sents_l = [s.lower() for s in sentences(body)]
    ev = gold.get("events")
    if not isinstance(ev, dict) or not isinstance(ev.get("must"), list) or not isinstance(ev.get("may", []), list):
        errors.append(f"{name}: events must have 'must' and 'may' lists")
        return None
    if set(ev) - {"must", "may"}:
        errors.append(f"{name}: unexpected keys in events")
    for kind in ("must", "may"):
        for i, e in enumerate(ev.get(kind) or []):
            check_event(e, f"{name} {kind}[{i}]", body_l, sents_l, kind == "must", errors, warnings)
    quotes = gold.get("quotes")
    if quotes is not None:
        spans = [q.lower() for q in quoted_spans(body)]
        for i, q in enumerate(quotes.get("must") or []):
            hint, speaker = q.get("hint"), q.get("speaker")
            if not (isinstance(hint, str) and any(hint.lower() in s for s in spans)):
                errors.append(f"{name} quotes[{i}]: hint {hint!r} is not inside a quotation")
            if not (isinstance(speaker, str) and speaker in body):
                errors.append(f"{name} quotes[{i}]: speaker {speaker!r} not named in the body")
    return gold, words


def expanded(e):
    return len(e.get("pairs") or [None])


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    errors, warnings = [], []
    texts = sorted(glob.glob(os.path.join(folder, "[0-9][0-9]-*.txt")))
    golds = sorted(glob.glob(os.path.join(folder, "[0-9][0-9]-*.gold.json")))
    for g in golds:
        if g[: -len(".gold.json")] + ".txt" not in texts:
            errors.append(f"{os.path.basename(g)}: no article")
    root_items, root_articles = collections.Counter(), collections.Counter()
    mod_items = collections.Counter()
    n_must = n_may = n_must_x = n_may_x = n_quotes = 0
    word_counts, dated = [], 0
    seen_nums = set()
    for t in texts:
        num = os.path.basename(t)[:2]
        if num in seen_nums:
            errors.append(f"{os.path.basename(t)}: number {num} used twice")
        seen_nums.add(num)
        g = t[: -len(".txt")] + ".gold.json"
        if not os.path.exists(g):
            errors.append(f"{os.path.basename(t)}: no gold file")
            continue
        res = check_pair(t, g, errors, warnings)
        if not res:
            continue
        gold, words = res
        word_counts.append(words)
        must = gold["events"]["must"]
        may = gold["events"].get("may") or []
        n_must += len(must)
        n_may += len(may)
        n_must_x += sum(expanded(e) for e in must)
        n_may_x += sum(expanded(e) for e in may)
        n_quotes += len((gold.get("quotes") or {}).get("must") or [])
        if not 3 <= len(must) <= 12:
            warnings.append(f"{os.path.basename(g)}: {len(must)} must items")
        roots_here = set()
        for e in must:
            for r in e.get("roots") or []:
                root_items[r] += 1
                roots_here.add(r)
            for m in e.get("modality") or []:
                mod_items[m] += 1
            dated += "date" in e
        for r in roots_here:
            root_articles[r] += 1

    print(f"articles: {len(texts)}  body words: min {min(word_counts, default=0)}, "
          f"max {max(word_counts, default=0)}, mean {sum(word_counts) / max(len(word_counts), 1):.0f}")
    print(f"must items: {n_must} ({n_must_x} after expanding pairs), with a date: {dated}")
    print(f"may items: {n_may} ({n_may_x} after expanding pairs)")
    print(f"quotes: {n_quotes}")
    print("root  must-items  articles")
    for r in ROOTS:
        print(f"  {r}  {root_items[r]:10d}  {root_articles[r]:8d}")
        if root_articles[r] < 2:
            errors.append(f"root {r} is a must item in only {root_articles[r]} article(s)")
    print("modality  must-items")
    for m in MODALITIES:
        print(f"  {m:9s} {mod_items[m]:5d}")
        if not mod_items[m]:
            errors.append(f"modality {m} is never used in a must item")
    for w in warnings:
        print("warning:", w)
    for e in errors:
        print("ERROR:", e)
    print(("FAIL" if errors else "OK") + f": {len(texts)} articles, {len(errors)} errors, {len(warnings)} warnings")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
