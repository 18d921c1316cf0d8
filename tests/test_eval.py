"""The labelled set is sound, and quality stays above the floors set from measurement."""

from __future__ import annotations

import importlib.util
import json
import math
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import CORPUS, EVAL, REAL

from kb import KnowledgeBase
from kb.evaluate import evaluate, load_cases, squash

# Floors: a little under what was measured (README, "Quality"), on the demo corpus and on the
# real documents of ../shared/real with their labelled set.
FLOORS = {
    ("search", "hybrid", "all", "hit@5"): 0.92,
    ("ask", "accuracy"): 0.95,
    ("ask", "abstention_recall"): 0.83,
    ("check", "accuracy"): 0.90,
    ("reuse", "kind_accuracy"): 0.85,
    ("reuse", "reused_f1"): 0.95,
}
REAL_FLOORS = {
    ("search", "hybrid", "all", "hit@5"): 0.93,
    ("search", "hybrid", "all", "hit@1"): 0.70,
    ("search", "hybrid", "table", "hit@5"): 0.90,
    ("search", "hybrid", "acronym", "hit@5"): 0.95,
    # round twenty: 0.60 -> 0.70 (a length of time sought in other units), where it stood
    # before the extraction work; issue 8 asks that no kind drop
    ("search", "hybrid", "paraphrase", "hit@5"): 0.70,
    ("ask", "accuracy"): 0.88,
    # round thirteen: 0.895 -> 0.842 (ra-30 lost); round fifteen: 0.895 again (a table's Total
    # row answers "in total" questions: ra-08); this half is long spent
    ("ask", "accuracy_held"): 0.85,
    ("ask", "abstention_recall"): 0.85,
    # round twenty-eight: 0.917 -> 0.944 (rc-18, the held half's second not_found: a duty is
    # named only among the acts the sentence binds); each verdict at the 0.8
    ("check", "accuracy"): 0.90,
    ("check", "accuracy_held"): 0.85,
    ("check", "per_verdict", "supported"): 0.80,
    ("check", "per_verdict", "contradicted"): 0.80,
    ("check", "per_verdict", "not_found"): 0.80,
    ("reuse", "kind_accuracy"): 0.90,
    ("reuse", "kind_accuracy_held"): 0.90,
    ("reuse", "reused_f1"): 0.95,
    ("reuse", "reused_f1_held"): 0.95,
}
# The probe sets (bench/probe, bench/probe2 in round five, bench/probe3 in round six, probe4 to
# probe6 in round seven, probe7 in round eight, probe8 in round nine), written from the real
# documents by helpers that never saw kb; probe6 has never been read, and the others' held
# halves only where the README says so (round twelve: failing cases of probe4 and probe8).
# Floors a little under what was measured (raised in rounds ten to twelve where a set rose).
PROBES = Path(__file__).resolve().parents[1] / "bench"
PROBE_FLOORS = {
    ("probe", "search", "hybrid", "all", "hit@5"): 0.88,
    ("probe", "ask", "accuracy"): 0.78,
    ("probe", "check", "accuracy"): 0.70,
    ("probe2", "search", "hybrid", "all", "hit@5"): 0.88,
    ("probe2", "ask", "accuracy"): 0.72,
    ("probe2", "check", "accuracy"): 0.66,
    ("probe3", "search", "hybrid", "all", "hit@5"): 0.80,
    ("probe3", "ask", "accuracy"): 0.62,
    ("probe3", "check", "accuracy"): 0.66,
    ("probe4", "search", "hybrid", "all", "hit@5"): 0.82,
    ("probe4", "ask", "accuracy"): 0.77,
    ("probe4", "check", "accuracy"): 0.70,
    ("probe5", "search", "hybrid", "all", "hit@5"): 0.78,
    ("probe5", "ask", "accuracy"): 0.62,
    ("probe5", "check", "accuracy"): 0.76,
    ("probe6", "search", "hybrid", "all", "hit@5"): 0.88,
    ("probe6", "ask", "accuracy"): 0.68,
    ("probe6", "check", "accuracy"): 0.60,
    ("probe7", "search", "hybrid", "all", "hit@5"): 0.85,
    ("probe7", "ask", "accuracy"): 0.62,
    ("probe7", "check", "accuracy"): 0.70,
    ("probe8", "search", "hybrid", "all", "hit@5"): 0.82,
    ("probe8", "ask", "accuracy"): 0.65,
    ("probe8", "check", "accuracy"): 0.62,
    # round thirteen's set, written blind at its start: first run ask 0.575, check 0.475
    ("probe9", "search", "hybrid", "all", "hit@5"): 0.83,
    ("probe9", "ask", "accuracy"): 0.55,
    ("probe9", "check", "accuracy"): 0.48,
    # round fourteen's set, written blind mid-round: first run ask 0.70, check 0.70, hit@5 0.80
    ("probe10", "search", "hybrid", "all", "hit@5"): 0.78,
    ("probe10", "ask", "accuracy"): 0.65,
    ("probe10", "check", "accuracy"): 0.70,
    # round fifteen's blind set: only its tune half was read
    ("probe11", "search", "hybrid", "all", "hit@5"): 0.80,
    ("probe11", "ask", "accuracy"): 0.62,
    ("probe11", "check", "accuracy"): 0.55,
    # round sixteen's blind set: first run ask 0.525, check 0.525, hit@5 0.933; tune half read
    ("probe12", "search", "hybrid", "all", "hit@5"): 0.88,
    ("probe12", "ask", "accuracy"): 0.58,
    ("probe12", "check", "accuracy"): 0.52,
    # round seventeen's blind set: first run ask 0.625, check 0.575, hit@5 0.967; tune half read
    ("probe13", "search", "hybrid", "all", "hit@5"): 0.90,
    ("probe13", "ask", "accuracy"): 0.58,
    ("probe13", "check", "accuracy"): 0.52,
    # round eighteen's blind set: first run ask 0.675, check 0.475, hit@5 0.833; tune half read
    ("probe14", "search", "hybrid", "all", "hit@5"): 0.88,
    ("probe14", "ask", "accuracy"): 0.62,
    ("probe14", "check", "accuracy"): 0.48,
    # round nineteen's blind set: first run ask 0.40, check 0.525, hit@5 0.933; tune half read
    ("probe15", "search", "hybrid", "all", "hit@5"): 0.88,
    ("probe15", "ask", "accuracy"): 0.45,
    ("probe15", "check", "accuracy"): 0.48,
    # round twenty's blind set: first run ask 0.575, check 0.50, hit@5 0.833
    ("probe16", "search", "hybrid", "all", "hit@5"): 0.80,
    ("probe16", "ask", "accuracy"): 0.50,
    ("probe16", "check", "accuracy"): 0.45,
    # round twenty-one's blind set: first run ask 0.475, check 0.50, hit@5 0.90; tune half read
    ("probe17", "search", "hybrid", "all", "hit@5"): 0.85,
    ("probe17", "ask", "accuracy"): 0.42,
    ("probe17", "check", "accuracy"): 0.45,
    # round twenty-two's blind set: first run ask 0.575, check 0.60, hit@5 0.80; tune half read
    ("probe18", "search", "hybrid", "all", "hit@5"): 0.75,
    ("probe18", "ask", "accuracy"): 0.52,
    ("probe18", "check", "accuracy"): 0.58,
    # round twenty-three's blind set: first run ask 0.35, check 0.675, hit@5 0.867
    ("probe19", "search", "hybrid", "all", "hit@5"): 0.82,
    ("probe19", "ask", "accuracy"): 0.30,
    ("probe19", "check", "accuracy"): 0.62,
    # round twenty-four's blind set: first run ask 0.425, check 0.625, hit@5 0.833
    ("probe20", "search", "hybrid", "all", "hit@5"): 0.78,
    ("probe20", "ask", "accuracy"): 0.37,
    ("probe20", "check", "accuracy"): 0.60,
    # round twenty-five's blind set: first run ask 0.55, check 0.50, hit@5 0.933
    ("probe21", "search", "hybrid", "all", "hit@5"): 0.88,
    ("probe21", "ask", "accuracy"): 0.50,
    ("probe21", "check", "accuracy"): 0.45,
    # probe22 (round 26): first run hit@5 0.90, ask 0.80, check 0.675
    ("probe22", "search", "hybrid", "all", "hit@5"): 0.85,
    ("probe22", "ask", "accuracy"): 0.70,
    ("probe22", "check", "accuracy"): 0.62,
    # probe23 (round 27): first run hit@5 0.867, ask 0.625, check 0.70
    ("probe23", "search", "hybrid", "all", "hit@5"): 0.80,
    ("probe23", "ask", "accuracy"): 0.55,
    ("probe23", "check", "accuracy"): 0.62,
    # probe24 (round 28): first run hit@5 0.933, ask 0.475, check 0.625
    ("probe24", "search", "hybrid", "all", "hit@5"): 0.85,
    ("probe24", "ask", "accuracy"): 0.42,
    ("probe24", "check", "accuracy"): 0.58,
    # probe25 (round 29): first run hit@5 0.833, ask 0.425, check 0.675
    ("probe25", "search", "hybrid", "all", "hit@5"): 0.78,
    ("probe25", "ask", "accuracy"): 0.38,
    ("probe25", "check", "accuracy"): 0.62,
    # probe26 (round 30): first run hit@5 0.9, ask 0.55, check 0.625
    ("probe26", "search", "hybrid", "all", "hit@5"): 0.85,
    ("probe26", "ask", "accuracy"): 0.5,
    ("probe26", "check", "accuracy"): 0.58,
    # probe27 (round 31): first run hit@5 0.867, ask 0.725, check 0.625
    ("probe27", "search", "hybrid", "all", "hit@5"): 0.8,
    ("probe27", "ask", "accuracy"): 0.65,
    ("probe27", "check", "accuracy"): 0.58,
    # probe28 (round 32): first run hit@5 0.867, ask 0.725, check 0.525
    ("probe28", "search", "hybrid", "all", "hit@5"): 0.8,
    ("probe28", "ask", "accuracy"): 0.65,
    ("probe28", "check", "accuracy"): 0.5,
    # probe29 (round 33): first run hit@5 0.867, ask 0.675, check 0.675
    ("probe29", "search", "hybrid", "all", "hit@5"): 0.8,
    ("probe29", "ask", "accuracy"): 0.6,
    ("probe29", "check", "accuracy"): 0.6,
    # probe30 (round 34): first run hit@5 0.933, ask 0.575, check 0.5
    ("probe30", "search", "hybrid", "all", "hit@5"): 0.85,
    ("probe30", "ask", "accuracy"): 0.55,
    ("probe30", "check", "accuracy"): 0.5,
    # probe31 (round 35): first run hit@5 0.8, ask 0.6, check 0.7
    ("probe31", "search", "hybrid", "all", "hit@5"): 0.75,
    ("probe31", "ask", "accuracy"): 0.55,
    ("probe31", "check", "accuracy"): 0.65,
    # probe32 (round 36): first run hit@5 0.833, ask 0.675, check 0.675
    ("probe32", "search", "hybrid", "all", "hit@5"): 0.8,
    ("probe32", "ask", "accuracy"): 0.6,
    ("probe32", "check", "accuracy"): 0.6,
    # probe33 (round 37): first run hit@5 0.833, ask 0.525, check 0.725
    ("probe33", "search", "hybrid", "all", "hit@5"): 0.8,
    ("probe33", "ask", "accuracy"): 0.5,
    ("probe33", "check", "accuracy"): 0.65,
    # probe34 (round 38): first run hit@5 0.833, ask 0.4, check 0.65
    ("probe34", "search", "hybrid", "all", "hit@5"): 0.8,
    ("probe34", "ask", "accuracy"): 0.375,
    ("probe34", "check", "accuracy"): 0.65,
    # probe35 (round 39): first run hit@5 0.833, ask 0.425, check 0.675
    ("probe35", "search", "hybrid", "all", "hit@5"): 0.8,
    ("probe35", "ask", "accuracy"): 0.4,
    ("probe35", "check", "accuracy"): 0.65,
    # probe36 (round 40): first run hit@5 0.867, ask 0.425, check 0.625
    ("probe36", "search", "hybrid", "all", "hit@5"): 0.83,
    ("probe36", "ask", "accuracy"): 0.4,
    ("probe36", "check", "accuracy"): 0.6,
    # probe37 (round 41): first run hit@5 0.767, ask 0.275, check 0.625
    ("probe37", "search", "hybrid", "all", "hit@5"): 0.73,
    ("probe37", "ask", "accuracy"): 0.25,
    ("probe37", "check", "accuracy"): 0.6,
    # probe38 (round 42): first run hit@5 0.8, ask 0.4, check 0.55
    ("probe38", "search", "hybrid", "all", "hit@5"): 0.76,
    ("probe38", "ask", "accuracy"): 0.37,
    ("probe38", "check", "accuracy"): 0.5,
    # probe39 (round 43): first run hit@5 0.733, ask 0.375, check 0.55
    ("probe39", "search", "hybrid", "all", "hit@5"): 0.69,
    ("probe39", "ask", "accuracy"): 0.35,
    ("probe39", "check", "accuracy"): 0.5,
    # probe40 (round 44): first run hit@5 0.767, ask 0.425, check 0.475
    ("probe40", "search", "hybrid", "all", "hit@5"): 0.72,
    ("probe40", "ask", "accuracy"): 0.4,
    ("probe40", "check", "accuracy"): 0.45,
    # probe41 (round 45): first run hit@5 0.8, ask 0.55, check 0.6
    ("probe41", "search", "hybrid", "all", "hit@5"): 0.76,
    ("probe41", "ask", "accuracy"): 0.5,
    ("probe41", "check", "accuracy"): 0.55,
    # probe42 (round 46): first run hit@5 0.833, ask 0.575, check 0.6
    ("probe42", "search", "hybrid", "all", "hit@5"): 0.79,
    ("probe42", "ask", "accuracy"): 0.52,
    ("probe42", "check", "accuracy"): 0.55,
    # probe43 (round 47): first run hit@5 0.833, ask 0.55, check 0.525
    ("probe43", "search", "hybrid", "all", "hit@5"): 0.79,
    ("probe43", "ask", "accuracy"): 0.5,
    ("probe43", "check", "accuracy"): 0.475,
    # probe44 (round 48): first run hit@5 0.9, ask 0.55, check 0.525
    ("probe44", "search", "hybrid", "all", "hit@5"): 0.86,
    ("probe44", "ask", "accuracy"): 0.5,
    ("probe44", "check", "accuracy"): 0.475,
    # probe45 (round 49): first run hit@5 0.833, ask 0.45, check 0.6
    ("probe45", "search", "hybrid", "all", "hit@5"): 0.78,
    ("probe45", "ask", "accuracy"): 0.4,
    ("probe45", "check", "accuracy"): 0.55,
}
# bench_perturb (seed 3, ten a kind): measured on the final code of round eight, less a margin
PERTURB_FLOORS = {"kept": 0.85, "caught": 0.75, "missed": 0.15}
KINDS = {"exact", "theme", "paraphrase", "acronym", "typo", "number"}


