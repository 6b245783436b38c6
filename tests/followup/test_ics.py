"""The calendar export parses with icalendar, holds the due dates and a reminder each."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from icalendar import Calendar

from followup.ics import build_ics
from followup.model import CalendarItem

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
