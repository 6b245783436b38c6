"""The contacts edge: search, one contact's detail, edit, delete, vCard/CSV export, import."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from sqlalchemy.orm import Session

from followup import triage_service
from followup.csv_export import contacts_csv
from followup.vcard import VCardContact, decode_vcard_file, parse_vcards, to_vcard, to_vcards
from storage import contacts, events, followups
from storage.contacts import MeetingRecord
from storage.db import Database
from storage.duplicates import find_duplicates, same_person
from storage.followups import FollowUpRecord
from storage.kinds import ContactStatus, Rating
from storage.records import (
    CardRecord,
    ContactAnswers,
    ContactDetails,
    ContactRecord,
    EventRecord,
)

log = logging.getLogger(__name__)

PAGE_SIZE = 20
EXPORT_BATCH = 500
MAX_IMPORT_BYTES = 5_000_000


@dataclass(frozen=True)
class SearchPage:
    items: list[ContactRecord]
    total: int
    page: int
    pages: int


@dataclass(frozen=True)
class ContactView:
    """One contact with everything the detail shows; the card image only here."""

    contact: ContactRecord
    card: CardRecord | None
    meetings: list[MeetingRecord]
    follow_ups: list[FollowUpRecord]


@dataclass(frozen=True)
class ImportCandidate:
    """A contact from a vCard file, and the known contact it duplicates, if any."""

    contact: VCardContact
    duplicate_of: str | None  # the known contact's name, or "" for a repeat within the file

    @property
    def is_duplicate(self) -> bool:
        return self.duplicate_of is not None


def search(database: Database, owner_id: int, query: str, page: int = 0) -> SearchPage:
    with database.read() as session:
        total = contacts.count_contacts(session, owner_id, query)
        pages = max(1, -(-total // PAGE_SIZE))
        page = min(max(page, 0), pages - 1)
        items = contacts.search_contacts(
            session, owner_id, query, limit=PAGE_SIZE, offset=page * PAGE_SIZE
        )
    return SearchPage(items, total, page, pages)


def view(database: Database, owner_id: int, contact_id: int) -> ContactView | None:
    with database.read() as session:
        contact = contacts.get_contact(session, owner_id, contact_id)
        if contact is None:
            return None
        return ContactView(
            contact=contact,
            card=contacts.get_card(session, owner_id, contact_id),
            meetings=contacts.contact_meetings(session, owner_id, contact_id),
            follow_ups=followups.list_follow_ups(
                session, owner_id, status=None, contact_id=contact_id
            ),
        )


def save(
    database: Database,
    owner_id: int,
    contact_id: int,
    *,
    details: ContactDetails,
    answers: ContactAnswers,
    merge_into_id: int | None = None,
) -> ContactRecord:
    """Edit a contact's fields and answers (a blank note is refused by storage).

    With `merge_into_id` (the user took "Add this meeting to …" for someone they already
    have), the edited contact then becomes that contact's meeting: its event and answers,
    its later meetings and its follow-ups move there. Returns the contact that remains.
    """

    def work(session: Session) -> ContactRecord:
        saved = contacts.answer_capture(
            session, owner_id, contact_id, details=details, answers=answers
        )
        if merge_into_id is None:
            return saved
        contacts.merge_into(session, owner_id, contact_id, merge_into_id)
        kept = contacts.get_contact(session, owner_id, merge_into_id)
        assert kept is not None  # merge_into checked it is this owner's
        return kept

    return database.write_with_retry(work)


def duplicates_of(
    database: Database, owner_id: int, details: ContactDetails, *, exclude_id: int
) -> list[ContactRecord]:
    """Contacts that are the same person by the one rule (storage/duplicates.py)."""
    with database.read() as session:
        return find_duplicates(session, owner_id, details, exclude_id=exclude_id)


def delete(database: Database, owner_id: int, contact_id: int) -> None:
    """The same purge as triage's Discard: every row goes, a tally stays."""
    triage_service.discard(database, owner_id, [contact_id])


