"""The composer of one follow-up: its header and parts top to bottom, then marking it done."""

# Its parts, each in its own module: queue_page_composer_text.py (language, channel, the
# editor), queue_page_composer_checks.py (findings, ready), queue_page_composer_channels.py.

from __future__ import annotations

from datetime import date, timedelta

import streamlit as st

from followup import compose_service as service
from followup import queue_service
from followup.model import Channel
from followup.queue_page_composer_channels import call_channel, card_channel, email_channel
from followup.queue_page_composer_checks import checks
from followup.queue_page_composer_text import language_and_channel, text_editor
from followup.queue_page_state import OPEN, close, flash
from followup.queue_page_texts import TEXT
from storage.context import AppContext
from storage.texts import inert


def header(ctx: AppContext, composer: service.Composer) -> None:
    lang = ctx.language
    contact = composer.contact
    st.subheader(inert(contact.display_name))
    if composer.event is not None:
        st.caption(TEXT(lang, "met_at", event=inert(composer.event.label)))
    with st.expander(TEXT(lang, "your_note"), expanded=True):
        st.text(contact.note)
        for key, value in (("they_need", contact.they_need), ("i_offer", contact.i_offer)):
            if value.strip():
                st.text(f"{TEXT(lang, key)}: {value}")


def ask_my_name(ctx: AppContext, follow_up_id: int) -> None:
    """The user's own name for the sign-off, asked once while it is empty."""
    lang = ctx.language
    with st.form(f"queue.name.{follow_up_id}", border=True):
        name = st.text_input(
            TEXT(lang, "my_name"),
            max_chars=200,
            help=TEXT(lang, "my_name_hint"),
            key=f"queue.my_name.{follow_up_id}",
        )
        submitted = st.form_submit_button(
            TEXT(lang, "save_name"), key=f"queue.save_name.{follow_up_id}"
        )
        if submitted and name.strip():
            service.sign_with(ctx.database, ctx.owner_id, follow_up_id, name)
            st.rerun()


def done(ctx: AppContext, composer: service.Composer) -> None:
    """Propose the next check-in on an ordinary day; the user accepts or changes it."""
    lang, fid = ctx.language, composer.follow_up.id
    today = date.today()
    proposed = queue_service.proposed_check_in(today, ctx.settings.holiday_country)
    st.divider()
    st.markdown(f"**{TEXT(lang, 'done_title')}**")
    no_check_in = st.checkbox(TEXT(lang, "no_check_in"), key=f"queue.no_check_in.{fid}")
    check_in: date | None = None
    if not no_check_in:
        check_in = st.date_input(
            TEXT(lang, "check_in"),
            value=proposed,
            min_value=today + timedelta(days=1),
            format="DD.MM.YYYY",
            help=TEXT(lang, "check_in_hint"),
            key=f"queue.check_in.{fid}",
        )
    if st.button(TEXT(lang, "mark_done"), key=f"queue.done.{fid}", width="stretch"):
        queue_service.finish(ctx.database, ctx.owner_id, fid, done_on=today, check_in=check_in)
        name = inert(composer.contact.display_name)
        if check_in is None:
            flash("success", TEXT(lang, "done_no_check_in", name=name))
        else:
            flash("success", TEXT(lang, "done", name=name, date=f"{check_in:%d.%m.%Y}"))
        close()


def composer_view(ctx: AppContext, follow_up_id: int) -> None:
    lang = ctx.language
    if st.button(TEXT(lang, "back"), key="queue.back"):
        close()
    try:
        composer = service.open_composer(
            ctx.database, ctx.owner_id, follow_up_id, my_name=ctx.owner_name, ui_language=lang
        )
    except service.FollowUpGone:
        st.warning(TEXT(lang, "gone"))
        st.session_state[OPEN] = None
        return
    header(ctx, composer)
    if not ctx.owner_name.strip():
        ask_my_name(ctx, follow_up_id)
    language_and_channel(ctx, composer)
    text_editor(ctx, composer)
    ready = checks(ctx, composer)
    channel = composer.follow_up.channel
    if channel is Channel.CARD:
        card_channel(ctx, composer, ready)
    elif channel is Channel.EMAIL:
        email_channel(ctx, composer, ready)
    else:
        call_channel(ctx, composer)
    done(ctx, composer)
