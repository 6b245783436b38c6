"""Triage storage: discard as a purge with an anonymous tally, its undo, and event figures."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import case, delete, func, or_, select
from sqlalchemy.orm import Session

from storage import contacts
from storage.contact_rows import to_record, with_scan_status
from storage.db import SQLITE_BUSY_TIMEOUT_MS, Database
from storage.kinds import ContactStatus, FollowUpStatus, Rating
from storage.models import Base, CardImage, Contact, DiscardTally, FollowUp, Meeting, NoThanks
from storage.models import utcnow as _utcnow
from storage.records import ContactRecord

log = logging.getLogger(__name__)

# While a checkpoint waits for readers to let go of old snapshots; a short wait is enough.
CHECKPOINT_BUSY_TIMEOUT_MS = 2_000


@dataclass(frozen=True)
class DiscardedContact:
    """Every row a discard deleted, as column values: held in memory only, for undo.

    It is never written anywhere; once the triage session ends it is gone with it.
    """

    contact: dict[str, Any]
    card: dict[str, Any] | None
    meetings: tuple[dict[str, Any], ...]
    follow_ups: tuple[dict[str, Any], ...]
    tally_id: int
    no_thanks_added: tuple[str, ...]

    @property
    def contact_id(self) -> int:
        return int(self.contact["id"])


@dataclass(frozen=True)
class EventSummary:
    """The figures of one event; discarded contacts count through their anonymous tally."""

    captured: int
    clicked: int
    follow_ups: int
    kept: int
    discarded: int
    pitches: int
    unanswered: int
    undecided: int


def _columns(row: Base) -> dict[str, Any]:
    return {column.key: getattr(row, column.key) for column in row.__table__.columns}


def _rows(session: Session, model: Any, owner_id: int, contact_id: int) -> tuple[Any, ...]:
    return tuple(
        session.scalars(
            select(model)
            .where(model.owner_id == owner_id, model.contact_id == contact_id)
            .order_by(model.id)
        )
    )


def discard_contact(
    session: Session, owner_id: int, contact_id: int, *, no_thanks_hashes: Iterable[str] = ()
) -> DiscardedContact:
    """Delete the contact, its card, OCR text, meetings and follow-ups; leave only a tally.

    `no_thanks_hashes` (salted hashes of a pitch's e-mails and phones) join the no-thanks
    list. Run inside the caller's one write transaction: all of it happens, or none.
    """
    contact = session.scalar(
        select(Contact).where(Contact.id == contact_id, Contact.owner_id == owner_id)
    )
    if contact is None:
        raise contacts.ContactNotFound(contact_id)
    snapshot_contact = _columns(contact)
    card = session.scalar(
        select(CardImage).where(CardImage.owner_id == owner_id, CardImage.contact_id == contact_id)
    )
    snapshot_card = None if card is None else _columns(card)
    meetings = tuple(_columns(m) for m in _rows(session, Meeting, owner_id, contact_id))
    follow_ups = tuple(_columns(f) for f in _rows(session, FollowUp, owner_id, contact_id))
    tally = DiscardTally(
        owner_id=owner_id,
        event_id=contact.event_id,
        rating=contact.rating,
        is_pitch=contact.is_pitch,
        discarded_at=_utcnow(),
    )
    session.add(tally)
    known = set(session.scalars(select(NoThanks.key_hash).where(NoThanks.owner_id == owner_id)))
    added = tuple(h for h in dict.fromkeys(no_thanks_hashes) if h not in known)
    for key_hash in added:
        session.add(
            NoThanks(
                owner_id=owner_id,
                key_hash=key_hash,
                event_id=contact.event_id,
                discarded_at=_utcnow(),
            )
        )
    contacts.delete_contact(session, owner_id, contact_id)
    session.flush()
    return DiscardedContact(
        contact=snapshot_contact,
        card=snapshot_card,
        meetings=meetings,
        follow_ups=follow_ups,
        tally_id=tally.id,
        no_thanks_added=added,
    )


def restore_contact(session: Session, owner_id: int, discarded: DiscardedContact) -> int:
    """Undo a discard: put every row back, drop its tally and the hashes it added.

    The contact keeps its id unless a new contact took it meanwhile; the id is returned.
    """
    if discarded.contact["owner_id"] != owner_id:
        raise contacts.ContactNotFound(discarded.contact_id)
    values = dict(discarded.contact)
    if session.get(Contact, values["id"]) is not None:
        del values["id"]
    contact = Contact(**values)
    session.add(contact)
    session.flush()
    if discarded.card is not None:
        card = {k: v for k, v in discarded.card.items() if k != "id"}
        session.add(CardImage(**{**card, "contact_id": contact.id}))
    for model, rows in ((Meeting, discarded.meetings), (FollowUp, discarded.follow_ups)):
        for row in rows:
            values = {k: v for k, v in row.items() if k != "id"}
            session.add(model(**{**values, "contact_id": contact.id}))
    session.execute(
        delete(DiscardTally).where(
            DiscardTally.id == discarded.tally_id, DiscardTally.owner_id == owner_id
        )
    )
    if discarded.no_thanks_added:
        session.execute(
            delete(NoThanks).where(
                NoThanks.owner_id == owner_id, NoThanks.key_hash.in_(discarded.no_thanks_added)
            )
        )
    session.flush()
    return contact.id


def lock_contact(session: Session, owner_id: int, contact_id: int) -> None:
    """Hold the contact's row until this transaction ends, before reading it to decide.

    A second session deciding the same contact waits here, then reads what the first one
    decided (PostgreSQL; SQLite queues every writer at BEGIN IMMEDIATE anyway).
    """
    session.execute(
        select(Contact.id)
        .where(Contact.id == contact_id, Contact.owner_id == owner_id)
        .with_for_update()
    )


def contact_at(
    session: Session, owner_id: int, event_id: int, *, position: int, undecided_only: bool
) -> ContactRecord | None:
    """The answered contact at `position` (oldest first) of the event, undecided ones only
    when asked: triage shows one at a time. Unanswered captures are never among them."""
    statement = with_scan_status().where(
        Contact.owner_id == owner_id,
        Contact.event_id == event_id,
        Contact.answered_at.is_not(None),
    )
    if undecided_only:
        statement = statement.where(Contact.status == ContactStatus.CAPTURED.value)
    row = session.execute(
        statement.order_by(Contact.created_at, Contact.id).offset(max(position, 0)).limit(1)
    ).first()
    return None if row is None else to_record(row[0], row[1])


def discard_candidates(session: Session, owner_id: int, event_id: int) -> list[int]:
    """Undecided, answered contacts of the event rated No or marked as a pitch."""
    return list(
        session.scalars(
            select(Contact.id)
            .where(
                Contact.owner_id == owner_id,
                Contact.event_id == event_id,
                Contact.answered_at.is_not(None),
                Contact.status == ContactStatus.CAPTURED.value,
                or_(Contact.rating == Rating.NO.value, Contact.is_pitch.is_(True)),
            )
            .order_by(Contact.created_at, Contact.id)
        )
    )


def event_summary(session: Session, owner_id: int, event_id: int) -> EventSummary:
    """Captured, clicked, follow-ups queued, kept, discarded and pitches of one event."""

    def count_if(condition: Any) -> Any:
        return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)

    live = session.execute(
        select(
            func.count(Contact.id),
            count_if(Contact.rating == Rating.YES.value),
            count_if(Contact.status == ContactStatus.KEPT.value),
            count_if(Contact.is_pitch.is_(True)),
            count_if(Contact.answered_at.is_(None)),
            count_if(Contact.status == ContactStatus.CAPTURED.value),
        ).where(Contact.owner_id == owner_id, Contact.event_id == event_id)
    ).one()
    gone = session.execute(
        select(
            func.count(DiscardTally.id),
            count_if(DiscardTally.rating == Rating.YES.value),
            count_if(DiscardTally.is_pitch.is_(True)),
        ).where(DiscardTally.owner_id == owner_id, DiscardTally.event_id == event_id)
    ).one()
    queued = session.scalar(
        select(func.count(FollowUp.id))
        .join(Contact, Contact.id == FollowUp.contact_id)
        .where(
            FollowUp.owner_id == owner_id,
            FollowUp.status == FollowUpStatus.QUEUED.value,
            Contact.event_id == event_id,
        )
    )
    return EventSummary(
        captured=int(live[0]) + int(gone[0]),
        clicked=int(live[1]) + int(gone[1]),
        follow_ups=int(queued or 0),
        kept=int(live[2]),
        discarded=int(gone[0]),
        pitches=int(live[3]) + int(gone[2]),
        unanswered=int(live[4]),
        undecided=int(live[5]) - int(live[4]),
    )


def forget_freed_pages(database: Database) -> None:
    """On SQLite, move the WAL into the database file and truncate it.

    With secure_delete on, a purge zeroes the rows in the database pages, but the WAL
    still holds older copies of those pages until it is checkpointed and truncated.
    """
    if not database.is_sqlite:
        return
    connection = database.write_engine.raw_connection()
    try:
        cursor = connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {CHECKPOINT_BUSY_TIMEOUT_MS}")
        busy = cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        if busy and busy[0]:
            # A long reader held an old snapshot; the next discard checkpoints again.
            log.warning("WAL checkpoint after a discard could not finish")
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        cursor.close()
    finally:
        connection.close()
