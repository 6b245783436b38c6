"""A contact has meetings; an event is never listed twice for one person."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from storage import contacts, events, followups
from storage.db import Database
from storage.kinds import Rating
from storage.models import Meeting
from storage.records import ContactAnswers, ContactDetails
from tests.storage.test_repositories import _owner


def test_meeting_again_at_a_known_event_joins_that_meeting(database: Database) -> None:
    owner_id = _owner(database)
    with database.write() as session:
        first = events.create_event(session, owner_id, name="Stammtisch", held_on=date(2026, 5, 1))
        later = events.create_event(session, owner_id, name="Barcamp", held_on=date(2026, 9, 9))
        contact = contacts.add_contact(
            session,
            owner_id,
            event_id=first.id,
            details=ContactDetails(name="Ines Vogt"),
            answers=ContactAnswers(rating=Rating.NOT_SURE, note="Builds harpsichords."),
        )
        contacts.add_meeting(session, owner_id, contact.id, event_id=first.id, note="Harpsichords.")
        for note in ("Asked about larch for a soundboard.", "Asked about larch for a soundboard."):
            contacts.add_meeting(
                session,
                owner_id,
                contact.id,
                event_id=later.id,
                note=note,
                rating=Rating.YES,
                they_need="A supplier of larch",
                i_offer="My uncle's sawmill",
            )
        contacts.add_meeting(
            session, owner_id, contact.id, event_id=later.id, note="Sent photos of the case."
        )
    with database.read() as session:
        met = contacts.contact_meetings(session, owner_id, contact.id)
        assert [m.event_id for m in met] == [first.id, later.id]
        assert met[0].note == "Builds harpsichords.\n\nHarpsichords."
        assert met[1].note == "Asked about larch for a soundboard.\n\nSent photos of the case."
        (row,) = session.scalars(select(Meeting)).all()
        assert (row.rating, row.they_need, row.i_offer) == (
            "yes",
            "A supplier of larch",
            "My uncle's sawmill",
        )


def test_meetings_without_an_event_are_each_kept(database: Database) -> None:
    owner_id = _owner(database)
    with database.write() as session:
        contact = contacts.add_contact(
            session,
            owner_id,
            event_id=None,
            details=ContactDetails(name="Ines Vogt"),
            answers=ContactAnswers(rating=Rating.YES, note="Builds harpsichords."),
        )
        contacts.add_meeting(session, owner_id, contact.id, event_id=None, note="Phoned.")
        contacts.add_meeting(session, owner_id, contact.id, event_id=None, note="Met in town.")
    with database.read() as session:
        assert len(contacts.contact_meetings(session, owner_id, contact.id)) == 3


def test_one_person_kept_twice_becomes_one(database: Database) -> None:
    owner_id = _owner(database)
    with database.write() as session:
        spring = events.create_event(session, owner_id, name="Messe", held_on=date(2026, 3, 3))
        autumn = events.create_event(session, owner_id, name="Herbst", held_on=date(2026, 10, 1))
        kept = contacts.add_contact(
            session,
            owner_id,
            event_id=spring.id,
            details=ContactDetails(name="Ines Vogt", emails=("ines@cembalo.de",)),
            answers=ContactAnswers(rating=Rating.YES, note="Builds harpsichords."),
        )
        twice = contacts.add_contact(
            session,
            owner_id,
            event_id=autumn.id,
            details=ContactDetails(name="I. Vogt", emails=("INES@cembalo.de",)),
            answers=ContactAnswers(
                rating=Rating.NOT_SURE, note="Wants larch.", they_need="A sawmill"
            ),
        )
        followups.queue_follow_up(session, owner_id, twice.id, due_at=datetime.now(UTC))
        contacts.merge_into(session, owner_id, twice.id, kept.id)
    with database.read() as session:
        assert contacts.get_contact(session, owner_id, twice.id) is None
        met = contacts.contact_meetings(session, owner_id, kept.id)
        assert [(m.event_id, m.note, m.they_need) for m in met] == [
            (spring.id, "Builds harpsichords.", ""),
            (autumn.id, "Wants larch.", "A sawmill"),
        ]
        (moved,) = followups.list_follow_ups(session, owner_id, status=None)
        assert moved.contact_id == kept.id
        with pytest.raises(contacts.ContactError):
            contacts.merge_into(session, owner_id, kept.id, kept.id)
