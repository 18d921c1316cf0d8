"""Words: a text's content words and their stems, which search and the jobs match on."""

from __future__ import annotations

import re
from functools import lru_cache

WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
STOP = set("""a an the of to in on at for by with and or but is are was were be been being this
that these those it its as from than then there their they we our us has have had which who
whom whose what when where how many much did does do so not no also all each every per year years
earlier later previous last before ago above below compared against versus while same over
under up down into about roughly
around approximately nearly almost some other more less fewer higher lower rose fell increased
decreased increase decrease rise fall risen fallen grew reduced dropped since during between
within across i you he she his her hers him them out number total rate figure figures per cent
percent previously march april june september october november december january february july august
may end ended ending at least just only still stood reached half thirds quarters after
must should shall will would could might ought can meant intended supposed
onto upon towards toward along alongside beside among amongst throughout via whereby wherein
whilst whereas although though whether here perhaps rather quite very
me my mine myself your yours yourself ours theirs itself himself herself themselves
someone somebody anyone anybody everyone everybody
rises rising falls falling increases increasing decreases decreasing grows growing
drops dropping whichever whatever whoever wherever whenever instead""".split())
# an auxiliary and its "not" said as one word ("hasn't", "doesn't", "can't") is no more a
# content word than the two words it stands for, in either apostrophe
STOP |= {contracted.replace("'", mark) for contracted in """isn't aren't wasn't weren't hasn't
haven't hadn't doesn't don't didn't can't couldn't shouldn't wouldn't won't mustn't needn't
mightn't shan't""".split() for mark in ("'", "\u2019")} | {"cannot"}
# a pronoun or a pointing word run together with its verb ("I'm", "we've", "they're", "it's",
# "there's", "let's") is as much a common word as its parts
STOP |= {f"{word}{mark}{verb}" for word in """i you we they he she it that there here what who
let""".split() for verb in ("m", "re", "ve", "ll", "d", "s") for mark in ("'", "\u2019")}


def content_words(text: str) -> list[str]:
    return [word for w in WORD.findall(text)
            if (word := w.lower().strip("'’-")) not in STOP and len(w) > 1]


# a word as the jobs read it, digits allowed after its first letter ("D2I", "S47")
TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9'-]*")


# a section of an Act cited short: "s47", "S17" (a section 47 enquiry, section 17 support)
SECTION_CITED = re.compile(r"(?<![\w'-])[sS]\d{1,3}[A-Za-z]?(?![\w'-])")


def words_of(text: str) -> set[str]:
    """The stems of a text's words, hyphenated ones whole; a section cited short ("S47")
    is a section as well."""
    words = {stem(word.lower()) for word in TOKEN.findall(text)}
    if SECTION_CITED.search(text):
        words.add("section")
    return words


def word_parts(text: str) -> set[str]:
    """Stems of the words, hyphenated ones split ("half-day": half, day)."""
    return {stem(word.lower()) for word in re.findall(r"[A-Za-z0-9]+", text)}


def content_parts(text: str) -> set[str]:
    """Stems of the content words, hyphenated ones split ("non-statutory": non, statutory)."""
    return {stem(part) for word in content_words(text) for part in word.split("-") if part}


