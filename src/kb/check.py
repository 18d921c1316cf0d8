"""Check: a claim's figures, measure, period and direction read against the library's sentences."""

from __future__ import annotations

import re
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from kb.agreement import (
    agrees,
    as_multiple,
    changes,
    comparable,
    other_side,
    other_time_units,
)
from kb.claims import (
    Aligned,
    align,
    other_date,
    same_time,
    says_more_than_its_title,
    with_its_list,
)
from kb.clashes import clash, forbids, list_items, opposite_word
from kb.extract.metadata import periods_in
from kb.items import another_item, items_named
from kb.models import Figure, Match, Passage, passage_dict
from kb.names import (
    names_in,
    swapped_name,
    swapped_pairs,
    swapped_part,
    swapped_quote,
    swapped_term,
)
from kb.negation import NEGATION, denies
from kb.numbers import (
    ALTERNATIVE,
    counts_units_of_time,
    direction,
    find_figures,
    head_of,
    shift_period,
    stated_figures,
)
from kb.query import Filters
from kb.sentences import split_sentences
from kb.table_claims import ranks, read_ranking, read_rows
from kb.terms import Terms, audience_of, term_weights
from kb.words import content_words, stem, words_of

if TYPE_CHECKING:
    from kb.search import SearchEngine

VERDICTS = ("supported", "contradicted", "not_found")
MEASURE_MIN = 0.45  # share of the claim's (weighted) measure words a source figure must carry
SAME_FIT = 0.05  # two figures of one sentence this close in fit are read as one measure
FIT_WINDOW = 0.15  # an agreeing figure whose measure fits this close to the best one is read
# fitted on the tuning half of the labelled claims (bench/fit_check.py; README)
ABOUT = 0.45  # a sentence this close (coverage and meaning) is about what the claim is about
# the same for a claim with figures (their measures must agree as well); refitted in round
# thirteen on the tune halves of all ten sets with probe9's (0.6 -> 0.55)
ABOUT_FIGURES = 0.55
# a sentence that opens on a condition: what it says holds only where the condition does
CONDITION = re.compile(r"\W*(?:if|where|when|whenever|unless|in cases where)\b", re.I)
DENIAL_REACH = 0.1  # fitted on the tuning halves (0.05, 0.1, 0.2 tried; 0.1 and 0.2 tie)
TIE = 0.03  # sentences this close to the best are read as well for a contradiction
CONTRADICT_FIT = 0.45  # a figure contradicts only when its measure fits this well
SUPPORTS = 0.4  # share of the claim's words a sentence must hold to support it
ALIGN_WEIGHT = 0.5
# a sentence the model reads as saying what the claim says in other words ("judges a worry to
# be low-level" / "considers it to be a low-level concern") supports it with fewer of its words
SAME_SENSE = 0.78  # fitted on the tune halves of all seven sets (0.78 +1, 0.8 and above 0)
SAME_SENSE_WORDS = 0.25  # the share of the claim's words it must still hold (0.3 -> 0.25, as above)
# a sentence the model reads as the claim said again ("the record held by the GP is meant to
# be the lead health record" / "the lead health record ... should be the GP-held record")
# needs hold fewer still: fitted on the tune halves of all ten sets (0.84 to 0.88 and 0.1 to
# 0.25 tie at +1, no held half moves; 0.9 and above gain nothing)
SAID_AGAIN = 0.86
SAID_AGAIN_WORDS = 0.2
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


@dataclass
class Verdict:
    claim: str
    verdict: str
    explanation: str
    evidence: list[dict[str, Any]] = field(default_factory=list)
    took_ms: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"claim": self.claim, "verdict": self.verdict, "explanation": self.explanation,
                "evidence": self.evidence, "took_ms": round(self.took_ms, 2)}


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


