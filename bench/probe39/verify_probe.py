#!/usr/bin/env python3
"""Checker for the probe39 hand-labelled evaluation set.

Adapted from the probe38 checker.  What changed: ids (af-/cf-/sf-) and this
set's UNANSWERABLE, ACRONYMS, ABSENT, POSITIVES and KEYWORDS tables.  Every
step, including COPY, is the probe38 one.  The verdict
balance is 14 supported, 14 contradicted, 12 not_found.  As in probe24-38,
the page text comes from pypdfium2 and pypdf (poppler is not installed here).
Run it with the project venv:

    /work/main/.venv/bin/python bench/probe39/verify_probe.py [-v] [--plain-only]

It loads ask.jsonl, check.jsonl and search.jsonl from this folder and checks:

* ids (af-/cf-/sf- prefixes, two digits, in order), row counts and keys;
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

UNANSWERABLE = {"af-05", "af-09", "af-14", "af-19", "af-24", "af-30", "af-35", "af-39"}

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
    "sf-03": ("nen", r"national education network"),
    "sf-09": ("pccs", r"police and crime commissioners"),
    "sf-15": ("fco", r"foreign and commonwealth office"),
    "sf-21": ("aq", r"alternatively qualified"),
    "sf-27": ("swe", r"social work england"),
}

# Evidence of absence.  For every unanswerable question and not_found claim:
# (what is checked, regex over the normalised text of a page).  Every regex is
# searched over EVERY page of ALL ten documents (pypdfium2, pypdf and
# de-hyphenated variants); any hit is a failure.  POSITIVES holds a made-up
# sentence for each row that the regex must match, so no regex is vacuous.
ABSENT = {
    # unanswerable questions
    "af-05": [
        ("a count of studies in the cited meta-analysis",
         r"(meta-analysis|systematic review)[^.]{0,200}\b(\d+|ten|twenty|thirty) (studies|papers|articles)"
         r"|\b\d+ (studies|papers)[^.]{0,100}(meta-analysis|systematic review)"),
    ],
    "af-09": [
        ("a visiting frequency for Regulation 44 officers",
         r"regulation 44[^.]{0,200}(monthly|every (month|\d+ weeks|week)|once a month|each month)"
         r"|(monthly|once a month) (visits?|inspections?)[^.]{0,100}(children's homes?|regulation 44)"),
    ],
    "af-14": [
        ("a count of independent schools using school2school",
         r"\b\d[\d,]* independent schools[^.]{0,100}(school2school|s2s|access)"
         r"|school2school[^.]{0,150}\b\d[\d,]+ independent"),
    ],
    "af-19": [
        ("a required headcount for a MACPT",
         r"(macpts?|multi-agency child protection teams?)[^.]{0,150}\b(\d+|two|three|four|five|six|ten) (practitioners|members|staff|fte|posts|officers)"
         r"|\b(\d+|two|three|four|five|six|ten) (practitioners|members|fte)[^.]{0,100}(macpt|multi-agency child protection team)"),
    ],
    "af-24": [
        ("a return deadline in days for a completed SDQ",
         r"sdqs?[^.]{0,150}within (\d+|one|two|three|four|five|seven|ten|fourteen) (working )?(days|weeks)"
         r"|(returned|return) (it )?within (\d+|one|two|seven|ten|fourteen) (working )?days"),
    ],
    "af-30": [
        ("a publication date for a data development roadmap",
         r"roadmap[^.]{0,150}(publish\w*|available|released|shared)[^.]{0,40}(by|in|from) (\d|january|february|march|april|may|june|july|august|september|october|november|december|spring|summer|autumn|winter)"),
    ],
    "af-35": [
        ("a refresh cycle for information governance training",
         r"information governance[^.]{0,40}training[^.]{0,100}(every|once a|annual\w*|refresh\w*|renew\w*)"
         r"|(refresh\w*|renew\w*|repeat\w*)[^.]{0,60}information governance training"),
    ],
    "af-39": [
        ("a length in hours for a D2I session part",
         r"(morning|afternoon|session|workshop)[^.]{0,100}\b(\d+|two|three|four|six|seven)(\.5)? hours"),
    ],
    # not_found claims
    "cf-03": [
        ("a check cycle for the cyber security standards",
         r"cyber[- ]security[^.]{0,150}(every|each|once a) (term|year|month)"
         r"|(every|each|once a) (term|year)[^.]{0,100}cyber[- ]security"
         r"|cyber[- ]security[^.]{0,80}annual"),
    ],
    "cf-06": [
        ("a planned young carer assessment date item",
         r"young carers?[^.]{0,100}assessment (start |end )?date"
         r"|new data items?[^.]{0,150}young carer"),
    ],
    "cf-09": [
        ("a response deadline for councils on school notifications",
         r"(local authorit\w*|councils?)[^.]{0,120}(respond|reply|acknowledg)\w*[^.]{0,120}within (\d+|five|ten|two|three) (school |working )?days"
         r"|notif\w*[^.]{0,100}(respond|repl|acknowledg)\w*[^.]{0,60}within (\d+|five|ten) (school |working )?days"),
    ],
    "cf-12": [
        ("a review cycle for the kinship care offer",
         r"kinship[^.]{0,150}(every|each) (\d+|two|three) years"
         r"|kinship[^.]{0,150}(annual|biennial)\w*"
         r"|review\w*[^.]{0,80}kinship[^.]{0,80}(every|each) (year|\d+|two)"),
    ],
    "cf-15": [
        ("a deadline for feedback on shared information",
         r"feedback[^.]{0,150}within (\d+|five|ten|two|three) (working )?days"
         r"|within (\d+|five|ten) (working )?days[^.]{0,100}feedback"),
    ],
    "cf-18": [
        ("a lead time for giving care leavers their health summary",
         r"(health summary"
         r"|summary of (all )?(their )?health records?)[^.]{0,150}(\d+|three|six|two) (months|weeks)"
         r"|(\d+|three|six) months before[^.]{0,100}(leav\w* care|care leaver)"),
    ],
    "cf-21": [
        ("a share of working time spent on the 903 return",
         r"\b\d+ ?(%|per cent) of (their|the) (working )?(week|time|day)[^.]{0,120}903"
         r"|903[^.]{0,120}\b\d+ ?(%|per cent) of (their|the) (working )?(week|time)"
         r"|(\d+|half|a third) (of their|of the) (working )?(week|time)[^.]{0,80}903"),
    ],
    "cf-24": [
        ("a police share of MACPT practitioners",
         r"(half"
         r"|\d+ ?(%|per cent))[^.]{0,120}(macpts?|multi-agency child protection teams?)[^.]{0,120}police"
         r"|(macpts?|multi-agency child protection teams?)[^.]{0,150}(half"
         r"|\d+ ?(%|per cent))[^.]{0,60}police"),
    ],
    "cf-27": [
        ("an online format for the next NVEST meeting",
         r"nvest meeting[^.]{0,150}(online|microsoft teams|virtual\w*|zoom)"
         r"|(online|virtual\w*|teams|zoom)[^.]{0,60}nvest meeting"),
    ],
    "cf-30": [
        ("a face-to-face requirement for the D2I workshop",
         r"(in person|in-person|face to face|face-to-face)[^.]{0,80}(workshop|diagnostic)"
         r"|(workshop|diagnostic)[^.]{0,80}(in person|in-person|face to face|face-to-face|not online)"),
    ],
    "cf-33": [
        ("a deadline in hours for following up a pupil's report",
         r"(report|disclos\w*)[^.]{0,150}within (\d+|24|48|one|two) (hours|working days|days)"
         r"|follow[- ]up (meeting|conversation)[^.]{0,100}within (\d+|24|48)"),
    ],
    "cf-36": [
        ("the PSHE Association running the RSHE hub",
         r"(one-stop hub|teaching about relationships, sex and health)[^.]{0,200}pshe association"
         r"|pshe association[^.]{0,150}(one-stop hub|teaching about relationships)"),
    ],
}

POSITIVES = {
    "af-05": "a systematic review and meta-analysis of 17 studies",
    "af-09": "regulation 44 officers must visit each children's home monthly",
    "af-14": "1,200 independent schools now use school2school",
    "af-19": "each macpt must have at least six practitioners",
    "af-24": "carers must return the completed sdq within 14 days",
    "af-30": "the roadmap will be published by march 2025",
    "af-35": "information governance training should be refreshed every year",
    "af-39": "the morning session runs for three hours",
    "cf-03": "schools should test against the cyber security standards every term",
    "cf-06": "a new data item, young carer assessment date, will be added",
    "cf-09": "the local authority must reply to the school within five school days",
    "cf-12": "councils should review their kinship care offer every two years",
    "cf-15": "they must provide feedback within ten working days",
    "cf-18": "care leavers should have a summary of all health records three months before they leave",
    "cf-21": "practitioners spent 40% of their week on the 903 return",
    "cf-24": "half of each macpt's practitioners must come from the police",
    "cf-27": "the next nvest meeting will be held online via microsoft teams",
    "cf-30": "the diagnostic workshop must be run face to face",
    "cf-33": "a pupil who reports must be offered a follow-up meeting within 48 hours",
    "cf-36": "the one-stop hub for teachers is run by the pshe association",
}

# Key words of each answer (answerable questions) and each checkable claim:
# every regex must occur on the same page.  The checker searches all pages of
# all ten documents, fails if no gold page of the row is among the pages
# where they co-occur, and lists (with -v) co-occurrence pages the row does
# not cite, for review.
KEYWORDS = {
    # ask
    "af-01": [r"children with disabilities are also three times more likely", r"perpetrated by boys"],
    "af-02": [r"good educational attendance and attainment", r"unique expertise"],
    "af-03": [r"disability discrimination act 2005 \(dda\)", r"monitoring disabled children"],
    "af-04": [r"'current address' and 'second address'", r"item 11"],
    "af-06": [r"began local co-design of their new models in april", r"full delivery from march 2025"],
    "af-07": [r"likely burden on schools", r"no expectation for local authorities"],
    "af-08": [r"reviewed in 2020 or sooner", r"expiry or review date"],
    "af-10": [r"share the fact a child has a social worker", r"matter of routine"],
    "af-11": [r"only mandatory where there is high risk", r"due to their vulnerability"],
    "af-12": [r"split into five themes", r"data we do not collect that could be useful"],
    "af-13": [r"written to the dfe asking for a response", r"212 members"],
    "af-15": [r"one-stop hub for teachers", r"teacher training modules"],
    "af-16": [r"section 17za", r"young carers"],
    "af-17": [r"interpreted as 'advocacy'", r"initial child protection conference"],
    "af-18": [r"exists in three parts", r"a third part for the child"],
    "af-20": [r"independent schools can be given access to school2school", r"download ctfs"],
    "af-21": [r"county lines toolkit for professionals", r"children's society"],
    "af-22": [r"roadmap of future data development areas", r"star chamber"],
    "af-23": [r"temporary or long-term", r"raised by a family member who is not their parent"],
    "af-25": [r"option c", r"has not yet taken place"],
    "af-26": [r"reported confusion on what their role", r"not entirely clear"],
    "af-27": [r"reflecting back, using the child's language", r"leading questions"],
    "af-28": [r"drawing on the definition set out in working together", r'understanding \"safeguarding\"'],
    "af-29": [r"previous carer is better placed", r"recently moved to a new placement"],
    "af-31": [r"chief constables", r"police and crime commissioners"],
    "af-32": [r"youth offending team worker", r"(custod|detention)"],
    "af-33": [r"ethnic identity", r"religious persuasion"],
    "af-34": [r"limited exposure to the programme", r"not included at this stage"],
    "af-36": [r"no reports", r"does not mean it is not happening"],
    "af-37": [r"reasonable functional categorisation", r"reporting maintenance and development"],
    "af-38": [r"highest aspirations", r"designated teachers"],
    "af-40": [r"cyber security standards for schools and colleges", r"national education network"],
    # check (supported and contradicted)
    "cf-01": [r"three times more likely", r"children with disabilities"],
    "cf-02": [r"share the fact a child has a social worker", r"matter of routine"],
    "cf-04": [r"disability discrimination act 2005", r"monitoring disabled children"],
    "cf-05": [r"4c mental health", r"another person in the family/household"],
    "cf-07": [r"excluding codes d, k, v or b", r"attendance return"],
    "cf-08": [r"likely to disclose to someone they trust", r"anyone on the school or college staff"],
    "cf-10": [r"bond with their adopted parents", r"first time they meet"],
    "cf-11": [r"section 17za", r"provide accommodation to any child in need"],
    "cf-13": [r"drawing on the definition set out in working together", r"kinship care arrangement"],
    "cf-14": [r"only mandatory where there is high risk", r"risk assessment process"],
    "cf-16": [r"exists in three parts", r"internationally validated"],
    "cf-17": [r"reviewed in 2020 or sooner", r"expiry or review date"],
    "cf-19": [r"38 data items collected locally", r"ethnic identity"],
    "cf-20": [r"'current address' and 'second address'", r"confusing for practitioners"],
    "cf-22": [r"co-design in august 2023", r"december 2023"],
    "cf-23": [r"lower rates of response from education, health, and police", r"internal la staff"],
    "cf-25": [r"small sample \(2 - 3\) of families", r"case study local area"],
    "cf-26": [r"information and (signpost )?support (to|for) all parents", r"section 47 enquiry is initiated"],
    "cf-28": [r"14 local authorities", r"first round of workshops"],
    "cf-29": [r"written to the dfe asking for a response", r"case management systems being adapted"],
    "cf-31": [r"supported by the adcs, dfe, dluhc and ofsted", r"designed and owned by local authorities"],
    "cf-32": [r"template ?v1\.2 april 2024"],
    "cf-34": [r"one-stop hub for teachers", r"teacher training modules"],
    "cf-35": [r"county lines toolkit for professionals", r"the children's society"],
    "cf-37": [r"intimate or personal care or healthcare or any overnight activity", r"only once"],
    "cf-38": [r"option c", r"has not yet taken place", r"value of false or 0"],
    "cf-39": [r"no reports", r"does not mean it is not happening"],
    "cf-40": [r"youth offending team worker", r"(custod|detention)"],
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
        rid = f"af-{i:02d}"
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
        rid = f"cf-{i:02d}"
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
        rid = f"sf-{i:02d}"
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
    for rows, key, prefix in ((ask, "question", "af"), (check, "claim", "cf"), (search, "query", "sf")):
        for r in rows:
            if key not in r or (prefix == "sf" and r.get("kind") == "exact"):
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
