"""Ask: the library's own sentences that answer a question, cited, or an honest 'not found'."""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from kb import embed
from kb.claims import other_date, sentences_of
from kb.clashes import opposite_word
from kb.extract.metadata import MONTHS
from kb.extract.tables import FIGURE_CELL
from kb.facts import row_of
from kb.items import another_item, figure_of_another_item, names_a_code, names_item
from kb.models import Figure, Passage, passage_dict
from kb.names import name_stems, names
from kb.number_words import WORD_NUMBER, frequencies
from kb.numbers import counts_units_of_time, find_figures, stated_figures
from kb.query import Filters
from kb.question import (
    AGE_BOUND,
    Question,
    act_asked,
    read_question,
    restates,
    role_asked,
    terms_of,
)
from kb.sentences import FRAME, LEANS_BACK, Sentence
from kb.words import STOP, content_words, stem

if TYPE_CHECKING:
    from kb.search import SearchEngine

# calibrated on the labelled set (tests/eval/ask.jsonl): below this the library has no answer
ANSWER_THRESHOLD = 0.3
COVERAGE_MIN = 0.5
KINDS_FOR = {"percent": {"percent", "fraction"}, "rate": {"rate", "percent"},
             "money": {"money"}, "count": {"count", "fraction"},
             "time": {"date", "year", "period"},
             "change": {"count", "percent", "fraction", "rate", "money"}}
TERMINAL = (".", "!", "?", ":", ";", '"', "”", ")")
_LEADERS = re.compile(r"(?:\.\s?){4,}")  # a contents line: "Foreword . . . . . 3"
# a length of time or an age: "within one working day", "every 12 months", "up to 25"
DURATION = re.compile(
    r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|"
    r"twenty|thirty|a|an)\s+(?:working |school |calendar |consecutive |clear )?"
    r"(?:day|week|month|year|hour|minute)s?\b|\b(?:age of|aged?|under|up to)\s+\d{1,2}\b|"
    r"\b(?:aged?|between the ages of)\s+(?:between\s+|from\s+)?\d{1,2}\s+(?:and|to)\s+\d{1,2}\b|"
    r"\b\d{1,2}\s+or\s+(?:over|above|older|under)\b|\b(?:full|half)[\s-]day\b", re.I)
# who answers a "who" question: a named body, or a role
ROLE = re.compile(r"\b(?:practitioner|officer|lead|nurse|midwife|doctor|manager|board|"
                  r"authority|authorities|police|partner|head|worker|commissioner|panel|team|"
                  r"programme|agency|council|department|bodies|body|group|chair|director|"
                  r"governor|proprietor)s?\b", re.I)
IN_TOTAL = re.compile(r"\b(?:in total|altogether|all together|combined|overall|across (?:both|all|"
                      r"the (?:two|three|four))|in all)\b", re.I)
TOTAL_ROW = re.compile(r"\s*(?:grand\s+)?total\b[^\t]*\t", re.I)  # a table row labelled Total
OBJECT_BONUS = 0.1  # a name standing as the object of the question's own verb
RESTATES_BONUS = 0.15  # as much as a stated period earns, less than a figure's fit
ITEM_UNNAMED = 0.15  # half what naming another item costs (0.05 to 0.2 move the same cases)
ANSWER_DEPTH = 3  # candidates read for one that can answer (bench/fit_ask.py)
SEMANTIC_WEIGHT = 0.0  # fitted on the tuning half (bench/fit_ask.py)


@dataclass
class Citation:
    doc_id: str
    title: str
    path: str
    page: int | None
    quote: str

    def to_dict(self) -> dict[str, Any]:
        return {"doc_id": self.doc_id, "title": self.title, "path": self.path,
                "page": self.page, "quote": self.quote}


