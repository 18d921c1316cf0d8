"""Agreement: whether a claimed figure and a source's figure state the same thing, allowing
other formats ("95, 309", "£431k"), the rounding a claim states ("about 1,500"), bounds ("more
than seven in ten", "over 70%") and dates named to the month."""

from __future__ import annotations

import re
from dataclasses import replace

from kb.models import Figure
from kb.number_words import NUMBER_WORDS, ORDINAL_WORDS, WORD_NUMBER, word_value

_HEDGE = re.compile(r"\b(?:about|around|approximately|approx\.?|roughly|nearly|almost|some|"
                    r"close to|getting on for|"
                    r"just (?:over|under)|over|more than|fewer than|less than|under|c\.)\s*£?$",
                    re.I)
_ABOVE = re.compile(r"\b(?:over|more than|above|exceed\w*)\s*(?:the age of\s*)?£?$", re.I)
_BELOW = re.compile(r"\b(?:under|fewer than|less than|below)\s*(?:the age of\s*)?£?$", re.I)


def comparable(claimed: Figure, source: Figure) -> bool:
    pairs = {("percent", "fraction"), ("fraction", "percent")}
    return claimed.kind == source.kind or (claimed.kind, source.kind) in pairs


# a figure bounded in time by an event on one side of it ("every six months before the fifth
# birthday and every 12 months after it"): the word that says which side, and what follows
_SIDE = re.compile(r"(?<![\w-])(before|after)(?![\w-])((?:\W+[\w'’-]+){1,4})", re.I)
SIDE_REACH = 60  # how far from a source figure its side may be said, in characters
_SMALL_WORDS = {"the", "a", "an", "and", "of", "to", "in", "it", "is", "are", "its", "their"}


# an age said as the time from which, or until which, a thing holds: "once a child is five"
# (after the fifth birthday), "from the age of 16", "until they are 18" (before it)
_AGE_SIDE = re.compile(rf"\b(?:(once|from)\s+(?:[\w'’-]+\s+){{0,4}}?(?:(?:is|are|turns?|"
                       rf"reach(?:es)?|becomes?)\s+)?|(until|till)\s+(?:[\w'’-]+\s+){{0,3}}?"
                       rf"(?:(?:is|are)\s+)?)(?:(?:the\s+)?age\s+(?:of\s+)?|aged\s+)?"
                       rf"(\d{{1,2}}|{WORD_NUMBER})\b(?![\s-]*(?:%|per|months?|weeks?|days?|"
                       rf"years?\b(?!\s+old)))", re.I)


def _event_word(word: str) -> str:
    """A word of an event as it is compared: a number in words, digits or as an ordinal by
    its value ("fifth", "five" and "5" alike), a possessive without its "'s"."""
    word = re.sub(r"['’]s$", "", word.lower().strip("'’"))
    if word in ORDINAL_WORDS:
        return str(ORDINAL_WORDS[word])
    if word.isdigit() or word in NUMBER_WORDS:
        return str(int(word_value(word)))
    return word


def _side_of(match: re.Match[str]) -> tuple[str, set[str]]:
    return match.group(1).lower(), {_event_word(w) for w in
                                    re.findall(r"[A-Za-z0-9'’-]+", match.group(2))}


def _sides(text: str) -> list[tuple[str, set[str]]]:
    """The sides of an event a text states its figures for: ("before", {"5", "birthday"})."""
    ages = [("after" if m.group(1) else "before", {_event_word(m.group(3))})
            for m in _AGE_SIDE.finditer(text)]
    return [_side_of(m) for m in _SIDE.finditer(text)] + ages


def other_side(claim_text: str, source_text: str, source: Figure) -> bool:
    """Whether the source states its figure for the other side of the event the claim names:
    a claim "after the fifth birthday ... every six months" (or "once a child is five") against
    "every six months before a child's fifth birthday"."""
    claimed = _sides(claim_text)
    if len(claimed) != 1:
        return False
    # "every six months before ...": the side that follows the figure in its clause, else the
    # one said before it ("Before the review, every six months")
    sides = list(_SIDE.finditer(source_text))
    following = [m for m in sides if source.end <= m.start() <= source.end + SIDE_REACH
                 and not re.search(r"[;,.:]", source_text[source.end:m.start()])]
    preceding = [m for m in sides if source.start - SIDE_REACH <= m.end() <= source.start]
    nearest = following[0] if following else (preceding[-1] if preceding else None)
    if nearest is None:
        return False
    word, event = _side_of(nearest)
    return word != claimed[0][0] and bool(event & claimed[0][1] - _SMALL_WORDS)


# a change said as a multiple ("halved", "cut to a third") agrees with a source's "from A to B"
# within this share of itself: "halved" stands for 45 to 55 of 100
MULTIPLE_SLACK = 0.1
_FROM_TO = re.compile(r"^\s*(?:pages?|[a-z]+\s)?\s*to\s*$", re.I)
_TO_SHARE = re.compile(r"\bto\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+|just\s+"
                       r"(?:over|under)\s+)?$", re.I)


