"""Triage's decisions as button callbacks: do it, remember how to undo it, say what happened."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from followup import triage_service as service
from followup.model import Decision
from followup.triage import follow_up_due
from followup.triage_page_state import CONFIRM, FLASH, MAX_UNDO, UNDO
from followup.triage_page_texts import TEXT
from storage.context import AppContext
from storage.kinds import Rating
from storage.texts import inert


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


def decide(ctx: AppContext, contact_id: int, decision: str) -> None:
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


def rerate(ctx: AppContext, contact_id: int, rating: str) -> None:
    _run(
        ctx,
        lambda: service.rerate(ctx.database, ctx.owner_id, contact_id, Rating(rating)),
        lambda step: TEXT(ctx.language, "done_rerate", name=inert(step.names[0])),
    )


def discard_in_bulk(ctx: AppContext, event_id: int) -> None:
    st.session_state[CONFIRM] = False
    _run(
        ctx,
        lambda: service.discard_every_no_and_pitch(ctx.database, ctx.owner_id, event_id),
        lambda step: TEXT(ctx.language, "done_discard", count=len(step.names)),
    )


def undo(ctx: AppContext) -> None:
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
        on_click=undo,
        args=(ctx,),
        help=TEXT(lang, "undo_hint") + (TEXT(lang, "shortcut", letter="U") if shortcut else ""),
        shortcut="U" if shortcut else None,
    )
    st.caption(TEXT(lang, "undo_hint"))
