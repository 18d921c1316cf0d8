#!/usr/bin/env python3
"""Check the probe3 evaluation set against the ten source documents.

Uses only the standard library plus the ``pdftotext`` command (poppler-utils).

What is checked:

* ask.jsonl, check.jsonl and search.jsonl parse, one JSON object per line, with
  exactly the expected keys;
* ids run qa-01..qa-40, qc-01..qc-40, qs-01..qs-30 in order;
* ask: 40 rows, rows 5, 10, ..., 40 are unanswerable (answers [] and gold []),
  the other 32 have at least one answer and one gold entry;
* check: 40 rows, 14 supported / 14 contradicted / 12 not_found, not_found rows
  have gold [], the others have gold, and no verdict repeats more than twice in a row;
* search: 30 rows, kinds exact 4, theme 4, paraphrase 6, acronym 4, typo 4,
  number 4, table 4, each with 1-4 gold entries;
* every gold entry names a known document and a valid page (null for the DOCX),
  its "contains" has 3-12 words and is found on that page in the plain OR the
  -layout pdftotext output (or the DOCX text), after NFKC normalisation,
  lower-casing, straightening curly quotes and dashes and collapsing whitespace;
* paraphrase queries share no word of 5 or more letters with their gold strings.

Usage:  python3 verify_probe.py [--docs DIR] [--quiet]
Exit status 0 when every check passes, 1 otherwise.
"""

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

DOCS = [
    "Children_in_need_census_2023_to_2024_guide_v1.0.pdf",
    "Children_missing_education_guidance_-_August_2024.pdf",
    "Childrens_Social_Care_National_Framework__Dec_2023.pdf",
    "D2I Data Service Diagnostic - Template v1.2 April 2024.docx",
    "Families_first_for_children_pathfinder_implementation_and_process_evaluation_report.pdf",
    "Info_sharing_advice_content_May_2024.pdf",
    "Keeping_children_safe_in_education_2025.pdf",
    "NVEST Newsletter June 25.pdf",
    "Promoting_the_health_and_well-being_of_looked-after_children_August_2022_update.pdf",
    "Understanding social worker recording (Essex).pdf",
]

CHAR_MAP = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
    "\u2015": "-", "\u2212": "-", "\u00ad": "", "\u00a0": " ",
}

KIND_COUNTS = {
    "exact": 4, "theme": 4, "paraphrase": 6, "acronym": 4,
    "typo": 4, "number": 4, "table": 4,
}
VERDICT_COUNTS = {"supported": 14, "contradicted": 14, "not_found": 12}


def normalise(text):
    text = unicodedata.normalize("NFKC", text).lower()
    for src, dst in CHAR_MAP.items():
        text = text.replace(src, dst)
    return re.sub(r"\s+", " ", text).strip()


def long_words(text):
    return {w for w in re.findall(r"[a-z0-9]+", normalise(text)) if len(w) >= 5}


class Pages:
    """Cache of normalised page texts, one list of variants per (doc, page)."""

    def __init__(self, docs_dir):
        self.docs_dir = docs_dir
        self.cache = {}
        self.page_counts = {}

    def count(self, doc):
        if doc not in self.page_counts:
            out = subprocess.run(
                ["pdfinfo", str(self.docs_dir / doc)],
                capture_output=True, text=True, check=True,
            ).stdout
            match = re.search(r"^Pages:\s+(\d+)", out, re.M)
            self.page_counts[doc] = int(match.group(1)) if match else 0
        return self.page_counts[doc]

    def variants(self, doc, page):
        key = (doc, page)
        if key not in self.cache:
            path = self.docs_dir / doc
            if doc.endswith(".docx"):
                with zipfile.ZipFile(path) as zf:
                    xml = zf.read("word/document.xml").decode("utf-8")
                xml = re.sub(r"</w:p>", "\n", xml)
                xml = re.sub(r"<w:tab/>|<w:br/>", " ", xml)
                self.cache[key] = [normalise(html.unescape(re.sub(r"<[^>]+>", "", xml)))]
            else:
                texts = []
                for extra in ([], ["-layout"]):
                    cmd = ["pdftotext", "-f", str(page), "-l", str(page), *extra, str(path), "-"]
                    res = subprocess.run(cmd, capture_output=True, text=True)
                    if res.returncode != 0:
                        raise RuntimeError(f"pdftotext failed on {doc} p{page}: {res.stderr}")
                    texts.append(normalise(res.stdout))
                self.cache[key] = texts
        return self.cache[key]


def load_jsonl(path, errors):
    rows = []
    if not path.exists():
        errors.append(f"{path.name}: missing")
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


def check_ids(rows, prefix, total, name, errors):
    if len(rows) != total:
        errors.append(f"{name}: {len(rows)} rows, expected {total}")
    for i, row in enumerate(rows, 1):
        want = f"{prefix}-{i:02d}"
        if row.get("id") != want:
            errors.append(f"{name}: row {i} has id {row.get('id')!r}, expected {want}")


def check_keys(row, keys, name, errors):
    if set(row) != set(keys):
        errors.append(f"{name} {row.get('id')}: keys {sorted(row)} != {sorted(keys)}")


