"""One frozen Settings: defaults, then KB_* environment, then explicit overrides."""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from kb.errors import InvalidInput

MODEL_NAME = "all-MiniLM-L6-v2"
MODEL_DIMENSION = 384
# The embedding models kb can load offline, with the length of their vectors.
MODEL_DIMENSIONS = {MODEL_NAME: MODEL_DIMENSION, "all-mpnet-base-v2": 768}


@dataclass(frozen=True)
class Settings:
    index_dir: Path = Path("index")
    model_name: str = MODEL_NAME  # one of MODEL_DIMENSIONS; the index records it
    # "evidence" (keyword coverage and absolute closeness), "score" (min-max) or "rrf"
    fusion: str = "evidence"
    fusion_keyword: float = 0.5  # evidence fusion's weights, fitted on the tuning half
    fusion_floor: float = 0.3
    fusion_ceiling: float = 0.8
    fusion_evidence: float = 0.7
    # a query of this many words or more is matched by single sentences too, not only by whole
    # passages (fitted with the fusion's weights)
    sentence_terms: int = 4
    rrf_k: int = 60
    max_file_bytes: int = 50 * 1024 * 1024
    parse_timeout_s: float = 60.0
    parse_workers: int = 2
    parse_memory_mb: int = 2048  # address space per parse worker (0: no ceiling)
    passage_min_words: int = 100
    passage_max_words: int = 250
    # 16, not 32: the model's working memory while encoding is about 150 MB less (a batch's
    # attention scores), and passages are encoded no slower (measured on this machine)
    embed_batch_size: int = 16
    embed_group: int = 256  # passages embedded and committed in one transaction
    per_page_limit: int = 2

    def __post_init__(self) -> None:
        if self.model_name not in MODEL_DIMENSIONS:
            raise InvalidInput(
                f"embedding model {self.model_name!r} is not one kb can load: set KB_MODEL_NAME "
                f"to one of {', '.join(MODEL_DIMENSIONS)}")

    @property
    def dimension(self) -> int:
        """The length of the model's vectors: it follows the model, never set apart from it."""
        return MODEL_DIMENSIONS[self.model_name]

    @classmethod
    def load(cls, **overrides: Any) -> Settings:
        """Defaults, then KB_<FIELD> environment variables, then non-None overrides."""
        settings = cls()
        env: dict[str, Any] = {}
        if os.environ.get("KB_INDEX"):
            env["index_dir"] = os.environ["KB_INDEX"]
        for field in fields(cls):
            raw = os.environ.get(f"KB_{field.name.upper()}")
            if raw is not None and field.name != "index_dir":
                env[field.name] = raw
        merged = {**env, **{k: v for k, v in overrides.items() if v is not None}}
        return replace(settings, **{k: _coerce(settings, k, v) for k, v in merged.items()})


def _coerce(settings: Settings, name: str, value: Any) -> Any:
    current = getattr(settings, name)
    if isinstance(current, Path):
        return Path(value)
    if isinstance(current, bool):
        return str(value).lower() in {"1", "true", "yes"}
    return type(current)(value)
