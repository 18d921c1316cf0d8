"""kb check on the demo library: verdicts with claimed and source figures side by side."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.documents import LIST_OVER_TWO_PASSAGES, make_table_docx, one_document_library

from kb import KnowledgeBase
from kb.check import Verdict


def test_check_supports_a_claim_stated_with_another_number_format(library: KnowledgeBase
                                                                   ) -> None:
    verdict = library.check("The MASH received 12, 610 contacts in 2021-22.")
    assert verdict.verdict == "supported"
    assert any(f["value"] == 12610 for e in verdict.evidence for f in e["numbers_in_source"])


def test_check_tolerates_the_rounding_the_claim_states(library: KnowledgeBase) -> None:
    assert library.check("The CP plan rate rose to 52 per 10,000 in 2021-22.").verdict == \
        "supported"


def test_check_contradicts_a_claim_that_swaps_this_and_last_years_figures(
        library: KnowledgeBase) -> None:
    verdict = library.check("In 2021-22, 291 children were subject to a child protection plan, "
                            "compared with 327 a year earlier.")
    assert verdict.verdict == "contradicted"
    assert "291" in verdict.explanation and "327" in verdict.explanation


def test_check_contradicts_a_different_figure_for_the_same_measure_and_period(
        library: KnowledgeBase) -> None:
    verdict = library.check("The partnership budget for 2021-22 was £418,500.")
    assert verdict.verdict == "contradicted"
    assert "431,200" in verdict.explanation


def test_check_contradicts_the_opposite_direction(library: KnowledgeBase) -> None:
    assert library.check("The re-referral rate rose to 17% in 2021-22.").verdict == \
        "contradicted"


def test_check_says_not_found_for_a_measure_the_library_lacks(library: KnowledgeBase) -> None:
    verdict = library.check("The number of approved foster carers rose to 120 in 2021-22.")
    assert verdict.verdict == "not_found"


def test_check_json_has_the_contract_shape(library: KnowledgeBase) -> None:
    data = library.check("The MASH received 12,610 contacts in 2021-22.").to_dict()
    assert {"claim", "verdict", "explanation", "evidence", "took_ms"} <= set(data)
    assert data["verdict"] in ("supported", "contradicted", "not_found")
    for item in data["evidence"]:
        assert {"doc_id", "title", "path", "period", "doc_type", "page", "section", "text",
                "score", "quote", "numbers_in_claim", "numbers_in_source"} <= set(item)
        assert item["quote"] in item["text"] or item["quote"] in " ".join(item["text"].split())


def test_check_reads_each_figure_of_a_two_figure_claim_against_its_own_measure(
        library: KnowledgeBase) -> None:
    verdict = library.check("In 2021-22 the CP plan rate was 51.7 per 10,000, well above the "
                            "London rate of 40.3.")
    assert verdict.verdict == "supported"


def test_check_keeps_a_comparison_clauses_period_apart(library: KnowledgeBase) -> None:
    # the source: 94 courses in 2021-22 "compared with 88 courses ... in 2020-21"
    assert library.check("The partnership ran 94 multi-agency courses in 2020-21.").verdict == \
        "contradicted"


def test_check_reads_all_n_as_n_of_n(library: KnowledgeBase) -> None:
    assert library.check("All 6 rapid reviews in 2020-21 were completed within 15 working "
                         "days.").verdict == "contradicted"


def test_check_finds_the_direction_from_the_year_befores_figure(library: KnowledgeBase
                                                                  ) -> None:
    assert library.check("The child protection plan rate fell to 51.7 per 10,000 in "
                         "2021-22.").verdict == "contradicted"


def test_check_reads_a_share_written_in_words(library: KnowledgeBase) -> None:
    assert library.check("In 2021-22 more than half of child protection plans were made under "
                         "the category of neglect.").verdict == "supported"


def test_an_age_bound_written_out_is_the_same_bound() -> None:
    from kb.agreement import agrees
    from kb.numbers import find_figures, stated_figures

    claim = "The duty covers any girl under 18 who is found to be at risk."
    source = "The duty covers a girl under the age of 18 who is found to be at risk."
    claimed = stated_figures(find_figures(claim))[0]
    stated = stated_figures(find_figures(source))[0]
    assert agrees(claimed, stated, claim, source)
    older = "The duty covers a girl under the age of 16 who is found to be at risk."
    assert not agrees(claimed, stated_figures(find_figures(older))[0], claim, older)


def test_a_bound_on_a_ratio_agrees_with_the_same_bound_on_its_percentage() -> None:
    from kb.agreement import agrees
    from kb.numbers import find_figures, stated_figures

    claim = "More than three in four carers felt ready for their first placement."
    claimed = stated_figures(find_figures(claim))[0]
    for source, same in [("Over 75% of carers said they felt ready.", True),
                         ("Over 70% of carers said they felt ready.", False)]:
        assert agrees(claimed, stated_figures(find_figures(source))[0], claim, source) is same


def test_more_than_a_round_figure_in_words_reaches_half_its_step() -> None:
    from kb.agreement import agrees
    from kb.numbers import find_figures, stated_figures

    def agreed(claim: str, source: str) -> bool:
        claimed = stated_figures(find_figures(claim))[0]
        return agrees(claimed, stated_figures(find_figures(source))[0], claim, source)

    claim = "More than a dozen councils sent a reply."
    assert agreed(claim, "In all, 14 councils sent a reply.")
    assert not agreed(claim, "In all, 12 councils sent a reply.")
    assert not agreed(claim, "In all, 31 councils sent a reply.")
    # a figure in digits keeps its narrow reach
    assert not agreed("More than 12 councils sent a reply.", "In all, 14 councils replied.")


def test_a_claimed_multiple_needs_a_source_that_states_it() -> None:
    from kb.check import judge
    from kb.claim_figures import Claim
    from kb.numbers import find_figures, stated_figures
    from kb.terms import Terms

    claim_text = "The new search tool halved the time staff spend looking for case notes."
    figures = stated_figures(find_figures(claim_text))
    assert [(f.kind, f.value) for f in figures] == [("multiple", 0.5)]
    terms = Terms({"search": 1.0, "tool": 1.0, "time": 1.0, "staff": 0.5, "case": 0.5,
                   "note": 0.5})
    claim = Claim(claim_text, figures, None, 0, terms, [terms])
    vague = "The new search tool could greatly cut the time staff spend looking for case notes."
    assert judge(claim, [_aligned(vague)])[0] == "not_found"
    stated = "The new search tool halved the time staff spend looking for case notes."
    assert judge(claim, [_aligned(stated)])[0] == "supported"


def test_an_age_is_read_against_the_whole_sentence_that_states_it() -> None:
    from kb.check import judge
    from kb.claim_figures import Claim
    from kb.numbers import find_figures, stated_figures
    from kb.terms import Terms

    claim_text = "A 17-year-old in a flat of her own still counts as a child for the service."
    figures = stated_figures(find_figures(claim_text))
    terms = Terms({"flat": 1.0, "own": 0.5, "still": 0.3, "count": 0.5, "child": 0.5,
                   "servic": 0.5})
    claim = Claim(claim_text, figures, None, 0, terms, [terms])
    # the words after "years of age" say who it is, not the age's own neighbours
    stated = ("Reaching 17 years of age, or living in a flat of one's own, does not stop a "
              "young person being a child whom the service counts.")
    assert judge(claim, [_aligned(stated)])[0] == "supported"
    older = stated.replace("17 years", "18 years")
    assert judge(claim, [_aligned(older)])[0] == "contradicted"


def test_a_direction_is_read_from_the_year_befores_figure_in_the_next_sentence() -> None:
    from kb.claim_figures import direction_of
    from kb.models import Figure, Match, Passage
    from kb.numbers import find_figures

    text = ("We held 310 conferences; a rate of 52.1 per 10,000 against 44.0 for our "
            "neighbours. Our rate was 47.5 per 10,000 in 2021-22. Staffing was stable.")
    passage = Passage(1, "report", "Annual report 2022-23", "report.pdf", "2022-23",
                      "annual-report", 4, 4, None, text, 0, len(text))
    sentence = text[:text.index(" Our rate")]
    figures = find_figures(sentence, "2022-23")
    current = next(f for f in figures if f.text.startswith("52.1"))
    anchor = Figure("", 0, 0, 0.0, "rate")
    match = Match(anchor, current, 1.0, True, passage, sentence, 0, figures)
    assert direction_of(match) == 1
    fallen = text.replace("47.5", "55.0")
    match.passage = Passage(1, "report", "Annual report 2022-23", "report.pdf", "2022-23",
                            "annual-report", 4, 4, None, fallen, 0, len(fallen))
    assert direction_of(match) == -1


def test_a_figure_in_a_table_row_is_measured_by_the_whole_row(library: KnowledgeBase) -> None:
    from kb.claim_figures import judge_figures, read_claim, read_sentence
    from kb.claims import Aligned
    from kb.models import Passage
    from kb.readings import sentences_of

    # the threshold sits in the definition cell, far from the words that name the measure
    text = ("Check\tDescription\tDefinition\n"
            "PC 01\tNumber of pupils: checks the number of pupil records in the return against "
            "the number in the previous year.\tCount of all pupil records. Calculate the change "
            "from last year. The message shows if it moves by 10 per cent or more.\n"
            "PC 02\tNumber of exclusions: checks the exclusions against the previous year.\t"
            "The message shows if it moves by 30 per cent or more.")
    passage = Passage(1, "guide", "Census guide", "guide.pdf", "2023-24", "other", 9, 9,
                      "Year on year checks", text, 0, len(text))
    claim = read_claim(library.engine, "In the census, the year on year check on the number "
                                       "of pupil records flags a change of 20 per cent or more.")
    row, start = next((s, at) for s, at in sentences_of(passage) if s.startswith("PC 01"))
    matches = read_sentence(claim, Aligned(passage, row, start, 0.7, 0.7, 0.7))
    verdict, chosen = judge_figures(claim, matches)
    assert verdict == "contradicted" and chosen[0].source.value == 10


def test_every_counts_a_whole_but_every_few_years_is_a_frequency() -> None:
    from kb.claim_figures import claim_totals
    from kb.numbers import find_figures, stated_figures

    def read(claim: str) -> list[tuple[str, float, float | None]]:
        values = claim_totals(claim, stated_figures(find_figures(claim)), None)
        return [(f.kind, f.value, f.total) for f in values]

    assert read("All six reviews were completed on time.") == [("fraction", 6, 6)]
    assert read("Every one of the six areas had a hub.") == [("fraction", 6, 6)]
    assert read("All of the 12 schools replied.") == [("fraction", 12, 12)]
    assert read("Every school has a designated lead.") == [("percent", 100, None)]
    # how often, in times a year
    assert read("The lead's training is renewed every three years.") == [
        ("frequency", 1 / 3, None)]
    assert read("The board reviews the policy every year.") == [("frequency", 1, None)]


def test_a_claims_figures_in_words_are_not_its_measure_words(library) -> None:
    from kb.claim_figures import read_claim
    from kb.words import stem

    claim = read_claim(library.engine, "Leads' training is renewed every three years.")
    assert stem("three") not in claim.terms.weights
    assert stem("training") in claim.terms.weights


def _aligned(text: str, title: str = "Annual report 2022-23"):  # type: ignore[no-untyped-def]
    from kb.claims import Aligned
    from kb.models import Passage

    passage = Passage(1, "report", title, "report.pdf", "2022-23", "annual-report", 4, 4,
                      None, text, 0, len(text))
    return Aligned(passage, text, 0, 0.8, 0.8, 0.8)


def test_a_name_the_claim_states_and_the_passage_never_does_is_unsupported() -> None:
    from kb.check import unnamed
    from kb.claim_figures import Claim
    from kb.terms import Terms

    text = "Teams draw the data map on paper during the workshop."
    claim = Claim("The template recommends drawing the data map in Power BI.", [], None, 0,
                  Terms({"map": 1.0}))
    assert unnamed(claim, _aligned(text)) == {"power", "bi"}
    # a name held by its acronym: "Data to Insight" in a passage that writes "D2I"
    claim = Claim("Data to Insight says the diagnostic is not an inspection.", [], None, 0,
                  Terms({"diagnost": 1.0}, {"d2i": {"data", "insight"}}))
    assert not unnamed(claim, _aligned("The D2I diagnostic isn't an inspection."))


def test_the_words_that_name_a_document_are_held_by_its_sentences() -> None:
    from kb.claims import align
    from kb.models import Passage
    from kb.terms import Terms

    text = "The age of consent is 16. Schools hold assemblies each week."
    terms = Terms({"kcsie": 2.0, "age": 1.0, "consent": 1.0},
                  {"kcsie": {"keep", "children", "safe", "educ"}})
    named = Passage(1, "k", "Keeping children safe in education", "k.pdf", None, "other", 9, 9,
                    None, text, 0, len(text))
    other = Passage(2, "g", "Guidance on consent", "g.pdf", None, "other", 3, 3, None, text, 0,
                    len(text))
    found = {(a.passage.doc_id, a.sentence): a.coverage for a in align(
        "KCSIE says the age of consent is 18.", terms, [named, other])}
    sentence = "The age of consent is 16."
    assert found[("k", sentence)] == 1.0 > found[("g", sentence)]


def test_the_name_a_claim_gives_the_document_is_no_part_of_a_figures_measure() -> None:
    from kb.claim_figures import Claim, read_sentence
    from kb.numbers import find_figures, stated_figures
    from kb.terms import Terms

    text = "This training should be updated at least every two years."
    claim_text = "KPWIS says the lead's training should be updated every three years."
    figures = stated_figures(find_figures(claim_text))
    terms = Terms({"kpwi": 3.0, "lead": 0.5, "train": 1.0, "updat": 1.0},
                  {"kpwi": {"keep", "pupil", "well", "school"}})
    claim = Claim(claim_text, figures, None, 0, terms, [terms])
    aligned = _aligned(text, title="Keeping pupils well in schools")
    [match] = read_sentence(claim, aligned)
    # "KPWIS" names where the figure stands, not what it measures: the measure still fits
    assert match.source.value == 0.5 and not match.agrees  # every two years: half a year
    # in another document, the same sentence's figure is not measured as the claim's
    assert read_sentence(claim, _aligned(text, title="Staff handbook")) == []


def test_a_claimed_order_needs_a_sentence_that_states_an_order() -> None:
    from kb.check import judge
    from kb.claim_figures import Claim
    from kb.claims import Aligned
    from kb.models import Passage
    from kb.terms import Terms

    def aligned(sentence: str) -> Aligned:
        passage = Passage(1, "r", "Review", "r.pdf", None, "other", 2, 2, None, sentence, 0,
                          len(sentence))
        return Aligned(passage, sentence, 0, coverage=0.9, closeness=0.8, score=0.85)

    terms = Terms({"school": 1.0, "referr": 1.0, "polic": 1.0})
    claim = Claim("Schools made more referrals than the police.", [], None, 0, terms)
    # a sentence naming both, with no order between them, bears out no order
    assert judge(claim, [aligned("Schools and the police made referrals to the hub.")])[0] \
        == "not_found"
    assert judge(claim, [aligned("Schools made more referrals than the police did.")])[0] \
        == "supported"


def test_a_sentence_bears_out_a_claim_only_for_the_time_it_names() -> None:
    from kb.claims import Aligned, same_time
    from kb.models import Passage

    def aligned(sentence: str, doc_type: str = "other", period: str | None = None) -> Aligned:
        passage = Passage(1, "r", "Report", "r.pdf", period, doc_type, 7, 7, None, sentence, 0,
                          len(sentence))
        return Aligned(passage, sentence, 0, coverage=0.9, closeness=0.8, score=0.85)

    approved = aligned("In July 2020 the board approved a refreshed strategy for 2020-23.")
    assert not same_time("The board approved the strategy in 2019.", approved)
    assert same_time("The board approved the strategy in July 2020.", approved)
    assert same_time("The board approved the strategy in 2020-21.", approved)
    assert same_time("The board approved the strategy.", approved)
    # a sentence naming no time speaks for its yearly report's year
    undated = aligned("The board approved a refreshed strategy.", "annual-report", "2021-22")
    assert same_time("The board approved the strategy in 2021-22.", undated)
    assert not same_time("The board approved the strategy in 2019-20.", undated)


def test_a_time_a_phrasal_verb_gives_an_event_is_for_the_sentence_to_state() -> None:
    from kb.claims import Aligned, same_time
    from kb.models import Passage

    sentence = "The new transport policy for the youth service is set out in Annex B."
    passage = Passage(1, "a", "Youth service review", "review.pdf", None, "guidance", 2, 2,
                      None, sentence, 0, len(sentence))
    undated = Aligned(passage, sentence, 0, coverage=0.9, closeness=0.8, score=0.85)
    assert not same_time("The transport policy for the youth service came out in 2021.", undated)
    assert not same_time("The youth service's booking system went live in May 2022.", undated)
    assert not same_time("The transport policy was rolled out across the county in 2020.",
                         undated)
    # a time that says when a thing holds, not when an event was, needs no sentence to date it
    assert same_time("The transport policy for the youth service is set out in 2021's annex.",
                     undated)


def test_a_year_the_documents_name_carries_dates_the_document() -> None:
    from kb.claims import Aligned, same_time
    from kb.models import Passage

    sentence = "The advice replaces the earlier panel leaflet published in July 2018."

    def aligned(title: str, path: str) -> Aligned:
        passage = Passage(1, "a", title, path, None, "guidance", 3, 3, None, sentence, 0,
                          len(sentence))
        return Aligned(passage, sentence, 0, coverage=0.9, closeness=0.8, score=0.85)

    claim = "The 2024 fostering panel advice replaces the leaflet published in July 2018."
    assert same_time(claim, aligned("Fostering panel advice", "Panel_advice_May_2024.pdf"))
    assert same_time(claim, aligned("Fostering panel advice 2024", "advice.pdf"))
    # a year the document's name does not carry must be stated by the sentence
    assert not same_time(claim, aligned("Fostering panel advice", "Panel_advice_May_2023.pdf"))


def test_a_sentence_that_only_names_the_document_bears_out_nothing() -> None:
    from kb.claim_figures import Claim
    from kb.claims import Aligned, says_more_than_its_title
    from kb.models import Passage
    from kb.terms import Terms
    from kb.words import stem

    def aligned(sentence: str) -> Aligned:
        passage = Passage(1, "p", "Brightwater mentoring pilot: interim evaluation", "p.pdf",
                          None, "other", 1, 1, None, sentence, 0, len(sentence))
        return Aligned(passage, sentence, 0, coverage=0.9, closeness=0.8, score=0.85)

    words = ["Brightwater", "mentoring", "pilot", "began"]
    claim = Claim("The Brightwater mentoring pilot began in 2022.", [], None, 0,
                  Terms({stem(word.lower()): 1.0 for word in words}))
    assert not says_more_than_its_title(claim.terms, aligned("Brightwater mentoring pilot"))
    assert says_more_than_its_title(claim.terms, aligned("The pilot began with four schools."))
    # beyond the document's name, the sentence must hold enough of the claim (the verb by which
    # the claim says the document speaks is not part of it)
    words = ["Brightwater", "mentoring", "pilot", "stresses", "mentors", "vetted", "twice"]
    claim = Claim("The Brightwater mentoring pilot stresses that mentors are vetted twice.", [],
                  None, 0, Terms({stem(word.lower()): 1.0 for word in words}))
    assert not says_more_than_its_title(claim.terms, aligned("Mentors met weekly."), 0.4)
    assert says_more_than_its_title(claim.terms, aligned("All mentors are vetted twice."), 0.4)
    # a sentence whose "This check" names what the sentence before it says holds those words
    # as its own, as its coverage already did
    pointing = aligned("This check is known as the Brightwater standard.")
    assert not says_more_than_its_title(claim.terms, pointing, 0.4)
    pointing.pointed = "Mentors are vetted twice before they meet a young person."
    assert says_more_than_its_title(claim.terms, pointing, 0.4)


def test_every_in_a_duty_is_its_scope_not_a_share() -> None:
    from kb.claim_figures import claim_totals

    assert claim_totals("Every child in care must have a named nurse.", [], None) == []
    [share] = claim_totals("Every child in care had a named nurse in 2023-24.", [], "2023-24")
    assert (share.kind, share.value) == ("percent", 100.0)


def test_a_claim_of_what_a_document_is_can_clash_with_its_title() -> None:
    from kb.check import judge
    from kb.claim_figures import Claim
    from kb.claims import Aligned
    from kb.models import Passage
    from kb.terms import Terms

    sentence = "The toolkit helps staff share records about a child."
    passage = Passage(1, "t", "Non-statutory records toolkit for school staff", "t.pdf", None,
                      "guidance", 3, 3, None, sentence, 0, len(sentence))
    best = Aligned(passage, sentence, 0, coverage=0.9, closeness=0.8, score=0.85)
    terms = Terms({"toolkit": 1.0, "statutori": 1.0, "record": 1.0})
    verdict, _, reason = judge(Claim("The records toolkit is statutory guidance.", [], None, 0,
                                     terms), [best])
    assert verdict == "contradicted" and reason.startswith("its title")
    verdict, _, _ = judge(Claim("The records toolkit helps staff share records.", [], None, 0,
                                terms), [best])
    assert verdict != "contradicted"


def test_each_figure_of_a_sentence_belongs_to_its_own_measure() -> None:
    from kb.check import judge
    from kb.claim_figures import Claim
    from kb.numbers import find_figures, stated_figures
    from kb.terms import Terms

    source = ("A new carer's learning plan is reviewed every six months, and an approved "
              "carer's learning plan every 24 months.")
    terms = Terms({"carer": 1.0, "learn": 1.0, "plan": 1.0, "review": 1.0, "new": 0.5,
                   "month": 0.5})

    def verdict(claim_text: str) -> str:
        claim = Claim(claim_text, stated_figures(find_figures(claim_text)), None, 0, terms,
                      [terms])
        return judge(claim, [_aligned(source)])[0]

    # the other measure's figure in the same sentence is no support for this one's
    assert verdict("A new carer's learning plan is reviewed every 24 months.") == "contradicted"
    assert verdict("A new carer's learning plan is reviewed every six months.") == "supported"


def test_a_claim_that_something_is_allowed_is_contradicted_by_a_sentence_forbidding_it() -> None:
    from kb.check import judge
    from kb.claim_figures import Claim
    from kb.claims import Aligned
    from kb.models import Passage
    from kb.terms import Terms

    def aligned(sentence: str, score: float) -> Aligned:
        passage = Passage(1, "t", "Trips guidance", "t.pdf", None, "other", 5, 5, None, sentence,
                          0, len(sentence))
        return Aligned(passage, sentence, 0, coverage=score, closeness=score, score=score)

    terms = Terms({"accept": 1.0, "parent": 1.0, "volunt": 1.0, "lead": 1.0, "school": 0.5,
                   "trip": 1.0})
    claim = Claim("It is acceptable for a parent volunteer to lead the school trip.", [], None,
                  0, terms)
    near = aligned("A parent volunteer and the school trip leader plan the trip together.", 0.8)
    forbidding = aligned("It is not appropriate for a parent volunteer to lead a school trip.",
                         0.6)
    verdict, chosen, reason = judge(claim, [near, forbidding])
    assert verdict == "contradicted" and chosen[0].sentence == forbidding.sentence
    assert judge(claim, [near])[0] != "contradicted"


def test_a_row_of_another_code_says_nothing_of_the_code_claimed() -> None:
    from kb.check import judge
    from kb.claim_figures import Claim
    from kb.items import items_named
    from kb.numbers import find_figures, stated_figures
    from kb.terms import Terms

    claim_text = "Check QA 02 warns when the count of visits changes by 20 per cent or more."
    figures = stated_figures(find_figures(claim_text))
    terms = Terms({"check": 0.5, "warn": 1.0, "count": 0.5, "visit": 1.0, "chang": 0.5})
    claim = Claim(claim_text, figures, None, 0, terms, [terms], items_named(claim_text))
    assert claim.items == {"qa": {"2"}}
    other = "QA 03 Count of visits: warns when the count changes by 20 per cent or more."
    assert judge(claim, [_aligned(other)])[0] == "not_found"
    own = "QA 02 Count of visits: warns when the count changes by 10 per cent or more."
    assert judge(claim, [_aligned(own)])[0] == "contradicted"


def test_a_body_the_claim_names_in_another_bodys_place_is_a_contradiction() -> None:
    from kb.names import swapped_name

    assert swapped_name("The toolkit was written by Healthwatch for schools.",
                        "The toolkit was written by the Youth Justice Board for schools.",
                        {"healthw"}) == ("Healthwatch", "Youth Justice Board")
    # the source names nobody in that place: nothing is swapped
    assert swapped_name("The toolkit was written by Healthwatch for schools.",
                        "The toolkit was written for schools in 2023.", {"healthw"}) is None
    # a name in another place is no swap
    assert swapped_name("The toolkit was written by Healthwatch for schools.",
                        "Schools in Kent use the toolkit, written last year.",
                        {"healthw"}) is None
    # a name tied to the same word by another preposition stands in the same place
    assert swapped_name("The club is planning a youth exchange to Lyon next spring.",
                        "The club is planning a youth exchange with Turin next spring.",
                        {"lyon"}) == ("Lyon", "Turin")


# the passage names both agencies; the sentence that speaks to the claim names only one
HUBS = ("Evaluation of the family hubs\n\nPartners from Health, Police and Housing took part in "
        "the interviews. Support for the hubs was strongest among Housing partners, who saw "
        "fewer evictions. Police partners asked for clearer referral routes.\n")
# "all" makes no statistic of a role: the sole role the source gives another contradicts
COMPLAINTS = ("Handling complaints about staff\n\nThe head of service should be the ultimate "
              "decision maker on all complaints about staff. The complaints officer keeps the "
              "log and writes to the family within ten days.\n")


@pytest.mark.parametrize(("document", "claim", "verdict", "named"), [
    (HUBS, "Support for the hubs was strongest among Police partners.", "contradicted",
     "Housing"),
    (HUBS, "Support for the hubs was strongest among Housing partners.", "supported", ""),
    (COMPLAINTS, "The complaints officer is the ultimate decision maker on all complaints about "
     "staff.", "contradicted", "head of service"),
])
def test_a_name_or_role_the_source_gives_another_contradicts_the_claim(
        tmp_path: Path, document: str, claim: str, verdict: str, named: str) -> None:
    with one_document_library(tmp_path, "note.txt", document) as kb:
        checked = kb.check(claim)
        assert checked.verdict == verdict
        assert named in checked.explanation


def _judged_with_closeness(sentence: str, title: str, coverage: float, closeness: float
                           ) -> str:
    """The verdict on a claim (written for these tests) whose one aligned sentence holds
    `coverage` of its words and stands `closeness` from it in the model's reading."""
    from kb.check import judge
    from kb.claim_figures import Claim
    from kb.claims import Aligned
    from kb.models import Passage
    from kb.terms import Terms

    claim = Claim("If a worker judges a worry to be small, early help may be the better route.",
                  [], None, 0, Terms({"worker": 1.0, "judg": 1.0, "worry": 1.0, "small": 1.0,
                                      "early": 1.0, "help": 1.0, "better": 1.0, "rout": 1.0}))
    passage = Passage(1, "n", title, "n.txt", None, "other", None, None, None, sentence, 0,
                      len(sentence))
    aligned = Aligned(passage, sentence, 0, coverage, closeness, 0.5 * (coverage + closeness))
    return judge(claim, [aligned])[0]


