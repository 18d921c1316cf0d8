"""The library as the jobs read it: vocabulary, glossary, the documents a text names, passages,
facts and notes, with what depends on the library's generation cached."""

from __future__ import annotations

import re
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Sequence
from contextvars import ContextVar

import numpy as np

from kb import embed, sentence_vectors, store
from kb.facts import Fact
from kb.glossary import COMMON, title_acronyms
from kb.models import Passage, names_of_document
from kb.notes import Note
from kb.query import Filters
from kb.settings import Settings
from kb.store import generation
from kb.words import content_words, stem

# whether the caller of the current call may draw on restricted documents (see SearchEngine.parse)
audience: ContextVar[bool] = ContextVar("kb_audience", default=False)

PASSAGE_COLUMNS = """p.id, d.doc_id, d.title, d.path, d.period, d.doc_type, p.page, p.page_end,
    p.section, p.text, p.char_start, p.char_end, d.access"""


def row_to_passage(row: sqlite3.Row, score: float = 0.0) -> Passage:
    return Passage(passage_id=row["id"], doc_id=row["doc_id"], title=row["title"],
                   path=row["path"], period=row["period"], doc_type=row["doc_type"],
                   page=row["page"], page_end=row["page_end"], section=row["section"],
                   text=row["text"], char_start=row["char_start"], char_end=row["char_end"],
                   score=score, access=row["access"] if "access" in row.keys() else "public")


# a capitalised word past a text's first: a proper name ("the Essex study")
_PROPER = re.compile(r"(?<=[\s(])[A-Z][a-z]{3,}\b")


