"""Claims read against the rows of a table: the rows a claim names (by most of their label's
words, in a table whose caption counts what the claim speaks of) and their figures against the
claim's, and claims that rank things ("the most common reason was X", "X, ahead of Y"), whose
order is the order of the rows' figures."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from kb.agreement import agrees, comparable
from kb.facts import YEAR, Fact, row_of
from kb.models import Figure, Match, Passage
from kb.numbers import find_figures, stated_figures
from kb.words import content_words, stem

if TYPE_CHECKING:
    from kb.search import SearchEngine

# a claim that one member comes first (or last) of all; the noun after it must be singular
# ("the most common reason", not "the most common reasons", which names several)
FIRST = re.compile(r"\b(?:most\s+(?:common|frequent|frequently\s+\w+|often\s+\w+|cited|used|"
                   r"reported|likely)|commonest|largest|biggest|highest|greatest|main|top|"
                   r"leading|primary)\b(?:\s+(\w+))?", re.I)
LAST = re.compile(r"\b(?:least\s+(?:common|frequent|cited|used|reported|likely)|smallest|"
                  r"lowest|fewest|rarest)\b(?:\s+(\w+))?", re.I)
# a claim that one member comes before another
BEFORE = re.compile(r"\b(?:ahead\s+of|followed\s+by|(?:more|higher|larger|greater)\s+"
                    r"(?:[a-z-]+\s+){0,3}than|outnumber\w*)\b", re.I)
AFTER = re.compile(r"\b(?:behind|(?:fewer|less|lower|smaller)\s+(?:[a-z-]+\s+){0,3}than)\b",
                   re.I)
_ONE_SPAN = re.compile(r"\s*an?\s+(?:day|week|fortnight|month|term|quarter|year)(?![\w-])"
                       r"(?!\s+(?:ago|earlier|before))", re.I)
_TOTAL = re.compile(r"^\s*(?:total|all|overall|sum)\b", re.I)
_PLURAL = re.compile(r"^(?:[a-z]+[^s]s|two|three|four|five|\d+)$", re.I)


@dataclass
class Ranked:
    """A table's rows, in one column, read against the order a claim gives them."""

    holds: bool
    first: Fact  # the member the claim puts first (or last)
    compared: list[Fact]  # the members it is compared with, as the table gives them
    reason: str


def ranks(claim: str) -> bool:
    """Whether a claim puts things in an order (cheap: read before any table is fetched). A
    comparison with a figure bounds that figure and orders nothing ("never more than a month
    apart", "fewer than 200 referrals")."""
    return any(cue.search(claim) for cue in (FIRST, LAST)) or any(
        not _bounds_a_figure(claim[m.end():]) for cue in (BEFORE, AFTER)
        for m in cue.finditer(claim))


def _bounds_a_figure(after: str) -> bool:
    """Whether what follows a comparison's "than" begins with a figure ("1,000", "half", "a
    month")."""
    head = after[:40]
    return _ONE_SPAN.match(head) is not None or any(
        figure.start <= len(head) - len(head.lstrip()) + 1 for figure in find_figures(head))


def _stems(text: str) -> set[str]:
    return {stem(word) for word in content_words(text)}


def _figure(fact: Fact) -> tuple[float, str] | None:
    """The row's one figure in this column, with its kind (a count, a share, a rate)."""
    return _cell_figure(fact.value)


@lru_cache(maxsize=8192)
def _cell_figure(value: str) -> tuple[float, str] | None:
    figures = [f for f in find_figures(value) if f.kind not in ("year", "period", "date")]
    return (figures[0].value, figures[0].kind) if len(figures) == 1 else None


def _value(fact: Fact) -> float | None:
    figure = _figure(fact)
    return figure[0] if figure else None


