"""Clashes: whether a sentence says the opposite of a claim by the shape of its English (a
denial or a changed duty, a universal against a restriction, a duty against a permission,
opposite modifiers or acts (kb.opposites), a needless condition, a list with one member
swapped, another member put first, a kind narrowed).

Every rule here names a pattern of English, not a case; each is tested on sentences written
for the test (tests/test_claims.py).
"""

from __future__ import annotations

import os
import re
from functools import lru_cache

from kb.conditions import (
    ALWAYS,
    RESTRICTIVE,
    denied_limit,
    needless_condition,
    only_in_some_case,
    others_besides,
    regardless_of_condition,
    the_only_one,
)
from kb.contrasts import (
    moved_the_other_way,
    other_grade,
    reversed_comparison,
    reversed_preference,
    set_apart,
)
from kb.duties import permits_what_claim_names
from kb.items import neighbour_code, other_item
from kb.members import other_first, swapped_member
from kb.negation import NEGATION, denies
from kb.opposites import opposite_word
from kb.words import MODALS, STOP, TOKEN, content_parts, stem, words_of

# a claim that something holds for everyone or always, against a source that limits it
UNIVERSAL = re.compile(r"\b(?:every|all|any|always|whatever|whichever|regardless)\b", re.I)
# a claim that something holds always or in every case ("must always be told", ALWAYS), against
# a source that denies it does ("it is not always safe to notify them")
_NOT_ALWAYS = re.compile(r"\bnot\s+(?:always|in\s+(?:all|every)\s+cases?|necessarily)\b", re.I)
# a duty or an exclusive condition, against a source that permits alternatives
OBLIGATION = re.compile(r"\b(?:must|always|only|required to|has to|have to|shall)\b", re.I)
PERMISSION = re.compile(r"\b(?:may|can|could|might)\b", re.I)
# a claim that leaves something to choice, against a source that makes it a duty
OPTIONAL = re.compile(r"\b(?:(?:may|can|could|might)\s+(?:choose|decide|opt|elect)|optional|"
                      # "if a college chooses to have one": a choice the sentence leaves it
                      r"(?:if|where|whether)\s+(?:[\w'-]+\s+){1,4}?(?:chooses|decides|opts|"
                      r"elects|wishes)\s+to|"
                      r"discretionary|at (?:their|its|the [\w ]{1,30}'?s?) discretion|free to|"
                      r"need not|do(?:es)? not (?:have|need) to|(?:is|are) not required to|"
                      # "agreements are not mandatory", "is not a statutory requirement",
                      # "there is no legal requirement to"
                      r"(?:is|are|was|were|be)\s+not\s+(?:mandatory|compulsory|obligatory|"
                      r"required|a\s+(?:legal\s+|statutory\s+)?requirement)|"
                      r"no\s+(?:legal\s+|statutory\s+)?(?:requirement|duty|obligation))\b",
                      re.I)
# a claim that makes a thing itself a requirement ("agreements are a legal requirement"), not
# only an act a duty ("must"): "compulsory school age" names an age, not a duty
REQUIREMENT = re.compile(r"\b(?:mandatory|obligatory|compulsory(?!\s+school\s+age)|"
                         r"(?:a\s+)?(?:legal|statutory)\s+(?:requirement|duty|obligation)|"
                         r"required\s+by\s+law|legally\s+required)\b", re.I)


def beside_the_only_one(claim: str, sentence: str) -> str | None:
    """Why a claim that sets a thing beside others of its kind clashes with a source that says
    it is the only one (`conditions.the_only_one`), or None."""
    only = the_only_one(claim, sentence)
    return f"the claim sets it beside others; the source says it is {only}" if only else None


