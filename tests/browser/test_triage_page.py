"""In a real chromium: triage at 390×844 one contact at a time by touch, a junk capture
discarded from triage, and triage by keyboard on a laptop."""

from __future__ import annotations

import time
from datetime import date

import pytest

from storage import contacts, events, owners
from storage.db import Database
from storage.kinds import ContactStatus, Rating
from storage.records import ContactAnswers, ContactDetails, ScanOutcome
from tests.browser.conftest import (
    PHONE,
    UI_TIMEOUT_MS,
    KlickServer,
    new_context,
    save_screenshot,
    wait_for_app,
)
from tests.cardmaker import CardText, jpeg_bytes, photo_of_card, render_card

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PEOPLE = (
    ("yes", "Anna Schäfer", Rating.YES, False),
    ("no", "Carl Nein", Rating.NO, False),
    ("pitch", "Dora Verkauf", Rating.YES, True),
)


def _prepare(server: KlickServer, event_name: str) -> tuple[Database, int, dict[str, int]]:
    """This test's own evening: the newest event of today, the one a new session triages.
    Its name is the test's own too: the event picker tells events apart by their labels.
    Each contact is a typical one: a card read at the event, answered with a note, a need
    and an offer."""
    database = Database(server.database_url)
    database.upgrade()
    ids = {}
    with database.write() as session:
        owner_id = owners.get_or_create_owner(session, owners.LOCAL_USERNAME).id
        event = events.create_event(session, owner_id, name=event_name, held_on=date.today())
        for key, name, rating, pitch in PEOPLE:
            text = CardText(name=name, company="Kofferfabrik Fürth GmbH")
            details = ContactDetails(name=name, title="Leiterin Einkauf", company=text.company)
            capture = contacts.start_capture(
                session, owner_id, event_id=event.id, photo=photo_of_card(text), photo_type="jpeg"
            )
            card = jpeg_bytes(render_card(text))
            contacts.record_scan(
                session, owner_id, capture, ScanOutcome(details, card, name, [], {})
            )
            contacts.answer_capture(
                session,
                owner_id,
                capture,
                details=details,
                answers=ContactAnswers(
                    rating=rating,
                    note=f"{name} restores Bauhaus chairs and looks for a fabric printer.",
                    they_need="A printer for small batches of seat fabric",
                    i_offer="An introduction to the weaving mill in Hof",
                    is_pitch=pitch,
                ),
            )
            ids[key] = capture
    return database, owner_id, ids


def _button(page, key: str):  # type: ignore[no-untyped-def]
    # Streamlit names a keyed element's class after its key, dots turned into dashes.
    return page.locator(f".st-key-{key.replace('.', '-')} button:visible").first


def _contact(database: Database, owner_id: int, contact_id: int):  # type: ignore[no-untyped-def]
    with database.read() as session:
        return contacts.get_contact(session, owner_id, contact_id)


def test_triage_on_a_phone_one_contact_at_a_time(module_klick_server: KlickServer, phone) -> None:  # type: ignore[no-untyped-def]
    klick_server = module_klick_server
    database, owner_id, ids = _prepare(klick_server, "Gründerabend")
    try:
        phone.goto(f"{klick_server.url}/triage")
        wait_for_app(phone)
        decisions = [f"triage.{d}.{ids['yes']}" for d in ("follow_up", "keep", "discard")]
        for key in decisions:
            _button(phone, key).wait_for()
        phone.get_by_text("3 left", exact=True).wait_for()
        # The three decisions are on the first screen, large and full-width: no scrolling.
        for key in decisions:
            box = _button(phone, key).bounding_box()
            assert box is not None, key
            assert box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"], (key, box)
            assert box["width"] >= PHONE["width"] - 40, (key, box)
        assert phone.locator("[class*='st-key-triage-item-']").count() == 1, "one at a time"
        save_screenshot(phone, "triage-phone.png", klick_server.data_dir)
        # Nothing is wider than the phone: no sideways scrolling.
        assert phone.evaluate("document.documentElement.scrollWidth") <= 390

        _button(phone, decisions[0]).tap()
        phone.get_by_text("Follow-up for Anna Schäfer queued").wait_for()
        assert _contact(database, owner_id, ids["yes"]).status is ContactStatus.FOLLOW_UP
        phone.get_by_text("2 left", exact=True).wait_for()

        _button(phone, f"triage.discard.{ids['no']}").tap()  # the next one came on screen
        phone.get_by_text("1 discarded, for good.").wait_for()
        assert _contact(database, owner_id, ids["no"]) is None
        phone.get_by_text("1 left", exact=True).wait_for()

        _button(phone, "triage.undo_button").tap()
        phone.get_by_text("Undone: discard Carl Nein.").wait_for()
        assert _contact(database, owner_id, ids["no"]) is not None
        phone.get_by_text("2 left", exact=True).wait_for()

        _button(phone, "triage.bulk").tap()
        phone.get_by_text("Discard 2 contacts for good?").wait_for()
        _button(phone, "triage.bulk_yes").tap()
        phone.get_by_text("2 discarded, for good.").wait_for()
        assert _contact(database, owner_id, ids["no"]) is None
        assert _contact(database, owner_id, ids["pitch"]) is None
        phone.get_by_text("Every contact of this event is decided.").wait_for()
    finally:
        database.dispose()


