"""The words a negation passes over to reach the word it denies, the verbs of naming whose
denial reaches their object, negations said another way ("and not only", "inappropriate"), and
a negating prefix that only qualifies its noun ("unnecessary repeat visits") (kb.negation)."""

from __future__ import annotations

import re

from kb.words import MODALS, stem

# words a negation passes over to reach the word it denies ("not be used", "not by a nurse",
# "not always the best", "not in place"): auxiliaries, articles, prepositions, degree words, and
# verbs that only link or fetch what follows ("not be seen as the default", "do not have to
# get consent")
PASSED = MODALS | {"be", "been", "being", "is", "are", "was", "were", "have", "has", "had",
                   "do", "does", "a", "an", "the", "by", "to", "for", "of", "always",
                   "usually", "generally", "necessarily", "normally", "all", "any", "only",
                   "just", "yet", "automatically", "also", "even", "most", "more", "very", "quite",
                   "so", "as", "too", "seen", "regarded", "considered", "treated", "viewed",
                   "deemed", "seem", "seems", "appear", "appears", "become", "becomes", "get",
                   "got", "obtain", "seek", "meant", "intended", "supposed", "in", "on", "at",
                   "within", "into", "with", "from",
                   # "rather than looking to other clubs" sets the clubs aside
                   "other",
                   # "not in itself", "not of themselves": an emphasis, not what is denied
                   "itself", "themselves", "himself", "herself", "per", "se",
                   # "no longer looked after" denies "looked after" as "not looked after" does
                   "longer",
                   # "no longer needs expert staff" denies the staff, as "does not need" does
                   "needs",
                   # verbs that only hand over what follows ("not intended to offer a
                   # step-by-step guide" denies the guide, whatever verb the other text uses)
                   "offer", "offers", "provide", "provides", "give", "gives",
                   # verbs that only say one thing is another ("does not equate to obtaining
                   # consent", "does not constitute a referral"), as "be" does
                   "equate", "equates", "amount", "amounts", "constitute", "constitutes",
                   # "is not their first language" denies "first language", as "is not the
                   # first language" does
                   "their", "his", "her", "its", "our", "your", "my"}
# verbs of naming, whose denial denies that a text names their object (not "include": "should
# not be included in the census" leaves a child out of it)
MENTION = {"list", "lists", "listed", "mention", "mentions", "mentioned", "name", "names",
           "named"}
# "not possible to perform a keyword search", "not able to attach files": what cannot be done
# is the act and its object, not the possibility
CAPACITY = {"possible", "able", "feasible", "allowed", "permitted", "permissible"}
# verbs that say only that an act is done, its object saying which ("carry out a DPIA",
# "undertake a DPIA", "perform a search"): the act is named by the object
DOING = frozenset(stem(w) for w in "carry undertake conduct complete do perform make hold have "
                  "get put run arrange obtain take keep".split())


# "X, and not only Y" and "not only X but also Y" add: both hold, nothing is denied; "needless"
# is "unnecessary" said without the prefix
_ADDS = re.compile(r"\band\s+not\s+(?:only|just|merely)\b|"
                   r"\bnot\s+(?:only|just|merely)\b(?=[^.;:]{1,80}\bbut\b)", re.I)
_NEEDLESS = re.compile(r"\bneedless(ly)?\b", re.I)


# an omission said as a verb of its own ("should leave out", "must be left out of", "omitted
# from"): what is not included; "exclude" is kept, as a school's exclusion is an act of its own
_LEFT_OUT = re.compile(r"\b(?:(leave|leaves|leaving|left)\s+out|(omit|omits|omitting|omitted))"
                       r"(?:\s+(of|from))?\b", re.I)
_INCLUDED = {"leave": "include", "leaves": "includes", "leaving": "including",
             "left": "included", "omit": "include", "omits": "includes",
             "omitting": "including", "omitted": "included"}


def _not_included(match: re.Match[str]) -> str:
    verb = _INCLUDED[(match.group(1) or match.group(2)).lower()]
    return f"not {verb} in" if match.group(3) else f"not {verb}"


# a thing said to be other than something ("presented as something other than an inspection")
# is said not to be it; "other than" alone makes an exception ("no one other than the head")
_OTHER_THING = re.compile(r"\b(?:something|anything)\s+other\s+than\b", re.I)


def plainly(text: str) -> str:
    """The text with its additions ("and not only") said as "as well as", "needless" as
    "unnecessary", what it leaves out ("left out of the return") as "not included in", and a
    thing other than another ("something other than an inspection") as "not" that one."""
    text = _OTHER_THING.sub("not", _LEFT_OUT.sub(_not_included, text))
    return _NEEDLESS.sub(lambda m: "unnecessarily" if m.group(1) else "unnecessary",
                         _ADDS.sub("as well as", text))


# an adjective denied by its prefix ("inappropriate", "unsafe", "irrelevant"): the prefix
# before an adjective's ending, not the first letters of a verb ("inform", "improve",
# "discharge")
_PREFIXED = re.compile(r"\b(un|in|im|il|ir|non-?)([a-z]+(?:able|ible|ate|ful|ive|al|ent|ant|"
                       r"ary|ic|ous|ar|ure|ly|afe|air|ain|ear|own))\b", re.I)
# a word a plain negation stands before, a few words on ("not developmentally appropriate")
_UNDER_NEGATION = re.compile(r"(?:\b(?:not|never)\b|n't\b)(?=((?:\s+[A-Za-z-]+){1,3}))", re.I)


def prefix_said(text: str, other: str) -> str:
    """The text with a word denied by its prefix said with "not" where the other text gives
    the word itself under a negation ("developmentally inappropriate" against "not
    developmentally appropriate"): the two deny the same word, one way each."""
    denied = {w.lower() for m in _UNDER_NEGATION.finditer(other) for w in m.group(1).split()}
    if not denied:
        return text

    def said(match: re.Match[str]) -> str:
        return f"not {match.group(2)}" if match.group(2).lower() in denied else match.group(0)

    return _PREFIXED.sub(said, text)


# a word after an adjective that is its noun phrase's, not a clause's ("unnecessary repeat
# visits"), and the verbs that make an adjective a predicate ("is unnecessary")
_BEFORE_ITS_NOUN = re.compile(r"\s+(?!(?:to|for|in|if|unless|when|where|and|or|but|as|that|"
                              r"because|since)\b)[a-z][\w-]*", re.I)
_PREDICATE_END = re.compile(r"\b(?:is|are|was|were|be|been|being|seems?|seemed|appears?|"
                            r"appeared|deemed|considered|regarded\s+as|become|becomes|became)"
                            r"\s+(?:\w+ly\s+)?$", re.I)


def qualifies_its_noun(cue: re.Match[str]) -> bool:
    """Whether a negation said as a prefix ("unnecessary") is an adjective before its noun
    ("to prevent unnecessary repeat visits": the visits are qualified, not denied), not a
    predicate ("is unnecessary") nor before a clause ("unnecessary to visit")."""
    text = cue.string
    return cue.group(0).lower().startswith("un") and \
        _BEFORE_ITS_NOUN.match(text, cue.end()) is not None and \
        _PREDICATE_END.search(text[:cue.start()]) is None

