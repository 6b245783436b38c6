"""SIGKILL in the middle of a save: the database stays consistent, no half contact."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

from sqlalchemy.engine import make_url

from storage import events
from storage.backup import check_klick_database
from storage.db import Database
from tests.conftest import REPO_ROOT
from tests.load.harness import stored_captures
from tests.pages.conftest import local_owner_id


def start_child(database: Database, then: str, committed: int) -> subprocess.Popen[str]:
    owner_id = local_owner_id(database)
    with database.write() as session:
        event = events.create_event(session, owner_id, name="Kill test", held_on=date.today())
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.faults.killed_writer",
            database.url,
            str(owner_id),
            str(event.id),
            f"--committed={committed}",
            f"--then={then}",
        ],
        cwd=REPO_ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )


def read_until(child: subprocess.Popen[str], done: object, timeout_s: float = 600) -> list[str]:
    """The child's lines until `done(lines)` holds."""
    assert child.stdout is not None
    lines: list[str] = []
    deadline = time.monotonic() + timeout_s
    while not done(lines):  # type: ignore[operator]
        assert time.monotonic() < deadline, f"child said only {lines}"
        line = child.stdout.readline()
        assert line, f"child ended early ({child.poll()}): {lines}"
        lines.append(line.strip())
    return lines


def kill(child: subprocess.Popen[str]) -> list[str]:
    os.kill(child.pid, signal.SIGKILL)
    rest, _ = child.communicate(timeout=300)
    assert child.returncode == -signal.SIGKILL
    return rest.splitlines()


def assert_consistent(database: Database) -> list[str]:
    """No half capture, no photo torn, every contact complete; returns the stored photos."""
    if database.is_sqlite:
        database.dispose()  # the parent's connections reopen the file after the kill
        check_klick_database(Path(str(make_url(database.url).database)))
    stored = stored_captures(database.url)
    assert stored.half_captures == 0 and stored.bad_photos == 0
    # Each save is one transaction: a contact exists with its card and answers, or not at all.
    assert stored.contacts == stored.cards == stored.answered
    return stored.shas


def committed(lines: list[str]) -> list[str]:
    return [line.split()[1] for line in lines if line.startswith("committed ")]


def test_a_writer_killed_inside_its_transaction_leaves_only_whole_saves(
    database: Database,
) -> None:
    child = start_child(database, "pause", committed=3)
    lines = read_until(child, lambda seen: "inside" in seen)
    kill(child)
    shas = assert_consistent(database)
    assert sorted(shas) == sorted(committed(lines)) and len(shas) == 3


def test_a_writer_killed_at_a_random_moment_leaves_only_whole_saves(
    database: Database,
) -> None:
    reported: set[str] = set()
    for kills in range(1, 4):
        child = start_child(database, "loop", committed=0)
        lines = read_until(child, lambda seen: len(committed(seen)) >= 3)
        time.sleep(random.uniform(0, 0.2))
        lines += kill(child)
        reported |= set(committed(lines))
        shas = set(assert_consistent(database))
        # Every save reported is there; unreported at most the one each child was making.
        assert reported <= shas and len(shas - reported) <= kills
