"""Reuse: where each paragraph of a text came from in the library, and what changed since."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from kb import embed
from kb.changes import (
    best_sentence_span,
    carried_figures,
    figures_restated,
    fold,
    sentence_span,
    trim_edges,
    word_changes,
)
from kb.claims import StoredVectors
from kb.errors import UnreadableFile
from kb.models import Document, Passage, passage_dict
from kb.query import Filters
from kb.sentences import split_sentences
from kb.words import STOP, stem

if TYPE_CHECKING:
    from kb.ingest import Progress
    from kb.search import SearchEngine
    from kb.terms import Terms

KINDS = ("verbatim", "edited", "paraphrase", "new")
# Kinds from two scores: character similarity (rapidfuzz partial ratio of the paragraph to its
# best-aligned span) and meaning similarity (cosine of the vectors). Fitted on the labelled
# paragraphs (tests/eval/reuse.jsonl), thresholds at the midpoints of the gaps between kinds:
# - A new paragraph of ~70 words still aligns at 0.45-0.53 by characters with some passage of
#   the same library (stop words, the domain's vocabulary), and its topic alone can bring the
#   cosine to ~0.73; a paraphrase keeps phrases and names (0.57-0.73 by characters) but may be
#   reworded enough to fall to ~0.64 in cosine. Neither score alone separates them; together
#   they do: shared wording (>= 0.55) with related meaning (>= 0.6), or meaning so close
#   (>= 0.8) that only a rewrite of the same text reaches it.
# - An edited paragraph keeps most of its characters (>= 0.81); a paraphrase keeps < 0.73.
# Verbatim means the paragraph stands in the source as it is, once case, quotes, dashes and
# spacing are folded: one word changed makes it edited.
EDITED_TRIPLES = 0.5  # share of the paragraph's word triples found in one source passage
EDITED_MIN = 0.72
# a sentence of the paragraph standing in the passage this nearly as written (partial ratio):
# on the tuning halves copied sentences align at 0.91 or more, a rewrite's best at 0.85 or less
SENTENCE_KEPT = 0.88
# A paraphrase keeps the rare words of its source (names, terms, figures' measures) while a
# new paragraph on the same topic shares only the field's common words: the rarity-weighted
# share of the paragraph's words in the passage, plus its cosine, against one threshold
# (fitted on the tuning half of the labelled drafts, bench/fit_reuse.py).
MEANING_WEIGHT = 0.5
PARAPHRASE_MIN = 0.75
# or: wording shared in a run (characters) with related meaning: a rewrite that keeps phrases
SHARED_WORDING = 0.55
SHARED_MEANING = 0.6
# or: two or more of its measures stated again by one of its candidate passages (at most
# rounded), and they are at least half of its measures: a rewrite keeps its source's facts
# while a new paragraph on the topic has its own (on both labelled drafts no new paragraph
# restates any measure of a candidate). No cosine floor: a passage holding many facts sits far
# from a paragraph that rewrites two of them, and candidates are already the closest passages
# by meaning or by rare words.
FIGURES_RESTATED = 2
# or: each of its sentences close in meaning to one of a passage's sentences, on average
# (follow_sentences); fitted on the tuning halves (bench/fit_reuse.py)
SENTENCE_MATCH = 0.72
SENTENCE_CANDIDATES = 1
CANDIDATES = 5
KEYWORD_CANDIDATES = 3
MIN_WORDS = 3


@dataclass
class ReusedParagraph:
    index: int
    text: str
    kind: str
    similarity: float
    source: Passage | None = None
    changes: list[dict[str, str]] = field(default_factory=list)
    stale_figures: list[dict[str, Any]] = field(default_factory=list)
    character_similarity: float = 0.0
    meaning_similarity: float = 0.0
    source_quote: str | None = None  # the aligned span of the source passage

    def to_dict(self) -> dict[str, Any]:
        return {"index": self.index, "text": self.text, "kind": self.kind,
                "similarity": round(self.similarity, 4),
                "source": passage_dict(self.source) if self.source else None,
                "changes": self.changes, "stale_figures": self.stale_figures,
                "character_similarity": round(self.character_similarity, 4),
                "meaning_similarity": round(self.meaning_similarity, 4),
                "source_quote": self.source_quote}


@dataclass
class ReuseReport:
    paragraphs: list[ReusedParagraph]
    took_ms: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        counts = {kind: sum(1 for p in self.paragraphs if p.kind == kind) for kind in KINDS}
        return {"paragraphs": [p.to_dict() for p in self.paragraphs],
                "took_ms": round(self.took_ms, 2), "counts": counts}


def read_draft(path: Path) -> str:
    """The text of a draft (TXT, MD, DOCX, PDF), one paragraph per blank-line-separated block."""
    from kb.chunk import page_texts
    from kb.extract import SUPPORTED_SUFFIXES, read_file
    from kb.parse import structure

    path = Path(path)
    if not path.is_file():
        raise UnreadableFile(f"{path}: no such file")
    if path.suffix.lower() not in SUPPORTED_SUFFIXES:
        raise UnreadableFile(f"{path}: unsupported file type {path.suffix or '(none)'}: "
                             "give a TXT, MD, DOCX or PDF file")
    try:
        # read as the library reads its documents, so a draft's paragraphs are the same blocks
        pages = page_texts(structure(read_file(path)))
    except UnreadableFile:
        raise
    except Exception as error:  # a reader's own failure on a malformed file
        raise UnreadableFile(f"{path}: cannot read it ({type(error).__name__})") from None
    lines = [line.strip() for page in pages for line in page.splitlines() if line.strip()]
    if not lines:
        raise UnreadableFile(f"{path}: empty, no text found")
    return "\n\n".join(lines)


def split_paragraphs(text: str) -> list[str]:
    """Blank-line separated blocks with wrapped lines joined; a text without blank lines by line."""
    text = text.replace("\r\n", "\n")
    blocks = re.split(r"\n\s*\n", text) if re.search(r"\n\s*\n", text) else text.split("\n")
    return [" ".join(block.split()) for block in blocks if block.strip()]


def find_reuse(engine: SearchEngine, text: str, filters: Filters | None = None,
               exclude_doc: str | None = None, progress: Progress | None = None
               ) -> ReuseReport:
    """Each paragraph of `text` with its closest library passage, kind and changes."""
    started = time.perf_counter()
    allowed = _allowed(engine, filters or Filters(), exclude_doc)
    paragraphs = split_paragraphs(text)
    report = ReuseReport(match_paragraphs(engine, paragraphs, allowed, progress))
    report.took_ms = (time.perf_counter() - started) * 1000
    return report


def compare_documents(engine: SearchEngine, first: Document, second: Document) -> ReuseReport:
    """How `second` (the later document) reuses `first`: its paragraphs matched to first's."""
    started = time.perf_counter()
    ids = engine.passage_ids(Filters(include_restricted=True), only_doc=second.doc_id)
    later = engine.passages(ids)
    paragraphs = [line for pid in ids for line in split_paragraphs(later[pid].text)]
    allowed = _allowed(engine, None, None, only_doc=first.doc_id)
    report = ReuseReport(match_paragraphs(engine, paragraphs, allowed))
    report.took_ms = (time.perf_counter() - started) * 1000
    return report


