"""Consistent copies of a live SQLite database, and their integrity check."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy.engine import make_url


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
    source = sqlite3.connect(source_path, timeout=30)
    destination = sqlite3.connect(partial)
    try:
        source.backup(destination, pages=1024)
        destination.execute("PRAGMA journal_mode = DELETE")
    finally:
        destination.close()
        source.close()
    check_integrity(partial)
    partial.rename(target)
    return target


def check_integrity(path: Path) -> None:
    connection = sqlite3.connect(path)
    try:
        result = connection.execute("PRAGMA integrity_check").fetchone()
    finally:
        connection.close()
    if not result or result[0] != "ok":
        raise BackupError(f"{path} failed SQLite's integrity check: {result}")
