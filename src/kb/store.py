"""Store: the SQLite file that holds the library's truth, and the manifest that describes it."""

from __future__ import annotations

import json
import re
import sqlite3
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from kb.errors import DamagedIndex, IndexMismatch, IndexNotFound
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
    # 2: users and roles, the audit log, and the vocabulary of public documents alone (the
    # spelling corrections offered to someone who may not see restricted text)
    """
    CREATE TABLE users (
        name TEXT PRIMARY KEY,
        role TEXT NOT NULL CHECK (role IN ('reader', 'reviewer', 'admin')),
        password_hash TEXT NOT NULL,
        created_at TEXT NOT NULL DEFAULT (datetime('now'))
    );
    CREATE TABLE audit (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
        user TEXT NOT NULL,
        action TEXT NOT NULL,
        doc_id TEXT,
        detail TEXT
    );
    CREATE TABLE public_words (word TEXT PRIMARY KEY, count INTEGER NOT NULL) WITHOUT ROWID;
    """,
    # 3: table cells as facts (row label, column header, value, period), each in its passage
    """
    CREATE TABLE facts (
        id INTEGER PRIMARY KEY,
        passage INTEGER NOT NULL REFERENCES passages(id) ON DELETE CASCADE,
        page INTEGER,
        caption TEXT NOT NULL,
        label TEXT NOT NULL,
        column_name TEXT NOT NULL,
        value TEXT NOT NULL,
        period TEXT
    );
    CREATE INDEX facts_passage ON facts(passage);
    """,
    # 4: beside each passage vector, its sentences' vectors (float16 rows) pooled from the same
    # pass through the model; null for a passage embedded before this migration
    """
    ALTER TABLE vectors ADD COLUMN sentences BLOB;
    """,
    # 5: the vector of each text check gives the model for a passage's sentences (a sentence,
    # with the one it leans on or its list's lead-in), encoded alone at ingest (float16), so a
    # check encodes only its claim; keyed by the passage too, to leave with it
    """
    CREATE TABLE sentence_vectors (
        text_hash TEXT NOT NULL,
        passage_hash TEXT NOT NULL,
        vector BLOB NOT NULL,
        PRIMARY KEY (text_hash, passage_hash)
    ) WITHOUT ROWID;
    CREATE INDEX sentence_vectors_passage ON sentence_vectors(passage_hash);
    """,
    # 6: footnotes: each mark of a page (the words it followed) with the note at the page's
    # foot. PDFs ingested before it are marked to be read again by the next ingest (their
    # passages' texts are unchanged, so nothing is encoded again)
    """
    UPDATE documents SET content_hash = 'before-notes' WHERE lower(path) LIKE '%.pdf';
    CREATE TABLE notes (
        document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        page INTEGER NOT NULL,
        mark INTEGER NOT NULL,
        anchor TEXT NOT NULL,
        note TEXT NOT NULL
    );
    CREATE INDEX notes_page ON notes(document, page);
    """,
]
SCHEMA_VERSION = len(MIGRATIONS)
PUBLIC_WORDS_MIGRATION = 2  # after it is applied, public_words is filled from the passages
WORD = re.compile(r"[a-z][a-z'-]*[a-z]|[a-z]")


def words_of(text: str) -> Counter[str]:
    """Each word of a passage once: the words tables count passages (document frequency)."""
    return Counter(set(WORD.findall(text.lower())))


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
    if not index_dir.exists():
        index_dir.mkdir(parents=True, mode=0o700)  # the library is its owner's alone
    _check_manifest(index_dir, settings)
    try:
        connection = _connect(db_path)
        version = connection.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.DatabaseError as error:
        raise DamagedIndex(
            f"{db_path} is damaged ({error}): restore it from a `kb backup` copy (see README), "
            f"or delete {index_dir} and run `kb ingest` again") from None
    if version > SCHEMA_VERSION:
        connection.close()
        raise IndexMismatch(
            f"index at {index_dir} has schema {version}, newer than this kb ({SCHEMA_VERSION}):"
            " upgrade kb, or delete the folder and run `kb ingest` again")
    for number in range(version, SCHEMA_VERSION):
        connection.executescript(f"BEGIN; {MIGRATIONS[number]}; PRAGMA user_version = "
                                 f"{number + 1}; COMMIT;")
    if version < PUBLIC_WORDS_MIGRATION <= SCHEMA_VERSION:
        fill_public_words(connection)
    _write_manifest(index_dir, settings)
    return connection


def _connect(db_path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(db_path, check_same_thread=False, isolation_level=None,
                                 timeout=30)
    connection.row_factory = sqlite3.Row
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = NORMAL")
    connection.execute("PRAGMA foreign_keys = ON")
    connection.execute("SELECT count(*) FROM sqlite_master").fetchone()  # reads page 1
    return connection


def fill_public_words(connection: sqlite3.Connection) -> None:
    """Count the words of public documents' passages (a library made before migration 2)."""
    words: Counter[str] = Counter()
    for row in connection.execute(
            "SELECT p.text FROM passages p JOIN documents d ON d.id = p.document "
            "WHERE d.access != 'restricted'"):
        words.update(words_of(row[0]))
    connection.execute("BEGIN IMMEDIATE")
    connection.execute("DELETE FROM public_words")
    connection.executemany("INSERT INTO public_words VALUES (?, ?)", words.items())
    connection.execute("COMMIT")


def backup_database(connection: sqlite3.Connection, destination: Path) -> Path:
    """A consistent copy of the library's database made with SQLite's online backup API."""
    if destination.is_dir():
        destination = destination / DB_NAME
    if destination.exists():
        raise FileExistsError(destination)
    destination.parent.mkdir(parents=True, exist_ok=True)
    target = sqlite3.connect(destination)
    try:
        connection.backup(target)
    finally:
        target.close()
    destination.chmod(0o600)
    return destination


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
    if found.get("embedding_model") != wanted["embedding_model"]:
        raise IndexMismatch(
            f"index at {index_dir} was built with embedding model {found.get('embedding_model')!r}"
            f" and this kb is set to {wanted['embedding_model']!r}: set KB_MODEL_NAME="
            f"{found.get('embedding_model')} to use it, or delete {index_dir} and run "
            "`kb ingest` again to rebuild it with the new model")
    if found.get("dimension") != wanted["dimension"]:
        raise IndexMismatch(
            f"index at {index_dir} holds vectors of dimension {found.get('dimension')!r}, the model"
            f" makes {wanted['dimension']!r}: delete {index_dir} and run `kb ingest` again")
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


def passage_ids(connection: sqlite3.Connection, where: str = "1",
                values: Sequence[str] = ()) -> list[int]:
    """The ids of the passages whose document meets `where` (over `d`, documents, and `p`,
    passages), in each document's order."""
    return [row[0] for row in connection.execute(
        f"SELECT p.id FROM passages p JOIN documents d ON d.id = p.document WHERE {where} "
        "ORDER BY p.document, p.ordinal", list(values))]


def passages_per_period(connection: sqlite3.Connection, where: str = "1",
                        values: Sequence[str] = (), undated: str = "undated") -> dict[str, int]:
    """How many passages each period's documents hold, under the same condition."""
    rows = connection.execute(
        "SELECT coalesce(d.period, ?), count(*) FROM passages p JOIN documents d ON "
        f"d.id = p.document WHERE {where} GROUP BY 1", [undated, *values])
    return {str(period): int(count) for period, count in rows}
