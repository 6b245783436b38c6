"""Consistent copies of a live SQLite database, their integrity check, and restoring one."""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.engine import make_url

log = logging.getLogger(__name__)

# Tables a Klick database has from its first migration on; a file without them is not one.
KLICK_TABLES = ("alembic_version", "owners", "contacts", "card_images")
# Rows that make a database worth keeping: a restore never replaces these without --force.
DATA_TABLES = ("contacts", "events")


class BackupError(RuntimeError):
    """A backup or restore that cannot be made; the message is for the user."""


def sqlite_path(url: str) -> Path:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        raise BackupError(
            "Backups by Klick are for its SQLite database; back up PostgreSQL with pg_dump."
        )
    return Path(parsed.database)


def backup_sqlite(url: str, target: Path) -> Path:
    """Copy page by page with SQLite's online backup API: writers may go on meanwhile."""
    source_path = sqlite_path(url)
    if not source_path.is_file():
        raise BackupError(f"There is no database at {source_path} yet.")
    target = target if target.suffix else target / "klick-backup.db"
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        raise BackupError(f"{target} exists already; choose a new file name.")
    partial = target.with_name(target.name + ".partial")
    _copy(source_path, partial)
    check_integrity(partial)
    partial.rename(target)
    return target


def _copy(source_path: Path, destination_path: Path) -> None:
    """SQLite's online backup: a consistent snapshot, the WAL's committed pages included.

    All pages in one step, inside one read transaction: copied in slices, a backup starts
    over whenever another process commits between two slices, which beside steady writers
    on a large database can go on for long. In WAL mode the read does not hold writers up.
    """
    destination_path.unlink(missing_ok=True)
    source = sqlite3.connect(source_path, timeout=30)
    destination = sqlite3.connect(destination_path)
    try:
        source.backup(destination, pages=-1)
        destination.execute("PRAGMA journal_mode = DELETE")
    finally:
        destination.close()
        source.close()


def check_integrity(path: Path) -> None:
    """SQLite's integrity check, and no row pointing at a row that is not there."""
    connection = sqlite3.connect(path)
    try:
        result = connection.execute("PRAGMA integrity_check").fetchone()
        dangling = connection.execute("PRAGMA foreign_key_check").fetchone()
    except sqlite3.DatabaseError as error:  # not a database at all, or unreadable
        raise BackupError(f"{path} is not a readable SQLite database: {error}") from error
    finally:
        connection.close()
    if not result or result[0] != "ok":
        raise BackupError(f"{path} failed SQLite's integrity check: {result}")
    if dangling is not None:
        raise BackupError(f"{path} has a row in {dangling[0]} whose {dangling[2]} row is missing.")


def check_klick_database(path: Path) -> None:
    """check_integrity, plus: it is a Klick database and every unanswered capture has its card."""
    check_integrity(path)
    connection = sqlite3.connect(path)
    try:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
        missing = [t for t in KLICK_TABLES if t not in tables]
        if missing:
            raise BackupError(f"{path} is not a Klick database (no {', '.join(missing)} table).")
        # A capture is created with its photo in one transaction: one without is half a save.
        half = connection.execute(
            "SELECT count(*) FROM contacts c WHERE c.answered_at IS NULL AND NOT EXISTS "
            "(SELECT 1 FROM card_images i WHERE i.contact_id = c.id)"
        ).fetchone()[0]
    finally:
        connection.close()
    if half:
        raise BackupError(f"{path} holds {half} unanswered captures without their photo.")


def _holds_data(path: Path) -> bool:
    connection = sqlite3.connect(path, timeout=30)
    try:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
        return any(
            connection.execute(f'SELECT 1 FROM "{table}" LIMIT 1').fetchone()  # noqa: S608
            for table in DATA_TABLES
            if table in tables
        )
    except sqlite3.DatabaseError:
        return True  # unreadable is not "empty": never replace it silently
    finally:
        connection.close()


def _remove_database(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)


@dataclass(frozen=True)
class Restored:
    database: Path
    previous: Path | None  # where the replaced database was kept, if it held anything


def restore_sqlite(url: str, backup: Path, *, force: bool = False) -> Restored:
    """Put a checked backup in place of the SQLite database at `url` (Klick stopped).

    A database that holds contacts or events is replaced only with `force`, and even then it
    is first copied aside as `<name>.before-restore-<UTC time>`, never deleted.
    """
    target = sqlite_path(url)
    if not backup.is_file():
        raise BackupError(f"There is no backup at {backup}.")
    check_klick_database(backup)
    previous: Path | None = None
    if target.exists():
        if _holds_data(target):
            if not force:
                raise BackupError(
                    f"{target} already holds contacts. Stop Klick, then run the restore again "
                    "with --force to replace it (it is kept beside the restored one)."
                )
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
            previous = target.with_name(f"{target.name}.before-restore-{stamp}")
            _copy(target, previous)
        _remove_database(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".restoring")
    _copy(backup, partial)
    check_klick_database(partial)
    partial.rename(target)
    log.info("restored %s into %s", backup, target)
    return Restored(database=target, previous=previous)
