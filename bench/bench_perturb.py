"""How check reads one changed word: sentences drawn from a library are checked as they are
(each should come back supported) and with one part changed by a general pattern of English
(each should come back contradicted): a negation added or removed, a duty word weakened or
strengthened, a direction turned round, a figure changed, a numbered item changed, a name
swapped for another the same document uses, a frequency changed, a role swapped for another.
No labelled set is read; the sentences come from the library itself, drawn at random with a
fixed seed, so the figures say how check holds on text it was never fitted on. These are near
copies of the source, as a writer reusing last year's text makes them: a lower bound on what
check must catch, not a measure of paraphrased claims.

    python bench/bench_perturb.py --index /tmp/real --per-kind 40 [--seed 7] [--show kind]
"""
from __future__ import annotations

import argparse
import random
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from kb import KnowledgeBase  # noqa: E402

# each change: (pattern, replacement) tried in order; the first that matches is used once
_NEGATE = [(r"\b(must|should|will|can|may|shall) not\b", r"\1"), (r"\bcannot\b", "can"),
           (r"\b(is|are|was|were) not\b", r"\1"), (r"\bdoes not (\w+)", r"\1s"),
           (r"\b(must|should|will|shall)\b(?! not)", r"\1 not"), (r"\bcan\b", "cannot"),
           (r"\b(is|are|was|were)\b(?! not)", r"\1 not")]
_DUTY = [(r"\bmust not\b", "may"), (r"\bmust\b", "may"), (r"\bshould not\b", "may"),
         (r"\bshould\b", "may"), (r"\bmay\b", "must"), (r"\bis required to\b", "may"),
         (r"\bare required to\b", "may")]
# words that turn a statement round; a comparative only where it compares ("more ... than")
_TURNS = {"increase": "decrease", "increased": "decreased", "increases": "decreases",
          "decrease": "increase", "decreased": "increased", "rose": "fell", "fell": "rose",
          "rising": "falling", "falling": "rising", "before": "after", "after": "before",
          "maximum": "minimum", "minimum": "maximum", "older": "younger", "younger": "older"}
_COMPARED = {"higher": "lower", "lower": "higher", "more": "fewer", "fewer": "more",
             "less": "more", "earlier": "later", "later": "earlier", "above": "below",
             "below": "above"}
_MONTHS = r"(?:January|February|March|April|May|June|July|August|September|October|" \
          r"November|December)"
_FIGURE = re.compile(r"(?<![\d.,/-])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?![\d/-])")
# a number that names an item of a sequence, not a quantity
_LABEL = re.compile(r"\b(section|paragraph|schedule|part|wave|phase|annex|appendix|chapter|"
                    r"article|regulation|stage|step|level|tier|key stage)\s+(\d{1,3})\b",
                    re.I)
_NAME = re.compile(r"\b[A-Z]{2,6}s?\b")


def _first(text: str, changes: list[tuple[str, str]]) -> str | None:
    for pattern, replacement in changes:
        changed, n = re.subn(pattern, replacement, text, count=1)
        if n:
            return changed
    return None


def negate(text: str, names: list[str], rng: random.Random) -> str | None:
    return _first(text, _NEGATE)


def duty(text: str, names: list[str], rng: random.Random) -> str | None:
    return _first(text, _DUTY)


def turn(text: str, names: list[str], rng: random.Random) -> str | None:
    words = [(m, _TURNS[m.group()]) for m in re.finditer(r"\b[a-z]+\b", text)
             if m.group() in _TURNS]
    words += [(m, _COMPARED[m.group(1)]) for m in re.finditer(
        r"\b([a-z]+)\b(?= (?:\w+ ){0,3}than\b| \d)", text) if m.group(1) in _COMPARED]
    if not words:
        return None
    m, turned = rng.choice(words)
    return text[:m.start()] + turned + text[m.end():]


def figure(text: str, names: list[str], rng: random.Random) -> str | None:
    labels = {m.start(2) for m in _LABEL.finditer(text)}
    found = [m for m in _FIGURE.finditer(text)
             if not (1900 <= int(m.group(1).replace(",", "")) <= 2100) and m.start() not in labels
             and not re.match(rf"\s*(?:st|nd|rd|th)?\s+{_MONTHS}", text[m.end():])
             and not re.search(rf"{_MONTHS}\s+$", text[:m.start()])
             and not re.search(r"[A-Za-z]$", text[:m.start()])]
    if not found:
        return None
    m = rng.choice(found)
    value = int(m.group(1).replace(",", ""))
    changed = value * 2 if value < 10 else value + max(3, round(value * rng.choice((.3, .6))))
    text_value = f"{changed:,}" if "," in m.group(1) else str(changed)
    return text[:m.start(1)] + text_value + text[m.end(1):]


def label(text: str, names: list[str], rng: random.Random) -> str | None:
    found = [m for m in _LABEL.finditer(text) if not re.match(r"[-–.]\d", text[m.end():])]
    if not found:
        return None
    m = rng.choice(found)
    value = int(m.group(2))
    other = str(value + 1 if value < 9 else value + 10)
    if re.search(rf"\b{other}\b", text):
        return None  # the text names the other item too: changing one names it twice
    return text[:m.start(2)] + other + text[m.end(2):]


def name(text: str, names: list[str], rng: random.Random) -> str | None:
    own = [m for m in _NAME.finditer(text)]
    if not own:
        return None
    m = rng.choice(own)
    others = [n for n in names if n != m.group() and n.rstrip("s") != m.group().rstrip("s")]
    if not others:
        return None
    return text[:m.start()] + rng.choice(others) + text[m.end():]


