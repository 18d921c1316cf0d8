#!/usr/bin/env python3
"""Checker for the probe19 hand-labelled evaluation set.

Adapted from the probe18 checker (ids, UNANSWERABLE, ACRONYMS, ABSENT and
POSITIVES changed).  Loads ask.jsonl, check.jsonl and search.jsonl from this
folder and checks:

* ids (wa-/wc-/ws- prefixes, two digits, in order), row counts and keys;
* exactly the eight rows listed in UNANSWERABLE are unanswerable (answers []
  and gold []), and every other question has answers and gold;
* the verdict balance (14 supported, 14 contradicted, 12 not_found), that no
  verdict occurs three times in a row, and that between 20 and 32 claims carry
  a figure (a digit or a number word, see FIGURE_RX);
* the search kinds (exact, paraphrase, acronym, table, figure, theme; exactly
  5 each, 30 in all);
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
  any variant.  With --plain-only it must match the plain extraction;
* `exact` queries occur verbatim (token sequence) on a gold page;
  `paraphrase` queries share no word of five or more letters with the
  sentence around each gold phrase; `acronym` queries contain their acronym
  and the full name is on every gold page (ACRONYMS); every figure in a
  `figure` query occurs on at least one gold page;
* ABSENT: for every unanswerable question and not_found claim, a regular
  expression for what an answer would have to say is searched over every
  page of ALL ten documents (all variants); any hit is a failure.  Each
  regex must also match its made-up positive sentence in POSITIVES, so none
  is vacuous.  Each check is printed with its description and the number of
  pages searched.  This is the recorded form of the regex search done when
  the items were written.

Usage: python3 verify_probe.py [--docs DIR] [-v] [--plain-only]
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

KINDS = ("exact", "paraphrase", "acronym", "table", "figure", "theme")
EXACT_KIND_COUNTS = {k: 5 for k in KINDS}

UNANSWERABLE = {"wa-04", "wa-10", "wa-15", "wa-21", "wa-25", "wa-30", "wa-34", "wa-38"}

# A claim "has a figure" if it contains a digit or one of these number words
# (the digit in the name "D2I" does not count).
FIGURE_RX = re.compile(
    r"\d|\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|hundred|thousand|"
    r"half|third|quarter|twice|monthly|weekly|daily|fortnightly|annual|annually|yearly)\b"
    r"|\bevery (year|term|month|week|day)\b|\ban hour\b", re.I)
FIGURE_CLAIMS_RANGE = (20, 32)

# For `figure` search queries: every figure token of the query must occur on
# at least one gold page.
FIGURE_TOKEN_RX = re.compile(
    r"\d[\d,.]*%?|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen"
    r"|twenty)\b", re.I)

# `acronym` queries: (acronym in the query, regex for its full name).  The
# acronym must be in the query and the full name on EVERY gold page.
ACRONYMS = {
    "ws-03": ("cypmhs", r"children and young people's mental health services"),
    "ws-09": ("sarc", r"sexual assault referral centres?"),
    "ws-15": ("jhws", r"joint health and wellbeing strategy"),
    "ws-21": ("gds", r"government digital standards?"),
    "ws-27": ("masa", r"multi[- ]agency safeguarding arrangements"),
}

# Evidence of absence.  For every unanswerable question and not_found claim:
# (what is checked, regex over the normalised text of a page).  Every regex is
# searched over EVERY page of ALL ten documents (plain, -layout and
# de-hyphenated variants); any hit is a failure.  POSITIVES holds a made-up
# sentence for each row that the regex must match, so no regex is vacuous.
NUM = (r"(\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fourteen|fifteen"
       r"|eighteen|twenty|twenty-four|twenty-eight|thirty|forty-five)")
MONTHS = (r"(january|february|march|april|may|june|july|august|september|october|november"
          r"|december)")
ABSENT = {
    # unanswerable questions
    "wa-04": [("a number of low-level concerns that triggers a LADO referral",
               r"\b" + NUM + r" (or more )?(separate )?low-level concerns"
               r"|low-level concerns?[^.]{0,120}\b" + NUM + r" (or more|times|concerns|occasions)")],
    "wa-10": [("a publication year for the National Standards for the Provision of "
               "Children's Advocacy Services",
               r"children's advocacy services[^.]{0,40}\(?(19|20)\d\d"
               r"|(19|20)\d\d[^.]{0,40}national standards for the provision"
               r"|advocacy standards[^.]{0,60}(19|20)\d\d")],
    "wa-15": [("the content of any individual Caldicott principle",
               r"inform patients and service users|duty to share information can be as important"
               r"|(eighth|8th|seventh|7th) (caldicott )?principle"
               r"|caldicott principles?[^.]{0,10}:|principle (8|eight)\b")],
    "wa-21": [("a set number of working days for the assessment internal review point",
               r"internal review point[^.]{0,200}\b" + NUM + r" (working )?days"
               r"|\b" + NUM + r" (working )?days[^.]{0,150}internal review point")],
    "wa-25": [("an amount of money for the Children's Social Care Prevention Grant",
               r"prevention grant[^.]{0,200}(£|\b\d+(\.\d+)? ?(million|m|bn|billion)\b)"
               r"|(£ ?\d|\b\d+(\.\d+)? ?(million|bn|billion)\b)[^.]{0,200}"
               r"(prevention grant|families first partnership)")],
    "wa-30": [("a compliance date for WCAG",
               r"(wcag|accessibility guidelines)[^.]{0,150}(20\d\d|by " + MONTHS + r")"
               r"|(20\d\d|by " + MONTHS + r")[^.]{0,100}(wcag|accessibility guidelines)")],
    "wa-34": [("a reply from the DfE to NVEST's letter",
               r"(dfe|department for education)[^.]{0,60}(has|have) (now )?(responded|replied)"
               r"|(response|reply) (from|received from) (the )?(dfe|department)"
               r"|(dfe|department for education) (responded|replied|said|confirmed)")],
    "wa-38": [("a phone number for Data to Insight / the D2I diagnostic",
               r"(data to insight|d2i)[^.]{0,200}(\btel\b|telephone|phone|\b0\d{3,4}[ -]?\d{3}[ -]?\d{3,4})"
               r"|(\btel\b|telephone|phone|call)[^.]{0,60}(data to insight|d2i)")],
    # not_found claims
    "wc-03": [("a frequency for reviewing low-level concern records",
               r"(low-level concerns?|records should be reviewed)[^.]{0,150}(termly|every (half[- ])?term"
               r"|each term|once a (half[- ])?term|every (month|year)|annually"
               r"|at least (once )?(a|every|each) (term|year|month))")],
    "wc-06": [("101 as the number for FGM reports",
               r"(fgm|female genital)[^.]{0,250}\b101\b|\b101\b[^.]{0,150}(fgm|female genital)")],
    "wc-10": [("a CAMHS or mental health waiting time in weeks",
               r"(camhs|mental health)[^.]{0,150}\b" + NUM + r"[- ]weeks?"
               r"|\b" + NUM + r"[- ]weeks?[^.]{0,100}(camhs|mental health)")],
    "wc-13": [("a deadline for reporting a data breach to the ICO",
               r"72 hours|breach[^.]{0,150}(\bico\b|information commissioner)"
               r"|(\bico\b|information commissioner)[^.]{0,150}breach")],
    "wc-14": [("a review period for DPIAs",
               r"dpias?[^.]{0,150}(review\w*|updat\w*|renew\w*|revisit\w*)[^.]{0,80}"
               r"(every|annual\w*|each year|\b" + NUM + r" (months|years))")],
    "wc-18": [("a time limit for recording assessment factors",
               r"factors?[^.]{0,150}within " + NUM + r" (working |calendar )?days"
               r"|within " + NUM + r" (working |calendar )?days[^.]{0,150}factors?")],
    "wc-22": [("a time limit in days for reasonable enquiries",
               r"enquir\w*[^.]{0,150}(within|no later than|after|for) " + NUM
               + r" (consecutive )?(school |working )?days"
               r"|(within|no later than) " + NUM + r" (school |working )?days[^.]{0,100}enquir")],
    "wc-25": [("a comparison-area or counterfactual design for the impact evaluation",
               r"comparison (areas?|groups?|local authorities|sites)|matched (areas?|comparison|control|sites)"
               r"|counterfactual|control (group|areas?)|randomi[sz]ed")],
    "wc-29": [("a waiting time for care leavers to receive their files",
               r"(wait\w*|took|take|takes|taking)[^.]{0,100}\b" + NUM + r" (months|weeks|years)"
               r"[^.]{0,100}(files?|records?)"
               r"|(files?|records?)[^.]{0,100}(wait\w*)[^.]{0,80}\b" + NUM + r" (months|weeks)")],
    "wc-32": [("a meeting frequency for NVEST",
               r"nvest[^.]{0,200}(quarterly|every (three|3) months|each quarter|every quarter|monthly"
               r"|bi-?monthly|twice a year|every (month|year))"
               r"|(meets|meetings? are held) (quarterly|monthly|every)")],
    "wc-36": [("whether the D2I diagnostic should be run online or in person",
               r"diagnostic[^.]{0,150}(online|virtual\w*|remote\w*|in[- ]person|face[- ]to[- ]face)"
               r"|(online|virtual\w*|remote\w*)[^.]{0,80}diagnostic"
               r"|(session|workshop)s? (should|can|must|will) be (held|run|delivered) "
               r"(online|virtually|remotely|in person)")],
    "wc-39": [("a meeting frequency with Jobcentres",
               r"jobcentres?[^.]{0,200}(monthly|quarterly|annually|every (month|week|quarter|year)"
               r"|\b" + NUM + r" (times|weeks|months))")],
}

POSITIVES = {
    "wa-04": "where three or more low-level concerns are raised about the same person, refer to the lado",
    "wa-10": "the national standards for the provision of children's advocacy services (2002) apply",
    "wa-15": "the eighth caldicott principle is to inform patients and service users",
    "wa-21": "the internal review point should be set at 10 working days after referral",
    "wa-25": "the prevention grant is worth £250 million in 2025-26",
    "wa-30": "providers should become compliant with wcag guidelines by march 2026",
    "wa-34": "the dfe has now responded to the letter from nvest",
    "wa-38": "to book a diagnostic, telephone data to insight on 01273 481 000",
    "wc-03": "low-level concerns records should be reviewed at least once a term",
    "wc-06": "teachers should report fgm to the police by calling 101",
    "wc-10": "looked-after children referred to camhs must be seen within 18 weeks",
    "wc-13": "a data breach must be reported to the ico within 72 hours",
    "wc-14": "a dpia must be reviewed every twelve months",
    "wc-18": "the factors must be recorded within 10 working days of the end of the assessment",
    "wc-22": "reasonable enquiries must be completed within ten school days",
    "wc-25": "the impact evaluation will compare pathfinder areas with matched comparison areas",
    "wc-29": "care leavers waited on average six months to receive their files",
    "wc-32": "nvest meets every quarter",
    "wc-36": "the diagnostic should be run online rather than in person",
    "wc-39": "leaders meet jobcentres every month to update the care leaver protocol",
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
    ap.add_argument("--plain-only", action="store_true",
                    help="gold contains must match the plain extraction")
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
            pool = texts[:1] if args.plain_only else texts
            if not any(c in t for t in pool):
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
        pos = POSITIVES.get(rid)
        for desc, pat in pats:
            rx = re.compile(pat)
            if not pos or not rx.search(norm(pos)):
                fail(f"{rid}: ABSENT regex does not match its POSITIVES sentence {pos!r}")
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
            absent_log.append(f"absent {rid}: {desc}: {len(hits)} hit(s) in {npages} pages "
                              f"of {len(docs)} documents")

    # ------------------------------------------------------------------ ask
    ask = load("ask.jsonl")
    if len(ask) != 40:
        fail(f"ask.jsonl: {len(ask)} rows, want 40")
    unans = 0
    for i, r in enumerate(ask, 1):
        rid = f"wa-{i:02d}"
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
    run_v, run_n, withfig = None, 0, []
    for i, r in enumerate(check, 1):
        rid = f"wc-{i:02d}"
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
        if FIGURE_RX.search(r["claim"].replace("D2I", "")):
            withfig.append(rid)
        if v == "not_found":
            if r["gold"] != []:
                fail(f"{rid}: not_found claims must have gold []")
            check_absent(rid)
        else:
            check_gold(rid, r["gold"], 1, 4)
    want = {"supported": 14, "contradicted": 14, "not_found": 12}
    if counts != want:
        fail(f"check.jsonl verdicts {counts}, want {want}")
    lo, hi = FIGURE_CLAIMS_RANGE
    if not (lo <= len(withfig) <= hi):
        fail(f"check.jsonl: {len(withfig)} claims with a figure, want {lo}-{hi}")

    # --------------------------------------------------------------- search
    search = load("search.jsonl")
    if len(search) != 30:
        fail(f"search.jsonl: {len(search)} rows, want 30")
    kinds = {}
    for i, r in enumerate(search, 1):
        rid = f"ws-{i:02d}"
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
        elif k == "acronym":
            acr, full = ACRONYMS.get(rid, (None, None))
            if acr is None:
                fail(f"{rid}: acronym query not listed in ACRONYMS")
            else:
                if acr not in tokens(q):
                    fail(f"{rid}: acronym {acr!r} not in the query")
                for g, _c, ts in found:
                    if not any(re.search(full, t) for t in ts):
                        fail(f"{rid}: full name /{full}/ not on {g['doc']} p.{g['page']}")
        elif k == "figure":
            figs = [m.group(0).lower().rstrip(".,") for m in FIGURE_TOKEN_RX.finditer(q)]
            if not figs:
                fail(f"{rid}: figure query has no figure")
            for fig in figs:
                if not any(fig in t for _, _, ts in found for t in ts):
                    fail(f"{rid}: figure {fig!r} not on any gold page")
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
    used = {g["doc"] for r in ask + check + search for g in r.get("gold", [])
            if isinstance(g, dict)}
    for d in docs:
        if d not in used:
            fail(f"document never cited: {d}")
    ngold = sum(len(r.get("gold", [])) for r in ask + check + search)
    print(f"ask.jsonl:    {len(ask)} rows ({len(ask) - unans} answerable, {unans} unanswerable)")
    print(f"check.jsonl:  {len(check)} rows {counts}; {len(withfig)} claims with a figure")
    print(f"search.jsonl: {len(search)} rows; kinds {dict(sorted(kinds.items()))}")
    for line in absent_log:
        print(line)
    if args.verbose:
        print("claims with a figure:", " ".join(withfig))
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
