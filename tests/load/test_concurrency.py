"""Eight writer processes, 300 captures each, one database: every photo arrives, exactly once."""

from __future__ import annotations

import pytest

from tests.load.harness import run_writers, stored_captures

pytestmark = pytest.mark.slow

WRITERS, CAPTURES = 8, 300


def test_eight_writer_processes_lose_no_capture(database_url: str) -> None:
    # A ceiling, not a target: the run ends when the last writer is done.
    run = run_writers(database_url, writers=WRITERS, captures=CAPTURES, timeout_s=1200)
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