_OFTEN = {"annually": "monthly", "monthly": "annually", "weekly": "monthly", "daily": "weekly",
          "every year": "every month", "every month": "every year", "each year": "each month",
          "every week": "every month", "termly": "annually", "yearly": "monthly",
          "every six months": "every two years", "every 12 months": "every 3 months",
          "once a year": "once a month", "quarterly": "annually"}
# people and bodies who act in this field; a sentence naming one is changed to name another
_ROLES = ["designated safeguarding lead", "headteacher", "head teacher", "governing body",
          "local authority", "social worker", "police", "health visitor", "school nurse",
          "virtual school head", "case manager", "proprietor", "parent", "carer", "teacher",
          "independent reviewing officer", "local safeguarding partners", "Secretary of State",
          "Ofsted", "court", "GP", "school", "college", "integrated care board"]


def often(text: str, names: list[str], rng: random.Random) -> str | None:
    found = [m for word in _OFTEN for m in re.finditer(rf"\b{word}\b", text)]
    if not found:
        return None
    m = rng.choice(found)
    return text[:m.start()] + _OFTEN[m.group()] + text[m.end():]


def role(text: str, names: list[str], rng: random.Random) -> str | None:
    found = [(m, r) for r in _ROLES for m in re.finditer(rf"\b{r}\b", text)]
    if not found:
        return None
    m, own = rng.choice(found)
    others = [r for r in _ROLES if r.lower() not in text.lower() and r != own]
    return text[:m.start()] + rng.choice(others) + text[m.end():]


KINDS: dict[str, Callable[[str, list[str], random.Random], str | None]] = {
    "negation": negate, "duty": duty, "direction": turn, "figure": figure, "label": label,
    "name": name, "frequency": often, "role": role}


def _sentences(text: str) -> list[str]:
    """A passage's sentences by the bench's own plain cut (a stop before a capital, or a line
    break), not kb's, so that two versions of kb are measured on the same claims."""
    return [" ".join(s.split()) for line in text.split("\n")
            for s in re.split(r"(?<=[.!?])\s+(?=[A-Z])", line) if s.strip()]


def claim_like(sentence: str) -> bool:
    """A whole declarative sentence of running prose, fit to be stated as a claim."""
    words = sentence.split()
    return (8 <= len(words) <= 35 and sentence[:1].isupper() and sentence.endswith(".")
            and "\t" not in sentence and "?" not in sentence
            and sum(w[:1].isalpha() for w in words) >= 0.8 * len(words))


def draw(kb: KnowledgeBase, per_kind: int, seed: int) -> dict[str, list[tuple[str, str]]]:
    """(original, changed) pairs per kind, each original a sentence of some passage."""
    rng = random.Random(seed)
    pool: list[tuple[str, list[str]]] = []
    for doc in kb.documents():
        sentences = [s for p in kb.document_passages(doc.doc_id) for s in _sentences(p.text)
                     if claim_like(s)]
        names = sorted({m.group() for s in sentences for m in _NAME.finditer(s)})
        pool.extend((s, names) for s in sentences)
    rng.shuffle(pool)
    pairs: dict[str, list[tuple[str, str]]] = defaultdict(list)
    used: set[str] = set()
    for kind, change in KINDS.items():
        for sentence, names in pool:
            if len(pairs[kind]) >= per_kind:
                break
            if sentence in used:
                continue
            changed = change(sentence, names, rng)
            if changed and changed != sentence:
                pairs[kind].append((sentence, changed))
                used.add(sentence)
    return pairs


def measure(kb: KnowledgeBase, per_kind: int, seed: int, show: str = ""
            ) -> dict[str, dict[str, float]]:
    """Per kind and for all: n, the share of originals supported ("kept"), of changed claims
    contradicted ("caught") and of changed claims supported ("missed")."""
    report: dict[str, dict[str, float]] = {}
    total: Counter[str] = Counter()
    for kind, rows in draw(kb, per_kind, seed).items():
        seen: Counter[str] = Counter()
        for original, changed in rows:
            before, after = kb.check(original).verdict, kb.check(changed).verdict
            seen["kept"] += before == "supported"
            seen["caught"] += after == "contradicted"
            seen["missed"] += after == "supported"
            if kind == show and after != "contradicted":
                print(f"  [{before[:4]} -> {after[:4]}] {changed}")
        seen["n"] = len(rows)
        total.update(seen)
        report[kind] = _shares(seen)
    report["all"] = _shares(total)
    return report


def _shares(counts: Counter[str]) -> dict[str, float]:
    n = max(1, counts["n"])
    return {"n": counts["n"], **{key: round(counts[key] / n, 3)
                                 for key in ("kept", "caught", "missed")}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--index", required=True)
    parser.add_argument("--per-kind", type=int, default=40)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--show", default="", help="print the failures of this kind")
    args = parser.parse_args()
    with KnowledgeBase.open(args.index, create=False) as kb:
        report = measure(kb, args.per_kind, args.seed, args.show)
    print(f"{'kind':10} {'n':>3}  original supported   changed contradicted  "
          "changed supported")
    for kind, row in report.items():
        print(f"{kind:10} {row['n']:3}  {row['kept']:18.2f}   {row['caught']:20.2f}  "
              f"{row['missed']:17.2f}")


if __name__ == "__main__":
    main()
