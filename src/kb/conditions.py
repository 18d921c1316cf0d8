"""Conditions and bounds: a claim that makes a condition come first where the source says it
is not needed or acts regardless of it, a claim that limits a thing to some members where
the source says it is not limited to them, and a claim that says of an item of a list what
the list's lead-in says of all but its items.

Every rule here names a pattern of English, not a case; each is tested on sentences written
for the test (tests/test_claims.py).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kb.negation import MODALS, NEGATION
from kb.words import content_parts, content_words, stem, words_of

if TYPE_CHECKING:
    from kb.claim_figures import Claim
    from kb.claims import Aligned

# a bound set on what a thing takes in ("limited to blood relatives", "is restricted to
# pupils"), and a source that says there is none ("is not confined to relatives")
_LIMITED = re.compile(r"\b(?:limited|confined|restricted)\s+to\s+([^,.;:()]{1,60})", re.I)
_BOUND_END = re.compile(r"\s+(?:and|or|but|which|who|that|as|for|in|with)\s+", re.I)
_NOT_BEFORE = re.compile(r"\b(?:not|never|no\s+longer)\s+(?:\w+\s+){0,2}$|n't\s+(?:\w+\s+){0,2}$",
                         re.I)


def denied_limit(claim: str, sentence: str) -> tuple[str, str] | None:
    """A claim that limits a thing to some members ("limited to blood relatives") where the
    source says it is not limited to them ("is not confined to relatives"): the two bounds."""
    def bounds(text: str, denied: bool) -> list[tuple[str, set[str]]]:
        found = []
        for match in _LIMITED.finditer(text):
            if bool(_NOT_BEFORE.search(text[:match.start()])) == denied:
                bound = _BOUND_END.split(match.group(1))[0].strip()
                found.append((bound, {stem(w) for w in content_words(bound)}))
        return found
    for ours, our_words in bounds(claim, False):
        for theirs, their_words in bounds(sentence, True):
            if our_words & their_words:
                return ours, theirs
    return None


# a condition a claim says must come first ("may be shared only once an enquiry has begun",
# "cannot start until a referral is made"), and a source that says it need not
_ONLY_WHEN = re.compile(r"\b(?:only(?:\s+[\w-]+){0,8}?\s+(?:once|if|when|after|where|"
                        r"following)|(?:cannot|can't|(?:can|may|must)\s+not)\b.{0,60}?\b"
                        r"(?:unless|until|without))\s+(.+)$", re.I)
_NOT_NEEDED = re.compile(r"\b(?:(?:is|are|be)\s+not\s+(?:necessary|needed|required|essential|"
                         r"a\s+(?:pre-?)?(?:condition|requirement))|need\s+not|do(?:es)?\s+not\s+"
                         r"(?:need|require|have\s+to)|no\s+need|without\s+(?:the\s+)?need)\b",
                         re.I)


def needless_condition(claim: str, sentence: str) -> str | None:
    """The condition a claim makes necessary ("only once a formal enquiry has been opened")
    where the sentence says that very thing is not needed ("it is not necessary for a formal
    enquiry to be opened"): two of its content words, and half of them, in the clause of the
    sentence's "not necessary". Returns the condition, or None."""
    said = _ONLY_WHEN.search(claim)
    if not said or _NOT_NEEDED.search(claim):
        return None
    condition = re.split(r"[,;.]", said.group(1))[0]
    wanted = content_parts(condition) - MODALS
    for match in _NOT_NEEDED.finditer(sentence):
        # the clause the "not necessary" stands in, before it and after ("A signed form is
        # not required before a visit", "it is not necessary for a formal process to be ...")
        clause = re.split(r"[.;:]", sentence[:match.start()])[-1] + " " + \
            re.split(r"[.;:]", sentence[match.end():])[0]
        shared = wanted & content_parts(clause)
        if len(shared) >= 2 and len(shared) >= len(wanted) / 2:
            return condition.strip()
    return None


# an act a claim says must come first ("must inform the family before sharing"), and a
# source that does the thing whatever the act ("share quickly, regardless of whether they
# have been informed")
_FIRST = re.compile(r"\b(?:must|should|need\s+to|needs\s+to|has\s+to|have\s+to)\s+(?:first\s+)?"
                    r"([^,;.]{3,60}?)\s+before\b", re.I)
_REGARDLESS = re.compile(r"\b(?:regardless|irrespective)\s+of\s+whether\s+(?:or\s+not\s+)?"
                         r"([^,;.]+)", re.I)


def regardless_of_condition(claim: str, sentence: str) -> str | None:
    """The condition a claim makes necessary ("only once consent is given", "must inform the
    family before sharing") where the sentence acts regardless of it ("regardless of whether
    the individuals have been informed"): the condition's own words, at least half of them,
    in the sentence's "regardless" clause. Returns the condition, or None."""
    said = _ONLY_WHEN.search(claim) or _FIRST.search(claim)
    if not said or _REGARDLESS.search(claim):
        return None
    condition = re.split(r"[,;.]", said.group(1))[0]
    wanted = content_parts(condition) - MODALS
    for match in _REGARDLESS.finditer(sentence):
        shared = wanted & content_parts(match.group(1))
        if shared and 2 * len(shared) >= len(wanted):
            return condition.strip()
    return None


# a direction said as a verb and "up" or "down" ("had gone up", "went down") is a rise or a fall


RESTRICTIVE = re.compile(r"\b(?:only|solely|exclusively|just|limited to)\b", re.I)
# a claim that something holds only in some case ("only when a concern is raised"), and a
# source that says it always holds
_ONLY_IN_CASE = re.compile(r"\bonly\s+(?:when|if|where|after|once|in\s+cases?\s+where)\b",
                           re.I)
_ALWAYS = re.compile(r"\b(?:always|in\s+all\s+cases|in\s+every\s+case|without\s+exception)\b",
                     re.I)


def only_in_some_case(claim: str, sentence: str) -> str | None:
    """The claim's "only when" (or if, where, after, once) where the sentence says the thing
    always holds and sets no limit of its own; None otherwise."""
    limit = _ONLY_IN_CASE.search(claim)
    if limit is None or not _ALWAYS.search(sentence) or RESTRICTIVE.search(sentence) or \
            _ALWAYS.search(claim):
        return None
    return limit.group(0)


# a sentence that opens on a condition: what it says holds only where the condition does
CONDITION = re.compile(r"\W*(?:if|where|when|whenever|unless|in cases where)\b", re.I)
# a lead-in whose list is of the cases its statement leaves out
EXCEPTED = re.compile(r"\b(?:with\s+the\s+exceptions?\s+of|except(?:\s+for|\s+in)?|excluding|"
                      r"other\s+than|apart\s+from|not\s+including|but\s+not)\s*:\s*$", re.I)


def excepts(claim: Claim, aligned: Aligned) -> str:
    """The lead-in, when the sentence is an item of a list of exceptions ("with the exception
    of:", "except:") and the claim says of it what the lead-in says of the rest (it holds a
    word only the lead-in has: "CCGs commission ... for prisoners" against "CCGs are the main
    commissioners, with the exception of: • services for prisoners, commissioned by NHS
    England"); "" otherwise, or when the claim itself sets something apart."""
    lead = aligned.lead_in
    if not lead or not (EXCEPTED.search(lead) or _denies_its_items(lead)) or \
            NEGATION.search(claim.text) or \
            re.search(r"\b(?:except|exception|excluding|apart from)\b", claim.text, re.I):
        return ""
    own = claim.terms.present(words_of(lead) - words_of(aligned.sentence)) & \
        set(claim.terms.weights)
    return lead.strip() if own else ""


def _denies_its_items(lead: str) -> bool:
    """Whether a list's lead-in denies what follows of each item ("Certain conditions are not
    regarded as impairments for the purposes of the Act:"); a denial under a condition ("If
    the child is not known:") only sets the list's scope."""
    return lead.rstrip().endswith(":") and not CONDITION.match(lead) and \
        bool(NEGATION.search(lead)) and \
        not re.search(r"\b(?:but|unless|if|where)\b", lead, re.I)
