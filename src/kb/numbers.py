"""Numbers: figures in text with their kind, value, measure words and period; sentences."""

from __future__ import annotations

import calendar
import re

from kb.extract.metadata import MONTHS, normalise_period
from kb.items import WORDED_ITEM
from kb.models import Figure
from kb.number_words import (
    ORDINAL_WORD,
    ORDINAL_WORDS,
    WORD_NUMBER,
    dozens,
    frequencies,
    ratios,
    word_figures,
    word_value,
)
from kb.sentences import Sentence, split_sentences
from kb.words import STOP, content_words, stem

KINDS = ("count", "percent", "rate", "money", "fraction", "year", "period", "date",
         "frequency")
_MONTH = "|".join(MONTHS)
_PERIOD = re.compile(
    r"\b(?:April\s+20\d\d\s*(?:-|–|—|to)\s*March\s+20\d\d|FY\s?'?\d\d\s?[-/]\s?\d\d|"
    r"20\d\d\s?(?:-|/|–|—|to)\s?(?:20)?\d\d)\b", re.I)
_SHORT_MONTH = r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec"
_DATE = re.compile(rf"\b(?:(\d{{1,2}})(?:st|nd|rd|th)?\s+)?({_MONTH}|(?:{_SHORT_MONTH})\.?)\s+"
                   rf"(20\d\d)\b", re.I)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(20\d\d)\b")
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
# 2) Data standards")
_ENUMERATOR = re.compile(r"(?:^|\n)[ \t•◦·▪-]*\(?\d{1,3}[.)]\s+(?=[A-Za-z])|"
                         r"(?:\(|(?<![\w(=.,%/]))\d{1,2}\)\s+(?=[A-Za-z])")
# a note's or an item's number at the head of its line, before a word no count can precede (an
# article, a demonstrative, a preposition: "3 A safeguarding partner is defined as ...", "12 See
# the guidance"); a count is followed by its noun ("3 local authorities")
_NOTE_MARK = re.compile(r"(?:^|\n)[ \t]*\d{1,3}\s+(?=(?:A|An|The|This|These|That|Those|See|In|"
                        r"For|From|As|It|There)\s)")
_RELATIVE_BEFORE = re.compile(r"\b(?:last|previous|prior)\s+year,?\s+(?:all\s+|only\s+|just\s+)?$",
                              re.I)
_COMPARED = re.compile(r"\b(?:compared\s+(?:with|to)|up\s+from|down\s+from|than\s+in)\b", re.I)
_RELATIVE = re.compile(
    r"^[\s,)(]*(?:in\s+|during\s+)?(?:a\s+year\s+(?:earlier|before|ago)|(?:the\s+)?(?:previous|"
    r"prior|last)\s+year|the\s+year\s+before)", re.I)
_EXPLICIT = re.compile(r"^[\s,)(]*(?:in|for|during|at\s+the\s+end\s+of|by)?\s*(?:the\s+)?"
                       r"(?:year\s+)?", re.I)
_INHERIT = re.compile(r"(?:compared\s+(?:with|to)|from|than(?:\s+the)?|against|versus|vs\.?)"
                      r"[\s(]*$", re.I)
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
UP = re.compile(r"\b(?:rose|risen|rise|rises|rising|increas\w*|higher|more|grew|grown|growth|"
                r"up|went up|climbed|doubled|exceed\w*)\b", re.I)
DOWN = re.compile(r"\b(?:fell|fallen|fall|falls|falling|decreas\w*|lower|fewer|less|declin\w*|"
                  r"reduc\w*|dropped|drop|down|went down)\b", re.I)


def parse_value(digits: str) -> float:
    return float(re.sub(r"[,\s£]", "", digits))


