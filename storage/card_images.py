"""Card images: what a scan of the kept photo read (or why it failed), and the card read back."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.contact_rows import ContactNotFound, apply_details, owned_contact
from storage.kinds import ScanStatus
from storage.models import CardImage
from storage.records import CardRecord, ScanOutcome


def _owned_card(session: Session, owner_id: int, contact_id: int) -> CardImage:
    card = session.scalar(
        select(CardImage).where(CardImage.contact_id == contact_id, CardImage.owner_id == owner_id)
    )
    if card is None:
        raise ContactNotFound(contact_id)
    return card


def record_scan(session: Session, owner_id: int, contact_id: int, outcome: ScanOutcome) -> None:
    """Store what was read; fields the user has already answered are not overwritten."""
    contact = owned_contact(session, owner_id, contact_id)
    card = _owned_card(session, owner_id, contact_id)
    card.card_jpeg = outcome.card_jpeg
    card.raw_text = outcome.raw_text
    card.word_confidences = [[w, c] for w, c in outcome.word_confidences]
    card.field_confidence = dict(outcome.field_confidence)
    card.scan_status = ScanStatus.READ.value
    card.scan_error = ""
    if contact.answered_at is None:
        apply_details(contact, outcome.details)


def record_scan_failure(session: Session, owner_id: int, contact_id: int, reason: str) -> None:
    card = _owned_card(session, owner_id, contact_id)
    card.scan_status = ScanStatus.FAILED.value
    card.scan_error = reason[:500]


def get_card(session: Session, owner_id: int, contact_id: int) -> CardRecord | None:
    card = session.scalar(
        select(CardImage).where(CardImage.contact_id == contact_id, CardImage.owner_id == owner_id)
    )
    if card is None:
        return None
    return CardRecord(
        contact_id=card.contact_id,
        photo=card.photo,
        photo_type=card.photo_type,
        card_jpeg=card.card_jpeg,
        scan_status=ScanStatus(card.scan_status),
        scan_error=card.scan_error,
        raw_text=card.raw_text,
        field_confidence=dict(card.field_confidence or {}),
    )
