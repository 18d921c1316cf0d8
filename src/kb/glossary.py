"""Acronyms: learned from each document's glossary and inline definitions, plus the field's own."""

from __future__ import annotations

import re

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

_INLINE = re.compile(
    r"((?:[A-Za-z][\w'’-]*,?\s+){1,9}?[A-Za-z][\w'’-]*)\s+\(([A-Z][A-Za-z0-9&/]{1,9})\)")
_DASH_DEF = re.compile(r"^[•\s]*([A-Z][A-Z0-9&/]{1,9})\s*(?:[-–—:=]|\|)\s*([A-Za-z][^.|]{3,90})$")
_TABLE_ROW = re.compile(r"^([A-Z][A-Z0-9&/]{1,9})\s+([A-Z][a-z][^.]{3,90})$")
_BARE = re.compile(r"^[A-Z][A-Z0-9&/]{1,9}$")
_MINOR = {"and", "of", "for", "the", "in", "on", "to", "&", "with", "at", "a", "an", "or"}


def _initials_match(acronym: str, words: list[str]) -> bool:
    """True if the acronym's letters are the initials of the words' tail, minor words optional."""
    letters = [c for c in acronym.upper() if c.isalpha()]
    index = len(letters) - 1
    for word in reversed(words):
        if index < 0:
            break
        parts = [p for p in re.split(r"[-/]", word) if p]
        initials = [p[0].upper() for p in parts]
        if initials and initials == letters[index - len(initials) + 1:index + 1]:
            index -= len(initials)
        elif initials and initials[-1] == letters[index]:
            index -= 1
        elif word.lower() not in _MINOR:
            return False
    return index < 0


def _trim_expansion(acronym: str, words: list[str]) -> str | None:
    """The shortest tail of `words` whose initials spell the acronym."""
    for start in range(len(words) - 1, -1, -1):
        tail = words[start:]
        if tail[0].lower() in _MINOR:
            continue
        if _initials_match(acronym, tail):
            return " ".join(tail).strip(" ,")
    return None


def learn_acronyms(blocks: list[str]) -> dict[str, str]:
    """Acronym definitions in a document's blocks: glossary rows and inline definitions."""
    found: dict[str, str] = {}
    for block, following in zip(blocks, blocks[1:] + [""], strict=True):
        if _BARE.match(block.strip()) and _looks_like_expansion(block.strip(), following):
            found.setdefault(block.strip(), following.strip(" ,;"))
        for match in _INLINE.finditer(block):
            acronym = match.group(2)
            if sum(c.isupper() for c in acronym) < 2:
                continue
            expansion = _trim_expansion(acronym, match.group(1).split())
            if expansion:
                found.setdefault(acronym, expansion)
        for pattern in (_DASH_DEF, _TABLE_ROW):
            if match := pattern.match(block.strip()):
                found.setdefault(match.group(1), match.group(2).strip(" ,;"))
    return {acronym: expansion for acronym, expansion in found.items()
            if 2 <= len(acronym) <= 10 and len(expansion.split()) <= 12}


def _looks_like_expansion(acronym: str, text: str) -> bool:
    """A glossary table flattened to two lines: the acronym, then its meaning."""
    words = text.split()
    if not 1 < len(words) <= 12 or text.endswith(".") or _BARE.match(text.strip()):
        return False
    return words[0][0].upper() == acronym[0] or _initials_match(acronym, words)
