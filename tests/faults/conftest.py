"""The capture page under AppTest with its database in tmp_path (or a fresh PostgreSQL)."""

from __future__ import annotations

from datetime import date

import pytest
from streamlit.testing.v1 import AppTest

from storage import events
from storage.db import Database
from tests.pages.conftest import APP, APP_TIMEOUT_S, app_database, app_env, local_owner_id

__all__ = ["app_database", "app_env"]


def open_capture_page(database: Database) -> AppTest:
    """Tonight's event exists; the app is on the capture page."""
    owner_id = local_owner_id(database)
    with database.write() as session:
        events.create_event(session, owner_id, name="Gründerabend", held_on=date.today())
    at = AppTest.from_file(APP, default_timeout=APP_TIMEOUT_S).run()
    at.switch_page("capture/page.py").run()
    assert not at.exception, at.exception
    return at


@pytest.fixture
def capture_page(app_database: Database) -> AppTest:
    return open_capture_page(app_database)
