"""Shared pytest set-up: real-part markers, and no silent skips of real parts in CI."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, settings

if TYPE_CHECKING:
    from storage.db import Database

REAL_PART_MARKERS = ("tesseract", "postgres", "browser")
REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED_CARDS = REPO_ROOT.parent / "shared" / "cards"


# Hypothesis keeps what it found (failing examples, caches) in a folder, by default
# .hypothesis/ in the working directory: outside the work tree instead. Read when first used.
os.environ.setdefault(
    "HYPOTHESIS_STORAGE_DIRECTORY", str(Path(tempfile.gettempdir()) / "klick-hypothesis")
)
# No per-example time limit (Hypothesis's default is 200 ms) and no "too slow" health check:
# on a loaded 2-core machine an example may take seconds. A test's own @settings inherits this.
settings.register_profile("klick", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("klick")


def in_ci() -> bool:
    return bool(os.environ.get("CI"))


# --- benchmarks ------------------------------------------------------------------------
# Tests marked `bench` measure against the labelled photos (minutes, not seconds): they run
# with `make bench` (scripts/bench.sh passes --bench) or when a -m expression names them,
# never in the default run. A hook rather than `-m "not bench"` in addopts, because a second
# -m on the command line (`bash scripts/test.sh -m "not slow"`) replaces the first.

BENCH_ENV = "KLICK_BENCH"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--bench",
        action="store_true",
        default=False,
        help="also run the tests marked bench (as `make bench` does); KLICK_BENCH=1 too",
    )


def bench_wanted(config: pytest.Config) -> bool:
    markexpr = str(config.getoption("markexpr", "") or "")
    return (
        bool(config.getoption("--bench"))
        or os.environ.get(BENCH_ENV) == "1"
        or "bench" in markexpr.replace("(", " ").replace(")", " ").split()
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if bench_wanted(config):
        return
    benches = [item for item in items if item.get_closest_marker("bench")]
    if benches:
        config.hook.pytest_deselected(items=benches)
        items[:] = [item for item in items if not item.get_closest_marker("bench")]


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]):  # type: ignore[no-untyped-def]
    """In CI a test of a real part (Tesseract, PostgreSQL, chromium) may not skip: it fails."""
    outcome = yield
    report = outcome.get_result()
    if not (in_ci() and report.skipped):
        return
    markers = [name for name in REAL_PART_MARKERS if item.get_closest_marker(name)]
    if markers and not hasattr(report, "wasxfail"):
        report.outcome = "failed"
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr
        report.longrepr = f"CI=true: a {'/'.join(markers)} test may not be skipped ({reason})"


@pytest.fixture(scope="session")
def tesseract_binary() -> str:
    """Path of the real Tesseract binary; tests that need it are marked `tesseract`."""
    path = shutil.which("tesseract")
    if path is None:
        pytest.skip("tesseract is not installed (the README's test command installs it)")
    return path


@pytest.fixture(scope="session")
def shared_cards() -> Path:
    """The labelled real card photos beside the repository; absent on a user's machine."""
    if not (SHARED_CARDS / "labels.json").is_file():
        pytest.skip("../shared/cards is not present")
    return SHARED_CARDS


# --- databases -------------------------------------------------------------------------
# One fixture, parametrised: every storage test runs on SQLite and, where
# KLICK_TEST_POSTGRES_URL is set (always in CI), on a real PostgreSQL too.

POSTGRES_ENV = "KLICK_TEST_POSTGRES_URL"


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A fresh, migrated PostgreSQL database for this test run, dropped afterwards."""
    base_url = os.environ.get(POSTGRES_ENV)
    if not base_url:
        pytest.skip(f"{POSTGRES_ENV} is not set")
    from tests.support import fresh_postgres

    with fresh_postgres(base_url) as url:
        yield url


def _empty_postgres(url: str) -> Database:
    from sqlalchemy import text

    from storage.db import Database
    from storage.models import Base

    database = Database(url)
    tables = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
    with database.write() as session:
        session.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
    return database


def sqlite_database_at(path: Path) -> Database:
    from storage.db import Database

    database = Database(f"sqlite:///{path}")
    database.upgrade()
    return database


@pytest.fixture(
    params=[
        pytest.param("sqlite", id="sqlite"),
        pytest.param("postgres", id="postgres", marks=pytest.mark.postgres),
    ]
)
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """An empty, migrated database: SQLite in tmp_path, or the test run's PostgreSQL."""
    if request.param == "sqlite":
        db = sqlite_database_at(tmp_path / "klick.db")
    else:
        db = _empty_postgres(request.getfixturevalue("postgres_url"))
    try:
        yield db
    finally:
        db.dispose()


@pytest.fixture
def sqlite_database(tmp_path: Path) -> Iterator[Database]:
    db = sqlite_database_at(tmp_path / "klick.db")
    try:
        yield db
    finally:
        db.dispose()