def test_the_set_has_every_kind_it_promises() -> None:
    search = load_cases(EVAL / "search.jsonl")
    assert len(search) >= 60
    for kind in KINDS:
        assert sum(case["kind"] == kind for case in search) >= 8, kind
    ask = load_cases(EVAL / "ask.jsonl")
    assert len(ask) >= 30 and sum(not case["answers"] for case in ask) >= 6
    check = load_cases(EVAL / "check.jsonl")
    assert len(check) >= 30
    assert {case["verdict"] for case in check} == {"supported", "contradicted", "not_found"}
    reuse = load_cases(EVAL / "reuse.jsonl")
    assert len(reuse) >= 25
    assert {case["kind"] for case in reuse} == {"verbatim", "edited", "paraphrase", "new"}


def test_every_gold_string_is_on_its_page_of_its_document(library: KnowledgeBase) -> None:
    documents = {Path(d.path).name: d for d in library.documents(include_restricted=True)}
    for name in ("search", "ask", "check"):
        for case in load_cases(EVAL / f"{name}.jsonl"):
            for gold in case.get("gold", []):
                assert gold["doc"] in documents, (case["id"], gold["doc"])
                if not gold.get("contains"):
                    continue
                document = documents[gold["doc"]]
                if gold.get("page") is not None:
                    text = library.page_text(document.doc_id, gold["page"], True)
                else:
                    text = "\n".join(p.text for p in library.document_passages(
                        document.doc_id, True))
                assert squash(gold["contains"]) in squash(text), (case["id"], gold)


