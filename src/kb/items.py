"""Items: the numbered items of a sequence or a codeset a text names ("Wave 2", "Key Stage 4",
"the second phase", "YonY 01"), and whether a text or a figure is about another item than the
one asked about."""

from __future__ import annotations

import re

from kb.models import Figure
from kb.number_words import (
    DIGIT,
    ORDINAL_WORD,
    ORDINAL_WORDS,
    WORD_NUMBER,
    lower_words,
    word_value,
)

# an item of a numbered sequence a text names: "Wave 2", "Phase 3", "Key Stage 4", "Year 7",
# "section 4.9", a section the law inserted later ("section 17ZA", "section 11A": capitals
# only, as "Year 10s" is Year 10); not a range ("paragraphs 82-84")
_ITEM = re.compile(r"\b(Wave|Phase|Stage|Key Stage|Year|Tier|Level|Round|Cohort|Module|Step|"
                   r"Table|Figure|Appendix|Annex|Section|Part|Chapter|Article|Regulation|"
                   r"Paragraph|Schedule)\s+(\d{1,3}(?-i:[A-Z]{1,2})?(?:\.\d{1,2})*|[IVX]{1,4})\b"
                   r"(?![.,/-]\d)", re.I)


# the same item named by its order: "the second wave", "the first phase"
_ORDERED_ITEM = re.compile(rf"\b({ORDINAL_WORD})\s+(wave|phase|stage|round|cohort|module|step|"
                           r"tier)\b", re.I)


# the same item with its number in words: "Wave two", "Phase three", "Year seven"
WORDED_ITEM = re.compile(rf"\b(wave|phase|stage|key stage|year|tier|level|round|cohort|module|"
                         rf"step|part|chapter)\s+(one|{WORD_NUMBER})\b", re.I)


# an item of a codeset: a label of two or more capitals and its number ("YonY 01", "RC 8",
# "CIN2"); a plain capitalised word before a number is no code ("Page 3", "Harrowden 2")
_CODED = re.compile(r"\b([A-Za-z]{2,6})\s?(\d{1,3})\b(?![.,/]\d)")


# every sequence word the three patterns above name: one of them is in each item named
_SEQUENCES = frozenset("wave phase stage key year tier level round cohort module step table "
                       "figure appendix annex section part chapter article regulation paragraph "
                       "schedule".split())


def _item_mentions(text: str) -> list[tuple[int, int, str, str]]:
    """Where a text names numbered items: (start, end, sequence, number)."""
    mentions = []
    # a pattern whose sequence word ("wave", "phase") the text lacks is not read: most
    # sentences name no numbered item
    sequenced = bool(lower_words(text) & _SEQUENCES)
    if sequenced:
        mentions += [(m.start(), m.end(), m.group(1).lower(), m.group(2).upper())
                     for m in _ITEM.finditer(text)]
    if DIGIT.search(text):  # a code's number
        mentions += [(m.start(), m.end(), m.group(1).lower(), str(int(m.group(2))))
                     for m in _CODED.finditer(text) if sum(c.isupper() for c in m.group(1)) >= 2]
    if sequenced:
        mentions += [(m.start(), m.end(), m.group(2).lower(),
                      str(ORDINAL_WORDS[re.sub(r"\s+", "-", m.group(1).lower())]))
                     for m in _ORDERED_ITEM.finditer(text)]
        mentions += [(m.start(), m.end(), m.group(1).lower(), str(int(word_value(m.group(2)))))
                     for m in WORDED_ITEM.finditer(text)]
    return mentions


def items_named(text: str) -> dict[str, set[str]]:
    """The numbered items a text names, by their sequence: {"wave": {"1", "2"}}; "the second
    wave" is Wave 2."""
    found: dict[str, set[str]] = {}
    for _, _, sequence, number in _item_mentions(text):
        found.setdefault(sequence, set()).add(number)
    return found


def figure_of_another_item(asked: dict[str, set[str]], text: str, figure: Figure) -> bool:
    """Whether a figure belongs to another item than the one asked about: a figure is of the
    item of that sequence named nearest to it ("across these 10 areas, Wave 1 and Wave 2
    areas ..." gives 10 to both waves together, not to Wave 2 alone)."""
    for sequence, numbers in asked.items():
        mentions = [(min(abs(start - figure.end), abs(figure.start - end)), number)
                    for start, end, named, number in _item_mentions(text) if named == sequence
                    and not start <= figure.start < end]
        if mentions and min(mentions)[1] not in numbers:
            return True
    return False


def names_item(asked: dict[str, set[str]], text: str) -> bool:
    """Whether the text names one of the items of a sequence asked about ("Wave 2", "the
    second wave")."""
    named = items_named(text)
    return any(named.get(kind, set()) & numbers for kind, numbers in asked.items())


def another_item(asked: dict[str, set[str]], text: str) -> bool:
    """Whether the text names only other items of a sequence the question names one of:
    a sentence on "Wave 1" does not answer for "Wave 2"."""
    return _other_items(asked, text) is not None


def _other_items(asked: dict[str, set[str]], text: str) -> tuple[str, str, str] | None:
    """The first sequence of `asked` that the text names only other items of: (the sequence,
    an item asked, an item the text names), or None."""
    named = items_named(text)
    return next(((sequence, min(numbers), min(named[sequence]))
                 for sequence, numbers in asked.items()
                 if sequence in named and not numbers & named[sequence]), None)


# a code of a codeset: letters then digits ("RC8", "N4", "KS2"), or a number then a letter
# ("8D", "22A": a set's number and its member's letter); the first group names the set
_CODE = re.compile(r"\b([A-Z]{1,4})(\d{1,3})\b|\b(\d{1,2})([A-Z]{1,2})\b")


# a value named as a code: "code 0", "Code 'N9'"
_CODE_NAMED = re.compile(r"\b[Cc]ode\s+['‘\"]?(?:[A-Z]{1,4}\d{0,3}|\d{1,3})\b")
# a code that is a document, named by its title: "the Code of Practice for Data Sharing"
_CODE_TITLED = re.compile(r"\bCode\s+of\s+[A-Z]")


def names_a_code(text: str) -> bool:
    """Whether a text names a code of a codeset ("UN7 Child referred but ...", "Code 0
    should be used ...") or a code that is a document ("the Information Commissioner's Code
    of Practice")."""
    return any(pattern.search(text) for pattern in (_CODE, _CODE_NAMED, _CODE_TITLED))


def other_item(claim: str, sentence: str) -> tuple[str, str] | None:
    """A claim about one item of a numbered sequence against a sentence that names only other
    items of it ("section 17 enquiries" against "section 47 enquiries"): the two, or None."""
    if found := _other_items(items_named(claim), sentence):
        sequence, ours, theirs = found
        return f"{sequence} {ours}", f"{sequence} {theirs}"
    return None


def neighbour_code(claim: str, sentence: str) -> tuple[str, str] | None:
    """A claim about one code of a codeset against a sentence that says it of another code of
    the same set and never names the claim's: ("RC8", "RC9")."""
    claimed = {m.group(0): m.group(1) or m.group(3) for m in _CODE.finditer(claim)}
    stated = {m.group(0): m.group(1) or m.group(3) for m in _CODE.finditer(sentence)}
    if not claimed or set(claimed) & set(stated):
        return None
    return next(((code, other) for code, prefix in claimed.items()
                 for other, other_prefix in stated.items() if prefix == other_prefix), None)