def check_claim(engine: SearchEngine, claim: str, filters: Filters | None = None) -> Verdict:
    """supported, contradicted or not_found: the claim is read against the sentences closest
    to it; its figures against theirs, its English (negation, scope, duty) against theirs."""
    started = time.perf_counter()
    filters = filters or Filters()
    parsed = read_claim(engine, claim)
    hits = engine.search(claim, k=10, mode="hybrid", filters=filters).results
    aligned = align(claim, parsed.terms, hits, weight=ALIGN_WEIGHT,
                    model_name=engine.settings.model_name)
    verdict, chosen, reason = judge(parsed, aligned)
    reads_rows, ranking = verdict == "not_found" and bool(parsed.figures), ranks(claim)
    ordered = None
    if reads_rows or ranking:  # the tables of the evidence's documents, fetched once
        located = engine.document_facts(list(dict.fromkeys(hit.doc_id for hit in hits)))
        if reads_rows:
            verdict, chosen = read_rows(engine, parsed.text, parsed.figures, located) or \
                (verdict, chosen)
        if ranking:
            ordered = read_ranking(engine, claim, located)
    if ordered is not None and (not ordered[0].holds or verdict == "not_found"):
        # the order a table gives its rows decides a claim that ranks them
        verdict = "supported" if ordered[0].holds else "contradicted"
        chosen, reason = ordered[1], ordered[0].reason
    found = evidence(engine, parsed, chosen, hits)
    result = Verdict(claim, verdict, explain(parsed, verdict, chosen, reason,
                                             found[0].get("page") if found else None),
                     evidence=found)
    result.took_ms = (time.perf_counter() - started) * 1000
    return result


def judge(claim: Claim, aligned: list[Aligned]) -> tuple[str, list[Match], str]:
    """The verdict from the sentences about the claim: none close enough, not_found."""
    about = [a for a in aligned if a.score >= (ABOUT_FIGURES if claim.figures else ABOUT)]
    if not about:
        return "not_found", [_as_match(a) for a in aligned[:1]], ""
    if claim.figures:
        matches = [m for near in about for a in with_its_list(near)
                   for m in read_sentence(claim, a)]
        verdict, chosen = judge_figures(claim, matches)
        # its figures as stated, but what it says of them denied ("were not selected in April
        # 2024") or its duty changed ("may be reviewed every six months"): contradicted
        if verdict == "supported" and (denied := denies(claim.text, chosen[0].sentence) or
                                       opposite_word(claim.text, chosen[0].sentence)):
            return "contradicted", chosen, denied
        if verdict != "not_found" or chosen:
            return verdict, chosen, ""
        # no source figure of the claim's measure: its English may still be said otherwise
        # ("the DSL is the ultimate decision maker on all concerns": "the headteacher should be")
        if not claims_a_figure(claim) and (said := said_otherwise(claim, about)):
            return said
        return "not_found", [_as_match(about[0])], ""
    best = about[0]
    if said := said_otherwise(claim, about):
        return said
    # a claim that something is allowed, against a sentence about it that forbids it
    if forbidding := next((near for near in about if forbids(claim.text, near.sentence)), None):
        return "contradicted", [_as_match(forbidding, agrees=False)], "the source forbids it"
    # a document's title says what it is ("non-statutory ... advice"): a claim of what it is
    # can clash with its title
    if titled := clash(claim.text, best.passage.title):
        return "contradicted", [_as_match(best, agrees=False)], f"its title: {titled}"
    # a claim that ranks things is borne out only by a sentence that ranks them too: "schools
    # made more referrals than the police" is not supported by a sentence naming both
    missing = unnamed(claim, best)
    # a name the sentence itself lacks, where it gives another in the same place ("among
    # Education partners"), though its passage may name the claim's elsewhere
    if best.coverage >= SUPPORTS and (swap := swapped_name(
            claim.text, best.sentence, unnamed(claim, best, sentence_only=True))):
        return "contradicted", [_as_match(best, agrees=False)], \
            f"the source names {swap[1]}, not {swap[0]}"
    if best.coverage >= SUPPORTS and (term := swapped_term(claim.text, best.sentence,
                                                           claim.vocabulary)) and \
            not _one_acronym(claim, *term):
        return "contradicted", [_as_match(best, agrees=False)], \
            f"the source says {term[1]}, not {term[0]}"
    # the sentence's own words but for one part, put in another's place ("The court should
    # keep a record" against "The local authority should keep a record"); an acronym and its
    # expansion are one part said two ways
    if best.coverage >= SUPPORTS and (part := swapped_part(claim.text, best.sentence) or
                                      swapped_quote(claim.text, best.sentence)) and \
            not _one_acronym(claim, *part):
        return "contradicted", [_as_match(best, agrees=False)], \
            f"the source says {part[1]}, not {part[0]}"
    # two parties, each given what the sentence says of the other
    if best.coverage >= SUPPORTS and (pair := swapped_pairs(claim.text, best.sentence)):
        return "contradicted", [_as_match(best, agrees=False)], \
            f"the source says this of {pair[1]}, not {pair[0]}"
    # the share of the claim's words it must hold: fewer when the model reads it as the same
    least = least_share(best.closeness)
    if best.coverage >= least and not missing and (
            not ranks(claim.text) or ranks(best.sentence)) and \
            says_more_than_its_title(claim.terms, best, least):
        if same_time(claim.text, best):
            return "supported", [_as_match(best, agrees=True)], ""
        # what the claim says, dated otherwise: the one time the sentence names is not its
        if dated := other_date(claim.text, best.sentence):
            return "contradicted", [_as_match(best, agrees=False)], \
                f"the source gives {dated[1]}, not {dated[0]}"
    return "not_found", [_as_match(best)], ""


