"""Launch the app: build the demo library when the index is missing, then serve app/kb_app.py.

`python -m kb.app_launch [--index DIR] [--port 8501]` runs Streamlit in this process, so the
embedding model starts loading while the server starts and the browser connects.
"""

from __future__ import annotations

import argparse
import os
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "app" / "kb_app.py"
CORPUS = ROOT / "corpus"
MAX_UPLOAD_MB = 50

_warm_lock = threading.Lock()
_warm_event: threading.Event | None = None


def warm_model() -> threading.Event:
    """Load the embedding model once per process in the background; the event says it is in."""
    global _warm_event
    with _warm_lock:
        if _warm_event is None:
            _warm_event = threading.Event()
            threading.Thread(target=_load, args=(_warm_event,), name="kb-warm-model",
                             daemon=True).start()
        return _warm_event


def _load(ready: threading.Event) -> None:
    from kb import embed

    try:
        embed.encode_query("warm up")
    finally:
        ready.set()  # a failure shows later, at the first call that needs the model


def streamlit_args(port: int = 8501, address: str = "127.0.0.1",
                   app: Path = APP) -> list[str]:
    """`streamlit run` arguments: local only, headless, no telemetry, uploads capped."""
    return ["run", str(app), "--server.address", address, "--server.port", str(port),
            "--server.headless", "true", "--browser.gatherUsageStats", "false",
            "--server.maxUploadSize", str(MAX_UPLOAD_MB), "--server.fileWatcherType", "none",
            "--client.toolbarMode", "minimal", "--theme.base", "light"]


def build_demo_library(index: Path, corpus: Path) -> None:
    from kb import KnowledgeBase

    print(f"kb: no library at {index}; building it from {corpus} …", file=sys.stderr)

    def report(done: int, total: int, message: str) -> None:
        print(f"  {done}/{total} {message}", file=sys.stderr)

    with KnowledgeBase.open(index) as kb:
        result = kb.ingest([corpus], progress=report)
    print(f"kb: {result.documents} documents, {result.passages} passages, "
          f"{len(result.failed)} failed", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kb.app_launch",
                                     description="Open the kb app on 127.0.0.1.")
    parser.add_argument("--index", help="index folder (default: $KB_INDEX, else ./index)")
    parser.add_argument("--corpus", default=str(CORPUS), help="demo corpus for a missing index")
    parser.add_argument("--port", type=int, default=8501)
    parser.add_argument("--address", default="127.0.0.1",
                        help="listen here; beyond loopback the app always asks for a login")
    args = parser.parse_args(argv)
    index = Path(args.index or os.environ.get("KB_INDEX") or "index").resolve()
    if not (index / "kb.sqlite").exists():
        build_demo_library(index, Path(args.corpus))
    os.environ["KB_INDEX"] = str(index)
    os.environ["KB_ADDRESS"] = args.address  # beyond loopback, the app always asks for a login
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    warm_model()
    from streamlit.web import cli

    sys.argv = ["streamlit", *streamlit_args(args.port, args.address)]
    return int(cli.main() or 0)


if __name__ == "__main__":
    # run the imported module, not __main__, so the app shares its model warm-up
    from kb.app_launch import main as launch

    sys.exit(launch())
