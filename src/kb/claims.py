"""Claims against sentences: which sentences of the library a claim is about, and whether a
sentence says the same or the opposite by the shape of its English (negation, a universal
against a restriction, a duty against a permission, opposite modifiers, a list with one member
swapped).

Every rule here names a pattern of English, not a case; each is tested on sentences written
for the test (tests/test_claims.py).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace

import numpy as np

from kb import embed
from kb.agreement import same_date
from kb.contrasts import reversed_comparison, reversed_preference
from kb.items import neighbour_code, other_item
from kb.models import Passage
from kb.names import REPORTING
from kb.numbers import find_figures
from kb.sentences import FRAME, LEANS_BACK, split_sentences, unwrapped
from kb.terms import Terms
from kb.words import content_words, stem

WORD = re.compile(r"[A-Za-z][A-Za-z0-9'-]*")
MODALS = {"should", "must", "shall", "will", "would", "could", "might", "ought", "need"}
# ("rather than X" and "instead of X" deny X as ", not X" does)
NEGATION = re.compile(r"\b(?:not|no|never|none|neither|nor|cannot|without|nobody|nothing|"
                      r"rather\s+than|instead\s+of|other\s+than)\b|"
                      r"n't\b|\bnon-|\bnon\s+(?=[a-z])|\bun(?:able|lawful|necessary)\b", re.I)
# a negation inside a phrase that names something ("closed with no further action", "for no
# reason", "acted without delay") qualifies that phrase; it does not deny the sentence
PHRASE_NEGATION = re.compile(r"(?:\b(?:with|for|of|at|by|from|in)\s+no|\bwithout)$", re.I)
# "nothing beyond the visits", "no one other than the DSL", "none but": a negation whose
# clause names an exception limits what it speaks of to that exception (only the visits); it
# denies nothing, and the exception's own "other than" is part of the same limit
_EXCEPTED = re.compile(r"\b(?:nothing|none|nobody|no\s+one|no)\b[^,;:.()]*?\b(?:beyond|except|"
                       r"apart\s+from|besides|other\s+than|save\s+for)\b|"
                       r"(?:nothing|none|nobody|no\s+one)\s+but\b", re.I)
# a claim that something holds for everyone or always, against a source that limits it
UNIVERSAL = re.compile(r"\b(?:every|all|any|always|whatever|whichever|regardless)\b", re.I)
RESTRICTIVE = re.compile(r"\b(?:only|solely|exclusively|just|limited to)\b", re.I)
# a duty or an exclusive condition, against a source that permits alternatives
OBLIGATION = re.compile(r"\b(?:must|always|only|required to|has to|have to|shall)\b", re.I)
PERMISSION = re.compile(r"\b(?:may|can|could|might)\b", re.I)
# a claim that leaves something to choice, against a source that makes it a duty
OPTIONAL = re.compile(r"\b(?:(?:may|can|could|might)\s+(?:choose|decide|opt|elect)|optional|"
                      r"discretionary|at (?:their|its|the [\w ]{1,30}'?s?) discretion|free to|"
                      r"need not|do(?:es)? not (?:have|need) to|(?:is|are) not required to)\b",
                      re.I)
# modifiers that exclude each other when they qualify the same thing
OPPOSITES = [("half", "full"), ("short", "long"), ("minimum", "maximum"), ("first", "last"),
             ("increase", "decrease|reduction"), ("rise", "fall|reduction"),
             ("higher", "lower"),
             ("more", "fewer"), ("before", "after"), ("earliest", "latest"),
             ("earlier", "later"), ("public", "private"), ("internal", "external"),
             ("voluntary", "compulsory"), ("formal", "informal"), ("weekly", "monthly"),
             ("daily", "weekly"), ("annual", "monthly"), ("written", "verbal"),
             ("permanent", "temporary"), ("highest", "lowest"),
             # acts that undo each other, in the forms a stem does not join ("kept", "keep")
             ("keep|kept|retain|retained|stay|stays|stayed", "remove|removed|delete|deleted"),
             ("add|added|adding", "remove|removed|removing|removal|delete|deleted|deletion"),
             ("include|included", "exclude|excluded"), ("accept|accepted", "reject|rejected"),
             ("remain|remains|remained", "become|becomes|became"),
             ("mandatory", "optional|voluntary"), ("strength|strengths", "weakness|weaknesses"),
             ("good|best", "poor|bad|worst")]


@dataclass
class Aligned:
    """One sentence of a passage with how closely it speaks to the claim."""

    passage: Passage
    sentence: str
    start: int  # the sentence's offset in the passage's text
    coverage: float  # the rarity-weighted share of the claim's words it holds
    closeness: float  # the cosine between the claim and the sentence
    score: float = 0.0
    lead: int = 0  # the length of the lead-in read before a list item ("... comprising: ")


def words_of(text: str) -> set[str]:
    return {stem(word.lower()) for word in WORD.findall(text)}


def sentences_of(passage: Passage) -> list[tuple[str, int]]:
    """A passage's sentences; each line of a table is a sentence of its own."""
    found = []
    offset = 0
    for line in unwrapped(passage.text).split("\n"):
        if "\t" in line:
            # cells stay apart: "Total 650 486" would read as one number, 650,486
            found.append(("\t".join(" ".join(cell.split()) for cell in line.split("\t")
                                     if cell.strip()), offset))
        else:
            found.extend((s.text, offset + s.start) for s in split_sentences(line))
        offset += len(line) + 1
    return found


