"""Chunk: cut a document's blocks into passages of about 100-250 words that keep their place.

A passage is an exact slice of the document's text (pages joined by a blank line), so its
offsets, page range and quoted text can always be checked against the source.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from kb.extract.clean import _is_heading_line, _is_numeric

PAGE_JOIN = "\n\n"
# a row of a flattened table ends in a figure; a heading does not, unless it is a year
FIGURE = re.compile(r"^(?!(?:19|20)\d\d$)[£$]?\d[\d,.]*%?$")


@dataclass(frozen=True)
class Block:
    start: int
    end: int
    text: str
    kind: str  # heading | numeric | text


@dataclass(frozen=True)
class Chunk:
    text: str
    char_start: int
    char_end: int
    page: int | None
    page_end: int | None
    section: str | None


def join_pages(pages: list[str]) -> tuple[str, list[int]]:
    """The document's text and the offset at which each page starts."""
    starts, offset = [], 0
    for page in pages:
        starts.append(offset)
        offset += len(page) + len(PAGE_JOIN)
    return PAGE_JOIN.join(pages), starts


def split_blocks(text: str) -> list[Block]:
    blocks, offset = [], 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = offset + line.index(stripped)
            kind = "numeric" if _is_numeric(stripped) else (
                "heading" if _is_heading_line(stripped) and not stripped.startswith("•")
                and not FIGURE.match(stripped.split()[-1]) else "text")
            blocks.append(Block(start, start + len(stripped), stripped, kind))
        offset += len(line) + 1
    return blocks


def chunk_document(pages: list[str], paged: bool, min_words: int = 100,
                   max_words: int = 250) -> tuple[str, list[Chunk]]:
    """Cut the cleaned pages into passages; returns the document text and its chunks."""
    text, page_starts = join_pages(pages)
    blocks = _split_long(split_blocks(text), text, max_words)
    groups: list[tuple[list[Block], str | None]] = []
    current: list[Block] = []
    words = 0
    section: str | None = None
    current_section: str | None = None
    for index, block in enumerate(blocks):
        count = len(block.text.split())
        if block.kind == "heading" and _heading_starts_section(blocks, index):
            if words >= min_words * 0.4:
                groups.append((current, current_section))
                current, words = [], 0
            section = block.text
        over = words + count > max_words
        keep_with_table = block.kind == "numeric" and words + count <= max_words * 1.3
        if current and over and not keep_with_table:
            groups.append((current, current_section))
            current, words = [], 0
        if not current:
            current_section = section
        current.append(block)
        words += count
    if current:
        groups.append((current, current_section))
    return text, [_make_chunk(text, group, sec, page_starts, paged) for group, sec in groups]


def _heading_starts_section(blocks: list[Block], index: int) -> bool:
    """A heading-shaped block followed by prose, not a row of a flattened table."""
    following = blocks[index + 1] if index + 1 < len(blocks) else None
    return following is not None and following.kind != "numeric" and (
        following.kind == "text" or len(following.text.split()) > 3)


def _split_long(blocks: list[Block], text: str, max_words: int) -> list[Block]:
    """Split a block longer than a passage at sentence ends."""
    out: list[Block] = []
    for block in blocks:
        if len(block.text.split()) <= max_words * 0.8:
            out.append(block)
            continue
        piece_start, words = block.start, 0
        for match in re.finditer(r"[.!?](\s+)(?=[A-Z\"'(])", block.text):
            end = block.start + match.start() + 1
            words = len(text[piece_start:end].split())
            if words >= max_words * 0.5:
                out.append(Block(piece_start, end, text[piece_start:end], "text"))
                piece_start = block.start + match.end()
        out.append(Block(piece_start, block.end, text[piece_start:block.end], "text"))
    return out


def _make_chunk(text: str, group: list[Block], section: str | None, page_starts: list[int],
                paged: bool) -> Chunk:
    start, end = group[0].start, group[-1].end
    page = page_end = None
    if paged:
        page = bisect.bisect_right(page_starts, start)
        page_end = bisect.bisect_right(page_starts, end - 1)
    return Chunk(text[start:end], start, end, page, page_end, section)
