"""Questions: what a question asks for (a figure of some kind, a person or body, a length of
time, a meaning), the period it asks about, and the words and names it is asked in."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from kb.extract.metadata import periods_in
from kb.items import items_named
from kb.names import name_stems
from kb.number_words import NUMBER_WORDS
from kb.numbers import find_figures
from kb.swaps import QUOTED
from kb.terms import Terms, audience_of, term_weights
from kb.words import SECTION_CITED, content_words, stem

if TYPE_CHECKING:
    from kb.search import SearchEngine

WANTS = [
    # "how far back", "how far ahead": a span of time, before or after now
    ("duration", re.compile(r"\b(?:how long|how often|how soon|how quickly|how fast|"
                            r"how far (?:back|ahead|forward|in advance)|"
                            r"what timescale|what time ?limit|"
                            r"within (?:what|how many)|how many (?:\w+ )?(?:days|weeks|months|"
                            r"hours|years)|what (?:[\w-]+ )?age|until what age|up to what age|"
                            r"minimum age|maximum age|age limit|age at which|how old|time ?frame|"
                            # "what is the longest it should be kept": a length of time
                            r"what(?:'s| is) the (?:longest|shortest))\b", re.I)),
    ("define", re.compile(r"\bwhat (?:does|do) .{0,60}\bmean\b|\bstand for\b|"
                          r"\bwhat is meant by\b|\bhow (?:does|do|is|are) .{0,80}\bdefined?\b|"
                          r"\bdefinition of\b|^\W*define\b", re.I)),
    # "Which reason code do I enter for ...": a code of a codeset, found by what it describes
    ("code", re.compile(r"\b(?:which|what) (?:[\w'\"\u2018\u2019\u201c\u201d-]+ ){0,3}code\b"
                        r"(?!\s+of\b)", re.I)),
    # "how far was it cut", "by how much did it rise": the size of a change, in whatever figure
    # "how big a rise or fall", "what size of change": the size of a change asked outright;
    # "how much more likely", "how many times more often": the size of a difference
    ("change", re.compile(r"\b(?:how far(?!\s+(?:back|ahead|forward|in\s+advance)\b)|"
                          r"by how much|how (?:many times|much) (?:more|less|"
                          r"as|fewer|greater|higher|lower|bigger|smaller|likelier|longer|"
                          r"shorter)|how much (?:[\w'-]+ ){0,6}(?:rise|rose|"
                          r"risen|fall|fell|fallen|increased?|decreased?|reduced?|cut|grow|grew|"
                          r"grown|drop(?:ped)?|shrink|shrank|shrunk|changed?)\b|(?:how (?:big|"
                          r"large|great|much of)|what (?:size|scale) of) (?:an? |the )?"
                          r"(?:[\w'-]+ ){0,2}(?:rise|fall|increase|decrease|change|drop|cut|"
                          r"reduction|difference|swing)s?\b)", re.I)),
    ("percent", re.compile(r"\b(?:percentage|proportion|per ?cent|what share)\b|%", re.I)),
    ("rate", re.compile(r"\brate\b", re.I)),
    # ("how much of the session": a part of something, not a sum of money; nor is "how much
    # more likely": a multiple or a difference, of whatever it compares)
    ("money", re.compile(r"\b(?:how much(?! of\b)(?!\s+(?:more|less|fewer|greater|higher|"
                         r"lower|bigger|smaller|better|worse|likelier|longer|shorter)\b)|budget|cost|spend|spent|funding|prices?|£|"
                         # "what income in pounds", "how many pounds": a sum of money asked
                         r"in (?:pounds|sterling)|how many pounds|"
                         r"(?:what|which) "
                         r"(?:\w+ )?fees?|(?:what|which) "
                         r"(?:\w+ )?(?:fine|penalty)|fined|what amount|(?:what|which) (?:is|was|"
                         r"are|were) the (?:\w+ )?amount)\b", re.I)),
    # "What is the helpline number?", "Which email address ...?", "What is the postal
    # address?": a way to reach someone, which the answer must give (not a count of numbers:
    # "how many contact numbers ...")
    ("contact", re.compile(r"^(?!.*\bhow\s+many\b).*?(?:\b(?:(?:tele)?phone|helpline|contact|"
                           r"mobile|fax)\s+numbers?\b|"
                           r"\be-?mail\s+(?:for|to)\b|\b(?:what|which)\s+e-?mail\b|"
                           r"\be-?mail\s+address(?:es)?\b|\bwho\s+(?:do|should|can)\s+\w+\s+"
                           r"e-?mail\b|\bpostal\s+address\b|(?<!whose )\b(?:website|web\s+address|"
                           r"url)\b|\bnumbers?\s+(?:should|do|can|must|would)\s+\w+\s+"
                           r"(?:ring|call|phone|dial)\b)", re.I | re.S)),
    ("count", re.compile(r"\b(?:how many|number of|how often|average|median|mean|total)\b",
                         re.I)),
    # "when" asks a time when a verb follows it ("when did", "by when"); "when a family
    # moves" is a condition, not a question of time
    ("time", re.compile(r"\b(?:when(?=\s+(?:did|does|do|is|are|was|were|will|would|should|"
                        r"must|can|could|has|have|had|may|might|shall)\b)|(?:by|since|until) "
                        r"when|(?:what|which) (?:date|year|month)|how long ago|"
                        # a deadline met or missed is an event the question sets, not asked
                        r"(?<!misses the )(?<!missed the )(?<!miss the )(?<!meets the )"
                        r"(?<!meet the )(?<!met the )deadline|"
                        r"(?:what|which) is the (?:\w+ )?date|date by which|"
                        # "the weekend opening hours", "at what times": hours of the day
                        r"opening (?:hours|times)|(?:what|which) (?:hours|times) (?!a\b|per\b))\b",
                        re.I)),
    # "Where is the festival held?", "Which country does the scheme come from?": a place, named
    # ("Where can teachers find the modules?", "where is it available": a source to turn to, a
    # page or a hub, not a place)
    ("place", re.compile(r"(?:^|[,;:.?!]\s*)where\s+(?:is|are|was|were|do|does|did|should|must|"
                         r"can|will|would|could|has|have|had)\b(?![^?]*\b(?:find|found|get|"
                         r"read|access|obtain|download|available|look)\b)|"
                         r"\b(?:which|what)\s+(?:countr(?:y|ies)|cit(?:y|ies)|towns?|"
                         r"count(?:y|ies)|regions?|nations?)\b", re.I)),
    # "who" asks when it opens a question or a clause ("In KCSIE, who ..."), not as a relative
    # after a noun ("a child who was referred")
    # ("whose website hosts it?": the owner, not the address)
    ("who", re.compile(r"(?:^|[,;:.?!]\s*|\b(?:and|or|but|then|so)\s+)(?:who|whom)\b|"
                       r"\bwhose\s+(?:website|web\s+address|site|page|helpline|service)\b|"
                       r"\b(?:to|by|with|for|from|of) whom\b|"
                       r"\bwhich (?:\w+ )?(?:agenc(?:y|ies)|organi[sz]ations?|partners?|"
                       r"bod(?:y|ies)|professionals?|people|person|roles?|services?|"
                       r"authorit(?:y|ies)|councils?|teams?)\b", re.I)),
]
# a question of why, whatever it asks for besides
WHY_ASKED = re.compile(r"\bwhy\b|\bfor what reason\b|\bwhat (?:is|was|are|were) the (?:reasons?|"
                       r"purpose|rationale)\b", re.I)
# a term of up to four words, and where it ends: a qualifier or the question's end
_TERM = r"([A-Za-z][\w-]*(?:\s+[a-z][\w-]*){0,3}?)"
_TERM_END = r"(?=\s+(?:in|for|within|under|when|as)\b|\s*\?|\s*$)"
# the code or term a "what does X mean" question asks about
DEFINED = re.compile(r"\b(?:code|term|acronym|abbreviation)\s+['\"]?([A-Za-z0-9][\w-]{0,9})"
                     r"|\bdoes\s+['\"]?([A-Z0-9][\w-]{1,9})['\"]?\s+(?:mean|stand)"
                     # "how does the advice define information sharing in ...": the words
                     # after "define", up to a qualifier or the question's end
                     rf"|\bdefines?\s+(?:the\s+|an?\s+)?{_TERM}{_TERM_END}")
# "what does KCSIE mean by radicalisation?": the term after "mean by", before any other
_MEANT_BY = re.compile(rf"\bmeant?\s+by\s+(?:the\s+|an?\s+)?['\"]?{_TERM}['\"]?{_TERM_END}")
# a number standing as a name, and the weight it carries in a question (that of a word the
# library uses in about twenty passages)
CODE = re.compile(r"(?<![\d.,£/])\b\d{1,4}\b(?![.,/]\d|%)")
CODE_WEIGHT = 0.3

@dataclass
class Question:
    text: str
    wants: str | None
    period: str | None
    terms: Terms
    rare: set[str] = field(default_factory=set)  # words the library seldom uses (names)
    names: set[str] = field(default_factory=set)  # stems of the agencies and people it names
    own: set[str] = field(default_factory=set)  # the library's own names ("Harrowden")
    codes: set[str] = field(default_factory=set)  # numbers it names things by ("903 return")
    items: dict[str, set[str]] = field(default_factory=dict)  # "Wave 2": {"wave": {"2"}}
    code: str | None = None  # the code, acronym or term a "what does X mean" question asks about
    meaning: str | None = None  # what the library's glossary says that acronym stands for
    ages: set[str] = field(default_factory=set)  # the stems of an age it gives ("a 7-year-old")
    scene: bool = False  # sentences that set a scene come before the one that asks
    why: bool = False  # it asks why: a sentence that gives a reason answers it
    # the words that name the one document it says to look in ("KCSIE's list", "the Essex
    # report"), by that document's id: where to look, which that document's sentences hold
    naming: dict[str, frozenset[str]] = field(default_factory=dict)


# the words that say whether something is a duty: any one of them answers a question asked
# with another ("Is it compulsory ...?": "... are not mandatory but are good practice")
DUTY_WORDS = {stem(word) for word in (
    "compulsory", "mandatory", "obligatory", "required", "requirement", "requirements",
    "statutory", "duty", "duties", "obliged", "optional")}
DUTY = "@duty"
# the words that frame a question of meaning ("what does the acronym X stand for?"): they say
# what is asked, not what it is about, and no sentence that defines X need hold them
DEFINE_FRAME = {stem(word) for word in ("acronym", "abbreviation", "stand", "stands", "mean",
                                        "means", "meant", "meaning")}

# the words that frame a question of time ("within what time", "what timescale", "is there a
# deadline"): they say what is asked, and the sentence that answers seldom holds them, so they
# weigh as the words of a question's scene do
TIME_FRAME = {stem(word) for word in ("time", "timescale", "timescales", "timeframe", "deadline",
                                      "limit")}
# the age of the person a question is about ("a seven-year-old", "a pupil aged 15"): a condition
# that a rule states as a bound ("before the fifth birthday", "aged 16 or over"), seldom in the
# question's own words
AGE_GIVEN = re.compile(r"\b[\w]+[- ]years?[- ]olds?\b|\baged \w+\b|\b\w+ years? old\b", re.I)
# a sentence that bounds what it says by age
AGE_BOUND = re.compile(r"\bbirthday\b|\baged?\b|\b(?:under|over|below|above)\s+(?:the age of\s+)?"
                       r"\d+\b|\b\d+\s+(?:and|or)\s+(?:over|under|above|older|younger)\b|"
                       r"\byears? old\b", re.I)
# when the asker's own story happened ("last night", "this morning", "yesterday"): no document
# speaks of it
DEICTIC = re.compile(r"\b(?:last|this|tomorrow|yesterday)\s+(?:night|morning|afternoon|evening)\b|"
                     r"\b(?:yesterday|today|tonight|tomorrow)\b", re.I)
# the verb of asking what a source says, or what a field holds ("what does the guidance say
# about", "what goes in the field"): the answering sentence says it without saying "say" (a
# yes/no question of a saying, "did parents say ...", asks of the saying itself)
ASKING_VERB = re.compile(r"\b(?:what|which|how)\b[^?]*?\b(?:does|do|did)\s+(?:[\w'-]+\s+){1,6}?"
                         r"(say)\b|\bwhat\s+(goes)\s+(?:in|into|on)\b", re.I)


@lru_cache(maxsize=4096)
def terms_of(text: str) -> frozenset[str]:
    """The stems of a text's content words, the numbers that name things in it ("the
    second wave" names Wave 2's number), and whether it speaks of a duty. Kept per text: a
    question reads each passage once for every sentence of it (ask p50 fell 40 ms)."""
    stems = {stem(w) for w in content_words(text)}
    duty = {DUTY} if stems & DUTY_WORDS else set()
    codes = set(CODE.findall(text))
    return frozenset(stems | duty | codes | _numbers_said_twice(stems, codes) | {
        number for numbers in items_named(text).values() for number in numbers})


# a small number is one term whether written in words or figures: "which five principles" is
# answered by "organised around 5 key principles"
_SMALL_NUMBERS = {stem(word): str(n) for word, n in NUMBER_WORDS.items() if n <= 20}
_SMALL_WORDS = {digits: word for word, digits in _SMALL_NUMBERS.items()}


def _numbers_said_twice(stems: set[str], codes: set[str]) -> set[str]:
    """The figures of the number words among `stems`, and the words of the small figures."""
    return {_SMALL_NUMBERS[word] for word in stems if word in _SMALL_NUMBERS} | \
        {_SMALL_WORDS[code] for code in codes if code in _SMALL_WORDS}


WANTS_DEFINE = dict(WANTS)["define"]


def _quoted_term(text: str) -> re.Match[str] | None:
    """The phrase in quotes a question of meaning asks about: the one its asking words hold
    ("When staff use 'reasonable force', what does 'reasonable' mean?"), else the first."""
    quotes = list(QUOTED.finditer(text))
    asking = WANTS_DEFINE.search(text)
    inside = [m for m in quotes if asking and asking.start() <= m.start() < asking.end()]
    return inside[0] if inside else (quotes[0] if quotes else None)


def read_question(engine: SearchEngine, text: str) -> Question:
    wants = next((name for name, pattern in WANTS if pattern.search(text)), None)
    if _WHETHER_ANY.match(last_question(text)) and wants != "contact":
        wants = None  # "is there a helpline number ...?" asks for the number all the same
    if wants in _FIGURE_KINDS and _WHICH_THING.match(last_question(text)):
        wants = None  # "Which of the checks compares the number of plans ...?": a check
    periods = periods_in(text) or [f.period for f in find_figures(text)
                                   if f.kind == "date" and f.period]
    vocabulary = engine.vocabulary(audience_of(engine))
    rare = {w for w, n in vocabulary.items() if n <= 25} if wants == "who" else set()
    own = own_names(engine)
    # a section cited short ("a s47 enquiry") is asked about as the sources name it
    spelled = SECTION_CITED.sub(lambda cited: f"section {cited.group(0)[1:]}", text)
    terms, codes = term_weights(engine, spelled), question_codes(spelled)
    setting = _setting(text)
    frame = _frame(text[len(setting):])
    for word in terms_of(setting + frame) - terms_of(text[len(setting) + len(frame):]):
        if word in terms.weights:  # the scene before the question sets it; it is not asked
            terms.weights[word] *= SETTING_WEIGHT
    for code in codes:  # as rare as a name: the row or clause it picks out
        terms.weights[code] = CODE_WEIGHT
    for match in DEICTIC.finditer(text):
        for word in content_words(match.group(0)):
            terms.weights.pop(stem(word), None)
    for match in ASKING_VERB.finditer(text):
        terms.weights.pop(stem(next(verb for verb in match.groups() if verb)), None)
    if wants in ("duration", "time"):
        for word in TIME_FRAME & set(terms.weights):
            terms.weights[word] *= SETTING_WEIGHT  # a sentence may still name its timescale
    if wants == "place" and (passed := PASSED_ON.search(text)):
        verb = stem(passed.group(1).lower())
        if verb in terms.weights:
            terms.weights[verb] *= SETTING_WEIGHT
    duty = [terms.weights.pop(word) for word in DUTY_WORDS & set(terms.weights)]
    if duty:  # "compulsory" is met by "mandatory" or "required": one term, the duty
        terms.weights[DUTY] = max(duty)
    defined = _MEANT_BY.search(text) or DEFINED.search(text) if wants == "define" else None
    quoted = _quoted_term(text) if wants == "define" else None
    # a phrase in quotes is the term asked about ("what does 'alternatively qualified staff'
    # mean?"); else the word after "term" or "code", or before "mean"
    asked = quoted.group(1) if quoted else None
    if asked is None and defined:
        asked = next(group for group in defined.groups() if group)
    meaning = None
    if asked:
        for word in DEFINE_FRAME:
            terms.weights.pop(word, None)
        glossary = {acronym.lower(): words for acronym, words in
                    engine.glossary(audience_of(engine)).items()}
        meaning = glossary.get(asked.lower())
    ages = {word for match in AGE_GIVEN.finditer(text) for word in terms_of(match.group(0))
            if word in terms.weights}
    return Question(text, wants, periods[0] if periods else None, terms,
                    rare, name_stems(text) - own, own, codes, items_named(text), asked, meaning,
                    ages, bool(setting), WHY_ASKED.search(text) is not None,
                    _naming(engine, text, terms))


def _naming(engine: SearchEngine, text: str, terms: Terms) -> dict[str, frozenset[str]]:
    """The question's words that name the one document it names: words of its title or file
    name, and an acronym the library reads as that document's."""
    named = engine.documents_named(text, audience_of(engine))
    if len(named) != 1:
        return {}
    title = " ".join(engine.document_names(named[0]))
    words = {term for term in terms.weights if term in terms_of(title)}
    words |= {stem(word.lower()) for word in re.findall(r"\b[A-Z][A-Za-z]*[A-Z][A-Za-z]*\b", text)
              if engine.documents_named(word, audience_of(engine)) == named}
    return {named[0]: frozenset(words & set(terms.weights))} if words else {}


