"""What the fit_* scripts share: read the sets, grid-search on the tuning halves, report.

Each script gathers its rows once per set (`gather(kb, cases)`, every row with its "half"),
then scores a candidate setting on rows (`outcomes(rows, *setting)` -> one bool a row).
"""

from __future__ import annotations

import argparse
import itertools
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from kb import KnowledgeBase
from kb.evaluate import load_cases

Rows = list[dict[str, Any]]


def share(values: list[bool], rows: Rows, half: str | None) -> float:
    picked = [ok for ok, row in zip(values, rows, strict=True)
              if half is None or row["half"] == half]
    return round(sum(picked) / max(1, len(picked)), 3)


def fit(part: str, names: str, grid: Iterable[Iterable[float]],
        gather: Callable[[KnowledgeBase, Rows], Rows],
        outcomes: Callable[..., list[bool]]) -> None:
    """Parse --set EVAL_DIR=INDEX_DIR pairs, fit the setting with the best share right on the
    tuning halves of every set together, and print each set's tune, held and whole."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--set", action="append", required=True, help="EVAL_DIR=INDEX_DIR")
    args = parser.parse_args()
    sets = {}
    for pair in args.set:
        eval_dir, index = pair.split("=")
        with KnowledgeBase.open(index, create=False) as kb:
            sets[eval_dir] = gather(kb, load_cases(Path(eval_dir) / f"{part}.jsonl"))
    every = [row for rows in sets.values() for row in rows]
    best = max(itertools.product(*grid), key=lambda g: share(outcomes(every, *g), every, "tune"))
    print(f"{names} fitted on the tuning halves:", best)
    for name, rows in sets.items():
        values = outcomes(rows, *best)
        print(f"  {name:24s} tune {share(values, rows, 'tune')} "
              f"held {share(values, rows, 'held')} whole {share(values, rows, None)}")
