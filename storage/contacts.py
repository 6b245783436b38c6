"""Contacts' lifecycle: capture first, answers later, edits, meetings, purge for good."""

# The rest of what callers reach as `contacts.…` lives beside it and is re-exported here:
# reading and searching in storage/contact_queries.py, the scan of a card's photo in
# storage/card_images.py, limits and errors in storage/contact_rows.py.

from __future__ import annotations

import hashlib

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from storage.card_images import get_card, record_scan, record_scan_failure
from storage.contact_queries import (
    MeetingRecord,
    contact_meetings,
    count_contacts,
    get_contact,
    list_event_page,
    list_inbox,
    search_contacts,
)
from storage.contact_rows import (
    MAX_LIST_ITEMS,
    MAX_SHORT,
    MAX_TEXT,
    ContactError,
    ContactNotFound,
    apply_details,
    clip,
    owned_contact,
)
from storage.kinds import ContactStatus, Rating, ScanStatus
from storage.models import CardImage, Contact, FollowUp, Meeting, utcnow
from storage.records import ContactAnswers, ContactDetails, ContactRecord

__all__ = [
    "MAX_LIST_ITEMS",
    "MAX_SHORT",
    "MAX_TEXT",
    "ContactError",
    "ContactNotFound",
    "MeetingRecord",
    "add_contact",
    "add_meeting",
    "answer_capture",
    "contact_meetings",
    "count_contacts",
    "delete_capture",
    "delete_contact",
    "get_card",
    "get_contact",
    "list_event_page",
    "list_inbox",
    "merge_into",
    "rate",
    "record_scan",
    "record_scan_failure",
    "replace_photo",
    "search_contacts",
    "set_form_of_address",
    "set_status",
    "start_capture",
]


def _apply_answers(contact: Contact, answers: ContactAnswers) -> None:
    if not answers.note.strip():
        raise ContactError("A contact is saved with a personal note.")
    contact.rating = Rating(answers.rating).value
    contact.note = clip(answers.note)
    contact.they_need = clip(answers.they_need)
    contact.i_offer = clip(answers.i_offer)
    contact.is_pitch = answers.is_pitch
    if contact.answered_at is None:
        contact.answered_at = utcnow()


def start_capture(
    session: Session, owner_id: int, *, event_id: int | None, photo: bytes, photo_type: str
) -> int:
    """Keep the photo as an unanswered capture before anything else can fail."""
    contact = Contact(owner_id=owner_id, event_id=event_id, status=ContactStatus.CAPTURED.value)
    contact.card = _new_card(owner_id, None, photo, photo_type)
    session.add(contact)
    session.flush()
    return contact.id


