"""Next morning: answer what is open, then follow up, keep or discard each capture."""

from __future__ import annotations

from datetime import date

import streamlit as st

from capture.event_choice import current_event
from followup import triage_page_parts as parts
from followup import triage_service as service
from followup.triage_page_answer import answer_capture
from followup.triage_page_texts import TEXT
from storage import events
from storage.context import CONTEXT_KEY, AppContext

ctx: AppContext = st.session_state[CONTEXT_KEY]
lang, db, owner = ctx.language, ctx.database, ctx.owner_id
parts.init_state()

st.title(TEXT(lang, "title"))
with db.read() as session:
    recent = events.list_events(session, owner)
if not recent:
    st.info(TEXT(lang, "no_events"))
    st.stop()
default = current_event(recent, date.today()) or recent[0]
event = st.selectbox(
    TEXT(lang, "event"),
    recent,
    index=recent.index(default),
    format_func=lambda e: e.label,
    key="triage.event",
)
show_decided = st.toggle(TEXT(lang, "show_decided"), key="triage.show_decided")
view = service.load_view(
    db, owner, event.id, page=st.session_state[parts.PAGE], show_decided=show_decided
)
st.session_state[parts.PAGE] = view.page

parts.show_flash()
parts.summary(lang, view.summary)
parts.undo_bar(ctx, shortcut=not view.blocked)

if view.blocked:
    st.warning(TEXT(lang, "unanswered", count=view.summary.unanswered))
    answer_capture(ctx, view.items[0])
    st.stop()

if not view.items:
    st.info(TEXT(lang, "all_done" if view.summary.captured else "nothing"))
    st.stop()

parts.bulk_discard(ctx, event.id, view.discard_candidates)
for position, contact in enumerate(view.items):
    with st.container(border=True, key=f"triage.item.{contact.id}"):
        parts.contact_facts(ctx, contact, show_card=position == 0)
        parts.decisions(ctx, contact, first=position == 0)
parts.pager(lang, view.page, view.pages)
st.caption(TEXT(lang, "keyboard"))
