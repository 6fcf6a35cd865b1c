#!/usr/bin/env python3
"""Score a tacitus binary on every event fixture of a folder and aggregate.

    python3 score_all.py --tacitus target/release/tacitus --dir testdata/events \
        [--score-py ../shared/tools/score.py] [--min-recall 0.5] [--min-precision 0.5] [-v]

Each NN-slug.txt is coded with `tacitus code --format json NN-slug.txt` and
matched against NN-slug.gold.json with the functions of score.py (imported from
its path, so the matching is exactly score.py's): a `must` item is found when an
output event matches it (one output event per item), and an output event is
useful when it matches any `must` or `may` item. One line per article, then a
summary line with the micro-averaged figures:

    recall    = found must items / all must items (pairs expanded)
    precision = useful output events / all output events

The header check (published, title, subtitle as in the gold `article`) and
quote recall are reported too. Exit status: 1 when --min-recall or
--min-precision is not met, 2 when the binary or score.py cannot be used or an
article could not be coded, else 0.
"""
import argparse
import glob
import importlib.util
import json
import os
import subprocess
import sys

# The project's scorer sits next to the repository, in ../shared/tools.
DEFAULT_SCORE_PY = os.environ.get(
    "SCORE_PY",
    os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../shared/tools/score.py")),
)


def load_score_module(path):
    spec = importlib.util.spec_from_file_location("tacitus_score", path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {path}")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def code_article(binary, txt, timeout):
    proc = subprocess.run([binary, "code", "--format", "json", txt],
                          capture_output=True, text=True, timeout=timeout)
    if proc.returncode != 0:
        raise RuntimeError(f"exit {proc.returncode}: {proc.stderr.strip()[:200]}")
    doc = json.loads(proc.stdout)
    if doc.get("schema") != "tacitus/1":
        raise RuntimeError(f"schema is {doc.get('schema')!r}, expected 'tacitus/1'")
    return doc


def score_article(mod, doc, gold):
    art = doc.get("article") or {}
    header_problems = [f"{k}: {art.get(k)!r}, want {v!r}"
                       for k, v in (gold.get("article") or {}).items() if art.get(k) != v]
    if "subtitle" not in (gold.get("article") or {}) and art.get("subtitle"):
        header_problems.append(f"subtitle: {art.get('subtitle')!r}, want none")
    events = gold.get("events") or {}
    outs = [mod.event_view(doc, e) for e in doc.get("events") or []]
    must = mod.expand(events.get("must") or [])
    may = mod.expand(events.get("may") or [])
    found = mod.one_to_one(must, outs)
    useful = [any(mod.event_matches(g, o) for g in must + may) for o in outs]
    missed = [g["what"] + f" [{g['source']}->{g['target']}]" for g, ok in zip(must, found) if not ok]
    extra = [f"{o['source']}->{o['target']} {o['raw'].get('code')} {o['modality']} {o['date']}: "
             + ((o["raw"].get("evidence") or {}).get("text") or "")[:90]
             for o, ok in zip(outs, useful) if not ok]
    q_total = len((gold.get("quotes") or {}).get("must") or [])
    q_found = 0
    if q_total:
        ratio, _ = mod.score_quotes(doc, gold["quotes"])
        q_found = round(ratio * q_total)
    return {
        "header": header_problems, "must": len(must), "found": sum(found),
        "outputs": len(outs), "useful": sum(useful), "missed": missed, "extra": extra,
        "quotes": q_total, "quotes_found": q_found,
    }


def ratio(a, b, empty=1.0):
    return a / b if b else empty


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tacitus", required=True, help="path of the tacitus binary")
    ap.add_argument("--dir", required=True, help="folder with NN-slug.txt and NN-slug.gold.json pairs")
    ap.add_argument("--score-py", default=DEFAULT_SCORE_PY, help=f"path of score.py (default {DEFAULT_SCORE_PY})")
    ap.add_argument("--min-recall", type=float, default=None, help="fail below this micro event recall")
    ap.add_argument("--min-precision", type=float, default=None, help="fail below this micro event precision")
    ap.add_argument("--timeout", type=float, default=120.0, help="seconds per article")
    ap.add_argument("-v", "--verbose", action="store_true", help="list missed and unexpected events")
    args = ap.parse_args()

    try:
        mod = load_score_module(args.score_py)
    except (OSError, ImportError) as e:
        print(f"cannot load score.py: {e}")
        return 2
    if not os.access(args.tacitus, os.X_OK):
        print(f"not an executable: {args.tacitus}")
        return 2
    pairs = []
    for gold_path in sorted(glob.glob(os.path.join(args.dir, "*.gold.json"))):
        txt = gold_path[: -len(".gold.json")] + ".txt"
        if os.path.exists(txt):
            pairs.append((txt, gold_path))
    if not pairs:
        print(f"no fixtures in {args.dir}")
        return 2

    tot = {"must": 0, "found": 0, "outputs": 0, "useful": 0, "quotes": 0, "quotes_found": 0}
    header_ok, failed = 0, []
    for txt, gold_path in pairs:
        name = os.path.basename(txt)[: -len(".txt")]
        with open(gold_path, encoding="utf-8") as f:
            gold = json.load(f)
        try:
            doc = code_article(args.tacitus, txt, args.timeout)
        except (RuntimeError, ValueError, subprocess.TimeoutExpired, OSError) as e:
            failed.append(name)
            n_must = len(mod.expand((gold.get("events") or {}).get("must") or []))
            tot["must"] += n_must
            tot["quotes"] += len((gold.get("quotes") or {}).get("must") or [])
            print(f"{name:40s} ERROR {e}")
            continue
        r = score_article(mod, doc, gold)
        for k in tot:
            tot[k] += r[k]
        header_ok += not r["header"]
        print(f"{name:40s} header={'ok' if not r['header'] else 'BAD'} "
              f"must {r['found']:2d}/{r['must']:2d} recall={ratio(r['found'], r['must']):.2f}  "
              f"useful {r['useful']:2d}/{r['outputs']:2d} precision={ratio(r['useful'], r['outputs'], 0.0 if r['must'] else 1.0):.2f}"
              + (f"  quotes {r['quotes_found']}/{r['quotes']}" if r["quotes"] else ""))
        if r["header"]:
            for p in r["header"]:
                print(f"    header {p}")
        if args.verbose:
            for m in r["missed"]:
                print(f"    missed: {m}")
            for x in r["extra"]:
                print(f"    unexpected: {x}")

    recall = ratio(tot["found"], tot["must"])
    precision = ratio(tot["useful"], tot["outputs"], 0.0)
    failed_thresholds = []
    if args.min_recall is not None and recall < args.min_recall:
        failed_thresholds.append(f"recall {recall:.3f} < {args.min_recall}")
    if args.min_precision is not None and precision < args.min_precision:
        failed_thresholds.append(f"precision {precision:.3f} < {args.min_precision}")
    status = "FAIL " if failed_thresholds or failed else ""
    print(f"{status}articles={len(pairs)} coded={len(pairs) - len(failed)} headers_ok={header_ok} "
          f"must_found={tot['found']}/{tot['must']} recall={recall:.3f} "
          f"useful={tot['useful']}/{tot['outputs']} precision={precision:.3f} "
          f"quotes={tot['quotes_found']}/{tot['quotes']}"
          + (" (" + "; ".join(failed_thresholds) + ")" if failed_thresholds else ""))
    if failed:
        return 2
    return 1 if failed_thresholds else 0


if __name__ == "__main__":
    sys.exit(main())