@dataclass
class Answer:
    question: str
    answer_found: bool
    answer: str | None
    citations: list[Citation] = field(default_factory=list)
    passages: list[Passage] = field(default_factory=list)
    took_ms: float = 0.0
    marked: str | None = None  # the answer with its key figure or phrase in **bold**
    confidence: float = 0.0
    period: str | None = None  # the period the question asked about

    def to_dict(self) -> dict[str, Any]:
        return {"question": self.question, "answer_found": self.answer_found,
                "answer": self.answer, "citations": [c.to_dict() for c in self.citations],
                "passages": [passage_dict(p) for p in self.passages],
                "took_ms": round(self.took_ms, 2), "marked": self.marked,
                "confidence": round(self.confidence, 3), "period": self.period}


@dataclass
class Candidate:
    passage: Passage
    sentence: Sentence
    figures: list[Figure]
    score: float = 0.0
    key: Figure | None = None
    defines: bool = False  # a row that gives the meaning of the code asked about
    covered: float = 0.0  # weighted share of the question's words in the sentence
    fit: float = 0.0
    elsewhere: bool = False  # it names only another item of a sequence the question names


def answer_question(engine: SearchEngine, question: str, k: int = 5,
                    filters: Filters | None = None) -> Answer:
    """The sentence(s) of the best passages that answer `question`, or answer_found False."""
    started = time.perf_counter()
    filters = filters or Filters()
    asked = read_question(engine, question)
    hits = engine.search(question, k=max(k, 8), mode="hybrid", filters=filters).results
    candidates = rank_sentences(asked, hits) + fact_candidates(engine, asked, hits)
    candidates.sort(key=lambda c: -c.score)
    best = pick_answer(asked, candidates)
    found = best is not None
    best = best or (candidates[0] if candidates else None)
    answer = Answer(question=question, answer_found=found, answer=None,
                    passages=list(hits[:k]), period=asked.period,
                    confidence=best.score if best else 0.0)
    if found and best is not None:
        best = complete_lead_in(asked, best)
        answer.answer = best.sentence.text
        answer.marked = mark(best)
        if (read := read_with_header(best)) is not None:
            answer.answer, answer.marked = read  # a table row, each value under its header
        answer.citations = [citation(engine, c) for c in [best, *corroborating(best, candidates)]]
        answer.passages = [best.passage, *[h for h in hits[:k] if
                                           h.passage_id != best.passage.passage_id][: k - 1]]
    answer.took_ms = (time.perf_counter() - started) * 1000
    return answer


def pick_answer(asked: Question, ranked: list[Candidate]) -> Candidate | None:
    """The best of the first few sentences that can answer: one that cannot (no figure of the
    kind asked, too little of the question) does not hide the next one that can."""
    return next((c for c in ranked[:ANSWER_DEPTH] if c.score >= ANSWER_THRESHOLD
                 and holds_answer(asked, c)), None)


def holds_answer(asked: Question, best: Candidate) -> bool:
    """A figure question needs a figure of that kind, stated for the period asked about; a
    question about a length of time needs one; a question about a code needs that code."""
    if best.covered < COVERAGE_MIN or best.elsewhere or not (
            beyond_its_name(asked, best) or sums_the_rows(asked, best)):
        return False
    if asked.wants == "duration":
        return any(_same_scale(asked.text, m.group(0)) and _counts_if_asked(asked.text, m.group(0))
                   for m in DURATION.finditer(best.sentence.text)) or says_how_often(asked, best)
    if asked.wants == "who" and (act := act_asked(asked.text)) and \
            act not in stems_of(best.sentence.text):
        return False  # "Who chairs the network?": a sentence that says nothing of chairing
    if asked.wants == "who" and (role := role_asked(asked.text)) and \
            role not in stems_of(best.sentence.text):
        return False  # "Who is the chief executive?": a sentence that names no chief executive
    if asked.wants == "define":
        return best.key is not None or best.defines
    if asked.wants == "place":
        return names_a_place(asked, best.sentence.text)
    if asked.wants == "code":
        return names_a_code(best.sentence.text)
    if asked.wants not in KINDS_FOR:
        return True
    if asked.wants == "time" and best.key is None and (
            counts_to_deadline(asked, best.sentence.text) or
            names_a_day(asked, best.sentence.text)):
        return True
    if best.key is None:
        return False
    return not asked.period or best.key.period in (None, asked.period) or \
        asked.wants == "time"


