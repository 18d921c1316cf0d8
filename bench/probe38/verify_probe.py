#!/usr/bin/env python3
"""Checker for the probe38 hand-labelled evaluation set.

Adapted from the probe37 checker.  What changed: ids (ae-/ce-/se-), this
set's UNANSWERABLE, ACRONYMS, ABSENT, POSITIVES and KEYWORDS tables, and one
added step (COPY, below).  Every other step is the probe37 one.  The verdict
balance is 14 supported, 14 contradicted, 12 not_found.  As in probe24-37,
the page text comes from pypdfium2 and pypdf (poppler is not installed here).
Run it with the project venv:

    /work/main/.venv/bin/python bench/probe38/verify_probe.py [-v] [--plain-only]

It loads ask.jsonl, check.jsonl and search.jsonl from this folder and checks:

* ids (ae-/ce-/se- prefixes, two digits, in order), row counts and keys;
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

UNANSWERABLE = {"ae-04", "ae-09", "ae-14", "ae-20", "ae-24", "ae-30", "ae-33", "ae-39"}

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
    "se-03": ("macpt", r"multi-agency child protection team"),
    "se-09": ("dpia", r"data protection impact assessment"),
    "se-15": ("tess", r"traveller education support services"),
    "se-21": ("lscb", r"local safeguarding children board"),
    "se-27": ("fnsps", r"family network support packages"),
}

# Evidence of absence.  For every unanswerable question and not_found claim:
# (what is checked, regex over the normalised text of a page).  Every regex is
# searched over EVERY page of ALL ten documents (pypdfium2, pypdf and
# de-hyphenated variants); any hit is a failure.  POSITIVES holds a made-up
# sentence for each row that the regex must match, so no regex is vacuous.
ABSENT = {
    # unanswerable questions
    "ae-04": [("a percentage of children in serious violence who had been excluded",
               r"serious violen\w*[^.]{0,200}\b\d+(\.\d+)? ?(%|per cent)[^.]{0,100}exclu"
               r"|\b\d+(\.\d+)? ?(%|per cent)[^.]{0,150}exclu\w*[^.]{0,100}serious violen")],
    "ae-09": [("a publication date for the new Cumberland and Westmorland codes",
               r"(cumberland|westmorland)[^.]{0,200}(confirmed|published|available|issued) (by|in|on|from) "
               r"(\d|january|february|march|april|may|june|july|august|september|october|november|december)")],
    "ae-14": [("a count of templates in a DfE bank for local areas",
               r"(bank of|master) templates?[^.]{0,150}\b(\d+|ten|twenty) (templates|documents)"
               r"|\b(\d+|ten|twenty) (templates|documents)[^.]{0,100}(bank|local areas)")],
    "ae-20": [("a deadline for a social worker to chase stalled health plan actions",
               r"liais\w*[^.]{0,150}within (\d+|one|two|three|five|ten) (working )?days"
               r"|not (being )?followed up[^.]{0,150}within (\d+|one|two|three|five|ten) (working )?days")],
    "ae-24": [("a deadline for giving prospective adopters a health summary",
               r"adopters?[^.]{0,150}within (\d+|one|two|three|four|six|eight|ten|twelve) (working )?(days|weeks|months)")],
    "ae-30": [("a budget percentage for looked-after children's health",
               r"\b\d+(\.\d+)? ?(%|per cent)[^.]{0,150}(budget|spend\w*|resources|funding)[^.]{0,100}looked-after"
               r"|(budget|spend\w*|resources|funding)[^.]{0,100}looked-after[^.]{0,100}\b\d+(\.\d+)? ?(%|per cent)")],
    "ae-33": [("a frequency for knowledge-sharing forums between waves",
               r"forums?[^.]{0,150}(monthly|quarterly|every (\d+|two|three|six) (weeks|months)|twice a year|annually)"
               r"|(monthly|quarterly|annual) (forums?|sessions|events)[^.]{0,100}wave")],
    "ae-39": [("a deadline in hours for a practice supervisor to act",
               r"(practice supervisors?|supervisors?)[^.]{0,200}within (\d+|one|two|24|48) (hours|working days|days)"
               r"|rapid action[^.]{0,100}within (\d+|one|two|24|48) (hours|days)")],
    # not_found claims
    "ce-03": [("a review cycle for pupils' reporting systems",
               r"(reporting systems?|systems? (in place )?for children to (confidently )?report)[^.]{0,150}review\w*[^.]{0,60}(every|each|once a) (term|year|month)"
               r"|review\w*[^.]{0,60}reporting systems?[^.]{0,60}(every|each|once a) (term|year)")],
    "ce-06": [("a deadline for referring harmful sexual behaviour",
               r"harmful sexual behaviour[^.]{0,200}within (\d+|24|48|one|two) (hours|days|working days)")],
    "ce-09": [("a clock time for the automatic OK algorithm",
               r"algorithm[^.]{0,150}\b\d{1,2}(:\d\d)? ?(am|pm)\b|\b\d{1,2}(:\d\d)? ?(am|pm)\b[^.]{0,100}algorithm")],
    "ce-12": [("an end to the collection of CIN plan dates",
               r"(stop|cease|discontinue|no longer) (collecting|collect|be collected)[^.]{0,100}cin plan"
               r"|cin plan dates?[^.]{0,100}(no longer be collected|will stop|discontinued|removed from)")],
    "ce-16": [("a fixed interval for following up children missing education",
               r"follow\w* up[^.]{0,100}(every|each) (\d+|two|three|four) (weeks|days|school days)"
               r"|(every|each) (\d+|two|three|four) (weeks|school days)[^.]{0,100}registered")],
    "ce-19": [("a deadline for first contact with a family after a referral",
               r"first (contact|visit|interaction)s?[^.]{0,150}within (\d+|one|two|24|48) (hours|working days|days)")],
    "ce-22": [("a lead time for sending DfE Sign-in details before the collection",
               r"(dfe sign-in|collect)[^.]{0,200}(\d+|one|two|three|four|six) (weeks|working days|days|months) before"
               r"|(\d+|two|three|four|six) weeks before[^.]{0,100}(collection|census)")],
    "ce-26": [("a fixed period of unchanged health care after adoption",
               r"(adoption order|adopted|post-adoption)[^.]{0,200}(\d+|six|twelve) months (after|following)"
               r"|(for|at least) (\d+|six|twelve) months after[^.]{0,60}adopt")],
    "ce-29": [("a percentage of court cases with a chronology",
               r"chronolog\w*[^.]{0,150}\b\d+ ?(%|per cent)|\b\d+ ?(%|per cent)[^.]{0,150}chronolog")],
    "ce-33": [("a length in months for fixed-term pathfinder contracts",
               r"(\d+|six|twelve|eighteen)[- ]month (fixed[- ]term )?(contracts?|posts?|roles?)|contracts? of (\d+|six|twelve|eighteen) months")],
    "ce-35": [("a percentage of staff unready to deliver FNSPs",
               r"\b\d+(\.\d+)? ?(%|per cent)[^.]{0,150}(fnsps?|family network support)"
               r"|(fnsps?|family network support packages?)[^.]{0,150}\b\d+(\.\d+)? ?(%|per cent)")],
    "ce-38": [("a follow-up review period after the diagnostic workshop",
               r"(follow[- ]up|review\w*)[^.]{0,150}(\d+|one|two|three|six) (weeks|months) (after|following)[^.]{0,60}(workshop|session|diagnostic)")],
}

POSITIVES = {
    "ae-04": "among children involved in serious violence, 40% had been permanently excluded",
    "ae-09": "the codes for cumberland and westmorland will be published by 1 september 2024",
    "ae-14": "dfe's bank of templates now holds 20 templates for local areas",
    "ae-20": "the social worker must liaise with health professionals within five working days",
    "ae-24": "prospective adopters must receive the health summary within four weeks",
    "ae-30": "ccgs should spend 5% of their budget on looked-after children",
    "ae-33": "dfe will host quarterly forums for wave 1 and wave 2 areas",
    "ae-39": "practice supervisors must act within 24 hours",
    "ce-03": "schools must review their reporting systems every term",
    "ce-06": "a child who displays harmful sexual behaviour must be referred within 24 hours",
    "ce-09": "the algorithm is run at 2am each night",
    "ce-12": "dfe will stop collecting cin plan dates from 2025",
    "ce-16": "councils must follow up each child every two weeks until the child is registered",
    "ce-19": "the first contact with the family must happen within 24 hours of the referral",
    "ce-22": "details are sent four weeks before the collection goes live",
    "ce-26": "health care for an adopted child should stay the same for 12 months after the adoption order",
    "ce-29": "chronologies were prepared for 80% of court cases",
    "ce-33": "posts were offered on 18-month contracts",
    "ce-35": "60% of wave 2 frontline staff felt unready to deliver fnsps",
    "ce-38": "d2i recommends a follow-up review of the actions three months after the workshop",
}

# Key words of each answer (answerable questions) and each checkable claim:
# every regex must occur on the same page.  The checker searches all pages of
# all ten documents, fails if no gold page of the row is among the pages
# where they co-occur, and lists (with -v) co-occurrence pages the row does
# not cite, for review.
KEYWORDS = {
    # ask
    "ae-01": [r"wide continuum", r"developmentally expected"],
    "ae-02": [r"child maltreatment", r"theft or robbery"],
    "ae-03": [r"ambit of another convention right", r"article 14 will be engaged"],
    "ae-05": [r"yony 07", r"ending in the year"],
    "ae-06": [r"initially introduced as new data items", r"child.s journey"],
    "ae-07": [r"creating a problem by reporting sexual violence", r"ashamed for making a report"],
    "ae-08": [r"publicised notification routes", r"key stakeholders"],
    "ae-10": [r"no intention of taking any initiative", r"new information"],
    "ae-11": [r"without a known destination", r"custody"],
    "ae-12": [r"senior management and lead members", r"regular monitoring"],
    "ae-13": [r"legal, regulatory, procedural and performance frameworks", r"practice supervisors"],
    "ae-15": [r"first interactions with families", r"help that is available"],
    "ae-16": [r"where they can live", r"financially stable"],
    "ae-17": [r"proactive in sharing their concerns", r"new or evolving risks"],
    "ae-18": [r"prompt action and early intervention", r"suitable education"],
    "ae-19": [r"information materials", r"exercise their rights"],
    "ae-21": [r"do not change overnight", r"adopted"],
    "ae-22": [r"secondary healthcare in the area authority", r"camhs"],
    "ae-23": [r"must give agreement for such care", r"ongoing review"],
    "ae-25": [r"constantly on edge", r"timeframe"],
    "ae-26": [r"group of children sexually assaulting", r"single child"],
    "ae-27": [r"access to records manager", r"straight forward process"],
    "ae-28": [r"art and crafts", r"it.s my life festival"],
    "ae-29": [r"fixed term contracts", r"creates inconsistency"],
    "ae-31": [r"equivalent in another la", r"in the room"],
    "ae-32": [r"crisis intervention", r"keep children with their families"],
    "ae-34": [r"bank of templates", r"job descriptions"],
    "ae-35": [r"clear expectations on the role that partner agencies", r"specifically the police"],
    "ae-36": [r"critically analyse and reflect", r"take rapid action"],
    "ae-37": [r"liaise with relevant health professionals", r"not being followed up"],
    "ae-38": [r"well promoted, easily understood", r"confidently report"],
    "ae-40": [r"placed in their area by other local authorities", r"sufficient resources"],
    # check (supported and contradicted)
    "ce-01": [r"developmentally inappropriate", r"developmental damage"],
    "ce-02": [r"cyber-enabled", r"happen off-line"],
    "ce-04": [r"services were no longer required", r"rc1 to rc7"],
    "ce-05": [r"supervised activity which is paid", r"youth clubs"],
    "ce-07": [r"106-113", r"multi-agency working"],
    "ce-08": [r"any source", r"redesign major components"],
    "ce-10": [r"yony 07", r"25 per cent or more"],
    "ce-11": [r"fathers as well as mothers", r"suitable education"],
    "ce-13": [r"specific detailed arrangements", r"work best in their area"],
    "ce-14": [r"disproportionality", r"minority groups"],
    "ce-15": [r"where possible, should be prioritised", r"co-location"],
    "ce-17": [r"full cooperation of other organisations"],
    "ce-18": [r"ex-partners and family members"],
    "ce-20": [r"children who move between areas", r"share information with other"],
    "ce-21": [r"lawful basis before you begin processing", r"document it"],
    "ce-23": [r"prospective adopters and care leavers", r"continuing health needs"],
    "ce-24": [r"far reaching effects", r"emotional well-being and mental health needs"],
    "ce-25": [r"nearer the time", r"dfe sign-in"],
    "ce-27": [r"limited search functionality", r"recorded multiple times"],
    "ce-28": [r"continue to be muted", r"jargon"],
    "ce-30": [r"forms with no flexibility", r"largely found to be unhelpful"],
    "ce-31": [r"adoption agencies and panels", r"timely medical advice"],
    "ce-32": [r"limited direct engagement", r"cross-government collaboration"],
    "ce-34": [r"would not have awarded it", r"reservations"],
    "ce-36": [r"headteachers", r"align with some of their priorities"],
    "ce-37": [r"still hard to fill a post", r"extended 1 year"],
    "ce-39": [r"equally expert social workers", r"lead practitioner for complex cases"],
    "ce-40": [r"across regional boundaries"],
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
        rid = f"ae-{i:02d}"
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
        rid = f"ce-{i:02d}"
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
        rid = f"se-{i:02d}"
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
    for rows, key, prefix in ((ask, "question", "ae"), (check, "claim", "ce"), (search, "query", "se")):
        for r in rows:
            if key not in r or (prefix == "se" and r.get("kind") == "exact"):
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
