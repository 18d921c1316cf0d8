"""Acronyms: learned from each document's glossary and inline definitions, plus the field's own."""

from __future__ import annotations

import re
from collections.abc import Mapping

COMMON: dict[str, str] = {
    "CIN": "child in need",
    "CP": "child protection",
    "CLA": "children looked after",
    "LAC": "looked after children",
    "UASC": "unaccompanied asylum-seeking children",
    "SPOC": "single point of contact",
    "MASH": "multi-agency safeguarding hub",
    "LADO": "local authority designated officer",
    "CAMHS": "child and adolescent mental health services",
    "CDOP": "child death overview panel",
    "CSE": "child sexual exploitation",
    "CCE": "child criminal exploitation",
    "SPR": "safeguarding practice review",
    "LCSPR": "local child safeguarding practice review",
    "SCR": "serious case review",
    "SEND": "special educational needs and disabilities",
    "YOS": "youth offending service",
    "EHCP": "education, health and care plan",
    "DA": "domestic abuse",
    "VAWG": "violence against women and girls",
    "GCP2": "graded care profile 2",
    "MACE": "multi-agency child exploitation",
    "RHI": "return home interview",
    "JTAI": "joint targeted area inspection",
    "ILACS": "inspection of local authority children's services",
    "ICB": "integrated care board",
    "CCG": "clinical commissioning group",
    "LSCP": "local safeguarding children partnership",
    "MARAC": "multi-agency risk assessment conference",
    "NRM": "national referral mechanism",
    "SENCO": "special educational needs coordinator",
    "DSL": "designated safeguarding lead",
    "GP": "general practitioner",
}

# an acronym as written: two or more capitals, maybe small letters, digits, "&", "/" or "-"
ACRONYM = r"[A-Z][A-Za-z0-9&/-]{1,11}"
_ACRONYM = re.compile(rf"^{ACRONYM}$")
_AFTER = re.compile(rf"\(\s*({ACRONYM}?)(?:\(s\)|s)?\s*\)")  # words (ACR)
_BEFORE = re.compile(rf"\b({ACRONYM})\s*\(([^()]{{3,120}})\)")  # ACR (words)
_LEAD = re.compile(rf"^[•◦\s]*({ACRONYM})\s*(?:[:=|\t]|\s[-–—]\s)\s*(.{{3,120}})$")  # ACR: words
_MINOR = {"and", "of", "for", "the", "in", "on", "to", "&", "with", "at", "a", "an", "or",
          "by", "from"}
_DIGIT_WORDS = {"2": ("to", "two"), "4": ("for", "four"), "3": ("three",)}


def is_acronym(token: str) -> bool:
    """Shaped like an acronym: at least two capitals and more capitals than small letters."""
    if not _ACRONYM.match(token):
        return False
    upper = sum(c.isupper() for c in token)
    return upper >= 2 and upper > sum(c.islower() for c in token)


def _letters(acronym: str) -> list[str]:
    """The letters an expansion's words must begin with: a plural s and joiners dropped."""
    core = acronym[:-1] if acronym.endswith("s") and acronym[-2:-1].isupper() else acronym
    return [c.lower() for c in core if c.isalnum()]


def _word_starts(word: str) -> list[str]:
    parts = [p for p in re.split(r"[-/]", word) if p]
    return [p[0].lower() for p in parts if p[0].isalnum()]


def initials_match(acronym: str, words: list[str]) -> bool:
    """The acronym's letters are the initials of `words` in order; small linking words may
    be skipped, a hyphenated word may give one letter or one per part, a digit stands for
    its word ("D2I", data to insight)."""
    letters = _letters(acronym)
    return _match(letters, [w.strip(",;:'\"()") for w in words if w.strip(",;:'\"()")])


def _match(letters: list[str], words: list[str]) -> bool:
    if not letters:
        return all(word.lower() in _MINOR for word in words)
    if not words:
        return False
    word, rest = words[0], words[1:]
    lowered = word.lower()
    starts = _word_starts(word)
    letter = letters[0]
    if letter in _DIGIT_WORDS and lowered in _DIGIT_WORDS[letter] and _match(letters[1:], rest):
        return True
    if starts and starts == letters[:len(starts)] and len(starts) > 1 and \
            _match(letters[len(starts):], rest):
        return True
    # an acronym inside the expansion gives all its letters: "UK Council for Internet Safety"
    # is UKCIS, "NHS England" NHSE
    if len(word) > 1 and word.isalpha() and word.isupper() and \
            letters[:len(word)] == list(lowered) and _match(letters[len(word):], rest):
        return True
    if starts and starts[0] == letter and _match(letters[1:], rest):
        return True
    return lowered in _MINOR and _match(letters, rest)


def _expansion_before(acronym: str, words: list[str]) -> str | None:
    """The longest run of words ending just before "(ACR)" whose initials spell it (every
    word a letter or a linking word, so "Families First for Children Pathfinder (FFCP)" is
    not cut to "First for Children Pathfinder")."""
    need = len(_letters(acronym))
    for start in range(max(0, len(words) - 3 * need - 2), len(words)):
        tail = words[start:]
        if tail[0].lower() in _MINOR:
            continue
        if initials_match(acronym, tail):
            return " ".join(tail).strip(" ,;:")
    return None