class Library:
    """One open library's reads; caches what depends on its generation."""

    def __init__(self, connection: sqlite3.Connection, settings: Settings) -> None:
        self.connection = connection
        self.settings = settings
        self._generation = -1
        self._vocabulary: dict[str, int] = {}  # every audience's words: search's budget
        # what typo correction and acronym expansion may draw on, per audience (True: also
        # restricted documents), so nothing of a restricted text reaches anyone else
        self._lexicons: dict[bool, tuple[dict[str, int], dict[str, list[str]], dict[str, str]]] = {}
        self._named: dict[bool, dict[str, str]] = {}  # acronyms with the documents' short names
        # by audience: the words only one document's name holds, the proper names among them,
        # and the documents each title acronym may stand for
        self._named_docs: dict[bool, tuple[dict[str, set[str]], dict[str, set[str]],
                                           dict[str, list[str]]]] = {}
        self._passage_count = 0

    def refresh(self) -> None:
        current = generation(self.connection)
        if current == self._generation:
            return
        self._reload()
        self._generation = current

    def _reload(self) -> None:
        self._lexicons = {level: self._lexicon(level) for level in (False, True)}
        self._vocabulary = self._lexicons[True][0]
        self._named = {}
        self._named_docs = {}
        self._passage_count = self.connection.execute("SELECT count(*) FROM passages").fetchone()[0]

    def _lexicon(self, restricted: bool
                 ) -> tuple[dict[str, int], dict[str, list[str]], dict[str, str]]:
        """Vocabulary, joined forms and acronyms of the documents one audience may see."""
        table = "words" if restricted else "public_words"
        vocabulary = dict(self.connection.execute(f"SELECT word, count FROM {table}"))
        joined: dict[str, list[str]] = defaultdict(list)
        for word in vocabulary:
            if "-" in word:
                joined[word.replace("-", "")].append(word.replace("-", " "))
                joined[word.replace("-", " ")].append(word.replace("-", ""))
        acronyms = dict(COMMON)
        where = "" if restricted else "WHERE d.access != 'restricted'"
        for acronym, expansion in self.connection.execute(
                f"SELECT g.acronym, g.expansion FROM glossary g JOIN documents d "
                f"ON d.id = g.document {where} GROUP BY g.acronym"):
            acronyms[acronym] = expansion.lower()
        return vocabulary, joined, acronyms

    def vocabulary(self, include_restricted: bool = False) -> dict[str, int]:
        """Each word of the library an audience may see, with the passages that hold it."""
        self.refresh()
        return self._lexicons[include_restricted][0]

    def titles(self) -> list[str]:
        return [row[0] for row in self.connection.execute("SELECT title FROM documents")]

    def page_lengths(self, doc_id: str) -> list[tuple[int, int]]:
        """Each page of a document with the length of its text, in order."""
        return [(int(row[0]), int(row[1])) for row in self.connection.execute(
            "SELECT pg.page, length(pg.text) FROM pages pg JOIN documents d "
            "ON d.id = pg.document WHERE d.doc_id = ? ORDER BY pg.page", (doc_id,))]

    def pages_of(self, passage: Passage, start: int, end: int) -> tuple[int | None, int | None]:
        """The pages the first and the last character of a passage's span stand on (a passage,
        and a sentence of it, may run over a page break); the page lengths read once."""
        if passage.page is None or passage.page_end in (None, passage.page):
            return passage.page, passage.page
        lengths = self.page_lengths(passage.doc_id)

        def page_at(offset: int) -> int | None:
            position, cursor = passage.char_start + offset, 0
            for page, length in lengths:
                if position < cursor + length + 2:
                    return int(page)
                cursor += length + 2
            return passage.page_end

        return page_at(start), page_at(max(start, end - 1))

    def passage_count(self) -> int:
        self.refresh()
        return self._passage_count

    def facts(self, passage_ids: list[int]) -> list[tuple[int, Fact]]:
        """The table facts stated in these passages, with the passage each stands in."""
        return self._facts("f.passage", passage_ids)

    def passage_ids(self, filters: Filters, exclude_doc: str | None = None,
                    only_doc: str | None = None) -> list[int]:
        """The passages the filters let through, in each document's order; without one
        document, or of one document only."""
        where, values = filters.sql()
        if exclude_doc:
            where, values = f"{where} AND d.doc_id != ?", [*values, exclude_doc]
        if only_doc:
            where, values = f"{where} AND d.doc_id = ?", [*values, only_doc]
        return store.passage_ids(self.connection, where, values)

    def period_sizes(self, filters: Filters, undated: str) -> dict[str, int]:
        """How many passages each period holds under the filters."""
        where, values = filters.sql()
        return store.passages_per_period(self.connection, where, values, undated)

    def document_facts(self, doc_ids: list[str]) -> list[tuple[int, Fact]]:
        """The table facts of these documents, with the passage each stands in."""
        return self._facts("d.doc_id", doc_ids)

    def notes_of(self, passage: Passage) -> list[Note]:
        """The footnotes of the pages a passage stands on, each with the words its mark
        followed."""
        if passage.page is None:
            return []
        rows = self.connection.execute(
            "SELECT n.page, n.mark, n.anchor, n.note FROM notes n JOIN documents d "
            "ON d.id = n.document WHERE d.doc_id = ? AND n.page BETWEEN ? AND ? "
            "ORDER BY n.page, n.mark",
            (passage.doc_id, passage.page, passage.page_end or passage.page)).fetchall()
        return [Note(*row) for row in rows]

    def passages_after(self, passage: Passage, most: int = 12) -> list[Passage]:
        """The passages that follow this one in its document, in order."""
        ids = list(range(passage.passage_id + 1, passage.passage_id + 1 + most))
        found = self.passages(ids)
        following = []
        for pid in ids:
            if pid not in found or found[pid].doc_id != passage.doc_id:
                break
            following.append(found[pid])
        return following

    def passage_before(self, passage: Passage) -> Passage | None:
        """The passage just before this one in its document, if any."""
        found = self.passages([passage.passage_id - 1]).get(passage.passage_id - 1)
        return found if found is not None and found.doc_id == passage.doc_id else None

    def sentence_vectors(self, texts: Sequence[str]) -> dict[str, np.ndarray]:
        """The vectors ingest stored of those of these sentence texts it read, by text."""
        return sentence_vectors.stored(self.connection, texts)

    def _facts(self, column: str, keys: Sequence[int | str]) -> list[tuple[int, Fact]]:
        """The facts whose passage (`f.passage`) or document (`d.doc_id`) is one of `keys`,
        in the order they were stored: one query."""
        if not keys:
            return []
        marks = ",".join("?" * len(keys))
        rows = self.connection.execute(
            f"SELECT f.passage, f.page, f.caption, f.label, f.column_name, f.value, f.period "
            f"FROM facts f JOIN passages p ON p.id = f.passage JOIN documents d "
            f"ON d.id = p.document WHERE {column} IN ({marks}) ORDER BY f.id", list(keys)
        ).fetchall()
        return [(row[0], Fact(row[1], 0, row[2], row[3], row[4], row[5], row[6]))
                for row in rows]

    @property
    def acronyms(self) -> dict[str, str]:
        return self.glossary(audience.get())

    def glossary(self, include_restricted: bool = False) -> dict[str, str]:
        """Acronyms and their expansions, with the short names the library gives its own
        documents ("KCSIE"). A search does not expand those: it would bring every passage that
        names the document; ask, check and reuse read them as names."""
        self.refresh()
        if include_restricted not in self._named:
            where = "" if include_restricted else "WHERE access != 'restricted'"
            titles = [row[0] for row in self.connection.execute(
                f"SELECT title FROM documents {where}")]
            self._named[include_restricted] = title_acronyms(
                titles, self._lexicons[include_restricted][0],
                embed.model_words(self.settings.model_name)) | \
                self._lexicons[include_restricted][2]
        return self._named[include_restricted]

    def documents_named(self, text: str, include_restricted: bool = False) -> list[str]:
        """The documents a text names ("in the National Framework", "KCSIE says"): by two
        words of their title or file name that no other document's holds, or by the acronym
        the library reads their title as."""
        self.refresh()
        if include_restricted not in self._named_docs:
            where = "" if include_restricted else "WHERE access != 'restricted'"
            rows = self.connection.execute(f"SELECT doc_id, title, path FROM documents {where}")
            parts = {doc_id: names_of_document(title, path) for doc_id, title, path in rows}
            names = {doc_id: " ".join(two) for doc_id, two in parts.items()}
            words = {doc_id: {stem(w) for w in content_words(name.lower())}
                     for doc_id, name in names.items()}
            shared = Counter(word for held in words.values() for word in held)
            own = {doc_id: {w for w in held if shared[w] == 1} for doc_id, held in words.items()}
            # a proper name only one document's name holds names it alone ("the Essex study")
            proper = {doc_id: {stem(w.lower()) for part in parts[doc_id]
                               for w in _PROPER.findall(part[1:])} & held
                      for doc_id, held in own.items()}
            acronyms = {acronym.lower(): [doc_id for doc_id, name in names.items()
                                          if expansion.lower() in name.lower()]
                        for acronym, expansion in self.glossary(include_restricted).items()}
            self._named_docs[include_restricted] = (own, proper, acronyms)
        own, proper, acronyms = self._named_docs[include_restricted]
        asked = {stem(w) for w in content_words(text.lower())}
        capitalised = {stem(w.lower()) for w in _PROPER.findall(text.strip()[1:])}
        named = [doc_id for doc_id, words in own.items()
                 if len(words & asked) >= 2 or proper[doc_id] & capitalised]
        for word in re.findall(r"[A-Za-z0-9]+", text):
            if word.isupper() and len(acronyms.get(word.lower(), [])) == 1:
                named.append(acronyms[word.lower()][0])
        return list(dict.fromkeys(named))

    def document_names(self, doc_id: str) -> tuple[str, ...]:
        """The names a document goes by: its title and its file's name."""
        row = self.connection.execute("SELECT title, path FROM documents WHERE doc_id = ?",
                                      (doc_id,)).fetchone()
        return names_of_document(row[0], row[1]) if row else ()

    def passages(self, ids: list[int]) -> dict[int, Passage]:
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        rows = self.connection.execute(
            f"SELECT {PASSAGE_COLUMNS} FROM passages p JOIN documents d ON d.id = p.document "
            f"WHERE p.id IN ({marks})", ids).fetchall()
        return {row["id"]: row_to_passage(row) for row in rows}
