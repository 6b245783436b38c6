"""No repository function reads or changes another owner's rows."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy.orm import Session

from storage import (
    card_images,
    contact_queries,
    contacts,
    duplicates,
    events,
    followups,
    no_thanks,
    owners,
    triage,
)
from storage.db import Database
from storage.kinds import Channel, ContactStatus, Rating
from storage.models import NoThanks, utcnow
from storage.records import ContactAnswers, ContactDetails, ScanOutcome

SECRET = ContactDetails(name="Ida Geheim", emails=("ida@geheim.de",), phones=("+49 30 9876543",))
ANSWERS = ContactAnswers(rating=Rating.YES, note="Talked about her sourdough bakery in Moabit.")


@pytest.fixture
def two_owners(database: Database) -> dict[str, Any]:
    """Owner A with an event, a captured card, a contact, a follow-up and a no-thanks hash."""
    with database.write() as session:
        a = owners.create_owner(session, "a").id
        b = owners.create_owner(session, "b").id
        event = events.create_event(session, a, name="A's evening", held_on=date(2026, 11, 23))
        capture = contacts.start_capture(
            session, a, event_id=event.id, photo=b"a-photo", photo_type="image/jpeg"
        )
        contact = contacts.add_contact(
            session, a, event_id=event.id, details=SECRET, answers=ANSWERS
        )
        follow_up = followups.queue_follow_up(session, a, contact.id, due_at=datetime.now(UTC))
        followups.set_review(session, a, follow_up.id, overridden=[], ready=True)
        session.add(
            NoThanks(owner_id=a, key_hash="hash-a", event_id=event.id, discarded_at=utcnow())
        )
    return {
        "a": a,
        "b": b,
        "event": event.id,
        "capture": capture,
        "contact": contact.id,
        "follow_up": follow_up.id,
    }


def _outcome() -> ScanOutcome:
    return ScanOutcome(
        details=ContactDetails(name="Mallory"),
        card_jpeg=b"x",
        raw_text="",
        word_confidences=[],
        field_confidence={},
    )


# Each reader, called as owner B on A's rows, must come back empty.
READERS: dict[str, Callable[[Session, dict[str, Any]], Any]] = {
    "get_event": lambda s, ids: events.get_event(s, ids["b"], ids["event"]),
    "list_events": lambda s, ids: events.list_events(s, ids["b"]),
    "get_contact": lambda s, ids: contacts.get_contact(s, ids["b"], ids["contact"]),
    "get_card": lambda s, ids: contacts.get_card(s, ids["b"], ids["capture"]),
    "find_duplicates": lambda s, ids: duplicates.find_duplicates(s, ids["b"], SECRET),
    "contact_at": lambda s, ids: triage.contact_at(
        s, ids["b"], ids["event"], position=0, undecided_only=False
    ),
    # Locks nothing of another owner's (and returns nothing): the decision then finds nothing.
    "lock_contact": lambda s, ids: triage.lock_contact(s, ids["b"], ids["contact"]),
    "list_inbox": lambda s, ids: contacts.list_inbox(s, ids["b"]),
    "search_contacts": lambda s, ids: contacts.search_contacts(s, ids["b"], "Ida"),
    "count_contacts": lambda s, ids: contacts.count_contacts(s, ids["b"]),
    "get_follow_up": lambda s, ids: followups.get_follow_up(s, ids["b"], ids["follow_up"]),
    "list_follow_ups": lambda s, ids: followups.list_follow_ups(s, ids["b"], status=None),
    "earlier_bodies": lambda s, ids: followups.earlier_bodies(s, ids["b"], except_contact_id=0),
    "get_review": lambda s, ids: followups.get_review(s, ids["b"], ids["follow_up"]),
    "ready_follow_up_ids": lambda s, ids: followups.ready_follow_up_ids(s, ids["b"]),
    "find_no_thanks": lambda s, ids: no_thanks.find_no_thanks(s, ids["b"], ["hash-a"]),
    "list_event_page": lambda s, ids: contacts.list_event_page(s, ids["b"], ids["event"]),
    "contact_meetings": lambda s, ids: contacts.contact_meetings(s, ids["b"], ids["contact"]),
    "discard_candidates": lambda s, ids: triage.discard_candidates(s, ids["b"], ids["event"]),
    "event_summary": lambda s, ids: triage.event_summary(s, ids["b"], ids["event"]).captured,
}

# Each writer, called as owner B on A's rows, must refuse with a not-found error.
WRITERS: dict[str, Callable[[Session, dict[str, Any]], Any]] = {
    "record_scan": lambda s, ids: contacts.record_scan(s, ids["b"], ids["capture"], _outcome()),
    "record_scan_failure": lambda s, ids: contacts.record_scan_failure(
        s, ids["b"], ids["capture"], "x"
    ),
    "answer_capture": lambda s, ids: contacts.answer_capture(
        s, ids["b"], ids["capture"], details=ContactDetails(name="M"), answers=ANSWERS
    ),
    "set_status": lambda s, ids: contacts.set_status(
        s, ids["b"], ids["contact"], ContactStatus.KEPT
    ),
    "rate": lambda s, ids: contacts.rate(s, ids["b"], ids["contact"], Rating.NO),
    "set_form_of_address": lambda s, ids: contacts.set_form_of_address(
        s, ids["b"], ids["contact"], language="de", address_form="du"
    ),
    "add_meeting": lambda s, ids: contacts.add_meeting(
        s, ids["b"], ids["contact"], event_id=None, note="x"
    ),
    "delete_contact": lambda s, ids: contacts.delete_contact(s, ids["b"], ids["contact"]),
    "delete_capture": lambda s, ids: contacts.delete_capture(s, ids["b"], ids["capture"]),
    "merge_into": lambda s, ids: contacts.merge_into(s, ids["b"], ids["contact"], ids["capture"]),
    "replace_photo": lambda s, ids: contacts.replace_photo(
        s, ids["b"], ids["capture"], photo=b"b-photo", photo_type="image/png"
    ),
    "queue_follow_up": lambda s, ids: followups.queue_follow_up(
        s, ids["b"], ids["contact"], due_at=datetime.now(UTC)
    ),
    "save_draft": lambda s, ids: followups.save_draft(
        s, ids["b"], ids["follow_up"], channel=Channel.EMAIL, subject="", body="x", language="en"
    ),
    "mark_done": lambda s, ids: followups.mark_done(
        s, ids["b"], ids["follow_up"], done_on=date(2026, 1, 1), next_check_in=None
    ),
    "delete_follow_up": lambda s, ids: followups.delete_follow_up(s, ids["b"], ids["follow_up"]),
    "set_review": lambda s, ids: followups.set_review(
        s, ids["b"], ids["follow_up"], overridden=["x"], ready=True
    ),
    "discard_contact": lambda s, ids: triage.discard_contact(s, ids["b"], ids["contact"]),
    "restore_contact": lambda s, ids: triage.restore_contact(
        s,
        ids["b"],
        triage.DiscardedContact(
            contact={"id": ids["contact"], "owner_id": ids["a"]},
            card=None,
            meetings=(),
            follow_ups=(),
            tally_id=0,
            no_thanks_added=("hash-a",),
        ),
    ),
}


@pytest.mark.parametrize("name", sorted(READERS))
def test_readers_see_nothing_of_another_owner(
    database: Database, two_owners: dict[str, Any], name: str
) -> None:
    with database.read() as session:
        assert not READERS[name](session, two_owners)


@pytest.mark.parametrize("name", sorted(WRITERS))
def test_writers_cannot_touch_another_owners_rows(
    database: Database, two_owners: dict[str, Any], name: str
) -> None:
    with pytest.raises(LookupError), database.write() as session:
        WRITERS[name](session, two_owners)
    a = two_owners["a"]
    with database.read() as session:
        contact = contacts.get_contact(session, a, two_owners["contact"])
        follow_up = followups.get_follow_up(session, a, two_owners["follow_up"])
        capture = contacts.get_card(session, a, two_owners["capture"])
    assert contact is not None and contact.details == SECRET and contact.rating is Rating.YES
    assert follow_up is not None and follow_up.body == ""
    assert capture is not None and capture.photo == b"a-photo"


def test_every_repository_function_is_covered() -> None:
    """A new repository function must be added to READERS or WRITERS above."""
    import inspect

    public = {
        name
        for module in (
            contacts,
            contact_queries,
            card_images,
            duplicates,
            events,
            followups,
            no_thanks,
            triage,
        )
        for name, fn in inspect.getmembers(module, inspect.isfunction)
        if fn.__module__ == module.__name__
        and not name.startswith("_")
        and "owner_id" in inspect.signature(fn).parameters
    }
    constructors = {"create_event", "start_capture", "add_contact"}
    assert public - constructors == set(READERS) | set(WRITERS)