@lru_cache(maxsize=16384)
def stem(word: str) -> str:
    """A light stemmer for matching words across forms: inflections off ("referrals",
    "fostered", "agencies", "carried", "attendees"), an adverb's "-ly" ("routinely"), a
    doubled consonant left by them undone ("tagged" as "tag"), a noun in -sion or -ment as its
    verb ("suspension", "assessment"), a noun in -ence or -ance as its adjective in -ent or
    -ant ("absence", "absent"), then the first seven letters, which joins most derived forms."""
    word = word.lower().replace("’", "'").removesuffix("'s")
    for suffix in ("ifications", "ification"):  # "notification" as "notify"
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return (word[: -len(suffix)] + "ify")[:7]
    for suffix in ("bilities", "bility"):  # a noun in -bility as its adjective: "disability"
        if word.endswith(suffix) and len(word) - len(suffix) >= 1:
            word = word[: -len(suffix)] + "ble"  # as "disabled", "eligibility" as "eligible"
            break
    for suffix in ("ations", "ation"):  # a noun in -ation as its verb: "expectation", "expect"
        if word.endswith(suffix) and len(word) - len(suffix) >= 5:
            return word[: -len(suffix)][:7]
    if len(word) == 4 and word[0] in "aeiou" and word.endswith("ed"):
        return word[:-1]  # too short for the rule below: "aged" as "age", "used" as "use"
    if word.endswith("ly") and len(word) > 6:  # an adverb as its adjective: "routinely"
        word = word[:-2]
    for suffix in ("ies", "ied", "ees", "ee", "es", "s", "ing", "ed"):
        if suffix == "s" and word.endswith(("ss", "us", "is")):
            break  # no plural: "process", "status", "basis"
        shortest = 3 if suffix == "s" else 4
        if word.endswith(suffix) and len(word) - len(suffix) >= shortest:
            word = word[: -len(suffix)] + ("y" if suffix in ("ies", "ied") else "")
            if suffix in ("ing", "ed") and len(word) >= 4 and word[-1] == word[-2] and \
                    word[-1] not in "aeioufslz":
                word = word[:-1]
            break
    # a noun in -sion as its verb ("suspension", "suspend"; "inclusion", "include";
    # "decision", "decide"), too short a stem left alone ("pension", "vision")
    for suffix, verb in (("nsion", "nd"), ("usion", "ude"), ("ision", "ide")):
        if word.endswith(suffix) and len(word) - len(suffix) >= (4 if suffix == "nsion" else 3):
            word = word[: -len(suffix)] + verb
            break
    # a noun in -ment as its verb ("assessment", "assess"; "requirement", "require"), where
    # what is left ends as a verb does; not "implement", "supplement", "document", whose
    # -ment is no suffix
    if word.endswith("ment") and len(word) >= 9 and word[:-4].endswith(("e", "ss", "t")) and \
            not word.endswith(("plement", "cument")):
        word = word[:-4]
    if word.endswith("e") and len(word) > 4:  # "receive" as "received", "course" as "courses"
        word = word[:-1]
    if word.endswith(("enc", "anc")) and len(word) > 5:  # "absence" as "absent"
        word = word[:-1] + "t"
    return word[:7]


# the past forms of irregular verbs a sentence may state the act in ("led by", "held by")
IRREGULAR = {"lead": "led", "hold": "held", "run": "ran", "write": "wrote written",
             "give": "gave given", "oversee": "oversaw overseen", "undertake": "undertook "
             "undertaken", "bring": "brought", "build": "built", "choose": "chose chosen",
             "draw": "drew drawn", "find": "found", "keep": "kept", "meet": "met",
             "pay": "paid", "send": "sent", "teach": "taught", "tell": "told", "win": "won",
             "see": "saw seen", "seek": "sought", "spend": "spent", "lend": "lent",
             "set": "set", "sit": "sat", "speak": "spoke spoken", "know": "knew known",
             "begin": "began begun", "get": "got gotten"}
# words of general English that name one act or thing, any of which a source may use for
# another ("began" / "started", "retain" / "keep", "request" / "ask"; a council is what the
# documents call a local authority, an LA): each group counts as one term when a text's
# coverage of another is measured. Groups that cost the tune halves cases are left out:
# renew/update/refresh (guidance tells "updated every two years" from "refreshed annually"),
# inform (the stemmer makes "information" "inform"), need/require, carry/undertake
SAME_SENSE = [
    "begin start", "end finish cease conclude stop halt complete", "keep retain",
    "tell notify", "ask request", "help assist", "obtain get",
    "use utilise utilize", "show demonstrate", "choose select", "allow permit",
    "forbid prohibit ban", "buy purchase", "pupil student", "annual yearly",
    "often frequently", "quick rapid fast", "aim goal", "remove delete",
    "lawyer solicitor", "intention motive", "council la las authority",
    "mandatory compulsory obligatory", "acknowledge confirm", "track follow",
    "nearer closer", "ready prepared", "give grant", "avoid prevent",
]


# verbs that name one event, the phrasal one among them: "cannot happen within" and "can take
# place within" say opposite things of the same event
_EVENT = re.compile(r"\b(?:(?:take|takes|taking|took|taken)\s+place|occur(?:s|red|ring)?|"
                    r"happen(?:s|ed|ing)?)\b", re.I)


def one_event_verb(text: str) -> str:
    """The text with its verbs of an event happening said one way ("take place", "occur":
    "happen")."""
    return _EVENT.sub("happen", text)


