#!/usr/bin/env python3
"""Checker for the probe40 hand-labelled evaluation set.

Adapted from the probe39 checker.  What changed: ids (ag-/cg-/sg-) and this
set's UNANSWERABLE, ACRONYMS, ABSENT, POSITIVES and KEYWORDS tables.  Every
step, including COPY, is the probe39 one.  The verdict
balance is 14 supported, 14 contradicted, 12 not_found.  As in probe24-39,
the page text comes from pypdfium2 and pypdf (poppler is not installed here).
Run it with the project venv:

    /work/main/.venv/bin/python bench/probe40/verify_probe.py [-v] [--plain-only]

It loads ask.jsonl, check.jsonl and search.jsonl from this folder and checks:

* ids (ag-/cg-/sg- prefixes, two digits, in order), row counts and keys;
* exactly the eight rows listed in UNANSWERABLE are unanswerable (answers []
  and gold []), and every other question has answers and gold;
* the verdict balance (14 supported, 14 contradicted, 12 not_found), that no
  verdict occurs three times in a row, and that between 20 and 32 claims carry
  a figure (a digit or a number word, see FIGURE_RX);
* the search kinds (exact, paraphrase, acronym, table, figure, theme; exactly
  5 each, 30 in all);
* the shape of every gold entry (doc, page, contains), 1-4 gold entries per
  answerable question, checkable claim and search query, 3-12 words per
  `contains`, and that the page exists.  PDF pages are 1-based page indices
  (not printed page numbers); the DOCX has no pages, so its page must be null;
* that every gold `contains` string is on its page.  Each cited PDF page is
  extracted twice, with pypdfium2 (the "plain" text) and with pypdf; the DOCX
  is word/document.xml with the tags stripped.  Both sides are normalised the
  same way (NFKC, which also splits ligatures; lower case; straight quotes and
  dashes; soft hyphens removed; pdfium's line-break hyphen U+FFFE read as
  "-"; whitespace collapsed).  Two more variants join words hyphenated across
  a line break (U+FFFE dropped for pdfium; "safe-\\nguarding" ->
  "safeguarding" for pypdf).  A gold entry passes if it matches any variant.
  With --plain-only it must match the pypdfium2 text;
* completeness: every gold `contains` string of a row is searched over every
  page of ALL ten documents (all variants); every page where it occurs must
  be cited by that row (same doc and page), so no page repeating a gold
  string is left out;
* `exact` queries occur verbatim (token sequence) on a gold page;
  `paraphrase` queries share no word of five or more letters with the
  sentence around each gold phrase; `acronym` queries contain their acronym
  and the full name is on every gold page (ACRONYMS); every figure in a
  `figure` query occurs on at least one gold page;
* KEYWORDS: for every answerable question and every supported or
  contradicted claim, a few key words (regular expressions) of the answer or
  claim are searched over every page of ALL ten documents (all variants);
  the row fails unless at least one of its gold pages is among the pages
  where all its key words occur together.  Pages where they co-occur but the
  row does not cite are listed with -v, for review;
* ABSENT: for every unanswerable question and not_found claim, a regular
  expression for what an answer would have to say is searched over every
  page of ALL ten documents (all variants); any hit is a failure.  Each
  regex must also match its made-up positive sentence in POSITIVES, so none
  is vacuous.  Each check is printed with its description and the number of
  pages searched.  This is the recorded form of the regex search done when
  the items were written;
* COPY: no question, no claim and no search query other than an `exact` one
  shares a run of six or more consecutive words (tokens as in `tokens()`)
  with any page of ALL ten documents (all variants), so the rows paraphrase
  the documents rather than copy them.

Usage: python verify_probe.py [--docs DIR] [-v] [--plain-only]
Exits non-zero on any failure.
"""

import argparse
import json
import os
import re
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
LINEBREAK_HYPHEN = "\ufffe"   # pypdfium2 marks a hyphen at a line end with U+FFFE

KINDS = ("exact", "paraphrase", "acronym", "table", "figure", "theme")
EXACT_KIND_COUNTS = {k: 5 for k in KINDS}

