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
                         r"(?:((?:\s+[\w'-]+){0,6}?)\s+than|((?:\s+[\w'/-]+){0,12}?)\s+"
                         r"(?:compared\s+(?:to|with)|in\s+comparison\s+(?:to|with)))\s+"
                         r"((?:[\w'-]+\s*){1,3})", re.I)
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
    swapped = _alike(first, other_second) and _alike(second, other_first) and \
        not _alike(first, other_first)
    same = _alike(first, other_first) and _alike(second, other_second) and \
        not _alike(first, other_second)
    if swapped and down == other_down or same and down != other_down:
        return "the source compares them the other way"
    return None


def _compared(text: str) -> tuple[tuple[str, ...], tuple[str, ...], bool] | None:
    """What a comparison sets apart: the words of its two sides that the other side lacks
    ("1" and "2" of "Wave 1 areas" and "Wave 2 areas"), in order, and whether it says less.
    "A were more likely to ... compared to B" compares as "more likely than" does."""
    match = _COMPARISON.search(text)
    if match is None:
        return None
    left = [w.lower() for w in match.group(1).split() if w.lower() not in _FILLER]
    right = [w.lower() for w in match.group(5).split() if w.lower() not in _FILLER]
    first = tuple(w for w in left if stem(w) not in {stem(o) for o in right})
    second = tuple(w for w in right if stem(w) not in {stem(o) for o in left})
    if not first or not second:
        return None
    return first, second, match.group(2).lower() in _LESS


def _alike(one: tuple[str, ...], other: tuple[str, ...]) -> bool:
    """Whether two sides name the same thing: a word in common, or an acronym of the other's
    words ("LA" and "local authority")."""
    return bool({stem(w) for w in one} & {stem(w) for w in other}) or \
        _initials(one, other) or _initials(other, one)


def _initials(one: tuple[str, ...], other: tuple[str, ...]) -> bool:
    """Whether a word of one side spells the first letters of the other's words."""
    letters = "".join(w[0] for w in other)
    return any(len(w) >= 2 and w in letters for w in one)


# "A rather than B", "A instead of B", "A in preference to B", "A, not B": A is chosen over B
_PREFERENCE = re.compile(r"((?:[\w'/-]+\s+){0,5}?[\w'/-]+),?\s+(?:rather\s+than|instead\s+of|"
                         r"in\s+preference\s+to|and\s+not|,\s*not|(?:takes?|took|taking|has|have|"
                         r"is\s+given|are\s+given)\s+(?:priority|precedence)\s+over|"
                         r"(?:is|are)\s+(?:preferred|prioritised|prioritized)\s+(?:to|over)|"
                         r"outweighs?)\s+((?:[\w'/-]+\s*){1,6})", re.I)
_NOT_BUT = re.compile(r"\bnot\s+((?:[\w'/-]+\s+){1,6}?)but\s+((?:[\w'/-]+\s*){1,6})", re.I)


def _preferred(text: str) -> tuple[set[str], set[str]] | None:
    """The content stems of what a text chooses and of what it passes over, or None. "A takes
    priority over B" and "A outweighs B" choose A as "A rather than B" does."""
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
    return chosen_stems, passed_stems


def reversed_preference(claim: str, sentence: str) -> str | None:
    """A claim that chooses A over B, against a source that chooses B over A ("with a data
    professional rather than a service leader" against "a service leader, not a data
    professional"): why they differ, or None. Each side is read by the words it has that the
    other lacks; one of the claim's must stand only on the source's other side, and the
    other's at least there ("protecting a child from harm takes priority over protecting their
    privacy" puts "protecting" on both sides)."""
    ours, theirs = _preferred(claim), _preferred(sentence)
    if ours is None or theirs is None:
        return None
    (chosen, passed), (their_chosen, their_passed) = ours, theirs
    mine, yours = chosen - passed, passed - chosen
    its, their = their_chosen - their_passed, their_passed - their_chosen
    if mine & their and yours & their_chosen or yours & its and mine & their_passed:
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


# where the chosen side of a preference begins: after its verb or preposition ("The framework
# is | non-statutory advice rather than guidance", "made by | the parent rather than the school")
_SIDE_START = re.compile(r".*\b(?:is|are|was|were|be|been|being|by|with|to|from|for|as|of|"
                         r"in|on|at|through|via)\s+", re.I | re.S)
_DENIAL = re.compile(r"\b(?:not|no|never|neither|nor)\b|n't\b", re.I)


