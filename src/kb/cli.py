"""The `kb` command: parses arguments, makes one call into KnowledgeBase, prints the result."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

from kb.errors import KBError

READ_COMMANDS = {"search", "ask", "check", "reuse", "themes", "docs", "eval", "remove"}


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--index", help="index folder (default: $KB_INDEX, else ./index)")
    common.add_argument("--json", action="store_true", help="print one JSON object on stdout")
    reading = argparse.ArgumentParser(add_help=False)
    reading.add_argument("--include-restricted", action="store_true",
                         help="also show documents marked restricted")
    parser = argparse.ArgumentParser(prog="kb", description="A cited knowledge base over a "
                                     "safeguarding partnership's documents.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    ingest = commands.add_parser("ingest", parents=[common], help="add or update files and folders")
    ingest.add_argument("paths", nargs="+", metavar="PATH")

    search = commands.add_parser("search", parents=[common, reading], help="search passages")
    search.add_argument("query")
    search.add_argument("--k", type=int, default=10)
    search.add_argument("--period", help="reporting year, e.g. 2021-22")
    search.add_argument("--type", dest="doc_type", help="annual-report, practice-review, ...")
    search.add_argument("--mode", choices=["hybrid", "keyword", "semantic"], default="hybrid")

    ask = commands.add_parser("ask", parents=[common, reading], help="answer a question, cited")
    ask.add_argument("question")
    ask.add_argument("--k", type=int, default=5)

    check = commands.add_parser("check", parents=[common, reading], help="check a claim")
    check.add_argument("claim")

    reuse = commands.add_parser("reuse", parents=[common, reading],
                                help="find where a text's paragraphs came from")
    reuse.add_argument("file", nargs="?", help="TXT, MD, DOCX or PDF file, or - for stdin")
    reuse.add_argument("--between", nargs=2, metavar=("A", "B"),
                       help="compare two documents of the library (A earlier, B later)")

    themes = commands.add_parser("themes", parents=[common, reading],
                                 help="matches per period and document type")
    themes.add_argument("terms", nargs="+", metavar="TERM")

    commands.add_parser("docs", parents=[common, reading], help="list the documents")

    remove = commands.add_parser("remove", parents=[common], help="remove a document")
    remove.add_argument("doc", help="doc_id, file name or path")

    evaluate = commands.add_parser("eval", parents=[common, reading],
                                   help="quality on a labelled set")
    evaluate.add_argument("--set", dest="set_dir", default="tests/eval", help="folder of *.jsonl")
    evaluate.add_argument("--only", choices=["search", "ask", "check", "reuse"], action="append",
                          help="run only these parts (repeatable)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        result = run(args)
    except KBError as error:
        print(f"kb: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("kb: interrupted; the library keeps its last committed state", file=sys.stderr)
        return 130
    data = result.to_dict() if hasattr(result, "to_dict") else result
    try:
        if args.json:
            print(json.dumps(data, ensure_ascii=False))
        else:
            from kb.render import render

            print(render(args.command, data))
        sys.stdout.flush()
    except BrokenPipeError:  # `kb ... | head`: the reader has all it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0


def run(args: argparse.Namespace) -> Any:
    from kb.knowledge_base import KnowledgeBase
    from kb.settings import Settings

    settings = Settings.load(index_dir=args.index)
    create = args.command == "ingest"
    with KnowledgeBase.open(settings=settings, create=create) as kb:
        restricted = getattr(args, "include_restricted", False)
        if args.command == "ingest":
            return kb.ingest(args.paths, progress=None if args.json else _progress_bar())
        if args.command == "search":
            return kb.search(args.query, k=args.k, period=args.period, doc_type=args.doc_type,
                             mode=args.mode, include_restricted=restricted)
        if args.command == "ask":
            return kb.ask(args.question, k=args.k, include_restricted=restricted)
        if args.command == "check":
            return kb.check(args.claim, include_restricted=restricted)
        if args.command == "reuse":
            return _reuse(kb, args, restricted)
        if args.command == "themes":
            return kb.themes(args.terms, include_restricted=restricted)
        if args.command == "docs":
            return {"documents": [d.to_dict() for d in kb.documents(restricted)]}
        if args.command == "remove":
            return {"removed": kb.remove(args.doc).to_dict()}
        if args.command == "eval":
            from kb.evaluate import evaluate

            return evaluate(kb, Path(args.set_dir), parts=args.only,
                            include_restricted=restricted)
    raise AssertionError(args.command)


def _reuse(kb: Any, args: argparse.Namespace, restricted: bool) -> Any:
    from kb.errors import InvalidInput

    if args.between:
        if args.file:
            raise InvalidInput("give either FILE or --between A B, not both")
        return kb.reuse_between(*args.between, include_restricted=restricted)
    if not args.file:
        raise InvalidInput("reuse needs a FILE, - for stdin, or --between A B")
    from kb.reuse import read_draft

    text = sys.stdin.read() if args.file == "-" else read_draft(Path(args.file))
    return kb.reuse(text, include_restricted=restricted)


def _progress_bar() -> Any:
    if not sys.stderr.isatty():
        return None

    def draw(done: int, total: int, message: str) -> None:
        width = 30
        filled = int(width * done / total) if total else width
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} "
                         f"{message[:40]:<40}")
        if done >= total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    return draw


if __name__ == "__main__":
    sys.exit(main())
