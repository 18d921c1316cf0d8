"""Conditions and bounds: a claim that makes a condition come first where the source says it
is not needed or acts regardless of it, a claim that limits a thing to some members where
the source says it is not limited to them, and a claim that says of an item of a list what
the list's lead-in says of all but its items.

Every rule here names a pattern of English, not a case; each is tested on sentences written
for the test (tests/test_claims.py).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from kb.negation import MODALS, NEGATION
from kb.number_words import NUMBER_WORDS, word_value
from kb.words import STOP, TOKEN, content_parts, content_words, stem, words_of

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
# a claim that only one thing does or counts ("can only be done by a doctor", "from
# practitioners only", "solely"). Not the "only" that plays a figure down ("only 34%", "only
# about a third", "only just over half") or that opens "not only ... but"
EXCLUSIVE = re.compile(r"(?<!\bnot )\bonly\b(?!\s+(?:just|about|around|roughly|some|a\s+(?:few|"
                       r"small|minority|third|quarter|half|fifth|tenth|handful)|half|one\s+in|"
                       r"(?:one|two|three|four|five|six|seven|eight|nine|ten)\b|[\d£]))|"
                       r"\b(?:solely|exclusively|no\s+one\s+(?:but|other\s+than|except)|"
                       r"nobody\s+(?:but|other\s+than|except))\b", re.I)
# what sets a bound of a sentence's own: its own "only", a duty, a rule that nothing else may
BOUNDS = re.compile(r"\b(?:only|solely|exclusively|sole|must|shall|required|requires?|"
                    r"need(?:s)?\s+to|ha(?:ve|s)\s+to|cannot|can't|unless|except|restricted|"
                    r"limited|confined|no\s+(?:one|other|body)|nobody|none\s+but)\b", re.I)


# the one thing a claim says alone does or counts: after its "only", past a verb, to the
# preposition that names the doer or source ("can only be carried out by a nurse"), or the
# words before a closing "only" ("referrals from practitioners only")
_PHRASE_END = re.compile(r"\b(?:can|may|must|will|should|would|could|is|are|was|were|be|has|"
                         r"have|to|of|who|that|which|if|when|where|and|or)\b.*$", re.I)
_TO_PREPOSITION = re.compile(r"^.*\b(?:by|from|through|via|of|to|for)\s+", re.I)
_SCOPE = re.compile(r"^(?:to|for|in|with|at|on)\s+", re.I)  # "only to children of ..."
_ARTICLE = re.compile(r"^(?:(?:the|a|an|their|its|his|her)\s+)+", re.I)
_DOER = re.compile(r"\b(?:by|from|through|via)\s+(.*)$", re.I)
# a second party named with the first ("both self-referral and practitioner referral", "by a
# nurse or a midwife", "by the garage as well as by the council's fleet team")
_BESIDE = {"and", "or", "both", "either", "also", "another", "other", "others", "besides",
           "alongside", "well"}
_BESIDE_REACH = 6  # words either side of the thing a second party may stand


@lru_cache(maxsize=1024)
def restricted_to(claim: str) -> tuple[str, ...]:
    """The content words of the thing a claim says alone does or counts ("only a registered
    nurse": registered, nurse), its head last; empty when it says nothing is alone, or says
    only when, if or then something holds (a condition, read elsewhere). Read once a claim:
    the claim is set against each sentence near it."""
    said = EXCLUSIVE.search(claim)
    if said is None:
        return ()
    rest = claim[said.end():]
    # a closing "only": "from practitioners only", "means foster carers only and excludes ..."
    if re.match(r"\s*(?:[;,.:)]|$|(?:and|but)\b)", rest):
        phrase = _TO_PREPOSITION.sub("", " ".join(claim[:said.start()].split()[-3:]))
    elif re.match(r"\s*(?:then|once|when|if|after|where|until|because|in\s+cases?)\b", rest,
                  re.I):
        return ()
    else:
        phrase = " ".join(TOKEN.findall(rest)[:8])
        doer = _DOER.search(phrase)
        phrase = doer.group(1) if doer else _PHRASE_END.sub("", _SCOPE.sub("", phrase))
        phrase = " ".join(_ARTICLE.sub("", phrase).split()[:3])
    return tuple(word for word in content_words(phrase) if word not in MODALS)


# a claim that sets a thing beside others of its kind ("recorded alongside other factors"), and
# a source that makes it the one ("should be the only factor listed")
_WITH_OTHERS = re.compile(r"\b(?:alongside|along\s+with|together\s+with|as\s+well\s+as|"
                          r"with|besides|among)\s+(?:any\s+|the\s+|some\s+)?others?\s+"
                          r"([a-z][a-z-]+)", re.I)
_THE_ONLY = re.compile(r"\b(?:the|its|their|a|an)\s+(?:only|sole|single|one\s+and\s+only)\s+"
                       r"((?:[a-z][a-z-]+\s+){0,2}?)([a-z][a-z-]+)\b", re.I)


def the_only_one(claim: str, sentence: str) -> str | None:
    """The kind of thing a claim sets beside others of it ("code 21 can be recorded alongside
    other factors") where the source says it is the only one ("code 21 should be the only
    factor listed"), and the claim does not say so itself: the source's words, or None."""
    others = _WITH_OTHERS.search(claim)
    if others is None or _THE_ONLY.search(claim):
        return None
    kind = stem(others.group(1).lower())
    for only in _THE_ONLY.finditer(sentence):
        heads = [only.group(2), *only.group(1).split()]
        if any(stem(word.lower()) == kind for word in heads):
            return only.group(0)
    return None


# what a claim says is left out of the one thing it names: "excludes residential workers",
# "but not agency staff"
_LEFT_OUT = re.compile(r"\b(?:exclud(?:es|ed|ing|e)|but\s+not|and\s+not|not\s+including)\s+"
                       r"(?:[\w'-]+\s*){1,5}", re.I)


_TOKEN_OR_FIGURE = re.compile(r"[A-Za-z0-9][A-Za-z0-9'-]*")


def _as_number(word: str) -> str:
    """A word's stem, a number word as its digits ("eighteen" as "18"), so that the thing a
    claim names in words is found where a source writes it in figures."""
    lowered = word.lower()
    if lowered in NUMBER_WORDS or lowered.isdigit():
        return str(int(word_value(lowered)))
    return stem(word)


def others_besides(claim: str, sentence: str) -> str | None:
    """The thing a claim says alone does or counts ("families cannot refer themselves; referrals
    from practitioners only") where a sentence that sets no bound of its own names it with
    another ("enabling both self-referral and practitioner referral"): the sentence's words
    about the two, or None. The thing is found by its head word ("nurse" of "a registered
    nurse"), and the other must be a content word the claim does not have, across a joining
    word ("and", "or", "both", "another") within a few words of it."""
    alone = restricted_to(claim)
    if not alone or BOUNDS.search(sentence):
        return None
    # the others are none the claim names itself ("short-term or unplanned"), but for those it
    # says are left out ("foster carers only, excluding residential workers")
    head = _as_number(alone[-1])
    words = content_parts(_LEFT_OUT.sub("", claim))
    # a number is the thing ("people under eighteen"): the sentence's figures are its words
    tokens = _TOKEN_OR_FIGURE.findall(sentence) if head.isdigit() else TOKEN.findall(sentence)
    stems = [stem(token) for token in tokens]
    for at, token in enumerate(tokens):
        if _as_number(token) != head:
            continue
        for join in range(max(0, at - _BESIDE_REACH), min(len(tokens), at + _BESIDE_REACH + 1)):
            if tokens[join].lower() not in _BESIDE:
                continue
            # the words on the far side of the joining word from the thing
            far = range(join + 1, min(len(tokens), join + 5)) if join > at else \
                range(max(0, join - 4), join)
            if any(stems[i] not in words and tokens[i].lower() not in STOP for i in far):
                lo, hi = min(at, join), max(at, join)
                return " ".join(tokens[max(0, lo - 2):hi + 4])
    return None


# a claim that something holds only in some case ("only when a concern is raised"), and a
# source that says it always holds
_ONLY_IN_CASE = re.compile(r"\bonly\s+(?:when|if|where|after|once|in\s+cases?\s+where)\b",
                           re.I)
ALWAYS = re.compile(r"\b(?:always|in\s+all\s+cases|in\s+every\s+case|without\s+exception)\b",
                     re.I)


def only_in_some_case(claim: str, sentence: str) -> str | None:
    """The claim's "only when" (or if, where, after, once) where the sentence says the thing
    always holds and sets no limit of its own; None otherwise."""
    limit = _ONLY_IN_CASE.search(claim)
    if limit is None or not ALWAYS.search(sentence) or RESTRICTIVE.search(sentence) or \
            ALWAYS.search(claim):
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


# what a lead-in says of its list itself ("this list is alphabetical and not exhaustive", "in no
# particular order"), which denies nothing of the items
_OF_THE_LIST = re.compile(r"\b(?:not|non-)\s*(?:an?\s+)?(?:exhaustive|complete|comprehensive)\b|"
                          r"\bin\s+no\s+(?:particular\s+)?order\b", re.I)


def _denies_its_items(lead: str) -> bool:
    """Whether a list's lead-in denies what follows of each item ("Certain conditions are not
    regarded as impairments for the purposes of the Act:"); a denial under a condition ("If
    the child is not known:") only sets the list's scope."""
    return lead.rstrip().endswith(":") and not CONDITION.match(lead) and \
        bool(NEGATION.search(_OF_THE_LIST.sub(" ", lead))) and \
        not re.search(r"\b(?:but|unless|if|where)\b", lead, re.I)