def _expansion_after(acronym: str, words: list[str]) -> str | None:
    """The shortest run of words starting `words` whose initials spell the acronym."""
    letters = _letters(acronym)
    need = len(letters)
    cleaned = [word.strip(",;:'\"()") for word in words[:3 * need + 2]]
    if not _may_open(letters, cleaned):
        return None
    for end in range(need, min(len(words), 3 * need + 2) + 1):
        if words[end - 1].lower() in _MINOR:
            continue
        if _match(letters, [word for word in cleaned[:end] if word]):
            return " ".join(words[:end]).strip(" ,;:")
    return None


def _may_open(letters: list[str], words: list[str]) -> bool:
    """Whether the first word that is not a linking word can give the first letter: when it
    cannot, no run of these words spells the acronym, and the runs need not be tried."""
    for word in words:
        lowered = word.lower()
        starts = _word_starts(word) if word else []
        if starts and starts[0] == letters[0] or lowered in _DIGIT_WORDS.get(letters[0], ()):
            return True
        if word and lowered not in _MINOR:
            return False
    return False


def learn_acronyms(blocks: list[str]) -> dict[str, str]:
    """Acronym definitions in a document's blocks: "words (ACR)", "ACR (words)", "ACR: words",
    glossary table rows (cells split by tabs), a glossary flattened to two lines, and runs of
    "ACR Words ACR Words" from a glossary flattened to one line. Each expansion must spell the
    acronym by its initials, except in a two-cell table row or a line of its own."""
    found: dict[str, str] = {}
    for block, following in zip(blocks, blocks[1:] + [""], strict=True):
        text = block.strip()
        for acronym, expansion in _definitions(text, following.strip()):
            if 2 <= len(acronym) <= 12 and 1 <= len(expansion.split()) <= 14:
                found.setdefault(acronym.rstrip("s") if acronym.endswith("s")
                                 and acronym[-2:-1].isupper() else acronym, expansion)
    return found


def _definitions(text: str, following: str) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    cells = [cell.strip() for cell in text.split("\t") if cell.strip()]
    if len(cells) == 2 and is_acronym(cells[0]) and not is_acronym(cells[1]):
        pairs.append((cells[0], cells[1].rstrip(" .;,")))
    if is_acronym(text) and _looks_like_expansion(text, following):
        pairs.append((text, following.strip(" ,;")))
    if match := _LEAD.match(text):
        acronym, rest = match.group(1), match.group(2).strip()
        if is_acronym(acronym) and "\t" not in rest:
            expansion = _expansion_after(acronym, rest.split()) or (
                rest.rstrip(" .;,") if len(rest.split()) <= 8 and rest[:1].isupper()
                and rest[:1].lower() == _letters(acronym)[0] else None)
            if expansion:
                pairs.append((acronym, expansion))
    words = text.split()
    for match in _AFTER.finditer(text):
        acronym = match.group(1)
        if is_acronym(acronym):
            before = text[:match.start()].split()
            if expansion := _expansion_before(acronym, before[-40:]):
                pairs.append((acronym, expansion))
    for match in _BEFORE.finditer(text):
        acronym, inside = match.group(1), match.group(2).split()
        if is_acronym(acronym) and (expansion := _expansion_after(acronym, inside)):
            pairs.append((acronym, expansion))
    pairs.extend(_flattened_run(words))
    return pairs


def _flattened_run(words: list[str]) -> list[tuple[str, str]]:
    """ "CAIT Child Abuse Investigation Team CSC Children's Social Care": each acronym with
    the words up to the next one, kept when their initials spell it."""
    # most words are not capitalised: the cheap test first keeps this linear and small
    marks = [index for index, word in enumerate(words) if word[:1].isupper() and is_acronym(word)]
    if not marks or len(marks) == 1 and marks[0] != 0:
        return []
    pairs = []
    for here, there in zip(marks, marks[1:] + [len(words)], strict=True):
        span = words[here + 1:there]
        if span and (expansion := _expansion_after(words[here], span)):
            if len(expansion.split()) >= len(span) - 1:
                pairs.append((words[here], expansion))
    return pairs


def _looks_like_expansion(acronym: str, text: str) -> bool:
    """A glossary table flattened to two lines: the acronym, then its meaning."""
    words = text.split()
    if not 1 < len(words) <= 12 or text.endswith(".") or is_acronym(text.strip()):
        return False
    return words[0][0].upper() == acronym[0] or initials_match(acronym, words)


def title_acronyms(titles: list[str], vocabulary: Mapping[str, int],
                   english: frozenset[str]) -> dict[str, str]:
    """The short names a library writes for its own documents: the initials of a title's
    opening words ("KCSIE" for "Keeping children safe in education 2025"), with or without
    its minor words, where the library uses them as a word that is no English word."""
    found: dict[str, str] = {}
    for title in titles:
        words = re.findall(r"[A-Za-z]+", title.split(":")[0])
        # plain words only: a title opening on a name of its own ("DfE Project A") is not
        # spelled out by its initials
        plain = next((n for n, w in enumerate(words) if len(w) < 2 or not w[1:].islower()),
                     len(words))
        words = words[:plain]
        for size in range(3, len(words) + 1):
            opening = words[:size]
            for letters in ("".join(w[0] for w in opening),
                            "".join(w[0] for w in opening if w.lower() not in _MINOR)):
                key = letters.lower()
                if len(key) >= 3 and key in vocabulary and key not in english:
                    found.setdefault(letters.upper(), " ".join(opening).lower())
    return found
