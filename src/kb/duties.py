"""Duties: the acts a text makes a duty, allows or only urges, and a claim that changes the
force of a sentence's duty (a duty against a permission, a duty in law against a course only
urged, a duty said to be none) or names an act the sentence binds no one to.

Every rule here names a pattern of English, not a case; each is tested on sentences written
for the test (tests/test_claims.py, tests/test_check.py).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from functools import lru_cache

from kb.denied_words import DOING, plainly
from kb.words import BASE_OF, MODALS, STOP, content_parts, content_words, stem

# a duty and the act it binds ("should consult", "must be given", "is required to notify"); a
# permission and the act it allows ("may consult"); "may" alone, as "can" is also what one is
# able to do
# the verb a duty binds, a hyphenated "re-" its own ("must re-sign": re-sign)
_ACT = r"\s+(?:(?:also|always|still|then|normally|usually|only)\s+)?(?:be\s+)?((?:re-)?[a-z]+)"
_BINDS = re.compile(r"\b(?:must|should|shall|(?:is|are)\s+(?:required|expected)\s+to|needs?\s+to|"
                    rf"ha(?:s|ve)\s+to){_ACT}", re.I)
_ALLOWS = re.compile(rf"\b(?:may|can|could|might){_ACT}", re.I)
_MAY = re.compile(rf"\bmay{_ACT}", re.I)
_LEAVES_OPEN = re.compile(rf"\b(?:may|can|could|might)(?:\s+not)?{_ACT}", re.I)  # "may not find"
# no act: a word that only links or places ("could be from your manager"), or a state one may
# be in ("may be concerned about", "may be at risk"): a modal before it says what is possible,
# not what is allowed; "have" is an act ("must have regard to") but for a perfect, below
_NOT_AN_ACT = (STOP - {"have", "has"}) | {
    "never", "able", "be", "unable", "concerned", "worried", "aware", "unaware", "vulnerable",
    "affected", "involved", "experiencing", "suffering", "living", "likely", "unlikely", "present",
    "absent", "known", "unknown"}
# "may have seen", "could have been told": what is possible of the past, no act allowed
_PERFECT = re.compile(r"\s+(?:been|seen|done|made|had|got|gone|taken|given|told|heard|known|"
                      r"[a-z]+ed)\b", re.I)
# a duty in law or by rule ("must", "is legally required to"), and a course only urged on
# someone ("is strongly encouraged to", "is advised to", "it is good practice for them to"):
# guidance keeps the two apart
_STRICT = re.compile(r"\b(?:must|shall|ha(?:s|ve)\s+to|(?:is|are)\s+(?:(?:also|legally|"
                     r"statutorily)\s+)*(?:required|obliged|obligated)\s+to|(?:is|are)\s+under"
                     rf"\s+a\s+(?:legal\s+|statutory\s+)?duty\s+to){_ACT}", re.I)
_NEEDS = re.compile(rf"\bneeds?\s+to{_ACT}", re.I)  # a need, which "not necessary" denies
_RECOMMENDS = re.compile(r"\b(?:(?:(?:also|strongly|therefore)\s+)*(?:encouraged|advised|"
                         r"recommended|urged|invited)|(?:good|best)\s+practice(?:\s+for\s+"
                         rf"[\w' ]{{1,40}}?)?)\s+to{_ACT}", re.I)


def _acts(pattern: re.Pattern[str], text: str) -> dict[str, set[str]]:
    """The acts a modal binds or allows in a text, each with the content words that follow it:
    {"consult": {"parent", "child"}}."""
    return {stem(m.group(1).lower()): {stem(w) for w in content_words(text[m.end():])[:5]}
            for m in pattern.finditer(text) if m.group(1).lower() not in _NOT_AN_ACT and
            not (m.group(1).lower() in ("have", "has") and _PERFECT.match(text, m.end()))}


def changed_duty(claim: str, sentence: str) -> str | None:
    """A claim that leaves to choice an act the sentence makes a duty ("may consult" against
    "should consult"), or makes a duty of one the sentence only permits ("must" against "may"):
    why, or None. The act is the verb the modal governs, and what follows it must agree."""
    allowed, bound = _acts(_ALLOWS, claim), _acts(_BINDS, claim)
    source_bound, source_allowed = _acts(_BINDS, sentence), _acts(_ALLOWS, sentence)
    for act, after in allowed.items():
        if act in source_bound and act not in bound and act not in source_allowed and \
                (after & source_bound[act] or not (after or source_bound[act])):
            return "the claim leaves it to choice; the source makes it a duty"
    source_may = _acts(_MAY, sentence)
    for act, after in bound.items():
        if act in source_may and act not in source_bound and act not in allowed and \
                (after & source_may[act] or not (after or source_may[act])):
            return "the claim makes it a duty; the source only allows it"
    return _changed_force(claim, sentence) or denied_duty(claim, sentence)


def _changed_force(claim: str, sentence: str) -> str | None:
    """A claim that makes a duty of an act the sentence only urges ("are required to send"
    against "are strongly encouraged to send"), or only urges one the sentence makes a duty."""
    for ours, theirs, why in ((claim, sentence, "the claim makes it a duty; the source only "
                               "encourages it"),
                              (sentence, claim, "the claim only encourages it; the source "
                               "makes it a duty")):
        strict, urged = _acts(_STRICT, ours), _acts(_RECOMMENDS, theirs)
        also = set(_acts(_STRICT, theirs)) | set(_acts(_RECOMMENDS, ours))
        for act, after in strict.items():
            if act in urged and act not in also and \
                    (after & urged[act] or not (after or urged[act])):
                return why
    return None


# a duty denied: "does not make it mandatory to suspend", "is not required to notify", "there is
# no requirement for the trust to keep", "need not tell", "does not have to consult"
_NO_DUTY = re.compile(r"\b(?:not|no|never)\s+(?:[\w']+\s+){0,3}?(?:mandatory|compulsory|required|"
                      r"necessary|needed|essential|obliged|obligated|a\s+requirement|"
                      r"requirement|obligation|legal\s+duty|duty|"
                      # "it is not the role of schools to provide legal advice"
                      r"role|job|responsibility)\s+"
                      r"(?:(?:for|of)\s+[\w' ]{1,40}?\s+)?to\s+(?:be\s+)?([a-z]+)|"
                      r"\bneeds?\s+not\s+(?:be\s+)?([a-z]+)|\b(?:does|do|did)\s+not\s+(?:have|"
                      r"need)\s+to\s+(?:be\s+)?([a-z]+)", re.I)


# a thing said to be no requirement ("the accreditation itself is not a requirement", "a
# written agreement is not mandatory"), and a thing a text says is needed ("they need
# accreditation", "must have a written agreement")
_THING_NOT_REQUIRED = re.compile(r"\b([a-z][\w'-]*)\s+(?:itself\s+|themselves\s+)?(?:is|are)\s+"
                                 r"not\s+(?:a\s+)?(?:requirement|required|mandatory|compulsory|"
                                 r"necessary|needed|essential)\b(?!\s+(?:to|for)\b)", re.I)
_NEEDS_THING = re.compile(r"\b(?:needs?|requires?)\s+(?!to\b)(?=[a-z])", re.I)


@lru_cache(maxsize=64)  # check reads one claim against every sentence near it
def _needed_things(text: str) -> frozenset[str]:
    """The stems of the heads of what a text says is needed, with no negation in its clause."""
    heads: set[str] = set()
    for match in _NEEDS_THING.finditer(text):
        clause = re.split(r"[,;:.()]", text[:match.start()])[-1]
        thing = _object_words(text[match.end():])
        if thing and not re.search(r"\b(?:not|no|never)\b|n't\b", clause, re.I):
            heads.add(stem(thing[-1]))
    for act, objects in _bound_outright(text).items():
        if act == stem("have") and objects:
            heads |= objects
    return frozenset(heads)


def _no_requirement(claim: str, sentence: str) -> str | None:
    """The sentence says a thing the claim says is needed is no requirement."""
    needed = _needed_things(claim)
    if any(stem(m.group(1)) in needed for m in _THING_NOT_REQUIRED.finditer(sentence)):
        return "the claim says it is needed; the source says it is not a requirement"
    return None


def denied_duty(claim: str, sentence: str) -> str | None:
    """One text makes an act a duty in law or by rule ("the school is obliged to suspend") and
    the other says it is no duty ("does not make it mandatory to suspend"): why, or None. The
    act is the same verb, or another verb of the same object ("need to carry out a DPIA" against
    "it is not necessary to undertake a DPIA")."""
    for ours, theirs, why in ((claim, sentence, "the claim makes it a duty; the source says it "
                               "is not one"),
                              (sentence, claim, "the claim says it is no duty; the source makes "
                               "it one")):
        bound = _bound_outright(ours)
        for match in _NO_DUTY.finditer(theirs):
            act = _base(next(g for g in match.groups() if g))
            after = _object(theirs[match.end():]) | _passive_subject(theirs, match)
            if _alike(act) & set(bound) or any(after & objects for verb, objects in bound.items()
                                                if _one_act(act, verb)):
                return why
    return _no_requirement(claim, sentence)


def _passive_subject(text: str, match: re.Match[str]) -> set[str]:
    """A passive act's object is the subject before it ("privacy notices do not need to be
    issued": {"privaci", "notic"}); empty for an active one."""
    if not re.search(r"\sbe\s+\S+$", match.group(0)):
        return set()
    clause = re.split(r"[,;:.()]", text[:match.start()])[-1]
    return {stem(w) for w in content_words(clause)[-3:]}


