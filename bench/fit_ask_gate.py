"""Fit ask's gate for sentences in other words (NEAR_COVERAGE, CLOSE_ENOUGH): when no sentence
holds COVERAGE_MIN of the question's words, the first that holds NEAR_COVERAGE answers if the
model reads it CLOSE_ENOUGH to the question. Unlike bench/fit_ask.py, which replays a model of
ask, each question runs through kb's own ask twice (gate shut, gate always open) and the
outcomes are combined per threshold; fitted on the tuning halves, the held halves beside.

    .venv/bin/python bench/fit_ask_gate.py --index REAL_INDEX [--near 0.2 0.25 0.3 0.35]

The sets: ../shared/real/eval and every bench/probe* folder, all over the real library.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np

import kb.ask as ask
import kb.gate as gate
from kb import KnowledgeBase, embed
from kb.evaluate import answered_right, half_of, load_cases

ROOT = Path(__file__).resolve().parent.parent
SETS = [ROOT.parent / "shared" / "real" / "eval",
        *sorted(ROOT.glob("bench/probe*"), key=lambda p: int(p.name[5:] or 1))]


def gather(library: KnowledgeBase, near: float) -> list[dict]:
    """Per question: right with the gate shut, right with it open, and the cosine of the
    sentence the open gate let through (None when the gate was not reached)."""
    gate.NEAR_COVERAGE = near
    # ask calls the gate's pick_close_answer by the name it imported: record it there
    original, seen = ask.pick_close_answer, {}

    def recorded(asked: ask.Question, ranked: list[ask.Candidate]) -> ask.Candidate | None:
        chosen = original(asked, ranked)
        seen["cosine"] = None if chosen is None else float(
            embed.encode([chosen.sentence.text], interactive=True)[0] @
            embed.encode_query(asked.text))
        seen["coverage"] = None if chosen is None else chosen.covered
        return chosen

    ask.pick_close_answer = recorded
    rows = []
    try:
        for folder in SETS:
            if not (folder / "ask.jsonl").exists():
                continue
            for position, case in enumerate(load_cases(folder / "ask.jsonl")):
                gate.CLOSE_ENOUGH = 2.0
                shut = answered_right(library.ask(case["question"]), case)
                gate.CLOSE_ENOUGH, seen["cosine"] = -1.0, None
                opened = answered_right(library.ask(case["question"]), case)
                rows.append({"set": folder.name, "id": case["id"], "half": half_of(position),
                             "shut": shut, "open": opened, "cosine": seen["cosine"],
                             "coverage": seen.get("coverage")})
    finally:
        ask.pick_close_answer = original
        gate.CLOSE_ENOUGH = CLOSE
    return rows


CLOSE = gate.CLOSE_ENOUGH


def right_at(rows: list[dict], close: float) -> int:
    return sum(row["open"] if row["cosine"] is not None and row["cosine"] >= close
               else row["shut"] for row in rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--index", required=True)
    parser.add_argument("--near", type=float, nargs="+", default=[gate.NEAR_COVERAGE])
    options = parser.parse_args()
    with KnowledgeBase.open(options.index) as library:
        for near in options.near:
            rows = gather(library, near)
            tune = [row for row in rows if row["half"] == "tune"]
            held = [row for row in rows if row["half"] == "held"]
            print(f"NEAR_COVERAGE {near}: {len(tune)} tune, {len(held)} held questions; "
                  f"gate shut: tune {right_at(tune, 3.0)}, held {right_at(held, 3.0)}")
            for close in np.arange(0.6, 0.901, 0.025):
                print(f"  CLOSE_ENOUGH {close:.3f}: tune {right_at(tune, close)}, "
                      f"held {right_at(held, close)}, all {right_at(rows, close)}")


if __name__ == "__main__":
    main()
