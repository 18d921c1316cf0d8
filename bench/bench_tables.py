"""Which library reads the real documents' tables: a comparison on ../shared/real/docs.

Each way of reading is asked whether a page's text (table cells in reading order) holds the
labelled set's gold strings: those of its table search cases, and every gold string of its
search, ask and check cases on a PDF page; and how long it takes a page.

  pypdfium2 text only          what kb did before: lines as pdfium reads them
  pypdfium2 + pdfplumber       kb today: pdfium lines, pdfplumber's tables on pages with rules
  pdfplumber everywhere        pdfplumber's words and tables on every page
  PyMuPDF find_tables          on every page (measured only when pymupdf is installed)

Run: .venv/bin/python bench/bench_tables.py [--real ../shared/real]
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections.abc import Callable
from pathlib import Path

from kb.extract.pdf import read_pdf

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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--real", type=Path, default=Path("../shared/real"))
    args = parser.parse_args()
    readers: dict[str, TableText] = {"pypdfium2 text only": pdfium_only,
                                     "pypdfium2 + pdfplumber (kb)": with_kb,
                                     "pdfplumber everywhere": pdfplumber_everywhere}
    try:
        import pymupdf  # noqa: F401

        readers["PyMuPDF find_tables"] = pymupdf_tables
    except ImportError:
        print("(pymupdf not installed: not measured)")
    tables, every = gold_strings(args.real, True), gold_strings(args.real, False)
    documents = sorted({g["doc"] for g in every})
    print(f"{'reader':<30} {'table cases':>12} {'all gold':>9} {'ms/page':>8}")
    for name, reader in readers.items():
        found = {"tables": 0, "every": 0}
        seconds, pages = 0.0, 0
        for document in documents:
            texts, took = reader(args.real / "docs" / document)
            seconds, pages = seconds + took, pages + len(texts)
            for key, gold in (("tables", tables), ("every", every)):
                found[key] += sum(squash(g["contains"]) in squash(texts[g["page"] - 1])
                                  for g in gold if g["doc"] == document)
        print(f"{name:<30} {found['tables']:>5}/{len(tables):<6} {found['every']:>4}/"
              f"{len(every):<4} {1000 * seconds / pages:>8.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
