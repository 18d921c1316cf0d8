"""kb themes on the demo library: counts per period and type, with the passages behind them."""

from __future__ import annotations

import pytest

from kb import KnowledgeBase
from kb.errors import InvalidInput


def test_themes_count_distinct_passages_per_period_and_type(library: KnowledgeBase) -> None:
    report = library.themes(["neglect", "was not brought"])
    for theme in report.themes:
        ids = [p.passage_id for p in theme.passages]
        assert len(ids) == len(set(ids)) == theme.total > 0
        assert sum(theme.by_period.values()) == sum(theme.by_type.values()) == theme.total
    assert set(report.periods) >= set(report.themes[0].by_period) - {"undated"}


def test_themes_count_a_phrase_not_its_words(library: KnowledgeBase) -> None:
    phrase = library.themes(["was not brought"]).themes[0]
    assert all("not brought" in " ".join(p.text.lower().split()) for p in phrase.passages)


def test_themes_expand_acronyms(library: KnowledgeBase) -> None:
    short, long = library.themes(["LADO", "local authority designated officer"]).themes
    assert short.total >= long.total > 0
    assert "designated officer" in short.searched.lower()


def test_themes_json_has_a_count_and_passages_per_term(library: KnowledgeBase) -> None:
    data = library.themes(["fathers"]).to_dict()
    assert set(data) >= {"themes", "periods", "took_ms"}
    theme = data["themes"][0]
    assert set(theme) >= {"term", "searched", "total", "by_period", "by_type", "passages"}
    assert len(theme["passages"]) == theme["total"]


def test_themes_need_a_term(library: KnowledgeBase) -> None:
    with pytest.raises(InvalidInput):
        library.themes([" "])
