"""Ingest: incremental, durable under a kill, and honest about every bad file."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from tests.documents import PROSE, make_encrypted_pdf, make_image_only_pdf, make_pdf

from kb import IndexMismatch, IndexNotFound, KnowledgeBase, Settings

KB = [sys.executable, "-m", "kb.cli"]


def write_small_corpus(folder: Path, count: int = 3) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    topics = ["fathers and male carers", "neglect and the graded care profile",
              "missing children and return home interviews", "school exclusion and exploitation",
              "information sharing between health visitors and GPs", "mental health and CAMHS"]
    for number in range(count):
        topic = topics[number % len(topics)]
        (folder / f"note-{number}.txt").write_text(
            f"Learning note {number}: {topic}\n\n"
            + " ".join(f"Practitioners reflected on {topic} in case {number}, paragraph {p}."
                       for p in range(12)) + "\n")
    return folder


def test_ingest_then_unchanged_then_updated_then_removed(tmp_path: Path) -> None:
    corpus = write_small_corpus(tmp_path / "corpus")
    with KnowledgeBase.open(tmp_path / "index") as kb:
        first = kb.ingest([corpus])
        assert len(first.added) == 3 and first.passages >= 3 and not first.failed
        second = kb.ingest([corpus])
        assert len(second.unchanged) == 3 and second.embedded == 0
        (corpus / "note-1.txt").write_text("Learning note 1\n\nA wholly new text about LADO.\n")
        (corpus / "note-2.txt").unlink()
        third = kb.ingest([corpus])
        assert [Path(p).name for p in third.updated] == ["note-1.txt"]
        assert [Path(p).name for p in third.removed] == ["note-2.txt"]
        assert third.documents == 2
        hits = kb.search("LADO", mode="keyword").results
        assert hits and hits[0].path.endswith("note-1.txt")
        assert not kb.search("case 2, paragraph", mode="keyword").results or all(
            not h.path.endswith("note-2.txt") for h in kb.search("case 2", mode="keyword").results)


def test_files_are_read_smallest_first_and_reported_in_path_order(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    sizes = {"a-long.txt": 40, "b-short.txt": 2, "c-middle.txt": 12}
    for name, paragraphs in sizes.items():
        (corpus / name).write_text(f"Note {name}\n\n" + " ".join(
            f"The review panel met about {name} and case {p}." for p in range(paragraphs)))
    seen: list[str] = []
    with KnowledgeBase.open(tmp_path / "index") as kb:
        report = kb.ingest([corpus], progress=lambda done, total, name: seen.append(name))
    # the model waits for the first file read: the smallest is read first
    assert [name for name in seen if name in sizes] == ["b-short.txt", "c-middle.txt",
                                                        "a-long.txt"]
    assert [Path(path).name for path in report.added] == sorted(sizes)


def test_unchanged_library_is_skipped_without_loading_the_model(tmp_path: Path) -> None:
    corpus = write_small_corpus(tmp_path / "corpus", 2)
    index = tmp_path / "index"
    with KnowledgeBase.open(index) as kb:
        kb.ingest([corpus])
    script = ("import sys, kb; k = kb.KnowledgeBase.open(sys.argv[1]); "
              "r = k.ingest([sys.argv[2]]); "
              "print(len(r.unchanged), 'sentence_transformers' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", script, str(index), str(corpus)],
                         capture_output=True, text=True, check=True).stdout.split()
    assert out == ["2", "False"]


def test_a_library_from_before_sentence_vectors_gets_them_on_its_next_ingest(
        tmp_path: Path) -> None:
    corpus = write_small_corpus(tmp_path / "corpus", 2)
    with KnowledgeBase.open(tmp_path / "index") as kb:
        kb.ingest([corpus])
        before = dict(kb.connection.execute("SELECT text_hash, vector FROM vectors"))
        kb.connection.execute("UPDATE vectors SET sentences = NULL")  # as schema 3 left them
        report = kb.ingest([corpus])
        after = kb.connection.execute("SELECT text_hash, vector, sentences FROM vectors")
        rows = after.fetchall()
        again = kb.ingest([corpus])
    assert report.unchanged and report.embedded == len(before) == len(rows)
    assert all(row[2] for row in rows) and {row[0]: row[1] for row in rows} == before
    assert again.embedded == 0  # once filled, nothing more to do


def test_a_new_reader_has_the_next_ingest_read_every_file_again_without_embedding(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from kb import ingest as ingest_module

    corpus = write_small_corpus(tmp_path / "corpus", 3)
    with KnowledgeBase.open(tmp_path / "index") as kb:
        kb.ingest([corpus])
        monkeypatch.setattr(ingest_module, "READER", "a reader that reads tables another way")
        # a part of the library read again leaves the rest on the old reader: read it all
        part = kb.ingest([corpus / "note-0.txt"])
        whole = kb.ingest([corpus])
        after = kb.ingest([corpus])
    assert [Path(p).name for p in part.updated] == ["note-0.txt"]
    assert len(whole.updated) == 3 and whole.embedded == 0  # the same passages, the same vectors
    assert len(after.unchanged) == 3 and not after.updated


def test_identical_passages_are_embedded_once(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    text = "Shared paragraph\n\n" + "The same words about neglect appear in both files. " * 8
    (corpus / "a.txt").write_text(text)
    (corpus / "b.txt").write_text(text)
    with KnowledgeBase.open(tmp_path / "index") as kb:
        report = kb.ingest([corpus])
    assert report.passages == 2 and report.embedded == 1


def test_each_kind_of_bad_file_is_reported_and_the_rest_goes_on(tmp_path: Path) -> None:
    corpus = write_small_corpus(tmp_path / "corpus", 1)
    good_pdf = make_pdf(tmp_path / "good.pdf", [PROSE])
    make_encrypted_pdf(corpus / "locked.pdf", good_pdf)
    make_image_only_pdf(corpus / "scan.pdf")
    (corpus / "broken.pdf").write_bytes(b"%PDF-1.7\n garbage \x00\x01 not a pdf")
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "blank.md").write_text("   \n\n  \n")
    (corpus / "broken.docx").write_bytes(b"PK not a zip at all")
    (corpus / "huge.txt").write_text("word " * 300_000)
    settings = Settings.load(index_dir=tmp_path / "index", max_file_bytes=1_000_000)
    with KnowledgeBase.open(settings=settings) as kb:
        report = kb.ingest([corpus, tmp_path / "missing.pdf"])
    errors = {Path(f.path).name: f.error for f in report.failed}
    assert "encrypted" in errors["locked.pdf"]
    assert "no text layer, needs OCR" in errors["scan.pdf"]
    assert "corrupt" in errors["broken.pdf"]
    assert "empty" in errors["empty.txt"]
    assert "empty" in errors["blank.md"] or "no text" in errors["blank.md"]
    assert "corrupt" in errors["broken.docx"]
    assert "over the size limit" in errors["huge.txt"]
    assert "no such file" in errors["missing.pdf"]
    for name, error in errors.items():
        assert "\n" not in error and name in error
    assert [Path(p).name for p in report.added] == ["note-0.txt"]


def test_a_file_that_overruns_the_parse_time_limit_is_cut_off(tmp_path: Path) -> None:
    corpus = write_small_corpus(tmp_path / "corpus", 1)
    paragraph = "Words about neglect and exploitation in a very long plain text file. " * 40
    (corpus / "a-huge.txt").write_text((paragraph + "\n\n") * 5000)  # seconds of chunking
    settings = Settings.load(index_dir=tmp_path / "index", parse_timeout_s=0.5)
    with KnowledgeBase.open(settings=settings) as kb:
        report = kb.ingest([corpus])
    assert [Path(f.path).name for f in report.failed] == ["a-huge.txt"]
    assert "took over 0.5 s" in report.failed[0].error
    assert [Path(p).name for p in report.added] == ["note-0.txt"]


def test_bad_file_does_not_lose_what_the_library_had(tmp_path: Path) -> None:
    corpus = write_small_corpus(tmp_path / "corpus", 2)
    with KnowledgeBase.open(tmp_path / "index") as kb:
        kb.ingest([corpus])
        (corpus / "note-0.txt").write_bytes(b"\x00\x01\x02 binary now")
        report = kb.ingest([corpus])
        assert report.failed and "note-0.txt" in report.failed[0].error
        assert report.documents == 2  # the old version of note-0 stays searchable
        assert kb.search("fathers and male carers", mode="keyword").results


def test_manifest_describes_the_index_and_a_mismatch_is_refused(tmp_path: Path) -> None:
    index = tmp_path / "index"
    KnowledgeBase.open(index).close()
    manifest = json.loads((index / "manifest.json").read_text())
    assert manifest["embedding_model"] == "all-MiniLM-L6-v2" and manifest["dimension"] == 384
    manifest["embedding_model"] = "another-model"
    (index / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(IndexMismatch, match="run `kb ingest` again"):
        KnowledgeBase.open(index)


def test_opening_a_missing_index_for_reading_says_what_to_run(tmp_path: Path) -> None:
    with pytest.raises(IndexNotFound, match="run `kb ingest corpus/` first"):
        KnowledgeBase.open(tmp_path / "nowhere", create=False)


def test_faiss_file_is_rebuilt_when_missing_or_stale(tmp_path: Path) -> None:
    corpus = write_small_corpus(tmp_path / "corpus", 2)
    index = tmp_path / "index"
    with KnowledgeBase.open(index) as kb:
        kb.ingest([corpus])
        before = [h.passage_id for h in kb.search("fathers", mode="semantic").results]
    (index / "vectors.faiss").unlink()
    with KnowledgeBase.open(index) as kb:
        assert [h.passage_id for h in kb.search("fathers", mode="semantic").results] == before
    assert (index / "vectors.faiss").exists()


def _library_state(index: Path) -> tuple[int, int, int, int]:
    with sqlite3.connect(index / "kb.sqlite") as db:
        return tuple(db.execute(q).fetchone()[0] for q in (  # type: ignore[return-value]
            "SELECT count(*) FROM documents", "SELECT count(*) FROM passages",
            "SELECT count(*) FROM passages_fts",
            "SELECT count(*) FROM passages p JOIN vectors v ON v.text_hash = p.text_hash"))


def _documents_committed(index: Path) -> int:
    try:
        with sqlite3.connect(f"file:{index / 'kb.sqlite'}?mode=ro", uri=True, timeout=1) as db:
            return db.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.Error:
        return 0


@pytest.mark.slow
@pytest.mark.parametrize("when", ["while parsing", "after some commits"])
def test_a_killed_ingest_leaves_the_last_committed_library(tmp_path: Path, when: str) -> None:
    corpus = write_small_corpus(tmp_path / "corpus", 24)
    index = tmp_path / "index"
    env = {**os.environ, "KB_EMBED_GROUP": "4", "KB_INDEX": str(index)}
    process = subprocess.Popen([*KB, "ingest", str(corpus), "--json"], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    if when == "while parsing":
        time.sleep(1.0)
    else:
        while _documents_committed(index) < 5 and time.monotonic() < deadline:
            time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()
    documents, passages, fts, with_vectors = _library_state(index) if (
        index / "kb.sqlite").exists() else (0, 0, 0, 0)
    assert documents < 24
    assert passages == fts == with_vectors  # every committed passage is whole
    with KnowledgeBase.open(index) as kb:
        assert len(kb.documents()) == documents
        if documents:
            assert kb.search("practitioners reflected", mode="hybrid").results
        report = kb.ingest([corpus])
    assert report.documents == 24 and len(report.unchanged) == documents
