"""The triage page's shared pieces: the event's figures, bulk discard, the card, the flag."""

# The page script reaches the session state (triage_page_state.py) and the undo bar
# (triage_page_actions.py) through this module too: they are re-exported here.

from __future__ import annotations

import streamlit as st
from PIL import UnidentifiedImageError

from capture import intake
from capture.page_context import AppContext
from capture.page_pending import no_thanks_sentence
from capture.translation import N_, Translator
from followup.triage_page_actions import discard_in_bulk, undo_bar, undo_hint
from followup.triage_page_state import CONFIRM, FLASH, POSITION, init_state, show_flash
from storage.kinds import Rating
from storage.records import CardRecord, ContactDetails
from storage.triage import EventSummary

__all__ = [
    "FLASH",
    "POSITION",
    "bulk_discard",
    "card_image",
    "init_state",
    "no_thanks_flag",
    "rating_label",
    "show_flash",
    "summary",
    "undo_bar",
    "undo_hint",
]


RATINGS = {Rating.YES: N_("Yes"), Rating.NOT_SURE: N_("Not sure"), Rating.NO: N_("No")}
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


def card_image(
    _: Translator, card: CardRecord | None, *, width: int | None = None, caption: bool = True
) -> None:
    """The straightened card, else the photo; a photo the browser cannot show is said so."""
    if card is None:
        return
    try:
        st.image(
            card.card_jpeg or card.photo,
            caption=_("The card") if caption else None,
            width=width or "content",
            alt=_("The card"),
        )
    except (UnidentifiedImageError, OSError, ValueError):
        st.caption(_("This photo cannot be shown here."))


def no_thanks_flag(ctx: AppContext, details: ContactDetails) -> bool:
    """Flag a card whose e-mail or phone was discarded as a pitch before; True if it was."""
    if not (details.emails or details.phones):
        return False
    _ = ctx.translate
    hit = intake.no_thanks_hit(ctx.database, ctx.owner_id, details)
    if hit is None:
        return False
    st.error(no_thanks_sentence(_, hit), icon=":material/block:")
    return True