def test_a_sentence_the_model_reads_as_the_same_supports_a_claim_in_other_words() -> None:
    from kb.check import SAID_AGAIN, SAID_AGAIN_WORDS, SAME_SENSE, SAME_SENSE_WORDS, SUPPORTS

    sentence = ("When a practitioner considers a worry to be minor, it may be more suitable to "
                "raise it through early help.")

    def verdict(coverage: float, closeness: float) -> str:
        return _judged_with_closeness(sentence, "Practice note", coverage, closeness)

    held = 0.3  # "worry", "early", "help": too few of the claim's words to support it by words
    assert SAME_SENSE_WORDS <= held < SUPPORTS
    assert verdict(held, SAME_SENSE + 0.02) == "supported"
    assert verdict(held, SAME_SENSE - 0.1) == "not_found"
    # read as the claim said again, fewer still; meaning alone is never enough
    assert SAME_SENSE < SAID_AGAIN and SAID_AGAIN_WORDS < SAME_SENSE_WORDS
    assert verdict(SAID_AGAIN_WORDS, SAID_AGAIN - 0.01) == "not_found"
    assert verdict(SAID_AGAIN_WORDS, SAID_AGAIN + 0.02) == "supported"
    assert verdict(SAID_AGAIN_WORDS / 2, 0.99) == "not_found"