def test_paraphrase_cases_share_no_key_word_with_their_gold(library: KnowledgeBase) -> None:
    for case in load_cases(EVAL / "search.jsonl"):
        if case["kind"] != "paraphrase":
            continue
        query_words = {w for w in squash(case["query"]).split() if len(w) > 4}
        for gold in case["gold"]:
            assert not query_words & set(squash(gold["contains"]).split()), case["id"]


@pytest.fixture(scope="module")
def quality(library: KnowledgeBase) -> dict:
    parts = [part for part in ("search", "ask", "check", "reuse")
             if (EVAL / f"{part}.jsonl").exists()]
    report = evaluate(library, EVAL, parts=parts)
    print(json.dumps(report, indent=1))
    return report


@pytest.fixture(scope="module")
def real_quality(real_library: KnowledgeBase) -> dict:
    report = evaluate(real_library, REAL / "eval")
    print(json.dumps(report, indent=1))
    return report


@pytest.fixture(scope="module")
def probe_quality(real_library: KnowledgeBase) -> dict:
    report = {name: evaluate(real_library, PROBES / name, parts=["search", "ask", "check"])
              for name in ("probe", "probe2", "probe3", "probe4", "probe5", "probe6", "probe7",
                           "probe8", "probe9", "probe10", "probe11", "probe12", "probe13",
                           "probe14", "probe15", "probe16", "probe17", "probe18",
                           "probe19", "probe20", "probe21", "probe22", "probe23", "probe24",
                           "probe25", "probe26", "probe27", "probe28", "probe29",
                           "probe30", "probe31", "probe32", "probe33", "probe34",
                           "probe35", "probe36", "probe37", "probe38", "probe39", "probe40",
                           "probe41", "probe42", "probe43", "probe44",
                           "probe45")}
    print(json.dumps(report, indent=1))
    return report


