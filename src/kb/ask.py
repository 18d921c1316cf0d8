"""Ask: the library's own sentences that answer a question, cited, or an honest 'not found'."""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from kb import embed
from kb.answer_context import (
    across_the_page,
    complete_lead_in,
    heads_a_table,
    with_antecedent,
    with_its_lead,
    with_its_notes,
    with_sequel,
    with_what_follows,
)
from kb.answer_kinds import (
    CONTACT_FRAME,
    GLOSS_FRAME,
    KINDS_FOR,
    Candidate,
    defines,
    figure_fit,
    gives_a_reason,
    gives_an_example,
    gives_contact,
    glosses_what_is_asked,
    lists_what_is_asked,
    names_a_place,
    names_what_is_asked,
    object_of_asked,
    period_fit,
)
from kb.answer_times import (
    DURATION,
    another_time,
    lasts_until,
    other_end,
    says_how_often,
    says_how_soon,
    times_it_in_words,
)
from kb.categories import category_answer
from kb.clashes import other_kind
from kb.doers import another_doer
from kb.gate import (
    COVERAGE_MIN,
    pick_answer,
    pick_close_answer,
    sums_the_rows,
)
from kb.items import another_item, names_a_code, names_item
from kb.lists import named_in_turn
from kb.models import Passage, passage_dict
from kb.names import NAME_RUN, name_stems, names
from kb.numbers import find_figures, stated_figures
from kb.opposites import opposite_word
from kb.polar import answering_yes_or_no, denies_the_question, denying_answer
from kb.query import Filters
from kb.question import (
    AGE_BOUND,
    Question,
    read_question,
    restates,
    says_it_of,
    terms_of,
)
from kb.readings import names_again, sentences_of
from kb.sentences import FRAME, LEANS_BACK, PART_OF, Sentence, a_heading
from kb.swaps import QUOTED
from kb.table_answers import fact_candidates, in_a_code_column, read_with_header, table_title
from kb.words import shares_a_run, stem

if TYPE_CHECKING:
    from kb.search import SearchEngine

_LEADERS = re.compile(r"(?:\.\s?){4,}")  # a contents line: "Foreword . . . . . 3"
# a sentence that sends the reader elsewhere ("To read the full briefing, visit here:",
# "Additional advice can be found at:", "Available from: ..."): it answers where to read
# more, and nothing else
_POINTS_ELSEWHERE = re.compile(
    r"^\W*(?:(?:To\s+(?:read|find\s+out|learn|access|see|view|download)\b[^.]{0,80}?,\s*)?"
    r"(?:visit|go\s+to|click)\s+(?:here|the\s+link)\b|"
    r"(?:Further|More|Additional)\s+(?:information|advice|details|guidance|support)\b[^.]{0,80}?"
    r"\b(?:can\s+be\s+found|is\s+available|are\s+available)\s+(?:here|at|from|on)\b|"
    r"Available\s+(?:from|at)\s*:|Accessed\b)", re.I)
# a question after a source: where to read more, whose guidance, which resource
_ASKS_SOURCE = re.compile(r"\b(?:where|guidance|advice|information|resources?|toolkits?|read|"
                          r"find|websites?|links?|materials?|publications?|sources?|refer|"
                          r"point|send|signpost|whose)\b", re.I)
# who answers a "who" question: a named body, or a role
ROLE = re.compile(r"\b(?:practitioner|officer|lead|nurse|midwife|doctor|manager|board|"
                  r"authority|authorities|police|partner|head|worker|commissioner|panel|team|"
                  r"programme|agency|council|department|bodies|body|group|chair|director|"
                  r"governor|proprietor|carer|staff|teacher|leader|coordinator|adviser|"
                  r"advisor|parent|guardian|paediatrician|clinician|visitor|"
                  r"professional)s?\b", re.I)
