"""Fusion: one ranking from the keyword and semantic sides, each weighed by its evidence.

Min-max normalising each side lifts the best keyword match to 1.0 even when it matched one
common word of the query; here the keyword side counts for how much of the query a passage
holds (words weighted by their rarity in the library) and the semantic side for how close
the passage is in absolute terms. Both are computed for every candidate either side found.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from kb.words import stem

WORD = re.compile(r"[a-z0-9][a-z0-9'-]*")


@dataclass(frozen=True)
class FusionWeights:
    """Fitted on the tuning half of the labelled sets (see README); `keyword` is the share
    of the keyword side, `floor` and `ceiling` the cosines read as no and full agreement, and
    `evidence` the share of the query some candidate must hold for the keyword side to have
    its whole share (below it the share shrinks in proportion); `margin` how far under the
    best candidate's cosine the floor drops when no candidate reaches it."""

    keyword: float = 0.5
    floor: float = 0.3
    ceiling: float = 0.8
    evidence: float = 0.7
    margin: float = 0.1  # how far under the best cosine the floor may drop (fitted, README)


@dataclass(frozen=True)
class Term:
    """One query word with the other forms that count as it (acronym expansions, spellings)."""

    forms: tuple[str, ...]
    weight: float  # inverse document frequency in the library


def make_terms(groups: list[list[str]], document_frequency: dict[str, int], passages: int
               ) -> list[Term]:
    terms = []
    for forms in groups:
        frequency = max((document_frequency.get(form.lower(), 0) for form in forms), default=0)
        weight = math.log(1 + (passages - frequency + 0.5) / (frequency + 0.5))
        terms.append(Term(tuple(form.lower() for form in forms), weight))
    return terms


@lru_cache(maxsize=4096)
def _phrase(form: str) -> re.Pattern[str]:
    return re.compile(r"(?<![a-z0-9])" + re.escape(form) + r"(?![a-z0-9])")


@lru_cache(maxsize=1024)
def _stems_of(lowered: str) -> frozenset[str]:
    """The stems of a text's words, and of each part of a hyphenated word."""
    stems = set()
    for word in WORD.findall(lowered):
        stems.add(stem(word))
        if "-" in word:
            stems.update(stem(part) for part in word.split("-") if part)
    return frozenset(stems)


def _holds(form: str, lowered: str) -> bool:
    if not WORD.fullmatch(form):  # several words, or a figure written "2,215" or "46.2"
        return _phrase(form).search(lowered) is not None
    return stem(form) in _stems_of(lowered)


def coverage(terms: list[Term], text: str) -> float:
    """The rarity-weighted share of the query's words that `text` holds (a word matches any
    word of the text with the same stem; a form of several words must appear as a phrase)."""
    if not terms:
        return 0.0
    lowered = text.lower()
    total = sum(term.weight for term in terms) or 1.0
    held = sum(term.weight for term in terms if any(_holds(form, lowered) for form in term.forms))
    return held / total


@lru_cache(maxsize=4096)
def _folded(text: str) -> str:
    """The text's words in order, lowercased: what a query written as a phrase is sought in
    (cached: the same passages come back for query after query)."""
    return " ".join(WORD.findall(text.lower()))


def fuse_evidence(terms: list[Term], keyword: list[tuple[int, float]],
                  cosines: dict[int, float], texts: dict[int, str],
                  weights: FusionWeights, query: str = "") -> list[tuple[int, float]]:
    """Rank every candidate by keyword evidence and semantic closeness together; a passage
    that holds a query of three words or more as written holds all of it, in order."""
    best = max((score for _, score in keyword), default=0.0)
    bm25 = dict(keyword)
    phrase = _folded(query) if len(query.split()) >= 3 else ""
    candidates = set(bm25) | set(cosines)
    held = {pid: coverage(terms, texts.get(pid, "")) + (
        0.5 if phrase and phrase in _folded(texts.get(pid, "")) else 0.0) for pid in candidates}
    # A query in words the library does not use (the need said in everyday words) leaves every
    # candidate holding a little of it: the words matched are then weak evidence, and the side
    # that reads meaning should lead.
    most = max(held.values(), default=0.0)
    share = weights.keyword * min(1.0, most / weights.evidence) if weights.evidence > 0 \
        else weights.keyword
    span = weights.ceiling - weights.floor
    # a query the model reads as near nothing in the library (every cosine under the floor)
    # still has its nearest passages: the floor drops to just under the best of them, so they
    # keep their order rather than all reading as no agreement at all
    floor = min(weights.floor, max(cosines.values(), default=0.0) - weights.margin)
    scores = {}
    for pid in candidates:
        relative = bm25.get(pid, 0.0) / best if best > 0 else 0.0
        lexical = held[pid] * (0.5 + 0.5 * relative)
        closeness = min(1.0, max(0.0, (cosines.get(pid, 0.0) - floor) / span))
        scores[pid] = share * lexical + (1 - share) * closeness
    return sorted(scores.items(), key=lambda item: -item[1])


def fuse_reciprocal_ranks(rankings: list[list[tuple[int, float]]], k: int = 60
                          ) -> list[tuple[int, float]]:
    scores: dict[int, float] = defaultdict(float)
    for ranking in rankings:
        for rank, (pid, _) in enumerate(ranking, start=1):
            scores[pid] += 1.0 / (k + rank)
    return sorted(scores.items(), key=lambda item: -item[1])


def fuse_scores(rankings: list[list[tuple[int, float]]]) -> list[tuple[int, float]]:
    """Min-max normalise each ranking's scores and add them."""
    scores: dict[int, float] = defaultdict(float)
    for ranking in rankings:
        if not ranking:
            continue
        values = [score for _, score in ranking]
        low, high = min(values), max(values)
        for pid, score in ranking:
            scores[pid] += (score - low) / (high - low) if high > low else 1.0
    return sorted(scores.items(), key=lambda item: -item[1])
