"""Names: the agencies, places and people a text names, and a name or a doer one text gives
where another gives a different one."""

from __future__ import annotations

import re

from kb.words import IRREGULAR, STOP, content_words, stem

# a run of names: capitalised words or acronyms, with the small words inside a name ("Youth
# Justice Board", "Department of Health and Social Care")
NAME_RUN = re.compile(r"\b(?:[A-Z][a-z]+|[A-Z]{2,})(?:\s+(?:[A-Z][a-z]+|[A-Z]{2,}|of|and|the))*")


def name_stems(text: str) -> set[str]:
    """Stems of capitalised words that do not open a sentence, and of acronyms: the agencies,
    places and people a text names."""
    found = set()
    for match in re.finditer(r"\b[A-Z][A-Za-z0-9'’]*", text):
        before = text[:match.start()].rstrip()
        if not before or before[-1] in ".!?:•\"“(":
            continue
        word = match.group(0).lower().strip("'’")
        if word not in STOP and len(word) > 1:
            found.add(stem(word))
    return found


def names(sentence: str, question: str, rare: set[str]) -> list[str]:
    """Names in the sentence (a person, an agency) that the question does not hold: a
    capitalised run with a word the library seldom uses, or an acronym."""
    asked = {w.lower() for w in re.findall(r"\w+", question)}
    found = []
    for match in NAME_RUN.finditer(sentence):
        words = {w.lower() for w in re.findall(r"\w+", match.group(0))} - asked
        if words & rare or re.fullmatch(r"[A-Z]{2,}", match.group(0)) and words:
            found.append(match.group(0))
    return found


ARTICLES = {"the", "a", "an", "its", "their"}
# the words that say who says a thing ("the Essex study found that", "KCSIE says"): a claim's
# attribution, not a part of what it claims
# (as written: the stem of "states" is also that of "the Secretary of State")
SAYING = {"says", "said", "states", "stated", "notes", "noted", "stresses", "stressed",
          "emphasises", "emphasizes", "emphasised", "highlights", "highlighted", "explains",
          "explained", "reports", "reported", "confirms", "confirmed", "mentions", "mentioned",
          "underlines", "describes", "found", "finds", "shows", "showed", "concluded",
          "concludes"}
# their stems, and "makes clear", "sets out"
REPORTING = {stem(word) for word in SAYING | {"clear", "sets", "out"}}


# the verbs that say what a document tells its reader, beside those of saying: "KCSIE requires"
_TELLING = {"sets out", "makes clear", "tells", "requires", "expects", "advises", "recommends",
            "suggests", "warns", "lists", "gives", "describes", "defines"}
# a claim's attribution at its head: "KCSIE 2025 states that ...", "According to the National
# Framework, ...", "The Essex study found that ..."
_ATTRIBUTION = re.compile(
    rf"^\s*(?:according\s+to\s+[^,]{{3,80}},|(?:in\s+)?[^,.;:]{{2,80}}?\s+"
    rf"(?:{'|'.join(sorted(SAYING | _TELLING))})(?:\s+that)?)\s+", re.I)


def said_without_attribution(claim: str) -> str | None:
    """What a claim says, its attribution ("KCSIE 2025 states that", "According to the
    guidance,") taken off: the words that say where, not what; None without one."""
    match = _ATTRIBUTION.match(claim)
    return claim[match.end():] if match and len(claim) - match.end() > 10 else None


_TYING = frozenset({"to", "with", "in", "at", "from", "for", "of", "by", "on"})


def swapped_name(claim: str, sentence: str, missing: set[str]) -> tuple[str, str] | None:
    """A name the claim gives that the source does not, where the source gives another after
    the same word ("developed by Ofsted" against "developed by the Open Data Institute"):
    (the claim's name, the source's)."""
    def slots(text: str) -> list[tuple[str, str]]:
        found = []
        for match in NAME_RUN.finditer(text):
            before = [w.lower() for w in re.findall(r"[A-Za-z]+", text[:match.start()])]
            before = [w for w in before if w not in ARTICLES]
            if before:  # a name opening the text has no slot
                found.append((before[-1], match.group(0)))
            # and the word a preposition ties it to ("a trip to Amsterdam": "a trip with
            # Copenhagen"), whichever preposition each text uses
            if len(before) > 1 and before[-1] in _TYING and before[-2] not in STOP:
                found.append((f"{before[-2]} _", match.group(0)))
        return found

    claimed = [(word, name) for word, name in slots(claim)
               if stem(name.split()[0].lower()) in missing or
               {stem(w.lower()) for w in name.split()} & missing]
    for word, name in claimed:
        for other_word, other in slots(sentence):
            if other_word == word and other.lower() not in claim.lower():
                return name, other
    return None


