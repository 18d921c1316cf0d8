"""Safety: checks on a file's container made before any reader parses it.

A DOCX is a zip archive. Its central directory states each entry's inflated size, so a zip bomb
(a few MB that inflate to gigabytes) is refused from the directory alone; and because a
directory can lie, the entries a reader will inflate are also streamed through a counter
that stops at the limit, reading in small blocks, so memory stays flat either way.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from kb.errors import UnreadableFile

MAX_ENTRIES = 2_000  # a real report has tens of parts; thousands is a crafted archive
MAX_INFLATED_BYTES = 200_000_000  # all parts inflated together
MAX_RATIO = 200  # inflated / compressed for one large entry; XML packs ~10-30x
RATIO_FLOOR = 10 * 1024 * 1024  # entries smaller than this may pack as well as they like
BLOCK = 1 << 16


def check_zip_container(path: Path, kind: str = "DOCX") -> None:
    """Refuse an archive with too many entries or too much inflated data, before parsing."""
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
            if len(entries) > MAX_ENTRIES:
                raise UnreadableFile(f"{path}: {kind} with {len(entries)} parts, over the "
                                     f"limit of {MAX_ENTRIES}: not read (a zip bomb?)")
            stated = sum(entry.file_size for entry in entries)
            if stated > MAX_INFLATED_BYTES:
                raise UnreadableFile(_too_big(path, kind, stated))
            for entry in entries:
                if entry.file_size > RATIO_FLOOR and \
                        entry.file_size > MAX_RATIO * max(entry.compress_size, 1):
                    raise UnreadableFile(
                        f"{path}: {kind} part {entry.filename} inflates "
                        f"{entry.file_size // 1_000_000} MB from {entry.compress_size // 1000}"
                        " kB: not read (a zip bomb?)")
            _measure(archive, entries, path, kind)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError):
        raise UnreadableFile(f"{path}: corrupt or not a {kind} file") from None
    except (OSError, RuntimeError) as error:  # RuntimeError: an encrypted entry
        raise UnreadableFile(f"{path}: unreadable {kind} ({error})") from None


def _measure(archive: zipfile.ZipFile, entries: list[zipfile.ZipInfo], path: Path,
             kind: str) -> None:
    """Inflate the XML parts in small blocks and count: a directory's sizes can be forged."""
    total = 0
    for entry in entries:
        if not entry.filename.endswith((".xml", ".rels")):
            continue  # images and fonts are never inflated by the text reader
        with archive.open(entry) as stream:
            while block := stream.read(BLOCK):
                total += len(block)
                if total > MAX_INFLATED_BYTES:
                    raise UnreadableFile(_too_big(path, kind, total))


def _too_big(path: Path, kind: str, size: int) -> str:
    return (f"{path}: {kind} inflates to over {size // 1_000_000} MB, over the limit of "
            f"{MAX_INFLATED_BYTES // 1_000_000} MB: not read (a zip bomb?)")
