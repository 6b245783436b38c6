"""The triage page's pieces: summary, each contact with its decisions, bulk discard, pager."""

# The page script reaches everything through this module: its state (triage_page_state.py)
# and the undo bar (triage_page_actions.py) are re-exported here.

from __future__ import annotations

import streamlit as st
from PIL import UnidentifiedImageError

from followup import triage_service as service
from followup.model import Decision
from followup.triage import allowed_decisions, can_rerate, suggested_decision
from followup.triage_page_actions import decide, discard_in_bulk, rerate, undo_bar
from followup.triage_page_state import CONFIRM, FLASH, PAGE, init_state, show_flash
from followup.triage_page_texts import TEXT
from storage.context import AppContext
from storage.kinds import ContactStatus, Rating, ScanStatus
from storage.records import CardRecord, ContactRecord
from storage.texts import inert
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
HELP = {
    Decision.FOLLOW_UP: "help_follow_up",
    Decision.KEEP: "help_keep",
    Decision.DISCARD: "help_discard",
}


def summary(lang: str, figures: EventSummary) -> None:
    with st.container(horizontal=True, gap="small"):
        for key in ("captured", "clicked", "follow_ups", "kept", "discarded", "pitches"):
            st.metric(TEXT(lang, key), getattr(figures, key), width="content")


def bulk_discard(ctx: AppContext, event_id: int, count: int) -> None:
    lang = ctx.language
    if not count:
        st.session_state[CONFIRM] = False
        return
    if not st.session_state[CONFIRM]:
        if st.button(
            TEXT(lang, "bulk", count=count),
            key="triage.bulk",
            icon=":material/delete_sweep:",
            help=TEXT(lang, "bulk_help"),
        ):
            st.session_state[CONFIRM] = True
            st.rerun()
        return
    st.warning(TEXT(lang, "bulk_confirm", count=count))
    with st.container(horizontal=True):
        st.button(
            TEXT(lang, "bulk_yes", count=count),
            key="triage.bulk_yes",
            type="primary",
            on_click=discard_in_bulk,
            args=(ctx, event_id),
        )
        if st.button(TEXT(lang, "cancel"), key="triage.bulk_cancel"):
            st.session_state[CONFIRM] = False
            st.rerun()


def rating_label(lang: str, rating: Rating | None) -> str:
    return TEXT(lang, rating.value) if rating else "?"


def card_image(lang: str, card: CardRecord | None) -> None:
    """The straightened card, else the photo; a photo the browser cannot show is said so."""
    if card is None:
        return
    try:
        st.image(card.card_jpeg or card.photo, caption=TEXT(lang, "card_caption"))
    except (UnidentifiedImageError, OSError, ValueError):
        st.caption(TEXT(lang, "no_image"))


def _card_image(ctx: AppContext, contact: ContactRecord) -> None:
    card_image(ctx.language, service.load_card(ctx.database, ctx.owner_id, contact.id))


def contact_facts(ctx: AppContext, contact: ContactRecord, *, show_card: bool) -> None:
    """Name, fields, rating and note; the card image only when asked for (it is large)."""
    lang = ctx.language
    details = contact.details
    st.markdown(f"**{inert(contact.display_name)}**")
    line = " · ".join(inert(v) for v in (details.title, details.company) if v)
    if line:
        st.caption(line)
    for value in (*details.emails, *details.phones):
        st.text(value)
    flags = TEXT(lang, "rating", rating=rating_label(lang, contact.rating))
    if contact.is_pitch:
        flags += f" · {TEXT(lang, 'pitch')}"
    st.markdown(flags)
    st.text(contact.note)
    for key, value in (("need", contact.they_need), ("offer", contact.i_offer)):
        if value:
            st.caption(f"{TEXT(lang, key)}: {inert(value)}")
    if contact.scan_status is ScanStatus.NO_PHOTO:
        return
    if show_card or st.toggle(TEXT(lang, "show_card"), key=f"triage.card.{contact.id}"):
        _card_image(ctx, contact)


def decisions(ctx: AppContext, contact: ContactRecord, *, first: bool) -> None:
    """The one-tap decisions triage offers for this contact, the suggested one highlighted."""
    lang = ctx.language
    if contact.status is not ContactStatus.CAPTURED:
        st.caption(f"✓ {TEXT(lang, f'status_{contact.status.value}')}")
        return
    allowed = allowed_decisions(contact.rating, contact.is_pitch)
    suggested = suggested_decision(contact.rating, contact.is_pitch)
    if contact.is_pitch:
        st.caption(TEXT(lang, "no_follow_up_pitch"))
    elif can_rerate(contact.rating):
        st.caption(TEXT(lang, "no_follow_up_unsure"))
        with st.container(horizontal=True):
            for rating, key in ((Rating.YES, "rerate_yes"), (Rating.NO, "rerate_no")):
                st.button(
                    TEXT(lang, key),
                    key=f"triage.rerate.{rating.value}.{contact.id}",
                    on_click=rerate,
                    args=(ctx, contact.id, rating.value),
                    help=TEXT(lang, "rerate_help"),
                )
    if suggested is not None:
        st.caption(TEXT(lang, "suggested", decision=TEXT(lang, suggested.value)))
    with st.container(horizontal=True):
        for decision in (Decision.FOLLOW_UP, Decision.KEEP, Decision.DISCARD):
            if decision not in allowed:
                continue
            key = SHORTCUTS[decision]
            help_text = TEXT(lang, HELP[decision], hours=ctx.settings.follow_up_hours)
            st.button(
                TEXT(lang, decision.value),
                key=f"triage.{decision.value}.{contact.id}",
                type="primary" if decision is suggested else "secondary",
                on_click=decide,
                args=(ctx, contact.id, decision.value),
                help=help_text + (TEXT(lang, "shortcut", letter=key) if first else ""),
                shortcut=key if first else None,
            )


def pager(lang: str, page: int, pages: int) -> None:
    if pages <= 1:
        return

    def go(to: int) -> None:
        st.session_state[PAGE] = to

    with st.container(horizontal=True, vertical_alignment="center"):
        st.button(
            TEXT(lang, "previous"),
            key="triage.previous",
            disabled=page == 0,
            on_click=go,
            args=(page - 1,),
        )
        st.caption(TEXT(lang, "page", page=page + 1, pages=pages))
        st.button(
            TEXT(lang, "next"),
            key="triage.next",
            disabled=page >= pages - 1,
            on_click=go,
            args=(page + 1,),
        )
