"""Ruled tables in PDFs: found by pdfplumber's table finder, put back into the page's lines as rows.

A table replaces the loose lines pdfium read inside its box: one `row` line per table row
(cells joined by tabs, empty ones kept so columns line up; a quote reads as the page does)
and the caption above it marked as such. The finder is fed the rules and characters pdfium
reads: pdfplumber's own parse of a page cost four times the finding itself (the rows are the
same both ways, bench/bench_tables_pdfium.py). It is asked only about pages whose rules cross
as a grid (`holds_grid`).
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from kb.embed import model_words
from kb.extract import Line
from kb.extract.pdf_page import Box, Rule, table_chars, table_edges
from kb.words import STOP

CAPTION = re.compile(r"^(table|figure|chart|graph)\s*[A-Z]?\d+[a-z]?\b", re.I)
CAPTION_REACH = 60.0  # points above a table where its caption may stand
HEADER_ROWS = 6  # the most rows a wrapped header is read over
# pdfplumber's table finder (its "lines" strategy, default settings) snaps rules within 3 pt
# of each other to one, joins collinear pieces 3 pt apart and lets rules meet 3 pt short of each
# other; the grid test joins and meets a little more freely, so it never misses a grid that
# pdfplumber would find, only lets through a few more pages
SNAP = 3.0
REACH = 3.5

def place_tables(path: Path, layout: list[list[Line]], candidates: list[int]) -> int:
    """Find the tables of the candidate pages (0-based), splice them into `layout` and say
    how many there were."""
    import pypdfium2 as pdfium

    found = 0
    pdf = pdfium.PdfDocument(str(path))
    try:
        for number in candidates:
            page = pdf[number]
            try:
                found += _place(layout[number], _found_tables(page))
            finally:
                page.close()
    finally:
        pdf.close()
    return found


def _place_tables_pdfplumber(path: Path, layout: list[list[Line]], candidates: list[int]) -> int:
    """`place_tables` as it was, pdfplumber parsing each page itself: kept for the bench that
    checks the two give the same rows."""
    import pdfplumber

    found = 0
    with pdfplumber.open(str(path)) as pdf:
        for number in candidates:
            page = pdf.pages[number]
            try:
                tables = [(table.bbox, table.extract()) for table in page.find_tables()]
            except Exception:  # noqa: BLE001 - a layout the table finder cannot read stays text
                tables = []
            found += _place(layout[number], tables)
            page.flush_cache()
    return found


Found = list[tuple[Box, list[list[str | None]]]]  # each table's box and its cells' text


def _place(lines: list[Line], tables: Found) -> int:
    found = 0
    for bbox, raw_rows in sorted(tables, key=lambda table: table[0][1]):
        rows = _clean_rows(raw_rows)
        if rows is None:
            continue
        _splice(lines, bbox, rows)
        found += 1
    return found


@dataclass
class _Sheet:
    """What pdfplumber's TableFinder reads of a page with its "lines" strategy: the edges."""

    edges: list[dict[str, Any]]


def _found_tables(page: Any) -> Found:
    """pdfplumber's table finder (its "lines" strategy, default settings) on a pdfium page:
    the tables and cell texts pdfplumber's `find_tables` gives, without its parse."""
    from pdfplumber.table import TableFinder


    try:
        finder = TableFinder(cast(Any, _Sheet(table_edges(page))))
        if not finder.tables:
            return []
        chars = table_chars(page, [table.bbox for table in finder.tables])
        return [(table.bbox, _cell_texts(table, chars)) for table in finder.tables]
    except Exception:  # noqa: BLE001 - a layout the table finder cannot read stays text
        return []


def _cell_texts(table: Any, chars: list[dict[str, Any]]) -> list[list[str | None]]:
    """What pdfplumber's `Table.extract` gives (a row's cells, None where the row has no cell
    in a column), each row reading only the characters whose middle lies between its top and
    bottom rather than testing every character of the page for every row."""
    from pdfplumber.utils import extract_text

    def middle(index: int) -> float:
        return float(chars[index]["top"] + chars[index]["bottom"]) / 2

    order = sorted(range(len(chars)), key=middle)
    middles = [middle(index) for index in order]
    rows = []
    for row in table.rows:
        _, top, _, bottom = row.bbox
        # in the page's order, which pdfplumber's reading of a cell keeps where it ties
        band = [chars[index] for index in
                sorted(order[bisect_left(middles, top):bisect_left(middles, bottom)])]
        rows.append([None if cell is None else extract_text(_inside(band, cell))
                     for cell in row.cells])
    return rows


