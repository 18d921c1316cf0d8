"""PDF reader: pypdfium2 lines with their font size, weight and position; tables by pdfplumber.

pypdfium2 reads every page (1-5 ms a page); pdfplumber's table finder is asked only about pages
whose rules cross as a table's grid (bench/bench_tables.py has the comparison), and is given
the rules and characters read here rather than parsing the page again.
"""

from __future__ import annotations

import ctypes
import math
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kb.errors import UnreadableFile
from kb.extract import Line, RawDocument

if TYPE_CHECKING:
    from kb.extract.tables import Box, Rule

LINE_SPAN = re.compile(r"[^\r\n]+")
# A page may hold a ruled table when it draws 8 rules (thin, long paths: a grid of three rows
# and two columns has as many) or 12 boxes (shaded cells, three rows of four); a logo's many
# small curves and a single call-out box do not count. Those pages' rules must then cross as a
# grid (`tables.holds_grid`), and pdfplumber is asked about those only: on the real documents
# 68 pages of 616 (138 by the counts alone), every one of the 66 holding a table among them.
TABLE_RULES = 8
TABLE_BOXES = 12
STRAIGHT = 0.5  # points a rule may lean over its length and still run straight across or down


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
            if _may_hold_a_table(page) and holds_grid(*_rules(page)):
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


Matrix = tuple[float, float, float, float, float, float]


def _rules(page: Any) -> tuple[list[Rule], list[Rule]]:
    """The straight horizontal and vertical pieces of every path the page draws, forms' paths
    included, in page space: the edges pdfplumber's table finder starts from (a rectangle's
    four sides, each straight piece of a path between the points it passes through)."""
    import pypdfium2.raw as raw

    horizontal: list[Rule] = []
    vertical: list[Rule] = []
    matrix = raw.FS_MATRIX()
    pending: list[tuple[Any, Matrix]] = [
        (raw.FPDFPage_GetObject(page.raw, index), (1.0, 0.0, 0.0, 1.0, 0.0, 0.0))
        for index in range(raw.FPDFPage_CountObjects(page.raw))]
    while pending:
        item, outer = pending.pop()
        kind = raw.FPDFPageObj_GetType(item)
        if kind not in (raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_FORM):
            continue
        raw.FPDFPageObj_GetMatrix(item, matrix)
        placed = _then((matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f), outer)
        if kind == raw.FPDF_PAGEOBJ_FORM:
            pending.extend((raw.FPDFFormObj_GetObject(item, index), placed)
                           for index in range(raw.FPDFFormObj_CountObjects(item)))
        else:
            for points in _subpaths(item, placed):
                _straight_pieces(points, horizontal, vertical)
    return horizontal, vertical


def _then(first: Matrix, second: Matrix) -> Matrix:
    """The matrix that applies `first`, then `second` (PDF's row-vector convention)."""
    a, b, c, d, e, f = first
    a2, b2, c2, d2, e2, f2 = second
    return (a * a2 + b * c2, a * b2 + b * d2, c * a2 + d * c2, c * b2 + d * d2,
            e * a2 + f * c2 + e2, e * b2 + f * d2 + f2)


def _subpaths(item: Any, matrix: Matrix) -> list[list[tuple[float, float]]]:
    """The points each subpath of a path object passes through (a curve's end points, not its
    control points), closed back to its start where the path closes it."""
    import pypdfium2.raw as raw

    a, b, c, d, e, f = matrix
    x, y = ctypes.c_float(), ctypes.c_float()
    subpaths: list[list[tuple[float, float]]] = []
    curve = 0
    for index in range(raw.FPDFPath_CountSegments(item)):
        segment = raw.FPDFPath_GetPathSegment(item, index)
        raw.FPDFPathSegment_GetPoint(segment, x, y)
        point = (a * x.value + c * y.value + e, b * x.value + d * y.value + f)
        kind = raw.FPDFPathSegment_GetType(segment)
        if kind == raw.FPDF_SEGMENT_MOVETO or not subpaths:
            subpaths.append([point])
            curve = 0
        elif kind == raw.FPDF_SEGMENT_BEZIERTO:
            curve += 1  # pdfium gives a curve as three points: two control points, then its end
            if curve % 3 == 0:
                subpaths[-1].append(point)
        else:
            subpaths[-1].append(point)
        if raw.FPDFPathSegment_GetClose(segment):
            subpaths[-1].append(subpaths[-1][0])
    return subpaths


def _straight_pieces(points: list[tuple[float, float]], horizontal: list[Rule],
                     vertical: list[Rule]) -> None:
    distinct = list(dict.fromkeys(points))
    if len(distinct) == 2 and abs(distinct[0][1] - distinct[1][1]) >= STRAIGHT:
        # pdfplumber takes a lone line that is not level for an upright one at its left end
        (x0, y0), (x1, y1) = distinct
        vertical.append((min(x0, x1), min(y0, y1), max(y0, y1)))
        return
    for (x0, y0), (x1, y1) in zip(points, points[1:], strict=False):
        if abs(y0 - y1) < STRAIGHT:
            horizontal.append((y0, min(x0, x1), max(x0, x1)))
        elif abs(x0 - x1) < STRAIGHT:
            vertical.append((x0, min(y0, y1), max(y0, y1)))


