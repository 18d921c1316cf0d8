#!/usr/bin/env python3
"""Checker for the probe20 hand-labelled evaluation set.

Adapted from the probe19 checker (ids, UNANSWERABLE, ACRONYMS, ABSENT and
POSITIVES changed; the checks themselves are unchanged).  Loads ask.jsonl, check.jsonl and search.jsonl from this
folder and checks:

* ids (va-/vc-/vs- prefixes, two digits, in order), row counts and keys;
* exactly the eight rows listed in UNANSWERABLE are unanswerable (answers []
  and gold []), and every other question has answers and gold;
* the verdict balance (14 supported, 14 contradicted, 12 not_found), that no
  verdict occurs three times in a row, and that between 20 and 32 claims carry
  a figure (a digit or a number word, see FIGURE_RX);
* the search kinds (exact, paraphrase, acronym, table, figure, theme; exactly
  5 each, 30 in all);
* the shape of every gold entry (doc, page, contains), 1-4 gold entries per
  answerable question, checkable claim and search query, 3-12 words per
  `contains`, and that the page exists.  PDF pages are 1-based pdftotext
  indices; the DOCX has no pages, so its page must be null;
* that every gold `contains` string is on its page.  Each cited page is
  extracted twice, `pdftotext -f N -l N` (plain) and `pdftotext -layout -f N
  -l N`; the DOCX is word/document.xml with the tags stripped.  Both sides are
  normalised the same way (NFKC, which also splits ligatures; lower case;
  straight quotes and dashes; soft hyphens removed; whitespace collapsed).  A
  third and fourth variant also join words hyphenated across a line break
  ("safe-\nguarding" -> "safeguarding").  A gold entry passes if it matches
  any variant.  With --plain-only it must match the plain extraction;
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

Usage: python3 verify_probe.py [--docs DIR] [-v] [--plain-only]
Exits non-zero on any failure.
"""

import argparse
import json
import os
import re
import subprocess
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

KINDS = ("exact", "paraphrase", "acronym", "table", "figure", "theme")
EXACT_KIND_COUNTS = {k: 5 for k in KINDS}

UNANSWERABLE = {"va-05", "va-09", "va-14", "va-19", "va-24", "va-28", "va-33", "va-38"}

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
    "vs-03": ("qts", r"qualified teacher status"),
    "vs-09": ("taf", r"team around the family"),
    "vs-15": ("ukcis", r"uk council for internet safety"),
    "vs-21": ("echr", r"european convention (on|of) human rights"),
    "vs-27": ("ceas", r"children's education advisory service"),
}

# Evidence of absence.  For every unanswerable question and not_found claim:
# (what is checked, regex over the normalised text of a page).  Every regex is
# searched over EVERY page of ALL ten documents (plain, -layout and
# de-hyphenated variants); any hit is a failure.  POSITIVES holds a made-up
# sentence for each row that the regex must match, so no regex is vacuous.
NUM = (r"(\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fourteen|fifteen"
       r"|eighteen|twenty|twenty-four|twenty-eight|thirty|forty-five)")
MONTHS = (r"(january|february|march|april|may|june|july|august|september|october|november"
          r"|december)")
