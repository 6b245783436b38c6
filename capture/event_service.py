"""Tonight's event: creating one (with the write's retry) and the events to choose from."""

from __future__ import annotations

from datetime import date

from storage import events
from storage.db import Database
from storage.records import EventRecord


def create_event(
    database: Database, owner_id: int, *, name: str, held_on: date, place: str = ""
) -> EventRecord:
    """A new event to capture for; `events.EventError` when it has no name."""
    return database.write_with_retry(
        lambda session: events.create_event(
            session, owner_id, name=name, held_on=held_on, place=place
        )
    )


def recent_events(database: Database, owner_id: int, *, limit: int = 30) -> list[EventRecord]:
    """The events to choose from, newest first."""
    with database.read() as session:
        return events.list_events(session, owner_id, limit=limit)
