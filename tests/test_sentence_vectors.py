"""Sentence vectors: ingest stores the vector of every text check reads of a passage, so a
check encodes only its claim and reaches the verdict it reaches encoding them afresh."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest
from tests.test_ingest import write_small_corpus

from kb import KnowledgeBase, embed
from kb.claims import READINGS, model_texts
from kb.document_rows import text_hash
from kb.evaluate import load_cases
from kb.readings import readings

EVAL = Path(__file__).resolve().parent / "eval"
CORPUS = EVAL.parent.parent / "corpus"


def _passage_texts(kb: KnowledgeBase) -> list[str]:
    return [row[0] for row in kb.connection.execute("SELECT text FROM passages")]


def test_a_sentence_is_read_with_the_one_it_leans_on_and_an_item_with_its_lead_in() -> None:
    text = ("The panel met twice. They agreed three actions. Leaders should:\n"
            "• check that staff were trained\n• audit the referrals")
    read = {r.sentence: r for r in readings(text)}
    assert read["They agreed three actions."].text == \
        "The panel met twice. They agreed three actions."
    assert read["The panel met twice."].text == "The panel met twice."
    assert read["• audit the referrals"].text == "Leaders should: • audit the referrals"
    texts = model_texts(text)
    # an item is read alone too, and each text is given once
    assert "• audit the referrals" in texts and len(texts) == len(set(texts))


def test_a_sentence_opening_on_the_thing_the_one_before_names_leans_on_it() -> None:
    text = ("Parents and two teachers formed a reading group in the spring. The group met "
            "weekly in the library. The hall was booked for the summer fair.")
    read = {r.sentence: r for r in readings(text)}
    # "The group" is the reading group the sentence before formed
    assert read["The group met weekly in the library."].text.startswith("Parents and two")
    # "The hall" names nothing the sentence before did: it stands alone
    assert read["The hall was booked for the summer fair."].text == \
        "The hall was booked for the summer fair."


def test_ingest_stores_every_text_check_reads_and_its_vector_is_the_models(
        tmp_path: Path) -> None:
    corpus = write_small_corpus(tmp_path / "corpus", 3)
    with KnowledgeBase.open(tmp_path / "index") as kb:
        kb.ingest([corpus])
        wanted = [t for body in _passage_texts(kb) for t in model_texts(body)]
        stored = kb.engine.sentence_vectors(wanted)
        assert set(stored) == set(wanted)
        sample = list(dict.fromkeys(wanted))[:8]
        fresh = embed.encode(sample, interactive=True)
    for text, vector in zip(sample, fresh, strict=True):
        # float16 storage: the same direction to well within what any threshold can tell
        assert float(stored[text] @ vector) > 0.999


def test_a_check_on_a_library_read_for_its_sentences_encodes_only_the_claim(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = write_small_corpus(tmp_path / "corpus", 3)
    with KnowledgeBase.open(tmp_path / "index") as kb:
        kb.ingest([corpus])
        claim = "Practitioners reflected on fathers and male carers in case 0."
        kb.check(claim)  # warm: the model and the vocabulary are loaded
        given: list[list[str]] = []
        real_encode = embed.encode
        monkeypatch.setattr(embed, "encode", lambda texts, *a, **k: (
            given.append(list(texts)), real_encode(texts, *a, **k))[1])
        verdict = kb.check(claim)
    assert verdict.evidence
    assert given and all(texts == [claim] for texts in given)


def test_a_library_read_for_its_sentences_checks_as_one_that_encodes_them_afresh(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The demo set's claims on the demo library, with its sentence vectors and with them gone
    (as a library from before them is): the same verdicts and evidence. In float32: there a
    fresh vector given as stored (`embed.as_stored`) scores as the stored one to the sixth
    decimal. bfloat16's reading moves with the batch a text is encoded in (the fourth
    decimal), so a sentence that close to a threshold may come and go between the two."""
    monkeypatch.setenv("KB_EMBED_PRECISION", "float32")
    embed.precision.cache_clear()
    try:
        with KnowledgeBase.open(tmp_path / "library") as kb:
            kb.ingest([CORPUS])
            assert kb.connection.execute("SELECT count(*) FROM sentence_vectors").fetchone()[0]
            claims = [case["claim"] for case in load_cases(EVAL / "check.jsonl")]
            stored = [kb.check(claim).to_dict() for claim in claims]
            kb.connection.execute("DELETE FROM sentence_vectors")
            fresh = [kb.check(claim).to_dict() for claim in claims]
    finally:
        embed.precision.cache_clear()
    for ours, theirs in zip(stored, fresh, strict=True):
        assert ours["verdict"] == theirs["verdict"], ours["claim"]
        assert [(e["doc_id"], e["page"], e["quote"]) for e in ours["evidence"]] == \
            [(e["doc_id"], e["page"], e["quote"]) for e in theirs["evidence"]], ours["claim"]


def test_a_fresh_vector_of_a_library_text_is_given_as_the_library_stores_it() -> None:
    """A text the library keeps, missing from the store, reads as its stored vector would;
    a claim is read as the model gives it."""
    texts = ["Fathers were not always invited to the conference.", "The panel met twice."]
    model = embed.encode(texts, interactive=True)
    given = embed.encode_known(texts, {}, kept=texts[1:])
    assert np.array_equal(given[0], model[0])
    stored_form = np.frombuffer(model[1].astype(np.float16).tobytes(), dtype=np.float16)
    assert np.array_equal(given[1], embed.as_stored(stored_form))
    assert not np.array_equal(given[1], model[1])  # float16 moved it


