"""Parse one file into everything the library stores about it (runs in a worker process)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kb.chunk import Chunk, blocks_of, chunk_blocks, lines_from_text, page_texts
from kb.errors import UnreadableFile
from kb.extract import Line, RawDocument, read_file
from kb.extract.clean import clean_pages, normalise
from kb.extract.layout import arrange
from kb.extract.metadata import (
    DOC_TYPES,
    detect_access,
    detect_doc_type,
    detect_period,
    detect_title,
    normalise_period,
)
from kb.facts import Fact, facts_from_blocks
from kb.glossary import learn_acronyms
from kb.notes import Note, notes_of

SIDECAR_FIELDS = {"title", "period", "doc_type", "access"}

# the way files are read into pages, passages and facts: a change here has the next ingest read
# every file of a folder again, as if its bytes had changed (passages whose text comes out the
# same keep their vectors, so only the reading is paid for)
READER = "3: a table set in repeated groups of columns (Code, Name, Code, Name) is a row a group"


@dataclass
class ParsedDocument:
    path: str
    content_hash: str
    size: int
    title: str
    period: str | None
    doc_type: str
    access: str
    pages: list[str]
    paged: bool
    chunks: list[Chunk]
    acronyms: dict[str, str] = field(default_factory=dict)
    facts: list[Fact] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)


def sidecar_for(path: Path) -> Path | None:
    """`NAME.pdf.meta.json` or `NAME.meta.json` beside the file, if there is one."""
    for candidate in (path.with_name(path.name + ".meta.json"), path.with_suffix(".meta.json")):
        if candidate.exists():
            return candidate
    return None


def content_hash(path: Path) -> str:
    """Hash of the file's bytes and its sidecar's, so editing either re-reads the file."""
    with path.open("rb") as handle:
        digest = hashlib.file_digest(handle, "sha256")
    sidecar = sidecar_for(path)
    if sidecar is not None:
        digest.update(b"\0sidecar\0" + sidecar.read_bytes())
    return digest.hexdigest()


def read_sidecar(path: Path) -> dict[str, Any]:
    sidecar = sidecar_for(path)
    if sidecar is None:
        return {}
    try:
        data = json.loads(sidecar.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise UnreadableFile(f"{sidecar}: invalid sidecar JSON ({error})") from None
    if not isinstance(data, dict):
        raise UnreadableFile(f"{sidecar}: sidecar must hold a JSON object")
    unknown = set(data) - SIDECAR_FIELDS
    if unknown:
        raise UnreadableFile(f"{sidecar}: unknown sidecar fields {sorted(unknown)}")
    if "doc_type" in data and data["doc_type"] not in DOC_TYPES:
        raise UnreadableFile(f"{sidecar}: doc_type must be one of {', '.join(DOC_TYPES)}")
    if "access" in data and data["access"] not in {"public", "restricted"}:
        raise UnreadableFile(f"{sidecar}: access must be public or restricted")
    if data.get("period"):
        data["period"] = normalise_period(str(data["period"])) or data["period"]
    return data


def structure(raw: RawDocument) -> list[list[Line]]:
    """A document's blocks per page: from its reader's layout where it has one, else told by
    their shape from the cleaned text."""
    if raw.layout is not None:
        return arrange(raw.layout)
    return [lines_from_text(page) for page in clean_pages(raw.pages, raw.paged)]


def parse_file(path_text: str, min_words: int = 100, max_words: int = 250) -> ParsedDocument:
    path = Path(path_text)
    overrides = read_sidecar(path)
    raw = read_file(path)
    structured = structure(raw)
    pages = page_texts(structured)
    if not any(page.strip() for page in pages):
        raise UnreadableFile(f"{path}: no text left after cleaning")
    title = detect_title(normalise(raw.title_hint) if raw.title_hint else None, pages, path)
    first_page = pages[0] if pages else ""
    text, page_starts, blocks = blocks_of(structured)
    chunks = chunk_blocks(text, page_starts, blocks, raw.paged, max_words)
    return ParsedDocument(
        path=str(path),
        content_hash=content_hash(path),
        size=path.stat().st_size,
        title=overrides.get("title", title),
        period=overrides.get("period", detect_period(title, pages, path.name)),
        doc_type=overrides.get("doc_type", detect_doc_type(title, first_page)),
        access=overrides.get("access", detect_access(title, first_page)),
        pages=pages,
        paged=raw.paged,
        chunks=chunks,
        acronyms=learn_acronyms(text.split("\n")),
        facts=facts_from_blocks(blocks, page_starts, raw.paged),
        notes=notes_of(raw.layout) if raw.layout is not None and raw.paged else [],
    )
