"""Reading contacts: one by id, the inbox, an event's list, search, duplicates, meetings."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from storage.contact_rows import to_record, with_scan_status
from storage.kinds import ContactStatus, Rating
from storage.models import Contact, Event, Meeting
from storage.records import ContactRecord
from storage.search_text import fold, like_pattern

LIKE_ESCAPE = "\\"


def get_contact(session: Session, owner_id: int, contact_id: int) -> ContactRecord | None:
    row = session.execute(
        with_scan_status().where(Contact.id == contact_id, Contact.owner_id == owner_id)
    ).first()
    return None if row is None else to_record(row[0], row[1])


def list_inbox(
    session: Session, owner_id: int, *, event_id: int | None = None
) -> list[ContactRecord]:
    """Captures whose questions are still open, oldest first; they never expire."""
    query = with_scan_status().where(Contact.owner_id == owner_id, Contact.answered_at.is_(None))
    if event_id is not None:
        query = query.where(Contact.event_id == event_id)
    rows = session.execute(query.order_by(Contact.created_at, Contact.id))
    return [to_record(c, s) for c, s in rows]


def list_event_page(
    session: Session,
    owner_id: int,
    event_id: int,
    *,
    undecided_only: bool = False,
    limit: int = 20,
    offset: int = 0,
) -> list[ContactRecord]:
    """One page of an event's contacts: unanswered first, then oldest first."""
    statement = with_scan_status().where(Contact.owner_id == owner_id, Contact.event_id == event_id)
    if undecided_only:
        statement = statement.where(Contact.status == ContactStatus.CAPTURED.value)
    rows = session.execute(
        statement.order_by(Contact.answered_at.is_not(None), Contact.created_at, Contact.id)
        .limit(limit)
        .offset(offset)
    )
    return [to_record(c, s) for c, s in rows]


def _search_filter(query: str) -> ColumnElement[bool] | None:
    """Folded text contains the folded query (`%` and `_` as typed); None: everything."""
    if not fold(query):
        return None
    return Contact.search_text.like(like_pattern(query, LIKE_ESCAPE), escape=LIKE_ESCAPE)


def search_contacts(
    session: Session, owner_id: int, query: str = "", *, limit: int = 25, offset: int = 0
) -> list[ContactRecord]:
    """Answered contacts whose folded text contains the folded query, newest first.

    Name, title, company, e-mails, note, need and offer are searched however they are
    spelled: "mueller", "Muller" and "MÜLLER" all find "Müller" (storage/search_text.py).
    """
    statement = with_scan_status().where(
        Contact.owner_id == owner_id, Contact.answered_at.is_not(None)
    )
    if (found := _search_filter(query)) is not None:
        statement = statement.where(found)
    rows = session.execute(
        statement.order_by(Contact.created_at.desc(), Contact.id.desc()).limit(limit).offset(offset)
    )
    return [to_record(c, s) for c, s in rows]


def count_contacts(session: Session, owner_id: int, query: str = "") -> int:
    statement = select(func.count(Contact.id)).where(
        Contact.owner_id == owner_id, Contact.answered_at.is_not(None)
    )
    if (found := _search_filter(query)) is not None:
        statement = statement.where(found)
    return session.scalar(statement) or 0


@dataclass(frozen=True)
class MeetingRecord:
    """Where and when the user met a contact: the first capture, or a later meeting."""

    event_id: int | None
    event_name: str
    event_date: date | None
    note: str
    met_at: datetime
    rating: Rating | None = None
    they_need: str = ""
    i_offer: str = ""


def contact_meetings(session: Session, owner_id: int, contact_id: int) -> list[MeetingRecord]:
    """The contact's own event first, then every later meeting, oldest first."""
    contact = session.scalar(
        select(Contact).where(Contact.id == contact_id, Contact.owner_id == owner_id)
    )
    if contact is None:
        return []
    first = session.execute(
        select(Event.name, Event.held_on).where(
            Event.id == contact.event_id, Event.owner_id == owner_id
        )
    ).first()
    found = [
        MeetingRecord(
            event_id=contact.event_id,
            event_name=first[0] if first else "",
            event_date=first[1] if first else None,
            note=contact.note,
            met_at=contact.created_at,
            rating=Rating(contact.rating) if contact.rating else None,
            they_need=contact.they_need,
            i_offer=contact.i_offer,
        )
    ]
    rows = session.execute(
        select(Meeting, Event.name, Event.held_on)
        .outerjoin(Event, (Event.id == Meeting.event_id) & (Event.owner_id == owner_id))
        .where(Meeting.owner_id == owner_id, Meeting.contact_id == contact_id)
        .order_by(Meeting.created_at, Meeting.id)
    )
    found += [
        MeetingRecord(
            event_id=meeting.event_id,
            event_name=name or "",
            event_date=held_on,
            note=meeting.note,
            met_at=meeting.created_at,
            rating=Rating(meeting.rating) if meeting.rating else None,
            they_need=meeting.they_need,
            i_offer=meeting.i_offer,
        )
        for meeting, name, held_on in rows
    ]
    return found