def changes(text: str, figures: list[Figure]) -> list[Figure]:
    """A change a source states as "from A to B" (two counts, sums or rates of one kind), as
    the multiple B / A: "from 39 pages to 13" is a third."""
    found = []
    for first, second in zip(figures, figures[1:], strict=False):
        if first.kind != second.kind or first.kind not in ("count", "money", "rate") or \
                not first.value or not re.search(r"\bfrom\s+$", text[max(0, first.start - 8):
                                                                 first.start], re.I) or \
                not _FROM_TO.match(text[first.end:second.start]):
            continue
        found.append(Figure(text[first.start:second.end], first.start, second.end,
                            second.value / first.value, "multiple", measure=second.measure,
                            period=second.period))
    return found


def as_multiple(text: str, figure: Figure) -> Figure:
    """A share the claim says a thing was brought to ("cut to roughly a third of its length")
    is a multiple of what it was; any other figure is itself."""
    if figure.kind == "percent" and figure.decimals < 0 and \
            _TO_SHARE.search(text[max(0, figure.start - 24):figure.start]):
        return Figure(figure.text, figure.start, figure.end, figure.value / 100, "multiple",
                      measure=figure.measure, period=figure.period)
    return figure


# an age from which a thing holds, that age included: "once they reach the age of 16", "aged
# 16 or over", "16 and above", "from the age of 12"
_FROM_AGE_BEFORE = re.compile(r"\b(?:reach(?:es|ed)?|turn(?:s|ed)?|from|over)\s+(?:the\s+age\s+"
                              r"of\s+)?$", re.I)
_FROM_AGE_AFTER = re.compile(r"\s*(?:\+|(?:years?\s+old\s+)?(?:or|and)\s+(?:over|above|older))",
                             re.I)


def from_age(text: str, figure: Figure) -> bool:
    """Whether an age is the first of those a thing holds for, itself included."""
    before = text[max(0, figure.start - 30):figure.start]
    if re.search(r"\bover\s+$", before, re.I):
        return False  # "over 16" leaves 16 out: a bound, read as one
    return bool(_FROM_AGE_BEFORE.search(before) or _FROM_AGE_AFTER.match(text, figure.end))


def _bound_before(text: str, figure: Figure) -> re.Match[str] | None:
    """The words before the figure that bound it ("more than", "under"), if any."""
    before = text[max(0, figure.start - 20):figure.start]
    return _ABOVE.search(before) or _BELOW.search(before)


def bound(text: str, figure: Figure) -> int:
    """+1 for "more than N", -1 for "fewer than N", 0 for N itself."""
    said = _bound_before(text, figure)
    return 0 if said is None else (1 if said.re is _ABOVE else -1)


def bound_words(text: str, figure: Figure) -> str:
    """The words of the bound the text sets on the figure, as it says them ("more than",
    "over", "under"); "" for none."""
    said = _bound_before(text, figure)
    return re.match(r"\w+(?:\s+than)?", said.group(0).strip()).group(0) if said else ""


_CASE_OPEN = re.compile(r"\b(?:if|where|when|whenever)\b[^,;:.]*$", re.I)


def in_a_case(text: str, figure: Figure) -> bool:
    """Whether the figure stands in a clause that names a case ("if a child ... on more than
    one occasion", "where enquiries happen on two occasions")."""
    return _CASE_OPEN.search(text[:figure.start]) is not None


# a length of time, each unit in minutes: "four weeks" is "28 days"; a working week is five
# days of seven, so "10 working days" is two weeks. School days run in term time only: no
# calendar length is theirs
_TIME_UNIT = re.compile(r"[\s-]*((?:working\s+|school\s+)?day|minute|hour|week|fortnight)s?\b",
                        re.I)
_MINUTES = {"minute": 1, "hour": 60, "day": 24 * 60, "week": 7 * 24 * 60,
            "fortnight": 14 * 24 * 60, "working day": 7 * 24 * 60 / 5}


def in_units_of(claimed: Figure, source: Figure, claim_text: str, source_text: str) -> Figure:
    """The claimed figure in the source's unit of time when each counts another unit ("under
    four weeks" against "less than 28 days": 28; "about a week" against "five working days":
    5), else the claimed figure itself."""
    ours = _unit_of_time(claim_text, claimed)
    theirs = _unit_of_time(source_text, source) if source_text else None
    if claimed.kind != "count" or source.kind != "count" or ours not in _MINUTES or \
            theirs not in _MINUTES:
        return claimed
    factor = _MINUTES[ours] / _MINUTES[theirs]
    return claimed if factor == 1 else replace(claimed, value=claimed.value * factor)


