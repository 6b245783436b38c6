"""One rule for "someone you already have", used on every path a contact arrives by.

A contact is the same person when they share an e-mail address, a phone number (compared as
storage/matching.py keys them, so "+49 911 123456" and "0911 123456" agree) or the same name
at the same company, both folded as search folds them ("Jörg Müller, Kofferfabrik" and
"Joerg Mueller, KOFFERFABRIK" agree).
"""

from __future__ import annotations

from sqlalchemy import or_
from sqlalchemy.orm import Session

from storage.contact_rows import to_record, with_scan_status
from storage.matching import contact_keys
from storage.models import Contact
from storage.records import ContactDetails, ContactRecord
from storage.search_text import fold, like_pattern


def same_person(details: ContactDetails, other: ContactDetails) -> bool:
    """The rule itself, on two sets of details."""
    if set(contact_keys(details.emails, details.phones)) & set(
        contact_keys(other.emails, other.phones)
    ):
        return True
    name, company = fold(details.name), fold(details.company)
    return bool(name and company) and (name, company) == (fold(other.name), fold(other.company))


def find_duplicates(
    session: Session, owner_id: int, details: ContactDetails, *, exclude_id: int | None = None
) -> list[ContactRecord]:
    """This owner's answered contacts that are the same person as `details`, oldest first."""
    keys = contact_keys(details.emails, details.phones)
    candidates = [Contact.match_keys.contains(key) for key in keys]
    if fold(details.name) and fold(details.company):
        candidates.append(Contact.search_text.like(like_pattern(details.name), escape="\\"))
    if not candidates:
        return []
    statement = with_scan_status().where(
        Contact.owner_id == owner_id, Contact.answered_at.is_not(None), or_(*candidates)
    )
    if exclude_id is not None:
        statement = statement.where(Contact.id != exclude_id)
    rows = session.execute(statement.order_by(Contact.created_at, Contact.id))
    # The SQL narrows by substring; the rule decides on whole keys and whole folded names.
    records = [to_record(contact, status) for contact, status in rows]
    return [record for record in records if same_person(details, record.details)]
