"""Which event the user is capturing for: remembered per session, preselected on its day."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import streamlit as st

from storage.records import EventRecord
from storage.texts import Texts

EVENT_KEY = "capture.event_id"

TEXT = Texts(
    {
        "title": {"en": "Tonight's event", "de": "Die Veranstaltung heute"},
        "current": {"en": "Capturing for **{event}**", "de": "Erfasst wird für **{event}**"},
        "go_capture": {"en": "Capture a card", "de": "Karte erfassen"},
        "choose": {"en": "Event", "de": "Veranstaltung"},
        "use": {"en": "Use this event", "de": "Diese Veranstaltung nehmen"},
        "new": {"en": "New event", "de": "Neue Veranstaltung"},
        "name": {"en": "Name", "de": "Name"},
        "name_hint": {"en": "e.g. Founders' evening", "de": "z. B. Gründerabend"},
        "date": {"en": "Date", "de": "Datum"},
        "place": {"en": "Place", "de": "Ort"},
        "create": {"en": "Create event", "de": "Veranstaltung anlegen"},
        "needs_name": {
            "en": "Give the event a name you will recognise tomorrow morning.",
            "de": "Geben Sie der Veranstaltung einen Namen, den Sie morgen früh wiedererkennen.",
        },
        "pick_first": {
            "en": "Choose tonight's event first.",
            "de": "Wählen Sie zuerst die Veranstaltung von heute.",
        },
    }
)


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
