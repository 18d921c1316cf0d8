"""DOCX reader: paragraphs and tables in body order, with headings and list items told by
their Word styles and each table row as one row of tab-separated cells."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

from kb.errors import UnreadableFile
from kb.extract import Line, RawDocument

HEADING_STYLE = re.compile(r"^(?:heading|überschrift|titre)\s*(\d)", re.I)


def read_docx(path: Path) -> RawDocument:
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(str(path))
    except (zipfile.BadZipFile, KeyError, ValueError, PackageNotFoundError):
        raise UnreadableFile(f"{path}: corrupt or not a DOCX file") from None
    lines: list[Line] = []
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            if line := _paragraph(item):
                lines.append(line)
        elif isinstance(item, Table):
            lines.extend(_table(item))
    title = (document.core_properties.title or "").strip() or None
    return RawDocument(pages=["\n".join(line.text for line in lines)], paged=False,
                       title_hint=title, layout=[lines])


def _paragraph(paragraph: Any) -> Line | None:
    text = re.sub(r"\s+", " ", paragraph.text).strip()
    if not text:
        return None
    style = (paragraph.style.name if paragraph.style is not None else "") or ""
    if match := HEADING_STYLE.match(style):
        return Line(text, "heading", int(match.group(1)))
    if style.lower() in ("title", "subtitle"):
        return Line(text, "heading", 1)
    numbered = paragraph._p.pPr is not None and paragraph._p.pPr.numPr is not None
    if "list" in style.lower() or numbered:
        return Line(f"• {text}", "item", 1)
    if style.lower() == "caption":
        return Line(text, "caption")
    if _set_as_heading(paragraph, text):
        return Line(text, "heading", 2)
    return Line(text, "text")


def _set_as_heading(paragraph: Any, text: str) -> bool:
    """A short paragraph set wholly in bold, with no closing full stop, is a heading even
    without a heading style (templates often do that)."""
    runs = [run for run in paragraph.runs if run.text.strip()]
    if not runs or len(text.split()) > 15 or text.endswith((".", ",", ";")):
        return False
    style_bold = bool(paragraph.style is not None and paragraph.style.font.bold)
    return all(run.bold or (run.bold is None and style_bold) for run in runs)


def _table(table: Any) -> list[Line]:
    """One row line per table row; a one-column table is boxed text, so its cells are text."""
    rows = []
    for row in table.rows:
        cells = _unique_cells(re.sub(r"\s+", " ", cell.text).strip() for cell in row.cells)
        if any(cells):
            rows.append(cells)
    if all(sum(1 for cell in row if cell) <= 1 for row in rows):
        return [Line(cell, "text") for row in rows for cell in row if cell]
    return [Line("\t".join(row), "row") for row in rows]


def _unique_cells(cells: Any) -> list[str]:
    # merged cells repeat their text once per grid column
    seen: list[str] = []
    for cell in cells:
        if not seen or seen[-1] != cell or not cell:
            seen.append(cell)
    return seen