def stems_of(text: str) -> set[str]:
    """The stems of a text's words, every word counted."""
    return {stem(w.lower()) for w in re.findall(r"[A-Za-z]+", text)}


# a place named after the preposition that sets it: "held at Danbury Outdoors Centre", "in the
# 'Its My Life' festival"
PLACE = re.compile(r"\b(?:at|in|near|outside|inside)\s+(?:the\s+)?['\u2018\"]?([A-Z][\w'\u2019-]*)")


def names_a_place(asked: Question, text: str) -> bool:
    """Whether the sentence names a place the question does not already name."""
    named = stems_of(asked.text)
    return any(stem(match.group(1).lower().strip("'\u2019")) not in named and
               # "in" inside a name ("Children in Care Council") sets no place
               not (match.group(0).startswith("in") and
                    re.search(r"[A-Z][\w'\u2019-]*\s+$", text[:match.start()]))
               for match in PLACE.finditer(text))


def sums_the_rows(asked: Question, candidate: Candidate) -> bool:
    """Whether the sentence is a table's Total row and the question asks a total ("in total
    across both phases"): the row's words are its table's, read with the rows above it."""
    return asked.wants in ("count", "money") and IN_TOTAL.search(asked.text) is not None and \
        TOTAL_ROW.match(candidate.sentence.text) is not None


def beyond_its_name(asked: Question, candidate: Candidate) -> bool:
    """Whether the sentence, or the heading it stands under, holds a word of the question
    beyond those its document's name holds: a footnote of the National Framework that names
    "children's social care" answers nothing of "how many enablers does the Children's Social
    Care National Framework set out"."""
    asked_words = set(asked.terms.weights)
    rest = asked_words - asked.terms.present(terms_of(candidate.passage.known_as))
    if not rest:
        return True  # the question asks only of the document itself
    heading = (candidate.passage.section or "").split(" > ")[-1]
    return bool(rest & asked.terms.present(terms_of(f"{candidate.sentence.text} {heading}")))


HOW_OFTEN = re.compile(r"\bhow often\b|\bhow frequently\b", re.I)
# a deadline asked of ("by when must ...", "what is the deadline for ...") is met by a date or
# by a length of time counted from an event ("within five working days of the start", "no later
# than 10 days after")
DEADLINE = re.compile(r"\b(?:by|until) when\b|\bdeadline\b|\bwhen (?:must|should|shall)\b|"
                      r"\bdate by which\b|"
                      # "when is the first review held after they come into care": a time
                      # counted from the event it names
                      r"\bwhen\b[^?]{0,80}\b(?:after|following)\b", re.I)
_COUNTED_BEFORE = re.compile(r"\b(?:within|later than|more than|up to)\s+$", re.I)
_COUNTED_AFTER = re.compile(r"\s+(?:of|after|before|from)\b", re.I)


_MONTH_NAMES = "|".join(MONTHS)
# a day named in words: "the last Friday of June", "the first working day in September", "on
# their fifth birthday", "the end of the summer term"
NAMED_DAY = re.compile(
    r"\b(?:first|second|third|fourth|last|final)\s+(?:monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|(?:working\s+|school\s+)?day)\s+(?:of|in)\s+(?:" + _MONTH_NAMES + r"|the\s+"
    r"(?:month|(?:\w+\s+)?term|(?:school\s+|academic\s+)?year))\b|"
    r"\b(?:on|after|before|from|until|by)\s+(?:their|his|her|the\s+child's|the\s+young\s+"
    r"person's)\s+\w+\s+birthday\b|"
    r"\b(?:start|end|beginning)\s+of\s+the\s+(?:\w+\s+)?(?:term|school\s+year|academic\s+year|"
    r"month)\b|"
    # a day of a month without its year, either way round: "on July 10th", "by 31 March"
    r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:" + _MONTH_NAMES + r")\b|"
    r"\b(?:" + _MONTH_NAMES + r")\s+\d{1,2}(?:st|nd|rd|th)?\b", re.I)