UNANSWERABLE = {"ag-04", "ag-09", "ag-15", "ag-19", "ag-24", "ag-29", "ag-33", "ag-38"}

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
    "sg-03": ("lado", r"local authority designated officer"),
    "sg-09": ("dscos", r"designated social care officers"),
    "sg-15": ("nms", r"national minimum standards"),
    "sg-21": ("ehcp", r"education, health and care plan"),
    "sg-27": ("cic", r"children in care"),
}

# Evidence of absence.  For every unanswerable question and not_found claim:
# (what is checked, regex over the normalised text of a page).  Every regex is
# searched over EVERY page of ALL ten documents (pypdfium2, pypdf and
# de-hyphenated variants); any hit is a failure.  POSITIVES holds a made-up
# sentence for each row that the regex must match, so no regex is vacuous.
# Regexes shared by two rows are named once (FNSP_MONEY, FUNDING, RATIO);
# NVEST_WS (one row) is named only for readability.
FNSP_MONEY = (r"(fnsps?|family network support packages?)[^.]{0,200}(£ ?\d|maximum of|up to £|capped)"
              r"|£ ?[\d,]+[^.]{0,100}(fnsps?|family network support)")
FUNDING = (r"(keeping children safe, helping families thrive|policy paper|prevention grant|families first partnership)"
           r"[^.]{0,200}(£ ?\d|\d+ ?(million|billion|bn)\b)"
           r"|£ ?[\d.,]+ ?(million|billion|m|bn)?\b[^.]{0,150}(families first|pathfinder|ffcp)")
RATIO = (r"(staff|adults?)[^.]{0,40}(ratio|for every \d+)[^.]{0,80}(boarders|pupils|students|children)"
         r"|ratio of (staff|adults)|\bone (member of staff|adult) (for|per) (every )?\d+"
         r"|(boarders|boarding)[^.]{0,120}(ratio|for every \d+|per \d+ (boarders|pupils))")
NVEST_WS = (r"(workshop|july 10th|10th july|10 july)[^.]{0,150}\b\d+ (people|attendees|participants|delegates|colleagues)"
            r"|\b\d+ (people|attendees|participants|delegates)[^.]{0,100}workshop")

