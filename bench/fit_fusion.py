"""Fit the evidence fusion's weights (four by grid, then the floor's margin) on the tuning half
of the labelled search sets.

Builds (or reuses) a library per set, gathers each query's candidates with their BM25 score,
cosine and query coverage once, then grid-searches the weights for the best MRR on the tuning
half (even positions of each search.jsonl) and reports the held half and the whole beside it.

    .venv/bin/python bench/fit_fusion.py --set tests/eval=corpus \
        --set ../shared/real/eval=../shared/real/docs
"""

from __future__ import annotations

import argparse
import itertools
import tempfile
from dataclasses import replace
from pathlib import Path

from kb import KnowledgeBase
from kb.evaluate import half_of, is_relevant, load_cases
from kb.fusion import FusionWeights, fuse_evidence, make_terms


def gather(kb: KnowledgeBase, cases: list[dict]) -> list[dict]:
    engine = kb.engine
    rows = []
    for position, case in enumerate(cases):
        query = engine.parse(case["query"], False)
        keyword = engine.keyword(query, 50, _filters())
        from kb import embed

        vector = embed.encode_query(query.searched)
        closest = engine.vectors.search(engine.connection, vector, 50, engine._allowed_ids(
            _filters()))
        cosines = dict(closest)
        cosines.update(engine.vectors.cosines(engine.connection, vector,
                                              [p for p, _ in keyword if p not in cosines]))
        # a passage is as close as its closest sentence (for a query of a sentence's length)
        cosines = engine._closeness(query, vector, cosines)
        texts = engine._texts(list(cosines))
        terms = make_terms(query.term_groups(), engine._lexicons[False][0], engine._passage_count)
        passages = engine.passages(list(cosines))
        relevant = {pid for pid, passage in passages.items()
                    if any(is_relevant(passage, gold) for gold in case["gold"])}
        rows.append({"half": half_of(position), "kind": case["kind"], "terms": terms,
                     "query": case["query"],
                     "keyword": keyword, "cosines": cosines, "texts": texts,
                     "relevant": relevant, "phrases": bool(query.phrases)})
    return rows


def _filters():
    from kb.query import Filters

    return Filters()


def score(rows: list[dict], weights: FusionWeights, half: str | None) -> dict[str, float]:
    picked = [row for row in rows if half is None or row["half"] == half]
    hit1 = hit5 = mrr = 0.0
    for row in picked:
        if row["phrases"]:
            ranked = row["keyword"]
        else:
            ranked = fuse_evidence(row["terms"], row["keyword"], row["cosines"], row["texts"],
                                   weights, row["query"])
        first = next((rank for rank, (pid, _) in enumerate(ranked[:10], 1)
                      if pid in row["relevant"]), None)
        hit1 += first == 1
        hit5 += first is not None and first <= 5
        mrr += 1 / first if first else 0
    n = max(1, len(picked))
    return {"hit@1": round(hit1 / n, 3), "hit@5": round(hit5 / n, 3), "mrr": round(mrr / n, 3)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--set", action="append", required=True, help="EVAL_DIR=DOCS_DIR")
    parser.add_argument("--index-root", default=None, help="reuse libraries built here")
    args = parser.parse_args()
    root = Path(args.index_root or tempfile.mkdtemp(prefix="kb-fit-"))
    rows_by_set = {}
    for pair in args.set:
        eval_dir, docs = pair.split("=")
        index = root / Path(eval_dir).resolve().parent.name
        with KnowledgeBase.open(index) as kb:
            if not kb.documents():
                kb.ingest([docs])
            rows_by_set[eval_dir] = gather(kb, load_cases(Path(eval_dir) / "search.jsonl"))
    every = [row for rows in rows_by_set.values() for row in rows]
    grid = itertools.product([0.3, 0.4, 0.5, 0.6], [0.2, 0.25, 0.3, 0.35, 0.4],
                             [0.7, 0.8, 0.85, 0.9], [0.0, 0.6, 0.7, 0.8])
    best = max((FusionWeights(k, f, c, e) for k, f, c, e in grid if c > f),
               key=lambda w: (score(every, w, "tune")["mrr"], score(every, w, "tune")["hit@5"]))
    # then how far under the best cosine the floor may drop when no candidate reaches it
    # (-1: the floor stands)
    for margin in (-1.0, 0.05, 0.1, 0.15, 0.2):
        print(f"  margin {margin:5.2f} tune", score(every, replace(best, margin=margin), "tune"))
    best = max((replace(best, margin=m) for m in (-1.0, 0.05, 0.1, 0.15, 0.2)),
               key=lambda w: (score(every, w, "tune")["hit@5"], score(every, w, "tune")["mrr"]))
    print("fitted on the tuning halves:", best)
    for name, rows in rows_by_set.items():
        for half in ("tune", "held", None):
            print(f"  {name:28s} {half or 'whole':5s} {score(rows, best, half)}")


if __name__ == "__main__":
    main()