def names_a_day(asked: Question, text: str) -> bool:
    """Whether a question of when is answered by a day named in words."""
    return asked.wants == "time" and NAMED_DAY.search(text) is not None


def counts_to_deadline(asked: Question, text: str) -> bool:
    """Whether a deadline question is answered by a length of time counted from an event."""
    return bool(DEADLINE.search(asked.text)) and any(
        _COUNTED_BEFORE.search(text[:m.start()]) or _COUNTED_AFTER.match(text, m.end())
        for m in DURATION.finditer(text))


def says_how_often(asked: Question, candidate: Candidate) -> bool:
    """A question of how often is answered by a frequency: "monthly", "twice a year"."""
    return bool(HOW_OFTEN.search(asked.text)) and bool(frequencies(candidate.sentence.text))


# "how many hours ...": a length in hours or minutes answers it, a number of years does not
_ASKED_UNIT = re.compile(r"\bhow many (?:\w+ )?(minute|hour|day|week|month|year)s?\b", re.I)
_SHORT_UNITS = {"minute", "hour"}


_A_NUMBER = re.compile(rf"\d|\b(?:one|{WORD_NUMBER})\b", re.I)


def _counts_if_asked(question: str, length: str) -> bool:
    """A question of how many days, weeks or years is answered by a number of them, not by
    "a full day"."""
    return _ASKED_UNIT.search(question) is None or _A_NUMBER.search(length) is not None


def _same_scale(question: str, length: str) -> bool:
    """Whether a length of time is on the scale the question asks in (hours and minutes, or
    days to years); a question naming no unit takes any."""
    asked = _ASKED_UNIT.search(question)
    unit = re.search(r"(minute|hour|day|week|month|year)s?\b", length, re.I)
    if asked is None or unit is None:
        return True
    return (asked.group(1).lower() in _SHORT_UNITS) == (unit.group(1).lower() in _SHORT_UNITS)


def rank_sentences(asked: Question, hits: Sequence[Passage]) -> list[Candidate]:
    candidates = []
    for rank, hit in enumerate(hits):
        heading = " ".join((hit.section or "").split(" > ")[-1].split())
        sentences = sentences_of(hit)
        for index, (text, start) in enumerate(sentences):
            before = sentences[index - 1][0] if index else ""
            if len(text.split()) < 3 or _LEADERS.search(text) or text == heading or \
                    _a_heading(hit.text, start, text):
                continue  # a contents line, or a heading: context, not an answer
            # "However, ... only 38%" speaks of what the sentence before it names, in the
            # period it names
            leant = before if LEANS_BACK.match(text) else ""
            figures = find_figures(text, _period_of(leant, hit.period) if leant else hit.period)
            if text.rstrip().endswith(":") and index + 1 < len(sentences):
                leant = sentences[index + 1][0]  # a lead-in is read with what it introduces
            candidate = Candidate(hit, Sentence(text, start, start + len(text)), figures)
            candidate.score = score(asked, candidate, hit.section or "", leant) - 0.01 * rank
            candidates.append(candidate)
    corroborate(candidates)
    if candidates and SEMANTIC_WEIGHT:
        semantic_rerank(asked, candidates)
    candidates.sort(key=lambda c: -c.score)
    return candidates


def _a_heading(passage: str, start: int, text: str) -> bool:
    """A short line of its own with no closing stop and no figure ("What a low-level concern
    is"): a heading inside the passage, not a sentence that answers."""
    alone = (start == 0 or passage[start - 1] == "\n") and \
        passage[start + len(text):start + len(text) + 1] in ("", "\n")
    return alone and len(text.split()) <= 8 and not text.rstrip().endswith(TERMINAL) and \
        not re.search(r"\d", text)


def _period_of(text: str, default: str | None) -> str | None:
    """The period a sentence's first figure is stated for: the sentence's own period, not
    that of a figure it compares with ("351 ... (53 in 2020-21)")."""
    stated = stated_figures(find_figures(text, default))
    return stated[0].period if stated and stated[0].period else default