# a past participle that takes a doer ("designed", "chaired", "led", "run", "written")
PARTICIPLE = re.compile(r"^(?:[a-z]{3,}(?:ed|en)|led|run|held|made|set|kept|built|paid|sent|"
                         r"brought|bought|taught|sought|thought|won|met|read|done|seen|given|"
                         r"written|chosen|drawn|known|shown|grown|overseen|undertaken)$")
# where a doer ends: a stop, a comma or "and" before a lower-case word ("by local authorities,
# and supported by"; a list of names runs on: "by the ADCS, DfE, DLUHC and Ofsted")
_AGENT_END = re.compile(r"[.;:()]|,(?!\s*(?:and\s+|or\s+)?(?:the\s+)?[A-Z])|"
                        r"\s(?:and|or)\s(?!(?:the\s+)?[A-Z])|\s(?:but|with|which|who|to|for|in|"
                        r"on|from|as|since|until|after|before|is|are|was|were|we|they|it)\s"
                        r"(?![A-Z])")


# a named doer (capitalised words) and the act it has done: "The Information Commissioner has
# published"
_ACTIVE_DOER = re.compile(r"\b((?:[Tt]he\s+)?(?:[A-Z][\w'-]*\s+(?:(?:of|for|and)\s+)?){0,4}"
                          r"[A-Z][\w'-]*)\s+(?:has|have|had)\s+(?:[a-z]+ly\s+)?([a-z]+)\b")


def agents(text: str) -> list[tuple[set[str], str]]:
    """Each passive act a text names with its doer: the stems of the participles before a "by"
    (two joined by "and" or "or" count alike: "designed and owned by local authorities") and
    the words after it, to the end of the phrase; a "by" with no words after it takes the
    next one's doer ("designed by, and owned by, the council")."""
    found: list[tuple[set[str], str]] = []
    waiting: set[str] = set()
    for match in re.finditer(r"\bby\b", text):
        words = re.findall(r"[A-Za-z]+", text[max(0, match.start() - 60):match.start()])[-4:]
        acts = {stem(w.lower()) for w in words if PARTICIPLE.match(w.lower())}
        rest = text[match.end():].lstrip(" ,")
        end = _AGENT_END.search(" " + rest)
        doer = (" " + rest)[:end.start()].strip() if end else rest.strip()
        if not acts:
            continue
        if not re.search(r"[A-Za-z]", doer):
            waiting |= acts
            continue
        found.append((acts | waiting, doer))
        waiting = set()
    # and each act a named doer did, said actively: "The Information Commissioner has
    # published guidance" is "guidance published by the Information Commissioner"
    for match in _ACTIVE_DOER.finditer(text):
        if PARTICIPLE.match(match.group(2)):
            found.append(({stem(match.group(2))}, match.group(1)))
    # and the doer an arrangement names: "arrange for a registered medical practitioner to
    # carry out an assessment" is "an assessment carried out by a registered medical
    # practitioner"
    for match in _FOR_TO_DO.finditer(text):
        found.append((_forms_of(match.group(2).lower()), match.group(1)))
    # a name said doing it in the past ("the Open Data Institute delivered the evaluation"),
    # and a name engaged to do it ("commissioned Social Finance to deliver an evaluation")
    for match in _NAME_DID.finditer(text):
        found.append(({stem(match.group(2))}, match.group(1)))
    for match in _ENGAGED_TO_DO.finditer(text):
        found.append((_forms_of(match.group(2).lower()), match.group(1)))
    return found


# a name of two or more capitalised words, or an acronym, then a verb in the past
_NAME_DID = re.compile(r"\b((?:[Tt]he\s+)?(?:[A-Z][\w'-]*\s+(?:(?:of|for|and)\s+)?){1,4}"
                       r"[A-Z][\w'-]*|[A-Z]{2,})\s+([a-z]{3,}ed|led|held|made)\b")
_ENGAGED_TO_DO = re.compile(r"\b(?:commission(?:s|ed|ing)?|engag(?:e|es|ed|ing)|appoint(?:s|ed|"
                            r"ing)?|contract(?:s|ed|ing)?)\s+((?:the\s+)?(?:[A-Z][\w'-]*\s+){0,4}"
                            r"[A-Z][\w'-]*)\s+to\s+([a-z]+)\b")


