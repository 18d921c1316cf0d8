"""Extract: read a file of any supported format into pages of raw text."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kb.errors import UnreadableFile

SUPPORTED_SUFFIXES = {".pdf", ".docx", ".html", ".htm", ".txt", ".md"}
ANCHOR_WORDS = 8  # the words before a footnote mark kept to find its sentence again


@dataclass
class Line:
    """One visual line (PDF) or one paragraph (other formats) with what the layout says of it.

    `kind` is text, heading, item (a list item, glyph removed), row (a table row, cells joined
    by tabs), caption (a table's title) or contents (a line of a table of contents). Sizes
    and positions are in points; `top` grows down the page. Readers without layout leave the
    geometry at zero.
    """

    text: str
    kind: str = "text"
    level: int = 0  # heading level, 1 the largest; list depth for items
    size: float = 0.0
    bold: bool = False
    x0: float = 0.0
    x1: float = 0.0
    top: float = 0.0
    bottom: float = 0.0
    # footnote marks the reader took out of the line: each with the words it followed
    marks: tuple[tuple[int, str], ...] = ()
    # the top of the line's font box, where the reader has one: lines are spaced by it
    font_top: float = 0.0


@dataclass
class RawDocument:
    """Text as a reader found it: one entry per PDF page, or one for the whole file."""

    pages: list[str]
    paged: bool  # True for PDFs: pages are real pages and lines need reflowing
    title_hint: str | None = None
    # structured lines per page, when the reader can tell headings, items and table rows
    layout: list[list[Line]] | None = None


def read_file(path: Path) -> RawDocument:
    """Read one file with the reader for its suffix; raise UnreadableFile with the reason."""
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        from kb.extract.pdf import read_pdf

        raw = read_pdf(path)
    elif suffix == ".docx":
        from kb.extract.docx import read_docx
        from kb.extract.safety import check_zip_container

        check_zip_container(path)  # a zip bomb is refused before python-docx inflates it
        raw = read_docx(path)
    elif suffix in {".html", ".htm"}:
        from kb.extract.html import read_html

        raw = read_html(path)
    elif suffix in {".txt", ".md"}:
        from kb.extract.text import read_text

        raw = read_text(path)
    else:
        raise UnreadableFile(f"{path}: unsupported file type {suffix or '(none)'}")
    if not any(page.strip() for page in raw.pages):
        raise UnreadableFile(f"{path}: empty, no text found")
    return raw
