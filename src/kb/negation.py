"""Negation and duty: whether one text denies what another states of the same thing, by a
negation one of them has and the other lacks, or changes its force (a duty against a permission,
a duty in law against a course only urged, a duty said to be none).

Every rule here names a pattern of English, not a case; each is tested on sentences written
for the test (tests/test_negation.py).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from collections.abc import Set as AbstractSet

from kb.words import BASE_OF, STOP, content_parts, content_words, stem

MODALS = {"should", "must", "shall", "will", "would", "could", "might", "ought", "need"}
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


def _negated_words(text: str) -> set[str]:
    """The stems of the words a negation stands before; after "no", the noun phrase it denies
    up to its head ("no case management system provider": provider too)."""
    words = {stem(m.group(1).lower()) for m in re.finditer(
        r"\b(?:not|no|never|without)\s+([A-Za-z]+)", text, re.I)}
    for match in re.finditer(r"\bno\s+((?:[A-Za-z][\w'-]*\s+){0,3}[A-Za-z][\w'-]*)", text,
                             re.I):
        words |= {stem(w.lower()) for w in content_words(match.group(1))}
    return words


# words a negation passes over to reach the word it denies ("not be used", "not by a nurse",
# "not always the best", "not in place"): auxiliaries, articles, prepositions, degree words, and
# verbs that only link or fetch what follows ("not be seen as the default", "do not have to
# get consent")
_PASSED = MODALS | {"be", "been", "being", "is", "are", "was", "were", "have", "has", "had",
                    "do", "does", "a", "an", "the", "by", "to", "for", "of", "always",
                    "usually", "generally", "necessarily", "normally", "all", "any", "only",
                    "just", "yet", "automatically", "also", "even", "most", "more", "very", "quite",
                    "so", "as", "too", "seen", "regarded", "considered", "treated", "viewed",
                    "deemed", "seem", "seems", "appear", "appears", "become", "becomes", "get",
                    "got", "obtain", "seek", "meant", "intended", "supposed", "in", "on", "at",
                    "within", "into", "with", "from",
                    # "not in itself", "not of themselves": an emphasis, not what is denied
                    "itself", "themselves", "himself", "herself", "per", "se",
                    # "no longer looked after" denies "looked after" as "not looked after" does
                    "longer"}
# "unless X" is "if not X": an exception said either way ("unless a teacher objects",
# "provided no teacher objects") is the same exception
_UNLESS = re.compile(r"\bunless\b([^,;:.()]*)", re.I)


# an aside in brackets, which may stand between a clause's subject and its verb
_ASIDE = re.compile(r"\([^()]*\)")
# where a clause starts; not at a comma, after which a negation may be elliptical ("done by a
# doctor, not a nurse")
_CLAUSE_START = re.compile(r"[;:.()]|\b(?:but|while|whereas|although|though)\b", re.I)


def _in_other_words(following: list[str], denied: str, shared: set[str], other: str) -> bool:
    """Whether a denied word the other text lacks stands where the other text has a word of its
    own, between the same two words: "not generally the most appropriate lawful basis" against
    "the most suitable lawful basis" denies the same thing said in other words."""
    place = following.index(denied)
    if place == 0 or place + 1 >= len(following) or stem(following[place + 1]) not in shared:
        return False
    before, after = following[place - 1], following[place + 1]
    words = [w.lower() for w in re.findall(r"[A-Za-z][A-Za-z'-]*", other)]
    return any(words[at - 1] == before and words[at + 1] == after and word not in _PASSED
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
    return any(match.group(1).lower() not in _PASSED and stem(match.group(1).lower()) in shared
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
    limits = [range(match.start(), match.end()) for match in _EXCEPTED.finditer(text)]
    for cue in NEGATION.finditer(text):
        if _in_compound(text, cue):
            continue  # "located-but-not-returned": a name, inside one hyphenated word
        # "without involving the parents" denies the parents a part, as "not involving" does;
        # "without delay" names a manner
        acting = _ACT_SET_ASIDE.match(text, cue.start())
        if not acting and PHRASE_NEGATION.search(text[max(0, cue.start() - 12):cue.end()]):
            continue  # "with no further action", "without delay": a thing named, not denied
        if any(cue.start() in limit for limit in limits):
            continue  # "nothing beyond the visits": only the visits
        after = text[acting.end():] if acting else text[cue.end():]
        following = [w.lower() for w in re.findall(r"[A-Za-z][A-Za-z'-]*", after)[:6]]
        # a negation's reach ends at the next one, which denies what follows it ("is not in
        # need cannot have a plan": the "not" denies nothing of the plan)
        following = list(itertools.takewhile(lambda w: not NEGATION.fullmatch(w), following))
        if following and (stem(following[0]) in common or cue.group(0).lower() == "no" and
                          {stem(w) for w in following[:4]} & common):
            continue
        # "not solely by adult males" denies "only by adult males": one limit, said two ways
        limited = bool(following) and following[0] in _EXCLUSIVE and \
            _EXCLUSIVE_WORD.search(other) is not None
        denied = "only" if limited else next((w for w in following if w not in _PASSED), None)
        if denied is None or not limited and (stem(denied.strip("'-")) not in shared or
                              not _same_form(denied, other)) and not (
                other and _in_other_words(following, denied, shared, other)) and \
                not _denied_in_turn(text[cue.end():], shared) and \
                not _participles_joined(following, denied, shared):
            continue
        if not limited and not _same_object(text[cue.end():], denied, other):
            continue  # "did not want to see her old name": not "wants to leave that life"
        # the clause around it must hold another shared word: "... has been returned but
        # there is no assessment" denies nothing of a claim that only shares "assessment"
        # an aside in brackets ("Data sharing agreements (DSA), also known as ..., are not")
        # stands between a subject and its verb inside one clause
        before = _CLAUSE_START.split(_ASIDE.sub(" ", text[:cue.start()]))[-1]
        after = re.split(r"[,;:.()]", text[cue.end():])[0]
        # (its subject, the clause's first words, too: an aside may part it from its verb)
        leading = re.findall(r"[A-Za-z][A-Za-z'-]*", before)
        clause = leading[:4] + leading[-4:] + re.findall(r"[A-Za-z][A-Za-z'-]*", after)[:6]
        if len({stem(w.lower()) for w in clause} & shared) >= 2:
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


# a duty and the act it binds ("should consult", "must be given", "is required to notify"); a
# permission and the act it allows ("may consult"); "may" alone, as "can" is also what one is
# able to do
_ACT = r"\s+(?:(?:also|always|still|then|normally|usually|only)\s+)?(?:be\s+)?([a-z]+)"
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
                      r"requirement|obligation|legal\s+duty|duty)\s+"
                      r"(?:for\s+[\w' ]{1,40}?\s+)?to\s+(?:be\s+)?([a-z]+)|"
                      r"\bneeds?\s+not\s+(?:be\s+)?([a-z]+)|\b(?:does|do|did)\s+not\s+(?:have|"
                      r"need)\s+to\s+(?:be\s+)?([a-z]+)", re.I)


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
            after = _object(theirs[match.end():])
            if act in bound or any(after & objects for objects in bound.values()):
                return why
    return None


def _bound_outright(text: str) -> dict[str, set[str]]:
    """The acts a text makes a duty with no negation before the duty in its clause ("does not
    by itself mean the member of staff has to be suspended" binds nothing), each with the
    content words that follow it."""
    acts: dict[str, set[str]] = {}
    for match in itertools.chain(_STRICT.finditer(text), _NEEDS.finditer(text)):
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


DENIED = "one of them denies what the other states"


def denies(claim: str, sentence: str) -> str | None:
    """Why the sentence says of the same act the opposite of the claim, by a negation one of
    them has and the other lacks, or by a duty one of them makes and the other leaves open."""
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
    for cue in NEGATION.finditer(text):
        if cue.start() in counted or _in_compound(text, cue):
            continue
        clause = re.split(r"[,;:.()]|\b(?:but|unless|until|because|while|whereas)\b",
                          text[cue.end():])[0]
        clause = NEGATION.split(clause)[0]  # the next negation denies what follows it
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
    for part in theirs:
        mine = content_parts(part) - MODALS
        best = max(ours, key=lambda other: len(mine & content_parts(other)))
        shared = (mine & content_parts(best)) - MODALS
        if len(shared) >= 2 and _negated(part, shared, common) != _negated(best, shared, common):
            return True
    return False




# a duty laid on someone by a body or a text ("the advice requires practitioners to notify",
# "expects schools to publish"): the act is the verb after "to"
_LAYS_DUTY = re.compile(r"\b(?:requires?|required|obliges?|obliged|expects?|expected|compels?)\s+"
                        rf"(?:[\w']+\s+){{0,4}}?to{_ACT}", re.I)


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
