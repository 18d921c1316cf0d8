#!/usr/bin/env python3
"""Checker for the probe16 hand-labelled evaluation set.

Adapted from the probe15 checker.  Loads ask.jsonl, check.jsonl and
search.jsonl from this folder and checks:

* ids (za-/zc-/zs- prefixes, two digits, in order), row counts and keys;
* exactly the eight rows listed in UNANSWERABLE are unanswerable (answers []
  and gold []), and every other question has answers and gold;
* the verdict balance (14 supported, 14 contradicted, 12 not_found), that no
  verdict occurs three times in a row, and that between 16 and 24 claims carry
  a figure (a digit or a number word, see FIGURE_RX), i.e. around half;
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

UNANSWERABLE = {"za-03", "za-09", "za-14", "za-20", "za-26", "za-30", "za-35", "za-39"}

# A claim "has a figure" if it contains a digit or one of these number words
# (the digit in the name "D2I" does not count).
FIGURE_RX = re.compile(
    r"\d|\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|hundred|thousand|"
    r"half|third|quarter|twice|monthly|weekly|daily|fortnightly|annual|annually|yearly)\b"
    r"|\bevery (year|term|month|week|day)\b|\ban hour\b", re.I)
FIGURE_CLAIMS_RANGE = (16, 24)

# For `figure` search queries: every figure token of the query must occur on
# at least one gold page.
FIGURE_TOKEN_RX = re.compile(
    r"\d[\d,.]*%?|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)\b", re.I)

# `acronym` queries: (acronym in the query, regex for its full name).  The
# acronym must be in the query and the full name on EVERY gold page.
ACRONYMS = {
    "zs-03": ("marf", r"multi.agency referral form"),
    "zs-10": ("rasso", r"rape and serious sexual offences"),
    "zs-14": ("ehsw", r"early help support worker"),
    "zs-19": ("etf", r"education and training foundation"),
    "zs-26": ("dsi", r"dfe sign-in"),
}

# Evidence of absence.  For every unanswerable question and not_found claim:
# (what is checked, regex over the normalised text of a page).  Every regex is
# searched over EVERY page of ALL ten documents (plain, -layout and
# de-hyphenated variants); any hit is a failure.  POSITIVES holds a made-up
# sentence for each row that the regex must match, so no regex is vacuous.
NUM = r"(\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty)"
PEOPLE = r"(participants|people|attendees|colleagues|stakeholders|delegates)"
ABSENT = {
    # unanswerable questions
    "za-03": [("an amount (in pounds) for a DBS admin or processing fee",
               r"(admin\w*|administration|processing) (fee|charge)s?[^.]{0,150}(£ ?\d|\b\d+ pounds)"
               r"|£ ?\d+(\.\d+)?[^.]{0,150}(dbs|barred list|certificate)"
               r"|(dbs|barred list|certificate)[^.]{0,150}£ ?\d")],
    "za-09": [("a size (per cent, fraction) of a fall in child protection plans, proceedings or children in care",
               r"(child protection plans?|on plans|proceedings|children in care|subject to plans)[^.]{0,200}"
               r"(reduc\w*|fell|fallen|decreas\w*|dropp?\w*|down) (by )?(\d+ ?%|\d+ per ?cent|a third|a quarter|half)"
               r"|(reduc\w*|fell|fallen|decreas\w*|dropp?\w*|fall) (of |by )?(\d+ ?%|\d+ per ?cent|a third|a quarter|half)"
               r"[^.]{0,150}(child protection|proceedings|in care|plans)")],
    "za-14": [("a number of days or weeks for responding to complaints",
               r"complain\w*[^.]{0,200}(within " + NUM + r" (working )?(days|weeks)|\b\d+ (working )?days\b|" + NUM + r" working days)"
               r"|(within " + NUM + r" (working )?(days|weeks))[^.]{0,150}complain")],
    "za-20": [("a caseload, ratio or whole-time-equivalent figure for designated doctors or nurses",
               r"designated (doctors?|nurses?|professionals?)[^.]{0,200}\b(\d+|ten|twenty|thirty|forty|fifty|hundred)\b[^.]{0,40}(children|cases|caseloads?)"
               r"|caseloads?[^.]{0,150}designated (doctor|nurse)|designated (doctor|nurse)[^.]{0,150}caseloads?"
               r"|whole.time equivalent|\bwte\b|\bfte\b")],
    "za-26": [("who signs off or approves a DPIA",
               r"(sign(ed|s)?[- ]off|approv\w*|authoris\w*)[^.]{0,100}\b(dpias?|data protection impact assessments?)\b"
               r"|\b(dpias?|data protection impact assessments?)\b[^.]{0,150}(signed off|sign-off|approved by|authorised by|must be approved|must be signed)")],
    "za-30": [("a file size or size limit (MB, KB) for a data return",
               r"file size|maximum size|size limit|\bmegabytes?\b|\bkilobytes?\b|\bgigabytes?\b|\b\d+ ?(mb|kb|gb)\b")],
    "za-35": [("an amount Fatima Whitbread (or anyone) paid for social care files",
               r"(fatima|whitbread)[^.]{0,300}(£ ?\d|\b\d+ pounds|\bfee of\b|cost (her|of))"
               r"|(pay|paid|charg\w*)[^.]{0,100}(files|records)[^.]{0,60}(£ ?\d|\b\d+ pounds)"
               r"|£ ?\d+[^.]{0,100}(files|records)")],
    "za-39": [("a number of participants for a diagnostic session or workshop",
               r"(session|diagnostic|workshop)[^.]{0,150}\b" + NUM + r"\b (to \w+ )?" + PEOPLE +
               r"|\b" + NUM + r"\b (to \w+ )?" + PEOPLE + r"[^.]{0,150}(session|diagnostic|workshop)")],
    # not_found claims
    "zc-03": [("the census recording an education, health and care plan",
               r"(children in need census|cin census|the census|this census)[^.]{0,250}(education,? health and care|\behcp?\b)"
               r"|(education,? health and care|\behcp?\b)[^.]{0,250}(children in need census|cin census|the census)")],
    "zc-07": [("a termly or yearly reminder to parents to update contact details",
               r"(parents?|carers?)[^.]{0,150}(termly|each term|every term|once a term|annual\w*|every year|each year)[^.]{0,150}(contact details|address|changes|details)"
               r"|(termly|each term|every term|once a term|annual\w*|every year|each year)[^.]{0,100}(remind\w*|ask\w*|request\w*)[^.]{0,60}parents?"
               r"|remind\w*[^.]{0,80}parents?[^.]{0,80}(update|inform|change)")],
    "zc-09": [("an average length of families' contact with children's social care",
               r"average[^.]{0,120}(years?|months?)[^.]{0,120}(social care|csc|social services|engaged|involved|contact)"
               r"|(engaged|involved|contact|worked)[^.]{0,100}(csc|social care|social services)[^.]{0,100}average"
               r"|for an average of " + NUM + r" (years|months)")],
    "zc-13": [("council tax", r"council tax")],
    "zc-15": [("telling the Data Protection Officer each time information is shared",
               r"(inform|notify|tell|consult)\w*[^.]{0,80}(data protection officer|\bdpo\b)[^.]{0,100}(each|every) (time|share|occasion)"
               r"|(each|every) (time|share|occasion)[^.]{0,150}(data protection officer|\bdpo\b)"
               r"|(data protection officer|\bdpo\b)s?[^.]{0,60}(must|should|needs? to) be (informed|notified|told)"
               r"|(must|should) (inform|notify|tell) (the |your )?(data protection officer|dpo)")],
    "zc-18": [("a commitment to give all care leavers a CMS login, or a 2025 date for it",
               r"(all|every) care leavers?[^.]{0,150}(login|log into|log in|log-in)"
               r"|(login|log into|log in|log-in)[^.]{0,150}(all|every) care leavers?"
               r"|(login|log into|log in|log-in)[^.]{0,200}(2025|committed|will (give|provide|offer|roll))"
               r"|commit\w* to giving[^.]{0,100}login")],
    "zc-19": [("a questionnaire, survey or self-assessment before the diagnostic",
               r"(questionnaire|survey|self-assessment|self assessment)[^.]{0,150}(diagnostic|before the session|workshop|weeks? before)"
               r"|(diagnostic|before the session|workshop)[^.]{0,150}(questionnaire|survey|self-assessment|self assessment)")],
    "zc-24": [("a completion time for the Prevent e-learning modules",
               r"(e-learning|elearning|modules?)[^.]{0,150}\b(\d+ minutes|minutes|an hour|one hour|\d+ hours?|half an hour)\b"
               r"|\btak(e|es|ing) (about |around |approximately )?(an hour|\d+ minutes|\d+ hours?)[^.]{0,100}(e-learning|module)")],
    "zc-27": [("a frequency for hearing screening or tests",
               r"(hearing|audiolog\w*)[^.]{0,150}(every " + NUM + r" months|every (year|twelve months)|annual\w*|six.monthly|twice a year)"
               r"|(every " + NUM + r" months|annual\w*)[^.]{0,100}hearing (screen|test|check)\w*")],
    "zc-30": [("payment or funding for local authorities joining the standards working group",
               r"(working group|open data institute|\bodi\b)[^.]{0,200}(\bpaid\b|\bpay\b|payment|remunerat\w*|funding for|grant|reimburs\w*|bursar\w*|stipend)"
               r"|(\bpaid\b|\bpay\b|payment|remunerat\w*|reimburs\w*|bursar\w*)[^.]{0,150}(working group|open data institute|\bodi\b)")],
    "zc-34": [("Virtual Schools told about suspensions or fixed-term exclusions",
               r"virtual schools?[^.]{0,200}(suspension|suspended|fixed.term|fixed period)"
               r"|(suspension|fixed.term exclusion)[^.]{0,200}virtual school")],
    "zc-36": [("the court guides (or any guides) in Welsh or other languages",
               r"(guides?|leaflets?|booklets?)[^.]{0,150}(welsh|other languages|community languages|translated|translation)"
               r"|(welsh|translated|translation)[^.]{0,150}(guides?|court)")],
}

POSITIVES = {
    "za-03": "some checking bodies will charge an admin fee of £10 to process a dbs certificate",
    "za-09": "the number of children on child protection plans fell by 15% in wave 1 areas",
    "za-14": "local authorities should respond to complaints within 10 working days",
    "za-20": "a designated nurse should be responsible for no more than 200 looked-after children",
    "za-26": "the dpia must be signed off by the data protection officer before sharing",
    "za-30": "the xml file loaded into collect must not exceed 50 mb",
    "za-35": "fatima described having to pay £100 for her social care files",
    "za-39": "the diagnostic workshop works best with 8 to 12 participants",
    "zc-03": "the children in need census records whether the child has an education, health and care plan",
    "zc-07": "schools must send parents a termly reminder to update their contact details",
    "zc-09": "the families had been engaged with csc for an average of five years",
    "zc-13": "care leavers are exempt from council tax until 25",
    "zc-15": "practitioners must inform the data protection officer every time they share special category data",
    "zc-18": "essex has committed to giving every care leaver a login to their cms record from 2025",
    "zc-19": "participants must complete a self-assessment questionnaire two weeks before the diagnostic",
    "zc-24": "each prevent e-learning module takes about an hour to complete",
    "zc-27": "under-fives must have their hearing screened every six months",
    "zc-30": "the odi will pay local authorities that join the standards working group",
    "zc-34": "virtual schools must be notified of every fixed-term suspension in child protection cases",
    "zc-36": "the two court guides are also available in welsh",
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
            absent_log.append(f"absent {rid}: {desc}: {len(hits)} hit(s) in {npages} pages of {len(docs)} documents")

    # ------------------------------------------------------------------ ask
    ask = load("ask.jsonl")
    if len(ask) != 40:
        fail(f"ask.jsonl: {len(ask)} rows, want 40")
    unans = 0
    for i, r in enumerate(ask, 1):
        rid = f"za-{i:02d}"
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
        rid = f"zc-{i:02d}"
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
        rid = f"zs-{i:02d}"
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
    used = {g["doc"] for r in ask + check + search for g in r.get("gold", []) if isinstance(g, dict)}
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
