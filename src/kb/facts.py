"""Facts: each cell of a table row or stat panel as (row label, column header, value, period).

Rows come from the layout (`row` blocks: cells joined by tabs). A run of rows is one table;
its first row is the header when it holds no figures other than years; the caption above it,
or else the nearest heading, names it. Search, ask and check read facts with their page.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import asdict, dataclass
from typing import Any

from kb.chunk import Block
from kb.extract.metadata import periods_in

VALUE = re.compile(r"^[£$]?\d[\d,]*(?:\.\d+)?\s*(?:%|per cent|k|m)?$", re.I)
YEAR = re.compile(r"^(?:19|20)\d\d$")


@dataclass(frozen=True)
class Fact:
    page: int | None
    char_start: int  # where the row starts in the document's text
    caption: str
    label: str
    column: str
    value: str
    period: str | None

    def describe(self) -> str:
        """One line a person can read: "caption · label · column · value"."""
        parts = [self.caption, self.label, self.column, self.value]
        return " · ".join(part for part in parts if part)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _is_value(cell: str) -> bool:
    return bool(VALUE.match(cell)) and not YEAR.match(cell)


def facts_from_blocks(blocks: list[Block], page_starts: list[int], paged: bool) -> list[Fact]:
    facts: list[Fact] = []
    name = ""
    index = 0
    while index < len(blocks):
        block = blocks[index]
        if block.kind in ("heading", "caption"):
            name = block.text
        if block.kind != "row":
            index += 1
            continue
        # rows of one table have as many cells as its first: a different count starts another
        width = block.text.count("\t")
        end = index
        while end < len(blocks) and blocks[end].kind == "row" and \
                blocks[end].text.count("\t") == width:
            end += 1
        facts.extend(_table_facts(blocks[index:end], name, page_starts, paged))
        index = end
    return facts


def is_contents(cells: list[list[str]]) -> bool:
    """A contents list, not data: every row a title and one whole number, the numbers never
    falling down the rows (the pages the titles start on) and mostly rising."""
    pages = []
    for row in cells:
        filled = [cell.strip() for cell in row if cell.strip()]
        if len(filled) != 2 or not filled[1].isdigit() or periods_in(filled[0]):
            return False  # a year's row is a series ("2021-22  134"), whatever its order
        pages.append(int(filled[1]))
    return len(pages) >= 4 and pages == sorted(pages) and len(set(pages)) > len(pages) // 2


def _table_facts(rows: list[Block], name: str, page_starts: list[int], paged: bool
                 ) -> list[Fact]:
    cells = [row.text.split("\t") for row in rows]
    if is_contents(cells):
        return []
    header: list[str] = []
    if len(cells) > 1 and not any(_is_value(cell) for cell in cells[0][1:]):
        header, cells, rows = cells[0], cells[1:], rows[1:]
    facts = []
    size = group_size(header)
    for row, values in zip(rows, cells, strict=True):
        if _same_cells(values, header):
            continue  # a table run over a page break repeats its header row on the next page
        page = bisect.bisect_right(page_starts, row.start) if paged else None
        # a long list set in columns side by side ("Code Name Code Name"): each group of
        # cells is a row of its own, under the group's header
        for first in range(0, len(values), size or len(values)):
            filled = [(column, cell) for column, cell in enumerate(values)
                      if first <= column < first + (size or len(values)) and cell.strip()]
            if len(filled) < 2:
                continue
            label = filled[0][1]
            for column, value in filled[1:]:
                heading = header[column] if column < len(header) else ""
                found = periods_in(heading) or periods_in(label) or periods_in(name)
                facts.append(Fact(page, row.start, name, label, heading, value,
                                  found[0] if found else None))
    return facts


def group_size(header: list[str]) -> int | None:
    """The width of the group of columns a header repeats across the page ("Code | Name | Code
    | Name | Code | Name": 2), or None when its columns are not one group said again."""
    names = [" ".join(cell.split()).lower() for cell in header]
    for size in range(2, len(names) // 2 + 1):
        if len(names) % size == 0 and all(names[:size]) and \
                names == names[:size] * (len(names) // size):
            return size
    return None


def _same_cells(row: list[str], header: list[str]) -> bool:
    return bool(header) and [" ".join(c.split()).lower() for c in row] == \
        [" ".join(c.split()).lower() for c in header]


def row_of(text: str, fact: Fact) -> tuple[str, int, int] | None:
    """The line of a passage's text that holds the fact's row, as one line of words, with
    where the line starts and ends in the text (a quote for an answer or a verdict)."""
    offset = 0
    for line in text.split("\n"):
        cells = line.split("\t")
        if len(cells) > 1 and cells[0].strip() == fact.label.strip() and fact.value in cells:
            return " ".join(line.split()), offset, offset + len(line)
        offset += len(line) + 1
    return _group_of(text, fact)


def _group_of(text: str, fact: Fact) -> tuple[str, int, int] | None:
    """The cells that hold a fact whose label is not its line's first cell (a row that opens on
    empty cells; a group of a row set in groups side by side, `group_size`): from its label's
    cell to its value's, with where they start and end in the text."""
    offset = 0
    for line in text.split("\n"):
        cells = line.split("\t")
        starts = list(itertools.accumulate((len(c) + 1 for c in cells[:-1]), initial=offset))
        for at, cell in enumerate(cells[1:-1], start=1):
            if cell.strip() == fact.label.strip() and fact.value in cells[at + 1:]:
                end = cells.index(fact.value, at + 1)
                start, stop = starts[at], starts[end] + len(cells[end])
                return " ".join(text[start:stop].split()), start, stop
        offset += len(line) + 1
    return None
