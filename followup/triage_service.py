"""The triage edge: decisions as transactions, each returning the step that undoes it."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy.orm import Session

from followup.model import Decision
from followup.triage import allowed_decisions, can_rerate, follow_up_due
from storage import contacts, followups, owners, triage
from storage.db import Database
from storage.kinds import ContactStatus, Rating
from storage.matching import no_thanks_keys
from storage.records import CardRecord, ContactRecord
from storage.triage import DiscardedContact, EventSummary

log = logging.getLogger(__name__)

PAGE_SIZE = 20


class TriageError(ValueError):
    """A decision triage does not offer for this contact; the code names the reason."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class UndoStep:
    """How to take one decision back. Lives in the Streamlit session only, never stored."""

    decision: str  # a Decision value, or "rerate"
    names: tuple[str, ...]
    previous_status: dict[int, str] = field(default_factory=dict)
    follow_up_ids: tuple[int, ...] = ()
    previous_rating: dict[int, str] = field(default_factory=dict)
    discarded: tuple[DiscardedContact, ...] = ()


@dataclass(frozen=True)
class TriageView:
    """What the triage page shows for one event and one page of its list."""

    summary: EventSummary
    items: list[ContactRecord]
    total: int
    page: int
    pages: int
    discard_candidates: int

    @property
    def blocked(self) -> bool:
        """Unanswered captures come first, and nothing else is decided until they are."""
        return self.summary.unanswered > 0


def load_view(
    database: Database, owner_id: int, event_id: int, *, page: int = 0, show_decided: bool = False
) -> TriageView:
    with database.read() as session:
        summary = triage.event_summary(session, owner_id, event_id)
        live = summary.captured - summary.discarded
        total = live if show_decided else summary.undecided + summary.unanswered
        pages = max(1, -(-total // PAGE_SIZE))
        page = min(max(page, 0), pages - 1)
        items = contacts.list_event_page(
            session,
            owner_id,
            event_id,
            undecided_only=not show_decided,
            limit=PAGE_SIZE,
            offset=page * PAGE_SIZE,
        )
        candidates = len(triage.discard_candidates(session, owner_id, event_id))
    return TriageView(summary, items, total, page, pages, candidates)


def load_card(database: Database, owner_id: int, contact_id: int) -> CardRecord | None:
    """The photo and straightened card of one contact: only for the one on screen."""
    with database.read() as session:
        return contacts.get_card(session, owner_id, contact_id)


def _decidable(record: ContactRecord | None, decision: Decision) -> ContactRecord:
    if record is None:
        raise TriageError("gone")
    if decision not in allowed_decisions(record.rating, record.is_pitch):
        raise TriageError("not_offered")
    return record


def follow_up(
    database: Database,
    owner_id: int,
    contact_id: int,
    *,
    hours: int,
    now: datetime | None = None,
) -> UndoStep:
    """Queue a follow-up due within `hours`; only for a Yes that was not a pitch."""
    due = follow_up_due(now or datetime.now(UTC), hours)

    def work(session: Session) -> tuple[ContactRecord, int]:
        record = _decidable(contacts.get_contact(session, owner_id, contact_id), Decision.FOLLOW_UP)
        contacts.set_status(session, owner_id, contact_id, ContactStatus.FOLLOW_UP)
        queued = followups.queue_follow_up(
            session, owner_id, contact_id, due_at=due, language=record.language
        )
        return record, queued.id

    record, follow_up_id = database.write_with_retry(work)
    return UndoStep(
        decision=Decision.FOLLOW_UP.value,
        names=(record.display_name,),
        previous_status={contact_id: record.status.value},
        follow_up_ids=(follow_up_id,),
    )


def keep(database: Database, owner_id: int, contact_id: int) -> UndoStep:
    def work(session: Session) -> ContactRecord:
        record = _decidable(contacts.get_contact(session, owner_id, contact_id), Decision.KEEP)
        contacts.set_status(session, owner_id, contact_id, ContactStatus.KEPT)
        return record

    record = database.write_with_retry(work)
    return UndoStep(
        decision=Decision.KEEP.value,
        names=(record.display_name,),
        previous_status={contact_id: record.status.value},
    )


def rerate(database: Database, owner_id: int, contact_id: int, rating: Rating) -> UndoStep:
    """A Not sure becomes Yes or No the next morning; the note stays as it is."""

    def work(session: Session) -> tuple[ContactRecord, Rating]:
        record = contacts.get_contact(session, owner_id, contact_id)
        if record is None:
            raise TriageError("gone")
        if record.rating is None or not can_rerate(record.rating):
            raise TriageError("not_offered")
        contacts.rate(session, owner_id, contact_id, rating)
        return record, record.rating

    record, previous = database.write_with_retry(work)
    return UndoStep(
        decision="rerate",
        names=(record.display_name,),
        previous_rating={contact_id: previous.value},
    )


def discard(database: Database, owner_id: int, contact_ids: Sequence[int]) -> UndoStep:
    """Purge the contacts in one transaction; a pitch's e-mails and phones go on no-thanks."""

    def work(session: Session) -> tuple[list[DiscardedContact], list[str]]:
        discarded: list[DiscardedContact] = []
        names: list[str] = []
        salt = owners.owner_salt(session, owner_id)
        for contact_id in contact_ids:
            record = contacts.get_contact(session, owner_id, contact_id)
            if record is None:
                raise TriageError("gone")
            hashes = (
                no_thanks_keys([*record.details.emails, *record.details.phones], salt)
                if record.is_pitch
                else set()
            )
            discarded.append(
                triage.discard_contact(session, owner_id, contact_id, no_thanks_hashes=hashes)
            )
            names.append(record.display_name)
        return discarded, names

    discarded, names = database.write_with_retry(work)
    triage.forget_freed_pages(database)
    log.info("discarded %d contact(s)", len(discarded))
    return UndoStep(decision=Decision.DISCARD.value, names=tuple(names), discarded=tuple(discarded))


def discard_every_no_and_pitch(database: Database, owner_id: int, event_id: int) -> UndoStep:
    with database.read() as session:
        ids = triage.discard_candidates(session, owner_id, event_id)
    return discard(database, owner_id, ids)


def undo(database: Database, owner_id: int, step: UndoStep) -> None:
    """Take a decision back: restore what was discarded, or the status and rating before."""

    def work(session: Session) -> None:
        for discarded in reversed(step.discarded):
            triage.restore_contact(session, owner_id, discarded)
        for follow_up_id in step.follow_up_ids:
            try:
                followups.delete_follow_up(session, owner_id, follow_up_id)
            except followups.FollowUpNotFound:
                continue  # deleted meanwhile (the follow-up page); nothing left to undo
        for contact_id, status in step.previous_status.items():
            contacts.set_status(session, owner_id, contact_id, ContactStatus(status))
        for contact_id, rating in step.previous_rating.items():
            contacts.rate(session, owner_id, contact_id, Rating(rating))

    database.write_with_retry(work)
