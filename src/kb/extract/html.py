"""HTML reader: visible text of block elements, scripts and styles dropped."""

from __future__ import annotations

from pathlib import Path

from kb.extract import RawDocument
from kb.extract.text import decode

BLOCK_TAGS = ["h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "blockquote", "tr", "dt", "dd",
              "figcaption", "caption", "pre"]


def read_html(path: Path) -> RawDocument:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(decode(path), "html.parser")
    for tag in soup(["script", "style", "noscript", "template", "head", "nav"]):
        if tag.name == "head":
            continue
        tag.decompose()
    title_tag = soup.find("title")
    title = title_tag.get_text(" ", strip=True) if title_tag else None
    if soup.head:
        soup.head.decompose()
    lines: list[str] = []
    for element in soup.find_all(BLOCK_TAGS):
        if element.find(BLOCK_TAGS):
            continue  # its inner blocks carry the text
        if element.name == "tr":
            cells = [cell.get_text(" ", strip=True) for cell in element.find_all(["td", "th"])]
            lines.append(" | ".join(cell for cell in cells if cell))
        else:
            prefix = "• " if element.name == "li" else ""
            lines.append(prefix + element.get_text(" ", strip=True))
    if not lines:
        lines = soup.get_text("\n").splitlines()
    return RawDocument(pages=["\n".join(lines)], paged=False, title_hint=title or None)
