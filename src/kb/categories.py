"""Which category a case falls in: guidance that sorts cases into coded categories gives each
its own section ("A4. Family in acute stress (code 'N4')") and says there what it includes; a
question that sets out a case and asks which category fits it is answered by the section whose
sentences describe the case, named by its heading."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kb.answer_kinds import Candidate
from kb.claims import align
from kb.models import Passage
from kb.numbers import find_figures
from kb.query import Filters
from kb.question import last_question, read_question
from kb.sentences import Sentence

if TYPE_CHECKING:
    from kb.search import SearchEngine

# "Which primary need category fits?", "Which category should the census use?", "what type of
# code applies": the thing asked is one of a set of categories, for the case set out before
_ASKS_CATEGORY = re.compile(
    r"^\W*(?:which|what)\s+(?:[\w'’-]+\s+){0,5}?(?:categor(?:y|ies)|code|type|class)\s+"
    r"(?:(?:of|in|for|under)\s+(?:[\w'’-]+\s+){1,4}?)?(?:(?:best|most)\s+)?"
    r"(?:fits?|suits?|appl(?:y|ies)|(?:should|would|must|does|do|is)\b)", re.I)
# a heading that names one category with its code: "A4. Family in acute stress (code 'N4')",
# "Low income (N7)"
_CODED_HEADING = re.compile(r"^(?:[A-Z]?\d+(?:\.\d+)*\.?\s+)?(?P<name>[A-Za-z].*?)\s*\(\s*"
                            r"(?:code\s+)?['‘\"]?(?P<code>[A-Z]{0,3}\d{1,3}[A-Z]?)['’\"]?\s*\)\s*$")
# a sentence that itself sends the case to a category ("use the category family dysfunction",
# "family dysfunction would be a more appropriate category") answers in its own words
_NAMES_A_CATEGORY = re.compile(r"\bcategor(?:y|ies)\b", re.I)
CASE_HITS = 8  # passages searched for the case
# the least cosine between the case and the sentence that describes it: below the lowest of
# the right answers on the tune halves (0.51); they hold no wrong one to bound it from above
CLOSE_CASE = 0.45


@dataclass
class CategoryAnswer:
    name: str  # the category, as its heading names it, with its code
    candidate: Candidate  # the sentence of its section that describes the case


def heading_over(passage: Passage, start: int) -> str | None:
    """The heading naming a category that the text at `start` of the passage stands under:
    the nearest such line above it in the passage, else one of the passage's section path."""
    for line in reversed(passage.text[:start].split("\n")):
        if (found := coded_heading(line)) is not None:
            return found
    return coded_heading(passage.section)


def coded_heading(section: str | None) -> str | None:
    """The heading of a section path that names one category with its code, as it reads
    without its number: "Family in acute stress (code 'N4')"."""
    for heading in (section or "").split(" > "):
        found = _CODED_HEADING.match(" ".join(heading.split()))
        if found:
            return f"{found.group('name')} (code '{found.group('code')}')"
    return None


def category_answer(engine: SearchEngine, question: str, filters: Filters | None = None
                    ) -> CategoryAnswer | None:
    """The category whose section describes the case the question sets out before it asks
    which category fits; None for any other question, or when no such section speaks of it."""
    asking = last_question(question)
    case = question.strip()[:len(question.strip()) - len(asking)].strip()
    if not case or not _ASKS_CATEGORY.search(asking):
        return None
    hits = engine.search(case, k=CASE_HITS, mode="hybrid", filters=filters or Filters()).results
    coded = [hit for hit in hits if heading_over(hit, len(hit.text))]
    if not coded:
        return None
    aligned = align(case, read_question(engine, case).terms, coded,
                    model_name=engine.settings.model_name, stored=engine.sentence_vectors)
    best = next((a for a in aligned if heading_over(a.passage, a.start)), None)
    if best is None or best.closeness < CLOSE_CASE or _NAMES_A_CATEGORY.search(best.sentence):
        return None
    name = heading_over(best.passage, best.start)
    sentence = Sentence(best.sentence, best.start, best.start + len(best.sentence))
    candidate = Candidate(best.passage, sentence, find_figures(best.sentence))
    candidate.score = candidate.covered = best.coverage
    return CategoryAnswer(name or "", candidate)
