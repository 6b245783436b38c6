"""The capture flow through AppTest: photo kept first, two questions insisted on, inbox."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy.exc import OperationalError
from streamlit.testing.v1 import AppTest

from capture import OcrError
from capture.event_choice import event_label
from capture.translation import Translator
from storage import contacts, events, owners, triage
from storage.db import Database
from storage.kinds import Rating, ScanStatus
from storage.matching import no_thanks_keys
from storage.records import ContactAnswers, ContactDetails, EventRecord
from tests.cardmaker import CardText, photo_of_card
from tests.pages.conftest import APP, APP_TIMEOUT_S, local_owner_id

pytestmark = pytest.mark.tesseract

NOTE = "Restores Bauhaus chairs; looking for a printer for small batches of seat fabric."
FORM = "capture.form.{id}.save"


@pytest.fixture
def capture_app(app_env, app_database: Database, tesseract_binary: str) -> AppTest:  # type: ignore[no-untyped-def]
    owner_id = local_owner_id(app_database)
    with app_database.write() as session:
        events.create_event(session, owner_id, name="Gründerabend", held_on=date.today())
    at = AppTest.from_file(APP, default_timeout=APP_TIMEOUT_S).run()
    at.switch_page("capture/page.py").run()
    assert not at.exception, at.exception
    return at


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


def test_a_file_that_is_no_photo_is_kept_and_explained(
    capture_app: AppTest, app_database: Database
) -> None:
    capture_id = upload(capture_app, b"%PDF-1.4 not a photo", "card.jpg")
    assert "not a photo" in capture_app.warning[0].value
    _, card = stored(app_database, capture_id)
    assert card.photo == b"%PDF-1.4 not a photo" and card.scan_status is ScanStatus.FAILED


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


def test_the_page_speaks_german(capture_app: AppTest) -> None:
    at = capture_app
    at.selectbox(key="app.language_choice").select("de").run()
    capture_id = upload(at, photo_of_card())
    assert at.radio(key=f"capture.form.{capture_id}.rating").label == "Hat es Klick gemacht?"
    answer(at, capture_id, Rating.YES, "nett")
    assert "Ein einzelnes Wort" in at.error[0].value


def test_a_file_that_is_no_photo_is_explained_in_german(
    capture_app: AppTest, app_database: Database
) -> None:
    at = capture_app
    at.selectbox(key="app.language_choice").select("de").run()
    capture_id = upload(at, b"%PDF-1.4 not a photo", "card.jpg")
    assert "kein Foto" in at.warning[0].value and "Eingang" in at.warning[0].value
    at.button(key=f"capture.later.{capture_id}").click().run()
    contact, _ = stored(app_database, capture_id)
    assert contact is not None
    # An unnamed capture waits in the inbox under the time it was taken, on the user's clock.
    moment = Translator("de", "UTC").moment(contact.created_at, year=False)
    assert f"Karte von {moment}" in [t.value for t in at.text]


def test_an_event_is_labelled_with_its_day_in_the_users_language() -> None:
    event = EventRecord(id=1, name="Stammtisch", held_on=date(2026, 5, 1), place="Fürth")
    assert event_label(Translator("en"), event) == "Stammtisch (Fri, May 1, 2026, Fürth)"
    german = event_label(Translator("de"), replace(event, place=""))
    assert german == "Stammtisch (Fr., 1. Mai 2026)"
