"""Fit check's thresholds (ABOUT, SUPPORTS, ALIGN_WEIGHT, ABOUT_FIGURES, CONTRADICT_FIT) on
the tuning half of the labelled claims, and report the held half and the whole beside it.

    .venv/bin/python bench/fit_check.py --set tests/eval=INDEX --set ../shared/real/eval=INDEX
"""

from __future__ import annotations

from fitting import fit

from kb import KnowledgeBase, check, claim_figures
from kb.claims import align
from kb.evaluate import cites_gold, half_of


def gather(kb: KnowledgeBase, cases: list[dict]) -> list[dict]:
    rows = []
    for position, case in enumerate(cases):
        parsed = claim_figures.read_claim(kb.engine, case["claim"])
        hits = kb.engine.search(case["claim"], k=10, mode="hybrid").results
        aligned = align(case["claim"], parsed.terms, hits, weight=0.5)
        rows.append({"case": case, "half": half_of(position), "claim": parsed,
                     "aligned": aligned})
    return rows


def verdicts(rows: list[dict], about: float, supports: float, weight: float,
             figures: float, contradict: float) -> list[bool]:
    claim_figures.CONTRADICT_FIT = contradict
    check.SUPPORTS = supports
    check.ABOUT = about
    check.ABOUT_FIGURES = figures
    outcomes = []
    for row in rows:
        for item in row["aligned"]:
            item.score = weight * item.coverage + (1 - weight) * item.closeness
        ranked = sorted(row["aligned"], key=lambda a: -a.score)
        verdict, chosen, _ = check.judge(row["claim"], ranked)
        case = row["case"]
        ok = verdict == case["verdict"] and (verdict == "not_found" or any(
            cites_gold(m.passage.path, m.passage.page, m.passage.page_end, case["gold"])
            for m in chosen))
        outcomes.append(ok)
    return outcomes


def main() -> None:
    fit("check", "ABOUT, SUPPORTS, ALIGN_WEIGHT, ABOUT_FIGURES, CONTRADICT_FIT",
        [[0.45, 0.5, 0.55, 0.6, 0.65], [0.4, 0.5, 0.6, 0.7], [0.3, 0.5, 0.7],
         [0.4, 0.45, 0.5, 0.55, 0.6], [0.45, 0.6, 0.75]], gather, verdicts)


if __name__ == "__main__":
    main()
