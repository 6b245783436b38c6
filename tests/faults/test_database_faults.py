"""The database away during a save: retried where it asks, else kept in the session."""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session
from streamlit.testing.v1 import AppTest

import storage.db
from capture import intake
from storage import contacts
from storage.db import Database, is_storage_full, is_transient
from storage.kinds import Rating
from tests.cardmaker import jpeg_bytes, photo_of_card
from tests.conftest import POSTGRES_ENV, sqlite_database_at
from tests.faults.conftest import open_capture_page
from tests.pages.conftest import local_owner_id
from tests.support import fresh_postgres

# Two photos that decode but show no text: kept in the inbox (a refused file would not be).
FIRST_PHOTO = jpeg_bytes(Image.new("RGB", (900, 600), (40, 64, 40)))
SECOND_PHOTO = jpeg_bytes(Image.new("RGB", (900, 600), (80, 64, 40)))

NOTE = "Restores Bauhaus chairs; looking for a printer for small batches of seat fabric."
SHORT_BUSY_MS = 100  # so that a held lock turns into "database is locked" quickly


def hold_write_lock(path: Path) -> sqlite3.Connection:
    """Another process's writer: it holds SQLite's write lock until rolled back."""
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    return holder


# --- the retry helper against real faults ----------------------------------------------