def test_a_sentence_read_as_the_same_needs_as_few_words_beyond_the_documents_name() -> None:
    from kb.check import SAME_SENSE

    # half the claim's words, but beyond the document's name ("early", "help") only a third
    sentence = ("When a practitioner considers a worry to be minor, early help may be the more "
                "suitable route.")

    def verdict(closeness: float) -> str:
        return _judged_with_closeness(sentence, "Early help practice note", 0.5, closeness)

    assert verdict(SAME_SENSE + 0.02) == "supported"
    assert verdict(SAME_SENSE - 0.1) == "not_found"


def test_a_rare_term_swapped_for_another_after_the_same_word_is_read() -> None:
    from kb.swaps import swapped_term

    library = {"sociograms": 1, "timelines": 2, "draws": 3, "pupil": 40, "friendships": 4,
               "maps": 90}
    source = "The pilot app draws sociograms of a pupil's friendships for the team."
    assert swapped_term("The pilot app draws timelines of a pupil's friendships.", source,
                        library) == ("timelines", "sociograms")
    # a common word set against a term of art is no swap: too likely a paraphrase
    assert swapped_term("The pilot app draws maps of a pupil's friendships.", source,
                        library) is None
    # the claim's term is in the sentence too: nothing was swapped
    assert swapped_term("The pilot app draws sociograms.", "It draws sociograms and timelines.",
                        library) is None
    # an address is where to write, not a term: "pilot@sociograms.org" says nothing of drawing
    assert swapped_term("The pilot draws timelines.", "Write to pilot@sociograms.org today.",
                        library) is None
    # after a joining word the slot is a list's, where a paraphrase names a member otherwise
    # the same word on both sides of it: one act said two ways ("builds sociograms" /
    # "draws sociograms")
    assert swapped_term("The pilot app builds sociograms of a pupil's friendships.", source,
                        library) is None
    listed = {**library, "recordings": 2, "footage": 1, "videos": 5}
    assert swapped_term("The app keeps photos, videos and recordings.",
                        "The app keeps photos, videos and footage.", listed) is None


def test_check_contradicts_a_claim_that_swaps_one_term_of_art_for_another(
        tmp_path: Path) -> None:
    with one_document_library(tmp_path, "pilot.txt", (
            "School wellbeing pilot\n\nThe pilot app draws sociograms of each pupil's "
            "friendships so that the pastoral team can see who is isolated. Staff reviewed "
            "the pastoral plans every half term.\n")) as kb:
        verdict = kb.check("The pilot app draws timelines of each pupil's friendships.")
        assert verdict.verdict == "contradicted"
        assert "sociograms" in verdict.explanation


def _checked_in(tmp_path: Path, document: str, claim: str) -> Verdict:
    """The verdict on a claim in a library of one document written for the test."""
    with one_document_library(tmp_path, "document.txt", document) as kb:
        return kb.check(claim)


SELECTION = ("Second round of the pilot\n\nA second round of six councils applied to join the "
             "pilot and were selected in May 2024, starting work from September 2024. Each "
             "council's plan should be reviewed every six months by its steering group. A "
             "maximum of two staff from each council sit on the national board.\n")


@pytest.mark.parametrize(("claim", "verdict"), [
    ("Six councils were selected for the second round in May 2024.", "supported"),
    # the figures as stated, what the claim says of them denied or its duty changed
    ("Six councils were not selected for the second round in May 2024.", "contradicted"),
    ("Each council's plan may be reviewed every six months by its steering group.",
     "contradicted"),
    # or a modifier turned to its opposite ("minimum" against "maximum")
    ("A maximum of two staff from each council sit on the national board.", "supported"),
    ("A minimum of two staff from each council sit on the national board.", "contradicted"),
])
def test_a_claim_whose_figures_agree_is_still_read_for_its_english(
        tmp_path: Path, claim: str, verdict: str) -> None:
    assert _checked_in(tmp_path, SELECTION, claim).verdict == verdict


def test_a_claim_that_repeats_a_sentence_but_for_one_part_is_read_as_a_swap() -> None:
    from kb.swaps import swapped_part

    source = "The attendance officer should keep a list of the pupils who miss ten days."
    assert swapped_part("The school nurse should keep a list of the pupils who miss ten days.",
                        source) == ("school nurse", "attendance officer")
    # the sentence's part may share a word with the rest of the claim ("cases")
    assert swapped_part("The parent should follow the progress of cases closely.",
                        "The case manager should follow the progress of cases closely.") == (
        "parent", "case manager")
    # two parts changed is a paraphrase, not a swap; a part said elsewhere was moved
    assert swapped_part("The school nurse should make a list of the children who miss ten days.",
                        source) is None
    assert swapped_part("The officer should keep a list of the pupils who miss ten days.",
                        source) is None  # only a word left out: nothing put in its place
    assert swapped_part("Pupils who miss ten days are on the attendance officer's list.",
                        source) is None



def test_a_claim_giving_a_thing_another_modifier_than_the_source_is_a_swap() -> None:
    from kb.swaps import swapped_modifier

    source = "Follow-up dental checks may be made by a trained dental therapist."
    assert swapped_modifier("A pupil's first dental checks may be made by a dental therapist.",
                            source) == ("first dental checks", "follow-up dental checks")
    # the same modifier, or none, is no swap; nor is one said elsewhere in the sentence
    assert swapped_modifier("Follow-up dental checks may be made by a therapist.", source) is None
    assert swapped_modifier("Dental checks may be made by a dental therapist.", source) is None
    assert swapped_modifier("Trained dental checks are follow-up.", source) is None
    # a verb before the words acts on them; it names no kind of them
    assert swapped_modifier("Staff are told to book dental checks every year.",
                            "Staff are told to record dental checks every year.") is None
    # a clause's last word does not modify the next clause's first words
    assert swapped_modifier("After a complaint, written records must be kept.",
                            "After a referral, written records must be kept.") is None


def test_a_claim_choosing_one_thing_over_what_the_source_states_is_contradicted() -> None:
    from kb.contrasts import passed_over

    source = "The club charter is binding rules for every member of the league."
    assert passed_over("The club charter is optional advice rather than binding rules.", source)
    assert passed_over("The charter is not binding rules but optional advice.", source)
    # the claim's choice is the source's own, or the source states both, or denies: no clash
    assert passed_over("The charter is binding rules rather than optional advice.", source) is None
    assert passed_over("The charter is optional advice rather than binding rules.",
                       "The charter is binding rules, with optional advice beside them.") is None
    assert passed_over("The charter is optional advice rather than binding rules.",
                       "The charter is not binding rules for members.") is None


def test_a_claim_giving_one_quoted_term_what_the_source_gives_another_is_a_swap() -> None:
    from kb.swaps import swapped_quote

    source = ('In this guide the code "N1" is used where the case closes with advice, and '
              '"N3" where it passes to early help for a family plan.')
    assert swapped_quote("The guide uses 'N3' where the case closes with advice.",
                         source) == ("n3", "N1")
    assert swapped_quote("The guide uses 'N1' where the case closes with advice.",
                         source) is None
    # a term the sentence never quotes, or a sentence of one term, is no swap
    assert swapped_quote("The guide uses 'N5' where the case closes with advice.",
                         source) is None
    assert swapped_quote("The guide uses 'N3' where the case closes with advice.",
                         'The code "N1" is used where the case closes with advice.') is None


def test_who_says_a_thing_is_not_a_part_swapped_but_a_body_named_state_is() -> None:
    from kb.swaps import swapped_part

    source = "Wider conversations highlighted that reviews drive extra notes being recorded."
    assert swapped_part("The Hartmoor study found that reviews drive extra notes being "
                        "recorded.", source) is None
    # "State" in a name is no verb of saying
    assert swapped_part("The Secretary of State may share the list with the regional panel.",
                        "The local authority may share the list with the regional panel.") == (
        "secretary of state", "local authority")


def test_a_document_goes_by_its_file_name_as_well_as_its_title() -> None:
    from kb.check import unnamed
    from kb.claim_figures import Claim
    from kb.models import Passage
    from kb.terms import Terms

    text = "Wider conversations showed that inspections drive extra recording."
    passage = Passage(1, "study", "User research into inputted data",
                      "docs/Understanding recording (Hartmoor).pdf", None, "other", 46, 46,
                      None, text, 0, len(text))
    assert "Hartmoor" in passage.known_as
    claim = Claim("The Hartmoor study found that inspections drive extra recording.", [], None,
                  0, Terms({"inspect": 1.0}))
    assert not unnamed(claim, _aligned(text).__class__(passage, text, 0, 0.8, 0.8, 0.8))
    assert unnamed(claim, _aligned(text))  # in a document of another name it is missing

def test_a_sentence_names_what_its_footnote_cites() -> None:
    from kb.check import unnamed, with_notes
    from kb.claim_figures import Claim
    from kb.notes import Note
    from kb.terms import Terms

    text = "• check each volunteer's fitness to carry out the role."
    claim = Claim("The guide cites the Volunteer Fitness (Wales) Regulations 2019 for checking "
                  "a volunteer's fitness.", [], None, 0, Terms({"fit": 1.0}))
    aligned = _aligned(text)
    assert unnamed(claim, aligned)  # the sentence alone names no regulation

    class Library:  # the one read with_notes makes of the library
        def notes_of(self, passage):  # type: ignore[no-untyped-def]
            return [Note(3, 12, "the role.", "Volunteer Fitness (Wales) Regulations 2019"),
                    Note(3, 13, "another line.", "Hill Walking (Wales) Regulations 2020")]

    with_notes(Library(), [aligned])  # type: ignore[arg-type]
    assert aligned.notes == "Volunteer Fitness (Wales) Regulations 2019"
    assert not unnamed(claim, aligned)
    other = Claim("The guide cites the Hill Walking (Wales) Regulations 2020 for checking a "
                  "volunteer's fitness.", [], None, 0, Terms({"fit": 1.0}))
    assert unnamed(other, aligned)  # a note of another line of the page speaks for that line


NURSING = ("Health checks in care\n\nThe virtual school head should record each child's "
           "health check on the care plan and share it with the designated teacher (DT). Each "
           "designated teacher keeps the plan for the school.\n")


@pytest.mark.parametrize(("claim", "verdict"), [
    ("The virtual school head should record each child's health check on the care plan.",
     "supported"),
    ("The school nurse should record each child's health check on the care plan.",
     "contradicted"),
    # an acronym for its expansion is the same part said two ways
    ("Each DT keeps the plan for the school.", "supported"),
])
def test_check_contradicts_a_claim_with_one_part_put_in_anothers_place(
        tmp_path: Path, claim: str, verdict: str) -> None:
    assert _checked_in(tmp_path, NURSING, claim).verdict == verdict


def test_how_often_a_claim_says_something_happens_must_be_what_the_source_says(
        tmp_path: Path) -> None:
    text = ("Fostering panel terms of reference\n\n"
            "The fostering panel reviews the terms of approval of every carer every six months, "
            "and reports to the corporate parenting board on what it found. Panel members are "
            "drawn from health, education and the independent reviewing service.\n\n"
            "Useful resources\n\n"
            "• Fostering panel guidance for members\n")
    with one_document_library(tmp_path, "panel.txt", text) as kb:
        said_twice = kb.check("The fostering panel reviews carers' terms of approval twice a "
                              "year.")
        said_yearly = kb.check("The fostering panel reviews carers' terms of approval once a "
                               "year.")
        unstated = kb.check("Fostering panel guidance for members is updated every month.")
    assert said_twice.verdict == "supported"
    assert said_yearly.verdict == "contradicted"
    # a list line naming the guidance says nothing of how often it is updated
    assert unstated.verdict == "not_found"


@pytest.mark.parametrize("claim, verdict", [
    ("The three members of the panel are the head teacher, the school nurse and a parent "
     "governor.", "contradicted"),
    ("The three members of the panel are the head teacher, the school nurse and the "
     "attendance officer.", "supported"),
])
def test_a_count_of_the_members_a_claim_lists_is_read_by_the_list(
        tmp_path: Path, claim: str, verdict: str) -> None:
    document = ("Exclusions review panel\n\n"
                "The exclusions review panel meets each half term to look at every permanent "
                "exclusion. The panel has three members: the head teacher, the school nurse "
                "for the cluster and the attendance officer. Its decisions are reported to the "
                "governing board.\n")
    assert _checked_in(tmp_path, document, claim).verdict == verdict


def test_a_sentence_denying_the_claim_is_read_though_the_model_puts_others_closer() -> None:
    from kb.check import DENIAL_REACH, TIE, judge
    from kb.claim_figures import Claim
    from kb.claims import Aligned
    from kb.models import Passage
    from kb.terms import Terms

    weights = {"foster": 1.0, "carer": 1.0, "requir": 1.0, "attend": 1.0, "review": 1.0,
               "panel": 1.0}
    states = Claim("Foster carers are required to attend the review panel.", [], None, 0,
                   Terms(dict(weights)))
    denies = Claim("Foster carers are not required to attend the review panel.", [], None, 0,
                   Terms(dict(weights)))
    near = "The review panel invites foster carers to attend and share their views."
    denial = "Foster carers are not required to attend the review panel."
    text = f"{near} {denial}"
    passage = Passage(1, "g", "Panel guidance", "g.txt", None, "other", None, None, None,
                      text, 0, len(text))
    gap = TIE + 0.1  # the model puts the denial well below the best

    def verdict(claim: Claim, first: str, second: str, coverage: float) -> str:
        return judge(claim, [Aligned(passage, first, 0, 0.8, 0.8, 0.8),
                             Aligned(passage, second, 0, coverage, 0.5, 0.8 - gap)])[0]

    assert verdict(states, near, denial, 0.8 - DENIAL_REACH / 2) == "contradicted"
    # holding too little of the claim's words, it is not read
    assert verdict(states, near, denial, 0.8 - 2 * DENIAL_REACH) == "supported"
    # a claim that denies is not clashed with by a sentence that uses its words without "not"
    assert verdict(denies, denial, near, 0.8) == "supported"
    # nor is a claim by a denial under a condition, which holds only where the condition does
    conditional = "If the review is about a placement ending, foster carers are not required " \
        "to attend the review panel."
    assert verdict(states, near, conditional, 0.8) == "supported"


