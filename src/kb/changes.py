"""Changes: what a draft paragraph changed from the source it reuses, as word-level edits over
whole sentences of the source, and the figures it carried over unchanged (likely stale)."""

from __future__ import annotations

import difflib
import re
from functools import lru_cache
from typing import Any

from kb.models import Figure
from kb.numbers import find_figures, stated_figures
from kb.sentences import split_sentences


def fold(text: str) -> str:
    """Compare text, not typography: case, quotes and dashes folded, one character for one."""
    return re.sub(r"\s", " ", text.lower().translate(str.maketrans("‘’“”–—", "''\"\"--")))


def sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen an aligned span to the whole sentences it touches, so a changed word shows as a
    replacement next to what it replaced, never as a trimmed edge."""
    end = min(len(text), end)
    boundary = re.compile(r"[.!?:;]\s|\n")
    before = [m.end() for m in boundary.finditer(text, 0, max(0, start))]
    start = before[-1] if before else 0
    after = boundary.search(text, max(start, end - 1))
    end = after.start() + 1 if after else len(text)
    return start, min(len(text), end)


def best_sentence_span(paragraph: str, text: str) -> tuple[int, int]:
    """For a paraphrase: the run of source sentences sharing most words with the paragraph."""
    words = set(re.findall(r"\w+", paragraph.lower()))
    sentences = split_sentences(text)
    if not sentences:
        return 0, len(text)
    best = max(sentences, key=lambda s: len(words & set(re.findall(r"\w+", s.text.lower()))))
    return best.start, best.end


def word_changes(source: str, draft: str) -> list[dict[str, str]]:
    """Word-level differences from the source span to the draft paragraph."""
    old, new = source.split(), draft.split()
    matcher = difflib.SequenceMatcher(a=[fold(w) for w in old], b=[fold(w) for w in new],
                                      autojunk=False)
    changes: list[dict[str, Any]] = []
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op != "equal":
            change: dict[str, Any] = {"op": op, "source": " ".join(old[a1:a2]),
                                      "draft": " ".join(new[b1:b2])}
            if op == "delete" and (a1 == 0 or a2 == len(old)):
                change["edge"] = True
            changes.append(change)
    return changes


def trim_edges(changes: list[dict[str, str]]) -> list[dict[str, str]]:
    """Drop source words the alignment took in at either edge: they are not the draft's edits."""
    while changes and changes[0]["op"] == "delete" and changes[0].get("edge"):
        changes = changes[1:]
    while changes and changes[-1]["op"] == "delete" and changes[-1].get("edge"):
        changes = changes[:-1]
    for change in changes:
        change.pop("edge", None)
    return changes


def carried_figures(paragraph: str, source: str) -> list[dict[str, Any]]:
    """Figures that state a measure (counts, rates, shares, money, days) which the draft
    repeats unchanged from its source: likely out of date. Ages ("under 18") and small counts
    (list numbers, "two-thirds") are not."""
    source_values = {(f.kind, f.value) for f in stated_figures(find_figures(source))}
    stale = []
    for figure in stated_figures(find_figures(paragraph)):
        if figure.kind == "age" or figure.kind == "count" and figure.value < 10:
            continue
        if (figure.kind, figure.value) in source_values:
            stale.append({"text": figure.text, "value": figure.value, "kind": figure.kind,
                          "measure": figure.measure})
    return stale


# words that say a figure is rounded: "about a third", "roughly one in five"
_ROUNDED = re.compile(r"\b(?:about|around|approximately|roughly|nearly|almost|just\s+(?:over|"
                      r"under)|some|over|under|fewer\s+than|more\s+than)\s+$", re.I)


def figures_restated(paragraph: str, source: str, at_least: int = 1) -> tuple[int, int]:
    """How many of the paragraph's measures (shares, rates, money, dates, counts of ten or
    more) the source states too, allowing the rounding a rewrite does ("about a third" for
    34%, "one in five" for "1 in 5 (22%)"); and how many measures the paragraph has. A rewrite
    keeps its source's facts; a new paragraph on the same topic has facts of its own. The
    source is not read when the paragraph has fewer than `at_least` measures."""
    mine = [f for f in _stated(paragraph) if f.kind != "year"
            and not (f.kind == "count" and f.value < 10)]
    if len(mine) < at_least:
        return 0, len(mine)
    theirs = _stated(source)
    restated = 0
    for figure in mine:
        rounded = figure.decimals < 0 or figure.kind == "fraction" or bool(
            _ROUNDED.search(paragraph[max(0, figure.start - 16):figure.start]))
        restated += any(_close(figure, other, rounded) for other in theirs)
    return restated, len(mine)


@lru_cache(maxsize=256)
def _stated(text: str) -> tuple[Figure, ...]:
    """A text's stated figures but ages, read once: a paragraph is held against several
    candidates, a passage against several paragraphs."""
    return tuple(f for f in stated_figures(find_figures(text)) if f.kind != "age")


def _close(figure: Figure, other: Figure, rounded: bool) -> bool:
    shares = ("percent", "fraction")
    if figure.kind in shares and other.kind in shares:
        mine, theirs = _share(figure), _share(other)
    elif figure.kind == other.kind:
        mine, theirs = figure.value, other.value
    else:
        return False
    if figure.kind == "date" or not rounded:
        return bool(mine == theirs)
    return abs(mine - theirs) <= max(3.0, 0.1 * abs(theirs))


def _share(figure: Figure) -> float:
    return float(100 * figure.value / figure.total if figure.kind == "fraction" and figure.total
                 else figure.value)
