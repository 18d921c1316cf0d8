"""A claim read into its parts (its figures, each with its own measure words, its period, its
direction, the numbered items it names), and its figures read against a sentence's: for each
claimed figure the source figure of the same kind and measure, and whether they agree."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kb.agreement import (
    agrees,
    as_multiple,
    changes,
    comparable,
    other_side,
    other_time_units,
)
from kb.claims import Aligned
from kb.counted import counted_words
from kb.extract.metadata import periods_in
from kb.figure_periods import shift_period
from kb.items import another_item, items_named
from kb.measures import head_of
from kb.members import list_items
from kb.models import Figure, Match
from kb.names import names_in
from kb.numbers import (
    ALTERNATIVE,
    counts_units_of_time,
    direction,
    find_figures,
    stated_figures,
)
from kb.sentences import pointed_back
from kb.shares import shares_within, subset_shares
from kb.swaps import swapped_term
from kb.terms import Terms, audience_of, term_weights
from kb.words import content_words, stem, words_of

if TYPE_CHECKING:
    from kb.search import SearchEngine

MEASURE_MIN = 0.45  # share of the claim's (weighted) measure words a source figure must carry
SAME_FIT = 0.05  # two figures of one sentence this close in fit are read as one measure
FIT_WINDOW = 0.15  # an agreeing figure whose measure fits this close to the best one is read
CONTRADICT_FIT = 0.45  # a figure contradicts only when its measure fits this well
# "all six reviews", "every school", "none of the plans"; not a frequency ("every three years",
# "every other month", "every year"), which counts time, not the whole of anything
_SCOPE = re.compile(r"all|every|none of(?: the)?", re.I)
_ALL = re.compile(rf"(?<!of )\b(?:{_SCOPE.pattern})\b(?= \w+)(?! (?:\w+ )?(?:days?|"
                  r"weeks?|months?|years?|terms?|hours?|minutes?|quarters?)\b)", re.I)
_OF_THE = re.compile(r"\s?|\s+(?:one\s+)?of\s+(?:the\s+|these\s+|those\s+)?", re.I)
_DUTY = re.compile(r"\b(?:must|should|shall|(?:is|are)\s+required\s+to|need\s+to|has\s+to|"
                   r"have\s+to|is\s+entitled|are\s+entitled)\b", re.I)


@dataclass
class Claim:
    text: str
    figures: list[Figure]
    period: str | None
    direction: int
    terms: Terms  # the claim's measure words
    measures: list[Terms] = field(default_factory=list)  # each figure's own measure words
    items: dict[str, set[str]] = field(default_factory=dict)  # "YonY 01": {"yony": {"1"}}
    vocabulary: dict[str, int] = field(default_factory=dict)  # the library's words, counted


def read_claim(engine: SearchEngine, text: str) -> Claim:
    periods = periods_in(text)
    figures = find_figures(text, periods[0] if periods else None)
    dated = [f.period for f in figures if f.kind == "date" and f.period]
    period = periods[0] if periods else (dated[0] if dated else None)
    # what the claim speaks of, without its figures, in digits or in words ("three years")
    measure_text = text
    for figure in figures:
        measure_text = measure_text[:figure.start] + " " * (figure.end - figure.start) + \
            measure_text[figure.end:]
    measure_text = " ".join(w for w in measure_text.split() if not re.search(r"\d", w))
    if any(f.kind == "age" for f in figures):
        measure_text = _without_age_words(measure_text)
    values = [as_multiple(text, f) for f in claim_totals(
        text, counted_list(text, stated_figures(figures)), period)]
    return Claim(text, values, period, direction(text), term_weights(engine, measure_text),
                 [term_weights(engine, _measure_of(f)) for f in values],
                 items_named(text), engine.vocabulary(audience_of(engine)))


# the words that say a figure is an age ("until they turn 21", "before their fifth birthday",
# "aged 16"): how the age is put, not what it is the age for
AGE_WORDS = {"until", "turn", "turns", "turned", "birthday", "aged", "age", "reach", "reaches",
             "reached", "old", "before", "after", "under", "over"}


def _without_age_words(text: str) -> str:
    return " ".join(w for w in text.split() if w.lower().strip(".,;:'") not in AGE_WORDS)


def _measure_of(figure: Figure) -> str:
    """What a figure measures: for an age, less the words that put it as one."""
    return _without_age_words(figure.measure) if figure.kind == "age" else figure.measure


def counted_list(text: str, values: list[Figure]) -> list[Figure]:
    """The claim's figures less a count of the members it lists ("the three partners are A, B
    and C"): the list says it, and the list is read against the source's list."""
    members = list_items(text)
    if not members:
        return values
    first = text.find(members[0])
    return [f for f in values if not (f.kind == "count" and f.value == len(members)
                                      and 0 <= f.end <= first)]


