"""Uploads from the app: checked, saved under generated names in the index, then ingested.

Each file goes in a folder of its own with a generated name, under its own file name made safe
(no folders, no leading dots, only plain characters), so the document ID and the fallback title
come from the name the user gave. A file that fails to ingest is deleted again, so a failed
upload leaves the library as it was.
"""

from __future__ import annotations

import json
import os
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from kb import KnowledgeBase
from kb.access import User
from kb.errors import InvalidInput

ALLOWED_SUFFIXES = (".pdf", ".docx", ".html", ".htm", ".txt", ".md")
MAX_UPLOAD_BYTES = 50 * 1024 * 1024
NAMES_FILE = "names.json"


@dataclass
class UploadResult:
    added: list[str] = field(default_factory=list)  # original names
    updated: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (original name, reason)


def uploads_folder(index_dir: Path) -> Path:
    return Path(index_dir).resolve() / "uploads"


def check_upload(name: str, size: int) -> str:
    """The file's lower-case suffix if the type and size are allowed, else InvalidInput."""
    suffix = Path(name).suffix.lower()
    if suffix not in ALLOWED_SUFFIXES:
        raise InvalidInput(f"{name}: type {suffix or '(none)'} is not one of "
                           f"{', '.join(ALLOWED_SUFFIXES)}")
    if size == 0:
        raise InvalidInput(f"{name}: empty file")
    if size > MAX_UPLOAD_BYTES:
        raise InvalidInput(f"{name}: {size / 1e6:.1f} MB is over the "
                           f"{MAX_UPLOAD_BYTES // (1024 * 1024)} MB limit")
    return suffix


def safe_name(name: str, suffix: str) -> str:
    """The last part of an uploaded file's name, reduced to characters safe in a path."""
    stem = Path(name.replace("\\", "/")).name[: -len(suffix) or None] if name else ""
    stem = re.sub(r"[^\w.()\- ]+", "-", stem, flags=re.ASCII).strip(" .-")[:80]
    return f"{stem or 'upload'}{suffix}"


def save_upload(name: str, data: bytes, folder: Path) -> Path:
    """Write `data` as <folder>/<generated>/<safe name>: the user's name, never their path."""
    suffix = check_upload(name, len(data))
    target = folder / uuid.uuid4().hex / safe_name(name, suffix)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    partial.write_bytes(data)
    os.replace(partial, target)
    return target


def display_names(index_dir: Path) -> dict[str, str]:
    """Stored file path -> the name it was uploaded as."""
    path = uploads_folder(index_dir) / NAMES_FILE
    try:
        names = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    folder = uploads_folder(index_dir)
    return {str(folder / stored): original for stored, original in names.items()}


def _remember_names(index_dir: Path, saved: dict[Path, str]) -> None:
    folder = uploads_folder(index_dir)
    path = folder / NAMES_FILE
    try:
        names = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        names = {}
    names.update({stored.relative_to(folder).as_posix(): original
                  for stored, original in saved.items()})
    names = {k: v for k, v in names.items() if (folder / k).exists()}
    partial = path.with_name(NAMES_FILE + ".part")
    partial.write_text(json.dumps(names, indent=1, ensure_ascii=False), encoding="utf-8")
    os.replace(partial, path)


def ingest_uploads(index_dir: Path, files: list[tuple[str, bytes]],
                   progress: Callable[[int, int, str], None] | None = None,
                   user: User | None = None) -> UploadResult:
    """Save and ingest uploaded (name, bytes) pairs on a connection of their own, as `user`
    (an admin, when the library has users)."""
    result = UploadResult()
    saved: dict[Path, str] = {}
    folder = uploads_folder(index_dir)
    for name, data in files:
        try:
            saved[save_upload(name, data, folder)] = name
        except InvalidInput as error:
            result.failed.append((name, str(error)))
    if not saved:
        return result
    def named(done: int, total: int, message: str) -> None:
        for stored, original in saved.items():
            message = message.replace(stored.name, original)
        if progress:
            progress(done, total, message)

    try:
        with KnowledgeBase.open(index_dir, user=user) as kb:
            report = kb.ingest(list(saved), progress=named)
    except BaseException:
        _forget(index_dir, saved, user)
        raise
    for failure in report.failed:
        stored = Path(failure.path)
        original = saved.pop(stored, stored.name)
        _delete(stored)
        result.failed.append((original, failure.error.replace(str(stored), original)))
    result.added = [saved[Path(p)] for p in report.added if Path(p) in saved]
    result.updated = [saved[Path(p)] for p in report.updated if Path(p) in saved]
    _remember_names(index_dir, saved)
    return result


def _forget(index_dir: Path, saved: dict[Path, str], user: User | None = None) -> None:
    """Undo an interrupted upload: drop any of its documents already committed, and its files."""
    with KnowledgeBase.open(index_dir, user=user) as kb:
        for stored in saved:
            try:
                kb.remove(str(stored), include_restricted=kb.user.sees_restricted)
            except Exception:  # noqa: BLE001 - not committed: nothing to remove
                pass
            _delete(stored)


def _delete(stored: Path) -> None:
    """An uploaded file and its own folder."""
    stored.unlink(missing_ok=True)
    try:
        stored.parent.rmdir()
    except OSError:  # not empty, or already gone
        pass


def remove_document(kb: KnowledgeBase, doc_id: str, include_restricted: bool = False) -> str:
    """Remove a document; an uploaded original goes too. Returns its title."""
    document = kb.remove(doc_id, include_restricted)
    stored = Path(document.path)
    if uploads_folder(kb.settings.index_dir) in stored.parents:
        _delete(stored)
    return document.title
