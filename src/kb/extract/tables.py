"""Ruled tables in PDFs: found by pdfplumber, put back into the page's lines as rows.

A table replaces the loose lines pdfium read inside its box: one `row` line per table row
(cells joined by tabs, empty ones kept so columns line up; a quote reads as the page does)
and the caption above it marked as such.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from kb.extract import Line

CAPTION = re.compile(r"^(table|figure|chart|graph)\s*[A-Z]?\d+[a-z]?\b", re.I)
CAPTION_REACH = 60.0  # points above a table where its caption may stand


def place_tables(path: Path, layout: list[list[Line]], candidates: list[int]) -> int:
    """Find the tables of the candidate pages (0-based), splice them into `layout` and say
    how many there were."""
    import pdfplumber

    found = 0
    with pdfplumber.open(str(path)) as pdf:
        for number in candidates:
            page = pdf.pages[number]
            try:
                tables = page.find_tables()
            except Exception:  # noqa: BLE001 - a layout the table finder cannot read stays text
                tables = []
            for table in sorted(tables, key=lambda t: t.bbox[1]):
                rows = _clean_rows(table.extract())
                if rows is None:
                    continue
                _splice(layout[number], table.bbox, rows)
                found += 1
            page.flush_cache()
    return found


def _cell(value: Any) -> str:
    return re.sub(r"\s+", " ", str(value)).strip() if value is not None else ""


def _clean_rows(raw_rows: list[list[Any]]) -> list[list[str]] | None:
    """Rows of text cells with empty columns dropped and a header split over several rows
    merged; None when this is no table (one column, or one row: a box around text)."""
    rows = [[_cell(value) for value in row] for row in raw_rows]
    rows = [row for row in rows if any(row)]
    if not rows:
        return None
    width = max(len(row) for row in rows)
    rows = [row + [""] * (width - len(row)) for row in rows]
    keep = [col for col in range(width) if any(row[col] for row in rows)]
    rows = [[row[col] for col in keep] for row in rows]
    filled = [sum(1 for cell in row if cell) for row in rows]
    if len(keep) < 2 or len(rows) < 2 or sum(1 for n in filled if n >= 2) < 2:
        return None
    header = rows[0]
    body = rows[1:]
    # a header that wraps in its cells comes out as several rows of short words
    figures = any(_has_digit(row) for row in body)
    while len(body) > 1 and (_continues_header(body[0], len(keep))
                             or figures and _short_words(body[0]) and not _has_digit(body[0])):
        header = [f"{a} {b}".strip() for a, b in zip(header, body[0], strict=True)]
        body = body[1:]
    return [header, *body]


def _has_digit(row: list[str]) -> bool:
    return any(c.isdigit() for cell in row for c in cell)


def _short_words(row: list[str]) -> bool:
    return all(len(cell.split()) <= 6 for cell in row)


def _continues_header(row: list[str], width: int) -> bool:
    filled = [cell for cell in row if cell]
    return (len(filled) * 2 <= width and not row[0]
            and all(len(cell.split()) <= 3 and not any(c.isdigit() for c in cell)
                    for cell in filled))


def _splice(lines: list[Line], bbox: tuple[float, float, float, float],
            rows: list[list[str]]) -> None:
    x0, top, x1, bottom = bbox
    inside = [index for index, line in enumerate(lines)
              if x0 - 2 <= line.x0 <= x1 + 2 and top - 2 <= (line.top + line.bottom) / 2
              <= bottom + 2]
    at = inside[0] if inside else _insertion_point(lines, top)
    _caption(lines[:at], top)
    size = lines[inside[0]].size if inside else 0.0
    new = [Line("\t".join(row), kind="row", size=size, x0=x0,
                top=top, bottom=bottom) for row in rows]
    for index in reversed(inside):
        del lines[index]
    lines[at:at] = new


def _insertion_point(lines: list[Line], top: float) -> int:
    for index, line in enumerate(lines):
        if line.top > top:
            return index
    return len(lines)


def _caption(before: list[Line], top: float) -> None:
    """Mark the 'Table 2 - ...' line just above the table, so it stays with its rows."""
    for line in reversed(before[-3:]):
        if top - line.bottom > CAPTION_REACH:
            break
        if CAPTION.match(line.text):
            line.kind = "caption"
            return
