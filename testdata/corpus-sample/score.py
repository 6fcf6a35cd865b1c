#!/usr/bin/env python3
"""Mention-level NER precision and recall of tacitus on the hand-checked sample
of ../shared/corpus/modern (docs/ner-sample.md).

    python3 testdata/corpus-sample/score.py --tacitus target/release/tacitus
        [--corpus ../shared/corpus/modern] [--scorer ../shared/tools/score_ner.py]
        [--min-f1 0.5] [--errors N] [--keep DIR] [--require]

annotations.jsonl (next to this script) holds, for each sampled article, its
file name, the SHA-256 of the whole file and the gold entities as
{start, end, type} only: character offsets (code points) into the article's
body, which is the file's text after its first four lines (date, blank,
title, blank). No article text is stored in the repository; the gold span
texts are taken from the corpus at run time.

The script builds the tacitus input (JSONL: id, text = the body, title,
date) and the gold JSONL in a temporary folder, runs
`tacitus code --input-format jsonl --format jsonl`, then
`score_ner.py --ignore-misc`, and prints its figures (overall and per type).

Exit status: 0 when scored (or skipped because ../shared is absent: a line
starting with "skipped:" says so; --require makes that an error, status 2);
1 when the overall F1 is below --min-f1; 2 when the corpus differs from the
annotated one, the annotations are malformed or a tool fails.
"""

import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", ".."))
TYPES = ("PER", "ORG", "LOC", "MISC")
MONTHS = {m: i for i, m in enumerate(
    ("January", "February", "March", "April", "May", "June", "July",
     "August", "September", "October", "November", "December"), 1)}


def fail(msg):
    print("error: " + msg, file=sys.stderr)
    sys.exit(2)


def skip(msg, require):
    if require:
        fail(msg)
    print("skipped: " + msg)
    sys.exit(0)


def split_article(raw):
    """(date line, title, body) of a corpus file; body offsets index the gold."""
    parts = raw.split("\n", 4)
    if len(parts) < 5 or parts[1] or parts[3]:
        return None
    return parts[0], parts[2], parts[4]


def iso_date(line):
    m = re.fullmatch(r"\s*(\d{1,2}) ([A-Z][a-z]+) (\d{4})\s*", line)
    if not m or m.group(2) not in MONTHS:
        return None
    return "%s-%02d-%02d" % (m.group(3), MONTHS[m.group(2)], int(m.group(1)))


def load_annotations(path):
    docs = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                d = json.loads(line)
            except json.JSONDecodeError as e:
                fail("%s:%d: bad JSON: %s" % (path, n, e))
            if set(d) != {"file", "sha256", "entities"}:
                fail("%s:%d: expected the keys file, sha256, entities" % (path, n))
            docs.append(d)
    return docs


