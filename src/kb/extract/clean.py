"""Clean extracted text: normalise, drop repeated headers/footers and page numbers, rebuild blocks.

The output of every page is a string of blocks, one per line: a paragraph, a heading, a list
item with its text, or a table cell. Passages are cut from these blocks.
"""

from __future__ import annotations

import re
import statistics
import unicodedata
from collections import Counter
from collections.abc import Callable
from typing import TypeVar

BULLETS = "•●▪■◦○➢➤►▶✓✔·∙‣⁃*o-–"
LONE_BULLET = re.compile(rf"^[{re.escape(BULLETS)}]$")
BULLET_START = re.compile(rf"^[{re.escape(BULLETS.replace('o', ''))}]\s+")
NUMBERED = re.compile(r"^(\d+(\.\d+)*[.)]?|[a-z][.)]|\(?[ivx]+\))\s+\S")
PAGE_WORD = re.compile(r"^(page\s+\d+(\s*(of|/)\s*\d+)?|\d+\s*(of|/)\s*\d+|-\s*\d+\s*-)$", re.I)
BARE_NUMBER = re.compile(r"^\d{1,4}$")
TERMINAL = tuple('.!?:;"\')')
MARGIN = 3  # lines at the top and bottom of a page where headers and footers live
T = TypeVar("T")

TRANSLATE = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"',
    "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\t": " ",
    "\u00ad": None, "\u200b": None, "\u200c": None, "\u200d": None, "\ufeff": None,
    "\u2010": "-", "\u2011": "-", "\ufffe": "-",
})


def normalise(text: str) -> str:
    """Unicode NFKC (ligatures apart), straight quotes, no soft hyphens or odd spaces."""
    return unicodedata.normalize("NFKC", text).translate(TRANSLATE)


def clean_pages(pages: list[str], reflow: bool) -> list[str]:
    """Clean every page; `reflow` joins visual lines into blocks (PDF text)."""
    lines_per_page = [_lines(normalise(page)) for page in pages]
    if reflow:
        lines_per_page = drop_margins(lines_per_page)
    vocabulary = _vocabulary(lines_per_page)
    # the prose line width of the whole document: a page of table rows has no prose to tell it
    long_lines = [len(line) for lines in lines_per_page for line in lines
                  if len(line.split()) >= 8]
    width = statistics.median(long_lines) if long_lines else 80
    cleaned = []
    for lines in lines_per_page:
        lines = _join_bullets(lines)
        blocks = _reflow(lines, vocabulary, width) if reflow else lines
        cleaned.append("\n".join(blocks))
    return cleaned


def _lines(text: str) -> list[str]:
    return [re.sub(r"\s+", " ", line).strip() for line in text.splitlines() if line.strip()]


def _signature(line: str) -> str:
    return re.sub(r"\d+", "#", line.lower())


def drop_margins(pages: list[list[T]], text: Callable[[T], str] = str,
                 share: float = 0.6, least_pages: int = 2,
                 keep: Callable[[T], bool] = lambda item: False) -> list[list[T]]:
    """Drop lines repeated in the top or bottom lines of `share` of the pages (headers,
    footers) and page numbers: a bare number in the margin counts as one only in step with
    the page count, so a table's or a stat panel's figure stays. `keep` protects a line."""
    counts: Counter[str] = Counter()
    for lines in pages:
        counts.update({_signature(text(line)) for line in lines[:MARGIN] + lines[-MARGIN:]})
    needed = max(2, round(share * len(pages)))
    repeated = {sig for sig, n in counts.items() if n >= needed} \
        if len(pages) >= least_pages else set()
    offsets = Counter(int(text(line)) - number for number, lines in enumerate(pages, start=1)
                      for line in lines[:MARGIN] + lines[-MARGIN:]
                      if BARE_NUMBER.match(text(line)))
    common = offsets.most_common(1)
    offset = common[0][0] if common and common[0][1] >= max(2, len(pages) // 2) else None
    kept = []
    for number, lines in enumerate(pages, start=1):
        page = []
        for index, line in enumerate(lines):
            words = text(line)
            in_margin = index < MARGIN or index >= len(lines) - MARGIN
            page_number = offset is not None and BARE_NUMBER.match(words) is not None \
                and int(words) - number == offset
            if in_margin and not keep(line) and (
                    _signature(words) in repeated or PAGE_WORD.match(words) or page_number):
                continue
            page.append(line)
        kept.append(page)
    return kept


def _vocabulary(pages: list[list[str]]) -> set[str]:
    words: set[str] = set()
    for lines in pages:
        for line in lines:
            words.update(word.lower() for word in re.findall(r"[A-Za-z][A-Za-z-]+", line))
    return words


def _join_bullets(lines: list[str]) -> list[str]:
    """A bullet alone on its line takes the next line's text; runs of empty bullets go."""
    out: list[str] = []
    pending = False
    for line in lines:
        if LONE_BULLET.match(line) or re.fullmatch(rf"([{re.escape(BULLETS)}]\s*)+", line):
            pending = True
            continue
        if pending:
            line = f"• {line}"
            pending = False
        out.append(line)
    return out


def _mend_hyphen(head: str, tail: str, vocabulary: set[str]) -> str:
    """Join a word broken at a line end; drop the hyphen only when the joined word is known."""
    match = re.search(r"([A-Za-z]+)-$", head)
    next_word = re.match(r"[a-z]+", tail)
    if not match or not next_word:
        return f"{head} {tail}"
    joined = (match.group(1) + next_word.group(0)).lower()
    if joined in vocabulary:
        return head[:-1] + tail
    return head + tail


def _is_heading_line(line: str) -> bool:
    words = line.split()
    return (0 < len(words) <= 12 and len(line) <= 90 and not line.endswith(TERMINAL + (",", "-"))
            and line[0].isupper() and any(c.isalpha() for c in line))


def _reflow(lines: list[str], vocabulary: set[str], width: float) -> list[str]:
    """Join the visual lines of a PDF page into blocks."""
    blocks: list[str] = []
    previous = ""
    for line in lines:
        starts = (
            not blocks
            or BULLET_START.match(line) is not None
            or NUMBERED.match(line) is not None
            or line.startswith("•")
            or _is_heading_line(previous) and len(previous) < 0.7 * width
            or previous.endswith(TERMINAL) and len(previous) < 0.8 * width
            or _is_heading_line(line) and previous.endswith(TERMINAL)
            or _is_numeric(line) or _is_numeric(previous)
            or _ends_table_row(previous, line, width)
        )
        if starts:
            blocks.append(line)
        elif blocks[-1].endswith("-"):
            blocks[-1] = _mend_hyphen(blocks[-1], line, vocabulary)
        else:
            blocks[-1] = f"{blocks[-1]} {line}"
        previous = line
    return blocks


def _ends_table_row(previous: str, line: str, width: float) -> bool:
    """A short line ending in a figure, then a capitalised one: rows of a flattened table."""
    return (len(previous) < 0.8 * width and previous[-1:].isdigit() or previous.endswith("%")) \
        and line[:1].isupper()


def _is_numeric(line: str) -> bool:
    numeric = re.fullmatch(r"[£$]?[\d.,% ]+(per \S+)?%?", line)
    return bool(numeric) and any(c.isdigit() for c in line)
