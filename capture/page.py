"""At the event: photograph a card and answer the two questions (issue 4 builds it)."""

from __future__ import annotations

from datetime import date

import streamlit as st

from capture.event_choice import TEXT as EVENT_TEXT
from capture.event_choice import current_event
from storage import events
from storage.context import CONTEXT_KEY, AppContext
from storage.texts import Texts, inert

TEXT = Texts(
    {
        "title": {"en": "Capture", "de": "Erfassen"},
        "coming": {
            "en": "Card capture with the two questions arrives with the next release.",
            "de": "Das Erfassen von Karten mit den zwei Fragen kommt mit der nächsten Version.",
        },
    }
)
ctx: AppContext = st.session_state[CONTEXT_KEY]
st.title(TEXT(ctx.language, "title"))
with ctx.database.read() as session:
    recent = events.list_events(session, ctx.owner_id, limit=30)
event = current_event(recent, date.today())
if event is None:
    st.warning(EVENT_TEXT(ctx.language, "pick_first"))
    if st.button(EVENT_TEXT(ctx.language, "title")):
        st.switch_page("capture/event_page.py")
else:
    st.caption(inert(event.label))
    st.info(TEXT(ctx.language, "coming"))