def _at(report: dict, path: tuple[str, ...]) -> float:
    value: object = report
    for key in path:
        value = value[key]  # type: ignore[index]
    return float(value)  # type: ignore[arg-type]


@pytest.mark.parametrize("path", sorted(FLOORS), ids=lambda p: "/".join(p))
def test_quality_stays_above_its_floor(quality: dict, path: tuple[str, ...]) -> None:
    assert _at(quality, path) >= FLOORS[path], (path, _at(quality, path))


@pytest.mark.parametrize("path", sorted(REAL_FLOORS), ids=lambda p: "/".join(p))
def test_quality_on_real_documents_stays_above_its_floor(real_quality: dict,
                                                          path: tuple[str, ...]) -> None:
    assert _at(real_quality, path) >= REAL_FLOORS[path], (path, _at(real_quality, path))


@pytest.mark.parametrize("path", sorted(PROBE_FLOORS), ids=lambda p: "/".join(p))
def test_quality_on_the_probe_set_stays_above_its_floor(probe_quality: dict,
                                                         path: tuple[str, ...]) -> None:
    assert _at(probe_quality, path) >= PROBE_FLOORS[path], (path, _at(probe_quality, path))


def test_corpus_is_what_the_tests_expect() -> None:
    assert len(list(CORPUS.glob("annual-report-*.pdf"))) == 3


