"""The `kb users`, `kb audit` and `kb backup` commands, and who is acting on a command line.

The acting user comes from `--user NAME` (else $KB_USER); the password from $KB_PASSWORD,
else a prompt on the terminal. A library without users needs neither.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from typing import Any

from kb.errors import AccessDenied, InvalidInput

ADMIN_COMMANDS = {"users", "audit", "backup"}


def add_user_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--user", metavar="NAME",
                        help="act as this user (default: $KB_USER); password from "
                             "$KB_PASSWORD, else asked on the terminal")


def add_commands(commands: Any, common: argparse.ArgumentParser) -> None:
    users = commands.add_parser("users",
                                help="add, remove or list users; change a password or role")
    actions = users.add_subparsers(dest="users_action", required=True, metavar="ACTION",
                                   help="add, remove, list, passwd or role")
    add = actions.add_parser("add", parents=[common], help="add a user (the first: an admin)")
    add.add_argument("name", metavar="NAME", help="the new user's name")
    add.add_argument("--role", choices=["reader", "reviewer", "admin"], default="reader",
                     help="reader: published documents; reviewer: restricted too; admin: also "
                          "ingest, remove and users (default reader)")
    remove = actions.add_parser("remove", parents=[common], help="remove a user")
    remove.add_argument("name", metavar="NAME", help="the user to remove")
    actions.add_parser("list", parents=[common], help="the users and their roles")
    passwd = actions.add_parser("passwd", parents=[common], help="change a password")
    passwd.add_argument("name", metavar="NAME", help="whose password")
    role = actions.add_parser("role", parents=[common], help="change a user's role")
    role.add_argument("name", metavar="NAME", help="whose role")
    role.add_argument("role", choices=["reader", "reviewer", "admin"], help="the new role")

    audit = commands.add_parser("audit", parents=[common],
                                help="who opened, downloaded, searched into or removed a "
                                     "restricted document, and when (admin)")
    audit.add_argument("--limit", type=int, default=200, metavar="N",
                       help="how many entries, latest first (default 200)")
    audit.add_argument("--of", dest="of_user", metavar="NAME", help="one user's entries only")
    audit.add_argument("--doc", metavar="DOC_ID", help="one document's entries only")
    audit.add_argument("--action", help="one action only (search, open, download, remove, ...)")

    backup = commands.add_parser("backup", parents=[common],
                                 help="a consistent copy of the library's database (admin)")
    backup.add_argument("destination", metavar="DEST", help="a new file, or a folder")


def credentials(args: argparse.Namespace) -> tuple[str | None, str | None]:
    """The acting user's name and password, or (None, None) when none is named."""
    name = getattr(args, "user", None) or os.environ.get("KB_USER") or None
    if name is None:
        return None, None
    password = os.environ.get("KB_PASSWORD")
    if password is None:
        if not sys.stdin.isatty():
            raise AccessDenied(f"a password for {name} is needed: set KB_PASSWORD or run kb "
                               "on a terminal")
        password = getpass.getpass(f"kb password for {name}: ")
    return name, password


def new_password(name: str) -> str:
    """A new password: $KB_NEW_PASSWORD, else asked twice on the terminal."""
    given = os.environ.get("KB_NEW_PASSWORD")
    if given is not None:
        return given
    if not sys.stdin.isatty():
        raise InvalidInput(f"a new password for {name} is needed: set KB_NEW_PASSWORD or run "
                           "kb on a terminal")
    first = getpass.getpass(f"new password for {name}: ")
    if first != getpass.getpass("again: "):
        raise InvalidInput("the two passwords differ")
    return first


def run_admin(args: argparse.Namespace, settings: Any) -> Any:
    from kb.knowledge_base import KnowledgeBase

    name, password = credentials(args)
    create = args.command == "users" and args.users_action == "add"
    with KnowledgeBase.open(settings=settings, create=create, user=name,
                            password=password) as kb:
        if args.command == "audit":
            entries = kb.audit(args.limit, args.of_user, args.doc, args.action)
            return {"entries": [entry.to_dict() for entry in entries]}
        if args.command == "backup":
            return {"backup": str(kb.backup(args.destination))}
        return _users(kb, args)


def _users(kb: Any, args: argparse.Namespace) -> Any:
    action = args.users_action
    if action == "list":
        return {"users": [user.to_dict() for user in kb.users()]}
    if action == "add":
        return {"added": kb.add_user(args.name, args.role, new_password(args.name)).to_dict()}
    if action == "remove":
        return {"removed": kb.remove_user(args.name).to_dict()}
    if action == "passwd":
        return {"changed": kb.set_password(args.name, new_password(args.name)).to_dict()}
    if action == "role":
        return {"changed": kb.set_role(args.name, args.role).to_dict()}
    raise AssertionError(action)