def least_share(closeness: float) -> float:
    """The share of the claim's words a sentence must hold to support it: fewer the closer
    the model reads the two."""
    if closeness >= SAID_AGAIN:
        return SAID_AGAIN_WORDS
    return SUPPORTS if closeness < SAME_SENSE else SAME_SENSE_WORDS


def said_otherwise(claim: Claim, about: list[Aligned]) -> tuple[str, list[Match], str] | None:
    """Every sentence near the best that says the opposite of the claim is evidence against
    it, the first explains; None when none does."""
    best = about[0]
    clashes = [(near, reason) for near in about if near.score >= best.score - TIE
               and (reason := clash(claim.text, near.sentence))]
    # a sentence that holds nearly as much of the claim's words and denies what the claim
    # states ("It is not appropriate for the proprietor to be ...") is read for that denial
    # though the model reads it as further off: a negation moves a sentence's vector away from
    # the claim's. Not the other way round: a claim that denies is not clashed with by every
    # sentence that uses its words without a "not"; nor by a denial under a condition ("If a
    # child only receives visits, the child should not be included"), which narrows its scope
    if not NEGATION.search(claim.text):
        clashes += [(near, reason) for near in about if near.score < best.score - TIE and
                    near.coverage >= best.coverage - DENIAL_REACH and
                    NEGATION.search(near.sentence) and not CONDITION.match(near.sentence) and
                    (reason := denies(claim.text, near.sentence))]
    # a sentence that holds at least as much of the claim's words and gives the opposite of
    # one of them ("a full day workshop" against "a half-day workshop") is read for it though
    # the model reads it as further off
    clashes += [(near, reason) for near in about if near.score < best.score - TIE and
                near.coverage >= best.coverage and
                (reason := opposite_word(claim.text, near.sentence))]
    if not clashes:
        return None
    return "contradicted", [_as_match(near, agrees=False) for near, _ in clashes[:3]], \
        clashes[0][1]


def _one_acronym(claim: Claim, ours: str, theirs: str) -> bool:
    """Whether two parts name one thing, an acronym in one and its expansion's words in the
    other ("DT" and "designated teacher")."""
    mine, other = words_of(ours), words_of(theirs)
    return any(acronym in mine and words & other or acronym in other and words & mine
               for acronym, words in claim.terms.expansions.items())


def claims_a_figure(claim: Claim) -> bool:
    """Whether the claim states a figure, not only the whole of a scope ("all concerns")."""
    return any(f.kind != "percent" or not _SCOPE.fullmatch(f.text) for f in claim.figures)


def unnamed(claim: Claim, aligned: Aligned, sentence_only: bool = False) -> set[str]:
    """The names a claim states (a product, a body, a person: capitalised words past its first
    and acronyms) that the passage it would rest on never mentions, by name or by acronym:
    "Power BI" in a claim the passage does not name cannot be supported by it. With
    `sentence_only`, the names the sentence itself does not mention (its title aside)."""
    passage = aligned.passage
    text = aligned.sentence if sentence_only else f"{passage.section or ''} {passage.text}"
    held = {stem(w.lower()) for w in re.findall(r"[A-Za-z0-9]+", f"{passage.known_as} {text}")}
    return names_in(claim.text) - claim.terms.present(held)


def _as_match(aligned: Aligned, agrees: bool = False) -> Match:
    anchor = Figure("", 0, 0, 0.0, "count")
    return Match(anchor, anchor, aligned.score, agrees, aligned.passage, aligned.sentence,
                 aligned.start, [])


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
    words = {stem(w) for w in re.findall(r"[A-Za-z][A-Za-z'-]*", aligned.sentence)}
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
            earlier = bool(claimed.period) and source.period == shift_period(claimed.period, -1)
            if claimed.period and source.period and claimed.period != source.period \
                    and not earlier:
                continue
            fit = max(measure_fit(claim, index, source, words, row, terms),
                      0.8 * measure_fit(claim, index, source, context, terms=terms))
            if same_setting(claim.text, claimed, aligned.sentence, source):
                fit = max(fit, CONTRADICT_FIT)  # "five days in a 30-day period": "three days ..."
            if fit >= MEASURE_MIN:
                matches.append(Match(claimed, source, fit,
                                     agrees(claimed, source, claim.text, aligned.sentence),
                                     passage, aligned.sentence, aligned.start, figures,
                                     earlier))
    return matches