def clash(claim: str, sentence: str) -> str | None:
    """Why the sentence says the opposite of the claim, or None when its English does not."""
    if denied := denies(claim, sentence):
        return denied
    if neighbour := neighbour_code(claim, sentence) or other_item(claim, sentence):
        return f"the source says this of {neighbour[1]}, not {neighbour[0]}"
    if UNIVERSAL.search(claim) and RESTRICTIVE.search(sentence) and not \
            RESTRICTIVE.search(claim):
        return "the claim says it holds for all; the source limits it"
    if ALWAYS.search(claim) and not _NOT_ALWAYS.search(claim) and \
            _NOT_ALWAYS.search(sentence):
        return "the claim says it always holds; the source says not always"
    if only := beside_the_only_one(claim, sentence):
        return only
    if others := others_besides(claim, sentence):
        return f"the claim says only this does; the source names others: {others}"
    if limit := only_in_some_case(claim, sentence):
        return f"the claim says it holds {limit}; the source says it always does"
    if OBLIGATION.search(claim) and PERMISSION.search(sentence) and not \
            PERMISSION.search(claim) and not OBLIGATION.search(sentence) and \
            permits_what_claim_names(claim, sentence):
        return "the claim makes it a rule; the source allows otherwise"
    if OPTIONAL.search(claim) and OBLIGATION.search(sentence) and not \
            OPTIONAL.search(sentence) and not PERMISSION.search(sentence):
        return "the claim leaves it to choice; the source makes it a duty"
    if REQUIREMENT.search(claim) and OPTIONAL.search(sentence) and not \
            OPTIONAL.search(claim) and not OBLIGATION.search(sentence):
        return "the claim makes it a requirement; the source says it is not one"
    if limited := denied_limit(claim, sentence):
        return f"the claim limits it to {limited[0]}; the source says it is not: {limited[1]}"
    if event := ends_at_another_event(claim, sentence):
        return f"the claim ends it at '{event[0]}'; the source says it lasts until {event[1]}"
    if kept := kept_not_handed(claim, sentence):
        return kept
    if condition := needless_condition(claim, sentence):
        return f"the claim makes {condition} a condition; the source says it is not needed"
    if condition := regardless_of_condition(claim, sentence):
        return f"the claim makes '{condition}' come first; the source acts regardless of it"
    if swapped := swapped_member(claim, sentence):
        return f"the source lists them without {swapped}"
    if other := other_first(claim, sentence):
        return f"the source says this of {other}"
    if turned := turned_around(claim, sentence):
        return turned
    if equal := ranked_against_equal(claim, sentence):
        return equal
    if apart := set_apart(claim, sentence) or other_grade(claim, sentence):
        return apart
    if narrowed := qualified(claim, sentence):
        return f"the claim says any {narrowed[0]}; the source, {narrowed[1]}"
    return opposite_word(claim, sentence)


def turned_around(claim: str, sentence: str) -> str | None:
    """A comparison, a preference or a move the sentence states the other way round: why, or
    None."""
    return reversed_comparison(claim, sentence) or reversed_preference(claim, sentence) or \
        moved_the_other_way(claim, sentence)


_ANY = re.compile(r"\b(?:any|every)\s+((?:[a-z-]+\s+){0,2}[a-z-]+)", re.I)


def qualified(claim: str, sentence: str) -> tuple[str, str] | None:
    """A claim that something holds for any member of a kind, against a source that names
    only a qualified one ("any member of staff" against "an appropriate senior member of
    staff"): the kind, and the source's words for it; or None."""
    # an open permission ("can be any member of staff") against a rule that names whom
    # ("should ensure an appropriate senior member of staff"); a source that only describes
    # ("a concerned parent asked") does not narrow the claim
    if not PERMISSION.search(claim) or not re.search(r"\b(?:must|should|shall|required)\b",
                                                     sentence, re.I):
        return None
    claim_words = {w.lower() for w in TOKEN.findall(claim)}
    for match in _ANY.finditer(claim):
        words = match.group(1).split()
        for size in range(len(words), 0, -1):
            kind = " ".join(words[:size])
            found = re.search(rf"\b(?:a|an|the)\s+((?:[a-z-]+\s+){{1,3}}){re.escape(kind)}\b",
                              sentence, re.I)
            if found is None:
                continue
            added = [w for w in found.group(1).split() if w.lower() not in claim_words]
            if added and not any(w.lower() in ("other", "same", "such") for w in added):
                return kind, found.group(0)
            break
    return None