def _forms_of(verb: str) -> set[str]:
    """The stems of a verb and of its past participle ("carry": "carried"; "do": "done")."""
    past = verb[:-1] + "ied" if re.search(r"[^aeiou]y$", verb) else \
        verb + "d" if verb.endswith("e") else verb + "ed"
    return {stem(form) for form in [verb, past, *IRREGULAR.get(verb, "").split()]}


# "for <a doer> to <act>": whom an arrangement, a duty or a request leaves the act to
_FOR_TO_DO = re.compile(r"\b(?:arrange|arranges|arranged|arranging|ask|asks|asked|asking|"
                        r"require|requires|required|requiring)\s+for\s+((?:an?|the)\s+"
                        r"(?:[\w'-]+\s+){0,4}?[\w'-]+)\s+to\s+([a-z]+)\b", re.I)


# the acts of making a publication: a reference list names who made each title
_MAKING = frozenset(stem(w) for w in ("produced", "published", "written", "developed",
                                      "created", "issued", "designed", "made", "compiled"))


def credits(claim: str, sentence: str) -> list[tuple[set[str], str]]:
    """Who made each title of a reference list, as the list gives it: a title, a dash, its
    maker ("County Lines Toolkit For Professionals – The Children's Society in partnership
    with ..."), as (the acts, the maker): the acts of making for a title the claim names, and
    another act for every other title (its maker made something else)."""
    titles = [re.sub(r"^The\s+", "", run.group(0)) for run in NAME_RUN.finditer(claim)]
    titles = [title for title in titles if len(title.split()) > 1]
    found: list[tuple[set[str], str]] = []
    for dash in re.finditer(r"\s[–—]\s+", sentence):
        rest = re.split(r"\s[–—]\s", sentence[dash.end():])[0]
        end = _AGENT_END.search(" " + rest)
        maker = (" " + rest)[:end.start()].strip() if end else rest.strip()
        if not re.match(r"(?:[Tt]he\s+)?[A-Z]", maker):
            continue
        before = sentence[max(0, dash.start() - 120):dash.start()]
        named = any(re.search(rf"\b{re.escape(title)}(?:\s+[\w'’]+){{0,3}}$", before, re.I)
                    for title in titles)
        found.append((set(_MAKING) if named else {"another title"}, maker))
    return found


def swapped_agent(claim: str, sentence: str, expansions: dict[str, set[str]]
                  ) -> tuple[str, str] | None:
    """A passive act the claim gives one doer and the sentence another, the claim's doer not
    among the sentence's ("designed by the DfE" against "designed and owned by local
    authorities, and supported by the DfE"): (the claim's doer, the sentence's)."""
    def known_as(doer: str) -> set[str]:
        # a doer spelled out is also known by its acronym; an acronym is not known by each
        # word of its expansion ("NSPCC" is not "The Children's Society")
        words = {stem(w) for w in content_words(doer)}
        return words | {acronym for acronym, parts in expansions.items()
                        if parts and parts <= words}

    given = agents(sentence) + credits(claim, sentence)
    named = {stem(w) for w in content_words(sentence)}
    for acts, doer in agents(claim):
        ours = known_as(doer)
        theirs = [(their_doer, known_as(their_doer)) for their_acts, their_doer in given
                  if acts & their_acts]
        # the claim's doer named in the sentence, and not as the doer of another act: one of
        # a list of doers the sentence goes on to give ("by parents ...; by people known to
        # the victim (such as neighbours); and by strangers")
        if ours <= named and not any(ours & known_as(their_doer) for their_acts, their_doer
                                     in given if not acts & their_acts):
            continue
        if ours and theirs and not any(_one_doer(doer, ours, their_doer, words)
                                       for their_doer, words in theirs):
            return doer, theirs[0][0]
    return None


def _one_doer(ours: str, our_words: set[str], theirs: str, their_words: set[str]) -> bool:
    """Whether two doers are one: they share a word, and one's head (its last word) is the
    other's ("a registered nurse" is not "a registered medical practitioner")."""
    heads = [stem(words[-1]) for words in (content_words(ours), content_words(theirs)) if words]
    return bool(our_words & their_words) and (
        len(heads) < 2 or heads[0] in their_words or heads[1] in our_words)


def names_in(text: str) -> set[str]:
    """The stems of the names a claim states: capitalised words past a sentence's first, and
    acronyms wherever they stand ("KCSIE says ...")."""
    return name_stems(text) | {stem(w.lower()) for w in re.findall(r"\b[A-Z][A-Z0-9]+\b", text)}


