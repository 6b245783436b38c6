"""In a real chromium: triage at 390×844 by touch, and by keyboard on a laptop."""

from __future__ import annotations

from datetime import date

import pytest

from storage import contacts, events, owners
from storage.db import Database
from storage.kinds import ContactStatus, Rating
from storage.records import ContactAnswers, ContactDetails
from tests.browser.conftest import KlickServer, new_context, save_screenshot, wait_for_app

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _prepare(server: KlickServer, event_name: str) -> tuple[Database, int, dict[str, int]]:
    """This test's own evening: the newest event of today, the one a new session triages.
    Its name is the test's own too: the event picker tells events apart by their labels."""
    database = Database(server.database_url)
    database.upgrade()
    ids = {}
    with database.write() as session:
        owner_id = owners.get_or_create_owner(session, owners.LOCAL_USERNAME).id
        event = events.create_event(session, owner_id, name=event_name, held_on=date.today())
        for key, name, rating, pitch in (
            ("yes", "Anna Schäfer", Rating.YES, False),
            ("no", "Carl Nein", Rating.NO, False),
            ("pitch", "Dora Verkauf", Rating.YES, True),
        ):
            ids[key] = contacts.add_contact(
                session,
                owner_id,
                event_id=event.id,
                details=ContactDetails(name=name, company="Kofferfabrik"),
                answers=ContactAnswers(
                    rating=rating, note=f"{name} restores Bauhaus chairs.", is_pitch=pitch
                ),
            ).id
    return database, owner_id, ids


def _button(page, key: str):  # type: ignore[no-untyped-def]
    # Streamlit names a keyed element's class after its key, dots turned into dashes.
    return page.locator(f".st-key-{key.replace('.', '-')} button:visible").first


def _contact(database: Database, owner_id: int, contact_id: int):  # type: ignore[no-untyped-def]
    with database.read() as session:
        return contacts.get_contact(session, owner_id, contact_id)


def test_triage_on_a_phone(module_klick_server: KlickServer, phone) -> None:  # type: ignore[no-untyped-def]
    klick_server = module_klick_server
    database, owner_id, ids = _prepare(klick_server, "Gründerabend")
    try:
        phone.goto(f"{klick_server.url}/triage")
        wait_for_app(phone)
        _button(phone, f"triage.follow_up.{ids['yes']}").wait_for()
        save_screenshot(phone, "triage-phone.png", klick_server.data_dir)
        # Nothing is wider than the phone: no sideways scrolling.
        assert phone.evaluate("document.documentElement.scrollWidth") <= 390

        _button(phone, f"triage.follow_up.{ids['yes']}").tap()
        phone.get_by_text("Follow-up for Anna Schäfer queued").wait_for()
        assert _contact(database, owner_id, ids["yes"]).status is ContactStatus.FOLLOW_UP

        _button(phone, f"triage.discard.{ids['no']}").tap()
        phone.get_by_text("1 discarded, for good.").wait_for()
        assert _contact(database, owner_id, ids["no"]) is None

        _button(phone, "triage.undo_button").tap()
        phone.get_by_text("Undone: discard Carl Nein.").wait_for()
        assert _contact(database, owner_id, ids["no"]) is not None

        _button(phone, "triage.bulk").tap()
        phone.get_by_text("Discard 2 contacts for good?").wait_for()
        _button(phone, "triage.bulk_yes").tap()
        phone.get_by_text("2 discarded, for good.").wait_for()
        assert _contact(database, owner_id, ids["no"]) is None
        assert _contact(database, owner_id, ids["pitch"]) is None
        phone.get_by_text("Every contact of this event is decided.").wait_for()
    finally:
        database.dispose()


def test_triage_by_keyboard_on_a_laptop(module_klick_server: KlickServer, chromium) -> None:  # type: ignore[no-untyped-def]
    klick_server = module_klick_server
    database, owner_id, ids = _prepare(klick_server, "Stammtisch am Hafen")
    context = new_context(chromium, viewport={"width": 1280, "height": 800}, locale="en-GB")
    page = context.new_page()
    try:
        page.goto(f"{klick_server.url}/triage")
        wait_for_app(page)
        _button(page, f"triage.keep.{ids['yes']}").wait_for()
        page.keyboard.press("k")  # the first contact in the list
        page.get_by_text("Anna Schäfer kept.").wait_for()
        assert _contact(database, owner_id, ids["yes"]).status is ContactStatus.KEPT
        # The shortcut belongs to the undo button: press it once the rerun has drawn it.
        _button(page, "triage.undo_button").wait_for()
        wait_for_app(page)
        page.keyboard.press("u")
        page.get_by_text("Undone: keep Anna Schäfer.").wait_for()
        assert _contact(database, owner_id, ids["yes"]).status is ContactStatus.CAPTURED
        # Tab reaches the decision buttons, Enter presses one.
        button = _button(page, f"triage.discard.{ids['no']}")
        button.focus()
        page.keyboard.press("Enter")
        page.get_by_text("1 discarded, for good.").wait_for()
        assert _contact(database, owner_id, ids["no"]) is None
    finally:
        context.close()
        database.dispose()
