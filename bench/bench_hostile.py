"""Benchmark of a large document: a 30 MB text file's ingest rate against the bare model, the
ingest's peak memory (the whole process tree, parse workers included), and the longest stall
of warm searches made from another process while an ingest commits group after group.

Run: .venv/bin/python bench/bench_hostile.py [--mb 30] [--stall-mb 3] [--stall-runs 1]
[--index DIR]. Prints one JSON object; every figure comes from this one run. The bare model
encodes what the ingest encodes (each passage with its title and section) at the ingest's batch
size, in the same allocator policy, before and after the ingest (the machine is shared).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PARSE_TIMEOUT_S: float | None = None  # --parse-timeout
QUERIES = ["professional curiosity", "fathers and male carers", "neglect", "early help",
           "rapid reviews", "voice of the child", "domestic abuse", "LADO referrals"]


def make_text(corpus_index: Path, target: Path, megabytes: float, seed: int = 1) -> Path:
    """Paragraphs of 3 to 8 sentences of the demo library, shuffled, to `megabytes` MB."""
    from kb import KnowledgeBase

    with KnowledgeBase.open(corpus_index) as kb:
        texts = [row[0] for row in kb.connection.execute("SELECT text FROM passages")]
    sentences = [s.strip() for t in texts for s in t.replace("\n", " ").split(". ")
                 if len(s.split()) > 4]
    rng = random.Random(seed)
    paragraphs, size = [], 0
    while size < megabytes * 1_000_000:
        paragraph = ". ".join(rng.choice(sentences) for _ in range(rng.randint(3, 8))) + "."
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
    target.write_text("Harrowden case records 2021-22\n\n" + "\n\n".join(paragraphs))
    return target


def tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
                children.setdefault(int(fields[1]), []).append(int(entry))
            except (OSError, IndexError):
                continue
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        stack.extend(children.get(current, []))
        try:
            for line in Path(f"/proc/{current}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total / 1024


def run_ingest(index: Path, path: Path, during: threading.Event | None = None
               ) -> tuple[float, float, list[dict], int]:
    """Ingest `path` with the real CLI in another process: seconds, peak MB, progress, status."""
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "KB_SERVICE": "off"}
    if PARSE_TIMEOUT_S:  # a diagnostic only: the goal is the default limits
        env["KB_PARSE_TIMEOUT_S"] = str(PARSE_TIMEOUT_S)
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "kb.cli", "ingest", str(path), "--index", str(index), "--json",
         "--progress", "json"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env=env)
    peak = [0.0]

    def sample() -> None:
        while process.poll() is None:
            peak[0] = max(peak[0], tree_rss_mb(process.pid))
            time.sleep(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    if during is not None:
        during.set()
    steps, err = [], []
    assert process.stderr is not None and process.stdout is not None
    for line in process.stderr:  # each progress line with the second it came
        err.append(line)
        if line.startswith("{"):
            steps.append({**json.loads(line)["progress"], "at_s": time.perf_counter() - started})
    process.stdout.read()
    process.wait()
    seconds = time.perf_counter() - started
    sampler.join()
    if process.returncode:
        print("".join(err)[-2000:], file=sys.stderr)
    return seconds, peak[0], steps, process.returncode


def model_rate(path: Path, sample: int = 1500) -> tuple[float, int]:
    """Passages a second of the bare model on passages of this very file, warmed up: the
    texts the ingest embeds, in groups and at the batch size it uses."""
    from kb import Settings, embed
    from kb.ingest import return_large_blocks
    from kb.parse import parse_file

    settings = Settings.load()
    document = parse_file(str(path))
    texts = [embed.passage_input(document.title, chunk.section, chunk.text)
             for chunk in document.chunks[:sample]]
    return_large_blocks()
    embed.load_model()
    embed.encode(texts[:64], settings.embed_batch_size)
    started = time.perf_counter()
    for start in range(0, len(texts), settings.embed_group):
        embed.encode(texts[start:start + settings.embed_group], settings.embed_batch_size)
    return len(texts) / (time.perf_counter() - started), len(document.chunks)


def search_during_ingest(index: Path, path: Path) -> dict[str, float]:
    """Warm searches on the library while another process ingests `path` into it."""
    from kb import KnowledgeBase

    with KnowledgeBase.open(index) as kb:
        for query in QUERIES:  # warm: model, FAISS, caches
            kb.search(query)
        started = threading.Event()
        outcome: dict[str, object] = {}
        thread = threading.Thread(target=lambda: outcome.update(
            zip(("seconds", "peak", "steps", "status"), run_ingest(index, path, started),
                strict=True)))
        thread.start()
        started.wait()
        latencies, errors, number = [], 0, 0
        while thread.is_alive():
            begun = time.perf_counter()
            try:
                kb.search(QUERIES[number % len(QUERIES)])
            except Exception:  # noqa: BLE001 - counted: the figure is how many there are
                errors += 1
            latencies.append(time.perf_counter() - begun)
            number += 1
        thread.join()
    return {"searches": len(latencies), "errors": errors,
            "p50_ms": round(statistics.median(latencies) * 1000, 1),
            "p95_ms": round(float(sorted(latencies)[int(0.95 * len(latencies))]) * 1000, 1),
            "longest_stall_ms": round(max(latencies) * 1000, 1),
            "ingest_s": round(float(outcome["seconds"]), 1),  # type: ignore[arg-type]
            "groups_committed": sum(1 for s in outcome["steps"]  # type: ignore[union-attr]
                                    if "passages stored" in s["message"]),
            "peak_mb": round(float(outcome["peak"]))}  # type: ignore[arg-type]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=30.0, help="size of the large text file")
    parser.add_argument("--stall-mb", type=float, default=3.0,
                        help="size of the file ingested while searching")
    parser.add_argument("--stall-runs", type=int, default=1,
                        help="ingests to search during (the figures of each, and medians)")
    parser.add_argument("--parse-timeout", type=float,
                        help="raise the parse time limit (a diagnostic; default: the default)")
    parser.add_argument("--index", help="a demo library to draw text from and search "
                                        "(default: built from corpus/ in a temp folder)")
    args = parser.parse_args()
    global PARSE_TIMEOUT_S
    PARSE_TIMEOUT_S = args.parse_timeout
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from kb import KnowledgeBase

    work = Path(tempfile.mkdtemp(prefix="kb-bench-hostile-"))
    demo = Path(args.index) if args.index else work / "demo"
    if not args.index:
        with KnowledgeBase.open(demo) as kb:
            kb.ingest([ROOT / "corpus"])
    big = make_text(demo, work / "records.txt", args.mb)
    before, passages = model_rate(big)
    seconds, peak, steps, status = run_ingest(work / "large", big)
    after, _ = model_rate(big)  # the machine is shared: the model's rate before and after
    rate = (before + after) / 2
    with KnowledgeBase.open(work / "large") as kb:
        stored = kb.connection.execute("SELECT count(*) FROM passages").fetchone()[0]
    runs = [search_during_ingest(demo, make_text(demo, work / f"stall-{run}.txt",
                                                 args.stall_mb, seed=2 + run))
            for run in range(args.stall_runs)]
    parsed = next((s["at_s"] for s in steps if "passages stored" not in s["message"]), None)
    print(json.dumps({
        "file_mb": round(big.stat().st_size / 1e6, 1), "status": status, "passages": passages,
        "stored": stored, "ingest_s": round(seconds, 1),
        "parsed_after_s": parsed and round(parsed, 1),  # start-up and parsing, until embedding
        "ingest_rate": round(stored / seconds, 2), "model_rate": round(rate, 2),
        "model_rate_before_after": [round(before, 2), round(after, 2)],
        "share_of_model_rate": round(stored / seconds / rate, 3),
        "peak_mb": round(peak), "progress_lines": len(steps),
        "search_during_ingest": runs,
        "longest_stall_ms_median": statistics.median(r["longest_stall_ms"] for r in runs)
        if runs else None},
        indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
