"""Benchmark of the embedding models: ingest rate against the bare model, and search quality.

Run: .venv/bin/python bench/bench_models.py [--models all-MiniLM-L6-v2 all-mpnet-base-v2]
     [--real ../shared/real] [--json report.json]
For each model: the real documents and the demo corpus are ingested into fresh temp indexes
and searched with their labelled sets (`kb.evaluate`, search part). Prints one table; every
figure comes from this one run (one round: the machine is shared, so rates are noisy, and
the ratio to the bare model, measured in the same minute, is the steadier figure).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from kb import KnowledgeBase, embed
from kb.evaluate import evaluate
from kb.settings import MODEL_DIMENSIONS, Settings

ROOT = Path(__file__).resolve().parent.parent
MODES = ("semantic", "hybrid")


def source_stamp() -> str:
    """A hash of kb's source, to tell whether the code changed while the bench ran."""
    digest = hashlib.sha256()
    for path in sorted((ROOT / "src" / "kb").rglob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def passage_inputs(kb: KnowledgeBase) -> list[str]:
    """What ingest embedded: each distinct passage with its title and section."""
    rows = kb.connection.execute(
        "SELECT d.title, p.section, p.text, p.text_hash FROM passages p "
        "JOIN documents d ON d.id = p.document ORDER BY p.id").fetchall()
    inputs = {row[3]: embed.passage_input(row[0], row[1], row[2]) for row in rows}
    return list(inputs.values())


def bench_set(model: str, docs: Path, eval_dir: Path, workdir: Path, bare: bool
              ) -> dict[str, Any]:
    """Ingest `docs` with `model` into a fresh index, time it (and the bare model on the same
    inputs when `bare`), then run the search part of the labelled set."""
    settings = Settings.load(model_name=model, index_dir=workdir / f"{model}-{docs.name}")
    with KnowledgeBase.open(settings.index_dir, settings) as kb:
        started = time.perf_counter()
        report = kb.ingest([docs])
        ingest_s = time.perf_counter() - started
        result: dict[str, Any] = {"documents": report.documents, "passages": report.passages,
                                  "embedded": report.embedded, "ingest_s": ingest_s,
                                  "ingest_rate": report.embedded / ingest_s}
        if bare:
            texts = passage_inputs(kb)
            started = time.perf_counter()
            embed.encode(texts, settings.embed_batch_size, model)
            encode_s = time.perf_counter() - started
            result.update(encoded=len(texts), encode_s=encode_s, model_rate=len(texts) / encode_s)
        started = time.perf_counter()
        result["search"] = evaluate(kb, eval_dir, parts=["search"])["search"]
        result["eval_s"] = time.perf_counter() - started
    return result


def run(models: list[str], sets: dict[str, tuple[Path, Path]], workdir: Path
        ) -> dict[str, Any]:
    results: dict[str, Any] = {"source_before": source_stamp(), "models": {}}
    for model in models:
        started = time.perf_counter()
        embed.encode(["warm up the model", "with a first batch"] * 8, model_name=model)
        per_model: dict[str, Any] = {"load_s": time.perf_counter() - started}
        for name, (docs, eval_dir) in sets.items():
            print(f"{model}: {name} ...", file=sys.stderr, flush=True)
            per_model[name] = bench_set(model, docs, eval_dir, workdir, bare=name == "real")
        results["models"][model] = per_model
    results["source_after"] = source_stamp()
    return results


def slices(search: dict[str, Any]) -> list[str]:
    kinds = sorted(k for k in search["hybrid"] if k not in ("all", "tune", "held"))
    return ["all", "tune", "held", *kinds]


def print_table(results: dict[str, Any]) -> None:
    models = list(results["models"])
    print("Ingest (one round; passages/s = passages embedded / wall time)")
    print(f"{'model':<20} {'dim':>4} {'set':<5} {'docs':>4} {'passages':>8} {'ingest s':>9} "
          f"{'ingest p/s':>10} {'bare p/s':>9} {'ingest/bare':>11}")
    for model in models:
        for name in ("real", "demo"):
            row = results["models"][model].get(name)
            if row is None:
                continue
            bare = f"{row['model_rate']:9.1f}" if "model_rate" in row else f"{'-':>9}"
            ratio = (f"{row['ingest_rate'] / row['model_rate']:11.2f}" if "model_rate" in row
                     else f"{'-':>11}")
            print(f"{model:<20} {MODEL_DIMENSIONS[model]:>4} {name:<5} {row['documents']:>4} "
                  f"{row['embedded']:>8} {row['ingest_s']:>9.1f} {row['ingest_rate']:>10.1f} "
                  f"{bare} {ratio}")
    if len(models) > 1:
        first, *others = models
        for other in others:
            a, b = results["models"][first]["real"], results["models"][other]["real"]
            print(f"{other} / {first} on the real set: ingest rate "
                  f"{b['ingest_rate'] / a['ingest_rate']:.2f}x, bare rate "
                  f"{b['model_rate'] / a['model_rate']:.2f}x")
    for name in ("real", "demo"):
        print(f"\nSearch quality, {name} set: hit@1 / hit@5 (hybrid fusion: "
              f"{Settings.load().fusion}; keyword does not depend on the model)")
        search = results["models"][models[0]][name]["search"]
        header = f"{'slice':<11} {'n':>3} {'keyword':>11}"
        for model in models:
            short = model.split("-")[1] if "-" in model else model
            header += "".join(f" {short + ' ' + mode[:3]:>15}" for mode in MODES)
        print(header)
        for part in slices(search):
            keyword = search["keyword"][part]
            line = (f"{part:<11} {keyword['cases']:>3} {keyword['hit@1']:>5.2f} / "
                    f"{keyword['hit@5']:.2f}")
            for model in models:
                for mode in MODES:
                    cell = results["models"][model][name]["search"][mode][part]
                    line += f" {cell['hit@1']:>8.2f} / {cell['hit@5']:.2f}"
            print(line)
    same = results["source_before"] == results["source_after"]
    print(f"\nkb source {results['source_before']} at the start, {results['source_after']} at the "
          f"end{'' if same else ': CHANGED during the run, figures may mix two versions'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--models", nargs="+", default=list(MODEL_DIMENSIONS))
    parser.add_argument("--real", type=Path, default=ROOT.parent / "shared" / "real")
    parser.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    parser.add_argument("--eval", type=Path, default=ROOT / "tests" / "eval")
    parser.add_argument("--json", type=Path, help="also write every figure here")
    args = parser.parse_args()
    sets = {"real": (args.real / "docs", args.real / "eval"), "demo": (args.corpus, args.eval)}
    with tempfile.TemporaryDirectory(prefix="kb-bench-models-") as workdir:
        results = run(args.models, sets, Path(workdir))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")
    print_table(results)


if __name__ == "__main__":
    main()
