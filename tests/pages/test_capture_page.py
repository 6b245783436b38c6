"""The capture flow through AppTest: photo kept first, two questions insisted on, inbox."""

from __future__ import annotations

import re
import time
from dataclasses import replace
from datetime import date

import pytest
from PIL import Image
from sqlalchemy import text
from sqlalchemy.exc import OperationalError
from streamlit.testing.v1 import AppTest

from capture import OcrError, intake
from capture.event_choice import event_label
from capture.translation import Translator, inert
from storage import contacts, events, owners, triage
from storage.db import Database
from storage.kinds import Rating, ScanStatus
from storage.matching import no_thanks_keys
from storage.records import ContactAnswers, ContactDetails, EventRecord
from tests.cardmaker import CardText, jpeg_bytes, photo_of_card
from tests.pages.conftest import APP, APP_TIMEOUT_S, local_owner_id

pytestmark = pytest.mark.tesseract

NOTE = "Restores Bauhaus chairs; looking for a printer for small batches of seat fabric."
# A photo of an empty table: decoded fine, no text on it.
BLANK = jpeg_bytes(Image.new("RGB", (1200, 800), (92, 64, 40)))
FORM = "capture.form.{id}.save"


def open_capture_page() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=APP_TIMEOUT_S).run()
    at.switch_page("capture/page.py").run()
    assert not at.exception, at.exception
    return at


@pytest.fixture
def capture_app(app_env, app_database: Database, tesseract_binary: str) -> AppTest:  # type: ignore[no-untyped-def]
    owner_id = local_owner_id(app_database)
    with app_database.write() as session:
        events.create_event(session, owner_id, name="Gründerabend", held_on=date.today())
    return open_capture_page()


