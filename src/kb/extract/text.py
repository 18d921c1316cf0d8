"""Plain text and Markdown reader: hard-wrapped paragraphs joined, Markdown marks dropped."""

from __future__ import annotations

import re
from pathlib import Path

from kb.extract import RawDocument

MD_HEADING = re.compile(r"^#{1,6}\s+")
MD_BULLET = re.compile(r"^\s*[*+-]\s+")


def decode(path: Path) -> str:
    data = path.read_bytes()
    if b"\x00" in data[:4096]:
        from kb.errors import UnreadableFile

        raise UnreadableFile(f"{path}: binary data, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def read_text(path: Path) -> RawDocument:
    text = decode(path)
    markdown = path.suffix.lower() == ".md"
    blocks: list[str] = []
    title = None
    for chunk in re.split(r"\n\s*\n", text):
        lines = [line.strip() for line in chunk.splitlines() if line.strip()]
        if markdown:
            lines = [_markdown_line(line) for line in lines]
            lines = [line for line in lines if line]
        blocks.extend(_join_wrapped(lines))
    for chunk in text.splitlines():
        if markdown and MD_HEADING.match(chunk):
            title = MD_HEADING.sub("", chunk).strip()
            break
    return RawDocument(pages=["\n".join(blocks)], paged=False, title_hint=title)


def _markdown_line(line: str) -> str:
    if set(line) <= set("-=*_| :"):
        return ""  # rules and table separators
    line = MD_HEADING.sub("", line)
    line = MD_BULLET.sub("• ", line)
    line = re.sub(r"\*\*(.+?)\*\*|__(.+?)__", lambda m: m.group(1) or m.group(2), line)
    line = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", line)
    if line.startswith("|") and line.endswith("|"):
        line = " | ".join(cell.strip() for cell in line.strip("|").split("|"))
    return line


def _join_wrapped(lines: list[str]) -> list[str]:
    """Join the hard-wrapped lines of one paragraph; list items and table rows stay lines."""
    out: list[str] = []
    for line in lines:
        starts_block = line.startswith(("•", "|", ">")) or " | " in line or re.match(
            r"^\d+(\.\d+)*[.)]?\s", line) is not None
        if out and not starts_block and " | " not in out[-1]:
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out
