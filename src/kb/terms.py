"""Terms: a text's content words weighted by their rarity in the library, with acronyms and
their expansions as alternatives; what ask, check and reuse measure coverage with."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kb.words import SAME_AS, STOP, content_words, stem

if TYPE_CHECKING:
    from collections.abc import Set as AbstractSet

    from kb.search import SearchEngine

# words that name the kind of answer wanted, not the thing asked about: a source says "47%",
# not "percentage", so they must not count against a sentence's coverage of the question
_ASKING = re.compile(r"\b(?:what|which)\s+(?:percentage|proportion|share|date|year|month|day|"
                     r"agency|organisation|partner)\b|\b(?:percentage|proportion|per ?cent|"
                     r"how many|how much|number of|how often|how long(?: a period)?|how soon|"
                     r"how quickly|how old|how far(?: back| ahead| forward| in advance)?|"
                     r"when|who|whom|the\s+(?:longest|shortest))\b", re.I)


@dataclass
class Terms:
    """The content words of a text, weighted by rarity, with acronyms and their expansions
    as alternatives: "LADO" is covered by "Local Authority Designated Officer" and back."""

    weights: dict[str, float]  # stem -> weight
    expansions: dict[str, set[str]] = field(default_factory=dict)  # acronym -> its words

    def present(self, words: AbstractSet[str]) -> set[str]:
        """The terms `words` hold, an acronym standing for its expansion and back: half of an
        expansion's words, two at least, stand for it ("child deaths" for the child death
        overview panel), each judged on the words as given (one expansion found does not help
        find the next: "protection" alone is not "child protection", nor then "child
        protection plan")."""
        found = set(words)
        found |= {term for term in self.weights if term in SAME_AS and SAME_AS[term] & words}
        for acronym, parts in self.expansions.items():
            held = len(parts & words)
            # a short acronym's plural keeps its "s" through the stemmer ("LAs": "las")
            if acronym in words or acronym + "s" in words or (parts and held >= min(2, len(parts))
                                    and 2 * held >= len(parts)):
                found |= parts | {acronym}
        return found

    def share(self, words: AbstractSet[str], context: AbstractSet[str] | None = None,
              partial: float = 0.5) -> float:
        """The weighted share of the terms in `words`, those only in `context` at `partial`."""
        inside, around = self.present(words), self.present(context or set())
        total = sum(self.weights.values()) or 1.0
        return sum(w if s in inside else (partial * w if s in around else 0.0)
                   for s, w in self.weights.items()) / total


_STEM_COUNTS: dict[int, dict[str, int]] = {}


def audience_of(engine: SearchEngine) -> bool:
    """Whether the job runs for someone who may see restricted documents."""
    from kb.search import audience

    return bool(audience.get())


def stem_counts(engine: SearchEngine) -> dict[str, int]:
    """How often the library uses each stem ('fostering' and 'fostered' count for 'foster')."""
    vocabulary = engine.vocabulary(audience_of(engine))
    key = id(vocabulary)
    if key not in _STEM_COUNTS:
        counts: dict[str, int] = {}
        for word, count in vocabulary.items():
            counts[stem(word)] = counts.get(stem(word), 0) + count
        _STEM_COUNTS.clear()
        _STEM_COUNTS[key] = counts
    return _STEM_COUNTS[key]


def _rarity(word: str, counts: dict[str, int]) -> float:
    """1 / log(3 + uses). The library's words are split at hyphens, so a compound it lacks
    ("non-close") is as rare as its rarest part ("close"), not as a word never seen; one of
    common words only ("year-on-year") is as common as the library's commonest word."""
    if stem(word) in counts or "-" not in word:
        return 1.0 / math.log(3 + counts.get(stem(word), 0))
    parts = [part for part in word.split("-") if len(part) > 2 and part not in STOP]
    if not parts:
        return 1.0 / math.log(3 + max(counts.values(), default=0))
    return max(1.0 / math.log(3 + counts.get(stem(part), 0)) for part in parts)


def term_weights(engine: SearchEngine, text: str) -> Terms:
    """Rarer words weigh more; an acronym brings its expansion's words as an alternative."""
    counts, acronyms = stem_counts(engine), engine.acronyms
    terms = Terms({})
    cleaned = re.sub(r"\b20\d\d\s?[-/]\s?\d\d(?:\d\d)?\b", " ", text)
    cleaned = _ASKING.sub(" ", cleaned)
    for word in content_words(cleaned):
        weight = _rarity(word, counts)
        if word.upper() in acronyms:
            parts = {stem(part) for part in content_words(acronyms[word.upper()])}
            terms.expansions[stem(word)] = parts
        terms.weights[stem(word)] = max(terms.weights.get(stem(word), 0), weight)
    # an expansion written out in full stands for its acronym too ("Data to Insight": D2I),
    # in the singular or the plural ("Impact Assessment" for "impact assessments")
    written = f" {_stemmed(text)} "
    for acronym, expansion in acronyms.items():
        spelled = _stemmed(expansion)
        if " " in spelled and f" {spelled} " in written:
            parts = {stem(part) for part in content_words(expansion)}
            terms.expansions[stem(acronym.lower())] = parts
    return terms


def _stemmed(text: str) -> str:
    return " ".join(stem(word) for word in re.findall(r"[a-z0-9]+", text.lower()))
