"""Plain text and Markdown reader: hard-wrapped paragraphs joined, Markdown marks dropped."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from kb.errors import UnreadableFile
from kb.extract import RawDocument

MD_HEADING = re.compile(r"^#{1,6}\s+")
MD_BULLET = re.compile(r"^\s*[*+-]\s+")
BOMS = [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be")]


def decode(path: Path) -> str:
    """A text file's characters, its encoding told from the file itself: a BOM (UTF-8, UTF-16,
    UTF-32), UTF-16 without one (NULs in every other byte), stray NULs dropped, UTF-8 (a stray
    bad byte replaced, not the whole file read as cp1252), else cp1252."""
    data = path.read_bytes()
    for bom, codec in BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(codec, errors="replace")
    utf16 = _utf16_without_bom(data[:4096])
    if utf16:
        return data.decode(utf16, errors="replace")
    nuls = data.count(b"\x00")
    if nuls > max(8, len(data) // 100) or _control_share(data[:4096]) > 0.05:
        raise UnreadableFile(f"{path}: binary data, not text")
    data = data.replace(b"\x00", b"")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for char in text if ord(char) > 127) - bad
    # valid multi-byte sequences outnumber the bad bytes: UTF-8 with a flaw, not cp1252
    return text if good >= bad else data.decode("cp1252", errors="replace")


def _utf16_without_bom(sample: bytes) -> str | None:
    """UTF-16 text of mostly ASCII has a NUL in nearly every even (BE) or odd (LE) byte."""
    if len(sample) < 8:
        return None
    pairs = len(sample) // 2
    even = sum(1 for i in range(0, 2 * pairs, 2) if sample[i] == 0)
    odd = sum(1 for i in range(1, 2 * pairs, 2) if sample[i] == 0)
    if odd > 0.7 * pairs and even < 0.1 * pairs:
        return "utf-16-le"
    if even > 0.7 * pairs and odd < 0.1 * pairs:
        return "utf-16-be"
    return None


def _control_share(sample: bytes) -> float:
    controls = sum(1 for byte in sample if byte < 32 and byte not in (9, 10, 12, 13, 0))
    return controls / max(len(sample), 1)


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
