#!/usr/bin/env python3
"""Checker for the probe14 hand-labelled evaluation set.

Adapted from the probe13 checker.  Loads ask.jsonl, check.jsonl and
search.jsonl from this folder and checks:

* ids (xa-/xc-/xs- prefixes, two digits, in order), row counts and keys;
* exactly the eight rows listed in UNANSWERABLE are unanswerable (answers []
  and gold []), and every other question has answers and gold;
* the verdict balance (14 supported, 14 contradicted, 12 not_found), that no
  verdict occurs three times in a row, and that at least 30 claims contain no
  digit;
* the search kinds (exact, theme, paraphrase, acronym, table, question; 30 in
  all; table and paraphrase exactly 5 each, the others 4 to 6 each);
* the shape of every gold entry (doc, page, contains), 1-4 gold entries per
  answerable question, checkable claim and search query, 3-12 words per
  `contains`, and that the page exists.  PDF pages are 1-based pdftotext
  indices; the DOCX has no pages, so its page must be null;
* that every gold `contains` string is on its page.  Each cited page is
  extracted twice, `pdftotext -f N -l N` (plain) and `pdftotext -layout -f N
  -l N`; the DOCX is word/document.xml with the tags stripped.  Both sides are
  normalised the same way (NFKC, which also splits ligatures; lower case;
  straight quotes and dashes; soft hyphens removed; whitespace collapsed).  A
  third and fourth variant also join words hyphenated across a line break
  ("safe-\nguarding" -> "safeguarding").  A gold entry passes if it matches
  any variant;
* `exact` queries occur verbatim (token sequence) on a gold page, and
  `paraphrase` queries share no word of five or more letters with the
  sentence around each gold phrase;
* ABSENT: for every unanswerable question and not_found claim, a regular
  expression for what an answer would have to say is searched over every
  page of ALL ten documents (all variants); any hit is a failure.  Each
  check is printed with its description and the number of pages searched.  This
  is the recorded form of the regex search done when the items were written.

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

KINDS = ("exact", "theme", "paraphrase", "acronym", "table", "question")
EXACT_KIND_COUNTS = {"table": 5, "paraphrase": 5}

UNANSWERABLE = {"xa-04", "xa-09", "xa-13", "xa-19", "xa-24", "xa-29", "xa-34", "xa-38"}

# Evidence of absence.  For every unanswerable question and not_found claim:
# (what is checked, regex over the normalised text of a page).  Every regex is
# searched over EVERY page of ALL ten documents (plain, -layout and
# de-hyphenated variants); any hit is a failure.
ABSENT = {
    # unanswerable questions
    "xa-04": [("opening hours next to 'nspcc' or its helpline number 0808 800 5000",
               r"(nspcc|0808 800 5000)[^.]{0,200}(\b\d{1,2}[:.]\d{2}\b|\b\d{1,2} ?(am|pm)\b|24 hours|24/7|monday|weekdays?|opening (hours|times)|open from)"
               r"|(\b\d{1,2}[:.]\d{2}\b|\b\d{1,2} ?(am|pm)\b|24 hours|24/7|monday|opening (hours|times))[^.]{0,100}(nspcc|0808 800 5000)")],
    "xa-09": [("a number of practitioners per practice supervisor, or a supervision ratio",
               r"practice supervisors?[^.]{0,150}\b(up to|no more than|a maximum of|maximum of|at most|between) (\d+|two|three|four|five|six|seven|eight|nine|ten|twelve)\b"
               r"|(supervise|supervising|oversee|overseeing|manage|managing) (up to |no more than |a maximum of |at most |between )?(\d+|two|three|four|five|six|seven|eight|nine|ten|twelve) (practitioners|social workers)\b"
               r"|\bratio\b[^.]{0,100}(supervis|practitioner|social worker)|(supervis\w*|span of control)[^.]{0,60}\bratio\b")],
    "xa-13": [("a price or £ figure next to the health assessment tariff",
               r"\btariff\b[^.]{0,150}(£|\d+ per\b|price of|priced at|worth)|£[^.]{0,100}(health assessment|tariff)|health assessments?[^.]{0,100}£")],
    "xa-19": [("a time limit next to 'common transfer file' / 'CTF'",
               r"(common transfer files?|\bctfs?\b)[^.]{0,200}(within \w+ (school |working )?days|no later than|\b\d+ (school |working )?days\b|\bhours\b)"
               r"|(within \w+ (school |working )?days|no later than)[^.]{0,150}(common transfer files?|\bctfs?\b)")],
    "xa-24": [("a time limit next to 'feedback'",
               r"feedback[^.]{0,150}(within \w+ (working )?(days?|hours?|weeks?)|\b\d+ (working )?(days?|hours?|weeks?)\b)"
               r"|within \w+ (working )?(days?|hours?|weeks?)[^.]{0,100}feedback")],
    "xa-29": [("a count of members or local authorities in the standards working group",
               r"working group[^.]{0,150}\b\d+\b[^.]{0,30}(members|local authorities|las|councils)"
               r"|\b\d+ (local authorities|las|councils)[^.]{0,100}(joined|signed up|registered|members of)[^.]{0,60}working group"
               r"|working group (has|of|now has) \d+")],
    "xa-34": [("a time before the session/workshop for the pre-meeting",
               r"\b(\d+|one|two|three|four|a|a few|several) (weeks?|days?|months?) (before|prior to|ahead of|in advance of) the (session|workshop|diagnostic)"
               r"|(before|prior to|ahead of) the (session|workshop)[^.]{0,80}\b(\d+|one|two|three|four) (weeks?|days?|months?)\b")],
    "xa-38": [("a £ figure or amount next to the senior mental health lead training grant",
               r"senior mental health lead[^.]{0,250}(£|\d[\d,]* (per|for each) (school|college)|worth|up to \d)"
               r"|training grant[^.]{0,150}(£|\d|worth|up to)|£[^.]{0,100}(senior mental health|training grant)")],
    # not_found claims
    "xc-03": [("Operation Encompass plus informing/contacting parents",
               r"operation encompass[^.]{0,300}(inform|tell|notify|contact)\w*[^.]{0,40}(parents?|carers?|famil)"
               r"|(key adult|the school)[^.]{0,80}(must|should|will) (inform|tell|notify|contact) (the )?(child's )?(parents?|carers?)[^.]{0,100}(police|domestic|encompass)")],
    "xc-06": [("health/NHS members in a VRU's core membership",
               r"(violence reduction units?|\bvrus?\b)[^.]{0,300}core member\w*[^.]{0,200}\b(health|nhs|clinical|doctors?|nurses?)\b"
               r"|core member\w*[^.]{0,200}\bvrus?\b[^.]{0,100}\b(health|nhs)\b"
               r"|(violence reduction units?|\bvrus?\b)[^.]{0,200}\b(health|nhs) (representative|member|professional)")],
    "xc-09": [("local authority approval/consent for a school's alternative provision placement",
               r"alternative provi\w*[^.]{0,200}(approv\w*|consent|agree\w*|sign.?off)[^.]{0,60}(local authority|\bla\b)"
               r"|(local authority|\bla\b)[^.]{0,60}(approv\w*|consent)[^.]{0,100}alternative provi")],
    "xc-12": [("training or annual requirements tied to delegated authority",
               r"delegated authority[^.]{0,200}(training|course|annual\w*|every year|each year)|(training|course)[^.]{0,100}delegated authority")],
    "xc-15": [("an annual health check for care leavers, or care leaver health support until 21",
               r"care leavers?[^.]{0,200}(annual|yearly|every year|each year)[^.]{0,60}(health )?(check|assessment|review)"
               r"|(annual|yearly) (health )?(check|assessment)[^.]{0,150}care leavers?"
               r"|care leavers?[^.]{0,150}(until|up to) (the age of |age )?21")],
    "xc-18": [("a duty to notify/inform the Home Office about migrant or missing children",
               r"(notify|inform|tell|report to|contact|alert)\w* (the )?home office[^.]{0,200}(migrant|missing)"
               r"|(migrant|missing (from )?education)[^.]{0,200}(notify|inform|tell|report to|contact|alert)\w* (the )?home office")],
    "xc-21": [("manager/supervisor approval or sign-off before sharing",
               r"(line manager|manager|supervisor)('s)?[^.]{0,80}(approv\w*|sign.?off|authoris\w*|permission)[^.]{0,80}(shar|disclos)"
               r"|(shar|disclos)\w*[^.]{0,80}(approv\w*|sign.?off|authoris\w*|permission) (of|by|from) (a |your |their |the )?(line )?(manager|supervisor)"
               r"|(approv\w*|sign.?off|authoris\w*|permission) (of|by|from) (a |your |their |the )?(line )?(manager|supervisor)[^.]{0,80}(before|prior to)[^.]{0,40}(shar|disclos)")],
    "xc-24": [("a social worker's name or identifier as a data item",
               r"(allocated|named|lead) social worker('s)? (name|id|identifier)|social worker('s)? (name|id|identifier)\b|name of the (allocated |lead )?social worker|social worker (code|reference)")],
    "xc-27": [("a fall in the number or rate of children entering care",
               r"(numbers?|rates?) of (children|cla|looked.after children)[^.]{0,80}(entering|coming into|in|into) care[^.]{0,80}(fell|fallen|reduc\w*|decreas\w*|dropp?\w*|lower)"
               r"|(fell|fallen|reduc\w*|decreas\w*|drop\w*)[^.]{0,40}(numbers?|rates?) of (children|cla)[^.]{0,40}(entering|coming into|in) care"
               r"|fewer children[^.]{0,40}(entering|entered|coming into|came into|in) care")],
    "xc-30": [("translation of records, or records in a child's first/home language",
               r"translat\w*[^.]{0,100}(records?|files?|language)|(records?|files?)[^.]{0,100}(translat\w*|first language|home language)")],
    "xc-33": [("the one-click tool being adopted or used by other councils",
               r"one.click[^.]{0,200}(adopted|rolled out|now used|being used|in use|used by|other (councils|local authorities))|(adopted|rolled out)[^.]{0,100}one.click")],
    "xc-36": [("an external or independent facilitator",
               r"facilitator[^.]{0,150}(external|independent|outside|from another|not (be )?employed)|(external|independent) facilitat")],
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
            raws = [re.sub(r"<[^>]+>", "", xml), re.sub(r"<[^>]+>", " ", xml)]
        else:
            raws = []
            for extra in ([], ["-layout"]):
                r = subprocess.run(
                    ["pdftotext", *extra, "-f", str(page), "-l", str(page), path, "-"],
                    capture_output=True, text=True, check=True,
                )
                raws.append(r.stdout)
        out = [norm(t) for t in raws]
        # hyphenation: join a word split by a hyphen at a line break
        out += [norm(dehyphenate(t)) for t in raws]
        self.cache[key] = out
        return out


def dehyphenate(t):
    t = unicodedata.normalize("NFKC", t)
    for d in DASHES:
        t = t.replace(d, "-")
    return re.sub(r"(?<=[A-Za-z])-[ \t]*\n[ \t]*(?=[a-z])", "", t)


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
            if is_docx(doc):
                if page is not None:
                    fail(f"{rid}: DOCX gold must have page null, got {page!r}")
                    continue
            elif (not isinstance(page, int) or isinstance(page, bool)
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
            texts = pages.texts(doc, page if page is not None else 1)
            if not any(c in t for t in texts):
                fail(f"{rid}: contains not found on {doc} p.{page}: {contains!r}")
                continue
            found.append((g, c, texts))
        return found

    absent_log = []

    def check_absent(rid):
        pats = ABSENT.get(rid)
        if not pats:
            fail(f"{rid}: no ABSENT patterns recorded")
            return
        for desc, pat in pats:
            rx = re.compile(pat)
            hits, npages = [], 0
            for d in docs:
                for p in range(1, pages.count(d) + 1):
                    npages += 1
                    for t in pages.texts(d, p):
                        m = rx.search(t)
                        if m:
                            hits.append(d)
                            fail(f"{rid}: ABSENT pattern ({desc}) hits {d} p.{p}: "
                                 f"{t[max(0, m.start() - 60): m.end() + 60]!r}")
                            break
            absent_log.append(f"absent {rid}: {desc}: {len(hits)} hit(s) in {npages} pages of {len(docs)} documents")

    # ------------------------------------------------------------------ ask
    ask = load("ask.jsonl")
    if len(ask) != 40:
        fail(f"ask.jsonl: {len(ask)} rows, want 40")
    unans = 0
    for i, r in enumerate(ask, 1):
        rid = f"xa-{i:02d}"
        if r.get("id") != rid:
            fail(f"ask row {i}: id {r.get('id')!r}, want {rid}")
        if set(r) != {"id", "question", "answers", "gold"}:
            fail(f"{rid}: keys {sorted(r)}")
            continue
        if not isinstance(r["question"], str) or not r["question"].strip():
            fail(f"{rid}: empty question")
        if rid in UNANSWERABLE or (r["answers"] == [] and r["gold"] == []):
            unans += 1
            if rid not in UNANSWERABLE:
                fail(f"{rid}: unanswerable row not listed in UNANSWERABLE")
            if r["answers"] != [] or r["gold"] != []:
                fail(f"{rid}: unanswerable rows need answers [] and gold []")
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
        rid = f"xc-{i:02d}"
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
        rid = f"xs-{i:02d}"
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
        elif k == "question":
            if not q.rstrip().endswith("?"):
                fail(f"{rid}: question query should end with '?'")
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
        n = kinds.get(k, 0)
        want = EXACT_KIND_COUNTS.get(k)
        if want is not None and n != want:
            fail(f"search.jsonl: {n} {k!r} queries, want {want}")
        elif want is None and not (4 <= n <= 6):
            fail(f"search.jsonl: {n} {k!r} queries, want 4 to 6")

    # --------------------------------------------------------------- report
    used = {g["doc"] for r in ask + check + search for g in r.get("gold", []) if isinstance(g, dict)}
    for d in docs:
        if d not in used:
            fail(f"document never cited: {d}")
    ngold = sum(len(r.get("gold", [])) for r in ask + check + search)
    print(f"ask.jsonl:    {len(ask)} rows ({len(ask) - unans} answerable, {unans} unanswerable)")
    print(f"check.jsonl:  {len(check)} rows {counts}; {digitless} claims without a digit")
    print(f"search.jsonl: {len(search)} rows; kinds {dict(sorted(kinds.items()))}")
    for line in absent_log:
        print(line)
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