def test_an_accepted_answer_counts_only_as_whole_words() -> None:
    from kb.evaluate import answer_matches

    assert answer_matches("No. Agreements are not mandatory.", ["No"])
    assert not answer_matches("Agreements are not mandatory but are good practice.", ["No"])
    assert not answer_matches("The hub took 160 calls.", ["16"])
    assert answer_matches("Support lasts until they are 16 or over.", ["16"])
    assert answer_matches("It is NOT MANDATORY.", ["not mandatory"])
    assert answer_matches("Between 10 and 20 years old.", ["10 to 20"])  # the same figures



def test_ndcg_gains_once_per_gold_entry() -> None:
    from kb.evaluate import RankMetrics

    # two passages quoting the one gold page, ranked first and second: the ideal, not above it
    twice = RankMetrics()
    twice.add([{0}, {0}, set()], wanted=1)
    assert twice.to_dict()["ndcg@10"] == 1.0
    # two gold entries, the second found only at rank three
    late = RankMetrics()
    late.add([{0}, {0}, {1}], wanted=2)
    assert late.to_dict()["ndcg@10"] == round((1 + 0.5) / (1 + 1 / math.log2(3)), 3)
    assert late.to_dict()["hit@1"] == 1.0 and late.to_dict()["mrr"] == 1.0

