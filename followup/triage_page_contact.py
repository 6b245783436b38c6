"""Triage on a phone: one contact at a time, with large decisions and what is left."""

from __future__ import annotations

import streamlit as st

from capture.page_context import AppContext
from capture.translation import N_, Translator, inert
from followup import triage_service as service
from followup.model import Decision
from followup.triage import allowed_decisions, can_rerate, suggested_decision
from followup.triage_page_actions import decide, discard_now, rerate, undo_bar
from followup.triage_page_parts import card_image, no_thanks_flag, rating_label
from followup.triage_page_state import POSITION
from storage.kinds import ContactStatus, Rating, ScanStatus
from storage.records import ContactRecord

CARD_WIDTH = 280  # px: the card is recognisable and the decisions still fit on a phone
SHORTCUTS = {Decision.FOLLOW_UP: "F", Decision.KEEP: "K", Decision.DISCARD: "D"}
DECISIONS = {
    Decision.FOLLOW_UP: N_("Follow up"),
    Decision.KEEP: N_("Keep"),
    Decision.DISCARD: N_("Discard"),
}
ICONS = {
    Decision.FOLLOW_UP: ":material/send:",
    Decision.KEEP: ":material/bookmark:",
    Decision.DISCARD: ":material/delete:",
}
HELP = {
    Decision.KEEP: N_("Keep as a contact; nothing to do now."),
    Decision.DISCARD: N_("Delete this contact, its card, note and follow-ups for good."),
}
STATUSES = {ContactStatus.FOLLOW_UP: N_("Follow-up queued"), ContactStatus.KEPT: N_("Kept")}


def _go(to: int) -> None:
    st.session_state[POSITION] = to


def where(ctx: AppContext, view: service.TriageView) -> None:
    """What is left, where in the list this contact is, and undo for the last decision."""
    _ = ctx.translate
    with st.container(horizontal=True, vertical_alignment="center", gap="small"):
        left = _.plural("{count} left", "{count} left", view.left)
        st.markdown(f"**{left}**", width="content")
        if view.total > 1:
            st.caption(
                _("{position} of {total}", position=view.position + 1, total=view.total),
                width="content",
            )
        undo_bar(ctx, shortcut=True)


def move(_: Translator, view: service.TriageView) -> None:
    """Previous / Next: to pass a contact by without deciding, or to go back to one."""
    if view.total <= 1:
        return
    with st.container(horizontal=True, horizontal_alignment="distribute"):
        st.button(
            _("Previous"),
            key="triage.previous",
            type="tertiary",
            icon=":material/chevron_left:",
            disabled=view.position == 0,
            on_click=_go,
            args=(view.position - 1,),
        )
        st.button(
            _("Next"),
            key="triage.next",
            type="tertiary",
            icon=":material/chevron_right:",
            icon_position="right",
            disabled=view.position >= view.total - 1,
            on_click=_go,
            args=(view.position + 1,),
        )


def facts(ctx: AppContext, contact: ContactRecord) -> None:
    """The card, name, company, rating, note, need and offer: what the decision rests on."""
    _ = ctx.translate
    if contact.scan_status is not ScanStatus.NO_PHOTO:
        card = service.load_card(ctx.database, ctx.owner_id, contact.id)
        card_image(_, card, width=CARD_WIDTH, caption=False)
    st.markdown(f"**{inert(contact.display_name)}**")
    details = contact.details
    line = " · ".join(inert(v) for v in (details.title, details.company) if v)
    if line:
        st.caption(line)
    flags = _("Did it click? **{rating}**", rating=rating_label(_, contact.rating))
    if contact.is_pitch:
        flags += f" · {_('They only pitched')}"
    st.markdown(flags)
    st.text(contact.note)
    extras = [
        _(label, text=inert(text))
        for label, text in (
            (N_("They need: {text}"), contact.they_need),
            (N_("I can offer: {text}"), contact.i_offer),
        )
        if text
    ]
    if extras:
        st.caption("  \n".join(extras))


def _rerate_buttons(ctx: AppContext, contact: ContactRecord) -> None:
    """A Not sure is rated again here: the one place it can still become a Yes."""
    _ = ctx.translate
    st.caption(_("A follow-up needs a Yes. Did it click after all?"))
    with st.container(horizontal=True):
        for rating, label in ((Rating.YES, _("It clicked")), (Rating.NO, _("It did not"))):
            st.button(
                label,
                key=f"triage.rerate.{rating.value}.{contact.id}",
                on_click=rerate,
                args=(ctx, contact.id, rating.value),
                help=_("Rate again; the note stays as it is."),
            )


def _help(_: Translator, decision: Decision, hours: int) -> str:
    if decision is Decision.FOLLOW_UP:
        text = _.plural(
            "Queue a follow-up due within {count} hour.",
            "Queue a follow-up due within {count} hours.",
            hours,
        )
    else:
        text = _(HELP[decision])
    return text + _(" Key: {letter}.", letter=SHORTCUTS[decision])


def decisions(ctx: AppContext, contact: ContactRecord, *, flagged: bool) -> None:
    """Large full-width decisions, the suggested one highlighted; on the no-thanks list
    (`flagged`), "Discard now" comes first and is the one highlighted."""
    _ = ctx.translate
    if contact.status is not ContactStatus.CAPTURED:
        st.caption(f"✓ {_(STATUSES[contact.status])}")
        return
    allowed = allowed_decisions(contact.rating, contact.is_pitch)
    suggested = (
        Decision.DISCARD if flagged else suggested_decision(contact.rating, contact.is_pitch)
    )
    if contact.is_pitch:
        st.caption(_("No follow-up for a pitch."))
    elif can_rerate(contact.rating):
        _rerate_buttons(ctx, contact)
    order = [Decision.FOLLOW_UP, Decision.KEEP, Decision.DISCARD]
    if flagged:
        order = [Decision.DISCARD, Decision.FOLLOW_UP, Decision.KEEP]
    for decision in (d for d in order if d in allowed):
        now = flagged and decision is Decision.DISCARD
        st.button(
            _("Discard now") if now else _(DECISIONS[decision]),
            key=f"triage.{decision.value}.{contact.id}",
            type="primary" if decision is suggested else "secondary",
            icon=ICONS[decision],
            on_click=discard_now if now else decide,
            args=(ctx, contact.id) if now else (ctx, contact.id, decision.value),
            help=_help(_, decision, ctx.settings.follow_up_hours),
            shortcut=SHORTCUTS[decision],
            width="stretch",
        )


def current_contact(ctx: AppContext, view: service.TriageView) -> None:
    """The one contact on screen: a no-thanks flag first, its facts, then the decisions."""
    contact = view.current
    if contact is None:
        return
    with st.container(key=f"triage.item.{contact.id}", gap="xsmall"):
        undecided = contact.status is ContactStatus.CAPTURED
        flagged = undecided and no_thanks_flag(ctx, contact.details)
        facts(ctx, contact)
        decisions(ctx, contact, flagged=flagged)
