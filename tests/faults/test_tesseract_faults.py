"""Tesseract missing, crashing or too slow: the photo is kept, the user types the fields."""

from __future__ import annotations

import time
from pathlib import Path

import pytesseract
import pytest
from streamlit.testing.v1 import AppTest

from storage import contacts
from storage.db import Database
from storage.kinds import Rating, ScanStatus
from tests.cardmaker import photo_of_card
from tests.pages.conftest import local_owner_id

NOTE = "Restores Bauhaus chairs; looking for a printer for small batches of seat fabric."

# Answers `--version` like Tesseract 5 (pytesseract asks before it reads), then misbehaves.
FAKE_TESSERACT = """#!/bin/sh
if [ "$1" = "--version" ]; then echo "tesseract 5.3.0"; exit 0; fi
{body}
"""
CRASH = 'echo "Segmentation fault" >&2\nkill -SEGV $$'
HANG_S = 900  # far beyond any limit below: an OCR time limit not honoured cannot pass
HANG = f"exec sleep {HANG_S}"
# 2 s per Tesseract call (KLICK_OCR_TIMEOUT_S below) and a few calls per photo take seconds;
# on a loaded 2-core machine a minute or two. Ignoring the limit would take HANG_S.
CAPTURE_CEILING_S = 300


def fake_tesseract(directory: Path, body: str) -> str:
    script = directory / "tesseract"
    script.write_text(FAKE_TESSERACT.format(body=body))
    script.chmod(0o755)
    return str(script)


@pytest.fixture(params=["missing", "crashing", "too_slow"])
def broken_tesseract(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> str:
    """Point pytesseract at a Tesseract that is not there, crashes, or never finishes."""
    command = {
        "missing": lambda: str(tmp_path / "no-such-dir" / "tesseract"),
        "crashing": lambda: fake_tesseract(tmp_path, CRASH),
        "too_slow": lambda: fake_tesseract(tmp_path, HANG),
    }[request.param]()
    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", command)
    monkeypatch.setenv("KLICK_OCR_ENGINE", "tesseract")
    # The capture's OCR time limit comes from the settings; 2 s against a 900 s hang.
    monkeypatch.setenv("KLICK_OCR_TIMEOUT_S", "2")
    return str(request.param)


def test_the_capture_is_kept_and_typed_by_hand_when_tesseract_fails(
    broken_tesseract: str, capture_page: AppTest, app_database: Database
) -> None:
    at = capture_page
    photo = photo_of_card()
    start = time.monotonic()
    at.file_uploader[0].upload("card.jpg", photo, "image/jpeg").run()
    took = time.monotonic() - start
    assert not at.exception, at.exception
    assert took < CAPTURE_CEILING_S, f"the OCR time limit was not honoured ({took:.0f} s)"

    capture_id = int(at.session_state["capture.active_id"])
    owner_id = local_owner_id(app_database)
    with app_database.read() as session:
        card = contacts.get_card(session, owner_id, capture_id)
    assert card is not None and card.photo == photo
    assert card.scan_status is ScanStatus.FAILED and card.scan_error == "ocr_failed"
    assert "could not be read automatically" in at.warning[0].value
    assert "photo is saved" in at.warning[0].value

    at.text_input(key=f"capture.form.{capture_id}.name").input("Anna Schäfer")
    at.text_area(key=f"capture.form.{capture_id}.emails").input("anna@example.org")
    at.radio(key=f"capture.form.{capture_id}.rating").set_value(Rating.YES)
    at.text_area(key=f"capture.form.{capture_id}.note").input(NOTE)
    at.button(key=f"capture.form.{capture_id}.save").click().run()
    assert not at.exception, at.exception
    assert "Saved Anna Schäfer" in at.success[0].value
    with app_database.read() as session:
        contact = contacts.get_contact(session, owner_id, capture_id)
        card = contacts.get_card(session, owner_id, capture_id)
    assert contact is not None and contact.is_answered
    assert contact.details.name == "Anna Schäfer" and contact.details.emails == (
        "anna@example.org",
    )
    assert card is not None and card.photo == photo


def test_an_engine_error_inside_the_one_tesseract_function_keeps_the_capture(
    capture_page: AppTest, app_database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The call `capture.ocr.run_tesseract` makes fails as a crashed engine makes it fail."""

    def crash(*_args: object, **_kwargs: object) -> dict[str, list[object]]:
        raise pytesseract.TesseractError(-11, "Segmentation fault")

    monkeypatch.setattr(pytesseract, "image_to_data", crash)
    monkeypatch.setenv("KLICK_OCR_ENGINE", "tesseract")
    at = capture_page
    at.file_uploader[0].upload("card.jpg", photo_of_card(), "image/jpeg").run()
    assert not at.exception, at.exception
    capture_id = int(at.session_state["capture.active_id"])
    assert "could not be read automatically" in at.warning[0].value
    with app_database.read() as session:
        card = contacts.get_card(session, local_owner_id(app_database), capture_id)
    assert card is not None and card.photo == photo_of_card()
    assert card.scan_status is ScanStatus.FAILED
