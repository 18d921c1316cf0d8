"""Opposite words: a modifier the claim gives where the sentence gives its opposite ("before"
against "after"), or an act the sentence undoes ("kept" against "removed").

Every rule here names a pattern of English, not a case; each is tested on sentences written
for the test (tests/test_claims.py).
"""

from __future__ import annotations

import re
from functools import lru_cache

from kb.words import stem, word_parts

# modifiers that exclude each other when they qualify the same thing
OPPOSITES = [("half", "full"), ("short", "long"), ("minimum", "maximum"), ("first", "last"),
             # a change up against one down, whichever verb each gives it ("fell" against "has
             # increased")
             ("increase|rise|rose|risen", "decrease|reduction|fall|fell|fallen"),
             ("higher", "lower"),
             ("more", "fewer|less"), ("before", "after"), ("earliest", "latest"),
             ("earlier", "later"), ("public", "private"), ("internal", "external"),
             ("voluntary", "compulsory"), ("formal", "informal"), ("weekly", "monthly"),
             ("daily", "weekly"), ("annual", "monthly"), ("written", "verbal"),
             ("permanent", "temporary"), ("highest", "lowest"),
             ("mandatory", "optional|voluntary"), ("strength|strengths", "weakness|weaknesses"),
             ("good|best", "poor|bad|worst"),
             # what a study found of an assumption
             ("confirm|confirms|confirmed|prove|proves|proved|proven",
              "disprove|disproves|disproved|refute|refutes|refuted"),
             # the two sexes, as adjectives and as children
             ("male|males", "female|females"), ("boy|boys", "girl|girls"),
             # how quickly and how hard a thing went
             ("fast|faster|quick|quicker|quickly|rapid|rapidly", "slow|slower|slowly"),
             ("easy|easier", "difficult|harder|confusing"),
             ("simple|simpler", "complex|complicated"),
             ("strong|stronger|strongest", "weak|weaker|weakest")]
# acts that undo each other, in the forms a stem does not join ("kept", "keep")
UNDOING = [("keep|kept|retain|retained|stay|stays|stayed", "remove|removed|delete|deleted|"
            "relinquish|relinquished|surrender|surrendered"),
           ("add|added|adding", "remove|removed|removing|removal|delete|deleted|deletion"),
           ("include|included", "exclude|excluded"), ("accept|accepted", "reject|rejected"),
           ("remain|remains|remained", "become|becomes|became"),
           ("continue|continues|continued|uninterrupted", "stop|stops|stopped|cease|ceases|"
            "ceased|halt|halts|halted|interrupted")]

# phrasal verbs said as one word: "go up" a rise, "fall outside" an exclusion (not a fall),
# "fall within" an inclusion, "hand over" and "give up" a letting go of what was held
_PHRASAL = re.compile(r"\b(?:(?:go|goes|going|gone|went)\s+(up|down)|"
                      r"(?:fall|falls|falling|fell|fallen)\s+(outside|within)|"
                      r"(?:hand|hands|handed|handing|give|gives|gave|giving)\s+(over|up))\b",
                      re.I)
# the one word for each verb's particle, in the order of the pattern's groups
_ONE_WORD = ({"up": "rise", "down": "fall"}, {"outside": "excluded", "within": "included"},
             {"over": "relinquish", "up": "relinquish"})


def _one_word(match: re.Match[str]) -> str:
    group = match.lastindex or 1
    return _ONE_WORD[group - 1][match.group(group).lower()]


# "once" as a conjunction before a thing done ("once a case has reached court"): after it
_ONCE_DONE = re.compile(r"\bonce\s+(?=(?:[\w']+\s+){1,4}?(?:has|have|had)\s+(?:been\s+)?"
                        r"[a-z]+(?:ed|en|t)\b)", re.I)
_UNTIL = re.compile(r"\b(?:until|till|up to the)\b", re.I)
# "keep" as a light verb, its object the act ("keep a record of" is to record, "keep them
# informed" to inform): no keeping of a thing that removing could undo ("keep records" may be
# to retain them, and stays)
_LIGHT_KEEP = re.compile(r"\b(?:keep|keeps|kept|keeping)\s+(?:(?:an?\s+(?:[a-z]+\s+)?)"
                         r"(?:record|note|log|account)|track|an\s+eye)\b|"
                         r"\b(?:keep|keeps|kept|keeping)\s+(?:[\w']+\s+){0,3}?"
                         r"(?:informed|up\s+to\s+date|updated|in\s+touch|in\s+mind)\b", re.I)


# each pair's two sets of stems, read once; and whether it is the pair of going on and stopping
_PAIRS = [({stem(form) for form in one.split("|")}, {stem(form) for form in other.split("|")},
           one.startswith("continue")) for one, other in [*OPPOSITES, *UNDOING]]


@lru_cache(maxsize=8192)
def prepared(text: str) -> tuple[str, frozenset[str], bool]:
    """A text with its phrasal verbs, light "keep"s and "once ... done"s said as one word, its
    words' stems, and whether it says till when ("until"). Kept per text: a question is read
    against every sentence of its passages."""
    text = _ONCE_DONE.sub("after ", _LIGHT_KEEP.sub("record", _PHRASAL.sub(_one_word, text)))
    return text, frozenset(word_parts(text)), _UNTIL.search(text) is not None


def opposite_word(claim: str, sentence: str) -> str | None:
    """A modifier the claim gives where the sentence gives its opposite ("before" against
    "after", "minimum" against "maximum"), or an act the sentence undoes ("kept" against
    "removed"), and not the claim's own: why, or None."""
    (claim, claim_words, claim_until), (sentence, source_words, source_until) = \
        prepared(claim), prepared(sentence)
    for a, b, going_on in _PAIRS:
        if going_on and (claim_until or source_until):
            continue  # "continues until the last Friday": when it stops, said the other way
        # a sentence that gives both sets them against each other ("a permanent workforce,
        # agency staff only as a temporary measure"): it need not deny the claim's
        for ours, theirs in ((a, b), (b, a)):
            if ours & claim_words and theirs & source_words and not theirs & claim_words \
                    and not ours & source_words:
                return f"the claim says {_said(ours, claim)}, the source {_said(theirs, sentence)}"
    return None


def _said(stems: set[str], text: str) -> str:
    """The text's own word of these stems."""
    return next(word for word in re.findall(r"[A-Za-z0-9]+", text)
                if stem(word.lower()) in stems)