# "where should staff take an allegation", "where do I report it": a question of where something
# is passed on asks for whom it goes to; its verb frames the question, and the sentence that
# answers says it its own way ("should be reported directly to the designated officer")
PASSED_ON = re.compile(r"\bwhere\b[^?]{0,80}?\b(take|send|pass|direct|escalate|raise|go|turn|"
                       r"forward|notify|share|report|refer)\b", re.I)


# "A pupil is moving school mid-year. How quickly should ...?": the words of the scene weigh
# this much of what they would in the question itself
SETTING_WEIGHT = 0.5
_LAST_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


# a question that opens on an auxiliary or a modal asks whether what follows holds
POLAR = re.compile(r"^(?:do|does|did|is|are|was|were|can|could|must|should|will|would|has|have|"
                   r"had|may|might|need|shall)\s+(.+?)\s*\?*$", re.I | re.S)
# "Is there a legal definition of ...?", "Is there a time limit for ...?": whether such a thing
# exists, which a sentence saying there is none answers as well as one giving it
_WHETHER_ANY = re.compile(r"^(?:is|are)\s+there\b", re.I)
# a question that opens on "Which" and a thing asks for that thing, whatever figure words its
# clause holds after ("Which of the census checks compares the number of plans ...?"); not
# "Which year", "Which percentage", "Which figure": a figure named as the thing
_WHICH_THING = re.compile(r"which\s+(?:of\s+the\s+)?(?!(?:year|date|month|day|percentage|"
                          r"proportion|share|rate|number|amount|fee|figure|total|sum|"
                          r"average|cost|price)s?\b)[a-z]", re.I)