OBJECT_BONUS = 0.1  # a name standing as the object of the question's own verb
RESTATES_BONUS = 0.15  # as much as a stated period earns, less than a figure's fit
ITEM_UNNAMED = 0.15  # half what naming another item costs (0.05 to 0.2 move the same cases)
# a sentence holding a run of the question's words in its order ("what does life story work
# help children to do": "Life story work helps children ...") names the thing as the question
# names it: fitted on the tune halves of all sets (runs of 3, 4, 5 words at 0.03 to 0.1: 4
# words at 0.05 best, +2; its neighbours +1, 0.1 -2)
RUN_WORDS = 4
RUN_BONUS = 0.05
REASON_BONUS = 0.05  # tune halves: 0.05, 0.1 and 0.2 each +1; the least that does it kept
SEMANTIC_WEIGHT = 0.0  # fitted on the tuning half (bench/fit_ask.py)


@dataclass
class Citation:
    doc_id: str
    title: str
    path: str
    page: int | None
    quote: str
    page_end: int | None = None  # the page the quote ends on, where a page break cuts it

    def to_dict(self) -> dict[str, Any]:
        return {"doc_id": self.doc_id, "title": self.title, "path": self.path,
                "page": self.page, "quote": self.quote,
                "page_end": self.page if self.page_end is None else self.page_end}


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
    # "no" where a yes/no question's answering sentence denies it; the things a question asks
    # a number of, where the sentence letters them ("the local authority, ... and the police")
    reply: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"question": self.question, "answer_found": self.answer_found,
                "answer": self.answer, "citations": [c.to_dict() for c in self.citations],
                "passages": [passage_dict(p) for p in self.passages],
                "took_ms": round(self.took_ms, 2), "marked": self.marked,
                "confidence": round(self.confidence, 3), "period": self.period,
                "reply": self.reply}


def answer_question(engine: SearchEngine, question: str, k: int = 5,
                    filters: Filters | None = None) -> Answer:
    """The sentence(s) of the best passages that answer `question`, or answer_found False."""
    started = time.perf_counter()
    filters = filters or Filters()
    asked = read_question(engine, question)
    hits = engine.search(question, k=max(k, 8), mode="hybrid", filters=filters).results
    hits = hits + engine.named_document_hits(question, hits, filters)
    candidates = rank_sentences(asked, hits) + fact_candidates(engine, asked, hits, COVERAGE_MIN)
    candidates.sort(key=lambda c: -c.score)
    # a case set out, then "which category fits?": the coded section that describes the case
    category = category_answer(engine, question, filters)
    best = category.candidate if category else pick_answer(asked, candidates) or \
        pick_close_answer(asked, candidates) or denying_answer(engine, asked, candidates)
    said_no = None
    if best is not None and category is None:
        best, said_no = answering_yes_or_no(engine, asked, candidates, best)
    found = best is not None
    best = best or (candidates[0] if candidates else None)
    answer = Answer(question=question, answer_found=found, answer=None,
                    passages=list(hits[:k]), period=asked.period,
                    confidence=best.score if best else 0.0)
    if found and best is not None:
        picked = best.sentence.text
        best = with_its_notes(engine, asked, with_antecedent(with_its_lead(
            engine, complete_lead_in(engine, asked, across_the_page(engine, best)))))
        if asked.wants is None:
            best = with_what_follows(with_sequel(best))
        if best.sentence.text != picked:
            said_no = None  # read with more than the sentence chosen: read again
        answer.answer = best.sentence.text
        answer.marked = mark(best)
        if category is not None:
            answer.reply = category.name
            answer.answer, answer.marked = f"{category.name}: {answer.answer}", \
                f"**{category.name}**: {answer.marked}"
        elif (read := read_with_header(best)) is not None:
            answer.answer, answer.marked = read  # a table row, each value under its header
        elif said_no if said_no is not None else denies_the_question(engine, question, best):
            answer.reply = "no"
            answer.answer, answer.marked = f"No. {answer.answer}", f"**No.** {answer.marked}"
        elif (named := named_in_turn(question, answer.answer)) is not None:
            # "Who are the three partners?": the three, as the sentence letters them
            answer.reply = named
            answer.answer, answer.marked = f"{named[0].upper()}{named[1:]}. {answer.answer}", \
                f"**{named[0].upper()}{named[1:]}.** {answer.marked}"
        answer.citations = [citation(engine, c) for c in [best, *corroborating(best, candidates)]]
        answer.passages = [best.passage, *[h for h in hits[:k] if
                                           h.passage_id != best.passage.passage_id][: k - 1]]
    answer.took_ms = (time.perf_counter() - started) * 1000
    return answer