_BULLET = ("•", "◦", "▪", "-", "–", "o ")


def with_its_list(aligned: Aligned, most: int = 12) -> list[Aligned]:
    """A sentence that ends in a colon leads into a list ("... took part, comprising:"): each
    item that follows is read with it as one sentence ("... comprising: CLA aged 13 to 17
    years: 32"), at the item's place, for the item's own figures. Any other sentence is itself
    alone."""
    if not aligned.sentence.rstrip().endswith(":"):
        return [aligned]
    items: list[Aligned] = []
    for text, start in sentences_of(aligned.passage):
        if start <= aligned.start:
            continue
        if not text.startswith(_BULLET) or len(items) == most:
            break
        items.append(replace(aligned, sentence=f"{aligned.sentence} {text.lstrip('•◦▪-–o ')}",
                             start=start, lead=len(aligned.sentence) + 1))
    return [aligned, *items]


def align(claim: str, terms: Terms, hits: Sequence[Passage], keep: int = 12,
          weight: float = 0.5, model_name: str = embed.MODEL_NAME) -> list[Aligned]:
    """The sentences of the hits closest to the claim: first by the claim words they hold,
    then the best `keep` by meaning too (one batch of embeddings)."""
    candidates = []
    read: dict[int, str] = {}  # what the model reads of each sentence
    alone: dict[int, str] = {}  # and, for a list's item, the item without its lead-in
    for rank, passage in enumerate(hits):
        # the document and section a sentence stands in count for the claim's words that
        # name them ("KCSIE says ...", "the Essex study found ...")
        context = words_of(f"{passage.title} {passage.section or ''}")
        # the claim's words that name the document ("KCSIE says", "the Essex study found")
        # say where to look, and every sentence of that document holds them
        named = terms.present(words_of(passage.title)) & set(terms.weights)
        previous = lead = ""
        for sentence, start in sentences_of(passage):
            # a sentence opening on "This training", "They" or "It" speaks of what the one
            # before it names: those words count as its context too, and it is read with it;
            # so does an item of a list with the line that leads into it ("Senior leaders
            # should:" / "• Ensure practitioners have been trained ...")
            item = bool(lead) and sentence.startswith(_BULLET)
            lead = lead if item else (sentence if sentence.rstrip().endswith(":") else "")
            before = lead if item else previous
            leans = item or bool(previous) and bool(LEANS_BACK.match(sentence))
            around = context | words_of(before) if leans else context
            # what the sentence sets itself beside ("In addition to the formal training, ...")
            # is read as context, not as what it states
            framed = FRAME.match(sentence)
            stated = sentence[framed.end():] if framed else sentence
            if framed:
                around = around | words_of(framed.group(0))
            coverage = terms.share(words_of(stated) | named, around, partial=0.3)
            read[id(sentence)] = f"{before} {sentence}" if leans else sentence
            if item:
                alone[id(sentence)] = sentence  # the model reads the item alone too
            previous = sentence
            candidates.append(Aligned(passage, sentence, start, coverage, 0.0,
                                      coverage - 0.01 * rank))
    candidates.sort(key=lambda a: -a.score)
    chosen = candidates[:keep]
    if not chosen:
        return []
    items = [a for a in chosen if id(a.sentence) in alone]
    vectors = embed.encode([claim] + [read[id(a.sentence)] for a in chosen] +
                           [alone[id(a.sentence)] for a in items],
                           model_name=model_name, interactive=True)
    closeness = np.asarray(vectors[1:] @ vectors[0]).tolist()
    best = dict(zip(map(id, items), closeness[len(chosen):], strict=True))
    for aligned, cosine in zip(chosen, closeness[:len(chosen)], strict=True):
        aligned.closeness = float(max(cosine, best.get(id(aligned), cosine)))
        aligned.score = weight * aligned.coverage + (1 - weight) * aligned.closeness
    return sorted(chosen, key=lambda a: -a.score)


