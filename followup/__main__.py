"""`python -m followup ics [--out FILE] [--user NAME]`: due follow-ups as a calendar file."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from followup.queue_service import due_calendar
from storage import owners
from storage.db import open_database
from storage.settings import load_settings


class UnknownUserError(LookupError):
    """No account with this user name."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m followup", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    ics = commands.add_parser(
        "ics", help="queued follow-ups as an .ics calendar, each with a reminder"
    )
    ics.add_argument("--out", type=Path, help="write to this file (default: standard output)")
    ics.add_argument(
        "--user",
        default=owners.LOCAL_USERNAME,
        help=f"whose follow-ups (default: the local user, {owners.LOCAL_USERNAME!r})",
    )
    ics.add_argument(
        "--language", choices=("en", "de"), help="language of the entries (default: settings)"
    )
    return parser


def calendar_for(username: str, language: str | None) -> bytes:
    settings = load_settings()
    database = open_database(settings.database_url)
    try:
        with database.read() as session:
            owner = owners.find_owner(session, username)
        if owner is None:
            if username != owners.LOCAL_USERNAME:
                raise UnknownUserError(username)
            owner_id = -1  # the local user has not opened Klick yet: nothing is due
        else:
            owner_id = owner.id
        return due_calendar(database, owner_id, language=language or settings.language or "en")
    finally:
        database.dispose()


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        ics = calendar_for(args.user, args.language)
    except UnknownUserError:
        print(f"no such user: {args.user}", file=sys.stderr)
        return 2
    if args.out is None:
        sys.stdout.buffer.write(ics)
        sys.stdout.flush()
    else:
        args.out.write_bytes(ics)
    return 0


if __name__ == "__main__":
    sys.exit(main())