def _other_kind(question: str, candidate: Candidate) -> bool:
    """Whether the sentence speaks of another kind of the thing asked about ("on a regular
    basis" for "on a one-off basis"); a qualifier its document's name holds is what all of it
    is of ("one pathfinder area": "one local area" in the pathfinder's report)."""
    kind = other_kind(question, candidate.sentence.text)
    return kind is not None and \
        stem(kind[0].split()[0].lower()) not in terms_of(candidate.passage.known_as)


def rank_sentences(asked: Question, hits: Sequence[Passage]) -> list[Candidate]:
    candidates = []
    source_asked = bool(_ASKS_SOURCE.search(asked.text))
    for rank, hit in enumerate(hits):
        heading = " ".join((hit.section or "").split(" > ")[-1].split())
        sentences = sentences_of(hit)
        for index, (text, start) in enumerate(sentences):
            before = sentences[index - 1][0] if index else ""
            elsewhere_only = not source_asked and bool(_POINTS_ELSEWHERE.match(text))
            if len(text.split()) < (2 if "\t" in text else 3) or _LEADERS.search(text) or \
                    text == heading or \
                    a_heading(hit.text, start, text) or heads_a_table(hit.text, start, text) \
                    or elsewhere_only:
                continue  # a contents line, a heading or a pointer: context, not an answer
            # "However, ... only 38%" speaks of what the sentence before it names, in the
            # period it names
            leant = before if LEANS_BACK.match(text) or names_again(text, before) else ""
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
    # the part a sentence counts ("Of these 38 items, 24 are ...") is not the whole the sentence
    # before names: those words are the part's context (its passage), not what the part is
    own = "" if PART_OF.match(candidate.sentence.text) else leant
    words = terms_of(f"{FRAME.sub('', candidate.sentence.text)} {own} "
                     f"{table_title(candidate.passage.text, candidate.sentence.start)}")
    if glosses_what_is_asked(asked, candidate.sentence.text):
        words |= GLOSS_FRAME  # the line is the glossary's entry for the term asked about
    if asked.wants == "contact" and gives_contact(asked, candidate.sentence.text):
        words |= CONTACT_FRAME  # "the helpline number": "a helpline on 01632 960 412"
    if asked.ages and AGE_BOUND.search(candidate.sentence.text):
        words |= asked.ages  # "a seven-year-old": the rule for those past their fifth birthday
    # the words that name the document the question says to look in, where it is that one:
    # its context, as its title is
    context = terms_of(f"{candidate.passage.known_as} {section} {candidate.passage.text}") | \
        asked.naming.get(candidate.passage.doc_id, frozenset())
    covered = asked.terms.share(words, context)
    candidate.covered = covered
    value = covered
    text = candidate.sentence.text
    if restates(asked.text, text) or lists_what_is_asked(asked.text, text) or \
            gives_an_example(asked.text, text) or says_it_of(asked.text, text):
        value += RESTATES_BONUS  # "What is the age of consent?": "the age of consent is 16"
    if shares_a_run(asked.text, text, RUN_WORDS) or quotes_the_phrase(asked.text, text):
        # "life story work helps children", "who counted as 'other managers'": the question's
        # own phrase
        value += RUN_BONUS
    if asked.why and gives_a_reason(text):
        value += REASON_BONUS  # "Why might a child have a UPN at two?": "..., so children may"
    if sums_the_rows(asked, candidate):
        # "how many ... in total across both phases": a table's Total row sums its rows
        candidate.covered = covered = max(covered, COVERAGE_MIN)
        value = max(value, COVERAGE_MIN) + RESTATES_BONUS
    if asked.wants in KINDS_FOR:
        fit = figure_fit(asked, candidate)
        if asked.wants == "time" and times_it_in_words(asked, text):
            fit = max(fit, 0.2)  # as a duration question's length earns
        value += fit
    elif asked.wants == "who":
        named = names(text, asked.text, asked.rare) or [
            m.group(0) for m in ROLE.finditer(text) if m.group(0).lower() not in
            asked.text.lower()]
        value += (0.2 + OBJECT_BONUS * any(object_of_asked(asked, text, name) for name in named)
                  if named else -0.3)
    elif asked.wants == "duration":
        value += 0.2 if DURATION.search(text) or says_how_often(asked, text) or \
            lasts_until(asked, text) or says_how_soon(asked, text) else -0.3
    elif asked.wants == "code":
        value += 0.2 if names_a_code(text) or in_a_code_column(candidate) else -0.3
    elif asked.wants == "contact":
        value += 0.2 if gives_contact(asked, text) else -0.3
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
            opposite_word(asked.text, text) or _other_kind(asked.text, candidate) or \
            another_time(asked.text, text, candidate.passage.known_as) or \
            other_end(asked.text, text) or another_doer(asked.text, text):
        # about another wave, phase or year group than the one asked; about the opposite act
        # or bound ("the minimum age": "the maximum age"); another doer's duty ("the local
        # authority must review" for "how often should a school review")
        candidate.elsewhere = True
        value -= 0.3
    # the sentence is about another agency or person than the one asked about, unless the
    # name asked about is its own document's ("What does KCSIE say ...") or the sentence's
    # name is what the question's own verb is done to ("suggested a YouTube video": what did
    # they suggest)
    if asked.names and not asked.names & asked.terms.present(
            words | terms_of(candidate.passage.known_as)) and \
            name_stems(candidate.sentence.text) - asked.own and \
            not names_what_is_asked(asked.text, text) and \
            not any(object_of_asked(asked, text, name) for name in _names_within(text)):
        value -= 0.15
    return value


