"""Next morning: answer what is open, then follow up, keep or discard each capture."""

from __future__ import annotations

import streamlit as st

from capture import intake
from capture.event_choice import current_event, event_label, user_today
from capture.page_context import CONTEXT_KEY, AppContext
from followup import triage_page_parts as parts
from followup import triage_service as service
from followup.triage_page_answer import answer_capture

ctx: AppContext = st.session_state[CONTEXT_KEY]
_, db, owner = ctx.translate, ctx.database, ctx.owner_id
parts.init_state()

st.title(_("Triage"))
recent = intake.recent_events(db, owner, limit=200)
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
)
show_decided = st.toggle(_("Show decided contacts"), key="triage.show_decided")
view = service.load_view(
    db, owner, event.id, page=st.session_state[parts.PAGE], show_decided=show_decided
)
st.session_state[parts.PAGE] = view.page

parts.show_flash()
parts.summary(_, view.summary)
parts.undo_bar(ctx, shortcut=not view.blocked)

if view.blocked:
    st.warning(
        _.plural(
            "{count} capture still waits for its two answers. Answer it first: "
            "nothing else can be decided until then.",
            "{count} captures still wait for their two answers. Answer them first: "
            "nothing else can be decided until then.",
            view.summary.unanswered,
        )
    )
    answer_capture(ctx, view.items[0])
    st.stop()

if not view.items:
    if view.summary.captured:
        st.info(_("Every contact of this event is decided."))
    else:
        st.info(_("No captures for this event."))
    st.stop()

parts.bulk_discard(ctx, event.id, view.discard_candidates)
for position, contact in enumerate(view.items):
    with st.container(border=True, key=f"triage.item.{contact.id}"):
        parts.contact_facts(ctx, contact, show_card=position == 0)
        parts.decisions(ctx, contact, first=position == 0)
parts.pager(_, view.page, view.pages)
st.caption(
    _(
        "Keyboard: Tab moves between buttons. For the first contact: F follow up, "
        "K keep, D discard; U undoes."
    )
)
