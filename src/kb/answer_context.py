"""The answer's sentence widened to what it needs to be read alone: the list its lead-in opens,
the sentence before it when it opens on a pronoun, the footnotes its marks point to."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from kb.answer_kinds import Candidate
from kb.extract.tables import FIGURE_CELL
from kb.lists import ASKS_SEVERAL, item_text, items_after
from kb.notes import anchored_in
from kb.question import Question
from kb.readings import BULLETS, open_lead, readings, sentences_of
from kb.sentences import CASE_BACK, FULL_STOPS, LEANS_BACK, TERMINAL, Sentence, a_heading, unwrapped
from kb.words import content_words, stem

if TYPE_CHECKING:
    from kb.search import SearchEngine



def read_as(best: Candidate, sentence: Sentence) -> Candidate:
    """The answer read as a wider text (`sentence`), its figures, score, key and coverage
    kept; nothing about it is any longer elsewhere."""
    return replace(best, sentence=sentence, elsewhere=False)


def _read_on(best: Candidate, text: str, start: int) -> Candidate:
    """The answer read on into the sentence of its passage at `start` that follows it."""
    return read_as(best, Sentence(f"{best.sentence.text} {text}", best.sentence.start,
                                  start + len(text)))


def complete_lead_in(engine: SearchEngine, asked: Question, best: Candidate) -> Candidate:
    """A sentence that ends in a colon leads into a list: the answer is the list, quoted with
    its lead-in, when the question asks after several things ("What are the four strands?"),
    else the item that best covers the question."""
    lead = best.sentence
    if not lead.text.rstrip().endswith(":"):
        return best
    items = items_after(best.passage, lead, lambda: engine.passages_after(best.passage))
    if not items:
        return best
    if ASKS_SEVERAL.search(asked.text):
        text, start = "; ".join(map(item_text, items)), lead.start
    else:
        text = max(items, key=lambda item: asked.terms.share(
            {stem(w) for w in content_words(item)}))
        start = max(lead.start, unwrapped(best.passage.text).find(text, lead.end))
        text = item_text(text)
    return read_as(best, Sentence(f"{lead.text} {text}", start, start + len(text)))


_LABEL_WORDS = 5  # the most words a cell of a table's header holds


def heads_a_table(passage: str, start: int, text: str) -> bool:
    """A table's first row of short labels above rows of as many cells or more that state
    something ("Wave 1 expectation | Wave 2 expectation" over "Must offer ... | Must
    provide ..."): the names of the columns, context for the rows, not an answer."""
    cells = text.split("\t")
    if len(cells) < 2 or any(len(c.split()) > _LABEL_WORDS or c.rstrip().endswith(TERMINAL) or
                             FIGURE_CELL.match(c.strip()) for c in cells):
        return False
    above = passage[:start].rstrip("\n").rpartition("\n")[2]
    end = passage.find("\n", start)
    below = passage[end:].lstrip("\n").partition("\n")[0].split("\t") if end >= 0 else []
    return "\t" not in above and len(below) >= len(cells) and any(
        len(c.split()) > _LABEL_WORDS or FIGURE_CELL.match(c.strip()) for c in below)


def with_its_lead(engine: SearchEngine, best: Candidate) -> Candidate:
    """An item of a list quoted with the line that leads into it ("A person will not be
    treated as a lead coach when their work is: • paid work that is supervised ..."): the
    item alone may say the opposite of what the list does. The lead-in is its passage's own,
    or the one the passage before left open on the same page."""
    if not best.sentence.text.startswith(BULLETS):
        return best
    lead = ""
    if best.passage.text.lstrip().startswith(BULLETS) and \
            (before := engine.passage_before(best.passage)) is not None and \
            (carried := open_lead(before.text)) and \
            engine.pages_of(before, before.text.rfind(carried), len(before.text))[0] == \
            engine.pages_of(best.passage, best.sentence.start, best.sentence.end)[0]:
        lead = carried
    starts = {}  # where each lead-in of this passage stands: the quote starts there
    for reading in readings(best.passage.text, lead):
        if reading.start == best.sentence.start:
            if not reading.item:
                return best
            start = starts.get(reading.before, best.sentence.start)
            return read_as(best, Sentence(f"{reading.before} {best.sentence.text}", start,
                                          best.sentence.end))
        starts[reading.sentence] = reading.start
    return best


# a sentence that opens on a pronoun ("They work with families ... and run the Stop it Now!
# helpline") names what it speaks of only in the sentence before: the answer quotes both
_PRONOUN_OPENING = re.compile(r"(?:They|It|He|She|This|These)\b")


def with_antecedent(best: Candidate) -> Candidate:
    """The answer with the sentence before it when it opens on a pronoun or on the case that
    sentence sets out ("In such cases, ..."), not a heading or a list's lead-in before it; its
    key figure moved along with its text."""
    if not (_PRONOUN_OPENING.match(best.sentence.text) or CASE_BACK.match(best.sentence.text)):
        return best
    before = [(text, start) for text, start in sentences_of(best.passage)
              if start < best.sentence.start]
    if not before:
        return best
    text, start = before[-1]
    if text.rstrip().endswith(":") or a_heading(best.passage.text, start, text):
        return best
    shift = len(text) + 1
    key = replace(best.key, start=best.key.start + shift, end=best.key.end + shift) \
        if best.key else None
    return replace(read_as(best, Sentence(f"{text} {best.sentence.text}", start,
                                          best.sentence.end)), key=key)


_NUMBER = re.compile(r"\b\d+(?:\.\d+)?\b")


def with_its_notes(engine: SearchEngine, asked: Question, best: Candidate) -> Candidate:
    """The answer with the footnotes its marks point to, where a note holds words or numbers
    of the question the sentence lacks ("Under which section ... does a local authority serve
    notice?" against "Serving notice on parents ...⁴" and its note "4 Section 437(1) of the
    Education Act 1996"; "whose 2010 research ...?" and a note citing "(2010)")."""
    text, asked_for = best.sentence.text, set(asked.terms.weights)
    held = asked.terms.present({stem(w) for w in content_words(text)})
    numbers = set(_NUMBER.findall(asked.text)) - set(_NUMBER.findall(text))
    notes = [note for note in anchored_in(text, engine.notes_of(best.passage))
             if asked.terms.present({stem(w) for w in content_words(note.text)}) & asked_for -
             held or numbers & set(_NUMBER.findall(note.text))]
    if not notes:
        return best
    joined = " ".join([text, *(f"[{note.mark}: {note.text}]" for note in notes)])
    return read_as(best, Sentence(joined, best.sentence.start, best.sentence.end))


# what may stand after a sentence's close on its page: the page's footnotes, each a line that
# opens on its number ("6 The Care Planning ... Regulations 2010.")
_FOOTNOTES = re.compile(r"(?:\s*\n\d{1,3}\s+[A-Z][^\n]*)*\s*")


def across_the_page(engine: SearchEngine, best: Candidate) -> Candidate:
    """The answer read on over a page break that cuts it off: the sentence closes its passage
    (but for the page's footnotes), stops on no full stop, and the next passage of its
    document opens in lower case, going on with it ("... in three ways: commissioning
    effective services," then "delivering through provider organisations, and ..."). The
    answer reads on to the end of that passage's first sentence."""
    text = best.sentence.text.rstrip()
    if text.endswith(FULL_STOPS) or text.lstrip().startswith(("•", "◦", "▪", "-", "–")):
        return best
    if not _FOOTNOTES.fullmatch(unwrapped(best.passage.text)[best.sentence.end:]):
        return best
    following = engine.passages_after(best.passage, most=1)
    if not following or not following[0].text[:1].islower():
        return best
    sequel = sentences_of(following[0])
    if not sequel:
        return best
    return replace(read_as(best, Sentence(f"{text} {sequel[0][0]}", best.sentence.start,
                                          best.sentence.end)),
                   runs_to=following[0].page)


# a sentence that announces things by their number ("There are two items ... that can be true
# or false.") and the next that names them, pointing back ("These items are ..."): the answer
# is both
_ANNOUNCES = re.compile(r"\b(?:there\s+(?:are|were)|(?:two|three|four|five|six|seven|eight|"
                        r"several|a\s+number\s+of)\s+[a-z]+)\b", re.I)
_NAMES_THEM = re.compile(r"(?:These|Those|They)(?:\s+([a-z]+))?\s+(?:are|were|include)\b")


def with_sequel(best: Candidate) -> Candidate:
    """The answer with the sentence after it when it announces things by number and the next
    names them, opening on a word that points back ("These items are ..."); the next sentence
    must point back to what this one names ("These items" after "two items")."""
    if not _ANNOUNCES.search(best.sentence.text):
        return best
    after = [(text, start) for text, start in sentences_of(best.passage)
             if start > best.sentence.start]
    if not after or not (opening := _NAMES_THEM.match(after[0][0])):
        return best
    noun = opening.group(1)
    if noun and stem(noun) not in {stem(w) for w in content_words(best.sentence.text)}:
        return best
    return _read_on(best, *after[0])


# the share of an open question's words the answer holds from which it is the question's
# premise: what the question tells of ("One council piloted ..."), not what it asks after
PREMISE = 0.5  # fitted on the tuning halves: 0.8 +1, 0.65 +2, 0.5 +3, 0.3 as 0.5; none lost


# a sentence that grants what the one before says and goes on from it ("While they are
# similar, the local item is more personal"; "Although this helped, ...")
_GRANTS = re.compile(r"(?:While|Whilst|Although|Though|Even though)\s+(?:this|that|these|"
                     r"those|it|they|both)\b")


def with_what_follows(best: Candidate) -> Candidate:
    """An answer that restates an open question's premise ("one council piloted a new
    approach") read with the next sentence when that one goes on from it ("However, this was
    not extended", "While they are similar, ..."): what became of it, what it led to, how it
    differs. Otherwise the answer as it is."""
    if best.covered < PREMISE:
        return best
    end = best.sentence.end
    after = [(text, start) for text, start in sentences_of(best.passage) if start >= end]
    if not after or re.search(r"\w", best.passage.text[end:after[0][1]]) or \
            not (LEANS_BACK.match(after[0][0]) or _GRANTS.match(after[0][0]) or
                 _one_entry(best, after[0][1])):
        return best
    return _read_on(best, *after[0])


# an entry of a list of terms: a line that opens on the term and a colon ("Placement out of
# area (sometimes referred to as ...): a placement ...")
_ENTRY = re.compile(r"^[A-Z](?![^:.\n]*\b(?:is|are|was|were|has|have|had|will|would|should|must|"
                    r"can|may|includes?)\b)[^:.\n]{1,80}:\s", re.M)


def _one_entry(best: Candidate, next_start: int) -> bool:
    """Whether the answer opens an entry of a list of terms and the next sentence goes on in
    the same entry: the whole entry is the term's meaning ("... located outside the boundary.
    An out of authority placement could be in an adjoining local authority")."""
    text = unwrapped(best.passage.text)
    line_start = text.rfind("\n", 0, best.sentence.start) + 1
    return best.sentence.start == line_start and _ENTRY.match(text, line_start) is not None \
        and "\n" not in text[best.sentence.start:next_start] and \
        len(_ENTRY.findall(text)) > 1  # a list of them

