"""Personal data never reaches the logs at INFO or above."""

from __future__ import annotations

import logging
from datetime import date

import pytest
from streamlit.testing.v1 import AppTest

from capture import OcrError
from storage import events
from storage.db import Database
from storage.kinds import Rating
from tests.cardmaker import CardText, photo_of_card
from tests.pages.conftest import APP, APP_TIMEOUT_S, local_owner_id

pytestmark = pytest.mark.tesseract
CARD = CardText(name="Wiebke Vertraulich", email="wiebke@geheim-gmbh.de", phone="+49 89 5551234")
NOTE = "Her daughter Mila starts at the Sorbonne in October; she fears the rent in Paris."


def _capture_and_save(at: AppTest) -> None:
    at.file_uploader[0].upload("card.jpg", photo_of_card(CARD), "image/jpeg").run()
    _save(at, at.session_state["capture.active_id"])


def _save(at: AppTest, capture_id: int) -> None:
    at.radio(key=f"capture.form.{capture_id}.rating").set_value(Rating.YES)
    at.text_area(key=f"capture.form.{capture_id}.note").input(NOTE)
    at.button(key=f"capture.form.{capture_id}.save").click().run()
    assert not at.exception
    # The flow must have gone all the way, or the check below proves nothing.
    assert at.session_state["capture.active_id"] is None, "the contact was not saved"


@pytest.mark.parametrize("ocr_fails", [False, True], ids=["read", "ocr-failed"])
def test_a_capture_logs_no_personal_data_at_info(
    app_env,
    app_database: Database,
    tesseract_binary: str,
    caplog: pytest.LogCaptureFixture,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
    ocr_fails: bool,
) -> None:
    if ocr_fails:

        def crash(*_args, **_kwargs):  # type: ignore[no-untyped-def]
            raise OcrError()

        monkeypatch.setattr("capture.ocr.run_tesseract", crash)
        monkeypatch.setattr("capture.neural_ocr.NeuralEngine.recognise", crash)
    owner_id = local_owner_id(app_database)
    with app_database.write() as session:
        events.create_event(session, owner_id, name="Stammtisch", held_on=date.today())
    caplog.set_level(logging.DEBUG)
    at = AppTest.from_file(APP, default_timeout=APP_TIMEOUT_S).run()
    at.switch_page("capture/page.py").run()
    if ocr_fails:  # the typed name replaces what could not be read
        at.file_uploader[0].upload("card.jpg", photo_of_card(CARD), "image/jpeg").run()
        capture_id = at.session_state["capture.active_id"]
        assert "could not be read automatically" in at.warning[0].value
        at.text_input(key=f"capture.form.{capture_id}.name").input(CARD.name)
        _save(at, capture_id)
    else:
        _capture_and_save(at)
    personal = ("Wiebke", "Vertraulich", "geheim-gmbh", "5551234", "Sorbonne", "Mila")
    for record in caplog.records:
        if record.levelno >= logging.INFO:
            message = record.getMessage()
            assert not any(p in message for p in personal), message