def other_time_units(claimed: Figure, source: Figure, claim_text: str, source_text: str
                     ) -> bool:
    """Whether one figure counts school days and the other a calendar length ("within two
    weeks" against "within ten school days"): neither agrees with nor contradicts the other."""
    units = {_unit_of_time(claim_text, claimed), _unit_of_time(source_text, source)}
    return "school day" in units and len(units - {None}) == 2


def _unit_of_time(text: str, figure: Figure) -> str | None:
    """The unit of time a figure counts: the word after it ("five working days"), or its own
    ("a week")."""
    unit = _TIME_UNIT.match(text, figure.end) or _TIME_UNIT.fullmatch(
        figure.text, len(figure.text.split()[0]))
    return " ".join(unit.group(1).lower().split()) if unit else None


def agrees(claimed: Figure, source: Figure, claim_text: str, source_text: str = "") -> bool:
    """Equal, allowing other formats and the rounding the claim itself states."""
    if claimed.kind == source.kind == "date":
        return same_date(claimed.text, source.text)
    claimed = in_units_of(claimed, source, claim_text, source_text)
    if claimed.kind == source.kind == "age" and from_age(source_text, source) and \
            not bound(claim_text, claimed) and not from_age(claim_text, claimed):
        # "aged 16 or 17" within "once they reach 16"; a claim naming its own first age
        # ("once they reach 18") names the threshold itself, which must be the same
        return claimed.value >= source.value
    if side := bound(source_text, source):
        ours = bound(claim_text, claimed)
        if not ours and in_a_case(source_text, source) and in_a_case(claim_text, claimed):
            # "if ... on more than one occasion": every case past the bound is one it speaks
            # of, "where ... on two occasions" among them
            return claimed.value > source.value if side > 0 else claimed.value < source.value
        # "more than half": only the same bound agrees
        return ours == side and abs(_as_share(claimed, source) - _as_share(source, claimed)) < 1e-9
    if claimed.kind == "fraction" and source.kind == "fraction":
        if claimed.total == source.total or not (claimed.total and source.total):
            return claimed.value == source.value and claimed.total == source.total
        # parts of two wholes agree as shares: exactly, or said roughly ("roughly nineteen out
        # of twenty" against "1,497 of 1,575") to within half a part of the claim's whole
        gap = abs(claimed.value / claimed.total - source.value / source.total)
        hedged = _HEDGE.search(claim_text[max(0, claimed.start - 20):claimed.start])
        return gap <= (0.5 / claimed.total if hedged else 1e-9)
    if claimed.kind == source.kind == "multiple":  # "halved", "cut to a third": said roughly
        return abs(claimed.value - source.value) <= MULTIPLE_SLACK * claimed.value
    value = source.value
    if source.kind == "fraction" and source.total:
        value = 100 * source.value / source.total
    elif claimed.kind == "fraction" and claimed.total:
        return abs(100 * claimed.value / claimed.total - value) < 0.5
    before = claim_text[max(0, claimed.start - 20):claimed.start]
    # "more than 1,000" reaches 15% past its figure; a round figure in words reaches half its
    # step past it ("more than a dozen": up to 17)
    reach = max(0.15 * claimed.value, 0.5 * 10 ** -claimed.decimals if claimed.decimals < 0
                else 0.0)
    if bound(claim_text, claimed) > 0:
        return claimed.value < value <= claimed.value + reach
    if bound(claim_text, claimed) < 0:
        return claimed.value - reach <= value < claimed.value
    tolerance = 1e-9
    if claimed.kind in ("percent", "rate", "fraction"):
        tolerance = 0.5 * 10 ** -claimed.decimals + 1e-9
    elif _HEDGE.search(before):
        digits = str(int(claimed.value))
        zeros = len(digits) - len(digits.rstrip("0"))
        tolerance = max(0.5 * 10 ** zeros, 0.02 * claimed.value)
    return abs(value - claimed.value) <= tolerance


def _as_share(figure: Figure, other: Figure) -> float:
    """A fraction as a percentage when the other figure is a percentage ("seven in ten" and
    "70%"), else the figure's value."""
    if figure.kind == "fraction" and figure.total and other.kind == "percent":
        return 100 * figure.value / figure.total
    return figure.value


def _date_parts(text: str) -> tuple[int | None, str, str]:
    match = re.search(r"(?:(\d{1,2})(?:st|nd|rd|th)?\s+)?([A-Za-z]+)\.?\s+(\d{4})", text)
    if not match:
        return None, "", text
    day = int(match.group(1)) if match.group(1) else None
    return day, match.group(2)[:3].lower(), match.group(3)


def same_date(claimed: str, source: str) -> bool:
    """The same day, or the same month when the claim names no day ("by July 2024")."""
    day, month, year = _date_parts(claimed)
    source_day, source_month, source_year = _date_parts(source)
    return (month, year) == (source_month, source_year) and (day is None or day == source_day)
