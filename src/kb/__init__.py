"""kb: a cited knowledge base over a safeguarding partnership's documents."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from kb.errors import (
    DocumentNotFound,
    IndexMismatch,
    IndexNotFound,
    InvalidInput,
    KBError,
    UnreadableFile,
)

if TYPE_CHECKING:
    from kb.knowledge_base import KnowledgeBase
    from kb.models import Document, Hit, IngestReport, Passage, SearchResult
    from kb.settings import Settings

# The facade and its result types load on first use, so `kb --help` and a command answered by
# `kb serve` start without numpy, SQLite or the stages behind them.
_LAZY = {"KnowledgeBase": "kb.knowledge_base", "Settings": "kb.settings", "Document": "kb.models",
         "Hit": "kb.models", "IngestReport": "kb.models", "Passage": "kb.models",
         "SearchResult": "kb.models"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'kb' has no attribute {name!r}")


__all__ = [
    "Document", "DocumentNotFound", "Hit", "IndexMismatch", "IndexNotFound", "IngestReport",
    "InvalidInput", "KBError", "KnowledgeBase", "Passage", "SearchResult", "Settings",
    "UnreadableFile",
]
