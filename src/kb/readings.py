"""Readings: the sentences of a passage, each as it is read, with the sentence it leans on
("This training ...", "They ...") or, for an item of a list, with the line that leads into it,
in its own passage or in the one before when a page or a passage break cut the list."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from kb.models import Passage
from kb.sentences import LEANS_BACK, split_sentences, unwrapped
from kb.words import STOP, stem


def sentences_of(passage: Passage) -> list[tuple[str, int]]:
    """A passage's sentences; each line of a table is a sentence of its own."""
    return sentences_in(passage.text)


def sentences_in(text: str) -> list[tuple[str, int]]:
    """The sentences of a passage's text, with their offsets."""
    found = []
    offset = 0
    for line in unwrapped(text).split("\n"):
        if "\t" in line:
            # cells stay apart: "Total 650 486" would read as one number, 650,486
            found.append(("\t".join(" ".join(cell.split()) for cell in line.split("\t")
                                     if cell.strip()), offset))
        else:
            found.extend((s.text, offset + s.start) for s in split_sentences(line))
        offset += len(line) + 1
    return found


BULLETS = ("•", "◦", "▪", "-", "–", "o ")


@dataclass(frozen=True)
class Reading:
    """A sentence of a passage as the model reads it: with the sentence it leans on ("They
    ...", "This training ..."), or, for an item of a list, with the line that leads into it."""

    sentence: str
    start: int
    before: str  # the sentence it leans on, or the list's lead-in; "" for neither
    leans: bool
    item: bool

    @property
    def text(self) -> str:
        return f"{self.before} {self.sentence}" if self.leans else self.sentence


def readings(passage_text: str, lead: str = "") -> list[Reading]:
    """Each sentence of a passage with what it is read with; a sentence opening on "This
    training", "They" or "It" speaks of what the one before it names, and an item of a list
    of what the line leading into it says ("Senior leaders should:" / "• Ensure ...").
    `lead`: the lead-in of a list the passage before left open, whose items this one goes on
    with."""
    found = []
    previous = ""
    for sentence, start in sentences_in(passage_text):
        item = bool(lead) and sentence.startswith(BULLETS)
        lead = lead if item else (sentence if sentence.rstrip().endswith(":") else "")
        before = lead if item else previous
        leans = item or bool(previous) and bool(LEANS_BACK.match(sentence) or
                                                 names_again(sentence, previous))
        found.append(Reading(sentence, start, before, leans, item))
        previous = sentence
    return found


def open_lead(passage_text: str) -> str:
    """The lead-in of a list a passage ends inside ("Regulated activity will not be:" and an
    item or none after it), which its items in the next passage go on with; "" for none."""
    last = (readings(passage_text) or [None])[-1]
    if last is None:
        return ""
    if last.item:
        return last.before
    return last.sentence if last.sentence.rstrip().endswith(":") else ""


# a sentence that opens on "The" and a noun the sentence before named ("... formed a steering
# group ..." / "The group met online monthly"): the same thing spoken of again
_THE_NOUN = re.compile(r"The\s+([a-z][a-z-]+)\b")


def names_again(sentence: str, previous: str) -> bool:
    """Whether the sentence opens on the thing the one before it names ("The group ...")."""
    opening = _THE_NOUN.match(sentence)
    if opening is None or opening.group(1) in STOP:
        return False
    return stem(opening.group(1)) in {stem(w) for w in re.findall(r"[a-z-]+", previous.lower())}


def open_leads(hits: Sequence[Passage], before: Callable[[Passage], Passage | None]
               ) -> dict[int, str]:
    """By passage, for those that open on an item of a list: the lead-in the passage before
    (`before`) left open ("Regulated activity will not be:"), which the item is read with."""
    leads = {}
    for hit in hits:
        if hit.text.lstrip().startswith(BULLETS) and (previous := before(hit)) is not None \
                and (lead := open_lead(previous.text)):
            leads[hit.passage_id] = lead
    return leads