_FIGURE_KINDS = frozenset({"count", "percent", "rate", "money", "change"})


def last_question(text: str) -> str:
    """The sentence that asks, where a scene comes before it; else the whole text."""
    setting = _setting(text)
    return text.strip()[len(setting):].strip() if setting else text.strip()


# "In the guide's case study about a shared video, did the teachers watch it?": a phrase of
# where to look, before the comma and the question's own words, frames it as a scene does
_FRAME = re.compile(r"\s*(?:In|Within|According to|Among|Across|Under)\s[^,?]{8,160},\s*(?=(?:did|"
                    r"does|do|is|are|was|were|what|which|who|whom|how|when|where|why|can|could|"
                    r"should|must|has|have|had|will|would)\b)", re.I)


def _frame(question: str) -> str:
    """The phrase a question opens on to say where to look, or ""."""
    match = _FRAME.match(question)
    return match.group(0) if match else ""


def _setting(text: str) -> str:
    """The sentences before a question's last one, when that one asks it."""
    text = text.strip()
    sentences = _LAST_SENTENCE.split(text)
    if len(sentences) < 2 or not sentences[-1].rstrip().endswith("?"):
        return ""
    return text[:len(text) - len(sentences[-1])]


def question_codes(text: str) -> set[str]:
    """Numbers in a question that name a thing rather than ask for or date one: "the 903
    return", "Section 17 cases", "Article 6"; not years, periods, dates or the figure asked."""
    spans = [(f.start, f.end) for f in find_figures(text) if f.kind in ("year", "period", "date")]
    return {m.group(0) for m in CODE.finditer(text)
            if not any(s <= m.start() < e for s, e in spans)}


