"""Snippets: the words of a passage that a query marks, and the text shown around them."""

from __future__ import annotations

import re
from functools import lru_cache


def find_marks(text: str, terms: list[str]) -> list[tuple[int, int]]:
    """Spans of words in `text` that match a query term or share its stem."""
    if not terms:
        return []
    return [(m.start(), m.end()) for m in _marker(tuple(terms)).finditer(text)]


@lru_cache(maxsize=1024)
def _marker(terms: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for the words a query marks: a term of more than four letters by its stem
    (it and its endings), a shorter one as the whole word."""
    forms = [re.escape(term[: max(4, len(term) - 2)]) + r"[A-Za-z0-9'-]*" if len(term) > 4
             else re.escape(term) for term in terms]
    return re.compile(r"(?<![A-Za-z0-9'-])(?:" + "|".join(forms) + r")(?![A-Za-z0-9'-])", re.I)


def make_snippet(text: str, marks: list[tuple[int, int]], width: int = 240) -> str:
    """About `width` characters around the densest run of marks, matches in **bold**."""
    if not marks:
        start, end = 0, min(len(text), width)
    else:
        best = max(range(len(marks)), key=lambda i: sum(
            1 for s, _ in marks if marks[i][0] <= s < marks[i][0] + width))
        start = max(0, marks[best][0] - width // 4)
        end = min(len(text), start + width)
    inside = [(s, e) for s, e in marks if s >= start and e <= end]
    pieces, cursor = [], start
    for s, e in inside:
        pieces.extend([text[cursor:s], "**", text[s:e], "**"])
        cursor = e
    pieces.append(text[cursor:end])
    snippet = "".join(pieces).replace("\n", " ")
    return ("…" if start > 0 else "") + snippet + ("…" if end < len(text) else "")
