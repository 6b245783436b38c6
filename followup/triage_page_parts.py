"""The triage page's pieces: summary, one contact with its decisions, undo, bulk discard."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import streamlit as st
from PIL import UnidentifiedImageError
from sqlalchemy.exc import SQLAlchemyError

from followup import triage_service as service
from followup.model import Decision
from followup.triage import (
    allowed_decisions,
    can_rerate,
    follow_up_due,
    suggested_decision,
)
from followup.triage_page_texts import TEXT
from storage.context import AppContext
from storage.kinds import ContactStatus, Rating, ScanStatus
from storage.records import CardRecord, ContactRecord
from storage.texts import inert
from storage.triage import EventSummary

UNDO = "triage.undo"  # list of UndoStep, newest last: in this session's memory only
FLASH = "triage.flash"
CONFIRM = "triage.confirm_bulk"
PAGE = "triage.page"
MAX_UNDO = 20  # the oldest steps (and any data a discard holds) are let go beyond this

SHORTCUTS = {Decision.FOLLOW_UP: "F", Decision.KEEP: "K", Decision.DISCARD: "D"}
HELP = {
    Decision.FOLLOW_UP: "help_follow_up",
    Decision.KEEP: "help_keep",
    Decision.DISCARD: "help_discard",
}


def init_state() -> None:
    for name, default in ((UNDO, []), (FLASH, None), (CONFIRM, False), (PAGE, 0)):
        st.session_state.setdefault(name, default)


def forget_undo() -> None:
    """Leaving triage ends its session: discarded data held for undo is let go."""
    st.session_state[UNDO] = []


def show_flash() -> None:
    if st.session_state.get(FLASH):
        kind, message = st.session_state[FLASH]
        getattr(st, kind)(message)
        st.session_state[FLASH] = None


def _what(lang: str, step: service.UndoStep) -> str:
    names = ", ".join(inert(n) for n in step.names[:3])
    if len(step.names) > 3:
        names += f" (+{len(step.names) - 3})"
    return TEXT(lang, f"what_{step.decision}", names=names)


def _run(ctx: AppContext, action: Callable[[], service.UndoStep], done: Callable[..., str]) -> None:
    """A decision's callback: do it, remember how to undo it, say what happened."""
    lang = ctx.language
    try:
        step = action()
    except service.TriageError as refusal:
        st.session_state[FLASH] = ("error", TEXT(lang, f"error_{refusal.code}"))
        return
    except SQLAlchemyError:
        st.session_state[FLASH] = ("error", TEXT(lang, "save_failed"))
        return
    stack: list[service.UndoStep] = st.session_state[UNDO]
    stack.append(step)
    del stack[:-MAX_UNDO]
    st.session_state[FLASH] = ("success", done(step))


def _decide(ctx: AppContext, contact_id: int, decision: str) -> None:
    lang, db, owner = ctx.language, ctx.database, ctx.owner_id
    if decision == Decision.FOLLOW_UP:
        hours = ctx.settings.follow_up_hours
        now = datetime.now(UTC)
        due = f"{follow_up_due(now, hours).astimezone():%d.%m. %H:%M}"
        _run(
            ctx,
            lambda: service.follow_up(db, owner, contact_id, hours=hours, now=now),
            lambda step: TEXT(lang, "done_follow_up", name=inert(step.names[0]), due=due),
        )
    elif decision == Decision.KEEP:
        _run(
            ctx,
            lambda: service.keep(db, owner, contact_id),
            lambda step: TEXT(lang, "done_keep", name=inert(step.names[0])),
        )
    else:
        _run(
            ctx,
            lambda: service.discard(db, owner, [contact_id]),
            lambda step: TEXT(lang, "done_discard", count=len(step.names)),
        )


def _rerate(ctx: AppContext, contact_id: int, rating: str) -> None:
    _run(
        ctx,
        lambda: service.rerate(ctx.database, ctx.owner_id, contact_id, Rating(rating)),
        lambda step: TEXT(ctx.language, "done_rerate", name=inert(step.names[0])),
    )


def _bulk(ctx: AppContext, event_id: int) -> None:
    st.session_state[CONFIRM] = False
    _run(
        ctx,
        lambda: service.discard_every_no_and_pitch(ctx.database, ctx.owner_id, event_id),
        lambda step: TEXT(ctx.language, "done_discard", count=len(step.names)),
    )


def _undo(ctx: AppContext) -> None:
    stack: list[service.UndoStep] = st.session_state[UNDO]
    if not stack:
        return
    step = stack[-1]
    try:
        service.undo(ctx.database, ctx.owner_id, step)
    except (SQLAlchemyError, LookupError):
        st.session_state[FLASH] = ("error", TEXT(ctx.language, "save_failed"))
        return
    stack.pop()
    st.session_state[FLASH] = ("info", TEXT(ctx.language, "undone", what=_what(ctx.language, step)))


def undo_bar(ctx: AppContext, *, shortcut: bool) -> None:
    stack: list[service.UndoStep] = st.session_state[UNDO]
    if not stack:
        return
    lang = ctx.language
    st.button(
        TEXT(lang, "undo", what=_what(lang, stack[-1])),
        key="triage.undo_button",
        icon=":material/undo:",
        on_click=_undo,
        args=(ctx,),
        help=TEXT(lang, "undo_hint") + (TEXT(lang, "shortcut", letter="U") if shortcut else ""),
        shortcut="U" if shortcut else None,
    )
    st.caption(TEXT(lang, "undo_hint"))


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
            on_click=_bulk,
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
                    on_click=_rerate,
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
                on_click=_decide,
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
