#!/usr/bin/env python3
"""Structural and evidence checker for the probe7 hand-labelled evaluation set.

Checks ask.jsonl, check.jsonl and search.jsonl against the source documents.
Uses only the Python standard library plus the pdftotext / pdfinfo tools.

Usage:
    python3 verify_probe.py [--dir FOLDER] [--docs DOCS_FOLDER]

Exits 0 only if every check passes; otherwise prints each failure and exits 1.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import subprocess
import sys
import unicodedata
import zipfile
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_DOCS = Path("/work/shared/real/docs")

ASK_KEYS = {"id", "question", "answers", "gold"}
CHECK_KEYS = {"id", "claim", "verdict", "gold"}
SEARCH_KEYS = {"id", "query", "kind", "gold"}
GOLD_KEYS = {"doc", "page", "contains"}

VERDICT_COUNTS = {"supported": 14, "contradicted": 14, "not_found": 12}
KIND_COUNTS = {
    "exact": 4,
    "theme": 5,
    "paraphrase": 6,
    "acronym": 4,
    "typo": 4,
    "number": 3,
    "table": 4,
}
MIN_DIGIT_FREE = {"supported": 8, "contradicted": 8}
ASK_PER_DOC = (2, 5)
# words, then "(acronym)" within a short distance, e.g. "impact assessment (dpia)"
EXPANSION = r"[a-z]+[ -]+[a-z]+.{{0,40}}\(\s*{}s?\s*\)"

SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2032\u0060\u00b4"
DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u2033"
DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"


def normalise(text: str) -> str:
    """NFKC, lower case, straight quotes and dashes, collapsed whitespace."""
    text = unicodedata.normalize("NFKC", text).lower()
    for ch in SINGLE_QUOTES:
        text = text.replace(ch, "'")
    for ch in DOUBLE_QUOTES:
        text = text.replace(ch, '"')
    for ch in DASHES:
        text = text.replace(ch, "-")
    return re.sub(r"\s+", " ", text).strip()


def words(text: str) -> list[str]:
    return re.findall(r"[a-z]+", normalise(text))


class Corpus:
    """Lazily extracted, normalised page texts (plain and -layout)."""

    def __init__(self, docs: Path):
        self.docs = docs
        self.names = sorted(p.name for p in docs.iterdir() if p.is_file())
        self._pages: dict[str, int] = {}
        self._text: dict[tuple[str, int | None], tuple[str, str]] = {}

    def page_count(self, name: str) -> int:
        if name not in self._pages:
            out = subprocess.run(
                ["pdfinfo", str(self.docs / name)],
                capture_output=True, text=True, check=True,
            ).stdout
            self._pages[name] = int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))
        return self._pages[name]

    def text(self, name: str, page: int | None) -> tuple[str, str]:
        key = (name, page)
        if key not in self._text:
            path = self.docs / name
            if name.lower().endswith(".docx"):
                xml = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
                xml = xml.replace("</w:p>", "\n").replace("<w:tab/>", "\t")
                plain = normalise(html.unescape(re.sub(r"<[^>]+>", "", xml)))
                self._text[key] = (plain, plain)
            else:
                outs = []
                for extra in ([], ["-layout"]):
                    cmd = ["pdftotext", *extra, "-f", str(page), "-l", str(page), str(path), "-"]
                    res = subprocess.run(cmd, capture_output=True, text=True, check=True)
                    outs.append(normalise(res.stdout))
                self._text[key] = (outs[0], outs[1])
        return self._text[key]

    def all_keys(self):
        for name in self.names:
            if name.lower().endswith(".pdf"):
                for p in range(1, self.page_count(name) + 1):
                    yield name, p
            elif name.lower().endswith(".docx"):
                yield name, None

    def vocabulary(self) -> set[str]:
        vocab: set[str] = set()
        for name, page in self.all_keys():
            for t in self.text(name, page):
                vocab.update(re.findall(r"[a-z]+", t))
        return vocab


class Checker:
    def __init__(self, folder: Path, docs: Path):
        self.folder = folder
        self.corpus = Corpus(docs)
        self.errors: list[str] = []
        self.n_checks = 0

    def fail(self, msg: str) -> None:
        self.errors.append(msg)

    def expect(self, cond: bool, msg: str) -> bool:
        self.n_checks += 1
        if not cond:
            self.fail(msg)
        return cond

    # ------------------------------------------------------------------ io
    def load(self, fname: str) -> list[dict]:
        path = self.folder / fname
        rows: list[dict] = []
        if not self.expect(path.is_file(), f"{fname}: file missing"):
            return rows
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            self.fail(f"{fname}: not valid UTF-8")
            return rows
        for n, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                self.fail(f"{fname}:{n}: blank line")
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                self.fail(f"{fname}:{n}: bad JSON ({exc})")
                continue
            if not isinstance(obj, dict):
                self.fail(f"{fname}:{n}: not a JSON object")
                continue
            rows.append(obj)
        return rows

    def keys_ok(self, where: str, row: dict, keys: set[str]) -> bool:
        return self.expect(set(row) == keys, f"{where}: keys {sorted(row)} != {sorted(keys)}")

    # ---------------------------------------------------------------- gold
    def check_gold(self, where: str, gold, allow_empty: bool) -> None:
        if not self.expect(isinstance(gold, list), f"{where}: gold is not a list"):
            return
        if not allow_empty:
            self.expect(len(gold) > 0, f"{where}: gold is empty")
        for j, g in enumerate(gold):
            w = f"{where} gold[{j}]"
            if not self.expect(isinstance(g, dict) and set(g) == GOLD_KEYS,
                               f"{w}: keys must be {sorted(GOLD_KEYS)}"):
                continue
            doc, page, contains = g["doc"], g["page"], g["contains"]
            if not self.expect(doc in self.corpus.names, f"{w}: unknown doc {doc!r}"):
                continue
            if doc.lower().endswith(".docx"):
                if not self.expect(page is None, f"{w}: DOCX page must be null"):
                    continue
            else:
                if not self.expect(isinstance(page, int) and not isinstance(page, bool),
                                   f"{w}: page must be an int"):
                    continue
                npages = self.corpus.page_count(doc)
                if not self.expect(1 <= page <= npages,
                                   f"{w}: page {page} outside 1..{npages}"):
                    continue
            if not self.expect(isinstance(contains, str), f"{w}: contains not a string"):
                continue
            nw = len(contains.split())
            self.expect(3 <= nw <= 12, f"{w}: contains has {nw} words (need 3-12)")
            needle = normalise(contains)
            plain, layout = self.corpus.text(doc, page)
            self.expect(needle in plain or needle in layout,
                        f"{w}: {contains!r} not found on {doc} p{page}")

    def gold_docs(self, gold) -> set[str]:
        return {g.get("doc") for g in gold if isinstance(g, dict)}

    def page_texts(self, gold) -> list[str]:
        out = []
        for g in gold:
            try:
                out.extend(self.corpus.text(g["doc"], g["page"]))
            except Exception:  # noqa: BLE001 - reported elsewhere
                pass
        return out

    # ----------------------------------------------------------------- ask
    def check_ask(self) -> None:
        rows = self.load("ask.jsonl")
        self.expect(len(rows) == 40, f"ask.jsonl: {len(rows)} rows (need 40)")
        per_doc: Counter = Counter()
        for i, r in enumerate(rows, 1):
            rid = f"qa-{i:02d}"
            where = f"ask {r.get('id', '?')}"
            if not self.keys_ok(where, r, ASK_KEYS):
                continue
            self.expect(r["id"] == rid, f"{where}: id should be {rid}")
            self.expect(isinstance(r["question"], str) and len(r["question"].split()) >= 4,
                        f"{where}: question missing or too short")
            answers = r["answers"]
            good = isinstance(answers, list) and all(
                isinstance(a, str) and a.strip() for a in answers)
            if not self.expect(good, f"{where}: answers must be a list of non-empty strings"):
                continue
            if i % 5 == 0:
                self.expect(answers == [] and r["gold"] == [],
                            f"{where}: every 5th row must be unanswerable (answers [] and gold [])")
                continue
            self.expect(len(answers) > 0, f"{where}: answerable row has no answers")
            self.check_gold(where, r["gold"], allow_empty=False)
            docs = self.gold_docs(r["gold"])
            self.expect(len(docs) == 1, f"{where}: gold should point into a single document")
            per_doc.update(docs)
            texts = self.page_texts(r["gold"])
            self.expect(any(normalise(a) in t for a in answers for t in texts),
                        f"{where}: no accepted answer appears on its gold pages")
        lo, hi = ASK_PER_DOC
        for name in self.corpus.names:
            self.expect(lo <= per_doc[name] <= hi,
                        f"ask: {name} has {per_doc[name]} answerable rows (need {lo}-{hi})")

    # --------------------------------------------------------------- check
    def check_check(self) -> None:
        rows = self.load("check.jsonl")
        self.expect(len(rows) == 40, f"check.jsonl: {len(rows)} rows (need 40)")
        verdicts: list[str] = []
        digit_free: Counter = Counter()
        for i, r in enumerate(rows, 1):
            rid = f"qc-{i:02d}"
            where = f"check {r.get('id', '?')}"
            if not self.keys_ok(where, r, CHECK_KEYS):
                continue
            self.expect(r["id"] == rid, f"{where}: id should be {rid}")
            v = r["verdict"]
            if not self.expect(v in VERDICT_COUNTS, f"{where}: bad verdict {v!r}"):
                continue
            verdicts.append(v)
            claim = r["claim"]
            self.expect(isinstance(claim, str) and len(claim.split()) >= 5,
                        f"{where}: claim missing or too short")
            if v == "not_found":
                self.expect(r["gold"] == [], f"{where}: not_found rows must have empty gold")
            else:
                self.check_gold(where, r["gold"], allow_empty=False)
                if isinstance(claim, str) and not re.search(r"\d", claim):
                    digit_free[v] += 1
        counts = Counter(verdicts)
        for v, n in VERDICT_COUNTS.items():
            self.expect(counts[v] == n, f"check: {counts[v]} {v} rows (need {n})")
        for k in range(len(verdicts) - 2):
            self.expect(not (verdicts[k] == verdicts[k + 1] == verdicts[k + 2]),
                        f"check: verdict {verdicts[k]!r} three times in a row at qc-{k + 1:02d}")
        for v, n in MIN_DIGIT_FREE.items():
            self.expect(digit_free[v] >= n,
                        f"check: only {digit_free[v]} digit-free {v} claims (need >= {n})")

    # -------------------------------------------------------------- search
    def check_search(self) -> None:
        rows = self.load("search.jsonl")
        self.expect(len(rows) == 30, f"search.jsonl: {len(rows)} rows (need 30)")
        kinds: Counter = Counter()
        vocab = None
        for i, r in enumerate(rows, 1):
            rid = f"qs-{i:02d}"
            where = f"search {r.get('id', '?')}"
            if not self.keys_ok(where, r, SEARCH_KEYS):
                continue
            self.expect(r["id"] == rid, f"{where}: id should be {rid}")
            kind, query, gold = r["kind"], r["query"], r["gold"]
            if not self.expect(kind in KIND_COUNTS, f"{where}: bad kind {kind!r}"):
                continue
            kinds[kind] += 1
            if not self.expect(isinstance(query, str) and query.strip(), f"{where}: empty query"):
                continue
            if not self.expect(isinstance(gold, list) and 1 <= len(gold) <= 4,
                               f"{where}: gold must have 1-4 entries"):
                continue
            self.check_gold(where, gold, allow_empty=False)
            pages = [(g.get("doc"), g.get("page")) for g in gold if isinstance(g, dict)]
            self.expect(len(pages) == len(set(pages)), f"{where}: duplicate gold page")
            texts = self.page_texts(gold)
            if kind == "paraphrase":
                qlong = {w for w in words(query) if len(w) >= 5}
                for g in gold:
                    shared = qlong & {w for w in words(g.get("contains", "")) if len(w) >= 5}
                    self.expect(not shared,
                                f"{where}: paraphrase shares words {sorted(shared)} with gold")
            elif kind == "exact":
                phrase = normalise(query).strip('"\' ')
                for g in gold:
                    pt = self.corpus.text(g["doc"], g["page"])
                    self.expect(phrase in pt[0] or phrase in pt[1],
                                f"{where}: exact phrase {phrase!r} not on {g['doc']} p{g['page']}")
            elif kind == "acronym":
                acrs = re.findall(r"\b[A-Z]{2,6}s?\b", query)
                if self.expect(bool(acrs), f"{where}: acronym query has no acronym"):
                    for g in gold:
                        pt = self.corpus.text(g["doc"], g["page"])
                        pats = [EXPANSION.format(re.escape(a.lower().rstrip("s")))
                                for a in acrs]
                        ok = any(re.search(pat, t) for pat in pats for t in pt)
                        self.expect(ok, f"{where}: no 'expansion (ACRONYM)' on "
                                        f"{g['doc']} p{g['page']}")
            elif kind == "typo":
                if vocab is None:
                    vocab = self.corpus.vocabulary()
                odd = [w for w in words(query) if len(w) >= 4 and w not in vocab]
                self.expect(bool(odd), f"{where}: typo query has no misspelt word")
            elif kind == "number":
                nums = re.findall(r"\d[\d,]*", query)
                if self.expect(bool(nums), f"{where}: number query has no digits"):
                    self.expect(all(any(n in t for t in texts) for n in nums),
                                f"{where}: a number in the query is missing from its gold pages")
        for k, n in KIND_COUNTS.items():
            self.expect(kinds[k] == n, f"search: {kinds[k]} {k} rows (need {n})")

    def run(self) -> int:
        self.check_ask()
        self.check_check()
        self.check_search()
        if self.errors:
            for e in self.errors:
                print("FAIL:", e)
            print(f"{len(self.errors)} failure(s) in {self.n_checks} checks")
            return 1
        print(f"OK: all {self.n_checks} checks passed")
        return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dir", type=Path, default=HERE, help="folder holding the jsonl files")
    ap.add_argument("--docs", type=Path, default=DEFAULT_DOCS,
                    help="folder holding the source documents")
    args = ap.parse_args(argv)
    return Checker(args.dir, args.docs).run()


if __name__ == "__main__":
    sys.exit(main())
