"""Fit ask's settings (ANSWER_THRESHOLD, COVERAGE_MIN, SEMANTIC_WEIGHT, ANSWER_DEPTH, and
SAME_SENSE with SAME_SENSE_COVERAGE: how close in meaning a sentence must be to answer with
less of the question's words) on the tuning half of the labelled questions, and report the held
half and the whole beside it.

    .venv/bin/python bench/fit_ask.py --set tests/eval=INDEX --set ../shared/real/eval=INDEX
"""

from __future__ import annotations

import numpy as np
from fitting import fit

from kb import KnowledgeBase, ask, embed, gate
from kb.evaluate import answer_matches, cites_gold, half_of
from kb.question import read_question
from kb.table_answers import fact_candidates


def gather(kb: KnowledgeBase, cases: list[dict]) -> list[dict]:
    engine = kb.engine
    rows = []
    ask.SEMANTIC_WEIGHT = 0.0
    for position, case in enumerate(cases):
        asked = read_question(engine, case["question"])
        hits = engine.search(case["question"], k=8, mode="hybrid").results
        lexical = ask.rank_sentences(asked, hits)[:10]
        vectors = embed.encode([c.sentence.text for c in lexical]) if lexical else []
        query = embed.encode_query(asked.text)
        cosines = [float(np.clip(v @ query, 0, 1)) for v in vectors]
        facts = fact_candidates(engine, asked, hits, gate.COVERAGE_MIN)
        items = []
        for candidate, cosine in [*zip(lexical, cosines, strict=True), *((f, None) for f in facts)]:
            page = engine.pages_of(candidate.passage, candidate.sentence.start,
                                   candidate.sentence.end)[0]
            items.append((candidate, candidate.score, cosine, page))
        rows.append({"case": case, "half": half_of(position), "asked": asked, "items": items})
    return rows


def outcomes(rows: list[dict], threshold: float, coverage: float, weight: float,
             depth: float, same_sense: float = 1.0, sense_coverage: float = 1.0) -> list[bool]:
    results = []

    def holds(asked: ask.Question, candidate: ask.Candidate, cosine: float | None) -> bool:
        least = sense_coverage if cosine is not None and cosine >= same_sense else coverage
        return gate.holds_answer(asked, candidate, least)

    for row in rows:
        scored = []
        for candidate, lexical, cosine, page in row["items"]:
            value = lexical if cosine is None else (1 - weight) * lexical + weight * cosine
            scored.append((value, candidate, page, cosine))
        scored.sort(key=lambda item: -item[0])
        case = row["case"]
        able = [item for item in scored[:int(depth)] if item[0] >= threshold
                and holds(row["asked"], item[1], item[3])]
        found = bool(able)
        if not case["answers"]:
            results.append(not found)
            continue
        if not found:
            results.append(False)
            continue
        _, best, page, _ = able[0]
        text = best.sentence.text
        results.append(answer_matches(text, case["answers"]) and cites_gold(
            best.passage.path, page, None, case["gold"]))
    return results


def main() -> None:
    fit("ask", "ANSWER_THRESHOLD, COVERAGE_MIN, SEMANTIC_WEIGHT, ANSWER_DEPTH, SAME_SENSE, "
        "SAME_SENSE_COVERAGE",
        [[0.3, 0.4, 0.5], [0.4, 0.5, 0.6], [0.0, 0.3], [2, 3, 4],
         [1.0, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75], [0.2, 0.25, 0.3, 0.35, 0.4]], gather, outcomes)


if __name__ == "__main__":
    main()
