"""Pending captures: read one (a file the decoder refuses is not kept), and the inbox with its
no-thanks flags.

The photo-first rule is for photos: a file the decoder refuses (not an image, cut off, too
large, a bomb…) is deleted as soon as it is refused. A photo that was decoded but could not
be read (the OCR failed, no text was found) stays in the inbox to be typed or discarded.
Every write goes through `intake` (one transaction with its retry).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace

from sqlalchemy.exc import SQLAlchemyError

from capture import errors, intake
from capture.neural_ocr import NeuralEngine
from storage import contacts, no_thanks, owners
from storage.db import Database
from storage.kinds import ScanStatus
from storage.matching import no_thanks_keys
from storage.records import ContactRecord, NoThanksHit
from storage.settings import Settings

log = logging.getLogger(__name__)

# The photo was decoded, only reading it failed: it is kept, as every photo is.
KEPT_UNREAD = frozenset({errors.OCR_FAILED, errors.NO_TEXT, errors.ENCODE_FAILED})


def is_refused_file(code: str | None) -> bool:
    """A CaptureError code saying the decoder refused the file itself (not a photo we keep)."""
    return code is not None and code not in KEPT_UNREAD


@dataclass(frozen=True)
class PendingCapture:
    """A capture in the inbox, with the no-thanks entry its e-mail or phone matches."""

    record: ContactRecord
    no_thanks: NoThanksHit | None


def read_or_discard(
    database: Database,
    owner_id: int,
    capture_id: int,
    photo: bytes,
    settings: Settings,
    neural: NeuralEngine | None = None,
) -> intake.ReadOutcome:
    """`intake.read_card`, and a file the decoder refuses deleted at once (`discarded`).

    If the database refuses the deletion, the capture stays in the inbox, marked as not
    read, to be discarded by hand (`discarded` is then False).
    """
    outcome = intake.read_card(database, owner_id, capture_id, photo, settings, neural)
    if not is_refused_file(outcome.error_code):
        return outcome
    try:
        intake.discard_capture(database, owner_id, capture_id)
    except contacts.ContactNotFound:
        pass  # discarded elsewhere meanwhile: gone all the same
    except SQLAlchemyError as error:
        log.warning("refused file %s could not be deleted: %s", capture_id, type(error).__name__)
        return outcome
    return replace(outcome, discarded=True)


def read_pending(
    database: Database,
    owner_id: int,
    capture_id: int,
    settings: Settings,
    neural: NeuralEngine | None = None,
) -> intake.ReadOutcome | None:
    """Read a stored capture that still waits to be read; None when it is gone, answered or
    already read (so a capture is never read twice)."""
    record, card = intake.load_capture(database, owner_id, capture_id)
    if record is None or card is None or record.is_answered:
        return None
    if card.scan_status is not ScanStatus.PENDING:
        return None
    return read_or_discard(database, owner_id, capture_id, card.photo, settings, neural)


def inbox_with_flags(database: Database, owner_id: int) -> list[PendingCapture]:
    """The captures waiting for their two answers, oldest first, each with its no-thanks hit."""
    with database.read() as session:
        waiting = contacts.list_inbox(session, owner_id)
        if not waiting:
            return []
        salt = owners.owner_salt(session, owner_id)
        return [
            PendingCapture(
                record,
                no_thanks.find_no_thanks(
                    session,
                    owner_id,
                    no_thanks_keys([*record.details.emails, *record.details.phones], salt),
                ),
            )
            for record in waiting
        ]
