"""Check: a claim's figures, measure, period and direction read against the library's sentences."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from kb.ask import Terms, page_of, passage_dict, term_weights
from kb.extract.metadata import periods_in
from kb.models import Passage
from kb.numbers import (
    Figure,
    direction,
    find_figures,
    shift_period,
    split_sentences,
    stem,
    values_figures,
)

if TYPE_CHECKING:
    from kb.search import Filters, SearchEngine

VERDICTS = ("supported", "contradicted", "not_found")
MEASURE_MIN = 0.45  # share of the claim's (weighted) measure words a source figure must carry
_HEDGE = re.compile(r"\b(?:about|around|approximately|approx\.?|roughly|nearly|almost|some|"
                    r"just (?:over|under)|over|more than|fewer than|less than|under|c\.)\s*£?$",
                    re.I)
_ALL = re.compile(r"(?<!of )\b(?:all|every|none of(?: the)?|no)\b(?= \w+)", re.I)
_ABOVE = re.compile(r"\b(?:over|more than|above|exceed\w*)\s*£?$", re.I)
_BELOW = re.compile(r"\b(?:under|fewer than|less than|below)\s*£?$", re.I)


@dataclass
class Claim:
    text: str
    figures: list[Figure]
    period: str | None
    direction: int
    terms: Terms  # the claim's measure words
    measures: list[Terms] = field(default_factory=list)  # each figure's own measure words


@dataclass
class Match:
    """One source figure read against one claimed figure."""

    claimed: Figure
    source: Figure
    fit: float  # how well the measures agree, 0..1
    agrees: bool
    passage: Passage
    sentence: str
    sentence_start: int
    source_figures: list[Figure]
    earlier: bool = False  # the source figure is for the year before the claimed one


@dataclass
class Verdict:
    claim: str
    verdict: str
    explanation: str
    evidence: list[dict[str, Any]] = field(default_factory=list)
    took_ms: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"claim": self.claim, "verdict": self.verdict, "explanation": self.explanation,
                "evidence": self.evidence, "took_ms": round(self.took_ms, 2)}


def read_claim(engine: SearchEngine, text: str) -> Claim:
    periods = periods_in(text)
    figures = find_figures(text, periods[0] if periods else None)
    dated = [f.period for f in figures if f.kind == "date" and f.period]
    period = periods[0] if periods else (dated[0] if dated else None)
    measure_text = " ".join(w for w in re.split(r"\s+", text) if not re.search(r"\d", w))
    values = claim_totals(text, values_figures(figures), period)
    return Claim(text, values, period, direction(text), term_weights(engine, measure_text),
                 [term_weights(engine, f.measure) for f in values])


def claim_totals(text: str, values: list[Figure], period: str | None) -> list[Figure]:
    """"All six reviews" claims 6 of 6; "all reviews" claims 100%, "none" 0%."""
    whole = _ALL.search(text)
    if not whole or any(f.kind in ("fraction", "percent") for f in values):
        return values
    after = [f for f in values if f.kind == "count" and 0 <= f.start - whole.end() <= 1]
    if after and not whole.group(0).lower().startswith("no"):
        count = after[0]
        count.text, count.start = text[whole.start():count.end], whole.start()
        count.kind, count.total = "fraction", count.value
        return values
    return [*values, Figure(whole.group(0), whole.start(), whole.end(),
                            0.0 if whole.group(0).lower().startswith("no") else 100.0,
                            "percent", "%", period=period)]


def check_claim(engine: SearchEngine, claim: str, filters: Filters | None = None) -> Verdict:
    """supported, contradicted or not_found, with the claimed and source figures side by side."""
    from kb.search import Filters

    started = time.perf_counter()
    filters = filters or Filters()
    parsed = read_claim(engine, claim)
    hits = engine.search(claim, k=8, mode="hybrid", filters=filters).results
    matches = [m for hit in hits for m in read_passage(parsed, hit)]
    if parsed.figures:
        verdict, chosen = judge_figures(parsed, matches)
    else:
        verdict, chosen = judge_direction(parsed, hits)
    result = Verdict(claim, verdict, explain(parsed, verdict, chosen),
                     evidence=evidence(engine, parsed, chosen, hits))
    result.took_ms = (time.perf_counter() - started) * 1000
    return result


def measure_fit(claim: Claim, index: int, figure: Figure, sentence_words: set[str]) -> float:
    """How well a source figure's measure agrees with the claim's (0 below MEASURE_MIN), and
    with the words next to the claimed figure itself (two figures have two measures)."""
    near = {stem(w) for w in figure.measure.split()}
    whole = claim.terms.share(near, sentence_words)
    own = claim.measures[index] if index < len(claim.measures) else None
    if whole < MEASURE_MIN or own is None or not own.weights:
        return whole
    return max(MEASURE_MIN, 0.5 * whole + 0.5 * own.share(near, sentence_words, partial=0.4))


def read_passage(claim: Claim, passage: Passage) -> list[Match]:
    matches = []
    for sentence in split_sentences(passage.text):
        figures = values_figures(find_figures(sentence.text, passage.period))
        if not figures:
            continue
        words = {stem(w) for w in re.findall(r"[A-Za-z][A-Za-z'-]*", sentence.text)}
        for index, claimed in enumerate(claim.figures):
            for source in figures:
                if not comparable(claimed, source):
                    continue
                earlier = bool(claimed.period) and source.period == shift_period(
                    claimed.period, -1)
                if claimed.period and source.period and claimed.period != source.period \
                        and not earlier:
                    continue
                fit = measure_fit(claim, index, source, words)
                if fit >= MEASURE_MIN:
                    matches.append(Match(claimed, source, fit,
                                         agrees(claimed, source, claim.text, sentence.text),
                                         passage, sentence.text, sentence.start, figures,
                                         earlier))
    return matches


def comparable(claimed: Figure, source: Figure) -> bool:
    pairs = {("percent", "fraction"), ("fraction", "percent")}
    return claimed.kind == source.kind or (claimed.kind, source.kind) in pairs


def bound(text: str, figure: Figure) -> int:
    """+1 for "more than N", -1 for "fewer than N", 0 for N itself."""
    before = text[max(0, figure.start - 20):figure.start]
    return 1 if _ABOVE.search(before) else (-1 if _BELOW.search(before) else 0)


def agrees(claimed: Figure, source: Figure, claim_text: str, source_text: str = "") -> bool:
    """Equal, allowing other formats and the rounding the claim itself states."""
    if bound(source_text, source):  # "more than half": only the same bound agrees
        return bound(claim_text, claimed) == bound(source_text, source) and \
            claimed.value == source.value
    if claimed.kind == "fraction" and source.kind == "fraction":
        return claimed.value == source.value and claimed.total == source.total
    value = source.value
    if source.kind == "fraction" and source.total:
        value = 100 * source.value / source.total
    elif claimed.kind == "fraction" and claimed.total:
        return abs(100 * claimed.value / claimed.total - value) < 0.5
    before = claim_text[max(0, claimed.start - 20):claimed.start]
    if bound(claim_text, claimed) > 0:
        return value > claimed.value and value <= claimed.value * 1.15
    if bound(claim_text, claimed) < 0:
        return value < claimed.value and value >= claimed.value * 0.85
    tolerance = 1e-9
    if claimed.kind in ("percent", "rate", "fraction"):
        tolerance = 0.5 * 10 ** -claimed.decimals + 1e-9
    elif _HEDGE.search(before):
        digits = str(int(claimed.value))
        zeros = len(digits) - len(digits.rstrip("0"))
        tolerance = max(0.5 * 10 ** zeros, 0.02 * claimed.value)
    return abs(value - claimed.value) <= tolerance


def judge_figures(claim: Claim, matches: list[Match]) -> tuple[str, list[Match]]:
    """Every claimed figure found as stated: supported; any stated otherwise: contradicted."""
    chosen, verdicts = [], []
    earlier = [m for m in matches if m.earlier]
    for claimed in claim.figures:
        own = [m for m in matches if m.claimed is claimed and not m.earlier]
        if not own:
            verdicts.append("not_found")
            continue
        top = max(m.fit for m in own)
        close = sorted((m for m in own if m.fit >= top - 0.3), key=lambda m: (-m.agrees, -m.fit))
        best = close[0]
        chosen.append(best)
        verdicts.append("supported" if best.agrees else "contradicted")
    if "contradicted" in verdicts:
        return "contradicted", [m for m in chosen if not m.agrees] + [m for m in chosen if m.agrees]
    if verdicts and all(v == "supported" for v in verdicts):
        latest = max(chosen, key=lambda m: m.claimed.period or "")  # "fell from 21% to 17%"
        if claim.direction and direction_of(latest, earlier) == -claim.direction:
            return "contradicted", chosen
        return "supported", chosen
    if "supported" in verdicts and len(claim.figures) > 1:
        # one figure found as stated, another nowhere: not enough to support the claim
        return "not_found", chosen
    return "not_found", chosen


def direction_of(match: Match, earlier: list[Match] | None = None) -> int:
    """Which way the source says the measure went in the claim's period: from the year before's
    figure in the same sentence, the sentence's words, or the year before's figure elsewhere."""
    current = match.source
    before = shift_period(current.period, -1)
    previous = [f for f in match.source_figures if f is not current and f.kind == current.kind
                and f.period == before and (f.inherits or f.measure == current.measure)]
    if previous and not current.inherits:
        return (current.value > previous[0].value) - (current.value < previous[0].value)
    if said := direction(match.sentence):
        return said
    same = [m for m in earlier or [] if m.claimed is match.claimed and
            m.source.kind == current.kind and m.fit >= match.fit - 0.15]
    if not same:
        return 0
    value = max(same, key=lambda m: m.fit).source.value
    return (current.value > value) - (current.value < value)


def judge_direction(claim: Claim, hits: list[Passage]) -> tuple[str, list[Match]]:
    """A claim with no figures ('referrals fell'): the source's own direction words decide."""
    best: tuple[float, Match] | None = None
    for passage in hits:
        for sentence in split_sentences(passage.text):
            figures = values_figures(find_figures(sentence.text, passage.period))
            if claim.period and passage.period != claim.period and not any(
                    f.period == claim.period for f in figures):
                continue
            words = {stem(w) for w in re.findall(r"[A-Za-z][A-Za-z'-]*", sentence.text)}
            fit = claim.terms.share(words)
            anchor = figures[0] if figures else Figure("", 0, 0, 0.0, "count")
            match = Match(anchor, anchor, fit, False, passage, sentence.text, sentence.start,
                          figures)
            if direction_of(match) and (best is None or fit > best[0]):
                best = (fit, match)
    if best is None or best[0] < 0.6 or not claim.direction:
        return "not_found", [best[1]] if best else []
    same = direction_of(best[1]) == claim.direction
    best[1].agrees = same
    return ("supported" if same else "contradicted"), [best[1]]