def _new_card(owner_id: int, contact_id: int | None, photo: bytes, photo_type: str) -> CardImage:
    """The photo as taken, waiting to be read."""
    return CardImage(
        owner_id=owner_id,
        contact_id=contact_id,
        photo=photo,
        photo_type=photo_type[:50],
        sha256=hashlib.sha256(photo).hexdigest(),
        scan_status=ScanStatus.PENDING.value,
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
    contact = owned_contact(session, owner_id, contact_id)
    apply_details(contact, details)
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
    apply_details(contact, details)
    _apply_answers(contact, answers)
    session.add(contact)
    session.flush()
    result = get_contact(session, owner_id, contact.id)
    assert result is not None
    return result


def set_status(session: Session, owner_id: int, contact_id: int, status: ContactStatus) -> None:
    owned_contact(session, owner_id, contact_id).status = ContactStatus(status).value


def rate(session: Session, owner_id: int, contact_id: int, rating: Rating) -> None:
    owned_contact(session, owner_id, contact_id).rating = Rating(rating).value


def set_form_of_address(
    session: Session, owner_id: int, contact_id: int, *, language: str, address_form: str
) -> None:
    contact = owned_contact(session, owner_id, contact_id)
    contact.language = language
    contact.address_form = address_form


def add_meeting(
    session: Session,
    owner_id: int,
    contact_id: int,
    *,
    event_id: int | None,
    note: str,
    rating: Rating | None = None,
    they_need: str = "",
    i_offer: str = "",
) -> None:
    """A known person met again, with what the user answered this time.

    An event is never listed twice for one person: met again at an event they already have
    (their first one, or an earlier meeting), the answers join that meeting instead.
    """
    contact = owned_contact(session, owner_id, contact_id)
    same_event = None
    if event_id is not None:
        same_event = (
            contact
            if contact.event_id == event_id
            else session.scalar(
                select(Meeting).where(
                    Meeting.owner_id == owner_id,
                    Meeting.contact_id == contact_id,
                    Meeting.event_id == event_id,
                )
            )
        )
    if same_event is None:
        session.add(
            Meeting(
                owner_id=owner_id,
                contact_id=contact_id,
                event_id=event_id,
                rating=rating.value if rating is not None else None,
                note=clip(note),
                they_need=clip(they_need),
                i_offer=clip(i_offer),
            )
        )
        return
    same_event.note = joined(same_event.note, note)
    same_event.they_need = joined(same_event.they_need, they_need)
    same_event.i_offer = joined(same_event.i_offer, i_offer)
    if rating is not None:
        same_event.rating = rating.value


def joined(earlier: str, later: str) -> str:
    """Two answers to the same question, the later one below; a repeat is not added twice."""
    earlier, later = earlier.strip(), later.strip()
    if not later or later in earlier:
        return earlier
    return clip(f"{earlier}\n\n{later}" if earlier else later)


def merge_into(session: Session, owner_id: int, source_id: int, target_id: int) -> None:
    """One person kept twice becomes one: `source`'s first meeting (event and answers), its
    later meetings and its follow-ups move to `target`, then `source` goes, card included."""
    if source_id == target_id:
        raise ContactError("A contact cannot be merged into itself.")
    source = owned_contact(session, owner_id, source_id)
    owned_contact(session, owner_id, target_id)
    met = [(source.event_id, source.note, source.rating, source.they_need, source.i_offer)]
    met += [
        (m.event_id, m.note, m.rating, m.they_need, m.i_offer)
        for m in session.scalars(
            select(Meeting)
            .where(Meeting.owner_id == owner_id, Meeting.contact_id == source_id)
            .order_by(Meeting.created_at, Meeting.id)
        )
    ]
    for event_id, note, rating, they_need, i_offer in met:
        add_meeting(
            session,
            owner_id,
            target_id,
            event_id=event_id,
            note=note,
            rating=Rating(rating) if rating else None,
            they_need=they_need,
            i_offer=i_offer,
        )
    session.execute(
        update(FollowUp)
        .where(FollowUp.owner_id == owner_id, FollowUp.contact_id == source_id)
        .values(contact_id=target_id)
    )
    delete_contact(session, owner_id, source_id)


def delete_capture(session: Session, owner_id: int, capture_id: int) -> None:
    """An unanswered capture deleted for good, photo included: it leaves no trace at all.

    Answered contacts are discarded through triage (which keeps the tally and, for a pitch,
    the no-thanks hashes); this is for a misfired, unreadable or refused capture.
    """
    record = get_contact(session, owner_id, capture_id)
    if record is None or record.is_answered:
        raise ContactNotFound(capture_id)
    delete_contact(session, owner_id, capture_id)


def replace_photo(
    session: Session, owner_id: int, capture_id: int, *, photo: bytes, photo_type: str
) -> None:
    """A retaken photo for an unanswered capture: the old photo and what was read are gone."""
    record = get_contact(session, owner_id, capture_id)
    if record is None or record.is_answered:
        raise ContactNotFound(capture_id)
    session.execute(
        delete(CardImage).where(CardImage.contact_id == capture_id, CardImage.owner_id == owner_id)
    )
    contact = owned_contact(session, owner_id, capture_id)
    apply_details(contact, ContactDetails())
    session.add(_new_card(owner_id, capture_id, photo, photo_type))
    session.flush()


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
