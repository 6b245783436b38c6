"""Pending captures as the services see them: a refused file goes, a photo stays; the stack
reader reads one card at a time, in order, without the page; one of two answers wins."""

from __future__ import annotations

import threading
import time

import pytest
from PIL import Image
from sqlalchemy import text

from capture import errors, intake, pending
from capture.stack_reader import Refusal, StackFile, StackReader
from storage import contacts, owners
from storage.db import Database
from storage.kinds import Rating, ScanStatus
from storage.records import ContactAnswers, ContactDetails, ScanOutcome
from storage.settings import load_settings
from tests.cardmaker import CardText, jpeg_bytes, photo_of_card

BLANK = jpeg_bytes(Image.new("RGB", (900, 600), (92, 64, 40)))
ANSWERS = ContactAnswers(rating=Rating.YES, note="Builds cargo bikes; needs a welder.")
WAIT_S = 600  # a few cards read on a loaded 2-core machine


def _owner(database: Database) -> int:
    with database.write() as session:
        return owners.get_or_create_owner(session, owners.LOCAL_USERNAME).id


def _store(database: Database, owner_id: int, photo: bytes) -> int:
    return intake.store_photo(
        database, owner_id, event_id=None, photo=photo, photo_type="image/jpeg"
    )


def _rows(database: Database) -> tuple[int, int]:
    with database.read() as session:
        return (
            session.scalar(text("SELECT count(*) FROM contacts")),
            session.scalar(text("SELECT count(*) FROM card_images")),
        )


@pytest.mark.parametrize("code", errors.CODES)
def test_only_a_photo_that_was_decoded_is_kept_unread(code: str) -> None:
    kept = code in (errors.OCR_FAILED, errors.NO_TEXT, errors.ENCODE_FAILED)
    assert pending.is_refused_file(code) is not kept
    assert not pending.is_refused_file(None)


@pytest.mark.parametrize("junk", [b"not an image", photo_of_card()[:20_000]], ids=["text", "cut"])
def test_a_file_the_decoder_refuses_is_deleted_at_once(database: Database, junk: bytes) -> None:
    owner_id = _owner(database)
    capture_id = _store(database, owner_id, junk)
    outcome = pending.read_or_discard(database, owner_id, capture_id, junk, load_settings({}))
    assert outcome.discarded and pending.is_refused_file(outcome.error_code)
    assert _rows(database) == (0, 0)


@pytest.mark.tesseract
def test_a_photo_without_text_stays_to_be_typed(database: Database) -> None:
    owner_id = _owner(database)
    capture_id = _store(database, owner_id, BLANK)
    outcome = pending.read_or_discard(database, owner_id, capture_id, BLANK, load_settings({}))
    assert outcome.error_code == errors.NO_TEXT and not outcome.discarded
    record, card = intake.load_capture(database, owner_id, capture_id)
    assert record is not None and card is not None and card.scan_status is ScanStatus.FAILED


def test_a_capture_is_read_once_and_never_after_it_is_answered(database: Database) -> None:
    owner_id = _owner(database)
    capture_id = _store(database, owner_id, b"not an image")
    answered_id = _store(database, owner_id, b"not an image either")
    intake.save_capture(
        database,
        owner_id,
        answered_id,
        details=ContactDetails(name="Jonas Weber"),
        answers=ANSWERS,
        language="de",
    )
    assert pending.read_pending(database, owner_id, answered_id, load_settings({})) is None
    outcome = pending.read_pending(database, owner_id, capture_id, load_settings({}))
    assert outcome is not None and outcome.discarded
    assert pending.read_pending(database, owner_id, capture_id, load_settings({})) is None
    assert _rows(database) == (1, 1), "the answered contact keeps its photo"


def test_the_inbox_flags_a_card_on_the_no_thanks_list(database: Database) -> None:
    from storage import triage
    from storage.matching import no_thanks_keys

    owner_id = _owner(database)
    with database.write() as session:
        salt = owners.owner_salt(session, owner_id)
        pitch = contacts.add_contact(
            session,
            owner_id,
            event_id=None,
            details=ContactDetails(name="Vertrieb", emails=("sales@pitch.example",)),
            answers=ContactAnswers(rating=Rating.NO, note="Only pitched a CRM.", is_pitch=True),
        )
        hashes = no_thanks_keys(pitch.details.emails, salt)
        triage.discard_contact(session, owner_id, pitch.id, no_thanks_hashes=hashes)
    flagged = _store(database, owner_id, b"a")
    plain = _store(database, owner_id, b"b")
    read = ScanOutcome(
        details=ContactDetails(name="Vertrieb", emails=("SALES@pitch.example",)),
        card_jpeg=b"",
        raw_text="Vertrieb SALES@pitch.example",
        word_confidences=[],
        field_confidence={},
    )
    with database.write() as session:
        contacts.record_scan(session, owner_id, flagged, read)
    waiting = pending.inbox_with_flags(database, owner_id)
    assert [(w.record.id, w.no_thanks is not None) for w in waiting] == [
        (flagged, True),
        (plain, False),
    ]