def test_the_sentence_stating_more_of_the_claims_figures_is_its_first_witness() -> None:
    from kb.check import judge
    from kb.claim_figures import Claim
    from kb.numbers import find_figures, stated_figures
    from kb.terms import Terms

    terms = Terms({"visit": 1.0, "offer": 1.0, "hour": 0.5})
    claim_text = "Visits offered within 48 hours rose to 88% in 2022-23."
    claim = Claim(claim_text, stated_figures(find_figures(claim_text)), None, 0, terms, [terms])
    # every year's row holds "within 48 hours"; one sentence holds the year's figure as well
    rows = [_aligned("Visits offered within 48 hours stood at 81% in 2021-22."),
            _aligned("Visits were offered within 48 hours in most cases."),
            _aligned("Visits offered within 48 hours reached 88% in 2022-23.")]
    verdict, chosen, _ = judge(claim, rows)
    assert verdict == "supported"
    assert chosen[0].sentence == "Visits offered within 48 hours reached 88% in 2022-23."


def test_a_length_of_time_agrees_in_another_calendar_unit() -> None:
    from kb.agreement import agrees
    from kb.numbers import find_figures, stated_figures

    claim = "Visits must happen within two weeks of the placement starting."
    source = "Visits must happen within 14 days of the placement starting."
    claimed = stated_figures(find_figures(claim))[0]
    assert agrees(claimed, stated_figures(find_figures(source))[0], claim, source)
    later = "Visits must happen within 21 days of the placement starting."
    assert not agrees(claimed, stated_figures(find_figures(later))[0], claim, later)
    # ten school days are two school weeks, not ten calendar days: left unconverted
    school = "Visits must happen within ten school days of the placement starting."
    assert not agrees(claimed, stated_figures(find_figures(school))[0], claim, school)
    bounded = "A carer who has looked after him for less than 42 days need not tell us."
    said = "A carer who has looked after him for under six weeks need not tell us."
    assert agrees(stated_figures(find_figures(said))[0],
                  stated_figures(find_figures(bounded))[0], said, bounded)


AUDIT = ("Case file audit\n\nThe audit team read 240 case files from the spring term. Of these, "
         "180 files held a chronology that was up to date. The remaining files were returned "
         "to their teams with a note.\n")


@pytest.mark.parametrize(("claim", "verdict"), [
    # a part of what the sentence before counted: 180 of 240 is three quarters
    ("About 75% of the case files the audit team read held an up-to-date chronology.",
     "supported"),
    ("Roughly three out of four case files the audit team read held an up-to-date "
     "chronology.", "supported"),
    ("About 40% of the case files the audit team read held an up-to-date chronology.",
     "contradicted"),
    # said exactly, the shares of two wholes must be the same
    ("Seven of the ten case files the audit team read held an up-to-date chronology.",
     "contradicted"),
])
def test_a_count_after_of_these_is_read_as_a_part_of_the_count_before(
        tmp_path: Path, claim: str, verdict: str) -> None:
    checked = _checked_in(tmp_path, AUDIT, claim)
    assert checked.verdict == verdict, checked.explanation


def test_an_item_of_a_list_of_exceptions_is_not_what_its_lead_in_says(tmp_path: Path) -> None:
    text = ("Who runs the clubs\n\n"
            "The youth service runs all holiday clubs in the borough, with the exception of:\n"
            "• the sailing club at the reservoir, run by the water sports trust\n"
            "• the riding club at Home Farm, run by the farm's owners\n"
            "Bookings for every club are made through the council's website.\n")
    with one_document_library(tmp_path, "clubs.txt", text) as kb:
        excepted = kb.check("The youth service runs the sailing club at the reservoir.")
        itself = kb.check("The water sports trust runs the sailing club at the reservoir.")
    assert excepted.verdict == "contradicted", excepted.explanation
    assert "exception" in excepted.explanation
    # the item's own words say who does run it: no exception is claimed of it
    assert itself.verdict != "contradicted", itself.explanation


def test_an_item_of_a_list_its_lead_in_denies_takes_the_denial(tmp_path: Path) -> None:
    text = ("Counting volunteer hours\n\n"
            "Some activities are not regarded as service for the purposes of the award:\n"
            "• paid coaching sessions, except where the pay goes to the club;\n"
            "• helping at a club run by a member of your own family;\n"
            "Hours are logged online by the volunteer's mentor each month.\n")
    with one_document_library(tmp_path, "hours.txt", text) as kb:
        denied = kb.check("For award purposes, paid coaching sessions should be logged as "
                          "volunteer hours.")
        echoed = kb.check("For the award, paid coaching sessions are not regarded as "
                          "service.")
    assert denied.verdict == "contradicted", denied.explanation
    assert "denial" in denied.explanation
    # a claim that says what the lead-in says is no clash with it
    assert echoed.verdict != "contradicted", echoed.explanation


def test_a_lead_in_that_says_its_list_is_not_exhaustive_denies_nothing_of_its_items(
        tmp_path: Path) -> None:
    text = ("Who should read the code\n\n"
            "Clubs and groups that coach young people should read and follow this code (the "
            "list is in no particular order and is not exhaustive):\n"
            "• rowing clubs\n"
            "• climbing walls\n"
            "• riding schools\n"
            "Copies are free from the county sports office.\n")
    with one_document_library(tmp_path, "code.txt", text) as kb:
        listed = kb.check("Climbing walls are among the groups that should read and follow the "
                          "code.")
    assert listed.verdict == "supported", listed.explanation


def test_a_case_past_a_bound_in_a_case_clause_is_one_the_rule_speaks_of() -> None:
    from kb.agreement import agrees
    from kb.numbers import find_figures

    rule = "If a pupil is absent on more than two days in a week, the school phones home."
    source = find_figures(rule)[0]

    def reads(claim: str) -> bool:
        return agrees(find_figures(claim)[0], source, claim, rule)

    # a case the rule covers, and one it does not
    assert reads("Where a pupil is absent on three days in a week, the school phones home.")
    assert not reads("Where a pupil is absent on one day in a week, the school phones home.")
    # a bound stated as a fact, not a case, is still met only by the same bound
    stated = "More than two days a week were lost to illness."
    assert not agrees(find_figures("Three days a week were lost to illness.")[0],
                      find_figures(stated)[0], "Three days a week were lost to illness.", stated)


def test_a_claim_that_hands_on_what_the_source_keeps_is_contradicted(tmp_path: Path) -> None:
    text = ("Placements with partner clubs\n\n"
            "Where an academy places a player with a partner club, the academy continues to be "
            "responsible for the player's welfare and should check the club's insurance.\n")
    with one_document_library(tmp_path, "placements.txt", text) as kb:
        handed = kb.check("Once an academy places a player with a partner club, the partner "
                          "club takes over responsibility for the player's welfare.")
        kept = kb.check("When it places a player with a partner club, the academy continues "
                        "to be responsible for the player's welfare.")
    assert handed.verdict == "contradicted", handed.explanation
    assert kept.verdict == "supported", kept.explanation


@pytest.mark.parametrize(("claim", "verdict"), [
    # a date given an event is for a sentence to state; one that states none bears it not out
    ("The Harbour Lights mentoring scheme was first launched in 2019.", "not_found"),
    ("The Harbour Lights mentoring scheme has run since 2019.", "not_found"),
    # the year of a law's name dates nothing
    ("Harbour Lights mentors are checked under the Safeguarding Vulnerable Groups Act 2006.",
     "supported"),
])
def test_a_claim_dating_an_event_needs_a_sentence_that_states_a_time(
        tmp_path: Path, claim: str, verdict: str) -> None:
    text = ("Mentoring\n\nThe Harbour Lights mentoring scheme pairs young carers with trained "
            "adult volunteers from local churches. Harbour Lights mentors are checked under "
            "the Safeguarding Vulnerable Groups Act 2006.\n")
    checked = _checked_in(tmp_path, text, claim)
    assert checked.verdict == verdict, checked.explanation


def test_an_acronym_the_passage_spells_out_is_named_there(tmp_path: Path) -> None:
    from kb.names import spelled_out

    assert spelled_out("Issued by the DfE", "issued by the Department for Education") == {"dfe"}
    assert spelled_out("Send a CV", "send a curriculum vitae with the form") == {"cv"}
    assert spelled_out("Ask the DfE", "ask the department") == set()
    text = ("Sports safety code\n\nThe sports safety code is statutory guidance from the "
            "Department for Sport and applies to every club with junior members.\n")
    checked = _checked_in(tmp_path, text, "The sports safety code is statutory guidance from "
                                          "the DfS and applies to clubs with junior members.")
    assert checked.verdict == "supported", checked.explanation


@pytest.mark.parametrize(("claim", "verdict"), [
    # the sentence too leaves the length to the clubs: the claim's "how long" is its own
    ("Clubs decide for themselves how long to keep match-day photos of junior players.",
     "supported"),
    # a claim that the code sets the length is not borne out by it
    ("The code specifies how long clubs must keep match-day photos of junior players.",
     "not_found"),
])
def test_an_amount_left_unstated_is_borne_out_by_a_sentence_that_leaves_it_so(
        tmp_path: Path, claim: str, verdict: str) -> None:
    text = ("Photos\n\nIt is for clubs to decide how long they keep match-day photos of junior "
            "players, but it is recommended that they are kept no longer than needed.\n")
    checked = _checked_in(tmp_path, text, claim)
    assert checked.verdict == verdict, checked.explanation


TOOLKIT = ("About the toolkit\n\nThe audit toolkit was designed and tested by three district "
           "councils, and funded by the county's public health team, which also hosts the "
           "training.\n")


@pytest.mark.parametrize(("claim", "verdict"), [
    # the act given another doer: the sentence's funder is not its designer
    ("The audit toolkit was designed by the county's public health team.", "contradicted"),
    ("The audit toolkit was designed by, and is tested by, the public health team.",
     "contradicted"),
    ("The audit toolkit was designed by three district councils.", "supported"),
    ("The audit toolkit was funded by the county's public health team.", "supported"),
])
def test_an_act_given_another_doer_is_contradicted(tmp_path: Path, claim: str,
                                                   verdict: str) -> None:
    checked = _checked_in(tmp_path, TOOLKIT, claim)
    assert checked.verdict == verdict, checked.explanation


def test_the_doer_of_a_passive_act_is_read_to_the_end_of_its_phrase() -> None:
    from kb.names import agents, swapped_agent
    from kb.words import stem

    assert agents("The review, led by Ofsted and the CQC, found gaps.") == \
        [({"led"}, "Ofsted and the CQC")]
    # a "by" with no doer after it takes the next one's
    assert agents("It was designed by, and is owned by, the Department for Education.") == \
        [({"design", "owned"}, "the Department for Education")]
    # one of several doers named is no swap; an acronym is its expansion
    assert swapped_agent("The review was led by the CQC.",
                         "The review, led by Ofsted and the CQC, found gaps.", {}) is None
    assert swapped_agent("The plan was agreed by the DSL.",
                         "The plan was agreed by the designated safeguarding lead.",
                         {"dsl": {stem(w) for w in ("designated", "safeguarding",
                                                            "lead")}}) is None
    # a doer the sentence names in a later part of its list of doers is no swap; a doer it
    # names only as the doer of another act still is
    listed = ("Bike thefts can be carried out by owners' relatives; by people the owner knows "
              "(such as lodgers, cleaners and tradesmen); and by strangers.")
    assert swapped_agent("Bike thefts can be carried out by lodgers and tradesmen.", listed,
                         {}) is None
    assert swapped_agent("The survey was drafted by the charity.",
                         "The survey was drafted by the council and funded by the charity.",
                         {}) == ("the charity", "the council")



def test_a_name_said_doing_it_or_engaged_to_do_it_is_its_doer() -> None:
    from kb.names import agents, swapped_agent

    source = ("The league, with the county board, commissioned Fair Play Research to carry out "
              "a review of referee abuse.")
    assert [doer for _, doer in agents(source)] == ["Fair Play Research"]
    assert agents("Last year the Sports Data Trust carried out the review.")[0][1] == \
        "the Sports Data Trust"
    assert swapped_agent("The Sports Data Trust carried out the review of referee abuse.",
                         source, {}) == ("The Sports Data Trust", "Fair Play Research")
    assert swapped_agent("Fair Play Research carried out the review of referee abuse.",
                         source, {}) is None
    # a common noun opening a sentence is no name: "Clubs carried out ..." names no doer
    assert agents("Clubs carried out the review.") == []


def test_a_reference_list_names_the_maker_of_each_title_after_a_dash() -> None:
    from kb.names import credits, swapped_agent
    from kb.words import stem

    listed = ("Further reading: Safer Trips Handbook – Riverside Council and Park Schools "
              "Guide – Harbour Trust")
    claim = "The Safer Trips Handbook was written by the Harbour Trust."
    # the claim's title is made by the maker after its dash; the other maker made another
    assert [(sorted(acts)[:2], maker) for acts, maker in credits(claim, listed)] == \
        [(["compil", "creat"], "Riverside Council and Park Schools Guide"),
         (["another title"], "Harbour Trust")]
    assert swapped_agent(claim, listed, {}) == ("the Harbour Trust",
                                                "Riverside Council and Park Schools Guide")
    assert swapped_agent("The Safer Trips Handbook was written by Riverside Council.", listed,
                         {}) is None
    # an acronym is known by its expansion whole, not by each of its words: "NSST" is not
    # "The Safer Trips Society"
    nsst = {"nsst": {stem(w) for w in ("national", "society", "safer", "trips")}}
    assert swapped_agent("The guide was published by the NSST.",
                         "The guide was published by the Safer Trips Society.", nsst) == \
        ("the NSST", "the Safer Trips Society")
    assert swapped_agent("The guide was published by the NSST.", "The guide was published by "
                         "the National Society for Safer Trips.", nsst) is None


def test_the_doer_an_arrangement_names_is_the_acts_doer() -> None:
    from kb.names import agents, swapped_agent

    stated = "The league requires the club to arrange for a qualified first aider to check the kit."
    assert agents(stated) == [({"check"}, "a qualified first aider")]
    # a doer that shares a modifier but not its head is another doer
    assert swapped_agent("The kit is checked by a qualified coach.", stated, {}) == \
        ("a qualified coach", "a qualified first aider")
    assert swapped_agent("The kit is checked by the first aider.", stated, {}) is None


def test_a_named_doer_of_an_active_act_is_the_doer_a_passive_claim_gives_another() -> None:
    from kb.names import agents, swapped_agent

    stated = "The Sports Council has published a guide to safe coaching for clubs."
    assert agents(stated) == [({"publish"}, "The Sports Council")]
    assert swapped_agent("Clubs can use a guide to safe coaching published by the Football "
                         "Association.", stated, {}) == ("the Football Association",
                                                         "The Sports Council")
    assert swapped_agent("A guide to safe coaching was published by the Sports Council.",
                         stated, {}) is None
    # an act with no named doer ("it has ...") gives none
    assert agents("Since then it has published two guides.") == []


