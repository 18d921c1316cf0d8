"""The embedding model is a setting: it fixes the vectors' length and the index remembers it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kb import KnowledgeBase
from kb.errors import IndexMismatch, InvalidInput
from kb.settings import MODEL_NAME, Settings

MPNET = "all-mpnet-base-v2"


def test_the_dimension_follows_the_model(monkeypatch: pytest.MonkeyPatch) -> None:
    assert Settings.load().model_name == MODEL_NAME and Settings.load().dimension == 384
    assert Settings.load(model_name=MPNET).dimension == 768
    monkeypatch.setenv("KB_MODEL_NAME", MPNET)
    assert Settings.load().dimension == 768


def test_a_model_kb_cannot_load_is_refused_with_the_ones_it_can() -> None:
    with pytest.raises(InvalidInput, match=f"one of {MODEL_NAME}, {MPNET}"):
        Settings.load(model_name="text-embedding-3-large")


def test_an_index_built_with_one_model_refuses_another_and_says_what_to_do(tmp_path: Path
                                                                            ) -> None:
    index = tmp_path / "index"
    KnowledgeBase.open(index).close()  # the manifest is checked before any model loads
    with pytest.raises(IndexMismatch) as refused:
        KnowledgeBase.open(index, Settings.load(model_name=MPNET))
    message = str(refused.value)
    assert f"built with embedding model {MODEL_NAME!r}" in message and repr(MPNET) in message
    assert f"KB_MODEL_NAME={MODEL_NAME}" in message and "run `kb ingest` again" in message
    manifest = json.loads((index / "manifest.json").read_text())
    assert manifest["embedding_model"] == MODEL_NAME  # the refusal rewrote nothing


def test_an_index_built_with_mpnet_refuses_the_default_model(tmp_path: Path) -> None:
    index = tmp_path / "index"
    index.mkdir()
    manifest = {"format": "kb-index", "schema_version": 1, "embedding_model": MPNET,
                "dimension": 768}
    (index / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(IndexMismatch, match=f"KB_MODEL_NAME={MPNET}"):
        KnowledgeBase.open(index)