def quotes_the_phrase(question: str, text: str) -> bool:
    """Whether the text holds whole a phrase of two words or more the question quotes."""
    said = " ".join(re.findall(r"[a-z0-9]+", text.lower()))
    return any(len(words := re.findall(r"[a-z0-9]+", m.group(1).lower())) > 1 and
               re.search(rf"\b{' '.join(words)}\b", said) is not None
               for m in QUOTED.finditer(question))


def _names_within(text: str) -> list[str]:
    """The names a sentence gives inside a clause, after a word in lower case ("suggested a
    YouTube video"); not a capital that opens the sentence or a clause ("14 - Changed to")."""
    return [match.group(0) for match in NAME_RUN.finditer(text)
            if re.search(r"[a-z]\s+$", text[:match.start()])]


def mark(candidate: Candidate) -> str:
    text = candidate.sentence.text
    key = candidate.key
    if key is None or text[key.start:key.end] != key.text:
        return text
    return f"{text[:key.start]}**{text[key.start:key.end]}**{text[key.end:]}"


def citation(engine: SearchEngine, candidate: Candidate) -> Citation:
    passage = candidate.passage
    sentence = candidate.sentence
    page, page_end = engine.pages_of(passage, sentence.start, sentence.end)
    if candidate.runs_to is not None:
        page_end = candidate.runs_to  # read on over a page break into the next passage
    return Citation(passage.doc_id, passage.title, passage.path, page, sentence.text, page_end)
