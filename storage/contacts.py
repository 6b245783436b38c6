"""Contacts and their card images: capture first, answers later, purge for good."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import ColumnElement, Select, delete, func, or_, select
from sqlalchemy.orm import Session

from storage.kinds import ContactStatus, Rating, ScanStatus
from storage.matching import contact_keys
from storage.models import CardImage, Contact, Event, FollowUp, Meeting, utcnow
from storage.records import (
    CardRecord,
    ContactAnswers,
    ContactDetails,
    ContactRecord,
    ScanOutcome,
)

MAX_TEXT = 5_000
MAX_SHORT = 300  # name, title, company and each e-mail, phone, website
MAX_LIST_ITEMS = 10


class ContactError(ValueError):
    """A contact that cannot be saved as given; the message is for the user."""


class ContactNotFound(LookupError):
    """No such contact for this owner (it may belong to someone else, or be discarded)."""


# Control characters other than tab and newline mean nothing on a card or in a note, and
# PostgreSQL refuses NUL in text outright.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _clip(text: str, limit: int = MAX_TEXT) -> str:
    return _CONTROL.sub("", text).strip()[:limit]


def _details(contact: Contact) -> ContactDetails:
    return ContactDetails(
        name=contact.name,
        title=contact.title,
        company=contact.company,
        emails=tuple(contact.emails or ()),
        phones=tuple(contact.phones or ()),
        websites=tuple(contact.websites or ()),
        address=contact.address,
    )


def _record(contact: Contact, scan_status: str | None) -> ContactRecord:
    return ContactRecord(
        id=contact.id,
        event_id=contact.event_id,
        details=_details(contact),
        rating=Rating(contact.rating) if contact.rating else None,
        note=contact.note,
        they_need=contact.they_need,
        i_offer=contact.i_offer,
        is_pitch=contact.is_pitch,
        status=ContactStatus(contact.status),
        language=contact.language,
        address_form=contact.address_form,
        created_at=contact.created_at,
        answered_at=contact.answered_at,
        scan_status=ScanStatus(scan_status) if scan_status else ScanStatus.NO_PHOTO,
    )


def _with_scan_status() -> Select[Contact, str | None]:
    # Only the status column of the card: lists never load photo bytes.
    return select(Contact, CardImage.scan_status).outerjoin(
        CardImage, CardImage.contact_id == Contact.id
    )


def _owned(session: Session, owner_id: int, contact_id: int) -> Contact:
    contact = session.scalar(
        select(Contact).where(Contact.id == contact_id, Contact.owner_id == owner_id)
    )
    if contact is None:
        raise ContactNotFound(contact_id)
    return contact


def _apply_details(contact: Contact, details: ContactDetails) -> None:
    contact.name = _clip(details.name, MAX_SHORT)
    contact.title = _clip(details.title, MAX_SHORT)
    contact.company = _clip(details.company, MAX_SHORT)
    contact.emails = [_clip(e, MAX_SHORT) for e in details.emails if e.strip()][:MAX_LIST_ITEMS]
    contact.phones = [_clip(p, MAX_SHORT) for p in details.phones if p.strip()][:MAX_LIST_ITEMS]
    contact.websites = [_clip(w, MAX_SHORT) for w in details.websites if w.strip()][:MAX_LIST_ITEMS]
    contact.address = _clip(details.address)
    contact.match_keys = " ".join(contact_keys(contact.emails, contact.phones))


def _apply_answers(contact: Contact, answers: ContactAnswers) -> None:
    if not answers.note.strip():
        raise ContactError("A contact is saved with a personal note.")
    contact.rating = Rating(answers.rating).value
    contact.note = _clip(answers.note)
    contact.they_need = _clip(answers.they_need)
    contact.i_offer = _clip(answers.i_offer)
    contact.is_pitch = answers.is_pitch
    if contact.answered_at is None:
        contact.answered_at = utcnow()


def get_contact(session: Session, owner_id: int, contact_id: int) -> ContactRecord | None:
    row = session.execute(
        _with_scan_status().where(Contact.id == contact_id, Contact.owner_id == owner_id)
    ).first()
    return None if row is None else _record(row[0], row[1])


def start_capture(
    session: Session, owner_id: int, *, event_id: int | None, photo: bytes, photo_type: str
) -> int:
    """Keep the photo as an unanswered capture before anything else can fail."""
    contact = Contact(owner_id=owner_id, event_id=event_id, status=ContactStatus.CAPTURED.value)
    contact.card = CardImage(
        owner_id=owner_id,
        photo=photo,
        photo_type=photo_type[:50],
        sha256=hashlib.sha256(photo).hexdigest(),
        scan_status=ScanStatus.PENDING.value,
    )
    session.add(contact)
    session.flush()
    return contact.id


def _owned_card(session: Session, owner_id: int, contact_id: int) -> CardImage:
    card = session.scalar(
        select(CardImage).where(CardImage.contact_id == contact_id, CardImage.owner_id == owner_id)
    )
    if card is None:
        raise ContactNotFound(contact_id)
    return card


def record_scan(session: Session, owner_id: int, contact_id: int, outcome: ScanOutcome) -> None:
    """Store what was read; fields the user has already answered are not overwritten."""
    contact = _owned(session, owner_id, contact_id)
    card = _owned_card(session, owner_id, contact_id)
    card.card_jpeg = outcome.card_jpeg
    card.raw_text = outcome.raw_text
    card.word_confidences = [[w, c] for w, c in outcome.word_confidences]
    card.field_confidence = dict(outcome.field_confidence)
    card.scan_status = ScanStatus.READ.value
    card.scan_error = ""
    if contact.answered_at is None:
        _apply_details(contact, outcome.details)


def record_scan_failure(session: Session, owner_id: int, contact_id: int, reason: str) -> None:
    card = _owned_card(session, owner_id, contact_id)
    card.scan_status = ScanStatus.FAILED.value
    card.scan_error = reason[:500]


def get_card(session: Session, owner_id: int, contact_id: int) -> CardRecord | None:
    card = session.scalar(
        select(CardImage).where(CardImage.contact_id == contact_id, CardImage.owner_id == owner_id)
    )
    if card is None:
        return None
    return CardRecord(
        contact_id=card.contact_id,
        photo=card.photo,
        photo_type=card.photo_type,
        card_jpeg=card.card_jpeg,
        scan_status=ScanStatus(card.scan_status),
        scan_error=card.scan_error,
        raw_text=card.raw_text,
        field_confidence=dict(card.field_confidence or {}),
    )


def answer_capture(
    session: Session,
    owner_id: int,
    contact_id: int,
    *,
    details: ContactDetails,
    answers: ContactAnswers,
    language: str | None = None,
) -> ContactRecord:
    """Complete a capture (or edit a contact) with the user's fields and answers."""
    contact = _owned(session, owner_id, contact_id)
    _apply_details(contact, details)
    _apply_answers(contact, answers)
    if language:
        contact.language = language
    session.flush()
    result = get_contact(session, owner_id, contact_id)
    assert result is not None
    return result


