"""`python -m storage backup` while writers save, then `restore`: every earlier capture is back."""

from __future__ import annotations

import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from capture import intake
from storage.backup import check_klick_database
from storage.db import Database
from tests.load.harness import (
    go,
    prepare_owner,
    start_writers,
    stop_writers,
    stored_captures,
)
from tests.load.writer import save_one, tiny_photo
from tests.support import call_cli


def storage_cli(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    """In-process (tests/storage/test_backup_and_cli.py runs the CLI as a process once)."""
    return call_cli("storage", *args, data_dir=data_dir)


def url_in(data_dir: Path) -> str:
    return f"sqlite:///{data_dir / 'klick.db'}"


def wait_for_captures(url: str, at_least: int, timeout_s: float = 600) -> None:
    deadline = time.monotonic() + timeout_s
    while stored_captures(url).cards < at_least:
        assert time.monotonic() < deadline, "the writers do not get going"
        time.sleep(0.2)


@pytest.mark.slow
def test_backup_while_writers_save_then_restore_holds_every_earlier_capture(
    tmp_path: Path,
) -> None:
    live, restored_dir = tmp_path / "live", tmp_path / "restored"
    owner_id, event_id = prepare_owner(url_in(live))
    # Some 8 MB of photos first, so that the copy spans many pages while the writers commit.
    database = Database(url_in(live))
    try:
        for number in range(4):
            intake.store_photo(
                database,
                owner_id,
                event_id=event_id,
                photo=tiny_photo(100, number) * 700,
                photo_type="image/jpeg",
            )
    finally:
        database.dispose()
    writers = start_writers(
        url_in(live), owner_id, event_id, tmp_path, writers=4, captures=0
    )  # 0: until stopped
    try:
        go(writers)
        wait_for_captures(url_in(live), 200)
        before = set(stored_captures(url_in(live)).shas)  # committed before the backup starts
        backup = storage_cli("backup", str(tmp_path / "copies" / "klick.db"), data_dir=live)
        during = stored_captures(url_in(live)).cards
        wait_for_captures(url_in(live), during + 1)  # and they go on afterwards
    finally:
        stop_writers(writers)
    assert backup.returncode == 0, backup.stderr
    outputs = [w.output.read_text() for w in writers]
    assert not [line for out in outputs for line in out.splitlines() if line.startswith("error")]
    after = set(stored_captures(url_in(live)).shas)
    assert len(after) > during >= len(before), "the writers were not busy around the backup"

    result = storage_cli("restore", str(tmp_path / "copies" / "klick.db"), data_dir=restored_dir)
    assert result.returncode == 0, result.stderr
    assert "passed the integrity check" in result.stdout
    check_klick_database(restored_dir / "klick.db")
    restored = stored_captures(url_in(restored_dir))
    assert before <= set(restored.shas) <= after
    assert restored.bad_photos == 0 and restored.half_captures == 0
    assert restored.contacts >= restored.cards  # a capture in mid-save is whole or absent
    # The restored database is one the app opens and writes to.
    assert storage_cli("upgrade", data_dir=restored_dir).returncode == 0


def make_backup(tmp_path: Path, captures: int) -> tuple[Path, set[str]]:
    """A data dir with `captures` saved captures, and its backup."""
    source = tmp_path / f"source-{captures}"
    owner_id, event_id = prepare_owner(url_in(source))
    database = Database(url_in(source))
    try:
        for number in range(captures):
            save_one(database, owner_id, event_id, 99, number)
    finally:
        database.dispose()
    target = tmp_path / f"backup-{captures}.db"
    assert storage_cli("backup", str(target), data_dir=source).returncode == 0
    return target, set(stored_captures(url_in(source)).shas)


def test_restore_replaces_a_database_with_contacts_only_with_force(tmp_path: Path) -> None:
    backup, backup_shas = make_backup(tmp_path, 3)
    live = tmp_path / "live"
    _other_backup, live_shas = make_backup(tmp_path, 5)
    live.mkdir()
    (tmp_path / "source-5" / "klick.db").rename(live / "klick.db")

    refused = storage_cli("restore", str(backup), data_dir=live)
    assert refused.returncode == 1
    assert "already holds contacts" in refused.stderr and "--force" in refused.stderr
    assert set(stored_captures(url_in(live)).shas) == live_shas

    forced = storage_cli("restore", str(backup), "--force", data_dir=live)
    assert forced.returncode == 0, forced.stderr
    assert set(stored_captures(url_in(live)).shas) == backup_shas
    kept = list(live.glob("klick.db.before-restore-*"))
    assert len(kept) == 1 and f"kept as {kept[0]}" in forced.stdout
    assert set(stored_captures(f"sqlite:///{kept[0]}").shas) == live_shas


def test_restore_into_an_empty_database_needs_no_force(tmp_path: Path) -> None:
    backup, backup_shas = make_backup(tmp_path, 2)
    fresh = tmp_path / "fresh"
    assert storage_cli("upgrade", data_dir=fresh).returncode == 0
    result = storage_cli("restore", str(backup), data_dir=fresh)
    assert result.returncode == 0, result.stderr
    assert set(stored_captures(url_in(fresh)).shas) == backup_shas
    assert not list(fresh.glob("klick.db.before-restore-*"))


def test_restore_refuses_a_damaged_or_foreign_backup(tmp_path: Path) -> None:
    live = tmp_path / "live"
    prepare_owner(url_in(live))
    before = stored_captures(url_in(live))

    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"SQLite format 3\0" + tiny_photo(1, 1) * 50)
    foreign = tmp_path / "foreign.db"
    sqlite3.connect(foreign).execute("CREATE TABLE notes (text TEXT)").connection.close()
    half, _ = make_backup(tmp_path, 2)
    with sqlite3.connect(half) as connection:  # a capture whose photo is missing
        connection.execute("UPDATE contacts SET answered_at = NULL")
        connection.execute("DELETE FROM card_images WHERE id = (SELECT min(id) FROM card_images)")
    for bad, words in (
        (garbage, "not a readable SQLite database"),
        (foreign, "not a Klick database"),
        (half, "without their photo"),
        (tmp_path / "missing.db", "no backup"),
    ):
        result = storage_cli("restore", str(bad), "--force", data_dir=live)
        assert result.returncode == 1 and words in result.stderr, (bad, result.stderr)
    assert stored_captures(url_in(live)) == before
    check_klick_database(live / "klick.db")
