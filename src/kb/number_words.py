"""Figures written in words: "twenty-four", "five of the six", "one in five", "about a third",
"doubled", "a dozen", and how often something happens ("twice a year", "monthly")."""

from __future__ import annotations

import re

from kb.models import Figure

_UNITS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen "
          "fourteen fifteen sixteen seventeen eighteen nineteen").split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
# "one" alone is left out: it is a pronoun and an article far more often than a count
NUMBER_WORDS = {word: n for n, word in enumerate(_UNITS) if n >= 2} | {
    word: 20 + 10 * n for n, word in enumerate(_TENS)}
_TENS_WORD = "|".join(_TENS)
_UNIT_WORD = "|".join(_UNITS[1:10])
# a compound first ("twenty-four", "eighty three"), then a single word
WORD_NUMBER = (rf"(?:(?:{_TENS_WORD})[\s-](?:{_UNIT_WORD})|" + "|".join(NUMBER_WORDS) + ")")
# a number in words before a word, or hyphened onto a unit of time ("a three-week stay")
_WORD_NUMBER = re.compile(rf"\b({WORD_NUMBER})\b(?=\s+[A-Za-z]|-(?:minute|hour|day|week|"
                          r"fortnight|month|year)s?\b)(\s+per\s?cent\b)?"
                          rf"(?:\s+(?:out\s+)?of\s+(?:the\s+|every\s+)?({WORD_NUMBER}|\d+)\b)?",
                          re.I)
# "one" before a unit of time ("one working day", "one month"); elsewhere "one" is seldom a
# count ("one of the partners", "one area")
_ONE_UNIT = re.compile(r"\bone(?=\s+(?:working\s+|school\s+|calendar\s+|clear\s+)?(?:minute|"
                       r"hour|day|week|fortnight|month|year|term)s?\b)", re.I)
# "one" after a bound ("at least one lawful basis", "more than one plan", "only one
# referral"): the bound makes it a count, though not "one of" the things named after it
_ONE_BOUNDED = re.compile(r"\b(?:at\s+least|at\s+most|more\s+than|no\s+more\s+than|fewer\s+than|"
                          r"less\s+than|only|exactly|up\s+to|a\s+(?:maximum|minimum)\s+of)\s+"
                          r"(one)\b(?!\s+(?:of|another|or\s+other|and\s+the\s+same)\b)", re.I)
# a number of hundreds or thousands in words: "two hundred", "a thousand", "three hundred and
# twelve"
_SCALED = re.compile(rf"\b(a|one|{WORD_NUMBER})\s+(hundred|thousand)\b"
                     rf"(?:\s+(?:and\s+)?({WORD_NUMBER})\b)?", re.I)
_SCALE_WORDS = {"hundred": 100, "thousand": 1000}
# ordinals in words, for ages ("their eighteenth birthday"): "first" to "twenty-ninth"
_ORDINAL_UNITS = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh "
                  "twelfth").split()
ORDINAL_WORDS = {word: n for n, word in enumerate(_ORDINAL_UNITS, 1)} | {
    f"{word}th": n for n, word in enumerate(_UNITS) if 13 <= n <= 19} | {"twentieth": 20} | {
    f"twenty-{word}": 20 + n for n, word in enumerate(_ORDINAL_UNITS[:9], 1)}
ORDINAL_WORD = "|".join(word.replace("-", "[ -]") for word in
                        sorted(ORDINAL_WORDS, key=len, reverse=True))
# shares written as words: "half of all plans", "two thirds", "a quarter"
SHARE_WORDS = {"half": 50.0, "third": 100 / 3, "thirds": 100 / 3, "quarter": 25.0,
               "quarters": 25.0, "fifth": 20.0, "fifths": 20.0, "tenth": 10.0, "tenths": 10.0}
# a change written as a share: "rose by about a fifth", "fell by a quarter"
_CHANGE_SHARE = re.compile(r"\bby\s+(?:about\s+|around\s+|almost\s+|nearly\s+|over\s+)?"
                           r"(a|one|two|three)[\s-]+(half|thirds?|quarters?|fifths?|tenths?)\b",
                           re.I)
