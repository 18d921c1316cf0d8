"""Footnotes: the note a mark in a sentence points to, read from the foot of the same page.

A PDF reader takes a footnote's mark out of its line ("such education⁴" reads "such
education") and keeps it with the words it followed; the note itself ("4 Section 437(1) of the
Education Act 1996") is a line at the foot of the page, set smaller than the body and opening
on the mark's number. A sentence holding a mark's words can then be read with its note: the
law, the source or the definition it cites.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kb.extract import ANCHOR_WORDS, Line
from kb.extract.layout import body_size

NOTE_SCALE = 0.95  # a note's lines are set smaller than the page's body text
_NOTE_LINE = re.compile(r"(\d{1,3})\s*([A-Z(‘'\"“].*)")


@dataclass(frozen=True)
class Note:
    page: int  # 1-based
    mark: int
    anchor: str  # the words the mark followed in the body
    text: str  # the note's own words


def notes_of(layout: list[list[Line]]) -> list[Note]:
    """The footnotes of a document: each mark of a page with the note of its number at the
    foot of the same page; a mark whose note is not found there is left out."""
    notes = []
    for page, lines in enumerate(layout, 1):
        marked: dict[int, str] = {}
        previous = ""
        for line in lines:
            for mark, anchor in line.marks:
                marked.setdefault(mark, anchor or " ".join(previous.split()[-ANCHOR_WORDS:]))
            previous = line.text
        if marked:
            texts = _note_texts(lines, body_size([lines]), set(marked))
            notes += [Note(page, mark, marked[mark], texts[mark]) for mark in marked
                      if mark in texts and marked[mark]]
    return notes


def _note_texts(lines: list[Line], body: float, marks: set[int]) -> dict[int, str]:
    """The text of each note the marks call for: a line set smaller than the body opening on
    the mark's number, with the lines of its size that follow it and open on no number."""
    found: dict[int, str] = {}
    current, size = None, 0.0
    for line in lines:
        small = 0 < line.size < NOTE_SCALE * body
        opening = _NOTE_LINE.match(line.text)
        if small and opening and int(opening.group(1)) in marks and \
                int(opening.group(1)) not in found:
            current, size = int(opening.group(1)), line.size
            found[current] = opening.group(2).strip()
        elif current is not None and small and not opening and abs(line.size - size) < 0.6:
            found[current] = f"{found[current]} {line.text.strip()}"
        else:
            current = None
    # two notes set on one line ("9 For sexual violence see Part 5. 10 For harassment see ...")
    for mark in sorted(found):
        if mark + 1 in marks and mark + 1 not in found and \
                (split := re.search(rf"\s{mark + 1}\s+(?=[A-Z])", found[mark])):
            found[mark], found[mark + 1] = found[mark][:split.start()], found[mark][split.end():]
    return found


def anchored_in(sentence: str, notes: list[Note]) -> list[Note]:
    """The notes whose mark stands in the sentence: the words it followed are the sentence's."""
    flat = " ".join(sentence.split()).lower()
    return [note for note in notes if " ".join(note.anchor.split()).lower() in flat]
