"""Check: a claim judged against the library's sentences and tables (supported, contradicted or
not_found), with its evidence and a plain explanation."""

from __future__ import annotations

import re
import time
from dataclasses import replace
from typing import TYPE_CHECKING

from kb.bears_out import bears_out
from kb.claim_figures import (
    Claim,
    claims_a_figure,
    judge_figures,
    read_claim,
    read_sentence,
)
from kb.claims import (
    Aligned,
    align,
    listing,
    next_sentence,
    other_date,
    same_time,
    says_more_than_its_title,
    with_its_list,
)
from kb.clashes import (
    beside_the_only_one,
    clash,
    defines_another_term,
    other_choice,
    ranked_against_equal,
    turned_around,
)
from kb.conditions import CONDITION, EXCEPTED, RESTRICTIVE, excepts
from kb.contrasts import passed_over
from kb.duties import denied_duty, forbids, names_the_act
from kb.framed import counts_its_names, framed_figures, held_in, states_the_figures
from kb.models import Figure, Match
from kb.names import (
    another_of_its_kind,
    names_in,
    said_without_attribution,
    spelled_out,
    swapped_agent,
    swapped_name,
    swapped_pairs,
)
from kb.negation import DENIED, NEGATION, denies
from kb.notes import Note, anchored_in
from kb.opposites import opposite_word
from kb.query import Filters
from kb.readings import open_leads
from kb.scope import ALL_COUNTED, limits
from kb.sentences import PART_OF
from kb.swaps import one_part, swapped_modifier, swapped_part, swapped_quote, swapped_term
from kb.table_claims import ranks, read_code_entry, read_ranking, read_rows
from kb.verdicts import Verdict, evidence, explain
from kb.words import in_their_words, stem, words_of

if TYPE_CHECKING:
    from kb.search import SearchEngine

VERDICTS = ("supported", "contradicted", "not_found")
# fitted on the tuning half of the labelled claims (bench/fit_check.py; README)
ABOUT = 0.45  # a sentence this close (coverage and meaning) is about what the claim is about
# the same for a claim with figures (their measures must agree as well); refitted in round
# thirteen on the tune halves of all ten sets with probe9's (0.6 -> 0.55)
ABOUT_FIGURES = 0.55
DENIAL_REACH = 0.1  # fitted on the tuning halves (0.05, 0.1, 0.2 tried; 0.1 and 0.2 tie)
TIE = 0.03  # sentences this close to the best are read as well for a contradiction
SUPPORTS = 0.35  # share of the claim's words a sentence must hold to support it (README, round 40)
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


def check_claim(engine: SearchEngine, claim: str, filters: Filters | None = None) -> Verdict:
    """supported, contradicted or not_found: the claim is read against the sentences closest
    to it; its figures against theirs, its English (negation, scope, duty) against theirs."""
    started = time.perf_counter()
    filters = filters or Filters()
    parsed = read_claim(engine, claim)
    hits = engine.search(claim, k=10, mode="hybrid", filters=filters).results
    hits = hits + engine.named_document_hits(claim, hits, filters,
                                             said=said_without_attribution(claim))
    aligned = align(claim, parsed.terms, hits, weight=ALIGN_WEIGHT,
                    model_name=engine.settings.model_name, stored=engine.sentence_vectors,
                    leads=open_leads(hits, engine.passage_before))
    with_notes(engine, aligned)
    verdict, chosen, reason = judge(parsed, aligned)
    if verdict != "not_found" and not claims_a_figure(parsed):
        chosen = chosen + concurring(parsed, aligned, verdict, chosen)
    reads_rows, ranking = verdict == "not_found" and bool(parsed.figures), ranks(claim)
    codes = verdict == "not_found" and bool(re.search(r"\d", claim))
    ordered = None
    if reads_rows or ranking or codes:  # the tables of the evidence's documents, fetched once
        located = engine.document_facts(list(dict.fromkeys(hit.doc_id for hit in hits)))
        if codes and (entry := read_code_entry(engine, parsed.text, located)):
            verdict, chosen, reason = entry
            reads_rows = False
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