# a fifth or a tenth needs its count ("two fifths of"): "the fifth of" is an ordinal, and so is
# "the third of the standards" (a share is "a third of"); the count may be hyphened on
# ("two-thirds of") and the share restated in brackets ("Two-thirds (69%) of")
_SHARE = re.compile(r"(?<!the )\b(?:(?:(a|one|two|three|four)[\s-]+)?(half|thirds?|quarters?)|"
                    r"(a|one|two|three|four|seven|nine)[\s-]+(fifths?|tenths?))\b"
                    r"(?=\s+(?:\([^()]{1,12}\)\s+)?(?:of\b|the\b))", re.I)
# a share counted in its plural ("two thirds", "three quarters") is a share wherever it stands
# ("two-thirds had experienced abuse"), and may lose its space to the layout ("twothirds")
_COUNTED_SHARE = re.compile(r"\b(two|three|four|seven|nine)[\s-]*(thirds|quarters|fifths|"
                            r"tenths)\b", re.I)
# a ratio: "one in five", "1 in 5", "one in every three"; the second number is small and no
# year ("1 in 2024" is not a ratio)
_RATIO = re.compile(rf"\b(one|a|{WORD_NUMBER}|\d{{1,3}})\s+in\s+(?:every\s+)?"
                    rf"({WORD_NUMBER}|\d{{1,3}})\b(?![.,]?\d)", re.I)

# a change written as a multiple: "the waiting time halved", "referrals doubled"
_MULTIPLE = re.compile(r"\b(halved|doubled|trebled|tripled|quadrupled)\b", re.I)
MULTIPLES = {"halved": 0.5, "doubled": 2.0, "trebled": 3.0, "tripled": 3.0, "quadrupled": 4.0}


# the words one of word_figures' patterns needs, each standing alone ("two-thirds" holds "two");
# a counted share may run its words together ("twothirds"), so its plural is looked for inside
# words. A sentence with none of them holds no figure in words: most sentences, read faster
_WORD_FIGURE_WORDS = frozenset(NUMBER_WORDS) | {"one", "hundred", "thousand"} | \
    frozenset(SHARE_WORDS) | frozenset(MULTIPLES)
_RUN_TOGETHER = ("thirds", "quarters", "fifths", "tenths")


def lower_words(text: str) -> set[str]:
    """The text's words, lower case, cut where a word ends ("two-thirds": two, thirds): a
    pattern that needs a word the set lacks cannot match."""
    return set(re.findall(r"[a-z]+", text.lower()))


DIGIT = re.compile(r"\d")  # a pattern that needs a digit cannot match a text without one


def _says_a_word_figure(text: str) -> bool:
    """Whether the text holds a word one of word_figures' patterns needs."""
    return bool(lower_words(text) & _WORD_FIGURE_WORDS) or \
        any(share in text.lower() for share in _RUN_TOGETHER)


def word_value(word: str) -> float:
    """The value of a number written in words or digits: "twenty-four" is 24, "one" is 1."""
    parts = re.split(r"[\s-]+", word.strip().lower())
    if parts[0] in ("one", "a"):
        return 1.0
    if parts[0].isdigit():
        return float(parts[0])
    value = NUMBER_WORDS[parts[0]]
    if len(parts) > 1:
        value += _UNITS.index(parts[1])
    return float(value)


def ratios(text: str) -> list[Figure]:
    """'One in five staff', '1 in 5 (22%)': N of every M, a fraction."""
    if "in" not in lower_words(text):
        return []
    found = []
    for match in _RATIO.finditer(text):
        count, total = word_value(match.group(1)), word_value(match.group(2))
        if 0 < count < total:
            found.append(Figure(match.group(0), match.start(), match.end(), count,
                                  "fraction", total=total))
    return found