def corroborating(best: Candidate, candidates: list[Candidate], most: int = 2
                  ) -> list[Candidate]:
    """Other passages that state the answer's figure for the same measure (the prose that
    reports a table's row): each is cited as well."""
    if best.key is None:
        return []
    found: list[Candidate] = []
    # the answer's own document first: the prose that reports its table, or the table behind
    # its prose, before another document repeating the figure
    nearby = sorted(candidates[:12], key=lambda c: c.passage.doc_id != best.passage.doc_id)
    for other in nearby:
        key = other.key
        if key is None or other.passage.passage_id == best.passage.passage_id or \
                any(c.passage.passage_id == other.passage.passage_id for c in found):
            continue
        if (key.kind, key.value, key.period) == (best.key.kind, best.key.value, best.key.period) \
                and other.covered >= COVERAGE_MIN and len(found) < most:
            found.append(other)
    return found


def complete_lead_in(asked: Question, best: Candidate) -> Candidate:
    """A sentence that ends in a colon leads into a list: the answer is the item of that list
    that best covers the question, quoted with its lead-in."""
    if not best.sentence.text.rstrip().endswith(":"):
        return best
    following = [(text, start) for text, start in sentences_of(best.passage)
                 if start > best.sentence.start]
    items = [(text, start) for text, start in following[:12] if text.startswith(("•", "◦"))]
    if not items:
        return best
    text, start = max(items, key=lambda item: asked.terms.share(
        {stem(w) for w in content_words(item[0])}))
    joined = f"{best.sentence.text} {text.lstrip('•◦ ')}"
    return Candidate(best.passage, Sentence(joined, start, start + len(text)), best.figures,
                     best.score, best.key, best.defines, best.covered, best.fit)


def fact_candidates(engine: SearchEngine, asked: Question, hits: Sequence[Passage]
                    ) -> list[Candidate]:
    """Table rows as answers: a row whose label and column hold the question's words and
    whose value is of the kind asked for ("Not relevant · Percentage · 18%")."""
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
            if code is None or fact.label.strip().lower() != code.lower():
                continue
            covered, key = max(covered, COVERAGE_MIN), None
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


def corroborate(candidates: list[Candidate]) -> None:
    """A figure that several passages state is likelier the answer than one only one states."""
    sources: dict[tuple[str, float], set[int]] = {}
    for candidate in candidates:
        if candidate.key:
            key = (candidate.key.kind, candidate.key.value)
            sources.setdefault(key, set()).add(candidate.passage.passage_id)
    for candidate in candidates:
        if candidate.key:
            others = len(sources[(candidate.key.kind, candidate.key.value)]) - 1
            candidate.score += 0.02 * min(3, others)


def semantic_rerank(asked: Question, candidates: list[Candidate], top: int = 10) -> None:
    """Blend in the model's sense of the question for the best lexical candidates; the rest
    fall behind them."""
    candidates.sort(key=lambda c: -c.score)
    shortlist = candidates[:top]
    vectors = embed.encode([c.sentence.text for c in shortlist], interactive=True)
    query = embed.encode_query(asked.text)
    for candidate, similarity in zip(shortlist, vectors @ query, strict=True):
        candidate.score = (1 - SEMANTIC_WEIGHT) * candidate.score + \
            SEMANTIC_WEIGHT * float(np.clip(similarity, 0, 1))
    floor = min((c.score for c in shortlist), default=0.0)
    for candidate in candidates[top:]:
        candidate.score = min(candidate.score, floor) - 0.01


