"""A parsed document written into the store (row, pages, passages, facts, words), or removed."""

from __future__ import annotations

import bisect
import hashlib
import re
import sqlite3
from collections import Counter
from pathlib import Path

from kb import embed
from kb.facts import Fact
from kb.parse import ParsedDocument
from kb.store import bump_generation, words_of

PARTIAL = "partial"  # content_hash of a long document until its last group is committed


def text_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "document"


def write_document(connection: sqlite3.Connection, doc: ParsedDocument) -> None:
    """Write a whole document (inside the caller's transaction)."""
    write_piece(connection, doc, 0, len(doc.chunks))


def write_piece(connection: sqlite3.Connection, doc: ParsedDocument, start: int, end: int
                 ) -> None:
    """Write chunks [start, end) of a document; the first piece writes its row and pages, the
    last one its real content hash."""
    complete = end >= len(doc.chunks)
    if start == 0:
        document = _document_row(connection, doc, complete)
    else:
        document = connection.execute("SELECT id FROM documents WHERE path = ?",
                                      (doc.path,)).fetchone()["id"]
        if complete:
            connection.execute("UPDATE documents SET content_hash = ? WHERE id = ?",
                               (doc.content_hash, document))
    words: Counter[str] = Counter()
    facts = _facts_by_passage(doc)
    for ordinal, chunk in enumerate(doc.chunks[start:end], start=start):
        cursor = connection.execute(
            "INSERT INTO passages (document, ordinal, page, page_end, section, text, char_start, "
            "char_end, text_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (document, ordinal, chunk.page, chunk.page_end, chunk.section, chunk.text,
             chunk.char_start, chunk.char_end,
             text_hash(embed.passage_input(doc.title, chunk.section, chunk.text))))
        connection.execute("INSERT INTO passages_fts (rowid, text, section, title) "
                           "VALUES (?, ?, ?, ?)",
                           (cursor.lastrowid, chunk.text, chunk.section or "", doc.title))
        words.update(words_of(chunk.text))
        _write_facts(connection, cursor.lastrowid, facts.get(ordinal, []))
    for table in _word_tables(doc.access):
        connection.executemany(
            f"INSERT INTO {table} VALUES (?, ?) ON CONFLICT(word) DO UPDATE SET count = count + "
            "excluded.count", words.items())


def _facts_by_passage(doc: ParsedDocument) -> dict[int, list[Fact]]:
    """Each fact under the ordinal of the passage its row stands in."""
    starts = [chunk.char_start for chunk in doc.chunks]
    found: dict[int, list[Fact]] = {}
    for fact in doc.facts:
        found.setdefault(bisect.bisect_right(starts, fact.char_start) - 1, []).append(fact)
    return found


def _write_facts(connection: sqlite3.Connection, passage: int | None, facts: list[Fact]
                 ) -> None:
    connection.executemany(
        "INSERT INTO facts (passage, page, caption, label, column_name, value, period) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(passage, f.page, f.caption, f.label, f.column, f.value, f.period) for f in facts])


def _word_tables(access: str) -> tuple[str, ...]:
    """`words` counts every document; `public_words` only those anyone may see."""
    return ("words",) if access == "restricted" else ("words", "public_words")


def _document_row(connection: sqlite3.Connection, doc: ParsedDocument, complete: bool) -> int:
    existing = connection.execute("SELECT id, doc_id FROM documents WHERE path = ?",
                                  (doc.path,)).fetchone()
    if existing:
        doc_id = existing["doc_id"]
        _delete_document(connection, existing["id"])
    else:
        base = doc_id = _slug(Path(doc.path).name.rsplit(".", 1)[0])
        number = 2
        while connection.execute("SELECT 1 FROM documents WHERE doc_id = ?", (doc_id,)).fetchone():
            doc_id, number = f"{base}-{number}", number + 1
    cursor = connection.execute(
        "INSERT INTO documents (doc_id, path, title, period, doc_type, access, pages, "
        "content_hash, size) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (doc_id, doc.path, doc.title, doc.period, doc.doc_type, doc.access,
         len(doc.pages) if doc.paged else None, doc.content_hash if complete else PARTIAL,
         doc.size))
    document = int(cursor.lastrowid or 0)
    connection.executemany("INSERT INTO pages VALUES (?, ?, ?)",
                           [(document, number, text) for number, text in enumerate(doc.pages, 1)])
    connection.executemany("INSERT INTO glossary VALUES (?, ?, ?)",
                           [(document, a, e) for a, e in doc.acronyms.items()])
    connection.executemany("INSERT INTO notes VALUES (?, ?, ?, ?, ?)",
                           [(document, n.page, n.mark, n.anchor, n.text) for n in doc.notes])
    return document


def _delete_document(connection: sqlite3.Connection, document: int) -> None:
    words: Counter[str] = Counter()
    rows = connection.execute("SELECT id, text FROM passages WHERE document = ?",
                              (document,)).fetchall()
    for row in rows:
        words.update(words_of(row["text"]))
    access = connection.execute("SELECT access FROM documents WHERE id = ?",
                                (document,)).fetchone()
    connection.executemany("DELETE FROM passages_fts WHERE rowid = ?", [(r["id"],) for r in rows])
    for table in _word_tables(access["access"] if access else "restricted"):
        connection.executemany(f"UPDATE {table} SET count = count - ? WHERE word = ?",
                               [(n, w) for w, n in words.items()])
        connection.execute(f"DELETE FROM {table} WHERE count <= 0")
    connection.execute("DELETE FROM documents WHERE id = ?", (document,))


def remove_document(connection: sqlite3.Connection, document: int) -> None:
    connection.execute("BEGIN IMMEDIATE")
    _delete_document(connection, document)
    bump_generation(connection)
    connection.execute("COMMIT")
