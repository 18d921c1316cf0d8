#!/usr/bin/env python3
"""Checker for the probe12 hand-labelled evaluation set.

Loads ask.jsonl, check.jsonl and search.jsonl from this folder and checks:

* ids (va-/vc-/vs- prefixes, two digits, in order), row counts and keys;
* every fifth question is unanswerable (answers [] and gold []);
* the verdict balance (14 supported, 14 contradicted, 12 not_found), that no
  verdict occurs three times in a row, and that at least 30 claims contain no
  digit;
* the search kinds (each of the seven kinds used 4 or 5 times, 30 in all);
* the shape of every gold entry (doc, page, contains), 1-4 gold entries per
  answerable question, checkable claim and search query, 3-12 words per
  `contains`, and that the page exists (the DOCX has no pages: page must be 1);
* that every gold `contains` string is on its page.  Each cited page is
  extracted twice, `pdftotext -f N -l N` (plain) and `pdftotext -layout -f N
  -l N`; the DOCX is word/document.xml with the tags stripped.  Both sides are
  normalised the same way (NFKC, lower case, straight quotes and dashes, soft
  hyphens removed, whitespace collapsed) and a gold entry passes if it matches
  either extraction;
* `exact` queries occur verbatim (token sequence) on a gold page, the figures
  of `number` queries occur on the gold pages, and `paraphrase` queries share
  no word of five or more letters with the sentence around each gold phrase;
* ABSENT: for every unanswerable question and not_found claim, a few regular
  expressions for what an answer would have to say are searched over every
  page of the relevant documents (both extractions); any hit is a failure.
  This is the recorded form of the regex search done when the items were
  written.

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
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
}
DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"

KINDS = ("exact", "theme", "paraphrase", "acronym", "typo", "number", "table")

# Evidence of absence: (document name prefix, regex over normalised page text).
# A hit on any page of a matching document fails the row.
ABSENT = {
    # questions
    "va-05": [("Promoting_the_health", r"dent\w*[^.]{0,120}\b(every|once|twice|annual\w*|yearly|\d+ months)\b|\b(every|twice|annual\w*|yearly|\d+ months)\b[^.]{0,60}dent")],
    "va-10": [("Children_missing_education", r"(traveller education support|\btess\b)[^.]{0,200}\d{4}")],
    "va-15": [("Keeping_children_safe", r"£\s?\d|annual fee (of|is)|\d+ (pounds|per year|a year)")],
    "va-20": [("Children_in_need", r"2025|2024 to 2025")],
    "va-25": [("Families_first", r"£|\bmillion\b|\bbillion\b|\bbn\b")],
    "va-30": [("Understanding social worker", r"zoom[^.]{0,200}\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty)\b|\(\d+\)[^.]{0,80}zoom")],
    "va-35": [("Info_sharing", r"\b(one|1|\d+) (calendar )?months?\b|\b\d+ (working |calendar )?days\b|within a month"),
              ("Understanding social worker", r"subject access[^.]{0,200}\b(\d+|one|a) (calendar )?(months?|days)\b"),
              ("Keeping_children_safe", r"subject access[^.]{0,200}\b(\d+|one|a) (calendar )?(months?|days)\b")],
    "va-40": [("Childrens_Social_Care_National_Framework", r"review(ed)? (in|by|during|every) (20\d\d|\w+ years?)|next review|20(2[4-9]|3\d) review")],
    # not_found claims
    "vc-03": [("NVEST", r"monthly|every month|each month|quarterly|bi-?monthly|fortnightly|weekly newsletter")],
    "vc-06": [("Children_in_need", r"language")],
    "vc-09": [("Promoting_the_health", r"(eye|sight) tests?|optician|(annual|yearly|every year)[^.]{0,80}(optic|vision|eye)|(optic|vision|eye)[^.]{0,80}(annual|yearly|every year)")],
    "vc-12": [("Children_missing_education", r"(must|required to|duty to|should) (register|notify|inform)[^.]{0,60}(local authority|council)[^.]{0,80}home.?educat|home.?educat\w*[^.]{0,100}(must|required to|duty to) (register|notify|inform|apply)|regist\w* (with|at) the (local authority|council)")],
    "vc-15": [("Info_sharing", r"\bfine[sd]?\b|penalt|sanction|prosecut"),
              ("Keeping_children_safe", r"(\bico\b|information commissioner)[^.]{0,150}(\bfine[sd]?\b|penalt)|(\bfine[sd]?\b|penalt)[^.]{0,150}(\bico\b|information commissioner)")],
    "vc-18": [("Childrens_Social_Care_National_Framework", r"caseloads?\b|maximum (number|caseload)|no more than \w+ (children|cases|families)|\bcap(ped|s)?\b")],
    "vc-21": [("Families_first", r"ethics (committee|panel|board|approval)|ethical approval|research ethics")],
    "vc-24": [("Understanding social worker", r"speech.recognition|automatic(ally)? transcri|transcri\w*[^.]{0,80}(software|tool|automat)|(software|tool)[^.]{0,80}transcri")],
    "vc-27": [("D2I", r"annual|every year|each year|yearly|repeat\w*")],
    "vc-30": [("Keeping_children_safe", r"(notify|notif\w+|inform\w*|tell|report\w*|let)[^.]{0,80}ofsted|ofsted[^.]{0,80}(within|notif\w+|inform\w*)")],
    "vc-33": [("Promoting_the_health", r"free prescription|prescription (charge|charges|costs?|exempt\w*)|exempt\w*[^.]{0,40}charges")],
    "vc-36": [("Children_in_need", r"religio")],
}


def norm(s):
    s = unicodedata.normalize("NFKC", s).lower()
    for k, v in QUOTES.items():
        s = s.replace(k, v)
    for d in DASHES:
        s = s.replace(d, "-")
    s = s.replace("\u00ad", "")
    return re.sub(r"\s+", " ", s).strip()


def tokens(s):
    return re.findall(r"[a-z0-9]+", norm(s))


def is_docx(doc):
    return doc.lower().endswith(".docx")


class Pages:
    """Per-page text of the documents, extracted on demand and cached."""

    def __init__(self, docs_dir):
        self.docs_dir = docs_dir
        self.cache = {}
        self.npages = {}

    def count(self, doc):
        if is_docx(doc):
            return 1
        if doc not in self.npages:
            out = subprocess.run(
                ["pdfinfo", os.path.join(self.docs_dir, doc)],
                capture_output=True, text=True, check=True,
            ).stdout
            self.npages[doc] = int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))
        return self.npages[doc]

    def texts(self, doc, page):
        key = (doc, page)
        if key in self.cache:
            return self.cache[key]
        path = os.path.join(self.docs_dir, doc)
        if is_docx(doc):
            with zipfile.ZipFile(path) as z:
                xml = z.read("word/document.xml").decode("utf-8")
            xml = re.sub(r"</w:p>", "\n", xml)
            out = [norm(re.sub(r"<[^>]+>", "", xml)), norm(re.sub(r"<[^>]+>", " ", xml))]
        else:
            out = []
            for extra in ([], ["-layout"]):
                r = subprocess.run(
                    ["pdftotext", *extra, "-f", str(page), "-l", str(page), path, "-"],
                    capture_output=True, text=True, check=True,
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
    seps = (". ", "? ", "! ", "• ", "; ")
    left = max(text.rfind(t, 0, start) for t in seps)
    rights = [i for i in (text.find(t, end) for t in seps) if i != -1]
    right = min(rights) if rights else len(text)
    return text[left + 1 if left >= 0 else 0: right]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", default=DEFAULT_DOCS)
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()

    fails, notes = [], []
    pages = Pages(args.docs)
    docs = sorted(os.listdir(args.docs))
    docset = set(docs)
    fail = fails.append

    def check_gold(rid, gold, lo, hi):
        if not isinstance(gold, list) or not (lo <= len(gold) <= hi):
            fail(f"{rid}: expected {lo}-{hi} gold entries, got "
                 f"{len(gold) if isinstance(gold, list) else gold!r}")
            return []
        found, seen = [], set()
        for g in gold:
            if not isinstance(g, dict) or set(g) != {"doc", "page", "contains"}:
                fail(f"{rid}: bad gold entry {g!r}")
                continue
            doc, page, contains = g["doc"], g["page"], g["contains"]
            if doc not in docset:
                fail(f"{rid}: unknown doc {doc!r}")
                continue
            if (not isinstance(page, int) or isinstance(page, bool)
                    or not (1 <= page <= pages.count(doc))):
                fail(f"{rid}: bad page {page!r} for {doc}")
                continue
            if (doc, page) in seen:
                notes.append(f"{rid}: page {doc} p.{page} cited twice")
            seen.add((doc, page))
            c = norm(contains)
            nwords = len(c.split())
            if not (3 <= nwords <= 12):
                fail(f"{rid}: contains has {nwords} words (want 3-12): {contains!r}")
            texts = pages.texts(doc, page)
            if not any(c in t for t in texts):
                fail(f"{rid}: contains not found on {doc} p.{page}: {contains!r}")
                continue
            found.append((g, c, texts))
        return found

    def check_absent(rid):
        pats = ABSENT.get(rid)
        if not pats:
            fail(f"{rid}: no ABSENT patterns recorded")
            return
        for prefix, pat in pats:
            rx = re.compile(pat)
            matched = [d for d in docs if d.startswith(prefix)]
            if not matched:
                fail(f"{rid}: ABSENT prefix {prefix!r} matches no document")
            for d in matched:
                for p in range(1, pages.count(d) + 1):
                    for t in pages.texts(d, p):
                        m = rx.search(t)
                        if m:
                            fail(f"{rid}: ABSENT pattern {pat!r} hits {d} p.{p}: "
                                 f"{t[max(0, m.start() - 60): m.end() + 60]!r}")
                            break

    # ------------------------------------------------------------------ ask
    ask = load("ask.jsonl")
    if len(ask) != 40:
        fail(f"ask.jsonl: {len(ask)} rows, want 40")
    unans = 0
    for i, r in enumerate(ask, 1):
        rid = f"va-{i:02d}"
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
            check_absent(rid)
            continue
        if not r["answers"] or not all(isinstance(a, str) and a.strip() for a in r["answers"]):
            fail(f"{rid}: answerable row needs non-empty answers")
        found = check_gold(rid, r["gold"], 1, 4)
        hit = any(norm(a) in t for a in r["answers"] for _, _, ts in found for t in ts)
        if found and not hit:
            notes.append(f"{rid}: no accepted answer appears verbatim on its gold pages")
    if unans != 8:
        fail(f"ask.jsonl: {unans} unanswerable rows, want 8")

    # ---------------------------------------------------------------- check
    check = load("check.jsonl")
    if len(check) != 40:
        fail(f"check.jsonl: {len(check)} rows, want 40")
    counts = {"supported": 0, "contradicted": 0, "not_found": 0}
    run_v, run_n, digitless = None, 0, 0
    for i, r in enumerate(check, 1):
        rid = f"vc-{i:02d}"
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
            check_absent(rid)
        else:
            check_gold(rid, r["gold"], 1, 4)
    want = {"supported": 14, "contradicted": 14, "not_found": 12}
    if counts != want:
        fail(f"check.jsonl verdicts {counts}, want {want}")
    if digitless < 30:
        fail(f"check.jsonl: only {digitless} claims without a digit, want at least 30")

    # --------------------------------------------------------------- search
    search = load("search.jsonl")
    if len(search) != 30:
        fail(f"search.jsonl: {len(search)} rows, want 30")
    kinds = {}
    for i, r in enumerate(search, 1):
        rid = f"vs-{i:02d}"
        if r.get("id") != rid:
            fail(f"search row {i}: id {r.get('id')!r}, want {rid}")
        if set(r) != {"id", "query", "kind", "gold"}:
            fail(f"{rid}: keys {sorted(r)}")
            continue
        k = r["kind"]
        if k not in KINDS:
            fail(f"{rid}: bad kind {k!r}")
        kinds[k] = kinds.get(k, 0) + 1
        found = check_gold(rid, r["gold"], 1, 4)
        q = r["query"]
        if k == "exact":
            qt = tokens(q)
            ok = any(
                tt[j: j + len(qt)] == qt
                for _, _, ts in found for tt in map(tokens, ts)
                for j in range(len(tt) - len(qt) + 1)
            )
            if not ok:
                fail(f"{rid}: exact query not found verbatim on a gold page")
        elif k == "number":
            nums = re.findall(r"\d[\d,]*\d|\d", q)
            if not nums or not all(any(n in t for _, _, ts in found for t in ts) for n in nums):
                fail(f"{rid}: number query figure not found on its gold pages")
        elif k == "paraphrase":
            qwords = {w for w in tokens(q) if len(w) >= 5 and w.isalpha()}
            for g, c, ts in found:
                t = ts[0] if c in ts[0] else ts[1]
                s = t.find(c)
                shared = qwords & set(tokens(sentence_around(t, s, s + len(c))))
                if shared:
                    fail(f"{rid}: paraphrase shares {sorted(shared)} with the gold "
                         f"sentence on {g['doc']} p.{g['page']}")
    for k in KINDS:
        if not (4 <= kinds.get(k, 0) <= 5):
            fail(f"search.jsonl: {kinds.get(k, 0)} {k!r} queries, want 4 or 5")

    # --------------------------------------------------------------- report
    used = {g["doc"] for r in ask + check + search for g in r.get("gold", []) if isinstance(g, dict)}
    for d in docs:
        if d not in used:
            fail(f"document never cited: {d}")
    ngold = sum(len(r.get("gold", [])) for r in ask + check + search)
    print(f"ask.jsonl:    {len(ask)} rows ({len(ask) - unans} answerable, {unans} unanswerable)")
    print(f"check.jsonl:  {len(check)} rows {counts}; {digitless} claims without a digit")
    print(f"search.jsonl: {len(search)} rows; kinds {dict(sorted(kinds.items()))}")
    print(f"gold entries checked: {ngold}; ABSENT rows checked: {len(ABSENT)}")
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
