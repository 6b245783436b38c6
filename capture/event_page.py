"""Tonight's event: choose it once, or create it; everything captured belongs to it."""

from __future__ import annotations

from datetime import date

import streamlit as st

from capture import event_service
from capture.event_choice import current_event, event_label, remember_event, user_today
from capture.page_context import CONTEXT_KEY, AppContext
from capture.translation import inert
from storage import events

ctx: AppContext = st.session_state[CONTEXT_KEY]
_ = ctx.translate
today = user_today(_)


def create(name: str, held_on: date, place: str) -> None:
    if not name.strip():
        st.error(_("Give the event a name you will recognise tomorrow morning."))
        return
    try:
        created = event_service.create_event(
            ctx.database, ctx.owner_id, name=name, held_on=held_on, place=place
        )
    except events.EventError:  # the fields' limits keep the names short enough
        st.error(
            _(
                "Names of events and places are limited to {count} characters.",
                count=events.MAX_NAME,
            )
        )
        return
    remember_event(created.id)
    st.rerun()


st.title(_("Tonight's event"))
recent = event_service.recent_events(ctx.database, ctx.owner_id)
chosen = current_event(recent, today)

if chosen is not None:
    st.success(_("Capturing for **{event}**", event=inert(event_label(_, chosen))))
    if st.button(_("Capture a card"), type="primary", width="stretch"):
        st.switch_page("capture/page.py")

if recent:
    ids = [e.id for e in recent]
    labels = {e.id: event_label(_, e) for e in recent}
    picked = st.selectbox(
        _("Event"),
        ids,
        index=ids.index(chosen.id) if chosen else 0,
        format_func=labels.__getitem__,
        key="event.pick",
    )
    if st.button(
        _("Use this event"),
        width="stretch",
        disabled=chosen is not None and picked == chosen.id,
    ):
        remember_event(picked)
        st.rerun()

# Once tonight's event is chosen, creating another is the exception: fold it away.
new_event_area = st.expander(_("New event")) if chosen is not None else st.container()
with new_event_area, st.form("event.new", clear_on_submit=True):
    if chosen is None:
        st.subheader(_("New event"))
    name = st.text_input(
        _("Name"), max_chars=events.MAX_NAME, placeholder=_("e.g. Founders' evening")
    )
    held_on = st.date_input(_("Date"), value=today, format=_.date_input_format)
    place = st.text_input(_("Place"), max_chars=events.MAX_NAME)
    if st.form_submit_button(
        _("Create event"), type="primary", width="stretch", key="event.create"
    ):
        create(name, held_on, place)