def test_a_word_of_the_documents_title_is_no_opposite_of_the_claims(tmp_path: Path) -> None:
    text = ("Keeping records safe\n\n"
            "Staff must remove old case notes from the shared drive once a case has closed.\n")
    checked = _checked_in(tmp_path, text, "Staff must remove old case notes from the shared "
                                          "drive once a case has closed.")
    # the title's "Keeping" names the guide; it says nothing against "remove"
    assert checked.verdict == "supported", checked.explanation


@pytest.mark.parametrize(("claim", "verdict"), [
    ("The duty officer confirms receipt of a referral within one working day.", "supported"),
    ("The duty officer confirms receipt of a referral within two working days.",
     "contradicted"),
])
def test_one_before_a_unit_of_time_is_a_figure(tmp_path: Path, claim: str,
                                               verdict: str) -> None:
    text = ("Referrals\n\nThe duty officer confirms receipt of a referral within one working "
            "day, and the team manager decides on next steps.\n")
    checked = _checked_in(tmp_path, text, claim)
    assert checked.verdict == verdict, checked.explanation


PILOT_AREAS = ("Police involvement\n\nThe police lead said the force had oversight of seven "
               "boroughs but only two were in the pilot. Of the 12 schools visited, three had a "
               "named pilot contact.\n")


@pytest.mark.parametrize(("claim", "verdict"), [
    # "seven boroughs but only two": two of the seven
    ("All seven boroughs the force had oversight of were in the pilot.", "contradicted"),
    ("Two of the seven boroughs the force had oversight of were in the pilot.", "supported"),
    # "Of the 12 schools visited, three": a quarter of them
    ("A quarter of the schools visited had a named pilot contact.", "supported"),
    ("Half of the schools visited had a named pilot contact.", "contradicted"),
])
def test_a_count_after_but_only_is_read_as_a_part_of_the_count_before_it(
        tmp_path: Path, claim: str, verdict: str) -> None:
    checked = _checked_in(tmp_path, PILOT_AREAS, claim)
    assert checked.verdict == verdict, checked.explanation


CONSENT = ("Consent to treatment\n\nOnce pupils reach the age of 13, they may book a school "
           "nurse appointment for themselves without a parent. Younger pupils need a parent "
           "to book for them.\n")


@pytest.mark.parametrize(("claim", "verdict"), [
    # ages offered as alternatives, both within "once they reach the age of 13"
    ("Pupils aged thirteen or fourteen may book a school nurse appointment for themselves "
     "without a parent.", "supported"),
    ("Pupils aged 14 to 15 may book a school nurse appointment for themselves without a "
     "parent.", "supported"),
    ("Pupils aged eleven or twelve may book a school nurse appointment for themselves without "
     "a parent.", "contradicted"),
    # a claim naming its own threshold names the same one or another, not an age within it
    ("Once pupils reach the age of 15, they may book a school nurse appointment for "
     "themselves without a parent.", "contradicted"),
    ("From the age of 13, pupils may book a school nurse appointment for themselves without "
     "a parent.", "supported"),
])
def test_an_age_from_which_a_rule_holds_includes_the_ages_after_it(
        tmp_path: Path, claim: str, verdict: str) -> None:
    checked = _checked_in(tmp_path, CONSENT, claim)
    assert checked.verdict == verdict, checked.explanation


FUND = ("The reading fund\n\nThe reading fund for looked-after children launched on 3 March 2021 "
        "and offered each virtual school a grant for book parcels.\n")


@pytest.mark.parametrize(("claim", "verdict"), [
    ("The reading fund for looked-after children launched in March 2021.", "supported"),
    # the claim borne out but for its date: the one date the sentence gives is another
    ("The reading fund for looked-after children launched in March 2022.", "contradicted"),
    ("The reading fund for looked-after children launched in May 2021.", "contradicted"),
])
def test_a_claim_dated_otherwise_than_its_sentence_is_contradicted(
        tmp_path: Path, claim: str, verdict: str) -> None:
    checked = _checked_in(tmp_path, FUND, claim)
    assert checked.verdict == verdict, checked.explanation


def test_a_claimed_figure_is_read_against_the_figure_that_counts_the_same_thing(
        library: KnowledgeBase) -> None:
    from kb.claim_figures import judge_figures, read_claim, read_sentence

    def verdict(claim_text: str, source: str) -> tuple[str, float]:
        claim = read_claim(library.engine, claim_text)
        verdict, chosen = judge_figures(claim, read_sentence(claim, _aligned(source)))
        return verdict, chosen[0].source.value

    # the count of the same thing (the words right after it), whichever figure fits better
    forum = "At the spring forum 140 volunteers attended, representing 37 youth clubs."
    assert verdict("Volunteers from close to 40 youth clubs attended the spring forum.",
                   forum) == ("supported", 37)
    assert verdict("Volunteers from 52 youth clubs attended the spring forum.",
                   forum) == ("contradicted", 37)
    # two figures counting alike: an agreeing one is preferred while the fits are near
    # (measure words are noisy), not when the other's own words fit the claim clearly better
    from kb.claim_figures import _counted_alike
    from kb.models import Match
    from kb.numbers import find_figures

    source = ("A pupil is referred after ten school days away after a holiday, or after twenty "
              "school days recorded as absence without permission.")
    claim = "A pupil is referred after ten school days of absence without permission."
    ten, twenty = find_figures(source)[:2]
    passage = _aligned(source).passage

    def chosen(fit_ten: float, fit_twenty: float) -> float:
        matches = [Match(find_figures(claim)[0], figure, fit, figure is ten, passage, source,
                         0, [ten, twenty]) for figure, fit in ((ten, fit_ten),
                                                               (twenty, fit_twenty))]
        matches.sort(key=lambda m: -m.agrees)  # as judge_figures orders its close matches
        return _counted_alike(claim, matches[0].claimed, matches).source.value

    assert chosen(0.64, 0.66) == 10
    assert chosen(0.64, 0.68) == 20


def test_a_line_leading_into_a_list_is_read_with_each_item(library: KnowledgeBase) -> None:
    from kb.check import judge
    from kb.claim_figures import read_claim
    from kb.claims import Aligned, with_its_list
    from kb.models import Passage

    text = ("Forty young people joined the summer listening events, comprising:\n"
            "\u2022 Young carers: 11\n\u2022 Care leavers: 17\n\u2022 Young people in custody: 12\n"
            "The events were held in three libraries.")
    passage = Passage(1, "report", "Annual report 2022-23", "report.pdf", "2022-23",
                      "annual-report", 4, 4, None, text, 0, len(text))
    lead = Aligned(passage, text.split("\n")[0], 0, 0.8, 0.8, 0.8)
    read = with_its_list(lead)
    assert [a.sentence.split(": ", 1)[1] for a in read[1:]] == [
        "Young carers: 11", "Care leavers: 17", "Young people in custody: 12"]
    assert read[2].start == text.index("\u2022 Care leavers")

    def verdict(claim_text: str) -> str:
        return judge(read_claim(library.engine, claim_text), [lead])[0]

    assert verdict("Seventeen care leavers joined the summer listening events.") == "supported"
    assert verdict("Twenty care leavers joined the summer listening events.") == "contradicted"
    # a count of people is no count of days: "32 of them" is not "five days" stated otherwise
    days = Aligned(passage, "Young people joined the summer events, which ran over five days.",
                   0, 0.8, 0.8, 0.8)
    assert judge(read_claim(library.engine, "Over the summer events, 32 young people joined."),
                 [days])[0] == "not_found"


def test_an_item_of_a_list_is_read_with_the_line_leading_into_it() -> None:
    from kb.claims import align
    from kb.models import Passage
    from kb.terms import Terms
    from kb.words import stem

    def item_coverage(text: str) -> float:
        passage = Passage(1, "s", "Induction standards", "s.txt", None, "other", 1, 1, None,
                          text, 0, len(text))
        terms = Terms({stem(w): 1.0 for w in ("heads", "service", "shadow", "duty", "manager")})
        found = align("Heads of service make sure new workers shadow a duty manager.", terms,
                      [passage])
        return next(a.coverage for a in found if "shadows" in a.sentence)

    item = "\u2022 Make sure every new worker shadows a duty manager before holding cases.\n"
    led = item_coverage("Every new worker has an induction plan.\nHeads of service should:\n"
                        + item + "\u2022 Review each plan after three months.\n")
    alone = item_coverage("Every new worker has an induction plan.\nHeads of service agree "
                          "plans.\n" + item + "\u2022 Review each plan after three months.\n")
    assert led > alone


def test_a_claim_that_something_is_not_meant_to_be_what_the_source_denies_is_supported(
        tmp_path: Path) -> None:
    # "meant to be" only links: what the claim holds beyond the document's name is "an audit"
    # and "the council", as the source's denial says
    document = ("Harwell Peer Review: Handbook\n\n"
                "The Harwell peer review isn't an audit of the council; findings are recorded "
                "as stated by council staff, unless explicitly noted otherwise. "
                "Each review ends with an action plan agreed by the participants.\n")
    with one_document_library(tmp_path, "handbook.txt", document) as kb:
        assert kb.check("The Harwell peer review is not meant to be an audit of the council."
                        ).verdict == "supported"
        assert kb.check("The Harwell peer review is meant to be an audit of the council."
                        ).verdict == "contradicted"



@pytest.mark.parametrize(("claim", "near", "other", "why"), [
    # an opposite word: the model reads the first as nearer; the second holds more of the
    # claim's words
    ("The Harbour youth review is designed as a half-day workshop with local partners.",
     "The Harbour youth review is designed to bring local partners together.",
     "This guide gives a framework for a full day workshop with local partners.", "full"),
    # a duty made of what the claim says is none: the model reads the denial of a duty to
    # childminders as nearer; the duty laid on nurseries holds more of the claim's words
    ("Nurseries need not record the date each staff member's first aid training ended.",
     "Childminders are not required to record the date each assistant's first aid training "
     "ended.",
     "Nurseries must record the date each staff member's first aid training ended.", "duty"),
])
def test_a_sentence_holding_as_much_of_the_claim_is_read_for_what_it_says_otherwise(
        claim: str, near: str, other: str, why: str) -> None:
    from kb.check import said_otherwise
    from kb.claim_figures import Claim
    from kb.claims import Aligned
    from kb.models import Passage
    from kb.terms import Terms

    text = f"{near} {other}"
    passage = Passage(1, "h", "Guide", "h.txt", None, "other", None, None, None, text, 0,
                      len(text))
    about = [Aligned(passage, near, 0, 0.6, 0.9, 0.75),
             Aligned(passage, other, len(near) + 1, 0.7, 0.5, 0.6)]
    read = Claim(claim, [], None, 0, Terms({}))
    said = said_otherwise(read, about)
    assert said is not None and said[0] == "contradicted" and why in said[2]
    # one that holds less of the claim's words than the nearest is not read for it
    about[1].coverage = 0.5
    assert said_otherwise(read, about) is None


def test_a_passage_that_never_names_the_claims_body_says_nothing_against_it() -> None:
    from kb.check import said_otherwise
    from kb.claim_figures import Claim
    from kb.claims import Aligned
    from kb.models import Passage
    from kb.terms import Terms

    sentence = "Youth Workers may be people who do not hold a teaching qualification."
    passage = Passage(1, "y", "Youth guide", "y.txt", None, "other", None, None, None,
                      sentence, 0, len(sentence))
    about = [Aligned(passage, sentence, 0, 0.7, 0.7, 0.7)]
    named = Claim("Youth Workers must hold a teaching qualification.", [], None, 0, Terms({}))
    said = said_otherwise(named, about)
    assert said is not None and said[0] == "contradicted"
    other = Claim("School Governors must hold a teaching qualification.", [], None, 0,
                  Terms({}))
    assert said_otherwise(other, about) is None


def test_a_sentence_about_another_body_of_the_same_kind_says_nothing_against_it() -> None:
    from kb.check import said_otherwise
    from kb.claim_figures import Claim
    from kb.claims import Aligned
    from kb.models import Passage
    from kb.names import another_of_its_kind
    from kb.terms import Terms

    sentence = "Family Support Youth Workers may be people who do not hold a teaching " \
        "qualification."
    # the passage names the claim's body too, elsewhere
    text = f"{sentence} Street Youth Workers join the team in spring."
    passage = Passage(1, "y", "Youth guide", "y.txt", None, "other", None, None, None,
                      text, 0, len(text))
    about = [Aligned(passage, sentence, 0, 0.7, 0.7, 0.7)]
    other = Claim("Street Youth Workers must hold a teaching qualification.", [], None, 0,
                  Terms({}))
    assert another_of_its_kind(other.text, sentence) == ("Street Youth Workers",
                                                         "Family Support Youth Workers")
    assert said_otherwise(other, about) is None
    same = Claim("Family Support Youth Workers must hold a teaching qualification.", [], None,
                 0, Terms({}))
    said = said_otherwise(same, about)
    assert said is not None and said[0] == "contradicted"
    # an acronym may stand for the other name's words: no other body is told
    assert another_of_its_kind("The SEND Code of Practice says so.",
                               "The Special Educational Needs Code of Practice says so.") is None


def test_figures_before_the_same_words_measure_the_same_thing() -> None:
    from kb.claim_figures import same_setting
    from kb.numbers import find_figures

    claim = "Helpers count as regular when they come on more than six days in a 30-day period."
    sentence = "A helper is regular if giving support (more than four days in a 30-day period)."
    ours = next(f for f in find_figures(claim) if f.value == 6)
    theirs = next(f for f in find_figures(sentence) if f.value == 4)
    assert same_setting(claim, ours, sentence, theirs)
    other = "A helper is regular if giving support on more than four occasions a month."
    assert not same_setting(claim, ours, other, next(f for f in find_figures(other)
                                                       if f.value == 4))




def test_an_age_is_checked_for_what_it_is_the_age_of_not_how_it_is_put(tmp_path: Path) -> None:
    from kb.claim_figures import read_claim
    from kb.words import stem

    text = ("Leaving care\n\n"
            "Councils have a proactive duty to offer advice to former foster children until "
            "the young person's 21st birthday, and these cases are logged as open.\n")
    claim = "Councils must offer advice to former foster children until they turn 21."
    with one_document_library(tmp_path, "leaving.txt", text) as kb:
        parsed = read_claim(kb.engine, claim)
        agreed = kb.check(claim)
        differs = kb.check(claim.replace("21", "25"))
    # "until they turn" says how the age is put: neither the claim's words nor the age's own
    assert not {stem("until"), stem("turn")} & set(parsed.terms.weights)
    assert not {stem("until"), stem("turn")} & set(parsed.measures[0].weights)
    assert {stem("advice"), stem("foster")} <= set(parsed.terms.weights)
    assert agreed.verdict == "supported", agreed.explanation
    assert differs.verdict == "contradicted", differs.explanation


