"""Calendar export: due follow-ups as an iCalendar file with a reminder per follow-up.

Each item's summary comes worded already (in the user's language, by the service).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from icalendar import Alarm, Calendar, Event

from followup.model import CalendarItem

PRODUCT_ID = "-//Klick//Follow-ups//EN"
UID_DOMAIN = "klick.invalid"


def as_utc(moment: datetime) -> datetime:
    """Aware datetimes converted to UTC; naive ones are UTC already (as storage keeps them)."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def whole_minute(moment: datetime) -> datetime:
    """`moment` in UTC without seconds and microseconds: calendars show 18:00, not 18:00:37."""
    return as_utc(moment).replace(second=0, microsecond=0)


# Stable UIDs: the same follow-up (or the same contact's next check-in) keeps its UID from
# one export to the next, so a calendar updates the event on re-import instead of adding it.
def follow_up_uid(follow_up_id: int, owner_id: int) -> str:
    return f"followup-{follow_up_id}-owner-{owner_id}@{UID_DOMAIN}"


def check_in_uid(contact_id: int, owner_id: int) -> str:
    """One per contact: a check-in moved to another day is the same event, moved."""
    return f"checkin-contact-{contact_id}-owner-{owner_id}@{UID_DOMAIN}"


def build_ics(items: Sequence[CalendarItem], *, stamp: datetime | None = None) -> bytes:
    """An .ics with one event per due follow-up, each with a display alarm (VALARM).

    `stamp` is the DTSTAMP of every event; it defaults to now and is a parameter so
    tests and repeated exports can be byte-identical.
    """
    created = as_utc(stamp) if stamp is not None else datetime.now(UTC)
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "Klick follow-ups")
    for item in items:
        calendar.add_component(_event(item, created))
    return calendar.to_ical()


def _event(item: CalendarItem, created: datetime) -> Event:
    event = Event()
    uid = item.uid if "@" in item.uid else f"{item.uid}@{UID_DOMAIN}"
    event.add("uid", uid)
    event.add("dtstamp", whole_minute(created))
    event.add("dtstart", whole_minute(item.due))
    event.add("duration", item.duration)
    event.add("summary", item.summary)
    if item.description:
        event.add("description", item.description)
    if item.categories:
        event.add("categories", list(item.categories))
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", item.summary)
    alarm.add("trigger", -item.reminder_before)
    event.add_component(alarm)
    return event
