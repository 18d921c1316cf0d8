"""Plain-text rendering of command results for a terminal (the --json output is the contract).

kb marks a key phrase with **…** in some strings (an answer's figure); on a terminal that becomes
bold, and when the output is piped or redirected the markers are dropped, never printed.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

BOLD, DIM, RED, GREEN, RESET = "\033[1m", "\033[2m", "\033[31m", "\033[32m", "\033[0m"


class Style:
    """ANSI styling on a terminal, nothing otherwise."""

    def __init__(self, color: bool) -> None:
        self.color = color

    def wrap(self, text: str, code: str) -> str:
        return f"{code}{text}{RESET}" if self.color and text else text

    def bold(self, text: str) -> str:
        return self.wrap(text, BOLD)

    def dim(self, text: str) -> str:
        return self.wrap(text, DIM)

    def emphasis(self, text: str) -> str:
        """kb's **key phrase** markers as bold, or dropped; a document's own unbalanced
        asterisks stay as they are."""
        parts = text.split("**")
        if len(parts) % 2 == 0:
            return text
        return "".join(self.bold(part) if odd else part
                       for odd, part in ((i % 2 == 1, p) for i, p in enumerate(parts)))


def cite(item: dict[str, Any]) -> str:
    page = f", p. {item['page']}" if item.get("page") else ""
    if item.get("page") and (item.get("page_end") or item["page"]) > item["page"]:
        page = f", pp. {item['page']}-{item['page_end']}"  # a quote a page break runs over
    period = f" ({item['period']})" if item.get("period") else ""
    restricted = " [RESTRICTED]" if item.get("access") == "restricted" else ""
    return f"{item.get('title', item.get('doc_id', '?'))}{period}{page}{restricted}"


def render(command: str, data: dict[str, Any], color: bool = False) -> str:
    renderers: dict[str, Callable[[dict[str, Any], Style], str]] = {
        "search": _search, "ingest": _ingest, "docs": _docs, "ask": _ask, "check": _check,
        "reuse": _reuse, "themes": _themes}
    renderer = renderers.get(command)
    if renderer is None:
        return json.dumps(data, indent=2, ensure_ascii=False)
    return renderer(data, Style(color))


def _search(data: dict[str, Any], style: Style) -> str:
    lines = []
    if data.get("corrections"):
        lines.append(f"searched for: {data['searched']}")
    if data.get("note"):
        lines.append(style.dim(data["note"]))
    if not data["results"] and not data.get("note"):
        lines.append("no matching passages")
    for hit in data["results"]:
        section = f" - {hit['section']}" if hit.get("section") else ""
        lines.append(f"{hit['rank']:>2}. {style.bold(cite(hit))}{section}")
        lines.append(f"    {hit['snippet']}")
    lines.append(style.dim(f"({len(data['results'])} results, {data['took_ms']:.0f} ms, "
                           f"{data['mode']})"))
    return "\n".join(lines)


def _ingest(data: dict[str, Any], style: Style) -> str:
    lines = [f"added {len(data['added'])}, updated {len(data['updated'])}, unchanged "
             f"{len(data['unchanged'])}, removed {len(data['removed'])}, failed "
             f"{len(data['failed'])}; library: {data['documents']} documents, "
             f"{data['passages']} passages ({data['took_ms'] / 1000:.1f} s)"]
    lines.extend(f"failed: {item['error']}" for item in data["failed"])
    return "\n".join(lines)


def _docs(data: dict[str, Any], style: Style) -> str:
    rows = [f"{d['doc_id']:<40} {d['period'] or '-':<8} {d['doc_type']:<17} "
            f"{d['pages'] or '-':>4} p {d['passages']:>4} passages {d['access']:<10} {d['title']}"
            for d in data["documents"]]
    return "\n".join(rows) if rows else "the library is empty: run `kb ingest corpus/`"


def _ask(data: dict[str, Any], style: Style) -> str:
    if not data.get("answer_found"):
        lines = ["not found in the library. Closest passages:"]
        lines.extend(f"  - {cite(p)}: {p['text'][:160]}..." for p in data.get("passages", [])[:3])
        return "\n".join(lines)
    lines = [style.emphasis(data.get("marked") or data["answer"]), ""]
    lines.extend(f"  [{n}] {cite(c)}: \"{c['quote']}\"" for n, c in
                 enumerate(data.get("citations", []), start=1))
    return "\n".join(lines)


def _check(data: dict[str, Any], style: Style) -> str:
    verdict = data["verdict"].replace("_", " ").upper()
    code = {"supported": GREEN, "contradicted": RED}.get(data["verdict"], BOLD)
    lines = [f"{style.wrap(verdict, code)}: {style.emphasis(data['explanation'])}"]
    lines.extend(f"  - {cite(e)}: \"{e.get('quote', '')}\"" for e in data.get("evidence", [])[:3])
    return "\n".join(lines)


def _reuse(data: dict[str, Any], style: Style) -> str:
    lines = []
    for item in data["paragraphs"]:
        source = f" <- {cite(item['source'])}" if item.get("source") else ""
        kind = style.bold(f"{item['kind']:<10}")
        lines.append(f"{item['index']:>3}. {kind} {item['similarity']:.2f}{source}")
        lines.append(f"     {item['text'][:100]}")
        if item.get("source") and item["kind"] != "new":
            lines.extend(f"       {_change(change, style)}" for change in item.get("changes", []))
        lines.extend(f"       ! {figure['text']} unchanged from the source"
                     for figure in item.get("stale_figures") or [])
    counts = data.get("counts") or {}
    if counts:
        lines.append(style.dim(", ".join(f"{kind} {n}" for kind, n in counts.items())))
    return "\n".join(lines)


def _change(change: dict[str, str], style: Style) -> str:
    """One word-level edit: `- old words` / `+ new words` / `old -> new`."""
    old, new = change.get("source", ""), change.get("draft", "")
    if old and new:
        return f"~ {style.wrap(old, RED)} -> {style.wrap(new, GREEN)}"
    if old:
        return f"- {style.wrap(old, RED)}"
    return f"+ {style.wrap(new, GREEN)}"


def _themes(data: dict[str, Any], style: Style) -> str:
    periods = data.get("periods") or []
    width = max([len(t["term"]) for t in data["themes"]] + [5])
    lines = [style.bold(f"{'theme':<{width}}  " + " ".join(f"{p:>8}" for p in periods)
                        + "   total")]
    for theme in data["themes"]:
        counts = " ".join(f"{theme['by_period'].get(p, 0):>8}" for p in periods)
        lines.append(f"{theme['term']:<{width}}  {counts}   {theme['total']:>5}")
        if theme.get("searched") and theme["searched"] != theme["term"]:
            lines.append(style.dim(f"{'':<{width}}  searched for: {theme['searched']}"))
    return "\n".join(lines)
