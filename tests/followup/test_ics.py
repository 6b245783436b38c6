"""The calendar export parses with icalendar, holds the due dates and a reminder each."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from icalendar import Calendar

from followup import queue_service
from followup.ics import build_ics, check_in_uid, follow_up_uid
from followup.model import CalendarItem, Channel
from storage import contacts, events, followups, owners
from storage.db import Database
from storage.kinds import Rating
from storage.records import ContactAnswers, ContactDetails

STAMP = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
BERLIN_WINTER = timezone(timedelta(hours=1))


def items() -> list[CalendarItem]:
    return [
        CalendarItem(
            uid="followup-1",
            summary="Follow up: Jürgen Weiß (card)",
            due=datetime(2026, 11, 26, 18, 0, tzinfo=BERLIN_WINTER),
            description="Lastenräder, Fürth; offer: intro to Stadtwerke",
        ),
        CalendarItem(
            uid="followup-2",
            summary="Follow up: Ada Byron (call)",
            due=datetime(2026, 11, 27, 9, 30),
            reminder_before=timedelta(minutes=30),
        ),
    ]


def test_the_ics_parses_and_holds_the_due_dates_with_alarms() -> None:
    calendar = Calendar.from_ical(build_ics(items(), stamp=STAMP))
    events = list(calendar.walk("VEVENT"))
    assert [str(event["summary"]) for event in events] == [
        "Follow up: Jürgen Weiß (card)",
        "Follow up: Ada Byron (call)",
    ]
    starts = [event.decoded("dtstart") for event in events]
    assert starts == [
        datetime(2026, 11, 26, 17, 0, tzinfo=UTC),
        datetime(2026, 11, 27, 9, 30, tzinfo=UTC),
    ]
    triggers = [event.walk("VALARM")[0].decoded("trigger") for event in events]
    assert triggers == [-timedelta(hours=1), -timedelta(minutes=30)]
    assert all(event.walk("VALARM")[0]["action"] == "DISPLAY" for event in events)
    assert str(events[0]["description"]).startswith("Lastenräder")
    assert len({str(event["uid"]) for event in events}) == 2


def test_the_ics_is_a_valid_calendar_even_when_nothing_is_due() -> None:
    data = build_ics([], stamp=STAMP)
    assert data.startswith(b"BEGIN:VCALENDAR")
    calendar = Calendar.from_ical(data)
    assert calendar["version"] == "2.0"
    assert list(calendar.walk("VEVENT")) == []


def test_the_same_items_and_stamp_give_the_same_bytes() -> None:
    assert build_ics(items(), stamp=STAMP) == build_ics(items(), stamp=STAMP)


def test_lines_are_folded_and_crlf_terminated() -> None:
    long_item = CalendarItem(
        uid="x", summary="Follow up", due=datetime(2027, 1, 7, 9), description="ä" * 200
    )
    data = build_ics([long_item], stamp=STAMP)
    assert b"\r\n" in data
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))


def test_summaries_are_written_as_given_and_uids_get_a_domain() -> None:
    due = datetime(2026, 11, 26, 18, 0, tzinfo=UTC)
    german = CalendarItem(uid="7", summary="Nachfassen: Jürgen Weiß (Karte)", due=due)
    english = CalendarItem(uid="8@example.org", summary="Follow up with Ada Byron (call)", due=due)
    events = Calendar.from_ical(build_ics([german, english], stamp=STAMP)).walk("VEVENT")
    assert [str(event["summary"]) for event in events] == [german.summary, english.summary]
    assert [str(event.walk("VALARM")[0]["description"]) for event in events] == [
        german.summary,
        english.summary,
    ]
    assert [str(event["uid"]) for event in events] == ["7@klick.invalid", "8@example.org"]


def test_start_times_are_whole_minutes() -> None:
    due = datetime(2026, 11, 26, 18, 0, 37, 123456, tzinfo=UTC)
    stamp = datetime(2026, 11, 24, 9, 0, 12, 999, tzinfo=UTC)
    item = CalendarItem(uid="followup-1", summary="Follow up", due=due)
    data = build_ics([item], stamp=stamp)
    event = Calendar.from_ical(data).walk("VEVENT")[0]
    start = event.decoded("dtstart")
    assert start == datetime(2026, 11, 26, 18, 0, tzinfo=UTC)
    assert start.second == 0 and start.microsecond == 0
    assert event.decoded("dtstamp").second == 0
    assert b"DTSTART:20261126T180000Z" in data


def test_uids_are_derived_from_the_ids_alone() -> None:
    assert follow_up_uid(12, 3) == follow_up_uid(12, 3) == "followup-12-owner-3@klick.invalid"
    assert follow_up_uid(12, 4) != follow_up_uid(12, 3) != follow_up_uid(13, 3)
    assert check_in_uid(12, 3) != follow_up_uid(12, 3)


# Through the service: what the calendar says about a real follow-up and check-in.
ADA_NOTE = "SECRET-NOTE talked about her analytical engine"
TODAY = date(2026, 11, 24)


def _seed_ada(database: Database) -> tuple[int, int, int]:
    """Ada met at an event: one follow-up done (with a check-in), one queued by card."""
    with database.write() as session:
        owner_id = owners.get_or_create_owner(session, owners.LOCAL_USERNAME).id
        event = events.create_event(
            session, owner_id, name="Founders Night", held_on=date(2026, 11, 23), place="Fürth"
        )
        contact = contacts.add_contact(
            session,
            owner_id,
            event_id=event.id,
            details=ContactDetails(name="Ada Byron", company="Engines Ltd"),
            answers=ContactAnswers(rating=Rating.YES, note=ADA_NOTE, they_need="SECRET-NEED"),
            language="en",
        )
        done = followups.queue_follow_up(
            session, owner_id, contact.id, due_at=datetime(2026, 11, 24, 8, 13, 59, 500, tzinfo=UTC)
        )
        queued = followups.queue_follow_up(
            session, owner_id, contact.id, due_at=datetime(2026, 11, 26, 17, 45, 31, 77, tzinfo=UTC)
        )
        followups.save_draft(
            session,
            owner_id,
            queued.id,
            channel=Channel.CARD,
            subject="",
            body="SECRET-BODY",
            language="en",
        )
    queue_service.finish(
        database, owner_id, done.id, done_on=TODAY, check_in=TODAY + timedelta(days=90)
    )
    return owner_id, contact.id, queued.id


def test_the_calendar_describes_who_where_and_how_without_the_note(database: Database) -> None:
    owner_id, contact_id, queued_id = _seed_ada(database)
    stamp = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
    data = queue_service.due_calendar(database, owner_id, language="en", stamp=stamp, today=TODAY)
    follow_up, check_in = Calendar.from_ical(data).walk("VEVENT")
    assert str(follow_up["uid"]) == follow_up_uid(queued_id, owner_id)
    assert str(check_in["uid"]) == check_in_uid(contact_id, owner_id)
    assert str(follow_up["description"]).split("\n") == [
        "Who: Ada Byron, Engines Ltd",
        "Met at: Founders Night, Mon, Nov 23, 2026, Fürth",
        "Channel: card",
    ]
    assert "Who: Ada Byron" in str(check_in["description"])
    assert "Founders Night" in str(check_in["description"])
    assert "Channel: e-mail" in str(check_in["description"])
    assert b"SECRET" not in data
    for event in (follow_up, check_in):
        assert event.decoded("dtstart").second == 0
        assert event.decoded("dtstart").microsecond == 0
        alarm = event.walk("VALARM")[0]
        assert alarm["action"] == "DISPLAY" and alarm.decoded("trigger") < timedelta(0)
    assert follow_up.decoded("dtstart") == datetime(2026, 11, 26, 17, 45, tzinfo=UTC)


def test_a_second_export_keeps_the_uids_so_a_re_import_updates(database: Database) -> None:
    owner_id, contact_id, _ = _seed_ada(database)

    def uids(stamp: datetime) -> list[str]:
        data = queue_service.due_calendar(
            database, owner_id, language="de", stamp=stamp, today=TODAY
        )
        return [str(event["uid"]) for event in Calendar.from_ical(data).walk("VEVENT")]

    first = uids(datetime(2026, 11, 24, 9, 0, tzinfo=UTC))
    assert first == uids(datetime(2026, 11, 25, 17, 3, tzinfo=UTC))
    assert len(set(first)) == 2
    # The check-in moved to another day is the same event, moved.
    with database.write() as session:
        done = followups.list_follow_ups(session, owner_id, status=None)[0]
        followups.mark_done(
            session, owner_id, done.id, done_on=TODAY, next_check_in=TODAY + timedelta(days=100)
        )
    assert uids(datetime(2026, 11, 26, 9, 0, tzinfo=UTC)) == first
    assert check_in_uid(contact_id, owner_id) in first


@pytest.mark.parametrize("language", ["en", "de"])
def test_the_description_is_worded_in_the_users_language(database: Database, language: str) -> None:
    owner_id, _, _ = _seed_ada(database)
    data = queue_service.due_calendar(database, owner_id, language=language, today=TODAY)
    description = str(Calendar.from_ical(data).walk("VEVENT")[0]["description"])
    expected = {"en": ("Who:", "Channel: card"), "de": ("Wer:", "Weg: Karte")}[language]
    assert all(part in description for part in expected)