# verbs that name one act ("give legal advice", "provide legal advice"; "tell", "inform" and
# "notify" the police)
_SAME_ACTS = [frozenset(stem(w) for w in group.split()) for group in (
    "give provide offer supply", "tell inform notify")]


# another verb of the same object is the same act only for a verb of doing (DOING: "carry
# out a DPIA", "undertake a DPIA") or two verbs of doing it again ("re-sign consent forms",
# "renew consent forms"); two verbs that each name their act ("issue privacy notices",
# "translate privacy notices") are two acts
_AGAIN = frozenset(stem(w) for w in "renew repeat refresh redo reissue resubmit resign reapply "
                   "reconfirm update".split())


def _one_act(act: str, verb: str) -> bool:
    again = {act.replace("-", ""), verb.replace("-", "")} <= _AGAIN  # "re-sign" as "resign"
    return act in DOING or verb in DOING or again


def _alike(act: str) -> set[str]:
    """The act's stem with those of the verbs that name the same act."""
    return set().union({act}, *(group for group in _SAME_ACTS if act in group))


def _bound_outright(text: str) -> dict[str, set[str]]:
    """The acts a text makes a duty with no negation before the duty in its clause ("does not
    by itself mean the member of staff has to be suspended" binds nothing), each with the
    content words that follow it."""
    acts: dict[str, set[str]] = {}
    for match in itertools.chain(_STRICT.finditer(text), _NEEDS.finditer(text),
                                 _LAYS_DUTY.finditer(text)):
        clause = re.split(r"[,;:.()]", text[:match.start()])[-1]
        if not re.search(r"\b(?:not|no|never)\b|n't\b", clause, re.I) and \
                match.group(1).lower() not in _NOT_AN_ACT:
            # a passive duty's object is its subject ("a meeting must be held")
            acts[_base(match.group(1))] = _object(text[match.end():]) | (
                {stem(w) for w in content_words(clause)[-3:]}
                if re.search(r"\sbe\s+\S+$", match.group(0)) else set())
    return acts


