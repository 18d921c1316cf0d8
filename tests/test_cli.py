"""The real `kb` entry point: exit codes, one-line errors, and the JSON contract's shapes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

PASSAGE = {"doc_id", "title", "path", "period", "doc_type", "page", "section", "text", "score"}


def kb(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kb.cli", *args], capture_output=True,
                          text=True, input=stdin, timeout=300)


def test_search_json_is_one_object_in_the_contract_shape(corpus_index: Path) -> None:
    done = kb("search", "fathers", "--index", str(corpus_index), "--json", "--k", "5")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert {"query", "mode", "took_ms", "results"} <= set(data)
    assert data["query"] == "fathers" and data["mode"] == "hybrid" and len(data["results"]) == 5
    for hit in data["results"]:
        assert PASSAGE | {"rank", "snippet"} <= set(hit)


def test_docs_and_ingest_json_shapes(corpus_index: Path, tmp_path: Path) -> None:
    docs = json.loads(kb("docs", "--index", str(corpus_index), "--json").stdout)["documents"]
    assert docs and all({"doc_id", "title", "period", "doc_type", "pages"} <= set(d) for d in docs)
    assert all(d["access"] == "public" for d in docs)
    note = tmp_path / "note.txt"
    note.write_text("Learning note\n\nFathers and male carers must be seen and heard.\n")
    done = kb("ingest", str(note), "--index", str(tmp_path / "index"), "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert set(data) >= {"added", "updated", "unchanged", "removed", "failed", "documents",
                         "passages", "took_ms"}
    assert data["documents"] == 1 and done.stderr == ""


def test_user_errors_exit_1_with_one_line_and_usage_errors_exit_2(tmp_path: Path) -> None:
    missing = kb("search", "fathers", "--index", str(tmp_path / "none"))
    assert missing.returncode == 1
    assert missing.stderr.count("\n") == 1 and "run `kb ingest corpus/` first" in missing.stderr
    assert missing.stdout == ""
    usage = kb("search")
    assert usage.returncode == 2


def test_empty_result_is_a_success(corpus_index: Path) -> None:
    done = kb("search", '"no such phrase anywhere here"', "--mode", "keyword",
              "--index", str(corpus_index), "--json")
    assert done.returncode == 0 and json.loads(done.stdout)["results"] == []


def test_restricted_documents_appear_only_when_asked(corpus_index: Path) -> None:
    hidden = json.loads(kb("docs", "--index", str(corpus_index), "--json").stdout)
    shown = json.loads(kb("docs", "--index", str(corpus_index), "--json",
                          "--include-restricted").stdout)
    assert len(shown["documents"]) > len(hidden["documents"])
