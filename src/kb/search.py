"""Search: keyword (FTS5 BM25) and semantic (FAISS) rankings, fused, filtered and cited."""

from __future__ import annotations

import re
import sqlite3
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from contextvars import ContextVar
from dataclasses import replace

import numpy as np

from kb import embed, sentence_vectors, store
from kb.errors import InvalidInput
from kb.facts import Fact
from kb.fusion import (
    FusionWeights,
    fuse_evidence,
    fuse_reciprocal_ranks,
    fuse_scores,
    make_terms,
)
from kb.glossary import COMMON, title_acronyms
from kb.models import Hit, Passage, SearchResult, names_of_document
from kb.notes import Note
from kb.query import (
    Filters,
    ParsedQuery,
    can_require_every_term,
    fts_expression,
    parse_query,
    within_budget,
)
from kb.settings import Settings
from kb.snippets import find_marks, make_snippet
from kb.store import DB_NAME, generation
from kb.vectors import VectorIndex
from kb.words import content_words, stem

MODES = ("hybrid", "keyword", "semantic")
# whether the caller of the current call may draw on restricted documents (see parse)
audience: ContextVar[bool] = ContextVar("kb_audience", default=False)
PASSAGE_COLUMNS = """p.id, d.doc_id, d.title, d.path, d.period, d.doc_type, p.page, p.page_end,
    p.section, p.text, p.char_start, p.char_end, d.access"""


def row_to_passage(row: sqlite3.Row, score: float = 0.0) -> Passage:
    return Passage(passage_id=row["id"], doc_id=row["doc_id"], title=row["title"],
                   path=row["path"], period=row["period"], doc_type=row["doc_type"],
                   page=row["page"], page_end=row["page_end"], section=row["section"],
                   text=row["text"], char_start=row["char_start"], char_end=row["char_end"],
                   score=score, access=row["access"] if "access" in row.keys() else "public")


# the passages an "any word" keyword search may match before its commonest words are left out:
# BM25 scores every passage an OR matches, and a question of eight common words matched most of
# a large library (116 ms at 100,000 passages)
KEYWORD_ROWS = 20_000


NAMED_DOCUMENT_HITS = 4  # passages read from the one document a question or claim names
# a capitalised word past a text's first: a proper name ("the Essex study")
_PROPER = re.compile(r"(?<=[\s(])[A-Z][a-z]{3,}\b")


