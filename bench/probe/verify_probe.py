#!/usr/bin/env python3
"""Verify the probe evaluation set (ask.jsonl, check.jsonl, search.jsonl).

Standard library only, plus the `pdftotext` binary (poppler-utils).

For every gold entry it checks that the "contains" string (3-12 words), after
lower-casing, straightening curly quotes and collapsing whitespace, is a
substring of BOTH pdftotext outputs of that single page (plain and -layout).
For the DOCX the page must be null and the string must occur in the text of
word/document.xml with tags stripped.

It also checks that each file parses, ids are unique, counts/kinds/verdicts
are as designed, and unanswerable / not_found items carry no gold.

Usage: python3 verify_probe.py [--docs /work/shared/real/docs]
Exit status 0 when everything passes.
"""
import argparse
import html
import json
import os
import re
import subprocess
import sys
import zipfile
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))


def norm(s):
    s = s.lower()
    for a, b in (("\u2018", "'"), ("\u2019", "'"), ("\u201c", '"'), ("\u201d", '"')):
        s = s.replace(a, b)
    return re.sub(r"\s+", " ", s).strip()


class Texts:
    def __init__(self, docs):
        self.docs = docs
        self.cache = {}
        self.npages = {}

    def pages(self, doc):
        if doc not in self.npages:
            out = subprocess.run(["pdfinfo", os.path.join(self.docs, doc)],
                                 capture_output=True, text=True).stdout
            m = re.search(r"^Pages:\s+(\d+)", out, re.M)
            self.npages[doc] = int(m.group(1)) if m else 0
        return self.npages[doc]

    def pdf_page(self, doc, page, layout):
        key = (doc, page, layout)
        if key not in self.cache:
            cmd = ["pdftotext", "-f", str(page), "-l", str(page)]
            if layout:
                cmd.append("-layout")
            cmd += [os.path.join(self.docs, doc), "-"]
            r = subprocess.run(cmd, capture_output=True)
            self.cache[key] = norm(r.stdout.decode("utf-8", "replace"))
        return self.cache[key]

    def docx(self, doc):
        key = (doc, None, None)
        if key not in self.cache:
            with zipfile.ZipFile(os.path.join(self.docs, doc)) as z:
                x = z.read("word/document.xml").decode("utf-8")
            x = re.sub(r"</w:p>", "\n", x)
            x = re.sub(r"<w:tab/>", "\t", x)
            x = re.sub(r"<[^>]+>", "", x)
            self.cache[key] = norm(html.unescape(x))
        return self.cache[key]


def check_gold(g, texts, where, errors):
    if not isinstance(g, dict) or set(g) != {"doc", "page", "contains"}:
        errors.append(f"{where}: bad gold entry {g!r}")
        return
    doc, page, s = g["doc"], g["page"], g["contains"]
    path = os.path.join(texts.docs, doc)
    if not os.path.exists(path):
        errors.append(f"{where}: unknown doc {doc!r}")
        return
    n = len(s.split())
    if not 3 <= n <= 12:
        errors.append(f"{where}: contains has {n} words: {s!r}")
    ns = norm(s)
    if doc.lower().endswith(".docx"):
        if page is not None:
            errors.append(f"{where}: DOCX gold must have page null")
        if ns not in texts.docx(doc):
            errors.append(f"{where}: not in DOCX text: {s!r}")
        return
    if not isinstance(page, int) or not 1 <= page <= texts.pages(doc):
        errors.append(f"{where}: bad page {page!r} for {doc}")
        return
    for layout in (False, True):
        if ns not in texts.pdf_page(doc, page, layout):
            mode = "layout" if layout else "plain"
            errors.append(f"{where}: not on {doc} p{page} ({mode}): {s!r}")


def load(name, errors):
    rows = []
    path = os.path.join(HERE, name)
    with open(path, encoding="utf-8") as f:
        for i, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as e:
                errors.append(f"{name}:{i}: JSON error {e}")
    ids = [r.get("id") for r in rows]
    dup = [k for k, v in Counter(ids).items() if v > 1]
    if dup:
        errors.append(f"{name}: duplicate ids {dup}")
    return rows


