"""Sentences: a text cut into sentences, each with its offsets; bullets and line breaks end
one, a line that runs on into lowercase words does not."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kb.models import Figure
from kb.words import stem

# the marks a sentence or a line of running text closes on
TERMINAL = (".", "!", "?", ":", ";", '"', "\u201d", ")")
FULL_STOPS = TERMINAL[:3]

# a sentence ends at its stop before a capital, or at a line break
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘'(]?[A-Z0-9£•])|\s*\n\s*")
# a line that runs on into lowercase words ("should be\nupdated at least", "(who responded)\n
# agreed", "37%\nof staff"): a sentence the layout broke; not a line closed by a stop, a colon
# or a semicolon, which ends an item of a list; an exclamation mark inside a name ("the Stop
# it Now!\nhelpline") ends no sentence before a lowercase word
# A sentence a page break cut in two reads on across the blank line that joins the pages: a
# page that ends on a lowercase word or a comma and a page that opens on a lowercase word ("a
# notable portion (30%) were from\n\nthe Education sector")
_RUN_ON = re.compile(r"(?<=[A-Za-z0-9,)%!])\n(?=[a-z])|(?<=[a-z,])\n\n(?=[a-z])")


def unwrapped(text: str) -> str:
    """The text with each line that runs on into the next joined to it by spaces, so every
    offset stays where it was."""
    return _RUN_ON.sub(lambda match: " " * len(match.group(0)), text)
# a sentence that leans on the one before it: it opens on a word pointing back ("This", "They"),
# on a connective that carries the subject on ("However", "In contrast"), or on a part of a
# whole the sentence before named ("Five of the six were ...", "Most of these", "Of those, ...")
_QUANTITY = (r"(?:\d+|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve|Half|All|"
             r"Twenty|Thirty|Forty|Fifty|Sixty|Seventy|Eighty|Ninety|Most|Some|Many|Few|None|Each|"
             r"Both|Several|Neither|Either|Any)")
_PART = (rf"(?:{_QUANTITY} (?:\(\d+\) )?of (?:the|these|those|them|which)|"
         r"Of (?:these|those|them|the \w+))")
# a sentence that opens on the case the one before sets out ("In such cases, the council must
# review the plan annually", "If so, ..."): that sentence's conditions are its own
_CASE_BACK = (r"(?:In|Under)\s+(?:such|these|those|this|that)\s+(?:cases?|circumstances|"
              r"situations?|instances?)|(?:If|Where|When)\s+(?:so|this\s+(?:happens|occurs|"
              r"is\s+the\s+case))")
CASE_BACK = re.compile(rf"\W*(?:{_CASE_BACK})\b")
LEANS_BACK = re.compile(rf"(?:{_CASE_BACK}|This|These|That|Those|It|They|Their|Its|Such|He|She|"
                        r"His|Her|"
                        r"However|In contrast|By contrast|By comparison|Similarly|Likewise|"
                        r"Conversely|Meanwhile|Again|"
                        rf"{_PART}\b|"
                        # or on a kind of thing the sentence before named, in its first words
                        # ("Popular tools for this kind of work include ...")
                        r"(?:[\w'-]+\s+){1,5}(?:this|these|those|such)\s+(?:kinds?|types?|"
                        r"sorts?|forms?)\s+of)\b")

# a sentence about a part of a whole the sentence before named ("Of these 38 items, 24 are
# ...", "Five of the six were ..."): what it counts is the part, not the whole
PART_OF = re.compile(rf"{_PART}\b")

# what a sentence sets itself beside ("In addition to the formal training set out above, their
# knowledge should be refreshed"): its frame, not what it states
FRAME = re.compile(r"^\W*(?:in addition to|as well as|apart from|aside from|besides)\b"
                   r"[^,;:.]{1,120},", re.I)

# a phrase set before a clause, closed by its comma: "Under the seven golden rules, ...",
# "For the census, ...", "In the case study of a 12-year-old girl, ..."
FRONTED = re.compile(r"(?:under|according\s+to|for|in|within|once|after|before|when|if|as|"
                     r"from|during|on|at|by|with|without|since|given|following)\b[^,?]{2,80},\s+",
                     re.I)


def a_heading(passage: str, start: int, text: str) -> bool:
    """A short line of its own with no closing stop and no figure ("What a low-level concern
    is"): a heading inside the passage, not a sentence that answers."""
    alone = (start == 0 or passage[start - 1] == "\n") and \
        passage[start + len(text):start + len(text) + 1] in ("", "\n")
    return alone and len(text.split()) <= 8 and not text.rstrip().endswith(TERMINAL) and \
        not re.search(r"\d", text)


_ABBREVIATION = re.compile(r"\b(?:e\.g|i\.e|etc|vs|Dr|Mr|Mrs|Ms|Cllr|No|St|approx)\.$", re.I)


@dataclass
class Sentence:
    text: str
    start: int
    end: int
    figures: list[Figure] = field(default_factory=list)


def split_sentences(text: str) -> list[Sentence]:
    """Sentences with their offsets; bullets and blank-line breaks also end a sentence."""
    sentences: list[Sentence] = []
    cursor = 0
    for match in _SENTENCE_END.finditer(unwrapped(text)):
        piece = text[cursor:match.start()]
        if _ABBREVIATION.search(piece.rstrip()) or (piece.strip() and len(piece.split()) < 2
                                                     and not piece.strip().endswith(".")):
            continue
        if "\n" in match.group(0) and piece.count("(") > piece.count(")"):
            continue  # a line broken inside brackets: "(31\nMarch 2021)"
        _append(sentences, text, cursor, match.start())
        cursor = match.end()
    _append(sentences, text, cursor, len(text))
    return sentences


def _append(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if stripped:
        offset = start + piece.index(stripped)
        sentences.append(Sentence(" ".join(stripped.split()), offset, offset + len(stripped)))


# a sentence that opens on a demonstrative and a noun ("This training should be updated ...")
_DEMONSTRATIVE = re.compile(r"\W*(?:This|These|That|Those|Such)\s+([a-z][a-z-]+)\b")


def pointed_back(before: str, sentence: str) -> tuple[str, str]:
    """The noun a sentence's demonstrative opening names and the sentence before it that names
    that noun ("The DSL should undergo training ..." for "This training should be updated"),
    among the three before it; ("", "") when it opens on none or none names it."""
    if CASE_BACK.match(sentence) and (earlier := split_sentences(before.rstrip())):
        return "", earlier[-1].text  # "In such cases": the case the sentence before sets out
    opening = _DEMONSTRATIVE.match(sentence)
    if opening is None:
        return "", ""
    key = stem(opening.group(1))
    for earlier in reversed(split_sentences(before.rstrip())[-3:]):
        if key in {stem(w) for w in re.findall(r"[a-z][a-z-]*", earlier.text.lower())}:
            return key, earlier.text
    return "", ""
