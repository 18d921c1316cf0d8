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
from kb.question import POLAR, last_question

if TYPE_CHECKING:
    from kb.search import SearchEngine

# "Do the parents have to agree, or can the young person ...?" offers alternatives: neither
# yes nor no answers it
_ALTERNATIVES = re.compile(r",?\s+\bor\s+(?:do|does|is|are|can|could|must|should|will|would|has|"
                           r"have|may|might|not|else|otherwise)\b|\bor\s+not\b", re.I)


def polar_statement(question: str) -> str | None:
    """What a yes/no question asks to hold, its auxiliary taken off ("Is the diagnostic an
    inspection?": "the diagnostic an inspection"), or None for any other question."""
    asked = last_question(question)
    match = POLAR.match(asked.strip())
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
                                stored=engine.sentence_vectors)
               if a.sentence.strip() and a.sentence.strip() in text]
    return bool(aligned) and judge(claim, aligned)[0] == "contradicted"
