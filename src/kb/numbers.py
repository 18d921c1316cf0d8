"""Numbers: figures in text with their kind, value, measure words and period; sentences."""

from __future__ import annotations

import copy
import functools
import re

from kb.dates import MONTH_PATTERN, time_figures
from kb.figure_periods import assign_periods
from kb.items import WORDED_ITEM
from kb.measures import measure_words
from kb.models import Figure
from kb.number_words import (
    DIGIT,
    ORDINAL_WORD,
    ORDINAL_WORDS,
    WORD_NUMBER,
    dozens,
    frequencies,
    ratios,
    word_figures,
    word_value,
)

KINDS = ("count", "percent", "rate", "money", "fraction", "year", "period", "date",
         "frequency")
_NUMBER = re.compile(
    # thousands set apart by a comma or a space ("95, 309", "1 980"), never by a tab: a
    # table's cells ("Total\t650\t486") are figures of their own
    r"(£\s?)?(?<![\w.])(\d{1,3}(?:,\s?\d{3})+(?!\d)|\d{1,3}(?:[ \u00a0\u2009]\d{3})+(?![\d,.])|"
    r"\d+)(\.\d+)?(?![\w£])"
    r"(\s?%|\s?per\s?cent\b|\s+per\s+10,?\s?000\b)?"
    # "5 out of 6", "five of the six", "(5/6)": a part of a whole
    r"(?:(?:\s+(?:out\s+)?of\s+(?:the\s+|every\s+)?|/(?=\d{1,3}(?![\d/.,])))(\d{1,3}(?:,\d{3})*|"
    + WORD_NUMBER + r")\b)?",
    re.I)
_PARAGRAPH_NUMBER = re.compile(r"(?:^|\n)\s*\d+(?:\.\d+)+\s+(?=[A-Z])")
# the number of a list item or a paragraph at the head of its line ("34. When a child ...",
# "3) A standard data set", "(2) An integrated care board"), or before the words of an item
# inside a sentence ("(1) the local authority, (2) an integrated care board", "1) A data set
# 2) Data standards"); not the far end of a range in brackets ("a sample (2 - 3) of families")
_ENUMERATOR = re.compile(r"(?:^|\n)[ \t•◦·▪-]*\(?\d{1,3}[.)]\s+(?=[A-Za-z])|"
                         r"(?:\(|(?<![\w(=.,%/])(?<![-–]\s)(?<!\bto\s)(?<!\bor\s)"
                         r"(?<!\band\s))\d{1,2}\)\s+(?=[A-Za-z])")
# a note's or an item's number at the head of its line, before a word no count can precede (an
# article, a demonstrative, a preposition: "3 A safeguarding partner is defined as ...", "12 See
# the guidance"); a count is followed by its noun ("3 local authorities")
# Notes run on in one line once extracted: the number after a note's closing year starts the
# next note ("... Education Act 2002 20 Part 3 of the Schedule ...")
_NOTE_WORDS = (r"(?:A|An|The|This|These|That|Those|See|In|For|From|As|It|There|Under|On|By|At|"
               r"To|With|Where|When|If|We|You|Our|Your|They|Part|Section|Regulation|Schedule|"
               r"Paragraph|Article|Chapter)\s")
_NOTE_MARK = re.compile(rf"(?:(?:^|\n)[ \t]*|(?<=\b(?:19|20)\d\d ))\d{{1,3}}\s+"
                        rf"(?={_NOTE_WORDS})")
# a number that names an item of a sequence ("Wave 2", "Appendix 5", "Figure 1", "Key Stage
# 3", "paragraph 114"), not a quantity
_LABEL = re.compile(r"\b(?:Year|Page|Key Stage|Level|Tier|Wave|Phase|Appendix|Annex|Figure|"
                    r"Table|Chapter|Part|Stage|Step|Round|Cohort|Schedule|Article|Question|"
                    r"Section|Paragraph|Volume|Version|Option|Priority|Recommendation|Standard|"
                    r"Principle|Theme|Module|Session|Box|Chart|[Pp]aragraph|[Ss]ection|[Pp]age|"
                    r"[Aa]ppendix|[Aa]nnex|[Cc]hapter|[Aa]rticle|[Ss]chedule|[Rr]egulation|"
                    r"[Ff]igure|[Tt]able)\s+$")
# the later numbers of a plural label: "Phases 2 (November 2024) and 3", "Waves 1 and 2"
_LABELS = re.compile(r"\b(?:Years|Key Stages|Levels|Tiers|Waves|Phases|Appendices|Annexes|"
                     r"Figures|Tables|Chapters|Parts|Stages|Steps|Rounds|Cohorts|Sections|"
                     r"Modules|Themes)\s+(?:(?:\d{1,3}|[IVX]{1,4})(?:\s*\([^)]{0,30}\))?\s*"
                     r"(?:and|or|to|-|–)\s*)*$", re.I)
