#!/usr/bin/env python3
"""Checker for the probe10 hand-labelled evaluation set.

Loads ask.jsonl, check.jsonl and search.jsonl from this folder, checks ids,
counts, the verdict balance and the shape of every row, and verifies every gold
`contains` string against the text of the cited page, extracted two ways:
`pdftotext -f N -l N` (plain) and `pdftotext -layout -f N -l N`; for the DOCX,
word/document.xml with the tags stripped.  Both sides are normalised the same
way (NFKC, lower case, straight quotes and dashes, collapsed whitespace) and a
gold entry passes if it matches either extraction.

Usage: python3 verify_probe.py [--docs DIR] [-v]
Exits non-zero on any failure.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import unicodedata
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_DOCS = "/work/shared/real/docs"

QUOTES = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u201f": '"',
    "\u2033": '"',
}
DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u00ad"


def norm(s):
    s = unicodedata.normalize("NFKC", s).lower()
    for k, v in QUOTES.items():
        s = s.replace(k, v)
    for d in DASHES:
        s = s.replace(d, "-" if d != "\u00ad" else "")
    return re.sub(r"\s+", " ", s).strip()


def tokens(s):
    return re.findall(r"[a-z0-9]+", norm(s))


class Pages:
    """Per-page text for the documents, extracted on demand and cached."""

    def __init__(self, docs_dir):
        self.docs_dir = docs_dir
        self.cache = {}
        self.npages = {}

    def count(self, doc):
        if doc not in self.npages:
            out = subprocess.run(
                ["pdfinfo", os.path.join(self.docs_dir, doc)],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            self.npages[doc] = int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))
        return self.npages[doc]

    def texts(self, doc, page):
        key = (doc, page)
        if key in self.cache:
            return self.cache[key]
        path = os.path.join(self.docs_dir, doc)
        if doc.lower().endswith(".docx"):
            with zipfile.ZipFile(path) as z:
                xml = z.read("word/document.xml").decode("utf-8")
            out = [norm(re.sub(r"<[^>]+>", "", xml)), norm(re.sub(r"<[^>]+>", " ", xml))]
        else:
            out = []
            for extra in ([], ["-layout"]):
                r = subprocess.run(
                    ["pdftotext", *extra, "-f", str(page), "-l", str(page), path, "-"],
                    capture_output=True,
                    text=True,
                    check=True,
                )
                out.append(norm(r.stdout))
        self.cache[key] = out
        return out


def load(name):
    rows = []
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        for line in f:
            if line.strip():
                rows.append(json.loads(line))
    return rows


def sentence_around(text, start, end):
    """The sentence (roughly) that contains text[start:end]."""
    left = max(text.rfind(t, 0, start) for t in (". ", "? ", "! ", "• ", "; "))
    rights = [i for i in (text.find(t, end) for t in (". ", "? ", "! ", "• ", "; ")) if i != -1]
    right = min(rights) if rights else len(text)
    return text[left + 1 if left >= 0 else 0 : right]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", default=DEFAULT_DOCS)
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()

    fails, notes = [], []
    pages = Pages(args.docs)
    docs = set(os.listdir(args.docs))

    def fail(msg):
        fails.append(msg)

    def check_gold(rid, gold, lo, hi):
        if not isinstance(gold, list) or not (lo <= len(gold) <= hi):
            fail(
                f"{rid}: expected {lo}-{hi} gold entries, "
                f"got {len(gold) if isinstance(gold, list) else gold!r}"
            )
            return []
        found = []
        for g in gold:
            if set(g) != {"doc", "page", "contains"}:
                fail(f"{rid}: gold keys {sorted(g)}")
                continue
            doc, page, contains = g["doc"], g["page"], g["contains"]
            if doc not in docs:
                fail(f"{rid}: unknown doc {doc!r}")
                continue
            if doc.lower().endswith(".docx"):
                if page is not None:
                    fail(f"{rid}: DOCX gold must have page null")
                    continue
            else:
                if (
                    not isinstance(page, int)
                    or isinstance(page, bool)
                    or not (1 <= page <= pages.count(doc))
                ):
                    fail(f"{rid}: bad page {page!r} for {doc}")
                    continue
            nwords = len(norm(contains).split())
            if not (3 <= nwords <= 12):
                fail(f"{rid}: contains has {nwords} words (want 3-12): {contains!r}")
            c = norm(contains)
            texts = pages.texts(doc, page)
            if not any(c in t for t in texts):
                fail(f"{rid}: contains not found on {doc} p.{page}: {contains!r}")
                continue
            found.append((g, c, texts))
        return found

    # ---------------------------------------------------------------- ask
    ask = load("ask.jsonl")
    if len(ask) != 40:
        fail(f"ask.jsonl: {len(ask)} rows, want 40")
    unans = 0
    for i, r in enumerate(ask, 1):
        rid = f"ta-{i:02d}"
        if r.get("id") != rid:
            fail(f"ask row {i}: id {r.get('id')!r}, want {rid}")
        if set(r) != {"id", "question", "answers", "gold"}:
            fail(f"{rid}: keys {sorted(r)}")
            continue
        if not isinstance(r["question"], str) or not r["question"].strip():
            fail(f"{rid}: empty question")
        if i % 5 == 0:
            unans += 1
            if r["answers"] != [] or r["gold"] != []:
                fail(f"{rid}: every fifth row must be unanswerable (answers [] and gold [])")
            continue
        if not r["answers"] or not all(isinstance(a, str) and a.strip() for a in r["answers"]):
            fail(f"{rid}: answerable row needs non-empty answers")
        found = check_gold(rid, r["gold"], 1, 4)
        # informational: does an accepted answer appear verbatim on a gold page?
        hit = any(norm(a) in t for a in r["answers"] for _, _, ts in found for t in ts)
        if found and not hit:
            notes.append(
                f"{rid}: no accepted answer appears verbatim on its gold pages "
                "(paraphrased or yes/no answer)"
            )

    # ---------------------------------------------------------------- check
    check = load("check.jsonl")
    if len(check) != 40:
        fail(f"check.jsonl: {len(check)} rows, want 40")
    counts = {"supported": 0, "contradicted": 0, "not_found": 0}
    run_v, run_n = None, 0
    digitless = 0
    for i, r in enumerate(check, 1):
        rid = f"tc-{i:02d}"
        if r.get("id") != rid:
            fail(f"check row {i}: id {r.get('id')!r}, want {rid}")
        if set(r) != {"id", "claim", "verdict", "gold"}:
            fail(f"{rid}: keys {sorted(r)}")
            continue
        v = r["verdict"]
        if v not in counts:
            fail(f"{rid}: bad verdict {v!r}")
            continue
        counts[v] += 1
        run_n = run_n + 1 if v == run_v else 1
        run_v = v
        if run_n >= 3:
            fail(f"{rid}: verdict {v!r} three times in a row")
        if not re.search(r"\d", r["claim"]):
            digitless += 1
        if v == "not_found":
            if r["gold"] != []:
                fail(f"{rid}: not_found claims must have gold []")
        else:
            check_gold(rid, r["gold"], 1, 4)
    if unans != 8:
        fail(f"ask.jsonl: {unans} unanswerable rows, want 8")
    want = {"supported": 14, "contradicted": 14, "not_found": 12}
    if counts != want:
        fail(f"check.jsonl verdicts {counts}, want {want}")
    if digitless < 28:
        fail(f"check.jsonl: only {digitless} claims without a digit, want at least 28")

    # ---------------------------------------------------------------- search
    search = load("search.jsonl")
    if len(search) != 30:
        fail(f"search.jsonl: {len(search)} rows, want 30")
    kinds = {}
    allowed = {"exact", "theme", "paraphrase", "acronym", "typo", "number", "table"}
    for i, r in enumerate(search, 1):
        rid = f"ts-{i:02d}"
        if r.get("id") != rid:
            fail(f"search row {i}: id {r.get('id')!r}, want {rid}")
        if set(r) != {"id", "query", "kind", "gold"}:
            fail(f"{rid}: keys {sorted(r)}")
            continue
        k = r["kind"]
        if k not in allowed:
            fail(f"{rid}: bad kind {k!r}")
        kinds[k] = kinds.get(k, 0) + 1
        found = check_gold(rid, r["gold"], 1, 4)
        q = r["query"]
        if k == "exact":
            qt = tokens(q)
            ok = False
            for _, _, ts in found:
                for t in ts:
                    tt = tokens(t)
                    if any(tt[j : j + len(qt)] == qt for j in range(len(tt) - len(qt) + 1)):
                        ok = True
            if not ok:
                fail(f"{rid}: exact query not found verbatim on a gold page")
        elif k == "number":
            nums = re.findall(r"\d[\d,]*", q)
            if not nums or not all(any(n in t for _, _, ts in found for t in ts) for n in nums):
                fail(f"{rid}: number query figure not found on its gold pages")
        elif k == "paraphrase":
            qwords = {w for w in tokens(q) if len(w) >= 5 and w.isalpha()}
            for g, c, ts in found:
                t = ts[0] if c in ts[0] else ts[1]
                s = t.find(c)
                sent = sentence_around(t, s, s + len(c))
                shared = qwords & set(tokens(sent))
                if shared:
                    fail(
                        f"{rid}: paraphrase shares {sorted(shared)} "
                        f"with the gold sentence on p.{g['page']}"
                    )
    want_kinds = {"exact": 4, "theme": 4, "paraphrase": 6, "acronym": 4,
                  "typo": 4, "number": 4, "table": 4}
    for k in sorted(allowed):
        if kinds.get(k, 0) != want_kinds[k]:
            fail(f"search.jsonl: {kinds.get(k, 0)} {k!r} queries, want {want_kinds[k]}")

    # ---------------------------------------------------------------- report
    ngold = sum(len(r.get("gold", [])) for r in ask + check + search)
    print(f"ask.jsonl:    {len(ask)} rows ({len(ask) - unans} answerable, {unans} unanswerable)")
    print(f"check.jsonl:  {len(check)} rows {counts}; {digitless} claims without a digit")
    print(f"search.jsonl: {len(search)} rows; kinds {dict(sorted(kinds.items()))}")
    print(f"gold entries checked: {ngold}")
    if args.verbose:
        for n in notes:
            print("note:", n)
    if fails:
        print(f"\nFAILED: {len(fails)} problem(s)")
        for f in fails:
            print("  -", f)
        return 1
    print("OK: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
