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


class TriageError(ValueError):
    """A decision triage does not offer for this contact; the code names the reason:
    "gone" (deleted meanwhile), "decided" (decided meanwhile, e.g. in another session),
    "not_offered" (not a decision for this contact)."""

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
    """What the triage page shows for one event: the one contact on screen and what waits.

    `waiting` are unanswered captures that hold a contact (a name, company, e-mail or
    phone): they are answered (or discarded) first. `unreadable` are unanswered captures
    with nothing read from them: listed apart, they never block.
    """

    summary: EventSummary
    waiting: list[ContactRecord]
    unreadable: list[ContactRecord]
    current: ContactRecord | None
    position: int
    total: int  # contacts to go through: the undecided ones, or every answered one
    discard_candidates: int

    @property
    def blocked(self) -> bool:
        return bool(self.waiting)

    @property
    def left(self) -> int:
        """Answered contacts still to decide."""
        return self.summary.undecided


def load_view(
    database: Database,
    owner_id: int,
    event_id: int,
    *,
    position: int = 0,
    show_decided: bool = False,
) -> TriageView:
    with database.read() as session:
        summary = triage.event_summary(session, owner_id, event_id)
        pending = contacts.list_inbox(session, owner_id, event_id=event_id)
        answered = summary.captured - summary.discarded - summary.unanswered
        total = answered if show_decided else summary.undecided
        position = min(max(position, 0), max(total - 1, 0))
        current = triage.contact_at(
            session, owner_id, event_id, position=position, undecided_only=not show_decided
        )
        candidates = len(triage.discard_candidates(session, owner_id, event_id))
    return TriageView(
        summary,
        waiting=[c for c in pending if c.holds_a_contact],
        unreadable=[c for c in pending if not c.holds_a_contact],
        current=current,
        position=position,
        total=total,
        discard_candidates=candidates,
    )


def load_card(database: Database, owner_id: int, contact_id: int) -> CardRecord | None:
    """The photo and straightened card of one contact: only for the one on screen."""
    with database.read() as session:
        return contacts.get_card(session, owner_id, contact_id)


def _decidable(
    session: Session, owner_id: int, contact_id: int, decision: Decision | None
) -> ContactRecord:
    """The undecided contact, its row held until the transaction ends (`lock_contact`):
    of two sessions deciding it at once, the second finds it decided (or gone)."""
    triage.lock_contact(session, owner_id, contact_id)
    record = contacts.get_contact(session, owner_id, contact_id)
    if record is None:
        raise TriageError("gone")
    if record.status is not ContactStatus.CAPTURED:
        raise TriageError("decided")
    if decision is not None and decision not in allowed_decisions(record.rating, record.is_pitch):
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
        record = _decidable(session, owner_id, contact_id, Decision.FOLLOW_UP)
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
        record = _decidable(session, owner_id, contact_id, Decision.KEEP)
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
        record = _decidable(session, owner_id, contact_id, None)
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


def _discard_one(
    session: Session, owner_id: int, contact_id: int, *, undecided: bool, salt: bytes | None
) -> tuple[DiscardedContact, str]:
    """Purge one contact; given the owner's `salt`, a pitch's keys join the no-thanks list."""
    if undecided:
        record = _decidable(session, owner_id, contact_id, None)
    else:
        triage.lock_contact(session, owner_id, contact_id)
        found = contacts.get_contact(session, owner_id, contact_id)
        if found is None:
            raise TriageError("gone")
        record = found
    hashes = (
        no_thanks_keys([*record.details.emails, *record.details.phones], salt)
        if record.is_pitch and salt is not None
        else set()
    )
    discarded = triage.discard_contact(session, owner_id, contact_id, no_thanks_hashes=hashes)
    return discarded, record.display_name


def _discarded(database: Database, pairs: Sequence[tuple[DiscardedContact, str]]) -> UndoStep:
    triage.forget_freed_pages(database)
    log.info("discarded %d contact(s)", len(pairs))
    return UndoStep(
        decision=Decision.DISCARD.value,
        names=tuple(name for _, name in pairs),
        discarded=tuple(discarded for discarded, _ in pairs),
    )


def discard(
    database: Database,
    owner_id: int,
    contact_ids: Sequence[int],
    *,
    undecided_only: bool = False,
    add_no_thanks: bool = True,
) -> UndoStep:
    """Purge the contacts in one transaction; a pitch's e-mails and phones go on no-thanks.

    Triage asks for `undecided_only` (a contact decided meanwhile is refused, "decided");
    "Discard now" for a contact already on the no-thanks list adds no hashes to it.
    """

    def work(session: Session) -> list[tuple[DiscardedContact, str]]:
        salt = owners.owner_salt(session, owner_id) if add_no_thanks else None
        return [
            _discard_one(session, owner_id, contact_id, undecided=undecided_only, salt=salt)
            for contact_id in contact_ids
        ]

    return _discarded(database, database.write_with_retry(work))


def discard_every_no_and_pitch(database: Database, owner_id: int, event_id: int) -> UndoStep:
    """Every undecided No and pitch of the event, as they stand when the discard runs."""

    def work(session: Session) -> list[tuple[DiscardedContact, str]]:
        salt = owners.owner_salt(session, owner_id)
        pairs: list[tuple[DiscardedContact, str]] = []
        for contact_id in triage.discard_candidates(session, owner_id, event_id):
            try:
                pairs.append(_discard_one(session, owner_id, contact_id, undecided=True, salt=salt))
            except TriageError:
                continue  # decided or deleted by another session meanwhile
        return pairs

    return _discarded(database, database.write_with_retry(work))


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
