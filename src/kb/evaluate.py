"""Evaluate: quality of search, ask, check and reuse on a labelled set (tests/eval/*.jsonl)."""

from __future__ import annotations

import json
import math
import re
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kb.errors import InvalidInput

if TYPE_CHECKING:
    from kb.ask import Answer
    from kb.knowledge_base import KnowledgeBase
    from kb.models import Passage

PARTS = ("search", "ask", "check", "reuse")


def load_cases(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    cases = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            try:
                cases.append(json.loads(line))
            except ValueError as error:
                raise InvalidInput(f"{path}:{number}: not JSON ({error})") from None
    return cases


_DASHES = str.maketrans({dash: "-" for dash in "\u2010\u2011\u2012\u2013\u2014\u2212"})


def squash(text: str) -> str:
    """Lower case, straight quotes and dashes, single spaces: how gold strings are compared
    (the probe sets' gold strings were checked with dashes straightened; the real set's
    without, which straightening both sides cannot unmatch)."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"')
    text = text.replace("\u201d", '"').translate(_DASHES)
    return re.sub(r"\s+", " ", text).strip().lower()


def is_relevant(passage: Passage, gold: dict[str, Any]) -> bool:
    if Path(passage.path).name != gold["doc"]:
        return False
    if gold.get("page") is not None and passage.page is not None and not (
            passage.page <= gold["page"] <= (passage.page_end or passage.page)):
        return False
    return not gold.get("contains") or squash(gold["contains"]) in squash(passage.text)


@dataclass
class RankMetrics:
    cases: int = 0
    hit1: float = 0.0
    hit5: float = 0.0
    hit10: float = 0.0
    mrr: float = 0.0
    ndcg10: float = 0.0

    def add(self, matched: list[set[int]], wanted: int) -> None:
        """One case: for each hit in rank order, which of the case's `wanted` gold entries it
        matches. nDCG gains once per gold entry, at the first hit that finds it, so two
        passages quoting the same gold page cannot score above the ideal ranking."""
        relevant = [bool(found) for found in matched]
        first = next((rank for rank, ok in enumerate(relevant, start=1) if ok), None)
        self.cases += 1
        self.hit1 += first is not None and first <= 1
        self.hit5 += first is not None and first <= 5
        self.hit10 += first is not None and first <= 10
        self.mrr += 1 / first if first else 0
        seen: set[int] = set()
        dcg = 0.0
        for rank, found in enumerate(matched[:10], 1):
            if found - seen:
                dcg += 1 / math.log2(rank + 1)
                seen |= found
        ideal = sum(1 / math.log2(rank + 1) for rank in range(1, min(wanted, 10) + 1))
        self.ndcg10 += dcg / ideal if ideal else 0

    def to_dict(self) -> dict[str, float]:
        n = self.cases or 1
        return {"cases": self.cases, "hit@1": round(self.hit1 / n, 3),
                "hit@5": round(self.hit5 / n, 3), "hit@10": round(self.hit10 / n, 3),
                "mrr": round(self.mrr / n, 3), "ndcg@10": round(self.ndcg10 / n, 3)}


def half_of(position: int) -> str:
    """Cases alternate between the half thresholds are fitted on ("tune") and the half kept
    for an honest estimate ("held"), by their position in the file."""
    return "tune" if position % 2 == 0 else "held"


def evaluate_search(kb: KnowledgeBase, cases: list[dict[str, Any]], restricted: bool
                    ) -> dict[str, Any]:
    """Per kind, per half and overall, for keyword, semantic, and hybrid with each fusion."""
    engine = kb.engine
    original = engine.settings
    runs = {"keyword": ("keyword", original), "semantic": ("semantic", original),
            "hybrid-rrf": ("hybrid", replace(original, fusion="rrf")),
            "hybrid-score": ("hybrid", replace(original, fusion="score")),
            "hybrid-evidence": ("hybrid", replace(original, fusion="evidence"))}
    report: dict[str, Any] = {}
    try:
        for name, (mode, settings) in runs.items():
            engine.settings = settings
            table: dict[str, RankMetrics] = {"all": RankMetrics()}
            for position, case in enumerate(cases):
                hits = kb.search(case["query"], k=10, mode=mode,
                                 include_restricted=restricted).results
                matched = [{at for at, gold in enumerate(case["gold"]) if is_relevant(hit, gold)}
                           for hit in hits]
                for key in ("all", case.get("kind", "other"), half_of(position)):
                    table.setdefault(key, RankMetrics()).add(matched, len(case["gold"]))
            report[name] = {kind: metrics.to_dict() for kind, metrics in table.items()}
    finally:
        engine.settings = original
    report["hybrid"] = report[f"hybrid-{original.fusion}"]
    return report


def _numbers(text: str) -> set[str]:
    return {n.replace(",", "").replace(" ", "") for n in re.findall(r"\d[\d, ]*\.?\d*", text)}


def answer_matches(answer: str, accepted: list[str]) -> bool:
    """An accepted answer appears in the answer, as words or as the same figures."""
    text = squash(answer)
    for expected in accepted:
        # as whole words: "No" is not found in "not", nor "16" in "160"
        if re.search(rf"(?<!\w){re.escape(squash(expected))}(?!\w)", text):
            return True
        wanted = _numbers(expected)
        if wanted and wanted <= _numbers(answer):
            return True
    return False


def cites_gold(path: str, page: int | None, page_end: int | None, gold: list[dict[str, Any]]
               ) -> bool:
    """A citation of a gold document, on a gold page (any page of a document without pages)."""
    for entry in gold:
        if Path(path).name != entry["doc"]:
            continue
        if entry.get("page") is None or page is None or \
                page <= entry["page"] <= (page_end or page):
            return True
    return False


def _accuracy(outcomes: list[bool]) -> dict[str, Any]:
    """Share right over all cases and over each half."""
    result: dict[str, Any] = {"accuracy": round(sum(outcomes) / max(1, len(outcomes)), 3)}
    for half in ("tune", "held"):
        picked = [ok for position, ok in enumerate(outcomes) if half_of(position) == half]
        result[f"accuracy_{half}"] = round(sum(picked) / max(1, len(picked)), 3)
    return result


def answered_right(result: Answer, case: dict[str, Any]) -> bool:
    """Declined if the case has no answer; else right and cited: the answer, and a citation of
    a gold page whose quote states it (a yes/no reply is stated by the sentence it was read
    from, which says it its own way: "No." from "it should not be counted as a referral")."""
    if not case["answers"]:
        return not result.answer_found
    replied = bool(result.reply) and answer_matches(result.reply or "", case["answers"])
    return bool(result.answer_found and answer_matches(result.answer or "", case["answers"])
                and any((replied or answer_matches(c["quote"], case["answers"])) and
                        cites_gold(c["path"], c["page"], c.get("page_end"), case["gold"])
                        for c in result.to_dict()["citations"]))


def evaluate_ask(kb: KnowledgeBase, cases: list[dict[str, Any]], restricted: bool
                 ) -> dict[str, Any]:
    declined_right = declined = unanswerable = 0
    outcomes, failures = [], []
    for case in cases:
        result = kb.ask(case["question"], include_restricted=restricted)
        answerable = bool(case["answers"])
        unanswerable += not answerable
        declined += not result.answer_found
        ok = answered_right(result, case)
        declined_right += ok and not answerable
        outcomes.append(ok)
        if not ok:
            failures.append(case["id"])
    return {"cases": len(cases), **_accuracy(outcomes),
            "abstention_precision": round(declined_right / declined, 3) if declined else 1.0,
            "abstention_recall": round(declined_right / unanswerable, 3) if unanswerable else 1.0,
            "failures": failures}


def evaluate_check(kb: KnowledgeBase, cases: list[dict[str, Any]], restricted: bool
                   ) -> dict[str, Any]:
    """A verdict counts when it is right and, unless not_found, its evidence cites gold."""
    outcomes, failures = [], []
    per_verdict: dict[str, list[bool]] = {}
    for case in cases:
        result = kb.check(case["claim"], include_restricted=restricted)
        ok = result.verdict == case["verdict"] and (case["verdict"] == "not_found" or any(
            cites_gold(e["path"], e["page"], e.get("page_end"), case["gold"])
            for e in result.evidence))
        outcomes.append(ok)
        per_verdict.setdefault(case["verdict"], []).append(ok)
        if not ok:
            failures.append({"id": case["id"], "expected": case["verdict"],
                             "got": result.verdict})
    return {"cases": len(cases), **_accuracy(outcomes),
            "per_verdict": {v: round(sum(oks) / len(oks), 3) for v, oks in per_verdict.items()},
            "failures": failures}


def evaluate_reuse(kb: KnowledgeBase, cases: list[dict[str, Any]], restricted: bool
                   ) -> dict[str, Any]:
    if not cases:
        return {"cases": 0}
    text = "\n\n".join(case["text"] for case in cases)
    started = time.perf_counter()
    report = kb.reuse(text, include_restricted=restricted).to_dict()
    took = time.perf_counter() - started
    got = report["paragraphs"]
    if len(got) != len(cases):
        raise InvalidInput(f"reuse split the draft into {len(got)} paragraphs, "
                           f"the set has {len(cases)}")
    sources = with_source = 0
    outcomes, failures = [], []
    for case, item in zip(cases, got, strict=True):
        outcomes.append(item["kind"] == case["kind"])
        if case.get("source"):
            with_source += 1
            sources += bool(item["source"]) and Path(item["source"]["path"]).name == \
                case["source"]["doc"]
        if item["kind"] != case["kind"]:
            failures.append({"index": case["index"], "expected": case["kind"],
                             "got": item["kind"], "similarity": item["similarity"]})
    kinds = _accuracy(outcomes)
    return {"cases": len(cases), "kind_accuracy": kinds["accuracy"],
            "kind_accuracy_tune": kinds["accuracy_tune"],
            "kind_accuracy_held": kinds["accuracy_held"],
            "reused_f1": _reuse_f1(cases, got),
            **{f"reused_f1_{half}": _reuse_f1(
                [c for n, c in enumerate(cases) if half_of(n) == half],
                [g for n, g in enumerate(got) if half_of(n) == half]) for half in ("tune", "held")},
            "source_accuracy": round(sources / max(1, with_source), 3),
            "seconds": round(took, 2), "failures": failures}


def _reuse_f1(cases: list[dict[str, Any]], got: list[dict[str, Any]]) -> float:
    """F1 of telling reused paragraphs (any kind but new) from new ones."""
    truth = [case["kind"] != "new" for case in cases]
    said = [item["kind"] != "new" for item in got]
    hits = sum(t and s for t, s in zip(truth, said, strict=True))
    precision = hits / max(1, sum(said))
    recall = hits / max(1, sum(truth))
    return round(2 * precision * recall / (precision + recall), 3) if hits else 0.0


def evaluate(kb: KnowledgeBase, set_dir: Path, parts: list[str] | None = None,
             include_restricted: bool = False) -> dict[str, Any]:
    if not set_dir.is_dir():
        raise InvalidInput(f"no evaluation set at {set_dir}: give --set DIR")
    started = time.perf_counter()
    result: dict[str, Any] = {"set": str(set_dir)}
    runners = {"search": evaluate_search, "ask": evaluate_ask, "check": evaluate_check,
               "reuse": evaluate_reuse}
    for part in parts or PARTS:
        cases = load_cases(set_dir / f"{part}.jsonl")
        if cases:
            result[part] = runners[part](kb, cases, include_restricted)
    result["took_ms"] = round((time.perf_counter() - started) * 1000, 1)
    return result
