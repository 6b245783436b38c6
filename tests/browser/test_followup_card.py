"""In a real chromium at 390×844: open a follow-up, check it, download the card as a PDF."""

from __future__ import annotations

import io
import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from storage import contacts, events, followups, owners
from storage.db import Database
from storage.kinds import Channel, Rating
from storage.records import ContactAnswers, ContactDetails
from tests.browser.conftest import UI_TIMEOUT_MS, KlickServer, save_screenshot, wait_for_app

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ADDRESS = "Anna Berger\nHafenstraße 3\n90402 Nürnberg"


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


def _seed(server: KlickServer) -> tuple[Database, int, int]:
    database = Database(server.database_url)
    database.upgrade()
    with database.write() as session:
        owner_id = owners.get_or_create_owner(session, owners.LOCAL_USERNAME).id
        owners.set_display_name(session, owner_id, "Max Klein")
        event = events.create_event(
            session, owner_id, name="Founders Night", held_on=date(2026, 11, 23)
        )
        contact = contacts.add_contact(
            session,
            owner_id,
            event_id=event.id,
            details=ContactDetails(name="Anna Berger", address=ADDRESS),
            answers=ContactAnswers(
                rating=Rating.YES,
                note="restores old wooden boats with her daughter",
                they_need="a carpenter who knows larch",
            ),
        )
        follow_up = followups.queue_follow_up(
            session,
            owner_id,
            contact.id,
            due_at=datetime.now(UTC) - timedelta(hours=3),
            channel=Channel.CARD,
        )
    return database, owner_id, follow_up.id


def test_the_card_pdf_downloaded_holds_the_checked_text(
    module_klick_server: KlickServer,
    phone,  # type: ignore[no-untyped-def]
) -> None:
    klick_server = module_klick_server  # its own follow-up, found by id
    database, owner_id, follow_up_id = _seed(klick_server)
    try:
        phone.goto(f"{klick_server.url}/follow-ups")
        wait_for_app(phone)
        phone.get_by_text("overdue since", exact=False).first.wait_for()
        phone.locator(f".st-key-queue-open-{follow_up_id} button").tap()
        # The composer writes the first draft from the note; the card preview is shown.
        phone.locator("[data-testid='stImage']").first.wait_for(timeout=UI_TIMEOUT_MS)
        phone.locator(f".st-key-queue-ready-{follow_up_id} button").tap()
        download_button = phone.locator(f".st-key-queue-pdf-{follow_up_id} button")
        download_button.wait_for(timeout=UI_TIMEOUT_MS)
        download_button.scroll_into_view_if_needed()
        save_screenshot(phone, "follow-up-card-phone.png", klick_server.data_dir)
        with phone.expect_download(timeout=UI_TIMEOUT_MS) as caught:
            download_button.tap()
        download = caught.value
        assert download.suggested_filename == f"klick-card-{follow_up_id}.pdf"
        pdf = Path(download.path()).read_bytes()
        assert pdf.startswith(b"%PDF-")

        with database.read() as session:
            follow_up = followups.get_follow_up(session, owner_id, follow_up_id)
            review = followups.get_review(session, owner_id, follow_up_id)
        assert follow_up is not None and review is not None and review.ready
        assert "wooden boats" in follow_up.body and follow_up.body.endswith("Max Klein")
        reader = PdfReader(io.BytesIO(pdf))
        assert len(reader.pages) == 2  # the card, and the address for the envelope
        assert _words(reader.pages[0].extract_text()) == _words(follow_up.body)
        assert reader.pages[1].extract_text().splitlines() == ADDRESS.splitlines()
    finally:
        database.dispose()
