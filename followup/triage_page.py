"""Next morning: answer what is open, then follow up, keep or discard one contact at a time."""

from __future__ import annotations

import streamlit as st

from capture import event_service
from capture.event_choice import current_event, event_label, user_today
from capture.page_context import CONTEXT_KEY, AppContext
from followup import triage_page_contact as one
from followup import triage_page_parts as parts
from followup import triage_service as service
from followup.triage_page_answer import answer_first
from followup.triage_page_pending import unreadable

SHOW_DECIDED = "triage.show_decided"

ctx: AppContext = st.session_state[CONTEXT_KEY]
_, db, owner = ctx.translate, ctx.database, ctx.owner_id
parts.init_state()


def from_the_start() -> None:
    st.session_state[parts.POSITION] = 0


st.title(_("Triage"))
recent = event_service.recent_events(db, owner, limit=200)
if not recent:
    st.info(_("No events yet. Create tonight's event and capture a few cards first."))
    st.stop()
default = current_event(recent, user_today(_)) or recent[0]
event = st.selectbox(
    _("Event"),
    recent,
    index=recent.index(default),
    format_func=lambda e: event_label(_, e),
    key="triage.event",
    on_change=from_the_start,
    label_visibility="collapsed",
)
view = service.load_view(
    db,
    owner,
    event.id,
    position=st.session_state[parts.POSITION],
    show_decided=st.session_state.get(SHOW_DECIDED, False),
)
st.session_state[parts.POSITION] = view.position

parts.show_flash()
unreadable(ctx, view.unreadable)

if view.blocked:
    parts.undo_bar(ctx, shortcut=False)  # letters typed into the form are no shortcuts
    answer_first(ctx, view.waiting)
    parts.undo_hint(ctx)
    st.stop()

if view.current is None:
    parts.undo_bar(ctx, shortcut=True)
    if view.summary.captured - view.summary.unanswered:
        st.info(_("Every contact of this event is decided."))
    elif view.unreadable:
        st.info(_("Nothing to decide yet: no capture of this event holds a contact."))
    else:
        st.info(_("No captures for this event."))
else:
    one.where(ctx, view)
    one.current_contact(ctx, view)
    one.move(_, view)

st.divider()
parts.bulk_discard(ctx, event.id, view.discard_candidates)
parts.summary(_, view.summary)
st.toggle(_("Show decided contacts"), key=SHOW_DECIDED, on_change=from_the_start)
parts.undo_hint(ctx)
st.caption(_("Keyboard: F follow up, K keep, D discard; U undoes. Tab moves between buttons."))