def add_contact(
    session: Session,
    owner_id: int,
    *,
    event_id: int | None,
    details: ContactDetails,
    answers: ContactAnswers,
    language: str = "en",
) -> ContactRecord:
    """A person met without a card: typed name, the same two answers."""
    if not details.name.strip():
        raise ContactError("Type the person's name.")
    contact = Contact(owner_id=owner_id, event_id=event_id, language=language)
    _apply_details(contact, details)
    _apply_answers(contact, answers)
    session.add(contact)
    session.flush()
    result = get_contact(session, owner_id, contact.id)
    assert result is not None
    return result


def set_status(session: Session, owner_id: int, contact_id: int, status: ContactStatus) -> None:
    _owned(session, owner_id, contact_id).status = ContactStatus(status).value


def rate(session: Session, owner_id: int, contact_id: int, rating: Rating) -> None:
    _owned(session, owner_id, contact_id).rating = Rating(rating).value


def set_form_of_address(
    session: Session, owner_id: int, contact_id: int, *, language: str, address_form: str
) -> None:
    contact = _owned(session, owner_id, contact_id)
    contact.language = language
    contact.address_form = address_form


def list_inbox(
    session: Session, owner_id: int, *, event_id: int | None = None
) -> list[ContactRecord]:
    """Captures whose questions are still open, oldest first; they never expire."""
    query = _with_scan_status().where(Contact.owner_id == owner_id, Contact.answered_at.is_(None))
    if event_id is not None:
        query = query.where(Contact.event_id == event_id)
    rows = session.execute(query.order_by(Contact.created_at, Contact.id))
    return [_record(c, s) for c, s in rows]