def spelled_out(text: str, other: str) -> set[str]:
    """The stems of the acronyms of `text` ("DfE", "CV") that `other` spells out: a run of its
    words whose first letters are the acronym's ("Department for Education", "curriculum
    vitae")."""
    initials = "".join(w[0] for w in lower_words(other))
    return {stem(acronym.lower()) for acronym in re.findall(r"\b[A-Za-z]*[A-Z][A-Za-z]*\b", text)
            if sum(c.isupper() for c in acronym) >= 2 and len(acronym) <= 6 and
            acronym.lower() in initials}




# an address says where to write, not what is said: "nvest@eastsussex.gov.uk" is no "NVEST ..."
_ADDRESS = re.compile(r"\S+@\S+|\bhttps?://\S+|\bwww\.\S+", re.I)


def lower_words(text: str) -> list[str]:
    """The text's words in lower case, its addresses left out."""
    return [w.lower() for w in re.findall(r"[A-Za-z][A-Za-z'-]*", _ADDRESS.sub(" ", text))]


_CAPITALISED = re.compile(r"\b[A-Z][\w'-]*")


def _said_of(text: str, names: set[str]) -> dict[str, set[str]]:
    """For each of these names in the text, the stems of the content words after it, up to the
    next of them or the end of its clause."""
    named = re.compile(rf"\b(?:{'|'.join(map(re.escape, sorted(names)))})\b", re.I)
    places = [(m.start(), m.end(), m.group(0).lower()) for m in named.finditer(text)]
    said: dict[str, set[str]] = {}
    for index, (_, end, name) in enumerate(places):
        stop = places[index + 1][0] if index + 1 < len(places) else len(text)
        clause = re.split(r"[.;:]|\b(?:but|while|whereas|although|though)\b", text[end:stop])[0]
        said.setdefault(name, set()).update(stem(word) for word in content_words(clause))
    return said


_GROUPS = [("girls", "boys"), ("women", "men"), ("females", "males"), ("mothers", "fathers")]


def swapped_pairs(claim: str, sentence: str) -> tuple[str, str] | None:
    """Two names the claim and the sentence both give, each with what the sentence says of the
    other ("Essex focused on child protection while Leeds focused on children looked after"
    against "Essex focused on children looked after and Leeds focused on child protection"):
    (the claim's name, the one the sentence says it of), or None."""
    shared = _capitalised(claim) & _capitalised(sentence)
    # two groups that make up a whole ("girls" and "boys"), both named in both texts, are a
    # pair as two names are
    groups = {word for pair in _GROUPS for word in pair
              if all(re.search(rf"\b{w}\b", text, re.I) for w in pair
                     for text in (claim, sentence))}
    least = 3 if len(shared) >= 2 else 2
    shared |= groups
    if len(shared) < 2:
        return None
    ours, theirs = _said_of(claim, shared), _said_of(sentence, shared)
    named = sorted(set(ours) & set(theirs))
    for at, one in enumerate(named):
        for other in named[at + 1:]:
            mine, yours = ours[one] - ours[other], ours[other] - ours[one]
            its, their = theirs[one] - theirs[other], theirs[other] - theirs[one]
            if mine & their and yours & its and not mine & its and not yours & their and \
                    len(mine & their) + len(yours & its) >= least:
                return one.title(), other.title()
    return None


def _capitalised(text: str) -> set[str]:
    """The capitalised words of a text, lower-cased, but for stop words ("In", "The")."""
    return {word.lower() for word in _CAPITALISED.findall(text) if word.lower() not in STOP}


def another_of_its_kind(claim: str, sentence: str) -> tuple[str, str] | None:
    """A name of several words the claim gives ("Lead Child Protection Practitioners") that
    the sentence lacks, where the sentence gives another with the same last word ("Family
    Help Lead Practitioners"): the sentence speaks of another body of that kind. (The claim's
    name, the sentence's), or None."""
    held = {stem(w.lower()) for w in re.findall(r"[A-Za-z]+", sentence)}
    theirs = [(run, stems) for run in NAME_RUN.findall(sentence)
              if (stems := _name_stems(run)) is not None]
    for run in NAME_RUN.findall(claim):
        ours = _name_stems(run)
        if ours is None or set(ours) <= held:
            continue
        for other, stems in theirs:
            if stems[-1] == ours[-1] and set(stems) != set(ours):
                return run, " ".join(other.split())
    return None


def _name_stems(run: str) -> list[str] | None:
    """The stems of a name's words, its last (its head) last; None for a name of one word, or
    one holding an acronym, which may stand for another name's words ("SEND Code of
    Practice")."""
    words = [w for w in run.split() if w not in ("of", "and", "the")]
    if len(words) < 2 or any(w.isupper() for w in words):
        return None
    return [stem(w.lower()) for w in words]
