"""Fit reuse's thresholds (EDITED_MIN, MEANING_WEIGHT, PARAPHRASE_MIN) on the tuning half of
the labelled drafts, and report the held half and the whole beside it.

    .venv/bin/python bench/fit_reuse.py --set tests/eval=INDEX --set ../shared/real/eval=INDEX
"""

from __future__ import annotations

import argparse
import itertools
from pathlib import Path

from kb import KnowledgeBase, embed, reuse
from kb.ask import term_weights
from kb.evaluate import half_of, load_cases


def gather(kb: KnowledgeBase, cases: list[dict]) -> list[dict]:
    engine = kb.engine
    paragraphs = [case["text"] for case in cases]
    allowed = reuse._allowed(engine, None, None)
    vectors = embed.encode(paragraphs)
    found = reuse.nearest(engine, vectors, allowed)
    reuse.add_keyword_candidates(engine, paragraphs, vectors, found, allowed)
    passages = engine.passages(list({pid for hits in found for pid, _ in hits}))
    return [{"case": case, "half": half_of(position), "paragraph": paragraph,
             "candidates": [(passages[pid], cosine) for pid, cosine in hits],
             "terms": term_weights(engine, paragraph)}
            for position, (case, paragraph, hits) in enumerate(zip(cases, paragraphs, found,
                                                                   strict=True))]


def kinds(rows: list[dict], edited: float, weight: float, paraphrase: float) -> list[bool]:
    reuse.EDITED_MIN, reuse.MEANING_WEIGHT, reuse.PARAPHRASE_MIN = edited, weight, paraphrase
    return [reuse.classify(0, row["paragraph"], row["candidates"], row["terms"]).kind
            == row["case"]["kind"] for row in rows]


def share(values: list[bool], rows: list[dict], half: str | None) -> float:
    picked = [ok for ok, row in zip(values, rows, strict=True)
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
            sets[eval_dir] = gather(kb, load_cases(Path(eval_dir) / "reuse.jsonl"))
    every = [row for rows in sets.values() for row in rows]
    grid = itertools.product([0.72, 0.75, 0.77, 0.8], [0.0, 0.25, 0.5, 0.75, 1.0],
                             [0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9])
    best = max(grid, key=lambda g: share(kinds(every, *g), every, "tune"))
    print("EDITED_MIN, MEANING_WEIGHT, PARAPHRASE_MIN fitted on the tuning halves:", best)
    for name, rows in sets.items():
        values = kinds(rows, *best)
        print(f"  {name:24s} tune {share(values, rows, 'tune')} "
              f"held {share(values, rows, 'held')} whole {share(values, rows, None)}")


if __name__ == "__main__":
    main()
