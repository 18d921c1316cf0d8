"""The facade: one open library answering ingest, search, ask, check, reuse and themes."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from kb.errors import DocumentNotFound
from kb.ingest import Progress, ingest, remove_document
from kb.models import Document, IngestReport, Passage, SearchResult
from kb.search import SearchEngine, make_filters
from kb.settings import Settings
from kb.store import open_database

if TYPE_CHECKING:
    from collections.abc import Iterable

    from kb.ask import Answer
    from kb.check import Verdict
    from kb.reuse import ReuseReport
    from kb.themes import ThemesReport


class KnowledgeBase:
    """A library in one index folder; the model and the index load once, on first need."""

    def __init__(self, connection: sqlite3.Connection, settings: Settings) -> None:
        self.settings = settings
        self.connection = connection
        self.engine = SearchEngine(connection, settings)

    @classmethod
    def open(cls, index_dir: str | Path | None = None, settings: Settings | None = None,
             create: bool = True) -> KnowledgeBase:
        """Open the library at `index_dir` (creating an empty one unless create=False)."""
        settings = settings or Settings.load()
        if index_dir is not None:
            settings = replace(settings, index_dir=Path(index_dir))
        return cls(open_database(settings.index_dir, settings, create), settings)

    def close(self) -> None:
        self.engine.close()
        self.connection.close()

    def __enter__(self) -> KnowledgeBase:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    # building the library
    def ingest(self, paths: Iterable[str | Path], progress: Progress | None = None
               ) -> IngestReport:
        report = ingest(self.connection, paths, self.settings, progress)
        self.engine.vectors.ensure(self.connection)  # leave a fresh vectors.faiss behind
        return report

    def remove(self, doc_id: str) -> Document:
        document = self.document(doc_id, include_restricted=True)
        row = self.connection.execute("SELECT id FROM documents WHERE doc_id = ?",
                                      (document.doc_id,)).fetchone()
        remove_document(self.connection, row["id"])
        return document

    # reading it
    def search(self, query: str, k: int = 10, period: str | None = None,
               doc_type: str | None = None, mode: str = "hybrid",
               include_restricted: bool = False) -> SearchResult:
        return self.engine.search(query, k, mode, make_filters(period, doc_type,
                                                               include_restricted))

    def ask(self, question: str, k: int = 5, include_restricted: bool = False,
            period: str | None = None) -> Answer:
        from kb.ask import answer_question

        return answer_question(self.engine, question, k,
                               make_filters(period, None, include_restricted))

    def check(self, claim: str, include_restricted: bool = False) -> Verdict:
        from kb.check import check_claim

        return check_claim(self.engine, claim, make_filters(None, None, include_restricted))

    def reuse(self, text: str, include_restricted: bool = False,
              exclude_doc: str | None = None) -> ReuseReport:
        from kb.reuse import find_reuse

        return find_reuse(self.engine, text, make_filters(None, None, include_restricted),
                          exclude_doc=exclude_doc)

    def reuse_between(self, doc_a: str, doc_b: str, include_restricted: bool = False
                      ) -> ReuseReport:
        """How document B reuses document A (A the earlier, B the later)."""
        from kb.reuse import compare_documents

        first = self.document(doc_a, include_restricted)
        second = self.document(doc_b, include_restricted)
        return compare_documents(self.engine, first, second)

    def themes(self, terms: list[str], include_restricted: bool = False) -> ThemesReport:
        from kb.themes import count_themes

        return count_themes(self.engine, terms, make_filters(None, None, include_restricted))

    def documents(self, include_restricted: bool = False) -> list[Document]:
        where = "" if include_restricted else "WHERE d.access != 'restricted'"
        rows = self.connection.execute(
            f"""SELECT d.*, (SELECT count(*) FROM passages p WHERE p.document = d.id) AS passages
                FROM documents d {where} ORDER BY d.period DESC, d.doc_type, d.title""")
        return [_document(row) for row in rows]

    def document(self, name: str, include_restricted: bool = False) -> Document:
        """A document by doc_id, file name or path."""
        for document in self.documents(include_restricted):
            if name in (document.doc_id, document.path, Path(document.path).name):
                return document
        raise DocumentNotFound(f"no document {name!r} in the library: `kb docs` lists them")

    def document_passages(self, doc_id: str, include_restricted: bool = False) -> list[Passage]:
        document = self.document(doc_id, include_restricted)
        ids = [row[0] for row in self.connection.execute(
            "SELECT p.id FROM passages p JOIN documents d ON d.id = p.document "
            "WHERE d.doc_id = ? ORDER BY p.ordinal", (document.doc_id,))]
        found = self.engine.passages(ids)
        return [found[pid] for pid in ids]

    def page_text(self, doc_id: str, page: int, include_restricted: bool = False) -> str:
        document = self.document(doc_id, include_restricted)
        row = self.connection.execute(
            "SELECT pg.text FROM pages pg JOIN documents d ON d.id = pg.document "
            "WHERE d.doc_id = ? AND pg.page = ?", (document.doc_id, page)).fetchone()
        if row is None:
            raise DocumentNotFound(f"{document.doc_id} has no page {page}")
        return str(row[0])

    def glossary(self) -> dict[str, str]:
        return dict(self.engine.acronyms)


def _document(row: Any) -> Document:
    return Document(doc_id=row["doc_id"], path=row["path"], title=row["title"],
                    period=row["period"], doc_type=row["doc_type"], access=row["access"],
                    pages=row["pages"], passages=row["passages"],
                    content_hash=row["content_hash"], size=row["size"])
