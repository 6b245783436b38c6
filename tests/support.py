"""Helpers shared by tests and benchmarks: fresh PostgreSQL databases, CLIs, percentiles."""

from __future__ import annotations

import subprocess
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from storage.db import Database

REPO_ROOT = Path(__file__).resolve().parent.parent


@contextmanager
def fresh_postgres(base_url: str, *, prefix: str = "klick_test") -> Iterator[str]:
    """A new, migrated PostgreSQL database of its own, dropped afterwards."""
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(base_url).set(database=name).render_as_string(hide_password=False)
    try:
        database = Database(url)
        database.upgrade()
        database.dispose()
        yield url
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def run_cli(
    module: str, *args: str, data_dir: Path, stdin: str = "", timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    """`python -m MODULE ARGS` as a user runs it: a clean environment, data in data_dir."""
    env = {"PATH": "/usr/bin:/bin", "KLICK_DATA_DIR": str(data_dir), "HOME": str(data_dir)}
    return subprocess.run(
        [sys.executable, "-m", module, *args],
        cwd=REPO_ROOT,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def percentile(values: list[float], q: float) -> float:
    """The q-quantile by nearest rank (q=0.5 median, 0.95 p95); 0 for no values."""
    ordered = sorted(values)
    if not ordered:
        return 0.0
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def p95(values: list[float]) -> float:
    return percentile(values, 0.95)