def test_a_junk_capture_is_discarded_from_triage_and_nothing_blocks(  # type: ignore[no-untyped-def]
    module_klick_server: KlickServer, phone
) -> None:
    klick_server = module_klick_server
    database, owner_id, ids = _prepare(klick_server, "Stammtisch mit Fehlgriffen")
    with database.write() as session:
        event_id = _contact(database, owner_id, ids["yes"]).event_id
        misfired = contacts.start_capture(
            session, owner_id, event_id=event_id, photo=b"\x00" * 4096, photo_type="jpeg"
        )
        contacts.record_scan_failure(session, owner_id, misfired, "decode_failed")
        misread = contacts.start_capture(
            session, owner_id, event_id=event_id, photo=b"\xff\xd8 blur", photo_type="jpeg"
        )
        half = ContactDetails(name="Anna Sch")
        contacts.record_scan(session, owner_id, misread, ScanOutcome(half, b"", "", [], {}))
    try:
        phone.goto(f"{klick_server.url}/triage")
        wait_for_app(phone)
        # A misread capture that names someone is answered first, or discarded right here.
        phone.get_by_text("1 capture still waits for its two answers").wait_for()
        _button(phone, f"triage.drop.{misread}").tap()
        phone.get_by_text("Capture discarded for good, photo included.").wait_for()
        # The photo nothing was read from never blocked: triage goes on beside it.
        _button(phone, f"triage.follow_up.{ids['yes']}").wait_for()
        wait_for_app(phone)  # the rerun has finished drawing the page
        # On a loaded machine a tap during the expander's animation or a rerun can be lost:
        # tap again until the photo is gone, within the usual generous ceiling.
        listed = phone.get_by_text("1 photo without a readable card")
        drop = _button(phone, f"triage.drop.{misfired}")
        deadline = time.monotonic() + UI_TIMEOUT_MS / 1000
        while listed.count() and time.monotonic() < deadline:
            if not drop.is_visible():
                listed.tap()
                wait_for_app(phone)
            if drop.is_visible():
                drop.tap()
            wait_for_app(phone)
            phone.wait_for_timeout(500)
        listed.wait_for(state="detached")
        phone.get_by_text("Capture discarded for good, photo included.").wait_for()
        with database.read() as session:
            for capture in (misread, misfired):
                assert contacts.get_contact(session, owner_id, capture) is None
                assert contacts.get_card(session, owner_id, capture) is None
        _button(phone, f"triage.follow_up.{ids['yes']}").wait_for()
        phone.get_by_text("3 left", exact=True).wait_for()
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
        page.keyboard.press("k")  # the contact on screen
        page.get_by_text("Anna Schäfer kept.").wait_for()
        assert _contact(database, owner_id, ids["yes"]).status is ContactStatus.KEPT
        # The shortcut belongs to the undo button: press it once the rerun has drawn it.
        _button(page, "triage.undo_button").wait_for()
        wait_for_app(page)
        page.keyboard.press("u")
        page.get_by_text("Undone: keep Anna Schäfer.").wait_for()
        assert _contact(database, owner_id, ids["yes"]).status is ContactStatus.CAPTURED
        # Tab reaches the buttons, Enter presses one: Next, then Discard for the next contact.
        wait_for_app(page)
        _button(page, "triage.next").focus()
        page.keyboard.press("Enter")
        button = _button(page, f"triage.discard.{ids['no']}")
        button.wait_for()
        wait_for_app(page)
        button.focus()
        page.keyboard.press("Enter")
        page.get_by_text("1 discarded, for good.").wait_for()
        assert _contact(database, owner_id, ids["no"]) is None
    finally:
        context.close()
        database.dispose()