def find_figures(text: str, default_period: str | None = None) -> list[Figure]:
    """Every figure in `text`, with measure words and the period each is stated for."""
    figures = _time_figures(text)
    taken = [(f.start, f.end) for f in figures]
    taken += [m.span() for m in _PARAGRAPH_NUMBER.finditer(text)]  # "5.8 The partnership..."
    taken += [m.span() for m in _ENUMERATOR.finditer(text)]  # "34. When a child ...", "3) A"
    taken += [m.span() for m in _NOTE_MARK.finditer(text)]  # "3 A safeguarding partner is"
    taken += [m.span() for m in _NOT_QUANTITY.finditer(text)]  # "T 0300 123 1231", "YonY 01"
    taken += [m.span() for m in _DAY_OF_MONTH.finditer(text)]  # "between 1 January and 31 March"
    taken += [m.span() for m in _CLOCK.finditer(text)]  # "(9.30 to 12.30)", "at 10am"
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
    for match in _SCALED_MONEY.finditer(text):  # "£412k", "£1.2 million"
        figures.append(_scaled_money(match))
        taken.append(match.span())
    for match in _ONE_SPAN.finditer(text):  # "within a week", "about a fortnight"
        if not any(s < match.end(1) and match.start(1) < e for s, e in taken):
            figures.append(Figure(match.group(1), match.start(1), match.end(1), 1.0, "count"))
            taken.append(match.span(1))
    for match in _SCALED_IN_WORDS.finditer(text):  # "7 million pounds", "1.2 million children"
        if not any(s < match.end() and match.start() < e for s, e in taken):
            figures.append(_scaled_in_words(match))
            taken.append(match.span())
    for match in _NUMBER.finditer(text):
        if any(s < match.end() and match.start() < e for s, e in taken) or \
                _LABEL.search(text[max(0, match.start() - 16):match.start()]) or \
                _LABELS.search(text[max(0, match.start() - 60):match.start()]):
            continue
        figures.append(_number_figure(match))
    # "Wave two", "Phase three": the number of an item, not a count
    figures += word_figures(text, taken + [m.span(2) for m in WORDED_ITEM.finditer(text)])
    figures.sort(key=lambda f: f.start)
    _adopt_units(text, figures)
    for figure in figures:
        if figure.kind == "count" and _AGE.search(text[max(0, figure.start - 60):figure.start]) \
                or figure.kind == "count" and _AGED.match(text[figure.end:figure.end + 12]) \
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
    _assign_periods(text, figures, default_period)
    return figures


_RANGE = re.compile(r"\s*(?:to|and|-|–)\s*")


# digits that name rather than count: a telephone number ("0300 123 1231", "020 7946 0000",
# "+44 20 7946 0000") or any number written with a leading zero ("01", "0300"), which no
# quantity is
_NOT_QUANTITY = re.compile(r"(?:\+44\s?|(?<![\d.,£])0)\d{1,4}(?:[\s-]\d{3,4}){1,2}\b|"
                          r"(?<![\d.,£])0\d+\b(?![.,]\d)|"
                          # a number joined to a name by a slash: "the 903/Ofsted Annex A items"
                          r"\b\d+/(?=[A-Za-z])|(?<=[A-Za-z]/)\d+\b")

# a bare number a preposition of time puts at the end of a clause, young enough to be an age:
# "to marry before 18, even if", "support until 25." (not "before 18 months", "by 12 schools")
_BY_AGE = re.compile(r"\b(?:before|until|till|by|from|at)\s+$", re.I)
_CLAUSE_END = re.compile(r"\s*(?:[,.;:)]|$|(?:or|and|even|unless|if|when|without)\b)", re.I)


def _a_bare_age(text: str, figure: Figure) -> bool:
    return figure.kind == "count" and 1 <= figure.value <= 25 and figure.text.isdigit() and \
        bool(_BY_AGE.search(text[max(0, figure.start - 8):figure.start])) and \
        bool(_CLAUSE_END.match(text[figure.end:figure.end + 12]))


