#!/usr/bin/env python3
"""Independent checker for the probe6 hand-labelled evaluation set.

Checks ask.jsonl, check.jsonl and search.jsonl in this folder against the
ten source documents. Uses only the standard library plus the poppler
command-line tools (pdftotext, pdfinfo). Exit code 0 means every check passed.

Usage: python3 verify_probe.py [--docs DIR] [--dir DIR]
"""

import argparse
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

QUOTES = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
}
DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u00ad"


def normalise(text):
    text = unicodedata.normalize("NFKC", text).lower()
    for src, dst in QUOTES.items():
        text = text.replace(src, dst)
    for dash in DASHES:
        text = text.replace(dash, "-")
    return re.sub(r"\s+", " ", text).strip()


class Corpus:
    """Lazily extracts and caches normalised page text."""

    def __init__(self, docs_dir):
        self.docs_dir = docs_dir
        self.page_counts = {}
        self.cache = {}

    def exists(self, name):
        return (self.docs_dir / name).is_file()

    def is_docx(self, name):
        return name.lower().endswith(".docx")

    def n_pages(self, name):
        if name not in self.page_counts:
            out = subprocess.run(
                ["pdfinfo", str(self.docs_dir / name)],
                capture_output=True, text=True, check=True,
            ).stdout
            match = re.search(r"^Pages:\s+(\d+)", out, re.M)
            self.page_counts[name] = int(match.group(1)) if match else 0
        return self.page_counts[name]

    def texts(self, name, page):
        """Return the normalised extractions (plain and -layout) of one page."""
        key = (name, page)
        if key in self.cache:
            return self.cache[key]
        path = self.docs_dir / name
        if self.is_docx(name):
            with zipfile.ZipFile(path) as zf:
                xml = zf.read("word/document.xml").decode("utf-8")
            xml = re.sub(r"</w:p>", "\n", xml)
            xml = re.sub(r"<w:tab/>", "\t", xml)
            raw = re.sub(r"<[^>]+>", "", xml)
            for ent, ch in (("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"'),
                            ("&apos;", "'"), ("&amp;", "&")):
                raw = raw.replace(ent, ch)
            result = [normalise(raw)]
        else:
            result = []
            for extra in ([], ["-layout"]):
                cmd = ["pdftotext", *extra, "-f", str(page), "-l", str(page),
                       str(path), "-"]
                out = subprocess.run(cmd, capture_output=True, check=True).stdout
                result.append(normalise(out.decode("utf-8", errors="replace")))
        self.cache[key] = result
        return result


def long_words(text):
    return {w for w in re.findall(r"[a-z]+", normalise(text)) if len(w) >= 5}


def load(path, errors):
    rows = []
    if not path.is_file():
        errors.append(f"{path.name}: file missing")
        return rows
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            errors.append(f"{path.name}:{n}: blank line")
            continue
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as exc:
            errors.append(f"{path.name}:{n}: bad JSON ({exc})")
    return rows


def check_ids(rows, prefix, total, fname, errors):
    if len(rows) != total:
        errors.append(f"{fname}: expected {total} rows, found {len(rows)}")
    for i, row in enumerate(rows, 1):
        want = f"{prefix}-{i:02d}"
        if row.get("id") != want:
            errors.append(f"{fname}: row {i} has id {row.get('id')!r}, expected {want}")


def check_gold(entries, rid, corpus, errors, stats):
    if not isinstance(entries, list):
        errors.append(f"{rid}: gold is not a list")
        return
    for j, entry in enumerate(entries, 1):
        tag = f"{rid} gold[{j}]"
        if not isinstance(entry, dict) or set(entry) != GOLD_KEYS:
            errors.append(f"{tag}: keys must be exactly {sorted(GOLD_KEYS)}")
            continue
        doc, page, contains = entry["doc"], entry["page"], entry["contains"]
        if not isinstance(doc, str) or not corpus.exists(doc):
            errors.append(f"{tag}: document {doc!r} not found")
            continue
        if corpus.is_docx(doc):
            if page is not None:
                errors.append(f"{tag}: page must be null for a DOCX")
                continue
        else:
            if not isinstance(page, int) or isinstance(page, bool):
                errors.append(f"{tag}: page must be an integer")
                continue
            if not 1 <= page <= corpus.n_pages(doc):
                errors.append(f"{tag}: page {page} outside 1..{corpus.n_pages(doc)}")
                continue
        if not isinstance(contains, str):
            errors.append(f"{tag}: contains must be a string")
            continue
        n_words = len(contains.split())
        if not 3 <= n_words <= 12:
            errors.append(f"{tag}: contains has {n_words} words (need 3-12)")
        needle = normalise(contains)
        if not any(needle in text for text in corpus.texts(doc, page)):
            errors.append(f"{tag}: {contains!r} not found on {doc} p.{page}")
        else:
            stats["verified"] += 1
        stats["docs"][doc] += 1


def check_ask(rows, corpus, errors, stats):
    check_ids(rows, "qa", 40, "ask.jsonl", errors)
    per_doc = Counter()
    for i, row in enumerate(rows, 1):
        rid = row.get("id", f"ask row {i}")
        if set(row) != ASK_KEYS:
            errors.append(f"{rid}: keys must be exactly {sorted(ASK_KEYS)}")
            continue
        if not isinstance(row["question"], str) or not row["question"].strip():
            errors.append(f"{rid}: empty question")
        answers, gold = row["answers"], row["gold"]
        good = isinstance(answers, list) and all(isinstance(a, str) and a.strip() for a in answers)
        if not good:
            errors.append(f"{rid}: answers must be a list of non-empty strings")
        unanswerable = i % 5 == 0
        if unanswerable:
            if answers or gold:
                errors.append(f"{rid}: every 5th row must be unanswerable (answers [] and gold [])")
        else:
            if not answers:
                errors.append(f"{rid}: answerable row has no answers")
            if not gold:
                errors.append(f"{rid}: answerable row has no gold")
            for doc in {g.get("doc") for g in gold if isinstance(g, dict)}:
                per_doc[doc] += 1
        check_gold(gold, rid, corpus, errors, stats)
    for doc in sorted(p.name for p in corpus.docs_dir.iterdir() if p.is_file()):
        if not 2 <= per_doc[doc] <= 5:
            errors.append(f"ask.jsonl: {doc} has {per_doc[doc]} answerable questions (need 2-5)")
    stats["ask_per_doc"] = per_doc


def check_check(rows, corpus, errors, stats):
    check_ids(rows, "qc", 40, "check.jsonl", errors)
    verdicts = []
    no_figure = Counter()
    for i, row in enumerate(rows, 1):
        rid = row.get("id", f"check row {i}")
        if set(row) != CHECK_KEYS:
            errors.append(f"{rid}: keys must be exactly {sorted(CHECK_KEYS)}")
            continue
        verdict = row["verdict"]
        verdicts.append(verdict)
        if verdict not in VERDICT_COUNTS:
            errors.append(f"{rid}: unknown verdict {verdict!r}")
        if not isinstance(row["claim"], str) or not row["claim"].strip():
            errors.append(f"{rid}: empty claim")
        elif not re.search(r"\d", row["claim"]):
            no_figure[verdict] += 1
        if verdict == "not_found" and row["gold"]:
            errors.append(f"{rid}: not_found rows must have empty gold")
        if verdict in ("supported", "contradicted") and not row["gold"]:
            errors.append(f"{rid}: {verdict} row needs gold")
        check_gold(row["gold"], rid, corpus, errors, stats)
    counts = Counter(verdicts)
    for verdict, want in VERDICT_COUNTS.items():
        if counts[verdict] != want:
            errors.append(f"check.jsonl: {counts[verdict]} {verdict}, expected {want}")
    for k in range(len(verdicts) - 2):
        if verdicts[k] == verdicts[k + 1] == verdicts[k + 2]:
            errors.append(
                f"check.jsonl: verdict {verdicts[k]!r} three times in a row at qc-{k + 1:02d}"
            )
    for verdict in ("supported", "contradicted"):
        if no_figure[verdict] < 6:
            errors.append(
                f"check.jsonl: only {no_figure[verdict]} {verdict} claims without a figure (need 6)"
            )
    stats["no_figure"] = no_figure


def check_search(rows, corpus, errors, stats):
    check_ids(rows, "qs", 30, "search.jsonl", errors)
    kinds = Counter()
    for i, row in enumerate(rows, 1):
        rid = row.get("id", f"search row {i}")
        if set(row) != SEARCH_KEYS:
            errors.append(f"{rid}: keys must be exactly {sorted(SEARCH_KEYS)}")
            continue
        kind = row["kind"]
        kinds[kind] += 1
        if kind not in KIND_COUNTS:
            errors.append(f"{rid}: unknown kind {kind!r}")
        if not isinstance(row["query"], str) or not row["query"].strip():
            errors.append(f"{rid}: empty query")
        gold = row["gold"]
        if not isinstance(gold, list) or not 1 <= len(gold) <= 4:
            errors.append(f"{rid}: needs 1-4 gold entries")
        if kind == "paraphrase" and isinstance(gold, list):
            shared = set()
            for entry in gold:
                if isinstance(entry, dict) and isinstance(entry.get("contains"), str):
                    shared |= long_words(row["query"]) & long_words(entry["contains"])
            if shared:
                errors.append(f"{rid}: paraphrase shares words with gold: {sorted(shared)}")
        check_gold(gold, rid, corpus, errors, stats)
    for kind, want in KIND_COUNTS.items():
        if kinds[kind] != want:
            errors.append(f"search.jsonl: {kinds[kind]} {kind} queries, expected {want}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=Path, default=DEFAULT_DOCS)
    parser.add_argument("--dir", type=Path, default=HERE)
    args = parser.parse_args()

    corpus = Corpus(args.docs)
    errors = []
    stats = {"verified": 0, "docs": Counter()}
    check_ask(load(args.dir / "ask.jsonl", errors), corpus, errors, stats)
    check_check(load(args.dir / "check.jsonl", errors), corpus, errors, stats)
    check_search(load(args.dir / "search.jsonl", errors), corpus, errors, stats)

    for err in errors:
        print("FAIL", err)
    total = sum(stats["docs"].values())
    verified = f"{stats['verified']}/{total} gold entries verified"
    if errors:
        print(f"verify_probe: {len(errors)} problem(s); {verified}")
        return 1
    print(f"verify_probe: OK - ask 40, check 40, search 30; {verified}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
