"""AppTest helpers: the app runs against a fresh SQLite database in tmp_path."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit import config
from streamlit.testing.v1 import AppTest

from storage import owners
from storage.db import Database
from tests.conftest import REPO_ROOT

APP = str(REPO_ROOT / "app.py")
# AppTest's limit for one script run. A run returns when the script ends; a card read on a
# loaded 2-core machine (or the first load of the OCR engine) can take a minute.
APP_TIMEOUT_S = 300


@pytest.fixture
def app_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("KLICK_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("KLICK_DATABASE_URL", f"sqlite:///{tmp_path / 'klick.db'}")
    monkeypatch.delenv("KLICK_LANGUAGE", raising=False)
    # As scripts/run.sh serves by default: loopback, the local user, no login.
    previous = config.get_option("server.address")
    config.set_option("server.address", "127.0.0.1")
    try:
        yield tmp_path
    finally:
        config.set_option("server.address", previous)


@pytest.fixture
def app(app_env: Path) -> AppTest:
    """The whole app, run once, on its default page."""
    at = AppTest.from_file(APP, default_timeout=APP_TIMEOUT_S)
    at.run()
    assert not at.exception, at.exception
    return at


@pytest.fixture
def app_database(app_env: Path) -> Iterator[Database]:
    database = Database(f"sqlite:///{app_env / 'klick.db'}")
    database.upgrade()
    try:
        yield database
    finally:
        database.dispose()


def local_owner_id(database: Database) -> int:
    with database.write() as session:
        return owners.get_or_create_owner(session, owners.LOCAL_USERNAME).id
