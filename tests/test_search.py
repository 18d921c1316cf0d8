"""Search over the demo library: exact, fused, filtered, corrected, expanded and cited."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest

from kb import InvalidInput, KnowledgeBase
from kb.embed import encode_query
from kb.names import said_without_attribution
from kb.search import Filters, fuse_reciprocal_ranks, fuse_scores

QUERIES = ["professional curiosity", "fathers and male carers", "was not brought",
           "children missing from care", "rapid reviews completed", "adultification"]


def test_faiss_top_k_equals_brute_force_cosine(library: KnowledgeBase) -> None:
    rows = library.connection.execute(
        "SELECT p.id, v.vector FROM passages p JOIN vectors v ON v.text_hash = p.text_hash"
    ).fetchall()
    ids = np.array([row[0] for row in rows])
    matrix = np.vstack([np.frombuffer(row[1], dtype=np.float32) for row in rows])
    for query in QUERIES:
        vector = encode_query(query)
        scores = matrix @ vector
        order = np.argsort(-scores)[:10]
        found = library.engine.vectors.search(library.connection, vector, 10)
        assert [pid for pid, _ in found] == ids[order].tolist()
        assert np.allclose([s for _, s in found], scores[order], atol=1e-5)


def test_close_and_reopen_give_identical_results(corpus_index: Path) -> None:
    def run() -> list:
        with KnowledgeBase.open(corpus_index) as kb:
            return [[(h.passage_id, h.score) for h in kb.search(q, mode=mode).results]
                    for q in QUERIES for mode in ("keyword", "semantic", "hybrid")]
    assert run() == run()


def test_keyword_phrase_agrees_with_a_plain_scan(library: KnowledgeBase) -> None:
    for phrase in ("invisible men", "was not brought", "professional curiosity"):
        found = {h.passage_id for h in library.search(f'"{phrase}"', k=500,
                                                      mode="keyword").results}
        pattern = re.compile(r"\b" + r"\W+".join(phrase.split()) + r"\b", re.I)
        scanned = {row[0] for row in library.connection.execute(
            "SELECT p.id, p.text FROM passages p JOIN documents d ON d.id = p.document "
            "WHERE d.access != 'restricted'") if pattern.search(row[1])}
        assert scanned and found == scanned, phrase


def test_every_result_is_cited_with_a_marked_snippet(library: KnowledgeBase) -> None:
    result = library.search("professional curiosity", k=10)
    assert len(result.results) == 10
    for rank, hit in enumerate(result.results, start=1):
        assert hit.rank == rank and hit.title and hit.path and hit.doc_type
        assert hit.page is None or hit.page >= 1
        if hit.path.endswith(".pdf"):
            assert hit.page is not None
    assert any("**" in hit.snippet for hit in result.results)
    first = result.results[0]
    assert any(first.text[s:e].lower().startswith("curios") for s, e in first.marks)


def test_acronym_query_finds_the_spelled_out_form_and_back(library: KnowledgeBase) -> None:
    result = library.search("LADO", k=20, mode="keyword")
    assert "LADO" in result.expansions
    spelled = [h for h in result.results if "designated officer" in h.text.lower()]
    assert spelled
    reverse = library.search("local authority designated officer", k=20, mode="keyword")
    assert any("LADO" in h.text and "designated officer" not in h.text.lower()
               for h in reverse.results)


def test_misspelt_query_is_corrected_against_the_library(library: KnowledgeBase) -> None:
    result = library.search("profesional curiousity", k=5)
    assert result.corrections == {"profesional": "professional", "curiousity": "curiosity"}
    assert "professional curiosity" in result.searched
    assert "professional curiosity" in result.results[0].text.lower()


def test_filters_by_period_and_type_and_restricted_hidden(library: KnowledgeBase) -> None:
    result = library.search("neglect", k=10, period="2020/21")
    assert result.results and all(h.period == "2020-21" for h in result.results)
    result = library.search("neglect", k=10, doc_type="practice-review")
    assert result.results and all(h.doc_type == "practice-review" for h in result.results)
    restricted = {d.doc_id for d in library.documents(include_restricted=True)
                  if d.access == "restricted"}
    assert restricted
    for mode in ("keyword", "semantic", "hybrid"):
        hidden = library.search("young carer disability Child T", k=50, mode=mode)
        assert not {h.doc_id for h in hidden.results} & restricted
    shown = library.search("young carer disability Child T", k=10, include_restricted=True)
    assert {h.doc_id for h in shown.results} & restricted


def test_no_more_than_two_passages_of_one_page_in_the_top_ten(library: KnowledgeBase) -> None:
    for query in QUERIES:
        pages: dict = {}
        for hit in library.search(query, k=10).results:
            if hit.page is not None:
                pages[(hit.doc_id, hit.page)] = pages.get((hit.doc_id, hit.page), 0) + 1
        assert max(pages.values()) <= 2


def test_no_match_and_empty_library_give_empty_results(library: KnowledgeBase,
                                                       tmp_path: Path) -> None:
    assert library.search('"zebra crossing quantum"', mode="keyword").results == []
    with KnowledgeBase.open(tmp_path / "empty") as kb:
        for mode in ("keyword", "semantic", "hybrid"):
            assert kb.search("fathers", mode=mode).results == []


def test_bad_arguments_are_user_errors(library: KnowledgeBase) -> None:
    with pytest.raises(InvalidInput, match="mode"):
        library.search("x", mode="fuzzy")
    with pytest.raises(InvalidInput, match="period"):
        library.search("x", period="last year")
    with pytest.raises(InvalidInput, match="doc type"):
        library.search("x", doc_type="memo")


def test_fusions_rank_agreement_first() -> None:
    keyword = [(1, 9.0), (2, 5.0), (3, 1.0)]
    semantic = [(2, 0.8), (4, 0.7), (1, 0.1)]
    assert [pid for pid, _ in fuse_reciprocal_ranks([keyword, semantic])][:2] == [2, 1]
    assert fuse_scores([keyword, semantic])[0][0] == 2


def test_a_real_word_the_library_lacks_is_not_corrected(library: KnowledgeBase) -> None:
    result = library.search("coverage of lads kept apart", k=3)
    assert not set(result.corrections) & {"coverage", "lads", "apart"}
    inflected = library.search("worries", k=3, mode="keyword")
    assert inflected.corrections == {} and inflected.results  # the stemmer finds "worried"


def test_a_query_of_stop_words_or_punctuation_finds_nothing_and_says_why(
        library: KnowledgeBase) -> None:
    for query in ("the of and", "?!", "what is it"):
        result = library.search(query)
        assert result.results == []
        assert "nothing to search for" in result.to_dict()["note"]


def test_a_query_no_passage_holds_says_its_results_only_resemble_it(
        library: KnowledgeBase) -> None:
    resembling = library.search("zorbulation quexing", k=3)
    assert resembling.results and "closest in meaning" in resembling.note
    assert library.search("neglect strategy", k=3).note == ""


def test_hybrid_weighs_a_rare_exact_match_above_a_common_word_match(
        library: KnowledgeBase) -> None:
    # "HEAT" is the borough's own exploitation team: the passages naming it must lead, though
    # "children" (in most passages) would bring many others on the keyword side alone
    hits = library.search("HEAT children", k=3).results
    assert any("exploitation action team" in hit.text.lower() or "HEAT" in hit.text
               for hit in hits[:2])


def test_query_words_count_by_their_stem_not_by_a_shared_prefix() -> None:
    from kb.fusion import Term, coverage

    tagged = [Term(("tagged",), 1.0)]
    assert coverage(tagged, "Items by tag name") == 1.0
    crying = [Term(("crying",), 1.0)]
    assert coverage(crying, "Criminal exploitation and critical incidents") == 0.0
    assert coverage(crying, "Advice for parents of a baby who is crying") == 1.0
    # a form of several words must stand as a phrase
    expansion = [Term(("child protection",), 1.0)]
    assert coverage(expansion, "protection of the child") == 0.0
    assert coverage(expansion, "a child protection plan") == 1.0
    # a figure as written, separators and all
    assert coverage([Term(("2,215",), 1.0)], "with 2,215 attendees") == 1.0
    assert coverage([Term(("2,215",), 1.0)], "with 2 new and 215 old") == 0.0


def test_an_expansion_without_its_version_number_still_brings_its_acronym() -> None:
    from kb.query import parse_query

    acronyms = {"GCP2": "Graded Care Profile 2", "CP": "child protection"}
    query = parse_query("graded care profile training", acronyms, {"training": 3}, {})
    assert query.expansions.get("Graded Care Profile 2") == ["GCP2"]
    # a single word left after the version is no expansion of anything
    assert "GCP2" not in str(parse_query("profile", {"GCP2": "Profile 2"}, {}, {}).expansions)


def test_a_documents_short_name_is_added_for_its_spelled_out_name_only() -> None:
    from kb.query import parse_query

    names = {"KPWIS": "keeping pupils well in schools"}
    spelled = parse_query("keeping pupils well in schools on consent", {}, {}, {}, names=names)
    assert spelled.expansions.get("keeping pupils well in schools") == ["KPWIS"]
    # the short name is not spelled out: that would bring every passage of the document
    short = parse_query("KPWIS on the age of consent", {}, {"kpwis": 4}, {}, names=names)
    assert "KPWIS" not in short.expansions


def test_weak_keyword_evidence_lets_the_closer_meaning_lead() -> None:
    from kb.fusion import FusionWeights, Term, fuse_evidence

    # Everyday words: one rare word of four is all any passage holds, so what it holds says
    # little, and the passage closest in meaning must lead.
    terms = [Term((word,), weight) for word, weight in
             (("kid", 3.0), ("stopped", 1.0), ("turning", 1.0), ("list", 1.0))]
    texts = {1: "A kid's drawing was shown at the festival.",
             2: "A pupil absent for twenty school days may be removed from the admission register."}
    cosines = {1: 0.35, 2: 0.62}
    ranked = fuse_evidence(terms, [(1, 4.0)], cosines, texts, FusionWeights())
    assert ranked[0][0] == 2
    # where a passage holds most of the query, its words are strong evidence and still count
    texts[1] = "The kid stopped turning up and was taken off the list."
    ranked = fuse_evidence(terms, [(1, 4.0)], cosines, texts, FusionWeights())
    assert ranked[0][0] == 1


def test_a_passage_is_as_close_as_its_closest_sentence(library: KnowledgeBase) -> None:
    engine = library.engine
    query = engine.parse("how often should a child's protection plan be looked at again", False)
    assert len(query.term_groups()) >= 4  # a question the length of a sentence
    vector = encode_query(query.searched)
    public = engine._allowed_ids(Filters())  # what search may show: no restricted document
    closest = dict(engine.vectors.search(engine.connection, vector, 20, public))
    sentences = engine.vectors.sentence_cosines(engine.connection, vector, list(closest))
    assert set(sentences) == set(closest)  # every passage of a fresh library has them
    closeness = engine._closeness(query, vector, closest)
    assert all(closeness[pid] == max(closest[pid], sentences[pid]) for pid in closest)
    assert any(sentences[pid] > closest[pid] for pid in closest)
    # a theme of a few words is what a passage is about as a whole: its own cosine stands
    theme = engine.parse("fathers", False)
    assert engine._closeness(theme, vector, closest) == closest
    ranked = engine.semantic(query, 20, Filters())
    assert {pid for pid, _ in ranked} == set(closest)
    assert [score for _, score in ranked] == sorted(closeness.values(), reverse=True)


def test_an_any_word_search_keeps_its_rarest_words_within_the_row_budget(
        library: KnowledgeBase, monkeypatch: pytest.MonkeyPatch) -> None:
    from kb import search

    engine = library.engine
    query = engine.parse("children missing from care and return home interviews", False)
    frequency = {term: engine._vocabulary.get(term, 0) for term in query.terms}
    assert engine._within_budget(query) == query  # a library this small scores every match
    rarest = min(frequency.values())
    monkeypatch.setattr(search, "KEYWORD_ROWS", rarest + 1)
    kept = engine._within_budget(query).terms
    assert kept and all(frequency[term] <= rarest + 1 for term in kept)
    assert max(frequency, key=lambda term: frequency[term]) not in kept
    assert engine.keyword(query, 10, Filters())  # the rarest words still find passages


def test_a_code_of_digits_then_letters_is_searched_as_one_word(tmp_path: Path) -> None:
    from tests.documents import one_document_library

    text = ("Validation rules\n\n"
            "Rule 4410K: the start date must fall before the end date of the episode.\n")
    with one_document_library(tmp_path, "rules.txt", text) as kb:
        parsed = kb.engine.parse("4410K")
        hits = kb.search("4410K", k=3, mode="keyword").results
    assert parsed.term_groups() == [["4410k"]]
    assert hits and "4410K" in hits[0].text


def test_when_no_passage_is_near_the_query_the_nearest_still_lead_a_weak_word_match() -> None:
    from kb.fusion import FusionWeights, Term, fuse_evidence

    # a query in everyday words: one common word matched, every cosine under the floor
    terms = [Term(("swap",), 3.0), Term(("pact",), 3.0), Term(("data",), 0.3)]
    texts = {1: "Agreements between organisations that share information", 2: "Data is held"}
    cosines = {1: 0.27, 2: 0.02}
    ranked = fuse_evidence(terms, [(2, 3.0)], cosines, texts, FusionWeights())
    assert [pid for pid, _ in ranked] == [1, 2]
    # where some passage reaches the floor, the floor stands: under it is no agreement, and
    # the word decides between the two
    texts[3] = "Sharing agreements"
    ranked = fuse_evidence(terms, [(2, 3.0)], {**cosines, 3: 0.5}, texts, FusionWeights())
    assert [pid for pid, _ in ranked] == [3, 2, 1]


def test_a_length_of_time_is_also_read_in_the_units_documents_state_it_in() -> None:
    from kb.query import equivalent_durations, parse_query

    assert equivalent_durations("off sick for three weeks") == {
        "three": ["21 days", "15 school days", "15 working days", "fifteen school days",
                  "fifteen working days"],
        "weeks": ["21 days", "15 school days", "15 working days", "fifteen school days",
                  "fifteen working days"]}
    assert "2 weeks" in equivalent_durations("within 10 working days")["days"]
    assert "four weeks" in equivalent_durations("staying with friends for a month")["month"]
    # a count that is not a whole number of weeks has no other form
    assert equivalent_durations("within 3 days") == {}
    # the same lengths count as the query's words, but are not what the query is embedded as
    query = parse_query("left school for six weeks", {}, {"school": 5}, {})
    assert ["weeks", "42 days", "30 school days", "30 working days"] == \
        query.term_groups()[-1][:4]
    assert query.searched == "left school for six weeks"


def test_search_finds_a_limit_stated_in_other_units(tmp_path: Path) -> None:
    from tests.documents import one_document_library

    text = ("Attendance\n\n"
            "A pupil who has been absent without leave for 20 school days may be removed from "
            "the roll once enquiries have been made.\n\n"
            "Lunch\n\nPupils may bring a packed lunch on any day of the week.\n")
    with one_document_library(tmp_path, "attendance.txt", text) as kb:
        hits = kb.search("off for four weeks", k=2, mode="keyword").results
        result = kb.search("off for four weeks", k=2)
    # no word of the query is in the passage: only the same length in school days finds it
    assert any("20 school days" in hit.text for hit in hits)
    assert "20 school days" in result.results[0].text
    assert "20 school days" in result.expansions["weeks"]


def test_a_question_naming_a_document_is_read_in_it_too(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "Harbour_Council_Travel_Policy.txt").write_text(
        "Harbour Council travel policy\n\nStaff book rail travel through the travel desk. "
        "A shared car may be used for visits outside the borough.\n")
    (docs / "Riverside_school_handbook.txt").write_text(
        "Riverside school handbook\n\nPupils travel to matches by coach. Parents are told "
        "of each trip a week before it.\n")
    (docs / "Riverside_travel_notes.txt").write_text(
        "Riverside travel notes\n\nThe minibus is booked through the office.\n")
    with KnowledgeBase.open(tmp_path / "index") as kb:
        kb.ingest([docs])
        engine = kb.engine
        policy = engine.documents_named("What does the Harbour Council policy say about cars?")
        by_words = engine.documents_named("What does the school handbook say about trips?")
        shared = engine.documents_named("How do pupils travel to Riverside matches?")
        only = engine.search("travel", k=5, filters=Filters(doc_id=policy[0])).results
        asked = engine.named_document_hits(
            "How does the Harbour Council policy say staff travel?", [], Filters())
    # a proper name only its document's name holds; two words only its name holds
    assert policy == ["harbour-council-travel-policy"]
    assert by_words == ["riverside-school-handbook"]
    # "Riverside" is in two documents' names: it names neither
    assert shared == []
    # the document filter keeps the search to that document
    assert only and {hit.doc_id for hit in only} == {"harbour-council-travel-policy"}
    assert asked and {hit.doc_id for hit in asked} == {"harbour-council-travel-policy"}


def test_a_claim_naming_its_source_is_read_in_it_without_the_naming_words(tmp_path: Path
                                                                          ) -> None:
    from tests.documents import documents_library

    # a document whose every part names it, and names the mileage rate: a table of changes
    changes = "".join(
        f"Change {n}\n\n" + " ".join(
            f"Line {m} of part {n} of the Harbour Council travel policy 2025, on the mileage "
            f"rate, is now part {n} of the Harbour Council travel policy 2026."
            for m in range(1, 12)) + "\n\n" for n in range(1, 6))
    claim = "The Harbour Council travel policy 2025 states that the mileage rate is 60p."
    with documents_library(tmp_path, {
        "Harbour_Council_Travel_Policy.txt":
            "Harbour Council travel policy\n\n" + changes + "Cars\n\nWhen a member of staff "
            "uses their own car for a visit, the mileage rate paid is 45p for each mile, claimed "
            "monthly through the payroll form with receipts.\n",
        "Riverside_school_handbook.txt":
            "Riverside school handbook\n\nPupils travel to matches by coach.\n"}) as kb:
        engine = kb.engine
        named = engine.search(claim, k=4).results
        said = engine.named_document_hits(claim, named, Filters(),
                                          said=said_without_attribution(claim))
        unsaid = engine.named_document_hits(claim, named, Filters())
    # the document's name pulls the search to the passages that name it
    assert all("45p" not in hit.text for hit in named)
    # without those words, the document is searched for what the claim says
    assert any("45p" in hit.text for hit in said)
    assert not {hit.passage_id for hit in said} & {hit.passage_id for hit in named}
    assert unsaid == []


@pytest.mark.parametrize(("claim", "said"), [
    ("The Harbour policy states that the mileage rate is 60p.", "the mileage rate is 60p."),
    ("According to the staff handbook, visits need two adults.", "visits need two adults."),
    ("The Riverside review found that notes were late.", "notes were late."),
    ("Staff must book rail travel through the desk.", None),
])
def test_a_claims_attribution_is_taken_off_what_it_says(claim: str, said: str | None) -> None:
    assert said_without_attribution(claim) == said