def test_a_length_of_time_is_checked_across_units_working_days_too(tmp_path: Path) -> None:
    text = ("Moving school\n\n"
            "When a pupil moves school, the old school should send the pupil's file to the new "
            "school within 10 working days of the move.\n")
    claim = ("When a pupil moves school, the old school should send the pupil's file to the new "
             "school within {} of the move.")
    with one_document_library(tmp_path, "move.txt", text) as kb:
        verdicts = {span: kb.check(claim.format(span)).verdict
                    for span in ("two weeks", "a fortnight", "14 days", "three weeks")}
    assert verdicts == {"two weeks": "supported", "a fortnight": "supported",
                        "14 days": "supported", "three weeks": "contradicted"}


def test_school_days_are_no_calendar_length(tmp_path: Path) -> None:
    text = ("Moving school\n\n"
            "When a pupil moves school, the old school should send the pupil's file to the new "
            "school within ten school days of the move.\n")
    with one_document_library(tmp_path, "move.txt", text) as kb:
        verdict = kb.check("When a pupil moves school, the old school should send the pupil's "
                           "file to the new school within two weeks of the move.")
    assert verdict.verdict == "not_found", verdict.explanation


def test_a_glossary_line_defining_a_narrower_term_is_no_evidence_on_the_claims() -> None:
    from kb.check import judge
    from kb.claim_figures import Claim
    from kb.numbers import find_figures, stated_figures
    from kb.terms import Terms

    terms = Terms({"kinship": 1.0, "placement": 1.0, "relativ": 1.0, "day": 0.5})
    narrower = "Temporary kinship placement: a placement with a relative for up to 28 days."
    claim_text = "A kinship placement is one with a relative for at least 42 days."
    claim = Claim(claim_text, stated_figures(find_figures(claim_text)), None, 0, terms, [terms])
    # read as the claim's own term, its 28 days would contradict the claim's 42
    assert judge(claim, [_aligned(narrower)])[0] == "not_found"
    assert judge(claim, [_aligned(narrower.removeprefix("Temporary "))])[0] == "contradicted"


def test_a_claim_taking_the_option_the_source_does_not_is_contradicted() -> None:
    from kb.check import judge
    from kb.claim_figures import Claim
    from kb.terms import Terms

    terms = Terms({"unsur": 1.0, "red": 1.0, "amber": 1.0, "tier": 1.0, "choos": 0.5})
    told = "If staff are unsure between the amber tier and the red tier, choose the amber tier."
    for option, verdict in (("red", "contradicted"), ("amber", "supported")):
        claim = Claim(f"When unsure between the red tier and the amber tier, staff should choose "
                      f"the {option} tier.", [], None, 0, terms)
        assert judge(claim, [_aligned(told)])[0] == verdict, option


def test_a_claim_of_change_needs_a_sentence_that_says_a_change() -> None:
    from kb.check import judge
    from kb.claim_figures import Claim
    from kb.terms import Terms

    terms = Terms({"children": 0.5, "enter": 1.0, "foster": 1.0, "care": 0.5, "first": 0.5,
                   "year": 0.3, "fewer": 0.5})
    claim = Claim("Fewer children entered foster care in the first year.", [], None, -1, terms)
    flat = "Children entered foster care in the first year of the scheme through the hub."
    fell = "Fewer children entered foster care in the first year of the scheme than before."
    assert judge(claim, [_aligned(flat)])[0] == "not_found"
    assert judge(claim, [_aligned(fell)])[0] == "supported"


def test_a_claim_that_a_scheme_is_further_on_than_the_source_says_is_not_borne_out() -> None:
    from kb.bears_out import further_along
    from kb.check import judge
    from kb.claim_figures import Claim
    from kb.terms import Terms

    piloted = "The county piloted a digital chronology tool with two social work teams."
    assert further_along("Every team is already using the digital chronology tool.", piloted)
    assert not further_along("The county tested a digital chronology tool.", piloted)
    assert not further_along("The tool is in use in two teams.", "The tool is in use.")
    terms = Terms({"digit": 1.0, "chronolog": 1.0, "tool": 1.0, "team": 0.5, "social": 0.3})
    claim = Claim("Social work teams have rolled out the digital chronology tool.", [], None, 0,
                  terms)
    assert judge(claim, [_aligned(piloted)])[0] == "not_found"


def test_a_denial_said_of_a_thing_in_itself_denies_it() -> None:
    from kb.negation import denies

    assert denies("Being a young carer is a risk factor for neglect in its own right.",
                  "Being a young carer is not in itself a risk factor for neglect.")
    assert not denies("Being a young carer is not a risk factor for neglect in itself.",
                      "Being a young carer is not in itself a risk factor for neglect.")


def test_a_sentence_opening_on_this_and_a_noun_speaks_of_what_the_one_before_names() -> None:
    from kb.claims import align
    from kb.models import Passage
    from kb.sentences import pointed_back
    from kb.terms import Terms

    text = ("Every approved foster carer should complete the trauma-informed practice course "
            "in their first year. This course should be refreshed at least every three years. "
            "This group meets monthly.")
    passage = Passage(1, "learning", "Carer learning", "learning.txt", None, "other", None, None,
                      None, text, 0, len(text))
    terms = Terms({"foster": 1.0, "carer": 1.0, "trauma-informed": 1.0, "cours": 0.5,
                   "refresh": 0.5})
    claim = "Foster carers must refresh the trauma-informed course every five years."
    coverage = {a.sentence: a.coverage for a in align(claim, terms, [passage])}
    # the course the sentence before names is what "This course" speaks of: its words count
    # as the sentence's own, as much as the words of the sentence before itself
    assert coverage["This course should be refreshed at least every three years."] >= \
        coverage["Every approved foster carer should complete the trauma-informed practice "
                 "course in their first year."]
    first = text.split(". ")[0] + "."
    assert pointed_back(first, "This course should be refreshed.") == ("cours", first)
    # a demonstrative whose noun the sentences before never name points nowhere
    assert pointed_back(first, "This group meets monthly.") == ("", "")


def test_a_figure_in_a_sentence_opening_on_this_measures_what_the_one_before_names() -> None:
    from kb.claim_figures import Claim, read_sentence
    from kb.claims import Aligned
    from kb.models import Passage
    from kb.numbers import find_figures, stated_figures
    from kb.terms import Terms

    text = ("Every approved foster carer should complete the trauma-informed practice course "
            "in their first year. This course should be refreshed at least every three years.")
    passage = Passage(1, "learning", "Carer learning", "learning.txt", None, "other", None, None,
                      None, text, 0, len(text))
    sentence = "This course should be refreshed at least every three years."
    claim_text = "Foster carers must refresh the trauma-informed course every five years."
    terms = Terms({"foster": 1.0, "carer": 1.0, "trauma-informed": 1.0, "cours": 0.5,
                   "refresh": 0.5})
    claim = Claim(claim_text, stated_figures(find_figures(claim_text)), None, 0, terms, [terms])
    [match] = read_sentence(claim, Aligned(passage, sentence, text.index(sentence), 0.8, 0.8))
    assert match.source.text == "every three years" and not match.agrees


def test_a_statement_that_holds_either_way_denies_nothing() -> None:
    from kb.negation import denies

    stated = "Carers log each respite night, whether booked ahead or not."
    assert denies("Carers log each respite night, whether or not the night was booked.",
                  stated) is None
    assert denies("Carers log each respite night whether booked ahead or not, in the diary.",
                  stated) is None
    # a "not" that denies the act still counts beside one that holds either way
    assert denies("Carers do not log respite nights, whether booked ahead or not.", stated)


def test_a_thing_put_in_place_of_another_denies_only_that_other() -> None:
    from kb.negation import denies

    stated = ("Club leaders should make sure that volunteers who do not coach children read "
              "either the full code or the short guide.")
    # "instead of the full code" denies the full code, which the sentence gives as one of two
    # choices; it reaches nothing past its object, so the sentence's "do not coach" is the only
    # denial left: the claim speaks of the other volunteers
    assert denies("The short guide may be given instead of the full code to volunteers who "
                  "coach children.", stated)
    assert denies("The short guide may be given instead of the full code to volunteers who do "
                  "not coach children.", stated) is None
    # a thing put in the place of what the sentence requires alone still denies it
    assert denies("Volunteers may read the short guide instead of the full code.",
                  "Volunteers must read the full code.")
    # the other of two choices said in another form of its word is still one of the two
    assert denies("Members may pay their fees by post instead of electronically.",
                  "Members' fees can be paid by post or by electronic transfer.") is None


def test_a_word_built_on_another_by_affixes_is_no_other_term() -> None:
    from kb.swaps import swapped_term

    library = {"intergenerational": 2, "generations": 3, "distrust": 1, "mistrust": 2,
               "sociograms": 1, "timelines": 2}
    assert swapped_term("It helps families with generations of contact with services.",
                        "It helps families with intergenerational contact with services.",
                        library) is None
    assert swapped_term("Parents tend to distrust services.",
                        "Parents tend to mistrust services.", library) is None
    assert swapped_term("The app draws timelines of friendships.",
                        "The app draws sociograms of friendships.", library) == (
        "timelines", "sociograms")


def test_the_same_figure_counting_another_named_thing_contradicts(tmp_path: Path) -> None:
    document = ("Records review\n\n"
                "Three of the four trusts in the review use SystmOne as their records system "
                "and one other uses Rio. Each trust set its system up differently.\n")
    with one_document_library(tmp_path, "records.txt", document) as kb:
        verdict = kb.check("Three of the four trusts in the review use Rio.")
        assert verdict.verdict == "contradicted"
        assert "rio" in verdict.explanation and "systmone" in verdict.explanation
        assert kb.check("Three of the four trusts in the review use SystmOne.").verdict == \
            "supported"


def test_a_condition_the_source_acts_regardless_of_is_contradicted(tmp_path: Path) -> None:
    from kb.conditions import regardless_of_condition

    sentence = ("In an emergency the duty worker calls the police at once, regardless of "
                "whether the parents have been contacted.")
    assert regardless_of_condition(
        "The duty worker must contact the parents before calling the police.", sentence)
    # a condition the "regardless" clause says nothing of is not set aside by it
    assert regardless_of_condition(
        "The duty worker must record the call before calling the police.", sentence) is None
    document = "Emergency procedures\n\n" + sentence + " The call is logged afterwards.\n"
    with one_document_library(tmp_path, "emergency.txt", document) as kb:
        assert kb.check("In an emergency the duty worker must contact the parents before "
                        "calling the police.").verdict == "contradicted"


def test_a_duty_claimed_of_what_the_source_calls_good_practice_is_contradicted() -> None:
    from kb.duties import changed_duty

    sentence = ("It is good practice for schools to have a written visiting policy in place "
                "before the first visit.")
    assert changed_duty("Schools are legally required to have a written visiting policy in "
                        "place.", sentence) == \
        "the claim makes it a duty; the source only encourages it"
    # urged in both, or a duty of another act, is no change of force
    assert changed_duty("It is best practice for schools to have a written visiting policy.",
                        sentence) is None
    assert changed_duty("Schools are legally required to record every visit.", sentence) is None


def test_a_move_claimed_one_way_against_a_source_moving_it_the_other_is_contradicted() -> None:
    from kb.contrasts import moved_the_other_way

    sentence = ("Respite care has been moved from 'Family support services' and added to the "
                "'Short breaks and respite' service group in the new directory.")
    assert moved_the_other_way("Respite care was moved out of the short breaks and respite "
                               "group and into family support services.", sentence)
    # the same way round, or a move between figures, is no reversal
    assert moved_the_other_way("Respite care moved from family support services to the short "
                               "breaks group.", sentence) is None
    assert moved_the_other_way("Places rose from 28 to 46.", "Places fell from 46 to 28.") is None


def test_a_claims_own_denial_is_no_clash_with_a_documents_title(tmp_path: Path) -> None:
    document = ("Data Review Handbook\n\n"
                "Before the review day the facilitator should meet a service leader, not a data "
                "professional, to agree who attends. The day ends with an action plan.\n")
    with one_document_library(tmp_path, "handbook.txt", document) as kb:
        verdict = kb.check("Before the review day the facilitator should meet a service "
                           "leader, not a data professional.")
        assert verdict.verdict == "supported", verdict.explanation


def test_a_claim_that_a_source_sets_an_amount_needs_the_amount(tmp_path: Path) -> None:
    from kb.bears_out import UNSTATED_AMOUNT, states_an_amount

    assert UNSTATED_AMOUNT.search("The guidance specifies how long schools keep records.")
    assert UNSTATED_AMOUNT.search("Records must be kept for a set number of years.")
    assert not states_an_amount("Schools should keep visitor records and review them.")
    assert states_an_amount("Visitor records are kept for two years after the visit.")
    # a sentence that names the records but no amount cannot bear out "how long"
    document = ("Records guidance\n\n"
                "Schools must keep visitor records safely and review who can see them. "
                "Visitors sign in at reception.\n")
    with one_document_library(tmp_path, "records.txt", document) as kb:
        verdict = kb.check("The guidance specifies how long schools must keep visitor records.")
        assert verdict.verdict != "supported", verdict.explanation


def test_a_verdict_quotes_every_sentence_that_alone_reaches_it(tmp_path: Path) -> None:
    text = ("Summary\n\n"
            "Every foster carer in the county completes safer caring training in their first "
            "year of approval.\n\n"
            "Chapter 3: Training\n\n"
            "Safer caring training is completed by every foster carer in the county during the "
            "first year of their approval.\n\n"
            "Staffing\n\nThe fostering team has six supervising social workers.\n")
    with one_document_library(tmp_path, "fostering.txt", text) as kb:
        result = kb.check("All foster carers in the county complete safer caring training in "
                          "their first year of approval.")
    assert result.verdict == "supported"
    quotes = [item["quote"] for item in result.to_dict()["evidence"]]
    assert any(q.startswith("Every foster carer") for q in quotes)
    assert any(q.startswith("Safer caring training is completed") for q in quotes)
    assert not any("supervising social workers" in q for q in quotes)


