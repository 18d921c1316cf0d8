"""PDF reader: pypdfium2 lines with their font size, weight and position; tables by pdfplumber.

pypdfium2 reads every page (1-5 ms a page); pdfplumber's table finder is asked only about pages
whose rules cross as a table's grid (bench/bench_tables.py has the comparison), and is given
the rules and characters read here rather than parsing the page again.
"""

from __future__ import annotations

import ctypes
import re
from pathlib import Path
from typing import Any

from kb.errors import UnreadableFile
from kb.extract import ANCHOR_WORDS, Line, RawDocument
from kb.extract.pdf_page import PageChars, page_rules

LINE_SPAN = re.compile(r"[^\r\n]+")
# A page may hold a ruled table when it draws 8 rules (thin, long paths: a grid of three rows
# and two columns has as many) or 12 boxes (shaded cells, three rows of four); a logo's many
# small curves and a single call-out box do not count. Those pages' rules must then cross as a
# grid (`tables.holds_grid`), and pdfplumber is asked about those only: on the real documents
# 68 pages of 616 (138 by the counts alone), every one of the 66 holding a table among them.
TABLE_RULES = 8
TABLE_BOXES = 12


def read_pdf(path: Path) -> RawDocument:
    import pypdfium2 as pdfium

    from kb.extract.tables import holds_grid, place_tables

    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as error:
        reason = str(error).lower()
        if "password" in reason:
            raise UnreadableFile(f"{path}: encrypted PDF, needs a password") from None
        raise UnreadableFile(f"{path}: corrupt or not a PDF ({_short(error)})") from None
    try:
        if len(pdf) == 0:
            raise UnreadableFile(f"{path}: empty PDF, no pages")
        layout: list[list[Line]] = []
        candidates: list[int] = []
        for number in range(len(pdf)):
            page = _load_page(pdf, number, path)
            layout.append(_page_lines(page))
            if _may_hold_a_table(page) and holds_grid(*page_rules(page)):
                candidates.append(number)
            page.close()
        title = (pdf.get_metadata_dict().get("Title") or "").strip() or None
    finally:
        pdf.close()
    if not any(line.text.strip() for lines in layout for line in lines):
        raise UnreadableFile(f"{path}: no text layer, needs OCR")
    if candidates:
        place_tables(path, layout, candidates)
    pages = ["\n".join(line.text for line in lines) for lines in layout]
    return RawDocument(pages=pages, paged=True, title_hint=title, layout=layout)


def _may_hold_a_table(page: Any) -> bool:
    """Whether the page draws paths shaped like a table's rules (a line thin one way and long
    the other) or cells (a box at least a cell wide) in the numbers a table needs."""
    import pypdfium2.raw as raw

    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    rules = boxes = 0
    for index in range(raw.FPDFPage_CountObjects(page.raw)):
        item = raw.FPDFPage_GetObject(page.raw, index)
        if raw.FPDFPageObj_GetType(item) != raw.FPDF_PAGEOBJ_PATH:
            continue
        raw.FPDFPageObj_GetBounds(item, left, bottom, right, top)
        width, height = right.value - left.value, top.value - bottom.value
        if min(width, height) < 3 and max(width, height) >= 30:
            rules += 1
        elif width >= 40 and height >= 10:
            boxes += 1
    return rules >= TABLE_RULES or boxes >= TABLE_BOXES


def _page_lines(page: Any) -> list[Line]:
    textpage = page.get_textpage()
    try:
        text = textpage.get_text_range()
        if len(text) != textpage.count_chars():
            # characters outside the BMP: offsets no longer line up, so no geometry
            return [Line(m.group(0).strip()) for m in LINE_SPAN.finditer(text)
                    if m.group(0).strip()]
        chars = PageChars(textpage, page.get_height())
        return [line for match in LINE_SPAN.finditer(text)
                if (line := _line(chars, text, match.start(), match.end())) is not None]
    finally:
        textpage.close()


# a footnote's mark: digits right after a word, a figure or its closing punctuation
# ("DPIA23", "carried out.155", "is 16139"), where the reader may have put a space before them
# ("is 16 139"); told from a code ("GCP2", "RC8") or a figure by being set smaller than the
# character before it, and, after a space, by sitting raised above its line
NOTE_MARK = re.compile(r"(?<=[A-Za-z0-9.,;:)’'\"”])( ?)(\d{1,3})(?!\d)")
NOTE_SCALE = 0.8
NOTE_RAISE = 0.2


def _without_note_marks(chars: PageChars, text: str, start: int, end: int
                        ) -> tuple[str, tuple[tuple[int, str], ...]]:
    """The line without its footnote marks, and each mark with the words it followed."""
    body = text[start:end]
    kept, cursor, marks = [], 0, []
    for mark in NOTE_MARK.finditer(body):
        before, digits = start + mark.start() - 1, start + mark.start(2)
        size = chars.size(before)
        if chars.size(digits) < NOTE_SCALE * size and (not mark.group(1) or (
                chars.bounds(before)[2] - chars.bounds(digits)[2] > NOTE_RAISE * size)):
            kept.append(body[cursor:mark.start()])
            cursor = mark.end()
            marks.append((int(mark.group(2)), " ".join("".join(kept).split()[-ANCHOR_WORDS:])))
    return ("".join(kept) + body[cursor:] if kept else body), tuple(marks)





def _line(chars: PageChars, text: str, start: int, end: int) -> Line | None:
    body = text[start:end]
    stripped, marks = _without_note_marks(chars, text, start, end)
    stripped = stripped.strip()
    if not stripped:
        return None
    first = start + len(body) - len(body.lstrip())
    letters = [start + i for i, c in enumerate(body) if c.isalnum()]
    samples = sorted({letters[0], letters[len(letters) // 2], letters[-1]}) if letters else [first]
    sizes = sorted(chars.size(i) for i in samples)
    bold = sum(chars.bold(i) for i in samples) * 2 > len(samples)
    x0, top, bottom = chars.bounds(first)
    x1 = x0
    for index in samples:
        left, t, b = chars.bounds(index)
        top, bottom, x1 = min(top, t), max(bottom, b), max(x1, left)
    return Line(stripped, size=round(sizes[len(sizes) // 2], 1), bold=bold, x0=x0, x1=x1,
                top=top, bottom=bottom, marks=marks,
                font_top=min(chars.loose_top(index) for index in samples))


def _load_page(pdf: Any, index: int, path: Path) -> Any:
    """One page; a page PDFium cannot load is damage (a page tree that loops, a missing
    page object), said as such rather than read as a page without text."""
    import pypdfium2 as pdfium

    try:
        return pdf[index]
    except pdfium.PdfiumError:
        raise UnreadableFile(
            f"{path}: damaged PDF, page {index + 1} of {len(pdf)} cannot be loaded (a broken "
            "or looping page tree): repair or re-export the file") from None


def _short(error: Exception) -> str:
    return str(error).splitlines()[0][:120]
