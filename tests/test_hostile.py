"""Hostile and damaged files, each made by the test: refused or read, and the reason named."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import threading
import zipfile
from pathlib import Path

import pytest
from tests.documents import make_docx

from kb import KnowledgeBase, Settings
from kb.errors import DamagedIndex, UnreadableFile
from kb.extract import read_file
from kb.ingest import parse_files

BOMB_MB = 550


def make_zip_bomb(path: Path, inflated_mb: int = BOMB_MB) -> Path:
    """A real DOCX whose document.xml inflates to `inflated_mb` MB (about 0.5 MB on disk)."""
    source = make_docx(path.with_name("plain.docx"), "Minutes", ["The panel met."])
    with zipfile.ZipFile(source) as plain, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED,
                                                           compresslevel=9) as bomb:
        for entry in plain.infolist():
            if entry.filename != "word/document.xml":
                bomb.writestr(entry, plain.read(entry))
        with bomb.open("word/document.xml", "w", force_zip64=True) as stream:
            stream.write(b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxml'
                         b'formats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>')
            block = b"A" * (1 << 20)
            for _ in range(inflated_mb):
                stream.write(block)
            stream.write(b"</w:t></w:r></w:p></w:body></w:document>")
    return path


def test_a_docx_zip_bomb_is_refused_before_parsing_with_flat_memory(tmp_path: Path) -> None:
    bomb = make_zip_bomb(tmp_path / "minutes.docx")
    assert bomb.stat().st_size < 5_000_000
    # read in a fresh process, so its peak resident memory is the bomb's alone: VmHWM starts
    # anew with the process image, where ru_maxrss keeps the parent's peak across exec
    code = ("import re, sys\nfrom pathlib import Path\nfrom kb.extract import read_file\n"
            "from kb.errors import UnreadableFile\ntry:\n    read_file(Path(sys.argv[1]))\n"
            "except UnreadableFile as error:\n    print(error)\n"
            "status = Path('/proc/self/status').read_text()\n"
            "print(int(re.search(r'VmHWM:\\s+(\\d+)', status).group(1)) // 1024)")
    done = subprocess.run([sys.executable, "-c", code, str(bomb)], capture_output=True,
                          text=True, timeout=300)
    message, peak_mb = done.stdout.strip().splitlines()
    assert "zip bomb" in message and "minutes.docx" in message
    assert int(peak_mb) < 1024, f"peak {peak_mb} MB"
    with KnowledgeBase.open(tmp_path / "index") as kb:
        report = kb.ingest([bomb])
    assert report.documents == 0 and "zip bomb" in report.failed[0].error


def test_a_docx_of_too_many_parts_is_refused(tmp_path: Path) -> None:
    crowded = tmp_path / "crowded.docx"
    with zipfile.ZipFile(make_docx(tmp_path / "p.docx", "Minutes", ["Met."])) as plain, \
            zipfile.ZipFile(crowded, "w") as archive:
        for entry in plain.infolist():
            archive.writestr(entry, plain.read(entry))
        for number in range(2_100):
            archive.writestr(f"padding/part{number}.xml", "<a/>")
    with pytest.raises(UnreadableFile, match=r"DOCX with \d+ parts, over the limit of 2000"):
        read_file(crowded)


def test_utf16_with_a_bom_is_read_as_text(tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_bytes("Learning note\n\nFathers must be seen, café and all.\n".encode("utf-16"))
    assert "Fathers must be seen, café and all." in read_file(note).pages[0]


def test_a_stray_nul_in_markdown_is_dropped_not_refused(tmp_path: Path) -> None:
    note = tmp_path / "strategy.md"
    note.write_bytes(b"# Neglect strategy\n\nEarly help comes\x00 first.\n")
    assert read_file(note).pages[0] == "Neglect strategy\nEarly help comes first."


def test_mostly_utf8_with_one_bad_byte_keeps_its_utf8(tmp_path: Path) -> None:
    note = tmp_path / "visit.txt"
    note.write_bytes("Met at the café near the school \u2013 a safe space.\n".encode()
                     + b"One bad byte: \xff here.\n")
    text = read_file(note).pages[0]
    assert "café" in text and "\u2013" in text and "Ã" not in text
    assert "One bad byte: \ufffd here." in text


def test_cp1252_text_is_still_read_as_cp1252(tmp_path: Path) -> None:
    note = tmp_path / "old.txt"
    note.write_bytes("Caf\u00e9 meetings \u2013 held monthly.\n".encode("cp1252"))
    assert read_file(note).pages[0] == "Caf\u00e9 meetings \u2013 held monthly."


def test_binary_data_is_still_refused(tmp_path: Path) -> None:
    blob = tmp_path / "blob.txt"
    blob.write_bytes(bytes(range(256)) * 64)
    with pytest.raises(UnreadableFile, match="binary data"):
        read_file(blob)


def test_text_in_divs_is_kept_in_its_place(tmp_path: Path) -> None:
    page = tmp_path / "minutes.html"
    page.write_text("<html><body><h1>Minutes</h1><div>The panel agreed <b>three</b> actions."
                    "</div><p>Next meeting in May.</p><section>Chair: Ms Okafor<div>Apologies"
                    " from police.</div></section><!-- not shown --><script>x()</script>"
                    "</body></html>")
    assert read_file(page).pages[0].split("\n") == [
        "Minutes", "The panel agreed three actions.", "Next meeting in May.",
        "Chair: Ms Okafor", "Apologies from police."]


def make_looping_pdf(path: Path) -> Path:
    """One real page, and a page tree whose Pages node lists itself as a kid."""
    text = b"BT /F1 12 Tf 72 720 Td (The panel met four times in 2021-22.) Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 2 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(text) + text + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    data = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(data))
        data += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    start = len(data)
    data += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    data += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    data += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, start)
    path.write_bytes(bytes(data))
    return path


def test_a_looping_pdf_page_tree_is_named_as_damage(tmp_path: Path) -> None:
    pdf = make_looping_pdf(tmp_path / "loop.pdf")
    with pytest.raises(UnreadableFile, match="damaged PDF, page 2 of 2 cannot be loaded"):
        read_file(pdf)


def test_a_parse_worker_over_its_memory_ceiling_fails_alone(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text(("Fathers and male carers were seen at home visits. " * 20 + "\n\n") * 20_000)
    small = tmp_path / "small.txt"
    small.write_text("Learning note\n\nFathers must be seen.\n")
    settings = Settings.load(parse_memory_mb=200, parse_timeout_s=120)
    outcomes = dict(parse_files([big, small], settings))
    assert isinstance(outcomes[big], UnreadableFile)
    assert "needs over 200 MB to parse" in str(outcomes[big])
    assert not isinstance(outcomes[small], Exception)


def test_ingest_from_a_busy_threaded_server_never_hangs(tmp_path: Path) -> None:
    """Parse workers come from a forkserver: a lock another thread holds (here the logging
    lock, taken over and over) is never copied into a worker in its locked state."""
    docs = tmp_path / "docs"
    docs.mkdir()
    for number in range(4):
        (docs / f"note{number}.txt").write_text(f"Note {number}\n\nFathers were seen {number}.")
    stop = threading.Event()
    logger = logging.getLogger("kb.test.busy")
    logger.addHandler(logging.NullHandler())

    def busy() -> None:
        while not stop.is_set():
            logger.warning("busy")

    threads = [threading.Thread(target=busy, daemon=True) for _ in range(3)]
    for thread in threads:
        thread.start()
    finished: list[int] = []

    def upload() -> None:
        with KnowledgeBase.open(tmp_path / "index") as kb:
            for _ in range(3):
                (docs / "note0.txt").write_text(f"Note 0\n\nChanged {len(finished)}.")
                kb.ingest([docs])
                finished.append(1)

    worker = threading.Thread(target=upload, daemon=True)
    worker.start()
    worker.join(timeout=240)
    stop.set()
    assert len(finished) == 3


def test_a_damaged_faiss_file_is_rebuilt_with_a_notice(tmp_path: Path,
                                                       caplog: pytest.LogCaptureFixture) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("Report\n\nFathers and male carers were seen at home.")
    index = tmp_path / "index"
    with KnowledgeBase.open(index) as kb:
        kb.ingest([docs])
        before = [h.passage_id for h in kb.search("fathers", mode="semantic").results]
    for damage in (b"garbage" * 10, (index / "vectors.faiss").read_bytes()[:100]):
        (index / "vectors.faiss").write_bytes(damage)
        caplog.clear()
        with caplog.at_level(logging.WARNING, logger="kb"), KnowledgeBase.open(index) as kb:
            assert [h.passage_id for h in kb.search("fathers", mode="semantic").results] == before
        assert [r.getMessage().count("\n") for r in caplog.records] == [0]
        assert "damaged" in caplog.records[0].getMessage()


def test_a_damaged_database_is_named_with_what_to_do(tmp_path: Path) -> None:
    index = tmp_path / "index"
    with KnowledgeBase.open(index):
        pass
    (index / "kb.sqlite").write_bytes(b"this is not a database" * 100)
    with pytest.raises(DamagedIndex, match="kb.sqlite is damaged") as raised:
        KnowledgeBase.open(index)
    assert "kb backup" in str(raised.value) and "\n" not in str(raised.value)
    done = subprocess.run([sys.executable, "-m", "kb.cli", "docs", "--index", str(index),
                           "--json"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 1 and done.stderr.count("\n") == 1 and "Traceback" not in done.stderr


def test_a_long_document_is_committed_in_groups_and_reports_progress(tmp_path: Path) -> None:
    long = tmp_path / "long.txt"
    paragraphs = [f"Paragraph {n}: fathers were seen at visit number {n} of the year, and the"
                  f" social worker recorded case note {n * 7} with care." for n in range(600)]
    long.write_text("Long report\n\n" + "\n\n".join(paragraphs))
    done = subprocess.run(
        [sys.executable, "-m", "kb.cli", "ingest", str(long), "--index", str(tmp_path / "i"),
         "--json", "--progress", "json"], capture_output=True, text=True, timeout=600,
        env={**os.environ, "KB_EMBED_GROUP": "32"})
    assert done.returncode == 0, done.stderr
    steps = [json.loads(line)["progress"] for line in done.stderr.splitlines()]
    stored = [s["message"] for s in steps if "passages stored" in s["message"]]
    assert len(stored) >= 2 and stored[-1].startswith("long.txt:")
    with KnowledgeBase.open(tmp_path / "i") as kb:
        generation = int(kb.connection.execute(
            "SELECT value FROM meta WHERE key = 'generation'").fetchone()[0])
        assert generation == len(stored)  # one commit per group
        assert kb.documents()[0].content_hash != "partial"


def test_searches_from_another_process_see_no_error_during_an_ingest(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "first.txt").write_text("First\n\nFathers and male carers were seen at home.")
    index = tmp_path / "index"
    with KnowledgeBase.open(index) as kb:
        kb.ingest([docs])
    for number in range(6):
        (docs / f"report{number}.txt").write_text(f"Report {number}\n\n" + "\n\n".join(
            f"Paragraph {n}: neglect and early help for family {n} in report {number}, with "
            "fathers seen and the voice of the child recorded." for n in range(40)))
    ingest = subprocess.Popen(
        [sys.executable, "-m", "kb.cli", "ingest", str(docs), "--index", str(index), "--json"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "KB_EMBED_GROUP": "16", "KB_SERVICE": "off"})
    errors: list[str] = []
    searches = 0
    with KnowledgeBase.open(index) as kb:
        while ingest.poll() is None or searches < 20:
            try:
                kb.search("fathers neglect", k=5)
            except Exception as error:  # noqa: BLE001 - any error at all fails the test
                errors.append(repr(error))
            searches += 1
        final = kb.search("early help family", k=5, mode="keyword")
    assert ingest.wait(60) == 0, ingest.stderr.read() if ingest.stderr else ""
    assert errors == [] and searches > 20
    assert final.results and final.results[0].doc_id.startswith("report")


def test_a_long_document_interrupted_keeps_its_committed_groups(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from kb import embed

    long = tmp_path / "long.txt"
    long.write_text("Long report\n\n" + "\n\n".join(
        f"Paragraph {n}: the panel reviewed case {n} and saw father {n} at home, recording "
        f"outcome {n * 3} for the child." for n in range(1000)))
    real_encode, calls = embed.encode_passages, []

    def failing_encode(texts: list[str], *args: object, **kwargs: object) -> object:
        # ingest embeds each group of passages (with their sentences) in one call
        calls.append(len(texts))
        if len(calls) == 3:
            raise KeyboardInterrupt  # as a kill would, in the middle of the third group
        return real_encode(texts, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(embed, "encode_passages", failing_encode)
    settings = Settings.load(embed_group=32, index_dir=tmp_path / "index")
    with KnowledgeBase.open(settings=settings) as kb, pytest.raises(KeyboardInterrupt):
        kb.ingest([long])
    with KnowledgeBase.open(settings=settings) as kb:
        stored = kb.connection.execute("SELECT count(*) FROM passages").fetchone()[0]
        assert stored == 64  # two groups of 32 passages
        assert kb.documents()[0].content_hash == "partial"
        monkeypatch.setattr(embed, "encode_passages", real_encode)
        report = kb.ingest([long])
        total = kb.connection.execute("SELECT count(*) FROM passages").fetchone()[0]
        assert report.updated == [str(long)] and report.embedded == total - 64
        assert kb.documents()[0].content_hash != "partial"


def test_an_open_library_follows_another_process_commits_without_a_rebuild(
        tmp_path: Path) -> None:
    """Between an ingest's commits a searcher updates its FAISS index with what changed only;
    it then holds exactly what a rebuild from SQLite would (ids may be reused)."""
    import faiss
    import numpy as np

    from kb.vectors import VectorIndex

    docs = tmp_path / "docs"
    docs.mkdir()
    for name in ("a", "b", "c"):
        (docs / f"{name}.txt").write_text(f"Report {name}\n\nFathers were seen in area {name}.")
    index = tmp_path / "index"
    with KnowledgeBase.open(index) as searcher:
        searcher.ingest([docs])
        searcher.search("fathers", mode="semantic")
        with KnowledgeBase.open(index) as writer:
            (docs / "c.txt").unlink()  # the highest ids go, and are given out again
            (docs / "d.txt").write_text("Report d\n\nNeglect and early help in area d.")
            (docs / "a.txt").write_text("Report a\n\nMale carers were invisible in area a.")
            writer.ingest([docs])
        searcher.search("fathers", mode="semantic")
        held = searcher.engine.vectors._index
        rebuilt = VectorIndex(index, searcher.settings.dimension)._build(searcher.connection)
        held_ids = sorted(faiss.vector_to_array(held.id_map).tolist())
        rebuilt_ids = sorted(faiss.vector_to_array(rebuilt.id_map).tolist())
        assert held_ids == rebuilt_ids
        for pid in rebuilt_ids:
            assert np.allclose(held.reconstruct(pid), rebuilt.reconstruct(pid))