def _allowed(engine: SearchEngine, filters: Filters | None, exclude_doc: str | None,
             only_doc: str | None = None) -> np.ndarray:
    ids = engine.passage_ids(filters or Filters(include_restricted=True), exclude_doc, only_doc)
    return np.array(ids, dtype=np.int64)


def match_paragraphs(engine: SearchEngine, paragraphs: list[str], allowed: np.ndarray,
                     progress: Progress | None = None) -> list[ReusedParagraph]:
    if not paragraphs:
        return []
    from kb.terms import term_weights

    vectors = embed.encode(paragraphs, model_name=engine.settings.model_name,
                           interactive=True)  # one batch
    found = nearest(engine, vectors, allowed)
    add_keyword_candidates(engine, paragraphs, vectors, found, allowed)
    passages = engine.passages(list({pid for hits in found for pid, _ in hits}))
    results, candidates = [], []
    for index, (paragraph, hits) in enumerate(zip(paragraphs, found, strict=True)):
        candidates.append([(passages[pid], cosine) for pid, cosine in hits])
        results.append(classify(index, paragraph, candidates[-1], term_weights(engine, paragraph)))
        if progress is not None:
            progress(index + 1, len(paragraphs), "paragraphs matched")
    follow_sentences(results, candidates, engine.settings.model_name, engine.sentence_vectors)
    return results