ABSENT = {
    # unanswerable questions
    "va-05": [("a retention period for unsuccessful candidates' application forms",
               r"unsuccessful (candidates?|applicants?|applications?)"
               r"|application forms?[^.]{0,150}(retain|retention|kept|keep|destroy|delete)"
               r"|(retain|retention|kept|keep|destroy|delete)[^.]{0,100}application forms?")],
    "va-09": [("an average number of hours a week spent working directly with families",
               r"\b\d+(\.\d+)? hours (a|per|each) week|average of \d+(\.\d+)? hours"
               r"|hours[^.]{0,40}(average|mean|median) (of|was|were) \d"
               r"|\d+(\.\d+)? hours[^.]{0,80}directly")],
    "va-14": [("a notice period for changing LA child IDs",
               r"(change|changing|changes)[^.]{0,80}(child id|\bids?\b)[^.]{0,200}\b" + NUM
               + r" (working )?(days|weeks|months)"
               r"|\b" + NUM + r" (working )?(days|weeks|months)'? (notice|in advance)[^.]{0,120}"
               r"(child id|\bids?\b)")],
    "va-19": [("a launch or adoption year for the Essex Co-Parenting Pledge",
               r"(co-parenting pledge|we care about you|pledge)[^.]{0,150}\b(19|20)\d\d\b"
               r"|\b(19|20)\d\d\b[^.]{0,100}(co-parenting pledge|we care about you)")],
    "va-24": [("a date or deadline for publishing a kinship care policy",
               r"(kinship care polic(y|ies)|polic(y|ies)[^.]{0,120}kinship)[^.]{0,200}"
               r"(\b20\d\d\b|\bby " + MONTHS + r"|within " + NUM + r" (weeks|months))"
               r"|\b(by|before) (\d+ )?" + MONTHS + r"[^.]{0,150}kinship care polic")],
    "va-28": [("a number of days or hours for referring an allegation to the LADO",
               r"lado[^.]{0,150}\b(within|no later than)\b[^.]{0,40}\b" + NUM
               + r" (working )?(days?|hours?)"
               r"|\b(within|no later than) " + NUM + r" (working )?(days?|hours?)[^.]{0,120}lado")],
    "va-33": [("the Article 8(2) grounds for interference with private and family life",
               r"article 8\(2\)|\b8\(2\)|national security|public safety|economic well-?being"
               r"|prevention of disorder|protection of health or morals"
               r"|rights and freedoms of others")],
    "va-38": [("a measured time saving from North Yorkshire's one click tool",
               r"one.click[^.]{0,200}(\d|minutes|hours|per cent|%)"
               r"|(\d+ (minutes|hours)|\d+ ?%|per cent)[^.]{0,100}one.click")],
    # not_found claims
    "vc-03": [("a duty to publish an annual report (on looked-after children's health)",
               r"annual report|report[^.]{0,60}(annually|every year|each year)"
               r"|publish[^.]{0,100}(annual|yearly|every year)")],
    "vc-06": [("a retention period for an agency's written notification of checks",
               r"written notification[^.]{0,200}\b" + NUM + r" (years?|months?)"
               r"|(kept|retain|retained|keep)[^.]{0,80}notification[^.]{0,100}(years?|months?)")],
    "vc-10": [("an amendment to the Human Rights Act or a safeguarding exception to Article 8",
               r"human rights act[^.]{0,150}(amended|amendment)"
               r"|(amended|amendment)[^.]{0,100}human rights act"
               r"|article 8[^.]{0,150}exception|exception to article 8")],
    "vc-13": [("an attendance figure for the It's My Life festival",
               r"it's my life[^.]{0,250}\b\d{3,}\b"
               r"|\b\d{3,}\b[^.]{0,120}(attend|attended|attendance)[^.]{0,80}it's my life"
               r"|around \d+ children[^.]{0,100}festival")],
    "vc-14": [("a qualification for the Wave 1 learning mentors",
               r"learning mentors?[^.]{0,200}(teacher|qualified|qualification)"
               r"|(teacher|qualified)[^.]{0,100}learning mentors?")],
    "vc-18": [("a lunch break or break length in the D2I day",
               r"lunch ?break[^.]{0,60}(minutes?|hours?)|(minutes?|hours?)[^.]{0,30}lunch"
               r"|\bbreaks?\b[^.]{0,60}(minutes?|hours?)|(d2i|diagnostic|session)[^.]{0,150}lunch")],
    "vc-22": [("a requirement to submit the census return more than once",
               r"(submit|submission|upload|load)[^.]{0,150}(twice|at least (two|2)|two (times|submissions))"
               r"|(twice|two submissions)[^.]{0,60}(to collect|the (census )?return)")],
    "vc-25": [("a retention period for CCTV footage",
               r"cctv[^.]{0,200}(days?|weeks?|months?|retain|retained|kept|keep)"
               r"|(retain|keep|kept)[^.]{0,60}footage")],
    "vc-29": [("a qualification for the kinship care responsible manager",
               r"responsible manager[^.]{0,200}(qualified|social worker|registered)"
               r"|(qualified|registered) social worker[^.]{0,100}kinship")],
    "vc-32": [("a time limit for a YOT telling a school about release from custody",
               r"(youth offending|\byots?\b|youth justice)[^.]{0,250}\b(within|no later than)\b[^.]{0,40}"
               r"(days?|weeks?)"
               r"|releas(e|ed)[^.]{0,100}(custody|detention)[^.]{0,100}(within|days)")],
    "vc-36": [("a delay to the Families First roll-out",
               r"(delay|delayed|postpone|postponed|pause|paused)[^.]{0,150}(families first|roll.?out)"
               r"|(families first|roll.?out)[^.]{0,150}(delayed|postponed|paused)")],
    "vc-39": [("a qualification requirement for parental representatives",
               r"parental represent[^.]{0,200}(social work|qualif|registered)"
               r"|representatives? (must|should) (be|hold)[^.]{0,80}(qualif|social work|registered)")],
}

