"""The disk full while saving to SQLite: a clear message, nothing already saved is harmed."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from capture.page_context import CONTEXT_KEY
from storage import contacts
from storage.backup import check_klick_database
from storage.db import Database
from storage.kinds import Rating
from storage.records import ContactAnswers, ContactDetails
from tests.cardmaker import CardText, photo_of_card
from tests.conftest import sqlite_database_at
from tests.faults.conftest import open_capture_page
from tests.pages.conftest import local_owner_id

NOTE = "Restores Bauhaus chairs; looking for a printer for small batches of seat fabric."
EARLIER = photo_of_card(CardText(name="Jonas Weber", email="jonas@example.org"))
TMPFS_SIZE = "4m"


def _no_text(*_args: object, **_kwargs: object) -> list[dict[str, Any]]:
    return []  # the card reader finds nothing: the form opens empty, no Tesseract needed


def save_earlier_contact(database: Database) -> int:
    owner_id = local_owner_id(database)
    with database.write() as session:
        capture_id = contacts.start_capture(
            session, owner_id, event_id=None, photo=EARLIER, photo_type="image/jpeg"
        )
        contacts.answer_capture(
            session,
            owner_id,
            capture_id,
            details=ContactDetails(name="Jonas Weber"),
            answers=ContactAnswers(rating=Rating.YES, note="Met at the spring fair."),
        )
    return capture_id


def assert_earlier_contact_intact(path: Path, capture_id: int) -> None:
    check_klick_database(path)  # a connection of its own, beside the app's
    database = Database(f"sqlite:///{path}")
    try:
        owner_id = local_owner_id(database)
        with database.read() as session:
            contact = contacts.get_contact(session, owner_id, capture_id)
            card = contacts.get_card(session, owner_id, capture_id)
        assert contact is not None and contact.details.name == "Jonas Weber"
        assert contact.note == "Met at the spring fair." and card is not None
        assert card.photo == EARLIER
    finally:
        database.dispose()


class Filler:
    """Takes every free byte of a filesystem, and gives it back."""

    def __init__(self, directory: Path) -> None:
        self.path = directory / "filler"

    def fill(self) -> None:
        descriptor = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND)
        try:
            for size in (1 << 20, 1 << 16, 1 << 12, 1 << 9):  # smaller until nothing fits
                try:
                    while True:
                        os.write(descriptor, b"\0" * size)
                except OSError as error:
                    assert error.errno == errno.ENOSPC
        finally:
            os.close(descriptor)

    def free(self) -> None:
        self.path.unlink(missing_ok=True)


@pytest.fixture
def small_filesystem(tmp_path: Path) -> Iterator[Path]:
    """A real size-limited filesystem (tmpfs); needs root, as CI and this machine have."""
    mount_point = tmp_path / "small-disk"
    mount_point.mkdir()
    if shutil.which("mount") is None or os.geteuid() != 0:
        pytest.skip("mounting a size-limited tmpfs needs root")
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={TMPFS_SIZE}", "klick-test", str(mount_point)],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {result.stderr.strip()}")
    try:
        yield mount_point
    finally:
        if subprocess.run(["umount", str(mount_point)], check=False).returncode != 0:
            subprocess.run(["umount", "-l", str(mount_point)], check=False)


def test_a_full_disk_refuses_with_a_clear_message_and_harms_nothing(
    small_filesystem: Path, app_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = small_filesystem / "klick.db"
    monkeypatch.setenv("KLICK_DATABASE_URL", f"sqlite:///{path}")
    monkeypatch.setattr("capture.ocr.run_tesseract", _no_text)
    database = sqlite_database_at(path)
    earlier_id = save_earlier_contact(database)
    at = open_capture_page(database)
    disk = Filler(small_filesystem)

    # The photo meets a full disk: said so plainly, kept on the page.
    disk.fill()
    photo = photo_of_card()
    at.file_uploader[0].upload("card.jpg", photo, "image/jpeg").run()
    assert not at.exception, at.exception
    assert "storage is full" in at.error[0].value
    assert "Everything saved before is safe" in at.error[0].value
    assert at.session_state["capture.unsaved_photos"] == [(photo, "image/jpeg")]
    assert_earlier_contact_intact(path, earlier_id)

    disk.free()
    at.button(key="capture.retry").click().run()
    assert not at.exception, at.exception
    capture_id = int(at.session_state["capture.active_id"])

    # The answers meet a full disk: said so plainly, kept in the form.
    at.text_input(key=f"capture.form.{capture_id}.name").input("Anna Schäfer")
    at.radio(key=f"capture.form.{capture_id}.rating").set_value(Rating.YES)
    at.text_area(key=f"capture.form.{capture_id}.note").input(NOTE)
    disk.fill()
    at.button(key=f"capture.form.{capture_id}.save").click().run()
    assert not at.exception, at.exception
    assert "storage is full" in at.error[0].value
    assert at.text_area(key=f"capture.form.{capture_id}.note").value == NOTE
    assert_earlier_contact_intact(path, earlier_id)

    disk.free()
    at.button(key=f"capture.form.{capture_id}.save").click().run()
    assert not at.exception, at.exception
    assert "Saved Anna Schäfer" in at.success[0].value
    owner_id = local_owner_id(database)
    with database.read() as session:
        saved = contacts.get_contact(session, owner_id, capture_id)
        card = contacts.get_card(session, owner_id, capture_id)
    assert saved is not None and saved.is_answered and saved.note == NOTE
    assert card is not None and card.photo == photo
    assert_earlier_contact_intact(path, earlier_id)
    database.dispose()
    at.session_state[CONTEXT_KEY].database.dispose()  # let the tmpfs be unmounted


def test_a_database_that_cannot_grow_refuses_a_photo_clearly(
    app_env: Path, app_database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where no filesystem can be mounted: SQLite's page limit gives the same SQLITE_FULL."""
    monkeypatch.setattr("capture.ocr.run_tesseract", _no_text)
    path = app_env / "klick.db"
    earlier_id = save_earlier_contact(app_database)
    at = open_capture_page(app_database)
    engine = at.session_state[CONTEXT_KEY].database.write_engine

    def cannot_grow(dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
        cursor = dbapi_connection.cursor()
        pages = cursor.execute("PRAGMA page_count").fetchone()[0]
        cursor.execute(f"PRAGMA max_page_count = {pages}")
        cursor.close()

    event.listen(engine, "checkout", cannot_grow)
    photo = photo_of_card()
    at.file_uploader[0].upload("card.jpg", photo, "image/jpeg").run()
    assert not at.exception, at.exception
    assert "storage is full" in at.error[0].value
    assert at.session_state["capture.unsaved_photos"] == [(photo, "image/jpeg")]
    assert_earlier_contact_intact(path, earlier_id)

    event.remove(engine, "checkout", cannot_grow)
    engine.dispose()  # connections with the limit go
    at.button(key="capture.retry").click().run()
    assert not at.exception, at.exception
    capture_id = int(at.session_state["capture.active_id"])
    with app_database.read() as session:
        card = contacts.get_card(session, local_owner_id(app_database), capture_id)
    assert card is not None and card.photo == photo