# a time of day counts nothing: "9.30 to 12.30", "10:00-11:30", "at 2pm", "9.30am"
_CLOCK = re.compile(r"\b\d{1,2}:[0-5]\d(?:\s*[ap]\.?m\b\.?)?|"
                    r"\b\d{1,2}(?:\.[0-5]\d)?\s*[ap]\.?m\b\.?|"
                    r"\b\d{1,2}\.[0-5]\d\s*(?:to|-|–|until)\s*\d{1,2}\.[0-5]\d\b"
                    r"(?!\s*(?:per\b|%|pence|p\b))", re.I)
# a day of a month named without its year ("by 31 March"): a date of every year, no count
_DAY_OF_MONTH = re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTH})\b", re.I)
# a birthday counts years: "until the young person's 21st birthday"
_BIRTHDAY = re.compile(rf"\b(?:(\d{{1,2}})(?:st|nd|rd|th)|({ORDINAL_WORD}))"
                       rf"\s+birthday\b", re.I)
# an age: "under 18", "aged 16", "16 year olds", "until they reach 21"; in "the age of consent
# in England is 16" the words between the age and its figure name whose age it is
_AGE = re.compile(r"(?:\b(?:aged?|age of(?:\s+[\w-]+){1,6}\s+(?:is|was|are|were|"
                  r"will be|remains)|age of|(?:they|he|she|child|person|pupil)\s+(?:reach(?:es)?|"
                  r"turns?|becomes?)|(?:under|over)\s*the age of|between the ages of)\s*"
                  r"(?:the age of\s*)?(?:(?:between|from)\s+)?)$", re.I)
# "under 18", "over 16s": an age when young enough to be a child's; "samples under 30", "over
# 200 members" are counts
_UNDER_OVER = re.compile(r"\b(?:under|over)\s*$", re.I)
YOUNGEST_COUNT = 25  # above this, "under N" bounds a count, not an age
# "under four weeks", "over 12 months": a length of time, not an age
_SPAN_OF_TIME = re.compile(r"\s*(?:(?:working|school|calendar)\s+)?(?:minute|hour|day|week|"
                           r"month|term|session)s?\b", re.I)
_AGED = re.compile(r"[\s-]*(?:years?[\s-]*olds?|yr[\s-]*olds?)\b", re.I)

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


# a month cut short and a two-figure year ("Nov 24", "Feb '25"), or a month named in full with
# an apostrophed year ("May '24"); UK writing puts the day first, so "Feb 25" is not a day
_SHORT_DATE = re.compile(rf"\b({_SHORT_MONTH})\.?\s+'?(\d\d)\b(?![,.:/]?\d|,?\s+(?:19|20)\d\d)|"
                         r"\b(?:(January|February|March|April|May|June|July|"
                         r"August|September|October|November|December))\s+['’](\d\d)\b")


def month_number(name: str) -> int:
    """1 for "January", "Jan" or "Jan."; a month is told by its first three letters."""
    return next(n for n, month in enumerate(MONTHS, 1) if month.startswith(name.lower()[:3]))


_MONTH_EDGE = re.compile(r"\b(end|close|start|beginning) of (?:the month of )?$", re.I)


def _day_named(text: str, match: re.Match[str], year: int, month: int) -> str:
    """A month named with its edge is a day: "the end of July 2024" is 31 July 2024 (a
    deadline), "the start of May 2025" 1 May 2025; a bare month stays a month."""
    edge = _MONTH_EDGE.search(text[max(0, match.start() - 30):match.start()])
    if match.group(1) or not edge:
        return match.group(0)
    day = calendar.monthrange(year, month)[1] if edge.group(1).lower() in ("end", "close") else 1
    return f"{day} {match.group(2)} {year}"


