"""The items a lead-in introduces: bullets, numbered or labelled lines, or the headings of the
sections that follow it."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from kb.models import Passage
from kb.number_words import NUMBER_WORDS, WORD_NUMBER
from kb.sentences import Sentence, unwrapped

# a line that opens an item: a bullet, a number or letter ("1.", "(b)", "iii)"), or a short
# label and a colon ("contact: being subjected to ...")
BULLETS = "•◦▪➢■●"
ITEM_OPENING = re.compile(rf"(?:[{BULLETS}]|[-–]\s|o\s|\(?\d{{1,2}}[.)]\s|\(?[a-z][.)]\s|"
                          r"\(?[ivx]{1,4}\)\s|[A-Za-z][\w'’/-]*(?:\s[\w'’/-]+){0,4}:\s)")
# numbered items run together on one line: "1. Relationships based ... 2. Evidence-based ..."
_RUN_ON_NUMBER = re.compile(r"(?<=\s)(?=\d{1,2}\.\s+[A-Z])")
# a question after several things: "What are the four strands ...", "Into which three types"
ASKS_SEVERAL = re.compile(rf"\b(?:(?:what|which)\s+(?:are|were)\b|(?:{WORD_NUMBER}|\d)\s+"
                          r"(?:[a-z-]+\s+){0,2}[a-z-]+s\b|\blist\b)", re.I)
MOST_ITEMS = 12
_COUNT = re.compile(rf"\b({WORD_NUMBER}|\d{{1,2}})\s+(?!per\b|%)[a-z]", re.I)


def item_text(item: str) -> str:
    """An item without the bullet it opens on."""
    return item.lstrip(f"{BULLETS} ")


def items_in(text: str, most: int = MOST_ITEMS) -> list[str]:
    """The items a text opens with, one a line, up to the first line that opens none (a
    short heading before the first item is passed over)."""
    found: list[str] = []
    headed = False
    for line in filter(None, (line.strip() for line in text.split("\n"))):
        if not ITEM_OPENING.match(line):
            if found or headed or len(line.split()) > 6:
                break
            headed = True  # "Contributors", the heading a new passage opens with
            continue
        found.extend(part.strip() for part in _RUN_ON_NUMBER.split(line) if part.strip())
        if len(found) >= most:
            break
    return found[:most]


# a list run on after a colon to the sentence's end: "The following rules have changed: 4009,
# 8525 and 8897."
_RUN_ON_LIST = re.compile(r":\s*([^:;]+?)[.\s]*$")
_ITEM_SPLIT = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")
_SHORT_ITEM = 6  # words an item run on in a sentence may have


def items_run_on(sentence: str) -> list[str]:
    """The items a sentence lists after its colon, split at commas and its last "and" or "or";
    none when the words after the colon are not a list of short items."""
    match = _RUN_ON_LIST.search(sentence)
    if match is None:
        return []
    items = [item for item in _ITEM_SPLIT.split(match.group(1)) if item]
    return items if len(items) >= 2 and all(len(item.split()) <= _SHORT_ITEM
                                            for item in items) else []


def stated_count(lead: str) -> int | None:
    """How many items a lead-in says it introduces ("There are four key strands:")."""
    match = _COUNT.search(lead)
    if match is None:
        return None
    word = match.group(1).lower()
    count = int(word) if word.isdigit() else NUMBER_WORDS.get(word)
    return count if count and 2 <= count <= MOST_ITEMS else None


def headings_below(lead: Passage, lead_in: str, following: Sequence[Passage]) -> list[str]:
    """The headings of the sections that follow a lead-in closing its passage ("There are four
    key strands:" and then a section each): those that open under the lead-in's own section,
    or, where the section path does not say, as many as the lead-in counts."""
    parent = (lead.section or "").split(" > ")[-1].strip()
    count = stated_count(lead_in)
    found: list[str] = []
    for passage in following:
        path = [part.strip() for part in (passage.section or "").split(" > ")]
        below = len(path) >= 2 and path[-2] == parent
        if passage.doc_id != lead.doc_id or not below and count is None:
            break
        if path[-1] not in found:
            found.append(path[-1])
        if len(found) == (count or MOST_ITEMS):
            break
    return found if len(found) >= (count or 2) else []


def items_after(passage: Passage, lead_in: Sentence,
                following: Callable[[], Sequence[Passage]]) -> list[str]:
    """The items of the list a lead-in introduces: in the rest of its passage, and in the
    passage after it when the list runs on into it; or, when the lead-in closes its passage,
    in the passages after it."""
    rest = unwrapped(passage.text)[lead_in.end:]
    if found := items_in(rest):
        lines = [line for line in rest.split("\n") if line.strip()]
        if all(ITEM_OPENING.match(line.strip()) for line in lines) and len(found) < MOST_ITEMS:
            after = list(following())[:1]  # the list runs to the passage's end, and on
            if after and ITEM_OPENING.match(after[0].text.lstrip()):
                found = (found + items_in(unwrapped(after[0].text)))[:MOST_ITEMS]
        return found
    if len(rest.split()) > 6:
        return found
    after = list(following())  # the lead-in, with a heading at most, closes its passage
    if not after:
        return []
    return headings_below(passage, lead_in.text, after) or items_in(unwrapped(after[0].text))


# items lettered or numbered within one sentence: "(a) the local authority, (b) an integrated
# care board ..., and (c) the chief officer of police ..."
_INLINE_MARK = re.compile(r"(?:^|(?<=[\s,;:]))\((?:[a-h]|[ivx]{1,4}|\d)\)\s+")
# where an item's name ends: its qualifiers ("for an area any part of which ...") follow
_QUALIFIER = re.compile(r"\s(?:for|in|within|which|who|that|where|whose|under|as|to|from|with)"
                        r"\s|[,;:(]")
# "Who are the three safeguarding partners?": a question after a number of things
_ASKS_A_NUMBER = re.compile(rf"\b(?:who|what|which)\s+(?:are|were)\s+the\s+({WORD_NUMBER}|\d)\s",
                            re.I)


def lettered_items(sentence: str) -> list[str]:
    """The names of the items a sentence letters or numbers inline, each without its
    qualifiers: ["the local authority", "an integrated care board", ...]."""
    parts = _INLINE_MARK.split(sentence)[1:]
    names = [_QUALIFIER.split(part.strip(), maxsplit=1)[0].strip() for part in parts]
    names = [re.sub(r"^(?:and|or)\s+|\s+(?:and|or)$", "", name) for name in names]
    return names if len(names) > 1 and all(names) else []


def named_in_turn(question: str, sentence: str) -> str | None:
    """The things a question asks a number of ("Who are the three ...?"), as the sentence
    letters them: "the local authority, an integrated care board and the chief officer of
    police"; None unless it letters that many."""
    asked = _ASKS_A_NUMBER.search(question)
    if asked is None:
        return None
    number = asked.group(1).lower()
    wanted = int(number) if number.isdigit() else NUMBER_WORDS.get(number)
    items = lettered_items(sentence)
    if len(items) != wanted:
        return None
    return f"{', '.join(items[:-1])} and {items[-1]}"
