"""Benchmark of the three users' jobs, warm: ask and check latency, a 30-paragraph reuse.

Run: .venv/bin/python bench/bench_jobs.py [--index DIR] [--set DIR] [--runs 3]
Without --index it builds a temporary index from corpus/ first (about a minute). --set takes
the questions, claims and draft of another labelled set (the real one: ../shared/real/eval,
with --index built from ../shared/real/docs); the reuse draft is then stretched to 30
paragraphs of about 28,000 characters, the size issue 11 names.
Prints p50/p95 for ask and check over the questions and claims of tests/eval, the time of
one reuse of tests/eval/draft.md plus two paragraphs (30 in all), and the model encode calls
each job made (an encode is the dominant cost of a query; the machine may be shared, so
counts are steadier than times). Each figure is the median over the runs.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from kb import KnowledgeBase, embed
from kb.numbers import clear_figures
from kb.opposites import prepared as opposites_prepared
from kb.question import terms_of

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT / "tests" / "eval"
EXTRA = [
    "The partnership will publish a new multi-agency neglect toolkit in the autumn, with "
    "training for every practitioner who uses the Graded Care Profile.",
    "We thank the children, young people and families who spoke to us this year; their words "
    "shape every priority in this report.",
]


class EncodeCounter:
    """Counts calls into the model while installed (embed.encode is looked up per call)."""

    def __init__(self) -> None:
        self.calls = 0
        self._original = embed.encode

    def __enter__(self) -> EncodeCounter:
        def counted(*args: Any, **kwargs: Any) -> np.ndarray:
            self.calls += 1
            return self._original(*args, **kwargs)

        embed.encode = counted  # type: ignore[assignment]
        return self

    def __exit__(self, *exc: object) -> None:
        embed.encode = self._original  # type: ignore[assignment]


def lines(name: str, field: str) -> list[str]:
    path = EVAL / name
    if not path.exists():
        return []
    return [json.loads(line)[field] for line in path.read_text().splitlines() if line.strip()]


def timed(job: Callable[[str], object], inputs: list[str]) -> tuple[list[float], int]:
    """Per-input milliseconds, and encode calls per input (query encodes and the words read of
    each passage are cached per process, so the caches are cleared to time and count what a
    new question costs)."""
    times, calls = [], 0
    for text in inputs:
        embed.encode_query.cache_clear()
        terms_of.cache_clear()  # what a passage's words are, kept per text: a new question's cost
        clear_figures()  # the figures read of each text, kept likewise
        opposites_prepared.cache_clear()  # a text's words as opposite_word reads them, likewise
        with EncodeCounter() as counter:
            started = time.perf_counter()
            job(text)
            times.append((time.perf_counter() - started) * 1000)
        calls += counter.calls
    return times, round(calls / max(1, len(inputs)))


def run_once(kb: KnowledgeBase, questions: list[str], claims: list[str], draft: str
             ) -> dict[str, float]:
    ask, ask_calls = timed(kb.ask, questions)
    check, check_calls = timed(kb.check, claims)
    reuse, reuse_calls = timed(kb.reuse, [draft])
    return {"ask_p50_ms": float(np.percentile(ask, 50)),
            "ask_p95_ms": float(np.percentile(ask, 95)), "ask_encodes": ask_calls,
            "check_p50_ms": float(np.percentile(check, 50)),
            "check_p95_ms": float(np.percentile(check, 95)), "check_encodes": check_calls,
            "reuse_30_s": reuse[0] / 1000, "reuse_encodes": reuse_calls}


def draft_text() -> str:
    text = (EVAL / "draft.md").read_text(encoding="utf-8").strip()
    if EVAL == ROOT / "tests" / "eval":
        return text + "\n\n" + "\n\n".join(EXTRA)
    return long_draft([p for p in text.split("\n\n") if p.strip()])


def long_draft(paragraphs: list[str], count: int = 30, characters: int = 28_000) -> str:
    """`count` paragraphs of about `characters` in all, each made of consecutive paragraphs
    of the set's draft (a long draft reuses the library as the short one does)."""
    per = characters // count
    built, cursor = [], 0
    for _ in range(count):
        parts: list[str] = []
        while sum(len(p) for p in parts) < per:
            parts.append(paragraphs[cursor % len(paragraphs)])
            cursor += 1
        built.append(" ".join(parts))
    return "\n\n".join(built)


def bench(index: Path, runs: int) -> dict[str, float]:
    questions, claims, draft = lines("ask.jsonl", "question"), lines("check.jsonl", "claim"), \
        draft_text()
    with KnowledgeBase.open(index) as kb:
        paragraphs = len(kb.reuse(draft).paragraphs)  # warm: model, FAISS, caches
        for text in questions[:3] + claims[:3]:
            kb.ask(text)
            kb.check(text)
        results = [run_once(kb, questions, claims, draft) for _ in range(runs)]
    summary = {key: statistics.median(r[key] for r in results) for key in results[0]}
    summary["reuse_paragraphs"] = paragraphs
    summary["reuse_characters"] = len(draft)
    return summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, help="an index to open (default: build one)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--set", type=Path, help="a labelled set's folder (default tests/eval)")
    args = parser.parse_args()
    global EVAL
    EVAL = args.set or EVAL
    if args.index:
        summary = bench(args.index, args.runs)
    else:
        with tempfile.TemporaryDirectory() as workdir:
            index = Path(workdir) / "index"
            with KnowledgeBase.open(index) as kb:
                kb.ingest([ROOT / "corpus"])
            summary = bench(index, args.runs)
    for key, value in summary.items():
        print(f"{key:18} {value:10.2f}" if isinstance(value, float) else f"{key:18} {value:>10}")


if __name__ == "__main__":
    main()
