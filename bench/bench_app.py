"""The app's launch figures, in headless Chromium: launch to first search result, search render.

    .venv/bin/python bench/bench_app.py [--index DIR] [--runs 3]

Each run starts the real launcher (`python -m kb.app_launch`) on a free port with the library
already built, opens the page in an already-running Chromium, searches "professional
curiosity" and stops the clock when the first result card shows ("first result"; in the first
seconds these can be keyword matches while the model loads) and again when the hybrid results
show ("first hybrid result"). Then it times further searches from the keypress to the rendered
results. Medians are printed.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser import (  # noqa: E402
    chromium,
    free_port,
    missing_browser,
    search,
    stop,
    wait_for,
    wait_until_healthy,
)

QUERIES = ["fathers", "was not brought", "neglect", "adultification", "invisible men",
           "exploitation", "professional curiosity", "missing from care"]


def one_launch(index: Path, driver, log: Path) -> dict[str, float]:
    from selenium.webdriver.support.ui import WebDriverWait

    port = free_port()
    env = {**os.environ, "KB_INDEX": str(index), "HF_HUB_OFFLINE": "1"}
    started = time.perf_counter()
    with open(log, "ab") as output:
        server = subprocess.Popen([sys.executable, "-m", "kb.app_launch", "--port", str(port)],
                                  cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT,
                                  start_new_session=True)
    try:
        url = f"http://127.0.0.1:{port}"
        wait_until_healthy(url, server, 60)
        healthy = time.perf_counter() - started
        driver.get(url)
        search(driver, "professional curiosity", timeout=60)
        first = time.perf_counter() - started
        WebDriverWait(driver, 60, poll_frequency=0.02).until(
            lambda d: "still loading" not in d.page_source and d.find_elements(
                "css selector", ".kb-card"))
        hybrid = time.perf_counter() - started
        renders = []
        for query in QUERIES:
            before = time.perf_counter()
            search(driver, query, timeout=30)
            renders.append(time.perf_counter() - before)
        wait_for(driver, ".kb-card")
        return {"healthy": healthy, "first": first, "hybrid": hybrid,
                "render": statistics.median(renders), "render_max": max(renders)}
    finally:
        stop(server)


def build_index(folder: Path) -> Path:
    from kb import KnowledgeBase

    index = folder / "index"
    with KnowledgeBase.open(index) as kb:
        kb.ingest([ROOT / "corpus"])
    return index


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", help="a built library (default: build corpus/ in a temp dir)")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    reason = missing_browser()
    if reason:
        print(f"bench_app: {reason}", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="kb-bench-app-") as folder:
        index = Path(args.index) if args.index else build_index(Path(folder))
        log = Path(folder) / "server.log"
        runs = []
        with chromium() as driver:
            driver.set_page_load_timeout(30)
            for number in range(1, args.runs + 1):
                run = one_launch(index, driver, log)
                runs.append(run)
                print(f"run {number}: server up {run['healthy']:.2f} s, first result "
                      f"{run['first']:.2f} s, first hybrid result {run['hybrid']:.2f} s, "
                      f"search render median {run['render'] * 1000:.0f} ms "
                      f"(max {run['render_max'] * 1000:.0f} ms)")
    def median(key: str) -> float:
        return statistics.median(run[key] for run in runs)

    print(f"median of {len(runs)} launches: launch to first search result {median('first'):.2f} s"
          f" (target <= 8 s); to first hybrid result {median('hybrid'):.2f} s; "
          f"search render {median('render') * 1000:.0f} ms (target < 1000 ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