def test_a_held_sqlite_lock_is_waited_out_by_retrying(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(storage.db, "SQLITE_BUSY_TIMEOUT_MS", SHORT_BUSY_MS)
    database = sqlite_database_at(tmp_path / "klick.db")
    owner_id = local_owner_id(database)
    try:
        holder = hold_write_lock(tmp_path / "klick.db")
        # Without retrying, the user would see SQLite's words.
        with (
            pytest.raises(OperationalError, match="database is locked") as raised,
            database.write() as session,
        ):
            contacts.start_capture(
                session, owner_id, event_id=None, photo=b"x", photo_type="image/jpeg"
            )
        assert is_transient(raised.value) and not is_storage_full(raised.value)
        threading.Timer(0.6, holder.rollback).start()
        capture_id = intake.store_photo(
            database, owner_id, event_id=None, photo=photo_of_card(), photo_type="image/jpeg"
        )
        assert database.retries >= 1
        with database.read() as session:
            card = contacts.get_card(session, owner_id, capture_id)
        assert card is not None and card.photo == photo_of_card()
        with database.read() as session:
            assert len(contacts.list_inbox(session, owner_id)) == 1  # once, not per attempt
    finally:
        database.dispose()


@pytest.mark.postgres
def test_a_postgres_connection_killed_mid_transaction_is_retried(postgres_url: str) -> None:
    with fresh_postgres(os.environ[POSTGRES_ENV]) as url:
        database = Database(url)
        owner_id = local_owner_id(database)
        killer = create_engine(url, isolation_level="AUTOCOMMIT")
        attempts = 0

        def work(session: Session) -> int:
            nonlocal attempts
            attempts += 1
            capture_id = contacts.start_capture(
                session, owner_id, event_id=None, photo=b"photo", photo_type="image/jpeg"
            )
            if attempts == 1:  # the server goes away under the open transaction
                pid = session.execute(text("SELECT pg_backend_pid()")).scalar_one()
                with killer.connect() as connection:
                    connection.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
                session.execute(text("SELECT 1"))
            return capture_id

        try:
            database.write_with_retry(work)
            assert attempts == 2 and database.retries == 1
            with database.read() as session:
                assert len(contacts.list_inbox(session, owner_id)) == 1
        finally:
            killer.dispose()
            database.dispose()


def test_a_refused_write_that_is_not_transient_is_not_repeated(sqlite_database: Database) -> None:
    calls = 0

    def refuse(_session: Session) -> None:
        nonlocal calls
        calls += 1
        raise OperationalError("INSERT", {}, sqlite3.OperationalError("no such table: x"))

    with pytest.raises(OperationalError):
        sqlite_database.write_with_retry(refuse)
    assert calls == 1


# --- the capture page while the database is away ----------------------------------------


class Outage:
    """Makes the app's database unavailable, and available again."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._holder: sqlite3.Connection | None = None

    def begin(self) -> None:
        parsed = make_url(self.url)
        if parsed.get_backend_name() == "sqlite":
            assert parsed.database
            self._holder = hold_write_lock(Path(parsed.database))
            return
        # PostgreSQL: refuse new connections, then end every open one (the app's pool too).
        admin = create_engine(parsed.set(database="postgres"), isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text(f'ALTER DATABASE "{parsed.database}" ALLOW_CONNECTIONS false'))
            connection.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = :name AND pid <> pg_backend_pid()"
                ),
                {"name": parsed.database},
            )
        admin.dispose()

    def end(self) -> None:
        parsed = make_url(self.url)
        if parsed.get_backend_name() == "sqlite":
            if self._holder is not None:
                self._holder.rollback()
                self._holder.close()
                self._holder = None
            return
        admin = create_engine(parsed.set(database="postgres"), isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text(f'ALTER DATABASE "{parsed.database}" ALLOW_CONNECTIONS true'))
        admin.dispose()


@pytest.fixture(
    params=[
        pytest.param("sqlite", id="sqlite"),
        pytest.param("postgres", id="postgres", marks=pytest.mark.postgres),
    ]
)
def outage(
    request: pytest.FixtureRequest, app_env: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Outage]:
    monkeypatch.setattr(storage.db, "SQLITE_BUSY_TIMEOUT_MS", SHORT_BUSY_MS)
    if request.param == "sqlite":
        fault = Outage(f"sqlite:///{app_env / 'klick.db'}")
        yield fault
        fault.end()
        return
    request.getfixturevalue("postgres_url")  # skips (or fails in CI) without PostgreSQL
    with fresh_postgres(os.environ[POSTGRES_ENV]) as url:
        monkeypatch.setenv("KLICK_DATABASE_URL", url)
        fault = Outage(url)
        try:
            yield fault
        finally:
            fault.end()


def shown(at: AppTest) -> str:
    return " ".join(e.value for e in [*at.error, *at.warning, *at.success, *at.exception])


@pytest.mark.tesseract
def test_the_database_away_during_saves_loses_neither_photo_nor_answers(
    outage: Outage, monkeypatch: pytest.MonkeyPatch, tesseract_binary: str
) -> None:
    database = Database(outage.url)
    database.upgrade()
    owner_id = local_owner_id(database)
    at = open_capture_page(database)
    photo = photo_of_card()

    # 1. The database goes away as the photo is being stored.
    real_store, real_save = intake.store_photo, intake.save_capture

    def store_during_outage(*args, **kwargs):  # type: ignore[no-untyped-def]
        outage.begin()
        return real_store(*args, **kwargs)

    monkeypatch.setattr(intake, "store_photo", store_during_outage)
    at.file_uploader[0].upload("card.jpg", photo, "image/jpeg").run()
    assert not at.exception, at.exception
    assert "could not be saved just now" in at.error[0].value
    assert "locked" not in shown(at).lower()
    assert at.session_state["capture.unsaved_photos"] == [(photo, "image/jpeg")]
    assert at.session_state["capture.active_id"] is None

    # 2. It is back; "Try again" stores the photo kept in the session, then reads it.
    outage.end()
    monkeypatch.setattr(intake, "store_photo", real_store)
    at.button(key="capture.retry").click().run()
    assert not at.exception, at.exception
    assert at.session_state["capture.unsaved_photos"] == []
    capture_id = int(at.session_state["capture.active_id"])
    with database.read() as session:
        card = contacts.get_card(session, owner_id, capture_id)
    assert card is not None and card.photo == photo

    # 3. It goes away again as the answers are saved: the form keeps them.
    def save_during_outage(*args, **kwargs):  # type: ignore[no-untyped-def]
        outage.begin()
        return real_save(*args, **kwargs)

    monkeypatch.setattr(intake, "save_capture", save_during_outage)
    at.radio(key=f"capture.form.{capture_id}.rating").set_value(Rating.YES)
    at.text_area(key=f"capture.form.{capture_id}.note").input(NOTE)
    at.button(key=f"capture.form.{capture_id}.save").click().run()
    assert not at.exception, at.exception
    assert "nothing is lost" in at.error[0].value
    assert "locked" not in shown(at).lower()
    assert at.text_area(key=f"capture.form.{capture_id}.note").value == NOTE
    assert at.radio(key=f"capture.form.{capture_id}.rating").value is Rating.YES
    typed_name = at.text_input(key=f"capture.form.{capture_id}.name").value

    # 4. Back again: "Save contact" once more saves what was typed.
    outage.end()
    monkeypatch.setattr(intake, "save_capture", real_save)
    with database.read() as session:
        contact = contacts.get_contact(session, owner_id, capture_id)
    assert contact is not None and not contact.is_answered
    at.button(key=f"capture.form.{capture_id}.save").click().run()
    assert not at.exception, at.exception
    assert "Saved" in at.success[0].value
    with database.read() as session:
        contact = contacts.get_contact(session, owner_id, capture_id)
        card = contacts.get_card(session, owner_id, capture_id)
    assert contact is not None and contact.is_answered
    assert (contact.note, contact.rating, contact.details.name) == (NOTE, Rating.YES, typed_name)
    assert card is not None and card.photo == photo
    database.dispose()


def test_two_refused_photos_are_both_kept_and_stored_in_order(
    app_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(storage.db, "SQLITE_BUSY_TIMEOUT_MS", SHORT_BUSY_MS)
    monkeypatch.setattr("capture.ocr.run_tesseract", _no_text)
    database = sqlite_database_at(app_env / "klick.db")
    owner_id = local_owner_id(database)
    at = open_capture_page(database)
    real_store = intake.store_photo

    def store_while_locked(*args, **kwargs):  # type: ignore[no-untyped-def]
        holder = hold_write_lock(app_env / "klick.db")
        try:
            return real_store(*args, **kwargs)
        finally:
            holder.rollback()
            holder.close()

    monkeypatch.setattr(intake, "store_photo", store_while_locked)
    at.file_uploader[0].upload("one.jpg", FIRST_PHOTO, "image/jpeg").run()
    at.file_uploader[0].upload("two.jpg", SECOND_PHOTO, "image/jpeg").run()
    assert not at.exception, at.exception
    assert len(at.button(key="capture.retry").proto.label) and len(at.error) == 1
    assert [p for p, _ in at.session_state["capture.unsaved_photos"]] == [
        FIRST_PHOTO,
        SECOND_PHOTO,
    ]
    monkeypatch.setattr(intake, "store_photo", real_store)
    at.button(key="capture.retry").click().run()
    assert not at.exception, at.exception
    assert at.session_state["capture.unsaved_photos"] == []
    with database.read() as session:
        waiting = contacts.list_inbox(session, owner_id)
        photos = [contacts.get_card(session, owner_id, c.id) for c in waiting]
    assert [c.photo for c in photos if c] == [FIRST_PHOTO, SECOND_PHOTO]
    database.dispose()


def _no_text(*_args: object, **_kwargs: object) -> list[dict[str, object]]:
    return []


def test_retrying_gives_up_in_bounded_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(storage.db, "SQLITE_BUSY_TIMEOUT_MS", SHORT_BUSY_MS)
    database = sqlite_database_at(tmp_path / "klick.db")
    holder = hold_write_lock(tmp_path / "klick.db")
    start = time.monotonic()
    try:
        with pytest.raises(OperationalError):
            database.write_with_retry(lambda session: session.execute(text("DELETE FROM events")))
    finally:
        holder.rollback()
        holder.close()
        database.dispose()
    assert database.retries == storage.db.WRITE_ATTEMPTS - 1
    # About a second here: five 0.1 s busy waits and the back-off between them. Unbounded
    # would hang; the default 15 s busy timeout would take 75 s. 30 s leaves room for load.
    assert time.monotonic() - start < 30


def test_a_read_result_the_database_refuses_leaves_the_capture_to_be_read_again(
    sqlite_database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from storage.settings import load_settings

    owner_id = local_owner_id(sqlite_database)
    capture_id = intake.store_photo(
        sqlite_database, owner_id, event_id=None, photo=b"not a photo", photo_type="image/jpeg"
    )

    def refused(*_args: object, **_kwargs: object) -> None:
        raise OperationalError("UPDATE card_images", {}, Exception("server closed the connection"))

    monkeypatch.setattr(contacts, "record_scan_failure", refused)
    outcome = intake.read_card(
        sqlite_database, owner_id, capture_id, b"not a photo", load_settings({})
    )
    assert outcome.error_code == "not_an_image"  # the reader's answer reaches the page
    with sqlite_database.read() as session:
        card = contacts.get_card(session, owner_id, capture_id)
    assert card is not None and card.photo == b"not a photo"
    assert card.scan_status.value == "pending"  # read again when the capture is opened
