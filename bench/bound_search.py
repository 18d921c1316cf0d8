"""How well any fusion of kb's two search sides could do: an upper bound per kind.

Hybrid search ranks a passage by three things it knows of it: its BM25 score, the weighted
share of the query's words it holds, and its closeness in meaning (the passage's cosine or its
closest sentence's). A fusion that never ranks a passage lower for being better on one of them
(every fusion kb has: evidence, score, RRF) cannot put a gold passage above one that is at least
as good on all three and better on one. So a query whose gold passages each have five or more
such rivals cannot be found in the top 5 by any such fusion, and one with a rival cannot be
found first. This script counts those rivals over the whole library, for every query of a set,
and prints per kind the share of queries any such fusion could still find (the bound) beside
what hybrid search finds today.

    .venv/bin/python bench/bound_search.py --set ../shared/real/eval=INDEX [--set ...]
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from pathlib import Path

import numpy as np

from kb import KnowledgeBase, embed
from kb.evaluate import is_relevant, load_cases
from kb.fusion import coverage, make_terms
from kb.query import Filters


def features(kb: KnowledgeBase, query_text: str, ids: list[int], texts: dict[int, str]
             ) -> np.ndarray:
    """One row a passage: BM25 (0 where the keyword side finds nothing), coverage, closeness."""
    engine = kb.engine
    query = engine.parse(query_text, False)
    bm25 = dict(engine.keyword(query, len(ids), Filters()))
    vector = embed.encode_query(query.searched, engine.settings.model_name)
    cosines = engine.vectors.cosines(engine.connection, vector, ids)
    closeness = engine._closeness(query, vector, cosines)
    terms = make_terms(query.term_groups(), engine.vocabulary(), len(ids))
    return np.array([[bm25.get(pid, 0.0), coverage(terms, texts[pid]), closeness[pid]]
                     for pid in ids])


def rivals(table: np.ndarray, row: int) -> int:
    """Passages at least as good as `row` on every feature and better on one."""
    at_least = (table >= table[row]).all(axis=1)
    better = (table > table[row]).any(axis=1)
    return int((at_least & better).sum())


def bound(kb: KnowledgeBase, cases: list[dict]) -> dict[str, list[tuple[bool, bool, bool]]]:
    engine = kb.engine
    ids = [row[0] for row in engine.connection.execute("SELECT id FROM passages ORDER BY id")]
    passages = engine.passages(ids)
    texts = {pid: passage.text for pid, passage in passages.items()}
    kinds: dict[str, list[tuple[bool, bool, bool]]] = defaultdict(list)
    for case in cases:
        table = features(kb, case["query"], ids, texts)
        gold = [row for row, pid in enumerate(ids)
                if any(is_relevant(passages[pid], entry) for entry in case["gold"])]
        fewest = min((rivals(table, row) for row in gold), default=len(ids))
        hits = kb.search(case["query"], k=5).results
        found = any(is_relevant(hit, entry) for hit in hits for entry in case["gold"])
        for kind in (case.get("kind", "other"), "all"):
            kinds[kind].append((fewest < 5, fewest == 0, found))
    return kinds


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--set", action="append", required=True, help="EVAL_DIR=INDEX_DIR")
    args = parser.parse_args()
    for pair in args.set:
        eval_dir, index = pair.split("=")
        with KnowledgeBase.open(index, create=False) as kb:
            kinds = bound(kb, load_cases(Path(eval_dir) / "search.jsonl"))
        print(eval_dir)
        print(f"  {'kind':12s} {'n':>3s}  bound@5  bound@1  hybrid@5")
        for kind, rows in sorted(kinds.items()):
            n = len(rows)
            print(f"  {kind:12s} {n:3d}  {sum(r[0] for r in rows) / n:7.3f}  "
                  f"{sum(r[1] for r in rows) / n:7.3f}  {sum(r[2] for r in rows) / n:8.3f}")


if __name__ == "__main__":
    main()