def passed_over(claim: str, sentence: str) -> str | None:
    """A claim that chooses A rather than B, against a source that states B and nothing of A
    ("is non-statutory advice rather than statutory guidance" against "The framework is
    statutory guidance"): why, or None. A source with a preference of its own, or a denial, is
    left to the other readings."""
    match = _NOT_BUT.search(claim) or _PREFERENCE.search(claim.replace(", not", " , not"))
    if match is None or _preferred(sentence) is not None or _DENIAL.search(sentence):
        return None
    chosen, passed = (match.group(2), match.group(1)) if match.re is _NOT_BUT else (
        _SIDE_START.sub("", match.group(1)), match.group(2))
    mine = {stem(w) for w in content_words(chosen)}
    yours = {stem(w) for w in content_words(passed)} - mine
    said = {stem(w) for w in content_words(sentence)}
    if mine and yours and yours <= said and not mine & said:
        return "the source states what the claim passes over"
    return None


# "X is not one of them", "X is not among the rights listed", "the list does not include X":
# a claim that a list leaves a thing out
_NOT_AMONG = re.compile(r"((?:[\w'-]+\s+){1,6}?)(?:is|are|was|were)\s+not\s+(?:one\s+of|among|"
                        r"(?:included|listed|named)\s+(?:in|among|on))\b", re.I)
_NOT_INCLUDED = re.compile(r"\b(?:does|do|did)\s+not\s+(?:include|list|name)\s+"
                           r"((?:[\w'-]+\s*){1,6}?)(?=\s*(?:[,.;:]|$|\b(?:and|but|or|as|among)\b))",
                           re.I)


def said_left_out(claim: str) -> set[str]:
    """The stems of what a claim says a list leaves out ("a right to object is not one of
    them": right, object); empty when it says no such thing."""
    found = _NOT_AMONG.search(claim) or _NOT_INCLUDED.search(claim)
    if found is None:
        return set()
    return {stem(word) for word in content_words(found.group(1))}


# a thing kept apart from another ("kept separate from the code of conduct", "distinct from")
_APART = re.compile(r"\b(?:(?:kept|held|stored|managed|run|set|stand|stands|sit|sits)\s+"
                    r"(?:apart|separately|separate)|separate|distinct|independent)\s+(?:from|of)"
                    r"\s+((?:[\w'/-]+\s*){1,8})", re.I)
# and one held within another ("within their staff code of conduct", "part of", "an extension
# of")
_WITHIN = re.compile(r"\b(?:within|inside|part\s+of|included\s+in|incorporated\s+in(?:to)?|"
                     r"integrated\s+(?:in|into|with)|an?\s+(?:reflection\s+and\s+)?extension\s+"
                     r"of)\s+((?:[\w'/-]+\s*){1,8})", re.I)


def set_apart(claim: str, sentence: str) -> str | None:
    """A claim that keeps a thing apart from another the sentence holds it within ("kept apart
    from its staff code of conduct" against "set out within their staff code of conduct"):
    why, or None. The other thing must be the same: two of its content words, or all of one."""
    for apart in _APART.finditer(claim):
        ours = [stem(w) for w in content_words(apart.group(1))]
        for within in _WITHIN.finditer(sentence):
            theirs = {stem(w) for w in content_words(within.group(1))}
            if ours and len(set(ours) & theirs) >= min(2, len(set(ours))) and \
                    not _APART.search(sentence):
                return f"the claim keeps it apart from {apart.group(1).strip()}; the source " \
                       f"holds it within {within.group(1).strip()}"
    return None


# an inspection's grades, and the verbs that give one ("rated as good or outstanding", "judged
# 'requires improvement'")
_GRADES = r"outstanding|good|requires\s+improvement(?:\s+to\s+be\s+good)?|inadequate"
_GRADED = re.compile(rf"\b(?:rated|judged|graded|assessed)\s+(?:as\s+)?((?:['‘\"“]?(?:{_GRADES})"
                     rf"['’\"”]?(?:\s*,\s*|\s+or\s+|\s+and\s+)?)+)", re.I)


def other_grade(claim: str, sentence: str) -> str | None:
    """A grade the claim gives ("rated 'requires improvement'") where the sentence gives only
    others ("rated as good or outstanding"): grades of one scale exclude each other. Why, or
    None."""
    def grades(text: str) -> set[str]:
        return {" ".join(g.lower().split()[:2]) for m in _GRADED.finditer(text)
                for g in re.findall(_GRADES, m.group(1), re.I)}
    ours, theirs = grades(claim), grades(sentence)
    if ours and theirs and not ours & theirs:
        return f"the claim says rated {' or '.join(sorted(ours))}; the source, " \
               f"{' or '.join(sorted(theirs))}"
    return None
