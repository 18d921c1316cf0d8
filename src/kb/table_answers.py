"""Table rows as answers: rows of the passages found that give what is asked, with their header;
what a row is read with (its table's header row and the lines leading into it)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from kb.answer_kinds import KINDS_FOR, Candidate
from kb.extract.tables import FIGURE_CELL
from kb.facts import row_of
from kb.items import names_a_code
from kb.models import Passage
from kb.numbers import find_figures
from kb.question import Question, terms_of
from kb.sentences import Sentence
from kb.words import content_words

if TYPE_CHECKING:
    from kb.search import SearchEngine


def fact_candidates(engine: SearchEngine, asked: Question, hits: Sequence[Passage],
                    least: float) -> list[Candidate]:
    """Table rows as answers: a row whose label and column hold the question's words and
    whose value is of the kind asked for ("Not relevant · Percentage · 18%"); a row that
    defines the code asked holds at least `least` of the question."""
    if asked.wants not in KINDS_FOR and asked.wants not in ("define", "code"):
        return []
    by_id = {hit.passage_id: hit for hit in hits}
    code = asked.code
    found = []
    for passage_id, fact in engine.facts(list(by_id)):
        passage = by_id[passage_id]
        located = row_of(passage.text, fact)
        if located is None:
            continue
        row = Sentence(*located)
        # the caption says what every figure of the table counts: part of the row's words
        words = terms_of(f"{fact.label} {fact.column} {fact.caption}")
        context = terms_of(f"{passage.known_as} {passage.section or ''}")
        covered = asked.terms.share(words, context, partial=0.6)
        figures = find_figures(fact.value, fact.period)
        kinds = KINDS_FOR.get(asked.wants or "", set())
        key = next((f for f in figures if f.kind in kinds), None)
        if asked.wants == "define":
            # a row gives its label's meaning in words ("Children in Care Council"), not a
            # status or a tick ("being not implementing", "Yes")
            if code is None or fact.label.strip().lower() != code.lower() or \
                    len(content_words(fact.value)) < 2:
                continue
            covered, key = max(covered, least), None
        elif asked.wants == "code":
            if not names_a_code(fact.label):
                continue
            # the row of a codeset: found by what it describes, the table's caption and
            # columns as its context ("UN7 · Description · Child referred but no further action")
            covered = asked.terms.share(terms_of(fact.value), terms_of(
                f"{fact.column} {fact.caption} {passage.known_as} {passage.section or ''}"),
                partial=0.6)
        elif key is None:
            continue
        if key is not None:  # the same figure, where it stands in the row's text
            key = next((f for f in reversed(find_figures(row.text, fact.period))
                        if f.text == key.text), None)
        candidate = Candidate(passage, row, figures, key=key)
        candidate.covered = covered
        candidate.defines = asked.wants == "define"
        candidate.score = covered + 0.3
        found.append(candidate)
    return found


def read_with_header(candidate: Candidate) -> tuple[str, str] | None:
    """A table row read with its table's header ("Total: Total 650; Wave 1 areas 486; ..."),
    and the same with the key value in bold; None for a sentence, or a row whose header is not
    found (the line above the rows with as many cells, not all of them figures)."""
    row = candidate.sentence.text.split("\t")
    if len(row) < 3:
        return None
    lines = candidate.passage.text.split("\n")
    cells = [[" ".join(c.split()) for c in line.split("\t")] for line in lines]
    at = next((n for n, line in enumerate(cells) if [c for c in line if c] == row), None)
    if at is None:
        return None
    # the header is the table's first line that names its columns: the topmost of the lines
    # above with as many cells and no figures, since a table of words has rows of that shape
    # too ("N8 | Absent parenting | Children whose ..." above "N9 | ...")
    header = None
    for line in reversed(cells[:at]):
        if len(line) != len(cells[at]):
            break  # the table's first line is above
        if sum(bool(FIGURE_CELL.match(c)) for c in line[1:]) == 0 \
                and all(line[1:]):
            header = line
    if header is None:
        return None
    full = cells[at]
    parts = [(h, v) for h, v in zip(header[1:], full[1:], strict=True) if v]
    key = candidate.key.text if candidate.key else None
    plain = f"{full[0]}: " + "; ".join(f"{h} {v}" for h, v in parts)
    marked = f"{full[0]}: " + "; ".join(f"{h} **{v}**" if v == key else f"{h} {v}"
                                         for h, v in parts)
    return plain, marked


TITLE_REACH = 40  # lines a table's row is read back over to find the line leading into it
HEADER_WORDS = 4  # the most words a column's name has
CAPTION_WORDS = 12  # the most words a table's caption or heading has
LEAD_LINES = 3  # the lines above a table read for what leads into it
_POINTS_DOWN = re.compile(r"\b(?:below|following|table|list)\b", re.I)


def table_title(text: str, start: int) -> str:
    """What a table row is read with: the table's header row and the lines that lead into it
    ("Enter the reason the case was closed, from the codes in the table below:", "B6. Reason
    for closure"); "" for a sentence that is no row."""
    leads, header = table_parts(text, start)
    return " ".join([*leads, header])


def table_parts(text: str, start: int) -> tuple[list[str], str]:
    """The lines leading into the table a row at `start` stands in, and its header row (""
    when its first row names no columns); nothing for a sentence that is no row."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    if "\t" not in text[line_start:line_end if line_end >= 0 else len(text)]:
        return [], ""
    above = text[:line_start].split("\n")[:-1][-TITLE_REACH:]
    rows = list(itertools.takewhile(lambda line: "\t" in line or not line.strip(),
                                    reversed(above)))
    header = next((line for line in reversed(rows) if line.strip()), "")
    # column names are a few words a cell ("Code", "Description"), not an entry of a table of
    # terms; what leads into a table is a caption, a heading, a line ending in a colon or one
    # that points to it ("from the list below"), among the few lines above it
    named = all(len(cell.split()) <= HEADER_WORDS for cell in header.split("\t"))
    before = above[max(0, len(above) - len(rows) - LEAD_LINES):len(above) - len(rows)]
    leads = [line for line in before if line.rstrip().endswith(":") or
             len(line.split()) <= CAPTION_WORDS or _POINTS_DOWN.search(line)]
    return leads, header if named else ""


_CODE_CELL = re.compile(r"\s*[A-Za-z0-9]{1,4}\t")
_CODE_COLUMN = re.compile(r"^\s*codes?\s*$", re.I)


def in_a_code_column(candidate: Candidate) -> bool:
    """Whether a table row opens on a cell of a column named "Code" ("6 | 'POLICE'" under
    "Code | Description"): a code, whatever its shape."""
    text = candidate.sentence.text
    header = table_parts(candidate.passage.text, candidate.sentence.start)[1]
    first = next((cell for cell in header.split("\t") if cell.strip()), "")
    return bool(_CODE_CELL.match(text)) and bool(_CODE_COLUMN.match(first))