@pytest.fixture(scope="module")
def perturbed(real_library: KnowledgeBase) -> dict:
    """bench/bench_perturb.py on the real library: its sentences checked as they are and with
    one part changed, drawn with a seed never read while the readings were written."""
    report = _bench_module("bench_perturb").measure(real_library, per_kind=10, seed=3)
    print(json.dumps(report, indent=1))
    return report


def test_check_catches_one_changed_part_and_keeps_the_sentence_itself(perturbed: dict) -> None:
    every = perturbed["all"]
    assert every["n"] >= 60
    assert every["kept"] >= PERTURB_FLOORS["kept"], every
    assert every["caught"] >= PERTURB_FLOORS["caught"], every
    assert every["missed"] <= PERTURB_FLOORS["missed"], every


def _bench_module(name: str) -> Any:
    spec = importlib.util.spec_from_file_location(name, PROBES / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_passage_with_rivals_better_on_every_count_is_outranked_by_each() -> None:
    import numpy as np

    rivals = _bench_module("bound_search").rivals
    table = np.array([[2.0, 0.5, 0.6], [3.0, 0.5, 0.7], [1.0, 0.9, 0.9], [2.0, 0.5, 0.6]])
    assert rivals(table, 0) == 1  # row 1 beats it on two counts and ties the third
    assert rivals(table, 2) == 0  # row 2 is best on two counts: nothing dominates it
    assert rivals(table, 1) == 0


def test_hybrid_search_finds_nothing_the_fusion_bound_rules_out(real_library: KnowledgeBase
                                                                ) -> None:
    bound = _bench_module("bound_search").bound
    kinds = bound(real_library, load_cases(REAL / "eval" / "search.jsonl"))
    for kind, rows in kinds.items():
        assert all(possible for possible, _, found in rows if found), kind
        assert sum(r[0] for r in rows) >= sum(r[2] for r in rows), kind
