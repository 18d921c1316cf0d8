"""Result types shared by the stages; each has to_dict() giving the contract's JSON."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import PurePath
from typing import Any


@dataclass(frozen=True)
class Document:
    doc_id: str
    path: str
    title: str
    period: str | None
    doc_type: str
    access: str
    pages: int | None
    passages: int
    content_hash: str
    size: int
    added: str | None = None  # when it entered the library (UTC, ISO)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Passage:
    """A stored passage with its citation; `page` is the first page it stands on."""

    passage_id: int
    doc_id: str
    title: str
    path: str
    period: str | None
    doc_type: str
    page: int | None
    page_end: int | None
    section: str | None
    text: str
    char_start: int
    char_end: int
    score: float = 0.0
    access: str = "public"  # "restricted": from a document not everyone may see

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @property
    def known_as(self) -> str:
        """The names its document goes by: its title and its file's name ("the Essex study"
        for "Understanding social worker recording (Essex).pdf", whatever its title page says)."""
        return " ".join(names_of_document(self.title, self.path))


@lru_cache(maxsize=1024)
def names_of_document(title: str, path: str) -> tuple[str, str]:
    """The two names a document goes by: its title, and its file's name in words."""
    return title, PurePath(path).stem.replace("_", " ")


@dataclass
class Hit(Passage):
    rank: int = 0
    snippet: str = ""
    marks: list[tuple[int, int]] = field(default_factory=list)  # spans in `text` matched


@dataclass
class SearchResult:
    query: str
    mode: str
    took_ms: float
    results: list[Hit]
    searched: str = ""  # the query as searched, after typo correction
    corrections: dict[str, str] = field(default_factory=dict)
    expansions: dict[str, list[str]] = field(default_factory=dict)
    note: str = ""  # why there are no results, or that none holds the query's words

    def to_dict(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "mode": self.mode,
            "took_ms": round(self.took_ms, 2),
            "searched": self.searched,
            "corrections": self.corrections,
            "expansions": self.expansions,
            "note": self.note,
            "results": [hit.to_dict() for hit in self.results],
        }


@dataclass
class FailedFile:
    path: str
    error: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    failed: list[FailedFile] = field(default_factory=list)
    documents: int = 0
    passages: int = 0
    embedded: int = 0  # passages whose text needed a new vector
    took_ms: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "removed": self.removed,
            "failed": [f.to_dict() for f in self.failed],
            "documents": self.documents,
            "passages": self.passages,
            "embedded": self.embedded,
            "took_ms": round(self.took_ms, 2),
        }


def passage_dict(passage: Passage) -> dict[str, Any]:
    """A passage as the JSON of ask, check, reuse and themes give it (no search marks)."""
    data = passage.to_dict()
    for extra in ("rank", "snippet", "marks"):
        data.pop(extra, None)
    data["score"] = round(float(data["score"]), 6)
    return data


@dataclass
class Figure:
    """One figure as written: where it stands, what it is, and what it counts."""

    text: str
    start: int
    end: int
    value: float
    kind: str
    unit: str = ""
    total: float | None = None  # the M of "N of M"
    decimals: int = 0
    measure: str = ""  # the words around it that say what it measures
    period: str | None = None
    relative: int = 0  # -1 for "a year earlier": resolved against the sentence's period
    inherits: bool = False  # "compared with 291": measured like the figure before it

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def stated(self) -> str:
        period = f" ({self.period})" if self.period else ""
        return f"{self.text}{period}"


@dataclass
class Match:
    """One source figure read against one claimed figure."""

    claimed: Figure
    source: Figure
    fit: float  # how well the measures agree, 0..1
    agrees: bool
    passage: Passage
    sentence: str
    sentence_start: int
    source_figures: list[Figure]
    earlier: bool = False  # the source figure is for the year before the claimed one
    # the named thing each counts, where the same figure counts another ("liquid", "mosaic")
    counts: tuple[str, str] | None = None