def word_figures(text: str, taken: list[tuple[int, int]]) -> list[Figure]:
    """Figures written as words: "five", "twenty-four", "five of the six", "over half of"."""
    if not _says_a_word_figure(text):
        return []
    found = []
    for match in _SCALED.finditer(text):
        if any(s <= match.start() < e for s, e in taken):
            continue
        scale = _SCALE_WORDS[match.group(2).lower()]
        rest = word_value(match.group(3)) if match.group(3) else 0.0
        # "two hundred" is a round figure, to the hundred; "two hundred and twelve" is exact
        found.append(Figure(match.group(0), match.start(), match.end(),
                            word_value(match.group(1)) * scale + rest, "count",
                            decimals=0 if rest else -len(str(scale)) + 1))
    taken = taken + [(f.start, f.end) for f in found]
    for match in _WORD_NUMBER.finditer(text):
        if any(s <= match.start() < e for s, e in taken):
            continue
        word, percent, total = match.groups()
        if percent:  # "ninety per cent"
            found.append(Figure(match.group(0)[:match.end(2) - match.start()], match.start(),
                                  match.end(2), word_value(word), "percent", "%"))
            continue
        found.append(Figure(match.group(0), match.start(), match.end(), word_value(word),
                              "fraction" if total else "count",
                              total=word_value(total) if total else None))
    # "within one working day", "for one month": "one" is a count where a unit of time follows
    found += [Figure(match.group(0), match.start(), match.end(), 1.0, "count")
              for match in _ONE_UNIT.finditer(text)
              if not any(s <= match.start() < e for s, e in taken)]
    found += [Figure(match.group(1), match.start(1), match.end(1), 1.0, "count")
              for match in _ONE_BOUNDED.finditer(text)
              if not any(s <= match.start(1) < e for s, e in taken + [(f.start, f.end)
                                                                      for f in found])]
    for pattern in (_CHANGE_SHARE, _SHARE, _COUNTED_SHARE):
        for match in pattern.finditer(text):
            if any(s <= match.start() < e for s, e in taken) or any(
                    f.kind == "percent" and f.start <= match.start() < f.end for f in found):
                continue
            counted, share = (match.group(1), match.group(2)) if match.group(2) else \
                (match.group(3), match.group(4))
            count = NUMBER_WORDS.get((counted or "").lower(), 1)
            # "two" of "two fifths" counts the share's parts, not things
            found = [f for f in found if not match.start() <= f.start < match.end()]
            # a share in words is a round figure: "half" stands for roughly 45% to 55%
            found.append(Figure(match.group(0), match.start(), match.end(),
                                  count * SHARE_WORDS[share.lower()], "percent", "%",
                                  decimals=-1))
    found += [Figure(match.group(0), match.start(), match.end(),
                     MULTIPLES[match.group(1).lower()], "multiple")
              for match in _MULTIPLE.finditer(text)]
    return found


# "a dozen", "half a dozen", "two dozen": a round count
_DOZEN = re.compile(rf"\b(half\s+a|a|one|{WORD_NUMBER})\s+dozen\b", re.I)

# how often, as times a year: "once a month", "three times per year", "every six months",
# "every other week", "monthly", "six-monthly"
PER_YEAR = {"day": 365.0, "week": 52.0, "fortnight": 26.0, "month": 12.0, "term": 3.0,
            "half term": 6.0, "quarter": 4.0, "year": 1.0}
_ADVERB_PER_YEAR = {"daily": 365.0, "weekly": 52.0, "fortnightly": 26.0, "monthly": 12.0,
                    "termly": 3.0, "quarterly": 4.0, "annually": 1.0, "yearly": 1.0,
                    "biannually": 2.0, "biennially": 0.5}
# a school's terms: "every half term" (six a year), "each school term" (three)
_UNIT = r"(day|week|fortnight|month|half[\s-]term|(?:school\s+)?term|quarter|year)s?"
_TIMES = re.compile(rf"\b(once|twice|(?:{WORD_NUMBER}|\d{{1,2}})\s+times)\s+(?:a|an|per|each|"
                    rf"every)\s+{_UNIT}\b", re.I)
