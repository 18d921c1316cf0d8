"""Ingest: find changed files, parse them under a time limit, embed new text, commit per batch."""

from __future__ import annotations

import multiprocessing
import os
import sqlite3
import sys
import time
import types
from collections.abc import Callable, Generator, Iterable, Iterator
from contextlib import contextmanager
from functools import cache
from multiprocessing.context import TimeoutError as PoolTimeout
from pathlib import Path
from typing import Any

import numpy as np

from kb import embed, sentence_vectors
from kb.claims import READINGS, model_texts
from kb.document_rows import remove_document, text_hash, write_piece
from kb.errors import KBError, UnreadableFile
from kb.extract import SUPPORTED_SUFFIXES
from kb.models import FailedFile, IngestReport
from kb.parse import READER, ParsedDocument, content_hash, parse_file
from kb.sentences import split_sentences
from kb.settings import Settings
from kb.store import bump_generation

Progress = Callable[[int, int, str], None]
M_MMAP_THRESHOLD = -3  # glibc's mallopt parameter


def scan(paths: Iterable[str | Path]) -> tuple[list[Path], list[Path], list[FailedFile]]:
    """Files to consider, folders scanned (for removals), and arguments that do not exist."""
    files: list[Path] = []
    folders: list[Path] = []
    missing: list[FailedFile] = []
    for given in paths:
        path = Path(given).expanduser().resolve()
        if path.is_dir():
            folders.append(path)
            files.extend(sorted(
                p for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            ))
        elif path.is_file():
            files.append(path)
        else:
            missing.append(FailedFile(str(given), f"{given}: no such file or folder"))
    return list(dict.fromkeys(files)), folders, missing


# The workers' niceness once the model encodes. At the same priority a worker on one of two
# cores held back the model's two threads, each step waiting for the slower: 512 passages took
# 17% longer beside two parsing workers, and no longer than alone at niceness 10 (measured,
# medians of 3); the workers still read ahead in the model's gaps.
READER_NICE = 10


def parse_files(paths: list[Path], settings: Settings, readers: list[int] | None = None
                ) -> Iterator[tuple[Path, ParsedDocument | KBError]]:
    """Parse files in worker processes, yielding each outcome in order as it is ready, so the
    caller embeds one file while the workers read the next. A file that overruns the time
    limit is reported and its worker killed. `readers`, when given, holds the running
    workers' process ids (for `yield_to_model`), and is emptied when they end."""
    pending = list(paths)
    # forkserver, not fork: the app's server is threaded, and a child forked while another
    # thread held a lock (logging, imports) waits on it for ever. The server process is a fresh
    # interpreter that preloads only the parsers, so starting workers stays cheap.
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["kb.parse"])
    readers = [] if readers is None else readers
    while pending:
        workers = max(1, min(settings.parse_workers, len(pending)))
        before = {child.pid for child in multiprocessing.active_children()}
        with _without_main():
            pool = context.Pool(workers, initializer=limit_memory,
                                initargs=(settings.parse_memory_mb,))
        readers[:] = [child.pid for child in multiprocessing.active_children()
                      if child.pid is not None and child.pid not in before]
        try:
            with pool:
                pending = yield from _collect(pool, pending, settings, readers)
        finally:
            readers.clear()  # their ids may name other processes from now on


def _collect(pool: Any, paths: list[Path], settings: Settings, readers: list[int]
             ) -> Generator[tuple[Path, ParsedDocument | KBError], None, list[Path]]:
    """Yield each file's outcome in order; return the files left unread after a timeout."""
    jobs = [(path, pool.apply_async(parse_file, (str(path), settings.passage_min_words,
                                                 settings.passage_max_words)))
            for path in paths]
    for index, (path, job) in enumerate(jobs):
        try:
            outcome = _outcome(path, job, settings)
            if all(later.ready() for _, later in jobs[index + 1:]):
                # every file is read: end the workers now, not after the caller has
                # embedded the last one (a worker that read a large file holds memory)
                pool.terminate()
                readers.clear()
            yield path, outcome
        except PoolTimeout:
            yield path, UnreadableFile(
                f"{path}: parsing took over {settings.parse_timeout_s:g} s, skipped")
            rest = jobs[index + 1:]
            yield from ((p, _outcome(p, j, settings, 0)) for p, j in rest if j.ready())
            return [p for p, j in rest if not j.ready()]  # leaving the pool kills the stuck one
    return []