def _parts(text: str) -> set[str]:
    """Stems of the words, hyphenated ones split ("half-day": half, day)."""
    return {stem(word.lower()) for word in re.findall(r"[A-Za-z0-9]+", text)}


def _content_parts(text: str) -> set[str]:
    return {stem(part) for word in content_words(text) for part in word.split("-") if part}


def _negated_words(text: str) -> set[str]:
    return {stem(m.group(1).lower()) for m in re.finditer(
        r"\b(?:not|no|never|without)\s+([A-Za-z]+)", text, re.I)}


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
                    "within", "into", "with", "from"}
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


def _denied_in_turn(after: str, shared: set[str]) -> bool:
    """Whether a word the two texts share is joined by "or"/"nor" to the word a negation
    denies, within its clause: the negation reaches it."""
    clause = re.split(r"[;:.()]|\b(?:but|while|whereas|although|though|which|who|when|where|if|"
                      r"unless|because|that)\b", after)[0]
    return any(match.group(1).lower() not in _PASSED and stem(match.group(1).lower()) in shared
               for match in _IN_TURN.finditer(clause))


def _negated(text: str, shared: set[str], common: AbstractSet[str] = frozenset(),
             other: str = "") -> bool:
    """Whether the text denies what it says of the words it shares with the other text: each
    negation counts when the word it denies (the first word after it, past auxiliaries and
    articles: "not be used", "non-statutory") is one the two texts share, or stands in the
    place of the other text's own word; their parity decides (a "not" that denies something
    the other text never mentions says nothing of it)."""
    count = 0
    limits = [range(match.start(), match.end()) for match in _EXCEPTED.finditer(text)]
    for cue in NEGATION.finditer(text):
        if PHRASE_NEGATION.search(text[max(0, cue.start() - 12):cue.end()]):
            continue  # "with no further action", "without delay": a thing named, not denied
        if any(cue.start() in limit for limit in limits):
            continue  # "nothing beyond the visits": only the visits
        following = [w.lower() for w in re.findall(r"[A-Za-z][A-Za-z'-]*", text[cue.end():])[:6]]
        # a negation's reach ends at the next one, which denies what follows it ("is not in
        # need cannot have a plan": the "not" denies nothing of the plan)
        following = list(itertools.takewhile(lambda w: not NEGATION.fullmatch(w), following))
        if following and stem(following[0]) in common:
            continue
        denied = next((w for w in following if w not in _PASSED), None)
        if denied is None or stem(denied.strip("'-")) not in shared and not (
                other and _in_other_words(following, denied, shared, other)) and \
                not _denied_in_turn(text[cue.end():], shared):
            continue
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
            count += 1
    # an exception counts where the other text states it too: most of its words, not one that
    # recurs ("unless explicitly noted otherwise" against "explicitly described as ...")
    count += sum(1 for match in _UNLESS.finditer(text)
                 if (parts := _content_parts(match.group(1))) and
                 2 * len(parts & shared) >= len(parts))
    return count % 2 == 1


# a duty and the act it binds ("should consult", "must be given", "is required to notify"); a
# permission and the act it allows ("may consult"); "may" alone, as "can" is also what one is
# able to do
_ACT = r"\s+(?:(?:also|always|still|then|normally|usually|only)\s+)?(?:be\s+)?([a-z]+)"
_BINDS = re.compile(r"\b(?:must|should|shall|(?:is|are)\s+(?:required|expected)\s+to|needs?\s+to|"
                    rf"ha(?:s|ve)\s+to){_ACT}", re.I)