@pytest.fixture
def german_capture_app(capture_app: AppTest, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    """The capture page in German (KLICK_LANGUAGE; the account has chosen nothing)."""
    monkeypatch.setenv("KLICK_LANGUAGE", "de")
    return open_capture_page()


def upload(at: AppTest, data: bytes, name: str = "card.jpg", mime: str = "image/jpeg") -> int:
    at.file_uploader[0].upload(name, data, mime).run()
    assert not at.exception, at.exception
    return int(at.session_state["capture.active_id"])


def field(at: AppTest, label: str):  # type: ignore[no-untyped-def]
    return next(w for w in [*at.text_input, *at.text_area] if w.label.startswith(label))


def answer(at: AppTest, capture_id: int, rating: Rating | None, note: str) -> None:
    if rating is not None:
        at.radio(key=f"capture.form.{capture_id}.rating").set_value(rating)
    at.text_area(key=f"capture.form.{capture_id}.note").input(note)
    at.button(key=FORM.format(id=capture_id)).click().run()
    assert not at.exception, at.exception


def stored(database: Database, capture_id: int):  # type: ignore[no-untyped-def]
    owner_id = local_owner_id(database)
    with database.read() as session:
        return (
            contacts.get_contact(session, owner_id, capture_id),
            contacts.get_card(session, owner_id, capture_id),
        )


def test_a_card_photo_is_read_prefilled_answered_and_saved(
    capture_app: AppTest, app_database: Database
) -> None:
    at = capture_app
    capture_id = upload(at, photo_of_card())
    contact, card = stored(app_database, capture_id)
    assert card.photo == photo_of_card() and card.scan_status is ScanStatus.READ
    assert field(at, "Name").value == "Anna Schäfer"
    assert field(at, "E-mail").value == "anna.schaefer@kofferfabrik.de"
    assert at.image, "the straightened card is shown beside the fields"

    answer(at, capture_id, Rating.YES, NOTE)
    contact, card = stored(app_database, capture_id)
    assert contact.rating is Rating.YES and contact.note == NOTE and contact.is_answered
    assert contact.details.name == "Anna Schäfer"
    assert "Saved Anna Schäfer" in at.success[0].value
    # Next card in the same tap: a fresh, empty file picker.
    assert at.session_state["capture.active_id"] is None
    assert at.file_uploader[0].value is None


def test_saving_needs_the_click_rating(capture_app: AppTest, app_database: Database) -> None:
    capture_id = upload(capture_app, photo_of_card())
    answer(capture_app, capture_id, None, NOTE)
    assert "Did it click?" in capture_app.error[0].value
    contact, _ = stored(app_database, capture_id)
    assert not contact.is_answered


@pytest.mark.parametrize("note", ["", "nice", "good talk", "netter Typ", "interessant"])
def test_an_empty_or_generic_note_is_refused_with_a_reason(
    capture_app: AppTest, app_database: Database, note: str
) -> None:
    capture_id = upload(capture_app, photo_of_card())
    answer(capture_app, capture_id, Rating.YES, note)
    assert capture_app.error, "the note was accepted"
    assert "follow-up" in capture_app.error[0].value or "week" in capture_app.error[0].value
    contact, _ = stored(app_database, capture_id)
    assert not contact.is_answered
    # What the user typed survives the refusal.
    assert capture_app.text_area(key=f"capture.form.{capture_id}.note").value == note


def test_extras_and_the_pitch_switch_are_saved(
    capture_app: AppTest, app_database: Database
) -> None:
    at = capture_app
    capture_id = upload(at, photo_of_card())
    at.text_input(key=f"capture.form.{capture_id}.need").input("a printer for fabric")
    at.text_input(key=f"capture.form.{capture_id}.offer").input("intro to the Fab Lab")
    at.toggle(key=f"capture.form.{capture_id}.pitch").set_value(True)
    answer(at, capture_id, Rating.NO, "Only talked about his insurance products, twice.")
    contact, _ = stored(app_database, capture_id)
    assert (contact.they_need, contact.i_offer, contact.is_pitch, contact.rating) == (
        "a printer for fabric",
        "intro to the Fab Lab",
        True,
        Rating.NO,
    )


def test_an_empty_field_the_card_shows_signs_of_is_marked_for_checking(
    capture_app: AppTest,
) -> None:
    """The card says "E-Mail:" but no address could be read: the empty field gets ⚠."""
    from tests.cardmaker import CardText

    at = capture_app
    upload(at, photo_of_card(CardText(email="E-Mail: auf Anfrage")))
    assert field(at, "Name").value == "Anna Schäfer"
    assert field(at, "E-mail").value == ""
    assert "⚠" in field(at, "E-mail").label
    assert "⚠" not in field(at, "Name").label
    assert any("may be missing" in caption.value for caption in at.caption)


@pytest.mark.parametrize("engine", ["rapidocr", "tesseract"])
def test_the_capture_survives_an_ocr_failure(
    capture_app: AppTest, app_database: Database, monkeypatch: pytest.MonkeyPatch, engine: str
) -> None:
    def crash(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise OcrError()

    monkeypatch.setenv("KLICK_OCR_ENGINE", engine)
    if engine == "tesseract":
        monkeypatch.setattr("capture.ocr.run_tesseract", crash)
    else:
        monkeypatch.setattr("capture.neural_ocr.NeuralEngine.recognise", crash)
    at = capture_app
    capture_id = upload(at, photo_of_card())
    assert "could not be read automatically" in at.warning[0].value
    contact, card = stored(app_database, capture_id)
    assert card.scan_status is ScanStatus.FAILED and card.photo == photo_of_card()
    assert field(at, "Name").value == ""
    field(at, "Name").input("Anna Schäfer")
    answer(at, capture_id, Rating.YES, NOTE)
    contact, _ = stored(app_database, capture_id)
    assert contact.details.name == "Anna Schäfer" and contact.is_answered


def rows_held(database: Database) -> tuple[int, int]:
    """Contacts and card images in the database, whoever they belong to."""
    with database.read() as session:
        return (
            session.scalar(text("SELECT count(*) FROM contacts")),
            session.scalar(text("SELECT count(*) FROM card_images")),
        )


@pytest.mark.parametrize(
    ("junk", "why"),
    [
        (b"%PDF-1.4 not a photo", "not a photo"),
        (photo_of_card()[:20_000], "incomplete"),
        (b"not an image", "not a photo"),
    ],
    ids=["pdf", "truncated_jpeg", "text"],
)
def test_a_file_the_decoder_refuses_is_explained_and_not_kept(
    capture_app: AppTest, app_database: Database, junk: bytes, why: str
) -> None:
    at = capture_app
    at.file_uploader[0].upload("card.jpg", junk, "image/jpeg").run()
    assert not at.exception, at.exception
    assert why in at.warning[0].value and "It was not kept." in at.warning[0].value
    assert at.session_state["capture.active_id"] is None
    assert rows_held(app_database) == (0, 0), "the refused file is still stored"
    assert not any(e.label.startswith("Inbox") for e in at.expander)


def test_a_photo_without_text_is_kept_to_be_typed_or_discarded(
    capture_app: AppTest, app_database: Database
) -> None:
    at = capture_app
    capture_id = upload(at, BLANK)
    assert (
        "no text was found" in at.warning[0].value and "kept in your inbox" in at.warning[0].value
    )
    _, card = stored(app_database, capture_id)
    assert card.photo == BLANK and card.scan_status is ScanStatus.FAILED


def test_a_failed_save_keeps_what_was_typed_and_saves_on_retry(
    capture_app: AppTest, app_database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = capture_app
    capture_id = upload(at, photo_of_card())
    real = contacts.answer_capture

    def database_down(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise OperationalError("UPDATE contacts", {}, Exception("database is unavailable"))

    monkeypatch.setattr(contacts, "answer_capture", database_down)
    answer(at, capture_id, Rating.YES, NOTE)
    assert "nothing is lost" in at.error[0].value
    assert at.text_area(key=f"capture.form.{capture_id}.note").value == NOTE
    assert at.radio(key=f"capture.form.{capture_id}.rating").value is Rating.YES
    contact, card = stored(app_database, capture_id)
    assert not contact.is_answered and card.photo  # the capture is still there

    monkeypatch.setattr(contacts, "answer_capture", real)
    at.button(key=FORM.format(id=capture_id)).click().run()
    contact, _ = stored(app_database, capture_id)
    assert contact.is_answered and contact.note == NOTE


def test_a_capture_answered_later_waits_in_the_inbox(
    capture_app: AppTest, app_database: Database
) -> None:
    at = capture_app
    capture_id = upload(at, photo_of_card())
    at.button(key=f"capture.later.{capture_id}").click().run()
    assert at.expander[-1].label == "Inbox (1)"
    # A new session (closed tab) still finds it.
    again = AppTest.from_file(APP, default_timeout=APP_TIMEOUT_S).run()
    again.switch_page("capture/page.py").run()
    assert any(e.label == "Inbox (1)" for e in again.expander)
    again.button(key=f"capture.open.{capture_id}").click().run()
    answer(again, capture_id, Rating.NOT_SURE, NOTE)
    assert not any(e.label.startswith("Inbox") for e in again.expander)
    contact, _ = stored(app_database, capture_id)
    assert contact.rating is Rating.NOT_SURE


def test_a_person_without_a_card(capture_app: AppTest, app_database: Database) -> None:
    at = capture_app
    key = "capture.typed.0"
    at.radio(key=f"{key}.rating").set_value(Rating.YES)
    at.text_area(key=f"{key}.note").input(NOTE)
    at.button(key=f"{key}.save").click().run()
    assert "Type the person's name" in at.error[0].value
    at.text_input(key=f"{key}.name").input("Jonas Weber")
    at.button(key=f"{key}.save").click().run()
    assert "Saved Jonas Weber" in at.success[0].value
    with app_database.read() as session:
        found = contacts.search_contacts(session, local_owner_id(app_database), "Jonas")
    assert [c.details.name for c in found] == ["Jonas Weber"]


def test_a_known_card_adds_a_meeting_instead_of_a_second_contact(
    capture_app: AppTest, app_database: Database
) -> None:
    owner_id = local_owner_id(app_database)
    with app_database.write() as session:
        known = contacts.add_contact(
            session,
            owner_id,
            event_id=None,
            details=ContactDetails(name="Anna Schäfer", emails=("anna.schaefer@kofferfabrik.de",)),
            answers=ContactAnswers(rating=Rating.YES, note="Met at the spring fair."),
        )
    at = capture_app
    capture_id = upload(at, photo_of_card())
    assert "already have" in at.warning[0].value
    assert at.checkbox(key=f"capture.form.{capture_id}.merge").value is True
    answer(at, capture_id, Rating.YES, NOTE)
    assert "Added this meeting to Anna Schäfer" in at.success[0].value
    with app_database.read() as session:
        assert contacts.get_contact(session, owner_id, capture_id) is None
        assert contacts.count_contacts(session, owner_id) == 1
        assert contacts.get_contact(session, owner_id, known.id) is not None


def test_a_known_card_keeps_every_answer_of_the_meeting_and_its_event_once(
    capture_app: AppTest, app_database: Database
) -> None:
    owner_id = local_owner_id(app_database)
    with app_database.read() as session:
        (tonight,) = events.list_events(session, owner_id)
    with app_database.write() as session:
        known = contacts.add_contact(
            session,
            owner_id,
            event_id=tonight.id,
            details=ContactDetails(name="Anna Schäfer", emails=("anna.schaefer@kofferfabrik.de",)),
            answers=ContactAnswers(rating=Rating.NOT_SURE, note="Met at the spring fair."),
        )
    at = capture_app
    capture_id = upload(at, photo_of_card())
    at.text_input(key=f"capture.form.{capture_id}.need").input("A tailor for the old cases")
    at.text_input(key=f"capture.form.{capture_id}.offer").input("My aunt's sewing shop")
    answer(at, capture_id, Rating.YES, NOTE)
    with app_database.read() as session:
        met = contacts.contact_meetings(session, owner_id, known.id)
    assert [m.event_id for m in met] == [tonight.id]  # tonight's event listed once
    assert met[0].note == f"Met at the spring fair.\n\n{NOTE}"
    with app_database.read() as session:
        contact = contacts.get_contact(session, owner_id, known.id)
    assert contact is not None
    assert contact.they_need == "A tailor for the old cases"
    assert contact.i_offer == "My aunt's sewing shop"


def test_a_person_typed_by_hand_who_is_known_is_offered_the_meeting(
    capture_app: AppTest, app_database: Database
) -> None:
    owner_id = local_owner_id(app_database)
    with app_database.write() as session:
        known = contacts.add_contact(
            session,
            owner_id,
            event_id=None,
            details=ContactDetails(name="Sören Weiß", company="Orgelbau Lindner"),
            answers=ContactAnswers(rating=Rating.YES, note="Tunes the organ in St. Lorenz."),
        )
    at = capture_app
    key = "capture.typed.0"
    at.text_input(key=f"{key}.name").input("Soeren Weiss")
    at.text_input(key=f"{key}.company").input("ORGELBAU LINDNER")
    at.radio(key=f"{key}.rating").set_value(Rating.YES)
    at.text_area(key=f"{key}.note").input(NOTE)
    at.button(key=f"{key}.save").click().run()
    assert not at.exception, at.exception
    assert any("Sören Weiß" in w.value for w in at.warning)
    assert at.checkbox(key=f"{key}.merge").value is True
    with app_database.read() as session:
        assert contacts.count_contacts(session, owner_id) == 1  # nothing saved yet
    at.button(key=f"{key}.save").click().run()
    assert "Added this meeting to Sören Weiß" in at.success[0].value
    with app_database.read() as session:
        assert contacts.count_contacts(session, owner_id) == 1
        assert len(contacts.contact_meetings(session, owner_id, known.id)) == 2


def test_a_card_on_the_no_thanks_list_is_flagged(
    capture_app: AppTest, app_database: Database
) -> None:
    owner_id = local_owner_id(app_database)
    with app_database.write() as session:
        salt = owners.owner_salt(session, owner_id)
        fair = events.create_event(
            session, owner_id, name="Messe Nürnberg", held_on=date(2026, 3, 1)
        )
        pitch = contacts.add_contact(
            session,
            owner_id,
            event_id=fair.id,
            details=ContactDetails(name="Vertrieb", phones=("+49 911 7654321",)),
            answers=ContactAnswers(rating=Rating.NO, note="Only pitched a CRM.", is_pitch=True),
        )
        hashes = no_thanks_keys(pitch.details.phones, salt)
        triage.discard_contact(session, owner_id, pitch.id, no_thanks_hashes=hashes)
    upload(capture_app, photo_of_card(CardText(email="info@example.org")))
    flagged = capture_app.error[0].value
    assert "no-thanks list" in flagged and "Messe Nürnberg" in flagged


def test_the_page_speaks_german(german_capture_app: AppTest) -> None:
    at = german_capture_app
    capture_id = upload(at, photo_of_card())
    assert at.radio(key=f"capture.form.{capture_id}.rating").label == "Hat es Klick gemacht?"
    answer(at, capture_id, Rating.YES, "nett")
    assert "Ein einzelnes Wort" in at.error[0].value


def test_a_refused_file_is_explained_in_german_and_a_blank_photo_waits_in_the_inbox(
    german_capture_app: AppTest, app_database: Database
) -> None:
    at = german_capture_app
    at.file_uploader[0].upload("card.jpg", b"%PDF-1.4 not a photo", "image/jpeg").run()
    assert "kein Foto" in at.warning[0].value and "nicht aufbewahrt" in at.warning[0].value
    capture_id = upload(at, BLANK)
    assert "Eingang" in at.warning[0].value
    at.button(key=f"capture.later.{capture_id}").click().run()
    contact, _ = stored(app_database, capture_id)
    assert contact is not None
    # An unnamed capture waits in the inbox under the time it was taken, on the user's clock.
    moment = Translator("de", "UTC").moment(contact.created_at, year=False)
    assert f"Karte von {moment}" in [t.value for t in at.text]
    assert at.button(key=f"capture.discard.{capture_id}").label == "Verwerfen"


def test_an_event_is_labelled_with_its_day_in_the_users_language() -> None:
    event = EventRecord(id=1, name="Stammtisch", held_on=date(2026, 5, 1), place="Fürth")
    assert event_label(Translator("en"), event) == "Stammtisch (Fri, May 1, 2026, Fürth)"
    german = event_label(Translator("de"), replace(event, place=""))
    assert german == "Stammtisch (Fr., 1. Mai 2026)"


# --- Nothing blocks: discard or retake a pending capture, no rating or note asked ---------


def later(at: AppTest, capture_id: int) -> None:
    at.button(key=f"capture.later.{capture_id}").click().run()
    assert not at.exception, at.exception


def test_the_current_capture_is_discarded_without_answers(
    capture_app: AppTest, app_database: Database
) -> None:
    at = capture_app
    capture_id = upload(at, photo_of_card())
    at.button(key=f"capture.discard.{capture_id}").click().run()
    assert not at.exception, at.exception
    assert at.success[0].value == "Discarded “Anna Schäfer”, photo included."
    assert at.session_state["capture.active_id"] is None
    assert stored(app_database, capture_id) == (None, None)
    assert rows_held(app_database) == (0, 0)
    assert at.file_uploader[0].label == "Photograph the card", "ready for the next card"


def test_a_capture_is_discarded_from_the_inbox(
    capture_app: AppTest, app_database: Database
) -> None:
    at = capture_app
    blank_id = upload(at, BLANK)
    later(at, blank_id)
    kept_id = upload(at, photo_of_card())
    later(at, kept_id)
    assert at.expander[-1].label == "Inbox (2)"
    at.button(key=f"capture.discard.{blank_id}").click().run()
    assert not at.exception, at.exception
    assert at.success[0].value.startswith("Discarded “Card from ")
    assert stored(app_database, blank_id) == (None, None)
    assert at.expander[-1].label == "Inbox (1)"
    contact, card = stored(app_database, kept_id)
    assert contact.details.name == "Anna Schäfer" and card.photo == photo_of_card()


def test_a_blank_photo_is_retaken_and_read(capture_app: AppTest, app_database: Database) -> None:
    at = capture_app
    capture_id = upload(at, BLANK)
    at.button(key=f"capture.retake.{capture_id}").click().run()
    at.file_uploader(key=f"capture.retake_upload.{capture_id}").upload(
        "again.jpg", photo_of_card(), "image/jpeg"
    ).run()
    assert not at.exception, at.exception
    assert at.session_state["capture.active_id"] == capture_id
    assert field(at, "Name").value == "Anna Schäfer"
    _, card = stored(app_database, capture_id)
    assert card.photo == photo_of_card() and card.scan_status is ScanStatus.READ
    assert rows_held(app_database) == (1, 1), "the old photo is gone"
    answer(at, capture_id, Rating.YES, NOTE)
    assert stored(app_database, capture_id)[0].is_answered


def test_a_capture_is_retaken_from_the_inbox(capture_app: AppTest, app_database: Database) -> None:
    at = capture_app
    capture_id = upload(at, BLANK)
    later(at, capture_id)
    at.button(key=f"capture.retake.{capture_id}").click().run()
    assert at.expander[-1].proto.expanded, "the inbox opens on the new picker"
    at.file_uploader(key=f"capture.retake_upload.{capture_id}").upload(
        "again.jpg", photo_of_card(CardText(name="Jonas Weber")), "image/jpeg"
    ).run()
    assert not at.exception, at.exception
    assert at.session_state["capture.active_id"] == capture_id
    assert field(at, "Name").value == "Jonas Weber"
    assert not any(e.label.startswith("Inbox") for e in at.expander)


def test_a_retaken_photo_that_is_junk_is_not_kept(
    capture_app: AppTest, app_database: Database
) -> None:
    at = capture_app
    capture_id = upload(at, BLANK)
    at.button(key=f"capture.retake.{capture_id}").click().run()
    at.file_uploader(key=f"capture.retake_upload.{capture_id}").upload(
        "again.jpg", b"not an image", "image/jpeg"
    ).run()
    assert not at.exception, at.exception
    assert "It was not kept." in at.warning[0].value
    assert at.session_state["capture.active_id"] is None
    assert rows_held(app_database) == (0, 0)


def _no_thanks_phone(database: Database, phone: str) -> None:
    """A pitch met at a fair, discarded in triage: only salted hashes of its phone remain."""
    owner_id = local_owner_id(database)
    with database.write() as session:
        salt = owners.owner_salt(session, owner_id)
        fair = events.create_event(
            session, owner_id, name="Messe Nürnberg", held_on=date(2026, 3, 1)
        )
        pitch = contacts.add_contact(
            session,
            owner_id,
            event_id=fair.id,
            details=ContactDetails(name="Vertrieb", phones=(phone,)),
            answers=ContactAnswers(rating=Rating.NO, note="Only pitched a CRM.", is_pitch=True),
        )
        hashes = no_thanks_keys(pitch.details.phones, salt)
        triage.discard_contact(session, owner_id, pitch.id, no_thanks_hashes=hashes)


def tables(database: Database) -> dict[str, int]:
    with database.read() as session:
        return {
            name: session.scalar(text(f"SELECT count(*) FROM {name}"))
            for name in ("contacts", "card_images", "no_thanks", "discard_tallies", "meetings")
        }


def test_a_no_thanks_card_is_flagged_in_the_inbox_with_discard_now_first(
    capture_app: AppTest, app_database: Database
) -> None:
    _no_thanks_phone(app_database, "+49 911 7654321")
    at = capture_app
    plain_id = upload(at, BLANK)
    later(at, plain_id)
    capture_id = upload(at, photo_of_card(CardText(email="info@example.org")))
    assert "no-thanks list" in at.error[0].value and "“Discard now” deletes it" in at.error[0].value
    now = at.button(key=f"capture.discard_now.{capture_id}")
    assert now.label == "Discard now" and now.proto.type == "primary"
    later(at, capture_id)

    inbox = at.expander[-1]
    assert inbox.label == "Inbox (2)" and inbox.proto.expanded
    assert [e.value for e in inbox.error] == [at.error[0].value]
    assert "Messe Nürnberg" in at.error[0].value
    actions = [b for b in inbox.button if b.key.endswith(f".{capture_id}")]
    assert [(b.label, b.proto.type) for b in actions] == [
        ("Discard now", "primary"),
        ("Answer", "secondary"),
        ("Retake", "secondary"),
    ]
    plain = [b.label for b in inbox.button if b.key.endswith(f".{plain_id}")]
    assert plain == ["Answer", "Retake", "Discard"], "an unflagged capture is answered first"

    before = tables(app_database)
    at.button(key=f"capture.discard.{capture_id}").click().run()
    assert not at.exception, at.exception
    assert "Discarded" in at.success[0].value
    after = tables(app_database)
    # Nothing new is kept: no tally, no hash; the hashes already there stay.
    assert after == {**before, "contacts": before["contacts"] - 1, "card_images": 1}
    assert stored(app_database, capture_id) == (None, None)


# --- Two sessions on the same capture: one wins, the other is told -------------------------


def test_a_capture_discarded_in_another_session_is_said_not_raised(
    capture_app: AppTest, app_database: Database
) -> None:
    first = capture_app
    capture_id = upload(first, photo_of_card())
    second = open_capture_page()
    second.button(key=f"capture.open.{capture_id}").click().run()
    second.radio(key=f"capture.form.{capture_id}.rating").set_value(Rating.YES)
    second.text_area(key=f"capture.form.{capture_id}.note").input(NOTE)

    first.button(key=f"capture.discard.{capture_id}").click().run()
    assert "Discarded" in first.success[0].value
    second.button(key=FORM.format(id=capture_id)).click().run()
    assert not second.exception, second.exception
    assert second.warning[0].value == "This capture was already answered or discarded elsewhere."
    assert second.session_state["capture.active_id"] is None
    assert rows_held(app_database) == (0, 0)


def test_a_capture_answered_in_another_session_is_not_answered_twice(
    capture_app: AppTest, app_database: Database
) -> None:
    first = capture_app
    capture_id = upload(first, photo_of_card())
    later(first, capture_id)
    second = open_capture_page()
    second.button(key=f"capture.open.{capture_id}").click().run()
    first.button(key=f"capture.open.{capture_id}").click().run()
    answer(first, capture_id, Rating.YES, NOTE)
    assert "Saved Anna Schäfer" in first.success[0].value

    # The second session's buttons were drawn before the first answered: it is told.
    second.button(key=f"capture.discard.{capture_id}").click().run()
    assert not second.exception, second.exception
    assert second.warning[0].value == "This capture was already answered or discarded elsewhere."
    contact, card = stored(app_database, capture_id)
    assert contact.is_answered and contact.note == NOTE and card.photo == photo_of_card()


def test_saving_a_capture_answered_meanwhile_is_refused_with_a_sentence(
    capture_app: AppTest, app_database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Both sessions loaded the capture unanswered; the second save comes after the first."""
    at = capture_app
    capture_id = upload(at, photo_of_card())
    owner_id = local_owner_id(app_database)
    with app_database.write() as session:  # another session's save lands first
        contacts.answer_capture(
            session,
            owner_id,
            capture_id,
            details=ContactDetails(name="Anna Schäfer"),
            answers=ContactAnswers(rating=Rating.NO, note="Answered on the other phone first."),
        )
    unanswered, real_load = stored(app_database, capture_id), intake.load_capture

    def as_loaded_before(*args, **kwargs):  # type: ignore[no-untyped-def]
        record, card = real_load(*args, **kwargs)
        return (replace(record, answered_at=None) if record else record), card

    monkeypatch.setattr(intake, "load_capture", as_loaded_before)
    answer(at, capture_id, Rating.YES, NOTE)
    assert at.warning[0].value == "This capture was already answered or discarded elsewhere."
    contact, _ = stored(app_database, capture_id)
    assert contact.note == "Answered on the other phone first." and unanswered[0] is not None


# --- A stack of cards at once --------------------------------------------------------------

STACK = ("Anna Schäfer", "Jonas Weber", "Lena Fischer", "Paul Becker")
STACK += ("Mara Vogel", "Tim Köhler", "Ida Brandt", "Ole Hansen")
# A file name is text a user chose: shown as it is, never as Markdown that loads an image.
HOSTILE_NAME = "![x](http://127.0.0.1:9/stack.png).jpg"
READ_ALL_S = 900  # eight cards read one after another on a loaded 2-core machine


def stack_card(n: int, name: str) -> bytes:
    first, last = name.split()
    return photo_of_card(
        CardText(
            name=name,
            company=f"{last} Werkstatt GmbH",
            email=f"{first.lower()}@werkstatt-{n}.de",
            phone=f"+49 911 765{n:04d}",
        )
    )


def wait_until_read(database: Database, count: int) -> list:  # type: ignore[type-arg]
    """The inbox once it holds `count` captures and none waits to be read (or a timeout)."""
    owner_id = local_owner_id(database)
    deadline = time.monotonic() + READ_ALL_S
    while True:
        with database.read() as session:
            waiting = contacts.list_inbox(session, owner_id)
        done = all(c.scan_status is not ScanStatus.PENDING for c in waiting)
        if (len(waiting) == count and done) or time.monotonic() > deadline:
            return waiting
        time.sleep(0.5)


def photos_of(database: Database, waiting: list) -> list[bytes]:  # type: ignore[type-arg]
    owner_id = local_owner_id(database)
    with database.read() as session:
        return [contacts.get_card(session, owner_id, c.id).photo for c in waiting]


def test_ten_photos_at_once_of_which_two_are_junk(
    capture_app: AppTest, app_database: Database
) -> None:
    at = capture_app
    cards = [(f"card-{n}.jpg", stack_card(n, name), "image/jpeg") for n, name in enumerate(STACK)]
    junk = [
        (HOSTILE_NAME, b"not an image", "image/jpeg"),
        ("cut-off.jpg", photo_of_card()[:20_000], "image/jpeg"),
    ]
    picker = at.file_uploader(key="capture.stack_upload.0")
    assert picker.accept_multiple_files and picker.label == "Several photos at once"
    picker.set_value([*cards[:3], junk[0], *cards[3:6], junk[1], *cards[6:]]).run()
    assert not at.exception, at.exception
    progress = at.get("progress")
    assert progress and re.fullmatch(r"Reading ([1-9]|10) of 10", progress[0].proto.text)
    assert at.file_uploader(key="capture.stack_upload.1").value == [], "an empty picker again"

    # The session is not run again until every photo is read: the reading does not need it.
    waiting = wait_until_read(app_database, 8)
    assert [c.details.name for c in waiting] == list(STACK), "oldest first, each read"
    assert photos_of(app_database, waiting) == [photo for _, photo, _ in cards]
    assert rows_held(app_database) == (8, 8), "the junk is not kept"

    at.run()
    assert not at.exception, at.exception
    assert [w.value for w in at.warning] == [
        f"“{inert(HOSTILE_NAME)}” could not be used: this is not a photo (JPEG, PNG, WebP or "
        "HEIC). It was not kept.",
        f"“{inert('cut-off.jpg')}” could not be used: the photo is incomplete (the upload "
        "was cut off). It was not kept.",
    ]
    assert at.success[0].value == "8 cards were read and wait in your inbox, oldest first."
    assert not at.get("progress")
    inbox = at.expander[-1]
    assert inbox.label == "Inbox (8)"
    assert [t.value for t in inbox.text] == list(STACK)
    # Answered one by one, with rating and note, the oldest first.
    inbox.button[0].click().run()
    first = waiting[0].id
    assert at.session_state["capture.active_id"] == first
    answer(at, first, Rating.YES, NOTE)
    assert "Saved Anna Schäfer" in at.success[0].value
    assert at.expander[-1].label == "Inbox (7)"


def test_a_stack_the_database_refuses_midway_is_kept_for_try_again(
    capture_app: AppTest, app_database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = capture_app
    shades = [(40 * n, 64, 40) for n in range(5)]
    photos = [
        (f"{n}.jpg", jpeg_bytes(Image.new("RGB", (900, 600), s)), "image/jpeg")
        for n, s in enumerate(shades)
    ]
    real_store, calls = intake.store_photo, []

    def refused_at_the_fourth(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(args)
        if len(calls) == 4:
            raise OperationalError("INSERT INTO contacts", {}, Exception("database is unavailable"))
        return real_store(*args, **kwargs)

    monkeypatch.setattr(intake, "store_photo", refused_at_the_fourth)
    at.file_uploader(key="capture.stack_upload.0").set_value(photos).run()
    assert not at.exception, at.exception
    assert "could not be saved just now" in at.error[0].value
    kept = at.session_state["capture.unsaved_stack"]
    assert [(photo, name) for photo, _, name in kept] == [(p, n) for n, p, _ in photos[3:]]

    at.button(key="capture.retry").click().run()
    assert not at.exception, at.exception
    assert at.session_state["capture.unsaved_stack"] == []
    waiting = wait_until_read(app_database, 5)
    assert photos_of(app_database, waiting) == [p for _, p, _ in photos], "in the order chosen"
    assert all(c.scan_status is ScanStatus.FAILED for c in waiting), "no text, kept to be typed"