def claim_totals(text: str, values: list[Figure], period: str | None) -> list[Figure]:
    """"All six reviews" claims 6 of 6; "all reviews" claims 100%, "none" 0%."""
    whole = _ALL.search(text)
    if not whole or any(f.kind in ("fraction", "percent") for f in values):
        return values
    # "all six", "every one of the six", "all of the 12"
    after = [f for f in values if f.kind == "count" and f.start >= whole.end() and
             _OF_THE.fullmatch(text[whole.end():f.start])]
    if after and not whole.group(0).lower().startswith("no"):
        count = after[0]
        count.text, count.start = text[whole.start():count.end], whole.start()
        count.kind, count.total = "fraction", count.value
        return values
    if not values and _DUTY.search(text):
        return values  # "every child must have a plan": the scope of a duty, not a statistic
    return [*values, Figure(whole.group(0), whole.start(), whole.end(),
                            0.0 if whole.group(0).lower().startswith("no") else 100.0,
                            "percent", "%", period=period)]



def claims_a_figure(claim: Claim) -> bool:
    """Whether the claim states a figure, not only the whole of a scope ("all concerns")."""
    return bool(own_figures(claim))


def own_figures(claim: Claim) -> list[Figure]:
    """The figures a claim states, less the whole of a scope ("all concerns")."""
    return [f for f in claim.figures if f.kind != "percent" or not _SCOPE.fullmatch(f.text)]


def read_sentence(claim: Claim, aligned: Aligned) -> list[Match]:
    """Each claimed figure against the sentence's figures of the same kind and measure; the
    passage's section and other words count as the measure's context (a table row's
    header and caption)."""
    passage = aligned.passage
    if claim.items and another_item(claim.items, aligned.sentence):
        return []  # a row of "YonY 05" says nothing of "YonY 01"
    # a document's own year stands for its figures only in a yearly report
    own = passage.period if passage.doc_type in ("annual-report", "committee-report") else None
    figures = [f for f in stated_figures(find_figures(aligned.sentence, own))
               if f.start >= aligned.lead]  # a list item's own, not its lead-in's
    figures += changes(aligned.sentence, figures)  # "from 39 pages to 13": a third
    figures += subset_shares(passage.text[:aligned.start], aligned.sentence, figures)
    figures += shares_within(aligned.sentence, figures)
    words = {stem(w) for w in re.findall(r"[A-Za-z][A-Za-z'-]*", aligned.sentence)}
    # "This training should be updated every two years": the training the sentence before
    # names is what the figure measures, with that sentence's words
    noun, pointed = pointed_back(passage.text[:aligned.start], aligned.sentence)
    named_before = {stem(w) for w in re.findall(r"[A-Za-z][A-Za-z'-]*", pointed)}
    words |= named_before
    row = "\t" in passage.text[aligned.start:aligned.start + len(aligned.sentence)]
    context = words | {stem(w) for w in re.findall(
        r"[A-Za-z][A-Za-z'-]*", f"{passage.known_as} {passage.section or ''} {passage.text}")}
    # the names the claim gives this document ("KCSIE says", "the National Framework sets
    # out") say where, not what: they do not count in any figure's measure
    named = claim.terms.present(words_of(passage.known_as)) & names_in(claim.text)
    # weighed without them, so they neither help nor hurt a figure's measure
    terms = Terms({t: w for t, w in claim.terms.weights.items() if t not in named},
                  claim.terms.expansions) if named else claim.terms
    matches = []
    for index, claimed in enumerate(claim.figures):
        for source in figures:
            if not comparable(claimed, source) or other_side(claim.text, aligned.sentence,
                                                              source) or \
                    other_time_units(claimed, source, claim.text, aligned.sentence) or \
                    claimed.kind == source.kind == "count" and \
                    counts_units_of_time(claim.text, claimed) != \
                    counts_units_of_time(aligned.sentence, source):
                continue  # "32 of them" is no count of "the five days"
            if claimed.kind == source.kind == "count" and \
                    not counts_units_of_time(claim.text, claimed) and \
                    counts_other_things(claim, claimed, aligned.sentence, source):
                continue  # "2,000 case notes" is no count of "three teams"
            earlier = bool(claimed.period) and source.period == shift_period(claimed.period, -1)
            if claimed.period and source.period and claimed.period != source.period \
                    and not earlier:
                continue
            # an age measures no quantity of its own: it says who a rule is for, and the whole
            # sentence says what that rule is ("a 16-year-old living alone is still a child")
            ages = claimed.kind == source.kind == "age"
            also = named_before if noun and noun in _measure_of(source) else set()
            fit = max(measure_fit(claim, index, source, words, row or ages, terms, also),
                      0.8 * measure_fit(claim, index, source, context, terms=terms))
            if same_setting(claim.text, claimed, aligned.sentence, source):
                fit = max(fit, CONTRADICT_FIT)  # "five days in a 30-day period": "three days ..."
            if fit >= MEASURE_MIN:
                same = agrees(claimed, source, claim.text, aligned.sentence)
                # the same figure of another named thing, the claim's thing named after it for
                # the rest: "three of four use Mosaic and one other uses Liquid Logic" against
                # "three of the four used Liquid Logic"
                # (not a length of time: what follows it is the event it runs from, "within
                # two days of a complaint being logged", not a thing it counts)
                counts = swapped_term(claimed.measure, source.measure, claim.vocabulary) \
                    if same and not counts_units_of_time(aligned.sentence, source) else None
                if counts and stem(counts[0]) not in words_of(aligned.sentence[source.end:]):
                    counts = None
                matches.append(Match(claimed, source, fit, same and counts is None, passage,
                                     aligned.sentence, aligned.start, figures, earlier,
                                     counts))
    return matches


