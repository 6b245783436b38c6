"""The composer of one follow-up: its header and parts top to bottom, then marking it done."""

# Its parts, each in its own module: queue_page_composer_text.py (language, channel, the
# editor), queue_page_composer_checks.py (findings, ready), queue_page_composer_channels.py.

from __future__ import annotations

from datetime import date, timedelta

import streamlit as st

from capture.event_choice import event_label, user_today
from capture.page_context import AppContext
from capture.translation import N_, inert
from followup import compose_service as service
from followup import queue_service
from followup.checkin import NotOrdinary
from followup.model import Channel
from followup.queue_page_composer_channels import call_channel, card_channel, email_channel
from followup.queue_page_composer_checks import checks
from followup.queue_page_composer_text import language_and_channel, text_editor
from followup.queue_page_state import OPEN, close, flash


def header(ctx: AppContext, composer: service.Composer) -> None:
    _ = ctx.translate
    contact = composer.contact
    st.subheader(inert(contact.display_name))
    if composer.event is not None:
        st.caption(_("Met at {event}", event=inert(event_label(_, composer.event))))
    with st.expander(_("Your note"), expanded=True):
        st.text(contact.note)
        if contact.they_need.strip():
            st.text(_("They need: {text}", text=contact.they_need))
        if contact.i_offer.strip():
            st.text(_("I can offer: {text}", text=contact.i_offer))


def ask_my_name(ctx: AppContext, follow_up_id: int) -> None:
    """The user's own name for the sign-off, asked once while it is empty."""
    _ = ctx.translate
    with st.form(f"queue.name.{follow_up_id}", border=True):
        name = st.text_input(
            _("Your name, for the sign-off"),
            max_chars=200,
            help=_("Asked once; drafts end with it."),
            key=f"queue.my_name.{follow_up_id}",
        )
        submitted = st.form_submit_button(_("Use this name"), key=f"queue.save_name.{follow_up_id}")
        if submitted and name.strip():
            service.sign_with(ctx.database, ctx.owner_id, follow_up_id, name)
            st.rerun()


# Why a hand-picked check-in day is a poor one, in a line under the date picker.
NOT_ORDINARY = {
    NotOrdinary.QUIET_SEASON: N_(
        "{date} falls between 15 December and 6 January, when a check-in drowns among "
        "season's greetings."
    ),
    NotOrdinary.HOLIDAY: N_("{date} is a public holiday."),
    NotOrdinary.WEEKEND: N_("{date} falls on a weekend."),
}


def _use_day(key: str, day: date) -> None:
    st.session_state[key] = day


def check_in_note(ctx: AppContext, fid: int, check_in: date) -> None:
    """A one-line note under a day picked by hand that is no ordinary day, and a better one."""
    objection = queue_service.check_in_objection(check_in, ctx.settings.holiday_country)
    if objection is None:
        return
    _ = ctx.translate
    reason, better = objection
    st.caption(_(NOT_ORDINARY[reason], date=_.day(check_in)))
    st.button(
        _("Use {date} instead", date=_.day(better, year=better.year != check_in.year)),
        key=f"queue.better_check_in.{fid}",
        on_click=_use_day,
        args=(f"queue.check_in.{fid}", better),
    )


def done(ctx: AppContext, composer: service.Composer) -> None:
    """Propose the next check-in on an ordinary day; the user accepts or changes it."""
    _, fid = ctx.translate, composer.follow_up.id
    on = user_today(_)
    proposed = queue_service.proposed_check_in(on, ctx.settings.holiday_country)
    st.divider()
    title = _("Done")
    st.markdown(f"**{title}**")
    no_check_in = st.checkbox(_("No further check-in"), key=f"queue.no_check_in.{fid}")
    check_in: date | None = None
    if not no_check_in:
        key = f"queue.check_in.{fid}"
        check_in = st.date_input(
            _("Next check-in"),
            value=None if key in st.session_state else proposed,  # "Use … instead" sets it
            min_value=on + timedelta(days=1),
            format=_.date_input_format,
            help=_(
                "An ordinary weekday months from now, not a holiday: occasions are made, "
                "not waited for."
            ),
            key=key,
        )
        if check_in is not None:
            check_in_note(ctx, fid, check_in)
    if st.button(_("Mark as done"), key=f"queue.done.{fid}", width="stretch"):
        queue_service.finish(ctx.database, ctx.owner_id, fid, done_on=on, check_in=check_in)
        name = inert(composer.contact.display_name)
        if check_in is None:
            flash("success", _("Done: {name}.", name=name))
        else:
            flash(
                "success",
                _("Done: {name}. Next check-in on {date}.", name=name, date=_.day(check_in)),
            )
        close()


def composer_view(ctx: AppContext, follow_up_id: int) -> None:
    _ = ctx.translate
    if st.button(_("← All follow-ups"), key="queue.back"):
        close()
    try:
        composer = service.open_composer(
            ctx.database, ctx.owner_id, follow_up_id, my_name=ctx.owner_name
        )
    except service.FollowUpGone:
        st.warning(_("This follow-up no longer exists (done or discarded)."))
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
