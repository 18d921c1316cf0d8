"""Document metadata read from the text: title, reporting period, type and access."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

DOC_TYPES = ("annual-report", "practice-review", "inspection", "committee-report", "other")
MONTHS = ("january february march april may june july august september october november "
          "december").split()

_YEAR_RANGE = re.compile(r"\b(20\d\d)\s?(?:-|/|–|—|to)\s?(20)?(\d\d)\b")
_FY = re.compile(r"\bFY\s?'?(\d\d)\s?[-/]\s?(\d\d)\b", re.I)
_APRIL_MARCH = re.compile(r"\bApril\s+(20\d\d)\s*(?:-|–|—|to)\s*March\s+(20\d\d)\b", re.I)
_YEAR_ENDING = re.compile(r"\byear end(?:ing|ed)\s+(?:31(?:st)?\s+)?March\s+(20\d\d)\b", re.I)
_DATE = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(" + "|".join(MONTHS) + r")\s+(20\d\d)\b", re.I)

_TYPE_RULES: list[tuple[str, re.Pattern[str]]] = [
    ("committee-report", re.compile(r"\b(cabinet|committee|scrutiny panel|report to)\b", re.I)),
    ("inspection", re.compile(
        r"\b(ofsted|inspection|focused visit|jtai|hmicfrs|inspectorate)\b", re.I)),
    ("practice-review", re.compile(
        r"\b(practice review|rapid review|lcspr|thematic review|serious case review|"
        r"learning review|spr)\b", re.I)),
    ("annual-report", re.compile(r"\bannual report\b", re.I)),
]
_RESTRICTED = re.compile(
    r"\b(not for publication|unpublished|not for circulation|restricted|confidential)\b", re.I)


def span(start: int, end: int) -> str | None:
    if end != start + 1 or not 2000 <= start <= 2099:
        return None
    return f"{start}-{end % 100:02d}"


def periods_in(text: str) -> list[str]:
    """Every reporting year written in `text`, normalised to 2021-22, in order of appearance."""
    found: list[tuple[int, str]] = []
    for match in _YEAR_RANGE.finditer(text):
        start = int(match.group(1))
        end = int((match.group(2) or str(start)[:2]) + match.group(3))
        if (period := span(start, end)) is not None:
            found.append((match.start(), period))
    for match in _FY.finditer(text):
        if (period := span(2000 + int(match.group(1)), 2000 + int(match.group(2)))) is not None:
            found.append((match.start(), period))
    for match in _APRIL_MARCH.finditer(text):
        if (period := span(int(match.group(1)), int(match.group(2)))) is not None:
            found.append((match.start(), period))
    for match in _YEAR_ENDING.finditer(text):
        year = int(match.group(1))
        found.append((match.start(), f"{year - 1}-{year % 100:02d}"))
    return [period for _, period in sorted(found)]


def normalise_period(text: str | None) -> str | None:
    """A user's period ('2021/22', 'FY21/22', '2021-2022') as 2021-22; None if not one."""
    if not text:
        return None
    found = periods_in(text)
    return found[0] if found else None


_SEASON = re.compile(r"\b(spring|summer|autumn|winter)\s+(?:term\s+)?(20\d\d)\b", re.I)
_MONTH_YEAR = re.compile(
    r"\b(" + "|".join(m[:3] for m in MONTHS) + r")[a-z]*\.?[\s_-]+(20\d\d|\d\d)\b", re.I)
_BARE_YEAR = re.compile(r"(?<![\d/-])(20\d\d)(?![\d/-])")
_MULTI_YEAR = re.compile(r"\b(20\d\d)\s?(?:-|/|–|to)\s?(20)?(\d\d)\b")
# the month a season's edition or term is dated by
_SEASON_MONTH = {"spring": 3, "summer": 7, "autumn": 10, "winter": 1}


def financial_year(year: int, month: int) -> str:
    """The April-to-March reporting year a date falls in."""
    start = year if month >= 4 else year - 1
    return f"{start}-{(start + 1) % 100:02d}"


def _dated(text: str) -> str | None:
    """The reporting year of a date written in `text`: a full date, a season, a month."""
    if match := _DATE.search(text):
        return financial_year(int(match.group(3)), MONTHS.index(match.group(2).lower()) + 1)
    if match := _SEASON.search(text):
        return financial_year(int(match.group(2)), _SEASON_MONTH[match.group(1).lower()])
    if match := _MONTH_YEAR.search(text):
        year = int(match.group(2))
        month = [m[:3] for m in MONTHS].index(match.group(1)[:3].lower()) + 1
        return financial_year(year + 2000 if year < 100 else year, month)
    return None


def _first_year_of_span(text: str) -> str | None:
    """A plan for several years ("2020-23") is filed under its first year."""
    for match in _MULTI_YEAR.finditer(text):
        start = int(match.group(1))
        end = int((match.group(2) or str(start)[:2]) + match.group(3))
        if start < end <= start + 10:
            return f"{start}-{(start + 1) % 100:02d}"
    return None


def detect_period(title: str, pages: list[str], file_name: str) -> str | None:
    """The reporting year a document is of, from what it says of itself, most telling first:
    its title (a reporting year, a date, season or month, a span of years), its file name,
    a date at the head of its first page (a letter's date), a year in its title, the
    reporting year its opening pages name most, any date they give."""
    stem = re.sub(r"[_]+", " ", file_name.rsplit(".", 1)[0])
    head = "\n".join(pages[:2])
    for text in (title, stem):
        found = periods_in(text)
        if found:
            return found[0]
        if dated := _dated(text) or _first_year_of_span(text):
            return dated
    if match := _DATE.search(pages[0][:600] if pages else ""):
        return financial_year(int(match.group(3)), MONTHS.index(match.group(2).lower()) + 1)
    if match := _BARE_YEAR.search(title):
        year = int(match.group(1))
        return f"{year}-{(year + 1) % 100:02d}"
    counts = Counter(periods_in(head))
    if counts:
        return counts.most_common(1)[0][0]
    return _dated(head[:3000])


def detect_doc_type(title: str, first_page: str) -> str:
    """From the title first; a council paper is told by its first lines even when its title
    names the annual report it presents."""
    committee = _TYPE_RULES[0][1]
    if committee.search(title) or committee.search(first_page[:400]):
        return "committee-report"
    if re.search(r"\b(bulletin|newsletter)\b", title, re.I):
        return "other"
    for text in (title, first_page[:400]):
        for doc_type, pattern in _TYPE_RULES[1:]:
            if pattern.search(text):
                return doc_type
    return "other"


def detect_access(title: str, first_page: str) -> str:
    head = f"{title}\n{first_page[:800]}"
    if _RESTRICTED.search(head) or re.match(r"\s*draft\b", title, re.I):
        return "restricted"
    return "public"


def detect_title(hint: str | None, pages: list[str], path: Path) -> str:
    if hint and len(hint) > 3 and not re.search(r"\.(pdf|docx?|html?)$|^untitled", hint, re.I):
        return hint
    blocks = [block for block in (pages[0] if pages else "").splitlines() if block.strip()]
    for index, block in enumerate(blocks[:8]):
        words = block.split()
        if 1 <= len(words) <= 16 and not block.endswith(".") and any(c.isalpha() for c in block):
            title = block.lstrip("• ").strip()
            following = blocks[index + 1] if index + 1 < len(blocks) else ""
            if len(words) <= 4 and following and len(following.split()) <= 8 \
                    and not following.endswith("."):
                title = f"{title} {following}"
            return title
    return path.stem.replace("-", " ").replace("_", " ").strip().capitalize()
