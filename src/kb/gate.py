"""Ask's gate: whether a sentence can answer a question, and how much of it the sentence holds."""

from __future__ import annotations

import re

from kb import embed
from kb.answer_kinds import KINDS_FOR, Candidate, gives_contact, kind_asked, names_a_place
from kb.answer_times import (
    DURATION,
    HOW_OFTEN,
    counts_if_asked,
    lasts_until,
    same_scale,
    says_how_often,
    says_how_soon,
    times_it_in_words,
)
from kb.doers import act_asked, act_forms, role_asked
from kb.items import names_a_code
from kb.numbers import find_figures, stated_figures
from kb.question import Question, terms_of
from kb.table_answers import in_a_code_column
from kb.words import word_parts

# calibrated on the labelled set (tests/eval/ask.jsonl): below this the library has no answer
ANSWER_THRESHOLD = 0.3
COVERAGE_MIN = 0.5
# a question that sets a scene first ("A woman in her thirties says she was abused at the school
# as a pupil. What should we advise?") holds much of its weight in the scene, which an answer
# says in its own words ("an adult"), so less of it need be held: fitted on the tune halves of
# twenty sets' 45 scene questions (0.5: 20 right; 0.3 to 0.4: 22, a plateau), the plateau's most
# cautious end kept, as no set holds an unanswerable scene question to test the other side
SCENE_COVERAGE = 0.4
IN_TOTAL = re.compile(r"\b(?:in total|altogether|all together|combined|overall|across (?:both|all|"
                      r"the (?:two|three|four))|in all)\b", re.I)
TOTAL_ROW = re.compile(r"\s*(?:grand\s+)?total\b[^\t]*\t", re.I)  # a table row labelled Total
BOUND_ASKED = re.compile(r"\b(?:what|which)(?:\s+is|\s+are)?(?:\s+the)?\s+(?:maximum|minimum)\b",
                         re.I)
_INTERVAL_BEFORE = re.compile(r"\b(?:intervals?\s+of|every|each|per)\s+(?:no\s+more\s+than\s+|"
                             r"not\s+more\s+than\s+|at\s+least\s+|up\s+to\s+)?$", re.I)
_WHEN = ("year", "date", "period")
ANSWER_DEPTH = 3  # candidates read for one that can answer (bench/fit_ask.py)
# a sentence holding less of the question answers only if the model reads it close to the
# question: CLOSE_ENOUGH for one holding NEAR_COVERAGE of its words, less by CLOSE_SLOPE for each
# further share it holds (bench/fit_ask_gate.py fitted NEAR_COVERAGE on eighteen sets' tune
# halves, a plateau from 0.2 to 0.35; bench/fit_ask_line.py fitted the line on forty-three
# sets' tune halves as the most right answers among lines that let through no more wrong ones
# than the flat 0.75 did: 658 of 864 against 654, none wrong; the line of most right answers
# whatever their cost, 663 with 4 wrong, was not taken)
NEAR_COVERAGE = 0.25
CLOSE_ENOUGH = 0.85
CLOSE_SLOPE = 1.0


def pick_answer(asked: Question, ranked: list[Candidate]) -> Candidate | None:
    """The best of the first few sentences that can answer: one that cannot (no figure of the
    kind asked, too little of the question) does not hide the next one that can."""
    least = SCENE_COVERAGE if asked.scene else COVERAGE_MIN
    return next((c for c in able(asked, ranked) if c.score >= ANSWER_THRESHOLD
                 and holds_answer(asked, c, least)), None)


def able(asked: Question, ranked: list[Candidate], most: int = ANSWER_DEPTH
         ) -> list[Candidate]:
    """The first `most` sentences that could answer whatever their words (a figure of the kind
    asked, the act a who-question asks the doer of): one that cannot is passed over without
    counting towards the depth read."""
    found: list[Candidate] = []
    for candidate in ranked:
        if len(found) == most:
            break
        if holds_answer(asked, candidate, 0.0):
            found.append(candidate)
    return found


