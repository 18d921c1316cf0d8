"""DOCX reader: paragraphs and tables in body order, one block a line."""

from __future__ import annotations

import zipfile
from pathlib import Path

from kb.errors import UnreadableFile
from kb.extract import RawDocument


def read_docx(path: Path) -> RawDocument:
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(str(path))
    except (zipfile.BadZipFile, KeyError, ValueError, PackageNotFoundError):
        raise UnreadableFile(f"{path}: corrupt or not a DOCX file") from None
    lines: list[str] = []
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            lines.append(item.text)
        elif isinstance(item, Table):
            for row in item.rows:
                cells = _unique_cells(cell.text.strip() for cell in row.cells)
                lines.append(" | ".join(cell for cell in cells if cell))
    title = (document.core_properties.title or "").strip() or None
    return RawDocument(pages=["\n".join(lines)], paged=False, title_hint=title)


def _unique_cells(cells: object) -> list[str]:
    # merged cells repeat their text once per grid column
    seen: list[str] = []
    for cell in cells:  # type: ignore[attr-defined]
        if not seen or seen[-1] != cell:
            seen.append(cell)
    return seen
