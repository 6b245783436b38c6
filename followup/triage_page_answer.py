"""Triage's first duty: a capture that holds a contact is answered here, or discarded."""

from __future__ import annotations

import streamlit as st

from capture import intake
from capture.page_context import AppContext
from capture.page_form import contact_form, known_warning, save_answered_form
from followup import triage_service as service
from followup.triage_page_parts import FLASH, card_image, no_thanks_flag
from followup.triage_page_pending import capture_actions
from followup.triage_page_state import KNOWN
from storage.records import ContactAnswers, ContactDetails, ContactRecord


def answer_first(ctx: AppContext, waiting: list[ContactRecord]) -> None:
    """What blocks triage, and the first of it with its card and the two questions."""
    _ = ctx.translate
    st.warning(
        _.plural(
            "{count} capture still waits for its two answers. Answer it or discard it: "
            "nothing else can be decided until then.",
            "{count} captures still wait for their two answers. Answer or discard each: "
            "nothing else can be decided until then.",
            len(waiting),
        )
    )
    answer_capture(ctx, waiting[0])


def answer_capture(ctx: AppContext, capture: ContactRecord) -> None:
    """The card, the fields read from it and the two questions, as on the capture page.

    A card on the no-thanks list says so first, with "Discard now" as the first action.
    """
    _, lang, db, owner = ctx.translate, ctx.language, ctx.database, ctx.owner_id
    flagged = no_thanks_flag(ctx, capture.details)
    capture_actions(ctx, capture, flagged=flagged)
    card = service.load_card(db, owner, capture.id)
    card_image(_, card)
    key = f"triage.answer.{capture.id}"
    offered = st.session_state.get(KNOWN, {}).get(key)
    known = offered or _known(ctx, capture.details, capture.id)
    if known is not None:
        known_warning(_, known)
    entry = contact_form(
        key, _, capture.details, card.field_confidence if card is not None else {}, known
    )
    if entry is None:
        return
    if known is None and (again := _known(ctx, entry.details, capture.id)):
        st.session_state[KNOWN] = {key: again}  # the one duplicate rule: offer the meeting first
        st.rerun()
    st.session_state.pop(KNOWN, None)

    def save(details: ContactDetails, answers: ContactAnswers) -> ContactRecord:
        if known is not None and entry.add_to_existing:
            return intake.add_meeting_instead(
                db,
                owner,
                existing_id=known.id,
                capture_id=capture.id,
                event_id=capture.event_id,
                answers=answers,
            )
        return intake.save_capture(
            db, owner, capture.id, details=details, answers=answers, language=lang
        )

    save_answered_form(_, entry, save, FLASH)


def _known(ctx: AppContext, details: ContactDetails, capture_id: int) -> ContactRecord | None:
    """Someone the user already has, by the one duplicate rule."""
    found = intake.matching_contacts(ctx.database, ctx.owner_id, details, exclude_id=capture_id)
    return found[0] if found else None