class _Chars:
    """Font size, weight and box of single characters of one text page (pdfium's C API)."""

    def __init__(self, textpage: Any, height: float) -> None:
        import pypdfium2.raw as raw

        self.raw = raw
        self.handle = textpage.raw
        self.height = height
        self.box = [ctypes.c_double() for _ in range(4)]
        self.name = ctypes.create_string_buffer(96)
        self.flags = ctypes.c_int()
        self.matrix = raw.FS_MATRIX()
        self.loose = raw.FS_RECTF()

    def size(self, index: int) -> float:
        """The size the character is set in: the font's size scaled by the text matrix (a PDF
        may set every font at size 1 and scale it)."""
        self.raw.FPDFText_GetMatrix(self.handle, index, self.matrix)
        scale = math.hypot(self.matrix.c, self.matrix.d) or 1.0
        return float(self.raw.FPDFText_GetFontSize(self.handle, index)) * scale

    def bold(self, index: int) -> bool:
        if self.raw.FPDFText_GetFontWeight(self.handle, index) >= 600:
            return True
        self.raw.FPDFText_GetFontInfo(self.handle, index, self.name, 96, self.flags)
        name = self.name.value.decode("latin-1").lower()
        return any(mark in name for mark in ("bold", "black", "heavy", "semibold"))

    def table_char(self, index: int, code: int, boxes: list[Box]) -> dict[str, Any] | None:
        """The character's text and box as pdfplumber describes them, None when it stands clear
        of every box. pdfium's loose box runs from the font's descent to its ascent,
        pdfplumber's one font size up from the descent: another font's taller ascent must not
        lift its text off the line."""
        box = self.loose
        self.raw.FPDFText_GetLooseCharBox(self.handle, index, box)
        x0, x1, top, bottom = box.left, box.right, self.height - box.top, self.height - box.bottom
        reach = bottom - top  # how far pdfplumber's box may stand from pdfium's
        middle = (x0 + x1) / 2
        if not any(left <= middle < right and top - reach < low and bottom + reach >= high
                   for left, high, right, low in boxes):
            return None
        size = self.size(index)  # reads the character's matrix too
        a, b, c, d = self.matrix.a, self.matrix.b, self.matrix.c, self.matrix.d
        if b == 0 and c == 0 and a > 0 and d > 0:
            top = bottom - size
        return {"text": "-" if code == 2 else chr(code),  # 2: pdfium's hyphen ending a line
                "x0": x0, "x1": x1, "top": top, "bottom": bottom, "doctop": top,
                "width": x1 - x0, "height": bottom - top, "upright": a * d > 0 and b * c <= 0}

    def bounds(self, index: int) -> tuple[float, float, float]:
        """left, top and bottom of a character, top measured down from the page's top."""
        left, right, bottom, top = self.box
        self.raw.FPDFText_GetCharBox(self.handle, index, left, right, bottom, top)
        return left.value, self.height - top.value, self.height - bottom.value


def table_edges(page: Any) -> list[dict[str, Any]]:
    """The page's rules as pdfplumber's table finder takes its edges: the same straight pieces
    of every path (a rectangle's four sides, a line's own segment) that the grid test reads,
    measured down from the page's top."""
    height = page.get_height()
    horizontal, vertical = _rules(page)
    return ([_edge(left, right, height - y, height - y, "h") for y, left, right in horizontal]
            + [_edge(x, x, height - end, height - start, "v") for x, start, end in vertical])


def _edge(x0: float, x1: float, top: float, bottom: float, orientation: str) -> dict[str, Any]:
    return {"x0": x0, "x1": x1, "top": top, "bottom": bottom, "doctop": top, "width": x1 - x0,
            "height": bottom - top, "orientation": orientation}


def table_chars(page: Any, boxes: list[Box]) -> list[dict[str, Any]]:
    """The characters in or near the boxes (the tables found), as pdfplumber describes them.
    pdfium drops some space characters and puts its own in their place; a space ends a word in
    pdfplumber's reading, so one pdfium made is kept as a space after the character before it."""
    import pypdfium2.raw as raw

    textpage = page.get_textpage()
    reader = _Chars(textpage, page.get_height())
    chars: list[dict[str, Any]] = []
    last: dict[str, Any] | None = None
    try:
        for index in range(raw.FPDFText_CountChars(textpage.raw)):
            code = raw.FPDFText_GetUnicode(textpage.raw, index)
            if code in (10, 13):  # pdfium's line breaks
                continue
            if code == 32 and raw.FPDFText_IsGenerated(textpage.raw, index) == 1:
                if last is not None:
                    chars.append({**last, "text": " ", "x0": last["x1"], "width": 0.0})
                continue
            last = reader.table_char(index, code, boxes)
            if last is not None:
                chars.append(last)
    finally:
        textpage.close()
    return chars


def _page_lines(page: Any) -> list[Line]:
    textpage = page.get_textpage()
    try:
        text = textpage.get_text_range()
        if len(text) != textpage.count_chars():
            # characters outside the BMP: offsets no longer line up, so no geometry
            return [Line(m.group(0).strip()) for m in LINE_SPAN.finditer(text)
                    if m.group(0).strip()]
        chars = _Chars(textpage, page.get_height())
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


def _without_note_marks(chars: _Chars, text: str, start: int, end: int) -> str:
    body = text[start:end]
    kept, cursor = [], 0
    for mark in NOTE_MARK.finditer(body):
        before, digits = start + mark.start() - 1, start + mark.start(2)
        size = chars.size(before)
        if chars.size(digits) < NOTE_SCALE * size and (not mark.group(1) or (
                chars.bounds(before)[2] - chars.bounds(digits)[2] > NOTE_RAISE * size)):
            kept.append(body[cursor:mark.start()])
            cursor = mark.end()
    return "".join(kept) + body[cursor:] if kept else body


def _line(chars: _Chars, text: str, start: int, end: int) -> Line | None:
    body = text[start:end]
    stripped = _without_note_marks(chars, text, start, end).strip()
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
                top=top, bottom=bottom)


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
