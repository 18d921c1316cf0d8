"""HTML reader: the visible text of every element, one line per block, scripts and styles dropped.

Text is read string by string in document order and grouped by its nearest block ancestor,
so text that sits directly in a `<div>` (or a `<section>`, or `<body>`) beside headings and
paragraphs is kept, in its place, rather than only the text of a known list of tags.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kb.extract import RawDocument
from kb.extract.text import decode

BLOCK_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "blockquote", "tr", "dt", "dd",
              "figcaption", "caption", "pre", "div", "section", "article", "main", "header",
              "footer", "aside", "address", "form", "fieldset", "details", "summary", "dl",
              "ul", "ol", "table", "figure", "body", "html", "center", "legend", "label"}
HIDDEN_TAGS = ["script", "style", "noscript", "template", "nav", "svg", "iframe", "object"]


def read_html(path: Path) -> RawDocument:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(decode(path), "html.parser")
    for tag in soup(HIDDEN_TAGS):
        tag.decompose()
    title_tag = soup.find("title")
    title = title_tag.get_text(" ", strip=True) if title_tag else None
    if soup.head:
        soup.head.decompose()
    return RawDocument(pages=["\n".join(html_lines(soup))], paged=False,
                       title_hint=title or None)


def html_lines(soup: Any) -> list[str]:
    """One line per run of text under the same block element; a table row's cells joined by
    " | ", a list item marked with a bullet."""
    from bs4 import NavigableString
    from bs4.element import PreformattedString

    lines: list[str] = []
    block: Any = None
    parts: list[tuple[int, str]] = []
    for string in soup.find_all(string=True):
        if not isinstance(string, NavigableString) or isinstance(string, PreformattedString):
            continue  # comments, doctype, CDATA, processing instructions
        text = " ".join(string.split())
        if not text:
            continue
        nearest = next((parent for parent in string.parents if parent.name in BLOCK_TAGS), None)
        if nearest is not block:
            _flush(block, parts, lines)
            block, parts = nearest, []
        cell = next((parent for parent in string.parents if parent.name in ("td", "th")), None)
        parts.append((id(cell), text))
    _flush(block, parts, lines)
    return lines


def _flush(block: Any, parts: list[tuple[int, str]], lines: list[str]) -> None:
    if not parts:
        return
    if block is not None and block.name == "tr":
        cells: dict[int, list[str]] = {}
        for cell, text in parts:
            cells.setdefault(cell, []).append(text)
        lines.append(" | ".join(" ".join(texts) for texts in cells.values()))
        return
    prefix = "• " if block is not None and block.name == "li" else ""
    lines.append(prefix + " ".join(text for _, text in parts))