def test_a_claim_of_every_is_read_by_its_english_against_a_sentence_of_every(
        tmp_path: Path) -> None:
    text = ("Approval\n\nEvery foster carer in the county completes safer caring training "
            "before they are approved.\n\n"
            "Support\n\nCarers may ask their supervising social worker for advice on training.\n")
    with one_document_library(tmp_path, "carers.txt", text) as kb:
        stated = kb.check("Safer caring training is completed by every foster carer in the "
                          "county before approval.")
        # "every" claimed of a duty no sentence of that scope states: still a figure unread
        loose = kb.check("The county requires every supervising social worker to give advice "
                         "on training.")
    assert stated.verdict == "supported"
    assert loose.verdict == "not_found"


def test_a_list_is_read_through_the_item_nearest_the_claim(tmp_path: Path) -> None:
    text = ("Exclusions\n\nThe chance of being excluded from school may be raised by factors "
            "such as:\n• being a boy\n• having a special educational need\n"
            "• having moved school more than twice\n\n"
            "Support\n\nSchools should offer a mentor to every pupil at risk.\n")
    with one_document_library(tmp_path, "exclusions.txt", text) as kb:
        swapped = kb.check("Being a girl is one of the factors that may raise the chance of "
                           "being excluded from school.")
        listed = kb.check("Having a special educational need is one of the factors that may "
                          "raise the chance of being excluded from school.")
    assert swapped.verdict == "contradicted"
    assert "boy" in swapped.to_dict()["evidence"][0]["quote"]
    assert listed.verdict == "supported"


def test_a_list_is_read_through_its_item_of_the_opposite_though_the_model_reads_another_nearer(
        ) -> None:
    from kb.check import through_lists
    from kb.claim_figures import Claim
    from kb.claims import Aligned
    from kb.models import Passage
    from kb.terms import Terms

    text = ("The likelihood of involvement in truancy may be increased by factors such as:\n"
            "• being male\n• having a parent who works night shifts\n"
            "• having been neglected as a child and involved in truancy before.")
    passage = Passage(1, "guide", "Attendance guide", "guide.pdf", None, "other", 3, 3, None,
                      text, 0, len(text))
    lead = text.split("\n")[0]
    last = text.split("\n")[-1]
    terms = Terms({"guid": 0.3, "list": 0.3, "femal": 1.0, "factor": 0.5, "increas": 0.5,
                   "child": 0.3, "likelihood": 0.8, "involv": 0.5, "truanci": 0.9})

    def claim(age: str) -> Claim:
        return Claim(f"The guide lists being {age} as one of the factors that can increase a "
                     "child's likelihood of involvement in truancy.", [], None, 0, terms)

    # the sentences read: the lead-in, and the last item, which the model reads as nearest;
    # "being older" was not among them
    about = [Aligned(passage, lead, 0, 0.7, 0.6, 0.65),
             Aligned(passage, last, text.index(last), 0.5, 0.7, 0.6)]
    read = through_lists(claim("female"), about)
    assert read[0].sentence.endswith("being male")
    # a claim of the item the list names is read through the item nearest it, as before
    assert through_lists(claim("male"), about)[0].sentence.endswith("truancy before.")


def test_a_word_is_built_on_another_only_through_a_prefix() -> None:
    from kb.swaps import _built_on

    assert _built_on("non-attendance", "attendance")
    assert _built_on("intergenerational", "generations")
    assert not _built_on("female", "male")
    assert not _built_on("another", "other")



COMPLAINTS = ("Handling complaints\n\nEvery complaint is logged on the day it arrives. Within "
              "two working days of a complaint being logged, the duty officer should acknowledge "
              "receipt to the complainant and make a decision about the next steps and the "
              "response needed. Complaints about staff go to the head of service.\n")


@pytest.mark.parametrize(("claim", "verdict"), [
    # the figure's measure in the source is what comes first ("of a complaint being logged"),
    # the claim's what is done within it: the sentence gives the time claimed, and its words
    # bear the claim out
    ("Once a complaint is received, the duty officer should confirm receipt to the "
     "complainant and decide on next steps within two working days.", "supported"),
    # another time for the act the source times ("decide on next steps": "make a decision
    # about the next steps") says otherwise
    ("Once a complaint is received, the duty officer should confirm receipt to the "
     "complainant and decide on next steps within five working days.", "contradicted"),
])
def test_figures_the_closest_sentence_gives_let_its_words_bear_the_claim_out(
        tmp_path: Path, claim: str, verdict: str) -> None:
    checked = _checked_in(tmp_path, COMPLAINTS, claim)
    assert checked.verdict == verdict, checked.explanation


SURVEY = ("Training in the survey\n\nDay staff were more likely to have had the restraint "
          "training compared to night staff (41% vs 11%). Few staff had had both courses.\n")


@pytest.mark.parametrize(("claim", "verdict"), [
    ("Night staff were more likely than day staff to have had the restraint training (41% "
     "against 11%).", "contradicted"),
    ("Day staff were more likely than night staff to have had the restraint training (41% "
     "against 11%).", "supported"),
])
def test_figures_that_agree_do_not_bear_out_a_comparison_turned_around(
        tmp_path: Path, claim: str, verdict: str) -> None:
    checked = _checked_in(tmp_path, SURVEY, claim)
    assert checked.verdict == verdict, checked.explanation


def test_a_duty_is_borne_out_only_by_a_sentence_naming_its_act() -> None:
    from kb.duties import names_the_act

    source = "Clubs must give parents a written summary of the day to explain what happened."
    # another act bound, to another party: the claim's act is nowhere in the sentence
    assert not names_the_act("The guidance requires clubs to notify the regional ombudsman "
                             "before a trip.", source)
    # the same act said with its verb, or with what it is done to
    assert names_the_act("Clubs must give parents a summary.", source)
    assert names_the_act("Clubs should hand parents a written summary.", source)
    # a light verb's sense is in its object, an act with no object is left to the model
    assert names_the_act("Clubs should make sure parents know.", source)
    assert names_the_act("A summary must follow within the day.", source)
    # a duty to hold something is named only with the thing held
    held = "The coach should hold and use the parents' contact details on every trip."
    assert not names_the_act("Coaches must hold a first aid certificate.", held)
    assert names_the_act("Coaches must hold the parents' contact details.", held)


def test_a_duty_is_named_only_among_the_acts_the_sentence_binds() -> None:
    from kb.duties import bound_acts, names_the_act

    source = ("Coaches must give parents a written summary of the day. The regional "
              "ombudsman's leaflet explains what happens next.")
    assert bound_acts(source) == "give parents a written summary of the day"
    # the ombudsman is named, but only as the author of a leaflet, not as one a duty is owed to
    assert not names_the_act("Coaches are required to notify the regional ombudsman after "
                             "a trip.", source)
    assert names_the_act("Coaches must hand parents a summary.", source)
    # a sentence binding no act of its own is read whole
    told = "After a trip the regional ombudsman is told by the coach."
    assert bound_acts(told) == ""
    assert names_the_act("Coaches must tell the regional ombudsman after a trip.", told)
    # a duty laid by a text is an act bound too; a table's cell ends its clause
    laid = "Trip plans\tThe board expects coaches to share trip plans with parents\tSee ombudsman"
    assert bound_acts(laid) == "share trip plans with parents"


LETTERS = ("Club trips: advice for coaches\n\nThe county sports board and club coaches should "
           "ensure that there are clear arrangements in place to share trip plans with parents. "
           "Plans are kept with the club's trip records for a year.\n")


@pytest.mark.parametrize(("claim", "verdict"), [
    # the duty's doers and words, but an act the sentence never names, done to another thing
    ("The county sports board must publish an annual report on club trips.", "not_found"),
    ("The county sports board should ensure there are arrangements to share trip plans with "
     "parents.", "supported"),
])
def test_a_duty_claim_needs_a_sentence_that_names_its_act(
        tmp_path: Path, claim: str, verdict: str) -> None:
    checked = _checked_in(tmp_path, LETTERS, claim)
    assert checked.verdict == verdict, checked.explanation


NOTES_AUDIT = ("Case note audit\n\nThe county audit read the case notes written by the "
               "teams in the year. Of these 310 case notes written by the teams, 45 case notes "
               "were read twice by the county audit panel.\n")


