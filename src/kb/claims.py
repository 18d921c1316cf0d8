"""Claims against sentences: which sentences of the library a claim is about (the claim's
words they hold and how close the model reads them), and whether a sentence speaks of the
claim's time and of more than its document's title.

What a sentence says against a claim is read in kb.clashes and kb.negation.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np

from kb import embed
from kb.agreement import same_date
from kb.contrasts import said_left_out
from kb.models import Figure, Passage
from kb.names import REPORTING
from kb.numbers import find_figures
from kb.readings import BULLETS, Reading, readings, sentences_of
from kb.sentences import FRAME, pointed_back
from kb.terms import Terms
from kb.words import BASE_OF, content_words, stem, words_of


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
    lead_in: str = ""  # the line leading into the list the sentence is an item of, if any
    notes: str = ""  # the footnotes the sentence's marks point to, which speak with it
    pointed: str = ""  # what its "This duty" names in the sentence before, read as its own


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
        if not text.startswith(BULLETS) or len(items) == most:
            break
        items.append(replace(aligned, sentence=f"{aligned.sentence} {text.lstrip('•◦▪-–o ')}",
                             start=start, lead=len(aligned.sentence) + 1))
    return [aligned, *items]


# the way `readings` reads a passage, stored with the library's sentence vectors: a change
# here has ingest read every passage again for the texts it has no vector for
READINGS = ("4: a sentence a page break cut in two reads on across it; one opening on the case "
            "the sentence before sets out (\"In such cases\") reads with it")


def model_texts(passage_text: str) -> list[str]:
    """Every text `align` may give the model for a passage's sentences: each reading, and an
    item of a list alone too. Ingest stores their vectors, so a check encodes only its claim."""
    texts = []
    for reading in readings(passage_text):
        texts.append(reading.text)
        if reading.item:
            texts.append(reading.sentence)
    return list(dict.fromkeys(texts))


StoredVectors = Callable[[Sequence[str]], Mapping[str, np.ndarray]]


def next_sentence(aligned: Aligned, others: Sequence[Aligned]) -> Aligned | None:
    """The sentence of the others that follows this one in its passage, nothing between."""
    end = aligned.start + len(aligned.sentence)
    return next((near for near in others if near.passage.passage_id ==
                 aligned.passage.passage_id and near.start >= end and
                 not re.search(r"\w", aligned.passage.text[end:near.start])), None)


def align(claim: str, terms: Terms, hits: Sequence[Passage], keep: int = 12,
          weight: float = 0.5, model_name: str = embed.MODEL_NAME,
          stored: StoredVectors | None = None, leads: Mapping[int, str] | None = None
          ) -> list[Aligned]:
    """The sentences of the hits closest to the claim: first by the claim words they hold,
    then the best `keep` by meaning too (one batch of embeddings; `stored` gives the vectors
    ingest kept of the sentences' texts, and only the rest are encoded). `leads`: by passage,
    the lead-in of a list the passage before left open (`open_leads`)."""
    candidates: list[tuple[Aligned, Reading]] = []
    for rank, passage in enumerate(hits):
        # the document and section a sentence stands in count for the claim's words that
        # name them ("KCSIE says ...", "the Essex study found ...")
        document = words_of(passage.known_as)
        context = document | words_of(passage.section or "")
        # the claim's words that name the document ("KCSIE says", "the Essex study found")
        # say where to look, and every sentence of that document holds them
        named = terms.present(document) & set(terms.weights)
        for reading in readings(passage.text, (leads or {}).get(passage.passage_id, "")):
            sentence = reading.sentence
            around = context | words_of(reading.before) if reading.leans else context
            # what the sentence sets itself beside ("In addition to the formal training, ...")
            # is read as context, not as what it states
            framed = FRAME.match(sentence)
            stated = sentence[framed.end():] if framed else sentence
            if framed:
                around = around | words_of(framed.group(0))
            # "This training should be updated ...": the training the sentence before names
            # is the sentence's own subject, its words the sentence's own
            pointed = pointed_back(reading.before, sentence)[1] if reading.leans and \
                not reading.item else ""
            coverage = terms.share(words_of(stated) | named | words_of(pointed), around,
                                   partial=0.3)
            candidates.append((Aligned(passage, sentence, reading.start, coverage, 0.0,
                                       coverage - 0.01 * rank,
                                       lead_in=reading.before if reading.item else "",
                                       pointed=pointed),
                               reading))
    candidates.sort(key=lambda pair: -pair[0].score)
    chosen = candidates[:keep]
    if not chosen:
        return []
    # the model reads an item of a list alone too
    items = [reading.sentence for _, reading in chosen if reading.item]
    texts = [claim] + [reading.text for _, reading in chosen] + items
    # the sentences' vectors ingest stored; the claim, and any sentence of a library not yet
    # read for its sentences, from the model in one batch
    vectors = embed.encode_known(texts, stored(texts[1:]) if stored is not None else {},
                                 model_name, kept=texts[1:])
    closeness = np.asarray(vectors[1:] @ vectors[0]).tolist()
    alone = iter(closeness[len(chosen):])
    for (aligned, reading), cosine in zip(chosen, closeness[:len(chosen)], strict=True):
        aligned.closeness = float(max(cosine, next(alone))) if reading.item else float(cosine)
        aligned.score = weight * aligned.coverage + (1 - weight) * aligned.closeness
    return sorted((aligned for aligned, _ in chosen), key=lambda a: -a.score)


def says_more_than_its_title(terms: Terms, aligned: Aligned, least: float = 0.0) -> bool:
    """Whether the sentence holds what the claim says beyond the name of the document it
    stands in (more than `least` of those words' weight, and at least one of them): the title
    line "Families first for children pathfinder" bears out nothing of "the Families First
    pathfinder began in 2021", and "the census guide requires each child's religion" is not
    borne out by a sentence of the census guide on local authorities and children alone."""
    titled = terms.present(words_of(aligned.passage.known_as)) | REPORTING
    rest = Terms({t: w for t, w in terms.weights.items() if t not in titled}, terms.expansions)
    if not rest.weights:
        return True  # every word of the claim names the document: nothing else to hold
    # the sentence's own words, and what its "This duty" names in the sentence before
    own = words_of(f"{aligned.sentence} {aligned.pointed}")
    held = rest.present(own) & set(rest.weights)
    return bool(held) and rest.share(own) >= least


_TIME = ("year", "date", "period")


def other_date(claim: str, sentence: str) -> tuple[str, str] | None:
    """The claim's one date, year or reporting year and the sentence's one other, when the
    sentence names a single time and it is not the claim's ("launched in October 2023" against
    "launched on 6 October 2022"), or None. A sentence naming more than one time may date
    another event."""
    ours = [f for f in find_figures(claim) if f.kind in _TIME]
    theirs = [f for f in find_figures(sentence) if f.kind in _TIME]
    if len(ours) == 1 and len(theirs) > 1:
        theirs = _dating_its_event(claim, ours[0], sentence, theirs)
    if len(ours) != 1 or len(theirs) != 1:
        return None
    claimed, stated = ours[0], theirs[0]
    if not _same_event(claim, claimed, sentence, stated):
        return None
    # a reporting year against another ("in 2026/27" against "in 2024/25"); against a year or
    # a date, which a reporting year spans two of, the two are not weighed
    if "period" in (claimed.kind, stated.kind):
        return (claimed.text, stated.text) if claimed.kind == stated.kind and \
            claimed.period != stated.period else None
    if int(claimed.value) != int(stated.value):
        return claimed.text, stated.text
    if claimed.kind == stated.kind == "date" and not _one_time(claimed.text, stated.text):
        return claimed.text, stated.text  # another month of the same year
    return None


# where a clause of a sentence begins: the words before a date up to here name what it dates
_CLAUSE_CUT = re.compile(r"[,;:()]|\b(?:and|but|while|then|whereas)\b", re.I)
LEAD_WORDS = 3  # the words before a date that name its event ("began full delivery in ...")


def _dating_its_event(claim: str, claimed: Figure, sentence: str, stated: list[Figure]
                     ) -> list[Figure]:
    """Of a sentence's several dates ("began co-design in April 2024 and implementation from
    July 2024, moving to full delivery from March 2025"), the one whose event the claim's date
    is given to ("began delivery in January 2025"): its word just before its date, where that
    word stands among the few before one date alone of the sentence's. Several, or none: none."""
    before = [_words_before(sentence, figure, stated[index - 1].end if index else 0)
              for index, figure in enumerate(stated)]
    # what the claim dates: the word just before its date ("began delivery in ...")
    ours = set(_words_before(claim, claimed, 0)[-1:])
    # a word before one date alone: not among the words before any other
    return [figure for index, figure in enumerate(stated)
            if ours & (set(before[index][-LEAD_WORDS:]) -
                       set().union(*before[:index], *before[index + 1:]))]


def _same_event(claim: str, claimed: Figure, sentence: str, stated: Figure) -> bool:
    """Whether the two dates are given to one act: the last participle before each ("was
    launched in ...", "will be held on ...") is the same verb, or either has none. "due to be
    published in August 2025" is not dated by "will be held on 16th September 2025"."""
    ours, theirs = _act_before(claim, claimed), _act_before(sentence, stated)
    return ours is None or theirs is None or ours == theirs


# a regular participle; "children" ends as "written" does, so irregular ones come from BASE_OF
_DONE = re.compile(r"[a-z]{2,}ed")


def _act_before(text: str, figure: Figure) -> str | None:
    """The stem of the last participle before a date in its sentence, in its base form."""
    words = re.findall(r"[a-z]+", text[:figure.start].lower())
    done = [w for w in words if _DONE.fullmatch(w) or w in BASE_OF]
    return stem(BASE_OF.get(done[-1], done[-1])) if done else None


def _words_before(text: str, figure: Figure, floor: int) -> list[str]:
    """The stems of the words of a date's clause before it (from `floor`, the date before)."""
    cuts = [m.end() for m in _CLAUSE_CUT.finditer(text, floor, figure.start)]
    return [stem(word) for word in content_words(text[cuts[-1] if cuts else floor:figure.start])]


def _one_time(one: str, other: str) -> bool:
    """The same day, or the same month where either names no day."""
    return same_date(one, other) or same_date(other, one)


def same_time(claim: str, aligned: Aligned) -> bool:
    """Whether the sentence speaks of the times the claim names (a year, a date, a reporting
    year), or the claim names none: "approved in 2019" is not borne out by "in July 2020 the
    Executive approved". A sentence that names no time speaks for its yearly report's year."""
    passage = aligned.passage
    # a year the document's own name carries ("the 2024 advice", "KCSIE 2025") dates the
    # document the claim names, not the event the sentence must state
    named = [f for f in find_figures(passage.known_as) if f.kind in _TIME]
    claimed = [f for f in find_figures(claim) if f.kind in _TIME and not _names_its_year(f, named)]
    if not claimed:
        return True
    stated = [f for f in find_figures(aligned.sentence) if f.kind in _TIME]
    years = {int(f.value) for f in stated if f.kind in ("year", "date")}
    periods = {f.period for f in stated if f.kind in ("period", "date") and f.period}
    if not stated:
        # a time the claim gives an event ("launched in 2021", "first published in May 2019")
        # is for a sentence to state
        if passage.doc_type not in ("annual-report", "committee-report") or not passage.period:
            return not any(f.kind != "period" and _EVENT_AT.search(claim[:f.start])
                           for f in claimed)
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


# an event dated: "was launched in", "first published in", "has run since", "set up during"
_EVENT_AT = re.compile(r"\b(?:launched|published|introduced|established|set\s+up|founded|"
                       r"created|began|begun|started|opened|formed|issued|released|announced|"
                       r"commissioned|came\s+into\s+(?:force|effect)|took\s+effect|"
                       r"took\s+place|"
                       # the same said as a phrasal verb: "came out in 2023", "went live in May"
                       r"(?:came|come|comes)\s+out|(?:went|go|goes|gone)\s+live|"
                       r"(?:rolled|rolls)\s+out|(?:kicked|kicks)\s+off)"
                       r"\s+(?:[\w,]+\s+){0,3}?(?:in|on|since|during)\s+$|"
                       r"\bsince\s+$", re.I)


def _names_its_year(figure: Figure, named: list[Figure]) -> bool:
    """Whether a year or reporting year of a claim is one its document's name carries."""
    if figure.kind == "year":
        return any(f.kind in ("year", "date") and int(f.value) == int(figure.value) for f in named)
    return figure.kind == "period" and any(f.period == figure.period for f in named)


def listing(claim: str, about: list[Aligned], most: int = 3) -> Aligned | None:
    """The item of a list near the claim that names what the claim says the list leaves out
    ("a right to object is not one of them" against "... rights are: • the right to object")."""
    left = said_left_out(claim)
    if not left:
        return None
    items = [item for near in about[:most] for item in
             ([near] if near.lead_in else with_its_list(near)[1:])]
    return next((item for item in items if left <= words_of(item.sentence[item.lead:])), None)