def yield_to_model(readers: list[int]) -> None:
    """Lower the parse workers' priority for the rest of their run, as the model starts to
    encode: files it waits for before its first batch are read at full speed, the rest in its
    gaps. Lowering is one way (raising it again needs privileges), and harmless to repeat."""
    for pid in readers:
        try:
            if os.getpriority(os.PRIO_PROCESS, pid) < READER_NICE:
                os.setpriority(os.PRIO_PROCESS, pid, READER_NICE)
        except (OSError, AttributeError):  # the worker has ended, or no such call here
            pass


@contextmanager
def _without_main() -> Iterator[None]:
    """Start workers without re-running the caller's __main__ in each (a worker of the
    forkserver would import it: the app's launcher, a benchmark, or `<stdin>` that is no file);
    the parsers need nothing from it."""
    main = sys.modules["__main__"]
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        sys.modules["__main__"] = main


def limit_memory(megabytes: int) -> None:
    """Cap a parse worker's address space, so one hostile file cannot take the machine's
    memory (the worker fails with MemoryError, or dies and the time limit reports it)."""
    import resource

    if megabytes > 0:
        limit = megabytes * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _outcome(path: Path, job: Any, settings: Settings, timeout: float | None = None
             ) -> ParsedDocument | KBError:
    try:
        return job.get(  # type: ignore[no-any-return]
            timeout=settings.parse_timeout_s if timeout is None else timeout)
    except KBError as error:
        return error
    except PoolTimeout:
        raise
    except MemoryError:
        return UnreadableFile(f"{path}: needs over {settings.parse_memory_mb} MB to parse "
                              "(KB_PARSE_MEMORY_MB), skipped")
    except Exception as error:  # a reader library's own failure on a bad file
        return UnreadableFile(f"{path}: unreadable ({type(error).__name__}: {str(error)[:120]})")


def ingest(connection: sqlite3.Connection, paths: Iterable[str | Path], settings: Settings,
           progress: Progress | None = None) -> IngestReport:
    started = time.perf_counter()
    report = IngestReport()
    files, folders, missing = scan(paths)
    report.failed.extend(missing)
    known = {row["path"]: row for row in connection.execute(
        "SELECT id, path, content_hash, size FROM documents")}
    read_before = _read_with_this_reader(connection)
    sizes: dict[Path, int] = {}  # of the files to parse
    for path in files:
        size = path.stat().st_size
        if size > settings.max_file_bytes:
            limit = settings.max_file_bytes / 1e6
            report.failed.append(FailedFile(
                str(path), f"{path}: over the size limit ({size / 1e6:.1f} MB > {limit:.0f} MB)"))
        elif size == 0:
            report.failed.append(FailedFile(str(path), f"{path}: empty file"))
        elif read_before and str(path) in known and \
                known[str(path)]["content_hash"] == content_hash(path):
            report.unchanged.append(str(path))
        else:
            sizes[path] = size
    _remove_missing(connection, known, files, folders, report)
    # smallest first: the model waits for the first file read, and a large PDF first kept it
    # idle while the workers read on
    to_parse = sorted(sizes, key=sizes.__getitem__)

    position = [0]
    readers: list[int] = []  # the parse workers, given a lower priority once the model encodes

    def parsed() -> Iterator[ParsedDocument]:
        for number, (path, outcome) in enumerate(parse_files(to_parse, settings, readers),
                                                 start=1):
            position[0] = number
            if progress:
                progress(number, len(to_parse), path.name)
            if isinstance(outcome, KBError):
                report.failed.append(FailedFile(str(path), str(outcome)))
            else:
                (report.updated if str(path) in known else report.added).append(str(path))
                yield outcome

    def stored(document: ParsedDocument, done: int) -> None:
        if progress and len(document.chunks) > settings.embed_group:
            progress(position[0], len(to_parse), f"{Path(document.path).name}: {done} of "
                     f"{len(document.chunks)} passages stored")

    report.embedded = _store_documents(connection, parsed(), settings, stored,
                                       lambda: yield_to_model(readers))
    report.embedded += _fill_sentences(connection, settings)
    # the library is whole and searchable from here; check's sentence vectors come last
    sentence_vectors.fill(connection, settings, model_texts, None if progress is None else (
        lambda done, total: progress(done, total, "sentences read for check (passages)")),
        READINGS)
    connection.execute(
        "DELETE FROM vectors WHERE text_hash NOT IN (SELECT text_hash FROM passages)")
    _note_reader(connection, known, report)
    sentence_vectors.forget_removed(connection)
    report.documents = connection.execute("SELECT count(*) FROM documents").fetchone()[0]
    report.passages = connection.execute("SELECT count(*) FROM passages").fetchone()[0]
    report.added.sort()
    report.updated.sort()
    report.took_ms = (time.perf_counter() - started) * 1000
    return report