def _inside(chars: list[dict[str, Any]], bbox: Box) -> list[dict[str, Any]]:
    """The characters whose middle is in the box, as pdfplumber's Table.extract tests them."""
    x0, top, x1, bottom = bbox
    return [char for char in chars if x0 <= (char["x0"] + char["x1"]) / 2 < x1
            and top <= (char["top"] + char["bottom"]) / 2 < bottom]


def holds_grid(horizontal: list[Rule], vertical: list[Rule]) -> bool:
    """Whether a page's rules cross as a table that `place_tables` could keep: cells touching at
    their corners, two rows of them with two or more cells each, a cell being a box whose four
    sides are rules and whose corners are where they cross. Boxes around text, a single row,
    and rules that run one way only (lines under headings, a table ruled only between its
    rows) are no such grid."""
    across, down = _as_found(horizontal), _as_found(vertical)
    if len(across) < 3 or len(down) < 3:
        return False
    corners = _corners(across, down)
    below: dict[float, list[tuple[float, frozenset[int]]]] = {}  # by x: (y, vertical rules)
    right: dict[float, list[tuple[float, frozenset[int]]]] = {}  # by y: (x, horizontal rules)
    for (x, y), (rows, columns) in sorted(corners.items()):
        below.setdefault(x, []).append((y, columns))
        right.setdefault(y, []).append((x, rows))
    cells = [cell for (x, y), (rows, columns) in corners.items()
             if (cell := _cell_from(corners, x, y, rows, columns, below[x], right[y]))]
    # a table is the cells that touch at a corner, one through another
    table = {point: point for cell in cells for point in _cell_corners(cell)}

    def root(point: tuple[float, float]) -> tuple[float, float]:
        while table[point] != point:
            table[point] = table[table[point]]
            point = table[point]
        return point

    for cell in cells:
        first, *others = _cell_corners(cell)
        for other in others:
            table[root(other)] = root(first)
    in_row: dict[tuple[tuple[float, float], float], int] = {}
    for cell in cells:
        key = (root((cell[0], cell[1])), cell[1])
        in_row[key] = in_row.get(key, 0) + 1
    full_rows: dict[tuple[float, float], int] = {}
    for (found, _), count in in_row.items():
        if count >= 2:
            full_rows[found] = full_rows.get(found, 0) + 1
    return any(count >= 2 for count in full_rows.values())


Cell = tuple[float, float, float, float]


def _cell_corners(cell: Cell) -> list[tuple[float, float]]:
    x0, y0, x1, y1 = cell
    return [(x0, y0), (x0, y1), (x1, y0), (x1, y1)]


Corners = dict[tuple[float, float], tuple[frozenset[int], frozenset[int]]]


def _as_found(rules: list[Rule]) -> list[Rule]:
    """Rules of one direction as pdfplumber sees them: those within SNAP of each other (in a
    chain) moved to their mean position, collinear pieces that touch joined, short ones gone."""
    rules = sorted(rule for rule in rules if rule[2] - rule[1] >= 1)
    snapped: list[Rule] = []
    group: list[Rule] = []
    for rule in [*rules, (math.inf, 0.0, 0.0)]:
        if group and rule[0] - group[-1][0] > SNAP:
            mean = sum(member[0] for member in group) / len(group)
            snapped.extend((mean, start, end) for _, start, end in group)
            group = []
        group.append(rule)
    joined: list[Rule] = []
    for position, start, end in sorted(snapped):
        if joined and joined[-1][0] == position and start <= joined[-1][2] + REACH:
            joined[-1] = (position, joined[-1][1], max(end, joined[-1][2]))
        else:
            joined.append((position, start, end))
    return [rule for rule in joined if rule[2] - rule[1] >= SNAP]


def _corners(across: list[Rule], down: list[Rule]) -> Corners:
    """Where a horizontal rule meets a vertical one, with the rules that meet there."""
    found: dict[tuple[float, float], tuple[set[int], set[int]]] = {}
    for row, (y, left, right) in enumerate(across):
        for column, (x, top, bottom) in enumerate(down):
            if left - REACH <= x <= right + REACH and top - REACH <= y <= bottom + REACH:
                rows, columns = found.setdefault((x, y), (set(), set()))
                rows.add(row)
                columns.add(column)
    return {point: (frozenset(rows), frozenset(columns))
            for point, (rows, columns) in found.items()}


