"""The package's shape: light import, and a CLI that answers --help at once."""

from __future__ import annotations

import subprocess
import sys


def test_import_kb_pulls_in_neither_streamlit_nor_torch() -> None:
    code = ("import sys, kb; heavy = {'streamlit', 'torch', 'faiss', 'sentence_transformers', "
            "'argparse_extra'} & set(sys.modules); print(sorted(heavy))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_help_lists_every_command() -> None:
    out = subprocess.run([sys.executable, "-m", "kb.cli", "--help"], capture_output=True,
                         text=True, check=True).stdout
    for command in ("ingest", "search", "ask", "check", "reuse", "themes", "docs", "eval"):
        assert command in out


def test_the_code_is_ruff_clean() -> None:
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    done = subprocess.run([sys.executable, "-m", "ruff", "check", "src", "tests", "app", "bench",
                           "tools", "--output-format", "concise"], cwd=root, capture_output=True,
                          text=True)
    assert done.returncode == 0, done.stdout