def follow_sentences(results: list[ReusedParagraph],
                     candidates: list[list[tuple[Passage, float]]], model_name: str,
                     stored: StoredVectors | None = None) -> None:
    """Read again, sentence by sentence, each paragraph taken for new: a rewrite follows its
    source one sentence at a time (every sentence has a close counterpart in one passage),
    where a new paragraph on the same topic meets a few of a passage's sentences loosely. All
    sentences go to the model in one batch, but for the library's sentences ingest stored
    (`stored`)."""
    texts: list[str] = []

    def add(sentences: list[str]) -> slice:
        texts.extend(sentences)
        return slice(len(texts) - len(sentences), len(texts))

    plan = []
    for result, found in zip(results, candidates, strict=True):
        if result.kind != "new" or len(result.text.split()) < 8 or not found:
            continue
        mine = add([s.text for s in split_sentences(result.text)] or [result.text])
        closest = sorted(found, key=lambda pair: -pair[1])[:SENTENCE_CANDIDATES]
        words = _words(result.text)
        # a source sentence sharing no word with the paragraph is not what it rewrites
        plan.append((result, mine, [(passage, [s for s in split_sentences(passage.text)
                                               if _words(s.text) & words - STOP])
                                    for passage, _ in closest]))
    theirs = [[(passage, sentences, add([s.text for s in sentences]))
               for passage, sentences in closest] for _, _, closest in plan]
    if not plan:
        return
    library = [text for closest in theirs for _, _, span in closest for text in texts[span]]
    vectors = embed.encode_known(texts, stored(library) if stored is not None else {},
                                 model_name, kept=library)
    for (result, mine, _), passages in zip(plan, theirs, strict=True):
        best = None
        for passage, sentences, span in passages:
            if not sentences:
                continue
            closeness = vectors[mine] @ vectors[span].T
            score = float(closeness.max(axis=1).mean())
            if best is None or score > best[0]:
                best = (score, passage, [sentences[i] for i in closeness.argmax(axis=1)])
        if best is not None and best[0] >= SENTENCE_MATCH:
            score, passage, followed = best
            result.kind, result.similarity, result.source = "paraphrase", score, passage
            quote = passage.text[min(s.start for s in followed):max(s.end for s in followed)]
            result.source_quote, result.changes = quote, word_changes(quote, result.text)
            result.stale_figures = carried_figures(result.text, passage.text)


def nearest(engine: SearchEngine, vectors: np.ndarray, allowed: np.ndarray
            ) -> list[list[tuple[int, float]]]:
    """The closest allowed passages to every paragraph, in one FAISS call."""
    import faiss

    index = engine.vectors.ensure(engine.connection)
    if index.ntotal == 0 or len(allowed) == 0:
        return [[] for _ in range(len(vectors))]
    params = None
    if len(allowed) < index.ntotal:
        params = faiss.SearchParameters(  # type: ignore[call-arg]  # the stubs lack `sel`
            sel=faiss.IDSelectorBatch(allowed))
    scores, ids = index.search(vectors, min(CANDIDATES, len(allowed)), params=params)
    return [[(int(i), float(s)) for i, s in zip(row_ids, row_scores, strict=True) if i >= 0]
            for row_ids, row_scores in zip(ids, scores, strict=True)]


def add_keyword_candidates(engine: SearchEngine, paragraphs: list[str], vectors: np.ndarray,
                           found: list[list[tuple[int, float]]], allowed: np.ndarray) -> None:
    """Add the passages sharing most rare words with each paragraph: a paragraph copied from a
    long passage on several topics can sit far from that passage's one vector."""
    from kb.search import audience

    index = engine.vectors.ensure(engine.connection)
    permitted = set(allowed.tolist())
    for paragraph, vector, hits in zip(paragraphs, vectors, found, strict=True):
        if len(paragraph.split()) < MIN_WORDS:
            continue
        known = {pid for pid, _ in hits}
        ranked = engine.keyword(engine.parse(paragraph), KEYWORD_CANDIDATES * 4,
                                Filters(include_restricted=audience.get()))
        extra = [pid for pid, _ in ranked if pid in permitted and pid not in known]
        for pid in extra[:KEYWORD_CANDIDATES]:
            hits.append((pid, float(index.reconstruct(pid) @ vector)))