# a glossary line: the term it defines, then a colon ("Former relevant child: a young person ...")
_GLOSSARY_TERM = re.compile(r"\W*([A-Z][A-Za-z' -]{2,60}?)\s*:\s+\S")
# a verb that makes the words before a colon a statement, not a term
_SAYS = re.compile(r"\b(?:is|are|was|were|be|been|has|have|had|will|shall|should|must|can|"
                   r"may|include|includes|following)\b", re.I)


def defines_another_term(claim: str, sentence: str) -> bool:
    """Whether a glossary line defines a term that holds the claim's words for its subject and
    more besides ("Former relevant child: ..." for a claim about a "relevant child"): a
    narrower term, whose definition says nothing of the claim's."""
    defined = glossary_term(sentence)
    if defined is None:
        return False
    term, claimed = content_parts(defined), content_parts(claim)
    return len(term & claimed) >= 2 and bool(term - claimed)


def glossary_term(sentence: str) -> str | None:
    """The term a glossary line defines, or None for any other sentence: not a lead-in that
    says something before its colon ("The following rules have been changed: ...")."""
    found = _GLOSSARY_TERM.match(sentence)
    return found.group(1) if found and not _SAYS.search(found.group(1)) else None


# the option a rule tells one to take: "choose family in acute stress", "select the code for
# the main need"; not the options it takes from ("choose between A and B")
_CHOICE = re.compile(r"\b(choose|chose|select|pick|opt\s+for)\s+(?!between\b|from\b|one\b|"
                     r"which\b|whether\b)((?:[\w'-]+\s+){0,5}?[\w'-]+)\s*(?=[,.;:)]|$)", re.I)


def other_choice(claim: str, sentence: str) -> tuple[str, str] | None:
    """The option a claim says to take, and the other one the sentence says to take of the
    same two, when the sentence names both ("choose family dysfunction" against "between
    family in acute stress and family dysfunction, choose family in acute stress"); or None."""
    ours, theirs = list(_CHOICE.finditer(claim)), list(_CHOICE.finditer(sentence))
    if not ours or not theirs:
        return None
    taken, told = ours[-1].group(2), theirs[-1].group(2)
    mine, other = content_parts(taken), content_parts(told)
    if not mine - other or not other - mine:
        return None
    # the sentence names the claim's option as well, and the claim the sentence's
    if mine <= content_parts(sentence) and other <= content_parts(claim):
        return taken, told
    return None


# words that say how far, how often or in what order, not what kind: "staff further agreed" is
# no other kind of agreeing than "staff surveyed agreed"
_ADVERBS = {"further", "also", "again", "still", "then", "now", "already", "often", "always",
            "never", "sometimes", "usually", "generally", "largely", "mostly", "mainly",
            "broadly", "strongly", "slightly", "overall", "together", "even", "just"}


# the words a verb follows as its auxiliary
_AUXILIARIES = {"has", "have", "had", "having", "is", "are", "was", "were", "be", "been", "being",
                "do", "does", "did", "will", "would", "shall", "should", "can", "could", "may",
                "might", "must"}


# a plural noun: "respondents", "families", not "process" or "focus"
_PLURAL = re.compile(r"[^su]s$")


@lru_cache(maxsize=256)  # ask reads the question's frames against every candidate sentence
def _frames(text: str) -> tuple[tuple[str, str, str, str], ...]:
    """Each word of a text between two others: (word before, its stem, the head after, the
    words), lower case; the head a content word."""
    found = list(TOKEN.finditer(text))
    # a closing quote is no part of its word ("a 'sickness return'")
    words = [match.group(0).rstrip("'") for match in found]
    # a qualifier is a word in lower case (a capital starts a name: "the Open Data Institute"),
    # not a verb after "to" ("to say misinformation"), nor a word set beside the next as its
    # alternative ("a concern/allegation": a concern or an allegation), nor a verb after its
    # auxiliary ("has produced guidance", "has developed guidance": one act, said two ways),
    # nor a plural noun before a verb in the past ("respondents agreed": who did it, not a kind
    # of agreeing)
    return tuple((a.lower(), stem(b), stem(c.lower()), f"{b} {c}")
                 for n, (a, b, c) in enumerate(zip(words, words[1:], words[2:], strict=False))
                 if b.islower() and a.lower() != "to" and a.lower() not in _AUXILIARIES and
                 b not in STOP and b not in _ADVERBS and
                 c.lower() not in STOP and len(b) > 2 and len(c) > 2 and
                 not (_PLURAL.search(b) and c.endswith("ed")) and
                 "/" not in text[found[n + 1].end():found[n + 2].start()])


