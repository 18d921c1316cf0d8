"""Query understanding: words, quoted phrases, acronym expansion and typo correction; the
filters a query is asked under."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache

from kb.errors import InvalidInput
from kb.extract.metadata import DOC_TYPES, normalise_period
from kb.number_words import NUMBER_WORDS, WORD_NUMBER, word_value

STOPWORDS = set("""a about above after again against all am an and any are as at be because been
before being below between both but by can did do does doing down during each few for from
further had has have having he her here hers herself him himself his how i if in into is it its
itself just me more most my myself no nor not now of off on once only or other our ours
ourselves out over own same she should so some such than that the their theirs them themselves
then there these they this those through to too under until up very was we were what when where
which while who whom why will with would you your yours yourself yourselves many much did does
per""".split())
TOKEN = re.compile(r'"[^"]+"|\d[\d,.]*\d(?![A-Za-z0-9])|[A-Za-z0-9][A-Za-z0-9\'&/-]*')


@dataclass
class ParsedQuery:
    text: str
    terms: list[str] = field(default_factory=list)  # content words, lower case, corrected
    phrases: list[str] = field(default_factory=list)  # quoted by the user
    expansions: dict[str, list[str]] = field(default_factory=dict)
    corrections: dict[str, str] = field(default_factory=dict)
    # the same length of time in other units: counted as the word when a passage is weighed,
    # not searched for (a query that names its own unit would find every other length too)
    durations: dict[str, list[str]] = field(default_factory=dict)

    @property
    def searched(self) -> str:
        """The query as searched: corrections applied, expansions shown in brackets."""
        text = self.text
        for wrong, right in self.corrections.items():
            text = re.sub(rf"\b{re.escape(wrong)}\b", right, text, flags=re.I)
        extra = [form for forms in self.expansions.values() for form in forms]
        return f"{text} ({'; '.join(extra)})" if extra else text

    def term_groups(self) -> list[list[str]]:
        """Each query word with the forms that count as it; each quoted phrase alone."""
        groups = [[phrase] for phrase in self.phrases]
        for term in dict.fromkeys(self.terms):
            groups.append([term, *self.expansions.get(term.upper(), []),
                           *self.expansions.get(term, []), *self.durations.get(term, [])])
        return groups

    def highlight_terms(self) -> list[str]:
        words = list(self.terms)
        for phrase in self.phrases:
            words.extend(phrase.lower().split())
        for forms in self.expansions.values():
            for form in forms:
                words.extend(w for w in form.lower().split() if w not in STOPWORDS)
        return list(dict.fromkeys(w for w in words if w))


def parse_query(text: str, acronyms: dict[str, str], vocabulary: dict[str, int],
                joined_forms: dict[str, list[str]],
                is_word: Callable[[str], bool] = lambda word: False,
                names: dict[str, str] | None = None) -> ParsedQuery:
    """Split the query, correct words the library lacks, and expand acronyms both ways. `names`
    (the acronyms with the short names of the library's own documents, "KCSIE") are added only
    where the query spells the name out: expanded the other way, a document's name would bring
    every passage of that document."""
    query = ParsedQuery(text=text.strip())
    for token in TOKEN.findall(query.text):
        if token.startswith('"'):
            if phrase := token.strip('"').strip():
                query.phrases.append(phrase)
            continue
        word = token.lower().strip("'-/")
        if not word or word in STOPWORDS:
            continue
        upper = token.upper()
        if upper in acronyms and (token.isupper() or word not in vocabulary):
            query.terms.append(word)
            query.expansions.setdefault(upper, []).append(acronyms[upper])
            continue
        corrected = word if word in vocabulary or is_word(word) else _correct(word, vocabulary)
        if corrected != word:
            query.corrections[word] = corrected
        query.terms.append(corrected)
        if corrected in joined_forms:
            query.expansions.setdefault(corrected, []).extend(joined_forms[corrected])
    for word, forms in equivalent_durations(query.text).items():
        if word in query.terms:
            query.durations[word] = forms
    lowered = f" {' '.join(re.findall(r'[a-z0-9]+', query.text.lower()))} "
    for acronym, expansion in (acronyms if names is None else names).items():
        spelled, unversioned = _spelled(expansion)
        if f" {spelled} " in lowered or (" " in unversioned and f" {unversioned} " in lowered):
            query.expansions.setdefault(expansion, []).append(acronym)
    return query


# a length of time: "four weeks", "a month", "20 school days", "28-day"
_DURATION = re.compile(rf"\b(a|an|one|{WORD_NUMBER}|\d{{1,3}})[\s-]+((?:school|working|calendar)"
                       r"\s+)?((day|week|fortnight|month|year)s?)\b", re.I)


def equivalent_durations(text: str) -> dict[str, list[str]]:
    """The same length of time in the other units documents state it in, keyed by the query
    words that said it ("four weeks" is also "28 days" and "20 school days"): guidance sets
    its limits in days, school days and weeks where people speak of weeks and months. A
    month is read as four weeks (and 28 or 30 days), a year as 12 months or 52 weeks."""
    found: dict[str, list[str]] = {}
    for match in _DURATION.finditer(text):
        count = int(word_value(match.group(1)))
        kind, unit = (match.group(2) or "").strip().lower(), match.group(4).lower()
        forms: list[str] = []
        if unit in ("week", "fortnight"):
            weeks = count * (2 if unit == "fortnight" else 1)
            forms += [f"{weeks * 7} days", f"{weeks * 5} school days",
                      f"{weeks * 5} working days"]
            if unit == "fortnight":
                forms.append(f"{weeks} weeks")
        elif unit == "day":
            per_week = 5 if kind in ("school", "working") else 7
            if count % per_week == 0:
                forms.append(f"{count // per_week} weeks" if count > per_week else "a week")
        elif unit == "month":
            forms += [f"{round(count * 52 / 12)} weeks", f"{count * 28} days", f"{count * 30} days"]
        elif unit == "year" and count == 1:
            forms += ["12 months", "52 weeks"]
        forms += [spelled for form in forms if (spelled := _spelled_count(form)) != form]
        for word in (match.group(1).lower(), match.group(3).lower()):
            if word in STOPWORDS or not forms:
                continue
            found.setdefault(word, []).extend(f for f in forms if f not in found.get(word, []))
    return found


_SPELLED = {value: word for word, value in NUMBER_WORDS.items()}


def _spelled_count(form: str) -> str:
    """ "4 weeks" as "four weeks": documents write small counts in words."""
    count, _, unit = form.partition(" ")
    return f"{_SPELLED[int(count)]} {unit}" if count.isdigit() and int(count) in _SPELLED \
        else form


@lru_cache(maxsize=8192)
def _spelled(expansion: str) -> tuple[str, str]:
    """An expansion as the words a query would spell it in, and without a version at its end,
    which is often left out ("graded care profile" for GCP2)."""
    spelled = " ".join(re.findall(r"[a-z0-9]+", expansion.lower()))
    return spelled, re.sub(r"(?: \d+)+$", "", spelled)


def _correct(word: str, vocabulary: dict[str, int]) -> str:
    """The library's closest word for one it does not contain (rapidfuzz), else the word."""
    if word in vocabulary or len(word) < 4 or not word.isalpha() or not vocabulary:
        return word
    from rapidfuzz import fuzz, process

    best = process.extract(word, vocabulary.keys(), scorer=fuzz.ratio, score_cutoff=80, limit=5)
    if not best:
        return word
    # among near-equal spellings prefer the commoner word
    top = max(score for _, score, _ in best)
    candidates = [name for name, score, _ in best if score >= top - 2]
    return max(candidates, key=lambda name: (vocabulary[name], -abs(len(name) - len(word))))


def _quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def fts_expression(query: ParsedQuery, every_term: bool = False) -> str | None:
    """An FTS5 MATCH expression: quoted phrases required; otherwise any term (with its acronym
    and spelling forms) may match, or with `every_term` each must, and BM25 ranks them."""
    if query.phrases:
        body = " AND ".join(_quote(phrase) for phrase in query.phrases)
    elif every_term:
        groups = []
        for term in query.terms:
            forms = [term, *query.expansions.get(term.upper(), []), *query.expansions.get(term, []),
                     *query.durations.get(term, [])]
            groups.append("(" + " OR ".join(_quote(f) for f in dict.fromkeys(forms)) + ")")
        body = " AND ".join(groups)
    else:
        forms = [*query.terms, *(f for fs in query.expansions.values() for f in fs),
                 *(f for term in query.terms for f in query.durations.get(term, []))]
        body = " OR ".join(_quote(form) for form in dict.fromkeys(forms))
    return "{text section} : (" + body + ")" if body else None


def within_budget(query: ParsedQuery, frequency: dict[str, int], rows: int) -> ParsedQuery:
    """For an "any word" search, the query's rarest words whose passages (`frequency`: how many
    hold each word) add up to `rows` at most, the rarest always. The words left out count
    little in BM25 and still count in the fusion's coverage."""
    counts = {term: frequency.get(term, 0) for term in query.terms}
    if sum(counts.values()) <= rows:
        return query
    kept: list[str] = []
    total = 0
    for term in sorted(dict.fromkeys(query.terms), key=lambda t: counts[t]):
        if kept and total + counts[term] > rows:
            break
        kept.append(term)
        total += counts[term]
    dropped = set(query.terms) - set(kept)
    return replace(query, terms=[t for t in query.terms if t in kept], expansions={
        key: forms for key, forms in query.expansions.items() if key.lower() not in dropped})


def can_require_every_term(query: ParsedQuery) -> bool:
    """True when every expansion hangs on one query word, so AND-ing the words loses nothing:
    a spelled-out phrase whose acronym was added ("local authority ..." -> LADO) must stay OR."""
    terms = set(query.terms)
    return len(terms) > 1 and not query.phrases and all(
        key.lower() in terms for key in query.expansions)


@dataclass(frozen=True)
class Filters:
    period: str | None = None
    doc_type: str | None = None
    include_restricted: bool = False
    doc_id: str | None = None  # one document only: a question that names it ("KCSIE says")

    def sql(self) -> tuple[str, list[str]]:
        clauses, values = [], []
        if not self.include_restricted:
            clauses.append("d.access != 'restricted'")
        if self.doc_id:
            clauses.append("d.doc_id = ?")
            values.append(self.doc_id)
        if self.period:
            clauses.append("d.period = ?")
            values.append(self.period)
        if self.doc_type:
            clauses.append("d.doc_type = ?")
            values.append(self.doc_type)
        return (" AND ".join(clauses) or "1"), values


def make_filters(period: str | None, doc_type: str | None, include_restricted: bool) -> Filters:
    if period:
        normal = normalise_period(period)
        if normal is None:
            raise InvalidInput(f"period {period!r} is not a reporting year such as 2021-22")
        period = normal
    if doc_type and doc_type not in DOC_TYPES:
        raise InvalidInput(f"doc type {doc_type!r} is not one of {', '.join(DOC_TYPES)}")
    return Filters(period, doc_type, include_restricted)