def in_their_words(text: str, other: str) -> str:
    """The text with each word of a SAME_SENSE group that `other` words otherwise put as
    `other` puts it ("expected to ask schools" against "no expectation ... to request
    information": "expected to request schools"), so the two can be read word for word."""
    theirs = {stem(word): word for word in re.findall(r"[A-Za-z]+", other)}

    def theirs_for(match: re.Match[str]) -> str:
        word = match.group(0)
        own = stem(word)
        if own in theirs or own not in SAME_AS:
            return word
        return next((theirs[alike] for alike in SAME_AS[own] if alike in theirs), word)

    return acronyms_as_in(negation_as_in(re.sub(r"[A-Za-z]+", theirs_for, text), other), other)


_NEGATING_PREFIX = r"(?:in|un|im|il|ir|dis|non-?)"


def negation_as_in(text: str, other: str) -> str:
    """The text with "not" and a word put as `other` puts it, as one word with a negating
    prefix or as two: "is not developmentally appropriate" against "is developmentally
    inappropriate" reads "is developmentally inappropriate", and the other way round."""
    def prefixed(match: re.Match[str]) -> str:
        found = re.search(rf"\b{_NEGATING_PREFIX}{re.escape(match.group(2))}\b", other, re.I)
        return f"{match.group(1)}{found.group(0)}" if found else match.group(0)

    def spaced(match: re.Match[str]) -> str:
        word = match.group(3)
        if re.search(rf"\bnot\s+(?:\w+ly\s+)?{re.escape(word)}\b", other, re.I) and \
                not re.search(rf"\b{re.escape(match.group(0).split()[-1])}\b", other, re.I):
            return f"not {match.group(1)}{word}"
        return match.group(0)

    text = re.sub(r"\bnot\s+((?:[a-z]+ly\s+)?)([a-z]{4,})\b", prefixed, text)
    return re.sub(rf"\b((?:[a-z]+ly\s+)?)({_NEGATING_PREFIX})([a-z]{{4,}})\b", spaced, text)


# an acronym: two or more capitals among at most six letters ("DPIA", "DfE", "DSAs")
_ACRONYM = re.compile(r"\b(?=(?:[a-z]*[A-Z]){2})([A-Za-z]{2,6}?)s?\b")


def acronyms_as_in(text: str, other: str) -> str:
    """The text with each run of words that `other` puts as an acronym (the run's first letters
    are the acronym's) put as `other` puts it: "carry out a Data Protection Impact Assessment"
    against "to undertake a DPIA" reads "carry out a DPIA". A run of lower-case words spells
    out an acronym of three letters or more; a run of two only when capitalised ("Local
    Authority": "LA", not "look after")."""
    for acronym in {m.group(1) for m in _ACRONYM.finditer(other)}:
        if re.search(rf"\b{acronym}s?\b", text):
            continue
        words = r"\s+".join(rf"{letter}[\w'-]*" for letter in acronym.lower())
        capitalised = r"\s+".join(rf"{letter.upper()}[\w'-]*" for letter in acronym.lower())
        run = re.compile(rf"\b(?:{words})\b" if len(acronym) >= 3 else rf"\b{capitalised}\b",
                         0 if len(acronym) < 3 else re.I)
        text = run.sub(acronym, text)
    return text


BASE_OF = {past: verb for verb, forms in IRREGULAR.items() for past in forms.split()
           if past != verb}
# each group's words in every form the stemmer leaves apart ("began" for "begin")
SAME_AS = {stem(form): frozenset(stem(alike) for other in group.split()
                                 for alike in [other, *IRREGULAR.get(other, "").split()])
           for group in SAME_SENSE for word in group.split()
           for form in [word, *IRREGULAR.get(word, "").split()]}

# the words of a modal: what one must, should or could do, not what is done
MODALS = {"should", "must", "shall", "will", "would", "could", "might", "ought", "need"}


def shares_a_run(text: str, other: str, length: int) -> bool:
    """Whether `other` holds `length` of the text's content words one after another, in the
    text's order, each in any form ("life story work helps children": "Life Story Work helps
    children understand"); words between them in `other` break the run."""
    ours = _stem_run(text)
    theirs = f" {' '.join(_stem_run(other))} "
    return any(f" {' '.join(ours[at:at + length])} " in theirs
               for at in range(len(ours) - length + 1))


@lru_cache(maxsize=4096)
def _stem_run(text: str) -> tuple[str, ...]:
    """The stems of a text's content words in order (kept: a question is read against every
    sentence of its passages, and a sentence against many questions)."""
    return tuple(stem(word) for word in content_words(text))
