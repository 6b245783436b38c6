"""Repository behaviour on SQLite and PostgreSQL alike."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from storage import contacts, events, followups, no_thanks, owners
from storage.db import Database
from storage.kinds import Channel, ContactStatus, FollowUpStatus, Rating, ScanStatus
from storage.models import NoThanks, utcnow
from storage.records import ContactAnswers, ContactDetails, ScanOutcome

ANNA = ContactDetails(
    name="Anna Müller",
    title="Geschäftsführerin",
    company="Müller & Söhne GmbH",
    emails=("anna@mueller-soehne.de",),
    phones=("+49 911 123456",),
    websites=("mueller-soehne.de",),
    address="Georg-Benda-Straße 1, 90763 Fürth",
)
ANSWERS = ContactAnswers(
    rating=Rating.YES,
    note="Restores Bauhaus chairs; wants a printer for small batches of seat fabric.",
    they_need="a textile printer",
    i_offer="intro to Jonas at the Fab Lab",
)


def _owner(database: Database, username: str = "me") -> int:
    with database.write() as session:
        return owners.create_owner(session, username).id


def _event(database: Database, owner_id: int) -> int:
    with database.write() as session:
        return events.create_event(
            session, owner_id, name="Gründerabend", held_on=date(2026, 11, 23), place="Fürth"
        ).id


def test_events_are_created_and_listed_newest_first(database: Database) -> None:
    owner_id = _owner(database)
    with database.write() as session:
        events.create_event(session, owner_id, name="Older", held_on=date(2026, 1, 1))
        newer = events.create_event(
            session, owner_id, name=" Stammtisch ", held_on=date(2026, 5, 1)
        )
    with database.read() as session:
        listed = events.list_events(session, owner_id)
        assert [e.name for e in listed] == ["Stammtisch", "Older"]
        assert events.get_event(session, owner_id, newer.id) == newer


def test_an_event_needs_a_name(database: Database) -> None:
    owner_id = _owner(database)
    with pytest.raises(events.EventError, match="needs a name"), database.write() as session:
        events.create_event(session, owner_id, name="   ", held_on=date(2026, 1, 1))


def test_capture_keeps_the_photo_before_anything_is_read(database: Database) -> None:
    owner_id = _owner(database)
    event_id = _event(database, owner_id)
    photo = b"\xff\xd8 original photo bytes"
    with database.write() as session:
        contact_id = contacts.start_capture(
            session, owner_id, event_id=event_id, photo=photo, photo_type="image/jpeg"
        )
    with database.read() as session:
        card = contacts.get_card(session, owner_id, contact_id)
        inbox = contacts.list_inbox(session, owner_id, event_id=event_id)
    assert card is not None and card.photo == photo and card.scan_status is ScanStatus.PENDING
    assert [c.id for c in inbox] == [contact_id]
    assert inbox[0].scan_status is ScanStatus.PENDING and not inbox[0].is_answered


def test_scan_then_answers_complete_a_capture(database: Database) -> None:
    owner_id = _owner(database)
    event_id = _event(database, owner_id)
    with database.write() as session:
        contact_id = contacts.start_capture(
            session, owner_id, event_id=event_id, photo=b"jpeg", photo_type="image/jpeg"
        )
        contacts.record_scan(
            session,
            owner_id,
            contact_id,
            ScanOutcome(
                details=ANNA,
                card_jpeg=b"straight",
                raw_text="Anna Müller\nGeschäftsführerin",
                word_confidences=[("Anna", 96.0)],
                field_confidence={"name": 0.9},
            ),
        )
    with database.read() as session:
        read = contacts.get_contact(session, owner_id, contact_id)
        card = contacts.get_card(session, owner_id, contact_id)
    assert read is not None and read.details == ANNA and read.scan_status is ScanStatus.READ
    assert (
        card is not None and card.card_jpeg == b"straight" and card.field_confidence["name"] == 0.9
    )

    with database.write() as session:
        saved = contacts.answer_capture(
            session, owner_id, contact_id, details=ANNA, answers=ANSWERS, language="de"
        )
    assert saved.rating is Rating.YES and saved.is_answered and saved.language == "de"
    with database.read() as session:
        assert contacts.list_inbox(session, owner_id) == []
        assert [c.id for c in contacts.search_contacts(session, owner_id, "bauhaus")] == [
            contact_id
        ]
        assert [c.id for c in contacts.search_contacts(session, owner_id, "MÜLLER &")] == [
            contact_id
        ]
        assert contacts.count_contacts(session, owner_id) == 1


def test_a_failed_read_keeps_the_capture(database: Database) -> None:
    owner_id = _owner(database)
    with database.write() as session:
        contact_id = contacts.start_capture(
            session, owner_id, event_id=None, photo=b"x", photo_type="image/png"
        )
        contacts.record_scan_failure(session, owner_id, contact_id, "tesseract crashed")
    with database.read() as session:
        card = contacts.get_card(session, owner_id, contact_id)
    assert card is not None and card.scan_status is ScanStatus.FAILED and card.photo == b"x"


def test_answers_require_a_note(database: Database) -> None:
    owner_id = _owner(database)
    with pytest.raises(contacts.ContactError), database.write() as session:
        contacts.add_contact(
            session,
            owner_id,
            event_id=None,
            details=ContactDetails(name="Bo"),
            answers=ContactAnswers(rating=Rating.YES, note="  "),
        )
    with database.read() as session:
        assert contacts.count_contacts(session, owner_id) == 0


def test_a_contact_without_card_needs_a_typed_name(database: Database) -> None:
    owner_id = _owner(database)
    with pytest.raises(contacts.ContactError, match="name"), database.write() as session:
        contacts.add_contact(
            session, owner_id, event_id=None, details=ContactDetails(), answers=ANSWERS
        )


def test_an_event_page_lists_unanswered_first(database: Database) -> None:
    owner_id = _owner(database)
    event_id = _event(database, owner_id)
    with database.write() as session:
        answered = contacts.add_contact(
            session, owner_id, event_id=event_id, details=ANNA, answers=ANSWERS
        )
        open_id = contacts.start_capture(
            session, owner_id, event_id=event_id, photo=b"p", photo_type="image/jpeg"
        )
    with database.read() as session:
        listed = contacts.list_event_page(session, owner_id, event_id)
    assert [c.id for c in listed] == [open_id, answered.id]


def test_delete_removes_contact_card_meetings_and_follow_ups(database: Database) -> None:
    owner_id = _owner(database)
    event_id = _event(database, owner_id)
    with database.write() as session:
        contact_id = contacts.start_capture(
            session, owner_id, event_id=event_id, photo=b"photo", photo_type="image/jpeg"
        )
        contacts.answer_capture(session, owner_id, contact_id, details=ANNA, answers=ANSWERS)
        contacts.add_meeting(session, owner_id, contact_id, event_id=event_id, note="again")
        followups.queue_follow_up(session, owner_id, contact_id, due_at=datetime.now(UTC))
    with database.write() as session:
        deleted = contacts.delete_contact(session, owner_id, contact_id)
    assert deleted.details.name == "Anna Müller"
    with database.read() as session:
        assert contacts.get_contact(session, owner_id, contact_id) is None
        assert contacts.get_card(session, owner_id, contact_id) is None
        assert followups.list_follow_ups(session, owner_id, status=None) == []


def test_status_rating_and_form_of_address_change(database: Database) -> None:
    owner_id = _owner(database)
    with database.write() as session:
        contact_id = contacts.add_contact(
            session, owner_id, event_id=None, details=ANNA, answers=ANSWERS
        ).id
        contacts.set_status(session, owner_id, contact_id, ContactStatus.KEPT)
        contacts.rate(session, owner_id, contact_id, Rating.NOT_SURE)
        contacts.set_form_of_address(
            session, owner_id, contact_id, language="de", address_form="du"
        )
    with database.read() as session:
        contact = contacts.get_contact(session, owner_id, contact_id)
    assert contact is not None
    assert (contact.status, contact.rating, contact.language, contact.address_form) == (
        ContactStatus.KEPT,
        Rating.NOT_SURE,
        "de",
        "du",
    )


def test_follow_ups_queue_by_due_date_and_are_marked_done(database: Database) -> None:
    owner_id = _owner(database)
    now = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
    with database.write() as session:
        anna = contacts.add_contact(session, owner_id, event_id=None, details=ANNA, answers=ANSWERS)
        bo = contacts.add_contact(
            session, owner_id, event_id=None, details=ContactDetails(name="Bo"), answers=ANSWERS
        )
        late = followups.queue_follow_up(session, owner_id, anna.id, due_at=now + timedelta(days=2))
        soon = followups.queue_follow_up(
            session, owner_id, bo.id, due_at=now + timedelta(hours=3), channel=Channel.CARD
        )
        followups.save_draft(
            session,
            owner_id,
            soon.id,
            channel=Channel.CARD,
            subject="",
            body="Hallo Bo",
            language="de",
        )
    with database.read() as session:
        queued = followups.list_follow_ups(session, owner_id)
        assert [f.id for f in queued] == [soon.id, late.id]
        assert queued[0].due_at == now + timedelta(hours=3) and queued[0].contact_name == "Bo"
        assert followups.earlier_bodies(session, owner_id, except_contact_id=anna.id) == [
            ("Bo", "Hallo Bo")
        ]
    with database.write() as session:
        followups.mark_done(
            session, owner_id, soon.id, done_on=date(2026, 11, 25), next_check_in=date(2027, 3, 3)
        )
    with database.read() as session:
        done = followups.get_follow_up(session, owner_id, soon.id)
        assert done is not None and done.status is FollowUpStatus.DONE
        assert done.next_check_in == date(2027, 3, 3)
        assert [f.id for f in followups.list_follow_ups(session, owner_id)] == [late.id]


def test_no_thanks_hits_name_the_event_and_date(database: Database) -> None:
    owner_id = _owner(database)
    event_id = _event(database, owner_id)
    with database.write() as session:  # as triage's Discard of a pitch leaves them
        for key_hash in ("h1", "h2"):
            session.add(
                NoThanks(
                    owner_id=owner_id, key_hash=key_hash, event_id=event_id, discarded_at=utcnow()
                )
            )
    with database.read() as session:
        hit = no_thanks.find_no_thanks(session, owner_id, ["zz", "h2"])
        assert no_thanks.find_no_thanks(session, owner_id, ["zz"]) is None
        assert no_thanks.find_no_thanks(session, owner_id, []) is None
    assert hit is not None and hit.event_name == "Gründerabend"
    assert hit.event_date == date(2026, 11, 23)


def test_owners_have_their_own_salt(database: Database) -> None:
    with database.write() as session:
        first = owners.get_or_create_owner(session, "a")
        again = owners.get_or_create_owner(session, "a")
        second = owners.create_owner(session, "b")
        assert first == again
        assert owners.owner_salt(session, first.id) != owners.owner_salt(session, second.id)
        owners.set_display_name(session, first.id, " Jana ")
        assert owners.find_owner(session, "a").display_name == "Jana"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("typed", "stored", "short"),
    [
        ("Robert'); DROP TABLE contacts;--", "Robert'); DROP TABLE contacts;--", None),
        ("Nul\x00byte and bell\x07", "Nulbyte and bell", None),
        ("Zeile 1\nZeile 2\tTab", "Zeile 1\nZeile 2\tTab", None),
        ("x" * 20_000, "x" * contacts.MAX_TEXT, "x" * contacts.MAX_SHORT),
        ("Ünïcødé ß 👍 مرحبا", "Ünïcødé ß 👍 مرحبا", None),
    ],
    ids=["sql", "control", "whitespace", "long", "unicode"],
)
def test_hostile_text_is_stored_as_plain_text(
    database: Database, typed: str, stored: str, short: str | None
) -> None:
    short = short or stored
    owner_id = _owner(database)
    with database.write() as session:
        saved = contacts.add_contact(
            session,
            owner_id,
            event_id=None,
            details=ContactDetails(name=typed, emails=(typed,)),
            answers=ContactAnswers(rating=Rating.YES, note=typed),
        )
    with database.read() as session:
        again = contacts.get_contact(session, owner_id, saved.id)
        assert contacts.count_contacts(session, owner_id) == 1
    assert again is not None
    assert (again.details.name, again.note, again.details.emails) == (short, stored, (short,))


def test_search_folds_case_beyond_ascii(database: Database) -> None:
    owner_id = _owner(database)
    with database.write() as session:
        contacts.add_contact(
            session,
            owner_id,
            event_id=None,
            details=ContactDetails(name="JÖRG ÖZDEMİR", company="ÄRZTEHAUS"),
            answers=ANSWERS,
        )
    with database.read() as session:
        assert contacts.count_contacts(session, owner_id, "jörg") == 1
        assert contacts.count_contacts(session, owner_id, "ärztehaus") == 1


def test_a_pending_capture_is_deleted_for_good_or_gets_a_new_photo(database: Database) -> None:
    owner_id = _owner(database)
    with database.write() as session:
        first = contacts.start_capture(
            session, owner_id, event_id=None, photo=b"blurred", photo_type="image/jpeg"
        )
        second = contacts.start_capture(
            session, owner_id, event_id=None, photo=b"misfired", photo_type="image/jpeg"
        )
        contacts.record_scan_failure(session, owner_id, second, "no_text")
    with database.write() as session:
        contacts.replace_photo(session, owner_id, second, photo=b"retaken", photo_type="image/png")
        contacts.delete_capture(session, owner_id, first)
    with database.read() as session:
        assert contacts.get_contact(session, owner_id, first) is None
        assert contacts.get_card(session, owner_id, first) is None
        card = contacts.get_card(session, owner_id, second)
        assert card is not None and card.photo == b"retaken" and card.photo_type == "image/png"
        assert card.scan_status is ScanStatus.PENDING and card.scan_error == ""
        assert [c.id for c in contacts.list_inbox(session, owner_id)] == [second]


def test_an_answered_contact_is_no_capture_to_delete(database: Database) -> None:
    owner_id = _owner(database)
    other = _owner(database, "someone-else")
    with database.write() as session:
        capture = contacts.start_capture(
            session, owner_id, event_id=None, photo=b"p", photo_type="image/jpeg"
        )
        answered = contacts.add_contact(
            session,
            owner_id,
            event_id=None,
            details=ContactDetails(name="Jo Beispiel"),
            answers=ContactAnswers(rating=Rating.YES, note="Restores organs in Fürth."),
        )
    for owner, contact_id in ((owner_id, answered.id), (other, capture)):
        with pytest.raises(contacts.ContactNotFound), database.write() as session:
            contacts.delete_capture(session, owner, contact_id)
        with pytest.raises(contacts.ContactNotFound), database.write() as session:
            contacts.replace_photo(session, owner, contact_id, photo=b"x", photo_type="image/png")
