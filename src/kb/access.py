"""Access: the library's users, their roles, and who is acting on a call.

Roles: a reader sees published documents; a reviewer restricted ones too; an admin also
ingests, uploads, removes documents and manages users. A library with no users is a
single-user local library and its one user may do everything (as before users existed).
Passwords are stored as Argon2id hashes (argon2-cffi), never as text.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from typing import Any

from kb.errors import AccessDenied, InvalidInput

ROLES = ("reader", "reviewer", "admin")
NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$")
MIN_PASSWORD = 8


@dataclass(frozen=True)
class User:
    """Who is acting. `local` is the owner of a library that has no users."""

    name: str
    role: str

    @property
    def sees_restricted(self) -> bool:
        return self.role in ("reviewer", "admin")

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "role": self.role}


LOCAL = User("local", "admin")
ANONYMOUS = User("anonymous", "reader")


def _hasher() -> Any:
    from argon2 import PasswordHasher

    return PasswordHasher()


def has_users(connection: sqlite3.Connection) -> bool:
    return connection.execute("SELECT 1 FROM users LIMIT 1").fetchone() is not None


def list_users(connection: sqlite3.Connection) -> list[User]:
    return [User(row[0], row[1]) for row in
            connection.execute("SELECT name, role FROM users ORDER BY name")]


def add_user(connection: sqlite3.Connection, name: str, role: str, password: str) -> User:
    if not NAME.match(name):
        raise InvalidInput(f"user name {name!r}: use letters, digits and . _ @ - (up to 64)")
    _check_role(role)
    _check_password(password)
    try:
        connection.execute("INSERT INTO users (name, role, password_hash) VALUES (?, ?, ?)",
                           (name, role, _hasher().hash(password)))
    except sqlite3.IntegrityError:
        raise InvalidInput(f"user {name!r} exists already: `kb users passwd` changes a "
                           "password") from None
    return User(name, role)


def remove_user(connection: sqlite3.Connection, name: str) -> User:
    user = get_user(connection, name)
    admins = [u for u in list_users(connection) if u.is_admin]
    if user.is_admin and len(admins) == 1 and len(list_users(connection)) > 1:
        raise InvalidInput(f"{name!r} is the last admin: add another admin first")
    connection.execute("DELETE FROM users WHERE name = ?", (name,))
    return user


def set_password(connection: sqlite3.Connection, name: str, password: str) -> User:
    user = get_user(connection, name)
    _check_password(password)
    connection.execute("UPDATE users SET password_hash = ? WHERE name = ?",
                       (_hasher().hash(password), name))
    return user


def set_role(connection: sqlite3.Connection, name: str, role: str) -> User:
    get_user(connection, name)
    _check_role(role)
    connection.execute("UPDATE users SET role = ? WHERE name = ?", (role, name))
    return User(name, role)


def get_user(connection: sqlite3.Connection, name: str) -> User:
    row = connection.execute("SELECT name, role FROM users WHERE name = ?", (name,)).fetchone()
    if row is None:
        raise InvalidInput(f"no user {name!r}: `kb users list` shows them")
    return User(row[0], row[1])


def authenticate(connection: sqlite3.Connection, name: str, password: str) -> User:
    """The user whose name and password these are; AccessDenied (saying no more) if not."""
    from argon2.exceptions import InvalidHashError, VerificationError

    row = connection.execute("SELECT name, role, password_hash FROM users WHERE name = ?",
                             (name,)).fetchone()
    hasher = _hasher()
    if row is None:
        # hash anyway, so the time taken does not tell which user names exist
        hasher.hash(password or "-")
        raise AccessDenied("wrong user name or password")
    try:
        hasher.verify(row[2], password)
    except (VerificationError, InvalidHashError):
        raise AccessDenied("wrong user name or password") from None
    if hasher.check_needs_rehash(row[2]):
        connection.execute("UPDATE users SET password_hash = ? WHERE name = ?",
                           (hasher.hash(password), name))
    return User(row[0], row[1])


def _check_role(role: str) -> None:
    if role not in ROLES:
        raise InvalidInput(f"role {role!r} is not one of {', '.join(ROLES)}")


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise InvalidInput(f"a password needs at least {MIN_PASSWORD} characters")
