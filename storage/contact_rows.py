"""What the contact modules share: text limits, clipping, ownership, and row to record."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Select, event, select
from sqlalchemy.orm import Session

from storage.kinds import ContactStatus, Rating, ScanStatus
from storage.matching import contact_keys
from storage.models import CardImage, Contact
from storage.records import ContactDetails, ContactRecord
from storage.search_text import search_text_of

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


def clip(text: str, limit: int = MAX_TEXT) -> str:
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


def to_record(contact: Contact, scan_status: str | None) -> ContactRecord:
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


def with_scan_status() -> Select[Contact, str | None]:
    # Only the status column of the card: lists never load photo bytes.
    return select(Contact, CardImage.scan_status).outerjoin(
        CardImage, CardImage.contact_id == Contact.id
    )


def owned_contact(session: Session, owner_id: int, contact_id: int) -> Contact:
    contact = session.scalar(
        select(Contact).where(Contact.id == contact_id, Contact.owner_id == owner_id)
    )
    if contact is None:
        raise ContactNotFound(contact_id)
    return contact


def apply_details(contact: Contact, details: ContactDetails) -> None:
    contact.name = clip(details.name, MAX_SHORT)
    contact.title = clip(details.title, MAX_SHORT)
    contact.company = clip(details.company, MAX_SHORT)
    contact.emails = [clip(e, MAX_SHORT) for e in details.emails if e.strip()][:MAX_LIST_ITEMS]
    contact.phones = [clip(p, MAX_SHORT) for p in details.phones if p.strip()][:MAX_LIST_ITEMS]
    contact.websites = [clip(w, MAX_SHORT) for w in details.websites if w.strip()][:MAX_LIST_ITEMS]
    contact.address = clip(details.address)
    contact.match_keys = " ".join(contact_keys(contact.emails, contact.phones))


def refresh_search_text(contact: Contact) -> None:
    """Fold what search looks at (storage/search_text.py) into `contact.search_text`."""
    contact.search_text = search_text_of(
        (
            contact.name or "",
            contact.title or "",
            contact.company or "",
            *(contact.emails or ()),
            contact.note or "",
            contact.they_need or "",
            contact.i_offer or "",
        )
    )


# Every ORM write of a contact (capture, answers, edits, imports, a discard's undo) passes
# here, so the folded text can never lag behind the fields; bulk inserts that bypass the ORM
# (the benchmark's seed) and the migration's backfill call `search_text_of` themselves.
@event.listens_for(Contact, "before_insert")
@event.listens_for(Contact, "before_update")
def _keep_search_text(_mapper: Any, _connection: Any, contact: Contact) -> None:
    refresh_search_text(contact)