def well_formed(rows, part, keys, errors):
    """Each row of a part with exactly the keys it should have, and its label for errors."""
    for r in rows:
        w = f"{part} {r.get('id')}"
        if set(r) != keys:
            errors.append(f"{w}: keys {sorted(r)}")
            continue
        yield w, r


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", default="/work/shared/real/docs")
    args = ap.parse_args()
    texts = Texts(args.docs)
    errors = []

    ask = load("ask.jsonl", errors)
    n_ans = n_un = 0
    docs_hit = Counter()
    for w, r in well_formed(ask, "ask", {"id", "question", "answers", "gold"}, errors):
        if r["answers"]:
            n_ans += 1
            if not r["gold"]:
                errors.append(f"{w}: answerable but no gold")
            for d in {g.get("doc") for g in r["gold"]}:
                docs_hit[d] += 1
        else:
            n_un += 1
            if r["gold"]:
                errors.append(f"{w}: unanswerable must have empty gold")
        for g in r["gold"]:
            check_gold(g, texts, w, errors)
    if (len(ask), n_ans, n_un) != (40, 32, 8):
        errors.append(f"ask: counts total={len(ask)} answerable={n_ans} unanswerable={n_un}")
    all_docs = sorted(os.listdir(args.docs))
    for d in all_docs:
        if docs_hit[d] < 2:
            errors.append(f"ask: fewer than 2 answerable questions for {d}")

    chk = load("check.jsonl", errors)
    verdicts = Counter()
    for w, r in well_formed(chk, "check", {"id", "claim", "verdict", "gold"}, errors):
        v = r["verdict"]
        verdicts[v] += 1
        if v not in ("supported", "contradicted", "not_found"):
            errors.append(f"{w}: bad verdict {v}")
        if v == "not_found" and r["gold"]:
            errors.append(f"{w}: not_found must have empty gold")
        if v != "not_found" and not r["gold"]:
            errors.append(f"{w}: {v} needs gold")
        for g in r["gold"]:
            check_gold(g, texts, w, errors)
    if len(chk) != 40:
        errors.append(f"check: {len(chk)} rows, expected 40")

    se = load("search.jsonl", errors)
    kinds = Counter()
    for w, r in well_formed(se, "search", {"id", "query", "kind", "gold"}, errors):
        kinds[r["kind"]] += 1
        if r["kind"] not in ("exact", "theme", "paraphrase", "acronym", "typo", "number", "table"):
            errors.append(f"{w}: bad kind {r['kind']}")
        if not 1 <= len(r["gold"]) <= 4:
            errors.append(f"{w}: needs 1-4 gold entries")
        for g in r["gold"]:
            check_gold(g, texts, w, errors)
        if r["kind"] == "exact" and r["gold"]:
            q = norm(r["query"])
            g = r["gold"][0]
            hay = texts.pdf_page(g["doc"], g["page"], False) if g["page"] else texts.docx(g["doc"])
            if q not in hay:
                errors.append(f"{w}: exact query not verbatim on its first gold page")
        if r["kind"] == "paraphrase":
            def words(s):
                tokens = (t.strip("'-") for t in re.findall(r"[a-z0-9'\-]+", norm(s)))
                return {t for t in tokens if len(t) >= 5}
            qw = words(r["query"])
            gw = set().union(*(words(g["contains"]) for g in r["gold"]))
            shared = {a for a in qw for b in gw if a == b or a[:5] == b[:5]}
            if shared:
                errors.append(f"{w}: paraphrase shares words with gold: {sorted(shared)}")
    if len(se) != 30:
        errors.append(f"search: {len(se)} rows, expected 30")

    print(f"ask: {len(ask)} rows ({n_ans} answerable, {n_un} unanswerable)")
    print(f"check: {len(chk)} rows {dict(verdicts)}")
    print(f"search: {len(se)} rows {dict(kinds)}")
    print("answerable questions per doc:", dict(docs_hit))
    if errors:
        print(f"\n{len(errors)} problem(s):")
        for e in errors:
            print("  -", e)
        return 1
    print("\nALL CHECKS PASSED")
    return 0


if __name__ == "__main__":
    sys.exit(main())
