"""What check's one batch through the model costs, and what would stand in for it.

check reads a claim against the sentences of its ten best passages; the closest twelve are
encoded afresh with the claim (kb.claims.align), which is most of a check's time on a processor
without native bfloat16. This measures, over the claims of a labelled set on its library:
- the batch as check runs it: texts, tokens, milliseconds (median), on one thread and on two;
- how far the sentence vectors stored at ingest (pooled from each passage's own pass through
  the model, schema 4) stand from the fresh ones: the correlation of their cosines with the
  claim, and how often the closest sentence is the same one.

    .venv/bin/python bench/bench_align.py --index REAL_INDEX [--set ../shared/real/eval]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

import numpy as np

from kb import KnowledgeBase, embed
from kb.check import ALIGN_WEIGHT
from kb.claim_figures import read_claim
from kb.claims import Aligned, align
from kb.sentences import split_sentences


def stored_rows(library: KnowledgeBase, passage_ids: set[int], dimension: int
                ) -> dict[int, np.ndarray]:
    """Each passage's stored sentence vectors, read in one query."""
    marks = ",".join("?" * len(passage_ids))
    found = library.engine.connection.execute(
        f"SELECT p.id, v.sentences FROM passages p JOIN vectors v ON v.text_hash = p.text_hash "
        f"WHERE p.id IN ({marks})", list(passage_ids)).fetchall()
    return {pid: np.frombuffer(blob or b"", dtype=np.float16).reshape(-1, dimension)
            for pid, blob in found}


def stored_cosine(rows: np.ndarray, claim_vector: np.ndarray, aligned: Aligned) -> float:
    """The claim's cosine with the stored vectors (`rows`, the aligned sentence's passage's) of
    the ingest-time sentences the aligned sentence overlaps, weighted by the overlap."""
    dimension = claim_vector.shape[0]
    end = aligned.start + len(aligned.sentence)
    vector = np.zeros(dimension, dtype=np.float32)
    for sentence, stored in zip(split_sentences(aligned.passage.text), rows, strict=False):
        overlap = min(sentence.end, end) - max(sentence.start, aligned.start)
        if overlap > 0:
            vector += overlap * stored.astype(np.float32)
    norm = float(np.linalg.norm(vector))
    return float(vector @ claim_vector) / norm if norm else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--index", required=True)
    parser.add_argument("--set", default="../shared/real/eval")
    options = parser.parse_args()
    import torch

    claims = [json.loads(line)["claim"] for line in
              (Path(options.set) / "check.jsonl").read_text().splitlines() if line.strip()]
    batches, fresh, stored, same = [], [], [], 0
    with KnowledgeBase.open(options.index) as library:
        engine = library.engine
        for claim in claims:
            parsed = read_claim(engine, claim)
            hits = engine.search(claim, k=10, mode="hybrid").results
            aligned = align(claim, parsed.terms, hits, weight=ALIGN_WEIGHT)
            batches.append([claim, *(a.sentence for a in aligned)])
            query = embed.encode_query(claim)
            rows = stored_rows(library, {a.passage.passage_id for a in aligned}, query.shape[0])
            by_stored = [stored_cosine(rows[a.passage.passage_id], query, a) for a in aligned]
            fresh += [a.closeness for a in aligned]
            stored += by_stored
            same += int(np.nanargmax(by_stored) == int(np.argmax([a.closeness for a in aligned])))
        tokenizer = embed.load_model().tokenizer
        tokens = [sum(len(ids) for ids in tokenizer(batch)["input_ids"]) for batch in batches]
        times: dict[int, list[float]] = {1: [], 2: []}
        for batch in batches:
            for threads in (1, 2):
                torch.set_num_threads(threads)
                started = time.perf_counter()
                embed.load_model().encode(batch, batch_size=len(batch))
                times[threads].append((time.perf_counter() - started) * 1000)
    print(f"precision {embed.precision()}; {len(claims)} claims")
    print(f"batch texts median {statistics.median(map(len, batches))}, tokens median "
          f"{statistics.median(tokens)}")
    for threads, measured in times.items():
        print(f"  {threads} thread(s): {statistics.median(measured):.1f} ms median")
    pairs = np.array([(f, s) for f, s in zip(fresh, stored, strict=True) if s == s])
    print(f"stored sentence vectors against fresh: cosine correlation "
          f"{np.corrcoef(pairs[:, 0], pairs[:, 1])[0, 1]:.3f}, difference sd "
          f"{np.std(pairs[:, 0] - pairs[:, 1]):.3f}; the same closest sentence for {same} of "
          f"{len(claims)} claims")


if __name__ == "__main__":
    main()