_ALLOWS = re.compile(rf"\b(?:may|can|could|might){_ACT}", re.I)
_MAY = re.compile(rf"\bmay{_ACT}", re.I)
_LEAVES_OPEN = re.compile(rf"\b(?:may|can|could|might)(?:\s+not)?{_ACT}", re.I)  # "may not find"
_NOT_AN_ACT = {"not", "never", "able", "be", "unable"}
# a duty in law or by rule ("must", "is legally required to"), and a course only urged on
# someone ("is strongly encouraged to", "is advised to"): guidance keeps the two apart
_STRICT = re.compile(r"\b(?:must|shall|ha(?:s|ve)\s+to|(?:is|are)\s+(?:(?:also|legally|"
                     r"statutorily)\s+)*(?:required|obliged|obligated)\s+to|(?:is|are)\s+under"
                     rf"\s+a\s+(?:legal\s+|statutory\s+)?duty\s+to){_ACT}", re.I)
_RECOMMENDS = re.compile(r"\b(?:(?:also|strongly|therefore)\s+)*(?:encouraged|advised|"
                         rf"recommended|urged|invited)\s+to{_ACT}", re.I)


def _acts(pattern: re.Pattern[str], text: str) -> dict[str, set[str]]:
    """The acts a modal binds or allows in a text, each with the content words that follow it:
    {"consult": {"parent", "child"}}."""
    return {stem(m.group(1).lower()): {stem(w) for w in content_words(text[m.end():])[:5]}
            for m in pattern.finditer(text) if m.group(1).lower() not in _NOT_AN_ACT}


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
                      r"obliged|obligated|a\s+requirement|requirement|obligation|legal\s+duty|"
                      r"duty)\s+(?:for\s+[\w' ]{1,40}?\s+)?to\s+(?:be\s+)?([a-z]+)|"
                      r"\bneeds?\s+not\s+(?:be\s+)?([a-z]+)|\b(?:does|do|did)\s+not\s+(?:have|"
                      r"need)\s+to\s+(?:be\s+)?([a-z]+)", re.I)


def denied_duty(claim: str, sentence: str) -> str | None:
    """One text makes an act a duty in law or by rule ("the school is obliged to suspend") and
    the other says it is no duty ("does not make it mandatory to suspend"): why, or None."""
    for ours, theirs, why in ((claim, sentence, "the claim makes it a duty; the source says it "
                               "is not one"),
                              (sentence, claim, "the claim says it is no duty; the source makes "
                               "it one")):
        undone = {stem(next(g for g in m.groups() if g).lower()) for m in _NO_DUTY.finditer(theirs)}
        if undone & _bound_outright(ours):
            return why
    return None


def _bound_outright(text: str) -> set[str]:
    """The acts a text makes a duty with no negation before the duty in its clause ("does not
    by itself mean the member of staff has to be suspended" binds nothing)."""
    acts = set()
    for match in _STRICT.finditer(text):
        clause = re.split(r"[,;:.()]", text[:match.start()])[-1]
        if not re.search(r"\b(?:not|no|never)\b|n't\b", clause, re.I) and \
                match.group(1).lower() not in _NOT_AN_ACT:
            acts.add(stem(match.group(1).lower()))
    return acts


def _permits_what_claim_names(claim: str, sentence: str) -> bool:
    """The source leaves to choice an act the claim speaks of: the verb its "may" governs, or
    the words after it, are the claim's. "must publish an annual report" is no rule that "may
    want to use a checklist" allows otherwise."""
    words = {stem(word) for word in content_words(claim)}
    return any(act in words or after & words
               for act, after in _acts(_LEAVES_OPEN, sentence).items())


def denies(claim: str, sentence: str) -> str | None:
    """Why the sentence says of the same act the opposite of the claim, by a negation one of
    them has and the other lacks, or by a duty one of them makes and the other leaves open."""
    # content words only, hyphenated ones split ("non-statutory": statutory)
    shared = (_content_parts(claim) & _content_parts(sentence)) - MODALS
    # a negated phrase both texts hold ("no further action") is wording they share
    common = _negated_words(claim) & _negated_words(sentence)
    if _negated(claim, shared, common, sentence) != _negated(sentence, shared, common, claim) or \
            _clause_denies(claim, sentence, common):
        return "one of them denies what the other states"
    return changed_duty(claim, sentence)


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
        mine = _content_parts(part) - MODALS
        best = max(ours, key=lambda other: len(mine & _content_parts(other)))
        shared = (mine & _content_parts(best)) - MODALS
        if len(shared) >= 2 and _negated(part, shared, common) != _negated(best, shared, common):
            return True
    return False


