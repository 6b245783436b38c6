"""In a real chromium at 390×844 with touch: capture a card by file picker and by camera."""

from __future__ import annotations

import re
import time
from datetime import date, timedelta
from pathlib import Path

import cv2
import numpy as np
import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from storage import contacts, events, owners
from storage.db import Database
from storage.kinds import Rating
from storage.records import ContactAnswers, ContactDetails
from tests.browser.conftest import (
    PHONE,
    READ_TIMEOUT_MS,
    UI_TIMEOUT_MS,
    KlickServer,
    launch_chromium,
    new_context,
    save_screenshot,
    wait_for_app,
)
from tests.cardmaker import CardText, on_table, photo_of_card, render_card

pytestmark = [pytest.mark.browser, pytest.mark.tesseract, pytest.mark.slow]

NOTE = "Builds cargo bikes in Fürth; needs a welder who can do aluminium frames."
# The camera's card is another person's: the same card twice on the module's one server
# would be offered as a meeting with the contact the other test saved.
CAMERA_CARD = CardText(
    name="Jonas Weber",
    title="Werkstattleiter",
    company="Lastenrad Manufaktur GmbH",
    email="jonas.weber@lastenrad.example",
    phone="+49 911 2345678",
)


def _prepare(server: KlickServer, event_name: str) -> tuple[Database, int, int]:
    """Tonight's event of this test: the newest of today, so a new session captures for it."""
    database = Database(server.database_url)
    database.upgrade()  # the server migrates on its first page view, maybe not yet done
    with database.write() as session:
        owner_id = owners.get_or_create_owner(session, owners.LOCAL_USERNAME).id
        event = events.create_event(session, owner_id, name=event_name, held_on=date.today())
    return database, owner_id, event.id


def _wait_for_capture_form(page) -> None:  # type: ignore[no-untyped-def]
    # "Later" exists only beside the form of a stored capture (not the no-card form).
    page.get_by_role("button", name="Later").wait_for(timeout=READ_TIMEOUT_MS)


def _answer_and_save(page) -> None:  # type: ignore[no-untyped-def]
    _wait_for_capture_form(page)
    page.get_by_text("Yes", exact=True).tap()
    page.get_by_label("Personal note").fill(NOTE)
    page.get_by_role("button", name="Save contact").first.tap()
    page.get_by_text("Saved", exact=False).first.wait_for(timeout=UI_TIMEOUT_MS)


def _saved(database: Database, owner_id: int, event_id: int) -> list:  # type: ignore[type-arg]
    """The contacts captured for this test's event (the server is shared by the module)."""
    with database.read() as session:
        return [c for c in contacts.search_contacts(session, owner_id) if c.event_id == event_id]


