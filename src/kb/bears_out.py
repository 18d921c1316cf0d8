"""What a sentence must state, beyond holding a claim's words, to bear the claim out: that a
thing changed, when the claim says it rose or fell; how far a scheme has got; an amount, when
the claim says the source sets one.

Every rule here names a pattern of English, not a case; each is tested on sentences written
for the test (tests/test_check.py).
"""

from __future__ import annotations

import re

from kb.numbers import direction, find_figures, stated_figures

# a claim that something changed ("fewer children entered care", "referrals rose") is borne out
# only by a sentence that says it went up or down, not by one that only speaks of the thing
CHANGE = re.compile(r"\b(?:rose|risen|rising|increased|decreased|fell|fallen|declined|reduced|"
                    r"dropped|grew|fewer|doubled|halved|went (?:up|down))\b", re.I)
# how far a scheme has got, in order: proposed, tried, in use. A claim that it is further on
# than the sentence says ("already in use" for "prototyped") is not borne out by it
STAGES = [re.compile(r"\b(?:plann?(?:ed|ing)|propos(?:ed|al)|intend(?:ed|s)|will\s+be|"
                     r"design(?:ed|ing))\b", re.I),
          re.compile(r"\b(?:prototyp\w*|pilot\w*|trial\w*|test(?:ed|ing)|develop(?:ed|ing))\b",
                     re.I),
          re.compile(r"\b(?:rolled\s+out|roll(?:ing)?\s+out|in\s+use|already\s+us\w*|adopted|"
                     r"implemented|embedded|launched|using)\b", re.I)]
# a claim that a source sets an amount without saying which ("specifies how long schools must
# keep footage", "must be kept for a set number of years"): borne out only by a sentence that
# states one; a claim that leaves it to someone to decide ("schools decide for themselves how
# long") by a sentence that leaves it so too ("it is for schools to decide how long")
UNSTATED_AMOUNT = re.compile(r"\bhow\s+(?:long|often|many|much|soon)\b|\ba\s+(?:set|fixed|"
                             r"specific|minimum|maximum)\s+(?:number|period|length|amount|"
                             r"time|age)\b|\btime\s+limit\b", re.I)


LEFT_OPEN = re.compile(r"\b(?:decid|choos|determin|agree|judg)\w*\s+(?:for\s+themselves\s+)?"
                       r"how\s+(?:long|often|many|much|soon)\b", re.I)


def states_an_amount(sentence: str) -> bool:
    """Whether the sentence states a figure: a count, a length of time, how often, an age."""
    return bool(stated_figures(find_figures(sentence)))


def stage_of(text: str) -> int:
    """How far on the text says a scheme is (0 proposed, 1 tried, 2 in use), or -1."""
    return max((at for at, words in enumerate(STAGES) if words.search(text)), default=-1)


def further_along(claim: str, sentence: str) -> bool:
    """Whether the claim says a scheme has got further than the sentence does ("other councils
    are already using the tool" against "the council has prototyped a tool")."""
    said = stage_of(sentence)
    return said >= 0 and stage_of(claim) > said


def bears_out(claim: str, sentence: str) -> bool:
    """Whether the sentence states what the claim's words alone do not carry: a change the claim
    says happened, a scheme no further on than the sentence says, an amount the claim says is
    set (or left to someone to decide, as the sentence leaves it)."""
    return (not CHANGE.search(claim) or bool(direction(sentence))) and \
        not further_along(claim, sentence) and \
        (not UNSTATED_AMOUNT.search(claim) or states_an_amount(sentence) or
         bool(LEFT_OPEN.search(claim) and LEFT_OPEN.search(sentence)))