# a sentence that opens on a part of what the one before counted: "1,575 fields were read. Of
# these, 1,497 are local"
_OF_THESE = re.compile(r"\W*Of\s+(?:these|those|them|which|this\s+number)\s*,?\s*", re.I)


def subset_shares(before: str, sentence: str, figures: list[Figure]) -> list[Figure]:
    """The count a sentence opens on after "Of these" as a part of the last count of the
    sentence before it (1,497 of 1,575), or nothing."""
    opening = _OF_THESE.match(sentence)
    part = next((f for f in figures if f.kind == "count"), None)
    if opening is None or part is None or part.start > opening.end() + 2:
        return []
    previous = split_sentences(before.rstrip())[-1:] if before.strip() else []
    wholes = [f for f in find_figures(previous[0].text) if f.kind == "count"] if previous else []
    if not wholes or not part.value < wholes[-1].value:
        return []
    return [Figure(f"{part.text} of {wholes[-1].text}", part.start, part.end, part.value,
                   "fraction", total=wholes[-1].value, measure=part.measure,
                   period=part.period)]


_SETTING = 3  # words after a figure that, the same in both texts, make it the same measure


def same_setting(claim: str, claimed: Figure, sentence: str, source: Figure) -> bool:
    """Whether two figures stand before the same words ("more than five days in a 30-day
    period" and "more than three days in a 30-day period"; "for 14 days or more" and "for 28
    days or more"): each is that phrase's figure, whatever else the texts say."""
    ours = re.findall(r"[a-z0-9]+", claim[claimed.end:].lower())[:_SETTING]
    theirs = re.findall(r"[a-z0-9]+", sentence[source.end:].lower())[:_SETTING]
    return len(ours) == _SETTING and ours == theirs and bool(content_words(" ".join(ours)))


def measure_fit(claim: Claim, index: int, figure: Figure, sentence_words: set[str],
                row: bool = False, terms: Terms | None = None) -> float:
    """How well a source figure's measure agrees with the claim's (0 below MEASURE_MIN), and
    with the words next to the claimed figure itself (two figures have two measures). In a
    table row every cell is the figure's measure: its label, its definition, its notes."""
    near = sentence_words if row else {stem(w) for w in _measure_of(figure).split()}
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


def explain(claim: Claim, verdict: str, chosen: list[Match], reason: str = "",
            page: int | None = None) -> str:
    """One line: the verdict's reason and where, on the page the first evidence quotes."""
    claimed = ", ".join(f.stated() for f in claim.figures) or _way(claim.direction)
    if not chosen:
        return f"no source states this measure (claimed: {claimed})"
    first = chosen[0]
    where = first.passage.title + (f", p. {page or first.passage.page}"
                                   if page or first.passage.page else "")
    if not claims_a_figure(claim):
        lead = {"supported": "the source says the same",
                "contradicted": f"the source says otherwise: {reason}",
                "not_found": "no source says this"}[verdict]
        return f"{lead} ({where})"
    found = ", ".join(f.stated() for f in first.source_figures) or _way(direction_of(first))
    lead = {"supported": "the source states the same", "contradicted": "the source differs",
            "not_found": "no source states this for the same measure and period"}[verdict]
    return f"{lead}: claimed {claimed}; source {found} ({where})"


def _way(sign: int) -> str:
    return {1: "a rise", -1: "a fall"}.get(sign, "no figure")


def evidence(engine: SearchEngine, claim: Claim, chosen: list[Match], hits: Sequence[Passage]
             ) -> list[dict[str, Any]]:
    items, seen = [], set()
    for match in chosen:
        key = (match.passage.passage_id, match.sentence)
        if key in seen:
            continue
        seen.add(key)
        item = passage_dict(match.passage)
        item.update(quote=match.sentence,
                    numbers_in_claim=[f.to_dict() for f in claim.figures],
                    numbers_in_source=[f.to_dict() for f in match.source_figures],
                    page=engine.page_of(match.passage, match.sentence_start),
                    agrees=match.agrees)
        items.append(item)
    if not items:
        for passage in hits[:3]:
            item = passage_dict(passage)
            item.update(quote=passage.text[:300], numbers_in_claim=[f.to_dict() for f in
                                                                    claim.figures],
                        numbers_in_source=[])
            items.append(item)
    return items