def _forms_of_one(one: str, other: str) -> bool:
    """Whether two stems are forms of one word ("live", "liv" of "living")."""
    shared = len(os.path.commonprefix([one, other]))
    return shared >= 3 and shared >= min(len(one), len(other)) - 1


def other_kind(text: str, sentence: str) -> tuple[str, str] | None:
    """A thing the text names with a qualifier, between the same word before and the same head
    after as the sentence gives another qualifier ("on a one-off basis" against "on a regular
    basis"), where neither text holds the other's: the sentence speaks of another kind of it.
    Returns the two, or None."""
    ours, theirs = words_of(text), words_of(sentence)
    for before, modifier, head, said in _frames(text):
        if modifier in theirs:
            continue
        # (another form of the same word is no other qualifier: "live" and "living")
        other = next((words for word, qualifier, kind, words in _frames(sentence)
                      if word == before and kind == head and qualifier not in ours and
                      not _forms_of_one(qualifier, modifier)), None)
        if other:
            return said, other
    return None


# a state that ends at an event ("stops being looked after as soon as they move in"), and a
# state that lasts until one ("remain looked after until the adoption order is made")
_STATE_ENDS = re.compile(r"\b(?:stops?|stopped|ceases?|ceased|ends?|ended|no\s+longer)\b"
                         r"(.{0,60}?)\b(?:as\s+soon\s+as|when|once|upon)\b([^,;.]*)", re.I)
_STATE_LASTS = re.compile(r"\b(?:remains?|remained|continues?\s+to\s+be|continued\s+to\s+be|"
                          r"stays?|stayed)\b(.{0,60}?)\buntil\b([^,;.]*)", re.I)


def ends_at_another_event(claim: str, sentence: str) -> tuple[str, str] | None:
    """The event a claim says a state ends at, and the later one a sentence says it lasts
    until, when both speak of the same state and the events share no content word ("stops being
    looked after as soon as they move in" against "remain looked after until the adoption order
    is made"); or None."""
    ends, lasts = _STATE_ENDS.search(claim), _STATE_LASTS.search(sentence)
    if ends is None or lasts is None:
        return None
    state = content_parts(ends.group(1)) - MODALS
    if not state or not state & content_parts(lasts.group(1)):
        return None
    ours, theirs = content_parts(ends.group(2)), content_parts(lasts.group(2))
    if not ours or not theirs or ours & theirs:
        return None
    return ends.group(2).strip(), lasts.group(2).strip()


# a thing handed to another ("may hand the lead responsibility over to a deputy", "the provider
# takes over responsibility", "is transferred to the new school"), and one kept ("remains with
# the designated safeguarding lead", "continues to be responsible for", "retains")
_HANDED = re.compile(r"\b(?:hand(?:s|ed|ing)?|pass(?:es|ed|ing)?|transfer(?:s|red|ring)?|"
                     r"delegat(?:e|es|ed|ing)|take(?:s|n)?\s+over|took\s+over|shift(?:s|ed)?|"
                     r"mov(?:e|es|ed)|give(?:s|n)?\s+up|gave\s+up)\b", re.I)
_KEPT = re.compile(r"\b(?:remain(?:s|ed)?\s+(?:with|the\s+\w+\s+of)|stay(?:s|ed)?\s+with|"
                   r"continu(?:e|es|ed)\s+to\s+(?:be\s+|have\s+|hold\s+)?|retain(?:s|ed)?)\b",
                   re.I)