def score(asked: Question, candidate: Candidate, section: str, leant: str = "") -> float:
    """How much of the question the sentence covers, and whether it holds what is asked for;
    `leant` is the sentence before, when this one leans on it ("However, ...", "They ...")."""
    # what a sentence sets itself beside ("In addition to the formal training set out above,
    # their knowledge should be refreshed") is its frame, read as context, not what it states
    words = terms_of(f"{FRAME.sub('', candidate.sentence.text)} {leant}")
    if asked.ages and AGE_BOUND.search(candidate.sentence.text):
        words |= asked.ages  # "a seven-year-old": the rule for those past their fifth birthday
    context = terms_of(f"{candidate.passage.known_as} {section} {candidate.passage.text}")
    covered = asked.terms.share(words, context)
    candidate.covered = covered
    value = covered
    text = candidate.sentence.text
    if restates(asked.text, text):
        value += RESTATES_BONUS  # "What is the age of consent?": "the age of consent is 16"
    if sums_the_rows(asked, candidate):
        # "how many ... in total across both phases": a table's Total row sums its rows
        candidate.covered = covered = max(covered, COVERAGE_MIN)
        value = max(value, COVERAGE_MIN) + RESTATES_BONUS
    if asked.wants in KINDS_FOR:
        fit = figure_fit(asked, candidate)
        if asked.wants == "time" and (counts_to_deadline(asked, text) or
                                      names_a_day(asked, text)):
            fit = max(fit, 0.2)  # as a duration question's length earns
        value += fit
    elif asked.wants == "who":
        named = names(text, asked.text, asked.rare) or [
            m.group(0) for m in ROLE.finditer(text) if m.group(0).lower() not in
            asked.text.lower()]
        value += (0.2 + OBJECT_BONUS * any(_object_of_asked(asked, text, name) for name in named)
                  if named else -0.3)
    elif asked.wants == "duration":
        value += 0.2 if DURATION.search(text) or says_how_often(asked, candidate) else -0.3
    elif asked.wants == "code":
        value += 0.2 if names_a_code(text) else -0.3
    elif asked.wants == "place":
        value += 0.2 if names_a_place(asked, text) else -0.3
    elif asked.wants == "define" and defines(asked, text):
        candidate.defines = True  # "CiCC: Children in Care Council", "... Council (CiCC)"
        candidate.covered = max(covered, COVERAGE_MIN)
        value = max(value, COVERAGE_MIN) + 0.2
    if asked.period and asked.wants not in ("time",):
        value += period_fit(asked, candidate)
    if sum(map(len, asked.items.values())) == 1 and \
            not names_item(asked.items, f"{text} {leant}"):
        # "How many were in Wave 2?": a sentence that names no wave (a question naming two,
        # "across Phase 1 and Phase 2", may be answered by what sums them)
        value -= ITEM_UNNAMED
    if asked.items and another_item(asked.items, f"{text} {leant}") or \
            opposite_word(asked.text, text) or another_time(asked.text, candidate) or \
            other_end(asked.text, text):
        # about another wave, phase or year group than the one asked; about the opposite act
        # or bound ("the minimum age": "the maximum age")
        candidate.elsewhere = True
        value -= 0.3
    # the sentence is about another agency or person than the one asked about, unless the
    # name asked about is its own document's ("What does KCSIE say ...")
    if asked.names and not asked.names & asked.terms.present(
            words | terms_of(candidate.passage.known_as)) and \
            name_stems(candidate.sentence.text) - asked.own and \
            not names_what_is_asked(asked.text, text):
        value -= 0.15
    return value


# when a state ends ("stop being of compulsory school age") and when it begins: a sentence
# that gives only the other end of it does not answer
_ENDS = re.compile(r"\b(?:stops?|stopped|stopping|ceases?|ceased|ceasing|ends?|ended|ending|"
                   r"finish(?:es|ed)?|no longer|until|till)\b", re.I)
_BEGINS = re.compile(r"\b(?:starts?|started|starting|begins?|began|beginning|commences?|"
                     r"commenced|becomes?|became|on or after)\b", re.I)
# a sentence that says a state is reached gives its start ("reaches compulsory school age"); a
# question's "reach" is as often reaching a decision as an age, so it asks of neither end
_BEGUN = re.compile(rf"{_BEGINS.pattern}|\breach(?:es|ed)?\b", re.I)


def other_end(question: str, text: str) -> bool:
    """Whether the question asks when a state ends and the sentence gives only when it begins,
    or the other way round ("When does a child stop being of compulsory school age?": "A
    child reaches compulsory school age on or after their fifth birthday")."""
    ends, begins = bool(_ENDS.search(question)), bool(_BEGINS.search(question))
    if ends == begins:
        return False
    said_end, said_begin = bool(_ENDS.search(text)), bool(_BEGUN.search(text))
    return said_end != said_begin and said_end != ends


