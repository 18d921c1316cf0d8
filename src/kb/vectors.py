"""The FAISS index: a cache derived from the vectors in SQLite, rebuilt when stale or missing."""

from __future__ import annotations

import json
import logging
import os
import sqlite3
from pathlib import Path
from typing import Any

import numpy as np

from kb.store import FAISS_NAME, generation

log = logging.getLogger("kb")


class VectorIndex:
    """Exact inner-product search over unit vectors, keyed by passage id."""

    def __init__(self, index_dir: Path, dimension: int) -> None:
        self.index_dir = index_dir
        self.dimension = dimension
        self._index: Any = None
        self._generation = -1
        self._hashes: dict[int, str] = {}  # passage id -> text hash of what the index holds

    @property
    def path(self) -> Path:
        return self.index_dir / FAISS_NAME

    @property
    def stamp_path(self) -> Path:
        return self.index_dir / (FAISS_NAME + ".json")

    def ensure(self, connection: sqlite3.Connection, persist: bool = False) -> Any:
        """The index for the database's current generation: loaded, or rebuilt and saved; an
        index already in memory is brought up to date with only the passages that changed (a
        search between an ingest's commits must not rebuild it all), and saved if `persist`."""
        current = generation(connection)
        if self._index is not None and self._generation == current:
            return self._index
        if self._index is not None:
            self._update(connection)
            if persist:
                self._save(current)
            self._generation = current
            return self._index
        loaded = self._load() if self.path.exists() and self._stamp() == current else None
        if loaded is not None:
            self._index = loaded
        else:
            self._index = self._build(connection)
            self._save(current)
        self._hashes = dict(connection.execute("SELECT id, text_hash FROM passages"))
        self._generation = current
        return self._index

    def _update(self, connection: sqlite3.Connection) -> None:
        """Remove passages gone or changed (an id can be reused), add the new ones."""
        import faiss

        now = dict(connection.execute("SELECT id, text_hash FROM passages"))
        stale = [pid for pid, key in self._hashes.items() if now.get(pid) != key]
        if stale:
            self._index.remove_ids(faiss.IDSelectorBatch(np.array(stale, dtype=np.int64)))
        fresh = [pid for pid, key in now.items() if self._hashes.get(pid) != key]
        for start in range(0, len(fresh), 500):
            part = fresh[start:start + 500]
            rows = connection.execute(
                "SELECT p.id, v.vector FROM passages p JOIN vectors v ON v.text_hash = "
                f"p.text_hash WHERE p.id IN ({','.join('?' * len(part))})", part).fetchall()
            if rows:
                ids = np.fromiter((row[0] for row in rows), dtype=np.int64, count=len(rows))
                matrix = np.frombuffer(b"".join(row[1] for row in rows), dtype=np.float32)
                self._index.add_with_ids(matrix.reshape(len(rows), self.dimension), ids)
        self._hashes = now

    def _load(self) -> Any:
        """The saved index, or None (with a one-line notice) when the file is damaged: it is a
        cache, and the caller rebuilds it from SQLite."""
        import faiss

        try:
            index = faiss.read_index(str(self.path))
        except (RuntimeError, MemoryError, ValueError):
            log.warning("kb: %s is damaged (unreadable): rebuilding it from the database",
                        self.path)
            return None
        if index.d != self.dimension or index.ntotal != self._stamp_count():
            log.warning("kb: %s does not match the database: rebuilding it", self.path)
            return None
        return index

    def _stamp_count(self) -> int | None:
        try:
            return int(json.loads(self.stamp_path.read_text())["count"])
        except (OSError, ValueError, KeyError):
            return None

    def _stamp(self) -> int | None:
        try:
            return int(json.loads(self.stamp_path.read_text())["generation"])
        except (OSError, ValueError, KeyError):
            return None

    def _build(self, connection: sqlite3.Connection) -> Any:
        import faiss

        cursor = connection.execute(
            "SELECT p.id, v.vector FROM passages p JOIN vectors v ON v.text_hash = p.text_hash")
        index = faiss.IndexIDMap2(faiss.IndexFlatIP(self.dimension))
        # in slices: a large library's rows and their joined copy, held whole beside the index,
        # tripled its vectors in memory at the end of every ingest
        while rows := cursor.fetchmany(4096):
            ids = np.fromiter((row[0] for row in rows), dtype=np.int64, count=len(rows))
            matrix = np.frombuffer(b"".join(row[1] for row in rows), dtype=np.float32)
            index.add_with_ids(matrix.reshape(len(rows), self.dimension), ids)
        return index

    def _save(self, current: int) -> None:
        import faiss

        # a name of this process's own: a searcher and an ingest may both save at once
        temporary = self.path.with_name(f"{FAISS_NAME}.{os.getpid()}.tmp")
        faiss.write_index(self._index, str(temporary))
        os.replace(temporary, self.path)
        stamp = self.stamp_path.with_name(f"{FAISS_NAME}.json.{os.getpid()}.tmp")
        stamp.write_text(json.dumps({"generation": current, "count": int(self._index.ntotal)}))
        os.replace(stamp, self.stamp_path)

    def search(self, connection: sqlite3.Connection, vector: np.ndarray, k: int,
               allowed: np.ndarray | None = None) -> list[tuple[int, float]]:
        """Top-k (passage id, cosine) pairs; `allowed` limits the search to those ids."""
        import faiss

        index = self.ensure(connection)
        if index.ntotal == 0 or k <= 0:
            return []
        params = None
        if allowed is not None:
            if len(allowed) == 0:
                return []
            params = faiss.SearchParameters(  # type: ignore[call-arg]  # the stubs lack `sel`
                sel=faiss.IDSelectorBatch(allowed.astype(np.int64)))
        scores, ids = index.search(vector.reshape(1, -1).astype(np.float32),
                                   min(k, index.ntotal), params=params)
        return [(int(i), float(s)) for i, s in zip(ids[0], scores[0], strict=True) if i >= 0]

    def cosines(self, connection: sqlite3.Connection, vector: np.ndarray, ids: list[int]
                ) -> dict[int, float]:
        """The query's cosine with each of these passages (unit vectors: a dot product)."""
        index = self.ensure(connection)
        if not ids or index.ntotal == 0:
            return {}
        matrix = np.vstack([index.reconstruct(int(pid)) for pid in ids])
        return dict(zip(ids, (matrix @ vector.astype(np.float32)).tolist(), strict=True))

    def sentence_cosines(self, connection: sqlite3.Connection, vector: np.ndarray,
                         ids: list[int]) -> dict[int, float]:
        """The query's best cosine with any one sentence of each of these passages (the
        sentence vectors stored beside the passage's); a passage with none is left out."""
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        rows = connection.execute(
            f"SELECT p.id, v.sentences FROM passages p JOIN vectors v ON v.text_hash = "
            f"p.text_hash WHERE p.id IN ({marks}) AND length(v.sentences) > 0", ids).fetchall()
        if not rows:
            return {}
        blocks = [np.frombuffer(row[1], dtype=np.float16).reshape(-1, self.dimension)
                  for row in rows]
        scores = np.vstack(blocks).astype(np.float32) @ vector.astype(np.float32)
        owners = np.repeat(np.arange(len(rows)), [len(block) for block in blocks])
        best = np.full(len(rows), -1.0, dtype=np.float32)
        np.maximum.at(best, owners, scores)
        return {int(row[0]): float(score) for row, score in zip(rows, best, strict=True)}

