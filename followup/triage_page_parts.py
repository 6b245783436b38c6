"""The triage page's pieces: summary, each contact with its decisions, bulk discard, pager."""

# The page script reaches everything through this module: its state (triage_page_state.py)
# and the undo bar (triage_page_actions.py) are re-exported here.

from __future__ import annotations

import streamlit as st
from PIL import UnidentifiedImageError

from capture.page_context import AppContext
from capture.translation import N_, Translator, inert
from followup import triage_service as service
from followup.model import Decision
from followup.triage import allowed_decisions, can_rerate, suggested_decision
from followup.triage_page_actions import decide, discard_in_bulk, rerate, undo_bar
from followup.triage_page_state import CONFIRM, FLASH, PAGE, init_state, show_flash
from storage.kinds import ContactStatus, Rating, ScanStatus
from storage.records import CardRecord, ContactRecord
from storage.triage import EventSummary

__all__ = [
    "FLASH",
    "PAGE",
    "bulk_discard",
    "card_image",
    "contact_facts",
    "decisions",
    "init_state",
    "pager",
    "rating_label",
    "show_flash",
    "summary",
    "undo_bar",
]


SHORTCUTS = {Decision.FOLLOW_UP: "F", Decision.KEEP: "K", Decision.DISCARD: "D"}
DECISIONS = {
    Decision.FOLLOW_UP: N_("Follow up"),
    Decision.KEEP: N_("Keep"),
    Decision.DISCARD: N_("Discard"),
}
HELP = {
    Decision.KEEP: N_("Keep as a contact; nothing to do now."),
    Decision.DISCARD: N_("Delete this contact, its card, note and follow-ups for good."),
}
RATINGS = {Rating.YES: N_("Yes"), Rating.NOT_SURE: N_("Not sure"), Rating.NO: N_("No")}
STATUSES = {ContactStatus.FOLLOW_UP: N_("Follow-up queued"), ContactStatus.KEPT: N_("Kept")}
# The event's figures (fields of EventSummary), in the order they are shown.
FIGURES = (
    ("captured", N_("Captured")),
    ("clicked", N_("Clicked")),
    ("follow_ups", N_("Follow-ups")),
    ("kept", N_("Kept")),
    ("discarded", N_("Discarded")),
    ("pitches", N_("Pitches")),
)


def summary(_: Translator, figures: EventSummary) -> None:
    with st.container(horizontal=True, gap="small"):
        for field, label in FIGURES:
            st.metric(_(label), getattr(figures, field), width="content")


def bulk_discard(ctx: AppContext, event_id: int, count: int) -> None:
    _ = ctx.translate
    if not count:
        st.session_state[CONFIRM] = False
        return
    if not st.session_state[CONFIRM]:
        if st.button(
            _("Discard every No and every pitch ({count})", count=count),
            key="triage.bulk",
            icon=":material/delete_sweep:",
            help=_("Asks before it deletes anything."),
        ):
            st.session_state[CONFIRM] = True
            st.rerun()
        return
    st.warning(
        _.plural(
            "Discard {count} contact for good? Its card, note and follow-ups are deleted; "
            "a pitch goes on the no-thanks list.",
            "Discard {count} contacts for good? Their cards, notes and follow-ups are deleted; "
            "pitches go on the no-thanks list.",
            count,
        )
    )
    with st.container(horizontal=True):
        st.button(
            _("Yes, discard {count}", count=count),
            key="triage.bulk_yes",
            type="primary",
            on_click=discard_in_bulk,
            args=(ctx, event_id),
        )
        if st.button(_("Cancel"), key="triage.bulk_cancel"):
            st.session_state[CONFIRM] = False
            st.rerun()


def rating_label(_: Translator, rating: Rating | None) -> str:
    return _(RATINGS[rating]) if rating else "?"


def card_image(_: Translator, card: CardRecord | None) -> None:
    """The straightened card, else the photo; a photo the browser cannot show is said so."""
    if card is None:
        return
    try:
        st.image(card.card_jpeg or card.photo, caption=_("The card"))
    except (UnidentifiedImageError, OSError, ValueError):
        st.caption(_("This photo cannot be shown here."))


def _card_image(ctx: AppContext, contact: ContactRecord) -> None:
    card_image(ctx.translate, service.load_card(ctx.database, ctx.owner_id, contact.id))


def contact_facts(ctx: AppContext, contact: ContactRecord, *, show_card: bool) -> None:
    """Name, fields, rating and note; the card image only when asked for (it is large)."""
    _ = ctx.translate
    details = contact.details
    st.markdown(f"**{inert(contact.display_name)}**")
    line = " · ".join(inert(v) for v in (details.title, details.company) if v)
    if line:
        st.caption(line)
    for value in (*details.emails, *details.phones):
        st.text(value)
    flags = _("Did it click? **{rating}**", rating=rating_label(_, contact.rating))
    if contact.is_pitch:
        flags += f" · {_('They only pitched')}"
    st.markdown(flags)
    st.text(contact.note)
    if contact.they_need:
        st.caption(_("They need: {text}", text=inert(contact.they_need)))
    if contact.i_offer:
        st.caption(_("I can offer: {text}", text=inert(contact.i_offer)))
    if contact.scan_status is ScanStatus.NO_PHOTO:
        return
    if show_card or st.toggle(_("Show the card"), key=f"triage.card.{contact.id}"):
        _card_image(ctx, contact)


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
        return _.plural(
            "Queue a follow-up due within {count} hour.",
            "Queue a follow-up due within {count} hours.",
            hours,
        )
    return _(HELP[decision])


def decisions(ctx: AppContext, contact: ContactRecord, *, first: bool) -> None:
    """The one-tap decisions triage offers for this contact, the suggested one highlighted."""
    _ = ctx.translate
    if contact.status is not ContactStatus.CAPTURED:
        st.caption(f"✓ {_(STATUSES[contact.status])}")
        return
    allowed = allowed_decisions(contact.rating, contact.is_pitch)
    suggested = suggested_decision(contact.rating, contact.is_pitch)
    if contact.is_pitch:
        st.caption(_("No follow-up for a pitch."))
    elif can_rerate(contact.rating):
        _rerate_buttons(ctx, contact)
    if suggested is not None:
        st.caption(_("Suggested: {decision}", decision=_(DECISIONS[suggested])))
    with st.container(horizontal=True):
        for decision in (Decision.FOLLOW_UP, Decision.KEEP, Decision.DISCARD):
            if decision not in allowed:
                continue
            key = SHORTCUTS[decision]
            help_text = _help(_, decision, ctx.settings.follow_up_hours)
            st.button(
                _(DECISIONS[decision]),
                key=f"triage.{decision.value}.{contact.id}",
                type="primary" if decision is suggested else "secondary",
                on_click=decide,
                args=(ctx, contact.id, decision.value),
                help=help_text + (_(" Key: {letter}.", letter=key) if first else ""),
                shortcut=key if first else None,
            )


def pager(_: Translator, page: int, pages: int) -> None:
    if pages <= 1:
        return

    def go(to: int) -> None:
        st.session_state[PAGE] = to

    with st.container(horizontal=True, vertical_alignment="center"):
        st.button(
            _("Previous"),
            key="triage.previous",
            disabled=page == 0,
            on_click=go,
            args=(page - 1,),
        )
        st.caption(_("Page {page} of {pages}", page=page + 1, pages=pages))
        st.button(
            _("Next"),
            key="triage.next",
            disabled=page >= pages - 1,
            on_click=go,
            args=(page + 1,),
        )
