"""Search: keyword (FTS5 BM25) and semantic (FAISS) rankings, fused, filtered and cited."""

from __future__ import annotations

import sqlite3
import time
from collections import defaultdict
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace

import numpy as np

from kb import embed
from kb.errors import InvalidInput
from kb.fusion import (
    FusionWeights,
    fuse_evidence,
    fuse_reciprocal_ranks,
    fuse_scores,
    make_terms,
)
from kb.library import Library, audience
from kb.models import Hit, Passage, SearchResult
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
from kb.store import DB_NAME
from kb.vectors import VectorIndex

MODES = ("hybrid", "keyword", "semantic")

# the passages an "any word" keyword search may match before its commonest words are left out:
# BM25 scores every passage an OR matches, and a question of eight common words matched most of
# a large library (116 ms at 100,000 passages)
KEYWORD_ROWS = 20_000


NAMED_DOCUMENT_HITS = 4  # passages read from the one document a question or claim names


class SearchEngine(Library):
    """Answers many queries over one open library: ranks, fuses, filters and cites."""

    def __init__(self, connection: sqlite3.Connection, settings: Settings) -> None:
        super().__init__(connection, settings)
        self.vectors = VectorIndex(settings.index_dir, settings.dimension)
        self._allowed: dict[Filters, np.ndarray | None] = {}
        self._allowed_sets: dict[Filters, set[int] | None] = {}
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

    def _reload(self) -> None:
        super()._reload()
        self._allowed = {}
        self._allowed_sets = {}

    def named_document_hits(self, text: str, hits: Sequence[Passage], filters: Filters,
                            k: int = NAMED_DOCUMENT_HITS, said: str | None = None
                            ) -> list[Hit]:
        """The passages closest to a question or claim in the one document it names ("in the
        National Framework", "KCSIE says"), when the search found none of that document's: the
        asker has said where to look. A claim's attribution taken off (`said`), its words are
        searched in that document whatever the search found: the document's name pulls the
        search to the pages that name it, not to those that say what is claimed."""
        # a claim's attribution names where to look ("KCSIE 2025 gives ..."); the words of
        # what it says may echo another document's title ("sharing information")
        attribution = text[:len(text) - len(said)] if said else ""
        named = self.documents_named(attribution, filters.include_restricted) \
            if attribution else []
        if len(named) != 1:
            named = self.documents_named(text, filters.include_restricted)
        if len(named) != 1:
            return []
        found = any(hit.doc_id == named[0] for hit in hits)
        if found and said is None:
            return []
        held = {hit.passage_id for hit in hits}
        return [hit for hit in self.search(said if found else text, k=k, mode="hybrid",
                                           filters=replace(filters, doc_id=named[0])).results
                if hit.passage_id not in held]

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