class SearchEngine:
    """Answers many queries over one open library; caches what depends on its generation."""

    def __init__(self, connection: sqlite3.Connection, settings: Settings) -> None:
        self.connection = connection
        self.settings = settings
        self.vectors = VectorIndex(settings.index_dir, settings.dimension)
        self._generation = -1
        self._vocabulary: dict[str, int] = {}
        self._joined: dict[str, list[str]] = {}
        self._acronyms: dict[str, str] = {}
        # what typo correction and acronym expansion may draw on, per audience (True: also
        # restricted documents), so nothing of a restricted text reaches anyone else
        self._lexicons: dict[bool, tuple[dict[str, int], dict[str, list[str]], dict[str, str]]] = {}
        self._named: dict[bool, dict[str, str]] = {}  # acronyms with the documents' short names
        # by audience: the words only one document's name holds, the proper names among them,
        # and the documents each title acronym may stand for
        self._named_docs: dict[bool, tuple[dict[str, set[str]], dict[str, set[str]],
                                           dict[str, list[str]]]] = {}
        self._allowed: dict[Filters, np.ndarray | None] = {}
        self._allowed_sets: dict[Filters, set[int] | None] = {}
        self._passage_count = 0
        self._reader: sqlite3.Connection | None = None
        self._threads: ThreadPoolExecutor | None = None

    def close(self) -> None:
        if self._threads is not None:
            self._threads.shutdown()
        if self._reader is not None:
            self._reader.close()

    def _keyword_connection(self) -> sqlite3.Connection:
        """A second, read-only connection, so the keyword side runs beside the semantic one."""
        if self._reader is None:
            path = self.settings.index_dir / DB_NAME
            self._reader = sqlite3.connect(f"file:{path.resolve()}?mode=ro", uri=True,
                                           check_same_thread=False, timeout=30)
        return self._reader

    def refresh(self) -> None:
        current = generation(self.connection)
        if current == self._generation:
            return
        self._lexicons = {level: self._lexicon(level) for level in (False, True)}
        self._vocabulary, self._joined, self._acronyms = self._lexicons[True]
        self._allowed = {}
        self._allowed_sets = {}
        self._named = {}
        self._named_docs = {}
        self._passage_count = self.connection.execute("SELECT count(*) FROM passages").fetchone()[0]
        self._generation = current

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

    def page_of(self, passage: Passage, offset: int) -> int | None:
        """The page a character of a passage stands on (passages may run over a page break)."""
        if passage.page is None or passage.page_end in (None, passage.page):
            return passage.page
        position, cursor = passage.char_start + offset, 0
        for page, length in self.page_lengths(passage.doc_id):
            if position < cursor + length + 2:
                return int(page)
            cursor += length + 2
        return passage.page_end

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

    def named_document_hits(self, text: str, hits: Sequence[Passage], filters: Filters,
                            k: int = NAMED_DOCUMENT_HITS) -> list[Hit]:
        """The passages closest to a question or claim in the one document it names ("in the
        National Framework", "KCSIE says"), when the search found none of that document's: the
        asker has said where to look."""
        named = self.documents_named(text, filters.include_restricted)
        if len(named) != 1 or any(hit.doc_id == named[0] for hit in hits):
            return []
        return self.search(text, k=k, mode="hybrid",
                           filters=replace(filters, doc_id=named[0])).results

    def parse(self, text: str, include_restricted: bool | None = None) -> ParsedQuery:
        """The query understood with what its audience may see: the facade sets `audience`
        for ask, check, themes and reuse; search passes its filters' choice."""
        self.refresh()
        restricted = audience.get() if include_restricted is None else include_restricted
        vocabulary, joined, acronyms = self._lexicons[restricted]
        return parse_query(text, acronyms, vocabulary, joined,
                           lambda word: self._is_word(word, restricted),
                           names=self.glossary(restricted))

    def _is_word(self, word: str, include_restricted: bool = False) -> bool:
        """Not a typo: an English word, or one the library holds in another form (the FTS
        index stems, so "worries" finds "worried") in a document the audience may see."""
        if word in embed.model_words(self.settings.model_name):
            return True
        match = ['{text section} : "' + word.replace('"', '') + '"']
        if include_restricted:
            return self.connection.execute(
                "SELECT 1 FROM passages_fts WHERE passages_fts MATCH ? LIMIT 1",
                match).fetchone() is not None
        return self.connection.execute(
            "SELECT 1 FROM passages_fts f JOIN passages p ON p.id = f.rowid JOIN documents d "
            "ON d.id = p.document WHERE passages_fts MATCH ? AND d.access != 'restricted' "
            "LIMIT 1", match).fetchone() is not None

    def search(self, text: str, k: int = 10, mode: str = "hybrid",
               filters: Filters | None = None) -> SearchResult:
        started = time.perf_counter()
        filters = filters or Filters()
        if mode not in MODES:
            raise InvalidInput(f"mode {mode!r} is not one of {', '.join(MODES)}")
        if k < 1:
            raise InvalidInput(f"k must be at least 1, not {k}")
        query = self.parse(text, filters.include_restricted)
        if not query.terms and not query.phrases:
            return SearchResult(query=text, mode=mode, took_ms=(time.perf_counter() - started)
                                * 1000, results=[], searched=query.searched,
                                note="nothing to search for: the query holds only common words "
                                     "or punctuation")
        depth = max(50, 5 * k)
        semantic = mode in ("semantic", "hybrid") and bool(query.text) and not query.phrases
        note = ""
        if mode == "hybrid" and semantic:
            # SQLite and torch both release the GIL: the two sides run on two cores at once
            if self._threads is None:
                self._threads = ThreadPoolExecutor(1, thread_name_prefix="kb-keyword")
            pending = self._threads.submit(self.keyword, query, depth, filters)
            vector = embed.encode_query(query.searched, self.settings.model_name)
            closest = self.vectors.search(self.connection, vector, depth,
                                          self._allowed_ids(filters))
            matched = pending.result()
            if not matched and closest:  # say so: the results only resemble the query
                note = "no passage holds these words; the results are the closest in meaning"
            fused = self.fuse(query, matched, closest, vector, filters)
        elif semantic:
            fused = self.semantic(query, depth, filters)
        else:
            fused = self.keyword(query, depth, filters)
        hits = self._hits(query, diversify(fused, self._page_of, self.settings.per_page_limit, k))
        return SearchResult(query=text, mode=mode, took_ms=(time.perf_counter() - started) * 1000,
                            results=hits, searched=query.searched, corrections=query.corrections,
                            expansions={**query.expansions, **query.durations}, note=note)

    def keyword(self, query: ParsedQuery, depth: int, filters: Filters) -> list[tuple[int, float]]:
        """BM25 top `depth`: passages holding every word first; when they are too few, any word.
        Requiring every word first keeps the cost down at scale (few rows to score)."""
        query = self._informative(query)
        if can_require_every_term(query):
            found = self._keyword(fts_expression(query, every_term=True), depth, filters)
            if len(found) >= depth:
                return found
        return self._keyword(fts_expression(self._within_budget(query)), depth, filters)

    def _within_budget(self, query: ParsedQuery) -> ParsedQuery:
        return within_budget(query, self._vocabulary, KEYWORD_ROWS)

    def _keyword(self, expression: str | None, depth: int, filters: Filters
                 ) -> list[tuple[int, float]]:
        if expression is None:
            return []
        # rank on the FTS table alone, then filter: joining every match costs more than it saves
        rows = self._keyword_connection().execute(
            "SELECT rowid, bm25(passages_fts, 1.0, 0.4, 0.0) AS score FROM passages_fts "
            "WHERE passages_fts MATCH ? ORDER BY score LIMIT ?", [expression, 3 * depth]
        ).fetchall()
        allowed = self._allowed_set(filters)
        kept = [(row[0], -row[1]) for row in rows if allowed is None or row[0] in allowed]
        if len(kept) >= depth or len(rows) < 3 * depth:
            return kept[:depth]
        where, values = filters.sql()
        rows = self.connection.execute(
            f"""SELECT f.rowid, bm25(passages_fts, 1.0, 0.4, 0.0) AS score
                FROM passages_fts f JOIN passages p ON p.id = f.rowid
                JOIN documents d ON d.id = p.document
                WHERE passages_fts MATCH ? AND {where} ORDER BY score LIMIT ?""",
            [expression, *values, depth]).fetchall()
        return [(row[0], -row[1]) for row in rows]

    def _informative(self, query: ParsedQuery) -> ParsedQuery:
        """The query without words found in most passages: BM25 gives them no weight (their
        IDF is clamped to ~0) yet scoring every passage they match dominates the cost."""
        common = {term for term in query.terms
                  if self._vocabulary.get(term, 0) > 0.5 * self._passage_count > 50}
        if not common:
            return query
        return replace(query, terms=[term for term in query.terms if term not in common])

    def semantic(self, query: ParsedQuery, depth: int, filters: Filters) -> list[tuple[int, float]]:
        text = query.searched
        vector = embed.encode_query(text, self.settings.model_name)
        closest = self.vectors.search(self.connection, vector, depth, self._allowed_ids(filters))
        closeness = self._closeness(query, vector, dict(closest))
        return sorted(closeness.items(), key=lambda item: -item[1])

    def _closeness(self, query: ParsedQuery, vector: np.ndarray, cosines: dict[int, float]
                   ) -> dict[int, float]:
        """Each passage's closeness to the query: its own cosine or, where higher, its closest
        sentence's. A passage vector averages every sentence; a question about one of them is
        nearer that sentence than the whole. A query of a few words names a theme, which a
        passage is about as a whole: for it the passage's own cosine stands."""
        if len(query.term_groups()) < self.settings.sentence_terms:
            return cosines
        sentences = self.vectors.sentence_cosines(self.connection, vector, list(cosines))
        return {pid: max(cosine, sentences.get(pid, cosine)) for pid, cosine in cosines.items()}

    def _allowed_ids(self, filters: Filters) -> np.ndarray | None:
        """Passage ids the filters let through, or None when they let through every one."""
        if filters not in self._allowed:
            where, values = filters.sql()
            ids = np.array([row[0] for row in self.connection.execute(
                f"SELECT p.id FROM passages p JOIN documents d ON d.id = p.document WHERE {where}",
                values)], dtype=np.int64)
            self._allowed[filters] = None if len(ids) == self._passage_count else ids
        return self._allowed[filters]

    def _allowed_set(self, filters: Filters) -> set[int] | None:
        if filters not in self._allowed_sets:
            ids = self._allowed_ids(filters)
            self._allowed_sets[filters] = None if ids is None else set(ids.tolist())
        return self._allowed_sets[filters]

    def fuse(self, query: ParsedQuery, keyword: list[tuple[int, float]],
             closest: list[tuple[int, float]], vector: np.ndarray, filters: Filters
             ) -> list[tuple[int, float]]:
        if self.settings.fusion == "score":
            return fuse_scores([closest, keyword])
        if self.settings.fusion == "rrf":
            return fuse_reciprocal_ranks([closest, keyword], self.settings.rrf_k)
        cosines = dict(closest)
        cosines.update(self.vectors.cosines(
            self.connection, vector, [pid for pid, _ in keyword if pid not in cosines]))
        cosines = self._closeness(query, vector, cosines)
        vocabulary = self._lexicons[filters.include_restricted][0]
        terms = make_terms(query.term_groups(), vocabulary, self._passage_count)
        weights = FusionWeights(self.settings.fusion_keyword, self.settings.fusion_floor,
                                self.settings.fusion_ceiling, self.settings.fusion_evidence)
        return fuse_evidence(terms, keyword, cosines, self._texts(list(cosines)), weights,
                             query.text)

    def _texts(self, ids: list[int]) -> dict[int, str]:
        """Passage text with its section heading, for counting the query words it holds."""
        marks = ",".join("?" * len(ids))
        return {row[0]: f"{row[1] or ''}\n{row[2]}" for row in self.connection.execute(
            f"SELECT id, section, text FROM passages WHERE id IN ({marks})", ids)}

    def _page_of(self, ids: list[int]) -> dict[int, tuple[int, int | None]]:
        marks = ",".join("?" * len(ids))
        return {row[0]: (row[1], row[2]) for row in self.connection.execute(
            f"SELECT id, document, page FROM passages WHERE id IN ({marks})", ids)}

    def passages(self, ids: list[int]) -> dict[int, Passage]:
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        rows = self.connection.execute(
            f"SELECT {PASSAGE_COLUMNS} FROM passages p JOIN documents d ON d.id = p.document "
            f"WHERE p.id IN ({marks})", ids).fetchall()
        return {row["id"]: row_to_passage(row) for row in rows}

    def _hits(self, query: ParsedQuery, ranked: list[tuple[int, float]]) -> list[Hit]:
        found = self.passages([pid for pid, _ in ranked])
        terms = query.highlight_terms()
        hits = []
        for rank, (pid, score) in enumerate(ranked, start=1):
            passage = found[pid]
            marks = find_marks(passage.text, terms)
            hits.append(Hit(**{**passage.__dict__, "score": round(score, 6)}, rank=rank,
                            snippet=make_snippet(passage.text, marks), marks=marks))
        return hits


def diversify(ranked: list[tuple[int, float]], page_of, limit: int, k: int
              ) -> list[tuple[int, float]]:
    """The top k, with no more than `limit` passages from one page of one document."""
    chosen: list[tuple[int, float]] = []
    per_page: dict[tuple[int, int | None], int] = defaultdict(int)
    pages = page_of([pid for pid, _ in ranked[: k * 4]]) if ranked else {}
    for pid, score in ranked[: k * 4]:
        key = pages[pid]
        if key[1] is not None and per_page[key] >= limit:
            continue
        per_page[key] += 1
        chosen.append((pid, score))
        if len(chosen) == k:
            break
    return chosen
