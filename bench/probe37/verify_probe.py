#!/usr/bin/env python3
"""Checker for the probe37 hand-labelled evaluation set.

Adapted from the probe36 checker.  What changed: ids (ad-/cd-/sd-), and
this set's UNANSWERABLE, ACRONYMS, ABSENT, POSITIVES and KEYWORDS tables.
Every step is the probe36 one.  The verdict balance is 14 supported, 14
contradicted, 12 not_found.  As in probe24-36, the page text comes from
pypdfium2 and pypdf (poppler is not installed here).  Run it with the
project venv:

    /work/main/.venv/bin/python bench/probe37/verify_probe.py [-v] [--plain-only]

It loads ask.jsonl, check.jsonl and search.jsonl from this folder and checks:

* ids (ad-/cd-/sd- prefixes, two digits, in order), row counts and keys;
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

UNANSWERABLE = {"ad-05", "ad-10", "ad-15", "ad-19", "ad-24", "ad-29", "ad-34", "ad-38"}

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
    "sd-03": ("neet", r"not in education, employment or training"),
    "sd-09": ("lcpp", r"lead child protection practitioner"),
    "sd-15": ("vshs", r"virtual school heads"),
    "sd-21": ("cic", r"children in care"),
    "sd-27": ("ccgs", r"clinical commissioning groups"),
}

# Evidence of absence.  For every unanswerable question and not_found claim:
# (what is checked, regex over the normalised text of a page).  Every regex is
# searched over EVERY page of ALL ten documents (pypdfium2, pypdf and
# de-hyphenated variants); any hit is a failure.  POSITIVES holds a made-up
# sentence for each row that the regex must match, so no regex is vacuous.
ABSENT = {
    # unanswerable questions
    "ad-05": [("a deadline for meeting a victim's parents after a report of sexual violence",
               r"(meet|meeting)[^.]{0,150}parents?[^.]{0,100}within (\d+|one|two|three|five|seven|ten) "
               r"(hours|days|working days|school days)"
               r"|parents?[^.]{0,60}within (\d+|two|three|five) (school |working )?days[^.]{0,100}(sexual violence|victim)")],
    "ad-10": [("a share of the budget to be spent on early help",
               r"(budget|funding|spend\w*)[^.]{0,100}\b\d+(\.\d+)? ?(%|per cent)[^.]{0,100}early help"
               r"|\b\d+(\.\d+)? ?(%|per cent) of (their |the |its )?(budget|funding|spend\w*)")],
    "ad-15": [("a frequency for telling children and families about decisions",
               r"(information|updates?)[^.]{0,100}decisions?[^.]{0,100}(every (\d+|two|four|six) (weeks|months)|monthly|weekly|fortnightly)"
               r"|(every (\d+|two|four|six) (weeks|months)|monthly|fortnightly)[^.]{0,100}(information|updates?)[^.]{0,60}decisions?")],
    "ad-19": [("a fine or penalty for a late census return",
               r"(fine|penalt\w+)[^.]{0,100}(late|deadline)|£ ?\d[\d,]*[^.]{0,100}late (return|submission)")],
    "ad-24": [("a deadline in days for answering a request to share information",
               r"request\w*[^.]{0,150}within (\d+|one|two|three|five|ten|a) (working |calendar )?(days?|month)"
               r"|within (\d+|five|ten) (working )?days[^.]{0,100}request\w*")],
    "ad-29": [("a maximum length for a health plan",
               r"health plans?[^.]{0,150}\b(\d+|one|two|three|four|five|ten) pages?\b"
               r"|(no (longer|more) than|maximum of) (\d+|two|three|four|five) pages")],
    "ad-34": [("a year for introducing later life letters",
               r"later life letters?[^.]{0,200}\b(by|in|from) 20\d\d|\b(by|in) 20\d\d[^.]{0,150}later life letters?")],
    "ad-38": [("a number of participants for a diagnostic workshop",
               r"(workshop|diagnostic|session)[^.]{0,150}\b(\d+|six|eight|ten|twelve) (or more )?(participants|attendees|people)"
               r"|\b(\d+|six|eight|ten|twelve) (participants|attendees|people)[^.]{0,100}(workshop|diagnostic|session)")],
    # not_found claims
    "cd-03": [("a deadline for meeting a victim's parents",
               r"(meet|meeting)[^.]{0,150}parents?[^.]{0,100}within (\d+|one|two|three|five|24|48|forty-eight) "
               r"(hours|days|working days|school days)")],
    "cd-06": [("a deadline for the police to tell the LADO an investigation has ended",
               r"lado[^.]{0,150}within (\d+|one|two|24|48) (working )?(hours|days?)"
               r"|within (\d+|one|two|24|48) (working )?(hours|days?)[^.]{0,100}lado")],
    "cd-09": [("a deadline for a referral to the housing authority",
               r"housing authority[^.]{0,150}within (\d+|one|two|three|five|ten) (working |school )?(hours|days|weeks)"
               r"|within (\d+|five|ten) (working )?days[^.]{0,150}housing authority")],
    "cd-14": [("a four-weekly or other fixed cycle for updating families on decisions",
               r"(information|updates?)[^.]{0,100}decisions?[^.]{0,100}(every (\d+|two|four|six) (weeks|months)|monthly|fortnightly)"
               r"|(at least once every|every) (\d+|four) weeks[^.]{0,100}(children|families)")],
    "cd-17": [("a minimum share of the budget for early help",
               r"(at least|minimum of) \d+(\.\d+)? ?(%|per cent)[^.]{0,100}(budget|early help)"
               r"|\b\d+(\.\d+)? ?(%|per cent) of (their |the |its )?(children's services )?(budget|funding)")],
    "cd-21": [("a deadline for resolving census overlap queries",
               r"overlap\w*[^.]{0,150}within (\d+|five|ten|two) (working )?days"
               r"|quer(y|ies)[^.]{0,100}(resolved|answered|explained)[^.]{0,60}within (\d+|five|ten) (working )?days")],
    "cd-24": [("a deadline in school days for reasonable enquiries",
               r"reasonable enquiries[^.]{0,200}within (\d+|ten|fifteen|twenty) (school |working )?days"
               r"|within (\d+|fifteen) (school |working )?days[^.]{0,100}reasonable enquiries")],
    "cd-27": [("a deadline in hours for recording an information sharing decision",
               r"record\w*[^.]{0,100}within (\d+|24|48|twenty-four) hours"
               r"|within (\d+|24) hours[^.]{0,100}record\w*")],
    "cd-30": [("a review cycle for information sharing protocols",
               r"protocols?[^.]{0,150}(review\w*|updated)[^.]{0,60}(every (\d+|two|three) years|annual\w*|each year|biennial\w*)")],
    "cd-33": [("a share of parents who felt ignored by their family support worker",
               r"(ignored|not listened)[^.]{0,150}\b(\d+(\.\d+)? ?(%|per cent)|a third|one third|half)"
               r"|\b(\d+(\.\d+)? ?(%|per cent)|a third|one third)[^.]{0,150}(ignored|not listened)")],
    "cd-36": [("a minimum number of workshop participants",
               r"(workshop|diagnostic|session)[^.]{0,150}(at least|minimum of) (\d+|six|eight|ten) (participants|attendees|people)"
               r"|(at least|minimum of) (\d+|six|eight|ten) (participants|attendees|people)")],
    "cd-39": [("a publication year for the data and digital strategy",
               r"(data and digital strategy|digital strategy)[^.]{0,100}(published|launched|released) in 20\d\d"
               r"|strategy[^.]{0,100}(published|launched) in 20\d\d")],
}

POSITIVES = {
    "ad-05": "the school must meet the victim's parents within five days of the report",
    "ad-10": "leaders must spend 25% of their budget on early help",
    "ad-15": "every area provides information to children on the decisions being made about their lives every four weeks",
    "ad-19": "a penalty of £500 applies to any local authority whose return is late",
    "ad-24": "practitioners should respond to a request to share information within five working days",
    "ad-29": "a health plan should be no longer than four pages",
    "ad-34": "essex will introduce later life letters for all children in care by 2026",
    "ad-38": "the diagnostic workshop works best with 12 participants",
    "cd-03": "the school must meet the victim's parents within 48 hours",
    "cd-06": "the police must inform the lado within 24 hours",
    "cd-09": "the dsl must refer the family to the local housing authority within five working days",
    "cd-14": "every area gives children and families an update on decisions about their lives every four weeks",
    "cd-17": "leaders must spend at least 30% of their children's services budget on early help",
    "cd-21": "local authorities must resolve overlap queries within five working days",
    "cd-24": "schools must complete reasonable enquiries within 15 school days",
    "cd-27": "practitioners must record each decision within 24 hours",
    "cd-30": "information sharing protocols must be reviewed every two years",
    "cd-33": "a third of parents said their family support worker ignored them",
    "cd-36": "the diagnostic workshop needs at least eight participants",
    "cd-39": "the children's social care data and digital strategy was published in 2023",
}

# Key words of each answer (answerable questions) and each checkable claim:
# every regex must occur on the same page.  The checker searches all pages of
# all ten documents, fails if no gold page of the row is among the pages
# where they co-occur, and lists (with -v) co-occurrence pages the row does
# not cite, for review.
KEYWORDS = {
    # ask
    "ad-01": [r"when to inform the individual", r"lado"],
    "ad-02": [r"member of staff.s family", r"risk assessment of the situation"],
    "ad-03": [r"inform the lado and the employer immediately", r"without charge"],
    "ad-04": [r"prejudice an investigation", r"subsequent prosecution"],
    "ad-06": [r"additional risk", r"informing a parent or carer"],
    "ad-07": [r"designated safeguarding lead", r"generally attend any such meetings"],
    "ad-08": [r"household debt", r"rent arrears", r"asked to leave a property"],
    "ad-09": [r"16- and 17-year-olds", r"lead agency"],
    "ad-11": [r"value for money", r"interventions that make a difference"],
    "ad-12": [r"intentionally try to hide", r"curious"],
    "ad-13": [r"before a case is taken to court", r"throughout court proceedings"],
    "ad-14": [r"less willing to engage", r"overcome"],
    "ad-16": [r"family group decision making", r"private family time"],
    "ad-17": [r"plan reviews?", r"required timescales"],
    "ad-18": [r"code 9", r"male or female"],
    "ad-20": [r"\bn7\b", r"standard state entitlements", r"reserved"],
    "ad-21": [r"prostitution", r"section 47"],
    "ad-22": [r"reasonable enquiries", r"degree of flexibility"],
    "ad-23": [r"access rules", r"fair and safe data processing"],
    "ad-25": [r"first and most important consideration", r"safeguarding of a child"],
    "ad-26": [r"directors of public health", r"lead members"],
    "ad-27": [r"commissioning effective services|delivering through provider organisations"],
    "ad-28": [r"fear about sharing", r"need to know"],
    "ad-30": [r"box at the end for actions", r"last visit"],
    "ad-31": [r"useful to understanding the case", r"duplication"],
    "ad-32": [r"positive language", r"reduce jargon", r"write directly to the child"],
    "ad-33": [r"later life letters", r"adoption"],
    "ad-35": [r"section 47 cases", r"manager of the social worker"],
    "ad-36": [r"feeling ignored", r"listened to"],
    "ad-37": [r"supporting families programme", r"family hubs"],
    "ad-39": [r"mood of the room", r"its own sake"],
    "ad-40": [r"data and digital strategy", r"standards"],
    # check (supported and contradicted)
    "cd-01": [r"alleged perpetrator", r"reason behind any decisions"],
    "cd-02": [r"close an investigation without charge", r"lado"],
    "cd-04": [r"disciplinary action", r"whilst other investigations"],
    "cd-05": [r"unreasonable or irrational", r"independent investigation"],
    "cd-07": [r"should not assume a colleague", r"take action"],
    "cd-08": [r"local housing authority", r"not, replace a referral"],
    "cd-10": [r"16- and 17-year-olds", r"lead agency", r"children.s social care"],
    "cd-11": [r"wishes and feelings are taken into account", r"what action to take"],
    "cd-12": [r"prioritise funding", r"help families early"],
    "cd-13": [r"wishes and feelings", r"independently from the views of parents"],
    "cd-15": [r"before a case is taken to court", r"views"],
    "cd-16": [r"strategic responses are ethical", r"data is collected"],
    "cd-18": [r"amended category", r"latest category of abuse"],
    "cd-19": [r"expected date of birth", r"must not be included within the census return"],
    "cd-20": [r"section 47", r"should not overlap", r"query any overlaps"],
    "cd-22": [r"differ from case to case", r"locate a child"],
    "cd-23": [r"daily attendance register", r"monitor"],
    "cd-25": [r"first and most important consideration", r"safeguarding of a child"],
    "cd-26": [r"common law duty of confidentiality", r"setting this aside"],
    "cd-28": [r"looked after as a result of abuse and neglect"],
    "cd-29": [r"informed decisions about their health", r"age and understanding"],
    "cd-31": [r"pay for her social care files", r"practice in essex"],
    "cd-32": [r"level of understanding", r"competency"],
    "cd-34": [r"lcpp", r"facilitated scheduling"],
    "cd-35": [r"audit trail", r"right decisions"],
    "cd-37": [r"only one stage of the diagnostic"],
    "cd-38": [r"multiple government programmes", r"simultaneously"],
    "cd-40": [r"which route they should choose", r"split in roles"],
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
        rid = f"ad-{i:02d}"
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
        rid = f"cd-{i:02d}"
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
        rid = f"sd-{i:02d}"
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