_SETTING = 3  # words after a figure that, the same in both texts, make it the same measure


def same_setting(claim: str, claimed: Figure, sentence: str, source: Figure) -> bool:
    """Whether two figures stand before the same words ("more than five days in a 30-day
    period" and "more than three days in a 30-day period"; "for 14 days or more" and "for 28
    days or more"): each is that phrase's figure, whatever else the texts say."""
    ours = re.findall(r"[a-z0-9]+", claim[claimed.end:].lower())[:_SETTING]
    theirs = re.findall(r"[a-z0-9]+", sentence[source.end:].lower())[:_SETTING]
    return len(ours) == _SETTING and ours == theirs and bool(content_words(" ".join(ours)))


def measure_fit(claim: Claim, index: int, figure: Figure, sentence_words: set[str],
                row: bool = False, terms: Terms | None = None,
                also: AbstractSet[str] = frozenset()) -> float:
    """How well a source figure's measure agrees with the claim's (0 below MEASURE_MIN), and
    with the words next to the claimed figure itself (two figures have two measures). In a
    table row every cell is the figure's measure: its label, its definition, its notes."""
    near = sentence_words if row else {stem(w) for w in _measure_of(figure).split()} | also
    whole = (terms or claim.terms).share(near, sentence_words)
    own = claim.measures[index] if index < len(claim.measures) else None
    if whole < MEASURE_MIN or own is None or not own.weights:
        return whole
    return max(MEASURE_MIN, 0.5 * whole + 0.5 * own.share(near, sentence_words, partial=0.4))


def judge_figures(claim: Claim, matches: list[Match]) -> tuple[str, list[Match]]:
    """Every claimed figure found as stated: supported; any stated otherwise: contradicted."""
    chosen, verdicts = [], []
    earlier = [m for m in matches if m.earlier]
    agreeing = _agreeing(matches)
    for claimed in claim.figures:
        # a source figure another claimed figure agrees with is that one's, not a rival
        # (two alternatives, "aged 16 or 17", may both lie within one source figure's bound)
        taken = {id(m.source) for m in matches if m.agrees and m.claimed is not claimed
                 and not _alternatives(claim.text, claimed, m.claimed)}
        own = _own_measure([m for m in matches if m.claimed is claimed and not m.earlier
                            and id(m.source) not in taken])
        if not own:
            verdicts.append("not_found")
            continue
        top = max(m.fit for m in own)
        close = sorted((m for m in own if m.fit >= top - FIT_WINDOW), key=lambda m: (
            -m.agrees, -len(agreeing[(m.passage.passage_id, m.sentence)]), -m.fit))
        best = _counted_alike(claim.text, claimed, close)
        if not best.agrees and best.fit < CONTRADICT_FIT:
            verdicts.append("not_found")  # another figure of a measure only half alike
            continue
        chosen.append(best)
        verdicts.append("supported" if best.agrees else "contradicted")
    chosen = chosen + _corroborating(chosen, matches, agreeing)
    if "contradicted" in verdicts:
        return "contradicted", [m for m in chosen if not m.agrees] + [m for m in chosen if m.agrees]
    if verdicts and all(v == "supported" for v in verdicts):
        latest = max(chosen, key=lambda m: m.claimed.period or "")  # "fell from 21% to 17%"
        if claim.direction and direction_of(latest, earlier) == -claim.direction:
            return "contradicted", chosen
        return "supported", chosen
    if "supported" in verdicts and len(claim.figures) > 1:
        # one figure found as stated, another nowhere: not enough to support the claim
        return "not_found", chosen
    return "not_found", chosen


