"""Plain-text rendering of command results for a terminal (the --json output is the contract)."""

from __future__ import annotations

import json
from typing import Any


def cite(item: dict[str, Any]) -> str:
    page = f", p. {item['page']}" if item.get("page") else ""
    period = f" ({item['period']})" if item.get("period") else ""
    return f"{item.get('title', item.get('doc_id', '?'))}{period}{page}"


def render(command: str, data: dict[str, Any]) -> str:
    renderer = {"search": _search, "ingest": _ingest, "docs": _docs, "ask": _ask,
                "check": _check, "reuse": _reuse, "themes": _themes}.get(command)
    return renderer(data) if renderer else json.dumps(data, indent=2, ensure_ascii=False)


def _search(data: dict[str, Any]) -> str:
    lines = []
    if data.get("corrections"):
        lines.append(f"searched for: {data['searched']}")
    if not data["results"]:
        lines.append("no matching passages")
    for hit in data["results"]:
        section = f" - {hit['section']}" if hit.get("section") else ""
        lines.append(f"{hit['rank']:>2}. {cite(hit)}{section}")
        lines.append(f"    {hit['snippet']}")
    lines.append(f"({len(data['results'])} results, {data['took_ms']:.0f} ms, {data['mode']})")
    return "\n".join(lines)


def _ingest(data: dict[str, Any]) -> str:
    lines = [f"added {len(data['added'])}, updated {len(data['updated'])}, unchanged "
             f"{len(data['unchanged'])}, removed {len(data['removed'])}, failed "
             f"{len(data['failed'])}; library: {data['documents']} documents, "
             f"{data['passages']} passages ({data['took_ms'] / 1000:.1f} s)"]
    lines.extend(f"failed: {item['error']}" for item in data["failed"])
    return "\n".join(lines)


def _docs(data: dict[str, Any]) -> str:
    rows = [f"{d['doc_id']:<40} {d['period'] or '-':<8} {d['doc_type']:<17} "
            f"{d['pages'] or '-':>4} p {d['passages']:>4} passages {d['access']:<10} {d['title']}"
            for d in data["documents"]]
    return "\n".join(rows) if rows else "the library is empty: run `kb ingest corpus/`"


def _ask(data: dict[str, Any]) -> str:
    if not data.get("answer_found"):
        lines = ["not found in the library. Closest passages:"]
        lines.extend(f"  - {cite(p)}: {p['text'][:160]}..." for p in data.get("passages", [])[:3])
        return "\n".join(lines)
    lines = [data["answer"], ""]
    lines.extend(f"  [{n}] {cite(c)}: \"{c['quote']}\"" for n, c in
                 enumerate(data.get("citations", []), start=1))
    return "\n".join(lines)


def _check(data: dict[str, Any]) -> str:
    lines = [f"{data['verdict'].upper()}: {data['explanation']}"]
    lines.extend(f"  - {cite(e)}: \"{e.get('quote', '')}\"" for e in data.get("evidence", [])[:3])
    return "\n".join(lines)


def _reuse(data: dict[str, Any]) -> str:
    lines = []
    for item in data["paragraphs"]:
        source = f" <- {cite(item['source'])}" if item.get("source") else ""
        lines.append(f"{item['index']:>3}. {item['kind']:<10} {item['similarity']:.2f}{source}")
        lines.append(f"     {item['text'][:100]}")
    return "\n".join(lines)


def _themes(data: dict[str, Any]) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False)