_OWN_NAMES: dict[int, set[str]] = {}


def own_names(engine: SearchEngine) -> set[str]:
    """Names in at least half the documents' titles (the borough, the partnership): every
    passage is about them, stated or not."""
    key = id(engine.vocabulary(audience_of(engine)))
    if key not in _OWN_NAMES:
        titles = engine.titles()
        counts: dict[str, int] = {}
        for title in titles:
            for name in name_stems(" " + title) | {stem(w) for w in title.split()[:1]}:
                counts[name] = counts.get(name, 0) + 1
        _OWN_NAMES.clear()
        _OWN_NAMES[key] = {name for name, n in counts.items() if 2 * n >= len(titles)}
    return _OWN_NAMES[key]


# "What is the X?", "Who was the X?": a sentence that says "the X is ..." answers it in its
# own words
_COPULA_QUESTION = re.compile(r"^\s*(?:what|who|when|where|which)\s+(?:is|are|was|were)\s+"
                              r"(?:the\s+|a\s+|an\s+)?(.+?)\s*\??\s*$", re.I)


@lru_cache(maxsize=256)
def _restated(question: str) -> re.Pattern[str] | None:
    match = _COPULA_QUESTION.match(question)
    words = match.group(1).split() if match else []
    if not 1 <= len(words) <= 8:
        return None
    phrase = r"\s+".join(re.escape(w) for w in words)
    # the phrase as the subject: opening the sentence, a bullet or a glossary line
    return re.compile(rf"(?:^|[-–:;•]\s*)\W*(?:the\s+|a\s+|an\s+)?{phrase}\s+"
                      r"(?:is|are|was|were|means|remains)\b", re.I)


