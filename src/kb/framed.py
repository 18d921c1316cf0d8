"""Figures that leave a claim to be read by its English: those of its frame, the phrase set
before its statement that says where or of what it speaks ("In the case study of a 12-year-old
girl, ...", "Under the seven golden rules, ..."), which name what the statement is about rather
than state anything of it; and those the closest sentence gives, their measure said in other
words.

Every rule here names a pattern of English, not a case; each is tested on sentences written
for the test (tests/test_claims.py).
"""

from __future__ import annotations

import re

from kb.agreement import agrees
from kb.claim_figures import Claim, own_figures
from kb.lists import items_run_on
from kb.models import Figure
from kb.numbers import find_figures, stated_figures
from kb.sentences import FRONTED

# figures that name a thing (a count of them, an age): a period or a date in a frame is when
# the statement holds, which the statement's own reading keeps
_NAMING = {"count", "age"}


def framed_figures(text: str, figures: list[Figure]) -> bool:
    """Whether every figure of the text stands in the frame it opens with, each a count or an
    age: "In the case study of a 12-year-old girl, the boys were removed" states nothing of
    twelve; it says which case study."""
    frame = FRONTED.match(text)
    return bool(frame and figures) and all(
        figure.end <= frame.end() and figure.kind in _NAMING for figure in figures)


# a name: capitalised words, a title before them ("Dr Niamh O'Brien", "Dorset")
_NAME = r"(?:(?:Dr|Mr|Mrs|Ms)\.?\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3}"
# the names a count is followed by: "its two user researchers, Monica Ferraro and Nel Mathams"
_NAMES_AFTER = re.compile(rf"(?:\s+[a-z][\w-]*){{1,4}}\s*[,:(]\s*({_NAME}(?:\s*,\s*{_NAME})*"
                          rf"\s*,?\s+(?:and|&)\s+{_NAME})")
_NAMES_SPLIT = re.compile(r"\s*,\s*(?:and\s+|&\s+)?|\s+(?:and|&)\s+")


def counts_its_names(text: str, figures: list[Figure]) -> bool:
    """Whether every figure of the text is a count of the names that follow it, as many as it
    counts ("written by its two user researchers, Monica Ferraro and Nel Mathams"): the count
    says how many names are given, and the names are what the claim states."""
    def counted(figure: Figure) -> bool:
        names = _NAMES_AFTER.match(text, figure.end)
        return names is not None and len(_NAMES_SPLIT.split(names.group(1))) == figure.value

    return bool(figures) and all(f.kind == "count" and counted(f) for f in figures)


def held_in(figures: list[Figure], text: str) -> bool:
    """Whether the text states each figure's value as the same kind of figure."""
    stated = {(figure.kind, figure.value) for figure in find_figures(text, None)}
    return all((figure.kind, figure.value) in stated for figure in figures)


def states_the_figures(claim: Claim, sentence: str) -> bool:
    """Whether the sentence the claim is closest to gives each figure the claim states, of its
    kind and value, though their measures are said in other words ("met online every month"
    against "met online monthly"): the claim is then read by its English."""
    given = stated_figures(find_figures(sentence))
    claimed = own_figures(claim)
    # a count the sentence gives by listing as many items ("seven rules" against "the following
    # rules have changed: 4009, 8525, ... and 8897")
    listed = len(items_run_on(sentence)) or None
    return bool(claimed) and all(any(f.kind == g.kind and agrees(f, g, claim.text, sentence)
                                     for g in given) or (f.kind == "count" and f.value == listed)
                                 for f in claimed)
