"""Eight writer processes, 300 captures each, one database: every photo arrives, exactly once."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import POSTGRES_ENV
from tests.load.harness import fresh_postgres, run_writers, stored_captures

pytestmark = pytest.mark.slow

WRITERS, CAPTURES = 8, 300


@pytest.fixture(
    params=[
        pytest.param("sqlite", id="sqlite"),
        pytest.param("postgres", id="postgres", marks=pytest.mark.postgres),
    ]
)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A database of this test's own: a SQLite file, or a fresh PostgreSQL database."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'klick.db'}"
        return
    request.getfixturevalue("postgres_url")  # skips (or fails in CI) without PostgreSQL
    base_url = os.environ[POSTGRES_ENV]
    with fresh_postgres(base_url) as url:
        yield url


def test_eight_writer_processes_lose_no_capture(database_url: str) -> None:
    run = run_writers(database_url, writers=WRITERS, captures=CAPTURES, timeout_s=600)
    # No error reached a writer's loop: a "database is locked" would have been one.
    assert run.errors == []
    assert len(run.shas) == WRITERS * CAPTURES
    stored = stored_captures(database_url)
    assert stored.contacts == stored.cards == stored.answered == WRITERS * CAPTURES
    assert sorted(stored.shas) == sorted(run.shas)
    assert len(set(stored.shas)) == WRITERS * CAPTURES
    assert stored.bad_photos == 0 and stored.half_captures == 0
    print(
        f"\n{database_url.split(':')[0]}: {len(run.shas)} captures in {run.elapsed_s:.1f} s, "
        f"{run.retries} writes retried"
    )
