"""Benchmark of the library core: ingest rate against the bare model, re-ingest, search latency.

Run: .venv/bin/python bench/bench_core.py [--corpus corpus] [--sizes 20000 100000]
Prints one table; every figure comes from this one run.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

from kb import KnowledgeBase, embed, sentence_vectors
from kb.chunk import Chunk
from kb.claims import model_texts
from kb.document_rows import text_hash, write_document
from kb.parse import ParsedDocument
from kb.store import bump_generation

QUERIES = [
    "professional curiosity", "fathers and male carers", "was not brought", "invisible men",
    "adultification", "children missing from care", "CP plan rate per 10,000",
    "rapid reviews completed within 15 days", "LADO referrals", "CAMHS waiting times",
    "neglect graded care profile", "county lines exploitation", "information sharing",
    "return home interviews", "disproportionality", "school exclusion", "early help",
    "multi-agency training", "voice of the child", "domestic abuse", "private fostering",
    "young carers", "strategy discussions", "what needs to improve",
]
# questions the length of a sentence: these are matched by single sentences as well, and their
# many words make the keyword side's work larger; timed apart so the rows above stay comparable
QUESTIONS = [
    "how often should a looked-after child's health plan be reviewed",
    "when must a school pass a child's safeguarding file to the new school",
    "how many return home interviews were offered within 72 hours",
    "what did the rapid review of Child M find about the school",
    "who should a teacher tell when a pupil says they are being hurt at home",
    "can information be shared without consent when a child is at risk",
]


def percentile(values: list[float], q: float) -> float:
    return float(np.percentile(values, q))


def bench_ingest(corpus: Path, workdir: Path, rounds: int = 3) -> dict[str, Any]:
    """Medians over `rounds` of: a full ingest into a fresh index, then the bare model encoding
    what it encoded in two calls: the passages, and the texts check reads of their sentences.
    The ingest's two phases are timed apart (the library is searchable after the first). The
    model is loaded and warmed first, so no figure pays the one-off load; the machine is noisy,
    hence rounds and medians."""
    embed.load_model()
    embed.encode(["warm up the model", "with a first batch"] * 8)
    load_before = os.getloadavg()[0]
    fill_spans: list[float] = []
    real_fill = sentence_vectors.fill

    def timed_fill(*args: Any, **options: Any) -> int:
        started = time.perf_counter()
        try:
            return real_fill(*args, **options)
        finally:
            fill_spans.append(time.perf_counter() - started)

    sentence_vectors.fill = timed_fill  # type: ignore[assignment]
    rows: dict[str, list[float]] = {key: [] for key in
                                    ("ingest", "fill", "passages_bare", "sentences_bare")}
    for number in range(rounds):
        index = workdir / f"index-{number}"
        with KnowledgeBase.open(index) as kb:
            started = time.perf_counter()
            report = kb.ingest([corpus])
            rows["ingest"].append(time.perf_counter() - started)
            rows["fill"].append(fill_spans[-1])
            # what ingest embeds: each passage with its document's title and section path
            found = kb.connection.execute("SELECT d.title, p.section, p.text FROM passages p "
                                          "JOIN documents d ON d.id = p.document").fetchall()
            texts = sorted({embed.passage_input(*row) for row in found})
            sentences = sorted({t for row in found for t in model_texts(row[2])})
        for key, batch in (("passages_bare", texts), ("sentences_bare", sentences)):
            started = time.perf_counter()
            embed.encode(batch)
            rows[key].append(time.perf_counter() - started)
    sentence_vectors.fill = real_fill  # type: ignore[assignment]
    with KnowledgeBase.open(index) as kb:
        started = time.perf_counter()
        again = kb.ingest([corpus])
        reingest_s = time.perf_counter() - started
    assert len(again.unchanged) == report.documents
    median = {key: statistics.median(values) for key, values in rows.items()}
    searchable = [i - f for i, f in zip(rows["ingest"], rows["fill"], strict=True)]
    return {"passages": report.passages, "embedded": report.embedded,
            "sentence_texts": len(sentences),
            "ingest_rate": report.embedded / median["ingest"],
            "model_rate": len(texts) / median["passages_bare"],
            "ingest_s": median["ingest"], "searchable_s": statistics.median(searchable),
            "fill_s": median["fill"], "reingest_s": reingest_s, "index": str(index),
            # the model's share of each phase: its bare time over the phase's
            "ratios": [b / t for b, t in zip(rows["passages_bare"], searchable, strict=True)],
            "fill_ratios": [b / t for b, t in zip(rows["sentences_bare"], rows["fill"],
                                                  strict=True)],
            "whole_ratios": [(p + q) / t for p, q, t in zip(
                rows["passages_bare"], rows["sentences_bare"], rows["ingest"], strict=True)],
            "load": (load_before, os.getloadavg()[0])}


def scale_up(source: Path, target: Path, size: int, seed: int = 7) -> None:
    """A synthetic library of `size` passages: sentences of the demo corpus recombined, vectors
    of real passages with small noise (embedding 100k passages would take over an hour here)."""
    rng = random.Random(seed)
    with KnowledgeBase.open(source) as kb:
        rows = kb.connection.execute(
            "SELECT p.text, v.vector FROM passages p JOIN vectors v ON v.text_hash = p.text_hash"
        ).fetchall()
    sentences = [s for text, _ in rows for s in text.replace("\n", " ").split(". ") if s]
    base = np.vstack([np.frombuffer(v, dtype=np.float32) for _, v in rows])
    noise = np.random.default_rng(seed)
    with KnowledgeBase.open(target) as kb:
        per_doc = 200
        for number in range(0, size, per_doc):
            chunks, texts = [], []
            for offset in range(min(per_doc, size - number)):
                text = ". ".join(rng.sample(sentences, 8)) + "."
                chunks.append(Chunk(text, 0, len(text), 1 + offset // 4, 1 + offset // 4, "S"))
                texts.append(text)
            vectors = base[[rng.randrange(len(base)) for _ in texts]] + noise.normal(
                0, 0.02, (len(texts), base.shape[1])).astype(np.float32)
            vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
            doc = ParsedDocument(
                path=f"/synthetic/doc-{number}.pdf", content_hash=str(number), size=1,
                title=f"Synthetic report {number}", period=rng.choice(
                    ["2019-20", "2020-21", "2021-22"]), doc_type="annual-report",
                access="public", pages=["x"] * (per_doc // 4), paged=True, chunks=chunks)
            kb.connection.execute("BEGIN")
            # each passage's eight sentences get vectors near its own, as ingest stores them
            sentences_of = [(v + noise.normal(0, 0.05, (8, base.shape[1]))).astype(np.float16)
                            for v in vectors]
            kb.connection.executemany(
                "INSERT OR IGNORE INTO vectors (text_hash, vector, sentences) VALUES (?, ?, ?)", [
                    (text_hash(t), v.astype(np.float32).tobytes(), rows.tobytes())
                    for t, v, rows in zip(texts, vectors, sentences_of, strict=True)])
            write_document(kb.connection, doc)
            bump_generation(kb.connection)
            kb.connection.execute("COMMIT")
        kb.engine.vectors.ensure(kb.connection)


def bench_search(index: Path, rounds: int = 3) -> dict[str, tuple[float, float]]:
    out = {}
    with KnowledgeBase.open(index) as kb:
        kb.search("warm up")  # loads the model and the FAISS file once
        runs = [(mode, mode, QUERIES) for mode in ("keyword", "semantic", "hybrid")] + [
            (f"{mode}, questions", mode, QUESTIONS) for mode in ("keyword", "semantic", "hybrid")]
        for label, mode, queries in runs:
            times = []
            for _ in range(rounds):
                embed.encode_query.cache_clear()  # every query pays for its own embedding
                for query in queries:
                    started = time.perf_counter()
                    kb.search(query, k=10, mode=mode)
                    times.append((time.perf_counter() - started) * 1000)
            out[label] = (percentile(times, 50), percentile(times, 95))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=Path("corpus"))
    parser.add_argument("--sizes", type=int, nargs="*", default=[20_000, 100_000])
    parser.add_argument("--rounds", type=int, default=3, help="ingest rounds (median taken)")
    parser.add_argument("--index", type=Path,
                        help="search an existing library (and its scaled copies), no ingest")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        if args.index:
            with KnowledgeBase.open(args.index, create=False) as kb:
                ingest = {"index": str(args.index), "passages": kb.engine.passage_count()}
        else:
            ingest = bench_ingest(args.corpus, work, args.rounds)
            print(f"ingest of {args.corpus} (median of {args.rounds}): {ingest['embedded']} "
                  f"passages embedded, searchable after {ingest['searchable_s']:.1f} s; then "
                  f"{ingest['sentence_texts']} sentence texts for check in "
                  f"{ingest['fill_s']:.1f} s; {ingest['ingest_s']:.1f} s in all")
            print(f"  the bare model's time over each phase's: passages "
                  f"{', '.join(f'{r:.0%}' for r in ingest['ratios'])}; sentences "
                  f"{', '.join(f'{r:.0%}' for r in ingest['fill_ratios'])}; whole "
                  f"{', '.join(f'{r:.0%}' for r in ingest['whole_ratios'])}")
            print(f"  precision {embed.precision()}; bare model "
                  f"{ingest['model_rate']:.1f} passages/s; load average "
                  f"{ingest['load'][0]:.2f} before, {ingest['load'][1]:.2f} after (the ratio is "
                  "only as good as the quiet around it)")
            print(f"re-ingest of the unchanged library: {ingest['reingest_s'] * 1000:.0f} ms")
        name = args.index.name if args.index else args.corpus.name
        sizes = [(name, Path(ingest["index"]), ingest["passages"])]
        for size in args.sizes:
            target = work / f"scaled-{size}"
            started = time.perf_counter()
            scale_up(Path(ingest["index"]), target, size)
            print(f"(built a synthetic library of {size} passages in "
                  f"{time.perf_counter() - started:.0f} s)", file=sys.stderr)
            sizes.append((f"{size:,}", target, size))
        print(f"\n{'library':>10} {'passages':>9}  {'mode':<20} {'p50 ms':>8} {'p95 ms':>8}")
        for label, index, count in sizes:
            for mode, (p50, p95) in bench_search(index).items():
                print(f"{label:>10} {count:>9}  {mode:<20} {p50:>8.1f} {p95:>8.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
