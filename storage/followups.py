"""Follow-ups: queued, due, done; always through the contact's owner."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from storage.kinds import Channel, FollowUpStatus
from storage.models import Contact, FollowUp

MAX_BODY = 10_000


class FollowUpNotFound(LookupError):
    """No such follow-up for this owner."""


@dataclass(frozen=True)
class FollowUpRecord:
    id: int
    contact_id: int
    contact_name: str
    channel: Channel
    subject: str
    body: str
    language: str
    due_at: datetime
    status: FollowUpStatus
    done_on: date | None
    next_check_in: date | None
    created_at: datetime


def _record(follow_up: FollowUp, contact_name: str) -> FollowUpRecord:
    return FollowUpRecord(
        id=follow_up.id,
        contact_id=follow_up.contact_id,
        contact_name=contact_name,
        channel=Channel(follow_up.channel),
        subject=follow_up.subject,
        body=follow_up.body,
        language=follow_up.language,
        due_at=follow_up.due_at,
        status=FollowUpStatus(follow_up.status),
        done_on=follow_up.done_on,
        next_check_in=follow_up.next_check_in,
        created_at=follow_up.created_at,
    )


def _select() -> Select[FollowUp, str]:
    return select(FollowUp, Contact.name).join(Contact, Contact.id == FollowUp.contact_id)


def _owned(session: Session, owner_id: int, follow_up_id: int) -> FollowUp:
    follow_up = session.scalar(
        select(FollowUp).where(FollowUp.id == follow_up_id, FollowUp.owner_id == owner_id)
    )
    if follow_up is None:
        raise FollowUpNotFound(follow_up_id)
    return follow_up


def queue_follow_up(
    session: Session,
    owner_id: int,
    contact_id: int,
    *,
    due_at: datetime,
    channel: Channel = Channel.EMAIL,
    language: str = "en",
) -> FollowUpRecord:
    """Queue a follow-up for one of the owner's contacts."""
    contact = session.scalar(
        select(Contact).where(Contact.id == contact_id, Contact.owner_id == owner_id)
    )
    if contact is None:
        raise FollowUpNotFound(f"contact {contact_id}")
    follow_up = FollowUp(
        owner_id=owner_id,
        contact_id=contact_id,
        channel=Channel(channel).value,
        language=language,
        due_at=due_at,
        status=FollowUpStatus.QUEUED.value,
    )
    session.add(follow_up)
    session.flush()
    return _record(follow_up, contact.name)


def get_follow_up(session: Session, owner_id: int, follow_up_id: int) -> FollowUpRecord | None:
    row = session.execute(
        _select().where(FollowUp.id == follow_up_id, FollowUp.owner_id == owner_id)
    ).first()
    return None if row is None else _record(row[0], row[1])


def list_follow_ups(
    session: Session,
    owner_id: int,
    *,
    status: FollowUpStatus | None = FollowUpStatus.QUEUED,
    contact_id: int | None = None,
) -> list[FollowUpRecord]:
    """Follow-ups by due date, earliest first."""
    statement = _select().where(FollowUp.owner_id == owner_id)
    if status is not None:
        statement = statement.where(FollowUp.status == FollowUpStatus(status).value)
    if contact_id is not None:
        statement = statement.where(FollowUp.contact_id == contact_id)
    rows = session.execute(statement.order_by(FollowUp.due_at, FollowUp.id))
    return [_record(f, name) for f, name in rows]


def save_draft(
    session: Session,
    owner_id: int,
    follow_up_id: int,
    *,
    channel: Channel,
    subject: str,
    body: str,
    language: str,
) -> None:
    follow_up = _owned(session, owner_id, follow_up_id)
    follow_up.channel = Channel(channel).value
    follow_up.subject = subject.strip()[:300]
    follow_up.body = body.strip()[:MAX_BODY]
    follow_up.language = language


def mark_done(
    session: Session, owner_id: int, follow_up_id: int, *, done_on: date, next_check_in: date | None
) -> None:
    follow_up = _owned(session, owner_id, follow_up_id)
    follow_up.status = FollowUpStatus.DONE.value
    follow_up.done_on = done_on
    follow_up.next_check_in = next_check_in


def delete_follow_up(session: Session, owner_id: int, follow_up_id: int) -> None:
    session.delete(_owned(session, owner_id, follow_up_id))


def earlier_bodies(
    session: Session, owner_id: int, *, except_contact_id: int
) -> list[tuple[str, str]]:
    """(contact name, body) of follow-ups written to other contacts, for near-copy checks."""
    rows = session.execute(
        select(Contact.name, FollowUp.body)
        .join(Contact, Contact.id == FollowUp.contact_id)
        .where(
            FollowUp.owner_id == owner_id,
            FollowUp.contact_id != except_contact_id,
            FollowUp.body != "",
        )
    )
    return [(name, body) for name, body in rows]


@dataclass(frozen=True)
class DraftReview:
    """What the user decided about the checked text: findings kept anyway, ready to send."""

    overridden: tuple[str, ...] = ()
    ready: bool = False


def get_review(session: Session, owner_id: int, follow_up_id: int) -> DraftReview | None:
    follow_up = session.scalar(
        select(FollowUp).where(FollowUp.id == follow_up_id, FollowUp.owner_id == owner_id)
    )
    if follow_up is None:
        return None
    return DraftReview(tuple(follow_up.overridden_findings or ()), bool(follow_up.ready))


def set_review(
    session: Session, owner_id: int, follow_up_id: int, *, overridden: Sequence[str], ready: bool
) -> None:
    """Keep the deliberately overridden findings; `ready` only after the edge checked the text."""
    follow_up = _owned(session, owner_id, follow_up_id)
    follow_up.overridden_findings = sorted(set(overridden))
    follow_up.ready = ready


def ready_follow_up_ids(session: Session, owner_id: int) -> set[int]:
    """Queued follow-ups whose checked text is ready to send, for the queue's marks."""
    rows = session.scalars(
        select(FollowUp.id).where(
            FollowUp.owner_id == owner_id,
            FollowUp.status == FollowUpStatus.QUEUED.value,
            FollowUp.ready.is_(True),
        )
    )
    return set(rows)
