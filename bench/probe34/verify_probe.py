#!/usr/bin/env python3
"""Checker for the probe34 hand-labelled evaluation set.

Adapted from the probe33 checker.  What changed: ids (ca-/cc-/cs-),
UNANSWERABLE, ACRONYMS, ABSENT and POSITIVES are this set's, and the
verdict balance is 14 supported, 14 contradicted, 12 not_found.  The
completeness check is kept (see below).  As in probe24, the page text
comes from pypdfium2 and pypdf (poppler is not installed here).  Run it with the project venv:

    /work/main/.venv/bin/python bench/probe34/verify_probe.py [-v] [--plain-only]

It loads ask.jsonl, check.jsonl and search.jsonl from this folder and checks:

* ids (ca-/cc-/cs- prefixes, two digits, in order), row counts and keys;
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

UNANSWERABLE = {"ca-02", "ca-06", "ca-11", "ca-16", "ca-21", "ca-26", "ca-31", "ca-36"}

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
    "cs-03": ("ehrc", r"equality and human rights commission"),
    "cs-09": ("cps", r"crown prosecution service"),
    "cs-15": ("cmh", r"case management hearing"),
    "cs-21": ("ecc", r"essex county council"),
    "cs-27": ("ias", r"information, advice and support"),
}

# Evidence of absence.  For every unanswerable question and not_found claim:
# (what is checked, regex over the normalised text of a page).  Every regex is
# searched over EVERY page of ALL ten documents (pypdfium2, pypdf and
# de-hyphenated variants); any hit is a failure.  POSITIVES holds a made-up
# sentence for each row that the regex must match, so no regex is vacuous.
ABSENT = {
    # unanswerable questions
    "ca-02": [("a fine for failing to make a DBS referral",
               r"\bfine[sd]?\b[^.]{0,120}(refer\w*|\bdbs\b|barring)"
               r"|(refer\w*|\bdbs\b|barring)[^.]{0,120}(\bfine[sd]?\b|unlimited fine|£ ?\d)")],
    "ca-06": [("a prison sentence for FGM",
               r"(\bfgm\b|female genital mutilation)[^.]{0,200}\b(\d+|seven|fourteen) years?\b"
               r"|(imprisonment|prison sentence|maximum (sentence|penalty))[^.]{0,150}(\bfgm\b|genital)")],
    "ca-11": [("a BMI threshold for looked-after children",
               r"\bbmi\b|body mass index")],
    "ca-16": [("an hourly rate paid to Essex project workers or peer researchers",
               r"£ ?\d+(\.\d+)? ?(per|an|a) hour|\bhourly (rate|pay)\b"
               r"|(project workers?|peer researchers?|co-researchers?)[^.]{0,100}\bpaid\b[^.]{0,60}£")],
    "ca-21": [("a number of contact attempts before referral",
               r"\b(\d+|two|three|four|five) (contact |separate |unsuccessful )?attempts\b"
               r"|attempt\w* to (contact|make contact)[^.]{0,80}\b(\d+|two|three|four) times\b")],
    "ca-26": [("a national count of looked-after children",
               r"\b\d{2,3},\d{3} (children )?(looked[- ]after|in care)"
               r"|(children (looked after|in care)|looked[- ]after children)[^.]{0,80}\b\d{2,3},\d{3}\b")],
    "ca-31": [("a count of police officers in multi-agency child protection teams",
               r"\b(\d+|two|three|four|five|six) (police )?officers?\b[^.]{0,120}(macpts?|multi-agency child protection|second\w*)"
               r"|(macpts?|multi-agency child protection teams?)[^.]{0,150}\b(\d+|two|three|four|five|six) (police )?officers\b")],
    "ca-36": [("a national count of census validation errors",
               r"\b\d{1,3}(,\d{3})+ (validation )?(errors|queries)"
               r"|(errors|queries)[^.]{0,80}(raised|nationally|last year)[^.]{0,60}\b\d{1,3}(,\d{3})+\b")],
    # not_found claims
    "cc-03": [("reporting a decision not to appoint to the DBS within a deadline",
               r"(not to appoint|decision not to)[^.]{0,150}(report|notify|tell)\w*[^.]{0,80}\b(dbs|disclosure and barring)\b"
               r"|(report|notify)\w*[^.]{0,60}\b(dbs|disclosure and barring service)\b[^.]{0,60}within (\d+|ten|five) (working )?days")],
    "cc-06": [("a minimum period of post-reunification support",
               r"(post-reunification|after reunification|reunified|returns? home)[^.]{0,150}\b(\d+|twelve|six|three) (months|weeks)"
               r"|\b(\d+|twelve|six) months\b[^.]{0,100}(post-reunification|reunif\w*)")],
    "cc-11": [("a planned count of safeguarding partners to interview",
               r"\b\d+ (safeguarding partners|stakeholders|interviews?)\b[^.]{0,100}(next phase|phase (3|three)|future)"
               r"|(next phase|phase (3|three))[^.]{0,150}\b\d{2,} (safeguarding partners|stakeholders|interviews)")],
    "cc-15": [("a measured fall in missed appointments",
               r"(missed |did not attend|\bdna\b)[^.]{0,100}\b\d+ ?(%|per cent)"
               r"|appointments? system[^.]{0,150}\b\d+ ?(%|per cent)")],
    "cc-18": [("a mandatory field for immigration status",
               r"(immigration status|citizenship|nationality)[^.]{0,120}(mandatory|compulsory|required field)"
               r"|(mandatory|compulsory) (field|item)[^.]{0,100}(immigration|citizenship|nationality)")],
    "cc-21": [("a designated doctor approving a disclosure",
               r"designated (doctor|nurse|professional)s?[^.]{0,150}(approv\w*|sign\w* off|authoris\w*)"
               r"|(approv\w*|authoris\w*)[^.]{0,100}designated (doctor|nurse)")],
    "cc-24": [("two clinicians confirming a psychiatric diagnosis",
               r"\b(two|2) (clinicians|doctors|psychiatrists|medical practitioners|consultants)\b")],
    "cc-28": [("publishing the D2I diagnostic report on a website",
               r"(diagnostic|d2i)[^.]{0,120}publish\w*[^.]{0,60}(website|online)"
               r"|publish\w*[^.]{0,60}(website|online)[^.]{0,80}(diagnostic|d2i)")],
    "cc-31": [("a review cycle for information sharing policies",
               r"(polic(y|ies)|procedures)[^.]{0,120}review\w*[^.]{0,60}\b(every|each) (two|2|three|3) years\b"
               r"|review\w*[^.]{0,120}(polic(y|ies)|procedures)[^.]{0,40}\b(every|each) (two|2|three|3) years\b"
               r"|\bbiennial\w*")],
    "cc-34": [("vouchers or payments to interviewed families",
               r"\bvouchers?\b[^.]{0,120}(famil\w*|parents?|interview\w*|participa\w*)"
               r"|(famil\w*|parents?|participants?)[^.]{0,100}(\bvouchers?\b|thank[- ]you payment|incentive)")],
    "cc-36": [("a formal agreement between Essex and Danish partners",
               r"(agreement|memorandum|partnership)[^.]{0,120}(danish|denmark|copenhagen)"
               r"|(danish|denmark|copenhagen)[^.]{0,120}(agreement|memorandum|signed)")],
    "cc-39": [("monitoring pupils' personal social media accounts",
               r"monitor\w*[^.]{0,80}(personal )?social media accounts"
               r"|social media accounts[^.]{0,100}monitor\w*")],
}

POSITIVES = {
    "ca-02": "a school that fails to refer to the dbs faces an unlimited fine",
    "ca-06": "under the fgm act the maximum sentence is 14 years in prison",
    "ca-11": "a bmi above 30 should trigger a referral to the paediatrician",
    "ca-16": "project workers were paid £15 per hour for their time",
    "ca-21": "schools should make three attempts to contact the family before referring",
    "ca-26": "there were 83,840 children looked after in england",
    "ca-31": "each area seconded four police officers into the multi-agency child protection teams",
    "ca-36": "1,250 validation errors were raised nationally last year",
    "cc-03": "a decision not to appoint must be reported to the dbs within 10 days",
    "cc-06": "post-reunification support should continue for 12 months",
    "cc-11": "300 safeguarding partners will be interviewed in the next phase",
    "cc-15": "missed appointments fell by 20% under the new system",
    "cc-18": "immigration status is a mandatory field on the system",
    "cc-21": "the designated doctor must approve any disclosure without consent",
    "cc-24": "the diagnosis must be confirmed by two clinicians",
    "cc-28": "the diagnostic report will be published on the d2i website",
    "cc-31": "agencies should review their information sharing policies every two years",
    "cc-34": "families were given £20 vouchers for taking part in the interviews",
    "cc-36": "essex signed a partnership agreement with the danish national archives",
    "cc-39": "schools must monitor the personal social media accounts of the pupils involved",
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

    # ------------------------------------------------------------------ ask
    ask = load("ask.jsonl")
    if len(ask) != 40:
        fail(f"ask.jsonl: {len(ask)} rows, want 40")
    unans = 0
    for i, r in enumerate(ask, 1):
        rid = f"ca-{i:02d}"
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
        rid = f"cc-{i:02d}"
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
            check_gold(rid, r["gold"], 1, 4)
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
        rid = f"cs-{i:02d}"
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
