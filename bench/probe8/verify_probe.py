#!/usr/bin/env python3
"""Checker for the probe8 evaluation set (ask.jsonl, check.jsonl, search.jsonl).

Uses only the Python standard library plus pdftotext/pdfinfo (poppler-utils).
Prints one "FAIL: ..." line per problem and exits 0 only if every check passes.
"""

import html
import json
import os
import re
import subprocess
import sys
import unicodedata
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
DOCS = os.environ.get("PROBE8_DOCS", "/work/shared/real/docs")
FAILS = []


def fail(msg):
    FAILS.append(msg)
    print("FAIL: " + msg)


def norm(s):
    s = unicodedata.normalize("NFKC", s).lower()
    for a, b in [
        ("\u2018", "'"),
        ("\u2019", "'"),
        ("\u201a", "'"),
        ("\u201b", "'"),
        ("\u201c", '"'),
        ("\u201d", '"'),
        ("\u201e", '"'),
        ("\u2032", "'"),
        ("\u2010", "-"),
        ("\u2011", "-"),
        ("\u2012", "-"),
        ("\u2013", "-"),
        ("\u2014", "-"),
        ("\u2015", "-"),
        ("\u2212", "-"),
    ]:
        s = s.replace(a, b)
    return re.sub(r"\s+", " ", s).strip()


_pages = {}
_counts = {}


def page_count(doc):
    if doc not in _counts:
        out = subprocess.run(
            ["pdfinfo", os.path.join(DOCS, doc)], capture_output=True, text=True
        ).stdout
        m = re.search(r"^Pages:\s+(\d+)", out, re.M)
        _counts[doc] = int(m.group(1)) if m else 0
    return _counts[doc]


def page_texts(doc, page):
    key = (doc, page)
    if key not in _pages:
        path = os.path.join(DOCS, doc)
        if doc.lower().endswith(".docx"):
            xml = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
            xml = re.sub(r"</w:p>", "\n", xml)
            t = html.unescape(re.sub(r"<[^>]+>", "", xml))
            _pages[key] = (norm(t),)
        else:
            texts = []
            for extra in ([], ["-layout"]):
                r = subprocess.run(
                    ["pdftotext"] + extra + ["-f", str(page), "-l", str(page), path, "-"],
                    capture_output=True,
                    text=True,
                )
                texts.append(norm(r.stdout))
            _pages[key] = tuple(texts)
    return _pages[key]


def load(name):
    rows = []
    path = os.path.join(HERE, name)
    if not os.path.exists(path):
        fail(f"{name}: file missing")
        return rows
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                fail(f"{name}: blank line {n}")
                continue
            try:
                obj = json.loads(line)
            except Exception as e:
                fail(f"{name}: line {n} is not valid JSON ({e})")
                continue
            if not isinstance(obj, dict):
                fail(f"{name}: line {n} is not a JSON object")
                continue
            rows.append(obj)
    return rows


def check_keys(name, row, keys):
    rid = row.get("id", "?")
    if set(row.keys()) != set(keys):
        fail(f"{name} {rid}: keys {sorted(row.keys())} != {sorted(keys)}")


def check_ids(name, rows, prefix, n):
    if len(rows) != n:
        fail(f"{name}: expected {n} rows, found {len(rows)}")
    ids = [r.get("id") for r in rows]
    want = [f"{prefix}-{i:02d}" for i in range(1, len(rows) + 1)]
    if ids != want:
        fail(f"{name}: ids are not {prefix}-01..{prefix}-{len(rows):02d} in order")
    if len(set(ids)) != len(ids):
        fail(f"{name}: duplicate ids")


def check_gold(name, rid, gold):
    if not isinstance(gold, list):
        fail(f"{name} {rid}: gold is not a list")
        return
    for j, gd in enumerate(gold):
        where = f"{name} {rid} gold[{j}]"
        if not isinstance(gd, dict) or set(gd.keys()) != {"doc", "page", "contains"}:
            fail(f"{where}: must be an object with keys doc, page, contains")
            continue
        doc, page, contains = gd["doc"], gd["page"], gd["contains"]
        if not isinstance(doc, str) or not os.path.isfile(os.path.join(DOCS, doc)):
            fail(f"{where}: document not found: {doc!r}")
            continue
        if doc.lower().endswith(".docx"):
            if page is not None:
                fail(f"{where}: DOCX gold must have page null")
                continue
        else:
            if not isinstance(page, int) or isinstance(page, bool):
                fail(f"{where}: page must be an integer for a PDF")
                continue
            n = page_count(doc)
            if not (1 <= page <= n):
                fail(f"{where}: page {page} out of range 1..{n} for {doc}")
                continue
        if not isinstance(contains, str) or not contains.strip():
            fail(f"{where}: contains must be a non-empty string")
            continue
        nw = len(contains.split())
        if not (3 <= nw <= 12):
            fail(f"{where}: contains has {nw} words (want 3-12)")
        c = norm(contains)
        if not any(c in t for t in page_texts(doc, page)):
            fail(f"{where}: {contains!r} not found on {doc} page {page}")