POSITIVES = {
    "va-05": "application forms of unsuccessful candidates should be kept for six months",
    "va-09": "respondents spent an average of 12.5 hours per week working directly with families",
    "va-14": "any change to la child ids must be notified to dfe at least 30 days in advance",
    "va-19": "the essex co-parenting pledge 'we care about you' was launched in 2019",
    "va-24": "local authorities must publish their kinship care policy by april 2024",
    "va-28": "schools should refer allegations to the lado within one working day",
    "va-33": "article 8(2) permits interference in the interests of national security or public safety",
    "va-38": "the one click tool saved practitioners 20 minutes per case",
    "vc-03": "nhs england must publish an annual report on the health of looked-after children",
    "vc-06": "the written notification from the agency must be kept for six years",
    "vc-10": "the human rights act 1998 was amended in 2023 to make safeguarding an exception to article 8",
    "vc-13": "around 500 children and young people attend it's my life each year",
    "vc-14": "the four learning mentors were all qualified teachers",
    "vc-18": "the template recommends a 90-minute lunch break between the sessions",
    "vc-22": "local authorities must submit the return to collect at least twice",
    "vc-25": "schools should retain cctv footage for at least 30 days",
    "vc-29": "the named responsible manager for kinship care must be a qualified social worker",
    "vc-32": "yot workers must inform the school within five days of release from custody",
    "vc-36": "the dfe has delayed the families first roll-out",
    "vc-39": "parental representatives must hold a social work qualification",
}

def norm(s):
    s = unicodedata.normalize("NFKC", s).lower()
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


class Pages:
    """Per-page text of the documents, extracted on demand and cached."""

    def __init__(self, docs_dir):
        self.docs_dir = docs_dir
        self.cache = {}
        self.npages = {}

    def count(self, doc):
        if is_docx(doc):
            return 1
        if doc not in self.npages:
            out = subprocess.run(
                ["pdfinfo", os.path.join(self.docs_dir, doc)],
                capture_output=True, text=True, check=True,
            ).stdout
            self.npages[doc] = int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))
        return self.npages[doc]

    def texts(self, doc, page):
        key = (doc, page)
        if key in self.cache:
            return self.cache[key]
        path = os.path.join(self.docs_dir, doc)
        if is_docx(doc):
            with zipfile.ZipFile(path) as z:
                xml = z.read("word/document.xml").decode("utf-8")
            xml = re.sub(r"</w:p>", "\n", xml)
            raws = [re.sub(r"<[^>]+>", "", xml), re.sub(r"<[^>]+>", " ", xml)]
        else:
            raws = []
            for extra in ([], ["-layout"]):
                r = subprocess.run(
                    ["pdftotext", *extra, "-f", str(page), "-l", str(page), path, "-"],
                    capture_output=True, text=True, check=True,
                )
                raws.append(r.stdout)
        out = [norm(t) for t in raws]
        # hyphenation: join a word split by a hyphen at a line break
        out += [norm(dehyphenate(t)) for t in raws]
        self.cache[key] = out
        return out


def dehyphenate(t):
    t = unicodedata.normalize("NFKC", t)
    for d in DASHES:
        t = t.replace(d, "-")
    return re.sub(r"(?<=[A-Za-z])-[ \t]*\n[ \t]*(?=[a-z])", "", t)


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
        return found

    absent_log = []

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
        rid = f"va-{i:02d}"
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
        rid = f"vc-{i:02d}"
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
        rid = f"vs-{i:02d}"
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
                t = ts[0] if c in ts[0] else ts[1]
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
    print(f"gold entries checked: {ngold}; ABSENT rows checked: {len(ABSENT)}")
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