def _time_figures(text: str) -> list[Figure]:
    figures: list[Figure] = []
    for match in _PERIOD.finditer(text):
        if period := normalise_period(match.group(0)):
            figures.append(Figure(match.group(0), match.start(), match.end(),
                                  float(period[:4]), "period", period=period))
    spans = [(f.start, f.end) for f in figures]
    for match in _DATE.finditer(text):
        if not any(s < match.end() and match.start() < e for s, e in spans):
            year, month = int(match.group(3)), month_number(match.group(2))
            start = year if month >= 4 else year - 1
            figures.append(Figure(_day_named(text, match, year, month), match.start(),
                                  match.end(), float(year), "date",
                                  period=f"{start}-{(start + 1) % 100:02d}"))
    for match in _SHORT_DATE.finditer(text):  # "Feb 25", "May '24": a month and its year
        if not any(s < match.end() and match.start() < e for s, e in spans):
            month = month_number(match.group(1) or match.group(3))
            year = 2000 + int(match.group(2) or match.group(4))
            start = year if month >= 4 else year - 1
            figures.append(Figure(f"{MONTHS[month - 1].title()} {year}", match.start(),
                                  match.end(), float(year), "date",
                                  period=f"{start}-{(start + 1) % 100:02d}"))
    for match in _NUMERIC_DATE.finditer(text):  # "31/03/2024": day first, as in the UK
        day, month, year = (int(part) for part in match.groups())
        if 1 <= day <= 31 and 1 <= month <= 12:
            start = year if month >= 4 else year - 1
            figures.append(Figure(f"{day} {MONTHS[month - 1].title()} {year}", match.start(),
                                  match.end(), float(year), "date",
                                  period=f"{start}-{(start + 1) % 100:02d}"))
    spans = [(f.start, f.end) for f in figures]
    for match in _YEAR.finditer(text):
        if not any(s < match.end() and match.start() < e for s, e in spans) and \
                not re.match(r"[,.]\d", text[match.end():match.end() + 2]) and \
                not counts_things(text, match.start(), match.end()):
            figures.append(Figure(match.group(0), match.start(), match.end(),
                                  float(match.group(0)), "year"))
    return figures


_YEAR_BEFORE = re.compile(
    r"\b(?:in|on|since|by|from|until|till|during|before|after|of|year|years|early|late|mid|"
    r"spring|summer|autumn|winter|" + "|".join(MONTHS) + r")[\s-]*$", re.I)
# a name's edition or a law's year: "KCSIE 2025", "the Children Act 1989", "Regulations 2010"
_EDITION_OF = re.compile(r"(?:\b[A-Z][A-Z0-9]{2,}|\b(?:Act|Regulations|Order|Rules|Bill|Code))"
                         r"\s+$")
# a plural noun after the number ("referrals"; not "census", "process", "analysis")
_COUNTED = re.compile(r"^\s+(?:[a-z]*[a-hj-rtv-z]s|children|people|staff|police|women|men)\b")


def counts_things(text: str, start: int, end: int) -> bool:
    """A four-digit number that counts something ("1980 referrals", "2000 children", "Early
    Help referrals: 1980") rather than naming a year ("in 1980", "the 2021 census")."""
    if _YEAR_BEFORE.search(text[max(0, start - 12):start]) or \
            _EDITION_OF.search(text[max(0, start - 16):start]):
        return False
    if re.search(r"[:=]\s*$", text[max(0, start - 3):start]):
        return True  # a stat panel's figure after its label: "Referrals 2021-22: 1980"
    following = _COUNTED.match(text[end:end + 24])
    return following is not None and following.group(0).strip() not in ("was", "has", "is")


# two figures offered as alternatives or a range: "aged 16 or 17", "11 to 15 year olds"
ALTERNATIVE = re.compile(r"\s*(?:or|and|to|-|–)\s*", re.I)


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