def classify(index: int, paragraph: str, candidates: list[tuple[Passage, float]],
             terms: Terms | None = None) -> ReusedParagraph:
    """The best source by characters, else by kept rare words and meaning; the kind follows."""
    from rapidfuzz import fuzz

    result = ReusedParagraph(index, paragraph, "new", 0.0)
    if len(paragraph.split()) < MIN_WORDS or not candidates:
        return result
    wanted = " ".join(fold(paragraph).split())
    # each candidate: characters aligned, cosine, passage, and how well each sentence stands
    scored = [(aligned_characters(sentences), cosine, passage, sentences)
              for passage, cosine in candidates
              for sentences in [sentence_alignments(paragraph, passage.text)]]
    characters, _, passage, _ = max(scored, key=lambda s: (s[0], s[1]))
    meaning_best = max(scored, key=lambda s: s[1])
    result.character_similarity, result.meaning_similarity = characters, meaning_best[1]
    short = len(paragraph.split()) < 8  # a heading matches some part of almost anything
    if not short and characters < EDITED_MIN:
        # sentences reordered or merged defeat a single alignment; an edit still keeps most of
        # the source's word triples, where a paraphrase keeps few
        kept, source = max(((shared_triples(paragraph, s[2].text), s) for s in scored),
                           key=lambda pair: pair[0])
        if kept >= EDITED_TRIPLES:
            characters, _, passage, _ = source
            characters = max(characters, EDITED_MIN)
        elif len(split_sentences(paragraph)) > 1:
            # sentences added around copied ones: one still stands in the source as written,
            # which no rewrite in other words does
            best_kept, standing = max(((max(ratio for _, ratio in s[3]), s) for s in scored),
                                      key=lambda pair: pair[0])
            if best_kept >= SENTENCE_KEPT:
                characters, _, passage, _ = standing
                characters = max(characters, EDITED_MIN)
    if characters >= (0.9 if short else EDITED_MIN):
        verbatim = wanted in " ".join(fold(passage.text).split())
        result.kind = "verbatim" if verbatim else "edited"
        result.similarity, result.source = characters, passage
        alignment = fuzz.partial_ratio_alignment(wanted, fold(passage.text))
        span = sentence_span(passage.text, alignment.dest_start, alignment.dest_end) \
            if alignment is not None else (0, len(passage.text))
    elif reworded := paraphrase_source(paragraph, scored, terms):
        result.kind, result.similarity, result.source = "paraphrase", reworded[1], reworded[0]
        span = best_sentence_span(paragraph, reworded[0].text)
    else:
        result.similarity = max(characters, meaning_best[1])
        return result
    source_text = result.source.text[span[0]:span[1]]
    result.source_quote = source_text
    result.changes = word_changes(source_text, paragraph)
    if result.kind != "paraphrase":
        result.changes = trim_edges(result.changes)
    result.stale_figures = carried_figures(paragraph, result.source.text)
    return result


def aligned_characters(aligned: list[tuple[int, float]]) -> float:
    """How much of the paragraph stands in the source by characters: each of its sentences
    aligned on its own (a draft reorders and drops sentences), weighted by length. Aligning
    sentences rather than the whole paragraph also keeps the cost linear in its length."""
    return sum(size * ratio for size, ratio in aligned) / sum(size for size, _ in aligned)


def sentence_alignments(paragraph: str, source: str) -> list[tuple[int, float]]:
    """Each sentence of the paragraph (its length) with how well it stands in the source."""
    from rapidfuzz import fuzz

    folded = fold(source)
    sentences = [" ".join(fold(s.text).split()) for s in split_sentences(paragraph)]
    sentences = [s for s in sentences if len(s.split()) >= 3] or [" ".join(
        fold(paragraph).split())]
    return [(len(s), fuzz.partial_ratio(s, folded) / 100) for s in sentences]


def shared_triples(paragraph: str, source: str) -> float:
    """The share of the paragraph's consecutive word triples that stand in `source`."""
    def triples(text: str) -> set[tuple[str, ...]]:
        words = re.findall(r"[a-z]+", text.lower())
        return {tuple(words[i:i + 3]) for i in range(len(words) - 2)}

    wanted = triples(paragraph)
    return len(wanted & triples(source)) / len(wanted) if wanted else 0.0


def paraphrase_source(paragraph: str, scored: list[tuple[float, float, Passage, Any]],
                      terms: Terms | None) -> tuple[Passage, float] | None:
    """The passage the paragraph rewrites: the one keeping most of its rare words and its
    meaning, when together they pass PARAPHRASE_MIN, or sharing runs of its wording or its
    facts with related meaning; with its score."""
    best: tuple[Passage, float] | None = None
    for characters, cosine, passage, _ in scored:
        kept = terms.share(_words(passage.text)) if terms is not None else 0.0
        value = kept + MEANING_WEIGHT * cosine
        if characters >= SHARED_WORDING and cosine >= SHARED_MEANING or \
                keeps_facts(paragraph, passage.text):
            value = max(value, PARAPHRASE_MIN)
        if best is None or value > best[1]:
            best = (passage, value)
    return best if best is not None and best[1] >= PARAPHRASE_MIN else None


def keeps_facts(paragraph: str, source: str) -> bool:
    restated, measures = figures_restated(paragraph, source, at_least=FIGURES_RESTATED)
    return restated >= FIGURES_RESTATED and 2 * restated >= measures


def _words(text: str) -> set[str]:
    return {stem(word.lower()) for word in re.findall(r"[A-Za-z][A-Za-z0-9'-]*", text)}
