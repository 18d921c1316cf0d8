#!/usr/bin/env python3
"""Checker for the probe43 hand-labelled evaluation set.

Adapted from the probe42 checker.  What changed: ids (aj-/cj-/sj-) and this
set's UNANSWERABLE, ACRONYMS, ABSENT, POSITIVES and KEYWORDS tables.  Every
step, including COPY, is the probe42 one.  The verdict balance is 14
supported, 14 contradicted, 12 not_found.  The page text comes from
pypdfium2 and pypdf (poppler is not installed here).  Run it with the
project venv:

    /work/main/.venv/bin/python bench/probe43/verify_probe.py [-v] [--plain-only]

It loads ask.jsonl, check.jsonl and search.jsonl from this folder and checks:

* ids (aj-/cj-/sj- prefixes, two digits, in order), row counts and keys;
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

UNANSWERABLE = {"aj-05", "aj-10", "aj-15", "aj-20", "aj-25", "aj-30", "aj-33", "aj-38"}

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
    "sj-03": ("adhd", r"attention deficit hyperactivity disorder"),
    "sj-09": ("upn", r"unique pupil number"),
    "sj-15": ("dcs", r"director of children's services"),
    "sj-21": ("gp", r"general practitioner"),
    "sj-27": ("csc", r"children's social care"),
}

# Evidence of absence.  For every unanswerable question and not_found claim:
# (what is checked, regex over the normalised text of a page).  Every regex is
# searched over EVERY page of ALL ten documents (pypdfium2, pypdf and
# de-hyphenated variants); any hit is a failure.  POSITIVES holds a made-up
# sentence for each row that the regex must match, so no regex is vacuous.

ABSENT = {
    # unanswerable questions
    "aj-05": [
        ("a publication year for the expert paper on the health needs of unaccompanied asylum-seeking children",
         r"health needs of unaccompanied asylum[^.]{0,150}\b(19|20)\d\d\b|\b(19|20)\d\d\b[^.]{0,60}health needs of unaccompanied"),
    ],
    "aj-10": [
        ("a commencement date for the serious violence duty",
         r"serious violence[^.]{0,200}(into force|commenc\w+|in force from|took effect|takes effect)"
         r"|(into force|commenc\w+|took effect)[^.]{0,120}serious violence"),
    ],
    "aj-15": [
        ("a count of children recorded with UPN unknown reason UN2",
         r"\bun2\b[^.]{0,150}\b\d[\d,]*\s*(children|records|cases|pupils|per cent|%)"
         r"|\b\d[\d,]*\s*(children|records|cases|pupils)[^.]{0,100}\bun2\b"),
    ],
    "aj-20": [
        ("a share of practitioners worried about their professional reputation",
         r"professional reputation[^.]{0,150}(\d+ ?(%|per cent)|\bhalf\b|a third|two-thirds|\bmost\b|majority)"
         r"|(\d+ ?(%|per cent)|\bhalf\b|a third|two-thirds|majority)[^.]{0,100}professional reputation"),
    ],
    "aj-25": [
        ("a named approver for a decision not to tell a family about a share",
         r"not to (notify|inform|tell)[^.]{0,150}(approv\w+|sign(ed)?[- ]off|authoris\w+|agreed by|signed by)"
         r"|(approv\w+|sign(ed)?[- ]off|authoris\w+)[^.]{0,100}not to (notify|inform|tell)"),
    ],
    "aj-30": [
        ("an average number of lead practitioner changes per family",
         r"lead practitioners?[^.]{0,150}(changed|changes|switch\w*|turnover)[^.]{0,100}(\b\d+(\.\d+)? times\b|\bonce\b|\btwice\b|on average)"
         r"|on average[^.]{0,100}lead practitioner"),
    ],
    "aj-33": [
        ("a time allowance for the D2I data system mapping exercise",
         r"system mapping[^.]{0,200}\b(\d+|thirty|forty|sixty|ninety) ?(minutes?|mins|hours?)\b"
         r"|\b(\d+|thirty|forty|sixty|ninety) ?(minutes?|mins|hours?)\b[^.]{0,100}system mapping"),
    ],
    "aj-38": [
        ("a count of children of new migrant families missing education",
         r"migrant[^.]{0,200}\b\d[\d,]{2,}\b|\b\d[\d,]{2,} (children|pupils)[^.]{0,100}migrant"),
    ],
    # not_found claims
    "cj-03": [
        ("a percentage target for reducing recorded data items in Essex",
         r"(reduc\w+|cut\w*)[^.]{0,100}(data items|number of items|items recorded)[^.]{0,100}\b\d+ ?(%|per cent)"
         r"|target[^.]{0,100}\b\d+ ?(%|per cent)"),
    ],
    "cj-06": [
        ("a termly meeting between a VRU and schools",
         r"(violence reduction units?|\bvrus?\b)[^.]{0,200}(once a term|termly|each term|every term|half-termly)"),
    ],
    "cj-09": [
        ("a deadline for supplying missing UPNs after the census",
         r"\bupns?\b[^.]{0,150}within \d+ (working )?days|\bupns?\b[^.]{0,150}(resubmit\w*|supplied later|after the census (closes|has closed))"),
    ],
    "cj-12": [
        ("the RCPCH as author of the expert paper",
         r"royal college of paediatrics|\brcpch\b"),
    ],
    "cj-15": [
        ("agreement of the allocated social worker before sharing",
         r"(agreement|permission|consent|approval) (of|from) the (child's )?(allocated )?social worker"
         r"|social worker (must|should) (agree|approve|consent)"),
    ],
    "cj-18": [
        ("a deadline for replacing a lead practitioner",
         r"lead practitioners?[^.]{0,200}within (\d+|two|three|five|ten|fourteen) (working )?(days|weeks)"
         r"|(replace\w*|new) lead practitioner[^.]{0,100}\b(\d+|ten|five) (working )?days"),
    ],
    "cj-21": [
        ("a monthly list of new migrant families sent to schools",
         r"migrant[^.]{0,200}(monthly|each month|every month|a list|lists? of)"
         r"|(monthly|each month|every month)[^.]{0,150}migrant"),
    ],
    "cj-24": [
        ("yearly governor sign-off of the safe working practice guidance",
         r"safe working practice[^.]{0,200}(annual\w*|every year|each year|sign(ed)? off|approv\w+)"),
    ],
    "cj-27": [
        ("RAAs reporting adopter diversity to Ofsted",
         r"regional adoption agenc\w*[^.]{0,200}(ofsted|report\w*|annual\w*|every year)"
         r"|adopters?[^.]{0,100}divers\w+[^.]{0,100}(ofsted|report\w*)"),
    ],
    "cj-30": [
        ("a 1-to-5 maturity scale in the D2I template",
         r"maturity (scale|model|level|matrix)|\bscor\w*[^.]{0,60}\b(1|one) ?(-|to) ?(5|five)\b"),
    ],
    "cj-33": [
        ("a meeting frequency for the standards working group",
         r"standards working group[^.]{0,200}(monthly|every month|each month|fortnightly|weekly|quarterly|every \w+ weeks)"),
    ],
    "cj-36": [
        ("a share of data consumers' time spent cleaning data",
         r"data consumers?[^.]{0,200}\b\d+ ?(%|per cent)"
         r"|\b\d+ ?(%|per cent) of (their|the) (time|week|working)[^.]{0,100}clean"),
    ],
}

POSITIVES = {
    "aj-05": "expert paper: the health needs of unaccompanied asylum seeking children and young people (2017)",
    "aj-10": "the serious violence duty came into force on 31 january 2023",
    "aj-15": "un2 was recorded for 1,200 children in the last census",
    "aj-20": "half of practitioners worried about their professional reputation",
    "aj-25": "a decision not to notify the family must be signed off by the caldicott guardian",
    "aj-30": "on average a family's lead practitioner changed twice during the pathfinder",
    "aj-33": "allow 90 minutes for the data system mapping exercise",
    "aj-38": "about 3,000 children of new migrant families were missing education",
    "cj-03": "the study aimed to cut data items by 30% within two years",
    "cj-06": "each violence reduction unit meets the schools in its area once a term",
    "cj-09": "missing upns must be supplied within 20 working days",
    "cj-12": "the expert paper was written by the royal college of paediatrics and child health",
    "cj-15": "practitioners need the agreement of the allocated social worker before sharing",
    "cj-18": "a replacement lead practitioner must be in place within ten working days",
    "cj-21": "councils send schools a monthly list of new migrant families",
    "cj-24": "governors sign off the safe working practice guidance every year",
    "cj-27": "regional adoption agencies report adopter diversity to ofsted every year",
    "cj-30": "facilitators score each area on a 1-to-5 maturity scale",
    "cj-33": "the standards working group will meet monthly",
    "cj-36": "data consumers spend 40% of their week cleaning data",
}

# Key words of each answer (answerable questions) and each checkable claim:
# every regex must occur on the same page.  The checker searches all pages of
# all ten documents, fails if no gold page of the row is among the pages
# where they co-occur, and lists (with -v) co-occurrence pages the row does
# not cite, for review.
KEYWORDS = {
    # ask
    "aj-01": [r"educational authorities and prisons/youth custody authorities will be under a separate duty to co-operate"],
    "aj-02": [r"independent document for health", r"not fit for purpose"],
    "aj-03": [r"un2 child has never attended a maintained school in england"],
    "aj-04": [r"families where a child provides care for a family member, may face barriers in coming forward"],
    "aj-06": [r"in working together to safeguard children, which includes a myth-busting guide to information sharing"],
    "aj-07": [r"you should not notify individuals if you have reason to believe that doing so may put the child at increased risk of harm"],
    "aj-08": [r"expert paper: the health needs of unaccompanied asylum seeking children and young people"],
    "aj-09": [r"generalist support with specialisms built or brought in as required", r"domestic abuse, substance misuse, mental ill-health"],
    "aj-11": [r"under a duty to make such notifications", r"establish a clear and efficient procedure for this and communicate the procedure to schools"],
    "aj-12": [r"if i get a new case, i often look at visit records first"],
    "aj-13": [r"data system mapping: resources: what they do: how they connect"],
    "aj-14": [r"safer recruitment consortium - 'guidance for safe working practice'"],
    "aj-16": [r"4 'housing' - local authority housing or housing association"],
    "aj-17": [r"homelessness reduction act 2017", r"development of a personalised housing plan"],
    "aj-18": [r"too wordy and not accessible to young children", r"playing games, creating drawings"],
    "aj-19": [r"a previous or existing dpia might also help you to prepare your new dpia"],
    "aj-21": [r"young runaways"],
    "aj-22": [r"quantifying and reporting on the breadth of family issues"],
    "aj-23": [r"child protection policy and procedures, especially new and part-time staff"],
    "aj-24": [r"collected twice within the same form", r"what makes you, you\?"],
    "aj-26": [r"ability to look up key information that another agency holds about a child"],
    "aj-27": [r"this includes individuals working in any type of organisation or business"],
    "aj-28": [r"the different standard of proof required in disciplinary and criminal proceedings"],
    "aj-29": [r"statutory data requirements outside of the annex a or 903 returns 8"],
    "aj-31": [r"unnecessary bureaucracy in matching and recruiting sufficient adopters from a diverse range of backgrounds"],
    "aj-32": [r"6c physical disability or illness: concerns about a physical disability or illness of another person in the family/household"],
    "aj-34": [r"wider network of family or community pressure and can include multiple perpetrators"],
    "aj-35": [r"processes which should be followed, when a lead practitioner changes"],
    "aj-36": [r"practitioners worried about their professional reputation"],
    "aj-37": [r"sexually or criminally exploited for money, power, or status"],
    "aj-39": [r"expectations of local authority school attendance support teams set out in the statutory guidance"],
    "aj-40": [r"where the big pain points are: the problems we should solve"],
    # check (supported and contradicted)
    "cj-01": [r"practitioners should avoid cut-and-paste activity and avoid feeling that they need to input a response to every question"],
    "cj-02": [r"educational authorities and prisons/youth custody authorities will be under a separate duty to co-operate"],
    "cj-04": [r"wider network of family or community pressure and can include multiple perpetrators"],
    "cj-05": [r"it is not always safe or appropriate to notify individuals that you intend to share"],
    "cj-07": [r"statutory data requirements outside of the annex a or 903 returns 8"],
    "cj-08": [r"6c physical disability or illness: concerns about a physical disability or illness of another person"],
    "cj-10": [r"expert paper: the health needs of unaccompanied asylum seeking children and young people"],
    "cj-11": [r"allow for generalist support with specialisms built or brought in as required"],
    "cj-13": [r"expectations of local authority school attendance support teams"],
    "cj-14": [r"safer recruitment consortium - 'guidance for safe working practice'"],
    "cj-16": [r"processes which should be followed, when a lead practitioner changes"],
    "cj-17": [r"no item was considered not helpful to record by practitioners"],
    "cj-19": [r"sexually or criminally exploited for money, power, or status, including child-on-child abuse"],
    "cj-20": [r"language/guidance/design 80 32%"],
    "cj-22": [r"where the best things happen: where the big pain points are: the problems we should solve"],
    "cj-23": [r"act on them immediately rather than wait to be told"],
    "cj-25": [r"recruiting sufficient adopters from a diverse range of backgrounds"],
    "cj-26": [r"if i get a new case, i often look at visit records first"],
    "cj-28": [r"this includes individuals working in any type of organisation or business"],
    "cj-29": [r"establish a clear and efficient procedure for this and communicate the procedure to schools"],
    "cj-31": [r"the different standard of proof required in disciplinary and criminal proceedings"],
    "cj-32": [r"child protection policy and procedures, especially new and part-time staff"],
    "cj-34": [r"un2 child has never attended a maintained school in england"],
    "cj-35": [r"the health plan comes in as an independent document for health"],
    "cj-37": [r"section 17\(10\) children act 1989"],
    "cj-38": [r"4 'housing' - local authority housing or housing association"],
    "cj-39": [r"ability to look up key information that another agency holds about a child"],
    "cj-40": [r"families where a child provides care for a family member, may face barriers in coming forward"],
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
        rid = f"aj-{i:02d}"
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
        rid = f"cj-{i:02d}"
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
        rid = f"sj-{i:02d}"
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
    for rows, key, prefix in ((ask, "question", "aj"), (check, "claim", "cj"), (search, "query", "sj")):
        for r in rows:
            if key not in r or (prefix == "sj" and r.get("kind") == "exact"):
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
