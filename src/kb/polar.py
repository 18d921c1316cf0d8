"""Yes/no questions: the statement a question asks about, and whether the answer denies it.

"Do I need the family's consent before I share?" asks whether "I need the family's consent
before I share" holds; the sentence that answers ("You do not need consent to share ...") is
read against that statement as check reads a claim. Only a denial is said ("No."): a sentence
that shares the question's words without denying them does not yet say yes (measured: most
such "yes" readings were of a sentence about something near the question).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kb.answer_kinds import Candidate
from kb.check import ALIGN_WEIGHT, judge
from kb.claim_figures import read_claim
from kb.claims import align
from kb.gate import ANSWER_THRESHOLD, COVERAGE_MIN, NEAR_COVERAGE, able, holds_answer
from kb.question import POLAR, Question, last_question
from kb.readings import open_leads
from kb.sentences import FRONTED

if TYPE_CHECKING:
    from kb.search import SearchEngine

# "Do the parents have to agree, or can the young person ...?" offers alternatives: neither
# yes nor no answers it
_ALTERNATIVES = re.compile(r",?\s+\bor\s+(?:do|does|is|are|can|could|must|should|will|would|has|"
                           r"have|may|might|not|else|otherwise)\b|\bor\s+not\b", re.I)


def polar_statement(question: str) -> str | None:
    """What a yes/no question asks to hold, its auxiliary taken off ("Is the diagnostic an
    inspection?": "the diagnostic an inspection"), or None for any other question."""
    asked = last_question(question).strip()
    # a phrase set before the question's auxiliary ("Under the seven golden rules, do you need
    # consent ...?", "For the census, does ...?") says where the question stands, not what it asks
    fronted = FRONTED.match(asked)
    match = POLAR.match(asked[fronted.end():] if fronted else asked)
    if match is None or _ALTERNATIVES.search(asked):
        return None
    return match.group(1)


def denies_the_question(engine: SearchEngine, question: str, answer: Candidate) -> bool:
    """Whether the answering sentence says the opposite of what the yes/no question asks."""
    statement = polar_statement(question)
    if statement is None:
        return False
    claim = read_claim(engine, statement)
    text = answer.sentence.text.strip()
    aligned = [a for a in align(statement, claim.terms, [answer.passage], weight=ALIGN_WEIGHT,
                                model_name=engine.settings.model_name,
                                stored=engine.sentence_vectors,
                                leads=open_leads([answer.passage], engine.passage_before))
               if a.sentence.strip() and a.sentence.strip() in text]
    return bool(aligned) and judge(claim, aligned)[0] == "contradicted"


POLAR_REACH = 0.1  # how far below the best a sentence that says "no" to the question may rank


def answering_yes_or_no(engine: SearchEngine, asked: Question, ranked: list[Candidate],
                        best: Candidate) -> tuple[Candidate, bool | None]:
    """For a yes/no question, a sentence nearly as good as the best that denies what the
    question asks ("... isn't an inspection") answers it; the best may only be about it.
    With the answer, whether it says no (None for a question that is not yes/no)."""
    if polar_statement(asked.text) is None:
        return best, None
    if denies_the_question(engine, asked.text, best):
        return best, True
    near = [c for c in able(asked, ranked) if c is not best and c.score >= best.score -
            POLAR_REACH and holds_answer(asked, c, COVERAGE_MIN if best.covered >= COVERAGE_MIN
                                         else NEAR_COVERAGE)]
    return next(((c, True) for c in near if denies_the_question(engine, asked.text, c)),
                (best, False))


def denying_answer(engine: SearchEngine, asked: Question, ranked: list[Candidate]
                   ) -> Candidate | None:
    """For a yes/no question no sentence answers: one that could, holds some of its words
    and denies what it asks answers "No." though it holds under half of them. A denial is the
    answer itself, in the source's own words of the asker's case ("Could a grandparent with a
    guardianship order get the grant?": "Relatives who hold guardianship orders are not
    eligible"); a sentence that only shares the words says nothing, as before."""
    if polar_statement(asked.text) is None:
        return None
    return next((c for c in able(asked, ranked) if c.score >= ANSWER_THRESHOLD
                 and holds_answer(asked, c, NEAR_COVERAGE)
                 and denies_the_question(engine, asked.text, c)), None)
