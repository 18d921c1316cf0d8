"""The items a lead-in introduces, and the answers that quote them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.documents import one_document_library

from kb import KnowledgeBase
from kb.lists import ASKS_SEVERAL, headings_below, items_in, stated_count
from kb.models import Passage


def _passage(passage_id: int, section: str, text: str, doc_id: str = "plan") -> Passage:
    return Passage(passage_id, doc_id, "Harbour plan", f"{doc_id}.pdf", None, "other", 4, 4,
                   section, text, 0, len(text))


def test_items_are_bulleted_numbered_lettered_or_labelled_lines() -> None:
    assert items_in("\n• Ring the duty desk.\n• Write it down.\nThe desk answers calls.") == [
        "• Ring the duty desk.", "• Write it down."]
    assert items_in("\n1. Listen first.\n2) Record the words used.") == [
        "1. Listen first.", "2) Record the words used."]
    assert items_in("\n(a) the council,\n(b) the board, and\n(c) the police.") == [
        "(a) the council,", "(b) the board, and", "(c) the police."]
    assert items_in("\nsleep: a child who sleeps in class\nfood: a child who is hungry") == [
        "sleep: a child who sleeps in class", "food: a child who is hungry"]


def test_numbered_items_run_together_on_one_line_are_parted() -> None:
    line = "\n1. Curious – ask who else lives there 2. Kind – say what you see 3. Clear – write it"
    assert items_in(line) == ["1. Curious – ask who else lives there", "2. Kind – say what you see",
                              "3. Clear – write it"]


def test_prose_after_a_lead_in_is_no_list_but_a_short_heading_before_one_is_passed() -> None:
    assert items_in("\nThe panel met twice in the spring and agreed its terms.") == []
    assert items_in("\nWho attends\n• The chair of the panel.\n• A parent advocate.") == [
        "• The chair of the panel.", "• A parent advocate."]


def test_a_lead_in_says_how_many_items_it_introduces() -> None:
    assert stated_count("The board set five priorities for the year:") == 5
    assert stated_count("There are 3 enablers:") == 3
    assert stated_count("The rate rose to 12 per 10,000:") is None
    assert stated_count("The priorities are:") is None


def test_the_sections_under_a_lead_in_are_its_items() -> None:
    lead = _passage(1, "Our plan", "There are three strands:")
    following = [_passage(2, "Our plan > Early help", "Early help\nHubs open daily."),
                 _passage(3, "Our plan > Neglect", "Neglect\nThe profile is used."),
                 _passage(4, "Our plan > Neglect", "More on neglect."),
                 _passage(5, "Our plan > Exploitation", "Exploitation\nThe panel meets."),
                 _passage(6, "Training", "Training\nSeven hundred attended.")]
    assert headings_below(lead, lead.text, following) == ["Early help", "Neglect", "Exploitation"]
    # without a section path to say so, as many sections as the lead-in counts
    flat = [_passage(2, "Early help", "x"), _passage(3, "Neglect", "y"),
            _passage(4, "Exploitation", "z"), _passage(5, "Training", "w")]
    assert headings_below(lead, lead.text, flat) == ["Early help", "Neglect", "Exploitation"]
    assert headings_below(lead, "The strands are set out below:", flat) == []
    # another document's sections are not the lead-in's
    assert headings_below(lead, lead.text, [_passage(2, "Our plan > Early help", "x", "other")]
                          ) == []


def test_a_list_that_runs_to_its_passages_end_goes_on_into_the_next() -> None:
    from kb.lists import items_after
    from kb.sentences import Sentence

    text = "Before the season\nThe club will need to provide:\n• A first-aid kit.\n• A coach."
    lead_at = text.index("The club")
    lead = Sentence("The club will need to provide:", lead_at, lead_at + 30)
    first = _passage(1, "Season", text)
    going_on = _passage(2, "Season", "• Insurance for every junior member.\nAfter the season\n"
                        "The club returns its kit.")
    assert items_after(first, lead, lambda: [going_on]) == [
        "• A first-aid kit.", "• A coach.", "• Insurance for every junior member."]
    # a list closed inside its passage by a line of prose does not go on
    closed = _passage(1, "Season", text + "\nThe kit is checked yearly.")
    assert items_after(closed, lead, lambda: [going_on]) == ["• A first-aid kit.", "• A coach."]


def test_a_question_after_several_things() -> None:
    assert ASKS_SEVERAL.search("What are the four strands of the plan?")
    assert ASKS_SEVERAL.search("Into which three types were the enablers grouped?")
    assert not ASKS_SEVERAL.search("What is the first strand of the plan?")
    assert not ASKS_SEVERAL.search("Who chairs the exploitation panel?")


@pytest.fixture(scope="module")
def plan_library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KnowledgeBase]:
    text = """# Riverside Safeguarding Plan 2025

## Our plan

The partnership agreed its plan in May 2025 after a year of listening to families and to
practitioners across the borough. There are three strands to the plan that partners deliver
together:

### Early help in every ward

Family hubs now open six days a week in every ward, with a health visitor and a family worker on
site each morning so that parents can drop in without an appointment.

### Neglect

Practitioners use the graded care profile with every family where neglect is a worry, and the
neglect champions meet monthly to review the cases that have not moved on.

### Exploitation

The exploitation panel meets weekly and maps the places where young people are groomed, sharing
intelligence with schools, youth services and the police.

## Reporting a worry

Anyone worried about a child should follow these steps in order:
1. Speak to the designated safeguarding lead the same day.
2. Write down the child's own words and the time they were said.
3. Ring the front door team if the child is at risk tonight.

## Training

Seven hundred practitioners attended multi-agency training during the year.
"""
    with one_document_library(Path(tmp_path_factory.mktemp("plan")), "plan.md", text) as kb:
        yield kb


def test_asked_for_several_things_the_answer_quotes_the_whole_list(
        plan_library: KnowledgeBase) -> None:
    answer = plan_library.ask("What are the three strands of the Riverside plan?")
    assert answer.answer_found and answer.answer
    assert answer.answer.startswith("There are three strands to the plan")
    for strand in ("Early help in every ward", "Neglect", "Exploitation"):
        assert strand in answer.answer
    assert "Training" not in answer.answer
    steps = plan_library.ask("What are the steps to follow when worried about a child?")
    assert steps.answer and "Speak to the designated safeguarding lead" in steps.answer
    assert "Ring the front door team" in steps.answer


def test_asked_for_one_thing_the_answer_quotes_the_item_that_holds_it(
        plan_library: KnowledgeBase) -> None:
    answer = plan_library.ask("When worried about a child, what should be written down?")
    assert answer.answer_found and answer.answer
    assert "the child's own words" in answer.answer
    assert "Ring the front door team" not in answer.answer


def test_a_question_after_a_number_of_things_is_replied_with_them_as_lettered() -> None:
    from kb.lists import lettered_items, named_in_turn

    sentence = ("A partner of a sports club is defined in the rules as: (a) the club's board, "
                "(b) a parents' committee for any team which plays in the league, and (c) the "
                "head coach of the club within the season.")
    assert lettered_items(sentence) == ["the club's board", "a parents' committee",
                                        "the head coach of the club"]
    assert named_in_turn("Who are the three partners of a sports club?", sentence) == \
        "the club's board, a parents' committee and the head coach of the club"
    # another number of things, or none asked for, gets no such reply
    assert named_in_turn("Who are the two partners of a sports club?", sentence) is None
    assert named_in_turn("Who is a partner of a sports club?", sentence) is None
    assert lettered_items("The board (which meets monthly) decides.") == []
