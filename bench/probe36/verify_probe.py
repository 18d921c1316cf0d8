#!/usr/bin/env python3
"""Checker for the probe36 hand-labelled evaluation set.

Adapted from the probe35 checker.  What changed: ids (ab-/cb-/sb-), and
this set's UNANSWERABLE, ACRONYMS, ABSENT, POSITIVES and KEYWORDS tables.
Every step is the probe35 one.  The verdict balance is 14 supported, 14
contradicted, 12 not_found.  As in probe24-35, the page text comes from
pypdfium2 and pypdf (poppler is not installed here).  Run it with the
project venv:

    /work/main/.venv/bin/python bench/probe36/verify_probe.py [-v] [--plain-only]

It loads ask.jsonl, check.jsonl and search.jsonl from this folder and checks:

* ids (ab-/cb-/sb- prefixes, two digits, in order), row counts and keys;
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
  the items were written.

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

UNANSWERABLE = {"ab-04", "ab-09", "ab-14", "ab-18", "ab-23", "ab-29", "ab-34", "ab-38"}

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
    "sb-03": ("isas", r"information sharing agreements"),
    "sb-09": ("yp", r"young people"),
    "sb-15": ("fm", r"filtering and monitoring"),
    "sb-21": ("ukvi", r"uk visas and immigration"),
    "sb-27": ("wcag", r"web content accessibility guidelines"),
}

# Evidence of absence.  For every unanswerable question and not_found claim:
# (what is checked, regex over the normalised text of a page).  Every regex is
# searched over EVERY page of ALL ten documents (pypdfium2, pypdf and
# de-hyphenated variants); any hit is a failure.  POSITIVES holds a made-up
# sentence for each row that the regex must match, so no regex is vacuous.
ABSENT = {
    # unanswerable questions
    "ab-04": [("a length for a phased return to work",
               r"phased return[^.]{0,200}\b(\d+|one|two|three|four|six|eight) (weeks?|months?|days?)\b"
               r"|\b(\d+|one|two|three|four|six) (weeks?|months?)[^.]{0,100}phased return")],
    "ab-09": [("a deadline for answering a reference request",
               r"referenc\w*[^.]{0,150}within (\d+|one|two|three|five|seven|ten) (working |school |calendar )?days"
               r"|within (\d+|two|three|five|ten) (working |school )?days[^.]{0,100}referenc\w*")],
    "ab-14": [("a count of case study areas that moved into delivery late",
               r"\b(\d+|two|three|four|five|six) (of|out of) (the )?(\d+|six|seven|ten)\b[^.]{0,120}(into delivery|slow|delay)|(into delivery|slow|delay)\w*[^.]{0,120}\b(\d+|two|three|four|five) (of|out of) (the )?(\d+|six|seven)\b|\b(\d+|two|three|four|five|six|seven) (local |case study )?areas[^.]{0,100}(more slowly|delay|later than)")],
    "ab-18": [("a target share of care leavers in education, employment or training",
               r"care leavers?[^.]{0,150}\b\d+(\.\d+)? ?(%|per cent)"
               r"|\b\d+(\.\d+)? ?(%|per cent)[^.]{0,150}care leavers?")],
    "ab-23": [("a response share for open-ended feedback questions",
               r"(open-ended|open ended)[^.]{0,200}\b\d+(\.\d+)? ?(%|per cent)"
               r"|\b\d+(\.\d+)? ?(%|per cent)[^.]{0,200}(open-ended|open ended)")],
    "ab-29": [("an age from which a young person may attend a health assessment without a carer",
               r"(health assessments?|appointments?)[^.]{0,150}(without (their|a) carer|on their own|alone)[^.]{0,100}\b(\d+|twelve|thirteen|fourteen|fifteen|sixteen)\b|\b(aged?|over) (\d+|twelve|thirteen|fourteen|fifteen|sixteen)[^.]{0,100}(health assessments?|appointments?)[^.]{0,60}(without (their|a) carer|on their own|alone)")],
    "ab-34": [("a page length for the diagnostic report",
               r"(written report|diagnostic report|the report)[^.]{0,100}\b(\d+|one|two|three|four|five|six|ten)"
               r"( ?(-|to) ?\d+)? pages?\b")],
    "ab-38": [("a number of other local authorities to check with when a destination is unknown",
               r"\b(\d+|two|three|four|five|all) (other |neighbouring |nearby )?local authorities[^.]{0,150}(unknown|destination|moved)|(unknown|destination)[^.]{0,150}\b(\d+|two|three|four|five) (other |neighbouring )?local authorities")],
    # not_found claims
    "cb-03": [("a number of days before interview by which references must arrive",
               r"referenc\w*[^.]{0,150}\b(\d+|two|three|five|seven|ten) (working |school |calendar )?days\b[^.]{0,80}(before|prior)"
               r"|\b(\d+|five|ten) (working )?days before (the )?interview")],
    "cb-06": [("a deadline for notifying the local authority about a homestay or private fostering",
               r"(homestay|privately fostered|private fostering)[^.]{0,200}within (\d+|two|three|five|seven|ten) "
               r"(hours|days|working days|weeks)"
               r"|within (\d+|two|three) (hours|days)[^.]{0,150}(homestay|private fostering)")],
    "cb-09": [("a deadline for deciding a sanction after a conviction or caution",
               r"sanction\w*[^.]{0,150}within (\d+|five|ten|fifteen) (school |working )?days"
               r"|within (\d+|five|ten) (school |working )?days[^.]{0,150}sanction\w*")],
    "cb-10": [("a review frequency for child in need plans",
               r"(cin plans?|child in need plans?)[^.]{0,200}(every|at least every|within) (\d+|three|six|twelve) (months|weeks)"
               r"|(cin plans?|child in need plans?)[^.]{0,150}(quarterly|monthly)")],
    "cb-15": [("a deadline in hours for giving foster carers information",
               r"foster carers?[^.]{0,150}within (\d+|two|twenty-four|forty-eight) hours"
               r"|within (\d+|twenty-four) hours[^.]{0,150}foster carers?")],
    "cb-18": [("a deadline for holding family-led forums",
               r"(family-led|family group|forums?|fgdm|family network meetings?|fgcs?)[^.]{0,150}within (\d+|five|ten|two|three|four|six) (working |school )?(days|weeks)|within (\d+|five|ten) (working )?(days|weeks)[^.]{0,150}(family-led|forums?|family group|fgcs?)")],
    "cb-23": [("a yearly cycle for pathfinder refresher training",
               r"(ffcp|pathfinder)[^.]{0,150}(refresher|training)[^.]{0,100}(annual\w*|yearly|every (year|12 months|six months))|refresher training[^.]{0,100}(annual\w*|yearly|every)")],
    "cb-26": [("a deadline for the end-to-end review of recording burdens",
               r"(end-to-end|ecosystem|recording burdens?|service design)[^.]{0,200}(within|by) (\d+|six|twelve) (months|years)"
               r"|(within|by) (\d+|six|twelve) months[^.]{0,150}(end-to-end|recording burden)")],
    "cb-29": [("a time limit in minutes for a health assessment",
               r"assessments?[^.]{0,150}\b(\d+|thirty|forty-five|sixty|ninety) minutes\b"
               r"|\b(\d+|thirty|forty-five) minutes\b[^.]{0,100}assessments?")],
    "cb-32": [("an expiry period for consent to share information",
               r"consent[^.]{0,150}(expire|lapse|valid for|lasts?)\w*[^.]{0,60}\b(\d+|twelve|six|three) (months|years)|time limited[^.]{0,100}\b(\d+|twelve|six|three) (months|years)")],
    "cb-36": [("a deadline for sharing the diagnostic report",
               r"(written report|diagnostic report|report produced from the (service )?diagnostic)[^.]{0,150}"
               r"(within|after) (\d+|one|two|three|four|six|ten) (weeks?|days|working days|months)"
               r"|(workshop|diagnostic|session)[^.]{0,100}(within|after) (\d+|two|three|four) weeks")],
    "cb-40": [("a deadline NVEST set for the DfE to reply",
               r"(written to the dfe|letter to the dfe|asking for a response)[^.]{0,150}within (\d+|thirty|fourteen|two|four) (days|weeks|working days)|response[^.]{0,60}within (\d+|thirty) (days|working days)")],
}

POSITIVES = {
    "ab-04": "a phased return should last no more than four weeks",
    "ab-09": "schools must respond to a reference request within five working days",
    "ab-14": "four of the six local areas moved into delivery more slowly than planned",
    "ab-18": "the framework aims for 75% of care leavers to be in education, employment or training",
    "ab-23": "only 12% of children answered the open-ended feedback questions",
    "ab-29": "young people aged 14 may attend their health assessment without their carer",
    "ab-34": "the written report should be no longer than ten pages",
    "ab-38": "the la should check with at least three other local authorities when the destination is unknown",
    "cb-03": "references must be received at least five working days before interview",
    "cb-06": "schools must notify the local authority about the homestay within 48 hours",
    "cb-09": "the school must decide on any sanction within 10 school days",
    "cb-10": "a cin plan must be reviewed at least every three months",
    "cb-15": "foster carers must receive the information within 24 hours",
    "cb-18": "family-led forums must be held within 10 working days of a referral",
    "cb-23": "pathfinder staff should receive refresher training every year",
    "cb-26": "the end-to-end review of recording burdens should be completed within 12 months",
    "cb-29": "a health assessment should take no longer than 45 minutes",
    "cb-32": "consent to share information expires after 12 months",
    "cb-36": "the written report should be shared within two weeks of the workshop",
    "cb-40": "nvest have written to the dfe asking for a response within 30 days",
}

# Key words of each answer (answerable questions) and each checkable claim:
# every regex must occur on the same page.  The checker searches all pages of
# all ten documents, fails if no gold page of the row is among the pages
# where they co-occur, and lists (with -v) co-occurrence pages the row does
# not cite, for review.
KEYWORDS = {
    # ask
    "ab-01": [r"phased return", r"mentor", r"return to work"],
    "ab-02": [r"electronic references", r"legitimate source"],
    "ab-03": [r"year 10s", r"respect, shame, consent"],
    "ab-05": [r"embassy", r"high commission", r"homestay"],
    "ab-06": [r"annex", r"child protection policy", r"induction"],
    "ab-07": [r"return to work", r"child or children who made the allegation"],
    "ab-08": [r"rape", r"serious breach of discipline"],
    "ab-10": [r"\bupns?\b", r"ks1, ks2 and ks4"],
    "ab-11": [r"cin plans?", r"measurable outcomes"],
    "ab-12": [r"ethnicity", r"first asking the child", r"primary carer"],
    "ab-13": [r"foster carer", r"promptly"],
    "ab-15": [r"supervision", r"stress and anxiety", r"wellbeing"],
    "ab-16": [r"frequent and meaningful direct work", r"not yet verbal"],
    "ab-17": [r"considered a practitioner", r"senior leaders"],
    "ab-19": [r"mixed-methods approach", r"\bipe\b"],
    "ab-20": [r"it systems", r"easier in the future", r"national rollout"],
    "ab-21": [r"clarify", r"roles and responsibilities", r"social workers and partner organisations"],
    "ab-22": [r"nominated (project )?leads", r"buy-in"],
    "ab-24": [r"open-ended question", r"few responses", r"insights for the service"],
    "ab-25": [r"ecosystem", r"user journeys", r"recording burden"],
    "ab-26": [r"tick-box answers", r"lack of context"],
    "ab-27": [r"11-18", r"contraception", r"sexually transmitted infection"],
    "ab-28": [r"health history", r"securing the right placement"],
    "ab-30": [r"what.s expected in each section", r"new to the local authority"],
    "ab-31": [r"dpias?", r"time-consuming", r"rigour"],
    "ab-32": [r"fails to attend on the agreed date", r"reasonable enquiries", r"earliest opportunity"],
    "ab-33": [r"senior user of the data service", r"not the provider"],
    "ab-35": [r"workshops", r"right use cases", r"developing standards"],
    "ab-36": [r"governance structure and board", r"feedback loops"],
    "ab-37": [r"mental health problem", r"appropriately trained professionals"],
    "ab-39": [r"children in proceedings", r"reduc"],
    "ab-40": [r"serious violence|the duty", r"existing multi-agency structures"],
    # check (supported and contradicted)
    "cb-01": [r"references?", r"facts \(not opinions\)", r"harm threshold"],
    "cb-02": [r"not rely on applicants", r"reference"],
    "cb-04": [r"sexual assault", r"caution", r"permanent exclusion"],
    "cb-05": [r"homestay", r"emergency", r"uncomfortable"],
    "cb-07": [r"sharing classes", r"justify their decision-making"],
    "cb-08": [r"low-level concern", r"inadvertent or thoughtless"],
    "cb-11": [r"disability register", r"triggers any activity"],
    "cb-12": [r"\bupn", r"track down missing upns"],
    "cb-13": [r"\bupn\b", r"educational context"],
    "cb-14": [r"evidence-based approaches", r"leaders"],
    "cb-16": [r"family-led forums", r"thoughtfully and carefully prepared"],
    "cb-17": [r"direct work", r"not yet verbal"],
    "cb-19": [r"practice supervisors", r"adult social care", r"care leavers"],
    "cb-20": [r"disparities", r"care leavers"],
    "cb-21": [r"it systems", r"easier in the future"],
    "cb-22": [r"prioritise workforce development", r"training"],
    "cb-24": [r"quantitative analysis", r"not been conducted", r"proceedings"],
    "cb-25": [r"into delivery more slowly", r"initially"],
    "cb-27": [r"creative methods", r"another layer to accountability"],
    "cb-28": [r"cross-system data sharing", r"youth justice system", r"benefits"],
    "cb-30": [r"develop competence", r"early age"],
    "cb-31": [r"considered helpful", r"somebody else in the la"],
    "cb-33": [r"11-18", r"alcohol, tobacco"],
    "cb-34": [r"previous or existing dpia", r"similar processing operation"],
    "cb-35": [r"do not realise or recognise", r"abused or exploited"],
    "cb-37": [r"discrepancies", r"application form", r"reference"],
    "cb-38": [r"should not be included in any reference", r"harm threshold"],
    "cb-39": [r"formulating a risk assessment", r"poses a risk to children"],
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
        rid = f"ab-{i:02d}"
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
        rid = f"cb-{i:02d}"
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
        rid = f"sb-{i:02d}"
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
