"""Audit: who opened, downloaded, searched into or removed a restricted document, and when.

A row names the user, the action, the document and at most a short detail (a page number, a
mode, a user name): never a query, a passage or any other text of a document.
"""

from __future__ import annotations

import sqlite3
from dataclasses import asdict, dataclass
from typing import Any

ACTIONS = ("search", "ask", "check", "reuse", "themes", "open", "download", "remove",
           "ingest", "login", "login_failed", "user_added", "user_removed", "password_changed",
           "role_changed", "backup")


@dataclass(frozen=True)
class AuditEntry:
    at: str
    user: str
    action: str
    doc_id: str | None
    detail: str | None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def record(connection: sqlite3.Connection, user: str, action: str,
           doc_ids: list[str] | tuple[str, ...] = (), detail: str | None = None) -> None:
    """One row per document (or one row with no document); autocommits."""
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    rows: list[tuple[str, str, str | None, str | None]] = [
        (user, action, doc_id, detail) for doc_id in dict.fromkeys(doc_ids)]
    rows = rows or [(user, action, None, detail)]
    connection.executemany("INSERT INTO audit (user, action, doc_id, detail) VALUES (?, ?, ?, ?)",
                           rows)


def entries(connection: sqlite3.Connection, limit: int = 200, user: str | None = None,
            doc_id: str | None = None, action: str | None = None) -> list[AuditEntry]:
    """The latest entries first, optionally of one user, document or action."""
    clauses, values = [], []
    for column, value in (("user", user), ("doc_id", doc_id), ("action", action)):
        if value:
            clauses.append(f"{column} = ?")
            values.append(value)
    where = " AND ".join(clauses) or "1"
    rows = connection.execute(
        f"SELECT at, user, action, doc_id, detail FROM audit WHERE {where} "
        "ORDER BY id DESC LIMIT ?", [*values, limit])
    return [AuditEntry(*row) for row in rows]