def explain(claim: Claim, verdict: str, chosen: list[Match]) -> str:
    claimed = ", ".join(f.stated() for f in claim.figures) or _way(claim.direction)
    if not chosen:
        return f"no source states this measure (claimed: {claimed})"
    first = chosen[0]
    where = first.passage.title + (f", p. {first.passage.page}" if first.passage.page else "")
    found = ", ".join(f.stated() for f in first.source_figures) or _way(direction_of(first))
    lead = {"supported": "the source states the same", "contradicted": "the source differs",
            "not_found": "no source states this for the same measure and period"}[verdict]
    return f"{lead}: claimed {claimed}; source {found} ({where})"


def _way(sign: int) -> str:
    return {1: "a rise", -1: "a fall"}.get(sign, "no figure")


def evidence(engine: SearchEngine, claim: Claim, chosen: list[Match], hits: list[Passage]
             ) -> list[dict[str, Any]]:
    items, seen = [], set()
    for match in chosen:
        key = (match.passage.passage_id, match.sentence)
        if key in seen:
            continue
        seen.add(key)
        item = passage_dict(match.passage)
        item.update(quote=match.sentence,
                    numbers_in_claim=[f.to_dict() for f in claim.figures],
                    numbers_in_source=[f.to_dict() for f in match.source_figures],
                    page=page_of(engine, match.passage, match.sentence_start),
                    agrees=match.agrees)
        items.append(item)
    if not items:
        for passage in hits[:3]:
            item = passage_dict(passage)
            item.update(quote=passage.text[:300], numbers_in_claim=[f.to_dict() for f in
                                                                    claim.figures],
                        numbers_in_source=[])
            items.append(item)
    return items
