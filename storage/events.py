"""Events: tonight's networking evening, and the ones before it."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.models import Event
from storage.records import EventRecord

MAX_NAME = 200


class EventError(ValueError):
    """An event that cannot be saved as given; the message is for the user."""


def _record(event: Event) -> EventRecord:
    return EventRecord(id=event.id, name=event.name, held_on=event.held_on, place=event.place)


def create_event(
    session: Session, owner_id: int, *, name: str, held_on: date, place: str = ""
) -> EventRecord:
    name, place = name.strip(), place.strip()
    if not name:
        raise EventError("An event needs a name.")
    if len(name) > MAX_NAME or len(place) > MAX_NAME:
        raise EventError(f"Names of events and places are limited to {MAX_NAME} characters.")
    event = Event(owner_id=owner_id, name=name, held_on=held_on, place=place)
    session.add(event)
    session.flush()
    return _record(event)


def get_event(session: Session, owner_id: int, event_id: int) -> EventRecord | None:
    event = session.scalar(select(Event).where(Event.id == event_id, Event.owner_id == owner_id))
    return None if event is None else _record(event)


def list_events(session: Session, owner_id: int, *, limit: int = 200) -> list[EventRecord]:
    """Newest first: tonight's event is the one the user wants."""
    rows = session.scalars(
        select(Event)
        .where(Event.owner_id == owner_id)
        .order_by(Event.held_on.desc(), Event.id.desc())
        .limit(limit)
    )
    return [_record(e) for e in rows]

