"""Sentence vectors: the texts check gives the model for each passage's sentences, encoded at
ingest and kept in the library, so a check encodes only its claim."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence

import numpy as np

from kb import embed
from kb.document_rows import text_hash
from kb.settings import Settings

_BATCH_PARAMETERS = 500  # SQLite's bound parameters per statement stay well under its limit


def fill(connection: sqlite3.Connection, settings: Settings, texts_of: Callable[[str], list[str]],
         progress: Callable[[int, int], None] | None = None, readings: str = "") -> int:
    """Every stored passage whose sentences have no vectors yet gets them (`texts_of`: what
    check gives the model of a passage's text, `kb.claims.model_texts`), a group of passages
    per transaction: a kill loses at most one group, and the next ingest goes on from there.
    A text several passages share is encoded once. `readings` names the way `texts_of` reads
    a passage: when it is not the way the library was last read, every passage is read again
    and only the texts it has no vector for are encoded. Returns the number of texts encoded."""
    again = bool(readings) and _last_readings(connection) != readings
    rows = connection.execute(
        "SELECT v.text_hash, min(p.text) FROM vectors v JOIN passages p ON "
        "p.text_hash = v.text_hash WHERE ? OR NOT EXISTS (SELECT 1 FROM sentence_vectors s "
        "WHERE s.passage_hash = v.text_hash) GROUP BY v.text_hash", (again,)).fetchall()
    encoded = 0
    for first in range(0, len(rows), settings.embed_group):
        group = rows[first:first + settings.embed_group]
        wanted = [(passage, text_hash(text), text) for passage, body in group
                  for text in texts_of(body)]
        texts = {key: text for _, key, text in wanted}
        vectors = _stored_blobs(connection, list(texts))
        new = [key for key in texts if key not in vectors]
        found = embed.encode([texts[key] for key in new], settings.embed_batch_size,
                             settings.model_name)
        vectors.update((key, vector.astype(np.float16).tobytes())
                       for key, vector in zip(new, found, strict=True))
        connection.execute("BEGIN IMMEDIATE")
        try:
            connection.executemany(
                "INSERT OR IGNORE INTO sentence_vectors (text_hash, passage_hash, vector) "
                "VALUES (?, ?, ?)", [(key, passage, vectors[key]) for passage, key, _ in wanted])
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        encoded += len(new)
        if progress is not None:
            progress(first + len(group), len(rows))
    if again:
        connection.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('readings', ?)",
                           (readings,))
    return encoded


def _last_readings(connection: sqlite3.Connection) -> str | None:
    row = connection.execute("SELECT value FROM meta WHERE key = 'readings'").fetchone()
    return row[0] if row else None


def forget_removed(connection: sqlite3.Connection) -> None:
    """The vectors of passages no longer in the library leave with them."""
    connection.execute("DELETE FROM sentence_vectors WHERE passage_hash NOT IN "
                       "(SELECT text_hash FROM passages)")


def stored(connection: sqlite3.Connection, texts: Sequence[str]) -> dict[str, np.ndarray]:
    """The stored vectors of those of the texts ingest read, as float32 unit vectors."""
    keys = {text_hash(text): text for text in texts}
    return {keys[key]: _unit(blob) for key, blob in _stored_blobs(connection, list(keys)).items()}


def _stored_blobs(connection: sqlite3.Connection, keys: list[str]) -> dict[str, bytes]:
    found: dict[str, bytes] = {}
    for first in range(0, len(keys), _BATCH_PARAMETERS):
        part = keys[first:first + _BATCH_PARAMETERS]
        found.update(connection.execute(
            "SELECT text_hash, vector FROM sentence_vectors WHERE text_hash IN "
            f"({','.join('?' * len(part))}) GROUP BY text_hash", part).fetchall())
    return found


def _unit(blob: bytes) -> np.ndarray:
    return embed.as_stored(np.frombuffer(blob, dtype=np.float16))