def _read_with_this_reader(connection: sqlite3.Connection) -> bool:
    """Whether every document of the library was read with this READER: not so for a library
    from before readers were recorded, nor for one read in part by another. An empty library
    is, and is marked so at once: what this ingest commits is read with it, even if it stops
    part way."""
    row = connection.execute("SELECT value FROM meta WHERE key = 'reader'").fetchone()
    if row:
        return bool(row[0] == READER)
    if connection.execute("SELECT count(*) FROM documents").fetchone()[0]:
        return False
    connection.execute("INSERT INTO meta (key, value) VALUES ('reader', ?)", (READER,))
    return True


def _note_reader(connection: sqlite3.Connection, known: dict, report: IngestReport) -> None:
    """Record the reader once every document of the library has been read with it: each one
    this ingest found before was read again, has left or could not be read."""
    done = {*report.updated, *report.removed, *(failed.path for failed in report.failed)}
    if all(path in done for path in known):
        connection.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('reader', ?)",
                           (READER,))


def _remove_missing(connection: sqlite3.Connection, known: dict, files: list[Path],
                    folders: list[Path], report: IngestReport) -> None:
    present = {str(path) for path in files}
    for path_text, row in known.items():
        inside = any(Path(path_text).is_relative_to(folder) for folder in folders)
        if inside and path_text not in present:
            remove_document(connection, row["id"])
            report.removed.append(path_text)


Piece = tuple[ParsedDocument, int, int]  # a document and the slice of its chunks to write


def _store_documents(connection: sqlite3.Connection, documents: Iterable[ParsedDocument],
                     settings: Settings,
                     stored: Callable[[ParsedDocument, int], None] | None = None,
                     encoding: Callable[[], None] | None = None) -> int:
    """Embed what is new and commit in groups of about `embed_group` passages, so a kill loses
    at most one group. A long document spans several groups: it is marked partial until its
    last group is in, so the next ingest reads it again (its stored vectors are kept).
    `encoding` is told before each group goes to the model."""
    have = {row[0] for row in connection.execute("SELECT text_hash FROM vectors")}
    embedded, size = 0, 0
    group: list[Piece] = []
    for document in documents:
        total, cursor = len(document.chunks), 0
        while True:
            end = min(total, cursor + settings.embed_group - size)
            group.append((document, cursor, end))
            size, cursor = size + end - cursor, end
            if size >= settings.embed_group:
                embedded += _commit_group(connection, group, have, settings, encoding)
                _report_stored(group, stored)
                group, size = [], 0
            if cursor >= total:
                break
    if group:
        embedded += _commit_group(connection, group, have, settings, encoding)
        _report_stored(group, stored)
    return embedded


