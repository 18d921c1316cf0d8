"""What a figure measures: the words around it, and what it counts."""

from __future__ import annotations

import re

from kb.models import Figure
from kb.number_words import WORD_NUMBER
from kb.words import STOP, content_words, stem

_NEXT_COUNT = re.compile(rf"\s(?:and|or|but|while|whereas)\s+(?=(?:one|{WORD_NUMBER}|\d)\b)", re.I)
# a joining word that opens a clause or a phrase of its own ("or is absent for", "or for twenty
# days", ", and"), not one inside a name of people ("children and young people")
_JOINT = re.compile(r"(?:,\s*(?:or|and)|\s(?:but|while|whereas)|\s(?:or|and)(?=\s+(?:is|are|was|"
                    r"were|has|have|had|will|would|can|could|should|must|may|might|do|does|did|"
                    r"it|they|he|she|we|there|for|in|at|after|before|within|by|from|to|with|on|"
                    r"under|over|\d))\b|"
                    # or a verb of the next figure's own: "worth £7 million and ran 11 projects"
                    rf"\s(?:or|and)(?=\s+[a-z]+\s+(?:one|{WORD_NUMBER}|\d+)\b))\s", re.I)


def measure_words(text: str, figures: list[Figure], figure: Figure, before: int = 70,
                  after: int = 90) -> str:
    """The words around `figure` up to its neighbours or the clause's edge; after it, far
    enough to reach the predicate of a figure that opens its sentence ("34% of all staff
    agreed that their team was adequately staffed")."""
    values = [f for f in figures if f.kind not in ("period", "date", "year")]
    earlier = [f.end for f in values if f.end <= figure.start]
    later = [f.start for f in values if f.start >= figure.end]
    left_edge = max([*earlier, figure.start - before, 0])
    right_edge = min([*later, figure.end + after, len(text)])
    left = text[left_edge:figure.start]
    if left_edge > 0 and text[left_edge - 1].isalpha():
        left = left.split(" ", 1)[-1] if " " in left else ""  # whole words only
    pieces = re.split(r"[;:.!?\n]|,\s(?=and\b|but\b|while\b|with\b)", left)
    # a figure right after a colon is the value of the label before it: "Care leavers: 18"
    left = pieces[-2] if len(pieces) > 1 and not pieces[-1].strip() and \
        left.rstrip().endswith(":") else pieces[-1]
    right = text[figure.end:right_edge]
    if right_edge < len(text) and text[right_edge].isalpha():
        right = right.rsplit(" ", 1)[0]  # whole words only
    right = re.split(r"[;:.!?(\n]|,", right)[0]
    # a joining word before another number opens that number's own clause, even a number read
    # as no figure ("three use Mosaic and one other uses Liquid Logic")
    right = _NEXT_COUNT.split(right)[0]
    # between two figures, a joining word parts their clauses: "for ten days after a leave
    # of absence or ... as unauthorised absence for twenty days" gives each its own words
    if earlier and (joint := _JOINT.search(text, max(earlier), figure.start)):
        left = text[max(joint.end(), figure.start - len(left)):figure.start]
    # (read a little past the next figure's start, so a joint can see the number it opens on)
    following = min(later, default=len(text))
    if later and (joints := [joint for joint in _JOINT.finditer(text, figure.end, following + 8)
                             if joint.end() <= following]):
        right = right[:max(0, joints[-1].start() - figure.end)]
    return " ".join(content_words(f"{left} {right}"))


def head_of(text: str, figure: Figure) -> set[str]:
    """The stems of what a figure counts: the words right after it, up to the first small word
    or the second word ("90 local authorities attended", "212 members attended"; "21% of
    contacts" counts contacts)."""
    return head_after(text, figure.end)


def head_after(text: str, end: int) -> set[str]:
    """The stems of what the figure ending at `end` counts (see head_of)."""
    after = re.sub(r"^\s*(?:of\s+(?:the\s+|all\s+)?)?", "", text[end:end + 60])
    head = []
    for word in re.findall(r"[A-Za-z][A-Za-z'-]*|[^\sA-Za-z]", after)[:2]:
        if not word[0].isalpha() or word.lower() in STOP:
            break
        head.append(stem(word.lower()))
    return set(head)
