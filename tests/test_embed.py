"""The embedding model is a setting: it fixes the vectors' length and the index remembers it."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from kb import KnowledgeBase, embed
from kb.errors import IndexMismatch, InvalidInput
from kb.sentences import split_sentences
from kb.settings import MODEL_NAME, Settings

MPNET = "all-mpnet-base-v2"


def test_the_dimension_follows_the_model(monkeypatch: pytest.MonkeyPatch) -> None:
    assert Settings.load().model_name == MODEL_NAME and Settings.load().dimension == 384
    assert Settings.load(model_name=MPNET).dimension == 768
    monkeypatch.setenv("KB_MODEL_NAME", MPNET)
    assert Settings.load().dimension == 768


def test_a_model_kb_cannot_load_is_refused_with_the_ones_it_can() -> None:
    with pytest.raises(InvalidInput, match=f"one of {MODEL_NAME}, {MPNET}"):
        Settings.load(model_name="text-embedding-3-large")


def test_an_index_built_with_one_model_refuses_another_and_says_what_to_do(tmp_path: Path
                                                                            ) -> None:
    index = tmp_path / "index"
    KnowledgeBase.open(index).close()  # the manifest is checked before any model loads
    with pytest.raises(IndexMismatch) as refused:
        KnowledgeBase.open(index, Settings.load(model_name=MPNET))
    message = str(refused.value)
    assert f"built with embedding model {MODEL_NAME!r}" in message and repr(MPNET) in message
    assert f"KB_MODEL_NAME={MODEL_NAME}" in message and "run `kb ingest` again" in message
    manifest = json.loads((index / "manifest.json").read_text())
    assert manifest["embedding_model"] == MODEL_NAME  # the refusal rewrote nothing


def test_an_index_built_with_mpnet_refuses_the_default_model(tmp_path: Path) -> None:
    index = tmp_path / "index"
    index.mkdir()
    manifest = {"format": "kb-index", "schema_version": 1, "embedding_model": MPNET,
                "dimension": 768}
    (index / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(IndexMismatch, match=f"KB_MODEL_NAME={MPNET}"):
        KnowledgeBase.open(index)


@pytest.fixture
def fresh_precision(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """precision() is read once per process: each test here reads it afresh, and after."""
    embed.precision.cache_clear()
    yield monkeypatch
    embed.precision.cache_clear()


def test_auto_precision_is_bfloat16_only_where_the_processor_computes_it(
        fresh_precision: pytest.MonkeyPatch) -> None:
    fresh_precision.delenv("KB_EMBED_PRECISION", raising=False)
    fresh_precision.setattr(embed, "_cpu_flags", lambda: {"sse4_2", "avx2", "avx512f"})
    assert embed.precision() == "float32"
    embed.precision.cache_clear()
    fresh_precision.setattr(embed, "_cpu_flags", lambda: {"avx2", "avx512_bf16"})
    assert embed.precision() == "bfloat16"


def test_an_asked_precision_wins_and_an_unknown_one_is_refused_by_name(
        fresh_precision: pytest.MonkeyPatch) -> None:
    fresh_precision.setattr(embed, "_cpu_flags", lambda: {"amx_bf16"})
    fresh_precision.setenv("KB_EMBED_PRECISION", "float32")
    assert embed.precision() == "float32"
    embed.precision.cache_clear()
    fresh_precision.setenv("KB_EMBED_PRECISION", "half")
    with pytest.raises(InvalidInput, match="KB_EMBED_PRECISION='half'.*auto, float32, bfloat16"):
        embed.precision()


def test_bfloat16_vectors_point_where_float32_ones_do(
        fresh_precision: pytest.MonkeyPatch) -> None:
    texts = ["The partnership held eight rapid reviews in the year.",
             "Health visitors saw every family within ten days of the birth.",
             "Fathers were not always invited to the child protection conference."]
    fresh_precision.setenv("KB_EMBED_PRECISION", "float32")
    exact = embed.encode(texts)
    embed.precision.cache_clear()
    fresh_precision.setenv("KB_EMBED_PRECISION", "bfloat16")
    fast = embed.encode(texts, interactive=True)
    assert np.all((exact * fast).sum(axis=1) > 0.999)
    # and the ranking of the texts against one another is the same
    assert np.array_equal(np.argsort(exact @ exact[0]), np.argsort(fast @ fast[0]))


def test_interactive_sentences_run_on_a_bfloat16_copy_that_gives_autocasts_vectors(
        fresh_precision: pytest.MonkeyPatch) -> None:
    import torch

    texts = ["The panel met every month to read the rapid reviews.",
             "A school must tell the local authority when a pupil leaves.",
             "Young carers were offered an assessment of their own needs.",
             "The designated nurse chairs the health subgroup."]
    fresh_precision.setenv("KB_EMBED_PRECISION", "bfloat16")
    model = embed.load_model()
    with torch.autocast("cpu", dtype=torch.bfloat16):
        cast_each_call = model.encode(texts, batch_size=4, normalize_embeddings=True)
    assert np.array_equal(embed.encode(texts, interactive=True), cast_each_call)
    copy = embed._held_in_bfloat16(MODEL_NAME)
    assert copy is not model and embed.load_model() is model
    linear = [m for m in copy.modules() if isinstance(m, torch.nn.Linear)]
    assert linear and all(m.weight.dtype == torch.bfloat16 for m in linear)
    # the model that embeds passages and queries keeps its float32 weights
    assert all(m.weight.dtype == torch.float32 for m in model.modules()
               if isinstance(m, torch.nn.Linear))


# Written for these tests: three sentences on unrelated matters in one passage.
SPREAD = ("Annual report > Our work\nThe partnership trained 400 staff in the autumn term. "
          "Each looked-after child under five has a health review every six months. "
          "Our budget is shared by the three safeguarding partners.")


def _spans(text: str) -> list[tuple[int, int]]:
    head = text.index("\n") + 1
    return [(head + s.start, head + s.end) for s in split_sentences(text[head:])]


def test_passages_encode_as_before_with_one_vector_per_sentence() -> None:
    vectors, sentences = embed.encode_passages([SPREAD, "  Title\nOne line."],
                                               [_spans(SPREAD), [(8, 17)]])
    assert np.abs(vectors - embed.encode([SPREAD, "  Title\nOne line."])).max() < 1e-4
    assert [len(rows) for rows in sentences] == [3, 1]
    assert np.allclose(np.linalg.norm(sentences[0], axis=1), 1.0, atol=1e-4)


def test_a_question_about_one_sentence_is_nearer_it_than_the_whole_passage() -> None:
    vectors, sentences = embed.encode_passages([SPREAD], [_spans(SPREAD)])
    question = embed.encode_query("how often is a toddler in care's health looked at again")
    by_sentence = sentences[0] @ question
    assert int(np.argmax(by_sentence)) == 1
    assert by_sentence[1] > float(vectors[0] @ question) + 0.05


def test_a_sentence_past_the_models_window_gets_no_vector() -> None:
    text = "Title\n" + "word " * 400 + "A late sentence about fathers."
    start = text.index("A late")
    _, sentences = embed.encode_passages([text], [[(6, start - 1), (start, len(text))]])
    assert len(sentences[0]) == 1


def test_sentences_of_like_length_share_one_batch_and_a_long_one_stands_apart() -> None:
    # twelve short sentences and one long table row: the row would make each short one pay
    # for its length, so it goes alone; the short ones share one call
    lengths = [12, 14, 11, 13, 15, 12, 10, 14, 13, 12, 11, 15, 240]
    groups = embed.length_groups(lengths, call_cost=120)
    assert sorted(index for group in groups for index in group) == list(range(13))
    assert [12] in groups
    assert len(groups) == 2
    # a call that costs nothing beyond its tokens: every text alone wastes no padding
    assert len(embed.length_groups([5, 50, 500], call_cost=0)) == 3


def test_sentences_encoded_in_batches_of_like_length_keep_their_order(
        fresh_precision: pytest.MonkeyPatch) -> None:
    fresh_precision.setenv("KB_EMBED_PRECISION", "bfloat16")
    texts = ["Fathers were invited.",
             "The partnership's multi-agency audit of neglect cases found that in most of "
             "them the graded care profile had been used, though not always reviewed when "
             "the family's circumstances changed over the following months.",
             "Young carers were offered an assessment of their own needs.",
             "The designated nurse chairs the health subgroup."]
    together = embed.encode(texts, interactive=True)
    alone = np.vstack([embed.encode([text], interactive=True) for text in texts])
    assert np.all((together * alone).sum(axis=1) > 0.999)
