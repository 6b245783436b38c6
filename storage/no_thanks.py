"""The no-thanks list: salted hashes of discarded pitches, nothing readable."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.models import Event, NoThanks, utcnow
from storage.records import NoThanksHit


def add_no_thanks(
    session: Session, owner_id: int, key_hashes: Iterable[str], *, event_id: int | None
) -> None:
    known = set(session.scalars(select(NoThanks.key_hash).where(NoThanks.owner_id == owner_id)))
    for key_hash in dict.fromkeys(key_hashes):
        if key_hash not in known:
            session.add(
                NoThanks(
                    owner_id=owner_id, key_hash=key_hash, event_id=event_id, discarded_at=utcnow()
                )
            )
    session.flush()


def remove_no_thanks(session: Session, owner_id: int, key_hashes: Iterable[str]) -> None:
    """Used by undo: forget hashes added in this triage session."""
    hashes = list(key_hashes)
    for row in session.scalars(
        select(NoThanks).where(NoThanks.owner_id == owner_id, NoThanks.key_hash.in_(hashes))
    ):
        session.delete(row)


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
