"""Swaps: a part one text puts where another puts a different one: a rare term after the same
word, a run of words in an otherwise repeated sentence, a quoted term, a modifier of the same
thing."""

from __future__ import annotations

import difflib
import re

from kb.embed import model_words
from kb.names import ARTICLES, SAYING, lower_words
from kb.words import SAME_AS, STOP, content_words, stem, words_of

RARE_TERM = 5  # a word in at most this many passages of the library is a term of art
_JOINING = {"and", "or", "nor", "as", "well", "plus"}


def swapped_term(claim: str, sentence: str, vocabulary: dict[str, int]) -> tuple[str, str] | None:
    """A rare term the claim gives where the sentence gives another rare term after the same
    word ("generates genograms" against "generates ecomaps"): (the claim's, the sentence's).
    Both rare, so two words of art set against each other, not a paraphrase of common ones."""
    def rare(word: str, known: bool = True) -> bool:
        """Used in few passages; with `known` False, also in none, if an English word."""
        count = vocabulary.get(word, 0)
        if count or known:
            return 0 < count <= RARE_TERM
        return word in model_words() or word.removesuffix("s") in model_words()

    def slots(words: list[str]) -> list[tuple[str, str, str]]:
        kept = [w for w in words if w not in ARTICLES]
        return list(zip(kept, kept[1:], [*kept[2:], ""], strict=False))

    ours, theirs = lower_words(claim), lower_words(sentence)
    said, claimed = {stem(w) for w in theirs}, {stem(w) for w in ours}
    their_slots = slots(theirs)
    for before, word, after in slots(ours):
        # after a joining word ("videos and sound" / "videos and audio") the slot is a list's,
        # where a paraphrase names the same member otherwise
        if word in STOP or before in _JOINING or not rare(word, known=False) or \
                stem(word) in said:
            continue
        for other_before, other, other_after in their_slots:
            # the same content word after it too ("automatically produces ecomaps" /
            # "automatically generates ecomaps"): one act said two ways, not one term set
            # against another
            if stem(other_before) == stem(before) and other != word and rare(other) and \
                    other not in STOP and stem(other) not in claimed and \
                    not (after and after not in STOP and after == other_after) and \
                    not _built_on(word, other):
                return word, other
    return None


_PREFIX = re.compile(r"^(?:inter|dis|mis|non-?|un)(?=[a-z]{4})")


def _built_on(one: str, other: str) -> bool:
    """Whether one word is built on the other's stem ("intergenerational" on "generations",
    "non-attendance" on "attendance"), or both on one stem by a prefix that says the same
    ("distrust", "mistrust"): the same word with affixes, not another term."""
    first, second = stem(one.lower()), stem(other.lower())
    return _on_stem(first, other.lower()) or _on_stem(second, one.lower()) or \
        _PREFIX.sub("", first) == _PREFIX.sub("", second)


# what may stand before a stem in a word built on it: an English prefix, or nothing ("female"
# is not built on "male", nor "another" on "other")
_PREFIXES = re.compile(r"(?:non|un|in|im|il|ir|dis|mis|re|pre|post|inter|intra|sub|super|multi|"
                       r"over|under|co|anti|self|cross|out|semi|de|mid|trans|counter|extra|"
                       r"pro|ex|cyber)?-?")


def _on_stem(word_stem: str, word: str) -> bool:
    """Whether `word` is the stem with a prefix before it and any ending after it."""
    at = word.find(word_stem)
    return len(word_stem) >= 4 and at >= 0 and _PREFIXES.fullmatch(word[:at]) is not None


# a claim that repeats a sentence but for one part holds this share of its words unchanged
SAME_BUT_ONE = 0.6
_PART_WORDS = 4  # the longest part read as swapped ("designated safeguarding lead")


def swapped_part(claim: str, sentence: str) -> tuple[str, str] | None:
    """A claim that says what the sentence says with one part put in another's place ("The
    court should keep a record ..." against "The local authority should keep a record ..."):
    (the claim's part, the sentence's), or None. Only one part may differ, of up to four words
    with a content word each, the claim's words nowhere in the sentence; the words around it
    must be the sentence's own, in its order; a figure is left to the figure reading."""
    ours = [w for w in lower_words(claim) if w not in ARTICLES]
    theirs = [w for w in lower_words(sentence) if w not in ARTICLES]
    if len(ours) < 5:
        return None
    matcher = difflib.SequenceMatcher(None, ours, theirs, autojunk=False)
    changed = [op for op in matcher.get_opcodes() if op[0] != "equal"]
    if len(changed) != 1 or changed[0][0] != "replace":
        return None
    _, a0, a1, b0, b1 = changed[0]
    mine, other = ours[a0:a1], theirs[b0:b1]
    if len(mine) > _PART_WORDS or len(other) > _PART_WORDS or \
            (len(ours) - len(mine)) < SAME_BUT_ONE * len(ours):
        return None
    content = [[w for w in part if w not in STOP] for part in (mine, other)]
    if not all(content):
        return None
    stems = [{stem(w) for w in part} for part in content]
    if stems[0] & {stem(w) for w in theirs}:
        return None  # the claim's part is said elsewhere in the sentence: moved, not swapped
    if {w.lower() for w in mine + other} & SAYING:
        return None  # who says it ("The Essex study found that"), not what is said
    return " ".join(mine), " ".join(other)


