"""Triage's decisions as button callbacks: do it, remember how to undo it, say what happened."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from capture import intake
from capture.page_context import AppContext
from capture.translation import N_, Translator, inert
from followup import triage_service as service
from followup.model import Decision
from followup.triage import follow_up_due
from followup.triage_page_state import CONFIRM, FLASH, MAX_UNDO, UNDO
from storage.kinds import Rating

# Why triage refused a decision, by the code of service.TriageError.
REFUSALS = {
    "gone": N_("This contact is no longer there."),
    "decided": N_(
        "This contact was decided meanwhile, perhaps in another window: nothing was changed."
    ),
    "not_offered": N_("That decision is not offered for this contact."),
}
# What an undo step takes back, by its decision.
WHAT = {
    Decision.FOLLOW_UP.value: N_("follow up {names}"),
    Decision.KEEP.value: N_("keep {names}"),
    Decision.DISCARD.value: N_("discard {names}"),
    "rerate": N_("re-rate {names}"),
}


def _what(_: Translator, step: service.UndoStep) -> str:
    names = ", ".join(inert(n) for n in step.names[:3])
    if len(step.names) > 3:
        names += f" (+{len(step.names) - 3})"
    return _(WHAT[step.decision], names=names)


def _run(ctx: AppContext, action: Callable[[], service.UndoStep], done: Callable[..., str]) -> None:
    """A decision's callback: do it, remember how to undo it, say what happened."""
    _ = ctx.translate
    try:
        step = action()
    except service.TriageError as refusal:
        st.session_state[FLASH] = ("error", _(REFUSALS[refusal.code]))
        return
    except SQLAlchemyError:
        st.session_state[FLASH] = (
            "error",
            _("That could not be saved just now; nothing is lost. Try again."),
        )
        return
    stack: list[service.UndoStep] = st.session_state[UNDO]
    stack.append(step)
    del stack[:-MAX_UNDO]
    st.session_state[FLASH] = ("success", done(step))


def _discarded(_: Translator, step: service.UndoStep) -> str:
    return _("{count} discarded, for good.", count=len(step.names))


def decide(ctx: AppContext, contact_id: int, decision: str) -> None:
    _, db, owner = ctx.translate, ctx.database, ctx.owner_id
    if decision == Decision.FOLLOW_UP:
        hours = ctx.settings.follow_up_hours
        now = datetime.now(UTC)
        due = _.moment(follow_up_due(now, hours), year=False)
        _run(
            ctx,
            lambda: service.follow_up(db, owner, contact_id, hours=hours, now=now),
            lambda step: _(
                "Follow-up for {name} queued, due {due}.", name=inert(step.names[0]), due=due
            ),
        )
    elif decision == Decision.KEEP:
        _run(
            ctx,
            lambda: service.keep(db, owner, contact_id),
            lambda step: _("{name} kept.", name=inert(step.names[0])),
        )
    else:
        _run(
            ctx,
            lambda: service.discard(db, owner, [contact_id], undecided_only=True),
            lambda step: _discarded(_, step),
        )


def discard_now(ctx: AppContext, contact_id: int) -> None:
    """A contact on the no-thanks list goes; the list keeps the hashes it already has."""
    _run(
        ctx,
        lambda: service.discard(
            ctx.database, ctx.owner_id, [contact_id], undecided_only=True, add_no_thanks=False
        ),
        lambda step: _discarded(ctx.translate, step),
    )


def drop_capture(ctx: AppContext, capture_id: int) -> None:
    """A pending capture deleted for good, photo included: no rating, no note, no undo."""
    _ = ctx.translate
    try:
        intake.discard_capture(ctx.database, ctx.owner_id, capture_id)
    except LookupError:
        st.session_state[FLASH] = (
            "error",
            _("This capture was already answered or discarded elsewhere."),
        )
        return
    except SQLAlchemyError:
        st.session_state[FLASH] = (
            "error",
            _("That could not be saved just now; nothing is lost. Try again."),
        )
        return
    st.session_state[FLASH] = ("success", _("Capture discarded for good, photo included."))


def rerate(ctx: AppContext, contact_id: int, rating: str) -> None:
    _ = ctx.translate
    _run(
        ctx,
        lambda: service.rerate(ctx.database, ctx.owner_id, contact_id, Rating(rating)),
        lambda step: _("{name} rated again.", name=inert(step.names[0])),
    )


def discard_in_bulk(ctx: AppContext, event_id: int) -> None:
    st.session_state[CONFIRM] = False
    _run(
        ctx,
        lambda: service.discard_every_no_and_pitch(ctx.database, ctx.owner_id, event_id),
        lambda step: _discarded(ctx.translate, step),
    )


def undo(ctx: AppContext) -> None:
    _ = ctx.translate
    stack: list[service.UndoStep] = st.session_state[UNDO]
    if not stack:
        return
    step = stack[-1]
    try:
        service.undo(ctx.database, ctx.owner_id, step)
    except (SQLAlchemyError, LookupError):
        st.session_state[FLASH] = (
            "error",
            _("That could not be saved just now; nothing is lost. Try again."),
        )
        return
    stack.pop()
    st.session_state[FLASH] = ("info", _("Undone: {what}.", what=_what(_, step)))


def undo_hint(ctx: AppContext) -> None:
    """What undo can do, said once there is something to undo."""
    if st.session_state[UNDO]:
        st.caption(_hint(ctx.translate))


def _hint(_: Translator) -> str:
    return _(
        "Undo is possible until you leave triage. Until then a discarded contact "
        "is held only in this browser session, never stored."
    )


def undo_bar(ctx: AppContext, *, shortcut: bool) -> None:
    stack: list[service.UndoStep] = st.session_state[UNDO]
    if not stack:
        return
    _ = ctx.translate
    st.button(
        _("Undo: {what}", what=_what(_, stack[-1])),
        key="triage.undo_button",
        icon=":material/undo:",
        on_click=undo,
        args=(ctx,),
        help=_hint(_) + (_(" Key: {letter}.", letter="U") if shortcut else ""),
        shortcut="U" if shortcut else None,
    )
