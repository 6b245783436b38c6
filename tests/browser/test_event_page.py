"""In a real chromium at 390×844: create tonight's event, and keep the README screenshot."""

from __future__ import annotations

from datetime import date

import pytest

from storage import events, owners
from storage.db import Database
from tests.browser.conftest import KlickServer, save_screenshot, wait_for_app

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_create_tonights_event_on_a_phone(klick_server: KlickServer, phone) -> None:  # type: ignore[no-untyped-def]
    # A server of its own (not the module's): this is Klick's first run, an empty database
    # that afterwards holds exactly the one event created here.
    phone.goto(klick_server.url)
    wait_for_app(phone)
    phone.get_by_role("heading", name="Tonight's event").wait_for()
    phone.get_by_label("Name").fill("Gründerabend Fürth")
    phone.get_by_label("Place").fill("Kofferfabrik")
    phone.get_by_role("button", name="Create event").tap()
    phone.get_by_text("Capturing for").wait_for()
    assert phone.get_by_text("Gründerabend Fürth").first.is_visible()

    save_screenshot(phone, "event-phone.png", klick_server.data_dir)

    database = Database(klick_server.database_url)
    try:
        with database.read() as session:
            owner = owners.find_owner(session, owners.LOCAL_USERNAME)
            assert owner is not None
            saved = events.list_events(session, owner.id)
    finally:
        database.dispose()
    assert [(e.name, e.place, e.held_on) for e in saved] == [
        ("Gründerabend Fürth", "Kofferfabrik", date.today())
    ]