ABSENT = {
    # unanswerable questions
    "ag-04": [("a maximum sum for a family network support package", FNSP_MONEY)],
    "ag-09": [
        ("a deadline for closing a CIN case after a child's death",
         r"(death|died|dies)[^.]{0,150}within (\d+|one|two|three|five|seven|ten|fourteen|thirty) (working )?(days|weeks|months)"
         r"|clos\w*[^.]{0,80}within (\d+|ten|thirty) (working )?days of (the )?(child's )?death"),
    ],
    "ag-15": [("a staff-to-boarder ratio for night duty", RATIO)],
    "ag-19": [
        ("a share of form fields turned into selection fields",
         r"\d+ ?(%|per cent)[^.]{0,120}(selection fields|drop[- ]down|radio buttons|tick[- ]?boxes)"
         r"|(selection fields|drop[- ]down lists?|radio buttons|tick[- ]?boxes)[^.]{0,120}\d+ ?(%|per cent)"),
    ],
    "ag-24": [
        ("a publication year for the ICO data sharing code",
         r"code of practice (for|on) data sharing[^.]{0,100}\b(19|20)\d\d"
         r"|\b(19|20)\d\d\b[^.]{0,60}code of practice (for|on) data sharing"
         r"|data sharing code( of practice)?[^.]{0,80}\b(19|20)\d\d"),
    ],
    "ag-29": [("a sum of money in the November 2024 policy paper", FUNDING)],
    "ag-33": [
        ("a notice period before a D2I session",
         r"(\d+|one|two|three|four|six|eight) (weeks|days|working days)'? notice"
         r"|notice of (at least )?(\d+|one|two|three|four|six) (weeks|days)"
         r"|(\d+|two|three|four|six) weeks (before|in advance of|ahead of) the (session|workshop|diagnostic)"),
    ],
    "ag-38": [("a head count for the 10 July data standards workshop", NVEST_WS)],
    # not_found claims
    "cg-03": [
        ("a per-child grant for Virtual School Heads for kinship children",
         r"kinship[^.]{0,150}(grant|per[- ]child|£ ?\d|funding for each)"
         r"|(grant|£ ?\d)[^.]{0,120}kinship"),
    ],
    "cg-06": [
        ("a deadline for opening the post-adoption CIN record",
         r"post-adoption[^.]{0,150}within (\d+|ten|five|twenty|28) (working )?days"
         r"|adoption order[^.]{0,150}within (\d+|ten|five|twenty|28) (working )?days"),
    ],
    "cg-09": [
        ("a time saving from moving to selection fields",
         r"(halv\w*|half|cut|reduc\w*)[^.]{0,80}(time|hours)[^.]{0,80}record\w*[^.]{0,100}(selection|drop[- ]down|radio|tick)"
         r"|(selection fields|drop[- ]down|radio buttons|tick[- ]?boxes)[^.]{0,150}(halv\w*|saved|sav\w*|reduc\w*)[^.]{0,60}time"),
    ],
    "cg-12": [("a cap on a family network support package", FNSP_MONEY)],
    "cg-15": [
        ("a deadline for a GP appointment after a placement move",
         r"(gp|general practitioner)[^.]{0,120}within (\d+|one|two|three|four|ten) (weeks|days|working days)"
         r"|appointment[^.]{0,80}within (\d+|one|two) weeks"),
    ],
    "cg-18": [
        ("joint authorship of the information sharing advice with the ICO",
         r"(jointly|together|in partnership) with the (ico|information commissioner)|co-?authored[^.]{0,60}(ico|information commissioner)"
         r"|(produced|published|developed|written) (jointly )?(by|with) (the )?(dfe|department for education) and the (ico|information commissioner)"),
    ],
    "cg-21": [
        ("a yearly review of standard-transition requests",
         r"standard[- ]transitions?[^.]{0,200}(review\w*|renew\w*|revisit\w*)[^.]{0,80}(annual\w*|every year|each year|yearly)"
         r"|(annual\w*|every year|each year|yearly)[^.]{0,120}standard[- ]transition"),
    ],
    "cg-24": [
        ("a deadline for supply staff to complete safeguarding training",
         r"(supply|temporary|agency) (staff|teachers?|workers?)[^.]{0,200}within (\d+|one|two|three|five|ten) (working |school )?(days|weeks)"
         r"|(training|induction)[^.]{0,100}within (\d+|one|two|three) (working |school )?days of (starting|joining|appointment)"),
    ],
    "cg-27": [("a sum of money in the November 2024 policy paper", FUNDING)],
    "cg-30": [
        ("a meeting cycle for the data standards working group",
         r"working group[^.]{0,150}(monthly|every (month|\d+ weeks|two weeks|six weeks)|fortnightly|quarterly)"
         r"|(monthly|fortnightly|quarterly)[^.]{0,80}working group"),
    ],
    "cg-33": [("a staff-to-boarder ratio for night duty", RATIO)],
    "cg-36": [
        ("a retention or deletion period for locally collected data",
         r"local data[^.]{0,150}(delet\w*|destroy\w*|retain\w*|retention)[^.]{0,80}(\d+|five|six|seven|ten) years"
         r"|(delet\w*|destroy\w*)[^.]{0,100}(\d+|five|six|seven|ten) years"),
    ],
}