# where the object of an act ends: a preposition, a clause, a stop
_OBJECT_END = re.compile(r"[,.;:()]|\b(?:for|before|after|to|with|on|in|at|when|if|and|or|unless|"
                         r"where|because|as|by|from|of|about|within|until|while|whether)\b", re.I)


def _base(verb: str) -> str:
    """The stem of a verb's base form ("held": "hold")."""
    return stem(BASE_OF.get(verb.lower(), verb.lower()))


def _object(rest: str) -> set[str]:
    """The stems of the object that follows an act, up to its first preposition or clause
    ("out a DPIA before a one-off share": {"dpia"})."""
    return {stem(w) for w in _object_words(rest)}


def _object_words(rest: str) -> list[str]:
    """The content words of the object that follows an act, in order: its head last."""
    end = _OBJECT_END.search(rest)
    return content_words(rest[:end.start()] if end else rest)


def permits_what_claim_names(claim: str, sentence: str) -> bool:
    """The source leaves to choice an act the claim speaks of: the verb its "may" governs, or
    the words after it, are the claim's. "must publish an annual report" is no rule that "may
    want to use a checklist" allows otherwise."""
    words = {stem(word) for word in content_words(claim)}
    return any(act in words or after & words
               for act, after in _acts(_LEAVES_OPEN, sentence).items())


# a duty laid on someone by a body or a text ("the advice requires practitioners to notify",
# "expects schools to publish"): the act is the verb after "to"
# "requires a multi-agency team to": the one bound may be named in hyphenated words
_LAYS_DUTY = re.compile(r"\b(?:requires?|required|obliges?|obliged|expects?|expected|compels?)\s+"
                        rf"(?:[\w'-]+\s+){{0,4}}?to{_ACT}", re.I)


def names_the_act(claim: str, sentence: str) -> bool:
    """Whether the sentence names every act the claim makes a duty and says what it is done
    to: the verb, or the head of its object ("must notify the Information Commissioner's
    Office" is not borne out by "must provide information to individuals"). An act with no
    object before its first preposition, or a light verb ("make sure", "have a role", "be
    done"), is left to the model's reading. True when the claim binds no act.
    A sentence that binds acts of its own names the claim's act only in them: "You must
    provide information to individuals ... see guidance on the ICO website" lays no duty
    towards the ICO, which it names only as a place to read more."""
    held = {stem(w) for w in content_words(bound_acts(sentence) or sentence)}
    for match in _duties(claim):
        verb = match.group(1).lower()
        if _base(verb) in _LIGHT:
            continue
        thing = [w for w in _object_words(claim[match.end():]) if w.lower() not in STOP]
        if thing and stem(thing[-1]) not in held and (
                _base(verb) in _HOLDING or _base(verb) not in held and stem(verb) not in held):
            return False
    return True