_WHICH = re.compile(r"\W*(?:which|what)\s+([a-z]+s)\b", re.I)  # several things, named


def names_what_is_asked(question: str, text: str) -> bool:
    """Whether the sentence speaks of the kind of things a "Which tools ..." question asks for
    (several, so named ones): the names it gives are then the answer, not another party than the
    one asked about ("Which paragraph of the Harbour Code ..." asks of one body's paragraph)."""
    match = _WHICH.match(question)
    return match is not None and match.group(1).lower() not in STOP and \
        stem(match.group(1).lower()) in stems_of(text)


_LINKING = {"with", "to", "the", "a", "an", "their", "your", "its", "his", "her"}


def _object_of_asked(asked: Question, text: str, name: str) -> bool:
    """Whether a name stands right after one of the question's words, past a preposition or an
    article: "Meet with the DCS" names whom "who should the facilitator meet" asks for."""
    at = text.find(name)
    before = re.findall(r"[A-Za-z][A-Za-z'-]*", text[:max(0, at)])[-4:]
    while before and before[-1].lower() in _LINKING:
        before.pop()
    return bool(before) and stem(before[-1].lower()) in asked.terms.weights


# what a sentence says after a term to define it: "X is the term used for", "X means", "X
# refers to", "X is defined as", "X (AQS) are staff who"
# a closing quote, and a qualifier of the term's sense ("'Reasonable' in these circumstances
# means ..."), may stand between a term and the words that define it
_DEFINING = re.compile(r"['\u2019\"\u201d]?\s*(?:\([^()]{1,20}\)\s*)?(?:(?:in|for|within)\s+"
                       r"(?:this|these|that|those|the)\s+\w+\s+)?(?:(?:is|are)\s+(?:the\s+|a\s+)?(?:term|"
                       r"name|phrase)\s+(?:used\s+)?(?:for|to\s+describe)|(?:is|are)\s+(?:defined|"
                       r"described)\s+as|means?\b|refers?\s+to|(?:is|are)\s+used\s+to\s+(?:describe|"
                       r"mean|refer))", re.I)


_GLOSSED = re.compile(r"\s*(?:\([^()]{1,20}\)\s*)?:\s+\S")


def defines(asked: Question, text: str) -> bool:
    """Whether a sentence states the acronym a question of meaning asks about beside what the
    library's glossary says it stands for, or gives the term asked about and defines it."""
    if not asked.code:
        return False
    # the term may come up before the sentence defines it ("who give 'emergency first aid'
    # ... 'Emergency' here means ...")
    mentions = list(re.finditer(rf"(?<![\w-]){re.escape(asked.code)}(?![\w-])", text, re.I))
    if not mentions:
        return False
    if any(_DEFINING.match(text, mention.end()) for mention in mentions):
        return True
    found = mentions[0]
    # a glossary line: the term opens it and a colon gives its meaning ("Eligible child: a
    # looked-after child who ...")
    if not re.search(r"\w", text[:found.start()]) and _GLOSSED.match(text, found.end()):
        return True
    if not asked.meaning:
        return False
    return {stem(w) for w in content_words(asked.meaning)} <= \
        {stem(w) for w in content_words(text)}


_ASKS_DAY = re.compile(r"\b(?:month|date)\b", re.I)


