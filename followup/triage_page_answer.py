"""Triage's first duty: a capture still waiting for its two answers is answered here."""

from __future__ import annotations

from capture import intake
from capture.page_context import AppContext
from capture.page_form import contact_form, save_answered_form
from followup import triage_service as service
from followup.triage_page_parts import FLASH, card_image
from storage.records import ContactRecord


def answer_capture(ctx: AppContext, capture: ContactRecord) -> None:
    """The card, the fields read from it and the two questions, as on the capture page."""
    _, lang, db, owner = ctx.translate, ctx.language, ctx.database, ctx.owner_id
    card = service.load_card(db, owner, capture.id)
    card_image(_, card)
    entry = contact_form(
        f"triage.answer.{capture.id}",
        _,
        capture.details,
        card.field_confidence if card is not None else {},
    )
    if entry is not None:
        save_answered_form(
            _,
            entry,
            lambda details, answers: intake.save_capture(
                db, owner, capture.id, details=details, answers=answers, language=lang
            ),
            FLASH,
        )
