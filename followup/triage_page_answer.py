"""Triage's first duty: a capture still waiting for its two answers is answered here."""

from __future__ import annotations

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from capture import intake
from capture.page_form import contact_form
from followup import triage_service as service
from followup.triage_page_parts import FLASH, card_image
from followup.triage_page_texts import TEXT
from storage import contacts
from storage.context import AppContext
from storage.records import ContactRecord
from storage.texts import inert


def answer_capture(ctx: AppContext, capture: ContactRecord) -> None:
    """The card, the fields read from it and the two questions, as on the capture page."""
    lang, db, owner = ctx.language, ctx.database, ctx.owner_id
    card = service.load_card(db, owner, capture.id)
    card_image(lang, card)
    entry = contact_form(
        f"triage.answer.{capture.id}",
        lang,
        capture.details,
        card.field_confidence if card is not None else {},
    )
    if entry is None:
        return
    try:
        answers = entry.checked_answers(lang)
    except intake.AnswerError as refusal:
        st.error(str(refusal))
        return
    try:
        saved = intake.save_capture(
            db, owner, capture.id, details=entry.details, answers=answers, language=lang
        )
    except (SQLAlchemyError, contacts.ContactError):
        st.error(TEXT(lang, "save_failed"))
        return
    st.session_state[FLASH] = ("success", TEXT(lang, "answered", name=inert(saved.display_name)))
    st.rerun()
