"""The facade: one open library answering ingest, search, ask, check, reuse and themes."""

from __future__ import annotations

import copy
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from kb import access
from kb import audit as audit_log
from kb.access import User
from kb.document_rows import remove_document
from kb.errors import AccessDenied, DocumentNotFound
from kb.ingest import Progress, ingest
from kb.models import Document, IngestReport, Passage, SearchResult
from kb.query import Filters, make_filters
from kb.search import SearchEngine, audience
from kb.settings import Settings
from kb.store import backup_database, open_database

if TYPE_CHECKING:
    from collections.abc import Iterable

    from kb.ask import Answer
    from kb.check import Verdict
    from kb.reuse import ReuseReport
    from kb.themes import ThemesReport


class KnowledgeBase:
    """A library in one index folder; the model and the index load once, on first need."""

    def __init__(self, connection: sqlite3.Connection, settings: Settings,
                 user: User | None = None) -> None:
        self.settings = settings
        self.connection = connection
        self.engine = SearchEngine(connection, settings)
        self._user = user
        self._owner = True  # False for a view made by as_user(): closing it closes nothing

    @classmethod
    def open(cls, index_dir: str | Path | None = None, settings: Settings | None = None,
             create: bool = True, user: str | User | None = None,
             password: str | None = None) -> KnowledgeBase:
        """Open the library at `index_dir` (creating an empty one unless create=False), acting
        as `user`: a name with its password, or a User that login() returned. Without a user a
        library that has users is read as an anonymous reader would read it."""
        settings = settings or Settings.load()
        if index_dir is not None:
            settings = replace(settings, index_dir=Path(index_dir))
        kb = cls(open_database(settings.index_dir, settings, create), settings)
        try:
            if isinstance(user, str):
                kb._user = kb.login(user, password or "")
            elif user is not None:
                kb._user = kb.as_user(user)._user
        except BaseException:
            kb.close()
            raise
        return kb

    def close(self) -> None:
        if self._owner:
            self.engine.close()
            self.connection.close()

    # who is acting
    @property
    def user(self) -> User:
        """The acting user: the owner of a library without users, else who logged in (an
        anonymous reader when nobody did)."""
        if not access.has_users(self.connection):
            return access.LOCAL
        if self._user is None or self._user == access.LOCAL:
            return access.ANONYMOUS
        return self._user

    @property
    def needs_login(self) -> bool:
        """True once the library has users: then only who signs in sees more than a reader."""
        return access.has_users(self.connection)

    def login(self, name: str, password: str) -> User:
        """Check a name and password; the User to pass to as_user() (or open())."""
        try:
            user = access.authenticate(self.connection, name, password)
        except AccessDenied:
            audit_log.record(self.connection, name[:64], "login_failed")
            raise
        audit_log.record(self.connection, user.name, "login")
        return user

    def as_user(self, user: User | None) -> KnowledgeBase:
        """This open library seen by another user (the app's sessions share one library): the
        model, index and caches are shared, the role is the one the library holds for them."""
        if user is not None and user != access.LOCAL and access.has_users(self.connection):
            user = access.get_user(self.connection, user.name)  # the role as stored now
        view = copy.copy(self)
        view._user, view._owner = user, False
        return view

    def _allow(self, include_restricted: bool) -> None:
        if include_restricted and not self.user.sees_restricted:
            raise AccessDenied(f"{self.user.name} ({self.user.role}) may not see restricted "
                               "documents: log in as a reviewer or admin")

    def _require_admin(self, what: str) -> None:
        if not self.user.is_admin:
            raise AccessDenied(f"{what} needs an admin; {self.user.name} is a {self.user.role}")

    @contextmanager
    def _reading(self, include_restricted: bool) -> Iterator[None]:
        """Check the role, and let query parsing draw on restricted text only when allowed."""
        self._allow(include_restricted)
        token = audience.set(include_restricted)
        try:
            yield
        finally:
            audience.reset(token)

    def _filters(self, period: str | None, doc_type: str | None,
                 include_restricted: bool) -> Filters:
        self._allow(include_restricted)
        return make_filters(period, doc_type, include_restricted)

    def _audit_restricted(self, action: str, passages: Iterable[Passage | dict[str, Any]],
                          detail: str | None = None) -> None:
        restricted = [p.doc_id if isinstance(p, Passage) else str(p.get("doc_id")) for p in passages
                      if (p.access if isinstance(p, Passage) else p.get("access")) == "restricted"]
        if restricted:
            audit_log.record(self.connection, self.user.name, action, restricted, detail)

    def __enter__(self) -> KnowledgeBase:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    # building the library
    def ingest(self, paths: Iterable[str | Path], progress: Progress | None = None
               ) -> IngestReport:
        self._require_admin("ingest")
        report = ingest(self.connection, paths, self.settings, progress)
        self.engine.vectors.ensure(self.connection, persist=True)  # a fresh vectors.faiss
        if access.has_users(self.connection):
            audit_log.record(self.connection, self.user.name, "ingest",
                         detail=f"{len(report.added)} added, {len(report.updated)} updated")
        return report

    def remove(self, doc_id: str, include_restricted: bool = False) -> Document:
        """Remove a document (admin only); a restricted one must be named with
        include_restricted, and a name not found says nothing about restricted documents."""
        self._require_admin("removing a document")
        document = self.document(doc_id, include_restricted)
        row = self.connection.execute("SELECT id FROM documents WHERE doc_id = ?",
                                      (document.doc_id,)).fetchone()
        remove_document(self.connection, row["id"])
        if document.access == "restricted" or access.has_users(self.connection):
            audit_log.record(self.connection, self.user.name, "remove", [document.doc_id])
        return document

    # reading it
    def search(self, query: str, k: int = 10, period: str | None = None,
               doc_type: str | None = None, mode: str = "hybrid",
               include_restricted: bool = False) -> SearchResult:
        with self._reading(include_restricted):
            result = self.engine.search(query, k, mode, make_filters(period, doc_type,
                                                                     include_restricted))
        self._audit_restricted("search", result.results, mode)
        return result

    def ask(self, question: str, k: int = 5, include_restricted: bool = False,
            period: str | None = None) -> Answer:
        from kb.ask import answer_question

        with self._reading(include_restricted):
            answer = answer_question(self.engine, question, k,
                                     make_filters(period, None, include_restricted))
        self._audit_restricted("ask", answer.passages)
        return answer

    def check(self, claim: str, include_restricted: bool = False) -> Verdict:
        from kb.check import check_claim

        with self._reading(include_restricted):
            verdict = check_claim(self.engine, claim, make_filters(None, None, include_restricted))
        self._audit_restricted("check", verdict.to_dict().get("evidence", []))
        return verdict

    def reuse(self, text: str, include_restricted: bool = False,
              exclude_doc: str | None = None, progress: Progress | None = None) -> ReuseReport:
        from kb.reuse import find_reuse

        with self._reading(include_restricted):
            report = find_reuse(self.engine, text, make_filters(None, None, include_restricted),
                                exclude_doc=exclude_doc, progress=progress)
        self._audit_restricted("reuse", [p["source"] for p in report.to_dict()["paragraphs"]
                                         if p.get("source")])
        return report

    def reuse_between(self, doc_a: str, doc_b: str, include_restricted: bool = False
                      ) -> ReuseReport:
        """How document B reuses document A (A the earlier, B the later)."""
        from kb.reuse import compare_documents

        with self._reading(include_restricted):
            first = self.document(doc_a, include_restricted)
            second = self.document(doc_b, include_restricted)
            report = compare_documents(self.engine, first, second)
        restricted = [d.doc_id for d in (first, second) if d.access == "restricted"]
        if restricted:
            audit_log.record(self.connection, self.user.name, "reuse", restricted)
        return report

    def themes(self, terms: list[str], include_restricted: bool = False) -> ThemesReport:
        from kb.themes import count_themes

        with self._reading(include_restricted):
            report = count_themes(self.engine, terms,
                                  make_filters(None, None, include_restricted))
        self._audit_restricted("themes", [p for t in report.themes for p in t.passages])
        return report

    def documents(self, include_restricted: bool = False) -> list[Document]:
        self._allow(include_restricted)
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
        self._audit_opened(document, "open", "passages")
        return [found[pid] for pid in ids]

    def page_text(self, doc_id: str, page: int, include_restricted: bool = False) -> str:
        document = self.document(doc_id, include_restricted)
        row = self.connection.execute(
            "SELECT pg.text FROM pages pg JOIN documents d ON d.id = pg.document "
            "WHERE d.doc_id = ? AND pg.page = ?", (document.doc_id, page)).fetchone()
        if row is None:
            raise DocumentNotFound(f"{document.doc_id} has no page {page}")
        self._audit_opened(document, "open", f"page {page}")
        return str(row[0])

    def open_source(self, doc_id: str, page: int | None = None,
                    include_restricted: bool = False, record: bool = True) -> Document:
        """The document a viewer is about to show (its page image or text), checked against
        the acting user and logged when restricted (unless record=False: a viewer redrawn);
        DocumentNotFound when it may not be seen."""
        document = self.document(doc_id, include_restricted)
        if record:
            self._audit_opened(document, "open", f"page {page}" if page else None)
        return document

    def download_source(self, doc_id: str, include_restricted: bool = False) -> Path:
        """The original file of a document, for a download; logged when restricted."""
        document = self.document(doc_id, include_restricted)
        self._audit_opened(document, "download", None)
        return Path(document.path)

    def _audit_opened(self, document: Document, action: str, detail: str | None) -> None:
        if document.access == "restricted":
            audit_log.record(self.connection, self.user.name, action, [document.doc_id], detail)

    def glossary(self, include_restricted: bool = False) -> dict[str, str]:
        self._allow(include_restricted)
        return dict(self.engine.glossary(include_restricted))

    # administration
    def users(self) -> list[User]:
        self._require_admin("listing users")
        return access.list_users(self.connection)

    def add_user(self, name: str, role: str, password: str) -> User:
        """Add a user; the first one must be an admin (and may be added by the owner)."""
        actor = self.user.name
        if access.has_users(self.connection):
            self._require_admin("adding a user")
        elif role != "admin":
            from kb.errors import InvalidInput

            raise InvalidInput("the first user must be an admin: "
                               "`kb users add NAME --role admin`")
        user = access.add_user(self.connection, name, role, password)
        audit_log.record(self.connection, actor, "user_added",
                     detail=f"{name} as {role}")
        return user

    def remove_user(self, name: str) -> User:
        self._require_admin("removing a user")
        user = access.remove_user(self.connection, name)
        audit_log.record(self.connection, self.user.name, "user_removed", detail=name)
        return user

    def set_password(self, name: str, password: str) -> User:
        """Change a password: one's own, or anyone's as an admin."""
        if self.user.name != name:
            self._require_admin("changing another user's password")
        user = access.set_password(self.connection, name, password)
        audit_log.record(self.connection, self.user.name, "password_changed", detail=name)
        return user

    def set_role(self, name: str, role: str) -> User:
        self._require_admin("changing a role")
        user = access.set_role(self.connection, name, role)
        audit_log.record(self.connection, self.user.name, "role_changed", detail=f"{name} {role}")
        return user

    def audit(self, limit: int = 200, user: str | None = None, doc_id: str | None = None,
              action: str | None = None) -> list[audit_log.AuditEntry]:
        self._require_admin("reading the audit log")
        return audit_log.entries(self.connection, limit, user, doc_id, action)

    def backup(self, destination: str | Path) -> Path:
        """A consistent copy of kb.sqlite (SQLite's backup API) at `destination` (a file, or a
        folder to put kb.sqlite in); vectors.faiss is rebuilt from it on open."""
        from kb.errors import InvalidInput

        self._require_admin("a backup")
        try:
            path = backup_database(self.connection, Path(destination).expanduser())
        except FileExistsError as error:
            raise InvalidInput(f"{error.args[0]} exists already: choose a new name") from None
        audit_log.record(self.connection, self.user.name, "backup")
        return path


def _document(row: Any) -> Document:
    return Document(doc_id=row["doc_id"], path=row["path"], title=row["title"],
                    period=row["period"], doc_type=row["doc_type"], access=row["access"],
                    pages=row["pages"], passages=row["passages"],
                    content_hash=row["content_hash"], size=row["size"],
                    added=row["ingested_at"])
