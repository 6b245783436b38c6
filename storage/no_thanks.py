"""The no-thanks list: salted hashes of discarded pitches, nothing readable.

Triage adds to it when it discards a pitch (`storage.triage`); the keys are made by
`storage.matching.no_thanks_keys`.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.models import Event, NoThanks
from storage.records import NoThanksHit


def find_no_thanks(
    session: Session, owner_id: int, key_hashes: Iterable[str]
) -> NoThanksHit | None:
    """When and where a card with one of these hashes was discarded as a pitch."""
    hashes = list(key_hashes)
    if not hashes:
        return None
    row = session.execute(
        select(NoThanks.discarded_at, Event.name, Event.held_on)
        .outerjoin(Event, Event.id == NoThanks.event_id)
        .where(NoThanks.owner_id == owner_id, NoThanks.key_hash.in_(hashes))
        .order_by(NoThanks.discarded_at.desc())
        .limit(1)
    ).first()
    if row is None:
        return None
    return NoThanksHit(discarded_at=row[0], event_name=row[1] or "", event_date=row[2])
