"""The `kb` command: parses arguments, makes one call into KnowledgeBase, prints the result.

Read commands go to a running `kb serve` for the same index when there is one (warm: no model
to load), else open the library in this process; both ways give the same JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
from pathlib import Path
from typing import Any

from kb.cli_admin import ADMIN_COMMANDS, add_commands, add_user_option, credentials, run_admin
from kb.errors import InvalidInput, KBError

READ_COMMANDS = {"search", "ask", "check", "reuse", "themes", "docs", "eval", "remove"}
SERVED = {"search", "ask", "check", "reuse", "themes", "docs"}  # kb.service.SERVED


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--index", metavar="DIR",
                        help="index folder (default: $KB_INDEX, else ./index)")
    common.add_argument("--json", action="store_true",
                        help="print one JSON object on stdout and nothing else there")
    add_user_option(common)
    reading = argparse.ArgumentParser(add_help=False)
    reading.add_argument("--include-restricted", action="store_true",
                         help="also show documents marked restricted")
    parser = argparse.ArgumentParser(
        prog="kb", description="A cited knowledge base over a safeguarding partnership's "
        "documents. Exit status: 0 success, 1 user error (one line on stderr), 2 usage error.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    ingest = commands.add_parser("ingest", parents=[common], help="add or update files and folders")
    ingest.add_argument("paths", nargs="+", metavar="PATH",
                        help="a PDF, DOCX, HTML, TXT or MD file, or a folder (read recursively)")
    ingest.add_argument("--progress", choices=["auto", "json", "none"], default="auto",
                        help="auto: a bar on a terminal; json: one JSON line per step on "
                             "stderr (long documents report each stored group)")

    search = commands.add_parser("search", parents=[common, reading], help="search passages")
    search.add_argument("query", metavar="QUERY",
                        help='words or a theme; "quoted phrases" must match as written')
    search.add_argument("--k", type=int, default=10, metavar="N",
                        help="how many passages to return (default 10)")
    search.add_argument("--period", metavar="P", help="reporting year only, e.g. 2021-22")
    search.add_argument("--type", dest="doc_type", metavar="T",
                        help="document type only: annual-report, practice-review, inspection, "
                             "committee-report or other")
    search.add_argument("--mode", choices=["hybrid", "keyword", "semantic"], default="hybrid",
                        help="keyword (exact words), semantic (meaning) or both (default)")

    ask = commands.add_parser("ask", parents=[common, reading], help="answer a question, cited")
    ask.add_argument("question", metavar="QUESTION", help="a question in plain words")
    ask.add_argument("--k", type=int, default=5, metavar="N",
                     help="how many passages to read for the answer (default 5)")

    check = commands.add_parser("check", parents=[common, reading], help="check a claim")
    check.add_argument("claim", metavar="CLAIM",
                       help="a sentence with the figure or fact to check against the library")

    reuse = commands.add_parser("reuse", parents=[common, reading],
                                help="find where a text's paragraphs came from")
    reuse.add_argument("file", nargs="?", metavar="FILE",
                       help="TXT, MD, DOCX or PDF draft, or - to read the text from stdin")
    reuse.add_argument("--between", nargs=2, metavar=("A", "B"),
                       help="compare two documents of the library (A earlier, B later)")

    themes = commands.add_parser("themes", parents=[common, reading],
                                 help="matches per period and document type")
    themes.add_argument("terms", nargs="+", metavar="TERM",
                        help="a theme; quote one of several words, e.g. 'was not brought'")

    commands.add_parser("docs", parents=[common, reading], help="list the documents")

    remove = commands.add_parser("remove", parents=[common, reading],
                                 help="remove a document (a restricted one with "
                                      "--include-restricted)")
    remove.add_argument("doc", metavar="DOC", help="doc_id, file name or path")

    evaluate = commands.add_parser("eval", parents=[common, reading],
                                   help="quality on a labelled set")
    evaluate.add_argument("--set", dest="set_dir", default="tests/eval", metavar="DIR",
                          help="folder of labelled *.jsonl (default tests/eval)")
    evaluate.add_argument("--only", choices=["search", "ask", "check", "reuse"], action="append",
                          help="run only these parts (repeatable)")

    serve = commands.add_parser("serve", parents=[common],
                                help="keep the library open so other kb commands answer warm")
    serve.add_argument("--port", type=int, default=0,
                       help="port on 127.0.0.1 (default: any free port)")
    add_commands(commands, common)
    return parser


def usage_problem(args: argparse.Namespace) -> str | None:
    """What makes the command line unusable beyond what argparse checks, or None."""
    given = vars(args)
    for name in ("query", "question", "claim"):
        if name in given and not given[name].strip():
            return f"{name.upper()} is empty"
    if args.command == "themes" and not any(term.strip() for term in args.terms):
        return "every TERM is empty"
    if "k" in given and args.k < 1:
        return "--k must be 1 or more"
    if args.command == "reuse" and bool(args.file) == bool(args.between):
        return ("give either FILE or --between A B, not both" if args.file
                else "give a FILE, - for stdin, or --between A B")
    return None


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    problem = usage_problem(args)
    if problem:
        print(f"kb {args.command}: {problem} (see `kb {args.command} --help`)", file=sys.stderr)
        return 2
    try:
        result = run(args)
    except KBError as error:
        print(f"kb: {str(error).splitlines()[0] if str(error) else type(error).__name__}",
              file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("kb: interrupted; the library keeps its last committed state", file=sys.stderr)
        return 130
    if result is None:
        return 0
    data = result.to_dict() if hasattr(result, "to_dict") else result
    try:
        if args.json:
            print(json.dumps(data, ensure_ascii=False))
        else:
            from kb.render import render

            print(render(args.command, data, color=_color(sys.stdout)))
        sys.stdout.flush()
    except BrokenPipeError:  # `kb ... | head`: the reader has all it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0


def run(args: argparse.Namespace) -> Any:
    from kb.settings import Settings

    settings = Settings.load(index_dir=args.index)
    if args.command == "ingest":
        return _ingest(args, settings)
    if args.command == "serve":
        return _serve(args, settings)
    if args.command in ADMIN_COMMANDS:
        return run_admin(args, settings)
    user, password = credentials(args)
    if args.command in SERVED:
        # a long draft shows its progress on a terminal (when answered in this process)
        progress = _progress_bar() if args.command == "reuse" and not args.json else None
        return answer(settings, args.command, request_args(args), user, password, progress)
    from kb.knowledge_base import KnowledgeBase

    with KnowledgeBase.open(settings=settings, create=False, user=user,
                            password=password) as kb:
        if args.command == "remove":
            return {"removed": kb.remove(args.doc, args.include_restricted).to_dict()}
        if args.command == "eval":
            from kb.evaluate import evaluate

            return evaluate(kb, Path(args.set_dir), parts=args.only,
                            include_restricted=args.include_restricted)
    raise AssertionError(args.command)


def request_args(args: argparse.Namespace) -> dict[str, Any]:
    """The plain arguments of a read command, as kb.service.execute takes them."""
    request: dict[str, Any] = {"include_restricted": args.include_restricted}
    for name in ("query", "question", "claim", "k", "period", "doc_type", "mode", "terms",
                 "between"):
        if getattr(args, name, None) is not None:
            request[name] = getattr(args, name)
    if args.command == "reuse" and args.file:
        from kb.reuse import read_draft

        request["text"] = sys.stdin.read() if args.file == "-" else read_draft(Path(args.file))
    return request


def answer(settings: Any, command: str, request: dict[str, Any], user: str | None = None,
           password: str | None = None, progress: Any = None) -> dict[str, Any]:
    """A read command's JSON: from the running service for this index, else in-process (always
    in-process for a named user: the service acts as nobody in particular)."""
    from kb.service import call_service, execute, find_service

    service = None if user else find_service(settings.index_dir)
    if service is not None:
        data = call_service(service, command, request)
        if data is not None:
            return data
    from kb.knowledge_base import KnowledgeBase

    with KnowledgeBase.open(settings=settings, create=False, user=user,
                            password=password) as kb:
        return execute(kb, command, request, progress)


def _ingest(args: argparse.Namespace, settings: Any) -> Any:
    """Ingest PATHs; a run that adds nothing to a new index leaves no index behind."""
    from kb.knowledge_base import KnowledgeBase

    for path in args.paths:
        if not Path(path).exists():
            raise InvalidInput(f"{path}: no such file or folder")
    index_dir = Path(settings.index_dir)
    new = not index_dir.exists()
    user, password = credentials(args)
    with KnowledgeBase.open(settings=settings, create=True, user=user, password=password) as kb:
        report = kb.ingest(args.paths, progress=_progress_lines() if args.progress == "json"
                           else None if args.progress == "none" or args.json else _progress_bar())
    if report.documents == 0 and new:
        shutil.rmtree(index_dir, ignore_errors=True)
    if report.added or report.updated or report.unchanged or report.removed:
        return report
    if report.failed:
        more = f" (and {len(report.failed) - 1} more)" if len(report.failed) > 1 else ""
        raise InvalidInput(f"nothing ingested: {report.failed[0].error}{more}")
    raise InvalidInput(f"no PDF, DOCX, HTML, TXT or MD file in {', '.join(args.paths)}")


def _serve(args: argparse.Namespace, settings: Any) -> None:
    from kb.service import Service, serve

    index_dir = Path(settings.index_dir).resolve()

    def ready(service: Service) -> None:
        if args.json:
            print(json.dumps({"serving": str(index_dir), "address": "127.0.0.1",
                              "port": service.port, "pid": service.pid}), flush=True)
        else:
            print(f"kb: serving {index_dir} on 127.0.0.1:{service.port} (pid {service.pid}); "
                  "kb commands for this index now answer warm. Ctrl-C stops it.",
                  file=sys.stderr, flush=True)

    serve(settings, port=args.port, ready=ready)


def _color(stream: Any) -> bool:
    """Bold and colour on a terminal only; NO_COLOR switches them off (no-color.org)."""
    return bool(stream.isatty()) and not os.environ.get("NO_COLOR")


def _progress_lines() -> Any:
    """`--progress json`: progress as JSON lines on stderr, for a program that drives kb
    (stdout keeps its one object)."""

    def report(done: int, total: int, message: str) -> None:
        sys.stderr.write(json.dumps({"progress": {"done": done, "total": total,
                                                  "message": message}}) + "\n")
        sys.stderr.flush()

    return report


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