def with_notes(engine: SearchEngine, aligned: list[Aligned]) -> None:
    """Each sentence given the footnotes its marks point to: a sentence that cites a regulation
    in a footnote names it ("verify the candidate's mental and physical fitness" and its note
    "Education (Health Standards) (England) Regulations 2003")."""
    notes: dict[int, list[Note]] = {}
    for near in aligned:
        pid = near.passage.passage_id
        if pid not in notes:
            notes[pid] = engine.notes_of(near.passage)
        near.notes = " ".join(note.text for note in anchored_in(near.sentence, notes[pid]))


def through_lists(claim: Claim, about: list[Aligned]) -> list[Aligned]:
    """A sentence that leads into a list ("... increased by factors such as:") says nothing
    alone: it is read through the item the model reads as closest to the claim, the item read
    with it ("... such as: being male" against a claim of "being female")."""
    alone = {(near.passage.passage_id, near.start): near.closeness for near in about}
    read: list[Aligned] = []
    for near in about:
        listed = with_its_list(near)[1:]
        items = [item for item in listed if (item.passage.passage_id, item.start) in alone]
        # an item that says the opposite of the claim's thing ("being male" against "being
        # female") is the one read, though the model reads another as nearer, unless an item
        # names the claim's thing itself
        opposed = [item for item in listed if opposite_word(claim.text, item.sentence[item.lead:])]
        if opposed and opposite_word(claim.text, " ".join(i.sentence[i.lead:] for i in listed)):
            items = opposed[:1]
        if not items:
            read.append(near)
            continue
        item = max(items, key=lambda item: alone.get((item.passage.passage_id, item.start), 0.0))
        item.coverage = claim.terms.share(words_of(item.sentence))
        read.append(item)
    return read


# a sentence of a claim's scope: it too speaks of the whole ("every carer", "all schools")
_SCOPE_WORD = re.compile(r"\b(?:all|every|each|none)\b", re.I)


def concurring(claim: Claim, aligned: list[Aligned], verdict: str, chosen: list[Match],
               most: int = 6) -> list[Match]:
    """The other sentences about the claim that, read alone, reach the same verdict: a source
    often says a thing in two places (a rule and its worked example, a summary and its
    chapter), and the scrutineer sees each."""
    taken = {(m.passage.passage_id, m.sentence) for m in chosen}
    found = []
    for near in aligned[:most]:
        if (near.passage.passage_id, near.sentence) in taken:
            continue
        alone, matches, _ = judge(claim, [near])
        if alone == verdict and matches:
            found.append(matches[0])
    return found


def judge(claim: Claim, aligned: list[Aligned]) -> tuple[str, list[Match], str]:
    """The verdict from the sentences about the claim: none close enough, not_found."""
    about = [a for a in aligned if a.score >= (ABOUT_FIGURES if claim.figures else ABOUT)
             and not defines_another_term(claim.text, a.sentence)]
    if not about:
        return "not_found", [_as_match(a) for a in aligned[:1]], ""
    # a statement qualified by a denial in the sentence after it ("... family group conference
    # is one model. The Department does not prescribe a specific model"): that denial is read
    if (after := next_sentence(about[0], aligned)) and after not in about and \
            NEGATION.search(after.sentence):
        about = [*about, after]
    # a claim that a list leaves a thing out, against the list that names it
    if listed := listing(claim.text, about):
        return "contradicted", [_as_match(listed, agrees=False)], "the source lists it"
    # figures that only say what the claim speaks of, stated where the closest sentence stands,
    # leave its English to be read ("In the case study of a 12-year-old girl, the boys ...")
    # and so do counts of the names the claim gives ("its two user researchers, A and B")
    if framed_figures(claim.text, claim.figures) and held_in(
            claim.figures, about[0].passage.text) or counts_its_names(claim.text, claim.figures):
        claim = replace(claim, figures=[])
    if claim.figures:
        matches = [m for near in about for a in with_its_list(near)
                   for m in read_sentence(claim, a)]
        # a sentence that counts a part of a whole ("Of these 78 items, 21 are ...", and each
        # item of its list) says nothing against a claim's count of the whole (a share of the
        # whole it may: "Of these, 180 ..." is 180 of the count before)
        if not PART_OF.search(claim.text):
            matches = [m for m in matches if m.agrees or m.claimed.kind != "count" or
                       not PART_OF.match(m.sentence)]
        verdict, chosen = judge_figures(claim, matches)
        # its figures as stated, but what it says of them denied ("were not selected in April
        # 2024") or its duty changed ("may be reviewed every six months"): contradicted
        if verdict == "supported" and (denied := denies(claim.text, chosen[0].sentence) or
                                       opposite_word(claim.text, chosen[0].sentence) or
                                       turned_around(claim.text, chosen[0].sentence) or
                                       beside_the_only_one(claim.text, chosen[0].sentence)):
            return "contradicted", chosen, denied
        # no source figure of the claim's measure, but the closest sentence gives each of its
        # figures, its measure said in other words ("every month": "met online monthly"): the
        # English may bear the claim out, never gainsay it for figures that agree
        giving = next((near for near in about if states_the_figures(claim, near.sentence)),
                      None) if verdict == "not_found" else None
        if giving is not None and (english := read_english(
                claim, [giving, *(near for near in about if near is not giving)]))[0] == \
                "supported":
            return english
        if verdict != "not_found" or chosen:
            return verdict, chosen, ""
        # no source figure of the claim's measure: its English may still be said otherwise
        # ("the DSL is the ultimate decision maker on all concerns": "the headteacher should be")
        if not claims_a_figure(claim) and (said := said_otherwise(claim, about)):
            return said
        # a claim that counts all of them ("all four councils", "every one of the six areas"),
        # against a sentence about it that limits it to some ("conducted only in the lead LA")
        if (every := ALL_COUNTED.search(claim.text)) and not RESTRICTIVE.search(claim.text) \
                and (limited := next((near for near in about[:3] if near.coverage >= SUPPORTS
                                      and limits(every, claim.text, near.sentence)), None)):
            return "contradicted", [_as_match(limited, agrees=False)], \
                "the claim says it holds for all of them; the source limits it"
        # a claim whose only figure is its scope ("every carer completes the training") is
        # read by its English against a sentence of the same scope, which states no figure
        # either ("... is completed by every carer")
        if claims_a_figure(claim) or not _SCOPE_WORD.search(about[0].sentence):
            return "not_found", [_as_match(about[0])], ""
    return read_english(claim, about)


