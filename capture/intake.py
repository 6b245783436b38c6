"""The capture edge: tonight's event; keep the photo first, then read it, then save the answers.

Every write here is one transaction with its retry (`Database.write_with_retry`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from capture import CaptureError, scan_image
from capture.neural_ocr import NeuralEngine
from capture.notes import note_problem
from storage import contacts, no_thanks, owners
from storage.db import Database
from storage.duplicates import find_duplicates
from storage.kinds import Rating
from storage.matching import no_thanks_keys
from storage.records import (
    CardRecord,
    ContactAnswers,
    ContactDetails,
    ContactRecord,
    NoThanksHit,
    ScanOutcome,
)
from storage.settings import Settings
from storage.triage import forget_freed_pages, lock_contact

log = logging.getLogger(__name__)

PHOTO_TYPES = ("jpg", "jpeg", "png", "webp", "heic", "heif")


NO_RATING = "no_rating"  # "Did it click?" is not answered; else a notes.NoteProblem


class AnswerError(ValueError):
    """The answers cannot be saved yet: `code` says why (NO_RATING or a NoteProblem).

    `note` is the refused note, for a page that quotes it; `str(e)` is for logs only.
    """

    def __init__(self, code: str, note: str = "") -> None:
        super().__init__(f"the answers were refused: {code}")
        self.code = code
        self.note = note


@dataclass(frozen=True)
class ReadOutcome:
    """What happened when the card was read: fields to prefill, or why they are empty.

    `error_code` is a CaptureError code (capture.errors.CODES) when the card was not read.
    """

    details: ContactDetails
    confidence: dict[str, float]
    error_code: str | None = None
    discarded: bool = False  # a file the decoder refused, deleted at once (capture.pending)


def store_photo(
    database: Database, owner_id: int, *, event_id: int | None, photo: bytes, photo_type: str
) -> int:
    """Persist the photo as an unanswered capture; nothing after this can lose it."""
    return database.write_with_retry(
        lambda session: contacts.start_capture(
            session, owner_id, event_id=event_id, photo=photo, photo_type=photo_type
        )
    )


def discard_capture(database: Database, owner_id: int, capture_id: int) -> None:
    """A pending capture (unread, unreadable or refused) deleted for good, photo included.

    No rating or note is needed and nothing is kept: not a tally, not a hash.
    """
    database.write_with_retry(
        lambda session: contacts.delete_capture(session, owner_id, capture_id)
    )
    forget_freed_pages(database)


def replace_photo(
    database: Database, owner_id: int, capture_id: int, *, photo: bytes, photo_type: str
) -> None:
    """A retaken photo for a pending capture, stored before it is read (`read_card`)."""
    database.write_with_retry(
        lambda session: contacts.replace_photo(
            session, owner_id, capture_id, photo=photo, photo_type=photo_type
        )
    )


def read_card(
    database: Database,
    owner_id: int,
    contact_id: int,
    photo: bytes,
    settings: Settings,
    neural: NeuralEngine | None = None,
) -> ReadOutcome:
    """Run the card reader on a stored capture and keep what it found (or why it failed).

    The photo is already stored: if the database refuses what was read, the capture stays
    "pending" and is read again when it is opened, so nothing is lost either way.
    """
    try:
        scan = scan_image(
            photo,
            region=settings.region,
            languages=settings.ocr_languages,
            timeout_s=settings.ocr_timeout_s,
            engine=settings.ocr_engine,
            neural=neural,
        )
    except CaptureError as error:
        code = error.code
        log.warning("card %s could not be read: %s", contact_id, code)
        _keep_scan(
            database,
            contact_id,
            lambda session: contacts.record_scan_failure(session, owner_id, contact_id, code),
        )
        return ReadOutcome(ContactDetails(), {}, error_code=code)
    details = scan.fields
    outcome = ScanOutcome(
        details=details,
        card_jpeg=scan.card_jpeg,
        raw_text=scan.raw_text,
        word_confidences=[(w.text, w.conf) for w in scan.words],
        field_confidence=scan.confidence,
    )
    _keep_scan(
        database,
        contact_id,
        lambda session: contacts.record_scan(session, owner_id, contact_id, outcome),
    )
    return ReadOutcome(details, dict(scan.confidence))


def _keep_scan(database: Database, contact_id: int, work: Callable[[Session], None]) -> None:
    try:
        database.write_with_retry(work)
    except SQLAlchemyError as error:
        log.warning(
            "card %s was read but the result was not stored: %s", contact_id, type(error).__name__
        )
    except contacts.ContactNotFound:
        log.info("card %s was discarded while it was read", contact_id)


def _still_pending(session: Session, owner_id: int, capture_id: int) -> None:
    """ContactNotFound when another session answered or discarded the capture first; the
    row is held until this transaction ends, so two saves at once cannot both pass."""
    lock_contact(session, owner_id, capture_id)
    record = contacts.get_contact(session, owner_id, capture_id)
    if record is None or record.is_answered:
        raise contacts.ContactNotFound(capture_id)


def check_answers(rating: Rating | None, note: str) -> ContactAnswers:
    """Refuse a missing rating or a note without substance (AnswerError with the code)."""
    if rating is None:
        raise AnswerError(NO_RATING, note)
    problem = note_problem(note)
    if problem is not None:
        raise AnswerError(problem, note)
    return ContactAnswers(rating=rating, note=note)


def load_capture(
    database: Database, owner_id: int, capture_id: int
) -> tuple[ContactRecord | None, CardRecord | None]:
    """A capture with its card, both None when it is not (or no longer) this owner's."""
    with database.read() as session:
        record = contacts.get_contact(session, owner_id, capture_id)
        card = contacts.get_card(session, owner_id, capture_id)
    return record, card


