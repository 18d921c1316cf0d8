#!/usr/bin/env python3
"""Checker for the probe45 hand-labelled evaluation set.

Adapted from the probe44 checker.  What changed: ids (al-/cl-/sl-) and this
set's UNANSWERABLE, ACRONYMS, ABSENT, POSITIVES and KEYWORDS tables.  Every
step, including COPY, is the probe44 (and probe43) one.  The verdict balance is 14
supported, 14 contradicted, 12 not_found.  The page text comes from
pypdfium2 and pypdf (poppler is not installed here).  Run it with the
project venv:

    /work/main/.venv/bin/python bench/probe45/verify_probe.py [-v] [--plain-only]

It loads ask.jsonl, check.jsonl and search.jsonl from this folder and checks:

* ids (al-/cl-/sl- prefixes, two digits, in order), row counts and keys;
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

UNANSWERABLE = {"al-03", "al-08", "al-13", "al-18", "al-22", "al-27", "al-31", "al-36"}

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
    "sl-04": ("cspr", r"child safeguarding practice review"),
    "sl-10": ("slt", r"senior leadership team"),
    "sl-16": ("sar", r"subject access request"),
    "sl-22": ("cpd", r"continuing professional development"),
    "sl-28": ("dsl", r"designated safeguarding lead"),
}

# Evidence of absence.  For every unanswerable question and not_found claim:
# (what is checked, regex over the normalised text of a page).  Every regex is
# searched over EVERY page of ALL ten documents (pypdfium2, pypdf and
# de-hyphenated variants); any hit is a failure.  POSITIVES holds a made-up
# sentence for each row that the regex must match, so no regex is vacuous.

ABSENT = {
    # unanswerable questions
    "al-03": [
        ("a count of the serious case reviews analysed",
         r"\b(\d+|hundreds? of|dozens? of)\s+(serious case reviews|case reviews|practice reviews)"
         r"|(analysis|analysed|review) of (\d+|over \d+|more than \d+) (serious case|case|practice) reviews"),
    ],
    "al-08": [
        ("a budget, percentage or amount for filtering and monitoring",
         r"(filtering|monitoring) (systems?|provision)?[^.]{0,150}(£\s?\d|\d+ ?%|\bper cent\b|\bbudget\b)"
         r"|(£\s?\d|\d+ ?%|\bper cent\b|\bbudget\b)[^.]{0,120}\bfiltering\b"),
    ],
    "al-13": [
        ("a money threshold for low income / standard state entitlements",
         r"(state entitlements?|low income|\bn7\b)[^.]{0,150}(£|\bpounds\b)"
         r"|(£|\bpounds\b)[^.]{0,120}(state entitlements?|low income)"),
    ],
    "al-18": [
        ("a start year or start date for Right to Your Own History",
         r"right to your own history[^.]{0,200}(\b(19|20)\d\d\b|\bbegan\b|\bstarted\b|\blaunched\b|\bsince\b|\bfounded\b)"),
    ],
    "al-22": [
        ("a meeting frequency for the three safeguarding partners",
         r"safeguarding partners[^.]{0,200}\b(meet|meets|meeting|meetings)\b[^.]{0,80}(monthly|quarterly|annually|yearly|weekly|every|each|twice|times a year)"
         r"|(monthly|quarterly|annual|yearly|termly) meetings? of the (three |3 )?safeguarding partners"),
    ],
    "al-27": [
        ("a distance in miles or kilometres for a dentist",
         r"\b(miles?|km|kilomet\w+)\b[^.]{0,120}\b(dentists?|dental)\b"
         r"|\b(dentists?|dental)\b[^.]{0,120}\b(miles?|km|kilomet\w+)\b"),
    ],
    "al-31": [
        ("a completion time for the workforce survey",
         r"survey[^.]{0,150}\b\d+ ?(minutes?|mins)\b"
         r"|\b\d+ ?(minutes?|mins)\b[^.]{0,80}(survey|questionnaire|to complete)"),
    ],
    "al-36": [
        ("a sanction for a practitioner who fails to share",
         r"(fail\w* to share|not shar\w+|withhold\w* information)[^.]{0,150}(disciplin\w+|sanction\w*|dismiss\w*|prosecut\w*|\bfined?\b|misconduct)"
         r"|(disciplin\w+|sanction\w*|dismiss\w*|misconduct)[^.]{0,100}(fail\w* to share|not shar\w+)"),
    ],
    # not_found claims
    "cl-03": [
        ("a share of reviews in which poor record keeping featured",
         r"poor record[- ]?keeping[^.]{0,150}(half|\d+ ?%|per cent|majority|most reviews)"
         r"|(half|\d+ ?%|per cent|majority)[^.]{0,100}poor record[- ]?keeping"),
    ],
    "cl-06": [
        ("a deadline in hours for the DSL's choice of response",
         r"(designated safeguarding lead|\bdsl\b|early help assessment|pastoral support)[^.]{0,200}within (24|48|72) hours"
         r"|within (48|72) hours[^.]{0,150}(decid\w+|decision|early help|referral)"),
    ],
    "cl-09": [
        ("a named exploitation lead in every team",
         r"exploitation leads?|(named|designated|dedicated) leads? (for|on) (child )?(criminal |sexual )?exploitation"),
    ],
    "cl-12": [
        ("a minimum duration before N5 may be recorded",
         r"(family dysfunction|\bn5\b|parenting capacity)[^.]{0,200}\b(six|6|three|3|twelve|12|nine|9) months"
         r"|\b(six|6|three|3|twelve|12) months[^.]{0,150}(family dysfunction|\bn5\b|parenting capacity)"),
    ],
    "cl-15": [
        ("proof of address before recording a new address",
         r"proof of (the |their |a )?(new )?address|utility bills?|council tax bills?|bank statements?"),
    ],
    "cl-18": [
        ("a fixed audit cycle for CCG looked-after children services",
         r"\baudit\w*[^.]{0,150}(every (two|2|three|3) years|biennial\w*|annual\w*|every year|each year|yearly)"
         r"|(every (two|2|three|3) years|biennial\w*|annual\w*|every year|each year|yearly)[^.]{0,120}\baudit\w*"),
    ],
    "cl-21": [
        ("protection from disciplinary action for good-faith sharing",
         r"good faith|(protected|immune|immunity|shielded) from[^.]{0,80}(disciplin\w+|sanction|legal action|prosecution|liability)"),
    ],
    "cl-24": [
        ("a cap on the number of local data fields",
         r"(cap\w*|limit\w*|maximum|no more than)[^.]{0,100}\b\d+ (local )?(data )?(fields|items|data items)\b"
         r"|\b\d+ (fields|data items) per form"),
    ],
    "cl-27": [
        ("publication of FNSP eligibility criteria",
         r"eligibility criteria[^.]{0,200}(publish\w*|website|online)"
         r"|(publish\w*|website)[^.]{0,150}eligibility criteria"),
    ],
    "cl-30": [
        ("a time limit for telling a family after sharing without consent",
         r"(inform|tell|notify)\w*[^.]{0,150}within (24|48|72) hours"
         r"|within (24|48|72) hours[^.]{0,150}(inform|tell|notify|shared)"),
    ],
    "cl-33": [
        ("a manager's sign-off of primary need codes",
         r"(team manager|manager)[^.]{0,150}(need codes?|primary need)"
         r"|(need codes?|primary need)[^.]{0,150}(manager|signed off|sign off|sign-off|approv\w+|confirm\w*)"),
    ],
    "cl-36": [
        ("a whistleblowing register reviewed by governors",
         r"whistleblow\w*[^.]{0,200}(register|\blog\b|logged|each term|termly|every term)"
         r"|(register|logged)[^.]{0,100}whistleblow\w*"),
    ],
}

POSITIVES = {
    "al-03": "the analysis of 1,000 serious case reviews found these patterns",
    "al-08": "schools should spend at least 2% of their budget on filtering systems",
    "al-13": "n7 applies where income is below the standard state entitlements of £15,000",
    "al-18": "right to your own history began in 2019 in denmark",
    "al-22": "the safeguarding partners should meet quarterly to review arrangements",
    "al-27": "a dentist should be within 10 miles of the placement",
    "al-31": "the survey took about 15 minutes to complete",
    "al-36": "a practitioner who fails to share information may face disciplinary action",
    "cl-03": "poor record keeping featured in over half of the reviews",
    "cl-06": "the designated safeguarding lead should decide within 48 hours",
    "cl-09": "every team should have a named lead for exploitation",
    "cl-12": "family dysfunction should only be recorded after six months of concern",
    "cl-15": "schools should ask for proof of address such as a utility bill",
    "cl-18": "nhs england should audit these services every two years",
    "cl-21": "practitioners who share in good faith are protected from disciplinary action",
    "cl-24": "councils should cap forms at 100 data items",
    "cl-27": "areas must publish their eligibility criteria on their website",
    "cl-30": "you must inform the family within 24 hours",
    "cl-33": "a team manager must sign off the primary need code before submission",
    "cl-36": "whistleblowing concerns must be logged on a register reviewed each term",
}

# Key words of each answer (answerable questions) and each checkable claim:
# every regex must occur on the same page.  The checker searches all pages of
# all ten documents, fails if no gold page of the row is among the pages
# where they co-occur, and lists (with -v) co-occurrence pages the row does
# not cite, for review.
KEYWORDS = {
    # ask
    "al-01": [r"sharing information too slowly", r"not sharing information with the right people"],
    "al-02": [r"examples of poor practice include", r"failing to listen to the views of the child"],
    "al-04": [r"whistleblowing procedures should be (put )?in place", r"senior leadership team"],
    "al-05": [r"pastoral support processes", r"undertaking an early help assessment", r"making a referral to statutory services"],
    "al-06": [r"number of and age range of their children", r"proportionality of costs versus safeguarding risks"],
    "al-07": [r"filtering and monitoring standards", r"discuss with it staff and service providers"],
    "al-09": [r"do not work directly with children", r"entirely a matter for the school or college"],
    "al-10": [r"family dysfunction \(code 'n5'\)", r"consistent emotional warmth", r"a stable relationship with carers"],
    "al-11": [r"a5\.3 possible sub-categories", r"erratic relationship between carers"],
    "al-12": [r"a7\.3 possible sub-categories", r"non-habitually resident status"],
    "al-14": [r"absent parenting", r"must not be used loosely for children looked after"],
    "al-15": [r"a3\.3 possible sub-categories", r"acutely ill parent\(s\) \(short-term\)"],
    "al-16": [r"normally live at another address", r"full name of each parent the pupil will normally live with"],
    "al-17": [r"reasonable enquiries", r"record that they have completed these procedures"],
    "al-19": [r"read and respond to this guidance", r"psychiatrists, psychologists"],
    "al-20": [r"safeguarding partners", r"act as a strategic leadership group", r"implement local and national learning"],
    "al-21": [r"as partners who can protect children and young people when they are facing harm outside of the home"],
    "al-23": [r"seek advice promptly", r"you might be criticised for sharing information"],
    "al-24": [r"without sharing concerns with others", r"with those who need to know"],
    "al-25": [r"exposure to parental mental health issues", r"drug or alcohol abuse"],
    "al-26": [r"always registered with gps and have access to dentists", r"shared responsibility with the local authority"],
    "al-28": [r"commission services", r"clinical governance and audit arrangements are in place"],
    "al-29": [r"right to your own history", r"eight different sub-groups"],
    "al-30": [r"same legislative rights to access support", r"as adopted children and adults"],
    "al-32": [r"information governance teams", r"subject access requests for young people"],
    "al-33": [r"appropriate level of check and challenge", r"local requests to add"],
    "al-34": [r"access to records as part of the care leavers process", r"within pathway plans"],
    "al-35": [r"local level eligibility criteria for fnsps", r"support reunification"],
    "al-37": [r"primary sector you work within", r"social work agency \(providing staff\)"],
    "al-38": [r"experience with colocation arrangements", r"only asked in feb 25"],
    "al-39": [r"sharing information with other professionals/organisations is difficult"],
    "al-40": [r"failing to re-assess concerns when situations do not improve"],
    # check (supported and contradicted)
    "cl-01": [r"a lack of challenge to those who appear not to be taking action"],
    "cl-02": [r"a5\.3 possible sub-categories", r"erratic relationship between carers"],
    "cl-04": [r"designated safeguarding lead", r"pastoral support processes"],
    "cl-05": [r"information commissioner's office \(ico\) to update data protection law"],
    "cl-07": [r"family dysfunction", r"consistent emotional warmth", r"a stable relationship with carers"],
    "cl-08": [r"filtering and monitoring", r"proportionality of costs versus safeguarding risks"],
    "cl-10": [r"you might be criticised for sharing information"],
    "cl-11": [r"experience with colocation arrangements", r"only asked in feb 25"],
    "cl-13": [r"right to your own history", r"eight different sub-groups"],
    "cl-14": [r"do not work directly with children", r"entirely a matter for the school or college"],
    "cl-16": [r"health practitioners", r"psychiatrists, psychologists"],
    "cl-17": [r"must not be used loosely for children looked after for whatever reason"],
    "cl-19": [r"nhs england should ensure", r"access to dentists near to where they are living", r"shared responsibility with the local authority"],
    "cl-20": [r"appropriate level of check and challenge", r"local requests to add"],
    "cl-22": [r"local level eligibility criteria for fnsps", r"support reunification"],
    "cl-23": [r"acutely ill parent\(s\) \(short-term\)"],
    "cl-25": [r"whistleblowing procedures should be (put )?in place", r"senior leadership team"],
    "cl-26": [r"3 safeguarding partners", r"act as a strategic leadership group"],
    "cl-28": [r"low income", r"non-habitually resident status"],
    "cl-29": [r"not able to determine an accurate understanding of a possible risk", r"with those who need to know"],
    "cl-31": [r"normally live at another address", r"the date when the pupil will start normally living there"],
    "cl-32": [r"commissioners", r"clinical governance and audit arrangements"],
    "cl-34": [r"information governance teams", r"subject access requests for young people"],
    "cl-35": [r"examples of poor practice|failing to re-assess", r"sharing information too slowly"],
    "cl-37": [r"primary sector you work within", r"social work agency \(providing staff\)"],
    "cl-38": [r"care leavers process", r"guidance and support within pathway plans"],
    "cl-39": [r"partners who can protect children and young people when they are facing harm outside of the home"],
    "cl-40": [r"review the standards and discuss with it staff and service providers"],
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
        rid = f"al-{i:02d}"
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
        rid = f"cl-{i:02d}"
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
        rid = f"sl-{i:02d}"
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
    for rows, key, prefix in ((ask, "question", "al"), (check, "claim", "cl"), (search, "query", "sl")):
        for r in rows:
            if key not in r or (prefix == "sl" and r.get("kind") == "exact"):
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
