"""Fit ask's gate for sentences in other words as a line: when no sentence holds COVERAGE_MIN
of the question's words, the first that holds NEAR_COVERAGE answers if the model reads it close
enough to the question, and the closeness asked of it falls as the share of the question's words
it holds rises: cosine >= CLOSE_ENOUGH - CLOSE_SLOPE * (coverage - NEAR_COVERAGE). A sentence
holding 0.45 of the question's words needs less of the model's reading than one holding 0.25.
CLOSE_SLOPE 0 is the flat gate bench/fit_ask_gate.py fitted. The line kept is the one with the
most right answers on the tuning halves among those that let through no more wrong answers there
than the flat gate at 0.75 did (a decline is honest, a wrong answer is not).

Each question runs through kb's own ask twice, gate shut and gate always open
(bench/fit_ask_gate.py's `gather`, which records the cosine and coverage of the sentence the
open gate judges), and the outcomes are combined per line. Fitted on the tuning halves; the
held halves beside, the blind sets (probe12 onwards, never tuned on before their first run)
apart from the spent ones.

    .venv/bin/python bench/fit_ask_line.py --index REAL_INDEX [--json rows.json]
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

import numpy as np
from fit_ask_gate import gather

import kb.gate as gate
from kb import KnowledgeBase


def _opens(row: dict, close: float, slope: float) -> bool:
    return row["cosine"] is not None and row["cosine"] >= close - slope * (
        row["coverage"] - gate.NEAR_COVERAGE)


def right_at(rows: list[dict], close: float, slope: float) -> int:
    return sum(row["open"] if _opens(row, close, slope) else row["shut"] for row in rows)


def wrong_through(rows: list[dict], close: float, slope: float) -> int:
    """Wrong answers the gate lets through: a decline is honest, a wrong answer is not."""
    return sum(not row["open"] for row in rows if _opens(row, close, slope))


def blind(row: dict) -> bool:
    number = re.fullmatch(r"probe(\d*)", row["set"])
    return number is not None and int(number.group(1) or 1) >= 12 and row["half"] == "held"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--index", required=True)
    parser.add_argument("--json", help="write the per-question rows here")
    parser.add_argument("--rows", help="read the rows from here instead of running ask")
    options = parser.parse_args()
    if options.rows:
        rows = json.loads(Path(options.rows).read_text())
    else:
        with KnowledgeBase.open(options.index) as library:
            rows = gather(library, gate.NEAR_COVERAGE)
    if options.json:
        Path(options.json).write_text(json.dumps(rows))
    tune = [row for row in rows if row["half"] == "tune"]
    held = [row for row in rows if row["half"] == "held" and not blind(row)]
    unseen = [row for row in rows if blind(row)]
    print(f"{len(tune)} tune, {len(held)} spent held, {len(unseen)} blind held questions")
    print(f"gate shut: tune {right_at(tune, 3.0, 0)}, spent {right_at(held, 3.0, 0)}, "
          f"blind {right_at(unseen, 3.0, 0)}")
    lines = [(slope, close) for slope in np.arange(0.0, 3.01, 0.25)
             for close in np.arange(0.6, 1.201, 0.025)]
    for slope, close in lines:
        print(f"  CLOSE_SLOPE {slope:.2f} CLOSE_ENOUGH {close:.3f}: "
              f"tune {right_at(tune, close, slope)} ({wrong_through(tune, close, slope)} wrong "
              f"through), spent {right_at(held, close, slope)}, "
              f"blind {right_at(unseen, close, slope)}")
    # the line chosen: most right on the tune halves among those letting through no more
    # wrong answers there than the flat gate of bench/fit_ask_gate.py
    flat = wrong_through(tune, 0.75, 0.0)
    slope, close = max((line for line in lines if wrong_through(tune, line[1], line[0]) <= flat),
                       key=lambda line: (right_at(tune, line[1], line[0]), -line[0]))
    print(f"chosen: CLOSE_SLOPE {slope:.2f} CLOSE_ENOUGH {close:.3f}, tune "
          f"{right_at(tune, close, slope)} against {right_at(tune, 0.75, 0.0)} flat")


if __name__ == "__main__":
    main()
