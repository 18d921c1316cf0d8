#!/usr/bin/env python3
"""Verify the probe2 evaluation set against the source documents.

Standard library + the pdftotext binary (poppler-utils) only.

Checks:
  * every line of ask.jsonl, check.jsonl and search.jsonl parses as JSON and has
    the expected fields, ids are unique and sequential, enums are valid;
  * counts (40 ask with 8 unanswerable at every 5th line, 40 check, 30 search);
  * every gold "contains" string is 3-12 words and, after lower-casing,
    straightening curly quotes and collapsing whitespace, is a substring of BOTH
    the plain and the -layout pdftotext output of that single page
    (for the DOCX: of the text of word/document.xml with tags stripped; page null);
  * paraphrase queries share no word of 5+ letters with their gold strings.

Usage: python3 verify_probe.py [--docs /work/shared/real/docs]
Exit status 0 when everything passes.
"""
import html
import json
import os
import re
import subprocess
import sys
import zipfile
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
DOCS = "/work/shared/real/docs"
if "--docs" in sys.argv:
    DOCS = sys.argv[sys.argv.index("--docs") + 1]

QUOTES = {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'}


def norm(s):
    s = s.lower()
    for a, b in QUOTES.items():
        s = s.replace(a, b)
    return re.sub(r"\s+", " ", s).strip()


_cache = {}


def page_texts(doc, page):
    key = (doc, page)
    if key in _cache:
        return _cache[key]
    path = os.path.join(DOCS, doc)
    if doc.lower().endswith(".docx"):
        with zipfile.ZipFile(path) as z:
            xml = z.read("word/document.xml").decode("utf-8")
        xml = re.sub(r"</w:p>", "\n", xml)
        xml = re.sub(r"<w:tab/>", " ", xml)
        txt = html.unescape(re.sub(r"<[^>]+>", "", xml))
        out = [norm(txt)]
    else:
        out = []
        for extra in ([], ["-layout"]):
            r = subprocess.run(
                ["pdftotext", "-f", str(page), "-l", str(page)] + extra + [path, "-"],
                capture_output=True,
                text=True,
            )
            if r.returncode != 0:
                raise RuntimeError(f"pdftotext failed for {doc} p{page}: {r.stderr.strip()}")
            out.append(norm(r.stdout))
    _cache[key] = out
    return out


errors = []


def err(msg):
    errors.append(msg)


def check_gold(rid, gold, min_n=0, max_n=99):
    if not isinstance(gold, list):
        err(f"{rid}: gold is not a list")
        return
    if not (min_n <= len(gold) <= max_n):
        err(f"{rid}: gold has {len(gold)} entries (want {min_n}-{max_n})")
    docs = set(os.listdir(DOCS))
    for gdx, g in enumerate(gold):
        if set(g) != {"doc", "page", "contains"}:
            err(f"{rid} gold[{gdx}]: keys {sorted(g)}")
            continue
        doc, page, c = g["doc"], g["page"], g["contains"]
        if doc not in docs:
            err(f"{rid} gold[{gdx}]: unknown doc {doc!r}")
            continue
        if doc.lower().endswith(".docx"):
            if page is not None:
                err(f"{rid} gold[{gdx}]: DOCX page must be null")
        elif not isinstance(page, int) or page < 1:
            err(f"{rid} gold[{gdx}]: bad page {page!r}")
            continue
        nw = len(c.split())
        if not (3 <= nw <= 12):
            err(f"{rid} gold[{gdx}]: contains has {nw} words: {c!r}")
        for label, txt in zip(("plain", "layout"), page_texts(doc, page), strict=False):
            if norm(c) not in txt:
                err(f"{rid} gold[{gdx}]: {c!r} not found in {label} text of {doc} p{page}")


def load(name):
    rows = []
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        for ln, line in enumerate(f, 1):
            if not line.strip():
                err(f"{name} line {ln}: blank line")
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as e:
                err(f"{name} line {ln}: bad JSON: {e}")
    return rows


def check_ids(name, rows, prefix):
    for i, r in enumerate(rows, 1):
        want = f"{prefix}-{i:02d}"
        if r.get("id") != want:
            err(f"{name}: row {i} id {r.get('id')!r}, expected {want!r}")


# ---- ask
ask = load("ask.jsonl")
check_ids("ask.jsonl", ask, "qa")
if len(ask) != 40:
    err(f"ask.jsonl: {len(ask)} rows, expected 40")
n_unans = 0
for i, r in enumerate(ask, 1):
    if set(r) != {"id", "question", "answers", "gold"}:
        err("{}: keys {}".format(r.get("id"), sorted(r)))
        continue
    if not r["question"].strip():
        err("{}: empty question".format(r["id"]))
    if r["answers"] == []:
        n_unans += 1
        if r["gold"] != []:
            err("{}: unanswerable but gold not empty".format(r["id"]))
        if i % 5 != 0:
            err("{}: unanswerable question not at a 5th line".format(r["id"]))
    else:
        if i % 5 == 0:
            err("{}: 5th line should be unanswerable".format(r["id"]))
        if not all(isinstance(a, str) and a.strip() for a in r["answers"]):
            err("{}: bad answers".format(r["id"]))
        check_gold(r["id"], r["gold"], 1)
if n_unans != 8:
    err(f"ask.jsonl: {n_unans} unanswerable, expected 8")

# ---- check
check = load("check.jsonl")
check_ids("check.jsonl", check, "qc")
if len(check) != 40:
    err(f"check.jsonl: {len(check)} rows, expected 40")
verdicts = Counter()
for r in check:
    if set(r) != {"id", "claim", "verdict", "gold"}:
        err("{}: keys {}".format(r.get("id"), sorted(r)))
        continue
    v = r["verdict"]
    verdicts[v] += 1
    if v not in ("supported", "contradicted", "not_found"):
        err("{}: bad verdict {!r}".format(r["id"], v))
    elif v == "not_found":
        if r["gold"] != []:
            err("{}: not_found must have empty gold".format(r["id"]))
    else:
        check_gold(r["id"], r["gold"], 1)

# ---- search
search = load("search.jsonl")
check_ids("search.jsonl", search, "qs")
if len(search) != 30:
    err(f"search.jsonl: {len(search)} rows, expected 30")
kinds = Counter()
KINDS = {"exact", "theme", "paraphrase", "acronym", "typo", "number", "table"}
for r in search:
    if set(r) != {"id", "query", "kind", "gold"}:
        err("{}: keys {}".format(r.get("id"), sorted(r)))
        continue
    kinds[r["kind"]] += 1
    if r["kind"] not in KINDS:
        err("{}: bad kind {!r}".format(r["id"], r["kind"]))
    check_gold(r["id"], r["gold"], 1, 4)
    if r["kind"] == "paraphrase":
        qw = {w for w in re.findall(r"[a-z]+", norm(r["query"])) if len(w) >= 5}
        for g in r["gold"]:
            gw = {w for w in re.findall(r"[a-z]+", norm(g["contains"])) if len(w) >= 5}
            if qw & gw:
                err("{}: paraphrase shares words {} with gold".format(r["id"], sorted(qw & gw)))

print(f"ask: {len(ask)} rows, {len(ask) - n_unans} answerable, {n_unans} unanswerable")
print(f"check: {len(check)} rows, {dict(verdicts)}")
print(f"search: {len(search)} rows, {dict(kinds)}")
if errors:
    print(f"\n{len(errors)} problem(s):")
    for e in errors:
        print("  - " + e)
    sys.exit(1)
print("all gold strings verified in plain and -layout text; all files parse")
