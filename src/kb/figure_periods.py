"""The period each figure is stated for: one written after it, its clause's, or the default."""

from __future__ import annotations

import re

from kb.measures import measure_words
from kb.models import Figure
from kb.sentences import Sentence, split_sentences

_RELATIVE_BEFORE = re.compile(r"\b(?:last|previous|prior)\s+year,?\s+(?:all\s+|only\s+|just\s+)?$",
                              re.I)
_COMPARED = re.compile(r"\b(?:compared\s+(?:with|to)|up\s+from|down\s+from|than\s+in)\b", re.I)
_RELATIVE = re.compile(
    r"^[\s,)(]*(?:in\s+|during\s+)?(?:a\s+year\s+(?:earlier|before|ago)|(?:the\s+)?(?:previous|"
    r"prior|last)\s+year|the\s+year\s+before)", re.I)
_EXPLICIT = re.compile(r"^[\s,)(]*(?:in|for|during|at\s+the\s+end\s+of|by)?\s*(?:the\s+)?"
                       r"(?:year\s+)?", re.I)
_INHERIT = re.compile(r"(?:compared\s+(?:with|to)|from|than(?:\s+the)?|against|versus|vs\.?)"
                      r"[\s(]*$", re.I)


# a yearly report's row sets this year beside the one or two before ("19% 21%"); a longer run
# of figures with no year over it counts other things (areas, waves, groups), not years back
YEARS_IN_A_ROW = 3


def assign_periods(text: str, figures: list[Figure], default_period: str | None) -> None:
    """A figure's period: one written just after it, else its clause's, else the default."""
    for sentence in split_sentences(text):
        inside = [f for f in figures if sentence.start <= f.start < sentence.end]
        stated = [f for f in inside if f.kind in ("period", "date")]
        values = [f for f in inside if f.kind not in ("period", "date", "year")]
        claimed = _claim_explicit(text, sentence, stated, values)
        free = [f for f in stated if f.start not in claimed]
        if not stated and (row := _table_row(text, sentence, values)) and \
                len(row) <= YEARS_IN_A_ROW:
            # a flattened table row, "Re-referral rate 19% 21%": last year, then this year
            label = measure_words(text, [], row[0])
            for back, figure in enumerate(reversed(row)):
                figure.period = shift_period(default_period, -back)
                figure.measure = label
            continue
        marker = _COMPARED.search(text, sentence.start, sentence.end)
        previous: Figure | None = None
        for figure in values:
            base = _clause_period(figure, free, marker, default_period)
            _give_period(text, sentence, figure, values, base)
            head = text[max(sentence.start, figure.start - 25):figure.start]
            if previous is not None and not figure.measure:
                figure.measure = previous.measure  # "...; a rate of 51.7 per 10,000"
            elif previous is not None and _INHERIT.search(head):
                figure.inherits = True
                figure.measure = " ".join(dict.fromkeys(
                    f"{previous.measure} {figure.measure}".split()))
            previous = figure


def _claim_explicit(text: str, sentence: Sentence, stated: list[Figure], values: list[Figure]
                    ) -> set[int]:
    """Periods written right after a figure ("131 in 2020-21") or a relative one ("a year
    earlier") are that figure's own; returns the starts of the periods so claimed."""
    claimed: set[int] = set()
    for figure in values:
        tail = text[figure.end:min(sentence.end, figure.end + 40)]
        head = text[max(sentence.start, figure.start - 30):figure.start]
        if _RELATIVE.match(tail) or _RELATIVE_BEFORE.search(head):
            figure.relative = -1
            continue
        following = [f for f in stated if 0 <= f.start - figure.end <= 40]
        between = _EXPLICIT.match(text[figure.end:following[0].start]) if following else None
        if following and between is not None and between.end() == \
                following[0].start - figure.end and f_between(values, figure, following[0]):
            figure.period = following[0].period
            claimed.add(following[0].start)
    return claimed


def _clause_period(figure: Figure, free: list[Figure], marker: re.Match[str] | None,
                   default_period: str | None) -> str | None:
    """The period of the figure's clause: a period stated in a "compared with ..." clause
    belongs to that clause, not to the figures before it."""
    if marker is None:
        return free[0].period if free else default_period
    before = [f for f in free if f.start < marker.start()]
    after = [f for f in free if f.start >= marker.start()]
    side = after or before if figure.start >= marker.start() else before
    if side:
        return side[0].period
    return default_period or (shift_period(after[0].period, 1) if after else None)


def _give_period(text: str, sentence: Sentence, figure: Figure, values: list[Figure],
                 base: str | None) -> None:
    if figure.period is None and not figure.relative:
        figure.period = base
    elif figure.relative:
        figure.period = shift_period(base, figure.relative)
    head = text[max(sentence.start, figure.start - 25):figure.start]
    after = [f for f in values if f.start >= figure.end]
    if after and re.search(r"\bfrom\s*$", head) and re.fullmatch(
            r"\s*to\s*", text[figure.end:after[0].start]) and not figure.relative:
        figure.period = shift_period(figure.period, -1)  # "rose from 291 to 327"


def _table_row(text: str, sentence: Sentence, values: list[Figure]) -> list[Figure]:
    """The run of same-kind figures that ends a line with nothing between them, if 2 or more."""
    if not values or values[-1].end != sentence.end:
        return []
    run = [values[-1]]
    for figure in reversed(values[:-1]):
        gap = text[figure.end:run[0].start].strip()
        if figure.kind != run[0].kind or gap not in ("", "|"):
            break
        run.insert(0, figure)
    return run if len(run) >= 2 else []


def f_between(values: list[Figure], figure: Figure, period: Figure) -> bool:
    """True when no other figure stands between `figure` and the period after it."""
    return not any(figure.end <= f.start < period.start for f in values if f is not figure)


def shift_period(period: str | None, years: int) -> str | None:
    if not period:
        return None
    start = int(period[:4]) + years
    return f"{start}-{(start + 1) % 100:02d}"
