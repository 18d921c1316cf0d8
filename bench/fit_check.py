"""Fit check's thresholds (ABOUT, SUPPORTS, ALIGN_WEIGHT) on the tuning half of the labelled
claims, and report the held half and the whole beside it.

    .venv/bin/python bench/fit_check.py --set tests/eval=INDEX --set ../shared/real/eval=INDEX
"""

from __future__ import annotations

import argparse
import itertools
from pathlib import Path

from kb import KnowledgeBase, check
from kb.claims import align
from kb.evaluate import cites_gold, half_of, load_cases


def gather(kb: KnowledgeBase, cases: list[dict]) -> list[dict]:
    rows = []
    for position, case in enumerate(cases):
        parsed = check.read_claim(kb.engine, case["claim"])
        hits = kb.engine.search(case["claim"], k=10, mode="hybrid").results
        aligned = align(case["claim"], parsed.terms, hits, weight=0.5)
        rows.append({"case": case, "half": half_of(position), "claim": parsed,
                     "aligned": aligned})
    return rows


def verdicts(rows: list[dict], about: float, supports: float, weight: float,
             figures: float, contradict: float) -> list[bool]:
    check.CONTRADICT_FIT = contradict
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


def share(outcomes: list[bool], rows: list[dict], half: str | None) -> float:
    picked = [ok for ok, row in zip(outcomes, rows, strict=True)
              if half is None or row["half"] == half]
    return round(sum(picked) / max(1, len(picked)), 3)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--set", action="append", required=True, help="EVAL_DIR=INDEX_DIR")
    args = parser.parse_args()
    sets = {}
    for pair in args.set:
        eval_dir, index = pair.split("=")
        with KnowledgeBase.open(index, create=False) as kb:
            sets[eval_dir] = gather(kb, load_cases(Path(eval_dir) / "check.jsonl"))
    every = [row for rows in sets.values() for row in rows]
    grid = itertools.product([0.45, 0.5, 0.55, 0.6, 0.65], [0.4, 0.5, 0.6, 0.7],
                             [0.3, 0.5, 0.7], [0.4, 0.45, 0.5, 0.55, 0.6], [0.45, 0.6, 0.75])
    best = max(grid, key=lambda g: share(verdicts(every, *g), every, "tune"))
    print("ABOUT, SUPPORTS, ALIGN_WEIGHT, ABOUT_FIGURES, CONTRADICT_FIT fitted on the tuning "
          "halves:", best)
    for name, rows in sets.items():
        outcomes = verdicts(rows, *best)
        print(f"  {name:24s} tune {share(outcomes, rows, 'tune')} "
              f"held {share(outcomes, rows, 'held')} whole {share(outcomes, rows, None)}")


if __name__ == "__main__":
    main()
