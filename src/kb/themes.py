"""Themes: how many passages match each term, per period and document type, with the passages."""

from __future__ import annotations

import re
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from kb.errors import InvalidInput
from kb.models import Passage, passage_dict
from kb.query import Filters, ParsedQuery
from kb.snippets import find_marks

if TYPE_CHECKING:
    from kb.search import SearchEngine

UNDATED = "undated"
DEPTH = 10_000  # every matching passage counts, not only the top of a ranking


@dataclass
class Theme:
    term: str
    searched: str
    total: int
    by_period: dict[str, int]
    by_type: dict[str, int]
    passages: list[Passage] = field(default_factory=list)
    per_100: dict[str, float] = field(default_factory=dict)  # per 100 passages of that period
    marks: dict[int, list[tuple[int, int]]] = field(default_factory=dict)  # matched words

    def to_dict(self) -> dict[str, Any]:
        return {"term": self.term, "searched": self.searched, "total": self.total,
                "by_period": self.by_period, "per_100": self.per_100, "by_type": self.by_type,
                "passage_ids": [p.passage_id for p in self.passages],
                "passages": [{**passage_dict(p), "marks": self.marks.get(p.passage_id, [])}
                             for p in self.passages]}


@dataclass
class ThemesReport:
    themes: list[Theme]
    periods: list[str]  # every period of the library (in view), matched or not, oldest first
    took_ms: float = 0.0
    passages_per_period: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"themes": [t.to_dict() for t in self.themes], "periods": self.periods,
                "passages_per_period": self.passages_per_period,
                "took_ms": round(self.took_ms, 2)}


def count_themes(engine: SearchEngine, terms: list[str], filters: Filters | None = None
                 ) -> ThemesReport:
    """For each term, the distinct passages its keyword search matches, counted two ways."""

    started = time.perf_counter()
    filters = filters or Filters()
    terms = [term.strip() for term in terms if term.strip()]
    if not terms:
        raise InvalidInput("themes needs at least one term, e.g. `kb themes neglect fathers`")
    themes = [count_theme(engine, term, filters) for term in terms]
    sizes = passages_per_period(engine, filters)
    for theme in themes:
        theme.per_100 = {period: round(100 * count / sizes[period], 2)
                         for period, count in theme.by_period.items() if sizes.get(period)}
    periods = sorted(set(sizes) | {period for theme in themes for period in theme.by_period},
                     key=lambda period: (period == UNDATED, period))
    report = ThemesReport(themes, periods, passages_per_period=sizes)
    report.took_ms = (time.perf_counter() - started) * 1000
    return report


def passages_per_period(engine: SearchEngine, filters: Filters) -> dict[str, int]:
    """How many passages each period of the library holds, under the same filters: the base
    a count is set against (a year with twice the documents has twice the chances to match)."""
    return engine.period_sizes(filters, UNDATED)


def as_phrase(query: ParsedQuery) -> ParsedQuery:
    """A theme of several words is a phrase ('was not brought'), or any of its expansions."""
    words = query.text.strip('"').split()
    if len(words) < 2:
        return query
    phrase = query.text.strip('"')
    for wrong, right in query.corrections.items():
        phrase = re.sub(rf"\b{re.escape(wrong)}\b", right, phrase, flags=re.I)
    forms = [phrase] + [form for key, found in query.expansions.items() for form in found
                        if " " in key or key.lower() == phrase.lower()]
    return ParsedQuery(text=query.text, expansions={phrase: list(dict.fromkeys(forms))},
                       corrections=query.corrections)


def count_theme(engine: SearchEngine, term: str, filters: Filters) -> Theme:

    query = engine.parse(term)
    phrase = as_phrase(query)
    ranked = engine.keyword(phrase, DEPTH, filters)
    ids = list(dict.fromkeys(pid for pid, _ in ranked))
    found = engine.passages(ids)
    passages = []
    for pid, score in ranked:
        if pid in found:
            passage = found.pop(pid)
            passage.score = round(score, 6)
            passages.append(passage)
    by_period = Counter(p.period or UNDATED for p in passages)
    by_type = Counter(p.doc_type for p in passages)
    words = phrase.highlight_terms()
    marks = {p.passage_id: find_marks(p.text, words) for p in passages}
    return Theme(term, query.searched, len(passages), dict(sorted(by_period.items())),
                 dict(sorted(by_type.items())), passages, marks=marks)
