#!/usr/bin/env python3
"""Checker for the probe15 hand-labelled evaluation set.

Adapted from the probe14 checker.  Loads ask.jsonl, check.jsonl and
search.jsonl from this folder and checks:

* ids (ya-/yc-/ys- prefixes, two digits, in order), row counts and keys;
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

UNANSWERABLE = {"ya-05", "ya-10", "ya-14", "ya-19", "ya-23", "ya-28", "ya-33", "ya-37"}

# Evidence of absence.  For every unanswerable question and not_found claim:
# (what is checked, regex over the normalised text of a page).  Every regex is
# searched over EVERY page of ALL ten documents (plain, -layout and
# de-hyphenated variants); any hit is a failure.
NUM = r"(\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty)"
ABSENT = {
    # unanswerable questions
    "ya-05": [("a visiting frequency for children in long-term residential settings",
               r"(accommodating local authority|long-term residential care|residential settings?)[^.]{0,300}"
               r"(every " + NUM + r" (days|weeks|months)|at least (once|twice|every)|\b(once|twice) (a|per|every|each) (week|month|term|year)|\b\d+ times\b|\bannually\b|\bmonthly\b|\btermly\b|\bsix.monthly\b)"
               r"|\bvisit\w*[^.]{0,120}(every " + NUM + r" (days|weeks|months)|at least (once|twice|every)|\b(once|twice) (a|per|every|each) (week|month|term|year)|\b\d+ times\b)")],
    "ya-10": [("a retention period for a school's risk (and needs) assessment",
               r"risk (and needs )?assessments?[^.]{0,200}(retain\w*|retention|kept for|keep (it|them) for|stored for|destroy\w*|\b" + NUM + r" years\b|until the child)"
               r"|(retain\w*|retention|kept for)[^.]{0,100}risk (and needs )?assessment")],
    "ya-14": [("a number of days for telling another local authority about a placement or move into its area",
               r"(plac\w*|mov\w*)[^.]{0,150}(another|other|host|receiving|new) (local authorit\w*|area)[^.]{0,150}(within " + NUM + r" (working )?days|\b\d+ (working )?days\b|no later than)"
               r"|notif\w* (the |other |another |host )*local authorit\w*[^.]{0,200}(within " + NUM + r" (working )?days|\b\d+ (working )?days\b)")],
    "ya-19": [("hours or days of training for a (family help) lead practitioner, or any training hours",
               r"(fhlps?|family help lead practitioners?|lead practitioners?)[^.]{0,200}\b" + NUM + r" (hours?|days?)\b"
               r"|\b" + NUM + r" (hours?|days?)( of)? (training|induction|learning|cpd)\b|training[^.]{0,60}\b" + NUM + r" hours\b")],
    "ya-23": [("a number attached to caseloads, or a maximum number of cases",
               r"caseloads?[^.]{0,120}\b(\d+|ten|twelve|fifteen|eighteen|twenty)\b"
               r"|(maximum|no more than|a cap of|capped at|up to) (of )?\b(\d+|ten|twelve|fifteen|eighteen|twenty)\b (cases|children|families)")],
    "ya-28": [("a phone number or telephone contact for the Data Operations Service Desk",
               r"(service desk|data operations|service request form)[^.]{0,200}(\b0\d{3} ?\d{3} ?\d{4}\b|\btelephone\b|\bphone\b|\bcall\b|\bringing\b)"
               r"|(\btelephone\b|\bphone\b|\bcall\b)[^.]{0,100}(service desk|data operations)")],
    "ya-33": [("a review frequency for children missing education policies",
               r"(children missing education|\bcme\b)[^.]{0,200}(annual\w*|every (year|" + NUM + r" years|term)|each year|yearly|termly|at least once)"
               r"|(annual\w*|yearly|every year|termly)[^.]{0,150}(children missing education|\bcme\b)"
               r"|regular reviews[^.]{0,100}(annual|every|each year|yearly|termly|at least once)")],
    "ya-37": [("a length or page/word limit for the diagnostic report",
               r"report[^.]{0,100}(\b\d+ (pages?|words|sides)\b|page limit|word (limit|count)|no (longer|more) than " + NUM + r")"
               r"|\b" + NUM + r" (pages?|sides) (long|maximum|in length)")],
    # not_found claims
    "yc-03": [("a deadline (same day, hours, immediately) for telling parents or carers about a report",
               r"(inform|tell|notify|contact)\w*[^.]{0,60}(parents?|carers?)[^.]{0,150}(same day|within " + NUM + r" (hours?|days?)|\b24 hours\b)"
               r"|(same day|within " + NUM + r" (hours?|days?))[^.]{0,100}(inform|tell|notify|contact)\w*[^.]{0,40}(parents?|carers?)")],
    "yc-06": [("a number of days or weeks for offering advocacy",
               r"advoca\w*[^.]{0,200}(within " + NUM + r" (working )?(days|weeks)|\b\d+ (working )?days\b|no later than)"
               r"|(within " + NUM + r" (working )?(days|weeks))[^.]{0,150}advoca")],
    "yc-07": [("screening or testing for foetal alcohol syndrome",
               r"(foetal|fetal) alcohol[^.]{0,150}(screen\w*|test\w*)|(screen\w*|test\w*)[^.]{0,100}(foetal|fetal) alcohol")],
    "yc-12": [("fines or penalties for local authorities over census returns",
               r"(census|return|validation|collection)[^.]{0,150}\b(fined?|fines|financial penalt\w*|penalt\w*|sanction\w*)\b"
               r"|\b(fined?|fines|financial penalt\w*|penalt\w*)\b[^.]{0,150}(census|validation|data collection)")],
    "yc-16": [("a frequency for Line-of-Sight meetings",
               r"line.of.sight[^.]{0,200}(weekly|every week|each week|fortnightly|monthly|\bdaily\b|every " + NUM + r" weeks)"
               r"|(weekly|fortnightly|monthly)[^.]{0,100}line.of.sight")],
    "yc-18": [("EU or other funding of the Right to Your Own History project",
               r"(european union|\beu\b)[^.]{0,150}(fund\w*|grant)|(fund\w*|grant)[^.]{0,150}(european union|\beu\b)"
               r"|right to your own history[^.]{0,300}(fund\w*|financ\w*|grant)")],
    "yc-23": [("encryption of shared information",
               r"encrypt")],
    "yc-25": [("Ofsted in connection with children missing education",
               r"ofsted[^.]{0,200}(children missing education|\bcme\b|missing (from )?education)"
               r"|(children missing education|\bcme\b|missing (from )?education)[^.]{0,200}ofsted")],
    "yc-28": [("police passing bail conditions to schools",
               r"bail[^.]{0,200}(share|inform|tell|notify|pass|disclos)\w*[^.]{0,100}(schools?|colleges?)"
               r"|(police)[^.]{0,100}(must|will always|should always)[^.]{0,100}bail"
               r"|(schools?|colleges?)[^.]{0,60}(informed|told|notified) (of|about) (any )?bail")],
    "yc-32": [("a venue or format (in person/online) for the standards workshop",
               r"workshops?[^.]{0,200}(in person|in-person|venue|held at|offices?|london|online|virtual|microsoft teams|ms teams|zoom)"
               r"|(in person|in-person|online|virtual)[^.]{0,100}workshop")],
    "yc-35": [("a size of caseload reduction (a third, a half, a percentage)",
               r"caseloads?[^.]{0,150}(\bthird\b|\bhalf\b|\bquarter\b|\d+ ?%|per ?cent)"
               r"|(\bthird\b|\bhalf\b|\bquarter\b|\d+ ?%)[^.]{0,80}caseloads?"
               r"|(reduc\w*|fell|fallen|decreas\w*|dropp?\w*)[^.]{0,40}caseloads? (by|of) ")],
    "yc-38": [("publishing the diagnostic report, or putting it on a website",
               r"(diagnostic|d2i)[^.]{0,200}publish\w*|publish\w*[^.]{0,150}(diagnostic|d2i)"
               r"|(diagnostic|d2i)[^.]{0,200}(website|online)|(formal|written) report[^.]{0,150}(publish\w*|website)")],
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
        rid = f"ya-{i:02d}"
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
        rid = f"yc-{i:02d}"
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
        rid = f"ys-{i:02d}"
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