_EVERY = re.compile(rf"\b(?:every|each)\s+(?:(other|second)\s+|({WORD_NUMBER}|"
                    rf"\d{{1,2}})\s+)?{_UNIT}\b", re.I)
_ADVERB = re.compile(rf"\b(?:({WORD_NUMBER}|\d{{1,2}})[\s-])?("
                     + "|".join(_ADVERB_PER_YEAR) + r")\b", re.I)


# "on an annual basis", "on a monthly basis": the adjective of a period, how often
_ON_A_BASIS = re.compile(r"\bon\s+an?\s+(annual|yearly|monthly|weekly|daily|quarterly|termly|"
                         r"fortnightly)\s+basis\b", re.I)
_BASIS_PER_YEAR = {**_ADVERB_PER_YEAR, "annual": 1.0}
# "an annual review", "annual appraisals": "annual" before an act that recurs says how often it
# is done; before a document ("annual report", "annual return") or an allowance ("annual
# leave") it names the thing, and the adverbs above are frequencies wherever they stand
_ANNUAL_ACT = re.compile(r"\bannual(?=\s+(?:[\w-]+\s+)?(?:reviews?|checks?|visits?|meetings?|"
                         r"audits?|assessments?|inspections?|updates?|refreshers?|surveys?|"
                         r"conferences?|supervisions?|appraisals?|training)\b)", re.I)


# a word one of the patterns above holds: a sentence with none says nothing of how often
_HOW_OFTEN_WORDS = frozenset({"basis", "annual", "once", "twice", "times", "every", "each",
                              *_ADVERB_PER_YEAR})


def _per_year(unit: str) -> float:
    """How many of a unit of time a year holds ("half-term": 6, "school term": 3)."""
    return PER_YEAR[" ".join(unit.lower().replace("-", " ").split()).removeprefix("school ")]


def frequencies(text: str) -> list[Figure]:
    """How often something happens, as a figure of kind "frequency" whose value is the times
    a year: "twice a year" 2, "every six months" 2, "every other week" 26, "monthly" 12."""
    if not lower_words(text) & _HOW_OFTEN_WORDS:
        return []  # none of the words every pattern below needs: most sentences
    found: list[Figure] = []

    def add(match: re.Match[str], value: float) -> None:
        if not any(f.start < match.end() and match.start() < f.end for f in found):
            found.append(Figure(match.group(0), match.start(), match.end(), value, "frequency",
                                "a year"))

    for match in _ON_A_BASIS.finditer(text):
        add(match, _BASIS_PER_YEAR[match.group(1).lower()])
    for match in _ANNUAL_ACT.finditer(text):
        add(match, 1.0)
    for match in _TIMES.finditer(text):
        said = match.group(1).lower()
        times = 1.0 if said == "once" else 2.0 if said == "twice" else word_value(
            said.rsplit(" ", 1)[0])
        add(match, times * _per_year(match.group(2)))
    for match in _EVERY.finditer(text):
        other, count, unit = match.groups()
        apart = 2.0 if other else word_value(count) if count else 1.0
        add(match, _per_year(unit) / apart)
    for match in _ADVERB.finditer(text):
        count, adverb = match.groups()
        value = _ADVERB_PER_YEAR[adverb.lower()]
        if count and adverb.lower() == "monthly":  # "six-monthly": every six months
            value = 12.0 / word_value(count)
        elif count:
            continue  # "two weekly meetings": a count of meetings
        add(match, value)
    return sorted(found, key=lambda f: f.start)


def dozens(text: str) -> list[Figure]:
    """"a dozen" 12, "half a dozen" 6, "two dozen" 24: round counts."""
    if "dozen" not in lower_words(text):
        return []
    found = []
    for match in _DOZEN.finditer(text):
        said = match.group(1).lower()
        value = 6.0 if said.startswith("half") else 12.0 * word_value(said)
        found.append(Figure(match.group(0), match.start(), match.end(), value, "count",
                            decimals=-1))
    return found