POSITIVES = {
    "ag-04": "each fnsp can pay out up to £2,000",
    "ag-09": "the case must be closed within 30 days of the child's death",
    "ag-15": "boarding schools must have one member of staff for every 30 boarders at night",
    "ag-19": "60% of fields became drop-down lists",
    "ag-24": "the code of practice for data sharing published in 2021",
    "ag-29": "the policy paper set aside £500 million for families first",
    "ag-33": "give the dcs four weeks' notice",
    "ag-38": "the 10 july workshop had 40 participants",
    "cg-03": "vshs receive a grant for each child in kinship care",
    "cg-06": "open the post-adoption record within ten working days of the adoption order",
    "cg-09": "moving to drop-down fields halved the time spent recording",
    "cg-12": "family network support packages are capped at £2,000",
    "cg-15": "children should see a gp within two weeks of a move",
    "cg-18": "the advice was produced jointly with the information commissioner's office",
    "cg-21": "standard transition requests should be reviewed with schools every year",
    "cg-24": "supply staff must complete the training within two days of starting",
    "cg-27": "the policy paper committed £500 million to the pathfinder",
    "cg-30": "the standards working group will meet monthly",
    "cg-33": "one member of staff for every 30 boarders",
    "cg-36": "local data items are deleted after five years",
}

# Key words of each answer (answerable questions) and each checkable claim:
# every regex must occur on the same page.  The checker searches all pages of
# all ten documents, fails if no gold page of the row is among the pages
# where they co-occur, and lists (with -v) co-occurrence pages the row does
# not cite, for review.
KEYWORDS = {
    # ask
    "ag-01": [r"section 16 of the sexual offences act 2003", r"position of trust"],
    "ag-02": [r"in september 2024, the role of virtual school heads", r"children in kinship care"],
    "ag-03": [r"extend up to one month after the date of the adoption order", r"new record"],
    "ag-05": [r"exists to support children, young people and\s?families", r"intervening decisively"],
    "ag-06": [r"improving practice with children, young people and\s?families", r"embed the statutory guidance"],
    "ag-07": [r"helping families thrive", r"november 2024"],
    "ag-08": [r"minimum of two years", r"wave one"],
    "ag-10": [r"facilitated by an independent coordinator", r"decision-making responsibility"],
    "ag-11": [r"selection fields such as radio buttons", r"'other' has been selected"],
    "ag-12": [r"passport, driving licence, visa", r"personal advisers"],
    "ag-13": [r"agree it themselves", r"aged 16 or 17"],
    "ag-14": [r"length of a placement should not affect", r"equivalent need"],
    "ag-16": [r"role of the lado is not to investigate", r"senior member of the school"],
    "ag-17": [r"not more than three months prior", r"separate barred list check"],
    "ag-18": [r"more girls than boys or vice versa", r"child-on-child abuse"],
    "ag-20": [r"sole proprietor", r"written confirmation that part of the duties"],
    "ag-21": [r"first plan then the value should be zero", r"child protection register"],
    "ag-22": [r"under a duty to make such notifications", r"standard transitions"],
    "ag-23": [r"code of practice for data sharing", r"information commissioner"],
    "ag-25": [r"condition of use and occupation of the premises", r"termination of the agreement"],
    "ag-26": [r"always be a social worker for children subject to", r"child protection plan"],
    "ag-27": [r"standard data set about a child", r"placement sufficiency"],
    "ag-28": [r"all day it/mi leads", r"for at least the morning"],
    "ag-30": [r"revised guidance on relationships, sex,? and health education", r"september 2025"],
    "ag-31": [r"how much support they receive", r"family networks are encouraged"],
    "ag-32": [r"proportionate risk-based approach", r"temporary staff, volunteers"],
    "ag-34": [r"multiple/not recommended", r"more than one category of abuse"],
    "ag-35": [r"'carer' means foster carer or residential care worker", r"regulation 4"],
    "ag-36": [r"if a college chooses to have a behaviour policy", r"all schools are required"],
    "ag-37": [r"all levels of need", r"fnsps"],
    "ag-39": [r"four modules of data", r"child identifiers"],
    "ag-40": [r"must make information sharing decisions on a case-by-case basis", r"lawful basis"],
    # check (supported and contradicted)
    "cg-01": [r"section 16 of the sexual offences act 2003", r"even if the relationship is consensual"],
    "cg-02": [r"extended in june 2021", r"children with a social worker"],
    "cg-04": [r"extend up to one month", r"adoption order"],
    "cg-05": [r"not more than three months prior", r"barred list"],
    "cg-07": [r"not to investigate", r"senior member of the school"],
    "cg-08": [r"minimum of two years", r"lead child protection practitioner"],
    "cg-10": [r"'other' has been selected", r"cannot be left empty"],
    "cg-11": [r"if a college chooses to have a behaviour policy", r"all schools are required to have a behaviour policy"],
    "cg-13": [r"independent from the specific case", r"coordinator may be employed"],
    "cg-14": [r"length of a placement should not affect", r"access to services"],
    "cg-16": [r"agree it themselves", r"regulation 4"],
    "cg-17": [r"code of practice for data sharing", r"information commissioner"],
    "cg-19": [r"referred to differently across the las", r"as used by the dfe"],
    "cg-20": [r"all levels of need", r"fnsps"],
    "cg-22": [r"under a duty to make such notifications", r"standard transitions"],
    "cg-23": [r"four modules of data", r"children in need census"],
    "cg-25": [r"helping families thrive", r"continued commitment"],
    "cg-26": [r"transfer of control agreement", r"termination of the agreement"],
    "cg-28": [r"value should be zero", r"child protection register"],
    "cg-29": [r"'carer' means foster carer or residential care worker", r"looked-after"],
    "cg-31": [r"standard data set about children and placements", r"placement sufficiency"],
    "cg-32": [r"212 members", r"89 local"],
    "cg-34": [r"for at least the morning", r"all day it/mi leads"],
    "cg-35": [r"local safeguarding service leader", r"not a data or performance professional"],
    "cg-37": [r"more girls than boys or vice versa", r"child-on-child abuse"],
    "cg-38": [r"local authority designated officer", r"written confirmation"],
    "cg-39": [r"september 2024", r"children in kinship care"],
    "cg-40": [r"continued commitment", r"helping families thrive"],
}


