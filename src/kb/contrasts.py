"""Contrasts: two things a text sets against each other, a comparison ("more likely than") or a
preference ("rather than", ", not") or a move ("from A to B"), read the other way round by another
text."""

from __future__ import annotations

import re

from kb.words import content_words, stem

# "A were (slightly) more likely than B to ...", "A had fewer plans than B": who is compared
_COMPARISON = re.compile(r"((?:[\w'-]+\s+){1,4}?)(?:(?:was|were|is|are|had|has|have)\s+)?"
                         r"(?:(?:slightly|much|far|significantly|a\s+little)\s+)?"
                         r"(more|less|fewer|higher|lower|greater|larger|smaller)\b"
                         r"((?:\s+[\w'-]+){0,6}?)\s+than\s+((?:[\w'-]+\s*){1,3})", re.I)
_LESS = {"less", "fewer", "lower", "smaller"}
_FILLER = {"the", "those", "in", "of", "for", "with", "that", "this", "were", "was", "are", "is",
           "to", "a", "an", "and", "had", "has", "have"}


def reversed_comparison(claim: str, sentence: str) -> str | None:
    """A claim that compares two things one way, against a source that compares them the
    other way ("Wave 1 areas were more likely than Wave 2 areas to agree" against "Wave 2
    areas slightly more likely to agree than Wave 1 areas"): why they differ, or None."""
    ours, theirs = _compared(claim), _compared(sentence)
    if ours is None or theirs is None:
        return None
    (first, second, down), (other_first, other_second, other_down) = ours, theirs
    swapped = first == other_second and second == other_first
    same = first == other_first and second == other_second
    if swapped and down == other_down or same and down != other_down:
        return "the source compares them the other way"
    return None


def _compared(text: str) -> tuple[frozenset[str], frozenset[str], bool] | None:
    """What a comparison sets apart: the words of its two sides that the other side lacks
    ("1" and "2" of "Wave 1 areas" and "Wave 2 areas"), and whether it says less."""
    match = _COMPARISON.search(text)
    if match is None:
        return None
    left = {w.lower() for w in match.group(1).split()} - _FILLER
    right = {w.lower() for w in match.group(4).split()} - _FILLER
    first, second = frozenset(left - right), frozenset(right - left)
    if not first or not second:
        return None
    return first, second, match.group(2).lower() in _LESS


# "A rather than B", "A instead of B", "A in preference to B", "A, not B": A is chosen over B
_PREFERENCE = re.compile(r"((?:[\w'/-]+\s+){0,5}?[\w'/-]+),?\s+(?:rather\s+than|instead\s+of|"
                         r"in\s+preference\s+to|and\s+not|,\s*not)\s+((?:[\w'/-]+\s*){1,6})",
                         re.I)
_NOT_BUT = re.compile(r"\bnot\s+((?:[\w'/-]+\s+){1,6}?)but\s+((?:[\w'/-]+\s*){1,6})", re.I)


def _preferred(text: str) -> tuple[set[str], set[str]] | None:
    """The content stems of what a text chooses and of what it passes over, or None."""
    if match := _NOT_BUT.search(text):
        chosen, passed = match.group(2), match.group(1)
    elif match := _PREFERENCE.search(text.replace(", not", " , not")):
        chosen, passed = match.group(1), match.group(2)
    else:
        return None
    chosen_stems = {stem(w) for w in content_words(chosen)}
    passed_stems = {stem(w) for w in content_words(passed)}
    if not chosen_stems or not passed_stems:
        return None
    return chosen_stems - passed_stems, passed_stems - chosen_stems


def reversed_preference(claim: str, sentence: str) -> str | None:
    """A claim that chooses A over B, against a source that chooses B over A ("with a data
    professional rather than a service leader" against "a service leader, not a data
    professional"): why they differ, or None."""
    ours, theirs = _preferred(claim), _preferred(sentence)
    if ours is None or theirs is None:
        return None
    if ours[0] & theirs[1] and ours[1] & theirs[0]:
        return "the source prefers the other"
    return None


# "moved out of A and into B", "removed from A and added to B", "transferred from A to B": a
# thing moved between two places, groups or bodies
_MOVED = re.compile(r"\b(?:out\s+of|from)\s+([^,;.()]{2,60}?)\s+(?:and\s+(?:[\w-]+\s+){0,2}?)?"
                    r"(?:into|to)\s+([^,;.()]{2,60})", re.I)


def _moves(text: str) -> list[tuple[set[str], set[str]]]:
    """The content stems of where each move a text states is from and where it is to."""
    return [({stem(w) for w in content_words(m.group(1))}, {stem(w) for w in content_words(
        m.group(2))}) for m in _MOVED.finditer(text)]


def _side(words: set[str], start: set[str], end: set[str]) -> str:
    """Which end of a move holds these words: "start", "end", "both" or "" (neither)."""
    return {(True, False): "start", (False, True): "end", (True, True): "both"}.get(
        (bool(words & start), bool(words & end)), "")


def moved_the_other_way(claim: str, sentence: str) -> str | None:
    """A claim that something moved from A to B, against a source that moves it from B to A
    ("moved out of the Asian group and into Other ethnic groups" against "removed from 'Other
    ethnic groups' and added to the 'Asian or Asian British' group"): why, or None. Each end
    of the claim's move is read by the words it has that the other end lacks; one of them must
    stand only at the source's other end, and the other at least there. Figures and dates
    ("from 28 to 46") have no content words to compare."""
    for start, end in _moves(claim):
        ours, theirs = start - end, end - start
        if not ours or not theirs:
            continue
        for other_start, other_end in _moves(sentence):
            first = _side(ours, other_start, other_end)
            second = _side(theirs, other_start, other_end)
            if first in ("end", "both") and second in ("start", "both") and \
                    (first == "end" or second == "start"):
                return "the source moves it the other way"
    return None
