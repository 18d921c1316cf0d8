"""Scope: a claim that says a thing of all of them ("in all four councils"), read against a
source that limits it to some ("only in the lead LA", "in one LA").

Every rule here names a pattern of English, not a case; each is tested on sentences written
for the test (tests/test_check.py).
"""

from __future__ import annotations

import re

from kb.conditions import RESTRICTIVE
from kb.number_words import WORD_NUMBER, word_value
from kb.words import SAME_AS, stem

# a claim that counts all of them: "all four councils", "every one of the six areas"
ALL_COUNTED = re.compile(rf"\b(?:all(?:\s+of\s+the)?|every\s+one\s+of\s+the|each\s+of\s+the)\s+"
                         rf"(\d+|{WORD_NUMBER})\b", re.I)
_A_COUNT = re.compile(rf"\b(\d+|one|{WORD_NUMBER})\s+([A-Za-z]+)", re.I)


def limits(every: re.Match[str], claim: str, sentence: str) -> bool:
    """Whether the sentence limits what the claim says of all of them (`every`: "all four
    councils"): it says "only", or counts fewer of the same things ("in one LA")."""
    if RESTRICTIVE.search(sentence):
        return True
    whole = word_value(every.group(1))
    things = {alike for word in re.findall(r"[A-Za-z]+", claim[every.end():])[:2]
              for alike in {stem(word)} | SAME_AS.get(stem(word), frozenset())}
    return any(word_value(count.group(1)) < whole and stem(count.group(2)) in things
               for count in _A_COUNT.finditer(sentence))