def test_capture_a_card_through_the_file_picker(
    module_klick_server: KlickServer,
    phone,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    klick_server = module_klick_server
    database, owner_id, event_id = _prepare(klick_server, "Gründerabend")
    photo = tmp_path / "card.jpg"
    photo.write_bytes(photo_of_card())
    phone.goto(f"{klick_server.url}/capture")
    wait_for_app(phone)
    phone.locator("input[type=file]").first.set_input_files(str(photo))
    _wait_for_capture_form(phone)
    assert phone.get_by_label("Name").first.input_value() == "Anna Schäfer"
    save_screenshot(phone, "capture-phone.png", tmp_path)
    _answer_and_save(phone)
    try:
        saved = _saved(database, owner_id, event_id)
        assert [(c.details.name, c.rating, c.note) for c in saved] == [
            ("Anna Schäfer", Rating.YES, NOTE)
        ]
        with database.read() as session:
            card = contacts.get_card(session, owner_id, saved[0].id)
        assert card is not None and card.photo == photo.read_bytes() and card.card_jpeg
    finally:
        database.dispose()


def _card_video(path: Path) -> Path:
    """A few frames of a rendered card as a y4m file, chromium's fake camera."""
    image = np.array(on_table(render_card(CAMERA_CARD), margin=60))[:, :, ::-1]
    frame = cv2.resize(image, (1280, 720))
    yuv = cv2.cvtColor(frame, cv2.COLOR_BGR2YUV_I420)
    with path.open("wb") as out:
        out.write(b"YUV4MPEG2 W1280 H720 F10:1 Ip A1:1 C420jpeg\n")
        for _ in range(5):
            out.write(b"FRAME\n" + yuv.tobytes())
    return path


def _take_photo(page) -> None:  # type: ignore[no-untyped-def]
    """Tap "Take Photo" until the capture form appears: on a loaded machine the camera
    widget can show its button before its handler listens, and that first tap is lost."""
    later = page.get_by_role("button", name="Later")
    for _ in range(5):
        shutter = page.get_by_role("button", name="Take Photo")
        if shutter.count():
            shutter.tap()
        try:
            later.wait_for(timeout=READ_TIMEOUT_MS // 5)
            return
        except PlaywrightTimeout:
            continue
    later.wait_for(timeout=READ_TIMEOUT_MS)


def test_capture_a_card_with_the_in_page_camera(
    module_klick_server: KlickServer,
    playwright,  # type: ignore[no-untyped-def]
    tmp_path: Path,
) -> None:
    klick_server = module_klick_server
    video = _card_video(tmp_path / "card.y4m")
    database, owner_id, event_id = _prepare(klick_server, "Lastenradtreff")
    browser = launch_chromium(
        playwright,
        "--use-fake-device-for-media-stream",
        "--use-fake-ui-for-media-stream",
        f"--use-file-for-fake-video-capture={video}",
    )
    context = new_context(
        browser, viewport=PHONE, is_mobile=True, has_touch=True, permissions=["camera"]
    )
    page = context.new_page()
    try:
        page.goto(f"{klick_server.url}/capture")
        wait_for_app(page)
        page.get_by_text("Use the in-page camera").tap()
        # Take the photo only once the fake camera delivers frames.
        page.wait_for_function(
            "() => { const v = document.querySelector('video');"
            " return v && v.readyState >= 2 && v.videoWidth > 0; }"
        )
        _take_photo(page)
        _answer_and_save(page)
    finally:
        context.close()
        browser.close()
    try:
        saved = _saved(database, owner_id, event_id)
        assert len(saved) == 1 and saved[0].note == NOTE
        with database.read() as session:
            card = contacts.get_card(session, owner_id, saved[0].id)
        assert card is not None and card.photo[:2] in (b"\xff\xd8", b"\x89P", b"RI")
    finally:
        database.dispose()


def _seed_junk(database: Database, owner_id: int, event_id: int) -> int:
    """A refused upload as an earlier Klick kept it: stored, its reading failed, in the inbox."""
    from capture import intake
    from storage.settings import load_settings

    junk = b"%PDF-1.4 not a photo at all"
    capture_id = intake.store_photo(
        database, owner_id, event_id=event_id, photo=junk, photo_type="image/jpeg"
    )
    outcome = intake.read_card(database, owner_id, capture_id, junk, load_settings({}))
    assert outcome.error_code == "not_an_image"
    return capture_id


def _open_inbox(page) -> None:  # type: ignore[no-untyped-def]
    """Open the inbox once the page has settled (a tap during a rerun can be undone by it)."""
    wait_for_app(page)
    summary = page.locator("[data-testid='stExpander'] summary", has_text="Inbox (")
    summary.wait_for()
    opened = page.locator("[data-testid='stExpander'] details[open]", has_text="Inbox (")
    deadline = time.monotonic() + UI_TIMEOUT_MS / 1000
    while opened.count() == 0 and time.monotonic() < deadline:
        summary.tap()
        wait_for_app(page)
        page.wait_for_timeout(300)  # the expander's own animation, then look again


def _in_inbox(database: Database, owner_id: int, capture_id: int) -> bool:
    with database.read() as session:
        return any(c.id == capture_id for c in contacts.list_inbox(session, owner_id))


def test_a_junk_capture_is_discarded_from_the_inbox(
    module_klick_server: KlickServer,
    phone,  # type: ignore[no-untyped-def]
) -> None:
    database, owner_id, event_id = _prepare(module_klick_server, "Altlasten")
    try:
        capture_id = _seed_junk(database, owner_id, event_id)
        phone.goto(f"{module_klick_server.url}/capture")
        wait_for_app(phone)
        _open_inbox(phone)
        discard = phone.locator(f".st-key-capture-discard-{capture_id} button")
        discard.scroll_into_view_if_needed()
        discard.tap()
        phone.get_by_text("photo included", exact=False).first.wait_for()
        assert not _in_inbox(database, owner_id, capture_id)
        with database.read() as session:
            assert contacts.get_card(session, owner_id, capture_id) is None
            assert contacts.get_contact(session, owner_id, capture_id) is None
    finally:
        database.dispose()


# Names, e-mails and phones no other test of this module's server uses: a stacked capture
# waits in the inbox and must not be offered as the contact another test's card belongs to.
STACK = ("Greta Lorenz", "Henrik Sauer", "Frieda Busch", "Emil Kaiser")
STACK += ("Clara Roth", "Bruno Haas", "Nora Pohl", "Karl Engel")
STACK_READ_MS = 4 * READ_TIMEOUT_MS  # eight cards, one after another, on a loaded machine


HOSTILE_NAME = "![x](http://127.0.0.1:9/stack.png).jpg"  # a file name is text, not Markdown


def _stack_files() -> list[dict[str, object]]:
    """Ten files as a phone's gallery offers them: eight cards, a note and a cut-off photo."""
    cards = []
    for n, name in enumerate(STACK):
        first, last = name.split()
        text = CardText(
            name=name,
            company=f"{last} Stapel GmbH",
            email=f"{first.lower()}@stapel-{n}.de",
            phone=f"+49 911 55{n:05d}",
        )
        cards.append((f"card-{n}.jpg", photo_of_card(text)))
    junk = [(HOSTILE_NAME, b"not an image"), ("cut-off.jpg", photo_of_card()[:20_000])]
    chosen = [*cards[:3], junk[0], *cards[3:6], junk[1], *cards[6:]]
    return [{"name": name, "mimeType": "image/jpeg", "buffer": data} for name, data in chosen]


def test_a_stack_of_ten_photos_lands_in_the_inbox(
    module_klick_server: KlickServer,
    phone,  # type: ignore[no-untyped-def]
) -> None:
    database, owner_id, event_id = _prepare(module_klick_server, "Stapelabend")
    files = _stack_files()
    requested: list[str] = []
    phone.on("request", lambda request: requested.append(request.url))
    try:
        phone.goto(f"{module_klick_server.url}/capture")
        wait_for_app(phone)
        phone.locator("input[type=file][multiple]").set_input_files(files)
        phone.get_by_text("of 10", exact=False).first.wait_for()  # "Reading 3 of 10"
        phone.get_by_text("8 cards were read", exact=False).wait_for(timeout=STACK_READ_MS)
        for name in (HOSTILE_NAME, "cut-off.jpg"):
            # inert() puts an invisible word joiner into a web address, so it is never a link.
            shown = re.compile(
                re.escape(f"“{name}” could not be used").replace("://", ":\u2060?//")
            )
            assert phone.get_by_text(shown).is_visible()
        assert not [url for url in requested if "stack.png" in url]
        _open_inbox(phone)
        rows = phone.locator("[data-testid='stExpanderDetails'] [data-testid='stText']")
        rows.first.wait_for()
        shown = [t.strip() for t in rows.all_inner_texts()]
        assert [n for n in shown if n in STACK] == list(STACK), "oldest first"
        with database.read() as session:
            ours = [c for c in contacts.list_inbox(session, owner_id) if c.event_id == event_id]
            cards = [contacts.get_card(session, owner_id, c.id) for c in ours]
        assert [c.details.name for c in ours] == list(STACK)
        chosen = [f["buffer"] for f in files if str(f["name"]).startswith("card-")]
        assert [c.photo for c in cards if c] == chosen, "stored in the order chosen"
    finally:
        database.dispose()


# Someone met a month ago, met again tonight. A person of this test alone: the module's other
# tests save and stack cards of their own on the same server.
MET_AGAIN = CardText(
    name="Lotte Brandt",
    title="Meisterin Leuchtenbau",
    company="Brandt Leuchten KG",
    email="lotte.brandt@brandt-leuchten.de",
    phone="+49 911 3344556",
)
FIRST_NOTE = "Restores Art-Deco lamps; asked about brass parts from Nuremberg."
AGAIN_NOTE = "Met again: now needs an electrician for the museum's chandeliers."
AGAIN_NEED = "an electrician with heritage experience"


def _seed_known_contact(database: Database, owner_id: int) -> tuple[int, int]:
    """Lotte Brandt as saved at an earlier event: (contact id, that event's id)."""
    with database.write() as session:
        earlier = events.create_event(
            session, owner_id, name="Lichtmesse", held_on=date.today() - timedelta(days=30)
        )
        contact_id = contacts.add_contact(
            session,
            owner_id,
            event_id=earlier.id,
            details=ContactDetails(
                name=MET_AGAIN.name,
                company=MET_AGAIN.company,
                emails=(MET_AGAIN.email,),
                phones=("+499113344556",),
            ),
            answers=ContactAnswers(rating=Rating.NOT_SURE, note=FIRST_NOTE),
        ).id
    return contact_id, earlier.id


def test_a_duplicate_answered_from_the_inbox(
    module_klick_server: KlickServer,
    phone,  # type: ignore[no-untyped-def]
    tmp_path: Path,
) -> None:
    database, owner_id, event_id = _prepare(module_klick_server, "Werkstattabend")
    try:
        known_id, earlier_id = _seed_known_contact(database, owner_id)
        photo = tmp_path / "lotte.jpg"
        photo.write_bytes(photo_of_card(MET_AGAIN))
        phone.goto(f"{module_klick_server.url}/capture")
        wait_for_app(phone)
        phone.locator("input[type=file]:not([multiple])").set_input_files(str(photo))
        _wait_for_capture_form(phone)
        with database.read() as session:
            waiting = contacts.list_inbox(session, owner_id, event_id=event_id)
        assert len(waiting) == 1, "the photo is stored the moment it arrives"
        capture_id = waiting[0].id
        phone.get_by_role("button", name="Later").tap()
        phone.get_by_role("button", name="Later").wait_for(state="detached")
        _open_inbox(phone)
        phone.locator(f".st-key-capture-open-{capture_id} button").tap()
        _wait_for_capture_form(phone)
        wait_for_app(phone)
        warning = phone.get_by_text("This is a contact you already have", exact=False)
        assert MET_AGAIN.name in warning.inner_text()
        merge = phone.get_by_role("checkbox", name=f"Add this meeting to {MET_AGAIN.name}")
        assert merge.is_checked()
        phone.get_by_role("radiogroup", name="Did it click?").get_by_text("Yes", exact=True).tap()
        phone.get_by_role("textbox", name="Personal note").fill(AGAIN_NOTE)
        phone.get_by_role("textbox", name="What they need").fill(AGAIN_NEED)
        phone.get_by_role("button", name="Save contact").first.tap()
        phone.get_by_text(f"Added this meeting to {MET_AGAIN.name}.").wait_for()
        with database.read() as session:
            everyone = contacts.search_contacts(session, owner_id, MET_AGAIN.name)
            meetings = contacts.contact_meetings(session, owner_id, known_id)
            assert contacts.get_contact(session, owner_id, capture_id) is None
            assert not contacts.list_inbox(session, owner_id, event_id=event_id)
        assert [c.id for c in everyone] == [known_id], "one contact, no second Lotte Brandt"
        # Another event: a second meeting with all of tonight's answers; the first untouched.
        assert [(m.event_id, m.rating, m.note, m.they_need) for m in meetings] == [
            (earlier_id, Rating.NOT_SURE, FIRST_NOTE, ""),
            (event_id, Rating.YES, AGAIN_NOTE, AGAIN_NEED),
        ]
    finally:
        database.dispose()