def _as_vcard(contact: ContactRecord) -> VCardContact:
    return VCardContact(
        details=contact.details,
        note=contact.note,
        they_need=contact.they_need,
        i_offer=contact.i_offer,
        rating=contact.rating,
        is_pitch=contact.is_pitch,
    )


def _all_contacts(database: Database, owner_id: int) -> Iterator[ContactRecord]:
    """Every answered contact, in batches so a large address book is not one query."""
    offset = 0
    while True:
        with database.read() as session:
            batch = contacts.search_contacts(
                session, owner_id, "", limit=EXPORT_BATCH, offset=offset
            )
        yield from batch
        if len(batch) < EXPORT_BATCH:
            return
        offset += EXPORT_BATCH


def vcard_of(database: Database, owner_id: int, contact_id: int, region: str = "DE") -> str:
    with database.read() as session:
        contact = contacts.get_contact(session, owner_id, contact_id)
    if contact is None:
        raise contacts.ContactNotFound(contact_id)
    return to_vcard(_as_vcard(contact), region=region)


def all_vcards(database: Database, owner_id: int, region: str = "DE") -> str:
    return to_vcards((_as_vcard(c) for c in _all_contacts(database, owner_id)), region=region)


def all_csv(
    database: Database, owner_id: int, *, event_label: Callable[[EventRecord], str]
) -> bytes:
    """UTF-8 with a byte-order mark, so spreadsheet programs keep the umlauts.

    `event_label` names an event as the user reads it (the page passes its words and clock).
    """
    with database.read() as session:
        found = events.list_events(session, owner_id, limit=100_000)
    names = {e.id: event_label(e) for e in found}
    return contacts_csv(_all_contacts(database, owner_id), names).encode("utf-8-sig")


def preview_import(database: Database, owner_id: int, data: bytes) -> list[ImportCandidate]:
    """Read a vCard file and mark who is already known, by the one duplicate rule
    (storage/duplicates.py): a contact of the owner, or someone earlier in the same file."""
    if len(data) > MAX_IMPORT_BYTES:
        raise ValueError("too_large")
    found = parse_vcards(decode_vcard_file(data))
    candidates: list[ImportCandidate] = []
    with database.read() as session:
        for contact in found:
            details = contact.details
            matches = find_duplicates(session, owner_id, details)
            duplicate: str | None = None
            if matches:
                duplicate = matches[0].display_name
            elif any(same_person(details, earlier.contact.details) for earlier in candidates):
                duplicate = ""
            candidates.append(ImportCandidate(contact, duplicate))
    return candidates


def import_contacts(
    database: Database,
    owner_id: int,
    candidates: list[ImportCandidate],
    *,
    imported_note: str,
    language: str,
) -> int:
    """Add the new contacts as kept ones (no event, no triage); duplicates are skipped.

    A contact without a note of its own gets `imported_note`, already in the user's words.
    """

    def work(session: Session) -> int:
        added = 0
        for candidate in candidates:
            if candidate.is_duplicate:
                continue
            contact = candidate.contact
            details = contact.details
            if not details.name:
                fallback = details.company or (details.emails[0] if details.emails else "")
                details = replace(details, name=fallback or "?")
            record = contacts.add_contact(
                session,
                owner_id,
                event_id=None,
                details=details,
                answers=ContactAnswers(
                    rating=contact.rating or Rating.NOT_SURE,
                    note=contact.note or imported_note,
                    they_need=contact.they_need,
                    i_offer=contact.i_offer,
                    is_pitch=contact.is_pitch,
                ),
                language=language,
            )
            contacts.set_status(session, owner_id, record.id, ContactStatus.KEPT)
            added += 1
        return added

    added = database.write_with_retry(work)
    log.info("imported %d contact(s) from a vCard file", added)
    return added
