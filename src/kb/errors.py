"""Domain errors: each message names what failed, where, and what to do next."""

from __future__ import annotations


class KBError(Exception):
    """Base of every error kb raises on purpose; the CLI prints it as one line."""


class IndexNotFound(KBError):
    """No library at the given folder."""


class IndexMismatch(KBError):
    """The library was built by another schema or embedding model."""


class UnreadableFile(KBError):
    """A file could not be turned into text."""


class DocumentNotFound(KBError):
    """A document named by the caller is not in the library."""


class InvalidInput(KBError):
    """An argument the caller gave cannot be used."""


class AccessDenied(KBError):
    """The acting user's role does not allow what was asked, or a login failed."""


class DamagedIndex(KBError):
    """A file of the index folder is damaged and cannot be read."""