def words5(s):
    return {w for w in re.findall(r"[a-z]+", norm(s)) if len(w) >= 5}


def main():
    # ask.jsonl
    ask = load("ask.jsonl")
    check_ids("ask.jsonl", ask, "qa", 40)
    for i, r in enumerate(ask, 1):
        rid = r.get("id", f"row{i}")
        check_keys("ask.jsonl", r, ["id", "question", "answers", "gold"])
        if not isinstance(r.get("question"), str) or not r.get("question", "").strip():
            fail(f"ask.jsonl {rid}: question must be a non-empty string")
        ans = r.get("answers")
        if not isinstance(ans, list) or not all(isinstance(a, str) and a.strip() for a in ans):
            fail(f"ask.jsonl {rid}: answers must be a list of non-empty strings")
            ans = []
        gold = r.get("gold", [])
        if i % 5 == 0:
            if ans != [] or gold != []:
                fail(
                    f"ask.jsonl {rid}: every fifth row must be unanswerable "
                    "(answers [] and gold [])"
                )
        else:
            if not ans:
                fail(f"ask.jsonl {rid}: answerable row needs answers")
            if not gold:
                fail(f"ask.jsonl {rid}: answerable row needs gold")
        check_gold("ask.jsonl", rid, gold)

    # check.jsonl
    chk = load("check.jsonl")
    check_ids("check.jsonl", chk, "qc", 40)
    want = {"supported": 14, "contradicted": 14, "not_found": 12}
    counts = {k: 0 for k in want}
    verdicts = []
    nodigit = {"supported": 0, "contradicted": 0}
    for i, r in enumerate(chk, 1):
        rid = r.get("id", f"row{i}")
        check_keys("check.jsonl", r, ["id", "claim", "verdict", "gold"])
        claim = r.get("claim")
        if not isinstance(claim, str) or not claim.strip():
            fail(f"check.jsonl {rid}: claim must be a non-empty string")
            claim = ""
        v = r.get("verdict")
        verdicts.append(v)
        if v not in want:
            fail(f"check.jsonl {rid}: bad verdict {v!r}")
            continue
        counts[v] += 1
        if v in nodigit and not re.search(r"\d", claim):
            nodigit[v] += 1
        gold = r.get("gold", [])
        if v == "not_found":
            if gold != []:
                fail(f"check.jsonl {rid}: not_found must have empty gold")
        elif not gold:
            fail(f"check.jsonl {rid}: {v} claim needs gold")
        check_gold("check.jsonl", rid, gold)
    for k, n in want.items():
        if counts[k] != n:
            fail(f"check.jsonl: {counts[k]} {k} rows, expected {n}")
    for j in range(2, len(verdicts)):
        if verdicts[j] == verdicts[j - 1] == verdicts[j - 2]:
            fail(
                f"check.jsonl: verdict {verdicts[j]!r} three times in a row "
                f"ending at qc-{j + 1:02d}"
            )
    for k in nodigit:
        if nodigit[k] < 8:
            fail(f"check.jsonl: only {nodigit[k]} {k} claims without a digit (need at least 8)")

    # search.jsonl
    srch = load("search.jsonl")
    check_ids("search.jsonl", srch, "qs", 30)
    kinds = {
        "exact": 4,
        "theme": 5,
        "paraphrase": 6,
        "acronym": 4,
        "typo": 4,
        "number": 3,
        "table": 4,
    }
    kc = {k: 0 for k in kinds}
    for i, r in enumerate(srch, 1):
        rid = r.get("id", f"row{i}")
        check_keys("search.jsonl", r, ["id", "query", "kind", "gold"])
        q = r.get("query")
        if not isinstance(q, str) or not q.strip():
            fail(f"search.jsonl {rid}: query must be a non-empty string")
            q = ""
        k = r.get("kind")
        if k not in kinds:
            fail(f"search.jsonl {rid}: bad kind {k!r}")
        else:
            kc[k] += 1
        gold = r.get("gold", [])
        if not isinstance(gold, list) or not (1 <= len(gold) <= 4):
            fail(f"search.jsonl {rid}: gold must have 1-4 entries")
        check_gold("search.jsonl", rid, gold if isinstance(gold, list) else [])
        if k == "paraphrase" and isinstance(gold, list):
            qw = words5(q)
            for gd in gold:
                try:
                    texts = page_texts(gd["doc"], gd["page"])
                except Exception:
                    continue
                pw = set()
                for t in texts:
                    pw |= words5(t)
                shared = sorted(qw & pw)
                if shared:
                    fail(
                        f"search.jsonl {rid}: paraphrase query shares words with "
                        f"{gd['doc']} p{gd['page']}: {shared}"
                    )
    for k, n in kinds.items():
        if kc[k] != n:
            fail(f"search.jsonl: {kc[k]} rows of kind {k}, expected {n}")

    if FAILS:
        print(f"{len(FAILS)} problem(s) found")
        return 1
    print("OK: ask.jsonl 40, check.jsonl 40, search.jsonl 30 - all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