# the later numbers of a run of legal references, singular or plural, commas between: "under
# section 17, 20, 31 and 47 of the Children Act", "paragraphs 12, 14 and 16"
_REFERENCES = re.compile(r"\b(?:sections?|paragraphs?|regulations?|articles?|schedules?|rules?)"
                         r"\s+(?:\d{1,3}[A-Z]?(?:\(\w{1,3}\))*\s*(?:,|and|or|to|-|–)\s*)*$",
                         re.I)
UP = re.compile(r"\b(?:rose|risen|rise|rises|rising|increas\w*|higher|more|grew|grown|growth|"
                r"up|went up|climbed|doubled|exceed\w*)\b", re.I)
DOWN = re.compile(r"\b(?:fell|fallen|fall|falls|falling|decreas\w*|lower|fewer|less|declin\w*|"
                  r"reduc\w*|dropped|drop|down|went down)\b", re.I)


def parse_value(digits: str) -> float:
    return float(re.sub(r"[,\s£]", "", digits))


def find_figures(text: str, default_period: str | None = None) -> list[Figure]:
    """Every figure in `text`, with measure words and the period each is stated for. Each
    call gets its own copies: callers narrow a figure's kind or text for their reading."""
    return [copy.copy(figure) for figure in _read_figures(text, default_period)]


# ask and check read the same passages' sentences again for each question, each candidate
# and each claim: parsing is most of their time, so the parse of recent texts is kept
@functools.lru_cache(maxsize=16384)
def _read_figures(text: str, default_period: str | None) -> tuple[Figure, ...]:
    figures = time_figures(text)
    taken = [(f.start, f.end) for f in figures]
    # every pattern but those of words needs a digit: a text with none is read for words alone
    digits = DIGIT.search(text) is not None
    for pattern in _NOT_FIGURES if digits else ():
        taken += [m.span() for m in pattern.finditer(text)]
    # "rules 4009, 8525 and 8897": codes, unless every one is a year
    taken += [m.span() for m in (_CODE_RUN.finditer(text) if digits else ())
              if not all(1900 <= int(code) <= 2099 for code in re.findall(r"\d+", m.group(0)))]
    for match in _BIRTHDAY.finditer(text):  # "until their 21st birthday": an age
        age = match.group(1) or ORDINAL_WORDS[match.group(2).lower().replace(" ", "-")]
        figures.append(Figure(match.group(0), match.start(), match.end(),
                              float(age), "age", "years"))
        taken.append(match.span())
    for figure in frequencies(text) + dozens(text):  # "every six months", "a dozen"
        figures.append(figure)
        taken.append((figure.start, figure.end))
    for ratio in ratios(text):  # "one in five", "1 in 5"
        figures.append(ratio)
        taken.append((ratio.start, ratio.end))
    for match in _SCALED_MONEY.finditer(text) if digits else ():  # "£412k", "£1.2 million"
        figures.append(_scaled_money(match))
        taken.append(match.span())
    for match in _ONE_SPAN.finditer(text):  # "within a week", "about a fortnight"
        if not any(s < match.end(1) and match.start(1) < e for s, e in taken):
            figures.append(Figure(match.group(1), match.start(1), match.end(1), 1.0, "count"))
            taken.append(match.span(1))
    for match in _SCALED_IN_WORDS.finditer(text) if digits else ():  # "7 million pounds"
        if not any(s < match.end() and match.start() < e for s, e in taken):
            figures.append(_scaled_in_words(match))
            taken.append(match.span())
    for match in _NUMBER.finditer(text) if digits else ():
        if any(s < match.end() and match.start() < e for s, e in taken) or \
                _LABEL.search(text[max(0, match.start() - 16):match.start()]) or \
                _LABELS.search(text[max(0, match.start() - 60):match.start()]) or \
                _REFERENCES.search(text[max(0, match.start() - 60):match.start()]):
            continue
        figures.append(_number_figure(match))
    # "Wave two", "Phase three": the number of an item, not a count
    figures += word_figures(text, taken + [m.span(2) for m in WORDED_ITEM.finditer(text)])
    figures += _ages_in_words(text, taken + [(f.start, f.end) for f in figures])
    figures.sort(key=lambda f: f.start)
    _adopt_units(text, figures)
    for figure in figures:
        if figure.kind == "count" and _AGE.search(text[max(0, figure.start - 60):figure.start]) \
                or figure.kind == "count" and _AGED.match(text[figure.end:figure.end + 16]) \
                or figure.kind == "count" and figure.value <= YOUNGEST_COUNT and \
                _UNDER_OVER.search(text[max(0, figure.start - 8):figure.start]) and \
                not _SPAN_OF_TIME.match(text, figure.end) \
                or _a_bare_age(text, figure):
            figure.kind, figure.unit = "age", "years"
    _pair_ages(text, figures)
    for figure in figures:
        figure.measure = measure_words(text, figures, figure)
    for low, high in zip(figures, figures[1:], strict=False):
        # the two ends of a range ("five to ten minutes", "between 12 and 15 weeks") measure
        # one thing: each carries the words of both
        if low.kind == high.kind and _RANGE.fullmatch(text[low.end:high.start]):
            low.measure = high.measure = " ".join(dict.fromkeys(
                f"{low.measure} {high.measure}".split()))
    assign_periods(text, figures, default_period)
    return tuple(figures)


