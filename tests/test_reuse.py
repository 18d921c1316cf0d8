"""kb reuse on the demo library: each kind of paragraph, its source, changes and stale figures."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kb import KnowledgeBase
from kb.errors import UnreadableFile
from kb.numbers import find_figures, values_figures
from kb.reuse import read_draft, split_paragraphs

PARAPHRASE = ("Every time Jay went missing it was dealt with as a separate incident. The "
              "interviews on his return were late or never happened, and what was learned did "
              "not get to the police or his social worker quickly enough to break the pattern.")
NEW = ("This year the partnership agreed a housing protocol with the district councils so that "
       "families placed in temporary accommodation out of the borough are known to local "
       "health visitors and schools within a week of moving.")


def a_line_with_a_figure(library: KnowledgeBase) -> str:
    for passage in library.document_passages("annual-report-2021-22"):
        for line in passage.text.split("\n"):
            figures = [f for f in values_figures(find_figures(line)) if f.kind == "count"
                       and f.value >= 100]
            if len(line.split()) >= 20 and figures:
                return line
    raise AssertionError("the 2021-22 report has no sentence with a count")


@pytest.fixture(scope="module")
def draft(library: KnowledgeBase) -> list[str]:
    verbatim = a_line_with_a_figure(library)
    figure = next(f for f in values_figures(find_figures(verbatim)) if f.kind == "count"
                  and f.value >= 100)
    edited = verbatim[:figure.start] + f"{int(figure.value) + 137:,}" + verbatim[figure.end:]
    return [verbatim, edited, PARAPHRASE, NEW]


def test_reuse_tells_each_kind_of_paragraph_apart(library: KnowledgeBase, draft: list[str]
                                                  ) -> None:
    report = library.reuse("\n\n".join(draft))
    assert [p.kind for p in report.paragraphs] == ["verbatim", "edited", "paraphrase", "new"]
    assert report.paragraphs[0].source is not None
    assert report.paragraphs[0].source.doc_id == "annual-report-2021-22"
    assert report.paragraphs[2].source is not None
    assert report.paragraphs[2].source.doc_id == "spr-briefing-jay"
    assert report.paragraphs[3].source is None


def test_reuse_shows_the_changed_figure_as_a_word_change(library: KnowledgeBase,
                                                         draft: list[str]) -> None:
    edited = library.reuse(draft[1]).paragraphs[0]
    replaced = [c for c in edited.changes if c["op"] == "replace"]
    assert replaced and any(re.search(r"\d", c["draft"]) for c in replaced)
    assert all(c["draft"] in draft[1] for c in replaced)


def test_reuse_lists_figures_carried_over_unchanged(library: KnowledgeBase,
                                                    draft: list[str]) -> None:
    verbatim = library.reuse(draft[0]).paragraphs[0]
    carried = {f["value"] for f in verbatim.stale_figures}
    assert carried and carried <= {f.value for f in find_figures(draft[0])}


def test_reuse_excludes_a_document_when_asked(library: KnowledgeBase, draft: list[str]) -> None:
    report = library.reuse(draft[0], exclude_doc="annual-report-2021-22")
    source = report.paragraphs[0].source
    assert source is None or source.doc_id != "annual-report-2021-22"


def test_reuse_between_two_reports_finds_kept_text(library: KnowledgeBase) -> None:
    report = library.reuse_between("annual-report-2020-21", "annual-report-2021-22")
    kinds = {p.kind for p in report.paragraphs}
    assert "new" in kinds and kinds & {"verbatim", "edited"}
    sources = {p.source.doc_id for p in report.paragraphs if p.source}
    assert sources == {"annual-report-2020-21"}


def test_reuse_json_has_the_contract_shape(library: KnowledgeBase, draft: list[str]) -> None:
    data = library.reuse("\n\n".join(draft)).to_dict()
    assert set(data) >= {"paragraphs", "took_ms"}
    for item in data["paragraphs"]:
        assert {"index", "text", "kind", "similarity", "source", "changes",
                "stale_figures"} <= set(item)
        assert item["kind"] in ("verbatim", "edited", "paraphrase", "new")
        for change in item["changes"]:
            assert change["op"] in ("replace", "insert", "delete")
            assert set(change) == {"op", "source", "draft"}


def test_read_draft_reads_markdown_into_paragraphs(tmp_path: Path) -> None:
    path = tmp_path / "draft.md"
    path.write_text("# Heading\n\nFirst paragraph\nwrapped here.\n\nSecond **one**.\n")
    assert split_paragraphs(read_draft(path)) == ["Heading", "First paragraph wrapped here.",
                                                   "Second one."]


def test_read_draft_refuses_a_broken_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4 not really")
    with pytest.raises(UnreadableFile):
        read_draft(path)
    with pytest.raises(UnreadableFile):
        read_draft(tmp_path / "missing.txt")


def test_a_paraphrase_keeps_its_sources_rare_words_or_runs_of_its_wording() -> None:
    from kb.reuse import paraphrase_source
    from kb.terms import Terms

    # the draft's words, the rare ones (a name, a term) weighing most
    terms = Terms({"jay": 3.0, "interview": 2.0, "return": 1.5, "missing": 1.0, "child": 0.3,
                   "police": 0.5})
    keeps = _passage("When Jay came back, the return interview was late and the police "
                     "were not told he had been missing.")
    topic = _passage("A child should be seen quickly, and the police told.")
    # the rare words kept, meaning related: a rewrite of that passage
    draft = "Jay's return interviews were late and the police were not told."
    found = paraphrase_source(draft, [(0.45, 0.62, keeps, None), (0.45, 0.66, topic, None)],
                              terms)
    assert found is not None and found[0] is keeps
    # the same topic in the field's common words: new text
    assert paraphrase_source(draft, [(0.45, 0.66, topic, None)], terms) is None
    # runs of shared wording with related meaning: a rewrite, even of few rare words
    assert paraphrase_source(draft, [(0.6, 0.65, topic, None)], terms) is not None
    # words in common by chance, meaning unrelated
    assert paraphrase_source(draft, [(0.6, 0.4, topic, None)], terms) is None


def test_an_edit_that_reorders_sentences_keeps_its_word_triples() -> None:
    from kb.reuse import EDITED_TRIPLES, shared_triples

    source = ("There were 189 LADO referrals in 2021-22, the highest number we have recorded. "
              "The LADO manages allegations against adults who work with children.")
    edited = ("The LADO manages allegations against adults who work with children. There were "
              "203 LADO referrals in 2022-23, the highest number we have recorded.")
    rewritten = ("Complaints about grown-ups employed around young people are handled by one "
                 "officer, who saw more of them this year than ever.")
    assert shared_triples(edited, source) >= EDITED_TRIPLES
    assert shared_triples(rewritten, source) < EDITED_TRIPLES


def test_paragraphs_equally_far_from_several_sources_are_classified(library) -> None:
    draft = ("There were 189 LADO referrals in 2021-22.\n\n"
             "A wholly new paragraph about gardening clubs for teenagers in the summer months.")
    kinds = [p["kind"] for p in library.reuse(draft).to_dict()["paragraphs"]]
    assert len(kinds) == 2 and kinds[1] == "new"


SOURCE = ("Health visitors saw 2,431 families in the year. At the six-week check the health "
          "visitor asks who else lives in the home and speaks to the father where he is there. "
          "Children under 18 who care for a parent are referred to the young carers service.")


def _passage(text: str):  # type: ignore[no-untyped-def]
    from kb.models import Passage

    return Passage(7, "review", "Review", "review.pdf", "2022-23", "other", 3, 3, None, text,
                   0, len(text))


def test_one_word_changed_is_edited_and_only_an_unchanged_paragraph_is_verbatim() -> None:
    from kb.reuse import classify

    copied = ("At the six-week check the health visitor asks who else lives in the home and "
              "speaks to the father where he is there.")
    changed = copied.replace("speaks to", "talks with")
    assert classify(0, copied, [(_passage(SOURCE), 0.9)]).kind == "verbatim"
    assert classify(0, changed, [(_passage(SOURCE), 0.9)]).kind == "edited"


def test_a_changed_figure_shows_as_a_replacement_beside_what_it_replaced() -> None:
    from kb.reuse import classify

    draft = ("At the eight-week check the health visitor asks who else lives in the home and "
             "speaks to the father where he is there.")
    result = classify(0, draft, [(_passage(SOURCE), 0.9)])
    assert result.kind == "edited"
    assert {"op": "replace", "source": "six-week", "draft": "eight-week"} in result.changes


def test_stale_figures_are_measures_carried_over_not_ages_or_small_counts() -> None:
    from kb.changes import carried_figures

    draft = ("This year health visitors again saw 2,431 families, and two children under 18 "
             "were referred to the young carers service.")
    stale = [figure["text"] for figure in carried_figures(draft, SOURCE)]
    assert stale == ["2,431"]


def test_a_rewrite_followed_sentence_by_sentence_is_a_paraphrase_and_a_new_text_is_not(
        ) -> None:
    from kb.embed import MODEL_NAME
    from kb.reuse import ReusedParagraph, follow_sentences

    source = _passage(
        "Health visitors offer every family a home visit before the baby is two weeks old. "
        "At that visit they ask each parent about their mood and about support at home. "
        "Where a parent is struggling, the visitor arranges a follow-up within a month.")
    rewrite = ("Every family is offered a visit at home by a health visitor before their baby "
               "is a fortnight old. During the visit each parent is asked about how they feel "
               "and what support they have at home. If a parent is not coping, the health "
               "visitor books another visit within the month.")
    # the same service, other facts: a new paragraph on the topic
    other = ("Our health visiting service was recommissioned this year under a new contract. "
             "Caseloads have fallen since two more posts were filled in the spring. The service "
             "now reports its waiting times to the partnership board every quarter.")
    results = [ReusedParagraph(0, rewrite, "new", 0.0), ReusedParagraph(1, other, "new", 0.0)]
    follow_sentences(results, [[(source, 0.6)], [(source, 0.5)]], MODEL_NAME)
    assert results[0].kind == "paraphrase" and results[0].source is source
    assert results[0].source_quote and "home visit" in results[0].source_quote
    assert results[1].kind == "new" and results[1].source is None


def test_copied_sentences_with_one_added_are_an_edit_not_a_paraphrase() -> None:
    from kb.reuse import classify

    source = _passage("Every referral is screened by the hub within one working day. Where "
                      "the threshold is met, a strategy discussion is held with police and "
                      "health. The hub manager reviews a sample of decisions each month.")
    # one sentence kept as written, a longer one added: most characters are new
    draft = ("Every referral is screened by the hub within one working day. From April the "
             "partnership will also publish the hub's response times on its website, together "
             "with a short note on what families told us about the service, and an account of "
             "the complaints received and how each was answered.")
    result = classify(0, draft, [(source, 0.7)])
    assert result.kind == "edited" and result.source is source


def test_a_rewrite_that_keeps_its_sources_figures_rounded_is_a_paraphrase() -> None:
    from kb.reuse import classify

    source = _passage(
        "Staffing pressures: managers in every locality described rising caseloads. 41% of "
        "family support workers agreed that their service had enough staff in March 2024, "
        "and among school staff only 1 in 4 (26%) agreed. Vacancies were highest in the "
        "north of the county, where two teams relied on agency workers.")
    rewrite = ("Roughly two in five family support workers thought in March 2024 that the "
               "service was properly staffed. In schools it was about a quarter of the staff.")
    # the same topic, figures of its own: a new paragraph
    other = ("We recruited 14 new family support workers this year, and agency use fell by "
             "a third. Caseloads in the north are now 18 families per worker.")
    found = classify(0, rewrite, [(source, 0.45)])
    assert found.kind == "paraphrase" and found.source is source
    assert classify(0, other, [(source, 0.45)]).kind == "new"


def test_a_single_figure_in_common_is_not_taken_for_a_rewrite() -> None:
    from kb.changes import figures_restated

    source = "In 2023-24 there were 312 referrals to the service, 28% from schools."
    assert figures_restated("312 families were helped by the new hub.", source) == (1, 1)
    assert figures_restated("About 30% came from schools, and 312 were referred.",
                            source) == (2, 2)
    # rounding is allowed only where the draft says it rounds
    assert figures_restated("30% came from schools, and 312 were referred.", source) == (1, 2)
