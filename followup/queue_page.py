"""Follow-ups due, earliest first (overdue ones marked); each opens the composer."""

from __future__ import annotations

from datetime import date

import streamlit as st

from followup import queue_service as service
from followup.queue_page_composer import composer_view
from followup.queue_page_state import FLASH, OPEN
from followup.queue_page_texts import TEXT
from storage.context import CONTEXT_KEY, AppContext
from storage.texts import inert

ctx: AppContext = st.session_state[CONTEXT_KEY]
lang = ctx.language
st.session_state.setdefault(OPEN, None)
st.session_state.setdefault(FLASH, None)


def queue_row(item: service.QueueItem) -> None:
    follow_up = item.follow_up
    day = f"{ctx.local(follow_up.due_at):%d.%m.%Y %H:%M}"
    when = (
        f":red[**⚠ {TEXT(lang, 'overdue', date=day)}**]"
        if item.overdue
        else TEXT(lang, "due", date=day)
    )
    marks = [TEXT(lang, follow_up.channel.value), when]
    if item.ready:
        marks.append(f":green[✓ {TEXT(lang, 'ready')}]")
    with st.container(border=True):
        left, right = st.columns([3, 1], vertical_alignment="center")
        name = follow_up.contact_name or f"#{follow_up.contact_id}"
        left.markdown(f"**{inert(name)}**  \n{' · '.join(marks)}")
        if right.button(TEXT(lang, "open"), key=f"queue.open.{follow_up.id}"):
            st.session_state[OPEN] = follow_up.id
            st.rerun()


def check_ins(upcoming: list[service.CheckIn]) -> None:
    """Next check-ins proposed when follow-ups were done: ordinary days, months on."""
    with st.expander(TEXT(lang, "check_ins", count=len(upcoming))):
        st.caption(TEXT(lang, "check_ins_hint"))
        for check_in in upcoming:
            st.text(f"{check_in.on:%d.%m.%Y} · {check_in.contact_name}")


def queue_list() -> None:
    items = service.list_queue(ctx.database, ctx.owner_id)
    upcoming = service.upcoming_check_ins(ctx.database, ctx.owner_id, today=date.today())
    if items:
        st.caption(TEXT(lang, "count", count=len(items)))
    else:
        st.info(TEXT(lang, "empty"))
    for item in items:
        queue_row(item)
    if items or upcoming:
        st.download_button(
            TEXT(lang, "calendar"),
            data=service.due_calendar(ctx.database, ctx.owner_id, language=lang),
            file_name="klick-follow-ups.ics",
            mime="text/calendar",
            on_click="ignore",
            key="queue.calendar",
        )
    if upcoming:
        check_ins(upcoming)


st.title(TEXT(lang, "title"))
if st.session_state[FLASH]:
    kind, message = st.session_state[FLASH]
    getattr(st, kind)(message)
    st.session_state[FLASH] = None
if st.session_state[OPEN] is not None:
    composer_view(ctx, st.session_state[OPEN])
else:
    queue_list()