def clash(claim: str, sentence: str) -> str | None:
    """Why the sentence says the opposite of the claim, or None when its English does not."""
    if denied := denies(claim, sentence):
        return denied
    if neighbour := neighbour_code(claim, sentence) or other_item(claim, sentence):
        return f"the source says this of {neighbour[1]}, not {neighbour[0]}"
    if UNIVERSAL.search(claim) and RESTRICTIVE.search(sentence) and not \
            RESTRICTIVE.search(claim):
        return "the claim says it holds for all; the source limits it"
    if OBLIGATION.search(claim) and PERMISSION.search(sentence) and not \
            PERMISSION.search(claim) and not OBLIGATION.search(sentence) and \
            _permits_what_claim_names(claim, sentence):
        return "the claim makes it a rule; the source allows otherwise"
    if OPTIONAL.search(claim) and OBLIGATION.search(sentence) and not \
            OPTIONAL.search(sentence) and not PERMISSION.search(sentence):
        return "the claim leaves it to choice; the source makes it a duty"
    if condition := needless_condition(claim, sentence):
        return f"the claim makes {condition} a condition; the source says it is not needed"
    if swapped := swapped_member(claim, sentence):
        return f"the source lists them without {swapped}"
    if other := other_first(claim, sentence):
        return f"the source says this of {other}"
    if turned := reversed_comparison(claim, sentence) or reversed_preference(claim, sentence):
        return turned
    if narrowed := qualified(claim, sentence):
        return f"the claim says any {narrowed[0]}; the source, {narrowed[1]}"
    return opposite_word(claim, sentence)


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
    wanted = _content_parts(condition) - MODALS
    for match in _NOT_NEEDED.finditer(sentence):
        # the clause the "not necessary" stands in, before it and after ("A signed form is
        # not required before a visit", "it is not necessary for a formal process to be ...")
        clause = re.split(r"[.;:]", sentence[:match.start()])[-1] + " " + \
            re.split(r"[.;:]", sentence[match.end():])[0]
        shared = wanted & _content_parts(clause)
        if len(shared) >= 2 and len(shared) >= len(wanted) / 2:
            return condition.strip()
    return None


# a direction said as a verb and "up" or "down" ("had gone up", "went down") is a rise or a fall
_PHRASAL = re.compile(r"\b(?:go|goes|going|gone|went)\s+(up|down)\b", re.I)


def _one_word(match: re.Match[str]) -> str:
    return "rise" if match.group(1).lower() == "up" else "fall"


def opposite_word(claim: str, sentence: str) -> str | None:
    """A modifier the claim gives where the sentence gives its opposite ("before" against
    "after", "minimum" against "maximum") and not the claim's own: why, or None."""
    claim, sentence = _PHRASAL.sub(_one_word, claim), _PHRASAL.sub(_one_word, sentence)
    claim_words, source_words = _parts(claim), _parts(sentence)
    for one, other in OPPOSITES:
        a, b = {stem(form) for form in one.split("|")}, {stem(form) for form in other.split("|")}
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


# a claim that something is allowed, and a sentence that forbids it: "it is acceptable for the
# proprietor to be the lead" against "it is not appropriate for the proprietor to be the lead"
_PERMITS = re.compile(r"\b(?:may|can|could|allowed|allows?|permitted|permits?|acceptable|"
                      r"appropriate|able to|entitled)\b", re.I)
_FORBIDS = re.compile(r"\b(?:(?:is|are|be)\s+not\s+(?:appropriate|acceptable|permitted|allowed|"
                      r"lawful)|must not|should not|may not|cannot|can't|mustn't|shouldn't|"
                      r"prohibited from|forbidden to)\b", re.I)