_THING_REACH = 6  # words either side of the verb that name what is handed or kept


def _handed_thing(text: str, verb: re.Match[str]) -> set[str]:
    """What a verb of handing on hands: its object, up to the one it goes to ("hand the lead
    responsibility over to"); with none, its clause's subject ("responsibility passes to")."""
    rest = " ".join(re.split(r"[,;:.()]", text[verb.end():])[0].split()[:_THING_REACH])
    thing = content_parts(re.split(r"\b(?:to|over|from|with|on)\b", rest, maxsplit=1)[0])
    return thing or _before(text, verb)


def _kept_thing(text: str, kept: re.Match[str]) -> set[str]:
    """What a verb of keeping keeps: the subject of "remains with" / "stays with", the object
    of "retains" / "continues to be responsible for"."""
    if re.match(r"(?:remain|stay)", kept.group(0), re.I):
        return _before(text, kept)
    return content_parts(" ".join(text[kept.end():].split()[:_THING_REACH]))


def _before(text: str, match: re.Match[str]) -> set[str]:
    """The content words before a verb in its clause, the nearest few; an aside between commas
    ("the responsibility, as set out above, remains") is passed over."""
    clause = re.split(r"[;:()]|\b(?:whilst|while|but|although)\b", text[:match.start()])[-1]
    clause = re.sub(r",[^,]{0,40},\s*$", " ", clause).split(",")[-1]
    return content_parts(" ".join(clause.split()[-_THING_REACH:]))


def kept_not_handed(claim: str, sentence: str) -> str | None:
    """A claim that a thing is handed to another ("may hand ultimate responsibility over to a
    deputy") against a sentence that says it stays where it was ("the ultimate responsibility
    remains with the designated safeguarding lead"): why, or None. The thing kept must be the
    thing handed: a word of it near both verbs, beyond the words the sentence hands on itself
    ("activities can be delegated, the responsibility remains")."""
    if NEGATION.search(claim) or _KEPT.search(claim):
        return None  # a claim that keeps a thing too says which stays
    handed = set().union(*(_handed_thing(claim, m) for m in _HANDED.finditer(claim))) - MODALS
    if not handed or _HANDED.search(sentence) and not _KEPT.search(sentence):
        return None
    given_on = set().union(*(_handed_thing(sentence, m) for m in _HANDED.finditer(sentence)
                             if not NEGATION.search(sentence[max(0, m.start() - 20):m.start()])))
    for kept in _KEPT.finditer(sentence):
        if NEGATION.search(sentence[max(0, kept.start() - 20):kept.start()]):
            continue
        if (handed & _kept_thing(sentence, kept)) - given_on - MODALS:
            said = " ".join(sentence[kept.start():].split()[:_THING_REACH + 2]).rstrip(",;.")
            return f"the claim hands it on; the source says it stays: '{said}'"
    return None


# a claim that ranks one party above or below others ("carries a greater share of the
# responsibility than the police"), and a source that makes them equal ("have a joint and equal
# responsibility"): the words after the comparative and after "equal" name the same thing
_RANKED = re.compile(r"\b(?:more|greater|larger|bigger|higher|heavier|less|lesser|fewer|smaller|"
                     r"lower|lighter)\s+((?:[\w'-]+\s+){0,6}?)than\b", re.I)
_EQUAL = re.compile(r"\b(?:equal(?:ly)?|the\s+same)\s+((?:[\w'-]+\s+){0,2}[\w'-]+)", re.I)


def ranked_against_equal(claim: str, sentence: str) -> str | None:
    """Why the sentence contradicts a claim that ranks parties: it makes them equal in the
    thing the claim ranks them by; None otherwise, or when the sentence ranks them too."""
    ranked = _RANKED.search(claim)
    if ranked is None or _RANKED.search(sentence) or _EQUAL.search(claim):
        return None
    ranked_by = content_parts(ranked.group(1))
    for equal in _EQUAL.finditer(sentence):
        if ranked_by & content_parts(equal.group(1)):
            return f"the claim ranks them; the source says: {equal.group(0)}"
    return None

