"""`python -m storage`: upgrade and a consistent backup of a live SQLite database.

The CLI runs in-process through its `main(argv)`; one test runs it as a user does.
"""

from __future__ import annotations

import sqlite3
import subprocess
import threading
from datetime import date
from pathlib import Path

import pytest

from storage import events, owners
from storage.backup import BackupError, backup_sqlite, check_integrity
from storage.db import Database
from storage.settings import load_settings
from tests.support import call_cli, run_cli


def _cli(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    return call_cli("storage", *args, data_dir=data_dir)


def test_upgrade_creates_the_database_in_the_data_dir(tmp_path: Path) -> None:
    """The one run of `python -m storage` in a process of its own, as a user runs it."""
    result = run_cli("storage", "upgrade", data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "up to date" in result.stdout
    tables = sqlite3.connect(tmp_path / "klick.db").execute(
        "SELECT name FROM sqlite_master WHERE type='table'"
    )
    assert {"owners", "events", "contacts", "card_images"} <= {row[0] for row in tables}


def test_backup_while_a_writer_is_busy_holds_every_committed_row(
    sqlite_database: Database, tmp_path: Path
) -> None:
    with sqlite_database.write() as session:
        owner_id = owners.create_owner(session, "me").id
    stop = threading.Event()

    def keep_writing() -> None:
        n = 0
        while not stop.is_set():
            with sqlite_database.write() as session:
                events.create_event(session, owner_id, name=f"e{n}", held_on=date(2026, 1, 1))
            n += 1

    writer = threading.Thread(target=keep_writing)
    writer.start()
    try:
        with sqlite_database.write() as session:
            events.create_event(session, owner_id, name="before", held_on=date(2026, 1, 1))
        target = backup_sqlite(sqlite_database.url, tmp_path / "copies" / "backup.db")
    finally:
        stop.set()
        writer.join()
    check_integrity(target)
    copy = Database(f"sqlite:///{target}")
    try:
        with copy.read() as session:
            names = {e.name for e in events.list_events(session, owner_id, limit=100_000)}
    finally:
        copy.dispose()
    assert "before" in names


def test_backup_cli_refuses_to_overwrite(tmp_path: Path) -> None:
    assert _cli("upgrade", data_dir=tmp_path).returncode == 0
    first = _cli("backup", str(tmp_path / "b.db"), data_dir=tmp_path)
    assert first.returncode == 0 and "Backup written" in first.stdout
    second = _cli("backup", str(tmp_path / "b.db"), data_dir=tmp_path)
    assert second.returncode == 1 and "exists already" in second.stderr


def test_backup_of_postgres_points_to_pg_dump(tmp_path: Path) -> None:
    with pytest.raises(BackupError, match="pg_dump"):
        backup_sqlite("postgresql+psycopg://u@h/db", tmp_path / "x.db")


def test_settings_default_to_sqlite_in_the_data_dir(tmp_path: Path) -> None:
    settings = load_settings({"KLICK_DATA_DIR": str(tmp_path), "KLICK_REGION": "br"})
    assert settings.database_url == f"sqlite:///{tmp_path / 'klick.db'}"
    assert settings.region == "BR" and settings.follow_up_hours == 48
    assert load_settings({"KLICK_DATABASE_URL": "postgresql+psycopg://x"}).database_url == (
        "postgresql+psycopg://x"
    )
