"""Store: the SQLite file that holds the library's truth, and the manifest that describes it."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from kb.errors import IndexMismatch, IndexNotFound
from kb.settings import Settings

DB_NAME = "kb.sqlite"
MANIFEST_NAME = "manifest.json"
FAISS_NAME = "vectors.faiss"

# Numbered migrations, applied in order on open; PRAGMA user_version records the last applied.
MIGRATIONS: list[str] = [
    """
    CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        doc_id TEXT NOT NULL UNIQUE,
        path TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL,
        period TEXT,
        doc_type TEXT NOT NULL,
        access TEXT NOT NULL DEFAULT 'public',
        pages INTEGER,
        content_hash TEXT NOT NULL,
        size INTEGER NOT NULL,
        ingested_at TEXT NOT NULL DEFAULT (datetime('now'))
    );
    CREATE TABLE pages (
        document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        page INTEGER NOT NULL,
        text TEXT NOT NULL,
        PRIMARY KEY (document, page)
    );
    CREATE TABLE passages (
        id INTEGER PRIMARY KEY,
        document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        ordinal INTEGER NOT NULL,
        page INTEGER,
        page_end INTEGER,
        section TEXT,
        text TEXT NOT NULL,
        char_start INTEGER NOT NULL,
        char_end INTEGER NOT NULL,
        text_hash TEXT NOT NULL
    );
    CREATE INDEX passages_document ON passages(document);
    CREATE INDEX passages_hash ON passages(text_hash);
    CREATE TABLE vectors (text_hash TEXT PRIMARY KEY, vector BLOB NOT NULL);
    CREATE VIRTUAL TABLE passages_fts USING fts5(
        text, section, title, tokenize = 'porter unicode61 remove_diacritics 2');
    CREATE TABLE glossary (
        document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        acronym TEXT NOT NULL,
        expansion TEXT NOT NULL
    );
    CREATE INDEX glossary_acronym ON glossary(acronym);
    CREATE TABLE words (word TEXT PRIMARY KEY, count INTEGER NOT NULL) WITHOUT ROWID;
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    INSERT INTO meta VALUES ('generation', '0');
    """,
]
SCHEMA_VERSION = len(MIGRATIONS)


def manifest_for(settings: Settings) -> dict[str, Any]:
    return {
        "format": "kb-index",
        "schema_version": SCHEMA_VERSION,
        "embedding_model": settings.model_name,
        "dimension": settings.dimension,
        "database": DB_NAME,
        "vectors": FAISS_NAME,
    }


def open_database(index_dir: Path, settings: Settings, create: bool) -> sqlite3.Connection:
    """Open (or create) the library's database, check the manifest, apply migrations."""
    db_path = index_dir / DB_NAME
    if not db_path.exists() and not create:
        raise IndexNotFound(f"no index at {index_dir}: run `kb ingest corpus/` first")
    index_dir.mkdir(parents=True, exist_ok=True)
    _check_manifest(index_dir, settings)
    connection = sqlite3.connect(db_path, check_same_thread=False, isolation_level=None,
                                 timeout=30)
    connection.row_factory = sqlite3.Row
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = NORMAL")
    connection.execute("PRAGMA foreign_keys = ON")
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        connection.close()
        raise IndexMismatch(
            f"index at {index_dir} has schema {version}, newer than this kb ({SCHEMA_VERSION}):"
            " upgrade kb, or delete the folder and run `kb ingest` again")
    for number in range(version, SCHEMA_VERSION):
        connection.executescript(f"BEGIN; {MIGRATIONS[number]}; PRAGMA user_version = "
                                 f"{number + 1}; COMMIT;")
    _write_manifest(index_dir, settings)
    return connection


def _check_manifest(index_dir: Path, settings: Settings) -> None:
    path = index_dir / MANIFEST_NAME
    if not path.exists():
        if (index_dir / DB_NAME).exists():
            raise IndexMismatch(f"index at {index_dir} has no {MANIFEST_NAME}: delete the folder"
                                " and run `kb ingest` again")
        return
    try:
        found = json.loads(path.read_text())
    except (OSError, ValueError) as error:
        raise IndexMismatch(f"index at {index_dir}: unreadable {MANIFEST_NAME} ({error})") from None
    wanted = manifest_for(settings)
    for key in ("embedding_model", "dimension"):
        if found.get(key) != wanted[key]:
            raise IndexMismatch(
                f"index at {index_dir} was built with {key} {found.get(key)!r}, this kb uses "
                f"{wanted[key]!r}: delete {index_dir} and run `kb ingest` again to rebuild it")
    if int(found.get("schema_version", 0)) > SCHEMA_VERSION:
        raise IndexMismatch(
            f"index at {index_dir} has schema {found.get('schema_version')}, newer than this kb "
            f"({SCHEMA_VERSION}): upgrade kb, or delete the folder and run `kb ingest` again")


def _write_manifest(index_dir: Path, settings: Settings) -> None:
    path = index_dir / MANIFEST_NAME
    text = json.dumps(manifest_for(settings), indent=2) + "\n"
    if not path.exists() or path.read_text() != text:
        temporary = path.with_suffix(".tmp")
        temporary.write_text(text)
        temporary.replace(path)


def generation(connection: sqlite3.Connection) -> int:
    return int(connection.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()[0])


def bump_generation(connection: sqlite3.Connection) -> None:
    connection.execute(
        "UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'generation'")