def clear_figures() -> None:
    """Forget the figures read so far (the benchmark times a new question's reading)."""
    _read_figures.cache_clear()


_RANGE = re.compile(r"\s*(?:[-–]\s*)?(?:to|and|-|–)\s*")  # "16- and 17-year-olds" too


# digits that name rather than count: a telephone number ("0300 123 1231", "020 7946 0000",
# "+44 20 7946 0000", a five-digit area code and six digits: "01980 618244") or any number
# written with a leading zero ("01", "0300"), which no quantity is
_NOT_QUANTITY = re.compile(r"(?:\+44\s?|(?<![\d.,£])0)\d{1,4}(?:[\s-]\d{3,4}){1,2}\b|"
                          r"(?<![\d.,£])0\d{4}[\s-]\d{6}\b|"
                          r"(?<![\d.,£])0\d+\b(?![.,]\d)|"
                          # a number joined to a name by a slash: "the 903/Ofsted Annex A items"
                          r"\b\d+/(?=[A-Za-z])|(?<=[A-Za-z]/)\d+\b|"
                          # a number set beside a name as one of its kind ("in neither the 903
                          # nor Annex A") or naming a return ("the 903 return"): itself a name
                          r"(?<=\bthe )\d+(?=\s+(?:nor|or|and)\s+(?:the\s+)?[A-Z][a-z]*\b"
                          r"(?!\s+\d))|(?<=\bthe )\d+(?=\s+returns?\b)|"
                          # a subsection, bracketed onto its section: "section 17(1)(b)", "8(3)"
                          r"(?<=[\w)])\(\d{1,3}\)")

# a bare number a preposition of time puts at the end of a clause, young enough to be an age:
# "to marry before 18, even if", "support until 25." (not "before 18 months", "by 12 schools")
# a run of three or more bare numbers of four digits or more, no thousands separator, listed
# to the end of a clause ("4009, 8525, 8555 and 8897.", "2991Q, 8530Q and 8535Q;"): the numbers
# of things, not amounts, which name what they count ("4500, 5200 and 6100 contacts")
_CODE = r"\d{4,}[A-Z]?(?![\d,.]\d)"
_CODE_RUN = re.compile(rf"(?<![\d,.£]){_CODE}(?:(?:\s*,\s*{_CODE}){{1,}},?\s+(?:and|or)\s+"
                       rf"{_CODE}|(?:\s*,\s*{_CODE}){{2,}})(?=\s*(?:[.;:)]|$))")
_BY_AGE = re.compile(r"\b(?:before|until|till|by|from|at)\s+$", re.I)
_CLAUSE_END = re.compile(r"\s*(?:[,.;:)]|$|(?:or|and|even|unless|if|when|without)\b)", re.I)


def _a_bare_age(text: str, figure: Figure) -> bool:
    return figure.kind == "count" and 1 <= figure.value <= 25 and figure.text.isdigit() and \
        bool(_BY_AGE.search(text[max(0, figure.start - 8):figure.start])) and \
        bool(_CLAUSE_END.match(text[figure.end:figure.end + 12]))


_NUMBER_IN_WORDS = re.compile(rf"\b({WORD_NUMBER})\b", re.I)


def _ages_in_words(text: str, taken: list[tuple[int, int]]) -> list[Figure]:
    """A number in words that ends its clause ("before the child turns five.", "aged sixteen,
    a pupil"), where words that give an age lead to it: that age. (A number in words elsewhere
    is read only before a word: "five reviews".)"""
    return [Figure(match.group(1), match.start(), match.end(), word_value(match.group(1)),
                   "age", "years")
            for match in _NUMBER_IN_WORDS.finditer(text)
            if not any(s < match.end() and match.start() < e for s, e in taken)
            and _AGE.search(text[max(0, match.start() - 60):match.start()])
            and _CLAUSE_END.match(text[match.end():match.end() + 12])]


