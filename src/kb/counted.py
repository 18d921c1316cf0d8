"""What an answer's figure counts: the thing named after it, the question's event named as a
noun, and the date its own words give it."""

from __future__ import annotations

import itertools
import re
from functools import lru_cache
from typing import TYPE_CHECKING

from kb.measures import head_after
from kb.models import Figure
from kb.numbers import find_figures
from kb.words import STOP, content_words, stem

if TYPE_CHECKING:
    from kb.question import Question


@lru_cache(maxsize=256)
def _dates_in(question: str) -> frozenset[str]:
    """The dates a question names (read once per question, not once per figure weighed)."""
    return frozenset(f.text.lower() for f in find_figures(question) if f.kind == "date")


def own_date_fit(question: str, text: str, figures: list[Figure], figure: Figure) -> float:
    """Of several figures of one sentence, each dated in its own words ("4 interviews from
    November 2024 research and 6 from February 2025 research"), the one dated as the question
    dates what it asks ("in February 2025") fits; one dated otherwise does not."""
    asked = _dates_in(question)
    if not asked or figure.kind == "date":
        return 0.0
    later = [f.start for f in figures if f.start >= figure.end and f.kind != "date"]
    stretch = text[figure.end:min(later, default=None)]
    dated = {f.text.lower() for f in find_figures(stretch) if f.kind == "date"}
    if not dated:
        return 0.0
    return 0.15 if dated & asked else -0.15


_HOW_MANY = re.compile(r"\bhow\s+many\s+((?:[\w'-]+,?\s+){0,4}?[\w'-]+)\s+(?:are|is|were|was|do|"
                       r"does|did|have|has|had|will|would|can|could|must|should|took|"
                       r"in|of|on|at|for|across|[a-z]+ed)\b", re.I)


# "what is the maximum number of families a practitioner may hold": what is counted, as after
# "how many"
_NUMBER_OF = re.compile(r"\b(?:what|which)\s+(?:is|was|are|were)\s+the\s+(?:[\w-]+\s+)?number\s+"
                        r"of\s+((?:[\w'-]+\s+){0,3}?[\w'-]+)\s+(?:an?|the|that|which|who|"
                        r"are|is|were|was|do|does|did|have|has|had|will|would|can|could|must|"
                        r"should|may|might|in|of|on|at|for|across)\b", re.I)


# "how many Early Help Workers support families": a name counted, whatever verb follows it
_HOW_MANY_NAMED = re.compile(r"\b[Hh]ow\s+many\s+((?:[A-Z][\w'-]*\s+){0,4}[A-Z][\w'-]*)"
                             r"(?=\s+[a-z])")


# the words that count persons as such, each as good as the others
_PERSONS = {stem(word) for word in ("people", "person", "persons", "individuals", "individual")}


def counts_another(asked: Question, text: str, figure: Figure) -> bool:
    """Whether a figure counts something the question does not ask the number of: the words
    right after it ("20 police force areas") hold none of the words after "how many" (or "the
    number of"), nor an acronym of them or the other way round."""
    wanted = _HOW_MANY.search(asked.text) or _NUMBER_OF.search(asked.text) or \
        _HOW_MANY_NAMED.search(asked.text)
    if wanted is None:
        return False
    counted = counted_words(text, figure)
    rest = re.sub(r"^\s*(?:to|or|and|-|\u2013)\s*[\d,]+", "", text[figure.end:])
    if not counted:
        return False
    asked_for = {stem(w) for w in content_words(wanted.group(1))}
    if asked_for & _PERSONS and counted & _PERSONS:
        return False  # "how many people": "two individuals"
    if _counts_the_event(asked.text[wanted.end(1):], rest, counted, asked_for):
        return False
    return bool(asked_for) and not (asked.terms.present(counted) | counted) & \
        (asked.terms.present(asked_for) | asked_for)


def counted_words(text: str, figure: Figure) -> set[str]:
    """What a figure counts: the words after it, to the first small word ("seven additional
    local areas", "20 drop-in sessions for ..."), and a label a colon sets before it ("Care
    leavers: 18")."""
    return set(_counted(text, figure.start, figure.end))


@lru_cache(maxsize=4096)  # check weighs each figure of a sentence against each of the claim's
def _counted(text: str, start: int, end: int) -> frozenset[str]:
    rest = re.sub(r"^\s*(?:to|or|and|-|\u2013)\s*[\d,]+", "", text[end:end + 200])  # "20 to 25"
    after = re.split(r"[,;:.()\t]", rest)[0].split()
    phrase = list(itertools.takewhile(lambda w: w.lower() not in STOP, after))[:4]
    label = re.search(r"([\w' -]{1,40}):\s*$", text[max(0, start - 60):start])
    return frozenset({stem(w) for w in content_words(" ".join(phrase))} | head_after(text, end) |
                     ({stem(w) for w in content_words(label.group(1))} if label else set()))


# "how many families were interviewed": what happened to them, a passive participle
_EVENT = re.compile(r"^\s+(?:were|was|have\s+been|had\s+been|are|is|being)\s+(\w+ed)\b", re.I)


def _counts_the_event(after_asked: str, rest: str, counted: set[str], asked_for: set[str]
                      ) -> bool:
    """Whether a figure counts the question's event named as a noun, of the things it asks
    about: "6 interviews with families" answers "how many families were interviewed"."""
    event = _EVENT.match(after_asked)
    if event is None or stem(event.group(1)) not in counted:
        return False
    of_whom = re.match(r"\s*[\w-]+\s+(?:with|of|for|by|to)\s+((?:[\w'-]+\s+){0,2}[\w'-]+)", rest)
    return of_whom is not None and bool({stem(w) for w in content_words(of_whom.group(1))} &
                                        asked_for)
