"""Tonight's event: choose it once, or create it; everything captured belongs to it."""

from __future__ import annotations

from datetime import date

import streamlit as st

from capture import intake
from capture.event_choice import TEXT, current_event, remember_event
from storage import events
from storage.context import CONTEXT_KEY, AppContext
from storage.texts import inert

ctx: AppContext = st.session_state[CONTEXT_KEY]
lang = ctx.language
today = date.today()

st.title(TEXT(lang, "title"))
with ctx.database.read() as session:
    recent = events.list_events(session, ctx.owner_id, limit=30)
chosen = current_event(recent, today)

if chosen is not None:
    st.success(TEXT(lang, "current", event=inert(chosen.label)))
    if st.button(TEXT(lang, "go_capture"), type="primary", width="stretch"):
        st.switch_page("capture/page.py")

if recent:
    ids = [e.id for e in recent]
    labels = {e.id: e.label for e in recent}
    picked = st.selectbox(
        TEXT(lang, "choose"),
        ids,
        index=ids.index(chosen.id) if chosen else 0,
        format_func=labels.__getitem__,
        key="event.pick",
    )
    if st.button(
        TEXT(lang, "use"),
        width="stretch",
        disabled=chosen is not None and picked == chosen.id,
    ):
        remember_event(picked)
        st.rerun()

# Once tonight's event is chosen, creating another is the exception: fold it away.
new_event_area = st.expander(TEXT(lang, "new")) if chosen is not None else st.container()
with new_event_area, st.form("event.new", clear_on_submit=True):
    if chosen is None:
        st.subheader(TEXT(lang, "new"))
    name = st.text_input(
        TEXT(lang, "name"), max_chars=events.MAX_NAME, placeholder=TEXT(lang, "name_hint")
    )
    held_on = st.date_input(TEXT(lang, "date"), value=today, format="DD.MM.YYYY")
    place = st.text_input(TEXT(lang, "place"), max_chars=events.MAX_NAME)
    if st.form_submit_button(
        TEXT(lang, "create"), type="primary", width="stretch", key="event.create"
    ):
        try:
            created = intake.create_event(
                ctx.database, ctx.owner_id, name=name, held_on=held_on, place=place
            )
        except events.EventError as error:
            st.error(TEXT(lang, "needs_name") if "name" in str(error) else str(error))
        else:
            remember_event(created.id)
            st.rerun()
