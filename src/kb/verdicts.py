"""The verdict of a check: the result, its one-line explanation and its evidence, each piece
quoted and cited to the page it stands on."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from kb.agreement import bound_words
from kb.claim_figures import Claim, claims_a_figure, direction_of
from kb.models import Figure, Match, Passage, passage_dict

if TYPE_CHECKING:
    from kb.search import SearchEngine


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


def _as_said(text: str, figure: Figure) -> str:
    """A figure with the bound its text sets on it, in its words ("more than one")."""
    return " ".join(filter(None, (bound_words(text, figure), figure.stated())))


def explain(claim: Claim, verdict: str, chosen: list[Match], reason: str = "",
            page: int | None = None) -> str:
    """One line: the verdict's reason and where, on the page the first evidence quotes."""
    claimed = ", ".join(f.stated() for f in claim.figures) or _way(claim.direction)
    if not chosen:
        return f"no source states this measure (claimed: {claimed})"
    first = chosen[0]
    where = first.passage.title + (f", p. {page or first.passage.page}"
                                   if page or first.passage.page else "")
    # a claim read by its English: a denial of figures it states as given, or figures whose
    # measure the source words otherwise
    if not claims_a_figure(claim) or verdict == "contradicted" and reason or \
            verdict == "supported" and not first.source_figures:
        lead = {"supported": "the source says the same",
                "contradicted": f"the source says otherwise: {reason}",
                "not_found": "no source says this"}[verdict]
        return f"{lead} ({where})"
    if verdict == "contradicted" and first.counts:
        return (f"the source differs: claimed {claimed} of {first.counts[0]}; source "
                f"{first.source.stated()} of {first.counts[1]} ({where})")
    found = ", ".join(_as_said(first.sentence, f) for f in first.source_figures) or \
        _way(direction_of(first))
    lead = {"supported": "the source states the same", "contradicted": "the source differs",
            "not_found": "no source states this for the same measure and period"}[verdict]
    return f"{lead}: claimed {claimed}; source {found} ({where})"


def _way(sign: int) -> str:
    return {1: "a rise", -1: "a fall"}.get(sign, "no figure")


def evidence(engine: SearchEngine, claim: Claim, chosen: list[Match], hits: Sequence[Passage]
             ) -> list[dict[str, Any]]:
    items, seen = [], set()
    for match in chosen:
        key = (match.passage.passage_id, match.sentence)
        if key in seen:
            continue
        seen.add(key)
        item = passage_dict(match.passage)
        # a quote a page break cuts in two ends on the next page
        page, page_end = engine.pages_of(match.passage, match.sentence_start,
                                         match.sentence_start + len(match.sentence))
        item.update(quote=match.sentence,
                    numbers_in_claim=[f.to_dict() for f in claim.figures],
                    numbers_in_source=[f.to_dict() for f in match.source_figures],
                    page=page, page_end=page_end, agrees=match.agrees)
        items.append(item)
    if not items:
        for passage in hits[:3]:
            item = passage_dict(passage)
            item.update(quote=passage.text[:300], numbers_in_claim=[f.to_dict() for f in
                                                                    claim.figures],
                        numbers_in_source=[])
            items.append(item)
    return items
