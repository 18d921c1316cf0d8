#!/usr/bin/env python3
"""Checker for the probe41 hand-labelled evaluation set.

Adapted from the probe40 checker.  What changed: ids (ah-/ch-/sh-) and this
set's UNANSWERABLE, ACRONYMS, ABSENT, POSITIVES and KEYWORDS tables.  Every
step, including COPY, is the probe40 one.  The verdict balance is 14
supported, 14 contradicted, 12 not_found.  The page text comes from
pypdfium2 and pypdf (poppler is not installed here).  Run it with the
project venv:

    /work/main/.venv/bin/python bench/probe41/verify_probe.py [-v] [--plain-only]

It loads ask.jsonl, check.jsonl and search.jsonl from this folder and checks:

* ids (ah-/ch-/sh- prefixes, two digits, in order), row counts and keys;
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

UNANSWERABLE = {"ah-05", "ah-10", "ah-14", "ah-19", "ah-24", "ah-28", "ah-33", "ah-38"}

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
    "sh-03": ("chisvas", r"independent sexual violence advisors"),
    "sh-09": ("ie", r"impact evaluation"),
    "sh-15": ("fhlp", r"family help lead practitioner"),
    "sh-21": ("uncrc", r"united nations convention on the rights of the child"),
    "sh-27": ("cms", r"case management systems?"),
}

# Evidence of absence.  For every unanswerable question and not_found claim:
# (what is checked, regex over the normalised text of a page).  Every regex is
# searched over EVERY page of ALL ten documents (pypdfium2, pypdf and
# de-hyphenated variants); any hit is a failure.  POSITIVES holds a made-up
# sentence for each row that the regex must match, so no regex is vacuous.
# EVAL_COST is named only for readability (one row).
EVAL_COST = (r"(verian|evaluation)[^.]{0,150}(£ ?\d|\d+ ?(million|m)\b|contract value|worth £)"
             r"|£ ?[\d,.]+[^.]{0,100}(verian|evaluation)")

ABSENT = {
    # unanswerable questions
    "ah-05": [
        ("a telephone number for reporting phishing to the Anti-Phishing Working Group",
         r"(anti-phishing|apwg)[^.]{0,200}\b0\d{2,4}[ -]?\d{3}"
         r"|phishing[^.]{0,120}(telephone|phone|helpline|call)"),
    ],
    "ah-10": [
        ("a share of looked-after children with an EHC plan",
         r"(\d+ ?(%|per cent)|\bhalf\b|\ba third\b|one third|a quarter|one in \w+)[^.]{0,120}"
         r"(ehc plans?|education, health and care (\(ehc\) )?plans?|statements? of (special educational needs|sen))"
         r"|(ehc plans?|education, health and care plans?)[^.]{0,120}\d+ ?(%|per cent)"),
    ],
    "ah-14": [
        ("a telephone number for a Traveller Education Support Service",
         r"(tess|traveller education support)[^.]{0,200}\b0\d{3,4} ?\d{5,6}"),
    ],
    "ah-19": [
        ("a count of unaccompanied asylum-seeking children among the interviewees",
         r"(unaccompanied|asylum|uasc)[^.]{0,150}\b\d+\b[^.]{0,80}(took part|interview|participa)"
         r"|\b\d+ (unaccompanied|uasc|asylum)"),
    ],
    "ah-24": [
        ("what Step 3 of the ICO's ten step guide covers",
         r"\bstep (3|three)\b"),
    ],
    "ah-28": [
        ("a venue for the 16 September 2025 NVEST meeting",
         r"(16th september|16 september|next nvest meeting)[^.]{0,200}"
         r"(venue|held at|held in|location|online|via teams|on teams|zoom|in person|room)"),
    ],
    "ah-33": [
        ("a colour-coding or RAG scheme for the D2I system map",
         r"colou?r[- ]?cod|red, amber|\brag\b|traffic[- ]light|(red|amber|green)[^.]{0,30}(pain points|rating)"),
    ],
    "ah-38": [("a sum paid for the Families First evaluation", EVAL_COST)],
    # not_found claims
    "ch-03": [
        ("a publication year for the Better Hiring Institute toolkit",
         r"better hiring[^.]{0,150}\b(19|20)\d\d|\b(19|20)\d\d\b[^.]{0,80}better hiring"),
    ],
    "ch-06": [
        ("a percentage target for UPNs in the census return",
         r"upns?\b[^.]{0,150}\d+ ?(%|per cent)|\d+ ?(%|per cent)[^.]{0,100}\bupns?\b"),
    ],
    "ch-09": [
        ("growth in NVEST membership",
         r"(membership|members)[^.]{0,100}(grew|grown|increas\w*|rose|risen|doubled)"
         r"|nvest[^.]{0,100}(grew|grown|growth)"),
    ],
    "ch-12": [
        ("a percentage target for immunisations",
         r"immunis\w*[^.]{0,150}\d+ ?(%|per cent)|\d+ ?(%|per cent)[^.]{0,100}immunis"),
    ],
    "ch-15": [
        ("an annual progress report on the National Framework",
         r"(national framework|the framework|local authorit\w*|councils?)[^.]{0,150}(publish\w*|produce\w*)[^.]{0,60}(annual|yearly) (report|progress)"
         r"|annual (progress )?report[^.]{0,100}(outcomes|national framework)"),
    ],
    "ch-18": [
        ("a length for the It's My Life interview sessions",
         r"(interview|discussion|session|focus group)s?[^.]{0,120}(\d+|forty-five|thirty|sixty|ninety)[ -]minutes?"
         r"|(\d+|forty-five|thirty|sixty)[ -]minutes? (interview|session|discussion)"),
    ],
    "ch-21": [
        ("a pre-reading pack sent before the D2I session",
         r"pre-?reading|reading pack|briefing pack|(weeks?|days) before the (session|workshop|diagnostic)"),
    ],
    "ch-24": [
        ("a required frequency for one-to-one supervision",
         r"(practice supervisors?|one-to-one supervision|individual supervision|supervision sessions? with)[^.]{0,150}"
         r"(monthly|every (month|four weeks|six weeks)|fortnightly|once a month)"
         r"|(monthly|once a month)[^.]{0,60}(one-to-one|individual) supervision"),
    ],
    "ch-27": [
        ("a monthly update of the children missing education database",
         r"(database|register)[^.]{0,120}(monthly|every month|each month|once a month)"
         r"|(monthly|every month)[^.]{0,100}(database|children missing education)"),
    ],
    "ch-30": [
        ("a minimum share of pathfinder funding for FNSPs",
         r"(fnsps?|family network support packages?)[^.]{0,200}\d+ ?(%|per cent)"
         r"|\d+ ?(%|per cent)[^.]{0,150}(fnsps?|family network support)"),
    ],
    "ch-33": [
        ("a required frequency of online safety lessons",
         r"online safety[^.]{0,150}(twice|two times|\d+ times|each term|every term|once a term|termly)"
         r"|(twice a year|termly)[^.]{0,100}online safety"),
    ],
    "ch-36": [
        ("quarterly reporting of SDQ scores or reporting to the ICB",
         r"sdqs?\b[^.]{0,200}(quarter\w*|every three months|each quarter)|quarterly[^.]{0,100}sdq"
         r"|sdqs?\b[^.]{0,120}(integrated care boards?|icbs?\b)"),
    ],
}

POSITIVES = {
    "ah-05": "report phishing to the anti-phishing working group on 0300 123 2040",
    "ah-10": "about 30 per cent of looked-after children have an ehc plan",
    "ah-14": "contact tess on 01234 567890 for advice",
    "ah-19": "7 unaccompanied asylum-seeking children took part in the interviews",
    "ah-24": "step 3 of the guide covers checking who you are sharing with",
    "ah-28": "the next nvest meeting will be held at the county hall venue on 16th september",
    "ah-33": "mark the pain points red, amber or green",
    "ah-38": "the dfe paid verian £1.2 million for the evaluation",
    "ch-03": "the better hiring institute toolkit was published in 2022",
    "ch-06": "a upn should be returned for at least 95 per cent of children",
    "ch-09": "nvest membership grew by a third over the year",
    "ch-12": "95 per cent of looked-after children should have up to date immunisations",
    "ch-15": "each council must publish an annual report on progress towards the outcomes",
    "ch-18": "each interview session lasted 45 minutes",
    "ch-21": "send attendees a pre-reading pack two weeks before the session",
    "ch-24": "practice supervisors give each practitioner one-to-one supervision at least monthly",
    "ch-27": "councils must update the cme database at least monthly",
    "ch-30": "areas must spend at least 10 per cent of funding on fnsps",
    "ch-33": "online safety lessons must be taught to each year group twice a year",
    "ch-36": "sdq scores are reported to the integrated care board every quarter",
}

# Key words of each answer (answerable questions) and each checkable claim:
# every regex must occur on the same page.  The checker searches all pages of
# all ten documents, fails if no gold page of the row is among the pages
# where they co-occur, and lists (with -v) co-occurrence pages the row does
# not cite, for review.
KEYWORDS = {
    # ask
    "ah-01": [r"not reflect the personal opinion of the note taker", r"recording the facts"],
    "ah-02": [r"yony 03 number of assessments", r"25 per cent or more"],
    "ah-03": [r"complete by 2016", r"education, health and care \(ehc\) plans"],
    "ah-04": [r'"legitimate interests"', r"voluntary or private sectors"],
    "ah-06": [r"cla aged 13 to 17 years: 32", r"eighty-three children"],
    "ah-07": [r"unlocks support from family networks", r"fnsps"],
    "ah-08": [r"review the plan or statement annually", r"home educate"],
    "ah-09": [r"employment practices code", r"record retention"],
    "ah-11": [r"marie collins foundation", r"help my child"],
    "ah-12": [r"performance team shared across adults' and children's services", r"on the right"],
    "ah-13": [r"a version for children, young people and\s?families is available", r"written specifically"],
    "ah-15": [r"yony 06 number of cpps starting in the year"],
    "ah-16": [r"amended timetable", r"15-year-old girl"],
    "ah-17": [r"step 8: share information using the right lawful basis"],
    "ah-18": [r"acceptability defined as having buy-in from the different groups locally"],
    "ah-20": [r"model job description", r"intercollegiate framework"],
    "ah-21": [r"anti-phishing working group", r"at risk"],
    "ah-22": [r"relevant agencies are those organisations", r"relevant agency \(england\) regulations 2018"],
    "ah-23": [r"one page with a series of questions", r"tick\s?boxes"],
    "ah-25": [r"care leavers up to the age of 25", r"up to the age of\s?18"],
    "ah-26": [r"scores can be aggregated to help quantify the needs", r"looked-after children population"],
    "ah-27": [r"record each occasion separately", r"section 47"],
    "ah-29": [r"single point of contact", r"family help lead practitioner \(fhlp\) role was valued"],
    "ah-30": [r"information commissioner's office \(ico\) to update data protection law", r"adopted children"],
    "ah-31": [r"information film", r"care leavers"],
    "ah-32": [r"better hiring institute", r"supply agencies"],
    "ah-34": [r"useful only to the child 8 3%"],
    "ah-35": [r"adding consistency and expertise", r"lead child protection practitioner"],
    "ah-36": [r"duty to make reasonable adjustments", r"disabled children"],
    "ah-37": [r"deliberately invented or malicious", r"disciplinary action is appropriate against the individual who made it"],
    "ah-39": [r"unauthorised \(g, n, o and/or u\)"],
    "ah-40": [r"one click", r"ecomaps"],
    # check (supported and contradicted)
    "ch-01": [r"questions about the investigation, they should\s?ask the police"],
    "ch-02": [r"yony 03 number of assessments", r"25 per cent or more"],
    "ch-04": [r"yony 06 number of cpps starting in the year", r"25 percent or more"],
    "ch-05": [r"step 8: share information using the right lawful basis"],
    "ch-07": [r"useful only to the child 8 3%"],
    "ch-08": [r"acceptability defined as having buy-in from the different groups locally"],
    "ch-10": [r"relevant agencies are those organisations", r"set out in regulations"],
    "ch-11": [r"employment practices code", r"information commissioner"],
    "ch-13": [r"regulation 44 officers", r"read and respond to this guidance"],
    "ch-14": [r"strategic stakeholders one-hour online depth interviews 16"],
    "ch-16": [r"anti-phishing working group", r"at risk"],
    "ch-17": [r"review the plan or statement annually"],
    "ch-19": [r"scores can be aggregated to help quantify the needs"],
    "ch-20": [r"model job description", r"intercollegiate framework"],
    "ch-22": [r"passed to the carer \(or residential care worker\) at the time of the placement", r"risk of harm"],
    "ch-23": [r"remain at his new school", r"caution"],
    "ch-25": [r"record each occasion separately", r"more than one occasion"],
    "ch-26": [r'"legitimate interests"', r"voluntary or private sectors"],
    "ch-28": [r"regulations 11 to 19", r"agency workers"],
    "ch-29": [r"information commissioner's office \(ico\)", r"adopted children"],
    "ch-31": [r"frontline staff one-hour online depth interviews and focus groups 24"],
    "ch-32": [r"more than two\s?years' difference"],
    "ch-34": [r"'one click' retrieval tool", r"north yorkshire"],
    "ch-35": [r"exchange trip with copenhagen"],
    "ch-37": [r"reasonably expect and which are low-risk", r"legitimate\s?interests"],
    "ch-38": [r"morning \(0\) ideas to hold onto for later"],
    "ch-39": [r"often at short notice", r"armed forces"],
    "ch-40": [r"single point of contact", r"lead child protection practitioner \(lcpp\)"],
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
        rid = f"ah-{i:02d}"
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
        rid = f"ch-{i:02d}"
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
        rid = f"sh-{i:02d}"
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
    for rows, key, prefix in ((ask, "question", "ah"), (check, "claim", "ch"), (search, "query", "sh")):
        for r in rows:
            if key not in r or (prefix == "sh" and r.get("kind") == "exact"):
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