def forbids(claim: str, sentence: str) -> bool:
    """Whether the sentence forbids what the claim says is allowed: the clause after its
    prohibition holds three or more of the claim's content words, and half of them."""
    if not _PERMITS.search(claim) or _FORBIDS.search(claim) or NEGATION.search(claim):
        return False
    claimed = _content_parts(claim) - MODALS
    for match in _FORBIDS.finditer(sentence):
        clause = re.split(r"[.;:]", sentence[match.end():])[0]
        shared = claimed & _content_parts(clause)
        if len(shared) >= 3 and len(shared) >= len(claimed) / 2:
            return True
    return False


# an enumeration: "A, B and C", "(a) A; (b) B; and (c) C"; items of up to eight words
_ITEM_MARK = re.compile(r"\(\s*(?:[a-z]|[ivx]+|\d)\s*\)\s*")
_LEAD = re.compile(r"^(?:(?:and|or|the|an|a|both|either)\s+)+", re.I)


def list_items(text: str) -> list[str]:
    """The members of the longest enumeration in a sentence ("the local authority, the
    integrated care board and the police"), or [] when it enumerates nothing."""
    text = _ITEM_MARK.sub(" ", text)
    best: list[str] = []
    for clause in re.split(r"[.:!?]\s", text):
        # the pieces and the joint before each: a list of three or more has a comma or a
        # semicolon ("A, B and C"); "a child or their parents ... reasons and the basis" is none
        parts = re.split(r"([,;(]\s*|\s+(?:and|or)\s+)", clause)
        pieces = [(_head_phrase(piece), parts[at - 1] if at else "")
                  for at, piece in enumerate(parts) if at % 2 == 0]
        pieces = [(piece, joint) for piece, joint in pieces if piece]
        if len(pieces) < 3 or not re.search(r"\b(?:and|or)\b", clause):
            continue
        run: list[tuple[str, str]] = []
        for piece, joint in pieces:  # the enumeration is the run of short pieces at its end
            run = [*run, (piece, joint)] if len(piece.split()) <= 8 else []
        if len(run) >= 3 and len(run) > len(best) and \
                any(joint.strip() in (",", ";", "(") for _, joint in run[1:]):
            best = [piece for piece, _ in run]
    return [_LEAD.sub("", item) for item in best]


# where a member's qualifier starts ("an integrated care board for an area ..."), and the verb
# that introduces a list ("the partners are ...")
_QUALIFIER = re.compile(r"\s*(?:\b(?:for|which|who|whose|that|where|within|including|"
                        r"previously)\b).*$", re.I)
_INTRODUCED = re.compile(r"^.*?\b(?:are|is|include|includes|including|comprise|comprises|as)\s+",
                         re.I)


def _head_phrase(piece: str) -> str:
    """A member's head: past the verb that introduces the list, before its qualifier ("The
    partners for an area are the local authority": "the local authority")."""
    piece = _QUALIFIER.sub("", _INTRODUCED.sub("", piece.strip(), count=1))
    return piece.strip(" .)(")


def swapped_member(claim: str, sentence: str) -> str | None:
    """A claim that lists as many members as a list in the source, all but one of them the
    source's own, names a member the source does not have: returned, else None. A member is
    known by its head, the last content word ("local schools": schools)."""
    claimed, stated = list_items(claim), list_items(sentence)
    if len(claimed) < 3 or len(stated) < len(claimed):
        return None
    held = _parts(" ".join(stated))
    missing = [item for item in claimed
               if (words := content_words(item)) and stem(words[-1]) not in held]
    return missing[0] if len(missing) == 1 else None


# "X is / was / remains the most common ...", "X should be the ultimate decision maker": the
# member a superlative or a sole role is said of
_SAID_FIRST = re.compile(r"([A-Za-z][A-Za-z'/ -]{0,60}?)\s+(?:is|was|are|were|remains?|remained|"
                         r"became|has been|(?:should|must|will|would|shall) be)\s+(?:by far\s+)?"
                         r"(?:the|its|their)\s+(?:single\s+)?"
                         r"(?:most\s+(?:common|frequent)|commonest|largest|biggest|main|leading|"
                         r"top|highest|least\s+common|lowest|smallest|ultimate|sole|only|final)\b",
                         re.I)


