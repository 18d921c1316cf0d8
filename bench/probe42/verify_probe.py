#!/usr/bin/env python3
"""Checker for the probe42 hand-labelled evaluation set.

Adapted from the probe41 checker.  What changed: ids (ai-/ci-/si-) and this
set's UNANSWERABLE, ACRONYMS, ABSENT, POSITIVES and KEYWORDS tables.  Every
step, including COPY, is the probe41 one.  The verdict balance is 14
supported, 14 contradicted, 12 not_found.  The page text comes from
pypdfium2 and pypdf (poppler is not installed here).  Run it with the
project venv:

    /work/main/.venv/bin/python bench/probe42/verify_probe.py [-v] [--plain-only]

It loads ask.jsonl, check.jsonl and search.jsonl from this folder and checks:

* ids (ai-/ci-/si- prefixes, two digits, in order), row counts and keys;
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

UNANSWERABLE = {"ai-05", "ai-10", "ai-14", "ai-19", "ai-24", "ai-28", "ai-33", "ai-38"}

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
    "si-03": ("cafcass", r"children and family court advisory and support service"),
    "si-09": ("iros", r"independent reviewing officers"),
    "si-15": ("iwf", r"internet watch foundation"),
    "si-21": ("ffcp", r"families first for children pathfinder"),
    "si-27": ("hmrc", r"hm revenue and customs"),
}

# Evidence of absence.  For every unanswerable question and not_found claim:
# (what is checked, regex over the normalised text of a page).  Every regex is
# searched over EVERY page of ALL ten documents (pypdfium2, pypdf and
# de-hyphenated variants); any hit is a failure.  POSITIVES holds a made-up
# sentence for each row that the regex must match, so no regex is vacuous.

ABSENT = {
    # unanswerable questions
    "ai-05": [
        ("a length in hours, minutes, sessions or modules for the Wellbeing for education recovery content",
         r"wellbeing for education recovery[^.]{0,200}\b(\d+|one|two|three|four|five|six|ten) ?(hours?|minutes?|sessions?|modules?)\b"),
    ],
    "ai-10": [
        ("a price, fee or licence cost for using the SDQ",
         r"(sdqs?|strengths and difficulties questionnaires?)\b[^.]{0,200}(£|licen[cs]e fee|\bfees?\b|\bcosts? (£|\d)|free of charge|\bprice\b)"
         r"|(£|licen[cs]e fee)[^.]{0,100}\bsdq"),
    ],
    "ai-14": [
        ("an email address for CME enquiries",
         r"(children missing education|\bcme\b)[^.]{0,200}[a-z0-9._-]+@[a-z0-9.-]+|[a-z0-9._-]*cme[a-z0-9._-]*@[a-z0-9.-]+"),
    ],
    "ai-19": [
        ("a head count of business support staff per team",
         r"business support[^.]{0,150}\b(\d+|one|two|three|four|five|six) (staff|officers|workers|posts|administrators|members of staff|fte)\b"
         r"|\b(\d+|two|three|four|five|six) (business support|administrative) (staff|officers|workers|posts)"),
    ],
    "ai-24": [
        ("a sum of pathfinder funding for Redbridge",
         r"redbridge[^.]{0,250}(£|million|funding of|received|allocated|grant of)"
         r"|(£ ?[\d,.]+|\d+ ?million)[^.]{0,150}redbridge"),
    ],
    "ai-28": [
        ("a length for the May NVEST meeting",
         r"may nvest meeting[^.]{0,200}(\b\d+ (hours?|minutes?)|\b\d\d?[.:]\d\d|lasted)"
         r"|nvest meeting (in|on) may[^.]{0,200}(\b\d+ (hours?|minutes?)|\b\d\d?[.:]\d\d|lasted)"),
    ],
    "ai-33": [
        ("a count of councils that applied for Wave 2 and were not selected",
         r"(applied|applications?|bids?)[^.]{0,150}(not selected|unsuccessful|rejected|turned down|were not chosen)"
         r"|\b(\d+|twenty|thirty|forty) (local areas|local authorities|las|councils) (applied|bid|submitted)"),
    ],
    "ai-38": [
        ("a share of CIN census children in funded nursery provision",
         r"nursery[^.]{0,150}\b\d+ ?(%|per cent)|\b\d+ ?(%|per cent)[^.]{0,100}nursery"),
    ],
    # not_found claims
    "ci-03": [
        ("a school year from which consent must be taught",
         r"consent[^.]{0,100}\b(from|in|by) year \d+|\byear \d+\b[^.]{0,100}consent"),
    ],
    "ci-06": [
        ("a target or deadline for ending care leaver homelessness",
         r"homeless\w*[^.]{0,200}(by 20\d\d|\btarget|\d+ ?(%|per cent)|\bend\w* (care leaver )?homelessness)"
         r"|(\btarget|by 20\d\d)[^.]{0,100}homeless"),
    ],
    "ci-09": [
        ("SDQ scores sent to Ofsted",
         r"\bsdqs?\b[^.]{0,200}ofsted|ofsted[^.]{0,150}\bsdqs?\b"),
    ],
    "ci-12": [
        ("an annual review of councils against the CME checklist",
         r"checklist[^.]{0,150}(annual\w*|every year|each year|yearly|every \w+ months)"
         r"|(annual\w*|every year|each year)[^.]{0,100}checklist"),
    ],
    "ci-15": [
        ("a reassessment interval for children waiting for a service",
         r"waiting (for a service|list)[^.]{0,200}\b(\d+|three|six|twelve) (months?|weeks?)\b"
         r"|re-?assess\w*[^.]{0,80}every (\d+|three|six|twelve) (months?|weeks?)"),
    ],
    "ci-18": [
        ("a share of business support time spent on Home Office returns",
         r"(business support|administrative support|admin support)[^.]{0,200}(\d+ ?(%|per cent)|a third|half|a quarter|two-thirds) of (their|its|the) time"
         r"|home office[^.]{0,100}(\d+ ?(%|per cent)|a third|half) of"),
    ],
    "ci-21": [
        ("a time taken to fill specialist posts",
         r"(mental health|drugs and alcohol|specialist)[^.]{0,150}(posts?|roles?)[^.]{0,60}(filled|recruited)[^.]{0,40}(within|in) (\d+|one|two|three|six) (weeks?|months?)"
         r"|(posts?|roles?) (were|was) filled within"),
    ],
    "ci-24": [
        ("joint publication of the NVEST briefing with the DfE",
         r"briefing[^.]{0,150}(jointly|co-authored|co-published|together with the dfe|with the dfe)"),
    ],
    "ci-27": [
        ("an Ofsted inspection cycle in years",
         r"(ofsted|inspect\w*)[^.]{0,150}\b(every|once every|at least every|at least once every) (two|three|four|five|six|\d) years"),
    ],
    "ci-30": [
        ("an update year for NICE public health guidance 28",
         r"(public health guidance 28|\bph ?28\b)[^.]{0,150}\b(19|20)\d\d\b"),
    ],
    "ci-33": [
        ("a duty to appoint a named information sharing lead",
         r"information sharing lead|(appoint|name|designate)\w*[^.]{0,60}(lead|officer) for (information|data) sharing"),
    ],
    "ci-36": [
        ("a D2I office as the workshop location",
         r"d2i'?s? (own )?offices?|held at (the )?d2i|(workshop|session|diagnostic)[^.]{0,80}(held|run) at [^.]{0,40}offices?"),
    ],
}

POSITIVES = {
    "ai-05": "wellbeing for education recovery has 6 hours of content",
    "ai-10": "the sdq licence fee is £100 for each authority",
    "ai-14": "send children missing education enquiries to cme.enquiries@education.gov.uk",
    "ai-19": "each team had 3 business support staff",
    "ai-24": "redbridge received £2 million of pathfinder funding",
    "ai-28": "the may nvest meeting lasted 3 hours",
    "ai-33": "twenty councils applied for wave 2 but were not selected",
    "ai-38": "12 per cent of children were in nursery provision paid for by the council",
    "ci-03": "schools must teach consent from year 5",
    "ci-06": "councils should end care leaver homelessness by 2030",
    "ci-09": "councils send each child's sdq scores to ofsted annually",
    "ci-12": "councils should review themselves against the checklist every year",
    "ci-15": "children waiting for a service are reassessed every six months",
    "ci-18": "business support spent a third of their time on home office returns",
    "ci-21": "most specialist mental health posts were filled within three months",
    "ci-24": "the briefing was published jointly with the dfe",
    "ci-27": "ofsted inspects safeguarding at least once every four years",
    "ci-30": "nice public health guidance 28 was updated in 2021",
    "ci-33": "every organisation must appoint a named information sharing lead",
    "ci-36": "the workshop is held at d2i's own offices",
}

# Key words of each answer (answerable questions) and each checkable claim:
# every regex must occur on the same page.  The checker searches all pages of
# all ten documents, fails if no gold page of the row is among the pages
# where they co-occur, and lists (with -v) co-occurrence pages the row does
# not cite, for review.
KEYWORDS = {
    # ask
    "ai-01": [r"0800 0280285", r"whistleblowing advice line"],
    "ai-02": [r"'looked-after children' is unhelpful", r"deliberate choice to use 'children in care'"],
    "ai-03": [r"to become nhsei, which in july 2022 became simply nhs england"],
    "ai-04": [r"interactive guidance tool", r"lawful basis"],
    "ai-06": [r"technical updates only", r"working together to improve attendance"],
    "ai-07": [r"nursery provision where this is paid for by children's social care services", r"incur financial costs"],
    "ai-08": [r"6\. supervision - using supervision to generate ideas", r"confidently holding risk"],
    "ai-09": [r"local government finance policy statement 2025 to 2026", r"ringfenced"],
    "ai-11": [r"wellbeing for education recovery", r"bereavement, loss, anxiety, stress and trauma"],
    "ai-12": [r"initial indicators will be developed from data that is currently available"],
    "ai-13": [r"service model \(vision\)", r"several tries"],
    "ai-15": [r"honest information about drugs - talk to frank"],
    "ai-16": [r"november 2009 to local authorities, primary care trusts and strategic health authorities"],
    "ai-17": [r"professional or legal duty to share", r"they should still be informed about what information sharing has taken place"],
    "ai-18": [r"waiting for a service", r"by definition, these are open cases"],
    "ai-20": [r"home office annex a returns", r"unaccompanied asylum seeking children"],
    "ai-21": [r"align alternative provision and send provision in schools"],
    "ai-22": [r"observing short listed candidates", r"recognised as good practice"],
    "ai-23": [r"authorised professional practice for policing"],
    "ai-25": [r"the children's food trust learning network", r"useful resources"],
    "ai-26": [r"nhs digital - data security and information governance hub", r"nhsx information guidance hub"],
    "ai-27": [r"including those new to the area or the country"],
    "ai-29": [r"create and embed a culture of openness, trust and transparency"],
    "ai-30": [r"government digital standard \(gds\) service manual"],
    "ai-31": [r"family in acute stress", r"loss of employment"],
    "ai-32": [r"lesson plans to teach consent at key stage 3 and 4"],
    "ai-34": [r"safeguarding accountability and assurance framework", r"alphabetical"],
    "ai-35": [r"protecting children and young people: the responsibilities of all doctors", r"general medical council"],
    "ai-36": [r"availability of school places and availability of places with alternative providers"],
    "ai-37": [r"grandparent, brother, sister, uncle, or aunt", r"a married stepparent, including a civil partner"],
    "ai-39": [r"potential false low-level concerns or misunderstandings"],
    "ai-40": [r"contextual safeguarding", r"beyond referrals", r"self-assessment toolkit"],
    # check (supported and contradicted)
    "ci-01": [r"implication that adults and children are equal", r"further probing"],
    "ci-02": [r"lesson plans to teach consent at key stage 3 and 4"],
    "ci-04": [r"the term 'looked-after children' is unhelpful"],
    "ci-05": [r"initial indicators will be developed from data that is currently available"],
    "ci-07": [r"internationally validated and simple to administer"],
    "ci-08": [r"relates only to the part completed by the carer"],
    "ci-10": [r"know in advance which agencies or organisations you are able to share safeguarding information with"],
    "ci-11": [r"technical updates only"],
    "ci-13": [r"provision via adult's social care service teams", r"incur financial costs"],
    "ci-14": [r"nursery provision where this is paid for by children's social care services", r"not reimbursed"],
    "ci-16": [r"raising quarterly purchase orders through the corporate payment system"],
    "ci-17": [r"there are six principles", r"6\. supervision"],
    "ci-19": [r"communication from senior leadership had already been completed across all local areas", r"february 2025"],
    "ci-20": [r"local government finance policy statement 2025 to 2026", r"ringfenced"],
    "ci-22": [r"july 10th 15:00 - 16:30", r"standards working group"],
    "ci-23": [r"shouldn't feel bound to their first idea", r"service model \(vision\)"],
    "ci-25": [r"safe time from the team for a call can be booked", r"refuge"],
    "ci-26": [r"honest information about drugs - talk to frank"],
    "ci-28": [r"indicators in the dashboard will evolve", r"data gaps"],
    "ci-29": [r"november 2009 to local authorities, primary care trusts and strategic health authorities"],
    "ci-31": [r"nhs digital - data security and information governance hub"],
    "ci-32": [r"education had been left out in the design and development stage"],
    "ci-34": [r"family in acute stress", r"loss of employment", r"reduced income"],
    "ci-35": [r"set out their low-level concerns policy within their staff code of conduct"],
    "ci-37": [r"availability of school places and availability of places with alternative providers"],
    "ci-38": [r"to become nhsei, which in july 2022 became simply nhs england"],
    "ci-39": [r"all minimum expectations within this pillar were either already in place or in the design/planning phase"],
    "ci-40": [r"professional or legal duty to share", r"they should still be informed about what information sharing has taken place"],
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
        rid = f"ai-{i:02d}"
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
        rid = f"ci-{i:02d}"
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
        rid = f"si-{i:02d}"
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
    for rows, key, prefix in ((ask, "question", "ai"), (check, "claim", "ci"), (search, "query", "si")):
        for r in rows:
            if key not in r or (prefix == "si" and r.get("kind") == "exact"):
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