# a time of day counts nothing: "9.30 to 12.30", "10:00-11:30", "at 2pm", "9.30am"
_CLOCK = re.compile(r"\b\d{1,2}:[0-5]\d(?:\s*[ap]\.?m\b\.?)?|"
                    r"\b\d{1,2}(?:\.[0-5]\d)?\s*[ap]\.?m\b\.?|"
                    r"\b\d{1,2}\.[0-5]\d\s*(?:to|-|–|until)\s*\d{1,2}\.[0-5]\d\b"
                    r"(?!\s*(?:per\b|%|pence|p\b))", re.I)
# a day of a month named without its year ("by 31 March"): a date of every year, no count
# ("turning 25 may be logged": the modal "may" is no month; the month is written "May")
_DAY_OF_MONTH = re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:(?!may\b)(?:{MONTH_PATTERN})|"
                           rf"(?-i:May))\b", re.I)
# a birthday counts years: "until the young person's 21st birthday"
_BIRTHDAY = re.compile(rf"\b(?:(\d{{1,2}})(?:st|nd|rd|th)|({ORDINAL_WORD}))"
                       rf"\s+birthday\b", re.I)
# an age: "under 18", "aged 16", "16 year olds", "until they reach 21"; in "the age of consent
# in England is 16" the words between the age and its figure name whose age it is
_AGE = re.compile(r"(?:\b(?:aged?|age of(?:\s+[\w-]+){1,6}\s+(?:is|was|are|were|"
                  r"will be|remains)|age of|(?:they|he|she|child|person|pupil)\s+"
                  r"(?:reach(?:es|ed)?|turn(?:s|ed)?|becomes?|became)|turning|"
                  r"(?:under|over)\s*the age of|"
                  r"between the ages of)\s*"
                  r"(?:the age of\s*)?(?:(?:between|from)\s+)?)$", re.I)
# "under 18", "over 16s": an age when young enough to be a child's; "samples under 30", "over
# 200 members" are counts
_UNDER_OVER = re.compile(r"\b(?:under|over)\s*$", re.I)
YOUNGEST_COUNT = 25  # above this, "under N" bounds a count, not an age
# "under four weeks", "over 12 months": a length of time, not an age
_SPAN_OF_TIME = re.compile(r"\s*(?:(?:working|school|calendar)\s+)?(?:minute|hour|day|week|"
                           r"month|term|session)s?\b", re.I)
# "16 year olds", "16-year-old", "16 years of age"
_AGED = re.compile(r"[\s-]*(?:years?[\s-]*olds?|yr[\s-]*olds?|years?\s+of\s+age(?!-))\b", re.I)

_SCALED_MONEY = re.compile(r"£\s?(\d+)(?:\.(\d+))?\s?(k|m|bn|thousand|million|billion)\b",
                           re.I)
_SCALES = {"k": 3, "thousand": 3, "m": 6, "million": 6, "bn": 9, "billion": 9}


# one week or fortnight as a length of time: "within a week", "about a fortnight"
_ONE_SPAN = re.compile(r"\b(?:within|in|about|around|roughly|approximately|for|under|over|"
                       r"after|than)\s+(an?\s+(?:week|fortnight))\b", re.I)
# a figure with its scale in words, not after a pound sign: money when "pounds" follows ("7
# million pounds", "300 pounds"), else a count ("1.2 million children")
_SCALED_IN_WORDS = re.compile(r"(?<![£\d.,])(\d+)(?:\.(\d+))?(?:\s(thousand|million|billion))?"
                              r"(?(3)(?:\s+(pounds))?|\s+(pounds))\b", re.I)


# digits that are no quantity, in the order they are set aside: "5.8 The partnership ...",
# "34. When a child ...", a note's mark ("3 A safeguarding partner is"), "T 0300 123 1231",
# "between 1 January and 31 March", "(9.30 to 12.30)"
_NOT_FIGURES = (_PARAGRAPH_NUMBER, _ENUMERATOR, _NOTE_MARK, _NOT_QUANTITY, _DAY_OF_MONTH, _CLOCK)


def _scaled_in_words(match: re.Match[str]) -> Figure:
    whole, fraction, scale, pounds, bare_pounds = match.groups()
    money = bool(pounds or bare_pounds)
    return _scaled(match, whole, fraction, scale, "money" if money else "count",
                   "£" if money else "")