# a term in quotes: "must", 'should', “Gillick competence” (a question's or a claim's)
QUOTED = re.compile(r"(?<!\w)['‘\"“]([A-Za-z][^'’\"”?]{1,60}?)['’\"”](?!\w)")


def swapped_quote(claim: str, sentence: str) -> tuple[str, str] | None:
    """A claim that gives one quoted term what the sentence gives another ("'should' is used
    where one is legally required" against "'must' when one is legally required ..., and
    'should' when ..."): (the claim's term, the sentence's), or None. The sentence is read
    term by term, each term with the words after it up to the next; the claim's words beyond
    its term must stand most with the other's."""
    ours = {m.group(1).lower() for m in QUOTED.finditer(claim)}
    marks = list(QUOTED.finditer(sentence))
    if len(ours) != 1 or len(marks) < 2:
        return None
    term = next(iter(ours))
    wanted = {stem(w) for w in content_words(QUOTED.sub(" ", claim))}
    shares = []
    for mark, after in zip(marks, [*marks[1:], None], strict=True):
        said = sentence[mark.end():after.start() if after else len(sentence)]
        shares.append((len(wanted & {stem(w) for w in content_words(said)}), mark.group(1)))
    best, other = max(shares)
    if other.lower() == term or best < 2 or sum(n == best for n, _ in shares) > 1 or \
            term not in {name.lower() for _, name in shares}:
        return None
    return term, other


# what opens a noun phrase: a modifier after one of these (or first in its text) names a kind
# of the thing ("the initial health assessment"), not an act done to it ("to encrypt personal
# information")
_PHRASE_OPENS = ARTICLES | {"this", "that", "these", "those", "each", "every", "any", "all",
                             "no", "some", "our", "your", "his", "her", "of", "for", "in", "on",
                             "with", "by", "from", "at"}


def swapped_modifier(claim: str, sentence: str) -> tuple[str, str] | None:
    """A claim that gives a thing of two words one modifier where the sentence gives the same
    two words another ("a child's initial health assessment must ..." against "review health
    assessments may ..."): (the claim's phrase, the sentence's), or None. Each modifier opens
    its noun phrase; neither is said in the other text, nor is one built on the other."""
    claimed = {stem(w) for w in lower_words(claim)}
    said = {stem(w) for w in lower_words(sentence)}
    heads = {(stem(a), stem(b)): f"{w} {a} {b}" for before, w, a, b in _phrases(sentence)
             if _opens(before, w, claimed) and a not in STOP and b not in STOP}
    for before, word, first, second in _phrases(claim):
        other = heads.get((stem(first), stem(second)))
        if other and _opens(before, word, said) and first not in STOP and \
                second not in STOP and not _built_on(word, other.split()[0]):
            return f"{word} {first} {second}", other
    return None


def _phrases(text: str) -> list[tuple[str, str, str, str]]:
    """Each run of three words within a clause, with the word before it ("" first)."""
    runs: list[tuple[str, str, str, str]] = []
    for clause in re.split(r"[,;:.()?!]", text):
        words = [w.strip("'-") for w in lower_words(clause)]
        runs += zip(["", *words], words, words[1:], words[2:], strict=False)
    return runs


def _opens(before: str, word: str, other_text: set[str]) -> bool:
    """A content word that opens a noun phrase and the other text does not say: a modifier
    that may be set against another."""
    return (not before or before in _PHRASE_OPENS or before.endswith("'s")) and \
        word not in STOP and len(word) > 2 and stem(word) not in other_text


def one_part(ours: str, theirs: str, sentence: str, expansions: dict[str, set[str]]) -> bool:
    """Whether a part the claim gives and the one the sentence gives in its place are one: an
    acronym in one and its expansion's words in the other ("DT" and "designated teacher"), two
    words of one sense ("intentions" and "motives"), or the claim's part said elsewhere in the
    sentence in words of one sense ("be ready to use" against "be conscious of this and be
    prepared to use"): no part was put in another's place."""
    mine, other, said = words_of(ours), words_of(theirs), words_of(sentence)
    return any(acronym in mine and words & other or acronym in other and words & mine
               for acronym, words in expansions.items()) or \
        any(SAME_AS.get(word, frozenset()) & other for word in mine) or \
        bool(mine) and all(SAME_AS.get(word, frozenset()) & said for word in mine)
