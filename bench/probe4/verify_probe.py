#!/usr/bin/env python3
"""Stand-alone checker for the probe4 evaluation set.

Uses only the Python standard library plus the poppler tools ``pdftotext``
and ``pdfinfo`` (called through subprocess).  It checks the structure of
ask.jsonl, check.jsonl and search.jsonl and verifies every gold entry
against the text of the page it points to.

Usage:
    python3 verify_probe.py [--dir DIR] [--docs DOCS_DIR] [--verbose]

Exit status is 0 when everything is valid, 1 otherwise.
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
    "theme": 4,
    "paraphrase": 6,
    "acronym": 4,
    "typo": 4,
    "number": 4,
    "table": 4,
}
YES_NO = {"yes", "no"}

_CHAR_MAP = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u201f": '"',
    "\u2033": '"',
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u2015": "-",
    "\u2212": "-",
    "\u00ad": "",
    "\u00a0": " ",
}
_TRANS = str.maketrans(_CHAR_MAP)


def normalise(text: str) -> str:
    """NFKC, lower case, straight quotes and dashes, collapsed whitespace."""
    text = unicodedata.normalize("NFKC", text).translate(_TRANS).lower()
    return re.sub(r"\s+", " ", text).strip()


def long_words(text: str) -> set[str]:
    """Words of five or more letters (letters and digits), normalised."""
    return {w for w in re.findall(r"[a-z0-9]+", normalise(text)) if len(w) >= 5}


class Corpus:
    """Lazy, cached access to page texts of the ten documents."""

    def __init__(self, docs_dir: Path) -> None:
        self.docs_dir = docs_dir
        self._pages: dict[str, int] = {}
        self._text: dict[tuple[str, int | None], tuple[str, str]] = {}

    def exists(self, doc: str) -> bool:
        return (self.docs_dir / doc).is_file()

    def page_count(self, doc: str) -> int:
        if doc not in self._pages:
            out = subprocess.run(
                ["pdfinfo", str(self.docs_dir / doc)],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            match = re.search(r"^Pages:\s+(\d+)", out, re.MULTILINE)
            self._pages[doc] = int(match.group(1)) if match else 0
        return self._pages[doc]

    def _pdftotext(self, doc: str, page: int, layout: bool) -> str:
        cmd = ["pdftotext", "-f", str(page), "-l", str(page)]
        if layout:
            cmd.append("-layout")
        cmd += [str(self.docs_dir / doc), "-"]
        return subprocess.run(cmd, capture_output=True, check=True).stdout.decode(
            "utf-8", errors="replace"
        )

    def _docx(self, doc: str) -> str:
        with zipfile.ZipFile(self.docs_dir / doc) as zf:
            xml = zf.read("word/document.xml").decode("utf-8")
        xml = re.sub(r"</w:p>|<w:br[^>]*/>|<w:cr[^>]*/>", "\n", xml)
        xml = re.sub(r"<w:tab[^>]*/>", " ", xml)
        return html.unescape(re.sub(r"<[^>]+>", "", xml))

    def texts(self, doc: str, page: int | None) -> tuple[str, str]:
        """Normalised (plain, layout) texts of one page (DOCX: whole text twice)."""
        key = (doc, page)
        if key not in self._text:
            if doc.lower().endswith(".docx"):
                t = normalise(self._docx(doc))
                self._text[key] = (t, t)
            else:
                assert page is not None
                self._text[key] = (
                    normalise(self._pdftotext(doc, page, layout=False)),
                    normalise(self._pdftotext(doc, page, layout=True)),
                )
        return self._text[key]

    def contains(self, doc: str, page: int | None, needle: str) -> bool:
        n = normalise(needle)
        return any(n in t for t in self.texts(doc, page))


class Checker:
    def __init__(self, data_dir: Path, corpus: Corpus, verbose: bool) -> None:
        self.data_dir = data_dir
        self.corpus = corpus
        self.verbose = verbose
        self.errors: list[str] = []
        self.gold_checked = 0

    def err(self, where: str, msg: str) -> None:
        self.errors.append(f"{where}: {msg}")

    # ---- file level -------------------------------------------------------
    def load(self, name: str) -> list[dict]:
        path = self.data_dir / name
        rows: list[dict] = []
        if not path.is_file():
            self.err(name, "file missing")
            return rows
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                self.err(f"{name}:{n}", "blank line")
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                self.err(f"{name}:{n}", f"invalid JSON ({exc})")
                continue
            if not isinstance(obj, dict):
                self.err(f"{name}:{n}", "row is not a JSON object")
                continue
            rows.append(obj)
        return rows

    def check_ids(self, name: str, rows: list[dict], prefix: str, total: int) -> None:
        if len(rows) != total:
            self.err(name, f"expected {total} rows, found {len(rows)}")
        for i, row in enumerate(rows, 1):
            want = f"{prefix}-{i:02d}"
            if row.get("id") != want:
                self.err(name, f"row {i}: id {row.get('id')!r}, expected {want!r}")

    def check_keys(self, where: str, row: dict, keys: set[str]) -> bool:
        got = set(row)
        if got != keys:
            self.err(where, f"keys {sorted(got)} != {sorted(keys)}")
            return False
        return True

    # ---- gold entries -----------------------------------------------------
    def check_gold(self, where: str, gold: object, min_n: int, max_n: int) -> list[dict]:
        if not isinstance(gold, list):
            self.err(where, "gold is not a list")
            return []
        if not min_n <= len(gold) <= max_n:
            self.err(where, f"gold has {len(gold)} entries, expected {min_n}-{max_n}")
        good: list[dict] = []
        seen: set[tuple] = set()
        for j, g in enumerate(gold):
            w = f"{where} gold[{j}]"
            if not isinstance(g, dict) or not self.check_keys(w, g, GOLD_KEYS):
                continue
            doc, page, contains = g["doc"], g["page"], g["contains"]
            if not isinstance(doc, str) or not self.corpus.exists(doc):
                self.err(w, f"unknown document {doc!r}")
                continue
            if doc.lower().endswith(".docx"):
                if page is not None:
                    self.err(w, "page must be null for the DOCX")
                    continue
            elif doc.lower().endswith(".pdf"):
                if isinstance(page, bool) or not isinstance(page, int):
                    self.err(w, f"page {page!r} is not an integer")
                    continue
                if not 1 <= page <= self.corpus.page_count(doc):
                    self.err(w, f"page {page} outside 1..{self.corpus.page_count(doc)}")
                    continue
            else:
                self.err(w, "document is neither PDF nor DOCX")
                continue
            if not isinstance(contains, str):
                self.err(w, "contains is not a string")
                continue
            nwords = len(contains.split())
            if not 3 <= nwords <= 12:
                self.err(w, f"contains has {nwords} words (3-12 required)")
            if not self.corpus.contains(doc, page, contains):
                self.err(w, f"contains not found on {doc} p.{page}: {contains!r}")
                continue
            if (doc, page) in seen:
                self.err(w, f"duplicate gold page {doc} p.{page}")
            seen.add((doc, page))
            self.gold_checked += 1
            if self.verbose:
                print(f"ok   {w}: {doc} p.{page}")
            good.append(g)
        return good

    # ---- ask --------------------------------------------------------------
    def check_ask(self) -> int:
        name = "ask.jsonl"
        rows = self.load(name)
        self.check_ids(name, rows, "qa", 40)
        for i, row in enumerate(rows, 1):
            where = f"{name} {row.get('id')}"
            if not self.check_keys(where, row, ASK_KEYS):
                continue
            q, answers = row["question"], row["answers"]
            if not isinstance(q, str) or len(q.split()) < 4:
                self.err(where, "question missing or too short")
            if not isinstance(answers, list) or not all(
                isinstance(a, str) and a.strip() for a in answers
            ):
                self.err(where, "answers must be a list of non-empty strings")
                continue
            if i % 5 == 0:
                if answers or row["gold"]:
                    self.err(where, "every 5th row must be unanswerable ([] and [])")
                continue
            if not answers:
                self.err(where, "answerable row without answers")
            good = self.check_gold(where, row["gold"], 1, 6)
            if good and answers:
                found = any(
                    normalise(a) in t
                    for g in good
                    for t in self.corpus.texts(g["doc"], g["page"])
                    for a in answers
                    if normalise(a) not in YES_NO
                )
                if not found:
                    self.err(where, "no accepted answer occurs on any gold page")
        return len(rows)

    # ---- check ------------------------------------------------------------
    def check_check(self) -> int:
        name = "check.jsonl"
        rows = self.load(name)
        self.check_ids(name, rows, "qc", 40)
        counts = dict.fromkeys(VERDICT_COUNTS, 0)
        verdicts: list[str] = []
        for row in rows:
            where = f"{name} {row.get('id')}"
            if not self.check_keys(where, row, CHECK_KEYS):
                verdicts.append("?")
                continue
            v = row["verdict"]
            verdicts.append(v)
            if v not in counts:
                self.err(where, f"bad verdict {v!r}")
                continue
            counts[v] += 1
            if not isinstance(row["claim"], str) or len(row["claim"].split()) < 5:
                self.err(where, "claim missing or too short")
            if v == "not_found":
                if row["gold"] != []:
                    self.err(where, "not_found claims must have gold []")
            else:
                self.check_gold(where, row["gold"], 1, 4)
        if counts != VERDICT_COUNTS:
            self.err(name, f"verdict counts {counts} != {VERDICT_COUNTS}")
        for k in range(len(verdicts) - 2):
            if verdicts[k] == verdicts[k + 1] == verdicts[k + 2]:
                self.err(name, f"verdict {verdicts[k]!r} three times in a row from row {k + 1}")
        return len(rows)

    # ---- search -----------------------------------------------------------
    def check_search(self) -> int:
        name = "search.jsonl"
        rows = self.load(name)
        self.check_ids(name, rows, "qs", 30)
        counts = dict.fromkeys(KIND_COUNTS, 0)
        for row in rows:
            where = f"{name} {row.get('id')}"
            if not self.check_keys(where, row, SEARCH_KEYS):
                continue
            kind, query = row["kind"], row["query"]
            if kind not in counts:
                self.err(where, f"bad kind {kind!r}")
                continue
            counts[kind] += 1
            if not isinstance(query, str) or not query.strip():
                self.err(where, "empty query")
                continue
            good = self.check_gold(where, row["gold"], 1, 4)
            if kind == "paraphrase":
                qwords = long_words(query)
                for g in row["gold"] if isinstance(row["gold"], list) else []:
                    shared = qwords & long_words(str(g.get("contains", "")))
                    if shared:
                        self.err(where, f"paraphrase shares words with gold: {sorted(shared)}")
            if kind == "exact" and good:
                if not any(self.corpus.contains(g["doc"], g["page"], query) for g in good):
                    self.err(where, "exact query text not found on any gold page")
        if counts != KIND_COUNTS:
            self.err(name, f"kind counts {counts} != {KIND_COUNTS}")
        return len(rows)

    def run(self) -> int:
        n_ask = self.check_ask()
        n_check = self.check_check()
        n_search = self.check_search()
        if self.errors:
            for e in self.errors:
                print("ERROR", e)
            print(f"verify_probe: FAILED with {len(self.errors)} error(s)")
            return 1
        print(
            f"verify_probe: OK - ask {n_ask}, check {n_check}, search {n_search}; "
            f"{self.gold_checked} gold entries verified"
        )
        return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dir", type=Path, default=HERE, help="folder with the jsonl files")
    ap.add_argument("--docs", type=Path, default=DEFAULT_DOCS, help="folder with the documents")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args(argv)
    if not args.docs.is_dir():
        print(f"verify_probe: documents folder not found: {args.docs}")
        return 1
    return Checker(args.dir, Corpus(args.docs), args.verbose).run()


if __name__ == "__main__":
    sys.exit(main())
