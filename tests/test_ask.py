"""kb ask on the demo library: cited answers from the period asked about, or an honest decline."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.documents import (
    LIST_OVER_TWO_PASSAGES,
    answer_from,
    documents_library,
    make_table_docx,
    one_document_library,
)

from kb import KnowledgeBase
from kb.names import name_stems
from kb.numbers import find_figures, values_figures
from kb.question import read_question
from kb.words import stem


def test_ask_answers_a_count_with_its_cited_sentence(library: KnowledgeBase) -> None:
    answer = library.ask("How many LADO referrals were there in 2019-20?")
    assert answer.answer_found and answer.answer
    citation = answer.citations[0]
    assert citation.quote == answer.answer
    assert citation.page is not None
    source = next(p for p in answer.passages if p.doc_id == citation.doc_id)
    assert " ".join(citation.quote.split()) in " ".join(source.text.split())
    # every further citation is another passage stating the same figure
    key = answer.marked.split("**")[1] if answer.marked else ""
    assert all(key in c.quote for c in answer.citations[1:])
    assert answer.marked and "**" in answer.marked


def test_ask_answers_from_the_period_the_question_names(library: KnowledgeBase) -> None:
    for period in ("2019-20", "2020-21"):
        answer = library.ask(f"How many contacts did the MASH receive in {period}?")
        assert answer.answer_found and answer.marked
        key = answer.marked.split("**")[1]
        figures = [f for f in values_figures(find_figures(answer.answer or "", period))
                   if f.text == key]
        assert figures and figures[0].period == period


def test_ask_declines_a_question_the_library_cannot_answer(library: KnowledgeBase) -> None:
    for question in ("What is the cost of a school meal in Harrowden?",
                     "How many foster carers were approved in 2021-22?"):
        answer = library.ask(question)
        assert not answer.answer_found
        assert answer.answer is None and not answer.citations
        assert answer.passages  # the closest passages are still shown


def test_ask_declines_a_period_the_library_does_not_cover(library: KnowledgeBase) -> None:
    assert not library.ask("How many children looked after were there in 2015-16?").answer_found


def test_ask_json_has_the_contract_shape(library: KnowledgeBase) -> None:
    data = library.ask("How many rapid reviews were held in 2020-21?").to_dict()
    assert {"question", "answer_found", "answer", "citations", "passages", "took_ms"} <= set(data)
    for citation in data["citations"]:
        # DESIGN's fields, and the page the quote ends on (fields may be added, none removed)
        assert set(citation) == {"doc_id", "title", "path", "page", "quote", "page_end"}
        assert citation["page"] is None or citation["page_end"] >= citation["page"]
    for passage in data["passages"]:
        assert {"doc_id", "title", "path", "period", "doc_type", "page", "section", "text",
                "score"} <= set(passage)


def test_ask_prefers_the_sentence_about_the_agency_asked_about(library: KnowledgeBase) -> None:
    answer = library.ask("How much money did the Metropolitan Police Service contribute in "
                         "2021-22?")
    assert answer.answer_found and answer.answer
    assert "86,240" in answer.answer


def test_names_are_capitalised_words_inside_a_sentence_and_acronyms() -> None:
    assert name_stems("How much did the Metropolitan Police give to the MASH?") == {
        "metropo", "polic", "mash"}


def test_a_code_of_letters_and_digits_is_one_name() -> None:
    # "K2" is the name of a code as the library writes it, not a name "K" beside a number
    assert name_stems("Under the protocol, code K2 marks a plan ended at review.") >= {"k2"}
    assert "k" not in name_stems("Under the protocol, code K2 marks a plan ended at review.")


def test_ask_does_not_answer_with_a_section_heading(library: KnowledgeBase) -> None:
    answer = library.ask("On which date was the Ofsted focused visit letter published?")
    assert answer.answer_found and answer.answer
    assert answer.answer.endswith(".") or "March" in answer.answer


def test_ask_declines_an_average_the_library_does_not_state(library: KnowledgeBase) -> None:
    assert not library.ask("What was the average caseload of a social worker in "
                           "2021-22?").answer_found


def test_the_same_question_gets_the_same_answer_on_a_fresh_and_a_used_library(
        corpus_index, library: KnowledgeBase) -> None:  # type: ignore[no-untyped-def]
    question = "How many LADO referrals were there in 2020-21?"
    library.search("neglect")
    library.ask("Who chairs the partnership?")
    used = library.ask(question).to_dict()
    with KnowledgeBase.open(corpus_index) as fresh:
        first = fresh.ask(question).to_dict()
    for key in ("answer_found", "answer", "citations"):
        assert first[key] == used[key], key


def test_a_sentence_that_cannot_answer_does_not_hide_the_next_that_can() -> None:
    from kb.answer_kinds import Candidate
    from kb.gate import pick_answer
    from kb.models import Passage
    from kb.question import Question
    from kb.sentences import Sentence
    from kb.terms import Terms

    passage = Passage(1, "study", "Study", "study.pdf", "2023-24", "other", 5, 5, None, "", 0, 0)
    asked = Question("How many reviews were held?", "count", None, Terms({"review": 1.0}))

    def candidate(text: str, score: float, covered: float) -> Candidate:
        figures = values_figures(find_figures(text))
        found = Candidate(passage, Sentence(text, 0, len(text)), figures, score=score,
                          key=figures[0] if figures else None)
        found.covered = covered
        return found

    wordy = candidate("Reviews matter to every agency that took part.", 0.9, 0.9)
    counted = candidate("The panel held 14 reviews this year.", 0.8, 0.9)
    assert pick_answer(asked, [wordy, counted]) is counted
    # one that can answer but falls below the threshold is no answer
    faint = candidate("The panel held 14 reviews this year.", 0.1, 0.9)
    assert pick_answer(asked, [wordy, faint]) is None


def test_an_answer_is_corroborated_from_its_own_document_first() -> None:
    from kb.answer_kinds import Candidate
    from kb.ask import corroborating
    from kb.models import Passage
    from kb.sentences import Sentence

    def candidate(doc: str, passage_id: int, text: str) -> Candidate:
        passage = Passage(passage_id, doc, doc.title(), f"{doc}.pdf", "2022-23", "annual-report",
                          3, 3, None, text, 0, len(text))
        figures = values_figures(find_figures(text, "2022-23"))
        share = next(f for f in figures if f.kind == "percent")
        found = Candidate(passage, Sentence(text, 0, len(text)), figures, key=share)
        found.covered = 1.0
        return found

    table = candidate("report", 1, "Visits within 72 hours 64%")
    elsewhere = [candidate("summary", 2, "Visits within 72 hours reached 64%."),
                 candidate("briefing", 3, "In the year 64% of visits were within 72 hours.")]
    own_prose = candidate("report", 4, "We made 64% of visits within 72 hours.")
    cited = corroborating(table, [table, *elsewhere, own_prose])
    assert cited[0] is own_prose and len(cited) == 2


@pytest.mark.parametrize(("question", "wants"), [
    ("Which national bodies support the programme?", "who"),
    ("Which agency leads the hub?", "who"),
    ("Who chairs the board?", "who"),
    ("Which forms were mapped?", None),
    ("In which month and year did the hub open?", "time"),
    ("What is the last date by which the return is due?", "time"),
    ("What is the minimum age for a paid weekend job?", "duration"),
    ("When did the partnership publish its plan?", "time"),
    ("By when must the audit be returned?", "time"),
    # a "when" clause that sets a condition asks no time
    ("Which form is used when a pupil moves to another county?", None),
    ("When a parent refuses an assessment, who decides what happens next?", "who"),
    # whose website: the owner; what website: the address
    ("Whose website hosts the parenting course videos?", "who"),
    ("Which website hosts the parenting course videos?", "contact"),
])
def test_a_question_for_a_body_or_a_person_wants_who(question: str, wants: str | None) -> None:
    from kb.question import WANTS

    found = next((name for name, pattern in WANTS if pattern.search(question)), None)
    assert found == wants


def test_a_question_for_the_month_is_not_answered_by_a_year_alone() -> None:
    from kb.answer_kinds import Candidate, figure_fit
    from kb.models import Passage
    from kb.question import Question
    from kb.sentences import Sentence
    from kb.terms import Terms

    asked = Question("In which month and year did the hub open?", "time", None,
                     Terms({"hub": 1.0, "open": 1.0}))
    passage = Passage(1, "h", "Hub review", "h.pdf", None, "other", 2, 2, None, "", 0, 0)

    def fit(text: str) -> float:
        return figure_fit(asked, Candidate(passage, Sentence(text, 0, len(text)),
                                           find_figures(text)))

    assert fit("The hub opened in 2021 after a long delay.") < 0
    assert fit("The hub opened in March 2021 after a long delay.") > 0


def test_a_date_after_the_year_a_question_names_still_answers_when() -> None:
    from kb.answer_kinds import Candidate, figure_fit
    from kb.models import Passage
    from kb.question import Question
    from kb.sentences import Sentence
    from kb.terms import Terms

    # the year named is what the return covers; the date it is due falls in the next year
    asked = Question("By what date is the 2022 to 2023 survey return due?", "time", "2022-23",
                     Terms({"survey": 1.0, "return": 1.0, "due": 1.0}))
    passage = Passage(1, "s", "Survey guide", "s.pdf", None, "other", 4, 4, None, "", 0, 0)

    def fit(text: str) -> tuple[float, str | None]:
        found = Candidate(passage, Sentence(text, 0, len(text)), find_figures(text))
        value = figure_fit(asked, found)
        return value, found.key.text if found.key else None

    due, key = fit("The survey return is due by 14 June 2023 at the latest.")
    assert due > 0 and key == "14 June 2023"
    # a date after the named year fits as well as one inside it
    assert due == fit("The survey return is due by 14 March 2023 at the latest.")[0]
    covered, _ = fit("The survey return covers the year 2022 to 2023 only.")
    assert due > covered


def test_a_number_the_question_names_a_thing_by_is_a_term_not_the_answer() -> None:
    from kb.answer_kinds import Candidate, figure_fit
    from kb.models import Passage
    from kb.question import Question, question_codes
    from kb.sentences import Sentence
    from kb.terms import Terms

    question = "How many data items are collected for the 903 return in 2023-24 only?"
    assert question_codes(question) == {"903"}
    assert question_codes("How many plans were open on 31 March 2024?") == set()
    asked = Question(question, "count", None, Terms({"item": 1.0, "903": 0.3}),
                     codes=question_codes(question))
    text = "Items for the 903 return are listed in the annex."
    passage = Passage(1, "d", "Data study", "d.pdf", None, "other", 3, 3, None, text, 0, len(text))
    named = Candidate(passage, Sentence(text, 0, len(text)), find_figures(text))
    assert figure_fit(asked, named) < 0 and named.key is None
    counted = "In all, 40 items are collected for the 903 return."
    answer = Candidate(passage, Sentence(counted, 0, len(counted)), find_figures(counted))
    assert figure_fit(asked, answer) > 0 and answer.key is not None and answer.key.value == 40


def test_a_sentence_that_leans_on_the_one_before_answers_in_its_terms_and_period() -> None:
    from kb.ask import rank_sentences
    from kb.gate import holds_answer
    from kb.models import Passage
    from kb.question import Question, items_named
    from kb.terms import Terms

    text = ("In Phase 1 schools surveyed in Oct 23, 81% of mentors said they felt ready, against "
            "64% of volunteers. For Phase 2 schools, surveyed for the first time in Mar 24, "
            "mentors felt as ready as in Phase 1, with 80% saying so. However, readiness among "
            "volunteers was lower, with only 41% saying so.")
    passage = Passage(1, "m", "Mentoring pilot", "m.pdf", "2024-25", "other", 4, 4, None, text,
                      0, len(text))
    question = ("In the March 2024 survey, what percentage of volunteers in Phase 2 schools "
                "felt ready?")
    asked = Question(question, "percent", "2023-24",
                     Terms({"volunte": 1.0, "phase": 0.5, "school": 0.3, "survey": 0.5,
                            "felt": 0.3, "readi": 0.5, "ready": 0.5}),
                     items=items_named(question))
    ranked = rank_sentences(asked, [passage])
    best = ranked[0]
    assert best.key is not None and best.key.text == "41%"
    assert best.key.period == "2023-24"  # the period of the sentence it leans on
    # a sentence on Phase 1 alone cannot answer for Phase 2, however well it scores
    phase_one = next(c for c in ranked if c.sentence.text.startswith("In Phase 1"))
    assert phase_one.elsewhere and not holds_answer(asked, phase_one)


def test_a_sentence_that_restates_what_is_asked_answers_it() -> None:
    from kb.ask import rank_sentences
    from kb.models import Passage
    from kb.question import Question, restates
    from kb.terms import Terms

    question = "What is the minimum age for a paid weekend job?"
    assert restates(question, "• the minimum age for a paid weekend job is 13")
    assert not restates(question, "• a child under the minimum age for a paid weekend job "
                                   "can do no paid work")
    # the phrase must be what the sentence is about, not words inside another phrase
    assert not restates("What is kinship care?", "They signpost children in kinship care are "
                                                 "eligible for support.")
    assert restates("What is kinship care?", "Kinship care - Kinship care is any situation in "
                                             "which a relative raises a child.")
    text = ("• a child under the minimum age for a paid weekend job can do no paid work at 12\n"
            "• the minimum age for a paid weekend job is 13")
    passage = Passage(1, "w", "Work permits", "w.pdf", None, "other", 2, 2, None, text, 0,
                      len(text))
    asked = Question(question, None, None, Terms({"minimum": 1.0, "age": 1.0, "paid": 0.5,
                                                  "weekend": 0.5, "job": 0.5}))
    best = rank_sentences(asked, [passage])[0]
    assert best.sentence.text.endswith("is 13")


def test_a_yes_no_question_is_answered_by_its_own_clause_with_a_modal() -> None:
    from kb.ask import rank_sentences
    from kb.models import Passage
    from kb.question import Question, says_it_of
    from kb.terms import Terms

    question = "Can the mentor for the reading scheme be paid by the library trust?"
    assert says_it_of(question, "A mentor may be paid by the trust if the scheme allows.")
    assert says_it_of(question, "The mentor must not be paid by the trust.")
    # the question's words in another order say another thing; and only a yes/no question
    assert not says_it_of(question, "The trust may pay for a mentor.")
    assert not says_it_of("Who pays the mentor of the reading scheme?",
                          "The mentor may be paid by the trust.")
    # both hold the same words of the question; the second says what the question asks
    text = ("Each trust mentor of the reading scheme is paid a fee for the first term. "
            "The mentor may be paid by the trust in the reading scheme but must not run it.")
    passage = Passage(1, "r", "Reading scheme guide", "r.pdf", None, "other", 3, 3, None, text,
                      0, len(text))
    asked = Question(question, None, None, Terms({"mentor": 1.0, "read": 0.5, "scheme": 0.5,
                                                  "paid": 1.0, "library": 0.5, "trust": 1.0}))
    best = rank_sentences(asked, [passage])[0]
    assert best.sentence.text.startswith("The mentor may be paid")

def test_professionals_are_a_role_that_answers_who_does_a_thing() -> None:
    from kb.ask import rank_sentences
    from kb.models import Passage
    from kb.question import Question
    from kb.terms import Terms

    # the second holds every word of the question but names no one; the first names who
    text = ("Only suitably trained professionals should attempt to diagnose a hearing loss. "
            "No one should attempt to diagnose a hearing loss in a pupil from guesswork.")
    passage = Passage(1, "h", "Hearing checks", "h.txt", None, "other", None, None, None, text,
                      0, len(text))
    asked = Question("Who should attempt to diagnose a hearing loss in a pupil?", "who", None,
                     Terms({"attempt": 0.5, "diagnos": 1.0, "hear": 1.0, "loss": 1.0,
                            "pupil": 0.5}))
    best = rank_sentences(asked, [passage])[0]
    assert best.sentence.text.startswith("Only suitably trained professionals")

def test_who_holds_a_role_is_answered_only_by_a_sentence_naming_the_role() -> None:
    from kb.answer_kinds import Candidate
    from kb.doers import role_asked
    from kb.gate import holds_answer
    from kb.models import Passage
    from kb.question import Question
    from kb.sentences import Sentence
    from kb.terms import Terms

    question = "Who is the finance director of the trust?"
    assert role_asked(question) == role_asked("Who was the director?")
    assert role_asked("Who must sign the plan?") is None
    from kb.question import terms_of

    asked = Question(question, "who", None, Terms(dict.fromkeys(terms_of("finance director"),
                                                                1.0)))

    def candidate(text: str) -> Candidate:
        passage = Passage(1, "t", "Trust report", "t.pdf", None, "other", 1, 1, None, text, 0,
                          len(text))
        found = Candidate(passage, Sentence(text, 0, len(text)), [], score=0.9)
        found.covered = 0.9
        return found

    assert holds_answer(asked, candidate("Priya Shah, the trust's finance director, signed it."))
    assert not holds_answer(asked, candidate("The trust, the council and the police agreed "
                                             "the finance plan."))


def test_who_a_question_asks_for_is_the_name_its_own_verb_governs(tmp_path: Path) -> None:
    # both lines hold as much of the question and name someone; only one names whom to meet
    text = ("Running the case audit\n\n"
            "The audit brings practice leads from each agency together for a morning.\n"
            "\u2022 As reviewer, you chair the panel and report to the Partnership Board.\n"
            "\u2022 Meet with the Head of Quality Assurance before the panel.\n"
            "\u2022 Send the agenda to every agency a week ahead.\n")
    answer = answer_from(tmp_path, "audit.txt", text,
                         "Who should the reviewer meet before the panel?")
    assert answer.answer_found and "Head of Quality Assurance" in (answer.answer or "")


def test_a_count_of_people_is_not_answered_by_a_count_of_years(tmp_path: Path) -> None:
    from kb.answer_times import counts_time
    from kb.numbers import find_figures

    question = "How many young carers attended the summer camp?"
    running = "The summer camp, which young carers attend, has been running for 12 years."
    assert counts_time(question, running, find_figures(running)[0])
    attended = "Forty young carers attended the summer camp across five days."
    assert not counts_time(question, attended, find_figures(attended)[0])
    # a question that counts time is answered by it
    assert not counts_time("How many years has the camp run?", running, find_figures(running)[0])


def test_a_sentence_about_the_opposite_act_does_not_answer(tmp_path: Path) -> None:
    text = ("Register returns\n\n"
            "Schools must tell the local authority within five school days when a pupil is "
            "added to the admission register. "
            "The local authority keeps its records of admissions for six years.\n")
    with one_document_library(tmp_path, "returns.txt", text) as kb:
        removed = kb.ask("Within how many school days must schools tell the local authority "
                         "when a pupil is removed from the admission register?")
        added = kb.ask("Within how many school days must schools tell the local authority "
                       "when a pupil is added to the admission register?")
    assert not removed.answer_found
    assert added.answer_found and "five school days" in (added.answer or "")


def test_a_question_of_when_is_answered_by_a_day_named_in_words(tmp_path: Path) -> None:
    text = ("Holiday club guidance\n\n"
            "Places are offered first to children on a child in need plan. "
            "Bookings for the summer scheme close on the last Friday of May each year. "
            "Staff complete first aid training before the scheme opens.\n")
    answer = answer_from(tmp_path, "club.txt", text,
                         "When do bookings for the summer scheme close?")
    assert answer.answer_found and "last Friday of May" in (answer.answer or "")


@pytest.mark.parametrize("hours", ["9:00 to 17:00, Monday to Friday", "9am - 5pm on weekdays",
                                   "Tuesday to Thursday"])
def test_a_question_of_when_is_answered_by_the_hours_a_service_keeps(tmp_path: Path,
                                                                     hours: str) -> None:
    text = ("Kinship carers advice line\n\n"
            "The kinship carers advice line was set up by the fostering team in response to "
            "carers' feedback. "
            f"The kinship carers advice line is open {hours} for kinship carers. "
            "Carers who use the kinship carers advice line are offered a follow-up visit.\n")
    answer = answer_from(tmp_path, "advice.txt", text,
                         "When is the kinship carers advice line open?")
    assert answer.answer_found and hours in (answer.answer or "")


def test_who_does_an_act_is_answered_only_by_a_sentence_that_speaks_of_the_act(
        tmp_path: Path) -> None:
    from kb.doers import act_asked
    from kb.words import stem

    assert act_asked("Who chairs the youth forum?") == stem("chair")
    assert act_asked("In the plan, who approaches the family?") == stem("approach")
    assert act_asked("Who is the chair of the forum?") is None
    text = ("Participation arrangements\n\n"
            "The youth forum meets monthly with the participation team at the council. "
            "Members come from every secondary school in the borough.\n")
    with one_document_library(tmp_path, "forum.txt", text) as kb:
        assert not kb.ask("Who chairs the youth forum?").answer_found
        assert kb.ask("Who meets the youth forum monthly?").answer_found


def test_an_act_asked_about_is_stated_by_a_verb_of_its_sense(tmp_path: Path) -> None:
    from kb.doers import act_asked, act_forms
    from kb.words import stem

    # "gave approval" is stated by "approval was granted", as by "gave" or "given"
    act = act_asked("Which bodies gave approval for the river trip?")
    assert act == stem("give")
    assert {stem("granted"), stem("gave"), stem("given")} <= act_forms(act)
    text = ("River trip\n\nApproval for the river trip was granted by the parish council "
            "safety panel and the county sports board.\n")
    with one_document_library(tmp_path, "trip.txt", text) as kb:
        answer = kb.ask("Which bodies gave approval for the river trip?")
    assert answer.answer_found and "parish council" in (answer.answer or "")


def test_who_an_act_is_done_to_is_answered_by_a_sentence_that_speaks_of_the_act(
        tmp_path: Path) -> None:
    from kb.doers import act_asked
    from kb.words import stem

    assert act_asked("Who could the club contact about coaching abroad?") == stem("contact")
    assert act_asked("Who should staff tell about a worry?") == stem("tell")
    assert act_asked("Whom must the case manager consult first?") == stem("consult")
    text = ("Coaching abroad\n\n"
            "Clubs and leagues cannot obtain records from the coaching register about coaches "
            "who run camps abroad for the season. "
            "Clubs may contact the sports council of the country in question to discuss what "
            "checks on those coaches may be possible.\n")
    with one_document_library(tmp_path, "abroad.txt", text) as kb:
        answer = kb.ask("Our players are going on a camp abroad this season. Who could the club "
                        "contact to find out what checks are possible on the coaches there?")
    assert answer.answer_found and "sports council" in (answer.answer or "")


def test_which_body_does_an_act_is_asked_of_the_act_in_any_of_its_forms(tmp_path: Path) -> None:
    from kb.doers import act_asked, act_forms
    from kb.words import stem

    assert act_asked("Which charity leads the helpline?") == stem("lead")
    assert act_asked("Which agencies attend the strategy meeting?") == stem("attend")
    assert act_asked("Which agencies were at the meeting?") is None
    assert stem("led") in act_forms(stem("lead"))  # an irregular verb's past form
    text = ("Helpline review\n\n"
            "The survey of callers in the helpline review was one of two strands the "
            "Helpline Board agreed for the organisation. "
            "The survey of callers was led by Harbour Trust between May and July.\n")
    with one_document_library(tmp_path, "helpline.txt", text) as kb:
        answer = kb.ask("Which organisation leads the survey of callers in the helpline review?")
    assert answer.answer_found and "Harbour Trust" in (answer.answer or "")


def test_a_question_of_how_many_days_needs_a_number_of_days() -> None:
    from kb.answer_times import counts_if_asked

    assert not counts_if_asked("Within how many days must the report be sent?", "full day")
    assert counts_if_asked("Within how many days must the report be sent?", "10 working days")
    assert counts_if_asked("How long is the workshop?", "full day")


def test_a_question_of_a_fee_asks_for_money() -> None:
    from kb.question import WANTS

    wants = next(name for name, pattern in WANTS if pattern.search(
        "What fee does the council charge for a licence?"))
    assert wants == "money"


def _wanted(question: str) -> str | None:
    """What a question asks for, read from its wording alone."""
    from kb.question import WANTS

    return next((name for name, pattern in WANTS if pattern.search(question)), None)


def test_how_much_more_asks_a_multiple_not_a_sum_of_money() -> None:
    # the size of a difference, in whatever figure states it ("three times", "40% more")
    assert _wanted("How much more likely are young carers to miss school?") == "change"
    assert _wanted("How many times as likely are they to be excluded?") == "change"
    assert _wanted("How much did the partnership spend on training?") == "money"
    assert _wanted("How many times did the board meet?") == "count"


def test_where_to_find_a_thing_asks_for_a_source_not_a_place() -> None:
    assert _wanted("Where can carers find the short breaks leaflet?") != "place"
    assert _wanted("Where is the training pack available?") != "place"
    assert _wanted("Where is the summer festival held?") == "place"


def test_a_question_for_a_total_is_answered_by_the_total_row(tmp_path: Path) -> None:
    path = make_table_docx(
        tmp_path / "recruitment.docx", "Foster carer recruitment",
        "Enquiries from prospective foster carers were counted in two rounds of open evenings "
        "across the county.",
        [("Round", "Enquiries", "Approved"), ("Round 1 (May)", "148", "12"),
         ("Round 2 (Oct)", "131", "9"), ("Total", "279", "21")])
    with KnowledgeBase.open(tmp_path / "index") as kb:
        kb.ingest([path])
        answer = kb.ask("How many enquiries from prospective foster carers were there in total "
                        "across both rounds?")
    assert answer.answer_found and "279" in (answer.answer or "")
    assert "two" not in (answer.answer or "").lower()  # the question's own count is known
    # the row is read with its table's header, the value asked for marked
    assert answer.answer == "Total: Enquiries 279; Approved 21"
    assert answer.marked == "Total: Enquiries **279**; Approved 21"


def test_an_event_dated_otherwise_than_the_question_dates_it_does_not_answer(
        tmp_path: Path) -> None:
    text = ("Carers forum bulletin\n\n"
            "The next carers forum meeting will be held on 12 March 2026 at the civic centre. "
            "Carers can book a place through the fostering team.\n")
    with one_document_library(tmp_path, "Carers bulletin January 2026.txt", text) as kb:
        other = kb.ask("On what date will the carers forum hold its July 2026 meeting?")
        framed = kb.ask("According to the January 2026 bulletin, when will the next carers "
                        "forum be held?")
    assert not other.answer_found
    # a date the question takes from the document it is reading frames the question
    assert framed.answer_found and "12 March 2026" in (framed.answer or "")


def test_the_row_that_names_a_tables_columns_is_not_an_answer() -> None:
    from kb.ask import rank_sentences
    from kb.models import Passage
    from kb.question import Question
    from kb.terms import Terms

    # (numbered, so no plain heading: "Wave 1 plan")
    text = ("Visits to families\nWave 1 plan\tWave 2 plan\nVisit every family at "
            "home within a month of referral.\tVisit families at home or at the hub within "
            "two weeks.\n")
    passage = Passage(1, "v", "Visits", "v.pdf", None, "other", 4, 4, None, text, 0, len(text))
    asked = Question("What did the Wave 1 plan set out?", None, None,
                     Terms({"plan": 1.0, "wave": 1.0, "1": 1.0, "set": 1.0}))
    ranked = rank_sentences(asked, [passage])
    assert ranked and ranked[0].sentence.text.startswith("Visit every family")
    assert not any(c.sentence.text.startswith("Wave 1 plan") for c in ranked)


def test_a_heading_inside_a_passage_is_not_an_answer() -> None:
    from kb.ask import rank_sentences
    from kb.models import Passage
    from kb.question import Question
    from kb.terms import Terms

    text = ("What a respite break is\nA respite break is a short stay away from home that "
            "gives a family time to rest.")
    passage = Passage(1, "r", "Short breaks", "r.pdf", None, "other", 4, 4, None, text, 0,
                      len(text))
    asked = Question("What is a respite break?", None, None,
                     Terms({"respit": 1.0, "break": 1.0}))
    ranked = rank_sentences(asked, [passage])
    assert ranked and ranked[0].sentence.text.startswith("A respite break is")
    assert not any(c.sentence.text == "What a respite break is" for c in ranked)


def test_a_question_whether_something_is_a_duty_is_met_by_any_word_of_duty() -> None:
    from kb.ask import rank_sentences
    from kb.models import Passage
    from kb.question import DUTY, Question, terms_of
    from kb.terms import Terms

    assert DUTY in terms_of("Keeping a visit diary is not mandatory for carers.")
    assert DUTY in terms_of("Carers are required to keep a visit diary.")
    assert DUTY not in terms_of("Carers keep a visit diary.")
    text = ("Carers keep a visit diary and bring the visit diary to reviews. Keeping a visit "
            "diary is not mandatory for carers but is good practice.")
    passage = Passage(1, "c", "Carers' handbook", "c.pdf", None, "other", 3, 3, None, text, 0,
                      len(text))
    # "Is it compulsory for carers to keep a visit diary?": "compulsory" read as the duty
    asked = Question("Is it compulsory for carers to keep a visit diary?", None, None,
                     Terms({DUTY: 0.4, "carer": 0.3, "keep": 0.2, "visit": 0.3, "diary": 0.5}))
    assert rank_sentences(asked, [passage])[0].sentence.text.startswith("Keeping a visit diary")


def test_a_line_leading_into_a_list_is_read_with_its_first_item() -> None:
    from kb.ask import rank_sentences
    from kb.models import Passage
    from kb.question import Question
    from kb.terms import Terms
    from kb.words import stem

    text = ("Planning the audit\n"
            "• Phone the head of the virtual school a week ahead to agree:\n"
            "• which case files show the panel how children's views were recorded.\n"
            "• Agree the audit date with the panel chair and book a room for the day.")
    passage = Passage(1, "a", "Audit guide", "a.pdf", None, "other", 3, 3, "Planning the audit",
                      text, 0, len(text))
    asked = Question("Who should be phoned to agree which case files show children's views?",
                     "who", None, Terms({stem(w): 0.5 for w in ("phoned", "agree", "case", "files",
                                                                "show", "views")}))
    best = rank_sentences(asked, [passage])[0]
    # the lead-in names who; the item after its colon holds what the question asks about
    assert best.sentence.text.startswith("• Phone the head of the virtual school")
    assert best.covered == 1.0


def test_a_name_asked_about_is_present_in_its_own_documents_sentences() -> None:
    from kb.answer_kinds import Candidate
    from kb.ask import score
    from kb.models import Passage
    from kb.question import Question
    from kb.sentences import Sentence
    from kb.terms import Terms

    asked = Question("Which paragraph of the Harbour Code was changed on fees?", None, None,
                     Terms({"harbour": 0.5, "code": 0.5, "paragra": 0.3, "chang": 0.3,
                            "fee": 1.0}), names={"harbour", "code"})
    text = "Paragraph 14 - Changed to set out the Mooring Fees."

    def scored(title: str, section: str) -> float:
        passage = Passage(1, "h", title, "h.pdf", None, "other", 9, 9, section, text, 0,
                          len(text))
        return score(asked, Candidate(passage, Sentence(text, 0, len(text)), []), section)

    # the same sentence in the Harbour Code itself is not about another body than the one
    # asked; both passages hold the name around the sentence, only one is the named document
    assert scored("Harbour Code 2024", "Fees") > scored("Marina Rules 2024", "Harbour Code")


def test_a_question_of_meaning_is_answered_by_the_line_that_spells_the_acronym_out(
        tmp_path: Path) -> None:
    # the acronym is defined only in a flattened run and in brackets, never in a table
    with one_document_library(tmp_path, "bulletin.txt", (
        "Partnership bulletin\n\n"
        "Abbreviations\n\n"
        "QAG: Quality Assurance Group YPAB: Young People's Advisory Board\n\n"
        "Voice of the child\n\n"
        "Members of the Young People's Advisory Board (YPAB) reviewed the leaflets this "
        "spring and asked for plainer words. The Quality Assurance Group audited 40 cases "
        "over the year and shared its findings with every partner agency.\n")) as kb:
        for question in ("What does the acronym YPAB stand for?", "What does QAG mean?"):
            answer = kb.ask(question)
            acronym = question.split()[-3] if "acronym" in question else "QAG"
            spelled = {"YPAB": "Young People's Advisory Board",
                       "QAG": "Quality Assurance Group"}[acronym]
            assert answer.answer_found and answer.answer, question
            assert spelled in answer.answer and acronym in answer.answer
            assert answer.citations and acronym in answer.citations[0].quote


def test_a_question_of_meaning_about_a_quoted_term_is_answered_by_the_sentence_defining_it(
        tmp_path: Path) -> None:
    with one_document_library(tmp_path, "review.txt", (
        "Workforce review\n\n"
        "Staffing\n\n"
        "Fewer bridging workers than planned were in post by the spring, and caseloads rose. "
        "Bridging workers is the term used for family support staff who hold no social work "
        "qualification. Each team had two of them by the summer.\n")) as kb:
        answer = kb.ask("In the review, what does the term 'bridging workers' mean?")
        assert answer.answer_found and answer.answer
        assert "hold no social work qualification" in answer.answer
        # a term that no sentence defines is not answered by a sentence that only names it
        declined = kb.ask("What does 'caseload weighting' mean?")
        assert not declined.answer_found


def test_a_term_qualified_before_it_is_named_still_defines(tmp_path: Path) -> None:
    text = ("Workforce review\n\n"
            "Staffing\n\n"
            "Fewer bridging workers than planned were in post by the spring, and caseloads rose. "
            "Bridging workers is the umbrella term for family support staff who hold no social "
            "work qualification. Each team had two of them by the summer.\n")
    answer = answer_from(tmp_path, "review.txt", text,
                         "In the review, what does the term 'bridging workers' mean?")
    assert answer.answer_found and "hold no social work qualification" in (answer.answer or "")


def test_a_quoted_term_glossed_by_the_clause_after_it_or_named_after_its_meaning_defines(
        tmp_path: Path) -> None:
    text = ("Online harms briefing\n\n"
            "Signs to look for\n\n"
            "Young people drawn into fraud may be asked to lend their bank cards to others. "
            "Some are taught tricks such as 'card looping', where one card is passed between "
            "several accounts to hide where the money went. Others are given a phone to keep "
            "for a group, often called a 'burner', and are told to answer it at any hour.\n")
    with one_document_library(tmp_path, "harms.txt", text) as kb:
        answer = kb.ask("What does 'card looping' mean?")
        assert answer.answer_found and "passed between several accounts" in (answer.answer or "")
        named = kb.ask("What is a 'burner'?")
        assert named.answer_found and "given a phone to keep" in (named.answer or "")


def test_a_sentence_counting_a_part_of_a_whole_does_not_answer_for_the_whole(
        tmp_path: Path) -> None:
    text = ("Forms review\n\n"
            "What the teams use\n\n"
            "The review listed every form the four teams fill in during an assessment. "
            "A small number of the forms, 40 out of 900, are used by all four teams. "
            "Of these 40 forms, 12 are completed by parents rather than by practitioners.\n")
    answer = answer_from(tmp_path, "forms.txt", text,
                         "How many forms were used by all four teams of practitioners?")
    assert answer.answer_found and "40 out of 900" in (answer.answer or "")
    assert "12 are completed" not in (answer.answer or "")


def test_a_length_written_with_a_hyphen_answers_how_long(tmp_path: Path) -> None:
    text = ("Listening events\n\n"
            "Young people took part in the listening events run by the participation team. "
            "The listening events were two-hour sessions held in youth centres.\n")
    answer = answer_from(tmp_path, "events.txt", text, "How long were the listening events?")
    assert answer.answer_found and "two-hour" in (answer.answer or "")


def test_a_question_how_a_document_defines_a_term_is_answered_by_that_terms_glossary_line(
        tmp_path: Path) -> None:
    with one_document_library(tmp_path, "guide.txt", (
        "Guide to leaving care\n\n"
        "Terms used in this guide\n\n"
        "Foster carer: a carer the guide covers who looks after a child in care; a foster "
        "carer may go on as a staying put carer or work beside a personal adviser.\n"
        "Staying put carer: someone with whom a young person lives on past 18.\n"
        "Personal adviser: a worker who keeps in touch with a care leaver.\n")) as kb:
        for question, meaning in (
                ("How does the guide define a 'staying put carer'?", "lives on past"),
                ("What is the definition of 'personal adviser' in the guide?", "keeps in touch")):
            answer = kb.ask(question)
            assert answer.answer_found and meaning in (answer.answer or ""), question


def test_what_a_question_asks_for_is_read_from_its_wording() -> None:
    wants = _wanted
    assert wants("How quickly must the school pass on the file?") == "duration"
    assert wants("What fine can the court give a parent?") == "money"
    assert wants("What is the total membership of the forum?") == "count"
    assert wants("Which service should the school ring for advice?") == "who"
    assert wants("Which local authorities took part in the first wave?") == "who"
    assert wants("Is it fine to share a photo with the parent?") is None
    # a way to reach someone; but a count of numbers, and the hours a helpline keeps, are other
    # questions
    assert wants("What is the telephone number of the family hub in Marsh Vale?") == "contact"
    assert wants("Which email address takes bookings for the carers' forum?") == "contact"
    assert wants("Which email should carers use to book the forum?") == "contact"
    assert wants("What number should I ring to reach the duty team?") == "contact"
    assert wants("How many contact numbers must a nursery hold for each child?") == "count"
    assert wants("What is the largest number of families one worker may hold?") == "count"
    assert wants("What are the opening hours of the parents' helpline?") == "time"
    assert wants("What is the amount of the grant each school receives?") == "money"
    assert wants("What amount can a carer claim for travel?") == "money"
    assert wants("What is the price of a place on the holiday scheme?") == "money"
    # "who" opening a question or a clause asks who; after a noun it only relates
    assert wants("At a strategy meeting, who should take the notes?") == "who"
    assert wants("To whom should the school send the form?") == "who"
    assert wants("A pupil has gone missing. Who must be told first?") == "who"
    assert wants("Which form do I fill in for a pupil who was excluded?") is None
    assert wants("Is there a form for carers who look after a sibling?") is None
    assert wants("Which reason code do I enter for a pupil who left the area?") == "code"
    assert wants("Which code of practice should the panel follow?") != "code"
    # the codeset named in quotes
    assert wants("Which 'exit reason' code is used when a family moves away?") == "code"
    assert wants("Which \u2018exit reason\u2019 code is used when a family moves away?") == "code"
    # the size of a change, in whatever figure the page gives it
    assert wants("How far was the handbook cut down in length?") == "change"
    assert wants("By how much did exclusions fall last year?") == "change"
    assert wants("How much did the number of contacts rise?") == "change"
    assert wants("How big a rise in the number of exclusions makes the alert show?") == "change"
    assert wants("What size of change in the number of contacts is flagged?") == "change"
    assert wants("How large is the school?") is None
    assert wants("How much does a DBS check cost?") == "money"


def test_the_scene_before_a_question_is_not_what_it_asks() -> None:
    from kb.question import _setting

    question = ("A family has just moved into the borough mid-term. Who should the school "
                "tell about the new pupil?")
    assert _setting(question) == "A family has just moved into the borough mid-term. "
    assert _setting("Who should the school tell? The parents.") == ""
    assert _setting("Who chairs the board in 2021-22?") == ""


def test_a_phrase_saying_where_to_look_frames_a_question_as_a_scene_does() -> None:
    from kb.question import _frame

    question = ("In the club's annual report on the summer tournament, did the coaches travel "
                "with the team?")
    assert _frame(question) == "In the club's annual report on the summer tournament, "
    # a condition is part of what is asked; a phrase with no question after it frames nothing
    assert _frame("If a coach is ill, who travels with the team?") == ""
    assert _frame("In 2021, the coaches travelled with the team.") == ""


def test_a_question_in_hours_is_not_answered_by_a_length_in_years() -> None:
    from kb.answer_times import same_scale

    question = "How many hours of training must a governor complete?"
    assert not same_scale(question, "every two years")
    assert same_scale(question, "three hours")
    assert same_scale("How many days does the school have?", "two weeks")
    assert same_scale("How long does the review take?", "90 minutes")


def test_a_question_of_what_ages_is_answered_by_an_age_range() -> None:
    from kb.answer_times import DURATION

    for sentence in ("Youth clubs in the borough welcome young people aged between 11 and 19.",
                     "The panel reviews cases of children between the ages of 8 and 13.",
                     "The hostel houses young people aged 16 to 21."):
        assert DURATION.search(sentence), sentence
    # a range of other things is no age
    assert not DURATION.search("Sessions run between 10 and 12 on Saturdays.")


def test_a_question_of_how_often_is_answered_by_a_frequency_and_not_a_length(
        tmp_path: Path) -> None:
    text = ("Mentoring handbook\n\n"
            "Every mentor completes a two-day induction before meeting a young person. "
            "Mentors should refresh their safeguarding knowledge at least annually, through "
            "bulletins or short sessions. The scheme has been running for three years across "
            "the county and has supported over four hundred young people so far.\n")
    answer = answer_from(tmp_path, "handbook.txt", text,
                         "How often should mentors refresh their safeguarding knowledge?")
    assert answer.answer_found and "at least annually" in (answer.answer or "")


def test_a_deadline_is_answered_by_a_length_counted_from_an_event(tmp_path: Path) -> None:
    text = ("Respite care guidance\n\n"
            "Respite stays are arranged by the short breaks team with the family's agreement. "
            "If a respite stay is arranged at short notice, the written plan must be shared "
            "with the school within three working days of the start of the stay. Families "
            "may ask for a review of the plan at any point during the year.\n")
    answer = answer_from(tmp_path, "respite.txt", text,
                         "If a respite stay is arranged at short notice, by when must the "
                         "written plan be shared with the school?")
    assert answer.answer_found and "within three working days" in (answer.answer or "")


def test_a_deadline_is_answered_by_the_event_it_is_set_by(tmp_path: Path) -> None:
    text = ("Volunteer drivers guide\n\n"
            "Volunteer drivers are recruited by the transport coordinator twice a year. "
            "Every volunteer driver must hand in proof of business insurance for their car "
            "before they carry any passengers, and again whenever the policy is renewed. "
            "Mileage is paid at the rate the council sets each April.\n")
    answer = answer_from(tmp_path, "drivers.txt", text,
                         "By when must a volunteer driver hand in proof of business insurance?")
    assert answer.answer_found and "before they carry any passengers" in (answer.answer or "")


def test_the_time_of_the_askers_story_and_the_frame_of_a_time_question_are_not_its_terms(
        tmp_path: Path) -> None:
    text = ("Missing from home protocol\n\n"
            "When a looked after child goes missing overnight, the carer must tell the police "
            "straight away. A return home interview must be offered within 72 hours of the "
            "child coming back. The interview is carried out by a worker the child does not "
            "already know.\n")
    with one_document_library(tmp_path, "missing.txt", text) as kb:
        asked = read_question(kb.engine, "Our foster child came back home this morning after "
                              "going missing last night. Within what time must a return home "
                              "interview be offered?")
    asked_of = {stem(word) for word in ("return", "interview", "offered", "missing")}
    assert asked_of <= set(asked.terms.weights)
    assert {stem(word) for word in ("night", "morning")}.isdisjoint(asked.terms.weights)
    assert asked.terms.weights[stem("time")] < asked.terms.weights[stem("interview")] / 1.5


def test_the_verb_of_asking_what_a_source_says_is_not_a_term(tmp_path: Path) -> None:
    text = ("Allotment rules\n\n"
            "Plot holders say the water butts fill quickly in spring. "
            "Every plot holder must keep the paths beside their plot clear of tools. "
            "The plot number goes on the gate tag.\n")
    with one_document_library(tmp_path, "plots.txt", text) as kb:
        says = read_question(kb.engine, "What do the allotment rules say plot holders must "
                             "keep clear?")
        goes = read_question(kb.engine, "What goes in the gate tag field for a plot?")
        spoken = read_question(kb.engine, "Did plot holders say the water butts fill quickly?")
    assert stem("say") not in says.terms.weights and stem("clear") in says.terms.weights
    assert stem("goes") not in goes.terms.weights and stem("tag") in goes.terms.weights
    # what people said, asked as a yes/no question of the saying, keeps it
    assert stem("say") in spoken.terms.weights

def test_a_question_for_a_code_is_answered_by_the_code_whose_description_fits(
        tmp_path: Path) -> None:
    text = ("Closure reasons\n\n"
            "Each closed case is given one closure reason code when the worker ends the plan. "
            "When a family turned down further support after the first visit, the worker "
            "should record the closure reason code on the same day.\n"
            "CR1 Family moved to another local authority area.\n"
            "CR2 Needs met through universal services.\n"
            "CR3 Family declined further support after the first visit.\n"
            "CR4 Case transferred to the children with disabilities team.\n")
    answer = answer_from(tmp_path, "closure.txt", text,
                         "Which closure reason code should I record when the family turned "
                         "down further support after the first visit?")
    assert answer.answer_found and (answer.answer or "").startswith("CR3")


def test_a_question_of_how_far_something_changed_is_answered_by_its_figures(
        tmp_path: Path) -> None:
    text = ("Handbook review\n\n"
            "The carers' handbook was revised this year after feedback from carers. The revision "
            "included cutting the handbook's long opening narrative and merging the chapters on "
            "contact and on education.\n"
            "• Reduced handbook length (from 60 pages to 20).\n"
            "• A new chapter on online safety.\n")
    answer = answer_from(tmp_path, "handbook.txt", text,
                         "How far was the carers' handbook cut down in length?")
    assert answer.answer_found and "from 60 pages to 20" in (answer.answer or "")


def test_an_age_the_question_gives_is_met_by_a_rule_bounded_by_age(tmp_path: Path) -> None:
    from kb.answer_kinds import Candidate
    from kb.ask import score
    from kb.models import Passage
    from kb.sentences import Sentence

    text = ("Reviews of the learning plan\n\n"
            "The school must review a pupil's learning plan at least once a term until the "
            "pupil's eighth birthday, and at least once a year after it. Reviews are chaired "
            "by the special needs coordinator. The plan is kept with the pupil's records.\n")
    with one_document_library(tmp_path, "plans.txt", text) as kb:
        question = "How often must the learning plan of a ten-year-old pupil be reviewed?"
        asked = read_question(kb.engine, question)
        answer = kb.ask(question)
    assert asked.ages and asked.ages <= set(asked.terms.weights)
    assert answer.answer_found and "once a year after it" in (answer.answer or "")

    def scored(sentence: str) -> float:
        passage = Passage(1, "p", "Plans", "p.txt", None, "other", None, None, None, sentence,
                          0, len(sentence))
        return score(asked, Candidate(passage, Sentence(sentence, 0, len(sentence)), []), "")

    # a sentence that bounds nothing by age does not hold the question's age
    assert scored("Learning plans are reviewed once a year after the eighth birthday.") > \
        scored("Learning plans are reviewed once a year.")


def test_a_value_named_as_a_code_is_a_code() -> None:
    from kb.items import names_a_code

    assert names_a_code("RC8 Case closed after assessment")
    # "Code 0 should be used ...": the word code and its value
    assert names_a_code("Code 0 should be used when the ethnicity was not given.")
    assert names_a_code("Children with no plan (code 'N9') are left out.")
    # the word code before an ordinary word is no code
    assert not names_a_code("The code of practice applies to every school.")
    # but a code that is a document, named by its title, is one ("Which ... code must staff
    # follow?")
    assert names_a_code("Staff follow the Sports Council's Code of Conduct for Coaches.")
    assert not names_a_code("Staff follow the council's code of conduct.")
    assert not names_a_code("Each pupil has a code for the system.")
    # a set's number and its member's letter ("4C", "12B") are a code too; a plain count is not
    assert names_a_code("4C\tConcerns about the carer's health")
    assert not names_a_code("The panel met 4 times and heard 12 cases.")


def test_a_claim_of_one_numbered_code_against_its_neighbour_is_read_as_the_neighbour() -> None:
    from kb.items import neighbour_code

    assert neighbour_code("Code 4C records concerns about a carer's health.",
                          "4D\tConcerns about a carer's health") == ("4C", "4D")
    assert neighbour_code("Code 4C records concerns about a carer's health.",
                          "5C\tConcerns about a carer's health") is None


def test_a_question_of_where_is_answered_by_a_sentence_naming_a_place(tmp_path: Path) -> None:
    text = ("Summer events\n\n"
            "The Young Voices Weekend is held each August and is planned by the Children in "
            "Care Council. "
            "Children meet at Kingsbrook Activity Park for the Young Voices Weekend.\n")
    answer = answer_from(tmp_path, "events.txt", text,
                         "Where is the Young Voices Weekend held?")
    assert answer.answer_found and "Kingsbrook Activity Park" in (answer.answer or "")
    # "in" inside a name ("Children in Care Council") sets no place
    from kb.answer_kinds import names_a_place
    from kb.question import Question
    from kb.terms import Terms

    asked = Question("Where is the Young Voices Weekend held?", "place", None, Terms({}))
    assert not names_a_place(asked, "It is planned by the Children in Care Council.")
    assert names_a_place(asked, "It is held at Kingsbrook Activity Park.")
    # where, said as how far it reaches; not where the question already says it is
    assert names_a_place(asked, "The weekend is held nationally, in partner areas.")
    held = Question("Is the weekend held nationally, and where?", "place", None, Terms({}))
    assert not names_a_place(held, "The weekend is held nationally.")


def test_which_country_asks_for_a_place(tmp_path: Path) -> None:
    from kb.question import WANTS

    def wants(question: str) -> str | None:
        return next((name for name, pattern in WANTS if pattern.search(question)), None)

    assert wants("Which country does the Open Records scheme come from?") == "place"
    assert wants("In which town was the first hub opened?") == "place"
    text = ("Learning from abroad\n\n"
            "The Open Records scheme was shared at the spring conference by two care leavers. "
            "Our records project learned from other schemes such as Open Records (in Norway) "
            "and Life Story Links.\n")
    answer = answer_from(tmp_path, "abroad.txt", text,
                         "Which country does the Open Records scheme come from?")
    assert answer.answer_found and "Norway" in (answer.answer or "")


def test_what_is_the_longest_asks_a_length_of_time(tmp_path: Path) -> None:
    from kb.question import WANTS

    wants = next(name for name, pattern in WANTS
                 if pattern.search("What is the longest a club should keep a copy of the form?"))
    assert wants == "duration"
    text = ("Keeping records\n\n"
            "A club that chooses to keep a copy of a member's consent form should have a clear "
            "reason, and it should not be kept for longer than three months. "
            "Clubs record the date a consent form was seen in the register.\n")
    answer = answer_from(tmp_path, "records.txt", text,
                         "If a club chooses to keep a copy of a consent form, what is the longest "
                         "it should hold on to it?")
    assert answer.answer_found and "three months" in (answer.answer or "")


def test_which_things_are_named_by_a_sentence_leaning_on_a_kind_named_before(
        tmp_path: Path) -> None:
    from kb.sentences import LEANS_BACK

    assert LEANS_BACK.match("Popular apps for this kind of work include Padlet.")
    assert not LEANS_BACK.match("Schools use many kinds of apps.")
    text = ("Family plan meetings\n\n"
            "Before the meeting: set up a shared board for the family plan on the Harwell "
            "Council laptop. "
            "Popular apps for this kind of work include Padlet, Trello and a paper flipchart. "
            "Each section of the board should be a separate page.\n")
    answer = answer_from(tmp_path, "meetings.txt", text,
                         "Which apps does the Harwell Council guide suggest for setting up the "
                         "shared board for the family plan?")
    assert answer.answer_found and "Padlet" in (answer.answer or "")


def test_when_counted_from_an_event_is_answered_by_a_length_of_time_from_it(
        tmp_path: Path) -> None:
    text = ("Youth panel arrangements\n\n"
            "The youth panel reviews each plan with the young person and their family. "
            "Panel reviews are usually held: \u2022 2 weeks from when the young person joins the "
            "programme \u2022 then every 3 months.\n")
    answer = answer_from(tmp_path, "panel.txt", text,
                         "When is the first panel review usually held after a young person joins "
                         "the programme?")
    assert answer.answer_found and "2 weeks" in (answer.answer or "")


def test_what_a_sentence_sets_itself_beside_is_not_what_it_states(tmp_path: Path) -> None:
    text = ("Volunteer training\n\n"
            "Every volunteer coordinator completes an induction course. "
            "In addition to the formal induction course set out above, a volunteer "
            "coordinator's knowledge and skills should be refreshed at least annually. "
            "The induction course should be updated at least every three years.\n")
    answer = answer_from(tmp_path, "training.txt", text,
                         "How often does a volunteer coordinator's formal induction course need "
                         "to be updated?")
    assert answer.answer_found and "every three years" in (answer.answer or "")


def test_a_question_of_when_is_answered_by_a_day_of_a_month_without_its_year(
        tmp_path: Path) -> None:
    text = ("Network news\n\n"
            "The youth forum is looking for new members from every school in the county. "
            "The first forum meeting will take place on October 14th in the town hall.\n")
    answer = answer_from(tmp_path, "news.txt", text,
                         "When will the first forum meeting take place?")
    assert answer.answer_found and "October 14th" in (answer.answer or "")


def test_when_a_state_ends_is_not_answered_by_when_it_begins(tmp_path: Path) -> None:
    text = ("Membership of the youth council\n\n"
            "A young person becomes eligible for youth council membership on their "
            "thirteenth birthday. "
            "A young person stays eligible for youth council membership until the end of the "
            "term in which they turn nineteen.\n")
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    ended = answer_from(tmp_path / "a", "council.txt", text,
                        "When does a young person stop being eligible for youth council "
                        "membership?")
    assert ended.answer_found and "turn nineteen" in (ended.answer or "")
    begun = answer_from(tmp_path / "b", "council.txt", text,
                        "When does a young person start being eligible for youth council "
                        "membership?")
    assert begun.answer_found and "thirteenth birthday" in (begun.answer or "")


def test_a_question_of_meaning_asks_about_the_quoted_term_its_asking_words_hold(
        tmp_path: Path) -> None:
    question = ("When volunteers give 'emergency first aid' at an event, what does 'emergency' "
                "mean?")
    text = ("First aid at events\n\n"
            "Volunteers who give 'emergency first aid' at an event must hold a current "
            "certificate. "
            "'Emergency' in this guidance means a situation where someone's life is at "
            "immediate risk.\n")
    with one_document_library(tmp_path, "events.txt", text) as kb:
        assert read_question(kb.engine, question).code == "emergency"
        answer = kb.ask(question)
    assert answer.answer_found and "life is at immediate risk" in (answer.answer or "")


def test_a_question_naming_one_item_of_a_sequence_prefers_a_sentence_naming_it(
        tmp_path: Path) -> None:
    text = ("Partner schools\n\n"
            "The Harbour programme worked with 12 partner schools in the county. "
            "A second wave of five partner schools joined in spring.\n")
    answer = answer_from(tmp_path, "schools.txt", text,
                         "How many partner schools were in Wave 2 of the Harbour programme?")
    assert answer.answer_found and "five" in (answer.answer or "")


def test_a_count_of_something_else_does_not_answer_how_many(tmp_path: Path) -> None:
    text = ("Carers support\n\n"
            "The fostering service ran 20 drop-in sessions for foster carers across the county "
            "this year. Each drop-in session was led by a supervising social worker.\n")
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    other = answer_from(tmp_path / "a", "support.txt", text,
                        "How many foster carers attended the drop-in sessions?")
    assert not other.answer_found
    counted = text.replace("Each drop-in session", "In all, 32 foster carers attended the "
                           "drop-in sessions. Each session")
    answer = answer_from(tmp_path / "b", "support.txt", counted,
                         "How many foster carers attended the drop-in sessions?")
    assert answer.answer_found and "32" in (answer.answer or "")


def test_what_a_figure_counts_is_read_past_a_range_and_from_a_label() -> None:
    from kb.answer_kinds import counts_another
    from kb.numbers import find_figures
    from kb.question import Question
    from kb.terms import Terms

    asked = Question("How many foster carers attended the training?", "count", None,
                     Terms({"foster": 1.0, "carer": 1.0, "attend": 0.5, "train": 0.5}))
    for text, other in (("Between 20 to 25 social workers attended the training.", True),
                        ("Between 20 to 25 foster carers attended the training.", False),
                        ("Foster carers: 20", False),
                        ("Seven additional foster carers attended the training.", False)):
        figure = next(f for f in find_figures(text) if f.kind == "count")
        assert counts_another(asked, text, figure) == other, text


def test_a_name_the_questions_own_verb_is_done_to_is_the_answer_not_another_body() -> None:
    from kb.answer_kinds import Candidate
    from kb.ask import score
    from kb.models import Passage
    from kb.question import Question
    from kb.sentences import Sentence
    from kb.terms import Terms

    asked = Question("What did Harbour Youth Forum members recommend to reach younger members?",
                     None, None, Terms({"harbour": 1.0, "youth": 1.0, "forum": 1.0,
                                        "member": 0.5, "recomme": 0.5, "reach": 0.5,
                                        "younger": 0.5}),
                     names={"harbour", "youth", "forum"})

    def scored(text: str) -> float:
        passage = Passage(1, "y", "Participation", "y.txt", None, "other", None, None, None,
                          text, 0, len(text))
        return score(asked, Candidate(passage, Sentence(text, 0, len(text)), []), "")

    # the name the members recommended is what is asked, not another body spoken of
    named = scored("Members recommended a Snapchat channel to reach younger members.")
    plain = scored("Members recommended a group chat channel to reach younger members.")
    assert abs(named - plain) < 0.05
    # a name the question's verb is not done to is another body's, and costs the sentence
    other = scored("Members met Snapchat staff to reach younger members.")
    assert other < scored("Members met outreach staff to reach younger members.") - 0.1


def test_what_the_number_of_asks_for_is_what_a_figure_must_count() -> None:
    from kb.answer_kinds import counts_another
    from kb.numbers import find_figures
    from kb.question import Question
    from kb.terms import Terms

    asked = Question("What is the maximum number of families a family worker may hold?",
                     "count", None, Terms({"famili": 1.0, "worker": 0.5, "hold": 0.5}))
    for text, other in (("The team has 12 support workers in each locality.", True),
                        ("A family worker may hold up to 12 families at a time.", False)):
        figure = next(f for f in find_figures(text) if f.kind == "count")
        assert counts_another(asked, text, figure) == other, text
    # persons counted are persons, however the count words them
    people = Question("How many people should the forum put forward?", "count", None,
                      Terms({"forum": 1.0, "people": 0.5}))
    text = "The forum should identify two individuals to attend."
    figure = next(f for f in find_figures(text) if f.kind == "count")
    assert not counts_another(people, text, figure)
    # a name counted, whatever verb follows it
    named = Question("How many Youth Link Workers support families?", "count", None,
                     Terms({"youth": 1.0, "link": 1.0, "worker": 0.5, "support": 0.5}))
    for text, other in (("The borough has four localities and a hub.", True),
                        ("The borough has 30 Youth Link Workers.", False)):
        figure = next(f for f in find_figures(text) if f.kind == "count")
        assert counts_another(named, text, figure) == other, text


def test_a_sentence_about_another_kind_of_the_thing_asked_does_not_answer(tmp_path: Path) -> None:
    from kb.clashes import other_kind

    assert other_kind("Do I need a plan for visits on a one-off basis?",
                      "Visits on a regular basis need a plan.") == ("one-off basis",
                                                                    "regular basis")
    # a name is no qualifier, nor another form of the same word, nor a verb after "to"
    assert other_kind("Who runs the new data project?", "It is run by the Open Data team.") is None
    assert other_kind("Where do the children live away from home?",
                      "The children living away from home were visited.") is None
    # a word set beside the thing by a slash is its alternative ("a concern/allegation": a
    # concern or an allegation), not a kind of it
    assert other_kind("Where should staff take a safeguarding allegation?",
                      "Report a concern/allegation about the head to the chair.") is None
    assert other_kind("Where should staff take a safeguarding allegation?",
                      "Report a financial allegation about the head to the chair.") == (
        "safeguarding allegation", "financial allegation")
    # a kind named in quotes is read without its closing quote
    assert other_kind("When must a school send a transfer return to the council?",
                      "Schools must make a return to the council (a 'holiday return') each term."
                      ) == ("transfer return", "holiday return")
    # a word of how far or in what order is no kind: "parents further agreed" is the agreeing
    # of "parents asked agreed"
    assert other_kind("How many parents asked agreed the hub helped?",
                      "Most parents further agreed that the hub helped them.") is None
    # a verb after its auxiliary is the act, not a kind of its object: "has written advice"
    # and "has drawn up advice" are one act said two ways
    assert other_kind("Which charity has written advice for clubs on online grooming?",
                      "The Safe Play Trust has drawn up advice for clubs on online grooming."
                      ) is None
    assert other_kind("Which charity has written advice for clubs on online grooming?",
                      "The Safe Play Trust has produced advice for clubs on online grooming."
                      ) is None
    assert other_kind("Which charity sent the written advice to clubs?",
                      "The Safe Play Trust sent the spoken advice to clubs.") == (
        "written advice", "spoken advice")
    # a plural noun before a verb in the past says who did it: "carers replied" and "parents
    # replied" are two groups doing one act, not two kinds of replying
    assert other_kind("What share of the poll's carers replied that the hub helped?",
                      "In all, 80% of the poll's parents replied that the hub helped.") is None
    assert other_kind("What share of the poll's foster carers replied?",
                      "In all, 80% of the poll's kinship carers replied.") == (
        "foster carers", "kinship carers")
    text = ("Home visits guidance\n\n"
            "Before home visits made on a regular basis, staff must complete a visit plan with "
            "their manager. "
            "A visit plan is not usually needed for home visits made on a one-off basis.\n")
    answer = answer_from(tmp_path, "visits.txt", text,
                         "Do staff need to complete a visit plan before home visits made on a "
                         "one-off basis?")
    assert answer.answer_found and "not usually needed" in (answer.answer or "")


def test_how_long_something_is_kept_is_answered_by_the_event_it_is_kept_until(
        tmp_path: Path) -> None:
    text = ("Records guidance\n\n"
            "Foster carer supervision records are stored on the fostering system by the team. "
            "Foster carer supervision records are kept until the carer leaves the service. "
            "Foster carers can ask to see their supervision records at any time.\n")
    answer = answer_from(tmp_path, "records.txt", text,
                         "How long are foster carer supervision records kept?")
    assert answer.answer_found and "until the carer leaves" in (answer.answer or "")


def test_a_question_of_price_is_not_answered_by_a_sentence_without_money(tmp_path: Path) -> None:
    text = ("Holiday scheme\n\n"
            "The council has set a standard price for places on the summer holiday scheme. "
            "Places on the summer holiday scheme are offered first to children in care.\n")
    answer = answer_from(tmp_path, "scheme.txt", text,
                         "What is the standard price for a place on the summer holiday scheme?")
    assert not answer.answer_found


def test_a_sum_asked_in_pounds_is_not_answered_by_a_sentence_without_money(
        tmp_path: Path) -> None:
    text = ("Bursary guidance\n\n"
            "A bursary is paid to students whose household income is below the threshold set by "
            "the college each year. Students apply for a bursary through the student office.\n")
    answer = answer_from(tmp_path, "bursary.txt", text,
                         "What household income in pounds is below the threshold for a bursary?")
    assert not answer.answer_found
    money = text.replace("the threshold set by the college each year",
                         "the threshold of £21,000 a year")
    (tmp_path / "b").mkdir()
    answer = answer_from(tmp_path / "b", "bursary.txt", money,
                         "What household income in pounds is below the threshold for a bursary?")
    assert answer.answer_found and "£21,000" in (answer.answer or "")


def test_a_table_row_gives_its_labels_meaning_only_in_words(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_heading("Practice model progress", level=1)
    document.add_paragraph("The table shows how far each part of the practice model has got.")
    table = document.add_table(rows=3, cols=2)
    for row, (label, value) in zip(table.rows, [("Practice element", "Progress"),
                                                ("Family time planning", "being not started,"),
                                                ("Restorative supervision", "Fully in place")],
                                   strict=True):
        row.cells[0].text, row.cells[1].text = label, value
    (tmp_path / "docs").mkdir()
    document.save(str(tmp_path / "docs" / "model.docx"))
    with KnowledgeBase.open(tmp_path / "index") as kb:
        kb.ingest([tmp_path / "docs"])
        answer = kb.ask("What does 'family time planning' mean?")
    assert "being not started" not in (answer.answer or "")


def test_an_annual_act_answers_how_often(tmp_path: Path) -> None:
    text = ("Online safety at Brookfield Academy\n\n"
            "The trust's board reads the risk register and approves the filtering policy. "
            "Governors should carry out an annual review of the academy's approach to online "
            "safety, with a risk assessment beside it.\n")
    answer = answer_from(tmp_path, "online.txt", text,
                         "How often should governors review the academy's approach to online "
                         "safety?")
    assert answer.answer_found and "annual review" in (answer.answer or "")


def test_a_question_of_where_something_is_passed_on_is_answered_by_whom_it_goes_to(
        tmp_path: Path) -> None:
    text = ("Managing allegations at Ashgrove College\n\n"
            "Allegations are taken seriously and recorded on the day they are made. "
            "Where staff have an allegation about the principal, it should be reported "
            "directly to the local authority designated officer within one working day.\n")
    answer = answer_from(tmp_path, "allegations.txt", text,
                         "Where should staff take an allegation about the principal?")
    assert answer.answer_found and "designated officer" in (answer.answer or "")
    from kb.answer_kinds import names_a_place
    from kb.question import Question
    from kb.terms import Terms

    asked = Question("Where should staff take an allegation about the principal?", "place",
                     None, Terms({}))
    # a sentence that passes nothing on names nobody it goes to
    assert not names_a_place(asked, "Allegations are taken seriously by the college.")
    assert names_a_place(asked, "It should be referred to the chair of governors.")
    # passing it on to someone the question already names is no answer
    assert not names_a_place(asked, "It should be referred to the principal first.")


def test_how_a_document_defines_a_term_in_a_setting_is_answered_by_its_meaning(
        tmp_path: Path) -> None:
    text = ("Meadowbank early help strategy\n\n"
            "Families told us they wanted help sooner. Early help in a family setting means "
            "support offered as soon as a difficulty emerges, before it needs a social worker. "
            "The strategy runs for three years.\n")
    answer = answer_from(tmp_path, "strategy.txt", text,
                         "How does the Meadowbank strategy define early help in a family "
                         "setting?")
    assert answer.answer_found and "as soon as a difficulty emerges" in (answer.answer or "")


def test_which_n_things_is_answered_by_the_sentence_that_counts_and_lists_them(
        tmp_path: Path) -> None:
    text = ("Youth council charter\n\n"
            "The charter sets out how the youth council and the partnership work together. "
            "The charter is built around 4 values: to listen, to include, to explain, and to "
            "follow up. The youth council agreed the charter in March.\n")
    answer = answer_from(tmp_path, "charter.txt", text,
                         "The youth council charter is built around which four values?")
    assert answer.answer_found and "to listen, to include" in (answer.answer or "")
    from kb.answer_kinds import lists_what_is_asked
    from kb.question import terms_of

    assert {"4", "four"} <= terms_of("which four values") & terms_of("built around 4 values")
    # a count of other things, or one with no list after it, is no such answer
    assert not lists_what_is_asked("Which four values?", "It has 4 members: a, b, c and d.")
    assert not lists_what_is_asked("Which four values?", "It has 4 values that matter.")
    # the kind asked, named as a proper name, answers a "which" question as a list does
    assert lists_what_is_asked("Which rules must the minibus drivers follow?",
                               "Drivers follow the Council Transport Rules on every trip.")
    assert not lists_what_is_asked("Which rules must the minibus drivers follow?",
                                   "Drivers follow the usual rules on every trip.")


def test_a_question_for_an_example_is_answered_by_the_sentence_that_gives_one(
        tmp_path: Path) -> None:
    text = ("Carer outreach plan\n\n"
            "The outreach plan sets out how the team will engage carers who are harder to "
            "reach in the borough, including through evening drop-in sessions. "
            "Each locality plan names carers who are harder to reach, such as grandparent "
            "carers. The plan is reviewed each year.\n")
    answer = answer_from(tmp_path, "outreach.txt", text,
                         "The outreach plan is about carers who are harder to reach. Which "
                         "carers does the plan give as the example?")
    assert answer.answer_found and "grandparent carers" in (answer.answer or "")
    from kb.answer_kinds import gives_an_example

    # a question that asks for no example makes no sentence's example an answer
    assert not gives_an_example("Which carers does the plan name?", "such as grandparent carers")


def test_opening_hours_are_answered_by_the_hours_a_service_keeps(tmp_path: Path) -> None:
    text = ("Family advice line\n\n"
            "The family advice line gives free advice to parents and carers, and its weekend "
            "opening was welcomed by families. "
            "The line is open from 09:00 to 17:00 Monday to Friday, and 10:00 to 14:00 at "
            "weekends.\n")
    answer = answer_from(tmp_path, "line.txt", text,
                         "What are the weekend opening hours of the family advice line?")
    assert answer.answer_found and "10:00 to 14:00" in (answer.answer or "")


def test_which_things_of_a_kind_is_answered_by_the_sentence_that_lists_them(
        tmp_path: Path) -> None:
    text = ("Session planning\n\n"
            "The youth team plans its sessions with a few tools each week. "
            "Tools the youth team uses include Trello, a shared calendar, and paper wall "
            "charts. Sessions are reviewed after each term.\n")
    answer = answer_from(tmp_path, "planning.txt", text,
                         "Which tools does the youth team use to plan its sessions?")
    assert answer.answer_found and "Trello, a shared calendar" in (answer.answer or "")
    from kb.answer_kinds import lists_what_is_asked

    # "what does" asks no kind of thing; a sentence naming the kind without a list is no list
    assert not lists_what_is_asked("What does the team use?", "It uses maps, charts, and apps.")
    assert not lists_what_is_asked("Which tools does it use?", "It uses planning tools weekly.")


def test_a_question_of_a_maximum_or_minimum_needs_a_figure(tmp_path: Path) -> None:
    text = ("Class sizes\n\n"
            "Schools should review their guidance on maximum class sizes for practical "
            "subjects with governors.\n")
    declined = answer_from(tmp_path, "sizes.txt", text,
                           "What maximum class size does the guidance recommend?")
    assert not declined.answer_found
    (tmp_path / "second").mkdir()
    answered = answer_from(tmp_path / "second", "sizes.txt", text.replace(
        "with governors.", "with governors, and recommends a maximum class size of 20 pupils."),
        "What maximum class size does the guidance recommend?")
    assert answered.answer_found and "20 pupils" in (answered.answer or "")


def test_how_often_is_not_answered_by_how_long_something_lasts(tmp_path: Path) -> None:
    text = ("Carers' plans\n\n"
            "The review rules apply to a carer's plan for periods of six months or more.\n")
    declined = answer_from(tmp_path, "plans.txt", text, "How often is a carer's plan reviewed?")
    assert not declined.answer_found
    (tmp_path / "second").mkdir()
    answered = answer_from(tmp_path / "second", "plans.txt", text + (
        "The plan is reviewed at intervals of no more than three months.\n"),
        "How often is a carer's plan reviewed?")
    assert answered.answer_found and "intervals of no more than three months" in (
        answered.answer or "")


def test_a_glossary_line_with_a_dash_defines_the_term_asked_with_its_article(
        tmp_path: Path) -> None:
    text = ("Glossary\n\n"
            "Kinship carer - A relative or friend who looks after a child who cannot live with "
            "their parents.\n"
            "Respite - Short breaks that give a family time to rest.\n")
    answer = answer_from(tmp_path, "glossary.txt", text,
                         "How does the glossary define a kinship carer?")
    assert answer.answer_found and "A relative or friend" in (answer.answer or "")


def test_an_answer_opening_on_a_pronoun_quotes_the_sentence_it_points_back_to(
        tmp_path: Path) -> None:
    text = ("Support services\n\n"
            "Harbour Trust is a regional charity for young carers. They run the Carers Line "
            "helpline every weekday evening.\n")
    answer = answer_from(tmp_path, "services.txt", text, "Which charity runs the Carers Line?")
    assert answer.answer_found and "Harbour Trust" in (answer.answer or "")
    assert "Harbour Trust" in answer.citations[0].quote


def test_a_yes_no_question_is_read_as_the_statement_it_asks_about() -> None:
    from kb.polar import polar_statement

    assert polar_statement("A parent rings the office. Does the school have to tell the council?"
                           ) == "the school have to tell the council"
    assert polar_statement("Is the panel an inspection?") == "the panel an inspection"
    # a question of what, and one offering alternatives, are not answered yes or no
    assert polar_statement("What does the panel decide?") is None
    assert polar_statement("Must the parents agree, or can the young person decide?") is None
    # a phrase set before the auxiliary says where the question stands, not what it asks
    assert polar_statement("For the census, does a late referral count?") == \
        "a late referral count"
    assert polar_statement("For the census, what counts?") is None


def test_a_yes_no_question_the_source_denies_is_answered_no(tmp_path: Path) -> None:
    text = ("Sharing information\n\n"
            "Practitioners do not need a parent's permission to pass on a concern when a child "
            "may be at risk of harm.\n\n"
            "Reviews\n\nThe partnership reviews its training offer every spring.\n")
    with one_document_library(tmp_path, "sharing.txt", text) as kb:
        denied = kb.ask("Do practitioners need a parent's permission to pass on a concern "
                        "about a child at risk of harm?")
        stated = kb.ask("Does the partnership review its training offer every spring?")
        fronted = kb.ask("Under the local sharing protocol, do practitioners need a parent's "
                         "permission to pass on a concern about a child at risk of harm?")
    assert denied.answer_found and denied.reply == "no"
    assert fronted.answer_found and fronted.reply == "no"
    assert denied.answer and denied.answer.startswith("No. Practitioners do not need")
    # the quote stays the source's own words
    assert denied.citations[0].quote.startswith("Practitioners do not need")
    # a sentence that states what is asked is no denial: no "No", and no "Yes" either
    assert stated.answer_found and stated.reply is None
    assert stated.answer and stated.answer.startswith("The partnership reviews")


def test_a_yes_no_question_takes_the_sentence_that_says_no_over_one_only_about_it(
        tmp_path: Path) -> None:
    text = ("Annual visits\n\n"
            "The annual visit is a way for the board to meet the early help teams of the "
            "council between audits, hear how their work is going and agree what the teams "
            "need next. The annual visit isn't an audit of the early help teams; they are not "
            "scored.\n")
    answer = answer_from(tmp_path, "visits.txt", text,
                         "Is the annual visit an audit of the council's early help teams?")
    assert answer.answer_found and answer.reply == "no"
    assert "isn't an audit" in (answer.answer or "")


def test_a_count_of_the_event_answers_how_many_it_happened_to(tmp_path: Path) -> None:
    text = ("Listening to carers\n\n"
            "The review drew on 9 visits to kinship carers from spring 2024 fieldwork and 14 "
            "visits to kinship carers from October 2024 fieldwork.\n\n"
            "Staffing\n\nThe service has 3 team managers.\n")
    answer = answer_from(tmp_path, "carers.txt", text,
                         "How many kinship carers were visited in October 2024?")
    assert answer.answer_found and answer.marked
    # the count dated as the question dates it, not the other one of the same sentence
    assert "**14**" in answer.marked and "**9**" not in answer.marked


def test_a_sentence_in_other_words_answers_when_the_model_reads_it_close(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import kb.gate

    rule = ("A borrowed book may be kept for up to 21 days before it must be returned or "
            "renewed. ")
    text = ("Lending rules of the county library service\n\n"
            "Membership is free to everyone who lives, works or studies in the county. "
            "Members can borrow up to twelve items at a time on one card.\n\n"
            f"{rule}Renewals can be made online, by telephone or at any branch.\n\n"
            "Branches open six days a week. The mobile library visits each village once a "
            "fortnight.\n")
    # the question holds under half the rule's words ("hold on to", "giving it back")
    question = "For how long may a member hold on to a borrowed book before giving it back?"
    (tmp_path / "with").mkdir()
    (tmp_path / "without").mkdir()
    with one_document_library(tmp_path / "with", "rules.txt", text) as library:
        answered = library.ask(question)
        monkeypatch.setattr(kb.gate, "CLOSE_ENOUGH", 1.5)  # the model's reading decides
        strict = library.ask(question)
    assert answered.answer_found and "21 days" in (answered.answer or "")
    assert not strict.answer_found
    # without the rule no other sentence is close enough, however many words it shares
    monkeypatch.undo()
    missing = answer_from(tmp_path / "without", "rules.txt", text.replace(rule, ""), question)
    assert not missing.answer_found


def test_the_closeness_asked_of_a_sentence_in_other_words_falls_as_it_holds_more_of_the_question(
        tmp_path: Path) -> None:
    text = ("Pupil records guide\n\n"
            "When a pupil moves to another school, the previous school must send the pupil's "
            "common transfer file to the new school within 15 school days of the pupil starting "
            "there. Schools keep attendance registers for three years.\n\n"
            "Governors review the records policy each autumn. The business manager holds the keys "
            "to the records room.\n")
    with one_document_library(tmp_path, "records.txt", text) as library:
        # near half the question's words ("previous school", "file", "new"), in other words
        # the rest ("hand over", "begin at"): close enough for a sentence holding that much
        held_more = library.ask("How long does the previous school have to hand over a "
                                "child's file once they begin at a new one?")
        # fewer of them ("former school", "hand over", "child"): it must be read closer still,
        # closer than the model reads it
        held_less = library.ask("How long has the former school got to hand over the file once "
                                "a child begins at a new one?")
    assert held_more.answer_found and "15 school days" in (held_more.answer or "")
    assert not held_less.answer_found


def test_whether_there_is_a_definition_is_answered_by_a_sentence_saying_there_is_none(
        tmp_path: Path) -> None:
    text = ("Harm outside the home\n\n"
            "Although there is no statutory definition of contextual risk, the phrase is used by "
            "partners to describe harm in parks, transport hubs and online spaces. "
            "Contextual risk may include grooming by adults or by other young people.\n")
    with one_document_library(tmp_path, "risk.txt", text) as kb:
        answer = kb.ask("Is there a statutory definition of contextual risk?")
    assert answer.answer_found and answer.reply == "no"
    assert "no statutory definition" in (answer.answer or "")


def test_a_question_that_sets_a_scene_is_answered_by_a_sentence_saying_it_in_other_words(
        tmp_path: Path) -> None:
    from kb.question import read_question

    text = ("Disclosures of past harm\n\n"
            "Where an adult discloses that they were harmed as a child while attending a club, "
            "staff should advise them to contact the police. "
            "Records of the disclosure are kept by the welfare officer.\n")
    question = ("A man phones the club to say a coach hurt him there years ago. "
                "What should staff advise him to do?")
    with one_document_library(tmp_path, "club.txt", text) as kb:
        assert read_question(kb.engine, question).scene
        assert not read_question(kb.engine, "What should staff advise an adult to do?").scene
        answer = kb.ask(question)
    # "a man ... years ago" is "an adult ... as a child": the scene is the answer's, in its words
    assert answer.answer_found and "contact the police" in (answer.answer or "")


def test_the_askers_own_pronouns_are_not_words_an_answer_must_hold(tmp_path: Path) -> None:
    text = ("Requests about personal data\n\n"
            "Staff should contact the records manager if a parent has asked them to erase the "
            "family's records. Requests to see records are answered within one month. "
            "The records manager keeps a log of every request made in the year.\n")
    with one_document_library(tmp_path, "records.txt", text) as kb:
        answer = kb.ask("If somebody asks me to erase my records, who do I contact?")
    # "somebody", "me" and "my" are the asker's, not the rule's: "a parent", "them", "the
    # family's" say them in the source's words
    assert answer.answer_found and "records manager" in (answer.answer or "")


def test_when_a_thing_may_be_done_is_answered_by_the_circumstances_and_a_laws_year_is_no_time(
        tmp_path: Path) -> None:
    text = ("Sharing members' details\n\n"
            "Under the Children Act 1989 the club keeps a record of every member. "
            "Circumstances in which the club may share a member's details without consent "
            "include a risk of significant harm to a child. "
            "The welfare officer reviews the register of members each term.\n")
    with one_document_library(tmp_path, "club.txt", text) as kb:
        when_may = kb.ask("When may the club share a member's details without consent?")
        when_did = kb.ask("When did the club start keeping a record of every member?")
    # "when may" asks in what circumstances as often as at what time
    assert when_may.answer_found and "significant harm" in (when_may.answer or "")
    # the 1989 of "the Children Act 1989" names the Act; it dates nothing the club did
    assert not when_did.answer_found, when_did.answer


def test_the_cases_a_thing_is_kept_for_answer_when_it_should_be_done(tmp_path: Path) -> None:
    text = ("Running the transport service\n\n"
            "The service plans its routes each summer for the year ahead. "
            "• Managers keep a settled team of drivers and only hire relief drivers as a "
            "temporary measure when absolutely necessary, so that pupils see familiar faces. "
            "• Managers meet the drivers' union twice a year.\n")
    with one_document_library(tmp_path, "transport.txt", text) as kb:
        should = kb.ask("When should managers hire relief drivers?")
        said = kb.ask("When does the service say managers should hire relief drivers?")
    # "as a temporary measure when absolutely necessary" sets out the cases, as "where" does
    for answer in (should, said):
        assert answer.answer_found and "temporary measure" in (answer.answer or ""), \
            answer.answer


def test_carers_staff_and_teachers_are_roles_a_who_question_may_be_answered_with() -> None:
    from kb.ask import ROLE

    named = [m.group(0).lower() for m in ROLE.finditer(
        "• that foster carers, residential care staff and class teachers make sure each pupil "
        "attends, with the pupil's parents and the school's safeguarding leaders")]
    assert named == ["carers", "staff", "teachers", "parents", "leaders"]
    # a thing done is no one: "the provision", "the staffing budget"
    assert not ROLE.search("the provision of a staffing budget for the term")


def test_which_one_of_a_kind_is_answered_by_a_sentence_naming_that_kind(
        tmp_path: Path) -> None:
    text = ("Changes to the handbook\n\n"
            "The handbook's table of changes says what later editions will draw on and why "
            "each change was made. "
            "Next year the findings of the recent Marsh Review of school meals will shape the "
            "menus.\n")
    with one_document_library(tmp_path, "handbook.txt", text) as kb:
        answer = kb.ask("Which review does the handbook's table of changes say later editions "
                        "will draw on?")
    # a sentence that names no review is no answer, however many of the question's words it
    # holds
    assert answer.answer_found and "Marsh Review" in (answer.answer or ""), answer.answer


def test_a_date_in_a_quotations_attribution_dates_the_saying_not_the_event(
        tmp_path: Path) -> None:
    text = ("What staff said\n\n"
            "Staff described the new hub as a welcome change. "
            "\"The hub opened its doors and families started coming in straight away.\" "
            "Family worker, North team (March 2024)\n"
            "\"We will keep going.\" In May 2021 the council repainted the car park "
            "markings.\n")
    with one_document_library(tmp_path, "hub.txt", text) as kb:
        answer = kb.ask("When did the hub open its doors to families?")
        after = kb.ask("When did the council repaint the car park markings?")
    # March 2024 is when the worker spoke; no sentence says when the hub opened
    assert not answer.answer_found, answer.answer
    # a sentence after a quotation is no attribution: its date is its own
    assert after.answer_found and "May 2021" in (after.answer or ""), after.answer


def test_which_groups_of_a_kind_is_answered_by_the_sentence_listing_members_of_that_kind(
        tmp_path: Path) -> None:
    text = ("Who the holiday scheme is for\n\n"
            "Managers plan the holiday scheme around what families tell them, and review "
            "places each spring, each summer and each autumn. "
            "The scheme also reaches children who can be missed by clubs, including young "
            "carers, children with a parent in prison and children new to the area.\n")
    with one_document_library(tmp_path, "scheme.txt", text) as kb:
        answer = kb.ask("Which groups of children can be missed when managers plan the "
                        "holiday scheme?")
    # "groups of children": the children are the kind the answer lists, after "including"
    assert answer.answer_found and "young carers" in (answer.answer or ""), answer.answer


def test_who_did_an_act_is_answered_past_sentences_that_do_not_state_it(tmp_path: Path) -> None:
    text = ("The Data Insight Hub\n\n"
            "The Data Insight Hub is the council's service for safeguarding data staff. "
            "The Data Insight Hub publishes a data bulletin for safeguarding partners. "
            "Data Insight Hub staff train new analysts in the data tools. "
            "The audit form used by the Data Insight Hub is reviewed by partners each year. "
            "Run by the council, and supported by the police and the health board, the hub "
            "works across the county. "
            "The audit form was designed by the quality assurance team in 2021. "
            "Its first review was led by the county's internal audit office.\n")
    with one_document_library(tmp_path, "hub.txt", text) as kb:
        supports = kb.ask("Which organisations support the Data Insight Hub?")
        designed = kb.ask("Who designed the audit form used by the Data Insight Hub?")
        led = kb.ask("Which team led the first review of the audit form?")
    # the sentences that name the hub most do not say who supports it: they do not count
    # towards the few read for an answer
    assert supports.answer_found and "police" in (supports.answer or ""), supports.answer
    # a past act asks its doer as a present one does
    assert designed.answer_found and "quality assurance team" in (designed.answer or ""), \
        designed.answer
    # an irregular past act ("led") asks its doer too
    assert led.answer_found and "internal audit office" in (led.answer or ""), led.answer


def test_a_who_question_in_the_past_asks_the_doer_of_its_act() -> None:
    from kb.doers import act_asked
    from kb.words import stem

    assert act_asked("Who developed the research approach?") == stem("develop")
    assert act_asked("Which team led the first review?") == stem("lead")
    assert act_asked("Which agencies ran the pilot?") == stem("run")
    # a past form of "need", "use" or "be" asks no act
    assert act_asked("Who needed help first?") is None
    assert act_asked("Who was the chair?") is None


def test_a_table_row_is_read_with_the_line_leading_into_its_table_and_its_header() -> None:
    from kb.table_answers import table_title

    text = ("3.2 Reason for leaving\nRecord why the member left the club, using the codes in "
            "the list below, once for each season they were registered with us.\n"
            "Code\tDescription\nL1\tMoved away.\nL2\tJoined another club.\n")
    title = table_title(text, text.index("L2"))
    assert "Reason for leaving" in title and "codes in the list below" in title
    assert "Code\tDescription" in title
    assert table_title(text, text.index("Record")) == ""  # no row, no title
    # a table of terms has no header row: its first entry is no column name
    terms = ("Grant\tMoney given for a set purpose that need not be paid back to the fund.\n"
             "Loan\tMoney lent that is paid back.\n")
    assert "purpose" not in table_title(terms, terms.index("Loan"))


def test_a_row_of_a_table_of_words_is_read_with_the_header_not_the_row_above_it() -> None:
    from kb.answer_kinds import Candidate
    from kb.models import Passage
    from kb.sentences import Sentence
    from kb.table_answers import read_with_header

    text = ("Kit colours\nCode\tColour\tWorn for\nK1\tRed and white\tHome league games\n"
            "K2\tAll blue\tAway league games\nK3\tYellow\tCup games at any ground\n")
    start = text.index("K3")
    passage = Passage(1, "d", "Club handbook", "h.docx", None, "handbook", None, None, None,
                      text, 0, len(text))
    row = Sentence("K3\tYellow\tCup games at any ground", start, len(text) - 1)
    plain, _ = read_with_header(Candidate(passage, row, []))
    assert plain == "K3: Colour Yellow; Worn for Cup games at any ground", plain


def test_a_header_row_repeated_after_a_page_break_gives_no_facts() -> None:
    from kb.facts import facts_from_blocks

    blocks = _row_blocks(["Code\tColour", "K1\tRed", "K2\tBlue", "Code\tColour", "K3\tYellow"])
    facts = facts_from_blocks(blocks, [0, blocks[3].start], paged=True)
    assert [(f.label, f.column, f.value, f.page) for f in facts] == [
        ("K1", "Colour", "Red", 1), ("K2", "Colour", "Blue", 1), ("K3", "Colour", "Yellow", 2)]


def test_a_code_asked_for_is_found_in_a_row_whose_table_names_the_question(
        tmp_path: Path) -> None:
    path = make_table_docx(
        tmp_path / "return.docx", "Membership return",
        "Record why a member stopped playing, using one of the leaving codes given in the "
        "table below:",
        [("Code", "Description"), ("L1", "Moved away."), ("L2", "Joined a rival team."),
         ("L3", "Injured and unable to play.")],
        "Members who left owing subscriptions are reported to the treasurer, who writes to "
        "them within a month of the return.")
    with KnowledgeBase.open(tmp_path / "index") as kb:
        kb.ingest([path])
        # most of what the question asks is said by the line leading into the table, the row
        # says only which reason
        answer = kb.ask("When filling in the membership return, which code should the club "
                        "secretary record for why a member stopped playing, where that junior "
                        "joined a rival team last season?")
    assert answer.answer_found and "L2" in (answer.answer or ""), answer.answer


def test_a_short_row_under_a_code_column_answers_which_code(tmp_path: Path) -> None:
    path = make_table_docx(
        tmp_path / "referrals.docx", "Referral return",
        "For each new referral, record who made it, using the source codes in the table below.",
        [("Code", "Description"), ("1", "'FAMILY' – a parent, relative or carer."),
         ("2", "'SCHOOLS' – any school or college."), ("3", "'COACHES'."),
         ("4", "'OTHER' – anyone not listed above.")])
    with KnowledgeBase.open(tmp_path / "index") as kb:
        kb.ingest([path])
        answer = kb.ask("Which source code should be recorded when the referral comes from "
                        "the coaches?")
    # a row of two words, its code a bare number the column names as a code
    assert answer.answer_found and (answer.answer or "").startswith("3"), answer.answer


def test_a_rate_per_ten_thousand_is_not_answered_by_a_percentage() -> None:
    from kb.answer_kinds import figure_fit
    from kb.ask import Candidate
    from kb.models import Passage
    from kb.numbers import find_figures
    from kb.question import Question, terms_of
    from kb.sentences import Sentence
    from kb.terms import Terms

    def fit(question: str, sentence: str) -> float:
        asked = Question(question, "rate", None, Terms({t: 1.0 for t in terms_of(question)}, {}))
        passage = Passage(1, "d", "Club in numbers", "club.txt", None, "other", 1, 1, None,
                          sentence, 0, len(sentence))
        return figure_fit(asked, Candidate(passage, Sentence(sentence, 0, len(sentence)),
                                           find_figures(sentence)))

    question = "What was the club's injury rate per 10,000 players?"
    assert fit(question, "Injuries to players\t12%\t14%") < 0  # a share, not that rate
    assert fit(question, "The injury rate was 8.2 per 10,000 players.") > 0
    # a rate asked without its base may be given as a percentage
    assert fit("What was the club's injury rate in 2024?", "Injuries to players\t12%\t14%") > 0


def test_a_glossary_entry_answers_for_the_term_it_defines(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    import kb.ask

    text = ("Glossary\n\n"
            "Day trip - The county safety board's glossary relies on its own definition of this "
            "activity: a visit that begins and ends on the same day, for any group of more "
            "than ten.\n\n"
            "Activity centre - The Outdoor Safety Act 2019 provides that a site is an activity "
            "centre if it offers adventure sessions to groups of young people.\n\n"
            "Escort - An adult who travels with a group and holds its contact sheet.\n")
    question = ("Which Act does the county safety board's glossary rely on to define an "
                "activity centre?")
    (tmp_path / "with").mkdir()
    (tmp_path / "without").mkdir()
    answer = answer_from(tmp_path / "with", "glossary.txt", text, question)
    assert answer.answer_found and "Outdoor Safety Act 2019" in (answer.answer or "")
    # read by its words alone, the entry for another term that says "glossary" and
    # "definition" holds more of the question
    monkeypatch.setattr(kb.ask, "glosses_what_is_asked", lambda asked, text: False)
    other = answer_from(tmp_path / "without", "glossary.txt", text, question)
    assert "Outdoor Safety Act 2019" not in (other.answer or "")


CONTACT_LEAFLET = ("Marsh Vale family hub\n\nThe family hub helpline for parents and carers "
                   "offers advice on sleep, feeding and behaviour, and is staffed by health "
                   "visitors and family support workers. Ring the helpline on 01632 960 412. "
                   "Parents can also write to the hub team at hub@marshvale.example.org.\n")


def test_a_website_question_is_answered_by_a_website_named_by_its_name(tmp_path: Path) -> None:
    text = ("Records requests\n\n"
            "Care leavers who ask for their records get an automatic reply. The reply links "
            "them to the Harbour Records Hub website, which explains each step.\n")
    answer = answer_from(tmp_path, "records.txt", text,
                         "Which website does the automatic reply link care leavers to?")
    assert answer.answer_found and "Harbour Records Hub website" in (answer.answer or "")
    from kb.answer_kinds import CONTACTS

    # "the website", "their website": no website named
    assert CONTACTS["web"][1].search("Their website lists it; see the website.") is None


def test_a_contact_question_is_answered_by_the_sentence_that_gives_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import kb.question

    (tmp_path / "with").mkdir()
    answer = answer_from(tmp_path / "with", "hub.txt", CONTACT_LEAFLET,
                         "What is the helpline number for parents and carers at the family hub?")
    assert answer.answer_found and "01632 960 412" in (answer.answer or "")
    # a way to reach them the text does not give is declined, not answered with another
    (tmp_path / "web").mkdir()
    missing = answer_from(tmp_path / "web", "hub.txt", CONTACT_LEAFLET,
                          "What is the website of the family hub helpline for parents?")
    assert not missing.answer_found, missing.answer
    # read as any other question, the sentence that says most of the helpline answers
    monkeypatch.setattr(kb.question, "WANTS", [w for w in kb.question.WANTS
                                               if w[0] != "contact"])
    (tmp_path / "without").mkdir()
    unread = answer_from(tmp_path / "without", "hub.txt", CONTACT_LEAFLET,
                         "What is the helpline number for parents and carers at the family hub?")
    assert "01632 960 412" not in (unread.answer or "")


def test_a_question_in_other_words_of_one_sense_is_answered(tmp_path: Path) -> None:
    from kb.terms import Terms
    from kb.words import stem

    # "start" and "began": one act, whichever word a source uses for it; a word of another
    # sense counts for nothing
    terms = Terms({"start": 1.0, "offer": 1.0})
    assert terms.share({stem("began"), "offer"}) == 1.0
    assert terms.share({stem("commented"), "offer"}) == 0.5
    # "confirm receipt" and "acknowledge receipt": one act
    receipt = Terms({stem("confirm"): 1.0, stem("receipt"): 1.0})
    assert receipt.share({stem("acknowledged"), stem("receipt")}) == 1.0
    # a thing "completed" by a date is one "finished" by it
    finished = Terms({stem("finished"): 1.0, stem("move"): 1.0})
    assert finished.share({stem("completed"), stem("move")}) == 1.0
    text = ("Mentoring for care leavers\n\n"
            "The peer mentoring offer for care leavers was first proposed in September 2023. "
            "The peer mentoring offer for care leavers began in May 2024.\n")
    with one_document_library(tmp_path, "mentoring.txt", text) as kb:
        started = kb.ask("When did the peer mentoring offer for care leavers start?")
    assert started.answer_found and started.citations[0].quote.endswith("began in May 2024."), \
        started.answer


def test_a_sentence_that_announces_things_by_number_is_read_with_the_one_naming_them(
        tmp_path: Path) -> None:
    text = ("Residential trips\n\n"
            "There are two forms that parents sign before a residential trip. "
            "These forms are the medical consent form and the photo consent form. "
            "Staff keep both forms in the trip folder until the group returns.\n")
    with one_document_library(tmp_path, "trips.txt", text) as kb:
        forms = kb.ask("Which two forms do parents sign before a residential trip?")
    assert forms.answer_found and "medical consent form" in (forms.answer or ""), forms.answer
    assert "trip folder" not in (forms.answer or "")  # the sentence after them is not


def test_a_yes_no_question_is_answered_no_by_a_denial_holding_under_half_its_words(
        tmp_path: Path) -> None:
    text = ("Everyday decisions\n\n"
            "Foster carers can make many everyday decisions for the children they look after. "
            "Foster carers do not need the council's permission to arrange a haircut for a child "
            "in their care. Overnight stays with friends are agreed in the placement plan.\n\n"
            "Training\n\nThe partnership runs foster carer training every autumn.\n")
    with one_document_library(tmp_path, "decisions.txt", text) as kb:
        # "written approval", "gets", "hairdresser's": the asker's words, not the rule's
        denied = kb.ask("Is written approval from the council needed before a foster child "
                        "gets a haircut at the hairdresser's?")
        # a sentence about the thing asked that denies nothing of it says no "No."
        about = kb.ask("Is written approval from the council needed before a foster child "
                       "has an overnight stay at a friend's?")
    assert denied.answer_found and denied.reply == "no"
    assert (denied.answer or "").startswith("No. Foster carers do not need")
    assert about.reply is None


def test_a_sentence_the_term_opens_saying_what_it_is_defines_it(tmp_path: Path) -> None:
    text = ("Harms outside the home\n\n"
            "Young people may be drawn into harm by adults they meet online. "
            "Adults who groom young people often flatter them first. "
            "Grooming is the process of building a young person's trust in order to abuse "
            "or exploit them. Staff should pass any worry about grooming to the designated "
            "lead on the same day.\n")
    with one_document_library(tmp_path, "harms.txt", text) as kb:
        answer = kb.ask("How does the guidance define grooming?")
        # the term is the one after "mean by", not a name before it
        meant = kb.ask("What does KCSE mean by grooming?")
        # a sentence that only uses the word, not what it is, is no definition
        unknown = kb.ask("How does the guidance define flattery?")
    assert answer.answer_found
    assert (answer.answer or "").startswith("Grooming is the process of building")
    assert not unknown.answer_found
    assert meant.answer_found
    assert (meant.answer or "").startswith("Grooming is the process of building")


def test_a_sentence_holding_the_questions_own_phrase_answers_before_one_with_its_words_apart(
        tmp_path: Path) -> None:
    from kb.words import shares_a_run

    assert shares_a_run("What does life story work help children to do?",
                        "Life Story Work helps children understand their past.", 4)
    # the same words, apart or out of order, are no run
    assert not shares_a_run("What does life story work help children to do?",
                            "Work on a child's life story helps them.", 4)
    text = ("Recording with children\n\n"
            "Good records help children who were in care make sense of their life story when "
            "they are older. "
            "Life story work helps children understand their past and who they are. "
            "The team reviews its recording guidance every year.\n")
    answer = answer_from(tmp_path, "records.txt", text,
                         "What does life story work help children in care to do?")
    assert answer.answer_found
    assert (answer.answer or "").startswith("Life story work helps children")


def test_what_is_counted_ends_at_the_questions_past_tense_verb() -> None:
    from kb.answer_kinds import counts_another
    from kb.numbers import find_figures
    from kb.question import Question
    from kb.terms import Terms

    # "how many councils missed ...": the councils are counted, whatever past-tense verb follows
    asked = Question("How many councils missed the census return deadline last year?", "count",
                     None, Terms({"council": 1.0, "miss": 0.5, "deadlin": 0.5, "return": 0.5}))
    for text, other in (("Each return should hold a four digit school code.", True),
                        ("Nine councils missed the deadline this year.", False)):
        figure = next(f for f in find_figures(text) if f.kind == "count")
        assert counts_another(asked, text, figure) == other, text


def test_what_reading_age_asks_an_age() -> None:
    from kb.question import WANTS

    def wants(question: str) -> str | None:
        return next((name for name, pattern in WANTS if pattern.search(question)), None)

    assert wants("What reading age should letters to families be written at?") == "duration"
    assert wants("What age can a child give consent?") == "duration"
    # a word ending in "age" is no age
    assert wants("What page of the leaflet lists the helplines?") != "duration"
    assert wants("What percentage of carers replied?") == "percent"


def test_who_carried_out_an_act_is_answered_by_who_conducted_it(tmp_path: Path) -> None:
    from kb.doers import act_asked, act_forms

    # a carrying out is a conducting; a carrying of a cost is not
    assert {"conduct", "perform"} <= act_forms(act_asked("Who carried out the audit?") or "")
    assert "conduct" not in act_forms(act_asked("Who carried the cost of the audit?") or "")
    text = ("How the audit was done\n\n"
            "The audit began in spring with a survey of every school in the borough. "
            "After the survey, researchers from Northfield University conducted a case file "
            "audit of forty closed cases. Governors were sent a summary in the autumn.\n")
    answer = answer_from(tmp_path, "audit.txt", text, "Who carried out the case file audit?")
    assert answer.answer_found and "Northfield University" in (answer.answer or "")


def test_a_sentence_a_page_break_cuts_is_answered_whole_and_cited_on_both_pages(
        tmp_path: Path) -> None:
    from tests.documents import make_pdf

    filler = ["The partnership published its carers survey in the spring of this year."] * 3
    (tmp_path / "docs").mkdir()
    make_pdf(tmp_path / "docs" / "survey.pdf", [
        ["## Carers survey", *filler,
         "Most carers said that respite breaks helped them most, and a third",
         "of the carers who replied said the new respite service in the western towns was"],
        ["too far from their homes to reach by bus.", "The panel will review it in May."],
        ["## Next year", *filler]], title="Carers survey 2023")
    with KnowledgeBase.open(tmp_path / "index") as kb:
        kb.ingest([tmp_path / "docs"])
        answer = kb.ask("What did a third of the carers who replied say about the new respite "
                        "service?")
        verdict = kb.check("A third of the carers who replied said the new respite service was "
                           "too far from their homes to reach by bus.")
    assert answer.answer_found and "too far from their homes" in (answer.answer or "")
    cited = answer.to_dict()["citations"][0]
    assert (cited["page"], cited["page_end"]) == (1, 2)
    assert verdict.verdict == "supported"
    assert (verdict.evidence[0]["page"], verdict.evidence[0]["page_end"]) == (1, 2)


def test_a_question_of_why_prefers_the_sentence_that_gives_a_reason(tmp_path: Path) -> None:
    text = ("School trips\n\n"
            "Pupils wear bright badges on school trips and on sports days. "
            "Pupils wear bright badges on school trips, so staff can count the group quickly "
            "at each stop.\n")
    with one_document_library(tmp_path, "trips.txt", text) as kb:
        why = kb.ask("Why do pupils wear bright badges on school trips?")
        what = kb.ask("What do pupils wear on school trips?")
    assert why.answer_found and "so staff can count" in (why.answer or "")
    # a question that asks no reason is not drawn to it: the first of the two, as before
    assert what.answer_found and "sports days" in (what.answer or "")


def test_a_list_of_another_kind_of_the_same_container_does_not_answer() -> None:
    from kb.answer_kinds import lists_what_is_asked

    question = "Which types of sports injury does the handbook list?"
    assert lists_what_is_asked(question, "Types of sports injury include sprains, strains, "
                                         "fractures and concussion.")
    assert not lists_what_is_asked(question, "The handbook covers different types of venues, "
                                             "including halls, pitches and pools.")


def test_a_maximum_is_not_answered_by_a_date_or_a_figure_the_question_gives(
        tmp_path: Path) -> None:
    text = ("Racing rules\n\n"
            "Since March 2022 it has been an offence to enter a horse in a race before its "
            "third birthday without a vet's certificate.\n")
    question = "What is the maximum fine for entering a horse in a race before its third birthday?"
    declined = answer_from(tmp_path, "rules.txt", text, question)
    assert not declined.answer_found
    (tmp_path / "second").mkdir()
    answered = answer_from(tmp_path / "second", "rules.txt", text + (
        "Entering a horse in a race before its third birthday carries a maximum fine of "
        "£5,000.\n"), question)
    assert answered.answer_found and "£5,000" in (answered.answer or "")


def test_an_answer_a_page_break_and_a_footnote_cut_off_reads_on_into_the_next_passage(
        tmp_path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    # a page long enough that its passage closes at the page's foot, where a footnote stands
    # between the sentence and its close on the next page
    filler = ("The carers forum met each month in the library and heard from parents, foster "
              "carers and grandparents about what helped them most over the year. ") * 9
    lines, line = [], ""
    for word in filler.split():
        if len(line) + len(word) > 85:
            lines, line = [*lines, line.strip()], ""
        line += f"{word} "
    lines += [line.strip(), "The council supports carers of looked-after children in three "
              "ways: funding local clinics,"]
    (tmp_path / "docs").mkdir()
    pdf = canvas.Canvas(str(tmp_path / "docs" / "carers.pdf"), pagesize=A4, invariant=1)
    width, height = A4
    pdf.setFont("Helvetica-Bold", 14)
    pdf.drawString(50, height - 80, "Support for carers")
    pdf.setFont("Helvetica", 11)
    for number, text in enumerate(lines):
        pdf.drawString(50, height - 110 - 15 * number, text)
    pdf.setFont("Helvetica", 8)
    pdf.drawString(50, 60, "1 The Carers (Recognition and Services) Act 1995.")
    pdf.showPage()
    pdf.setFont("Helvetica", 11)
    pdf.drawString(50, height - 80, "training volunteer mentors, and running an evening "
                   "helpline for carers.")
    pdf.drawString(50, height - 95, "The forum will meet again in the spring to hear how these "
                   "services have worked.")
    pdf.showPage()
    pdf.save()
    with KnowledgeBase.open(tmp_path / "index") as kb:
        kb.ingest([tmp_path / "docs"])
        answer = kb.ask("In which three ways does the council support carers of looked-after "
                        "children?")
    assert answer.answer_found
    assert (answer.answer or "").endswith("running an evening helpline for carers.")
    assert "meet again" not in (answer.answer or "")  # to the end of that sentence, no further
    cited = answer.to_dict()["citations"][0]
    assert (cited["page"], cited["page_end"]) == (1, 2)


def test_an_answer_that_restates_the_premise_is_read_with_what_follows_from_it() -> None:
    from kb.answer_context import PREMISE, with_what_follows
    from kb.answer_kinds import Candidate
    from kb.models import Passage
    from kb.sentences import Sentence

    text = ("One borough trialled evening clinics for families on the edge of care. "
            "However, the trial ended after six months because too few families came. "
            "Other boroughs kept their daytime clinics.")
    passage = Passage(1, "t", "Review", "t.pdf", None, "other", 1, 1, None, text, 0, len(text))
    first = text.split(". ")[0] + "."

    def candidate(covered: float) -> Candidate:
        found = Candidate(passage, Sentence(first, 0, len(first)), [], score=0.9)
        found.covered = covered
        return found

    # the sentence holds the question's premise ("trialled evening clinics"): what became of
    # it is in the sentence that goes on from it, opening on "However"
    read = with_what_follows(candidate(PREMISE))
    assert read.sentence.text.endswith("because too few families came.")
    assert read.sentence.end == text.index(" Other")
    # a sentence holding less of the question is its answer as it stands
    assert with_what_follows(candidate(PREMISE - 0.2)).sentence.text == first
    # nor is a next sentence that does not go on from it read with it
    other = ("One borough trialled evening clinics for families on the edge of care. "
             "Other boroughs kept their daytime clinics.")
    alone = Passage(2, "t", "Review", "t.pdf", None, "other", 1, 1, None, other, 0, len(other))
    found = Candidate(alone, Sentence(first, 0, len(first)), [], score=0.9)
    found.covered = 0.9
    assert with_what_follows(found).sentence.text == first
    # a next sentence that grants this one and goes on ("While they are similar, ...")
    granted = ("The local item 'Home Language' is like the statutory item 'First Language'. "
               "While they are similar, the local item also records signing.")
    like = granted.split(". ")[0] + "."
    found = Candidate(Passage(3, "t", "Items", "t.pdf", None, "other", 1, 1, None, granted, 0,
                              len(granted)), Sentence(like, 0, len(like)), [], score=0.9)
    found.covered = PREMISE
    assert with_what_follows(found).sentence.text.endswith("also records signing.")


@pytest.mark.parametrize("question", [
    # its lead-in is in the passage before
    "Is paid work supervised at a weekend sports camp treated as lead coaching?",
    # its lead-in is in its own passage
    "Is driving a minibus to an away fixture treated as lead coaching?",
])
def test_an_item_of_a_list_is_quoted_with_its_lead_in_and_read_with_it(
        tmp_path: Path, question: str) -> None:
    answer = answer_from(tmp_path, "code.txt", LIST_OVER_TWO_PASSAGES, question)
    assert answer.answer_found and answer.reply == "no"
    assert answer.citations[0].quote.startswith(
        "A person will not be treated as a lead coach when their work is: •")


def test_a_section_cited_short_in_a_question_is_read_as_the_section(tmp_path: Path) -> None:
    from kb.question import read_question

    text = ("Recording enquiries\n\n"
            "For a section 47 enquiry where the strategy meeting has not yet taken place, "
            "record the enquiry start date and leave the meeting date blank.\n"
            "For a section 17 assessment, record the assessment start date only.\n")
    question = ("If a s47 enquiry is open but the strategy meeting hasn't happened, what is "
                "recorded?")
    with one_document_library(tmp_path, "enquiries.txt", text) as kb:
        asked = read_question(kb.engine, question)
        assert {"section", "47"} <= set(asked.terms.weights)
        answer = kb.ask(question)
        assert answer.answer_found and "section 47 enquiry" in (answer.answer or "")


def test_a_sentence_that_sends_the_reader_elsewhere_answers_only_where_to_read_more() -> None:
    from kb.ask import rank_sentences
    from kb.models import Passage
    from kb.question import Question
    from kb.terms import Terms

    text = ("The forum wrote to the minister about the delays to the new system. "
            "To read the full letter to the minister, visit here: Delays letter (May 2025).")
    passage = Passage(1, "f", "Forum news", "f.pdf", None, "other", 1, 1, None, text, 0,
                      len(text))
    terms = Terms({"forum": 1.0, "letter": 1.0, "minist": 1.0, "full": 1.0, "read": 1.0})

    def ranked(question: str) -> list[str]:
        return [c.sentence.text for c in rank_sentences(Question(question, None, None, terms),
                                                         [passage])]

    # what the forum did is no question of where to read it
    assert not any(t.startswith("To read") for t in ranked(
        "What did the forum do about its full letter to the minister?"))
    assert any(t.startswith("To read") for t in ranked(
        "Where can I read the forum's full letter to the minister?"))


def test_a_which_question_asks_for_its_thing_whatever_figure_words_its_clause_holds(
        library: KnowledgeBase) -> None:
    def wants(question: str) -> str | None:
        return read_question(library.engine, question).wants

    assert wants("Which of the audits compares the number of plans with last year's?") is None
    assert wants("Which panel reviews the total spend on placements?") is None
    # a figure named as the thing asked for is still a figure
    assert wants("Which percentage of plans were reviewed on time?") == "percent"
    assert wants("How many audits compared the number of plans with last year's?") == "count"


def test_the_acronym_naming_the_document_to_look_in_is_held_by_its_sentences(tmp_path: Path
                                                                           ) -> None:
    question = "Which website does the HCTP's list point to for road safety for staff riders?"
    with documents_library(tmp_path, {
        "Harbour_Council_Travel_Policy.txt":
            "Harbour Council Travel Policy\n\nCycling\n\nRoad safety for riders – Pedal Safe "
            "website. Bike maintenance – Spokes Hub.\n\nTrains\n\nStaff book rail travel "
            "through the travel desk.\n\nGlossary\n\nHCTP\tHarbour Council Travel Policy\n"
            "RTD\tRail travel desk\n",
        "Riverside_school_handbook.txt":
            "Riverside school handbook\n\nPupils travel to matches by coach. Road safety is "
            "taught in Year 5.\n"}) as kb:
        naming = read_question(kb.engine, question).naming
        answer = kb.ask(question)
    # "HCTP" names the policy: where to look, which the policy's own sentences hold as its title
    assert naming == {"harbour-council-travel-policy": frozenset({"hctp"})}
    assert answer.answer_found and "Pedal Safe website" in (answer.answer or "")


def test_a_qualifier_its_documents_name_holds_is_no_other_kind(tmp_path: Path) -> None:
    with documents_library(tmp_path, {
        "Riverside_pilot_report.txt":
            "Riverside pilot report\n\nFindings\n\nFor example, one local school said pupils "
            "ran a chess club and a choir at lunch. Another school ran a football club after "
            "hours.\n",
        "Harbour_handbook.txt": "Harbour handbook\n\nPupils may join clubs after school.\n"}) as kb:
        answer = kb.ask("In one pilot school, which two clubs did pupils run at lunch?")
    # every school of the pilot's report is a pilot school: "one local school" is one of them
    assert answer.answer_found and "chess club and a choir" in (answer.answer or "")


def test_a_duty_the_sentence_gives_another_doer_does_not_answer(tmp_path: Path) -> None:
    from kb.doers import another_doer

    text = ("Reviews of support plans\n\n"
            "Where a child's support plan names a club as the place for weekend activities, the "
            "county council must review the support plan every six months. "
            "Clubs keep their own records of attendance. "
            "Reviews should be often enough (at least once a term) to show that the child is "
            "attending and that the club still meets their needs.\n")
    with one_document_library(tmp_path, "plans.txt", text) as library:
        # the council's duty to review is not the club's
        by_club = library.ask("How often should a club review a weekend placement it has made "
                              "for a child?")
        by_council = library.ask("How often must the council review a support plan that names "
                                 "a club?")
    assert by_club.answer_found and "once a term" in (by_club.answer or "")
    assert by_council.answer_found and "every six months" in (by_council.answer or "")
    # "the council" and "the local authority" are one doer
    assert another_doer("How often must the council review the plan?",
                        "The local authority must review the plan annually.") is None
    assert another_doer("How often must a school review the plan?",
                        "The local authority must review the plan annually.") == (
        "school", "local authority")


# guidance written for the test: a section for each coded category, saying what it includes
CANCELLATION_GUIDE = (
    "# League fixtures return: guidance\n\n"
    "Each club records why any fixture did not go ahead, choosing one cancellation code from "
    "the definitions in this appendix.\n\n"
    "## F1. Weather (code 'C1')\n\n"
    "Fixtures called off because of the weather on the day of the match. This includes heavy "
    "snow, thunderstorms with lightning near the ground, and fog so thick that the referee "
    "cannot see both goals.\n\n"
    "## F2. Ground unfit (code 'C2')\n\n"
    "Fixtures called off because the pitch or its buildings could not be used safely. This "
    "includes a pitch flooded by a burst water main, changing rooms closed after a fire, and "
    "goalposts found broken before kick-off.\n\n"
    "## F3. Team unable to play (code 'C3')\n\n"
    "Fixtures called off because one side could not raise eleven players. This includes "
    "illness spreading through a squad and a coach breaking down on the way to the match.\n")


def test_a_case_and_which_category_fits_is_answered_by_the_coded_section_describing_it(
        tmp_path: Path) -> None:
    from kb.categories import category_answer

    with one_document_library(tmp_path, "fixtures.md", CANCELLATION_GUIDE) as kb:
        flooded = kb.ask("Our pitch was under water after a water main burst on Friday night. "
                         "Which cancellation category fits?")
        sick = kb.ask("Half of our under-12 squad went down with a stomach bug and we could "
                      "not field a team. Which cancellation code applies?")
        # no case set out before the question: not this reading
        plain = category_answer(kb.engine, "Which cancellation code is listed first?")
    assert flooded.answer_found and flooded.reply == "Ground unfit (code 'C2')", flooded.answer
    assert "burst water main" in (flooded.answer or "")
    assert sick.answer_found and sick.reply == "Team unable to play (code 'C3')", sick.answer
    assert plain is None


def test_a_heading_names_a_category_when_it_gives_its_code() -> None:
    from kb.categories import coded_heading

    assert coded_heading("Appendix > F2. Ground unfit (code 'C2') > Guide") == \
        "Ground unfit (code 'C2')"
    assert coded_heading("Low income (N7)") == "Low income (code 'N7')"
    assert coded_heading("3. Data module 2 > 3.2 Type of disability") is None
    assert coded_heading("Working Together to Safeguard Children (2023)") is None


def test_a_phrase_the_question_quotes_is_found_whole() -> None:
    from kb.ask import quotes_the_phrase

    question = "Who counted as 'other coaches' in the survey?"
    assert quotes_the_phrase(question, "Other coaches (3 replies) include first-aid leads.")
    assert not quotes_the_phrase(question, "Head coaches (4 replies) and other staff.")
    # a quoted word alone is a term, not a phrase
    assert not quotes_the_phrase("What is a 'carer'?", "A carer looks after a child.")


def test_the_row_holding_the_quoted_phrase_answers(tmp_path: Path) -> None:
    text = ("Club survey 2024\n\nWe spoke to volunteers in four groups.\n\n"
            "Head coaches (4 replies) run the squads and hold the training budget.\n\n"
            "Other coaches (3 replies) include goalkeeping and fitness coaches who help the "
            "squads.\n\n"
            "Welfare leads (2 replies) keep the club's safeguarding records.\n")
    # the two rows hold as many of the question's words: the quoted phrase tells them apart
    answer = answer_from(tmp_path, "survey.txt", text,
                         "In the club survey, who counted as 'other coaches', and how many "
                         "replies were there?")
    assert answer.answer_found and "goalkeeping" in (answer.answer or ""), answer.answer


def test_an_entry_of_a_list_of_terms_is_read_whole(tmp_path: Path) -> None:
    text = ("Annex B: terms used in this handbook\n\n"
            "Away fixture: a match played at the ground of the other club. An away fixture may "
            "be at a neighbouring club or one across the county\n"
            "Home fixture: a match played at the club's own ground.\n"
            "Kit officer: the volunteer who keeps the club's shirts and balls.\n")
    answer = answer_from(tmp_path, "handbook.txt", text,
                         "Our team is playing at the ground of the club next door. Does the "
                         "handbook count that as an away fixture?")
    assert answer.answer_found and "neighbouring club" in (answer.answer or ""), answer.answer
    # a sentence that says what a thing has, ending in a colon, opens no entry of such a list
    from kb.answer_context import _ENTRY
    assert _ENTRY.match("Away fixture: a match played away.")
    assert not _ENTRY.match("The club has three fixtures: home, away and cup.")


def test_how_quickly_is_answered_by_a_word_of_speed(tmp_path: Path) -> None:
    text = ("Respite guidance\n\n"
            "Respite carers look after children for short breaks planned with the family. "
            "Any medical notes a respite carer needs to care for a child are passed on promptly. "
            "Respite carers are visited by a supervising worker every month.\n")
    answer = answer_from(tmp_path, "respite.txt", text,
                         "How quickly are medical notes a respite carer needs passed on?")
    assert answer.answer_found and "promptly" in (answer.answer or "")


def _row_blocks(lines: list[str]) -> list:
    from kb.chunk import Block

    blocks, at = [], 0
    for line in lines:
        blocks.append(Block(at, at + len(line), line, "row"))
        at += len(line) + 1
    return blocks


def test_a_list_set_in_groups_of_columns_side_by_side_is_a_row_a_group() -> None:
    from kb.facts import facts_from_blocks, row_of

    lines = ["Code\tName\tCode\tName", "11\tAshford\t41\tMaidstone", "12\tBexley\t42\tMedway"]
    blocks = _row_blocks(lines)
    facts = facts_from_blocks(blocks, [0], paged=True)
    assert [(f.label, f.column, f.value) for f in facts] == [
        ("11", "Name", "Ashford"), ("41", "Name", "Maidstone"),
        ("12", "Name", "Bexley"), ("42", "Name", "Medway")]
    text = "\n".join(lines)
    # the row of a group is its own cells, not the line's first group
    assert row_of(text, facts[3])[0] == "42 Medway"


def test_a_row_that_opens_on_an_empty_cell_is_found_by_its_first_filled_cell() -> None:
    from kb.facts import facts_from_blocks, row_of

    lines = ["\tGroup\tMethod\tSize", "\tYouth panel\tWorkshops\t12"]
    facts = facts_from_blocks(_row_blocks(lines), [0], paged=True)
    sizes = [f for f in facts if f.column == "Size"]
    assert [(f.label, f.value) for f in sizes] == [("Youth panel", "12")]
    located = row_of("\n".join(lines), sizes[0])
    assert located is not None and located[0] == "Youth panel Workshops 12"


def test_how_old_is_answered_by_the_decade_of_life_a_sentence_gives(tmp_path: Path) -> None:
    text = ("Volunteer stories\n\n"
            "Priya joined the befriending scheme after moving to the county. "
            "Priya said it was not until her 30s that she first asked to read her school file. "
            "She now helps other volunteers with their training.\n")
    answer = answer_from(tmp_path, "stories.txt", text,
                         "How old was Priya when she first asked to read her school file?")
    assert answer.answer_found and "her 30s" in (answer.answer or "")


def test_how_far_ahead_asks_a_span_of_time_not_an_age(tmp_path: Path) -> None:
    text = ("Leaving care guidance\n\n"
            "Each care leaver aged 18 to 21 should have a plan for their move to adult housing. "
            "It should be made as early as possible, and at least three months before the "
            "move.\n")
    question = "How far ahead should a care leaver's move to adult housing be planned?"
    from kb.question import WANTS

    assert next(name for name, pattern in WANTS if pattern.search(question)) == "duration"
    answer = answer_from(tmp_path, "leaving.txt", text, question)
    assert answer.answer_found and "three months before" in (answer.answer or "")


def test_a_deadline_the_question_says_was_missed_is_no_question_of_time() -> None:
    from kb.question import WANTS

    wants = [name for name, pattern in WANTS if pattern.search(
        "Which team chases a school if its return misses the deadline?")]
    assert "time" not in wants
    assert [name for name, pattern in WANTS if pattern.search(
        "What is the deadline for the school's return?")] == ["time"]
