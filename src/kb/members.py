"""Members: the members of a list a sentence enumerates ("the local authority, the integrated
care board and the police"), and a claim that lists them with one swapped or puts another
member first ("Neglect remains the most common reason").

Every rule here names a pattern of English, not a case; each is tested on sentences written
for the test (tests/test_claims.py).
"""

from __future__ import annotations

import re

from kb.names import PARTICIPLE
from kb.number_words import WORD_NUMBER
from kb.sentences import FRONTED
from kb.words import content_words, stem, word_parts, words_of

# an enumeration: "A, B and C", "(a) A; (b) B; and (c) C"; items of up to eight words
_ITEM_MARK = re.compile(r"\(\s*(?:[a-z]|[ivx]+|\d)\s*\)\s*")
_LEAD = re.compile(r"^(?:(?:and|or|the|an|a|both|either)\s+)+", re.I)


def list_items(text: str) -> list[str]:
    """The members of the longest enumeration in a sentence ("the local authority, the
    integrated care board and the police"), or [] when it enumerates nothing."""
    text = _ITEM_MARK.sub(" ", text)
    best: list[str] = []
    for clause in re.split(r"[.:!?]\s", text):
        # the pieces and the joint before each: a list of three or more has a comma or a
        # semicolon ("A, B and C"); "a child or their parents ... reasons and the basis" is none
        parts = re.split(r"([,;(]\s*|\s+(?:and|or)\s+)", clause)
        pieces = [(_head_phrase(piece), parts[at - 1] if at else "")
                  for at, piece in enumerate(parts) if at % 2 == 0]
        pieces = [(piece, joint) for piece, joint in pieces if piece]
        if len(pieces) < 3 or not re.search(r"\b(?:and|or)\b", clause):
            continue
        run: list[tuple[str, str]] = []
        for piece, joint in pieces:  # the enumeration is the run of short pieces at its end
            run = [*run, (piece, joint)] if len(piece.split()) <= 8 else []
        if len(run) >= 3 and len(run) > len(best) and \
                any(joint.strip() in (",", ";", "(") for _, joint in run[1:]):
            best = [piece for piece, _ in run]
    # "written by its authors, Priya Shah and Tom Reid": the words before the names say who
    # they are (an apposition), and are no member of their own
    if len(best) >= 3 and _APPOSED.search(best[0]) and all(
            _LEAD.sub("", item)[:1].isupper() for item in best[1:]):
        best = best[1:]
    return [_LEAD.sub("", item) for item in best]


# a list's first piece that ends in a common noun in the plural, owned or counted ("its
# authors", "two case readers"), which names what the capitalised names after it are
_APPOSED = re.compile(rf"\b(?:its|their|his|her|our|the|{WORD_NUMBER}|\d+)\s+"
                      r"(?:[a-z][a-z-]*\s+){0,2}[a-z][a-z-]*s$")


# where a member's qualifier starts ("an integrated care board for an area ..."), and the verb
# that introduces a list ("the partners are ...")
_QUALIFIER = re.compile(r"\s*(?:\b(?:for|which|who|whose|that|where|within|including|"
                        r"previously)\b).*$", re.I)
_INTRODUCED = re.compile(r"^.*?\b(?:are|is|include|includes|including|comprise|comprises|as)\s+",
                         re.I)
# the doer after a member's noun ("abuse by other children": abuse); not after a verb in the past
# ("delivered by local authorities", "made by parents", where the verb is what is listed)
_DOER = re.compile(r"(\S+)\s+by\b.*$", re.I)


def _without_doer(piece: str) -> str:
    """A member's words without the doer a "by" names after its noun."""
    doer = _DOER.search(piece)
    return piece if doer is None or PARTICIPLE.match(doer.group(1).lower()) else \
        piece[:doer.start() + len(doer.group(1))]


def _head_phrase(piece: str) -> str:
    """A member's head: past the verb that introduces the list, before its qualifier ("The
    partners for an area are the local authority": "the local authority")."""
    piece = _without_doer(_QUALIFIER.sub("", _INTRODUCED.sub("", piece.strip(), count=1)))
    return piece.strip(" .)(")


def swapped_member(claim: str, sentence: str) -> str | None:
    """A claim that lists as many members as a list in the source, all but one of them the
    source's own, names a member the source does not have: returned, else None. A member is
    known by its head, the last content word ("local schools": schools); the phrase a claim
    opens on ("Under the 2024 code, ...") is none."""
    claimed, stated = list_items(claim), list_items(sentence)
    if len(claimed) < 3 or len(stated) < len(claimed):
        return None
    held = word_parts(" ".join(stated))
    missing = [item for item in claimed
               if (words := content_words(item)) and stem(words[-1]) not in held]
    # "Under KCSIE 2025, providing care or overnight activity ...": the phrase set before the
    # claim says where it stands; it is no member the source leaves out
    if len(missing) == 1 and (fronted := FRONTED.match(claim.lstrip())) and \
            missing[0] in fronted.group(0):
        return None
    return missing[0] if len(missing) == 1 else None


# "X is / was / remains the most common ...", "X should be the ultimate decision maker": the
# member a superlative or a sole role is said of
_SAID_FIRST = re.compile(r"([A-Za-z][A-Za-z'/ -]{0,60}?)\s+(?:is|was|are|were|remains?|remained|"
                         r"became|has been|(?:should|must|will|would|shall) be)\s+(?:by far\s+)?"
                         r"(?:the|its|their)\s+(?:single\s+)?"
                         r"(?:most\s+(?:common|frequent)|commonest|largest|biggest|main|leading|"
                         r"top|highest|least\s+common|lowest|smallest|ultimate|sole|only|final)\b",
                         re.I)


def other_first(claim: str, sentence: str) -> str | None:
    """The member a source sentence puts first where the claim puts another ("Emotional abuse
    was the most common category" against "Neglect remains the most common reason"), or None."""
    said, stated = _SAID_FIRST.search(claim), _SAID_FIRST.search(sentence)
    if not said or not stated or said.group(0).split()[-1].lower() != \
            stated.group(0).split()[-1].lower():
        return None
    ours = {stem(w) for w in content_words(said.group(1))[-3:]}
    theirs = {stem(w) for w in content_words(stated.group(1))[-3:]}
    if not ours or not theirs or ours & theirs or theirs & words_of(claim):
        return None
    # and ranked among the same things ("... reason for a child protection plan"), not others
    ranked = [{stem(w) for w in content_words(text[m.end():])[:6]}
              for text, m in ((claim, said), (sentence, stated))]
    if 3 * len(ranked[0] & ranked[1]) < 2 * min(len(ranked[0]), len(ranked[1])):
        return None
    named = stated.group(1).split()[-5:]
    return " ".join(named[1:] if named[0].lower() in ("the", "a", "an") else named)
