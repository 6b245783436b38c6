"""An owner's right to their data: export everything, or erase the account for good."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import date, datetime
from typing import Any

from sqlalchemy import Table, delete, select
from sqlalchemy.orm import Session

from storage.models import Base, CardImage, Owner

EXTENSIONS = {"image/png": "png", "image/webp": "webp", "image/heic": "heic", "image/heif": "heif"}
# Columns that are bookkeeping, not the owner's data.
SKIPPED_COLUMNS = {"owner_id", "match_keys"}


def owned_tables() -> list[Table]:
    """Every table with an owner column, children before parents (safe order to delete)."""
    return [t for t in reversed(Base.metadata.sorted_tables) if "owner_id" in t.c]


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def export_owner_data(session: Session, owner_id: int) -> bytes:
    """A zip of JSON files and card images with everything Klick keeps for this owner."""
    owner = session.get(Owner, owner_id)
    if owner is None:
        raise LookupError(f"no owner {owner_id}")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        account = {
            "username": owner.username,
            "display_name": owner.display_name,
            "created_at": _plain(owner.created_at),
        }
        archive.writestr("account.json", json.dumps(account, ensure_ascii=False, indent=2))
        for table in owned_tables():
            columns = [
                c
                for c in table.c
                if c.key not in SKIPPED_COLUMNS and c.type.python_type is not bytes
            ]
            rows = session.execute(
                select(*columns).where(table.c.owner_id == owner_id).order_by(table.c.id)
            )
            data = [{k: _plain(v) for k, v in row._mapping.items()} for row in rows]
            archive.writestr(f"{table.name}.json", json.dumps(data, ensure_ascii=False, indent=2))
        for card in session.scalars(select(CardImage).where(CardImage.owner_id == owner_id)):
            extension = EXTENSIONS.get(card.photo_type, "jpg")
            archive.writestr(f"images/{card.contact_id}-photo.{extension}", card.photo)
            if card.card_jpeg:
                archive.writestr(f"images/{card.contact_id}-card.jpg", card.card_jpeg)
    return buffer.getvalue()


def delete_owner(session: Session, owner_id: int) -> None:
    """Erase the account and every row it owns, children first, in one transaction."""
    for table in owned_tables():
        session.execute(table.delete().where(table.c.owner_id == owner_id))
    session.execute(delete(Owner).where(Owner.id == owner_id))
