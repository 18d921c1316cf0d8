"""Negation: whether one text denies what another states of the same thing, by a negation one
of them has and the other lacks, or by a duty it changes (kb.duties).

Every rule here names a pattern of English, not a case; each is tested on sentences written
for the test (tests/test_claims.py).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Set as AbstractSet

from kb.denied_words import (
    CAPACITY,
    DOING,
    MENTION,
    PASSED,
    plainly,
    prefix_said,
    qualifies_its_noun,
)
from kb.duties import changed_duty
from kb.words import MODALS, content_parts, content_words, one_event_verb, stem

# ("rather than X" and "instead of X" deny X as ", not X" does)
NEGATION = re.compile(r"\b(?:not|no|never|none|neither|nor|cannot|without|nobody|nothing|"
                      r"rather\s+than|instead\s+of|other\s+than)\b|"
                      r"n't\b|\bnon-|\bnon\s+(?=[a-z])|\bun(?:able|lawful|necessary)\b", re.I)
# a negation inside a phrase that names something ("closed with no further action", "for no
# reason", "acted without delay") qualifies that phrase; it does not deny the sentence
PHRASE_NEGATION = re.compile(r"(?:\b(?:with|for|of|at|by|from|in)\s+no|\bwithout)$", re.I)
# "without", "rather than" and "instead of" before an act deny the act's object ("without
# involving the parents", "rather than following national rules": the rules are set aside,
# whatever verb the other text gives them)
_ACT_SET_ASIDE = re.compile(r"(?:without|rather\s+than|instead\s+of)\s+(?!being\b)[a-z]{2,}ing\b",
                          re.I)
# "nothing beyond the visits", "no one other than the DSL", "none but": a negation whose
# clause names an exception limits what it speaks of to that exception (only the visits); it
# denies nothing, and the exception's own "other than" is part of the same limit
_EXCEPTED = re.compile(r"\b(?:nothing|none|nobody|no\s+one|no)\b[^,;:.()]*?\b(?:beyond|except|"
                       r"apart\s+from|besides|other\s+than|save\s+for)\b|"
                       r"(?:nothing|none|nobody|no\s+one)\s+but\b", re.I)
# "other than in the rare cases where ...", "other than when ...": an exception to what the
# clause says, as "except in" is, not a denial of it
_OTHER_THAN_CASE = re.compile(r"\bother\s+than\s+(?=(?:in|where|when|if|during|under|at)\b)",
                              re.I)
# "whether or not the days run together", "whether consecutive or not": the statement holds
# either way, so its "not" denies nothing
_EITHER_WAY = re.compile(r"\bwhether\s+or\s+not\b|\bor\s+not\b(?=\s*(?:[,;:.)]|$))", re.I)


# a negation before a quoted term sets a word aside; "no" inside a data item's name ("a no
# fixed abode indicator") names a field of a record, whatever its value
_QUOTED = re.compile(r"\s*['‘\"“]")
_FIELD_NAME = re.compile(r"(?:\s+[A-Za-z][\w-]*){2,4}\s+(?:flags?|fields?|indicators?|"
                         r"columns?|codes?|data\s+items?)\b", re.I)


def _spans(pattern: re.Pattern[str], text: str) -> list[range]:
    """Where the pattern matches in the text: the negations inside are set aside."""
    return [range(match.start(), match.end()) for match in pattern.finditer(text)]


def _set_aside(text: str) -> list[range]:
    """Where a negation denies nothing of the statement: "whether or not", "other than in"."""
    return _spans(_EITHER_WAY, text) + _spans(_OTHER_THAN_CASE, text)


# a negation a few words into an "if" or "where" clause names a case ("could add a layer if not
# recorded", "in cases where the worker is not employed by the council, ..."); not "when", which
# also tells a time ("at a time when no other programme ran")
_IF_NOT = re.compile(r"\b(?:if|where)\s+(?:[\w'-]+\s+){0,3}$", re.I)


def _names_a_case(text: str, at: int) -> bool:
    """Whether the negation at `at` stands a few words into an "if" clause."""
    return _IF_NOT.search(text, 0, at) is not None


def _negated_words(text: str) -> set[str]:
    """The stems of the words a negation stands before; after "no", the noun phrase it denies
    up to its head ("no case management system provider": provider too)."""
    words = {stem(m.group(1).lower()) for m in re.finditer(
        r"\b(?:not|no|never|without)\s+([A-Za-z]+)", text, re.I)
        if not _names_a_case(text, m.start())}
    for match in re.finditer(r"\bno\s+((?:[A-Za-z][\w'-]*\s+){0,3}[A-Za-z][\w'-]*)", text,
                             re.I):
        if not _names_a_case(text, match.start()):
            words |= {stem(w.lower()) for w in content_words(match.group(1))}
    return words


# "unless X" is "if not X": an exception said either way ("unless a teacher objects",
# "provided no teacher objects") is the same exception
_UNLESS = re.compile(r"\bunless\b([^,;:.()]*)", re.I)


# an aside in brackets, which may stand between a clause's subject and its verb
_ASIDE = re.compile(r"\([^()]*\)")
# where a clause starts; not at a comma, after which a negation may be elliptical ("done by a
# doctor, not a nurse")
_CLAUSE_START = re.compile(r"[;:.()]|\b(?:but|while|whereas|although|though)\b", re.I)
_PRONOUN_SUBJECT = re.compile(r"\b(?:they|it|he|she|these|those)\b", re.I)
_PRONOUN_START = re.compile(r"\s*(?:they|it|he|she|these|those|this)\b", re.I)


def _names_a_term(cue: re.Match[str], after: str) -> bool:
    """Whether the negation names rather than denies: before a quoted term ("instead of
    'looked-after children'"), inside a data item's name ("the referral no further action
    flag"), or as an adjective before its noun ("to prevent unnecessary repeat visits": the
    visits are qualified, not denied; "is unnecessary", "unnecessary to" deny)."""
    return _QUOTED.match(after) is not None or \
        cue.group(0).lower() == "no" and _FIELD_NAME.match(after) is not None or \
        qualifies_its_noun(cue)


_REACH = 6  # words after a negation its clause is read over for the words the texts share
_LISTED_REACH = 10  # the same after a verb of listing, whose object may run long


def _listed_object(following: list[str], denied: str | None, shared: set[str]
                   ) -> tuple[str | None, int]:
    """The word a negation denies, and how far its clause is read: a denied verb of listing
    ("does not list referrals to X") denies its object, whose words may run long; so does a
    denied possibility ("not possible to perform a keyword search")."""
    if denied in CAPACITY:
        # the act, or for a verb of doing its object: "not possible to perform a search"
        rest = following[following.index(denied) + 1:]
        rest = rest[1:] if rest[:1] == ["to"] else rest
        if rest and stem(rest[0]) not in shared and stem(rest[0]) in DOING:
            return next((w for w in rest[1:] if stem(w) in shared), denied), _LISTED_REACH
        return (rest[0] if rest else denied), _REACH
    if denied not in MENTION:
        return denied, _REACH
    place = following.index(denied)
    return next((w for w in following[place + 1:] if stem(w) in shared), denied), _LISTED_REACH


def _in_other_words(following: list[str], denied: str, shared: set[str], other: str) -> bool:
    """Whether a denied word the other text lacks stands where the other text has a word of its
    own, between the same two words: "not generally the most appropriate lawful basis" against
    "the most suitable lawful basis" denies the same thing said in other words."""
    place = following.index(denied)
    if place == 0 or place + 1 >= len(following) or stem(following[place + 1]) not in shared:
        return False
    before, after = following[place - 1], following[place + 1]
    words = [w.lower() for w in re.findall(r"[A-Za-z][A-Za-z'-]*", other)]
    return any(words[at - 1] == before and words[at + 1] == after and word not in PASSED
               and stem(word) not in shared for at, word in enumerate(words[1:-1], start=1))


# a verb joined to a denied one by "or"/"nor" in the same clause is denied too: "should not
# request checks, or ask to see certificates"
_IN_TURN = re.compile(r"(?:,\s*)?\b(?:or|nor)\s+([a-z]+)", re.I)
_TURN_REACH = 3  # words from the negation to an "or" with no comma: the denied word and its object


def _denied_in_turn(after: str, shared: set[str]) -> bool:
    """Whether a word the two texts share is joined by "or"/"nor" to the word a negation
    denies, within its clause: the negation reaches it. The "or" follows a comma ("should not
    request checks, or ask") or comes close after the denied word and its object ("not demand
    identification or ask"); one further on joins the items of a list inside the object ("do
    not include other plans such as leaving care support or adoption support")."""
    clause = re.split(r"[;:.()]|\b(?:but|while|whereas|although|though|which|who|when|where|if|"
                      r"unless|because|that)\b", after)[0]
    return any(match.group(1).lower() not in PASSED and stem(match.group(1).lower()) in shared
               and (match.group(0).startswith(",") or len(re.findall(
                   r"[A-Za-z][A-Za-z'-]*", clause[:match.start()])) <= _TURN_REACH)
               for match in _IN_TURN.finditer(clause))


_PARTICIPLE = re.compile(r"[a-z]{3,}(?:ed|en)")


def _participles_joined(following: list[str], denied: str, shared: set[str]) -> bool:
    """Two participles under one negated auxiliary are both denied: "should not be counted and
    recorded as a referral" denies "recorded" too (a new clause would bring its own auxiliary:
    "was not invited and was told")."""
    place = following.index(denied)
    joined = following[place + 1:place + 3]
    return bool(_PARTICIPLE.fullmatch(denied)) and len(joined) == 2 and joined[0] == "and" and \
        bool(_PARTICIPLE.fullmatch(joined[1])) and stem(joined[1]) in shared


# words that limit what they qualify to it alone: a negation of one denies a claim of any
_EXCLUSIVE = {"only", "solely", "exclusively", "purely"}
_EXCLUSIVE_WORD = re.compile(rf"\b(?:{'|'.join(sorted(_EXCLUSIVE))})\b", re.I)


def _what_follows(text: str, word: str) -> set[str]:
    """The stems of the first three content words after `word` in its clause."""
    at = re.search(rf"\b{re.escape(word)}\b", text, re.I)
    if at is None:
        return set()
    clause = re.split(r"[,;:.()]|\b(?:and|but|or|because|while|whereas|although|though)\b",
                      text[at.end():])[0]
    return {stem(w) for w in content_words(clause)[:3]}


def _same_object(after: str, denied: str, other: str) -> bool:
    """Whether the denied word is said of the same thing in the other text: where both give it
    an object ("not want to see her old name", "wants to leave that life"), one of its first
    words is the other's. Where either gives none, nothing tells them apart."""
    ours = _what_follows(after, denied)
    # a verb's object comes after a preposition or "to" ("not want to see", "not collected in
    # the census"); a word before a noun ("non-statutory support") modifies it, whatever it is
    linked = re.search(rf"\b{re.escape(denied)}\s+(?:to|by|in|for|from|on|with|at|into|as)\b",
                       after, re.I)
    if not ours or not other or linked is None:
        return True
    key = stem(denied.strip("'-"))
    theirs = [_what_follows(other[m.start():], m.group(0))
              for m in re.finditer(r"[A-Za-z][A-Za-z'-]*", other)
              if stem(m.group(0).lower()) == key]
    return not theirs or any(not words or words & ours for words in theirs)


def _negated(text: str, shared: set[str], common: AbstractSet[str] = frozenset(),
             other: str = "") -> bool:
    """Whether the text denies what it says of the words it shares with the other text."""
    denied, exceptions, _ = _denials(text, shared, common, other)
    return (len(denied) + exceptions) % 2 == 1


# a negation that puts one thing in another's place ("Annex A instead of Part one") denies
# nothing of a text that offers the two as alternatives ("either Part one or Annex A")
_PUT_IN_PLACE = re.compile(r"instead\s+of|rather\s+than", re.I)
_OBJECT_END = re.compile(r"\b(?:to|for|by|who|which|that|with|in|on|at|from)\b", re.I)


def _an_alternative(word: str, other: str) -> bool:
    """Whether the other text gives the word as one of two alternatives ("either X or Y"), in
    any of its forms ("instead of electronically": "in paper or electronic form")."""
    at = re.escape(stem(word.strip("'-"))) + r"\w*"
    return re.search(rf"\b{at}\b[^,;:.]{{0,40}}\bor\b|\bor\b[^,;:.]{{0,40}}\b{at}\b",
                     other, re.I) is not None


def _denials(text: str, shared: set[str], common: AbstractSet[str] = frozenset(),
             other: str = "") -> tuple[list[str], int, set[int]]:
    """The words the text's negations deny, how many exceptions it makes that the other text
    states too, and where the counted negations stand. A negation counts when the word it
    denies (the first word after it, past auxiliaries and articles: "not be used",
    "non-statutory") is one the two texts share, or stands in the
    place of the other text's own word; their parity decides (a "not" that denies something
    the other text never mentions says nothing of it)."""
    found: list[str] = []
    counted: set[int] = set()
    limits = _spans(_EXCEPTED, text) + _set_aside(text)
    for cue in NEGATION.finditer(text):
        if _in_compound(text, cue):
            continue  # "located-but-not-returned": a name, inside one hyphenated word
        # "without involving the parents" denies the parents a part, as "not involving" does;
        # "without delay" names a manner
        acting = _ACT_SET_ASIDE.match(text, cue.start())
        if not acting and PHRASE_NEGATION.search(text[max(0, cue.start() - 12):cue.end()]):
            continue  # "with no further action", "without delay": a thing named, not denied
        if any(cue.start() in limit for limit in limits) or _names_a_case(text, cue.start()):
            continue  # "nothing beyond the visits": only the visits; "if not recorded": a case
        after = text[acting.end():] if acting else text[cue.end():]
        if _names_a_term(cue, after):
            continue
        # a compound stands for its head: "not a step-by-step guide" denies a step guide
        following = [w.lower().strip("'-").split("-")[-1]
                     for w in re.findall(r"[A-Za-z][A-Za-z'-]*", after)[:6]]
        # a negation's reach ends at the next one, which denies what follows it ("is not in
        # need cannot have a plan": the "not" denies nothing of the plan)
        following = list(itertools.takewhile(lambda w: not NEGATION.fullmatch(w), following))
        if following and (stem(following[0]) in common or cue.group(0).lower() == "no" and
                          {stem(w) for w in following[:4]} & common):
            continue
        # "not solely by adult males" denies "only by adult males": one limit, said two ways
        limited = bool(following) and following[0] in _EXCLUSIVE and \
            _EXCLUSIVE_WORD.search(other) is not None
        denied = "only" if limited else next((w for w in following if w not in PASSED), None)
        denied, reach = _listed_object(following, denied, shared)
        if denied is None or not limited and (stem(denied.strip("'-")) not in shared or
                              not _same_form(denied, other)) and not (
                other and _in_other_words(following, denied, shared, other)) and \
                not _denied_in_turn(text[cue.end():], shared) and \
                not _participles_joined(following, denied, shared):
            continue
        if not limited and not _same_object(text[cue.end():], denied, other):
            continue  # "did not want to see her old name": not "wants to leave that life"
        if _PUT_IN_PLACE.fullmatch(cue.group(0)) and _an_alternative(denied, other):
            continue  # "given instead of Part one": "read either Part one or Annex A"
        # the clause around it must hold another shared word: "... has been returned but
        # there is no assessment" denies nothing of a claim that only shares "assessment"
        # an aside in brackets ("Data sharing agreements (DSA), also known as ..., are not")
        # stands between a subject and its verb inside one clause
        clauses = _CLAUSE_START.split(_ASIDE.sub(" ", text[:cue.start()]))
        before = clauses[-1]
        # a clause whose subject is a pronoun ("... are subjective but felt they do not need
        # to be seen as complicated"), or that has none ("addresses are populated but not
        # updated"), speaks of what the clause before it names
        if len(clauses) > 1 and (_PRONOUN_SUBJECT.search(before) or
                                 not re.search(r"[A-Za-z]", before)):
            before = f"{clauses[-2]} {before}"
        after = re.split(r"[,;:.()]", text[cue.end():])[0]
        # (its subject, the clause's first words, too: an aside may part it from its verb)
        leading = re.findall(r"[A-Za-z][A-Za-z'-]*", before)
        clause = leading[:4] + leading[-4:] + re.findall(r"[A-Za-z][A-Za-z'-]*", after)[:reach]
        if len(content_parts(" ".join(clause)) & shared) >= 2:
            found.append(stem(denied.strip("'-")))
            counted.add(cue.start())
    # an exception counts where the other text states it too: most of its words, not one that
    # recurs ("unless explicitly noted otherwise" against "explicitly described as ...")
    exceptions = sum(1 for match in _UNLESS.finditer(text)
                     if (parts := content_parts(match.group(1))) and
                     2 * len(parts & shared) >= len(parts))
    return found, exceptions, counted


# a noun made of a verb names a thing, not the act: "should not inform the family" denies
# nothing of "the information may be shared", though the two share a stem
_NOUN_OF_ACT = re.compile(r"(?:ation|ition|ment)s?$")


def _same_form(denied: str, other: str) -> bool:
    """Whether the other text holds a denied verb as a verb, not only as the noun made of it
    (or holds no word of its stem: nothing to tell). A denied noun of an act denies the act
    itself: "there is no expectation that they request" is "they are not expected to"."""
    if _NOUN_OF_ACT.search(denied):
        return True
    key = stem(denied.strip("'-"))
    forms = [w.lower() for w in re.findall(r"[A-Za-z][A-Za-z'-]*", other)
             if stem(w.lower()) == key]
    return not forms or any(not _NOUN_OF_ACT.search(form) for form in forms)


def _in_compound(text: str, cue: re.Match[str]) -> bool:
    """Whether the negation stands inside a hyphenated word, joined on both sides."""
    return text[cue.start() - 1:cue.start()] == "-" and text[cue.end():cue.end() + 1] == "-"


DENIED = "one of them denies what the other states"


def denies(claim: str, sentence: str) -> str | None:
    """Why the sentence says of the same act the opposite of the claim, by a negation one of
    them has and the other lacks, or by a duty one of them makes and the other leaves open."""
    claim, sentence = plainly(one_event_verb(claim)), plainly(one_event_verb(sentence))
    claim, sentence = prefix_said(claim, sentence), prefix_said(sentence, claim)
    # content words only, hyphenated ones split ("non-statutory": statutory)
    shared = (content_parts(claim) & content_parts(sentence)) - MODALS
    # a negated phrase both texts hold ("no further action") is wording they share
    common = _negated_words(claim) & _negated_words(sentence)
    ours, theirs = _denials(claim, shared, common, sentence), _denials(sentence, shared, common,
                                                                       claim)
    counts = [len(ours[0]) + ours[1], len(theirs[0]) + theirs[1]]
    if ours[1] != theirs[1] and _same_exception(claim, sentence):
        counts[1] += ours[1] - theirs[1]  # "unless charged" and "unless and until charged"
    # a negation whose first word the other text lacks still denies a word the other text
    # denies that stands in its reach
    counts[0] += _reaches(claim, ours[2], theirs[0])
    counts[1] += _reaches(sentence, theirs[2], ours[0])
    if counts[0] % 2 != counts[1] % 2 or _clause_denies(claim, sentence, common):
        return DENIED
    return changed_duty(claim, sentence)


def _same_exception(claim: str, sentence: str) -> bool:
    """Whether both texts make an exception ("unless ...") sharing a content word."""
    ours = [content_parts(m.group(1)) for m in _UNLESS.finditer(claim)]
    theirs = [content_parts(m.group(1)) for m in _UNLESS.finditer(sentence)]
    return any(one & other for one in ours for other in theirs)


def _reaches(text: str, counted: set[int], denied: list[str]) -> int:
    """1 when a negation of the text not already counted (`counted`: where those stand; one
    whose first word past auxiliaries is the text's own) reaches, within its clause, a word the
    other text denies: "will not provide any information that might identify" denies
    "identify" as "will not identify" does."""
    if not denied:
        return 0
    either_way = _set_aside(text)
    for cue in NEGATION.finditer(text):
        if cue.start() in counted or _in_compound(text, cue) or \
                any(cue.start() in limit for limit in either_way):
            continue
        clause = re.split(r"[,;:.()]|\b(?:but|unless|until|because|while|whereas)\b",
                          text[cue.end():])[0]
        clause = NEGATION.split(clause)[0]  # the next negation denies what follows it
        if _PUT_IN_PLACE.fullmatch(cue.group(0)):
            # "instead of Part one to staff who work ...": its object alone, not what follows
            clause = _OBJECT_END.split(clause)[0]
        if set(denied) & {stem(w.lower()) for w in content_words(clause)}:
            return 1
    return 0


# where a sentence joins two statements, each with its own verb: "X is not Y, so Z does not
# need W", "because ...", "; ..."
_CLAUSE_JOIN = re.compile(r",\s*(?:so|and\s+so|therefore|which\s+means)\b|;|\bbecause\b|"
                          r"\bas\s+a\s+result\b", re.I)


def _clause_denies(claim: str, sentence: str, common: AbstractSet[str]) -> bool:
    """Whether one statement of the sentence denies what the claim's statement on the same
    matter states, or the other way round. A sentence that denies two things the claim states
    ("X is not Y, so Z does not need W" against "X is Y, so Z needs W") holds two negations,
    whose parity over the whole sentence cancels out; read statement by statement they do not.
    A statement is matched with the other text's statement sharing the most of its words (two
    at least, not counting the clause it came from)."""
    ours, theirs = _CLAUSE_JOIN.split(claim), _CLAUSE_JOIN.split(sentence)
    if len(ours) == 1 and len(theirs) == 1:
        return False  # the whole-text reading stands
    for place, part in enumerate(theirs):
        mine = content_parts(part) - MODALS
        best = max(ours, key=lambda other: len(mine & content_parts(other)))
        shared = (mine & content_parts(best)) - MODALS
        if place and _PRONOUN_START.match(part):
            # "..., so they do not need to be disclosed": "they" are what the part before names
            shared |= (content_parts(theirs[place - 1]) & content_parts(best)) - MODALS
        if len(shared) >= 2 and _negated(part, shared, common, best) != \
                _negated(best, shared, common, part):
            return True
    return False