def read_english(claim: Claim, about: list[Aligned]) -> tuple[str, list[Match], str]:
    """The verdict from the words of the sentences about the claim: what they deny, forbid,
    name otherwise or say the same."""
    about = through_lists(claim, about)
    best = about[0]
    if said := said_otherwise(claim, about):
        return said
    # a claim that something is allowed, against a sentence about it that forbids it
    if forbidding := next((near for near in about if forbids(
            in_their_words(claim.text, near.sentence), near.sentence)), None):
        return "contradicted", [_as_match(forbidding, agrees=False)], "the source forbids it"
    # a document's title says what it is ("non-statutory ... advice"): a claim of what it is
    # can clash with its title
    # (a title that names without a negation denies nothing: a claim's own "not" is no clash
    # with it; "Non-statutory ..." does deny; nor is a title's word the opposite of a claim's:
    # the "Keeping" of "Keeping children safe in education" is no keeping the claim "removing
    # someone from regulated activity" is against)
    if (titled := clash(claim.text, best.passage.title)) and \
            not titled.startswith("the claim says ") and (
            titled != DENIED or NEGATION.search(best.passage.title)):
        return "contradicted", [_as_match(best, agrees=False)], f"its title: {titled}"
    # an item of a list its lead-in sets apart ("CCGs commission health services, with the
    # exception of: • services for prisoners"): what the lead-in says does not hold of it
    if best.coverage >= SUPPORTS and (excepted := excepts(claim, best)):
        return "contradicted", [_as_match(best, agrees=False)], \
            (f"the source names it as an exception to: {excepted}" if EXCEPTED.search(excepted)
             else f"the source lists it under a denial: {excepted}")
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
            not one_part(*term, best.sentence, claim.terms.expansions):
        return "contradicted", [_as_match(best, agrees=False)], \
            f"the source says {term[1]}, not {term[0]}"
    # an act given another doer ("designed by the DfE" against "designed and owned by local
    # authorities, supported by the DfE")
    if best.coverage >= SUPPORTS and (doers := swapped_agent(claim.text, best.sentence,
                                                             claim.terms.expansions)):
        return "contradicted", [_as_match(best, agrees=False)], \
            f"the source says by {doers[1]}, not by {doers[0]}"
    # the sentence's own words but for one part, put in another's place ("The court should
    # keep a record" against "The local authority should keep a record"); an acronym and its
    # expansion are one part said two ways
    if best.coverage >= SUPPORTS and (part := swapped_part(claim.text, best.sentence) or
                                      swapped_quote(claim.text, best.sentence) or
                                      swapped_modifier(claim.text, best.sentence)) and \
            not one_part(*part, best.sentence, claim.terms.expansions):
        return "contradicted", [_as_match(best, agrees=False)], \
            f"the source says {part[1]}, not {part[0]}"
    # of two options both name, the claim takes the one the sentence does not
    if best.coverage >= SUPPORTS and (choice := other_choice(claim.text, best.sentence)):
        return "contradicted", [_as_match(best, agrees=False)], \
            f"the source says to choose {choice[1]}, not {choice[0]}"
    # the claim chooses one thing over another; the sentence states the other
    if best.coverage >= SUPPORTS and (passed := passed_over(claim.text, best.sentence)):
        return "contradicted", [_as_match(best, agrees=False)], passed
    # two parties, each given what the sentence says of the other
    if best.coverage >= SUPPORTS and (pair := swapped_pairs(claim.text, best.sentence)):
        return "contradicted", [_as_match(best, agrees=False)], \
            f"the source says this of {pair[1]}, not {pair[0]}"
    # the share of the claim's words it must hold: fewer when the model reads it as the same
    least = least_share(best.closeness)
    if best.coverage >= least and not missing and (
            not ranks(claim.text) or ranks(best.sentence)) and \
            bears_out(claim.text, best.sentence) and \
            names_the_act(claim.text, f"{best.lead_in} {best.sentence}") and \
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
               and (reason := clash(in_their_words(claim.text, near.sentence), near.sentence))]
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
                    (reason := denies(in_their_words(claim.text, near.sentence),
                                      near.sentence))]
    # one that makes equal the parties the claim ranks ("a joint and equal responsibility"
    # against "a greater share of the responsibility than the police")
    clashes += [(near, reason) for near in about if near.score < best.score - TIE and
                near.coverage >= best.coverage - DENIAL_REACH and
                (reason := ranked_against_equal(claim.text, near.sentence))]
    # a sentence that holds at least as much of the claim's words and gives the opposite of
    # one of them ("a full day workshop" against "a half-day workshop") is read for it though
    # the model reads it as further off
    further = [near for near in about if near.score < best.score - TIE and
               near.coverage >= best.coverage]
    clashes += [(near, reason) for near in further
                if (reason := opposite_word(claim.text, near.sentence))]
    # and one that makes a duty of the act the claim says is none, or the other way round
    # ("colleges need not record" against "colleges must record"), though the model reads the
    # one that denies a duty to others as nearer; not under a condition, as above
    clashes += [(near, reason) for near in further if not CONDITION.match(near.sentence) and
                (reason := denied_duty(in_their_words(claim.text, near.sentence), near.sentence))]
    # a passage that never names the body or person the claim is about ("Lead Members for
    # Children's Services") says nothing against it, though it denies what the claim states of
    # another ("Lead Practitioners may include those who are not social work qualified")
    clashes = [(near, reason) for near, reason in clashes if not unnamed(claim, near)
               and not another_of_its_kind(claim.text, near.sentence)]
    if not clashes:
        return None
    return "contradicted", [_as_match(near, agrees=False) for near, _ in clashes[:3]], \
        clashes[0][1]


def unnamed(claim: Claim, aligned: Aligned, sentence_only: bool = False) -> set[str]:
    """The names a claim states (a product, a body, a person: capitalised words past its first
    and acronyms) that the passage it would rest on never mentions, by name or by acronym:
    "Power BI" in a claim the passage does not name cannot be supported by it. With
    `sentence_only`, the names the sentence itself does not mention (its title aside)."""
    passage = aligned.passage
    text = aligned.sentence if sentence_only else f"{passage.section or ''} {passage.text}"
    text = f"{text} {aligned.notes}"
    held = {stem(w.lower()) for w in re.findall(r"[A-Za-z0-9]+", f"{passage.known_as} {text}")}
    # an acronym the passage spells out ("DfE": "the Department for Education") is named there
    return names_in(claim.text) - claim.terms.present(held) - spelled_out(claim.text, text)


def _as_match(aligned: Aligned, agrees: bool = False) -> Match:
    anchor = Figure("", 0, 0, 0.0, "count")
    return Match(anchor, anchor, aligned.score, agrees, aligned.passage, aligned.sentence,
                 aligned.start, [])
