"""Follow-ups due, earliest first (overdue ones marked); each opens the composer."""

from __future__ import annotations

import streamlit as st

from capture.event_choice import user_today
from capture.page_context import CONTEXT_KEY, AppContext
from capture.translation import inert
from followup import queue_service as service
from followup.queue_page_composer import composer_view
from followup.queue_page_state import CHANNEL_LABELS, FLASH, OPEN

ctx: AppContext = st.session_state[CONTEXT_KEY]
_ = ctx.translate
st.session_state.setdefault(OPEN, None)
st.session_state.setdefault(FLASH, None)


def queue_row(item: service.QueueItem) -> None:
    follow_up = item.follow_up
    day = _.moment(follow_up.due_at)
    if item.overdue:
        overdue = _("overdue since {date}", date=day)
        when = f":red[**⚠ {overdue}**]"
    else:
        when = _("due {date}", date=day)
    marks = [_(CHANNEL_LABELS[follow_up.channel]), when]
    if item.ready:
        ready = _("ready to send")
        marks.append(f":green[✓ {ready}]")
    with st.container(border=True):
        left, right = st.columns([3, 1], vertical_alignment="center")
        name = follow_up.contact_name or f"#{follow_up.contact_id}"
        left.markdown(f"**{inert(name)}**  \n{' · '.join(marks)}")
        if right.button(_("Open"), key=f"queue.open.{follow_up.id}"):
            st.session_state[OPEN] = follow_up.id
            st.rerun()


def check_ins(upcoming: list[service.CheckIn]) -> None:
    """Next check-ins proposed when follow-ups were done: ordinary days, months on."""
    with st.expander(_("Next check-ins ({count})", count=len(upcoming))):
        st.caption(_("Also in the calendar file. Open the contact then to write again."))
        for check_in in upcoming:
            st.text(f"{_.day(check_in.on)} · {check_in.contact_name}")


def queue_list() -> None:
    items = service.list_queue(ctx.database, ctx.owner_id)
    upcoming = service.upcoming_check_ins(ctx.database, ctx.owner_id, today=user_today(_))
    if items:
        st.caption(_("{count} to follow up, earliest first.", count=len(items)))
    else:
        st.info(_("Nothing to follow up. Triage tonight's contacts to queue the genuine ones."))
    for item in items:
        queue_row(item)
    if items or upcoming:
        st.download_button(
            _("Add due dates to my calendar (.ics)"),
            data=service.due_calendar(
                ctx.database, ctx.owner_id, language=ctx.language, today=user_today(_)
            ),
            file_name="klick-follow-ups.ics",
            mime="text/calendar",
            on_click="ignore",
            key="queue.calendar",
        )
    if upcoming:
        check_ins(upcoming)


st.title(_("Follow-ups"))
if st.session_state[FLASH]:
    kind, message = st.session_state[FLASH]
    getattr(st, kind)(message)
    st.session_state[FLASH] = None
if st.session_state[OPEN] is not None:
    composer_view(ctx, st.session_state[OPEN])
else:
    queue_list()
