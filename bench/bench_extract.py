"""PDF readers compared on the demo corpus: pypdf against pypdfium2, speed and text quality.

Quality is measured against the ground truth we have: the source text each PDF was made from
(tools/corpus_src/*.src). Word recall: the share of the source's words found in the extracted
text; word precision: the share of extracted words that are words of the source (glued or split
words count against it). Run: .venv/bin/python bench/bench_extract.py
"""

from __future__ import annotations

import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORD = re.compile(r"[a-z]+")


def words(text: str) -> Counter[str]:
    return Counter(WORD.findall(text.lower().replace("\u2019", "'")))


def with_pypdf(path: Path) -> list[str]:
    from pypdf import PdfReader

    return [page.extract_text() or "" for page in PdfReader(str(path)).pages]


def with_pypdfium2(path: Path) -> list[str]:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    pages = [page.get_textpage().get_text_range() for page in pdf]
    pdf.close()
    return pages


def score(extracted: Counter[str], source: Counter[str]) -> tuple[float, float]:
    common = sum((extracted & source).values())
    return common / max(1, sum(source.values())), common / max(1, sum(extracted.values()))


def main() -> int:
    pdfs = sorted((ROOT / "corpus").glob("*.pdf"))
    rows = {"pypdf": with_pypdf, "pypdfium2": with_pypdfium2}
    print(f"{len(pdfs)} PDFs, {sum(len(with_pypdfium2(p)) for p in pdfs)} pages")
    print(f"{'reader':<10} {'ms/page (median)':>17} {'word recall':>12} {'word precision':>15}")
    for name, reader in rows.items():
        per_page, recalls, precisions = [], [], []
        for pdf in pdfs:
            started = time.perf_counter()
            pages = reader(pdf)
            per_page.append((time.perf_counter() - started) * 1000 / max(1, len(pages)))
            source_file = ROOT / "tools" / "corpus_src" / (pdf.name + ".src")
            if source_file.exists():
                body = source_file.read_text(encoding="utf-8").split("---", 2)[-1]
                recall, precision = score(words("\n".join(pages)), words(body))
                recalls.append(recall)
                precisions.append(precision)
        print(f"{name:<10} {statistics.median(per_page):>17.1f} "
              f"{statistics.mean(recalls):>12.3f} {statistics.mean(precisions):>15.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