def other_first(claim: str, sentence: str) -> str | None:
    """The member a source sentence puts first where the claim puts another ("Emotional abuse
    was the most common category" against "Neglect remains the most common reason"), or None."""
    said, stated = _SAID_FIRST.search(claim), _SAID_FIRST.search(sentence)
    if not said or not stated or said.group(0).split()[-1].lower() != \
            stated.group(0).split()[-1].lower():
        return None
    ours = {stem(w) for w in content_words(said.group(1))[-3:]}
    theirs = {stem(w) for w in content_words(stated.group(1))[-3:]}
    if not ours or not theirs or ours & theirs or theirs & words_of(claim):
        return None
    # and ranked among the same things ("... reason for a child protection plan"), not others
    ranked = [{stem(w) for w in content_words(text[m.end():])[:6]}
              for text, m in ((claim, said), (sentence, stated))]
    if 3 * len(ranked[0] & ranked[1]) < 2 * min(len(ranked[0]), len(ranked[1])):
        return None
    named = stated.group(1).split()[-5:]
    return " ".join(named[1:] if named[0].lower() in ("the", "a", "an") else named)


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
    claim_words = {w.lower() for w in WORD.findall(claim)}
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


def says_more_than_its_title(terms: Terms, aligned: Aligned, least: float = 0.0) -> bool:
    """Whether the sentence holds what the claim says beyond the name of the document it
    stands in (more than `least` of those words' weight, and at least one of them): the title
    line "Families first for children pathfinder" bears out nothing of "the Families First
    pathfinder began in 2021", and "the census guide requires each child's religion" is not
    borne out by a sentence of the census guide on local authorities and children alone."""
    titled = terms.present(words_of(aligned.passage.title)) | REPORTING
    rest = Terms({t: w for t, w in terms.weights.items() if t not in titled}, terms.expansions)
    if not rest.weights:
        return True  # every word of the claim names the document: nothing else to hold
    held = rest.present(words_of(aligned.sentence)) & set(rest.weights)
    return bool(held) and rest.share(words_of(aligned.sentence)) >= least


_TIME = ("year", "date", "period")


def other_date(claim: str, sentence: str) -> tuple[str, str] | None:
    """The claim's one date or year and the sentence's one other, when the sentence names a
    single time and it is not the claim's ("launched in October 2023" against "launched on
    6 October 2022"), or None. A sentence naming more than one time may date another event."""
    ours = [f for f in find_figures(claim) if f.kind in ("date", "year")]
    theirs = [f for f in find_figures(sentence) if f.kind in ("date", "year")]
    if len(ours) != 1 or len(theirs) != 1:
        return None
    claimed, stated = ours[0], theirs[0]
    if int(claimed.value) != int(stated.value):
        return claimed.text, stated.text
    if claimed.kind == stated.kind == "date" and not _one_time(claimed.text, stated.text):
        return claimed.text, stated.text  # another month of the same year
    return None


def _one_time(one: str, other: str) -> bool:
    """The same day, or the same month where either names no day."""
    return same_date(one, other) or same_date(other, one)


def same_time(claim: str, aligned: Aligned) -> bool:
    """Whether the sentence speaks of the times the claim names (a year, a date, a reporting
    year), or the claim names none: "approved in 2019" is not borne out by "in July 2020 the
    Executive approved". A sentence that names no time speaks for its yearly report's year."""
    claimed = [f for f in find_figures(claim) if f.kind in _TIME]
    if not claimed:
        return True
    stated = [f for f in find_figures(aligned.sentence) if f.kind in _TIME]
    years = {int(f.value) for f in stated if f.kind in ("year", "date")}
    periods = {f.period for f in stated if f.kind in ("period", "date") and f.period}
    passage = aligned.passage
    if not stated:
        if passage.doc_type not in ("annual-report", "committee-report") or not passage.period:
            return True
        periods = {passage.period}

    def covers(period: str, year: int) -> bool:
        return int(period[:4]) <= year <= int(period[:4]) + 1

    for figure in claimed:
        if figure.kind == "year":
            held = int(figure.value) in years or any(covers(p, int(figure.value)) for p in periods)
        elif figure.kind == "date":
            dates = [f for f in stated if f.kind == "date"]
            # a month the claim names is held by that month, not by another of its year
            held = any(_one_time(figure.text, f.text) for f in dates) if dates else \
                int(figure.value) in years or figure.period in periods
        else:
            held = figure.period in periods or any(covers(figure.period or "0000", y)
                                                   for y in years)
        if not held:
            return False
    return True