def measure_words(text: str, figures: list[Figure], figure: Figure, before: int = 70,
                  after: int = 90) -> str:
    """The words around `figure` up to its neighbours or the clause's edge; after it, far
    enough to reach the predicate of a figure that opens its sentence ("34% of all staff
    agreed that their team was adequately staffed")."""
    values = [f for f in figures if f.kind not in ("period", "date", "year")]
    earlier = [f.end for f in values if f.end <= figure.start]
    later = [f.start for f in values if f.start >= figure.end]
    left_edge = max([*earlier, figure.start - before, 0])
    right_edge = min([*later, figure.end + after, len(text)])
    left = text[left_edge:figure.start]
    if left_edge > 0 and text[left_edge - 1].isalpha():
        left = left.split(" ", 1)[-1] if " " in left else ""  # whole words only
    pieces = re.split(r"[;:.!?\n]|,\s(?=and\b|but\b|while\b|with\b)", left)
    # a figure right after a colon is the value of the label before it: "Care leavers: 18"
    left = pieces[-2] if len(pieces) > 1 and not pieces[-1].strip() and \
        left.rstrip().endswith(":") else pieces[-1]
    right = text[figure.end:right_edge]
    if right_edge < len(text) and text[right_edge].isalpha():
        right = right.rsplit(" ", 1)[0]  # whole words only
    right = re.split(r"[;:.!?(\n]|,", right)[0]
    # a joining word before another number opens that number's own clause, even a number read
    # as no figure ("three use Mosaic and one other uses Liquid Logic")
    right = _NEXT_COUNT.split(right)[0]
    # between two figures, a joining word parts their clauses: "for ten days after a leave
    # of absence or ... as unauthorised absence for twenty days" gives each its own words
    if earlier and (joint := _JOINT.search(text, max(earlier), figure.start)):
        left = text[max(joint.end(), figure.start - len(left)):figure.start]
    if later and (joints := list(_JOINT.finditer(text, figure.end, min(later)))):
        right = right[:max(0, joints[-1].start() - figure.end)]
    return " ".join(content_words(f"{left} {right}"))


_TIME_UNIT = re.compile(r"[\s-]*(?:working\s+|school\s+|calendar\s+|consecutive\s+)?(?:minute|hour|"
                        r"day|week|month|year)s?\b", re.I)


def counts_units_of_time(text: str, figure: Figure) -> bool:
    """Whether the figure is a number of minutes, hours, days, weeks, months or years: "for 25
    years", "across the five days"."""
    return _TIME_UNIT.match(text, figure.end) is not None or \
        _ONE_SPAN.search(f"within {figure.text}") is not None  # "within a week"


def head_of(text: str, figure: Figure) -> set[str]:
    """The stems of what a figure counts: the words right after it, up to the first small word
    or the second word ("90 local authorities attended", "212 members attended"; "21% of
    contacts" counts contacts)."""
    after = re.sub(r"^\s*(?:of\s+(?:the\s+|all\s+)?)?", "", text[figure.end:figure.end + 60])
    head = []
    for word in re.findall(r"[A-Za-z][A-Za-z'-]*|[^\sA-Za-z]", after)[:2]:
        if not word[0].isalpha() or word.lower() in STOP:
            break
        head.append(stem(word.lower()))
    return set(head)


_NEXT_COUNT = re.compile(rf"\s(?:and|or|but|while|whereas)\s+(?=(?:one|{WORD_NUMBER}|\d)\b)", re.I)
# a joining word that opens a clause or a phrase of its own ("or is absent for", "or for twenty
# days", ", and"), not one inside a name of people ("children and young people")
_JOINT = re.compile(r"(?:,\s*(?:or|and)|\s(?:but|while|whereas)|\s(?:or|and)(?=\s+(?:is|are|was|"
                    r"were|has|have|had|will|would|can|could|should|must|may|might|do|does|did|"
                    r"it|they|he|she|we|there|for|in|at|after|before|within|by|from|to|with|on|"
                    r"under|over|\d))\b)\s", re.I)