def _report_stored(group: list[Piece], stored: Callable[[ParsedDocument, int], None] | None
                   ) -> None:
    if stored is not None:
        for document, _, end in group:
            stored(document, end)


@cache
def return_large_blocks() -> None:
    """Serve blocks of 1 MB and more (a batch's activations) by mmap, so each goes back to the
    system when freed. glibc's default raises that threshold after the first such block is
    freed and keeps later ones in a heap that does not shrink: encoding peaked about 90 MB
    higher (measured). Once per process, before the first encoding; glibc only."""
    import ctypes

    try:
        ctypes.CDLL("libc.so.6").mallopt(M_MMAP_THRESHOLD, 1 << 20)
    except (OSError, AttributeError):  # another C library: its own policy stands
        pass


def _commit_group(connection: sqlite3.Connection, group: list[Piece], have: set[str],
                  settings: Settings, encoding: Callable[[], None] | None = None) -> int:
    return_large_blocks()
    new_texts, spans = {}, {}
    for doc, start, end in group:
        for chunk in doc.chunks[start:end]:
            passage, sentence_spans = _embedding_input(doc.title, chunk.section, chunk.text)
            key = text_hash(passage)
            if key not in have:
                new_texts[key], spans[key] = passage, sentence_spans
    if encoding is not None and new_texts:
        encoding()
    vectors, sentences = embed.encode_passages(
        list(new_texts.values()), list(spans.values()), settings.embed_batch_size,
        settings.model_name)
    connection.execute("BEGIN IMMEDIATE")
    try:
        connection.executemany(
            "INSERT OR IGNORE INTO vectors (text_hash, vector, sentences) VALUES (?, ?, ?)", [
                (key, vector.astype(np.float32).tobytes(), rows.astype(np.float16).tobytes())
                for key, vector, rows in zip(new_texts, vectors, sentences, strict=True)])
        for doc, start, end in group:
            write_piece(connection, doc, start, end)
        bump_generation(connection)
        connection.execute("COMMIT")
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    have.update(new_texts)
    return len(new_texts)


def _embedding_input(title: str, section: str | None, text: str
                     ) -> tuple[str, list[tuple[int, int]]]:
    """What the model reads of a passage, and where each of its sentences stands in that."""
    passage = embed.passage_input(title, section, text)
    head = len(passage) - len(text)  # the text stands after its context
    return passage, [(sentence.start + head, sentence.end + head)
                     for sentence in split_sentences(text)]


def _fill_sentences(connection: sqlite3.Connection, settings: Settings) -> int:
    """Passages embedded before their sentences had vectors (schema 4) get them, a group per
    transaction: one more pass through the model, once, on the first ingest after the upgrade."""
    rows = connection.execute(
        "SELECT v.text_hash, d.title, p.section, p.text FROM vectors v JOIN passages p ON "
        "p.text_hash = v.text_hash JOIN documents d ON d.id = p.document "
        "WHERE v.sentences IS NULL GROUP BY v.text_hash").fetchall()
    for first in range(0, len(rows), settings.embed_group):
        group = rows[first:first + settings.embed_group]
        inputs = [_embedding_input(row[1], row[2], row[3]) for row in group]
        _, sentences = embed.encode_passages([text for text, _ in inputs],
                                             [spans for _, spans in inputs],
                                             settings.embed_batch_size, settings.model_name)
        connection.execute("BEGIN IMMEDIATE")
        try:
            connection.executemany("UPDATE vectors SET sentences = ? WHERE text_hash = ?", [
                (found.astype(np.float16).tobytes(), row[0])
                for row, found in zip(group, sentences, strict=True)])
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
    return len(rows)

