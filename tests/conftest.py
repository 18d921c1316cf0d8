"""Shared fixtures: every test's index lives in a temp dir; the demo library is built once."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from kb import KnowledgeBase

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
EVAL = ROOT / "tests" / "eval"
# the real documents and their labelled set, beside the project (read-only, never copied)
REAL = ROOT.parent / "shared" / "real"

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("KB_ADDRESS", "127.0.0.1")  # AppTest has no server: say it is loopback


@pytest.fixture(autouse=True)
def _index_in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KB_INDEX", str(tmp_path / "index"))


@pytest.fixture(scope="session")
def corpus_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An index of the whole demo corpus, built once per test session with the real model."""
    index = tmp_path_factory.mktemp("corpus") / "index"
    with KnowledgeBase.open(index) as kb:
        report = kb.ingest([CORPUS])
    assert not report.failed, report.failed
    return index


@pytest.fixture(scope="session")
def library(corpus_index: Path) -> Iterator[KnowledgeBase]:
    """The demo library, opened once and shared (read-only) by the tests that query it."""
    with KnowledgeBase.open(corpus_index) as kb:
        yield kb


@pytest.fixture(scope="session")
def real_library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KnowledgeBase]:
    """The ten real documents of ../shared/real/docs, built once per test session."""
    if not (REAL / "docs").is_dir():
        pytest.skip("../shared/real is not beside the project")
    index = tmp_path_factory.mktemp("real") / "index"
    with KnowledgeBase.open(index) as kb:
        report = kb.ingest([REAL / "docs"])
        assert not report.failed, report.failed
        yield kb
