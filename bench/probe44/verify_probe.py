#!/usr/bin/env python3
"""Checker for the probe44 hand-labelled evaluation set.

Adapted from the probe43 checker.  What changed: ids (ak-/ck-/sk-) and this
set's UNANSWERABLE, ACRONYMS, ABSENT, POSITIVES and KEYWORDS tables.  Every
step, including COPY, is the probe43 (and probe42) one.  The verdict balance is 14
supported, 14 contradicted, 12 not_found.  The page text comes from
pypdfium2 and pypdf (poppler is not installed here).  Run it with the
project venv:

    /work/main/.venv/bin/python bench/probe44/verify_probe.py [-v] [--plain-only]

It loads ask.jsonl, check.jsonl and search.jsonl from this folder and checks:

* ids (ak-/ck-/sk- prefixes, two digits, in order), row counts and keys;
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

UNANSWERABLE = {"ak-04", "ak-09", "ak-14", "ak-19", "ak-24", "ak-28", "ak-33", "ak-37"}

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
    "sk-04": ("ctf", r"common transfer file"),
    "sk-10": ("jsna", r"joint strategic needs assessment"),
    "sk-16": ("npcc", r"national police chief's council"),
    "sk-22": ("sen", r"special educational need"),
    "sk-28": ("plo", r"public law outlier"),
}

# Evidence of absence.  For every unanswerable question and not_found claim:
# (what is checked, regex over the normalised text of a page).  Every regex is
# searched over EVERY page of ALL ten documents (pypdfium2, pypdf and
# de-hyphenated variants); any hit is a failure.  POSITIVES holds a made-up
# sentence for each row that the regex must match, so no regex is vacuous.

ABSENT = {
    # unanswerable questions
    "ak-04": [
        ("a time limit for deciding on removing a governor from office",
         r"governors?[^.]{0,200}\b(\d+|five|ten|fifteen|twenty) (school |working )?(days|weeks)"
         r"|remov\w+ (them|a governor|governors?) from office[^.]{0,200}(within|deadline|time limit)"),
    ],
    "ak-09": [
        ("a vote count for passports or residence permits",
         r"(passports?|residen\w+ permits?)[^.]{0,150}\b\d+ votes?"
         r"|\b\d+ votes?[^.]{0,150}(passports?|residen\w+ permits?)"),
    ],
    "ak-14": [
        ("a publication deadline for the local criteria for action",
         r"criteria for action[^.]{0,200}(\bby \d|\bby (april|march|september|december)|deadline|no later than|within \d+)"),
    ],
    "ak-19": [
        ("a time figure for practitioners searching for attached documents",
         r"(search\w*|find\w*|locat\w+)[^.]{0,150}\b\d+(\.\d+)? ?(hours?|minutes?|mins)\b[^.]{0,60}(week|day|document|attachment)"
         r"|(hours?|minutes?) (a|per|each) (week|day)[^.]{0,100}(search\w*|find\w*)"),
    ],
    "ak-24": [
        ("a required number of health members in a MACPT",
         r"(macpts?|multi-agency child protection teams?)[^.]{0,200}\b(\d+|one|two|three|four|five) (health|paediatric\w*|nurses?|doctors?|clinicians?)\b"
         r"|\b(\d+|two|three|four|five) (health professionals|paediatricians|nurses)[^.]{0,100}(macpt|child protection team)"),
    ],
    "ak-28": [
        ("a start year or introduction date for LA code 815",
         r"\b815\b[^.]{0,150}(introduc\w+|since|from (19|20)\d\d|new code|created|replac\w+)"
         r"|(new|introduc\w+|replac\w+) (la |local authority )?codes?[^.]{0,150}\b815\b"),
    ],
    "ak-33": [
        ("a number of days allowed for writing up a visit",
         r"(visits?|visit records?|record of (a )?visit)[^.]{0,200}within (\d+|one|two|three|five|seven|ten) (working )?days"
         r"|write[- ]?up[^.]{0,100}\b(\d+|one|two|three|five|seven|ten) (working )?days"),
    ],
    "ak-37": [
        ("a named author of the Bristol single view evaluation",
         r"(think family database|single view)[^.]{0,200}(\bauthor(s|ed)?\b|written by|led by|\bdr\.? [a-z]|professor)"
         r"|(\bauthor(s|ed)?\b|written by)[^.]{0,150}(think family|single view)"),
    ],
    # not_found claims
    "ck-03": [
        ("a deadline for a governor to stand down",
         r"governors?[^.]{0,200}(stand down|step down|resign\w*)"
         r"|remov\w+ (them|a governor|governors?) from office[^.]{0,150}\b(\d+|ten|five) (school |working )?days"),
    ],
    "ck-06": [
        ("a termly return of the single central record to the DfE",
         r"single central record[^.]{0,200}(each term|every term|termly|(sent|send|submit\w*|return\w*) (it )?to the (dfe|department))"),
    ],
    "ck-09": [
        ("translation of privacy notices",
         r"privacy notices?[^.]{0,200}(translat\w+|languages?)|translat\w+[^.]{0,100}privacy notice"),
    ],
    "ck-12": [
        ("a most-voted item in the Essex children's vote",
         r"(most|highest|top|greatest)[^.]{0,20}(number of )?votes"
         r"|votes?[^.]{0,40}\b(most|highest|top)\b[^.]{0,40}(passports?|photographs|documents|item)"
         r"|passports?[^.]{0,100}\bvot\w+"),
    ],
    "ck-15": [
        ("a plan to add full-text search of attachments",
         r"(full[- ]text|keyword) search[^.]{0,200}(plan\w*|will be (added|introduced|available)|by 20\d\d|introduc\w+|roll\w* out)"),
    ],
    "ck-18": [
        ("an audit of a new lead practitioner's first cases",
         r"first (three|3|five|5|two|2) cases|lead practitioners?[^.]{0,200}audit\w* (every|each|all)"),
    ],
    "ck-21": [
        ("a named or full-time paediatrician in each MACPT",
         r"paediatrician[^.]{0,150}(full[- ]time|at least one|named)|(at least one|a named|named) paediatrician"),
    ],
    "ck-24": [
        ("a ratio of family support workers to social workers",
         r"family support workers?[^.]{0,200}(for every|\bper\b|ratio)|ratio[^.]{0,100}family support"),
    ],
    "ck-27": [
        ("a time limit for NHS England to settle a CCG dispute",
         r"(disputes?|arbitrat\w+)[^.]{0,200}within \d+ (working )?days"
         r"|within \d+ (working )?days[^.]{0,120}(disputes?|arbitrat\w+)"),
    ],
    "ck-30": [
        ("automatic reminders for overdue tasks",
         r"(reminders?|alerts?|prompts?)[^.]{0,100}overdue|overdue[^.]{0,100}(reminders?|alerts?|emails?|prompts?)"
         r"|automatic\w* (reminders?|alerts?|emails?)"),
    ],
    "ck-33": [
        ("a response time for CME enquiries between councils",
         r"enquir\w+[^.]{0,200}within (\d+|two|three|five|ten) (school |working )?days"
         r"|(respond|reply|answer)\w*[^.]{0,100}within (\d+|two|three|five|ten) (school |working )?days"),
    ],
    "ck-36": [
        ("a video recording of the D2I session",
         r"(session|workshop|diagnostic)[^.]{0,150}(video|recorded on|filmed)|(video|film)\w*[^.]{0,100}(session|workshop|diagnostic)"),
    ],
}

POSITIVES = {
    "ak-04": "the governing body must decide on removing a governor from office within 15 school days",
    "ak-09": "passports and residence permits received 45 votes",
    "ak-14": "the criteria for action must be published by april 2025",
    "ak-19": "practitioners spend 6 hours a week searching for documents",
    "ak-24": "each macpt must include two health professionals",
    "ak-28": "code 815 was introduced from 2023 when north yorkshire became a unitary council",
    "ak-33": "social workers must write up each visit within 3 working days",
    "ak-37": "the think family database evaluation was written by dr smith",
    "ck-03": "a governor must stand down within 10 school days",
    "ck-06": "the single central record must be sent to the dfe each term",
    "ck-09": "privacy notices must be translated into community languages",
    "ck-12": "passports got the most votes",
    "ck-15": "keyword search of attachments will be introduced by 2025",
    "ck-18": "auditors review the first three cases of each new lead practitioner",
    "ck-21": "each macpt includes a named paediatrician working full-time",
    "ck-24": "one family support worker for every two social workers",
    "ck-27": "nhs england settles disputes within 28 days",
    "ck-30": "the system sends automatic reminder emails when a task is overdue",
    "ck-33": "councils should respond to enquiries within five school days",
    "ck-36": "the diagnostic workshop should be video-recorded for absent colleagues",
}

# Key words of each answer (answerable questions) and each checkable claim:
# every regex must occur on the same page.  The checker searches all pages of
# all ten documents, fails if no gold page of the row is among the pages
# where they co-occur, and lists (with -v) co-occurrence pages the row does
# not cite, for review.
KEYWORDS = {
    # ask
    "ak-01": [r"if an allegation is made against a governor", r"consider removing them from office"],
    "ak-02": [r"plan review date", r"if more than one review has taken place then each should be provided"],
    "ak-03": [r"over 300 votes were cast by over 100 individuals"],
    "ak-05": [r"no requirement for the mat to maintain an individual record for each academy"],
    "ak-06": [r"single central record can be kept in paper or electronic form"],
    "ak-07": [r"sexual violence and sexual harassment, misogyny/misandry and racism"],
    "ak-08": [r"dfe data protection guidance for schools"],
    "ak-10": [r"criteria for action", r"section 17, 20, 31 and 47 of the children act 1989"],
    "ak-11": [r"seek views from their personnel adviser and the lado"],
    "ak-12": [r"815 north yorkshire"],
    "ak-13": [r"not intended to record information for children who have been the subject of more than one child protection plan"],
    "ak-15": [r"lachildid and section 47 actual start date"],
    "ak-16": [r"8825q", r"rc8 \(case closed after assessment\) or rc9"],
    "ak-17": [r"money 245 to 302"],
    "ak-18": [r"useful to someone else in la", r"helpful to someone else in the la \(for reporting purposes"],
    "ak-20": [r"searching at the file name level"],
    "ak-21": [r"other managers \(3 interviews\)", r"includes iro and placement team managers"],
    "ak-22": [r"lead practitioner is new to the role or is based in another agency"],
    "ak-23": [r"family help team will take the final decision on who requires a family help response"],
    "ak-25": [r"data management within the system and data requests for dfe"],
    "ak-26": [r"funding and resource must be agreed, allocated and set out in the multi-agency safeguarding arrangements"],
    "ak-27": [r"based on 4 interviews with families from november 2024"],
    "ak-29": [r"domestic abuse act 2021", r"economic abuse, psychological, emotional or other abuse"],
    "ak-30": [r"family support workers and residential children's home workers"],
    "ak-31": [r"out of authority placement could be in an adjoining local authority or in a more distant area"],
    "ak-32": [r"necessary to share information even if the threshold for service intervention", r"does not agree to the provision of particular services"],
    "ak-34": [r"configure profiles and set timescales for tasks"],
    "ak-35": [r"previous school is unknown", r"able to search the database"],
    "ak-36": [r"follow up any unexpected absence"],
    "ak-38": [r"\(a\) the only \"dedicated\" csc data people all sit in the corporate team"],
    "ak-39": [r"commissioned social finance to deliver an independent evaluation"],
    "ak-40": [r"a full list of those organisations that have carried out a status check on their account"],
    # check (supported and contradicted)
    "ck-01": [r"follow the procedures to consider removing them from office"],
    "ck-02": [r"plan review date", r"if more than one review has taken place then each should be provided"],
    "ck-04": [r"over 300 votes were cast"],
    "ck-05": [r"no requirement for the mat to maintain an individual record for each academy"],
    "ck-07": [r"single central record can be kept in paper or electronic form"],
    "ck-08": [r"section 17, 20, 31 and 47 of the children act 1989"],
    "ck-10": [r"multiple category is for when more than one category of abuse is relevant", r"not intended to record information for children who"],
    "ck-11": [r"lachildid and section 47 actual start date", r"increase or decrease of 25 percent or more"],
    "ck-13": [r"815 north yorkshire"],
    "ck-14": [r"money 245 to 302", r"relevant professionals \(inc\. sw and iro\) 139 to 194"],
    "ck-16": [r"collected only because it is helpful to someone else in the la"],
    "ck-17": [r"not possible to perform a keyword search within the body of the document"],
    "ck-19": [r"lead practitioner is new to the role or is based in another agency"],
    "ck-20": [r"family help team will take the final decision", r"who the lead practitioner will be"],
    "ck-22": [r"4 interviews with families from november 2024 research and 6 interviews with families from february 2025"],
    "ck-23": [r"funding and resource must be agreed, allocated and set out in the multi-agency safeguarding arrangements"],
    "ck-25": [r"domestic abuse act 2021", r"economic abuse, psychological, emotional or other abuse"],
    "ck-26": [r"placement out of area", r"could be in an adjoining local authority or in a more distant area"],
    "ck-28": [r"necessary to share information even if the threshold for service intervention", r"does not agree to the provision of particular services"],
    "ck-29": [r"which parts of a workflow need a manager to authorise"],
    "ck-31": [r"previous school is unknown, schools should contact their local authority"],
    "ck-32": [r"school b will", r"follow up any unexpected absence on or after the 29 march"],
    "ck-34": [r"the only \"dedicated\" csc data people all sit in the corporate team"],
    "ck-35": [r"commissioned social finance to deliver an independent evaluation"],
    "ck-37": [r"dfe data protection guidance for schools", r"staff, governors and trustees"],
    "ck-38": [r"safeguarding partners should publish a document which sets out the local criteria for action"],
    "ck-39": [r"other managers \(3 interviews\)", r"includes iro and placement team managers"],
    "ck-40": [r"update service", r"a full list of those organisations that have carried out a status check"],
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
        rid = f"ak-{i:02d}"
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
        rid = f"ck-{i:02d}"
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
        rid = f"sk-{i:02d}"
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
    for rows, key, prefix in ((ask, "question", "ak"), (check, "claim", "ck"), (search, "query", "sk")):
        for r in rows:
            if key not in r or (prefix == "sk" and r.get("kind") == "exact"):
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