def _cell_from(corners: Corners, x: float, y: float, rows: frozenset[int],
               columns: frozenset[int], below: list[tuple[float, frozenset[int]]],
               right: list[tuple[float, frozenset[int]]]) -> Cell | None:
    """The cell that opens at the corner (x, y), if any: down one of its vertical rules and along
    one of its horizontal rules to the nearest corners that a fourth corner closes."""
    downs = [(y2, corners[(x, y2)][0]) for y2, columns2 in below
             if y2 > y and columns2 & columns]
    alongs = [(x2, corners[(x2, y)][1]) for x2, rows2 in right if x2 > x and rows2 & rows]
    for y2, rows2 in downs:
        for x2, columns2 in alongs:
            far = corners.get((x2, y2))
            if far is not None and far[0] & rows2 and far[1] & columns2:
                return (x, y, x2, y2)
    return None


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
    start = _body_start(rows)
    if start > 1:  # a header of figures' columns, wrapped over several rows of its cells
        return [_merged(rows[:start]), *_joined_labels(rows[start:])]
    header = rows[0]
    body = rows[1:]
    # a header that wraps in its cells comes out as several rows of short words
    figures = any(_has_digit(row) for row in body)
    while len(body) > 1 and (_continues_header(body[0], len(keep))
                             or figures and _short_words(body[0]) and not _has_digit(body[0])):
        header = [_join(a, b) for a, b in zip(header, body[0], strict=True)]
        body = body[1:]
    return [header, *_joined_labels(body)]


def _body_start(rows: list[list[str]]) -> int:
    """The first row of figures (cells after its label that are mostly numbers or dashes) that
    no row of words follows: a header's "Wave" / "1" / "areas" wraps around a number. 0 when
    the table has none within its first rows."""
    for index, row in enumerate(rows[:HEADER_ROWS + 1]):
        cells = [cell for cell in row[1:] if cell]
        numeric = [cell for cell in cells if FIGURE_CELL.match(cell)]
        words = [cell for cell in (rows[index + 1][1:] if index + 1 < len(rows) else [])
                 if cell]
        if numeric and 2 * len(numeric) > len(cells) and not (
                len(words) >= 2 and not any(FIGURE_CELL.match(cell) for cell in words)):
            return index
    return 0


FIGURE_CELL = re.compile(r"^[-–£]?\s*[\d.,]+\s*%?$|^[-–]$")


def _joined_labels(rows: list[list[str]]) -> list[list[str]]:
    """Rows whose label wrapped onto a line of its own ("Phase 1" / "(Oct 24)"): a row with
    only a label that reads on (a bracket, a plus, a lowercase word) joins the row above."""
    joined: list[list[str]] = []
    for row in rows:
        if joined and row[0] and not any(row[1:]) and re.match(r"[(+&a-z]", row[0]):
            joined[-1] = [f"{joined[-1][0]} {row[0]}", *joined[-1][1:]]
        else:
            joined.append(row)
    return joined


def _merged(rows: list[list[str]]) -> list[str]:
    """One header from its rows: each column's pieces in order, a word that the cell's
    width broke joined again ("Lincoln" / "shire")."""
    header = []
    for column in zip(*rows, strict=True):
        text = ""
        for piece in (cell for cell in column if cell):
            text = _join(text, piece)
        header.append(text)
    return header


def _join(before: str, piece: str) -> str:
    """Two pieces of a cell's text: one word when the break fell inside it (the joined word is
    English, or a piece is no word: "Tota" / "l"), else two."""
    if not before or not piece:
        return before or piece
    left = re.search(r"([A-Za-z]+)$", before)
    right = re.match(r"([a-z]+)\b", piece)
    if left and right:
        joined = (left.group(1) + right.group(1)).lower()
        if joined in model_words() or not _a_word(left.group(1)) or not _a_word(right.group(1)):
            return before + piece
    return f"{before} {piece}"


def _a_word(text: str) -> bool:
    """An English word: one the model knows, or a short word of grammar ("in", "of", "a")."""
    return text.lower() in model_words() or text.lower() in STOP


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
