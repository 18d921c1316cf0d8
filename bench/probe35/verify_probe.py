#!/usr/bin/env python3
"""Checker for the probe35 hand-labelled evaluation set.

Adapted from the probe34 checker.  What changed: ids (sa-/sc-/ss-),
UNANSWERABLE, ACRONYMS, ABSENT and POSITIVES are this set's, and a new
KEYWORDS table adds a key-word search for every answer and claim (see
below).  The verdict balance is 14 supported, 14 contradicted, 12
not_found.  The completeness check is kept (see below).  As in probe24,
the page text comes from pypdfium2 and pypdf (poppler is not installed
here).  Run it with the project venv:

    /work/main/.venv/bin/python bench/probe35/verify_probe.py [-v] [--plain-only]

It loads ask.jsonl, check.jsonl and search.jsonl from this folder and checks:

* ids (sa-/sc-/ss- prefixes, two digits, in order), row counts and keys;
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
  (the same index pdftotext -f/-l and earlier probes use, not the printed page
  number); the DOCX has no pages, so its page must be null;
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

UNANSWERABLE = {"sa-03", "sa-09", "sa-14", "sa-18", "sa-23", "sa-29", "sa-34", "sa-38"}

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
    "ss-03": ("pas", r"personal advisers?"),
    "ss-09": ("tms", r"team managers"),
    "ss-15": ("sws", r"social workers"),
    "ss-21": ("fn", r"family network"),
    "ss-27": ("sos", r"secretary of state"),
}

# Evidence of absence.  For every unanswerable question and not_found claim:
# (what is checked, regex over the normalised text of a page).  Every regex is
# searched over EVERY page of ALL ten documents (pypdfium2, pypdf and
# de-hyphenated variants); any hit is a failure.  POSITIVES holds a made-up
# sentence for each row that the regex must match, so no regex is vacuous.
ABSENT = {
    # unanswerable questions
    "sa-03": [("a prison sentence or penalty for causing a child to marry",
               r"(marr\w*)[^.]{0,200}\b(\d+|seven|seven) years?\b[^.]{0,60}(prison|imprison|sentence|jail)"
               r"|(imprisonment|prison sentence|maximum (sentence|penalty)|jail)[^.]{0,150}marr\w*"
               r"|marr\w*[^.]{0,150}(imprisonment|prison sentence|maximum (sentence|penalty)|unlimited fine)")],
    "sa-09": [("a share of police staff attending Line of Sight meetings",
               r"line of sight[^.]{0,200}\b\d+ ?(%|per cent)"
               r"|\b\d+ ?(%|per cent)[^.]{0,200}line of sight")],
    "sa-14": [("a national count of children missing education",
               r"(children missing education|missing (from )?education)[^.]{0,120}\b\d{1,3},\d{3}\b"
               r"|\b\d{1,3},\d{3}\b[^.]{0,120}(children missing education|missing (from )?education)")],
    "sa-18": [("a number of family-finding officers per local authority",
               r"family[- ]finding (officers?|workers?|posts?|roles?|teams?)"
               r"|\b(\d+|one|two|three) (dedicated )?family[- ]finding")],
    "sa-23": [("a price for an initial health assessment",
               r"£ ?\d[^.]{0,120}(health assessments?|tariff)"
               r"|(health assessments?|tariff)[^.]{0,120}£ ?\d")],
    "sa-29": [("a budget for the parental engagement and representation model",
               r"(independent representation|parental engagement|parental representation)[^.]{0,200}(£ ?\d|budget|\bfunding of\b)"
               r"|(£ ?\d|budget of)[^.]{0,200}(independent representation|parental engagement)")],
    "sa-34": [("a cost or budget for the Missing Chapters project",
               r"missing chapters[^.]{0,200}(£ ?\d|\bcost\w*\b|budget)"
               r"|(£ ?\d|\bcost of\b|budget)[^.]{0,200}missing chapters")],
    "sa-38": [("a share of looked-after children with timely health assessments",
               r"(health assessments?)[^.]{0,150}\b\d+(\.\d+)? ?(%|per cent)"
               r"|\b\d+(\.\d+)? ?(%|per cent)[^.]{0,150}health assessments?")],
    # not_found claims
    "sc-03": [("a Level 3 qualification for the designated safeguarding lead",
               r"\blevel (3|three)\b[^.]{0,100}(qualification|safeguarding|designated|dsl|course)"
               r"|(designated safeguarding lead|dsl)[^.]{0,150}\blevel (3|three)\b")],
    "sc-06": [("a Prevent lead separate from the designated safeguarding lead",
               r"\bprevent (lead|co-?ordinator|champion)s?\b")],
    "sc-09": [("a minimum duration of the parent's condition for code N3",
               r"(n3|parental disability or illness|parental (medical )?condition)[^.]{0,200}\b(\d+|twelve|six|three) (months|years)\b"
               r"|(diagnos\w*|condition)[^.]{0,60}(lasted|lasting|for) (at least|a minimum of|more than) (\d+|twelve|six|three) months")],
    "sc-10": [("a deadline for recording a new address in the admission register",
               r"(address|admission register)[^.]{0,150}within (\d+|five|ten|two|three) (school |working )?days"
               r"|within (\d+|five|ten|two|three) (school |working )?days[^.]{0,100}(new address|another address)")],
    "sc-15": [("a deadline for leaders to review serious incidents",
               r"serious incidents?[^.]{0,150}\b(\d+|fifteen|ten|five|seven|twenty) (working |calendar )?days"
               r"|\b(\d+|fifteen|ten|five) (working )?days[^.]{0,120}serious incidents?")],
    "sc-18": [("written consent required before health staff share a record",
               r"written consent[^.]{0,150}\b(shar\w*|disclos\w*|record)"
               r"|\b(shar\w*|disclos\w*)\b[^.]{0,150}written consent")],
    "sc-21": [("a deadline for giving carers the latest health plan",
               r"health plans?[^.]{0,150}within (\d+|ten|five|seven|20|twenty) (working )?days"
               r"|within (\d+|ten|five|seven) (working )?days[^.]{0,150}health plans?")],
    "sc-24": [("a time limit for placing children with an adoption plan",
               r"(adopt\w*|permanen\w*)[^.]{0,150}within (\d+|twelve|six|nine|eighteen) (months|weeks)"
               r"|within (\d+|twelve|six|nine) months[^.]{0,150}(adopt\w*|permanen\w*)")],
    "sc-27": [("a count of new mental health practitioners recruited per area",
               r"\b(\d+|two|three|four|five|six|ten|twelve) (new )?(mental health|drugs? and alcohol|substance misuse) (practitioners|workers|posts|roles|staff)"
               r"|recruit\w*[^.]{0,80}\b(\d+|twelve|ten) (new )?(mental health|specialist)")],
    "sc-28": [("a period after which unused form fields are deleted",
               r"(fields?|data items?|questions?)[^.]{0,150}not used[^.]{0,60}\b(\d+|twelve|six|three|two) (months|years)"
               r"|delet\w*[^.]{0,120}(fields?|data items?)[^.]{0,100}\b(\d+|twelve|six|three|two) (months|years)")],
    "sc-33": [("a cap on the number of workshop participants",
               r"\b(\d+|six|eight|ten|twelve|fifteen) (participants|attendees|people)\b[^.]{0,120}(workshop|session|diagnostic|room)"
               r"|(workshop|session|room)[^.]{0,120}(maximum|no more than|limit\w*|up to)[^.]{0,40}\b(\d+|six|eight|ten|twelve) (participants|attendees|people)")],
    "sc-36": [("a meeting frequency for pathfinder working groups",
               r"working groups?[^.]{0,150}(weekly|fortnightly|monthly|every (week|two weeks|fortnight|month))"
               r"|(weekly|fortnightly|monthly)[^.]{0,100}working groups?")],
}

POSITIVES = {
    "sa-03": "the maximum sentence for causing a child to marry is seven years imprisonment",
    "sa-09": "45% of police staff attended line of sight meetings",
    "sa-14": "there were 33,000 children missing education in england",
    "sa-18": "each local authority should employ two family-finding officers",
    "sa-23": "an initial health assessment costs £450 under the national tariff",
    "sa-29": "the parental independent representation model received funding of £200,000 per area",
    "sa-34": "the missing chapters project cost £60,000",
    "sa-38": "87% of health assessments were completed on time",
    "sc-03": "the designated safeguarding lead must hold a level 3 safeguarding qualification",
    "sc-06": "every school must appoint a prevent lead separate from the dsl",
    "sc-09": "n3 should only be used where the parental condition has lasted 12 months",
    "sc-10": "schools must record a new address in the admission register within five school days",
    "sc-15": "leaders must review every serious incident within 15 working days",
    "sc-18": "health practitioners must obtain written consent before sharing a child's record",
    "sc-21": "carers must receive the latest health plan within 10 working days",
    "sc-24": "children with an adoption plan should be placed for adoption within 12 months",
    "sc-27": "each area recruited 12 new mental health practitioners",
    "sc-28": "fields not used for 12 months should be deleted",
    "sc-33": "no more than eight participants should attend the workshop",
    "sc-36": "the pathfinder working groups met fortnightly",
}

# Key words of each answer (answerable questions) and each checkable claim:
# every regex must occur on the same page.  The checker searches all pages of
# all ten documents, fails if no gold page of the row is among the pages
# where they co-occur, and lists (with -v) co-occurrence pages the row does
# not cite, for review.
KEYWORDS = {
    # ask
    "sa-01": [r"designated safeguarding lead", r"updated at least every two years"],
    "sa-02": [r"exploitation", r"cognitive ability", r"physical strength"],
    "sa-04": [r"channel awareness e-learning", r"channel panel"],
    "sa-05": [r"offers of appointment", r"conditional until"],
    "sa-06": [r"levels of authority delegated", r"carer"],
    "sa-07": [r"domestic abuse", r"child to parent abuse", r"intimate partner violence"],
    "sa-08": [r"141d", r"sixth form colleges?"],
    "sa-10": [r"sexual harassment", r"unwanted conduct of a sexual nature"],
    "sa-11": [r"contracted (out|organisations)"],
    "sa-12": [r"intra familial harms", r"siblings"],
    "sa-13": [r"progress of the case", r"only in relation to their child"],
    "sa-15": [r"poverty", r"parental abuse and neglect", r"economic and social circumstances"],
    "sa-16": [r"serious incidents", r"swift responses", r"prompt steps"],
    "sa-17": [r"regular and open discussion", r"principles"],
    "sa-19": [r"professional duty to record", r"consent"],
    "sa-20": [r"designated safeguarding lead", r"data protection act 2018", r"uk general data protection regulation"],
    "sa-21": [r"consistent routines", r"parent or carer skills"],
    "sa-22": [r"permanent loving families", r"as quickly as possible", r"regional adoption agencies"],
    "sa-24": [r"daunt", r"fhlp|lead practitioner|health"],
    "sa-25": [r"working groups", r"(swift decision making|coordinated action)"],
    "sa-26": [r"mental health", r"drugs and alcohol services", r"recruit"],
    "sa-27": [r"senior mental health lead", r"mental health support team"],
    "sa-28": [r"child protection case conference", r"review conference"],
    "sa-30": [r"taking on a new case", r"useful"],
    "sa-31": [r"placement team management", r"sourcing and commissioning"],
    "sa-32": [r"standardised data recording", r"practice contexts", r"language and terminology"],
    "sa-33": [r"monthly opportunities", r"feedback"],
    "sa-35": [r"facilitator", r"step away from the template"],
    "sa-36": [r"first interactions", r"welcoming"],
    "sa-37": [r"limits of their own knowledge", r"ask for help"],
    "sa-39": [r"another address", r"full name of each parent", r"admission register"],
    "sa-40": [r"regional working groups", r"good practice"],
    # check (supported and contradicted)
    "sc-01": [r"cass review", r"pre-pubertal", r"as early as possible"],
    "sc-02": [r"gtce", r"abolition", r"2012"],
    "sc-04": [r"141f|reporting restrictions", r"does not apply to colleges"],
    "sc-05": [r"option a", r"assessment actual start date", r"further action"],
    "sc-07": [r"strengths", r"aspirations for the future", r"whole individual"],
    "sc-08": [r"secretary of state", r"prohibition order", r"(may investigate|professional conduct panel)"],
    "sc-11": [r"trust your instincts", r"seek guidance"],
    "sc-12": [r"statutory social care intervention has ended", r"lasting impact"],
    "sc-13": [r"child-level data collection", r"journeys of individual children"],
    "sc-14": [r"delegated to carers", r"dentists"],
    "sc-16": [r"resistance", r"strong foundations"],
    "sc-17": [r"channel programme", r"radicalisation concern", r"designated safeguarding lead"],
    "sc-19": [r"out of area", r"retain clear visibility"],
    "sc-20": [r"line of sight", r"police", r"shared responsibility"],
    "sc-22": [r"trauma-informed language", r"age appropriateness"],
    "sc-23": [r"upfront", r"does not equate to obtaining"],
    "sc-25": [r"fnsps?", r"(increased in some areas|funding has grown)"],
    "sc-26": [r"corporate parents", r"home office"],
    "sc-29": [r"comfortable to discuss", r"outside of the workplace"],
    "sc-30": [r"default standard of connectivity"],
    "sc-31": [r"approaching staff", r"designated safeguarding leads?"],
    "sc-32": [r"delete any data and information fields", r"agreed period"],
    "sc-34": [r"safeguarding service", r"minimal interface"],
    "sc-35": [r"support of other local authorities", r"regional improvement"],
    "sc-37": [r"prefer qualitative data", r"quantitative data"],
    "sc-38": [r"lead child protection practitioner|lcpp", r"statutory decisions"],
    "sc-39": [r"dedicated email address", r"membership enquiries"],
    "sc-40": [r"domestic abuse", r"inside or outside of the home"],
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
        rid = f"sa-{i:02d}"
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
        rid = f"sc-{i:02d}"
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
        rid = f"ss-{i:02d}"
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