def check_gold(rid, gold, pages, errors, stats):
    if not isinstance(gold, list):
        errors.append(f"{rid}: gold is not a list")
        return
    for entry in gold:
        if not isinstance(entry, dict) or set(entry) != {"doc", "page", "contains"}:
            errors.append(f"{rid}: bad gold entry {entry!r}")
            continue
        doc, page, contains = entry["doc"], entry["page"], entry["contains"]
        if doc not in DOCS:
            errors.append(f"{rid}: unknown doc {doc!r}")
            continue
        if doc.endswith(".docx"):
            if page is not None:
                errors.append(f"{rid}: DOCX page must be null")
                continue
        elif not isinstance(page, int) or not 1 <= page <= pages.count(doc):
            errors.append(f"{rid}: bad page {page!r} for {doc}")
            continue
        n_words = len(contains.split())
        if not 3 <= n_words <= 12:
            errors.append(f"{rid}: contains has {n_words} words: {contains!r}")
        needle = normalise(contains)
        stats["gold"] += 1
        if not any(needle in text for text in pages.variants(doc, page)):
            errors.append(f"{rid}: not found on {doc} p{page}: {contains!r}")
        else:
            stats["found"] += 1


def check_ask(rows, pages, errors, stats):
    check_ids(rows, "qa", 40, "ask", errors)
    for i, row in enumerate(rows, 1):
        check_keys(row, ["id", "question", "answers", "gold"], "ask", errors)
        rid = row.get("id")
        answers, gold = row.get("answers"), row.get("gold")
        if not isinstance(row.get("question"), str) or not row["question"].strip():
            errors.append(f"{rid}: empty question")
        if not isinstance(answers, list):
            errors.append(f"{rid}: answers is not a list")
            continue
        if i % 5 == 0:
            if answers or gold:
                errors.append(f"{rid}: unanswerable row must have answers [] and gold []")
        else:
            if not answers or not all(isinstance(a, str) and a.strip() for a in answers):
                errors.append(f"{rid}: answerable row needs non-empty answer strings")
            if not gold:
                errors.append(f"{rid}: answerable row needs gold")
        check_gold(rid, gold, pages, errors, stats)
    stats["ask_unanswerable"] = sum(1 for r in rows if not r.get("answers"))


def labels_of(rows, prefix, text_key, label_key, expected, errors):
    """Each row's ids and keys checked; its label (verdict or kind) read and checked."""
    part = {"qc": "check", "qs": "search"}[prefix]
    check_ids(rows, prefix, sum(expected.values()), part, errors)
    labels = []
    for row in rows:
        check_keys(row, ["id", text_key, label_key, "gold"], part, errors)
        label = row.get(label_key)
        labels.append(label)
        if label not in expected:
            errors.append(f"{row.get('id')}: bad {label_key} {label!r}")
    return labels


def tally(labels, expected, part, errors):
    """How many rows carry each label, against how many the set promises."""
    counts = Counter(labels)
    for label, want in expected.items():
        if counts[label] != want:
            errors.append(f"{part}: {counts[label]} {label}, expected {want}")
    return counts


def check_check(rows, pages, errors, stats):
    verdicts = labels_of(rows, "qc", "claim", "verdict", VERDICT_COUNTS, errors)
    for row in rows:
        rid, verdict, gold = row.get("id"), row.get("verdict"), row.get("gold")
        if not isinstance(row.get("claim"), str) or not row["claim"].strip():
            errors.append(f"{rid}: empty claim")
        if verdict == "not_found" and gold:
            errors.append(f"{rid}: not_found claim must have gold []")
        if verdict in ("supported", "contradicted") and not gold:
            errors.append(f"{rid}: {verdict} claim needs gold")
        check_gold(rid, gold, pages, errors, stats)
    counts = tally(verdicts, VERDICT_COUNTS, "check", errors)
    for i in range(2, len(verdicts)):
        if verdicts[i] == verdicts[i - 1] == verdicts[i - 2]:
            errors.append(f"check: verdict {verdicts[i]} three times in a row at row {i + 1}")
    stats["verdicts"] = dict(counts)


def check_search(rows, pages, errors, stats):
    kinds = labels_of(rows, "qs", "query", "kind", KIND_COUNTS, errors)
    for row in rows:
        rid, kind, gold = row.get("id"), row.get("kind"), row.get("gold")
        if not isinstance(gold, list) or not 1 <= len(gold) <= 4:
            errors.append(f"{rid}: search gold must have 1-4 entries")
        check_gold(rid, gold, pages, errors, stats)
        if kind == "paraphrase" and isinstance(gold, list):
            shared = long_words(row.get("query", "")) & set().union(
                *(long_words(g.get("contains", "")) for g in gold if isinstance(g, dict))
            )
            if shared:
                errors.append(f"{rid}: paraphrase shares words with gold: {sorted(shared)}")
    stats["kinds"] = dict(tally(kinds, KIND_COUNTS, "search", errors))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=Path, default=DEFAULT_DOCS)
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args()

    errors = []
    stats = Counter()
    pages = Pages(args.docs)
    for doc in DOCS:
        if not (args.docs / doc).exists():
            errors.append(f"missing source document {doc}")
    if errors:
        print("\n".join(errors))
        return 1

    ask = load_jsonl(HERE / "ask.jsonl", errors)
    check = load_jsonl(HERE / "check.jsonl", errors)
    search = load_jsonl(HERE / "search.jsonl", errors)
    check_ask(ask, pages, errors, stats)
    check_check(check, pages, errors, stats)
    check_search(search, pages, errors, stats)

    docs_used = Counter(
        g["doc"] for row in ask for g in row.get("gold", []) if isinstance(g, dict)
    )
    thin = [d for d in DOCS if docs_used[d] < 2]
    if thin:
        errors.append(f"ask: documents with fewer than 2 gold entries: {thin}")

    if not args.quiet:
        print(f"ask rows: {len(ask)} ({stats['ask_unanswerable']} unanswerable)")
        print(f"check rows: {len(check)} {stats['verdicts']}")
        print(f"search rows: {len(search)} {stats['kinds']}")
        print(f"gold entries verified: {stats['found']}/{stats['gold']}")
    if errors:
        print(f"FAILED: {len(errors)} problem(s)")
        for line in errors:
            print("  " + line)
        return 1
    print("OK: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