def inbox(database: Database, owner_id: int) -> list[ContactRecord]:
    """Captures still waiting for their two answers."""
    with database.read() as session:
        return contacts.list_inbox(session, owner_id)


def owner_keys(database: Database, owner_id: int, details: ContactDetails) -> list[str]:
    """Salted hashes of the card's e-mails and phones, as the no-thanks list keeps them."""
    with database.read() as session:
        salt = owners.owner_salt(session, owner_id)
    return sorted(no_thanks_keys([*details.emails, *details.phones], salt))


def no_thanks_hit(database: Database, owner_id: int, details: ContactDetails) -> NoThanksHit | None:
    keys = owner_keys(database, owner_id, details)
    with database.read() as session:
        return no_thanks.find_no_thanks(session, owner_id, keys)


def matching_contacts(
    database: Database, owner_id: int, details: ContactDetails, *, exclude_id: int | None
) -> list[ContactRecord]:
    """Contacts that are the same person (storage/duplicates.py: one rule on every path)."""
    with database.read() as session:
        return find_duplicates(session, owner_id, details, exclude_id=exclude_id)


def save_capture(
    database: Database,
    owner_id: int,
    contact_id: int,
    *,
    details: ContactDetails,
    answers: ContactAnswers,
    language: str,
) -> ContactRecord:
    """The capture's answers; ContactNotFound when it was answered or discarded elsewhere."""

    def work(session: Session) -> ContactRecord:
        _still_pending(session, owner_id, contact_id)
        return contacts.answer_capture(
            session, owner_id, contact_id, details=details, answers=answers, language=language
        )

    return database.write_with_retry(work)


def save_without_card(
    database: Database,
    owner_id: int,
    *,
    event_id: int | None,
    details: ContactDetails,
    answers: ContactAnswers,
    language: str,
) -> ContactRecord:
    return database.write_with_retry(
        lambda session: contacts.add_contact(
            session,
            owner_id,
            event_id=event_id,
            details=details,
            answers=answers,
            language=language,
        )
    )


def add_meeting_instead(
    database: Database,
    owner_id: int,
    *,
    existing_id: int,
    capture_id: int | None,
    event_id: int | None,
    answers: ContactAnswers,
) -> ContactRecord:
    """A known person met again: the meeting, with all its answers, joins their contact, and
    the new capture goes."""

    def work(session: Session) -> ContactRecord | None:
        if capture_id is not None:
            _still_pending(session, owner_id, capture_id)
        contacts.add_meeting(
            session,
            owner_id,
            existing_id,
            event_id=event_id,
            note=answers.note,
            rating=answers.rating,
            they_need=answers.they_need,
            i_offer=answers.i_offer,
        )
        if capture_id is not None:
            contacts.delete_contact(session, owner_id, capture_id)
        return contacts.get_contact(session, owner_id, existing_id)

    existing = database.write_with_retry(work)
    assert existing is not None
    return existing
