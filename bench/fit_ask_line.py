"""Fit ask's gate for sentences in other words as a line: when no sentence holds COVERAGE_MIN
of the question's words, the first that holds NEAR_COVERAGE answers if the model reads it close
enough to the question, and the closeness asked of it falls as the share of the question's words
it holds rises: cosine >= CLOSE_ENOUGH - CLOSE_SLOPE * (coverage - NEAR_COVERAGE). A sentence
holding 0.45 of the question's words needs less of the model's reading than one holding 0.25.
CLOSE_SLOPE 0 is the flat gate bench/fit_ask_gate.py fitted.

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


def right_at(rows: list[dict], close: float, slope: float) -> int:
    return sum(row["open"] if row["cosine"] is not None and row["cosine"] >= close - slope * (
        row["coverage"] - gate.NEAR_COVERAGE) else row["shut"] for row in rows)


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
    for slope in (0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0):
        for close in np.arange(0.6, 0.901, 0.025):
            print(f"  CLOSE_SLOPE {slope:.1f} CLOSE_ENOUGH {close:.3f}: "
                  f"tune {right_at(tune, close, slope)}, spent {right_at(held, close, slope)}, "
                  f"blind {right_at(unseen, close, slope)}")


if __name__ == "__main__":
    main()
