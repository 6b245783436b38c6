"""`python -m storage`: upgrade the schema, back up the database."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from storage.backup import BackupError, backup_sqlite
from storage.db import open_database
from storage.settings import load_settings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m storage", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("upgrade", help="apply all migrations to the configured database")
    backup = commands.add_parser("backup", help="consistent copy of the live SQLite database")
    backup.add_argument("path", type=Path, help="file to write (must not exist yet)")
    args = parser.parse_args(argv)
    settings = load_settings()

    if args.command == "upgrade":
        database = open_database(settings.database_url)
        database.dispose()
        print("Database is up to date.")
        return 0
    try:
        target = backup_sqlite(settings.database_url, args.path)
    except BackupError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"Backup written to {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