def norm(s, hyphen="-"):
    s = unicodedata.normalize("NFKC", s).replace(LINEBREAK_HYPHEN, hyphen).lower()
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


def dehyphenate(t):
    t = unicodedata.normalize("NFKC", t)
    for d in DASHES:
        t = t.replace(d, "-")
    return re.sub(r"(?<=[A-Za-z])-[ \t]*\r?\n[ \t]*(?=[a-z])", "", t)


class Pages:
    """Per-page text of the documents, extracted once per document and cached.

    texts(doc, page) returns four normalised variants:
    [pypdfium2 (plain), pypdf, pypdfium2 with line-break hyphens dropped,
    pypdf de-hyphenated].  For the DOCX all four come from word/document.xml
    (tags stripped; tags replaced by nothing and by a space)."""

    def __init__(self, docs_dir):
        self.docs_dir = docs_dir
        self.cache = {}

    def _load(self, doc):
        if doc in self.cache:
            return self.cache[doc]
        path = os.path.join(self.docs_dir, doc)
        if is_docx(doc):
            with zipfile.ZipFile(path) as z:
                xml = z.read("word/document.xml").decode("utf-8")
            xml = re.sub(r"</w:p>", "\n", xml)
            a, b = re.sub(r"<[^>]+>", "", xml), re.sub(r"<[^>]+>", " ", xml)
            pages = [[norm(a), norm(b), norm(a, ""), norm(dehyphenate(b))]]
        else:
            try:
                import pypdf
                import pypdfium2
            except ImportError:
                sys.exit("needs pypdfium2 and pypdf: run with /work/main/.venv/bin/python")
            pd = pypdfium2.PdfDocument(path)
            plain = [pd[i].get_textpage().get_text_range() for i in range(len(pd))]
            other = [p.extract_text() or "" for p in pypdf.PdfReader(path).pages]
            if len(plain) != len(other):
                raise RuntimeError(f"{doc}: page counts differ ({len(plain)} vs {len(other)})")
            pages = [[norm(a), norm(b), norm(a, ""), norm(dehyphenate(b))]
                     for a, b in zip(plain, other, strict=True)]
        self.cache[doc] = pages
        return pages

    def count(self, doc):
        return 1 if is_docx(doc) else len(self._load(doc))

    def texts(self, doc, page):
        return self._load(doc)[(page or 1) - 1]


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
        # completeness: every page (of every document) repeating a gold string
        # must be cited by this row
        cited = {(g["doc"], g["page"] or 1) for g, _c, _t in found}
        for g, c, _t in found:
            for d in docs:
                for p in range(1, pages.count(d) + 1):
                    if (d, p) in cited:
                        continue
                    if any(c in t for t in pages.texts(d, p)):
                        fail(f"{rid}: gold string {g['contains']!r} also on {d} p.{p}, "
                             f"which the row does not cite")
        ncomplete[0] += len(found)
        return found

    absent_log = []
    ncomplete = [0]

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

    kw_log = []

    def check_keywords(rid, found):
        pats = KEYWORDS.get(rid)
        if not pats:
            fail(f"{rid}: no KEYWORDS recorded")
            return
        rxs = [re.compile(p) for p in pats]
        cited = {(g["doc"], g["page"] or 1) for g, _c, _t in found}
        where = []
        for d in docs:
            for p in range(1, pages.count(d) + 1):
                ts = pages.texts(d, p)
                if all(any(rx.search(t) for t in ts) for rx in rxs):
                    where.append((d, p))
        if not any(w in cited for w in where):
            fail(f"{rid}: key words {pats} do not occur together on any gold page "
                 f"(they do on {len(where)} page(s))")
        extra = [w for w in where if w not in cited]
        if extra:
            notes.append(f"{rid}: key words also together on uncited "
                         + ", ".join(f"{d[:30]} p.{p}" for d, p in extra))
        kw_log.append((rid, len(where), len(where) - len(extra)))

    # ------------------------------------------------------------------ ask
    ask = load("ask.jsonl")
    if len(ask) != 40:
        fail(f"ask.jsonl: {len(ask)} rows, want 40")
    unans = 0
    for i, r in enumerate(ask, 1):
        rid = f"ag-{i:02d}"
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
        check_keywords(rid, found)
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
        rid = f"cg-{i:02d}"
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
            check_keywords(rid, check_gold(rid, r["gold"], 1, 4))
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
        rid = f"sg-{i:02d}"
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
                t = next((x for x in ts if c in x), ts[0])
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

    # ----------------------------------------------------------------- copy
    RUN = 6
    grams = set()
    for d in docs:
        for p in range(1, pages.count(d) + 1):
            for t in pages.texts(d, p):
                tt = tokens(t)
                grams.update(tuple(tt[j: j + RUN]) for j in range(len(tt) - RUN + 1))
    texts_checked = 0
    for rows, key, prefix in ((ask, "question", "ag"), (check, "claim", "cg"), (search, "query", "sg")):
        for r in rows:
            if key not in r or (prefix == "sg" and r.get("kind") == "exact"):
                continue
            texts_checked += 1
            qt = tokens(r[key])
            shared = [" ".join(qt[j: j + RUN]) for j in range(len(qt) - RUN + 1)
                      if tuple(qt[j: j + RUN]) in grams]
            if shared:
                fail(f"{r.get('id')}: shares a {RUN}-word run with a page: {shared[0]!r}"
                     + (f" (+{len(shared) - 1} more)" if len(shared) > 1 else ""))

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
    nkw_extra = sum(1 for _r, n, c in kw_log if n > c)
    print(f"key words searched for {len(kw_log)} answers and claims over all pages: "
          f"{len(kw_log) - nkw_extra} only on gold pages, {nkw_extra} also elsewhere (-v lists them)")
    if args.verbose:
        for rid, n, c in kw_log:
            print(f"key words {rid}: together on {n} page(s), {c} of them cited by the row")
    print(f"copy check: {texts_checked} questions, claims and non-exact queries; "
          f"none may share a {RUN}-word run with any page of {len(docs)} documents")
    print(f"gold entries checked: {ngold} (each also searched over all pages for completeness: "
          f"{ncomplete[0]}); ABSENT rows checked: {len(ABSENT)}")
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
