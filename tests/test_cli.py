"""The real `kb` entry point: exit codes, one-line errors, and the JSON contract's shapes."""

from __future__ import annotations

import json
import re
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
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


def test_ingest_of_a_missing_file_exits_1_and_leaves_no_index(tmp_path: Path) -> None:
    done = kb("ingest", str(tmp_path / "nope.pdf"), "--index", str(tmp_path / "new"))
    assert done.returncode == 1 and done.stderr.count("\n") == 1
    assert "nope.pdf: no such file" in done.stderr
    assert not (tmp_path / "new").exists()


def test_ingest_where_every_file_fails_exits_1_and_leaves_no_index(tmp_path: Path) -> None:
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 this is not really a PDF")
    done = kb("ingest", str(broken), "--index", str(tmp_path / "new"), "--json")
    assert done.returncode == 1 and done.stdout == "" and done.stderr.count("\n") == 1
    assert "nothing ingested" in done.stderr and not (tmp_path / "new").exists()


def test_usage_errors_exit_2_with_one_line(tmp_path: Path) -> None:
    index = str(tmp_path / "index")
    for args in (["reuse", "--index", index], ["search", "  ", "--index", index],
                 ["check", "", "--index", index], ["ask", "\t", "--index", index],
                 ["search", "fathers", "--k", "0", "--index", index],
                 ["reuse", "x.md", "--between", "a", "b", "--index", index]):
        done = kb(*args)
        assert done.returncode == 2, args
        assert done.stderr.count("\n") == 1 and done.stderr.startswith(f"kb {args[0]}:"), args


def test_every_argument_has_help_text() -> None:
    from kb.cli import build_parser

    parser = build_parser()
    commands = next(a for a in parser._actions if a.dest == "command")
    for name, sub in commands.choices.items():  # type: ignore[union-attr]
        for action in sub._actions:
            assert action.help, f"kb {name} {action.dest} has no help"


def test_piped_output_has_no_markdown_markers(corpus_index: Path) -> None:
    done = kb("ask", "How many rapid reviews were held in 2021-22?", "--index", str(corpus_index))
    assert done.returncode == 0, done.stderr
    assert "**" not in done.stdout and "\033[" not in done.stdout
    assert "[1]" in done.stdout


def test_terminal_output_renders_the_key_phrase_bold() -> None:
    from kb.render import render

    data = {"answer_found": True, "answer": "x", "marked": "It held **5 rapid reviews**.",
            "citations": []}
    assert render("ask", data, color=True).startswith("It held \033[1m5 rapid reviews\033[0m.")
    assert render("ask", data, color=False).startswith("It held 5 rapid reviews.")


def test_readme_quickstart_works_on_the_demo_library(corpus_index: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("## CLI quickstart", 1)[1].split("```bash", 1)[1].split("```", 1)[0]
    commands = [shlex.split(line.split("  #")[0]) for line in block.splitlines()
                if line.startswith("kb ") and not line.startswith(("kb ingest", "kb serve"))]
    assert [c[1] for c in commands] == ["search", "ask", "check", "reuse"]
    for command in commands:
        done = subprocess.run([sys.executable, "-m", "kb.cli", *command[1:], "--index",
                               str(corpus_index)], capture_output=True, text=True, cwd=ROOT,
                              timeout=300)
        assert done.returncode == 0, (command, done.stderr)
        assert done.stdout.strip(), command


def test_reuse_text_shows_kind_source_page_and_changes(corpus_index: Path) -> None:
    done = kb("reuse", str(ROOT / "samples" / "draft.md"), "--index", str(corpus_index))
    assert done.returncode == 0, done.stderr
    assert re.search(r"\d+\. verbatim .*<- .*, p\. \d+", done.stdout)
    assert re.search(r"\d+\. edited .*<- .*Annual Report 2021-22 \(2021-22\), p\. \d+",
                     done.stdout)
    assert "~ 63,300 -> 63,800" in done.stdout  # the word-level diff of an edited paragraph