def list_event_contacts(session: Session, owner_id: int, event_id: int) -> list[ContactRecord]:
    """Every capture of an event: unanswered first, then oldest first."""
    rows = session.execute(
        _with_scan_status()
        .where(Contact.owner_id == owner_id, Contact.event_id == event_id)
        .order_by(Contact.answered_at.is_not(None), Contact.created_at, Contact.id)
    )
    return [_record(c, s) for c, s in rows]


def _search_filter(query: str) -> ColumnElement[bool]:
    needle = f"%{query.strip().lower()}%"
    return or_(
        func.lower(Contact.name).like(needle),
        func.lower(Contact.company).like(needle),
        func.lower(Contact.note).like(needle),
    )


def search_contacts(
    session: Session, owner_id: int, query: str = "", *, limit: int = 25, offset: int = 0
) -> list[ContactRecord]:
    """Answered contacts whose name, company or note contains the query, newest first."""
    statement = _with_scan_status().where(
        Contact.owner_id == owner_id, Contact.answered_at.is_not(None)
    )
    if query.strip():
        statement = statement.where(_search_filter(query))
    rows = session.execute(
        statement.order_by(Contact.created_at.desc(), Contact.id.desc()).limit(limit).offset(offset)
    )
    return [_record(c, s) for c, s in rows]


def count_contacts(session: Session, owner_id: int, query: str = "") -> int:
    statement = select(func.count(Contact.id)).where(
        Contact.owner_id == owner_id, Contact.answered_at.is_not(None)
    )
    if query.strip():
        statement = statement.where(_search_filter(query))
    return session.scalar(statement) or 0


def find_matching_contacts(
    session: Session,
    owner_id: int,
    *,
    emails: Sequence[str],
    phones: Sequence[str],
    exclude_id: int | None = None,
) -> list[ContactRecord]:
    """Answered contacts that share an e-mail or a phone number with the given ones."""
    keys = contact_keys(emails, phones)
    if not keys:
        return []
    statement = _with_scan_status().where(
        Contact.owner_id == owner_id,
        Contact.answered_at.is_not(None),
        or_(*(Contact.match_keys.contains(key) for key in keys)),
    )
    if exclude_id is not None:
        statement = statement.where(Contact.id != exclude_id)
    rows = session.execute(statement.order_by(Contact.created_at))
    # `contains` is a substring test; confirm whole keys so "p:12345678" ≠ "p:123456789".
    return [_record(c, s) for c, s in rows if set(keys) & set(c.match_keys.split())]


def add_meeting(
    session: Session, owner_id: int, contact_id: int, *, event_id: int | None, note: str
) -> None:
    _owned(session, owner_id, contact_id)
    session.add(
        Meeting(owner_id=owner_id, contact_id=contact_id, event_id=event_id, note=_clip(note))
    )


def delete_contact(session: Session, owner_id: int, contact_id: int) -> ContactRecord:
    """Delete the contact with its card, OCR text, meetings and follow-ups, for good."""
    record = get_contact(session, owner_id, contact_id)
    if record is None:
        raise ContactNotFound(contact_id)
    # Explicit deletes rather than relying on ON DELETE CASCADE alone: a database without
    # foreign-key enforcement must not keep a card image behind.

    for model in (CardImage, Meeting, FollowUp):
        session.execute(
            delete(model).where(model.contact_id == contact_id, model.owner_id == owner_id)
        )
    session.execute(delete(Contact).where(Contact.id == contact_id, Contact.owner_id == owner_id))
    return record


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
    statement = _with_scan_status().where(
        Contact.owner_id == owner_id, Contact.event_id == event_id
    )
    if undecided_only:
        statement = statement.where(Contact.status == ContactStatus.CAPTURED.value)
    rows = session.execute(
        statement.order_by(Contact.answered_at.is_not(None), Contact.created_at, Contact.id)
        .limit(limit)
        .offset(offset)
    )
    return [_record(c, s) for c, s in rows]


@dataclass(frozen=True)
class MeetingRecord:
    """Where and when the user met a contact: the first capture, or a later meeting."""

    event_id: int | None
    event_name: str
    event_date: date | None
    note: str
    met_at: datetime


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
        )
        for meeting, name, held_on in rows
    ]
    return found