def _counted_alike(text: str, claimed: Figure, close: list[Match]) -> Match:
    """Of the figures one sentence gives, the one that counts what the claimed figure counts,
    whichever agrees: "90 local authorities" is "89 Local Authorities", not "212 members", in
    "212 members attended representing 89 Local Authorities". Where two count alike ("ten
    consecutive school days after a leave of absence or ... unauthorised absence for twenty
    consecutive school days"), the one whose own words fit the claim's clearly better."""
    wanted = head_of(text, claimed)
    best = close[0]

    def alike(match: Match) -> bool:
        return bool(wanted & head_of(match.sentence, match.source))

    rivals = [m for m in close if m.sentence == best.sentence and m.passage is best.passage]
    if wanted and not alike(best):
        best = next((m for m in rivals if alike(m)), best)
    return next((m for m in rivals if alike(m) == alike(best) and m.agrees != best.agrees
                 and m.fit > best.fit + SAME_FIT / 2), best)


def _alternatives(text: str, one: Figure, other: Figure) -> bool:
    """Two figures of a kind side by side as alternatives or a range: "aged 16 or 17"."""
    low, high = sorted((one, other), key=lambda f: f.start)
    return low.kind == high.kind and ALTERNATIVE.fullmatch(text[low.end:high.start]) is not None


def _own_measure(matches: list[Match]) -> list[Match]:
    """Of the figures one sentence gives ("every six months before the fifth birthday and
    every 12 months after it"), only those whose own words fit the claim's best: each figure
    of a sentence belongs to its own measure, so agreeing with the other one is no support."""
    best: dict[tuple[int, str], float] = {}
    for match in matches:
        key = (match.passage.passage_id, match.sentence)
        best[key] = max(best.get(key, 0.0), match.fit)
    return [m for m in matches if m.fit >= best[(m.passage.passage_id, m.sentence)] - SAME_FIT]


def _agreeing(matches: list[Match]) -> dict[tuple[int, str], set[int]]:
    """For each sentence, the claimed figures it states as claimed. One that states more of
    them is the better witness of each: "within 72 hours" agrees in every year's row of a
    table, the year's own figure in one."""
    agreeing: dict[tuple[int, str], set[int]] = defaultdict(set)
    for match in matches:
        if match.agrees and not match.earlier:
            agreeing[(match.passage.passage_id, match.sentence)].add(id(match.claimed))
    return agreeing


def _corroborating(chosen: list[Match], matches: list[Match],
                   agreeing: dict[tuple[int, str], set[int]], most: int = 2) -> list[Match]:
    """Other sentences that state the chosen figures the same way (a table and the prose that
    reports it): the scrutineer sees every source, not one."""
    extra: list[Match] = []
    seen = {(m.passage.passage_id, m.sentence) for m in chosen}
    for best in chosen:
        for match in sorted(matches, key=lambda m: (
                -len(agreeing.get((m.passage.passage_id, m.sentence), ())), -m.fit)):
            key = (match.passage.passage_id, match.sentence)
            if match.claimed is best.claimed and match.agrees == best.agrees and \
                    not match.earlier and match.fit >= best.fit - 0.15 and key not in seen \
                    and len(extra) < most:
                extra.append(match)
                seen.add(key)
    return extra


def direction_of(match: Match, earlier: list[Match] | None = None) -> int:
    """Which way the source says the measure went in the claim's period: from the year before's
    figure in the same sentence, the sentence's words, or the year before's figure elsewhere."""
    current = match.source
    before = shift_period(current.period, -1)
    previous = [f for f in match.source_figures if f is not current and f.kind == current.kind
                and f.period == before and (f.inherits or f.measure == current.measure)]
    if previous and not current.inherits:
        return (current.value > previous[0].value) - (current.value < previous[0].value)
    if said := direction(match.sentence):
        return said
    if before and current.kind in ("rate", "percent"):
        # the year before's figure in a neighbouring sentence of the same passage: "a rate of
        # 46.3 per 10,000 ... Our rate was 39.7 per 10,000 in 2019-20."
        at = match.sentence_start + current.start  # offsets within the passage
        nearby = [f for f in find_figures(match.passage.text) if f.kind == current.kind and
                  f.unit == current.unit and f.period == before and abs(f.start - at) < 300]
        if nearby:
            value = min(nearby, key=lambda f: abs(f.start - at)).value
            return (current.value > value) - (current.value < value)
    same = [m for m in earlier or [] if m.claimed is match.claimed and
            m.source.kind == current.kind and m.fit >= match.fit - 0.15]
    if not same:
        return 0
    value = max(same, key=lambda m: m.fit).source.value
    return (current.value > value) - (current.value < value)


def counts_other_things(claim: Claim, claimed: Figure, sentence: str, source: Figure) -> bool:
    """Whether two counts each name what they count, and none of the words (nor an acronym
    of them) is the other's: "more than 1,500 data items" against "the four participating
    LAs"."""
    ours = counted_words(claim.text, claimed)
    theirs = counted_words(sentence, source)
    if not ours or not theirs:
        return False
    return not (claim.terms.present(ours) | ours) & (claim.terms.present(theirs) | theirs)
