"""Which event the user is capturing for: remembered per session, preselected on its day."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime

import streamlit as st

from capture.translation import Translator
from storage.records import EventRecord

EVENT_KEY = "capture.event_id"


def event_label(_: Translator, event: EventRecord) -> str:
    """The event as a choice shows it: its name, then its day and, where known, its place."""
    where = f", {event.place}" if event.place else ""
    return f"{event.name} ({_.day(event.held_on)}{where})"


def user_today(_: Translator) -> date:
    """Today on the user's clock (the server's may already be tomorrow, or still yesterday)."""
    return _.local(datetime.now(UTC)).date()


def preselected_event(recent: Sequence[EventRecord], today: date) -> EventRecord | None:
    """The newest event held today: a new session on the same evening needs no choice."""
    return next((e for e in recent if e.held_on == today), None)


def current_event(recent: Sequence[EventRecord], today: date) -> EventRecord | None:
    chosen_id = st.session_state.get(EVENT_KEY)
    chosen = next((e for e in recent if e.id == chosen_id), None)
    if chosen is None:
        chosen = preselected_event(recent, today)
        if chosen is not None:
            remember_event(chosen.id)
    return chosen


def remember_event(event_id: int) -> None:
    st.session_state[EVENT_KEY] = event_id
