"""Fit reuse's thresholds (EDITED_MIN, MEANING_WEIGHT, PARAPHRASE_MIN, SENTENCE_MATCH) on the
tuning half of the labelled drafts, and report the held half and the whole beside it.

    .venv/bin/python bench/fit_reuse.py --set tests/eval=INDEX --set ../shared/real/eval=INDEX
"""

from __future__ import annotations

from fitting import fit

from kb import KnowledgeBase, embed, reuse
from kb.evaluate import half_of
from kb.terms import term_weights


def gather(kb: KnowledgeBase, cases: list[dict]) -> list[dict]:
    engine = kb.engine
    paragraphs = [case["text"] for case in cases]
    allowed = reuse._allowed(engine, None, None)
    vectors = embed.encode(paragraphs)
    found = reuse.nearest(engine, vectors, allowed)
    reuse.add_keyword_candidates(engine, paragraphs, vectors, found, allowed)
    passages = engine.passages(list({pid for hits in found for pid, _ in hits}))
    candidates = [[(passages[pid], cosine) for pid, cosine in hits] for hits in found]
    # each paragraph's sentence-by-sentence closeness, read once: every paragraph offered
    followed = [reuse.ReusedParagraph(i, text, "new", 0.0) for i, text in enumerate(paragraphs)]
    reuse.SENTENCE_MATCH = -1.0
    reuse.follow_sentences(followed, candidates, engine.settings.model_name)
    return [{"case": case, "half": half_of(position), "paragraph": paragraph,
             "candidates": found_here, "terms": term_weights(engine, paragraph),
             "sentences": follow.similarity if follow.kind == "paraphrase" else 0.0}
            for position, (case, paragraph, found_here, follow) in enumerate(
                zip(cases, paragraphs, candidates, followed, strict=True))]


def kinds(rows: list[dict], edited: float, weight: float, paraphrase: float,
          sentences: float) -> list[bool]:
    reuse.EDITED_MIN, reuse.MEANING_WEIGHT, reuse.PARAPHRASE_MIN = edited, weight, paraphrase
    outcomes = []
    for row in rows:
        kind = reuse.classify(0, row["paragraph"], row["candidates"], row["terms"]).kind
        if kind == "new" and len(row["paragraph"].split()) >= 8 and \
                row["sentences"] >= sentences:
            kind = "paraphrase"
        outcomes.append(kind == row["case"]["kind"])
    return outcomes


def main() -> None:
    fit("reuse", "EDITED_MIN, MEANING_WEIGHT, PARAPHRASE_MIN, SENTENCE_MATCH",
        [[0.72, 0.75, 0.77, 0.8], [0.0, 0.25, 0.5, 0.75, 1.0],
         [0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9],
         [0.72, 0.7, 0.68, 0.66, 0.64, 0.62, 0.6, 0.58, 0.56, 0.54, 0.52, 0.5]], gather, kinds)


if __name__ == "__main__":
    main()
