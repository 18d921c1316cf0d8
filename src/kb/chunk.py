"""Chunk: cut a document's blocks into passages of about 100-250 words that keep their place.

A passage is an exact slice of the document's text (pages joined by a blank line, blocks by a
line break), so its offsets, page range and quoted text can always be checked against the
source. A passage never crosses a heading; a table's caption and rows stay together as far as
the size allows; each passage carries its section path (chapter > section).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from kb.extract import Line
from kb.extract.clean import _is_heading_line, _is_numeric
from kb.sentences import TERMINAL

PAGE_JOIN = "\n\n"
# a row of a flattened table ends in a figure; a heading does not, unless it is a year
FIGURE = re.compile(r"^(?!(?:19|20)\d\d$)[£$]?\d[\d,.]*%?$")
PATH_DEPTH = 2  # chapter > section


@dataclass(frozen=True)
class Block:
    start: int
    end: int
    text: str
    kind: str  # heading | text | item | row | caption | numeric | contents
    level: int = 0


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


def guess_kind(text: str) -> str:
    """The kind of a block of text with no layout to tell it: by its shape alone."""
    if _is_numeric(text):
        return "numeric"
    if text.startswith("•"):
        return "item"
    if " | " in text or "\t" in text:
        return "row"
    if _is_heading_line(text) and not FIGURE.match(text.split()[-1]):
        return "heading"
    return "text"


def lines_from_text(page: str) -> list[Line]:
    return [Line(line.strip(), guess_kind(line.strip()), 1) for line in page.split("\n")
            if line.strip()]


def page_texts(pages: list[list[Line]]) -> list[str]:
    return ["\n".join(line.text for line in lines) for lines in pages]


def blocks_of(pages: list[list[Line]]) -> tuple[str, list[int], list[Block]]:
    """The document's text, its page starts and its blocks with their offsets."""
    text, starts = join_pages(page_texts(pages))
    blocks = []
    for lines, offset in zip(pages, starts, strict=True):
        for line in lines:
            blocks.append(Block(offset, offset + len(line.text), line.text, line.kind, line.level))
            offset += len(line.text) + 1
    return text, starts, blocks


def chunk_document(pages: list[str], paged: bool, min_words: int = 100,
                   max_words: int = 250) -> tuple[str, list[Chunk]]:
    """Cut cleaned text pages (blocks one a line, no layout) into passages."""
    return chunk_lines([lines_from_text(page) for page in pages], paged, min_words, max_words)


def chunk_lines(pages: list[list[Line]], paged: bool, min_words: int = 100,
                max_words: int = 250) -> tuple[str, list[Chunk]]:
    """Cut pages of kinded blocks into passages; returns the document text and its chunks."""
    text, page_starts, blocks = blocks_of(pages)
    return text, chunk_blocks(text, page_starts, blocks, paged, max_words)


def chunk_blocks(text: str, page_starts: list[int], blocks: list[Block], paged: bool,
                 max_words: int = 250) -> list[Chunk]:
    """The passages of a document's blocks (see blocks_of)."""
    blocks = _split_long(_prepare(blocks), text, max_words)
    groups: list[tuple[list[Block], str | None]] = []
    current: list[Block] = []
    words = 0
    path: dict[int, str] = {}
    current_section: str | None = None
    for index, block in enumerate(blocks):
        count = len(block.text.split())
        if block.kind == "contents":  # a table of contents repeats the headings: no passage
            if current:
                groups.append((current, current_section))
                current, words = [], 0
            continue
        if block.kind == "heading" and _heading_starts_section(blocks, index):
            if current and not all(b.kind == "heading" for b in current):
                groups.append((current, current_section))
                current, words = [], 0
            path = {lvl: name for lvl, name in path.items() if lvl < block.level}
            path[block.level] = block.text.rstrip(":")
        over = words + count > max_words
        table_tail = block.kind in ("row", "numeric") and words + count <= max_words * 1.3
        if current and _opens_table(blocks, index) and words + _table_words(blocks, index) \
                > max_words and current[-1].kind != "caption":
            over, table_tail = True, False  # a table starts a passage rather than split
        # a block that goes on with the sentence the last one left open (a paragraph a page
        # break or a change of spacing cut in two) stays with it: no passage ends mid-sentence
        if current and over and _runs_on(current[-1], block) and words + count <= max_words * 2:
            over = False
        if current and over and not table_tail:
            # a lead-in ("Before the session you should:") goes on with what it introduces
            carried = [current.pop()] if len(current) > 1 and _leads_in(current[-1]) else []
            groups.append((current, current_section))
            current, words = carried, sum(len(b.text.split()) for b in carried)
        if not current:
            current_section = _section(path)
        current.append(block)
        words += count
    if current:
        groups.append((current, current_section))
    return [_make_chunk(text, group, sec, page_starts, paged) for group, sec in groups]


def _prepare(blocks: list[Block]) -> list[Block]:
    """Headings without a level (no layout to rank them) are all level 1."""
    return [Block(b.start, b.end, b.text, b.kind, 1) if b.kind == "heading" and not b.level
            else b for b in blocks]


def _leads_in(block: Block) -> bool:
    """A line that introduces what follows: it ends in a colon and is no heading."""
    return block.kind != "heading" and block.text.rstrip().endswith(":")


def _opens_table(blocks: list[Block], index: int) -> bool:
    block = blocks[index]
    return block.kind == "caption" or block.kind == "row" and (
        index == 0 or blocks[index - 1].kind not in ("row", "caption"))


def _table_words(blocks: list[Block], index: int) -> int:
    words = 0
    for block in blocks[index:]:
        if block.kind not in ("row", "caption") or words and block.kind == "caption":
            break
        words += len(block.text.split())
    return words


def _section(path: dict[int, str]) -> str | None:
    names = [path[level] for level in sorted(path)]
    return " > ".join(names[-PATH_DEPTH:]) if names else None


def _heading_starts_section(blocks: list[Block], index: int) -> bool:
    """A heading followed by prose, a list, a table or another heading: not a row label of a
    flattened table (a heading-shaped line followed by a bare figure)."""
    following = blocks[index + 1] if index + 1 < len(blocks) else None
    return following is not None and following.kind != "numeric"


def _runs_on(last: Block, block: Block) -> bool:
    """Whether `block` carries on the sentence `last` leaves open: `last` is running text that
    stops on no closing mark, and `block` is running text that opens in lower case."""
    return last.kind in ("text", "item") and block.kind == "text" and \
        block.text[:1].islower() and not last.text.rstrip().endswith(TERMINAL)


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
                out.append(Block(piece_start, end, text[piece_start:end], block.kind))
                piece_start = block.start + match.end()
        out.append(Block(piece_start, block.end, text[piece_start:block.end], block.kind))
    return out


def _make_chunk(text: str, group: list[Block], section: str | None, page_starts: list[int],
                paged: bool) -> Chunk:
    start, end = group[0].start, group[-1].end
    page = page_end = None
    if paged:
        page = bisect.bisect_right(page_starts, start)
        page_end = bisect.bisect_right(page_starts, end - 1)
    return Chunk(text[start:end], start, end, page, page_end, section)
