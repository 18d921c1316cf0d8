"""A PDF page as pypdfium2 reads it: its rules (straight pieces of its paths) and its characters
with their size, weight and place, for the layout reader and the table finder alike."""

from __future__ import annotations

import ctypes
import math
from typing import Any

Rule = tuple[float, float, float]  # where it stands across, where it starts and ends along
Box = tuple[float, float, float, float]  # x0, top, x1, bottom; top measured down the page


STRAIGHT = 0.5  # points a rule may lean over its length and still run straight across or down


Matrix = tuple[float, float, float, float, float, float]


def page_rules(page: Any) -> tuple[list[Rule], list[Rule]]:
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


class PageChars:
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

    def loose_top(self, index: int) -> float:
        """The top of the character's font box (its font's ascent above the baseline), down
        from the page's top: the same for every letter of a line in one font, where the glyph
        box's top moves with the letter (an "h" stands taller than an "a")."""
        box = self.loose
        self.raw.FPDFText_GetLooseCharBox(self.handle, index, box)
        return float(self.height - box.top)

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
    horizontal, vertical = page_rules(page)
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
    reader = PageChars(textpage, page.get_height())
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