def test_a_part_of_a_whole_does_not_gainsay_a_claim_about_the_whole(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import re

    import kb.check

    claim = "The county audit read more than 2,000 case notes written by the teams."
    # the text never counts the whole; the part ("Of these 310 case notes, 45 ...") counts
    # notes read twice, and says nothing of how many the audit read
    (tmp_path / "with").mkdir()
    (tmp_path / "without").mkdir()
    checked = _checked_in(tmp_path / "with", NOTES_AUDIT, claim)
    assert checked.verdict == "not_found", checked.explanation
    # without the part set aside, its figures are read as the whole's
    monkeypatch.setattr(kb.check, "PART_OF", re.compile(r"(?!)"))
    unread = _checked_in(tmp_path / "without", NOTES_AUDIT, claim)
    assert unread.verdict == "contradicted", unread.explanation


def test_a_count_of_other_things_is_no_measure_of_the_claims_count(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import kb.claim_figures

    text = ("Case note audit\n\nThe county audit read the case notes written by the three "
            "teams in the year, and the panel met in four sessions.\n")
    claim = "The county audit read more than 2,000 case notes written by the teams."
    for name in ("with", "same", "without"):
        (tmp_path / name).mkdir()
    # "three teams" and "four sessions" count teams and sessions, not case notes
    checked = _checked_in(tmp_path / "with", text, claim)
    assert checked.verdict == "not_found", checked.explanation
    # a count of the same thing is still its measure
    same = _checked_in(tmp_path / "same", "Case note audit\n\nThe county audit read 1,800 "
                       "case notes written by the teams.\n", claim)
    assert same.verdict == "contradicted", same.explanation
    monkeypatch.setattr(kb.claim_figures, "counts_other_things", lambda *parts: False)
    unread = _checked_in(tmp_path / "without", text, claim)
    assert unread.verdict == "contradicted", unread.explanation


def test_a_claim_may_name_the_document_by_its_files_name() -> None:
    """"The Harbourside study found ..." names the document its file calls "(Harbourside)",
    whatever its title page says: every sentence of it holds that word."""
    from kb.claims import align
    from kb.models import Passage
    from kb.terms import Terms
    from kb.words import stem

    sentence = "Auditors read 40 case files in the spring."
    claim = "The Harbourside study found that auditors read 40 case files."
    words = ["Harbourside", "study", "auditors", "read", "case", "files"]
    terms = Terms({stem(word.lower()): 1.0 for word in words})

    def coverage(path: str) -> float:
        passage = Passage(1, "d", "Reading case files: a user research report", path, None,
                          "other", 1, 1, None, sentence, 0, len(sentence))
        return align(claim, terms, [passage])[0].coverage

    assert coverage("Case file audit (Harbourside).pdf") > coverage("Case file audit.pdf")


def test_a_section_cited_short_is_the_section_a_claim_names(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """"S17" and "s47" cite sections of an Act: a sentence of "S17 assessments" holds the
    "section" of a claim's "section 17 assessments"."""
    import re

    import kb.words
    from kb.claims import align
    from kb.models import Passage
    from kb.terms import Terms
    from kb.words import stem

    sentence = "In the review, 64 S17 assessments were completed late."
    claim = "The review found that 80 section 17 assessments were completed late."
    terms = Terms({stem(word): 1.0 for word in ("review", "section", "assessments", "late")})
    passage = Passage(1, "d", "Family support review", "review.txt", None, "other", None,
                      None, None, sentence, 0, len(sentence))
    assert align(claim, terms, [passage])[0].coverage == 1.0
    monkeypatch.setattr(kb.words, "SECTION_CITED", re.compile(r"(?!)"))
    assert align(claim, terms, [passage])[0].coverage == 0.75


def test_a_bound_count_of_one_is_read_against_a_claims_count(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import re

    import kb.number_words
    import kb.numbers

    text = ("Governance\n\nEach school in the trust must name at least one safeguarding "
            "governor on its board.\n")
    claim = "Each school in the trust must name at least two safeguarding governors."
    for name in ("with", "without"):
        (tmp_path / name).mkdir()
    checked = _checked_in(tmp_path / "with", text, claim)
    assert checked.verdict == "contradicted", checked.explanation
    monkeypatch.setattr(kb.number_words, "_ONE_BOUNDED", re.compile(r"(?!)"))
    kb.numbers.clear_figures()  # the source's figures were read with the rule in place
    unread = _checked_in(tmp_path / "without", text, claim)
    assert unread.verdict != "contradicted", unread.explanation


def test_a_denial_in_another_word_of_one_sense_contradicts() -> None:
    from dataclasses import replace

    from kb.check import judge
    from kb.claim_figures import Claim
    from kb.terms import Terms

    # "ask" in the claim, "request" in the source: one act, so the source's "no expectation"
    # denies what the claim says is expected
    claim_text = ("Local authorities are expected to ask youth clubs for their insurance papers "
                  "each spring.")
    terms = Terms({"local": 0.3, "authori": 0.3, "expect": 0.5, "ask": 0.8, "youth": 0.5,
                   "club": 0.5, "insuran": 0.8, "paper": 0.5, "spring": 0.5})
    claim = Claim(claim_text, [], None, 0, terms, [terms])
    optional = replace(_aligned("If local authorities decide to request insurance papers from "
                                "youth clubs each spring, clubs are expected to reply."),
                       score=0.85, coverage=0.9)
    denial = replace(_aligned("There is no expectation for local authorities to request "
                              "insurance papers from youth clubs each spring."),
                     score=0.84, coverage=0.9)
    verdict, _, reason = judge(claim, [optional, denial])
    assert verdict == "contradicted", reason


def test_two_words_of_one_sense_are_no_swapped_term() -> None:
    from kb.check import judge
    from kb.claim_figures import Claim
    from kb.terms import Terms

    claim_text = "Carers who sent the boy abroad with good intentions are recorded under code K2."
    terms = Terms({"carer": 0.5, "sent": 0.3, "boy": 0.5, "abroad": 0.8, "good": 0.3,
                   "intenti": 0.8, "record": 0.3, "code": 0.3, "k2": 0.8})
    rare = {"intentions": 1, "motives": 1, "abroad": 2, "boy": 2, "carers": 3}
    claim = Claim(claim_text, [], None, 0, terms, [terms], vocabulary=rare)
    source = "Carers who sent the boy abroad for good motives are recorded under code K2."
    verdict, _, reason = judge(claim, [_aligned(source)])
    assert verdict == "supported", reason
    # a word of another sense in that place is still another term
    other = "Carers who sent the boy abroad for good reasons are recorded under code K2."
    assert judge(Claim(claim_text, [], None, 0, terms, [terms],
                       vocabulary={**rare, "reasons": 1}), [_aligned(other)])[0] == "contradicted"


def test_a_claim_of_all_of_them_is_contradicted_by_a_source_that_counts_fewer() -> None:
    from kb.check import judge
    from kb.claim_figures import Claim
    from kb.numbers import find_figures, stated_figures
    from kb.terms import Terms

    claim_text = "The exit interviews with care leavers were held in all four councils."
    terms = Terms({"exit": 0.8, "intervi": 0.5, "care": 0.3, "leaver": 0.5, "held": 0.3,
                   "council": 0.5})
    claim = Claim(claim_text, stated_figures(find_figures(claim_text)), None, 0, terms, [terms])
    fewer = "The exit interviews with care leavers were held in one LA."
    verdict, _, reason = judge(claim, [_aligned(fewer)])
    assert verdict == "contradicted", reason
    limited = "The exit interviews with care leavers were held only in the lead council."
    assert judge(claim, [_aligned(limited)])[0] == "contradicted"
    # the same count, or a count of something else, limits nothing
    assert judge(claim, [_aligned("The exit interviews with care leavers were held in four "
                                  "councils.")])[0] != "contradicted"
    assert judge(claim, [_aligned("The exit interviews with care leavers were held by one "
                                  "researcher in the councils.")])[0] != "contradicted"


def test_a_count_is_borne_out_by_a_list_of_as_many_items(tmp_path: Path) -> None:
    from kb.clashes import glossary_term

    # a lead-in that says something before its colon is no glossary term
    assert glossary_term("The following parks have been added to the scheme: Hillside.") is None
    assert glossary_term("Kinship carer: a relative who looks after a child.") == "Kinship carer"
    document = ("Parks bulletin\n\n"
                "Summary of changes for 2024\n"
                "• The following parks have been added to the play scheme: Hillside, "
                "Brookfield, Meadowbank and Riverside.\n"
                "• The café at Lakeside now opens at weekends.\n")
    with one_document_library(tmp_path, "parks.txt", document) as kb:
        assert kb.check("Four parks were added to the play scheme.").verdict == "supported"
        assert kb.check("Six parks were added to the play scheme.").verdict != "supported"


def test_figures_that_only_say_which_case_leave_the_claim_to_its_english() -> None:
    from kb.check import judge
    from kb.claim_figures import Claim
    from kb.framed import framed_figures, held_in
    from kb.numbers import find_figures
    from kb.terms import Terms

    def claim_of(text: str) -> Claim:
        return Claim(text, find_figures(text), None, 0, Terms({"player": 1.0, "squad": 1.0}))

    passage = ("Case study\nA 9-year-old boy told his coach that older players had taken his kit. "
               "Result: the older players were moved to another squad and warned with their "
               "parents present.")
    result = "Result: the older players were moved to another squad and warned with their " \
             "parents present."
    near = _aligned(passage)
    near.sentence = result
    claim = claim_of("In the club's case study of a 9-year-old boy, the older players were moved "
                     "to another squad and warned with their parents present.")
    assert framed_figures(claim.text, claim.figures) and held_in(claim.figures, passage)
    assert judge(claim, [near])[0] == "supported"
    # the passage is of another boy's age: the case named is not this one
    other = claim_of(claim.text.replace("9-year-old", "11-year-old"))
    assert not held_in(other.figures, passage)
    assert judge(other, [near])[0] == "not_found"
    # a figure in the statement, or a period in the frame, is read as a figure still
    assert not framed_figures("Of the club's 9 squads, 4 moved players.",
                              find_figures("Of the club's 9 squads, 4 moved players."))
    assert not framed_figures("In 2023-24, the older players were moved.",
                              find_figures("In 2023-24, the older players were moved."))


def test_a_claim_that_a_list_leaves_a_thing_out_is_contradicted_by_the_list_naming_it(
        tmp_path: Path) -> None:
    from kb.contrasts import said_left_out
    from kb.words import stem

    assert said_left_out("The plan names three priorities, and housing is not one of them.") \
        == {stem("housing")}
    assert said_left_out("The leaflet does not include the duty to refer.") == \
        {stem("duty"), stem("refer")}
    assert not said_left_out("The leaflet lists the duty to refer.")
    text = ("Reporting concerns\n\n"
            "The partnership's threshold guide sets out how staff should report a concern. "
            "In summary the guide names these routes for a concern:\n"
            "• a call to the children's front door\n"
            "• an online referral form\n"
            "• a conversation with the school's designated safeguarding lead\n"
            "• a call to the police where a child is in immediate danger\n\n"
            "Training\n\nThe guide is reviewed every two years by the partnership board.\n")
    with one_document_library(tmp_path, "guide.txt", text) as kb:
        named = kb.check("The threshold guide names four routes for a concern, and an online "
                         "referral form is not one of them.")
        absent = kb.check("The threshold guide names four routes for a concern, and a text "
                          "message to the duty team is not one of them.")
    assert named.verdict == "contradicted"
    assert "online referral form" in named.evidence[0]["quote"]
    assert absent.verdict != "contradicted"


def test_a_count_of_the_names_a_claim_gives_leaves_the_names_to_be_read(tmp_path: Path) -> None:
    from kb.framed import counts_its_names
    from kb.numbers import find_figures, stated_figures

    def counts(text: str) -> bool:
        return counts_its_names(text, stated_figures(find_figures(text)))

    assert counts("The audit was led by two reviewers, Sam Okafor and Lee Grant.")
    assert counts("Three areas took part: Harrowden, Kelby and Marsh End.")
    # as many names as the count, or it counts something else
    assert not counts("Three areas took part: Harrowden and Kelby.")
    assert not counts("The audit found 40 cases, mostly from Schools and Police.")
    text = ("Multi-agency audit of neglect cases\n\n"
            # a cover page's lines, run together as extraction gives them
            "A collaboration between the council, the police and the health board Audit "
            "written by Priya Shah and Tom Reid (Partnership Business Unit) Case readers: "
            "Ellen Marsh and Omar Hussain Contact for enquiries: the business unit\n\n"
            "The audit read 24 cases of neglect open to children's social care in the "
            "spring.\n")
    with one_document_library(tmp_path, "audit.txt", text) as kb:
        right = kb.check("The multi-agency audit of neglect cases was written by its two "
                         "authors, Priya Shah and Tom Reid.")
        wrong = kb.check("The multi-agency audit of neglect cases was written by its two "
                         "authors, Ellen Marsh and Omar Hussain.")
    # the count is no figure to find in the source: the names bear the claim out, or not
    assert right.verdict == "supported"
    assert wrong.verdict == "contradicted"


def test_a_statement_is_read_with_the_denial_in_the_sentence_after_it() -> None:
    from kb.check import judge
    from kb.claim_figures import Claim
    from kb.claims import Aligned
    from kb.models import Passage
    from kb.terms import Terms

    text = ("Review panels can meet in different ways; a video call is one format for a panel "
            "meeting. The board does not require a particular format for panel meetings.")
    passage = Passage(1, "t", "Panel guidance", "t.pdf", None, "other", 3, 3, None, text, 0,
                      len(text))
    first, second = (sentence.strip() + "." for sentence in text.split(".")[:2])

    def aligned(sentence: str, score: float) -> Aligned:
        return Aligned(passage, sentence, text.index(sentence), coverage=0.6, closeness=score,
                       score=score)

    terms = Terms({"board": 1.0, "requir": 1.0, "video": 1.0, "call": 0.5, "format": 1.0,
                   "panel": 0.5, "meet": 0.5})
    claim = Claim("The board requires a video call as the format for panel meetings.", [], None,
                  0, terms)
    # the denial reads as further off than the claim's threshold, yet it qualifies the
    # statement just before it
    statement, denial = aligned(first, 0.7), aligned(second, 0.4)
    verdict, chosen, _ = judge(claim, [statement, denial])
    assert verdict == "contradicted" and chosen[0].sentence == denial.sentence
    # the same denial standing elsewhere in the passage, another sentence between, is not read
    apart = Aligned(passage, second, len(text) + 40, coverage=0.6, closeness=0.4, score=0.4)
    assert judge(claim, [statement, apart])[0] != "contradicted"


@pytest.mark.parametrize(("claim", "verdict"), [
    ("Under the county code, paid work supervised at a weekend sports camp always counts as "
     "lead coaching.", "contradicted"),
    ("Under the county code, paid work supervised at a weekend sports camp is not treated as "
     "lead coaching.", "supported"),
])
def test_a_list_item_a_passage_opens_on_is_read_with_the_lead_in_before_it(
        tmp_path: Path, claim: str, verdict: str) -> None:
    from kb.readings import open_lead

    with one_document_library(tmp_path, "code.txt", LIST_OVER_TWO_PASSAGES) as kb:
        passages = kb.engine.passages(list(range(1, kb.engine.passage_count() + 1)))
        opening = [p for p in passages.values() if "• paid work" in p.text]
        # the list runs over two passages: the item's lead-in is in the one before
        assert opening and opening[0].text.startswith("•")
        assert "will not be treated" not in opening[0].text
        assert open_lead(kb.engine.passage_before(opening[0]).text).startswith(
            "A person will not be treated as a lead coach")
        assert kb.check(claim).verdict == verdict


MATCHES = ("Tense matches\n\nReferees should be conscious of this when a match grows tense and be "
           "prepared to stop play at any moment the players are at risk.\n")


def test_a_word_said_in_a_word_of_one_sense_is_not_put_in_another_words_place(tmp_path: Path
                                                                             ) -> None:
    # "ready" is "prepared": the claim's word is not set against "conscious"
    checked = _checked_in(tmp_path, MATCHES, "Referees should be ready to stop play at any "
                                             "moment the players are at risk.")
    assert checked.verdict == "supported", checked.explanation


NEAR_MISSES = ("Near misses\n\nKeeping a log of each near miss on the climbing wall will help "
               "to prevent unnecessary repeat inspections if, as sometimes happens, a fault "
               "returns after a period of time.\n")


def test_an_adjective_with_a_negating_prefix_qualifies_its_noun(tmp_path: Path) -> None:
    from kb.negation import denies
    from kb.words import in_their_words

    # "unnecessary repeat inspections" are inspections of a kind, not inspections denied
    checked = _checked_in(tmp_path, NEAR_MISSES, "Logging near misses on the climbing wall "
                                                 "helps avoid repeat inspections.")
    assert checked.verdict == "supported", checked.explanation
    # "is unnecessary", "unnecessary to" still deny
    assert denies("It is necessary to inspect the wall twice.",
                  "It is unnecessary to inspect the wall twice.") is not None
    # and "avoid" is of one sense with "prevent"
    assert in_their_words("Logs help avoid repeat inspections.",
                          "Logs help to prevent repeat inspections.") == \
        "Logs help prevent repeat inspections."


# a rule whose case the sentence before sets out ("In such cases, ...")
CASE_BEFORE = ("Family support visits\n\n"
               "Most families on a support plan are visited at home by their key worker. "
               "Where a child on a support plan moves to live with a relative outside the county, "
               "the team must tell the receiving council within five working days. In such cases, "
               "the team must visit the child every six weeks until the receiving council takes "
               "over.\n\n"
               "Other children on a support plan are visited monthly.\n")


def test_a_sentence_opening_on_such_cases_is_read_with_the_case_before_it(
        tmp_path: Path) -> None:
    case = ("Where a child on a support plan moves to live with a relative outside the county, "
            "the team must visit the child")
    with one_document_library(tmp_path, "visits.txt", CASE_BEFORE) as kb:
        wrong = kb.check(f"{case} every two weeks.")
        right = kb.check(f"{case} every six weeks.")
        answer = kb.ask("How often must the team visit a child on a support plan who moves to "
                        "live with a relative outside the county?")
    assert wrong.verdict == "contradicted" and right.verdict == "supported"
    assert "In such cases" in right.evidence[0]["quote"]
    # the answer shows the case it holds for, not "In such cases" alone
    assert answer.answer_found and (answer.answer or "").startswith("Where a child")
    assert "every six weeks" in (answer.answer or "")


def test_a_claim_pairing_a_code_with_a_name_is_read_against_the_list_of_codes(
        tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    make_table_docx(
        tmp_path / "docs" / "clubs.docx", "Annex B: league club codes and names",
        "Each club in the county youth league is given a three-digit code for its returns.",
        [("Code", "Name", "Code", "Name"), ("411", "Ashford Rovers", "511", "Hythe Town"),
         ("412", "Bexley Juniors", "512", "Lydd Athletic"),
         ("413", "Deal Harriers", "513", "Rye Colts")])
    with KnowledgeBase.open(tmp_path / "index") as kb:
        kb.ingest([tmp_path / "docs"])
        right = kb.check("In the league's annex, club code 512 belongs to Lydd Athletic.")
        assert right.verdict == "supported"
        wrong = kb.check("In the league's annex, club code 512 belongs to Deal Harriers.")
        assert wrong.verdict == "contradicted"
        assert "Lydd Athletic" in wrong.explanation
        # a claim that says more of the pair than the pairing is not decided by the list
        more = kb.check("Club code 512 Lydd Athletic must send its returns by the end of May.")
        assert more.verdict != "supported"


def test_a_claims_attribution_says_which_document_to_read_though_its_words_echo_another(
        tmp_path: Path) -> None:
    from tests.documents import documents_library

    from kb.names import said_without_attribution
    from kb.query import Filters

    guidance = ("Keeping Pupils Safe 2025\n\n"
                "Keeping Pupils Safe (KPS) is statutory guidance for schools in the county. "
                "It sets out what staff should do to keep pupils safe.\n\n"
                "Lessons from reviews\n\n"
                "Examples of poor practice include:\n"
                "• poor record keeping\n"
                "• passing records on too slowly, and\n"
                "• failing to listen to the views of the child.\n")
    advice = ("Passing on school records advice\n\n"
              "This advice is for office staff passing on school records when a pupil moves. "
              "Records are passed on through the secure transfer site. Passing on school records "
              "is a task for the office manager, who keeps a log of each transfer.\n")
    with documents_library(tmp_path, {"kps.txt": guidance, "records.txt": advice}) as kb:
        claim = ("KPS 2025 gives passing school records on too quickly as an example of poor "
                 "practice.")
        assert len(kb.engine.documents_named(claim)) == 2  # its words echo the advice's title
        found = kb.engine.named_document_hits(claim, [], Filters(),
                                              said=said_without_attribution(claim))
        assert found and {hit.path.rsplit("/", 1)[-1] for hit in found} == {"kps.txt"}
        verdict = kb.check(claim)
        assert verdict.verdict == "contradicted"
        assert verdict.evidence[0]["path"].endswith("kps.txt")
