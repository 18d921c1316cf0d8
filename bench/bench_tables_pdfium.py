"""pdfplumber's table finder fed by pdfium against pdfplumber's own parse, on ../shared/real/docs.

For every page of the real PDFs that the grid test lets through, the lines `place_tables`
leaves on the page (table rows spliced in, captions marked) the new way (pdfplumber's finder on
the rules and characters pdfium reads) and the old way (pdfplumber parsing the page itself),
and the CPU seconds each way takes, opening the document included.

Run: .venv/bin/python bench/bench_tables_pdfium.py [--real ../shared/real] [--show 5]
"""

from __future__ import annotations

import argparse
import copy
import difflib
import time
from collections.abc import Callable
from pathlib import Path

from kb.extract import Line, tables
from kb.extract import pdf as reader

Place = Callable[[Path, list[list[Line]], list[int]], int]


def layout_and_candidates(path: Path) -> tuple[list[list[Line]], list[int]]:
    """The page lines pdfium reads and the pages the grid test lets through, as `read_pdf`."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    layout, candidates = [], []
    try:
        for number in range(len(pdf)):
            page = pdf[number]
            layout.append(reader._page_lines(page))
            if reader._may_hold_a_table(page) and tables.holds_grid(*reader.page_rules(page)):
                candidates.append(number)
            page.close()
    finally:
        pdf.close()
    return layout, candidates


def placed(place: Place, path: Path, layout: list[list[Line]],
           candidates: list[int]) -> tuple[list[list[str]], float]:
    """Each candidate page's lines after `place`, and its CPU seconds."""
    copied = copy.deepcopy(layout)
    started = time.process_time()
    place(path, copied, candidates)
    seconds = time.process_time() - started
    return [[f"{line.kind}: {line.text}" for line in copied[n]] for n in candidates], seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--real", type=Path, default=Path("../shared/real"))
    parser.add_argument("--show", type=int, default=5, help="differing pages to show")
    args = parser.parse_args()
    from kb.embed import model_words

    model_words()  # loaded once per ingest worker: a cost of neither way
    compared, identical, differing = 0, 0, []
    seconds = {"old": 0.0, "new": 0.0}
    for path in sorted((args.real / "docs").glob("*.pdf")):
        layout, candidates = layout_and_candidates(path)
        if not candidates:
            continue
        old, seconds_old = placed(tables._place_tables_pdfplumber, path, layout, candidates)
        new, seconds_new = placed(tables.place_tables, path, layout, candidates)
        seconds["old"] += seconds_old
        seconds["new"] += seconds_new
        for number, before, after in zip(candidates, old, new, strict=True):
            compared += 1
            if before == after:
                identical += 1
            else:
                differing.append((f"{path.name} page {number + 1}", before, after))
    print(f"pages compared {compared}, rows identical {identical}, differing {len(differing)}")
    print(f"CPU seconds: pdfplumber's parse {seconds['old']:.2f}, "
          f"pdfium's rules and characters {seconds['new']:.2f}")
    for name, before, after in differing[:args.show]:
        print(f"\n{name}:")
        for line in difflib.unified_diff(before, after, "pdfplumber", "pdfium", n=0,
                                         lineterm=""):
            print(f"  {line[:160]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