def figure_fit(asked: Question, candidate: Candidate) -> float:
    """A bonus for a figure of the kind asked for whose measure matches; a penalty for none."""
    kinds = KINDS_FOR[asked.wants or ""]
    if asked.wants == "time" and _ASKS_DAY.search(asked.text):
        kinds = {"date"}  # "in which month and year ...": a year alone does not answer
    best, key = -0.35, None
    for figure in candidate.figures:
        if figure.kind not in kinds or figure.text in asked.codes or \
                figure.kind == "count" and figure.value in _given_counts(asked.text):
            continue  # the "903" of "the 903 return", the "two" of "its two phases": known
        if asked.wants == "time" and figure.kind in ("period", "year") and asked.period and \
                figure.period == asked.period:
            continue  # the year the question names ("the 2023 to 2024 return") is no answer
        if asked.items and figure_of_another_item(asked.items, candidate.sentence.text, figure):
            continue  # the figure is another wave's or phase's, or theirs together
        if asked.wants == "count" and counts_time(asked.text, candidate.sentence.text, figure):
            continue  # "running for 25 years" counts years, not the people asked about
        fit = 0.1 + 0.4 * asked.terms.share({stem(w) for w in figure.measure.split()})
        fit += 0.1 if figure.kind == asked.wants else 0.0
        fit += 0.1 if not (figure.inherits or figure.relative) else 0.0  # the year's own figure
        if asked.period and figure.period and figure.period != asked.period and \
                asked.wants != "time":
            fit -= 0.3  # but "when is the 2023-24 return due" is answered by a later date
        if fit > best:
            best, key = fit, figure
    candidate.key = key
    candidate.fit = best
    return best


def counts_time(question: str, text: str, figure: Figure) -> bool:
    """Whether a figure counts units of time ("for 25 years") where the question counts
    something else ("how many care leavers")."""
    return _ASKED_UNIT.search(question) is None and counts_units_of_time(text, figure)


_DATED = re.compile(rf"\b(?:{_MONTH_NAMES}|(?:19|20)\d\d)\b", re.I)


def another_time(question: str, candidate: Candidate) -> bool:
    """Whether the sentence dates its event otherwise than the question dates the thing it
    asks about ("its December 2025 meeting": "will be held on 16th September 2025"). A date
    the question takes from the document itself ("the June 2025 newsletter", read in the
    newsletter of June 25) frames the question and is no such date."""
    if not _DATED.search(question):
        return False  # most questions name no time: no sentence need be read for one
    dated = other_date(question, candidate.sentence.text)
    if dated is None:
        return False
    month = re.search(_MONTH_NAMES, dated[0], re.I)
    year = re.search(r"(?:19|20)(\d\d)", dated[0])
    passage = candidate.passage
    name = f"{passage.title} {Path(passage.path).stem}".lower().replace("_", " ")
    return not ((month is None or month.group(0).lower() in name) and
                (year is None or re.search(rf"\b(?:20)?{year.group(1)}\b", name)))


def _given_counts(question: str) -> set[float]:
    """The counts a question gives of what it asks about ("across its two phases", "both")."""
    given = {f.value for f in find_figures(question) if f.kind == "count"}
    return given | {2.0} if re.search(r"\bboth\b", question, re.I) else given


def period_fit(asked: Question, candidate: Candidate) -> float:
    stated = {f.period for f in candidate.figures if f.period}
    if asked.period in stated:
        return 0.1
    if candidate.passage.period == asked.period:
        return 0.0
    return -0.25 if stated or candidate.passage.period else -0.1


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
    header = None
    for line in reversed(cells[:at]):
        if len(line) < 2:
            break  # the table's first line is above
        if len(line) == len(cells[at]) and sum(bool(FIGURE_CELL.match(c)) for c in line[1:]) == 0 \
                and all(line[1:]):
            header = line
            break
    if header is None:
        return None
    full = cells[at]
    parts = [(h, v) for h, v in zip(header[1:], full[1:], strict=True) if v]
    key = candidate.key.text if candidate.key else None
    plain = f"{full[0]}: " + "; ".join(f"{h} {v}" for h, v in parts)
    marked = f"{full[0]}: " + "; ".join(f"{h} **{v}**" if v == key else f"{h} {v}"
                                         for h, v in parts)
    return plain, marked


def mark(candidate: Candidate) -> str:
    text = candidate.sentence.text
    key = candidate.key
    if key is None or text[key.start:key.end] != key.text:
        return text
    return f"{text[:key.start]}**{text[key.start:key.end]}**{text[key.end:]}"


def citation(engine: SearchEngine, candidate: Candidate) -> Citation:
    passage = candidate.passage
    return Citation(passage.doc_id, passage.title, passage.path,
                    engine.page_of(passage, candidate.sentence.start), candidate.sentence.text)