def _scaled_money(match: re.Match[str]) -> Figure:
    """Money written short: "£412k" is 412,000 to the nearest thousand, "£1.2m" to 100,000."""
    whole, fraction, scale = match.groups()
    return _scaled(match, whole, fraction, scale, "money", "£")


def _scaled(match: re.Match[str], whole: str, fraction: str | None, scale: str | None,
            kind: str, unit: str) -> Figure:
    """The figure `match` states, its digits times its scale, to the precision it is said."""
    power = _SCALES[scale.lower()] if scale else 0
    value = float(f"{whole}.{fraction or 0}") * 10 ** power
    return Figure(match.group(0), match.start(), match.end(), value, kind, unit,
                  decimals=len(fraction or "") - power)


def _adopt_units(text: str, figures: list[Figure]) -> None:
    """'51.7 per 10,000, higher than London (40.3)': a bare figure beside a rate is a rate."""
    previous: Figure | None = None
    for figure in values_figures(figures):
        if previous is not None and previous.kind in ("rate", "percent") and \
                figure.kind == "count" and figure.start - previous.end < 80 and \
                "." not in text[previous.end:figure.start] and \
                (figure.decimals or text[figure.start - 1] == "(" and
                 re.match(r"\s*[)\],;]", text[figure.end:])):
            # "(40.3)" is the rate's; "(20 items)" counts the items it names
            figure.kind, figure.unit = previous.kind, previous.unit
        previous = figure


# two figures offered as alternatives or a range: "aged 16 or 17", "11 to 15 year olds"
# ("16- and 17-year-olds": the first figure's hyphen stands for the second's "-year-olds")
ALTERNATIVE = re.compile(r"\s*(?:[-–]\s*)?(?:or|and|to|-|–)\s*", re.I)


def _pair_ages(text: str, figures: list[Figure]) -> None:
    """The other figure of an "N or M" or "N to M" whose one figure is an age, young enough
    to be one, is an age too: "aged 16 or 17", "16 and 17 year olds"."""
    for low, high in zip(figures, figures[1:], strict=False):
        if not ALTERNATIVE.fullmatch(text[low.end:high.start]):
            continue
        for one, other in ((low, high), (high, low)):
            if one.kind == "age" and other.kind == "count" and \
                    other.value <= YOUNGEST_COUNT and float(other.value).is_integer():
                other.kind, other.unit = "age", "years"


def _number_figure(match: re.Match[str]) -> Figure:
    money, digits, fraction, suffix, total = match.groups()
    value = parse_value(digits + (fraction or ""))
    decimals = len(fraction) - 1 if fraction else 0
    kind, unit = "count", ""
    if money:
        kind, unit = "money", "£"
    elif suffix and "10" in suffix:
        kind, unit = "rate", "per 10,000"
    elif suffix:
        kind, unit = "percent", "%"
    end = match.end() if kind == "count" and total else max(
        match.end(2), match.end(3) if fraction else 0, match.end(4) if suffix else 0)
    figure = Figure(match.string[match.start():end].strip(), match.start(), end, value, kind,
                    unit, decimals=decimals)
    if total and kind == "count":
        whole = parse_value(total) if total[0].isdigit() else word_value(total)
        if whole is not None and value <= whole:  # not "24/7"
            figure.kind = "fraction"
            figure.total = whole
        else:
            figure.text, figure.end = match.group(2), match.end(2)
    return figure


_TIME_UNIT = re.compile(r"[\s-]*(?:working\s+|school\s+|calendar\s+|consecutive\s+)?(?:minute|hour|"
                        r"day|week|month|year)s?\b", re.I)


def counts_units_of_time(text: str, figure: Figure) -> bool:
    """Whether the figure is a number of minutes, hours, days, weeks, months or years: "for 25
    years", "across the five days"."""
    return _TIME_UNIT.match(text, figure.end) is not None or \
        _ONE_SPAN.search(f"within {figure.text}") is not None  # "within a week"


def direction(text: str) -> int:
    """+1 when the text says a measure went up, -1 down, 0 when it says neither (or both)."""
    up, down = bool(UP.search(text)), bool(DOWN.search(text))
    return 0 if up == down else (1 if up else -1)


def values_figures(figures: list[Figure]) -> list[Figure]:
    """The figures that are quantities (not the years, periods and dates they are stated for)."""
    return [f for f in figures if f.kind not in ("period", "date", "year")]


def stated_figures(figures: list[Figure]) -> list[Figure]:
    """Quantities and the days a claim states ("16 October 2025"; not "March 2022", which
    names a period)."""
    return [f for f in figures if f.kind not in ("period", "year") and not (
        f.kind == "date" and not re.match(r"\d", f.text))]
