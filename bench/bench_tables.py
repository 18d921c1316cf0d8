"""Which library reads the real documents' tables: a comparison on ../shared/real/docs.

Each way of reading is asked whether a page's text (table cells in reading order) holds the
labelled set's gold strings: those of its table search cases, and every gold string of its
search, ask and check cases on a PDF page; and how long it takes a page.

  pypdfium2 text only          what kb did before: lines as pdfium reads them
  pypdfium2 + pdfplumber       kb today: pdfium lines, pdfplumber's tables on pages with rules
  pdfplumber everywhere        pdfplumber's words and tables on every page
  PyMuPDF find_tables          on every page (measured only when pymupdf is installed)

Then what parsing the real documents costs in one process (`parse_file`, CPU seconds), and how
many pages pdfplumber is asked about: pages whose rules cross as a grid (kb today) against
every page that draws enough rules or boxes (kb before the grid test), alternating the two
ways over `--rounds` rounds (medians).

Run: .venv/bin/python bench/bench_tables.py [--real ../shared/real] [--rounds 3] [--parse-only]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from kb.extract import tables
from kb.extract.pdf import read_pdf
from kb.parse import parse_file

TableText = Callable[[Path], tuple[list[str], float]]  # page texts, seconds


def squash(text: str) -> str:
    text = text.translate(str.maketrans("‘’“”", "''\"\""))
    return re.sub(r"\s+", " ", text).strip().lower()


def with_kb(path: Path) -> tuple[list[str], float]:
    started = time.perf_counter()
    raw = read_pdf(path)
    return raw.pages, time.perf_counter() - started


def pdfium_only(path: Path) -> tuple[list[str], float]:
    import pypdfium2 as pdfium

    started = time.perf_counter()
    pdf = pdfium.PdfDocument(str(path))
    pages = [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
    return pages, time.perf_counter() - started


def pdfplumber_everywhere(path: Path) -> tuple[list[str], float]:
    import pdfplumber

    started = time.perf_counter()
    pages = []
    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages:
            rows = [" ".join(cell or "" for cell in row) for table in page.extract_tables()
                    for row in table]
            pages.append(page.extract_text() + "\n" + "\n".join(rows))
            page.flush_cache()
    return pages, time.perf_counter() - started


def pymupdf_tables(path: Path) -> tuple[list[str], float]:
    import pymupdf

    started = time.perf_counter()
    pages = []
    with pymupdf.open(str(path)) as document:
        for page in document:
            rows = [" ".join(cell or "" for cell in row) for table in page.find_tables().tables
                    for row in table.extract()]
            pages.append(page.get_text() + "\n" + "\n".join(rows))
    return pages, time.perf_counter() - started


def gold_strings(real: Path, tables_only: bool) -> list[dict]:
    found = []
    for part in ("search", "ask", "check"):
        for line in (real / "eval" / f"{part}.jsonl").read_text().splitlines():
            case = json.loads(line)
            if tables_only and case.get("kind") != "table":
                continue
            found.extend(g for g in case.get("gold", [])
                         if g["doc"].endswith(".pdf") and g.get("page"))
    return found


@contextmanager
def counted_tables(grid: bool) -> Iterator[dict[str, float]]:
    """Count the pages pdfplumber is asked about and its CPU seconds; without `grid`, every page
    that passes the counts of rules and boxes is asked about, as before the grid test."""
    seen = {"pages": 0, "seconds": 0.0}
    place, holds = tables.place_tables, tables.holds_grid

    def place_counted(path: Path, layout: list, candidates: list[int]) -> int:
        started = time.process_time()
        try:
            return place(path, layout, candidates)
        finally:
            seen["pages"] += len(candidates)
            seen["seconds"] += time.process_time() - started

    tables.place_tables = place_counted  # type: ignore[assignment]
    if not grid:
        tables.holds_grid = lambda horizontal, vertical: True
    try:
        yield seen
    finally:
        tables.place_tables, tables.holds_grid = place, holds


def parse_cost(documents: list[Path], rounds: int) -> None:
    """CPU seconds to parse the documents in one process, with and without the grid test."""
    from kb.embed import model_words

    model_words()  # loaded once per worker in an ingest: not a cost of any one document
    found: dict[bool, list[tuple[float, float, int]]] = {True: [], False: []}
    for _ in range(rounds):
        for grid in (False, True):
            with counted_tables(grid) as seen:
                started = time.process_time()
                for document in documents:
                    parse_file(str(document))
                found[grid].append((time.process_time() - started, seen["seconds"],
                                    int(seen["pages"])))
    print(f"\nparsing {len(documents)} documents in one process, median of {rounds} "
          f"(load average {os.getloadavg()[0]:.2f}):")
    print(f"{'pdfplumber asked about':<34} {'pages':>6} {'parse CPU s':>12} "
          f"{'of it pdfplumber':>17}")
    for grid, label in ((False, "pages with enough rules (before)"),
                        (True, "pages whose rules form a grid")):
        runs = found[grid]
        print(f"{label:<34} {runs[0][2]:>6} {statistics.median(r[0] for r in runs):>12.1f} "
              f"{statistics.median(r[1] for r in runs):>17.1f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--real", type=Path, default=Path("../shared/real"))
    parser.add_argument("--rounds", type=int, default=3, help="parse rounds (median taken)")
    parser.add_argument("--parse-only", action="store_true",
                        help="only the parse cost, not the comparison of readers")
    args = parser.parse_args()
    if not args.parse_only:
        compare_readers(args.real)
    parse_cost(sorted(p for p in (args.real / "docs").iterdir() if p.is_file()), args.rounds)
    return 0


def compare_readers(real: Path) -> None:
    readers: dict[str, TableText] = {"pypdfium2 text only": pdfium_only,
                                     "pypdfium2 + pdfplumber (kb)": with_kb,
                                     "pdfplumber everywhere": pdfplumber_everywhere}
    try:
        import pymupdf  # noqa: F401

        readers["PyMuPDF find_tables"] = pymupdf_tables
    except ImportError:
        print("(pymupdf not installed: not measured)")
    table_gold, every = gold_strings(real, True), gold_strings(real, False)
    documents = sorted({g["doc"] for g in every})
    print(f"{'reader':<30} {'table cases':>12} {'all gold':>9} {'ms/page':>8}")
    for name, reader in readers.items():
        found = {"tables": 0, "every": 0}
        seconds, pages = 0.0, 0
        for document in documents:
            texts, took = reader(real / "docs" / document)
            seconds, pages = seconds + took, pages + len(texts)
            for key, gold in (("tables", table_gold), ("every", every)):
                found[key] += sum(squash(g["contains"]) in squash(texts[g["page"] - 1])
                                  for g in gold if g["doc"] == document)
        print(f"{name:<30} {found['tables']:>5}/{len(table_gold):<6} {found['every']:>4}/"
              f"{len(every):<4} {1000 * seconds / pages:>8.1f}")


if __name__ == "__main__":
    raise SystemExit(main())
