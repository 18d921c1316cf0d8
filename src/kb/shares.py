"""Shares a text gives in words: a count that is a part of a whole counted before it ("Of
these, 1,497 are local"; "seven boroughs but only two"), read as a fraction of that whole."""

from __future__ import annotations

import re

from kb.models import Figure
from kb.numbers import find_figures
from kb.sentences import split_sentences

# a sentence that opens on a part of what the one before counted: "1,575 fields were read. Of
# these, 1,497 are local"
_OF_THESE = re.compile(r"\W*Of\s+(?:these|those|them|which|this\s+number)\s*,?\s*", re.I)


def subset_shares(before: str, sentence: str, figures: list[Figure]) -> list[Figure]:
    """The count a sentence opens on after "Of these" as a part of the last count of the
    sentence before it (1,497 of 1,575), or nothing."""
    opening = _OF_THESE.match(sentence)
    part = next((f for f in figures if f.kind == "count"), None)
    if opening is None or part is None or part.start > opening.end() + 2:
        return []
    previous = split_sentences(before.rstrip())[-1:] if before.strip() else []
    wholes = [f for f in find_figures(previous[0].text) if f.kind == "count"] if previous else []
    if not wholes or not part.value < wholes[-1].value:
        return []
    return [Figure(f"{part.text} of {wholes[-1].text}", part.start, part.end, part.value,
                   "fraction", total=wholes[-1].value, measure=part.measure,
                   period=part.period)]


# a count, then "but only" or ", of which (only)" and a smaller count: the second is a part of
# the first ("oversight of seven boroughs but only two were in the pilot": two of seven)
_BUT_ONLY = re.compile(r"^(?:\s+[A-Za-z'-]+){1,4}?(?:\s*,)?\s+(?:but\s+only|(?:,\s*)?of\s+"
                       r"(?:which|whom)(?:\s+only)?)\s+$", re.I)
# "Of the 12 areas, three ...": a sentence that opens on a whole and counts a part of it
_OF_THE_WHOLE = re.compile(r"^\W*Of\s+(?:the|these|those)\s+$", re.I)


def shares_within(sentence: str, figures: list[Figure]) -> list[Figure]:
    """Counts a sentence gives as a part of a whole it names first: "seven boroughs but only
    two", "12 areas, of which three", "Of the 12 areas, three"."""
    counts = [f for f in figures if f.kind == "count"]
    shares = []
    for whole, part in zip(counts, counts[1:], strict=False):
        between = sentence[whole.end:part.start]
        opened = _OF_THE_WHOLE.match(sentence[:whole.start]) and re.fullmatch(
            r"(?:\s+[A-Za-z'-]+){1,4}\s*,\s*(?:only\s+)?", between)
        if part.value < whole.value and (opened or _BUT_ONLY.match(between)):
            shares.append(Figure(f"{part.text} of {whole.text}", part.start, part.end,
                                 part.value, "fraction", total=whole.value,
                                 measure=f"{whole.measure} {part.measure}",
                                 period=part.period))
    return shares
