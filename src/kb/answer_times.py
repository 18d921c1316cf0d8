"""Answer times: whether a sentence gives the time a question asks for (a length of time, a
deadline, a day named in words, a frequency, the circumstances a thing may be done in, the
end of a state asked of, the event a thing is kept until), and whether it dates its event
otherwise than the question does.

Every rule here names a pattern of English, not a case; each is tested on sentences written
for the test (tests/test_ask.py).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kb.claims import other_date
from kb.extract.metadata import MONTHS
from kb.models import Figure
from kb.number_words import WORD_NUMBER, frequencies
from kb.numbers import counts_units_of_time

if TYPE_CHECKING:
    from kb.question import Question

# a length of time or an age: "within one working day", "every 12 months", "up to 25"
DURATION = re.compile(
    r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|"
    r"twenty|thirty|a|an)[\s-]+(?:working |school |calendar |consecutive |clear )?"
    r"(?:day|week|month|year|hour|minute)s?\b|\b(?:age of|aged?|under|up to)\s+\d{1,2}\b|"
    r"\b(?:aged?|between the ages of)\s+(?:between\s+|from\s+)?\d{1,2}\s+(?:and|to)\s+\d{1,2}\b|"
    r"\b\d{1,2}\s+or\s+(?:over|above|older|under)\b|\b(?:full|half)[\s-]day\b|"
    # an age said as the decade of life it falls in: "in her 20s", "until their early teens"
    r"\b(?:in|until|into|by)\s+(?:his|her|their|my|your|our)\s+(?:early\s+|mid-?\s*|late\s+)?"
    r"(?:[1-9]0s|teens|twenties|thirties|forties|fifties|sixties|seventies|eighties)\b", re.I)


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
_WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"


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
    r"\b(?:" + _MONTH_NAMES + r")\s+\d{1,2}(?:st|nd|rd|th)?\b|"
    # hours of the day and days of the week a service keeps: "8:00 to 13:00", "9am - 5pm",
    # "Monday to Friday"
    r"\b\d{1,2}(?:[:.]\d{2}\s*(?:am|pm)?|\s*(?:am|pm))\s*(?:to|until|till|-|\u2013)\s*"
    r"\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)?\b|"
    r"\b(?:" + _WEEKDAYS + r")\s*(?:to|until|till|-|\u2013)\s*(?:" + _WEEKDAYS + r")\b", re.I)


def names_a_day(asked: Question, text: str) -> bool:
    """Whether a question of when is answered by a day named in words."""
    return asked.wants == "time" and NAMED_DAY.search(text) is not None


# "When may a council depart from the guidance?", "When might it not be appropriate to ...?":
# asked in the present with a modal, "when" asks in what circumstances as often as at what time
# ("by when", "when did" ask a time alone); so does "when does the guidance say they should"
_WHEN_IN_WHAT_CASE = re.compile(r"(?<!\bby )\bwhen\s+(?:may|might|can|could|should|would|must|"
                                r"is\s+it|are|(?:does|do)\s+[^?]{1,60}?\b(?:say|suggest|"
                                r"advise|expect)s?\b[^?]{1,40}?\b(?:may|might|can|could|"
                                r"should|must))\b", re.I)
# a sentence that sets out the circumstances: "in exceptional circumstances", "where ...",
# "only if ...", "unless ...", "once the review is known"
_CIRCUMSTANCE = re.compile(r"\b(?:circumstances?|where|if|unless|once|only\s+when|only\s+as|"
                           r"in\s+(?:cases?|situations?)\s+(?:where|when|of)|"
                           # "as a temporary measure when absolutely necessary", "as a last
                           # resort": the cases a thing is kept for
                           r"as\s+a\s+(?:temporary|last|short-term)\s+(?:measure|resort|"
                           r"arrangement)|when\s+(?:\w+ly\s+)?(?:necessary|needed|required|"
                           r"appropriate|justified))\b", re.I)


def states_circumstances(asked: Question, text: str) -> bool:
    """Whether a question of when a thing may be done is answered by a sentence setting out the
    circumstances in which it may."""
    return asked.wants == "time" and _WHEN_IN_WHAT_CASE.search(asked.text) is not None and \
        _CIRCUMSTANCE.search(text) is not None


def counts_to_deadline(asked: Question, text: str) -> bool:
    """Whether a deadline question is answered by a length of time counted from an event."""
    return bool(DEADLINE.search(asked.text)) and any(
        _COUNTED_BEFORE.search(text[:m.start()]) or _COUNTED_AFTER.match(text, m.end())
        for m in DURATION.finditer(text))


# a time set by an event rather than a date: "before they take up post", "prior to the first
# visit", "no later than the start of term", "as soon as practicable after"
_BY_EVENT = re.compile(r"\b(?:before|prior\s+to|no\s+later\s+than|by\s+the\s+time|"
                       r"at\s+the\s+(?:start|point|time|outset)\s+of|upon|on\s+(?:arrival|"
                       r"appointment|entry|admission))\s+(?:\w+\s+){0,3}?(?:they|he|she|it|the|"
                       r"their|his|her|a|an|any)\b", re.I)


def by_an_event(asked: Question, text: str) -> bool:
    """Whether a deadline question ("By when must she show her certificate?") is answered by a
    sentence that sets the time by an event ("before they take up post")."""
    return bool(DEADLINE.search(asked.text)) and _BY_EVENT.search(text) is not None


def times_it_in_words(asked: Question, text: str) -> bool:
    """Whether a question of when is answered without a date: a length counted to a deadline,
    an event the time is set by, a day named in words, the circumstances a thing is done in."""
    return counts_to_deadline(asked, text) or by_an_event(asked, text) or \
        names_a_day(asked, text) or states_circumstances(asked, text)


def says_how_often(asked: Question, text: str) -> bool:
    """A question of how often is answered by a frequency: "monthly", "twice a year"."""
    return bool(HOW_OFTEN.search(asked.text)) and bool(frequencies(text))


# "how many hours ...": a length in hours or minutes answers it, a number of years does not
_ASKED_UNIT = re.compile(r"\bhow many (?:\w+ )?(minute|hour|day|week|month|year)s?\b", re.I)


_SHORT_UNITS = {"minute", "hour"}


_A_NUMBER = re.compile(rf"\d|\b(?:one|{WORD_NUMBER})\b", re.I)


def counts_if_asked(question: str, length: str) -> bool:
    """A question of how many days, weeks or years is answered by a number of them, not by
    "a full day"."""
    return _ASKED_UNIT.search(question) is None or _A_NUMBER.search(length) is not None


_SPAN_ASKED = re.compile(r"\bhow\s+far\s+(?:back|ahead|forward|in\s+advance)\b", re.I)


def same_scale(question: str, length: str) -> bool:
    """Whether a length of time is on the scale the question asks in (hours and minutes, or
    days to years); a question naming no unit takes any."""
    asked = _ASKED_UNIT.search(question)
    unit = re.search(r"(minute|hour|day|week|month|year)s?\b", length, re.I)
    if unit is None and _SPAN_ASKED.search(question):
        return False  # "how far ahead": a span of time, not an age ("aged 16 or 17")
    if asked is None or unit is None:
        return True
    return (asked.group(1).lower() in _SHORT_UNITS) == (unit.group(1).lower() in _SHORT_UNITS)


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


def counts_time(question: str, text: str, figure: Figure) -> bool:
    """Whether a figure counts units of time ("for 25 years") where the question counts
    something else ("how many care leavers")."""
    return _ASKED_UNIT.search(question) is None and counts_units_of_time(text, figure)


_DATED = re.compile(rf"\b(?:{_MONTH_NAMES}|(?:19|20)\d\d)\b", re.I)


def another_time(question: str, text: str, known_as: str) -> bool:
    """Whether the sentence dates its event otherwise than the question dates the thing it
    asks about ("its December 2025 meeting": "will be held on 16th September 2025"). A date
    the question takes from the document itself ("the June 2025 newsletter", read in the
    newsletter of June 25, its `known_as`) frames the question and is no such date."""
    if not _DATED.search(question):
        return False  # most questions name no time: no sentence need be read for one
    dated = other_date(question, text)
    if dated is None:
        return False
    month = re.search(_MONTH_NAMES, dated[0], re.I)
    year = re.search(r"(?:19|20)(\d\d)", dated[0])
    name = known_as.lower()
    return not ((month is None or month.group(0).lower() in name) and
                (year is None or re.search(rf"\b(?:20)?{year.group(1)}\b", name)))


# how long something is kept or lasts, given as the event it lasts until: "retained at least
# until the individual leaves their employment", "until the accused has reached pension age"
_HOW_LONG_KEPT = re.compile(r"\bhow\s+long\b.*\b(?:keep|kept|retain\w*|hold|held|stay\w*|remain\w*|"
                            r"last\w*|store\w*)\b", re.I)
_UNTIL_EVENT = re.compile(r"\buntil\s+(?:the|their|they|he|she|it|a|an|his|her)\s+\w+", re.I)


# how soon a thing is to be done, asked ("how quickly", "how soon", "how far ahead") and said in
# words of speed rather than as a length of time: "is provided promptly", "should act without
# delay", "planned as early as possible"
_HOW_SOON = re.compile(r"\bhow\s+(?:soon|quickly|fast|promptly|swiftly|early|far\s+ahead|"
                       r"far\s+in\s+advance)\b", re.I)
_SPEED = re.compile(r"\b(?:promptly|immediately|without\s+(?:undue\s+|any\s+)?delay|"
                    r"as\s+(?:soon|early)\s+as\s+(?:possible|practicable|reasonably\s+"
                    r"practicable)|in\s+good\s+time|well\s+in\s+advance|"
                    r"straight\s*away|at\s+once|right\s+away|urgently|swiftly|quickly|"
                    r"in\s+a\s+timely\s+(?:way|manner|fashion)|on\s+the\s+same\s+day)\b", re.I)


def says_how_soon(asked: Question, text: str) -> bool:
    """Whether a question of how soon a thing is done is answered by a word of speed."""
    return _HOW_SOON.search(asked.text) is not None and _SPEED.search(text) is not None


def lasts_until(asked: Question, text: str) -> bool:
    """Whether a question of how long a thing is kept is answered by the event it is kept
    until."""
    return _HOW_LONG_KEPT.search(asked.text) is not None and \
        _UNTIL_EVENT.search(text) is not None
