"""Dates and reporting periods written in text, and whether a four-digit number is a year."""

from __future__ import annotations

import calendar
import re

from kb.extract.metadata import MONTHS, normalise_period
from kb.models import Figure

MONTH_PATTERN = "|".join(MONTHS)
_PERIOD = re.compile(
    r"\b(?:April\s+20\d\d\s*(?:-|–|—|to)\s*March\s+20\d\d|FY\s?'?\d\d\s?[-/]\s?\d\d|"
    r"20\d\d\s?(?:-|/|–|—|to)\s?(?:20)?\d\d)\b", re.I)
_SHORT_MONTH = r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec"
_DATE = re.compile(rf"\b(?:(\d{{1,2}})(?:st|nd|rd|th)?\s+)?({MONTH_PATTERN}|"
                   rf"(?:{_SHORT_MONTH})\.?)\s+(20\d\d)\b", re.I)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(20\d\d)\b")
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


def time_figures(text: str) -> list[Figure]:
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