def _mentioned(label: str, claim: str, claim_stems: set[str]) -> int | None:
    """Where in the claim a row is named (by most of its label's words), or None."""
    words = _stems(label)
    if not words or len(words & claim_stems) < max(1, -(-2 * len(words) // 3)):
        return None
    places = [m.start() for m in re.finditer(r"[A-Za-z][A-Za-z'-]*", claim)
              if stem(m.group(0).lower()) in words]
    return min(places) if places else None


def rows_named(claim: str, facts: list[Fact]) -> list[Fact]:
    """The rows a claim names: most of the label's words are the claim's, and the table's
    caption and column share two more words with it (it counts what the claim speaks of)."""
    claim_stems = _stems(claim)
    named = []
    for fact in facts:
        if _TOTAL.match(fact.label) or _mentioned(fact.label, claim, claim_stems) is None:
            continue
        about = _stems(f"{fact.caption} {fact.column}") - _stems(fact.label)
        if len(about & claim_stems) >= 2:
            named.append(fact)
    return named


def read_order(claim: str, facts: list[Fact]) -> Ranked | None:
    """The order the claim gives the members it names, against the table whose rows name the
    most of them; None when the claim ranks nothing or no table holds its members."""
    first_cue = next((m for m in (FIRST.search(claim), LAST.search(claim)) if m), None)
    if first_cue and first_cue.group(1) and _PLURAL.match(first_cue.group(1)):
        first_cue = None  # "the main reasons": several members come first
    pair_cue = BEFORE.search(claim) or AFTER.search(claim)
    if first_cue is None and pair_cue is None:
        return None
    claim_stems = _stems(claim)
    places = {id(f): at for f in facts if (at := _mentioned(f.label, claim, claim_stems))
              is not None}
    # only the columns of tables that name a member of the claim are read for figures
    tables = {(f.caption, f.column) for f in facts if id(f) in places}
    best: Ranked | None = None
    best_named = 0
    for rows in _columns([f for f in facts if (f.caption, f.column) in tables]):
        named = {id(f): places[id(f)] for f in rows if id(f) in places}
        if not named or (first_cue is None and len(named) < 2):
            continue
        members = set().union(*(_stems(f.label) for f in rows if id(f) in named))
        if len((_stems(f"{rows[0].caption} {rows[0].column}") - members) & claim_stems) < 2:
            continue  # the table must count what the claim ranks, not other things
        ranked = _judge(claim, rows, named, first_cue, pair_cue)
        if ranked is not None and len(named) > best_named:
            best, best_named = ranked, len(named)
    return best


def _columns(facts: list[Fact]) -> list[list[Fact]]:
    """The facts of each table column that holds a single figure in every row (totals left
    out), with at least two rows."""
    columns: dict[tuple[str, str], list[Fact]] = {}
    for fact in facts:
        if not _TOTAL.match(fact.label) and _value(fact) is not None:
            columns.setdefault((fact.caption, fact.column), []).append(fact)
    # every row of one kind: a column of shares, or of counts; a panel mixing them ranks nothing
    return [rows for rows in columns.values() if len(rows) >= 2
            and len({figure[1] for f in rows if (figure := _figure(f))}) == 1]


def _judge(claim: str, rows: list[Fact], named: dict[int, int], first_cue: re.Match[str] | None,
           pair_cue: re.Match[str] | None) -> Ranked | None:
    # two rows can be named at one place (a table repeated on a later page): by place alone
    by_place = sorted(((at, fact) for fact in rows if (at := named.get(id(fact))) is not None),
                      key=lambda pair: pair[0])
    cue_at = first_cue.start() if first_cue else pair_cue.start() if pair_cue else 0
    before = [fact for at, fact in by_place if at < cue_at]
    after = [fact for at, fact in by_place if at > cue_at]
    # the member ranked is the one named nearest before the cue ("X was the most common"),
    # else the first named after it ("the most common was X")
    first = before[-1] if before else after[0] if after else None
    if first is None:
        return None
    lowest = bool(first_cue and LAST.match(first_cue.group(0))) or bool(
        first_cue is None and pair_cue is not None and AFTER.match(pair_cue.group(0)))
    if first_cue is not None:
        compared = [fact for fact in rows if fact is not first]
    else:
        compared = [fact for at, fact in by_place if pair_cue and at > pair_cue.start()]
    if not compared:
        return None
    value = _value(first)
    others = [(_value(fact), fact) for fact in compared]
    if lowest:
        beaten = [fact for v, fact in others if v is not None and value is not None and v < value]
    else:
        beaten = [fact for v, fact in others if v is not None and value is not None and v > value]
    shown = beaten[:2] or compared[:2]
    order = "below" if bool(beaten) != lowest else "above"
    reason = f"the table ({first.caption}, {first.column}) puts {first.label} ({first.value}) " \
             f"{order} " + ", ".join(f"{fact.label} ({fact.value})" for fact in shown)
    return Ranked(not beaten, first, shown, reason)


def read_rows(engine: SearchEngine, claim: str, figures: list[Figure],
              located: list[tuple[int, Fact]]) -> tuple[str, list[Match]] | None:
    """The claim's figures against the table rows it names in its evidence's documents ("about
    a third ... duplication" against "Duplication 84 33%"): every figure stated alike,
    supported; one a named row states otherwise, contradicted; else no decision."""
    named = rows_named(claim, [fact for _, fact in located])
    if not named:
        return None
    rows = _rows(engine, located, named)
    chosen, verdicts = [], []
    for claimed in figures:
        found = []
        for fact in named:
            stated = stated_figures(find_figures(fact.value, fact.period))
            row = rows[id(fact)]
            if len(stated) != 1 or row is None or not comparable(claimed, stated[0]) or (
                    claimed.period and stated[0].period and claimed.period != stated[0].period):
                continue
            found.append(_row_match(row, claimed, stated[0],
                                    agrees(claimed, stated[0], claim, fact.value), stated))
        if not found:
            return None  # a figure no named row states: the rows decide nothing
        found.sort(key=lambda m: not m.agrees)
        chosen.append(found[0])
        verdicts.append(found[0].agrees)
    return ("supported" if all(verdicts) else "contradicted"), chosen


def read_ranking(engine: SearchEngine, claim: str, located: list[tuple[int, Fact]]
                 ) -> tuple[Ranked, list[Match]] | None:
    """A claim that ranks things ("the most common reason", "ahead of") read against the
    tables of the documents its evidence comes from, with the rows compared as evidence."""
    ranked = read_order(claim, [fact for _, fact in located])
    if ranked is None:
        return None
    compared = [ranked.first, *ranked.compared]
    rows = _rows(engine, located, compared)
    anchor = Figure("", 0, 0, 0.0, "count")
    matches = [_row_match(row, anchor, anchor, ranked.holds, [])
               for fact in compared if (row := rows[id(fact)]) is not None]
    return (ranked, matches) if matches else None


def _rows(engine: SearchEngine, located: list[tuple[int, Fact]], facts: list[Fact]
          ) -> dict[int, tuple[Passage, str, int] | None]:
    """Each fact's passage and the line of it that quotes the fact's row (keyed by id)."""
    where = {id(fact): passage_id for passage_id, fact in located}
    passages = engine.passages(list({where[id(fact)] for fact in facts}))
    rows: dict[int, tuple[Passage, str, int] | None] = {}
    for fact in facts:
        passage = passages[where[id(fact)]]
        row = row_of(passage.text, fact)
        rows[id(fact)] = (passage, row[0], row[1]) if row else None
    return rows


def _row_match(row: tuple[Passage, str, int], claimed: Figure, source: Figure, agreed: bool,
               figures: list[Figure]) -> Match:
    passage, quote, start = row
    return Match(claimed, source, 1.0, agreed, passage, quote, start, figures)


# a row label that is a code: digits, or letters run into digits ("815", "N4", "UN7"); not a year
_CODE_LABEL = re.compile(r"[A-Za-z]{0,4}\s?\d{1,4}[A-Za-z]?")
ENTRY_WORDS = 6  # the most content words an entry's name has


def _is_code(label: str) -> bool:
    label = label.strip()
    return bool(_CODE_LABEL.fullmatch(label)) and not YEAR.match(label) and \
        (len(label) >= 3 or any(c.isalpha() for c in label)) and any(c.isdigit() for c in label)


# the words that pair a code with its name ("815 belongs to North Yorkshire", "North Yorkshire
# has the code 815", "N4 is family in acute stress"), and the name ends the claim's clause: a
# claim that says more of the pair ("N4 ... may only be recorded once") is no pairing alone
_PAIRING = re.compile(r"\s*(?:(?:is|are|was|belongs?\s+to|stands?\s+for|means|refers?\s+to|"
                      r"denotes|has|have|is\s+given|(?:is\s+)?(?:the\s+)?code\s+(?:for|of)?|"
                      r"the|a|for|:|-|\u2013|=)\s*){1,4}", re.I)


def _paired(claim: str, code: re.Match[str], name: str) -> bool:
    """Whether the claim pairs the code (where it stands in the claim) with the name, and says
    nothing more of them after."""
    found = re.search(rf"(?<!\w){re.escape(name.strip())}(?!\w)", claim, re.I)
    if found is None:
        return False
    between = claim[code.end():found.start()] if code.start() < found.start() else \
        claim[found.end():code.start()]
    return _PAIRING.fullmatch(between) is not None and \
        re.fullmatch(r"[\s.;!'\"\u2019)]*", claim[max(code.end(), found.end()):]) is not None


def read_code_entry(engine: SearchEngine, claim: str, located: list[tuple[int, Fact]]
                    ) -> tuple[str, list[Match], str] | None:
    """A claim that pairs a code with a name ("code 815 belongs to North Yorkshire") read against
    a list of codes and their names (facts whose label is the code and whose value is a short
    name in words): the code's own name in the claim, supported; the name of another code of
    the same list in its place, contradicted; else no decision."""
    entries = [fact for _, fact in located if _is_code(fact.label) and
               not find_figures(fact.value) and 0 < len(content_words(fact.value)) <= ENTRY_WORDS]
    for fact in entries:
        code = re.search(rf"(?<![\w.,]){re.escape(fact.label.strip())}(?![\w]|[.,]\d)", claim)
        if code is None:
            continue
        same_list = [other for other in entries if other.caption == fact.caption and
                     other.column == fact.column and other.label != fact.label]
        if _paired(claim, code, fact.value):
            verdict, reason = "supported", ""
        elif other := next((o for o in same_list if _paired(claim, code, o.value)), None):
            verdict, reason = "contradicted", \
                f"the source gives {fact.label.strip()} as {fact.value}; {other.value} is " \
                f"{other.label.strip()}"
        else:
            continue
        row = _rows(engine, located, [fact])[id(fact)]
        if row is None:
            continue
        anchor = Figure("", 0, 0, 0.0, "count")
        return verdict, [_row_match(row, anchor, anchor, verdict == "supported", [])], reason
    return None