def check_entities(doc, body):
    prev_end = 0
    for e in doc["entities"]:
        if set(e) != {"start", "end", "type"} or e["type"] not in TYPES:
            fail("%s: malformed entity %r" % (doc["file"], e))
        s, t = e["start"], e["end"]
        if not (isinstance(s, int) and isinstance(t, int) and prev_end <= s < t <= len(body)):
            fail("%s: entity %r is out of order, overlapping or out of bounds" % (doc["file"], e))
        span = body[s:t]
        if span != span.strip() or not span.strip():
            fail("%s: entity %r has outer whitespace" % (doc["file"], e))
        prev_end = t


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tacitus", required=True, help="the tacitus binary to score")
    ap.add_argument("--corpus", default=os.path.join(REPO, "..", "shared", "corpus", "modern"))
    ap.add_argument("--scorer", default=os.path.join(REPO, "..", "shared", "tools", "score_ner.py"))
    ap.add_argument("--annotations", default=os.path.join(HERE, "annotations.jsonl"))
    ap.add_argument("--min-f1", type=float, help="exit 1 when the overall F1 is below this floor")
    ap.add_argument("--errors", type=int, default=0, metavar="N",
                    help="list up to N spurious and N missed mentions (score_ner.py --errors)")
    ap.add_argument("--keep", metavar="DIR", help="write input.jsonl, gold.jsonl, output.jsonl to DIR")
    ap.add_argument("--require", action="store_true", help="fail (status 2) instead of skipping when ../shared is absent")
    args = ap.parse_args()

    if not os.path.isdir(args.corpus):
        skip("the corpus %s is absent" % os.path.normpath(args.corpus), args.require)
    if not os.path.isfile(args.scorer):
        skip("the scorer %s is absent" % os.path.normpath(args.scorer), args.require)
    if not os.path.isfile(args.tacitus):
        fail("no tacitus binary at %s" % args.tacitus)

    docs = load_annotations(args.annotations)
    inputs, golds = [], []
    for d in docs:
        path = os.path.join(args.corpus, d["file"])
        if not os.path.isfile(path):
            fail("%s is absent from the corpus %s" % (d["file"], args.corpus))
        with open(path, "rb") as f:
            data = f.read()
        if hashlib.sha256(data).hexdigest() != d["sha256"]:
            fail("%s has changed since it was annotated (SHA-256 differs)" % d["file"])
        parts = split_article(data.decode("utf-8"))
        if parts is None:
            fail("%s does not have the layout date, blank, title, blank, body" % d["file"])
        date_line, title, body = parts
        check_entities(d, body)
        doc_id = os.path.splitext(d["file"])[0]
        inputs.append({"id": doc_id, "text": body, "title": title, "date": iso_date(date_line)})
        golds.append({"id": doc_id, "text": body, "entities": [
            {"start": e["start"], "end": e["end"], "text": body[e["start"]:e["end"]], "type": e["type"]}
            for e in d["entities"]]})

    with tempfile.TemporaryDirectory(prefix="tacitus-ner-sample-") as tmp:
        out_dir = args.keep or tmp
        os.makedirs(out_dir, exist_ok=True)
        in_path = os.path.join(out_dir, "input.jsonl")
        gold_path = os.path.join(out_dir, "gold.jsonl")
        out_path = os.path.join(out_dir, "output.jsonl")
        fig_path = os.path.join(out_dir, "figures.json")
        for path, rows in ((in_path, inputs), (gold_path, golds)):
            with open(path, "w", encoding="utf-8") as f:
                for row in rows:
                    f.write(json.dumps(row, ensure_ascii=False) + "\n")
        with open(out_path, "wb") as out:
            run = subprocess.run([args.tacitus, "code", "--input-format", "jsonl", "--format", "jsonl", in_path],
                                 stdout=out, stderr=subprocess.PIPE)
        if run.returncode != 0:
            fail("tacitus exited with %d: %s" % (run.returncode, run.stderr.decode("utf-8", "replace").strip()))
        cmd = [sys.executable, args.scorer, out_path, "--gold", gold_path, "--ignore-misc", "--json", fig_path]
        if args.errors:
            cmd += ["--errors", str(args.errors)]
        score = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        report = score.stdout.decode("utf-8", "replace")
        if score.returncode != 0:
            fail("score_ner.py exited with %d: %s%s" % (
                score.returncode, report, score.stderr.decode("utf-8", "replace")))
        print("sample: %d articles of %s, %d gold mentions (%s)" % (
            len(docs), os.path.normpath(args.corpus), sum(len(g["entities"]) for g in golds),
            ", ".join("%s %d" % (t, sum(e["type"] == t for g in golds for e in g["entities"])) for t in TYPES)))
        print(report, end="")
        with open(fig_path, encoding="utf-8") as f:
            f1 = json.load(f)["overall"]["F1"]

    if args.min_f1 is not None and f1 < args.min_f1:
        print("FAIL: overall F1 %.4f is below the floor %.4f" % (f1, args.min_f1))
        sys.exit(1)
    if args.min_f1 is not None:
        print("ok: overall F1 %.4f is at or above the floor %.4f" % (f1, args.min_f1))


if __name__ == "__main__":
    main()