def _assign_periods(text: str, figures: list[Figure], default_period: str | None) -> None:
    """A figure's period: one written just after it, else its clause's, else the default."""
    for sentence in split_sentences(text):
        inside = [f for f in figures if sentence.start <= f.start < sentence.end]
        stated = [f for f in inside if f.kind in ("period", "date")]
        values = [f for f in inside if f.kind not in ("period", "date", "year")]
        claimed = _claim_explicit(text, sentence, stated, values)
        free = [f for f in stated if f.start not in claimed]
        if not stated and (row := _table_row(text, sentence, values)):
            # a flattened table row, "Re-referral rate 19% 21%": last year, then this year
            label = measure_words(text, [], row[0])
            for back, figure in enumerate(reversed(row)):
                figure.period = shift_period(default_period, -back)
                figure.measure = label
            continue
        marker = _COMPARED.search(text, sentence.start, sentence.end)
        previous: Figure | None = None
        for figure in values:
            base = _clause_period(figure, free, marker, default_period)
            _give_period(text, sentence, figure, values, base)
            head = text[max(sentence.start, figure.start - 25):figure.start]
            if previous is not None and not figure.measure:
                figure.measure = previous.measure  # "...; a rate of 51.7 per 10,000"
            elif previous is not None and _INHERIT.search(head):
                figure.inherits = True
                figure.measure = " ".join(dict.fromkeys(
                    f"{previous.measure} {figure.measure}".split()))
            previous = figure


def _claim_explicit(text: str, sentence: Sentence, stated: list[Figure], values: list[Figure]
                    ) -> set[int]:
    """Periods written right after a figure ("131 in 2020-21") or a relative one ("a year
    earlier") are that figure's own; returns the starts of the periods so claimed."""
    claimed: set[int] = set()
    for figure in values:
        tail = text[figure.end:min(sentence.end, figure.end + 40)]
        head = text[max(sentence.start, figure.start - 30):figure.start]
        if _RELATIVE.match(tail) or _RELATIVE_BEFORE.search(head):
            figure.relative = -1
            continue
        following = [f for f in stated if 0 <= f.start - figure.end <= 40]
        between = _EXPLICIT.match(text[figure.end:following[0].start]) if following else None
        if following and between is not None and between.end() == \
                following[0].start - figure.end and f_between(values, figure, following[0]):
            figure.period = following[0].period
            claimed.add(following[0].start)
    return claimed


def _clause_period(figure: Figure, free: list[Figure], marker: re.Match[str] | None,
                   default_period: str | None) -> str | None:
    """The period of the figure's clause: a period stated in a "compared with ..." clause
    belongs to that clause, not to the figures before it."""
    if marker is None:
        return free[0].period if free else default_period
    before = [f for f in free if f.start < marker.start()]
    after = [f for f in free if f.start >= marker.start()]
    side = after or before if figure.start >= marker.start() else before
    if side:
        return side[0].period
    return default_period or (shift_period(after[0].period, 1) if after else None)


def _give_period(text: str, sentence: Sentence, figure: Figure, values: list[Figure],
                 base: str | None) -> None:
    if figure.period is None and not figure.relative:
        figure.period = base
    elif figure.relative:
        figure.period = shift_period(base, figure.relative)
    head = text[max(sentence.start, figure.start - 25):figure.start]
    after = [f for f in values if f.start >= figure.end]
    if after and re.search(r"\bfrom\s*$", head) and re.fullmatch(
            r"\s*to\s*", text[figure.end:after[0].start]) and not figure.relative:
        figure.period = shift_period(figure.period, -1)  # "rose from 291 to 327"


def _table_row(text: str, sentence: Sentence, values: list[Figure]) -> list[Figure]:
    """The run of same-kind figures that ends a line with nothing between them, if 2 or more."""
    if not values or values[-1].end != sentence.end:
        return []
    run = [values[-1]]
    for figure in reversed(values[:-1]):
        gap = text[figure.end:run[0].start].strip()
        if figure.kind != run[0].kind or gap not in ("", "|"):
            break
        run.insert(0, figure)
    return run if len(run) >= 2 else []


def f_between(values: list[Figure], figure: Figure, period: Figure) -> bool:
    """True when no other figure stands between `figure` and the period after it."""
    return not any(figure.end <= f.start < period.start for f in values if f is not figure)


def shift_period(period: str | None, years: int) -> str | None:
    if not period:
        return None
    start = int(period[:4]) + years
    return f"{start}-{(start + 1) % 100:02d}"


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
