"""Answer kinds: whether a sentence gives the kind of thing a question asks for (a figure of the
measure asked, a place, a name, a meaning, the list asked for), and whether it speaks of
another item than the one asked about. Times asked for are read in kb.answer_times.

Every rule here names a pattern of English, not a case; each is tested on sentences written
for the test (tests/test_ask.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kb.answer_times import counts_time
from kb.counted import counts_another, own_date_fit
from kb.items import figure_of_another_item
from kb.models import Figure, Passage
from kb.number_words import NUMBER_WORDS, WORD_NUMBER, word_value
from kb.numbers import find_figures
from kb.question import PASSED_ON, Question, terms_of
from kb.sentences import Sentence
from kb.words import STOP, content_words, stem, word_parts

KINDS_FOR = {"percent": {"percent", "fraction"}, "rate": {"rate", "percent"},
             "money": {"money"}, "count": {"count", "fraction"},
             "time": {"date", "year", "period"},
             "change": {"count", "percent", "fraction", "rate", "money"}}


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
    runs_to: int | None = None  # the page a page break carries it on to, read across it


# a place named after the preposition that sets it: "held at Danbury Outdoors Centre", "in the
# 'Its My Life' festival"
PLACE = re.compile(r"\b(?:at|in|near|outside|inside)\s+(?:the\s+)?['\u2018\"]?([A-Z][\w'\u2019-]*)")


# where something is, said as how far it reaches ("works internationally", "runs nationwide")
_SCOPE_OF_PLACE = re.compile(r"\b(?:internationally|nationally|locally|regionally|worldwide|"
                             r"globally|overseas|abroad|nationwide|countrywide)\b", re.I)


# whom something is passed on to: named after "to" ("should be reported directly to the local
# authority designated officer") or as the one to contact
DESTINATION = re.compile(r"\b(?:report|refer|pass|sen[dt]|escalat|forward|notif)\w*\s+"
                         r"(?:[\w/()-]+\s+){0,3}?to\s+(?:the\s+|a\s+|an\s+|their\s+|your\s+|its\s+)?"
                         r"([A-Za-z][\w'\u2019-]*)|\bcontact(?:ing|ed|s)?"
                         r"\s+(?:the\s+|their\s+|your\s+)?([A-Za-z][\w'\u2019-]*)", re.I)


def names_a_place(asked: Question, text: str) -> bool:
    """Whether the sentence names a place the question does not already name (or, asked where
    something is passed on, one it is passed on to)."""
    named = word_parts(asked.text)
    if PASSED_ON.search(asked.text) and any(
            (word := (match.group(1) or match.group(2)).lower()) not in STOP and
            stem(word.strip("'\u2019")) not in named for match in DESTINATION.finditer(text)):
        return True
    if (scope := _SCOPE_OF_PLACE.search(text)) and stem(scope.group(0).lower()) not in named:
        return True  # "works internationally": where, said as how far it reaches
    return any(stem(match.group(1).lower().strip("'\u2019")) not in named and
               # "in" inside a name ("Children in Care Council") sets no place
               not (match.group(0).startswith("in") and
                    re.search(r"[A-Z][\w'\u2019-]*\s+$", text[:match.start()]))
               for match in PLACE.finditer(text))


_WHICH = re.compile(r"\W*(?:which|what)\s+([a-z]+s)\b", re.I)  # several things, named


def names_what_is_asked(question: str, text: str) -> bool:
    """Whether the sentence speaks of the kind of things a "Which tools ..." question asks for
    (several, so named ones): the names it gives are then the answer, not another party than the
    one asked about ("Which paragraph of the Harbour Code ..." asks of one body's paragraph)."""
    match = _WHICH.match(question)
    return match is not None and match.group(1).lower() not in STOP and \
        stem(match.group(1).lower()) in word_parts(text)


# "Which audit does ...?", "What report did ...?": one thing of a kind, named by the answer;
# not a kind any answer may say in its own words ("which body", "what part")
_WHICH_ONE = re.compile(r"\W*(?:which|what)\s+([a-z]{4,})\s+(?:does|did|do|is|was|will|would|"
                        r"should|must|can|has|have|had)\b", re.I)
_ANY_WORDS = {"body", "bodies", "organisation", "organization", "agency", "person", "part",
              "section", "document", "kind", "type", "year", "month", "date", "time", "number",
              "percentage", "proportion", "rate", "figure", "amount", "term", "word", "role",
              "team", "service", "group", "level", "stage", "point", "information", "action",
              "steps", "support", "help", "advice", "guidance", "reason", "purpose", "approach"}


def kind_asked(question: str) -> str | None:
    """The stem of the kind of thing a "Which audit does ...?" question asks for one of."""
    match = _WHICH_ONE.match(question)
    if match is None or match.group(1).lower() in _ANY_WORDS | STOP or \
            match.group(1).lower().endswith("s"):
        return None
    return stem(match.group(1).lower())


_LINKING = {"with", "to", "the", "a", "an", "their", "your", "its", "his", "her"}


def object_of_asked(asked: Question, text: str, name: str) -> bool:
    """Whether a name stands right after one of the question's words, past a preposition or an
    article: "Meet with the DCS" names whom "who should the facilitator meet" asks for."""
    at = text.find(name)
    before = re.findall(r"[A-Za-z][A-Za-z'-]*", text[:max(0, at)])[-4:]
    while before and before[-1].lower() in _LINKING:
        before.pop()
    return bool(before) and stem(before[-1].lower()) in asked.terms.weights


# the ways to reach someone a question may ask for, each with the form an answer gives it in:
# a UK telephone number ("0344 381 4772", "+44 20 7946 0000"), an email address, a web
# address, a postal address (its postcode)
CONTACTS = {
    "email": (re.compile(r"\be-?mail\b", re.I), re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")),
    "post": (re.compile(r"\b(?:postal|post|write|letter)\b", re.I),
             re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b")),
    "web": (re.compile(r"\b(?:website|web\s+(?:address|page|site)|url|online\s+at)\b", re.I),
            re.compile(r"\bhttps?://\S+|\bwww\.\S+|(?<![@\w.-])[\w-]+(?:\.[\w-]+)*\.(?:gov|org|co|ac|"
                       r"nhs|police)\.uk\b|(?<![@\w.-])[\w-]+\.(?:com|org|net)\b|"
                       # a website named by its name: "the Family Connect website"
                       r"(?-i:\b(?!(?:The|A|An|This|That|Our|Their|Its|Your|Each|Every|Any)\b)[A-Z][\w'-]*"
                       r"(?:\s+[A-Z][\w'-]*){0,4})\s+web\s*site\b", re.I)),
    "phone": (re.compile(r"\b(?:tele)?phone|helpline|mobile|fax|ring|call|dial|number\b", re.I),
              re.compile(r"(?<![\d.,])(?:\+44\s?|0)\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}(?!\d|[.,]\d)")),
}


# the words a question names a way to reach someone by, which the number or address itself
# gives ("the helpline number": "a helpline on 01632 960 412")
CONTACT_FRAME = frozenset(stem(w) for w in ("number", "telephone", "phone", "email", "e-mail",
                                            "address", "website", "web", "url", "postal"))


def gives_contact(asked: Question, text: str) -> bool:
    """Whether a sentence gives the way to reach someone the question asks for: the first
    of email, post, web and telephone its words ask about."""
    for asking, given in CONTACTS.values():
        if asking.search(asked.text):
            return given.search(text) is not None
    return False


# what a sentence says after a term to define it: "X is the term used for" (or "the umbrella
# term for"), "X means", "X refers to", "X is defined as", "X (AQS) are staff who"
# a closing quote, and a qualifier of the term's sense ("'Reasonable' in these circumstances
# means ..."), may stand between a term and the words that define it
_DEFINING = re.compile(r"['\u2019\"\u201d]?\s*(?:\([^()]{1,20}\)\s*)?(?:(?:in|for|within)\s+"
                       r"(?:this|these|that|those|the|an?)\s+(?:[\w-]+\s+){1,2})?(?:(?:is|are)\s+"
                       r"(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+)?(?:term|name|phrase)\s+(?:used\s+)?"
                       r"(?:for|to\s+describe)|(?:is|are)\s+(?:defined|described)\s+as|means?\b|"
                       r"refers?\s+to|(?:is|are)\s+used\s+to\s+(?:describe|mean|refer))", re.I)


# a term in quotes glossed by the clause after it ("techniques such as 'cuffing', where a
# phone is hidden in a sleeve"), or named after what it is ("a flat, often called a 'base'")
_QUOTED_GLOSS = re.compile(r"['\u2019\"\u201d]\s*,\s*(?:where|whereby|in\s+which|i\.e\.|that\s+is|"
                           r"which\s+(?:is|are|means))\b", re.I)
_NAMED_AS = re.compile(r"\b(?:called|known\s+as|termed|referred\s+to\s+as)\s+(?:an?\s+|the\s+)?"
                       r"['\u2018\"\u201c]$", re.I)


# a sentence the term opens that goes on to say what it is ("Grooming is the process of ...")
_SAYS_WHAT_IT_IS = re.compile(r"['\u2019\"\u201d]?\s+(?:is|are)\s+(?:the|a|an|any|when|where)\s",
                              re.I)
# a glossary line gives the meaning after a colon or a dash ("Looked-after child - A child is
# looked after by ...")
_GLOSSED = re.compile(r"\s*(?:\([^()]{1,20}\)\s*)?(?::|\s[-\u2013\u2014])\s+\S")


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
    if any(_DEFINING.match(text, mention.end()) or _QUOTED_GLOSS.match(text, mention.end()) or
           _NAMED_AS.search(text[:mention.start()]) for mention in mentions):
        return True
    found = mentions[0]
    # a glossary line: the term opens it and a colon gives its meaning ("Eligible child: a
    # looked-after child who ..."); or a sentence the term opens says what it is ("Grooming
    # is the process of ...", "Neglect is a failure to ...")
    if not re.search(r"\w", text[:found.start()]) and (
            _GLOSSED.match(text, found.end()) or _SAYS_WHAT_IT_IS.match(text, found.end())):
        return True
    if not asked.meaning:
        return False
    return {stem(w) for w in content_words(asked.meaning)} <= \
        {stem(w) for w in content_words(text)}


# a glossary's entry read whole (the term first, then a dash and what it means, as _GLOSSED
# reads after a known term): "Children's homes - The Care Standards Act 2000 provides ..."
_ENTRY = re.compile(r"\W*([A-Z][\w'\u2019 -]{2,60}?)\s+[-\u2013\u2014]\s+\S")
# the words a question frames a term's meaning with, which the entry for the term answers to
GLOSS_FRAME = frozenset(stem(w) for w in ("glossary", "define", "defined", "definition", "mean",
                                            "meaning", "term", "describe", "described"))


def glosses_what_is_asked(asked: Question, text: str) -> bool:
    """Whether the sentence is a glossary's entry for a term the question names: it is what
    the question's "define", "mean" or "glossary" asks for, whether or not it uses the words."""
    entry = _ENTRY.match(text)
    return entry is not None and terms_of(entry.group(1)) <= set(asked.terms.weights)


_ASKS_DAY = re.compile(r"\b(?:month|date)\b", re.I)
# the line after a quotation that says who said it, and where and when ('... in place." –
# Frontline practitioner, Wave 1 (February 2025)'): its figures, set off by a bracket, comma or
# dash, are the saying's, not what was said's (a sentence after a quotation, "In May 2021 the
# board met", is no attribution)
ATTRIBUTION = re.compile(r"[.!?…]\s*(?:[\"”’]|'')\s*(?:[–—-]\s*)?[^\"“”.!?]{0,80}[(,–—-]\s*$")


def attributed(candidate: Candidate, figure: Figure) -> bool:
    """Whether the figure stands in the line that says who said a quotation, and when: in
    the sentence after the quotation's close, or a line of its own after it."""
    sentence = candidate.sentence
    text = candidate.passage.text
    before = text[max(0, sentence.start - 120):sentence.start] \
        if text[sentence.start:sentence.end] == sentence.text else ""
    return ATTRIBUTION.search(before + sentence.text[:figure.start]) is not None


# the year that ends the name of a law ("Children Act 1989", "(England) Regulations 2012")
NAMES_A_LAW = re.compile(r"\b(?:Act|Acts|Regulations|Order|Rules|Bill|Measure)\s*$")


_PER_BASE = re.compile(r"\bper\s+(?:\d{1,3}(?:,\d{3})+|\d+|thousand|hundred)\b", re.I)


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
        if figure.kind == "year" and NAMES_A_LAW.search(candidate.sentence.text[:figure.start]):
            continue  # "the Children Act 1989", "the ... Regulations 2012": a name, not a time
        if attributed(candidate, figure):
            continue  # '"..." – Social worker, Wave 1, February 2025': when it was said
        if figure.kind == "percent" and asked.wants == "rate" and _PER_BASE.search(asked.text):
            continue  # "the rate per 10,000": a percentage is another measure
        if asked.wants == "time" and figure.kind in ("period", "year") and asked.period and \
                figure.period == asked.period:
            continue  # the year the question names ("the 2023 to 2024 return") is no answer
        if asked.items and figure_of_another_item(asked.items, candidate.sentence.text, figure):
            continue  # the figure is another wave's or phase's, or theirs together
        if asked.wants == "count" and counts_time(asked.text, candidate.sentence.text, figure):
            continue  # "running for 25 years" counts years, not the people asked about
        if asked.wants == "count" and counts_another(asked, candidate.sentence.text, figure):
            continue  # "20 police force areas" for "how many secure children's homes"
        fit = 0.1 + 0.4 * asked.terms.share({stem(w) for w in figure.measure.split()})
        fit += 0.1 if figure.kind == asked.wants else 0.0
        fit += 0.1 if not (figure.inherits or figure.relative) else 0.0  # the year's own figure
        if asked.period and figure.period and figure.period != asked.period and \
                asked.wants != "time":
            fit -= 0.3  # but "when is the 2023-24 return due" is answered by a later date
        fit += own_date_fit(asked.text, candidate.sentence.text, candidate.figures, figure)
        if fit > best:
            best, key = fit, figure
    candidate.key = key
    candidate.fit = best
    return best


# "which five principles", "which tools does it suggest", "what are the seven golden rules": a
# question for several things of a kind (a plural noun right after "which" or "what", past a
# count and two words), answered by the sentence that names that kind and lists them after it
_LIST_ASKED = re.compile(rf"\b(?:which|what)\s+(?:are\s+(?:the|its|their)\s+)?(?:({WORD_NUMBER}|"
                         rf"\d{{1,2}})\s+)?(?:[\w-]+\s+){{0,2}}?([a-z][\w-]*s)\b", re.I)
# words for a kind of a kind: "which groups of children", "what types of harm"
_CONTAINERS = {"groups", "types", "kinds", "sorts", "categories", "forms", "classes"}
_KIND_OF = re.compile(r"\s+of\s+(?:the\s+)?([a-z][\w-]*)", re.I)
_LIST_INTRO = re.compile(r"[^.;]{0,40}?(?:\bincluding\b|\bsuch\s+as\b|:|\bnamely\b|\be\.g\.)",
                         re.I)
_LIST_AFTER = re.compile(r"^\s*:|,[^,]+,|,[^,]*\b(?:and|or)\b", re.I)
# a name of Title Case words ending in a capitalised word: "the National Standards"
_NAMED_KIND = re.compile(r"(?<!^)(?<![.!?]\s)(?=\b[A-Z][\w'-]+\s+([A-Z][a-z][\w-]*)\b)")
# the words of a sentence that gives a reason or a purpose
GIVES_REASON = re.compile(r"\b(?:because|as a result|so that|in order to|due to|owing to|"
                          r"given that|reasons? (?:for|why)|this means|so(?=,?\s+\w+\s+(?:can|"
                          r"may|might|could|will|would)\b)|(?:can|could|will|would|may|might)\s+"
                          r"(?:help|enrich|improve|support|advise|provide|enable|ensure|allow|"
                          r"reduce|prevent|protect)|helps?\s+(?:to\s+)?\w+|to (?:ensure|enable|"
                          r"allow|help|make sure|prevent|avoid|protect|support|reduce|improve))\b",
                          re.I)


def gives_a_reason(text: str) -> bool:
    """Whether the sentence gives a reason or a purpose ("because", "so that", "so children
    may ...", "can enrich ...", "to ensure ..."), which a question of why asks for."""
    return GIVES_REASON.search(text) is not None


def lists_what_is_asked(question: str, text: str) -> bool:
    """Whether the sentence names the kind of thing the question asks for, with the count it
    gives if any ("organised around 5 key principles"), and lists them after (a colon, or a run
    of commas: "tools ... include Miro, Microsoft Whiteboard, and pen and paper")."""
    asked = _LIST_ASKED.search(question)
    if asked is None or asked.group(2).lower() in STOP:
        return False
    head = stem(asked.group(2).lower())
    # the kind asked for, named as a proper name ("Which standards ...?": "the National
    # Standards for the Provision of Children's Advocacy Services")
    if not asked.group(1) and any(stem(m.group(1).lower()) == head
                                  for m in _NAMED_KIND.finditer(text)):
        return True
    # "which groups of children": the children are the kind listed, as much as the groups,
    # where a list of them is introduced ("children that can be overlooked, including ...")
    kind = _KIND_OF.match(question[asked.end():]) if asked.group(2).lower() in _CONTAINERS \
        else None
    members = stem(kind.group(1).lower()) if kind else None
    count = word_value(asked.group(1)) if asked.group(1) else None
    for match in re.finditer(r"\b[a-z][\w-]*s\b" if members is None else r"\b[a-z][\w-]*\b",
                             text, re.I):
        lowered, after = match.group(0).lower(), text[match.end():]
        word = stem(lowered)
        if not (word == head and lowered.endswith("s") and _LIST_AFTER.search(after) or
                word == members and _LIST_INTRO.match(after) and _LIST_AFTER.search(after)):
            continue
        if word == head and members and (own := _KIND_OF.match(after)) and \
                stem(own.group(1).lower()) != members:
            continue  # "types of relationships" lists no "types of domestic abuse"
        if count is None:
            return True
        before = re.findall(r"[\w-]+", text[max(0, match.start() - 40):match.start()])[-3:]
        if any(word_value(w) == count for w in before
               if w.isdigit() or w.lower() in NUMBER_WORDS):
            return True
    return False


# "which parents does it give as the example?", "what, for instance, ...": a question for an
# example, answered by a sentence that gives one ("harder to reach parents such as fathers")
_EXAMPLE_ASKED = re.compile(r"\b(?:as\s+(?:an?\s+|the\s+)?examples?|for\s+(?:example|instance)|"
                            r"an?\s+examples?\s+of|examples?\s+(?:does|do|did|is|are)\b)", re.I)
_EXAMPLE_GIVEN = re.compile(r"\b(?:such\s+as|e\.g\.?|for\s+(?:example|instance)|"
                            r"(?:an?|one)\s+example\s+(?:is|of|being))\b", re.I)


def gives_an_example(question: str, text: str) -> bool:
    """Whether the question asks for an example and the sentence gives one."""
    return _EXAMPLE_ASKED.search(question) is not None and \
        _EXAMPLE_GIVEN.search(text) is not None


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