def pick_close_answer(asked: Question, ranked: list[Candidate]) -> Candidate | None:
    """When no sentence holds half the question's words: the first that could answer and holds
    some of them, if the model reads it as close to the question. A reader's own words ("how
    long may a member hold on to a borrowed book") are not the rule's ("may be kept for up to
    21 days"); the sentence must still be what the question asks for."""
    near = next((c for c in able(asked, ranked) if c.score >= ANSWER_THRESHOLD
                 and holds_answer(asked, c, NEAR_COVERAGE)), None)
    if near is None:
        return None
    # one call for both: search encodes the question as it searched it (corrected, acronyms
    # expanded), so the question as asked is seldom cached
    question, sentence = embed.encode([asked.text, near.sentence.text], interactive=True)
    needed = CLOSE_ENOUGH - CLOSE_SLOPE * (near.covered - NEAR_COVERAGE)
    return near if float(question @ sentence) >= needed else None


def holds_answer(asked: Question, best: Candidate, least: float = COVERAGE_MIN) -> bool:
    """A figure question needs a figure of that kind, stated for the period asked about; a
    question about a length of time needs one; a question about a code needs that code."""
    if best.covered < least or best.elsewhere or not (
            beyond_its_name(asked, best) or sums_the_rows(asked, best)):
        return False
    if asked.wants == "duration" and HOW_OFTEN.search(asked.text):
        # how often: a frequency, or a length of time between times ("at intervals of no more
        # than six months"); a length alone ("for three months or more") says how long
        return says_how_often(asked, best.sentence.text) or any(
            _INTERVAL_BEFORE.search(best.sentence.text[:m.start()])
            for m in DURATION.finditer(best.sentence.text))
    if asked.wants == "duration":
        return any(same_scale(asked.text, m.group(0)) and counts_if_asked(asked.text, m.group(0))
                   for m in DURATION.finditer(best.sentence.text)) or \
            says_how_often(asked, best.sentence.text) or lasts_until(asked, best.sentence.text) \
            or says_how_soon(asked, best.sentence.text)
    if asked.wants == "who" and (act := act_asked(asked.text)) and \
            not act_forms(act) & word_parts(best.sentence.text):
        return False  # "Who chairs the network?": a sentence that says nothing of chairing
    if asked.wants == "who" and (role := role_asked(asked.text)) and \
            role not in word_parts(best.sentence.text):
        return False  # "Who is the chief executive?": a sentence that names no chief executive
    if asked.wants == "define":
        return best.key is not None or best.defines
    if asked.wants == "place":
        return names_a_place(asked, best.sentence.text)
    if asked.wants == "code":
        return names_a_code(best.sentence.text) or in_a_code_column(best)
    if asked.wants == "contact":
        return gives_contact(asked, best.sentence.text)
    if asked.wants is None and (kind := kind_asked(asked.text)) and \
            kind not in word_parts(best.sentence.text):
        return False  # "Which audit ...?": a sentence that names no audit
    if asked.wants is None and BOUND_ASKED.search(asked.text):
        # "what maximum caseload", "what minimum experience": a bound is a figure of some kind
        # (a date says when, not how much: "since February 2023" bounds nothing; nor does a
        # figure the question states itself: "before their eighteenth birthday")
        given = {(f.kind, f.value) for f in find_figures(asked.text)}
        return any(f.kind not in _WHEN and (f.kind, f.value) not in given
                   for f in stated_figures(best.figures)) or \
            DURATION.search(best.sentence.text) is not None
    if asked.wants not in KINDS_FOR:
        return True
    if asked.wants == "time" and best.key is None and times_it_in_words(asked, best.sentence.text):
        return True
    if best.key is None:
        return False
    return not asked.period or best.key.period in (None, asked.period) or \
        asked.wants == "time"


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
