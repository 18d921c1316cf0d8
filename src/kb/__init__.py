"""kb: a cited knowledge base over a safeguarding partnership's documents."""

from kb.errors import (
    DocumentNotFound,
    IndexMismatch,
    IndexNotFound,
    InvalidInput,
    KBError,
    UnreadableFile,
)
from kb.knowledge_base import KnowledgeBase
from kb.models import Document, Hit, IngestReport, Passage, SearchResult
from kb.settings import Settings

__all__ = [
    "Document", "DocumentNotFound", "Hit", "IndexMismatch", "IndexNotFound", "IngestReport",
    "InvalidInput", "KBError", "KnowledgeBase", "Passage", "SearchResult", "Settings",
    "UnreadableFile",
]
