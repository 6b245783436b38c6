"""One duplicate rule: the same e-mail, the same phone, or the same name at the same company."""

from __future__ import annotations

import pytest

from storage import contacts
from storage.db import Database
from storage.duplicates import find_duplicates, same_person
from storage.kinds import Rating
from storage.records import ContactAnswers, ContactDetails
from tests.storage.test_repositories import _owner

SOREN = ContactDetails(
    name="Sören Weiß",
    company="Orgelbau Lindner GmbH",
    emails=("soeren.weiss@orgelbau-lindner.de",),
    phones=("+49 911 7654321",),
)
ANSWERS = ContactAnswers(rating=Rating.YES, note="Tunes the organ in St. Lorenz every spring.")


@pytest.mark.parametrize(
    "again",
    [
        ContactDetails(name="S. W.", emails=("SOEREN.WEISS@orgelbau-lindner.de",)),
        ContactDetails(name="Someone", phones=("0911 7654321",)),
        ContactDetails(name="Soeren Weiss", company="ORGELBAU LINDNER GMBH"),
        ContactDetails(name="soren weiss", company="Orgelbau  Lindner GmbH"),
    ],
    ids=["email", "phone", "name-company-spelling", "name-company-case"],
)
def test_the_same_person_is_found_however_they_arrive(
    database: Database, again: ContactDetails
) -> None:
    owner_id = _owner(database)
    with database.write() as session:
        known = contacts.add_contact(
            session, owner_id, event_id=None, details=SOREN, answers=ANSWERS
        )
    with database.read() as session:
        assert [c.id for c in find_duplicates(session, owner_id, again)] == [known.id]
        assert find_duplicates(session, owner_id, again, exclude_id=known.id) == []
    assert same_person(again, SOREN)


@pytest.mark.parametrize(
    "other",
    [
        ContactDetails(name="Sören Weiß", company="Kofferfabrik Fürth"),
        ContactDetails(name="Sören Weiß"),
        ContactDetails(company="Orgelbau Lindner GmbH"),
        ContactDetails(name="Sören Weißmann", company="Orgelbau Lindner GmbH"),
        ContactDetails(phones=("+49 911 765432",)),
    ],
    ids=["other-company", "name-only", "company-only", "longer-name", "shorter-number"],
)
def test_namesakes_and_colleagues_are_not_the_same_person(
    database: Database, other: ContactDetails
) -> None:
    owner_id = _owner(database)
    with database.write() as session:
        contacts.add_contact(session, owner_id, event_id=None, details=SOREN, answers=ANSWERS)
    with database.read() as session:
        assert find_duplicates(session, owner_id, other) == []
    assert not same_person(other, SOREN)


def test_only_my_answered_contacts_count(database: Database) -> None:
    owner_id, other = _owner(database), _owner(database, "someone-else")
    with database.write() as session:
        contacts.add_contact(session, other, event_id=None, details=SOREN, answers=ANSWERS)
        contacts.start_capture(
            session, owner_id, event_id=None, photo=b"p", photo_type="image/jpeg"
        )
    with database.read() as session:
        assert find_duplicates(session, owner_id, SOREN) == []


def test_percent_and_underscore_in_a_name_are_letters(database: Database) -> None:
    owner_id = _owner(database)
    with database.write() as session:
        contacts.add_contact(
            session,
            owner_id,
            event_id=None,
            details=ContactDetails(name="Ann Lee", company="ACME"),
            answers=ANSWERS,
        )
    with database.read() as session:
        assert find_duplicates(session, owner_id, ContactDetails(name="%", company="ACME")) == []
        assert (
            find_duplicates(session, owner_id, ContactDetails(name="A_n Lee", company="ACME")) == []
        )