def restates(question: str, sentence: str) -> bool:
    """Whether the sentence states what the question asks of, as the question names it."""
    pattern = _restated(question)
    return pattern is not None and pattern.search(sentence) is not None


# a thing, a modal and what it may or must be done ("the coordinator may be employed")
_MODAL_CLAUSE = re.compile(
    r"\b([A-Za-z][\w'-]*)\s+(?:can|cannot|could|may|might|must|should|shall|will|would|"
    r"(?:need|have|has)\s+to)\s+(?:not\s+)?(?:(?:be|also|only|still|always|never)\s+)*"
    r"([A-Za-z][\w'-]*)", re.I)


def says_it_of(question: str, sentence: str) -> bool:
    """Whether the sentence puts a yes/no question's own clause as a statement with a modal:
    the question's thing, then a modal, then the question's verb ("Can the independent
    coordinator be employed by the local authority?": "The coordinator may be employed by
    the LA"), whichever modal and whether or not it is denied."""
    order = _word_order(question)
    return order is not None and any(
        order.get(stem(m.group(1)), len(order)) < order.get(stem(m.group(2)), -1)
        for m in _MODAL_CLAUSE.finditer(sentence))


@lru_cache(maxsize=256)
def _word_order(question: str) -> dict[str, int] | None:
    """Where each of a yes/no question's words first stands (read once per question, not once
    per sentence it is scored against), or None for any other question."""
    if not POLAR.match(question.strip()):
        return None
    return {word: at for at, word in reversed(list(enumerate(
        stem(w) for w in content_words(question))))}