def test_a_fill_cut_short_leaves_the_library_whole_and_the_next_ingest_finishes_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = write_small_corpus(tmp_path / "corpus", 6)
    monkeypatch.setenv("KB_EMBED_GROUP", "2")
    calls = [0]
    real_encode = embed.encode

    def fails_on_the_second_group(texts, *args, **options):  # type: ignore[no-untyped-def]
        if not options.get("interactive"):  # the fill's; the passages are read already
            calls[0] += 1
        if calls[0] == 2:
            raise RuntimeError("killed")
        return real_encode(texts, *args, **options)

    with KnowledgeBase.open(tmp_path / "index") as kb:
        documents = kb.ingest([corpus]).documents
        kb.connection.execute("DELETE FROM sentence_vectors")  # as a library from before them
        monkeypatch.setattr(embed, "encode", fails_on_the_second_group)
        with pytest.raises(RuntimeError):
            kb.ingest([corpus])
        filled = kb.connection.execute(
            "SELECT count(DISTINCT passage_hash) FROM sentence_vectors").fetchone()[0]
        assert 0 < filled < kb.connection.execute(
            "SELECT count(DISTINCT text_hash) FROM passages").fetchone()[0]
        assert len(kb.documents()) == documents and kb.search("fathers").results
        monkeypatch.setattr(embed, "encode", real_encode)
        kb.ingest([corpus])
        wanted = [t for body in _passage_texts(kb) for t in model_texts(body)]
        assert set(kb.engine.sentence_vectors(wanted)) == set(wanted)


def test_a_library_read_another_way_has_its_new_texts_read_at_the_next_ingest(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A library whose sentences an older kb read (its `readings` named otherwise) lacks
    texts this kb gives the model; the next ingest reads every passage again and encodes
    only those."""
    corpus = write_small_corpus(tmp_path / "corpus", 3)
    with KnowledgeBase.open(tmp_path / "index") as kb:
        kb.ingest([corpus])
        wanted = list(dict.fromkeys(t for body in _passage_texts(kb) for t in model_texts(body)))
        lost = wanted[1]  # a text the older reading did not give, its passage's others kept
        kb.connection.execute("DELETE FROM sentence_vectors WHERE text_hash = ?",
                              (text_hash(lost),))
        kb.connection.execute("UPDATE meta SET value = 'older' WHERE key = 'readings'")
        given: list[str] = []
        real_encode = embed.encode
        monkeypatch.setattr(embed, "encode", lambda texts, *a, **k: (
            given.extend(texts), real_encode(texts, *a, **k))[1])
        kb.ingest([corpus])
        assert set(kb.engine.sentence_vectors(wanted)) == set(wanted)
        assert given == [lost]
        readings = kb.connection.execute(
            "SELECT value FROM meta WHERE key = 'readings'").fetchone()[0]
    assert readings == READINGS


def test_a_removed_document_takes_its_sentence_vectors_with_it(tmp_path: Path) -> None:
    corpus = write_small_corpus(tmp_path / "corpus", 3)
    with KnowledgeBase.open(tmp_path / "index") as kb:
        kb.ingest([corpus])
        count = "SELECT count(*) FROM sentence_vectors"
        before = kb.connection.execute(count).fetchone()[0]
        (corpus / "note-2.txt").unlink()
        kb.ingest([corpus])
        after = kb.connection.execute(count).fetchone()[0]
        orphans = kb.connection.execute(
            "SELECT count(*) FROM sentence_vectors WHERE passage_hash NOT IN "
            "(SELECT text_hash FROM passages)").fetchone()[0]
        again = kb.ingest([corpus])
    assert 0 < after < before and orphans == 0
    assert again.embedded == 0


def test_vectors_stored_as_float16_come_back_as_unit_vectors(tmp_path: Path) -> None:
    corpus = write_small_corpus(tmp_path / "corpus", 1)
    with KnowledgeBase.open(tmp_path / "index") as kb:
        kb.ingest([corpus])
        texts = model_texts(_passage_texts(kb)[0])
        vectors = np.stack(list(kb.engine.sentence_vectors(texts).values()))
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_reuse_reads_the_librarys_sentences_from_the_store_and_finds_what_it_found_before(
        corpus_index: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    index = tmp_path / "library"
    shutil.copytree(corpus_index, index)
    draft = (EVAL / "draft.md").read_text(encoding="utf-8")
    given: list[str] = []
    real_encode = embed.encode
    monkeypatch.setattr(embed, "encode", lambda texts, *a, **k: (
        given.extend(texts), real_encode(texts, *a, **k))[1])
    with KnowledgeBase.open(index) as kb:
        stored = kb.reuse(draft).to_dict()["paragraphs"]
        from_store = len(given)
        kb.connection.execute("DELETE FROM sentence_vectors")
        given.clear()
        fresh = kb.reuse(draft).to_dict()["paragraphs"]
    assert from_store < len(given)  # fewer texts through the model
    for ours, theirs in zip(stored, fresh, strict=True):
        assert ours["kind"] == theirs["kind"]
        assert abs(ours["similarity"] - theirs["similarity"]) < 1e-3
        assert (ours["source"] or {}).get("page") == (theirs["source"] or {}).get("page")