# where a clause ends: a stop, a colon or semicolon, a table's cell or line, a dash between
# spaces
_CLAUSE_END = re.compile(r"[.;:!?](?:\s|$)|[\t\n]| [-–—] ")


def _duties(text: str) -> Iterator[re.Match[str]]:
    """Each act a text makes a duty ("must notify", "requires practitioners to notify"), its
    verb the match's first group; a modal before no act ("must be aware") makes none."""
    return (match for match in itertools.chain(_BINDS.finditer(text), _LAYS_DUTY.finditer(text))
            if match.group(1).lower() not in _NOT_AN_ACT)


def bound_acts(sentence: str) -> str:
    """The clauses of the acts a sentence makes a duty, each from its verb to the clause's end
    ("must provide information to individuals"), joined; empty when it binds none."""
    acts = []
    for match in _duties(sentence):
        end = _CLAUSE_END.search(sentence, match.start(1))
        acts.append(sentence[match.start(1):end.start() if end else len(sentence)])
    return " ".join(acts)


# verbs of having, whose object is what the duty asks for ("must hold a qualification" is not
# borne out by "should hold and use this information")
_HOLDING = {stem(w) for w in ("hold", "possess", "own")}
# verbs whose sense is in their object ("make sure", "have a role", "take part", "be done")
_LIGHT = {stem(w) for w in ("be", "have", "make", "take", "give", "do", "get", "serve", "play",
                            "act", "keep", "put", "set", "go", "come", "carry", "use")}


# a claim that something is allowed, and a sentence that forbids it: "it is acceptable for the
# proprietor to be the lead" against "it is not appropriate for the proprietor to be the lead"
_PERMITS = re.compile(r"\b(?:may|can|could|allowed|allows?|permitted|permits?|acceptable|"
                      r"appropriate|able to|entitled)\b", re.I)
# ("it is not possible for schools to obtain": what cannot be done is not allowed either)
_FORBIDS = re.compile(r"\b(?:(?:is|are|be)\s+not\s+(?:appropriate|acceptable|permitted|allowed|"
                      r"lawful|possible|able\s+to)|(?:is|are)\s+(?:impossible|unable\s+to)|"
                      r"must not|should not|may not|cannot|can't|mustn't|shouldn't|"
                      r"(?:must|should|may|can)\s+never|prohibited from|forbidden to|"
                      r"(?:in|under)\s+no\s+circumstances(?:\s+(?:should|must|may|can|will|"
                      r"is|are))?)\b", re.I)
# a claim that denies what it permits ("may not"); "without delay", "instead of a form" qualify
# a phrase and deny nothing
_DENIES = re.compile(r"\b(?:not|never|cannot|no\s+longer)\b|n't\b", re.I)


# guidance's own instruction not to: "Where the child has been adopted, do not enter the old
# number in this field"
_DO_NOT = re.compile(r"(?:^|(?<=[,;:.•]\s))(?:do\s+not|don't|never)\s+(?=[a-z])", re.I)


def forbids(claim: str, sentence: str) -> bool:
    """Whether the sentence forbids what the claim says is allowed, or tells the reader not to
    do what the claim makes a duty ("should give the old number in this field" against "do not
    enter the old number in this field"): the clause after the prohibition holds three or more
    of the claim's content words (of its act, for a duty), and half of them; with its subject
    when that names what the claim allows ("Pupils remanded to custody cannot be removed").
    A duty to leave a thing out ("must be left out of the return") is itself a denial."""
    claim = plainly(claim)
    if _FORBIDS.search(claim) or _DENIES.search(claim):
        return False
    prohibitions: tuple[re.Pattern[str], ...]
    if _PERMITS.search(claim):
        claimed, prohibitions = content_parts(claim) - MODALS, (_FORBIDS, _DO_NOT)
    elif duty := _BINDS.search(claim):
        claimed, prohibitions = content_parts(claim[duty.start(1):]) - MODALS, (_DO_NOT,)
    else:
        return False
    for match in itertools.chain(*(rule.finditer(sentence) for rule in prohibitions)):
        clause = re.split(r"[.;:]", sentence[match.end():])[0]
        shared = claimed & content_parts(clause)
        # what is forbidden may be named before the prohibition, as its subject ("Pupils
        # remanded to custody cannot be removed under this ground"), so long as the act after
        # it shares a word with the claim and the subject two
        if shared and _FORBIDS in prohibitions:
            subject = claimed & content_parts(re.split(
                r"[,.;:]|\b(?:but|while|whilst|whereas|although|though|if|when|where)\b",
                sentence[:match.start()])[-1])
            if len(subject) >= 2:
                shared |= subject
        if len(shared) >= 3 and len(shared) >= len(claimed) / 2:
            return True
    return False
