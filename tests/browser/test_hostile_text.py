"""Markup in a name, a note or card text stays text on every page that shows it."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from storage import contacts, events, followups, owners
from storage.db import Database
from storage.kinds import ContactStatus
from storage.models import CardImage
from tests.browser.conftest import READ_TIMEOUT_MS, UI_TIMEOUT_MS, KlickServer, wait_for_app
from tests.cardmaker import photo_of_card

pytestmark = [pytest.mark.browser, pytest.mark.tesseract, pytest.mark.slow]

NAME = (
    "Eve <img src=x onerror=window.__pwned=1> [Eve](javascript:window.__pwned=3) "
    "![x](http://127.0.0.1:9/n.png)"
)
NOTE = (
    "Talked about <script>window.__pwned=2</script> sandboxes and "
    "![tracker](https://tracker.example/p.png) **loud** text"
)
OCR_TEXT = "<iframe src=javascript:window.__pwned=4></iframe> <b>EVE GmbH</b>"
HOSTILE_QUERY = "q=%3Cscript%3Ewindow.__pwned%3D5%3C%2Fscript%3E&event_id=1%27%20OR%201%3D1--"
PAGES = ["capture", "triage", "follow-ups", "contacts", "account", "event"]
INJECTED = """() => ({
    pwned: window.__pwned ?? null,
    images: document.querySelectorAll(
        'img[src="x"], img[src*="tracker"], img[src*="127.0.0.1:9"]').length,
    frames: document.querySelectorAll('iframe[src^="javascript"]').length,
    links: document.querySelectorAll(
        'a[href^="javascript"], a[href*="tracker.example"], a[href*="127.0.0.1:9"]').length,
    scripts: [...document.scripts].filter(s => s.text.includes('__pwned')).length,
    bold: [...document.querySelectorAll('b, strong')].filter(
        b => b.textContent.includes('loud') || b.textContent.includes('EVE GmbH')).length,
})"""
CLEAN = {"pwned": None, "images": 0, "frames": 0, "links": 0, "scripts": 0, "bold": 0}


def test_payloads_saved_through_the_page_render_inert_everywhere(
    module_klick_server: KlickServer,
    phone,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    klick_server = module_klick_server  # its own event: the newest of today, captured for
    database = Database(klick_server.database_url)
    database.upgrade()
    with database.write() as session:
        owner_id = owners.get_or_create_owner(session, owners.LOCAL_USERNAME).id
        event = events.create_event(session, owner_id, name="<b>Abend</b>", held_on=date.today())

    photo = tmp_path / "card.jpg"
    photo.write_bytes(photo_of_card())
    phone.goto(f"{klick_server.url}/capture")
    wait_for_app(phone)
    phone.locator("input[type=file]").first.set_input_files(str(photo))
    phone.get_by_role("button", name="Later").wait_for(timeout=READ_TIMEOUT_MS)
    phone.get_by_label("Name").first.fill(NAME)
    phone.get_by_text("Yes", exact=True).tap()
    phone.get_by_label("Personal note").fill(NOTE)
    phone.get_by_role("button", name="Save contact").first.tap()
    phone.get_by_text("Saved", exact=False).first.wait_for(timeout=UI_TIMEOUT_MS)
    assert phone.evaluate(INJECTED) == CLEAN

    with database.write() as session:
        (saved,) = [
            c for c in contacts.search_contacts(session, owner_id) if c.event_id == event.id
        ]
        assert saved.details.name == NAME and saved.note == NOTE
        card = session.query(CardImage).filter_by(contact_id=saved.id).one()
        card.raw_text = OCR_TEXT
        contacts.set_status(session, owner_id, saved.id, ContactStatus.FOLLOW_UP)
        followups.queue_follow_up(session, owner_id, saved.id, due_at=datetime.now(UTC))
    database.dispose()

    for path in PAGES:
        phone.goto(f"{klick_server.url}/{path}?{HOSTILE_QUERY}")
        wait_for_app(phone)
        phone.wait_for_timeout(500)
        assert phone.evaluate(INJECTED) == CLEAN, path
    phone.goto(f"{klick_server.url}/contacts")
    wait_for_app(phone)
    # The name is shown as the text it is (the page script may still be running).
    phone.get_by_text("Eve <img", exact=False).first.wait_for()