def test_an_answer_or_a_meeting_for_a_capture_answered_elsewhere_is_refused(
    database: Database,
) -> None:
    owner_id = _owner(database)
    capture_id = _store(database, owner_id, b"photo")
    known = intake.save_without_card(
        database,
        owner_id,
        event_id=None,
        details=ContactDetails(name="Anna Schäfer"),
        answers=ANSWERS,
        language="de",
    )
    first = intake.save_capture(
        database,
        owner_id,
        capture_id,
        details=ContactDetails(name="Anna Schäfer"),
        answers=ANSWERS,
        language="de",
    )
    with pytest.raises(contacts.ContactNotFound):
        intake.save_capture(
            database,
            owner_id,
            capture_id,
            details=ContactDetails(name="Someone else"),
            answers=ContactAnswers(rating=Rating.NO, note="The second session's answer."),
            language="de",
        )
    with pytest.raises(contacts.ContactNotFound):
        intake.add_meeting_instead(
            database,
            owner_id,
            existing_id=known.id,
            capture_id=capture_id,
            event_id=None,
            answers=ANSWERS,
        )
    with pytest.raises(contacts.ContactNotFound):
        intake.discard_capture(database, owner_id, capture_id)
    record, card = intake.load_capture(database, owner_id, capture_id)
    assert record == first and card is not None and card.photo == b"photo"
    with database.read() as session:
        assert session.scalar(text("SELECT count(*) FROM meetings")) == 0


class _Recorder:
    """The real `pending.read_pending`, watched: how many run at once, and in what order."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.running = self.most = 0
        self.order: list[int] = []
        self.threads: set[str] = set()

    def __call__(self, database, owner_id, capture_id, settings, neural):  # type: ignore[no-untyped-def]
        with self.lock:
            self.running += 1
            self.most = max(self.most, self.running)
            self.order.append(capture_id)
            self.threads.add(threading.current_thread().name)
        try:
            if capture_id == self.fail_on:
                raise RuntimeError("the reader crashed")
            return pending.read_pending(database, owner_id, capture_id, settings, neural)
        finally:
            with self.lock:
                self.running -= 1

    fail_on = -1


def _wait(reader: StackReader, stack_id: str) -> None:
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        progress = reader.progress(stack_id)
        if progress is not None and progress.finished:
            return
        time.sleep(0.05)
    raise AssertionError("the stack was not read in time")


@pytest.mark.tesseract
def test_the_stack_reader_reads_one_card_at_a_time_in_order(database: Database) -> None:
    owner_id = _owner(database)
    photos = [
        ("blank.jpg", BLANK),
        ("junk.txt", b"not an image"),
        ("crash.jpg", BLANK),
        ("card.jpg", photo_of_card(CardText(name="Jonas Weber"))),
    ]
    files = [StackFile(_store(database, owner_id, photo), name) for name, photo in photos]
    recorder = _Recorder()
    recorder.fail_on = files[2].capture_id
    reader = StackReader(recorder)
    one = reader.submit(database, owner_id, files[:2], load_settings({}), None)
    two = reader.submit(database, owner_id, files[2:], load_settings({}), None)
    assert reader.holds(owner_id, files[3].capture_id)
    _wait(reader, one)
    _wait(reader, two)
    assert recorder.most == 1 and len(recorder.threads) == 1
    assert recorder.order == [f.capture_id for f in files]
    first, second = reader.progress(one), reader.progress(two)
    assert first is not None and second is not None
    assert first.refused == (Refusal("junk.txt", errors.NOT_AN_IMAGE),)
    assert (second.total, second.done, second.refused) == (2, 2, ())
    assert not reader.holds(owner_id, files[3].capture_id)
    with database.read() as session:
        waiting = {c.id: c for c in contacts.list_inbox(session, owner_id)}
    # The crash left its capture pending (read when it is opened); the others were read.
    assert waiting[files[2].capture_id].scan_status is ScanStatus.PENDING
    assert waiting[files[0].capture_id].scan_status is ScanStatus.FAILED
    assert waiting[files[3].capture_id].details.name == "Jonas Weber"
    assert files[1].capture_id not in waiting
    assert reader.progress("unknown") is None
